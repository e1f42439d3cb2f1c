// Module worker for the embedding layer (annotate.js): loads the wasm once,
// then analyses texts on request, off the page's main thread.
//
//   page -> worker  { type: 'init', moduleUrl?, wasm? }   (absolute same-origin URLs, or a WebAssembly.Module)
//                   { type: 'extract', id, text }
//   worker -> page  { type: 'ready', instantiateMs, warmupMs }
//                   { type: 'result', id, analysis, extractMs }
//                   { type: 'error', id, message }        (id null: loading failed)

import { WARM_UP } from './newslens-warmup.js';
import { explainLoadError } from './newslens-support.js';

let ready = null;

async function load({ moduleUrl, wasm }) {
  const t0 = performance.now();
  // A site-chosen copy of the wasm-bindgen module, or the one next to this file.
  const mod = moduleUrl ? await import(/* @vite-ignore */ /* webpackIgnore: true */ moduleUrl) : await import('./newslens-pkg.js');
  await mod.default(wasm === undefined ? undefined : { module_or_path: wasm });
  const t1 = performance.now();
  mod.extract(WARM_UP, { offsets: 'utf16' });
  postMessage({ type: 'ready', instantiateMs: t1 - t0, warmupMs: performance.now() - t1 });
  return mod.extract;
}

self.onmessage = async ({ data }) => {
  if (data?.type === 'init') {
    if (!ready) {
      ready = load(data);
      ready.catch((err) => postMessage({ type: 'error', id: null, message: `could not load newslens: ${explainLoadError(err)}` }));
    }
    return;
  }
  if (data?.type !== 'extract') return;
  const { id } = data;
  try {
    const extract = await (ready ?? Promise.reject(new Error('not initialised')));
    const t0 = performance.now();
    const analysis = extract(data.text, { offsets: 'utf16' });
    postMessage({ type: 'result', id, analysis, extractMs: performance.now() - t0 });
  } catch (err) {
    postMessage({ type: 'error', id, message: String(err?.message ?? err) });
  }
};
