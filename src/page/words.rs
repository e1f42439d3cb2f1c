//! What an element's class and id say about it, read as whole words:
//! `article-comments`, `commentList` and `comments` all carry the word
//! "comment(s)", while `commentary-body` does not.
//!
//! These words are hints. They are weighed with the text's own shape in
//! `find`, and never set a long text-dense block aside on their own.

use super::dom::Element;
use super::SetAsideKind;

/// What the class and id words of one element suggest.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Hints {
    /// The kind of boilerplate the words name, if any.
    pub boilerplate: Option<SetAsideKind>,
    /// The words name the story's own container (`article-body`, `entry-content`, ...).
    pub content: bool,
    /// The words name a byline or a date line (kept out of the body; the
    /// metadata carries them).
    pub byline: bool,
}

/// The hints of an element's class and id.
pub fn hints(e: &Element) -> Hints {
    let mut h = Hints::default();
    for attr in ["class", "id"] {
        let Some(value) = e.attr(attr) else { continue };
        for_each_word(value, |w| {
            if h.boilerplate.is_none() {
                h.boilerplate = boilerplate_word(w);
            }
            h.content |= is_content_word(w);
            h.byline |= matches!(w, "byline" | "dateline" | "author" | "authors");
        });
    }
    h
}

/// What a heading over a run set aside says it is ("Related", "More from
/// us", "Most read", "Comments"): a short heading whose words, or all of
/// them run together ("mostread"), name a kind as a class word would.
pub fn heading_kind(heading: &str) -> Option<SetAsideKind> {
    const MAX_HEADING_WORDS: usize = 5;
    let words: Vec<String> = heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || words.len() > MAX_HEADING_WORDS {
        return None;
    }
    words
        .iter()
        .find_map(|w| boilerplate_word(w))
        .or_else(|| boilerplate_word(&words.concat()))
}

/// Calls `f` with each lower-case word of a class or id value: split at
/// anything but letters and digits, and where a lower-case letter meets an
/// upper-case one (`relatedLinks` is "related", "links").
fn for_each_word(value: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        let boundary = !c.is_alphanumeric() || (prev_lower && c.is_uppercase());
        if boundary && !word.is_empty() {
            f(&word);
            word.clear();
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// The boilerplate kind a single class or id word names.
fn boilerplate_word(w: &str) -> Option<SetAsideKind> {
    use SetAsideKind::*;
    Some(match w {
        "nav" | "navbar" | "navigation" | "menu" | "menubar" | "breadcrumb" | "breadcrumbs"
        | "masthead" | "topbar" | "toolbar" | "skiplink" | "skiplinks" | "pagination" | "pager"
        | "tabs" => Navigation,
        "related" | "recommended" | "recommendations" | "outbrain" | "taboola" | "mostread"
        | "popular" | "trending" | "teaser" | "teasers" | "morestories" | "readmore"
        | "readnext" | "upnext" => Related,
        "sidebar" | "widget" | "widgets" | "sronly" | "screenreader" | "visuallyhidden" => Other,
        "comment" | "comments" | "commentlist" | "disqus" | "discussion" | "replies"
        | "respond" => Comments,
        "share" | "sharing" | "sharebar" | "social" | "socials" | "addthis" | "sharethis"
        | "sociallinks" | "follow" => Share,
        "newsletter" | "newsletters" | "subscribe" | "subscription" | "signup" | "paywall"
        | "registration" => Newsletter,
        "cookie" | "cookies" | "consent" | "gdpr" | "cmp" => Cookie,
        "ad" | "ads" | "advert" | "adverts" | "advertisement" | "advertising" | "adslot"
        | "adunit" | "sponsor" | "sponsored" | "promo" | "promotion" | "dfp" | "banner" => {
            Advertisement
        }
        "footer" | "copyright" | "colophon" | "imprint" => Footer,
        _ => return None,
    })
}

/// Words sites use for the story's own container.
fn is_content_word(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "articlebody"
            | "story"
            | "storybody"
            | "entry"
            | "post"
            | "content"
            | "body"
            | "text"
            | "main"
            | "hentry"
            | "prose"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(v: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(v, |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn a_short_heading_names_what_a_run_is() {
        assert_eq!(heading_kind("Related"), Some(SetAsideKind::Related));
        assert_eq!(heading_kind("Most read"), Some(SetAsideKind::Related));
        assert_eq!(heading_kind("Comments (12)"), Some(SetAsideKind::Comments));
        assert_eq!(heading_kind("Sign up for our newsletter"), Some(SetAsideKind::Newsletter));
        // Not a heading: a sentence that happens to hold a word.
        assert_eq!(heading_kind("Officials said the related talks would resume in May"), None);
        assert_eq!(heading_kind("Weather"), None);
    }

    #[test]
    fn class_values_split_into_whole_words() {
        assert_eq!(
            words("article-comments commentList"),
            ["article", "comments", "comment", "list"]
        );
        assert_eq!(words("relatedLinks__item"), ["related", "links", "item"]);
        // "commentary" is not "comment": words match whole.
        assert_eq!(boilerplate_word("commentary"), None);
        assert_eq!(boilerplate_word("comments"), Some(SetAsideKind::Comments));
        assert_eq!(boilerplate_word("header"), None);
    }
}
