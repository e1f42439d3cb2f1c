//! `exp` and `ln` for the beam's normalisation, inline and the same in
//! every build: the platform's library differs by a rounding step between
//! native code and wasm, and a beam decision can turn on one.

use super::classes::NCLASS;

/// `ln(sum(exp(a)))` over a row of scores, without overflow. Terms more than
/// `SKIP` below the largest are left out: each is under 1e-13 of the sum,
/// far below an f32 rounding step, and skipping them saves most of the
/// `exp` calls (a library call in wasm).
#[inline]
pub(super) fn log_sum_exp(acc: &[f32; NCLASS]) -> f32 {
    const SKIP: f32 = 30.0;
    let mut top = acc[0];
    for &a in &acc[1..] {
        // Not `f32::max`: that is a libm call in wasm, and scores are finite.
        if a > top {
            top = a;
        }
    }
    let mut sum = 0f32;
    for &a in acc {
        let d = a - top;
        if d > -SKIP {
            sum += exp_nonpositive(d);
        }
    }
    top + ln_sum(sum)
}

/// `ln(x)` for `1 <= x <= NCLASS` (a sum of `exp` terms, one of them 1),
/// inline: `x = 2^k * m` with `m` in `[0.75, 1.5)`, and `ln m` from the
/// series of `2 atanh((m - 1) / (m + 1))` to its `s^11` term (error under
/// 1e-8). Not `f32::ln`: the platform's library gives results that differ
/// by a rounding step between native code (glibc) and wasm (Rust's libm),
/// and a beam decision can turn on one, so the same text was tagged
/// differently in the browser and by the CLI; it is a library call in wasm, too.
#[inline]
fn ln_sum(x: f32) -> f32 {
    let bits = x.to_bits();
    // The exponent, taken from `x / 0.75` so that the mantissa lands in [0.75, 1.5).
    let k = ((bits + 0x0040_0000) >> 23) as i32 - 127;
    let m = f32::from_bits(bits - ((k as u32) << 23));
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let series = 2.0
        * s
        * (1.0
            + s2 * (1.0 / 3.0
                + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0 + s2 / 11.0)))));
    k as f32 * std::f32::consts::LN_2 + series
}

/// `exp(x)` for `-30 < x <= 0`, inline: `2^k * e^r` with `|r| <= ln2 / 2`
/// and a degree-7 Taylor polynomial (relative error under 1e-7, about one
/// f32 rounding step). `f32::exp` is a library call in wasm, and this one
/// runs 17 times per token where the beam holds two histories.
#[inline]
fn exp_nonpositive(x: f32) -> f32 {
    // ln 2 split so that `k * LN2_HI` is exact (Cody and Waite).
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    // Round to nearest by adding 1.5 * 2^23, where a float's unit in the
    // last place is 1: the sum's low mantissa bits are then the integer.
    // No `floor` call, and no saturating float-to-int conversion.
    const SHIFT: f32 = 12_582_912.0;
    let t = x * std::f32::consts::LOG2_E + SHIFT;
    let kf = t - SHIFT;
    let k = t.to_bits() as i32 - SHIFT.to_bits() as i32;
    let r = (x - kf * LN2_HI) - kf * LN2_LO;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // 2^k built from its exponent bits; k >= -44 here, a normal float.
    p * f32::from_bits(((k + 127) as u32) << 23)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn inline_exp_matches_the_library_within_a_rounding_step() {
        let mut x = 0.0f32;
        while x > -30.0 {
            let (got, want) = (exp_nonpositive(x), x.exp());
            assert!(
                (got - want).abs() <= 2.5e-7 * want,
                "exp({x}) = {want}, got {got}"
            );
            x -= 0.001_37;
        }
    }

    #[test]
    fn inline_ln_matches_the_library_within_a_rounding_step() {
        let mut x = 1.0f32;
        while x <= NCLASS as f32 {
            let (got, want) = (ln_sum(x), x.ln());
            assert!(
                (got - want).abs() <= 2.5e-7 * want.max(1.0),
                "ln({x}) = {want}, got {got}"
            );
            x += 0.000_37;
        }
    }
}
