//! The seed article against what a careful reader extracts from it
//! (`tests/fixtures/seed-article.expected.json`, copied from
//! `../shared/acceptance`). Every check has an id; the checks that later
//! issues will make pass are listed in `EXPECTED_TO_FAIL`. The test fails if
//! a check outside that list fails, and also if a listed check passes, so the
//! list always says exactly what does not work yet.

use newslens::{Analysis, Label};
use serde_json::Value;

/// Checks that do not pass yet, with the issue that will make them pass.
const EXPECTED_TO_FAIL: &[(&str, &str)] = &[];

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn label(s: &str) -> Label {
    serde_json::from_value(Value::String(s.to_string())).expect("known label")
}

/// Runs every check; returns (id, passed, detail).
fn checks(a: &Analysis, expected: &Value) -> Vec<(String, bool, String)> {
    let mut out = Vec::new();
    let mut check = |id: String, ok: bool, detail: String| out.push((id, ok, detail));
    let art = &expected["article"];
    let title = a.article.title.as_ref().map(|s| s.text.as_str());
    check(
        "article:title".into(),
        title == art["title"].as_str(),
        format!("{title:?}"),
    );
    let source = a.article.source.as_ref().map(|s| s.text.as_str());
    check(
        "article:source".into(),
        source == art["source"].as_str(),
        format!("{source:?}"),
    );
    for b in art["boilerplate"].as_array().unwrap() {
        let b = b.as_str().unwrap();
        let found = a.article.boilerplate.iter().any(|x| x.text.starts_with(b));
        check(
            format!("boilerplate:{b}"),
            found,
            format!(
                "{:?}",
                a.article
                    .boilerplate
                    .iter()
                    .map(|x| &x.text)
                    .collect::<Vec<_>>()
            ),
        );
    }
    // Nothing is found inside boilerplate.
    let inside = |s: usize, e: usize| {
        a.article
            .boilerplate
            .iter()
            .any(|b| s < b.end && b.start < e)
    };
    let leaks: Vec<&str> = a
        .mentions
        .iter()
        .filter(|m| inside(m.start, m.end))
        .map(|m| m.text.as_str())
        .chain(
            a.sentences
                .iter()
                .filter(|s| inside(s.start, s.end))
                .map(|s| s.text.as_str()),
        )
        .chain(
            a.quotes
                .iter()
                .filter(|q| inside(q.start, q.end))
                .map(|q| q.text.as_str()),
        )
        .collect();
    check(
        "boilerplate:yields-nothing".into(),
        leaks.is_empty(),
        format!("{leaks:?}"),
    );

    let entity_named = |name: &str| a.entities.iter().find(|e| norm(&e.name) == norm(name));
    for e in expected["entities"].as_array().unwrap() {
        let name = e["name"].as_str().unwrap();
        let id = format!("entity:{name}");
        let Some(found) = entity_named(name) else {
            check(id, false, "no entity of that name".into());
            continue;
        };
        let want = label(e["label"].as_str().unwrap());
        check(
            format!("{id}:label"),
            found.label == want,
            format!("{}", found.label),
        );
        let texts: Vec<String> = found
            .mentions
            .iter()
            .map(|&i| norm(&a.mentions[i].text))
            .collect();
        for m in e["mentions"].as_array().unwrap() {
            let m = m.as_str().unwrap();
            check(
                format!("{id}:mention:{m}"),
                texts.contains(&norm(m)),
                format!("{texts:?}"),
            );
        }
        for field in ["role", "affiliation"] {
            if let Some(want) = e[field].as_str() {
                let got = if field == "role" {
                    &found.role
                } else {
                    &found.affiliation
                };
                let ok = got.as_deref().is_some_and(|g| norm(g) == norm(want));
                check(format!("{id}:{field}"), ok, format!("{got:?}"));
            }
        }
    }

    let speaker_name = |q: &newslens::Quote| -> Option<String> {
        let s = q.speaker.as_ref()?;
        Some(
            s.entity
                .map_or_else(|| s.text.clone(), |e| a.entities[e].name.clone()),
        )
    };
    for q in expected["quotes"].as_array().unwrap() {
        let starts = q["starts"].as_str().unwrap();
        let id = format!("quote:{starts}");
        let Some(found) = a.quotes.iter().find(|x| x.text.starts_with(starts)) else {
            check(id, false, "no quote starts so".into());
            continue;
        };
        check(
            format!("{id}:kind"),
            serde_json::to_value(found.kind).unwrap() == q["kind"],
            format!("{:?}", found.kind),
        );
        let sp = speaker_name(found);
        check(
            format!("{id}:speaker"),
            sp.as_deref().map(norm) == q["speaker"].as_str().map(norm),
            format!("{sp:?}"),
        );
        let cue = found.cue.as_ref().map(|c| norm(&c.text));
        check(
            format!("{id}:cue"),
            cue.as_deref() == q["cue"].as_str().map(norm).as_deref(),
            format!("{cue:?}"),
        );
    }
    for at in expected["attributions"].as_array().unwrap() {
        let src = at["source"].as_str().unwrap();
        let cue = at["cue"].as_str().unwrap();
        let ok = a.quotes.iter().any(|q| {
            let speaker_ok = q
                .speaker
                .as_ref()
                .is_some_and(|s| norm(&s.text) == norm(src));
            let cue_ok = if cue == "headline colon attribution" {
                at["claim"].as_str().is_some_and(|c| q.text.starts_with(c))
            } else {
                q.cue.as_ref().is_some_and(|c| norm(&c.text) == norm(cue))
            };
            speaker_ok && cue_ok
        });
        check(format!("attribution:{cue}:{src}"), ok, String::new());
    }

    let must_not = &expected["must_not"];
    for name in must_not["entities"].as_array().unwrap() {
        let name = name.as_str().unwrap();
        let bad = entity_named(name).is_some()
            || a.mentions
                .iter()
                .any(|m| m.label.is_named() && norm(&m.text) == norm(name));
        check(format!("must-not-entity:{name}"), !bad, String::new());
    }
    for name in must_not["speakers"].as_array().unwrap() {
        let name = name.as_str().unwrap();
        let bad: Vec<&str> = a
            .quotes
            .iter()
            .filter(|q| speaker_name(q).is_some_and(|s| norm(&s) == norm(name)))
            .map(|q| q.text.as_str())
            .collect();
        check(
            format!("must-not-speaker:{name}"),
            bad.is_empty(),
            format!("{bad:?}"),
        );
    }
    out
}

#[test]
fn seed_article_meets_the_acceptance_file() {
    let text = include_str!("fixtures/seed-article.txt");
    let expected: Value =
        serde_json::from_str(include_str!("fixtures/seed-article.expected.json")).unwrap();
    let a = newslens::extract(text);
    let results = checks(&a, &expected);
    assert!(
        results.len() > 60,
        "the acceptance file has lost its checks"
    );
    let xfail = |id: &str| EXPECTED_TO_FAIL.iter().any(|(x, _)| *x == id);
    let mut problems = Vec::new();
    let (mut passed, mut xfailed) = (0, 0);
    for (id, ok, detail) in &results {
        match (ok, xfail(id)) {
            (true, false) => passed += 1,
            (false, true) => xfailed += 1,
            (false, false) => problems.push(format!("FAILS: {id} (got {detail})")),
            (true, true) => {
                problems.push(format!("now passes, remove from EXPECTED_TO_FAIL: {id}"))
            }
        }
    }
    for (id, _) in EXPECTED_TO_FAIL {
        if !results.iter().any(|(r, _, _)| r == id) {
            problems.push(format!("EXPECTED_TO_FAIL names no check: {id}"));
        }
    }
    println!(
        "acceptance: {passed} checks pass, {xfailed} expected to fail until their issue is done"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
