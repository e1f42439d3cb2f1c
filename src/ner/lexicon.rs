//! Compact lookup tables the tagger reads at run time: Brown clusters and
//! gazetteers (built by `scripts/build_ner_lexicons.py`), and the open-addressing
//! `u32` map that also holds the model's feature weights.

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

/// Open-addressing map from (already hashed) `u32` keys to small values.
/// Built once at load time; lookups are a masked index and a short probe.
pub struct U32Map<V: Copy> {
    /// Key 0 marks an empty slot; key and value share a cache line.
    slots: Vec<(u32, V)>,
    mask: usize,
    zero: Option<V>,
}

impl<V: Copy + Default> U32Map<V> {
    pub fn with_capacity(n: usize) -> Self {
        let size = (n * 2).next_power_of_two().max(16);
        U32Map {
            slots: vec![(0, V::default()); size],
            mask: size - 1,
            zero: None,
        }
    }

    /// Inserts or overwrites. Capacity is fixed: callers size the map up front.
    pub fn insert(&mut self, key: u32, val: V) {
        if key == 0 {
            self.zero = Some(val);
            return;
        }
        let mut i = Self::slot(key) & self.mask;
        loop {
            if self.slots[i].0 == 0 || self.slots[i].0 == key {
                self.slots[i] = (key, val);
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn slot(key: u32) -> usize {
        // Keys are hashes already; one multiply spreads FNV's weaker low bits.
        (key.wrapping_mul(0x9E37_79B1) >> 7) as usize ^ key as usize
    }

    #[inline]
    pub fn get(&self, key: u32) -> Option<V> {
        if key == 0 {
            return self.zero;
        }
        let mut i = Self::slot(key) & self.mask;
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
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
    pub fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7F) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("bad varint".into())
    }
    /// `n` sorted keys stored as varint deltas.
    pub fn sorted_keys(&mut self, n: usize) -> Result<Vec<u32>, String> {
        let mut out = Vec::with_capacity(n);
        let mut prev = 0u64;
        for _ in 0..n {
            prev += self.varint()?;
            out.push(u32::try_from(prev).map_err(|_| "key out of range")?);
        }
        Ok(out)
    }
}

pub fn write_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Gazetteer categories, in the order of the builder's `CATS`.
pub const N_CATS: usize = 16;
/// The longest gazetteer entry, in tokens.
pub const MAX_GAZ_TOKENS: usize = 6;

pub struct Lexicon {
    /// Brown cluster paths: bits (MSB first) and length.
    paths: Vec<(u32, u8)>,
    words: U32Map<u16>,
    gaz: U32Map<u16>,
}

impl Lexicon {
    pub fn from_bytes(buf: &[u8]) -> Result<Lexicon, String> {
        let mut r = Reader::new(buf);
        if r.bytes(8)? != b"NLLEX001" {
            return Err("not a newslens lexicon file".into());
        }
        let n_paths = r.u32()? as usize;
        let mut paths = Vec::with_capacity(n_paths.min(1 << 16));
        for _ in 0..n_paths {
            let bits = r.u32()?;
            paths.push((bits, r.u8()?));
        }
        let n = r.u32()? as usize;
        let keys = r.sorted_keys(n)?;
        let mut words = U32Map::with_capacity(n);
        for k in keys {
            let p = r.u16()?;
            if p as usize >= paths.len() {
                return Err("bad cluster index".into());
            }
            words.insert(k, p);
        }
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
        let n = r.u32()? as usize;
        let keys = r.sorted_keys(n)?;
        let mut gaz = U32Map::with_capacity(n);
        for k in keys {
            gaz.insert(k, r.u16()?);
        }
        Ok(Lexicon { paths, words, gaz })
    }

    /// The Brown cluster path of a word hashed with [`hash_str`] (or an equivalent [`Fnv`]).
    #[inline]
    pub fn cluster(&self, key: u32) -> Option<(u32, u8)> {
        self.words.get(key).map(|p| self.paths[p as usize])
    }

    /// The category mask of a gazetteer entry key (lower-cased tokens joined by one space).
    #[inline]
    pub fn gazetteer(&self, key: u32) -> u16 {
        self.gaz.get(key).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_finds_what_was_inserted_including_zero() {
        let mut m = U32Map::with_capacity(3);
        m.insert(0, 7u16);
        m.insert(42, 1);
        m.insert(42 + 1024, 2);
        assert_eq!(
            (m.get(0), m.get(42), m.get(1066), m.get(5)),
            (Some(7), Some(1), Some(2), None)
        );
    }

    #[test]
    fn lower_hash_matches_hash_of_lowercased_text() {
        let mut h = Fnv::NEW;
        h.lower_str("ÉCOLE Paris");
        assert_eq!(h.key(), hash_str("école paris"));
    }

    #[test]
    fn varints_round_trip() {
        let mut out = Vec::new();
        for n in [0u64, 1, 127, 128, 300, u32::MAX as u64] {
            write_varint(&mut out, n);
        }
        let mut r = Reader::new(&out);
        let back: Vec<u64> = (0..6).map(|_| r.varint().unwrap()).collect();
        assert_eq!(back, [0, 1, 127, 128, 300, u32::MAX as u64]);
    }
}
