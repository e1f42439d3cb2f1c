//! Wall-clock time of the quotes stage alone (issue 25's speed target: no
//! more time per character than at the filing), over PolNeAR dev's
//! primary texts as the other stages prepare them. The earlier stages run
//! untimed before each article, so the caches hold what they do in a real
//! analysis.
//!
//!   cargo run --release --features train --example quotes_time [-- FILE.jsonl [ROUNDS]]
//!
//! FILE defaults to ../shared/data/quotes/polnear/dev.jsonl (lines with a
//! `text`; PolNeAR's non-primary annotations are skipped). Prints the
//! fastest and the median round.

use newslens::internals::{article, entities, mentions, quotes, Doc};
use std::time::{Duration, Instant};

const DEFAULT: &str = "../shared/data/quotes/polnear/dev.jsonl";

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| DEFAULT.to_string());
    let rounds: usize = args
        .next()
        .map_or(15, |s| s.parse().expect("ROUNDS: a number"));
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("quotes_time: cannot read {path} (PolNeAR lives in ../shared/data)");
        std::process::exit(2);
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|r| r["primary"].as_bool() != Some(false))
        .filter_map(|r| r["text"].as_str().map(str::to_string))
        .collect();
    newslens::extract("He said \"yes\"."); // load the models outside the timing
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let layouts: Vec<_> = texts.iter().map(|t| article::layout(t)).collect();
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let mut total = Duration::ZERO;
            for (t, layout) in texts.iter().zip(&layouts) {
                let doc = Doc::new(t, &layout.parts);
                let mut grouped = mentions::find(&doc);
                let ents = entities::group(&doc, &mut grouped);
                let start = Instant::now();
                let found = quotes::find(std::hint::black_box(&doc), layout, &grouped, &ents);
                total += start.elapsed();
                std::hint::black_box(found);
            }
            total
        })
        .collect();
    times.sort();
    let median = times[rounds / 2].as_secs_f64();
    println!(
        "quotes stage over {} texts ({chars} chars): fastest {:.1} ms, median {:.1} ms of {rounds} rounds; {:.1} M chars/s at the median",
        texts.len(),
        times[0].as_secs_f64() * 1e3,
        median * 1e3,
        chars as f64 / median / 1e6
    );
}
