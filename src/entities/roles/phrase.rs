//! The parts of a role phrase, read over one sentence's tokens: where a
//! role starts left of its head ("chief operating [officer]", "math
//! [teacher]"), what completes it right of the head ("of State", "in
//! chief", "for exploration"), and the affiliation before it ("Acme's",
//! "Russian", "State Department") or after it ("of Acme", "at Princeton
//! University").

use crate::analysis::{Label, Mention};
use crate::doc::Doc;
use crate::lexicon::cues::{self, CueList};
use crate::lexicon::{function_words, holds, names, roles};
use crate::mentions::overlapping;
use std::ops::Range;

/// The most words a role runs to left of its head, modifiers included.
const MAX_ROLE_WORDS: usize = 6;
/// The most plain nouns ("math", "campaign") a role takes before its head.
const MAX_PLAIN: usize = 2;
/// The most words an affiliation runs to.
pub(super) const MAX_AFFILIATION: usize = 8;
/// The most lowercase words that complete a title after its head
/// ("professor of [geosciences and international affairs]").
const MAX_COMPLEMENT: usize = 5;

/// Words that never belong to a role phrase: determiners, pronouns,
/// prepositions, conjunctions, auxiliaries. Lowercase and sorted.
const CLOSED_CLASS: &[&str] = &[
    "a", "about", "above", "across", "after", "again", "against", "ago", "all", "almost",
    "alongside", "already", "also", "although", "always", "amid", "among", "an", "and", "another",
    "any", "are", "around", "as", "at", "be", "because", "been", "before", "behind", "below",
    "beneath", "beside", "besides", "between", "beyond", "both", "but", "by", "can", "could",
    "despite", "did", "do", "does", "during", "each", "eight", "either", "even", "ever", "every",
    "few", "five", "for", "four", "from", "had", "has", "have", "he", "hence", "her", "here", "his",
    "how", "however", "if", "in", "inside", "into", "is", "it", "its", "just", "like", "many",
    "may", "might", "more", "most", "much", "must", "my", "near", "neither", "never", "nine", "no",
    "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "onto", "or", "other",
    "our", "out", "outside", "over", "per", "seven", "several", "she", "should", "since", "six",
    "so", "some", "soon", "still", "such", "ten", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "though", "three", "through", "throughout", "thus",
    "to", "too", "toward", "towards", "two", "under", "underneath", "unless", "unlike", "until",
    "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether",
    "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
    "yet", "you", "your",
];
/// Words after which a run of plain nouns starts a role ("the math
/// teacher", "his campaign chairman", "to math teacher"). Lowercase and sorted.
const PHRASE_OPENERS: &[&str] = &[
    "a", "about", "against", "among", "an", "and", "as", "at", "between", "by", "for", "from",
    "her", "his", "in", "including", "its", "like", "my", "of", "on", "or", "our", "than", "that",
    "the", "their", "these", "this", "those", "to", "via", "with", "your",
];
/// Prepositions whose object, a name, is the affiliation of the role before
/// them: "director of Acme", "fellow at the Hoover Institution".
const AFFILIATION_PREPOSITIONS: &[&str] = &["at", "for", "of", "with"];

/// Nouns naming a body after its owner's name: "the Clinton [campaign]",
/// "the VOA Eurasian [division]". Lowercase and sorted.
const BODIES: &[&str] = &[
    "administration", "bureau", "cabinet", "campaign", "caucus", "committee", "delegation",
    "department", "desk", "division", "office", "panel", "police", "program", "team", "unit",
];

/// Whether `w` is a body's common noun ("police", "department").
pub(super) fn is_body(w: &str) -> bool {
    holds(BODIES, w)
}

/// Titles a capitalised word before names the portfolio of
/// ("Privatisation Minister"), not the employer. Lowercase and sorted.
const PORTFOLIO_HEADS: &[&str] = &["commissioner", "minister", "secretary"];
/// Heads whose "to" names whom the holder serves, the affiliation ("an
/// adviser to Acme", "aide to Gov. Jane Roe"). Lowercase and sorted.
const SERVING_HEADS: &[&str] = &[
    "adviser", "advisor", "aide", "assistant", "confidant", "confidante", "consultant", "counsel",
    "counselor", "spokesman", "spokesperson", "spokeswoman",
];
/// The most title words before the name of whom an aide serves.
const MAX_SERVED_TITLE: usize = 2;

/// Heads whose "of" names a work, not an employer ("author of [a book]").
const WORK_HEADS: &[&str] = &["author", "co-author", "creator", "writer"];

/// `w` without a leading "then-" ("then-President", "Then-Gov."): the
/// title is the role, held when the events told of happened.
fn without_then(w: &str) -> &str {
    // "then-" is ASCII: a match ends on a character boundary.
    let b = w.as_bytes();
    if b.len() > 5 && b[..5].eq_ignore_ascii_case(b"then-") {
        &w[5..]
    } else {
        w
    }
}

/// One sentence's tokens, with the text and the mentions over them.
pub(super) struct Words<'a> {
    doc: &'a Doc<'a>,
    /// The mentions over the sentence: every question asked is about its
    /// tokens, so the searches for a name run over these few, not all.
    mentions: &'a [Mention],
    pub sent: Range<usize>,
}

impl<'a> Words<'a> {
    pub fn new(doc: &'a Doc<'a>, mentions: &'a [Mention], sent: Range<usize>) -> Words<'a> {
        let first = doc.tokens.get(sent.start).filter(|_| sent.start < sent.end);
        let last = sent.end.checked_sub(1).and_then(|k| doc.tokens.get(k));
        let mentions = match (first, last) {
            (Some(f), Some(l)) => overlapping(mentions, f.start, l.end),
            _ => &[],
        };
        Words {
            doc,
            mentions,
            sent,
        }
    }

    /// The document the words are of.
    pub fn doc(&self) -> &'a Doc<'a> {
        self.doc
    }

    /// Token `k`'s text; "" outside the sentence. A title held at the time
    /// the story tells of reads as the title: "then-Rep." as "Rep.".
    pub fn w(&self, k: usize) -> &'a str {
        if self.sent.contains(&k) {
            without_then(self.doc.tokens[k].text(self.doc.text))
        } else {
            ""
        }
    }

    /// The text from token `a` to token `b` (exclusive), as written, less a
    /// "then-" before its first word.
    pub fn span(&self, a: usize, b: usize) -> &'a str {
        if a >= b {
            return "";
        }
        without_then(&self.doc.text[self.doc.tokens[a].start..self.doc.tokens[b - 1].end])
    }

    /// Whether token `k` starts with a capital letter.
    pub fn capitalised(&self, k: usize) -> bool {
        self.w(k).chars().next().is_some_and(char::is_uppercase)
    }

    /// The named mention over token `k`, as a token range, with its label.
    pub fn name_at(&self, k: usize) -> Option<(Range<usize>, Label)> {
        let t = self.doc.tokens.get(k).filter(|_| self.sent.contains(&k))?;
        let m = overlapping(self.mentions, t.start, t.start + 1)
            .first()
            .filter(|m| m.label.is_named())?;
        Some((self.doc.token_range(m.start, m.end), m.label))
    }

    /// Whether token `k` is a possessive clitic ("'s"), or the apostrophe
    /// of a plural or a name ending in "s" ("Sanders' spokesman"): right
    /// after that word, with a space after it.
    pub fn possessive(&self, k: usize) -> bool {
        // Callers may ask about the token before 0 (`usize::MAX`): no sum here.
        if k <= self.sent.start || k >= self.sent.end.saturating_sub(1) {
            return matches!(self.w(k), "'s" | "’s") && k > self.sent.start;
        }
        let toks = &self.doc.tokens;
        let plural = matches!(self.w(k), "'" | "’")
            && self.w(k - 1).ends_with(['s', 'S'])
            && toks[k - 1].end == toks[k].start
            && toks[k + 1].start > toks[k].end;
        plural || matches!(self.w(k), "'s" | "’s")
    }

    /// Whether token `k` is a role head, and not part of a name ("Mary King").
    pub fn head(&self, k: usize) -> bool {
        roles::is_head(self.w(k)) && self.name_at(k).is_none()
    }
}

/// A lowercase word that may be a noun modifying a role ("math", "campaign",
/// "communication"): letters and hyphens, not a closed-class word, an
/// adverb, a participle or a speech verb, nor a word that describes the
/// holder ("longtime").
fn plain_noun(w: &str) -> bool {
    w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !holds(CLOSED_CLASS, w)
        && !roles::is_descriptive(w)
        && !w.ends_with("ly")
        && !w.ends_with("ing")
        && !w.ends_with("ed")
        // "The paper sent reporter Jane Roe": a past tense is no noun.
        && !function_words::is_irregular_past(w)
        && cues::classes_of(w) & 1 << CueList::Speech as u8 == 0
}

/// Whether the word before a run of plain nouns closes off what precedes
/// the role: a determiner, a preposition, a possessive, punctuation, a
/// number, a speech verb ("said math teacher Jane Roe"), a name (the
/// affiliation), or the sentence's start.
fn opens_phrase(ws: &Words, k: usize, floor: usize) -> bool {
    if k < floor || k < ws.sent.start {
        return true;
    }
    let w = ws.w(k);
    holds(PHRASE_OPENERS, w)
        || ws.possessive(k)
        || !w.starts_with(|c: char| c.is_alphanumeric())
        || w.bytes().any(|b| b.is_ascii_digit())
        || roles::is_descriptive(w)
        || ws.name_at(k).is_some()
        || cues::classes_of(w) & 1 << CueList::Speech as u8 != 0
}

/// Where the role whose head is token `head` starts: left over modifiers
/// ("Deputy Prime Minister", "chief operating officer"), and over up to
/// [`MAX_PLAIN`] plain nouns when the word before them opens the phrase
/// ("math teacher", but "met chairman" is no role). Before a capitalised
/// title only status words are lowercase ("former President", not "the
/// network President"). Another head is another role ("nominee Gov.").
/// Never left of `floor`, never into a name.
pub(super) fn role_start(ws: &Words, head: usize, floor: usize) -> usize {
    let capital_head = ws.capitalised(head) && head > ws.sent.start;
    let mut start = head;
    let mut plain = 0;
    while start > floor && head - start < MAX_ROLE_WORDS {
        let k = start - 1;
        let w = ws.w(k);
        if ws.name_at(k).is_some()
            || ws.possessive(k)
            || capital_head && !ws.capitalised(k) && !roles::is_status(w)
        {
            break;
        }
        // "Secretary General", "Surgeon General": a title that ends in "general".
        let before_general = k + 1 == head && ws.w(head).eq_ignore_ascii_case("general");
        if roles::is_modifier(w) && !preposition_under(ws, k) || before_general && roles::is_head(w) {
            start -= 1;
        } else if plain < MAX_PLAIN && plain_noun(w) && !roles::is_head(w) {
            plain += 1;
            start -= 1;
        } else {
            break;
        }
    }
    if plain > 0 && !opens_phrase(ws, start.wrapping_sub(1), floor) {
        // The plain words were no part of the role: give them back.
        while start < head && !roles::is_modifier(ws.w(start)) {
            start += 1;
        }
    }
    start
}

/// Whether token `k` is "under" as a preposition ("under far-right president
/// Jane Roe"), not the rank of an "under secretary".
fn preposition_under(ws: &Words, k: usize) -> bool {
    let next = ws.w(k + 1).as_bytes();
    ws.w(k).eq_ignore_ascii_case("under")
        && !(next.len() >= 8 && next[..8].eq_ignore_ascii_case(b"secretar"))
}

/// "the Roe [campaign] spokesman", "Acme [campaign] manager": a body that
/// starts a role right after its owner's name belongs to the affiliation
/// too ("Roe campaign").
fn owned_body(ws: &Words, k: usize, floor: usize) -> bool {
    k > floor
        && k > ws.sent.start
        && holds(BODIES, ws.w(k))
        && !ws.capitalised(k)
        && (ws.name_at(k - 1).is_some() || ws.capitalised(k - 1) && k - 1 > ws.sent.start)
}

/// The affiliation right before a role that starts at token `end`: a name or
/// capitalised run ("Russian", "State Department", "White House National
/// Security Council"), or the owner in a possessive ("Acme's", "the State
/// Department's"). Not left of `floor`.
pub(super) fn affiliation_before(ws: &Words, floor: usize, end: usize) -> Option<Range<usize>> {
    let role_body = owned_body(ws, end, floor);
    let end = if end > floor && ws.possessive(end - 1) {
        end - 1
    } else {
        end
    };
    // "Tulsa police Chief": a body's common noun after its place is part
    // of the affiliation.
    let body = end > floor + 1
        && !ws.capitalised(end - 1)
        && holds(BODIES, ws.w(end - 1))
        && (ws.name_at(end - 2).is_some() || ws.capitalised(end - 2));
    let (end, after) = if body { (end - 1, end) } else { (end, end) };
    let mut a = end;
    // Affiliations are short: a bounded walk keeps long capitalised runs linear.
    while a > floor && end - a < MAX_AFFILIATION {
        let k = a - 1;
        let w = ws.w(k);
        let in_name = ws.name_at(k).is_some();
        // A sentence-initial capital is part of the run inside a name, or
        // when it is no word that opens sentences ("Acme Vice President").
        let capitalised =
            ws.capitalised(k) && (k > ws.sent.start || end - k == 1 && may_name(w));
        if (in_name || capitalised) && !function_words::is_article(w) && !is_where_from(w) {
            a -= 1;
        } else {
            break;
        }
    }
    if a == end {
        return None;
    }
    // "Republican Indiana Gov.": the party is a description, the place the affiliation.
    if matches!(ws.name_at(a), Some((_, Label::Norp))) {
        if let Some((r, _)) = (a + 1..end)
            .filter_map(|k| ws.name_at(k))
            .find(|(_, l)| matches!(l, Label::Gpe | Label::Org | Label::Fac | Label::Loc))
        {
            a = r.start.max(a);
        }
    }
    let has_name = (a..end).any(|k| ws.name_at(k).is_some());
    let first_word = a == ws.sent.start && end - a == 1;
    let place = end - a == 1 && lone_proper(ws, a);
    let after = if role_body { end + 1 } else { after };
    (has_name || end - a >= 2 || acronym(ws.w(a)) || first_word || place).then_some(a..after)
}

/// "announced by [Flint] Mayor Jane Roe": one capitalised word inside a
/// sentence, right before a capitalised title, is a place or body the
/// tagger missed, when it is no other mention ("Monday"), no closed-class
/// word ("I"), no sentence opener and no body's common last word
/// ("Ministry Spokesperson": which ministry is not said). Before a title
/// that names a portfolio it is the portfolio ("Privatisation Minister").
fn lone_proper(ws: &Words, k: usize) -> bool {
    let t = ws.doc.tokens[k];
    let title = ws.w(k + 1);
    k > ws.sent.start
        && ws.capitalised(k + 1)
        && (roles::is_head(title) || roles::is_modifier(title))
        && !holds(PORTFOLIO_HEADS, title)
        && !crate::lexicon::names::is_org_head(ws.w(k))
        && may_name(ws.w(k))
        && !ws.capitalised(k - 1)
        && overlapping(ws.mentions, t.start, t.end).is_empty()
}

/// Words that open sentences without naming anything ("Meanwhile President
/// Jane Roe"). Lowercase and sorted.
const SENTENCE_OPENERS: &[&str] = &[
    "also", "earlier", "elsewhere", "finally", "former", "however", "instead", "last", "later",
    "meanwhile", "next", "now", "separately", "still", "then", "today", "tonight", "yesterday",
];

/// Whether a capitalised word at a sentence's start may be a name the
/// tagger missed: no closed-class word, adverb or sentence opener.
fn may_name(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    !holds(CLOSED_CLASS, &lower)
        && !holds(SENTENCE_OPENERS, &lower)
        && !lower.ends_with("ly")
        && !roles::is_modifier(w)
        && !roles::is_head(w)
        && !roles::is_descriptive(w)
        && w.chars().all(char::is_alphanumeric)
}

/// "NYPD", "RT": two or more capitals and nothing else.
fn acronym(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// A name starting at token `k`: the mention there and the capitalised
/// words right after it ("Ora Media" when the tagger found only "Ora"), or
/// a run of capitalised words with "of", "for" and "and" inside
/// ("Institute for Policy Integrity").
pub(super) fn name_from(ws: &Words, k: usize) -> Option<Range<usize>> {
    if !ws.capitalised(k) {
        return None;
    }
    let mut end = k;
    while end < ws.sent.end && end - k < MAX_AFFILIATION {
        if let Some((r, _)) = ws.name_at(end) {
            end = r.end.max(end + 1);
        } else if ws.capitalised(end) {
            end += 1;
        } else if matches!(ws.w(end), "of" | "for" | "on" | "and" | "&") && ws.capitalised(end + 1) {
            end += 2;
        } else {
            break;
        }
    }
    // "the VOA Eurasian division", "the Clinton campaign": a body named by its owner.
    if end > k && holds(BODIES, ws.w(end)) {
        end += 1;
    }
    let has_name = (k..end).any(|j| ws.name_at(j).is_some());
    (has_name || end - k >= 2 || acronym(ws.w(k))).then_some(k..end.min(ws.sent.end))
}

/// What follows a role's head at token `head`: the words that complete the
/// title ("of State", "in chief", "of staff", "of geosciences and
/// international affairs", "for exploration") and the affiliation a
/// preposition then names ("of Acme", "at Princeton University"). Returns
/// the role's end (exclusive) and the affiliation.
pub(super) fn complement(ws: &Words, head: usize) -> (usize, Option<Range<usize>>) {
    let mut end = head + 1;
    // "president of [soccer's world governing body]"
    if let Some(r) = owned_affiliation(ws, end) {
        return (end, Some(r));
    }
    if matches!(ws.w(end), "of" | "in") {
        let words: Vec<&str> = (end + 1..end + 4).map(|k| ws.w(k)).collect();
        if let Some(n) = (1..=3)
            .rev()
            .find(|&n| roles::is_portfolio(&words[..n]) && !ws.capitalised(end + 1 + n))
        {
            end += 1 + n;
        }
    }
    if matches!(ws.w(end), "of" | "for" | "on") && lowercase_content(ws.w(end + 1)) {
        let mut j = end + 1;
        while j < ws.sent.end && j - end <= MAX_COMPLEMENT {
            let w = ws.w(j);
            if w == "and" || lowercase_content(w) && !holds(AFFILIATION_PREPOSITIONS, w) {
                j += 1;
            } else {
                break;
            }
        }
        while ws.w(j - 1) == "and" {
            j -= 1;
        }
        end = j;
    }
    // "author of [a book]": what follows is the work, not the affiliation.
    let of_work = ws.w(end) == "of" && holds(WORK_HEADS, ws.w(head));
    // "adviser to Gov. Jane Roe": whom an aide serves.
    let serves = ws.w(end) == "to" && holds(SERVING_HEADS, ws.w(head));
    if holds(AFFILIATION_PREPOSITIONS, ws.w(end)) && !of_work || serves {
        let mut k = end + 1;
        if function_words::is_article(ws.w(k)) {
            k += 1;
        }
        // The served person's title is no part of the name ("to Gov. Roe").
        while serves
            && k < end + 1 + MAX_SERVED_TITLE
            && (roles::is_title(ws.w(k)) || roles::is_modifier(ws.w(k)))
        {
            k += 1;
        }
        // "of the centrist Tax Policy Center", "of the Miami-based Acme
        // Caucus": words that describe the body are not its name.
        let described = k;
        while k - described < MAX_DESCRIBING && describes_body(ws.w(k)) {
            k += 1;
        }
        // "at the environmental news group InfoAmazonia": the kind of body
        // before its name.
        k = classifier_end(ws, k).unwrap_or(k);
        // "of a prominent Orthodox family": the name qualifies a common noun.
        let qualifies = |r: &Range<usize>| k > described && lowercase_content(ws.w(r.end));
        if let Some(r) = name_from(ws, k).filter(|r| !qualifies(r)) {
            return (end, Some(r));
        }
    }
    (end, None)
}

/// "of [soccer's world governing body]", "of [the city's water
/// department]": after "of", lowercase words with a possessive, then the
/// lowercase noun phrase it owns: an affiliation described, not named.
/// After "for" such words are a portfolio ("ambassador for global women's
/// issues"), after "at" a time or event ("at next month's convention").
fn owned_affiliation(ws: &Words, p: usize) -> Option<Range<usize>> {
    if ws.w(p) != "of" {
        return None;
    }
    let mut k = p + 1;
    if function_words::is_article(ws.w(k)) {
        k += 1;
    }
    let owner = (k..k + MAX_COMPLEMENT).take_while(|&j| lowercase_content(ws.w(j))).last()?;
    if !ws.possessive(owner + 1) {
        return None;
    }
    let body = owner + 2;
    let end = (body..body + MAX_COMPLEMENT)
        .take_while(|&j| lowercase_content(ws.w(j)) && !holds(AFFILIATION_PREPOSITIONS, ws.w(j)))
        .last()?;
    Some(p + 1..end + 1)
}

/// The most words that describe a body between an article and its name.
const MAX_DESCRIBING: usize = 2;

/// A word that describes a body before its name: "centrist", "nonpartisan",
/// "Miami-based", "conservative-leaning"; never a capitalised word of the
/// name ("the New York Times").
fn describes_body(w: &str) -> bool {
    let lowercase = w.starts_with(char::is_lowercase);
    lowercase && roles::is_descriptive(w) || w.ends_with("-based") || w.ends_with("-leaning")
}

/// The most lowercase words that say what kind of body the name after them
/// is ("news group", "consulting firm").
const MAX_CLASSIFIER: usize = 3;

/// The token after a classifier that starts at token `k` and ends in an
/// organisation's common noun right before a capitalised word ("news group
/// [InfoAmazonia]", "the consulting firm [McKinsey]"); none when the noun is
/// not followed by a name ("at the group's office").
fn classifier_end(ws: &Words, k: usize) -> Option<usize> {
    let end = (k..k + MAX_CLASSIFIER)
        .take_while(|&j| lowercase_content(ws.w(j)))
        .last()?
        + 1;
    let noun = (k..end).rev().find(|&j| names::is_org_noun(ws.w(j)))?;
    (noun + 1 == end && ws.capitalised(end)).then_some(end)
}

/// "Maryland-based", "Cuban-born": where a holder is based or born
/// describes the holder; it is no employer.
pub(super) fn is_where_from(w: &str) -> bool {
    w.ends_with("-based") || w.ends_with("-born")
}

/// A lowercase content word: not a closed-class word or punctuation.
fn lowercase_content(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') && !holds(CLOSED_CLASS, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        for list in [
            CLOSED_CLASS,
            PHRASE_OPENERS,
            AFFILIATION_PREPOSITIONS,
            BODIES,
            SENTENCE_OPENERS,
            WORK_HEADS,
            PORTFOLIO_HEADS,
            SERVING_HEADS,
        ] {
            assert!(crate::lexicon::is_sorted_lowercase(list));
        }
    }

    #[test]
    fn plain_nouns_are_not_verbs_or_function_words() {
        for w in ["math", "campaign", "communication", "policy"] {
            assert!(plain_noun(w), "{w}");
        }
        for w in ["said", "the", "longtime", "elected", "reportedly", "Math", "sent"] {
            assert!(!plain_noun(w), "{w}");
        }
    }
}
