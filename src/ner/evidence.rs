//! Document evidence for stage 2: what stage 1 said about the same word
//! elsewhere in the document.

use super::classes::class_parts;
use super::facts::{casing, IdMap, Tok};

/// Stage-1 evidence for stage 2: for each lower-cased word, which entity
/// types stage 1 gave it across the document, and the type of the longest
/// predicted entity it was part of.
#[inline(never)]
pub fn add_document_evidence(toks: &mut [Vec<Tok>], stage1: &[Vec<u8>]) {
    // Per word, in one map so each token costs one probe: bit per type seen
    // (0..4), bit 4 = seen as O while capitalised; then the longest entity
    // containing the word (length, type + 1).
    let mut seen: IdMap<(u8, u8, u8)> = IdMap::default();
    for (ts, cs) in toks.iter().zip(stage1) {
        let mut start = 0usize;
        for (i, (t, &c)) in ts.iter().zip(cs).enumerate() {
            match class_parts(c) {
                Some((ty, pos)) => {
                    seen.entry(t.lower).or_default().0 |= 1 << ty;
                    if pos == 0 || pos == 3 {
                        start = i;
                    }
                    if pos == 2 || pos == 3 {
                        let len = (i + 1 - start).min(255) as u8;
                        for u in &ts[start..=i] {
                            let e = seen.entry(u.lower).or_default();
                            if len > e.1 {
                                (e.1, e.2) = (len, ty + 1);
                            }
                        }
                    }
                }
                None if matches!(
                    t.casing,
                    casing::INIT_CAP | casing::ALL_CAPS | casing::LOWER_CAMEL
                ) =>
                {
                    seen.entry(t.lower).or_default().0 |= 1 << 4;
                }
                None => {}
            }
        }
    }
    for t in toks.iter_mut().flatten() {
        let (types, len, ty) = seen.get(&t.lower).copied().unwrap_or_default();
        t.s1 = types as u32;
        t.s1_seq = if len == 0 {
            0
        } else {
            (len.min(4) as u32) << 4 | ty as u32
        };
    }
}
