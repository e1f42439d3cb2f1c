//! The stages run in order on one article: [`analyse`] for
//! [`crate::extract`] and [`crate::extract_html`], and [`prepare`] (everything
//! before quotes) for the quotes training and evaluation commands.

use crate::analysis::{Analysis, Entity, Mention, OffsetUnit, Span};
use crate::doc::Doc;
use crate::{article, entities, mentions, quotes, VERSION};

/// The stages before quotes, run on one article.
pub struct Prepared<'a> {
    pub layout: article::Layout,
    pub doc: Doc<'a>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
}

/// Runs layout, tokens, mentions and entities (everything before quotes).
#[cfg(feature = "train")]
pub fn prepare(text: &str) -> Prepared<'_> {
    prepare_with(text, article::layout(text))
}

/// [`prepare`] with the layout already found.
fn prepare_with(text: &str, layout: article::Layout) -> Prepared<'_> {
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


/// Every stage after layout, on `text` laid out as `layout`: the analysis
/// with byte offsets into `text`.
pub fn analyse(text: &str, layout: article::Layout) -> Analysis {
    let Prepared {
        layout,
        doc,
        mentions,
        mut entities,
    } = prepare_with(text, layout);
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
        text: None,
    }
}
