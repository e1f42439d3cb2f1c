//! Quotation marks: pairing them into quoted spans, in one pass over the body.
//!
//! * Double marks of every style pair up: `"..."`, `“...”`, `«...»`, `„...“`.
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
    /// Index of the opening mark's token.
    pub open: usize,
    /// Index of the closing mark's token; `None` when the quote runs to the end
    /// of its last paragraph without one.
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

fn mark(text: &str, t: &Token) -> Option<Mark> {
    if !matches!(
        t.kind,
        TokenKind::OpenQuote | TokenKind::CloseQuote | TokenKind::Quote
    ) {
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

/// Whether an ambiguous `"` at token `i` looks like a closing mark: glued to
/// the word or punctuation before it and not to the word after it.
fn looks_closing(text: &str, toks: &[Token], i: usize, first: usize) -> bool {
    let glued_before = i > first && toks[i - 1].end == toks[i].start;
    let glued_after = toks.get(i + 1).is_some_and(|n| n.start == toks[i].end)
        && toks[i + 1].kind == TokenKind::Word;
    let _ = text;
    glued_before && !glued_after
}

/// Pairs the quotation marks of the paragraphs `paras` (token ranges, in text
/// order). Linear in the number of tokens.
pub fn pair(text: &str, toks: &[Token], paras: &[std::ops::Range<usize>]) -> Vec<Marked> {
    let mut out = Vec::new();
    // A quote carried over from the previous paragraph: its opening token.
    let mut carried: Option<usize> = None;
    for (pi, range) in paras.iter().enumerate() {
        let range = range.start.min(toks.len())..range.end.min(toks.len());
        if range.is_empty() {
            carried = None;
            continue;
        }
        let mut open: Option<(usize, bool)> = None; // (token, double)
        let mut first_content = range.start;
        if let Some(c) = carried.take() {
            // The paragraph must open with a mark to continue the quote.
            let starts_with_open = matches!(
                mark(text, &toks[range.start]),
                Some(Mark::OpenDouble | Mark::EitherDouble)
            );
            if starts_with_open {
                open = Some((c, true));
                first_content = range.start + 1;
            } else if let Some(prev) = paras.get(pi.wrapping_sub(1)) {
                // Not continued: the quote ends with its paragraph.
                push(&mut out, toks, c, None, prev.end.min(toks.len()));
            }
        }
        let mut i = first_content;
        while i < range.end {
            let m = mark(text, &toks[i]);
            match (m, open) {
                (Some(Mark::OpenDouble), Some((_, true))) => open = Some((i, true)),
                (Some(Mark::OpenDouble), _) => open = Some((i, true)),
                (Some(Mark::CloseDouble), Some((o, true))) => {
                    push(&mut out, toks, o, Some(i), i);
                    open = None;
                }
                (Some(Mark::EitherDouble), Some((o, true))) => {
                    if !looks_closing(text, toks, i, range.start)
                        && toks.get(i + 1).is_some_and(|n| n.start == toks[i].end)
                        && i > range.start
                        && toks[i - 1].end < toks[i].start
                    {
                        // Spaced before, glued after: a new quote opens; the
                        // old one was never closed.
                        open = Some((i, true));
                    } else {
                        push(&mut out, toks, o, Some(i), i);
                        open = None;
                    }
                }
                (Some(Mark::EitherDouble), _)
                    if (!looks_closing(text, toks, i, range.start) || i == range.start) =>
                {
                    open = Some((i, true));
                }
                (Some(Mark::OpenSingle), None) => open = Some((i, false)),
                (Some(Mark::OpenSingle), Some((_, false))) => open = Some((i, false)),
                (Some(Mark::CloseSingle), Some((o, false))) => {
                    let next_is_letter = toks
                        .get(i + 1)
                        .is_some_and(|n| n.start == toks[i].end && n.kind == TokenKind::Word);
                    if !next_is_letter {
                        push(&mut out, toks, o, Some(i), i);
                        open = None;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if let Some((o, true)) = open {
            // Opening the paragraph, or after a colon ("she said: “...").
            let opened_paragraph = o == range.start
                || carried_from_before(o, &range)
                || o > range.start && toks[o - 1].text(text) == ":";
            if opened_paragraph && pi + 1 < paras.len() {
                carried = Some(o);
            } else if opened_paragraph {
                push(&mut out, toks, o, None, range.end);
            }
        }
    }
    out
}

fn carried_from_before(o: usize, range: &std::ops::Range<usize>) -> bool {
    o < range.start
}

fn push(out: &mut Vec<Marked>, toks: &[Token], open: usize, close: Option<usize>, after: usize) {
    if after <= open + 1 {
        return;
    }
    out.push(Marked {
        open,
        close,
        start: toks[open + 1].start,
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
