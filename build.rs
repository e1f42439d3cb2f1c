//! Turns the country table (`data/countries/countries.tsv`) and the given
//! names (`data/names/first-names.tsv`) into static arrays, keyed and sorted
//! here so that no table is built at run time (see
//! `src/lexicon/countries.rs` and `src/lexicon/gender.rs`).

use std::collections::HashMap;
use std::fmt::Write;

#[path = "src/lexicon/country_key.rs"]
mod country_key;

const TABLE: &str = "data/countries/countries.tsv";
const FIRST_NAMES: &str = "data/names/first-names.tsv";

fn main() {
    countries();
    first_names();
}

/// `FIRST_NAMES: [(&str, bool); _]`: lower-case given name and whether it is
/// male, sorted by name.
fn first_names() {
    println!("cargo:rerun-if-changed={FIRST_NAMES}");
    let text =
        std::fs::read_to_string(FIRST_NAMES).expect("data/names/first-names.tsv is readable");
    let mut rows: Vec<(&str, bool)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (name, g) = l.split_once('\t').expect("name<TAB>M|F");
            assert!(g == "M" || g == "F", "{FIRST_NAMES}: bad gender in {l:?}");
            (name, g == "M")
        })
        .collect();
    rows.sort_unstable();
    let mut out = format!("static FIRST_NAMES: [(&str, bool); {}] = [\n", rows.len());
    for (name, male) in rows {
        writeln!(out, "    ({name:?}, {male}),").unwrap();
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("first_names.rs");
    std::fs::write(dest, out).unwrap();
}

fn countries() {
    println!("cargo:rerun-if-changed={TABLE}");
    println!("cargo:rerun-if-changed=src/lexicon/country_key.rs");
    let text = std::fs::read_to_string(TABLE).expect("data/countries/countries.tsv is readable");
    let mut list: Vec<(&str, &str)> = Vec::new();
    let mut index: HashMap<String, (usize, &str)> = HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(
            f.len() >= 7,
            "{TABLE}: a row with fewer than 7 columns: {line:?}"
        );
        let id = list.len();
        list.push((f[0], f[2]));
        // Earlier relations win: a name is a name before it is a capital
        // ("Singapore", "Luxembourg" are both).
        let mut add = |n: &str, r: &'static str| {
            index.entry(country_key::key(n)).or_insert((id, r));
        };
        add(f[2], "Name");
        for (column, relation) in [(5, "Name"), (3, "Capital"), (6, "Seat"), (4, "Demonym")] {
            for n in f[column].split('|').filter(|x| !x.is_empty()) {
                add(n, relation);
            }
        }
    }
    // Names win over capitals and demonyms across rows too.
    for (i, (_, name)) in list.iter().enumerate() {
        index.insert(country_key::key(name), (i, "Name"));
    }
    let mut index: Vec<_> = index.into_iter().collect();
    index.sort_unstable_by(|a, b| a.0.cmp(&b.0));

    let mut out = String::new();
    writeln!(out, "static LIST: [Country; {}] = [", list.len()).unwrap();
    for (code, name) in &list {
        writeln!(out, "    Country {{ code: {code:?}, name: {name:?} }},").unwrap();
    }
    writeln!(
        out,
        "];\nstatic INDEX: [(&str, u16, Relation); {}] = [",
        index.len()
    )
    .unwrap();
    for (k, (i, r)) in &index {
        writeln!(out, "    ({k:?}, {i}, Relation::{r}),").unwrap();
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("countries.rs");
    std::fs::write(dest, out).unwrap();
}
