//! Role nouns that name a person met before: "the governor said" after
//! "Gov. Jane Roe", "the State Department spokesman" after "Jane Roe, a
//! spokeswoman at the State Department". The mention is the role noun and
//! its modifiers ("the governor", "the former secretary"); a name inside
//! the phrase ("the [Indiana] governor") stays its own mention and must
//! agree with the person's affiliation.

use super::coref::{first_overlap, Ahead, Learned, Named};
use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::doc::Doc;
use crate::lexicon::countries;
use crate::lexicon::roles;
use crate::mentions::overlapping;
use std::cell::Cell;

/// How many earlier person mentions a role noun may reach back.
const ROLE_REACH: usize = 50;
/// The fewest times the story's subject is named before a role noun that
/// names it by being the subject.
const SUBJECT_MIN_NAMES: usize = 2;
/// How many times as often as anyone else the story's subject is named.
const SUBJECT_LEAD: usize = 2;
/// How many earlier person names are read to find the story's subject.
const SUBJECT_REACH: usize = 200;
/// The most words between "the" and the role's head ("the former Indiana
/// [governor]", "the State Department's [spokesman]").
const MAX_BEFORE_HEAD: usize = 5;

/// The role phrase that starts with "the" at token `k`, as a mention of
/// the person named before with that role (and that affiliation, if the
/// phrase names one). `ahead` stands at token `k`.
#[inline(never)]
pub(super) fn mention(
    doc: &Doc,
    ahead: &Ahead,
    entities: &[Entity],
    people: &[Named],
    learned: &[Learned],
    k: usize,
    sent_end: usize,
) -> Option<Linked> {
    let text = doc.text;
    let (mentions, after) = (ahead.all, ahead.after());
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
        if let Some(m) = first_overlap(after, t.start, t.end) {
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
        let here = roles::role_word(w);
        let head_here = here.head && {
            let after = roles::role_word(next);
            !(after.head || after.modifier)
        };
        if !head_here && (here.modifier || here.status) {
            j += 1;
        } else {
            head_at_j = Some(here.head);
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
            let m = first_overlap(after, t.start, t.end)?;
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
        || first_overlap(after, start, head.end).is_some()
        || beside_a_person(doc, mentions, k, last, sent_end)
    {
        return None;
    }
    // The role as the phrase gives it, modifiers and portfolio and all
    // ("deputy attorney general", "secretary of State").
    let phrase = &text[doc.tokens[first.max(k + 1)].start..doc.tokens[last].end];
    let (e, learned) = match antecedent(entities, people, learned, start, phrase, affiliation)? {
        Antecedent::Holder(e) => (e, None),
        Antecedent::Subject(e) => (e, Some((phrase.to_string(), affiliation.cloned()))),
    };
    Some(Linked {
        mention: Mention {
            start,
            end: head.end,
            text: text[start..head.end].to_string(),
            label: Label::Person,
            entity: Some(e),
            kind: MentionKind::Nominal,
        },
        role: learned,
    })
}

/// A role noun linked to a person, and the role (with the name in the
/// phrase, if any) the person takes from it when the link was made by
/// the story's subject rather than by a role the person carries.
pub(super) struct Linked {
    pub mention: Mention,
    pub role: Option<(String, Option<Mention>)>,
}

/// Who a role noun names.
enum Antecedent {
    /// The one person named before who carries the role.
    Holder(usize),
    /// The person the story is about, when nobody named carries the role.
    Subject(usize),
}

/// "Todd Stern, the State Department's climate envoy," and "the Republican
/// nominee, Donald Trump": a role phrase (article at `k`, head at `j`) set
/// beside a person's name by a comma is that person's own appositive, which
/// gives the role and is no separate mention.
#[inline(never)]
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
    // "The minister of the economy, Mr. Guajardo,": an honorific may come first.
    let honorific = j + 3 < sent_end && roles::is_honorific(doc.tokens[j + 2].text(text));
    let name = if honorific { j + 3 } else { j + 2 };
    let before_name = name < sent_end && comma(j + 1) && is_person(name);
    after_name || before_name
}

/// The person a role phrase (`head`, with the name in it, if any) at `pos`
/// names: the one person among the last few named whose role is the
/// phrase's (head, rank and portfolio) and whose affiliation is the one
/// the phrase names; of two such people, the one named last, when nobody
/// else was named since ("the candidate" after two candidates and then
/// someone else names no one). When nobody named carries the role, the
/// person the story is about, if it carries no role of its own and was
/// the last person named and the phrase names a party or nation ("the
/// Republican nominee" in a story about one politician).
#[inline(never)]
fn antecedent(
    entities: &[Entity],
    people: &[Named],
    learned: &[Learned],
    pos: usize,
    head: &str,
    affiliation: Option<&Mention>,
) -> Option<Antecedent> {
    let before = people.partition_point(|p| p.start < pos);
    // A role learned earlier in this pass counts as the person's own, so
    // that "the senator" follows "the Vermont senator" to the same person.
    // Whether each entity's role is the phrase's, decided once per entity:
    // a person named many times in the window would repeat the comparison.
    let decided: Vec<Cell<Option<bool>>> = vec![Cell::new(None); entities.len()];
    let same = |e: &Entity| {
        decided[e.id].get().unwrap_or_else(|| {
            let same = role_of(e, learned)
                .is_some_and(|r| roles::same_role(r, head) && same_portfolio(r, head));
            decided[e.id].set(Some(same));
            same
        })
    };
    let agrees_with = |e: &Entity, m: &Mention| match (&e.role, learned_of(e, learned)) {
        (None, Some((_, _, Some(name)))) => name.entity.is_some() && name.entity == m.entity,
        _ => agrees(e, m),
    };
    let fits = |e: &Entity| same(e) && affiliation.is_none_or(|m| agrees_with(e, m));
    // The last few people named: a role noun refers back a short way.
    let mut named_last = people[before.saturating_sub(ROLE_REACH)..before]
        .iter()
        .rev()
        .map(|p| &entities[p.entity]);
    // The last person named before the role noun.
    let last = before.checked_sub(1).map(|i| people[i].entity);
    if let Some(first) = named_last.find(|e| fits(e)) {
        // Two holders: the nearer one only when nobody was named since.
        let sole = last == Some(first.id) || named_last.all(|e| e.id == first.id || !fits(e));
        return sole.then_some(Antecedent::Holder(first.id));
    }
    // Only a phrase that names the holder's party or nation ("the
    // Republican nominee", "the Chilean president") is read as the
    // subject's: a bare role ("the former president") may be someone the
    // story names without a role, or no one it names; a place ("the
    // Vermont senator") is too often another person the story names
    // without a role (tried on PolNeAR train: a third of such links wrong).
    let party = affiliation.is_some_and(|m| m.label == Label::Norp);
    if !party {
        return None;
    }
    // Anyone named before with the role, whatever their affiliation, is
    // another possible holder.
    let named = &people[before.saturating_sub(SUBJECT_REACH)..before];
    if named.iter().any(|p| same(&entities[p.entity])) {
        return None;
    }
    subject(named)
        .filter(|&e| role_of(&entities[e], learned).is_none() && last == Some(e))
        .map(Antecedent::Subject)
}

/// The role of `e`: its own, or the one a role noun gave it earlier in
/// this pass.
fn role_of<'a>(e: &'a Entity, learned: &'a [Learned]) -> Option<&'a str> {
    e.role.as_deref().or_else(|| learned_of(e, learned).map(|l| l.1.as_str()))
}

/// What a role noun taught about `e` earlier in this pass, if anything.
fn learned_of<'a>(e: &Entity, learned: &'a [Learned]) -> Option<&'a Learned> {
    learned.iter().find(|l| l.0 == e.id)
}

/// The person the story is about, from the person names before a role
/// noun: the one named most often, at least [`SUBJECT_MIN_NAMES`] times
/// and [`SUBJECT_LEAD`] times as often as anyone else.
fn subject(named: &[Named]) -> Option<usize> {
    let mut ids: Vec<usize> = named.iter().map(|p| p.entity).collect();
    ids.sort_unstable();
    // Each entity's count, from the runs of the sorted ids: (count, entity).
    let mut counts: Vec<(usize, usize)> = ids
        .chunk_by(|a, b| a == b)
        .map(|run| (run.len(), run[0]))
        .collect();
    counts.sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
    let (top, e) = *counts.first()?;
    let second = counts.get(1).map_or(0, |c| c.0);
    (top >= SUBJECT_MIN_NAMES && top >= SUBJECT_LEAD * second).then_some(e)
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
