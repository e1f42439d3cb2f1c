//! The public result: one serialisable [`Analysis`] per article.
//!
//! Offsets are byte offsets into the analysed text when produced by
//! [`crate::extract`]; [`Analysis::into_utf16`] rewrites every offset into
//! UTF-16 code units (what JavaScript's `String.prototype.slice` takes). That
//! conversion lives here and nowhere else, so the two units can never disagree.

use serde::{Deserialize, Serialize};

/// The unit every `start`/`end` in an [`Analysis`] is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes: the Rust API's unit; `&text[start..end]` gives the span.
    Bytes,
    /// UTF-16 code units: the unit of the JS API and the CLI.
    Utf16,
    /// Unicode scalar values (code points): what Python's `str` indexes.
    Chars,
}

thread_local! {
    /// Whether span texts are left out while an analysis is serialised (see
    /// [`serialize_without_span_texts`]).
    static WITHOUT_SPAN_TEXTS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Serialises with every span's `text` written as `null`: for a reader that
/// holds the analysed text already and slices it at `start..end` itself
/// (the JavaScript API does, rather than copying each text out of wasm).
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn serialize_without_span_texts<R>(serialize: impl FnOnce() -> R) -> R {
    WITHOUT_SPAN_TEXTS.set(true);
    let out = serialize();
    WITHOUT_SPAN_TEXTS.set(false);
    out
}

/// A span's `text`, or `null` inside [`serialize_without_span_texts`].
fn span_text<S: serde::Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    if WITHOUT_SPAN_TEXTS.get() {
        serializer.serialize_none()
    } else {
        serializer.serialize_str(text)
    }
}

/// A piece of the input: `text` always equals the input sliced at `start..end`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    #[serde(serialize_with = "span_text")]
    pub text: String,
}

impl Span {
    /// The span `start..end` (bytes) of `source`.
    pub fn of(source: &str, start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            text: source[start..end].to_string(),
        }
    }
}

/// Entity and mention labels: OntoNotes names where the system can tell them
/// apart, `MISC` for other named things.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Label {
    Person,
    Norp,
    Fac,
    Org,
    Gpe,
    Loc,
    Product,
    Event,
    WorkOfArt,
    Law,
    Language,
    Date,
    Time,
    Percent,
    Money,
    Quantity,
    Ordinal,
    Cardinal,
    Misc,
}

impl Label {
    pub const ALL: [Label; 19] = [
        Label::Person,
        Label::Norp,
        Label::Fac,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Product,
        Label::Event,
        Label::WorkOfArt,
        Label::Law,
        Label::Language,
        Label::Date,
        Label::Time,
        Label::Percent,
        Label::Money,
        Label::Quantity,
        Label::Ordinal,
        Label::Cardinal,
        Label::Misc,
    ];

    /// A date, a time or an amount: a value the text states, never a name
    /// that could speak or be spoken of.
    pub fn is_value(self) -> bool {
        matches!(
            self,
            Label::Date
                | Label::Time
                | Label::Percent
                | Label::Money
                | Label::Quantity
                | Label::Ordinal
                | Label::Cardinal
        )
    }

    /// The name used in the JSON schema (`"PERSON"`, `"WORK_OF_ART"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Product => "PRODUCT",
            Label::Event => "EVENT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
            Label::Language => "LANGUAGE",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Percent => "PERCENT",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
            Label::Misc => "MISC",
        }
    }

    /// The CoNLL-2003 type this label is scored as, or `None` for the types
    /// CoNLL does not annotate (dates, numbers, ...).
    pub fn conll(self) -> Option<&'static str> {
        match self {
            Label::Person => Some("PER"),
            Label::Org => Some("ORG"),
            Label::Gpe | Label::Loc | Label::Fac => Some("LOC"),
            Label::Norp
            | Label::Product
            | Label::Event
            | Label::WorkOfArt
            | Label::Law
            | Label::Language
            | Label::Misc => Some("MISC"),
            _ => None,
        }
    }

    /// Whether this is a name (as opposed to a date, amount or number).
    pub fn is_named(self) -> bool {
        self.conll().is_some()
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a mention is made of: a name, a pronoun ("he") or a role noun ("the spokesman").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Name,
    Pronoun,
    Nominal,
}

/// One occurrence of a named thing, date or amount in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    #[serde(serialize_with = "span_text")]
    pub text: String,
    pub label: Label,
    /// Index into [`Analysis::entities`].
    pub entity: Option<usize>,
    pub kind: MentionKind,
}

/// A person, organisation, place, ... with all its mentions in the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Equal to the entity's index in [`Analysis::entities`].
    pub id: usize,
    /// The fullest proper form of the name ("Kim Jong-Un", not "Kim").
    pub name: String,
    pub label: Label,
    /// Indices into [`Analysis::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// For people: a title or role noun ("President", "spokesperson").
    pub role: Option<String>,
    /// For people: the organisation or country the role belongs to; for a
    /// US party-and-state label ("Sen. Jane Roe (D-N.Y.)"), the state as
    /// written ("N.Y."), never the party.
    pub affiliation: Option<String>,
    /// The affiliation's entity, where it is one of the article's entities.
    pub affiliation_entity: Option<usize>,
    /// For a country: its ISO 3166-1 alpha-2 code ("US").
    pub country: Option<String>,
    /// For a nationality or group ("Russian"): the country it relates to, by code.
    pub related: Option<String>,
    /// How central the entity is to the article, in `0.0..=1.0`.
    pub salience: f32,
}

/// Where a boilerplate line was found and what kind it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub start: usize,
    pub end: usize,
    #[serde(serialize_with = "span_text")]
    pub text: String,
    pub kind: BoilerplateKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateKind {
    /// The headline printed again inside the body.
    RepeatedTitle,
    /// "Last update :", "Published 12 March 2023" and the like.
    Stamp,
    /// Comment policies and moderation notices.
    CommentPolicy,
    /// "Share this", "Read more", "Click here to subscribe", ...
    Promo,
    /// "© 2024 Example News. All rights reserved."
    Copyright,
    /// A stray label or separator with no content of its own ("|", "Advertisement").
    Label,
    /// A copied web page's menus and link lists before the story.
    Navigation,
    /// Headlines (and teasers) of other stories.
    Related,
    /// Share and follow buttons ("Share", "Tweet", "Follow on Facebook").
    Share,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Cookie and consent notices.
    Cookie,
    /// Readers' comments and the comment thread's controls.
    Comments,
    /// What follows the story on a page: link lists, legal and contact lines.
    Footer,
    /// Photo credits ("Photo: Reuters", "JIM WATSON/AFP/Getty Images").
    Credit,
}

/// The layout of the article: what is headline, metadata, body and boilerplate.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<Span>,
    /// The agency or outlet the story comes from ("Source: Anadolu Agency", "(Reuters)").
    pub source: Option<Span>,
    /// "MOSCOW (Reuters) -".
    pub dateline: Option<Span>,
    /// The author's name from a "By Jane Doe" line.
    pub byline: Option<Span>,
    /// A publication or update stamp that carries a value ("Updated 14:02 GMT").
    pub updated: Option<Span>,
    /// Body paragraphs, in order (the title, metadata lines and boilerplate are not among them).
    pub paragraphs: Vec<Span>,
    pub boilerplate: Vec<Boilerplate>,
    /// When the article was first published (ISO 8601, from a page's metadata).
    pub published: Option<String>,
    /// When it was last modified (ISO 8601, from a page's metadata).
    pub modified: Option<String>,
    /// Who wrote it: from a page's metadata or visible byline.
    pub authors: Vec<String>,
    /// The site or publication's name ("The Daily").
    pub site_name: Option<String>,
    /// The page's canonical address.
    pub url: Option<String>,
    /// The page's language ("en", "en-GB").
    pub lang: Option<String>,
    /// The page's own summary of the article.
    pub description: Option<String>,
    /// What the page stage set aside around the story (menus, related
    /// links, comments, ...), in page order. Not part of the analysed text,
    /// so it has no offsets. Empty for text input.
    pub set_aside: Vec<SetAside>,
}

/// A run of the page left out of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetAside {
    pub kind: SetAsideKind,
    /// Its text, one block a line.
    pub text: String,
    /// How many blocks (menu entries, links, comments...) it holds.
    pub blocks: usize,
}

/// What a run that was set aside is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetAsideKind {
    Navigation,
    Related,
    Comments,
    Share,
    Newsletter,
    Cookie,
    Advertisement,
    Footer,
    Other,
}

/// Direct: the whole sentence is a quotation; partial: a quoted phrase inside
/// a sentence; indirect: reported speech, thought or finding without quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

/// What a quote's cue says it is, so readers can filter statements from
/// beliefs and findings: speech ("said", "told", "a statement", "according
/// to"), belief ("believes", "fears"), finding ("showed", "found",
/// "documented") or intention ("plans", "vowed", "called for").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    Speech,
    Belief,
    Finding,
    Intention,
}

/// Who is quoted: a span of the text and, where known, the entity it refers to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    #[serde(serialize_with = "span_text")]
    pub text: String,
    /// Index into [`Analysis::entities`].
    pub entity: Option<usize>,
    /// For "they" standing for speakers no entity names ("Officials said
    /// ... They said"): the earlier speaker phrase it stands for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<Span>,
}

/// Something someone said (or is reported to have said), with who and how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The quoted content, without its quotation marks; for indirect speech,
    /// the reported clause. A quotation interrupted by its attribution
    /// ("'We will,' he said, 'do it.'") is one quote running from the first
    /// part to the last, attribution included; a quotation that continues
    /// over several paragraphs is one quote too.
    pub start: usize,
    pub end: usize,
    #[serde(serialize_with = "span_text")]
    pub text: String,
    /// Who said it: a name, a description ("a senior official") or a
    /// pronoun, with the entity it refers to (pronouns and role nouns resolved).
    pub speaker: Option<Speaker>,
    /// The verb or phrase that attributes it ("said", "according to").
    pub cue: Option<Span>,
    /// What the cue says the quote is; quotation-marked quotes without a
    /// cue are speech. `None` for reported content whose cue is unknown.
    pub cue_class: Option<CueClass>,
}

/// Everything newslens reads out of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The newslens version that produced this result.
    pub version: String,
    pub offsets: OffsetUnit,
    pub article: Article,
    pub sentences: Vec<Span>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    /// The text every offset indexes when it is not the input itself: the
    /// article text built from a page's HTML (headline, then the body's
    /// paragraphs separated by blank lines). Absent for text input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Analysis {
    /// Rewrites every offset from bytes into UTF-16 code units of `text`
    /// (the text this analysis was made from), as the JS API and CLI report them.
    pub fn into_utf16(self, text: &str) -> Analysis {
        self.into_unit(text, OffsetUnit::Utf16)
    }

    /// Rewrites every offset from bytes into `unit`s of `text` (the text this
    /// analysis was made from).
    ///
    /// # Panics
    /// If the analysis is not in bytes (convert from the original only once).
    pub fn into_unit(mut self, text: &str, unit: OffsetUnit) -> Analysis {
        assert_eq!(
            self.offsets,
            OffsetUnit::Bytes,
            "offsets are converted once, from bytes"
        );
        if OffsetMap::counts_bytes(text, unit) {
            // Every offset stays as it is: nothing to collect or rewrite.
            self.offsets = unit;
            return self;
        }
        let map = OffsetMap::new(text, self.byte_offsets(), unit);
        self.visit_offsets(&mut |o| *o = map.get(*o));
        self.offsets = unit;
        self
    }

    /// [`Analysis::into_unit`] against the text the analysis indexes: its
    /// own `text` when it carries one (a page's article, from
    /// [`crate::extract_html`]), else `input`.
    pub fn into_unit_of(mut self, input: &str, unit: OffsetUnit) -> Analysis {
        match self.text.take() {
            Some(own) => {
                let mut a = self.into_unit(&own, unit);
                a.text = Some(own);
                a
            }
            None => self.into_unit(input, unit),
        }
    }

    /// Every `start` and `end` in the analysis (with repeats, in no order).
    pub(crate) fn byte_offsets(&mut self) -> Vec<usize> {
        let mut offsets = Vec::new();
        self.visit_offsets(&mut |o| offsets.push(*o));
        offsets
    }

    /// Calls `f` on every `start` and `end` in the analysis.
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        fn span(s: &mut Span, f: &mut dyn FnMut(&mut usize)) {
            f(&mut s.start);
            f(&mut s.end);
        }
        let a = &mut self.article;
        for s in [
            &mut a.title,
            &mut a.source,
            &mut a.dateline,
            &mut a.byline,
            &mut a.updated,
        ]
        .into_iter()
        .flatten()
        {
            span(s, f);
        }
        a.paragraphs.iter_mut().for_each(|s| span(s, f));
        for b in &mut a.boilerplate {
            f(&mut b.start);
            f(&mut b.end);
        }
        self.sentences.iter_mut().for_each(|s| span(s, f));
        for m in &mut self.mentions {
            f(&mut m.start);
            f(&mut m.end);
        }
        for q in &mut self.quotes {
            f(&mut q.start);
            f(&mut q.end);
            if let Some(s) = &mut q.speaker {
                f(&mut s.start);
                f(&mut s.end);
                if let Some(r) = &mut s.refers_to {
                    span(r, f);
                }
            }
            if let Some(c) = &mut q.cue {
                span(c, f);
            }
        }
    }
}

/// Byte offset -> offset in another unit for a known set of byte offsets,
/// computed in one pass over the text (O(n + k log k), no per-byte table).
pub(crate) enum OffsetMap {
    /// ASCII text, which most wire copy is: every unit is a byte.
    Same,
    /// The known byte offsets, sorted, and each one's offset in the unit.
    Table {
        bytes: Vec<usize>,
        units: Vec<usize>,
    },
}

impl OffsetMap {
    /// Whether `unit`s of `text` are its bytes: the unit is bytes, or the
    /// text is ASCII, where every character is one byte and one unit.
    fn counts_bytes(text: &str, unit: OffsetUnit) -> bool {
        unit == OffsetUnit::Bytes || text.is_ascii()
    }

    pub(crate) fn new(text: &str, mut bytes: Vec<usize>, unit: OffsetUnit) -> OffsetMap {
        if OffsetMap::counts_bytes(text, unit) {
            return OffsetMap::Same;
        }
        bytes.sort_unstable();
        bytes.dedup();
        // Offsets lie on character boundaries, so the units between two of
        // them can be counted from the bytes alone: one per byte that starts
        // a character, and in UTF-16 a second for a four-byte character.
        let count = |s: &[u8]| -> usize {
            s.iter()
                .map(|&b| {
                    let starts = (b & 0xC0 != 0x80) as usize;
                    let pair = (unit == OffsetUnit::Utf16 && b >= 0xF0) as usize;
                    starts + pair
                })
                .sum()
        };
        let mut units = Vec::with_capacity(bytes.len());
        let (mut prev, mut pos) = (0, 0);
        for &b in &bytes {
            let b = b.min(text.len());
            pos += count(&text.as_bytes()[prev..b]);
            prev = b;
            units.push(pos);
        }
        OffsetMap::Table { bytes, units }
    }

    pub(crate) fn get(&self, byte: usize) -> usize {
        match self {
            OffsetMap::Same => byte,
            OffsetMap::Table { bytes, units } => {
                units[bytes.binary_search(&byte).expect("offset was collected")]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_texts_can_be_left_to_the_reader() {
        let span = Span::of("Putin met Kim.", 0, 5);
        let json = |s: &Span| serde_json::to_string(s).unwrap();
        assert_eq!(json(&span), r#"{"start":0,"end":5,"text":"Putin"}"#);
        let without = serialize_without_span_texts(|| json(&span));
        assert_eq!(without, r#"{"start":0,"end":5,"text":null}"#);
        // Only inside: the next serialisation has its text again.
        assert_eq!(json(&span), r#"{"start":0,"end":5,"text":"Putin"}"#);
    }

    #[test]
    fn utf16_conversion_counts_surrogate_pairs() {
        let text = "a😀b é";
        let b = text.find('b').unwrap();
        let mut a = crate::extract(text);
        a.sentences = vec![Span::of(text, b, text.len())];
        let a = a.into_utf16(text);
        assert_eq!(a.offsets, OffsetUnit::Utf16);
        // 'a' is one unit, the emoji two: 'b' starts at unit 3.
        assert_eq!(a.sentences[0].start, 3);
        assert_eq!(a.sentences[0].end, 6);
    }

    #[test]
    fn ascii_offsets_are_the_same_in_every_unit() {
        let text = "Putin met Kim Jong-un in Moscow on Monday.";
        let bytes = crate::extract(text);
        assert!(!bytes.mentions.is_empty());
        for unit in [OffsetUnit::Utf16, OffsetUnit::Chars] {
            let a = bytes.clone().into_unit(text, unit);
            assert_eq!(a.offsets, unit);
            let back = Analysis {
                offsets: OffsetUnit::Bytes,
                ..a
            };
            assert_eq!(back, bytes);
        }
    }

    #[test]
    fn char_offsets_count_code_points() {
        let text = "😀 Paris";
        let mut a = crate::extract(text);
        a.sentences = vec![Span::of(text, 5, text.len())];
        let a = a.into_unit(text, OffsetUnit::Chars);
        assert_eq!((a.sentences[0].start, a.sentences[0].end), (2, 7));
    }

    #[test]
    fn labels_serialise_as_ontonotes_names() {
        assert_eq!(
            serde_json::to_string(&Label::WorkOfArt).unwrap(),
            "\"WORK_OF_ART\""
        );
        for l in Label::ALL {
            assert_eq!(
                serde_json::to_string(&l).unwrap(),
                format!("\"{}\"", l.as_str())
            );
        }
        assert_eq!(Label::Gpe.conll(), Some("LOC"));
        assert_eq!(Label::Norp.conll(), Some("MISC"));
        assert_eq!(Label::Date.conll(), None);
    }
}
