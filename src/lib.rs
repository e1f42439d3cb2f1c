//! # newslens
//!
//! Reads the structure out of an English news article: headline, dateline,
//! byline and paragraphs; people, organisations, places and other named
//! things, grouped into entities; and who said what.
//!
//! ```
//! let text = "Putin meets Kim\n\nMOSCOW (Reuters) - Russian President Vladimir Putin met \
//!             Kim Jong-Un on Tuesday. \"We agreed on everything,\" Putin said.";
//! let a = newslens::extract(text);
//! assert_eq!(a.article.title.as_ref().unwrap().text, "Putin meets Kim");
//! assert_eq!(a.article.source.as_ref().unwrap().text, "Reuters");
//!
//! // "Putin" in the headline, "Vladimir Putin" and "Putin" are one person, with a role.
//! let putin = a.entities.iter().find(|e| e.name == "Vladimir Putin").unwrap();
//! assert_eq!(putin.role.as_deref(), Some("President"));
//! assert_eq!(putin.affiliation.as_deref(), Some("Russia"));
//! assert!(putin.mentions.len() >= 3);
//!
//! // Who said what.
//! let quote = &a.quotes[0];
//! assert_eq!(quote.text, "We agreed on everything,");
//! assert_eq!(quote.speaker.as_ref().unwrap().entity, Some(putin.id));
//!
//! // Offsets are bytes in Rust: slicing gives the mention.
//! let m = &a.mentions[putin.mentions[0]];
//! assert_eq!(&text[m.start..m.end], m.text);
//! ```
//!
//! ## How it works
//!
//! One crate, one direction of flow. Each stage is a module that reads only
//! the shared word lists (`lexicon`), the tokens, the result types and the
//! stages before it:
//!
//! ```text
//! text ─▶ article ─▶ tokens, sentences ─▶ mentions ─▶ entities ─▶ quotes ─▶ Analysis
//!        (layout)       (Doc)            (ner + rules)  (grouping,   (marks, tagger,
//!                                                        roles, coref)  attribution)
//! ```
//!
//! Offsets are UTF-8 byte offsets; [`Analysis::into_utf16`] and
//! [`Analysis::into_unit`] convert them for JavaScript and Python.
//! `docs/architecture.md` in the repository walks through the stages, where
//! each word list lives and how to add a stage.
//!
//! ## Cargo features
//!
//! - `cli` (default): the `newslens` command and the JSON Lines reader ([`jsonl`]).
//! - `train`: the training and evaluation commands, the benchmarks' access
//!   to single stages (`internals`) and the scoring helpers (`metrics`).
//!   Not a stable API.

/// The stages and the shared layers below them: public with the `train`
/// feature (for the training and evaluation commands and the benchmarks,
/// through [`internals`]), private otherwise.
macro_rules! internal_modules {
    ($($name:ident),* $(,)?) => {
        $(
            #[cfg(feature = "train")]
            pub mod $name;
            #[cfg(not(feature = "train"))]
            mod $name;
        )*
    };
}

internal_modules!(article, doc, entities, lexicon, mentions, page, quotes, stages, tagging, tokens);

mod analysis;
pub mod conll;
#[cfg(feature = "cli")]
pub mod jsonl;
#[cfg(feature = "train")]
pub mod metrics;
pub mod ner;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{
    Analysis, Article, Boilerplate, BoilerplateKind, CueClass, Entity, Label, Mention, MentionKind,
    OffsetUnit, Quote, QuoteKind, SetAside, SetAsideKind, Span, Speaker,
};

/// The crate version, echoed in every [`Analysis`].
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The stages one at a time, for the training and evaluation commands and
/// the benchmarks: not a stable API.
#[cfg(feature = "train")]
pub mod internals {
    pub use crate::doc::{Doc, DocSentence};
    pub use crate::stages::{prepare, Prepared};
    pub use crate::{article, entities, lexicon, mentions, ner, page, quotes, tagging, tokens};
}

/// Analyses one article. Offsets in the result are byte offsets into `text`.
pub fn extract(text: &str) -> Analysis {
    stages::analyse(text, article::layout(text))
}

/// Analyses the article of a web page: finds it in the page's HTML (setting
/// aside menus, related links, comments and footers), reads the page's
/// metadata, and analyses the article's text, which the result carries in
/// `text` (headline first, then the body's paragraphs separated by blank
/// lines). Offsets are byte offsets into that text.
///
/// ```
/// let html = "<html><head><title>Rain returns | The Daily</title></head><body>\
///     <nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Rain returns</h1>\
///     <p>Heavy rain fell across Kenya on Tuesday, ending a dry spell, forecasters said.</p>\
///     </article></body></html>";
/// let a = newslens::extract_html(html);
/// let text = a.text.as_deref().unwrap();
/// assert_eq!(a.article.title.as_ref().unwrap().text, "Rain returns");
/// assert!(text.starts_with("Rain returns\n\nHeavy rain") && !text.contains("Home"));
/// assert!(a.mentions.iter().any(|m| m.text == "Kenya"));
/// ```
pub fn extract_html(html: &str) -> Analysis {
    let page = page::read_html(html);
    let layout = article::layout_with_title(&page.text, page.title.clone());
    let mut analysis = stages::analyse(&page.text, layout);
    let (a, meta) = (&mut analysis.article, page.meta);
    a.published = meta.published;
    a.modified = meta.modified;
    a.authors = meta.authors;
    a.site_name = meta.site_name;
    a.url = meta.url;
    a.lang = meta.lang;
    a.description = meta.description;
    a.set_aside = page.set_aside;
    analysis.text = Some(page.text);
    analysis
}

/// A web page's bytes as text, decoded as a browser decodes them: by a
/// byte-order mark, else the charset the page declares in its first bytes,
/// else UTF-8 when the bytes are valid UTF-8, else windows-1252.
#[cfg(any(feature = "cli", feature = "train"))]
pub fn page_text(bytes: &[u8]) -> String {
    page::decode_html(bytes)
}
