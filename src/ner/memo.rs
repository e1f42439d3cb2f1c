//! What the tagger remembers about words between documents.
//!
//! A word's facts ([`Tok`] before any context is added) and the sums of its
//! stage-1 word features (one row per window role, see
//! [`features::word_features`]) depend on its text alone. Working them out
//! costs about 45 table lookups and a dozen string hashes; remembering them
//! costs one probe. Common words recur across articles (and an article being
//! edited is re-analysed on every keystroke), so the memo makes repeat words
//! nearly free while every score stays exactly what it would be without it.
//!
//! The memo is two-way set-associative and bounded: a word may sit in
//! either slot of its pair and evicts the less recently used one (with one
//! slot per word, words that shared a slot evicted each other over and
//! over, even on a second pass over the same documents). It
//! starts at [`FIRST_SLOTS`] entries (about 300 KB, room for the few hundred
//! distinct words of an article) and, when half full, grows four times
//! larger (keeping its words), up to [`SLOTS`] (about 4.7 MB), so a single short article
//! pays for a small memo and bulk work gets a large one. It belongs to one
//! tagger; a different tagger using the same thread's memo clears it first.

use super::classes::NCLASS;
use super::facts::{self, Tok};
use super::lexicon::Lexicon;
use super::model::Shared;
use std::cell::RefCell;

/// Most remembered words (a power of two).
pub const SLOTS: usize = 1 << 14;
/// Slots of a new memo (a power of two).
pub const FIRST_SLOTS: usize = 1 << 10;

/// The stage-1 word-feature sums of one word in each window role: token,
/// previous, next, two before, two after. A role sums at most about 20 int8
/// weights, so `i16` cannot overflow.
pub type WordRows = [[i16; NCLASS]; 5];

/// What is remembered about one word: its facts and, role by role, its rows.
#[derive(Clone, Copy)]
struct Entry {
    tok: Tok,
    /// Bit `role` set when `rows[role]` is filled.
    has_rows: u8,
    rows: WordRows,
}

const EMPTY: Entry = Entry {
    tok: *facts::pad_bos(),
    has_rows: 0,
    rows: [[0; NCLASS]; 5],
};

/// A bounded word memo; see the module documentation.
///
/// Laid out for the cache: finding a word reads its pair's two tags (16
/// bytes, one cache line) and one byte of state, and only a word found
/// reads its entry (over 300 bytes). With the tags inside the entries, a
/// lookup touched two entries' lines and wrote to both. On bulk text each
/// article's words sit anywhere in a memo of megabytes, so its cache misses
/// count (`docs/performance.md` has the figures).
pub struct WordMemo {
    owner: u64,
    /// Per slot: the word's exact-text hash ([`Tok::exact`]), meaningful
    /// when the slot's `filled` bit is set.
    tags: Vec<u64>,
    /// Per pair of slots: bit 0 and 1, slot 0 and 1 filled; bit 2, slot 1
    /// used more recently than slot 0.
    state: Vec<u8>,
    entries: Vec<Entry>,
    /// Filled slots, to know when to grow.
    filled: usize,
    /// The tagger's sums kept between documents (taken while tagging).
    pub shared: Option<Shared>,
}

thread_local! {
    static MEMO: RefCell<WordMemo> = const {
        RefCell::new(WordMemo {
            owner: 0,
            tags: Vec::new(),
            state: Vec::new(),
            entries: Vec::new(),
            filled: 0,
            shared: None,
        })
    };
}

impl WordMemo {
    /// Runs `f` with this thread's memo, emptied first if it belonged to a
    /// tagger other than `owner` (a unique, nonzero tagger id).
    pub fn with<R>(owner: u64, f: impl FnOnce(&mut WordMemo) -> R) -> R {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.owner != owner || m.tags.is_empty() {
                m.reset(FIRST_SLOTS);
                m.owner = owner;
                m.shared = None;
            }
            f(&mut m)
        })
    }

    /// Empties the memo and gives it `slots` slots.
    fn reset(&mut self, slots: usize) {
        self.tags = vec![0; slots];
        self.state = vec![0; slots / 2];
        self.entries = vec![EMPTY; slots];
        self.filled = 0;
    }

    /// The first of the two slots that may hold the word `exact`.
    #[inline]
    fn pair(&self, exact: u64) -> usize {
        (exact.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (self.tags.len() - 2)
    }

    /// The slot holding the word `exact`, if any.
    #[inline]
    fn find(&self, exact: u64) -> Option<usize> {
        let p = self.pair(exact);
        let state = self.state[p / 2];
        if state & 1 != 0 && self.tags[p] == exact {
            Some(p)
        } else if state & 2 != 0 && self.tags[p + 1] == exact {
            Some(p + 1)
        } else {
            None
        }
    }

    /// Marks slot `i` as the more recently used of its pair.
    #[inline]
    fn touch(&mut self, i: usize) {
        let state = &mut self.state[i / 2];
        *state = *state & 3 | ((i & 1) as u8) << 2;
    }

    /// Gives the memo `slots` slots, keeping the words it remembers: moving
    /// an entry is a copy, working a word's facts out again is thousands
    /// of instructions.
    fn grow(&mut self, slots: usize) {
        let tags = std::mem::take(&mut self.tags);
        let state = std::mem::take(&mut self.state);
        let entries = std::mem::take(&mut self.entries);
        self.reset(slots);
        for (i, entry) in entries.into_iter().enumerate() {
            if state[i / 2] & 1 << (i & 1) != 0 {
                let j = self.place(tags[i]);
                self.entries[j] = entry;
            }
        }
    }

    /// The slot for the word `exact`, which is not remembered: an empty
    /// slot of its pair, else the less recently used. Marks it filled with
    /// tag `exact`; the caller writes the entry.
    #[inline]
    fn place(&mut self, exact: u64) -> usize {
        let p = self.pair(exact);
        let state = self.state[p / 2];
        let i = if state & 1 == 0 {
            p
        } else if state & 2 == 0 || state & 4 == 0 {
            p + 1
        } else {
            p
        };
        let bit = 1 << (i & 1);
        if state & bit == 0 {
            self.filled += 1;
            self.state[p / 2] |= bit;
        }
        self.tags[i] = exact;
        i
    }

    /// The facts of word `w` whose exact-text hash is `exact`.
    #[inline]
    pub fn tok(&mut self, lex: &Lexicon<'_>, w: &str, exact: u64) -> Tok {
        if self.filled * 2 > self.tags.len() && self.tags.len() < SLOTS {
            self.grow((self.tags.len() * 4).min(SLOTS));
        }
        let i = match self.find(exact) {
            Some(i) => i,
            None => {
                let i = self.place(exact);
                self.entries[i] = Entry {
                    tok: facts::token_facts(lex, w),
                    has_rows: 0,
                    rows: [[0; NCLASS]; 5],
                };
                i
            }
        };
        self.touch(i);
        self.entries[i].tok
    }

    /// The word row of `t` (a token from [`WordMemo::tok`]) in window role
    /// `role`, computed by `compute` when it is not remembered. Rows are
    /// worked out role by role, as tokens near a scored token need them.
    #[inline]
    pub fn row(
        &mut self,
        t: &Tok,
        role: usize,
        compute: impl FnOnce(&Tok, usize) -> [i16; NCLASS],
    ) -> [i16; NCLASS] {
        match self.find(t.exact) {
            Some(i) => {
                let e = &mut self.entries[i];
                if e.has_rows & 1 << role == 0 {
                    e.rows[role] = compute(t, role);
                    e.has_rows |= 1 << role;
                }
                e.rows[role]
            }
            // Evicted since its facts were taken: compute without storing.
            None => compute(t, role),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growing_keeps_the_remembered_words() {
        let lex = Lexicon::from_bytes(include_bytes!("../../data/ner/lexicons.bin")).unwrap();
        let exact = |w: &str| {
            let mut h = crate::tagging::Fnv::NEW;
            w.bytes().for_each(|b| h.byte(b));
            h.0
        };
        WordMemo::with(u64::MAX - 7, |memo| {
            let words: Vec<String> = (0..FIRST_SLOTS).map(|i| format!("Word{i}")).collect();
            let mut grown = false;
            for (n, w) in words.iter().enumerate() {
                let before: Vec<u64> = words[..n]
                    .iter()
                    .map(|w| exact(w))
                    .filter(|&e| memo.find(e).is_some())
                    .collect();
                let slots = memo.tags.len();
                let tok = memo.tok(&lex, w, exact(w));
                assert_eq!(tok.exact, exact(w));
                if memo.tags.len() > slots {
                    grown = true;
                    assert!(before.len() > FIRST_SLOTS / 3, "most words were remembered");
                    assert!(before.iter().all(|&e| memo.find(e).is_some()));
                    assert_eq!(memo.filled, before.len() + 1);
                    break;
                }
            }
            assert!(grown, "{} words fill half of the first memo", FIRST_SLOTS);
        });
    }
}
