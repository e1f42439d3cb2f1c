//! Phase 3: a quote for every attribution. Content that is mostly a
//! quotation, or holds a quotation of a few words, becomes a direct or
//! partial quote over its quotation marks; other content is indirect speech.

use super::link::Attribution;
use super::pieces::Piece;
use super::spans::{cue_span, starts_sentence, trim};
use super::speaker::{according_source, subject_before, Speakers};
use super::{Building, Built};
use crate::analysis::{Quote, QuoteKind};
use crate::quotes::marks::Marked;
use crate::tokens::TokenKind;
use crate::doc::Doc;
use std::ops::Range;

/// Content is a quotation when at least this share of its tokens, as
/// (numerator, denominator), lies inside quotation marks ...
const QUOTED_SHARE: (usize, usize) = (6, 10);
/// ... or when it holds a quotation of at least this many words.
const QUOTED_WORDS: usize = 3;

/// Adds the quotes of `attrs`, in text order.
#[inline(never)]
pub(super) fn add(
    built: &mut Built,
    speakers: &Speakers,
    pcs: &[Piece],
    attrs: &[Attribution],
    marked: &[Marked],
) {
    let doc = speakers.doc;
    let mut order: Vec<usize> = (0..attrs.len()).collect();
    order.sort_by_key(|&i| pcs[attrs[i].content[0]].toks.start);
    // The first marked span that may overlap the next content: contents come
    // in text order, so it only moves forward.
    let mut mi = 0;
    for &ai in &order {
        let a = &attrs[ai];
        let para = pcs[a.content[0]].para;
        let according = a.cue.and_then(|j| according_source(doc, &pcs[j].toks));
        let Some(range) = content_range(pcs, a, according.as_ref()) else {
            continue;
        };
        while mi < marked.len() && marked[mi].after <= range.start && marked[mi].open < range.start
        {
            mi += 1;
        }
        let inside = marks_inside(marked, mi, &range);
        let covered = quoted_tokens(marked, &inside, &range);
        let quotation = !inside.is_empty()
            && (mostly(covered, range.len())
                || inside
                    .iter()
                    .any(|&m| words(doc, &marked[m]) >= QUOTED_WORDS));
        let (kind, start, end, marks) = if quotation {
            // A quotation already taken by an earlier content piece: this
            // piece only lends it a cue and speaker it lacked.
            if let Some(qi) = inside.iter().find_map(|&m| built.taken[m]) {
                lend(
                    &mut built.quotes[qi].quote,
                    speakers,
                    pcs,
                    a,
                    para,
                    built.last,
                );
                continue;
            }
            for &m in &inside {
                built.taken[m] = Some(built.quotes.len());
            }
            let (m0, m1) = (&marked[inside[0]], &marked[inside[inside.len() - 1]]);
            // Content run on past the last closing mark (into the
            // attribution: "“...,” Hart said as she left") does not make a
            // quotation that stands as a sentence partial.
            let upto_close = end_of(m1).min(range.end).saturating_sub(range.start);
            let kind = if mostly(covered, upto_close) && starts_sentence(doc, m0) {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            let marks = Some((m0.open, m1.close.unwrap_or(m1.after)));
            (kind, m0.start, m1.end, marks)
        } else {
            let (s, e) = trim(doc, range.clone());
            if e <= s {
                continue;
            }
            (QuoteKind::Indirect, s, e, None)
        };
        let source = according
            .or_else(|| a.source.map(|j| pcs[j].toks.clone()))
            .or_else(|| {
                let cue = a.cue?;
                subject_before(doc, pcs[cue].toks.start, speakers.mentions)
            });
        let quote = Quote {
            kind,
            start,
            end,
            text: doc.text[start..end].to_string(),
            speaker: source.map(|r| speakers.of_tokens(r, para, built.last)),
            cue: a.cue.map(|j| cue_span(doc, &pcs[j].toks)),
            cue_class: None,
        };
        built.push(Building { para, quote, marks });
    }
}

/// The tokens of an attribution's content; with "according to X, ...", X is
/// the whole phrase up to the comma, so the content starts after it. `None`
/// when nothing is left.
fn content_range(
    pcs: &[Piece],
    a: &Attribution,
    according: Option<&Range<usize>>,
) -> Option<Range<usize>> {
    let first = &pcs[a.content[0]];
    let last = &pcs[*a.content.last().unwrap_or(&a.content[0])];
    let mut range = first.toks.start..last.toks.end;
    for &c in &a.content {
        range.start = range.start.min(pcs[c].toks.start);
        range.end = range.end.max(pcs[c].toks.end);
    }
    if let Some(src) = according {
        if range.start >= src.start && range.start < src.end + 1 {
            range.start = (src.end + 1).min(range.end);
        }
        if range.is_empty() {
            return None;
        }
    }
    Some(range)
}

/// The marked spans from `from` on that overlap the tokens `range`.
fn marks_inside(marked: &[Marked], from: usize, range: &Range<usize>) -> Vec<usize> {
    let mut inside = Vec::new();
    let mut mj = from;
    while mj < marked.len() && marked[mj].open < range.end {
        if end_of(&marked[mj]) > range.start {
            inside.push(mj);
        }
        mj += 1;
    }
    inside
}

/// The token after a marked span (its closing mark, or where it stops).
fn end_of(m: &Marked) -> usize {
    m.close.map_or(m.after, |c| c + 1)
}

/// How many tokens of `range` lie within the marked spans `inside`.
fn quoted_tokens(marked: &[Marked], inside: &[usize], range: &Range<usize>) -> usize {
    inside
        .iter()
        .map(|&m| {
            let m = &marked[m];
            end_of(m)
                .min(range.end)
                .saturating_sub(m.open.max(range.start))
        })
        .sum()
}

/// Whether `covered` of `len` tokens is at least [`QUOTED_SHARE`].
fn mostly(covered: usize, len: usize) -> bool {
    covered * QUOTED_SHARE.1 >= len * QUOTED_SHARE.0
}

/// The words of a marked span.
fn words(doc: &Doc, m: &Marked) -> usize {
    let toks = &doc.tokens;
    toks[m.inner..m.after.min(toks.len())]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count()
}

/// Gives quote `q` the cue and source of attribution `a` when it has no
/// speaker yet.
fn lend(
    q: &mut Quote,
    speakers: &Speakers,
    pcs: &[Piece],
    a: &Attribution,
    para: usize,
    last: Option<super::Recent>,
) {
    let Some(src) = a.source else {
        return;
    };
    if q.speaker.is_none() {
        q.speaker = Some(speakers.of_tokens(pcs[src].toks.clone(), para, last));
        q.cue = a
            .cue
            .map(|j| cue_span(speakers.doc, &pcs[j].toks))
            .or(q.cue.take());
    }
}
