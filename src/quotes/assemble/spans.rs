//! Small span helpers the phases share: where a quotation stands, the
//! trimmed content of indirect speech, and the cue's words.

use super::speaker::Speakers;
use super::{Building, Built};
use crate::analysis::{Quote, QuoteKind, Span};
use crate::lexicon::{cues, function_words, pronouns};
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

/// Adds the clause `clause` (tokens) as indirect speech of the cue at token
/// `cue`, said by the tokens `subject`, unless a quote overlaps it: phases
/// 4b and 4c, for what the tagger left untagged or cut short.
pub(super) fn add_clause(
    built: &mut Built,
    speakers: &Speakers,
    paras: &[Range<usize>],
    (clause, cue, subject): (Range<usize>, usize, Option<Range<usize>>),
) {
    let doc = speakers.doc;
    let text = doc.text;
    let (s, e) = trim(doc, clause);
    if e <= s || widen_tagged(built, text, doc.tokens[cue].start, s, e) {
        return;
    }
    let para = paras
        .partition_point(|p| p.end <= cue)
        .min(paras.len().saturating_sub(1));
    let quote = Quote {
        kind: QuoteKind::Indirect,
        start: s,
        end: e,
        text: text[s..e].to_string(),
        speaker: subject.map(|r| speakers.of_tokens(r, para, built.last)),
        cue: Some(cue_span(doc, &(cue..cue + 1))),
        cue_class: None,
    };
    built.push(Building { para, quote, marks: None });
}

/// Whether a quote overlaps `s..e`; one the tagger cut short ("told them
/// [she] had spoken"), of the cue at byte `cue`, indirect and inside the
/// clause, is widened to all of it.
fn widen_tagged(built: &mut Built, text: &str, cue: usize, s: usize, e: usize) -> bool {
    let overlaps = |q: &Quote| q.start < e && s < q.end;
    let same_cue = |q: &Quote| q.cue.as_ref().is_some_and(|c| c.start == cue);
    let short = built.quotes.iter_mut().map(|b| &mut b.quote).find(|q| {
        overlaps(q) && same_cue(q) && q.kind == QuoteKind::Indirect && q.start >= s && q.end <= e
    });
    if let Some(q) = short {
        q.start = s;
        q.end = e;
        q.text = text[s..e].to_string();
        return true;
    }
    built.quotes.iter().any(|b| overlaps(&b.quote))
}

/// Whether `w` may be a noun inside a speaker's phrase ("space" and
/// "agency" in "the Russian space agency", "spokesman" in "Clinton
/// spokesman Brian Fallon"): a lower-case word that is no article, clause
/// opener, preposition, possessive, auxiliary or adverb, verb form or cue
/// word.
pub(super) fn may_be_noun(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && !(function_words::is_article(w)
            || function_words::opens_clause(w)
            || function_words::is_preposition(w)
            || function_words::comes_before_verb(w)
            || pronouns::is_possessive(w)
            || w == "which"
            || w.ends_with("ly")
            || w.ends_with("ing")
            || is_verb_like(w)
            || cues::classes_of(w) != 0)
}

/// An auxiliary, a modal, a form of "be" or "have", or a past tense.
pub(super) fn is_verb_like(w: &str) -> bool {
    // The lexicon's tests ignore case; the suffixes are compared as bytes.
    let ends = |suffix: &[u8]| w.len() >= suffix.len() && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    function_words::is_be(w)
        || (function_words::comes_before_verb(w) && !ends(b"ly"))
        || matches!(w, "'d" | "’d" | "'ll" | "’ll")
        || function_words::is_irregular_past(w)
        || (w.len() > 4 && ends(b"ed"))
}

