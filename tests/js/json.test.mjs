// The page's "Download JSON" (issue 23, item 4): the worker builds the file
// from pieces (www/lib/json.js) because JSON.stringify of a long article's
// analysis can be longer than any string (a 25 MB paste threw RangeError:
// Invalid string length, and no file came). The pieces make exactly the text
// JSON.stringify(value, null, 2) would, with no length limit but the Blob's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { jsonParts } from '../../www/lib/json.js';

const pkg = new URL('../../www/pkg/', import.meta.url);
if (!existsSync(new URL('newslens.js', pkg))) {
  throw new Error('www/pkg/newslens.js is missing: run `bash scripts/build-wasm.sh` first');
}
const { initSync, extract } = await import(new URL('newslens.js', pkg));
initSync({ module: readFileSync(new URL('newslens_bg.wasm', pkg)) });

test('the pieces join to exactly JSON.stringify(value, null, 2)', () => {
  const seed = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8');
  const values = [
    extract(seed), extract(''), extract('Émigrés 😀 "met" \\ Paris.\n\n\t</script>'),
    {}, [], null, 7, 'text', { a: undefined, f() {}, s: Symbol('s'), b: [undefined, () => 1, { c: { d: { e: [1, [2]] } } }] },
    { date: new Date(0), nested: { toJSON: () => 'custom' } },
  ];
  for (const value of values) assert.equal(jsonParts(value).join(''), JSON.stringify(value, null, 2));
});

test('a result longer than the longest string still becomes a file', async () => {
  // Two texts of 2^28 characters: together past V8's limit of 2^29 - 24, as a
  // 25 MB paste's analysis is (its span texts add up to many times the paste).
  const half = 'x'.repeat(2 ** 28);
  const analysis = { mentions: [{ text: half }, { text: half }] };
  assert.throws(() => JSON.stringify(analysis, null, 2), RangeError);
  const blob = new Blob(jsonParts(analysis), { type: 'application/json' });
  const small = JSON.stringify({ mentions: [{ text: 'A' }, { text: 'A' }] }, null, 2);
  const head = small.slice(0, small.indexOf('A'));
  assert.equal(blob.size, small.length - 2 + 2 * 2 ** 28, 'the same text as for short texts, with the long ones in place');
  assert.equal(await blob.slice(0, head.length).text(), head);
  const tail = `x${small.slice(small.lastIndexOf('A') + 1)}`;
  assert.equal(await blob.slice(blob.size - tail.length).text(), tail);
});
