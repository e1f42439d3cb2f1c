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
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { ROOT, launch } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const data = arg('--data', join(ROOT, '../shared/data/web'));
const mode = arg('--mode', 'both');
const only = arg('--only', null);
const limit = Number(arg('--limit', Infinity));
const copyScripts = arg('--scripts', 'off') === 'on';
const out = arg('--out', join(tmpdir(), `newslens-browser-pages-${process.pid}.jsonl`));
/** A source below this size is one of Readability's hand-written feature pages (as page-eval). */
const HAND_WRITTEN_BYTES = 4096;
/** How long one page may take in one mode before it counts as a failure. */
const PAGE_TIMEOUT_MS = 60_000;

const dir = join(data, 'readability');
if (!existsSync(dir)) {
  console.log(`browser-pages.mjs: ${dir} not found; nothing to measure`);
  process.exit(0);
}

/** The real pages (not the hand-written ones): [{ name, html }]. */
function loadPages() {
  const pages = [];
  for (const name of readdirSync(dir).sort()) {
    if (only && name !== only) continue;
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
async function copyPage(browser, origin, page) {
  const context = await browser.newContext({ javaScriptEnabled: copyScripts });
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
  // A paste that does not read as an article page is analysed as text: the JSON then has no
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

const withTimeout = (promise, what) => Promise.race([promise,
  new Promise((_, fail) => setTimeout(() => fail(new Error(`${what}: over ${PAGE_TIMEOUT_MS} ms`)), PAGE_TIMEOUT_MS))]);
const body = (text, titleEnd) => text.slice(titleEnd).trim();

async function main() {
  const pages = loadPages();
  const { origin, browser, close } = await launch('browser-pages benchmark');
  const lines = [];
  const notes = [];
  const record = (name, method, text) => lines.push(JSON.stringify({ name, method, text }));
  const appContext = await browser.newContext({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const foreign = [];
  appContext.on('request', (r) => { if (!r.url().startsWith(`${origin}/`)) foreign.push(r.url()); });
  const app = await appContext.newPage();
  await app.goto(`${origin}/`);
  await app.waitForFunction(() => window.newslensTimings?.readyAtMs != null, null, { timeout: 30_000 });
  const embedStats = { pages: 0, found: 0, blocks: 0, mapped: 0, restored: 0, timings: [] };
  try {
    for (const page of pages) {
      if (mode !== 'embed') {
        try {
          await app.evaluate((s) => navigator.clipboard.writeText(s), NOTHING_COPIED);
          await withTimeout(copyPage(browser, origin, page), 'copy');
          const { json, plain, origin: said } = await withTimeout(pasteIntoNewslens(app), 'paste');
          record(page.name, 'clipboard plain', plain);
          if (json) {
            record(page.name, 'paste text', json.text);
            record(page.name, 'paste body', body(json.text, json.article.title?.end ?? 0));
            if (!said.startsWith('The article newslens found')) notes.push(`paste ${page.name}: ${said}`);
          } else {
            notes.push(`paste ${page.name}: no analysis (${said})`);
            record(page.name, 'paste text', '');
            record(page.name, 'paste body', '');
          }
        } catch (err) {
          notes.push(`paste ${page.name}: ${err.message.split('\n')[0]}`);
          record(page.name, 'paste text', '');
          record(page.name, 'paste body', '');
        }
      }
      if (mode !== 'paste') {
        try {
          const r = await withTimeout(embed(browser, origin, page), 'embed');
          record(page.name, 'embed text', r.found ? r.text : '');
          record(page.name, 'embed body', r.found ? body(r.text, r.titleEnd) : '');
          embedStats.pages++;
          embedStats.found += r.found;
          embedStats.blocks += r.blocks;
          embedStats.mapped += r.mapped;
          embedStats.restored += r.restored;
          embedStats.timings.push(r.timings);
          if (!r.found) notes.push(`embed ${page.name}: not an article (${r.blocks} blocks)`);
          else if (r.mapped < r.blocks) notes.push(`embed ${page.name}: ${r.mapped}/${r.blocks} blocks found in the live page`);
          if (!r.restored) notes.push(`embed ${page.name}: body.innerHTML differs after remove() (the page's scripts may have changed it)`);
        } catch (err) {
          notes.push(`embed ${page.name}: ${err.message.split('\n')[0]}`);
          record(page.name, 'embed text', '');
          record(page.name, 'embed body', '');
        }
      }
      process.stderr.write('.');
    }
  } finally {
    process.stderr.write('\n');
    await appContext.close();
    await close();
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  for (const n of notes) console.log(`note: ${n}`);
  if (mode !== 'paste' && embedStats.pages) {
    const median = (key) => {
      const xs = embedStats.timings.map((t) => t[key]).sort((a, b) => a - b);
      return xs[xs.length >> 1].toFixed(0);
    };
    console.log(`embed: ${embedStats.found}/${embedStats.pages} pages read as articles; ${embedStats.mapped}/${embedStats.blocks} of their blocks found in the live page; ` +
      `remove() restored body.innerHTML on ${embedStats.restored}/${embedStats.pages}; annotate() median ${median('totalMs')} ms ` +
      `(serialising and mapping ${median('readMs')} ms, finding ${median('findMs')} ms and analysing ${median('extractMs')} ms in the worker, marking ${median('wrapMs')} ms; ` +
      `the first call includes the worker's start)`);
  }
  if (mode !== 'embed') console.log(`paste: requests outside ${origin} from the newslens page: ${foreign.length}`);
  console.log(`texts: ${out}`);
  const evalArgs = ['run', '--release', '--quiet', '--features', 'train', '--bin', 'text-eval', '--', out, '--data', data];
  if (args.includes('--pages')) evalArgs.push('--pages');
  console.log(execFileSync('cargo', evalArgs, { cwd: ROOT, encoding: 'utf8' }));
}

await main();
