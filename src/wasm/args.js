// Reads the arguments of extract(), extractHtml() and findArticle() in JavaScript, before any of the text is
// copied into wasm memory (src/wasm/mod.rs imports this with `catch`). Every
// failure is thrown here as an Error with a message: a wrong type, an unknown
// option, or an exception thrown by the caller's own objects while they are
// read (a Proxy trap, a getter, a revoked Proxy), whose message is kept and
// which is attached as `cause`. Nothing thrown here crosses wasm frames.
// wasm-bindgen copies this file into the package as a snippet.

/** The offset units, by serde's names for them (src/analysis.rs `OffsetUnit`). */
const UNITS = ['utf16', 'chars', 'bytes'];
/** The options extract() knows. */
const KNOWN = ['offsets'];
/** Characters of a caller's text (a key, an error message) quoted in our messages. */
const QUOTE_CHARS = 200;

const UNIT_NAMES = `${UNITS.map((u) => `"${u}"`).join(', ')} or undefined`;

/**
 * Checks `text` (for `extractHtml` and `findArticle`, the page's HTML) and `options` and
 * returns `options.offsets`: a unit's name, or undefined for the default
 * (UTF-16). `fn` and `what` name the function and its first argument in
 * messages.
 */
export function readArgs(text, options, fn = 'extract', what = 'text') {
  if (typeof text !== 'string') throw new Error(`${fn}: ${what} must be a string, got ${typeName(text)}`);
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || read(fn, () => Array.isArray(options))) {
    throw new Error(`${fn}: options must be an object, got ${typeName(options)}`);
  }
  const keys = read(fn, () => Object.keys(options));
  const unknown = keys.find((key) => !KNOWN.includes(key));
  if (unknown !== undefined) throw new Error(`${fn}: unknown option '${clip(unknown)}' (known: ${KNOWN.join(', ')})`);
  const offsets = read(fn, () => options.offsets);
  if (offsets === undefined || UNITS.includes(offsets)) return offsets;
  throw new Error(`${fn}: options.offsets must be ${UNIT_NAMES}`);
}

/**
 * `readArgs`, with what it throws returned instead: the Error itself, or
 * the unit's name (or undefined). Rust returns the Error to the caller, who
 * gets it thrown; an exception caught by wasm-bindgen's `catch` instead
 * kept a table slot for each one, so thousands of failed calls grew the
 * module's memory.
 */
export function readArgsOrError(text, options, fn, what) {
  try {
    return readArgs(text, options, fn, what);
  } catch (err) {
    return err;
  }
}

/** Runs `get`, which reads the caller's object, turning what it throws into our Error. */
function read(fn, get) {
  try {
    return get();
  } catch (err) {
    throw new Error(`${fn}: could not read the options: ${messageOf(err)}`, { cause: err });
  }
}

/** `typeof`, with null and arrays named; never throws (a revoked Proxy is an object). */
function typeName(value) {
  if (value === null) return 'null';
  try {
    if (Array.isArray(value)) return 'array';
  } catch {
    return 'a revoked Proxy';   // Array.isArray throws on one, and nothing else
  }
  return typeof value;
}

/** The message of something thrown, however hostile it is itself. */
function messageOf(err) {
  try {
    const message = err instanceof Error ? err.message : err;
    return clip(typeof message === 'symbol' ? message.toString() : String(message));
  } catch {
    return 'an exception that cannot be shown';
  }
}

function clip(s) {
  return s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS)}…` : s;
}
