//! Scores `newslens::extract`'s quotes on PolNeAR records (primary records only).
//!
//! cargo run --release --features train --bin quotes-eval -- dev.jsonl [--show N]
//!     [--show-quotes N] [--show-speakers N] [--tagger FILE] [--steps FILE]
//!
//! A bare file name is looked up in `../shared/data/quotes/polnear/`.
//! `--tagger FILE` and `--steps FILE` score other weights than the embedded
//! ones (a tagger's `weights.bin`; a `ranker.bin` whose tables are the speaker
//! ranker and the quote filter, or fewer tables to switch steps off); the
//! timings are still those of the embedded models.
//! `--show N` prints the gold and predicted attributions of the first N
//! documents with a miss; `--show-quotes N` the first N quotation-marked
//! gold attributions whose speaker is wrong; `--show-speakers N` the first N
//! matched contents whose speaker is wrong, with their context.

use newslens::internals::quotes::eval::{Gold, Record, Score};
use newslens::internals::quotes::{tagger::Model, Steps, With};
use newslens::internals::{prepare, quotes};
use newslens::{Analysis, Quote};
use std::io::BufRead;
use std::time::Instant;

/// The command line.
#[derive(Default)]
struct Options {
    path: String,
    show: usize,
    show_quotes: usize,
    show_speakers: usize,
    /// Weights files to score instead of the embedded ones.
    tagger: Option<String>,
    steps: Option<String>,
}

impl Options {
    fn parse() -> Options {
        let mut o = Options::default();
        let mut args = std::env::args().skip(1);
        let mut path = None;
        let count = |n: Option<String>| n.and_then(|n| n.parse().ok()).unwrap_or(20);
        while let Some(a) = args.next() {
            match a.as_str() {
                "--show-speakers" => o.show_speakers = count(args.next()),
                "--show-quotes" => o.show_quotes = count(args.next()),
                "--show" => o.show = count(args.next()),
                "--tagger" => o.tagger = args.next(),
                "--steps" => o.steps = args.next(),
                _ => path = Some(a),
            }
        }
        let Some(path) = path else {
            eprintln!(
                "usage: quotes-eval FILE.jsonl [--show N] [--show-quotes N] [--show-speakers N] [--tagger FILE] [--steps FILE]"
            );
            std::process::exit(2);
        };
        o.path = if std::path::Path::new(&path).exists() {
            path
        } else {
            let root = env!("CARGO_MANIFEST_DIR");
            format!("{root}/../shared/data/quotes/polnear/{path}")
        };
        o
    }
}

/// Where the time goes, summed over documents (seconds).
#[derive(Default)]
struct Timings {
    docs: usize,
    tokens: usize,
    whole: f64,
    quotes: f64,
    features: f64,
    tagging: f64,
}

impl Timings {
    /// Analyses `text` whole, then times the quotes stage and its parts on
    /// the stages before it.
    fn measure(&mut self, text: &str) -> Analysis {
        let t = Instant::now();
        let a = newslens::extract(text);
        self.whole += t.elapsed().as_secs_f64();
        let p = prepare(text);
        let t = Instant::now();
        let _ = quotes::find(&p.doc, &p.layout, &p.mentions, &p.entities);
        self.quotes += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (paras, _) = quotes::paragraphs(&p.doc, &p.layout, &p.mentions);
        self.features += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut feats = Vec::new();
        for para in &paras {
            let _ = quotes::tagger::decode(quotes::model(), &para.seq, &mut feats);
        }
        self.tagging += t.elapsed().as_secs_f64();
        self.docs += 1;
        self.tokens += p.doc.tokens.len();
        a
    }

    fn report(&self) -> String {
        let n = self.docs.max(1);
        let per = |t: f64| t * 1e3 / n as f64;
        format!(
            "{} documents, {} tokens each on average: {:.2} ms per document, of which quotes {:.3} ms (features {:.3} ms, tagging {:.3} ms)",
            self.docs,
            self.tokens / n,
            per(self.whole),
            per(self.quotes),
            per(self.features),
            per(self.tagging)
        )
    }
}

/// The texts of `spans` of `text`, joined as PolNeAR joins fragments.
fn join(text: &str, spans: &[(usize, usize)]) -> String {
    let parts: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
    parts.join(" … ")
}

/// A predicted quote's speaker and cue, for listings.
fn speaker_and_cue(q: &Quote) -> (&str, &str) {
    (
        q.speaker.as_ref().map_or("", |s| s.text.as_str()),
        q.cue.as_ref().map_or("", |s| s.text.as_str()),
    )
}

/// Prints matched contents whose speaker is wrong, with some context.
fn show_speaker_errors(
    left: &mut usize,
    text: &str,
    gold: &[Gold],
    a: &Analysis,
    matched: &[(usize, usize, bool)],
) {
    for &(qi, gi, right) in matched {
        if right || *left == 0 {
            continue;
        }
        *left -= 1;
        let (g, q) = (&gold[gi], &a.quotes[qi]);
        let c0 = g.content.first().map_or(0, |c| c.0);
        let start = g.source.first().map_or(c0, |s| s.0.min(c0));
        let start = start.min(q.speaker.as_ref().map_or(c0, |s| s.start));
        let end = g.content.last().map_or(c0, |c| c.1);
        let end = end.max(g.source.last().map_or(0, |s| s.1));
        let context: String = text[start..end].chars().take(200).collect();
        let (speaker, cue) = speaker_and_cue(q);
        let (gs, gc) = (join(text, &g.source), join(text, &g.cue));
        println!("G [{gs}] <{gc}>  P [{speaker}] <{cue}>   | {context:?}");
    }
}

/// Prints quotation-marked gold attributions whose best overlapping quote
/// has the wrong speaker (or none).
fn show_quote_errors(left: &mut usize, text: &str, gold: &[Gold], a: &Analysis) {
    for g in gold.iter().filter(|g| g.marked) {
        if *left == 0 {
            return;
        }
        let c0 = g.content.first().map_or(0, |c| c.0);
        let c1 = g.content.last().map_or(0, |c| c.1);
        let best = a
            .quotes
            .iter()
            .filter(|q| q.start < c1 && c0 < q.end)
            .max_by_key(|q| q.end.min(c1) - q.start.max(c0));
        let right = best.is_some_and(|q| match &q.speaker {
            Some(s) => g.source.iter().any(|&(a, b)| s.start < b && a < s.end),
            None => g.source.is_empty(),
        });
        if right {
            continue;
        }
        *left -= 1;
        let head: String = join(text, &g.content).chars().take(70).collect();
        println!(
            "G [{}] <{}> {head:?}",
            join(text, &g.source),
            join(text, &g.cue)
        );
        match best {
            Some(q) => {
                let (speaker, cue) = speaker_and_cue(q);
                let t: String = q.text.chars().take(70).collect();
                println!("  P [{speaker}] <{cue}> {:?} {t:?}", q.kind);
            }
            None => println!("  P none"),
        }
    }
}

/// Prints every gold and predicted attribution of one document.
fn show_document(id: &str, text: &str, gold: &[Gold], a: &Analysis) {
    println!("== {id}");
    for g in gold {
        let (s, q, c) = (
            join(text, &g.source),
            join(text, &g.cue),
            join(text, &g.content),
        );
        println!("  G [{s}] <{q}> {c:?}");
    }
    for q in &a.quotes {
        let (speaker, cue) = speaker_and_cue(q);
        println!("  P [{speaker}] <{cue}> {:?} {:?}", q.kind, q.text);
    }
}

/// The bytes of a weights file named on the command line.
fn read_weights(path: &Option<String>) -> Option<Vec<u8>> {
    let p = path.as_ref()?;
    Some(std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}")))
}

/// The article's quotes with the given tagger and steps (the embedded ones
/// where none is given).
fn quotes_with(text: &str, tagger: Option<&Model>, steps: Option<&Steps>) -> Vec<Quote> {
    let p = prepare(text);
    let with = With {
        scorer: tagger.unwrap_or(quotes::model()),
        steps: steps.unwrap_or(quotes::steps()),
        collect: None,
    };
    quotes::find_with(with, &p.doc, &p.layout, &p.mentions, &p.entities)
}

fn main() {
    let mut o = Options::parse();
    let tagger_bytes = read_weights(&o.tagger);
    let steps_bytes = read_weights(&o.steps);
    let tagger = tagger_bytes
        .as_deref()
        .map(|b| Model::from_bytes(b).expect("a quotes tagger weights file"));
    let steps = steps_bytes
        .as_deref()
        .map(|b| Steps::from_bytes(b).expect("a quotes ranker weights file"));
    let f = std::fs::File::open(&o.path).unwrap_or_else(|e| panic!("{}: {e}", o.path));
    let mut score = Score::default();
    let mut timings = Timings::default();
    for line in std::io::BufReader::new(f).lines() {
        let line = line.expect("readable file");
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(&line).expect("PolNeAR record");
        if !r.primary {
            continue;
        }
        let mut a = timings.measure(&r.text);
        if tagger.is_some() || steps.is_some() {
            a.quotes = quotes_with(&r.text, tagger.as_ref(), steps.as_ref());
        }
        let gold = r.gold();
        let before = score.attribution_matched;
        let matched = score.add(&a.quotes, &gold);
        show_speaker_errors(&mut o.show_speakers, &r.text, &gold, &a, &matched);
        show_quote_errors(&mut o.show_quotes, &r.text, &gold, &a);
        if o.show > 0 && score.attribution_matched - before < gold.len() {
            o.show -= 1;
            show_document(&r.id, &r.text, &gold, &a);
        }
    }
    // One write, so that `| head` does not cut the report in the middle.
    let report = format!("{}\n{}", timings.report(), score.report());
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{report}");
}
