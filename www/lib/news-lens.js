// <news-lens>: annotates a news article in place, with an optional side panel.
//
//   <script type="module" src="/newslens/news-lens.js"></script>
//   <news-lens panel labels="PERSON ORG GPE"><article>…</article></news-lens>
//   <news-lens panel for="story"></news-lens>   (annotates the element with id="story")
//   <news-lens panel find-article></news-lens>  (finds the article in the whole page and annotates only it)
//
// Attributes
//   for          id of the article to annotate; without it, the element's own content
//   find-article find the article in the page (in the element `for` names, else in <body>) and
//                annotate only it: menus, related links, comments and footers stay as they are;
//                a page that is not an article is told so in words, with no marks
//   labels       labels to highlight, e.g. "PERSON ORG GPE" (default: all)
//   kinds        mention kinds to highlight: "name pronoun nominal" (default: all)
//   skip         CSS selector of parts not read (default "nav, aside")
//   panel        show the side panel (lib/panel.js): entities by label and salience, quotes
//   max-entities entities listed before "Show all" (default 10)
//   wasm-url     where newslens_bg.wasm is (same origin; default next to the wasm-bindgen module)
//   module-url   where the wasm-bindgen module newslens.js is (same origin; default the one beside lib/)
//   main-thread  analyse on the main thread instead of a Worker
// Events (bubbling, composed): newslens:annotated { analysis, timings }, newslens:error { error }.
// Properties: annotation (the annotate() handle), analysis, ready (promise of the current run),
// refresh().
//
// The marks live in the article (light DOM) and are styled by one constructed
// stylesheet adopted by the document; the panel and the hover card (lib/panel.js,
// shared with the page) live in this element's shadow root with their own styles. Text from the article reaches
// the panel only as text (textContent), never as markup.

import { annotate, unannotate, annotationOf, DEFAULT_SKIP } from './annotate.js';
import { Card, Panel, installPanelStyles } from './panel.js';
import { fmt, h, lazySheet, plural, scrollToCenter } from './format.js';

// The element's own frame: the layout beside the article, the panel's box,
// heading, status line and footnote. The lists and the card are styled by
// panel.js.
const FRAME_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
.frame { container-type: inline-size; }
.layout { display: block; }
:host([panel]) .layout {
  display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(15rem, 19rem);
  gap: 1.5rem 2rem;
  align-items: start;
}
:host([panel][for]) .layout, :host([panel][find-article]) .layout { grid-template-columns: minmax(0, 1fr); }
@container (max-width: 46rem) {
  :host([panel]) .layout { grid-template-columns: minmax(0, 1fr); }
  .panel { position: static; max-height: none; }
}
.content { min-width: 0; }
.panel { display: none; }
:host([panel]) .panel {
  display: block;
  position: sticky;
  top: 1rem;
  max-height: calc(100vh - 2rem);
  overflow: auto;
  overscroll-behavior: contain;
  box-sizing: border-box;
  padding: 0.9rem 1rem 1rem;
  border: 1px solid var(--nl-line, #e1dfd8);
  border-radius: 12px;
  background: var(--nl-surface, #fff);
  color: var(--nl-text, #1c1e22);
  box-shadow: 0 1px 2px rgb(20 20 30 / 6%), 0 6px 20px rgb(20 20 30 / 8%);
  font: 0.9rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :host([panel]) .panel { border-color: #343840; background: #1d2025; color: #e7e8ea; box-shadow: 0 8px 24px rgb(0 0 0 / 35%); }
}
.panel-head { display: flex; align-items: center; gap: 0.5rem; margin: 0 0 0.2rem; }
.panel-head h2 { margin: 0; font-size: 0.75rem; font-weight: 650; letter-spacing: 0.06em; text-transform: uppercase; opacity: 0.75; }
.logo { flex: none; width: 0.9rem; height: 0.9rem; border: 2.5px solid #3552c8; border-radius: 50%; box-sizing: border-box; }
.status { margin: 0.1rem 0 0.8rem; opacity: 0.75; font-size: 0.8rem; font-variant-numeric: tabular-nums; }
.status[data-state="error"] { color: #c93c3c; opacity: 1; }
:host(:not([panel])) .status {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
.foot { margin: 1rem 0 0; opacity: 0.7; font-size: 0.75rem; }
`;

const frameSheet = lazySheet(FRAME_CSS);
const labelSet = (value) => (value ? new Set(value.split(/[\s,]+/).filter(Boolean).map((l) => l.toUpperCase())) : null);

export class NewsLens extends HTMLElement {
  static observedAttributes = ['for', 'find-article', 'labels', 'kinds', 'skip', 'panel', 'max-entities', 'wasm-url', 'module-url', 'main-thread'];

  #ui;
  #panel;
  #card;
  #handle = null;
  #target = null;
  #run = 0;
  #scheduled = false;
  #ready = Promise.resolve(null);
  #selected = null;     // entity id
  #listening = null;    // the target element our listeners are on

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [frameSheet()];
    const status = h('p', { class: 'status', role: 'status', 'data-state': 'idle', part: 'status' });
    this.#panel = new Panel({
      maxEntities: 10,
      onSelect: (id, { scroll }) => this.#select(id, scroll),
      onPeek: (id, on) => this.#peek(id, on),
      onQuote: (i) => this.#highlightQuote(i),
      onQuoteClick: (i) => {
        const q = this.analysis?.quotes[i];
        const node = q && this.#handle?.range(q.start, q.end)?.startContainer;
        scrollToCenter(node?.nodeType === 1 ? node : node?.parentElement);
        this.#highlightQuote(i);
      },
    });
    this.#card = new Card();
    this.#card.element.setAttribute('part', 'card');
    const panel = h('aside', { class: 'panel', part: 'panel', 'aria-label': 'newslens: people, places and quotes in this article' },
      h('div', { class: 'panel-head' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), h('h2', { text: 'In this article' })),
      status,
      this.#panel.element,
      h('p', { class: 'foot', text: 'Highlights by newslens, analysed in your browser. Labels are automatic and can be wrong.' }));
    root.append(h('div', { class: 'frame' }, h('div', { class: 'layout' }, h('div', { class: 'content' }, h('slot')), panel)), this.#card.element);
    installPanelStyles(panel);
    this.#ui = { status, panel };
  }

  /** The annotate() handle of the current annotation, or null. */
  get annotation() { return this.#handle; }
  /** The analysis of the annotated article, or null. */
  get analysis() { return this.#handle?.analysis ?? null; }
  /** Resolves when the current annotation run has finished (to its handle, or null). */
  get ready() { return this.#ready; }

  /** Reads and annotates the article again (e.g. after the page changed it). */
  refresh() {
    this.#schedule();
    return this.#ready;
  }

  connectedCallback() {
    document.addEventListener('keydown', this.#onKey);
    addEventListener('scroll', this.#hideCard, { passive: true, capture: true });
    this.#schedule();
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onKey);
    removeEventListener('scroll', this.#hideCard, { capture: true });
    // Moving the element (disconnect, then connect) keeps the annotation.
    queueMicrotask(() => {
      if (!this.isConnected) this.#clear();
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'panel' || name === 'max-entities') this.#renderPanel();
    else if (this.isConnected) this.#schedule();
  }

  // ---------------------------------------------------------------- annotation

  #targetElement() {
    const id = this.getAttribute('for');
    if (id == null) return this.hasAttribute('find-article') ? this.ownerDocument.body : this;
    const root = this.getRootNode();
    return root.getElementById?.(id) ?? document.getElementById(id);
  }

  #schedule() {
    let resolve;
    if (!this.#scheduled) {
      this.#scheduled = true;
      this.#ready = new Promise((ok) => { resolve = ok; });
      const start = () => queueMicrotask(() => {
        this.#scheduled = false;
        this.#annotate().then(resolve);
      });
      // Children are parsed by DOMContentLoaded (a module script normally runs after that anyway).
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
      else start();
    }
  }

  #clear() {
    this.#run++;
    this.#unlisten();
    this.#hideCard();
    this.#highlightQuote(null);
    if (this.#target) unannotate(this.#target);
    this.#handle = null;
    this.#target = null;
    this.#selected = null;
  }

  async #annotate() {
    const run = ++this.#run;
    const target = this.#targetElement();
    if (this.#target && this.#target !== target) {
      this.#unlisten();
      if (annotationOf(this.#target) === this.#handle) unannotate(this.#target);
      this.#handle = null;
    }
    this.#target = target;
    if (!target) {
      this.#status('error', `No article to annotate: no element with id "${this.getAttribute('for')}".`);
      this.#emitError(new Error(`news-lens: for="${this.getAttribute('for')}" matches no element`));
      return null;
    }
    this.#status('working', 'Analysing the article…');
    this.dataset.state = 'working';
    try {
      const handle = await annotate(target, {
        labels: this.getAttribute('labels') || undefined,
        kinds: this.getAttribute('kinds') || undefined,
        skip: this.getAttribute('skip') ?? DEFAULT_SKIP,
        findArticle: this.hasAttribute('find-article'),
        worker: !this.hasAttribute('main-thread'),
        wasmUrl: this.getAttribute('wasm-url') || undefined,
        moduleUrl: this.getAttribute('module-url') || undefined,
      });
      if (run !== this.#run) return this.#handle;   // a newer run or a disconnect owns the element now
      this.#handle = handle;
      this.#listen(target);
      if (this.#selected != null && !handle.analysis.entities[this.#selected]) this.#selected = null;
      this.#renderPanel();
      if (this.#selected != null) this.#select(this.#selected, false);
      const { analysis, timings, article } = handle;
      if (article && !article.found) {
        this.#panel.clear(article.message);
        this.#status('done', article.message);
        this.dataset.state = 'no-article';
      } else {
        this.#status('done', `${plural(handle.marks.length, 'highlight')} · ${plural(analysis.entities.length, 'entity', 'entities')} · ${plural(analysis.quotes.length, 'quote')} · ${fmt(Math.max(1, Math.round(timings.totalMs)))} ms`);
        this.dataset.state = 'done';
      }
      this.dispatchEvent(new CustomEvent('newslens:annotated', { bubbles: true, composed: true, detail: { analysis, timings, article: article ?? null } }));
      return handle;
    } catch (error) {
      if (error?.name === 'AbortError' || run !== this.#run) return this.#handle;
      this.#status('error', `Could not analyse the article: ${error?.message ?? error}`);
      this.#emitError(error);
      return null;
    }
  }

  #emitError(error) {
    this.dataset.state = 'error';
    this.dispatchEvent(new CustomEvent('newslens:error', { bubbles: true, composed: true, detail: { error } }));
  }

  #status(state, text) {
    this.#ui.status.dataset.state = state;
    this.#ui.status.textContent = text;
  }

  // ---------------------------------------------------------------- marks: hover card, selection

  #listen(target) {
    if (this.#listening === target) return;
    this.#unlisten();
    target.addEventListener('pointerover', this.#onOver);
    target.addEventListener('pointerout', this.#onOut);
    target.addEventListener('click', this.#onClick);
    this.#listening = target;
  }

  #unlisten() {
    const target = this.#listening;
    if (!target) return;
    target.removeEventListener('pointerover', this.#onOver);
    target.removeEventListener('pointerout', this.#onOut);
    target.removeEventListener('click', this.#onClick);
    this.#listening = null;
  }

  /** The mark of the current annotation an event happened in. */
  #markOf(event) {
    const mark = event.target?.closest?.('mark[data-newslens]');
    return mark && this.#handle && annotationOf(mark) === this.#handle ? mark : null;
  }

  #onOver = (event) => {
    const mark = this.#markOf(event);
    if (mark) this.#showCard(mark);
  };

  #onOut = (event) => {
    const mark = this.#markOf(event);
    if (mark && !mark.contains(event.relatedTarget)) this.#hideCard();
  };

  #onClick = (event) => {
    const mark = this.#markOf(event);
    // Clicks on links and controls are the page's; marks elsewhere select their entity.
    if (!mark || event.defaultPrevented || mark.closest('a[href], button, label, summary')) return;
    const id = mark.dataset.entity;
    if (id == null) return;
    this.#select(Number(id) === this.#selected ? null : Number(id), false);
  };

  #onKey = (event) => {
    if (event.key !== 'Escape') return;
    this.#hideCard();
    if (this.#selected != null) this.#select(null, false);
  };

  #hideCard = () => {
    this.#card?.hide();
  };

  #showCard(mark) {
    this.#card.show(mark, this.analysis);
  }

  #select(id, scroll) {
    const handle = this.#handle;
    if (!handle) return;
    for (const m of handle.marks) m.removeAttribute('data-selected');
    this.#selected = id;
    this.#panel.setSelected(id);
    if (id == null) return;
    const marks = handle.marksFor(id);
    for (const m of marks) m.setAttribute('data-selected', '');
    if (scroll) scrollToCenter(marks[0]);
  }

  #peek(id, on) {
    if (id == null || !this.#handle) return;
    for (const m of this.#handle.marksFor(id)) m.toggleAttribute('data-peek', on);
  }

  #highlightQuote(i) {
    const registry = globalThis.CSS?.highlights;
    if (!registry || typeof Highlight !== 'function') return;
    const q = i == null ? null : this.analysis?.quotes[Number(i)];
    const range = q && this.#handle?.range(q.start, q.end);
    if (range) registry.set('newslens-quote', new Highlight(range));
    else registry.delete('newslens-quote');
  }

  // ---------------------------------------------------------------- panel

  #renderPanel() {
    const analysis = this.analysis;
    if (!analysis) {
      this.#panel.clear();
      return;
    }
    if (this.#handle.article && !this.#handle.article.found) return;   // the panel says why there is nothing
    if (!this.hasAttribute('panel')) return;
    this.#panel.setMaxEntities(Math.max(1, Number(this.getAttribute('max-entities')) || 10));
    this.#panel.render(analysis, { labels: labelSet(this.getAttribute('labels')) });
    this.#panel.setSelected(this.#selected);
  }
}

if (!customElements.get('news-lens')) customElements.define('news-lens', NewsLens);
