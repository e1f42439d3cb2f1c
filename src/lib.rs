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
//! The text flows through one stage per module, in this order:
//! [`article`] (layout) → [`tokens`] (tokens and sentences) → [`mentions`]
//! (names, dates, amounts; the trained tagger lives in [`ner`]) → [`entities`]
//! → [`quotes`], and ends as one serialisable [`Analysis`]. Offsets are UTF-8
//! byte offsets; [`Analysis::into_utf16`] converts them for JavaScript.
//!
//! Steps that run once per document, sentence or entity are marked
//! `#[inline(never)]`. The compiler would otherwise fold every helper with
//! one caller into its stage's function, and V8's optimising compiler takes
//! time that grows faster than a function's size: five such functions of
//! about 20 KB each took 80-290 ms apiece, 1.25 s of background compiling
//! while the first articles are analysed (on two cores, competing with
//! them). Split, the same code takes about 0.5 s: a fresh page visit warms
//! up in 43 ms instead of 62, and a repeat visit starts in 26-30 ms instead
//! of 59-63, V8's code cache now holding the optimised code
//! (`node bench/startup.mjs`, `node bench/page-start.mjs`). The wasm tests
//! fail if a function body grows past 18 KB.

pub mod analysis;
pub mod article;
pub mod conll;
pub mod entities;
#[cfg(feature = "cli")]
pub mod jsonl;
pub mod mentions;
#[doc(hidden)]
pub mod metrics;
pub mod ner;
pub mod quotes;
pub mod roles;
pub mod tokens;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{
    Analysis, Article, Boilerplate, BoilerplateKind, CueClass, Entity, Label, Mention, MentionKind,
    OffsetUnit, Quote, QuoteKind, Span, Speaker,
};

/// The crate version, echoed in every [`Analysis`].
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The tokens and sentences of an article's analysed parts (title and body),
/// shared by the stages after layout.
#[derive(Debug)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<tokens::Token>,
    pub sentences: Vec<DocSentence>,
}

/// A sentence and the part of the article it comes from.
#[derive(Debug, Clone)]
pub struct DocSentence {
    pub sentence: tokens::Sentence,
    pub part: article::PartKind,
}

/// The stages before quotes, run on one article (for the quotes training and
/// evaluation commands; not a stable API).
#[doc(hidden)]
pub struct Prepared<'a> {
    pub layout: article::Layout,
    pub doc: Doc<'a>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

/// Runs layout, tokens, mentions and entities (everything before quotes).
#[doc(hidden)]
pub fn prepare(text: &str) -> Prepared<'_> {
    let layout = article::layout(text);
    let doc = Doc::new(text, &layout.parts);
    let mut mentions = mentions::find(&doc);
    let entities = entities::group(&doc, &mut mentions);
    Prepared {
        layout,
        doc,
        mentions,
        entities,
    }
}

/// Analyses one article. Offsets in the result are byte offsets into `text`.
pub fn extract(text: &str) -> Analysis {
    let Prepared {
        layout,
        doc,
        mentions,
        mut entities,
    } = prepare(text);
    let quotes = quotes::find(&doc, &layout, &mentions, &entities);
    let title_end = layout.article.title.as_ref().map_or(0, |t| t.end);
    let lead_end = layout.article.paragraphs.first().map_or(0, |p| p.end);
    entities::score_salience(&mut entities, &mentions, &quotes, title_end, lead_end);
    let sentences = doc
        .sentences
        .iter()
        .filter(|s| s.part.yields_sentences())
        .map(|s| Span::of(text, s.sentence.start, s.sentence.end))
        .collect();
    Analysis {
        version: VERSION.to_string(),
        offsets: OffsetUnit::Bytes,
        article: layout.article,
        sentences,
        mentions,
        entities,
        quotes,
    }
}

impl<'a> Doc<'a> {
    /// Tokenises each analysed part and splits it into sentences. A part never
    /// shares a sentence with another: the title is always a sentence of its own.
    pub fn new(text: &'a str, parts: &[article::Part]) -> Doc<'a> {
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::new();
        let mut sents = Vec::new();
        for part in parts {
            let first = toks.len();
            tokens::tokenize_into(text, part.start..part.end, &mut toks);
            if part.kind == article::PartKind::Body {
                sents.clear();
                tokens::split_sentences(text, &toks, first..toks.len(), &mut sents);
                sentences.extend(sents.drain(..).map(|s| DocSentence {
                    sentence: s,
                    part: part.kind,
                }));
            } else if first < toks.len() {
                let s = tokens::Sentence {
                    start: toks[first].start,
                    end: toks[toks.len() - 1].end,
                    tokens: first..toks.len(),
                };
                sentences.push(DocSentence {
                    sentence: s,
                    part: part.kind,
                });
            }
        }
        Doc {
            text,
            tokens: toks,
            sentences,
        }
    }
}
