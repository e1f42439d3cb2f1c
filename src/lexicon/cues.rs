//! The cue lexicon: words that introduce attributed speech, thought or findings,
//! by class. Looked up by a crude lemma (see [`lemma`]), so "warned", "warns"
//! and "warning" all find "warn".

/// What kind of attribution a cue word signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CueList {
    /// Said, told, added, warned, tweeted, ...
    Speech = 1,
    /// Believes, thinks, expects, fears, ...
    Belief = 2,
    /// Shows, found, reported, documented, revealed, ...
    Finding = 3,
    /// Wants, plans, vows, calls (for), urges, ...
    Intention = 4,
    /// Statement, interview, remarks, according (to), ...
    Noun = 5,
}

const SPEECH: &[&str] = &[
    "say",
    "said",
    "tell",
    "told",
    "add",
    "state",
    "announc",
    "warn",
    "argu",
    "argue",
    "claim",
    "insist",
    "explain",
    "declar",
    "declare",
    "confirm",
    "acknowledg",
    "acknowledge",
    "admit",
    "admitt",
    "deny",
    "deni",
    "deni",
    "stress",
    "reiterat",
    "reiterate",
    "note",
    "not",
    "writ",
    "write",
    "wrote",
    "tweet",
    "repli",
    "reply",
    "respond",
    "continu",
    "continue",
    "emphasiz",
    "emphasize",
    "emphasis",
    "emphasise",
    "recall",
    "suggest",
    "ask",
    "assert",
    "contend",
    "maintain",
    "predict",
    "promis",
    "promise",
    "pledg",
    "pledge",
    "vow",
    "joke",
    "quipp",
    "quip",
    "boast",
    "brag",
    "complain",
    "lament",
    "accus",
    "accuse",
    "charg",
    "charge",
    "allege",
    "alleg",
    "concede",
    "conced",
    "point",
    "remark",
    "describ",
    "describe",
    "call",
    "urg",
    "urge",
    "demand",
    "testifi",
    "testify",
    "report",
    "spoke",
    "speak",
    "post",
    "posted",
    "mention",
    "told",
    "question",
    "criticiz",
    "criticize",
    "prais",
    "praise",
    "attack",
    "slam",
    "blast",
    "dismiss",
    "rejected",
    "reject",
    "push",
    "counter",
    "agre",
    "agree",
    "disagre",
    "disagree",
    "cit",
    "cite",
    "indicat",
    "indicate",
    "signal",
    "hint",
    "recount",
    "reveal",
    "disclos",
    "disclose",
    "conclud",
    "conclude",
    "observ",
    "observe",
    "proclaim",
    "shout",
    "yell",
    "scream",
    "whisper",
    "predict",
    "forecast",
    "estimat",
    "estimate",
    "rule",
    "decid",
    "decide",
    "caution",
    "advis",
    "advise",
    "recommend",
    "propos",
    "propose",
    "offer",
    "threaten",
    "wonder",
    "quote",
    "quot",
    "echo",
    "parrot",
    "repeat",
    "suggest",
    "maintain",
    "insist",
    "affirm",
    "assur",
    "assure",
    "guarantee",
    "swear",
    "swore",
    "retort",
    "chim",
    "chime",
    "interject",
    "muse",
    "mus",
    "sigh",
    "exclaim",
    "respond",
];
const BELIEF: &[&str] = &[
    "believ",
    "believe",
    "think",
    "thought",
    "feel",
    "felt",
    "expect",
    "hope",
    "fear",
    "know",
    "knew",
    "known",
    "doubt",
    "suspect",
    "assum",
    "assume",
    "consider",
    "view",
    "see",
    "saw",
    "worri",
    "worry",
    "concern",
    "convinc",
    "convince",
    "sure",
    "certain",
    "confident",
    "imagin",
    "imagine",
    "understand",
    "understood",
    "realiz",
    "realize",
    "recogniz",
    "recognize",
    "agree",
    "trust",
    "bet",
    "guess",
    "reckon",
    "figur",
    "figure",
    "seem",
    "appear",
    "perceiv",
    "perceive",
    "regard",
    "deem",
    "judg",
    "judge",
    "learn",
    "learned",
    "aware",
    "skeptical",
    "optimistic",
    "pessimistic",
];
const FINDING: &[&str] = &[
    "show",
    "shown",
    "find",
    "found",
    "report",
    "document",
    "reveal",
    "indicat",
    "indicate",
    "suggest",
    "demonstrat",
    "demonstrate",
    "prove",
    "prov",
    "confirm",
    "conclud",
    "conclude",
    "estimat",
    "estimate",
    "project",
    "predict",
    "discover",
    "uncover",
    "detail",
    "determin",
    "determine",
    "establish",
    "measur",
    "measure",
    "record",
    "count",
    "tally",
    "rank",
    "rat",
    "rate",
    "gave",
    "give",
    "lead",
    "led",
    "trail",
    "signal",
    "point",
    "note",
];
const INTENTION: &[&str] = &[
    "want",
    "plan",
    "intend",
    "aim",
    "vow",
    "promis",
    "promise",
    "pledg",
    "pledge",
    "call",
    "urg",
    "urge",
    "demand",
    "seek",
    "sought",
    "ask",
    "push",
    "press",
    "propos",
    "propose",
    "threaten",
    "vow",
    "commit",
    "wish",
    "hope",
    "decid",
    "decide",
    "refus",
    "refuse",
    "agre",
    "agree",
    "offer",
    "insist",
    "encourag",
    "encourage",
    "plead",
    "beg",
    "challeng",
    "challenge",
    "invit",
    "invite",
    "order",
    "instruct",
    "direct",
    "request",
    "recommend",
];
const NOUNS: &[&str] = &[
    "accord",
    "according",
    "statement",
    "interview",
    "remark",
    "comment",
    "tweet",
    "speech",
    "testimony",
    "letter",
    "email",
    "release",
    "report",
    "poll",
    "survey",
    "study",
    "analysi",
    "analysis",
    "memo",
    "op-ed",
    "editorial",
    "column",
    "claim",
    "view",
    "opinion",
    "argument",
    "assessment",
    "estimate",
    "projection",
    "data",
    "record",
    "document",
    "filing",
    "word",
    "message",
    "post",
    "video",
    "ad",
    "advertisement",
    "quote",
    "transcript",
    "briefing",
    "conference",
    "appearance",
    "rally",
    "debate",
    "accusation",
    "allegation",
    "promise",
    "pledge",
    "warning",
    "announcement",
    "explanation",
    "argument",
    "message",
];

/// A crude lemma: lower case with a common inflectional suffix removed.
pub fn lemma(word: &str, buf: &mut String) {
    buf.clear();
    // ASCII's lower case is its ASCII lower case: no per-char mapping needed.
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            buf.extend(c.to_lowercase());
        }
    }
    let n = strip_inflection(buf).len();
    buf.truncate(n);
}

/// The cue classes of `word` as written (any case, inflected): the one
/// answer to "is this a cue word, and of what?". Its crude lemma is looked
/// up, then the lemma with a lost final "e" put back ("stated" -> "state").
pub fn classes_of(word: &str) -> u8 {
    let mut buf = String::with_capacity(word.len() + 1);
    lemma(word, &mut buf);
    classes_of_stem(&mut buf)
}

/// [`classes`] of a crude lemma in `buf`, or of it with an "e" added when
/// it has none: "stated" -> "stat" -> "state", a stem that lost its final
/// e. `buf` may end with the added e.
pub fn classes_of_stem(buf: &mut String) -> u8 {
    let set = classes(buf);
    if set != 0 {
        return set;
    }
    buf.push('e');
    classes(buf)
}

/// The crude lemma of an already lower-cased word: it without "ing", "ed",
/// "es" or "s" when enough is left.
pub fn strip_inflection(lower: &str) -> &str {
    let n = lower.len();
    for suf in ["ing", "ed", "es", "s"] {
        if n > suf.len() + 2 && lower.ends_with(suf) && lower.is_char_boundary(n - suf.len()) {
            return &lower[..n - suf.len()];
        }
    }
    lower
}

/// The cue classes of a lemma, as a bit set (bit `c` for class value `c`).
pub fn classes(lemma: &str) -> u8 {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = rustc_hash::FxHashMap::default();
        for (list, class) in [
            (SPEECH, CueList::Speech),
            (BELIEF, CueList::Belief),
            (FINDING, CueList::Finding),
            (INTENTION, CueList::Intention),
            (NOUNS, CueList::Noun),
        ] {
            for w in list {
                // A word listed under several classes has them all.
                *t.entry(*w).or_insert(0) |= 1u8 << class as u8;
            }
        }
        t
    });
    table.get(lemma).copied().unwrap_or(0)
}

/// The first (strongest) class in a set from [`classes`].
pub fn first_class(set: u8) -> Option<CueList> {
    [
        CueList::Speech,
        CueList::Belief,
        CueList::Finding,
        CueList::Intention,
        CueList::Noun,
    ]
    .into_iter()
    .find(|c| set & (1 << *c as u8) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_lemma() {
        let mut b = String::new();
        for w in ["warned", "warns", "Warning"] {
            lemma(w, &mut b);
            assert_eq!(b, "warn");
        }
        lemma("said", &mut b);
        assert_eq!(first_class(classes(&b)), Some(CueList::Speech));
        lemma("showing", &mut b);
        assert_eq!(first_class(classes(&b)), Some(CueList::Finding));
        lemma("table", &mut b);
        assert_eq!(classes(&b), 0);
        // Letters beyond ASCII are lower-cased too ("ÉTUDES" -> "étud").
        lemma("ÉTUDES", &mut b);
        assert_eq!(b, "étud");
    }

    #[test]
    fn a_word_is_a_cue_by_one_rule() {
        // "stated" strips to "stat", which is found with its "e" put back.
        assert_eq!(first_class(classes_of("stated")), Some(CueList::Speech));
        assert_eq!(first_class(classes_of("Believes")), Some(CueList::Belief));
        assert_eq!(first_class(classes_of("statement")), Some(CueList::Noun));
        assert_eq!(classes_of("table"), 0);
    }
}
