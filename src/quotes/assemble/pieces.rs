//! Phase 1: the tagged tokens as pieces, maximal runs of one role (source,
//! cue, content), with source pieces widened to the whole names in them.

use super::super::tagger::{B_CON, B_CUE, B_SRC, I_CON, I_CUE, I_SRC};
use crate::analysis::{Mention, MentionKind};
use crate::lexicon::function_words;
use crate::mentions::overlapping;
use crate::tokens::TokenKind;
use crate::doc::Doc;
use std::ops::Range;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Role {
    Source,
    Cue,
    Content,
}

#[derive(Clone, Debug)]
pub(super) struct Piece {
    pub role: Role,
    pub toks: Range<usize>,
    /// Index of the paragraph and of the sentence (document-wide) of the first token.
    pub para: usize,
    pub sent: usize,
    pub sent_end: usize,
}

/// The pieces (maximal runs of one role) of the tagged paragraphs.
#[inline(never)]
pub(super) fn pieces(
    doc: &Doc,
    paras: &[Range<usize>],
    tags: &[u8],
    mentions: &[Mention],
) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut si = 0;
    for (pi, p) in paras.iter().enumerate() {
        let mut cur: Option<(Role, usize)> = None;
        let flush = |cur: &mut Option<(Role, usize)>, end: usize, out: &mut Vec<Piece>| {
            if let Some((role, s)) = cur.take() {
                out.push(Piece {
                    role,
                    toks: s..end,
                    para: pi,
                    sent: 0,
                    sent_end: 0,
                });
            }
        };
        for i in p.clone() {
            let (role, begin) = match tags[i] {
                B_SRC => (Some(Role::Source), true),
                I_SRC => (Some(Role::Source), false),
                B_CUE => (Some(Role::Cue), true),
                I_CUE => (Some(Role::Cue), false),
                B_CON => (Some(Role::Content), true),
                I_CON => (Some(Role::Content), false),
                _ => (None, false),
            };
            let same = matches!((&cur, role), (Some((r, _)), Some(x)) if *r == x) && !begin;
            if !same {
                flush(&mut cur, i, &mut out);
                if let Some(r) = role {
                    cur = Some((r, i));
                }
            }
        }
        flush(&mut cur, p.end, &mut out);
    }
    // A source or cue without a word in it is noise.
    out.retain(|p| {
        p.role == Role::Content
            || doc.tokens[p.toks.clone()]
                .iter()
                .any(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    });
    widen_sources(doc, paras, mentions, &mut out);
    // Sentence indices, by a forward sweep (pieces are in token order).
    let sents = &doc.sentences;
    for pc in out.iter_mut() {
        while si + 1 < sents.len() && sents[si].sentence.tokens.end <= pc.toks.start {
            si += 1;
        }
        pc.sent = si;
        let mut sj = si;
        while sj + 1 < sents.len() && sents[sj].sentence.tokens.end < pc.toks.end {
            sj += 1;
        }
        pc.sent_end = sj;
    }
    out
}

/// Whether a mention is a name a source span should hold whole.
fn is_name(m: &Mention) -> bool {
    m.kind == MentionKind::Name && !m.label.is_value()
}

/// Source pieces follow the names in them, whatever the tagger's token-level
/// boundaries: a piece that cuts a name takes all of it ("Department" ->
/// "The State Department"), a piece ending in a determiner takes the name
/// after it ("the" -> "the Washington"), and source pieces that then touch
/// become one ("the Washington" + "administration"). A piece only grows over
/// tokens of its paragraph that no other piece holds.
#[inline(never)]
fn widen_sources(doc: &Doc, paras: &[Range<usize>], mentions: &[Mention], out: &mut Vec<Piece>) {
    let toks = &doc.tokens;
    let text = doc.text;
    let determiner = |i: usize| function_words::is_article(toks[i].text(text));
    for k in 0..out.len() {
        if out[k].role != Role::Source {
            continue;
        }
        let para = paras[out[k].para].clone();
        let lo = if k > 0 && out[k - 1].para == out[k].para {
            out[k - 1].toks.end
        } else {
            para.start
        };
        let hi = match out.get(k + 1) {
            Some(n) if n.para == out[k].para => n.toks.start,
            _ => para.end,
        };
        let Range { mut start, mut end } = out[k].toks.clone();
        // Names cut by the piece's edges.
        let (s, e) = (toks[start].start, toks[end - 1].end);
        for m in overlapping(mentions, s, e) {
            if !is_name(m) {
                continue;
            }
            while start > lo && toks[start - 1].end > m.start {
                start -= 1;
            }
            while end < hi && toks[end].start < m.end {
                end += 1;
            }
        }
        if end < hi && determiner(end - 1) {
            // "the" + the name that follows.
            let at = toks[end].start;
            let next = overlapping(mentions, at, at + 1).first();
            if let Some(m) = next.filter(|m| m.start == at && is_name(m)) {
                while end < hi && toks[end].start < m.end {
                    end += 1;
                }
            }
        }
        if start > lo && determiner(start - 1) {
            start -= 1;
        }
        out[k].toks = start..end;
    }
    // Touching source pieces of one paragraph are one source.
    let mut merged: Vec<Piece> = Vec::with_capacity(out.len());
    for p in out.drain(..) {
        match merged.last_mut() {
            Some(l)
                if l.role == Role::Source
                    && p.role == Role::Source
                    && l.para == p.para
                    && l.toks.end >= p.toks.start =>
            {
                l.toks.end = l.toks.end.max(p.toks.end);
            }
            _ => merged.push(p),
        }
    }
    *out = merged;
}
