//! Scoring quotes against PolNeAR attributions (used by `quotes-eval`, the
//! trainer and the dev-floor test; not a stable API).
//!
//! A predicted quote matches a gold attribution when their content spans
//! overlap by at least half of the shorter one; matching is one-to-one,
//! largest overlaps first. An attribution match also needs the speaker right:
//! the predicted speaker span overlaps the gold source, or, for gold without a
//! source, no speaker is predicted.
//!
//! "Quote speaker" counts the gold attributions whose content holds a
//! quotation mark: a double mark (`"`, `“`, `”`, SOURCE.md's proxy) or the
//! doubled apostrophes (`''`) some papers print as double marks (PolNeAR's
//! New York Times articles). The share over the double marks alone is
//! reported too.

use crate::analysis::Quote;
use serde::Deserialize;

/// One PolNeAR record (see `SOURCE.md` of the data set). Offsets are code points.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    pub id: String,
    #[serde(default)]
    pub primary: bool,
    pub text: String,
    pub attributions: Vec<Attribution>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Attribution {
    pub source: Vec<[usize; 2]>,
    pub cue: Vec<[usize; 2]>,
    pub content: Vec<[usize; 2]>,
    #[serde(default)]
    pub content_text: String,
}

/// A gold attribution in byte offsets.
#[derive(Debug, Clone)]
pub struct Gold {
    pub source: Vec<(usize, usize)>,
    pub cue: Vec<(usize, usize)>,
    pub content: Vec<(usize, usize)>,
    /// The content holds a quotation mark (a double one or `''`).
    pub marked: bool,
    /// The content holds a double quotation mark (`"`, `“`, `”`).
    pub double: bool,
}

/// Whether a gold content text holds a double quotation mark.
fn has_double_mark(content: &str) -> bool {
    content.contains(['"', '“', '”'])
}

impl Record {
    /// The gold attributions with offsets converted from code points to bytes.
    pub fn gold(&self) -> Vec<Gold> {
        let mut bytes: Vec<usize> = self.text.char_indices().map(|(i, _)| i).collect();
        bytes.push(self.text.len());
        let b = |c: usize| bytes[c.min(bytes.len() - 1)];
        let conv = |v: &[[usize; 2]]| -> Vec<(usize, usize)> {
            v.iter().map(|&[s, e]| (b(s), b(e))).collect()
        };
        self.attributions
            .iter()
            .map(|a| Gold {
                source: conv(&a.source),
                cue: conv(&a.cue),
                content: conv(&a.content),
                marked: has_double_mark(&a.content_text) || a.content_text.contains("''"),
                double: has_double_mark(&a.content_text),
            })
            .collect()
    }
}

fn overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let mut n = 0;
    for &(s, e) in a {
        for &(t, f) in b {
            n += e.min(f).saturating_sub(s.max(t));
        }
    }
    n
}

fn len(a: &[(usize, usize)]) -> usize {
    a.iter().map(|(s, e)| e - s).sum()
}

/// The one-to-one matching of predicted content spans with gold
/// attributions, largest overlaps first: pairs (predicted, gold) whose
/// contents overlap by at least half of the shorter one.
pub fn match_contents(spans: &[(usize, usize)], gold: &[Gold]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (qi, &(s, e)) in spans.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            let o = overlap(&[(s, e)], &g.content);
            let shorter = (e - s).min(len(&g.content));
            if o > 0 && 2 * o >= shorter {
                pairs.push((o, qi, gi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut q_used = vec![false; spans.len()];
    let mut g_used = vec![false; gold.len()];
    let mut out = Vec::new();
    for (_, qi, gi) in pairs {
        if !q_used[qi] && !g_used[gi] {
            q_used[qi] = true;
            g_used[gi] = true;
            out.push((qi, gi));
        }
    }
    out
}

/// Whether a speaker span `s..e` is right for gold attribution `g`: it
/// overlaps the gold source (or both are absent).
pub fn speaker_right(speaker: Option<(usize, usize)>, g: &Gold) -> bool {
    match speaker {
        None => g.source.is_empty(),
        Some(s) => overlap(&[s], &g.source) > 0,
    }
}

/// Running totals over documents.
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub predicted: usize,
    pub gold: usize,
    pub content_matched: usize,
    pub attribution_matched: usize,
    /// Gold attributions whose content holds a quotation mark.
    pub marked_gold: usize,
    /// ... of which matched with the speaker right.
    pub marked_right: usize,
    /// Gold attributions whose content holds a double mark, and of those
    /// the ones matched with the speaker right.
    pub double_gold: usize,
    pub double_right: usize,
    /// Content matched, speaker wrong: none predicted / one predicted where
    /// gold has none / both present without overlap.
    pub speaker_missing: usize,
    pub speaker_extra: usize,
    pub speaker_elsewhere: usize,
}

impl Score {
    /// Scores one document's predicted quotes against its gold attributions;
    /// returns the matched pairs (quote, gold, speaker right).
    pub fn add(&mut self, quotes: &[Quote], gold: &[Gold]) -> Vec<(usize, usize, bool)> {
        let mut matched = Vec::new();
        self.predicted += quotes.len();
        self.gold += gold.len();
        self.marked_gold += gold.iter().filter(|g| g.marked).count();
        self.double_gold += gold.iter().filter(|g| g.double).count();
        let spans: Vec<(usize, usize)> = quotes.iter().map(|q| (q.start, q.end)).collect();
        for (qi, gi) in match_contents(&spans, gold) {
            self.content_matched += 1;
            let g = &gold[gi];
            let sp = quotes[qi].speaker.as_ref().map(|s| (s.start, s.end));
            let right = speaker_right(sp, g);
            match (&quotes[qi].speaker, g.source.is_empty()) {
                (None, false) => self.speaker_missing += 1,
                (Some(_), true) => self.speaker_extra += 1,
                (Some(_), false) if !right => self.speaker_elsewhere += 1,
                _ => {}
            }
            matched.push((qi, gi, right));
            if right {
                self.attribution_matched += 1;
                if g.marked {
                    self.marked_right += 1;
                }
                if g.double {
                    self.double_right += 1;
                }
            }
        }
        matched
    }

    /// Content precision, recall, F1.
    pub fn content(&self) -> (f64, f64, f64) {
        crate::metrics::prf(self.content_matched, self.predicted, self.gold)
    }

    /// Attribution (content and speaker) precision, recall, F1.
    pub fn attribution(&self) -> (f64, f64, f64) {
        crate::metrics::prf(self.attribution_matched, self.predicted, self.gold)
    }

    /// Over gold attributions with quotation marks: matched with the speaker right.
    pub fn quote_speaker(&self) -> f64 {
        if self.marked_gold == 0 {
            0.0
        } else {
            self.marked_right as f64 / self.marked_gold as f64
        }
    }

    /// [`Score::quote_speaker`] over the double marks alone (`"`, `“`, `”`).
    pub fn double_quote_speaker(&self) -> f64 {
        self.double_right as f64 / self.double_gold.max(1) as f64
    }

    pub fn report(&self) -> String {
        let (cp, cr, cf) = self.content();
        let (ap, ar, af) = self.attribution();
        format!(
            "predicted {} gold {} (speaker wrong: {} missing, {} extra, {} elsewhere)\ncontent      P {:.3} R {:.3} F1 {:.3}\nattribution  P {:.3} R {:.3} F1 {:.3}\nquote speaker {:.3} ({} of {} gold attributions with quotation marks; double marks alone {:.3}, {} of {})",
            self.predicted, self.gold, self.speaker_missing, self.speaker_extra, self.speaker_elsewhere, cp, cr, cf, ap, ar, af,
            self.quote_speaker(), self.marked_right, self.marked_gold,
            self.double_quote_speaker(), self.double_right, self.double_gold
        )
    }
}
