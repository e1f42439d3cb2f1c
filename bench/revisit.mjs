// How much of extract's time is waiting for memory: each CoNLL-2003 test
// document extracted in turn (as in bulk work, where the previous document's
// words, weight rows and memo entries are what the CPU caches hold), against
// the same document extracted a second time straight after the first (its
// working set still cached). Prints the sum over the documents of each
// document's best time of ROUNDS tries, in both orders; natively the two cost
// the same instructions (`examples/profile` with `twice`), so the difference
// is the memory hierarchy.
//   ROUNDS=8 node bench/revisit.mjs [DIR]    DIR: a wasm build (default www/pkg)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { conllDocs } from './conll.mjs';

const dir = resolve(process.argv[2] ?? new URL('../www/pkg/', import.meta.url).pathname);
const m = await import(pathToFileURL(resolve(dir, 'newslens.js')).href);
m.initSync({ module: readFileSync(resolve(dir, 'newslens_bg.wasm')) });
const docs = conllDocs('test');
if (!docs) {
  console.error('bench/revisit.mjs: ../shared/data/conll2003/test.txt not found');
  process.exit(2);
}
const rounds = Number(process.env.ROUNDS ?? 8);
for (let r = 0; r < 3; r++) for (const d of docs) m.extract(d);   // compiled, tiered up, memo grown

const time = (d) => {
  const t = performance.now();
  m.extract(d);
  return performance.now() - t;
};
const inTurn = docs.map(() => Infinity);
const first = docs.map(() => Infinity);
const second = docs.map(() => Infinity);
for (let r = 0; r < rounds; r++) {
  docs.forEach((d, i) => { inTurn[i] = Math.min(inTurn[i], time(d)); });
  docs.forEach((d, i) => {
    first[i] = Math.min(first[i], time(d));
    second[i] = Math.min(second[i], time(d));
  });
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0).toFixed(1);
console.log(`${docs.length} documents, best of ${rounds} each: in turn ${sum(inTurn)} ms; `
  + `twice in a row: first ${sum(first)} ms, second ${sum(second)} ms`);
