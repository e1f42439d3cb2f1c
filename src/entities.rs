//! Entities: mentions of the same thing grouped together, with a canonical
//! name and a salience score.
//!
//! This first version groups names that are equal up to case, hyphens and a
//! leading "the", and a person's surname (or given-name-less form) with the
//! full name it ends. Metonymy, acronyms, roles and pronouns come with the
//! entities issue, behind the same function.

use crate::analysis::{Entity, Label, Mention};
use crate::Doc;
use std::collections::HashMap;

/// Groups `mentions` into entities, setting each mention's `entity`.
pub fn group(doc: &Doc, mentions: &mut [Mention]) -> Vec<Entity> {
    // The headline and first sentences: mentions there weigh more for salience.
    let early_end = doc
        .sentences
        .iter()
        .take(3)
        .last()
        .map_or(0, |s| s.sentence.end);
    group_mentions(mentions, early_end)
}

fn group_mentions(mentions: &mut [Mention], early_end: usize) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<(String, Label), usize> = HashMap::new();
    // People indexed by each name token, to join "Putin" to "Vladimir Putin".
    let mut person_tokens: HashMap<String, Vec<usize>> = HashMap::new();
    // Longest names first, so that a short form finds its full form whatever the order.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(mentions[i].text.split_whitespace().count()),
            i,
        )
    });
    for i in order {
        let m = &mentions[i];
        // Names group by their normalised form; dates and amounts by their exact text.
        let key = (
            if m.label.is_named() {
                normalise(&m.text)
            } else {
                m.text.clone()
            },
            m.label,
        );
        let id = if let Some(&id) = by_key.get(&key) {
            id
        } else if let Some(id) = (m.label == Label::Person)
            .then(|| person_tokens.get(&key.0))
            .flatten()
            .filter(|ids| ids.len() == 1)
            .map(|ids| ids[0])
        {
            // A one-word form that belongs to exactly one longer name.
            id
        } else {
            let id = entities.len();
            entities.push(Entity {
                id,
                name: canonical(&m.text),
                label: m.label,
                mentions: Vec::new(),
                role: None,
                affiliation: None,
                salience: 0.0,
            });
            if m.label == Label::Person {
                for tok in key.0.split(' ').filter(|t| t.len() > 1) {
                    let ids = person_tokens.entry(tok.to_string()).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
            id
        };
        by_key.entry(key).or_insert(id);
        mentions[i].entity = Some(id);
        entities[id].mentions.push(i);
    }
    for e in &mut entities {
        e.mentions.sort_unstable();
    }
    // Number entities in order of first mention.
    entities.sort_by_key(|e| e.mentions[0]);
    for (id, e) in entities.iter_mut().enumerate() {
        e.id = id;
        for &m in &e.mentions {
            mentions[m].entity = Some(id);
        }
    }
    score_salience(mentions, &mut entities, early_end);
    entities
}

/// A name as it would head a list: without a leading "the" or a possessive.
fn canonical(name: &str) -> String {
    let n = ["the ", "The ", "THE "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    let n = n
        .strip_suffix("'s")
        .or_else(|| n.strip_suffix("’s"))
        .unwrap_or(n);
    n.to_string()
}

/// Lowercase, with hyphens as spaces and no leading "the" or possessive.
fn normalise(name: &str) -> String {
    let lower = name.to_lowercase().replace(['-', '‐'], " ");
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Salience from how often an entity is mentioned and how early (a mention in
/// the headline or first sentences counts more), scaled to 0..=1.
fn score_salience(mentions: &[Mention], entities: &mut [Entity], early_end: usize) {
    let mut max: f32 = 0.0;
    for e in entities.iter_mut() {
        let raw: f32 = e
            .mentions
            .iter()
            .map(|&i| {
                if mentions[i].start < early_end {
                    2.0
                } else {
                    1.0
                }
            })
            .sum();
        e.salience = raw;
        max = max.max(raw);
    }
    if max > 0.0 {
        for e in entities.iter_mut() {
            e.salience = (e.salience / max * 1000.0).round() / 1000.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::MentionKind;

    /// Mentions of `names` (text, label), in order, grouped.
    fn grouped(names: &[(&str, Label)]) -> Vec<(String, Vec<String>)> {
        let mut mentions: Vec<Mention> = names
            .iter()
            .enumerate()
            .map(|(i, (t, l))| Mention {
                start: i * 100,
                end: i * 100 + t.len(),
                text: t.to_string(),
                label: *l,
                entity: None,
                kind: MentionKind::Name,
            })
            .collect();
        let entities = group_mentions(&mut mentions, 0);
        for (i, m) in mentions.iter().enumerate() {
            assert!(entities[m.entity.unwrap()].mentions.contains(&i));
        }
        entities
            .iter()
            .map(|e| {
                (
                    e.name.clone(),
                    e.mentions
                        .iter()
                        .map(|&i| mentions[i].text.clone())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn variants_of_a_name_are_one_entity() {
        let e = grouped(&[
            ("Kim Jong-Un", Label::Person),
            ("Kim Jong-un", Label::Person),
            ("the United States", Label::Gpe),
            ("United States", Label::Gpe),
        ]);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].1, ["Kim Jong-Un", "Kim Jong-un"]);
        assert_eq!(e[1].0, "United States");
    }

    #[test]
    fn surname_joins_the_full_name_whatever_the_order() {
        let e = grouped(&[("Putin", Label::Person), ("Vladimir Putin", Label::Person)]);
        assert_eq!(
            e,
            [(
                "Vladimir Putin".to_string(),
                vec!["Putin".to_string(), "Vladimir Putin".to_string()]
            )]
        );
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let e = grouped(&[
            ("Joe Biden", Label::Person),
            ("Hunter Biden", Label::Person),
            ("Biden", Label::Person),
        ]);
        assert!(e.iter().any(|(n, _)| n == "Joe Biden"));
        assert!(e.iter().any(|(n, _)| n == "Hunter Biden"));
        // The bare surname is ambiguous: it joins neither.
        assert_eq!(e.len(), 3);
    }
}
