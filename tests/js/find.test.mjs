// When the embedding layer and the page call a page an article
// (www/lib/find.js: looksLikeArticle, blocksOf), on findArticle's blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { blocksOf, looksLikeArticle } from '../../www/lib/find.js';

const pkg = new URL('../../www/pkg/', import.meta.url);
const { initSync, findArticle } = await import(new URL('newslens.js', pkg));
initSync({ module: readFileSync(new URL('newslens_bg.wasm', pkg)) });

const reads = (html) => {
  const found = findArticle(html);
  return { blocks: looksLikeArticle(found.text, found.blocks), text: looksLikeArticle(found.text, blocksOf(found.text)) };
};
const para = (n, words = 'The council said the new bridge would open in the spring after two years of work on the river') =>
  Array.from({ length: n }, (_, i) => `<p>${words}, its engineer told reporters on day ${i + 1}.</p>`).join('');

test('a short news brief is an article; a home page of teasers and links is not', () => {
  assert.deepEqual(reads(`<article><h1>Bridge to open</h1>${para(4)}</article>`), { blocks: true, text: true });
  const home = `<nav><a href="/">Home</a> <a href="/w">World</a></nav>
    <h2><a href="/a">Storm hits the coast as thousands lose power</a></h2><h2><a href="/b">Election results are in</a></h2>
    <ul><li><a href="/c">Markets fall as oil rises</a></li><li><a href="/d">Team wins the cup</a></li></ul>`;
  assert.deepEqual(reads(home), { blocks: false, text: false });
});

test('a fragment of a page (one paragraph) is not a whole article', () => {
  assert.deepEqual(reads(`<meta charset="utf-8"><p style="color: red">${'Angela Merkel met Joe Biden in Berlin on Monday. '.repeat(3)}</p>`), { blocks: false, text: false });
});

test('long list items count as running text (a post written as a list); headings never do', () => {
  const items = Array.from({ length: 6 }, (_, i) => `<li>Firefox ${i + 60} fixes a crash when a page opens many tabs at once and the memory runs low, engineers wrote.</li>`).join('');
  assert.equal(reads(`<article><h1>What is new</h1><ul>${items}</ul></article>`).blocks, true);
  const headings = Array.from({ length: 8 }, (_, i) => `<h2>Section ${i}: a long heading that goes on and on about the changes in this release</h2>`).join('');
  assert.equal(reads(`<article>${headings}</article>`).blocks, false);
});

test('Chinese, Japanese and Korean text counts by weight: a short paragraph holds many words', () => {
  const zh = '北京市政府周一宣布，将在今年年底前开通三条新的地铁线路，以缓解城市交通拥堵的问题。';
  assert.equal(reads(`<article><h1>地铁</h1>${Array.from({ length: 6 }, () => `<p>${zh}</p>`).join('')}</article>`).blocks, true);
});

test('blocksOf: the blocks of an article text, separated by blank lines', () => {
  assert.deepEqual(blocksOf('Title\n\nOne.\nStill one.\n\nTwo.'), [{ start: 0, end: 5 }, { start: 7, end: 22 }, { start: 24, end: 28 }]);
  assert.deepEqual(blocksOf(''), []);
});
