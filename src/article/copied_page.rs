//! A web page copied as plain text ("select all, copy, paste"): the story
//! comes with the page's menus, related headlines, share and newsletter
//! prompts, comment threads and footer around it. This module finds the
//! story and names what surrounds it.
//!
//! It decides from runs and shapes, not from single words:
//! - A copied page shows itself by a run of menu lines (several short lines
//!   in a row without sentence punctuation); text without one is an
//!   article and is left to the line rules.
//! - The story is the stretch of units with the most prose: each prose unit
//!   (a long line in sentences) counts its words, every other unit costs
//!   its words (at least [`NON_PROSE_MIN_COST`]), and date lines and
//!   comment controls cost [`MARK_COST`]. A comment thread (repeated
//!   "Reply" or "Report" controls with the comments between them) is never
//!   part of the story.
//! - The stretch starts at a headline it holds (a title-like line closely
//!   followed by a byline or date) and ends at a bare section label
//!   ("Related coverage", "More stories") when little of its prose lies
//!   before the one or after the other. Short sentences next to the
//!   stretch ("He declined to comment.") join it.
//! - Otherwise the headline is the title-like line before the story that a
//!   byline or date follows closely, or else the longest near it.
//! - Everything before the headline and after the story is set aside; its
//!   kind (navigation, related, share, newsletter, cookie, comments, footer,
//!   credit) only names it: the decision to set it aside is positional.
//!
//! Inside the story only the line rules (`boilerplate`) and photo credits
//! set a line aside. Captions stay: they describe the story's pictures and
//! name its people, as a reader of the story sees them; the story's own
//! lists, subheadings and quoted code stay with it.

use super::boilerplate::{
    after_phrase, boilerplate_kind, ends_sentence, is_calendar_word, is_date_word, lower_share,
    starts_with_ci,
};
use super::word_count::{count_words, count_words_to};
use super::{byline, is_title_like, Unit};
use crate::analysis::BoilerplateKind;
use std::ops::Range;

/// The most words of a menu line ("Work at The Telegraph").
const MENU_MAX_WORDS: usize = 4;
/// The longest menu line in bytes: a bound on [`MENU_MAX_WORDS`] words that
/// spares counting the words of every paragraph.
const MENU_MAX_BYTES: usize = 80;
/// The fewest menu lines in a row that show a copied page.
const MENU_RUN_MIN: usize = 5;
/// The fewest words of a prose unit.
const PROSE_MIN_WORDS: usize = 10;
/// The least share of words starting in lower case in prose: headlines in
/// title case ("Cop Finds Baby In Dumpster: But 25 Years Later...") have few.
const PROSE_MIN_LOWER: f32 = 0.35;
/// What a unit that is not prose costs the story at least.
const NON_PROSE_MIN_COST: i64 = 2;
/// What a date line, a dated name line or a comment control costs.
const MARK_COST: i64 = 12;
/// The fewest prose words a story has; below, the page is left to the line rules.
const STORY_MIN_WORDS: i64 = 40;
/// The most of the stretch's prose that may lie before its headline or
/// after its closing label for the stretch to be cut there (a share).
const CUT_MAX_SHARE: f32 = 0.25;
/// How many units before the story the headline is looked for in.
const HEADLINE_WINDOW: usize = 25;
/// How close after the headline a byline or date line follows it.
const HEADLINE_BYLINE_GAP: usize = 3;
/// The fewest words of a headline on a copied page (menu lines have fewer).
const HEADLINE_MIN_WORDS: usize = 3;
/// The most words of a headline.
const HEADLINE_MAX_WORDS: usize = 30;
/// Choosing among headline candidates: words count up to this many ...
const HEADLINE_FULL_WORDS: usize = 12;
/// ... a byline after the candidate adds this, a date line this ...
const BYLINE_WEIGHT: f32 = 8.0;
const DATE_WEIGHT: f32 = 5.0;
/// ... and each unit between it and the story takes this.
const HEADLINE_DISTANCE_COST: f32 = 0.25;
/// The most words of a line naming an author or commenter with a date.
const DATED_MAX_WORDS: usize = 15;
/// The fewest reply controls that make a comment thread.
const THREAD_MIN_REPLIES: usize = 2;
/// The most units between two reply controls of one thread.
const THREAD_GAP: usize = 12;
/// How far before its first reply control a thread's first comment may start.
const THREAD_LEAD: usize = 6;
/// The lines above a comment that name its writer and time.
const THREAD_HEADER_LINES: usize = 2;
/// The least share of code-like or indented lines in a block of code.
const CODE_BLOCK_MIN_SHARE: f32 = 0.3;
/// The most words of a photo credit line.
const CREDIT_MAX_WORDS: usize = 10;
/// The least share of the stretch's prose before a section label that ends it.
const SECTION_CUT_MIN_BEFORE: f32 = 0.7;
/// The most words of a section label that ends the story ("You may also like").
const SECTION_LABEL_MAX_WORDS: usize = 4;

/// What the page holds besides the story.
pub(super) struct PageCut {
    /// The story's headline, if one was found.
    pub headline: Option<usize>,
    /// For each unit, the kind it is set aside as, or `None`.
    pub set_aside: Vec<Option<BoilerplateKind>>,
}

/// The shape of one unit.
#[derive(Clone, Copy, Default)]
struct Shape {
    words: usize,
    /// A long line of sentences.
    prose: bool,
    /// A sentence: it ends like one and reads like one.
    sentence: bool,
    /// A short line without sentence punctuation or digits.
    menu: bool,
    /// A line of nothing but a date or time ("21 Nov 2017, 6:17pm", "3 hours ago").
    date: bool,
    /// A short line with a date in it, not a sentence ("Jane Doe · March 10, 2017 at 12:20 AM").
    dated: bool,
    /// A comment thread's control or count ("Reply", "12 comments", "111Reply").
    control: bool,
    /// A control that belongs to one comment: "Reply", "Report", "Flag".
    reply: bool,
    /// A line of program code ("};", "var cow = new Cow();").
    code: bool,
    /// A number alone: a count of shares, comments or photos ("6366").
    count: bool,
}

/// Finds the story in a copied page, or `None` when `units` do not look
/// like a copied page (no run of menu lines, or no story).
pub(super) fn find(text: &str, units: &[Unit]) -> Option<PageCut> {
    let lines: Vec<&str> = units.iter().map(|u| &text[u.start..u.end]).collect();
    // The cheap test first: most texts are articles, not pages.
    let menu_run = lines
        .split(|s| !is_menu_line(s))
        .any(|run| run.len() >= MENU_RUN_MIN);
    if !menu_run {
        return None;
    }
    let page = Page::new(text, units, lines);
    let (mut core, mass) = richest_stretch(&page.scores)?;
    if mass < STORY_MIN_WORDS {
        return None;
    }
    let anchor = page.headline_in(&core);
    if let Some(h) = anchor {
        core.start = h + 1;
    }
    if let Some(end) = page.section_end(&core) {
        core.end = end;
    }
    let floor = anchor.map_or(0, |h| h + 1);
    let joins = |n: usize| page.shapes[n].sentence && !page.thread[n];
    while core.start > floor && joins(core.start - 1) {
        core.start -= 1;
    }
    while core.end < units.len() && joins(core.end) {
        core.end += 1;
    }
    let headline = anchor.or_else(|| page.headline_before(core.start));
    Some(page.cut(headline, core))
}

/// A copied page's units, their shapes and scores.
struct Page<'a> {
    lines: Vec<&'a str>,
    shapes: Vec<Shape>,
    /// Units of comment threads.
    thread: Vec<bool>,
    /// What each unit adds to or takes from a story that includes it.
    scores: Vec<i64>,
    /// `prose[n]`: the prose words of units `..n`.
    prose: Vec<i64>,
    /// How often each unit's exact text occurs in the page.
    copies: Vec<usize>,
}

impl<'a> Page<'a> {
    fn new(text: &str, units: &[Unit], lines: Vec<&'a str>) -> Page<'a> {
        let mut shapes: Vec<Shape> = lines.iter().map(|s| shape(s)).collect();
        mark_code_blocks(text, units, &mut shapes);
        let thread = comment_threads(&shapes);
        let scores: Vec<i64> = shapes
            .iter()
            .zip(&thread)
            .map(|(s, &t)| if t { i64::MIN / 4 } else { score(s) })
            .collect();
        let mut prose = vec![0];
        for s in &scores {
            prose.push(prose.last().unwrap_or(&0) + (*s).max(0));
        }
        let mut counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for l in &lines {
            *counts.entry(l).or_insert(0) += 1;
        }
        let copies = lines.iter().map(|l| counts[l]).collect();
        Page {
            lines,
            shapes,
            thread,
            scores,
            prose,
            copies,
        }
    }

    /// The prose words of the units in `range`.
    fn prose_in(&self, range: Range<usize>) -> f32 {
        (self.prose[range.end] - self.prose[range.start]) as f32
    }

    /// Whether unit `n` could be a headline: title-like, long enough, no
    /// date, byline, prompt or credit, and not a line the page repeats in
    /// sentence case ("Continue reading the main story"; a headline in
    /// title case may be printed again in breadcrumbs and teasers).
    fn headline_candidate(&self, n: usize) -> bool {
        let (s, shape) = (self.lines[n], &self.shapes[n]);
        let repeated =
            self.copies[n] > 1 && (shape.words <= HEADLINE_MIN_WORDS || lower_share(s) >= 0.5);
        // A two-word headline ("Performant Python") only with a byline or date under it.
        let long_enough = shape.words >= HEADLINE_MIN_WORDS
            || (shape.words == 2 && self.followed_by_byline(n, self.lines.len()) > 0.0);
        long_enough
            && !shape.date
            && !shape.dated
            && !shape.control
            && self.follows_headline(n) == 0.0
            && headline_shaped(s, shape.words)
            && !is_menu_row(s)
            && boilerplate_kind(s, None).is_none()
            && !is_credit(s)
            && !repeated
    }

    /// How strongly unit `n` marks the line above it as a headline: a
    /// byline ("By Jane Doe", "by Ahiza Garcia February 1, 2016") more
    /// than a date line, which a video's length or a teaser's date also gives.
    fn follows_headline(&self, n: usize) -> f32 {
        let (s, shape) = (self.lines[n], &self.shapes[n]);
        let by = after_phrase(s, "by").is_some() && shape.words <= DATED_MAX_WORDS;
        if by || byline(s).is_some() {
            BYLINE_WEIGHT
        } else if shape.date || shape.dated {
            DATE_WEIGHT
        } else {
            0.0
        }
    }

    /// The strongest mark in the few units after `n` (before `limit`).
    fn followed_by_byline(&self, n: usize, limit: usize) -> f32 {
        (n + 1..limit.min(n + 1 + HEADLINE_BYLINE_GAP))
            .map(|m| self.follows_headline(m))
            .fold(0.0, f32::max)
    }

    /// A headline inside the stretch: a candidate a byline or date follows
    /// closely, with little of the stretch's prose before it (cookie
    /// notices and teasers above the story). The last such.
    fn headline_in(&self, core: &Range<usize>) -> Option<usize> {
        let total = self.prose_in(core.clone());
        core.clone().rev().find(|&n| {
            self.prose_in(core.start..n) <= CUT_MAX_SHARE * total
                && self.headline_candidate(n)
                && self.followed_by_byline(n, core.end) > 0.0
        })
    }

    /// The headline before the story: among the candidates shortly before
    /// it, the one a byline or date follows closely, else the longest and nearest.
    fn headline_before(&self, story: usize) -> Option<usize> {
        (story.saturating_sub(HEADLINE_WINDOW)..story)
            .filter(|&n| self.headline_candidate(n))
            .map(|n| {
                let score = self.shapes[n].words.min(HEADLINE_FULL_WORDS) as f32
                    + self.followed_by_byline(n, story)
                    - HEADLINE_DISTANCE_COST * (story - n) as f32;
                (n, score)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(n, _)| n)
    }

    /// Where the stretch ends early: at a bare section label ("Related
    /// coverage", "You may also like:", "More stories") with most of its
    /// prose before it (a story has no such line of its own; its inline
    /// links, "Related: Rich are paying more in taxes", carry a headline),
    /// or at a short prompt or label ("Share this:", "Tags:") with little
    /// prose after it.
    fn section_end(&self, core: &Range<usize>) -> Option<usize> {
        let total = self.prose_in(core.clone());
        core.clone().find(|&n| {
            let s = self.lines[n];
            let label = is_section_label(s)
                && self.prose_in(core.start..n) >= SECTION_CUT_MIN_BEFORE * total;
            let prompt = self.shapes[n].words <= SECTION_LABEL_MAX_WORDS
                && self.prose_in(n..core.end) <= CUT_MAX_SHARE * total
                && s.chars().any(char::is_alphabetic)
                && matches!(
                    boilerplate_kind(s, None),
                    Some(BoilerplateKind::Promo | BoilerplateKind::Label)
                );
            label || prompt
        })
    }

    /// Sets aside what lies before the headline (or the story) and after
    /// the story, and between the two the menu lines that come two or more
    /// in a row (share buttons under a headline); inside, photo credits.
    fn cut(&self, headline: Option<usize>, story: Range<usize>) -> PageCut {
        let first = headline.unwrap_or(story.start);
        let menu = |n: usize| self.shapes[n].menu;
        let in_menu_run = |n: usize| {
            menu(n) && ((n > first && menu(n - 1)) || (n + 1 < story.start && menu(n + 1)))
        };
        let set_aside = self
            .lines
            .iter()
            .enumerate()
            .map(|(n, s)| {
                if n < first || n >= story.end || (n < story.start && in_menu_run(n)) {
                    let after = n >= story.end;
                    Some(furniture_kind(s, &self.shapes[n], after, self.thread[n]))
                } else if n < story.start && self.shapes[n].date {
                    // The story's date, under its headline.
                    Some(BoilerplateKind::Stamp)
                } else if n < story.start && self.shapes[n].count {
                    // A count of shares or comments beside the byline.
                    Some(BoilerplateKind::Label)
                } else {
                    is_credit(s).then_some(BoilerplateKind::Credit)
                }
            })
            .collect();
        PageCut {
            headline,
            set_aside,
        }
    }
}

/// A menu line: short, no sentence punctuation, no digits.
fn is_menu_line(s: &str) -> bool {
    // The end of the line first: most lines end as sentences do.
    s.len() <= MENU_MAX_BYTES
        && !ends_sentence(s)
        && count_words_to(s, MENU_MAX_WORDS) <= MENU_MAX_WORDS
        && !s.bytes().any(|b| b.is_ascii_digit())
}

fn shape(s: &str) -> Shape {
    let words = count_words(s);
    // A paragraph of several sentences is prose whatever its last one ends with.
    let ends = ends_sentence(s) || inner_sentence_ends(s) >= 2;
    let lower = lower_share(s);
    let digits = s.bytes().any(|b| b.is_ascii_digit());
    let date = digits && is_date_line(s);
    let (control, reply) = comment_control(s, words);
    Shape {
        words,
        prose: words >= PROSE_MIN_WORDS && ends && lower >= PROSE_MIN_LOWER,
        sentence: ends && words >= 2 && lower >= PROSE_MIN_LOWER,
        menu: is_menu_line(s),
        date,
        dated: !date && digits && words <= DATED_MAX_WORDS && !ends && has_date(s),
        control: !date && control,
        reply: !date && reply,
        code: is_code(s),
        count: digits && s.split_whitespace().count() == 1 && !s.chars().any(char::is_alphabetic),
    }
}

/// What a unit adds to (prose) or takes from (anything else) a story that
/// includes it. Lines of program code cost nothing: a story may quote
/// code, and no menu looks like it.
fn score(s: &Shape) -> i64 {
    if s.prose {
        s.words as i64
    } else if s.date || s.dated || s.control || s.count {
        -MARK_COST
    } else if s.code {
        0
    } else {
        -(s.words as i64).max(NON_PROSE_MIN_COST)
    }
}

/// The stretch of units with the highest total score (the maximum
/// subarray, in one pass) and that total; `None` when no unit scores.
fn richest_stretch(scores: &[i64]) -> Option<(Range<usize>, i64)> {
    let mut best: Option<(Range<usize>, i64)> = None;
    let (mut start, mut sum) = (0, 0i64);
    for (n, &s) in scores.iter().enumerate() {
        if sum <= 0 {
            start = n;
            sum = 0;
        }
        sum = sum.saturating_add(s);
        if sum > 0 && best.as_ref().is_none_or(|(_, b)| sum > *b) {
            best = Some((start..n + 1, sum));
        }
    }
    best
}

/// Several menu items on one line, as a row of links copies: items apart
/// by a tab, or by two separators ("Home » Recipes » Truffles").
fn is_menu_row(s: &str) -> bool {
    s.contains('\t') || s.matches(['»', '›', '|', '•', '·']).count() >= 2
}

/// Title-like ([`is_title_like`]), where a final abbreviation ("... in
/// N.Y.C.") does not end a sentence, and not a paragraph of sentences.
fn headline_shaped(s: &str, words: usize) -> bool {
    let last = s.split_whitespace().last().unwrap_or("");
    let abbreviation = last.trim_end_matches('.').contains('.');
    let title = is_title_like(s) || (abbreviation && is_title_like(s.trim_end_matches('.')));
    title && words <= HEADLINE_MAX_WORDS && inner_sentence_ends(s) < 2
}

/// The units of comment threads: runs of at least [`THREAD_MIN_REPLIES`]
/// reply controls, each within [`THREAD_GAP`] units of the next, from the
/// first comment (the line naming its writer, above its text) to the last
/// control.
fn comment_threads(shapes: &[Shape]) -> Vec<bool> {
    let mut out = vec![false; shapes.len()];
    let replies: Vec<usize> = (0..shapes.len()).filter(|&n| shapes[n].reply).collect();
    for chain in replies.chunk_by(|a, b| b - a <= THREAD_GAP) {
        if chain.len() < THREAD_MIN_REPLIES {
            continue;
        }
        let first = chain[0];
        // Back over the first comment's text to the lines that name its
        // writer and its time.
        let mut start = first;
        while start > 0 && first - start < THREAD_LEAD && shapes[start - 1].prose {
            start -= 1;
        }
        let header = |n: usize| !shapes[n].prose && shapes[n].words <= DATED_MAX_WORDS;
        for _ in 0..THREAD_HEADER_LINES {
            if start > 0 && header(start - 1) {
                start -= 1;
            }
        }
        for t in &mut out[start..=chain[chain.len() - 1]] {
            *t = true;
        }
    }
    out
}

/// Labels of the sections a page puts after a story.
const SECTION_LEADS: &[&str] = &[
    "related",
    "recommended",
    "more from",
    "more on",
    "more stories",
    "more news",
    "more articles",
    "most read",
    "most popular",
    "most viewed",
    "popular",
    "trending",
    "see also",
    "you may also like",
    "you might also like",
    "you may like",
    "read next",
    "latest news",
    "latest stories",
    "top stories",
    "editor's picks",
    "other stories",
];

/// A bare section label: a line of at most [`SECTION_LABEL_MAX_WORDS`]
/// words that starts with one of [`SECTION_LEADS`] and says at most two
/// more words and no sentence ("More from Reuters", "Related coverage",
/// "Most Popular:").
fn is_section_label(s: &str) -> bool {
    count_words_to(s, SECTION_LABEL_MAX_WORDS) <= SECTION_LABEL_MAX_WORDS
        && !ends_sentence(s.trim_end_matches(':'))
        && SECTION_LEADS.iter().any(|lead| {
            after_phrase(s, lead).is_some_and(|rest| {
                let rest = rest.trim();
                rest == ":" || (count_words(rest) <= 2 && !rest.starts_with(':'))
            })
        })
}

/// What a unit set aside is, by its place and its words.
fn furniture_kind(s: &str, shape: &Shape, after: bool, in_thread: bool) -> BoilerplateKind {
    use BoilerplateKind::*;
    let lower = s.to_lowercase();
    let has = |w: &[&str]| {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|t| w.contains(&t))
    };
    if is_credit(s) {
        Credit
    } else if in_thread || (after && (shape.control || has(&["comment", "comments"]))) {
        Comments
    } else if has(&["cookie", "cookies", "consent"]) {
        Cookie
    } else if has(&[
        "newsletter",
        "newsletters",
        "inbox",
        "subscribe",
        "subscription",
    ]) {
        Newsletter
    } else if shape.words <= MENU_MAX_WORDS
        && has(&[
            "share",
            "tweet",
            "facebook",
            "twitter",
            "whatsapp",
            "pinterest",
            "linkedin",
            "reddit",
            "email",
            "print",
            "follow",
        ])
    {
        Share
    } else if let Some(kind) = boilerplate_kind(s, None) {
        // What the line rules make of it: a prompt, a stamp, a copyright line.
        kind
    } else if has(&["copyright", "rights", "privacy", "terms"]) {
        Footer
    } else if shape.words > MENU_MAX_WORDS && !shape.date {
        Related
    } else if after {
        Footer
    } else {
        Navigation
    }
}

/// Sentence ends inside `s`: a full stop, question or exclamation mark
/// followed by a space and a capital letter.
fn inner_sentence_ends(s: &str) -> usize {
    let b = s.as_bytes();
    b.windows(3)
        .filter(|w| matches!(w[0], b'.' | b'?' | b'!') && w[1] == b' ' && w[2].is_ascii_uppercase())
        .count()
}

/// The lowercase words of `s`.
fn lower_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A date or time and nothing else ("21 Nov 2017, 6:17pm", "Updated 3
/// hours ago", "12/03/2024"); a lone number ("6366", a share count) is none.
fn is_date_line(s: &str) -> bool {
    let words = lower_words(s);
    words.len() >= 2
        && words
            .iter()
            .all(|w| is_date_word(w) || w == "updated" || w == "published")
}

/// A date in `s`: a clock time ("12:20"), "ago", or a month next to a number.
fn has_date(s: &str) -> bool {
    let b = s.as_bytes();
    let clock = b
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    let words = lower_words(s);
    let number = |w: &String| w.starts_with(|c: char| c.is_ascii_digit());
    let month = |w: &String| is_calendar_word(w);
    clock
        || words.iter().any(|w| w == "ago")
        || words
            .windows(2)
            .any(|p| (month(&p[0]) && number(&p[1])) || (number(&p[0]) && month(&p[1])))
}

/// A comment thread's control or count, and whether it is one comment's
/// control: "Reply", "Report", "Flag", "111Reply" (a reply count run into
/// the button); "12 comments", "Like", "3 replies" are controls too.
fn comment_control(s: &str, words: usize) -> (bool, bool) {
    if words > 3 {
        return (false, false);
    }
    let lower = s.to_lowercase();
    let bare = lower
        .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let reply = matches!(
        bare,
        "reply" | "report" | "flag" | "report abuse" | "report comment"
    );
    let control = reply
        || matches!(
            bare,
            "replies"
                | "like"
                | "likes"
                | "upvote"
                | "downvote"
                | "comment"
                | "comments"
                | "permalink"
        );
    (control, reply)
}

/// Marks every unit of a block of program code as code: a block (lines
/// without a blank line between them) of at least two lines, without prose,
/// where at least [`CODE_BLOCK_MIN_SHARE`] of the lines look like code or
/// are indented, as a preformatted listing copies ("   SELECT *").
fn mark_code_blocks(text: &str, units: &[Unit], shapes: &mut [Shape]) {
    let indented = |u: &Unit| {
        let line_start = text[..u.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        u.start > line_start
    };
    let mut start = 0;
    for n in 1..=units.len() {
        let gap = |n: usize| text[units[n - 1].end..units[n].start].matches('\n').count() >= 2;
        if n < units.len() && !gap(n) {
            continue;
        }
        let block = start..n;
        let codeish = block
            .clone()
            .filter(|&m| shapes[m].code || indented(&units[m]))
            .count();
        if block.len() >= 2
            && !block.clone().any(|m| shapes[m].prose)
            && codeish as f32 >= CODE_BLOCK_MIN_SHARE * block.len() as f32
            && block.clone().any(|m| shapes[m].code)
        {
            for m in block {
                shapes[m].code = true;
            }
        }
        start = n;
    }
}

/// A line of program code: it ends with a brace, bracket or semicolon, or
/// starts a comment or a tag, or a tenth of its characters are code
/// punctuation.
fn is_code(s: &str) -> bool {
    let marks = s.bytes().filter(|b| b"{}();=<>[]".contains(b)).count();
    s.ends_with(['{', '}', ';', '(', ')', '[', ']'])
        || s.starts_with("//")
        || s.starts_with("</")
        || (s.starts_with('<') && s.ends_with('>'))
        || (s.len() >= 8 && marks * 10 >= s.len())
}

/// A photo credit: a short line that starts with a credit label ("Photo:",
/// "Image copyright", "Credit:"), or that names an agency in the
/// photographer/agency form ("JIM WATSON/AFP/Getty Images", "(AP Photo/Evan Vucci)").
pub(super) fn is_credit(s: &str) -> bool {
    if count_words_to(s, CREDIT_MAX_WORDS) > CREDIT_MAX_WORDS {
        return false;
    }
    let lower = s.to_lowercase();
    let agency = s.contains('/') && !ends_sentence(s) && AGENCIES.iter().any(|a| lower.contains(a));
    credit_labelled(s) || agency
}

/// Labels that open a photo credit line.
const CREDIT_LABELS: &[&str] = &[
    "photo:",
    "photos:",
    "photograph:",
    "picture:",
    "image:",
    "images:",
    "credit:",
    "credit...",
    "credit\u{2026}",
    "photo credit",
    "image copyright",
    "image source",
    "illustration:",
    "ap photo/",
];

/// Photo agencies as credits name them, lower case.
const AGENCIES: &[&str] = &[
    "getty images",
    "afp",
    "ap photo",
    "associated press",
    "reuters",
    "epa",
    "shutterstock",
];

/// Whether `s` opens with a credit label ("Photo:", "Credit...", "(AP Photo/").
fn credit_labelled(s: &str) -> bool {
    let core = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    CREDIT_LABELS.iter().any(|p| starts_with_ci(core, p))
}

/// A photo credit anywhere in an article: [`is_credit`] read narrowly, for
/// text with no page around it. The line opens with a credit label, or ends
/// with an agency after a slash ("Rich Pedroncelli/Associated Press"); an
/// agency that only opens a line ("Reuters/Ipsos poll shows Biden ahead")
/// is the story's.
pub(super) fn is_credit_line(s: &str) -> bool {
    let s = s.trim().trim_end_matches(')').trim_end();
    // The end of the line first: most lines end as sentences do.
    if ends_sentence(s) || count_words_to(s, CREDIT_MAX_WORDS) > CREDIT_MAX_WORDS {
        return false;
    }
    let last = s.rsplit_once('/').map(|(_, a)| a.trim().to_lowercase());
    let ends_with_agency = last.is_some_and(|a| AGENCIES.contains(&a.as_str()));
    credit_labelled(s) || ends_with_agency
}

#[cfg(test)]
mod tests;
