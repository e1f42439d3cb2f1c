//! The page stage: from a web page's HTML to the article's text and the
//! page's metadata, before everything else runs.
//!
//! [`crate::extract_html`] shows it at work; the module's tests are examples
//! of what is kept and what is set aside.
//!
//! The steps, one module each: [`dom`] parses (html5ever's tree builder into
//! an arena of our own), [`blocks`] turns the visible text into blocks,
//! [`find`] decides which blocks are the story (with [`words`] reading class
//! and id names), and [`meta`] reads the metadata. This module puts the
//! headline and the kept blocks together into one text.

mod blocks;
#[cfg(any(feature = "cli", feature = "train"))]
mod decode;
mod dom;
mod find;
mod meta;
mod words;

#[cfg(test)]
mod tests;

#[cfg(any(feature = "cli", feature = "train"))]
pub use decode::decode_html;
pub use crate::analysis::{SetAside, SetAsideKind};
pub use meta::PageMeta;

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// The article as text: the headline first, then the body's blocks,
    /// separated by blank lines ("\n\n"). Every later stage analyses this.
    pub text: String,
    /// The headline's byte range in `text` (None when the page has none).
    pub title: Option<Range<usize>>,
    /// The kept blocks after the headline, in order.
    pub blocks: Vec<Block>,
    /// What was set aside, in page order.
    pub set_aside: Vec<SetAside>,
    pub meta: PageMeta,
}

/// One kept block of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// Byte range in [`Page::text`].
    pub range: Range<usize>,
    pub kind: BlockKind,
    /// The position of the block's element in document order, as
    /// `document.querySelectorAll('*')` lists the elements of the same HTML
    /// parsed by a browser with scripting on (`<html>` is 0). Several blocks
    /// share an element when `<br><br>` or a nested block splits its text.
    pub element: u32,
}

/// What a block is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Caption,
    Preformatted,
    /// A table cell's text.
    Cell,
}

impl BlockKind {
    /// Whether blocks nested in an element of this kind are of this kind
    /// too (a `<p>` in a `<blockquote>` is quoted text).
    fn carries_into_children(self) -> bool {
        matches!(
            self,
            BlockKind::Heading
                | BlockKind::ListItem
                | BlockKind::Quote
                | BlockKind::Caption
                | BlockKind::Preformatted
        )
    }
}


/// Finds the article in a page's HTML: its text (headline first), its
/// blocks, what was set aside, and the page's metadata. Any input gives a
/// `Page`; one without a recognisable article gives an empty text.
pub fn read_html(html: &str) -> Page {
    let dom = dom::parse(html);
    let order = dom.preorder();
    let elements = dom.element_indices(&order);
    let blocks = blocks::collect(&dom);
    let found = find::article(&dom, &order, &blocks);
    let meta = meta::read(&dom, &order, &blocks, &found);
    assemble(&blocks, &found, &elements, meta)
}

/// All the page's visible text, one block a line, nothing set aside (for
/// the evaluation: the text of a reference article's HTML).
#[cfg(feature = "train")]
pub fn visible_text(html: &str) -> String {
    let dom = dom::parse(html);
    let blocks = blocks::collect(&dom);
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    texts.join("\n")
}

/// The page's `og:title` and `<title>` as written (for the evaluation).
#[cfg(feature = "train")]
pub fn page_titles(html: &str) -> (Option<String>, Option<String>) {
    let dom = dom::parse(html);
    meta::raw_titles(&dom, &dom.preorder())
}

/// Joins the headline and the kept blocks into the article text.
#[inline(never)]
fn assemble(
    blocks: &[blocks::TextBlock],
    found: &find::Found,
    elements: &[u32],
    meta: PageMeta,
) -> Page {
    let mut page = Page::default();
    let headline = meta.headline.clone().filter(|h| !h.trim().is_empty());
    if let Some(h) = &headline {
        page.text.push_str(h);
        page.title = Some(0..h.len());
    }
    for &i in &found.kept {
        let b = &blocks[i];
        if page.blocks.is_empty() && headline.as_deref().is_some_and(|h| same_words(h, &b.text)) {
            continue;
        }
        if !page.text.is_empty() {
            page.text.push_str("\n\n");
        }
        let start = page.text.len();
        page.text.push_str(&b.text);
        page.blocks.push(Block {
            range: start..page.text.len(),
            kind: b.kind,
            element: elements[b.node as usize],
        });
    }
    page.set_aside = found.set_aside.clone();
    page.meta = meta;
    page
}

/// Whether two texts have the same words (case and spacing aside).
fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}
