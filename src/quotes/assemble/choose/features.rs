//! The ranker's features: of each speaker candidate (its kind and place
//! against the cue and the content, its words, the cue's lemma and voice),
//! and of "no speaker" (the cue's lemma and voice, what candidates there are).

use super::{
    adjacent, bucket, distance, is_cue, side, Candidate, Scene, Target, NAME, PRONOUN,
    RULES, SUBJECT, TAGGED,
};
use crate::analysis::Quote;
use crate::quotes::linear::Key;
use crate::quotes::tagger::{B_SRC, I_SRC, WORD_AUX};
use std::ops::Range;

/// What the ranker reads of an article, made once per article rather than
/// once per quote: running counts over its tokens (commas, sentence ends,
/// cue words outside quotations), so that what lies between a candidate and
/// the cue is counted in constant time; the token range of every mention,
/// which many quotes' candidates share; and each token's paragraph and
/// whether it starts a sentence, which every candidate asks (two binary
/// searches each otherwise).
pub(in crate::quotes::assemble) struct Counts {
    /// For every token boundary `i`, the counts over the tokens before `i`.
    before: Vec<[u32; 3]>,
    /// The token range of each of the scene's mentions, in their order.
    pub(super) mention_toks: Vec<Range<usize>>,
    /// For every token: its paragraph (as `para_of` counts) and whether a
    /// sentence starts there (as `Doc::sentence_tokens` finds it).
    places: Vec<(u32, bool)>,
}

impl Counts {
    /// The counts over the tokens of `scene`'s article.
    pub fn of(scene: &Scene) -> Counts {
        let doc = scene.doc;
        // Bytes, not `&str`: a comparison needs no char-boundary check.
        let (text, toks) = (doc.text.as_bytes(), &doc.tokens);
        let mut before = Vec::with_capacity(toks.len() + 1);
        let mut c = [0u32; 3];
        before.push(c);
        // Extended from an iterator of known length: no capacity check a token.
        before.extend(toks.iter().enumerate().map(|(i, t)| {
            let w = &text[t.start..t.end];
            c[0] += (w == b",") as u32;
            c[1] += matches!(w, b"." | b"!" | b"?") as u32;
            c[2] += is_cue(scene, i) as u32;
            c
        }));
        let mention_toks = scene
            .mentions
            .iter()
            .map(|m| doc.token_range(m.start, m.end))
            .collect();
        Counts {
            before,
            mention_toks,
            places: places(scene),
        }
    }

    /// The paragraph of token `i` (see `para_of`).
    pub(super) fn para(&self, i: usize) -> usize {
        self.places[i].0 as usize
    }

    /// Whether a sentence starts at token `i`.
    pub(super) fn starts_sentence(&self, i: usize) -> bool {
        self.places[i].1
    }

    /// The commas, sentence ends and cue words in the tokens `lo..hi`.
    fn between(&self, lo: usize, hi: usize) -> (u32, u32, u32) {
        let last = self.before.len() - 1;
        let (b, a) = (hi.min(last), lo.min(hi).min(last));
        let (x, y) = (self.before[b], self.before[a]);
        (x[0] - y[0], x[1] - y[1], x[2] - y[2])
    }
}

/// Each token's paragraph and whether a sentence starts there, in one walk:
/// the paragraphs ending at or before it, and the first sentence ending
/// after it (the one `Doc::sentence_tokens` gives) starting at it.
fn places(scene: &Scene) -> Vec<(u32, bool)> {
    let sents = &scene.doc.sentences;
    let (mut p, mut s) = (0, 0);
    (0..scene.doc.tokens.len())
        .map(|i| {
            while p < scene.paras.len() && scene.paras[p].end <= i {
                p += 1;
            }
            while s < sents.len() && sents[s].sentence.tokens.end <= i {
                s += 1;
            }
            let starts = sents.get(s).is_some_and(|x| x.sentence.tokens.start == i);
            (p as u32, starts)
        })
        .collect()
}

/// Whether a cue word follows token `end` after at most a few auxiliaries
/// and adverbs: the span before `end` is the subject of some cue.
pub(super) fn subject_of_some_cue(scene: &Scene, end: usize) -> bool {
    let n = scene.doc.tokens.len();
    for i in end..(end + 4).min(n) {
        if is_cue(scene, i) {
            return true;
        }
        if scene.words[i].bits & WORD_AUX == 0 {
            return false;
        }
    }
    false
}

/// Appends the features of candidate `i` of `cands` for the quote `t`.
pub(super) fn candidate(
    scene: &Scene,
    t: &Target,
    counts: &Counts,
    cands: &[Candidate],
    i: usize,
    out: &mut Vec<u32>,
) {
    let doc = scene.doc;
    let c = &cands[i];
    let r = &c.toks;
    let word = |k: usize| scene.words.get(k).map_or(0, |w| w.lower);
    let anchor = t.cue.clone().unwrap_or(t.content.clone());
    let sc = side(r, &anchor) + if t.cue.is_some() { 0 } else { 3 };
    let dc = bucket(distance(r, &anchor));
    let (lo, hi) = if r.end <= anchor.start {
        (r.end, anchor.start)
    } else {
        (anchor.end, r.start)
    };
    let (commas, stops, cues) = counts.between(lo, hi);
    let (commas, ends) = (commas.min(3), (stops > 0) as u32);
    let others = others_between(cands, r, lo, hi);
    let sq = side(r, &t.content);
    let dq = bucket(distance(r, &t.content));
    let flags = c.flags as u32;
    let kind = flags & !(RULES as u32);
    let (head, first) = (word(r.end - 1), word(r.start));
    let (prev, next) = (r.start.checked_sub(1).map_or(0, word), word(r.end));
    let starts = counts.starts_sentence(r.start) as u32;
    let comma_after = doc
        .tokens
        .get(r.end)
        .is_some_and(|t| t.text(doc.text) == ",") as u32;
    let other_para = (counts.para(r.start) != t.para) as u32;
    let (adjacent, cue_between) = match &t.cue {
        Some(u) => (adjacent(scene, r, u) as u32, (cues > 0) as u32),
        None => (2, 2),
    };
    let subject_of_cue = subject_of_some_cue(scene, r.end) as u32;
    let tagged = scene.tags[r.clone()]
        .iter()
        .filter(|&&x| x == B_SRC || x == I_SRC)
        .count();
    let tagged_share = bucket(tagged * 4 / r.len().max(1));
    let k = Key::new;
    out.extend_from_slice(&[
        k(1).key(),
        k(2).with(kind).key(),
        k(3).with(c.label as u32).key(),
        k(4).with(sc).with(dc).key(),
        k(5).with(sc).with(dc).with(kind).key(),
        k(6).with(sc).with(ends).key(),
        k(7).with(sc).with(commas).key(),
        k(8).with(sc).with(others).with(kind).key(),
        k(9).with(sq).with(dq).key(),
        k(10).with((sq == 2) as u32).with(kind).key(),
        k(11).with(t.cue_lemma).with(sc).key(),
        k(12)
            .with(t.cue_lemma)
            .with(sc)
            .with(kind & (TAGGED | NAME | PRONOUN) as u32)
            .key(),
        k(13).with(t.cue_class).with(sc).with(dc).key(),
        k(14).with(head).key(),
        k(15).with(first).key(),
        k(16).with(prev).with(sc).key(),
        k(17).with(next).with(sc).key(),
        k(18).with(head).with(sc).key(),
        k(19).with(bucket(r.len())).with(kind).key(),
        k(20).with(t.passive as u32).with(sc).with(prev).key(),
        k(21).with(t.kind).with(sc).with(kind).key(),
        k(22).with(starts).with(sc).key(),
        k(23).with(comma_after).with(sc).with(commas).key(),
        k(24).with(other_para).with(sq).key(),
        k(25).with(t.ing as u32).with(sc).with(dc).key(),
        k(26).with(c.label as u32).with(sc).with(dc).key(),
        k(27).with(flags & RULES as u32).with(kind).key(),
        k(28).with(tagged_share).with(kind).key(),
        k(29).with(sc).with(others).with(commas).with(ends).key(),
        k(31).with(adjacent).with(sc).with(kind).key(),
        k(32).with(adjacent).with(t.cue_lemma).key(),
        k(33).with(cue_between).with(sc).with(dc).key(),
        k(34).with(subject_of_cue).with(sc).with(adjacent).key(),
        k(35).with(adjacent).with(t.passive as u32).with(prev).key(),
    ]);
    for bit in 0..8 {
        if flags & 1 << bit != 0 {
            out.push(k(30).with(bit).with(sc).with(dc).key());
        }
    }
}

/// How many other candidates lie within `lo..hi` (capped at 3).
fn others_between(cands: &[Candidate], r: &Range<usize>, lo: usize, hi: usize) -> u32 {
    cands
        .iter()
        .filter(|o| o.toks.start >= lo && o.toks.end <= hi && o.toks != *r)
        .take(3)
        .count() as u32
}

/// Appends the features of "no speaker" for the quote `t`.
pub(super) fn none(t: &Target, q: &Quote, cands: &[Candidate], out: &mut Vec<u32>) {
    let k = Key::new;
    let has_cue = t.cue.is_some() as u32;
    let rules = q.speaker.is_some() as u32;
    let tagged_any = cands.iter().any(|c| c.flags & TAGGED != 0) as u32;
    let subject_any = cands.iter().any(|c| c.flags & SUBJECT != 0) as u32;
    out.extend_from_slice(&[
        k(50).key(),
        k(51).with(t.cue_lemma).key(),
        k(52).with(t.passive as u32).with(has_cue).key(),
        k(53).with(t.passive as u32).with(t.cue_lemma).key(),
        k(54).with(t.kind).with(has_cue).key(),
        k(55).with(t.cue_class).key(),
        k(56).with(tagged_any).with(subject_any).key(),
        k(57).with(rules).with(t.kind).key(),
        k(58).with(t.ing as u32).key(),
        k(59).with(t.passive as u32).with(t.kind).with(subject_any).key(),
    ]);
}
