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

function visitObject(object, source, keys) {
  if (object.text === null && typeof object.start === 'number' && typeof object.end === 'number') {
    object.text = source.slice(object.start, object.end);
  }
  for (let k = 0; k < keys.length; k++) {
    const v = object[keys[k]];
    if (v !== null && typeof v === 'object') visit(v, source);
  }
}

// serde writes a Vec as an array of one kind, so the first element's keys
// serve for all: read once, not once per mention. Arrays of numbers or
// strings hold no spans.
function visitArray(array, source) {
  const first = array[0];
  if (typeof first !== 'object') return;
  let keys = null;
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    if (item === null) continue;
    if (Array.isArray(item)) visitArray(item, source);
    else visitObject(item, source, (keys ??= nested(item)));
  }
}

/** The keys of `object` that may hold objects: all but those holding numbers, strings or booleans. */
function nested(object) {
  return Object.keys(object).filter((k) => {
    const t = typeof object[k];
    return t !== 'number' && t !== 'string' && t !== 'boolean';
  });
}
