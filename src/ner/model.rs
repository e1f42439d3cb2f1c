//! The stored model: int8 weights for one or two stages, and the tagger that
//! runs them over a document.
//!
//! Weights file layout (little endian): `b"NLNERW05"`, `u32` number of
//! stages, then per stage: `u8` feature mode ([`Mode::code`]), `f32` alpha
//! (the weight of the stage-1 static scores in a residual stage 2), `f32`
//! scale and a [`Table`] from feature key to a row of `NCLASS` `i8` weights
//! (weight = stored value * scale). The tables are read in place from the
//! embedded bytes.

use super::classes::NCLASS;
use super::decode::{self, beam_search, decode_sentence};
use super::evidence::add_document_evidence;
use super::facts::{self, Tok};
use super::features::{self, Context, Evidence, Mode, Scorer};
use super::lexicon::{Lexicon, Reader};
use super::memo::{WordMemo, WordRows};
use super::table::{write_table, Table};
use rustc_hash::FxHashMap;

/// One stage's weights.
pub struct Weights<'a> {
    table: Table<'a>,
    scale: f32,
    pub mode: Mode,
    pub alpha: f32,
}

/// The stored byte for weight `w` at `scale` (linear, saturating).
pub fn quantise_weight(w: f32, scale: f32) -> i8 {
    (w / scale).round().clamp(-127.0, 127.0) as i8
}

impl<'a> Weights<'a> {
    fn read(r: &mut Reader<'a>) -> Result<Weights<'a>, String> {
        let mode = Mode::from_code(r.u8()?).ok_or("unknown stage mode")?;
        let alpha = r.f32()?;
        let scale = r.f32()?;
        let table = Table::read(r)?;
        if table.width() != NCLASS {
            return Err("weight rows have the wrong layout".into());
        }
        Ok(Weights {
            table,
            scale,
            mode,
            alpha,
        })
    }

    /// Number of stored rows.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    #[inline]
    fn add_row(row: &[u8; NCLASS], acc: &mut [i32; NCLASS]) {
        for (a, &w) in acc.iter_mut().zip(row) {
            *a += w as i8 as i32;
        }
    }

    /// The summed rows of the features `push` writes into `feats` (scratch).
    #[inline]
    pub fn sum_of(&self, feats: &mut Vec<u32>, push: impl FnOnce(&mut Vec<u32>)) -> [i32; NCLASS] {
        feats.clear();
        push(feats);
        let mut acc = [0i32; NCLASS];
        self.sum(feats, &mut acc);
        acc
    }

    /// Sums the rows of `keys` into integer scores.
    #[inline]
    pub fn sum(&self, keys: &[u32], acc: &mut [i32; NCLASS]) {
        // Touch every first slot before reading any row, so that the cache
        // misses overlap instead of queueing behind each other.
        const CHUNK: usize = 32;
        if keys.len() <= 4 {
            for &k in keys {
                if let Some(row) = self.table.get::<NCLASS>(k) {
                    Self::add_row(row, acc);
                }
            }
            return;
        }
        for chunk in keys.chunks(CHUNK) {
            let mut seen = [0u16; CHUNK];
            for (f, &k) in seen.iter_mut().zip(chunk) {
                *f = self.table.touch(self.table.home(k));
            }
            for (&f, &k) in seen.iter().zip(chunk) {
                // An empty first slot means the key is absent.
                if f != 0 {
                    if let Some(row) = self.table.get::<NCLASS>(k) {
                        Self::add_row(row, acc);
                    }
                }
            }
        }
    }
}

impl Scorer<NCLASS> for Weights<'_> {
    fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
        self.add_all(&[key], acc);
    }

    fn add_all(&self, keys: &[u32], acc: &mut [f32; NCLASS]) {
        let mut sum = [0i32; NCLASS];
        self.sum(keys, &mut sum);
        for (a, s) in acc.iter_mut().zip(sum) {
            *a += s as f32 * self.scale;
        }
    }
}

/// One quantised stage, ready to write.
pub struct StageOut {
    pub mode: Mode,
    pub alpha: f32,
    pub scale: f32,
    /// (key, row) pairs sorted by key.
    pub rows: Vec<(u32, [i8; NCLASS])>,
}

/// Serialises quantised stages.
pub fn write_weights(stages: &[StageOut]) -> Vec<u8> {
    let mut out = b"NLNERW05".to_vec();
    out.extend((stages.len() as u32).to_le_bytes());
    for st in stages {
        let rows = &st.rows;
        out.push(st.mode.code());
        out.extend(st.alpha.to_le_bytes());
        out.extend(st.scale.to_le_bytes());
        let bytes: Vec<[u8; NCLASS]> = rows
            .iter()
            .map(|(_, r)| std::array::from_fn(|c| r[c] as u8))
            .collect();
        let entries: Vec<(u32, &[u8])> = rows
            .iter()
            .zip(&bytes)
            .map(|((k, _), b)| (*k, &b[..]))
            .collect();
        write_table(&mut out, &entries, NCLASS, 2, 0.5);
    }
    out
}

/// Tokens per tagging window (see [`Tagger::classes`]): about 55 KB of
/// text, longer than any news article, and small enough that the window's
/// working state (about 120 bytes a token) stays a few megabytes.
pub const WINDOW: usize = 10_000;

/// Lexicons plus one or two stages of weights, all borrowed from their bytes.
pub struct Tagger<'a> {
    pub lex: Lexicon<'a>,
    stages: Vec<Weights<'a>>,
    /// Unique per tagger, so a word memo never serves another model's rows.
    id: u64,
}

impl<'a> Tagger<'a> {
    pub fn from_bytes(lexicon: &'a [u8], weights: &'a [u8]) -> Result<Tagger<'a>, String> {
        let lex = Lexicon::from_bytes(lexicon)?;
        let mut r = Reader::new(weights);
        r.magic(b"NLNERW05", "newslens NER weights")?;
        let n = r.u32()?;
        if !(1..=2).contains(&n) {
            return Err("expected one or two stages".into());
        }
        let stages = (0..n)
            .map(|_| Weights::read(&mut r))
            .collect::<Result<Vec<_>, _>>()?;
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(Tagger { lex, stages, id })
    }

    /// Tags a document; the result holds one BILOU class per token.
    pub fn classes(&self, doc: &[Vec<&str>]) -> Vec<Vec<u8>> {
        WordMemo::with(self.id, |memo| {
            let mut shared = memo.shared.take().unwrap_or_default();
            // A document is tagged in windows of whole sentences of about
            // WINDOW tokens: the per-token working state (facts, scores)
            // then stays bounded however long the input, and document
            // evidence reaches across any real article.
            let mut out = Vec::with_capacity(doc.len());
            let mut start = 0;
            while start < doc.len() {
                let mut end = start;
                let mut n = 0;
                while end < doc.len() && (end == start || n + doc[end].len() <= WINDOW) {
                    n += doc[end].len();
                    end += 1;
                }
                out.extend(self.classes_with(&doc[start..end], memo, &mut shared));
                shared.trim();
                start = end;
            }
            memo.shared = Some(shared);
            out
        })
    }

    fn classes_with(
        &self,
        doc: &[Vec<&str>],
        memo: &mut WordMemo,
        shared: &mut Shared,
    ) -> Vec<Vec<u8>> {
        let mut toks =
            facts::analyse_with(&self.lex, doc, |w, exact| memo.tok(&self.lex, w, exact));
        let s1 = &self.stages[0];
        if s1.mode != Mode::Stage1 {
            // Not a shipped layout: the plain path.
            let (classes, statics) = run_stage(s1, &toks, s1.mode, None);
            let Some(s2) = self.stages.get(1) else {
                return classes;
            };
            add_document_evidence(&mut toks, &classes);
            let base = (s2.mode == Mode::Stage2Residual).then_some((&statics[..], s2.alpha));
            return run_stage(s2, &toks, s2.mode, base).0;
        }
        let mut stage1 = Stage1Statics::new(s1);
        let (classes, mut statics) = run_stage1_cached(&mut stage1, &toks, memo, shared);
        let Some(s2) = self.stages.get(1) else {
            return classes;
        };
        add_document_evidence(&mut toks, &classes);
        if s2.mode == Mode::Stage2Residual {
            run_stage2_residual(s2, &toks, &mut statics, &mut stage1, memo, shared)
        } else {
            run_stage(s2, &toks, s2.mode, None).0
        }
    }

    /// The weight of one stored unit in a stage.
    pub fn scale(&self, stage: usize) -> f32 {
        self.stages[stage].scale
    }

    /// One stage's weights.
    pub fn stage(&self, i: usize) -> &Weights<'a> {
        &self.stages[i]
    }

    /// Rows stored per stage.
    pub fn rows(&self) -> Vec<usize> {
        self.stages.iter().map(Weights::len).collect()
    }
}

/// Runs one stage over a document: its classes, and the static scores of
/// every token. With `base = (scores, alpha)`, `alpha * scores` is added to
/// the static scores (a residual stage over stage 1).
#[allow(clippy::type_complexity)]
pub fn run_stage<S: Scorer<NCLASS>>(
    s: &S,
    toks: &[Vec<Tok>],
    mode: Mode,
    base: Option<(&[Vec<[f32; NCLASS]>], f32)>,
) -> (Vec<Vec<u8>>, Vec<Vec<[f32; NCLASS]>>) {
    let mut feats = Vec::with_capacity(128);
    let mut classes = Vec::with_capacity(toks.len());
    let mut statics = Vec::with_capacity(toks.len());
    for (si, sent) in toks.iter().enumerate() {
        let mut st = Vec::with_capacity(sent.len());
        features::static_scores(s, sent, mode, &mut feats, &mut st);
        if let Some((b, alpha)) = base {
            for (acc, b) in st.iter_mut().zip(&b[si]) {
                for (a, &x) in acc.iter_mut().zip(b) {
                    *a += alpha * x;
                }
            }
        }
        let mut out = Vec::with_capacity(sent.len());
        decode_sentence(s, sent, &st, &mut feats, &mut out);
        classes.push(out);
        statics.push(st);
    }
    (classes, statics)
}

/// Stage 1's static scores, worked out token by token as decoding asks for
/// them: the sums of [`features::word_features`] come from the word memo
/// (computed once per word it remembers) instead of being looked up for
/// every token, and plain tokens the decoder passes over are never scored
/// (see [`beam_search`]). The scores are those of
/// [`features::static_scores`].
struct Stage1Statics<'s, 'w> {
    s: &'s Weights<'w>,
    feats: Vec<u32>,
}

impl<'s, 'w> Stage1Statics<'s, 'w> {
    fn new(s: &'s Weights<'w>) -> Self {
        Stage1Statics {
            s,
            feats: Vec::with_capacity(64),
        }
    }

    fn word_row(s: &Weights<'_>, feats: &mut Vec<u32>, w: &Tok, role: usize) -> [i16; NCLASS] {
        s.sum_of(feats, |f| features::word_features(w, role, f))
            .map(|x| x.clamp(i16::MIN as i32, i16::MAX as i32) as i16)
    }

    /// The static scores of token `i` of `sent`.
    fn at(
        &mut self,
        sent: &[Tok],
        i: usize,
        memo: &mut WordMemo,
        shared: &mut SharedStage1,
    ) -> [f32; NCLASS] {
        let s = self.s;
        let feats = &mut self.feats;
        let pads = shared.pads.get_or_insert_with(|| {
            let mut pad = |w: &Tok| std::array::from_fn(|role| Self::word_row(s, feats, w, role));
            (pad(facts::pad_bos()), pad(facts::pad_eos()))
        });
        let mut sum = [0i32; NCLASS];
        for (role, d) in [0isize, -1, 1, -2, 2].into_iter().enumerate() {
            let j = i as isize + d;
            let row = if j < 0 {
                pads.0[role]
            } else if let Some(w) = sent.get(j as usize) {
                memo.row(w, role, |w, role| Self::word_row(s, feats, w, role))
            } else {
                pads.1[role]
            };
            for (a, &x) in sum.iter_mut().zip(&row) {
                *a += x as i32;
            }
        }
        feats.clear();
        features::context_word_features(sent, i, feats);
        s.sum(feats, &mut sum);
        add(
            &mut sum,
            shared
                .contexts
                .get(s, Context::of(sent, i), Context::features),
        );
        sum.map(|x| x as f32 * s.scale)
    }
}

/// A sentence's stage-1 static scores: `None` where no stage has asked yet.
type LazyStatics = Vec<Vec<Option<[f32; NCLASS]>>>;

/// [`run_stage`] for stage 1 with the shortcuts of [`Stage1Statics`]: the
/// same classes. The static scores it worked out are returned for stage 2,
/// which asks `stat` for the others.
#[inline(never)]
fn run_stage1_cached(
    stat: &mut Stage1Statics<'_, '_>,
    toks: &[Vec<Tok>],
    memo: &mut WordMemo,
    shared: &mut Shared,
) -> (Vec<Vec<u8>>, LazyStatics) {
    let s = stat.s;
    let mut classes = Vec::with_capacity(toks.len());
    let mut statics = Vec::with_capacity(toks.len());
    let mut feats = Vec::with_capacity(64);
    let (stage1, transitions) = (&mut shared.stage1, &mut shared.transitions[0]);
    for sent in toks {
        let mut st = vec![None; sent.len()];
        let mut out = Vec::with_capacity(sent.len());
        decode(s, sent, transitions, &mut feats, &mut out, |i| {
            *st[i].get_or_insert_with(|| stat.at(sent, i, memo, stage1))
        });
        classes.push(out);
        statics.push(st);
    }
    (classes, statics)
}

/// A residual stage 2 (see [`Mode::Stage2Residual`]) run like [`run_stage`]
/// with the evidence features summed once per distinct [`Evidence`]: same
/// scores, a tenth of the lookups. Stage-1 scores stage 1 did not need are
/// worked out by `stage1` as this stage asks for them.
#[inline(never)]
fn run_stage2_residual(
    s: &Weights<'_>,
    toks: &[Vec<Tok>],
    base: &mut LazyStatics,
    stage1: &mut Stage1Statics<'_, '_>,
    memo: &mut WordMemo,
    shared: &mut Shared,
) -> Vec<Vec<u8>> {
    let Shared {
        stage1: shared1,
        evidence,
        transitions,
    } = shared;
    let transitions = &mut transitions[1];
    let mut feats = Vec::with_capacity(16);
    let mut classes = Vec::with_capacity(toks.len());
    for (sent, b) in toks.iter().zip(base.iter_mut()) {
        let mut out = Vec::with_capacity(sent.len());
        decode(s, sent, transitions, &mut feats, &mut out, |i| {
            let sum = evidence.get(s, Evidence::of(sent, i), |e, out| {
                out.push(features::residual_bias());
                e.features(out);
            });
            let mut acc = sum.map(|x| x as f32 * s.scale);
            let b = b[i].get_or_insert_with(|| stage1.at(sent, i, memo, shared1));
            for (a, &x) in acc.iter_mut().zip(b.iter()) {
                *a += s.alpha * x;
            }
            acc
        });
        classes.push(out);
    }
    classes
}

#[inline]
fn add(sum: &mut [i32; NCLASS], row: &[i32; NCLASS]) {
    for (a, &x) in sum.iter_mut().zip(row) {
        *a += x;
    }
}

/// The sums that depend only on a stage's weights and a small key: the
/// context and evidence groups and the transitions. A document has few
/// distinct keys and the next document mostly the same ones, so they are
/// kept between documents (with the word memo, for one tagger), up to
/// `Shared::MAX_KEYS` (16k) per group.
#[derive(Default)]
pub struct Shared {
    stage1: SharedStage1,
    evidence: SharedSums<Evidence>,
    /// Per stage.
    transitions: [Transitions; 2],
}

impl Shared {
    /// Keys kept per group (each sum is 68 bytes); past that a group starts over.
    const MAX_KEYS: usize = 1 << 14;

    fn trim(&mut self) {
        if self.stage1.contexts.sums.len() > Self::MAX_KEYS {
            self.stage1.contexts.sums.clear();
        }
        if self.evidence.sums.len() > Self::MAX_KEYS {
            self.evidence.sums.clear();
        }
    }
}

/// What stage 1 keeps between documents: the context sums and the word rows
/// of the sentence padding.
#[derive(Default)]
struct SharedStage1 {
    contexts: SharedSums<Context>,
    pads: Option<(WordRows, WordRows)>,
}

/// Summed rows of a group of features, kept per distinct value of what the
/// group reads (casing, gazetteer and evidence patterns).
struct SharedSums<K> {
    sums: FxHashMap<K, [i32; NCLASS]>,
    feats: Vec<u32>,
}

impl<K> Default for SharedSums<K> {
    fn default() -> Self {
        SharedSums {
            sums: FxHashMap::default(),
            feats: Vec::with_capacity(32),
        }
    }
}

impl<K: std::hash::Hash + Eq + Copy> SharedSums<K> {
    fn get(
        &mut self,
        s: &Weights<'_>,
        k: K,
        features: impl FnOnce(&K, &mut Vec<u32>),
    ) -> &[i32; NCLASS] {
        let feats = &mut self.feats;
        self.sums
            .entry(k)
            .or_insert_with(|| s.sum_of(feats, |f| features(&k, f)))
    }
}

/// The rows of [`features::transition_features`] for each pair of previous
/// classes, filled as pairs occur.
struct Transitions {
    rows: Vec<Option<[i32; NCLASS]>>,
    feats: Vec<u32>,
}

impl Default for Transitions {
    fn default() -> Transitions {
        Transitions {
            rows: vec![None; NCLASS * NCLASS],
            feats: Vec::with_capacity(2),
        }
    }
}

impl Transitions {
    #[inline]
    fn get(&mut self, s: &Weights<'_>, prev1: u8, prev2: u8) -> &[i32; NCLASS] {
        let feats = &mut self.feats;
        self.rows[prev1 as usize * NCLASS + prev2 as usize].get_or_insert_with(|| {
            s.sum_of(feats, |f| features::transition_features(prev1, prev2, f))
        })
    }
}

/// [`decode_sentence`] for stored weights, with the transition
/// rows from `transitions` and token `i`'s static scores from `statics(i)`
/// (asked only for tokens the beam scores): the same integer sums, so the
/// same classes.
fn decode(
    s: &Weights<'_>,
    toks: &[Tok],
    transitions: &mut Transitions,
    feats: &mut Vec<u32>,
    out: &mut Vec<u8>,
    mut statics: impl FnMut(usize) -> [f32; NCLASS],
) {
    let (width, margin) = (decode::BEAM_WIDTH, decode::BEAM_MARGIN);
    let mut last: Option<(usize, [f32; NCLASS])> = None;
    beam_search(
        toks.len(),
        out,
        width,
        margin,
        |i| toks[i].plain,
        |i, prev1, prev2, acc| {
            let mut sum = *transitions.get(s, prev1, prev2);
            feats.clear();
            features::dynamic_word_features(toks, i, prev1, feats);
            s.sum(feats, &mut sum);
            // Every history asks for the same token's static scores in turn.
            *acc = match last {
                Some((j, st)) if j == i => st,
                _ => {
                    let st = statics(i);
                    last = Some((i, st));
                    st
                }
            };
            for (a, x) in acc.iter_mut().zip(sum) {
                *a += x as f32 * s.scale;
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tagger's shortcuts (word memo, shared context, evidence and
    /// transition sums) give exactly the classes of the plain feature-by-
    /// feature path, including for words seen in an earlier document.
    #[test]
    fn shortcuts_give_the_plain_path_classes() {
        let tagger = crate::ner::embedded();
        let text = include_str!("../../tests/fixtures/seed-article.txt");
        let doc: Vec<Vec<&str>> = text
            .split(['.', '\n'])
            .map(|s| s.split_whitespace().collect())
            .collect();
        let plain = |doc: &[Vec<&str>]| {
            let mut toks = facts::analyse(&tagger.lex, doc);
            let (s1, s2) = (tagger.stage(0), tagger.stage(1));
            let (classes, statics) = run_stage(s1, &toks, s1.mode, None);
            add_document_evidence(&mut toks, &classes);
            run_stage(s2, &toks, s2.mode, Some((&statics[..], s2.alpha))).0
        };
        let half = doc[..doc.len() / 2].to_vec();
        assert_eq!(tagger.classes(&half), plain(&half));
        assert_eq!(tagger.classes(&doc), plain(&doc));
        assert_eq!(tagger.classes(&doc), plain(&doc));
        assert!(plain(&doc).iter().flatten().any(|&c| c != 0));
    }

    /// A document longer than a window is tagged window by window: each
    /// window gets what it would get on its own, and nothing is lost.
    #[test]
    fn long_documents_are_tagged_in_windows() {
        let tagger = crate::ner::embedded();
        let sentence = vec!["Putin", "met", "Kim", "Jong-Un", "in", "Vladivostok", "."];
        let per_window = WINDOW / sentence.len();
        let doc = vec![sentence; per_window * 2 + 3];
        let tags = tagger.classes(&doc);
        assert_eq!(tags.len(), doc.len());
        assert!(tags.iter().zip(&doc).all(|(t, s)| t.len() == s.len()));
        assert_eq!(tags[..per_window], tagger.classes(&doc[..per_window])[..]);
        assert_eq!(
            tags[2 * per_window..],
            tagger.classes(&doc[2 * per_window..])[..]
        );
    }

    /// The memo grows when half full, even mid-document;
    /// the classes stay those of the plain path.
    #[test]
    fn memo_growth_keeps_the_classes() {
        let tagger = crate::ner::embedded();
        let words: Vec<String> = (0..6000).map(|i| format!("Word{i}")).collect();
        let doc: Vec<Vec<&str>> = words
            .chunks(12)
            .map(|c| {
                let mut s: Vec<&str> = c.iter().map(String::as_str).collect();
                s.extend(["said", "in", "London", "."]);
                s
            })
            .collect();
        let mut toks = facts::analyse(&tagger.lex, &doc);
        let (s1, s2) = (tagger.stage(0), tagger.stage(1));
        let (classes, statics) = run_stage(s1, &toks, s1.mode, None);
        add_document_evidence(&mut toks, &classes);
        let plain = run_stage(s2, &toks, s2.mode, Some((&statics[..], s2.alpha))).0;
        assert_eq!(tagger.classes(&doc), plain);
    }
}
