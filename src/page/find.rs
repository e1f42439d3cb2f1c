//! Which blocks are the story.
//!
//! 1. [`Stats`]: every element's text, link text, commas, paragraphs and list
//!    items, summed over its subtree.
//! 2. [`regions`]: the elements whose tag, ARIA role or class/id words name
//!    page furniture (navigation, related links, comments, share bars,
//!    prompts, ads, footers), inherited by everything inside them.
//! 3. [`score_candidates`]: each paragraph of prose votes for the elements
//!    above it, more for the nearer ones; an element's vote is weighed by its
//!    tag, its words and its link density. The best is the story's container.
//! 4. [`widen`]: a container that shares its votes with a few close rivals
//!    gives way to their common ancestor, and siblings that look like more of
//!    the story join it.
//! 5. [`keep_blocks`]: inside the chosen elements, a block is kept unless it
//!    sits in furniture (a class word alone never sets aside the bulk of the
//!    story), in a link list, or is itself almost all link.
//!
//! Everything else is set aside with the kind of the furniture it sits in.

use super::blocks::{is_block_tag, TextBlock};
use super::dom::{Data, Dom, Element, NodeId, DOCUMENT, NONE};
use super::words::{heading_kind, hints, Hints};
use super::{BlockKind, SetAside, SetAsideKind};

/// A story shorter than this (non-space characters) makes a second, lenient try.
const MIN_STORY_CHARS: u32 = 500;
/// A block shorter than this (non-space characters) casts no vote for its container.
const MIN_VOTING_CHARS: u32 = 25;
/// A vote grows by one per this many characters...
const CHARS_PER_POINT: u32 = 100;
/// ...up to this many points.
const MAX_LENGTH_POINTS: f32 = 3.0;
/// How many ancestors above a block receive its vote.
const VOTE_LEVELS: usize = 5;
/// The weight of class/id words naming the story (added) or furniture (taken).
const WORD_WEIGHT: f32 = 25.0;
/// Rivals within this share of the best score may pull the choice up to their common ancestor...
const RIVAL_SHARE: f32 = 0.75;
/// ...when at least this many of them share it.
const MIN_RIVALS: usize = 3;
/// How many top-scoring elements are considered as rivals.
const TOP_CANDIDATES: usize = 5;
/// A sibling joins the story when its score reaches this share of the container's...
const SIBLING_SHARE: f32 = 0.2;
/// ...and at least this score.
const MIN_SIBLING_SCORE: f32 = 10.0;
/// A sibling paragraph of this many characters joins when its links are sparse...
const LONG_SIBLING_CHARS: u32 = 80;
/// ...below this link density.
const SIBLING_LINK_DENSITY: f32 = 0.25;
/// A block whose text is at least this share link text is a link, not prose.
const LINK_BLOCK_DENSITY: f32 = 0.8;
/// A part of the story holding this share of its text is never set aside for its words alone...
const DOMINANT_SHARE: f32 = 0.5;
/// ...when its link density is below this.
const DOMINANT_LINK_DENSITY: f32 = 0.25;
/// A list or box inside the story with fewer commas than this is checked for being furniture.
const FEW_COMMAS: u32 = 10;
/// Such an element is a link list above this link density (with no story words)...
const LINK_LIST_DENSITY: f32 = 0.2;
/// ...or with them above this.
const LINK_LIST_DENSITY_NAMED: f32 = 0.5;
/// Text shorter than this in a box with no paragraph is a label, not prose.
const MIN_BOX_CHARS: u32 = 25;

/// The decision: which blocks are kept, and what was set aside.
#[derive(Debug, Default)]
pub struct Found {
    /// Indices into the blocks, in order.
    pub kept: Vec<usize>,
    pub set_aside: Vec<SetAside>,
}

/// Sums over an element's subtree.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub chars: u32,
    pub link_chars: u32,
    pub commas: u32,
    pub paragraphs: u32,
    pub list_items: u32,
    pub heading_chars: u32,
}

impl Stats {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Decides which blocks are the story.
#[inline(never)]
pub fn article(dom: &Dom, order: &[NodeId], blocks: &[TextBlock]) -> Found {
    let stats = subtree_stats(dom, order, blocks);
    let regions = regions(dom, order);
    let strict = attempt(dom, blocks, &stats, &regions, true);
    let strict_chars = kept_chars(blocks, &strict);
    if strict_chars >= MIN_STORY_CHARS {
        return strict;
    }
    let lenient = attempt(dom, blocks, &stats, &regions, false);
    if kept_chars(blocks, &lenient) > strict_chars {
        lenient
    } else {
        strict
    }
}

/// One try: the container by votes, widened, then the kept blocks. A strict
/// try lets no block in furniture vote; a lenient one lets every block vote
/// (for pages whose class words mislead: a `<body>` or a wrapper named
/// after an ad slot or a share widget that holds the story).
fn attempt(
    dom: &Dom,
    blocks: &[TextBlock],
    stats: &[Stats],
    regions: &[Option<(NodeId, SetAsideKind)>],
    strict: bool,
) -> Found {
    let scores = score_candidates(dom, blocks, stats, regions, strict);
    let Some(top) = best(&scores) else {
        return keep_blocks(dom, blocks, stats, regions, &[DOCUMENT]);
    };
    let chosen = widen(dom, &scores, stats, top);
    keep_blocks(dom, blocks, stats, regions, &chosen)
}

fn kept_chars(blocks: &[TextBlock], found: &Found) -> u32 {
    found.kept.iter().map(|&i| blocks[i].chars).sum()
}

/// Step 1: each element's sums.
fn subtree_stats(dom: &Dom, order: &[NodeId], blocks: &[TextBlock]) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); dom.nodes.len()];
    for b in blocks {
        let s = &mut stats[b.node as usize];
        s.chars += b.chars;
        s.link_chars += b.link_chars;
        s.commas += b
            .text
            .chars()
            .filter(|&c| matches!(c, ',' | '，' | '、'))
            .count() as u32;
        if b.kind == BlockKind::Heading {
            s.heading_chars += b.chars;
        }
    }
    for &id in order {
        if let Some(e) = dom.element(id) {
            match e.tag() {
                "p" => stats[id as usize].paragraphs += 1,
                "li" => stats[id as usize].list_items += 1,
                _ => {}
            }
        }
    }
    for &id in order.iter().rev() {
        let parent = dom.node(id).parent;
        if parent != NONE {
            let s = stats[id as usize];
            let p = &mut stats[parent as usize];
            p.chars += s.chars;
            p.link_chars += s.link_chars;
            p.commas += s.commas;
            p.paragraphs += s.paragraphs;
            p.list_items += s.list_items;
            p.heading_chars += s.heading_chars;
        }
    }
    stats
}

/// The furniture an element is, by its own tag, role or words.
fn own_region(e: &Element, h: &Hints) -> Option<SetAsideKind> {
    use SetAsideKind::*;
    let by_tag = match e.tag() {
        "nav" => Some(Navigation),
        "aside" => Some(Other),
        "footer" => Some(Footer),
        _ => None,
    };
    let by_role = match e.attr("role").map(str::trim) {
        Some("navigation" | "menu" | "menubar") => Some(Navigation),
        Some("complementary" | "dialog" | "alertdialog") => Some(Other),
        Some("contentinfo") => Some(Footer),
        _ => None,
    };
    // The page's own wrappers carry template words ("feature-footer",
    // "social-anchor") that say nothing about their content.
    let page_wrapper = matches!(e.tag(), "html" | "body" | "main" | "article");
    let by_words = if h.content || page_wrapper {
        None
    } else {
        h.boilerplate
    };
    by_tag.or(by_role).or(by_words)
}

/// Step 2: for every node, the innermost furniture element around it (or
/// itself) and its kind; `None` outside furniture.
pub fn regions(dom: &Dom, order: &[NodeId]) -> Vec<Option<(NodeId, SetAsideKind)>> {
    let mut out: Vec<Option<(NodeId, SetAsideKind)>> = vec![None; dom.nodes.len()];
    for &id in order {
        let parent = dom.node(id).parent;
        let inherited = if parent == NONE {
            None
        } else {
            out[parent as usize]
        };
        let own = dom
            .element(id)
            .and_then(|e| own_region(e, &hints(e)))
            .map(|k| (id, k));
        out[id as usize] = own.or(inherited);
    }
    out
}

/// Step 3: every element's score (0 for elements no prose voted for).
fn score_candidates(
    dom: &Dom,
    blocks: &[TextBlock],
    stats: &[Stats],
    regions: &[Option<(NodeId, SetAsideKind)>],
    strict: bool,
) -> Vec<f32> {
    let mut votes = vec![0.0f32; dom.nodes.len()];
    for b in blocks {
        if b.chars < MIN_VOTING_CHARS || strict && regions[b.node as usize].is_some() {
            continue;
        }
        let commas = b
            .text
            .chars()
            .filter(|&c| matches!(c, ',' | '，' | '、'))
            .count();
        let vote =
            1.0 + commas as f32 + ((b.chars / CHARS_PER_POINT) as f32).min(MAX_LENGTH_POINTS);
        let mut cur = dom.node(b.node).parent;
        for level in 0..VOTE_LEVELS {
            if cur == NONE || cur == DOCUMENT {
                break;
            }
            let share = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            votes[cur as usize] += vote / share;
            cur = dom.node(cur).parent;
        }
    }
    for (id, v) in votes.iter_mut().enumerate() {
        if *v > 0.0 {
            let e = dom.element(id as NodeId);
            let bias = e.map_or(0.0, |e| tag_bias(e) + word_bias(&hints(e)));
            *v = (*v + bias).max(0.0) * (1.0 - stats[id].link_density());
        }
    }
    votes
}

/// What an element's tag says about its being the story's container.
fn tag_bias(e: &Element) -> f32 {
    match e.tag() {
        "article" | "main" => 10.0,
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn word_bias(h: &Hints) -> f32 {
    let mut w = 0.0;
    if h.content {
        w += WORD_WEIGHT;
    }
    if h.boilerplate.is_some() {
        w -= WORD_WEIGHT;
    }
    w
}

/// The best-scoring element, if any element scored.
fn best(scores: &[f32]) -> Option<NodeId> {
    let (id, &s) = scores
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))?;
    (s > 0.0).then_some(id as NodeId)
}

/// The ancestors of `id` (parent first), up to the document.
fn ancestors(dom: &Dom, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    let mut cur = dom.node(id).parent;
    std::iter::from_fn(move || {
        let c = cur;
        (c != NONE && c != DOCUMENT).then(|| {
            cur = dom.node(c).parent;
            c
        })
    })
}

/// Step 4: the container after looking at rivals and parents, and the
/// elements that make up the story (the container and the siblings that
/// join it).
fn widen(dom: &Dom, scores: &[f32], stats: &[Stats], top: NodeId) -> Vec<NodeId> {
    let mut top = common_rival_ancestor(dom, scores, top);
    top = climb_while_better(dom, scores, top);
    // An only child says nothing its parent does not.
    while let Some(parent) = ancestors(dom, top).next() {
        if dom
            .children(parent)
            .filter(|&c| dom.element(c).is_some())
            .count()
            != 1
            || is_body(dom, parent)
        {
            break;
        }
        top = parent;
    }
    let parent = dom.node(top).parent;
    if parent == NONE {
        return vec![top];
    }
    let top_score = scores[top as usize];
    let threshold = MIN_SIBLING_SCORE.max(top_score * SIBLING_SHARE);
    let top_class = dom.element(top).and_then(|e| e.attr("class")).unwrap_or("");
    dom.children(parent)
        .filter(|&c| {
            c == top || {
                let same_class = !top_class.is_empty()
                    && dom.element(c).and_then(|e| e.attr("class")) == Some(top_class);
                let bonus = if same_class {
                    top_score * SIBLING_SHARE
                } else {
                    0.0
                };
                scores[c as usize] > 0.0 && scores[c as usize] + bonus >= threshold
                    || is_sibling_prose(dom, stats, c)
            }
        })
        .collect()
}

fn is_body(dom: &Dom, id: NodeId) -> bool {
    dom.element(id)
        .is_some_and(|e| matches!(e.tag(), "body" | "html"))
}

/// A paragraph next to the container that reads as more of the story.
fn is_sibling_prose(dom: &Dom, stats: &[Stats], id: NodeId) -> bool {
    if dom.element(id).is_none_or(|e| e.tag() != "p") {
        return false;
    }
    let s = stats[id as usize];
    s.chars >= LONG_SIBLING_CHARS && s.link_density() < SIBLING_LINK_DENSITY
}

/// When several of the best elements lie under one ancestor, the story
/// spans them: their nearest common ancestor shared by enough of them.
fn common_rival_ancestor(dom: &Dom, scores: &[f32], top: NodeId) -> NodeId {
    let top_score = scores[top as usize];
    let mut ranked: Vec<NodeId> = (0..scores.len() as NodeId)
        .filter(|&i| i != top && scores[i as usize] >= top_score * RIVAL_SHARE)
        .collect();
    ranked.sort_by(|a, b| scores[*b as usize].total_cmp(&scores[*a as usize]));
    ranked.truncate(TOP_CANDIDATES - 1);
    if ranked.len() < MIN_RIVALS {
        return top;
    }
    let rival_ancestors: Vec<rustc_hash::FxHashSet<NodeId>> = ranked
        .iter()
        .map(|&r| ancestors(dom, r).collect())
        .collect();
    for a in ancestors(dom, top) {
        if is_body(dom, a) {
            break;
        }
        let sharing = rival_ancestors
            .iter()
            .filter(|anc| anc.contains(&a))
            .count();
        if sharing >= MIN_RIVALS {
            return a;
        }
    }
    top
}

/// Moves up to a parent that scores better than the container (the story's
/// blocks were split among its children), stopping where scores fall away.
fn climb_while_better(dom: &Dom, scores: &[f32], top: NodeId) -> NodeId {
    let mut last = scores[top as usize];
    let floor = last / 3.0;
    for a in ancestors(dom, top) {
        if is_body(dom, a) {
            break;
        }
        let s = scores[a as usize];
        if s == 0.0 {
            continue;
        }
        if s < floor {
            break;
        }
        if s > last {
            return a;
        }
        last = s;
    }
    top
}

/// Step 5: the kept blocks and what was set aside.
fn keep_blocks(
    dom: &Dom,
    blocks: &[TextBlock],
    stats: &[Stats],
    regions: &[Option<(NodeId, SetAsideKind)>],
    chosen: &[NodeId],
) -> Found {
    let story_chars: u32 = chosen.iter().map(|&c| stats[c as usize].chars).sum();
    let places = places(dom, stats, chosen);
    let mut found = Found::default();
    // The kind of the run being set aside, while one is open.
    let mut open: Option<SetAsideKind> = None;
    for (i, b) in blocks.iter().enumerate() {
        let verdict = judge(b, stats, regions, &places, story_chars);
        let Some((_, kind)) = verdict else {
            found.kept.push(i);
            open = None;
            continue;
        };
        match found.set_aside.last_mut() {
            Some(last) if open == Some(kind) => {
                last.text.push('\n');
                last.text.push_str(&b.text);
                last.blocks += 1;
            }
            _ => found.set_aside.push(SetAside {
                kind,
                text: b.text.clone(),
                blocks: 1,
            }),
        }
        open = Some(kind);
    }
    // A run the page's structure does not name ("aside", "complementary")
    // may say what it is in its heading.
    for run in &mut found.set_aside {
        if run.kind == SetAsideKind::Other {
            let heading = run.text.lines().next().unwrap_or("");
            run.kind = heading_kind(heading).unwrap_or(SetAsideKind::Other);
        }
    }
    found
}

/// Where a node sits relative to the story.
#[derive(Debug, Clone, Copy)]
struct Place {
    /// The chosen element (part of the story) it is in, or `NONE`.
    part: NodeId,
    /// The outermost link list or label box around it inside that part, or `NONE`.
    link_box: NodeId,
}

/// Every node's [`Place`], in one pass down the tree.
fn places(dom: &Dom, stats: &[Stats], chosen: &[NodeId]) -> Vec<Place> {
    let mut is_chosen = vec![false; dom.nodes.len()];
    for &c in chosen {
        is_chosen[c as usize] = true;
    }
    let none = Place {
        part: NONE,
        link_box: NONE,
    };
    let mut out = vec![none; dom.nodes.len()];
    let mut cur = DOCUMENT;
    while cur != NONE {
        let parent = dom.node(cur).parent;
        let up = if parent == NONE {
            none
        } else {
            out[parent as usize]
        };
        out[cur as usize] = if is_chosen[cur as usize] {
            Place {
                part: cur,
                link_box: NONE,
            }
        } else if up.part != NONE
            && up.link_box == NONE
            && is_link_box(dom, &stats[cur as usize], cur)
        {
            Place {
                part: up.part,
                link_box: cur,
            }
        } else {
            up
        };
        cur = dom.next_in_order(cur, false);
    }
    out
}

/// Why a block is set aside (the furniture element and its kind), or `None`
/// to keep it.
fn judge(
    b: &TextBlock,
    stats: &[Stats],
    regions: &[Option<(NodeId, SetAsideKind)>],
    places: &[Place],
    story_chars: u32,
) -> Option<(NodeId, SetAsideKind)> {
    let region = regions[b.node as usize];
    let place = places[b.node as usize];
    if place.part == NONE {
        return Some(region.unwrap_or((DOCUMENT, SetAsideKind::Other)));
    }
    // Furniture inside the story (never the story's container itself),
    // unless it is the bulk of the story.
    if let Some((r, kind)) = region {
        let inside = r != place.part && places[r as usize].part == place.part;
        if inside && !is_dominant(&stats[r as usize], story_chars) {
            return Some((r, kind));
        }
    }
    if place.link_box != NONE {
        return Some((place.link_box, SetAsideKind::Related));
    }
    let density = if b.chars == 0 {
        0.0
    } else {
        b.link_chars as f32 / b.chars as f32
    };
    if density >= LINK_BLOCK_DENSITY && b.kind != BlockKind::Heading {
        return Some((b.node, SetAsideKind::Related));
    }
    None
}

/// A part of the story too large and too free of links to be furniture.
fn is_dominant(s: &Stats, story_chars: u32) -> bool {
    story_chars > 0
        && s.chars as f32 >= story_chars as f32 * DOMINANT_SHARE
        && s.link_density() < DOMINANT_LINK_DENSITY
}

/// A list, table or box inside the story that holds links or labels
/// rather than prose.
fn is_link_box(dom: &Dom, s: &Stats, id: NodeId) -> bool {
    let Some(e) = dom.element(id) else {
        return false;
    };
    if !matches!(
        e.tag(),
        "div" | "section" | "ul" | "ol" | "dl" | "table" | "form" | "fieldset"
    ) || s.commas >= FEW_COMMAS
    {
        return false;
    }
    let named = hints(e).content;
    let density = s.link_density();
    if density
        > if named {
            LINK_LIST_DENSITY_NAMED
        } else {
            LINK_LIST_DENSITY
        }
    {
        return true;
    }
    let is_list = matches!(e.tag(), "ul" | "ol" | "dl");
    let text_chars = s.chars.saturating_sub(s.heading_chars);
    !is_list
        && s.paragraphs == 0
        && s.list_items == 0
        && text_chars < MIN_BOX_CHARS
        && !has_block_children(dom, id)
}

fn has_block_children(dom: &Dom, id: NodeId) -> bool {
    dom.children(id)
        .any(|c| matches!(&dom.node(c).data, Data::Element(e) if is_block_tag(e.tag())))
}
