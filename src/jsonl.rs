//! JSON Lines in and out: `{"id": ..., "text": ...}` per line (or `"html"`
//! and an optional `"url"` instead of `"text"`: a web page, analysed by
//! [`crate::extract_html`]), one analysis per line with the `id` echoed. The CLI streams files through it; it is a
//! module of its own so that the fuzzer can drive it with any bytes.
//!
//! The `id` comes back exactly as it was written (its raw JSON: an integer
//! beyond 2^64 or `1.50` is not turned into a float). A lone surrogate in
//! the text (`"\ud800"`, which JavaScript's `JSON.stringify` writes for a
//! string cut inside an emoji) becomes U+FFFD, as it does when JavaScript
//! passes such a string to the wasm API.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

#[derive(Deserialize)]
struct Line<'a> {
    #[serde(default, borrow)]
    id: Option<&'a RawValue>,
    #[serde(default, deserialize_with = "text_with_lone_surrogates")]
    text: Option<String>,
    #[serde(default, deserialize_with = "text_with_lone_surrogates")]
    html: Option<String>,
    /// Where the page was found: its `article.url` when the page names none.
    #[serde(default)]
    url: Option<String>,
}

impl Line<'_> {
    /// The analysis of the line's text or page, with UTF-16 offsets.
    fn analyse(self) -> Result<crate::Analysis, String> {
        match (self.text, self.html) {
            (Some(text), None) => Ok(crate::extract(&text).into_utf16(&text)),
            (None, Some(html)) => {
                let mut a = crate::extract_html(&html);
                if a.article.url.is_none() {
                    a.article.url = self.url;
                }
                Ok(a.into_unit_of(&html, crate::OffsetUnit::Utf16))
            }
            (Some(_), Some(_)) => Err("a line has \"text\" or \"html\", not both".into()),
            (None, None) => Err("missing field `text` (or `html`)".into()),
        }
    }
}

#[derive(Serialize)]
struct Output<'a> {
    /// `None` (no `id` in the line) is written as `null`.
    id: Option<&'a RawValue>,
    #[serde(flatten)]
    analysis: &'a crate::Analysis,
}

/// Analyses one JSON line and appends the result's JSON (UTF-16 offsets, no
/// newline) to `out`. An error says what is wrong with the line; `out` is
/// then left as it was.
pub fn analyse_line(line: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
    let s = std::str::from_utf8(line).map_err(|_| "invalid UTF-8".to_string())?;
    // serde would read an array as the fields in order: `[7, "text"]` is
    // not a line of this format.
    let first = s.trim_start_matches([' ', '\t', '\n', '\r']).chars().next();
    if first.is_some_and(|c| c != '{') {
        let what = match first {
            Some('[') => "an array",
            Some('"') => "a string",
            _ => "not an object",
        };
        return Err(format!(
            "invalid JSON line: expected an object {{\"id\": ..., \"text\": ...}}, got {what}"
        ));
    }
    let line: Line = serde_json::from_str(s).map_err(|e| format!("invalid JSON line: {e}"))?;
    let id = line.id;
    let analysis = line
        .analyse()
        .map_err(|e| format!("invalid JSON line: {e}"))?;
    let len = out.len();
    serde_json::to_writer(
        &mut *out,
        &Output {
            id,
            analysis: &analysis,
        },
    )
    .map_err(|e| {
        out.truncate(len);
        e.to_string()
    })
}

/// Reads a JSON string as serde_json gives it as bytes: lone surrogates
/// escaped in it (`\ud800`) come as WTF-8, three bytes `ED A0..BF xx`
/// each, which no valid UTF-8 contains. Each becomes one U+FFFD, as the
/// browser's UTF-8 encoder (and so wasm-bindgen) makes of a lone surrogate.
fn text_with_lone_surrogates<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct Wtf8;
    impl<'de> Visitor<'de> for Wtf8 {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<String, E> {
            Ok(wtf8_to_string(v))
        }
        fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<String, E> {
            match String::from_utf8(v) {
                Ok(s) => Ok(s),
                Err(e) => Ok(wtf8_to_string(e.as_bytes())),
            }
        }
    }
    d.deserialize_byte_buf(Wtf8).map(Some)
}

/// WTF-8 to UTF-8: each encoded surrogate (`ED A0..BF xx`) becomes U+FFFD;
/// anything else invalid (serde_json makes nothing else) is replaced as
/// `from_utf8_lossy` replaces it.
fn wtf8_to_string(v: &[u8]) -> String {
    let mut fixed = Vec::with_capacity(v.len());
    let mut i = 0;
    while i < v.len() {
        if v[i] == 0xED
            && v.get(i + 1).is_some_and(|b| (0xA0..=0xBF).contains(b))
            && i + 2 < v.len()
        {
            fixed.extend_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            fixed.push(v[i]);
            i += 1;
        }
    }
    match String::from_utf8(fixed) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(line: &str) -> Result<serde_json::Value, String> {
        let mut out = Vec::new();
        analyse_line(line.as_bytes(), &mut out)?;
        Ok(serde_json::from_slice(&out).unwrap())
    }

    #[test]
    fn echoes_the_id_and_reports_bad_lines() {
        let v = analyse(r#"{"id": 7, "text": "Paris is big."}"#).unwrap();
        assert_eq!(v["id"], 7);
        assert_eq!(v["offsets"], "utf16");
        let mut out = Vec::new();
        assert!(analyse_line(b"{\"text\": 5}", &mut out)
            .unwrap_err()
            .starts_with("invalid JSON line"));
        assert!(analyse_line(b"\xff", &mut out)
            .unwrap_err()
            .contains("UTF-8"));
        assert!(out.is_empty());
    }

    #[test]
    fn only_an_object_is_a_line() {
        for (line, what) in [
            (r#"[7, "Paris is big."]"#, "got an array"),
            (r#" ["Paris"]"#, "got an array"),
            (r#""Paris is big.""#, "got a string"),
            ("7", "got not an object"),
            ("null", "got not an object"),
        ] {
            let err = analyse(line).unwrap_err();
            assert!(
                err.contains("expected an object") && err.contains(what),
                "{line}: {err}"
            );
        }
    }

    #[test]
    fn ids_come_back_exactly_as_written() {
        for id in [
            "123456789012345678901234567890",
            "-18446744073709551617",
            "1.50",
            "1e400",
            r#""a\u00e9b""#,
            r#"{"doc": [1, 2.0]}"#,
            "null",
        ] {
            let mut out = Vec::new();
            analyse_line(
                format!(r#"{{"id": {id}, "text": "Paris."}}"#).as_bytes(),
                &mut out,
            )
            .unwrap();
            let out = String::from_utf8(out).unwrap();
            assert!(out.starts_with(&format!(r#"{{"id":{id},"#)), "{out}");
        }
        let v = analyse(r#"{"text": "Paris."}"#).unwrap();
        assert_eq!(v["id"], serde_json::Value::Null);
    }

    #[test]
    fn a_lone_surrogate_becomes_one_replacement_character() {
        // "\ud83d" is half of an emoji; the pair "\ud83d\ude00" is the whole one.
        let v =
            analyse(r#"{"text": "Putin\ud83d met Kim \udc00in Moscow \ud83d\ude00."}"#).unwrap();
        assert_eq!(
            v["sentences"][0]["text"],
            "Putin\u{FFFD} met Kim \u{FFFD}in Moscow \u{1F600}."
        );
        let names: Vec<&str> = v["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["text"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"Moscow"), "{names:?}");
        assert_eq!(
            wtf8_to_string(b"a\xED\xA0\x80b\xED\xBF\xBF"),
            "a\u{FFFD}b\u{FFFD}"
        );
        // A truncated sequence is replaced, never read past the end.
        assert_eq!(wtf8_to_string(b"a\xED\xA0"), "a\u{FFFD}\u{FFFD}");
    }
}
