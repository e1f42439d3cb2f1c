//! Tokens and sentences, with byte offsets into the article text.
//!
//! Tokenisation follows the Penn-Treebank-like conventions of the CoNLL-2003
//! data the NER model is trained on, so that the model sees at run time the
//! same kind of tokens it learnt from: `U.S.`, `Jong-Un`, `1,000` and `3.5`
//! are one token; possessive `'s` and `n't` are tokens of their own; every
//! other punctuation mark is a token. Sentences are split on `.`, `!`, `?`
//! and ellipses, never after an abbreviation such as `Mr.` and never between
//! a closing quotation mark and the attribution that follows it in lower case
//! (`"Stop!" he said.` is one sentence).

use std::ops::Range;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits, hyphens, inner apostrophes and dots): `Putin`, `Jong-Un`, `U.S.`.
    Word,
    /// Digits with inner `.`, `,` or `:`: `2019`, `3.5`, `1,000`, `14:02`.
    Number,
    /// A clitic split off a word: `'s`, `n't`, `'ll`, ...
    Clitic,
    /// A quotation mark that can only open: `“`, `‘`, `«`, `„`.
    OpenQuote,
    /// A quotation mark that can only close: `”`, `»`.
    CloseQuote,
    /// `"` or `'` or `’`: opens or closes depending on context.
    Quote,
    /// Any other mark: `.`, `,`, `(`, `...`, `—`, `$`, an emoji.
    Punct,
}

impl TokenKind {
    /// Whether the token is a quotation mark of any kind.
    pub fn is_quote_mark(self) -> bool {
        matches!(
            self,
            TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Quote
        )
    }
}

/// One token: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A sentence: a run of tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Indices into the token list.
    pub tokens: Range<usize>,
    /// Byte span from the first token's start to the last token's end.
    pub start: usize,
    pub end: usize,
}

/// Abbreviations that keep their final dot. Titles and months never end a
/// sentence; the others ("U.S.", "Inc.") may, before a word that starts
/// sentences. "Del." is a delegate before a name ("said Del. Jane Roe") and
/// Delaware at a sentence's end ("Dover, Del. The state ..."), so it is one
/// of the others.
const TITLE_ABBREVS: &[&str] = &[
    "Adm", "Ald", "Apr", "Atty", "Aug", "Ave", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dec", "Dept",
    "Det", "Dr", "Insp", "Feb", "Fig", "Fr", "Ft", "Gen", "Gov", "Hon", "Jan", "Jul", "Jun", "Lt",
    "Maj", "Mar", "Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Nos", "Nov", "Oct", "Pres", "Prof",
    "Pte", "Rep", "Reps", "Rev", "Sen", "Sens", "Sep", "Sept", "Sgt", "St", "Supt", "approx", "cf",
    "e.g", "i.e", "vs",
];
const FINAL_ABBREVS: &[&str] = &[
    "Bros", "Co", "Corp", "Del", "Inc", "Jr", "Ltd", "Plc", "Sr", "a.m", "etc", "p.m",
];

/// Words that start sentences and rarely follow an abbreviation inside one:
/// after "U.S." or "Inc." they signal a boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "Earlier",
    "For",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Meanwhile",
    "On",
    "Our",
    "She",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "We",
    "When",
    "While",
    "You",
];

fn is_abbrev(word: &str, list: &[&str]) -> bool {
    list.contains(&word)
}

/// Marks that continue a word without being alphanumeric: combining marks,
/// zero-width joiners and variation selectors (so "é" written as e + U+0301
/// and emoji sequences stay whole).
fn is_word_continuation(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{200D}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
}

/// Inlined: it is asked of nearly every character, most of them ASCII.
#[inline(always)]
fn is_word_char(c: char) -> bool {
    // No ASCII character continues a word (the ranges above start at U+0300).
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_word_char_beyond_ascii(c)
}

fn is_word_char_beyond_ascii(c: char) -> bool {
    c.is_alphanumeric() || is_word_continuation(c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The clitics split off the word before them (PTB style).
const CLITICS: &[&str] = &[
    "s", "S", "ll", "LL", "re", "RE", "ve", "VE", "m", "M", "d", "D",
];

/// Tokenises `text[range]`, appending to `out`. Offsets are into `text`.
pub fn tokenize_into(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let s = &text[range.clone()];
    let base = range.start;
    let bytes = s.as_bytes();
    let mut i = 0;
    // The char at byte `i` of `s`, if any.
    let char_at = |i: usize| s[i..].chars().next();
    while i < s.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let Some(c) = char_at(i) else { break };
        if c.is_whitespace() || c.is_control() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let adjacent_word = out.last().is_some_and(|t| {
            t.end == base + start && matches!(t.kind, TokenKind::Word | TokenKind::Number)
        });
        if is_word_char(c) {
            let (end, kind) = scan_word(s, i);
            // Split "don't" into "do" + "n't".
            let word = &s[start..end];
            if kind == TokenKind::Word && end < s.len() {
                let rest = &s[end..];
                if word.len() > 1
                    && (word.ends_with('n') || word.ends_with('N'))
                    && rest.chars().next().is_some_and(is_apostrophe)
                {
                    let after = &rest[rest.chars().next().unwrap().len_utf8()..];
                    if (after.starts_with('t') || after.starts_with('T'))
                        && !after[1..].chars().next().is_some_and(is_word_char)
                    {
                        out.push(Token {
                            start: base + start,
                            end: base + end - 1,
                            kind,
                        });
                        let clitic_end = end + rest.chars().next().unwrap().len_utf8() + 1;
                        out.push(Token {
                            start: base + end - 1,
                            end: base + clitic_end,
                            kind: TokenKind::Clitic,
                        });
                        i = clitic_end;
                        continue;
                    }
                }
            }
            out.push(Token {
                start: base + start,
                end: base + end,
                kind,
            });
            i = end;
            continue;
        }
        let len = c.len_utf8();
        // Clitics: "'s", "’ll" right after a word.
        if is_apostrophe(c) && adjacent_word {
            let after = &s[i + len..];
            let word_len = after
                .find(|ch: char| !is_word_char(ch))
                .unwrap_or(after.len());
            if word_len > 0 && CLITICS.contains(&&after[..word_len]) {
                let end = i + len + word_len;
                out.push(Token {
                    start: base + start,
                    end: base + end,
                    kind: TokenKind::Clitic,
                });
                i = end;
                continue;
            }
        }
        let (end, kind) = match c {
            '"' | '\'' | '’' => (i + len, TokenKind::Quote),
            '“' | '‘' | '«' | '„' | '‹' => (i + len, TokenKind::OpenQuote),
            '”' | '»' | '›' => (i + len, TokenKind::CloseQuote),
            // Ellipsis and dash runs are one token.
            '.' | '-' => {
                let mut j = i;
                while j < s.len() && bytes[j] == c as u8 {
                    j += 1;
                }
                (j, TokenKind::Punct)
            }
            _ => {
                // A mark plus any combining marks or skin-tone modifiers after it.
                let mut j = i + len;
                while let Some(n) = char_at(j).filter(|&n| is_word_continuation(n)) {
                    j += n.len_utf8();
                }
                (j, TokenKind::Punct)
            }
        };
        out.push(Token {
            start: base + start,
            end: base + end,
            kind,
        });
        i = end;
    }
}

/// Scans a word or number starting at byte `i` of `s`; returns its end and kind.
fn scan_word(s: &str, start: usize) -> (usize, TokenKind) {
    let next = |i: usize| s[i..].chars().next();
    let mut i = start;
    let mut all_digits = true;
    // Whether the word so far looks like "U.S" (single letters joined by dots).
    let mut dotted_letters = true;
    let mut piece_len = 0; // letters since the last dot
    loop {
        // A run of word characters: ASCII bytes first (the common case), then any others.
        let bytes = s.as_bytes();
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            all_digits &= bytes[i].is_ascii_digit();
            piece_len += 1;
            i += 1;
        }
        // An ASCII byte here is no word character (the loop above stopped
        // at it): only a non-ASCII one is decoded.
        if bytes.get(i).is_some_and(|b| !b.is_ascii()) {
            while let Some(c) = next(i).filter(|&c| is_word_char(c)) {
                if !c.is_ascii_digit() && !is_word_continuation(c) {
                    all_digits = false;
                }
                piece_len += 1;
                i += c.len_utf8();
            }
        }
        if piece_len > 1 {
            dotted_letters = false;
        }
        // Of the ASCII marks, only these may join two pieces of a word.
        if bytes
            .get(i)
            .is_none_or(|b| b.is_ascii() && !matches!(b, b'-' | b'/' | b'.' | b',' | b':' | b'\''))
        {
            break;
        }
        let Some(sep) = next(i) else { break };
        let after = i + sep.len_utf8();
        let Some(follow) = next(after) else { break };
        let joins = match sep {
            // "Jong-Un", "2019-20", "U.S.-led"
            '-' | '‐' | '‑' | '/' => {
                is_word_char(follow) && sep != '/'
                    || (sep == '/' && all_digits && follow.is_ascii_digit())
            }
            // "U.S", "3.5", "example.com"
            '.' => follow.is_alphanumeric(),
            // "1,000", "14:02"
            ',' | ':' => all_digits && follow.is_ascii_digit(),
            // "O'Neill", but not a clitic ("Pyongyang's") and not "n't"
            '\'' | '’' => {
                let rest = &s[after..];
                let w = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
                let clitic = CLITICS.contains(&&rest[..w]);
                let nt = (rest.starts_with('t') || rest.starts_with('T'))
                    && w == 1
                    && s[..i].ends_with(['n', 'N']);
                follow.is_alphabetic() && !clitic && !nt
            }
            _ => false,
        };
        if !joins {
            break;
        }
        if sep != '.' {
            dotted_letters = false;
        }
        piece_len = 0;
        i = after;
    }
    let word = &s[start..i];
    if all_digits {
        return (i, TokenKind::Number);
    }
    // A final dot belongs to an abbreviation or an initial.
    if s.as_bytes().get(i) == Some(&b'.') && !s[i + 1..].starts_with('.') {
        let single_upper = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
        let dotted = dotted_letters && word.contains('.');
        if single_upper
            || dotted
            || is_abbrev(word, TITLE_ABBREVS)
            || is_abbrev(word, FINAL_ABBREVS)
            // "then-Rep.", "ex-Gov.": a title abbreviation after a hyphen.
            || word.rsplit_once('-').is_some_and(|(_, t)| is_abbrev(t, TITLE_ABBREVS))
        {
            return (i + 1, TokenKind::Word);
        }
    }
    // Digits and ".,:" only, one digit at least. The first test fails at
    // the first letter of nearly every word.
    let kind = if word
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':'))
        && word.bytes().any(|b| b.is_ascii_digit())
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (i, kind)
}

/// Tokenises all of `text`.
#[cfg(any(test, feature = "train"))]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, 0..text.len(), &mut out);
    out
}

fn is_terminal(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?" | "…" | "?!" | "!?")
        || (tok.len() >= 3 && tok.bytes().all(|b| b == b'.'))
}

/// Splits the tokens `range` of `tokens` into sentences, appending to `out`.
pub fn split_sentences(text: &str, tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    let mut sent_start = range.start;
    // Inside a quotation opened by a straight quote or an opening mark.
    let mut in_quote = false;
    let mut i = range.start;
    // The first token of the line token `i` is on.
    let mut line_start = range.start;
    while i < range.end {
        let t = tokens[i];
        let s = t.text(text);
        match t.kind {
            TokenKind::OpenQuote => in_quote = true,
            TokenKind::CloseQuote => in_quote = false,
            TokenKind::Quote if s == "\"" => in_quote = !in_quote,
            _ => {}
        }
        if breaks_line(text, tokens, i, range.end) {
            if line_start == sent_start && heading_line(text, tokens, line_start..i + 1) {
                push_sentence(tokens, sent_start..i + 1, out);
                sent_start = i + 1;
            }
            line_start = i + 1;
        }
        let ends = if is_terminal(s) {
            true
        } else if t.kind == TokenKind::Word && s.ends_with('.') {
            // An abbreviation such as "U.S." or "Inc." at the end of a sentence.
            let w = &s[..s.len() - 1];
            !is_abbrev(w, TITLE_ABBREVS)
                && (w.contains('.') || is_abbrev(w, FINAL_ABBREVS))
                && tokens
                    .get(i + 1)
                    .filter(|_| i + 1 < range.end)
                    .is_some_and(|n| SENTENCE_STARTERS.contains(&n.text(text)))
        } else {
            false
        };
        if !ends {
            i += 1;
            continue;
        }
        // Take closing quotes and brackets with the sentence.
        let mut j = i + 1;
        while j < range.end {
            let n = tokens[j];
            let ns = n.text(text);
            let closes = match n.kind {
                TokenKind::CloseQuote => true,
                TokenKind::Quote if ns == "\"" => in_quote,
                TokenKind::Quote => ns == "’" || ns == "'",
                TokenKind::Punct => matches!(ns, ")" | "]" | "}") || is_terminal(ns),
                _ => false,
            };
            if !closes {
                break;
            }
            if n.kind == TokenKind::CloseQuote || ns == "\"" {
                in_quote = false;
            }
            j += 1;
        }
        let boundary = match tokens.get(j).filter(|_| j < range.end) {
            None => true,
            Some(n) => starts_sentence(n, n.text(text), in_quote),
        };
        if boundary {
            push_sentence(tokens, sent_start..j, out);
            sent_start = j;
        }
        i = j;
    }
    if sent_start < range.end {
        push_sentence(tokens, sent_start..range.end, out);
    }
}

/// A heading line has at least this many words.
const MIN_HEADING_WORDS: usize = 3;
/// Words of at least this many characters are capitalised in a heading line
/// ("Storm Hits the Coast", "Speaking with One Voice"): shorter ones may be
/// articles and prepositions.
const HEADING_CAPITALISED_LEN: usize = 4;

/// Whether a line break follows token `i` (before the next token of the range).
fn breaks_line(text: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    // Bytes, not a `str` search: the gap is a space or none after nearly every token.
    i + 1 < end && text.as_bytes()[tokens[i].end..tokens[i + 1].start].contains(&b'\n')
}

/// Whether the tokens `line`, a whole line that starts a sentence and ends
/// at a line break, read as a heading (a related-story link, a section
/// title: title case, ending in a capitalised word, no closing mark) and the
/// next line can open a sentence. Copied pages run such lines into the story
/// without blank lines; without a break there, a name would run on from one
/// line into the next. Hard-wrapped prose has lower-case words on nearly
/// every line, so it is not split.
fn heading_line(text: &str, tokens: &[Token], line: Range<usize>) -> bool {
    let last = line.end - 1;
    let capitalised = |t: &Token| t.text(text).chars().next().is_some_and(char::is_uppercase);
    if tokens[last].kind != TokenKind::Word || !capitalised(&tokens[last]) {
        return false;
    }
    let next = tokens[last + 1];
    if !starts_sentence(&next, next.text(text), false) {
        return false;
    }
    let words = tokens[line].iter().filter(|t| t.kind == TokenKind::Word);
    let mut count = 0;
    for w in words {
        let w = w.text(text);
        let first = w.chars().next().unwrap_or(' ');
        if w.chars().count() >= HEADING_CAPITALISED_LEN && !first.is_uppercase() {
            return false;
        }
        count += 1;
    }
    count >= MIN_HEADING_WORDS
}

/// Whether token `t` (text `s`) can begin a new sentence after a terminal mark.
fn starts_sentence(t: &Token, s: &str, in_quote: bool) -> bool {
    match t.kind {
        TokenKind::OpenQuote => true,
        TokenKind::Quote => s == "\"" && !in_quote || s == "'" || s == "‘",
        TokenKind::Number => true,
        TokenKind::Word => s
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()),
        TokenKind::Punct => matches!(s, "(" | "[" | "-" | "—" | "•" | "*"),
        _ => false,
    }
}

fn push_sentence(tokens: &[Token], r: Range<usize>, out: &mut Vec<Sentence>) {
    if r.is_empty() {
        return;
    }
    out.push(Sentence {
        start: tokens[r.start].start,
        end: tokens[r.end - 1].end,
        tokens: r,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        let mut out = Vec::new();
        split_sentences(text, &toks, 0..toks.len(), &mut out);
        out.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(
            words("Mr. Smith of the U.S. met Gov. Jones on Jan. 5."),
            ["Mr.", "Smith", "of", "the", "U.S.", "met", "Gov.", "Jones", "on", "Jan.", "5", "."]
        );
        assert_eq!(words("John F. Kennedy"), ["John", "F.", "Kennedy"]);
    }

    #[test]
    fn numbers_and_money_stay_whole() {
        assert_eq!(
            words("$1,000.50 rose 3.5% at 14:02"),
            ["$", "1,000.50", "rose", "3.5", "%", "at", "14:02"]
        );
        assert_eq!(tokenize("2019")[0].kind, TokenKind::Number);
    }

    #[test]
    fn hyphens_apostrophes_and_clitics() {
        assert_eq!(
            words("Kim Jong-Un met Pyongyang's O'Neill"),
            ["Kim", "Jong-Un", "met", "Pyongyang", "'s", "O'Neill"]
        );
        assert_eq!(
            words("Moscow’s envoy didn't say"),
            ["Moscow", "’s", "envoy", "did", "n't", "say"]
        );
        assert_eq!(
            words("the countries' leaders"),
            ["the", "countries", "'", "leaders"]
        );
    }

    #[test]
    fn a_title_abbreviation_after_a_hyphen_keeps_its_dot() {
        assert_eq!(
            words("then-Rep. Esteban Torres and ex-Gov. Jane Roe"),
            [
                "then-Rep.",
                "Esteban",
                "Torres",
                "and",
                "ex-Gov.",
                "Jane",
                "Roe"
            ]
        );
        // Counter-case: a hyphenated word that ends a sentence keeps its
        // dot apart.
        assert_eq!(
            words("a well-known. Then"),
            ["a", "well-known", ".", "Then"]
        );
    }

    #[test]
    fn brackets_without_spaces_and_quotes() {
        assert_eq!(
            words("The United States(US) said"),
            ["The", "United", "States", "(", "US", ")", "said"]
        );
        assert_eq!(
            words("“Yes,” he said"),
            ["“", "Yes", ",", "”", "he", "said"]
        );
        assert_eq!(words("wait... what…"), ["wait", "...", "what", "…"]);
    }

    #[test]
    fn sentences_respect_abbreviations() {
        assert_eq!(
            sentences("Mr. Smith went to Washington. He met Sen. Jones."),
            ["Mr. Smith went to Washington.", "He met Sen. Jones."]
        );
        assert_eq!(
            sentences("It was made in the U.S. The plant closed."),
            ["It was made in the U.S.", "The plant closed."]
        );
        assert_eq!(
            sentences("Prices rose 3.5 percent. Shares fell."),
            ["Prices rose 3.5 percent.", "Shares fell."]
        );
        // "Del." is a delegate before a name, Delaware before a new sentence.
        assert_eq!(
            sentences("It passed, said Del. Jane Roe, a Democrat. Dover, Del. The state sued."),
            [
                "It passed, said Del. Jane Roe, a Democrat.",
                "Dover, Del.",
                "The state sued."
            ]
        );
    }

    #[test]
    fn sentences_end_inside_quotes_and_keep_attributions() {
        assert_eq!(
            sentences("\"Stop!\" he said. \"Now.\" She left."),
            ["\"Stop!\" he said.", "\"Now.\"", "She left."]
        );
        assert_eq!(
            sentences("“We will go.” Then they went."),
            ["“We will go.”", "Then they went."]
        );
        assert_eq!(
            sentences("Watson said: \"We call on them.\""),
            ["Watson said: \"We call on them.\""]
        );
    }

    #[test]
    fn heading_lines_end_sentences_but_wrapped_prose_does_not() {
        assert_eq!(
            sentences(
                "Storm Floods the Coast of Ruritania\nThe Ruritania Storm Is Over\nMore rain came."
            ),
            [
                "Storm Floods the Coast of Ruritania",
                "The Ruritania Storm Is Over",
                "More rain came."
            ]
        );
        // Hard-wrapped prose: the lines break mid-sentence, often before a name.
        assert_eq!(
            sentences("The minister met with officials from\nAcme Corp and Jane Roe on\nMonday."),
            ["The minister met with officials from\nAcme Corp and Jane Roe on\nMonday."]
        );
        // A wrapped line that starts mid-sentence is not a heading, however capitalised.
        assert_eq!(
            sentences("Officials said they met\nAcme Corp and Jane Roe Of Ruritania\nOn Monday."),
            ["Officials said they met\nAcme Corp and Jane Roe Of Ruritania\nOn Monday."]
        );
        // A short capitalised line, or one before a lower-case line, is not a heading.
        assert_eq!(
            sentences("Jane Roe\nSmith met them."),
            ["Jane Roe\nSmith met them."]
        );
        assert_eq!(
            sentences("Jane Roe Met The Mayor\nand left."),
            ["Jane Roe Met The Mayor\nand left."]
        );
    }

    #[test]
    fn odd_unicode_keeps_offsets_on_boundaries() {
        let text = "Cafe\u{301} 👍🏽 東京 e\u{301}\r\nx";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert_eq!(words(text), ["Cafe\u{301}", "👍🏽", "東京", "e\u{301}", "x"]);
    }
}
