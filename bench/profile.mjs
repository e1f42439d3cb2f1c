// Where extract's time goes in wasm under Node: V8's sampling profiler over
// the CoNLL-2003 test documents (read from ../shared, see conll.mjs), then
// the share of samples per function, inclusive (the function and what it
// calls) and self. The release build keeps wasm function names.
//   node bench/profile.mjs [--rounds N] [--top N] [--match REGEX]
// Needs the wasm package (`bash scripts/build-wasm.sh`).
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { conllDocs } from './conll.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const rounds = Number(opt('--rounds', 8));
const top = Number(opt('--top', 25));
const only = new RegExp(opt('--match', '.'));

const pkg = new URL('../www/pkg/', import.meta.url);
const { initSync, extract } = await import(new URL('newslens.js', pkg));
initSync({ module: readFileSync(new URL('newslens_bg.wasm', pkg)) });
const docs = conllDocs('test');
if (!docs) {
  console.error('bench/profile.mjs: ../shared/data/conll2003/test.txt not found');
  process.exit(2);
}
for (const d of docs) extract(d); // warm-up: compiled and tiered before sampling

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let r = 0; r < rounds; r++) for (const d of docs) extract(d);
const { profile } = await session.post('Profiler.stop');

const name = (n) => (n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`).replace(/::h[0-9a-f]{16}$/, '');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const incl = new Map();
for (const id of profile.samples) {
  const k = name(byId.get(id));
  self.set(k, (self.get(k) ?? 0) + 1);
  const seen = new Set();
  for (let cur = id; cur != null; cur = parent.get(cur)) {
    const f = name(byId.get(cur));
    if (!seen.has(f)) {
      seen.add(f);
      incl.set(f, (incl.get(f) ?? 0) + 1);
    }
  }
}
const total = profile.samples.length;
for (const [title, m] of [['inclusive', incl], ['self', self]]) {
  console.log(`\n${title}, % of ${total} samples over ${rounds} rounds of ${docs.length} documents`);
  for (const [k, c] of [...m].filter(([k]) => only.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * c) / total).toFixed(1).padStart(5)}  ${k.slice(0, 110)}`);
  }
}
