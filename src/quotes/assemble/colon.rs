//! Phase 5: a quotation introduced by a colon ("Cruz continued: “...”")
//! without a speaker of its own takes the attribution of the clause before
//! the colon.

use super::is_cue_word;
use super::pieces::{Piece, Role};
use super::spans::cue_span;
use super::speaker::{find_speaker, subject_before, Speakers};
use super::Building;

/// How many tokens before the colon the introducing clause may start.
const CLAUSE_REACH: usize = 16;

/// Gives each speakerless quotation after a colon the clause's speaker and cue.
#[inline(never)]
pub(super) fn attribute(quotes: &mut [Building], speakers: &Speakers, pcs: &[Piece]) {
    let doc = speakers.doc;
    let (text, toks) = (doc.text, &doc.tokens);
    for b in quotes.iter_mut() {
        let Some((o, _)) = b.marks else { continue };
        let q = &mut b.quote;
        if q.speaker.is_some() || o == 0 || toks[o - 1].text(text) != ":" {
            continue;
        }
        let colon = o - 1;
        let Some(sent) = doc.sentence_tokens(colon) else {
            continue;
        };
        let clause = sent.start.max(colon.saturating_sub(CLAUSE_REACH))..colon;
        let lo = pcs.partition_point(|p| p.toks.end <= clause.start);
        let hi = pcs.partition_point(|p| p.toks.start < clause.end);
        let in_clause = &pcs[lo..hi.max(lo)];
        let cue = in_clause.iter().rev().find(|p| p.role == Role::Cue);
        let src = in_clause
            .iter()
            .rev()
            .find(|p| p.role == Role::Source)
            .map(|p| p.toks.clone())
            .or_else(|| cue.and_then(|c| subject_before(doc, c.toks.start, speakers.mentions)))
            .or_else(|| {
                // "Cruz continued:" with a cue word the tagger missed.
                let missed = colon > clause.start && is_cue_word(toks[colon - 1].text(text));
                missed
                    .then(|| subject_before(doc, colon - 1, speakers.mentions))
                    .flatten()
            });
        if let Some(sp) = src {
            q.speaker = Some(speakers.of_tokens(sp, b.para, None));
            q.cue = cue.map(|c| cue_span(doc, &c.toks)).or(q.cue.take());
        } else if let Some((sp, cue)) = find_speaker(doc, clause, speakers.mentions, false) {
            let (s, e) = sp.bytes();
            q.speaker = Some(speakers.resolve(s, e, b.para, None));
            q.cue = Some(cue);
        }
    }
}
