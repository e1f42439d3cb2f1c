//! Phase 4: quotations the tagger did not take. A quotation that stands as
//! a sentence, or a longer one inside a sentence with a speaker named next
//! to it, becomes a quote; its speaker is found by rule a few tokens before
//! or after it.

use super::spans::starts_sentence;
use super::speaker::{find_speaker, Speakers};
use super::{Building, Built};
use crate::analysis::{Quote, QuoteKind};
use crate::quotes::marks::Marked;
use crate::tokens::TokenKind;
use std::ops::Range;

/// How many tokens either side of a quotation its attribution may be.
const SPEAKER_REACH: usize = 12;
/// The fewest words a quotation holds to be a quote ...
const MIN_WORDS: usize = 2;
/// ... and to be a partial quote (one inside a sentence).
const MIN_PARTIAL_WORDS: usize = 4;

/// Adds a quote for each marked span no quote took or overlaps.
#[inline(never)]
pub(super) fn add(
    built: &mut Built,
    speakers: &Speakers,
    paras: &[Range<usize>],
    marked: &[Marked],
) {
    let doc = speakers.doc;
    let toks = &doc.tokens;
    let taken_spans = TakenSpans::of(built);
    for (k, m) in marked.iter().enumerate() {
        if built.taken[k].is_some() || taken_spans.overlaps(m.start, m.end) {
            continue;
        }
        let close = m.close.unwrap_or(m.after);
        let direct = starts_sentence(doc, m);
        let n_words = toks[m.inner..close.min(toks.len())]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        if !direct && n_words < MIN_PARTIAL_WORDS || n_words < MIN_WORDS {
            continue;
        }
        let sent = doc.sentence_tokens(m.inner).unwrap_or(m.open..close);
        let before = sent.start.max(m.open.saturating_sub(SPEAKER_REACH))..m.open.max(sent.start);
        let after = (close + 1).min(sent.end)..sent.end.min(close + 1 + SPEAKER_REACH);
        let para = paras
            .partition_point(|p| p.end <= m.open)
            .min(paras.len().saturating_sub(1));
        let found = find_speaker(doc, after, speakers.mentions, true)
            .or_else(|| find_speaker(doc, before, speakers.mentions, false));
        let (speaker, cue) = match found {
            Some((sp, cue)) => {
                let (s, e) = sp.bytes();
                (Some(speakers.resolve(s, e, para, built.last)), Some(cue))
            }
            None => (None, None),
        };
        if speaker.is_none() && !direct {
            continue;
        }
        let kind = if direct {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        let quote = Quote {
            kind,
            start: m.start,
            end: m.end,
            text: doc.text[m.start..m.end].to_string(),
            speaker,
            cue,
            cue_class: None,
        };
        let marks = Some((m.open, close));
        built.push(Building { para, quote, marks });
    }
}

/// The byte spans of the quotes built before this phase, for an overlap
/// test by binary search.
struct TakenSpans {
    /// Sorted by start.
    spans: Vec<(usize, usize)>,
    /// The running maximum of the ends.
    reach: Vec<usize>,
}

impl TakenSpans {
    fn of(built: &Built) -> TakenSpans {
        let mut spans: Vec<(usize, usize)> = built
            .quotes
            .iter()
            .map(|b| (b.quote.start, b.quote.end))
            .collect();
        spans.sort_unstable();
        let mut reach = Vec::with_capacity(spans.len());
        let mut r = 0;
        for &(_, e) in &spans {
            r = r.max(e);
            reach.push(r);
        }
        TakenSpans { spans, reach }
    }

    /// Whether any span overlaps `s..e`: the last span starting before `e`
    /// or an earlier one reaches past `s`.
    fn overlaps(&self, s: usize, e: usize) -> bool {
        let k = self.spans.partition_point(|x| x.0 < e);
        k > 0 && self.reach[k - 1] > s
    }
}
