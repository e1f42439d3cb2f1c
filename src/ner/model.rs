//! The stored model: quantised sparse weights for one or two stages, and the
//! tagger that runs them over a document.
//!
//! Weights file layout (little endian):
//! `b"NLNERW02"`, `u32` number of stages, then per stage: `f32` scale,
//! `u32` n, n varint deltas of the sorted feature keys, n varint class masks
//! (bit c = class c has a weight), then one `i8` per set mask bit, in order.
//! A stored `q` means `sign(q) * (q / 127)^2 * scale`: square-law companding
//! keeps the many small weights that linear int8 would round to zero.

use super::features::{self, Scorer, Tok, NCLASS};
use super::lexicon::{write_varint, Lexicon, Reader};

/// One table slot: a feature key and its row of weights, side by side so a
/// hit costs one cache miss.
#[derive(Clone, Copy)]
#[repr(C)]
struct Entry {
    key: u32,
    row: [i8; NCLASS],
}

const EMPTY: Entry = Entry {
    key: 0,
    row: [0; NCLASS],
};

/// One stage's weights: an open-addressing table keyed by feature hash.
pub struct Weights {
    table: Vec<Entry>,
    mask: usize,
    /// The row of key 0, which marks empty slots in `table`.
    zero: [i8; NCLASS],
    scale: f32,
    /// Stored byte -> weight.
    lut: [f32; 256],
}

/// The stored byte for weight `w` (see the module comment).
pub fn compand(w: f32, scale: f32) -> i8 {
    let x = (w.abs() / scale).min(1.0).sqrt() * 127.0;
    (x.round() as i32 * if w < 0.0 { -1 } else { 1 }) as i8
}

pub fn expand(q: i8, scale: f32) -> f32 {
    let x = q as f32 / 127.0;
    x * x.abs() * scale
}

#[inline]
fn slot(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 5) as usize ^ key as usize
}

impl Weights {
    #[inline]
    fn add_row(&self, row: &[i8; NCLASS], acc: &mut [f32; NCLASS]) {
        for (a, &w) in acc.iter_mut().zip(row) {
            *a += self.lut[w as u8 as usize];
        }
    }

    fn probe(&self, key: u32) -> Option<&[i8; NCLASS]> {
        if key == 0 {
            return Some(&self.zero);
        }
        let mut i = slot(key) & self.mask;
        loop {
            let e = &self.table[i];
            if e.key == key {
                return Some(&e.row);
            }
            if e.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

impl Scorer for Weights {
    #[inline]
    fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
        if let Some(row) = self.probe(key) {
            self.add_row(row, acc);
        }
    }

    /// Loads every first slot before branching on any of them, so that the
    /// cache misses overlap instead of queueing behind mispredicted branches.
    fn add_all(&self, keys: &[u32], acc: &mut [f32; NCLASS]) {
        const CHUNK: usize = 32;
        for chunk in keys.chunks(CHUNK) {
            let mut first = [0u32; CHUNK];
            let mut at = [0usize; CHUNK];
            for (j, &k) in chunk.iter().enumerate() {
                at[j] = slot(k) & self.mask;
                first[j] = self.table[at[j]].key;
            }
            for (j, &k) in chunk.iter().enumerate() {
                if first[j] == k && k != 0 {
                    self.add_row(&self.table[at[j]].row, acc);
                } else if first[j] != 0 || k == 0 {
                    self.add(k, acc);
                }
            }
        }
    }
}

impl Weights {
    fn read(r: &mut Reader) -> Result<Weights, String> {
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let keys = r.sorted_keys(n)?;
        let mut masks = Vec::with_capacity(n);
        for _ in 0..n {
            masks.push(r.varint()? as u32);
        }
        // Load factor <= 0.7: short probes at moderate memory.
        let size = (n + n / 2 + 16).next_power_of_two();
        let mut w = Weights {
            table: vec![EMPTY; size],
            mask: size - 1,
            zero: [0; NCLASS],
            scale,
            lut: [0.0; 256],
        };
        w.lut = std::array::from_fn(|b| expand(b as u8 as i8, scale));
        for (&k, &m) in keys.iter().zip(&masks) {
            let mut row = [0i8; NCLASS];
            for (c, v) in row.iter_mut().enumerate() {
                if m & (1 << c) != 0 {
                    *v = r.u8()? as i8;
                }
            }
            if k == 0 {
                w.zero = row;
                continue;
            }
            let mut i = slot(k) & w.mask;
            while w.table[i].key != 0 && w.table[i].key != k {
                i = (i + 1) & w.mask;
            }
            w.table[i] = Entry { key: k, row };
        }
        Ok(w)
    }
}

/// Serialises quantised stages: each is (scale, sorted (key, row) pairs).
pub fn write_weights(stages: &[(f32, Vec<(u32, [i8; NCLASS])>)]) -> Vec<u8> {
    let mut out = b"NLNERW02".to_vec();
    out.extend((stages.len() as u32).to_le_bytes());
    for (scale, rows) in stages {
        out.extend(scale.to_le_bytes());
        out.extend((rows.len() as u32).to_le_bytes());
        let mut prev = 0u64;
        for (k, _) in rows {
            write_varint(&mut out, *k as u64 - prev);
            prev = *k as u64;
        }
        for (_, row) in rows {
            let mask = row
                .iter()
                .enumerate()
                .fold(0u64, |m, (c, &w)| m | ((w != 0) as u64) << c);
            write_varint(&mut out, mask);
        }
        for (_, row) in rows {
            out.extend(row.iter().filter(|&&w| w != 0).map(|&w| w as u8));
        }
    }
    out
}

/// Lexicons plus one or two stages of weights.
pub struct Tagger {
    pub lex: Lexicon,
    stages: Vec<Weights>,
}

impl Tagger {
    pub fn from_bytes(lexicon: &[u8], weights: &[u8]) -> Result<Tagger, String> {
        let lex = Lexicon::from_bytes(lexicon)?;
        let mut r = Reader::new(weights);
        if r.bytes(8)? != b"NLNERW02" {
            return Err("not a newslens weights file".into());
        }
        let n = r.u32()?;
        if !(1..=2).contains(&n) {
            return Err("expected one or two stages".into());
        }
        let stages = (0..n)
            .map(|_| Weights::read(&mut r))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Tagger { lex, stages })
    }

    /// Tags a document; the result holds one BILOU class per token.
    pub fn classes(&self, doc: &[Vec<&str>]) -> Vec<Vec<u8>> {
        let mut toks = features::analyse(&self.lex, doc);
        let mut classes = run_stage(&self.stages[0], &toks, false);
        if let Some(s2) = self.stages.get(1) {
            features::add_document_evidence(&mut toks, &classes);
            classes = run_stage(s2, &toks, true);
        }
        classes
    }

    /// The scale that turns stored int8 weights back into perceptron units.
    pub fn scale(&self, stage: usize) -> f32 {
        self.stages[stage].scale
    }
}

pub fn run_stage<S: Scorer>(s: &S, toks: &[Vec<Tok>], stage2: bool) -> Vec<Vec<u8>> {
    let mut feats = Vec::with_capacity(128);
    toks.iter()
        .map(|sent| {
            let mut out = Vec::with_capacity(sent.len());
            features::decode_sentence(s, sent, stage2, &mut feats, &mut out);
            out
        })
        .collect()
}
