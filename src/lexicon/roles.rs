//! Titles and role nouns ("President", "spokesperson", "leader"), and the
//! modifiers that build longer ones ("Foreign Minister", "Deputy Prime
//! Minister"). Used to split a title off a name, to give people their role,
//! and to resolve "the spokesman" to the spokesman named before. Honorifics
//! ("Mr.", "Dr") are a list of their own: they mark a name but are no role.

use super::gender::Gender;
use super::holds;
use super::role_words::{
    Abbreviation, Use, ABBREVIATIONS, DESCRIPTIVE, HEADS, LOWERCASE_HEADS, MODIFIERS, PORTFOLIOS,
    STATUS,
};

/// The abbreviated title `word` is ("Sen.", "Lt", "Gov."), if it is one:
/// capitalised, then lower case, with the dot if the entry needs it.
fn abbreviation(word: &str) -> Option<&'static Abbreviation> {
    let bare = word.strip_suffix('.').unwrap_or(word);
    let mut letters = bare.bytes();
    if !letters.next().is_some_and(|b| b.is_ascii_uppercase())
        || letters.any(|b| !b.is_ascii_lowercase())
        || bare.len() > 5
    {
        return None;
    }
    // At most five letters (checked above): lower-cased on the stack.
    let mut buf = [0u8; 5];
    let lower = &mut buf[..bare.len()];
    lower.copy_from_slice(bare.as_bytes());
    lower.make_ascii_lowercase();
    let i = ABBREVIATIONS
        .binary_search_by(|a| super::order(a.short.as_bytes(), lower))
        .ok()?;
    let a = &ABBREVIATIONS[i];
    (!a.dot_only || bare.len() < word.len()).then_some(a)
}

/// The word lists of [`listed_as`], as bits of one hashed table: role words
/// are looked up for every word after "the" and around every name, and one
/// hash probe costs less than a binary search in each list.
const HEAD: u8 = 1;
const MODIFIER: u8 = 2;
const STATUSES: u8 = 4;
const DESCRIBES: u8 = 8;
const LOWERCASE_HEAD: u8 = 16;

/// Whether `word` (any case) is in the lists `bits` names; the answer of
/// [`holds`] on each list, from one look-up.
fn listed_as(word: &str, bits: u8) -> bool {
    lists_of(word) & bits != 0
}

/// Suffixes that say a title's holder has not taken it up yet.
const STATUS_SUFFIXES: &[&str] = &["-designate", "-elect"];

/// `word` without a status suffix ("President-elect" -> "President").
fn without_status_suffix(word: &str) -> &str {
    for s in STATUS_SUFFIXES {
        let n = word.len().saturating_sub(s.len());
        if n > 0 && word.is_char_boundary(n) && word[n..].eq_ignore_ascii_case(s) {
            return &word[..n];
        }
    }
    word
}

/// The bits of the lists `word` (any case) is in, from one look-up.
fn lists_of(word: &str) -> u8 {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<WordKey, u8>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = rustc_hash::FxHashMap::default();
        for (list, bit) in [
            (HEADS, HEAD),
            (MODIFIERS, MODIFIER),
            (STATUS, STATUSES),
            (DESCRIPTIVE, DESCRIBES),
            (LOWERCASE_HEADS, LOWERCASE_HEAD),
        ] {
            for w in list {
                // No listed word is longer than a key holds (a test checks).
                let key = word_key(w).expect("a listed word fits a key");
                *t.entry(key).or_insert(0) |= bit;
            }
        }
        t
    });
    word_key(word).and_then(|k| table.get(&k).copied()).unwrap_or(0)
}

/// A word of at most 24 bytes, lower-cased, as plain integers (its bytes
/// zero-padded, and its length): a table keyed so hashes and compares
/// numbers, where a byte string costs a loop over its bytes and, in
/// WebAssembly, a call to `memcmp`.
type WordKey = (u64, u64, u64, usize);

/// `word`'s [`WordKey`]; `None` past 24 bytes, which no listed word is.
fn word_key(word: &str) -> Option<WordKey> {
    let mut buf = [0u8; 24];
    buf.get_mut(..word.len())?.copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    let part = |k: usize| u64::from_le_bytes([buf[k], buf[k + 1], buf[k + 2], buf[k + 3], buf[k + 4], buf[k + 5], buf[k + 6], buf[k + 7]]);
    Some((part(0), part(8), part(16), word.len()))
}

/// Whether `word` (any case) is a role head noun, or an abbreviated title
/// used before a name ("Sen.", "Gov.").
pub fn is_head(word: &str) -> bool {
    // "President-elect", "Secretary-designate": the head is the title.
    let word = without_status_suffix(word);
    let lists = lists_of(word.trim_end_matches('.'));
    let lower = word.starts_with(|c: char| c.is_ascii_lowercase());
    lists & HEAD != 0
        || lower && lists & LOWERCASE_HEAD != 0
        || abbreviation(word).is_some_and(|a| a.usage != Use::Modifier)
}

/// What [`is_head`], [`is_modifier`] and [`is_status`] say of one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleWord {
    pub head: bool,
    pub modifier: bool,
    pub status: bool,
}

/// The three answers for `word` at once: a walk over a role phrase asks
/// them of each word, and the lists and the abbreviation are looked up once.
pub fn role_word(word: &str) -> RoleWord {
    let bare = without_status_suffix(word);
    let lists = lists_of(word);
    let head_form = bare.trim_end_matches('.');
    let head_lists = if head_form.len() == word.len() { lists } else { lists_of(head_form) };
    let bare_abbreviation = abbreviation(bare);
    let word_abbreviation = if bare.len() == word.len() { bare_abbreviation } else { abbreviation(word) };
    let lower = bare.starts_with(|c: char| c.is_ascii_lowercase());
    RoleWord {
        head: head_lists & HEAD != 0
            || lower && head_lists & LOWERCASE_HEAD != 0
            || bare_abbreviation.is_some_and(|a| a.usage != Use::Modifier),
        modifier: lists & MODIFIER != 0 || word_abbreviation.is_some_and(|a| a.usage != Use::Head),
        status: lists & STATUSES != 0,
    }
}

/// Whether `word` (any case) can modify a role head ("Deputy", "chief",
/// "campaign", "Lt.").
pub fn is_modifier(word: &str) -> bool {
    listed_as(word, MODIFIER) || abbreviation(word).is_some_and(|a| a.usage != Use::Head)
}

/// Whether `word` says where a holder stands ("former", "acting", "retired"):
/// the lowercase words that may stand before a capitalised title.
pub fn is_status(word: &str) -> bool {
    listed_as(word, STATUSES)
}

/// Whether `word` describes a role's holder without being part of the role
/// ("longtime", "prominent").
pub fn is_descriptive(word: &str) -> bool {
    listed_as(word, DESCRIBES)
}

/// Whether the words after "of" (or "in") belong to the title before them:
/// "Secretary of [State]", "Speaker of [the House]", "editor in [chief]".
pub fn is_portfolio(words: &[&str]) -> bool {
    // Asked of each run of words after a head's "of": joined on the stack,
    // not in a new string. No portfolio is longer than the buffer.
    let mut buf = [0u8; 24];
    let mut n = 0;
    for (k, w) in words.iter().enumerate() {
        let space = usize::from(k > 0);
        let Some(room) = buf.get_mut(n..n + space + w.len()) else {
            return false;
        };
        room[0..space].fill(b' ');
        room[space..].copy_from_slice(w.as_bytes());
        n += space + w.len();
    }
    !words.is_empty() && std::str::from_utf8(&buf[..n]).is_ok_and(|phrase| holds(PORTFOLIOS, phrase))
}

/// The singular of a plural role head, as it would be written: "Sens." ->
/// "Sen.", "candidates" -> "candidate", "congressmen" -> "congressman",
/// "secretaries" -> "secretary"; `None` for anything else.
pub fn singular(word: &str) -> Option<String> {
    if let Some(a) = abbreviation(word) {
        let bare = word.strip_suffix('.').unwrap_or(word);
        let dot = &word[bare.len()..];
        return (a.full.ends_with('s') && a.short.ends_with('s'))
            .then(|| format!("{}{dot}", &bare[..bare.len() - 1]));
    }
    let candidates = [
        word.strip_suffix("men").map(|s| format!("{s}man")),
        word.strip_suffix("ies").map(|s| format!("{s}y")),
        word.strip_suffix('s').map(str::to_string),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|s| s.len() > 1 && listed_as(s, HEAD))
}

/// A role head as one lowercase word to compare: abbreviations spelled
/// out ("Sen." -> "senator"), plurals made singular.
fn head_word(word: &str) -> String {
    if let Some(a) = abbreviation(word) {
        return a.full.trim_end_matches('s').to_string();
    }
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if listed_as(&lower, HEAD) {
        return lower;
    }
    singular(&lower).unwrap_or(lower)
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
    ("rev", None),
    ("sir", Some(Gender::Male)),
];

/// The entry of an honorific ("Mr.", "Dr", "Dame"), if `word` is one. It
/// is written with a capital and then lower case: "Polls miss Trump's fall"
/// and "LITTLE TO MISS CAMPESE FAREWELL" hold no honorific.
fn honorific(word: &str) -> Option<Option<Gender>> {
    // The word right before every mention is asked: no honorific is longer
    // than four letters, and a scan of the eight compares lengths first.
    let word = word.trim_end_matches('.');
    let mut buf = [0u8; 4];
    let lower = buf.get_mut(..word.len())?;
    let mut letters = word.bytes();
    if !letters.next().is_some_and(|b| b.is_ascii_uppercase())
        || letters.any(|b| !b.is_ascii_lowercase())
    {
        return None;
    }
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    HONORIFICS.iter().find(|(h, _)| h.as_bytes() == lower).map(|&(_, g)| g)
}

/// Whether `word` is an honorific ("Mr.", "Dr", "Dame").
pub fn is_honorific(word: &str) -> bool {
    honorific(word).is_some()
}

/// Whether `word` is an honorific that also says what its bearer does: a
/// doctor ("Dr."), a member of the clergy ("Rev."). The role a name carries
/// when the text states no other.
pub fn is_occupational_honorific(word: &str) -> bool {
    is_honorific(word) && matches!(word.trim_end_matches('.'), "Dr" | "Rev")
}

/// Titles that say what their bearer is but not where ("Professor",
/// "Rabbi"): an appositive that names an employer says more. Lowercase,
/// without their dots, and sorted.
const NO_EMPLOYER: &[&str] = &["dr", "father", "pastor", "prof", "professor", "rabbi", "rev", "reverend"];

/// Whether the title `role` (any case) says nothing of an employer
/// ("Professor", "Dr.", "Rabbi").
pub fn says_no_employer(role: &str) -> bool {
    holds(NO_EMPLOYER, role.trim_end_matches('.'))
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

/// Role nouns that mean the same person in a back-reference ("the spokesman"
/// after "Spokesperson Matthew Miller", "the senator" after "Sen. Ted Cruz").
/// Compares the last words, abbreviations spelled out and plurals singular.
pub fn same_role(a: &str, b: &str) -> bool {
    fn class(w: &str) -> &str {
        match w {
            "spokesman" | "spokeswoman" | "spokesperson" => "spokes",
            "chairman" | "chairwoman" | "chairperson" | "chair" => "chair",
            "congressman" | "congresswoman" | "representative" => "congress",
            "councilman" | "councilwoman" | "councillor" | "councilor" | "councilmember" => "council",
            "assemblyman" | "assemblywoman" | "assemblymember" => "assembly",
            "businessman" | "businesswoman" => "business",
            "advisor" | "adviser" => "adviser",
            "organiser" | "organizer" => "organizer",
            // A party's nominee is one of the race's candidates.
            "candidate" | "nominee" | "hopeful" | "contender" => "candidate",
            other => other,
        }
    }
    // The head is the last word before a complement: "[secretary] of State",
    // "[editor] in chief", "vice [president] for exploration".
    let last = |s: &str| {
        let main = s
            .split(' ')
            .take_while(|w| !matches!(*w, "of" | "in" | "for" | "on" | "at" | "to" | "with"));
        head_word(main.last().unwrap_or(""))
    };
    rank(a) == rank(b) && class(&last(a)) == class(&last(b))
}

/// Words that make a role a lower rank of its head: "the attorney general"
/// is not the deputy attorney general, "the president" not the vice
/// president. Lowercase and sorted.
const RANKS: &[&str] = &["assistant", "associate", "deputy", "lieutenant", "under", "vice"];

/// The rank word of a role phrase, abbreviations spelled out ("Lt. Gov." ->
/// "lieutenant"); "" for none.
fn rank(phrase: &str) -> &'static str {
    phrase
        .split([' ', '-'])
        .find_map(|w| {
            let w = match abbreviation(w) {
                Some(a) => a.full,
                None => w,
            };
            RANKS.iter().find(|r| r.eq_ignore_ascii_case(w)).copied()
        })
        .unwrap_or("")
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
        let abbreviations: Vec<&str> = ABBREVIATIONS.iter().map(|a| a.short).collect();
        for list in [HEADS, LOWERCASE_HEADS, NO_EMPLOYER, MODIFIERS, DESCRIPTIVE, PORTFOLIOS, STATUS, &honorifics, &abbreviations] {
            assert!(crate::lexicon::is_sorted_lowercase(list));
        }
        assert!(is_head("MINISTER.") && is_head("Vice-President") && !is_head("ministers"));
        assert!(!is_head("a-very-long-word-indeed"));
    }

    #[test]
    fn the_hashed_table_answers_as_a_search_of_each_list_does() {
        let lists = [
            (HEADS, HEAD),
            (MODIFIERS, MODIFIER),
            (STATUS, STATUSES),
            (DESCRIPTIVE, DESCRIBES),
            (LOWERCASE_HEADS, LOWERCASE_HEAD),
        ];
        let others = ["said", "the", "", "a-word-longer-than-any-listed-one"];
        let words = lists.iter().flat_map(|(l, _)| l.iter().copied()).chain(others);
        for w in words {
            for form in [w.to_string(), w.to_uppercase()] {
                for (list, bit) in lists {
                    assert_eq!(listed_as(&form, bit), holds(list, &form), "{form}");
                }
            }
        }
    }

    #[test]
    fn role_word_answers_as_the_three_questions_do() {
        let listed = [HEADS, MODIFIERS, STATUS, LOWERCASE_HEADS].into_iter().flatten().copied();
        let abbreviations = ABBREVIATIONS.iter().map(|a| a.short);
        let others = ["the", "said", "", ".", "-elect", "Gov-elect", "Sen.", "Lt", "Brig.", "Del", "MINISTER."];
        for w in listed.chain(abbreviations).chain(others) {
            let mut capital = w.to_string();
            if let Some(f) = capital.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            let forms = [w.to_string(), w.to_uppercase(), capital.clone(), format!("{capital}."), format!("{w}-elect")];
            for form in forms {
                let expected = RoleWord {
                    head: is_head(&form),
                    modifier: is_modifier(&form),
                    status: is_status(&form),
                };
                assert_eq!(role_word(&form), expected, "{form:?}");
            }
        }
    }

    #[test]
    fn abbreviated_titles_are_heads_or_modifiers() {
        assert!(is_head("Sen.") && is_head("Gov.") && is_head("Gen") && is_head("Lt."));
        assert!(is_modifier("Lt.") && is_modifier("Brig.") && !is_head("Brig."));
        // An abbreviation is written with a capital, and some need their dot.
        assert!(!is_head("sen") && !is_head("gov") && !is_head("GOV"));
        assert!(is_head("Del.") && !is_head("Del") && !is_head("del"));
        assert!(same_role("Sen.", "the senator") && same_role("Gov.", "governor"));
        assert!(same_role("Rep.", "congressman") && !same_role("Sen.", "governor"));
        assert!(same_role("Republican nominee", "candidate") && !same_role("nominee", "governor"));
        assert!(same_role("former secretary of State", "secretary"));
        assert!(same_role("editor in chief", "editor") && !same_role("editor in chief", "chief"));
        // A lower rank is another person.
        assert!(!same_role("Deputy Attorney General", "attorney general"));
        assert!(!same_role("Vice President", "president") && same_role("Vice President", "vice president"));
        assert!(same_role("Lt. Gov.", "lieutenant governor") && !same_role("Lt. Gov.", "governor"));
    }

    #[test]
    fn plural_titles_have_a_singular() {
        assert_eq!(singular("Sens.").as_deref(), Some("Sen."));
        assert_eq!(singular("candidates").as_deref(), Some("candidate"));
        assert_eq!(singular("Congressmen").as_deref(), Some("Congressman"));
        assert_eq!(singular("secretaries").as_deref(), Some("secretary"));
        assert_eq!(singular("Sen."), None);
        assert_eq!(singular("boss"), None);
        assert_eq!(singular("news"), None);
    }

    #[test]
    fn portfolios_belong_to_their_title() {
        assert!(is_portfolio(&["State"]) && is_portfolio(&["the", "House"]));
        assert!(is_portfolio(&["Homeland", "Security"]) && !is_portfolio(&["Acme"]));
        assert!(!is_portfolio(&[]));
        for p in PORTFOLIOS {
            let words: Vec<&str> = p.split(' ').collect();
            assert!(is_portfolio(&words), "{p}");
        }
        assert!(!is_portfolio(&["Homeland", "Security", "and", "Governmental", "Affairs"]), "too long");
    }

    #[test]
    fn honorifics_are_titles_but_not_roles() {
        assert!(is_honorific("Mr.") && is_honorific("Dr") && is_honorific("Dame"));
        assert!(!is_head("Mr.") && is_title("Mr.") && is_title("Minister"));
        assert_eq!(honorific_gender("Mrs"), Some(Gender::Female));
        assert_eq!(honorific_gender("Sir"), Some(Gender::Male));
        assert_eq!(honorific_gender("Dr."), None);
        assert!(!is_honorific("Mister-of-all-trades") && !is_honorific("Misses"));
        assert!(HONORIFICS.iter().all(|(h, _)| h.len() <= 4), "the look-up's buffer holds each");
        // Lower case is a verb or noun: "polls miss Trump's fall".
        assert!(!is_honorific("miss") && !is_honorific("mr"));
        // Capitals are a headline's: "LITTLE TO MISS CAMPESE FAREWELL".
        assert!(!is_honorific("MISS") && !is_honorific("MR"));
        // A doctor's and a cleric's honorific say what they do; "Mr." does not.
        assert!(is_occupational_honorific("Dr.") && is_occupational_honorific("Rev"));
        assert!(!is_occupational_honorific("Mr.") && !is_occupational_honorific("DR"));
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
