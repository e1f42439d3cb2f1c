// The wasm build under Node: the same files the page loads (www/pkg, built by
// scripts/build-wasm.sh), initialised from bytes on disk.
import { functionSizes } from '../../bench/wasm-functions.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = new URL('../../www/pkg/', import.meta.url);
if (!existsSync(new URL('newslens.js', pkg))) {
  throw new Error('www/pkg/newslens.js is missing: run `bash scripts/build-wasm.sh` first');
}
const { initSync, extract, extractHtml, findArticle } = await import(new URL('newslens.js', pkg));
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
  // Lone surrogates: Rust sees U+FFFD, one UTF-16 unit like the surrogate,
  // and each span's text is the input's own slice.
  const lone = 'Joe Biden \uD800 met Kim Jong-un in Hanoi \uDC00 on Monday.';
  for (const t of ['', '   \n\n  ', '\u0000\u0000', '"'.repeat(1001), '<script>alert(1)</script>', lone]) {
    const a = extract(t);
    for (const [where, s] of spans(a)) assert.equal(t.slice(s.start, s.end), s.text, where);
  }
  assert.deepEqual(extract(lone).mentions.map((m) => m.text), ['Joe Biden', 'Kim Jong-un', 'Hanoi', 'Monday']);
  // In other units the texts come from Rust, which reads a lone surrogate as U+FFFD (as UTF-8 does).
  const inChars = extract(`${lone} Joe Biden \uD800 said.`, { offsets: 'chars' });
  const withLone = inChars.sentences.find((x) => x.text.includes('Kim'));
  assert.ok(withLone.text.includes('\uFFFD') && !withLone.text.includes('\uD800'), withLone.text);
});

// The result is built by serde-wasm-bindgen, its span texts sliced in
// JavaScript (src/wasm/texts.js); the CLI serialises the same analysis with
// serde_json. Both must give the same objects for every field, in every unit.
test('extract() gives the same result as the CLI, field for field', async (t) => {
  const { execFileSync } = await import('node:child_process');
  const cli = ['debug', 'release']
    .map((p) => new URL(`../../target/${p}/newslens`, import.meta.url))
    .filter((u) => existsSync(u))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  assert.ok(cli, 'target/{debug,release}/newslens is missing: run `cargo build` (scripts/test.sh runs `cargo test` first)');
  const texts = [
    seed,
    'Émigrés 😀👍🏽 in 東京\r\n\r\nPresident Joe Biden met Cafe\u0301 owners in Paris on Monday 🇫🇷.\r\n',
    'By Jane Doe\nUpdated 14:02 GMT\n\nMOSCOW (Reuters) - "We will not," the Kremlin said.\n\nShare this article',
    '',
  ];
  const polnear = new URL('../../../shared/data/quotes/polnear/dev.jsonl', import.meta.url);
  if (existsSync(polnear)) {
    const lines = readFileSync(polnear, 'utf8').split('\n').filter(Boolean);
    for (const l of lines.slice(0, 40)) texts.push(JSON.parse(l).text);
  } else {
    t.diagnostic('PolNeAR dev (../shared/data/quotes/polnear/dev.jsonl) not found: compared on the built-in texts only');
  }
  const input = texts.map((text) => JSON.stringify({ text })).join('\n');
  const out = execFileSync(fileURLToPath(cli), ['extract', '--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  const expected = out.trim().split('\n').map((l) => {
    const { id, ...a } = JSON.parse(l);
    // serde_json writes the f32 salience in its shortest f32 form.
    for (const e of a.entities) e.salience = Math.fround(e.salience);
    return a;
  });
  assert.equal(expected.length, texts.length);
  texts.forEach((text, k) => {
    assert.deepStrictEqual(extract(text), expected[k], `text ${k}`);
  });
  // Other units: the same analysis with each offset converted.
  const chars = extract(texts[1], { offsets: 'chars' });
  const bytes = extract(texts[1], { offsets: 'bytes' });
  const enc = new TextEncoder();
  const cps = [...texts[1]];
  assert.equal(bytes.offsets, 'bytes');
  for (const [where, s] of spans(bytes)) {
    const b = enc.encode(texts[1]).slice(s.start, s.end);
    assert.equal(new TextDecoder().decode(b), s.text, where);
  }
  for (const [where, s] of spans(chars)) assert.equal(cps.slice(s.start, s.end).join(''), s.text, where);
  assert.equal(chars.mentions.length, expected[1].mentions.length);
});

test('extractHtml analyses the article of a page, with offsets into the text it returns', () => {
  const html = `<html><head><title>Talks end | Wire</title><script>globalThis.ran = true</script></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/markets">Markets</a></nav>
    <article><h1>Talks end</h1><p>Talks between Germany and France ended in Brüssel on Friday 😀, officials said.</p>
    <p>"We made progress," Olaf Scholz told reporters.</p><img src="https://tracker.example/pixel.gif"></article>
    <aside><h2>Related</h2><ul><li><a href="/a">Markets rally</a></li><li><a href="/b">Oil falls</a></li></ul></aside></body></html>`;
  const a = extractHtml(html);
  assert.ok(a.text.startsWith('Talks end\n\nTalks between Germany'), a.text);
  assert.ok(!a.text.includes('Markets') && !a.text.includes('globalThis'));
  assert.equal(globalThis.ran, undefined, 'nothing in the page runs');
  assert.equal(a.article.title.text, 'Talks end');
  for (const m of a.mentions) assert.equal(a.text.slice(m.start, m.end), m.text);
  assert.ok(a.quotes.some((q) => q.speaker?.text === 'Olaf Scholz'));
  assert.deepEqual(a.article.set_aside.map((s) => s.kind).sort(), ['navigation', 'related']);
  const chars = extractHtml(html, { offsets: 'chars' });
  const cps = [...chars.text];
  for (const m of chars.mentions) assert.equal(cps.slice(m.start, m.end).join(''), m.text);
  assert.throws(() => extractHtml(42), /extractHtml: html must be a string, got number/);
  assert.throws(() => extractHtml('<p>x</p>', { offset: 'chars' }), /extractHtml: unknown option 'offset'/);
  assert.equal(extract('Paris is in France.').text, undefined, 'a text result carries no text of its own');
});

test('findArticle: the article text extractHtml analyses, and each block\'s element in document order', () => {
  const html = `<!doctype html><html><head><title>Talks end</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/markets">Markets</a></nav>
    <article><h1>Talks end</h1><p>Talks between Germany and France ended in Brüssel on Friday 😀, officials said.</p>
    <p>"We made progress," Olaf <em>Scholz</em> told reporters.<br><br>Both sides will meet again in May.</p></article></body></html>`;
  const found = findArticle(html);
  assert.equal(found.text, extractHtml(html).text, 'the same text as extractHtml');
  assert.equal(found.text.slice(found.title.start, found.title.end), 'Talks end');
  // Elements in document order, as querySelectorAll('*') counts them: html 0, head 1, title 2,
  // body 3, nav 4, a 5-7, article 8, h1 9, p 10, p 11 (em 12, br 13-14).
  assert.deepEqual(found.blocks.map((b) => [found.text.slice(b.start, b.end), b.element, b.kind]), [
    ['Talks between Germany and France ended in Brüssel on Friday 😀, officials said.', 10, 'paragraph'],
    ['"We made progress," Olaf Scholz told reporters.', 11, 'paragraph'],
    ['Both sides will meet again in May.', 11, 'paragraph'],
  ]);
  const chars = findArticle(html, { offsets: 'chars' });
  const cps = [...chars.text];
  assert.equal(cps.slice(chars.blocks[0].start, chars.blocks[0].end).join(''), found.text.slice(found.blocks[0].start, found.blocks[0].end));
  assert.deepEqual(findArticle(''), { text: '', title: null, blocks: [] });
  assert.throws(() => findArticle(null), /findArticle: html must be a string, got null/);
  assert.throws(() => findArticle('<p>x</p>', { find: true }), /findArticle: unknown option 'find'/);
});

test('no function body of ours is large enough to stall V8\'s optimising compiler', () => {
  // V8's optimising compiler takes time that grows faster than a function's
  // size: five ~20 KB functions once cost 1.2 s of background compiling at
  // start-up (docs/performance.md). Per-document steps are kept out of line;
  // this catches a change that folds them back into one function. The HTML
  // parser's two state machines (html5ever's tokenizer and tree builder
  // `step`) are larger and are not ours to split: they run only for
  // extractHtml, so a text-only visitor never compiles them.
  const LIMIT = 18_000;
  const named = new URL('../../target/wasm32-unknown-unknown/release/newslens.wasm', import.meta.url);
  assert.ok(existsSync(named), 'the build before wasm-bindgen, with its names: run scripts/build-wasm.sh');
  const bodies = functionSizes(named);
  assert.ok(bodies.length > 100, `read ${bodies.length} function bodies`);
  const large = bodies.filter((b) => b.size > LIMIT);
  const ours = large.filter((b) => !b.name?.startsWith('_ZN9html5ever'));
  assert.deepEqual(ours, [], `function bodies over ${LIMIT} bytes (node bench/wasm-functions.mjs lists them)`);
  assert.ok(large.length <= 2, `${large.length} bodies over ${LIMIT} bytes`);
});

test('a failed load is explained when the engine lacks WebAssembly SIMD, which the module needs', async () => {
  const { hasWasmSimd, explainLoadError } = await import('../../www/lib/support.js');
  assert.equal(hasWasmSimd(), true, 'Node 20 has SIMD: the probe module validates');
  const err = new WebAssembly.CompileError('WebAssembly.instantiate(): invalid simd opcode 0xfd0c');
  const withoutSimd = explainLoadError(err, () => false);
  assert.match(withoutSimd, /no SIMD/);
  assert.match(withoutSimd, /Safari 16\.4\+/);
  assert.match(withoutSimd, /invalid simd opcode/, 'the engine\'s own message is kept');
  assert.equal(explainLoadError(new Error('404 Not Found'), () => true), '404 Not Found', 'other failures pass through');
  assert.equal(explainLoadError('plain', () => { throw new Error('no validate'); }).includes('no SIMD'), true);
});
