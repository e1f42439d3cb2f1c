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
//! The memo is direct-mapped and bounded: a word evicts whatever shared its
//! slot. It starts at [`FIRST_SLOTS`] entries (about 1.2 MB) and, when half
//! full, starts over four times larger, up to [`SLOTS`] (about 4.7 MB), so a
//! single short article pays for a small memo and bulk work gets a large
//! one. It belongs to one tagger; a different tagger using the same thread's
//! memo clears it first.

use super::features::{self, Tok, NCLASS};
use super::lexicon::Lexicon;
use super::model::Shared;
use std::cell::RefCell;

/// Most remembered words (a power of two).
pub const SLOTS: usize = 1 << 14;
/// Slots of a new memo (a power of two).
pub const FIRST_SLOTS: usize = 1 << 12;

/// The stage-1 word-feature sums of one word in each window role: token,
/// previous, next, two before, two after. A role sums at most about 20 int8
/// weights, so `i16` cannot overflow.
pub type WordRows = [[i16; NCLASS]; 5];

#[derive(Clone, Copy)]
struct Slot {
    /// The word's exact-text hash ([`Tok::exact`]); meaningful when `filled`.
    exact: u64,
    filled: bool,
    /// Bit `role` set when `rows[role]` is filled.
    has_rows: u8,
    tok: Tok,
    rows: WordRows,
}

const EMPTY: Slot = Slot {
    exact: 0,
    filled: false,
    has_rows: 0,
    tok: *features::pad_bos(),
    rows: [[0; NCLASS]; 5],
};

/// A bounded word memo; see the module documentation.
pub struct WordMemo {
    owner: u64,
    slots: Vec<Slot>,
    /// Filled slots, to know when to grow.
    filled: usize,
    /// The tagger's sums kept between documents (taken while tagging).
    pub shared: Option<Shared>,
}

thread_local! {
    static MEMO: RefCell<WordMemo> = const {
        RefCell::new(WordMemo { owner: 0, slots: Vec::new(), filled: 0, shared: None })
    };
}

impl WordMemo {
    /// Runs `f` with this thread's memo, emptied first if it belonged to a
    /// tagger other than `owner` (a unique, nonzero tagger id).
    pub fn with<R>(owner: u64, f: impl FnOnce(&mut WordMemo) -> R) -> R {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.owner != owner || m.slots.is_empty() {
                m.slots = vec![EMPTY; FIRST_SLOTS];
                m.filled = 0;
                m.owner = owner;
                m.shared = None;
            }
            f(&mut m)
        })
    }

    #[inline]
    fn index(&self, exact: u64) -> usize {
        (exact.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (self.slots.len() - 1)
    }

    /// The facts of word `w` whose exact-text hash is `exact`.
    #[inline]
    pub fn tok(&mut self, lex: &Lexicon<'_>, w: &str, exact: u64) -> Tok {
        if self.filled * 2 > self.slots.len() && self.slots.len() < SLOTS {
            // Half full: start over, larger (what was remembered is recomputed).
            self.slots = vec![EMPTY; (self.slots.len() * 4).min(SLOTS)];
            self.filled = 0;
        }
        let i = self.index(exact);
        let s = &mut self.slots[i];
        if !(s.filled && s.exact == exact) {
            if !s.filled {
                self.filled += 1;
            }
            *s = Slot {
                exact,
                filled: true,
                has_rows: 0,
                tok: features::token_facts(lex, w),
                rows: [[0; NCLASS]; 5],
            };
        }
        s.tok
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
        let i = self.index(t.exact);
        let s = &mut self.slots[i];
        if s.filled && s.exact == t.exact {
            if s.has_rows & 1 << role == 0 {
                s.rows[role] = compute(t, role);
                s.has_rows |= 1 << role;
            }
            s.rows[role]
        } else {
            // Evicted since its facts were taken: compute without storing.
            compute(t, role)
        }
    }
}
