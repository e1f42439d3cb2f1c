//! Compact lookup tables the tagger reads at run time: Brown clusters, GloVe
//! k-means clusters and gazetteers (built by `scripts/build_ner_lexicons.py`),
//! and the read-only hash [`Table`] that also holds the model's weights.
//!
//! Tables are read in place from the embedded bytes (no per-entry work at
//! load): see [`Table`] for the layout.

/// FNV-1a over bytes; the lexicon builder (Python) computes the same function.
#[derive(Clone, Copy)]
pub struct Fnv(pub u64);

impl Fnv {
    pub const NEW: Fnv = Fnv(0xCBF2_9CE4_8422_2325);

    #[inline]
    pub fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3);
    }

    #[inline]
    pub fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }

    #[inline]
    pub fn lower_str(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_ascii() {
                self.byte(c.to_ascii_lowercase() as u8);
            } else {
                for l in c.to_lowercase() {
                    self.char(l);
                }
            }
        }
    }

    /// The 32-bit key stored in the lexicon file.
    #[inline]
    pub fn key(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

pub fn hash_str(s: &str) -> u32 {
    let mut h = Fnv::NEW;
    for &b in s.as_bytes() {
        h.byte(b);
    }
    h.key()
}

/// A read-only hash table of `u32` keys to fixed-width byte values, used in
/// place from its serialised bytes: an open-addressing table with linear
/// probing, stored slot by slot.
///
/// Layout: `u8` slot bits `B` (4..=28), `u8` fingerprint bytes `F` (1 or
/// 2), `u8` value width `W`, `u32` number of entries, `u16` longest probe,
/// then `2^B` slots of `F + W` bytes: the key's fingerprint (little endian,
/// 0 = empty slot) and the value. A key's first slot is its top `B` bits and
/// its fingerprint its low `8 F` bits (1 if those are 0). Fingerprints are
/// not whole keys: an absent key is taken for a present one when a slot it
/// probes has its fingerprint (about one lookup in 2^14 with 2 bytes, one in
/// 200 with 1 byte), which the features tolerate. Loading reads the header;
/// a lookup usually touches one cache line.
pub struct Table<'a> {
    shift: u32,
    mask: usize,
    fp_bytes: usize,
    width: usize,
    len: usize,
    max_probe: usize,
    slots: &'a [u8],
}

#[inline]
fn fingerprint(key: u32, bytes: usize) -> u16 {
    if bytes == 1 {
        (key as u8).max(1) as u16
    } else {
        (key as u16).max(1)
    }
}

impl<'a> Table<'a> {
    pub fn read(r: &mut Reader<'a>) -> Result<Table<'a>, String> {
        let bits = r.u8()? as u32;
        if !(4..=28).contains(&bits) {
            return Err("bad table size".into());
        }
        let fp_bytes = r.u8()? as usize;
        if !(1..=2).contains(&fp_bytes) {
            return Err("bad table fingerprint size".into());
        }
        let width = r.u8()? as usize;
        let len = r.u32()? as usize;
        let max_probe = r.u16()? as usize;
        let n_slots = 1usize << bits;
        if len > n_slots || max_probe >= n_slots {
            return Err("bad table header".into());
        }
        let size = n_slots
            .checked_mul(fp_bytes + width)
            .ok_or("table too large")?;
        let slots = r.bytes(size)?;
        Ok(Table {
            shift: 32 - bits,
            mask: n_slots - 1,
            fp_bytes,
            width,
            len,
            max_probe,
            slots,
        })
    }

    /// Bytes per value.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The first slot to probe for `key` (to warm the cache ahead of [`Table::get`]).
    #[inline]
    pub fn home(&self, key: u32) -> usize {
        (key >> self.shift) as usize
    }

    /// Reads slot `i`'s fingerprint; used to start cache misses early.
    #[inline]
    pub fn touch(&self, i: usize) -> u16 {
        let at = i * (self.fp_bytes + self.width);
        match self.slots.get(at..at + self.fp_bytes) {
            Some(b) => self.fp_at(b),
            None => 0,
        }
    }

    #[inline]
    fn fp_at(&self, s: &[u8]) -> u16 {
        if self.fp_bytes == 1 {
            s[0] as u16
        } else {
            u16::from_le_bytes([s[0], s[1]])
        }
    }

    /// The value stored for `key`.
    #[inline]
    pub fn get(&self, key: u32) -> Option<&'a [u8]> {
        let stride = self.fp_bytes + self.width;
        let fp = fingerprint(key, self.fp_bytes);
        let mut i = self.home(key);
        let slots: &'a [u8] = self.slots;
        for _ in 0..=self.max_probe {
            let s = slots.get(i * stride..(i + 1) * stride)?;
            let f = self.fp_at(s);
            if f == fp {
                return Some(&s[self.fp_bytes..]);
            }
            if f == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
        None
    }

    /// Like [`Table::get`] for a table with 2-byte fingerprints and `W`-byte
    /// values (the caller checks both once), with the slot size known.
    #[inline]
    pub fn get_fixed<const W: usize>(&self, key: u32) -> Option<&'a [u8; W]> {
        let fp = fingerprint(key, 2);
        let mut i = self.home(key);
        let slots: &'a [u8] = self.slots;
        for _ in 0..=self.max_probe {
            let s = slots.get(i * (2 + W)..(i + 1) * (2 + W))?;
            let f = u16::from_le_bytes([s[0], s[1]]);
            if f == fp {
                return s[2..].try_into().ok();
            }
            if f == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
        None
    }

    /// Fingerprint bytes per slot.
    pub fn fingerprint_bytes(&self) -> usize {
        self.fp_bytes
    }

    #[inline]
    pub fn get_u16(&self, key: u32) -> Option<u16> {
        self.get(key)
            .filter(|v| v.len() >= 2)
            .map(|v| u16::from_le_bytes([v[0], v[1]]))
    }
}

/// Serialises a [`Table`] with 2-byte fingerprints: `entries` sorted by key,
/// unique, each value `width` bytes. The table is at most half full, which
/// keeps probes for absent keys (most feature lookups) short.
pub fn write_table(out: &mut Vec<u8>, entries: &[(u32, &[u8])], width: usize) {
    let mut bits = 4u32;
    while (1usize << bits) < entries.len() * 2 {
        bits += 1;
    }
    let n_slots = 1usize << bits;
    let stride = 2 + width;
    let mut slots = vec![0u8; n_slots * stride];
    let mut max_probe = 0usize;
    for (k, v) in entries {
        assert_eq!(v.len(), width);
        let mut i = (*k >> (32 - bits)) as usize;
        let mut probe = 0;
        while slots[i * stride] != 0 || slots[i * stride + 1] != 0 {
            i = (i + 1) & (n_slots - 1);
            probe += 1;
        }
        max_probe = max_probe.max(probe);
        slots[i * stride..i * stride + 2].copy_from_slice(&fingerprint(*k, 2).to_le_bytes());
        slots[i * stride + 2..(i + 1) * stride].copy_from_slice(v);
    }
    out.push(bits as u8);
    out.push(2);
    out.push(width as u8);
    out.extend((entries.len() as u32).to_le_bytes());
    out.extend((max_probe.min(u16::MAX as usize) as u16).to_le_bytes());
    out.extend(slots);
}

/// A little-endian cursor over the embedded bytes.
pub struct Reader<'a> {
    pub buf: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or("truncated")?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, String> {
        Ok(self.bytes(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, String> {
        Ok(u16::from_le_bytes(self.bytes(2)?.try_into().unwrap()))
    }
    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.bytes(4)?.try_into().unwrap()))
    }
    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.bytes(4)?.try_into().unwrap()))
    }
}

/// Gazetteer categories, in the order of the builder's `CATS`.
pub const N_CATS: usize = 16;
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
        if r.bytes(8)? != b"NLLEX002" {
            return Err("not a newslens lexicon file (NLLEX002)".into());
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_finds_what_was_written_including_zero() {
        let keys = [0u32, 42, 42 + (1 << 16), 0xFFFF_FFFF, 0x8000_0000];
        let mut sorted = keys.to_vec();
        sorted.sort();
        let vals: Vec<[u8; 2]> = sorted
            .iter()
            .map(|&k| (k as u16 ^ 7).to_le_bytes())
            .collect();
        let entries: Vec<(u32, &[u8])> = sorted
            .iter()
            .zip(&vals)
            .map(|(&k, v)| (k, &v[..]))
            .collect();
        let mut out = Vec::new();
        write_table(&mut out, &entries, 2);
        let t = Table::read(&mut Reader::new(&out)).unwrap();
        for k in keys {
            assert_eq!(t.get_u16(k), Some(k as u16 ^ 7));
        }
        assert_eq!(t.get(5), None);
        assert_eq!(t.len(), 5);
    }

    #[test]
    fn truncated_tables_are_errors() {
        let mut out = Vec::new();
        write_table(&mut out, &[(1, &[1u8, 2][..])], 2);
        for n in 0..out.len() {
            assert!(Table::read(&mut Reader::new(&out[..n])).is_err());
        }
    }

    #[test]
    fn lower_hash_matches_hash_of_lowercased_text() {
        let mut h = Fnv::NEW;
        h.lower_str("ÉCOLE Paris");
        assert_eq!(h.key(), hash_str("école paris"));
    }
}
