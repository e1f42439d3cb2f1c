//! FNV-1a, the hash the taggers key words by.

/// FNV-1a over bytes (64 bits); [`Fnv::key`] folds it to the 32-bit keys the
/// weights and lexicons store. `scripts/build_ner_lexicons.py` computes the
/// same function.
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

    /// Hashes `s` lower-cased, without building the lower-case string.
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

    /// The 32-bit key stored in the lexicon and weight files.
    #[inline]
    pub fn key(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

/// The 32-bit FNV-1a key of `s`'s bytes.
pub fn hash_str(s: &str) -> u32 {
    let mut h = Fnv::NEW;
    for &b in s.as_bytes() {
        h.byte(b);
    }
    h.key()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_matches_hash_of_lowercased_text() {
        for w in ["Putin", "ÉCOLE", "straße", "KİM"] {
            let mut h = Fnv::NEW;
            h.lower_str(w);
            assert_eq!(h.key(), hash_str(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn fnv1a_reference_value() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c.
        assert_eq!(hash_str("a"), 0xaf63dc4c ^ 0x8601ec8c);
    }
}
