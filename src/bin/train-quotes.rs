//! Trains the attribution tagger and the learned steps after it, and writes
//! `data/quotes/weights.bin` (the tagger) and `data/quotes/ranker.bin` (the
//! speaker ranker and the quote filter).
//!
//! cargo run --release --features train --bin train-quotes -- \
//!     [--train FILE] [--dev FILE] [--epochs N] [--bits B] [--folds K]
//!     [--ranker-epochs N] [--ranker-bits B] [--out FILE] [--ranker-out FILE]
//!     [--fold-cache DIR] [--tagger FILE] [--keep-epochs N] [--keep-bits B]
//!     [--keep-offsets A,B,..] [--keep-label content|attribution]
//!
//! Bare file names are looked up in `../shared/data/quotes/polnear/`
//! (defaults: `train.jsonl`, `dev.jsonl`; primary records only).
//!
//! 1. The tagger: an averaged perceptron over the features of
//!    `newslens::quotes::tagger`, greedy decoding with the model's own
//!    previous decisions as history; the epoch with the best content F1 +
//!    attribution F1 on dev (full pipeline, rules only after the tagger) is kept.
//! 2. Out-of-fold predictions: train is cut into K folds; a tagger trained
//!    on the other folds (as in 1) runs the pipeline on each fold, so the
//!    ranker learns from the tagger's mistakes on articles it has not seen.
//! 3. The speaker ranker: an averaged perceptron over each quote's speaker
//!    candidates (a candidate is right when it overlaps the gold source; "no
//!    speaker" when the gold has none), trained on the out-of-fold quotes
//!    matched to a gold attribution; the epoch with the best attribution F1
//!    on dev (with the tagger of 1) is kept.
//! 4. The quote filter: a logistic regression over each out-of-fold quote
//!    (after the ranker), labelled by whether its content matches a gold
//!    attribution; the epoch and offset with the best content F1 +
//!    attribution F1 on dev are kept.
//!
//! With `--tagger FILE` step 1 is skipped: the steps are trained after the
//! tagger in FILE (the shipped `data/quotes/weights.bin`, say), and only
//! the ranker's file is written.
//!
//! Single-threaded and deterministic (fixed shuffling seed, sorted output).

use newslens::internals::quotes::eval::{match_contents, speaker_right, Gold, Record, Score};
use newslens::internals::quotes::linear::{self, Trainer};
use newslens::internals::quotes::tagger::{self, Model, Scorer, NCLASS};
use newslens::internals::quotes::{self, Collected, Paragraph, Steps, With};
use newslens::internals::{prepare, Prepared};
use std::io::BufRead;
use std::time::Instant;

/// The command line.
struct Config {
    train: String,
    dev: String,
    epochs: usize,
    bits: u32,
    folds: usize,
    ranker_epochs: usize,
    ranker_bits: u32,
    out: String,
    ranker_out: String,
    /// A folder where the fold taggers are kept between runs (none: not kept).
    fold_cache: String,
    /// A tagger to train the steps after, instead of training one (none: train one).
    tagger: String,
    keep_epochs: usize,
    keep_bits: u32,
    /// The filter's offsets tried on dev.
    keep_offsets: Vec<f32>,
    /// Whether the filter learns to keep quotes with the right speaker
    /// (else quotes whose content matches).
    keep_attribution: bool,
}

impl Config {
    fn parse() -> Config {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut c = Config {
            train: "train.jsonl".into(),
            dev: "dev.jsonl".into(),
            epochs: 10,
            bits: 16,
            folds: 5,
            ranker_epochs: 10,
            ranker_bits: 14,
            out: format!("{root}/data/quotes/weights.bin"),
            ranker_out: format!("{root}/data/quotes/ranker.bin"),
            fold_cache: String::new(),
            tagger: String::new(),
            keep_epochs: 5,
            keep_bits: 14,
            keep_offsets: vec![-1.0, -0.5, 0.0, 0.5, 1.0],
            keep_attribution: false,
        };
        let mut args = std::env::args().skip(1);
        while let Some(a) = args.next() {
            let v = args.next().unwrap_or_default();
            let num = |v: &str| v.parse::<usize>().expect("a number");
            match a.as_str() {
                "--train" => c.train = v,
                "--dev" => c.dev = v,
                "--epochs" => c.epochs = num(&v),
                "--bits" => c.bits = num(&v) as u32,
                "--folds" => c.folds = num(&v),
                "--ranker-epochs" => c.ranker_epochs = num(&v),
                "--ranker-bits" => c.ranker_bits = num(&v) as u32,
                "--out" => c.out = v,
                "--ranker-out" => c.ranker_out = v,
                "--fold-cache" => c.fold_cache = v,
                "--tagger" => c.tagger = v,
                "--keep-epochs" => c.keep_epochs = num(&v),
                "--keep-bits" => c.keep_bits = num(&v) as u32,
                "--keep-offsets" => {
                    c.keep_offsets = v.split(',').map(|x| x.parse().expect("a number")).collect()
                }
                "--keep-label" => c.keep_attribution = v == "attribution",
                _ => panic!("unknown option {a}"),
            }
        }
        c
    }
}

fn locate(p: &str) -> String {
    if std::path::Path::new(p).exists() {
        p.to_string()
    } else {
        format!(
            "{}/../shared/data/quotes/polnear/{p}",
            env!("CARGO_MANIFEST_DIR")
        )
    }
}

fn load(path: &str) -> Vec<Record> {
    let path = locate(path);
    let f = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::io::BufReader::new(f)
        .lines()
        .map(|l| l.expect("readable"))
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Record>(&l).expect("PolNeAR record"))
        .filter(|r| r.primary)
        .collect()
}

/// One article ready for training and scoring: the stages before quotes,
/// the tagger's paragraphs with their gold classes, the gold attributions.
struct Article<'r> {
    prep: Prepared<'r>,
    paras: Vec<Paragraph>,
    classes: Vec<Vec<u8>>,
    gold: Vec<Gold>,
}

impl<'r> Article<'r> {
    fn of(r: &'r Record) -> Article<'r> {
        let prep = prepare(&r.text);
        let (paras, _) = quotes::paragraphs(&prep.doc, &prep.layout, &prep.mentions);
        let gold = r.gold();
        let classes = gold_classes(&gold, &prep.doc.tokens, &paras);
        Article {
            prep,
            paras,
            classes,
            gold,
        }
    }

    /// The article's quotes with the given models.
    fn quotes<S: tagger::Weights>(&self, with: With<S>) -> Vec<newslens::Quote> {
        let p = &self.prep;
        quotes::find_with(with, &p.doc, &p.layout, &p.mentions, &p.entities)
    }
}

/// Gold classes for the tokens of each paragraph.
fn gold_classes(
    gold: &[Gold],
    toks: &[newslens::internals::tokens::Token],
    paras: &[Paragraph],
) -> Vec<Vec<u8>> {
    let n = toks.len();
    let mut cls = vec![tagger::O; n];
    let mut mark = |frags: &[(usize, usize)], b: u8, i: u8| {
        for &(s, e) in frags {
            let a = toks.partition_point(|t| t.start < s);
            let z = toks.partition_point(|t| t.start < e);
            for (k, c) in cls.iter_mut().enumerate().take(z).skip(a) {
                *c = if k == a { b } else { i };
            }
        }
    };
    for g in gold {
        mark(&g.content, tagger::B_CON, tagger::I_CON);
    }
    for g in gold {
        mark(&g.cue, tagger::B_CUE, tagger::I_CUE);
        mark(&g.source, tagger::B_SRC, tagger::I_SRC);
    }
    paras
        .iter()
        .map(|p| {
            let mut c = cls[p.tokens.clone()].to_vec();
            // A paragraph starting inside a span starts it afresh.
            if let Some(f) = c.first_mut() {
                *f = match *f {
                    tagger::I_CON => tagger::B_CON,
                    tagger::I_CUE => tagger::B_CUE,
                    tagger::I_SRC => tagger::B_SRC,
                    x => x,
                };
            }
            c
        })
        .collect()
}

/// Perceptron with lazy averaging (avg = w - u / c) over the hashed table.
struct Perceptron {
    mask: usize,
    w: Vec<[f32; NCLASS]>,
    u: Vec<[f64; NCLASS]>,
    c: f64,
}

impl Perceptron {
    fn new(bits: u32) -> Perceptron {
        Perceptron {
            mask: (1 << bits) - 1,
            w: vec![[0.0; NCLASS]; 1 << bits],
            u: vec![[0.0; NCLASS]; 1 << bits],
            c: 0.0,
        }
    }
    fn update(&mut self, feats: &[u32], gold: u8, pred: u8) {
        for &k in feats {
            let i = tagger::row_of(k, self.mask);
            self.w[i][gold as usize] += 1.0;
            self.u[i][gold as usize] += self.c;
            self.w[i][pred as usize] -= 1.0;
            self.u[i][pred as usize] -= self.c;
        }
    }
    fn averaged(&self) -> Vec<[f32; NCLASS]> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| {
                let mut r = [0f32; NCLASS];
                for c in 0..NCLASS {
                    r[c] = (w[c] as f64 - u[c] / self.c.max(1.0)) as f32;
                }
                r
            })
            .collect()
    }

    /// One pass over the paragraphs of `arts` in `order`; returns the
    /// share of tokens tagged right.
    fn epoch(&mut self, arts: &[&Article], order: &[usize]) -> f64 {
        let (mut right, mut total) = (0usize, 0usize);
        let mut feats = Vec::new();
        for &d in order {
            for (para, g) in arts[d].paras.iter().zip(&arts[d].classes) {
                let (mut p1, mut p2) = (tagger::O, tagger::O);
                for (i, &gc) in g.iter().enumerate() {
                    feats.clear();
                    tagger::static_features(&para.seq, i, &mut feats);
                    tagger::dynamic_features(&para.seq, i, p1, p2, &mut feats);
                    let mut acc = [0f32; NCLASS];
                    self.add_all(&feats, &mut acc);
                    let pred = tagger::best(&acc, p1);
                    // After a wrong history, a continuation is learnt as a start.
                    let gi = if tagger::allowed(p1, gc) { gc } else { gc - 1 };
                    self.c += 1.0;
                    if pred != gi {
                        self.update(&feats, gi, pred);
                    } else {
                        right += 1;
                    }
                    total += 1;
                    p2 = p1;
                    p1 = pred;
                }
            }
        }
        right as f64 / total.max(1) as f64
    }
}

impl Scorer<NCLASS> for Perceptron {
    fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
        let r = &self.w[tagger::row_of(key, self.mask)];
        for c in 0..NCLASS {
            acc[c] += r[c];
        }
    }
}

/// The trainer's weights score the dynamic features by their keys, as they learn them.
impl tagger::Weights for Perceptron {}

/// A deterministic shuffle (xorshift), the same on every run.
struct Shuffle(u64);

impl Shuffle {
    fn new() -> Shuffle {
        Shuffle(0x2545_F491_4F6C_DD1D)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            v.swap(i, (self.0 % (i as u64 + 1)) as usize);
        }
    }
}

/// Scores the pipeline on `dev` with the given tagger and steps.
fn score<S: tagger::Weights>(scorer: &S, steps: &Steps, dev: &[Article]) -> Score {
    let mut score = Score::default();
    for a in dev {
        let with = With {
            scorer,
            steps,
            collect: None,
        };
        score.add(&a.quotes(with), &a.gold);
    }
    score
}

/// Trains a tagger on `arts`; keeps the epoch with the best content F1 +
/// attribution F1 on `dev` (rules only after the tagger). Returns its bytes.
fn train_tagger(arts: &[&Article], dev: &[Article], cfg: &Config, name: &str) -> Vec<u8> {
    let t0 = Instant::now();
    let mut order: Vec<usize> = (0..arts.len()).collect();
    let mut shuffle = Shuffle::new();
    let mut p = Perceptron::new(cfg.bits);
    let mut best: Option<(f64, usize, Vec<u8>)> = None;
    let rules = Steps::default();
    for epoch in 1..=cfg.epochs {
        shuffle.shuffle(&mut order);
        let acc = p.epoch(arts, &order);
        let bytes = Model::to_bytes(&p.averaged(), cfg.bits);
        let s = score(&Model::from_bytes(&bytes).expect("round trip"), &rules, dev);
        let ((_, _, cf), (_, _, af)) = (s.content(), s.attribution());
        eprintln!(
            "{name} epoch {epoch}: train token acc {acc:.4}; dev content F1 {cf:.3} attribution F1 {af:.3} quote speaker {:.3} ({:.0}s)",
            s.quote_speaker(),
            t0.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|b| af + cf > b.0) {
            best = Some((af + cf, epoch, bytes));
        }
    }
    let (_, epoch, bytes) = best.expect("at least one epoch");
    eprintln!("{name}: kept epoch {epoch}");
    bytes
}

/// A quote's speaker options with which of them are right.
struct Labelled {
    features: Vec<Vec<u32>>,
    right: Vec<bool>,
}

/// A quote's filter features, and whether it should stay: its content
/// matches a gold attribution (and, for the attribution label, its
/// speaker is right too).
struct Kept {
    features: Vec<u32>,
    content: bool,
    attribution: bool,
}

/// Labels what the ranker read on one article against its gold: a quote
/// whose content matches a gold attribution becomes an example when one of
/// its options is right.
fn label_speakers(c: &Collected, gold: &[Gold], out: &mut Vec<Labelled>) {
    let spans: Vec<(usize, usize)> = c.speakers.iter().map(|e| e.content).collect();
    for (ei, gi) in match_contents(&spans, gold) {
        let e = &c.speakers[ei];
        let g = &gold[gi];
        let mut right: Vec<bool> = e
            .candidates
            .iter()
            .map(|&s| speaker_right(Some(s), g))
            .collect();
        right.push(speaker_right(None, g));
        if right.iter().any(|&r| r) {
            out.push(Labelled {
                features: e.features.clone(),
                right,
            });
        }
    }
}

/// Labels what the filter read on one article against its gold.
fn label_keep(c: &Collected, gold: &[Gold], out: &mut Vec<Kept>) {
    let spans: Vec<(usize, usize)> = c.keep.iter().map(|e| e.content).collect();
    let mut matched = vec![None; spans.len()];
    for (ei, gi) in match_contents(&spans, gold) {
        matched[ei] = Some(gi);
    }
    for (e, m) in c.keep.iter().zip(matched) {
        out.push(Kept {
            features: e.features.clone(),
            content: m.is_some(),
            attribution: m.is_some_and(|gi| speaker_right(e.speaker, &gold[gi])),
        });
    }
}

/// A tagger for each fold of `arts`, trained on the other folds (kept in
/// `cfg.fold_cache` when it is set).
fn fold_taggers(arts: &[Article], dev: &[Article], cfg: &Config) -> Vec<Vec<u8>> {
    (0..cfg.folds)
        .map(|fold| {
            let cached = format!("{}/fold-{fold}-of-{}.bin", cfg.fold_cache, cfg.folds);
            if !cfg.fold_cache.is_empty() {
                if let Ok(b) = std::fs::read(&cached) {
                    return b;
                }
            }
            let rest: Vec<&Article> = (0..arts.len())
                .filter(|i| i % cfg.folds != fold)
                .map(|i| &arts[i])
                .collect();
            let b = train_tagger(&rest, dev, cfg, &format!("fold {fold}"));
            if !cfg.fold_cache.is_empty() {
                std::fs::write(&cached, &b).unwrap_or_else(|e| panic!("{cached}: {e}"));
            }
            b
        })
        .collect()
}

/// What the learned steps read on each article of `arts`, with each article
/// tagged by the tagger of its fold (one that did not see it) and `steps`
/// after it; the collected examples of each article with its gold.
fn out_of_fold<'a>(
    arts: &'a [Article],
    folds: &[Vec<u8>],
    steps: &Steps,
) -> Vec<(Collected, &'a [Gold])> {
    let mut out = Vec::new();
    for (fold, bytes) in folds.iter().enumerate() {
        let model = Model::from_bytes(bytes).expect("round trip");
        for a in arts.iter().skip(fold).step_by(folds.len()) {
            let mut c = Collected::default();
            let with = With {
                scorer: &model,
                steps,
                collect: Some(&mut c),
            };
            a.quotes(with);
            out.push((c, &a.gold[..]));
        }
    }
    out
}

/// Trains the speaker ranker on `examples`; keeps the epoch with the best
/// attribution F1 on `dev` with the tagger `model`. Returns its weights.
fn train_ranker(examples: &[Labelled], model: &Model, dev: &[Article], cfg: &Config) -> Vec<f32> {
    let mut t = Trainer::new(cfg.ranker_bits);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut shuffle = Shuffle::new();
    let mut best: Option<(f64, usize, Vec<f32>)> = None;
    for epoch in 1..=cfg.ranker_epochs {
        shuffle.shuffle(&mut order);
        let mut wrong = 0;
        for &i in &order {
            let e = &examples[i];
            let scores: Vec<f32> = e.features.iter().map(|f| t.score(f)).collect();
            let argmax = |ok: &dyn Fn(usize) -> bool| {
                (0..scores.len())
                    .filter(|&j| ok(j))
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
            };
            let pred = argmax(&|_| true).expect("an option");
            if !e.right[pred] {
                let gold = argmax(&|j| e.right[j]).expect("a right option");
                t.update(&e.features[gold], 1.0);
                t.update(&e.features[pred], -1.0);
                wrong += 1;
            }
            t.tick();
        }
        let w = t.averaged();
        let bytes = linear::write(&[(&w, 0.0)]);
        let steps = Steps::from_bytes(&bytes).expect("round trip");
        let s = score(model, &steps, dev);
        let (_, _, af) = s.attribution();
        eprintln!(
            "ranker epoch {epoch}: {wrong} of {} wrong; dev attribution F1 {af:.3} quote speaker {:.3}",
            examples.len(),
            s.quote_speaker()
        );
        if best.as_ref().is_none_or(|b| af > b.0) {
            best = Some((af, epoch, w));
        }
    }
    let (_, epoch, w) = best.expect("at least one epoch");
    eprintln!("ranker: kept epoch {epoch}");
    w
}

/// Trains the quote filter on `examples` (logistic regression, averaged
/// SGD); keeps the epoch and offset with the best content F1 + attribution
/// F1 on `dev` (with the tagger `model` and the ranker `ranker`). Returns the
/// weights and the offset.
fn train_keep(
    examples: &[Kept],
    ranker: &[f32],
    model: &Model,
    dev: &[Article],
    cfg: &Config,
) -> (Vec<f32>, f32) {
    let mut t = Trainer::new(cfg.keep_bits);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut shuffle = Shuffle::new();
    let mut best: Option<(f64, usize, Vec<f32>, f32)> = None;
    let positive = |e: &Kept| {
        if cfg.keep_attribution {
            e.attribution
        } else {
            e.content
        }
    };
    for epoch in 1..=cfg.keep_epochs {
        shuffle.shuffle(&mut order);
        let rate = 0.2 / (1.0 + epoch as f32);
        for &i in &order {
            let e = &examples[i];
            let p = 1.0 / (1.0 + (-t.score(&e.features)).exp());
            let y = positive(e) as u8 as f32;
            t.update(&e.features, rate * (y - p));
            t.tick();
        }
        let w = t.averaged();
        for &offset in &cfg.keep_offsets {
            let bytes = linear::write(&[(ranker, 0.0), (&w, offset)]);
            let steps = Steps::from_bytes(&bytes).expect("round trip");
            let s = score(model, &steps, dev);
            let ((_, _, cf), (_, _, af)) = (s.content(), s.attribution());
            eprintln!("filter epoch {epoch} offset {offset}: dev content F1 {cf:.3} attribution F1 {af:.3}");
            if best.as_ref().is_none_or(|b| cf + af > b.0) {
                best = Some((cf + af, epoch, w.clone(), offset));
            }
        }
    }
    let (_, epoch, w, offset) = best.expect("at least one epoch");
    eprintln!("filter: kept epoch {epoch}, offset {offset}");
    (w, offset)
}

fn main() {
    let cfg = Config::parse();
    let t0 = Instant::now();
    let (train, dev) = (load(&cfg.train), load(&cfg.dev));
    let arts: Vec<Article> = train.iter().map(Article::of).collect();
    let dev: Vec<Article> = dev.iter().map(Article::of).collect();
    eprintln!(
        "{} train and {} dev documents prepared in {:.1}s",
        arts.len(),
        dev.len(),
        t0.elapsed().as_secs_f64()
    );
    let bytes = if cfg.tagger.is_empty() {
        let all: Vec<&Article> = arts.iter().collect();
        train_tagger(&all, &dev, &cfg, "tagger")
    } else {
        std::fs::read(&cfg.tagger).unwrap_or_else(|e| panic!("{}: {e}", cfg.tagger))
    };
    let model = Model::from_bytes(&bytes).expect("round trip");
    eprintln!(
        "rules only:\n{}",
        score(&model, &Steps::default(), &dev).report()
    );
    let folds = fold_taggers(&arts, &dev, &cfg);
    let mut examples = Vec::new();
    for (c, gold) in out_of_fold(&arts, &folds, &Steps::default()) {
        label_speakers(&c, gold, &mut examples);
    }
    let ranker = train_ranker(&examples, &model, &dev, &cfg);
    let ranker_bytes = linear::write(&[(&ranker, 0.0)]);
    let steps = Steps::from_bytes(&ranker_bytes).expect("round trip");
    eprintln!("with the ranker:\n{}", score(&model, &steps, &dev).report());
    let mut kept = Vec::new();
    for (c, gold) in out_of_fold(&arts, &folds, &steps) {
        label_keep(&c, gold, &mut kept);
    }
    let (keep, offset) = train_keep(&kept, &ranker, &model, &dev, &cfg);
    let ranker_bytes = linear::write(&[(&ranker, 0.0), (&keep, offset)]);
    let steps = Steps::from_bytes(&ranker_bytes).expect("round trip");
    eprintln!("with the filter:\n{}", score(&model, &steps, &dev).report());
    let mut outputs = vec![(&cfg.ranker_out, &ranker_bytes)];
    if cfg.tagger.is_empty() {
        outputs.push((&cfg.out, &bytes));
    }
    for (path, b) in outputs {
        std::fs::write(path, b).unwrap_or_else(|e| panic!("{path}: {e}"));
        eprintln!("wrote {path} ({} bytes)", b.len());
    }
    eprintln!("{:.0}s", t0.elapsed().as_secs_f64());
}
