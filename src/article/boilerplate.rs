//! Boilerplate one line can show by itself: the headline printed again, an
//! update stamp, a comment policy, a promotional prompt, a copyright line, a
//! stray label.
//!
//! Every rule is about the line's shape as well as its words: how long it is,
//! what it starts with, what the rest of it is made of. A news sentence that
//! starts with or contains a trigger word ("Share prices fell", "Published in
//! 2019, the report ...", "declined to comment on the policy") is not
//! boilerplate: the tests below give each kind such counter-cases.

use super::same_words;
use super::word_count::{count_words, count_words_to};
use crate::analysis::BoilerplateKind;

/// The most words a stamp line has ("Last updated on Tuesday 12 September 2023, 14:02 BST").
const STAMP_MAX_WORDS: usize = 12;
/// The most words a promotional prompt has ("Sign up for our newsletter").
const PROMO_MAX_WORDS: usize = 12;
/// The most words a promotional phrase may be followed by when it takes a
/// short object ("More from Reuters", "Don't miss out").
const PROMO_SHORT_REST: usize = 4;
/// The most words a copyright line has.
const COPYRIGHT_MAX_WORDS: usize = 25;
/// The most words a comment policy has (the seed article's runs to 41).
const COMMENT_POLICY_MAX_WORDS: usize = 60;
/// The most words a heading-like label ending in a colon has ("Related Topics:").
const COLON_LABEL_MAX_WORDS: usize = 3;
/// The most words a tag list has.
const TAG_LIST_MAX_WORDS: usize = 30;

/// Whether line `s` is boilerplate, and of which kind. `title` is the
/// headline's key (see `normalise`), once the headline is known.
pub(super) fn boilerplate_kind(s: &str, title: Option<&str>) -> Option<BoilerplateKind> {
    boilerplate_kind_with(s, title, &mut String::new())
}

/// [`boilerplate_kind`], lower-casing the line into `buffer`: the layout
/// passes one buffer for all the lines of a text, which saves an
/// allocation a line.
#[inline(never)]
pub(super) fn boilerplate_kind_with(
    s: &str,
    title: Option<&str>,
    buffer: &mut String,
) -> Option<BoilerplateKind> {
    if !s.chars().any(char::is_alphanumeric) {
        return Some(BoilerplateKind::Label);
    }
    let words = count_words_to(s, COMMENT_POLICY_MAX_WORDS);
    // Sentence-length lines are by far the most common, and none of the
    // kinds below is that long but a comment policy.
    if words > COMMENT_POLICY_MAX_WORDS {
        return None;
    }
    let core = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    buffer.clear();
    if s.is_ascii() {
        buffer.push_str(s);
        buffer.make_ascii_lowercase();
    } else {
        buffer.push_str(&s.to_lowercase());
    }
    let lower = buffer.as_str();
    if title.is_some_and(|t| same_words(s, t)) {
        Some(BoilerplateKind::RepeatedTitle)
    } else if words <= STAMP_MAX_WORDS && is_stamp(core) {
        Some(BoilerplateKind::Stamp)
    } else if is_comment_policy(lower) {
        Some(BoilerplateKind::CommentPolicy)
    } else if words <= PROMO_MAX_WORDS && is_promo(core, lower) {
        Some(BoilerplateKind::Promo)
    } else if words <= COPYRIGHT_MAX_WORDS && (is_copyright(core, lower) || is_syndication(lower)) {
        // A syndication line is a rights notice of its own kind: where the
        // text was first published, under what licence.
        Some(BoilerplateKind::Copyright)
    } else if is_label(s, core, words) {
        Some(BoilerplateKind::Label)
    } else {
        None
    }
}

/// Whether `s` starts with `prefix`, ASCII case ignored. Bytes are compared:
/// where they match a whole `prefix`, `s` has a character boundary too.
#[inline(always)]
pub(super) fn starts_with_ci(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    // The first byte alone rules out nearly every line, before the loop.
    s.len() >= p.len()
        && p.first().is_none_or(|f| s[0].eq_ignore_ascii_case(f))
        && s[..p.len()].eq_ignore_ascii_case(p)
}

/// What follows `phrase` at the start of `s` (ASCII case ignored), if `s`
/// starts with it as whole words ("share" starts "Share:" but not "Shares").
/// Inlined into the loops over phrase lists, so that the first byte's
/// test costs no call.
#[inline(always)]
pub(super) fn after_phrase<'a>(s: &'a str, phrase: &str) -> Option<&'a str> {
    if !starts_with_ci(s, phrase) {
        return None;
    }
    let rest = s.get(phrase.len()..)?;
    (!rest.starts_with(|c: char| c.is_alphanumeric())).then_some(rest)
}

/// Whether `s` ends as a sentence does: with a full stop, question or
/// exclamation mark, ellipsis or colon, before any closing quotes or brackets.
/// Reference marks after the sentence ("... in 1998.[13]") do not count.
pub(super) fn ends_sentence(s: &str) -> bool {
    let mut s = s.trim_end();
    // "[13]", "[a]", "[citation needed]": a short bracket at the end.
    while let Some(open) = s.strip_suffix(']').and_then(|r| r.rfind('[')) {
        if s.len() - open > 20 {
            break;
        }
        s = s[..open].trim_end();
    }
    s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' '])
        .ends_with(['.', '!', '?', '…', ':'])
}

/// The share of `s`'s words that start with a lower-case letter: high in
/// sentences, low in title-case headlines and names.
pub(super) fn lower_share(s: &str) -> f32 {
    let (mut lower, mut all) = (0u32, 0u32);
    for w in s.split_whitespace() {
        if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            all += 1;
            lower += u32::from(c.is_lowercase());
        }
    }
    if all == 0 {
        0.0
    } else {
        lower as f32 / all as f32
    }
}

/// The lowercase alphanumeric words of `lower`.
fn tokens(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether `hay` contains the ASCII text `needle`, as `str::contains`
/// says: memchr's search for its first byte and a comparison there,
/// without the tables a general substring search sets up on each call.
fn contains_ascii(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    memchr::memchr_iter(first, hay).any(|i| hay[i + 1..].starts_with(rest))
}

fn has_word(lower: &str, word: &str) -> bool {
    tokens(lower).any(|w| w == word)
}

/// News reports speech; a prompt or a policy speaks for itself. A line that
/// attributes ("..., the company said", "according to Reuters") is never
/// either; "according to our guidelines" is the site speaking.
fn reports_speech(lower: &str) -> bool {
    tokens(lower).any(|w| matches!(w, "said" | "says" | "told" | "stated" | "reported"))
        || lower
            .match_indices("according to ")
            .any(|(i, p)| !lower[i + p.len()..].starts_with("our "))
}

/// Words that begin a stamp, longest first.
const STAMP_LEADS: &[&str] = &[
    "first published",
    "last updated",
    "last update",
    "last modified",
    "published",
    "updated",
    "update",
    "modified",
    "posted",
];

/// A stamp: a lead word and then nothing but a date or time ("Updated 14:02
/// GMT", "Published 12 March 2023", "Posted 3 hours ago", "| Last update :").
fn is_stamp(core: &str) -> bool {
    let Some(rest) = STAMP_LEADS.iter().find_map(|p| after_phrase(core, p)) else {
        return false;
    };
    let lower = rest.to_lowercase();
    let all_dates = tokens(&lower).all(is_date_word);
    all_dates
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];
/// Everything else a date or time line is made of: units of relative time,
/// clock words, common zone abbreviations and the connectors between them.
const TIME_WORDS: &[&str] = &[
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "et",
    "pt",
    "ist",
    "jst",
    "kst",
    "hkt",
    "sgt",
    "aest",
    "aedt",
    "msk",
    "wib",
    "sast",
    "eat",
    "wat",
    "on",
    "at",
    "in",
    "of",
    "and",
    "ago",
    "just",
    "now",
    "today",
    "yesterday",
    "second",
    "seconds",
    "sec",
    "secs",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
];

/// A month or weekday name, or its abbreviation ("March", "mar", "tue").
pub(super) fn is_calendar_word(w: &str) -> bool {
    MONTHS.contains(&w) || WEEKDAYS.contains(&w)
}

/// A word of a date or time: a number ("2023", "14", "13th", "10am", "3h"),
/// a month, a weekday or one of [`TIME_WORDS`].
pub(super) fn is_date_word(w: &str) -> bool {
    let digits = w.len() - w.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        return matches!(
            &w[digits..],
            "" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "h" | "m" | "d" | "min" | "mins" | "hrs"
        );
    }
    MONTHS.contains(&w) || WEEKDAYS.contains(&w) || TIME_WORDS.contains(&w)
}

/// Words of a moderation rule: what comments may not contain and what happens to them.
const MODERATION_WORDS: &[&str] = &[
    "approved",
    "moderated",
    "moderation",
    "guidelines",
    "insult",
    "insults",
    "offensive",
    "swearing",
    "abusive",
    "removed",
    "deleted",
    "respectful",
    "policy",
    "rules",
];
/// Labels that open a notice to the reader.
const NOTICE_LEADS: &[&str] = &["warning", "note", "notice", "disclaimer", "important"];

/// A comment policy: it speaks of readers' comments, names at least two
/// moderation rules, and addresses the reader (a notice label, "you",
/// "please", "our") instead of reporting what someone said.
fn is_comment_policy(lower: &str) -> bool {
    // A substring search first: most lines have no "comment" at all.
    if !contains_ascii(lower, "comment")
        || !tokens(lower).any(|w| matches!(w, "comment" | "comments" | "commenting"))
    {
        return false;
    }
    let rules = MODERATION_WORDS
        .iter()
        .filter(|m| has_word(lower, m))
        .count()
        + usize::from(lower.contains("community standards"));
    let core = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let notice = NOTICE_LEADS
        .iter()
        .any(|l| after_phrase(core, l).is_some_and(|r| r.trim_start().starts_with(':')));
    let addresses_reader = tokens(lower).any(|w| matches!(w, "you" | "your" | "please" | "our"));
    rules >= 2 && (notice || addresses_reader) && !reports_speech(lower)
}

/// What may follow a promotional phrase.
#[derive(Clone, Copy, PartialEq)]
enum Follow {
    /// Nothing but punctuation, or a colon and a label's value ("Share",
    /// "Read more: ..."): the phrase is also an everyday word.
    Alone,
    /// A short object without sentence punctuation ("More from Reuters").
    Short,
    /// Anything, in a short line that reports no speech: the phrase is
    /// only ever a call to act ("Click here to ...").
    Any,
}

/// Calls to act, each with what may follow it.
const PROMO_PHRASES: &[(&str, Follow)] = &[
    ("share this", Follow::Any),
    ("share on", Follow::Short),
    ("share via", Follow::Short),
    ("share the story", Follow::Any),
    ("share article", Follow::Any),
    ("share", Follow::Alone),
    ("read more", Follow::Any),
    ("read also", Follow::Any),
    ("also read", Follow::Any),
    ("read next", Follow::Any),
    ("related articles", Follow::Any),
    ("related stories", Follow::Any),
    ("related coverage", Follow::Any),
    ("related content", Follow::Any),
    ("related", Follow::Alone),
    ("click here", Follow::Any),
    ("subscribe now", Follow::Any),
    ("subscribe to", Follow::Any),
    ("subscribe", Follow::Alone),
    ("sign up for our", Follow::Any),
    ("sign up to our", Follow::Any),
    ("sign up now", Follow::Any),
    ("sign up", Follow::Alone),
    ("follow us", Follow::Any),
    ("advertisement", Follow::Alone),
    ("sponsored content", Follow::Any),
    ("sponsored", Follow::Alone),
    ("email this", Follow::Any),
    ("print this", Follow::Any),
    ("copy link", Follow::Any),
    ("see also", Follow::Any),
    ("also on", Follow::Short),
    ("recommended for you", Follow::Any),
    ("recommended stories", Follow::Any),
    ("recommended", Follow::Alone),
    ("more from", Follow::Short),
    ("don't miss", Follow::Short),
    ("most read", Follow::Alone),
    ("listen to this article", Follow::Any),
    ("download the app", Follow::Any),
    ("download our app", Follow::Any),
];

/// A promotional prompt: a short line that starts with a call to act,
/// followed by no more than its phrase allows.
fn is_promo(core: &str, lower: &str) -> bool {
    PROMO_PHRASES.iter().any(|&(phrase, follow)| {
        let Some(rest) = after_phrase(core, phrase) else {
            return false;
        };
        let rest = rest.trim();
        let alone = !rest.chars().any(char::is_alphanumeric) || rest.starts_with(':');
        match follow {
            Follow::Alone => alone,
            Follow::Short => {
                alone
                    || (count_words(rest) <= PROMO_SHORT_REST
                        && !rest.ends_with(['.', '!', '?', ','])
                        && !rest.contains([',', ';']))
            }
            Follow::Any => !reports_speech(lower),
        }
    })
}

/// A copyright line: it starts with "©", "(c)" or "Copyright" followed by a
/// sign, a year or a colon; or carries "© 2024" (a sign and a year); or
/// ends with "All rights reserved".
fn is_copyright(core: &str, lower: &str) -> bool {
    let t = lower.trim_start();
    if t.starts_with('©') || t.starts_with("(c)") {
        return true;
    }
    if let Some(rest) = after_phrase(core, "copyright") {
        let rest = rest.trim_start();
        if rest.is_empty()
            || rest.starts_with(['©', ':'])
            || rest.starts_with("(c)")
            || rest.starts_with("(C)")
            || rest.starts_with(|c: char| c.is_ascii_digit())
        {
            return true;
        }
    }
    let signed_year = lower.match_indices('©').any(|(i, c)| {
        lower[i + c.len()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    });
    signed_year
        || lower
            .trim_end_matches(['.', ' '])
            .ends_with("all rights reserved")
}

/// What a syndication line calls the text it stands under ("This [story] was
/// first published by ..."). Lowercase.
const SYNDICATED_TEXTS: &[&str] = &["article", "column", "piece", "post", "report", "story"];
/// Words between the text and the verb of a syndication line ("has been",
/// "was first", "is"). Lowercase.
const SYNDICATION_AUXILIARIES: &[&str] = &[
    "also",
    "been",
    "first",
    "has",
    "is",
    "originally",
    "previously",
    "was",
];
/// The verbs of a syndication line ("adapted", "republished"). Lowercase.
const SYNDICATION_VERBS: &[&str] = &[
    "adapted",
    "appeared",
    "produced",
    "published",
    "reprinted",
    "republished",
    "syndicated",
];
/// What may follow the verb of a syndication line: where and how the text
/// was published ("from its original source", "by ProPublica", "on ...",
/// "in partnership with ..."), or nothing. Lowercase.
const SYNDICATION_FOLLOWERS: &[&str] = &[
    "as", "at", "by", "courtesy", "from", "here", "in", "on", "through", "under", "with",
];
/// What a syndication line opens with: "originally" or "first" before its
/// verb, or the text it speaks of ("this story", "a version of this ...").
const SYNDICATION_OPENINGS: &[&str] = &[
    "originally",
    "first",
    "a version of ",
    "an earlier version of ",
    "this",
];
/// The most words of a syndication line that opens with its verb
/// ("Originally published by The Texas Tribune.").
const SYNDICATION_SHORT_WORDS: usize = 12;

/// A syndication line: "This article has been adapted from its original
/// source.", "This story was first published by ProPublica.", "A version
/// of this story appeared in ...", "Originally published by ...". The
/// line speaks of itself ("this story") and says where it was published;
/// a news sentence about a source ("The story was first reported by ...,
/// she said", "The film was adapted from a novel") is none.
fn is_syndication(lower: &str) -> bool {
    // The line's own shape first, the search for a speech verb through all
    // its words last: nearly every line fails at its first word.
    syndication_shaped(lower) && !reports_speech(lower)
}

/// [`is_syndication`] but for the speech test.
fn syndication_shaped(lower: &str) -> bool {
    let core = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    // The words the line must open with, by the tests below: a test of
    // the first bytes that nearly every line fails.
    if !SYNDICATION_OPENINGS.iter().any(|p| core.starts_with(p)) {
        return false;
    }
    let mut words = tokens(core).peekable();
    // "Originally published by X.": short, one clause.
    if matches!(words.peek(), Some(&("originally" | "first"))) {
        words.next();
        return words.next().is_some_and(|w| SYNDICATION_VERBS.contains(&w))
            && words
                .next()
                .is_none_or(|w| SYNDICATION_FOLLOWERS.contains(&w))
            && count_words(core) <= SYNDICATION_SHORT_WORDS
            && !core.contains(',');
    }
    // "A version of this story ...", "An earlier version of this article ...".
    let rest = ["a version of ", "an earlier version of "]
        .iter()
        .find_map(|p| core.strip_prefix(p))
        .unwrap_or(core);
    let mut words = tokens(rest);
    if words.next() != Some("this") || !words.next().is_some_and(|w| SYNDICATED_TEXTS.contains(&w))
    {
        return false;
    }
    let mut w = words.next();
    while w.is_some_and(|w| SYNDICATION_AUXILIARIES.contains(&w)) {
        w = words.next();
    }
    w.is_some_and(|w| SYNDICATION_VERBS.contains(&w))
        && words
            .next()
            .is_none_or(|w| SYNDICATION_FOLLOWERS.contains(&w))
}

/// Labels that open a list of tags or topics.
const TAG_LEADS: &[&str] = &[
    "tags:",
    "keywords:",
    "topics:",
    "categories:",
    "filed under",
];

/// A label: a heading of one to three capitalised words ending in a colon
/// ("Related Topics:"; but "Watson said:" introduces a quote), a live
/// blog's time heading ("11:45 a.m.:"), or a list of tags that is no sentence.
fn is_label(s: &str, core: &str, words: usize) -> bool {
    if words <= COLON_LABEL_MAX_WORDS && s.ends_with(':') {
        let capitalised = s.split_whitespace().all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_none_or(char::is_uppercase)
        });
        let lower = s.to_lowercase();
        if capitalised || tokens(&lower).all(is_date_word) {
            return true;
        }
    }
    words <= TAG_LIST_MAX_WORDS
        && !s.ends_with(['.', '!', '?'])
        && (TAG_LEADS.iter().any(|p| after_phrase(core, p).is_some()) || posted_in(core))
}

/// A blog's category line, "Posted in Crime, News", often with the first
/// link's text glued on when a reader copies the page ("Posted
/// inBrookhaven, DeKalb, News").
fn posted_in(core: &str) -> bool {
    const LEAD: &str = "posted in";
    starts_with_ci(core, LEAD)
        && core[LEAD.len()..].starts_with(|c: char| !c.is_alphanumeric() || c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use BoilerplateKind::*;

    fn kind(s: &str) -> Option<BoilerplateKind> {
        boilerplate_kind(s, Some("big win for city"))
    }

    #[test]
    fn an_ascii_needle_is_found_where_str_contains_finds_it() {
        for (hay, needle) in [
            ("no comments here", "comment"),
            ("commen", "comment"),
            ("ccomment", "comment"),
            ("a “comment”", "comment"),
            ("", "comment"),
            ("anything", ""),
            ("comm ent", "comment"),
        ] {
            assert_eq!(contains_ascii(hay, needle), hay.contains(needle), "{hay:?}");
        }
    }

    #[test]
    fn a_repeated_headline_but_not_a_sentence_that_contains_it() {
        assert_eq!(kind("Big win for city"), Some(RepeatedTitle));
        assert_eq!(kind("BIG WIN FOR CITY!"), Some(RepeatedTitle));
        assert_eq!(kind("Big win for city council, mayor says."), None);
    }

    #[test]
    fn a_stamp_is_a_lead_word_and_a_date() {
        for s in [
            "| Last update :",
            "Updated 14:02 GMT",
            "Published 12 March 2023",
            "Posted 3 hours ago",
            "Updated: Sep. 13, 2023, 10:15 a.m. ET",
            "First published on Mon 11 Sep 2023 20.15 BST",
            "Last modified on Tuesday 12 September 2023",
            "Updated",
        ] {
            assert_eq!(kind(s), Some(Stamp), "{s}");
        }
        for s in [
            "Published in 2019, the Mueller report was ignored by Moscow, Lavrov said.",
            "Updated figures show that 3 million people voted.",
            "Posted guards stood at the gate on 12 March.",
            "Modified cars raced in Monaco.",
            "Publishers say prices rose 5% in 2023.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }

    #[test]
    fn a_comment_policy_addresses_the_reader_with_moderation_rules() {
        for s in [
            "Comments are moderated according to our community guidelines.",
            "WARNING: Comments that contain insults, swearing or offensive sentences are not approved.",
            "Please keep your comments respectful; abusive comments will be removed.",
        ] {
            assert_eq!(kind(s), Some(CommentPolicy), "{s}");
        }
        for s in [
            "A Kremlin spokesman, Dmitry Peskov, declined to comment on the new sanctions policy announced by Washington.",
            "Commentators said the moderate wing would gain, according to Reuters.",
            "The platform removed offensive comments under its moderation policy, the company said.",
            "Our reporters removed comments that broke the rules, the editor told staff.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }

    #[test]
    fn a_promo_is_a_short_call_to_act() {
        for s in [
            "Share this article",
            "Share",
            "Share:",
            "Share on Facebook",
            "Read more: other news",
            "Click here to subscribe.",
            "Sign up for our newsletter",
            "(Subscribe to the politics podcast here.)",
            "Also on WorldPost:",
            "Advertisement",
            "Recommended",
            "More from Reuters",
            "Most read",
            "Listen to this article",
        ] {
            assert_eq!(kind(s), Some(Promo), "{s}");
        }
        for s in [
            "Share prices in Tokyo fell 3% after Toyota warned.",
            "Recommended by the Senate, Janet Yellen was confirmed.",
            "Subscribers complained about the price rise.",
            "Also on Monday, the minister resigned.",
            "Sign up rates for the draft fell in March.",
            "Sponsored by three senators, the bill passed.",
            "Most read the statement as a warning to Beijing.",
            "More from the region fled on Monday, aid groups said.",
            "Don't miss the deadline, the tax office warned.",
            "Advertisements for the drug were banned in 2019.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }

    #[test]
    fn a_copyright_line_starts_with_the_sign_or_the_word_and_a_year() {
        for s in [
            "© 2024 Example News. All rights reserved.",
            "Copyright 2024 Example News",
            "Copyright © Example Media Group",
            "(c) 2023 The Example Times",
            "Example News Ltd, all rights reserved",
            "Text and photos © 2022 Example Media",
        ] {
            assert_eq!(kind(s), Some(Copyright), "{s}");
        }
        for s in [
            "Disney sued OpenAI over copyright infringement, lawyers said.",
            "Copyright claims against AI firms doubled in 2023.",
            "The court ruled that all rights reserved by the estate had lapsed.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }

    #[test]
    fn a_syndication_line_is_a_rights_notice_but_news_about_a_source_is_not() {
        for s in [
            "This article has been adapted from its original source.",
            "This story was first published by ProPublica.",
            "This article is republished from The Conversation under a Creative Commons license.",
            "This story was produced in partnership with the Example Tribune.",
            "A version of this story appeared in the Sunday edition.",
            "This article originally appeared on Example Weekly.",
            "Originally published by The Example Tribune.",
            "This post was published.",
        ] {
            assert_eq!(kind(s), Some(Copyright), "{s}");
        }
        for s in [
            "This story was first published by the Tribune, the mayor said.",
            "The story was first published by ProPublica in 2019.",
            "The film was adapted from its original source, a 1950s novel.",
            "This story was adapted into a film in 1990.",
            "This report was published after months of delay by the agency.",
            "First published in 1990, the novel sold millions of copies.",
            "This article of the constitution was adapted from the French one.",
            "This reporter was on the scene when the shooting began.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }

    #[test]
    fn a_label_is_a_capitalised_heading_with_a_colon_or_a_tag_list() {
        for s in [
            "|",
            "* * *",
            "Related Topics:",
            "12:45 p.m.:",
            "Tags: Russia, North Korea",
            "Filed under Politics",
            "Posted in Crime, News",
            "Posted inBrookhaven, DeKalb, News",
        ] {
            assert_eq!(kind(s), Some(Label), "{s}");
        }
        for s in [
            "Watson said:",
            "He added:",
            "Fox News reports:",
            "Filed under seal in March, the documents were released on Monday.",
            "Posted in Kabul since May, the soldiers waited for orders.",
            "Posted inside the door",
            "Topics discussed included trade.",
        ] {
            assert_eq!(kind(s), None, "{s}");
        }
    }
}
