//! Quotation marks: pairing them into quoted spans, in one pass over the body.
//!
//! * Double marks of every style pair up: `"..."`, `“...”`, `«...»`, `„...“`,
//!   and doubled apostrophes (`''...''`, two tokens that make one mark, as
//!   some papers print double marks).
//!   Single marks (`‘...’`, `'...'`) inside a double-quoted span are nested
//!   quotes and stay part of it; outside one they pair up on their own
//!   (British style), but only as an opening `‘` with a closing `’`.
//! * A quote whose opening mark starts a paragraph (or follows a colon) and
//!   that is still open at the paragraph's end continues into the next
//!   paragraph when that one also starts with an opening mark (the newspaper convention for multi-paragraph
//!   quotes); it ends at the first closing mark after that.
//! * An opening mark that is never closed is dropped at the end of its
//!   paragraph (or, for an ambiguous `"`, where a new quote plainly starts), so
//!   an odd number of marks never shifts the pairing of later paragraphs.

use crate::tokens::{Token, TokenKind};

/// One quoted span: token indices of its marks and the byte range between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// Index of the opening mark's (first) token.
    pub open: usize,
    /// Index of the first token after the opening mark (`open + 1`, or
    /// `open + 2` after a doubled apostrophe).
    pub inner: usize,
    /// Index of the closing mark's (last) token; `None` when the quote runs
    /// to the end of its last paragraph without one.
    pub close: Option<usize>,
    /// Byte range of the content, marks excluded.
    pub start: usize,
    pub end: usize,
    /// Index of the first token after the content (the closing mark or the
    /// paragraph's end).
    pub after: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    /// `"`: opens or closes.
    EitherDouble,
    OpenSingle,
    CloseSingle,
}

/// The quotation mark at token `i` and how many tokens it spans: a straight
/// apostrophe glued to another (`''`) is one double mark of two tokens.
fn mark_at(text: &str, toks: &[Token], i: usize) -> Option<(Mark, usize)> {
    let t = &toks[i];
    if t.kind == TokenKind::Quote && t.text(text) == "'" {
        let doubled = toks.get(i + 1).is_some_and(|n| {
            n.start == t.end && n.kind == TokenKind::Quote && n.text(text) == "'"
        });
        if doubled {
            return Some((Mark::EitherDouble, 2));
        }
    }
    mark(text, t).map(|m| (m, 1))
}

/// Whether token `i` is one apostrophe of a doubled pair (`''`).
pub fn in_doubled_apostrophe(text: &str, toks: &[Token], i: usize) -> bool {
    let apostrophe = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.kind == TokenKind::Quote && t.text(text) == "'")
    };
    apostrophe(i)
        && (i > 0 && apostrophe(i - 1) && toks[i - 1].end == toks[i].start
            || apostrophe(i + 1) && toks[i].end == toks[i + 1].start)
}

fn mark(text: &str, t: &Token) -> Option<Mark> {
    if !t.kind.is_quote_mark() {
        return None;
    }
    Some(match t.text(text) {
        "\"" | "″" | "〃" => Mark::EitherDouble,
        "“" | "«" | "„" => Mark::OpenDouble,
        "”" | "»" => Mark::CloseDouble,
        "‘" => Mark::OpenSingle,
        "’" | "'" => Mark::CloseSingle,
        _ => return None,
    })
}

/// Whether an ambiguous mark over tokens `i..j` looks like a closing mark:
/// glued to the word or punctuation before it and not to the word after it.
fn looks_closing(toks: &[Token], i: usize, j: usize, first: usize) -> bool {
    glued_before(toks, i, first) && !glued_word_after(toks, j)
}

/// Whether token `i` touches the token before it (within the paragraph from `first`).
fn glued_before(toks: &[Token], i: usize, first: usize) -> bool {
    i > first && toks[i - 1].end == toks[i].start
}

/// Whether the token after `j` is a word touching it.
fn glued_word_after(toks: &[Token], j: usize) -> bool {
    toks.get(j + 1)
        .is_some_and(|n| n.start == toks[j].end && n.kind == TokenKind::Word)
}

/// Pairs the quotation marks of the paragraphs `paras` (token ranges, in text
/// order). Linear in the number of tokens.
pub fn pair(text: &str, toks: &[Token], paras: &[std::ops::Range<usize>]) -> Vec<Marked> {
    let mut out = Vec::new();
    // A quote carried over from the previous paragraph: its opening mark's
    // first token and the first token inside.
    let mut carried: Option<(usize, usize)> = None;
    for (pi, range) in paras.iter().enumerate() {
        let range = range.start.min(toks.len())..range.end.min(toks.len());
        if range.is_empty() {
            carried = None;
            continue;
        }
        // (first token, first token inside, double)
        let mut open: Option<(usize, usize, bool)> = None;
        let mut first_content = range.start;
        if let Some(c) = carried.take() {
            // The paragraph must open with a mark to continue the quote.
            let starts_with = mark_at(text, toks, range.start);
            if let Some((Mark::OpenDouble | Mark::EitherDouble, w)) = starts_with {
                open = Some((c.0, c.1, true));
                first_content = range.start + w;
            } else if let Some(prev) = paras.get(pi.wrapping_sub(1)) {
                // Not continued: the quote ends with its paragraph.
                let end = prev.end.min(toks.len());
                push(&mut out, toks, (c.0, c.1), None, end);
            }
        }
        let mut i = first_content;
        while i < range.end {
            let Some((m, w)) = mark_at(text, toks, i) else {
                i += 1;
                continue;
            };
            let last = i + w - 1;
            match (m, open) {
                (Mark::OpenDouble, _) => open = Some((i, i + w, true)),
                (Mark::CloseDouble, Some((o, inner, true))) => {
                    push(&mut out, toks, (o, inner), Some((i, last)), i);
                    open = None;
                }
                (Mark::EitherDouble, Some((o, inner, true))) => {
                    if !looks_closing(toks, i, last, range.start)
                        && toks.get(last + 1).is_some_and(|n| n.start == toks[last].end)
                        && i > range.start
                        && toks[i - 1].end < toks[i].start
                    {
                        // Spaced before, glued after: a new quote opens; the
                        // old one was never closed.
                        open = Some((i, i + w, true));
                    } else {
                        push(&mut out, toks, (o, inner), Some((i, last)), i);
                        open = None;
                    }
                }
                (Mark::EitherDouble, _)
                    if (!looks_closing(toks, i, last, range.start) || i == range.start) =>
                {
                    open = Some((i, i + w, true));
                }
                (Mark::OpenSingle, None | Some((_, _, false))) => open = Some((i, i + 1, false)),
                (Mark::CloseSingle, Some((o, inner, false))) if !glued_word_after(toks, i) => {
                    push(&mut out, toks, (o, inner), Some((i, i)), i);
                    open = None;
                }
                _ => {}
            }
            i += w;
        }
        if let Some((o, inner, true)) = open {
            // Opening the paragraph, or after a colon ("she said: “...").
            let opened_paragraph = o == range.start
                || carried_from_before(o, &range)
                || o > range.start && toks[o - 1].text(text) == ":";
            if opened_paragraph && pi + 1 < paras.len() {
                carried = Some((o, inner));
            } else if opened_paragraph {
                push(&mut out, toks, (o, inner), None, range.end);
            }
        }
    }
    out
}

fn carried_from_before(o: usize, range: &std::ops::Range<usize>) -> bool {
    o < range.start
}

/// Records the quoted span opened by the mark `open` (its first token and
/// the first token inside) and closed by the mark `close` (its first and
/// last token), with content up to the token `after`.
fn push(
    out: &mut Vec<Marked>,
    toks: &[Token],
    (open, inner): (usize, usize),
    close: Option<(usize, usize)>,
    after: usize,
) {
    if after <= inner {
        return;
    }
    out.push(Marked {
        open,
        inner,
        close: close.map(|c| c.1),
        start: toks[inner].start,
        end: toks[after - 1].end,
        after,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize_into;

    fn quoted(paras: &[&str]) -> Vec<String> {
        let text = paras.join("\n\n");
        let mut toks = Vec::new();
        let mut ranges = Vec::new();
        let mut at = 0;
        for p in paras {
            let a = toks.len();
            tokenize_into(&text, at..at + p.len(), &mut toks);
            ranges.push(a..toks.len());
            at += p.len() + 2;
        }
        pair(&text, &toks, &ranges)
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn every_style_of_double_mark() {
        assert_eq!(quoted(&["He said \"yes\" twice."]), ["yes"]);
        assert_eq!(quoted(&["He said “yes” twice."]), ["yes"]);
        assert_eq!(quoted(&["Il a dit «oui» deux fois."]), ["oui"]);
    }

    #[test]
    fn doubled_apostrophes_are_one_double_mark() {
        assert_eq!(
            quoted(&["''This isn't reform,'' said Ann Lee. ''It's worse.''"]),
            ["This isn't reform,", "It's worse."]
        );
        assert_eq!(
            quoted(&["''We will fight.", "''And win,'' she said."]),
            ["We will fight.\n\n''And win,"]
        );
        // Single apostrophes stay apostrophes.
        assert!(quoted(&["The Clintons' plan isn't 'new' at all."]).is_empty());
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        assert_eq!(
            quoted(&["“He told me ‘never again’ and left,” she said."]),
            ["He told me ‘never again’ and left,"]
        );
    }

    #[test]
    fn single_marks_pair_outside_double_ones_but_apostrophes_do_not() {
        assert_eq!(
            quoted(&["He called it ‘a disgrace’ on Friday."]),
            ["a disgrace"]
        );
        assert!(quoted(&["The candidates’ plans don’t add up."]).is_empty());
    }

    #[test]
    fn a_quote_opening_a_paragraph_continues_into_the_next() {
        assert_eq!(
            quoted(&["“We will fight.", "“And we will win,” she said."]),
            ["We will fight.\n\n“And we will win,"]
        );
    }

    #[test]
    fn an_unclosed_mark_inside_a_paragraph_does_not_shift_the_next() {
        assert_eq!(
            quoted(&["He said “this is odd.", "“Fine,” Jane Doe said."]),
            ["Fine,"]
        );
        // An unclosed quote that opens a paragraph followed by one that does
        // not start with a mark ends with its paragraph.
        assert_eq!(
            quoted(&["She said: “We will fight.", "“And win,” she added."]),
            ["We will fight.\n\n“And win,"]
        );
        assert_eq!(
            quoted(&["“We will fight.", "Later she said “go” twice."]),
            ["We will fight.", "go"]
        );
    }
}
