//! Feature templates and the features of a token, shared by training
//! (`src/bin/train.rs`) and tagging.
//!
//! Every feature is a template ([`T`]) mixed with one or more precomputed
//! 64-bit hashes and folded to a `u32` key; the model stores weights only
//! for keys it kept.

use super::classes::NCLASS;
use super::facts::{Tok, PAD_BOS, PAD_EOS};

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
        /// How far ahead an organisation or place key word is, with casing.
        KeyAhead = 65,
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
    key_ahead: u8,
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
            key_ahead: t.key_ahead,
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
        if self.key_ahead != 0 {
            out.push(key2(T::KeyAhead, self.key_ahead as u64, cas));
        }
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

#[cfg(test)]
mod tests {
    use super::super::facts::analyse;
    use super::super::lexicon::Lexicon;
    use super::*;

    #[test]
    fn feature_templates_never_share_a_number() {
        assert_eq!(T::overlaps(), None);
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
}
