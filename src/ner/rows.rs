//! The weight rows' hash table: [`Table`](super::lexicon::Table)'s linear
//! probing over 2-byte fingerprints, with the rows kept apart and dense.
//!
//! A weight table is under half full (short probes for absent keys, which
//! most feature lookups are), and its 17-byte rows are most of its bytes.
//! Storing a row per slot, as [`Table`](super::lexicon::Table) does, would
//! spend half the bytes on empty rows. Here the slots hold only fingerprints
//! and a row is found by its rank among the occupied slots: the shipped
//! stage-1 table takes 1.2 MB instead of 2.5 MB, and probing scans a 256 KB
//! fingerprint array that stays in cache.
//!
//! Layout: `u8` slot bits `B` (6..=28), `u8` row width `W`, `u32` number of
//! rows `N`, `u16` longest probe; then `2^B` fingerprints (`u16` little
//! endian, 0 = empty); then per block of 64 slots a `u64` occupancy mask
//! and a `u32` count of occupied slots before the block; then `N` rows of
//! `W` bytes in slot order. A key's first slot is its top `B` bits and its
//! fingerprint its low 16 bits (1 if those are 0).

use super::lexicon::Reader;

const BLOCK_BYTES: usize = 12;

pub struct RowTable<'a> {
    shift: u32,
    mask: usize,
    width: usize,
    len: usize,
    max_probe: usize,
    fps: &'a [u8],
    blocks: &'a [u8],
    rows: &'a [u8],
}

#[inline]
fn fingerprint(key: u32) -> u16 {
    (key as u16).max(1)
}

impl<'a> RowTable<'a> {
    pub fn read(r: &mut Reader<'a>) -> Result<RowTable<'a>, String> {
        let bits = r.u8()? as u32;
        if !(6..=28).contains(&bits) {
            return Err("bad row table size".into());
        }
        let width = r.u8()? as usize;
        let len = r.u32()? as usize;
        let max_probe = r.u16()? as usize;
        let n_slots = 1usize << bits;
        if len > n_slots || max_probe >= n_slots || width == 0 {
            return Err("bad row table header".into());
        }
        let fps = r.bytes(2 * n_slots)?;
        let blocks = r.bytes(n_slots / 64 * BLOCK_BYTES)?;
        let rows = r.bytes(len * width)?;
        Ok(RowTable {
            shift: 32 - bits,
            mask: n_slots - 1,
            width,
            len,
            max_probe,
            fps,
            blocks,
            rows,
        })
    }

    /// Bytes per row.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The first slot to probe for `key` (to warm the cache ahead of [`RowTable::get`]).
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
        match self.fps.get(2 * i..2 * i + 2) {
            Some(b) => u16::from_le_bytes([b[0], b[1]]),
            None => 0,
        }
    }

    /// The row of occupied slot `i`: its rank among the occupied slots.
    #[inline]
    fn row_at<const W: usize>(&self, i: usize) -> Option<&'a [u8; W]> {
        let b = self
            .blocks
            .get(i / 64 * BLOCK_BYTES..(i / 64 + 1) * BLOCK_BYTES)?;
        let occupied = u64::from_le_bytes(b[..8].try_into().ok()?);
        let before = u32::from_le_bytes(b[8..].try_into().ok()?) as usize;
        let rank = before + (occupied & ((1u64 << (i % 64)) - 1)).count_ones() as usize;
        self.rows.get(rank * W..(rank + 1) * W)?.try_into().ok()
    }

    /// The row stored for `key`, for a table whose rows are `W` bytes (the
    /// caller checks [`RowTable::width`] once).
    #[inline]
    pub fn get<const W: usize>(&self, key: u32) -> Option<&'a [u8; W]> {
        let fp = fingerprint(key);
        let mut i = self.home(key);
        for _ in 0..=self.max_probe {
            let f = self.fp(i);
            if f == fp {
                return self.row_at(i);
            }
            if f == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
        None
    }
}

/// Serialises a [`RowTable`]: `entries` sorted by key, unique, each row
/// `width` bytes. The table is at most half full (and has at least 64 slots).
pub fn write_row_table(out: &mut Vec<u8>, entries: &[(u32, &[u8])], width: usize) {
    let mut bits = 6u32;
    while (1usize << bits) < entries.len() * 2 {
        bits += 1;
    }
    let n_slots = 1usize << bits;
    let mut fps = vec![0u16; n_slots];
    let mut slot_rows: Vec<Option<&[u8]>> = vec![None; n_slots];
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
        fps[i] = fingerprint(k);
        slot_rows[i] = Some(v);
    }
    out.push(bits as u8);
    out.push(width as u8);
    out.extend((entries.len() as u32).to_le_bytes());
    out.extend((max_probe.min(u16::MAX as usize) as u16).to_le_bytes());
    for f in &fps {
        out.extend(f.to_le_bytes());
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
    for row in slot_rows.into_iter().flatten() {
        out.extend_from_slice(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(keys: &[u32]) -> Vec<u8> {
        let rows: Vec<[u8; 3]> = keys
            .iter()
            .map(|&k| [k as u8, 7, (k >> 24) as u8])
            .collect();
        let entries: Vec<(u32, &[u8])> =
            keys.iter().zip(&rows).map(|(&k, r)| (k, &r[..])).collect();
        let mut out = Vec::new();
        write_row_table(&mut out, &entries, 3);
        out
    }

    #[test]
    fn finds_every_row_written_including_key_zero_and_collisions() {
        // Keys sharing a first slot (same top bits) probe past each other;
        // their low 16 bits differ, or they would share a fingerprint.
        let mut keys: Vec<u32> = (0..200u32).map(|i| i.wrapping_mul(0x9E37_79B9)).collect();
        keys.extend([0, 2, 0xFFFF_FFFF, 0xFFFF_FFFE, 5 << 26, (5 << 26) + 2]);
        keys.sort_unstable();
        keys.dedup();
        let bytes = table(&keys);
        let t = RowTable::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(t.len(), keys.len());
        for &k in &keys {
            assert_eq!(
                t.get::<3>(k),
                Some(&[k as u8, 7, (k >> 24) as u8]),
                "{k:#x}"
            );
        }
    }

    #[test]
    fn absent_keys_are_absent_and_truncation_is_an_error() {
        let bytes = table(&[10, 20 << 24, 30 << 24]);
        let t = RowTable::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(t.get::<3>(11 << 24), None);
        for n in 0..bytes.len() {
            assert!(
                RowTable::read(&mut Reader::new(&bytes[..n])).is_err(),
                "{n}"
            );
        }
    }
}
