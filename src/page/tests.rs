//! The page stage, by example.

use super::*;

fn para(words: &str, n: usize) -> String {
    (0..n).map(|_| words).collect::<Vec<_>>().join(" ")
}

#[test]
fn placeholder_builds() {
    let p = read_html(&format!(
        "<p>{}</p>",
        para("Rain fell, and the river rose.", 5)
    ));
    assert!(p.text.contains("river rose"));
}
