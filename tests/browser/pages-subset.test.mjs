// A few of Readability's real pages taken to newslens in Chromium as
// bench/browser-pages.mjs takes all of them (the whole page copied and
// pasted into the page; the article found in the live page with
// annotate(document.body, { findArticle: true })), scored by the text-eval
// bin. Needs ../shared/data/web/readability: without it the test says so and
// skips. node --test tests/browser/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA, loadPages, runPages, score } from '../../bench/browser-pages.mjs';

// Every tenth of the 79 real English pages, by name (the full set: node bench/browser-pages.mjs).
const SUBSET = ['001', 'buzzfeed-1', 'ehow-2', 'keep-tabular-data', 'medium-2', 'quanta-1', 'tmz-1', 'wikia'];
/** The pages issue's floor for both ways in (body F1). */
const FLOOR = 0.93;

const missing = !existsSync(join(DATA, 'readability'));
test('whole pages pasted and found in the live page score at least the floor', { skip: missing && `${join(DATA, 'readability')} is absent`, timeout: 600_000 }, async (t) => {
  const pages = loadPages(DATA, { names: SUBSET });
  assert.equal(pages.length, SUBSET.length, 'every page of the subset is there');
  const run = await runPages(pages);
  const dir = mkdtempSync(join(tmpdir(), 'newslens-pages-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'texts.jsonl');
  writeFileSync(file, `${run.lines.join('\n')}\n`);
  const scores = score(file, { release: false });
  const f1 = (method) => Number(new RegExp(`^${method} real English +pages +\\d+ +body P [\\d.]+ R [\\d.]+ F1 ([\\d.]+)$`, 'm').exec(scores)?.[1]);
  console.log(scores.split('\n').filter((l) => /^(paste|embed) body real English +pages/.test(l)).join('\n'));
  assert.ok(f1('paste body') >= FLOOR, `pasted: body F1 ${f1('paste body')} (notes: ${run.notes.join('; ') || 'none'})`);
  assert.ok(f1('embed body') >= FLOOR, `found in the live page: body F1 ${f1('embed body')} (notes: ${run.notes.join('; ') || 'none'})`);
  assert.deepEqual(run.foreign, [], 'nothing left the server from the newslens page');
  assert.ok(run.embedded.every((r) => r.found && r.restored), 'every page read as an article, and restored by remove()');
});
