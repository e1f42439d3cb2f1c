// Types of the <news-lens> element (news-lens.js): `newslens/news-lens` in
// the npm package. Importing the module defines the element.
import type { Analysis } from '../newslens.js';
import type { Annotation, ArticleFound, Timings } from './annotate.js';

export class NewsLens extends HTMLElement {
  static observedAttributes: string[];
  /** The `annotate()` handle of the current annotation, or null. */
  readonly annotation: Annotation | null;
  /** The analysis of the annotated article, or null. */
  readonly analysis: Analysis | null;
  /** Resolves when the current run has finished, to its handle (null if it failed or there was nothing to read). */
  readonly ready: Promise<Annotation | null>;
  /** Reads and annotates the article again (e.g. after the page changed it). */
  refresh(): Promise<Annotation | null>;
}

declare global {
  interface HTMLElementTagNameMap {
    'news-lens': NewsLens;
  }
  interface HTMLElementEventMap {
    /** `article`: with `find-article`, what was found (null otherwise). */
    'newslens:annotated': CustomEvent<{ analysis: Analysis; timings: Timings; article: ArticleFound | null }>;
    'newslens:error': CustomEvent<{ error: unknown }>;
  }
}
