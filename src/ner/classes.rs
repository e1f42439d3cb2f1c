//! The tagger's classes: O, then B, I, L and U (begin, inside, last,
//! unit) for PER, ORG, LOC and MISC, and which may follow which.

/// Output classes: O, then B/I/L/U for PER, ORG, LOC, MISC.
pub const NCLASS: usize = 17;

/// `class = 1 + 4 * type + position`, position B=0, I=1, L=2, U=3.
#[inline]
pub fn class_parts(c: u8) -> Option<(u8, u8)> {
    (c > 0).then(|| ((c - 1) / 4, (c - 1) % 4))
}

/// Whether BILOU class `cur` may follow `prev` (0 = O, also used at sentence start).
#[inline]
pub const fn allowed(prev: u8, cur: u8) -> bool {
    // Open: B or I of some type, which only I or L of the same type continue.
    let open = prev > 0 && (prev - 1) % 4 <= 1;
    if open {
        cur > 0 && (cur - 1) / 4 == (prev - 1) / 4 && matches!((cur - 1) % 4, 1 | 2)
    } else {
        cur == 0 || matches!((cur - 1) % 4, 0 | 3)
    }
}

/// `FOLLOWERS[prev]` has bit `c` set when class `c` may follow `prev`.
pub(super) const FOLLOWERS: [u32; NCLASS] = {
    let mut t = [0u32; NCLASS];
    let mut p = 0;
    while p < NCLASS {
        let mut c = 0;
        while c < NCLASS {
            if allowed(p as u8, c as u8) {
                t[p] |= 1 << c;
            }
            c += 1;
        }
        p += 1;
    }
    t
};

/// Bit `c` set when class `c` leaves no entity open (O, L, U): what may end a sentence.
pub(super) const CLOSING: u32 = {
    let mut m = 0u32;
    let mut c = 0;
    while c < NCLASS {
        if c == 0 || (c - 1) % 4 >= 2 {
            m |= 1 << c;
        }
        c += 1;
    }
    m
};

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn bilou_constraints() {
        let b_per = 1;
        let i_per = 2;
        let l_per = 3;
        let u_org = 8;
        let i_org = 6;
        assert!(allowed(0, b_per) && allowed(0, u_org) && !allowed(0, i_per));
        assert!(allowed(b_per, i_per) && allowed(b_per, l_per) && !allowed(b_per, 0));
        assert!(!allowed(b_per, i_org) && allowed(l_per, u_org) && allowed(u_org, 0));
    }
}
