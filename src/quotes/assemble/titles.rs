//! A work's title in quotation marks is no quotation: 'South Korean
//! thriller “Parasite”', '“Mrs Maisel” actress Jane Roe', 'the hit drama
//! “The Crown”'. Arts and entertainment news set titles in quotation marks
//! as often as speech; the tagger reads them as partial quotes.

use crate::analysis::{Quote, QuoteKind};
use crate::doc::Doc;
use crate::lexicon::{holds, names, roles};
use crate::tokens::TokenKind;

/// The most words of a title (or of two titles joined by "and").
const MAX_TITLE_WORDS: usize = 10;
/// Lowercase words inside a title ("Once Upon a Time in Hollywood").
/// Sorted.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs",
    "with",
];
/// Nouns beside a title that say it names a work, besides the lexicon's
/// work nouns ("film", "novel"). Lowercase and sorted.
const MORE_WORK_NOUNS: &[&str] =
    &["comedy", "franchise", "game", "hit", "play", "satire", "sequel", "show", "single", "track"];

/// Who makes a work, besides the lexicon's role heads ("director").
/// Lowercase and sorted.
const MAKERS: &[&str] = &["creator", "creators", "showrunner"];

/// Whether quote `q` is a work's title: one to [`MAX_TITLE_WORDS`] words in
/// title case right inside a pair of marks (or several titles in their own
/// marks, joined by "and"), with a work's noun or a role after it
/// ("“Parasite” director") or a work's noun before it. A quotation spoken
/// ("“Absolutely,” she said") has neither; a slogan in title case without
/// such a noun stays a quotation, as PolNeAR reads one on a shirt or a
/// placard ("shirts that read “Hillary for Prison”").
pub(super) fn is_work_title(doc: &Doc, q: &Quote) -> bool {
    if q.kind == QuoteKind::Indirect {
        return false;
    }
    let toks = &doc.tokens;
    let w = |k: usize| toks.get(k).map_or("", |t| t.text(doc.text));
    let is_mark = |k: usize| toks.get(k).is_some_and(|t| t.kind.is_quote_mark());
    let r = doc.token_range(q.start, q.end);
    if r.is_empty() || r.start == 0 {
        return false;
    }
    // A title may carry the sentence's comma or stop inside the marks.
    let close = if matches!(w(r.end), "," | ".") { r.end + 1 } else { r.end };
    let mut words = r.start..close;
    if matches!(w(words.end - 1), "," | ".") {
        words.end -= 1;
    }
    if words.is_empty() || !is_mark(r.start - 1) || !is_mark(close) {
        return false;
    }
    let count = words.clone().filter(|&k| toks[k].kind == TokenKind::Word).count();
    let title_case = count <= MAX_TITLE_WORDS
        && w(words.start).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && words.clone().all(|k| is_mark(k) || title_word(w(k)));
    if !title_case {
        return false;
    }
    let before = r.start.checked_sub(2).map_or("", w);
    let after = w(close + 1);
    work_noun(before) || work_noun(after) || role_after(after)
}

/// A word of a title: capitalised, a number, a minor word or a mark
/// inside a title ("Star Wars: A New Hope", "Spider-Man").
fn title_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || holds(MINOR_WORDS, w)
        || matches!(w, ":" | "-" | "&" | "'s" | "’s")
}

/// A work's noun, singular or plural ("movies").
fn work_noun(w: &str) -> bool {
    let one = w.strip_suffix('s').unwrap_or(w);
    [w, one].iter().any(|w| names::is_work_noun(w) || holds(MORE_WORK_NOUNS, w))
}

/// A role after a title ("“Parasite” director", "“Fleabag” creator").
fn role_after(w: &str) -> bool {
    w.starts_with(char::is_lowercase) && (roles::is_head(w) || holds(MAKERS, w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Quote;

    /// Whether the partial quote on the words `inner` of `text` reads as a title.
    fn title(text: &str, inner: &str) -> bool {
        let layout = crate::article::layout(text);
        let doc = Doc::new(text, &layout.parts);
        let start = text.find(inner).expect("inner words");
        let q = Quote {
            kind: QuoteKind::Partial,
            start,
            end: start + inner.len(),
            text: inner.to_string(),
            speaker: None,
            cue: None,
            cue_class: None,
        };
        is_work_title(&doc, &q)
    }

    #[test]
    fn titles_beside_a_works_noun_or_its_maker() {
        let t = "Awards\n\nIt beat the movies “The Irishman” and “Once Upon a Time in Hollywood” easily.";
        assert!(title(t, "The Irishman” and “Once Upon a Time in Hollywood"));
        let t = "Awards\n\nThe prize should have gone to the British comedy “Fleabag.”";
        assert!(title(t, "Fleabag"));
        let t = "Awards\n\nMoments earlier, “Fleabag” creator Ann Lee took a prize.";
        assert!(title(t, "Fleabag"));
        let t = "Awards\n\n“Mrs Maisel” actress Jane Roe said so.";
        assert!(title(t, "Mrs Maisel"));
    }

    #[test]
    fn quotations_and_slogans_are_no_titles() {
        // Spoken, in title case: nothing says it names a work.
        let t = "Rally\n\n“Absolutely,” she said.";
        assert!(!title(t, "Absolutely,"));
        // A slogan on a shirt: PolNeAR attributes it.
        let t = "Rally\n\nShirts read “Hillary for Prison” at the rally.";
        assert!(!title(t, "Hillary for Prison"));
        // Beside a work's noun, but words in lower case: a quotation about it.
        let t = "Review\n\nShe called the movie “a triumph of nerve” on Monday.";
        assert!(!title(t, "a triumph of nerve"));
        // Not right inside marks.
        let t = "Review\n\nThe movie Parasite won.";
        assert!(!title(t, "Parasite"));
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(crate::lexicon::is_sorted_lowercase(MINOR_WORDS));
        assert!(crate::lexicon::is_sorted_lowercase(MORE_WORK_NOUNS));
        assert!(crate::lexicon::is_sorted_lowercase(MAKERS));
    }
}
