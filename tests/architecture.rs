//! The flow runs one way: a stage may use the shared layers (result types,
//! word lists, the tagging core) and the stages before it, never a later
//! one. This test reads `src/` and fails on a `crate::` path that points
//! downstream, so a word list that a later stage owns, or a helper borrowed
//! from one, is caught when it is written.

use std::path::Path;

/// Each top-level module's place in the flow; 0 for the shared layers any
/// stage may use.
const LEVELS: &[(&str, u32)] = &[
    ("analysis", 0),
    ("lexicon", 0),
    ("tagging", 0),
    ("metrics", 0),
    ("conll", 0),
    ("page", 1),
    ("article", 2),
    ("tokens", 3),
    ("doc", 4),
    ("ner", 5),
    ("mentions", 6),
    ("entities", 7),
    ("quotes", 8),
    // What runs the stages, and what hands the result on.
    ("stages", 9),
    ("lib", 10),
    ("jsonl", 11),
    ("wasm", 11),
];

fn level(module: &str) -> Option<u32> {
    LEVELS.iter().find(|(m, _)| *m == module).map(|&(_, l)| l)
}

/// The top-level module a file under `src/` belongs to.
fn module_of(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `crate::module` paths in the code of `text` (comments left out).
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push((n + 1, name));
        }
    }
    out
}

#[test]
fn no_stage_uses_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        if rel.starts_with("bin") {
            continue;
        }
        let from = module_of(rel);
        let Some(from_level) = level(&from) else {
            wrong.push(format!(
                "{}: module `{from}` has no place in LEVELS",
                rel.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, to) in crate_paths(&text) {
            // Items of the crate root (`crate::extract`, `crate::VERSION`) are the top.
            let Some(to_level) = level(&to) else {
                continue;
            };
            if to != from && to_level > 0 && to_level >= from_level {
                wrong.push(format!(
                    "{}:{line}: `{from}` uses `crate::{to}`",
                    rel.display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the flow runs backwards:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_a_backward_path() {
    let paths = crate_paths(
        "use crate::quotes::x; // crate::entities in a comment\nlet a = crate::lexicon::y;",
    );
    assert_eq!(
        paths,
        [(1, "quotes".to_string()), (2, "lexicon".to_string())]
    );
    assert!(level("quotes") > level("article"));
}
