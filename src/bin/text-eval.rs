//! Scores article texts made outside this crate's own evaluation (the
//! browser benchmarks, `bench/browser-pages.mjs`) against Readability's
//! expected output on its test pages, as `page-eval` scores the page stage:
//! body F1 by `metrics::shingle_pr` against the text of `expected.html`,
//! per-page precision and recall averaged, F1 of the averages.
//!
//! cargo run --release --features train --bin text-eval -- FILE.jsonl [--data DIR] [--pages]
//!
//! Each line of FILE: `{"name": PAGE, "method": NAME, "text": TEXT}`, PAGE a
//! folder of `../shared/data/web/readability/`. Figures are given per method
//! and kind of page (real English, real other, hand-written), for the tuning
//! half of the pages ("dev", the same split by name as `page-eval`), the
//! held-out half, and all.

use newslens::metrics::{f1, shingle_pr};
use newslens::page::visible_text;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// Readability pages in another language whose metadata gives none (as `page-eval`).
const NON_ENGLISH_UNLABELLED: &[&str] = &["gmw", "qq", "youth", "hukumusume", "la-nacion"];
/// A source below this size is one of Readability's hand-written feature pages.
const HAND_WRITTEN_BYTES: usize = 4096;

#[derive(Default)]
struct Group {
    pages: usize,
    p: f64,
    r: f64,
}

fn main() {
    let mut data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/web");
    let (mut file, mut pages) = (None, false);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--data" => data = it.next().expect("--data DIR").into(),
            "--pages" => pages = true,
            _ if file.is_none() && !a.starts_with("--") => file = Some(PathBuf::from(a)),
            _ => usage(),
        }
    }
    let Some(file) = file else { usage() };
    let dir = data.join("readability");
    if !dir.exists() {
        eprintln!("text-eval: {} not found; nothing to score", dir.display());
        return;
    }
    let input = std::fs::File::open(&file).unwrap_or_else(|e| fail(&file, e));
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    // Per page: its kind and the text of Readability's output (None: no such page).
    let mut pages_seen: HashMap<String, Option<(&str, String)>> = HashMap::new();
    for (n, line) in std::io::BufReader::new(input).lines().enumerate() {
        let line = line.unwrap_or_else(|e| fail(&file, e));
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| fail(&file, format!("line {}: {e}", n + 1)));
        let field = |k: &str| rec[k].as_str().unwrap_or_default().to_string();
        let (name, method, text) = (field("name"), field("method"), field("text"));
        if !pages_seen.contains_key(&name) {
            let page = dir.join(&name);
            let reference = kind_of(&page, &name)
                .map(|kind| (kind, visible_text(&gunzip(&page.join("expected.html.gz")))));
            pages_seen.insert(name.clone(), reference);
        }
        let Some((kind, gold)) = &pages_seen[&name] else {
            eprintln!(
                "text-eval: line {}: no page {name} in {}",
                n + 1,
                dir.display()
            );
            continue;
        };
        let (p, r) = shingle_pr(&text, gold);
        let split = if is_dev(&name) { "dev" } else { "held-out" };
        for key in [
            format!("{method} {kind}"),
            format!("{method} {kind} {split}"),
        ] {
            let g = groups.entry(key).or_default();
            g.pages += 1;
            g.p += p;
            g.r += r;
        }
        if pages {
            println!("{method:<22} {name:<40} {kind:<13} {split:<8} P {p:.3} R {r:.3}");
        }
    }
    for (name, g) in &groups {
        let n = g.pages.max(1) as f64;
        let (p, r) = (g.p / n, g.r / n);
        println!(
            "{name:<48} pages {:>3}  body P {p:.3} R {r:.3} F1 {:.3}",
            g.pages,
            f1(p, r)
        );
    }
}

/// "real English", "real other" or "hand-written", as `page-eval` groups the pages.
fn kind_of(page: &Path, name: &str) -> Option<&'static str> {
    if !page.join("source.html.gz").exists() {
        return None;
    }
    let size = gunzip(&page.join("source.html.gz")).len();
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(page.join("expected-metadata.json")).ok()?).ok()?;
    let lang = meta["lang"].as_str().unwrap_or("");
    let english = lang.to_ascii_lowercase().starts_with("en")
        || (lang.is_empty() && !NON_ENGLISH_UNLABELLED.contains(&name));
    Some(if size < HAND_WRITTEN_BYTES {
        "hand-written"
    } else if english {
        "real English"
    } else {
        "real other"
    })
}

/// The tuning half of the pages, by name (FNV-1a), as `page-eval` splits them.
fn is_dev(name: &str) -> bool {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h.is_multiple_of(2)
}

fn gunzip(path: &Path) -> String {
    let f = std::fs::File::open(path).unwrap_or_else(|e| fail(path, e));
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(f)
        .read_to_end(&mut out)
        .unwrap_or_else(|e| fail(path, e));
    String::from_utf8_lossy(&out).into_owned()
}

fn fail(path: &Path, e: impl std::fmt::Display) -> ! {
    eprintln!("text-eval: {}: {e}", path.display());
    std::process::exit(1);
}

fn usage() -> ! {
    eprintln!("usage: text-eval FILE.jsonl [--data DIR] [--pages]");
    std::process::exit(2);
}
