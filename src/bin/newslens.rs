//! The newslens command-line tool.
//!
//! ```text
//! newslens extract [FILE]          article text -> one JSON analysis
//! newslens extract --html [FILE]   a web page's HTML -> the analysis of its article
//! newslens extract --jsonl [FILE]  {"id","text"} (or {"id","html","url"}) lines -> one analysis a line (on every core)
//! newslens conll [FILE]            CoNLL-2003 columns -> the same, with a predicted IOB2 tag appended
//! ```
//! Offsets in the JSON are UTF-16 code units, as in the JavaScript API.

use newslens::{conll, jsonl, ner};
use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::{mpsc, Mutex};

const USAGE: &str = "usage:
  newslens extract [--pretty] [FILE]   analyse one article (FILE or stdin), print JSON
  newslens extract --html [--pretty] [FILE]
                                       find the article in a web page (its HTML, in the charset it
                                       declares) and analyse it; the JSON carries the article's \"text\"
  newslens extract --jsonl [--jobs=N] [FILE]
                                       analyse JSON Lines {\"id\": ..., \"text\": ...} (or \"html\" and
                                       \"url\" for a web page), one result a line, in input order,
                                       on N threads (default: one per core)
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
            let jobs = match flags.iter().find_map(|f| f.strip_prefix("--jobs=")) {
                Some(n) => n
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_JOBS).contains(n))
                    .ok_or_else(|| {
                        format!("--jobs wants a whole number from 1 to {MAX_JOBS}, got '{n}'")
                    })?,
                None => std::thread::available_parallelism().map_or(1, usize::from),
            }
            .min(MAX_JOBS);
            let allowed = |f: &&str| *f == "--jsonl" || f.starts_with("--jobs=");
            if let Some(f) = flags.iter().find(|f| !allowed(f)) {
                return Err(format!("unknown option {f}\n{USAGE}"));
            }
            extract_jsonl(file, jobs)
        }
        "extract" => {
            known(&["--pretty", "--html"])?;
            extract_one(file, flags.contains(&"--html"), flags.contains(&"--pretty"))
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

fn extract_one(file: Option<&str>, html: bool, pretty: bool) -> Result<ExitCode, String> {
    let mut bytes = Vec::new();
    open(file)?
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read input: {e}"))?;
    let analysis = if html {
        // A saved page is bytes in the charset it declares, as a browser reads it.
        let page = newslens::page_text(&bytes);
        newslens::extract_html(&page).into_unit_of(&page, newslens::OffsetUnit::Utf16)
    } else {
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
            format!("input is not valid UTF-8 (line {line}, byte {at})")
        })?;
        newslens::extract(&text).into_utf16(&text)
    };
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

/// Streams JSON Lines: one line in, one line out, in input order, memory
/// independent of the number of lines. A bad line is reported on stderr
/// (in order too) and skipped. With `jobs` > 1, batches of lines are analysed
/// on that many threads, each keeping its own word memo between articles;
/// a few batches per thread are in flight at most.
fn extract_jsonl(file: Option<&str>, jobs: usize) -> Result<ExitCode, String> {
    let mut lines = Lines {
        input: open(file)?,
        line_no: 0,
    };
    let mut sink = Sink {
        out: BufWriter::new(io::stdout().lock()),
        progress: io::stderr().is_terminal(),
        done: 0,
        bad: 0,
    };
    if jobs <= 1 {
        while let Some((n, raw)) = lines.next()? {
            sink.put(analyse(n, &raw))?;
        }
    } else {
        in_parallel(&mut lines, &mut sink, jobs)?;
    }
    sink.out.flush().map_err(|e| e.to_string())?;
    if sink.progress && sink.done >= 1000 {
        eprintln!("\r{} articles", sink.done);
    }
    if sink.bad > 0 {
        eprintln!(
            "newslens: {} of {} lines could not be read",
            sink.bad, lines.line_no
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// One line's outcome: its line number, and its analysis as a JSON line or
/// what is wrong with it.
type Outcome = (usize, Result<Vec<u8>, String>);

fn analyse(line_no: usize, raw: &[u8]) -> Outcome {
    let mut out = Vec::new();
    let res = jsonl::analyse_line(raw.trim_ascii(), &mut out).map(|()| {
        out.push(b'\n');
        out
    });
    (line_no, res)
}

/// The non-blank lines of the input, numbered from 1.
struct Lines {
    input: Box<dyn BufRead>,
    line_no: usize,
}

impl Lines {
    fn next(&mut self) -> Result<Option<(usize, Vec<u8>)>, String> {
        loop {
            let mut buf = Vec::new();
            let n = self
                .input
                .read_until(b'\n', &mut buf)
                .map_err(|e| format!("cannot read input: {e}"))?;
            if n == 0 {
                return Ok(None);
            }
            self.line_no += 1;
            if !buf.trim_ascii().is_empty() {
                return Ok(Some((self.line_no, buf)));
            }
        }
    }
}

/// Where outcomes go, in input order: results to stdout, bad lines to
/// stderr, a running count to a terminal's stderr.
struct Sink<W: Write> {
    out: W,
    progress: bool,
    done: usize,
    bad: usize,
}

impl<W: Write> Sink<W> {
    fn put(&mut self, (line_no, res): Outcome) -> Result<(), String> {
        match res {
            Ok(json) => {
                self.out.write_all(&json).map_err(|e| e.to_string())?;
                self.done += 1;
                if self.progress && self.done.is_multiple_of(1000) {
                    eprint!("\r{} articles", self.done);
                }
            }
            Err(msg) => {
                eprintln!("newslens: line {line_no}: {msg}");
                self.bad += 1;
            }
        }
        Ok(())
    }
}

/// The most analysis threads `--jobs` may ask for: each thread keeps its own
/// word memo (up to about 5 MB) and a few batches in flight, and thousands
/// of threads exhaust what the system gives a process long before they help.
const MAX_JOBS: usize = 256;

/// Lines per batch: enough work (tens of milliseconds for news articles) to
/// make handing it to a thread cheap, few enough to keep memory small.
const BATCH: usize = 32;

/// Analyses `lines` on `jobs` threads. Batches go to the threads through one
/// bounded queue; each batch has its own reply channel, and the replies are
/// awaited in the order the batches were read, so the output keeps the input
/// order without any sorting.
fn in_parallel<W: Write>(lines: &mut Lines, sink: &mut Sink<W>, jobs: usize) -> Result<(), String> {
    type Job = (Vec<(usize, Vec<u8>)>, mpsc::Sender<Vec<Outcome>>);
    let (queue, jobs_rx) = mpsc::sync_channel::<Job>(jobs);
    let jobs_rx = &Mutex::new(jobs_rx);
    // `queue` moves into the scope's closure and is dropped when it returns,
    // early or not: that closes the queue, so the threads return and the
    // scope can end.
    std::thread::scope(move |scope| {
        for _ in 0..jobs {
            let worker = std::thread::Builder::new().spawn_scoped(scope, move || loop {
                // The lock is held only to take a job, not to work on it.
                let job = jobs_rx
                    .lock()
                    .map_err(|_| ())
                    .and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((batch, reply)) = job else {
                    return; // the queue is closed: no more input
                };
                let done = batch.iter().map(|(n, raw)| analyse(*n, raw)).collect();
                let _ = reply.send(done);
            });
            // The system may refuse a thread (too many, no memory for its stack).
            worker.map_err(|e| format!("cannot start {jobs} analysis threads: {e}"))?;
        }
        let mut pending: VecDeque<mpsc::Receiver<Vec<Outcome>>> = VecDeque::new();
        let mut more = true;
        while more || !pending.is_empty() {
            if more {
                let mut batch = Vec::with_capacity(BATCH);
                while batch.len() < BATCH {
                    match lines.next()? {
                        Some(line) => batch.push(line),
                        None => {
                            more = false;
                            break;
                        }
                    }
                }
                if !batch.is_empty() {
                    let (reply, replies) = mpsc::channel();
                    queue
                        .send((batch, reply))
                        .map_err(|_| "the analysis threads stopped".to_string())?;
                    pending.push_back(replies);
                }
            }
            // Write the oldest batch once enough are in flight, and all at the end.
            while pending.len() > 2 * jobs || !more && !pending.is_empty() {
                let replies = pending.pop_front().expect("a pending batch");
                let outcomes = replies
                    .recv()
                    .map_err(|_| "an analysis thread stopped".to_string())?;
                for outcome in outcomes {
                    sink.put(outcome)?;
                }
            }
        }
        Ok(())
    })
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
            for (a, b, ty) in ner::spans(t) {
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
