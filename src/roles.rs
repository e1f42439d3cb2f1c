//! Titles and role nouns ("President", "spokesperson", "leader"), and the
//! modifiers that build longer ones ("Foreign Minister", "Deputy Prime
//! Minister"). Used to split a title off a name, to give people their role,
//! and to resolve "the spokesman" to the spokesman named before.

/// Head nouns of roles, lowercase. A role ends with one of these.
const HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "anchor",
    "archbishop",
    "attorney",
    "author",
    "bishop",
    "boss",
    "candidate",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "chancellor",
    "chief",
    "coach",
    "colonel",
    "commander",
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
    "pastor",
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
    "representative",
    "researcher",
    "secretary",
    "senator",
    "sergeant",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "striker",
    "superintendent",
    "treasurer",
    "trustee",
    "vice-president",
    "chancellor",
    "ayatollah",
    "cleric",
    "commentator",
    "columnist",
    "reporter",
    "scientist",
    "strategist",
    "owner",
    "partner",
    "physician",
    "doctor",
    "dr",
    "mr",
    "mrs",
    "ms",
];

/// Words that modify a role head ("Foreign Minister", "Deputy Secretary").
const MODIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "attorney",
    "chief",
    "crown",
    "defence",
    "defense",
    "deputy",
    "economy",
    "education",
    "energy",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "general",
    "health",
    "home",
    "interim",
    "interior",
    "justice",
    "lead",
    "managing",
    "military",
    "national",
    "opposition",
    "press",
    "prime",
    "principal",
    "senior",
    "state",
    "supreme",
    "top",
    "trade",
    "under",
    "vice",
    "security",
    "intelligence",
    "labour",
    "labor",
    "transport",
    "environment",
    "agriculture",
    "culture",
    "sports",
    "information",
    "communications",
    "majority",
    "minority",
    "party",
    "team",
    "club",
    "head",
];

/// Whether `list` (lowercase) holds `word` in any case, without allocating.
fn holds(list: &[&str], word: &str) -> bool {
    list.iter()
        .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
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
}
