//! A nickname in quotation marks inside a person's name: 'Renaldo “Peewee”
//! Gilkes', 'James "Lights Out" Toney'. The tagger reads the marks as the
//! edges of a quotation and leaves the name in pieces (a given name, a
//! nickname, a family name of some other type); here the pieces become one
//! person, as the CoNLL and OntoNotes guidelines mark them.

use crate::analysis::Label;
use crate::lexicon::gender;
use std::ops::Range;

/// The most words of a nickname between its marks.
const MAX_NICKNAME: usize = 3;
/// The most words of a family name after the nickname that the tagger
/// typed as something else than a person ("Gilkes" as MISC).
const MAX_UNTYPED_FAMILY: usize = 2;

/// Joins each given name, quoted nickname and family name into one person.
/// Either side must be a person to the tagger or the two sides must read as
/// a given name and a family name; nothing else is touched ("Biden's “Build
/// Back Better” Act" has no name before the marks).
pub fn join(words: &[&str], names: &mut Vec<(usize, usize, Label)>) {
    let mut k = 0;
    while k + 1 < names.len() {
        match joined(words, names, k) {
            Some((span, right)) => {
                names[k] = (span.start, span.end, Label::Person);
                names.drain(k + 1..=right);
            }
            None => k += 1,
        }
    }
}

/// The whole name when the name `names[k]` ends right before a quoted
/// nickname and a name follows it, with the index of that name.
fn joined(words: &[&str], names: &[(usize, usize, Label)], k: usize) -> Option<(Range<usize>, usize)> {
    let (a, open, left_label) = names[k];
    let close = closing_mark(words, open)?;
    // The nickname may have been tagged as a name of its own.
    let right = (k + 1..names.len()).take_while(|&j| names[j].0 <= close + 1).last()?;
    let (family, b, right_label) = names[right];
    if family != close + 1 || names[k + 1..right].iter().any(|&(s, e, _)| s <= open || e > close) {
        return None;
    }
    let person = left_label == Label::Person && (right_label == Label::Person || b - family <= MAX_UNTYPED_FAMILY)
        || right_label == Label::Person && open - a == 1 && given_name(words[a], words[family]);
    person.then_some((a..b, right))
}

/// The token of the mark closing a nickname opened at token `open`: one to
/// [`MAX_NICKNAME`] capitalised words between a pair of marks.
fn closing_mark(words: &[&str], open: usize) -> Option<usize> {
    let mark = *words.get(open)?;
    if !matches!(mark, "\"" | "“" | "‘" | "'") {
        return None;
    }
    let closes = |w: &str| match mark {
        "“" => w == "”",
        "\"" => w == "\"",
        _ => w == "’" || w == "'",
    };
    let close = (open + 2..=open + 1 + MAX_NICKNAME)
        .take_while(|&j| j < words.len())
        .find(|&j| closes(words[j]))?;
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    words[open + 1..close].iter().all(capitalised).then_some(close)
}

/// Whether `first` is a given name the lexicon knows.
fn given_name(first: &str, family: &str) -> bool {
    gender::of_name(&format!("{first} {family}")).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, names: &[(usize, usize, Label)]) -> Vec<(usize, usize, Label)> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut names = names.to_vec();
        join(&words, &mut names);
        names
    }

    #[test]
    fn a_quoted_nickname_joins_the_names_around_it() {
        // The tagger's pieces: a person, the nickname, a family name typed MISC.
        let text = "coach Renaldo “ Peewee ” Gilkes said";
        let names = [(1, 2, Label::Person), (3, 4, Label::Misc), (5, 6, Label::Misc)];
        assert_eq!(run(text, &names), [(1, 6, Label::Person)]);
        let text = "boxer James \" Lights Out \" Toney won";
        let names = [(1, 2, Label::Person), (6, 7, Label::Person)];
        assert_eq!(run(text, &names), [(1, 7, Label::Person)]);
    }

    #[test]
    fn quoted_words_between_other_names_stay_apart() {
        // Neither side is a person.
        let text = "Apple “ Think Different ” Campaign ended";
        let names = [(0, 1, Label::Org), (5, 6, Label::Misc)];
        assert_eq!(run(text, &names), names);
        // A quotation, not a nickname: it ends with punctuation, in lower case.
        let text = "Roe “ We won , ” Smith said";
        let names = [(0, 1, Label::Person), (6, 7, Label::Person)];
        assert_eq!(run(text, &names), names);
        // Nothing stands right after the marks.
        let text = "Roe “ Peewee ” said";
        let names = [(0, 1, Label::Person)];
        assert_eq!(run(text, &names), names);
        // A long organisation after the marks is no family name.
        let text = "Roe “ Peewee ” Acme Steel Works Inc";
        let names = [(0, 1, Label::Person), (4, 8, Label::Org)];
        assert_eq!(run(text, &names), names);
    }
}
