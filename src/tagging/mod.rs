//! What the two sequence taggers share: the named-entity tagger
//! ([`crate::ner`]) and the attribution tagger (`quotes::tagger`) both
//! score hashed features against a set of classes with weights embedded in
//! the binary.
//!
//! - [`Scorer`]: anything that adds a feature key's weights to class
//!   scores (a stored model, or a trainer's weights);
//! - [`best`]: the best class that may follow the previous one;
//! - [`Fnv`], [`hash_str`]: the string hash both take word keys from (the
//!   NER lexicon builder computes the same function);
//! - `feature_templates!`: the numbered feature templates of a
//!   tagger, so that two templates sharing a number is a compile error or a
//!   test failure, never a silent collision of their features;
//! - [`Reader`], [`embedded`]: reading weights in place from their bytes, and
//!   the one failure policy for the embedded models: one that cannot be read
//!   stops the analysis at load with a message, in every build; it never
//!   becomes an empty model that silently finds nothing.

mod hash;
mod templates;
mod weights;

pub use hash::{hash_str, Fnv};
pub(crate) use templates::feature_templates;
pub use weights::{embedded, Reader};

/// What scores a feature key against `N` classes.
pub trait Scorer<const N: usize> {
    fn add(&self, key: u32, acc: &mut [f32; N]);

    /// Adds the rows of all `keys`.
    fn add_all(&self, keys: &[u32], acc: &mut [f32; N]) {
        for &k in keys {
            self.add(k, acc);
        }
    }
}

/// The best-scoring class that `allowed` lets follow `prev` (the lowest on
/// ties); class 0 when none is allowed.
pub fn best<const N: usize>(acc: &[f32; N], prev: u8, allowed: impl Fn(u8, u8) -> bool) -> u8 {
    let mut b = 0;
    let mut bs = f32::NEG_INFINITY;
    for (c, &s) in acc.iter().enumerate() {
        if allowed(prev, c as u8) && s > bs {
            bs = s;
            b = c as u8;
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_class_is_the_best_allowed_one() {
        // Class 2 may not follow class 0.
        let allowed = |prev: u8, cur: u8| !(prev == 0 && cur == 2);
        assert_eq!(best(&[0.0, 1.0, 3.0], 1, allowed), 2);
        assert_eq!(best(&[0.0, 1.0, 3.0], 0, allowed), 1);
        assert_eq!(best(&[1.0, 1.0, 0.0], 1, allowed), 0);
    }

    struct Table([[f32; 2]; 4]);
    impl Scorer<2> for Table {
        fn add(&self, key: u32, acc: &mut [f32; 2]) {
            let row = self.0[key as usize % 4];
            acc[0] += row[0];
            acc[1] += row[1];
        }
    }

    #[test]
    fn a_scorer_sums_the_rows_of_all_keys() {
        let t = Table([[1.0, 0.0], [0.0, 2.0], [0.5, 0.5], [0.0, 0.0]]);
        let mut acc = [0.0; 2];
        t.add_all(&[0, 1, 2], &mut acc);
        assert_eq!(acc, [1.5, 2.5]);
    }
}
