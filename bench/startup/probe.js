// Loaded by bench/startup.mjs (served from the repository root): times each
// step of loading the wasm package and the first analyses, on the page's
// main thread or, with ?worker, in a module Worker.
const T = () => performance.now();

async function probe() {
  const { default: init, extract } = await import('../../www/pkg/newslens.js');
  const wasmUrl = new URL('../../www/pkg/newslens_bg.wasm', import.meta.url);
  const text = await (await fetch(new URL('../../tests/fixtures/seed-article.txt', import.meta.url))).text();
  const out = {};
  let t = T();
  const bytes = await (await fetch(wasmUrl, { cache: 'no-store' })).arrayBuffer();
  out.download = T() - t;
  t = T();
  const module = await WebAssembly.compile(bytes);
  out.compile = T() - t;
  t = T();
  await init({ module_or_path: module });
  out.instantiate = T() - t;
  t = T();
  extract('x');
  out.firstCall = T() - t;
  t = T();
  extract(text);
  out.firstSeed = T() - t;
  t = T();
  extract(text);
  out.secondSeed = T() - t;
  return out;
}

if (typeof window === 'undefined') {
  probe().then((out) => postMessage(out), (err) => postMessage({ error: String(err) }));
} else if (new URLSearchParams(location.search).has('worker')) {
  const w = new Worker(import.meta.url, { type: 'module' });
  w.onmessage = (e) => { window.probeResult = e.data; };
} else {
  probe().then((out) => { window.probeResult = out; }, (err) => { window.probeResult = { error: String(err) }; });
}
