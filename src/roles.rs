//! Titles and role nouns ("President", "spokesperson", "leader"), and the
//! modifiers that build longer ones ("Foreign Minister", "Deputy Prime
//! Minister"). Used to split a title off a name, to give people their role,
//! and to resolve "the spokesman" to the spokesman named before.

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
    "dr",
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
    "mr",
    "mrs",
    "ms",
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

/// Whether `list` (lowercase ASCII, sorted) holds `word` in any case,
/// without allocating: a binary search on the word lower-cased on the stack.
fn holds(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    list.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
}

/// Whether `word` (any case) is a role head noun.
pub fn is_head(word: &str) -> bool {
    holds(HEADS, word.trim_end_matches('.'))
}

/// Whether `word` (any case) can modify a role head.
pub fn is_modifier(word: &str) -> bool {
    holds(MODIFIERS, word)
}

/// Honorifics are not roles worth showing ("Mr.").
pub fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_ascii_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "dr"
    )
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
        for list in [HEADS, MODIFIERS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
            assert!(list
                .iter()
                .all(|w| w.len() <= 16 && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')));
        }
        assert!(is_head("MINISTER.") && is_head("Vice-President") && !is_head("ministers"));
        assert!(!is_head("a-very-long-word-indeed"));
    }
}
