//! The JavaScript API: the only module that knows about JavaScript.
//!
//! `extract(text, options?)` returns the analysis as a plain object, built
//! by serde-wasm-bindgen from the same serde types the CLI serialises (so a
//! field added to [`crate::analysis`] reaches JavaScript with no change
//! here), with UTF-16 offsets unless asked otherwise.
//!
//! Two things happen in JavaScript, in small snippets beside this file:
//! - `args.js` reads the arguments before any text is copied into wasm
//!   memory. It catches what is thrown while reading them (a Proxy trap, a
//!   getter, a revoked Proxy) and returns the `Error`, which Rust returns
//!   as an `Err`, so Rust returns normally. An exception that crossed
//!   wasm frames would skip Rust's cleanup: the stack pointer and the copy
//!   of the text would never be restored, and the module would be poisoned.
//! - `texts.js` fills in the span texts. With UTF-16 offsets, a span's text
//!   is `input.slice(start, end)`: rather than copying each one out of wasm
//!   and decoding it from UTF-8, Rust writes `null` there
//!   ([`crate::analysis::serialize_without_span_texts`]) and
//!   JavaScript slices the string it already holds. With other units the
//!   texts come from Rust.
//!
//! `extractHtml(html, options?)` does the same for a web page's HTML, and
//! `findArticle(html, options?)` runs only the page stage: the article's
//! text and where each of its blocks is in the page, for the embedding
//! layer to mark the article in a live page.
//!
//! Misuse (a non-string text, unknown options) throws an `Error` with a
//! message; a panic is reported on the console by the panic hook.

use crate::analysis::OffsetUnit;
use serde::de::IntoDeserializer;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

#[wasm_bindgen(module = "/src/wasm/args.js")]
extern "C" {
    /// Checks `text` and `options` and returns `options.offsets` (a unit's
    /// name, or undefined for the default), or the `Error` that says why not.
    #[wasm_bindgen(js_name = readArgsOrError)]
    fn read_args_or_error(text: &JsValue, options: &JsValue, function: &str, what: &str)
        -> JsValue;
}

/// `options.offsets` as [`read_args_or_error`] reads it, or its `Error`.
fn read_args(
    text: &JsValue,
    options: &JsValue,
    function: &str,
    what: &str,
) -> Result<JsValue, JsValue> {
    let v = read_args_or_error(text, options, function, what);
    if v.is_instance_of::<js_sys::Error>() {
        Err(v)
    } else {
        Ok(v)
    }
}

#[wasm_bindgen(module = "/src/wasm/texts.js")]
extern "C" {
    /// Sets each span's `null` text to its slice of the analysed text.
    #[wasm_bindgen(js_name = fillTexts)]
    fn fill_texts(result: &JsValue, input: &JsValue);
}

/// Analyses one English news article; `newslens.d.ts` has the types.
#[wasm_bindgen(js_name = extract, skip_typescript)]
pub fn extract_js(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let unit = offset_unit(read_args(&text, &options, "extract", "text")?)?;
    let input = text
        .as_string()
        .ok_or_else(|| JsError::new("extract: text must be a string"))?;
    to_js(crate::extract(&input).into_unit(&input, unit), &text)
}

/// Finds the article in a web page's HTML and analyses it; the result
/// carries the article's `text`, which its offsets index.
#[wasm_bindgen(js_name = extractHtml, skip_typescript)]
pub fn extract_html_js(html: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let unit = offset_unit(read_args(&html, &options, "extractHtml", "html")?)?;
    let input = html
        .as_string()
        .ok_or_else(|| JsError::new("extractHtml: html must be a string"))?;
    to_js(
        crate::extract_html(&input).into_unit_of(&input, unit),
        &html,
    )
}

/// Finds the article in a web page's HTML without analysing it: the
/// article's text (as `extractHtml` builds it) and, for each kept block,
/// its place in that text and the document-order index of the element
/// holding it, so the embedding layer can find the block in a live page.
#[wasm_bindgen(js_name = findArticle, skip_typescript)]
pub fn find_article_js(html: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let unit = offset_unit(read_args(&html, &options, "findArticle", "html")?)?;
    let input = html
        .as_string()
        .ok_or_else(|| JsError::new("findArticle: html must be a string"))?;
    let found = FoundArticle::new(crate::page::read_html(&input), unit);
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    Ok(serde::Serialize::serialize(&found, &serializer)?)
}

/// What `findArticle` returns (`FoundArticle` in `types.d.ts`).
#[derive(serde::Serialize)]
struct FoundArticle {
    text: String,
    /// The headline's place in `text`.
    title: Option<Place>,
    blocks: Vec<FoundBlock>,
}

#[derive(serde::Serialize)]
struct Place {
    start: usize,
    end: usize,
}

#[derive(serde::Serialize)]
struct FoundBlock {
    start: usize,
    end: usize,
    /// The index of the block's element in `document.querySelectorAll('*')`.
    element: u32,
    kind: crate::page::BlockKind,
}

impl FoundArticle {
    /// The page's article with its byte offsets rewritten into `unit`s.
    fn new(page: crate::page::Page, unit: OffsetUnit) -> FoundArticle {
        let ranges = page
            .title
            .iter()
            .chain(page.blocks.iter().map(|b| &b.range));
        let bytes = ranges.flat_map(|r| [r.start, r.end]).collect();
        let map = crate::analysis::OffsetMap::new(&page.text, bytes, unit);
        let place = |r: &std::ops::Range<usize>| Place {
            start: map.get(r.start),
            end: map.get(r.end),
        };
        FoundArticle {
            title: page.title.as_ref().map(place),
            blocks: page
                .blocks
                .iter()
                .map(|b| {
                    let Place { start, end } = place(&b.range);
                    FoundBlock {
                        start,
                        end,
                        element: b.element,
                        kind: b.kind,
                    }
                })
                .collect(),
            text: page.text,
        }
    }
}

/// The analysis as a JavaScript object. With UTF-16 offsets the span texts
/// are sliced in JavaScript from the analysed text: the result's own `text`
/// where it has one, otherwise `input`.
fn to_js(analysis: crate::Analysis, input: &JsValue) -> Result<JsValue, JsValue> {
    let in_js = analysis.offsets == OffsetUnit::Utf16;
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    let serialize = || serde::Serialize::serialize(&analysis, &serializer);
    let value = if in_js {
        crate::analysis::serialize_without_span_texts(serialize)
    } else {
        serialize()
    }?;
    if in_js {
        fill_texts(&value, input);
    }
    Ok(value)
}

/// The unit named by `options.offsets` (serde's names for [`OffsetUnit`]),
/// UTF-16 when it is undefined. `args.js` has checked the name.
fn offset_unit(name: JsValue) -> Result<OffsetUnit, JsError> {
    let Some(name) = name.as_string() else {
        return Ok(OffsetUnit::Utf16);
    };
    OffsetUnit::deserialize(name.as_str().into_deserializer()).map_err(
        |e: serde::de::value::Error| JsError::new(&format!("extract: options.offsets: {e}")),
    )
}
