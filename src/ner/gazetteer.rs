//! Gazetteer matches: which tokens begin, continue, end or make up a name
//! the lexicons list, by category.

use super::facts::{is_name_start, Tok};
use super::lexicon::{Fnv, Lexicon, CAT_LOC_KEY, CAT_ORG_KEY, MAX_GAZ_TOKENS, N_CATS};

/// Lower-case words and marks that may sit inside a multi-word name.
const CONNECTORS: [&str; 30] = [
    "of", "the", "de", "and", "&", "for", "-", "'s", "'", ".", "du", "del", "der", "la", "le",
    "van", "von", "y", "da", "di", "on", "am", "upon", "al", "el", "bin", "ibn", "des", "den",
    "in",
];

/// Whether a word may stand inside a multi-word name: it starts with a
/// capital or digit, or is a connector like "of" (remembered as
/// [`Tok::joins`]).
pub(super) fn joins(w: &str) -> bool {
    is_name_start(w) || CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// Sets [`Tok::key_ahead`]: how far ahead, inside the same run of
/// capitalised words and connectors, the next word is that ends an
/// organisation's name ("Council") or a place's ("River"). The first word
/// of "White House National Security Council" learns from it that the run
/// is one organisation, which the two words beside it cannot tell.
pub(super) fn mark_keys_ahead(toks: &mut [Tok]) {
    const FAR: usize = 4;
    let bucket = |next: Option<usize>, i: usize| next.map_or(0, |j| (j - i).min(FAR) as u8);
    let (mut org, mut loc) = (None, None);
    for i in (0..toks.len()).rev() {
        if !toks[i].joins {
            (org, loc) = (None, None);
            continue;
        }
        toks[i].key_ahead = bucket(org, i) | bucket(loc, i) << 3;
        if toks[i].gaz_self & (1 << CAT_ORG_KEY) != 0 {
            org = Some(i);
        }
        if toks[i].gaz_self & (1 << CAT_LOC_KEY) != 0 {
            loc = Some(i);
        }
    }
}

/// Marks gazetteer matches (case-insensitive). Every word is looked up on
/// its own; spans of up to [`MAX_GAZ_TOKENS`] tokens are looked up only from
/// a word that starts with a capital or digit, and only as far as the next
/// word that neither does so nor is a connector like "of". `toks` hold the
/// facts of `words`.
pub(super) fn mark_gazetteer(lex: &Lexicon<'_>, words: &[&str], toks: &mut [Tok]) {
    // The first word after `i` that cannot continue a span; it only moves
    // forward, so each word is tested once.
    let mut stop = 0;
    for i in 0..words.len() {
        if !toks[i].alnum_start {
            continue;
        }
        // The word alone was looked up with its facts (same key).
        mark_span(toks, i, i, toks[i].gaz_self);
        if !toks[i].name_start {
            continue;
        }
        if stop <= i {
            stop = i + 1;
            while stop < words.len() && toks[stop].joins {
                stop += 1;
            }
        }
        let end = stop.min(i + MAX_GAZ_TOKENS);
        if end <= i + 1 {
            continue;
        }
        let mut h = Fnv::NEW;
        h.lower_str(words[i]);
        for (j, w) in (i + 1..end).zip(&words[i + 1..end]) {
            h.byte(b' ');
            h.lower_str(w);
            mark_span(toks, i, j, lex.gazetteer(h.key()));
        }
    }
}

/// Marks tokens `i..=j` as a match of each category in `mask` (a
/// [`Lexicon::gazetteer`] mask): B, I, L, or U when `i == j`.
fn mark_span(toks: &mut [Tok], i: usize, j: usize, mut mask: u16) {
    const _: () = assert!(N_CATS <= u16::BITS as usize && 4 * N_CATS <= 64);
    while mask != 0 {
        let base = 4 * mask.trailing_zeros() as u64;
        mask &= mask - 1;
        if i == j {
            toks[i].gaz |= 1 << (base + 3);
        } else {
            toks[i].gaz |= 1 << base;
            for t in &mut toks[i + 1..j] {
                t.gaz |= 1 << (base + 1);
            }
            toks[j].gaz |= 1 << (base + 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::facts::analyse;

    /// Bits of `gaz` at position `pos` (0 B, 1 I, 2 L, 3 U) as a category mask.
    fn at(gaz: u64, pos: u64) -> u16 {
        (0..N_CATS as u64)
            .filter(|c| gaz >> (4 * c + pos) & 1 != 0)
            .fold(0, |m, c| m | 1 << c)
    }

    #[test]
    fn a_capitalised_span_matches_the_gazetteer_as_one_name() {
        let lex = Lexicon::from_bytes(include_bytes!("../../data/ner/lexicons.bin")).unwrap();
        let key = |s: &str| {
            let mut h = Fnv::NEW;
            h.lower_str(s);
            lex.gazetteer(h.key())
        };
        let whole = key("united states");
        assert_ne!(whole, 0, "the lexicon lists 'united states'");
        let doc = analyse(&lex, &[vec!["the", "United", "States", "said"]]);
        assert_eq!(at(doc[0][1].gaz, 0) & whole, whole, "B on United");
        assert_eq!(at(doc[0][2].gaz, 2) & whole, whole, "L on States");
        assert_eq!(at(doc[0][2].gaz, 3), key("states"), "U: the word alone");
        // A span starts only at a capitalised word.
        let doc = analyse(&lex, &[vec!["the", "united", "states", "said"]]);
        assert_eq!(at(doc[0][1].gaz, 0), 0);
        assert_eq!(at(doc[0][1].gaz, 3), key("united"));
    }
}
