//! Quotes and attributions: who said what.
//!
//! Two components work together:
//!
//! * **Rules for quotation marks** ([`marks`]): every style of mark pairs up
//!   into quoted spans, including nested single quotes and quotes that run
//!   over several paragraphs. A quoted span that is a whole sentence (or
//!   follows "said:" or a comma) is a *direct* quote; one inside a sentence is
//!   a *partial* quote.
//! * **A learned attribution tagger** ([`tagger`]): an averaged perceptron
//!   trained on PolNeAR that labels source, cue and content tokens in every
//!   body paragraph. It finds indirect speech ("X said that ...", "according
//!   to X, ...", "polls show ...") and the speaker and cue of quoted spans.
//!
//! The two meet in [`find`]: each content span the tagger finds is linked to
//! the nearest cue and the source next to that cue; content that is mostly a
//! quotation becomes a direct or partial quote with the exact quoted span,
//! the rest becomes an indirect quote. A quote interrupted by its attribution
//! ("'We will,' he said, 'do it.'") is **one** quote: `start..end` runs from
//! the first part's first word to the last part's last word (so `text`
//! includes the attribution in the middle), and `speaker` and `cue` are those
//! of the attribution. A pronoun or role noun speaker ("he added") resolves to
//! the entity of the previous quote's speaker when that quote is recent.
//! Headlines ending in ": X" are attributed to X by rule.
//!
//! Runs in time linear in the article: one pass for marks, one tagging pass
//! per paragraph, and linking searches bounded to a few sentences.

use crate::analysis::{CueClass, Entity, Mention, Quote, QuoteKind, Span, Speaker};
use crate::article::{in_capitals, is_known_place, Layout, PartKind};
use crate::lexicon::cues::{self, CueList};
use crate::mentions::{overlapping, within};
use crate::tokens::{Token, TokenKind};
use crate::doc::Doc;
use std::ops::Range;
use std::sync::OnceLock;

#[cfg(feature = "train")]
pub mod eval;
pub mod linear;
pub mod marks;
mod signed;
pub mod tagger;

use tagger::Model;

/// Weights written by `cargo run --release --features train --bin train-quotes`.
static WEIGHTS: &[u8] = include_bytes!("../../data/quotes/weights.bin");

/// The embedded attribution tagger, parsed on first use.
pub fn model() -> &'static Model<'static> {
    static MODEL: OnceLock<Model<'static>> = OnceLock::new();
    MODEL.get_or_init(|| crate::tagging::embedded("quotes model", Model::from_bytes(WEIGHTS)))
}

/// Weights of the learned steps after the tagger (the speaker ranker and the
/// quote filter), written
/// by `cargo run --release --features train --bin train-quotes`.
static STEP_WEIGHTS: &[u8] = include_bytes!("../../data/quotes/ranker.bin");

/// The learned steps after the tagger; each is optional (without one, the
/// rules' result stays).
#[derive(Clone, Copy, Default)]
pub struct Steps<'a> {
    /// Scores a quote's speaker candidates (`assemble::choose`).
    pub speaker: Option<linear::Linear<'a>>,
    /// Scores whether a quote attributes anything; below 0 it is dropped
    /// (`assemble::keep`).
    pub keep: Option<linear::Linear<'a>>,
}

impl<'a> Steps<'a> {
    /// The steps in a weights file written by `linear::write`: its first
    /// table is the speaker ranker, its second the quote filter.
    pub fn from_bytes(buf: &'a [u8]) -> Result<Steps<'a>, String> {
        let tables = linear::read(buf)?;
        Ok(Steps {
            speaker: tables.first().copied(),
            keep: tables.get(1).copied(),
        })
    }
}

/// The embedded learned steps, parsed on first use.
pub fn steps() -> &'static Steps<'static> {
    static STEPS: OnceLock<Steps<'static>> = OnceLock::new();
    STEPS.get_or_init(|| {
        crate::tagging::embedded("quotes ranker", Steps::from_bytes(STEP_WEIGHTS))
    })
}

/// What the learned steps read, for training them: per quote, its content
/// span, its speaker candidates' byte spans and the candidates' features
/// (the last feature list is "no speaker"), and the filter's features.
#[derive(Default)]
pub struct Collected {
    pub speakers: Vec<SpeakerExample>,
    pub keep: Vec<KeepExample>,
}

/// One quote as the filter sees it (after the ranker chose its speaker).
// Read only by the trainer (`src/bin/train-quotes.rs`).
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub struct KeepExample {
    pub content: (usize, usize),
    pub speaker: Option<(usize, usize)>,
    pub features: Vec<u32>,
}

/// One quote's speaker choice as the ranker sees it.
// Read only by the trainer (`src/bin/train-quotes.rs`).
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub struct SpeakerExample {
    pub content: (usize, usize),
    pub candidates: Vec<(usize, usize)>,
    pub features: Vec<Vec<u32>>,
}

/// One tagged paragraph: its token range and the prepared sequence.
#[cfg(feature = "train")]
pub struct Paragraph {
    pub tokens: Range<usize>,
    pub seq: tagger::Sequence,
}

/// The body paragraphs of an article prepared for the tagger, and the
/// paired quotation marks (for the trainer and [`find`]).
#[cfg(feature = "train")]
pub fn paragraphs(
    doc: &Doc,
    layout: &Layout,
    mentions: &[Mention],
) -> (Vec<Paragraph>, Vec<marks::Marked>) {
    let (ranges, marked, state) = paragraph_ranges(doc, layout);
    let mut sents = Vec::new();
    let paras = ranges
        .into_iter()
        .map(|r| Paragraph {
            seq: prepare(doc, mentions, &state, r.clone(), &mut sents, tagger::prepare),
            tokens: r,
        })
        .collect();
    (paras, marked)
}

/// The token ranges of the non-empty body paragraphs, the paired quotation
/// marks, and each token's quotation state (1 inside a quotation, 2 a mark).
#[inline(never)]
fn paragraph_ranges(
    doc: &Doc,
    layout: &Layout,
) -> (Vec<Range<usize>>, Vec<marks::Marked>, Vec<u8>) {
    let text = doc.text;
    let ranges: Vec<Range<usize>> = layout
        .parts
        .iter()
        .filter(|p| p.kind == PartKind::Body)
        .map(|p| doc.token_range(p.start, p.end))
        .filter(|r| !r.is_empty())
        .collect();
    let marked = marks::pair(text, &doc.tokens, &ranges);
    let mut state = vec![0u8; doc.tokens.len()];
    for m in &marked {
        let close = m.close.unwrap_or(m.after);
        for s in state
            .iter_mut()
            .take(close.min(doc.tokens.len()))
            .skip(m.open)
        {
            *s = 1;
        }
        state[m.open..m.inner].fill(2);
        if let Some(c) = m.close {
            state[m.after..=c].fill(2);
        }
    }
    // Marks of continued paragraphs.
    for (i, t) in doc.tokens.iter().enumerate() {
        if state[i] == 1 && t.kind.is_quote_mark() {
            let s = t.text(text);
            if matches!(s, "\"" | "“" | "”" | "«" | "»")
                || marks::in_doubled_apostrophe(text, &doc.tokens, i)
            {
                state[i] = 2;
            }
        }
    }
    (ranges, marked, state)
}

/// The tagger's view of the paragraph of tokens `r`, made by `make`
/// ([`tagger::prepare`], or [`tagger::prepare_to_tag`] to pass over a
/// paragraph the tagger is not run on). `sents` is scratch space for the
/// paragraph's sentences, so that an article's paragraphs share one buffer.
fn prepare<T>(
    doc: &Doc,
    mentions: &[Mention],
    state: &[u8],
    r: Range<usize>,
    sents: &mut Vec<Range<usize>>,
    make: impl FnOnce(&tagger::Input) -> T,
) -> T {
    sents.clear();
    for s in &doc.sentences[doc.sentence_of(r.start)..] {
        if s.sentence.tokens.start >= r.end {
            break;
        }
        let a = s.sentence.tokens.start.max(r.start) - r.start;
        let b = s.sentence.tokens.end.min(r.end) - r.start;
        sents.push(a..b);
    }
    let (a, b) = (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
    make(&tagger::Input {
        text: doc.text,
        tokens: &doc.tokens[r.clone()],
        sentences: sents,
        mentions: overlapping(mentions, a, b),
        quote: &state[r],
        title: false,
    })
}

/// Finds the quotes of the article.
pub fn find(doc: &Doc, layout: &Layout, mentions: &[Mention], entities: &[Entity]) -> Vec<Quote> {
    let with = With {
        scorer: model(),
        steps: steps(),
        collect: None,
    };
    find_with(with, doc, layout, mentions, entities)
}

/// The models [`find_with`] runs: the tagger, the learned steps after it,
/// and where to hand what those steps read (when training them).
pub struct With<'c, 's, S> {
    pub scorer: &'s S,
    pub steps: &'s Steps<'s>,
    pub collect: Option<&'c mut Collected>,
}

/// [`find`] with given models (used when training).
#[inline(never)]
pub fn find_with<S: tagger::Weights>(
    with: With<S>,
    doc: &Doc,
    layout: &Layout,
    mentions: &[Mention],
    entities: &[Entity],
) -> Vec<Quote> {
    let scorer = with.scorer;
    let text = doc.text;
    let mut out = Vec::new();
    for part in layout.parts.iter().filter(|p| p.kind == PartKind::Title) {
        if let Some(q) = headline_attribution(text, part.start, part.end, mentions) {
            out.push(q);
        }
    }
    // Each paragraph is prepared and tagged in turn, so only one paragraph's
    // features are held at a time.
    let (ranges, marked, state) = paragraph_ranges(doc, layout);
    let mut feats = Vec::new();
    let mut tags = vec![tagger::O; doc.tokens.len()];
    let mut words = vec![tagger::WordInfo::default(); doc.tokens.len()];
    // One sequence and one sentence buffer for every paragraph: no
    // allocation per paragraph.
    let mut seq = tagger::Sequence { toks: Vec::new() };
    let mut sents = Vec::new();
    for r in &ranges {
        // A paragraph with no cue word (of any class: speech, belief,
        // finding, intention, cue noun) and no quotation mark is left O
        // untagged: what the tagger finds in such paragraphs is mostly
        // wrong, and wire text has many (tables, results, prices). Such a
        // paragraph is not prepared beyond its words' own facts. The
        // figures are in data/quotes/MODEL.md.
        let words = &mut words[r.clone()];
        let to_tag = |inp: &tagger::Input| tagger::prepare_to_tag(inp, words, &mut seq);
        if !prepare(doc, mentions, &state, r.clone(), &mut sents, to_tag) {
            continue;
        }
        tagger::decode_into(scorer, &seq, &mut feats, &mut tags[r.clone()]);
    }
    let inp = assemble::Input {
        doc,
        paras: &ranges,
        marked: &marked,
        state: &state,
        words: &words,
        mentions,
        entities,
    };
    out.extend(assemble::assemble(&inp, &tags, with.steps, with.collect));
    // Transcript lines ("PENCE: Well, look, ...") replace what the tagger
    // made of the same words; attributions inside them stay. A line counts
    // when its label names a person of the article or speaks again: a
    // transcript's speakers take turns, while a dateline ("NEW DELHI: ...")
    // or a data listing ("ISSUER: ...", "AMT: ...") names each label once.
    let lines: Vec<Quote> = ranges
        .iter()
        .filter_map(|r| transcript_line(doc, r, mentions, entities))
        .collect();
    fn label(q: &Quote) -> Option<&str> {
        q.speaker.as_ref().map(|s| s.text.as_str())
    }
    for q in &lines {
        let person = q.speaker.as_ref().and_then(|s| s.entity).is_some();
        let again = lines.iter().filter(|o| label(o) == label(q)).count() >= 2;
        if person || again {
            out.retain(|o| overlap(o, q) * 2 <= (o.end - o.start).min(q.end - q.start));
            out.push(q.clone());
        }
    }
    // Signed lines ("“...” ― Jane Roe") replace what the tagger made of
    // the same words.
    signed::add(doc, &ranges, mentions, entities, &mut out);
    for q in &mut out {
        if q.cue_class.is_none() {
            q.cue_class = cue_class(q);
        }
    }
    out.sort_by_key(|q| (q.start, q.end));
    out
}

mod assemble;

/// What a quote's cue says it is: the class of the first cue word the
/// lexicon knows ("according to" and cue nouns such as "statement" count as
/// speech), else speech for a quotation-marked quote, else unknown.
pub fn cue_class(q: &Quote) -> Option<CueClass> {
    let from_cue = q.cue.as_ref().and_then(|c| {
        c.text.split_whitespace().find_map(|w| {
            cues::first_class(cues::classes_of(w)).map(|l| match l {
                CueList::Speech | CueList::Noun => CueClass::Speech,
                CueList::Belief => CueClass::Belief,
                CueList::Finding => CueClass::Finding,
                CueList::Intention => CueClass::Intention,
            })
        })
    });
    from_cue.or(match q.kind {
        QuoteKind::Direct | QuoteKind::Partial => Some(CueClass::Speech),
        QuoteKind::Indirect => None,
    })
}

/// Characters two quotes' content spans share.
fn overlap(a: &Quote, b: &Quote) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Labels that open a line with a colon without naming a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "WATCH",
    "NOTE",
    "EDITOR'S",
    "EDITORS",
    "READ",
    "MORE",
    "RELATED",
    "PHOTOS",
    "PHOTO",
    "VIDEO",
    "CORRECTION",
    "CLARIFICATION",
    "EXCLUSIVE",
    "LIVE",
    "OPINION",
    "ANALYSIS",
    "SOURCE",
    "SOURCES",
    "CREDIT",
    "WARNING",
    "ALERT",
    "FACT",
    "CHECK",
    "TRANSCRIPT",
    "ADVERTISEMENT",
    "SPONSORED",
    "UPDATES",
    "PS",
    "NB",
];

/// A transcript line: a paragraph that opens with a speaker's name in
/// capitals and a colon ("PENCE: Well, look, ..."), as interview and debate
/// transcripts print them. The rest of the paragraph is that speaker's
/// words, verbatim: a direct quote without quotation marks.
#[inline(never)]
fn transcript_line(
    doc: &Doc,
    r: &Range<usize>,
    mentions: &[Mention],
    entities: &[Entity],
) -> Option<Quote> {
    let text = doc.text;
    // A transcript quoted whole has a mark at each paragraph: '"PENCE: ...'.
    let toks = &doc.tokens[r.clone()];
    let toks = match toks.first()?.kind {
        TokenKind::OpenQuote | TokenKind::Quote => &toks[1..],
        _ => toks,
    };
    let colon = toks.iter().take(4).position(|t| t.text(text) == ":")?;
    let (name, rest) = (&toks[..colon], &toks[colon + 1..]);
    let speaker_word = |t: &Token| {
        let w = t.text(text);
        t.kind == TokenKind::Word && in_capitals(w) && !NOT_SPEAKERS.contains(&w)
    };
    if name.is_empty() || rest.len() < 2 || !name.iter().all(speaker_word) {
        return None;
    }
    let (src_start, src_end) = (name[0].start, name[name.len() - 1].end);
    // A place ("WASHINGTON:", "NEW DELHI:") opens a dateline, not a turn.
    if is_known_place(&text[src_start..src_end]) {
        return None;
    }
    let (start, end) = (rest[0].start, rest[rest.len() - 1].end);
    // The speaker's entity: a mention in the label, or the person whose
    // surname it is ("PENCE" -> Mike Pence).
    let entity = signed::person_entity(text, mentions, entities, src_start, src_end);
    Some(signed::labelled_quote(
        text,
        (start, end),
        (src_start, src_end),
        entity,
        toks[colon],
    ))
}

/// "Putin begs North Korea for help: US" -> the claim, attributed to "US".
#[inline(never)]
fn headline_attribution(
    text: &str,
    start: usize,
    end: usize,
    mentions: &[Mention],
) -> Option<Quote> {
    let title = &text[start..end];
    let colon = title.rfind(':')?;
    let source = title[colon + 1..].trim();
    let words = source.split_whitespace().count();
    if !(1..=4).contains(&words) || !source.chars().next()?.is_uppercase() || colon == 0 {
        return None;
    }
    let src_start =
        start + colon + 1 + (title[colon + 1..].len() - title[colon + 1..].trim_start().len());
    let src_end = src_start + source.len();
    let claim = title[..colon].trim_end();
    let entity = within(mentions, src_start, src_end)
        .first()
        .and_then(|m| m.entity);
    Some(Quote {
        kind: QuoteKind::Indirect,
        start,
        end: start + claim.len(),
        text: claim.to_string(),
        speaker: Some(Speaker {
            start: src_start,
            end: src_end,
            text: source.to_string(),
            entity,
            refers_to: None,
        }),
        cue: Some(Span::of(text, start + colon, start + colon + 1)),
        // "...: US" is what the US says.
        cue_class: Some(CueClass::Speech),
    })
}

#[cfg(test)]
mod tests;
