//! The cue's own subject after an opening clause: "Asked why she called
//! the group the Reckoning Crew, Bernice Scott told" speaks for Bernice
//! Scott, not for the phrase the clause ends with. What reads like that but
//! is not: an apposition whose closing comma was left out, a name's own
//! comma, an "According to X," opening.

use super::{adjacent, is_cue, Options, Scene, SUBJECT};
use crate::analysis::{Label, Mention, MentionKind};
use crate::doc::Doc;
use crate::lexicon::function_words;
use crate::mentions::overlapping_range;
use crate::quotes::assemble::speaker::relative_opener;
use crate::tokens::TokenKind;
use std::ops::Range;

/// Where the cue's own subject starts when the span `r` runs into it from
/// before a comma: "Asked why she named the group the Reckoning Crew, Scott
/// told" and "In the speech, first disclosed by the Aspen Times, the former
/// mayor argued" end an opening clause at the comma, and the subject after
/// it speaks. A subject followed by a comma of its own ("The envoy, Lina
/// Sato, said"; "Jane Roe, a nurse, said") has its apposition before it and
/// keeps it.
pub(super) fn subject_after_comma(scene: &Scene, opts: &Options, r: &Range<usize>) -> Option<usize> {
    let doc = scene.doc;
    let u = opts.target.cue.as_ref()?;
    let s = &opts.candidates.iter().find(|o| o.flags & SUBJECT != 0)?.toks;
    let comma = s.start.checked_sub(1).filter(|&c| doc.tokens[c].text(doc.text) == ",")?;
    if !(r.start < s.start && s.end == r.end && adjacent(scene, s, u)) {
        return None;
    }
    // "Patti LaBelle and Stevie Wonder, who said": a relative clause speaks
    // for the phrase before it; "X and Demos, filed suit": a verb is no subject.
    let relative = relative_opener(doc, s.start, s.end).is_some();
    let verb = s.clone().any(|k| crate::quotes::assemble::spans::is_verb_like(doc.tokens[k].text(doc.text)));
    let first = doc.tokens[s.start].text(doc.text);
    // "Joy Alessi, 50, of Houston said": a preposition opens no subject.
    let preposition = function_words::is_preposition(&first.to_ascii_lowercase());
    // "Doug Andres, a spokesman for the Speaker told": a description after
    // a person's name that starts its clause is the name's apposition, its
    // closing comma left out.
    let description = !first.starts_with(char::is_uppercase) || function_words::is_article(first);
    let apposition = description && person_opens_clause_before(scene, comma);
    // "the University of California, Berkeley": a comma inside a name.
    let c = &doc.tokens[comma];
    let in_name = !overlapping_range(scene.mentions, c.start, c.end).is_empty();
    // "According to Yahoo News, Clinton spokesman Jesse Lehrich said": the
    // opening phrase names the source of all that follows.
    let according = opens_with_according(doc, comma);
    let kept = relative || verb || preposition || apposition || in_name || according;
    (!kept && !place_after_name(scene, s)).then_some(s.start)
}

/// Whether a person's name ends right before token `comma` ("Doug Andres,"),
/// or ends a prepositional phrase that does ("Ross Eisenbrey of the
/// Economic Policy Institute,"), and starts its sentence or follows
/// punctuation (a quotation's close, a dash, an opening phrase's comma)
/// rather than a word ("pleased with Clinton, a top aide said").
fn person_opens_clause_before(scene: &Scene, comma: usize) -> bool {
    let doc = scene.doc;
    let Some(m) = person_ending_at(scene, comma) else { return false };
    let a = doc.token_range(m.start, m.end).start;
    let starts = doc.sentence_tokens(a).is_some_and(|r| r.start == a);
    // "said Ross Eisenbrey of the Economic Policy Institute, an early voice":
    // after a cue word, the name is that cue's speaker.
    starts || a.checked_sub(1).is_some_and(|p| doc.tokens[p].kind != TokenKind::Word || is_cue(scene, p))
}

/// The person whose name ends right before token `k`, or whose name stands
/// before "of", "at" or "from" and the name that does ("Ross Eisenbrey of
/// the Economic Policy Institute").
fn person_ending_at<'a>(scene: &Scene<'a>, k: usize) -> Option<&'a Mention> {
    let doc = scene.doc;
    let m = named_ending_at(scene, k)?;
    if m.label == Label::Person {
        return Some(m);
    }
    let at = |k: usize| doc.tokens[k].text(doc.text);
    let mut j = doc.token_range(m.start, m.end).start;
    if j > 0 && function_words::is_article(at(j - 1)) {
        j -= 1;
    }
    let of = j.checked_sub(1).filter(|&p| matches!(at(p), "of" | "at" | "from"))?;
    named_ending_at(scene, of).filter(|p| p.label == Label::Person)
}

/// Whether the sentence of token `comma` opens with "According to" and
/// `comma` ends that phrase (the sentence's first comma).
fn opens_with_according(doc: &Doc, comma: usize) -> bool {
    let Some(sent) = doc.sentence_tokens(comma) else { return false };
    let at = |k: usize| doc.tokens.get(k).map_or("", |t| t.text(doc.text));
    at(sent.start).eq_ignore_ascii_case("according")
        && at(sent.start + 1) == "to"
        && (sent.start..comma).all(|k| at(k) != ",")
}

/// The named mention (a leading "the" aside) that ends right before token `k`.
fn named_ending_at<'a>(scene: &Scene<'a>, k: usize) -> Option<&'a Mention> {
    let end = scene.doc.tokens.get(k.checked_sub(1)?)?.end;
    let i = scene.mentions.partition_point(|m| m.end < end);
    scene.mentions.get(i).filter(|m| m.end == end && m.kind == MentionKind::Name)
}

/// Whether the subject `s` is a name other than a person's set after
/// another such name's comma: "the University of California, Berkeley",
/// "Springfield, Illinois".
fn place_after_name(scene: &Scene, s: &Range<usize>) -> bool {
    let doc = scene.doc;
    let (start, end) = (doc.tokens[s.start].start, doc.tokens[s.end - 1].end);
    let not_person = |m: &Mention| m.kind == MentionKind::Name && m.label != Label::Person;
    let at = scene.mentions.partition_point(|m| m.start < start);
    let name = scene.mentions[at..]
        .iter()
        .take_while(|m| m.start == start)
        .any(|m| m.end == end && not_person(m));
    name && named_ending_at(scene, s.start - 1).is_some_and(not_person)
}
