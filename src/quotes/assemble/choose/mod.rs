//! Phase 6: each quote's speaker chosen among candidates, as a reader
//! chooses, by a learned ranker. The candidates are the spans a speaker can
//! be near the quote and its cue: the tagger's source runs, the names and
//! pronouns of the mention stage and of the pronoun list, the subject before
//! the cue, the phrase after it ("said a spokesman") or after "according
//! to", the speaker the rules gave, and no speaker at all (an agentless
//! passive, "is expected"). Each is scored from its kind and place: which
//! side of the cue, how far, across commas or other candidates, its words,
//! the cue's lemma and voice. The ranker is trained on PolNeAR train (see
//! `src/bin/train-quotes.rs`); without one the rules' speaker stays.

mod addressee;
mod features;
mod opening;

pub(in crate::quotes::assemble) use addressee::person_before_addressee;

pub(super) use features::Counts;

use super::super::linear::Linear;
use super::super::tagger::{bucket, WordInfo, B_SRC, I_SRC, WORD_AUX, WORD_SUBJECT};
use super::speaker::{according_source, clause_back, relative_opener, subject_before};
use crate::analysis::{Label, Mention, MentionKind, Quote, QuoteKind};
use crate::doc::Doc;
use crate::lexicon::{cues, function_words, pronouns};
use crate::mentions::overlapping_range;
use crate::tagging::Fnv;
use crate::tokens::TokenKind;
use std::ops::Range;

/// How far (in tokens) before the quote and its cue candidates are looked for ...
const REACH_BEFORE: usize = 40;
/// ... and after them.
const REACH_AFTER: usize = 25;
/// The longest phrase after a cue taken as one candidate ("said a
/// spokesman for the campaign").
const MAX_AFTER_CUE: usize = 8;
/// The longest appositive a speaker span takes in ("X, a senior fellow at
/// ..., said"), in tokens.
const MAX_APPOSITIVE: usize = 20;
/// The most candidates a quote weighs (the nearest to its cue).
const MAX_CANDIDATES: usize = 12;

/// What a candidate is (bits; one span can be several).
const TAGGED: u16 = 1;
const NAME: u16 = 2;
const PRONOUN: u16 = 4;
const NOMINAL: u16 = 8;
const SUBJECT: u16 = 16;
const AFTER_CUE: u16 = 32;
const ACCORDING: u16 = 64;
const RULES: u16 = 128;

/// What the ranker reads of the article.
pub(super) struct Scene<'a> {
    pub doc: &'a Doc<'a>,
    pub mentions: &'a [Mention],
    /// The tagger's class for every token.
    pub tags: &'a [u8],
    /// For every token: 1 inside a quotation, 2 a quotation mark, 0 outside.
    pub state: &'a [u8],
    /// What every token is (`tagger::WordInfo`).
    pub words: &'a [WordInfo],
    pub paras: &'a [Range<usize>],
}

/// A possible speaker: its tokens, what it is, and a mention label code.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub toks: Range<usize>,
    flags: u16,
    label: u8,
}

/// A quote as the ranker sees it: its content and cue tokens.
#[derive(Default)]
pub struct Target {
    pub content: Range<usize>,
    pub cue: Option<Range<usize>>,
    /// The paragraph of the content's first token.
    pub para: usize,
    pub kind: u32,
    /// Facts of the cue: lemma hash, class set, passive, "-ing" form.
    pub cue_lemma: u32,
    pub cue_class: u32,
    pub passive: bool,
    pub ing: bool,
}

/// The candidates of `q` and their features; the last option is "no speaker".
#[derive(Default)]
pub struct Options {
    pub candidates: Vec<Candidate>,
    /// The features of every option, one after the other ...
    features: Vec<u32>,
    /// ... each option's ending where the next one's start.
    ends: Vec<usize>,
    /// The quote as the ranker saw it.
    pub target: Target,
}

impl Options {
    /// The features of option `i` (the candidates, then "no speaker").
    pub fn features(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.features[start..self.ends[i]]
    }

    /// How many options there are (the candidates and "no speaker").
    pub fn len(&self) -> usize {
        self.ends.len()
    }
}

/// Writes to `opts` the speaker candidates of quote `q` with their
/// features (the last one is the empty candidate, no speaker); `counts` are
/// the article's. What `opts` held before is replaced: one `Options` serves
/// every quote of an article, with no allocation per quote once its
/// vectors have grown.
// Not inlined: its callers stay small enough for V8's optimising compiler.
#[inline(never)]
pub(super) fn options(scene: &Scene, counts: &Counts, q: &Quote, opts: &mut Options) {
    opts.target = target(scene, q);
    let t = &opts.target;
    let cands = &mut opts.candidates;
    candidates(scene, counts, q, t, cands);
    if cands.len() > MAX_CANDIDATES {
        let anchor = t.cue.clone().unwrap_or(t.content.clone());
        cands.sort_by_key(|c| (distance(&c.toks, &anchor), c.toks.start));
        cands.truncate(MAX_CANDIDATES);
    }
    // Each candidate is a distinct span, so this order does not depend on
    // the order before, and an unstable sort gives the same.
    cands.sort_unstable_by_key(|c| (c.toks.start, c.toks.end));
    let (features, ends) = (&mut opts.features, &mut opts.ends);
    features.clear();
    ends.clear();
    for i in 0..cands.len() {
        features::candidate(scene, t, counts, cands, i, features);
        ends.push(features.len());
    }
    features::none(t, q, cands, features);
    ends.push(features.len());
}

/// What the ranker chose and how sure it was.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Choice {
    /// The chosen candidate's kind bits and label code (0 for no speaker).
    pub flags: u16,
    pub label: u8,
    /// The best score and the score of "no speaker".
    pub score: f32,
    pub none: f32,
    /// How many candidates there were.
    pub candidates: usize,
}

/// The best option by `model`: a candidate's tokens, or `None` for no
/// speaker, and the facts of the choice.
pub(super) fn best(model: &Linear, opts: &Options) -> (Option<usize>, Choice) {
    let mut best = (f32::NEG_INFINITY, opts.candidates.len());
    let mut none = 0.0;
    for i in 0..opts.len() {
        let s = model.score(opts.features(i));
        if s > best.0 {
            best = (s, i);
        }
        none = s;
    }
    let chosen = opts.candidates.get(best.1);
    let choice = Choice {
        flags: chosen.map_or(0, |c| c.flags),
        label: chosen.map_or(0, |c| c.label),
        score: best.0,
        none,
        candidates: opts.candidates.len(),
    };
    (chosen.map(|_| best.1), choice)
}

/// Documents that carry someone's words without speaking them.
const DOCUMENTS: &[&str] = &[
    "statement",
    "statements",
    "release",
    "communique",
    "communiqué",
];

/// The candidate to take when the ranker chose candidate `i`: a document
/// ("according to a statement from her ministry") yields to a person named
/// as the subject of a cue in the same sentence ("Petra Lind told
/// reporters, according to a statement ..."): the statement carries the
/// words, the person said them.
pub(super) fn person_over_document(scene: &Scene, opts: &Options, i: usize) -> usize {
    let doc = scene.doc;
    let r = &opts.candidates[i].toks;
    let document = doc.tokens[r.start..r.end.min(r.start + 3)]
        .iter()
        .any(|t| DOCUMENTS.iter().any(|d| t.text(doc.text).eq_ignore_ascii_case(d)));
    let Some(sentence) = doc.sentence_tokens(r.start) else {
        return i;
    };
    if !document {
        return i;
    }
    let person = opts.candidates.iter().position(|o| {
        o.label == 1
            && o.flags & NAME != 0
            && sentence.contains(&o.toks.start)
            && features::subject_of_some_cue(scene, o.toks.end)
    });
    person.unwrap_or(i)
}

/// The most tokens from "through" to the comma before the name ("through
/// its deputy foreign minister,").
const MAX_THROUGH: usize = 7;

/// The candidate to take when the ranker chose candidate `i`: a person
/// named after "through" and a role ("Ruritania said through its foreign
/// minister, Petra Lind") spoke for whoever the cue's subject is, and is
/// the speaker. "Through a spokesman" with no name keeps the choice.
pub(super) fn person_through(scene: &Scene, opts: &Options, i: usize) -> usize {
    let doc = scene.doc;
    let Some(u) = &opts.target.cue else { return i };
    let at = |k: usize| doc.tokens.get(k).map_or("", |t| t.text(doc.text));
    if !at(u.end).eq_ignore_ascii_case("through") {
        return i;
    }
    let sent_end = doc.sentence_tokens(u.start).map_or(u.end, |s| s.end);
    let Some(comma) = (u.end + 2..(u.end + MAX_THROUGH).min(sent_end)).find(|&k| at(k) == ",")
    else {
        return i;
    };
    let person = opts.candidates.iter().position(|o| {
        o.label == 1 && o.flags & NAME != 0 && (o.toks.start == comma + 1 || o.toks.start == comma + 2)
    });
    person.unwrap_or(i)
}

/// The span shown as the speaker for candidate `i` of `opts`: the whole
/// subject it is part of (the widest subject before the cue, phrase after
/// it or rules' speaker that holds it), then its appositive up to the
/// appositive's end ("Michael McFaul, a senior fellow at Stanford,").
// Not inlined: its callers stay small enough for V8's optimising compiler.
#[inline(never)]
pub(super) fn display(scene: &Scene, opts: &Options, i: usize) -> Range<usize> {
    let mut r = opts.candidates[i].toks.clone();
    for o in &opts.candidates {
        let whole = o.flags & (SUBJECT | AFTER_CUE | ACCORDING | RULES) != 0;
        if whole && o.toks.start <= r.start && o.toks.end >= r.end {
            r = o.toks.clone();
        }
    }
    // "lawyer Jane Roe in an interview with the Globe": the phrase after the
    // cue ends with the person's name.
    let c = &opts.candidates[i];
    let next = scene.doc.tokens.get(c.toks.end).map_or("", |t| t.text(scene.doc.text));
    let name_ends = c.label == 1 && c.flags & NAME != 0 && r.end > c.toks.end;
    if name_ends && titles_only(scene, r.start..c.toks.start) && next != "of" && function_words::is_preposition(next) {
        r.end = c.toks.end;
    }
    if let Some(start) = opening::subject_after_comma(scene, opts, &r) {
        r.start = start;
    }
    if let Some(end) = noun_phrase_end(scene, opts, &r) {
        r.end = end;
    }
    if let Some(a) = subject_of_relative(scene, &r) {
        r.start = a;
    }
    if let Some(end) = appositive(scene, &opts.target, &r) {
        return r.start..end;
    }
    if let Some(end) = name_in_apposition(scene, opts, &r) {
        return r.start..end;
    }
    // A span cut inside its appositive ("said Jane Roe, who has led the"):
    // the name before the comma with the whole appositive.
    let doc = scene.doc;
    let comma = (r.start + 1..r.end).find(|&k| doc.tokens[k].text(doc.text) == ",");
    match comma.and_then(|c| appositive(scene, &opts.target, &(r.start..c))) {
        Some(end) if end > r.end => r.start..end,
        _ => r,
    }
}

/// Whether the tokens `r` before a name read as its titles ("Maryland-based
/// product liability lawyer"), with no verb, adverb or preposition ("praised",
/// "privately about").
fn titles_only(scene: &Scene, r: Range<usize>) -> bool {
    let doc = scene.doc;
    r.into_iter().all(|k| {
        let w = doc.tokens[k].text(doc.text);
        let verb_like = w.ends_with("ly") || w.ends_with("ed") && !w.contains('-');
        !verb_like && !function_words::is_preposition(w) && !function_words::comes_before_verb(w)
    })
}

/// The most tokens of the noun phrase a relative clause speaks for.
const MAX_RELATIVE_SUBJECT: usize = 6;

/// Where the subject starts that the relative clause `r` ("many of whom
/// lost power", "which is based in Ohio") is set off after: "Residents,
/// many of whom lost power, said" speaks for the residents. The subject
/// is a short noun phrase before the clause's comma, with no verb or cue
/// word in it ("said Newcombe, who" is not one); a bare "who" stays as it
/// is, its person found by the speaker's resolution.
fn subject_of_relative(scene: &Scene, r: &Range<usize>) -> Option<usize> {
    let doc = scene.doc;
    let comma = r.start.checked_sub(1)?;
    let opener = relative_opener(doc, r.start, r.end)?;
    if r.len() <= opener || doc.tokens[comma].text(doc.text) != "," {
        return None;
    }
    // "The policy, which officials said": "which" is the object, and the
    // words after it are the subject.
    let next = doc.tokens[r.start + opener].text(doc.text);
    let which = doc.tokens[r.start + opener - 1].text(doc.text).eq_ignore_ascii_case("which");
    let subject_follows = next.starts_with(char::is_uppercase)
        || pronouns::is_subject(next)
        || function_words::is_article(next)
        || super::spans::may_be_noun(next);
    if which && subject_follows {
        return None;
    }
    let floor = doc.sentence_tokens(r.start).map_or(0, |s| s.start);
    let a = clause_back(doc, floor, comma);
    let plain = (a..comma).all(|k| {
        let w = doc.tokens[k].text(doc.text);
        scene.state[k] == 0 && !is_cue(scene, k) && !super::spans::is_verb_like(w)
    });
    (a < comma && comma - a <= MAX_RELATIVE_SUBJECT && plain).then_some(a)
}

/// The most words a speaker span takes in after a possessive or a
/// nationality that only begins its noun phrase ("the Russian space agency").
const MAX_HEAD_WORDS: usize = 3;

/// The end of the noun phrase that the speaker span `r` only begins: a
/// possessive before its noun ("her mother, Fiona, said", where "her"
/// alone would name the daughter) or a nationality before what it
/// qualifies ("the Russian space agency said", not "the Russian"; "Dutch
/// police said"). The phrase goes on over lower-case words that are no
/// verb, cue word, preposition or clause opener, and must end where a
/// subject ends: at a comma, a verb or the cue (after a possessive, only at
/// a comma or the cue: "his campaign sued" is no speaker phrase).
fn noun_phrase_end(scene: &Scene, opts: &Options, r: &Range<usize>) -> Option<usize> {
    let doc = scene.doc;
    let u = opts.target.cue.as_ref()?;
    if r.is_empty() {
        return None;
    }
    let at = |i: usize| doc.tokens.get(i).map_or("", |t| t.text(doc.text));
    let possessive = r.len() == 1 && pronouns::is_possessive(at(r.start));
    // A nationality as an adjective: not a plural ("Mexicans often say").
    let last = at(r.end - 1);
    let plural = last.ends_with('s') && !last.ends_with("ss");
    let nationality = !possessive && !plural && {
        let end = doc.tokens[r.end - 1].end;
        let k = scene.mentions.partition_point(|m| m.end < end);
        scene.mentions.get(k).is_some_and(|m| {
            m.label == Label::Norp && m.kind == MentionKind::Name && m.end == end
        })
    };
    let beside_cue = r.end <= u.start || r.start >= u.end;
    if !(possessive || nationality) || !beside_cue {
        return None;
    }
    let noun = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && scene.state[i] == 0
            && scene.words[i].bits == 0
            && super::spans::may_be_noun(at(i))
    };
    let limit = (r.end + MAX_HEAD_WORDS).min(doc.tokens.len());
    let end = (r.end..limit).find(|&i| !noun(i)).unwrap_or(limit);
    let stop = at(end);
    let closes = end == u.start
        || stop == ","
        || (!possessive && end < doc.tokens.len() && (scene.words[end].bits != 0 || super::spans::is_verb_like(stop)));
    (end > r.end && closes).then_some(end)
}

/// The end of the person's name set beside the role span `r` by commas
/// right before the cue ("The envoy, Lina Sato, said"): the role alone
/// names no one, the name does.
fn name_in_apposition(scene: &Scene, opts: &Options, r: &Range<usize>) -> Option<usize> {
    let doc = scene.doc;
    let u = opts.target.cue.as_ref()?;
    let at = |i: usize| doc.tokens.get(i).map_or("", |t| t.text(doc.text));
    let has_name = opts
        .candidates
        .iter()
        .any(|o| o.flags & NAME != 0 && o.toks.start >= r.start && o.toks.end <= r.end);
    if has_name || at(r.end) != "," || r.end >= u.start {
        return None;
    }
    let name = opts.candidates.iter().find(|o| {
        o.label == 1 && o.flags & NAME != 0 && o.toks.start == r.end + 1 && at(o.toks.end) == ","
    })?;
    adjacent(scene, &(name.toks.end..name.toks.end + 1), u).then_some(name.toks.end)
}

/// The end of the appositive after the speaker span `r` ("X, a spokesman
/// for the campaign, said"; "said X, a spokesman for the campaign."): a
/// phrase opened by an article or "who" after a comma, closed by a comma
/// right before the cue, or by the sentence's end after the cue.
fn appositive(scene: &Scene, t: &Target, r: &Range<usize>) -> Option<usize> {
    let doc = scene.doc;
    let (text, toks) = (doc.text, &doc.tokens);
    let u = t.cue.as_ref()?;
    let at = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    if at(r.end) != "," {
        return None;
    }
    let opener = at(r.end + 1);
    if !(function_words::is_article(opener) || opener.eq_ignore_ascii_case("who")) {
        return None;
    }
    let sent_end = doc.sentence_tokens(r.start)?.end;
    let limit = (r.end + 1 + MAX_APPOSITIVE).min(sent_end);
    let mut k = r.end + 1;
    while k < limit && scene.state[k] == 0 && !matches!(at(k), "," | "." | ";" | ":" | "!" | "?") {
        k += 1;
    }
    let before_cue = r.end <= u.start;
    let closes = if before_cue {
        at(k) == "," && adjacent(scene, &(k..k + 1), u)
    } else {
        k == sent_end || matches!(at(k), "." | "!" | "?") || scene.state[k] != 0
    };
    let outside = t.kind != 2 || k <= t.content.start || r.start >= t.content.end;
    (closes && outside && k > r.end + 1).then_some(k)
}

/// Tokens between two ranges (0 when they overlap).
pub(super) fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The quote's content and cue tokens and the facts of its cue.
pub(super) fn target(scene: &Scene, q: &Quote) -> Target {
    let doc = scene.doc;
    let content = doc.token_range(q.start, q.end);
    let cue = q
        .cue
        .as_ref()
        .map(|c| doc.token_range(c.start, c.end))
        .filter(|r| !r.is_empty());
    let mut t = Target {
        para: para_of(scene, content.start),
        content,
        cue: cue.clone(),
        kind: match q.kind {
            QuoteKind::Direct => 0,
            QuoteKind::Partial => 1,
            QuoteKind::Indirect => 2,
        },
        cue_lemma: 0,
        cue_class: 0,
        passive: false,
        ing: false,
    };
    if let Some(u) = cue {
        cue_facts(doc, u, &mut t);
    }
    t
}

/// The facts of cue tokens `u`: its head (the first cue word of the
/// lexicon in it, else its last word), the head's lemma and classes, and
/// its voice: passive after a form of "be" ("is expected", "was accused"),
/// or an "-ing" form ("saying", "is demanding").
fn cue_facts(doc: &Doc, u: Range<usize>, t: &mut Target) {
    let text = doc.text;
    let toks = &doc.tokens;
    let Some((head, lemma, classes)) = cue_head(doc, u.clone()) else { return };
    let w = toks[head].text(text);
    t.cue_lemma = lemma;
    t.cue_class = classes as u32;
    t.ing = w.len() > 4 && w.as_bytes()[w.len() - 3..].eq_ignore_ascii_case(b"ing");
    // A form of "be" before the head, in the cue or just before it
    // (adverbs between: "was widely expected").
    let mut k = head;
    let mut be = false;
    while k > 0 && head - k < 4 {
        k -= 1;
        let x = toks[k].text(text);
        if function_words::is_be(x) {
            be = true;
            break;
        }
        if !(is_adverb(x) || k >= u.start) {
            break;
        }
    }
    t.passive = be && !t.ing;
}

/// The head of cue tokens `u` (the first word with cue classes, else the
/// last word), with the hash of its lemma and its classes; `None` when `u`
/// holds no word. Each word's lemma is made once, into one buffer, and
/// serves both the hash and the class lookup.
fn cue_head(doc: &Doc, u: Range<usize>) -> Option<(usize, u32, u8)> {
    let (text, toks) = (doc.text, &doc.tokens);
    // Room for most words and the "e" `classes_of_stem` may add: one
    // allocation per cue, not one per word and another per "e".
    let mut buf = String::with_capacity(32);
    let mut head = None;
    for i in u.filter(|&i| toks[i].kind == TokenKind::Word) {
        cues::lemma(toks[i].text(text), &mut buf);
        let lemma = lower_hash(&buf);
        let classes = cues::classes_of_stem(&mut buf);
        head = Some((i, lemma, classes));
        if classes != 0 {
            break;
        }
    }
    head
}

fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ly")
}

/// The FNV hash of a word in lower case.
pub(super) fn lower_hash(w: &str) -> u32 {
    let mut h = Fnv::NEW;
    for b in w.bytes() {
        h.byte(b.to_ascii_lowercase());
    }
    h.key()
}

/// The tokens where candidates are looked for: the sentences of the quote
/// and its cue and one either side, within the reach limits.
fn region(scene: &Scene, t: &Target) -> Range<usize> {
    let doc = scene.doc;
    let (mut lo, mut hi) = (t.content.start, t.content.end);
    if let Some(u) = &t.cue {
        lo = lo.min(u.start);
        hi = hi.max(u.end);
    }
    let sents = &doc.sentences;
    if sents.is_empty() || hi == 0 {
        return lo..hi;
    }
    let s0 = doc.sentence_of(lo).saturating_sub(1).min(sents.len() - 1);
    let s1 = (doc.sentence_of(hi - 1) + 1).min(sents.len() - 1);
    let start = sents[s0]
        .sentence
        .tokens
        .start
        .max(lo.saturating_sub(REACH_BEFORE));
    let end = sents[s1].sentence.tokens.end.min(hi + REACH_AFTER);
    start.min(lo)..end.max(hi)
}

/// The parts of `reg` where candidates are looked for: within reach of
/// the content's edges and of the cue. The inside of a long content is
/// skipped, so that the work per quote stays bounded (a paragraph-long
/// content of pronouns would otherwise make every one a candidate).
fn windows(reg: &Range<usize>, t: &Target) -> Vec<Range<usize>> {
    let c = &t.content;
    let cue = t
        .cue
        .as_ref()
        .map(|u| u.start.saturating_sub(REACH_BEFORE)..u.end + REACH_AFTER);
    // A fixed array, not a vector: one allocation per quote fewer.
    let mut w = [
        Some(reg.start..c.start + REACH_AFTER),
        Some(c.end.saturating_sub(REACH_BEFORE)..reg.end),
        cue,
    ]
    .map(|r| {
        r.map(|r| r.start.max(reg.start)..r.end.min(reg.end))
            .filter(|r| !r.is_empty())
    });
    w.sort_by_key(|r| r.as_ref().map(|r| r.start));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(w.len());
    for r in w.into_iter().flatten() {
        match merged.last_mut() {
            Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Offers the candidates of the tokens `w` to `add`: the tagger's source
/// runs, the mentions (names, role nouns, resolved pronouns) and the
/// pronouns the mention stage did not resolve ("they", "we", "who").
fn scan(
    scene: &Scene,
    counts: &Counts,
    w: Range<usize>,
    add: &mut impl FnMut(Range<usize>, u16, u8),
) {
    let doc = scene.doc;
    let toks = &doc.tokens;
    let mut i = w.start;
    while i < w.end {
        if scene.tags[i] == B_SRC || scene.tags[i] == I_SRC {
            let s = i;
            i += 1;
            while i < w.end && scene.tags[i] == I_SRC {
                i += 1;
            }
            add(s..i, TAGGED, 0);
        } else {
            i += 1;
        }
    }
    if w.is_empty() {
        return;
    }
    let (a, b) = (toks[w.start].start, toks[w.end - 1].end);
    for j in overlapping_range(scene.mentions, a, b) {
        let m = &scene.mentions[j];
        let Some(code) = label_code(m.label) else { continue };
        let kind = match m.kind {
            MentionKind::Name => NAME,
            MentionKind::Pronoun => PRONOUN,
            MentionKind::Nominal => NOMINAL,
        };
        add(counts.mention_toks[j].clone(), kind, code);
    }
    for i in w {
        if scene.words[i].bits & WORD_SUBJECT != 0 {
            add(i..i + 1, PRONOUN, 0);
        }
    }
}

/// The candidates of one quote, one per distinct token span, into `out`
/// (emptied first).
fn candidates(scene: &Scene, counts: &Counts, q: &Quote, t: &Target, out: &mut Vec<Candidate>) {
    let doc = scene.doc;
    let toks = &doc.tokens;
    let reg = region(scene, t);
    out.clear();
    // A speaker is never quoted; a nickname in a name is no quotation.
    let allowed = |r: &Range<usize>| {
        !r.is_empty()
            && r.end <= toks.len()
            && (r.start..r.end).all(|i| scene.state[i] == 0 || in_nicknamed(scene, r, i))
    };
    let mut add = |r: Range<usize>, flags: u16, label: u8| {
        if !allowed(&r) {
            return;
        }
        if let Some(c) = out.iter_mut().find(|c| c.toks == r) {
            c.flags |= flags;
            c.label = c.label.max(label);
        } else {
            out.push(Candidate {
                toks: r,
                flags,
                label,
            });
        }
    };
    for w in windows(&reg, t) {
        scan(scene, counts, w, &mut add);
    }
    if let Some(u) = &t.cue {
        if let Some(r) = subject_before(doc, u.start, scene.mentions) {
            add(r, SUBJECT, 0);
        }
        if let Some(r) = according_source(doc, u) {
            add(r, ACCORDING, 0);
        }
        if let Some(r) = phrase_after(doc, scene.state, u.end) {
            // Not into the content that follows the cue.
            let end = if u.end <= t.content.start { r.end.min(t.content.start) } else { r.end };
            add(r.start..end, AFTER_CUE, 0);
        }
    }
    if let Some(sp) = &q.speaker {
        add(doc.token_range(sp.start, sp.end), RULES, 0);
    }
}

/// Whether token `i` is inside a person's name that lies within `r` and
/// starts and ends outside quotation marks: the nickname in 'Robert C.
/// "Bobby" Scott'.
fn in_nicknamed(scene: &Scene, r: &Range<usize>, i: usize) -> bool {
    let toks = &scene.doc.tokens;
    let name = overlapping_range(scene.mentions, toks[i].start, toks[i].end)
        .map(|j| &scene.mentions[j])
        .find(|m| m.label == Label::Person && m.kind == MentionKind::Name);
    name.is_some_and(|m| {
        let span = scene.doc.token_range(m.start, m.end);
        span.start >= r.start
            && span.end <= r.end
            && span.start < i
            && i + 1 < span.end
            && scene.state[span.start] == 0
            && scene.state[span.end - 1] == 0
    })
}

/// The words after a cue up to a comma, a sentence end or a quotation
/// ("said a spokesman for the campaign"), at most [`MAX_AFTER_CUE`] tokens.
fn phrase_after(doc: &Doc, state: &[u8], from: usize) -> Option<Range<usize>> {
    let toks = &doc.tokens;
    let end = doc.sentence_tokens(from.saturating_sub(1))?.end;
    let mut k = from;
    while k < end && k < from + MAX_AFTER_CUE && state.get(k) == Some(&0) {
        let t = toks[k];
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number | TokenKind::Clitic) {
            break;
        }
        k += 1;
    }
    (k > from).then_some(from..k)
}

/// A code for the mention labels a speaker can have; `None` for dates and amounts.
fn label_code(l: Label) -> Option<u8> {
    Some(match l {
        Label::Person => 1,
        Label::Org => 2,
        Label::Gpe => 3,
        Label::Norp => 4,
        _ if l.is_value() => return None,
        _ => 5,
    })
}

/// Which side of `anchor` span `c` lies: 0 before, 1 after, 2 overlapping.
pub(super) fn side(c: &Range<usize>, anchor: &Range<usize>) -> u32 {
    if c.end <= anchor.start {
        0
    } else if c.start >= anchor.end {
        1
    } else {
        2
    }
}

/// The byte spans of what the ranker weighed for quote `q` (for training).
pub(super) fn example(doc: &Doc, q: &Quote, opts: &Options) -> crate::quotes::SpeakerExample {
    let bytes = |r: &Range<usize>| (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
    crate::quotes::SpeakerExample {
        content: (q.start, q.end),
        candidates: opts.candidates.iter().map(|c| bytes(&c.toks)).collect(),
        features: (0..opts.len()).map(|i| opts.features(i).to_vec()).collect(),
    }
}

/// Whether the candidate `r` stands right next to the cue `u`: before it
/// with only auxiliaries and adverbs between ("X has also said"), or right
/// after it ("said X").
fn adjacent(scene: &Scene, r: &Range<usize>, u: &Range<usize>) -> bool {
    if r.start >= u.end {
        return r.start == u.end;
    }
    r.end <= u.start
        && u.start - r.end <= 4
        && scene.words[r.end..u.start]
            .iter()
            .all(|w| w.bits & WORD_AUX != 0)
}

/// Whether token `i` is a cue word outside quotation marks.
fn is_cue(scene: &Scene, i: usize) -> bool {
    scene.state[i] == 0 && scene.words[i].bits & !(WORD_SUBJECT | WORD_AUX) != 0
}

/// The paragraph of token `i`.
fn para_of(scene: &Scene, i: usize) -> usize {
    scene.paras.partition_point(|p| p.end <= i)
}

/// How many cue words (outside quotation marks) the tokens `r` hold.
pub(super) fn cue_words(scene: &Scene, r: Range<usize>) -> usize {
    r.filter(|&i| is_cue(scene, i)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(content: Range<usize>, cue: Option<Range<usize>>) -> Target {
        Target {
            content,
            cue,
            para: 0,
            kind: 2,
            cue_lemma: 0,
            cue_class: 0,
            passive: false,
            ing: false,
        }
    }

    #[test]
    fn the_inside_of_a_long_content_is_not_searched() {
        // A content of 10,000 tokens after its cue: only its edges and
        // the cue's surroundings are searched.
        let t = target(42..10_042, Some(40..41));
        let w = windows(&(0..10_060), &t);
        let searched: usize = w.iter().map(|r| r.len()).sum();
        assert!(searched <= 2 * (REACH_BEFORE + REACH_AFTER) + 20, "{w:?}");
        assert_eq!(w.first().map(|r| r.start), Some(0));
        assert_eq!(w.last().map(|r| r.end), Some(10_060));
        // Counter-case: a short content is searched whole, in one window.
        let t = target(5..15, Some(16..17));
        assert_eq!(windows(&(0..30), &t), vec![0..30]);
    }
}
