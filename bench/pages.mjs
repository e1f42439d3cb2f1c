// Readability.js (@mozilla/readability on linkedom) over the web page sets in
// ../shared/data/web, timed per page and scored as src/bin/page-eval.rs
// scores newslens: body F1 (4-word shingles) against Readability's expected
// output on its own test pages, trafilatura's snippet score on its set.
// newslens's extractHtml (the wasm under Node: HTML parse, article, metadata
// and the whole analysis: entities, quotes) is timed in the same loop, page by
// page after Readability, and the ratio of the two printed.
//
//   node bench/pages.mjs [--data DIR] [--limit N] [--rounds N]
//
// Times are per page, the median over the pages of the best of --rounds runs
// (default 3), after one untimed warm-up run of each on that page.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const data = arg('--data', join(root, '../shared/data/web'));
const limit = Number(arg('--limit', Infinity));
const rounds = Number(arg('--rounds', 3));
if (!existsSync(data)) {
  console.log(`pages.mjs: ${data} not found; nothing to measure`);
  process.exit(0);
}

// newslens's whole analysis of a page, from the build in www/pkg (without it,
// only Readability.js is measured).
let newslens = null;
const pkg = join(root, 'www/pkg/newslens.js');
if (existsSync(pkg)) {
  const mod = await import(pkg);
  mod.initSync({ module: readFileSync(join(root, 'www/pkg/newslens_bg.wasm')) });
  if (typeof mod.extractHtml === 'function') newslens = (html) => mod.extractHtml(html).text;
}

/** Readability.js alone: linkedom parses, Readability extracts; the article's text. */
function readability(html) {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return article ? article.textContent : '';
}

/** A page's bytes as text: the charset a <meta> near the start declares, else UTF-8. */
function decode(bytes) {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const { document } = parseHTML(head);
  let label = null;
  for (const m of document.querySelectorAll('meta')) {
    if (m.getAttribute('charset')) { label = m.getAttribute('charset').trim(); break; }
    const content = (m.getAttribute('content') || '').toLowerCase();
    const at = content.indexOf('charset=');
    if ((m.getAttribute('http-equiv') || '').toLowerCase() === 'content-type' && at >= 0) {
      label = content.slice(at + 8).split(/[;\s"']/)[0];
      break;
    }
  }
  try {
    return new TextDecoder(label || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

// The body score of newslens::metrics::shingle_pr: `\w+` tokens, 4-token shingles.
function shingles(text) {
  const words = text.match(/[\p{L}\p{N}\p{M}_]+/gu) || [];
  const out = new Map();
  if (words.length > 0 && words.length < 4) out.set(words.join(' '), 1);
  for (let i = 0; i + 4 <= words.length; i++) {
    const k = words.slice(i, i + 4).join(' ');
    out.set(k, (out.get(k) || 0) + 1);
  }
  return out;
}
function shinglePR(predicted, gold) {
  const p = shingles(predicted), g = shingles(gold);
  let tp = 0, np = 0, ng = 0;
  for (const [k, n] of p) { np += n; tp += Math.min(n, g.get(k) || 0); }
  for (const n of g.values()) ng += n;
  return [np ? tp / np : 0, ng ? tp / ng : 0];
}
const f1 = (p, r) => (p + r ? (2 * p * r) / (p + r) : 0);
const norm = (s) => s.split(/\s+/).filter(Boolean).join(' ');
/** The text of an HTML fragment, one element's text a line. */
const textOf = (html) => {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  return document.body.textContent;
};

function time(fn, html) {
  let best = Infinity, out;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    out = fn(html);
    best = Math.min(best, performance.now() - t);
  }
  return [best, out];
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function loadPages() {
  const pages = [];
  const rdir = join(data, 'readability');
  if (existsSync(rdir)) {
    for (const name of readdirSync(rdir).sort()) {
      const d = join(rdir, name);
      if (!existsSync(join(d, 'source.html.gz'))) continue;
      const html = gunzipSync(readFileSync(join(d, 'source.html.gz'))).toString('utf8');
      if (html.length < 4096) continue; // the hand-written feature pages
      const gold = textOf(gunzipSync(readFileSync(join(d, 'expected.html.gz'))).toString('utf8'));
      pages.push({ set: 'readability', name, html, gold });
    }
  }
  const tdir = join(data, 'trafilatura-eval');
  if (existsSync(join(tdir, 'evaldata.json'))) {
    const evaldata = JSON.parse(readFileSync(join(tdir, 'evaldata.json'), 'utf8'));
    for (const rec of Object.values(evaldata)) {
      const html = decode(gunzipSync(readFileSync(join(tdir, 'pages', `${rec.file}.gz`))));
      pages.push({ set: 'trafilatura', name: rec.file, html, with: rec.with, without: rec.without });
    }
  }
  return pages.slice(0, limit);
}

function score(page, text, acc) {
  if (page.set === 'readability') {
    const [p, r] = shinglePR(text, page.gold);
    acc.p += p; acc.r += r; acc.n += 1;
  } else {
    const t = norm(text);
    for (const w of page.with) t.includes(norm(w)) ? acc.tp++ : acc.fn++;
    for (const w of page.without) t.includes(norm(w)) ? acc.fp++ : acc.tn++;
  }
}

function report(name, res) {
  for (const set of ['readability', 'trafilatura']) {
    const a = res[set];
    const times = a.times;
    if (!times.length) continue;
    const quality = set === 'readability'
      ? `body P ${(a.p / a.n).toFixed(3)} R ${(a.r / a.n).toFixed(3)} F1 ${f1(a.p / a.n, a.r / a.n).toFixed(3)}`
      : `snippets P ${(a.tp / (a.tp + a.fp)).toFixed(3)} R ${(a.tp / (a.tp + a.fn)).toFixed(3)} F1 ${((2 * a.tp) / (2 * a.tp + a.fp + a.fn)).toFixed(3)}`;
    console.log(`${name.padEnd(22)} ${set.padEnd(12)} pages ${String(times.length).padStart(4)}  ` +
      `median ${median(times).toFixed(2)} ms  mean ${mean(times).toFixed(2)} ms  ${quality}`);
  }
}

const pages = loadPages();
const fresh = () => ({ times: [], p: 0, r: 0, n: 0, tp: 0, fn: 0, fp: 0, tn: 0 });
const results = { readability: { readability: fresh(), trafilatura: fresh() } };
if (newslens) results.newslens = { readability: fresh(), trafilatura: fresh() };
for (const page of pages) {
  readability(page.html); // warm-up
  const [t, text] = time(readability, page.html);
  results.readability[page.set].times.push(t);
  score(page, text, results.readability[page.set]);
  if (newslens) {
    newslens(page.html);
    const [tn, ntext] = time(newslens, page.html);
    results.newslens[page.set].times.push(tn);
    score(page, ntext, results.newslens[page.set]);
  }
}
report('Readability.js+linkedom', results.readability);
if (newslens) {
  report('newslens extractHtml', results.newslens);
  // How many times faster newslens's whole analysis is than Readability's extraction alone.
  for (const set of ['readability', 'trafilatura']) {
    const [r, n] = [results.readability[set].times, results.newslens[set].times];
    if (!n.length) continue;
    const total = (xs) => xs.reduce((a, b) => a + b, 0);
    console.log(`${set.padEnd(12)} newslens is ${(median(r) / median(n)).toFixed(2)}x faster by the median page, ` +
      `${(total(r) / total(n)).toFixed(2)}x over all ${n.length} pages`);
  }
} else {
  console.log('newslens: www/pkg/newslens.js has no extractHtml (build it with bash scripts/build-wasm.sh)');
}
