//! Small span helpers the phases share: where a quotation stands, the
//! trimmed content of indirect speech, and the cue's words.

use crate::analysis::Span;
use crate::quotes::marks::Marked;
use crate::tokens::TokenKind;
use crate::doc::Doc;
use std::ops::Range;

/// Whether the quoted span `m` starts its sentence, or its opening mark
/// follows a colon, comma, dash or a sentence's end (a quotation that stands
/// as a sentence). The sentence splitter may leave an opening `''` with the
/// sentence before it, so the first word inside counts as a start too.
pub(super) fn starts_sentence(doc: &Doc, m: &Marked) -> bool {
    let text = doc.text;
    let open = m.open;
    if open == 0 {
        return true;
    }
    let starts = |i: usize| doc.sentence_tokens(i).is_some_and(|s| s.start == i);
    if starts(open) || starts(m.inner) {
        return true;
    }
    matches!(
        doc.tokens[open - 1].text(text),
        ":" | "," | "—" | "–" | "-" | "--"
    )
}

/// The byte span of content tokens without a leading "that" and trailing punctuation.
pub(super) fn trim(doc: &Doc, mut r: Range<usize>) -> (usize, usize) {
    let text = doc.text;
    let toks = &doc.tokens;
    if r.len() > 2 && toks[r.start].text(text).eq_ignore_ascii_case("that") {
        r.start += 1;
    }
    while r.len() > 1
        && matches!(
            toks[r.end - 1].text(text),
            "," | "." | ":" | ";" | "—" | "–"
        )
    {
        r.end -= 1;
    }
    while r.len() > 1 && matches!(toks[r.start].text(text), "," | ":" | ";" | "—" | "–") {
        r.start += 1;
    }
    if r.is_empty() {
        return (0, 0);
    }
    (toks[r.start].start, toks[r.end - 1].end)
}

/// The cue span, extended over the particle of a phrasal cue ("called on").
pub(super) fn cue_span(doc: &Doc, r: &Range<usize>) -> Span {
    let text = doc.text;
    let toks = &doc.tokens;
    let mut end = r.end;
    if r.len() == 1 {
        let w = toks[r.start].text(text).to_ascii_lowercase();
        let next = toks.get(end).map(|t| t.text(text).to_ascii_lowercase());
        let particle = match w.as_str() {
            "called" | "calls" | "call" | "calling" => {
                matches!(next.as_deref(), Some("on" | "for"))
            }
            "pointed" | "points" | "point" | "pointing" => next.as_deref() == Some("out"),
            _ => false,
        };
        if particle {
            end += 1;
        }
    }
    // "said:" -> "said".
    let mut last = end - 1;
    while last > r.start
        && !matches!(
            toks[last].kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Clitic
        )
    {
        last -= 1;
    }
    Span::of(text, toks[r.start].start, toks[last].end)
}
