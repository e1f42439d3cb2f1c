//! The party-and-state label after a US politician's name: "Sen. Jane Roe
//! (D-N.Y.) said", "Rep. John Doe (R-Calif.)", "Mayor Jane Roe (D)", and
//! AP's "Roe, D-Mass., said". The person's affiliation is the state, as
//! written ("N.Y."); a party alone gives none. The label never hides a
//! role after it ("Rep. Jane Roe (D-N.Y.), the committee chairwoman,").

use super::phrase::Words;
use crate::analysis::{Mention, MentionKind};
use crate::doc::Doc;
use crate::lexicon::parties;
use std::ops::Range;

/// Words that name a party as an affiliation: the state a label gives says
/// more ("Democratic Sen. Jane Roe (D-N.Y.)"). Lowercase and sorted.
const PARTY_WORDS: &[&str] = &["democrat", "democratic", "gop", "independent", "libertarian", "republican"];

/// A label found after a name.
pub(super) struct Label {
    /// The token after the label: after its ")", or its closing comma.
    pub next: usize,
    /// The state's bytes in the text ("N.Y." in "D-N.Y."), if it names one.
    pub state: Option<Range<usize>>,
}

/// The label right after the name that ends at token `b`, in the sentence
/// `sent`: "(" label ")" or "," label "," (or the sentence's end).
pub(super) fn after(doc: &Doc, sent: &Range<usize>, b: usize) -> Option<Label> {
    let text = doc.text;
    let w = |k: usize| {
        if sent.contains(&k) {
            doc.tokens[k].text(text)
        } else {
            ""
        }
    };
    let open = w(b);
    if !matches!(open, "(" | ",") {
        return None;
    }
    let word = doc.tokens.get(b + 1).filter(|_| sent.contains(&(b + 1)))?;
    let p = parties::party_state(word.text(text))?;
    // "(D)" alone; after a comma, only a label with its state ("Roe, D-Mass.,").
    if open == "," && p.state_at.is_none() {
        return None;
    }
    let mut end = word.end;
    let mut k = b + 2;
    // "D-N.Y" "." : the abbreviation's dot, written right after it.
    if p.dotted && w(k) == "." && doc.tokens[k].start == word.end {
        end = doc.tokens[k].end;
        k += 1;
    }
    let next = match (open, w(k)) {
        ("(", ")") => k + 1,
        (",", ",") => k,
        // "..., said Sen. Jane Roe, D-Mass." : the dot ends the sentence too.
        (",", "") if end > word.end => k,
        (",", ".") => k,
        _ => return None,
    };
    let state = p.state_at.map(|at| word.start + at..end);
    Some(Label { next, state })
}

/// The token after a label that follows the name ending at `b`, or `b`.
pub(super) fn skip(ws: &Words, b: usize) -> usize {
    after(ws.doc(), &ws.sent, b).map_or(b, |l| l.next)
}

/// Where the label that ends right before token `k` starts (its "("), or
/// `k` when there is none: "Jon Roe [(D-Mont.)] and Ann Doe".
pub(super) fn label_before(ws: &Words, k: usize) -> usize {
    if ws.w(k.wrapping_sub(1)) != ")" {
        return k;
    }
    (k.saturating_sub(4)..k.saturating_sub(2))
        .filter(|&open| open >= ws.sent.start)
        .find(|&open| after(ws.doc(), &ws.sent, open).is_some_and(|l| l.next == k))
        .unwrap_or(k)
}

/// The state a label after one of a person's name mentions gives.
pub(super) fn state(doc: &Doc, mentions: &[Mention], of: &[usize]) -> Option<Range<usize>> {
    of.iter().find_map(|&i| {
        let m = &mentions[i];
        // Most names are followed by neither mark: no token look-up for them.
        let next = doc.text[m.end..].trim_start().as_bytes().first();
        if m.kind != MentionKind::Name || !matches!(next, Some(b'(' | b',')) {
            return None;
        }
        let b = doc.token_range(m.start, m.end).end;
        let sent = doc.sentence_tokens(b.checked_sub(1)?)?;
        after(doc, &sent, b)?.state
    })
}

/// Whether an affiliation is only a party ("Democratic"), which a state
/// from a label may replace.
pub(super) fn is_party(affiliation: &str) -> bool {
    crate::lexicon::holds(PARTY_WORDS, affiliation)
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_lists_are_sorted() {
        assert!(crate::lexicon::is_sorted_lowercase(super::PARTY_WORDS));
    }
}
