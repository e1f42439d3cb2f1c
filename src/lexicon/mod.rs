//! Word lists and the tiny lookups over them, shared by the stages: data, no
//! analysis. A stage imports the lexicon, the tokens, the result types and
//! earlier stages; nothing here imports a stage, so any stage can use any
//! list without the flow running backwards.
//!
//! | module | what |
//! | --- | --- |
//! | [`countries`] | country names, aliases, capitals, seats of government, demonyms (`data/countries/`) |
//! | [`gender`] | given names clearly of one gender (`data/names/`), the gender of pronouns |
//! | [`roles`] | role heads and modifiers ("Deputy Prime Minister"), honorifics ("Mr."), abbreviated titles ("Sen.") |
//! | [`names`] | the last words of organisations and facilities, nouns that call a name an organisation or a work |
//! | [`cues`] | words that attribute speech, belief, findings or intentions, by class |
//! | [`pronouns`] | pronouns by use (clause subjects, speakers) |
//! | [`parties`] | the party-and-state labels after US politicians' names ("(D-N.Y.)") |
//! | [`function_words`] | determiners, clause openers, the words between a subject and its verb |

pub mod countries;
mod country_key;
pub mod cues;
pub mod function_words;
pub mod gender;
pub mod pronouns;
pub mod names;
pub mod parties;
mod role_words;
pub mod roles;

/// Whether `list` (lowercase ASCII, sorted) holds `word` in any case,
/// without allocating: a binary search on the word lower-cased on the stack.
/// Words longer than the buffer are in no list.
pub(crate) fn holds(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    list.binary_search_by(|w| order(w.as_bytes(), lower)).is_ok()
}

/// The byte order of two short words (as `[u8]`'s own), compared in line: a
/// call to `memcmp` for each step of the search costs more than the few
/// bytes it compares, the first of which mostly decides.
#[inline]
fn order(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Whether a list is as [`holds`] needs it: sorted, no repeats, lowercase.
#[cfg(test)]
pub(crate) fn is_sorted_lowercase(list: &[&str]) -> bool {
    list.windows(2).all(|w| w[0] < w[1])
        && list
            .iter()
            .all(|w| w.len() <= 24 && !w.bytes().any(|b| b.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn holds_ignores_case_and_long_words() {
        let list = ["also", "he", "the"];
        assert!(super::holds(&list, "The") && super::holds(&list, "HE"));
        assert!(!super::holds(&list, "them") && !super::holds(&list, ""));
        assert!(!super::holds(&list, "a-word-longer-than-any-listed-one"));
    }

    #[test]
    fn words_are_ordered_as_byte_strings() {
        for (a, b) in [("he", "her"), ("also", "he"), ("", "a"), ("the", "the"), ("é", "z")] {
            assert_eq!(super::order(a.as_bytes(), b.as_bytes()), a.as_bytes().cmp(b.as_bytes()));
            assert_eq!(super::order(b.as_bytes(), a.as_bytes()), b.as_bytes().cmp(a.as_bytes()));
        }
    }
}
