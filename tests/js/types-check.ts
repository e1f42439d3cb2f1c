// Compiled by `tsc --noEmit` in the test script: the generated declarations
// must describe the result precisely (a typo'd field or an `any` fails here).
import init, { extract, type Analysis, type Mention, type Quote, type Label } from '../../www/pkg/newslens.js';

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: IsAny<Analysis> = false;
const notAnyMention: IsAny<Mention> = false;

async function example(): Promise<string[]> {
  await init();
  const a: Analysis = extract('Putin met Kim.', { offsets: 'utf16' });
  const title: string | undefined = a.article.title?.text;
  const labels: Label[] = a.mentions.map((m: Mention) => m.label);
  const speakers = a.quotes.map((q: Quote) => q.speaker?.entity ?? null);
  const names = a.entities.filter((e) => e.salience > 0.5).map((e) => `${e.name} (${e.label}) ${e.role ?? ''}`);
  // @ts-expect-error: offsets is a closed set of units
  extract('x', { offsets: 'miles' });
  // @ts-expect-error: text must be a string
  extract(42);
  return [title ?? '', ...labels, ...names, String(speakers.length), String(notAny), String(notAnyMention)];
}
void example;
