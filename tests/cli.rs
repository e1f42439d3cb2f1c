//! The command-line contract: `extract`, `extract --jsonl`, `conll`, and
//! clear errors for bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newslens");
    // A command that refuses its arguments exits without reading its input.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("JSON output")
}

#[test]
fn extract_a_file_prints_one_analysis_with_utf16_offsets() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed-article.txt"
    );
    let out = run(&["extract", path], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = json(&out.stdout);
    assert_eq!(a["offsets"], "utf16");
    assert_eq!(a["article"]["source"]["text"], "Anadolu Agency");
    assert!(a["mentions"].as_array().unwrap().len() > 10);
}

#[test]
fn extract_reads_stdin_and_counts_utf16_units() {
    let out = run(&["extract"], "😀 Paris is in France.".as_bytes());
    assert!(out.status.success());
    let a = json(&out.stdout);
    let s = &a["sentences"][0];
    assert_eq!(s["text"], "😀 Paris is in France.");
    // The emoji is two UTF-16 units (four bytes): 2 + 20, not 24.
    assert_eq!(
        (s["start"].as_u64(), s["end"].as_u64()),
        (Some(0), Some(22))
    );
}

#[test]
fn jsonl_streams_and_reports_bad_lines_by_number() {
    let input = b"{\"id\": 1, \"text\": \"Angela Merkel visited Paris.\"}\nnot json\n{\"id\": \"b\", \"text\": \"\"}\n\n{\"text\": \"no id\"}\n";
    let out = run(&["extract", "--jsonl"], input);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a bad line makes the exit non-zero"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 2"), "{stderr}");
    let lines: Vec<serde_json::Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(json)
        .collect();
    assert_eq!(lines.len(), 3, "the good lines are still processed");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[2]["id"], serde_json::Value::Null);
    assert_eq!(lines[0]["offsets"], "utf16");
}

#[test]
fn jsonl_on_several_threads_keeps_the_input_order_and_the_output() {
    // More lines than one batch, with bad and blank lines among them.
    let mut input = String::new();
    for i in 0..150 {
        match i % 37 {
            5 => input.push_str("not json\n"),
            9 => input.push('\n'),
            _ => input.push_str(&format!(
                "{{\"id\": {i}, \"text\": \"Minister {i} told Reuters in Paris that talks would resume on Monday.\"}}\n"
            )),
        }
    }
    let one = run(&["extract", "--jsonl", "--jobs=1"], input.as_bytes());
    let three = run(&["extract", "--jsonl", "--jobs=3"], input.as_bytes());
    assert_eq!(
        one.status.code(),
        Some(1),
        "bad lines make the exit non-zero"
    );
    assert_eq!(three.status.code(), one.status.code());
    assert_eq!(
        three.stdout, one.stdout,
        "the same results in the same order"
    );
    assert_eq!(
        three.stderr, one.stderr,
        "the same bad lines, reported in order"
    );
    let ids: Vec<u64> = one
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| json(l)["id"].as_u64().unwrap())
        .collect();
    assert_eq!(
        ids.len(),
        150 - 8,
        "four bad and four blank lines are skipped"
    );
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "input order kept");
    let stderr = String::from_utf8_lossy(&three.stderr);
    assert!(stderr.contains("line 6: invalid JSON line"), "{stderr}");
    let bad = run(&["extract", "--jsonl", "--jobs=0"], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--jobs wants a whole number from 1"));
}

#[test]
fn jsonl_rejects_invalid_utf8_on_its_line() {
    let out = run(
        &["extract", "--jsonl"],
        b"{\"text\": \"ok\"}\n{\"text\": \"\xff\"}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2: invalid UTF-8"));
}

#[test]
fn conll_appends_one_tag_per_token_line() {
    // Made-up sentences in the CoNLL column layout (no CoNLL text is copied here).
    let input = "-DOCSTART- -X- -X- O\n\nMaria NNP B-NP B-PER\nSantos NNP I-NP I-PER\nflew VBD B-VP O\nto TO B-PP O\nLisbon NNP B-NP B-LOC\n. . O O\n\nShe PRP B-NP O\nsmiled VBD B-VP O\n\n";
    let out = run(&["conll"], input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let token_lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-"))
        .collect();
    assert_eq!(token_lines.len(), 8);
    assert!(token_lines[0].starts_with("Maria NNP B-NP B-PER "));
    for l in &token_lines {
        let tag = l.rsplit(' ').next().unwrap();
        assert!(
            tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
            "{l}"
        );
    }
    assert!(text.starts_with("-DOCSTART-"));
}

#[test]
fn errors_are_messages_not_panics() {
    let out = run(&["extract", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open /no/such/file.txt"));

    let out = run(&["extract"], b"caf\xe9\nok");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8 (line 1"));

    let out = run(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command"));

    let out = run(&["conll"], b"word\n\xff\xfe\n");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 2") && !stderr.contains("panicked"),
        "{stderr}"
    );
}

#[test]
fn jobs_out_of_range_is_refused_with_a_message() {
    for jobs in [
        "--jobs=100000",
        "--jobs=18446744073709551615",
        "--jobs=99999999999999999999999",
        "--jobs=-1",
        "--jobs=",
    ] {
        let out = run(&["extract", "--jsonl", jobs], b"{\"text\": \"Paris.\"}\n");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{jobs}: {stderr}");
        assert!(
            stderr.contains("--jobs wants a whole number from 1 to 256"),
            "{jobs}: {stderr}"
        );
        assert!(out.stdout.is_empty());
    }
    // The largest number allowed works, with fewer lines than threads.
    let out = run(
        &["extract", "--jsonl", "--jobs=256"],
        b"{\"id\": 1, \"text\": \"Paris.\"}\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out.stdout)["id"], 1);
}

#[test]
fn jsonl_refuses_arrays_and_keeps_ids_and_lone_surrogates() {
    let input = concat!(
        "[7, \"Angela Merkel visited Paris.\"]\n",
        "{\"id\": 123456789012345678901234567890, \"text\": \"Angela Merkel visited Paris.\"}\n",
        "{\"id\": 1.50, \"text\": \"Cut emoji \\ud83d in Paris.\"}\n",
    );
    for jobs in ["--jobs=1", "--jobs=2"] {
        let out = run(&["extract", "--jsonl", jobs], input.as_bytes());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("line 1: invalid JSON line: expected an object"),
            "{stderr}"
        );
        assert!(stderr.contains("got an array"), "{stderr}");
        assert!(!stderr.contains("line 3"), "{stderr}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 2, "the other lines are processed");
        assert!(lines[0].starts_with("{\"id\":123456789012345678901234567890,"));
        assert!(lines[1].starts_with("{\"id\":1.50,"));
        let cut = json(lines[1].as_bytes());
        assert_eq!(cut["sentences"][0]["text"], "Cut emoji \u{FFFD} in Paris.");
    }
}

/// A page in Latin-1, as a saved page may be: a menu, the story, a footer.
const LATIN1_PAGE: &[u8] = b"<html lang=\"fr\"><head><meta charset=\"iso-8859-1\">\
    <title>Caf\xe9 closes | Le Local</title></head><body>\
    <nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a> <a href=\"/meteo\">Weather</a></nav>\
    <article><h1>Caf\xe9 closes</h1>\
    <p>The Caf\xe9 Luna in Paris closed on Monday after 40 years, its owner Marie Dupont said.</p>\
    <p>\"We are tired,\" Dupont said.</p></article>\
    <footer>Copyright Le Local. All rights reserved.</footer></body></html>";

#[test]
fn extract_html_decodes_the_declared_charset_and_analyses_the_story_only() {
    let out = run(&["extract", "--html"], LATIN1_PAGE);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = json(&out.stdout);
    let text = a["text"].as_str().unwrap();
    assert!(text.starts_with("Café closes\n\nThe Café Luna"), "{text}");
    assert!(!text.contains("Sport") && !text.contains("Copyright"));
    assert_eq!(a["article"]["title"]["text"], "Café closes");
    assert_eq!(a["article"]["lang"], "fr");
    assert_eq!(a["article"]["set_aside"][0]["kind"], "navigation");
    // Offsets index the article text, in UTF-16 units.
    let units: Vec<u16> = text.encode_utf16().collect();
    for m in a["mentions"].as_array().unwrap() {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf16(&units[s..e]).unwrap(),
            m["text"].as_str().unwrap()
        );
    }
    assert!(a["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["speaker"]["text"] == "Dupont"));
}

#[test]
fn jsonl_lines_may_carry_a_page_and_its_url() {
    let page = String::from_utf8_lossy(LATIN1_PAGE).replace("iso-8859-1", "utf-8");
    let line = serde_json::json!({"id": 3, "html": page, "url": "https://example.org/cafe"});
    let both = serde_json::json!({"id": 4, "html": "<p>x</p>", "text": "x"});
    let input = format!("{line}\n{both}\n");
    let out = run(&["extract", "--jsonl", "--jobs=1"], input.as_bytes());
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "the line with both text and html is refused"
    );
    let a = json(lines[0].as_bytes());
    assert_eq!(a["id"], 3);
    assert_eq!(a["article"]["url"], "https://example.org/cafe");
    assert!(a["text"].as_str().unwrap().contains("Marie Dupont"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2") && err.contains("not both"), "{err}");
}

#[test]
fn plain_text_results_carry_no_text_field() {
    let out = run(&["extract"], b"Paris is in France.");
    assert!(json(&out.stdout).get("text").is_none());
}
