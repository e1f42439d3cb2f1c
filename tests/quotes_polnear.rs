//! A floor on the quotes stage's scores on the PolNeAR dev compartment
//! (`../shared/data/quotes/polnear/dev.jsonl` relative to the crate root).
//! The corpus is not part of the repository: the test skips with a message
//! when it is absent. Figures and how they are computed: data/quotes/MODEL.md.

use newslens::quotes::eval::{Record, Score};

/// The scores of the shipped model minus a small margin.
const CONTENT_F1: f64 = 0.80;
const ATTRIBUTION_F1: f64 = 0.70;
const QUOTE_SPEAKER: f64 = 0.90;

#[test]
fn polnear_dev_scores_stay_above_the_floor() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/quotes/polnear/dev.jsonl"
    );
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("skipped: PolNeAR dev data not found at {path}");
        return;
    };
    let mut score = Score::default();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let r: Record = serde_json::from_str(line).expect("PolNeAR record");
        if r.primary {
            let a = newslens::extract(&r.text);
            score.add(&a.quotes, &r.gold());
        }
    }
    println!("{}", score.report());
    assert!(score.gold > 2000, "dev has lost records");
    let (_, _, cf) = score.content();
    let (_, _, af) = score.attribution();
    assert!(
        cf >= CONTENT_F1,
        "content F1 {cf:.3} < {CONTENT_F1}\n{}",
        score.report()
    );
    assert!(
        af >= ATTRIBUTION_F1,
        "attribution F1 {af:.3} < {ATTRIBUTION_F1}\n{}",
        score.report()
    );
    let qs = score.quote_speaker();
    assert!(
        qs >= QUOTE_SPEAKER,
        "quote speaker {qs:.3} < {QUOTE_SPEAKER}\n{}",
        score.report()
    );
}
