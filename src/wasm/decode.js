// Builds the result of `extract` from the tape written by src/wasm/tape.rs
// (its header comment gives the layout). Called from Rust once per extract:
// each span's text is a slice of the input string, so no span text crosses
// from wasm; objects are literals, so every mention (say) shares one shape.
// wasm-bindgen copies this file into the package as a snippet.

const LABELS = ['PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE', 'DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL', 'MISC'];
const MENTION_KINDS = ['name', 'pronoun', 'nominal'];
const BOILERPLATE_KINDS = ['repeated-title', 'stamp', 'comment-policy', 'promo', 'copyright', 'label', 'navigation', 'related', 'share', 'newsletter', 'cookie', 'comments', 'footer', 'credit'];
const QUOTE_KINDS = ['direct', 'partial', 'indirect'];
const CUE_CLASSES = ['speech', 'belief', 'finding', 'intention'];
const UNITS = ['bytes', 'utf16', 'chars'];
const NONE = 0xffffffff;

/**
 * @param {string} text the analysed text
 * @param {Uint32Array} tape a view of wasm memory, read before this returns
 * @param {string} strings the texts that are not slices of `text`
 */
export function decode(text, tape, strings) {
  const floats = new Float32Array(tape.buffer, tape.byteOffset, tape.length);
  let i = 0;
  const unit = tape[i++];
  // With offsets in UTF-16, each span is two numbers; otherwise four: its
  // offsets in the unit asked for, then in UTF-16 to slice `text` with.
  const dual = unit !== 1;
  // The span just read.
  let start = 0;
  let end = 0;
  let slice = '';
  const read = () => {
    start = tape[i++];
    end = tape[i++];
    slice = dual ? text.slice(tape[i++], tape[i++]) : text.slice(start, end);
  };
  const span = () => (read(), { start, end, text: slice });
  const optSpan = () => (tape[i++] === 0 ? null : span());
  const spans = () => {
    const out = new Array(tape[i++]);
    for (let k = 0; k < out.length; k++) out[k] = span();
    return out;
  };
  const str = () => {
    const at = tape[i++];
    return strings.slice(at, at + tape[i++]);
  };
  const optStr = () => (tape[i] === NONE ? (i++, null) : str());
  const opt = () => {
    const v = tape[i++];
    return v === 0 ? null : v - 1;
  };

  const version = str();
  const title = optSpan();
  const source = optSpan();
  const dateline = optSpan();
  const byline = optSpan();
  const updated = optSpan();
  const paragraphs = spans();
  const boilerplate = new Array(tape[i++]);
  for (let k = 0; k < boilerplate.length; k++) {
    read();
    boilerplate[k] = { start, end, text: slice, kind: BOILERPLATE_KINDS[tape[i++]] };
  }
  const sentences = spans();
  const mentions = new Array(tape[i++]);
  for (let k = 0; k < mentions.length; k++) {
    read();
    const label = LABELS[tape[i++]];
    const entity = opt();
    mentions[k] = { start, end, text: slice, label, entity, kind: MENTION_KINDS[tape[i++]] };
  }
  const entities = new Array(tape[i++]);
  for (let k = 0; k < entities.length; k++) {
    const id = tape[i++];
    const name = str();
    const label = LABELS[tape[i++]];
    const ms = new Array(tape[i++]);
    for (let j = 0; j < ms.length; j++) ms[j] = tape[i++];
    const role = optStr();
    const affiliation = optStr();
    const affiliation_entity = opt();
    const country = optStr();
    const related = optStr();
    const salience = floats[i++];
    entities[k] = { id, name, label, mentions: ms, role, affiliation, affiliation_entity, country, related, salience };
  }
  const quotes = new Array(tape[i++]);
  for (let k = 0; k < quotes.length; k++) {
    const kind = QUOTE_KINDS[tape[i++]];
    read();
    const q = { kind, start, end, text: slice, speaker: null, cue: null, cue_class: null };
    if (tape[i++] !== 0) {
      read();
      q.speaker = { start, end, text: slice, entity: opt() };
    }
    q.cue = optSpan();
    const c = opt();
    q.cue_class = c === null ? null : CUE_CLASSES[c];
    quotes[k] = q;
  }
  return {
    version,
    offsets: UNITS[unit],
    article: { title, source, dateline, byline, updated, paragraphs, boilerplate },
    sentences,
    mentions,
    entities,
    quotes,
  };
}
