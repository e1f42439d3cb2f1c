// Whole web pages in Chromium, brought to newslens the two ways a reader
// brings them, scored against Readability's expected article on its real test
// pages (../shared/data/web/readability/, SOURCE.md there):
//
//   paste  each page rendered as a reader sees a saved page (scripts off, no
//          network; --scripts on runs the page's own scripts, still with no
//          network), clicked on (nothing focused) and selected and copied
//          (Ctrl+A, Ctrl+C: the clipboard then holds text/html and text/plain,
//          as a browser fills it), pasted into
//          the newslens page with Ctrl+V (a real paste event carrying that
//          clipboard), and the "Download JSON" file's `text` scored;
//   embed  each page served from localhost with its own scripts on (nothing
//          beyond localhost is reachable), the embedding layer imported into it,
//          annotate(document.body, { findArticle: true }), and `handle.text` scored.
//
// "text" is the whole article text (headline first); "body" is the text after
// the analysis's headline, as page-eval scores the page stage. "clipboard
// plain" is the clipboard's text/plain as it is: what keeping the whole copied
// page would score. The scores come from `cargo run --release --features train
// --bin text-eval` (body F1 by newslens::metrics::shingle_pr, per-page P and R
// averaged, F1 of the averages), by page kind and dev/held-out half.
//
//   node bench/browser-pages.mjs [--mode paste|embed|both] [--scripts on|off] [--only NAME]
//                                [--limit N] [--out FILE.jsonl] [--pages]
//
// A page that shows nothing with scripts off (some hide the whole page until
// their scripts run) gives an empty clipboard: it scores 0, as the reader's
// paste would, and is listed.
//
// Needs www/pkg (bash scripts/build-wasm.sh) and Chromium (as the browser tests).
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { ROOT, launch } from '../tests/browser/harness.mjs';

/** A source below this size is one of Readability's hand-written feature pages (as page-eval). */
const HAND_WRITTEN_BYTES = 4096;
/** How long one page may take in one mode before it counts as a failure. */
const PAGE_TIMEOUT_MS = 60_000;
/** Where the web page sets are. */
export const DATA = join(ROOT, '../shared/data/web');

/** Readability's real pages (not the hand-written ones) in `data`: [{ name, html }]; `names` picks some. */
export function loadPages(data = DATA, { names = null, limit = Infinity } = {}) {
  const dir = join(data, 'readability');
  const pages = [];
  for (const name of readdirSync(dir).sort()) {
    if (names && !names.includes(name)) continue;
    const file = join(dir, name, 'source.html.gz');
    if (!existsSync(file)) continue;
    const bytes = gunzipSync(readFileSync(file));
    if (bytes.length < HAND_WRITTEN_BYTES) continue;
    pages.push({ name, html: bytes.toString('utf8') });
  }
  return pages.slice(0, limit);
}

/** Where a page is served, and a route that serves it and refuses everything else `allow` does not let through. */
const pageUrl = (origin, name) => `${origin}/__pages/${encodeURIComponent(name)}/index.html`;
async function servePage(context, origin, page, allow = () => false) {
  const url = pageUrl(origin, page.name);
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: page.html });
    return allow(u) ? route.continue() : route.abort();
  });
  return url;
}

/** What the clipboard holds before each copy, to tell a copy that copied nothing. */
const NOTHING_COPIED = 'browser-pages.mjs: nothing was copied';

/**
 * Copies the page as a reader would: rendered (scripts off unless --scripts on,
 * no network), a click on the page so that no search box has the focus, select
 * all, copy.
 */
async function copyPage(browser, origin, page, scripts) {
  const context = await browser.newContext({ javaScriptEnabled: scripts });
  try {
    const url = await servePage(context, origin, page);
    const tab = await context.newPage();
    await tab.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await tab.evaluate(() => document.activeElement?.blur?.());
    await tab.keyboard.press('Control+A');
    await tab.keyboard.press('Control+C');
  } finally {
    await context.close();
  }
}

/** Pastes the clipboard into the newslens page (Ctrl+V) and downloads the analysis: the JSON and the clipboard's plain text. */
async function pasteIntoNewslens(app) {
  if ((await app.evaluate(() => navigator.clipboard.readText())) === NOTHING_COPIED) {
    return { json: null, plain: '', origin: 'nothing was copied: the page showed no text' };
  }
  await app.locator('#clear').click();
  const before = await app.evaluate(() => document.getElementById('output').dataset.request ?? '');
  await app.locator('#article').focus();
  await app.keyboard.press('Control+V');
  await app.waitForFunction((prev) => {
    const status = document.getElementById('status').dataset.state;
    const out = document.getElementById('output');
    const settled = status === 'done' && out.dataset.request !== prev &&
      out.dataset.length === String(document.getElementById('article').value.length);
    return settled || status === 'error' || (status === 'ready' && !document.getElementById('origin').hidden);
  }, before, { timeout: PAGE_TIMEOUT_MS });
  const plain = await app.evaluate(() => navigator.clipboard.readText());
  if (await app.locator('#download').isDisabled()) return { json: null, plain, origin: await app.locator('#origin').textContent() };
  const [download] = await Promise.all([app.waitForEvent('download'), app.locator('#download').click()]);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  // Markup with no text in it is analysed as the clipboard's plain text: the JSON then has no
  // `text` of its own, and the text analysed is the textarea's.
  json.text ??= await app.locator('#article').inputValue();
  return { json, plain, origin: await app.locator('#origin').textContent() };
}

/** The page with its scripts on, the layer imported, the article found and annotated; then removed. */
async function embed(browser, origin, page) {
  const context = await browser.newContext();
  try {
    const url = await servePage(context, origin, page, (u) => u.startsWith(`${origin}/`) && !u.startsWith(`${origin}/__pages/`));
    const tab = await context.newPage();
    await tab.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    return await tab.evaluate(async (layer) => {
      const nl = await import(layer);
      const before = document.body.innerHTML;
      const handle = await nl.annotate(document.body, { findArticle: true });
      const result = {
        text: handle.text,
        titleEnd: handle.analysis.article.title?.end ?? 0,
        found: handle.article.found,
        blocks: handle.article.blocks,
        mapped: handle.article.mapped,
        marks: handle.marks.length,
        mentions: handle.analysis.mentions.length,
        timings: handle.timings,
      };
      handle.remove();
      result.restored = document.body.innerHTML === before;
      return result;
    }, `${origin}/annotate.js`);
  } finally {
    await context.close();
  }
}

/** `promise`, or a failure naming `what` after PAGE_TIMEOUT_MS. */
function withTimeout(promise, what) {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: over ${PAGE_TIMEOUT_MS} ms`)), PAGE_TIMEOUT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
const body = (text, titleEnd) => text.slice(titleEnd).trim();

/** One page pasted: the texts to score ([method, text]) and a note when something went wrong. */
async function pastePage(browser, origin, app, page, scripts) {
  try {
    await app.evaluate((s) => navigator.clipboard.writeText(s), NOTHING_COPIED);
    await withTimeout(copyPage(browser, origin, page, scripts), 'copy');
    const { json, plain, origin: said } = await withTimeout(pasteIntoNewslens(app), 'paste');
    if (!json) return { texts: [['clipboard plain', plain], ['paste text', ''], ['paste body', '']], note: `no analysis (${said})` };
    const note = said.startsWith('The article newslens found') ? null : said;
    return { texts: [['clipboard plain', plain], ['paste text', json.text], ['paste body', body(json.text, json.article.title?.end ?? 0)]], note };
  } catch (err) {
    return { texts: [['paste text', ''], ['paste body', '']], note: err.message.split('\n')[0] };
  }
}

/** One page annotated in place: the texts to score, what findArticle did, and a note when something went wrong. */
async function embedPage(browser, origin, page) {
  try {
    const r = await withTimeout(embed(browser, origin, page), 'embed');
    const note = !r.found ? `not an article (${r.blocks} blocks)`
      : r.mapped < r.blocks ? `${r.mapped}/${r.blocks} blocks found in the live page`
        : !r.restored ? 'body.innerHTML differs after remove() (the page\'s scripts may have changed it)' : null;
    return { texts: [['embed text', r.found ? r.text : ''], ['embed body', r.found ? body(r.text, r.titleEnd) : '']], result: r, note };
  } catch (err) {
    return { texts: [['embed text', ''], ['embed body', '']], note: err.message.split('\n')[0] };
  }
}

/**
 * Takes `pages` to newslens in Chromium (`mode`: paste, embed or both; `scripts`: the
 * copied page's scripts on). Resolves to { lines (JSON Lines for text-eval), notes,
 * embedded (findArticle's results), foreign (requests from the newslens page elsewhere) }.
 */
export async function runPages(pages, { mode = 'both', scripts = false, progress = () => {} } = {}) {
  const { origin, browser, close } = await launch('browser-pages');
  const lines = [];
  const notes = [];
  const embedded = [];
  const foreign = [];
  const appContext = await browser.newContext({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  appContext.on('request', (r) => { if (!r.url().startsWith(`${origin}/`)) foreign.push(r.url()); });
  try {
    const app = await appContext.newPage();
    await app.goto(`${origin}/`);
    await app.waitForFunction(() => window.newslensTimings?.readyAtMs != null, null, { timeout: 30_000 });
    for (const page of pages) {
      const runs = [];
      if (mode !== 'embed') runs.push(['paste', await pastePage(browser, origin, app, page, scripts)]);
      if (mode !== 'paste') runs.push(['embed', await embedPage(browser, origin, page)]);
      for (const [how, { texts, note, result }] of runs) {
        for (const [method, text] of texts) lines.push(JSON.stringify({ name: page.name, method, text }));
        if (note) notes.push(`${how} ${page.name}: ${note}`);
        if (result) embedded.push(result);
      }
      progress(page);
    }
  } finally {
    await appContext.close();
    await close();
  }
  return { lines, notes, embedded, foreign };
}

/** The text-eval bin's scores of a JSON Lines file of texts (`release`: the release build). */
export function score(file, { data = DATA, pages = false, release = true } = {}) {
  const args = ['run', ...(release ? ['--release'] : []), '--quiet', '--features', 'train', '--bin', 'text-eval', '--', file, '--data', data];
  if (pages) args.push('--pages');
  return execFileSync('cargo', args, { cwd: ROOT, encoding: 'utf8' });
}

/** One line on findArticle's results: pages read as articles, blocks found, remove(), and where the time went. */
function embedSummary(embedded) {
  const sum = (key) => embedded.reduce((n, r) => n + Number(r[key]), 0);
  const median = (key) => {
    const xs = embedded.map((r) => r.timings[key]).sort((a, b) => a - b);
    return xs[xs.length >> 1].toFixed(0);
  };
  return `embed: ${sum('found')}/${embedded.length} pages read as articles; ${sum('mapped')}/${sum('blocks')} of their blocks found in the live page; ` +
    `remove() restored body.innerHTML on ${sum('restored')}/${embedded.length}; annotate() median ${median('totalMs')} ms ` +
    `(serialising and mapping ${median('readMs')} ms, finding ${median('findMs')} ms and analysing ${median('extractMs')} ms in the worker, marking ${median('wrapMs')} ms; ` +
    'each page in a fresh context, so with the worker\'s start)';
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const data = arg('--data', DATA);
  if (!existsSync(join(data, 'readability'))) {
    console.log(`browser-pages.mjs: ${join(data, 'readability')} not found; nothing to measure`);
    return;
  }
  const only = arg('--only', null);
  const pages = loadPages(data, { names: only ? [only] : null, limit: Number(arg('--limit', Infinity)) });
  const mode = arg('--mode', 'both');
  const run = await runPages(pages, { mode, scripts: arg('--scripts', 'off') === 'on', progress: () => process.stderr.write('.') });
  process.stderr.write('\n');
  const out = arg('--out', join(tmpdir(), `newslens-browser-pages-${process.pid}.jsonl`));
  writeFileSync(out, `${run.lines.join('\n')}\n`);
  for (const n of run.notes) console.log(`note: ${n}`);
  if (run.embedded.length) console.log(embedSummary(run.embedded));
  if (mode !== 'embed') console.log(`paste: requests outside the server's origin from the newslens page: ${run.foreign.length}`);
  console.log(`texts: ${out}`);
  console.log(score(out, { data, pages: args.includes('--pages') }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
