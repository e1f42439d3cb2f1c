//! Titles and role nouns ("President", "spokesperson", "leader"), and the
//! modifiers that build longer ones ("Foreign Minister", "Deputy Prime
//! Minister"). Used to split a title off a name, to give people their role,
//! and to resolve "the spokesman" to the spokesman named before. Honorifics
//! ("Mr.", "Dr") are a list of their own: they mark a name but are no role.

use super::gender::Gender;
use super::holds;

/// Head nouns of roles, lowercase and sorted. A role ends with one of these.
const HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "anchor",
    "archbishop",
    "attorney",
    "author",
    "ayatollah",
    "bishop",
    "boss",
    "candidate",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "cleric",
    "coach",
    "colonel",
    "columnist",
    "commander",
    "commentator",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "councillor",
    "councilman",
    "councilwoman",
    "counsel",
    "dean",
    "delegate",
    "deputy",
    "diplomat",
    "director",
    "doctor",
    "economist",
    "editor",
    "emir",
    "envoy",
    "executive",
    "founder",
    "general",
    "governor",
    "head",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lieutenant",
    "manager",
    "mayor",
    "minister",
    "monarch",
    "negotiator",
    "officer",
    "official",
    "owner",
    "partner",
    "pastor",
    "physician",
    "player",
    "police",
    "pope",
    "premier",
    "president",
    "priest",
    "prince",
    "princess",
    "professor",
    "prosecutor",
    "queen",
    "rabbi",
    "reporter",
    "representative",
    "researcher",
    "scientist",
    "secretary",
    "senator",
    "sergeant",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "striker",
    "superintendent",
    "treasurer",
    "trustee",
    "vice-president",
];

/// Words that modify a role head ("Foreign Minister", "Deputy Secretary"),
/// lowercase and sorted.
const MODIFIERS: &[&str] = &[
    "acting",
    "agriculture",
    "assistant",
    "associate",
    "attorney",
    "chief",
    "club",
    "communications",
    "crown",
    "culture",
    "defence",
    "defense",
    "deputy",
    "economy",
    "education",
    "energy",
    "environment",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "general",
    "head",
    "health",
    "home",
    "information",
    "intelligence",
    "interim",
    "interior",
    "justice",
    "labor",
    "labour",
    "lead",
    "majority",
    "managing",
    "military",
    "minority",
    "national",
    "opposition",
    "party",
    "press",
    "prime",
    "principal",
    "security",
    "senior",
    "sports",
    "state",
    "supreme",
    "team",
    "top",
    "trade",
    "transport",
    "under",
    "vice",
];

/// Whether `word` (any case) is a role head noun.
pub fn is_head(word: &str) -> bool {
    holds(HEADS, word.trim_end_matches('.'))
}

/// Whether `word` (any case) can modify a role head.
pub fn is_modifier(word: &str) -> bool {
    holds(MODIFIERS, word)
}

/// Honorifics before a name, lowercase and sorted, with the gender they
/// show: not roles worth showing ("Mr."), but they mark a name and, most of
/// them, its bearer's gender.
const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("dame", Some(Gender::Female)),
    ("dr", None),
    ("miss", Some(Gender::Female)),
    ("mr", Some(Gender::Male)),
    ("mrs", Some(Gender::Female)),
    ("ms", Some(Gender::Female)),
    ("sir", Some(Gender::Male)),
];

/// The entry of an honorific ("Mr.", "Dr", "Dame"), if `word` is one. It
/// is written with a capital and then lower case: "Polls miss Trump's fall"
/// and "LITTLE TO MISS CAMPESE FAREWELL" hold no honorific.
fn honorific(word: &str) -> Option<Option<Gender>> {
    let mut letters = word.trim_end_matches('.').bytes();
    if !letters.next().is_some_and(|b| b.is_ascii_uppercase())
        || letters.any(|b| !b.is_ascii_lowercase())
    {
        return None;
    }
    let mut buf = [0u8; 8];
    let word = word.trim_end_matches('.');
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let i = HONORIFICS
        .binary_search_by(|(h, _)| h.as_bytes().cmp(lower))
        .ok()?;
    Some(HONORIFICS[i].1)
}

/// Whether `word` is an honorific ("Mr.", "Dr", "Dame").
pub fn is_honorific(word: &str) -> bool {
    honorific(word).is_some()
}

/// The gender an honorific shows ("Mr." male, "Ms" female, "Dr." none).
pub fn honorific_gender(word: &str) -> Option<Gender> {
    honorific(word).flatten()
}

/// A word that can stand as a title before a name: a role head or an honorific.
pub fn is_title(word: &str) -> bool {
    is_head(word) || is_honorific(word)
}

/// Where a role phrase that ends with the head word at `head` starts: the
/// head, then the modifiers before it ("Deputy Prime Minister"), walking
/// left no further than `floor` and over at most `max_words` words in all.
/// With `heads_too`, other role heads count as modifiers ("Army Chief of
/// Staff" style stacks); honorifics never do.
pub fn phrase_start<'a>(
    word: impl Fn(usize) -> &'a str,
    head: usize,
    floor: usize,
    max_words: usize,
    heads_too: bool,
) -> usize {
    let mut start = head;
    while start > floor && head + 1 - start < max_words {
        let w = word(start - 1);
        if is_modifier(w) || heads_too && is_head(w) {
            start -= 1;
        } else {
            break;
        }
    }
    start
}

/// Where the role phrase that starts at `first` has its head: the first
/// word from there that is not a modifier ("the [Deputy Prime] Minister"),
/// looking no further than `last`.
pub fn head_after<'a>(word: impl Fn(usize) -> &'a str, first: usize, last: usize) -> usize {
    let mut j = first;
    while j < last && is_modifier(word(j)) {
        j += 1;
    }
    j
}

/// Role nouns that mean the same person in a back-reference ("the spokesman"
/// after "Spokesperson Matthew Miller").
pub fn same_role(a: &str, b: &str) -> bool {
    fn class(w: &str) -> &str {
        match w {
            "spokesman" | "spokeswoman" | "spokesperson" => "spokes",
            "chairman" | "chairwoman" | "chairperson" | "chair" => "chair",
            "congressman" | "congresswoman" | "representative" => "congress",
            "advisor" | "adviser" => "adviser",
            other => other,
        }
    }
    let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    let (a, b) = (
        a.rsplit(' ').next().unwrap_or(""),
        b.rsplit(' ').next().unwrap_or(""),
    );
    class(a) == class(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_and_modifiers() {
        assert!(is_head("President") && is_head("spokesperson") && is_head("leader"));
        assert!(is_modifier("Foreign") && is_modifier("Prime"));
        assert!(!is_head("Putin") && !is_head("said"));
        assert!(same_role(
            "Spokesperson",
            "the spokesman".rsplit(' ').next().unwrap()
        ));
        assert!(!same_role("minister", "spokesman"));
    }

    #[test]
    fn the_word_lists_are_sorted_lowercase_ascii_for_their_binary_search() {
        let honorifics: Vec<&str> = HONORIFICS.iter().map(|h| h.0).collect();
        for list in [HEADS, MODIFIERS, &honorifics] {
            assert!(crate::lexicon::is_sorted_lowercase(list));
        }
        assert!(is_head("MINISTER.") && is_head("Vice-President") && !is_head("ministers"));
        assert!(!is_head("a-very-long-word-indeed"));
    }

    #[test]
    fn honorifics_are_titles_but_not_roles() {
        assert!(is_honorific("Mr.") && is_honorific("Dr") && is_honorific("Dame"));
        assert!(!is_head("Mr.") && is_title("Mr.") && is_title("Minister"));
        assert_eq!(honorific_gender("Mrs"), Some(Gender::Female));
        assert_eq!(honorific_gender("Sir"), Some(Gender::Male));
        assert_eq!(honorific_gender("Dr."), None);
        assert!(!is_honorific("Mister-of-all-trades"));
        // Lower case is a verb or noun: "polls miss Trump's fall".
        assert!(!is_honorific("miss") && !is_honorific("mr"));
        // Capitals are a headline's: "LITTLE TO MISS CAMPESE FAREWELL".
        assert!(!is_honorific("MISS") && !is_honorific("MR"));
    }

    #[test]
    fn a_role_phrase_runs_right_to_its_head() {
        let words = ["the", "Deputy", "Prime", "Minister", "said"];
        assert_eq!(head_after(|i| words[i], 1, 4), 3);
        assert_eq!(head_after(|i| words[i], 1, 2), 2);
    }

    #[test]
    fn a_role_phrase_runs_left_over_its_modifiers() {
        let words = ["the", "Deputy", "Prime", "Minister", "Head", "Coach"];
        let at = |i: usize| words[i];
        assert_eq!(phrase_start(at, 3, 0, 8, false), 1);
        assert_eq!(phrase_start(at, 3, 2, 8, false), 2);
        assert_eq!(phrase_start(at, 3, 0, 2, false), 2);
        // "Head" is a modifier of "Coach", "Minister" only a head.
        assert_eq!(phrase_start(at, 5, 0, 8, false), 4);
        assert_eq!(phrase_start(at, 5, 0, 8, true), 1);
    }
}
