//! Any bytes as JSON Lines: each line is analysed or rejected with a message,
//! and every analysis is one JSON object that echoes the line's id.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    for line in data.split(|&b| b == b'\n') {
        out.clear();
        match newslens::jsonl::analyse_line(line, &mut out) {
            // IgnoredAny checks the syntax without converting numbers, so an
            // id echoed as written (1e400) passes.
            Ok(()) => {
                assert!(out.first() == Some(&b'{') && out.ends_with(b"}"));
                serde_json::from_slice::<serde::de::IgnoredAny>(&out).expect("valid JSON");
            }
            Err(msg) => assert!(out.is_empty() && !msg.is_empty()),
        }
    }
});
