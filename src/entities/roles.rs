//! Roles and affiliations of people, from the words around their names:
//! "Russian President Vladimir Putin" (role President, affiliation Russia),
//! "White House National Security Council Spokesperson Adrienne Watson",
//! "Matthew Miller, the State Department spokesman,".

use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::lexicon::countries::{self, Relation};
use crate::lexicon::roles;
use crate::mentions::{overlapping, within};
use crate::tokens::Token;
use crate::doc::Doc;
use std::ops::Range;

/// The most words an affiliation runs to.
const MAX_AFFILIATION: usize = 8;

/// A role found next to a name.
struct Found {
    role: String,
    /// The affiliation's tokens, if any.
    affiliation: Option<(usize, usize)>,
}

/// Sets `role`, `affiliation` and `affiliation_entity` for people, from the
/// first of their name mentions that has a role next to it.
#[inline(never)]
pub fn assign(doc: &Doc, mentions: &[Mention], entities: &mut [Entity]) {
    let toks = &doc.tokens;
    let country_entities: Vec<(String, usize)> = entities
        .iter()
        .filter_map(|e| Some((e.country.clone()?, e.id)))
        .collect();
    for e in entities.iter_mut().filter(|e| e.label == Label::Person) {
        for &i in &e.mentions {
            let m = &mentions[i];
            if m.kind != MentionKind::Name || m.label != Label::Person {
                continue;
            }
            let Range { start: a, end: b } = doc.token_range(m.start, m.end);
            let Some(sent) = doc.sentence_tokens(a) else {
                continue;
            };
            let found = before_name(doc, mentions, sent.start, a)
                .or_else(|| appositive(doc, mentions, b, sent.end));
            if let Some(f) = found {
                e.role = Some(f.role);
                if let Some((x, y)) = f.affiliation {
                    let (start, end) = (toks[x].start, toks[y - 1].end);
                    let (name, entity) =
                        affiliation(doc.text, mentions, &country_entities, start, end);
                    e.affiliation = Some(name);
                    e.affiliation_entity = entity;
                }
                break;
            }
        }
    }
}

/// The affiliation's display name and entity: a demonym gives its country
/// ("Russian" -> "Russia"); a span that is exactly a mention gives its entity.
fn affiliation(
    text: &str,
    mentions: &[Mention],
    country_entities: &[(String, usize)],
    start: usize,
    end: usize,
) -> (String, Option<usize>) {
    let span = &text[start..end];
    if let Some((c, Relation::Demonym)) = countries::table().lookup(span) {
        let entity = country_entities
            .iter()
            .find(|(code, _)| *code == c.code)
            .map(|&(_, id)| id);
        return (c.name.to_string(), entity);
    }
    let exact = within(mentions, start, end)
        .first()
        .filter(|m| m.start == start && m.end == end);
    (span.to_string(), exact.and_then(|m| m.entity))
}

fn word<'a>(doc: &Doc<'a>, t: &Token) -> &'a str {
    t.text(doc.text)
}

/// "Russian President [Vladimir Putin]": a role right before the name, and an
/// affiliation before the role.
fn before_name(
    doc: &Doc,
    mentions: &[Mention],
    sent_start: usize,
    name_start: usize,
) -> Option<Found> {
    let toks = &doc.tokens;
    let mut k = name_start;
    // Skip an honorific right before the name ("Spokesperson Mr. Miller").
    if k > sent_start && roles::is_honorific(word(doc, &toks[k - 1])) {
        k -= 1;
    }
    // "Secretary of State [Antony Blinken]": a title with "of" and up to three capitalised words.
    if let Some(of) = (k.saturating_sub(4).max(sent_start + 1)..k)
        .rev()
        .find(|&j| word(doc, &toks[j]) == "of")
    {
        let capitalised = (of + 1..k).all(|j| {
            word(doc, &toks[j])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        if of + 1 < k && capitalised && roles::is_title(word(doc, &toks[of - 1])) {
            k = of;
        }
    }
    if k == sent_start || !roles::is_head(word(doc, &toks[k - 1])) {
        return None;
    }
    let role_end = if k < name_start && word(doc, &toks[k]) == "of" {
        name_start
    } else {
        k
    };
    // The whole phrase, "of ..." included, runs to at most MAX_AFFILIATION words.
    let reach = MAX_AFFILIATION.saturating_sub(role_end - k);
    let role_start = roles::phrase_start(|i| word(doc, &toks[i]), k - 1, sent_start, reach, true);
    let role = doc.text[toks[role_start].start..toks[role_end - 1].end].to_string();
    let affiliation = affiliation_before(doc, mentions, sent_start, role_start);
    Some(Found { role, affiliation })
}

/// The capitalised run (names, and words such as "National") right before `end`.
fn affiliation_before(
    doc: &Doc,
    mentions: &[Mention],
    sent_start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    let mut a = end;
    // Affiliations are short: a bounded walk keeps long capitalised runs linear.
    while a > sent_start && end - a < MAX_AFFILIATION {
        let t = &toks[a - 1];
        let w = word(doc, t);
        let in_name = overlapping(mentions, t.start, t.start + 1)
            .first()
            .is_some_and(|m| m.label.is_named());
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        // A sentence-initial capital is only part of the run inside a name.
        if (in_name || capitalised && a - 1 > sent_start) && !matches!(w, "The" | "A" | "An") {
            a -= 1;
        } else {
            break;
        }
    }
    if a == end {
        return None;
    }
    let (start, stop) = (toks[a].start, toks[end - 1].end);
    let has_name = within(mentions, start, stop)
        .iter()
        .any(|m| m.label.is_named());
    (has_name || end - a >= 2).then_some((a, end))
}

/// "[Matthew Miller], the State Department spokesman,": a role after the name.
fn appositive(doc: &Doc, mentions: &[Mention], name_end: usize, sent_end: usize) -> Option<Found> {
    let toks = &doc.tokens;
    let w = |k: usize| {
        if k < sent_end {
            word(doc, &toks[k])
        } else {
            ""
        }
    };
    if w(name_end) != "," {
        return None;
    }
    let mut k = name_end + 1;
    if matches!(w(k).to_ascii_lowercase().as_str(), "the" | "a" | "an") {
        k += 1;
    }
    let start = k;
    // The phrase runs to the next comma or the end of the sentence.
    let mut end = start;
    while end < sent_end && !matches!(w(end), "," | "." | ";" | ")" | "\"" | "”") && end - start < 8
    {
        end += 1;
    }
    if end == start || !roles::is_head(w(end - 1)) {
        return None;
    }
    let role_start = roles::phrase_start(w, end - 1, start, usize::MAX, false);
    let role = doc.text[toks[role_start].start..toks[end - 1].end].to_string();
    // From the token before the phrase, so that its first word counts as mid-sentence.
    let affiliation =
        affiliation_before(doc, mentions, start - 1, role_start).filter(|&(a, _)| a == start);
    Some(Found { role, affiliation })
}
