//! The JavaScript API: the only module that knows about JavaScript.
//!
//! `extract(text, options?)` returns the analysis as a plain object with
//! UTF-16 offsets (so `text.slice(m.start, m.end) === m.text`). Misuse (a
//! non-string text, unknown options) throws an `Error` with a message; a
//! panic is reported on the console by the panic hook.

mod tape;

use crate::analysis::OffsetUnit;
use tape::Tape;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A piece of the input: `text === input.slice(start, end)`. */
export interface Span { start: number; end: number; text: string; }

export type Label =
  | "PERSON" | "NORP" | "FAC" | "ORG" | "GPE" | "LOC" | "PRODUCT" | "EVENT" | "WORK_OF_ART"
  | "LAW" | "LANGUAGE" | "DATE" | "TIME" | "PERCENT" | "MONEY" | "QUANTITY" | "ORDINAL"
  | "CARDINAL" | "MISC";

export type BoilerplateKind = "repeated-title" | "stamp" | "comment-policy" | "promo" | "copyright" | "label"
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
}

export interface ExtractOptions {
  /**
   * The unit of every `start`/`end`: "utf16" (default; what `String.prototype.slice` takes),
   * "chars" (Unicode code points, as Python's `str` indexes) or "bytes" (UTF-8).
   */
  offsets?: "utf16" | "chars" | "bytes";
}

/** Analyses one English news article. Throws an `Error` for a non-string `text` or bad `options`. */
export function extract(text: string, options?: ExtractOptions): Analysis;
"#;

/// See the TypeScript declaration above.
#[wasm_bindgen(js_name = extract, skip_typescript)]
pub fn extract_js(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let input = text.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "extract: text must be a string, got {}",
            type_name(&text)
        ))
    })?;
    let unit = parse_options(&options)?;
    let tape = Tape::encode(crate::extract(&input), &input, unit);
    Ok(decode(&text, &tape.words, &tape.strings))
}

#[wasm_bindgen(module = "/src/wasm/decode.js")]
extern "C" {
    /// Builds the result object from the tape (see `tape.rs`), slicing span
    /// texts out of `text`.
    fn decode(text: &JsValue, tape: &[u32], strings: &str) -> JsValue;
}

fn parse_options(options: &JsValue) -> Result<OffsetUnit, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(OffsetUnit::Utf16);
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(JsError::new(&format!(
            "extract: options must be an object, got {}",
            type_name(options)
        )));
    }
    let mut unit = OffsetUnit::Utf16;
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        let value =
            js_sys::Reflect::get(options, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        match key.as_str() {
            "offsets" => {
                unit = match value.as_string().as_deref() {
                    Some("utf16") => OffsetUnit::Utf16,
                    Some("chars") => OffsetUnit::Chars,
                    Some("bytes") => OffsetUnit::Bytes,
                    _ => {
                        return Err(JsError::new(
                            "extract: options.offsets must be \"utf16\", \"chars\" or \"bytes\"",
                        ));
                    }
                }
            }
            other => {
                return Err(JsError::new(&format!(
                    "extract: unknown option '{other}' (known: offsets)"
                )))
            }
        }
    }
    Ok(unit)
}

fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "array".into()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}
