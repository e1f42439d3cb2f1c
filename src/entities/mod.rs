//! Entities: the mentions of one person, organisation, place or thing
//! grouped together, with a canonical name, roles and affiliations for
//! people, and a salience score.
//!
//! Grouping runs in passes over the mentions, each joining groups by one
//! kind of evidence (a union-find keeps it linear in practice):
//! 1. same normalised name ("Kim Jong-Un" = "Kim Jong-un", "the US" = "US");
//! 2. the country table: names and aliases ("US" = "United States"), and
//!    capitals or seats of government used as actors ("Washington said",
//!    "the Moscow administration", "Pyongyang's commitments"), see [`context`];
//! 3. a person's shorter form joins the one full name that contains it
//!    ("Putin", "Kim"), never when two full names share it ("Biden");
//! 4. acronyms join their expansion ("UN" = "United Nations").
//!
//! Then [`roles`] gives people their titles and affiliations, and [`coref`]
//! adds pronouns and role nouns ("he", "the spokesman", "the Indiana
//! governor": `role_nouns`) as mentions of the person they refer to.

mod aliases;
pub mod context;
pub mod coref;
mod role_nouns;
pub mod roles;

use crate::analysis::{Entity, Label, Mention, MentionKind, Quote};
use crate::lexicon::countries::{self, Relation};
use crate::lexicon::gender::Gender;
use crate::lexicon::roles as role_words;
use crate::doc::Doc;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

/// A country a name refers to, and how.
pub(crate) type CountryRef = Option<(&'static countries::Country, Relation)>;

/// Groups `mentions` into entities, setting each mention's `entity`, and adds
/// pronoun and role-noun mentions that refer to named people. `mentions`
/// stays sorted by offset.
#[inline(never)]
pub fn group(doc: &Doc, mentions: &mut Vec<Mention>) -> Vec<Entity> {
    let n = mentions.len();
    let mut sets = UnionFind::new(n);
    let names = Names::new(mentions);
    // What a mention is a country's, if anything, and how.
    let mut country_of: Vec<CountryRef> = vec![None; n];
    let to_gpe = group_by_key(doc, mentions, &names, &mut sets, &mut country_of);
    for i in to_gpe {
        mentions[i].label = Label::Gpe;
    }
    // Each mention's normalised name ("" for dates and amounts).
    let norms: Vec<&str> = (0..n).map(|i| names.of(i).map_or("", |(norm, _)| norm)).collect();
    let honorifics = honorific_genders(doc, mentions);
    aliases::join(doc, mentions, &norms, &honorifics, &mut sets, &country_of);
    let mut entities = number_entities(mentions, &mut sets);
    let mut words = Vec::new();
    for e in &mut entities {
        name_entity(e, mentions, &country_of, &mut words);
    }
    roles::assign(doc, mentions, &mut entities);
    coref::resolve(doc, mentions, &honorifics, &mut entities);
    entities
}

/// The gender an honorific right before each mention shows ("Mr. Obama",
/// "Mrs. Smith"), found in one walk over the tokens: mentions and tokens
/// are both in text order, so each mention's first token follows the last.
fn honorific_genders(doc: &Doc, mentions: &[Mention]) -> Vec<Option<Gender>> {
    // The mention's first token (where `Doc::token_range` starts).
    let mut t = 0;
    mentions
        .iter()
        .map(|m| {
            if t > 0 && doc.tokens[t - 1].start >= m.start {
                // Out of text order: search again.
                t = doc.tokens.partition_point(|x| x.start < m.start);
            }
            while doc.tokens.get(t).is_some_and(|x| x.start < m.start) {
                t += 1;
            }
            let prev = doc.tokens[t.checked_sub(1)?].text(doc.text);
            role_words::honorific_gender(prev)
        })
        .collect()
}

/// The normalised form and country of each named mention. Names repeat
/// within an article: each distinct text is normalised and looked up once.
struct Names {
    /// The distinct texts' normalised names, one after another: one buffer
    /// instead of a string allocated for each.
    normals: String,
    /// (where its normalised name is in `normals`, country) per distinct text.
    found: Vec<(Range<usize>, CountryRef)>,
    /// For each mention, its entry in `found` (`usize::MAX` for dates and amounts).
    found_of: Vec<usize>,
}

impl Names {
    fn new(mentions: &[Mention]) -> Names {
        let countries = countries::table();
        let mut normals = String::new();
        let mut found: Vec<(Range<usize>, CountryRef)> = Vec::new();
        let mut found_of = vec![usize::MAX; mentions.len()];
        let mut seen: HashMap<&str, usize> = sized_map(mentions.len());
        for (i, m) in mentions.iter().enumerate() {
            if m.label.is_named() {
                found_of[i] = *seen.entry(m.text.as_str()).or_insert_with(|| {
                    let start = normals.len();
                    normalise_into(&m.text, &mut normals);
                    found.push((start..normals.len(), countries.lookup(&m.text)));
                    found.len() - 1
                });
            }
        }
        Names { normals, found, found_of }
    }

    /// Mention `i`'s normalised name and country, if it is named.
    fn of(&self, i: usize) -> Option<(&str, CountryRef)> {
        self.found
            .get(self.found_of[i])
            .map(|(norm, c)| (&self.normals[norm.clone()], *c))
    }
}

/// What mentions are grouped by: the same normalised name, the same
/// country, or (dates and amounts) the same label and exact text.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Name(&'a str),
    Country(&'static str),
    Exact(Label, &'a str),
}

/// Unites mentions with the same [`Key`], setting each mention's country
/// relation; returns the mentions a country's name makes GPE.
#[inline(never)]
fn group_by_key(
    doc: &Doc,
    mentions: &[Mention],
    names: &Names,
    sets: &mut UnionFind,
    country_of: &mut [CountryRef],
) -> Vec<usize> {
    // The words of multi-word person names: "Washington" in "Denzel Washington".
    let words = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.label == Label::Person && m.text.contains(' '))
        .filter_map(|(i, _)| names.of(i))
        .flat_map(|(norm, _)| norm.split(' '));
    let mut person_words: HashSet<&str> = sized_set(mentions.len());
    person_words.extend(words);
    let mut by_key: HashMap<Key, usize> = sized_map(mentions.len());
    let mut to_gpe: Vec<usize> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let mut is_country_name = false;
        let key = match names.of(i) {
            Some((norm, country)) => {
                let mut key = Key::Name(norm);
                if let Some((c, rel)) = country {
                    let joins = joins_country(doc, m, rel, person_words.contains(norm));
                    if joins {
                        key = Key::Country(c.code);
                        // A country's own name is a GPE whatever the tagger said ("(US)" as MISC).
                        is_country_name = rel == Relation::Name;
                    }
                    country_of[i] = Some((c, if joins { Relation::Name } else { rel }));
                }
                key
            }
            // Dates and amounts group by their exact text.
            None => Key::Exact(m.label, &m.text),
        };
        let named_person = country_of[i].is_some_and(|(_, r)| r == Relation::Name)
            && m.label == Label::Person;
        if is_country_name || named_person {
            to_gpe.push(i);
        }
        match by_key.get(&key) {
            Some(&j) => sets.union(j, i),
            None => {
                by_key.insert(key, i);
            }
        }
    }
    to_gpe
}

/// Whether a mention that names a country in the way `rel` says stands for
/// the country itself: its name (unless tagged a person), a capital used as
/// an actor ("Washington said"; one the tagger took for a person counts
/// unless a person of the article carries it in their name), a seat of
/// government not used as a place.
fn joins_country(doc: &Doc, m: &Mention, rel: Relation, in_person_name: bool) -> bool {
    match rel {
        Relation::Name => m.label != Label::Person,
        Relation::Capital => {
            (matches!(m.label, Label::Gpe | Label::Loc | Label::Org)
                || m.label == Label::Person && !in_person_name)
                && context::acts_as_government(doc, m)
        }
        Relation::Seat => {
            matches!(m.label, Label::Gpe | Label::Loc | Label::Org | Label::Fac)
                && !context::is_located(doc, m)
        }
        Relation::Demonym => false,
    }
}

/// One entity per set of mentions, numbered in order of first mention,
/// with each mention's `entity` set.
fn number_entities(mentions: &mut [Mention], sets: &mut UnionFind) -> Vec<Entity> {
    // Each mention's root, and how many mentions each root has: each
    // entity's list is allocated once at its size instead of grown by pushes.
    let roots: Vec<usize> = (0..mentions.len()).map(|i| sets.find(i)).collect();
    let mut size_of_root: Vec<usize> = vec![0; mentions.len()];
    for &root in &roots {
        size_of_root[root] += 1;
    }
    // Each root's entity (`usize::MAX` until its first mention): roots are mention indices.
    let mut entity_of_root: Vec<usize> = vec![usize::MAX; mentions.len()];
    let mut entities: Vec<Entity> = Vec::with_capacity(size_of_root.iter().filter(|&&c| c > 0).count());
    for (i, mention) in mentions.iter_mut().enumerate() {
        let root = roots[i];
        if entity_of_root[root] == usize::MAX {
            entity_of_root[root] = entities.len();
            entities.push(Entity {
                id: entities.len(),
                name: String::new(),
                label: mention.label,
                mentions: Vec::with_capacity(size_of_root[root]),
                role: None,
                affiliation: None,
                affiliation_entity: None,
                country: None,
                related: None,
                salience: 0.0,
            });
        }
        let id = entity_of_root[root];
        entities[id].mentions.push(i);
        mention.entity = Some(id);
    }
    entities
}

/// Sets an entity's label, canonical name and country codes from its
/// mentions; `words` is room for the mentions' word counts, reused.
#[inline(never)]
fn name_entity(e: &mut Entity, mentions: &[Mention], country_of: &[CountryRef], words: &mut Vec<usize>) {
    if let Some(country) = e.mentions.iter().find_map(|&i| {
        country_of[i]
            .filter(|(_, r)| *r == Relation::Name)
            .map(|(c, _)| c)
    }) {
        e.label = Label::Gpe;
        e.country = Some(country.code.to_string());
        e.name = country.name.to_string();
        return;
    }
    if let [only] = e.mentions[..] {
        // Most entities are mentioned once: that mention names them.
        e.label = mentions[only].label;
        e.name = canonical(&mentions[only].text);
    } else {
        label_and_name(e, mentions, words);
    }
    if e.label == Label::Norp {
        e.related = e
            .mentions
            .iter()
            .find_map(|&i| country_of[i].map(|(c, _)| c.code.to_string()));
    }
}

/// An entity's label and name from its several mentions: the most frequent
/// label, ties to the longest name's, and the fullest form with that label.
/// `words` is room for each mention's word count, counted once for both choices.
fn label_and_name(e: &mut Entity, mentions: &[Mention], words: &mut Vec<usize>) {
    words.clear();
    words.extend(e.mentions.iter().map(|&i| word_count(&mentions[i].text)));
    // Each mention with its word count.
    let ms = || e.mentions.iter().zip(words.iter()).map(|(&i, &w)| (&mentions[i], w));
    // The most frequent label among the names, ties to the longest name's.
    let mut counts: Vec<(Label, usize)> = Vec::new();
    for (m, _) in ms() {
        match counts.iter_mut().find(|(l, _)| *l == m.label) {
            Some((_, c)) => *c += 1,
            None => counts.push((m.label, 1)),
        }
    }
    let (longest, _) = ms()
        .max_by_key(|&(m, w)| (w, std::cmp::Reverse(m.start)))
        .expect("an entity has mentions");
    let best = counts.iter().map(|&(_, c)| c).max().unwrap_or(0);
    e.label = if counts
        .iter()
        .find(|(l, _)| *l == longest.label)
        .is_some_and(|&(_, c)| c == best)
    {
        longest.label
    } else {
        counts
            .iter()
            .find(|&&(_, c)| c == best)
            .map_or(longest.label, |&(l, _)| l)
    };
    // The fullest form with the entity's label.
    let fullest = ms()
        .filter(|(m, _)| m.label == e.label)
        .max_by_key(|&(m, w)| (w, m.text.len(), std::cmp::Reverse(m.start)))
        .map_or(longest, |(m, _)| m);
    e.name = canonical(&fullest.text);
}

/// How many words `s` has, as `split_whitespace` counts them; ASCII text
/// (nearly every name) is counted by its bytes, without decoding characters.
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // The ASCII characters `char::is_whitespace` accepts.
    let space = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
    let mut prev_space = true;
    let mut words = 0;
    for b in s.bytes() {
        let is_space = space(b);
        words += usize::from(prev_space && !is_space);
        prev_space = is_space;
    }
    words
}

/// A name as it would head a list: without a leading "the" or a possessive.
fn canonical(name: &str) -> String {
    bare_name(name).to_string()
}

/// `name` without a leading "the" and a trailing possessive, as a slice of it.
pub(crate) fn bare_name(name: &str) -> &str {
    let n = ["the ", "The ", "THE "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    n.strip_suffix("'s")
        .or_else(|| n.strip_suffix("’s"))
        .unwrap_or(n)
}

/// Appends `name` to `out` lowercase, with hyphens as spaces and no
/// leading "the" or possessive.
fn normalise_into(name: &str, out: &mut String) {
    if name.is_ascii() {
        return normalise_ascii_into(name, out);
    }
    let lower = name.to_lowercase(); // final sigma and the like need the whole string
    let hyphen = |c: char| c == '-' || c == '‐';
    let mut n = lower.as_str();
    if let Some(rest) = n.strip_prefix("the") {
        if let Some(c) = rest.chars().next().filter(|&c| c == ' ' || hyphen(c)) {
            n = &rest[c.len_utf8()..];
        }
    }
    let n = n
        .strip_suffix("'s")
        .or_else(|| n.strip_suffix("’s"))
        .unwrap_or(n);
    let first = out.len();
    for word in n.split(|c: char| c.is_whitespace() || hyphen(c)) {
        if !word.is_empty() {
            if out.len() > first {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
}

/// [`normalise_into`] for an ASCII name (nearly every name), by its bytes:
/// no character is decoded, and the words are lower-cased in place at the end.
fn normalise_ascii_into(name: &str, out: &mut String) {
    let b = name.as_bytes();
    let the = b.len() > 3 && b[..3].eq_ignore_ascii_case(b"the") && matches!(b[3], b' ' | b'-');
    let from = if the { 4 } else { 0 };
    let possessive = b.len() >= from + 2 && b[b.len() - 2] == b'\'' && b[b.len() - 1].eq_ignore_ascii_case(&b's');
    let to = if possessive { b.len() - 2 } else { b.len() };
    // The ASCII characters `char::is_whitespace` accepts, and the hyphen.
    let separator = |c: u8| matches!(c, b' ' | b'\t'..=b'\r' | b'-');
    let first = out.len();
    let mut start = from;
    for end in (from..to).filter(|&k| separator(b[k])).chain([to]) {
        if end > start {
            if out.len() > first {
                out.push(' ');
            }
            out.push_str(&name[start..end]);
        }
        start = end + 1;
    }
    out[first..].make_ascii_lowercase();
}

/// Scores how central each entity is: mentions count (names fully, pronouns
/// and role nouns half), more in the headline (x3) and first paragraph (x2),
/// and each quote an entity speaks adds one. Scaled so the top entity is 1.
pub fn score_salience(
    entities: &mut [Entity],
    mentions: &[Mention],
    quotes: &[Quote],
    title_end: usize,
    lead_end: usize,
) {
    let mut raw = vec![0.0f32; entities.len()];
    for m in mentions {
        let Some(e) = m.entity else { continue };
        let weight = if m.kind == MentionKind::Name {
            1.0
        } else {
            0.5
        };
        let place = if m.end <= title_end {
            3.0
        } else if m.end <= lead_end {
            2.0
        } else {
            1.0
        };
        // Dates and numbers are rarely what an article is about.
        let kind = if m.label.is_named() { 1.0 } else { 0.3 };
        raw[e] += weight * place * kind;
    }
    for q in quotes {
        if let Some(e) = q.speaker.as_ref().and_then(|s| s.entity) {
            raw[e] += 1.0;
        }
    }
    let max = raw.iter().cloned().fold(0.0, f32::max);
    for (e, r) in entities.iter_mut().zip(raw) {
        e.salience = if max > 0.0 {
            (r / max * 1000.0).round() / 1000.0
        } else {
            0.0
        };
    }
}

/// A hash map with room for `n` entries: the maps of this stage hold about
/// one entry per mention, and sizing them once saves the rehashes of growing.
pub(crate) fn sized_map<K, V>(n: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(n, Default::default())
}

/// A hash set with room for `n` entries, as [`sized_map`].
pub(crate) fn sized_set<T>(n: usize) -> HashSet<T> {
    HashSet::with_capacity_and_hasher(n, Default::default())
}

/// Disjoint sets over mention indices.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    pub(crate) fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// The one set that every index of `members` is in: `None` when there are
    /// none, or when they fall in two sets or more (the walk stops at the
    /// second, so an ambiguous name costs no more than two finds past it).
    pub(crate) fn sole_root(&mut self, members: impl IntoIterator<Item = usize>) -> Option<usize> {
        let mut root = None;
        for m in members {
            let r = self.find(m);
            match root {
                None => root = Some(r),
                Some(s) if s != r => return None,
                Some(_) => {}
            }
        }
        root
    }

    /// Joins the sets of `a` and `b`; the smaller index stays the root, so the
    /// result does not depend on the order of unions.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi] = lo;
    }
}

#[cfg(test)]
mod tests {
    /// A short name joins a longer one only when every candidate is in one set.
    #[test]
    fn sole_root_is_the_one_set_of_all_members() {
        let mut sets = super::UnionFind::new(5);
        sets.union(1, 3);
        assert_eq!(sets.sole_root([3, 1, 3]), Some(1));
        assert_eq!(sets.sole_root([1, 2]), None, "two sets: ambiguous");
        assert_eq!(sets.sole_root([]), None, "no candidate");
    }

    /// `normalise` reads the name once; it gives what the plain recipe
    /// (lower-case, hyphens as spaces, no leading "the ", no possessive,
    /// single spaces) gives.
    /// A name's normal form, appended after other text as `Names` does.
    fn normalise(name: &str) -> String {
        let mut out = String::from("Before");
        super::normalise_into(name, &mut out);
        assert!(out.starts_with("Before"), "the text before is kept");
        out.split_off("Before".len())
    }

    #[test]
    fn normalise_is_the_plain_recipe() {
        fn recipe(name: &str) -> String {
            let lower = name.to_lowercase().replace(['-', '‐'], " ");
            let lower = lower.strip_prefix("the ").unwrap_or(&lower);
            let lower = lower
                .strip_suffix("'s")
                .or_else(|| lower.strip_suffix("’s"))
                .unwrap_or(lower);
            lower.split_whitespace().collect::<Vec<_>>().join(" ")
        }
        for name in [
            "Kim Jong-Un",
            "the United States",
            "The  US's",
            "the-US",
            "the‐Kremlin’s",
            "the\tUS",
            " the US",
            "the ",
            "theory",
            "x-'s",
            "ΟΔΥΣΣΕΑΣ",
            "İstanbul",
            "Pyongyang's",
            "",
            "THE US'S",
            "the-'s",
            "The 's",
            "the's",
            "the-",
            "the",
            "-a--b- ",
            "x\x0by\x1fz",
        ] {
            assert_eq!(normalise(name), recipe(name), "{name:?}");
        }
    }

    /// `word_count` counts what `split_whitespace` splits, ASCII or not.
    #[test]
    fn word_count_is_split_whitespace_count() {
        for s in [
            "",
            " ",
            "Kim Jong-Un",
            "  the\tUnited\x0bStates \r\n",
            "a\x0cb",
            "x\x1fy",
            "Peña Nieto",
            "A\u{a0}B C",
            "Jane  Roe ",
        ] {
            assert_eq!(super::word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn canonical_and_normal_forms() {
        assert_eq!(super::canonical("the United States"), "United States");
        assert_eq!(super::canonical("Pyongyang's"), "Pyongyang");
        assert_eq!(normalise("Kim Jong-Un"), normalise("kim jong-un"));
    }
}
