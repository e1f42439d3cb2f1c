//! The attribution tagger: a greedy left-to-right averaged perceptron that
//! labels every token of a paragraph as part of a source, a cue or a content
//! span (BIO), with hashed sparse features (words, crude lemmas, the cue
//! lexicon, names and pronouns from the mention stage, quotation-mark state,
//! punctuation and position in the sentence).
//!
//! Weights file (little endian): `b"NLQUOT03"`, `f32` scale, `u32` bits, then
//! `2^bits` rows of `ROW` bytes: one `i8` weight per class and padding; a
//! stored `q` means `sign(q) * (q / 127)^2 * scale` (square-law
//! companding keeps small weights that linear int8 would round to zero).

use crate::analysis::{Label, Mention, MentionKind};
use crate::lexicon::cues;
use crate::tagging::{hash_str, Reader};
use crate::tokens::{Token, TokenKind};

/// O, B-SRC, I-SRC, B-CUE, I-CUE, B-CON, I-CON.
pub const NCLASS: usize = 7;
pub const O: u8 = 0;
pub const B_SRC: u8 = 1;
pub const I_SRC: u8 = 2;
pub const B_CUE: u8 = 3;
pub const I_CUE: u8 = 4;
pub const B_CON: u8 = 5;
pub const I_CON: u8 = 6;

/// Whether class `cur` may follow class `prev` (I-X only after B-X or I-X).
pub fn allowed(prev: u8, cur: u8) -> bool {
    match cur {
        I_SRC => prev == B_SRC || prev == I_SRC,
        I_CUE => prev == B_CUE || prev == I_CUE,
        I_CON => prev == B_CON || prev == I_CON,
        _ => true,
    }
}

pub use crate::tagging::Scorer;

mod transitions;

crate::tagging::feature_templates! {
    /// The attribution tagger's feature templates (see [`static_features`]
    /// and [`dynamic_features`]).
    enum T {
        Bias = 1,
        Word = 2,
        PrevWord = 3,
        NextWord = 4,
        Prev2Word = 5,
        Next2Word = 6,
        PrevWordWord = 7,
        WordNextWord = 8,
        Lemma = 9,
        Shape = 10,
        ShapeTrigram = 11,
        Cue = 12,
        CueAround1 = 13,
        CueAround2 = 14,
        Ner = 15,
        NerTrigram = 16,
        Quote = 17,
        QuoteTrigram = 18,
        Position = 19,
        SentenceFlags = 20,
        LeftCue = 21,
        RightCue = 22,
        LeftCueLemma = 23,
        LeftCueLemmaCommas = 24,
        LeftCueClassWord = 25,
        RightCueLemma = 26,
        RightCueLemmaCommas = 27,
        RightCueClassNer = 28,
        CueDistancesQuote = 29,
        PunctCommas = 30,
        NerCueQuote = 31,
        FlagsQuoteLeftCue = 32,
        WordQuote = 33,
        LemmaCueDistances = 34,
        PrevClass = 40,
        PrevClasses = 41,
        PrevClassWord = 42,
        PrevClassQuote = 43,
        PrevClassCue = 44,
        PrevClassNer = 45,
        PrevClassPunct = 46,
    }
}

/// A feature key under construction: a template mixed with the feature's
/// values, one multiply per 32-bit value (hashing byte by byte cost a
/// quarter of the stage).
#[derive(Clone, Copy)]
struct Key(u64);

impl Key {
    #[inline]
    fn new(template: T) -> Key {
        Key((template.id() as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }
    #[inline]
    fn u32(self, v: u32) -> Key {
        let x = (self.0 ^ v as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        Key(x ^ x >> 32)
    }
    #[inline]
    fn key(self) -> u32 {
        let k = (self.0 ^ (self.0 >> 29)) as u32;
        if k == 0 {
            1
        } else {
            k
        }
    }
}

/// Per-token facts the features are made of.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tok {
    word: u32,
    lemma: u32,
    shape: u32,
    /// Cue class set (see [`cues::classes`]).
    cue: u8,
    /// Mention label code, 0 for none; + 16 for a continuation token; + 32
    /// for a pronoun, + 64 for a role noun.
    ner: u8,
    /// 1 inside a quotation, 2 a quotation mark, 0 otherwise.
    quote: u8,
    /// Position in the sentence: token index from the start and from the end.
    from_start: u16,
    from_end: u16,
    /// Sentence flags: 1 has a cue word, 2 has a quotation mark, 4 first in
    /// its paragraph, 8 the title, 16 has "according".
    sent: u8,
    /// Nearest cue word to the left in the sentence: (distance, lemma hash, class set).
    left: (u16, u32, u8),
    right: (u16, u32, u8),
    /// Commas between the left cue and this token (capped at 3).
    commas_left: u8,
    /// Commas between this token and the right cue (capped at 3).
    commas_right: u8,
    punct: u8,
}

fn shape(w: &str) -> u32 {
    let mut out = [0u8; 4];
    let mut n = 0;
    for c in w.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else {
            b'p'
        };
        if n == 0 || out[n - 1] != s {
            if n == 4 {
                break;
            }
            out[n] = s;
            n += 1;
        }
    }
    u32::from_le_bytes(out)
}

fn ner_code(m: &Mention, continuation: bool) -> u8 {
    let l = match m.label {
        Label::Person => 1,
        Label::Org => 2,
        Label::Gpe => 3,
        Label::Norp => 4,
        Label::Date | Label::Time => 5,
        Label::Cardinal | Label::Percent | Label::Money | Label::Quantity | Label::Ordinal => 6,
        _ => 7,
    };
    let kind = match m.kind {
        MentionKind::Name => 0,
        MentionKind::Pronoun => 32,
        MentionKind::Nominal => 64,
    };
    l + if continuation { 16 } else { 0 } + kind
}

/// Distances in tokens, in buckets (the tagger's and the speaker ranker's).
pub(super) fn bucket(d: usize) -> u32 {
    match d {
        0..=3 => d as u32,
        4..=6 => 4,
        7..=12 => 5,
        13..=25 => 6,
        _ => 7,
    }
}

/// One paragraph (or title) prepared for tagging.
pub struct Sequence {
    pub toks: Vec<Tok>,
}

/// The input of [`prepare`]: a run of tokens and where its sentences and
/// quotation marks are.
pub struct Input<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Sentence token ranges covering the sequence, in order.
    pub sentences: &'a [std::ops::Range<usize>],
    /// Mentions overlapping the sequence, sorted by start.
    pub mentions: &'a [Mention],
    /// For each token: 1 inside a quotation, 2 a quotation mark, 0 outside.
    pub quote: &'a [u8],
    pub title: bool,
}

/// What the tagger reads from a word's text alone (and whether it is a
/// word token), kept per thread for the words seen lately: news repeats its
/// words, and an article re-analysed as it is edited repeats them all.
#[derive(Clone, Copy)]
struct WordFacts {
    word: u32,
    lemma: u32,
    shape: u32,
    cue: u8,
    /// A cue word, counting stems that need an "e" back ("stated").
    attributes: bool,
    /// What the rules after the tagger ask of the word (see [`WORD_SUBJECT`]).
    bits: u8,
    punct: u8,
}

/// What [`prepare_to_tag`] tells the rules after the tagger about each
/// token: the hash of its lower-case text and its word bits: the word's cue
/// classes (bit `c` for class `c`, stems that need an "e" back included),
/// [`WORD_SUBJECT`] and [`WORD_AUX`].
#[derive(Clone, Copy, Debug, Default)]
pub struct WordInfo {
    pub lower: u32,
    pub bits: u8,
}

/// A pronoun that can be a clause's subject ("he", "they", "who").
pub const WORD_SUBJECT: u8 = 0x80;
/// A word that can stand between a subject and its verb: an auxiliary, a
/// form of "be", an adverb ("has", "was", "also", "reportedly").
pub const WORD_AUX: u8 = 0x01;

/// [`WORD_SUBJECT`] and [`WORD_AUX`] of a lower-case word by the lexicon's
/// lists (subject pronouns; words between a subject and its verb, forms of
/// "be" included), with one hash probe instead of a search of each list.
fn listed_bits(lower: &str) -> u8 {
    use crate::lexicon::{function_words as fw, pronouns};
    static BITS: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let bits = BITS.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for w in fw::BEFORE_VERB.iter().chain(fw::BE) {
            *m.entry(*w).or_insert(0) |= WORD_AUX;
        }
        for w in pronouns::SUBJECTS {
            *m.entry(*w).or_insert(0) |= WORD_SUBJECT;
        }
        m
    });
    bits.get(lower).copied().unwrap_or(0)
}

impl WordFacts {
    fn of(w: &str, is_word: bool) -> WordFacts {
        let mut buf = String::with_capacity(w.len());
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
        let lemma = cues::strip_inflection(&buf);
        let cue = if is_word { cues::classes(lemma) } else { 0 };
        let all = if is_word && cue == 0 && lemma.len() < buf.len() {
            // With room for the "e" it may add.
            let mut stem = String::with_capacity(lemma.len() + 1);
            stem.push_str(lemma);
            cues::classes_of_stem(&mut stem)
        } else {
            cue
        };
        let attributes = all != 0;
        let listed = if is_word { listed_bits(&buf) } else { 0 };
        let ly = is_word && buf.len() > 4 && buf.ends_with("ly");
        let bits = all | listed | if ly { WORD_AUX } else { 0 };
        WordFacts {
            word: hash_str(&buf),
            lemma: hash_str(lemma),
            shape: shape(w),
            cue,
            attributes,
            bits,
            punct: match w {
                "," => 1,
                ":" => 2,
                "." | "!" | "?" => 3,
                "(" | ")" => 4,
                "—" | "–" | "-" | "--" => 5,
                ";" => 6,
                _ => 0,
            },
        }
    }

    /// The facts of `w`, from the thread's memo when it has them. Keyed by a
    /// 64-bit hash of the text and the token kind; the memo starts over past
    /// 16k words, so it stays under a megabyte.
    fn memo(w: &str, is_word: bool) -> WordFacts {
        use std::hash::BuildHasher;
        thread_local! {
            static MEMO: std::cell::RefCell<rustc_hash::FxHashMap<u64, WordFacts>> =
                Default::default();
        }
        let key = rustc_hash::FxBuildHasher.hash_one(w) ^ is_word as u64;
        MEMO.with_borrow_mut(|memo| {
            if let Some(f) = memo.get(&key) {
                return *f;
            }
            if memo.len() >= 1 << 14 {
                memo.clear();
            }
            *memo.entry(key).or_insert_with(|| WordFacts::of(w, is_word))
        })
    }
}

/// Computes the per-token facts of one sequence. Linear in its length.
#[cfg(feature = "train")]
pub fn prepare(inp: &Input) -> Sequence {
    let mut toks = Vec::new();
    word_facts(inp, None, &mut toks);
    add_context(inp, &mut toks);
    Sequence { toks }
}

/// [`prepare`] for tagging, into `seq` (its tokens replaced, so one buffer
/// serves every paragraph of an article): false, with only the words' own
/// facts worked out, for a sequence the tagger is not run on: one with no
/// cue word (by [`cues::classes_of_stem`], which also finds "stated"),
/// quotation mark or quoted word (see `quotes::find_with`). About half the
/// paragraphs of wire text. Writes what each token is to `words` (see
/// [`WordInfo`]).
pub fn prepare_to_tag(inp: &Input, words: &mut [WordInfo], seq: &mut Sequence) -> bool {
    let may_attribute = word_facts(inp, Some(words), &mut seq.toks);
    if may_attribute {
        add_context(inp, &mut seq.toks);
    }
    may_attribute
}

/// What each token is on its own (word, lemma, cue classes, shape,
/// punctuation, quotation state), into `toks` (emptied first), and whether
/// the sequence may attribute; what each token is goes to `words` when given.
fn word_facts(inp: &Input, mut words: Option<&mut [WordInfo]>, toks: &mut Vec<Tok>) -> bool {
    let mut may_attribute = false;
    toks.clear();
    toks.extend(inp.tokens.iter().enumerate().map(|(i, t)| {
        let facts = WordFacts::memo(t.text(inp.text), t.kind == TokenKind::Word);
        if let Some(b) = words.as_deref_mut().and_then(|w| w.get_mut(i)) {
            *b = WordInfo {
                lower: facts.word,
                bits: facts.bits,
            };
        }
        let quote = inp.quote.get(i).copied().unwrap_or(0);
        may_attribute |= facts.attributes || quote != 0;
        Tok {
            word: facts.word,
            lemma: facts.lemma,
            cue: facts.cue,
            shape: facts.shape,
            punct: facts.punct,
            quote,
            ..Tok::default()
        }
    }));
    may_attribute
}

/// Adds what depends on the neighbourhood: mention codes, sentence flags
/// and positions, and the nearest cue words.
fn add_context(inp: &Input, toks: &mut [Tok]) {
    let n = toks.len();
    let mut mi = 0;
    for (t, tk) in inp.tokens.iter().zip(toks.iter_mut()) {
        while mi < inp.mentions.len() && inp.mentions[mi].end <= t.start {
            mi += 1;
        }
        if let Some(m) = inp.mentions.get(mi) {
            if m.start <= t.start && t.end <= m.end {
                tk.ner = ner_code(m, m.start < t.start);
            }
        }
    }
    let text = inp.text;
    for (si, s) in inp.sentences.iter().enumerate() {
        let s = s.start.min(n)..s.end.min(n);
        let len = s.len();
        let mut flags = 0u8;
        if si == 0 {
            flags |= 4;
        }
        if inp.title {
            flags |= 8;
        }
        for i in s.clone() {
            if toks[i].cue != 0 {
                flags |= 1;
            }
            if toks[i].quote == 2 {
                flags |= 2;
            }
            if inp.tokens[i].text(text).eq_ignore_ascii_case("according") {
                flags |= 16;
            }
        }
        for (k, i) in s.clone().enumerate() {
            toks[i].from_start = k.min(u16::MAX as usize) as u16;
            toks[i].from_end = (len - 1 - k).min(u16::MAX as usize) as u16;
            toks[i].sent = flags;
        }
        sweep_cues(toks, s.clone(), |t| (&mut t.left, &mut t.commas_left));
        sweep_cues(toks, s.clone().rev(), |t| {
            (&mut t.right, &mut t.commas_right)
        });
    }
}

/// Walks tokens in `order` (a sentence, forwards or backwards) and gives each,
/// through `side`, the nearest cue word already passed (outside quotation
/// marks) as (distance, lemma, classes), and the commas since it (capped at 3).
fn sweep_cues(
    toks: &mut [Tok],
    order: impl Iterator<Item = usize>,
    side: impl Fn(&mut Tok) -> (&mut (u16, u32, u8), &mut u8),
) {
    let mut near: (u16, u32, u8) = (u16::MAX, 0, 0);
    let mut commas = 0u8;
    for i in order {
        if near.0 != u16::MAX {
            near.0 = near.0.saturating_add(1);
        }
        let t = &mut toks[i];
        let (cue, c) = side(t);
        *cue = near;
        *c = commas.min(3);
        if t.punct == 1 {
            commas = commas.saturating_add(1);
        }
        if t.cue != 0 && t.quote == 0 {
            near = (0, t.lemma, t.cue);
            commas = 0;
        }
    }
}

/// The static features of token `i` (they do not depend on earlier decisions).
pub fn static_features(seq: &Sequence, i: usize, out: &mut Vec<u32>) {
    let t = &seq.toks;
    let n = t.len();
    let at = |k: isize| -> Option<&Tok> {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            None
        } else {
            Some(&t[j as usize])
        }
    };
    let w = |k: isize| at(k).map_or(0xFFFF_FFFF, |x| x.word);
    let c = |k: isize| at(k).map_or(0xFF, |x| x.cue as u32);
    let x = &t[i];
    let f = Key::new;
    let (ld, ll, lc) = x.left;
    let (rd, rl, rc) = x.right;
    // Distance to the nearest cue word on each side, bucketed; 99 for none.
    let cue_bucket = |d: u16| {
        if d == u16::MAX {
            99
        } else {
            bucket(d as usize)
        }
    };
    let (lb, rb) = (cue_bucket(ld), cue_bucket(rd));
    // Whole groups at a time: one capacity check each, not one per key.
    out.extend_from_slice(&[
        f(T::Bias).key(),
        f(T::Word).u32(x.word).key(),
        f(T::PrevWord).u32(w(-1)).key(),
        f(T::NextWord).u32(w(1)).key(),
        f(T::Prev2Word).u32(w(-2)).key(),
        f(T::Next2Word).u32(w(2)).key(),
        f(T::PrevWordWord).u32(w(-1)).u32(x.word).key(),
        f(T::WordNextWord).u32(x.word).u32(w(1)).key(),
        f(T::Lemma).u32(x.lemma).key(),
        f(T::Shape).u32(x.shape).key(),
        f(T::ShapeTrigram)
            .u32(at(-1).map_or(0, |t| t.shape))
            .u32(x.shape)
            .u32(at(1).map_or(0, |t| t.shape))
            .key(),
        f(T::Cue).u32(x.cue as u32).key(),
        f(T::CueAround1).u32(c(-1)).u32(c(1)).key(),
        f(T::CueAround2).u32(c(-2)).u32(c(2)).key(),
        f(T::Ner).u32(x.ner as u32).key(),
        f(T::NerTrigram)
            .u32(at(-1).map_or(0xFF, |t| t.ner as u32))
            .u32(x.ner as u32)
            .u32(at(1).map_or(0xFF, |t| t.ner as u32))
            .key(),
        f(T::Quote).u32(x.quote as u32).key(),
        f(T::QuoteTrigram)
            .u32(at(-1).map_or(9, |t| t.quote as u32))
            .u32(x.quote as u32)
            .u32(at(1).map_or(9, |t| t.quote as u32))
            .key(),
        f(T::Position)
            .u32(bucket(x.from_start as usize))
            .u32(bucket(x.from_end as usize))
            .key(),
        f(T::SentenceFlags).u32(x.sent as u32).key(),
        f(T::LeftCue).u32(lb).u32(lc as u32).key(),
        f(T::RightCue).u32(rb).u32(rc as u32).key(),
    ]);
    if ld != u16::MAX {
        out.extend_from_slice(&[
            f(T::LeftCueLemma).u32(ll).key(),
            f(T::LeftCueLemmaCommas)
                .u32(ll)
                .u32(x.commas_left as u32)
                .key(),
            f(T::LeftCueClassWord).u32(lc as u32).u32(x.word).key(),
        ]);
    }
    if rd != u16::MAX {
        out.extend_from_slice(&[
            f(T::RightCueLemma).u32(rl).key(),
            f(T::RightCueLemmaCommas)
                .u32(rl)
                .u32(x.commas_right as u32)
                .key(),
            f(T::RightCueClassNer)
                .u32(rc as u32)
                .u32(x.ner as u32)
                .u32(rb)
                .key(),
        ]);
    }
    out.extend_from_slice(&[
        f(T::CueDistancesQuote)
            .u32(lb.min(8))
            .u32(rb.min(8))
            .u32(x.quote as u32)
            .key(),
        f(T::PunctCommas)
            .u32(x.punct as u32)
            .u32(x.commas_left as u32)
            .key(),
        f(T::NerCueQuote)
            .u32(x.ner as u32)
            .u32(x.cue as u32)
            .u32(x.quote as u32)
            .key(),
        f(T::WordQuote).u32(x.word).u32(x.quote as u32).key(),
        f(T::LemmaCueDistances)
            .u32(x.lemma)
            .u32(lb.min(8))
            .u32(rb.min(8))
            .key(),
        f(T::FlagsQuoteLeftCue)
            .u32(x.sent as u32)
            .u32(x.quote as u32)
            .u32(lb.min(8))
            .key(),
    ]);
}

/// The features that depend on the two previous decisions.
pub fn dynamic_features(seq: &Sequence, i: usize, p1: u8, p2: u8, out: &mut Vec<u32>) {
    let x = &seq.toks[i];
    let f = Key::new;
    out.extend_from_slice(&[
        f(T::PrevClass).u32(p1 as u32).key(),
        f(T::PrevClasses).u32(p1 as u32).u32(p2 as u32).key(),
        f(T::PrevClassWord).u32(p1 as u32).u32(x.word).key(),
        f(T::PrevClassQuote)
            .u32(p1 as u32)
            .u32(x.quote as u32)
            .key(),
        f(T::PrevClassCue).u32(p1 as u32).u32(x.cue as u32).key(),
        f(T::PrevClassNer).u32(p1 as u32).u32(x.ner as u32).key(),
        f(T::PrevClassPunct)
            .u32(p1 as u32)
            .u32(x.punct as u32)
            .key(),
    ]);
}

/// What the decoder scores with: weights for feature keys, and how they add
/// a token's dynamic features (by default, hashed like the static ones).
pub trait Weights: Scorer<NCLASS> {
    /// Adds the weights of token `i`'s [`dynamic_features`] after classes
    /// `p1` and `p2` to `acc`; `feats` is scratch space.
    fn add_dynamic(
        &self,
        seq: &Sequence,
        i: usize,
        (p1, p2): (u8, u8),
        feats: &mut Vec<u32>,
        acc: &mut [f32; NCLASS],
    ) {
        feats.clear();
        dynamic_features(seq, i, p1, p2, feats);
        self.add_all(feats, acc);
    }
}

/// Greedy decoding of one sequence; `feats` is scratch space.
#[cfg(feature = "train")]
pub fn decode<S: Weights>(scorer: &S, seq: &Sequence, feats: &mut Vec<u32>) -> Vec<u8> {
    let mut out = vec![O; seq.toks.len()];
    decode_into(scorer, seq, feats, &mut out);
    out
}

/// Tokens whose static scores are summed ahead of their decisions: the
/// weight look-ups of a block overlap in flight, and a block on the stack
/// needs no allocation per sequence.
const STATIC_BLOCK: usize = 64;

/// [`decode`] into `out` (one class per token of `seq`, the rest untouched).
pub fn decode_into<S: Weights>(scorer: &S, seq: &Sequence, feats: &mut Vec<u32>, out: &mut [u8]) {
    let n = seq.toks.len().min(out.len());
    let (mut p1, mut p2) = (O, O);
    let mut stat = [[0f32; NCLASS]; STATIC_BLOCK];
    for from in (0..n).step_by(STATIC_BLOCK) {
        let block = from..(from + STATIC_BLOCK).min(n);
        // Static scores first, for the whole block: no decision in between.
        for (i, acc) in block.clone().zip(stat.iter_mut()) {
            *acc = [0.0; NCLASS];
            feats.clear();
            static_features(seq, i, feats);
            scorer.add_all(feats, acc);
        }
        for (i, st) in block.zip(stat.iter()) {
            let mut acc = *st;
            scorer.add_dynamic(seq, i, (p1, p2), feats, &mut acc);
            let c = best(&acc, p1);
            out[i] = c;
            p2 = p1;
            p1 = c;
        }
    }
}

/// The best class allowed after `prev`.
pub fn best(acc: &[f32; NCLASS], prev: u8) -> u8 {
    crate::tagging::best(acc, prev, allowed)
}

/// Row width in the stored table: `NCLASS` weights and one byte of padding.
pub const ROW: usize = 8;

/// The stored weights: a direct-indexed table of `2^bits` rows (the hashing
/// trick: a feature's row is its key's low bits; the trainer learns in the
/// same hashed space, collisions included). A stored byte `q` means
/// `q * |q| / 127^2 * scale`. The rows are read in place from the embedded
/// bytes: expanding them to `i16` would write a megabyte before the first
/// result and double the table the lookups walk. Rows are summed exactly as
/// integers and scaled once per token.
pub struct Model<'a> {
    rows: &'a [[u8; ROW]],
    mask: usize,
    /// `scale / 127^2`: the weight of one unit of `q * |q|`.
    unit: f32,
    /// The dynamic features' rows summed ahead: saves six of a token's
    /// seven hashed look-ups on the decoder's critical path.
    transitions: Box<transitions::Transitions>,
}

const MAGIC: &[u8; 8] = b"NLQUOT03";
const HEADER: usize = 16;

/// The row of feature `key` in a table of `mask + 1` rows.
#[inline]
pub fn row_of(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 8 ^ key) as usize & mask
}

impl Scorer<NCLASS> for Model<'_> {
    #[inline]
    fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
        self.add_all(&[key], acc);
    }

    fn add_all(&self, keys: &[u32], acc: &mut [f32; NCLASS]) {
        let sum = self.sum(keys);
        for (a, s) in acc.iter_mut().zip(sum) {
            *a += s as f32 * self.unit;
        }
    }
}

impl Weights for Model<'_> {
    /// As the hashed path: the same integer sum of the seven rows, scaled
    /// once; only `PrevClassWord`'s row is looked up by its key.
    #[inline]
    fn add_dynamic(
        &self,
        seq: &Sequence,
        i: usize,
        (p1, p2): (u8, u8),
        feats: &mut Vec<u32>,
        acc: &mut [f32; NCLASS],
    ) {
        let x = &seq.toks[i];
        let Some(mut sum) = self.transitions.sum(x, p1, p2) else {
            feats.clear();
            dynamic_features(seq, i, p1, p2, feats);
            return self.add_all(feats, acc);
        };
        let word = self.sum(&[transitions::class_word_key(x, p1)]);
        for (s, w) in sum.iter_mut().zip(word) {
            *s += w;
        }
        for (a, s) in acc.iter_mut().zip(sum) {
            *a += s as f32 * self.unit;
        }
    }
}

impl Model<'_> {
    /// The exact integer sum of `q * |q|` over the rows of `keys`
    /// (`|q * |q||` is at most 2^14, for a stored -128, so 2^16 keys cannot
    /// overflow an `i32`).
    #[cfg(not(any(
        target_arch = "x86_64",
        all(target_arch = "wasm32", target_feature = "simd128")
    )))]
    #[inline]
    fn sum(&self, keys: &[u32]) -> [i32; ROW] {
        let mut sum = [0i32; ROW];
        for &k in keys {
            if let Some(row) = self.rows.get(row_of(k, self.mask)) {
                for (a, &q) in sum.iter_mut().zip(row) {
                    let q = q as i8 as i32;
                    *a += q * q.abs();
                }
            }
        }
        sum
    }

    /// As above with SSE2, eight 16-bit lanes at a time (see [`sum_sse2`]).
    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn sum(&self, keys: &[u32]) -> [i32; ROW] {
        // SAFETY: SSE2 is part of x86-64 itself: every such CPU has it.
        unsafe { sum_sse2(self.rows, self.mask, keys) }
    }

    /// As above with SIMD128 (see [`sum_simd128`]).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline]
    fn sum(&self, keys: &[u32]) -> [i32; ROW] {
        sum_simd128(self.rows, self.mask, keys)
    }
}

/// [`Model::sum`] with SIMD128, as [`sum_sse2`] does it: each row's bytes
/// loaded straight into eight 16-bit lanes, `q * |q|` in 16 bits, two rows'
/// products added before they are widened into two halves of four `i32`s.
/// Per key, about half the instructions of two widening multiplies.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn sum_simd128(rows: &[[u8; ROW]], mask: usize, keys: &[u32]) -> [i32; ROW] {
    use core::arch::wasm32::*;
    // Sliced to `mask + 1` rows (all a model has), so that no row needs a
    // bounds check: `row_of` never passes `mask`.
    let rows = &rows[..=mask];
    // The eight products `q * |q|` of key `k`'s row.
    let products = |k: u32| {
        let row: &[u8; ROW] = &rows[row_of(k, mask)];
        // SAFETY: `row` is a reference to eight bytes, all that
        // `i16x8_load_extend_i8x8` reads; wasm loads need no alignment.
        let q = unsafe { i16x8_load_extend_i8x8(row.as_ptr().cast()) };
        i16x8_mul(q, i16x8_abs(q))
    };
    let (mut lo, mut hi) = (i32x4_splat(0), i32x4_splat(0));
    let mut widen_add = |m: v128| {
        lo = i32x4_add(lo, i32x4_extend_low_i16x8(m));
        hi = i32x4_add(hi, i32x4_extend_high_i16x8(m));
    };
    let pairs = keys.chunks_exact(2);
    let rest = pairs.remainder();
    for p in pairs {
        widen_add(i16x8_add(products(p[0]), products(p[1])));
    }
    for &k in rest {
        widen_add(products(k));
    }
    use i32x4_extract_lane as x;
    [
        x::<0>(lo),
        x::<1>(lo),
        x::<2>(lo),
        x::<3>(lo),
        x::<0>(hi),
        x::<1>(hi),
        x::<2>(hi),
        x::<3>(hi),
    ]
}

/// [`Model::sum`] with SSE2: `q * |q|` as `q * q` with `q`'s sign applied
/// by xor and subtract (SSE2 has no 16-bit `abs`). Two rows' products are
/// added in 16 bits (each is at most 2^14 in size, so two fit an `i16`)
/// before they are widened into two halves of four `i32`s: one widening
/// per pair of keys.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sum_sse2(rows: &[[u8; ROW]], mask: usize, keys: &[u32]) -> [i32; ROW] {
    use core::arch::x86_64::*;
    // Sliced to `mask + 1` rows (all a model has), so that no row needs a
    // bounds check: `row_of` never passes `mask`.
    let rows = &rows[..=mask];
    // The eight products `q * |q|` of key `k`'s row.
    let products = |k: u32| {
        let b = _mm_cvtsi64_si128(i64::from_le_bytes(rows[row_of(k, mask)]));
        let q = _mm_srai_epi16::<8>(_mm_unpacklo_epi8(b, b));
        let sign = _mm_srai_epi16::<15>(q);
        _mm_sub_epi16(_mm_xor_si128(_mm_mullo_epi16(q, q), sign), sign)
    };
    let (mut lo, mut hi) = (_mm_setzero_si128(), _mm_setzero_si128());
    let mut widen_add = |m: __m128i| {
        lo = _mm_add_epi32(lo, _mm_srai_epi32::<16>(_mm_unpacklo_epi16(m, m)));
        hi = _mm_add_epi32(hi, _mm_srai_epi32::<16>(_mm_unpackhi_epi16(m, m)));
    };
    let pairs = keys.chunks_exact(2);
    let rest = pairs.remainder();
    for p in pairs {
        widen_add(_mm_add_epi16(products(p[0]), products(p[1])));
    }
    for &k in rest {
        widen_add(products(k));
    }
    let mut out = [0i32; ROW];
    // SAFETY: `out` holds eight `i32`s: two unaligned 16-byte stores, at its
    // start and at its fifth element, stay inside it.
    unsafe {
        _mm_storeu_si128(out.as_mut_ptr().cast(), lo);
        _mm_storeu_si128(out.as_mut_ptr().add(4).cast(), hi);
    }
    out
}

impl<'a> Model<'a> {
    /// The model in `buf`, read in place: only the header is checked.
    pub fn from_bytes(buf: &'a [u8]) -> Result<Model<'a>, String> {
        let mut r = Reader::new(buf);
        r.magic(MAGIC, "quotes weights")?;
        let scale = r.f32()?;
        let bits = r.u32()?;
        if !(4..=26).contains(&bits) || buf.len() != HEADER + (1usize << bits) * ROW {
            return Err("bad weights table size".into());
        }
        let (rows, rest) = r.bytes(buf.len() - HEADER)?.as_chunks::<ROW>();
        debug_assert!(rest.is_empty());
        let mut model = Model {
            rows,
            mask: (1usize << bits) - 1,
            unit: scale / (127.0 * 127.0),
            transitions: transitions::Transitions::empty(),
        };
        let summed = transitions::Transitions::new(|keys| model.sum(keys));
        model.transitions = summed;
        Ok(model)
    }

    /// Serialises a table of `2^bits` weight rows (square-law companded to `i8`).
    #[cfg(feature = "train")]
    pub fn to_bytes(rows: &[[f32; NCLASS]], bits: u32) -> Vec<u8> {
        assert_eq!(rows.len(), 1 << bits);
        let scale = rows
            .iter()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-6);
        let mut out = MAGIC.to_vec();
        out.extend(scale.to_le_bytes());
        out.extend(bits.to_le_bytes());
        for r in rows {
            for &w in r {
                let x = (w.abs() / scale).min(1.0).sqrt() * 127.0;
                out.push((x.round() * w.signum()) as i8 as u8);
            }
            out.extend([0u8; ROW - NCLASS]);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_templates_never_share_a_number() {
        assert_eq!(T::overlaps(), None);
    }

    /// The vector sums (SSE2 natively, SIMD128 in wasm) give exactly the
    /// plain sum of `q * |q|` over the stored rows, extremes included.
    #[test]
    fn row_sums_are_exact() {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(1.0f32.to_le_bytes());
        bytes.extend(4u32.to_le_bytes());
        for r in 0..16u8 {
            for c in 0..ROW as u8 {
                bytes.push([0x80, 0x81, 0x7F, 0xFF, 0x01, 0x00, 0x40, 0xC0][c as usize] ^ r);
            }
        }
        let model = Model::from_bytes(&bytes).unwrap();
        // An odd count too: the last key has no partner to be added to.
        let keys: Vec<u32> = (0..201u32).map(|k| k.wrapping_mul(2_654_435_761)).collect();
        let mut want = [0i32; ROW];
        for &k in &keys {
            let row = &bytes[HEADER + row_of(k, 15) * ROW..][..ROW];
            for (w, &q) in want.iter_mut().zip(row) {
                let q = q as i8 as i32;
                *w += q * q.abs();
            }
        }
        assert_eq!(model.sum(&keys), want);
        // The stored extremes, -128 twice and 127 twice (row 0's first and
        // third bytes), summed in pairs.
        let first = (0..1000u32).find(|&k| row_of(k, 15) == 0).unwrap();
        let sum = model.sum(&[first, first]);
        assert_eq!((sum[0], sum[2]), (-32_768, 32_258));
        assert!(want.iter().any(|&w| w < -16_000) && want.iter().any(|&w| w > 16_000));
    }
}
