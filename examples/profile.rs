//! Runs the whole analysis over a file many times, for profilers:
//! `cargo run --release --example profile -- FILE [REPEAT] [twice]`.
//! A `.jsonl` FILE is read as one article per line (`{"text": ...}`), the
//! way bulk users call the library; any other file is one article. With
//! `twice`, each article is analysed twice in a row (the same work in
//! another order: see `bench/revisit.mjs`).
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile FILE [REPEAT] [twice]");
    let n: usize = args
        .next()
        .map_or(100, |s| s.parse().expect("REPEAT is a number"));
    let twice = args.next().is_some_and(|a| a == "twice");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let docs: Vec<String> = if path.ends_with(".jsonl") {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("a JSON object a line");
                v["text"].as_str().expect("a \"text\" string").to_owned()
            })
            .collect()
    } else {
        vec![text]
    };
    let mut entities = 0;
    for _ in 0..n {
        for d in &docs {
            entities += newslens::extract(d).entities.len();
            if twice {
                entities += newslens::extract(d).entities.len();
            }
        }
    }
    println!("{entities}");
}
