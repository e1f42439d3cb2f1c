//! Phase 4c: a sentence that ends with its attribution after a comma ("The
//! economy grew by 2 percent last year, the ministry said."; "..., said a
//! spokesman."). The tagger decides left to right and meets the cue last,
//! so it often tags only the clause's last words, or nothing: the clause
//! before the comma becomes indirect speech of the subject after it, and a
//! tagged quote of that cue inside the clause is widened to all of it.

use super::spans::{add_clause, is_verb_like};
use super::speaker::Speakers;
use super::{Built, Input};
use crate::analysis::Label;
use crate::doc::Doc;
use crate::lexicon::cues::CueList;
use crate::lexicon::{function_words, holds, pronouns, roles};
use crate::mentions::overlapping;
use crate::tokens::TokenKind;
use std::ops::Range;

/// The cues a speaker may follow (", said a spokesman.").
const INVERTED_CUES: &[&str] = &["added", "said", "says", "wrote"];
/// The most tokens of a speaker after an inverted cue.
const MAX_INVERTED_SUBJECT: usize = 6;
/// Plural words for sources that are no role ("said analysts").
const SOURCES: &[&str] = &[
    "analysts", "experts", "officials", "people", "police", "residents", "sources", "witnesses",
];

/// The most tokens a trailing subject holds ("two people familiar with
/// the matter").
const MAX_SUBJECT: usize = 8;
/// The most tokens of a dateline before its dash ("WASHINGTON, D.C. (AP) —").
const MAX_DATELINE: usize = 10;
/// The most tokens after the cue and its speaker: a date ("on Tuesday
/// morning") or "in a statement", and the full stop.
const MAX_TAIL: usize = 5;
/// The most tokens between the quotation marks of a clause that is still
/// the writer's own ("the so-called "Blue House" compound").
const MAX_SCARE_QUOTE: usize = 4;
/// The most tokens of a listener's name after "told" ("told ABC News.").
const MAX_LISTENER: usize = 4;
/// The fewest words the clause before the comma holds.
const MIN_CLAUSE_WORDS: usize = 4;

/// Words that cannot open a trailing subject: ", as officials said" and
/// ", which he said" are not attributions of the clause before.
const NOT_SUBJECT_START: &[&str] = &[
    "according", "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "to", "which", "while",
    "who", "with",
];

/// A trailing attribution: the clause before the comma, the cue, the subject.
struct Trailing {
    clause: Range<usize>,
    cue: usize,
    subject: Range<usize>,
}

/// Adds a quote for each sentence that ends with its attribution.
#[inline(never)]
pub(super) fn add(built: &mut Built, speakers: &Speakers, inp: &Input) {
    let doc = speakers.doc;
    for sent in &doc.sentences {
        let toks = sent.sentence.tokens.clone();
        // Most sentences have no speech cue word near their end: the word
        // bits say so before any text is read.
        let near_end = toks.end.saturating_sub(MAX_SUBJECT + MAX_TAIL)..toks.end;
        if !sent.part.yields_sentences() || !near_end.clone().any(|k| speech(inp, k)) {
            continue;
        }
        let Some(tr) = trailing(inp, speakers, toks) else {
            continue;
        };
        add_clause(built, speakers, inp.paras, (tr.clause, tr.cue, Some(tr.subject)));
    }
}

/// The trailing attribution of the sentence `sent`, if it ends with one:
/// ", SUBJECT said[ on Tuesday]." or ", said SUBJECT.", after a clause of
/// at least [`MIN_CLAUSE_WORDS`] words with no quotation mark in it.
fn trailing(inp: &Input, speakers: &Speakers, sent: Range<usize>) -> Option<Trailing> {
    let (doc, state) = (inp.doc, inp.state);
    let text = doc.text;
    let word = |i: usize| doc.tokens[i].text(text);
    let mut end = sent.end;
    if end <= sent.start || !matches!(word(end - 1), "." | "!") {
        return None;
    }
    end -= 1;
    end = before_tail(doc, speakers, sent.start, end);
    let (cue, subject) = if end > sent.start && is_speech(inp, end - 1) {
        // ", SUBJECT said": the comma within reach before the cue.
        let cue = end - 1;
        let lo = cue.saturating_sub(MAX_SUBJECT + 1).max(sent.start);
        let comma = (lo..cue).rev().find(|&k| word(k) == ",")?;
        (cue, comma + 1..cue)
    } else {
        // ", said SUBJECT".
        let lo = end.saturating_sub(MAX_SUBJECT + 2).max(sent.start);
        let comma = (lo..end).rev().find(|&k| word(k) == ",")?;
        let cue = comma + 1;
        // "said a spokesman", not "told them she had spoken" or "noted the
        // rule": a cue of the inverted kind, and a speaker after it.
        let inverted = INVERTED_CUES.contains(&word(cue));
        if !inverted || !names_a_speaker(doc, speakers, cue + 1..end) {
            return None;
        }
        (cue, cue + 1..end)
    };
    let comma = subject.start.min(cue) - 1;
    let clause = after_dateline(doc, sent.start, comma)..comma;
    let ok = is_subject(inp, &subject)
        && !ends_with_person(doc, speakers, &clause)
        && only_scare_quotes(&state[clause.clone()])
        && doc.tokens[clause.clone()]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
            >= MIN_CLAUSE_WORDS;
    ok.then_some(Trailing {
        clause,
        cue,
        subject,
    })
}

/// Whether the quotation marks in a clause only set off a few words (a
/// "Blue House" or "criminals" of the writer's own): a clause that holds a
/// longer quotation is the quotation's to attribute.
fn only_scare_quotes(state: &[u8]) -> bool {
    state
        .split(|&s| s == 0)
        .all(|run| run.len() <= MAX_SCARE_QUOTE + 2)
}

/// The first token after a dateline that opens the sentence at `start`
/// ("CAIRO (AP) — ..."): a word in capitals, then a dash within a few
/// tokens; `start` when there is none.
fn after_dateline(doc: &Doc, start: usize, end: usize) -> usize {
    let text = doc.text;
    let first = doc.tokens[start].text(text);
    let capitals = first.len() > 1 && !first.chars().any(char::is_lowercase);
    let dash = (start + 1..end.min(start + MAX_DATELINE))
        .find(|&k| matches!(doc.tokens[k].text(text), "—" | "–" | "--"));
    match dash {
        Some(d) if capitals => d + 1,
        _ => start,
    }
}

/// The token where the sentence's tail before `end` starts: a date ("on
/// Tuesday", "Tuesday") or "in a statement" / "in an interview" after the
/// cue is left out.
fn before_tail(doc: &Doc, speakers: &Speakers, start: usize, end: usize) -> usize {
    let text = doc.text;
    let word = |i: usize| doc.tokens[i].text(text);
    if end >= start + 3
        && word(end - 3).eq_ignore_ascii_case("in")
        && matches!(word(end - 2), "a" | "an")
        && matches!(word(end - 1), "statement" | "interview")
    {
        return end - 3;
    }
    let Some(last) = end.checked_sub(1).filter(|&k| k > start) else { return end };
    let t = doc.tokens[last];
    match overlapping(speakers.mentions, t.start, t.end).first() {
        // ", a source told Reuters.": the listener after the cue.
        Some(m) if m.label.is_named() && !m.label.is_value() && m.end == t.end => {
            let first = doc.token_range(m.start, m.end).start;
            let told = (first.saturating_sub(2)..first)
                .rev()
                .find(|&k| k > start && word(k).eq_ignore_ascii_case("told"));
            let article = |k: usize| (k + 1..first).all(|j| function_words::is_article(word(j)));
            match told {
                Some(k) if end - first <= MAX_LISTENER && article(k) => k + 1,
                _ => end,
            }
        }
        Some(m) if m.label == Label::Date && m.end == t.end => {
            let first = doc.token_range(m.start, m.end).start;
            if first > start && word(first - 1).eq_ignore_ascii_case("on") {
                first - 1
            } else {
                first
            }
        }
        _ => end,
    }
}

/// Whether token `k` is a speech cue word in lower case, outside quotation
/// marks, and no "-ing" form (", continuing his winning streak" reports
/// nothing).
fn is_speech(inp: &Input, k: usize) -> bool {
    let t = inp.doc.tokens[k];
    let w = t.text(inp.doc.text);
    speech(inp, k)
        && t.kind == TokenKind::Word
        && inp.state.get(k) == Some(&0)
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && !w.ends_with("ing")
}

/// Whether token `k` is a speech cue word by the lexicon (the tagger's
/// word bits, worked out once per word).
fn speech(inp: &Input, k: usize) -> bool {
    inp.words.get(k).is_some_and(|w| w.bits & 1 << CueList::Speech as u8 != 0)
}

/// Whether `r` (after an inverted cue) names a speaker: it is a name
/// ("said John Smith", "said the ministry"), or a phrase that ends in a
/// role or a word for sources ("said a senior official", "said analysts"),
/// with no verb or pronoun in it.
fn names_a_speaker(doc: &Doc, speakers: &Speakers, r: Range<usize>) -> bool {
    let text = doc.text;
    if r.is_empty() || r.len() > MAX_INVERTED_SUBJECT {
        return false;
    }
    let words: Vec<&str> = r.clone().map(|k| doc.tokens[k].text(text)).collect();
    if words.iter().any(|w| is_verb_like(w) || pronouns::is_personal(w)) {
        return false;
    }
    let (a, b) = (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
    let named = overlapping(speakers.mentions, a, b)
        .iter()
        .any(|m| m.label.is_named() && !m.label.is_value() && m.end == b);
    let last = words[words.len() - 1];
    named || roles::is_head(last) || SOURCES.contains(&last)
}

/// Whether the clause ends with a person's name: "Ivanka Trump, the
/// nominee's daughter, noted" is an appositive, not what was said.
fn ends_with_person(doc: &Doc, speakers: &Speakers, clause: &Range<usize>) -> bool {
    let Some(last) = clause.end.checked_sub(1).filter(|&k| k >= clause.start) else {
        return false;
    };
    let t = doc.tokens[last];
    overlapping(speakers.mentions, t.start, t.end)
        .first()
        .is_some_and(|m| m.label == Label::Person && m.end == t.end)
}

/// Whether `r` reads as a trailing subject ("the ministry", "officials",
/// "he", "Smith", "two people familiar with the matter"): words only, no
/// quotation, and not opened by a conjunction or a preposition.
fn is_subject(inp: &Input, r: &Range<usize>) -> bool {
    let (doc, state) = (inp.doc, inp.state);
    let text = doc.text;
    let first = doc.tokens[r.start.min(doc.tokens.len() - 1)].text(text);
    // "he said", but not "he paused to make an improbable remark" or
    // ", confirmed the Tuesday morning attack" or "Gary Johnson told a joke".
    let pronoun_opens_more = r.len() > 1 && pronouns::is_personal(first);
    let verb = r.clone().any(|k| speech(inp, k) || is_verb_like(doc.tokens[k].text(text)));
    !r.is_empty()
        && !pronoun_opens_more
        && !verb
        && !function_words::opens_clause(first)
        && !holds(NOT_SUBJECT_START, first)
        && r.clone().all(|k| {
            state[k] == 0
                && matches!(
                    doc.tokens[k].kind,
                    TokenKind::Word | TokenKind::Number | TokenKind::Clitic
                )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_lowercase_for_holds() {
        assert!(crate::lexicon::is_sorted_lowercase(NOT_SUBJECT_START));
    }
}
