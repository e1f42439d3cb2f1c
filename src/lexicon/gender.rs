//! Grammatical gender of people, from what the article itself shows: a
//! pronoun's form, an honorific ("Mr.", "Ms.": see [`super::roles`]), or a given name that is
//! clearly male or female in the US Census 1990 lists
//! (`data/names/first-names.tsv`, see `scripts/build_first_names.py`).
//! Used to rule candidates out ("she said" never goes to a man); a name the
//! list lacks says nothing.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Gender {
    Male,
    Female,
}

// `FIRST_NAMES: [(&str, bool); _]`, lower-case names sorted, `true` = male.
include!(concat!(env!("OUT_DIR"), "/first_names.rs"));

/// The gender of a third-person singular pronoun. Runs for every token the
/// coreference pass reads, so it compares without allocating.
pub fn of_pronoun(w: &str) -> Option<Gender> {
    // The word lower-cased into one number: integer comparisons, where byte
    // strings compare by a call to `memcmp` in WebAssembly.
    let key = packed_lowercase(w)?;
    const MALE: [u64; 4] = [pack(b"he"), pack(b"him"), pack(b"his"), pack(b"himself")];
    const FEMALE: [u64; 4] = [pack(b"she"), pack(b"her"), pack(b"hers"), pack(b"herself")];
    if MALE.contains(&key) {
        Some(Gender::Male)
    } else if FEMALE.contains(&key) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Up to seven bytes after a leading 1 (so that the length counts): equal
/// numbers are equal strings.
const fn pack(s: &[u8]) -> u64 {
    let mut key = 1u64;
    let mut k = 0;
    while k < s.len() {
        key = key << 8 | s[k] as u64;
        k += 1;
    }
    key
}

/// [`pack`] of `w` lower-cased (ASCII letters only); `None` past seven bytes.
fn packed_lowercase(w: &str) -> Option<u64> {
    if w.len() > 7 {
        return None;
    }
    Some(w.bytes().fold(1u64, |key, b| key << 8 | b.to_ascii_lowercase() as u64))
}

/// The gender of a person's full name by its first word: "Hillary Clinton"
/// is female. Only names of two or more words whose first word is all
/// letters: "Jean-Claude Juncker" and "Hillary" say nothing, and neither do
/// first words the list leaves out as shared ("Kim Jong-un", "Robin Hood")
/// or as more common surnames ("Li Qiang").
pub fn of_name(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    let letters = if first.is_ascii() {
        first.bytes().all(|b| b.is_ascii_alphabetic()) && first.len() >= 2
    } else {
        first.chars().all(|c| c.is_alphabetic()) && first.chars().count() >= 2
    };
    if !letters {
        return None;
    }
    // Every person entity's name is looked up: an ASCII name is lower-cased
    // on the stack, any other the Unicode way.
    let mut buf = [0u8; 24];
    let owned;
    let lower: &[u8] = match buf.get_mut(..first.len()).filter(|_| first.is_ascii()) {
        Some(b) => {
            b.copy_from_slice(first.as_bytes());
            b.make_ascii_lowercase();
            b
        }
        None => {
            owned = first.to_lowercase();
            owned.as_bytes()
        }
    };
    let male = *first_names().get(lower)?;
    Some(if male { Gender::Male } else { Gender::Female })
}

/// [`FIRST_NAMES`] hashed, built at the first look-up: one probe instead of
/// a binary search's dozen string comparisons over its thousands of names.
fn first_names() -> &'static rustc_hash::FxHashMap<&'static [u8], bool> {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static [u8], bool>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| FIRST_NAMES.iter().map(|&(n, male)| (n.as_bytes(), male)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_that_are_clearly_one_gender() {
        assert_eq!(of_name("Hillary Clinton"), Some(Gender::Female));
        assert_eq!(of_name("Matthew Miller"), Some(Gender::Male));
        assert_eq!(of_name("Adrienne Watson"), Some(Gender::Female));
    }

    #[test]
    fn shared_foreign_or_single_names_say_nothing() {
        assert_eq!(of_name("Kim Jong-Un"), None);
        assert_eq!(of_name("Robin Hood"), None);
        assert_eq!(of_name("Vladimir Putin"), None);
        assert_eq!(of_name("Li Qiang"), None);
        assert_eq!(of_name("Moon Jae-in"), None);
        assert_eq!(of_name("Hillary"), None);
        assert_eq!(of_name("J. Smith"), None);
    }

    #[test]
    fn the_hashed_names_answer_as_the_sorted_list_does() {
        assert!(FIRST_NAMES.windows(2).all(|w| w[0].0 < w[1].0), "sorted, one entry per name");
        for &(name, male) in FIRST_NAMES.iter() {
            assert_eq!(first_names().get(name.as_bytes()), Some(&male), "{name}");
        }
        assert_eq!(first_names().len(), FIRST_NAMES.len());
    }

    #[test]
    fn pronouns() {
        assert_eq!(of_pronoun("She"), Some(Gender::Female));
        assert_eq!(of_pronoun("HIMSELF"), Some(Gender::Male));
        assert_eq!(of_pronoun("\0he"), None, "the length counts");
        assert_eq!(of_pronoun("herselff"), None);
        assert_eq!(of_pronoun(""), None);
        assert_eq!(of_pronoun("his"), Some(Gender::Male));
        assert_eq!(of_pronoun("they"), None);
    }
}
