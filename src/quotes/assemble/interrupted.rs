//! Phase 6: "“We will,” he said, “do it.”": one quotation interrupted by its
//! attribution becomes one quote over both parts, with the attribution's
//! speaker and cue.

use super::{is_cue_word, Building};
use crate::analysis::Quote;
use crate::doc::Doc;

/// The most tokens an interrupting attribution runs to ("he said,").
const MAX_INTERRUPTION: usize = 10;

/// The quotes in text order, interrupted quotations merged.
#[inline(never)]
pub(super) fn merge(doc: &Doc, mut quotes: Vec<Building>) -> Vec<Quote> {
    quotes.sort_by_key(|b| (b.quote.start, b.quote.end));
    let mut merged: Vec<Building> = Vec::with_capacity(quotes.len());
    for b in quotes {
        if let Some(prev) = merged.last_mut() {
            if interrupts(doc, prev, &b) {
                let (po, _) = prev.marks.unwrap_or_default();
                let (_, c) = b.marks.unwrap_or_default();
                let p = &mut prev.quote;
                p.end = b.quote.end;
                p.text = doc.text[p.start..p.end].to_string();
                if p.speaker.is_none() {
                    p.speaker = b.quote.speaker;
                    p.cue = b.quote.cue.or(p.cue.take());
                }
                prev.marks = Some((po, c));
                continue;
            }
        }
        merged.push(b);
    }
    merged.into_iter().map(|b| b.quote).collect()
}

/// Whether quotation `next` continues `prev` after a short attribution: the
/// first part ends with a comma, and the words between them are a clause
/// with a cue word ending in a comma, without a sentence end.
fn interrupts(doc: &Doc, prev: &Building, next: &Building) -> bool {
    let (text, toks) = (doc.text, &doc.tokens);
    let (Some((_, pc)), Some((o, _))) = (prev.marks, next.marks) else {
        return false;
    };
    let between = &toks[(pc + 1).min(o)..o];
    prev.quote.text.ends_with(',')
        && !between.is_empty()
        && between.len() <= MAX_INTERRUPTION
        && between.last().is_some_and(|t| t.text(text) == ",")
        && between
            .iter()
            .all(|t| !matches!(t.text(text), "." | "!" | "?"))
        && between.iter().any(|t| is_cue_word(t.text(text)))
}
