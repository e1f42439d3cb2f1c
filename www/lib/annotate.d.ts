// Types of the embedding layer (annotate.js): `newslens/annotate` in the npm
// package. Written by hand beside the JavaScript; tests/js/types-check.ts
// compiles an example against them and tests/js/wasm.test.mjs checks that
// every export of annotate.js is declared here.
import type { Analysis, FoundArticle, Label } from '../newslens.js';

export type MentionKind = 'name' | 'pronoun' | 'nominal';

/** Where the analyser comes from and where it runs. */
export interface EngineOptions {
  /** `false` to analyse on the main thread; default a module Worker. */
  worker?: boolean;
  /** Where `newslens_bg.wasm` is (same origin), or a compiled module; default next to the module. */
  wasmUrl?: string | URL | WebAssembly.Module;
  /** Where the wasm-bindgen module `newslens.js` is (same origin); default the one beside this file. */
  moduleUrl?: string | URL;
  /**
   * An engine of one's own, used instead of the Worker or this thread (a browser
   * extension's content script analyses in its service worker): what `lib/engine.js`'s
   * engines answer, e.g. by passing the same calls on to another context.
   */
  engine?: Engine;
}

/** Where the analysis runs: `lib/engine.js`'s API. */
export interface Engine {
  readonly mode: string;
  readonly ready: Promise<unknown>;
  extract(text: string): Promise<{ analysis: Analysis; extractMs: number }>;
  findArticle(html: string, known?: string): Promise<{ found: FoundArticle; analysis: Analysis | null; findMs: number; extractMs: number }>;
}

export interface AnnotateOptions extends EngineOptions {
  /** Labels to mark: `"PERSON ORG GPE"` or an array; default all. */
  labels?: string | Label[];
  /** Mention kinds to mark: `"name pronoun"` or an array; default all. */
  kinds?: string | MentionKind[];
  /** CSS selector (or selectors) of parts not read; default `"nav, aside"` (not used with `findArticle`). */
  skip?: string | string[];
  /**
   * Find the article in the whole page (menus, related links, comments and footers set
   * aside) and mark mentions only in its own elements inside `element`; the handle's `text`
   * is then the article's text (headline and body) and its `article` says what was found.
   */
  findArticle?: boolean;
  /** `false` to leave the marks unstyled (no stylesheet adopted). */
  styles?: boolean;
  /** `false` for no `aria-description` on the marks. */
  describe?: boolean;
  /** `false` to analyse again even when the text has not changed. */
  cache?: boolean;
  signal?: AbortSignal;
}

export interface Timings {
  /** Where the analysis ran; `"cache"` when the text had not changed since the last call. */
  mode: 'worker' | 'main' | 'cache';
  readMs: number;
  extractMs: number;
  roundTripMs: number;
  wrapMs: number;
  totalMs: number;
  /** Length of the text read, in UTF-16 code units. */
  characters: number;
  /** With `findArticle`: finding the article in the page, in the engine (the rest of `extractMs`'s run). */
  findMs?: number;
}

/** What `findArticle` found in the page. */
export interface ArticleFound {
  /** Whether the page reads as an article; when it does not, nothing is marked. */
  readonly found: boolean;
  /** Why nothing was marked, in words (null when the article was found). */
  readonly message: string | null;
  /** The article's blocks (paragraphs, headings, list items, ...) the page stage kept. */
  readonly blocks: number;
  /** How many of them were found in the live page (where marks can go). */
  readonly mapped: number;
  /** The live elements holding them, in document order. */
  readonly elements: Element[];
}

/** What `annotate()` resolves to. */
export interface Annotation {
  readonly element: Element;
  /** The text that was analysed, as a reader sees it (with `findArticle`: the article's text). */
  readonly text: string;
  /** With `findArticle`: what was found. */
  readonly article?: ArticleFound;
  readonly analysis: Analysis;
  /** The `<mark data-newslens>` elements, in document order (a mention may span several). */
  readonly marks: HTMLElement[];
  readonly timings: Timings;
  readonly options: AnnotateOptions;
  readonly removed: boolean;
  /** The marks of one entity (an index into `analysis.entities`). */
  marksFor(entity: number): HTMLElement[];
  /** A DOM Range over `text[start, end)`, or null if the article's text changed. */
  range(start: number, end: number): Range | null;
  /** Unwraps every mark and joins the split text nodes: the DOM exactly as it was. */
  remove(): void;
}

export interface EngineReady {
  instantiateMs: number;
  warmupMs: number;
  mode: 'worker' | 'main';
}

/** Segment k covers `text[start[k], end[k])` and comes from `node[k].data[from[k], to[k])`. */
export interface TextMap {
  start: number[];
  end: number[];
  node: Text[];
  from: number[];
  to: number[];
}

export interface TextReading {
  text: string;
  map: TextMap;
  textNodes: Text[];
  datas: string[];
}

/**
 * Annotates `element` in place. A newer call on the same element supersedes an
 * older one, which rejects with an `AbortError`.
 */
export function annotate(element: Element, options?: AnnotateOptions): Promise<Annotation>;
/** Removes the annotation of `element` (and any newslens marks inside it). */
export function unannotate(element: Element): void;
/** The annotation of `element`, or of the annotation a mark belongs to. */
export function annotationOf(node: Node | null | undefined): Annotation | null;
/** Starts loading the analyser without analysing an article. */
export function preload(options?: EngineOptions): Promise<EngineReady>;
/** Analyses a string with the engine `annotate()` uses. */
export function analyse(text: string, options?: EngineOptions): Promise<Analysis>;
/** Adopts the marks' stylesheet in the document (or shadow root) holding `node`; false where unsupported. */
export function installStyles(node?: Node): boolean;
/** Takes the marks' stylesheet out of the document (or shadow root) holding `node`; false if it was not adopted there. */
export function removeStyles(node?: Node): boolean;
/** Reads `root`'s text as a reader sees it, with a map back to its text nodes. */
export function readText(root: Element, options?: { skip?: string | string[] }): TextReading;
/** The pieces of text nodes that hold `text[start, end)`, in document order. */
export function locate(map: TextMap, start: number, end: number): { node: Text; from: number; to: number }[];
/** A reader's name for each label ("GPE" -> "Country / city"). */
export const LABELS: Readonly<Record<Label, string>>;
export function labelName(label: string): string;
/** Hue and saturation of each label's colour. */
export const LABEL_HUES: Readonly<Record<Label, readonly [number, number]>>;
/** CSS setting `--nl-h` and `--nl-s` on `selector` by its `data-label`. */
export function hueRules(selector: string): string;
/** Skipped unless `skip` says otherwise. */
export const DEFAULT_SKIP: string;
/** What `article.message` says of a page that is not an article. */
export const NO_ARTICLE: string;
