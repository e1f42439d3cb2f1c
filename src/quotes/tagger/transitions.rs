//! The stored model's dynamic features summed ahead of decoding. Six of the
//! seven (see [`super::dynamic_features`]) read only the previous class or
//! two and one small token fact, so their rows are summed once per model
//! into tables indexed by those values; only `PrevClassWord` is still
//! hashed per token. The sums are the same exact integers the hashed path
//! adds up, so the scores are bit for bit the same.

use super::{Key, Tok, NCLASS, ROW, T};

/// Values of a token's quotation state (see [`Tok`]'s `quote`).
const QUOTES: usize = 3;
/// Values of a cue class set: one bit for each of the five cue lists.
const CUES: usize = 32;
/// Values of a mention code (see `ner_code`): at most 7 + 16 + 64.
const NERS: usize = 128;
/// Values of a punctuation code (see `WordFacts::of`).
const PUNCTS: usize = 7;

/// One row of exact integer sums of `q * |q|`, as `Model::sum` gives.
type Row = [i32; ROW];

/// The summed rows of the six class-and-fact features, by previous class.
pub(super) struct Transitions {
    /// `PrevClass` and `PrevClasses`, by the previous class, then the one before.
    classes: [[Row; NCLASS]; NCLASS],
    /// `PrevClassQuote`, by the previous class, then the quotation state.
    quote: [[Row; QUOTES]; NCLASS],
    /// `PrevClassCue`, by the previous class, then the cue class set.
    cue: [[Row; CUES]; NCLASS],
    /// `PrevClassNer`, by the previous class, then the mention code.
    ner: [[Row; NERS]; NCLASS],
    /// `PrevClassPunct`, by the previous class, then the punctuation code.
    punct: [[Row; PUNCTS]; NCLASS],
}

impl Transitions {
    /// Tables of zeros (for a model whose rows are not summed yet).
    pub(super) fn empty() -> Box<Transitions> {
        Box::new(Transitions {
            classes: [[[0; ROW]; NCLASS]; NCLASS],
            quote: [[[0; ROW]; QUOTES]; NCLASS],
            cue: [[[0; ROW]; CUES]; NCLASS],
            ner: [[[0; ROW]; NERS]; NCLASS],
            punct: [[[0; ROW]; PUNCTS]; NCLASS],
        })
    }

    /// Sums every table entry's rows with `sum` (the model's own row sum).
    pub(super) fn new(sum: impl Fn(&[u32]) -> Row) -> Box<Transitions> {
        let mut t = Transitions::empty();
        let f = Key::new;
        for p1 in 0..NCLASS {
            let k = |template: T| f(template).u32(p1 as u32);
            for (p2, row) in t.classes[p1].iter_mut().enumerate() {
                let keys = [k(T::PrevClass).key(), k(T::PrevClasses).u32(p2 as u32).key()];
                *row = sum(&keys);
            }
            let tables: [(T, &mut [Row]); 4] = [
                (T::PrevClassQuote, &mut t.quote[p1]),
                (T::PrevClassCue, &mut t.cue[p1]),
                (T::PrevClassNer, &mut t.ner[p1]),
                (T::PrevClassPunct, &mut t.punct[p1]),
            ];
            for (template, rows) in tables {
                for (v, row) in rows.iter_mut().enumerate() {
                    *row = sum(&[k(template).u32(v as u32).key()]);
                }
            }
        }
        t
    }

    /// The summed rows of token `x`'s six class-and-fact features after
    /// classes `p1` and `p2`; `None` when a value falls outside the tables
    /// (then the hashed path scores the token).
    #[inline]
    pub(super) fn sum(&self, x: &Tok, p1: u8, p2: u8) -> Option<Row> {
        let p1 = p1 as usize;
        let rows = [
            self.classes.get(p1)?.get(p2 as usize)?,
            self.quote.get(p1)?.get(x.quote as usize)?,
            self.cue.get(p1)?.get(x.cue as usize)?,
            self.ner.get(p1)?.get(x.ner as usize)?,
            self.punct.get(p1)?.get(x.punct as usize)?,
        ];
        let mut out = [0; ROW];
        for row in rows {
            for (o, v) in out.iter_mut().zip(row) {
                *o += v;
            }
        }
        Some(out)
    }
}

/// The key of `PrevClassWord`, the one dynamic feature left hashed.
#[inline]
pub(super) fn class_word_key(x: &Tok, p1: u8) -> u32 {
    Key::new(T::PrevClassWord).u32(p1 as u32).u32(x.word).key()
}

#[cfg(test)]
mod tests {
    use super::super::{Model, Scorer, Sequence, Weights};
    use super::*;

    /// The stored model's weights, scored only by hashed keys.
    struct Hashed<'m>(&'m Model<'static>);
    impl Scorer<NCLASS> for Hashed<'_> {
        fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
            self.0.add(key, acc);
        }
        fn add_all(&self, keys: &[u32], acc: &mut [f32; NCLASS]) {
            self.0.add_all(keys, acc);
        }
    }
    impl Weights for Hashed<'_> {}

    /// Every table value, and values past the tables, after every pair of
    /// classes: the summed tables give the hashed path's scores exactly.
    #[test]
    fn summed_tables_score_as_the_hashed_features() {
        let model = crate::quotes::model();
        let mut toks = Vec::new();
        for (k, v) in (0..=u8::MAX).enumerate() {
            toks.push(Tok {
                word: (k as u32).wrapping_mul(0x9E37_79B9),
                quote: v % 4,
                cue: v,
                ner: v.rotate_left(3),
                punct: v % 9,
                ..Tok::default()
            });
        }
        let seq = Sequence { toks };
        let mut feats = Vec::new();
        for i in 0..seq.toks.len() {
            for p1 in 0..NCLASS as u8 {
                for p2 in 0..NCLASS as u8 {
                    let base = [0.25f32, -1.5, 3.0, 0.0, -0.125, 7.0, 1e-3];
                    let (mut want, mut got) = (base, base);
                    Hashed(model).add_dynamic(&seq, i, (p1, p2), &mut feats, &mut want);
                    model.add_dynamic(&seq, i, (p1, p2), &mut feats, &mut got);
                    assert_eq!(want.map(f32::to_bits), got.map(f32::to_bits), "{i} {p1} {p2}");
                }
            }
        }
    }
}
