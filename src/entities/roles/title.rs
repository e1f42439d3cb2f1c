//! A title right before a name: "Russian President Vladimir Putin", "Gov.
//! Jane Roe", "math teacher Jane Roe", "Acme Vice President Jane Roe",
//! "Secretary of State Antony Blinken", "Senator Jane Roe of Arizona", and
//! a plural title over a list of names ("Sens. Jane Roe and John Doe").

use super::phrase::{self, Words};
use super::Found;
use crate::analysis::Label;
use crate::lexicon::roles;
use std::ops::Range;

/// The most names a plural title may stand before ("Sens. A, B and C").
const MAX_LISTED: usize = 6;
/// The most words of a title set in quotation marks before a name.
const MAX_QUOTED_TITLE: usize = 5;
/// The most capitalised words after "of" in a title ("Secretary of [Homeland Security]").
const MAX_OF_WORDS: usize = 3;

/// The title before the name at tokens `a..b`, with the affiliation before
/// it ("Russian", "Acme") or after the name ("of Arizona").
#[inline(never)]
pub(super) fn before_name(ws: &Words, a: usize, b: usize) -> Option<Found> {
    if let Some(found) = quoted(ws, a) {
        return Some(found);
    }
    let floor = ws.sent.start;
    let (k, plural) = match title_end(ws, a) {
        Some(k) if !matches!(ws.w(k - 1), "and" | ",") => (k, false),
        _ => (list_start(ws, a).and_then(|first| title_end(ws, first))?, true),
    };
    // "Secretary of State [Antony Blinken]": the title's head is before "of".
    let of = of_title(ws, k)
        .or_else(|| super::lowercase::preposition(ws, k))
        .or_else(|| super::lowercase::named_portfolio(ws, k));
    let (head, role_end) = match of {
        Some(of) => (of - 1, k),
        None => (k - 1, k),
    };
    let singular = roles::singular(ws.w(head));
    if !ws.head(head) && singular.is_none() || plural && singular.is_none() {
        return None;
    }
    let start = phrase::role_start(ws, head, floor);
    // A plural title gives each person its singular: "Sens." -> "Sen.".
    let role = match singular {
        Some(s) => format!("{}{}{}", lead(ws, start, head), s, tail(ws, head, role_end)),
        None => ws.span(start, role_end).to_string(),
    };
    let before = phrase::affiliation_before(ws, floor, start);
    // "the BBC's North America editor": the place is the role's beat, the
    // organisation owning it the affiliation.
    if let Some((beat, owner)) = before.as_ref().and_then(|r| beat_of(ws, floor, r)) {
        let role = format!("{} {role}", ws.span(beat.start, beat.end));
        return Some(Found { role, affiliation: Some(owner), owner: None });
    }
    // "former [MSNBC] personality": a status word before the affiliation is the role's.
    let role = match &before {
        Some(r) if r.start > floor && roles::is_status(ws.w(r.start - 1)) => {
            format!("{} {role}", ws.w(r.start - 1))
        }
        _ => role,
    };
    let affiliation = of_place(ws, b).or(before);
    Some(Found { role, affiliation, owner: None })
}

/// A title set in quotation marks right before the name at token `a`: "its
/// “national enterprise reporter” Jane Roe". The marks hold a few words and
/// nothing else, ending with a role's head (a quotation ends with
/// punctuation: "“We won,” Jane Roe said").
fn quoted(ws: &Words, a: usize) -> Option<Found> {
    let close = a.checked_sub(1).filter(|&k| k > ws.sent.start)?;
    if !matches!(ws.w(close), "”" | "\"") {
        return None;
    }
    let open = (close.saturating_sub(MAX_QUOTED_TITLE + 1).max(ws.sent.start)..close)
        .rev()
        .find(|&k| matches!(ws.w(k), "“" | "\""))?;
    let words = open + 1..close;
    let plain = words.clone().all(|k| {
        let w = ws.w(k);
        w.starts_with(|c: char| c.is_alphanumeric()) && ws.name_at(k).is_none()
    });
    if words.is_empty() || !plain || !ws.head(close - 1) {
        return None;
    }
    Some(Found {
        role: ws.span(open + 1, close).to_string(),
        affiliation: phrase::affiliation_before(ws, ws.sent.start, open),
        owner: None,
    })
}

/// The text before a head word, with the space after it ("Deputy " for "Deputy Sens.").
fn lead<'a>(ws: &Words<'a>, start: usize, head: usize) -> String {
    if start < head {
        format!("{} ", ws.span(start, head))
    } else {
        String::new()
    }
}

/// The text after a head word up to `end`, with the space before it.
fn tail(ws: &Words, head: usize, end: usize) -> String {
    if head + 1 < end {
        format!(" {}", ws.span(head + 1, end))
    } else {
        String::new()
    }
}

/// Where a title before the name at token `a` ends (exclusive): `a`, or
/// before an honorific ("Spokesperson Mr. Miller"); `None` at the
/// sentence's start.
fn title_end(ws: &Words, a: usize) -> Option<usize> {
    let mut k = a;
    if k > ws.sent.start && roles::is_honorific(ws.w(k - 1)) {
        k -= 1;
    }
    (k > ws.sent.start).then_some(k)
}

/// "Secretary of State": where "of" is when the capitalised words between
/// it and `k` complete a title whose head is right before it.
fn of_title(ws: &Words, k: usize) -> Option<usize> {
    let floor = ws.sent.start + 1;
    let of = (k.saturating_sub(MAX_OF_WORDS + 1).max(floor)..k)
        .rev()
        .find(|&j| ws.w(j) == "of")?;
    let capitalised = (of + 1..k).all(|j| ws.capitalised(j));
    (of + 1 < k && capitalised && roles::is_title(ws.w(of - 1))).then_some(of)
}

/// The first name of a list that ends with the person at token `a`
/// ("Jane Roe and [John Doe]", "A, B and [C]"): the start of its first
/// person name, if the words before `a` are such a list.
fn list_start(ws: &Words, a: usize) -> Option<usize> {
    let mut first = a;
    for _ in 0..MAX_LISTED {
        let sep = first.checked_sub(1)?;
        if !matches!(ws.w(sep), "and" | ",") {
            break;
        }
        let sep = if ws.w(sep) == "and" && ws.w(sep - 1) == "," {
            sep - 1
        } else {
            sep
        };
        // "Sens. Jon Roe (D-Mont.) and [Ann Doe]": past the first one's label.
        let sep = super::party::label_before(ws, sep);
        match ws.name_at(sep.checked_sub(1)?) {
            Some((r, Label::Person)) => first = r.start,
            _ => break,
        }
    }
    (first < a).then_some(first)
}

/// An honorific that says what its bearer does right before the name at
/// tokens `a..b` ("Dr. Jane Roe", "the Rev. Jane Roe"), as a role, with the
/// place or body named after the name ("of Acme Memorial Church").
pub(super) fn honorific(ws: &Words, a: usize, b: usize) -> Option<Found> {
    let k = a.checked_sub(1).filter(|&k| k >= ws.sent.start)?;
    roles::is_occupational_honorific(ws.w(k)).then(|| Found {
        role: ws.w(k).to_string(),
        affiliation: of_place(ws, b),
        owner: None,
    })
}

/// "Lester Holt of NBC News said": an organisation (not a place: "Jane Roe
/// of Ohio" says where she lives) named right after the name ending at
/// token `b`, the name whole (no possessive or capitalised word after it:
/// "Jane Roe of Acme's board").
pub(super) fn organisation_after(ws: &Words, b: usize) -> Option<Range<usize>> {
    let r = of_place(ws, b).filter(|r| r.start > b)?;
    let org = matches!(ws.name_at(r.start), Some((_, Label::Org)));
    let closed = !ws.possessive(r.end) && !ws.capitalised(r.end);
    (org && closed).then_some(r)
}

/// "NBC's Matt Lauer": an organisation that owns the name starting at token
/// `a` (a person's possessive, "Hale's Jane Roe", says no more than a tie).
pub(super) fn owner_before(ws: &Words, a: usize) -> Option<Range<usize>> {
    let k = a.checked_sub(1).filter(|&k| ws.possessive(k))?;
    match ws.name_at(k.checked_sub(1)?) {
        Some((r, Label::Org)) if r.end == k => Some(r),
        _ => None,
    }
}

/// A place right before a title that an organisation's possessive owns
/// ("the BBC's [North America] editor"): the place as the title's beat,
/// and the organisation.
fn beat_of(ws: &Words, floor: usize, r: &Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let place = matches!(ws.name_at(r.start), Some((p, Label::Gpe | Label::Loc)) if p == *r);
    let k = r.start.checked_sub(1).filter(|&k| k > floor && place && ws.possessive(k))?;
    match ws.name_at(k - 1) {
        Some((owner, Label::Org)) if owner.end == k && owner.start >= floor => Some((r.clone(), owner)),
        _ => None,
    }
}

/// "[Senator Jane Roe] of Arizona", "President Xi Jinping of China", "the
/// Rev. Jane Roe, of Acme Church,", "chief inspector Jane Roe from the
/// Leeds police": a place, organisation or building named right after the
/// name, with the body noun after a place ("police").
fn of_place(ws: &Words, b: usize) -> Option<Range<usize>> {
    let of = if ws.w(b) == "," { b + 1 } else { b };
    if !matches!(ws.w(of), "of" | "from") {
        return None;
    }
    // "of the Virgin Islands"
    let article = crate::lexicon::function_words::is_article(ws.w(of + 1));
    let name = if article { of + 2 } else { of + 1 };
    match ws.name_at(name) {
        Some((r, label)) if r.start == name => {
            let body = label != Label::Org && phrase::is_body(ws.w(r.end));
            // A name of another kind before a body's noun names the body
            // ("from the West Mercia police"), not alone.
            let place = matches!(label, Label::Gpe | Label::Org | Label::Loc | Label::Fac);
            if !(place || body && label == Label::Misc) {
                return None;
            }
            let r = if body { r.start..r.end + 1 } else { r };
            // After a comma the phrase is set off as a whole: ", of Acme Church,".
            (of == b || matches!(ws.w(r.end), "," | "." | "")).then_some(r)
        }
        _ => None,
    }
}
