//! A title in lower case before a name, with the words that complete it:
//! "former secretary of state Jane Roe", "undersecretary for management
//! John Doe", "chief of staff Ann Lee" (AP and the Washington Post write a
//! title in lower case when it describes).

use super::phrase::Words;
use crate::lexicon::{holds, roles};

/// The most lowercase words between the preposition and the name.
const MAX_PORTFOLIO_WORDS: usize = 3;

/// Heads whose "for" names a portfolio ("undersecretary for management",
/// "vice president for research"); after another head, "for" names a
/// client ("lawyer for defendant Jane Roe"). Lowercase and sorted.
const FOR_HEADS: &[&str] = &[
    "administrator", "chancellor", "commissioner", "coordinator", "dean", "director", "minister",
    "officer", "president", "provost", "secretary", "under-secretary", "undersecretary",
];

/// Where the preposition is in a lowercase title that ends right before
/// the name at token `k`: "secretary [of] state", "undersecretary [for]
/// management". The head is the word before it, in lower case; the words
/// after it are a portfolio ("of state") or, after a head of
/// [`FOR_HEADS`], any lowercase nouns.
pub(super) fn preposition(ws: &Words, k: usize) -> Option<usize> {
    let last = k.checked_sub(1)?;
    // "lawyer for candidate Jane Roe": the word before the name is her title.
    if !noun(ws.w(last)) || roles::is_head(ws.w(last)) {
        return None;
    }
    let floor = ws.sent.start + 1;
    let p = (last.saturating_sub(MAX_PORTFOLIO_WORDS).max(floor)..last)
        .rev()
        .find(|&j| !noun(ws.w(j)))?;
    let head = ws.w(p.checked_sub(1)?);
    if !ws.head(p - 1) || !head.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let words: Vec<&str> = (p + 1..k).map(|j| ws.w(j)).collect();
    let fits = match ws.w(p) {
        "of" => roles::is_portfolio(&words),
        "for" => holds(FOR_HEADS, head),
        _ => false,
    };
    fits.then_some(p)
}

/// A lowercase noun that may name a portfolio: letters and hyphens, no
/// closed-class word ("the", "of").
fn noun(w: &str) -> bool {
    w.len() >= 2
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !crate::lexicon::function_words::is_article(w)
        && !matches!(w, "of" | "for" | "and" | "to" | "in" | "on" | "at" | "by" | "with" | "from")
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_lists_are_sorted() {
        assert!(crate::lexicon::is_sorted_lowercase(super::FOR_HEADS));
    }
}
