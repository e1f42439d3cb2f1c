// Compiled by `tsc --noEmit` in the test script: the generated declarations
// must describe the result precisely (a typo'd field or an `any` fails here).
import init, { extract, findArticle, type Analysis, type Mention, type Quote, type Label, type FoundArticle } from '../../www/pkg/newslens.js';
import { annotate, annotationOf, preload, removeStyles, LABELS, type Annotation, type AnnotateOptions, type Engine } from '../../www/annotate.js';
import { NewsLens } from '../../www/news-lens.js';

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
  const found: FoundArticle = findArticle('<p>x</p>');
  const elements: number[] = found.blocks.map((b) => b.element);
  const headline: string | null = found.title && found.text.slice(found.title.start, found.title.end);
  void elements; void headline;
  return [title ?? '', ...labels, ...names, String(speakers.length), String(notAny), String(notAnyMention)];
}
void example;

// The embedding layer's hand-written declarations (www/annotate.d.ts, www/news-lens.d.ts).
const notAnyAnnotation: IsAny<Annotation> = false;

async function embed(article: HTMLElement): Promise<number> {
  const options: AnnotateOptions = { labels: ['PERSON', 'GPE'], kinds: 'name', worker: true, signal: new AbortController().signal };
  const ready = await preload({ worker: false });
  const handle = await annotate(article, options);
  const people: string[] = handle.analysis.entities.filter((e) => e.label === 'PERSON').map((e) => e.name);
  const first: HTMLElement | undefined = handle.marksFor(0)[0];
  const range: Range | null = handle.range(0, 5);
  const again: Annotation | null = annotationOf(first);
  handle.remove();
  // @ts-expect-error: labels are the result's labels
  await annotate(article, { labels: ['PERSONS'] });
  // @ts-expect-error: the element comes first
  await annotate({ labels: 'PERSON' });
  const page = await annotate(document.body, { findArticle: true });
  const isArticle: boolean = page.article?.found ?? false;
  const why: string | null = page.article?.message ?? null;
  const kept: Element[] = page.article?.elements ?? [];
  void isArticle; void why; void kept;
  // An engine of one's own (the browser extension's passes each call on to its service worker).
  const elsewhere: Engine = {
    mode: 'elsewhere', ready: Promise.resolve(null),
    extract: async (text) => ({ analysis: extract(text), extractMs: 0 }),
    findArticle: async (html) => ({ found: findArticle(html), analysis: null, findMs: 0, extractMs: 0 }),
  };
  await annotate(document.body, { findArticle: true, engine: elsewhere });
  // @ts-expect-error: an engine answers findArticle too
  await annotate(document.body, { engine: { mode: 'x', ready: Promise.resolve(null), extract: elsewhere.extract } });
  const removed: boolean = removeStyles(document);
  void removed;
  const lens = document.querySelector('news-lens');
  const viaMap: NewsLens | null = lens;
  lens?.addEventListener('newslens:annotated', (e) => console.log(e.detail.analysis.entities.length, e.detail.timings.mode, e.detail.article?.found));
  const done: Annotation | null = (await viaMap?.refresh()) ?? null;
  return people.length + ready.instantiateMs + Number(range != null) + Number(again != null) + Number(done != null)
    + LABELS.GPE.length + Number(notAnyAnnotation);
}
void embed;
