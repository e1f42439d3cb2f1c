//! The words around a mention: whether a capital or a seat of government is
//! used as an actor ("Washington said", "the Moscow administration",
//! "Pyongyang's commitments", "weapons to Moscow") or as a place ("flew to
//! Vladivostok", "a school in Washington").

use crate::analysis::Mention;
use crate::lexicon::cues::{self, CueList};
use crate::lexicon::{function_words, holds};
use crate::doc::Doc;
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
/// Verbs after a capital that make it an actor besides the lexicon's cue
/// verbs (see [`acts`]): auxiliaries and what governments do to each other.
/// Lowercase and sorted.
const ACTION_VERBS: &[&str] = &[
    "backed",
    "blamed",
    "blames",
    "condemned",
    "condemns",
    "could",
    "criticised",
    "criticises",
    "had",
    "has",
    "have",
    "imposed",
    "imposes",
    "is",
    "may",
    "must",
    "opposed",
    "opposes",
    "reacted",
    "retaliated",
    "sends",
    "sent",
    "should",
    "signed",
    "supplied",
    "supplies",
    "supports",
    "was",
    "welcomed",
    "welcomes",
    "will",
    "would",
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

/// Whether a word after a name makes the name an actor ("Washington
/// said", "Moscow has", "Beijing fears"): a verb form of a speech, belief or
/// intention cue, unless the name follows an article ("the Paris attacks"
/// are a noun phrase), or one of [`ACTION_VERBS`].
fn acts(word: &str, after_article: bool) -> bool {
    let verb = |c: CueList| cues::classes_of(word) & 1 << c as u8 != 0;
    let inflected =
        word.ends_with('s') || word.ends_with("ed") || matches!(word, "said" | "sought");
    let lower = word.starts_with(|c: char| c.is_ascii_lowercase());
    !after_article
        && lower
        && inflected
        && (verb(CueList::Speech) || verb(CueList::Belief) || verb(CueList::Intention))
        || holds(ACTION_VERBS, word)
}

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
        || acts(
            next,
            before
                .first()
                .is_some_and(|w| function_words::is_article(w)),
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_that_make_a_name_an_actor() {
        // Cue verbs come from the lexicon, inflected: "Beijing views", "Washington said".
        for w in [
            "said", "views", "warned", "intends", "sought", "blamed", "has", "sent",
        ] {
            assert!(acts(w, false), "{w}");
        }
        // Bare or capitalised forms and nouns are not: "the Moscow plan", "Washington Post".
        for w in ["view", "plan", "Post", "mayor", "in"] {
            assert!(!acts(w, false), "{w}");
        }
        // After an article, a cue word is a noun: "the Paris attacks".
        assert!(!acts("attacks", true) && acts("attacks", false) && acts("has", true));
        assert!(crate::lexicon::is_sorted_lowercase(ACTION_VERBS));
    }
}
