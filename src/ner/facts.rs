//! What each token contributes to features ([`Tok`]): its word's own
//! facts (hashes, shape, affixes, clusters; see [`token_facts`]) and what
//! the sentence and document add (capitalised runs, headline casing, how the
//! word is cased elsewhere). Computed once per document, so the per-token
//! loop only mixes integers.

use super::gazetteer::{joins, mark_gazetteer, mark_keys_ahead};
use super::lexicon::{Fnv, Lexicon};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Casing classes of a token.
pub mod casing {
    pub const NUMBER: u8 = 0;
    pub const OTHER: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const INIT_CAP: u8 = 3;
    pub const ALL_CAPS: u8 = 4;
    pub const ONE_CAP: u8 = 5;
    pub const PAD: u8 = 6;
    /// Starts in lower case with a capital later ("eBay", "iPhone"): a
    /// brand's shape, never a plain word's.
    pub const LOWER_CAMEL: u8 = 7;

    /// Casing that marks a name: an initial capital, all capitals, a
    /// single capital, or a capital inside a word that starts lower case.
    pub fn is_capital(c: u8) -> bool {
        matches!(c, INIT_CAP | ALL_CAPS | ONE_CAP | LOWER_CAMEL)
    }
}

/// What one token contributes to features; see [`analyse`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Tok {
    /// Lower case with digits mapped to 0.
    pub norm: u64,
    pub exact: u64,
    /// Character classes with runs collapsed: `Xx`, `X.X.`, `d,d`.
    pub shape: u64,
    /// Lower-case prefixes of 2..=4 and suffixes of 1..=4 characters.
    pub affix: [u64; 7],
    /// Brown path (MSB first) and its length (0 = unknown word).
    pub brown: u32,
    pub brown_len: u8,
    /// GloVe k-means clusters of the lower-cased word, fine and coarse (0 = unknown).
    pub glove: u16,
    pub glove_coarse: u8,
    /// Gazetteer matches: bit `4 * category + position` (B, I, L, U).
    pub gaz: u64,
    /// The gazetteer categories of the word on its own (remembered with the
    /// word's other facts, so only multi-word spans are looked up per token).
    pub gaz_self: u16,
    /// The word starts with a letter or digit (only such words start a
    /// gazetteer entry).
    pub alnum_start: bool,
    /// The word starts with an upper-case letter or a digit (`is_name_start`).
    pub name_start: bool,
    /// The word may stand inside a multi-word name: a name start or a
    /// connector like "of" (`joins`). Remembered with the word so the
    /// per-token gazetteer passes do not compare it with every connector.
    pub joins: bool,
    pub casing: u8,
    /// No capital or caseless letter, and no digit beside a letter: a
    /// lower-case word, punctuation or a number, which hardly ever starts
    /// a name (see [`beam_search`](super::decode::beam_search)).
    pub plain: bool,
    /// The sentence looks like an all-caps headline.
    pub headline: bool,
    /// The run of capitalised words this word is in: `4 * min(len, 4) + position`
    /// (B, I, L, U), 0 when the word is not capitalised.
    pub cap_run: u8,
    /// How the word is cased elsewhere in the document (see [`analyse`]).
    pub doc_case: u8,
    /// How far ahead in its name-like run an organisation or place key word
    /// is: `org + 8 * loc`, each 0 (none) or 1..=4 (4 or more).
    pub key_ahead: u8,
    /// Lower-case key for document-level aggregation.
    pub lower: u32,
    /// Stage-1 evidence about the same word elsewhere in the document (stage 2 only).
    pub s1: u32,
    pub s1_seq: u32,
}

pub(super) const PAD_BOS: Tok = pad(0xB05);

pub(super) const PAD_EOS: Tok = pad(0xE05);

/// The padding before the first token of a sentence.
pub const fn pad_bos() -> &'static Tok {
    &PAD_BOS
}

/// The padding after the last token of a sentence.
pub fn pad_eos() -> &'static Tok {
    &PAD_EOS
}

const fn pad(h: u64) -> Tok {
    Tok {
        norm: h,
        exact: h,
        shape: h,
        affix: [h; 7],
        brown: 0,
        brown_len: 0,
        glove: 0,
        glove_coarse: 0,
        gaz: 0,
        gaz_self: 0,
        alnum_start: false,
        name_start: false,
        joins: false,
        casing: casing::PAD,
        plain: false,
        headline: false,
        cap_run: 0,
        doc_case: 0,
        key_ahead: 0,
        lower: 0,
        s1: 0,
        s1_seq: 0,
    }
}

fn str_hash(s: &str) -> u64 {
    let mut h = Fnv::NEW;
    for &b in s.as_bytes() {
        h.byte(b);
    }
    h.0
}

/// A word's lower-cased characters as [`token_facts`] reads them: the
/// norm hash (digits as 0), the first four and the last four.
struct Lowered {
    norm: Fnv,
    first: [char; 4],
    /// The last four, character `k` at `k % 4`.
    ring: [char; 4],
    n: usize,
}

impl Default for Lowered {
    fn default() -> Self {
        Lowered {
            norm: Fnv::NEW,
            first: ['\0'; 4],
            ring: ['\0'; 4],
            n: 0,
        }
    }
}

impl Lowered {
    #[inline]
    fn push(&mut self, l: char) {
        if l.is_ascii() {
            return self.push_ascii(l as u8);
        }
        self.norm.char(l);
        self.keep(l);
    }

    /// [`Lowered::push`] of an ASCII character: its hash is its one byte.
    #[inline]
    fn push_ascii(&mut self, l: u8) {
        let l = if l.is_ascii_digit() { b'0' } else { l };
        self.norm.byte(l);
        self.keep(l as char);
    }

    #[inline]
    fn keep(&mut self, l: char) {
        if self.n < 4 {
            self.first[self.n] = l;
        }
        self.ring[self.n % 4] = l;
        self.n += 1;
    }
}

/// The facts of one word that depend on its text alone (no context).
pub fn token_facts(lex: &Lexicon<'_>, w: &str) -> Tok {
    let mut t = pad(0);
    t.exact = str_hash(w);
    let mut shape = Fnv::NEW;
    let mut last_shape = 0u32;
    let mut low = Lowered::default();
    let (mut upper, mut lower, mut digit, mut other) = (0usize, 0usize, 0usize, 0usize);
    let mut caseless = 0usize;
    let mut first_upper = false;
    let mut first_lower = false;
    for c in w.chars() {
        let class = if c.is_uppercase() {
            upper += 1;
            'X'
        } else if c.is_lowercase() {
            lower += 1;
            'x'
        } else if c.is_ascii_digit() {
            digit += 1;
            'd'
        } else if c.is_alphabetic() {
            lower += 1; // caseless scripts (CJK, ...) count as lower case
            caseless += 1;
            'a'
        } else {
            other += 1;
            if c.is_ascii() {
                c
            } else {
                '?'
            }
        };
        if low.n == 0 {
            first_upper = class == 'X';
            first_lower = class == 'x' || class == 'a';
        }
        if class as u32 != last_shape {
            shape.char(class);
            last_shape = class as u32;
        }
        if c.is_ascii() {
            low.push_ascii(c.to_ascii_lowercase() as u8);
        } else {
            c.to_lowercase().for_each(|l| low.push(l));
        }
    }
    let Lowered {
        norm,
        first,
        ring,
        n,
    } = low;
    t.norm = norm.0;
    t.shape = shape.0;
    // Prefixes of 2..=4 characters, then suffixes of 1..=4 (shorter words repeat).
    for (k, len) in (2..=4).enumerate() {
        let mut h = Fnv(0xAF1 + len as u64);
        for &c in &first[..len.min(n)] {
            h.char(c);
        }
        t.affix[k] = h.0;
    }
    for (k, len) in (1..=4).enumerate() {
        let mut h = Fnv(0x5F1 + len as u64);
        let len = len.min(n);
        for j in n - len..n {
            h.char(ring[j % 4]);
        }
        t.affix[3 + k] = h.0;
    }
    let letters = upper + lower;
    t.casing = if letters == 0 {
        if digit > 0 {
            casing::NUMBER
        } else {
            casing::OTHER
        }
    } else if first_upper && lower > 0 {
        casing::INIT_CAP
    } else if lower == 0 && upper >= 2 {
        casing::ALL_CAPS
    } else if lower == 0 && upper == 1 {
        casing::ONE_CAP
    } else if first_lower && upper > 0 {
        casing::LOWER_CAMEL
    } else if first_lower {
        casing::LOWER
    } else {
        casing::OTHER
    };
    let _ = other;
    // A number with no letters ("38", "1996-08-30", "1,000") is plain too:
    // 25 of the 23,499 names in CoNLL-2003 train start with one ("1860
    // Munich", "1,000 Guineas"), as few as start with a lower-case word.
    t.plain = upper == 0 && caseless == 0 && n > 0 && (digit == 0 || lower == 0);
    let mut low = Fnv::NEW;
    low.lower_str(w);
    t.lower = low.key();
    t.alnum_start = is_alnum_start(w);
    t.name_start = is_name_start(w);
    t.joins = joins(w);
    t.gaz_self = if t.alnum_start {
        lex.gazetteer(t.lower)
    } else {
        0
    };
    // Brown clusters are case-sensitive; headline words fall back to Title then lower case.
    let title_key = || {
        let mut h = Fnv::NEW;
        for (i, c) in w.chars().enumerate() {
            if i == 0 {
                h.char(c);
            } else {
                for l in c.to_lowercase() {
                    h.char(l);
                }
            }
        }
        h.key()
    };
    let found = lex
        .cluster(Fnv(t.exact).key())
        .or_else(|| {
            if t.casing == casing::ALL_CAPS {
                lex.cluster(title_key())
            } else {
                None
            }
        })
        .or_else(|| lex.cluster(t.lower));
    (t.glove, t.glove_coarse) = lex.glove(t.lower);
    if let Some((bits, len)) = found {
        t.brown = bits;
        t.brown_len = len;
    }
    t
}

pub(super) fn is_alnum_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
}

/// Whether a word starts with an upper-case letter or a digit.
pub(super) fn is_name_start(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Sets [`Tok::cap_run`].
fn mark_cap_runs(toks: &mut [Tok]) {
    let capital = |t: &Tok| casing::is_capital(t.casing);
    let mut i = 0;
    while i < toks.len() {
        if !capital(&toks[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < toks.len() && capital(&toks[j]) {
            j += 1;
        }
        let len = (j - i).min(4) as u8;
        for (k, t) in toks[i..j].iter_mut().enumerate() {
            let pos = match (k == 0, i + k + 1 == j) {
                (true, true) => 3,
                (true, false) => 0,
                (false, true) => 2,
                (false, false) => 1,
            };
            t.cap_run = 4 * len + pos;
        }
        i = j;
    }
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub type IdMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

/// A map keyed by 64-bit hashes.
pub type IdMap64<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Per-token facts for a whole document, including document-level casing:
/// whether the word also appears capitalised, or in lower case, where casing
/// is informative (not sentence-initial, not in an all-caps headline).
pub fn analyse(lex: &Lexicon<'_>, doc: &[Vec<&str>]) -> Vec<Vec<Tok>> {
    // A word's facts depend on its text alone: work them out once per
    // distinct word of the document.
    let mut facts: IdMap64<Tok> = IdMap64::default();
    analyse_with(lex, doc, |w, exact| {
        *facts.entry(exact).or_insert_with(|| token_facts(lex, w))
    })
}

/// The word with typographic punctuation written the way the training
/// text (1996 newswire, in ASCII) writes it: curly apostrophes and quotes
/// as `'` and `"`, dashes as `-` and `--`, an ellipsis as `...`. `None`
/// when there is nothing to change.
pub fn ascii_punctuation(w: &str) -> Option<String> {
    let ascii = |c: char| -> Option<&'static str> {
        Some(match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => "'",
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => "\"",
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => "-",
            '\u{2014}' | '\u{2015}' => "--",
            '\u{2026}' => "...",
            _ => return None,
        })
    };
    if w.is_ascii() || !w.chars().any(|c| ascii(c).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match ascii(c) {
            Some(a) => out.push_str(a),
            None => out.push(c),
        }
    }
    Some(out)
}

/// [`analyse`] with the facts of each word (given its text and exact-text
/// hash) from `facts`, which must return [`token_facts`]. Typographic
/// punctuation is read as ASCII first ([`ascii_punctuation`]), sentence by
/// sentence: only a sentence that has a non-ASCII word is copied.
#[inline(never)]
pub fn analyse_with(
    lex: &Lexicon<'_>,
    doc: &[Vec<&str>],
    mut facts: impl FnMut(&str, u64) -> Tok,
) -> Vec<Vec<Tok>> {
    let mut out: Vec<Vec<Tok>> = Vec::with_capacity(doc.len());
    let mut seen: IdMap<u8> = IdMap::default();
    for words in doc {
        let toks = if words.iter().all(|w| w.is_ascii()) {
            sentence_facts(lex, words, &mut facts, &mut seen)
        } else {
            let fixed: Vec<Option<String>> = words.iter().map(|w| ascii_punctuation(w)).collect();
            let words: Vec<&str> = words
                .iter()
                .zip(&fixed)
                .map(|(w, f)| f.as_deref().unwrap_or(w))
                .collect();
            sentence_facts(lex, &words, &mut facts, &mut seen)
        };
        out.push(toks);
    }
    for t in out.iter_mut().flatten() {
        t.doc_case = seen.get(&t.lower).copied().unwrap_or(0);
    }
    out
}

/// The facts of one sentence's words (punctuation already ASCII), all but
/// [`Tok::doc_case`]; adds to `seen` how each word is cased where casing
/// tells something.
fn sentence_facts(
    lex: &Lexicon<'_>,
    words: &[&str],
    facts: &mut impl FnMut(&str, u64) -> Tok,
    seen: &mut IdMap<u8>,
) -> Vec<Tok> {
    let mut toks: Vec<Tok> = words.iter().map(|w| facts(w, str_hash(w))).collect();
    mark_gazetteer(lex, words, &mut toks);
    mark_keys_ahead(&mut toks);
    let lettered = toks
        .iter()
        .filter(|t| t.casing == casing::LOWER || casing::is_capital(t.casing))
        .count();
    let caps = toks
        .iter()
        .filter(|t| t.casing == casing::ALL_CAPS || t.casing == casing::ONE_CAP)
        .count();
    let headline = lettered > 0 && caps * 10 >= lettered * 7;
    mark_cap_runs(&mut toks);
    for (i, t) in toks.iter_mut().enumerate() {
        t.headline = headline;
        let initial = i == 0
            || matches!(
                words[i - 1],
                "\"" | "``" | "'" | "(" | ":" | "-" | "--" | "“" | "‘"
            );
        if headline || initial {
            continue;
        }
        let bit = match t.casing {
            c if casing::is_capital(c) => 1,
            casing::LOWER => 2,
            _ => continue,
        };
        *seen.entry(t.lower).or_insert(0) |= bit;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon<'static> {
        Lexicon::from_bytes(include_bytes!("../../data/ner/lexicons.bin")).unwrap()
    }

    #[test]
    fn typographic_punctuation_reads_as_ascii() {
        assert_eq!(ascii_punctuation("’s").as_deref(), Some("'s"));
        assert_eq!(ascii_punctuation("“").as_deref(), Some("\""));
        assert_eq!(ascii_punctuation("2020–21").as_deref(), Some("2020-21"));
        assert_eq!(ascii_punctuation("Moscow"), None);
        assert_eq!(ascii_punctuation("Zürich"), None);
        let lex = lexicon();
        let curly = analyse(&lex, &[vec!["Moscow", "’s", "envoy"]]);
        let straight = analyse(&lex, &[vec!["Moscow", "'s", "envoy"]]);
        assert_eq!(curly[0][1].norm, straight[0][1].norm);
        assert_eq!(curly[0][1].shape, straight[0][1].shape);
        // Only the second sentence has typographic marks; the document reads
        // as if both were ASCII, casing evidence across sentences included.
        let typographic = [vec!["Paris", "said"], vec!["“", "Paris", "’s", "mayor"]];
        let ascii = [vec!["Paris", "said"], vec!["\"", "Paris", "'s", "mayor"]];
        let (typographic, ascii) = (analyse(&lex, &typographic), analyse(&lex, &ascii));
        for (a, b) in typographic.iter().flatten().zip(ascii.iter().flatten()) {
            assert_eq!((a.exact, a.doc_case, a.gaz), (b.exact, b.doc_case, b.gaz));
        }
    }

    #[test]
    fn norm_and_affixes_read_the_word_lower_cased_with_digits_as_zero() {
        let lex = lexicon();
        let same = |a: &str, b: &str| {
            let (a, b) = (token_facts(&lex, a), token_facts(&lex, b));
            assert_eq!((a.norm, a.affix), (b.norm, b.affix));
        };
        same("ÉCOLE", "école");
        same("Zürich", "zürich");
        same("F-16s", "f-00s");
        // The Kelvin sign lower-cases to an ASCII 'k'.
        same("\u{212A}m", "km");
        let (a, b) = (token_facts(&lex, "Paris"), token_facts(&lex, "Parix"));
        assert_ne!((a.norm, a.affix[6]), (b.norm, b.affix[6]));
    }

    #[test]
    fn a_capital_inside_a_lower_case_word_marks_a_name() {
        let lex = lexicon();
        let casing_of = |w: &str| token_facts(&lex, w).casing;
        assert_eq!(casing_of("eBay"), casing::LOWER_CAMEL);
        assert_eq!(casing_of("iPhone"), casing::LOWER_CAMEL);
        assert_eq!(casing_of("ebay"), casing::LOWER);
        assert_eq!(casing_of("PayPal"), casing::INIT_CAP);
        let doc = analyse(&lex, &[vec!["Shares", "of", "eBay", "rose"]]);
        assert_ne!(
            doc[0][2].cap_run, 0,
            "eBay starts a run of capitalised words"
        );
        assert_eq!(doc[0][3].cap_run, 0);
    }

    #[test]
    fn a_long_name_knows_the_key_word_ahead() {
        let lex = lexicon();
        let words = [
            "officials",
            "White",
            "House",
            "National",
            "Security",
            "Council",
            "said",
        ];
        let doc = analyse(&lex, &[words.to_vec()]);
        let org_ahead: Vec<u8> = doc[0].iter().map(|t| t.key_ahead & 7).collect();
        assert_eq!(org_ahead, [0, 4, 3, 2, 1, 0, 0]);
        let doc = analyse(
            &lex,
            &[vec!["White", "House", "officials", "met", "the", "Council"]],
        );
        assert_eq!(
            doc[0][0].key_ahead & 7,
            0,
            "a lower-case word ends the run: the Council is not ahead"
        );
    }
}
