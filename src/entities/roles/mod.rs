//! Roles and affiliations of people, from the words around their names, in
//! the shapes news writing gives them:
//! - a title before the name ([`title`]): "Russian President Vladimir Putin",
//!   "Gov. Jane Roe", "math teacher Jane Roe", "Acme Vice President Jane Roe",
//!   "Sens. Jane Roe and John Doe", "Senator Jane Roe of Arizona";
//! - an appositive after it ([`apposition`]): "Jane Roe, a senior analyst at
//!   Acme Corp., said", "Jane Roe, chief executive of Acme,", "Jane Roe,
//!   Acme's vice president for exploration,";
//! - an appositive before it: "Acme's chief operating officer, Jane Roe, said";
//! - a predicate: "Jane Roe is director of research at Acme."
//!
//! The role phrase itself (its modifiers, its complement, the affiliation
//! before or after it) is read by [`phrase`].

mod apposition;
mod lowercase;
mod owner;
mod party;
mod phrase;
mod title;

use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::doc::Doc;
use crate::lexicon::countries::{self, Relation};
use crate::lexicon::roles;
use crate::mentions::within;
use phrase::Words;
use std::ops::Range;

/// A role found next to a name.
struct Found {
    role: String,
    /// The affiliation's tokens, if any.
    affiliation: Option<Range<usize>>,
    /// The token of the common noun that owns the role when no name does
    /// ("the group" in "the group's founder"), for [`owner`] to resolve.
    owner: Option<usize>,
}

/// Sets `role`, `affiliation` and `affiliation_entity` for people, from the
/// first of their name mentions that has a role next to it.
#[inline(never)]
pub fn assign(doc: &Doc, mentions: &[Mention], entities: &mut [Entity]) {
    let country_entities: Vec<(String, usize)> = entities
        .iter()
        .filter_map(|e| Some((e.country.clone()?, e.id)))
        .collect();
    let mut owned = Vec::new();
    for e in entities.iter_mut().filter(|e| e.label == Label::Person) {
        for &i in &e.mentions {
            let m = &mentions[i];
            if m.kind != MentionKind::Name || m.label != Label::Person {
                continue;
            }
            let Some(found) = role_of(doc, mentions, m) else {
                continue;
            };
            if let (None, Some(k)) = (&found.affiliation, found.owner) {
                owned.push((e.id, k));
            }
            set_role(doc, mentions, &country_entities, e, found);
            break;
        }
        // "Dr. Jane Roe", "the Rev. Jane Roe": the honorific is the role
        // when no mention states a better one.
        if e.role.is_none() {
            let found = by_name(e, mentions, |m| honorific_of(doc, mentions, m));
            if let Some(found) = found {
                set_role(doc, mentions, &country_entities, e, found);
            }
        }
        // "Lester Holt of NBC News": an organisation after the name is the
        // affiliation, when no role is stated.
        if e.role.is_none() {
            let of = by_name(e, mentions, |m| organisation_after(doc, mentions, m));
            if let Some(r) = of {
                let (start, end) = (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
                let (name, entity) = affiliation(doc.text, mentions, &country_entities, start, end);
                e.affiliation = Some(name);
                e.affiliation_entity = entity.filter(|&a| a != e.id);
            }
        }
        // "Sen. Jane Roe (D-N.Y.)": the state, where no affiliation but a party was read.
        if e.affiliation.as_deref().is_none_or(party::is_party) {
            if let Some(r) = party::state(doc, mentions, &e.mentions) {
                e.affiliation = Some(doc.text[r].to_string());
                e.affiliation_entity = None;
            }
        }
    }
    // Owners are resolved once every person has the role it states: "the
    // congressman's deputy chief of staff" needs the congressman's.
    resolve_owners(doc, mentions, entities, owned);
}

/// Gives each person in `owned` the entity its role's owner noun stands for
/// (see [`owner`]) as its affiliation.
#[inline(never)]
fn resolve_owners(doc: &Doc, mentions: &[Mention], entities: &mut [Entity], owned: Vec<(usize, usize)>) {
    for (id, k) in owned {
        if entities[id].affiliation.is_some() {
            continue;
        }
        if let Some(a) = owner::resolve(doc, mentions, entities, id, k) {
            entities[id].affiliation = Some(entities[a].name.clone());
            entities[id].affiliation_entity = Some(a);
        }
    }
}

/// The first answer `f` gives for one of person `e`'s name mentions.
fn by_name<T>(e: &Entity, mentions: &[Mention], f: impl FnMut(&Mention) -> Option<T>) -> Option<T> {
    e.mentions
        .iter()
        .map(|&i| &mentions[i])
        .filter(|m| m.kind == MentionKind::Name && m.label == Label::Person)
        .find_map(f)
}

/// Gives person `e` the role a role noun that names it states ("the
/// [Republican] nominee"): `role`, and the name in the phrase, if any, as
/// the affiliation.
pub fn learn(
    doc: &Doc,
    mentions: &[Mention],
    entities: &mut [Entity],
    e: usize,
    role: String,
    name: Option<&Mention>,
) {
    entities[e].role = Some(role);
    if let Some(m) = name {
        let country_entities: Vec<(String, usize)> = entities
            .iter()
            .filter_map(|e| Some((e.country.clone()?, e.id)))
            .collect();
        let (name, entity) = affiliation(doc.text, mentions, &country_entities, m.start, m.end);
        entities[e].affiliation = Some(name);
        entities[e].affiliation_entity = entity.filter(|&a| a != e);
    }
}

/// Gives person `e` the role and affiliation `found` names.
#[inline(never)]
fn set_role(
    doc: &Doc,
    mentions: &[Mention],
    country_entities: &[(String, usize)],
    e: &mut Entity,
    found: Found,
) {
    e.role = Some(found.role);
    if let Some(r) = found.affiliation {
        let (start, end) = (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
        let (name, entity) = affiliation(doc.text, mentions, country_entities, start, end);
        e.affiliation = Some(name);
        e.affiliation_entity = entity.filter(|&a| a != e.id);
    }
}

/// "Lester Holt of NBC News", "NBC's Matt Lauer": the organisation named
/// right after one name mention, or owning it right before.
fn organisation_after(doc: &Doc, mentions: &[Mention], m: &Mention) -> Option<Range<usize>> {
    let Range { start: a, end: b } = doc.token_range(m.start, m.end);
    // Most names have neither "of" after them nor "'s" before them: look
    // before building the sentence's words.
    let of = doc.tokens.get(b).is_some_and(|t| t.text(doc.text) == "of");
    let owned = a > 0 && matches!(doc.tokens[a - 1].text(doc.text), "'s" | "’s");
    if !of && !owned {
        return None;
    }
    let sent = doc.sentence_tokens(a)?;
    let ws = Words::new(doc, mentions, sent);
    title::organisation_after(&ws, b).or_else(|| title::owner_before(&ws, a))
}

/// The honorific before one name mention, as a role ("Dr.", "Rev."), with
/// the body named after the name ("the Rev. Jane Roe, of Acme Church,").
fn honorific_of(doc: &Doc, mentions: &[Mention], m: &Mention) -> Option<Found> {
    let Range { start: a, end: b } = doc.token_range(m.start, m.end);
    // Most names have no such honorific: look before building the sentence's words.
    let before = doc.tokens[a.checked_sub(1)?].text(doc.text);
    if !roles::is_occupational_honorific(before) {
        return None;
    }
    let sent = doc.sentence_tokens(a)?;
    let ws = Words::new(doc, mentions, sent);
    title::honorific(&ws, a, b)
}

/// The role next to one name mention, trying the shapes from the tightest
/// to the loosest: a title right before it, an appositive after it, an
/// appositive before it, a predicate.
#[inline(never)]
fn role_of(doc: &Doc, mentions: &[Mention], m: &Mention) -> Option<Found> {
    let Range { start: a, end: b } = doc.token_range(m.start, m.end);
    let sent = doc.sentence_tokens(a)?;
    let ws = Words::new(doc, mentions, sent);
    let title = title::before_name(&ws, a, b);
    // "Democratic strategist Jane Roe, co-founder of Acme Labs,",
    // "Professor Jane Roe, president of the Law Council,": an employer
    // after the name says more than a party or nothing before it.
    if let Some(t) = &title {
        let party = match &t.affiliation {
            Some(r) => party::is_party(ws.span(r.start, r.end)),
            None => roles::says_no_employer(&t.role),
        };
        if let Some(after) = apposition::after_name(&ws, b).filter(|f| party && f.affiliation.is_some()) {
            return Some(after);
        }
    }
    let mut found = title
        .or_else(|| apposition::after_name(&ws, b))
        .or_else(|| apposition::before_name(&ws, a, b))
        .or_else(|| apposition::predicate(&ws, b))?;
    // "Del. Jane Roe, a Democrat,": the party set beside a title that names no body.
    if found.affiliation.is_none() {
        found.affiliation = apposition::party_after(&ws, b);
    }
    Some(found)
}

/// The affiliation's display name and entity: a demonym gives its country
/// ("Russian" -> "Russia"); otherwise the words as written, without a
/// leading "the" or a possessive, and the entity of the mention they are.
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
    let bare = super::bare_name(span);
    let bare_start = start + (bare.as_ptr() as usize - span.as_ptr() as usize);
    let bare_end = bare_start + bare.len();
    // "Mrs. Doe": the name after an honorific.
    let name_start = match bare.split_once(' ') {
        Some((h, _)) if roles::is_honorific(h) => bare_start + h.len() + 1,
        _ => bare_start,
    };
    // The mention the affiliation is, with or without its possessive.
    let entity = within(mentions, start, end)
        .iter()
        .find(|m| m.label.is_named() && m.start == name_start && m.end >= bare_end)
        .and_then(|m| m.entity);
    (bare.to_string(), entity)
}
