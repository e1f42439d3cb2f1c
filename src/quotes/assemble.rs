//! From tagged tokens and paired quotation marks to [`Quote`]s: links each
//! content span to its cue and source, chooses the kind and the exact span,
//! and resolves the speaker to an entity.

use super::marks::Marked;
use super::tagger::{B_CON, B_CUE, B_SRC, I_CON, I_CUE, I_SRC};
use super::{find_speaker, SpeakerRef};
use crate::analysis::{Entity, Label, Mention, MentionKind, Quote, QuoteKind, Span, Speaker};
use crate::lexicon::{function_words, gender, pronouns};
use crate::mentions::{overlapping, within};
use crate::tokens::TokenKind;
use crate::Doc;
use std::ops::Range;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Source,
    Cue,
    Content,
}

#[derive(Clone, Debug)]
struct Piece {
    role: Role,
    toks: Range<usize>,
    /// Index of the paragraph and of the sentence (document-wide) of the first token.
    para: usize,
    sent: usize,
    sent_end: usize,
}

/// How far (in tokens) a cue may be from its content, and a source from its cue.
const MAX_CUE_GAP: usize = 40;
const MAX_SOURCE_GAP: usize = 12;
/// How close a cue-less content piece must follow the previous one to continue it.
const CONTINUE_GAP: usize = 15;
/// How many paragraphs back a pronoun may find the previous speaker.
const PRONOUN_REACH: usize = 3;

fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The pieces (maximal runs of one role) of the tagged paragraphs.
#[inline(never)]
fn pieces(doc: &Doc, paras: &[Range<usize>], tags: &[u8], mentions: &[Mention]) -> Vec<Piece> {
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
    m.kind == MentionKind::Name
        && !matches!(
            m.label,
            Label::Date
                | Label::Time
                | Label::Percent
                | Label::Money
                | Label::Quantity
                | Label::Ordinal
                | Label::Cardinal
        )
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

struct Attribution {
    content: Vec<usize>,
    cue: Option<usize>,
    source: Option<usize>,
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

pub(super) fn assemble(
    doc: &Doc,
    paras: &[Range<usize>],
    marked: &[Marked],
    tags: &[u8],
    mentions: &[Mention],
    entities: &[Entity],
) -> Vec<Quote> {
    let text = doc.text;
    let toks = &doc.tokens;
    let pcs = pieces(doc, paras, tags, mentions);
    // Link every content piece to the nearest cue piece of the same paragraph,
    // searching a bounded number of pieces either way.
    let mut by_cue: Vec<Option<usize>> = vec![None; pcs.len()];
    let mut attrs: Vec<Attribution> = Vec::new();
    for (k, c) in pcs.iter().enumerate() {
        if c.role != Role::Content {
            continue;
        }
        let best = nearest(&pcs, k, 8, Role::Cue, |u| {
            // Same sentence, or the next/previous one.
            let near = u.sent + 1 >= c.sent && u.sent <= c.sent_end + 1;
            let g = gap(&u.toks, &c.toks);
            let same = u.sent >= c.sent && u.sent <= c.sent_end;
            (near && g <= MAX_CUE_GAP).then_some(g + if same { 0 } else { 30 })
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
            None => {
                // A content piece with no cue of its own that directly
                // continues the previous one (the next sentence of the same
                // quotation or paraphrase) belongs to the same attribution.
                let prev = attrs.last_mut().filter(|a| {
                    let p = &pcs[*a.content.last().unwrap_or(&a.content[0])];
                    p.para == c.para
                        && c.toks.start >= p.toks.end
                        && c.toks.start - p.toks.end <= CONTINUE_GAP
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
        }
    }
    // Sources: the nearest source piece to the cue (or to the content when
    // there is no cue), in the same sentence.
    for a in attrs.iter_mut() {
        let anchor = a.cue.unwrap_or(a.content[0]);
        let u = &pcs[anchor];
        let max_gap = MAX_SOURCE_GAP + if a.cue.is_none() { 0 } else { 8 };
        a.source = nearest(&pcs, anchor, 6, Role::Source, |s| {
            let same = s.sent >= u.sent && s.sent <= u.sent_end
                || u.sent >= s.sent && u.sent <= s.sent_end;
            let g = gap(&s.toks, &u.toks);
            ((same || g <= 2) && g <= max_gap).then_some(g)
        });
    }

    // Quoted spans by token position, to find those inside a content span.
    let mut out: Vec<(usize, Quote)> = Vec::new();
    let mut used_marks = vec![false; marked.len()];
    // For each marked span: the index in `out` of the quote that took it.
    let mut taken: Vec<Option<usize>> = vec![None; marked.len()];
    // The first opening and last closing mark of each quotation in `out`
    // (None for indirect speech).
    let mut opens: Vec<Option<(usize, usize)>> = Vec::new();
    let mut last_speaker: Option<(usize, Option<usize>)> = None; // (paragraph, entity)
    let mut attr_order: Vec<usize> = (0..attrs.len()).collect();
    attr_order.sort_by_key(|&i| pcs[attrs[i].content[0]].toks.start);
    let mut mi = 0;
    for &ai in &attr_order {
        let a = &attrs[ai];
        let first = &pcs[a.content[0]];
        let last = &pcs[*a.content.last().unwrap_or(&a.content[0])];
        let mut range = first.toks.start..last.toks.end;
        for &c in &a.content {
            range.start = range.start.min(pcs[c].toks.start);
            range.end = range.end.max(pcs[c].toks.end);
        }
        // "according to X, ...": X is the whole phrase up to the comma.
        let according = a.cue.and_then(|j| according_source(doc, &pcs[j].toks));
        if let Some(src) = &according {
            if range.start >= src.start && range.start < src.end + 1 {
                range.start = (src.end + 1).min(range.end);
            }
            if range.is_empty() {
                continue;
            }
        }
        // Marked spans overlapping the content.
        while mi < marked.len() && marked[mi].after <= range.start && marked[mi].open < range.start
        {
            mi += 1;
        }
        let mut inside: Vec<usize> = Vec::new();
        let mut mj = mi;
        while mj < marked.len() && marked[mj].open < range.end {
            let m = &marked[mj];
            let m_end = m.close.map_or(m.after, |c| c + 1);
            if m_end > range.start {
                inside.push(mj);
            }
            mj += 1;
        }
        let covered: usize = inside
            .iter()
            .map(|&m| {
                let m = &marked[m];
                let m_end = m.close.map_or(m.after, |c| c + 1);
                m_end.min(range.end).saturating_sub(m.open.max(range.start))
            })
            .sum();
        let words = |m: &Marked| {
            toks[m.open + 1..m.after.min(toks.len())]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count()
        };
        let (kind, start, end, open) = if !inside.is_empty()
            && (covered * 10 >= range.len() * 6 || inside.iter().any(|&m| words(&marked[m]) >= 3))
        {
            let m0 = &marked[inside[0]];
            let m1 = &marked[*inside.last().unwrap()];
            // A quotation already taken by an earlier content piece: this
            // piece only lends it a cue and speaker it lacked.
            if let Some(qi) = inside.iter().find_map(|&m| taken[m]) {
                let q: &mut Quote = &mut out[qi].1;
                if q.speaker.is_none() && a.source.is_some() {
                    let r = &pcs[a.source.unwrap_or(0)].toks;
                    let (s, e) = (toks[r.start].start, toks[r.end - 1].end);
                    q.speaker = Some(resolve(
                        text,
                        s,
                        e,
                        first.para,
                        mentions,
                        entities,
                        &last_speaker,
                    ));
                    q.cue = a.cue.map(|j| cue_span(doc, &pcs[j].toks)).or(q.cue.take());
                }
                continue;
            }
            for &m in &inside {
                used_marks[m] = true;
                taken[m] = Some(out.len());
            }
            let kind = if covered * 10 >= range.len() * 6 && starts_sentence(doc, m0.open) {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            (
                kind,
                m0.start,
                m1.end,
                Some((m0.open, m1.close.unwrap_or(m1.after))),
            )
        } else {
            let (s, e) = trim(doc, range.clone());
            if e <= s {
                continue;
            }
            (QuoteKind::Indirect, s, e, None)
        };
        let cue = a.cue.map(|j| cue_span(doc, &pcs[j].toks));
        let source = according
            .clone()
            .or_else(|| a.source.map(|j| pcs[j].toks.clone()))
            .or_else(|| {
                a.cue
                    .and_then(|j| subject_before(doc, pcs[j].toks.start, mentions))
            });
        let speaker = source.map(|r| {
            let (s, e) = (toks[r.start].start, toks[r.end - 1].end);
            resolve(text, s, e, first.para, mentions, entities, &last_speaker)
        });
        if let Some(sp) = &speaker {
            last_speaker = Some((first.para, sp.entity));
        }
        opens.push(open);
        out.push((
            first.para,
            Quote {
                kind,
                start,
                end,
                text: text[start..end].to_string(),
                speaker,
                cue,
                cue_class: None,
            },
        ));
    }

    // Quoted spans the tagger did not take: direct quotes by rule.
    // Spans already taken, sorted, for an overlap test by binary search.
    let mut spans: Vec<(usize, usize)> = out.iter().map(|(_, q)| (q.start, q.end)).collect();
    spans.sort_unstable();
    let mut reach = Vec::with_capacity(spans.len()); // running max of ends
    let mut r = 0;
    for &(_, e) in &spans {
        r = r.max(e);
        reach.push(r);
    }
    let overlaps = |s: usize, e: usize| {
        // The last span starting before `e` and any earlier one reaching past `s`.
        let k = spans.partition_point(|x| x.0 < e);
        k > 0 && reach[k - 1] > s
    };
    for (k, m) in marked.iter().enumerate() {
        if used_marks[k] || overlaps(m.start, m.end) {
            continue;
        }
        let close = m.close.unwrap_or(m.after);
        let direct = starts_sentence(doc, m.open);
        let n_words = toks[m.open + 1..close.min(toks.len())]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        if !direct && n_words < 4 || n_words < 2 {
            continue;
        }
        let sent = doc.sentence_tokens(m.open).unwrap_or(m.open..close);
        // The attribution is next to the quote: look a few tokens either side.
        let before = sent.start.max(m.open.saturating_sub(12))..m.open.max(sent.start);
        let after = (close + 1).min(sent.end)..sent.end.min(close + 13);
        let para = paras
            .partition_point(|p| p.end <= m.open)
            .min(paras.len().saturating_sub(1));
        let found = find_speaker(doc, after, mentions, true)
            .or_else(|| find_speaker(doc, before, mentions, false));
        let (speaker, cue) = match found {
            Some((SpeakerRef::Span(sp), cue)) => {
                let sp = resolve(
                    text,
                    sp.start,
                    sp.end,
                    para,
                    mentions,
                    entities,
                    &last_speaker,
                );
                (Some(sp), Some(cue))
            }
            Some((SpeakerRef::Pronoun(a, b), cue)) => (
                Some(resolve(text, a, b, para, mentions, entities, &last_speaker)),
                Some(cue),
            ),
            None => (None, None),
        };
        if speaker.is_none() && !direct {
            continue;
        }
        if let Some(sp) = &speaker {
            last_speaker = Some((para, sp.entity));
        }
        opens.push(Some((m.open, close)));
        out.push((
            para,
            Quote {
                kind: if direct {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                },
                start: m.start,
                end: m.end,
                text: text[m.start..m.end].to_string(),
                speaker,
                cue,
                cue_class: None,
            },
        ));
    }
    // A quotation introduced by a colon ("Cruz continued: “...”") without a
    // speaker of its own takes the attribution of the clause before the colon.
    for ((para, q), open) in out.iter_mut().zip(&opens) {
        let Some((o, _)) = *open else { continue };
        if q.speaker.is_some() || o == 0 || toks[o - 1].text(text) != ":" {
            continue;
        }
        let colon = o - 1;
        let Some(sent) = doc.sentence_tokens(colon) else {
            continue;
        };
        let clause = sent.start.max(colon.saturating_sub(16))..colon;
        let lo = pcs.partition_point(|p| p.toks.end <= clause.start);
        let hi = pcs.partition_point(|p| p.toks.start < clause.end);
        let cue = pcs[lo..hi.max(lo)]
            .iter()
            .rev()
            .find(|p| p.role == Role::Cue);
        let src = pcs[lo..hi.max(lo)]
            .iter()
            .rev()
            .find(|p| p.role == Role::Source)
            .map(|p| p.toks.clone())
            .or_else(|| cue.and_then(|c| subject_before(doc, c.toks.start, mentions)))
            .or_else(|| {
                // "Cruz continued:" with a cue word the tagger missed.
                if colon <= clause.start {
                    return None;
                }
                let w = toks[colon - 1].text(text);
                let mut b = String::new();
                crate::lexicon::cues::lemma(w, &mut b);
                (crate::lexicon::cues::classes(&b) != 0 && colon > clause.start)
                    .then(|| subject_before(doc, colon - 1, mentions))
                    .flatten()
            });
        if let Some(sp) = src {
            let (s, e) = (toks[sp.start].start, toks[sp.end - 1].end);
            q.speaker = Some(resolve(text, s, e, *para, mentions, entities, &None));
            q.cue = cue.map(|c| cue_span(doc, &c.toks)).or(q.cue.take());
        } else if let Some((sp, cue)) = find_speaker(doc, clause, mentions, false) {
            let (s, e) = match sp {
                SpeakerRef::Span(sp) => (sp.start, sp.end),
                SpeakerRef::Pronoun(a, b) => (a, b),
            };
            q.speaker = Some(resolve(text, s, e, *para, mentions, entities, &None));
            q.cue = Some(cue);
        }
    }
    // "“We will,” he said, “do it.”": one quotation interrupted by its
    // attribution becomes one quote over both parts.
    let mut items: Vec<(Quote, Option<(usize, usize)>)> =
        out.into_iter().map(|(_, q)| q).zip(opens).collect();
    items.sort_by_key(|(q, _)| (q.start, q.end));
    let mut merged: Vec<(Quote, Option<(usize, usize)>)> = Vec::with_capacity(items.len());
    for (q, m) in items {
        if let (Some((prev, Some((po, pc)))), Some((o, c))) = (merged.last_mut(), m) {
            let (po, pc) = (*po, *pc);
            let between = &toks[(pc + 1).min(o)..o];
            let interrupted = prev.text.ends_with(',')
                && !between.is_empty()
                && between.len() <= 10
                && between.last().is_some_and(|t| t.text(text) == ",")
                && between
                    .iter()
                    .all(|t| !matches!(t.text(text), "." | "!" | "?"))
                && between.iter().any(|t| {
                    let mut b = String::new();
                    crate::lexicon::cues::lemma(t.text(text), &mut b);
                    crate::lexicon::cues::classes(&b) != 0
                });
            if interrupted {
                prev.end = q.end;
                prev.text = text[prev.start..prev.end].to_string();
                if prev.speaker.is_none() {
                    prev.speaker = q.speaker;
                    prev.cue = q.cue.or(prev.cue.take());
                }
                if let Some(last) = merged.last_mut() {
                    last.1 = Some((po, c));
                }
                continue;
            }
        }
        merged.push((q, m));
    }
    merged.into_iter().map(|(q, _)| q).collect()
}

/// The subject right before the cue token `cue`: a pronoun, a name (with the
/// title words before it) or a short noun phrase back to the clause start.
#[inline(never)]
fn subject_before(doc: &Doc, cue: usize, mentions: &[Mention]) -> Option<Range<usize>> {
    let text = doc.text;
    let toks = &doc.tokens;
    let start = doc.sentence_tokens(cue).map_or(0, |s| s.start);
    let mut k = cue;
    while k > start && cue - k < 4 && {
        let w = toks[k - 1].text(text);
        function_words::comes_before_verb(w)
            || (w.len() > 4 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ly"))
    } {
        k -= 1;
    }
    if k <= start {
        return None;
    }
    let end = k;
    let last = toks[end - 1];
    let lw = last.text(text);
    if pronouns::is_subject(lw) {
        return Some(end - 1..end);
    }
    if last.kind != TokenKind::Word && last.kind != TokenKind::Clitic {
        return None;
    }
    // "it was stated that": a passive cue has no subject for a source.
    if function_words::is_be(lw) {
        return None;
    }
    // Back to the clause start, at most 8 tokens.
    let mut b = end;
    while b > start && end - b < 8 {
        let t = toks[b - 1];
        let w = t.text(text);
        let boundary = match t.kind {
            TokenKind::Word | TokenKind::Number | TokenKind::Clitic => {
                function_words::opens_clause(w)
            }
            _ => !matches!(w, "-" | "’" | "'" | "." | "&"),
        };
        if boundary {
            break;
        }
        b -= 1;
    }
    if b == end {
        return None;
    }
    // Too long to be a subject unless it ends in a name.
    let name_end = within(mentions, toks[b].start, last.end)
        .last()
        .is_some_and(|m| m.end == last.end);
    if end - b >= 8 && !name_end {
        return None;
    }
    Some(b..end)
}

/// For an "according to" cue: the source phrase after it, up to the next
/// comma or the end of the sentence (at most 15 tokens).
fn according_source(doc: &Doc, cue: &Range<usize>) -> Option<Range<usize>> {
    let text = doc.text;
    let toks = &doc.tokens;
    let words: Vec<&str> = toks[cue.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .collect();
    if !(words.len() == 2
        && words[0].eq_ignore_ascii_case("according")
        && words[1].eq_ignore_ascii_case("to"))
    {
        return None;
    }
    let sent_end = doc.sentence_tokens(cue.start).map_or(toks.len(), |s| s.end);
    let start = cue.end;
    let mut k = start;
    while k < sent_end
        && k < start + 15
        && !matches!(toks[k].text(text), "," | "." | "!" | "?" | ";" | ":")
    {
        k += 1;
    }
    (k > start && (k == sent_end || k < start + 15)).then_some(start..k)
}

/// Whether the quotation mark at token `open` starts its sentence, or follows
/// a colon, comma or dash (a quotation that stands as a sentence).
fn starts_sentence(doc: &Doc, open: usize) -> bool {
    let text = doc.text;
    if open == 0 {
        return true;
    }
    if doc.sentence_tokens(open).is_some_and(|s| s.start == open) {
        return true;
    }
    matches!(doc.tokens[open - 1].text(text), ":" | "," | "—" | "–" | "-")
}

/// The byte span of content tokens without a leading "that" and trailing punctuation.
fn trim(doc: &Doc, mut r: Range<usize>) -> (usize, usize) {
    let text = doc.text;
    let toks = &doc.tokens;
    if r.len() > 2 && toks[r.start].text(text).eq_ignore_ascii_case("that") {
        r.start += 1;
    }
    while r.len() > 1
        && matches!(
            toks[r.end - 1].text(text),
            "," | "." | ":" | ";" | "—" | "–"
        )
    {
        r.end -= 1;
    }
    while r.len() > 1 && matches!(toks[r.start].text(text), "," | ":" | ";" | "—" | "–") {
        r.start += 1;
    }
    if r.is_empty() {
        return (0, 0);
    }
    (toks[r.start].start, toks[r.end - 1].end)
}

/// The cue span, extended over the particle of a phrasal cue ("called on").
fn cue_span(doc: &Doc, r: &Range<usize>) -> Span {
    let text = doc.text;
    let toks = &doc.tokens;
    let mut end = r.end;
    if r.len() == 1 {
        let w = toks[r.start].text(text).to_ascii_lowercase();
        let next = toks.get(end).map(|t| t.text(text).to_ascii_lowercase());
        let particle = match w.as_str() {
            "called" | "calls" | "call" | "calling" => {
                matches!(next.as_deref(), Some("on" | "for"))
            }
            "pointed" | "points" | "point" | "pointing" => next.as_deref() == Some("out"),
            _ => false,
        };
        if particle {
            end += 1;
        }
    }
    // "said:" -> "said".
    let mut last = end - 1;
    while last > r.start
        && !matches!(
            toks[last].kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Clitic
        )
    {
        last -= 1;
    }
    Span::of(text, toks[r.start].start, toks[last].end)
}

/// The speaker of the source span `s..e`: the entity of its main mention, or
/// for a pronoun or role noun, the previous speaker when recent.
#[inline(never)]
fn resolve(
    text: &str,
    s: usize,
    e: usize,
    para: usize,
    mentions: &[Mention],
    entities: &[Entity],
    last: &Option<(usize, Option<usize>)>,
) -> Speaker {
    // No punctuation at the edges of a speaker span.
    let edge = |c: char| {
        c.is_ascii_punctuation() && !matches!(c, '.' | '\'' | ')') || "—–“”‘’«»".contains(c)
    };
    let trimmed = text[s..e].trim_end_matches(edge);
    let e = s + trimmed.len();
    let lead = trimmed.len() - trimmed.trim_start_matches(edge).len();
    let (s, e) = if s + lead < e {
        (s + lead, e)
    } else {
        (s, s + text[s..].len().min(e - s))
    };
    let ms = within(mentions, s, e);
    let src = &text[s..e];
    let is_pronoun = pronouns::is_personal(src);
    let recent_person = last.and_then(|(p, ent)| {
        let ent = ent?;
        (para <= p + PRONOUN_REACH && entities.get(ent)?.label == Label::Person).then_some(ent)
    });
    // "she said" does not go back to a man (nor "he said" to a woman).
    let recent_person = recent_person.filter(|&p| {
        let g = gender::of_pronoun(src);
        let named = entities.get(p).and_then(|e| gender::of_name(&e.name));
        !matches!((g, named), (Some(a), Some(b)) if a != b)
    });
    let entity =
        if is_pronoun && !src.eq_ignore_ascii_case("they") && !src.eq_ignore_ascii_case("we") {
            recent_person.or_else(|| ms.iter().find_map(|m| m.entity))
        } else {
            let pick =
                |f: &dyn Fn(&Mention) -> bool| ms.iter().filter(|m| f(m)).find_map(|m| m.entity);
            pick(&|m| m.label == Label::Person && m.kind == MentionKind::Name)
                .or_else(|| pick(&|m| m.label == Label::Person))
                .or_else(|| pick(&|m| matches!(m.label, Label::Org | Label::Gpe | Label::Norp)))
                .or_else(|| {
                    // "The US administration": an adjectival name of a country or group.
                    ms.iter().filter_map(|m| m.entity).find(|&e| {
                        entities.get(e).is_some_and(|x| {
                            matches!(x.label, Label::Org | Label::Gpe | Label::Norp)
                        })
                    })
                })
                .or_else(|| {
                    // A role noun the entity stage left unresolved: the previous speaker.
                    let lower = src.to_ascii_lowercase();
                    let role = ["spokesman", "spokeswoman", "spokesperson", "the official"]
                        .iter()
                        .any(|r| lower.ends_with(r));
                    if role {
                        recent_person
                    } else {
                        None
                    }
                })
        };
    Speaker {
        start: s,
        end: e,
        text: src.to_string(),
        entity,
    }
}
