//! The small learned steps after the tagger (the speaker ranker and the
//! quote filter): linear scores over hashed features, one weight a row.
//!
//! Weights file (little endian): `b"NLQLIN02"`, then for each table a `u32`
//! bit count, an `f32` offset added to every score, and `2^bits` `f32`
//! weights. The tables are small (a few
//! thousand rows), so their lookups stay in cache, unlike the tagger's.

use crate::tagging::Reader;

const MAGIC: &[u8; 8] = b"NLQLIN02";

/// A feature key: a template number mixed with its 32-bit values, one
/// multiply each.
#[derive(Clone, Copy)]
pub struct Key(u64);

impl Key {
    #[inline]
    pub fn new(template: u32) -> Key {
        Key((template as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    #[inline]
    pub fn with(self, v: u32) -> Key {
        let x = (self.0 ^ v as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        Key(x ^ x >> 32)
    }

    #[inline]
    pub fn key(self) -> u32 {
        (self.0 ^ (self.0 >> 29)) as u32
    }
}

/// One table of weights, read in place.
#[derive(Clone, Copy)]
pub struct Linear<'a> {
    rows: &'a [[u8; 4]],
    mask: usize,
    offset: f32,
}

impl Linear<'_> {
    /// The offset plus the sum of the weights of `keys`.
    pub fn score(&self, keys: &[u32]) -> f32 {
        // Sliced to `mask + 1` rows, so that no row needs a bounds check.
        let rows = &self.rows[..=self.mask];
        keys.iter()
            .map(|&k| f32::from_le_bytes(rows[row_of(k, self.mask)]))
            .sum::<f32>()
            + self.offset
    }
}

/// The row of feature `key` in a table of `mask + 1` rows.
#[inline]
pub fn row_of(key: u32, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 7 ^ key) as usize & mask
}

/// Reads the tables of a weights file, in order.
pub fn read(buf: &[u8]) -> Result<Vec<Linear<'_>>, String> {
    let mut r = Reader::new(buf);
    r.magic(MAGIC, "quotes ranker weights")?;
    let mut tables = Vec::new();
    while r.pos < r.buf.len() {
        let bits = r.u32()?;
        if !(1..=20).contains(&bits) {
            return Err("bad ranker table size".into());
        }
        let offset = r.f32()?;
        let (rows, _) = r.bytes(4 << bits)?.as_chunks::<4>();
        tables.push(Linear {
            rows,
            mask: (1usize << bits) - 1,
            offset,
        });
    }
    Ok(tables)
}

/// Writes tables of weights (each `2^bits` long) with their offsets as
/// [`read`] reads them.
#[cfg(feature = "train")]
pub fn write(tables: &[(&[f32], f32)]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for (t, offset) in tables {
        assert!(t.len().is_power_of_two());
        out.extend(t.len().trailing_zeros().to_le_bytes());
        out.extend(offset.to_le_bytes());
        for w in *t {
            out.extend(w.to_le_bytes());
        }
    }
    out
}

/// An averaged perceptron over one hashed table (training only).
#[cfg(feature = "train")]
pub struct Trainer {
    mask: usize,
    w: Vec<f32>,
    u: Vec<f64>,
    c: f64,
}

#[cfg(feature = "train")]
impl Trainer {
    pub fn new(bits: u32) -> Trainer {
        Trainer {
            mask: (1 << bits) - 1,
            w: vec![0.0; 1 << bits],
            u: vec![0.0; 1 << bits],
            c: 1.0,
        }
    }

    /// The current (not averaged) score of `keys`.
    pub fn score(&self, keys: &[u32]) -> f32 {
        keys.iter().map(|&k| self.w[row_of(k, self.mask)]).sum()
    }

    /// Adds `step` to the weights of `keys`.
    pub fn update(&mut self, keys: &[u32], step: f32) {
        for &k in keys {
            let i = row_of(k, self.mask);
            self.w[i] += step;
            self.u[i] += self.c * step as f64;
        }
    }

    /// Counts one example seen (for the average).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / self.c) as f32)
            .collect()
    }
}

// The tables are written by the trainer's `write`.
#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;

    #[test]
    fn tables_round_trip() {
        let a: Vec<f32> = (0..16).map(|i| i as f32 - 8.0).collect();
        let b = vec![0.5f32; 4];
        let bytes = write(&[(&a, 0.0), (&b, -2.0)]);
        let t = read(&bytes).unwrap();
        assert_eq!(t.len(), 2);
        let k = Key::new(3).with(7).key();
        assert_eq!(t[0].score(&[k]), a[row_of(k, 15)]);
        assert_eq!(t[1].score(&[k, k]), -1.0);
        assert!(read(&bytes[..bytes.len() - 1]).is_err());
    }
}
