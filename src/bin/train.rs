//! Trains the named-entity tagger and writes `data/ner/weights.bin`.
//!
//! cargo run --release --features train --bin train -- \
//!     [--train FILE] [--dev FILE] [--epochs N] [--folds K] [--stages 1|2] [--out FILE]
//!
//! Averaged perceptron, greedy decoding with the model's own previous
//! decisions as history. Stage 2 is trained on stage-1 output that is
//! jackknifed over K folds of the training documents, so it learns how far to
//! trust stage 1 on unseen text. The epoch with the best dev F1 is kept (dev
//! is used for that choice only). Deterministic: fixed shuffling seed, sorted
//! output.

use newslens::conll::Documents;
use newslens::ner::eval::Counts;
use newslens::ner::internals::{self as nx, IdMap, Lexicon, Scorer, Tok, NCLASS};
use newslens::ner::{class_to_tag, tags_to_classes, Tag};
use std::io::BufReader;
use std::time::Instant;

struct Doc {
    toks: Vec<Vec<Tok>>,
    gold: Vec<Vec<u8>>,
    gold_tags: Vec<Vec<Tag>>,
}

fn load(path: &str, lex: &Lexicon) -> Vec<Doc> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Documents::new(BufReader::new(f))
        .map(|d| {
            let d = d.unwrap_or_else(|e| panic!("{path}: {e}"));
            let words: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let gold_tags: Vec<Vec<Tag>> = d
                .sentences
                .iter()
                .map(|s| {
                    s.gold
                        .iter()
                        .map(|g| Tag::parse(g).unwrap_or(Tag::O))
                        .collect()
                })
                .collect();
            Doc {
                toks: nx::analyse(lex, &words),
                gold: gold_tags.iter().map(|t| tags_to_classes(t)).collect(),
                gold_tags,
            }
        })
        .collect()
}

/// Perceptron with lazy averaging (Daumé's trick: avg = w - u / c).
#[derive(Default)]
struct Perceptron {
    index: IdMap<u32>,
    w: Vec<[f32; NCLASS]>,
    u: Vec<[f64; NCLASS]>,
    c: f64,
}

impl Scorer for Perceptron {
    fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
        if let Some(&i) = self.index.get(&key) {
            for (a, w) in acc.iter_mut().zip(&self.w[i as usize]) {
                *a += w;
            }
        }
    }
}

impl Perceptron {
    fn update(&mut self, feats: &[u32], gold: u8, pred: u8) {
        for &f in feats {
            let n = self.w.len() as u32;
            let i = *self.index.entry(f).or_insert(n) as usize;
            if i == self.w.len() {
                self.w.push([0.0; NCLASS]);
                self.u.push([0.0; NCLASS]);
            }
            self.w[i][gold as usize] += 1.0;
            self.w[i][pred as usize] -= 1.0;
            self.u[i][gold as usize] += self.c;
            self.u[i][pred as usize] -= self.c;
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

impl Scorer for Averaged {
    fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
        if let Some(&i) = self.index.get(&key) {
            for (a, w) in acc.iter_mut().zip(&self.w[i as usize]) {
                *a += w;
            }
        }
    }
}

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

fn evaluate<S: Scorer>(s: &S, docs: &[&Doc], stage2: bool) -> Counts {
    let mut counts = Counts::default();
    for d in docs {
        let pred = nx::run_stage(s, &d.toks, stage2);
        for (g, p) in d.gold_tags.iter().zip(&pred) {
            let p: Vec<Tag> = p.iter().map(|&c| class_to_tag(c)).collect();
            counts.add_sentence(g, &p);
        }
    }
    counts
}

/// Trains one stage; returns the averaged weights of the best epoch on `dev`
/// (or of the last epoch when `dev` is empty) and that epoch's number.
fn train_stage(
    train: &[&Doc],
    dev: &[&Doc],
    epochs: usize,
    stage2: bool,
    seed: u64,
    label: &str,
) -> (Averaged, usize) {
    // Static features do not change between epochs: extract them once.
    let mut cache: Vec<Vec<Vec<Vec<u32>>>> = Vec::with_capacity(train.len());
    for d in train {
        cache.push(
            d.toks
                .iter()
                .map(|s| {
                    (0..s.len())
                        .map(|i| {
                            let mut f = Vec::new();
                            nx::static_features(s, i, stage2, &mut f);
                            f
                        })
                        .collect()
                })
                .collect(),
        );
    }
    let mut p = Perceptron::default();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(seed);
    let mut best: Option<(f64, Averaged, usize)> = None;
    let mut feats = Vec::with_capacity(128);
    for epoch in 1..=epochs {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        let mut total = 0usize;
        for &di in &order {
            let d = train[di];
            for (si, sent) in d.toks.iter().enumerate() {
                let (mut prev1, mut prev2) = (0u8, 0u8);
                for i in 0..sent.len() {
                    feats.clear();
                    feats.extend_from_slice(&cache[di][si][i]);
                    nx::dynamic_features(sent, i, prev1, prev2, &mut feats);
                    let mut acc = [0f32; NCLASS];
                    for &f in &feats {
                        p.add(f, &mut acc);
                    }
                    let mut pred = 0u8;
                    for c in 1..NCLASS {
                        if acc[c] > acc[pred as usize] {
                            pred = c as u8;
                        }
                    }
                    p.c += 1.0;
                    let gold = d.gold[si][i];
                    if pred != gold {
                        p.update(&feats, gold, pred);
                        errors += 1;
                    }
                    total += 1;
                    prev2 = prev1;
                    prev1 = pred;
                }
            }
        }
        let avg = p.averaged();
        if dev.is_empty() {
            eprintln!(
                "{label} epoch {epoch}: train error {:.4} ({:.1}s)",
                errors as f64 / total as f64,
                t0.elapsed().as_secs_f64()
            );
            best = Some((0.0, avg, epoch));
            continue;
        }
        let f1 = evaluate(&avg, dev, stage2).f1();
        println!(
            "{label} epoch {epoch}: train error {:.4}, dev F1 {:.4}, {} features ({:.1}s)",
            errors as f64 / total as f64,
            f1,
            avg.w.len(),
            t0.elapsed().as_secs_f64()
        );
        if best.as_ref().map_or(true, |b| f1 > b.0) {
            best = Some((f1, avg, epoch));
        }
    }
    let (_, avg, epoch) = best.expect("at least one epoch");
    (avg, epoch)
}

/// Quantises to companded int8 (see `model::compand`), scaled so that only
/// the top 0.01% of |w| saturate; entries that round under `min_q` are dropped.
fn quantise(avg: &Averaged, min_q: i32) -> (f32, Vec<(u32, [i8; NCLASS])>) {
    let mut mags: Vec<f32> = avg
        .w
        .iter()
        .flatten()
        .map(|w| w.abs())
        .filter(|&w| w > 0.0)
        .collect();
    mags.sort_by(f32::total_cmp);
    let scale = mags
        .get(mags.len().saturating_sub(1 + mags.len() / 10000))
        .copied()
        .unwrap_or(1.0);
    let mut rows: Vec<(u32, [i8; NCLASS])> = avg
        .index
        .iter()
        .filter_map(|(&k, &i)| {
            let row: [i8; NCLASS] = std::array::from_fn(|c| {
                let q = nx::compand(avg.w[i as usize][c], scale);
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
    (scale, rows)
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut train_path = format!("{root}/../shared/data/conll2003/train.txt");
    let mut dev_path = format!("{root}/../shared/data/conll2003/dev.txt");
    let mut lex_path = format!("{root}/data/ner/lexicons.bin");
    let mut out_path = format!("{root}/data/ner/weights.bin");
    let (mut epochs, mut folds, mut stages, mut min_q) = (12usize, 5usize, 2usize, 1i32);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--train" => train_path = val(),
            "--dev" => dev_path = val(),
            "--lexicons" => lex_path = val(),
            "--out" => out_path = val(),
            "--epochs" => epochs = val().parse().expect("--epochs N"),
            "--folds" => folds = val().parse().expect("--folds K"),
            "--stages" => stages = val().parse().expect("--stages 1|2"),
            "--min-q" => min_q = val().parse().expect("--min-q N"),
            _ => panic!("unknown argument {a}; see the comment at the top of src/bin/train.rs"),
        }
    }
    let t0 = Instant::now();
    let lex = Lexicon::from_bytes(&std::fs::read(&lex_path).expect("lexicons.bin"))
        .expect("valid lexicons");
    let mut train = load(&train_path, &lex);
    let mut dev = load(&dev_path, &lex);
    println!(
        "loaded {} train / {} dev documents in {:.1}s",
        train.len(),
        dev.len(),
        t0.elapsed().as_secs_f64()
    );

    let tr: Vec<&Doc> = train.iter().collect();
    let dv: Vec<&Doc> = dev.iter().collect();
    let (s1, best_epoch) = train_stage(&tr, &dv, epochs, false, 0x5EED_0001, "stage1");
    let mut models = vec![s1];
    if stages == 2 {
        // Jackknifed stage-1 output for the training documents.
        let mut s1_train: Vec<Option<Vec<Vec<u8>>>> = (0..train.len()).map(|_| None).collect();
        for k in 0..folds {
            let rest: Vec<&Doc> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != k)
                .map(|(_, d)| d)
                .collect();
            let (m, _) = train_stage(
                &rest,
                &[],
                best_epoch,
                false,
                0x5EED_0100 + k as u64,
                &format!("fold {k}"),
            );
            for (i, d) in train.iter().enumerate().filter(|(i, _)| i % folds == k) {
                s1_train[i] = Some(nx::run_stage(&m, &d.toks, false));
            }
        }
        for (d, s1) in train.iter_mut().zip(s1_train) {
            nx::add_document_evidence(&mut d.toks, &s1.expect("every document is in a fold"));
        }
        for d in dev.iter_mut() {
            let s1 = nx::run_stage(&models[0], &d.toks, false);
            nx::add_document_evidence(&mut d.toks, &s1);
        }
        let tr: Vec<&Doc> = train.iter().collect();
        let dv: Vec<&Doc> = dev.iter().collect();
        let (s2, _) = train_stage(&tr, &dv, epochs, true, 0x5EED_0002, "stage2");
        models.push(s2);
    }
    let q: Vec<_> = models.iter().map(|m| quantise(m, min_q)).collect();
    let bytes = nx::write_weights(&q);
    std::fs::write(&out_path, &bytes).unwrap_or_else(|e| panic!("{out_path}: {e}"));
    println!(
        "wrote {out_path}: {} bytes, {} rows",
        bytes.len(),
        q.iter().map(|s| s.1.len()).sum::<usize>()
    );

    // Score the written file through the same code path as the library.
    let tagger =
        nx::Tagger::from_bytes(&std::fs::read(&lex_path).unwrap(), &bytes).expect("round trip");
    let f = std::fs::File::open(&dev_path).unwrap();
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
    println!("dev, written model:\n{}", counts.report());
    println!("total {:.1}s", t0.elapsed().as_secs_f64());
}
