//! The read-only hash table behind the lexicons (word -> Brown cluster,
//! GloVe cluster, gazetteer categories) and the model's weight rows, used in
//! place from its serialised bytes.
//!
//! Open addressing with linear probing over fingerprints; the values are
//! kept apart, dense, and a value is found by the rank of its slot among the
//! occupied ones. The tables are at most 70% (lexicons) or 50% (weights)
//! full, which keeps probes for absent keys short, and storing a value in
//! every slot would spend a third to a half of the bytes on empty ones.
//!
//! Layout (little endian): `u8` slot bits `B` (6..=28), `u8` fingerprint
//! bytes `F` (1 or 2), `u8` value width `W`, `u32` number of entries `N`,
//! `u16` longest probe; then `2^B` fingerprints of `F` bytes (0 = empty);
//! then per block of 64 slots a `u64` occupancy mask and a `u32` count of the
//! occupied slots before the block; then `N` values of `W` bytes in slot
//! order. A key's first slot is its top `B` bits and its fingerprint its low
//! `8 F` bits (1 if those are 0).
//!
//! Fingerprints are not whole keys: an absent key is taken for a present one
//! when a slot it probes has its fingerprint (about one lookup in 2^14 with 2
//! bytes, one in 200 with 1 byte), which the features tolerate.

use super::lexicon::Reader;

const BLOCK_BYTES: usize = 12;

pub struct Table<'a> {
    shift: u32,
    mask: usize,
    fp_bytes: usize,
    width: usize,
    len: usize,
    max_probe: usize,
    /// The fingerprints, as bytes (1-byte tables) or pairs (2-byte tables);
    /// the other is empty.
    fps1: &'a [u8],
    fps2: &'a [[u8; 2]],
    blocks: &'a [[u8; BLOCK_BYTES]],
    values: &'a [u8],
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
        if !(6..=28).contains(&bits) {
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
        if len > n_slots || max_probe >= n_slots || width == 0 {
            return Err("bad table header".into());
        }
        let fps = r.bytes(fp_bytes * n_slots)?;
        let (fps1, fps2) = if fp_bytes == 1 {
            (fps, &[][..])
        } else {
            (&[][..], fps.as_chunks::<2>().0)
        };
        let blocks = r.bytes(n_slots / 64 * BLOCK_BYTES)?.as_chunks().0;
        let values = r.bytes(len * width)?;
        Ok(Table {
            shift: 32 - bits,
            mask: n_slots - 1,
            fp_bytes,
            width,
            len,
            max_probe,
            fps1,
            fps2,
            blocks,
            values,
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

    /// Slot `i`'s fingerprint (0: empty); used to start cache misses early.
    #[inline]
    pub fn touch(&self, i: usize) -> u16 {
        self.fp(i)
    }

    #[inline]
    fn fp(&self, i: usize) -> u16 {
        if self.fp_bytes == 1 {
            self.fps1.get(i).map_or(0, |&b| b as u16)
        } else {
            self.fps2.get(i).map_or(0, |&b| u16::from_le_bytes(b))
        }
    }

    /// The value of occupied slot `i`: its rank among the occupied slots.
    #[inline]
    fn value_at<const W: usize>(&self, i: usize) -> Option<&'a [u8; W]> {
        let b = self.blocks.get(i / 64)?;
        let (occupied, before) = b.split_at(8);
        let occupied = u64::from_le_bytes(occupied.try_into().ok()?);
        let before = u32::from_le_bytes(before.try_into().ok()?) as usize;
        let rank = before + (occupied & ((1u64 << (i % 64)) - 1)).count_ones() as usize;
        self.values.as_chunks::<W>().0.get(rank)
    }

    /// The value stored for `key`, for a table whose values are `W` bytes
    /// (the caller checks [`Table::width`] once; another width finds nothing).
    #[inline]
    pub fn get<const W: usize>(&self, key: u32) -> Option<&'a [u8; W]> {
        if W != self.width {
            return None;
        }
        let fp = fingerprint(key, self.fp_bytes);
        let mut i = self.home(key);
        for _ in 0..=self.max_probe {
            let f = self.fp(i);
            if f == fp {
                return self.value_at(i);
            }
            if f == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
        None
    }

    /// A 2-byte value as a number.
    #[inline]
    pub fn get_u16(&self, key: u32) -> Option<u16> {
        self.get::<2>(key).map(|v| u16::from_le_bytes(*v))
    }
}

/// Serialises a [`Table`]: `entries` sorted by key, unique, each value
/// `width` bytes; `fp_bytes` fingerprint bytes; slots for at least
/// `entries / max_load` entries (and at least 64).
pub fn write_table(
    out: &mut Vec<u8>,
    entries: &[(u32, &[u8])],
    width: usize,
    fp_bytes: usize,
    max_load: f64,
) {
    let mut bits = 6u32;
    while ((1usize << bits) as f64) * max_load < entries.len() as f64 {
        bits += 1;
    }
    let n_slots = 1usize << bits;
    let mut fps = vec![0u16; n_slots];
    let mut slot_values: Vec<Option<&[u8]>> = vec![None; n_slots];
    let mut max_probe = 0usize;
    for &(k, v) in entries {
        assert_eq!(v.len(), width);
        let mut i = (k >> (32 - bits)) as usize;
        let mut probe = 0;
        while fps[i] != 0 {
            i = (i + 1) & (n_slots - 1);
            probe += 1;
        }
        max_probe = max_probe.max(probe);
        fps[i] = fingerprint(k, fp_bytes);
        slot_values[i] = Some(v);
    }
    out.push(bits as u8);
    out.push(fp_bytes as u8);
    out.push(width as u8);
    out.extend((entries.len() as u32).to_le_bytes());
    out.extend((max_probe.min(u16::MAX as usize) as u16).to_le_bytes());
    for f in &fps {
        out.extend(&f.to_le_bytes()[..fp_bytes]);
    }
    let mut before = 0u32;
    for block in fps.chunks(64) {
        let occupied = block
            .iter()
            .enumerate()
            .filter(|(_, &f)| f != 0)
            .fold(0u64, |m, (j, _)| m | 1 << j);
        out.extend(occupied.to_le_bytes());
        out.extend(before.to_le_bytes());
        before += occupied.count_ones();
    }
    for v in slot_values.into_iter().flatten() {
        out.extend_from_slice(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(keys: &[u32], fp_bytes: usize) -> Vec<u8> {
        let values: Vec<[u8; 3]> = keys
            .iter()
            .map(|&k| [k as u8, 7, (k >> 24) as u8])
            .collect();
        let entries: Vec<(u32, &[u8])> = keys
            .iter()
            .zip(&values)
            .map(|(&k, v)| (k, &v[..]))
            .collect();
        let mut out = Vec::new();
        write_table(&mut out, &entries, 3, fp_bytes, 0.5);
        out
    }

    #[test]
    fn finds_every_value_written_including_key_zero_and_collisions() {
        // Keys sharing a first slot (same top bits) probe past each other.
        // Their low bytes all differ, so no two share a fingerprint even
        // with 1-byte fingerprints.
        let mut keys: Vec<u32> = (1..200u32)
            .map(|i| i.wrapping_mul(0x9E37_79B9) & !0xFF | i)
            .collect();
        keys.extend([
            0,
            0xFFFF_FFFF,
            (5 << 26) + 201,
            (5 << 26) + 202,
            (5 << 26) + 203,
        ]);
        keys.sort_unstable();
        keys.dedup();
        for fp_bytes in [1, 2] {
            let bytes = table(&keys, fp_bytes);
            let t = Table::read(&mut Reader::new(&bytes)).unwrap();
            assert_eq!(t.len(), keys.len());
            for &k in &keys {
                let want = [k as u8, 7, (k >> 24) as u8];
                assert_eq!(t.get::<3>(k), Some(&want), "{k:#x} ({fp_bytes} bytes)");
            }
            assert_eq!(t.get::<2>(keys[0]), None, "another width finds nothing");
        }
    }

    #[test]
    fn absent_keys_are_absent_and_truncation_is_an_error() {
        let bytes = table(&[10, 20 << 24, 30 << 24], 2);
        let t = Table::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(t.get::<3>(11 << 24), None);
        for n in 0..bytes.len() {
            assert!(Table::read(&mut Reader::new(&bytes[..n])).is_err(), "{n}");
        }
    }
}
