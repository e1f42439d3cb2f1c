//! Role nouns that name a person met before: "the governor said" after
//! "Gov. Jane Roe", "the State Department spokesman" after "Jane Roe, a
//! spokeswoman at the State Department". The mention is the role noun and
//! its modifiers ("the governor", "the former secretary"); a name inside
//! the phrase ("the [Indiana] governor") stays its own mention and must
//! agree with the person's affiliation.

use super::coref::overlaps_mention;
use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::doc::Doc;
use crate::lexicon::countries;
use crate::lexicon::roles;
use crate::mentions::overlapping;

/// How many earlier person mentions a role noun may reach back.
const ROLE_REACH: usize = 50;
/// The most words between "the" and the role's head ("the former Indiana
/// [governor]", "the State Department's [spokesman]").
const MAX_BEFORE_HEAD: usize = 5;

/// The role phrase that starts with "the" at token `k`, as a mention of
/// the person named before with that role (and that affiliation, if the
/// phrase names one).
pub(super) fn mention(
    doc: &Doc,
    mentions: &[Mention],
    entities: &[Entity],
    people: &[(usize, usize, usize)],
    k: usize,
    sent_end: usize,
) -> Option<Mention> {
    let text = doc.text;
    let word = |j: usize| doc.tokens[j].text(text);
    let mut j = k + 1;
    // The first token of the mention: after the last name in the phrase.
    let mut first = k;
    let mut affiliation: Option<&Mention> = None;
    // Whether the word at `j` is a role head, when the walk has looked it
    // up already: most phrases stop at their first word ("the economy").
    let mut head_at_j = None;
    while j < sent_end && j - k <= MAX_BEFORE_HEAD {
        let t = doc.tokens[j];
        let w = word(j);
        if let Some(m) = overlapping(mentions, t.start, t.end).first() {
            if !m.label.is_named() || m.label == Label::Person {
                return None;
            }
            affiliation = Some(m);
            j = doc.token_range(m.start, m.end).end;
            if j < sent_end && matches!(word(j), "'s" | "’s") {
                j += 1;
            }
            first = j;
            continue;
        }
        let next = if j + 1 < sent_end { word(j + 1) } else { "" };
        let is_head = roles::is_head(w);
        let head_here = is_head && !(roles::is_head(next) || roles::is_modifier(next));
        if !head_here && (roles::is_modifier(w) || roles::is_status(w)) {
            j += 1;
        } else {
            head_at_j = Some(is_head);
            break;
        }
    }
    if j >= sent_end || !head_at_j.unwrap_or_else(|| roles::is_head(word(j))) || first > j {
        return None;
    }
    // "the president of the club": a complement names whose role it is.
    let at = |i: usize| if i < sent_end { word(i) } else { "" };
    // The phrase's last token: the head, or the portfolio after it.
    let mut last = j;
    if matches!(at(j + 1), "of" | "at" | "for") {
        let mut c = j + 2;
        if at(c).eq_ignore_ascii_case("the") {
            c += 1;
        }
        let words: Vec<&str> = (j + 2..(j + 5).min(sent_end)).map(word).collect();
        let portfolio = (1..=words.len()).rev().find(|&n| roles::is_portfolio(&words[..n]));
        if let Some(n) = portfolio {
            last = j + 1 + n;
        } else {
            let t = doc.tokens.get(c).filter(|_| c < sent_end)?;
            let m = overlapping(mentions, t.start, t.end).first()?;
            if affiliation.is_some() || !m.label.is_named() {
                return None;
            }
            affiliation = Some(m);
        }
    }
    let head = doc.tokens[j];
    let next_is_name = j + 1 < sent_end && word(j + 1).starts_with(char::is_uppercase);
    let start = doc.tokens[first].start;
    if next_is_name
        || overlaps_mention(mentions, start, head.end)
        || beside_a_person(doc, mentions, k, last, sent_end)
    {
        return None;
    }
    // The role as the phrase gives it, modifiers and portfolio and all
    // ("deputy attorney general", "secretary of State").
    let phrase = &text[doc.tokens[first.max(k + 1)].start..doc.tokens[last].end];
    let e = antecedent(entities, people, start, phrase, affiliation)?;
    Some(Mention {
        start,
        end: head.end,
        text: text[start..head.end].to_string(),
        label: Label::Person,
        entity: Some(e),
        kind: MentionKind::Nominal,
    })
}

/// "Todd Stern, the State Department's climate envoy," and "the Republican
/// nominee, Donald Trump": a role phrase (article at `k`, head at `j`) set
/// beside a person's name by a comma is that person's own appositive, which
/// gives the role and is no separate mention.
fn beside_a_person(doc: &Doc, mentions: &[Mention], k: usize, j: usize, sent_end: usize) -> bool {
    let text = doc.text;
    let is_person = |t: usize| {
        let tok = doc.tokens[t];
        overlapping(mentions, tok.start, tok.end)
            .first()
            .is_some_and(|m| m.label == Label::Person)
    };
    let comma = |t: usize| doc.tokens[t].text(text) == ",";
    let after_name = k >= 2 && comma(k - 1) && is_person(k - 2);
    let before_name = j + 2 < sent_end && comma(j + 1) && is_person(j + 2);
    after_name || before_name
}

/// The person most recently named before `pos` whose role is the one the
/// phrase `head` names (its head, rank and portfolio), and whose
/// affiliation is the one the phrase names, if it names one.
fn antecedent(
    entities: &[Entity],
    people: &[(usize, usize, usize)],
    pos: usize,
    head: &str,
    affiliation: Option<&Mention>,
) -> Option<usize> {
    // The last few people named: a role noun refers back a short way.
    let before = people.partition_point(|p| p.1 < pos);
    people[before.saturating_sub(ROLE_REACH)..before]
        .iter()
        .rev()
        .map(|p| &entities[p.2])
        .find(|e| {
            e.role
                .as_deref()
                .is_some_and(|r| roles::same_role(r, head) && same_portfolio(r, head))
                && affiliation.is_none_or(|m| agrees(e, m))
        })
        .map(|e| e.id)
}

/// "the secretary of State" is not the secretary of the Treasury: when the
/// phrase and the role both name a portfolio, it is the same one ("the
/// secretary of State" may still be "Secretary Clinton").
fn same_portfolio(role: &str, phrase: &str) -> bool {
    let portfolio = |s: &str| -> Option<String> {
        let (_, p) = s.split_once(" of ")?;
        Some(p.trim_start_matches("the ").to_lowercase())
    };
    portfolio(phrase).is_none_or(|p| portfolio(role).is_none_or(|r| r == p))
}

/// Whether the name in a role phrase ("the [Indiana] governor") is the
/// person's affiliation: the same entity, or the same name (a demonym
/// read as its country).
fn agrees(person: &Entity, m: &Mention) -> bool {
    if m.entity.is_some() && person.affiliation_entity == m.entity {
        return true;
    }
    let key = |s: &str| match countries::table().lookup(s) {
        Some((c, _)) => c.name.to_ascii_lowercase(),
        None => s.trim_end_matches("'s").to_ascii_lowercase(),
    };
    person
        .affiliation
        .as_deref()
        .is_some_and(|a| key(a) == key(&m.text))
}
