//! Pronouns and role nouns that refer to a named person: "he", "she",
//! "the spokesman". Precision first: a pronoun is linked only when one person
//! is the clear antecedent (the only person of the right gender in the same
//! sentence before it, or in the nearest earlier sentence that names people);
//! a role noun only when a person with that role was named before.

use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::lexicon::gender::{self, Gender};
use super::role_nouns;
use super::roles;
use crate::tokens::{Token, TokenKind};
use crate::doc::Doc;

/// How many earlier sentences a pronoun may reach back.
const WINDOW: usize = 2;
/// How many earlier person mentions a pronoun may reach back.
const PERSON_REACH: usize = 50;

/// Adds pronoun and role-noun mentions of people, keeping `mentions` sorted
/// and every entity's mention list in step. `honorifics` holds the gender
/// an honorific before each mention shows ("Mr. Smith" is male).
#[inline(never)]
pub fn resolve(
    doc: &Doc,
    mentions: &mut Vec<Mention>,
    honorifics: &[Option<Gender>],
    entities: &mut [Entity],
) {
    let mut gender = genders(honorifics, entities);
    let people = people_by_sentence(doc, mentions, entities);
    let (added, learned) = references(doc, mentions, entities, &people, &mut gender);
    if added.is_empty() {
        return;
    }
    // The story's subject takes the role a role noun gave it.
    for (e, role, name) in learned {
        if entities[e].role.is_none() {
            roles::learn(doc, mentions, entities, e, role, name.as_ref());
        }
    }
    // Merge, then renumber the entities' mention lists.
    merge_by_start(mentions, added);
    for e in entities.iter_mut() {
        e.mentions.clear();
    }
    for (i, m) in mentions.iter().enumerate() {
        if let Some(e) = m.entity {
            entities[e].mentions.push(i);
        }
    }
}

/// Merges `added` into `mentions`, both sorted by start. Disjoint mentions
/// have distinct starts, so the merge gives the order a sort would, without
/// sorting the whole list again; `added` out of order falls back to a sort.
fn merge_by_start(mentions: &mut Vec<Mention>, added: Vec<Mention>) {
    if !added.windows(2).all(|w| w[0].start < w[1].start) {
        mentions.extend(added);
        mentions.sort_unstable_by_key(|m| m.start);
        return;
    }
    let old = std::mem::take(mentions);
    mentions.reserve_exact(old.len() + added.len());
    let mut added = added.into_iter().peekable();
    for m in old {
        while let Some(a) = added.next_if(|a| a.start < m.start) {
            mentions.push(a);
        }
        mentions.push(m);
    }
    mentions.extend(added);
}

/// Each entity's gender, where an honorific before one of its names or a
/// person's given name shows it.
#[inline(never)]
fn genders(honorifics: &[Option<Gender>], entities: &[Entity]) -> Vec<Option<Gender>> {
    entities
        .iter()
        .map(|e| {
            e.mentions
                .iter()
                .find_map(|&i| honorifics[i])
                .or_else(|| {
                    (e.label == Label::Person)
                        .then(|| gender::of_name(&e.name))
                        .flatten()
                })
        })
        .collect()
}

/// A person named in the text: where, who, and whether inside a quotation.
#[derive(Clone, Copy, Debug)]
pub(super) struct Named {
    pub sentence: usize,
    pub start: usize,
    pub entity: usize,
    /// Inside quotation marks opened in the same sentence: someone else's
    /// words, so not what a pronoun outside them in that sentence refers
    /// to ("'[Eloise] never understood,' she said" is not Eloise speaking).
    pub quoted: bool,
}

/// Person name mentions, in text order, only of entities that are people
/// as a whole.
#[inline(never)]
fn people_by_sentence(doc: &Doc, mentions: &[Mention], entities: &[Entity]) -> Vec<Named> {
    let mut people = Vec::new();
    let mut m_iter = mentions
        .iter()
        .filter(|m| m.label == Label::Person && m.kind == MentionKind::Name)
        .peekable();
    for (s, sent) in doc.sentences.iter().enumerate() {
        let (mut k, mut in_quote) = (sent.sentence.tokens.start, false);
        while let Some(m) = m_iter.next_if(|m| m.start < sent.sentence.end) {
            // The quotation state at the mention, walking on from the last one.
            while k < sent.sentence.tokens.end && doc.tokens[k].start < m.start {
                in_quote = toggle_quote(in_quote, doc.tokens[k], doc.text);
                k += 1;
            }
            if let Some(e) = m.entity.filter(|&e| entities[e].label == Label::Person) {
                people.push(Named {
                    sentence: s,
                    start: m.start,
                    entity: e,
                    quoted: in_quote,
                });
            }
        }
    }
    people
}

/// Whether a sentence is inside a quotation after token `t`, given whether
/// it was before.
fn toggle_quote(in_quote: bool, t: Token, text: &str) -> bool {
    match t.kind {
        TokenKind::OpenQuote => true,
        TokenKind::CloseQuote => false,
        TokenKind::Quote if t.text(text) == "\"" => !in_quote,
        _ => in_quote,
    }
}

/// The pronoun and role-noun mentions of people in the analysed sentences,
/// outside quotations ("he", "she", "the spokesman"), each with the one
/// person it refers to.
#[inline(never)]
fn references(
    doc: &Doc,
    mentions: &[Mention],
    entities: &[Entity],
    people: &[Named],
    gender: &mut [Option<Gender>],
) -> (Vec<Mention>, Vec<Learned>) {
    let text = doc.text;
    let mut added: Vec<Mention> = Vec::new();
    let mut learned: Vec<Learned> = Vec::new();
    let mut ahead = Ahead { all: mentions, next: 0 };
    for (s, sent) in doc.sentences.iter().enumerate() {
        if !sent.part.yields_sentences() {
            continue;
        }
        let mut in_quote = false;
        let range = sent.sentence.tokens.clone();
        for k in range.clone() {
            let t = doc.tokens[k];
            in_quote = toggle_quote(in_quote, t, text);
            // Words inside quotations speak from someone else's point of view.
            // The cheap tests come before the word tests and those before the
            // mention search: nearly every token fails them.
            if in_quote || !may_refer(text, t) {
                continue;
            }
            let w = t.text(text);
            let the = w.eq_ignore_ascii_case("the");
            let pronoun = if the { None } else { gender::of_pronoun(w) };
            if !(pronoun.is_some() || the) {
                continue;
            }
            ahead.advance(t.start);
            if first_overlap(ahead.after(), t.start, t.end).is_some() {
                continue;
            }
            let found = match pronoun {
                Some(g) => pronoun_mention(people, gender, s, t, w, g),
                None => role_nouns::mention(doc, &ahead, entities, people, &learned, k, range.end).map(
                    |linked| {
                        if let (Some(e), Some((role, name))) = (linked.mention.entity, linked.role) {
                            learned.push((e, role, name));
                        }
                        linked.mention
                    },
                ),
            };
            added.extend(found);
        }
    }
    (added, learned)
}

/// A role a person takes from a role noun that names them: the entity, the
/// role, and the name inside the phrase ("the [Republican] nominee").
pub(super) type Learned = (usize, String, Option<Mention>);

/// Whether token `t` can be a pronoun or "the", by its first letter: the
/// pronouns and "the" start with "h", "s" or "t", most words with another.
fn may_refer(text: &str, t: Token) -> bool {
    let first = text.as_bytes()[t.start..t.end].first();
    matches!(first.map(|b| b | 0x20), Some(b'h' | b's' | b't'))
}

/// "he" or "she" at token `t` of sentence `s`, as a mention of the one
/// person it can refer to; that person's gender is then known.
#[inline(never)]
fn pronoun_mention(
    people: &[Named],
    gender: &mut [Option<Gender>],
    s: usize,
    t: Token,
    w: &str,
    g: Gender,
) -> Option<Mention> {
    let e = antecedent(people, gender, s, t.start, g)?;
    gender[e] = Some(g);
    Some(Mention {
        start: t.start,
        end: t.end,
        text: w.to_string(),
        label: Label::Person,
        entity: Some(e),
        kind: MentionKind::Pronoun,
    })
}

/// The mentions from the first that ends after a position, for positions
/// asked in text order: each step passes the few mentions since the last
/// one, where a binary search over all of them would start over.
pub(super) struct Ahead<'a> {
    /// All the mentions, sorted and disjoint (so their ends are sorted too).
    pub all: &'a [Mention],
    /// The first that ends after the position last asked.
    next: usize,
}

impl<'a> Ahead<'a> {
    /// Moves on to the mentions that end after `pos`.
    fn advance(&mut self, pos: usize) {
        if self.next > 0 && self.all[self.next - 1].end > pos {
            // Asked out of text order: start over.
            self.next = self.all.partition_point(|m| m.end <= pos);
        }
        while self.all.get(self.next).is_some_and(|m| m.end <= pos) {
            self.next += 1;
        }
    }

    /// The mentions that end after the position last asked, and all after them.
    pub fn after(&self) -> &'a [Mention] {
        &self.all[self.next..]
    }
}

/// The first mention that overlaps `start..end`, given `after`, the sorted,
/// disjoint mentions from the first that ends after some position at or
/// before `start` (what [`Ahead::after`] gives): the mention
/// [`crate::mentions::overlapping`] would give first, found in a few steps.
pub(super) fn first_overlap(after: &[Mention], start: usize, end: usize) -> Option<&Mention> {
    after.iter().find(|m| m.end > start).filter(|m| m.start < end)
}

/// The one person a pronoun at `pos` in sentence `s` can refer to, if clear.
fn antecedent(
    people: &[Named],
    gender: &[Option<Gender>],
    s: usize,
    pos: usize,
    g: Gender,
) -> Option<usize> {
    let compatible = |p: &&Named| {
        gender[p.entity].is_none_or(|x| x == g) && !(p.quoted && p.sentence == s)
    };
    // The window's people before the pronoun, nearest first (`people` is in text order).
    let lo = people.partition_point(|p| p.sentence + WINDOW < s);
    let hi = people.partition_point(|p| p.start < pos).max(lo);
    let mut nearest = people[lo..hi]
        .iter()
        .rev()
        .take(PERSON_REACH)
        .filter(compatible)
        .peekable();
    // The same sentence before the pronoun; else the nearest earlier sentence naming someone.
    let sentence = nearest.peek()?.sentence;
    // Clear when every candidate there is one and the same person.
    let mut candidates = nearest.take_while(|p| p.sentence == sentence).map(|p| p.entity);
    let e = candidates.next()?;
    candidates.all(|c| c == e).then_some(e)
}
