// The browser extension on Readability's real English test pages
// (../shared/data/web/readability/, SOURCE.md there): each page is served from
// 127.0.0.1 with its own scripts on (nothing beyond 127.0.0.1 is reachable),
// the test build of the extension (target/extension-test/, built by
// scripts/build-extension.sh) is loaded in Chromium, and its toolbar action
// is run twice through the service worker (newslens.toggle(tabId)).
//
// Reported per page and over all pages:
//   in-article share of marks: a mark counts as in the article when the text
//     of its block (its nearest ancestor that is not laid out inline), as a
//     sequence of lower-cased words, occurs in the text of Readability's
//     expected article (expected.html.gz), or is the page's title as
//     Readability found it (expected-metadata.json: the headline; or four
//     words or more inside that title). Text in scripts, styles, MathML and
//     SVG is not counted. A mark in a menu, a related link, a caption
//     Readability left out or a footer counts as outside;
//   the same share for every block of the page that holds text: what marking
//     the whole page would score (the measure's floor on that page);
//   how long the first toggle took (service worker to marks and panel);
//   whether the second toggle restored document.body.innerHTML exactly and
//     left the document (adopted stylesheets, elements after <body>) as it was;
//   requests that were neither to 127.0.0.1 nor the extension's own files
//     (all refused), in all (the pages' own images and scripts) and while
//     the extension worked (between the first toggle and the second).
//
//   node bench/extension-pages.mjs [--only NAME] [--limit N]
//
// tests/browser/extension.test.mjs runs a handful of the pages with the same code.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS, ROOT } from '../tests/browser/harness.mjs';

/** The test build of the extension. */
export const EXTENSION_TEST = join(ROOT, 'target/extension-test');
/** Where Readability's test pages are. */
export const READABILITY = join(ROOT, '../shared/data/web/readability');
/** A source below this size is one of Readability's hand-written feature pages (as src/bin/page-eval.rs). */
const HAND_WRITTEN_BYTES = 4096;
/** Pages without a declared language that are not English (as src/bin/page-eval.rs). */
const NON_ENGLISH_UNLABELLED = new Set(['gmw', 'qq', 'youth', 'hukumusume', 'la-nacion']);
/** A block inside Readability's title counts as the headline from this many words (one word could be a menu's). */
const HEADLINE_MIN_WORDS = 4;
/** Request types code makes (Playwright's resourceType): what the extension would use to send a page anywhere. */
const CODE_REQUESTS = new Set(['fetch', 'xhr', 'websocket', 'eventsource', 'script', 'document', 'ping', 'other']);
/** How long one toggle may take before the page counts as a failure. */
const TOGGLE_TIMEOUT_MS = 60_000;

/** Readability's real English pages: [{ name, html, expected, title }]; `names` picks some. */
export function loadEnglishPages({ names = null, limit = Infinity } = {}) {
  const pages = [];
  for (const name of readdirSync(READABILITY).sort()) {
    if (names && !names.includes(name)) continue;
    const dir = join(READABILITY, name);
    if (!existsSync(join(dir, 'source.html.gz'))) continue;
    const html = gunzipSync(readFileSync(join(dir, 'source.html.gz'))).toString('utf8');
    const meta = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8'));
    const lang = String(meta.lang ?? '').toLowerCase();
    const english = lang.startsWith('en') || (!lang && !NON_ENGLISH_UNLABELLED.has(name));
    if (Buffer.byteLength(html) < HAND_WRITTEN_BYTES || !english) continue;
    const expected = gunzipSync(readFileSync(join(dir, 'expected.html.gz'))).toString('utf8');
    pages.push({ name, html, expected, title: meta.title ?? '' });
  }
  return pages.slice(0, limit);
}

/**
 * A server on 127.0.0.1 for pages the caller adds (`add(path, body, headers)`),
 * Chromium with the test build of the extension loaded, and its service
 * worker. Requests anywhere but 127.0.0.1 and the extension are refused and
 * listed in `foreign`. Resolves to { origin, context, sw, add, foreign, close }.
 */
export async function launchExtension(dir = EXTENSION_TEST) {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run bash scripts/build-extension.sh`);
  const routes = new Map();
  const server = createServer((req, res) => {
    const page = routes.get(new URL(req.url, 'http://x').pathname);
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', ...(page?.headers ?? {}) });
    res.end(page?.body ?? 'not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'newslens-extension-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, acceptDownloads: true, viewport: { width: 1280, height: 900 },
    args: [...LAUNCH_ARGS.filter((a) => a !== '--headless'), `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const foreign = [];
  const local = (url) => url.startsWith(`${origin}/`) || url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:');
  context.on('request', (r) => { if (!local(r.url())) foreign.push({ url: r.url(), type: r.resourceType() }); });
  await context.route('**/*', (route) => (local(route.request().url()) ? route.continue() : route.abort()));
  const sw = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const add = (path, body, headers = {}) => {
    routes.set(path, { body, headers });
    return `${origin}${path}`;
  };
  const close = async () => {
    await context.close();
    await new Promise((ok) => server.close(ok));
    rmSync(profile, { recursive: true, force: true });
  };
  return { origin, context, sw, add, foreign, close };
}

/** The toolbar action on the tab showing `page`, through the service worker; resolves to the content script's report. */
export async function toggle(sw, page) {
  const url = page.url();
  const tabs = await sw.evaluate(() => chrome.tabs.query({}));
  const tab = tabs.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab shows ${url}`);
  let timer;
  const late = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`toggle: over ${TOGGLE_TIMEOUT_MS} ms`)), TOGGLE_TIMEOUT_MS); });
  try {
    return await Promise.race([sw.evaluate((id) => globalThis.newslens.toggle(id), tab.id), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What the document looks like: its body, what is outside <head> and <body>
 * (the <html> element's attributes and any other children), its adopted
 * stylesheets and its highlights. (The <head> is left out: a page's own
 * scripts add and remove scripts there.)
 */
export function snapshot(page) {
  return page.evaluate(() => {
    const html = document.documentElement;
    const others = [...html.children].filter((e) => e !== document.head && e !== document.body);
    return {
      body: document.body.innerHTML,
      outside: JSON.stringify([[...html.attributes].map((a) => [a.name, a.value]), others.map((e) => e.outerHTML)]),
      sheets: document.adoptedStyleSheets.length,
      highlights: globalThis.CSS?.highlights?.size ?? 0,
    };
  });
}

/**
 * The in-article measure (see the header), in the page: { marks, inside,
 * blocks, blocksInside }. `expected` is Readability's article HTML (parsed
 * inert, by DOMParser), `title` the page's title as Readability found it.
 */
export function measure(page, expected, title) {
  return page.evaluate(({ expected: html, title: headline, HEADLINE_MIN_WORDS }) => {
    const words = (s) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    const gold = ` ${words(new DOMParser().parseFromString(html, 'text/html').body.textContent)} `;
    const titleWords = words(headline);
    // Not prose: code, and formulas (Readability keeps a formula's picture, not its MathML).
    const NOT_TEXT = 'script, style, noscript, template, math, svg';
    const skipped = (n) => Boolean(n.parentElement?.closest(NOT_TEXT));
    const textOf = (el) => {
      const parts = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (skipped(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.data);
      return words(parts.join(''));
    };
    const inline = (el) => /^(inline|contents|ruby)/.test(getComputedStyle(el).display);
    const blockOf = (node) => {
      let el = node.parentElement;
      while (el && el !== document.body && inline(el)) el = el.parentElement;
      return el;
    };
    // The headline: Readability's title, or a block of HEADLINE_MIN_WORDS or more inside it
    // (its title may carry the site's name: "Headline - Site").
    const isHeadline = (w) => titleWords.length > 0
      && (w === titleWords || (w.split(' ').length >= HEADLINE_MIN_WORDS && ` ${titleWords} `.includes(` ${w} `)));
    const verdicts = new Map();
    const inArticle = (block) => {
      if (!verdicts.has(block)) {
        const w = textOf(block);
        verdicts.set(block, w.length > 0 && (gold.includes(` ${w} `) || isHeadline(w)));
      }
      return verdicts.get(block);
    };
    const marks = [...document.querySelectorAll('mark[data-newslens]')];
    const inside = marks.filter((m) => inArticle(blockOf(m))).length;
    // Every block that holds text of its own (a text node with a word directly in it, or in its inline children).
    const blocks = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (/[\p{L}\p{N}]/u.test(n.data) && !skipped(n) && n.parentElement?.checkVisibility?.() !== false) {
        const b = blockOf(n);
        if (b) blocks.add(b);
      }
    }
    const blocksInside = [...blocks].filter(inArticle).length;
    return { marks: marks.length, inside, blocks: blocks.size, blocksInside };
  }, { expected, title, HEADLINE_MIN_WORDS });
}

/**
 * One page through the extension: served, toggled on (measured), toggled off
 * (checked against the snapshot taken before). Resolves to
 * { name, on, off, measure, restored, documentClean, error? }.
 */
export async function runPage(ext, page, { headers = {} } = {}) {
  const url = ext.add(`/pages/${encodeURIComponent(page.name)}/index.html`, page.html, headers);
  const tab = await ext.context.newPage();
  try {
    // Loaded, and the browser's own requests for the page (its icons) made.
    await tab.goto(url, { waitUntil: 'networkidle', timeout: TOGGLE_TIMEOUT_MS });
    const before = await snapshot(tab);
    const requests = ext.foreign.length;
    const t0 = performance.now();
    const on = await toggle(ext.sw, tab);
    const onMs = performance.now() - t0;
    const measured = await measure(tab, page.expected, page.title);
    const off = await toggle(ext.sw, tab);
    const after = await snapshot(tab);
    return {
      name: page.name, on, onMs, off, measure: measured, restored: after.body === before.body,
      documentClean: after.outside === before.outside && after.sheets === before.sheets && after.highlights === before.highlights,
      // Requests beyond 127.0.0.1 while the extension worked (refused): what code asks for
      // (fetches, scripts, documents), and the rest (the page's images, its icons, fonts).
      foreign: ext.foreign.slice(requests).filter((r) => CODE_REQUESTS.has(r.type)).map((r) => r.url),
      foreignOther: ext.foreign.slice(requests).filter((r) => !CODE_REQUESTS.has(r.type)).map((r) => r.url),
    };
  } catch (error) {
    return { name: page.name, error: String(error?.message ?? error).split('\n')[0] };
  } finally {
    await tab.close();
  }
}

/** The share a / b, to three places ("-" when b is 0). */
export const share = (a, b) => (b ? (a / b).toFixed(3) : '-');

/** Totals over the pages' results: marks, in-article marks, blocks, in-article blocks. */
export function totals(results) {
  const t = { pages: results.length, marked: 0, marks: 0, inside: 0, blocks: 0, blocksInside: 0, restored: 0, clean: 0, failed: 0, foreign: 0 };
  for (const r of results) {
    if (r.error) { t.failed++; continue; }
    t.marked += r.measure.marks > 0 ? 1 : 0;
    t.marks += r.measure.marks;
    t.inside += r.measure.inside;
    t.blocks += r.measure.blocks;
    t.blocksInside += r.measure.blocksInside;
    t.restored += r.restored ? 1 : 0;
    t.clean += r.documentClean ? 1 : 0;
    t.foreign += r.foreign.length;
  }
  return t;
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  if (!existsSync(READABILITY)) {
    console.log(`extension-pages.mjs: ${READABILITY} not found; nothing to measure`);
    return;
  }
  const only = arg('--only', null);
  const pages = loadEnglishPages({ names: only ? [only] : null, limit: Number(arg('--limit', Infinity)) });
  const ext = await launchExtension();
  const results = [];
  try {
    for (const page of pages) {
      const r = await runPage(ext, page);
      results.push(r);
      const m = r.measure;
      console.log(r.error ? `${r.name}: failed: ${r.error}`
        : `${r.name}: ${r.on.state}, marks ${m.marks}, in article ${share(m.inside, m.marks)} (page blocks ${share(m.blocksInside, m.blocks)})${r.restored ? '' : ', body NOT restored'}${r.documentClean ? '' : ', document NOT clean'}`);
    }
  } finally {
    await ext.close();
  }
  const t = totals(results);
  const perPage = results.filter((r) => !r.error && r.measure.marks).map((r) => r.measure.inside / r.measure.marks).sort((a, b) => a - b);
  console.log(`\n${t.pages} pages, ${t.failed} failed, ${t.marked} with marks; marks ${t.marks}, in the article ${t.inside}: share ${share(t.inside, t.marks)}`);
  const mean = perPage.reduce((a, b) => a + b, 0) / (perPage.length || 1);
  console.log(`per page: mean share ${mean.toFixed(3)}, median ${perPage.length ? perPage[perPage.length >> 1].toFixed(3) : '-'}, lowest ${perPage.length ? perPage[0].toFixed(3) : '-'}; pages at 0.9 or more: ${perPage.filter((s) => s >= 0.9).length} of ${perPage.length}`);
  const ms = results.filter((r) => !r.error).map((r) => r.onMs);
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(`first toggle, click to marks and panel: ${Math.round(ms[0] ?? 0)} ms on the first page (the service worker loads the wasm), `
    + `median ${Math.round(sorted[sorted.length >> 1] ?? 0)} ms, slowest ${Math.round(sorted[sorted.length - 1] ?? 0)} ms`);
  console.log(`control, every block of text on the pages: ${t.blocksInside} of ${t.blocks} in the article: share ${share(t.blocksInside, t.blocks)}`);
  console.log(`second toggle: body restored on ${t.restored}, document as before on ${t.clean} of ${t.pages - t.failed} pages`);
  console.log(`requests beyond 127.0.0.1 (all refused): ${ext.foreign.length} in all, the pages' own; ${t.foreign} while the extension worked`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
