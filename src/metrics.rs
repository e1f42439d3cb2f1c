//! Precision, recall and F1 from counts, as the NER and quotes evaluations
//! report them.

/// (precision, recall, F1) of `matched` items out of `predicted` and `gold`;
/// 0 where a ratio has nothing to divide by.
pub fn prf(matched: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(matched, predicted), ratio(matched, gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    #[test]
    fn precision_recall_and_f1() {
        assert_eq!(super::prf(3, 4, 6), (0.75, 0.5, 0.6));
        assert_eq!(super::prf(0, 0, 5), (0.0, 0.0, 0.0));
    }
}
