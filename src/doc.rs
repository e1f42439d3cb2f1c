//! The document as the stages after layout see it: the tokens and sentences
//! of the article's analysed parts, and the lookups between byte spans,
//! tokens and sentences that every stage needs.

use crate::article;
use crate::tokens;
use std::ops::Range;

/// The tokens and sentences of an article's analysed parts (title and body),
/// shared by the stages after layout.
#[derive(Debug)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<tokens::Token>,
    pub sentences: Vec<DocSentence>,
}

/// A sentence and the part of the article it comes from.
#[derive(Debug, Clone)]
pub struct DocSentence {
    pub sentence: tokens::Sentence,
    pub part: article::PartKind,
}

impl<'a> Doc<'a> {
    /// Tokenises each analysed part and splits it into sentences. A part never
    /// shares a sentence with another: the title is always a sentence of its own.
    #[inline(never)]
    pub fn new(text: &'a str, parts: &[article::Part]) -> Doc<'a> {
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::new();
        let mut sents = Vec::new();
        for part in parts {
            let first = toks.len();
            tokens::tokenize_into(text, part.start..part.end, &mut toks);
            if part.kind == article::PartKind::Body {
                sents.clear();
                tokens::split_sentences(text, &toks, first..toks.len(), &mut sents);
                sentences.extend(sents.drain(..).map(|s| DocSentence {
                    sentence: s,
                    part: part.kind,
                }));
            } else if first < toks.len() {
                let s = tokens::Sentence {
                    start: toks[first].start,
                    end: toks[toks.len() - 1].end,
                    tokens: first..toks.len(),
                };
                sentences.push(DocSentence {
                    sentence: s,
                    part: part.kind,
                });
            }
        }
        Doc {
            text,
            tokens: toks,
            sentences,
        }
    }

    /// The tokens that start within `start..end` (bytes): for a span that
    /// begins and ends on token boundaries, exactly its tokens.
    pub fn token_range(&self, start: usize, end: usize) -> Range<usize> {
        let a = self.tokens.partition_point(|t| t.start < start);
        let b = self.tokens.partition_point(|t| t.start < end);
        a..b
    }

    /// The index of the sentence that holds token `token`, or of the first
    /// sentence after it (`sentences.len()` past the last one).
    pub fn sentence_of(&self, token: usize) -> usize {
        self.sentences
            .partition_point(|s| s.sentence.tokens.end <= token)
    }

    /// The token range of the sentence that holds token `token`.
    pub fn sentence_tokens(&self, token: usize) -> Option<Range<usize>> {
        let s = self.sentences.get(self.sentence_of(token))?;
        Some(s.sentence.tokens.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_to_tokens_and_tokens_to_sentences() {
        let text = "Putin met Kim. They talked.";
        let parts = [article::Part {
            start: 0,
            end: text.len(),
            kind: article::PartKind::Body,
        }];
        let doc = Doc::new(text, &parts);
        // "met Kim" is tokens 1..3; a span inside a token holds no token start after it.
        assert_eq!(doc.token_range(6, 13), 1..3);
        assert_eq!(doc.token_range(7, 8), 2..2);
        assert_eq!(doc.sentence_of(2), 0);
        assert_eq!(doc.sentence_of(4), 1);
        assert_eq!(doc.sentence_tokens(5), Some(4..7));
        assert_eq!(doc.sentence_of(99), 2);
        assert_eq!(doc.sentence_tokens(99), None);
    }
}
