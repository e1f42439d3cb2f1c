// The analysis worker of the page and of the embedding layer: loads the wasm
// once, then analyses texts off the main thread. One protocol for both
// (lib/engine.js speaks it):
//
//   -> worker  { type: 'init', moduleUrl?, wasm?, waitForModule? }
//                moduleUrl: a same-origin URL of the wasm-bindgen module (default ../newslens.js);
//                wasm: the .wasm's URL or a compiled WebAssembly.Module (default: next to the module);
//                waitForModule: wait for a 'module' message before instantiating
//              { type: 'module', module }          a compiled WebAssembly.Module, or null: fetch it here
//              { type: 'extract', id, text, html?, view? }
//                html: true when `text` is a web page's HTML (extractHtml: the result carries the
//                article's `text`); view: { cap, maxQuotes }: answer with a view for rendering
//                (entries the page does not render replaced by null, plus counts; indices stay
//                valid) and keep the full analysis for a download
//              { type: 'find', id, html, known? }  find the article in a page (findArticle) and
//                analyse it (extractHtml), unless the article's text is `known` (the caller has
//                its analysis already: `analysis` is then null)
//              { type: 'download', id }            the kept analysis of request `id`, as a JSON file
//   <- worker  { type: 'ready', loadedAt, instantiatedAt, instantiateMs, warmupMs, downloadMs }
//                loadedAt, instantiatedAt: performance.timeOrigin + now(), comparable across
//                contexts; instantiateMs: from the module (and the compiled wasm) in hand to an
//                instance; downloadMs: the worker's own download of the wasm, where it made one
//              { type: 'result', id, analysis, extractMs, found? }   found: findArticle's result, for 'find'
//              { type: 'download', id, blob } | { type: 'download', id, error }
//              { type: 'error', id, message }      id null: loading failed
import { WARM_UP } from './warmup.js';
import { explainLoadError } from './support.js';
import { jsonParts } from './json.js';

const loadedAt = performance.timeOrigin + performance.now();
let loaded = null;    // a promise of the module, once 'init' has come
let kept = null;      // { id, analysis }: the last analysis answered with a view
let moduleFromPage;
const pageModule = new Promise((resolve) => { moduleFromPage = resolve; });

async function load({ moduleUrl, wasm, waitForModule }) {
  // A site-chosen copy of the wasm-bindgen module, or the one the package ships.
  const mod = moduleUrl ? await import(/* @vite-ignore */ /* webpackIgnore: true */ moduleUrl) : await import('../newslens.js');
  const compiled = waitForModule ? await pageModule : wasm;
  const t0 = performance.now();
  await mod.default(compiled == null ? undefined : { module_or_path: compiled });
  // The first call compiles most of the module's functions and sets up the
  // models: pay for it now, before the first real article.
  const t1 = performance.now();
  mod.extract(WARM_UP);
  const fetched = performance.getEntriesByType?.('resource').find((e) => e.name.endsWith('.wasm'));
  postMessage({
    type: 'ready',
    loadedAt,
    instantiatedAt: performance.timeOrigin + t1,
    instantiateMs: t1 - t0,
    warmupMs: performance.now() - t1,
    downloadMs: fetched ? fetched.responseEnd - fetched.startTime : null,
  });
  return mod;
}

const module = () => loaded ?? Promise.reject(new Error('the worker was not initialised'));

/** What the page renders of `analysis`: mentions and quotes past `cap` are null, sentences counted. */
function view(analysis, cap, maxQuotes) {
  const { article, mentions, quotes, sentences, entities } = analysis;
  const labels = {};
  for (const m of mentions) labels[m.label] = (labels[m.label] ?? 0) + 1;
  return {
    ...analysis,
    article: {
      ...article,
      paragraphs: article.paragraphs.filter((p) => p.start < cap),
      boilerplate: article.boilerplate.filter((b) => b.start < cap),
    },
    sentences: [],
    mentions: mentions.map((m) => (m.start < cap ? m : null)),
    quotes: quotes.map((q, i) => (i < maxQuotes || q.start < cap ? q : null)),
    counts: {
      mentions: mentions.length, entities: entities.length, quotes: quotes.length, sentences: sentences.length,
      paragraphs: article.paragraphs.length, boilerplate: article.boilerplate.length, labels,
    },
  };
}

async function analyse({ id, text, html, view: wanted }) {
  try {
    const mod = await module();
    const t0 = performance.now();
    const analysis = html ? mod.extractHtml(text) : mod.extract(text);
    const extractMs = performance.now() - t0;
    if (wanted) {
      kept = { id, analysis };
      postMessage({ type: 'result', id, analysis: view(analysis, wanted.cap ?? Infinity, wanted.maxQuotes ?? Infinity), extractMs });
    } else {
      postMessage({ type: 'result', id, analysis, extractMs });
    }
  } catch (err) {
    postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
}

async function find({ id, html, known }) {
  try {
    const mod = await module();
    const t0 = performance.now();
    const found = mod.findArticle(html);
    const t1 = performance.now();
    const analysis = found.text === known ? null : mod.extractHtml(html);
    postMessage({ type: 'result', id, found, analysis, findMs: t1 - t0, extractMs: performance.now() - t1 });
  } catch (err) {
    postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
}

function download(id) {
  if (!kept || kept.id !== id) {
    postMessage({ type: 'download', id, error: 'that analysis is no longer available' });
    return;
  }
  try {
    // In pieces: the whole text can be longer than a string may be.
    const blob = new Blob(jsonParts(kept.analysis), { type: 'application/json' });
    postMessage({ type: 'download', id, blob });
  } catch (err) {
    postMessage({ type: 'download', id, error: String(err?.message ?? err) });
  }
}

self.onmessage = ({ data }) => {
  switch (data?.type) {
    case 'init':
      if (!loaded) {
        loaded = load(data);
        loaded.catch((err) => postMessage({ type: 'error', id: null, message: `could not load the analyser: ${explainLoadError(err)}` }));
      }
      break;
    case 'module':
      moduleFromPage(data.module ?? null);
      break;
    case 'extract':
      analyse(data);
      break;
    case 'find':
      find(data);
      break;
    case 'download':
      download(data.id);
      break;
    default:
  }
};
