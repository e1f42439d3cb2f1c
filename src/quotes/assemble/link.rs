//! Phase 2: attributions. Every content piece is linked to the nearest cue
//! piece of its paragraph (pieces that share a cue make one attribution, and
//! a cue-less piece that continues the previous one joins it), then every
//! attribution to the nearest source piece of its cue's sentence.

use super::pieces::{Piece, Role};
use std::ops::Range;

/// How far (in tokens) a cue may be from its content.
const MAX_CUE_GAP: usize = 40;
/// How many pieces either way a content piece looks for its cue.
const CUE_SEARCH: usize = 8;
/// The cost added to a cue in the sentence before or after the content's,
/// more than any gap within [`MAX_CUE_GAP`]: a cue of the same sentence wins.
const OTHER_SENTENCE_COST: usize = 30;
/// How close (in tokens) a cue-less content piece must follow the previous
/// one to continue its attribution.
const CONTINUE_GAP: usize = 15;
/// How far (in tokens) a source may be from the content of a cue-less attribution ...
const MAX_SOURCE_GAP: usize = 12;
/// ... and how much further from a cue (a cue's subject can carry a long appositive).
const CUE_SOURCE_EXTRA: usize = 8;
/// How many pieces either way an attribution looks for its source.
const SOURCE_SEARCH: usize = 6;
/// A source this close (in tokens) may stand in another sentence than its cue.
const ADJACENT_SOURCE: usize = 2;

/// Content pieces with their cue and source (indices into the pieces).
pub(super) struct Attribution {
    pub content: Vec<usize>,
    pub cue: Option<usize>,
    pub source: Option<usize>,
}

/// The attributions of `pcs`: cues first, then sources.
pub(super) fn attributions(pcs: &[Piece]) -> Vec<Attribution> {
    let mut attrs = link_cues(pcs);
    link_sources(pcs, &mut attrs);
    attrs
}

/// Tokens between two ranges (0 when they overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The piece of `role` in piece `anchor`'s paragraph, at most `reach` pieces
/// away either way, with the lowest `cost` (earliest on ties); `cost` is
/// `None` for a piece that may not link.
#[inline(never)]
fn nearest(
    pcs: &[Piece],
    anchor: usize,
    reach: usize,
    role: Role,
    cost: impl Fn(&Piece) -> Option<usize>,
) -> Option<usize> {
    let para = pcs[anchor].para;
    let mut best: Option<(usize, usize)> = None;
    let window = anchor.saturating_sub(reach)..(anchor + reach + 1).min(pcs.len());
    for (j, p) in pcs.iter().enumerate().take(window.end).skip(window.start) {
        if p.role != role || p.para != para {
            continue;
        }
        if let Some(c) = cost(p) {
            if best.is_none_or(|(bc, _)| c < bc) {
                best = Some((c, j));
            }
        }
    }
    best.map(|(_, j)| j)
}

/// Links every content piece to the nearest cue of its paragraph in the
/// same sentence, or the next or previous one.
#[inline(never)]
fn link_cues(pcs: &[Piece]) -> Vec<Attribution> {
    let mut by_cue: Vec<Option<usize>> = vec![None; pcs.len()];
    let mut attrs: Vec<Attribution> = Vec::new();
    for (k, c) in pcs.iter().enumerate() {
        if c.role != Role::Content {
            continue;
        }
        let best = nearest(pcs, k, CUE_SEARCH, Role::Cue, |u| {
            let near = u.sent + 1 >= c.sent && u.sent <= c.sent_end + 1;
            let g = gap(&u.toks, &c.toks);
            let same = u.sent >= c.sent && u.sent <= c.sent_end;
            (near && g <= MAX_CUE_GAP).then_some(g + if same { 0 } else { OTHER_SENTENCE_COST })
        });
        match best {
            Some(j) => match by_cue[j] {
                Some(a) => attrs[a].content.push(k),
                None => {
                    by_cue[j] = Some(attrs.len());
                    attrs.push(Attribution {
                        content: vec![k],
                        cue: Some(j),
                        source: None,
                    });
                }
            },
            None => continue_or_start(pcs, &mut attrs, k),
        }
    }
    attrs
}

/// A content piece with no cue of its own that directly continues the
/// previous one (the next sentence of the same quotation or paraphrase)
/// belongs to the same attribution; otherwise it starts one without a cue.
fn continue_or_start(pcs: &[Piece], attrs: &mut Vec<Attribution>, k: usize) {
    let c = &pcs[k];
    let prev = attrs.last_mut().filter(|a| {
        let p = &pcs[*a.content.last().unwrap_or(&a.content[0])];
        p.para == c.para && c.toks.start >= p.toks.end && c.toks.start - p.toks.end <= CONTINUE_GAP
    });
    match prev {
        Some(a) => a.content.push(k),
        None => attrs.push(Attribution {
            content: vec![k],
            cue: None,
            source: None,
        }),
    }
}

/// Gives each attribution the nearest source piece to its cue (or to its
/// content when it has no cue), in the same sentence or right next to it.
#[inline(never)]
fn link_sources(pcs: &[Piece], attrs: &mut [Attribution]) {
    for a in attrs.iter_mut() {
        let anchor = a.cue.unwrap_or(a.content[0]);
        let u = &pcs[anchor];
        let max_gap = MAX_SOURCE_GAP + if a.cue.is_none() { 0 } else { CUE_SOURCE_EXTRA };
        a.source = nearest(pcs, anchor, SOURCE_SEARCH, Role::Source, |s| {
            let same = s.sent >= u.sent && s.sent <= u.sent_end
                || u.sent >= s.sent && u.sent <= s.sent_end;
            let g = gap(&s.toks, &u.toks);
            ((same || g <= ADJACENT_SOURCE) && g <= max_gap).then_some(g)
        });
    }
}
