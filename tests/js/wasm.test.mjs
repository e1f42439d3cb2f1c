// The wasm build under Node: the same files the page loads (www/pkg, built by
// scripts/build-wasm.sh), initialised from bytes on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';

const pkg = new URL('../../www/pkg/', import.meta.url);
if (!existsSync(new URL('newslens.js', pkg))) {
  throw new Error('www/pkg/newslens.js is missing: run `bash scripts/build-wasm.sh` first');
}
const { initSync, extract } = await import(new URL('newslens.js', pkg));
initSync({ module: readFileSync(new URL('newslens_bg.wasm', pkg)) });

const seed = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');

/** Every span-like object in the analysis, with where it was found. */
function* spans(a) {
  const art = a.article;
  for (const k of ['title', 'source', 'dateline', 'byline', 'updated']) if (art[k]) yield [k, art[k]];
  for (const s of art.paragraphs) yield ['paragraph', s];
  for (const s of art.boilerplate) yield ['boilerplate', s];
  for (const s of a.sentences) yield ['sentence', s];
  for (const s of a.mentions) yield ['mention', s];
  for (const q of a.quotes) {
    yield ['quote', q];
    if (q.speaker) yield ['speaker', q.speaker];
    if (q.cue) yield ['cue', q.cue];
  }
}

test('the seed article: structure, and every span slices to its text', () => {
  const a = extract(seed);
  assert.equal(a.offsets, 'utf16');
  assert.equal(a.article.title.text, 'Putin begs North Korea for military assistance: US');
  assert.equal(a.article.source.text, 'Anadolu Agency');
  assert.ok(a.mentions.length > 20, `only ${a.mentions.length} mentions`);
  assert.ok(a.quotes.length >= 3);
  let n = 0;
  for (const [where, s] of spans(a)) {
    assert.equal(seed.slice(s.start, s.end), s.text, `${where} ${JSON.stringify(s)}`);
    n++;
  }
  assert.ok(n > 50);
});

test('UTF-16 offsets on emoji, CJK, combining marks and CRLF', () => {
  const text = 'Émigrés 😀👍🏽 in 東京\r\n\r\nPresident Joe Biden met Cafe\u0301 owners in Paris on Monday 🇫🇷.\r\n';
  const a = extract(text);
  for (const [where, s] of spans(a)) assert.equal(text.slice(s.start, s.end), s.text, where);
  const chars = extract(text, { offsets: 'chars' });
  assert.equal(chars.offsets, 'chars');
  const cps = [...text];
  for (const m of chars.mentions) assert.equal(cps.slice(m.start, m.end).join(''), m.text);
});

test('nulls, not undefined, for absent fields', () => {
  const a = extract('just some words');
  assert.equal(a.article.title, null);
  assert.equal(a.article.dateline, null);
});

test('misuse throws an Error with a message, and the module keeps working', () => {
  for (const bad of [undefined, null, 42, {}, ['a']]) {
    assert.throws(() => extract(bad), (e) => e instanceof Error && /text must be a string/.test(e.message));
  }
  assert.throws(() => extract('x', { offsets: 'miles' }), /offsets must be/);
  assert.throws(() => extract('x', { colour: 'red' }), /unknown option 'colour'/);
  assert.throws(() => extract('x', 7), /options must be an object/);
  assert.equal(extract(seed).article.source.text, 'Anadolu Agency');
});

test('empty, whitespace and hostile text', () => {
  for (const t of ['', '   \n\n  ', '\u0000\u0000', '"'.repeat(1001), '<script>alert(1)</script>']) {
    const a = extract(t);
    for (const [where, s] of spans(a)) assert.equal(t.slice(s.start, s.end), s.text, where);
  }
});
