// The analysis as pretty-printed JSON in pieces, for a Blob: the same text as
// JSON.stringify(value, null, 2), which for a long article (a 25 MB paste) is
// longer than the longest string a JavaScript engine can make (V8: about
// 2^29 characters) and throws a RangeError. Here no piece is longer than one
// array element or leaf value near the top of the result (one mention, one
// entity), so the file has no length limit but the Blob's.

/** Levels under the top that are split into pieces; deeper values are stringified whole. */
const SPLIT_DEPTH = 3;

/** Pieces whose concatenation is JSON.stringify(value, null, 2). */
export function jsonParts(value) {
  const parts = [];
  write(value, 0, parts);
  return parts;
}

function write(value, depth, parts) {
  const open = value !== null && typeof value === 'object' && typeof value.toJSON !== 'function';
  if (!open || depth >= SPLIT_DEPTH) {
    const json = JSON.stringify(value, null, 2) ?? 'null';
    parts.push(depth ? json.replace(/\n/g, `\n${'  '.repeat(depth)}`) : json);
    return;
  }
  const inner = `\n${'  '.repeat(depth + 1)}`;
  const isArray = Array.isArray(value);
  const keys = isArray ? null : Object.keys(value).filter((k) => isJson(value[k]));
  const n = isArray ? value.length : keys.length;
  if (n === 0) {
    parts.push(isArray ? '[]' : '{}');
    return;
  }
  parts.push(isArray ? '[' : '{');
  for (let i = 0; i < n; i++) {
    parts.push(i ? `,${inner}` : inner);
    if (isArray) {
      write(isJson(value[i]) ? value[i] : null, depth + 1, parts);
    } else {
      parts.push(`${JSON.stringify(keys[i])}: `);
      write(value[keys[i]], depth + 1, parts);
    }
  }
  parts.push(`\n${'  '.repeat(depth)}${isArray ? ']' : '}'}`);
}

/** Whether JSON.stringify writes this value as a property (not undefined, a function or a symbol). */
function isJson(v) {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}
