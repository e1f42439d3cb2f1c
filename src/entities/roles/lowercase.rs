//! A title in lower case before a name, with the words that complete it:
//! "former secretary of state Jane Roe", "undersecretary for management
//! John Doe", "chief of staff Ann Lee" (AP and the Washington Post write a
//! title in lower case when it describes); and a title whose portfolio the
//! tagger took for an organisation ("Assistant Secretary of [State for
//! Political Affairs] Jane Roe").

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
    if !noun(ws.w(last)) {
        return None;
    }
    let floor = ws.sent.start + 1;
    let p = (last.saturating_sub(MAX_PORTFOLIO_WORDS).max(floor)..last)
        .rev()
        .find(|&j| !noun(ws.w(j)))?;
    let head = ws.w(p.checked_sub(1)?);
    // "lawyer for candidate Jane Roe": the word before the name is her title.
    if !matches!(ws.w(p), "of" | "for")
        || !head.starts_with(|c: char| c.is_ascii_lowercase())
        || roles::is_head(ws.w(last))
        || !ws.head(p - 1)
    {
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

/// "Assistant Secretary [of] State for Political Affairs Jane Roe": where
/// "of" is when the name that ends right before the name at token `k`
/// (tagged as an organisation) starts after a title and "of" with a
/// portfolio.
pub(super) fn named_portfolio(ws: &Words, k: usize) -> Option<usize> {
    let (r, _) = ws.name_at(k.checked_sub(1)?)?;
    let of = r.start.checked_sub(1)?;
    if r.end != k || ws.w(of) != "of" || of <= ws.sent.start || !roles::is_title(ws.w(of - 1)) {
        return None;
    }
    let portfolio = (1..=3).any(|n| n < r.end - r.start && roles::is_portfolio(&(r.start..r.start + n).map(|j| ws.w(j)).collect::<Vec<_>>()));
    portfolio.then_some(of)
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
