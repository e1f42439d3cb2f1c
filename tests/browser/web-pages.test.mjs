// Browser tests for web pages in the newslens page (www/): a page copied from
// the browser and pasted, plain-text pastes, "Open file", drag and drop, the
// page's metadata and what was left out, and that pasted or opened markup
// never runs, renders or fetches anything. node --test tests/browser/
// Needs a built package (bash scripts/build-wasm.sh) and Chromium, as page.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, newPage } from './harness.mjs';

let origin;
let browser;
let close;

before(async () => {
  ({ origin, browser, close } = await launch('web page tests'));
});

after(async () => {
  await close?.();
});

// A news page as sites make them: a menu, the story, related links, comments and a footer,
// with names everywhere, and the metadata a page's <head> carries.
const STORY = [
  'British Prime Minister Keir Starmer met French President Emmanuel Macron in Paris on Tuesday, officials said, and the two leaders agreed to fund a joint patrol of the Channel coast.',
  '"We will work together to stop the smugglers," Starmer told reporters after the meeting at the Élysée Palace. The European Union welcomed the talks, which ran late into the evening.',
  'Macron said France would spend €500 million on the patrol over three years, and Britain would match the sum, according to a joint statement released by both governments.',
];
const NEWS_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Starmer and Macron pledge joint patrol | The Daily Example</title>
<meta property="og:title" content="Starmer and Macron pledge joint patrol">
<meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://daily.example/world/patrol">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Starmer and Macron pledge joint patrol",
 "datePublished": "2025-03-14T09:30:00Z", "author": {"@type": "Person", "name": "Jane Doe"}}</script>
</head><body>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Angela Merkel Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article class="story">
<h1>Starmer and Macron pledge joint patrol</h1>
<p class="byline">By <a href="/jane">Jane Doe</a></p>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/a">Olaf Scholz visits Washington for talks</a></li><li><a href="/b">Joe Biden meets Xi Jinping in Lima</a></li><li><a href="/c">Rishi Sunak returns to the back benches</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2><ul><li class="comment"><p>Boris Johnson would never have agreed to this, says a reader from Leeds.</p></li></ul></section>
</main>
<footer class="site-footer"><p>© The Daily Example. Registered office: Donald Trump Tower, London.</p></footer>
</body></html>`;
// Words of the page that are not the story's.
const FURNITURE = ['Angela Merkel', 'Olaf Scholz', 'Joe Biden', 'Rishi Sunak', 'Boris Johnson', 'Donald Trump'];

/** The newslens page, ready, recording errors, every request (the worker's too) and CSP violations. */
async function openApp(t, options = {}) {
  const ctx = await newPage(browser, t, { acceptDownloads: true, ...options });
  await ctx.page.goto(`${origin}/`);
  await ctx.page.waitForFunction(() => window.newslensTimings?.readyAtMs != null, null, { timeout: 30_000 });
  return ctx;
}

/** Waits until the page shows the analysis of exactly the textarea's text, after request `before`. */
async function waitForAnalysis(page, before = '') {
  await page.waitForFunction((prev) => {
    const out = document.getElementById('output');
    return document.getElementById('status').dataset.state === 'done' && out.dataset.request !== prev &&
      out.dataset.length === String(document.getElementById('article').value.length);
  }, before, { timeout: 30_000 });
}

const lastRequest = (page) => page.evaluate(() => document.getElementById('output').dataset.request ?? '');

/** Renders `html` as a reader sees a saved page (scripts off, nothing else reachable) and copies it all. */
async function copyFromBrowser(html) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const url = `${origin}/__copied/page.html`;
    await context.route('**/*', (route) => (route.request().url() === url
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
      : route.abort()));
    const page = await context.newPage();
    await page.goto(url);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
  } finally {
    await context.close();
  }
}

/** Selects the textarea's text and dispatches a paste event carrying `items` ({ type: data }) on it, as the browser would. */
function pasteEvent(page, items) {
  return page.evaluate((entries) => {
    const data = new DataTransfer();
    for (const [type, value] of entries) data.setData(type, value);
    const ta = document.getElementById('article');
    ta.focus();
    ta.select();   // a paste replacing the whole text, as after Ctrl+A
    return ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, Object.entries(items));
}

async function downloadJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

test('a whole page copied in the browser and pasted: the article, what was left out, the download', async (t) => {
  const { page, errors } = await openApp(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  await copyFromBrowser(NEWS_PAGE);
  const clipboard = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item.types;
  });
  assert.ok(clipboard.includes('text/html') && clipboard.includes('text/plain'), `the clipboard holds both: ${clipboard}`);
  await page.locator('#article').focus();
  await page.keyboard.press('Control+V');
  await waitForAnalysis(page);

  const text = await page.locator('#article').inputValue();
  assert.ok(text.startsWith('Starmer and Macron pledge joint patrol\n\n'), `the headline first: ${JSON.stringify(text.slice(0, 80))}`);
  for (const p of STORY) assert.ok(text.includes(p), `the story's paragraph is kept: ${p.slice(0, 40)}`);
  for (const name of FURNITURE) assert.ok(!text.includes(name), `${name} (menu, related, comments, footer) is left out`);
  const marked = await page.$$eval('#output mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(marked.includes('Keir Starmer') && marked.includes('Paris'), `the story's names are marked: ${marked}`);
  assert.equal(await page.locator('#output h3.title').first().textContent(), 'Starmer and Macron pledge joint patrol');
  assert.match(await page.locator('#origin').textContent(), /article newslens found in the pasted page/);

  // What was left out: one collapsed line, opening onto the texts.
  const leftOut = page.locator('#panel details.nl-left-out');
  const summary = await leftOut.locator('summary').textContent();
  assert.match(summary, /^Left out: menu, \d+ related links?, \d+ comments?, footer$/, summary);
  assert.equal(await leftOut.evaluate((d) => d.open), false, 'collapsed');
  assert.equal(await leftOut.locator('.nl-left-text').first().isVisible(), false);
  await leftOut.locator('summary').click();
  const kinds = await leftOut.locator('li').evaluateAll((items) => items.map((li) => li.dataset.kind));
  assert.deepEqual([...new Set(kinds)], ['navigation', 'related', 'comments', 'footer']);
  // The article's text is still rendering in chunks after the panel (renderText); read the list once it shows open.
  // Its texts are read as text, not as laid out: right after the details opens, Chromium's
  // innerText can still leave out the content it has not laid out yet.
  await leftOut.locator('.nl-left-text').first().waitFor({ state: 'visible' });
  const shown = (await leftOut.locator('.nl-left-text').allTextContents()).join('\n');
  for (const name of FURNITURE) assert.ok(shown.includes(name), `${name} is listed as left out: ${shown}`);

  // The download carries the article text every offset indexes.
  const json = await downloadJson(page);
  assert.equal(json.text, text);
  for (const m of json.mentions) assert.equal(json.text.slice(m.start, m.end), m.text);
  assert.deepEqual([...new Set(json.article.set_aside.map((s) => s.kind))], ['navigation', 'related', 'comments', 'footer']);

  // Pasting into text being edited inserts the clipboard's plain text at the cursor instead.
  await page.locator('#article').press('Control+End');
  const id = await lastRequest(page);
  await page.keyboard.press('Control+V');
  await waitForAnalysis(page, id);
  const edited = await page.locator('#article').inputValue();
  assert.ok(edited.startsWith(text) && edited.includes('Angela Merkel'), 'the plain text was pasted after the article');
  assert.equal(await page.locator('#origin').isVisible(), false, 'plain text: no page note');
  assert.equal(await page.locator('#panel details.nl-left-out').isVisible(), false, 'plain text: nothing left out');
  assert.deepEqual(errors, []);
});

test('a plain-text paste stays on extract(): the text as pasted, no page note', async (t) => {
  const { page, errors } = await openApp(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  const plain = `Starmer and Macron pledge joint patrol\n\n${STORY.join('\n\n')}`;
  await page.evaluate((s) => navigator.clipboard.writeText(s), plain);
  await page.locator('#article').focus();
  await page.keyboard.press('Control+V');
  await waitForAnalysis(page);
  assert.equal(await page.locator('#article').inputValue(), plain);
  assert.equal(await page.locator('#origin').isVisible(), false);
  const json = await downloadJson(page);
  assert.equal(json.text, undefined, 'a text analysis carries no text of its own');
  assert.deepEqual(json.article.set_aside, []);
  assert.ok(json.mentions.some((m) => m.text === 'Keir Starmer'));
  assert.deepEqual(errors, []);
});

test('the page\'s metadata: published, authors, site, link, language', async (t) => {
  const { page, errors } = await openApp(t);
  await pasteEvent(page, { 'text/html': NEWS_PAGE, 'text/plain': 'Home World' });
  await waitForAnalysis(page);
  const field = (name) => page.locator(`#panel .nl-meta dd[data-field="${name}"]`);
  assert.equal(await field('title').textContent(), 'Starmer and Macron pledge joint patrol');
  assert.equal(await field('published').locator('time').getAttribute('datetime'), '2025-03-14T09:30:00Z');
  assert.match(await field('published').textContent(), /14 March 2025/);
  assert.equal(await field('authors').textContent(), 'Jane Doe');
  assert.equal(await field('site').textContent(), 'The Daily Example');
  const link = field('link').locator('a');
  assert.equal(await link.getAttribute('href'), 'https://daily.example/world/patrol');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.equal(await field('language').textContent(), 'en-GB');
  assert.deepEqual(errors, []);
});

// Everything in a page that could run, render or fetch, pointing at an origin nothing may reach.
const EVIL = 'http://evil.example';
const HOSTILE_PAGE = `<!doctype html><html><head>
<meta http-equiv="refresh" content="0; url=${EVIL}/refresh">
<base href="${EVIL}/base/">
<link rel="stylesheet" href="${EVIL}/style.css"><link rel="preload" href="${EVIL}/font.woff2" as="font">
<style>@import url(${EVIL}/import.css); body { background: url(${EVIL}/bg.png); }</style>
<script src="${EVIL}/script.js"></script><script>window.__pwned = 'script';</script>
<title>Talks end in Brussels</title></head>
<body onload="window.__pwned = 'onload'">
<article><h1>Talks end in Brussels</h1>
<p>Talks between Germany and France ended in Brussels on Friday, officials said, after three days of meetings on trade and energy.</p>
<p style="background-image: url(${EVIL}/inline.png)">"We made progress," Olaf Scholz told reporters in the Belgian capital as the last session closed. <img src="${EVIL}/pixel.gif" onerror="window.__pwned = 'img'"></p>
<p>The European Commission said a final text would follow in the spring, once both governments had approved it, and that other member states would be asked to join the agreement before the summer summit in Madrid.</p>
<iframe src="${EVIL}/frame.html"></iframe><object data="${EVIL}/object.swf"></object><embed src="${EVIL}/embed.swf">
<video poster="${EVIL}/poster.jpg" src="${EVIL}/video.mp4"></video><svg><image href="${EVIL}/svg.png"/><script>window.__pwned = 'svg'</script></svg>
<form action="${EVIL}/form"><input name="q" autofocus onfocus="window.__pwned = 'focus'"></form>
<a href="javascript:window.__pwned = 'link'">a link</a><noscript><img src="${EVIL}/noscript.gif"></noscript>
<template><img src="${EVIL}/template.gif"></template>
</article></body></html>`;

/** The document's element count and any sign of the hostile page having run, rendered or fetched. */
function snapshot(page) {
  return page.evaluate(() => ({
    // Elements outside what renders the analysis (the text, the panel, the legend, the marks' descriptions).
    elements: [...document.querySelectorAll('*')].filter((e) => !e.closest('#output, #panel, #legend, #descriptions')).length,
    embedded: document.querySelectorAll('img, iframe, object, embed, video, audio, link:not([rel="stylesheet"]):not([rel="icon"]), base, meta[http-equiv="refresh"], form').length,
    pwned: window.__pwned,
    url: location.href,
    csp: window.__cspViolations,
  }));
}

async function assertInert(page, requests, before) {
  await page.waitForTimeout(500);   // time for anything injected to run or load
  const now = await snapshot(page);
  assert.equal(now.pwned, undefined, 'nothing in the page ran');
  assert.equal(now.url, before.url, 'no refresh or navigation');
  assert.equal(now.embedded, before.embedded, 'no element of the page became part of this document');
  assert.equal(now.elements, before.elements, 'no element was added outside the rendering of the analysis');
  assert.deepEqual(now.csp, [], 'nothing tried to load against the policy');
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'nothing was fetched');
  const text = await page.locator('#article').inputValue();
  assert.ok(text.startsWith('Talks end in Brussels\n\nTalks between Germany and France'), text.slice(0, 80));
  assert.ok(!text.includes('__pwned'), 'no script text in the article');
  assert.equal(await page.locator('#output img, #output iframe, #output a, #output script').count(), 0);
}

test('pasted markup is inert: no script runs, nothing renders or is fetched', async (t) => {
  const { page, errors, requests } = await openApp(t);
  const before = await snapshot(page);
  assert.equal(await pasteEvent(page, { 'text/html': HOSTILE_PAGE, 'text/plain': 'Talks end in Brussels' }), false, 'the paste was taken over');
  await waitForAnalysis(page);
  await assertInert(page, requests, before);
  assert.ok(await page.locator('#output mark').count() >= 4, 'the story is analysed');
  assert.deepEqual(errors, []);
});

test('Open file: a saved page in its declared charset, a text file, a page saved as .txt', async (t) => {
  const { page, errors, requests } = await openApp(t);
  const before = await snapshot(page);
  // windows-1252 bytes, declared: é is 0xE9, the curly quotes 0x93/0x94, the euro sign 0x80.
  const latin = Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Caf\xe9 owners meet in Paris</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Caf\xe9 owners meet in Paris</h1>
<p>\x93We need help,\x94 said Am\xe9lie Dupont, who runs a caf\xe9 near the Louvre in Paris, after prices rose by \x80200 a month this year.</p>
<p>The owners met the mayor of Paris, Anne Hidalgo, on Monday to ask for lower rents and more time to pay their taxes.</p></article></body></html>`, 'latin1');
  let id = await lastRequest(page);
  await page.locator('#file').setInputFiles({ name: 'cafe.html', mimeType: 'text/html', buffer: latin });
  await waitForAnalysis(page, id);
  const text = await page.locator('#article').inputValue();
  assert.ok(text.startsWith('Café owners meet in Paris\n\n“We need help,” said Amélie Dupont'), text.slice(0, 90));
  assert.ok(text.includes('€200') && !text.includes('Home'), 'decoded as windows-1252, the menu left out');
  assert.match(await page.locator('#origin').textContent(), /file “cafe\.html”/);

  // A text file: analysed as text, as it is.
  id = await lastRequest(page);
  const plain = `Angela Merkel met Joe Biden in Berlin.\n\n"We agree," Merkel said.`;
  await page.locator('#file').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from(plain) });
  await waitForAnalysis(page, id);
  assert.equal(await page.locator('#article').inputValue(), plain);
  assert.equal(await page.locator('#origin').isVisible(), false);

  // A page saved as .txt is known by its markup; the hostile page opened from a file is as inert as pasted.
  id = await lastRequest(page);
  await page.locator('#file').setInputFiles({ name: 'saved.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE_PAGE) });
  await waitForAnalysis(page, id);
  await assertInert(page, requests, before);
  assert.deepEqual(errors, []);
});

test('drag and drop: a dropped page is read, never opened by the browser', async (t) => {
  const { page, errors, requests } = await openApp(t);
  const before = await snapshot(page);
  const id = await lastRequest(page);
  const drop = await page.evaluate((html) => {
    const data = new DataTransfer();
    data.items.add(new File([html], 'dropped.htm', { type: 'text/html' }));
    const target = document.getElementById('output');
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
    target.dispatchEvent(over);
    const highlighted = document.getElementById('input').classList.contains('dropping');
    const dropped = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    target.dispatchEvent(dropped);
    return { overTaken: over.defaultPrevented, dropTaken: dropped.defaultPrevented, highlighted };
  }, HOSTILE_PAGE);
  assert.deepEqual(drop, { overTaken: true, dropTaken: true, highlighted: true }, 'the page takes the drop (the browser would open the file)');
  await waitForAnalysis(page, id);
  assert.match(await page.locator('#origin').textContent(), /file “dropped\.htm”/);
  assert.equal(await page.evaluate(() => document.getElementById('input').classList.contains('dropping')), false);
  await assertInert(page, requests, before);
  assert.deepEqual(errors, []);
});

test('a paste that is not a whole article page is told so; markup with no text falls back to the plain text', async (t) => {
  const { page, errors } = await openApp(t);
  // A home page's teasers and links: what the page stage kept, and a note saying what it is.
  const teasers = '<nav><a href="/a">Home</a> <a href="/b">World</a></nav><h2><a href="/c">Storm hits the coast</a></h2><h2><a href="/d">Election results are in</a></h2>';
  await pasteEvent(page, { 'text/html': teasers, 'text/plain': 'Home World\nStorm hits the coast\nElection results are in' });
  await waitForAnalysis(page);
  assert.equal(await page.locator('#article').inputValue(), 'Storm hits the coast\n\nElection results are in');
  assert.match(await page.locator('#origin').textContent(), /The pasted page does not read as a whole article/);
  // A fragment of a page (one paragraph copied): its text, analysed.
  let id = await lastRequest(page);
  await pasteEvent(page, { 'text/html': `<meta charset="utf-8"><p style="color: red">${STORY[0]}</p>`, 'text/plain': STORY[0] });
  await waitForAnalysis(page, id);
  assert.equal(await page.locator('#article').inputValue(), STORY[0]);
  assert.ok(await page.locator('#output mark').count() >= 4);
  // Markup with no text in it: the clipboard's plain text, and a note.
  id = await lastRequest(page);
  await pasteEvent(page, { 'text/html': '<img src="x.png"><script>1</script>', 'text/plain': 'Angela Merkel met Joe Biden in Berlin.' });
  await waitForAnalysis(page, id);
  assert.equal(await page.locator('#article').inputValue(), 'Angela Merkel met Joe Biden in Berlin.');
  assert.match(await page.locator('#origin').textContent(), /No text was found in the pasted page's markup: its plain text is analysed/);
  // Neither: said in words.
  await pasteEvent(page, { 'text/html': '<img src="x.png">' });
  await page.waitForFunction(() => /No article was found in the pasted page\.$/.test(document.getElementById('origin').textContent));
  assert.equal(await page.locator('#article').inputValue(), '');
  assert.equal(await page.locator('#download').isDisabled(), true);
  assert.deepEqual(errors, []);
});
