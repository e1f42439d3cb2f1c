//! Entity-level exact-match scoring in the style of conlleval.

use super::{EntityType, Tag};

const TYPES: [EntityType; 4] = [
    EntityType::Per,
    EntityType::Org,
    EntityType::Loc,
    EntityType::Misc,
];

/// Entity spans `(start, end_exclusive, type)`; like conlleval, an `I-X`
/// after `O` or another type starts an entity.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = matches!((t, open), (Tag::I(ty), Some((_, o))) if ty == o);
        if !continues {
            if let Some((s, ty)) = open.take() {
                out.push((s, i, ty));
            }
            if let Tag::B(ty) | Tag::I(ty) = t {
                open = Some((i, ty));
            }
        }
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty));
    }
    out
}

/// Counts per type (index `EntityType as usize`): (correct, predicted, gold).
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub by_type: [(usize, usize, usize); 4],
}

impl Counts {
    pub fn add_sentence(&mut self, gold: &[Tag], pred: &[Tag]) {
        self.add_spans(&spans(gold), &spans(pred));
    }

    /// Counts one sentence's gold and predicted spans (as [`spans`] gives
    /// them). Scoring a subset of entities (say, only names never seen in
    /// training) is filtering both lists the same way before this.
    pub fn add_spans(
        &mut self,
        g: &[(usize, usize, EntityType)],
        p: &[(usize, usize, EntityType)],
    ) {
        for &(_, _, ty) in g {
            self.by_type[ty as usize].2 += 1;
        }
        for s in p {
            self.by_type[s.2 as usize].1 += 1;
            if g.contains(s) {
                self.by_type[s.2 as usize].0 += 1;
            }
        }
    }

    /// (precision, recall, F1) of one type, or overall when `None`.
    pub fn prf(&self, ty: Option<EntityType>) -> (f64, f64, f64) {
        let (c, p, g) = match ty {
            Some(t) => self.by_type[t as usize],
            None => self
                .by_type
                .iter()
                .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2)),
        };
        crate::metrics::prf(c, p, g)
    }

    pub fn f1(&self) -> f64 {
        self.prf(None).2
    }

    /// A conlleval-like table.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let row = |name: &str, ty: Option<EntityType>, s: &mut String| {
            let (p, r, f) = self.prf(ty);
            let (c, np, ng) = match ty {
                Some(t) => self.by_type[t as usize],
                None => self
                    .by_type
                    .iter()
                    .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2)),
            };
            s.push_str(&format!(
                "{name:>8}: precision {:6.2}%  recall {:6.2}%  F1 {:6.2}   (correct {c}, predicted {np}, gold {ng})\n",
                100.0 * p,
                100.0 * r,
                100.0 * f
            ));
        };
        for t in TYPES {
            row(t.as_str(), Some(t), &mut s);
        }
        row("overall", None, &mut s);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag> {
        s.split(' ').map(|t| Tag::parse(t).unwrap()).collect()
    }

    #[test]
    fn spans_follow_conlleval() {
        let t = tags("B-PER I-PER O I-LOC B-LOC I-ORG");
        assert_eq!(
            spans(&t),
            [
                (0, 2, EntityType::Per),
                (3, 4, EntityType::Loc),
                (4, 5, EntityType::Loc),
                (5, 6, EntityType::Org)
            ]
        );
    }

    #[test]
    fn filtered_spans_count_only_what_is_left() {
        let (g, p) = (
            spans(&tags("B-PER O B-MISC")),
            spans(&tags("B-PER O B-LOC")),
        );
        let no_misc = |s: &[(usize, usize, EntityType)]| -> Vec<_> {
            s.iter()
                .copied()
                .filter(|x| x.2 != EntityType::Misc)
                .collect()
        };
        let mut c = Counts::default();
        c.add_spans(&no_misc(&g), &no_misc(&p));
        assert_eq!(c.prf(None), (0.5, 1.0, 2.0 / 3.0));
    }

    #[test]
    fn a_boundary_error_costs_precision_and_recall() {
        let mut c = Counts::default();
        c.add_sentence(&tags("B-ORG I-ORG O B-PER"), &tags("B-ORG O O B-PER"));
        let (p, r, f) = c.prf(None);
        assert_eq!((p, r, f), (0.5, 0.5, 0.5));
    }
}
