//! The page's document tree: html5ever's tree builder (the WHATWG parsing
//! algorithm browsers follow, so misnested and unclosed markup ends up as the
//! same tree a browser builds) writing into a flat arena of our own.
//!
//! Nodes live in one `Vec` and point at each other by index, so building and
//! walking the tree needs no reference counting, dropping it needs no
//! recursion (a page nested 100,000 deep frees like a flat one), and every
//! walk in this module and its callers is a loop, never a recursive call.

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::interface::ElemName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{Attribute, LocalName, Namespace, QualName};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

/// How deep elements may nest. The tree builder looks through its stack of
/// open elements for most start tags, so 100,000 unclosed `<div>`s would
/// cost it 100,000² steps; start tags past this depth are dropped (their
/// text stays, in the deepest element). Chromium stops nesting at the same
/// depth (it makes deeper elements siblings instead), so no page a browser
/// shows as intended nests deeper.
const MAX_DEPTH: u32 = 512;

/// A node's index in [`Dom::nodes`].
pub type NodeId = u32;
/// The absent link.
pub const NONE: NodeId = NodeId::MAX;
/// The document node is always the first.
pub const DOCUMENT: NodeId = 0;

#[derive(Debug)]
pub struct Node {
    /// Depth below the document when the node was inserted (kept for the
    /// nesting limit; not updated when the tree builder moves subtrees).
    depth: u32,
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev_sibling: NodeId,
    pub next_sibling: NodeId,
    pub data: Data,
}

#[derive(Debug)]
pub enum Data {
    /// The document, or a template's contents (a fragment outside the tree).
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, doctypes and processing instructions: kept only so the
    /// tree keeps the browser's shape.
    Other,
}

#[derive(Debug)]
pub struct Element {
    pub name: QualName,
    pub attrs: Vec<Attribute>,
    /// A `<template>`'s contents, a separate fragment (not a child).
    template: NodeId,
    mathml_integration_point: bool,
}

impl Element {
    /// The tag name (lower case for HTML elements).
    pub fn tag(&self) -> &str {
        &self.name.local
    }

    /// Whether this is an element of the HTML namespace (not SVG or MathML).
    pub fn is_html(&self) -> bool {
        self.name.ns == html5ever::ns!(html)
    }

    /// The value of the attribute named `name` (lower case), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }
}

/// A parsed page.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes.get(id as usize)?.data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut next = self.node(id).first_child;
        std::iter::from_fn(move || {
            let cur = next;
            (cur != NONE).then(|| {
                next = self.node(cur).next_sibling;
                cur
            })
        })
    }

    /// The nodes of the document tree in document order (pre-order), the
    /// document node first. Template contents are not part of the tree.
    pub fn preorder(&self) -> Vec<NodeId> {
        let mut out = Vec::with_capacity(self.nodes.len());
        let mut cur = DOCUMENT;
        while cur != NONE {
            out.push(cur);
            cur = self.next_in_order(cur, false);
        }
        out
    }

    /// The node after `id` in document order; with `skip_children`, the
    /// next node outside `id`'s subtree.
    pub fn next_in_order(&self, id: NodeId, skip_children: bool) -> NodeId {
        let n = self.node(id);
        if !skip_children && n.first_child != NONE {
            return n.first_child;
        }
        let mut cur = id;
        while cur != NONE {
            let c = self.node(cur);
            if c.next_sibling != NONE {
                return c.next_sibling;
            }
            cur = c.parent;
        }
        NONE
    }

    /// For every node, the position of its element in
    /// `document.querySelectorAll('*')` (document order over elements,
    /// `<html>` being 0); `NONE` for other nodes and template contents.
    pub fn element_indices(&self, order: &[NodeId]) -> Vec<NodeId> {
        let mut out = vec![NONE; self.nodes.len()];
        let mut next = 0;
        for &id in order {
            if matches!(self.node(id).data, Data::Element(_)) {
                out[id as usize] = next;
                next += 1;
            }
        }
        out
    }
}

/// Parses a page as a browser does with scripting enabled (the contents of
/// `<noscript>` are text, as in a live page's DOM).
#[inline(never)]
pub fn parse(html: &str) -> Dom {
    let sink = Sink {
        nodes: RefCell::new(vec![new_node(Data::Document)]),
        current_depth: Cell::new(0),
    };
    let builder = TreeBuilder::new(sink, Default::default());
    let tokenizer = Tokenizer::new(DepthLimit(builder), Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The tokenizer pauses only at scripts, which nothing here runs.
    while !matches!(tokenizer.feed(&input), html5ever::TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.0.sink.finish()
}

/// Passes tokens to the tree builder, dropping start tags past [`MAX_DEPTH`].
struct DepthLimit(TreeBuilder<NodeId, Sink>);

impl TokenSink for DepthLimit {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<NodeId> {
        if let Token::TagToken(tag) = &token {
            if tag.kind == TagKind::StartTag && self.0.sink.current_depth.get() >= MAX_DEPTH {
                return TokenSinkResult::Continue;
            }
        }
        self.0.process_token(token, line)
    }

    fn end(&self) {
        self.0.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.0
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

fn new_node(data: Data) -> Node {
    Node {
        depth: 0,
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        prev_sibling: NONE,
        next_sibling: NONE,
        data,
    }
}

/// The tree builder's view of the arena. Each call borrows the node vector
/// only for its own duration.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// About how deep the tree builder's current node is: the depth of the
    /// last element inserted, or of the last text's parent, or of the
    /// parent of the last element popped.
    current_depth: Cell<u32>,
}

/// An element's name handed to the tree builder (a copy: atoms of known
/// tags copy without counting).
#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl Sink {
    fn add(&self, data: Data) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(new_node(data));
        (nodes.len() - 1) as NodeId
    }

    /// Records the depth the tree builder is inserting at, after `node`
    /// was inserted (an element is where the next insertion goes, text is
    /// inside its parent).
    fn note_depth(&self, node: NodeId) {
        let nodes = self.nodes.borrow();
        let n = &nodes[node as usize];
        let depth = match n.data {
            Data::Element(_) => n.depth,
            _ => n.depth.saturating_sub(1),
        };
        self.current_depth.set(depth);
    }

    /// A node for `child`, or `None` when it was text merged into `adjacent`
    /// (the text node it would sit next to).
    fn node_for(&self, child: NodeOrText<NodeId>, adjacent: NodeId) -> Option<NodeId> {
        match child {
            NodeOrText::AppendNode(n) => Some(n),
            NodeOrText::AppendText(text) => {
                if adjacent != NONE {
                    if let Data::Text(t) = &mut self.nodes.borrow_mut()[adjacent as usize].data {
                        t.push_tendril(&text);
                        return None;
                    }
                }
                Some(self.add(Data::Text(text)))
            }
        }
    }
}

/// Unlinks `id` from its parent and siblings.
fn detach(nodes: &mut [Node], id: NodeId) {
    let (parent, prev, next) = {
        let n = &mut nodes[id as usize];
        let links = (n.parent, n.prev_sibling, n.next_sibling);
        n.parent = NONE;
        n.prev_sibling = NONE;
        n.next_sibling = NONE;
        links
    };
    if prev != NONE {
        nodes[prev as usize].next_sibling = next;
    } else if parent != NONE {
        nodes[parent as usize].first_child = next;
    }
    if next != NONE {
        nodes[next as usize].prev_sibling = prev;
    } else if parent != NONE {
        nodes[parent as usize].last_child = prev;
    }
}

fn append_child(nodes: &mut [Node], parent: NodeId, child: NodeId) {
    detach(nodes, child);
    let last = nodes[parent as usize].last_child;
    let depth = nodes[parent as usize].depth + 1;
    {
        let c = &mut nodes[child as usize];
        c.depth = depth;
        c.parent = parent;
        c.prev_sibling = last;
    }
    if last != NONE {
        nodes[last as usize].next_sibling = child;
    } else {
        nodes[parent as usize].first_child = child;
    }
    nodes[parent as usize].last_child = child;
}

fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
    detach(nodes, child);
    let (parent, prev, depth) = {
        let s = &nodes[sibling as usize];
        (s.parent, s.prev_sibling, s.depth)
    };
    {
        let c = &mut nodes[child as usize];
        c.depth = depth;
        c.parent = parent;
        c.prev_sibling = prev;
        c.next_sibling = sibling;
    }
    nodes[sibling as usize].prev_sibling = child;
    if prev != NONE {
        nodes[prev as usize].next_sibling = child;
    } else if parent != NONE {
        nodes[parent as usize].first_child = child;
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name {
        match &self.nodes.borrow()[*target as usize].data {
            Data::Element(e) => Name(e.name.clone()),
            // The tree builder asks only about elements; a neutral name
            // keeps any other case harmless.
            _ => Name(QualName::new(None, html5ever::ns!(), LocalName::from(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let template = if flags.template {
            self.add(Data::Document)
        } else {
            NONE
        };
        self.add(Data::Element(Element {
            name,
            attrs,
            template,
            mathml_integration_point: flags.mathml_annotation_xml_integration_point,
        }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.add(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.add(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let last = self.nodes.borrow()[*parent as usize].last_child;
        match self.node_for(child, last) {
            Some(node) => {
                append_child(&mut self.nodes.borrow_mut(), *parent, node);
                self.note_depth(node);
            }
            None => self.note_depth(last),
        }
    }

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let prev = self.nodes.borrow()[*sibling as usize].prev_sibling;
        match self.node_for(child, prev) {
            Some(node) => {
                insert_before(&mut self.nodes.borrow_mut(), *sibling, node);
                self.note_depth(node);
            }
            None => self.note_depth(prev),
        }
    }

    fn pop(&self, node: &NodeId) {
        let depth = self.nodes.borrow()[*node as usize].depth;
        self.current_depth.set(depth.saturating_sub(1));
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.nodes.borrow()[*element as usize].parent != NONE {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let node = self.add(Data::Other);
        append_child(&mut self.nodes.borrow_mut(), DOCUMENT, node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match &self.nodes.borrow()[*target as usize].data {
            Data::Element(e) if e.template != NONE => e.template,
            // Only ever asked of templates.
            _ => DOCUMENT,
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        if let Data::Element(e) = &mut self.nodes.borrow_mut()[*target as usize].data {
            for a in attrs {
                if !e.attrs.iter().any(|b| b.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next_sibling;
            append_child(&mut nodes, *new_parent, child);
            child = next;
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, target: &NodeId) -> bool {
        match &self.nodes.borrow()[*target as usize].data {
            Data::Element(e) => e.mathml_integration_point,
            _ => false,
        }
    }
}
