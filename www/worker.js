// newslens analysis worker: owns the WebAssembly module so the page never
// blocks on extraction. It keeps the full result of the newest request and
// sends the page a view of it: entries the page does not render (mentions and
// quotes beyond `cap`, sentences) are replaced by null or counted, so a 5 MB
// paste does not cost the main thread a huge structured clone. Indices stay valid.
//
//   page -> worker  { type: 'module', module }   the compiled wasm, or null: load it here
//                   { type: 'analyse', id, text, cap, maxQuotes }
//                   { type: 'download', id }
//   worker -> page  { type: 'ready', loadedAt, instantiatedAt, workerInstantiateMs, warmupMs, downloadMs }
//                   (loadedAt, instantiatedAt: performance.timeOrigin + now(), comparable
//                   across contexts; loadedAt: this script and its imports have loaded;
//                   workerInstantiateMs: from the page's module (or this worker's own fetch)
//                   to an instance)
//                   { type: 'result', id, analysis, extractMs }
//                   { type: 'download', id, blob } | { type: 'download', id, error }
//                   { type: 'error', id, message }
import init, { extract } from './pkg/newslens.js';
import { WARM_UP } from './newslens-warmup.js';
import { explainLoadError } from './newslens-support.js';

const loadedAt = performance.timeOrigin + performance.now();
let loadError = null;
let receiveModule;
const fromPage = new Promise((resolve) => { receiveModule = resolve; });
let initStart;
const ready = fromPage.then((module) => {
  initStart = performance.now();
  return init(module ? { module_or_path: module } : undefined);
}).then(
  () => {
    // The first call compiles most of the module's functions and sets up
    // the models: pay for it now, before the user's first article.
    const t1 = performance.now();
    extract(WARM_UP);
    // Where the worker fetched the wasm itself, its download (Resource
    // Timing; null where the browser does not expose it to workers).
    const wasm = performance.getEntriesByType?.('resource').find((e) => e.name.endsWith('.wasm'));
    const downloadMs = wasm ? wasm.responseEnd - wasm.startTime : null;
    postMessage({
      type: 'ready',
      loadedAt,
      instantiatedAt: performance.timeOrigin + t1,
      workerInstantiateMs: t1 - initStart,
      warmupMs: performance.now() - t1,
      downloadMs,
    });
  },
  (err) => {
    loadError = `could not load the analyser: ${explainLoadError(err)}`;
    postMessage({ type: 'error', id: null, message: loadError });
  },
);

let last = null;   // { id, analysis }

function view(analysis, cap, maxQuotes) {
  const { article, mentions, quotes, sentences } = analysis;
  const labels = {};
  for (const m of mentions) labels[m.label] = (labels[m.label] ?? 0) + 1;
  return {
    version: analysis.version,
    offsets: analysis.offsets,
    article: {
      ...article,
      paragraphs: article.paragraphs.filter((p) => p.start < cap),
      boilerplate: article.boilerplate.filter((b) => b.start < cap),
    },
    sentences: [],
    mentions: mentions.map((m) => (m.start < cap ? m : null)),
    entities: analysis.entities,
    quotes: quotes.map((q, i) => (i < maxQuotes || q.start < cap ? q : null)),
    counts: {
      mentions: mentions.length,
      entities: analysis.entities.length,
      quotes: quotes.length,
      sentences: sentences.length,
      paragraphs: article.paragraphs.length,
      boilerplate: article.boilerplate.length,
      labels,
    },
  };
}

self.onmessage = async ({ data }) => {
  const { id } = data ?? {};
  if (data?.type === 'module') {
    receiveModule(data.module ?? null);
    return;
  }
  if (data?.type === 'download') {
    if (!last || last.id !== id) {
      postMessage({ type: 'download', id, error: 'that analysis is no longer available' });
      return;
    }
    const blob = new Blob([JSON.stringify(last.analysis, null, 2)], { type: 'application/json' });
    postMessage({ type: 'download', id, blob });
    return;
  }
  try {
    await ready;
    if (loadError) throw new Error(loadError);
    const start = performance.now();
    const analysis = extract(data.text);
    const extractMs = performance.now() - start;
    last = { id, analysis };
    const cap = data.cap ?? Infinity;
    postMessage({ type: 'result', id, analysis: view(analysis, cap, data.maxQuotes ?? Infinity), extractMs });
  } catch (err) {
    postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
};
