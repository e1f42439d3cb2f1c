// newslens page: sends the textarea's text to the analysis worker and renders
// the result. Everything derived from the input reaches the DOM as text nodes
// or textContent only — never as markup.

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
const MAX_ENTITIES = 400;       // entities listed in the side panel
const MAX_QUOTES = 300;         // quotes listed in the side panel
const DEBOUNCE_MS = 150;
const RESPAWN_AFTER_MS = 400;   // a request older than this is abandoned when new text arrives

const LABELS = {
  PERSON: 'Person', NORP: 'Group / nationality', ORG: 'Organisation', GPE: 'Country / city',
  LOC: 'Location', FAC: 'Facility', PRODUCT: 'Product', EVENT: 'Event', WORK_OF_ART: 'Work of art',
  LAW: 'Law', LANGUAGE: 'Language', DATE: 'Date', TIME: 'Time', PERCENT: 'Percent',
  MONEY: 'Money', QUANTITY: 'Quantity', ORDINAL: 'Ordinal', CARDINAL: 'Number', MISC: 'Other',
};
const LABEL_ORDER = Object.keys(LABELS);
const BOILERPLATE_KINDS = {
  'repeated-title': 'repeated title', stamp: 'time stamp', 'comment-policy': 'comment policy',
  promo: 'promotion', copyright: 'copyright', label: 'label',
};

const $ = (id) => document.getElementById(id);
const els = {
  textarea: $('article'), status: $('status'), output: $('output'), note: $('note'),
  legend: $('legend'), meta: $('meta'), entities: $('entities'), entityCount: $('entity-count'),
  quotes: $('quotes'), quoteCount: $('quote-count'), quotesEmpty: $('quotes-empty'),
  descriptions: $('descriptions'), sample: $('sample'), clear: $('clear'), download: $('download'), card: $('hovercard'),
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
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

const fmt = (n) => n.toLocaleString('en');
const plural = (n, one, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;
const labelName = (label) => LABELS[label] ?? label;
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function setStatus(state, text) {
  els.status.dataset.state = state;
  els.status.textContent = text;
}

// ---------------------------------------------------------------- worker

let worker = null;
let workerReady = false;
let seq = 0;           // id of the newest request
let inflight = null;   // { id, text, sentAt }
let pending = null;    // { id, text } waiting for the worker
let current = null;    // { text, analysis } last rendered

function spawnWorker() {
  workerReady = false;
  const w = (worker = new Worker('./worker.js', { type: 'module' }));
  wasmModule.then((module) => w.postMessage({ type: 'module', module }));
  w.onmessage = onWorkerMessage;
  w.onerror = (event) => {
    event.preventDefault?.();
    inflight = null;
    setStatus('error', 'Could not start the analyser (is www/pkg built? run scripts/build-wasm.sh).');
  };
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

function send(id, text) {
  inflight = { id, text, sentAt: performance.now() };
  worker.postMessage({ type: 'analyse', id, text, cap: renderEnd(text), maxQuotes: MAX_QUOTES });
}

function analyse(text) {
  const id = ++seq;
  if (!text.trim()) {
    pending = null;
    showEmpty();
    return;
  }
  setStatus('working', workerReady ? 'Analysing…' : 'Loading the analyser…');
  if (!inflight) return send(id, text);
  if (performance.now() - inflight.sentAt > RESPAWN_AFTER_MS) {
    // A long analysis of text that has changed since: abandon it rather than queue behind it.
    worker.terminate();
    els.download.disabled = true;   // the old worker held the full result
    spawnWorker();
    return send(id, text);
  }
  pending = { id, text };
}

function onWorkerMessage({ data }) {
  if (data.type === 'download') {
    saveDownload(data);
    return;
  }
  if (data.type === 'ready') {
    workerReady = true;
    if (timings.readyAtMs == null) {
      // The worker's clock and the page's meet through their time origins.
      timings.instantiateMs = data.instantiatedAt - performance.timeOrigin - wasmLoadStart;
      timings.workerInstantiateMs = data.workerInstantiateMs;
      timings.workerLoadedAtMs = data.loadedAt - performance.timeOrigin;
      timings.warmupMs = data.warmupMs;
      const own = performance.getEntriesByName(WASM_URL.href)[0];
      timings.downloadMs = own ? own.responseEnd - own.startTime : data.downloadMs;
      timings.readyAtMs = performance.now();
    }
    if (!inflight && !current) setStatus('ready', 'Ready — paste an article or load the sample.');
    return;
  }
  const finished = inflight;
  if (data.id != null) inflight = null;
  if (pending) {
    const next = pending;
    pending = null;
    send(next.id, next.text);
  }
  if (data.type === 'error') {
    if (data.id == null || data.id === seq) setStatus('error', `Analysis failed: ${data.message}`);
    return;
  }
  if (data.id !== seq || !finished || finished.id !== data.id) return;   // stale: newer text exists
  if (timings.firstExtractMs == null) {
    timings.firstExtractMs = data.extractMs;
    timings.firstRoundTripMs = performance.now() - finished.sentAt;
  }
  show(finished.text, data.analysis, data.extractMs, data.id);
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
  analyse('');
  els.textarea.focus();
});

// The worker holds the full analysis (the page only has a view of it) and builds the file.
els.download.addEventListener('click', () => {
  if (!current || !worker) return;
  worker.postMessage({ type: 'download', id: current.id });
});

function saveDownload({ id, blob, error }) {
  if (!current || id !== current.id) return;
  if (!blob) {
    setStatus('error', `Download failed: ${error}`);
    return;
  }
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
  els.meta.replaceChildren();
  els.entities.replaceChildren(el('p', 'empty', 'None yet.'));
  els.entityCount.textContent = '';
  els.quotes.replaceChildren();
  els.quotesEmpty.hidden = false;
  els.quoteCount.textContent = '';
  hideCard();
  setStatus(workerReady ? 'ready' : 'loading', workerReady ? 'Ready — paste an article or load the sample.' : 'Loading the analyser…');
}

function show(text, analysis, extractMs, id) {
  current = { id, text, analysis };
  els.download.disabled = false;
  hideCard();
  renderPanel(analysis);
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

  // Descriptions the marks point at with aria-describedby (kept outside the article text).
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

// ---------------------------------------------------------------- side panel

function renderPanel(analysis) {
  const { article, entities, quotes, counts } = analysis;

  // Legend: the labels present, with counts.
  const perLabel = new Map(Object.entries(counts.labels));
  els.legend.replaceChildren(...LABEL_ORDER.filter((l) => perLabel.has(l)).map((label) => {
    const li = el('li', 'chip');
    li.dataset.label = label;
    li.append(el('span', 'swatch'), el('span', 'chip-name', labelName(label)), el('span', 'chip-count', fmt(perLabel.get(label))));
    li.title = `${label}: ${plural(perLabel.get(label), 'mention')}`;
    return li;
  }));

  // Metadata.
  const rows = [
    ['Title', article.title?.text], ['Source', article.source?.text], ['Dateline', article.dateline?.text],
    ['Byline', article.byline?.text], ['Updated', article.updated?.text],
    ['Structure', `${plural(counts.paragraphs, 'paragraph')} · ${plural(counts.sentences, 'sentence')} · ${fmt(counts.boilerplate)} boilerplate`],
  ];
  els.meta.replaceChildren(...rows.flatMap(([name, value]) => {
    const dd = el('dd', value ? null : 'missing', value || '—');
    dd.dataset.field = name.toLowerCase();
    return [el('dt', null, name), dd];
  }));

  // Entities grouped by label; groups and members most salient first.
  const groups = new Map();
  entities.forEach((e, id) => {
    if (!groups.has(e.label)) groups.set(e.label, []);
    groups.get(e.label).push({ ...e, id });
  });
  const bySalience = (a, b) => b.salience - a.salience || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name);
  const ordered = [...groups.entries()]
    .map(([label, list]) => [label, list.sort(bySalience)])
    .sort((a, b) => bySalience(a[1][0], b[1][0]));
  let budget = MAX_ENTITIES;
  const groupEls = [];
  for (const [label, list] of ordered) {
    if (budget <= 0) break;
    const group = el('section', 'ent-group');
    group.dataset.label = label;
    const h = el('h3', 'ent-group-head');
    h.append(el('span', 'swatch'), el('span', null, labelName(label)), el('span', 'count', fmt(list.length)));
    const ul = el('ul', 'ent-list');
    for (const e of list.slice(0, budget)) {
      const li = el('li');
      const btn = el('button', 'ent');
      btn.type = 'button';
      btn.dataset.entity = String(e.id);
      btn.dataset.label = e.label;
      btn.setAttribute('aria-pressed', 'false');
      const top = el('span', 'ent-top');
      top.append(el('span', 'ent-name', e.name), el('span', 'ent-count', fmt(e.mentions.length)));
      btn.append(top);
      const extra = [e.role, e.affiliation].filter(Boolean).join(' · ');
      if (extra) btn.append(el('span', 'ent-extra', extra));
      const bar = el('span', 'salience');
      const fill = el('span', 'salience-fill');
      fill.style.width = `${Math.round(Math.max(0, Math.min(1, e.salience)) * 100)}%`;
      bar.append(fill);
      btn.append(bar);
      btn.title = `${e.name} — ${labelName(e.label)}, ${plural(e.mentions.length, 'mention')}, salience ${e.salience.toFixed(2)}`;
      li.append(btn);
      ul.append(li);
    }
    budget -= list.length;
    group.append(h, ul);
    groupEls.push(group);
  }
  if (entities.length > MAX_ENTITIES) groupEls.push(el('p', 'empty', `…and ${fmt(entities.length - MAX_ENTITIES)} more in the JSON download.`));
  if (!groupEls.length) groupEls.push(el('p', 'empty', 'No entities found.'));
  els.entities.replaceChildren(...groupEls);
  els.entityCount.textContent = entities.length ? fmt(entities.length) : '';

  // Quotes.
  const items = quotes.slice(0, MAX_QUOTES).map((q, i) => {
    const li = el('li', 'quote');
    li.dataset.quote = q.kind;
    li.dataset.cueClass = q.cue_class ?? '';
    const speakerEntity = q.speaker?.entity != null ? entities[q.speaker.entity] : null;
    li.dataset.speaker = speakerEntity?.name ?? q.speaker?.text ?? '';
    li.dataset.q = String(i);
    const btn = el('button', 'quote-btn');
    btn.type = 'button';
    const head = el('span', 'quote-head');
    head.append(el('span', 'kind', q.kind));
    // Beliefs, findings and intentions are not statements: say so.
    if (q.cue_class && q.cue_class !== 'speech') head.append(el('span', 'cue-class', q.cue_class));
    head.append(el('span', q.speaker ? 'speaker' : 'speaker unknown', li.dataset.speaker || 'unattributed'));
    if (q.cue) head.append(el('span', 'cue-word', q.cue.text));
    btn.append(head, el('span', 'quote-text', q.text));
    li.append(btn);
    return li;
  });
  if (counts.quotes > MAX_QUOTES) {
    items.push(el('li', 'empty', `…and ${fmt(counts.quotes - MAX_QUOTES)} more in the JSON download.`));
  }
  els.quotes.replaceChildren(...items);
  els.quotesEmpty.hidden = quotes.length > 0;
  els.quotesEmpty.textContent = 'No quotes found.';
  els.quoteCount.textContent = quotes.length ? fmt(quotes.length) : '';
}

// ---------------------------------------------------------------- interaction

function entityMarks(id) {
  return els.output.querySelectorAll(`mark[data-entity="${Number(id)}"]`);
}

function clearSelection() {
  for (const node of document.querySelectorAll('.sel')) node.classList.remove('sel');
  for (const node of els.entities.querySelectorAll('[aria-pressed="true"]')) node.setAttribute('aria-pressed', 'false');
  els.output.classList.remove('has-sel');
}

function selectEntity(id, { scroll = false } = {}) {
  clearSelection();
  const entity = current?.analysis.entities[id];
  if (!entity) { selected = null; return; }
  selected = { name: entity.name, label: entity.label };
  const marks = entityMarks(id);
  for (const m of marks) m.classList.add('sel');
  els.output.classList.add('has-sel');
  const btn = els.entities.querySelector(`button[data-entity="${Number(id)}"]`);
  if (btn) {
    btn.classList.add('sel');
    btn.setAttribute('aria-pressed', 'true');
  }
  if (scroll && marks[0]) marks[0].scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
}

function restoreSelection() {
  if (!selected || !current) return;
  const id = current.analysis.entities.findIndex((e) => e.name === selected.name && e.label === selected.label);
  if (id >= 0) selectEntity(id);
  else { selected = null; clearSelection(); }
}

els.output.addEventListener('click', (event) => {
  const mark = event.target.closest('mark');
  if (!mark) return;
  if (mark.dataset.entity == null) {
    const was = mark.classList.contains('sel');
    clearSelection();
    selected = null;
    if (!was) mark.classList.add('sel');
    return;
  }
  const id = Number(mark.dataset.entity);
  if (mark.classList.contains('sel')) { clearSelection(); selected = null; }
  else selectEntity(id);
});

els.entities.addEventListener('click', (event) => {
  const btn = event.target.closest('button.ent');
  if (!btn) return;
  if (btn.getAttribute('aria-pressed') === 'true') { clearSelection(); selected = null; }
  else selectEntity(Number(btn.dataset.entity), { scroll: true });
});

function peekEntity(id, on) {
  for (const m of entityMarks(id)) m.classList.toggle('peek', on);
}
els.entities.addEventListener('pointerover', (event) => {
  const btn = event.target.closest('button.ent');
  if (btn) peekEntity(btn.dataset.entity, true);
});
els.entities.addEventListener('pointerout', (event) => {
  const btn = event.target.closest('button.ent');
  if (btn && !btn.contains(event.relatedTarget)) peekEntity(btn.dataset.entity, false);
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') { clearSelection(); selected = null; hideCard(); }
});

// Quote list: hovering or focusing an item outlines the quote and its speaker in the text.
function highlightQuote(i, on) {
  const n = Number(i);
  for (const node of els.output.querySelectorAll(`[data-q~="${n}"], [data-spk~="${n}"], [data-cue~="${n}"]`)) {
    node.classList.toggle('hl', on);
  }
}
for (const type of ['pointerover', 'focusin']) {
  els.quotes.addEventListener(type, (event) => {
    const li = event.target.closest('li.quote');
    if (li) highlightQuote(li.dataset.q, true);
  });
}
for (const type of ['pointerout', 'focusout']) {
  els.quotes.addEventListener(type, (event) => {
    const li = event.target.closest('li.quote');
    if (li && !li.contains(event.relatedTarget)) highlightQuote(li.dataset.q, false);
  });
}
els.quotes.addEventListener('click', (event) => {
  const li = event.target.closest('li.quote');
  if (!li) return;
  const first = els.output.querySelector(`[data-q~="${Number(li.dataset.q)}"]`);
  first?.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
});

// Hover card for marks.
function fillCard(mark) {
  const analysis = current?.analysis;
  const mention = analysis?.mentions[Number(mark.dataset.m)];   // null beyond the rendered range
  if (!mention) return false;
  const entity = mention.entity != null ? analysis.entities[mention.entity] : null;
  const [name, label, extra, count] = els.card.children;
  name.textContent = entity?.name ?? mention.text;
  label.textContent = `${labelName(mention.label)} · ${mention.label}${mention.kind !== 'name' ? ` · ${mention.kind}` : ''}`;
  const more = entity ? [entity.role, entity.affiliation].filter(Boolean).join(' · ') : '';
  extra.textContent = more;
  extra.hidden = !more;
  count.textContent = entity ? `${plural(entity.mentions.length, 'mention')} in the article` : 'Not linked to an entity';
  els.card.dataset.label = mention.label;
  return true;
}

function placeCard(mark) {
  const card = els.card;
  card.hidden = false;
  const r = mark.getBoundingClientRect();
  const w = card.offsetWidth;
  const h = card.offsetHeight;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  const below = r.bottom + 8;
  const top = below + h > window.innerHeight - 8 ? Math.max(8, r.top - h - 8) : below;
  card.style.left = `${Math.round(left)}px`;
  card.style.top = `${Math.round(top)}px`;
}

function hideCard() {
  els.card.hidden = true;
}

els.output.addEventListener('pointerover', (event) => {
  const mark = event.target.closest('mark');
  if (mark && fillCard(mark)) placeCard(mark);
});
els.output.addEventListener('pointerout', (event) => {
  const mark = event.target.closest('mark');
  if (mark && !mark.contains(event.relatedTarget)) hideCard();
});
window.addEventListener('scroll', hideCard, { passive: true });

// ---------------------------------------------------------------- start

spawnWorker();
if (els.textarea.value.trim()) analyse(els.textarea.value);   // e.g. restored by the browser
