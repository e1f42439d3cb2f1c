//! Decoding a sentence: a small beam over BILOU histories.

use super::classes::{CLOSING, FOLLOWERS, NCLASS};
use super::facts::Tok;
use super::fastmath::log_sum_exp;
use super::features::{dynamic_features, Scorer};

/// Hypotheses kept by [`decode_sentence`]'s beam.
pub const BEAM_WIDTH: usize = 2;

/// A hypothesis is dropped when its log-probability is more than this below
/// the best one's. Then most tokens extend a single hypothesis, which needs
/// no normalisation; a wider margin kept more hypotheses for no gain on dev
/// (data/ner/MODEL.md).
pub const BEAM_MARGIN: f32 = 1.0;

/// Left-to-right decoding of one sentence with BILOU constraints, given the
/// static scores of its tokens (see [`static_scores`](super::features::static_scores)): a beam of
/// [`BEAM_WIDTH`] histories within [`BEAM_MARGIN`] of the best (see
/// [`decode_beam`]). Greedy decoding often opened an entity and then had to
/// continue it ("Ruch and"); the beam lets a weaker start win when what
/// follows fits it better.
pub fn decode_sentence<S: Scorer<NCLASS>>(
    scorer: &S,
    toks: &[Tok],
    statics: &[[f32; NCLASS]],
    feats: &mut Vec<u32>,
    out: &mut Vec<u8>,
) {
    decode_beam(scorer, toks, statics, feats, out, BEAM_WIDTH, BEAM_MARGIN);
}

/// Beam decoding with BILOU constraints. A history's score is the sum of the
/// log-softmax of each token's class scores (the scores of the model's
/// features given that history's two previous classes); histories that agree
/// on the two previous classes are merged, and those more than `margin`
/// below the best are dropped. `width` 1 is greedy decoding, with the same
/// tie-breaking (the lowest class wins).
pub fn decode_beam<S: Scorer<NCLASS>>(
    scorer: &S,
    toks: &[Tok],
    statics: &[[f32; NCLASS]],
    feats: &mut Vec<u32>,
    out: &mut Vec<u8>,
    width: usize,
    margin: f32,
) {
    let n = toks.len().min(statics.len());
    beam_search(
        n,
        out,
        width,
        margin,
        |i| toks[i].plain,
        |i, prev1, prev2, acc| {
            *acc = statics[i];
            feats.clear();
            dynamic_features(toks, i, prev1, prev2, feats);
            scorer.add_all(feats, acc);
        },
    );
}

/// The search of [`decode_beam`] over `n` tokens, with `scores(i, prev1,
/// prev2, acc)` setting token `i`'s class scores after the history's two
/// previous classes (static plus dynamic features), asked only for the
/// tokens the search scores: not for a token where `plain(i)` holds and the
/// single history leaves no entity open ([`Tok::plain`]). The tagger's fast
/// path uses it with the same scores computed another way.
pub fn beam_search(
    n: usize,
    out: &mut Vec<u8>,
    width: usize,
    margin: f32,
    plain: impl Fn(usize) -> bool,
    mut scores: impl FnMut(usize, u8, u8, &mut [f32; NCLASS]),
) {
    const MAX_WIDTH: usize = 4;
    let width = width.clamp(1, MAX_WIDTH);
    out.clear();
    if n == 0 {
        return;
    }
    // A history: (score, last class, class before it, its entry in `back`).
    type Hyp = (f32, u8, u8, u32);
    const NONE: u32 = u32::MAX;
    let mut beam: [Hyp; MAX_WIDTH] = [(0.0, 0, 0, NONE); MAX_WIDTH];
    let mut kept = 1usize;
    let mut next: [Hyp; MAX_WIDTH * NCLASS] = [(0.0, 0, 0, NONE); MAX_WIDTH * NCLASS];
    // Every history's (class, previous entry) chain.
    let mut back: Vec<(u8, u32)> = Vec::with_capacity(n * width);
    let mut acc = [0f32; NCLASS];
    for i in 0..n {
        // A plain token (lower case, punctuation or a number) after a closed
        // class, on the only history, is O: such a token can continue a name
        // but hardly ever starts one (45 of the 23,499 names in CoNLL-2003
        // train), and with one history only the choice matters, not its
        // score. Not scoring these tokens is most of the tagger's saving on
        // running text. With two histories their scores for the token
        // still tell them apart, so the token is scored.
        if kept == 1 && FOLLOWERS[beam[0].1 as usize] & 1 != 0 && plain(i) {
            let (sc, p1, _, bp) = beam[0];
            back.push((0, bp));
            beam[0] = (sc, 0, p1, (back.len() - 1) as u32);
            continue;
        }
        let single = kept == 1;
        let mut m = 0usize;
        // An entity cannot stay open past the last token.
        let last = i + 1 == n;
        for &(score, prev1, prev2, bp) in &beam[..kept] {
            scores(i, prev1, prev2, &mut acc);
            // With one history, normalising would shift every candidate
            // alike: only differences between candidates matter.
            let (base, norm) = if single {
                (0.0, 0.0)
            } else {
                (score, log_sum_exp(&acc))
            };
            let mut classes = FOLLOWERS[prev1 as usize] & if last { CLOSING } else { !0 };
            while classes != 0 {
                let c = classes.trailing_zeros() as u8;
                classes &= classes - 1;
                next[m] = (base + acc[c as usize] - norm, c, prev1, bp);
                m += 1;
            }
        }
        // Only candidates within the margin of the best can be kept: keep
        // those (in generation order) and sort just them. Stable: among equal
        // scores the earlier history and lower class win.
        let top = next[..m]
            .iter()
            .fold(f32::NEG_INFINITY, |t, h| if h.0 > t { h.0 } else { t });
        let mut close = 0;
        for k in 0..m {
            if next[k].0 >= top - margin {
                next[close] = next[k];
                close += 1;
            }
        }
        next[..close].sort_by(|a, b| b.0.total_cmp(&a.0));
        kept = 0;
        for &(sc, c, p1, bp) in &next[..close] {
            if kept == width {
                break;
            }
            if beam[..kept].iter().any(|h| h.1 == c && h.2 == p1) {
                continue;
            }
            back.push((c, bp));
            beam[kept] = (sc, c, p1, (back.len() - 1) as u32);
            kept += 1;
        }
    }
    let mut idx = beam[0].3;
    while idx != NONE {
        let (c, bp) = back[idx as usize];
        out.push(c);
        idx = bp;
    }
    out.reverse();
}

#[cfg(test)]
mod tests {
    use super::super::classes::{allowed, class_parts};
    use super::super::facts::analyse;
    use super::super::lexicon::Lexicon;
    use super::*;

    /// A scorer that gives each class a fixed score per decision history.
    struct Hist;
    impl Scorer<NCLASS> for Hist {
        fn add(&self, key: u32, acc: &mut [f32; NCLASS]) {
            // Push towards I/L of whatever was opened, a little.
            acc[(key % NCLASS as u32) as usize] += 0.1;
        }
    }

    #[test]
    fn beam_of_width_one_is_greedy_and_output_is_valid_bilou() {
        let doc = vec![vec![
            "Ruch",
            "and",
            "French",
            "President",
            "Jacques",
            "Chirac",
            ".",
        ]];
        let lex_bytes = include_bytes!("../../data/ner/lexicons.bin");
        let lex = Lexicon::from_bytes(lex_bytes).unwrap();
        let toks = &analyse(&lex, &doc)[0];
        // Static scores that make greedy decoding open an entity at "Ruch".
        let mut st = vec![[0f32; NCLASS]; toks.len()];
        st[0][5] = 2.0; // B-ORG
        st[0][8] = 1.9; // U-ORG
        for s in &mut st[1..] {
            s[0] = 3.0;
        }
        let mut feats = Vec::new();
        let (mut greedy, mut beam) = (Vec::new(), Vec::new());
        decode_beam(&Hist, toks, &st, &mut feats, &mut greedy, 1, 10.0);
        decode_beam(&Hist, toks, &st, &mut feats, &mut beam, 2, 10.0);
        assert_eq!(greedy[0], 5, "greedy opens B-ORG");
        assert_eq!(beam[0], 8, "the beam prefers U-ORG then O");
        assert!(beam[1..].iter().all(|&c| c == 0));
        for out in [&greedy, &beam] {
            let mut prev = 0;
            for &c in out.iter() {
                assert!(allowed(prev, c));
                prev = c;
            }
            assert!(!matches!(class_parts(prev), Some((_, 0 | 1))));
        }
    }
}
