//! Feature extraction shared by training (`src/bin/train.rs`) and tagging.
//!
//! Every feature is a template id mixed with one or more precomputed 64-bit
//! hashes and folded to a `u32` key; the model stores weights only for keys it
//! kept. Per-token facts ([`Tok`]) are computed once per document so that the
//! per-token loop only mixes integers (no allocation, no string work).

use super::lexicon::{Fnv, Lexicon, MAX_GAZ_TOKENS, N_CATS};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Output classes: O, then B/I/L/U for PER, ORG, LOC, MISC.
pub const NCLASS: usize = 17;

/// `class = 1 + 4 * type + position`, position B=0, I=1, L=2, U=3.
#[inline]
pub fn class_parts(c: u8) -> Option<(u8, u8)> {
    (c > 0).then(|| ((c - 1) / 4, (c - 1) % 4))
}

/// Whether BILOU class `cur` may follow `prev` (0 = O, also used at sentence start).
#[inline]
pub const fn allowed(prev: u8, cur: u8) -> bool {
    // Open: B or I of some type, which only I or L of the same type continue.
    let open = prev > 0 && (prev - 1) % 4 <= 1;
    if open {
        cur > 0 && (cur - 1) / 4 == (prev - 1) / 4 && matches!((cur - 1) % 4, 1 | 2)
    } else {
        cur == 0 || matches!((cur - 1) % 4, 0 | 3)
    }
}

/// `FOLLOWERS[prev]` has bit `c` set when class `c` may follow `prev`.
const FOLLOWERS: [u32; NCLASS] = {
    let mut t = [0u32; NCLASS];
    let mut p = 0;
    while p < NCLASS {
        let mut c = 0;
        while c < NCLASS {
            if allowed(p as u8, c as u8) {
                t[p] |= 1 << c;
            }
            c += 1;
        }
        p += 1;
    }
    t
};

/// Bit `c` set when class `c` leaves no entity open (O, L, U): what may end a sentence.
const CLOSING: u32 = {
    let mut m = 0u32;
    let mut c = 0;
    while c < NCLASS {
        if c == 0 || (c - 1) % 4 >= 2 {
            m |= 1 << c;
        }
        c += 1;
    }
    m
};

/// Casing classes of a token.
pub mod casing {
    pub const NUMBER: u8 = 0;
    pub const OTHER: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const INIT_CAP: u8 = 3;
    pub const ALL_CAPS: u8 = 4;
    pub const ONE_CAP: u8 = 5;
    pub const PAD: u8 = 6;
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
    pub casing: u8,
    /// No capital or caseless letter, and no digit beside a letter: a
    /// lower-case word, punctuation or a number, which hardly ever starts
    /// a name (see [`beam_search`]).
    pub plain: bool,
    /// The sentence looks like an all-caps headline.
    pub headline: bool,
    /// The run of capitalised words this word is in: `4 * min(len, 4) + position`
    /// (B, I, L, U), 0 when the word is not capitalised.
    pub cap_run: u8,
    /// How the word is cased elsewhere in the document (see [`analyse`]).
    pub doc_case: u8,
    /// Lower-case key for document-level aggregation.
    pub lower: u32,
    /// Stage-1 evidence about the same word elsewhere in the document (stage 2 only).
    pub s1: u32,
    pub s1_seq: u32,
}

const PAD_BOS: Tok = pad(0xB05);
const PAD_EOS: Tok = pad(0xE05);

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
        casing: casing::PAD,
        plain: false,
        headline: false,
        cap_run: 0,
        doc_case: 0,
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

/// The facts of one word that depend on its text alone (no context).
pub fn token_facts(lex: &Lexicon<'_>, w: &str) -> Tok {
    let mut t = pad(0);
    t.exact = str_hash(w);
    let mut norm = Fnv::NEW;
    let mut shape = Fnv::NEW;
    let mut last_shape = 0u32;
    let mut first: [char; 4] = ['\0'; 4];
    let mut ring: [char; 4] = ['\0'; 4];
    let mut n = 0usize;
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
        if n == 0 {
            first_upper = class == 'X';
            first_lower = class == 'x' || class == 'a';
        }
        if class as u32 != last_shape {
            shape.char(class);
            last_shape = class as u32;
        }
        for l in c.to_lowercase() {
            let l = if l.is_ascii_digit() { '0' } else { l };
            norm.char(l);
            if n < 4 {
                first[n] = l;
            }
            ring[n % 4] = l;
            n += 1;
        }
    }
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
    t.gaz_self = if is_alnum_start(w) {
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

fn is_alnum_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
}

/// Whether a word starts with an upper-case letter or a digit.
fn is_name_start(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Lower-case words and marks that may sit inside a multi-word name.
const CONNECTORS: [&str; 30] = [
    "of", "the", "de", "and", "&", "for", "-", "'s", "'", ".", "du", "del", "der", "la", "le",
    "van", "von", "y", "da", "di", "on", "am", "upon", "al", "el", "bin", "ibn", "des", "den",
    "in",
];

/// Marks gazetteer matches (case-insensitive). Every word is looked up on
/// its own; spans of up to [`MAX_GAZ_TOKENS`] tokens are looked up only from
/// a word that starts with a capital or digit, and only as far as the next
/// word that neither does so nor is a connector like "of".
fn mark_gazetteer(lex: &Lexicon<'_>, words: &[&str], toks: &mut [Tok]) {
    let joins = |w: &str| is_name_start(w) || CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(w));
    // The first word after `i` that cannot continue a span; it only moves
    // forward, so each word is tested once.
    let mut stop = 0;
    for i in 0..words.len() {
        if !is_alnum_start(words[i]) {
            continue;
        }
        let mut h = Fnv::NEW;
        let span = if is_name_start(words[i]) {
            MAX_GAZ_TOKENS
        } else {
            1
        };
        if span > 1 && stop <= i {
            stop = i + 1;
            while stop < words.len() && joins(words[stop]) {
                stop += 1;
            }
        }
        for j in i..words.len().min(i + span).min(stop.max(i + 1)) {
            if j > i {
                h.byte(b' ');
            }
            h.lower_str(words[j]);
            // The word alone was looked up with its facts (same key).
            let mask = if j == i {
                toks[i].gaz_self
            } else {
                lex.gazetteer(h.key())
            };
            if mask == 0 {
                continue;
            }
            for cat in 0..N_CATS {
                if mask & (1 << cat) == 0 {
                    continue;
                }
                let base = 4 * cat as u64;
                if j == i {
                    toks[i].gaz |= 1 << (base + 3);
                } else {
                    toks[i].gaz |= 1 << base;
                    for t in &mut toks[i + 1..j] {
                        t.gaz |= 1 << (base + 1);
                    }
                    toks[j].gaz |= 1 << (base + 2);
                }
            }
        }
    }
}

/// Sets [`Tok::cap_run`].
fn mark_cap_runs(toks: &mut [Tok]) {
    let capital = |t: &Tok| {
        matches!(
            t.casing,
            casing::INIT_CAP | casing::ALL_CAPS | casing::ONE_CAP
        )
    };
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

/// [`analyse`] with the facts of each word (given its text and exact-text
/// hash) from `facts`, which must return [`token_facts`].
#[inline(never)]
pub fn analyse_with(
    lex: &Lexicon<'_>,
    doc: &[Vec<&str>],
    mut facts: impl FnMut(&str, u64) -> Tok,
) -> Vec<Vec<Tok>> {
    let mut out: Vec<Vec<Tok>> = Vec::with_capacity(doc.len());
    let mut seen: IdMap<u8> = IdMap::default();
    for words in doc {
        let mut toks: Vec<Tok> = words.iter().map(|w| facts(w, str_hash(w))).collect();
        mark_gazetteer(lex, words, &mut toks);
        let lettered = toks
            .iter()
            .filter(|t| t.casing >= casing::LOWER && t.casing <= casing::ONE_CAP)
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
                casing::INIT_CAP | casing::ALL_CAPS | casing::ONE_CAP => 1,
                casing::LOWER => 2,
                _ => continue,
            };
            *seen.entry(t.lower).or_insert(0) |= bit;
        }
        out.push(toks);
    }
    for t in out.iter_mut().flatten() {
        t.doc_case = seen.get(&t.lower).copied().unwrap_or(0);
    }
    out
}

crate::tagging::feature_templates! {
    /// The NER tagger's feature templates. Wide ones stand for several
    /// numbered from their own: the seven affixes, the four Brown prefix
    /// lengths, the previous and next word's.
    pub enum T {
        /// The bias (value 0), and the residual stage's bias (value 1).
        Bias = 0,
        Norm = 1,
        Exact = 2,
        /// Previous, next word's norm.
        NeighbourNorm = 3 * 2,
        Prev2Norm = 5,
        Next2Norm = 6,
        PrevNormNorm = 7,
        NormNextNorm = 8,
        Shape = 9,
        NeighbourShape = 10 * 2,
        ShapeTrigram = 12,
        /// Prefixes of 2..=4 characters, suffixes of 1..=4.
        Affix = 13 * 7,
        CasingFirst = 20,
        /// The Brown path cut to 4, 6, 10 and 20 bits.
        Brown = 21 * 4,
        /// The previous word's four Brown prefixes, then the next word's.
        NeighbourBrown = 25 * 8,
        BrownCasing = 33,
        /// A gazetteer match bit, or 99 for none.
        Gazetteer = 34,
        PrevGazetteer = 35,
        NextGazetteer = 36,
        GazetteerCasing = 37,
        DocCase = 38,
        PrevDocCase = 39,
        NextDocCase = 40,
        CasingTrigram = 41,
        Glove = 42,
        GloveCoarse = 43,
        NeighbourGloveCoarse = 44 * 2,
        GloveCasing = 46,
        NeighbourGlove = 47 * 2,
        CapRunCasing = 49,
        Stage1 = 50,
        Stage1Casing = 51,
        Stage1Prev = 52,
        Stage1Next = 53,
        Stage1Seq = 54,
        Stage1SeqTypes = 55,
        Stage1Around = 56,
        Stage1SeqCasing = 57,
        Stage1DocCase = 58,
        PrevClass = 60,
        PrevClasses = 61,
        PrevClassNorm = 62,
        PrevClassShape = 63,
        PrevClassBrown = 64,
    }
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 31)
}

/// The key of a feature of template number `template` (see [`T`]) and value `v`.
#[inline]
fn key_id(template: u32, v: u64) -> u32 {
    let h = mix(
        (template as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ 0x5851_F42D,
        v,
    );
    (h ^ (h >> 32)) as u32
}

#[inline]
fn key(template: T, v: u64) -> u32 {
    key_id(template.id(), v)
}

#[inline]
fn key2(template: T, a: u64, b: u64) -> u32 {
    key(template, mix(a, b.wrapping_add(0x1234_5678)))
}

#[inline]
fn at(toks: &[Tok], i: usize, d: isize) -> &Tok {
    let j = i as isize + d;
    if j < 0 {
        &PAD_BOS
    } else if j as usize >= toks.len() {
        &PAD_EOS
    } else {
        &toks[j as usize]
    }
}

fn brown_prefix(t: &Tok, len: u8) -> u64 {
    if t.brown_len == 0 {
        return 0xFFFF_FFFF_FFFF;
    }
    let l = len.min(t.brown_len);
    let bits = if l >= 32 {
        t.brown
    } else {
        t.brown & !(u32::MAX >> l)
    };
    (bits as u64) << 8 | l as u64
}

fn casing_of(t: &Tok) -> u64 {
    t.casing as u64 | (t.headline as u64) << 4
}

/// Which features a stage uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// All token features.
    Stage1,
    /// All token features plus the stage-1 document evidence.
    Stage2Full,
    /// Only the stage-1 document evidence, added to the stage-1 scores of
    /// the token features (a residual stage: a few lookups per token).
    Stage2Residual,
}

impl Mode {
    pub fn code(self) -> u8 {
        self as u8
    }
    pub fn from_code(c: u8) -> Option<Mode> {
        [Mode::Stage1, Mode::Stage2Full, Mode::Stage2Residual]
            .get(c as usize)
            .copied()
    }
}

/// Everything the stage-1 document evidence features of a token read. Many
/// tokens of a document share it, so the tagger sums its features once per
/// distinct value (see `model.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Evidence {
    s1: u32,
    s1_prev: u32,
    s1_next: u32,
    s1_seq: u32,
    cas: u64,
    doc_case: u8,
}

impl Evidence {
    pub fn of(toks: &[Tok], i: usize) -> Evidence {
        let t = &toks[i];
        Evidence {
            s1: t.s1,
            s1_prev: at(toks, i, -1).s1,
            s1_next: at(toks, i, 1).s1,
            s1_seq: t.s1_seq,
            cas: casing_of(t),
            doc_case: t.doc_case,
        }
    }

    /// The stage-1 document evidence features (stage 2 only).
    pub fn features(&self, out: &mut Vec<u32>) {
        let (s1, seq, cas) = (self.s1 as u64, self.s1_seq as u64, self.cas);
        out.push(key(T::Stage1, s1));
        out.push(key2(T::Stage1Casing, s1, cas));
        out.push(key(T::Stage1Prev, self.s1_prev as u64));
        out.push(key(T::Stage1Next, self.s1_next as u64));
        out.push(key(T::Stage1Seq, seq));
        out.push(key2(T::Stage1SeqTypes, seq, s1));
        out.push(key2(
            T::Stage1Around,
            s1,
            mix(self.s1_prev as u64, self.s1_next as u64),
        ));
        out.push(key2(T::Stage1SeqCasing, seq, cas));
        out.push(key2(T::Stage1DocCase, s1, self.doc_case as u64));
    }
}

/// The stage-1 document evidence of token `i` (stage 2 only).
fn evidence_features(toks: &[Tok], i: usize, out: &mut Vec<u32>) {
    Evidence::of(toks, i).features(out);
}

/// The bias feature of a residual stage 2.
pub fn residual_bias() -> u32 {
    key(T::Bias, 1)
}

/// Features of token `i` that do not depend on earlier decisions.
pub fn static_features(toks: &[Tok], i: usize, mode: Mode, out: &mut Vec<u32>) {
    if mode == Mode::Stage2Residual {
        out.push(residual_bias());
        evidence_features(toks, i, out);
        return;
    }
    // Stage-1 features are the per-word ones of the window plus the context
    // ones: the tagger's per-document cache relies on exactly this split.
    for (role, w) in window(toks, i).into_iter().enumerate() {
        word_features(w, role, out);
    }
    context_features(toks, i, out);
    if mode == Mode::Stage2Full {
        evidence_features(toks, i, out);
    }
}

/// The stage-1 static features that depend only on one word's own text, as
/// the token itself (`role` 0), the previous (1) or next (2) word, or the
/// word two before (3) or after (4). Together with [`context_features`] they
/// are exactly [`static_features`] in [`Mode::Stage1`], so the tagger can sum
/// them once per distinct word of a document.
pub fn word_features(w: &Tok, role: usize, out: &mut Vec<u32>) {
    match role {
        0 => {
            out.push(key(T::Norm, w.norm));
            out.push(key(T::Exact, w.exact));
            out.push(key(T::Shape, w.shape));
            for (k, &a) in w.affix.iter().enumerate() {
                out.push(key_id(T::Affix.at(k as u32), a));
            }
            for (k, len) in [4u8, 6, 10, 20].into_iter().enumerate() {
                out.push(key_id(T::Brown.at(k as u32), brown_prefix(w, len)));
            }
            out.push(key(T::Glove, w.glove as u64));
            out.push(key(T::GloveCoarse, w.glove_coarse as u64));
        }
        1 | 2 => {
            let next = (role == 2) as u32;
            out.push(key_id(T::NeighbourNorm.at(next), w.norm));
            out.push(key_id(T::NeighbourShape.at(next), w.shape));
            for (k, len) in [4u8, 6, 10, 20].into_iter().enumerate() {
                out.push(key_id(
                    T::NeighbourBrown.at(4 * next + k as u32),
                    brown_prefix(w, len),
                ));
            }
            out.push(key_id(
                T::NeighbourGloveCoarse.at(next),
                w.glove_coarse as u64,
            ));
            out.push(key_id(T::NeighbourGlove.at(next), w.glove as u64));
        }
        3 => out.push(key(T::Prev2Norm, w.norm)),
        _ => out.push(key(T::Next2Norm, w.norm)),
    }
}

/// The stage-1 static features of token `i` that are not [`word_features`]:
/// [`context_word_features`] and the features of its [`Context`].
pub fn context_features(toks: &[Tok], i: usize, out: &mut Vec<u32>) {
    context_word_features(toks, i, out);
    Context::of(toks, i).features(out);
}

/// The context features made of the words themselves: bigrams, the shape
/// trigram, the word's cluster and GloVe cluster with its casing.
pub fn context_word_features(toks: &[Tok], i: usize, out: &mut Vec<u32>) {
    let t = &toks[i];
    let (p1, n1) = (at(toks, i, -1), at(toks, i, 1));
    let cas = casing_of(t);
    out.push(key2(T::PrevNormNorm, p1.norm, t.norm));
    out.push(key2(T::NormNextNorm, t.norm, n1.norm));
    out.push(key2(T::ShapeTrigram, mix(p1.shape, t.shape), n1.shape));
    out.push(key2(T::BrownCasing, brown_prefix(t, 10), cas));
    out.push(key2(T::GloveCasing, t.glove as u64, cas));
}

/// Everything the casing, gazetteer and position features of a token read:
/// few distinct values per document, so the tagger sums their features once
/// per value (see `model.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Context {
    cas: u64,
    cas_prev: u64,
    cas_next: u64,
    first: bool,
    gaz: u64,
    gaz_prev: u64,
    gaz_next: u64,
    doc_case: u8,
    doc_case_prev: u8,
    doc_case_next: u8,
    cap_run: u8,
}

impl Context {
    pub fn of(toks: &[Tok], i: usize) -> Context {
        let t = &toks[i];
        let (p1, n1) = (at(toks, i, -1), at(toks, i, 1));
        Context {
            cas: casing_of(t),
            cas_prev: casing_of(p1),
            cas_next: casing_of(n1),
            first: i == 0,
            gaz: t.gaz,
            gaz_prev: p1.gaz,
            gaz_next: n1.gaz,
            doc_case: t.doc_case,
            doc_case_prev: p1.doc_case,
            doc_case_next: n1.doc_case,
            cap_run: t.cap_run,
        }
    }

    pub fn features(&self, out: &mut Vec<u32>) {
        let cas = self.cas;
        out.push(key(T::Bias, 0));
        out.push(key(T::CasingFirst, cas | (self.first as u64) << 8));
        for (tmpl, gaz) in [
            (T::Gazetteer, self.gaz),
            (T::PrevGazetteer, self.gaz_prev),
            (T::NextGazetteer, self.gaz_next),
        ] {
            let mut g = gaz;
            while g != 0 {
                let b = g.trailing_zeros() as u64;
                g &= g - 1;
                out.push(key(tmpl, b));
                if tmpl == T::Gazetteer {
                    out.push(key2(T::GazetteerCasing, b, cas));
                }
            }
        }
        if self.gaz == 0 {
            out.push(key(T::Gazetteer, 99));
        }
        out.push(key(T::DocCase, (self.doc_case as u64) << 8 | cas));
        out.push(key(
            T::PrevDocCase,
            (self.doc_case_prev as u64) << 8 | self.cas_prev,
        ));
        out.push(key(
            T::NextDocCase,
            (self.doc_case_next as u64) << 8 | self.cas_next,
        ));
        out.push(key2(
            T::CasingTrigram,
            self.cas_prev,
            mix(cas, self.cas_next),
        ));
        out.push(key2(T::CapRunCasing, self.cap_run as u64, cas));
    }
}

/// The tokens at offsets -2..=2 of `i` (padding outside the sentence), in
/// the order of [`word_features`] roles: token, previous, next, two before,
/// two after.
pub fn window(toks: &[Tok], i: usize) -> [&Tok; 5] {
    [
        &toks[i],
        at(toks, i, -1),
        at(toks, i, 1),
        at(toks, i, -2),
        at(toks, i, 2),
    ]
}

/// Features that depend on the classes chosen for the two previous tokens:
/// [`transition_features`] and the previous class with the token.
pub fn dynamic_features(toks: &[Tok], i: usize, prev1: u8, prev2: u8, out: &mut Vec<u32>) {
    transition_features(prev1, prev2, out);
    dynamic_word_features(toks, i, prev1, out);
}

/// The features of the two previous classes alone.
pub fn transition_features(prev1: u8, prev2: u8, out: &mut Vec<u32>) {
    out.push(key(T::PrevClass, prev1 as u64));
    out.push(key2(T::PrevClasses, prev1 as u64, prev2 as u64));
}

/// The previous class conjoined with the token's word, shape and cluster.
pub fn dynamic_word_features(toks: &[Tok], i: usize, prev1: u8, out: &mut Vec<u32>) {
    let t = &toks[i];
    out.push(key2(T::PrevClassNorm, prev1 as u64, t.norm));
    out.push(key2(T::PrevClassShape, prev1 as u64, t.shape));
    out.push(key2(T::PrevClassBrown, prev1 as u64, brown_prefix(t, 6)));
}

pub use crate::tagging::Scorer;

/// The summed weights of every token's static features in one sentence.
pub fn static_scores<S: Scorer<NCLASS>>(
    scorer: &S,
    toks: &[Tok],
    mode: Mode,
    feats: &mut Vec<u32>,
    out: &mut Vec<[f32; NCLASS]>,
) {
    out.clear();
    for i in 0..toks.len() {
        feats.clear();
        static_features(toks, i, mode, feats);
        let mut acc = [0f32; NCLASS];
        scorer.add_all(feats, &mut acc);
        out.push(acc);
    }
}

/// Hypotheses kept by [`decode_sentence`]'s beam.
pub const BEAM_WIDTH: usize = 2;
/// A hypothesis is dropped when its log-probability is more than this below
/// the best one's. Then most tokens extend a single hypothesis (1.03 on
/// average on dev), which needs no normalisation. A margin of 2.0 (1.2
/// hypotheses a token) scored the same on dev and cost 15% more time.
pub const BEAM_MARGIN: f32 = 1.0;

/// Left-to-right decoding of one sentence with BILOU constraints, given the
/// static scores of its tokens (see [`static_scores`]): a beam of
/// [`BEAM_WIDTH`] histories within [`BEAM_MARGIN`] of the best (see
/// [`decode_beam`]). Greedy decoding often opened an entity and then had to
/// continue it ("Ruch and"); the beam lets a weaker start win when what
/// follows fits it better.
pub fn decode_sentence<S: Scorer<NCLASS>>(
    scorer: &S,
    toks: &[Tok],
    statics: &[[f32; NCLASS]],
    feats: &mut Vec<u32>,
    out: &mut Vec<u8>,
) {
    decode_beam(scorer, toks, statics, feats, out, BEAM_WIDTH, BEAM_MARGIN);
}

/// Beam decoding with BILOU constraints. A history's score is the sum of the
/// log-softmax of each token's class scores (the scores of the model's
/// features given that history's two previous classes); histories that agree
/// on the two previous classes are merged, and those more than `margin`
/// below the best are dropped. `width` 1 is greedy decoding, with the same
/// tie-breaking (the lowest class wins).
pub fn decode_beam<S: Scorer<NCLASS>>(
    scorer: &S,
    toks: &[Tok],
    statics: &[[f32; NCLASS]],
    feats: &mut Vec<u32>,
    out: &mut Vec<u8>,
    width: usize,
    margin: f32,
) {
    let n = toks.len().min(statics.len());
    beam_search(
        n,
        out,
        width,
        margin,
        |i| toks[i].plain,
        |i, prev1, prev2, acc| {
            *acc = statics[i];
            feats.clear();
            dynamic_features(toks, i, prev1, prev2, feats);
            scorer.add_all(feats, acc);
        },
    );
}

/// `ln(sum(exp(a)))` over a row of scores, without overflow. Terms more than
/// `SKIP` below the largest are left out: each is under 1e-13 of the sum,
/// far below an f32 rounding step, and skipping them saves most of the
/// `exp` calls (a library call in wasm).
#[inline]
fn log_sum_exp(acc: &[f32; NCLASS]) -> f32 {
    const SKIP: f32 = 30.0;
    let mut top = acc[0];
    for &a in &acc[1..] {
        // Not `f32::max`: that is a libm call in wasm, and scores are finite.
        if a > top {
            top = a;
        }
    }
    let mut sum = 0f32;
    for &a in acc {
        let d = a - top;
        if d > -SKIP {
            sum += exp_nonpositive(d);
        }
    }
    top + ln_sum(sum)
}

/// `ln(x)` for `1 <= x <= NCLASS` (a sum of `exp` terms, one of them 1),
/// inline: `x = 2^k * m` with `m` in `[0.75, 1.5)`, and `ln m` from the
/// series of `2 atanh((m - 1) / (m + 1))` to its `s^11` term (error under
/// 1e-8). Not `f32::ln`: the platform's library gives results that differ
/// by a rounding step between native code (glibc) and wasm (Rust's libm),
/// and a beam decision can turn on one, so the same text was tagged
/// differently in the browser and by the CLI; it is a library call in wasm, too.
#[inline]
fn ln_sum(x: f32) -> f32 {
    let bits = x.to_bits();
    // The exponent, taken from `x / 0.75` so that the mantissa lands in [0.75, 1.5).
    let k = ((bits + 0x0040_0000) >> 23) as i32 - 127;
    let m = f32::from_bits(bits - ((k as u32) << 23));
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let series = 2.0
        * s
        * (1.0
            + s2 * (1.0 / 3.0
                + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0 + s2 / 11.0)))));
    k as f32 * std::f32::consts::LN_2 + series
}

/// `exp(x)` for `-30 < x <= 0`, inline: `2^k * e^r` with `|r| <= ln2 / 2`
/// and a degree-7 Taylor polynomial (relative error under 1e-7, about one
/// f32 rounding step). `f32::exp` is a library call in wasm, and this one
/// runs 17 times per token where the beam holds two histories.
#[inline]
fn exp_nonpositive(x: f32) -> f32 {
    // ln 2 split so that `k * LN2_HI` is exact (Cody and Waite).
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    // Round to nearest by adding 1.5 * 2^23, where a float's unit in the
    // last place is 1: the sum's low mantissa bits are then the integer.
    // No `floor` call, and no saturating float-to-int conversion.
    const SHIFT: f32 = 12_582_912.0;
    let t = x * std::f32::consts::LOG2_E + SHIFT;
    let kf = t - SHIFT;
    let k = t.to_bits() as i32 - SHIFT.to_bits() as i32;
    let r = (x - kf * LN2_HI) - kf * LN2_LO;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // 2^k built from its exponent bits; k >= -44 here, a normal float.
    p * f32::from_bits(((k + 127) as u32) << 23)
}

/// The search of [`decode_beam`] over `n` tokens, with `scores(i, prev1,
/// prev2, acc)` setting token `i`'s class scores after the history's two
/// previous classes (static plus dynamic features), asked only for the
/// tokens the search scores: not for a token where `plain(i)` holds and the
/// single history leaves no entity open ([`Tok::plain`]). The tagger's fast
/// path uses it with the same scores computed another way.
pub fn beam_search(
    n: usize,
    out: &mut Vec<u8>,
    width: usize,
    margin: f32,
    plain: impl Fn(usize) -> bool,
    mut scores: impl FnMut(usize, u8, u8, &mut [f32; NCLASS]),
) {
    const MAX_WIDTH: usize = 4;
    let width = width.clamp(1, MAX_WIDTH);
    out.clear();
    if n == 0 {
        return;
    }
    // A history: (score, last class, class before it, its entry in `back`).
    type Hyp = (f32, u8, u8, u32);
    const NONE: u32 = u32::MAX;
    let mut beam: [Hyp; MAX_WIDTH] = [(0.0, 0, 0, NONE); MAX_WIDTH];
    let mut kept = 1usize;
    let mut next: [Hyp; MAX_WIDTH * NCLASS] = [(0.0, 0, 0, NONE); MAX_WIDTH * NCLASS];
    // Every history's (class, previous entry) chain.
    let mut back: Vec<(u8, u32)> = Vec::with_capacity(n * width);
    let mut acc = [0f32; NCLASS];
    for i in 0..n {
        // A plain token (lower case, punctuation or a number) after a closed
        // class, on the only history, is O: such a token can continue a name
        // but hardly ever starts one (45 of the 23,499 names in CoNLL-2003
        // train), and with one history only the choice matters, not its
        // score. Not scoring these tokens is most of the tagger's saving on
        // running text. With two histories their scores for the token
        // still tell them apart, so the token is scored.
        if kept == 1 && FOLLOWERS[beam[0].1 as usize] & 1 != 0 && plain(i) {
            let (sc, p1, _, bp) = beam[0];
            back.push((0, bp));
            beam[0] = (sc, 0, p1, (back.len() - 1) as u32);
            continue;
        }
        let single = kept == 1;
        let mut m = 0usize;
        // An entity cannot stay open past the last token.
        let last = i + 1 == n;
        for &(score, prev1, prev2, bp) in &beam[..kept] {
            scores(i, prev1, prev2, &mut acc);
            // With one history, normalising would shift every candidate
            // alike: only differences between candidates matter.
            let (base, norm) = if single {
                (0.0, 0.0)
            } else {
                (score, log_sum_exp(&acc))
            };
            let mut classes = FOLLOWERS[prev1 as usize] & if last { CLOSING } else { !0 };
            while classes != 0 {
                let c = classes.trailing_zeros() as u8;
                classes &= classes - 1;
                next[m] = (base + acc[c as usize] - norm, c, prev1, bp);
                m += 1;
            }
        }
        // Only candidates within the margin of the best can be kept: keep
        // those (in generation order) and sort just them. Stable: among equal
        // scores the earlier history and lower class win.
        let top = next[..m]
            .iter()
            .fold(f32::NEG_INFINITY, |t, h| if h.0 > t { h.0 } else { t });
        let mut close = 0;
        for k in 0..m {
            if next[k].0 >= top - margin {
                next[close] = next[k];
                close += 1;
            }
        }
        next[..close].sort_by(|a, b| b.0.total_cmp(&a.0));
        kept = 0;
        for &(sc, c, p1, bp) in &next[..close] {
            if kept == width {
                break;
            }
            if beam[..kept].iter().any(|h| h.1 == c && h.2 == p1) {
                continue;
            }
            back.push((c, bp));
            beam[kept] = (sc, c, p1, (back.len() - 1) as u32);
            kept += 1;
        }
    }
    let mut idx = beam[0].3;
    while idx != NONE {
        let (c, bp) = back[idx as usize];
        out.push(c);
        idx = bp;
    }
    out.reverse();
}

/// Stage-1 evidence for stage 2: for each lower-cased word, which entity
/// types stage 1 gave it across the document, and the type of the longest
/// predicted entity it was part of.
#[inline(never)]
pub fn add_document_evidence(toks: &mut [Vec<Tok>], stage1: &[Vec<u8>]) {
    // Per word, in one map so each token costs one probe: bit per type seen
    // (0..4), bit 4 = seen as O while capitalised; then the longest entity
    // containing the word (length, type + 1).
    let mut seen: IdMap<(u8, u8, u8)> = IdMap::default();
    for (ts, cs) in toks.iter().zip(stage1) {
        let mut start = 0usize;
        for (i, (t, &c)) in ts.iter().zip(cs).enumerate() {
            match class_parts(c) {
                Some((ty, pos)) => {
                    seen.entry(t.lower).or_default().0 |= 1 << ty;
                    if pos == 0 || pos == 3 {
                        start = i;
                    }
                    if pos == 2 || pos == 3 {
                        let len = (i + 1 - start).min(255) as u8;
                        for u in &ts[start..=i] {
                            let e = seen.entry(u.lower).or_default();
                            if len > e.1 {
                                (e.1, e.2) = (len, ty + 1);
                            }
                        }
                    }
                }
                None if matches!(t.casing, casing::INIT_CAP | casing::ALL_CAPS) => {
                    seen.entry(t.lower).or_default().0 |= 1 << 4;
                }
                None => {}
            }
        }
    }
    for t in toks.iter_mut().flatten() {
        let (types, len, ty) = seen.get(&t.lower).copied().unwrap_or_default();
        t.s1 = types as u32;
        t.s1_seq = if len == 0 {
            0
        } else {
            (len.min(4) as u32) << 4 | ty as u32
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_templates_never_share_a_number() {
        assert_eq!(T::overlaps(), None);
    }

    #[test]
    fn inline_exp_matches_the_library_within_a_rounding_step() {
        let mut x = 0.0f32;
        while x > -30.0 {
            let (got, want) = (exp_nonpositive(x), x.exp());
            assert!(
                (got - want).abs() <= 2.5e-7 * want,
                "exp({x}) = {want}, got {got}"
            );
            x -= 0.001_37;
        }
    }

    #[test]
    fn inline_ln_matches_the_library_within_a_rounding_step() {
        let mut x = 1.0f32;
        while x <= NCLASS as f32 {
            let (got, want) = (ln_sum(x), x.ln());
            assert!(
                (got - want).abs() <= 2.5e-7 * want.max(1.0),
                "ln({x}) = {want}, got {got}"
            );
            x += 0.000_37;
        }
    }

    #[test]
    fn word_and_context_features_are_the_static_features() {
        let doc = vec![
            vec![
                "Russian",
                "President",
                "Vladimir",
                "Putin",
                "met",
                "KIM",
                "in",
                "Moscow",
                ".",
            ],
            vec!["Hi"],
            vec![],
        ];
        let lex_bytes = include_bytes!("../../data/ner/lexicons.bin");
        let lex = Lexicon::from_bytes(lex_bytes).unwrap();
        for sent in analyse(&lex, &doc) {
            for i in 0..sent.len() {
                let mut whole = Vec::new();
                static_features(&sent, i, Mode::Stage1, &mut whole);
                let mut parts = Vec::new();
                for (role, w) in window(&sent, i).into_iter().enumerate() {
                    word_features(w, role, &mut parts);
                }
                context_features(&sent, i, &mut parts);
                whole.sort_unstable();
                parts.sort_unstable();
                assert_eq!(whole, parts);
            }
        }
    }

    /// A scorer that gives each class a fixed score per decision history.
    struct Hist;
    impl Scorer<NCLASS> for Hist {
        fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
            // Push towards I/L of whatever was opened, a little.
            acc[(key % NCLASS as u32) as usize] += 0.1;
        }
    }

    #[test]
    fn beam_of_width_one_is_greedy_and_output_is_valid_bilou() {
        let doc = vec![vec![
            "Ruch",
            "and",
            "French",
            "President",
            "Jacques",
            "Chirac",
            ".",
        ]];
        let lex_bytes = include_bytes!("../../data/ner/lexicons.bin");
        let lex = Lexicon::from_bytes(lex_bytes).unwrap();
        let toks = &analyse(&lex, &doc)[0];
        // Static scores that make greedy decoding open an entity at "Ruch".
        let mut st = vec![[0f32; NCLASS]; toks.len()];
        st[0][5] = 2.0; // B-ORG
        st[0][8] = 1.9; // U-ORG
        for s in &mut st[1..] {
            s[0] = 3.0;
        }
        let mut feats = Vec::new();
        let (mut greedy, mut beam) = (Vec::new(), Vec::new());
        decode_beam(&Hist, toks, &st, &mut feats, &mut greedy, 1, 10.0);
        decode_beam(&Hist, toks, &st, &mut feats, &mut beam, 2, 10.0);
        assert_eq!(greedy[0], 5, "greedy opens B-ORG");
        assert_eq!(beam[0], 8, "the beam prefers U-ORG then O");
        assert!(beam[1..].iter().all(|&c| c == 0));
        for out in [&greedy, &beam] {
            let mut prev = 0;
            for &c in out.iter() {
                assert!(allowed(prev, c));
                prev = c;
            }
            assert!(!matches!(class_parts(prev), Some((_, 0 | 1))));
        }
    }

    #[test]
    fn bilou_constraints() {
        let b_per = 1;
        let i_per = 2;
        let l_per = 3;
        let u_org = 8;
        let i_org = 6;
        assert!(allowed(0, b_per) && allowed(0, u_org) && !allowed(0, i_per));
        assert!(allowed(b_per, i_per) && allowed(b_per, l_per) && !allowed(b_per, 0));
        assert!(!allowed(b_per, i_org) && allowed(l_per, u_org) && allowed(u_org, 0));
    }
}
