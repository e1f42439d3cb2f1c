//! Named-entity tagging of tokenised documents with CoNLL-2003 types.
//!
//! The interface every name recogniser in newslens fills: a document (its
//! sentences, each a list of token strings) in, one IOB2 [`Tag`] per token out.
//! Tagging a whole document at once lets a recogniser use document context
//! (how the same word was tagged elsewhere).
//!
//! The recogniser is a greedy left-to-right linear model over BILOU classes
//! (averaged passive-aggressive training) with hashed sparse features (words,
//! shapes, affixes, Brown clusters, GloVe k-means clusters, gazetteers,
//! document-level casing), run in two stages: the second adds, to stage one's
//! scores, what stage one said about the same word elsewhere in the document.
//! The model is embedded (`data/ner/`) and read in place, without parsing, on
//! first use; see `data/ner/MODEL.md` for sources, licences, training and
//! scores.

/// The four CoNLL-2003 entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityType {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PER" => EntityType::Per,
            "ORG" => EntityType::Org,
            "LOC" => EntityType::Loc,
            "MISC" => EntityType::Misc,
            _ => return None,
        })
    }
}

/// An IOB2 tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    O,
    B(EntityType),
    I(EntityType),
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(t) => write!(f, "B-{}", t.as_str()),
            Tag::I(t) => write!(f, "I-{}", t.as_str()),
        }
    }
}

impl Tag {
    /// Parses "O", "B-PER", "I-LOC", ...
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (bi, ty) = s.split_once('-')?;
        let ty = EntityType::parse(ty)?;
        match bi {
            "B" => Some(Tag::B(ty)),
            "I" => Some(Tag::I(ty)),
            _ => None,
        }
    }
}

mod classes;
mod decode;
#[cfg(feature = "train")]
pub mod eval;
mod evidence;
mod facts;
mod fastmath;
mod features;
mod gazetteer;
mod lexicon;
mod memo;
mod model;
mod table;

#[doc(hidden)]
pub use classes::NCLASS;
#[doc(hidden)]
pub use facts::Tok;
#[doc(hidden)]
pub mod internals {
    //! Exposed for the training and evaluation commands; not a stable API.
    pub use super::classes::*;
    pub use super::decode::*;
    pub use super::evidence::*;
    pub use super::facts::*;
    pub use super::features::*;
    pub use super::lexicon::*;
    pub use super::model::*;
}

use std::sync::OnceLock;

/// The shipped model: lexicons built by `scripts/build_ner_lexicons.py` and
/// weights written by `cargo run --release --features train --bin train`.
static LEXICON_BYTES: &[u8] = include_bytes!("../../data/ner/lexicons.bin");
static WEIGHTS_BYTES: &[u8] = include_bytes!("../../data/ner/weights.bin");

/// The shipped lexicons (for tools that pair them with other weights).
#[doc(hidden)]
pub fn lexicon_bytes() -> &'static [u8] {
    LEXICON_BYTES
}

/// The embedded tagger, parsed on first use.
pub fn embedded() -> &'static model::Tagger<'static> {
    static TAGGER: OnceLock<model::Tagger<'static>> = OnceLock::new();
    TAGGER.get_or_init(|| {
        let read = model::Tagger::from_bytes(LEXICON_BYTES, WEIGHTS_BYTES);
        crate::tagging::embedded("NER model", read)
    })
}

/// Tags every token of a document: `doc[s][t]` is token `t` of sentence `s`;
/// the result has the same shape.
pub fn tag_document(doc: &[Vec<&str>]) -> Vec<Vec<Tag>> {
    tag_with(embedded(), doc)
}

/// Like [`tag_document`] with a given tagger (used when training and evaluating).
pub fn tag_with(tagger: &model::Tagger<'_>, doc: &[Vec<&str>]) -> Vec<Vec<Tag>> {
    tagger
        .classes(doc)
        .into_iter()
        .map(|cs| cs.into_iter().map(class_to_tag).collect())
        .collect()
}

/// BILOU class (see `features::class_parts`) to IOB2: L continues, U begins.
pub fn class_to_tag(c: u8) -> Tag {
    const TYPES: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];
    match classes::class_parts(c) {
        None => Tag::O,
        Some((ty, pos)) => {
            let ty = TYPES[ty as usize & 3];
            if pos == 0 || pos == 3 {
                Tag::B(ty)
            } else {
                Tag::I(ty)
            }
        }
    }
}

/// IOB2 tags of a sentence to BILOU classes (for training).
pub fn tags_to_classes(tags: &[Tag]) -> Vec<u8> {
    let ty_index = |t: EntityType| t as u8;
    (0..tags.len())
        .map(|i| {
            let continues = |j: usize, ty: EntityType| matches!(tags.get(j), Some(Tag::I(t)) if *t == ty);
            match tags[i] {
                Tag::O => 0,
                Tag::B(ty) | Tag::I(ty) => {
                    let begins = matches!(tags[i], Tag::B(_))
                        || !matches!(i.checked_sub(1).map(|p| tags[p]), Some(Tag::B(t) | Tag::I(t)) if t == ty);
                    let pos = match (begins, continues(i + 1, ty)) {
                        (true, true) => 0,
                        (false, true) => 1,
                        (false, false) => 2,
                        (true, false) => 3,
                    };
                    1 + 4 * ty_index(ty) + pos
                }
            }
        })
        .collect()
}

/// Decodes IOB2 tags into `(first token, end token, type)` spans. An `I-X`
/// that does not continue an `X` starts a new span (the lenient reading).
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    spans_into(tags, &mut out);
    out
}

/// [`spans`] into `out`, which is cleared first.
pub(crate) fn spans_into(tags: &[Tag], out: &mut Vec<(usize, usize, EntityType)>) {
    out.clear();
    let mut cur: Option<(usize, EntityType)> = None;
    for (i, t) in tags.iter().enumerate() {
        match *t {
            Tag::I(ty) if cur.is_some_and(|(_, c)| c == ty) => {}
            Tag::B(ty) | Tag::I(ty) => {
                if let Some((a, c)) = cur {
                    out.push((a, i, c));
                }
                cur = Some((i, ty));
            }
            Tag::O => {
                if let Some((a, c)) = cur.take() {
                    out.push((a, i, c));
                }
            }
        }
    }
    if let Some((a, c)) = cur {
        out.push((a, tags.len(), c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_decoding_is_lenient() {
        use EntityType::*;
        let tags = [
            Tag::B(Per),
            Tag::I(Per),
            Tag::O,
            Tag::I(Loc),
            Tag::B(Loc),
            Tag::I(Org),
        ];
        assert_eq!(
            spans(&tags),
            [(0, 2, Per), (3, 4, Loc), (4, 5, Loc), (5, 6, Org)]
        );
    }

    #[test]
    fn tags_round_trip_through_text() {
        for s in ["O", "B-PER", "I-ORG", "B-LOC", "I-MISC"] {
            assert_eq!(Tag::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Tag::parse("B-FOO"), None);
    }

    #[test]
    fn tags_people_places_and_organisations() {
        let doc = vec![
            vec![
                "Russian",
                "President",
                "Vladimir",
                "Putin",
                "met",
                "Kim",
                "Jong-Un",
                "in",
                "Moscow",
                ".",
            ],
            vec![
                "Shares", "of", "General", "Motors", "Corp.", "rose", "on", "Tuesday", ".",
            ],
        ];
        let tags: Vec<Vec<String>> = tag_document(&doc)
            .iter()
            .map(|s| s.iter().map(Tag::to_string).collect())
            .collect();
        assert_eq!(
            tags[0],
            ["B-MISC", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]
        );
        assert_eq!(
            tags[1],
            ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]
        );
    }

    #[test]
    fn bilou_classes_round_trip_through_iob2() {
        let tags: Vec<Tag> = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]
            .iter()
            .map(|t| Tag::parse(t).unwrap())
            .collect();
        let classes = tags_to_classes(&tags);
        assert_eq!(classes, [1, 2, 3, 0, 12, 12, 8]); // B I L O U-LOC U-LOC U-ORG
        let back: Vec<Tag> = classes.into_iter().map(class_to_tag).collect();
        assert_eq!(back[..6], tags[..6]);
        assert_eq!(back[6], Tag::B(EntityType::Org)); // a stray I- starts an entity
    }

    #[test]
    fn output_has_the_shape_of_the_input() {
        let doc = vec![
            vec!["Putin", "met", "Kim", "Jong-Un", "."],
            vec![],
            vec!["Hi"],
        ];
        let tags = tag_document(&doc);
        assert_eq!(tags.iter().map(Vec::len).collect::<Vec<_>>(), [5, 0, 1]);
    }
}
