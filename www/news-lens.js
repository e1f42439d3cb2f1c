// <news-lens>: annotates a news article in place, with an optional side panel.
//
//   <script type="module" src="/newslens/news-lens.js"></script>
//   <news-lens panel labels="PERSON ORG GPE"><article>…</article></news-lens>
//   <news-lens panel for="story"></news-lens>   (annotates the element with id="story")
//
// Attributes
//   for          id of the article to annotate; without it, the element's own content
//   labels       labels to highlight, e.g. "PERSON ORG GPE" (default: all)
//   kinds        mention kinds to highlight: "name pronoun nominal" (default: all)
//   skip         CSS selector of parts not read (default "nav, aside")
//   panel        show the side panel: entities by salience, quotes by speaker
//   max-entities entities listed before "Show all" (default 10)
//   wasm-url     where newslens_bg.wasm is (same origin; default next to the wasm-bindgen module)
//   module-url   where the wasm-bindgen module newslens.js is (same origin; default ./pkg/newslens.js)
//   main-thread  analyse on the main thread instead of a Worker
// Events (bubbling, composed): newslens:annotated { analysis, timings }, newslens:error { error }.
// Properties: annotation (the annotate() handle), analysis, ready (promise of the current run),
// refresh().
//
// The marks live in the article (light DOM) and are styled by one constructed
// stylesheet adopted by the document; the panel and the hover card live in this
// element's shadow root with their own styles. Text from the article reaches
// the panel only as text (textContent), never as markup.

import { annotate, unannotate, annotationOf, labelName, hueRules, DEFAULT_SKIP } from './annotate.js';

const PANEL_CSS = `
:host {
  display: block;
  --nl-surface: #ffffff;
  --nl-surface-2: #f2f1ed;
  --nl-text: #1c1e22;
  --nl-muted: #5f636d;
  --nl-line: #e1dfd8;
  --nl-accent: #3552c8;
  --nl-quote: #c89a2a;
  --nl-shadow: 0 1px 2px rgb(20 20 30 / 6%), 0 6px 20px rgb(20 20 30 / 8%);
  --nl-mark-l: 52%;
  --nl-line-l: 44%;
}
@media (prefers-color-scheme: dark) {
  :host {
    --nl-surface: #1d2025;
    --nl-surface-2: #272b31;
    --nl-text: #e7e8ea;
    --nl-muted: #a4a8b0;
    --nl-line: #343840;
    --nl-accent: #93a6ff;
    --nl-quote: #d9b04e;
    --nl-shadow: 0 1px 2px rgb(0 0 0 / 30%), 0 8px 24px rgb(0 0 0 / 35%);
    --nl-line-l: 64%;
  }
}
:host([hidden]) { display: none; }
.frame { container-type: inline-size; }
.layout { display: block; }
:host([panel]) .layout {
  display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(15rem, 19rem);
  gap: 1.5rem 2rem;
  align-items: start;
}
:host([panel][for]) .layout { grid-template-columns: minmax(0, 1fr); }
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
  border: 1px solid var(--nl-line);
  border-radius: 12px;
  background: var(--nl-surface);
  color: var(--nl-text);
  box-shadow: var(--nl-shadow);
  font: 0.9rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  text-align: start;
}
.panel-head { display: flex; align-items: center; gap: 0.5rem; margin: 0 0 0.2rem; }
.logo {
  flex: none;
  width: 0.9rem; height: 0.9rem;
  border: 2.5px solid var(--nl-accent);
  border-radius: 50%;
  box-sizing: border-box;
}
h2, h3 {
  margin: 0;
  font-size: 0.75rem;
  font-weight: 650;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--nl-muted);
}
h3 { margin: 1rem 0 0.4rem; display: flex; gap: 0.4rem; align-items: baseline; }
.count { font-weight: 500; color: var(--nl-muted); opacity: 0.8; font-variant-numeric: tabular-nums; }
.status { margin: 0.1rem 0 0; color: var(--nl-muted); font-size: 0.8rem; font-variant-numeric: tabular-nums; }
.status[data-state="error"] { color: #c93c3c; }
:host(:not([panel])) .status {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
ol, ul { list-style: none; margin: 0; padding: 0; }
.entities { display: grid; gap: 2px; }
button {
  font: inherit;
  color: inherit;
  background: transparent;
  border: 1px solid transparent;
  border-radius: 8px;
  cursor: pointer;
  text-align: start;
  width: 100%;
  transition: background-color 120ms, border-color 120ms;
}
button:hover { background: var(--nl-surface-2); }
button:focus-visible { outline: 2.5px solid var(--nl-accent); outline-offset: 1px; }
${hueRules('[data-label]')}
.swatch {
  flex: none;
  width: 0.65rem; height: 0.65rem;
  border-radius: 3px;
  background: hsl(var(--nl-h) var(--nl-s) var(--nl-mark-l) / 0.35);
  box-shadow: inset 0 0 0 1.5px hsl(var(--nl-h) var(--nl-s) var(--nl-line-l));
}
.ent { display: grid; grid-template-columns: auto minmax(0, 1fr) auto; gap: 0 0.5rem; align-items: baseline; padding: 0.3rem 0.45rem; }
.ent[aria-pressed="true"] {
  background: hsl(var(--nl-h) var(--nl-s) var(--nl-mark-l) / 0.2);
  border-color: hsl(var(--nl-h) var(--nl-s) var(--nl-line-l));
}
.ent .name { font-weight: 600; overflow-wrap: anywhere; }
.ent .n {
  padding: 0 0.45rem;
  border-radius: 999px;
  background: var(--nl-surface-2);
  color: var(--nl-muted);
  font-size: 0.75rem;
  font-variant-numeric: tabular-nums;
}
.ent .sub { grid-column: 2 / 4; color: var(--nl-muted); font-size: 0.8rem; }
.bar { grid-column: 2 / 4; display: block; height: 2px; margin-top: 0.2rem; background: var(--nl-surface-2); border-radius: 2px; }
.bar > span { display: block; height: 100%; border-radius: 2px; background: hsl(var(--nl-h) var(--nl-s) var(--nl-line-l)); }
.more { margin-top: 0.3rem; padding: 0.25rem 0.45rem; color: var(--nl-accent); font-size: 0.82rem; width: auto; }
.speaker + .speaker { margin-top: 0.7rem; }
.speaker-name { display: flex; align-items: center; gap: 0.4rem; margin: 0 0 0.25rem; font-weight: 600; }
.speaker-name.unknown { font-weight: 400; font-style: italic; color: var(--nl-muted); }
.quotes-list { display: grid; gap: 0.3rem; }
.quote { display: grid; gap: 0.15rem; padding: 0.35rem 0.5rem 0.4rem 0.6rem; border-inline-start: 3px solid var(--nl-quote); border-radius: 0 8px 8px 0; }
.quote[data-kind="indirect"] { border-inline-start-style: dashed; color: var(--nl-muted); }
.quote .kind { font-size: 0.68rem; letter-spacing: 0.05em; text-transform: uppercase; color: var(--nl-muted); }
.quote .text { font-family: Georgia, "Iowan Old Style", "Source Serif Pro", serif; }
.quote[data-kind="direct"] .text::before { content: "\\201C"; }
.quote[data-kind="direct"] .text::after { content: "\\201D"; }
.empty { color: var(--nl-muted); margin: 0.2rem 0 0; }
.foot { margin: 1rem 0 0; color: var(--nl-muted); font-size: 0.75rem; }
.card {
  position: fixed;
  z-index: 2147483000;
  box-sizing: border-box;
  max-width: min(20rem, calc(100vw - 16px));
  padding: 0.5rem 0.75rem 0.55rem;
  border: 1px solid var(--nl-line);
  border-inline-start: 5px solid hsl(var(--nl-h, 0) var(--nl-s, 0%) var(--nl-line-l));
  border-radius: 10px;
  background: var(--nl-surface);
  color: var(--nl-text);
  box-shadow: 0 8px 28px rgb(0 0 0 / 18%);
  font: 0.85rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  pointer-events: none;
  opacity: 1;
  transition: opacity 100ms;
}
.card[hidden] { display: none; }
.card p { margin: 0; }
.card .name { font-weight: 650; font-size: 0.95rem; }
.card .label, .card .count { color: var(--nl-muted); font-size: 0.78rem; }
.card .extra { margin-top: 0.15rem; }
@media (prefers-reduced-motion: reduce) {
  button, .card { transition: none; }
}
@media (forced-colors: active) {
  .swatch, .bar > span { forced-color-adjust: none; }
  .card { border-inline-start-color: CanvasText; }
}
`;

let panelSheet = null;
const sheet = () => {
  if (!panelSheet) {
    panelSheet = new CSSStyleSheet();
    panelSheet.replaceSync(PANEL_CSS);
  }
  return panelSheet;
};

/** Creates an element; strings among the children become text nodes. */
function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

const fmt = (n) => n.toLocaleString('en');
const plural = (n, one, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const labelSet = (value) => (value ? new Set(value.split(/[\s,]+/).filter(Boolean).map((l) => l.toUpperCase())) : null);

export class NewsLens extends HTMLElement {
  static observedAttributes = ['for', 'labels', 'kinds', 'skip', 'panel', 'max-entities', 'wasm-url', 'module-url', 'main-thread'];

  #ui;
  #handle = null;
  #target = null;
  #run = 0;
  #scheduled = false;
  #ready = Promise.resolve(null);
  #selected = null;     // entity id
  #showAll = false;
  #listening = null;    // the target element our listeners are on

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet()];
    const status = h('p', { class: 'status', role: 'status', 'data-state': 'idle', part: 'status' });
    const entities = h('ol', { class: 'entities' });
    const more = h('button', { type: 'button', class: 'more', hidden: true });
    const quotes = h('div', { class: 'quotes' });
    const entityCount = h('span', { class: 'count' });
    const quoteCount = h('span', { class: 'count' });
    const panel = h('aside', { class: 'panel', part: 'panel', 'aria-label': 'newslens: people, places and quotes in this article' },
      h('div', { class: 'panel-head' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), h('h2', { text: 'In this article' })),
      status,
      h('section', { class: 'entities-section' }, h('h3', {}, 'Entities', entityCount), entities, more),
      h('section', { class: 'quotes-section' }, h('h3', {}, 'Quotes by speaker', quoteCount), quotes),
      h('p', { class: 'foot', text: 'Highlights by newslens, analysed in your browser. Labels are automatic and can be wrong.' }));
    const card = h('div', { class: 'card', part: 'card', role: 'tooltip', hidden: true },
      h('p', { class: 'name' }), h('p', { class: 'label' }), h('p', { class: 'extra' }), h('p', { class: 'count' }));
    root.append(h('div', { class: 'frame' }, h('div', { class: 'layout' }, h('div', { class: 'content' }, h('slot')), panel)), card);
    this.#ui = { status, entities, more, quotes, entityCount, quoteCount, panel, card };

    more.addEventListener('click', () => {
      this.#showAll = !this.#showAll;
      this.#renderPanel();
    });
    entities.addEventListener('click', (event) => {
      const btn = event.target.closest('button.ent');
      if (btn) this.#select(Number(btn.dataset.entity) === this.#selected ? null : Number(btn.dataset.entity), true);
    });
    for (const type of ['pointerover', 'focusin']) {
      entities.addEventListener(type, (event) => this.#peek(event.target.closest('button.ent')?.dataset.entity, true));
      quotes.addEventListener(type, (event) => this.#highlightQuote(event.target.closest('button.quote')?.dataset.q));
    }
    for (const type of ['pointerout', 'focusout']) {
      entities.addEventListener(type, (event) => {
        const btn = event.target.closest('button.ent');
        if (btn && !btn.contains(event.relatedTarget)) this.#peek(btn.dataset.entity, false);
      });
      quotes.addEventListener(type, (event) => {
        const btn = event.target.closest('button.quote');
        if (btn && !btn.contains(event.relatedTarget)) this.#highlightQuote(null);
      });
    }
    quotes.addEventListener('click', (event) => {
      const btn = event.target.closest('button.quote');
      if (!btn) return;
      const q = this.analysis?.quotes[Number(btn.dataset.q)];
      const range = q && this.#handle?.range(q.start, q.end);
      const node = range?.startContainer;
      (node?.nodeType === 1 ? node : node?.parentElement)?.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
      this.#highlightQuote(btn.dataset.q);
    });
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
    if (id == null) return this;
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
      const { analysis, timings } = handle;
      this.#status('done', `${plural(handle.marks.length, 'highlight')} · ${plural(analysis.entities.length, 'entity', 'entities')} · ${plural(analysis.quotes.length, 'quote')} · ${fmt(Math.max(1, Math.round(timings.totalMs)))} ms`);
      this.dataset.state = 'done';
      this.dispatchEvent(new CustomEvent('newslens:annotated', { bubbles: true, composed: true, detail: { analysis, timings } }));
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
    if (this.#ui) this.#ui.card.hidden = true;
  };

  #showCard(mark) {
    const analysis = this.analysis;
    const mention = analysis?.mentions[Number(mark.dataset.m)];
    if (!mention) return;
    const entity = mention.entity != null ? analysis.entities[mention.entity] : null;
    const { card } = this.#ui;
    const [name, label, extra, count] = card.children;
    name.textContent = entity?.name ?? mention.text;
    label.textContent = `${labelName(mention.label)}${mention.kind !== 'name' ? ` · ${mention.kind}` : ''}`;
    const more = entity ? [entity.role, entity.affiliation].filter(Boolean).join(', ') : '';
    extra.textContent = more;
    extra.hidden = !more;
    if (entity) {
      const quoted = analysis.quotes.filter((q) => q.speaker?.entity === mention.entity).length;
      count.textContent = `${plural(entity.mentions.length, 'mention')}${quoted ? ` · ${plural(quoted, 'quote')}` : ''}`;
    } else {
      count.textContent = 'Not linked to an entity';
    }
    card.dataset.label = mention.label;
    card.hidden = false;
    const r = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const w = card.offsetWidth;
    const hgt = card.offsetHeight;
    const left = Math.max(8, Math.min(r.left, innerWidth - w - 8));
    const below = r.bottom + 8;
    const top = below + hgt > innerHeight - 8 ? Math.max(8, r.top - hgt - 8) : below;
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
  }

  #select(id, scroll) {
    const handle = this.#handle;
    if (!handle) return;
    for (const m of handle.marks) m.removeAttribute('data-selected');
    this.#selected = id;
    for (const btn of this.#ui.entities.querySelectorAll('button.ent')) {
      btn.setAttribute('aria-pressed', String(Number(btn.dataset.entity) === id));
    }
    if (id == null) return;
    const marks = handle.marksFor(id);
    for (const m of marks) m.setAttribute('data-selected', '');
    if (scroll && marks[0]) marks[0].scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
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
    const ui = this.#ui;
    const analysis = this.analysis;
    if (!this.hasAttribute('panel') || !analysis) {
      if (!analysis) {
        ui.entities.replaceChildren();
        ui.quotes.replaceChildren();
      }
      return;
    }
    const { entities, quotes } = analysis;
    const labels = labelSet(this.getAttribute('labels'));

    // Entities, most salient first.
    const shown = entities
      .map((e, id) => ({ ...e, id }))
      .filter((e) => !labels || labels.has(e.label))
      .sort((a, b) => b.salience - a.salience || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
    const limit = Math.max(1, Number(this.getAttribute('max-entities')) || 10);
    const list = this.#showAll ? shown : shown.slice(0, limit);
    ui.entities.replaceChildren(...list.map((e) => {
      const extra = [e.role, e.affiliation].filter(Boolean).join(', ');
      const bar = h('span', {});
      bar.style.width = `${Math.round(Math.max(0.04, Math.min(1, e.salience)) * 100)}%`;
      return h('li', {}, h('button', {
        type: 'button', class: 'ent', 'data-entity': e.id, 'data-label': e.label,
        'aria-pressed': String(e.id === this.#selected),
        title: `${e.name}: ${labelName(e.label)}, ${plural(e.mentions.length, 'mention')}, salience ${e.salience.toFixed(2)}`,
      },
      h('span', { class: 'swatch', 'aria-hidden': 'true' }),
      h('span', { class: 'name', text: e.name }),
      h('span', { class: 'n', text: fmt(e.mentions.length), 'aria-label': plural(e.mentions.length, 'mention') }),
      h('span', { class: 'sub', text: `${labelName(e.label)}${extra ? ` · ${extra}` : ''}` }),
      h('span', { class: 'bar', 'aria-hidden': 'true' }, bar)));
    }));
    if (!shown.length) ui.entities.replaceChildren(h('li', { class: 'empty', text: 'No entities found.' }));
    ui.entityCount.textContent = shown.length ? fmt(shown.length) : '';
    ui.more.hidden = shown.length <= limit;
    ui.more.textContent = this.#showAll ? 'Show fewer' : `Show all ${fmt(shown.length)}`;

    // Quotes, grouped by speaker: most quoted first, unattributed last.
    const groups = new Map();
    quotes.forEach((q, i) => {
      const sp = q.speaker;
      const key = sp?.entity != null ? `e${sp.entity}` : sp ? `t${sp.text}` : '';
      if (!groups.has(key)) {
        const entity = sp?.entity != null ? entities[sp.entity] : null;
        groups.set(key, { name: entity?.name ?? sp?.text ?? '', label: entity?.label ?? null, items: [] });
      }
      groups.get(key).items.push({ ...q, i });
    });
    const ordered = [...groups.values()].sort((a, b) =>
      Number(!a.name) - Number(!b.name) || b.items.length - a.items.length || a.items[0].start - b.items[0].start);
    ui.quotes.replaceChildren(...ordered.map((g) => h('section', { class: 'speaker' },
      h('p', { class: g.name ? 'speaker-name' : 'speaker-name unknown', 'data-label': g.label },
        g.label ? h('span', { class: 'swatch', 'aria-hidden': 'true' }) : null,
        h('span', { text: g.name || 'Unattributed' }),
        h('span', { class: 'count', text: fmt(g.items.length) })),
      h('ul', { class: 'quotes-list' }, ...g.items.map((q) => h('li', {},
        h('button', { type: 'button', class: 'quote', 'data-q': q.i, 'data-kind': q.kind, 'data-speaker': g.name },
          h('span', { class: 'kind', text: q.kind }),
          h('span', { class: 'text', text: q.text }))))))));
    if (!quotes.length) ui.quotes.replaceChildren(h('p', { class: 'empty', text: 'No quotes found.' }));
    ui.quoteCount.textContent = quotes.length ? fmt(quotes.length) : '';
  }
}

if (!customElements.get('news-lens')) customElements.define('news-lens', NewsLens);
