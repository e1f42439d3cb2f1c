//! Signed lines: a quotation that makes up its paragraph, signed with a dash
//! and a name, as readers' comments, epigraphs and round-ups print them:
//!
//! * `“Fear. I am afraid of what comes next.” ― Jane Roe`
//! * a quoted paragraph, then a paragraph of its own: `- Jane Roe, a nurse.`
//!
//! The name after the dash is the speaker. A paragraph that opens with a
//! closing mark (`”Fear. ...”`, a misprinted opening mark) counts as quoted
//! here, since the signature shows it is one quotation. A dash followed by
//! words in lower case ("— Reduce job-killing regulations") or by a name
//! after a quotation that does not open the paragraph ("... was “the No. 1
//! force.”--Kim Doe", a reporter signing a live-blog entry) is no signature.

use crate::analysis::{CueClass, Entity, Label, Mention, Quote, QuoteKind, Span, Speaker};
use crate::doc::Doc;
use crate::mentions::within;
use crate::tokens::{Token, TokenKind};
use std::ops::Range;

/// The most words a signature's name has (before any comma).
const MAX_NAME_WORDS: usize = 6;
/// The most tokens after the name's comma ("Jane Roe, a nurse in Ohio.").
const MAX_DESCRIPTION_TOKENS: usize = 16;
/// Lower-case words a name may hold ("Azucena de la Cruz").
const NAME_PARTICLES: &[&str] = &["de", "la", "del", "da", "van", "von", "der", "bin", "al", "y"];

/// Adds the signed lines of the paragraphs `paras` (token ranges) to `out`;
/// each replaces the quotes that cover most of it or start where it does
/// (shorter attributions inside it stay).
// Not inlined: `quotes::find_with` stays small enough for V8's optimising
// compiler.
#[inline(never)]
pub(super) fn add(
    doc: &Doc,
    paras: &[Range<usize>],
    mentions: &[Mention],
    entities: &[Entity],
    out: &mut Vec<Quote>,
) {
    for i in 0..paras.len() {
        if let Some(q) = signed_line(doc, paras, i, mentions, entities) {
            let shared = |o: &Quote| o.end.min(q.end).saturating_sub(o.start.max(q.start));
            out.retain(|o| shared(o) * 2 <= q.end - q.start && o.start != q.start);
            out.push(q);
        }
    }
}

/// The signed quotation of paragraph `i` of `paras` (token ranges), if it is
/// one, or the quotation of paragraph `i - 1` when paragraph `i` is only a
/// signature.
fn signed_line(
    doc: &Doc,
    paras: &[Range<usize>],
    i: usize,
    mentions: &[Mention],
    entities: &[Entity],
) -> Option<Quote> {
    let text = doc.text;
    let toks = &doc.tokens[paras[i].clone()];
    // A dash's first byte is '-' or 0xE2 (the UTF-8 lead byte of '–', '—'
    // and '―'): it rules out almost every token without slicing the text.
    let dash_at = |t: &Token| matches!(text.as_bytes().get(t.start), Some(b'-' | 0xE2));
    let dash = toks
        .iter()
        .rposition(|t| dash_at(t) && is_dash(t.text(text)))?;
    let name = signature(text, &toks[dash + 1..])?;
    let quoted = if dash == 0 {
        let prev = &doc.tokens[paras.get(i.checked_sub(1)?)?.clone()];
        quoted_whole(text, prev)?
    } else {
        quoted_whole(text, &toks[..dash])?
    };
    let entity = person_entity(text, mentions, entities, name.0, name.1);
    Some(labelled_quote(text, quoted, name, entity, toks[dash]))
}

/// A direct quote at byte span `quoted` whose speaker, named at byte span
/// `name`, is labelled by a mark (`cue`: a signature's dash, a transcript's
/// colon) rather than a verb.
pub(super) fn labelled_quote(
    text: &str,
    (start, end): (usize, usize),
    name: (usize, usize),
    entity: Option<usize>,
    cue: Token,
) -> Quote {
    Quote {
        kind: QuoteKind::Direct,
        start,
        end,
        text: text[start..end].to_string(),
        speaker: Some(Speaker {
            start: name.0,
            end: name.1,
            text: text[name.0..name.1].to_string(),
            entity,
            refers_to: None,
        }),
        cue: Some(Span::of(text, cue.start, cue.end)),
        cue_class: Some(CueClass::Speech),
    }
}

fn is_dash(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, '-' | '–' | '—' | '―'))
}

/// The byte span of the name in the tokens after a dash: capitalised words
/// (particles and initials allowed), optionally followed by a comma and a
/// short description, and a final full stop.
fn signature(text: &str, toks: &[Token]) -> Option<(usize, usize)> {
    let toks = match toks.last() {
        Some(t) if t.text(text) == "." => &toks[..toks.len() - 1],
        _ => toks,
    };
    let comma = toks.iter().position(|t| t.text(text) == ",");
    let name = &toks[..comma.unwrap_or(toks.len())];
    let description = comma.map_or(0, |c| toks.len() - c - 1);
    let words = name.iter().filter(|t| t.kind == TokenKind::Word).count();
    let capitalised = |t: &Token| {
        let w = t.text(text);
        match t.kind {
            TokenKind::Word => {
                w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(&w)
            }
            _ => w == ".",
        }
    };
    let first_capital = name
        .first()
        .is_some_and(|t| t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase));
    if !first_capital
        || words > MAX_NAME_WORDS
        || description > MAX_DESCRIPTION_TOKENS
        || comma.is_some() && description == 0
        || !name.iter().all(capitalised)
    {
        return None;
    }
    Some((name[0].start, name[name.len() - 1].end))
}

/// The byte span inside the marks of tokens that are one quotation: they
/// open with a quotation mark (a closing one too, see the module's note)
/// and end with a closing one.
fn quoted_whole(text: &str, toks: &[Token]) -> Option<(usize, usize)> {
    let is_mark = |t: &Token| {
        t.kind.is_quote_mark() && !matches!(t.text(text), "‘" | "’")
    };
    let width = |at_start: bool| {
        let apostrophes = |a: &Token, b: &Token| {
            a.text(text) == "'" && b.text(text) == "'" && a.end == b.start
        };
        let n = toks.len();
        match (at_start, n >= 2) {
            (true, true) if apostrophes(&toks[0], &toks[1]) => 2,
            (false, true) if apostrophes(&toks[n - 2], &toks[n - 1]) => 2,
            _ => 1,
        }
    };
    let (first, last) = (toks.first()?, toks.last()?);
    let (a, b) = (width(true), toks.len().checked_sub(width(false))?);
    // A lone straight apostrophe is no double mark.
    let lone_apostrophe = |t: &Token, w: usize| t.text(text) == "'" && w == 1;
    if !is_mark(first)
        || !is_mark(last)
        || lone_apostrophe(first, a)
        || lone_apostrophe(last, toks.len() - b)
        || last.kind == TokenKind::OpenQuote
        || b <= a
    {
        return None;
    }
    Some((toks[a].start, toks[b - 1].end))
}

/// The person a speaker span names: a person mention inside it, else the
/// person of the article whose surname is its last word ("PENCE").
pub(super) fn person_entity(
    text: &str,
    mentions: &[Mention],
    entities: &[Entity],
    start: usize,
    end: usize,
) -> Option<usize> {
    let last = text[start..end].split_whitespace().last()?;
    within(mentions, start, end)
        .iter()
        .filter(|m| m.label == Label::Person)
        .find_map(|m| m.entity)
        .or_else(|| {
            entities.iter().position(|e| {
                e.label == Label::Person
                    && e
                        .name
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| w.eq_ignore_ascii_case(last))
            })
        })
}
