//! Scores the embedded NER model (`newslens::ner::tag_document`) on CoNLL files.
//!
//! cargo run --release --features train --bin ner-eval -- [--weights W [--lexicons L]] \
//!     [--unseen TRAIN]... [--no-misc] [--print] FILE [FILE...]
//!
//! With `--weights W`, scores the weights file `W` (as the trainer's
//! `--out` writes it) instead of the embedded model, with the shipped
//! lexicons or those of `--lexicons L` (as the lexicon builder writes them).
//! With `--unseen TRAIN` (may repeat), only entities whose words never make
//! a gold entity of a TRAIN file are scored, gold and predicted alike: how
//! the model does on names it could not have memorised. `--no-misc` leaves
//! MISC out on both sides (for sets that do not annotate it, such as BTC).
//! `--print` writes each token with its gold and predicted tag.
//!
//! Prints conlleval-style entity-level precision, recall and F1 per type and overall.

use newslens::conll::Documents;
use newslens::ner::eval::{spans, Counts};
use newslens::ner::internals::Tagger;
use newslens::ner::{tag_with, EntityType, Tag};
use std::collections::HashSet;
use std::io::BufReader;
use std::time::Instant;

/// The command line (see the comment at the top).
#[derive(Default)]
struct Args {
    weights: Option<Vec<u8>>,
    lexicons: Option<Vec<u8>>,
    seen: Option<HashSet<String>>,
    no_misc: bool,
    /// `--print`: every token with its gold and predicted tag, for reading errors.
    print: bool,
    files: Vec<String>,
}

fn usage() -> ! {
    eprintln!(
        "usage: ner-eval [--weights W [--lexicons L]] [--unseen TRAIN]... [--no-misc] [--print] FILE [FILE...]   \
         (CoNLL format: word first, gold IOB tag last)"
    );
    std::process::exit(2);
}

fn parse_args() -> Args {
    let mut a = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--weights" => {
                let path = it.next().unwrap_or_else(|| usage());
                a.weights = Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}")));
            }
            "--lexicons" => {
                let path = it.next().unwrap_or_else(|| usage());
                a.lexicons = Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}")));
            }
            "--unseen" => {
                let path = it.next().unwrap_or_else(|| usage());
                entity_texts(&path, a.seen.get_or_insert_with(HashSet::new));
            }
            "--no-misc" => a.no_misc = true,
            "--print" => a.print = true,
            f if f.starts_with("--") => usage(),
            f => a.files.push(f.to_string()),
        }
    }
    if a.files.is_empty() {
        usage();
    }
    a
}

fn gold_tags(gold: &[String]) -> Vec<Tag> {
    gold.iter()
        .map(|g| Tag::parse(g).unwrap_or(Tag::O))
        .collect()
}

/// Adds the text of every gold entity of a CoNLL file to `out`.
fn entity_texts(path: &str, out: &mut HashSet<String>) {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for d in Documents::new(BufReader::new(f)) {
        let d = d.unwrap_or_else(|e| panic!("{path}: {e}"));
        for s in &d.sentences {
            for (a, b, _) in spans(&gold_tags(&s.gold)) {
                out.insert(s.words[a..b].join(" "));
            }
        }
    }
}

fn main() {
    let args = parse_args();
    let t0 = Instant::now();
    let own;
    let tagger: &Tagger<'_> = match &args.weights {
        Some(w) => {
            let lex = args.lexicons.as_deref();
            own = Tagger::from_bytes(lex.unwrap_or(newslens::ner::lexicon_bytes()), w)
                .unwrap_or_else(|e| panic!("weights: {e}"));
            &own
        }
        None => newslens::ner::embedded(),
    };
    println!("model loaded in {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    for path in &args.files {
        let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut counts = Counts::default();
        let (mut tokens, mut tagging) = (0usize, 0f64);
        for d in Documents::new(BufReader::new(f)) {
            let d = d.unwrap_or_else(|e| panic!("{path}: {e}"));
            let words: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let t0 = Instant::now();
            let pred = tag_with(tagger, &words);
            tagging += t0.elapsed().as_secs_f64();
            for (s, p) in d.sentences.iter().zip(&pred) {
                tokens += s.words.len();
                if args.print {
                    for ((w, g), t) in s.words.iter().zip(&s.gold).zip(p) {
                        println!("{w} {g} {t}");
                    }
                    println!();
                }
                let keep = |&(a, b, ty): &(usize, usize, EntityType)| {
                    !(args.no_misc && ty == EntityType::Misc)
                        && args
                            .seen
                            .as_ref()
                            .is_none_or(|seen| !seen.contains(&s.words[a..b].join(" ")))
                };
                let g: Vec<_> = spans(&gold_tags(&s.gold))
                    .into_iter()
                    .filter(keep)
                    .collect();
                let p: Vec<_> = spans(p).into_iter().filter(keep).collect();
                counts.add_spans(&g, &p);
            }
        }
        println!(
            "{path}: {tokens} tokens, {:.0} tokens/s",
            tokens as f64 / tagging.max(1e-9)
        );
        print!("{}", counts.report());
    }
}
