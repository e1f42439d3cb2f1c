// A file's bytes as text, as a browser reads them: what the page uses for
// "Open file" and for files dropped on it. A web page is decoded by its
// byte-order mark, else the charset it declares in its first bytes (a
// <meta charset> or <meta http-equiv="Content-Type" content="...; charset=...">),
// else as UTF-8 when the bytes are valid UTF-8, else as windows-1252: the
// order the command line follows (src/page/decode.rs). A text file has no
// declaration: BOM, UTF-8, windows-1252.
//
// Only the bytes are read here; the markup is never parsed into a document
// (the wasm's page stage reads it, inertly).

/** How far into a page its charset declaration is looked for (as the command line does). */
const DECLARATION_BYTES = 4096;
/** How far into a file the signs of HTML (a doctype or an <html> tag) are looked for. */
const SNIFF_BYTES = 1024;
/** File name endings read as web pages whatever their content. */
const HTML_NAME = /\.(html?|xhtml)$/i;

/** The encoding a byte-order mark names, and its length; null without one. */
function byteOrderMark(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** The first bytes as text in an ASCII-compatible encoding (enough to read tags). */
function head(bytes, length) {
  return new TextDecoder('windows-1252').decode(bytes.subarray(0, length));
}

/**
 * The charset label a page declares in a <meta> near its start, or null.
 * Comments are skipped, as the HTML standard's prescan skips them.
 */
export function declaredCharset(bytes) {
  const start = head(bytes, DECLARATION_BYTES).replace(/<!--[\s\S]*?(-->|$)/g, ' ');
  for (const [tag] of start.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = attributes(tag.slice(5));
    if (attrs.has('charset')) return attrs.get('charset').trim() || null;
    if (attrs.get('http-equiv')?.trim().toLowerCase() !== 'content-type') continue;
    const found = /charset\s*=\s*["']?([^"'\s;]+)/i.exec(attrs.get('content') ?? '');
    if (found) return found[1];
  }
  return null;
}

/** A start tag's attributes (after its name), names lower-cased, the first of a name kept. */
function attributes(source) {
  const attrs = new Map();
  for (const [, name, value] of source.matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    const key = name.toLowerCase();
    if (!attrs.has(key)) attrs.set(key, (value ?? '').replace(/^(["'])([\s\S]*)\1$/, '$2'));
  }
  return attrs;
}

/** A TextDecoder for `label` as a page's declaration means it, or null for an unknown label. */
function decoderFor(label) {
  let decoder;
  try {
    decoder = new TextDecoder(label.trim());
  } catch {
    return null;   // not an encoding's name: as if nothing were declared
  }
  // A page cannot declare itself UTF-16 in bytes that were readable as ASCII:
  // the standard reads such a declaration as UTF-8, and x-user-defined as windows-1252.
  if (decoder.encoding.startsWith('utf-16')) return new TextDecoder('utf-8');
  if (decoder.encoding === 'x-user-defined') return new TextDecoder('windows-1252');
  return decoder;
}

/** UTF-8 when the bytes are valid UTF-8, else windows-1252 (which decodes any bytes). */
function utf8OrLatin(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A web page's bytes as text: BOM, then its declared charset, then UTF-8, then windows-1252. */
export function decodeHtml(bytes) {
  const bom = byteOrderMark(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
  const label = declaredCharset(bytes);
  const decoder = label ? decoderFor(label) : null;
  return decoder ? decoder.decode(bytes) : utf8OrLatin(bytes);
}

/** A plain text file's bytes as text: BOM, then UTF-8, then windows-1252. */
export function decodeText(bytes) {
  const bom = byteOrderMark(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
  return utf8OrLatin(bytes);
}

/**
 * Whether a file is a web page: by its name (.html, .htm, .xhtml), or by a
 * doctype or an <html> tag in its first bytes (a page saved as .txt, or
 * without a name's ending; "Save as" may put a comment first).
 */
export function isHtml(name, bytes) {
  if (HTML_NAME.test(name ?? '')) return true;
  const bom = byteOrderMark(bytes);
  const start = bom?.encoding.startsWith('utf-16')
    ? new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length, bom.length + 2 * SNIFF_BYTES))
    : head(bytes, SNIFF_BYTES);
  return /<!doctype\s+html|<html[\s>]/i.test(start);
}

/** A file's text and whether it is a web page: { text, html }. */
export async function readFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const html = isHtml(file.name, bytes);
  return { text: html ? decodeHtml(bytes) : decodeText(bytes), html };
}
