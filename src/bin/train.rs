//! Trains the named-entity tagger and writes `data/ner/weights.bin`.
//!
//! cargo run --release --features train --bin train -- \
//!     [--train FILE] [--extra FILE[:misc-partial][:w=W]]... [--swap NAMES[:P] [--swap-changed-only]] [--dev FILE] [--lexicons FILE] [--out FILE] [--epochs N] [--folds K] \
//!     [--stages 1|2] [--stage2 residual|full] [--alpha A[,A...]] [--pa C] \
//!     [--seed N] [--seeds N] [--min-count N] [--min-q N[,N...]] [--sat F[,F...]] [--epochs2 N] [--word-drop P [--word-drop-entities]] \
//!     [--final]
//!
//! Averaged passive-aggressive (PA-I, `--pa C`; `--pa 0` gives plain
//! perceptron updates) training, greedy decoding with the model's own
//! previous decisions as history. Stage 2 is trained on stage-1 output that
//! is jackknifed over K folds of the training documents, so it learns how far
//! to trust stage 1 on unseen text. A residual stage 2 (the default) has only
//! the document-evidence features and adds `alpha` times the stage-1 static
//! scores; `--alpha` may list candidates. The epoch (and alpha, and the
//! quantisation settings) with the best dev F1 is kept; dev is used for those
//! choices only. Defaults: 12 epochs, 5 folds, residual stage 2, alpha 0.6,
//! PA C 1, rows pruned below |q| 3, no saturation. Deterministic: fixed
//! shuffling seeds, sorted output.
//!
//! `--extra FILE` adds a CoNLL file's documents to the training data;
//! with `:misc-partial`, for a set that annotates only part of MISC (or
//! none of it), an O word taken for MISC is not corrected; with `:w=W`,
//! each update on its documents is W times as large (W < 1: the set
//! teaches less than CoNLL's news).
//!
//! `--swap NAMES[:P]` adds a copy of each training document (and, with
//! `--final`, of each dev document) in which each PER, ORG and LOC name is
//! swapped, with chance P (default 0.5), for a name of the same type from
//! NAMES (`scripts/build_ner_swap_names.py`; see `train/swap.rs`). With
//! `--swap-changed-only` a copy keeps only the sentences in which a name
//! was swapped. Copies never count towards `--min-count`.
//!
//! `--seed N` (default 0, the fixed seeds) changes every stage's
//! shuffling order: a setting's effect is told from one order's luck by
//! training it with several seeds. `--seeds N` trains every stage (and
//! every jackknife fold) with the N orders from `--seed` on and averages
//! their weights: one model that no longer depends on one order's luck.
//!
//! `--epochs2 N` sets stage 2's epochs apart from stage 1's. `--final`
//! trains on train + dev with the epoch counts given, choosing nothing on dev
//! (the dev figures it prints are then not held out). The shipped model is
//! `--final --epochs 9 --epochs2 1`, the epochs chosen on dev by a train-only
//! run (see data/ner/MODEL.md). `--word-drop P` (tried, not used) leaves a
//! token's word-identity features out of a stage-1 update with probability P.

use newslens::conll::Documents;
use newslens::ner::eval::Counts;
use newslens::ner::internals::{self as nx, IdMap, Lexicon, Mode, Scorer, Tok, NCLASS};
use newslens::ner::{class_to_tag, tags_to_classes, Tag};
use std::io::BufReader;
use std::time::Instant;

#[path = "train/swap.rs"]
mod swap;

struct Doc {
    toks: Vec<Vec<Tok>>,
    gold: Vec<Vec<u8>>,
    gold_tags: Vec<Vec<Tag>>,
    /// Stage-1 static scores (for a residual stage 2).
    base: Vec<Vec<[f32; NCLASS]>>,
    /// The set leaves (some) MISC names unannotated, so a word it calls O
    /// may be MISC: a MISC guess on it is not corrected (see [`masked`]).
    misc_partial: bool,
    /// How much an update on this document counts (`--extra FILE:w=W`):
    /// below 1, the extra sets teach less than CoNLL's news.
    weight: f32,
    /// A copy with swapped names (`--swap`): its features do not count
    /// towards `--min-count`, so the copies add no rows of their own.
    swapped: bool,
}

/// Whether an update that pushes `gold` above `rival` is left out: in a set
/// that does not annotate all of MISC, an O word the model takes for MISC
/// may be a MISC name nobody tagged, so O is not taught there.
fn masked(d: &Doc, gold: u8, rival: u8) -> bool {
    const MISC: u8 = 3;
    d.misc_partial && gold == 0 && nx::class_parts(rival).is_some_and(|(ty, _)| ty == MISC)
}

/// A document's sentences: words and gold tags.
type Raw = (Vec<Vec<String>>, Vec<Vec<Tag>>);

fn read_raw(path: &str) -> Vec<Raw> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Documents::new(BufReader::new(f))
        .map(|d| {
            let d = d.unwrap_or_else(|e| panic!("{path}: {e}"));
            let tags = d
                .sentences
                .iter()
                .map(|s| {
                    s.gold
                        .iter()
                        .map(|g| Tag::parse(g).unwrap_or(Tag::O))
                        .collect()
                })
                .collect();
            (d.sentences.into_iter().map(|s| s.words).collect(), tags)
        })
        .collect()
}

fn make_doc(lex: &Lexicon<'_>, (words, gold_tags): &Raw, misc_partial: bool) -> Doc {
    let words: Vec<Vec<&str>> = words
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    Doc {
        toks: nx::analyse(lex, &words),
        gold: gold_tags.iter().map(|t| tags_to_classes(t)).collect(),
        gold_tags: gold_tags.clone(),
        base: Vec::new(),
        misc_partial,
        weight: 1.0,
        swapped: false,
    }
}

fn load(path: &str, lex: &Lexicon<'_>, misc_partial: bool) -> Vec<Doc> {
    read_raw(path)
        .iter()
        .map(|r| make_doc(lex, r, misc_partial))
        .collect()
}

/// Copies of the documents of `path` with names swapped (see [`swap`]).
/// With `--swap-changed-only`, a copy keeps only the sentences in which a
/// name was swapped, so the rest of CoNLL is not counted twice.
fn load_swapped(path: &str, lex: &Lexicon<'_>, names: &swap::Names, p: f64) -> Vec<Doc> {
    let mut rng = Rng(0x5EED_5A1F);
    let changed_only = SWAP_CHANGED_ONLY.load(std::sync::atomic::Ordering::Relaxed);
    read_raw(path)
        .iter()
        .filter_map(|(w, t)| {
            let (mut nw, mut nt) = swap::swapped(w, t, names, p, &mut || rng.next());
            if changed_only {
                let keep: Vec<bool> = nw.iter().zip(w).map(|(a, b)| a != b).collect();
                let mut k = keep.iter();
                nw.retain(|_| *k.next().unwrap());
                let mut k = keep.iter();
                nt.retain(|_| *k.next().unwrap());
            }
            if nw.is_empty() {
                return None;
            }
            let mut d = make_doc(lex, &(nw, nt), false);
            d.swapped = true;
            Some(d)
        })
        .collect()
}

/// `--swap-changed-only` (see [`load_swapped`]).
static SWAP_CHANGED_ONLY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Perceptron with lazy averaging (Daumé's trick: avg = w - u / c).
#[derive(Default)]
struct Perceptron {
    index: IdMap<u32>,
    w: Vec<[f32; NCLASS]>,
    u: Vec<[f64; NCLASS]>,
    c: f64,
}

impl Scorer<NCLASS> for Perceptron {
    fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
        if let Some(&i) = self.index.get(&key) {
            for (a, w) in acc.iter_mut().zip(&self.w[i as usize]) {
                *a += w;
            }
        }
    }
}

impl Perceptron {
    fn update(&mut self, feats: &[u32], gold: u8, pred: u8, step: f32) {
        for &f in feats {
            let n = self.w.len() as u32;
            let i = *self.index.entry(f).or_insert(n) as usize;
            if i == self.w.len() {
                self.w.push([0.0; NCLASS]);
                self.u.push([0.0; NCLASS]);
            }
            self.w[i][gold as usize] += step;
            self.w[i][pred as usize] -= step;
            self.u[i][gold as usize] += self.c * step as f64;
            self.u[i][pred as usize] -= self.c * step as f64;
        }
    }

    fn averaged(&self) -> Averaged {
        let w = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| std::array::from_fn(|k| (w[k] as f64 - u[k] / self.c.max(1.0)) as f32))
            .collect();
        Averaged {
            index: self.index.clone(),
            w,
        }
    }
}

#[derive(Clone)]
struct Averaged {
    index: IdMap<u32>,
    w: Vec<[f32; NCLASS]>,
}

impl Scorer<NCLASS> for Averaged {
    fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
        if let Some(&i) = self.index.get(&key) {
            for (a, w) in acc.iter_mut().zip(&self.w[i as usize]) {
                *a += w;
            }
        }
    }
}

/// The passive-aggressive step cap C (`--pa`); 0 = plain perceptron updates.
static PA: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0x3F80_0000); // 1.0

/// Word dropout (`--word-drop P`): the probability that a training token's
/// own identity features (its word and exact form, the two word bigrams and
/// the previous-decision-with-word feature) are left out of an update, so
/// that stage 1 learns to tag from shape, clusters, gazetteers and context.
static WORD_DROP: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
/// With `--word-drop-entities`, word dropout applies only to tokens of gold entities.
static DROP_ENTITIES: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--seed N`: mixed into every stage's shuffling seed, to see how much a
/// result owes to the order of the training documents (0, the default,
/// keeps the fixed seeds).
static SHUFFLE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// xorshift64*: a fixed-seed shuffle without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, (self.next() % (i as u64 + 1)) as usize);
        }
    }
}

fn evaluate<S: Scorer<NCLASS>>(s: &S, docs: &[&Doc], mode: Mode, alpha: f32) -> Counts {
    let mut counts = Counts::default();
    for d in docs {
        let base = (mode == Mode::Stage2Residual).then_some((&d.base[..], alpha));
        let pred = nx::run_stage(s, &d.toks, mode, base).0;
        for (g, p) in d.gold_tags.iter().zip(&pred) {
            let p: Vec<Tag> = p.iter().map(|&c| class_to_tag(c)).collect();
            counts.add_sentence(g, &p);
        }
    }
    counts
}

/// `--min-count N`: static features seen on fewer than N training tokens
/// are left out of training, so no weight row is kept for them. Most of
/// them are one rare word's identity; the words are still tagged from
/// their shape, clusters and context.
static MIN_COUNT: std::sync::OnceLock<u32> = std::sync::OnceLock::new();

/// Counts every static feature of the training tokens, and every dynamic
/// one with the gold classes as history; removes from each token's cached
/// static features those of fewer than `min` tokens (see [`MIN_COUNT`]).
/// Returns the counts, by which dynamic features are filtered as they are made.
fn drop_rare_features(train: &[&Doc], cache: &mut [Vec<Vec<Vec<u32>>>], min: u32) -> IdMap<u32> {
    let mut counts: IdMap<u32> = IdMap::default();
    let mut dynamic = Vec::new();
    for (d, doc_cache) in train.iter().zip(cache.iter()).filter(|(d, _)| !d.swapped) {
        for ((sent, gold), sent_cache) in d.toks.iter().zip(&d.gold).zip(doc_cache) {
            for (i, feats) in sent_cache.iter().enumerate() {
                dynamic.clear();
                let prev = |k: usize| if i >= k { gold[i - k] } else { 0 };
                nx::dynamic_features(sent, i, prev(1), prev(2), &mut dynamic);
                for f in feats.iter().chain(&dynamic) {
                    *counts.entry(*f).or_insert(0) += 1;
                }
            }
        }
    }
    for feats in cache.iter_mut().flatten().flatten() {
        feats.retain(|f| counts.get(f).is_some_and(|&n| n >= min));
    }
    counts
}

/// The static features of every training token, by document, sentence
/// and token: they do not change between epochs, so they are made once.
type StaticCache = Vec<Vec<Vec<Vec<u32>>>>;

fn static_cache(train: &[&Doc], mode: Mode) -> StaticCache {
    train
        .iter()
        .map(|d| {
            d.toks
                .iter()
                .map(|s| {
                    (0..s.len())
                        .map(|i| {
                            let mut f = Vec::new();
                            nx::static_features(s, i, mode, &mut f);
                            f
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The identity keys of token `i` (see [`WORD_DROP`]): its word and exact
/// form, and the two word bigrams.
fn identity_keys(s: &[Tok], i: usize) -> [u32; 4] {
    let (mut w, mut c) = (Vec::new(), Vec::new());
    nx::word_features(&s[i], 0, &mut w);
    nx::context_features(s, i, &mut c);
    [w[0], w[1], c[1], c[2]]
}

/// What a token's features go through before an update: word dropout
/// (`--word-drop`, stage 1 only) and the rare-feature filter (`--min-count`).
struct Regularise {
    word_drop: f64,
    drop_entities: bool,
    rng: Rng,
    /// Every feature's count, when rare ones are left out.
    counts: Option<IdMap<u32>>,
    min_count: u32,
}

impl Regularise {
    /// The features of token `i` of sentence `si` of `d` into `feats`: its
    /// cached static ones, then the dynamic ones of the history `prev`.
    fn features(
        &mut self,
        mode: Mode,
        (d, si, i): (&Doc, usize, usize),
        cached: &[u32],
        (prev1, prev2): (u8, u8),
        feats: &mut Vec<u32>,
    ) {
        let sent = &d.toks[si];
        feats.clear();
        // The order of the tests is part of the result: the generator is
        // drawn from only when the others pass.
        let dropped = mode == Mode::Stage1
            && self.word_drop > 0.0
            && (d.gold[si][i] != 0 || !self.drop_entities)
            && ((self.rng.next() >> 11) as f64) / ((1u64 << 53) as f64) < self.word_drop;
        if dropped {
            let id = identity_keys(sent, i);
            feats.extend(cached.iter().filter(|k| !id.contains(k)));
            let n = feats.len();
            nx::dynamic_features(sent, i, prev1, prev2, feats);
            feats.remove(n + 2); // previous decision with the word
        } else {
            feats.extend_from_slice(cached);
            nx::dynamic_features(sent, i, prev1, prev2, feats);
        }
        if let Some(counts) = &self.counts {
            let mut k = cached.len().min(feats.len());
            while k < feats.len() {
                if counts.get(&feats[k]).copied().unwrap_or(0) < self.min_count {
                    feats.swap_remove(k);
                } else {
                    k += 1;
                }
            }
        }
    }
}

/// The class with the highest score (the lowest on ties).
fn argmax(acc: &[f32; NCLASS]) -> u8 {
    let mut pred = 0u8;
    for c in 1..NCLASS {
        if acc[c] > acc[pred as usize] {
            pred = c as u8;
        }
    }
    pred
}

/// Updates `p` for a token of `d` with features `feats`, scores `acc`,
/// gold class `gold` and prediction `pred`; returns whether `pred` is wrong.
fn learn(
    p: &mut Perceptron,
    d: &Doc,
    feats: &[u32],
    acc: &[f32; NCLASS],
    gold: u8,
    pred: u8,
) -> bool {
    let pa = f32::from_bits(PA.load(std::sync::atomic::Ordering::Relaxed));
    if pa > 0.0 {
        // Passive-aggressive (PA-I): push the gold class a margin of 1
        // above the best other class.
        let mut rival = if gold == 0 { 1 } else { 0 };
        for c in 0..NCLASS {
            if c != gold as usize && acc[c] > acc[rival] {
                rival = c;
            }
        }
        let loss = 1.0 - (acc[gold as usize] - acc[rival]);
        if loss > 0.0 && !masked(d, gold, rival as u8) {
            let step = (loss / (2.0 * feats.len() as f32)).min(pa) * d.weight;
            p.update(feats, gold, rival as u8, step);
        }
        pred != gold
    } else if pred != gold && !masked(d, gold, pred) {
        p.update(feats, gold, pred, d.weight);
        true
    } else {
        false
    }
}

/// One pass over the training documents in `order`, tagging greedily with
/// the model's own decisions as history; returns the tokens tagged wrong
/// and all tokens.
fn epoch_pass(
    p: &mut Perceptron,
    (train, order, cache): (&[&Doc], &[usize], &StaticCache),
    (mode, alpha): (Mode, f32),
    reg: &mut Regularise,
) -> (usize, usize) {
    let (mut errors, mut total) = (0usize, 0usize);
    let mut feats = Vec::with_capacity(128);
    for &di in order {
        let d = train[di];
        for (si, sent_cache) in cache[di].iter().enumerate() {
            let (mut prev1, mut prev2) = (0u8, 0u8);
            for (i, cached) in sent_cache.iter().enumerate() {
                reg.features(mode, (d, si, i), cached, (prev1, prev2), &mut feats);
                let mut acc = [0f32; NCLASS];
                if mode == Mode::Stage2Residual {
                    for (a, b) in acc.iter_mut().zip(&d.base[si][i]) {
                        *a = alpha * b;
                    }
                }
                for &f in &feats {
                    p.add(f, &mut acc);
                }
                let pred = argmax(&acc);
                p.c += 1.0;
                errors += learn(p, d, &feats, &acc, d.gold[si][i], pred) as usize;
                total += 1;
                prev2 = prev1;
                prev1 = pred;
            }
        }
    }
    (errors, total)
}

/// Trains one stage; returns the averaged weights of the best epoch on `dev`
/// (or of the last epoch when `dev` is empty) and that epoch's number.
fn train_stage(
    train: &[&Doc],
    dev: &[&Doc],
    epochs: usize,
    (mode, alpha): (Mode, f32),
    (seed, shuffle): (u64, u64),
    label: &str,
) -> (Averaged, usize) {
    let mut cache = static_cache(train, mode);
    let min_count = MIN_COUNT.get().copied().unwrap_or(1);
    let counts = (min_count > 1).then(|| drop_rare_features(train, &mut cache, min_count));
    let mut reg = Regularise {
        word_drop: f32::from_bits(WORD_DROP.load(std::sync::atomic::Ordering::Relaxed)) as f64,
        drop_entities: DROP_ENTITIES.load(std::sync::atomic::Ordering::Relaxed),
        rng: Rng(seed ^ 0xD809_D809),
        counts,
        min_count,
    };
    let mut p = Perceptron::default();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(seed ^ shuffle.wrapping_mul(0x9E37_79B9));
    let mut best: Option<(f64, Averaged, usize)> = None;
    for epoch in 1..=epochs {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        let (errors, total) = epoch_pass(&mut p, (train, &order, &cache), (mode, alpha), &mut reg);
        let avg = p.averaged();
        let error = errors as f64 / total as f64;
        if dev.is_empty() {
            let secs = t0.elapsed().as_secs_f64();
            eprintln!("{label} epoch {epoch}: train error {error:.4} ({secs:.1}s)");
            best = Some((0.0, avg, epoch));
            continue;
        }
        let f1 = evaluate(&avg, dev, mode, alpha).f1();
        println!(
            "{label} epoch {epoch}: train error {error:.4}, dev F1 {f1:.4}, {} features ({:.1}s)",
            avg.w.len(),
            t0.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, avg, epoch));
        }
    }
    let (_, avg, epoch) = best.expect("at least one epoch");
    (avg, epoch)
}

/// `--seeds N`: each stage is trained with N shuffling orders (`--seed`,
/// `--seed` + 1, ...) and their averaged weights are averaged again, so the
/// model does not depend on the luck of one order (1, the default, trains one).
static SEEDS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();

/// Trains one stage with each of the `--seeds` shuffling orders and returns
/// the mean of their weights (a feature missing from one order counts as 0
/// there) and the mean of their kept epochs, rounded.
fn train_stage_seeds(
    train: &[&Doc],
    dev: &[&Doc],
    epochs: usize,
    (mode, alpha): (Mode, f32),
    seed: u64,
    label: &str,
) -> (Averaged, usize) {
    let first = SHUFFLE.load(std::sync::atomic::Ordering::Relaxed);
    let n = SEEDS.get().copied().unwrap_or(1).max(1);
    if n == 1 {
        return train_stage(train, dev, epochs, (mode, alpha), (seed, first), label);
    }
    let mut sum = Averaged {
        index: IdMap::default(),
        w: Vec::new(),
    };
    let mut epoch_sum = 0;
    for k in 0..n {
        let label = format!("{label} (order {})", first + k);
        let (m, epoch) = train_stage(train, dev, epochs, (mode, alpha), (seed, first + k), &label);
        epoch_sum += epoch;
        for (&key, &i) in &m.index {
            let next = sum.w.len() as u32;
            let j = *sum.index.entry(key).or_insert(next) as usize;
            if j == sum.w.len() {
                sum.w.push([0.0; NCLASS]);
            }
            for (a, b) in sum.w[j].iter_mut().zip(&m.w[i as usize]) {
                *a += b;
            }
        }
    }
    for row in &mut sum.w {
        row.iter_mut().for_each(|a| *a /= n as f32);
    }
    if !dev.is_empty() {
        let f1 = evaluate(&sum, dev, mode, alpha).f1();
        println!(
            "{label}, mean of {n} orders: dev F1 {f1:.4}, {} features",
            sum.w.len()
        );
    }
    let epochs_kept = (epoch_sum as f64 / n as f64).round() as usize;
    (sum, epochs_kept)
}

/// Quantises to linear int8, scaled so that only the top fraction `sat` of
/// |w| saturate; values that round under `min_q` are dropped, and so are rows
/// left all zero.
fn quantise(avg: &Averaged, min_q: i32, sat: f64, mode: Mode, alpha: f32) -> nx::StageOut {
    let mut mags: Vec<f32> = avg
        .w
        .iter()
        .flatten()
        .map(|w| w.abs())
        .filter(|&w| w > 0.0)
        .collect();
    mags.sort_by(f32::total_cmp);
    let scale = mags
        .get(
            mags.len()
                .saturating_sub(1 + (mags.len() as f64 * sat) as usize),
        )
        .copied()
        .unwrap_or(1.0)
        / 127.0;
    let mut rows: Vec<(u32, [i8; NCLASS])> = avg
        .index
        .iter()
        .filter_map(|(&k, &i)| {
            let row: [i8; NCLASS] = std::array::from_fn(|c| {
                let q = nx::quantise_weight(avg.w[i as usize][c], scale);
                if (q as i32).abs() < min_q {
                    0
                } else {
                    q
                }
            });
            row.iter().any(|&q| q != 0).then_some((k, row))
        })
        .collect();
    rows.sort_unstable_by_key(|r| r.0);
    nx::StageOut {
        mode,
        alpha,
        scale,
        rows,
    }
}

/// The command line (see the comment at the top of this file).
struct Config {
    train_path: String,
    dev_path: String,
    lex_path: String,
    out_path: String,
    epochs: usize,
    epochs2: Option<usize>,
    folds: usize,
    stages: usize,
    final_model: bool,
    min_qs: Vec<i32>,
    sats: Vec<f64>,
    stage2: Mode,
    alphas: Vec<f32>,
    /// More training files (`--extra FILE[:misc-partial][:w=W]`), with
    /// whether each annotates only part of MISC and the weight of its updates.
    extras: Vec<Extra>,
    /// `--swap NAMES[:P]`: the names to swap into copies of the training
    /// documents, and the chance that a name is swapped.
    swap: Option<(String, f64)>,
}

/// One `--extra FILE[:misc-partial][:w=W]` training file.
struct Extra {
    path: String,
    misc_partial: bool,
    weight: f32,
}

impl Extra {
    fn parse(v: &str) -> Extra {
        let mut e = Extra {
            path: v.to_string(),
            misc_partial: false,
            weight: 1.0,
        };
        loop {
            if let Some(path) = e.path.strip_suffix(":misc-partial") {
                e.misc_partial = true;
                e.path = path.to_string();
            } else if let Some((path, w)) = e.path.rsplit_once(":w=") {
                e.weight = w.parse().expect("--extra FILE:w=W");
                e.path = path.to_string();
            } else {
                return e;
            }
        }
    }
}

/// A list of values: "3" or "2,3,4".
fn list<T: std::str::FromStr>(v: &str, what: &str) -> Vec<T> {
    v.split(',')
        .map(|x| x.parse().unwrap_or_else(|_| panic!("{what}")))
        .collect()
}

impl Config {
    fn parse() -> Config {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut c = Config {
            train_path: format!("{root}/../shared/data/conll2003/train.txt"),
            dev_path: format!("{root}/../shared/data/conll2003/dev.txt"),
            lex_path: format!("{root}/data/ner/lexicons.bin"),
            out_path: format!("{root}/data/ner/weights.bin"),
            epochs: 12,
            epochs2: None,
            folds: 5,
            stages: 2,
            final_model: false,
            min_qs: vec![3],
            sats: vec![0.0],
            stage2: Mode::Stage2Residual,
            alphas: vec![0.6],
            extras: Vec::new(),
            swap: None,
        };
        let mut args = std::env::args().skip(1);
        while let Some(a) = args.next() {
            let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
            match a.as_str() {
                "--train" => c.train_path = val(),
                "--dev" => c.dev_path = val(),
                "--swap" => {
                    let v = val();
                    c.swap = Some(match v.rsplit_once(':') {
                        Some((path, p)) => (path.to_string(), p.parse().expect("--swap NAMES[:P]")),
                        None => (v, 0.5),
                    });
                }
                "--swap-changed-only" => {
                    SWAP_CHANGED_ONLY.store(true, std::sync::atomic::Ordering::Relaxed)
                }
                "--min-count" => {
                    let n: u32 = val().parse().expect("--min-count N");
                    MIN_COUNT.set(n).expect("--min-count once");
                }
                "--extra" => c.extras.push(Extra::parse(&val())),
                "--lexicons" => c.lex_path = val(),
                "--out" => c.out_path = val(),
                "--epochs" => c.epochs = val().parse().expect("--epochs N"),
                "--epochs2" => c.epochs2 = Some(val().parse().expect("--epochs2 N")),
                "--final" => c.final_model = true,
                "--seed" => {
                    let n: u64 = val().parse().expect("--seed N");
                    SHUFFLE.store(n, std::sync::atomic::Ordering::Relaxed);
                }
                "--seeds" => {
                    let n: u64 = val().parse().expect("--seeds N");
                    SEEDS.set(n).expect("--seeds once");
                }
                "--folds" => c.folds = val().parse().expect("--folds K"),
                "--stages" => c.stages = val().parse().expect("--stages 1|2"),
                "--min-q" => c.min_qs = list(&val(), "--min-q N[,N...]"),
                "--sat" => c.sats = list(&val(), "--sat FRACTION[,FRACTION...]"),
                "--alpha" => c.alphas = list(&val(), "--alpha A[,A...]"),
                "--stage2" => {
                    c.stage2 = match val().as_str() {
                        "full" => Mode::Stage2Full,
                        "residual" => Mode::Stage2Residual,
                        v => panic!("--stage2 full|residual, not {v}"),
                    }
                }
                "--pa" => {
                    let v: f32 = val().parse().expect("--pa C");
                    PA.store(v.to_bits(), std::sync::atomic::Ordering::Relaxed);
                }
                "--word-drop-entities" => {
                    DROP_ENTITIES.store(true, std::sync::atomic::Ordering::Relaxed)
                }
                "--word-drop" => {
                    let p: f32 = val().parse().expect("--word-drop P");
                    WORD_DROP.store(p.to_bits(), std::sync::atomic::Ordering::Relaxed);
                }
                _ => panic!("unknown argument {a}; see the comment at the top of src/bin/train.rs"),
            }
        }
        c
    }
}

/// A trained stage with its feature mode and residual weight.
type Trained = (Averaged, Mode, f32);

/// Stage 2's training input: each training document's stage-1 evidence
/// comes from a stage-1 model trained on the other folds (jackknifing), so
/// stage 2 learns from evidence as noisy as it will see; dev gets the
/// full stage 1's.
fn add_stage1_evidence(
    train: &mut [Doc],
    dev: &mut [Doc],
    s1: &Averaged,
    folds: usize,
    epochs: usize,
) {
    for k in 0..folds {
        let rest: Vec<&Doc> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, d)| d)
            .collect();
        let seed = 0x5EED_0100 + k as u64;
        let (m, _) = train_stage_seeds(
            &rest,
            &[],
            epochs,
            (Mode::Stage1, 0.0),
            seed,
            &format!("fold {k}"),
        );
        for (_, d) in train.iter_mut().enumerate().filter(|(i, _)| i % folds == k) {
            let (classes, statics) = nx::run_stage(&m, &d.toks, Mode::Stage1, None);
            nx::add_document_evidence(&mut d.toks, &classes);
            d.base = statics;
        }
    }
    for d in dev.iter_mut() {
        let (classes, statics) = nx::run_stage(s1, &d.toks, Mode::Stage1, None);
        nx::add_document_evidence(&mut d.toks, &classes);
        d.base = statics;
    }
}

/// Trains stage 2 for each candidate alpha and keeps the best on dev.
fn train_stage2(c: &Config, train: &[Doc], dev: &[Doc]) -> Trained {
    let tr: Vec<&Doc> = train.iter().collect();
    let dv: Vec<&Doc> = dev.iter().collect();
    let candidates: Vec<f32> = if c.stage2 == Mode::Stage2Residual {
        c.alphas.clone()
    } else {
        vec![0.0]
    };
    let epochs2 = c.epochs2.unwrap_or(c.epochs);
    let mut best: Option<(f64, Averaged, f32)> = None;
    for alpha in candidates {
        let label = format!("stage2 alpha {alpha}");
        let (s2, _) = train_stage_seeds(&tr, &dv, epochs2, (c.stage2, alpha), 0x5EED_0002, &label);
        let f1 = evaluate(&s2, &dv, c.stage2, alpha).f1();
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, s2, alpha));
        }
    }
    let (_, s2, alpha) = best.expect("at least one alpha");
    (s2, c.stage2, alpha)
}

/// Quantises the stages at each candidate saturation and floor; returns the
/// weights file that scores best on dev, with its saturation and scores.
fn quantise_best(c: &Config, models: &[Trained], lex_bytes: &[u8]) -> (f64, Vec<u8>, Counts) {
    let mut best: Option<(f64, f64, Vec<u8>, Counts)> = None;
    for (&sat, &min_q) in c
        .sats
        .iter()
        .flat_map(|s| c.min_qs.iter().map(move |m| (s, m)))
    {
        let q: Vec<_> = models
            .iter()
            .map(|(m, mode, alpha)| quantise(m, min_q, sat, *mode, *alpha))
            .collect();
        let bytes = nx::write_weights(&q);
        let counts = score(lex_bytes, &bytes, &c.dev_path);
        println!(
            "saturating {sat}, min |q| {min_q}: {} bytes, {} rows, dev F1 {:.4}",
            bytes.len(),
            q.iter().map(|s| s.rows.len()).sum::<usize>(),
            counts.f1()
        );
        if best.as_ref().is_none_or(|b| counts.f1() > b.0) {
            best = Some((counts.f1(), sat, bytes, counts));
        }
    }
    let (_, sat, bytes, counts) = best.expect("at least one --sat value");
    (sat, bytes, counts)
}

fn main() {
    let c = Config::parse();
    let t0 = Instant::now();
    let lex_bytes = std::fs::read(&c.lex_path).expect("lexicons.bin");
    let lex = Lexicon::from_bytes(&lex_bytes).expect("valid lexicons");
    let mut train = load(&c.train_path, &lex, false);
    if let Some((names, p)) = &c.swap {
        let names = swap::Names::read(names);
        train.extend(load_swapped(&c.train_path, &lex, &names, *p));
        if c.final_model {
            train.extend(load_swapped(&c.dev_path, &lex, &names, *p));
        }
    }
    for e in &c.extras {
        train.extend(
            load(&e.path, &lex, e.misc_partial)
                .into_iter()
                .map(|mut d| {
                    d.weight = e.weight;
                    d
                }),
        );
    }
    let mut dev = load(&c.dev_path, &lex, false);
    if c.final_model {
        // Train on train + dev with the epoch counts given (chosen on dev
        // beforehand); nothing is selected on dev any more.
        train.append(&mut dev);
        println!("final model: training on train + dev, fixed epochs, no selection on dev");
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "loaded {} train / {} dev documents in {secs:.1}s",
        train.len(),
        dev.len()
    );
    let tr: Vec<&Doc> = train.iter().collect();
    let dv: Vec<&Doc> = dev.iter().collect();
    let (s1, best_epoch) = train_stage_seeds(
        &tr,
        &dv,
        c.epochs,
        (Mode::Stage1, 0.0),
        0x5EED_0001,
        "stage1",
    );
    let mut models: Vec<Trained> = vec![(s1, Mode::Stage1, 0.0)];
    if c.stages == 2 {
        add_stage1_evidence(&mut train, &mut dev, &models[0].0, c.folds, best_epoch);
        models.push(train_stage2(&c, &train, &dev));
    }
    let (sat, bytes, counts) = quantise_best(&c, &models, &lex_bytes);
    if c.final_model {
        println!("(dev was part of the training data: the dev figures below are not held out)");
    }
    let out = &c.out_path;
    std::fs::write(out, &bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
    println!("wrote {out}: {} bytes (saturating {sat})", bytes.len());
    println!("dev, written model:\n{}", counts.report());
    println!("total {:.1}s", t0.elapsed().as_secs_f64());
}

/// Scores weights on a CoNLL file through the same code path as the library.
fn score(lex_bytes: &[u8], bytes: &[u8], dev_path: &str) -> Counts {
    let tagger = nx::Tagger::from_bytes(lex_bytes, bytes).expect("round trip");
    let f = std::fs::File::open(dev_path).unwrap();
    let mut counts = Counts::default();
    for d in Documents::new(BufReader::new(f)) {
        let d = d.unwrap();
        let words: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let pred = newslens::ner::tag_with(&tagger, &words);
        for (s, p) in d.sentences.iter().zip(&pred) {
            let g: Vec<Tag> = s
                .gold
                .iter()
                .map(|g| Tag::parse(g).unwrap_or(Tag::O))
                .collect();
            counts.add_sentence(&g, p);
        }
    }
    counts
}
