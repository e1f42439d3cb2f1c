//! Organisations' names the tagger cut short, made whole: a capitalised
//! word it left out between two names, the words that end a name like an
//! organisation's ("[Texas] State Police"), and the topic after "on" or
//! "for" ("Council on [Foreign Relations]").

use crate::analysis::Label;
use crate::lexicon::{names, roles};

/// The most capitalised words an organisation's name is extended by.
const MAX_EXTENSION: usize = 3;

/// "[Texas] State Police", "[Walt Disney] Co.": a name followed by up to
/// [`MAX_EXTENSION`] capitalised words that end like an organisation's name
/// (or by a company suffix) is that organisation, whole.
pub(super) fn extend(words: &[&str], names: &mut [(usize, usize, Label)]) {
    for i in 0..names.len() {
        let (a, b, label) = names[i];
        let limit = names.get(i + 1).map_or(words.len(), |n| n.0).min(b + MAX_EXTENSION);
        if !label.is_named() || label == Label::Norp {
            continue;
        }
        let end = (b + 1..=limit).find(|&e| {
            let added = &words[b..e];
            let last = added[added.len() - 1];
            added.iter().all(|w| w.starts_with(char::is_uppercase) && !roles::is_title(w))
                && (names::is_org_head(last) || e == b + 1 && names::is_corporate_suffix(last))
        });
        if let Some(e) = end {
            names[i] = (a, e, Label::Org);
        }
    }
}

/// The most capitalised words after "on" or "for" an organisation's name
/// takes in ("Council on [Foreign Relations]").
const MAX_OBJECT_WORDS: usize = 4;

/// Bodies named for what they sit on ("Committee on Taxation").
const TOPIC_BODIES: &[&str] = &["Caucus", "Commission", "Committee", "Council", "Subcommittee"];

/// "Council on Foreign Relations", "Center for American Progress": an
/// organisation whose name ends with its head, then "on" or "for" and a
/// capitalised run (with "and" inside: "Ways and Means"), is named whole.
/// The run must end where the capitals do, and hold no person or title.
pub(super) fn extend_over_preposition(words: &[&str], names: &mut Vec<(usize, usize, Label)>) {
    let mut i = 0;
    while i < names.len() {
        let (a, b, label) = names[i];
        i += 1;
        // "on" a topic only after a body that sits on one ("Hofstra
        // University on Long Island" is a place, "CBS News on Super
        // Tuesday" a time).
        let head = words[b - 1];
        let prep = match words.get(b) {
            Some(&"for") => names::is_org_head(head),
            Some(&"on") => TOPIC_BODIES.contains(&head),
            _ => false,
        };
        if label != Label::Org || !prep {
            continue;
        }
        let start = if words.get(b + 1).is_some_and(|w| *w == "the") { b + 2 } else { b + 1 };
        let capital = |k: usize| {
            words.get(k).is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(char::is_alphabetic)
                    && !roles::is_title(w)
                    && !super::numeric::is_calendar_word(w)
            })
        };
        let mut end = start;
        while end < words.len() && end - start < MAX_OBJECT_WORDS {
            if capital(end) || (words[end] == "and" && end > start && capital(end + 1)) {
                end += 1;
            } else {
                break;
            }
        }
        let other = names[i..].iter().take_while(|n| n.0 < end).any(|n| {
            n.1 > end || !matches!(n.2, Label::Org | Label::Misc | Label::Norp | Label::Gpe | Label::Loc)
        });
        if end == start || capital(end) || other {
            continue;
        }
        // The names inside the run become part of this one.
        let inside = names[i..].iter().take_while(|n| n.0 < end).count();
        names.drain(i..i + inside);
        names[i - 1] = (a, end, Label::Org);
    }
}


/// "White House [National] Security Council": a capitalised word the tagger
/// left out between two names, the second an organisation, makes one
/// organisation. Adjacent names without such a gap ("U.S. State Department")
/// are left as they are.
pub(super) fn join_broken(words: &[&str], names: &mut Vec<(usize, usize, Label)>) {
    let mut out: Vec<(usize, usize, Label)> = Vec::with_capacity(names.len());
    for &(a2, b2, l2) in names.iter() {
        if let Some(last) = out.last_mut() {
            let (a1, b1, l1) = *last;
            let gap = &words[b1..a2];
            let joins = l2 == Label::Org
                && matches!(l1, Label::Gpe | Label::Org | Label::Fac | Label::Loc)
                && (1..=2).contains(&gap.len())
                && gap.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(char::is_alphabetic)
                        && !roles::is_title(w)
                });
            if joins {
                *last = (a1, b2, Label::Org);
                continue;
            }
        }
        out.push((a2, b2, l2));
    }
    *names = out;
}
