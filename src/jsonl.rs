//! JSON Lines in and out: `{"id": ..., "text": ...}` per line, one analysis
//! per line with the `id` echoed. The CLI streams files through it; it is a
//! module of its own so that the fuzzer can drive it with any bytes.

use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    analysis: &'a crate::Analysis,
}

/// Analyses one JSON line and appends the result's JSON (UTF-16 offsets, no
/// newline) to `out`. An error says what is wrong with the line; `out` is
/// then left as it was.
pub fn analyse_line(line: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
    let s = std::str::from_utf8(line).map_err(|_| "invalid UTF-8".to_string())?;
    let line: Line = serde_json::from_str(s).map_err(|e| format!("invalid JSON line: {e}"))?;
    let analysis = crate::extract(&line.text).into_utf16(&line.text);
    serde_json::to_writer(
        &mut *out,
        &Output {
            id: &line.id,
            analysis: &analysis,
        },
    )
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoes_the_id_and_reports_bad_lines() {
        let mut out = Vec::new();
        analyse_line(br#"{"id": 7, "text": "Paris is big."}"#, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
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
}
