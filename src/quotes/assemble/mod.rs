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
//!    [`told`]: "told reporters the army was ready", a clause with no
//!    "that" after a listener, the tagger left untagged;
//!    [`trailing`]: a sentence that ends with its attribution after a
//!    comma ("..., the ministry said."), the clause before it whole;
//! 5. [`colon`]: a quotation introduced by a colon takes the attribution of
//!    the clause before it;
//! 6. [`choose`]: each quote's speaker chosen among candidates by a
//!    learned ranker (when one is given);
//! 7. [`keep`]: quotes that attribute nothing dropped by a learned filter
//!    (when one is given);
//! 8. [`interrupted`]: a quotation interrupted by its attribution ("'We
//!    will,' he said, 'do it.'") becomes one quote.
//!
//! Speakers are resolved to entities in [`speaker`]; [`spans`] has the small
//! span helpers the phases share.

mod by_rule;
pub(super) mod choose;
mod keep;
mod colon;
mod interrupted;
mod inverted;
mod link;
mod pieces;
mod spans;
mod speaker;
mod tagged;
mod told;
mod trailing;
mod titles;

use super::marks::Marked;
use super::tagger::WordInfo;
use super::{Collected, Steps};
use crate::analysis::{Entity, Mention, Quote, QuoteKind};
use crate::lexicon::cues;
use crate::doc::Doc;
use speaker::{Recent, Speakers};
use crate::analysis::{Label, Speaker};
use std::ops::Range;

/// The most tokens after a paragraph's closing quotation mark for the
/// paragraph to count as one quotation (a full stop outside the marks).
const CLOSING_SLACK: usize = 2;

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

/// What assembly reads besides the tagger's classes: the article, its
/// body paragraphs (token ranges), the paired quotation marks, each
/// token's quotation state (1 inside, 2 a mark) and word bits.
pub(super) struct Input<'a> {
    pub doc: &'a Doc<'a>,
    pub paras: &'a [Range<usize>],
    pub marked: &'a [Marked],
    pub state: &'a [u8],
    /// What each token is (see `tagger::WordInfo`).
    pub words: &'a [WordInfo],
    pub mentions: &'a [Mention],
    pub entities: &'a [Entity],
}

/// The quotes of the tagged paragraphs: `tags` holds a class per token of
/// the document. `steps` are the learned steps after the tagger; `collect`,
/// when given, receives what they read (for training them).
#[inline(never)]
pub(super) fn assemble(
    inp: &Input,
    tags: &[u8],
    steps: &Steps,
    collect: Option<&mut Collected>,
) -> Vec<Quote> {
    let doc = inp.doc;
    let pcs = pieces::pieces(doc, inp.paras, tags, inp.mentions);
    let attrs = link::attributions(&pcs);
    let speakers = Speakers {
        doc,
        mentions: inp.mentions,
        entities: inp.entities,
    };
    let mut built = Built {
        quotes: Vec::new(),
        taken: vec![None; inp.marked.len()],
        last: None,
    };
    tagged::add(&mut built, &speakers, &pcs, &attrs, inp.marked);
    by_rule::add(&mut built, &speakers, inp.paras, inp.marked);
    told::add(&mut built, &speakers, inp);
    trailing::add(&mut built, &speakers, inp);
    colon::attribute(&mut built.quotes, &speakers, &pcs);
    built.quotes.retain(|b| !titles::is_work_title(doc, &b.quote));
    let scene = choose::Scene {
        doc,
        mentions: inp.mentions,
        tags,
        state: inp.state,
        words: inp.words,
        paras: inp.paras,
    };
    choose_speakers(&mut built.quotes, &speakers, &scene, steps, collect);
    inverted::split(&speakers, &mut built.quotes);
    interrupted::merge(doc, built.quotes)
}

/// Gives each quote the speaker the ranker chooses (in text order, so a
/// pronoun goes to the speaker before it) and drops the quotes the filter
/// rejects, but for direct quotes with a speaker; hands what both read to `collect`. Without a ranker the rules'
/// speakers stay; without a filter every quote stays.
#[inline(never)]
fn choose_speakers(
    quotes: &mut Vec<Building>,
    speakers: &Speakers,
    scene: &choose::Scene,
    steps: &Steps,
    mut collect: Option<&mut Collected>,
) {
    if steps.speaker.is_none() && steps.keep.is_none() && collect.is_none() {
        return;
    }
    if quotes.is_empty() {
        return;
    }
    quotes.sort_by_key(|b| (b.quote.start, b.quote.end));
    let counts = choose::Counts::of(scene);
    let mut last: Option<Recent> = None;
    // The last quote kept with a speaker: its paragraph and speaker.
    let mut previous: Option<(usize, Speaker)> = None;
    let mut feats = Vec::new();
    // One set of options for every quote: no allocation per quote.
    let mut opts = choose::Options::default();
    quotes.retain_mut(|b| {
        choose::options(scene, &counts, &b.quote, &mut opts);
        let opts = &opts;
        let mut choice = choose::Choice::default();
        if let Some(model) = &steps.speaker {
            let (chosen, c) = choose::best(model, opts);
            let chosen = chosen
                .map(|i| choose::person_over_document(scene, opts, i))
                .map(|i| choose::person_through(scene, opts, i))
                .map(|i| choose::person_before_addressee(scene, opts, i));
            let span = chosen.map(|i| choose::display(scene, opts, i));
            b.quote.speaker = span.map(|r| speakers.of_tokens(r, b.para, last));
            choice = c;
        }
        // A person the ranker chose stays; the previous speaker carries on
        // only when it is a person.
        let person = |sp: &Speaker| {
            sp.entity.and_then(|e| speakers.entities.get(e)).is_some_and(|e| e.label == Label::Person)
        };
        let chose_person = b.quote.speaker.as_ref().is_some_and(person);
        if let Some((_, sp)) = previous
            .as_ref()
            .filter(|p| !chose_person && person(&p.1) && continues(scene, b, p.0))
        {
            b.quote.speaker = Some(sp.clone());
        }
        if let Some(sp) = &mut b.quote.speaker {
            speakers.plural_antecedent(sp, b.para, previous.as_ref());
        }
        feats.clear();
        keep::features(scene, &b.quote, &opts.target, &choice, &mut feats);
        if let Some(c) = collect.as_deref_mut() {
            c.keep.push(crate::quotes::KeepExample {
                content: (b.quote.start, b.quote.end),
                speaker: b.quote.speaker.as_ref().map(|s| (s.start, s.end)),
                features: feats.clone(),
            });
            c.speakers.push(choose::example(scene.doc, &b.quote, opts));
        }
        // A direct quotation whose speaker is found stays whatever the
        // filter says: marks and a speaker are the surest attribution.
        let sure = b.quote.kind == QuoteKind::Direct && b.quote.speaker.is_some();
        if !sure && steps.keep.is_some_and(|k| k.score(&feats) < 0.0) {
            return false;
        }
        if let Some(sp) = &b.quote.speaker {
            last = Some(Recent {
                para: b.para,
                entity: sp.entity,
            });
            previous = Some((b.para, sp.clone()));
        }
        true
    });
}

/// Whether quote `b` continues the quotation of the paragraph before,
/// `previous` (where the last quote with a speaker is): a paragraph that is
/// one quotation from its first token to its last, with no cue of its own
/// ("“We have seen more strandings every year.”" after "“...,” said Hori
/// Parata."). News leaves the speaker of such a paragraph unsaid.
fn continues(scene: &choose::Scene, b: &Building, previous: usize) -> bool {
    let Some((open, close)) = b.marks else { return false };
    let Some(para) = scene.paras.get(b.para) else { return false };
    b.quote.kind == QuoteKind::Direct
        && b.quote.cue.is_none()
        && b.para == previous + 1
        && open == para.start
        && close + CLOSING_SLACK >= para.end
}

/// Whether a word is a cue word (the lexicon's one answer, "stated" included).
fn is_cue_word(word: &str) -> bool {
    cues::classes_of(word) != 0
}
