//! Tagging throughput of the embedded NER model on synthetic news-like text
//! (no CoNLL text is shipped). Run: `cargo bench --bench ner`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newslens::ner::tag_document;

/// A deterministic document of `n` sentences mixing names, headlines, numbers and tables.
fn document(n: usize) -> Vec<Vec<String>> {
    let sentences = [
        "Russian President Vladimir Putin met North Korean leader Kim Jong-Un in Moscow on Tuesday , the Kremlin said .",
        "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
        "Shares of General Motors Corp. rose 1,200 cents to $ 45.50 on the New York Stock Exchange .",
        "Manchester United 2 Liverpool 1",
        "\" We will not accept this , \" said Angela Merkel , speaking in Berlin after talks with the European Union .",
        "The U.S. Federal Reserve left interest rates unchanged , and analysts at Goldman Sachs expect no move before 2025 .",
        "LONDON 1996-08-30",
        "Wimbledon champion Richard Krajicek of the Netherlands beat Pete Sampras 7-5 6-4 in the final of the Open .",
    ];
    (0..n)
        .map(|i| {
            sentences[i % sentences.len()]
                .split(' ')
                .map(|w| w.to_string())
                .collect()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let doc = document(400);
    let words: Vec<Vec<&str>> = doc
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = words.iter().map(Vec::len).sum();
    tag_document(&words); // load the model outside the measurement
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("tag_document", |b| {
        b.iter(|| tag_document(std::hint::black_box(&words)))
    });
    g.finish();
    c.bench_function("ner/load_model", |b| {
        b.iter(|| {
            newslens::ner::internals::Tagger::from_bytes(
                include_bytes!("../data/ner/lexicons.bin"),
                include_bytes!("../data/ner/weights.bin"),
            )
            .unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
