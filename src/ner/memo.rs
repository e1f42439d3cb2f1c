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
//! slot per word, words that shared a slot evicted each other over and over:
//! 11% of lookups missed on a second pass over the same documents). It
//! starts at [`FIRST_SLOTS`] entries (about 300 KB, room for the few hundred
//! distinct words of an article) and, when half full, starts over four
//! times larger, up to [`SLOTS`] (about 4.7 MB), so a single short article
//! pays for a small memo and bulk work gets a large one. It belongs to one
//! tagger; a different tagger using the same thread's memo clears it first.

use super::features::{self, Tok, NCLASS};
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

#[derive(Clone, Copy)]
struct Slot {
    /// The word's exact-text hash ([`Tok::exact`]); meaningful when `filled`.
    exact: u64,
    filled: bool,
    /// Used more recently than the other slot of its pair.
    recent: bool,
    /// Bit `role` set when `rows[role]` is filled.
    has_rows: u8,
    tok: Tok,
    rows: WordRows,
}

const EMPTY: Slot = Slot {
    exact: 0,
    filled: false,
    recent: false,
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

    /// The first of the two slots that may hold the word `exact`.
    #[inline]
    fn pair(&self, exact: u64) -> usize {
        (exact.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (self.slots.len() - 2)
    }

    /// The slot holding the word `exact`, if any.
    #[inline]
    fn find(&self, exact: u64) -> Option<usize> {
        let p = self.pair(exact);
        let holds = |s: &Slot| s.filled && s.exact == exact;
        if holds(&self.slots[p]) {
            Some(p)
        } else if holds(&self.slots[p + 1]) {
            Some(p + 1)
        } else {
            None
        }
    }

    /// Marks slot `i` as the more recently used of its pair.
    #[inline]
    fn touch(&mut self, i: usize) {
        self.slots[i].recent = true;
        self.slots[i ^ 1].recent = false;
    }

    /// The facts of word `w` whose exact-text hash is `exact`.
    #[inline]
    pub fn tok(&mut self, lex: &Lexicon<'_>, w: &str, exact: u64) -> Tok {
        if self.filled * 2 > self.slots.len() && self.slots.len() < SLOTS {
            // Half full: start over, larger (what was remembered is recomputed).
            self.slots = vec![EMPTY; (self.slots.len() * 4).min(SLOTS)];
            self.filled = 0;
        }
        let i = match self.find(exact) {
            Some(i) => i,
            None => {
                // An empty slot of the pair, else the less recently used.
                let p = self.pair(exact);
                let (a, b) = (&self.slots[p], &self.slots[p + 1]);
                let i = if !a.filled {
                    p
                } else if !b.filled || a.recent {
                    p + 1
                } else {
                    p
                };
                if !self.slots[i].filled {
                    self.filled += 1;
                }
                self.slots[i] = Slot {
                    exact,
                    filled: true,
                    recent: false,
                    has_rows: 0,
                    tok: features::token_facts(lex, w),
                    rows: [[0; NCLASS]; 5],
                };
                i
            }
        };
        self.touch(i);
        self.slots[i].tok
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
                let s = &mut self.slots[i];
                if s.has_rows & 1 << role == 0 {
                    s.rows[role] = compute(t, role);
                    s.has_rows |= 1 << role;
                }
                s.rows[role]
            }
            // Evicted since its facts were taken: compute without storing.
            None => compute(t, role),
        }
    }
}
