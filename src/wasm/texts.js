// Fills in the span texts of extract()'s result (src/wasm/mod.rs): with
// UTF-16 offsets Rust writes each span's `text` as null, and here it becomes
// the analysed string's own slice, so no span text is copied out of wasm
// memory or decoded from UTF-8. The rule is generic, so a span added to the
// result later needs nothing here: an object with numeric `start` and `end`
// and a null `text` is a span of the analysed text. That text is the
// result's own `text` where it has one (an analysis of a page, built from its
// markup), otherwise the input string.
// wasm-bindgen copies this file into the package as a snippet.

/** Sets each span's null `text` to its slice of the analysed text. */
export function fillTexts(result, input) {
  visit(result, typeof result.text === 'string' ? result.text : input);
}

function visit(value, source) {
  if (Array.isArray(value)) visitArray(value, source);
  else visitObject(value, source, Object.keys(value));
}

function isSpan(object) {
  return object.text === null && typeof object.start === 'number' && typeof object.end === 'number';
}

function visitObject(object, source, keys) {
  if (isSpan(object)) object.text = source.slice(object.start, object.end);
  visitKeys(object, source, keys);
}

/** Visits what `object` holds under `keys` that is an object or array. */
function visitKeys(object, source, keys) {
  for (let k = 0; k < keys.length; k++) {
    const v = object[keys[k]];
    if (v !== null && typeof v === 'object') visit(v, source);
  }
}

// serde writes a Vec as an array of one type, so its first item tells for
// all: whether they have numeric offsets (and are spans where their text is
// null), and which keys may hold objects. Read once, not once per mention.
function visitArray(array, source) {
  const first = array.find((item) => item !== null);
  if (typeof first !== 'object') return; // none, or numbers or strings
  if (Array.isArray(first)) {
    for (const item of array) if (item !== null) visitArray(item, source);
    return;
  }
  const spans = typeof first.start === 'number' && typeof first.end === 'number';
  const keys = nested(first, spans);
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    if (item === null) continue;
    if (spans && item.text === null) item.text = source.slice(item.start, item.end);
    visitKeys(item, source, keys);
  }
}

/**
 * The keys of `object` that may hold objects: not those holding numbers,
 * strings, booleans or arrays of those, nor the `text` of an object with
 * offsets (`span`), which is a string or null to be filled. A `null` may
 * stand for an object elsewhere, an empty array for one of objects.
 */
function nested(object, span) {
  return Object.keys(object).filter((k) => {
    const v = object[k];
    if (v === null) return !(span && k === 'text');
    if (Array.isArray(v)) return v.every((x) => x === null) || typeof v.find((x) => x !== null) === 'object';
    return typeof v === 'object';
  });
}
