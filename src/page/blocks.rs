//! From the tree to text blocks: the runs of text a reader sees as one
//! paragraph, heading, list item, quote, caption or cell, each tied to the
//! element it sits in.
//!
//! Invisible and non-text content is skipped here, once: scripts, styles,
//! templates, embedded media, form controls, and elements hidden by the
//! `hidden` attribute, `aria-hidden="true"` or an inline `display: none` /
//! `visibility: hidden`.

use super::dom::{Data, Dom, Element, NodeId, DOCUMENT, NONE};
use super::BlockKind;

/// A block of visible text before any decision about it.
#[derive(Debug, Clone)]
pub struct TextBlock {
    /// The nearest block-level element holding the text.
    pub node: NodeId,
    pub kind: BlockKind,
    /// The text, whitespace collapsed (line breaks kept where the page has
    /// `<br>` or preformatted text).
    pub text: String,
    /// Characters other than whitespace.
    pub chars: u32,
    /// Of those, the characters inside links.
    pub link_chars: u32,
}

/// The blocks of the page's body, in document order.
#[inline(never)]
pub fn collect(dom: &Dom) -> Vec<TextBlock> {
    let mut w = Walker {
        dom,
        blocks: Vec::new(),
        open: Vec::new(),
        buf: String::new(),
        chars: 0,
        link_chars: 0,
        links_open: 0,
        pre_open: 0,
        pending_space: false,
        after_break: false,
    };
    let mut cur = dom.node(DOCUMENT).first_child;
    while cur != NONE {
        let descend = w.enter(cur);
        let first = dom.node(cur).first_child;
        if descend && first != NONE {
            cur = first;
            continue;
        }
        if descend {
            w.exit(cur);
        }
        loop {
            let n = dom.node(cur);
            if n.next_sibling != NONE {
                cur = n.next_sibling;
                break;
            }
            cur = n.parent;
            if cur == DOCUMENT || cur == NONE {
                cur = NONE;
                break;
            }
            w.exit(cur);
        }
    }
    w.flush();
    w.blocks
}

/// Elements whose content is never visible text.
fn is_skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "frame"
            | "object"
            | "embed"
            | "applet"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "img"
            | "map"
            | "button"
            | "select"
            | "option"
            | "datalist"
            | "input"
            | "textarea"
            | "label"
    )
}

/// Elements that start a new block of text (CSS `display: block` and
/// friends in a browser's default style sheet).
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "html"
            | "body"
            | "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "caption"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "ul"
            | "search"
    )
}

/// Whether an element is hidden by its own attributes.
pub fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden")
        .is_some_and(|v| !v.eq_ignore_ascii_case("until-found"))
        || e.attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || (e.tag() == "dialog" && e.attr("open").is_none())
    {
        return true;
    }
    e.attr("style").is_some_and(style_hides)
}

/// Whether an inline style says `display: none` or `visibility: hidden`.
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let value = value.trim().trim_end_matches("!important").trim();
        match prop.trim().to_ascii_lowercase().as_str() {
            "display" => value.eq_ignore_ascii_case("none"),
            "visibility" => value.eq_ignore_ascii_case("hidden"),
            _ => false,
        }
    })
}

/// The kind an element gives the text inside it, if it gives one.
fn own_kind(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "pre" => BlockKind::Preformatted,
        "figcaption" | "caption" => BlockKind::Caption,
        "blockquote" => BlockKind::Quote,
        "li" | "dd" | "dt" => BlockKind::ListItem,
        "td" | "th" => BlockKind::Cell,
        "p" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// An open block-level element and the kind of text directly inside it.
struct Open {
    node: NodeId,
    kind: BlockKind,
}

struct Walker<'a> {
    dom: &'a Dom,
    blocks: Vec<TextBlock>,
    open: Vec<Open>,
    buf: String,
    chars: u32,
    link_chars: u32,
    links_open: u32,
    pre_open: u32,
    pending_space: bool,
    /// A `<br>` ended the last line and no text followed yet.
    after_break: bool,
}

impl Walker<'_> {
    /// Handles the start of `id`; false when its content is skipped.
    fn enter(&mut self, id: NodeId) -> bool {
        let e = match &self.dom.node(id).data {
            Data::Text(t) => {
                self.push_text(t);
                return false;
            }
            Data::Element(e) => e,
            _ => return false,
        };
        if !e.is_html() || is_skipped_tag(e.tag()) || is_hidden(e) {
            return false;
        }
        let tag = e.tag();
        match tag {
            "br" => self.line_break(),
            "a" => self.links_open += 1,
            "pre" => self.pre_open += 1,
            _ => {}
        }
        if is_block_tag(tag) {
            self.flush();
            let inherited = self.open.last().map(|o| o.kind);
            let kind = match (own_kind(tag), inherited) {
                (None | Some(BlockKind::Paragraph), Some(k)) if k.carries_into_children() => k,
                (Some(k), _) => k,
                _ => BlockKind::Paragraph,
            };
            self.open.push(Open { node: id, kind });
        }
        true
    }

    /// Handles the end of an element that was entered.
    fn exit(&mut self, id: NodeId) {
        let Some(e) = self.dom.element(id) else {
            return;
        };
        match e.tag() {
            "a" => self.links_open = self.links_open.saturating_sub(1),
            "pre" => self.pre_open = self.pre_open.saturating_sub(1),
            _ => {}
        }
        if self.open.last().is_some_and(|o| o.node == id) {
            self.flush();
            self.open.pop();
        }
    }

    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() && (self.pre_open == 0 || c != '\n') {
                if self.pre_open > 0 && c != '\r' {
                    self.buf.push(' ');
                } else {
                    self.pending_space = true;
                }
                continue;
            }
            if c == '\n' {
                self.buf.push('\n');
                continue;
            }
            if self.pending_space && !self.buf.is_empty() && !self.buf.ends_with('\n') {
                self.buf.push(' ');
            }
            self.pending_space = false;
            self.after_break = false;
            self.buf.push(c);
            self.chars += 1;
            if self.links_open > 0 {
                self.link_chars += 1;
            }
        }
    }

    /// A `<br>`: a new line, and two in a row end the block.
    fn line_break(&mut self) {
        if self.after_break {
            self.flush();
        } else if !self.buf.trim().is_empty() {
            self.buf.push('\n');
            self.after_break = true;
        }
        self.pending_space = false;
    }

    /// Ends the current run of text as a block of the innermost open element.
    fn flush(&mut self) {
        self.pending_space = false;
        self.after_break = false;
        let text = tidy_lines(&self.buf);
        if !text.is_empty() {
            let (node, kind) = self
                .open
                .last()
                .map_or((DOCUMENT, BlockKind::Paragraph), |o| (o.node, o.kind));
            self.blocks.push(TextBlock {
                node,
                kind,
                text,
                chars: self.chars,
                link_chars: self.link_chars,
            });
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
    }
}

/// The text with each line's ends trimmed and no blank lines (a blank line
/// separates blocks in the article text).
fn tidy_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
    {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    let trimmed = out.trim_start();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}
