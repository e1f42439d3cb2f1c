//! The words around a mention: whether a capital or a seat of government is
//! used as an actor ("Washington said", "the Moscow administration",
//! "Pyongyang's commitments", "weapons to Moscow") or as a place ("flew to
//! Vladivostok", "a school in Washington").

use crate::analysis::Mention;
use crate::Doc;
use std::ops::Range;

/// Nouns after a capital that make it its government.
const GOVERNMENT_NOUNS: &[&str] = &[
    "administration",
    "government",
    "regime",
    "authorities",
    "officials",
    "leadership",
    "cabinet",
    "diplomats",
    "negotiators",
    "side",
];
/// Verbs after a capital that make it an actor.
const ACTOR_VERBS: &[&str] = &[
    "said",
    "says",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "must",
    "may",
    "is",
    "was",
    "wants",
    "wanted",
    "warned",
    "warns",
    "accused",
    "accuses",
    "denied",
    "denies",
    "announced",
    "rejected",
    "rejects",
    "responded",
    "called",
    "calls",
    "urged",
    "urges",
    "threatened",
    "threatens",
    "insisted",
    "agreed",
    "claimed",
    "believes",
    "sees",
    "supplied",
    "supplies",
    "sent",
    "sends",
    "imposed",
    "imposes",
    "demanded",
    "demands",
    "condemned",
    "condemns",
    "vowed",
    "vows",
    "hopes",
    "fears",
    "considers",
    "signed",
    "backed",
    "supports",
    "opposes",
    "opposed",
    "sought",
    "seeks",
    "reacted",
    "retaliated",
    "blamed",
    "blames",
    "welcomed",
    "welcomes",
    "criticised",
    "criticized",
];
/// Prepositions after which a capital is an actor ("weapons to Moscow", "ties with Beijing").
const RELATION_PREPOSITIONS: &[&str] = &[
    "from", "to", "with", "between", "against", "by", "toward", "towards", "on",
];
/// Prepositions after which it is a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "outside", "inside", "around", "across", "into", "via", "through", "of",
    "over",
];
/// Words of movement: "flew to Moscow" is a place even after "to".
const MOVEMENT: &[&str] = &[
    "flew",
    "fly",
    "flying",
    "travel",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "arrived",
    "arrive",
    "arriving",
    "went",
    "go",
    "going",
    "returned",
    "return",
    "moved",
    "visit",
    "visited",
    "visiting",
    "trip",
    "journey",
    "came",
    "come",
    "headed",
    "heading",
    "back",
    "train",
    "flight",
    "drove",
    "driven",
    "road",
    "route",
    "miles",
    "km",
    "kilometres",
    "kilometers",
    "fled",
    "deported",
    "relocated",
    "based",
];

/// The words of the sentence before and after the mention, nearest first.
fn around<'a>(doc: &Doc<'a>, m: &Mention) -> (Vec<&'a str>, Vec<&'a str>) {
    let toks = &doc.tokens;
    let Range { start: a, end: b } = doc.token_range(m.start, m.end);
    let range = doc.sentence_tokens(a).unwrap_or(0..toks.len());
    let before = toks[range.start.min(a)..a]
        .iter()
        .rev()
        .map(|t| t.text(doc.text))
        .collect();
    let after = toks[b.min(range.end)..range.end]
        .iter()
        .map(|t| t.text(doc.text))
        .collect();
    (before, after)
}

/// Whether a capital city mention stands for its country's government.
pub fn acts_as_government(doc: &Doc, m: &Mention) -> bool {
    let (before, after) = around(doc, m);
    let next = after.first().copied().unwrap_or("");
    if matches!(next, "'s" | "’s")
        || GOVERNMENT_NOUNS.contains(&next)
        || ACTOR_VERBS.contains(&next)
    {
        return true;
    }
    // The word before, skipping "the".
    let mut prev = before
        .iter()
        .copied()
        .filter(|w| !w.eq_ignore_ascii_case("the"));
    match prev.next() {
        Some(p) if RELATION_PREPOSITIONS.contains(&p) => !prev
            .take(4)
            .any(|w| MOVEMENT.contains(&w.to_ascii_lowercase().as_str())),
        _ => false,
    }
}

/// Whether a mention is used as a location ("in the White House").
pub fn is_located(doc: &Doc, m: &Mention) -> bool {
    let (before, _) = around(doc, m);
    let mut prev = before
        .iter()
        .copied()
        .filter(|w| !w.eq_ignore_ascii_case("the"));
    match prev.next() {
        Some(p) if PLACE_PREPOSITIONS.contains(&p) && p != "of" => true,
        Some("to") => prev
            .take(4)
            .any(|w| MOVEMENT.contains(&w.to_ascii_lowercase().as_str())),
        _ => false,
    }
}
