// Shows that two builds of the wasm package give the same extract() results:
// records each build's results as JSON Lines, one line per text and offsets
// unit, then compares them line by line (as JSON text, so key order counts
// too, and by deep equality). The texts: the CoNLL-2003 test and dev
// documents, the PolNeAR dev texts (read from ../shared/data, never copied;
// left out with a note when absent) and the seed article; the units: utf16,
// chars and bytes.
//   node bench/js-identity.mjs OLD_DIR NEW_DIR [OUT_DIR]
// DIR holds newslens.js and newslens_bg.wasm (www/pkg, or a build of an older
// commit); OUT_DIR (default bench/out/identity) receives old.jsonl and new.jsonl.
// Exits 1 when any result differs.
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { conllDocs } from './conll.mjs';

const [oldDir, newDir, outArg] = process.argv.slice(2);
if (!oldDir || !newDir) {
  console.error('usage: node bench/js-identity.mjs OLD_DIR NEW_DIR [OUT_DIR]');
  process.exit(2);
}
const here = (p) => new URL(p, import.meta.url);
const outDir = resolve(outArg ?? new URL('out/identity', here('./')).pathname);
mkdirSync(outDir, { recursive: true });

const sets = [];
for (const split of ['test', 'dev']) {
  const docs = conllDocs(split);
  if (docs) sets.push([`conll-${split}`, docs]);
  else console.log(`CoNLL-2003 ${split}: not found under ../shared/data, left out`);
}
const polnear = here('../../shared/data/quotes/polnear/dev.jsonl');
if (existsSync(polnear)) {
  const lines = readFileSync(polnear, 'utf8').split('\n').filter(Boolean);
  sets.push(['polnear-dev', lines.map((l) => JSON.parse(l).text)]);
} else {
  console.log('PolNeAR dev: not found under ../shared/data, left out');
}
sets.push(['seed', [readFileSync(here('../tests/fixtures/seed-article.txt'), 'utf8')]]);
const UNITS = ['utf16', 'chars', 'bytes'];

async function load(dir) {
  const m = await import(pathToFileURL(resolve(dir, 'newslens.js')).href);
  m.initSync({ module: readFileSync(resolve(dir, 'newslens_bg.wasm')) });
  return m.extract;
}
const builds = [['old', await load(oldDir)], ['new', await load(newDir)]];
const files = Object.fromEntries(builds.map(([name]) => [name, createWriteStream(join(outDir, `${name}.jsonl`))]));

let compared = 0;
let sameJson = 0;
const differ = [];
for (const [set, texts] of sets) {
  for (const unit of UNITS) {
    texts.forEach((text, i) => {
      const [a, b] = builds.map(([, extract]) => extract(text, { offsets: unit }));
      const [ja, jb] = [JSON.stringify(a), JSON.stringify(b)];
      files.old.write(`${ja}\n`);
      files.new.write(`${jb}\n`);
      compared++;
      if (ja === jb) sameJson++;
      else if (!isDeepStrictEqual(a, b)) differ.push(`${set} #${i} (${unit})`);
    });
  }
  console.log(`${set}: ${texts.length} texts x ${UNITS.length} units compared`);
}
await Promise.all(Object.values(files).map((f) => new Promise((ok) => f.end(ok))));
console.log(`${compared} results: ${sameJson} identical as JSON text, ${compared - sameJson - differ.length} equal with keys in another order, ${differ.length} different`);
console.log(`recorded in ${join(outDir, 'old.jsonl')} and ${join(outDir, 'new.jsonl')}`);
if (differ.length) {
  console.log(`different: ${differ.slice(0, 20).join(', ')}${differ.length > 20 ? ', ...' : ''}`);
  process.exit(1);
}
