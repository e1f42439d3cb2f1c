//! Whom a speaker spoke to is no speaker: in "noted lawyer Jane Roe in an
//! interview with the Globe" the Globe heard the words; in "Jane Roe told
//! the BBC" the BBC did. When the ranker chooses a name that follows
//! "with" or "to" after the cue, a person named between the cue and it
//! spoke.

use super::{Options, Scene, NAME};
use crate::lexicon::{function_words, holds};

/// Words before "with" that make what follows the hearer ("in an
/// interview with"). Sorted.
const WITH_HEARERS: &[&str] = &["appearance", "call", "conversation", "interview", "podcast"];
/// Words before "to" that make what follows the hearer ("speaking to").
/// Sorted.
const TO_HEARERS: &[&str] = &["said", "speaking", "spoke", "statement", "talking", "wrote"];

/// Whether the words `before` and `preposition` make the name after them
/// the hearer.
fn hears(before: &str, preposition: &str) -> bool {
    match preposition {
        "with" => holds(WITH_HEARERS, before),
        "to" => holds(TO_HEARERS, before),
        _ => false,
    }
}

/// The candidate to take when the ranker chose candidate `i`: a person
/// named after the cue and before the chosen name, when that name follows
/// "interview with" or "speaking to" (past an article).
pub(in crate::quotes::assemble) fn person_before_addressee(scene: &Scene, opts: &Options, i: usize) -> usize {
    let doc = scene.doc;
    let Some(u) = &opts.target.cue else { return i };
    let chosen = &opts.candidates[i].toks;
    let at = |k: usize| doc.tokens.get(k).map_or("", |t| t.text(doc.text));
    let mut k = chosen.start;
    if k > 0 && function_words::is_article(at(k - 1)) {
        k -= 1;
    }
    let heard = k > u.end + 1 && hears(at(k - 2), at(k - 1));
    let Some(sentence) = doc.sentence_tokens(u.start).filter(|_| heard) else {
        return i;
    };
    // Reported speech's own words may name people ("reaching out to X"):
    // only a person outside them, or around a quotation, spoke.
    let c = &opts.target.content;
    let marked = scene.state[c.clone()].iter().any(|&s| s != 0);
    let outside = |o: &std::ops::Range<usize>| marked || o.end <= c.start || o.start >= c.end;
    let person = opts.candidates.iter().position(|o| {
        o.label == 1
            && o.flags & NAME != 0
            && o.toks.start >= u.end
            && o.toks.end < k
            && sentence.contains(&o.toks.start)
            && outside(&o.toks)
    });
    person.unwrap_or(i)
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_lists_are_sorted() {
        assert!(crate::lexicon::is_sorted_lowercase(super::WITH_HEARERS));
        assert!(crate::lexicon::is_sorted_lowercase(super::TO_HEARERS));
    }
}
