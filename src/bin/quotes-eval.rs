//! Scores `newslens::extract`'s quotes on PolNeAR records (primary records only).
//!
//! cargo run --release --features train --bin quotes-eval -- dev.jsonl [--show N]
//!
//! A bare file name is looked up in `../shared/data/quotes/polnear/`.
//! `--show N` prints the first N unmatched gold and predicted items.

use newslens::internals::quotes::eval::{Record, Score};
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut show = 0usize;
    let mut show_quotes = 0usize;
    let mut show_speakers = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--show-speakers" => {
                show_speakers = args.next().and_then(|n| n.parse().ok()).unwrap_or(20)
            }
            "--show-quotes" => show_quotes = args.next().and_then(|n| n.parse().ok()).unwrap_or(20),
            "--show" => show = args.next().and_then(|n| n.parse().ok()).unwrap_or(20),
            _ => path = Some(a),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: quotes-eval FILE.jsonl [--show N]");
        std::process::exit(2);
    };
    let path = if std::path::Path::new(&path).exists() {
        path
    } else {
        format!(
            "{}/../shared/data/quotes/polnear/{path}",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let f = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut score = Score::default();
    let mut time = 0f64;
    let mut quote_time = 0f64;
    let mut prep_time = 0f64;
    let mut decode_time = 0f64;
    let mut tokens = 0usize;
    let mut docs = 0;
    let mut shown = 0;
    for line in std::io::BufReader::new(f).lines() {
        let line = line.expect("readable file");
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(&line).expect("PolNeAR record");
        if !r.primary {
            continue;
        }
        docs += 1;
        let t = Instant::now();
        let a = newslens::extract(&r.text);
        time += t.elapsed().as_secs_f64();
        let p = newslens::internals::prepare(&r.text);
        let t = Instant::now();
        let _ = newslens::quotes::find(&p.doc, &p.layout, &p.mentions, &p.entities);
        quote_time += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let (paras, _) = newslens::quotes::paragraphs(&p.doc, &p.layout, &p.mentions);
        prep_time += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let mut feats = Vec::new();
        for para in &paras {
            let _ =
                newslens::quotes::tagger::decode(newslens::quotes::model(), &para.seq, &mut feats);
        }
        decode_time += t.elapsed().as_secs_f64();
        tokens += p.doc.tokens.len();
        let gold = r.gold();
        let before = score.clone();
        let matched = score.add(&a.quotes, &gold);
        for &(qi, gi, right) in &matched {
            if right || show_speakers == 0 {
                continue;
            }
            show_speakers -= 1;
            let text = &r.text;
            let g = &gold[gi];
            let q = &a.quotes[qi];
            let j = |v: &[(usize, usize)]| {
                v.iter()
                    .map(|&(s, e)| &text[s..e])
                    .collect::<Vec<_>>()
                    .join(" … ")
            };
            let c0 = g.content.first().map_or(0, |c| c.0);
            let ctx_start = g
                .source
                .first()
                .map_or(c0, |s| s.0.min(c0))
                .min(q.speaker.as_ref().map_or(c0, |s| s.start));
            let ctx_end = g
                .content
                .last()
                .map_or(c0, |c| c.1)
                .max(g.source.last().map_or(0, |s| s.1));
            let ctx: String = text[ctx_start..ctx_end].chars().take(200).collect();
            println!(
                "G [{}] <{}>  P [{}] <{}>   | {:?}",
                j(&g.source),
                j(&g.cue),
                q.speaker.as_ref().map_or("", |s| s.text.as_str()),
                q.cue.as_ref().map_or("", |s| s.text.as_str()),
                ctx
            );
        }
        if show_quotes > 0 {
            let text = &r.text;
            let j = |v: &[(usize, usize)]| {
                v.iter()
                    .map(|&(s, e)| &text[s..e])
                    .collect::<Vec<_>>()
                    .join(" … ")
            };
            for g in gold.iter().filter(|g| g.marked) {
                let c0 = g.content.first().map_or(0, |c| c.0);
                let c1 = g.content.last().map_or(0, |c| c.1);
                let best = a
                    .quotes
                    .iter()
                    .filter(|q| q.start < c1 && c0 < q.end)
                    .max_by_key(|q| q.end.min(c1) - q.start.max(c0));
                let ok = best.is_some_and(|q| match &q.speaker {
                    Some(s) => g.source.iter().any(|&(a, b)| s.start < b && a < s.end),
                    None => g.source.is_empty(),
                });
                if !ok && show_quotes > 0 {
                    show_quotes -= 1;
                    let head: String = j(&g.content).chars().take(70).collect();
                    println!("G [{}] <{}> {:?}", j(&g.source), j(&g.cue), head);
                    match best {
                        Some(q) => println!(
                            "  P [{}] <{}> {:?} {:?}",
                            q.speaker.as_ref().map_or("", |s| s.text.as_str()),
                            q.cue.as_ref().map_or("", |s| s.text.as_str()),
                            q.kind,
                            q.text.chars().take(70).collect::<String>()
                        ),
                        None => println!("  P none"),
                    }
                }
            }
        }
        if shown < show && score.attribution_matched - before.attribution_matched < gold.len() {
            shown += 1;
            println!("== {}", r.id);
            let text = &r.text;
            for g in &gold {
                let c: Vec<&str> = g.content.iter().map(|&(s, e)| &text[s..e]).collect();
                let s: Vec<&str> = g.source.iter().map(|&(s, e)| &text[s..e]).collect();
                let q: Vec<&str> = g.cue.iter().map(|&(s, e)| &text[s..e]).collect();
                println!(
                    "  G [{}] <{}> {:?}",
                    s.join(" … "),
                    q.join(" … "),
                    c.join(" … ")
                );
            }
            for q in &a.quotes {
                println!(
                    "  P [{}] <{}> {:?} {:?}",
                    q.speaker.as_ref().map_or("", |s| s.text.as_str()),
                    q.cue.as_ref().map_or("", |s| s.text.as_str()),
                    q.kind,
                    q.text
                );
            }
        }
    }
    let per = |t: f64| t * 1e3 / docs.max(1) as f64;
    let mut report = format!(
        "{docs} documents, {} tokens each on average: {:.2} ms per document, of which quotes {:.3} ms (features {:.3} ms, tagging {:.3} ms)",
        tokens / docs.max(1),
        per(time),
        per(quote_time),
        per(prep_time),
        per(decode_time)
    );
    report.push('\n');
    report.push_str(&score.report());
    // One write, so that `| head` does not cut the report in the middle.
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{report}");
}
