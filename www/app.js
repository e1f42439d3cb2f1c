// newslens page: sends the textarea's text to the analysis worker and renders
// the result. The label table, formatting, the side panel, the hover card and
// the worker are the embedding layer's own (www/lib/), shared with
// <news-lens>. Everything derived from the input reaches the DOM as text
// nodes or textContent only — never as markup.
//
// Web pages come in three ways: a paste whose clipboard carries text/html
// (a page copied from a browser), "Open file" and a file dropped on the page.
// Their markup goes to the worker as a string and is parsed by the wasm's page
// stage (extractHtml), which builds a tree of its own: nothing of it becomes
// part of this document, so nothing in it runs, renders or is fetched. The
// textarea then holds the article newslens found (the result's `text`, which
// every offset indexes).
import { LABEL_ORDER, BOILERPLATE_KINDS, labelName, hueRules } from './lib/labels.js';
import { adopt, fmt, h, lazySheet, plural, scrollToCenter } from './lib/format.js';
import { Card, Panel, installPanelStyles } from './lib/panel.js';
import { workerClient } from './lib/engine.js';
import { readFile } from './lib/decode.js';
import { blocksOf, looksLikeArticle } from './lib/find.js';

// The wasm is fetched and compiled here, first thing, and the compiled module
// is handed to the worker: the download then runs while the worker starts
// (its scripts load one after another: about 200 ms in headless Chromium
// here), not after, and a respawned worker reuses the module. null: the
// worker loads the wasm itself (e.g. a server that does not send
// application/wasm, which compileStreaming needs, or no WebAssembly on this
// thread: the async function turns even that into a rejection, so this line
// can never stop the page from starting).
const WASM_URL = new URL('./pkg/newslens_bg.wasm', import.meta.url);
const wasmLoadStart = performance.now();
const wasmModule = (async () => WebAssembly.compileStreaming(fetch(WASM_URL)))().catch(() => null);

const RENDER_CAP = 200_000;     // characters of the article rendered with marks
const SLICE_CHARS = 12_000;     // characters rendered per animation frame
const MAX_ENTITIES = 400;       // entities listed in the side panel before "Show all"
const MAX_QUOTES = 300;         // quotes listed in the side panel
const DEBOUNCE_MS = 150;
const RESPAWN_AFTER_MS = 400;   // a request older than this is abandoned when new text arrives

const $ = (id) => document.getElementById(id);
const els = {
  textarea: $('article'), status: $('status'), output: $('output'), note: $('note'), legend: $('legend'),
  panel: $('panel'), descriptions: $('descriptions'), sample: $('sample'), clear: $('clear'), download: $('download'),
  open: $('open'), file: $('file'), input: $('input'), origin: $('origin'),
};

/**
 * Timings for tests and the curious (ms). `instantiateMs`: from the page starting to fetch the
 * wasm to the worker holding an instance (download, compile, the worker's start, instantiate);
 * `workerInstantiateMs`: only the worker's part, from the compiled module to an instance (where
 * the page could not compile the wasm, the worker's own download and compile as well);
 * `downloadMs`: the wasm's download (Resource Timing); `warmupMs`: the worker's warm-up extract;
 * `firstExtractMs`: the first article's extract. Counted from the page's navigation:
 * `pageStartMs` (this script starts), `workerLoadedAtMs` (the worker's scripts have loaded),
 * `readyAtMs` (the analyser is ready) and `firstRenderMs`.
 */
const timings = (window.newslensTimings = {
  instantiateMs: null, workerInstantiateMs: null, warmupMs: null, downloadMs: null,
  pageStartMs: wasmLoadStart, workerLoadedAtMs: null, readyAtMs: null,
  firstExtractMs: null, firstRoundTripMs: null, firstRenderMs: null,
});

// ---------------------------------------------------------------- helpers

/** Creates an element with optional class and text content (always as text). */
const el = (tag, className, text) => h(tag, { class: className, text });

// The label colours of the page's marks, legend and descriptions: the one label table's.
adopt(document, lazySheet(() => hueRules('[data-label]'))());

function setStatus(state, text) {
  els.status.dataset.state = state;
  els.status.textContent = text;
}

// ---------------------------------------------------------------- worker

let client = null;
let workerReady = false;
let seq = 0;           // id of the newest request
let inflight = null;   // { id, input, sentAt }
let pending = null;    // { id, input } waiting for the worker
let current = null;    // { id, text, analysis, request } last rendered

// What is analysed: { text, note? } typed or pasted as text (`note`: a line to show above
// it), or { html, fallback, from } a web page's markup (`fallback`: the clipboard's plain
// text, analysed when the markup holds no article; `from`: where the page came from, in words).

function spawnWorker() {
  workerReady = false;
  const c = (client = workerClient({ waitForModule: true }));
  wasmModule.then((module) => c.sendModule(module));
  c.ready.then((data) => {
    if (c !== client) return;
    workerReady = true;
    if (timings.readyAtMs == null) {
      // The worker's clock and the page's meet through their time origins.
      timings.instantiateMs = data.instantiatedAt - performance.timeOrigin - wasmLoadStart;
      timings.workerInstantiateMs = data.instantiateMs;
      timings.workerLoadedAtMs = data.loadedAt - performance.timeOrigin;
      timings.warmupMs = data.warmupMs;
      const own = performance.getEntriesByName(WASM_URL.href)[0];
      timings.downloadMs = own ? own.responseEnd - own.startTime : data.downloadMs;
      timings.readyAtMs = performance.now();
    }
    if (!inflight && !current) setStatus('ready', 'Ready — paste an article or load the sample.');
  }, (err) => {
    if (c !== client) return;
    inflight = null;
    const why = err.notStarted ? 'Could not start the analyser (is www/pkg built? run scripts/build-wasm.sh).' : `Analysis failed: ${err.message}`;
    setStatus('error', why);
  });
}

/** Where rendering stops: RENDER_CAP, moved back to a line break when one is near. */
function renderEnd(text) {
  if (text.length <= RENDER_CAP) return text.length;
  let end = RENDER_CAP;
  const nl = text.lastIndexOf('\n', end);
  if (nl > end - 5000) end = nl;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return end;
}

function send(id, input) {
  const sent = (inflight = { id, input, sentAt: performance.now() });
  const c = client;
  // A page's article is not known before the answer: its view is capped at RENDER_CAP.
  const run = input.html != null
    ? c.extractHtml(input.html, { cap: RENDER_CAP, maxQuotes: MAX_QUOTES })
    : c.extract(input.text, { cap: renderEnd(input.text), maxQuotes: MAX_QUOTES });
  run.then(
    (result) => finished(sent, result, null),
    (err) => finished(sent, null, c === client ? err : null),
  );
}

/** Analyses text (a string) or a web page ({ html, fallback, from }). */
function analyse(input) {
  if (typeof input === 'string') input = { text: input };
  const id = ++seq;
  if (input.html == null && !input.text.trim()) {
    pending = null;
    showEmpty();
    return;
  }
  const doing = input.html != null ? `Finding the article in the ${input.from}…` : 'Analysing…';
  setStatus('working', workerReady ? doing : 'Loading the analyser…');
  if (!inflight) return send(id, input);
  if (performance.now() - inflight.sentAt > RESPAWN_AFTER_MS) {
    // A long analysis of text that has changed since: abandon it rather than queue behind it.
    client.terminate();
    els.download.disabled = true;   // the old worker held the full result
    spawnWorker();
    return send(id, input);
  }
  pending = { id, input };
}

/** A request has come back (`result`), failed (`err`) or was abandoned (both null). */
function finished(request, result, err) {
  if (inflight !== request) return;   // abandoned with its worker
  inflight = null;
  if (pending) {
    const next = pending;
    pending = null;
    send(next.id, next.input);
  }
  if (err) {
    if (request.id === seq) setStatus('error', `Analysis failed: ${err.message}`);
    return;
  }
  if (!result || request.id !== seq) return;   // stale: newer text exists
  if (timings.firstExtractMs == null) {
    timings.firstExtractMs = result.extractMs;
    timings.firstRoundTripMs = performance.now() - request.sentAt;
  }
  const { input } = request;
  if (input.html == null) {
    showOrigin(input.note ?? null);
    show(input.text, result.analysis, result.extractMs, request.id, result.id);
    return;
  }
  const text = result.analysis.text ?? '';
  if (!text.trim()) {
    // Nothing readable in the markup: the clipboard's plain text, if it has one.
    if (input.fallback?.trim()) {
      els.textarea.value = input.fallback;
      analyse({ text: input.fallback, note: `No text was found in the ${input.from}'s markup: its plain text is analysed as it was copied.` });
    } else {
      els.textarea.value = '';
      showEmpty();
      showOrigin(`No article was found in the ${input.from}.`);
    }
    return;
  }
  // The textarea shows the article found, which every offset of the analysis indexes.
  els.textarea.value = text;
  showOrigin(looksLikeArticle(text, blocksOf(text))
    ? `The article newslens found in the ${input.from}: menus, links, comments and footers are left out (listed under “Left out”). Editing the text analyses it as plain text.`
    : `The ${input.from} does not read as a whole article (a part of a page, or a page of links): the text newslens kept from it is shown.`);
  show(text, result.analysis, result.extractMs, request.id, result.id);
}

/** The line above the text saying where its article came from (null: none, for typed text). */
function showOrigin(message) {
  els.origin.hidden = message == null;
  els.origin.textContent = message ?? '';
}
// ---------------------------------------------------------------- input

let debounceTimer = 0;
els.textarea.addEventListener('input', () => {
  clearTimeout(debounceTimer);
  const text = els.textarea.value;
  const delay = text.length > RENDER_CAP ? DEBOUNCE_MS * 3 : DEBOUNCE_MS;
  debounceTimer = setTimeout(() => analyse(els.textarea.value), delay);
});

els.sample.addEventListener('click', async () => {
  els.sample.disabled = true;
  try {
    const res = await fetch('./sample-article.txt', { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    els.textarea.value = await res.text();
    clearTimeout(debounceTimer);
    analyse(els.textarea.value);
  } catch (err) {
    setStatus('error', `Could not load the sample article (${err.message}).`);
  } finally {
    els.sample.disabled = false;
  }
});

els.clear.addEventListener('click', () => {
  els.textarea.value = '';
  clearTimeout(debounceTimer);
  showOrigin(null);
  analyse('');
  els.textarea.focus();
});

// A paste that carries a web page's markup (a browser's copy of a page) goes
// through the page stage, when it replaces the whole text. Pasting into text
// being edited, or a paste of plain text, is left to the browser (the input
// event analyses the result).
els.textarea.addEventListener('paste', (event) => {
  const data = event.clipboardData;
  const html = data?.types.includes('text/html') ? data.getData('text/html') : '';
  if (!html.trim()) return;
  const ta = els.textarea;
  const whole = !ta.value.trim() || (ta.selectionStart === 0 && ta.selectionEnd === ta.value.length);
  if (!whole) return;
  event.preventDefault();
  loadPage(html, data.getData('text/plain'), 'pasted page');
});

/** Analyses a web page's markup; the textarea shows its plain text (if any) until the article comes. */
function loadPage(html, plain, from) {
  clearTimeout(debounceTimer);
  els.textarea.value = plain ?? '';
  showOrigin(`Finding the article in the ${from}…`);
  analyse({ html, fallback: plain, from });
}

/** Reads a chosen or dropped file: a web page (by name or content) or plain text. */
async function openFile(file) {
  try {
    const { text, html } = await readFile(file);
    if (html) {
      loadPage(text, null, `file “${file.name}”`);
    } else {
      clearTimeout(debounceTimer);
      els.textarea.value = text;
      showOrigin(null);
      analyse(text);
    }
  } catch (err) {
    setStatus('error', `Could not read ${file.name}: ${err.message}`);
  }
}

els.open.addEventListener('click', () => els.file.click());
els.file.addEventListener('change', () => {
  const [file] = els.file.files;
  els.file.value = '';   // choosing the same file again is a change too
  if (file) openFile(file);
});

// Files dropped anywhere on the page are read here; the browser must never
// open a dropped page itself (that would load and run it).
const carriesFiles = (event) => event.dataTransfer?.types.includes('Files');
document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  els.input.classList.add('dropping');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget == null) els.input.classList.remove('dropping');
});
document.addEventListener('drop', (event) => {
  els.input.classList.remove('dropping');
  if (!carriesFiles(event)) return;
  event.preventDefault();
  const [file] = event.dataTransfer.files;
  if (file) openFile(file);
});

// The worker holds the full analysis (the page only has a view of it) and builds the file.
els.download.addEventListener('click', async () => {
  if (!current || !client) return;
  const { id, request } = current;
  try {
    const blob = await client.download(request);
    if (current?.id === id) saveDownload(blob);
  } catch (err) {
    if (current?.id === id) setStatus('error', `Download failed: ${err.message}`);
  }
});

function saveDownload(blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'newslens-analysis.json';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

// ---------------------------------------------------------------- rendering

let renderToken = 0;
let selected = null;   // { name, label } of the selected entity, kept across re-analysis

function showEmpty() {
  renderToken++;
  current = null;
  els.download.disabled = true;
  els.output.replaceChildren(el('p', 'empty', 'The annotated article appears here: names are coloured by type, quotes are outlined and boilerplate is struck through.'));
  delete els.output.dataset.length;
  els.note.hidden = true;
  els.legend.replaceChildren();
  showOrigin(null);
  panel.clear();
  card.hide();
  setStatus(workerReady ? 'ready' : 'loading', workerReady ? 'Ready — paste an article or load the sample.' : 'Loading the analyser…');
}

function show(text, analysis, extractMs, id, request) {
  current = { id, text, analysis, request };
  els.download.disabled = false;
  card.hide();
  renderLegend(analysis);
  panel.render(analysis);
  renderText(text, analysis, () => {
    els.output.dataset.length = String(text.length);
    els.output.dataset.request = String(id);
    if (timings.firstRenderMs == null) timings.firstRenderMs = performance.now();
    restoreSelection();
  });
  const { counts } = analysis;
  setStatus('done', `${plural(counts.mentions, 'mention')} · ${plural(counts.entities, 'entity', 'entities')} · ${plural(counts.quotes, 'quote')} · ${fmt(Math.max(1, Math.round(extractMs)))} ms`);
}

/** Splits the rendered range into blocks: lines, except that a paragraph span stays one block. */
function computeBlocks(text, end, paragraphs) {
  const blocks = [];
  let p = 0;
  let blockStart = 0;
  const push = (s, e) => {
    if (/\S/.test(text.slice(s, e))) blocks.push({ start: s, end: e });
  };
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    while (p < paragraphs.length && paragraphs[p].end <= i) p++;
    if (p < paragraphs.length && paragraphs[p].start <= i) continue;   // newline inside a paragraph
    push(blockStart, i);
    blockStart = i + 1;
  }
  push(blockStart, end);
  return blocks;
}

/** Builds the sorted open/close events of every span that changes how a piece looks. */
function computeEvents(analysis, end) {
  const events = [];
  const add = (span, kind, value) => {
    if (!span || span.start >= end || span.end <= span.start) return;
    events.push({ pos: span.start, open: true, kind, value });
    events.push({ pos: Math.min(span.end, end), open: false, kind, value });
  };
  analysis.mentions.forEach((m, i) => add(m, 'mention', i));
  analysis.quotes.forEach((q, i) => {
    if (!q) return;
    add(q, 'q', i);
    add(q.speaker, 'spk', i);
    add(q.cue, 'cue', i);
  });
  analysis.article.boilerplate.forEach((b, i) => add(b, 'bp', i));
  for (const key of ['source', 'dateline', 'byline', 'updated']) add(analysis.article[key], 'meta', key);
  // Closing before opening at the same position keeps half-open spans apart.
  events.sort((a, b) => a.pos - b.pos || Number(a.open) - Number(b.open));
  return events;
}

/** The descriptions the marks point at with aria-describedby (kept outside the article text). */
function describeMarks(entities) {
  const descriptions = [];
  entities.forEach((e, i) => {
    const d = el('span', null, `${e.name}: ${labelName(e.label)}${e.role ? `, ${e.role}` : ''}${e.affiliation ? `, ${e.affiliation}` : ''}; ${plural(e.mentions.length, 'mention')}`);
    d.id = `desc-e${i}`;
    descriptions.push(d);
  });
  for (const label of LABEL_ORDER) {
    const d = el('span', null, labelName(label));
    d.id = `desc-l${label}`;
    descriptions.push(d);
  }
  els.descriptions.replaceChildren(...descriptions);
}

function renderText(text, analysis, done) {
  const token = ++renderToken;
  const end = renderEnd(text);
  if (end < text.length) {
    els.note.hidden = false;
    els.note.textContent = `Long text: the first ${fmt(end)} of ${fmt(text.length)} characters are shown with highlights. The side panel and the JSON download cover the whole text.`;
  } else {
    els.note.hidden = true;
  }

  const { article, mentions, entities } = analysis;
  const titleSpan = article.title;
  const paragraphs = [...article.paragraphs].sort((a, b) => a.start - b.start);
  const blocks = computeBlocks(text, end, paragraphs);
  const events = computeEvents(analysis, end);
  const boilerplate = article.boilerplate;

  // Boundaries: every event position and every block edge.
  const cuts = new Set([0, end]);
  for (const e of events) cuts.add(e.pos);
  for (const b of blocks) { cuts.add(b.start); cuts.add(b.end); }
  const positions = [...cuts].filter((x) => x <= end).sort((a, b) => a - b);

  // Sweep state.
  const active = { mention: -1, q: new Set(), spk: new Set(), cue: new Set(), bp: -1, meta: null };
  let ev = 0;
  let bi = 0;
  let blockEl = null;
  let blockIndex = -1;
  let wrapper = null;
  let wrapperKey = '';
  let mark = null;
  let markIndex = -1;
  let k = 0;

  describeMarks(entities);
  const fragment = document.createDocumentFragment();
  let target = fragment;

  const openBlock = (block) => {
    const isTitle = titleSpan && block.start < titleSpan.end && titleSpan.start < block.end;
    const node = isTitle ? el('h3', 'blk title') : el('p', 'blk');
    const para = paragraphs.find((p) => p.start <= block.start && block.end <= p.end);
    if (!isTitle && !para) node.classList.add('line');
    const covering = boilerplate.filter((b) => b.start < block.end && block.start < b.end);
    if (covering.length) {
      const uncovered = text.slice(block.start, block.end).split('').some((ch, j) => {
        const pos = block.start + j;
        return /\S/.test(ch) && !covering.some((b) => b.start <= pos && pos < b.end);
      });
      if (!uncovered) {
        node.classList.add('boilerplate');
        node.dataset.kind = BOILERPLATE_KINDS[covering[0].kind] ?? covering[0].kind;
      }
    }
    target.append(node);
    return node;
  };

  const step = () => {
    if (token !== renderToken) return;
    const budgetEnd = (positions[k] ?? end) + SLICE_CHARS;
    for (; k < positions.length - 1; k++) {
      const a = positions[k];
      const b = positions[k + 1];
      if (a >= budgetEnd) break;
      while (ev < events.length && events[ev].pos <= a) {
        const e = events[ev++];
        if (e.kind === 'mention') active.mention = e.open ? e.value : (active.mention === e.value ? -1 : active.mention);
        else if (e.kind === 'bp') active.bp = e.open ? e.value : (active.bp === e.value ? -1 : active.bp);
        else if (e.kind === 'meta') active.meta = e.open ? e.value : (active.meta === e.value ? null : active.meta);
        else active[e.kind][e.open ? 'add' : 'delete'](e.value);
      }
      while (bi < blocks.length && blocks[bi].end <= a) bi++;
      const block = blocks[bi];
      if (!block || a < block.start) continue;   // separator between blocks
      if (bi !== blockIndex) {
        blockEl = openBlock(block);
        blockIndex = bi;
        wrapper = blockEl;
        wrapperKey = '';
        mark = null;
      }
      const key = [[...active.q].join(' '), [...active.spk].join(' '), [...active.cue].join(' '), active.bp, active.meta].join('|');
      if (key !== wrapperKey) {
        wrapperKey = key;
        mark = null;
        if (!active.q.size && !active.spk.size && !active.cue.size && active.bp < 0 && !active.meta) {
          wrapper = blockEl;
        } else {
          wrapper = el('span', 'seg');
          if (active.q.size) {
            wrapper.classList.add('q');
            wrapper.dataset.q = [...active.q].join(' ');
            wrapper.dataset.kind = analysis.quotes[[...active.q][0]].kind;
          }
          if (active.spk.size) { wrapper.classList.add('spk'); wrapper.dataset.spk = [...active.spk].join(' '); }
          if (active.cue.size) { wrapper.classList.add('cue'); wrapper.dataset.cue = [...active.cue].join(' '); }
          if (active.bp >= 0) { wrapper.classList.add('bp'); wrapper.dataset.bp = boilerplate[active.bp].kind; }
          if (active.meta) { wrapper.classList.add('meta-span'); wrapper.dataset.meta = active.meta; }
          blockEl.append(wrapper);
        }
      }
      const piece = document.createTextNode(text.slice(a, b));
      if (active.mention >= 0) {
        if (!mark || markIndex !== active.mention) {
          const m = mentions[active.mention];
          mark = document.createElement('mark');
          mark.dataset.label = m.label;
          mark.dataset.kind = m.kind;
          mark.dataset.m = String(active.mention);
          if (m.entity != null) {
            mark.dataset.entity = String(m.entity);
            mark.setAttribute('aria-describedby', `desc-e${m.entity}`);
          } else {
            mark.setAttribute('aria-describedby', `desc-l${m.label}`);
          }
          markIndex = active.mention;
          wrapper.append(mark);
        }
        mark.append(piece);
      } else {
        mark = null;
        markIndex = -1;
        wrapper.append(piece);
      }
    }
    if (target === fragment) {
      els.output.replaceChildren(fragment);
      target = els.output;
    }
    if (k < positions.length - 1) requestAnimationFrame(step);
    else done();
  };
  step();
}


// ---------------------------------------------------------------- side panel and card (lib/panel.js)

const panel = new Panel({
  meta: true,
  maxEntities: MAX_ENTITIES,
  maxQuotes: MAX_QUOTES,
  onSelect: (id, { scroll }) => (id == null ? unselect() : selectEntity(id, { scroll })),
  onPeek: (id, on) => { for (const m of entityMarks(id)) m.classList.toggle('peek', on); },
  onQuote: (i) => highlightQuote(i),
  onQuoteClick: (i) => scrollToCenter(els.output.querySelector(`[data-q~="${Number(i)}"]`)),
});
els.panel.append(panel.element);
const card = new Card();
document.body.append(card.element);
installPanelStyles(document);

/** The legend above the text: the labels present, with counts. */
function renderLegend({ counts }) {
  const perLabel = new Map(Object.entries(counts.labels));
  els.legend.replaceChildren(...LABEL_ORDER.filter((l) => perLabel.has(l)).map((label) => {
    const li = el('li', 'chip');
    li.dataset.label = label;
    li.append(el('span', 'swatch'), el('span', 'chip-name', labelName(label)), el('span', 'chip-count', fmt(perLabel.get(label))));
    li.title = `${label}: ${plural(perLabel.get(label), 'mention')}`;
    return li;
  }));
}

// ---------------------------------------------------------------- interaction

function entityMarks(id) {
  return els.output.querySelectorAll(`mark[data-entity="${Number(id)}"]`);
}

function clearSelection() {
  for (const node of els.output.querySelectorAll('.sel')) node.classList.remove('sel');
  panel.setSelected(null);
  els.output.classList.remove('has-sel');
}

function unselect() {
  clearSelection();
  selected = null;
}

function selectEntity(id, { scroll = false } = {}) {
  clearSelection();
  const entity = current?.analysis.entities[id];
  if (!entity) { selected = null; return; }
  selected = { name: entity.name, label: entity.label };
  const marks = entityMarks(id);
  for (const m of marks) m.classList.add('sel');
  els.output.classList.add('has-sel');
  panel.setSelected(id);
  if (scroll) scrollToCenter(marks[0]);
}

function restoreSelection() {
  if (!selected || !current) return;
  const id = current.analysis.entities.findIndex((e) => e.name === selected.name && e.label === selected.label);
  if (id >= 0) selectEntity(id);
  else unselect();
}

els.output.addEventListener('click', (event) => {
  const mark = event.target.closest('mark');
  if (!mark) return;
  if (mark.dataset.entity == null) {
    const was = mark.classList.contains('sel');
    unselect();
    if (!was) mark.classList.add('sel');
    return;
  }
  if (mark.classList.contains('sel')) unselect();
  else selectEntity(Number(mark.dataset.entity));
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') { unselect(); card.hide(); }
});

// A quote hovered or focused in the panel: its content, speaker and cue outlined in the text.
let highlighted = null;
function highlightQuote(i) {
  if (highlighted != null) for (const node of quoteParts(highlighted)) node.classList.remove('hl');
  highlighted = i;
  if (i != null) for (const node of quoteParts(i)) node.classList.add('hl');
}
const quoteParts = (i) => els.output.querySelectorAll(`[data-q~="${Number(i)}"], [data-spk~="${Number(i)}"], [data-cue~="${Number(i)}"]`);

els.output.addEventListener('pointerover', (event) => {
  const mark = event.target.closest('mark');
  if (mark) card.show(mark, current?.analysis);
});
els.output.addEventListener('pointerout', (event) => {
  const mark = event.target.closest('mark');
  if (mark && !mark.contains(event.relatedTarget)) card.hide();
});
window.addEventListener('scroll', () => card.hide(), { passive: true });

// ---------------------------------------------------------------- start

spawnWorker();
if (els.textarea.value.trim()) analyse(els.textarea.value);   // e.g. restored by the browser
