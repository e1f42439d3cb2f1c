//! Scores the page stage (`newslens::page::read_html`) on the web page sets
//! in `../shared/data/web/` (see `docs/pages.md`).
//!
//! cargo run --release --features train --bin page-eval -- [--pages] [--data DIR] [--only NAME]
//!
//! Readability's test pages: body F1 (4-word shingles, `metrics::shingle_pr`)
//! against the text of Readability's own output, and the headline against the
//! page's `og:title` and its `<title>` without the site part (equal to
//! either counts, as the pages issue words its target; the site part is cut
//! here by a rule of the bin's own, not by the page stage's code). Trafilatura's
//! set: its snippet score. Each figure is given for the tuning half of the
//! pages ("dev": a fixed half by a hash of the page's name), the held-out
//! half, and all; `--pages` lists every page's scores.

use newslens::metrics::{f1, shingle_pr};
use newslens::page::{decode_html, page_titles, read_html, visible_text};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Readability pages known from SOURCE.md to be in another language while
/// their metadata gives none.
const NON_ENGLISH_UNLABELLED: &[&str] = &["gmw", "qq", "youth", "hukumusume", "la-nacion"];
/// A source below this size is one of Readability's hand-written feature pages.
const HAND_WRITTEN_BYTES: usize = 4096;

struct Args {
    data: PathBuf,
    pages: bool,
    only: Option<String>,
    /// Print the article text and what was set aside (with `--only`).
    text: bool,
}

fn main() {
    let mut args = Args {
        data: Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/web"),
        pages: false,
        only: None,
        text: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pages" => args.pages = true,
            "--data" => args.data = it.next().expect("--data DIR").into(),
            "--only" => args.only = it.next(),
            "--text" => args.text = true,
            _ => {
                eprintln!("usage: page-eval [--pages] [--data DIR] [--only NAME [--text]]");
                std::process::exit(2);
            }
        }
    }
    if !args.data.exists() {
        eprintln!(
            "page-eval: {} not found; nothing to score",
            args.data.display()
        );
        return;
    }
    readability(&args);
    trafilatura(&args);
}

fn show(page: &newslens::page::Page) {
    println!("{}\n---- set aside:", page.text);
    for s in &page.set_aside {
        let head: String = s.text.chars().take(80).collect();
        println!("{:?} ({} blocks): {head:?}", s.kind, s.blocks);
    }
    println!("---- meta: {:?}", page.meta);
}

fn gunzip(path: &Path) -> Vec<u8> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(f)
        .read_to_end(&mut out)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    out
}

/// Whether a page is in the tuning half (a fixed split by name: FNV-1a).
fn is_dev(name: &str) -> bool {
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h.is_multiple_of(2)
}

fn split_name(name: &str) -> &'static str {
    if is_dev(name) {
        "dev"
    } else {
        "held-out"
    }
}

/// Per-page figures of one group of pages.
#[derive(Default)]
struct Group {
    pages: usize,
    p: f64,
    r: f64,
    headline_ok: usize,
    headline_pages: usize,
}

impl Group {
    fn add(&mut self, p: f64, r: f64, headline: Option<bool>) {
        self.pages += 1;
        self.p += p;
        self.r += r;
        if let Some(ok) = headline {
            self.headline_pages += 1;
            self.headline_ok += ok as usize;
        }
    }

    fn line(&self, name: &str) -> String {
        let n = self.pages.max(1) as f64;
        let (p, r) = (self.p / n, self.r / n);
        format!(
            "{name:<34} pages {:>3}  body P {p:.3} R {r:.3} F1 {:.3}  headline {}/{} = {:.3}",
            self.pages,
            f1(p, r),
            self.headline_ok,
            self.headline_pages,
            self.headline_ok as f64 / self.headline_pages.max(1) as f64
        )
    }
}

/// Separators between a headline and a site's name in a `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// The headlines the pages issue accepts: the page's `og:title`, and its
/// `<title>` without the site part, read here independently of the page
/// stage: the title before its last separator, or after its first (or the
/// whole title when it has none).
fn reference_headlines(html: &str) -> Vec<String> {
    let (og, title) = page_titles(html);
    let mut out: Vec<String> = og.iter().map(|t| normalise(t)).collect();
    if let Some(t) = title.map(|t| normalise(&t)) {
        let last = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| t.rfind(s).map(|i| (i, s.len())))
            .max();
        let first = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| t.find(s).map(|i| (i, s.len())))
            .min();
        match (last, first) {
            (Some((l, _)), Some((f, n))) => {
                out.push(t[..l].trim().to_string());
                out.push(t[f + n..].trim().to_string());
            }
            _ => out.push(t),
        }
    }
    out
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Timing of `read_html` over a set.
#[derive(Default)]
struct Timing {
    times: Vec<f64>,
    bytes: usize,
}

impl Timing {
    fn time<T>(&mut self, html: &str, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let out = f();
        self.times.push(t.elapsed().as_secs_f64() * 1e3);
        self.bytes += html.len();
        out
    }

    fn line(&mut self) -> String {
        self.times.sort_by(f64::total_cmp);
        let n = self.times.len().max(1);
        let mean = self.times.iter().sum::<f64>() / n as f64;
        let median = self.times.get(self.times.len() / 2).copied().unwrap_or(0.0);
        format!(
            "time per page (read_html, native): mean {mean:.2} ms, median {median:.2} ms, {} pages, {:.1} MB",
            self.times.len(),
            self.bytes as f64 / 1e6
        )
    }
}

fn readability(args: &Args) {
    let dir = args.data.join("readability");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("page-eval: {} not found; skipped", dir.display());
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html.gz").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut groups: std::collections::BTreeMap<String, Group> = Default::default();
    let mut timing = Timing::default();
    for name in &names {
        if args.only.as_ref().is_some_and(|o| o != name) {
            continue;
        }
        let d = dir.join(name);
        let source = String::from_utf8_lossy(&gunzip(&d.join("source.html.gz"))).into_owned();
        let expected = String::from_utf8_lossy(&gunzip(&d.join("expected.html.gz"))).into_owned();
        let meta: serde_json::Value =
            serde_json::from_slice(&std::fs::read(d.join("expected-metadata.json")).unwrap())
                .unwrap();
        let lang = meta["lang"].as_str().unwrap_or("");
        let english = lang.to_ascii_lowercase().starts_with("en")
            || (lang.is_empty() && !NON_ENGLISH_UNLABELLED.contains(&name.as_str()));
        let real = source.len() >= HAND_WRITTEN_BYTES;
        let page = timing.time(&source, || read_html(&source));
        let body = page
            .blocks
            .first()
            .map_or("", |b| &page.text[b.range.start..]);
        if args.text {
            show(&page);
        }
        let gold = visible_text(&expected);
        let (p, r) = shingle_pr(body, &gold);
        let references = reference_headlines(&source);
        let ours = page.meta.headline.as_deref().map(normalise);
        let headline =
            (!references.is_empty()).then(|| ours.as_ref().is_some_and(|o| references.contains(o)));
        let kind = if !real {
            "hand-written"
        } else if english {
            "real English"
        } else {
            "real other"
        };
        for key in [
            format!("readability {kind}"),
            format!("readability {kind} {}", split_name(name)),
        ] {
            groups.entry(key).or_default().add(p, r, headline);
        }
        if args.pages {
            println!(
                "{name:<40} {kind:<13} {:<8} P {p:.3} R {r:.3} headline {} ours {:?} refs {:?}",
                split_name(name),
                headline.map_or("-", |ok| if ok { "ok" } else { "MISS" }),
                ours.unwrap_or_default(),
                references
            );
        }
    }
    println!(
        "== Readability test pages (body vs Readability's output; headline vs og:title/<title>)"
    );
    for (k, g) in &groups {
        println!("{}", g.line(k));
    }
    println!("{}", timing.line());
}

/// Counts of trafilatura's snippet score.
#[derive(Default, Clone, Copy)]
struct Snippets {
    tp: usize,
    fn_: usize,
    fp: usize,
    tn: usize,
    pages: usize,
}

impl Snippets {
    fn add(&mut self, o: Snippets) {
        self.tp += o.tp;
        self.fn_ += o.fn_;
        self.fp += o.fp;
        self.tn += o.tn;
        self.pages += o.pages;
    }

    fn line(&self, name: &str) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = 2.0 * self.tp as f64 / (2 * self.tp + self.fp + self.fn_).max(1) as f64;
        format!(
            "{name:<34} pages {:>3}  P {p:.3} R {r:.3} F1 {f:.3}  (TP {} FN {} FP {} TN {})",
            self.pages, self.tp, self.fn_, self.fp, self.tn
        )
    }
}

/// English function words, to tell the English pages of a mostly German set
/// from their snippets.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "are", "as", "it",
    "this", "by", "be", "from", "have", "has", "at", "an", "or", "which", "their", "they",
];
/// A page is English when at least this share of its snippets' words are English function words.
const ENGLISH_SHARE: f64 = 0.12;

fn looks_english(snippets: &[&str]) -> bool {
    let words: Vec<String> = snippets
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let hits = words
        .iter()
        .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
        .count();
    !words.is_empty() && hits as f64 / words.len() as f64 >= ENGLISH_SHARE
}

fn trafilatura(args: &Args) {
    let dir = args.data.join("trafilatura-eval");
    let Ok(json) = std::fs::read(dir.join("evaldata.json")) else {
        eprintln!("page-eval: {} not found; skipped", dir.display());
        return;
    };
    let data: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&json).unwrap();
    let mut groups: std::collections::BTreeMap<String, Snippets> = Default::default();
    let mut timing = Timing::default();
    let strs = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    for (key, rec) in &data {
        let file = rec["file"].as_str().unwrap_or("");
        if args.only.as_ref().is_some_and(|o| o != file) {
            continue;
        }
        let html = decode_html(&gunzip(&dir.join("pages").join(format!("{file}.gz"))));
        let page = timing.time(&html, || read_html(&html));
        let text = normalise(&page.text);
        if args.text {
            show(&page);
        }
        let (with, without) = (strs(&rec["with"]), strs(&rec["without"]));
        let mut s = Snippets {
            pages: 1,
            ..Snippets::default()
        };
        let mut missed = Vec::new();
        let mut leaked = Vec::new();
        for w in &with {
            if text.contains(&normalise(w)) {
                s.tp += 1;
            } else {
                s.fn_ += 1;
                missed.push(w.as_str());
            }
        }
        for w in &without {
            if text.contains(&normalise(w)) {
                s.fp += 1;
                leaked.push(w.as_str());
            } else {
                s.tn += 1;
            }
        }
        let all: Vec<&str> = with.iter().map(String::as_str).collect();
        let english = looks_english(&all);
        let split = split_name(key);
        let lang = if english { "English" } else { "other" };
        for g in [
            "trafilatura all".to_string(),
            format!("trafilatura all {split}"),
            format!("trafilatura {lang}"),
            format!("trafilatura {lang} {split}"),
        ] {
            groups.entry(g).or_default().add(s);
        }
        if args.pages {
            println!("{file:<50} {lang:<7} {split:<8} missed {missed:?} leaked {leaked:?}");
        }
    }
    println!("== trafilatura evaluation set (snippets, micro-averaged)");
    for (k, g) in &groups {
        println!("{}", g.line(k));
    }
    println!("{}", timing.line());
}
