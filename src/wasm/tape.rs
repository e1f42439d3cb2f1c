//! The analysis as a flat list of numbers, for `decode.js` to build the
//! JavaScript result from.
//!
//! Building the result field by field from Rust (serde-wasm-bindgen) crossed
//! from wasm into JavaScript for every field and decoded every span's text
//! from UTF-8: about a fifth of the time of `extract` on wire text. Here Rust
//! writes one `u32` tape and one string of the few texts that are not in the
//! input (entity names, roles, codes); JavaScript reads them in one call and
//! takes each span's text by slicing the input string it already holds.
//!
//! The layout, in the order `decode.js` reads it (`span` is `start, end` in
//! the requested unit, followed by the UTF-16 `start, end` when that unit is
//! not UTF-16; `opt` is 0 for none, else the value + 1; `str` is the UTF-16
//! offset and length of a piece of the string table, `opt str` has
//! `u32::MAX` alone for none):
//!
//! ```text
//! unit                       0 bytes, 1 utf16, 2 chars
//! version                    str
//! title source dateline byline updated:   0, or 1 span
//! paragraphs                 n, span * n
//! boilerplate                n, (span kind) * n
//! sentences                  n, span * n
//! mentions                   n, (span label opt-entity kind) * n
//! entities                   n, (id str label m mention*m opt-str role, opt-str affiliation,
//!                                opt affiliation_entity, opt-str country, opt-str related,
//!                                salience as f32 bits) * n
//! quotes                     n, (kind span (0 | 1 span opt-entity) (0 | 1 span) opt-cue_class) * n
//! ```
//!
//! Enums are their index in the tables at the top of `decode.js` (checked
//! against the Rust enums by a test below).

use crate::analysis::{Analysis, BoilerplateKind, CueClass, Label, MentionKind, OffsetMap};
use crate::analysis::{OffsetUnit, QuoteKind, Span};

/// A tape and its string table.
pub struct Tape {
    pub words: Vec<u32>,
    pub strings: String,
    /// Length of `strings` in UTF-16 code units.
    strings_utf16: u32,
    unit: Unit,
    utf16: OffsetMap,
}

/// The requested unit, when it is not UTF-16.
enum Unit {
    Utf16,
    Bytes,
    Other(OffsetMap),
}

const NONE: u32 = u32::MAX;

impl Tape {
    /// Encodes `analysis` (in byte offsets, straight from [`crate::extract`]
    /// on `text`) with offsets in `unit`.
    pub fn encode(mut analysis: Analysis, text: &str, unit: OffsetUnit) -> Tape {
        assert_eq!(analysis.offsets, OffsetUnit::Bytes, "encode from bytes");
        let bytes = analysis.byte_offsets();
        let unit_map = match unit {
            OffsetUnit::Utf16 => Unit::Utf16,
            OffsetUnit::Bytes => Unit::Bytes,
            OffsetUnit::Chars => Unit::Other(OffsetMap::new(text, bytes.clone(), unit)),
        };
        let mut t = Tape {
            words: Vec::with_capacity(64 + bytes.len() * 3),
            strings: String::new(),
            strings_utf16: 0,
            unit: unit_map,
            utf16: OffsetMap::new(text, bytes, OffsetUnit::Utf16),
        };
        t.words.push(match unit {
            OffsetUnit::Bytes => 0,
            OffsetUnit::Utf16 => 1,
            OffsetUnit::Chars => 2,
        });
        t.str(&analysis.version);
        let a = &analysis.article;
        for s in [&a.title, &a.source, &a.dateline, &a.byline, &a.updated] {
            match s {
                Some(s) => {
                    t.words.push(1);
                    t.span(s.start, s.end);
                }
                None => t.words.push(0),
            }
        }
        t.spans(&a.paragraphs);
        t.len(a.boilerplate.len());
        for b in &a.boilerplate {
            t.span(b.start, b.end);
            t.words.push(index(&BOILERPLATE_KINDS, b.kind));
        }
        t.spans(&analysis.sentences);
        t.len(analysis.mentions.len());
        for m in &analysis.mentions {
            t.span(m.start, m.end);
            t.words.push(index(&Label::ALL, m.label));
            t.opt(m.entity);
            t.words.push(index(&MENTION_KINDS, m.kind));
        }
        t.len(analysis.entities.len());
        for e in &analysis.entities {
            t.words.push(e.id as u32);
            t.str(&e.name);
            t.words.push(index(&Label::ALL, e.label));
            t.len(e.mentions.len());
            for &m in &e.mentions {
                t.words.push(m as u32);
            }
            t.opt_str(e.role.as_deref());
            t.opt_str(e.affiliation.as_deref());
            t.opt(e.affiliation_entity);
            t.opt_str(e.country.as_deref());
            t.opt_str(e.related.as_deref());
            t.words.push(e.salience.to_bits());
        }
        t.len(analysis.quotes.len());
        for q in &analysis.quotes {
            t.words.push(index(&QUOTE_KINDS, q.kind));
            t.span(q.start, q.end);
            match &q.speaker {
                Some(s) => {
                    t.words.push(1);
                    t.span(s.start, s.end);
                    t.opt(s.entity);
                }
                None => t.words.push(0),
            }
            match &q.cue {
                Some(c) => {
                    t.words.push(1);
                    t.span(c.start, c.end);
                }
                None => t.words.push(0),
            }
            t.opt(q.cue_class.map(|c| index(&CUE_CLASSES, c) as usize));
        }
        t
    }

    fn len(&mut self, n: usize) {
        self.words.push(n as u32);
    }

    fn span(&mut self, start: usize, end: usize) {
        let (s16, e16) = (self.utf16.get(start), self.utf16.get(end));
        let words = match &self.unit {
            Unit::Utf16 => return self.words.extend([s16 as u32, e16 as u32]),
            Unit::Bytes => [start, end, s16, e16],
            Unit::Other(u) => [u.get(start), u.get(end), s16, e16],
        };
        self.words.extend(words.map(|o| o as u32));
    }

    /// A count, then each span.
    fn spans(&mut self, spans: &[Span]) {
        self.len(spans.len());
        for s in spans {
            self.span(s.start, s.end);
        }
    }

    fn opt(&mut self, v: Option<usize>) {
        self.words.push(v.map_or(0, |v| v as u32 + 1));
    }

    fn str(&mut self, s: &str) {
        let n = s.encode_utf16().count() as u32;
        self.words.extend([self.strings_utf16, n]);
        self.strings.push_str(s);
        self.strings_utf16 += n;
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.words.push(NONE),
        }
    }
}

/// The position of `v` in `table`: its number on the tape (and in the table
/// of the same name in `decode.js`).
fn index<T: PartialEq>(table: &[T], v: T) -> u32 {
    table
        .iter()
        .position(|x| *x == v)
        .expect("every value is listed") as u32
}

const MENTION_KINDS: [MentionKind; 3] = [
    MentionKind::Name,
    MentionKind::Pronoun,
    MentionKind::Nominal,
];
const BOILERPLATE_KINDS: [BoilerplateKind; 14] = [
    BoilerplateKind::RepeatedTitle,
    BoilerplateKind::Stamp,
    BoilerplateKind::CommentPolicy,
    BoilerplateKind::Promo,
    BoilerplateKind::Copyright,
    BoilerplateKind::Label,
    BoilerplateKind::Navigation,
    BoilerplateKind::Related,
    BoilerplateKind::Share,
    BoilerplateKind::Newsletter,
    BoilerplateKind::Cookie,
    BoilerplateKind::Comments,
    BoilerplateKind::Footer,
    BoilerplateKind::Credit,
];
const QUOTE_KINDS: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect];
const CUE_CLASSES: [CueClass; 4] = [
    CueClass::Speech,
    CueClass::Belief,
    CueClass::Finding,
    CueClass::Intention,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `const NAME = [...];` as `decode.js` must spell it: the names serde
    /// gives the Rust values, in the tape's order.
    fn js_table<T: serde::Serialize>(name: &str, values: &[T]) -> String {
        let names: Vec<String> = values
            .iter()
            .map(|v| serde_json::to_string(v).unwrap().replace('"', "'"))
            .collect();
        format!("const {name} = [{}];", names.join(", "))
    }

    #[test]
    fn the_decoder_names_every_enum_value_in_tape_order() {
        let js = include_str!("decode.js");
        for table in [
            js_table("LABELS", &Label::ALL),
            js_table("MENTION_KINDS", &MENTION_KINDS),
            js_table("BOILERPLATE_KINDS", &BOILERPLATE_KINDS),
            js_table("QUOTE_KINDS", &QUOTE_KINDS),
            js_table("CUE_CLASSES", &CUE_CLASSES),
            js_table(
                "UNITS",
                &[OffsetUnit::Bytes, OffsetUnit::Utf16, OffsetUnit::Chars],
            ),
        ] {
            assert!(js.contains(&table), "decode.js lacks `{table}`");
        }
    }

    #[test]
    fn spans_carry_utf16_offsets_beside_other_units() {
        let text = "😀 Paris, France.";
        let a = crate::extract(text);
        let n = a.sentences.len();
        let t = Tape::encode(a, text, OffsetUnit::Chars);
        assert_eq!(t.words[0], 2);
        // unit, version (2), five absent article fields, then paragraphs.
        let p = 1 + 2 + 5;
        assert_eq!(t.words[p], 1, "one paragraph");
        // In chars the paragraph is 0..16; in UTF-16 the emoji counts 2.
        assert_eq!(&t.words[p + 1..p + 5], &[0, 16, 0, 17]);
        assert!(n >= 1);
        // The version, then the entities' names and codes.
        assert_eq!(t.words[1..3], [0, env!("CARGO_PKG_VERSION").len() as u32]);
        assert_eq!(
            t.strings,
            format!("{}ParisFranceFR", env!("CARGO_PKG_VERSION"))
        );
    }
}
