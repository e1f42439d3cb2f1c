// Times src/wasm/texts.js's fillTexts alone, on real results: extract()'s
// results for the CoNLL-2003 test documents (read from ../shared/data), each
// span's text set back to null before every pass and checked after it.
//   node bench/fill-texts.mjs PKG_DIR TEXTS_JS [TEXTS_JS...]
// PKG_DIR holds newslens.js and newslens_bg.wasm (www/pkg); each TEXTS_JS is
// a version of texts.js (e.g. `git show REV:src/wasm/texts.js > /tmp/old.mjs`).
// Passes alternate between the versions; prints each one's best and median.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { conllDocs } from './conll.mjs';

const [dir, ...versions] = process.argv.slice(2);
if (!dir || versions.length === 0) {
  console.error('usage: node bench/fill-texts.mjs PKG_DIR TEXTS_JS [TEXTS_JS...]');
  process.exit(2);
}
const docs = conllDocs('test');
if (docs == null) {
  console.error('bench/fill-texts.mjs: CoNLL-2003 test not found under ../shared/data');
  process.exit(2);
}
const load = async (path) => import(pathToFileURL(resolve(path)).href);
const m = await load(resolve(dir, 'newslens.js'));
m.initSync({ module: readFileSync(resolve(dir, 'newslens_bg.wasm')) });
const results = docs.map((d) => m.extract(d));
const spans = [];
const collect = (v) => {
  if (Array.isArray(v)) v.forEach(collect);
  else if (v !== null && typeof v === 'object') {
    if (typeof v.text === 'string' && typeof v.start === 'number') spans.push(v);
    Object.values(v).forEach(collect);
  }
};
results.forEach(collect);
const texts = spans.map((s) => s.text);
const fills = await Promise.all(versions.map(async (v) => ({ v, fill: (await load(v)).fillTexts, ms: [] })));
const PASSES = 40;
for (let r = 0; r < PASSES; r++) {
  for (const f of fills) {
    for (const s of spans) s.text = null;
    const t = performance.now();
    results.forEach((result, i) => f.fill(result, docs[i]));
    f.ms.push(performance.now() - t);
    spans.forEach((s, i) => {
      if (s.text !== texts[i]) throw new Error(`${f.v}: span ${i} reads ${s.text}, not ${texts[i]}`);
    });
  }
}
for (const f of fills) {
  f.ms.sort((a, b) => a - b);
  console.log(`${f.v}: best ${f.ms[0].toFixed(2)} ms, median ${f.ms[PASSES >> 1].toFixed(2)} ms per pass (${spans.length} spans)`);
}
