//! Properties that hold for any input: no panic, offsets on character
//! boundaries, spans that slice to their text, consistent indices, UTF-16
//! offsets that agree with byte offsets, and deterministic output.

use newslens::{Analysis, OffsetUnit};
use proptest::prelude::*;

/// Every (start, end, text) in the analysis.
fn spans(a: &Analysis) -> Vec<(usize, usize, &str)> {
    let art = &a.article;
    let mut v: Vec<(usize, usize, &str)> = Vec::new();
    for s in [
        &art.title,
        &art.source,
        &art.dateline,
        &art.byline,
        &art.updated,
    ]
    .into_iter()
    .flatten()
    {
        v.push((s.start, s.end, &s.text));
    }
    v.extend(
        art.paragraphs
            .iter()
            .map(|s| (s.start, s.end, s.text.as_str())),
    );
    v.extend(
        art.boilerplate
            .iter()
            .map(|s| (s.start, s.end, s.text.as_str())),
    );
    v.extend(
        a.sentences
            .iter()
            .map(|s| (s.start, s.end, s.text.as_str())),
    );
    v.extend(a.mentions.iter().map(|s| (s.start, s.end, s.text.as_str())));
    for q in &a.quotes {
        v.push((q.start, q.end, &q.text));
        if let Some(s) = &q.speaker {
            v.push((s.start, s.end, &s.text));
            if let Some(r) = &s.refers_to {
                v.push((r.start, r.end, &r.text));
            }
        }
        if let Some(c) = &q.cue {
            v.push((c.start, c.end, &c.text));
        }
    }
    v
}

fn check(text: &str) {
    let a = newslens::extract(text);
    for (s, e, t) in spans(&a) {
        assert!(s <= e && e <= text.len(), "{s}..{e} out of range");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{s}..{e} not on char boundaries"
        );
        assert_eq!(&text[s..e], t);
    }
    // Mentions are in order and do not overlap; indices are valid both ways.
    for w in a.mentions.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "overlapping mentions {:?} {:?}",
            w[0].text,
            w[1].text
        );
    }
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, i);
        assert!(!e.mentions.is_empty());
        for &m in &e.mentions {
            assert_eq!(a.mentions[m].entity, Some(i));
        }
        assert!((0.0..=1.0).contains(&e.salience));
    }
    for m in &a.mentions {
        if let Some(e) = m.entity {
            assert!(e < a.entities.len());
        }
    }
    for q in &a.quotes {
        if let Some(e) = q.speaker.as_ref().and_then(|s| s.entity) {
            assert!(e < a.entities.len());
        }
    }
    // UTF-16 offsets agree with byte offsets: the same prefix, measured in UTF-16.
    let u = a.clone().into_utf16(text);
    assert_eq!(u.offsets, OffsetUnit::Utf16);
    for ((s, e, t), (us, ue, ut)) in spans(&a).into_iter().zip(spans(&u)) {
        assert_eq!(t, ut);
        assert_eq!(us, text[..s].encode_utf16().count());
        assert_eq!(ue, text[..e].encode_utf16().count());
    }
    // Deterministic.
    assert_eq!(newslens::extract(text), a);
}

/// News-like text: words, names, numbers, quotes of every kind, odd Unicode and line breaks.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_string()),
        Just("said".to_string()),
        Just("Putin".to_string()),
        Just("Kim Jong-Un".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("$5 million".to_string()),
        Just("3.5%".to_string()),
        Just("Sept. 13, 2023".to_string()),
        Just("according to".to_string()),
        Just("Pyongyang's".to_string()),
        Just("States(US)".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("...".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("😀👍🏽".to_string()),
        Just("e\u{301}".to_string()),
        Just("東京".to_string()),
        Just("مرحبا".to_string()),
        Just("\u{0}".to_string()),
        Just("By Jane Doe".to_string()),
        Just("Source: Reuters".to_string()),
        Just("MOSCOW (Reuters) -".to_string()),
        Just("<b>".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

/// A copied web page's lines: menus, headlines, bylines, dates, prose,
/// comment controls, code, credits and section labels in any order, so the
/// copied-page layout (runs of menu lines) is exercised.
fn copied_page() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("Home".to_string()),
        Just("World".to_string()),
        Just("Sign in".to_string()),
        Just("Share".to_string()),
        Just("Reply".to_string()),
        Just("111Reply".to_string()),
        Just("Report".to_string()),
        Just("12 comments".to_string()),
        Just("3 hours ago".to_string()),
        Just("21 Nov 2017, 6:17pm".to_string()),
        Just("Jane Doe · March 10, 2017 at 12:20 AM".to_string()),
        Just("By Jane Doe".to_string()),
        Just("Related coverage".to_string()),
        Just("Photo: Reuters".to_string()),
        Just("JIM WATSON/AFP/Getty Images".to_string()),
        Just("© 2024 Example News".to_string()),
        Just("   SELECT *".to_string()),
        Just("};".to_string()),
        Just("Storm Batters Coast As Thousands Flee".to_string()),
        Just("Manhole Fires and Burst Pipes in N.Y.C.".to_string()),
        Just("MIAMI (Reuters) - A storm hit the coast on Monday, forcing thousands of people to flee, officials said.".to_string()),
        Just("The minister said the shelters would stay open until Friday and that aid would reach every town on the coast.".to_string()),
        Just("Residents fled.".to_string()),
        Just("".to_string()),
        newsish(),
    ];
    prop::collection::vec(line, 0..80).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_copied_page(text in copied_page()) {
        check(&text);
    }

    #[test]
    fn any_string(text in "\\PC*") {
        check(&text);
    }

    #[test]
    fn any_news_like_text(text in newsish()) {
        check(&text);
    }
}

#[test]
fn pathological_inputs() {
    let cases: Vec<String> = vec![
        String::new(),
        " \n\t\r\n ".repeat(100),
        "\"".repeat(20_000),
        "“".repeat(5_000) + &"”".repeat(3_000),
        "word ".repeat(50_000),
        "x".repeat(200_000),
        "?!.,;:".repeat(10_000),
        "\u{0}".repeat(1000),
        "👩🏽‍💻 ".repeat(2000),
        "שלום עולם مرحبا بالعالم Hello ".repeat(200),
        "<html><head><script>alert(1)</script></head><body><p class=\"x\">Putin said \"no\".</p></body></html>".repeat(100),
        "Mr. ".repeat(10_000),
        "A. ".repeat(10_000),
        "\"He said,\" ".repeat(3000),
    ];
    for c in &cases {
        check(c);
    }
}

/// Replays the fuzzers' corpora (`fuzz/corpus/`, minimised inputs that found
/// new paths) through the same checks, so the suite keeps what fuzzing found.
#[test]
fn fuzz_corpora_replay() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let read = |target: &str| -> Vec<Vec<u8>> {
        let mut files: Vec<_> = std::fs::read_dir(root.join(target))
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
    };
    let extract = read("extract");
    assert!(!extract.is_empty(), "fuzz/corpus/extract is empty");
    for data in &extract {
        check(&String::from_utf8_lossy(data));
    }
    for data in read("conll") {
        for doc in newslens::conll::Documents::new(&data[..]) {
            let Ok(doc) = doc else { break };
            let words: Vec<Vec<&str>> = doc
                .sentences
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            assert_eq!(newslens::ner::tag_document(&words).len(), words.len());
        }
    }
    let mut out = Vec::new();
    for data in read("jsonl") {
        for line in data.split(|&b| b == b'\n') {
            out.clear();
            let _ = newslens::jsonl::analyse_line(line, &mut out);
        }
    }
}
