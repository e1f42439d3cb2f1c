// What a reader's "select all, copy, paste as plain text" of a web page holds:
// each page of ../shared/data/web rendered in Chromium with JavaScript off and
// no network (every request but the page itself is aborted), and
// `document.body.innerText` taken. The texts are cached outside the
// repository (benchmark pages are never copied into it):
//   node bench/web/render.mjs [OUT]       (OUT defaults to target/web-text)
// writes OUT/readability/NAME.page.txt (the page) and NAME.gold.txt (the
// innerText of Readability's expected article, the reference body),
// OUT/trafilatura/NAME.page.txt for the English pages of trafilatura's
// evaluation set, and OUT/manifest.json listing them with their snippets.
// Needs playwright-core (npm ci) and Debian's chromium.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
const shared = join(root, '../shared/data/web');
const out = process.argv[2] ?? join(root, 'target/web-text');

if (!existsSync(shared)) {
  console.error(`render: needs ${shared} (the web pages); nothing to do`);
  process.exit(2);
}

/** Common English function words: a page whose text is mostly not made of them is not English. */
const ENGLISH = new Set(
  'the of and to a in is that for it was on with as by at from this be are have has were said not but'.split(' '),
);

/** The share of `text`'s words that are common English function words. */
function englishShare(text) {
  const words = text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
  if (words.length < 50) return 0;
  return words.filter((w) => ENGLISH.has(w)).length / words.length;
}

/** A quick guess from the raw markup, to avoid rendering the German pages: the declared language, or the words between tags. */
function looksEnglish(html) {
  const lang = /<html[^>]*\slang\s*=\s*["']?([a-zA-Z-]+)/i.exec(html)?.[1]?.toLowerCase();
  if (lang && !lang.startsWith('en')) return false;
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return englishShare(text) > 0.12;
}

const browser = await chromium.launch({ executablePath: execSync('which chromium').toString().trim() });
const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.setDefaultTimeout(20000);
let current = Buffer.alloc(0);
let contentType = 'text/html';
// The page itself is served from memory; everything else (styles, images, frames, fonts) fails, as offline.
await page.route('**/*', (route) =>
  route.request().url() === 'http://fakehost/test/page.html' && route.request().isNavigationRequest()
    ? route.fulfill({ status: 200, headers: { 'content-type': contentType }, body: current })
    : route.abort(),
);

/** Whether `bytes` decode as UTF-8 without error. */
function isUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The innerText of `html` (bytes) as Chromium renders it with no script and no network.
 * A server names the charset in its header; the stored pages have lost it, so UTF-8 is
 * declared when `utf8` is true (Readability's pages are all UTF-8) or when the page
 * declares no charset of its own and decodes as UTF-8. Otherwise Chromium reads the
 * page's own declaration (or falls back to windows-1252, as it would).
 */
async function innerText(html, utf8 = false) {
  current = html;
  const head = html.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset/i.test(head);
  contentType = utf8 || (!declared && isUtf8(html)) ? 'text/html; charset=utf-8' : 'text/html';
  try {
    await page.goto('http://fakehost/test/page.html', { waitUntil: 'load' });
    return await page.evaluate(() => (document.body ? document.body.innerText : ''));
  } catch (e) {
    console.error(`render: ${e.message.split('\n')[0]}`);
    return null;
  }
}

const manifest = [];
mkdirSync(join(out, 'readability'), { recursive: true });
mkdirSync(join(out, 'trafilatura'), { recursive: true });

const rdir = join(shared, 'readability');
for (const name of readdirSync(rdir).sort()) {
  const src = join(rdir, name, 'source.html.gz');
  if (!existsSync(src)) continue;
  const meta = JSON.parse(readFileSync(join(rdir, name, 'expected-metadata.json'), 'utf8'));
  const html = gunzipSync(readFileSync(src));
  const text = await innerText(html, true);
  const gold = await innerText(gunzipSync(readFileSync(join(rdir, name, 'expected.html.gz'))), true);
  if (text === null || gold === null) continue;
  const lang = meta.lang ?? null;
  const english = lang ? lang.toLowerCase().startsWith('en') : englishShare(gold) > 0.12;
  writeFileSync(join(out, 'readability', `${name}.page.txt`), text);
  writeFileSync(join(out, 'readability', `${name}.gold.txt`), gold);
  // Pages under 4 KB are hand-written feature tests (mostly Lorem ipsum), not saved web pages.
  manifest.push({ set: 'readability', name, english, real: html.length >= 4096, title: meta.title ?? null });
}
console.error(`render: ${manifest.length} readability pages`);

const tdir = join(shared, 'trafilatura-eval');
const evaldata = JSON.parse(readFileSync(join(tdir, 'evaldata.json'), 'utf8'));
let n = 0;
for (const [key, rec] of Object.entries(evaldata)) {
  const path = join(tdir, 'pages', `${rec.file}.gz`);
  if (!existsSync(path)) continue;
  const html = gunzipSync(readFileSync(path));
  if (!looksEnglish(html.toString('latin1'))) continue;
  const text = await innerText(html);
  if (text === null || englishShare(text) < 0.15) continue;
  const name = rec.file.replace(/[^A-Za-z0-9._-]+/g, '_');
  writeFileSync(join(out, 'trafilatura', `${name}.page.txt`), text);
  manifest.push({ set: 'trafilatura', name, key, english: true, title: rec.title ?? null, with: rec.with, without: rec.without });
  n += 1;
}
console.error(`render: ${n} English trafilatura pages`);
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
await browser.close();
