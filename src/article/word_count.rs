//! Counting a line's words, as every line rule of the layout does, often
//! several times a line: eight ASCII bytes a step, and only as far as the
//! rule needs.

/// The number of words `s.split_whitespace()` gives.
pub(super) fn count_words(s: &str) -> usize {
    count_words_to(s, usize::MAX)
}

/// The number of words `s.split_whitespace()` gives, or `limit + 1` when
/// it has more: the count stops there, so that a test of a short line
/// does not read all of a long paragraph.
///
/// Every line of an article is counted, several times, and decoding each
/// character to ask whether it is whitespace was a third of the boilerplate
/// test's time: ASCII text is read eight bytes at a time, each word start
/// (a non-space after a space or at the start) a bit of a mask.
pub(super) fn count_words_to(s: &str, limit: usize) -> usize {
    let cap = limit.saturating_add(1);
    let mut chunks = s.as_bytes().chunks_exact(8);
    let mut n = 0;
    // The space bit (0x80) of the byte before the chunk, in the place of a
    // first byte's: the text starts as if after a space.
    let mut before: u64 = 0x80;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if w & HIGH_BITS != 0 {
            return count_words_slowly(s, cap);
        }
        let spaces = ascii_space_mask(w);
        n += word_starts(spaces, before);
        before = spaces >> 56;
        if n >= cap {
            return cap;
        }
    }
    // The last bytes, padded with spaces (which start no word).
    let mut last = [b' '; 8];
    for (b, &r) in last.iter_mut().zip(chunks.remainder()) {
        *b = r;
    }
    let w = u64::from_le_bytes(last);
    if w & HIGH_BITS != 0 {
        return count_words_slowly(s, cap);
    }
    n += word_starts(ascii_space_mask(w), before);
    n.min(cap)
}

/// [`count_words_to`] for text that is not ASCII: up to `cap` words.
fn count_words_slowly(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap).count()
}

/// The high bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// 1 in each byte of a `u64`.
const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// For eight ASCII bytes (little-endian in `w`), the high bit of each byte
/// that is whitespace as `split_whitespace` takes it: a space or `\t..=\r`.
/// No sum below carries out of its byte, as every byte is under 0x80.
fn ascii_space_mask(w: u64) -> u64 {
    let x = w ^ (LOW_BITS * u64::from(b' '));
    let is_space = !x.wrapping_add(LOW_BITS * 0x7F) & HIGH_BITS;
    let from_tab = w.wrapping_add(LOW_BITS * (0x80 - u64::from(b'\t')));
    let after_cr = w.wrapping_add(LOW_BITS * (0x80 - u64::from(b'\r') - 1));
    is_space | (from_tab & !after_cr & HIGH_BITS)
}

/// How many bytes of a chunk start a word: not spaces, after a space (the
/// previous byte in the chunk, or for the first the high bit of `before`).
fn word_starts(spaces: u64, before: u64) -> usize {
    let starts = !spaces & ((spaces << 8) | before) & HIGH_BITS;
    // One bit a byte, summed into the top byte by the multiplication.
    (((starts >> 7).wrapping_mul(LOW_BITS)) >> 56) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words are counted as `split_whitespace` gives them, whatever
    /// whitespace separates them.
    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in [
            "",
            "   ",
            "one",
            " Updated  14:02\tGMT ",
            "a\u{0B}b\u{0C}c\rd", // vertical tab and form feed are whitespace
            "non\u{A0}breaking and\u{3000}ideographic\u{2028}spaces\u{85}next-line",
            "zero\u{200B}width is not a space",
            "Ünïcödé wörds — and “quotes” … ©",
            "emoji 👍🏽 count 🇺🇸 as words",
        ] {
            let all = s.split_whitespace().count();
            assert_eq!(count_words(s), all, "{s:?}");
        }
    }

    /// Each ASCII byte at each place of a line longer than one eight-byte
    /// chunk: counted as `split_whitespace` counts, and a count to a limit
    /// is the whole count up to it and `limit + 1` past it.
    #[test]
    fn every_ascii_byte_at_every_place_is_counted_as_split_whitespace_does() {
        let line = "ab cd  ef\tgh ij kl mn op q";
        for b in 0u8..0x80 {
            for at in 0..line.len() {
                let mut bytes = line.as_bytes().to_vec();
                bytes[at] = b;
                let s = String::from_utf8(bytes).unwrap();
                let all = s.split_whitespace().count();
                assert_eq!(count_words(&s), all, "{s:?}");
                for limit in 0..12 {
                    assert_eq!(
                        count_words_to(&s, limit),
                        all.min(limit + 1),
                        "{s:?} {limit}"
                    );
                }
            }
        }
        assert_eq!(count_words_to("a b c", usize::MAX), 3);
        assert_eq!(count_words_to("é b c d", 1), 2);
    }
}
