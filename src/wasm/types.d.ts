/** A piece of the input: `text === input.slice(start, end)`. */
export interface Span { start: number; end: number; text: string; }

export type Label =
  | "PERSON" | "NORP" | "FAC" | "ORG" | "GPE" | "LOC" | "PRODUCT" | "EVENT" | "WORK_OF_ART"
  | "LAW" | "LANGUAGE" | "DATE" | "TIME" | "PERCENT" | "MONEY" | "QUANTITY" | "ORDINAL"
  | "CARDINAL" | "MISC";

export type BoilerplateKind =
  | "repeated-title" | "stamp" | "comment-policy" | "promo" | "copyright" | "label"
  // What a copied web page carries besides the story.
  | "navigation" | "related" | "share" | "newsletter" | "cookie" | "comments" | "footer" | "credit";

export interface Boilerplate extends Span { kind: BoilerplateKind; }

export interface Article {
  title: Span | null;
  /** The agency or outlet: "Source: Anadolu Agency", "(Reuters)". */
  source: Span | null;
  dateline: Span | null;
  byline: Span | null;
  updated: Span | null;
  paragraphs: Span[];
  boilerplate: Boilerplate[];
  /** When the article was first published, ISO 8601 (from a page's metadata). */
  published: string | null;
  /** When it was last modified, ISO 8601 (from a page's metadata). */
  modified: string | null;
  /** Who wrote it, from a page's metadata or visible byline. */
  authors: string[];
  /** The site or publication's name. */
  site_name: string | null;
  /** The page's canonical address. */
  url: string | null;
  /** The page's language ("en", "en-GB"). */
  lang: string | null;
  /** The page's own summary of the article. */
  description: string | null;
  /** What was set aside around the story in a page, in page order (empty for text). */
  set_aside: SetAside[];
}

export type SetAsideKind =
  | "navigation" | "related" | "comments" | "share" | "newsletter" | "cookie"
  | "advertisement" | "footer" | "other";

/** A run of a page left out of the article: not in the analysed text, so without offsets. */
export interface SetAside {
  kind: SetAsideKind;
  /** Its text, one block a line. */
  text: string;
  /** How many blocks (menu entries, links, comments, ...) it holds. */
  blocks: number;
}

export interface Mention extends Span {
  label: Label;
  /** Index into `entities`. */
  entity: number | null;
  kind: "name" | "pronoun" | "nominal";
}

export interface Entity {
  id: number;
  /** The fullest proper form of the name. */
  name: string;
  label: Label;
  /** Indices into `mentions`. */
  mentions: number[];
  /** For people: a title or role noun ("President", "spokesperson"). */
  role: string | null;
  /** For people: the organisation or country the role belongs to. */
  affiliation: string | null;
  /** The affiliation's entity, if it is one of this article's. */
  affiliation_entity: number | null;
  /** For a country: its ISO 3166-1 alpha-2 code. */
  country: string | null;
  /** For a nationality or group: the related country's code ("Russian" -> "RU"). */
  related: string | null;
  /** 0..1, higher is more central to the article. */
  salience: number;
}

export interface Speaker extends Span {
  /** Index into `entities`. */
  entity: number | null;
  /** For "they" standing for speakers no entity names: the earlier speaker phrase ("officials"). */
  refers_to?: Span;
}

export type CueClass = "speech" | "belief" | "finding" | "intention";

export interface Quote extends Span {
  kind: "direct" | "partial" | "indirect";
  speaker: Speaker | null;
  cue: Span | null;
  /** What the cue says it is; quotation-marked quotes without a cue are speech. */
  cue_class: CueClass | null;
}

export interface Analysis {
  version: string;
  offsets: "utf16" | "bytes" | "chars";
  article: Article;
  sentences: Span[];
  mentions: Mention[];
  entities: Entity[];
  quotes: Quote[];
  /**
   * The text every offset indexes, when it is not the input: for `extractHtml`, the
   * article built from the page (headline, then paragraphs separated by blank lines).
   * Absent for `extract`.
   */
  text?: string;
}

export interface ExtractOptions {
  /**
   * The unit of every `start`/`end`: "utf16" (default; what `String.prototype.slice` takes),
   * "chars" (Unicode code points, as Python's `str` indexes) or "bytes" (UTF-8).
   * With "chars" and "bytes", a lone surrogate of `text` (not valid Unicode) reads as
   * U+FFFD in span texts, as it does in UTF-8; with "utf16" span texts are slices of `text`.
   */
  offsets?: "utf16" | "chars" | "bytes";
}

/** Analyses one English news article. Throws an `Error` for a non-string `text` or bad `options`. */
export function extract(text: string, options?: ExtractOptions): Analysis;

/**
 * Finds the article in a web page's HTML (menus, related links, comments and footers are
 * set aside) and analyses it. The result's `text` is the article, which every offset
 * indexes; `article` carries the page's metadata. Nothing in the HTML is run or fetched.
 * Throws an `Error` for a non-string `html` or bad `options`.
 */
export function extractHtml(html: string, options?: ExtractOptions): Analysis;

/** What a kept block of a page is. */
export type BlockKind = "paragraph" | "heading" | "list_item" | "quote" | "caption" | "preformatted" | "cell";

/** A place in `FoundArticle.text`. */
export interface TextRange { start: number; end: number; }

/** One kept block of a page's article. */
export interface ArticleBlock extends TextRange {
  /**
   * The block's element: its index in `document.querySelectorAll('*')` of a browser
   * that parsed the same HTML (`<html>` is 0). Several blocks may share an element.
   */
  element: number;
  kind: BlockKind;
}

/** The article found in a page, before any analysis. */
export interface FoundArticle {
  /** The article's text, exactly as `extractHtml` builds it: headline, then the blocks. */
  text: string;
  /** The headline's place in `text` (null when the page has none). */
  title: TextRange | null;
  /** The kept blocks of the body, in `text` order (the headline is not one of them). */
  blocks: ArticleBlock[];
}

/**
 * Finds the article in a web page's HTML without analysing it: its text and, for each kept
 * block, where the block is in that text and which element of the page holds it (what the
 * embedding layer's `findArticle` option uses to mark the article in a live page).
 * Throws an `Error` for a non-string `html` or bad `options`.
 */
export function findArticle(html: string, options?: ExtractOptions): FoundArticle;
