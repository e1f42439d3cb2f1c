//! The owner of a role that a common noun names instead of a name: "The
//! group's founder, Bernice Scott," after "a group known as The Reckoning
//! Crew"; "Wayne King, the congressman's deputy chief of staff," after
//! "Rep. Mark Meadows". The noun stands for an organisation or a person the
//! article named before it, as a reader takes it.

use super::phrase::is_body;
use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::article::PartKind;
use crate::doc::Doc;
use crate::lexicon::{holds, names, roles};

/// Bodies a role's owner may be called besides [`names::is_org_noun`]'s and
/// [`is_body`]'s. Lowercase and sorted.
const OWNER_BODIES: &[&str] = &[
    "board", "club", "commission", "council", "hospital", "institute", "league", "ministry",
    "organisation", "organization", "party", "school", "trust", "university",
];

/// The most sentences before the owner noun an organisation it stands for
/// may be named in, when its name does not hold the noun.
const MAX_SENTENCES_BACK: usize = 2;

/// The entity the owner noun at token `k` stands for, for person `person`:
/// an organisation for a body's noun, a person for a role's.
pub(super) fn resolve(
    doc: &Doc,
    mentions: &[Mention],
    entities: &[Entity],
    person: usize,
    k: usize,
) -> Option<usize> {
    let word = doc.tokens.get(k)?.text(doc.text).to_ascii_lowercase();
    let at = doc.tokens[k].start;
    // "the campaign's political director": a campaign is its candidate's,
    // seldom an organisation named before.
    if word == "campaign" {
        return None;
    }
    if names::is_org_noun(&word) || is_body(&word) || holds(OWNER_BODIES, &word) {
        organisation(doc, mentions, &word, k).filter(|&e| e != person)
    } else if roles::is_head(&word) {
        role_holder(mentions, entities, person, &word, at)
    } else {
        None
    }
}

/// The organisation "the `noun`" at token `k` stands for: the last one
/// named before it whose name holds the noun ("the department" for the
/// "Department of Transportation"), else the last one named in the
/// sentence or the [`MAX_SENTENCES_BACK`] before.
fn organisation(doc: &Doc, mentions: &[Mention], noun: &str, k: usize) -> Option<usize> {
    let at = doc.tokens[k].start;
    let sentence = |m: &Mention| doc.sentence_of(doc.token_range(m.start, m.end).start);
    // In the story's body: a headline's capitals make organisations of its words.
    let in_body = |m: &Mention| doc.sentences.get(sentence(m)).is_some_and(|s| s.part == PartKind::Body);
    let before = mentions.iter().filter(|m| {
        m.end <= at && m.label == Label::Org && m.kind == MentionKind::Name && in_body(m)
    });
    let holds_noun = |m: &&Mention| m.text.split(' ').any(|w| w.eq_ignore_ascii_case(noun));
    if let Some(m) = before.clone().rfind(holds_noun) {
        return m.entity;
    }
    let first = doc.sentence_of(k).saturating_sub(MAX_SENTENCES_BACK);
    let mut before = before;
    before.rfind(|m| sentence(m) >= first).and_then(|m| m.entity)
}

/// The one person other than `person`, named before byte `at`, whose role
/// is the role noun `noun` ("the congressman" for "Rep. Mark Meadows").
fn role_holder(
    mentions: &[Mention],
    entities: &[Entity],
    person: usize,
    noun: &str,
    at: usize,
) -> Option<usize> {
    let mut holders = entities.iter().filter(|e| {
        e.id != person
            && e.label == Label::Person
            && e.role.as_deref().is_some_and(|r| roles::same_role(r, noun))
            && e.mentions.iter().any(|&i| mentions[i].end <= at)
    });
    let one = holders.next()?;
    holders.next().is_none().then_some(one.id)
}
