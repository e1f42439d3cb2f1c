//! Reading CoNLL-2003 column files: one token a line (word first, gold tag
//! last), a blank line between sentences, `-DOCSTART-` between documents.

use std::io::BufRead;

/// One sentence: its lines' words and, where the file has more than one
/// column, the last column (the gold tag).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    /// The whole input lines, kept so that output can echo them.
    pub lines: Vec<String>,
    pub gold: Vec<String>,
}

/// A document: the sentences between two `-DOCSTART-` lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

/// A problem in a CoNLL file, with the 1-based line it was found on.
#[derive(Debug)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Streams documents from a CoNLL reader, one at a time, so that memory is
/// bounded by the longest document rather than the file.
pub struct Documents<R> {
    reader: R,
    line_no: usize,
    done: bool,
}

impl<R: BufRead> Documents<R> {
    pub fn new(reader: R) -> Self {
        Documents {
            reader,
            line_no: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for Documents<R> {
    type Item = Result<Document, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut doc = Document::default();
        let mut sent = Sentence::default();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let n = match self.reader.read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error {
                        line: self.line_no + 1,
                        message: e.to_string(),
                    }));
                }
            };
            if n == 0 {
                self.done = true;
                break;
            }
            self.line_no += 1;
            let Ok(line) = std::str::from_utf8(&buf) else {
                self.done = true;
                return Some(Err(Error {
                    line: self.line_no,
                    message: "invalid UTF-8".into(),
                }));
            };
            let line = line.trim_end_matches(['\n', '\r']);
            if line.starts_with("-DOCSTART-") {
                let had_content = !sent.words.is_empty() || !doc.sentences.is_empty();
                if !sent.words.is_empty() {
                    doc.sentences.push(std::mem::take(&mut sent));
                }
                if had_content {
                    return Some(Ok(doc));
                }
                continue;
            }
            if line.trim().is_empty() {
                if !sent.words.is_empty() {
                    doc.sentences.push(std::mem::take(&mut sent));
                }
                continue;
            }
            let mut cols = line.split_whitespace();
            let word = cols.next().unwrap_or_default().to_string();
            let gold = cols.last().unwrap_or_default().to_string();
            sent.words.push(word);
            sent.gold.push(gold);
            sent.lines.push(line.to_string());
        }
        if !sent.words.is_empty() {
            doc.sentences.push(sent);
        }
        if doc.sentences.is_empty() {
            None
        } else {
            Some(Ok(doc))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_sentences() {
        let data = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP B-LOC\n";
        let docs: Vec<Document> = Documents::new(data.as_bytes())
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].words, ["EU", "rejects"]);
        assert_eq!(docs[0].sentences[0].gold, ["B-ORG", "O"]);
        assert_eq!(docs[1].sentences[0].words, ["Bonn"]);
    }

    #[test]
    fn words_only_input_has_no_gold() {
        let docs: Vec<Document> = Documents::new("a\nb\n\nc\n".as_bytes())
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs[0].sentences[0].gold, ["", ""]);
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let data: &[u8] = b"ok O\n\xff\xfe O\n";
        let err = Documents::new(data).next().unwrap().unwrap_err();
        assert_eq!(err.line, 2);
    }
}
