// Where the analyser runs, for the page and the embedding layer: a client of
// the one analysis worker (lib/worker.js, whose header has the protocol), and
// the same API on the main thread for pages that cannot start workers.

import { WARM_UP } from './warmup.js';
import { explainLoadError } from './support.js';

/**
 * Starts the analysis worker. `wasm` is the .wasm's URL or a compiled module;
 * with `waitForModule`, the worker waits for sendModule() before instantiating.
 * Throws where workers cannot be started at all. The client's promises reject
 * with an Error whose `notStarted` is true when the worker's script never ran
 * (blocked by the page's CSP, not found).
 */
export function workerClient({ moduleUrl, wasm, waitForModule = false } = {}) {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'newslens' });
  const results = new Map();     // request id -> { resolve, reject }
  const downloads = new Map();   // request id -> { resolve, reject }
  let seq = 0;
  let started = false;
  let failure = null;
  let settle;
  const ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
  ready.catch(() => {});

  const fail = (err) => {
    failure = err;
    settle.reject(err);
    for (const map of [results, downloads]) {
      for (const p of map.values()) p.reject(err);
      map.clear();
    }
    worker.terminate();
  };
  const answer = (map, id, value, error) => {
    const p = map.get(id);
    map.delete(id);
    if (error == null) p?.resolve(value);
    else p?.reject(new Error(error));
  };
  worker.onmessage = ({ data }) => {
    started = true;
    if (data.type === 'ready') settle.resolve(data);
    else if (data.type === 'result') answer(results, data.id, withoutType(data));
    else if (data.type === 'download') answer(downloads, data.id, data.blob, data.error);
    else if (data.type === 'error' && data.id == null) fail(new Error(data.message));
    else if (data.type === 'error') answer(results, data.id, null, data.message);
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    const why = started ? `the analysis worker failed (${event.message || 'error'})` : 'the analysis worker could not start';
    fail(Object.assign(new Error(why), { notStarted: !started }));
  };
  worker.postMessage({ type: 'init', moduleUrl, wasm, waitForModule });

  const request = (map, message) => {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      map.set(message.id, { resolve, reject });
      worker.postMessage(message);
    });
  };
  return {
    /** Resolves to the worker's 'ready' message. */
    ready,
    /** Hands the worker the compiled wasm (or null: it fetches the wasm itself). */
    sendModule(module) {
      worker.postMessage({ type: 'module', module });
    },
    /** Analyses `text`; with `view`, the worker answers with a view and keeps the analysis. */
    extract(text, view) {
      return request(results, { type: 'extract', id: ++seq, text, view });
    },
    /** Analyses the article of a page's `html` (extractHtml), as extract() analyses text. */
    extractHtml(html, view) {
      return request(results, { type: 'extract', id: ++seq, text: html, html: true, view });
    },
    /**
     * Finds the article in a page's `html` and analyses it: resolves to { found, analysis,
     * findMs, extractMs }, `analysis` null when the article's text is `known`.
     */
    findArticle(html, known) {
      return request(results, { type: 'find', id: ++seq, html, known });
    },
    /** A Blob of the kept analysis of request `id`, as JSON. */
    download(id) {
      return request(downloads, { type: 'download', id });
    },
    terminate() {
      fail(new Error('the analysis worker was stopped'));
    },
  };
}

/** A worker's answer without its message type: { id, analysis, extractMs, ... }. */
function withoutType({ type, ...answer }) {
  return answer;
}

/**
 * The analyser on this thread, with the engine API: { mode, ready, extract(text),
 * findArticle(html, known) } (the last as the worker client's). `moduleUrl` is
 * the wasm-bindgen module's URL, or the module itself, imported already (a
 * service worker, where import() is not allowed, imports it statically).
 */
export function mainThreadEngine(moduleUrl, wasm) {
  const t0 = performance.now();
  const loaded = (async () => {
    const mod = typeof moduleUrl === 'object' && moduleUrl !== null ? moduleUrl
      : moduleUrl ? await import(/* @vite-ignore */ /* webpackIgnore: true */ moduleUrl) : await import('../newslens.js');
    try {
      await mod.default(wasm === undefined ? undefined : { module_or_path: wasm });
    } catch (err) {
      throw new Error(`newslens: could not load the analyser: ${explainLoadError(err)}`, { cause: err });
    }
    const t1 = performance.now();
    mod.extract(WARM_UP);
    return { mod, instantiateMs: t1 - t0, warmupMs: performance.now() - t1 };
  })();
  return {
    get mode() { return 'main'; },
    ready: loaded.then(({ instantiateMs, warmupMs }) => ({ instantiateMs, warmupMs, mode: 'main' })),
    async extract(text) {
      const { mod } = await loaded;
      const t = performance.now();
      const analysis = mod.extract(text);
      return { analysis, extractMs: performance.now() - t };
    },
    async findArticle(html, known) {
      const { mod } = await loaded;
      const t = performance.now();
      const found = mod.findArticle(html);
      const t1 = performance.now();
      const analysis = found.text === known ? null : mod.extractHtml(html);
      return { found, analysis, findMs: t1 - t, extractMs: performance.now() - t1 };
    },
  };
}

/** The analyser in the worker, falling back to the main thread where the worker cannot start. */
export function workerEngine(moduleUrl, wasm) {
  let client;
  try {
    client = workerClient({ moduleUrl, wasm });
  } catch {
    return mainThreadEngine(moduleUrl, wasm);   // e.g. no Worker in this context
  }
  let fallback = null;
  const onMain = () => (fallback ??= mainThreadEngine(moduleUrl, wasm));
  const ready = client.ready.then(
    ({ instantiateMs, warmupMs }) => ({ instantiateMs, warmupMs, mode: 'worker' }),
    (err) => (err.notStarted ? onMain().ready : Promise.reject(err)),
  );
  // A call in the worker, or on the main thread where the worker could not start.
  const call = (name, ...args) => {
    if (fallback) return fallback[name](...args);
    return client[name](...args).then(
      ({ id, ...result }) => result,
      (err) => (err.notStarted ? onMain()[name](...args) : Promise.reject(new Error(`newslens: ${err.message}`))),
    );
  };
  return {
    get mode() { return fallback ? 'main' : 'worker'; },
    ready,
    extract: (text) => call('extract', text),
    findArticle: (html, known) => call('findArticle', html, known),
  };
}
