//! The cue lexicon: words that introduce attributed speech, thought or findings,
//! by class. Looked up by a crude lemma (see [`lemma`]), so "warned", "warns"
//! and "warning" all find "warn".

/// What kind of attribution a cue word signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CueClass {
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
    "say", "said", "tell", "told", "add", "state", "announc", "warn", "argu", "argue", "claim",
    "insist", "explain", "declar", "declare", "confirm", "acknowledg", "acknowledge", "admit",
    "admitt", "deny", "deni", "deni", "stress", "reiterat", "reiterate", "note", "not", "writ",
    "write", "wrote", "tweet", "repli", "reply", "respond", "continu", "continue", "emphasiz",
    "emphasize", "emphasis", "emphasise", "recall", "suggest", "ask", "assert", "contend",
    "maintain", "predict", "promis", "promise", "pledg", "pledge", "vow", "joke", "quipp", "quip",
    "boast", "brag", "complain", "lament", "accus", "accuse", "charg", "charge", "allege",
    "alleg", "concede", "conced", "point", "remark", "describ", "describe", "call", "urg", "urge",
    "demand", "testifi", "testify", "report", "spoke", "speak", "post", "posted", "mention",
    "told", "question", "criticiz", "criticize", "prais", "praise", "attack", "slam", "blast",
    "dismiss", "rejected", "reject", "push", "counter", "agre", "agree", "disagre", "disagree",
    "cit", "cite", "indicat", "indicate", "signal", "hint", "recount", "reveal", "disclos",
    "disclose", "conclud", "conclude", "observ", "observe", "proclaim", "shout", "yell",
    "scream", "whisper", "predict", "forecast", "estimat", "estimate", "rule", "decid",
    "decide", "caution", "advis", "advise", "recommend", "propos", "propose", "offer",
    "threaten", "wonder", "quote", "quot", "echo", "parrot", "repeat", "suggest", "maintain",
    "insist", "affirm", "assur", "assure", "guarantee", "swear", "swore", "retort", "chim",
    "chime", "interject", "muse", "mus", "sigh", "exclaim", "respond",
];
const BELIEF: &[&str] = &[
    "believ", "believe", "think", "thought", "feel", "felt", "expect", "hope", "fear", "know",
    "knew", "known", "doubt", "suspect", "assum", "assume", "consider", "view", "see", "saw",
    "worri", "worry", "concern", "convinc", "convince", "sure", "certain", "confident",
    "imagin", "imagine", "understand", "understood", "realiz", "realize", "recogniz",
    "recognize", "agree", "trust", "bet", "guess", "reckon", "figur", "figure", "seem",
    "appear", "perceiv", "perceive", "regard", "deem", "judg", "judge", "learn", "learned",
    "aware", "skeptical", "optimistic", "pessimistic",
];
const FINDING: &[&str] = &[
    "show", "shown", "find", "found", "report", "document", "reveal", "indicat", "indicate",
    "suggest", "demonstrat", "demonstrate", "prove", "prov", "confirm", "conclud", "conclude",
    "estimat", "estimate", "project", "predict", "discover", "uncover", "detail", "determin",
    "determine", "establish", "measur", "measure", "record", "count", "tally", "rank", "rat",
    "rate", "gave", "give", "lead", "led", "trail", "signal", "point", "note",
];
const INTENTION: &[&str] = &[
    "want", "plan", "intend", "aim", "vow", "promis", "promise", "pledg", "pledge", "call",
    "urg", "urge", "demand", "seek", "sought", "ask", "push", "press", "propos", "propose",
    "threaten", "vow", "commit", "wish", "hope", "decid", "decide", "refus", "refuse", "agre",
    "agree", "offer", "insist", "encourag", "encourage", "plead", "beg", "challeng",
    "challenge", "invit", "invite", "order", "instruct", "direct", "request", "recommend",
];
const NOUNS: &[&str] = &[
    "accord", "according", "statement", "interview", "remark", "comment", "tweet", "speech",
    "testimony", "letter", "email", "release", "report", "poll", "survey", "study", "analysi",
    "analysis", "memo", "op-ed", "editorial", "column", "claim", "view", "opinion", "argument",
    "assessment", "estimate", "projection", "data", "record", "document", "filing", "word",
    "message", "post", "video", "ad", "advertisement", "quote", "transcript", "briefing",
    "conference", "appearance", "rally", "debate", "accusation", "allegation", "promise",
    "pledge", "warning", "announcement", "explanation", "argument", "message",
];

/// A crude lemma: lower case with a common inflectional suffix removed.
pub fn lemma(word: &str, buf: &mut String) {
    buf.clear();
    for c in word.chars() {
        buf.extend(c.to_lowercase());
    }
    let n = buf.len();
    for suf in ["ing", "ed", "es", "s"] {
        if n > suf.len() + 2 && buf.ends_with(suf) && buf.is_char_boundary(n - suf.len()) {
            buf.truncate(n - suf.len());
            break;
        }
    }
}

/// The cue classes of a lemma, as a bit set (bit `c` for class value `c`).
pub fn classes(lemma: &str) -> u8 {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, u8)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: Vec<(&'static str, u8)> = Vec::new();
        for (list, class) in [
            (SPEECH, CueClass::Speech),
            (BELIEF, CueClass::Belief),
            (FINDING, CueClass::Finding),
            (INTENTION, CueClass::Intention),
            (NOUNS, CueClass::Noun),
        ] {
            t.extend(list.iter().map(|w| (*w, 1u8 << class as u8)));
        }
        t.sort_unstable();
        // Merge the classes of words listed more than once.
        let mut merged: Vec<(&'static str, u8)> = Vec::with_capacity(t.len());
        for (w, c) in t {
            match merged.last_mut() {
                Some((lw, lc)) if *lw == w => *lc |= c,
                _ => merged.push((w, c)),
            }
        }
        merged
    });
    table
        .binary_search_by(|(w, _)| (*w).cmp(lemma))
        .map_or(0, |i| table[i].1)
}

/// The first (strongest) class in a set from [`classes`].
pub fn first_class(set: u8) -> Option<CueClass> {
    [
        CueClass::Speech,
        CueClass::Belief,
        CueClass::Finding,
        CueClass::Intention,
        CueClass::Noun,
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
        assert_eq!(first_class(classes(&b)), Some(CueClass::Speech));
        lemma("showing", &mut b);
        assert_eq!(first_class(classes(&b)), Some(CueClass::Finding));
        lemma("table", &mut b);
        assert_eq!(classes(&b), 0);
    }
}
