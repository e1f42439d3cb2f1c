//! Trains the attribution tagger and writes `data/quotes/weights.bin`.
//!
//! cargo run --release --features train --bin train-quotes -- \
//!     [--train FILE] [--dev FILE] [--epochs N] [--bits B] [--out FILE]
//!
//! Bare file names are looked up in `../shared/data/quotes/polnear/`
//! (defaults: `train.jsonl`, `dev.jsonl`; primary records only). Averaged
//! perceptron over the features of `newslens::quotes::tagger`, greedy
//! decoding with the model's own previous decisions as history; the epoch
//! with the best attribution F1 on dev (full pipeline, `quotes::eval`) is kept.
//! Single-threaded and deterministic (fixed shuffling seed, sorted output).

use newslens::internals::quotes::eval::{Record, Score};
use newslens::internals::quotes::tagger::{self, Model, Scorer, NCLASS};
use newslens::internals::quotes::{self, Paragraph};
use std::io::BufRead;
use std::time::Instant;

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

/// Gold classes for the tokens of each paragraph.
fn gold_classes(
    r: &Record,
    toks: &[newslens::internals::tokens::Token],
    paras: &[Paragraph],
) -> Vec<Vec<u8>> {
    let n = toks.len();
    let mut cls = vec![tagger::O; n];
    let gold = r.gold();
    let mut mark = |frags: &[(usize, usize)], b: u8, i: u8| {
        for &(s, e) in frags {
            let a = toks.partition_point(|t| t.start < s);
            let z = toks.partition_point(|t| t.start < e);
            for (k, c) in cls.iter_mut().enumerate().take(z).skip(a) {
                *c = if k == a { b } else { i };
            }
        }
    };
    for g in &gold {
        mark(&g.content, tagger::B_CON, tagger::I_CON);
    }
    for g in &gold {
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
}

impl Scorer<NCLASS> for Perceptron {
    fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
        let r = &self.w[tagger::row_of(key, self.mask)];
        for c in 0..NCLASS {
            acc[c] += r[c];
        }
    }
}

fn score_dev<S: Scorer<NCLASS>>(s: &S, dev: &[Record]) -> Score {
    let mut score = Score::default();
    for r in dev {
        let p = newslens::internals::prepare(&r.text);
        let q = quotes::find_with(s, &p.doc, &p.layout, &p.mentions, &p.entities);
        score.add(&q, &r.gold());
    }
    score
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut train_p, mut dev_p) = ("train.jsonl".to_string(), "dev.jsonl".to_string());
    let mut epochs = 10usize;
    let mut bits = 16u32;
    let mut out = format!("{}/data/quotes/weights.bin", env!("CARGO_MANIFEST_DIR"));
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--train" => train_p = v,
            "--dev" => dev_p = v,
            "--epochs" => epochs = v.parse().expect("number"),
            "--bits" => bits = v.parse().expect("number"),
            "--out" => out = v,
            _ => panic!("unknown option {a}"),
        }
    }
    let t0 = Instant::now();
    let train = load(&train_p);
    let dev = load(&dev_p);
    let mut data: Vec<(Vec<Paragraph>, Vec<Vec<u8>>)> = Vec::new();
    for r in &train {
        let p = newslens::internals::prepare(&r.text);
        let (paras, _) = quotes::paragraphs(&p.doc, &p.layout, &p.mentions);
        let gold = gold_classes(r, &p.doc.tokens, &paras);
        data.push((paras, gold));
    }
    let ntok: usize = data.iter().flat_map(|d| d.1.iter()).map(|g| g.len()).sum();
    eprintln!(
        "{} train documents, {ntok} tokens, {} dev documents, prepared in {:.1}s",
        data.len(),
        dev.len(),
        t0.elapsed().as_secs_f64()
    );
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut p = Perceptron::new(bits);
    let mut feats = Vec::new();
    let mut best: Option<(f64, usize, Vec<u8>)> = None;
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &d in &order {
            let (paras, gold) = &data[d];
            for (para, g) in paras.iter().zip(gold) {
                let (mut p1, mut p2) = (tagger::O, tagger::O);
                for (i, &gc) in g.iter().enumerate() {
                    feats.clear();
                    tagger::static_features(&para.seq, i, &mut feats);
                    tagger::dynamic_features(&para.seq, i, p1, p2, &mut feats);
                    let mut acc = [0f32; NCLASS];
                    p.add_all(&feats, &mut acc);
                    let pred = tagger::best(&acc, p1);
                    // After a wrong history, a continuation is learnt as a start.
                    let gi = if tagger::allowed(p1, gc) { gc } else { gc - 1 };
                    p.c += 1.0;
                    if pred != gi {
                        p.update(&feats, gi, pred);
                    } else {
                        right += 1;
                    }
                    total += 1;
                    p2 = p1;
                    p1 = pred;
                }
            }
        }
        let bytes = Model::to_bytes(&p.averaged(), bits);
        let s = score_dev(&Model::from_bytes(&bytes).expect("round trip"), &dev);
        let (_, _, cf) = s.content();
        let (_, _, af) = s.attribution();
        eprintln!(
            "epoch {epoch}: train token acc {:.4}; dev content F1 {cf:.3} attribution F1 {af:.3} quote speaker {:.3} ({:.0}s)",
            right as f64 / total as f64,
            s.quote_speaker(),
            t0.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|b| af + cf > b.0) {
            best = Some((af + cf, epoch, bytes));
        }
    }
    let (_, epoch, bytes) = best.expect("at least one epoch");
    let model = Model::from_bytes(&bytes).expect("round trip");
    let s = score_dev(&model, &dev);
    eprintln!("kept epoch {epoch}: {} bytes\n{}", bytes.len(), s.report());
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
    eprintln!("wrote {out}");
}
