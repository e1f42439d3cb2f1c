//! From tagged tokens and paired quotation marks to [`Quote`]s, in phases
//! that run in this order, each a module:
//!
//! 1. [`pieces`]: the tagged tokens as runs of one role (source, cue,
//!    content), sources widened to the whole names in them;
//! 2. [`link`]: each content piece linked to its cue, each attribution to
//!    its source;
//! 3. [`tagged`]: a quote for every attribution, direct or partial over the
//!    quotation marks it mostly is, else indirect speech;
//! 4. [`by_rule`]: quotations the tagger did not take, with a speaker found
//!    next to them by rule;
//! 5. [`colon`]: a quotation introduced by a colon takes the attribution of
//!    the clause before it;
//! 6. [`interrupted`]: a quotation interrupted by its attribution ("'We
//!    will,' he said, 'do it.'") becomes one quote.
//!
//! Speakers are resolved to entities in [`speaker`]; [`spans`] has the small
//! span helpers the phases share.

mod by_rule;
mod colon;
mod interrupted;
mod link;
mod pieces;
mod spans;
mod speaker;
mod tagged;

use super::marks::Marked;
use crate::analysis::{Entity, Mention, Quote};
use crate::lexicon::cues;
use crate::doc::Doc;
use speaker::{Recent, Speakers};
use std::ops::Range;

/// A quote being built, with where it is and the quotation marks it spans.
struct Building {
    /// The paragraph (index into the body paragraphs) it is in.
    para: usize,
    quote: Quote,
    /// The tokens of its first opening and last closing quotation mark, or
    /// `None` for indirect speech.
    marks: Option<(usize, usize)>,
}

/// What the quote-building phases share: the quotes so far, which quote
/// took each marked span, and the last speaker (for "he added").
struct Built {
    quotes: Vec<Building>,
    /// For each marked span, the index in `quotes` of the quote that took it.
    taken: Vec<Option<usize>>,
    last: Option<Recent>,
}

impl Built {
    fn push(&mut self, b: Building) {
        if let Some(sp) = &b.quote.speaker {
            self.last = Some(Recent {
                para: b.para,
                entity: sp.entity,
            });
        }
        self.quotes.push(b);
    }
}

/// The quotes of the tagged paragraphs `paras`: `tags` holds a class per
/// token of the document, `marked` the paired quotation marks.
#[inline(never)]
pub(super) fn assemble(
    doc: &Doc,
    paras: &[Range<usize>],
    marked: &[Marked],
    tags: &[u8],
    mentions: &[Mention],
    entities: &[Entity],
) -> Vec<Quote> {
    let pcs = pieces::pieces(doc, paras, tags, mentions);
    let attrs = link::attributions(&pcs);
    let speakers = Speakers {
        doc,
        mentions,
        entities,
    };
    let mut built = Built {
        quotes: Vec::new(),
        taken: vec![None; marked.len()],
        last: None,
    };
    tagged::add(&mut built, &speakers, &pcs, &attrs, marked);
    by_rule::add(&mut built, &speakers, paras, marked);
    colon::attribute(&mut built.quotes, &speakers, &pcs);
    interrupted::merge(doc, built.quotes)
}

/// Whether a word is a cue word (the lexicon's one answer, "stated" included).
fn is_cue_word(word: &str) -> bool {
    cues::classes_of(word) != 0
}
