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

/// Per-page counts of the article-extraction benchmarks' body score: both
/// texts split into `\w+` tokens, 4-token shingles counted on each side
/// (with multiplicity); returns (precision, recall) of the predicted text's
/// shingles against the gold text's. Averaged over pages, the F1 of the two
/// averages is the body F1 the pages issue reports. An empty side scores 0.
pub fn shingle_pr(predicted: &str, gold: &str) -> (f64, f64) {
    let (p, g) = (shingles(predicted), shingles(gold));
    let total_p: usize = p.values().sum();
    let total_g: usize = g.values().sum();
    let shared: usize = p
        .iter()
        .map(|(k, &n)| n.min(g.get(k).copied().unwrap_or(0)))
        .sum();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (ratio(shared, total_p), ratio(shared, total_g))
}

/// F1 of averaged precision and recall (what [`shingle_pr`] feeds).
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The `\w+` tokens of `text` (letters, digits, marks and `_`, as Python's
/// Unicode `\w`), in 4-token windows; a text of 1-3 tokens is one shingle.
fn shingles(text: &str) -> std::collections::HashMap<Vec<&str>, usize> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = std::collections::HashMap::new();
    if !words.is_empty() && words.len() < 4 {
        out.insert(words.clone(), 1);
    }
    for w in words.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod shingle_tests {
    use super::*;

    #[test]
    fn shingles_count_shared_windows_with_multiplicity() {
        // 5 tokens: 2 shingles each side, one shared.
        let (p, r) = shingle_pr("a b c d e", "a b c d x");
        assert_eq!((p, r), (0.5, 0.5));
        // Punctuation and spacing do not matter; case does.
        assert_eq!(
            shingle_pr("One, two; three four", "One two three four"),
            (1.0, 1.0)
        );
        assert_eq!(
            shingle_pr("one two three four", "One two three four"),
            (0.0, 0.0)
        );
        // The whole gold kept plus as much again of menu text: precision 1/2.
        let (p, r) = shingle_pr("a b c d e f g h i j k", "a b c d e");
        assert_eq!(r, 1.0);
        assert!((p - 2.0 / 8.0).abs() < 1e-9);
        assert_eq!(shingle_pr("", "a b c d"), (0.0, 0.0));
        assert_eq!(f1(0.5, 1.0), 2.0 / 3.0);
    }
}
