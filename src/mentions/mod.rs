//! Mentions: every name, date, time and amount in the analysed text.
//!
//! Names come from the CoNLL-typed tagger in [`crate::ner`], refined into
//! OntoNotes labels (LOC into GPE or LOC, MISC into NORP or MISC); dates,
//! times, money, percentages, quantities and numbers come from the rules in
//! `numeric.rs`. Where the two overlap, the name wins.

mod nicknames;
mod numeric;
mod org_names;
mod refine;

use crate::analysis::{Label, Mention, MentionKind};
use crate::ner;
use crate::doc::Doc;
use std::ops::Range;

/// Finds all mentions in `doc`, in text order, without overlaps.
#[inline(never)]
pub fn find(doc: &Doc) -> Vec<Mention> {
    let text = doc.text;
    let words: Vec<Vec<&str>> = doc
        .sentences
        .iter()
        .map(|s| {
            doc.tokens[s.sentence.tokens.clone()]
                .iter()
                .map(|t| t.text(text))
                .collect()
        })
        .collect();
    let tags = ner::tag_document(&words);
    let mut out = Vec::new();
    // Per-sentence lists, reused: most sentences add to them and none keeps them.
    let (mut names, mut typed, mut numbers) = (Vec::new(), Vec::new(), Vec::new());
    for ((s, sent_tags), words) in doc.sentences.iter().zip(&tags).zip(&words) {
        let toks = &doc.tokens[s.sentence.tokens.clone()];
        let before = out.len();
        names.clear();
        ner::spans_into(sent_tags, &mut typed);
        for &(a, b, ty) in &typed {
            let label = refine::label(ty, &words[a..b]);
            match refine::split_title(&words[a..b], label) {
                Some(split) => {
                    if let Some(prefix_label) = split.prefix_label {
                        names.push((a, a + split.role_start, prefix_label));
                    }
                    names.push((a + split.name_start, b, Label::Person));
                }
                None => names.push((a, b, label)),
            }
        }
        nicknames::join(words, &mut names);
        refine::repair_titles(words, &mut names);
        refine::add_groups(words, &mut names);
        refine::add_laws(words, &mut names);
        let mut push = |a: usize, b: usize, label: Label| {
            let (start, end) = (toks[a].start, toks[b - 1].end);
            out.push(Mention {
                start,
                end,
                text: text[start..end].to_string(),
                label,
                entity: None,
                kind: MentionKind::Name,
            });
        };
        for &(a, b, label) in &names {
            push(a, b, label);
        }
        // Numeric mentions where no name is (both lists are in order: one merge walk).
        let mut next_name = 0;
        numeric::find_into(text, toks, &mut numbers);
        for &(a, b, label) in &numbers {
            while next_name < names.len() && names[next_name].1 <= a {
                next_name += 1;
            }
            if names.get(next_name).is_none_or(|&(s, _, _)| s >= b) {
                push(a, b, label);
            }
        }
        out[before..].sort_by_key(|m| m.start);
    }
    // The list lives to the end of the analysis: give back the slack of its
    // doublings (up to half of it on a long input).
    out.shrink_to_fit();
    out
}

/// The mentions lying within `start..end` (bytes), from a list sorted by
/// offset without overlaps: a binary search, not a scan.
pub fn within(mentions: &[Mention], start: usize, end: usize) -> &[Mention] {
    let lo = mentions.partition_point(|m| m.start < start);
    let hi = mentions.partition_point(|m| m.end <= end);
    &mentions[lo..hi.max(lo)]
}

/// The mentions that overlap `start..end` (bytes), from a list sorted by
/// offset without overlaps.
pub fn overlapping(mentions: &[Mention], start: usize, end: usize) -> &[Mention] {
    &mentions[overlapping_range(mentions, start, end)]
}

/// The indices of [`overlapping`]'s mentions (for facts kept per mention).
pub fn overlapping_range(mentions: &[Mention], start: usize, end: usize) -> Range<usize> {
    let lo = mentions.partition_point(|m| m.end <= start);
    let hi = mentions.partition_point(|m| m.start < end);
    lo..hi.max(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_slice_to_their_text() {
        let text = "Russian President Vladimir Putin met Kim Jong-Un in Vladivostok on Sept. 13, 2023, and pledged $5 million.";
        let a = crate::extract(text);
        for m in &a.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
        let find = |s: &str| a.mentions.iter().find(|m| m.text == s).map(|m| m.label);
        assert_eq!(find("$5 million"), Some(Label::Money));
    }
}
