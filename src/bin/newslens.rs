//! The newslens command-line tool.
//!
//! ```text
//! newslens extract [FILE]          article text -> one JSON analysis
//! newslens extract --jsonl [FILE]  {"id","text"} lines -> one analysis a line
//! newslens conll [FILE]            CoNLL-2003 columns -> the same, with a predicted IOB2 tag appended
//! ```
//! Offsets in the JSON are UTF-16 code units, as in the JavaScript API.

use newslens::{conll, jsonl, mentions, ner};
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  newslens extract [--pretty] [FILE]   analyse one article (FILE or stdin), print JSON
  newslens extract --jsonl [FILE]      analyse JSON Lines {\"id\": ..., \"text\": ...}, one result a line
  newslens conll [FILE]                tag CoNLL-2003 columns, appending the predicted IOB2 tag
  newslens --version | --help

Offsets in the JSON are UTF-16 code units (what JavaScript's String.slice takes).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("newslens: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (cmd, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    let flags: Vec<&str> = rest
        .iter()
        .filter(|a| a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let files: Vec<&str> = rest
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(String::as_str)
        .collect();
    if files.len() > 1 {
        return Err(format!(
            "expected at most one FILE, got {}\n{USAGE}",
            files.len()
        ));
    }
    let file = files.first().copied();
    let known = |allowed: &[&str]| match flags.iter().find(|f| !allowed.contains(f)) {
        Some(f) => Err(format!("unknown option {f}\n{USAGE}")),
        None => Ok(()),
    };
    match cmd.as_str() {
        "extract" if flags.contains(&"--jsonl") => {
            known(&["--jsonl"])?;
            extract_jsonl(file)
        }
        "extract" => {
            known(&["--pretty"])?;
            extract_one(file, flags.contains(&"--pretty"))
        }
        "conll" => {
            known(&[])?;
            tag_conll(file)
        }
        "--version" | "-V" => {
            println!("newslens {}", newslens::VERSION);
            Ok(ExitCode::SUCCESS)
        }
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command '{other}'\n{USAGE}")),
    }
}

fn open(file: Option<&str>) -> Result<Box<dyn BufRead>, String> {
    match file {
        None | Some("-") => Ok(Box::new(BufReader::new(io::stdin().lock()))),
        Some(path) => std::fs::File::open(path)
            .map(|f| Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead>)
            .map_err(|e| format!("cannot open {path}: {e}")),
    }
}

fn extract_one(file: Option<&str>, pretty: bool) -> Result<ExitCode, String> {
    let mut bytes = Vec::new();
    open(file)?
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read input: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
        format!("input is not valid UTF-8 (line {line}, byte {at})")
    })?;
    let analysis = newslens::extract(&text).into_utf16(&text);
    let out = io::stdout().lock();
    let mut out = BufWriter::new(out);
    let res = if pretty {
        serde_json::to_writer_pretty(&mut out, &analysis)
    } else {
        serde_json::to_writer(&mut out, &analysis)
    };
    res.map_err(|e| e.to_string())?;
    writeln!(out)
        .and_then(|_| out.flush())
        .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// Streams JSON Lines: one line in, one line out, memory independent of the
/// number of lines. A bad line is reported on stderr and skipped.
fn extract_jsonl(file: Option<&str>) -> Result<ExitCode, String> {
    let mut input = open(file)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let progress = io::stderr().is_terminal();
    let (mut buf, mut line_out) = (Vec::new(), Vec::new());
    let (mut line_no, mut bad, mut done) = (0usize, 0usize, 0usize);
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("cannot read input: {e}"))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let raw = buf.trim_ascii();
        if raw.is_empty() {
            continue;
        }
        line_out.clear();
        if let Err(msg) = jsonl::analyse_line(raw, &mut line_out) {
            eprintln!("newslens: line {line_no}: {msg}");
            bad += 1;
            continue;
        }
        line_out.push(b'\n');
        out.write_all(&line_out).map_err(|e| e.to_string())?;
        done += 1;
        if progress && done % 1000 == 0 {
            eprint!("\r{done} articles");
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    if progress && done >= 1000 {
        eprintln!("\r{done} articles");
    }
    if bad > 0 {
        eprintln!("newslens: {bad} of {line_no} lines could not be read");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Tags CoNLL columns document by document, echoing each line with the tag appended.
fn tag_conll(file: Option<&str>) -> Result<ExitCode, String> {
    let input = open(file)?;
    let mut out = BufWriter::new(io::stdout().lock());
    for doc in conll::Documents::new(input) {
        let doc = doc.map_err(|e| format!("{}: {e}", file.unwrap_or("stdin")))?;
        let words: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let tags = ner::tag_document(&words);
        let w = |out: &mut BufWriter<_>, s: String| {
            out.write_all(s.as_bytes()).map_err(|e| e.to_string())
        };
        w(&mut out, "-DOCSTART- -X- -X- O\n\n".into())?;
        for (s, t) in doc.sentences.iter().zip(&tags) {
            // Re-decode so the output is well-formed IOB2 whatever the tagger emits.
            let mut fixed = vec!["O".to_string(); t.len()];
            for (a, b, ty) in mentions::spans(t) {
                fixed[a] = format!("B-{}", ty.as_str());
                for f in &mut fixed[a + 1..b] {
                    *f = format!("I-{}", ty.as_str());
                }
            }
            for (line, tag) in s.lines.iter().zip(&fixed) {
                w(&mut out, format!("{line} {tag}\n"))?;
            }
            w(&mut out, "\n".into())?;
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
