//! A role set beside a name by commas: after it ("Jane Roe, a senior analyst
//! at Acme Corp., said"; "Jane Roe, Acme's vice president for exploration,";
//! "Jane Roe, one of the mayor's closest aides,"), before it ("Acme's chief
//! operating officer, Jane Roe, said"), or as a predicate ("Jane Roe is
//! director of research at Acme.").

use super::phrase::{self, Words};
use super::Found;
use crate::analysis::Label;
use crate::lexicon::{function_words, holds, pronouns, roles};
use std::ops::Range;

/// The most tokens an appositive's noun phrase runs to before its head.
const MAX_PHRASE: usize = 9;
/// The most tokens of an owner before a role ("the [White House]'s").
const MAX_OWNER: usize = 4;
/// The most tokens of a parenthesis after a name ("(D-Va.)", "(R)").
const MAX_PARENTHESIS: usize = 6;
/// Words that end an appositive's noun phrase. Lowercase and sorted.
const PHRASE_ENDS: &[&str] = &[
    "about", "after", "against", "and", "as", "at", "before", "but", "by", "during", "for",
    "from", "in", "into", "of", "on", "or", "over", "said", "says", "since", "than", "that",
    "to", "told", "under", "when", "where", "which", "while", "who", "whom", "whose", "with",
];
/// Adverbs between "who is" and a role ("who is now the governor").
const ADVERBS: &[&str] = &["also", "currently", "now", "still", "then"];
/// Words that open a sentence with a phrase that is not about the name after
/// it ("Like the governor, Jane Roe said"). Lowercase and sorted.
const FRONTING: &[&str] = &[
    "after", "against", "although", "among", "as", "because", "before", "besides", "beyond",
    "despite", "for", "from", "if", "including", "like", "since", "than", "though", "to",
    "unlike", "until", "when", "while", "with", "without",
];

/// "Jane Roe, the State Department spokeswoman," after the name ending at
/// token `b` (a parenthesis such as "(D-Va.)" may come between).
#[inline(never)]
pub(super) fn after_name(ws: &Words, b: usize) -> Option<Found> {
    let mut k = super::party::skip(ws, b);
    if ws.w(k) == "(" {
        k = (k + 1..k + MAX_PARENTHESIS).find(|&j| ws.w(j) == ")")? + 1;
    }
    // "Jane Roe, 45, a nurse at Mercy Hospital,": the age set off before the role.
    if ws.w(k) == "," && is_age(ws.w(k + 1)) && ws.w(k + 2) == "," {
        k += 2;
    }
    // "Bratton as commissioner"
    if ws.w(k) == "as" {
        let phrase = noun_phrase(ws, k + 1)?;
        return phrase.closed.then_some(phrase.found);
    }
    // "said Jane Roe who is the county's public works director": broadcast
    // copy leaves the comma out.
    if ws.w(k) == "who" && is_present_or_past_be(ws.w(k + 1)) {
        let phrase = noun_phrase(ws, skip_adverbs(ws, k + 2))?;
        return phrase.closed.then_some(phrase.found);
    }
    if ws.w(k) != "," {
        return None;
    }
    k += 1;
    if let Some(found) = who_leads(ws, k) {
        return Some(found);
    }
    // "Jane Roe, who is now the governor,"
    if matches!(ws.w(k), "who" | "whose") && matches!(ws.w(k + 1), "is" | "was") {
        k = skip_adverbs(ws, k + 2);
    }
    let phrase = noun_phrase(ws, k)?;
    // The phrase is closed, or completed by the affiliation after it.
    (phrase.closed || phrase.found.affiliation.is_some()).then_some(phrase.found)
}

/// The first token from `k` on that is not an adverb of [`ADVERBS`].
fn skip_adverbs(ws: &Words, mut k: usize) -> usize {
    while holds(ADVERBS, ws.w(k)) {
        k += 1;
    }
    k
}

/// "is", "was" or the clitic "'s" after "who".
fn is_present_or_past_be(w: &str) -> bool {
    matches!(w, "is" | "was" | "'s" | "’s")
}

/// Whether `w` is a person's age as news sets it after a name: a number
/// of one to three digits.
fn is_age(w: &str) -> bool {
    (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
}

/// Verbs of leading something, with the role each gives its subject
/// ("Jane Roe, who heads the agency," is its head).
const LEADS: &[(&str, &str)] = &[
    ("chairs", "chair"),
    ("co-founded", "co-founder"),
    ("directs", "director"),
    ("founded", "founder"),
    ("heads", "head"),
    ("leads", "leader"),
    ("manages", "manager"),
    ("runs", "head"),
];
/// The most lowercase words of what is led ("the state's largest union").
const MAX_LED: usize = 5;
/// Nouns for what a person can head ("the agency", "the state's largest
/// union"); "leads the polls" names none. Lowercase and sorted.
const LED: &[&str] = &[
    "agency", "association", "bank", "board", "campaign", "charity", "church", "club",
    "coalition", "commission", "committee", "company", "council", "department", "firm",
    "foundation", "group", "institute", "league", "ministry", "movement", "network", "office",
    "organisation", "organization", "party", "program", "programme", "school", "service",
    "society", "team", "union", "unit", "university",
];

/// "Jane Roe, who heads the agency," (from "who" at token `k`): the
/// role the verb gives, with the name of what is led as the affiliation
/// ("who leads the World Food Programme"), or "of" what is led when it
/// is no name ("head of the agency").
fn who_leads(ws: &Words, k: usize) -> Option<Found> {
    if ws.w(k) != "who" {
        return None;
    }
    let verb = ws.w(k + 1);
    let &(_, role) = LEADS.iter().find(|(v, _)| *v == verb)?;
    let mut o = k + 2;
    let the = function_words::is_article(ws.w(o)) as usize;
    if let Some((r, label)) = ws.name_at(o + the) {
        let org = label.is_named() && label != Label::Person;
        // "who founded Acme Robotics in 2001": a date may follow a
        // founding; "who leads the NFC in rushing" leads no body.
        let next = ws.w(r.end);
        let founded = role.ends_with("founder") && matches!(next, "in" | "with");
        // "who heads the Center for Research in Mexico City": a place may.
        let place = next == "in" && ws.capitalised(r.end + 1);
        let closes = matches!(next, "," | "." | "" | "and") || founded || place;
        return (org && closes).then(|| Found {
            role: role.to_string(),
            affiliation: Some(r),
            owner: None,
        });
    }
    if the == 0 {
        return None;
    }
    o += 1;
    let end = (o..o + MAX_LED).find(|&j| matches!(ws.w(j), "," | "." | ""))?;
    let lower = |j: usize| ws.w(j).starts_with(|c: char| c.is_lowercase()) || ws.possessive(j);
    let plain = end > o && (o..end).all(lower) && holds(LED, ws.w(end - 1));
    plain.then(|| Found {
        role: format!("{role} of {}", ws.span(k + 2, end)),
        affiliation: None,
        owner: None,
    })
}

/// "Jane Roe, a Democrat, said", "Jane Roe, a Republican from Ohio,": the
/// party (a group's name) set beside the name ending at token `b`.
pub(super) fn party_after(ws: &Words, b: usize) -> Option<Range<usize>> {
    if ws.w(b) != "," {
        return None;
    }
    let k = if matches!(ws.w(b + 1), "a" | "an") { b + 2 } else { b + 1 };
    match ws.name_at(k) {
        Some((r, Label::Norp)) if r.start == k && k > b + 1 => {
            let closed = matches!(ws.w(r.end), "," | "." | ";" | "" | "from" | "who");
            closed.then_some(r)
        }
        _ => None,
    }
}

/// "Jane Roe is director of research at Acme": a role after "is" or "was"
/// that names the affiliation, so that "Roe is a leader who ..." says nothing.
#[inline(never)]
pub(super) fn predicate(ws: &Words, b: usize) -> Option<Found> {
    if !matches!(ws.w(b), "is" | "was") {
        return None;
    }
    let phrase = noun_phrase(ws, b + 1)?;
    // "Roe is the Acme campaign's national political director and ...":
    // an owner before the role names the affiliation too.
    let before = phrase.found.affiliation.filter(|_| phrase.closed);
    let after = phrase.affiliation_after.or(before)?;
    Some(Found {
        role: phrase.found.role,
        affiliation: Some(after),
        owner: None,
    })
}

/// "Acme's chief operating officer, Jane Roe, said": a role before the name
/// at tokens `a..b`, set off by a comma, with the name closed by punctuation.
#[inline(never)]
pub(super) fn before_name(ws: &Words, a: usize, b: usize) -> Option<Found> {
    let floor = ws.sent.start;
    if a < floor + 2 || ws.w(a - 1) != "," {
        return None;
    }
    let closed = b >= ws.sent.end || matches!(ws.w(b), "," | "." | ";" | ":" | ")" | "—" | "–" | "--");
    let employer = employer_before(ws, a - 1);
    let (head, role_end) = match &employer {
        Some(r) => (r.start - 2, r.start - 1),
        None => head_before(ws, a - 1)?,
    };
    if !closed || !ws.head(head) {
        return None;
    }
    let start = phrase::role_start(ws, head, floor);
    let affiliation = employer
        .clone()
        .or_else(|| phrase::affiliation_before(ws, floor, start));
    let first = match &employer {
        Some(_) => start,
        None => affiliation.as_ref().map_or(start, |r| r.start),
    };
    let np = if first > floor && function_words::is_article(ws.w(first - 1)) {
        first - 1
    } else {
        first
    };
    // "Like the governor, Jane Roe ...": a phrase about something else.
    let fronted = np == floor + 1 && holds(FRONTING, ws.w(floor));
    // "Jane Roe, the governor, John Doe ...": the title is the person's before.
    let previous = np >= floor + 2
        && ws.w(np - 1) == ","
        && matches!(ws.name_at(np - 2), Some((_, Label::Person)));
    if fronted || previous {
        return None;
    }
    Some(Found {
        role: ws.span(start, role_end).to_string(),
        owner: common_owner(ws, start).filter(|_| affiliation.is_none()),
        affiliation,
    })
}

/// The common noun that owns the role starting at token `start` as "the
/// `noun`'s" ("The group's founder"), for `super::owner` to resolve.
fn common_owner(ws: &Words, start: usize) -> Option<usize> {
    let noun = start.checked_sub(2).filter(|&n| n > ws.sent.start && ws.possessive(n + 1))?;
    let the = ws.w(noun - 1).eq_ignore_ascii_case("the");
    let common = ws.w(noun).starts_with(|c: char| c.is_lowercase());
    (the && common).then_some(noun)
}

/// "An attorney for [Acme], Jane Roe,": the name that ends right before the
/// comma at `comma`, after a role's head and "for", "of" or "at" (an
/// article may come between). The name's tokens with its article.
fn employer_before(ws: &Words, comma: usize) -> Option<Range<usize>> {
    let (r, label) = ws.name_at(comma.checked_sub(1)?)?;
    if r.end != comma || matches!(label, Label::Norp) {
        return None;
    }
    let mut p = r.start.checked_sub(1)?;
    if function_words::is_article(ws.w(p)) {
        p = p.checked_sub(1)?;
    }
    // "the secretary of the Treasury, Jacob Lew,": a portfolio is the title's.
    let words: Vec<&str> = (r.start..r.end).map(|k| ws.w(k)).collect();
    let linked = p > ws.sent.start
        && matches!(ws.w(p), "for" | "of" | "at")
        && ws.head(p - 1)
        && !roles::is_portfolio(&words);
    // From the article, if any: the head is then two tokens before the range.
    linked.then_some(p + 1..r.end)
}

/// The head of a role that ends right before token `end` and where the role
/// ends: "officer", or "editor" in "editor in chief", "Secretary" in
/// "Secretary of State".
fn head_before(ws: &Words, end: usize) -> Option<(usize, usize)> {
    let last = end.checked_sub(1)?;
    for n in 1..=3 {
        let Some(link) = last.checked_sub(n) else {
            break;
        };
        let words: Vec<&str> = (link + 1..end).map(|k| ws.w(k)).collect();
        if matches!(ws.w(link), "of" | "in") && roles::is_portfolio(&words) && link > 0 {
            return ws.head(link - 1).then_some((link - 1, end));
        }
    }
    Some((last, end))
}

/// A role read from a noun phrase.
struct Phrase {
    found: Found,
    /// Whether the phrase ends where an appositive ends (a comma, the
    /// sentence's end, "who", "and", a preposition).
    closed: bool,
    /// The affiliation a preposition after the role names ("at Acme").
    affiliation_after: Option<Range<usize>>,
}

/// The role in a noun phrase starting at token `k`: "[a] [former] [Mexican]
/// foreign minister", "[the] [State Department's] climate envoy", "[one of
/// the] [president's] closest aides", "founder and CEO of Acme".
fn noun_phrase(ws: &Words, mut k: usize) -> Option<Phrase> {
    let plural_ok = ws.w(k).eq_ignore_ascii_case("one") && ws.w(k + 1) == "of";
    if plural_ok {
        k += 2;
    }
    if function_words::is_article(ws.w(k)) || pronouns::is_possessive(ws.w(k)) {
        k += 1;
    }
    let mut end = k;
    while end < ws.sent.end && end - k < MAX_PHRASE {
        // A name is read whole: "a University of South Carolina political
        // science professor" does not end at the name's "of".
        if let Some((r, _)) = ws.name_at(end).filter(|(r, _)| r.start == end && r.len() > 1) {
            end = r.end;
            continue;
        }
        let w = ws.w(end);
        let coordinated = w == "and" && ws.head(end.wrapping_sub(1)) && {
            let next = ws.w(end + 1);
            roles::is_head(next) || roles::is_modifier(next)
        };
        let word = w.starts_with(|c: char| c.is_alphanumeric()) || ws.possessive(end);
        // "a tax aide now teaching at ...": an adverb after the head opens a clause.
        let clause = end > k && ws.head(end - 1) && holds(ADVERBS, w);
        if !coordinated && (holds(PHRASE_ENDS, w) || !word || clause) {
            break;
        }
        end += 1;
    }
    let head = end.checked_sub(1).filter(|&h| h >= k)?;
    let singular = if ws.head(head) {
        None
    } else {
        Some(roles::singular(ws.w(head)).filter(|_| plural_ok)?)
    };
    let mut start = phrase::role_start(ws, head, k);
    // "founder and CEO": a head, "and", and this role.
    if start >= k + 2 && ws.w(start - 1) == "and" && ws.head(start - 2) {
        start = phrase::role_start(ws, start - 2, k);
    }
    let before = phrase::affiliation_before(ws, k, start);
    let first = before.as_ref().map_or(start, |r| r.start);
    // What stands before the affiliation or role describes the holder
    // ("former", "longtime", "35-year-old") after an owner ("the
    // president's"), or the phrase is about something else.
    let owner = (k..first).rev().find(|&j| ws.possessive(j)).map_or(k, |j| j + 1);
    // "a South Florida-based": a place's capitalised words before "-based".
    let from_place = |j: usize| ws.capitalised(j) && (j + 1..first).any(|x| phrase::is_where_from(ws.w(x)));
    if owner - k > MAX_OWNER || !(owner..first).all(|j| describes(ws.w(j)) || from_place(j)) {
        return None;
    }
    let (role_end, after) = phrase::complement(ws, head);
    let mut role: Vec<String> = (owner..first)
        .map(|j| ws.w(j))
        .filter(|w| roles::is_modifier(w) && !roles::is_descriptive(w))
        .map(str::to_string)
        .collect();
    role.push(match &singular {
        Some(s) if start < head => format!("{} {s}", ws.span(start, head)),
        Some(s) => s.clone(),
        None => ws.span(start, head + 1).to_string(),
    });
    if role_end > head + 1 {
        role.push(ws.span(head + 1, role_end).to_string());
    }
    let closed = end < k + MAX_PHRASE || end >= ws.sent.end;
    Some(Phrase {
        found: Found {
            role: role.join(" "),
            owner: common_owner(ws, owner).filter(|_| after.is_none() && before.is_none()),
            affiliation: after.clone().or(before),
        },
        closed,
        affiliation_after: after,
    })
}

/// Words that may stand before a role and its affiliation in an appositive:
/// "former", "longtime", "35-year-old", "Texas-based".
fn describes(w: &str) -> bool {
    roles::is_modifier(w)
        || roles::is_descriptive(w)
        || phrase::is_where_from(w)
        || w.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        for list in [PHRASE_ENDS, FRONTING, ADVERBS, LED] {
            assert!(crate::lexicon::is_sorted_lowercase(list));
        }
    }
}
