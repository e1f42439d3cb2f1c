//! Phase 7b: reported speech with its attribution inverted at the sentence's
//! end ("The city will open a second site next month, said Mayor Jane
//! Roe."). The tagger often runs such a quote's content on over the comma,
//! the cue and the speaker, and leaves the clause's subject out of it as if
//! it were the speaker ("burial operations"); the ranker, which trusts the
//! tagger's subject, follows it. Here, after the ranker, the content becomes
//! the whole clause before the comma and the speaker the words after the
//! cue.

use super::speaker::Speakers;
use super::Building;
use crate::analysis::QuoteKind;
use crate::doc::Doc;
use crate::lexicon::{function_words, holds, pronouns};
use std::ops::Range;

/// The most tokens of an inverted attribution after its cue ("said
/// Department of Correction spokesman Jason Kersten").
const MAX_ATTRIBUTION: usize = 12;

/// The verbs that stand before their subject after reported speech ("...,
/// said Jane Roe"); a participle after a comma ("..., promising to") is no
/// inversion. Sorted.
const INVERTING_CUES: &[&str] = &[
    "added", "adds", "argued", "continued", "explained", "insisted", "noted", "said", "says",
    "stated", "warned", "writes", "wrote",
];

/// Auxiliaries that make the words after a cue a clause ("said contractors
/// had built"). Sorted.
const AUXILIARIES: &[&str] = &[
    "can", "could", "did", "do", "does", "had", "has", "have", "may", "might", "must", "shall",
    "should", "will", "would",
];

/// Cuts each indirect quote whose content runs over its own cue back to the
/// clause before the cue's comma, from the sentence's start, and gives it
/// the speaker after the cue.
#[inline(never)]
pub(super) fn split(speakers: &Speakers, quotes: &mut [Building]) {
    let doc = speakers.doc;
    for b in quotes.iter_mut() {
        let Some((clause, attribution)) = clause_before_cue(doc, b) else {
            continue;
        };
        let q = &mut b.quote;
        q.start = doc.tokens[clause.start].start;
        q.end = doc.tokens[clause.end - 1].end;
        q.text = doc.text[q.start..q.end].to_string();
        let after_cue = |sp: &crate::analysis::Speaker| sp.start >= doc.tokens[attribution.start].start;
        if !q.speaker.as_ref().is_some_and(after_cue) {
            q.speaker = Some(speakers.of_tokens(attribution, b.para, None));
        }
    }
}

/// The clause and the attribution after the cue (tokens) of quote `b` when
/// its cue stands inside its content right after a comma, and the content
/// ends with the sentence or a comma within [`MAX_ATTRIBUTION`] tokens of
/// the cue.
fn clause_before_cue(doc: &Doc, b: &Building) -> Option<(Range<usize>, Range<usize>)> {
    let q = &b.quote;
    let cue = q.cue.as_ref()?;
    if q.kind != QuoteKind::Indirect || cue.start <= q.start || cue.end > q.end {
        return None;
    }
    if !holds(INVERTING_CUES, &doc.text[cue.start..cue.end]) {
        return None;
    }
    let toks = &doc.tokens;
    let content = doc.token_range(q.start, q.end);
    let cue_toks = doc.token_range(cue.start, cue.end);
    let comma = cue_toks.start.checked_sub(1)?;
    let sent = doc.sentence_tokens(comma)?;
    let ends_clause = |k: usize| k >= sent.end || matches!(toks[k].text(doc.text), "," | "." | ";");
    let after = content.end.saturating_sub(cue_toks.end);
    if toks[comma].text(doc.text) != ","
        || comma <= sent.start
        || after > MAX_ATTRIBUTION
        || !ends_clause(content.end)
        || (cue_toks.end..content.end).any(|k| toks[k].text(doc.text) == ",")
    {
        return None;
    }
    if !noun_phrase(doc, cue_toks.end..content.end) || appositive_subject(doc, sent.start..comma) {
        return None;
    }
    // The clause from the sentence's start: the tagger left its subject
    // out. Not over a quotation mark: that is another quote's.
    let first = sent.start.min(content.start);
    if (first..content.start).any(|k| toks[k].kind.is_quote_mark()) {
        return None;
    }
    (cue_toks.end < content.end).then_some((first..comma, cue_toks.end..content.end))
}

/// Whether the words after the cue read as its subject ("Mayor Jane Roe",
/// "a spokesman for the agency"), not as what was said ("he thought ...",
/// "that the timing ...", "of the swirl ...", "her concern is ...").
fn noun_phrase(doc: &Doc, r: Range<usize>) -> bool {
    let w = |k: usize| doc.tokens[k].text(doc.text);
    let first = w(r.start);
    let opens_clause = pronouns::is_personal(first)
        || pronouns::is_possessive(first)
        || function_words::is_preposition(first)
        || matches!(first, "that" | "it" | "there" | "this");
    let verb = r.clone().any(|k| {
        let x = w(k);
        function_words::is_be(x) || function_words::is_irregular_past(x) || holds(AUXILIARIES, x)
    });
    !opens_clause && !verb
}

/// Whether the sentence's subject is set off by an appositive or a relative
/// clause ("Jane Roe, who heads the group, said"; "Jane Roe, 29, of Dover,
/// says"): then the cue after the comma follows its subject, no inversion.
fn appositive_subject(doc: &Doc, r: Range<usize>) -> bool {
    let w = |k: usize| doc.tokens[k].text(doc.text);
    let Some(comma) = r.clone().find(|&k| w(k) == ",") else {
        return false;
    };
    let next = w(comma + 1);
    matches!(next, "who" | "whom" | "whose" | "which" | "a" | "an" | "the" | "of")
        || next.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_list_is_sorted() {
        assert!(crate::lexicon::is_sorted_lowercase(super::INVERTING_CUES));
        assert!(crate::lexicon::is_sorted_lowercase(super::AUXILIARIES));
    }
}
