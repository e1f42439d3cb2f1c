// The browser extension (issue 24) in Chromium: the test build
// (target/extension-test/, host access to 127.0.0.1 only) loaded with
// --load-extension into a persistent context, its toolbar action run through
// the service worker (newslens.toggle(tabId)) on pages served from 127.0.0.1.
// The build is made first (scripts/build-extension.mjs; the wasm in www/pkg
// must be built: bash scripts/build-wasm.sh). The real pages need
// ../shared/data/web/readability: without it those tests say so and skip.
// node --test tests/browser/extension.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from './harness.mjs';
import { assemble, build, listFiles, zipDir } from '../../scripts/build-extension.mjs';
import {
  READABILITY, launchExtension, loadEnglishPages, measure, runPage, share, snapshot, toggle, totals,
} from '../../bench/extension-pages.mjs';
import { NO_ARTICLE } from '../../www/lib/annotate.js';

let ext;

before(async () => {
  if (!existsSync(join(ROOT, 'www/pkg/newslens_bg.wasm'))) {
    throw new Error('www/pkg/newslens_bg.wasm is missing: build the wasm first with `bash scripts/build-wasm.sh`.');
  }
  build();
  ext = await launchExtension();
});

after(async () => {
  await ext?.close();
});

const STRICT_CSP = { 'content-security-policy': "default-src 'none'; base-uri 'none'; form-action 'none'" };

// A news page: a menu, a tall stretch before the story (so that a quote is out of view), the
// story, related links and a footer naming other people.
const STORY = [
  'British Prime Minister Keir Starmer met French President Emmanuel Macron in Paris on Tuesday, officials said, and the two leaders agreed to fund a joint patrol of the Channel coast.',
  '"We will work together to stop the smugglers," Starmer told reporters after the meeting at the Elysee Palace. The European Union welcomed the talks, which ran late into the evening.',
  'Macron said France would spend 500 million euros on the patrol over three years, and Britain would match the sum, according to a joint statement released by both governments.',
  '"This is a turning point for the Channel," said Yvette Cooper, the British home secretary, who joined the talks on Tuesday afternoon.',
];
const FURNITURE = ['Angela Merkel', 'Olaf Scholz', 'Joe Biden', 'Donald Trump'];
const newsPage = (head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Starmer and Macron pledge joint patrol | The Daily Example</title>
<meta property="article:published_time" content="2024-06-04T09:30:00Z"><meta name="author" content="Jane Doe">
<meta property="og:site_name" content="The Daily Example">${head}</head><body>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/p">Angela Merkel Politics</a></li></ul></nav></header>
<pre>${'\n'.repeat(160)}</pre>
<main><article class="story"><h1>Starmer and Macron pledge joint patrol</h1>
<p class="byline">By <a href="/jane">Jane Doe</a></p>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}
<p><button type="button">Share</button></p>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Olaf Scholz visits Washington for talks</a></li>
<li><a href="/b">Joe Biden meets Xi Jinping in Lima</a></li></ul></aside></main>
<footer class="site-footer"><p>The Daily Example. Registered office: Donald Trump Tower, London.</p></footer>
</body></html>`;

const HOME_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Daily Example</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><h2><a href="/a">Starmer meets Macron in Paris</a></h2><h2><a href="/b">Election results are in</a></h2>
<ul><li><a href="/c">Markets fall as oil rises</a></li><li><a href="/d">Team wins the cup</a></li></ul></main>
<footer><p>The Daily Example</p></footer></body></html>`;

let pageSeq = 0;
/** A tab showing `html` served from 127.0.0.1 with `headers`; closed when test `t` ends. */
async function open(t, html, headers = STRICT_CSP) {
  const url = ext.add(`/fixture-${++pageSeq}.html`, html, headers);
  const page = await ext.context.newPage();
  t.after(() => page.close());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

// ---------------------------------------------------------------- the panel in its closed shadow root, through the DevTools protocol

/** The panel as the DevTools protocol sees it (piercing the closed shadow root): { mode, text, nodes }. */
async function panel(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const all = [];
    const walk = (n) => { all.push(n); for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c); };
    walk(root);
    const host = all.find((n) => n.nodeName === 'NEWSLENS-EXTENSION');
    if (!host) return null;
    const shadow = host.shadowRoots?.[0];
    const nodes = [];
    const texts = [];
    const inner = (n) => {
      nodes.push(n);
      if (n.nodeType === 3) texts.push(n.nodeValue);
      for (const c of n.children ?? []) inner(c);
    };
    if (shadow) inner(shadow);
    return { mode: shadow?.shadowRootType, text: texts.join(' '), nodes };
  } finally {
    await cdp.detach();
  }
}

const attr = (node, name) => {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return null;
};
const textOf = (node) => (node.nodeType === 3 ? node.nodeValue : (node.children ?? []).map(textOf).join(''));

/** Clicks the first element of the panel that `pick(node)` accepts, at its centre, with the mouse. */
async function clickInPanel(page, pick) {
  const p = await panel(page);
  const node = p?.nodes.find((n) => n.nodeType === 1 && pick(n));
  assert.ok(node, 'the element to click is in the panel');
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: 0 });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
    const [x1, y1, , , x3, y3] = model.border;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

// ---------------------------------------------------------------- the build

test('the shipped manifest asks for activeTab and scripting only; the test build adds 127.0.0.1 alone', () => {
  const shipped = JSON.parse(readFileSync(join(ROOT, 'target/extension/manifest.json'), 'utf8'));
  const testing = JSON.parse(readFileSync(join(ROOT, 'target/extension-test/manifest.json'), 'utf8'));
  assert.equal(shipped.manifest_version, 3);
  assert.deepEqual(shipped.permissions, ['activeTab', 'scripting']);
  for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts']) {
    assert.equal(shipped[key], undefined, `no ${key}`);
  }
  assert.match(shipped.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
  assert.ok(shipped.commands._execute_action.suggested_key, 'a keyboard shortcut for the action');
  const { host_permissions: hosts, ...rest } = testing;
  assert.deepEqual(hosts, ['http://127.0.0.1/*']);
  assert.deepEqual(rest, shipped, 'otherwise the same manifest');
  for (const dir of ['extension', 'extension-test']) {
    assert.deepEqual(listFiles(join(ROOT, 'target', dir)).filter((f) => f !== 'manifest.json'),
      listFiles(join(ROOT, 'target/extension')).filter((f) => f !== 'manifest.json'), `${dir}: the same files`);
  }
});

test('the zip is byte-for-byte the same on a second build, and holds the unpacked extension', (t) => {
  const zip = readFileSync(join(ROOT, 'target/newslens-extension.zip'));
  const dir = mkdtempSync(join(tmpdir(), 'newslens-ext-build-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assemble(dir);
  assert.ok(Buffer.from(zipDir(dir)).equals(zip), 'a fresh build zips to the same bytes');
  const entries = unzipSync(new Uint8Array(zip));
  const files = listFiles(join(ROOT, 'target/extension'));
  assert.deepEqual(Object.keys(entries), files, 'every file, sorted, manifest.json at the root');
  for (const f of files) assert.ok(Buffer.from(entries[f]).equals(readFileSync(join(ROOT, 'target/extension', f))), f);
});

test('the shipped build cannot read a page the user has not clicked it on', async (t) => {
  const shipped = await launchExtension(join(ROOT, 'target/extension'));
  t.after(() => shipped.close());
  const page = await shipped.context.newPage();
  await page.goto(shipped.add('/story.html', newsPage(), STRICT_CSP));
  const before = await snapshot(page);
  for (const other of shipped.context.pages()) if (other !== page) await other.close();
  // Without host access the service worker is not even told the tab's address; it is the only tab.
  const tabs = await shipped.sw.evaluate(() => chrome.tabs.query({}));
  assert.equal(tabs.length, 1);
  assert.equal(tabs[0].url, undefined, 'the tab\'s address is not visible');
  const { id } = tabs[0];
  // activeTab is granted by a click on the button (or the shortcut), which a test cannot make.
  await assert.rejects(shipped.sw.evaluate((tabId) => globalThis.newslens.toggle(tabId), id), /permission|Cannot access/i);
  assert.deepEqual(await snapshot(page), before);
  assert.equal(await page.locator('mark[data-newslens]').count(), 0);
});

// ---------------------------------------------------------------- the action on a page

test('on a page with a strict CSP: marks in the story only, the panel in a closed shadow root, then all removed', async (t) => {
  const { page, errors } = await open(t, newsPage());
  const before = await snapshot(page);
  const on = await toggle(ext.sw, page);
  assert.equal(on.state, 'on', on.message ?? '');
  const marked = await page.$$eval('mark[data-newslens]', (ms) => ms.map((m) => m.textContent));
  assert.equal(on.marks, marked.length);
  for (const name of ['Starmer', 'Macron', 'Paris', 'Yvette Cooper']) assert.ok(marked.includes(name), `${name} is marked`);
  for (const name of FURNITURE) assert.ok(!marked.some((m) => name.includes(m)), `${name} (menu, related links, footer) is not marked`);

  const p = await panel(page);
  assert.equal(p.mode, 'closed');
  assert.equal(await page.evaluate(() => document.querySelector('newslens-extension').shadowRoot), null, 'the page cannot reach the panel');
  for (const text of ['Keir Starmer', 'Emmanuel Macron', '4 June 2024', 'Jane Doe', 'The Daily Example', 'Download JSON']) {
    assert.ok(p.text.includes(text), `the panel shows ${text}`);
  }
  const groups = p.nodes.filter((n) => attr(n, 'class') === 'nl-quote-group');
  assert.ok(groups.length >= 2, 'quotes grouped by speaker');
  assert.equal(new Set(groups.map((g) => attr(g, 'data-speaker'))).size, groups.length, 'one group per speaker');

  const off = await toggle(ext.sw, page);
  assert.equal(off.state, 'off');
  const after = await snapshot(page);
  assert.equal(after.body, before.body, 'document.body.innerHTML exactly as before');
  assert.deepEqual(after, before, 'nothing left outside the body: elements, adopted stylesheets, highlights');
  assert.equal(await panel(page), null, 'the panel is gone');
  assert.deepEqual(errors, []);
  assert.deepEqual(ext.foreign, [], 'no request left 127.0.0.1 and the extension');
});

test('a quote in the panel scrolls the page to it; an entity selects its marks; the card; Download JSON saves the analysis', async (t) => {
  const { page } = await open(t, newsPage());
  const on = await toggle(ext.sw, page);
  assert.equal(on.state, 'on');
  assert.equal(await page.evaluate(() => scrollY), 0);
  await clickInPanel(page, (n) => attr(n, 'class') === 'nl-quote-btn' && textOf(n).includes('stop the smugglers'));
  // Scrolled (smoothly) until the quote's mark is in view, the quote highlighted.
  await page.waitForFunction(() => {
    const mark = [...document.querySelectorAll('mark[data-newslens]')].find((m) => m.closest('p')?.textContent.includes('smugglers'));
    const r = mark.getBoundingClientRect();
    return scrollY > 500 && r.top >= 0 && r.bottom <= innerHeight && CSS.highlights.has('newslens-quote');
  }, null, { timeout: 10_000 });

  // An entity in the panel selects its marks; the pointer on a mark shows its card.
  await clickInPanel(page, (n) => n.nodeName === 'BUTTON' && attr(n, 'class') === 'nl-ent' && textOf(n).startsWith('Yvette Cooper'));
  await page.waitForFunction(() => document.querySelectorAll('mark[data-selected]').length > 0);
  const selected = await page.$$eval('mark[data-selected]', (ms) => ms.map((m) => m.textContent));
  assert.ok(selected.includes('Yvette Cooper') && selected.every((m) => /Cooper|secretary|who|she/i.test(m)), `selected: ${selected}`);
  const card = async () => (await panel(page)).nodes.find((n) => attr(n, 'class') === 'nl-card');
  assert.notEqual(attr(await card(), 'hidden'), null, 'the card is hidden at first');
  await page.hover('article p:nth-of-type(2) mark[data-newslens]');
  assert.equal(attr(await card(), 'hidden'), null, 'the card shows for the mark under the pointer');

  const saved = page.waitForEvent('download');
  await clickInPanel(page, (n) => n.nodeName === 'BUTTON' && textOf(n) === 'Download JSON');
  const download = await saved;
  assert.match(download.suggestedFilename(), /^newslens-starmer-and-macron-pledge-joint-patrol\.json$/);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(json.entities.length, on.entities);
  assert.equal(json.quotes.length, on.quotes);
  assert.ok(json.text.startsWith('Starmer and Macron pledge joint patrol'), 'with the article text the offsets index');
});

test('the site\'s CSS cannot hide or restyle the panel, and the panel\'s CSS does not touch the site', async (t) => {
  const hostile = `<style>
newslens-extension { display: none !important; position: static !important; width: 1px !important; }
newslens-extension, div, section, p, button, h1, ol, li, span, dl, dd { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
div, section, ol, li, dl { display: none !important; }
</style>`;
  const { page } = await open(t, newsPage(hostile), { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" });
  const look = () => page.evaluate(() => ['h1', 'p.byline', 'article p:nth-of-type(2)', 'button', 'footer p'].map((s) => {
    const c = getComputedStyle(document.querySelector(s));
    return `${s}: ${c.display} ${c.color} ${c.fontSize} ${c.fontFamily} ${c.margin} ${c.lineHeight}`;
  }));
  const before = await look();
  const on = await toggle(ext.sw, page);
  assert.equal(on.state, 'on');
  const box = await page.evaluate(() => document.querySelector('newslens-extension').getBoundingClientRect().toJSON());
  assert.ok(box.width > 300 && box.height > 200, `the panel is shown (${JSON.stringify(box)})`);
  const cdp = await page.context().newCDPSession(page);
  const heading = (await panel(page)).nodes.find((n) => n.nodeName === 'H1');
  await cdp.send('DOM.getDocument', { depth: 0 });
  await cdp.send('CSS.enable');
  const { nodeIds: [id] } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [heading.backendNodeId] });
  const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: id });
  await cdp.detach();
  const style = Object.fromEntries(computedStyle.map((p) => [p.name, p.value]));
  assert.notEqual(style.color, 'rgb(255, 0, 0)', 'the site\'s colour does not reach the panel');
  assert.notEqual(style['font-size'], '40px', 'nor its font size');
  assert.notEqual(style.display, 'none');
  assert.deepEqual(await look(), before, 'the site\'s elements look as before');
});

test('a page with no article: the panel says so in words, nothing is marked', async (t) => {
  const { page } = await open(t, HOME_PAGE);
  const before = await snapshot(page);
  const on = await toggle(ext.sw, page);
  assert.equal(on.state, 'no-article');
  assert.equal(on.message, NO_ARTICLE);
  assert.equal(await page.locator('mark[data-newslens]').count(), 0);
  assert.ok((await panel(page)).text.includes(NO_ARTICLE), 'the panel shows the message');
  assert.equal((await toggle(ext.sw, page)).state, 'off');
  assert.deepEqual(await snapshot(page), before);
});

test('the panel\'s Close button removes everything as a second click does; the button\'s badge follows', async (t) => {
  const { page } = await open(t, newsPage());
  const before = await snapshot(page);
  const tabs = await ext.sw.evaluate(() => chrome.tabs.query({}));
  const tabId = tabs.find((tab) => tab.url === page.url()).id;
  const badge = () => ext.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  assert.equal((await toggle(ext.sw, page)).state, 'on');
  assert.equal(await badge(), 'on');
  await clickInPanel(page, (n) => n.nodeName === 'BUTTON' && textOf(n) === 'Close');
  await page.waitForFunction(() => !document.querySelector('newslens-extension'));
  assert.deepEqual(await snapshot(page), before);
  // The service worker takes the panel's message a moment later.
  let text = await badge();
  for (let i = 0; i < 40 && text !== ''; i++) {
    await new Promise((ok) => setTimeout(ok, 50));
    text = await badge();
  }
  assert.equal(text, '');
  assert.equal((await toggle(ext.sw, page)).state, 'on', 'the next click opens it again');
  assert.equal((await toggle(ext.sw, page)).state, 'off');
});

test('toggling twice at once leaves the page as it was', async (t) => {
  const { page } = await open(t, newsPage());
  const before = await snapshot(page);
  const [first, second] = await Promise.all([toggle(ext.sw, page), toggle(ext.sw, page)]);
  assert.deepEqual([first.state, second.state].sort(), ['off', 'off']);
  assert.deepEqual(await snapshot(page), before);
  assert.equal(await panel(page), null);
});

// ---------------------------------------------------------------- real pages

// Every tenth of the 79 real English pages, by name (all of them: node bench/extension-pages.mjs).
const SUBSET = ['001', 'buzzfeed-1', 'ehow-2', 'keep-tabular-data', 'medium-2', 'quanta-1', 'tmz-1', 'wikia'];
/** The issue's floor: the share of marks inside the article, over the pages' marks. */
const IN_ARTICLE_FLOOR = 0.9;
const noData = !existsSync(READABILITY) && `${READABILITY} is absent`;

test('real pages: marks on every page, at least 90% of them in the article, the page restored', { skip: noData, timeout: 180_000 }, async () => {
  const pages = loadEnglishPages({ names: SUBSET });
  assert.equal(pages.length, SUBSET.length, 'every page of the subset is there');
  const results = [];
  for (const page of pages) results.push(await runPage(ext, page));
  const t = totals(results);
  console.log(`extension on ${t.pages} real pages: marks ${t.marks}, in the article ${share(t.inside, t.marks)}; `
    + `every block of text on the pages ${share(t.blocksInside, t.blocks)}`);
  for (const r of results) {
    assert.equal(r.error, undefined, `${r.name}: ${r.error}`);
    assert.equal(r.on.state, 'on', `${r.name}: ${r.on.message}`);
    assert.ok(r.measure.marks > 0, `${r.name}: marks`);
    assert.ok(r.restored, `${r.name}: body restored`);
    assert.ok(r.documentClean, `${r.name}: document as before`);
    assert.deepEqual(r.foreign, [], `${r.name}: no request beyond 127.0.0.1 while the extension worked`);
  }
  assert.ok(t.inside / t.marks >= IN_ARTICLE_FLOOR, `in-article share ${share(t.inside, t.marks)}`);
  assert.ok(t.blocksInside / t.blocks < 0.75, `the measure tells the article from the page (blocks: ${share(t.blocksInside, t.blocks)})`);
});

test('a real page served with a strict CSP header works as well', { skip: noData, timeout: 60_000 }, async () => {
  const [page] = loadEnglishPages({ names: ['aclu'] });
  const r = await runPage(ext, page, { headers: { 'content-security-policy': "default-src 'none'; script-src 'self'" } });
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.on.state, 'on', r.on.message);
  assert.ok(r.measure.marks > 0 && r.measure.inside / r.measure.marks >= IN_ARTICLE_FLOOR, `${r.measure.inside} of ${r.measure.marks} marks in the article`);
  assert.ok(r.restored && r.documentClean);
});

// measure() is exported for the bench; here it is checked to fail a mark outside the article.
test('the in-article measure counts a mark in a menu as outside', { skip: noData }, async (t) => {
  const [page] = loadEnglishPages({ names: ['001'] });
  const { page: tab } = await open(t, '<!doctype html><body><nav><ul><li><mark data-newslens>Home</mark> page</li></ul></nav></body>', {});
  const m = await measure(tab, page.expected, page.title);
  assert.deepEqual([m.marks, m.inside], [1, 0]);
});
