//! Pronouns, by the use the stages make of them. Their gender is in
//! [`super::gender::of_pronoun`].

use super::holds;

/// Words that can be the whole subject of a clause before its verb ("he
/// said", "who says", "one argues"), lowercase and sorted.
pub(crate) const SUBJECTS: &[&str] = &[
    "he", "i", "it", "one", "she", "they", "we", "which", "who", "you",
];

/// Personal pronouns a quote's speaker can be: resolved to the previous
/// speaker rather than taken as a name. Lowercase and sorted.
const PERSONAL: &[&str] = &["he", "her", "him", "i", "it", "she", "they", "we"];

/// Third-person subject pronouns that speak in a news report ("..., he
/// said"), lowercase and sorted.
const THIRD_PERSON_SUBJECTS: &[&str] = &["he", "she", "they"];

/// Possessive determiners ("her mother", "its spokesman"), lowercase and
/// sorted.
const POSSESSIVE: &[&str] = &["her", "his", "its", "my", "our", "their", "your"];

/// Whether `word` (any case) can be a clause's whole subject.
pub fn is_subject(word: &str) -> bool {
    holds(SUBJECTS, word)
}

/// Whether `word` (any case) is a personal pronoun a speaker span can be.
pub fn is_personal(word: &str) -> bool {
    holds(PERSONAL, word)
}

/// Whether `word` (any case) is a possessive determiner ("his", "her").
pub fn is_possessive(word: &str) -> bool {
    holds(POSSESSIVE, word)
}

/// Whether `word` (any case) is "he", "she" or "they".
pub fn is_third_person_subject(word: &str) -> bool {
    holds(THIRD_PERSON_SUBJECTS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_by_use() {
        assert!(is_subject("Who") && is_subject("it") && !is_subject("him"));
        assert!(is_personal("Him") && is_personal("we") && !is_personal("who"));
        assert!(is_third_person_subject("She") && !is_third_person_subject("we"));
        assert!(is_possessive("Her") && is_possessive("their") && !is_possessive("him"));
        for list in [SUBJECTS, PERSONAL, POSSESSIVE, THIRD_PERSON_SUBJECTS] {
            assert!(crate::lexicon::is_sorted_lowercase(list));
        }
    }
}
