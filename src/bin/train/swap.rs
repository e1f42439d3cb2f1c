//! Name swapping (`--swap FILE[:P]`): copies of training documents in which
//! names are replaced by other names of the same type, from a list
//! (`scripts/build_ner_swap_names.py`). Most names in today's news never
//! occur in the 1996 training text; a copy whose names are new makes the
//! model learn a name's type from its context and shape rather than from
//! having seen the name.

use newslens::ner::{EntityType, Tag};
use std::collections::HashMap;

/// The names of one type, by word count: one, two, three or more.
#[derive(Default)]
struct ByLength([Vec<Vec<String>>; 3]);

/// Typed names to swap in: PER, ORG, LOC (MISC is never swapped: most of it
/// is nationalities and events that recur).
#[derive(Default)]
pub struct Names {
    by_type: [ByLength; 3],
}

fn slot(ty: EntityType) -> Option<usize> {
    match ty {
        EntityType::Per => Some(0),
        EntityType::Org => Some(1),
        EntityType::Loc => Some(2),
        EntityType::Misc => None,
    }
}

impl Names {
    /// Reads `TYPE<TAB>name` lines.
    pub fn read(path: &str) -> Names {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut names = Names::default();
        for line in text.lines() {
            let Some((ty, name)) = line.split_once('\t') else {
                continue;
            };
            let Some(s) = EntityType::parse(ty).and_then(slot) else {
                continue;
            };
            let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
            if !words.is_empty() {
                names.by_type[s].0[(words.len() - 1).min(2)].push(words);
            }
        }
        names
    }

    /// A name of type slot `s` with about `len` words; one-word people are
    /// surnames (the last word of a full name).
    fn pick(&self, s: usize, len: usize, rng: &mut dyn FnMut() -> u64) -> Option<Vec<String>> {
        let lists = &self.by_type[s].0;
        let want = (len - 1).min(2);
        let (list, surname) = if s == 0 && want == 0 {
            (&lists[1], true)
        } else {
            (&lists[want], false)
        };
        if list.is_empty() {
            return None;
        }
        let name = &list[(rng() % list.len() as u64) as usize];
        Some(if surname {
            vec![name.last()?.clone()]
        } else {
            name.clone()
        })
    }
}

/// A name's spans in one sentence: `(start, end, type)`.
fn spans(tags: &[Tag]) -> Vec<(usize, usize, EntityType)> {
    newslens::ner::eval::spans(tags)
}

/// A copy of a document with each distinct PER, ORG and LOC name swapped
/// with probability `p` (the same replacement wherever the name recurs,
/// and a person's surname alone follows its full name). A name written in
/// capitals (a headline) gets its replacement in capitals.
pub fn swapped(
    words: &[Vec<String>],
    tags: &[Vec<Tag>],
    names: &Names,
    p: f64,
    rng: &mut dyn FnMut() -> u64,
) -> (Vec<Vec<String>>, Vec<Vec<Tag>>) {
    let mut chosen: HashMap<(String, usize), Option<Vec<String>>> = HashMap::new();
    let mut surnames: HashMap<String, String> = HashMap::new();
    // Full names first, so that a surname met before its full name still follows it.
    for (ws, ts) in words.iter().zip(tags) {
        for (a, b, ty) in spans(ts) {
            let Some(s) = slot(ty).filter(|_| b - a >= 2) else {
                continue;
            };
            let key = (ws[a..b].join(" ").to_lowercase(), s);
            if chosen.contains_key(&key) {
                continue;
            }
            let new = (uniform(rng) < p)
                .then(|| names.pick(s, b - a, rng))
                .flatten();
            if let (0, Some(n)) = (s, &new) {
                surnames.insert(
                    ws[b - 1].to_lowercase(),
                    n.last().cloned().unwrap_or_default(),
                );
            }
            chosen.insert(key, new);
        }
    }
    let mut out_words = Vec::with_capacity(words.len());
    let mut out_tags = Vec::with_capacity(words.len());
    for (ws, ts) in words.iter().zip(tags) {
        let (mut nw, mut nt) = (Vec::with_capacity(ws.len()), Vec::with_capacity(ws.len()));
        let mut at = 0;
        for (a, b, ty) in spans(ts) {
            let Some(s) = slot(ty) else {
                continue;
            };
            let text = ws[a..b].join(" ").to_lowercase();
            let new = match (b - a, surnames.get(&text)) {
                (1, Some(sur)) if s == 0 => Some(vec![sur.clone()]),
                _ => chosen
                    .entry((text, s))
                    .or_insert_with(|| {
                        (uniform(rng) < p)
                            .then(|| names.pick(s, b - a, rng))
                            .flatten()
                    })
                    .clone(),
            };
            let Some(mut new) = new else {
                continue;
            };
            if is_upper(&ws[a..b]) {
                new = new.iter().map(|w| w.to_uppercase()).collect();
            }
            nw.extend_from_slice(&ws[at..a]);
            nt.extend_from_slice(&ts[at..a]);
            for (k, w) in new.into_iter().enumerate() {
                nw.push(w);
                nt.push(if k == 0 { Tag::B(ty) } else { Tag::I(ty) });
            }
            at = b;
        }
        nw.extend_from_slice(&ws[at..]);
        nt.extend_from_slice(&ts[at..]);
        out_words.push(nw);
        out_tags.push(nt);
    }
    (out_words, out_tags)
}

/// A uniform draw in [0, 1).
fn uniform(rng: &mut dyn FnMut() -> u64) -> f64 {
    (rng() >> 11) as f64 / (1u64 << 53) as f64
}

/// Whether a name is written in capitals ("CLINTON", "NEW YORK").
fn is_upper(words: &[String]) -> bool {
    let letters = words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic());
    let (mut n, mut upper) = (0, 0);
    for c in letters {
        n += 1;
        upper += c.is_uppercase() as usize;
    }
    n >= 2 && upper == n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(s: &str) -> (Vec<String>, Vec<Tag>) {
        s.split(' ')
            .map(|wt| {
                let (w, t) = wt.split_once('/').unwrap_or((wt, "O"));
                (w.to_string(), Tag::parse(t).unwrap())
            })
            .unzip()
    }

    #[test]
    fn a_name_and_its_surname_are_swapped_alike() {
        let mut names = Names::default();
        names.by_type[0].0[1].push(vec!["Ada".into(), "Lovelace".into()]);
        names.by_type[2].0[0].push(vec!["Delhi".into()]);
        let (w1, t1) = sentence("Bill/B-PER Clinton/I-PER visited PARIS/B-LOC with Reuters/B-ORG");
        let (w2, t2) = sentence("Clinton/B-PER said");
        let mut n = 0u64;
        let (w, t) = swapped(&[w1, w2], &[t1, t2], &names, 1.0, &mut || {
            n += 1;
            n
        });
        assert_eq!(w[0].join(" "), "Ada Lovelace visited DELHI with Reuters");
        assert_eq!(w[1].join(" "), "Lovelace said");
        assert_eq!(t[0][3], Tag::B(EntityType::Loc));
        assert_eq!(
            t[0][5],
            Tag::B(EntityType::Org),
            "no ORG names: Reuters stays"
        );
    }
}
