// src/wasm/texts.js on hand-made results: every span (numeric start and end,
// null text) gets its slice, wherever it sits, and nothing else changes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { fillTexts } from '../../src/wasm/texts.js';

const span = (start, end) => ({ start, end, text: null });

test('spans get their slices in objects, arrays and arrays of arrays', () => {
  const input = 'Putin met Kim in Moscow.';
  const result = {
    title: span(0, 5),
    none: null,
    numbers: [1, 2, 3],
    // The first item says nothing of the rest: null, then spans.
    maybe: [null, span(10, 13)],
    nested: [[span(17, 23)], [], null, [span(6, 9)]],
    // A key that is null in the first item holds a span in a later one.
    quotes: [
      { kind: 'direct', speaker: null, cue: null },
      { kind: 'direct', speaker: { ...span(0, 5), entity: 0 }, cue: span(6, 9) },
    ],
    // An empty array in the first item, spans in a later one's.
    lists: [{ items: [] }, { items: [span(14, 16)] }],
  };
  fillTexts(result, input);
  assert.deepEqual(result, {
    title: { start: 0, end: 5, text: 'Putin' },
    none: null,
    numbers: [1, 2, 3],
    maybe: [null, { start: 10, end: 13, text: 'Kim' }],
    nested: [[{ start: 17, end: 23, text: 'Moscow' }], [], null, [{ start: 6, end: 9, text: 'met' }]],
    quotes: [
      { kind: 'direct', speaker: null, cue: null },
      {
        kind: 'direct',
        speaker: { start: 0, end: 5, text: 'Putin', entity: 0 },
        cue: { start: 6, end: 9, text: 'met' },
      },
    ],
    lists: [{ items: [] }, { items: [{ start: 14, end: 16, text: 'in' }] }],
  });
});

test('only objects with numeric start and end and a null text are spans', () => {
  const result = {
    noEnd: { start: 0, text: null },
    stringy: { start: '0', end: '5', text: null },
    hasText: { start: 0, end: 5, text: 'kept' },
    items: [{ start: 0, end: 5, text: 'kept' }, { start: 0, end: 5, text: null }],
  };
  fillTexts(result, 'Putin met Kim.');
  assert.deepEqual(result, {
    noEnd: { start: 0, text: null },
    stringy: { start: '0', end: '5', text: null },
    hasText: { start: 0, end: 5, text: 'kept' },
    items: [{ start: 0, end: 5, text: 'kept' }, { start: 0, end: 5, text: 'Putin' }],
  });
});

test("a result with its own text is sliced from that text, not the input", () => {
  const result = { text: 'Headline\n\nBody text.', sentences: [span(0, 8), span(10, 14)] };
  fillTexts(result, '<html>the page</html>');
  assert.deepEqual(result.sentences.map((s) => s.text), ['Headline', 'Body']);
});
