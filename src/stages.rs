//! The stages before quotes, run in order on one article: what [`crate::extract`]
//! builds on, and what the quotes training and evaluation commands start from.

use crate::analysis::{Entity, Mention};
use crate::doc::Doc;
use crate::{article, entities, mentions};

/// The stages before quotes, run on one article.
pub struct Prepared<'a> {
    pub layout: article::Layout,
    pub doc: Doc<'a>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

/// Runs layout, tokens, mentions and entities (everything before quotes).
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

