//! Compact lookup tables the tagger reads at run time: Brown clusters, GloVe
//! k-means clusters and gazetteers (built by `scripts/build_ner_lexicons.py`).
//!
//! Tables are read in place from the embedded bytes (no per-entry work at
//! load): see [`Table`] for the layout.

pub use super::table::Table;
pub use crate::tagging::{hash_str, Fnv, Reader};

/// Gazetteer categories, in the order of the builder's `CATS`.
pub const N_CATS: usize = 16;
/// The gazetteer category of words that end organisation names ("Council",
/// "Agency", "Bank"), by its index in the builder's `CATS`.
pub const CAT_ORG_KEY: usize = 10;
/// The gazetteer category of words that end place names ("River", "Street").
pub const CAT_LOC_KEY: usize = 11;
/// The longest gazetteer entry, in tokens.
pub const MAX_GAZ_TOKENS: usize = 6;

pub struct Lexicon<'a> {
    /// Brown cluster paths: `u32` bits (MSB first) per path, then `u8` lengths.
    path_bits: &'a [u8],
    path_lens: &'a [u8],
    /// Case-sensitive word hash -> `u16` path index.
    words: Table<'a>,
    /// Fine GloVe cluster -> coarse cluster (`u8`).
    glove_coarse: &'a [u8],
    /// Lower-cased word hash -> `u16` fine GloVe cluster.
    glove: Table<'a>,
    /// Lower-cased entry hash -> `u16` category mask.
    gaz: Table<'a>,
}

impl<'a> Lexicon<'a> {
    pub fn from_bytes(buf: &'a [u8]) -> Result<Lexicon<'a>, String> {
        let mut r = Reader::new(buf);
        r.magic(b"NLLEX003", "newslens lexicon")?;
        let n_paths = r.u32()? as usize;
        let path_bits = r.bytes(4 * n_paths)?;
        let path_lens = r.bytes(n_paths)?;
        let words = Table::read(&mut r)?;
        let n_fine = r.u32()? as usize;
        let glove_coarse = r.bytes(n_fine)?;
        let glove = Table::read(&mut r)?;
        let n_cats = r.u32()? as usize;
        for _ in 0..n_cats {
            let len = r.u8()? as usize;
            r.bytes(len)?;
        }
        if n_cats != N_CATS {
            return Err(format!(
                "expected {N_CATS} gazetteer categories, found {n_cats}"
            ));
        }
        let gaz = Table::read(&mut r)?;
        if [&words, &glove, &gaz].iter().any(|t| t.width() != 2) {
            return Err("lexicon tables hold 2-byte values".into());
        }
        Ok(Lexicon {
            path_bits,
            path_lens,
            words,
            glove_coarse,
            glove,
            gaz,
        })
    }

    /// The Brown cluster path of a word hashed with [`hash_str`] (or an equivalent [`Fnv`]).
    #[inline]
    pub fn cluster(&self, key: u32) -> Option<(u32, u8)> {
        let p = self.words.get_u16(key)? as usize;
        let len = *self.path_lens.get(p)?;
        let b = self.path_bits.get(4 * p..4 * p + 4)?;
        Some((u32::from_le_bytes([b[0], b[1], b[2], b[3]]), len))
    }

    /// The GloVe clusters (fine, coarse) of a lower-cased word key, both counted from 1.
    #[inline]
    pub fn glove(&self, key: u32) -> (u16, u8) {
        match self.glove.get_u16(key) {
            Some(f) => (
                f.saturating_add(1),
                self.glove_coarse
                    .get(f as usize)
                    .map_or(0, |c| c.saturating_add(1)),
            ),
            None => (0, 0),
        }
    }

    /// The category mask of a gazetteer entry key (lower-cased tokens joined by one space).
    #[inline]
    pub fn gazetteer(&self, key: u32) -> u16 {
        self.gaz.get_u16(key).unwrap_or(0)
    }
}
