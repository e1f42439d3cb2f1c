//! Who speaks: the source span of an attribution (the subject before a cue,
//! the phrase after "according to", a name or pronoun next to a quotation
//! found by rule), resolved to an entity.

use crate::analysis::{Entity, Label, Mention, MentionKind, Span, Speaker};
use crate::lexicon::cues::{self, CueList};
use crate::lexicon::{function_words, gender, holds, pronouns};
use crate::mentions::within;
use crate::tokens::{Token, TokenKind};
use crate::doc::Doc;
use std::ops::Range;

/// How many paragraphs back a pronoun may find the previous speaker.
const PRONOUN_REACH: usize = 3;
/// How many auxiliaries and adverbs may stand between a subject and its cue ("he has also said").
const MAX_BEFORE_VERB: usize = 4;
/// The longest subject (in tokens) that does not end in a name.
const MAX_SUBJECT: usize = 8;
/// The longest source phrase after "according to", in tokens.
const MAX_ACCORDING_SOURCE: usize = 15;
/// How many tokens from a rule-found cue its subject may be ("Watson said",
/// "said Matthew Miller").
const RULE_SUBJECT_REACH: usize = 4;
/// Role nouns that, left unresolved by the entity stage, mean the previous speaker.
const SPEAKER_ROLES: &[&str] = &["spokesman", "spokeswoman", "spokesperson", "the official"];
/// Words an organisation is called by after its name ("the company said").
const BODY_WORDS: &[&str] = &[
    "agency", "bank", "company", "firm", "group", "organisation", "organization",
];

/// Words for what speaks for the person named by a possessive before it
/// ("her campaign said", "according to his book" or "his Facebook
/// profile"), beside spokespeople
/// ("his spokesman") and the cue lexicon's nouns ("her statement", "his
/// remarks").
const SPEAKS_FOR: &[&str] = &["account", "blog", "book", "campaign", "memoir", "office", "profile", "website"];

/// How many sentences before its own "the company" looks back
/// for the organisation it means.
const BODY_REACH: usize = 2;

/// The last speaker: the paragraph they spoke in and their entity.
#[derive(Clone, Copy, Debug)]
pub(super) struct Recent {
    pub para: usize,
    pub entity: Option<usize>,
}

/// Resolves source spans of one article to speakers.
pub(super) struct Speakers<'a> {
    pub doc: &'a Doc<'a>,
    pub mentions: &'a [Mention],
    pub entities: &'a [Entity],
}

impl Speakers<'_> {
    /// The speaker of the source tokens `r` in paragraph `para`.
    pub fn of_tokens(&self, mut r: Range<usize>, para: usize, last: Option<Recent>) -> Speaker {
        let toks = &self.doc.tokens;
        // A span that starts with the possessive of the word before it
        // ("’s Foreign Ministry") or with "with" ("with Chancellor X
        // saying") starts after it.
        let text = self.doc.text;
        while r.len() > 1
            && (toks[r.start].kind == TokenKind::Clitic
                || toks[r.start].text(text).eq_ignore_ascii_case("with"))
        {
            r.start += 1;
        }
        self.resolve(toks[r.start].start, toks[r.end - 1].end, para, last)
    }

    /// The speaker of the source span `s..e` (bytes): the entity of its main
    /// mention, or for a pronoun or role noun, the previous speaker when recent.
    #[inline(never)]
    pub fn resolve(&self, s: usize, e: usize, para: usize, last: Option<Recent>) -> Speaker {
        let text = self.doc.text;
        let (s, e) = trim_punctuation(text, s, e);
        let src = &text[s..e];
        // Only pronouns and role nouns ask for it: the name's gender is looked up there.
        let recent = || self.recent_person(src, para, last);
        let is_pronoun = pronouns::is_personal(src);
        let entity = if src.eq_ignore_ascii_case("who") {
            self.antecedent(s)
        } else if src.eq_ignore_ascii_case("it") {
            // "It said" after "The Health Ministry said".
            self.last_body(para, last)
        } else if is_pronoun && !src.eq_ignore_ascii_case("they") && !src.eq_ignore_ascii_case("we")
        {
                recent().or_else(|| within(self.mentions, s, e).iter().find_map(|m| m.entity))
            } else {
                self.named_entity(s, e).or_else(|| {
                    // A role noun the entity stage left unresolved: the previous speaker.
                    // Both lists are lower case: compared in any case, in place.
                    let b = src.as_bytes();
                    let ends_with = |r: &str| {
                        b.len() >= r.len() && b[b.len() - r.len()..].eq_ignore_ascii_case(r.as_bytes())
                    };
                    let role = SPEAKER_ROLES.iter().any(|r| ends_with(r));
                    // "the company said" after "Acme Corp. said".
                    let body = b.len() >= 4
                        && b[..4].eq_ignore_ascii_case(b"the ")
                        && BODY_WORDS.iter().any(|w| b[4..].eq_ignore_ascii_case(w.as_bytes()));
                    if role {
                        recent()
                    } else if body {
                        self.body_before(s)
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
            refers_to: None,
        }
    }

    /// Links "they" to the speakers it stands for: the previous speaker,
    /// in this paragraph or the one before, when plural ("Officials said
    /// ... They said"): its entity when a group ("Republicans"), else its
    /// phrase. A "they" that stood for someone passes them on.
    pub fn plural_antecedent(&self, sp: &mut Speaker, para: usize, previous: Option<&(usize, Speaker)>) {
        let Some((p, prev)) = previous else { return };
        if !sp.text.eq_ignore_ascii_case("they") || sp.entity.is_some() || para > p + 1 {
            return;
        }
        if prev.text.eq_ignore_ascii_case("they") {
            sp.entity = prev.entity;
            sp.refers_to = prev.refers_to.clone();
            return;
        }
        if !is_plural_phrase(&prev.text) {
            return;
        }
        // A group is an entity ("Republicans"); a phrase is not, and the
        // name inside it is someone else ("Senate Democrats" are not the
        // Senate).
        let head_is_name = prev.text.rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_uppercase));
        match prev.entity {
            Some(e) if head_is_name && self.entities.get(e).is_some_and(|e| e.label == Label::Norp) => {
                sp.entity = Some(e)
            }
            _ => sp.refers_to = Some(Span::of(self.doc.text, prev.start, prev.end)),
        }
    }

    /// The entity of the name a relative "who" at byte `s` refers to: the
    /// mention that ends right before its comma ("Jane Cole, who said").
    fn antecedent(&self, s: usize) -> Option<usize> {
        let before = self.doc.text[..s].trim_end();
        let comma = before.strip_suffix(',')?.trim_end().len();
        let k = self.mentions.partition_point(|m| m.end < comma);
        let m = self.mentions.get(k).filter(|m| m.end == comma)?;
        m.entity
            .filter(|&x| self.entities.get(x).is_some_and(|e| e.label == Label::Person))
    }

    /// The previous speaker, if an organisation that spoke in this
    /// paragraph or the one before ("The Health Ministry said ... It said").
    fn last_body(&self, para: usize, last: Option<Recent>) -> Option<usize> {
        let last = last?;
        let ent = last.entity?;
        let org = self.entities.get(ent)?.label == Label::Org;
        (org && para <= last.para + 1).then_some(ent)
    }

    /// The organisation named last before byte `s`, in its sentence or the
    /// [`BODY_REACH`] before it ("Acme Corp. reported a loss. The company
    /// said").
    fn body_before(&self, s: usize) -> Option<usize> {
        let sents = &self.doc.sentences;
        let tok = self.doc.tokens.partition_point(|t| t.end <= s);
        let first = self.doc.sentence_of(tok).saturating_sub(BODY_REACH);
        let from = sents
            .get(first)
            .map_or(0, |x| self.doc.tokens[x.sentence.tokens.start].start);
        let body = |m: &&Mention| m.label == Label::Org && m.kind == MentionKind::Name;
        within(self.mentions, from, s).iter().rev().find(body)?.entity
    }

    /// The previous speaker, if a recent person whose gender does not rule
    /// out `src` ("she said" does not go back to a man, nor "he said" to a woman).
    fn recent_person(&self, src: &str, para: usize, last: Option<Recent>) -> Option<usize> {
        let last = last?;
        let ent = last.entity?;
        let person = self.entities.get(ent)?.label == Label::Person;
        if !(para <= last.para + PRONOUN_REACH && person) {
            return None;
        }
        let g = gender::of_pronoun(src);
        let named = self
            .entities
            .get(ent)
            .and_then(|e| gender::of_name(&e.name));
        (!matches!((g, named), (Some(a), Some(b)) if a != b)).then_some(ent)
    }

    /// Whether the phrase `s..e` speaks for the person its possessive
    /// names: a spokesman, campaign or office, or their own words ("his
    /// remarks", by the cue lexicon's nouns).
    fn speaks_for(&self, s: usize, e: usize) -> bool {
        let noun = 1u8 << CueList::Noun as u8;
        self.doc.text[s..e]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| {
                let lower = w.to_ascii_lowercase();
                SPEAKS_FOR.contains(&lower.as_str()) || lower.starts_with("spokes") || cues::classes_of(w) & noun != 0
            })
    }

    /// The entity a source span names: a person's name first, then any
    /// person, then an organisation, country or group, then a mention whose
    /// entity is one ("The US administration").
    fn named_entity(&self, s: usize, e: usize) -> Option<usize> {
        let ms = within(self.mentions, s, e);
        let pick = |f: &dyn Fn(&Mention) -> bool| ms.iter().filter(|m| f(m)).find_map(|m| m.entity);
        let actor = |l: Label| matches!(l, Label::Org | Label::Gpe | Label::Norp);
        // "her" in "her mother" or "his critics" did not speak ("her
        // mother, Ingrid" did); through "his spokesman", "her campaign" or
        // "his office" they did, and "according to her" is them.
        let possessive =
            |m: &Mention| m.kind == MentionKind::Pronoun && pronouns::is_possessive(&m.text) && m.end < e;
        // Read only where a possessive is: most speaker phrases have none.
        let through = ms.iter().any(possessive) && self.speaks_for(s, e);
        let possessor = |m: &Mention| possessive(m) && !through;
        // "Obama administration officials", "Clinton spokesman Brian
        // Fallon": a name right before a lower-case word qualifies it.
        let modifier = |m: &Mention| {
            let rest = &self.doc.text[m.end.min(e)..e];
            let next = rest.strip_prefix(' ').and_then(|r| r.split(' ').next()).unwrap_or("");
            is_common_noun(next)
        };
        let person = pick(&|m| m.label == Label::Person && m.kind == MentionKind::Name && !modifier(m))
            .or_else(|| pick(&|m| m.label == Label::Person && !possessor(m)));
        if person.is_none() && ms.iter().any(possessor) {
            // What the phrase names inside is no speaker either ("his
            // critics in the United States").
            return None;
        }
        person
            .or_else(|| pick(&|m| actor(m.label)))
            .or_else(|| {
                ms.iter()
                    .filter_map(|m| m.entity)
                    .find(|&x| self.entities.get(x).is_some_and(|x| actor(x.label)))
            })
    }
}

/// Whether `w` may be a common noun a name qualifies ("administration",
/// "spokesman"): a noun of four letters or more (name particles, "da",
/// "van", are shorter).
fn is_common_noun(w: &str) -> bool {
    w.len() >= 4 && super::spans::may_be_noun(w)
}

/// Nouns that are plural without an "s" ("police said").
const PLURAL_NOUNS: &[&str] = &["people", "police", "staff"];

/// Whether a speaker phrase names several people: its last word is a
/// plural noun ("Obama administration officials", "two analysts") and it
/// is no pronoun.
fn is_plural_phrase(text: &str) -> bool {
    let last = text.rsplit(|c: char| c.is_whitespace() || c == ',').find(|w| !w.is_empty()).unwrap_or("");
    let lower = last.to_ascii_lowercase();
    let possessive = lower.ends_with("'s") || lower.ends_with("’s");
    let plural = lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !possessive;
    (plural || PLURAL_NOUNS.contains(&lower.as_str())) && !pronouns::is_personal(text)
}

/// `s..e` without punctuation at its edges (a speaker span is no quotation
/// mark or comma); unchanged if nothing would be left.
fn trim_punctuation(text: &str, s: usize, e: usize) -> (usize, usize) {
    let edge = |c: char| {
        c.is_ascii_punctuation() && !matches!(c, '.' | '\'' | ')')
            || matches!(c, '—' | '–' | '“' | '”' | '‘' | '’' | '«' | '»')
    };
    let trimmed = text[s..e].trim_end_matches(edge);
    let end = s + trimmed.len();
    let lead = trimmed.len() - trimmed.trim_start_matches(edge).len();
    if s + lead < end {
        (s + lead, end)
    } else {
        (s, s + text[s..].len().min(end - s))
    }
}

/// The subject right before the cue token `cue`: a pronoun, a name (with the
/// title words before it) or a short noun phrase back to the clause start.
#[inline(never)]
pub(super) fn subject_before(doc: &Doc, cue: usize, mentions: &[Mention]) -> Option<Range<usize>> {
    let text = doc.text;
    let toks = &doc.tokens;
    let start = doc.sentence_tokens(cue).map_or(0, |s| s.start);
    let mut k = cue;
    while k > start && cue - k < MAX_BEFORE_VERB && {
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
    let b = clause_back(doc, start, end);
    if b == end {
        return None;
    }
    // Too long to be a subject unless it ends in a name.
    let name_end = within(mentions, toks[b].start, last.end)
        .last()
        .is_some_and(|m| m.end == last.end);
    if end - b >= MAX_SUBJECT && !name_end {
        return None;
    }
    Some(b..end)
}

/// Where the clause that ends at token `end` starts, walking back at most
/// [`MAX_SUBJECT`] tokens and not before `start`: at a clause opener or
/// punctuation other than a name's ("-", "'", ".", "&").
pub(super) fn clause_back(doc: &Doc, start: usize, end: usize) -> usize {
    let mut b = end;
    while b > start && end - b < MAX_SUBJECT {
        let t = doc.tokens[b - 1];
        let w = t.text(doc.text);
        let boundary = match t.kind {
            TokenKind::Word | TokenKind::Number | TokenKind::Clitic => function_words::opens_clause(w),
            _ => !matches!(w, "-" | "’" | "'" | "." | "&"),
        };
        if boundary {
            break;
        }
        b -= 1;
    }
    b
}

/// Words that count some of a group before "of whom" ("many of whom").
const QUANTIFIERS: &[&str] = &["all", "both", "few", "many", "most", "none", "one", "several", "some"];

/// The length in tokens of the relative opener that tokens `b..end` start
/// with: 1 for "who", "whose" or "which", 3 for "many of whom" and the
/// like; `None` for none.
pub(super) fn relative_opener(doc: &Doc, b: usize, end: usize) -> Option<usize> {
    let w = |k: usize| if k < end { doc.tokens[k].text(doc.text) } else { "" };
    if ["who", "whose", "which"].iter().any(|r| w(b).eq_ignore_ascii_case(r)) {
        return Some(1);
    }
    let of_whom = holds(QUANTIFIERS, w(b)) && w(b + 1) == "of" && matches!(w(b + 2), "whom" | "which");
    of_whom.then_some(3)
}

/// For an "according to" cue: the source phrase after it, up to the next
/// comma or the end of the sentence (at most [`MAX_ACCORDING_SOURCE`] tokens).
pub(super) fn according_source(doc: &Doc, cue: &Range<usize>) -> Option<Range<usize>> {
    let text = doc.text;
    let toks = &doc.tokens;
    // Exactly two words, "according to" (read without collecting them).
    let mut words = toks[cue.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text));
    let (first, second, third) = (words.next(), words.next(), words.next());
    if !(first.is_some_and(|w| w.eq_ignore_ascii_case("according"))
        && second.is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && third.is_none())
    {
        return None;
    }
    let sent_end = doc.sentence_tokens(cue.start).map_or(toks.len(), |s| s.end);
    let start = cue.end;
    let mut k = start;
    while k < sent_end
        && k < start + MAX_ACCORDING_SOURCE
        && !matches!(toks[k].text(text), "," | "." | "!" | "?" | ";" | ":")
    {
        k += 1;
    }
    (k > start && (k == sent_end || k < start + MAX_ACCORDING_SOURCE)).then_some(start..k)
}

pub(super) enum SpeakerRef {
    Span(Speaker),
    /// A pronoun at this byte range, to resolve to the last speaker.
    Pronoun(usize, usize),
}

impl SpeakerRef {
    /// The byte range the speaker was found at.
    pub fn bytes(&self) -> (usize, usize) {
        match self {
            SpeakerRef::Span(sp) => (sp.start, sp.end),
            SpeakerRef::Pronoun(a, b) => (*a, *b),
        }
    }
}

/// A cue in the tokens `range` and the speaker next to it.
pub(super) fn find_speaker(
    doc: &Doc,
    range: Range<usize>,
    mentions: &[Mention],
    after_quote: bool,
) -> Option<(SpeakerRef, Span)> {
    let text = doc.text;
    let toks = &doc.tokens[range.clone()];
    let (ci, clen) = find_cue(text, toks)?;
    let cue_start = toks[ci].start;
    let cue_end = toks[ci + clen - 1].end;
    let cue = Span::of(text, cue_start, cue_end);
    // "..., he said" / "Watson said:" : the subject right before the cue.
    if ci > 0 {
        let prev = toks[ci - 1];
        if pronouns::is_third_person_subject(prev.text(text)) {
            return Some((SpeakerRef::Pronoun(prev.start, prev.end), cue));
        }
        let window_start = toks[ci.saturating_sub(RULE_SUBJECT_REACH)].start;
        if let Some(m) = within(mentions, window_start, cue_start)
            .iter()
            .rev()
            .find(|m| is_speaker_label(m.label))
        {
            return Some((SpeakerRef::Span(speaker_of(m)), cue));
        }
    }
    // "..., said Watson."
    if after_quote {
        let next_end = toks
            .get(ci + clen + RULE_SUBJECT_REACH - 1)
            .map_or(toks.last()?.end, |t| t.end);
        if let Some(m) = within(mentions, cue_end, next_end)
            .iter()
            .find(|m| is_speaker_label(m.label))
        {
            return Some((SpeakerRef::Span(speaker_of(m)), cue));
        }
    }
    None
}

fn is_speaker_label(l: Label) -> bool {
    matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Norp)
}

fn speaker_of(m: &Mention) -> Speaker {
    Speaker {
        start: m.start,
        end: m.end,
        text: m.text.clone(),
        entity: m.entity,
        refers_to: None,
    }
}

/// The first cue in `toks`: (token index, number of tokens). A speech
/// cue word of the lexicon, "according to" or "called on".
fn find_cue(text: &str, toks: &[Token]) -> Option<(usize, usize)> {
    let is = |i: usize, w: &str| {
        toks.get(i)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case(w))
    };
    (0..toks.len()).find_map(|i| {
        if is(i, "according") && is(i + 1, "to") || is(i, "called") && is(i + 1, "on") {
            return Some((i, 2));
        }
        let speech = cues::classes_of(toks[i].text(text)) & 1 << CueList::Speech as u8 != 0;
        (toks[i].kind == TokenKind::Word && speech).then_some((i, 1))
    })
}
