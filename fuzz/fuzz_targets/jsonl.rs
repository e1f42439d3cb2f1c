//! Any bytes as JSON Lines: each line is analysed or rejected with a message.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    for line in data.split(|&b| b == b'\n') {
        out.clear();
        if newslens::jsonl::analyse_line(line, &mut out).is_ok() {
            assert!(serde_json_valid(&out));
        }
    }
});

/// The output is one JSON object.
fn serde_json_valid(out: &[u8]) -> bool {
    out.first() == Some(&b'{') && out.last() == Some(&b'}')
}
