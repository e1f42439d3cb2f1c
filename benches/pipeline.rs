//! Time per stage of the analysis, so that a regression shows where it is:
//! layout, tokens and sentences, mentions (NER and rules), entities, quotes,
//! and the whole `extract`. Inputs: the seed article (live-typing latency) and
//! the seed article repeated to about 100 KB (throughput).
//! Run: `cargo bench --bench pipeline`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newslens::internals::{article, entities, mentions, quotes, Doc};
use std::hint::black_box;

const SEED: &str = include_str!("../tests/fixtures/seed-article.txt");

fn bench(c: &mut Criterion) {
    let big: String = std::iter::repeat_n(SEED, 100_000 / SEED.len() + 1)
        .collect::<Vec<_>>()
        .join("\n\n");
    newslens::extract(SEED); // load the models outside the measurement
    for (name, text) in [("seed", SEED), ("100KB", big.as_str())] {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        let layout = article::layout(text);
        let doc = Doc::new(text, &layout.parts);
        let found = mentions::find(&doc);
        let mut grouped = found.clone();
        let ents = entities::group(&doc, &mut grouped);
        g.bench_function("1 layout", |b| b.iter(|| article::layout(black_box(text))));
        g.bench_function("2 tokens", |b| {
            b.iter(|| Doc::new(black_box(text), &layout.parts))
        });
        g.bench_function("3 mentions", |b| b.iter(|| mentions::find(black_box(&doc))));
        g.bench_function("4 entities", |b| {
            b.iter(|| {
                let mut m = found.clone();
                entities::group(black_box(&doc), &mut m)
            })
        });
        g.bench_function("5 quotes", |b| {
            b.iter(|| quotes::find(black_box(&doc), &layout, &grouped, &ents))
        });
        g.bench_function("extract", |b| b.iter(|| newslens::extract(black_box(text))));
        g.bench_function("extract+utf16", |b| {
            b.iter(|| newslens::extract(black_box(text)).into_utf16(text))
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
