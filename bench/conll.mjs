// The CoNLL-2003 documents as plain text, as the benchmarks read them: each
// document's tokens joined by spaces, one sentence a line. Read from
// ../shared/data (Reuters text under research terms: never copied here).
//   node bench/conll.mjs SPLIT [--limit N] > docs.jsonl
// writes them as JSON Lines ({"text": ...}), the input `examples/profile`
// and `newslens extract --jsonl` take.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The documents of `split` (train, dev or test), or null when the data is absent. */
export function conllDocs(split) {
  const path = new URL(`../../shared/data/conll2003/${split}.txt`, import.meta.url);
  if (!existsSync(path)) return null;
  const docs = [];
  let sent = [];
  let doc = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const word = line.split(' ')[0];
    if (word === '-DOCSTART-') {
      if (doc.length) docs.push(doc.join('\n'));
      doc = [];
    } else if (!word) {
      if (sent.length) doc.push(sent.join(' '));
      sent = [];
    } else sent.push(word);
  }
  if (doc.length) docs.push(doc.join('\n'));
  return docs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const split = args[0];
  const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
  const docs = split && conllDocs(split);
  if (!docs) {
    console.error('usage: node bench/conll.mjs train|dev|test [--limit N] (needs ../shared/data/conll2003)');
    process.exit(2);
  }
  for (const text of docs.slice(0, limit)) process.stdout.write(`${JSON.stringify({ text })}\n`);
}
