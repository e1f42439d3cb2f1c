//! Scores the body newslens keeps from a copied web page's plain text.
//!
//! node bench/web/render.mjs                      (once: renders the pages to target/web-text)
//! cargo run --release --features train --bin web-eval -- [DIR] [--pages] [--dump NAME]
//!
//! For each page of DIR/manifest.json (default `target/web-text`), runs
//! `newslens::extract` on the page's innerText and takes the kept body: the
//! title and the paragraphs. Readability's pages are scored with the shingle
//! F1 against the innerText of Readability's expected article (per-page
//! precision and recall averaged, F1 of the averages); trafilatura's English
//! pages with its snippets (a `with` snippet found is a true positive, a
//! `without` snippet found a false positive, micro-averaged). The whole page
//! text is scored the same way as a baseline. Pages are split by a hash of
//! their name into a tuning half and a held-out half; both are reported.
//! `--pages` lists every page's figures; `--dump NAME` prints what was kept
//! and set aside on one page.

use newslens::metrics::{f1, shingle_pr};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Shingle precision and recall summed over pages, for the kept body and
/// for the whole page text, and how many headlines match.
#[derive(Default)]
struct Group {
    pages: usize,
    kept: (f64, f64),
    whole: (f64, f64),
    headlines: usize,
}

impl Group {
    fn add(&mut self, kept: (f64, f64), whole: (f64, f64), headline: bool) {
        self.pages += 1;
        self.kept.0 += kept.0;
        self.kept.1 += kept.1;
        self.whole.0 += whole.0;
        self.whole.1 += whole.1;
        self.headlines += usize::from(headline);
    }
    fn line(&self) -> String {
        let n = self.pages.max(1) as f64;
        let fmt = |(p, r): (f64, f64)| {
            let (p, r) = (p / n, r / n);
            format!("P {p:.3} R {r:.3} F1 {:.3}", f1(p, r))
        };
        format!(
            "{} pages: kept body {}; whole page {}; headline matches {} of {}",
            self.pages,
            fmt(self.kept),
            fmt(self.whole),
            self.headlines,
            self.pages
        )
    }
}

#[derive(Default)]
struct Snippets {
    pages: usize,
    /// Pages with a gold title, and those whose headline matches it.
    titled: usize,
    headlines: usize,
    tp: usize,
    fn_: usize,
    fp: usize,
    tn: usize,
}

impl Snippets {
    fn add(&mut self, text: &str, with: &[String], without: &[String]) {
        let text = squash(text);
        self.pages += 1;
        for s in with {
            if text.contains(&squash(s)) {
                self.tp += 1
            } else {
                self.fn_ += 1
            }
        }
        for s in without {
            if text.contains(&squash(s)) {
                self.fp += 1
            } else {
                self.tn += 1
            }
        }
    }
    fn line(&self) -> String {
        let (p, r, f) = newslens::metrics::prf(self.tp, self.tp + self.fp, self.tp + self.fn_);
        let acc =
            (self.tp + self.tn) as f64 / (self.tp + self.tn + self.fp + self.fn_).max(1) as f64;
        let headlines = if self.titled > 0 {
            format!("; headline matches {} of {}", self.headlines, self.titled)
        } else {
            String::new()
        };
        format!("P {p:.3} R {r:.3} F1 {f:.3} accuracy {acc:.3}{headlines}")
    }
}

/// Whether the headline matches the reference title, case aside. A page's
/// title often carries the site's name ("Headline - Site"): the headline
/// counts when one holds the other.
fn headline_matches(title: &Value, a: &newslens::Analysis) -> bool {
    let want = title
        .as_str()
        .map(squash)
        .unwrap_or_default()
        .to_lowercase();
    let got = a
        .article
        .title
        .as_ref()
        .map(|t| squash(&t.text).to_lowercase())
        .unwrap_or_default();
    !want.is_empty() && !got.is_empty() && (want.contains(&got) || got.contains(&want))
}

/// Whitespace runs as one space, as trafilatura's evaluation compares text.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a of the page's name: a split that does not depend on the file system's order.
fn held_out(name: &str) -> bool {
    let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    });
    h % 2 == 1
}

/// The body newslens keeps: the title, then the paragraphs, blank lines between.
fn kept_body(a: &newslens::Analysis) -> String {
    let mut parts: Vec<&str> = a.article.title.iter().map(|t| t.text.as_str()).collect();
    parts.extend(a.article.paragraphs.iter().map(|p| p.text.as_str()));
    parts.join("\n\n")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn dump(text: &str) {
    let a = newslens::extract(text);
    println!("TITLE {:?}", a.article.title.as_ref().map(|t| &t.text));
    let mut rows: Vec<(usize, String)> = a
        .article
        .paragraphs
        .iter()
        .map(|p| (p.start, format!("  KEEP  {}", p.text)))
        .collect();
    rows.extend(a.article.boilerplate.iter().map(|b| {
        (
            b.start,
            format!("  {:<7} {}", format!("{:?}", b.kind), b.text),
        )
    }));
    rows.sort();
    for (_, r) in rows {
        let r: String = r.chars().take(160).collect();
        println!("{}", r.replace('\n', " / "));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pages_flag = args.iter().any(|a| a == "--pages");
    let dump_name = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1).cloned());
    let dir = args
        .iter()
        .filter(|a| !a.starts_with("--") && Some(*a) != dump_name.as_ref())
        .map(PathBuf::from)
        .next()
        .unwrap_or_else(|| PathBuf::from("target/web-text"));
    let manifest_path = dir.join("manifest.json");
    let Ok(manifest) = std::fs::read_to_string(&manifest_path) else {
        eprintln!(
            "web-eval: no {} (run `node bench/web/render.mjs` first; it needs ../shared/data/web)",
            manifest_path.display()
        );
        std::process::exit(2);
    };
    let manifest: Vec<Value> = serde_json::from_str(&manifest).expect("manifest.json");
    let read = |set: &str, name: &str, kind: &str| -> String {
        let p: &Path = &dir;
        std::fs::read_to_string(p.join(set).join(format!("{name}.{kind}.txt"))).unwrap_or_default()
    };
    // [tune, held-out]: all of Readability's pages, its saved web pages
    // (not the hand-written feature tests), and of those the English ones.
    let mut groups: [[Group; 3]; 2] = Default::default();
    let mut snippets: [[Snippets; 2]; 2] = Default::default();
    let t0 = std::time::Instant::now();
    for page in &manifest {
        let set = page["set"].as_str().unwrap_or("");
        let name = page["name"].as_str().unwrap_or("");
        let text = read(set, name, "page");
        if dump_name.as_deref() == Some(name) {
            dump(&text);
            return;
        }
        if dump_name.is_some() {
            continue;
        }
        let a = newslens::extract(&text);
        let kept = kept_body(&a);
        let half = held_out(name) as usize;
        match set {
            "readability" => {
                let gold = read(set, name, "gold");
                let (k, w) = (shingle_pr(&kept, &gold), shingle_pr(&text, &gold));
                let got = a.article.title.as_ref().map(|t| squash(&t.text));
                let matched = headline_matches(&page["title"], &a);
                let real = page["real"].as_bool() == Some(true);
                let english = page["english"].as_bool() == Some(true);
                for (i, member) in [true, real, real && english].into_iter().enumerate() {
                    if member {
                        groups[half][i].add(k, w, matched);
                    }
                }
                if pages_flag {
                    println!(
                        "{} {name:<45} kept F1 {:.3} (P {:.3} R {:.3})  page F1 {:.3}  title {:?}",
                        ["tune", "held"][half],
                        f1(k.0, k.1),
                        k.0,
                        k.1,
                        f1(w.0, w.1),
                        got.unwrap_or_default().chars().take(50).collect::<String>()
                    );
                }
            }
            "trafilatura" => {
                let (with, without) = (strings(&page["with"]), strings(&page["without"]));
                if pages_flag {
                    let body = squash(&kept);
                    for w in with.iter().filter(|w| !body.contains(&squash(w))) {
                        println!("{} {name:<45} missed {w:?}", ["tune", "held"][half]);
                    }
                    for w in without.iter().filter(|w| body.contains(&squash(w))) {
                        println!("{} {name:<45} kept   {w:?}", ["tune", "held"][half]);
                    }
                }
                snippets[half][0].add(&kept, &with, &without);
                if pages_flag && !headline_matches(&page["title"], &a) {
                    println!(
                        "{} {name:<45} headline {:?} want {:?}",
                        ["tune", "held"][half],
                        a.article.title.as_ref().map(|t| t
                            .text
                            .chars()
                            .take(70)
                            .collect::<String>()),
                        page["title"].as_str().unwrap_or("")
                    );
                }
                if page["title"].as_str().is_some_and(|t| !t.is_empty()) {
                    snippets[half][0].titled += 1;
                    snippets[half][0].headlines +=
                        usize::from(headline_matches(&page["title"], &a));
                }
                snippets[half][1].add(&text, &with, &without);
            }
            _ => {}
        }
    }
    if dump_name.is_some() {
        eprintln!("web-eval: no page named {}", dump_name.unwrap_or_default());
        std::process::exit(2);
    }
    for (half, label) in [(0, "tuning half"), (1, "held-out half")] {
        let [all, real, english] = &groups[half];
        println!("== {label}");
        println!("readability, {}", all.line());
        println!("  saved web pages, {}", real.line());
        println!("  saved English web pages, {}", english.line());
        println!(
            "trafilatura English, {} pages, snippets: kept body {}; whole page {}",
            snippets[half][0].pages,
            snippets[half][0].line(),
            snippets[half][1].line()
        );
    }
    eprintln!(
        "{} pages in {:.1} s",
        manifest.len(),
        t0.elapsed().as_secs_f64()
    );
}
