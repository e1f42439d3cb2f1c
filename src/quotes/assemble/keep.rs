//! Phase 7: quotes that attribute nothing are dropped. A learned filter
//! scores each quote from its shape: its kind and length, how much of it is
//! quoted or tagged as content, its cue (lemma, class, voice, where it
//! stands), the speaker the ranker chose and how sure the ranker was, and
//! the words at its edges. A quote scoring below the filter's offset is
//! dropped: short chunks around verbs that attribute nothing ("raises
//! questions about", "support from") go. A direct quotation with a
//! speaker is never dropped (`assemble::choose_speakers`).
//! Trained on PolNeAR train (see `src/bin/train-quotes.rs`).

use super::super::tagger::{B_CON, I_CON};
use super::super::tagger::bucket;
use super::choose::{cue_words, distance, side, Choice, Scene, Target};
use crate::analysis::Quote;
use crate::quotes::linear::Key;
use crate::tokens::TokenKind;

/// The filter's features of quote `q` (whose ranker facts are `t` and `c`).
#[inline(never)]
pub(super) fn features(scene: &Scene, q: &Quote, t: &Target, c: &Choice, out: &mut Vec<u32>) {
    let doc = scene.doc;
    let toks = &doc.tokens;
    let r = &t.content;
    let len = r.len().max(1);
    let word = |k: usize| scene.words.get(k).map_or(0, |w| w.lower);
    let quoted = scene.state[r.clone()].iter().filter(|&&s| s != 0).count() * 4 / len;
    let tagged = scene.tags[r.clone()]
        .iter()
        .filter(|&&x| x == B_CON || x == I_CON)
        .count()
        * 4
        / len;
    let words = toks[r.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count();
    let lenb = bucket(words);
    let (sc, dc) = match &t.cue {
        Some(u) => (side(u, r), bucket(distance(u, r))),
        None => (3, 0),
    };
    let sent = doc.sentence_tokens(r.start);
    let starts = sent.as_ref().is_some_and(|s| s.start + 1 >= r.start) as u32;
    let ends = sent.as_ref().is_some_and(|s| s.end <= r.end + 2) as u32;
    let inner_cue = (cue_words(scene, r.clone()) > 0) as u32;
    let has_speaker = q.speaker.is_some() as u32;
    let margin = margin_bucket(c.score - c.none);
    let kind = c.flags as u32;
    let k = Key::new;
    out.extend_from_slice(&[
        k(100).key(),
        k(101).with(t.kind).key(),
        k(102).with(t.cue_lemma).key(),
        k(103).with(t.cue_class).with(t.kind).key(),
        k(104).with(t.passive as u32).with(t.ing as u32).with(has_speaker).key(),
        k(105).with(has_speaker).with(t.kind).with(sc).key(),
        k(106).with(kind).with(c.label as u32).key(),
        k(107).with(margin).with(has_speaker).key(),
        k(108).with(lenb).with(t.kind).key(),
        k(109).with(lenb).with(t.cue_class).key(),
        k(110).with(word(r.start)).key(),
        k(111).with(r.end.checked_sub(1).map_or(0, word)).key(),
        k(112).with(r.start.checked_sub(1).map_or(0, word)).key(),
        k(113).with(word(r.end)).key(),
        k(114).with(quoted as u32).with(tagged as u32).key(),
        k(115).with(quoted as u32).with(t.kind).with(has_speaker).key(),
        k(116).with(sc).with(dc).key(),
        k(117).with(starts).with(ends).with(t.kind).key(),
        k(118).with(inner_cue).with(t.kind).key(),
        k(119).with(t.cue_lemma).with(lenb).key(),
        k(120).with(t.cue_lemma).with(has_speaker).key(),
        k(121).with(bucket(c.candidates)).with(has_speaker).key(),
        k(122).with(margin).with(t.cue_class).key(),
        k(123).with(tagged as u32).with(lenb).key(),
        k(124).with(r.start.checked_sub(1).map_or(0, word)).with(t.cue_class).key(),
    ]);
}

/// The ranker's margin of the chosen option over "no speaker", in buckets.
fn margin_bucket(m: f32) -> u32 {
    match m {
        m if m <= 0.0 => 0,
        m if m < 2.0 => 1,
        m if m < 5.0 => 2,
        m if m < 10.0 => 3,
        m if m < 20.0 => 4,
        _ => 5,
    }
}
