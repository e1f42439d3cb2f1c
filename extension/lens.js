// newslens in a tab, for the browser extension: toggle() finds the article in
// the page, marks its mentions and opens the panel; the next toggle() removes
// every mark, the panel and the marks' stylesheet, leaving the page's DOM as
// it was. Runs in the content script's isolated world (imported by
// content.js); the analysis runs in the service worker (background.js),
// reached through `serviceWorkerEngine`: the page's CSP governs WebAssembly
// in the isolated world (a page with `script-src 'self'` stops it), a Worker
// made from an extension URL is refused in a page, and a blob: Worker would
// fall under the page's CSP too.
//
// Everything shown is the embedding layer's: annotate(document.body,
// { findArticle: true }) for the marks, lib/panel.js for the panel and the
// hover card. The panel lives in a closed shadow root on a host element of
// its own after <body>: the site's CSS cannot reach inside it, and its styles
// apply only inside it.

import { annotate, removeStyles } from './lib/annotate.js';
import { Card, Panel, installPanelStyles } from './lib/panel.js';
import { jsonParts } from './lib/json.js';
import { fmt, h, lazySheet, plural, scrollToCenter } from './lib/format.js';

/** Entities listed before "Show all". */
const MAX_ENTITIES = 12;
/** How long a download's Blob URL is kept before it is revoked (the download has started by then). */
const BLOB_URL_MS = 60_000;
/** The name of the quote highlight (its ::highlight() rule is in the marks' stylesheet). */
const QUOTE_HIGHLIGHT = 'newslens-quote';

// The host is positioned by its own :host rules, marked !important so that no
// page rule can move, hide or restyle it (in the cascade, a shadow tree's
// important declarations beat the page's for its host).
const FRAME_CSS = `
:host {
  all: initial !important; display: block !important; position: fixed !important;
  top: 12px !important; right: 12px !important; z-index: 2147483646 !important;
  width: min(23rem, calc(100vw - 24px)) !important; max-height: calc(100vh - 24px) !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important; transform: none !important;
  visibility: visible !important; opacity: 1 !important;
}
.frame {
  box-sizing: border-box; max-height: calc(100vh - 24px); overflow: auto; overscroll-behavior: contain;
  padding: 0.8rem 1rem 1rem; border: 1px solid #e1dfd8; border-radius: 12px; background: #fff; color: #1c1e22;
  box-shadow: 0 1px 2px rgb(20 20 30 / 6%), 0 10px 32px rgb(20 20 30 / 18%);
  font: 0.9rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; text-align: start;
}
.head { display: flex; align-items: center; gap: 0.5rem; }
.head h1 { margin: 0; flex: 1; font-size: 0.8rem; font-weight: 650; letter-spacing: 0.06em; text-transform: uppercase; opacity: 0.8; }
.logo { flex: none; width: 0.9rem; height: 0.9rem; border: 2.5px solid #3552c8; border-radius: 50%; box-sizing: border-box; }
.frame button.tool {
  font: inherit; font-size: 0.8rem; color: inherit; background: transparent; cursor: pointer;
  border: 1px solid #e1dfd8; border-radius: 8px; padding: 0.15rem 0.55rem;
}
.frame button.tool:hover { background: #f2f1ed; }
.frame button.tool:focus-visible { outline: 2.5px solid #3552c8; outline-offset: 1px; }
.status { margin: 0.3rem 0 0.8rem; font-size: 0.8rem; opacity: 0.8; font-variant-numeric: tabular-nums; }
.status[data-state="error"] { color: #c93c3c; opacity: 1; }
.status[data-state="no-article"] { font-size: 0.9rem; opacity: 1; }
.foot { margin: 1rem 0 0; opacity: 0.7; font-size: 0.75rem; }
@media (prefers-color-scheme: dark) {
  .frame { border-color: #343840; background: #1d2025; color: #e7e8ea; }
  .frame button.tool { border-color: #343840; }
  .frame button.tool:hover { background: #272b31; }
}
`;
const frameSheet = lazySheet(FRAME_CSS);

let current = null;   // the open lens: { host, handle, ... }, or a pending one

/** One request to the service worker's analyser; its answer, or an Error with its message. */
async function ask(message) {
  const answer = await chrome.runtime.sendMessage(message);
  if (answer == null) throw new Error('the extension\'s service worker did not answer');
  if (answer.error != null) throw new Error(answer.error);
  return answer;
}

/** The embedding layer's engine API (lib/engine.js), answered by the service worker. */
export const serviceWorkerEngine = {
  mode: 'extension',
  get ready() { return ask({ type: 'newslens:ready' }); },
  extract: (text) => ask({ type: 'newslens:extract', text }),
  findArticle: (html, known) => ask({ type: 'newslens:find', html, known }),
};

/**
 * Opens newslens in this page, or closes it when open (or opening).
 * Resolves to a report: { state, marks, entities, quotes, message }.
 */
export async function toggle() {
  if (current) {
    close(current);
    current = null;
    return { state: 'off', marks: 0, entities: 0, quotes: 0, message: null };
  }
  const lens = (current = mount());
  try {
    return await open(lens);
  } catch (error) {
    if (lens.abort.signal.aborted) return { state: 'off', marks: 0, entities: 0, quotes: 0, message: null };
    const message = `newslens could not analyse this page: ${error?.message ?? error}`;
    lens.status('error', message);
    return { state: 'error', marks: 0, entities: 0, quotes: 0, message };
  }
}

/** The host, its closed shadow root, the panel and the card, on the page (panel saying it is working). */
function mount() {
  const lens = { abort: new AbortController(), handle: null, selected: null, urls: [] };
  const host = document.createElement('newslens-extension');
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [frameSheet()];
  const status = h('p', { class: 'status', role: 'status', 'data-state': 'working', text: 'Finding the article…' });
  const save = h('button', { type: 'button', class: 'tool', hidden: true, text: 'Download JSON' });
  const shut = h('button', { type: 'button', class: 'tool', 'aria-label': 'Close newslens and remove the highlights', text: 'Close' });
  lens.panel = new Panel({
    meta: true,
    groupQuotes: true,
    maxEntities: MAX_ENTITIES,
    onSelect: (id, { scroll }) => select(lens, id, scroll),
    onPeek: (id, on) => peek(lens, id, on),
    onQuote: (i) => highlightQuote(lens, i),
    onQuoteClick: (i) => scrollToQuote(lens, i),
  });
  lens.card = new Card();
  const frame = h('section', { class: 'frame', 'aria-label': 'newslens: people, places and quotes in this article' },
    h('div', { class: 'head' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), h('h1', { text: 'newslens' }), save, shut),
    status, lens.panel.element,
    h('p', { class: 'foot', text: 'Analysed in your browser; nothing was sent anywhere. Labels are automatic and can be wrong.' }));
  root.append(frame, lens.card.element);
  installPanelStyles(frame);
  save.addEventListener('click', () => download(lens, root));
  shut.addEventListener('click', () => {
    if (current === lens) current = null;
    close(lens);
    chrome.runtime.sendMessage({ type: 'newslens:closed' }).catch(() => {});   // the button's badge
  });
  lens.status = (state, text) => {
    status.dataset.state = state;
    status.textContent = text;
  };
  Object.assign(lens, { host, root, save });
  // After <body>, not in it: the page's body keeps its children while the panel is open.
  document.documentElement.append(host);
  return lens;
}

/** Finds, analyses and marks the article; fills the panel. */
async function open(lens) {
  const handle = await annotate(document.body, { findArticle: true, engine: serviceWorkerEngine, signal: lens.abort.signal });
  if (lens.abort.signal.aborted) {
    handle.remove();
    throw new DOMException('closed', 'AbortError');
  }
  lens.handle = handle;
  const { analysis, article, marks, timings } = handle;
  if (!article.found) {
    lens.panel.clear(article.message);
    lens.status('no-article', article.message);
    return { state: 'no-article', marks: marks.length, entities: 0, quotes: 0, message: article.message };
  }
  listen(lens);
  lens.panel.render(analysis);
  lens.save.hidden = false;
  lens.status('done', `${plural(marks.length, 'highlight')} · ${plural(analysis.entities.length, 'entity', 'entities')} · `
    + `${plural(analysis.quotes.length, 'quote')} · ${fmt(Math.max(1, Math.round(timings.totalMs)))} ms`);
  return { state: 'on', marks: marks.length, entities: analysis.entities.length, quotes: analysis.quotes.length, message: null };
}

/** Removes everything newslens added: marks, panel, listeners, the quote highlight, the marks' stylesheet. */
function close(lens) {
  lens.abort.abort();
  unlisten(lens);
  highlightQuote(lens, null);
  lens.handle?.remove();
  removeStyles(document);
  lens.host.remove();
  for (const url of lens.urls) URL.revokeObjectURL(url);
}

// ---------------------------------------------------------------- the marks: hover card, selection

function listen(lens) {
  const markOf = (event) => {
    const mark = event.target?.closest?.('mark[data-newslens]');
    return mark && lens.handle?.marks.includes(mark) ? mark : null;
  };
  lens.listeners = {
    pointerover: (event) => { const m = markOf(event); if (m) lens.card.show(m, lens.handle.analysis); },
    pointerout: (event) => { const m = markOf(event); if (m && !m.contains(event.relatedTarget)) lens.card.hide(); },
    click: (event) => {
      const m = markOf(event);
      // Clicks on links and controls stay the page's.
      if (!m || event.defaultPrevented || m.closest('a[href], button, label, summary') || m.dataset.entity == null) return;
      const id = Number(m.dataset.entity);
      select(lens, id === lens.selected ? null : id, false);
    },
    scroll: () => lens.card.hide(),
    keydown: (event) => {
      if (event.key !== 'Escape') return;
      lens.card.hide();
      if (lens.selected != null) select(lens, null, false);
    },
  };
  for (const [type, fn] of Object.entries(lens.listeners)) document.addEventListener(type, fn, { capture: type === 'scroll', passive: type === 'scroll' || type.startsWith('pointer') });
}

function unlisten(lens) {
  for (const [type, fn] of Object.entries(lens.listeners ?? {})) document.removeEventListener(type, fn, { capture: type === 'scroll' });
  lens.listeners = null;
  lens.card.hide();
}

function select(lens, id, scroll) {
  const { handle } = lens;
  if (!handle) return;
  for (const m of handle.marks) m.removeAttribute('data-selected');
  lens.selected = id;
  lens.panel.setSelected(id);
  if (id == null) return;
  const marks = handle.marksFor(id);
  for (const m of marks) m.setAttribute('data-selected', '');
  if (scroll) scrollToCenter(marks[0]);
}

function peek(lens, id, on) {
  if (id == null || !lens.handle) return;
  for (const m of lens.handle.marksFor(id)) m.toggleAttribute('data-peek', on);
}

/** The DOM range of quote `i` in the page, or null. */
function quoteRange(lens, i) {
  const q = i == null ? null : lens.handle?.analysis.quotes[Number(i)];
  return q ? lens.handle.range(q.start, q.end) : null;
}

function highlightQuote(lens, i) {
  const registry = globalThis.CSS?.highlights;
  if (!registry || typeof Highlight !== 'function') return;
  const range = quoteRange(lens, i);
  if (range) registry.set(QUOTE_HIGHLIGHT, new Highlight(range));
  else registry.delete(QUOTE_HIGHLIGHT);
}

/** Scrolls the page to quote `i` (its first mark, else the element holding its start) and highlights it. */
function scrollToQuote(lens, i) {
  const range = quoteRange(lens, i);
  if (!range) return;
  const q = lens.handle.analysis.quotes[i];
  const mark = lens.handle.marks.find((m) => {
    const mention = lens.handle.analysis.mentions[Number(m.dataset.m)];
    return mention && mention.start >= q.start && mention.end <= q.end;
  });
  const node = range.startContainer;
  scrollToCenter(mark ?? (node.nodeType === 1 ? node : node.parentElement));
  highlightQuote(lens, i);
}

// ---------------------------------------------------------------- the JSON download

/** A file name from the article's title: "newslens-some-words-of-the-title.json". */
function fileName(analysis) {
  const title = analysis.article?.title?.text ?? '';
  const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `newslens-${slug || 'article'}.json`;
}

/** Saves the analysis (with its text) as JSON, through an anchor inside the shadow root. */
function download(lens, root) {
  const { analysis } = lens.handle ?? {};
  if (!analysis) return;
  const url = URL.createObjectURL(new Blob(jsonParts(analysis), { type: 'application/json' }));
  lens.urls.push(url);
  const a = h('a', { href: url, download: fileName(analysis), hidden: true });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_MS);
}
