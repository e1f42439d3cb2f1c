//! Article layout: which lines of pasted text are the headline, metadata
//! (dateline, byline, update stamp, source), body paragraphs and boilerplate.
//!
//! Pasted articles come as lines: one paragraph a line, blank lines between
//! paragraphs, or hard-wrapped paragraphs separated by blank lines. The rules
//! here look at one line (or wrapped paragraph) at a time and at its place in
//! the article, using patterns common to news sites rather than any one site.

mod boilerplate;
mod copied_page;
mod word_count;

use crate::analysis::{Article, Boilerplate, BoilerplateKind, Span};
use boilerplate::boilerplate_kind_with;
use std::ops::Range;

/// What part of an article a stretch of text is, for the later stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// The headline: analysed as one sentence.
    Title,
    /// A body paragraph: split into sentences, searched for mentions and quotes.
    Body,
    /// A metadata value (the name in a byline, the agency in a source line):
    /// searched for mentions, but it is no sentence and holds no quote.
    Meta,
}

impl PartKind {
    /// Whether this part's sentences are listed in [`crate::Analysis::sentences`].
    pub fn yields_sentences(self) -> bool {
        matches!(self, PartKind::Title | PartKind::Body)
    }
}

/// A stretch of text `start..end` (bytes) that later stages analyse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub start: usize,
    pub end: usize,
    pub kind: PartKind,
}

/// The article's layout and the parts to analyse, in text order.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub article: Article,
    pub parts: Vec<Part>,
}

/// A line (or hard-wrapped paragraph), trimmed: `start..end` in bytes.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: usize,
    end: usize,
}

/// Finds the layout of `text`.
pub fn layout(text: &str) -> Layout {
    layout_with_title(text, None)
}

/// The layout of `text` whose headline is known to be the line starting at
/// `title.start` (the page stage found it in the HTML, and set aside what
/// surrounded the story): that line is the title, no other is taken for
/// one, and the text is not searched for a copied page's furniture.
#[inline(never)]
pub fn layout_with_title(text: &str, title: Option<Range<usize>>) -> Layout {
    let units = units(text);
    let page = match title {
        Some(_) => None,
        None => copied_page::find(text, &units),
    };
    let mut b = Builder {
        text,
        out: Layout::default(),
        title_key: None,
        seen_body: false,
    };
    // The boilerplate test's lower-cased line, one buffer for all lines.
    let mut lower = String::new();
    // The last unit of more than three words: a title needs text after it.
    let last_long = units
        .iter()
        .rposition(|v| text[v.start..v.end].split_whitespace().nth(3).is_some());
    for (n, u) in units.iter().enumerate() {
        let s = &text[u.start..u.end];
        let known_title = title.as_ref().is_some_and(|t| t.start == u.start);
        if let Some(kind) = page.as_ref().and_then(|p| p.set_aside[n]) {
            b.set_aside(*u, kind);
        } else if known_title || page.as_ref().is_some_and(|p| p.headline == Some(n)) {
            b.title(*u);
        } else if let Some(kind) = boilerplate_kind_with(s, b.title_key.as_deref(), &mut lower) {
            b.set_aside(*u, kind);
        } else if copied_page::is_credit_line(s) {
            b.set_aside(*u, BoilerplateKind::Credit);
        } else if let Some(r) = labelled_value(s, &["source", "sources", "via"]) {
            let span = Span::of(text, u.start + r.0, u.start + r.1);
            b.meta(span.clone());
            b.out.article.source.get_or_insert(span);
        } else if let Some(r) = byline(s) {
            let span = Span::of(text, u.start + r.0, u.start + r.1);
            b.meta(span.clone());
            b.out.article.byline.get_or_insert(span);
        } else if page.is_none()
            && title.is_none()
            && b.title_key.is_none()
            && !b.seen_body
            && last_long.is_some_and(|l| l > n)
            && is_title_like(s)
        {
            b.title(*u);
        } else {
            b.body(*u);
        }
    }
    b.out
}

/// The layout as it is built, unit by unit.
struct Builder<'a> {
    text: &'a str,
    out: Layout,
    /// The headline's words (see [`normalise`]), once there is one.
    title_key: Option<String>,
    seen_body: bool,
}

impl Builder<'_> {
    fn set_aside(&mut self, u: Unit, kind: BoilerplateKind) {
        let s = &self.text[u.start..u.end];
        self.out.article.boilerplate.push(Boilerplate {
            start: u.start,
            end: u.end,
            text: s.to_string(),
            kind,
        });
        if kind == BoilerplateKind::Stamp
            && self.out.article.updated.is_none()
            && s.bytes().any(|b| b.is_ascii_digit())
        {
            let lead = s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            self.out.article.updated = Some(Span::of(self.text, u.start + lead, u.end));
        }
    }

    fn meta(&mut self, span: Span) {
        self.out.parts.push(Part {
            start: span.start,
            end: span.end,
            kind: PartKind::Meta,
        });
    }

    fn title(&mut self, u: Unit) {
        let s = &self.text[u.start..u.end];
        self.title_key = Some(normalise(s));
        self.out.article.title = Some(Span::of(self.text, u.start, u.end));
        self.out.parts.push(Part {
            start: u.start,
            end: u.end,
            kind: PartKind::Title,
        });
    }

    fn body(&mut self, u: Unit) {
        let s = &self.text[u.start..u.end];
        if !self.seen_body {
            if let Some((dash_end, agency)) = dateline(s) {
                let article = &mut self.out.article;
                article.dateline = Some(Span::of(self.text, u.start, u.start + dash_end));
                if let (None, Some((a, b))) = (&article.source, agency) {
                    article.source = Some(Span::of(self.text, u.start + a, u.start + b));
                }
            }
        }
        self.seen_body = true;
        self.out
            .article
            .paragraphs
            .push(Span::of(self.text, u.start, u.end));
        self.out.parts.push(Part {
            start: u.start,
            end: u.end,
            kind: PartKind::Body,
        });
    }
}

/// Splits text into trimmed lines, joining the lines of hard-wrapped
/// paragraphs (a block of long lines that do not end sentences).
#[inline(never)]
fn units(text: &str) -> Vec<Unit> {
    let mut lines: Vec<Unit> = Vec::new();
    let mut push = |start: usize, body_end: usize| {
        let body = &text[start..body_end];
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        lines.push(Unit {
            start: start + lead,
            end: start + lead + trimmed.len(),
        });
    };
    // Each line break ends a line: "\n", "\r" (so "\r\n" makes an empty
    // line, dropped below), U+2028 and U+2029 (bytes E2 80 A8 / A9). A
    // search for the three first bytes (memchr's, many bytes a step): no
    // character is decoded.
    let bytes = text.as_bytes();
    let mut start = 0;
    for i in memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes) {
        let len = match bytes[i] {
            b'\n' | b'\r' => 1,
            _ if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => continue,
        };
        push(start, i);
        start = i + len;
    }
    if start < bytes.len() {
        push(start, bytes.len());
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].start == lines[i].end {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && lines[j].start < lines[j].end {
            j += 1;
        }
        let block = &lines[i..j];
        if is_hard_wrapped(text, block) {
            out.push(Unit {
                start: block[0].start,
                end: block[block.len() - 1].end,
            });
        } else {
            out.extend_from_slice(block);
        }
        i = j;
    }
    out
}

fn is_hard_wrapped(text: &str, block: &[Unit]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let body = &block[..block.len() - 1];
    // Every line but the last is long: a block of one line a sentence
    // (pasted plain text) fails at its first short line.
    let long = body.iter().all(|u| {
        let line = &text[u.start..u.end];
        // A line has at least a quarter as many characters as bytes, and no more.
        (WRAPPED_MIN_CHARS..=4 * WRAPPED_MAX_CHARS).contains(&line.len())
            && (WRAPPED_MIN_CHARS..=WRAPPED_MAX_CHARS).contains(&line.chars().count())
    });
    let open = || {
        body.iter()
            .filter(|u| !text[u.start..u.end].ends_with(['.', '!', '?', '"', '”', ':']))
            .count()
    };
    long && open() * 2 >= body.len()
}

/// The fewest characters of a hard-wrapped paragraph's lines (but the last).
const WRAPPED_MIN_CHARS: usize = 40;
/// The most characters of a hard-wrapped paragraph's lines.
const WRAPPED_MAX_CHARS: usize = 100;

/// The lowercase alphanumeric words of `s`: what a line and the title are compared by.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Lowercase, alphanumeric words only, space-separated: the title's key.
fn normalise(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    for w in words(s) {
        if !key.is_empty() {
            key.push(' ');
        }
        if w.is_ascii() {
            key.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            key.push_str(&w.to_lowercase());
        }
    }
    key
}

/// Whether line `s` has the same words as the title key `t`, without allocating.
fn same_words(s: &str, t: &str) -> bool {
    let mut key = t.split(' ').filter(|w| !w.is_empty());
    words(s).all(|w| {
        key.next()
            .is_some_and(|k| k.chars().eq(w.chars().flat_map(char::to_lowercase)))
    }) && key.next().is_none()
}

fn is_title_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let letters = s.chars().any(char::is_alphabetic);
    let ends_sentence = s.ends_with('.') && !s.ends_with("...");
    letters && (1..=25).contains(&words) && s.len() <= 250 && (!ends_sentence || words <= 12)
}

/// "Source: Anadolu Agency" -> the byte range of "Anadolu Agency" in `s`.
#[inline(never)]
fn labelled_value(s: &str, labels: &[&str]) -> Option<(usize, usize)> {
    let (label, _) = s.split_once(':')?;
    if !labels.iter().any(|l| label.trim().eq_ignore_ascii_case(l)) {
        return None;
    }
    let value_start = label.len() + 1;
    let value = s[value_start..].trim();
    if value.is_empty() || value.split_whitespace().count() > 8 {
        return None;
    }
    let lead = s[value_start..].len() - s[value_start..].trim_start().len();
    let a = value_start + lead;
    Some((a, a + value.len()))
}

/// "By Jane Doe, Reuters" -> the range of "Jane Doe".
#[inline(never)]
fn byline(s: &str) -> Option<(usize, usize)> {
    let after = ["By ", "BY ", "Written by ", "Story by ", "Words by "]
        .iter()
        .find_map(|p| s.strip_prefix(p))?;
    let start = s.len() - after.len();
    let name_len = after
        .find(['|', ',', '\u{2022}', '\u{2014}', '('])
        .unwrap_or(after.len());
    let name = after[..name_len].trim_end();
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || matches!(*w, "and" | "de" | "van" | "von" | "al" | "bin")
    });
    if words.is_empty() || words.len() > 8 || !capitalised || s.split_whitespace().count() > 14 {
        return None;
    }
    // "By Monday, Putin had left." is a sentence: what follows the name
    // ends like one and has words in lower case. "By Jane Doe, staff
    // writer" and "By Jane Doe, Reuters." are bylines.
    let tail = &after[name_len..];
    let lower_word = tail
        .split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase));
    if lower_word && tail.trim_end().ends_with(['.', '!', '?']) {
        return None;
    }
    Some((start, start + name.len()))
}

/// "MOSCOW (Reuters) - ..." -> (end of the dash, range of "Reuters").
#[inline(never)]
fn dateline(s: &str) -> Option<(usize, Option<(usize, usize)>)> {
    let head_end = s.char_indices().nth(90).map_or(s.len(), |(i, _)| i);
    let head = &s[..head_end];
    let Some((dash, dash_len)) = first_dash(head) else {
        return colon_dateline(head).map(|end| (end, None));
    };
    let prefix = &s[..dash];
    // The place: the first word in capitals ("MOSCOW", "NEW YORK", "U.S.").
    if !in_capitals(prefix.split_whitespace().next()?) {
        return None;
    }
    let agency = match (prefix.rfind('('), prefix.rfind(')')) {
        (Some(a), Some(b)) if a < b && b - a > 1 => Some((a + 1, b)),
        _ => None,
    };
    // The dateline ends at the dash, without the space after it.
    Some((s[..dash + dash_len].trim_end().len(), agency))
}

/// The first dash in `head` that may end a dateline, as (start, length in
/// bytes): " - ", " -- ", " — " or " – ", or "—" or "–" without spaces.
/// One search for the bytes a dash starts with ('-', 0xE2 for "—" and
/// "–"), not one search a pattern: a pattern starts at a dash or at the
/// space before it, so the first dash that makes one gives the first.
fn first_dash(head: &str) -> Option<(usize, usize)> {
    let b = head.as_bytes();
    let space_before = |at: usize| at > 0 && b[at - 1] == b' ';
    let spaced = |at: usize, len: usize| space_before(at) && b.get(at + len) == Some(&b' ');
    memchr::memchr2_iter(b'-', 0xE2, b).find_map(|at| {
        let rest = &b[at..];
        if rest[0] == b'-' {
            if spaced(at, 1) {
                Some((at - 1, 3))
            } else if space_before(at) && rest.starts_with(b"-- ") {
                Some((at - 1, 4))
            } else {
                None
            }
        } else if rest.starts_with("—".as_bytes()) || rest.starts_with("–".as_bytes()) {
            Some(if spaced(at, 3) { (at - 1, 5) } else { (at, 3) })
        } else {
            None
        }
    })
}

/// "NEW DELHI: ..." -> the end of the colon. Only for a country or capital
/// the country table knows: a name in capitals before a colon is as often a
/// speaker in a transcript ("PENCE: Well, ...").
fn colon_dateline(head: &str) -> Option<usize> {
    let colon = head.find(": ")?;
    let place = &head[..colon];
    let words = place.split_whitespace().count();
    ((1..=4).contains(&words) && in_capitals(place) && is_known_place(place)).then_some(colon + 1)
}

/// Text in capitals: at least two letters, none of them lower case
/// ("MOSCOW", "U.S.", "NEW DELHI").
pub(crate) fn in_capitals(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.clone().nth(1).is_some() && letters.all(|c| c.is_uppercase())
}

/// A country or capital the country table knows ("NEW DELHI", "Britain").
pub(crate) fn is_known_place(s: &str) -> bool {
    use crate::lexicon::countries::{table, Relation};
    matches!(
        table().lookup(s),
        Some((_, Relation::Name | Relation::Capital))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte scan splits lines exactly where splitting at the four
    /// line-break characters does, and no other three-byte character that
    /// starts like U+2028 ("—", "…", "•") breaks a line.
    #[test]
    fn lines_break_at_the_four_line_break_characters() {
        fn by_chars(text: &str) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut pos = 0;
            for raw in text.split_inclusive(['\n', '\r', '\u{2028}', '\u{2029}']) {
                let body = raw.trim_end_matches(['\n', '\r', '\u{2028}', '\u{2029}']);
                let lead = body.len() - body.trim_start().len();
                out.push((pos + lead, pos + lead + body.trim().len()));
                pos += raw.len();
            }
            out.retain(|(a, b)| a < b);
            out
        }
        for text in [
            "",
            "one line",
            "a\nb\r\nc\rd\u{2028}e\u{2029}f",
            " lead\n\n  \ntrail  \n",
            "dash — and … and • stay\u{2028}",
            "\u{2029}\u{2029}x\r\r",
            "ends in a partial-looking byte \u{2014}",
        ] {
            // Lines under 40 characters: none is joined as hard-wrapped prose.
            let got: Vec<(usize, usize)> = units(text).iter().map(|u| (u.start, u.end)).collect();
            assert_eq!(got, by_chars(text), "{text:?}");
        }
    }

    fn kinds(text: &str) -> Vec<(String, PartKind)> {
        let l = layout(text);
        l.parts
            .iter()
            .map(|p| (text[p.start..p.end].to_string(), p.kind))
            .collect()
    }

    #[test]
    fn headline_byline_dateline_and_paragraphs() {
        let text = "Storm hits coast\nBy Jane Doe, Reuters\nUpdated 14:02 GMT\n\nMIAMI (Reuters) - A storm hit the coast on Monday.\n\nResidents fled.";
        let l = layout(text);
        assert_eq!(l.article.title.unwrap().text, "Storm hits coast");
        assert_eq!(l.article.byline.unwrap().text, "Jane Doe");
        assert_eq!(l.article.updated.unwrap().text, "Updated 14:02 GMT");
        assert_eq!(l.article.dateline.unwrap().text, "MIAMI (Reuters) -");
        assert_eq!(l.article.source.unwrap().text, "Reuters");
        assert_eq!(l.article.paragraphs.len(), 2);
    }

    /// The dash search finds what searching for each pattern and taking
    /// the first finds.
    #[test]
    fn the_first_dash_is_the_first_of_the_patterns() {
        fn by_patterns(head: &str) -> Option<(usize, usize)> {
            [" - ", " -- ", " — ", " – ", "—", "–"]
                .iter()
                .filter_map(|d| head.find(d).map(|i| (i, d.len())))
                .min()
        }
        for head in [
            "MOSCOW (Reuters) - Russia",
            "LONDON -- The",
            "PARIS — The",
            "ROME – The",
            "BERLIN—The",
            "well-known -- x - y",
            "a--b -- c",
            "x -y - z",
            "“Quoted” — he",
            "—lead",
            " -",
            "-",
            "a -- ",
            "a —",
            "a —b – c",
            "a –— b",
            "no dash at all",
            "",
        ] {
            assert_eq!(first_dash(head), by_patterns(head), "{head:?}");
        }
        // Every string of up to six of the characters the patterns are made of.
        let alphabet = [" ", "-", "—", "–", "a"];
        let mut heads = vec![String::new()];
        for _ in 0..6 {
            heads = heads
                .iter()
                .flat_map(|h| alphabet.iter().map(move |c| format!("{h}{c}")))
                .collect();
            for head in &heads {
                assert_eq!(first_dash(head), by_patterns(head), "{head:?}");
            }
        }
    }

    #[test]
    fn a_capital_before_a_colon_is_a_dateline_a_speaker_is_not() {
        let l = layout("Export rules\n\nNEW DELHI: The government announced new rules.\n\nMore.");
        assert_eq!(l.article.dateline.unwrap().text, "NEW DELHI:");
        let l = layout("Debate\n\nPENCE: Well, look, the people want a debate.\n\nMore.");
        assert!(l.article.dateline.is_none());
    }

    #[test]
    fn boilerplate_is_recognised_and_left_out() {
        let text = "Big win for city\n\nThe city won.\n\nBig win for city\n\nShare this article\n\nRead more: other news\n\n© 2024 Example News. All rights reserved.\n\nComments are moderated according to our community guidelines.";
        let l = layout(text);
        let kinds: Vec<BoilerplateKind> = l.article.boilerplate.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BoilerplateKind::RepeatedTitle,
                BoilerplateKind::Promo,
                BoilerplateKind::Promo,
                BoilerplateKind::Copyright,
                BoilerplateKind::CommentPolicy
            ]
        );
        assert_eq!(
            l.parts.iter().filter(|p| p.kind == PartKind::Body).count(),
            1
        );
    }

    #[test]
    fn photo_credit_lines_are_set_aside() {
        let text = "Blackouts stump experts\n\nCredit...Rich Pedroncelli/Associated Press\n\nThe grid operator cut power on Friday.\n\nPhotograph: Guy Smallman/Getty Images\n\n(AP Photo/Evan Vucci)\n\nPrices rose on Saturday.";
        let l = layout(text);
        let credits = l
            .article
            .boilerplate
            .iter()
            .filter(|b| b.kind == BoilerplateKind::Credit);
        assert_eq!(credits.count(), 3, "{:?}", l.article.boilerplate);
        assert_eq!(l.article.paragraphs.len(), 2);
        // Counter-cases: an agency that opens a line of the story, and a
        // sentence that names one.
        let text = "Poll\n\nReuters/Ipsos poll shows Biden ahead\n\nThe photo was taken by a Getty Images/AFP photographer in May.\n\nThe poll of 1,000 adults ran for three days.";
        let l = layout(text);
        assert!(
            l.article.boilerplate.is_empty(),
            "{:?}",
            l.article.boilerplate
        );
        assert_eq!(l.article.paragraphs.len(), 3);
    }

    /// Issue 23's example: every line but the headline is news, though each
    /// starts with or contains a word boilerplate lines carry.
    #[test]
    fn news_paragraphs_with_trigger_words_are_kept() {
        let text = "Lawsuits\n\nThe suits were filed on Monday.\n\nDisney sued OpenAI over copyright infringement, lawyers said.\n\nPublished in 2019, the Mueller report was ignored by Moscow, Lavrov said.\n\nRecommended by the Senate, Janet Yellen was confirmed.\n\nShare prices in Tokyo fell 3% after Toyota warned.\n\nCommentators said the moderate wing would gain, according to Reuters.\n\nA Kremlin spokesman, Dmitry Peskov, declined to comment on the new sanctions policy announced by Washington.";
        let l = layout(text);
        assert_eq!(l.article.title.unwrap().text, "Lawsuits");
        assert_eq!(l.article.paragraphs.len(), 7);
        assert!(
            l.article.boilerplate.is_empty(),
            "{:?}",
            l.article.boilerplate
        );
        assert!(l.article.updated.is_none());
    }

    #[test]
    fn a_byline_names_its_author_a_sentence_starting_with_by_is_news() {
        for (line, name) in [
            ("By Jane Doe, Reuters", "Jane Doe"),
            ("By Jane Doe, staff writer", "Jane Doe"),
            ("By AFP", "AFP"),
        ] {
            let l = layout(&format!(
                "Storm hits coast\n{line}\n\nA storm hit the coast on Monday."
            ));
            assert_eq!(l.article.byline.map(|b| b.text).as_deref(), Some(name));
        }
        let text =
            "Storm hits coast\n\nBy Monday, the storm had reached the coast.\n\nResidents fled.";
        let l = layout(text);
        assert!(l.article.byline.is_none());
        assert_eq!(l.article.paragraphs.len(), 2);
    }

    #[test]
    fn a_long_first_paragraph_is_not_a_title() {
        let text = "The minister said on Monday that the government would raise taxes on fuel, tobacco and alcohol next year to pay for new hospitals.\n\nCritics disagreed.";
        assert!(layout(text).article.title.is_none());
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Headline here\n\nThe first paragraph is wrapped at a fixed width so that it\nruns over several lines without ending a sentence at each\nline break.\n\nSecond paragraph.";
        let k = kinds(text);
        assert_eq!(k[1].0, "The first paragraph is wrapped at a fixed width so that it\nruns over several lines without ending a sentence at each\nline break.");
        assert_eq!(k.len(), 3);
    }

    #[test]
    fn source_line_is_metadata() {
        let text = "Title words here\n\nBody text that is long enough.\n\nSource: Anadolu Agency";
        let l = layout(text);
        assert_eq!(l.article.source.unwrap().text, "Anadolu Agency");
        assert_eq!(l.parts.last().unwrap().kind, PartKind::Meta);
    }

    #[test]
    fn crlf_and_empty_text() {
        let l = layout("Title\r\n\r\nA body paragraph with words.\r\n");
        assert_eq!(l.article.title.unwrap().text, "Title");
        assert_eq!(l.article.paragraphs[0].text, "A body paragraph with words.");
        assert!(layout("").parts.is_empty());
        assert!(layout("\n\n  \n").parts.is_empty());
    }
}
