//! The party-and-state labels US papers put after a politician's name:
//! "Sen. Jane Roe (D-N.Y.)", "Rep. John Doe (R-Calif.)", "Roe, D-Mass.,",
//! "Rep. Jane Roe (D-NY)", "Mayor Jane Roe (D)". The tokenizer keeps the
//! label as one word ("D-N.Y") and the abbreviation's last dot as a token
//! of its own.

use super::holds;

/// The letters that stand for a party: Democrat, Republican, independent,
/// Libertarian, and Minnesota's Democratic-Farmer-Labor party. Lowercase and sorted.
const PARTIES: &[&str] = &["d", "dfl", "i", "l", "r"];

/// States and territories as AP style writes them after a party, without
/// the abbreviation's last dot, and the names it spells out. Lowercase and sorted.
const STATES: &[&str] = &[
    "ala", "alaska", "ariz", "ark", "calif", "colo", "conn", "d.c", "del", "fla", "ga", "guam",
    "hawaii", "idaho", "ill", "ind", "iowa", "kan", "ky", "la", "maine", "mass", "md", "mich",
    "minn", "miss", "mo", "mont", "n.c", "n.d", "n.h", "n.j", "n.m", "n.y", "neb", "nev", "ohio",
    "okla", "ore", "p.r", "pa", "r.i", "s.c", "s.d", "tenn", "texas", "utah", "va", "vt", "w.va",
    "wash", "wis", "wyo",
];

/// The two-letter postal codes, written in capitals ("D-NY"). Lowercase and sorted.
const POSTAL: &[&str] = &[
    "ak", "al", "ar", "az", "ca", "co", "ct", "dc", "de", "fl", "ga", "gu", "hi", "ia", "id", "il",
    "in", "ks", "ky", "la", "ma", "md", "me", "mi", "mn", "mo", "ms", "mt", "nc", "nd", "ne", "nh",
    "nj", "nm", "nv", "ny", "oh", "ok", "or", "pa", "pr", "ri", "sc", "sd", "tn", "tx", "ut", "va",
    "vi", "vt", "wa", "wi", "wv", "wy",
];

/// The states whose AP form is a full name and takes no dot ("Texas").
const FULL_NAMES: &[&str] = &["alaska", "guam", "hawaii", "idaho", "iowa", "maine", "ohio", "texas", "utah"];

/// What a party-and-state label holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartyState {
    /// Where the state starts in the word, in bytes ("D-N.Y" -> 2); `None`
    /// for a party alone ("D").
    pub state_at: Option<usize>,
    /// Whether the state is an abbreviation that ends with a dot ("N.Y.",
    /// "Calif."), so that a dot right after the word is the state's.
    pub dotted: bool,
}

/// The label `word` is, if it is one: a party's capital letters, alone or
/// with a hyphen and a state ("D", "R-Calif", "I-Vt", "D-NY", "R-Texas").
pub fn party_state(word: &str) -> Option<PartyState> {
    let (party, state) = match word.split_once('-') {
        Some((p, s)) => (p, Some(s)),
        None => (word, None),
    };
    if party.is_empty() || !party.bytes().all(|b| b.is_ascii_uppercase()) || !holds(PARTIES, party) {
        return None;
    }
    let Some(state) = state else {
        return Some(PartyState {
            state_at: None,
            dotted: false,
        });
    };
    let mut letters = state.bytes();
    let capital = letters.next().is_some_and(|b| b.is_ascii_uppercase());
    let postal = state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase());
    let written = capital && letters.all(|b| b.is_ascii_lowercase() || b == b'.' || b.is_ascii_uppercase());
    let known = postal && holds(POSTAL, state) || written && !postal && holds(STATES, state);
    known.then(|| PartyState {
        state_at: Some(party.len() + 1),
        dotted: !postal && !holds(FULL_NAMES, state),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        for list in [PARTIES, STATES, POSTAL, FULL_NAMES] {
            assert!(crate::lexicon::is_sorted_lowercase(list));
        }
    }

    #[test]
    fn party_and_state_labels() {
        let at = |w: &str| party_state(w).map(|p| (p.state_at, p.dotted));
        assert_eq!(at("D-N.Y"), Some((Some(2), true)));
        assert_eq!(at("R-Calif"), Some((Some(2), true)));
        assert_eq!(at("R-Texas"), Some((Some(2), false)));
        assert_eq!(at("D-NY"), Some((Some(2), false)));
        assert_eq!(at("DFL-Minn"), Some((Some(4), true)));
        assert_eq!(at("D"), Some((None, false)));
        // Not a party and a state: an event, a word, a name.
        for w in ["D-Day", "X-Calif", "d-Calif", "R-calif", "Jean-Luc", "R-Nowhere", "A", "DR"] {
            assert_eq!(party_state(w), None, "{w}");
        }
    }
}
