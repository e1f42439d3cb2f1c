// Finding the article in a live page, for annotate(element, { findArticle: true }).
//
// The page is serialised as it stands (doctype + documentElement.outerHTML)
// and the wasm's page stage (findArticle) finds the article in it: the
// article's text (headline, then the kept blocks) and, for each kept block,
// the index of its element in document.querySelectorAll('*'). An HTML5
// parser builds the same tree from a browser's serialisation, so the index
// names the live element; it is verified all the same: each block's text must
// be found, white space aside, in the text nodes of that element (or of an
// element a few places away, when the page's scripts built a tree that does
// not survive serialising, e.g. a <div> inside a <p>). What matches is mapped
// character by character to the live text nodes, in the text map readText()
// makes (annotate.js), so marks land only in the article's own elements. A
// block that cannot be found is analysed but not marked.

const XHTML = 'http://www.w3.org/1999/xhtml';
// What the page stage never reads (src/page/blocks.rs, is_skipped_tag): the same text is skipped here.
const NOT_READ = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'img', 'map', 'button', 'select', 'option',
  'datalist', 'input', 'textarea', 'label',
]);
/** How far an element index may be off (elements the serialisation added or lost before it). */
const SHIFT_LIMIT = 12;
/** A block at least this long is running text (not a link's label, a teaser's heading or a caption)… */
const PROSE_MIN_CHARS = 80;
/** …and a page whose article holds this much of it is an article (a short news brief does). */
const ARTICLE_MIN_CHARS = 400;
/** Block kinds that can be running text (not headings, captions or table cells). */
const PROSE_KINDS = new Set(['paragraph', 'quote', 'preformatted', 'list_item']);
/** Chinese, Japanese and Korean characters count this many times (a word in one or two of them). */
const CJK_WEIGHT = 3;

/** The live page as HTML, with its doctype (which decides how the page stage parses it). */
export function pageHtml(doc) {
  const doctype = doc.doctype ? new XMLSerializer().serializeToString(doc.doctype) : '';
  return doctype + doc.documentElement.outerHTML;
}

/** The characters of text[start, end), CJK ones counted CJK_WEIGHT times. */
function weight(text, start, end) {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    n += (c >= 0x2e80 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) ? CJK_WEIGHT : 1;
  }
  return n;
}

/**
 * Whether an article's blocks in `text` (findArticle's, or blocksOf(text):
 * { start, end, kind? }, no kind counting as prose) read as an article: enough
 * running text, in blocks long enough to be sentences. A home page's teasers,
 * a list of links, a search page or a fragment of a page has too little.
 * (Readability's isProbablyReaderable asks much the same of a page's paragraphs.)
 */
export function looksLikeArticle(text, blocks) {
  let chars = 0;
  for (const b of blocks) {
    if (b.kind != null && !PROSE_KINDS.has(b.kind)) continue;
    const n = weight(text, b.start, b.end);
    if (n >= PROSE_MIN_CHARS) chars += n;
    if (chars >= ARTICLE_MIN_CHARS) return true;
  }
  return false;
}

/** The blocks of an article text as extractHtml builds it (separated by blank lines), without kinds. */
export function blocksOf(text) {
  const blocks = [];
  let start = 0;
  for (let at = text.indexOf('\n\n'); ; at = text.indexOf('\n\n', start)) {
    const end = at < 0 ? text.length : at;
    if (end > start) blocks.push({ start, end });
    if (at < 0) return blocks;
    start = at + 2;
  }
}

/** Whether the page stage reads an element's text (src/page/blocks.rs: is_skipped_tag, is_hidden). */
function read(el) {
  if (el.namespaceURI !== XHTML || NOT_READ.has(el.localName)) return false;
  const hidden = el.getAttribute('hidden');
  if (hidden != null && hidden.toLowerCase() !== 'until-found') return false;
  if (el.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return false;
  if (el.localName === 'dialog' && !el.hasAttribute('open')) return false;
  const style = el.getAttribute('style');
  return !(style && styleHides(style));
}

/** Whether an inline style says display: none or visibility: hidden, as the page stage reads it. */
function styleHides(style) {
  return style.split(';').some((decl) => {
    const colon = decl.indexOf(':');
    if (colon < 0) return false;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim().replace(/!important$/i, '').trim().toLowerCase();
    return (prop === 'display' && value === 'none') || (prop === 'visibility' && value === 'hidden');
  });
}

/** White space as the page stage collapses it (Rust's char::is_whitespace). */
const isSpace = (c) => (c <= 0x20 && (c === 0x20 || (c >= 0x09 && c <= 0x0d))) ||
  c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;

/** Runs of white space as the page stage collapses it (Rust's char::is_whitespace). */
const SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * The text the page stage reads under `root`, as a stream: its text nodes in
 * document order (`nodes`, node k starting at `base[k]` of the stream), and
 * the stream without white space (`compact`, node k's part of it starting at
 * `cbase[k]`).
 */
function textStream(root) {
  const nodes = [];
  const base = [];
  const cbase = [];
  const parts = [];
  let length = 0;
  let clength = 0;
  // Depth first, in a loop: a page's scripts can nest elements deeper than any stack.
  let node = root.firstChild;
  while (node && node !== root) {
    if (node.nodeType === 3 && node.data) {
      const part = node.data.replace(SPACES, '');
      nodes.push(node);
      base.push(length);
      cbase.push(clength);
      parts.push(part);
      length += node.data.length;
      clength += part.length;
    }
    if (node.nodeType === 1 && node.firstChild && read(node)) {
      node = node.firstChild;
      continue;
    }
    while (node !== root && !node.nextSibling) node = node.parentNode;
    if (node !== root) node = node.nextSibling;
  }
  return { nodes, base, cbase, compact: parts.join(''), length };
}

/**
 * A cursor over the stream's characters other than white space, in order:
 * `seek(c)` places it on compact index c, `next()` moves it on; `k` and
 * `offset` are where its character is (node k's data[offset]), `pos` where
 * that is in the stream.
 */
function cursor(stream) {
  const { nodes, cbase } = stream;
  const cur = {
    k: 0,
    offset: -1,
    c: -1,
    get pos() { return stream.base[cur.k] + cur.offset; },
    seek(c) {
      if (cur.c < 0 || c < cur.c) {
        // The last node starting at or before c; next() steps over nodes of white space only.
        let lo = 0;
        let hi = cbase.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (cbase[mid] <= c) lo = mid;
          else hi = mid - 1;
        }
        cur.k = lo;
        cur.offset = -1;
        cur.c = cbase[lo] - 1;
      }
      while (cur.c < c) cur.next();
    },
    next() {
      for (;;) {
        const data = nodes[cur.k].data;
        for (cur.offset++; cur.offset < data.length; cur.offset++) {
          if (!isSpace(data.charCodeAt(cur.offset))) {
            cur.c++;
            return;
          }
        }
        cur.k++;
        cur.offset = -1;
      }
    },
  };
  return cur;
}

/** The compact range [start, end) of the text inside `el` (empty when none of it is in the stream). */
function rangeOf(stream, el) {
  const { nodes } = stream;
  // Nodes in document order: those before `el`, then those inside it, then those after.
  const before = (n) => Boolean(el.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_PRECEDING);
  const inside = (n) => el.contains(n);
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(nodes[mid])) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  hi = nodes.length;
  while (end < hi) {
    const mid = (end + hi) >> 1;
    if (inside(nodes[mid]) || before(nodes[mid])) end = mid + 1;
    else hi = mid;
  }
  const all = stream.compact.length;
  return { start: lo < nodes.length ? stream.cbase[lo] : all, end: end < nodes.length ? stream.cbase[end] : all };
}

/** Where `text`'s characters (white space aside) are in the stream, at or after compact index `from` and before `to`. */
function findIn(stream, squeezed, from, to) {
  if (to - from < squeezed.length) return -1;
  const at = stream.compact.substring(from, to).indexOf(squeezed);
  return at < 0 ? -1 : from + at;
}

const squeeze = (text) => {
  let out = '';
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) out += text[i];
  return out;
};

/**
 * Maps text[start, end) of the article (its characters found at compact
 * index `c` of the stream; `cur` a cursor over it) into text-map segments:
 * characters one to one, and each space of the article onto the white space
 * the page has there (none where a block boundary or a <br> made it).
 */
function mapRun(stream, cur, map, text, start, end, c) {
  let prev = null;   // { k, offset, pos } of the last character mapped
  cur.seek(c);
  for (let p = start; p < end; p++) {
    if (isSpace(text.charCodeAt(p))) continue;
    if (prev) cur.next();
    const pos = cur.pos;
    if (prev && isSpace(text.charCodeAt(p - 1)) && pos - prev.pos > 1) {
      // The page's white space between the two characters, as far as it is in one node.
      let k = prev.k;
      let from = prev.offset + 1;
      while (from >= stream.nodes[k].data.length) {
        k++;
        from = 0;
      }
      const to = Math.min(stream.nodes[k].data.length, from + (pos - prev.pos - 1));
      push(map, stream, p - 1, p, k, from, to);
    }
    push(map, stream, p, p + 1, cur.k, cur.offset, cur.offset + 1);
    prev = { k: cur.k, offset: cur.offset, pos };
  }
}

/** Adds a segment, extending the last one when it continues it one to one. */
function push(map, stream, s, e, k, from, to) {
  const node = stream.nodes[k];
  const last = map.start.length - 1;
  if (last >= 0 && map.node[last] === node && map.end[last] === s && map.to[last] === from &&
      map.to[last] - map.from[last] === map.end[last] - map.start[last] && to - from === e - s) {
    map.end[last] = e;
    map.to[last] = to;
    return;
  }
  map.start.push(s); map.end.push(e); map.node.push(node); map.from.push(from); map.to.push(to);
}

/**
 * The live elements of `found`'s blocks inside `root` and where each block's
 * text is in the stream: [{ block, el, at }] in text order, blocks not found
 * left out. `all` is the document's querySelectorAll('*').
 */
function locateBlocks(stream, root, found, all) {
  const located = [];
  const ranges = new Map();
  const rangeFor = (el) => {
    if (!ranges.has(el)) ranges.set(el, rangeOf(stream, el));
    return ranges.get(el);
  };
  let cursor = 0;
  let shift = 0;   // how far the page's indices have been off so far
  for (const block of found.blocks) {
    const squeezed = squeeze(found.text.slice(block.start, block.end));
    if (!squeezed) continue;
    for (const d of candidates(shift)) {
      const el = all[block.element + d];
      if (!el || !root.contains(el)) continue;
      const { start, end } = rangeFor(el);
      const at = findIn(stream, squeezed, Math.max(cursor, start), end);
      if (at < 0) continue;
      located.push({ block, el, at });
      cursor = at + squeezed.length;
      shift = d;
      break;
    }
  }
  return located;
}

/** Index shifts to try: the one that worked last, then nearer ones first. */
function* candidates(shift) {
  yield shift;
  for (let d = 1; d <= SHIFT_LIMIT; d++) {
    if (shift + d !== 0) yield shift + d;
    if (shift - d !== 0) yield shift - d;
  }
  if (shift !== 0) yield 0;
}

/** The heading holding the headline, before the first block found: where its characters are, or -1. */
function locateTitle(stream, root, found, firstAt) {
  const title = squeeze(found.text.slice(found.title.start, found.title.end));
  if (!title) return -1;
  for (const selector of ['h1', 'h2, h3']) {
    const headings = [...root.querySelectorAll(selector)].reverse();
    for (const h of headings) {
      const { start, end } = rangeOf(stream, h);
      const at = findIn(stream, title, start, Math.min(end, firstAt));
      if (at >= 0) return at;
    }
  }
  return -1;
}

/**
 * Reads the article `found` (findArticle's result for this page) in the live
 * page under `root`: { text, map, textNodes, datas } as readText() gives them
 * (`text` is the article's text, `map` covers what was found in the page), and
 * { blocks, mapped, elements }: how many blocks there were, how many were found
 * in the page, and their elements in document order.
 */
export function readArticle(root, found) {
  const stream = textStream(root);
  const all = root.ownerDocument.querySelectorAll('*');
  const located = locateBlocks(stream, root, found, all);
  const map = { start: [], end: [], node: [], from: [], to: [] };
  const cur = cursor(stream);
  const text = found.text;
  if (found.title) {
    const at = locateTitle(stream, root, found, located[0]?.at ?? stream.compact.length);
    if (at >= 0) mapRun(stream, cur, map, text, found.title.start, found.title.end, at);
  }
  for (const { block, at } of located) mapRun(stream, cur, map, text, block.start, block.end, at);
  const textNodes = [...new Set(map.node)];
  return {
    text,
    map,
    textNodes,
    datas: textNodes.map((n) => n.data),
    blocks: found.blocks.length,
    mapped: located.length,
    elements: [...new Set(located.map((l) => l.el))],
  };
}
