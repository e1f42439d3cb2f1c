// A/B of two or more builds of the wasm package on one text, in one Node
// process: batches of extracts alternate between the builds, so the
// machine's load falls on each alike (on this shared machine it moves a
// single run's median by ±30%). Prints each build's best, first-quartile
// and median time per extract.
//   node bench/ab.mjs DIR [DIR...]       DIR holds newslens.js and newslens_bg.wasm
//   TEXT=file REPS=n ROUNDS=n            the text (default: the seed article;
//                                        conll:test or conll:dev for those CoNLL-2003
//                                        documents joined, read from ../shared),
//                                        extracts per batch (30), batches per build (40)
//   DOCS=1 (with TEXT=conll:...)         a batch is one extract of each document in
//                                        turn, as bulk users call it; prints chars/s
// To build a variant: `cargo build --release --target wasm32-unknown-unknown
// --lib --no-default-features`, then `wasm-bindgen --target web --out-dir DIR
// --out-name newslens target/wasm32-unknown-unknown/release/newslens.wasm`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { conllDocs } from './conll.mjs';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node bench/ab.mjs DIR [DIR...]');
  process.exit(2);
}
const here = (p) => new URL(p, import.meta.url);
const conll = process.env.TEXT?.match(/^conll:(\w+)$/);
const docs = conll
  ? conllDocs(conll[1])
  : [readFileSync(process.env.TEXT ?? here('../tests/fixtures/seed-article.txt'), 'utf8')];
if (docs == null) {
  console.error(`bench/ab.mjs: CoNLL-2003 ${conll[1]} not found under ../shared/data`);
  process.exit(2);
}
const perDoc = Boolean(conll && process.env.DOCS);
// One batch: `reps` extracts of the joined text, or one of each document.
const units = perDoc ? docs : [docs.join('\n\n')];
const text = units[0];
const chars = units.reduce((n, d) => n + d.length, 0);
const reps = perDoc ? 1 : Number(process.env.REPS ?? 30);
const rounds = Number(process.env.ROUNDS ?? 40);
const builds = [];
for (const dir of dirs) {
  const m = await import(pathToFileURL(resolve(dir, 'newslens.js')).href);
  m.initSync({ module: readFileSync(resolve(dir, 'newslens_bg.wasm')) });
  for (let i = 0; i < (perDoc ? 3 : 300); i++) for (const u of units) m.extract(u);
  builds.push({ dir, extract: m.extract, ms: [] });
}
for (let k = 0; k < rounds; k++) {
  for (const b of builds) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) for (const u of units) b.extract(u);
    b.ms.push((performance.now() - t) / reps);
  }
}
const at = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const rate = (ms) => `${(chars / ms / 1000).toFixed(2)}M chars/s`;
for (const b of builds) {
  b.ms.sort((x, y) => x - y);
  if (perDoc) {
    console.log(`${b.dir}: best ${rate(at(b.ms, 0))}, p25 ${rate(at(b.ms, 0.25))}, median ${rate(at(b.ms, 0.5))} (${units.length} documents, ${chars} chars, one extract each)`);
  } else {
    console.log(`${b.dir}: best ${at(b.ms, 0).toFixed(3)} ms, p25 ${at(b.ms, 0.25).toFixed(3)} ms, median ${at(b.ms, 0.5).toFixed(3)} ms per extract (${text.length} chars)`);
  }
}
