//! Scores the embedded NER model (`newslens::ner::tag_document`) on CoNLL files.
//!
//! cargo run --release --features train --bin ner-eval -- [--weights W] FILE [FILE...]
//!
//! With `--weights W`, scores the weights file `W` (as the trainer's
//! `--out` writes it) with the shipped lexicons instead of the embedded model.
//!
//! Prints conlleval-style entity-level precision, recall and F1 per type and overall.

use newslens::conll::Documents;
use newslens::ner::eval::Counts;
use newslens::ner::internals::Tagger;
use newslens::ner::{tag_with, Tag};
use std::io::BufReader;
use std::time::Instant;

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    let weights = match files.iter().position(|a| a == "--weights") {
        Some(i) if i + 1 < files.len() => {
            let path = files.remove(i + 1);
            files.remove(i);
            Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
        }
        _ => None,
    };
    if files.is_empty() || files.iter().any(|f| f.starts_with("--")) {
        eprintln!(
            "usage: ner-eval [--weights W] FILE [FILE...]   (CoNLL format: word first, gold IOB tag last)"
        );
        std::process::exit(2);
    }
    let t0 = Instant::now();
    let own;
    let tagger: &Tagger<'_> = match &weights {
        Some(w) => {
            own = Tagger::from_bytes(newslens::ner::lexicon_bytes(), w)
                .unwrap_or_else(|e| panic!("weights: {e}"));
            &own
        }
        None => newslens::ner::embedded(),
    };
    println!("model loaded in {:.1} ms", t0.elapsed().as_secs_f64() * 1e3);
    for path in files {
        let f = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
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
                let gold: Vec<Tag> = s
                    .gold
                    .iter()
                    .map(|g| Tag::parse(g).unwrap_or(Tag::O))
                    .collect();
                counts.add_sentence(&gold, p);
            }
        }
        println!(
            "{path}: {tokens} tokens, {:.0} tokens/s",
            tokens as f64 / tagging.max(1e-9)
        );
        print!("{}", counts.report());
    }
}
