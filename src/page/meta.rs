//! The page's metadata: JSON-LD (schema.org NewsArticle and friends, also in
//! `@graph` arrays), Open Graph and other `<meta>` tags, `<title>`,
//! `<link rel=canonical>`, `<html lang>`, `<time datetime>` and visible
//! bylines, in that order of trust.

use super::blocks::{is_hidden, TextBlock};
use super::dom::{Data, Dom, NodeId, NONE};
use super::find::Found;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the page says about its article. Absent fields are `None` or empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageMeta {
    /// The article's headline, never the site's name.
    pub headline: Option<String>,
    /// ISO 8601: a date, or a date-time (with its offset when the page gives one).
    pub published: Option<String>,
    pub modified: Option<String>,
    /// The people (or organisation) credited, "By " stripped, no URLs.
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    pub lang: Option<String>,
    pub description: Option<String>,
}

/// A title shorter than this many words after its site part is cut keeps the site part.
const MIN_TITLE_WORDS: usize = 3;
/// A title's end (or start) of at most this many words may be the site's name.
const MAX_SITE_WORDS: usize = 6;
/// A visible byline longer than this (characters) is prose, not a byline.
const MAX_BYLINE_CHARS: usize = 100;

/// schema.org types whose headline and dates are the article's.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "WebPage",
];

/// Everything the page's head (and a few body elements) carry, as found.
#[derive(Debug, Default)]
struct Raw {
    /// `<meta>` name/property (lower case) and content, in page order.
    metas: Vec<(String, String)>,
    title: Option<String>,
    canonical: Option<String>,
    lang: Option<String>,
    h1s: Vec<String>,
    times: Vec<String>,
    bylines: Vec<String>,
    /// The JSON-LD object describing the article, if any.
    ld: Option<Value>,
}

/// Reads the metadata of a parsed page.
#[inline(never)]
pub fn read(dom: &Dom, order: &[NodeId], _blocks: &[TextBlock], _found: &Found) -> PageMeta {
    let raw = collect(dom, order);
    let ld = raw.ld.as_ref();
    let meta = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| {
            raw.metas
                .iter()
                .find(|(k, v)| k == n && !v.trim().is_empty())
                .map(|(_, v)| clean(v))
        })
    };
    let ld_str = |key: &str| ld.and_then(|o| o.get(key)).and_then(string_of);
    let site_name = meta(&["og:site_name", "application-name"])
        .or_else(|| ld.and_then(|o| o.get("publisher")).and_then(name_of));
    let headline = headline(
        &raw,
        site_name.as_deref(),
        meta(&["og:title"]),
        ld_str("headline"),
        meta(&["twitter:title", "parsely-title", "dc.title"]),
    );
    let published = ld_str("datePublished")
        .or_else(|| {
            meta(&[
                "article:published_time",
                "og:published_time",
                "parsely-pub-date",
                "pubdate",
                "publishdate",
                "publish-date",
                "date",
                "dc.date",
                "dc.date.issued",
                "sailthru.date",
            ])
        })
        .or_else(|| raw.times.first().cloned())
        .and_then(|d| iso_date(&d));
    let modified = ld_str("dateModified")
        .or_else(|| meta(&["article:modified_time", "og:updated_time", "last-modified"]))
        .and_then(|d| iso_date(&d));
    let mut authors = ld
        .and_then(|o| o.get("author"))
        .map(people)
        .unwrap_or_default();
    if authors.is_empty() {
        let named = meta(&[
            "author",
            "article:author",
            "parsely-author",
            "dc.creator",
            "sailthru.author",
        ]);
        authors = named.map(|a| split_people(&a)).unwrap_or_default();
    }
    if authors.is_empty() {
        authors = raw.bylines.iter().flat_map(|b| split_people(b)).collect();
    }
    authors.dedup();
    let url = raw
        .canonical
        .clone()
        .or_else(|| meta(&["og:url"]))
        .or_else(|| ld_str("url"));
    let lang = raw
        .lang
        .clone()
        .or_else(|| ld_str("inLanguage"))
        .or_else(|| {
            meta(&["og:locale", "content-language", "language"]).map(|l| l.replace('_', "-"))
        });
    let description = meta(&["og:description", "description", "twitter:description"])
        .or_else(|| ld_str("description"));
    PageMeta {
        headline,
        published,
        modified,
        authors,
        site_name,
        url,
        lang,
        description,
    }
}

/// The page's `og:title` and `<title>`, as written (for the evaluation).
#[cfg(feature = "train")]
pub fn raw_titles(dom: &Dom, order: &[NodeId]) -> (Option<String>, Option<String>) {
    let raw = collect(dom, order);
    let og = raw
        .metas
        .iter()
        .find(|(k, v)| k == "og:title" && !v.trim().is_empty())
        .map(|(_, v)| clean(v));
    (og, raw.title.filter(|t| !t.is_empty()))
}

/// One pass over the tree gathering the raw values.
fn collect(dom: &Dom, order: &[NodeId]) -> Raw {
    let mut raw = Raw::default();
    let mut skip_until = NONE;
    for &id in order {
        if skip_until != NONE {
            if id == skip_until {
                skip_until = NONE;
            } else {
                continue;
            }
        }
        let Some(e) = dom.element(id) else { continue };
        if is_hidden(e) && e.tag() != "meta" {
            skip_until = dom.next_in_order(id, true);
            if skip_until == NONE {
                break;
            }
            continue;
        }
        match e.tag() {
            "html" if raw.lang.is_none() => {
                raw.lang = e.attr("lang").map(clean).filter(|l| !l.is_empty())
            }
            "meta" => {
                let key = e
                    .attr("property")
                    .or(e.attr("name"))
                    .or(e.attr("itemprop"))
                    .or(e.attr("http-equiv"));
                if let (Some(k), Some(v)) = (key, e.attr("content")) {
                    for k in k.split_whitespace() {
                        raw.metas.push((k.to_ascii_lowercase(), v.to_string()));
                    }
                }
            }
            "title" if raw.title.is_none() && e.is_html() => {
                raw.title = Some(clean(&text_of(dom, id)))
            }
            "link" if raw.canonical.is_none() => {
                let rel = e.attr("rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    raw.canonical = e.attr("href").map(clean).filter(|h| !h.is_empty());
                }
            }
            "script" if raw.ld.is_none() && is_json_ld(e) => {
                raw.ld = article_object(&text_of(dom, id));
            }
            "h1" => raw.h1s.push(clean(&text_of(dom, id))),
            "time" => {
                if let Some(d) = e.attr("datetime") {
                    raw.times.push(d.to_string());
                }
            }
            _ => {}
        }
        if is_byline(e) {
            let t = clean(&text_of(dom, id));
            if !t.is_empty() && t.len() <= MAX_BYLINE_CHARS {
                raw.bylines.push(t);
            }
        }
    }
    raw
}

fn is_json_ld(e: &super::dom::Element) -> bool {
    e.attr("type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// Whether an element marks a visible byline (`rel=author`, `itemprop=author`,
/// or a class/id word "byline").
fn is_byline(e: &super::dom::Element) -> bool {
    e.attr("rel")
        .is_some_and(|r| r.split_whitespace().any(|w| w == "author"))
        || e.attr("itemprop")
            .is_some_and(|r| r.split_whitespace().any(|w| w == "author"))
        || super::words::hints(e).byline && !matches!(e.tag(), "body" | "html" | "article" | "main")
}

/// The text inside an element (all text nodes, in order).
fn text_of(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    let end = dom.next_in_order(id, true);
    let mut cur = dom.node(id).first_child;
    while cur != NONE && cur != end {
        if let Data::Text(t) = &dom.node(cur).data {
            out.push_str(t);
        }
        cur = dom.next_in_order(cur, false);
    }
    out
}

/// Whitespace collapsed and trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The headline: the `og:title` (the title the publisher gives the article
/// for sharing, without a site part an `<h1>` shows it does not have); else
/// a metadata title confirmed by an `<h1>`, else the first metadata title
/// or the `<title>` without its site part, else the first `<h1>`.
fn headline(
    raw: &Raw,
    site: Option<&str>,
    og: Option<String>,
    ld: Option<String>,
    other: Option<String>,
) -> Option<String> {
    let matches_h1 = |c: &str| raw.h1s.iter().any(|h| super::same_words(c, h));
    if let Some(og) = og.filter(|t| !t.is_empty() && Some(t.as_str()) != site) {
        // og:title is the page's own headline; what follows a separator in
        // it is cut only when it is the site's name ("| eHow"), or, where the
        // page names no site, when an `<h1>` confirms the rest. An author or
        // section after the headline ("| Jane Roe") stays: the page chose it.
        let stripped = strip_site(&og, site);
        let cut = match site {
            Some(site) => names(&removed(&og, &stripped), site),
            None => matches_h1(&stripped),
        };
        return Some(if stripped != og && cut { stripped } else { og });
    }
    let from_title = raw.title.as_deref().map(|t| strip_site(t, site));
    // The `<title>`'s parts around a separator, for an `<h1>` to confirm.
    let parts = raw.title.as_deref().map(title_parts).unwrap_or_default();
    let candidates: Vec<String> = [ld, other, from_title]
        .into_iter()
        .flatten()
        .chain(parts)
        .filter(|c| !c.is_empty() && Some(c.as_str()) != site)
        .collect();
    candidates
        .iter()
        .find(|c| matches_h1(c))
        .or(candidates.first())
        .cloned()
        .or_else(|| raw.h1s.iter().find(|h| !h.is_empty()).cloned())
}

/// A title's part before its last separator and after its first.
/// What `strip_site` removed from `title` to leave `kept` (separators trimmed).
fn removed(title: &str, kept: &str) -> String {
    let title = clean(title);
    let rest = match title.find(kept) {
        Some(i) => format!("{} {}", &title[..i], &title[i + kept.len()..]),
        None => String::new(),
    };
    rest.trim_matches(|c: char| c.is_whitespace() || "|-–—:·»".contains(c))
        .to_string()
}

/// Whether `part` names the site `site` (one holds the other, case aside).
fn names(part: &str, site: &str) -> bool {
    let (p, s) = (part.to_lowercase(), site.to_lowercase());
    !p.is_empty() && !s.is_empty() && (p.contains(&s) || s.contains(&p))
}

fn title_parts(title: &str) -> Vec<String> {
    let title = clean(title);
    match separators(&title) {
        Some(((l, _), (f, n))) => vec![
            title[..l].trim().to_string(),
            title[f + n..].trim().to_string(),
        ],
        None => Vec::new(),
    }
}

/// The last and the first site separator in `title`, each as (byte offset,
/// length); `None` when it has none.
fn separators(title: &str) -> Option<((usize, usize), (usize, usize))> {
    let at = |i: Option<usize>, s: &str| i.map(|i| (i, s.len()));
    let last = SITE_SEPARATORS.iter().filter_map(|s| at(title.rfind(s), s)).max()?;
    let first = SITE_SEPARATORS.iter().filter_map(|s| at(title.find(s), s)).min()?;
    Some((last, first))
}

/// Separators sites put between a headline and their name.
const SITE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ",
];

/// A `<title>` without the site's name: the part after the last separator
/// (or before the first) when it names the site or is short.
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = clean(title);
    let words = |s: &str| s.split_whitespace().count();
    let Some(((l, l_len), (f, f_len))) = separators(&title) else {
        return title;
    };
    let names_site = |part: &str| site.is_some_and(|s| names(part, s));
    let (head, tail) = (&title[..l], &title[l + l_len..]);
    if names_site(tail) || (words(tail) <= MAX_SITE_WORDS && words(head) >= MIN_TITLE_WORDS) {
        return head.trim().to_string();
    }
    let (head, tail) = (&title[..f], &title[f + f_len..]);
    if names_site(head) && words(tail) >= MIN_TITLE_WORDS {
        return tail.trim().to_string();
    }
    title
}

/// The JSON-LD object describing the article in a script's text: the first
/// object of an article type, at the top, in an array or in `@graph`.
fn article_object(json: &str) -> Option<Value> {
    let v: Value = serde_json::from_str(json.trim().trim_end_matches(';')).ok()?;
    let mut stack = vec![v];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 1000 {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            Value::Object(mut o) => {
                if is_article_type(o.get("@type")) {
                    return Some(Value::Object(o));
                }
                if let Some(g) = o.remove("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    None
}

fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => {
            let s = s.rsplit(['/', ':']).next().unwrap_or(s);
            ARTICLE_TYPES.contains(&s)
        }
        Some(Value::Array(a)) => a.iter().any(|t| is_article_type(Some(t))),
        _ => false,
    }
}

/// A JSON-LD value as text: a string, or the first string of an array.
fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(string_of),
        Value::Object(o) => o.get("@id").or(o.get("url")).and_then(string_of),
        _ => None,
    }
}

/// The `name` of a JSON-LD thing (or the thing itself when a string).
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty() && !is_url(s)),
        Value::Object(o) => o.get("name").and_then(name_of),
        Value::Array(a) => a.iter().find_map(name_of),
        _ => None,
    }
}

/// The people of a JSON-LD `author`: a name, a Person, or a list of them.
fn people(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(people).collect(),
        other => name_of(other).map(|n| split_people(&n)).unwrap_or_default(),
    }
}

fn is_url(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("//")
        || s.starts_with('/')
}

/// Names in a credit line: "By Jane Roe and John Doe" gives both; URLs are dropped.
fn split_people(s: &str) -> Vec<String> {
    let s = clean(s);
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(&s);
    s.split([',', ';', '|', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_start_matches("and ").trim().to_string())
        .filter(|p| !p.is_empty() && !is_url(p) && p.chars().any(char::is_alphabetic))
        .collect()
}

/// A date as ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` with the
/// page's offset (`Z` or `+HH:MM`) when it gives one; also reads
/// "Tue, 04 Mar 2020 10:00:00 GMT" and "March 4, 2020" / "4 March 2020".
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    iso_like(s).or_else(|| worded_date(s))
}

/// `YYYY-MM-DD`, then optionally `T` or a space and a time with an offset.
fn iso_like(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return None;
    }
    let date = &s[..10];
    valid_ymd(date)?;
    let rest = &s[10..];
    let Some(time) = rest.strip_prefix(['T', 't', ' ']) else {
        return Some(date.to_string());
    };
    let tb = time.as_bytes();
    let tdig = |r: std::ops::Range<usize>| {
        tb.get(r.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if !(tdig(0..2) && tb.get(2) == Some(&b':') && tdig(3..5)) {
        return Some(date.to_string());
    }
    let mut end = 5;
    if tb.get(5) == Some(&b':') && tdig(6..8) {
        end = 8;
        if tb.get(8) == Some(&b'.') {
            end = 9 + tb[9..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
    }
    let hms = &time[..end];
    let zone = offset(time[end..].trim())?;
    Some(format!("{date}T{hms}{zone}"))
}

/// A time zone suffix as ISO 8601 (`""` for none).
fn offset(z: &str) -> Option<String> {
    if z.is_empty() {
        return Some(String::new());
    }
    if matches!(z, "Z" | "z" | "GMT" | "UTC" | "+00:00" | "+0000") {
        return Some("Z".into());
    }
    let sign = z.chars().next()?;
    if !matches!(sign, '+' | '-') {
        return Some(String::new());
    }
    let digits = &z[1..];
    let d: String = digits.chars().filter(char::is_ascii_digit).collect();
    match d.len() {
        4 => Some(format!("{sign}{}:{}", &d[..2], &d[2..])),
        2 => Some(format!("{sign}{d}:00")),
        _ => Some(String::new()),
    }
}

fn valid_ymd(date: &str) -> Option<()> {
    let m: u32 = date[5..7].parse().ok()?;
    let d: u32 = date[8..10].parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(())
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// "Tue, 04 Mar 2020 ...", "March 4, 2020", "4 March 2020": the date only.
fn worded_date(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month_at = words.iter().position(|w| {
        let w = w.to_ascii_lowercase();
        w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m))
    })?;
    let month = MONTHS
        .iter()
        .position(|m| words[month_at].to_ascii_lowercase().starts_with(m))?
        + 1;
    let number = |w: &&str| {
        w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h', '.'])
            .parse::<u32>()
            .ok()
    };
    let day = words
        .get(month_at + 1)
        .and_then(number)
        .filter(|d| (1..=31).contains(d))
        .or_else(|| {
            month_at
                .checked_sub(1)
                .and_then(|i| words.get(i))
                .and_then(number)
        })
        .filter(|d| (1..=31).contains(d))?;
    let year = words
        .iter()
        .skip(month_at)
        .filter_map(|w| w.parse::<u32>().ok())
        .find(|y| (1900..=2200).contains(y))?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}
