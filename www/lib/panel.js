// The analysis panel and the hover card, shared by the page, <news-lens> and
// the browser extension (extension/lens.js): the article's metadata, its entities grouped
// by label with salience, its quotes with speaker and cue; and a card for
// the mark under the pointer. They bring their own styles (one constructed
// stylesheet, scoped to .nl-panel and .nl-card, adopted by the document or
// shadow root they are mounted in) and rely on no page CSS. Colours and fonts
// are custom properties (--nl-surface, --nl-text, --nl-accent, ...) a host
// may set on .nl-panel and .nl-card. Text from the article reaches them only
// as text, never as markup.

import { labelName, hueRules, SET_ASIDE_KINDS } from './labels.js';
import { adopt, fmt, h, lazySheet, plural } from './format.js';

const PANEL_CSS = () => `
.nl-panel, .nl-card {
  --nl-surface: #ffffff; --nl-surface-2: #f2f1ed; --nl-text: #1c1e22; --nl-muted: #5f636d;
  --nl-line: #e1dfd8; --nl-accent: #3552c8; --nl-quote: #c89a2a; --nl-quote-bg: #fff6dc;
  --nl-mark-l: 52%; --nl-line-l: 44%;
  --nl-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  --nl-font-read: Georgia, "Iowan Old Style", "Source Serif Pro", serif;
  box-sizing: border-box;
  color: var(--nl-text);
  font: 0.9rem/1.45 var(--nl-font);
  text-align: start;
}
@media (prefers-color-scheme: dark) {
  .nl-panel, .nl-card {
    --nl-surface: #1d2025; --nl-surface-2: #272b31; --nl-text: #e7e8ea; --nl-muted: #a4a8b0;
    --nl-line: #343840; --nl-accent: #93a6ff; --nl-quote: #d9b04e; --nl-quote-bg: #2e2818; --nl-line-l: 64%;
  }
}
.nl-panel *, .nl-card * { box-sizing: border-box; }
.nl-panel { display: grid; gap: 1rem; min-width: 0; }
.nl-panel h2, .nl-panel h3 {
  margin: 0; font-size: 0.75rem; font-weight: 650; letter-spacing: 0.06em; text-transform: uppercase; color: var(--nl-muted);
}
.nl-panel h3 { margin: 0.8rem 0 0.3rem; display: flex; gap: 0.4rem; align-items: center; text-transform: none; letter-spacing: 0; font-size: 0.85rem; }
.nl-panel ol, .nl-panel ul, .nl-panel dl { list-style: none; margin: 0; padding: 0; }
.nl-count { margin-inline-start: 0.35rem; font-weight: 500; color: var(--nl-muted); opacity: 0.8; font-variant-numeric: tabular-nums; }
.nl-group-head .nl-count { margin-inline-start: auto; }
.nl-empty { color: var(--nl-muted); margin: 0.4rem 0 0; }
.nl-panel button {
  font: inherit; color: inherit; background: transparent; border: 1px solid transparent; border-radius: 8px;
  cursor: pointer; text-align: start; width: 100%; margin: 0; transition: background-color 120ms, border-color 120ms;
}
.nl-panel button:hover { background: var(--nl-surface-2); }
.nl-panel button:focus-visible { outline: 2.5px solid var(--nl-accent); outline-offset: 1px; }
${hueRules('.nl-panel [data-label]')}
${hueRules('.nl-card[data-label]')}
.nl-swatch {
  flex: none; width: 0.65rem; height: 0.65rem; border-radius: 3px;
  background: hsl(var(--nl-h) var(--nl-s) var(--nl-mark-l) / 0.35);
  box-shadow: inset 0 0 0 1.5px hsl(var(--nl-h) var(--nl-s) var(--nl-line-l));
}
.nl-meta { display: grid !important; grid-template-columns: max-content minmax(0, 1fr); gap: 0.3rem 0.8rem; margin-top: 0.6rem !important; }
.nl-meta dt { color: var(--nl-muted); }
.nl-meta dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.nl-meta dd[data-field="title"] { font-weight: 600; }
.nl-meta dd.nl-missing { color: var(--nl-muted); opacity: 0.7; }
.nl-meta a { color: var(--nl-accent); }
.nl-left-out > summary { cursor: pointer; color: var(--nl-muted); }
.nl-left-out > summary:focus-visible { outline: 2.5px solid var(--nl-accent); outline-offset: 1px; border-radius: 4px; }
.nl-left-out ul { display: grid; gap: 0.6rem; margin-top: 0.5rem; }
.nl-left-kind { margin: 0; font-size: 0.78rem; font-weight: 650; color: var(--nl-muted); }
.nl-left-text {
  margin: 0.15rem 0 0; padding: 0.35rem 0.5rem; border-radius: 6px; background: var(--nl-surface-2);
  font-size: 0.8rem; color: var(--nl-muted); white-space: pre-line; overflow-wrap: anywhere;
}
.nl-left-item { content-visibility: auto; contain-intrinsic-size: auto 5em; }
.nl-ent-list { display: grid; gap: 2px; }
.nl-ent { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.1rem 0.5rem; align-items: baseline; padding: 0.3rem 0.45rem; }
.nl-ent[aria-pressed="true"] {
  background: hsl(var(--nl-h) var(--nl-s) var(--nl-mark-l) / 0.2) !important;
  border-color: hsl(var(--nl-h) var(--nl-s) var(--nl-line-l));
}
.nl-ent-name { font-weight: 600; overflow-wrap: anywhere; }
.nl-ent-count {
  padding: 0 0.45rem; border-radius: 999px; background: var(--nl-surface-2); color: var(--nl-muted);
  font-size: 0.75rem; font-variant-numeric: tabular-nums;
}
.nl-ent-extra { grid-column: 1 / 3; color: var(--nl-muted); font-size: 0.8rem; }
.nl-salience { grid-column: 1 / 3; display: block; height: 2px; margin-top: 0.15rem; background: var(--nl-surface-2); border-radius: 2px; }
.nl-salience > span { display: block; height: 100%; border-radius: 2px; background: hsl(var(--nl-h) var(--nl-s) var(--nl-line-l)); }
.nl-panel .nl-more { margin-top: 0.3rem; padding: 0.25rem 0.45rem; color: var(--nl-accent); font-size: 0.82rem; width: auto; }
.nl-quotes { display: grid; gap: 0.4rem; margin-top: 0.5rem !important; }
.nl-quote { content-visibility: auto; contain-intrinsic-size: auto 6em; }
.nl-quote-group .nl-group-head { margin-top: 0.6rem; }
.nl-quote-group:first-child .nl-group-head { margin-top: 0; }
.nl-quote-btn { display: grid; gap: 0.25rem; padding: 0.45rem 0.55rem 0.5rem 0.65rem; border-inline-start: 3px solid var(--nl-quote) !important; border-radius: 0 8px 8px 0 !important; }
.nl-quote[data-quote="indirect"] .nl-quote-btn { border-inline-start-style: dashed !important; color: var(--nl-muted); }
.nl-quote-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.15rem 0.45rem; font-size: 0.82rem; }
.nl-kind {
  padding: 0 0.35rem; border-radius: 4px; font-size: 0.66rem; font-weight: 650; letter-spacing: 0.05em; text-transform: uppercase;
  background: var(--nl-quote-bg); box-shadow: inset 0 0 0 1px var(--nl-quote);
}
.nl-quote[data-quote="indirect"] .nl-kind { background: transparent; box-shadow: inset 0 0 0 1px var(--nl-line); }
.nl-speaker { font-weight: 600; }
.nl-speaker.nl-unknown { font-weight: 400; font-style: italic; color: var(--nl-muted); }
.nl-cue-word { color: var(--nl-muted); font-style: italic; }
.nl-cue-class { color: var(--nl-muted); font-size: 0.85em; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3em; }
.nl-quote-text { font-family: var(--nl-font-read); }
.nl-quote[data-quote="direct"] .nl-quote-text::before { content: "\\201C"; }
.nl-quote[data-quote="direct"] .nl-quote-text::after { content: "\\201D"; }
.nl-card {
  position: fixed; z-index: 2147483000; max-width: min(20rem, calc(100vw - 16px));
  padding: 0.5rem 0.75rem 0.55rem; border: 1px solid var(--nl-line);
  border-inline-start: 5px solid hsl(var(--nl-h, 0) var(--nl-s, 0%) var(--nl-line-l));
  border-radius: 10px; background: var(--nl-surface); box-shadow: 0 8px 28px rgb(0 0 0 / 18%);
  font-size: 0.85rem; line-height: 1.4; pointer-events: none;
}
.nl-card[hidden] { display: none; }
.nl-card p { margin: 0; }
.nl-card-name { font-weight: 650; font-size: 0.95rem; }
.nl-card-label, .nl-card-count { color: var(--nl-muted); font-size: 0.78rem; }
.nl-card-extra { margin-top: 0.15rem !important; }
@media (prefers-reduced-motion: reduce) { .nl-panel button { transition: none; } }
@media (forced-colors: active) {
  .nl-swatch, .nl-salience > span { forced-color-adjust: none; }
  .nl-card { border-inline-start-color: CanvasText; }
}
`;

const panelSheet = lazySheet(PANEL_CSS);

/** Adopts the panel's and the card's styles in the document or shadow root holding `node`. */
export function installPanelStyles(node) {
  return adopt(node, panelSheet());
}

/** Characters of one set-aside run shown when "Left out" is opened. */
const LEFT_OUT_CHARS = 1500;

/**
 * The summary of what a page analysis set aside: "menu, 12 related links, footer"
 * (kinds in the order the page first has them); '' when nothing was.
 */
export function leftOutSummary(setAside = []) {
  const kinds = new Map();
  for (const { kind, blocks } of setAside) {
    const k = kinds.get(kind) ?? { runs: 0, blocks: 0 };
    kinds.set(kind, { runs: k.runs + 1, blocks: k.blocks + blocks });
  }
  return [...kinds].map(([kind, { runs, blocks }]) => (SET_ASIDE_KINDS[kind] ?? SET_ASIDE_KINDS.other).summary(runs, blocks)).join(', ');
}

/** The page's address as a link when it is a web address, else as text. */
function urlValue(url) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return url;
  return h('a', { href: parsed.href, rel: 'noopener noreferrer nofollow', referrerpolicy: 'no-referrer', target: '_blank', text: url });
}

/** An ISO 8601 date (and time) for readers, in a <time>; the text as it is when it does not parse. */
function dateValue(iso) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const text = dateOnly
    ? when.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' })
    : `${when.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
  return h('time', { datetime: iso, text });
}

const bySalience = (a, b) => b.salience - a.salience || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name);

/**
 * The analysis panel. Options: `meta` (list the article's title, source,
 * dateline, byline, update stamp and structure), `maxEntities` (listed
 * before "Show all"), `maxQuotes` (listed at most), `groupQuotes` (the
 * quotes grouped by speaker, the speakers quoted most first), and callbacks:
 * `onSelect(id | null, { scroll })` for an entity button, `onPeek(id, on)`
 * when one is hovered, `onQuote(i | null)` when a quote is hovered or
 * focused, `onQuoteClick(i)`. `element` is the panel, to be mounted anywhere.
 */
export class Panel {
  #o;
  #ui;
  #analysis = null;
  #labels = null;
  #showAll = false;
  #selected = null;

  constructor(options = {}) {
    this.#o = { meta: false, maxEntities: Infinity, maxQuotes: Infinity, groupQuotes: false, ...options };
    const section = (name, title, count, ...body) => h('section', { class: 'nl-section', 'data-section': name }, h('h2', {}, title, count), ...body);
    const ui = {
      meta: h('dl', { class: 'nl-meta' }),
      leftOut: h('details', { class: 'nl-left-out' }),
      entityCount: h('span', { class: 'nl-count' }),
      entities: h('div', { class: 'nl-entities' }),
      more: h('button', { type: 'button', class: 'nl-more', hidden: true }),
      quoteCount: h('span', { class: 'nl-count' }),
      quotes: h('ol', { class: 'nl-quotes' }),
      quotesEmpty: h('p', { class: 'nl-empty', text: 'None yet.' }),
    };
    this.#ui = ui;
    this.element = h('div', { class: 'nl-panel' },
      this.#o.meta ? section('meta', 'Article', null, ui.meta) : null,
      (ui.leftOutSection = h('section', { class: 'nl-section', 'data-section': 'left-out', hidden: true }, ui.leftOut)),
      section('entities', 'Entities', ui.entityCount, ui.entities, ui.more),
      section('quotes', 'Quotes', ui.quoteCount, ui.quotes, ui.quotesEmpty));
    this.#listen();
    this.clear();
  }

  #listen() {
    const { entities, quotes, more } = this.#ui;
    const o = this.#o;
    more.addEventListener('click', () => {
      this.#showAll = !this.#showAll;
      this.#renderEntities();
    });
    entities.addEventListener('click', (event) => {
      const btn = event.target.closest('button.nl-ent');
      if (!btn) return;
      const id = Number(btn.dataset.entity);
      o.onSelect?.(id === this.#selected ? null : id, { scroll: true });
    });
    const entityOf = (event) => event.target.closest?.('button.nl-ent');
    const quoteOf = (event) => event.target.closest?.('li.nl-quote');
    for (const type of ['pointerover', 'focusin']) {
      entities.addEventListener(type, (event) => { const b = entityOf(event); if (b) o.onPeek?.(Number(b.dataset.entity), true); });
      quotes.addEventListener(type, (event) => { const q = quoteOf(event); if (q) o.onQuote?.(Number(q.dataset.q)); });
    }
    for (const type of ['pointerout', 'focusout']) {
      entities.addEventListener(type, (event) => {
        const b = entityOf(event);
        if (b && !b.contains(event.relatedTarget)) o.onPeek?.(Number(b.dataset.entity), false);
      });
      quotes.addEventListener(type, (event) => {
        const q = quoteOf(event);
        if (q && !q.contains(event.relatedTarget)) o.onQuote?.(null);
      });
    }
    quotes.addEventListener('click', (event) => {
      const q = quoteOf(event);
      if (q) o.onQuoteClick?.(Number(q.dataset.q));
    });
  }

  /** Empties the panel (`message` in the entity list). */
  clear(message = 'None yet.') {
    const ui = this.#ui;
    this.#analysis = null;
    this.#selected = null;
    ui.meta.replaceChildren();
    ui.leftOut.replaceChildren();
    ui.leftOutSection.hidden = true;
    ui.entities.replaceChildren(h('p', { class: 'nl-empty', text: message }));
    ui.entityCount.textContent = '';
    ui.more.hidden = true;
    ui.quotes.replaceChildren();
    ui.quotesEmpty.hidden = false;
    ui.quotesEmpty.textContent = message;
    ui.quoteCount.textContent = '';
  }

  /**
   * Shows `analysis` (a result of extract(), or the worker's view of one,
   * whose nulls are skipped and whose `counts` are used). `labels`: a Set of
   * the labels whose entities are listed (default all).
   */
  render(analysis, { labels = null } = {}) {
    this.#analysis = analysis;
    this.#labels = labels;
    if (this.#o.meta) this.#renderMeta();
    this.#renderLeftOut();
    this.#renderEntities();
    this.#renderQuotes();
  }

  /** How many entities are listed before "Show all". */
  setMaxEntities(n) {
    this.#o.maxEntities = n;
  }

  /** Marks entity `id` (or none) as selected in the list. */
  setSelected(id) {
    this.#selected = id;
    for (const btn of this.#ui.entities.querySelectorAll('button.nl-ent')) {
      btn.setAttribute('aria-pressed', String(Number(btn.dataset.entity) === id));
    }
  }

  #renderMeta() {
    const { article, sentences } = this.#analysis;
    const counts = this.#analysis.counts ?? {
      paragraphs: article.paragraphs.length, sentences: sentences.length, boilerplate: article.boilerplate.length,
    };
    const rows = [
      ['Title', article.title?.text], ['Source', article.source?.text], ['Dateline', article.dateline?.text],
      ['Byline', article.byline?.text], ['Updated', article.updated?.text],
      ...(typeof this.#analysis.text === 'string' ? pageRows(article) : []),
      ['Structure', `${plural(counts.paragraphs, 'paragraph')} · ${plural(counts.sentences, 'sentence')} · ${fmt(counts.boilerplate)} boilerplate`],
    ];
    this.#ui.meta.replaceChildren(...rows.flatMap(([name, value]) => [
      h('dt', { text: name }),
      h('dd', { class: value ? null : 'nl-missing', 'data-field': name.toLowerCase() }, value || '—'),
    ]));
  }

  /** "Left out: …", closed, opening onto each run set aside around a page's article. */
  #renderLeftOut() {
    const { leftOut, leftOutSection } = this.#ui;
    const runs = this.#analysis.article.set_aside ?? [];
    const open = leftOut.open;
    leftOutSection.hidden = runs.length === 0;
    leftOut.replaceChildren(h('summary', { text: `Left out: ${leftOutSummary(runs)}` }),
      h('ul', {}, ...runs.map(({ kind, text, blocks }) => {
        const shown = text.length > LEFT_OUT_CHARS ? `${text.slice(0, LEFT_OUT_CHARS)}… (${fmt(text.length - LEFT_OUT_CHARS)} more characters)` : text;
        return h('li', { class: 'nl-left-item', 'data-kind': kind },
          h('p', { class: 'nl-left-kind', text: `${(SET_ASIDE_KINDS[kind] ?? SET_ASIDE_KINDS.other).name} · ${plural(blocks, 'block')}` }),
          h('p', { class: 'nl-left-text', text: shown }));
      })));
    leftOut.open = open && runs.length > 0;
  }

  #renderEntities() {
    const ui = this.#ui;
    const analysis = this.#analysis;
    if (!analysis) return;
    const labels = this.#labels;
    const shown = analysis.entities.map((e, id) => ({ ...e, id })).filter((e) => !labels || labels.has(e.label));
    const groups = new Map();
    for (const e of shown.sort(bySalience)) {
      if (!groups.has(e.label)) groups.set(e.label, []);
      groups.get(e.label).push(e);
    }
    let budget = this.#showAll ? Infinity : this.#o.maxEntities;
    const sections = [];
    for (const [label, list] of groups) {   // groups in the order of their most salient entity
      if (budget <= 0) break;
      const items = list.slice(0, budget);
      budget -= items.length;
      sections.push(h('section', { class: 'nl-group', 'data-label': label },
        h('h3', { class: 'nl-group-head' }, h('span', { class: 'nl-swatch', 'aria-hidden': 'true' }),
          h('span', { text: labelName(label) }), h('span', { class: 'nl-count', text: fmt(list.length) })),
        h('ul', { class: 'nl-ent-list' }, ...items.map((e) => h('li', {}, this.#entityButton(e))))));
    }
    ui.entities.replaceChildren(...(sections.length ? sections : [h('p', { class: 'nl-empty', text: 'No entities found.' })]));
    ui.entityCount.textContent = shown.length ? fmt(shown.length) : '';
    ui.more.hidden = shown.length <= this.#o.maxEntities;
    ui.more.textContent = this.#showAll ? 'Show fewer' : `Show all ${fmt(shown.length)}`;
  }

  #entityButton(e) {
    const extra = [e.role, e.affiliation].filter(Boolean).join(' · ');
    const fill = h('span', {});
    fill.style.width = `${Math.round(Math.max(0.04, Math.min(1, e.salience)) * 100)}%`;
    return h('button', {
      type: 'button', class: 'nl-ent', 'data-entity': e.id, 'data-label': e.label,
      'aria-pressed': String(e.id === this.#selected),
      title: `${e.name}: ${labelName(e.label)}, ${plural(e.mentions.length, 'mention')}, salience ${e.salience.toFixed(2)}`,
    },
    h('span', { class: 'nl-ent-name', text: e.name }),
    h('span', { class: 'nl-ent-count', text: fmt(e.mentions.length), 'aria-label': plural(e.mentions.length, 'mention') }),
    extra ? h('span', { class: 'nl-ent-extra', text: extra }) : null,
    h('span', { class: 'nl-salience', 'aria-hidden': 'true' }, fill));
  }

  #renderQuotes() {
    const ui = this.#ui;
    const { quotes, entities } = this.#analysis;
    const total = this.#analysis.counts?.quotes ?? quotes.length;
    const listed = [];   // { q, i, speaker, key }
    for (let i = 0; i < quotes.length && listed.length < this.#o.maxQuotes; i++) {
      const q = quotes[i];
      if (!q) continue;
      const entity = q.speaker?.entity != null ? entities[q.speaker.entity] : null;
      // "they" names no one; the phrase it stands for ("officials") does.
      const speaker = entity?.name ?? q.speaker?.refers_to?.text ?? q.speaker?.text ?? '';
      listed.push({ q, i, speaker, key: entity ? `e${q.speaker.entity}` : speaker ? `t${speaker.toLowerCase()}` : '' });
    }
    const items = this.#o.groupQuotes ? quoteGroups(listed) : listed.map(quoteItem);
    if (total > listed.length) items.push(h('li', { class: 'nl-empty', text: `…and ${fmt(total - listed.length)} more, not listed.` }));
    ui.quotes.replaceChildren(...items);
    ui.quotesEmpty.hidden = total > 0;
    ui.quotesEmpty.textContent = 'No quotes found.';
    ui.quoteCount.textContent = total ? fmt(total) : '';
  }
}

/** One quote of the list: its kind, cue class, speaker and cue word, and its text, as a button. */
function quoteItem({ q, i, speaker }) {
  return h('li', { class: 'nl-quote', 'data-quote': q.kind, 'data-cue-class': q.cue_class ?? '', 'data-speaker': speaker, 'data-q': i },
    h('button', { type: 'button', class: 'nl-quote-btn' },
      h('span', { class: 'nl-quote-head' },
        h('span', { class: 'nl-kind', text: q.kind }),
        // Beliefs, findings and intentions are not statements: say so.
        q.cue_class && q.cue_class !== 'speech' ? h('span', { class: 'nl-cue-class', text: q.cue_class }) : null,
        h('span', { class: speaker ? 'nl-speaker' : 'nl-speaker nl-unknown', text: speaker || 'unattributed' }),
        q.cue ? h('span', { class: 'nl-cue-word', text: q.cue.text }) : null),
      h('span', { class: 'nl-quote-text', text: q.text })));
}

/**
 * The quotes grouped by speaker (one entity, else the same speaker text):
 * the speakers quoted most first, ties in the order they are first quoted;
 * the unattributed quotes last. Each group is a list item holding a heading
 * and the speaker's quotes in text order.
 */
function quoteGroups(listed) {
  const groups = new Map();
  for (const item of listed) {
    if (!groups.has(item.key)) groups.set(item.key, []);
    groups.get(item.key).push(item);
  }
  const order = [...groups.values()].sort((a, b) => (a[0].key === '') - (b[0].key === '') || b.length - a.length);
  return order.map((list) => {
    const name = list[0].key ? list[0].speaker : 'Unattributed';
    return h('li', { class: 'nl-quote-group', 'data-speaker': list[0].speaker },
      h('h3', { class: 'nl-group-head' }, h('span', { class: list[0].key ? 'nl-speaker' : 'nl-speaker nl-unknown', text: name }),
        h('span', { class: 'nl-count', text: fmt(list.length), 'aria-label': plural(list.length, 'quote') })),
      h('ol', { class: 'nl-quotes' }, ...list.map(quoteItem)));
  });
}

/** The metadata rows of a page's article ([name, value]: a string, a node, or empty). */
function pageRows(article) {
  return [
    ['Published', article.published && dateValue(article.published)],
    ['Modified', article.modified && article.modified !== article.published ? dateValue(article.modified) : null],
    ['Authors', article.authors?.join(', ')],
    ['Site', article.site_name],
    ['Link', article.url && urlValue(article.url)],
    ['Language', article.lang],
  ].filter(([name, value]) => value || name !== 'Modified');
}

/** The card shown for the mark under the pointer: the entity's name, label, role and counts. */
export class Card {
  constructor() {
    this.element = h('div', { class: 'nl-card', role: 'tooltip', hidden: true },
      h('p', { class: 'nl-card-name' }), h('p', { class: 'nl-card-label' }),
      h('p', { class: 'nl-card-extra' }), h('p', { class: 'nl-card-count' }));
  }

  /** Fills the card for `mark` (its data-m indexes `analysis.mentions`) and places it; false if there is nothing to show. */
  show(mark, analysis) {
    const mention = analysis?.mentions[Number(mark.dataset.m)];   // null beyond a view's rendered range
    if (!mention) return false;
    const entity = mention.entity != null ? analysis.entities[mention.entity] : null;
    const [name, label, extra, count] = this.element.children;
    name.textContent = entity?.name ?? mention.text;
    label.textContent = `${labelName(mention.label)} · ${mention.label}${mention.kind !== 'name' ? ` · ${mention.kind}` : ''}`;
    const more = entity ? [entity.role, entity.affiliation].filter(Boolean).join(' · ') : '';
    extra.textContent = more;
    extra.hidden = !more;
    if (entity) {
      const quoted = analysis.quotes.filter((q) => q?.speaker?.entity === mention.entity).length;
      count.textContent = `${plural(entity.mentions.length, 'mention')}${quoted ? ` · ${plural(quoted, 'quote')}` : ''}`;
    } else {
      count.textContent = 'Not linked to an entity';
    }
    this.element.dataset.label = mention.label;
    this.#place(mark);
    return true;
  }

  #place(mark) {
    const card = this.element;
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

  hide() {
    this.element.hidden = true;
  }
}

