// One cold start in Node (run by bench/startup.mjs in a fresh process each
// time, since V8 reuses compiled code for identical wasm bytes within a process).
import { readFileSync } from 'node:fs';

const T = () => performance.now();
const r = {};
const pkg = await import('../../www/pkg/newslens.js');
const text = readFileSync(new URL('../../tests/fixtures/seed-article.txt', import.meta.url), 'utf8');
let t = T();
const bytes = readFileSync(new URL('../../www/pkg/newslens_bg.wasm', import.meta.url));
r.download = T() - t;
t = T(); const module = new WebAssembly.Module(bytes); r.compile = T() - t;
t = T(); pkg.initSync({ module }); r.instantiate = T() - t;
t = T(); pkg.extract('x'); r.firstCall = T() - t;
t = T(); pkg.extract(text); r.firstSeed = T() - t;
t = T(); pkg.extract(text); r.secondSeed = T() - t;
console.log(JSON.stringify(r));
