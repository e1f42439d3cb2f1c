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
        let mut h = Fnv::NEW;
        let span = if toks[i].name_start {
            MAX_GAZ_TOKENS
        } else {
            1
        };
        if span > 1 && stop <= i {
            stop = i + 1;
            while stop < words.len() && toks[stop].joins {
                stop += 1;
            }
        }
        for j in i..words.len().min(i + span).min(stop.max(i + 1)) {
            if j > i {
                h.byte(b' ');
            }
            h.lower_str(words[j]);
            // The word alone was looked up with its facts (same key).
            let mask = if j == i {
                toks[i].gaz_self
            } else {
                lex.gazetteer(h.key())
            };
            if mask == 0 {
                continue;
            }
            for cat in 0..N_CATS {
                if mask & (1 << cat) == 0 {
                    continue;
                }
                let base = 4 * cat as u64;
                if j == i {
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
    }
}
