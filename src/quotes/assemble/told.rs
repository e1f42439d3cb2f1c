//! Phase 4b: "told" with its listener and a clause with no "that" ("Gen.
//! Omar Haddad told reporters the army was ready"), which the tagger
//! often leaves untagged: the clause becomes an indirect quote of the
//! subject before the cue. Only a clause that reads as one (a subject
//! word, then an auxiliary, a form of "be" or a past tense within a few
//! words) is taken: "told reporters the details of the plan" is an
//! object, not speech.

use super::spans::{add_clause, is_verb_like};
use super::speaker::{subject_before, Speakers};
use super::{Built, Input};
use crate::analysis::Label;
use crate::doc::Doc;
use crate::lexicon::cues::CueList;
use crate::lexicon::{function_words, holds, pronouns};
use crate::mentions::overlapping;
use crate::tokens::TokenKind;
use std::ops::Range;

/// Cue words that take a listener and then what was said.
const TELL: &[&str] = &["assured", "tells", "told"];

/// Listeners named by a common noun ("told reporters", "told the crowd").
const LISTENERS: &[&str] = &[
    "audience", "crowd", "journalists", "lawmakers", "members", "press", "reporters",
    "supporters", "viewers", "voters",
];

/// Pronouns that are a listener ("told them").
const OBJECT_PRONOUNS: &[&str] = &["her", "him", "me", "them", "us", "you"];

/// Words that open a relative clause about the listener.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose"];

/// Determiners and "there" that open a clause ("his plan was", "there
/// is"). Lowercase and sorted.
const DETERMINERS: &[&str] = &["her", "his", "its", "our", "their", "there", "this"];

/// The most words from the clause's start to its verb.
const MAX_TO_VERB: usize = 6;
/// The fewest words a clause holds.
const MIN_CLAUSE_WORDS: usize = 3;

/// Adds a quote for each "told LISTENER CLAUSE" that no quote overlaps.
#[inline(never)]
pub(super) fn add(built: &mut Built, speakers: &Speakers, inp: &Input) {
    let (paras, state) = (inp.paras, inp.state);
    let doc = speakers.doc;
    let text = doc.text;
    // The word bits first (a speech cue word), then the text: this runs
    // over every token of the article.
    let speech = |k: usize| inp.words[k].bits & 1 << CueList::Speech as u8 != 0;
    for (k, t) in doc.tokens.iter().enumerate() {
        // Lower case only: a title in title case ("If I Would Have Told
        // Hillary ...") is no report of speech.
        let cue = k < inp.words.len() && speech(k) && TELL.contains(&t.text(text));
        if !cue || t.kind != TokenKind::Word || state.get(k) != Some(&0) {
            continue;
        }
        let Some(sent) = doc.sentence_tokens(k) else { continue };
        let Some(clause) = listener_end(doc, speakers, k + 1, sent.end)
            .and_then(|c| clause(doc, state, c, sent.end))
        else {
            continue;
        };
        let subject = subject_before(doc, k, speakers.mentions);
        add_clause(built, speakers, paras, (clause, k, subject));
    }
}

/// The token after the listener that starts at `k` (and after a day or
/// "in an interview" that follows it), or `None` when no listener is there.
fn listener_end(doc: &Doc, speakers: &Speakers, mut k: usize, end: usize) -> Option<usize> {
    let text = doc.text;
    let word = |i: usize| if i < end { doc.tokens[i].text(text) } else { "" };
    if word(k).eq_ignore_ascii_case("the") {
        k += 1;
    }
    let t = *doc.tokens.get(k).filter(|_| k < end)?;
    k = match overlapping(speakers.mentions, t.start, t.end).first() {
        Some(m) if m.label.is_named() && !m.label.is_value() => doc.token_range(m.start, m.end).end,
        _ if holds(LISTENERS, word(k)) || holds(OBJECT_PRONOUNS, word(k)) => k + 1,
        _ => return None,
    };
    // "on Monday", "Monday", "in an interview", "in an interview on Monday".
    let interview = ["in", "an", "interview"];
    if interview.iter().enumerate().all(|(i, w)| word(k + i).eq_ignore_ascii_case(w)) {
        k += 3;
    }
    let on = word(k).eq_ignore_ascii_case("on") as usize;
    if let Some(t) = doc.tokens.get(k + on).filter(|_| k + on < end) {
        if let Some(m) = overlapping(speakers.mentions, t.start, t.end).first() {
            if m.label == Label::Date && m.start == t.start {
                k = doc.token_range(m.start, m.end).end;
            }
        }
    }
    if word(k).eq_ignore_ascii_case("that") {
        k += 1;
    }
    Some(k)
}

/// The clause from token `k` to the sentence's end, when it reads as one:
/// it opens with a subject (an article, a pronoun, a name) and has a verb
/// within [`MAX_TO_VERB`] words, and no quotation mark opens it.
fn clause(doc: &Doc, state: &[u8], k: usize, end: usize) -> Option<Range<usize>> {
    let text = doc.text;
    let word = |i: usize| doc.tokens[i].text(text);
    if k >= end || state.get(k) != Some(&0) {
        return None;
    }
    let first = word(k);
    // "told reporters who witnessed it": a relative clause is about the listener.
    if holds(RELATIVES, first) {
        return None;
    }
    let opens = function_words::is_article(first)
        || pronouns::is_subject(first)
        || holds(DETERMINERS, first)
        || first.starts_with(char::is_uppercase);
    let words = (k..end).filter(|&i| doc.tokens[i].kind == TokenKind::Word).count();
    if !opens || words < MIN_CLAUSE_WORDS {
        return None;
    }
    let has_verb = (k + 1..end.min(k + 1 + MAX_TO_VERB)).any(|i| is_verb_like(word(i)));
    has_verb.then_some(k..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_lowercase_for_holds() {
        for list in [LISTENERS, OBJECT_PRONOUNS, RELATIVES, DETERMINERS] {
            assert!(crate::lexicon::is_sorted_lowercase(list));
        }
    }
}
