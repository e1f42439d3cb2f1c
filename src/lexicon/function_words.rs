//! Function words the rules walk over or stop at: articles, the words that
//! open a clause, and the auxiliaries and adverbs that sit between a subject
//! and its verb. Lowercase and sorted.

use super::holds;

/// Articles.
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Words that open a clause: scanning back from a verb for its subject stops here.
const CLAUSE_OPENERS: &[&str] = &[
    "after", "although", "and", "as", "because", "before", "but", "if", "since", "so", "that",
    "though", "when", "where", "while", "whom", "whose",
];

/// Prepositions: a noun phrase ends before one.
const PREPOSITIONS: &[&str] = &[
    "about", "across", "after", "against", "among", "at", "by", "during", "for", "from", "in",
    "into", "of", "on", "over", "through", "to", "under", "with", "within", "without",
];

/// Auxiliaries, modals and adverbs between a subject and its verb ("he
/// later said", "Cruz has argued", "she would not say"). Adverbs in "-ly"
/// are recognised by shape where this is used.
pub(crate) const BEFORE_VERB: &[&str] = &[
    "again",
    "already",
    "also",
    "can",
    "could",
    "did",
    "do",
    "does",
    "even",
    "further",
    "had",
    "has",
    "have",
    "initially",
    "just",
    "later",
    "may",
    "might",
    "n't",
    "not",
    "once",
    "previously",
    "privately",
    "publicly",
    "quickly",
    "recently",
    "repeatedly",
    "reportedly",
    "should",
    "similarly",
    "still",
    "then",
    "will",
    "would",
];

/// Past tenses with no "-ed" ("thought", "told"): a clause's verb, never a
/// noun before a role.
const IRREGULAR_PAST: &[&str] = &[
    "became",
    "began",
    "bought",
    "brought",
    "built",
    "caught",
    "chose",
    "drew",
    "drove",
    "felt",
    "fought",
    "found",
    "gave",
    "got",
    "held",
    "hit",
    "kept",
    "knew",
    "led",
    "left",
    "let",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "put",
    "ran",
    "saw",
    "sent",
    "set",
    "sought",
    "spent",
    "stood",
    "struck",
    "taught",
    "thought",
    "told",
    "took",
    "went",
    "won",
    "wrote",
];

/// Forms of "be": a verb after one is passive ("it was stated").
pub(crate) const BE: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];

/// Whether `word` (any case) is "a", "an" or "the".
pub fn is_article(word: &str) -> bool {
    holds(ARTICLES, word)
}

/// Whether `word` (any case) opens a clause ("that", "and", "because", ...).
pub fn opens_clause(word: &str) -> bool {
    holds(CLAUSE_OPENERS, word)
}

/// Whether `word` (any case) is a preposition ("of", "from", "at").
pub fn is_preposition(word: &str) -> bool {
    holds(PREPOSITIONS, word)
}

/// Whether `word` (any case) can stand between a subject and its verb.
pub fn comes_before_verb(word: &str) -> bool {
    holds(BEFORE_VERB, word)
}

/// Whether `word` (any case) is a past tense with no "-ed".
pub fn is_irregular_past(word: &str) -> bool {
    holds(IRREGULAR_PAST, word)
}

/// Whether `word` (any case) is a form of "be".
pub fn is_be(word: &str) -> bool {
    holds(BE, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_by_use() {
        assert!(is_article("The") && !is_article("these"));
        assert!(opens_clause("Because") && !opens_clause("said"));
        assert!(comes_before_verb("n't") && comes_before_verb("Later"));
        assert!(is_be("WAS") && !is_be("has"));
        assert!(is_irregular_past("Thought") && !is_irregular_past("said"));
        assert!(is_preposition("From") && !is_preposition("said"));
        for list in [ARTICLES, CLAUSE_OPENERS, PREPOSITIONS, BEFORE_VERB, BE, IRREGULAR_PAST] {
            assert!(crate::lexicon::is_sorted_lowercase(list));
        }
    }
}
