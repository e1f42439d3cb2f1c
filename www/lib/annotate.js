// newslens embedding layer: annotate an article that is already on a page.
//
//   import { annotate } from './annotate.js';
//   const handle = await annotate(document.querySelector('article'), { labels: 'PERSON ORG GPE' });
//   handle.analysis;   // the full result of extract()
//   handle.remove();   // the DOM exactly as it was
//
// How it works: the element's text is read as a reader sees it (text nodes in
// document order, collapsible whitespace collapsed, block elements and <br>
// as line breaks; scripts, styles, form controls, hidden elements and, by
// default, <nav> and <aside> skipped), with a map from every character of that
// string back to (text node, offset). The string is analysed in a module
// Worker (or on the main thread), and each mention's UTF-16 span is mapped
// back to pieces of text nodes. Each piece is split off its text node with
// splitText() and wrapped in a <mark data-newslens>. Nothing else changes:
// no element is re-created or moved, no markup is parsed, links and inline
// formatting keep their nodes and listeners. remove() unwraps the marks and
// joins every split text node back into the original node.
//
// With { findArticle: true } the layer first finds the article in the whole
// page (lib/find.js: the page as it stands is serialised, the wasm's page
// stage finds the article's blocks and their elements) and marks mentions
// only in the article's own elements; the analysed text is then the
// article's (headline and body), as extractHtml() builds it.

import { LABELS, LABEL_HUES, labelName, hueRules } from './labels.js';
import { adopt, lazySheet, unadopt } from './format.js';
import { mainThreadEngine, workerEngine } from './engine.js';
import { looksLikeArticle, pageHtml, readArticle } from './find.js';

const HANDLE = Symbol.for('newslens.annotation');   // on our marks and on annotated elements
const PENDING = Symbol.for('newslens.pending');     // on elements being annotated: the newest call

// The label table is shared with the page and the panel (labels.js); exported here as before.
export { LABELS, LABEL_HUES, labelName, hueRules };

/** Skipped unless `skip` says otherwise: site furniture inside an article, pull quotes. */
export const DEFAULT_SKIP = 'nav, aside';

// ---------------------------------------------------------------- reading the text

const XHTML = 'http://www.w3.org/1999/xhtml';
// Never read: not text a reader reads, or text that must not get elements inside it.
const NEVER = new Set([
  'script', 'style', 'template', 'noscript', 'textarea', 'input', 'select', 'option', 'optgroup',
  'button', 'datalist', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'img', 'picture',
  'rt', 'rp', 'head', 'title', 'meta', 'link', 'math', 'svg',
]);
// Used when the element is not rendered (no computed style): the usual block elements.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p',
  'plaintext', 'pre', 'search', 'section', 'summary', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'ul', 'xmp',
]);
const COLLAPSE = 0;   // white-space: normal / nowrap
const BREAKS = 1;     // pre-line: spaces collapse, newlines are line breaks
const PRESERVE = 2;   // pre / pre-wrap / break-spaces
const WS = /[ \t\n\r\f]+/g;   // collapsible white space (not U+00A0)

function whiteSpaceMode(style) {
  const collapse = style.whiteSpaceCollapse;
  if (collapse) return collapse === 'collapse' ? COLLAPSE : collapse === 'preserve-breaks' ? BREAKS : PRESERVE;
  const ws = style.whiteSpace;
  return ws === 'pre-line' ? BREAKS : /^(pre|pre-wrap|break-spaces)$/.test(ws) ? PRESERVE : COLLAPSE;
}

/**
 * Reads `root`'s text as a reader sees it. Returns the string and its map:
 * segment k covers text[start[k], end[k]) and comes from node[k].data[from[k], to[k]);
 * a segment is either one-to-one (same length) or one collapsed space for a
 * longer run of white space.
 */
export function readText(root, { skip = DEFAULT_SKIP } = {}) {
  const selector = Array.isArray(skip) ? skip.join(', ') : (skip ?? '');
  const view = root.ownerDocument?.defaultView;
  const styled = Boolean(view && root.isConnected);
  const chunks = [];
  const start = [], end = [], node = [], from = [], to = [];
  const textNodes = [], datas = [];
  let len = 0;
  let brk = 0;           // pending break before the next text: 0, 1 ("\n") or 2 ("\n\n")
  let spNode = null;     // pending collapsed space: where it comes from
  let spFrom = 0;
  let spTo = 0;

  const emit = (str, n, a, b) => {
    const k = start.length - 1;
    if (k >= 0 && node[k] === n && to[k] === a && end[k] === len &&
        to[k] - from[k] === end[k] - start[k] && b - a === str.length) {
      end[k] += str.length;
      to[k] = b;
    } else {
      start.push(len); end.push(len + str.length); node.push(n); from.push(a); to.push(b);
    }
    chunks.push(str);
    len += str.length;
  };
  const flush = () => {
    if (len > 0) {
      if (brk) {
        const s = brk === 2 ? '\n\n' : '\n';
        chunks.push(s);
        len += s.length;
      } else if (spNode) {
        emit(' ', spNode, spFrom, spTo);
      }
    }
    brk = 0;
    spNode = null;
  };
  const lineBreak = (n) => {
    brk = Math.min(2, Math.max(brk, n));
    spNode = null;
  };

  const readTextNode = (n, mode) => {
    const data = n.data;
    textNodes.push(n);
    datas.push(data);
    if (!data) return;
    if (mode === PRESERVE) {
      flush();
      emit(data, n, 0, data.length);
      return;
    }
    let stretch = 0;   // start of the text not yet emitted (may hold single interior spaces)
    WS.lastIndex = 0;
    for (let m = WS.exec(data); m; m = WS.exec(data)) {
      const a = m.index;
      const b = a + m[0].length;
      // A lone space between two words of this node stays inside the stretch.
      if (m[0] === ' ' && a > stretch && b < data.length) continue;
      if (a > stretch) {
        flush();
        emit(data.slice(stretch, a), n, stretch, a);
      }
      const newlines = mode === BREAKS ? m[0].split('\n').length - 1 : 0;
      if (newlines) lineBreak(newlines);
      else if (!brk && len > 0 && !spNode) {
        spNode = n;
        spFrom = a;
        spTo = b;
      }
      stretch = b;
    }
    if (stretch < data.length) {
      flush();
      emit(stretch ? data.slice(stretch) : data, n, stretch, data.length);
    }
  };

  const readChildren = (el, mode) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) readTextNode(child, mode);
      else if (child.nodeType === 1) readElement(child, mode);
    }
  };

  const readElement = (el, mode) => {
    if (el.namespaceURI !== XHTML) return;
    const name = el.localName;
    if (NEVER.has(name)) return;
    if (name === 'br') {
      brk = Math.min(2, brk + 1);
      spNode = null;
      return;
    }
    if (el.hasAttribute('data-newslens-skip')) return;
    if (selector && el.matches(selector)) return;
    let block;
    let childMode = mode;
    if (styled) {
      const style = view.getComputedStyle(el);
      const display = style.display;
      if (display === 'none') return;
      block = !(display.startsWith('inline') || display === 'contents' || display.startsWith('ruby'));
      childMode = whiteSpaceMode(style);
    } else {
      if (el.hidden) return;
      block = BLOCKS.has(name);
      if (name === 'pre' || name === 'listing' || name === 'xmp' || name === 'plaintext') childMode = PRESERVE;
    }
    if (block) lineBreak(2);
    readChildren(el, childMode);
    if (block) lineBreak(2);
  };

  const rootMode = styled ? whiteSpaceMode(view.getComputedStyle(root)) : COLLAPSE;
  if (selector) root.matches(selector);   // throws a SyntaxError for a bad selector, before any work
  readChildren(root, rootMode);
  return { text: chunks.join(''), map: { start, end, node, from, to }, textNodes, datas };
}

/** Index of the first segment whose end is after `pos`. */
function firstSegment(map, pos) {
  let lo = 0;
  let hi = map.end.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map.end[mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The pieces of text nodes that hold text[s, e): [{ node, from, to }] in document order. */
export function locate(map, s, e) {
  const pieces = [];
  for (let k = firstSegment(map, s); k < map.start.length && map.start[k] < e; k++) {
    const a = Math.max(s, map.start[k]);
    const b = Math.min(e, map.end[k]);
    if (a >= b) continue;
    const oneToOne = map.to[k] - map.from[k] === map.end[k] - map.start[k];
    const na = oneToOne ? map.from[k] + (a - map.start[k]) : map.from[k];
    const nb = oneToOne ? map.from[k] + (b - map.start[k]) : map.to[k];
    const last = pieces[pieces.length - 1];
    if (last && last.node === map.node[k] && last.to === na) last.to = nb;
    else pieces.push({ node: map.node[k], from: na, to: nb });
  }
  return pieces;
}

// ---------------------------------------------------------------- the engine (lib/engine.js), one per module and wasm location

const engines = new Map();
const moduleKeys = new WeakMap();
let moduleCount = 0;

/** Resolves a site-chosen URL against the page and refuses anything outside the page's origin. */
function sameOriginUrl(value, what) {
  const url = new URL(String(value), document.baseURI);
  if (url.origin !== location.origin) {
    throw new Error(`newslens: ${what} ${url.href} is not on this page's origin (${location.origin}); nothing is fetched from elsewhere`);
  }
  return url.href;
}

/** The shared engine for these options (one worker per distinct module/wasm location). */
function engineFor(options = {}) {
  if (options.engine) return options.engine;
  const useWorker = options.worker !== false && typeof Worker === 'function';
  const moduleUrl = options.moduleUrl != null ? sameOriginUrl(options.moduleUrl, 'moduleUrl') : undefined;
  let wasm;
  let wasmKey = '';
  if (options.wasmUrl instanceof WebAssembly.Module) {
    wasm = options.wasmUrl;
    if (!moduleKeys.has(wasm)) moduleKeys.set(wasm, `module#${++moduleCount}`);
    wasmKey = moduleKeys.get(wasm);
  } else if (options.wasmUrl != null) {
    wasm = sameOriginUrl(options.wasmUrl, 'wasmUrl');
    wasmKey = wasm;
  }
  const key = `${useWorker ? 'worker' : 'main'} ${moduleUrl ?? ''} ${wasmKey}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = useWorker ? workerEngine(moduleUrl, wasm) : mainThreadEngine(moduleUrl, wasm);
    engines.set(key, engine);
    engine.ready.catch(() => engines.delete(key));   // a later call may retry
  }
  return engine;
}

/**
 * Starts loading the wasm (in the worker unless `worker: false`) without analysing an article.
 * Resolves to { instantiateMs, warmupMs, mode }.
 */
export function preload(options = {}) {
  return engineFor(options).ready;
}

/** Analyses a string with the same engine annotate() uses. Resolves to the analysis. */
export async function analyse(text, options = {}) {
  return (await engineFor(options).extract(String(text))).analysis;
}

// ---------------------------------------------------------------- styles for the marks

const MARK_CSS = `
mark[data-newslens] {
  --nl-h: 0; --nl-s: 0%;
  color: inherit;
  background-color: hsl(var(--nl-h) var(--nl-s) 52% / 0.17);
  box-shadow: inset 0 -0.1em hsl(var(--nl-h) var(--nl-s) 44% / 0.9);
  border-radius: 0.12em;
  padding: 0;
  margin: 0;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
  transition: background-color 120ms, outline-color 120ms;
}
mark[data-newslens][data-kind="pronoun"], mark[data-newslens][data-kind="nominal"] {
  background-color: transparent;
  box-shadow: inset 0 -0.08em hsl(var(--nl-h) var(--nl-s) 44% / 0.55);
}
mark[data-newslens][data-peek] { background-color: hsl(var(--nl-h) var(--nl-s) 52% / 0.32); }
mark[data-newslens][data-selected] {
  background-color: hsl(var(--nl-h) var(--nl-s) 52% / 0.38);
  outline: 2px solid hsl(var(--nl-h) var(--nl-s) 44%);
  outline-offset: 1px;
}
${hueRules('mark[data-newslens]')}
@media (prefers-color-scheme: dark) {
  mark[data-newslens] {
    background-color: hsl(var(--nl-h) var(--nl-s) 58% / 0.24);
    box-shadow: inset 0 -0.1em hsl(var(--nl-h) var(--nl-s) 62% / 0.9);
  }
  mark[data-newslens][data-selected] { outline-color: hsl(var(--nl-h) var(--nl-s) 66%); }
}
@media (prefers-reduced-motion: reduce) {
  mark[data-newslens] { transition: none; }
}
@media (forced-colors: active) {
  mark[data-newslens] { text-decoration: underline; }
  mark[data-newslens][data-selected] { outline-color: Highlight; }
}
::highlight(newslens-quote) { background-color: hsl(45 95% 55% / 0.35); }
`;

const markSheet = lazySheet(MARK_CSS);

/**
 * Adds the marks' stylesheet to the document (or shadow root) holding `node`, once.
 * A constructed stylesheet: allowed by a CSP without 'unsafe-inline', and nothing added to the DOM.
 */
export function installStyles(node = document) {
  return 'adoptedStyleSheets' in (node.getRootNode?.() ?? document) && adopt(node, markSheet());
}

/**
 * Takes the marks' stylesheet out of the document (or shadow root) holding
 * `node` again, for a caller that leaves the page as it found it (the browser
 * extension). Marks still on the page lose their colours.
 */
export function removeStyles(node = document) {
  return unadopt(node, markSheet());
}

// ---------------------------------------------------------------- wrapping and unwrapping

function toSet(value) {
  if (value == null || value === '') return null;
  const list = typeof value === 'string' ? value.split(/[\s,]+/) : [...value];
  const set = new Set(list.map((x) => String(x).trim().toUpperCase()).filter(Boolean));
  return set.size ? set : null;
}

/** Unwraps a <mark data-newslens> this module did not make (another copy of it, or saved HTML). */
function unwrapForeign(mark) {
  const parent = mark.parentNode;
  if (!parent) return;
  const before = mark.previousSibling;
  const after = mark.nextSibling;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
  // Join the text nodes that now touch, from just before the old mark to just after it.
  let node = before ?? parent.firstChild;
  while (node && node !== after) {
    const next = node.nextSibling;
    if (node.nodeType === 3 && next?.nodeType === 3) {
      node.data += next.data;
      parent.removeChild(next);
      if (next === after) break;
    } else {
      node = next;
    }
  }
}

/** Removes every newslens annotation that has marks inside `element`, and the element's own. */
function removeWithin(element) {
  const done = new Set();
  const own = element[HANDLE];
  if (own) {
    done.add(own);
    own.remove();
  }
  for (const mark of element.querySelectorAll('mark[data-newslens]')) {
    const handle = mark[HANDLE];
    if (handle) {
      if (!done.has(handle)) {
        done.add(handle);
        handle.remove();
      }
    } else if (mark.parentNode) {
      unwrapForeign(mark);
    }
  }
}

/** True when every text node read is still where it was, with the same text. */
function unchanged(element, read) {
  const { textNodes, datas } = read;
  for (let i = 0; i < textNodes.length; i++) {
    const n = textNodes[i];
    if (n.data !== datas[i] || !element.contains(n)) return false;
  }
  return true;
}

function describe(mention, entity) {
  if (!entity) return `${mention.text}: ${labelName(mention.label)}`;
  const extra = [entity.role, entity.affiliation].filter(Boolean).join(', ');
  return `${entity.name}: ${labelName(entity.label)}${extra ? `, ${extra}` : ''}`;
}

function wrap(element, read, analysis, options) {
  const labels = toSet(options.labels);
  const kinds = toSet(options.kinds);
  const describeMarks = options.describe !== false;
  const doc = element.ownerDocument;
  const { mentions, entities } = analysis;

  // Pieces per text node, in document order, for the mentions kept.
  const byNode = new Map();
  let lastEnd = -1;
  const order = mentions.map((m, i) => i).sort((a, b) => mentions[a].start - mentions[b].start || mentions[b].end - mentions[a].end);
  for (const i of order) {
    const m = mentions[i];
    if (m.start < lastEnd || m.end <= m.start) continue;   // overlapping or empty: keep the first
    if (labels && !labels.has(m.label)) continue;
    if (kinds && !kinds.has(m.kind.toUpperCase())) continue;
    const pieces = locate(read.map, m.start, m.end);
    if (!pieces.length) continue;
    lastEnd = m.end;
    pieces.forEach((p, j) => {
      let list = byNode.get(p.node);
      if (!list) byNode.set(p.node, (list = []));
      list.push({ from: p.from, to: p.to, mention: i, first: j === 0, pieces: pieces.length });
    });
  }

  const proto = doc.createElement('mark');
  proto.setAttribute('data-newslens', '');
  const marks = [];
  const splits = [];
  for (const [node, list] of byNode) {
    const created = [];
    const batch = [];
    for (let k = list.length - 1; k >= 0; k--) {
      const { from, to, mention: i, first, pieces } = list[k];
      if (to < node.length) created.push(node.splitText(to));
      const target = from > 0 ? node.splitText(from) : node;
      if (target !== node) created.push(target);
      const m = mentions[i];
      const mark = proto.cloneNode(false);
      mark.setAttribute('data-label', m.label);
      mark.setAttribute('data-kind', m.kind);
      mark.setAttribute('data-m', String(i));
      if (m.entity != null) mark.setAttribute('data-entity', String(m.entity));
      if (pieces > 1) mark.setAttribute('data-pieces', String(pieces));
      if (describeMarks && first) {
        mark.setAttribute('aria-description', describe(m, m.entity != null ? entities[m.entity] : null));
      }
      target.parentNode.insertBefore(mark, target);
      mark.appendChild(target);
      batch.push(mark);
    }
    // Text nodes come in document order and each one's pieces were wrapped last to first.
    for (let k = batch.length - 1; k >= 0; k--) marks.push(batch[k]);
    if (created.length) splits.push({ node, parts: created.reverse() });
  }
  return { marks, splits };
}

function makeHandle(element, read, analysis, marks, splits, timings, options, readAgain) {
  let removed = false;
  let reread = null;
  const handle = {
    element,
    text: read.text,
    analysis,
    marks,
    timings,
    options,
    ...(read.article ? { article: read.article } : {}),
    get removed() { return removed; },
    /** The marks of one entity (all pieces). */
    marksFor(entity) {
      return marks.filter((m) => m.dataset.entity === String(entity));
    },
    /** A DOM Range over text[start, end) of the analysed string, or null if the text changed. */
    range(start, end) {
      if (removed) return null;
      if (!reread || !unchanged(element, reread)) {
        reread = readAgain();
        if (reread.text !== read.text) { reread = null; return null; }
      }
      const pieces = locate(reread.map, start, end);
      if (!pieces.length) return null;
      const r = element.ownerDocument.createRange();
      r.setStart(pieces[0].node, pieces[0].from);
      const last = pieces[pieces.length - 1];
      r.setEnd(last.node, last.to);
      return r;
    },
    /** Unwraps every mark and joins the split text nodes: the DOM as it was before. */
    remove() {
      if (removed) return;
      removed = true;
      for (const mark of marks) {
        const parent = mark.parentNode;
        if (!parent) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
        delete mark[HANDLE];
      }
      for (const { node, parts } of splits) {
        let data = node.data;
        for (const part of parts) {
          data += part.data;
          part.parentNode?.removeChild(part);
        }
        node.data = data;
      }
      if (element[HANDLE] === handle) delete element[HANDLE];
    },
  };
  for (const mark of marks) mark[HANDLE] = handle;
  element[HANDLE] = handle;
  return handle;
}

const analysisCache = new WeakMap();   // element -> { text, analysis, page }: page true for a findArticle analysis

/**
 * Reads `element`'s text and analyses it. From the cache when the text is the
 * same, synchronously: a cached call then completes before a later call can
 * supersede it.
 */
function readAndAnalyse(element, engine, options) {
  const tRead = performance.now();
  const read = readText(element, options);
  const readMs = performance.now() - tRead;
  const tRound = performance.now();
  const hit = options.cache !== false ? analysisCache.get(element) : null;
  if (hit && !hit.page && hit.text === read.text) {
    return { read, analysis: hit.analysis, cached: true, readMs, extractMs: 0, roundTripMs: performance.now() - tRound };
  }
  return engine.extract(read.text).then(({ analysis, extractMs }) => {
    analysisCache.set(element, { text: read.text, analysis, page: false });
    return { read, analysis, cached: false, readMs, extractMs, roundTripMs: performance.now() - tRound };
  });
}

/** What is said when the page is not an article. */
export const NO_ARTICLE = 'No article found on this page: nothing on it reads as a story (too little running text outside menus, link lists and teasers).';

/**
 * Finds the article in the page holding `element` and reads it there
 * (lib/find.js); analyses its text (from the cache when it is the same).
 * `read.article` says what was found: { found, message, blocks, mapped, elements }.
 */
async function findAndAnalyse(element, engine, options) {
  const tRead = performance.now();
  const html = pageHtml(element.ownerDocument);
  const serialiseMs = performance.now() - tRead;
  const cached = options.cache !== false ? analysisCache.get(element) : null;
  const hit = cached?.page ? cached : null;
  const tRound = performance.now();
  const answer = await engine.findArticle(html, hit?.text);
  const roundTripMs = performance.now() - tRound;
  const { found } = answer;
  const analysis = answer.analysis ?? hit.analysis;
  analysisCache.set(element, { text: found.text, analysis, page: true });
  const tMap = performance.now();
  const isArticle = looksLikeArticle(found.text, found.blocks);
  const read = isArticle ? readArticle(element, found) : emptyReading(found);
  read.found = found;
  read.article = {
    found: isArticle, message: isArticle ? null : NO_ARTICLE,
    blocks: read.blocks, mapped: read.mapped, elements: read.elements,
  };
  return {
    read, analysis, cached: answer.analysis == null, readMs: serialiseMs + performance.now() - tMap,
    extractMs: answer.extractMs, findMs: answer.findMs, roundTripMs,
  };
}

/** The reading of a page that is not an article: its text, and nothing in the page to mark. */
function emptyReading(found) {
  return {
    text: found.text, map: { start: [], end: [], node: [], from: [], to: [] }, textNodes: [], datas: [],
    blocks: found.blocks.length, mapped: 0, elements: [],
  };
}

/** How many of the article's blocks must be found in the page before a reading is not tried again. */
const MAPPED_SHARE = 0.5;

/**
 * Annotates `element` in place. Options:
 *   labels      which labels to mark ("PERSON ORG GPE" or an array); default all
 *   kinds       which mention kinds ("name pronoun nominal"); default all
 *   skip        CSS selector (or array) of elements not read; default "nav, aside"
 *   findArticle find the article in the whole page and mark only it (`skip` is then not used)
 *   worker      false to analyse on the main thread; default a module Worker
 *   engine      an engine of one's own, used instead of the Worker or this thread: an object
 *               with engine.js's API { mode, ready, extract(text), findArticle(html, known) }
 *               (a browser extension's content script analyses in its service worker)
 *   wasmUrl     where the .wasm is (same origin), or a WebAssembly.Module; default next to the module
 *   moduleUrl   where the wasm-bindgen module newslens.js is (same origin); default the one beside lib/
 *   styles      false to leave the marks unstyled (no stylesheet adopted)
 *   describe    false for no aria-description on marks
 *   cache       false to analyse again even if the text has not changed
 *   signal      an AbortSignal
 * Resolves to a handle: { analysis, text, marks, timings, marksFor(id), range(s, e), remove() },
 * and with findArticle `article`: { found, message, blocks, mapped, elements }.
 * A newer call on the same element supersedes an older one (which rejects with an AbortError).
 */
export async function annotate(element, options = {}) {
  if (!element || element.nodeType !== 1) throw new TypeError('annotate: element must be an Element');
  const t0 = performance.now();
  const token = {};
  element[PENDING] = token;
  const abortError = () => new DOMException('annotate: superseded or aborted', 'AbortError');
  const check = () => {
    if (element[PENDING] !== token || options.signal?.aborted) throw abortError();
  };
  check();
  try {
    const engine = engineFor(options);
    if (options.styles !== false) installStyles(element);
    for (let attempt = 0; ; attempt++) {
      removeWithin(element);
      let run = options.findArticle ? findAndAnalyse(element, engine, options) : readAndAnalyse(element, engine, options);
      if (run instanceof Promise) run = await run;
      check();
      const { read, analysis } = run;

      // The page may have changed the article while it was analysed: read it again.
      removeWithin(element);
      if (!unchanged(element, read) || (read.article?.found && read.mapped < read.blocks * MAPPED_SHARE)) {
        if (attempt < 2) continue;
        if (!read.article) throw new Error('annotate: the element kept changing while it was analysed');
      }
      const tWrap = performance.now();
      const { marks, splits } = wrap(element, read, analysis, options);
      const wrapMs = performance.now() - tWrap;
      const timings = {
        mode: run.cached ? 'cache' : engine.mode, readMs: run.readMs, extractMs: run.extractMs,
        roundTripMs: run.roundTripMs, wrapMs, totalMs: performance.now() - t0, characters: read.text.length,
        ...(run.findMs != null ? { findMs: run.findMs } : {}),
      };
      const reread = read.article
        ? () => (read.article.found ? readArticle(element, read.found) : read)
        : () => readText(element, { skip: options.skip });
      return makeHandle(element, read, analysis, marks, splits, timings, options, reread);
    }
  } finally {
    if (element[PENDING] === token) delete element[PENDING];
  }
}

/** Removes the annotation of `element` (and any newslens marks inside it). */
export function unannotate(element) {
  delete element[PENDING];
  removeWithin(element);
}

/** The annotation handle of `element`, or of the annotation a mark belongs to. */
export function annotationOf(node) {
  return node?.[HANDLE] ?? null;
}
