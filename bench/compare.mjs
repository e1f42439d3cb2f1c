// Speed of newslens (the wasm build, under Node) against compromise and
// wink-nlp on the same texts, alternating tools round by round, single thread.
//   node bench/compare.mjs [--rounds N] [--scaling] [--pkg DIR]
// (--pkg: another build of the wasm package than www/pkg, e.g. for the same
// comparison with an older build)
// Inputs: the CoNLL-2003 test documents as plain text (read from
// ../shared/data, never copied; skipped with a note when absent) and the seed
// article. Prints chars/s and tokens/s per tool, the ratios, the seed
// article's median latency, and with --scaling the time per byte from 1 KB to
// 10 MB with the wasm memory used.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { conllDocs } from './conll.mjs';

const here = (p) => new URL(p, import.meta.url);
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 5;

const pkgArg = args.includes('--pkg') ? args[args.indexOf('--pkg') + 1] : null;
const pkg = pkgArg ? new URL(`file://${resolve(pkgArg)}/`) : here('../www/pkg/');
if (!existsSync(new URL('newslens.js', pkg))) {
  console.error('bench: www/pkg is missing; run `bash scripts/build-wasm.sh` first');
  process.exit(2);
}
const { initSync, extract } = await import(new URL('newslens.js', pkg));
const t0 = performance.now();
const wasm = initSync({ module: readFileSync(new URL('newslens_bg.wasm', pkg)) });
const tInit = performance.now() - t0;
const seed = readFileSync(here('../tests/fixtures/seed-article.txt'), 'utf8');
const t1 = performance.now();
extract(seed);
const tFirst = performance.now() - t1;

const wink = winkNLP(model);
const tools = {
  newslens: (t) => extract(t).mentions.length,
  compromise: (t) => {
    const d = nlp(t);
    return d.people().length + d.places().length + d.organizations().length;
  },
  'wink-nlp': (t) => wink.readDoc(t).entities().length(),
};

const tokens = (docs) => docs.reduce((n, d) => n + d.split(/\s+/).filter(Boolean).length, 0);
const chars = (docs) => docs.reduce((n, d) => n + d.length, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function compare(name, docs) {
  const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [tool, f] of Object.entries(tools)) {
      const start = performance.now();
      for (const d of docs) f(d);
      times[tool].push((performance.now() - start) / 1000);
    }
  }
  const c = chars(docs);
  const n = tokens(docs);
  console.log(`\n${name}: ${docs.length} documents, ${(c / 1e6).toFixed(2)} M chars, ${n} tokens, median of ${rounds} rounds`);
  console.log('tool           chars/s     tokens/s   vs compromise');
  const base = c / median(times.compromise);
  for (const tool of Object.keys(tools)) {
    const secs = median(times[tool]);
    const cps = c / secs;
    console.log(
      `${tool.padEnd(12)} ${(cps / 1e3).toFixed(0).padStart(8)} k ${(n / secs / 1e3).toFixed(0).padStart(9)} k ${(cps / base).toFixed(1).padStart(10)}x`,
    );
  }
}

console.log(`newslens ${extract('').version}: instantiate ${tInit.toFixed(1)} ms, first extract ${tFirst.toFixed(1)} ms (V8 compiles the functions it runs; the models are set up; see bench/startup.mjs)`);
const docs = conllDocs('test');
if (docs) compare('CoNLL-2003 test as plain text', docs);
else console.log('\nCoNLL-2003 test: skipped (../shared/data/conll2003/test.txt not found)');
compare('seed article', [seed]);

const lat = [];
for (let i = 0; i < 200; i++) {
  const s = performance.now();
  extract(seed);
  lat.push(performance.now() - s);
}
lat.sort((a, b) => a - b);
console.log(`\nseed article (${seed.length} chars): median extract ${lat[100].toFixed(3)} ms, p90 ${lat[180].toFixed(3)} ms`);
// Live typing re-analyses the same article: after a warm-up, the mean time
// per extract over batches of 50 (batches damp the timer's and GC's noise).
for (let i = 0; i < 1000; i++) extract(seed);
const batches = [];
for (let b = 0; b < 30; b++) {
  const s = performance.now();
  for (let i = 0; i < 50; i++) extract(seed);
  batches.push((performance.now() - s) / 50);
}
batches.sort((a, b) => a - b);
console.log(`seed article, warm, per extract over batches of 50: best ${batches[0].toFixed(3)} ms, median ${batches[15].toFixed(3)} ms`);

if (args.includes('--scaling')) {
  const unit = docs ? docs.join('\n\n') : seed;
  // What the module holds before the loop (models, caches grown by the runs
  // above) is fixed; the last column is what each input adds on top of it.
  const fixed = wasm.memory.buffer.byteLength;
  console.log(`\nwasm memory before: ${(fixed / 1e6).toFixed(1)} MB (models, stack, caches)`);
  console.log('size (chars)       ms   ns/char   wasm memory / input   (memory - before) / input');
  for (const size of [1e3, 1e4, 1e5, 1e6, 1e7]) {
    let text = unit;
    while (text.length < size) text += '\n\n' + text;
    text = text.slice(0, size);
    const s = performance.now();
    extract(text);
    const ms = performance.now() - s;
    const mem = wasm.memory.buffer.byteLength;
    console.log(
      `${String(size).padEnd(12)} ${ms.toFixed(1).padStart(8)} ${((ms * 1e6) / size).toFixed(0).padStart(9)} ${(mem / size).toFixed(1).padStart(12)}x ${((mem - fixed) / size).toFixed(1).padStart(20)}x`,
    );
  }
}
