// Browser tests for finding the article in a whole page with the embedding
// layer: annotate(document.body, { findArticle: true }) and
// <news-lens find-article>. node --test tests/browser/
// Needs a built package (bash scripts/build-wasm.sh) and Chromium, as embed.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage } from './harness.mjs';

let origin;
let browser;
let close;

before(async () => {
  ({ origin, browser, close } = await launch('findArticle tests'));
});

after(async () => {
  await close?.();
});

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'";

// A news page: a menu, the story, related links, comments and a footer, all naming people.
const STORY = [
  'British Prime Minister Keir Starmer met French President <a href="#macron">Emmanuel Macron</a> in Paris on Tuesday, officials said, and the two leaders agreed to fund a joint patrol of the Channel coast.',
  '"We will work together to stop the smugglers," Starmer told reporters after the meeting at the Élysée Palace. The European Union welcomed the talks, which ran late into the evening.',
  'Macron said France would spend €500 million on the patrol over three years, and Britain would match the sum, according to a joint statement released by both governments.',
];
const NEWS_BODY = `
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/p">Angela Merkel Politics</a></li></ul></nav></header>
<main><article class="story" id="story">
  <h1>Starmer and Macron pledge
      joint patrol</h1>
  <p class="byline">By <a href="/jane">Jane Doe</a></p>
  ${STORY.map((p) => `<p>${p}</p>`).join('\n  ')}
</article>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/a">Olaf Scholz visits Washington for talks</a></li><li><a href="/b">Joe Biden meets Xi Jinping in Lima</a></li><li><a href="/c">Rishi Sunak returns to the back benches</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2><ul><li class="comment"><p>Boris Johnson would never have agreed to this, says a reader from Leeds.</p></li></ul></section>
</main>
<footer class="site-footer"><p>© The Daily Example. Registered office: Donald Trump Tower, London.</p></footer>`;
const FURNITURE = ['Angela Merkel', 'Olaf Scholz', 'Joe Biden', 'Rishi Sunak', 'Boris Johnson', 'Donald Trump'];

// A home page: teasers and links, no story.
const HOME_BODY = `
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><h2><a href="/a">Starmer meets Macron in Paris</a></h2><h2><a href="/b">Election results are in</a></h2>
<ul><li><a href="/c">Markets fall as oil rises</a></li><li><a href="/d">Team wins the cup</a></li></ul></main>
<footer><p>© The Daily Example</p></footer>`;

let fixtureSeq = 0;
/**
 * Opens a same-origin page (strict CSP) with `body`, whose module script `script`
 * (the page's own code, run first) is followed by the layer on window.nl.
 */
async function openFixture(t, body, { script = '', head = '' } = {}) {
  const ctx = await newPage(browser, t);
  const name = `__find-test-${++fixtureSeq}`;
  await ctx.context.route(`${origin}/${name}.html`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Starmer and Macron pledge joint patrol | The Daily Example</title><link rel="icon" href="data:,">${head}
<script type="module" src="/${name}.js"></script></head><body>${body}</body></html>`,
  }));
  await ctx.context.route(`${origin}/${name}.js`, (route) => route.fulfill({
    contentType: 'text/javascript; charset=utf-8',
    body: `${script}\nimport * as nl from './annotate.js'; window.nl = nl; window.nlReady = true;`,
  }));
  await ctx.page.goto(`${origin}/${name}.html`);
  await ctx.page.waitForFunction(() => window.nlReady === true);
  return ctx;
}

async function assertClean({ errors, requests }, page) {
  assert.deepEqual(errors, [], 'no page or console errors');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations');
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:')), [], 'nothing fetched elsewhere');
}

/** Annotates the body with findArticle, describes the result, removes it, and says whether the DOM is as before. */
function annotateBody(page, options = {}) {
  return page.evaluate(async (opts) => {
    const nodes = (root) => {
      const all = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) all.push(n);
      return all;
    };
    const html = document.body.innerHTML;
    const before = nodes(document.body);
    const handle = await window.nl.annotate(document.body, { findArticle: true, ...opts });
    const marks = [...document.querySelectorAll('mark[data-newslens]')];
    const pieces = new Map();
    for (const m of marks) pieces.set(m.dataset.m, (pieces.get(m.dataset.m) ?? '') + m.textContent);
    const quote = handle.analysis.quotes.find((q) => q.kind === 'direct');
    const range = quote ? handle.range(quote.start, quote.end) : null;
    const out = {
      text: handle.text,
      article: { ...handle.article, elements: handle.article.elements.map((e) => e.localName) },
      marks: marks.map((m) => ({ text: m.textContent, in: m.closest('h1, article, nav, aside, section, footer')?.localName ?? null })),
      mismatched: [...pieces].filter(([i, text]) => text.replace(/\s+/g, ' ') !== handle.analysis.mentions[i].text.replace(/\s+/g, ' ')),
      slices: handle.analysis.mentions.every((m) => handle.text.slice(m.start, m.end) === m.text),
      quote: quote && { text: quote.text, range: range?.toString() ?? null },
      mode: handle.timings.mode,
    };
    handle.remove();
    const after = nodes(document.body);
    out.restored = document.body.innerHTML === html && after.length === before.length && after.every((n, i) => n === before[i]);
    return out;
  }, options);
}

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

test('findArticle: only the article is marked, handle.text is its text, remove() restores the page exactly', async (t) => {
  const ctx = await openFixture(t, NEWS_BODY);
  for (const worker of [true, false]) {
    const r = await annotateBody(ctx.page, { worker, cache: false });
    assert.equal(r.mode, worker ? 'worker' : 'main');
    assert.equal(r.article.found, true);
    assert.equal(r.article.message, null);
    assert.equal(r.article.mapped, r.article.blocks, 'every block was found in the live page');
    assert.ok(r.text.startsWith('Starmer and Macron pledge joint patrol\n\nBy Jane Doe\n\nBritish Prime Minister Keir Starmer'), r.text.slice(0, 100));
    for (const name of FURNITURE) assert.ok(!r.text.includes(name), `${name} is not in the article's text`);
    assert.ok(r.slices, 'every mention slices from handle.text');
    assert.ok(r.marks.length >= 12, `marks (${r.marks.length})`);
    assert.deepEqual([...new Set(r.marks.map((m) => m.in))].sort(), ['article', 'h1'], 'marks only in the article and its headline');
    assert.ok(r.marks.some((m) => m.in === 'h1' && m.text === 'Starmer'), 'the headline is marked where the page has it');
    assert.ok(r.marks.some((m) => m.text === 'Emmanuel Macron'), 'a name inside a link is marked');
    assert.deepEqual(r.mismatched, [], 'each mention\'s marks hold exactly its text');
    assert.equal(collapse(r.quote.range), collapse(r.quote.text), 'handle.range() covers a quote in the page');
    assert.ok(r.restored, 'remove(): the same nodes and the same HTML as before');
  }
  await assertClean(ctx, ctx.page);
});

test('findArticle on a page whose scripts built and changed it after loading', async (t) => {
  // Before the layer runs, the page's own script: adds a paragraph to the story, hides the
  // related box, and puts a <div> inside a <p> at the top (a tree the HTML parser never
  // builds: serialised and parsed again it becomes three elements, so every element index
  // after it is one off).
  const script = `
    const added = document.createElement('p');
    added.textContent = 'Later on Tuesday, Starmer flew to Brussels to brief Ursula von der Leyen, the president of the European Commission, on the agreement.';
    document.getElementById('story').append(added);
    document.querySelector('aside.related').setAttribute('hidden', '');
    const odd = document.createElement('p');
    odd.append(document.createElement('div'));
    document.body.prepend(odd);`;
  const ctx = await openFixture(t, NEWS_BODY, { script });
  const r = await annotateBody(ctx.page);
  assert.equal(r.article.found, true);
  assert.equal(r.article.mapped, r.article.blocks, `every block found despite the shifted indices (${r.article.mapped}/${r.article.blocks})`);
  assert.ok(r.text.includes('Ursula von der Leyen'), 'the paragraph the script added is read');
  assert.ok(r.marks.some((m) => m.text === 'Ursula von der Leyen' && m.in === 'article'), 'and marked');
  assert.deepEqual([...new Set(r.marks.map((m) => m.in))].sort(), ['article', 'h1']);
  assert.ok(r.restored);
  await assertClean(ctx, ctx.page);
});

test('findArticle on a page that is not an article: told in words, nothing marked, nothing changed', async (t) => {
  const ctx = await openFixture(t, HOME_BODY);
  const r = await annotateBody(ctx.page);
  assert.equal(r.article.found, false);
  assert.match(r.article.message, /^No article found on this page/);
  assert.equal(r.marks.length, 0);
  assert.ok(r.restored);
  await assertClean(ctx, ctx.page);
});

test('<news-lens find-article panel>: the article in the page is marked, the panel lists it; a home page is told in words', async (t) => {
  const element = '<news-lens find-article panel id="lens"></news-lens>';
  const script = "import './news-lens.js';";
  for (const [body, isArticle] of [[NEWS_BODY, true], [HOME_BODY, false]]) {
    const ctx = await openFixture(t, `${body}${element}`, { script });
    const { page } = ctx;
    const r = await page.evaluate(async () => {
      const lens = document.getElementById('lens');
      await customElements.whenDefined('news-lens');
      let handle = await lens.ready;
      for (let i = 0; i < 50 && !['done', 'no-article', 'error'].includes(lens.dataset.state); i++) {
        await new Promise((ok) => setTimeout(ok, 100));
        handle = await lens.ready;
      }
      const root = lens.shadowRoot;
      return {
        state: lens.dataset.state,
        status: root.querySelector('.status').textContent,
        marks: [...document.querySelectorAll('mark[data-newslens]')].map((m) => m.closest('article, nav, aside, section, footer, h1')?.localName ?? null),
        entities: [...root.querySelectorAll('.nl-ent-name')].map((e) => e.textContent),
        text: handle?.text ?? null,
      };
    });
    if (isArticle) {
      assert.equal(r.state, 'done', r.status);
      assert.ok(r.marks.length >= 12);
      assert.deepEqual([...new Set(r.marks)].sort(), ['article', 'h1']);
      assert.ok(r.entities.includes('Keir Starmer') && !r.entities.some((e) => FURNITURE.includes(e)), `entities: ${r.entities}`);
      assert.match(r.status, /^\d+ highlights · /);
    } else {
      assert.equal(r.state, 'no-article');
      assert.match(r.status, /^No article found on this page/);
      assert.equal(r.marks.length, 0);
      assert.deepEqual(r.entities, []);
    }
    await assertClean(ctx, page);
  }
});

test('hooks for the browser extension: an engine of one\'s own, removeStyles(), quotes grouped by speaker', async (t) => {
  const ctx = await openFixture(t, NEWS_BODY, { script: "import * as engines from './lib/engine.js'; import * as panel from './lib/panel.js'; window.engines = engines; window.panel = panel;" });
  const r = await ctx.page.evaluate(async () => {
    // An engine that passes each call on to the main-thread engine and counts them (as the
    // extension's passes them on to its service worker).
    const inner = window.engines.mainThreadEngine();
    const calls = [];
    const engine = {
      mode: 'elsewhere',
      get ready() { return inner.ready; },
      extract: (text) => { calls.push('extract'); return inner.extract(text); },
      findArticle: (html, known) => { calls.push('findArticle'); return inner.findArticle(html, known); },
    };
    const sheets = document.adoptedStyleSheets.length;
    const handle = await window.nl.annotate(document.body, { findArticle: true, engine, cache: false });
    const installed = document.adoptedStyleSheets.length;
    handle.remove();
    const removed = window.nl.removeStyles(document);
    const again = window.nl.removeStyles(document);
    // Quotes grouped by speaker: the speaker quoted most first, the unattributed last.
    const q = (i, entity, text) => ({ kind: 'direct', start: i, end: i + 1, text: `quote ${i}`, cue: null, cue_class: 'speech',
      speaker: entity == null && text == null ? null : { start: 0, end: 1, text: text ?? 'x', entity } });
    const analysis = {
      article: { paragraphs: [], boilerplate: [], set_aside: [] }, sentences: [], mentions: [],
      entities: [{ name: 'Keir Starmer', label: 'PERSON', mentions: [0], salience: 1 }, { name: 'Emmanuel Macron', label: 'PERSON', mentions: [1], salience: 0.5 }],
      quotes: [q(0, 1), q(1, null), q(2, 0), q(3, 0), q(4, null, 'a spokesman'), q(5, 1), q(6, 0)],
    };
    const grouped = new window.panel.Panel({ groupQuotes: true });
    grouped.render(analysis);
    const flat = new window.panel.Panel();
    flat.render(analysis);
    const groups = [...grouped.element.querySelectorAll('.nl-quote-group')].map((g) => [
      g.querySelector('h3').textContent, [...g.querySelectorAll('li.nl-quote')].map((li) => Number(li.dataset.q))]);
    return {
      calls, mode: handle.timings.mode, marks: handle.marks.length, sheets, installed, removed, again, after: document.adoptedStyleSheets.length,
      groups, flat: [...flat.element.querySelectorAll('li.nl-quote')].map((li) => Number(li.dataset.q)),
      flatGroups: flat.element.querySelectorAll('.nl-quote-group').length,
    };
  });
  assert.deepEqual(r.calls, ['findArticle'], 'the analysis went through the given engine');
  assert.equal(r.mode, 'elsewhere');
  assert.ok(r.marks >= 12);
  assert.deepEqual([r.sheets, r.installed, r.removed, r.again, r.after], [0, 1, true, false, 0], 'the marks\' stylesheet adopted, then taken out');
  assert.deepEqual(r.groups, [['Keir Starmer3', [2, 3, 6]], ['Emmanuel Macron2', [0, 5]], ['a spokesman1', [4]], ['Unattributed1', [1]]]);
  assert.deepEqual(r.flat, [0, 1, 2, 3, 4, 5, 6], 'without groupQuotes, the quotes in text order');
  assert.equal(r.flatGroups, 0);
  await assertClean(ctx, ctx.page);
});
