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
//! The memo is direct-mapped and bounded ([`SLOTS`] entries, about 4 MB,
//! allocated on first use): a word evicts whatever shared its slot. It
//! belongs to one tagger; a different tagger using the same thread's memo
//! clears it first.

use super::features::{self, Tok, NCLASS};
use super::lexicon::Lexicon;
use std::cell::RefCell;

/// Number of remembered words (a power of two).
pub const SLOTS: usize = 1 << 14;

/// The stage-1 word-feature sums of one word in each window role: token,
/// previous, next, two before, two after. A role sums at most about 20 int8
/// weights, so `i16` cannot overflow.
pub type WordRows = [[i16; NCLASS]; 5];

#[derive(Clone, Copy)]
struct Slot {
    /// The word's exact-text hash ([`Tok::exact`]); meaningful when `filled`.
    exact: u64,
    filled: bool,
    has_rows: bool,
    tok: Tok,
    rows: WordRows,
}

const EMPTY: Slot = Slot {
    exact: 0,
    filled: false,
    has_rows: false,
    tok: *features::pad_bos(),
    rows: [[0; NCLASS]; 5],
};

/// A bounded word memo; see the module documentation.
pub struct WordMemo {
    owner: u64,
    slots: Vec<Slot>,
}

thread_local! {
    static MEMO: RefCell<WordMemo> = const { RefCell::new(WordMemo { owner: 0, slots: Vec::new() }) };
}

impl WordMemo {
    /// Runs `f` with this thread's memo, emptied first if it belonged to a
    /// tagger other than `owner` (a unique, nonzero tagger id).
    pub fn with<R>(owner: u64, f: impl FnOnce(&mut WordMemo) -> R) -> R {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.owner != owner {
                m.slots.clear();
                m.owner = owner;
            }
            if m.slots.is_empty() {
                m.slots = vec![EMPTY; SLOTS];
            }
            f(&mut m)
        })
    }

    #[inline]
    fn index(exact: u64) -> usize {
        (exact.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (SLOTS - 1)
    }

    /// The facts of word `w` whose exact-text hash is `exact`.
    #[inline]
    pub fn tok(&mut self, lex: &Lexicon<'_>, w: &str, exact: u64) -> Tok {
        let s = &mut self.slots[Self::index(exact)];
        if !(s.filled && s.exact == exact) {
            *s = Slot {
                exact,
                filled: true,
                has_rows: false,
                tok: features::token_facts(lex, w),
                rows: [[0; NCLASS]; 5],
            };
        }
        s.tok
    }

    /// The word rows of `t` (a token from [`WordMemo::tok`]), computed by
    /// `compute` when they are not remembered.
    #[inline]
    pub fn rows(&mut self, t: &Tok, compute: impl FnOnce(&Tok) -> WordRows) -> WordRows {
        let s = &mut self.slots[Self::index(t.exact)];
        if s.filled && s.exact == t.exact {
            if !s.has_rows {
                s.rows = compute(t);
                s.has_rows = true;
            }
            s.rows
        } else {
            // Evicted since its facts were taken: compute without storing.
            compute(t)
        }
    }
}
