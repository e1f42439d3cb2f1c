//! Quotes and attributions: who said what.
//!
//! This first version is rule-based: quotation marks paired within a
//! paragraph give direct and partial quotes; a cue verb next to a name (or a
//! pronoun that refers back to the last speaker) gives the speaker;
//! "X said that ...", "according to X" and a headline's trailing ": X" give
//! indirect attributions. The learned attribution model comes with the quotes
//! issue, behind the same function.

use crate::analysis::{Entity, Label, Mention, Quote, QuoteKind, Span, Speaker};
use crate::article::{Layout, PartKind};
use crate::mentions::within;
use crate::tokens::{Token, TokenKind};
use crate::Doc;

/// Verbs and phrases that attribute speech. Multi-word cues are matched first.
const CUES: &[&str] = &[
    "called on",
    "according to",
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "stated",
    "states",
    "asked",
    "warned",
    "warns",
    "noted",
    "notes",
    "explained",
    "declared",
    "insisted",
    "argued",
    "argues",
    "wrote",
    "writes",
    "tweeted",
    "announced",
    "urged",
    "claimed",
    "claims",
    "replied",
    "responded",
    "continued",
    "stressed",
    "emphasized",
    "emphasised",
    "acknowledged",
    "admitted",
    "confirmed",
    "denied",
    "reiterated",
    "recalled",
    "suggested",
];
/// Cues that take a "that" clause as reported speech.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "stated",
    "told",
    "warned",
    "noted",
    "added",
    "argued",
    "claimed",
    "announced",
    "insisted",
    "explained",
    "declared",
    "confirmed",
    "acknowledged",
    "admitted",
    "denied",
    "stressed",
    "reiterated",
    "believes",
    "believed",
    "suggested",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// Finds the quotes of the article.
pub fn find(doc: &Doc, layout: &Layout, mentions: &[Mention], _entities: &[Entity]) -> Vec<Quote> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut last_speaker: Option<Speaker> = None;
    for part in layout.parts.iter() {
        let toks = token_range(&doc.tokens, part.start, part.end);
        match part.kind {
            PartKind::Title => {
                if let Some(q) = headline_attribution(text, part.start, part.end, mentions) {
                    out.push(q);
                }
            }
            PartKind::Body => {
                let marked = quotation_marked(doc, toks.clone(), mentions, &mut last_speaker);
                // Reported speech in the sentences that have no quotation marks.
                let first = doc
                    .sentences
                    .partition_point(|s| s.sentence.start < part.start);
                let last = doc
                    .sentences
                    .partition_point(|s| s.sentence.start < part.end);
                let mut next_marked = 0;
                for s in &doc.sentences[first..last] {
                    let (a, b) = (s.sentence.start, s.sentence.end);
                    while next_marked < marked.len() && marked[next_marked].end <= a {
                        next_marked += 1;
                    }
                    if marked[next_marked..]
                        .iter()
                        .take_while(|q| q.start < b)
                        .any(|q| a < q.end)
                    {
                        continue;
                    }
                    out.extend(reported(doc, s.sentence.tokens.clone(), mentions));
                }
                out.extend(marked);
            }
            PartKind::Meta => {}
        }
    }
    out.sort_by_key(|q| q.start);
    out
}

/// Tokens lying within `start..end` (tokens are sorted by offset).
fn token_range(tokens: &[Token], start: usize, end: usize) -> std::ops::Range<usize> {
    let a = tokens.partition_point(|t| t.start < start);
    let b = tokens.partition_point(|t| t.start < end);
    a..b
}

/// Quotes between quotation marks in the tokens `range` of one paragraph.
fn quotation_marked(
    doc: &Doc,
    range: std::ops::Range<usize>,
    mentions: &[Mention],
    last_speaker: &mut Option<Speaker>,
) -> Vec<Quote> {
    let text = doc.text;
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in range.clone() {
        let t = toks[i];
        let s = t.text(text);
        let is_double = s == "\"";
        match (t.kind, open) {
            (TokenKind::OpenQuote, _) if s != "‘" => open = Some(i),
            (TokenKind::Quote, None) if is_double => open = Some(i),
            (TokenKind::CloseQuote, Some(o)) | (TokenKind::Quote, Some(o))
                if is_double || s == "”" || s == "»" =>
            {
                open = None;
                if i > o + 1 {
                    out.push((o, i));
                }
            }
            _ => {}
        }
    }
    // An unclosed quote at the end of a paragraph runs to its end (multi-paragraph quotes).
    if let Some(o) = open {
        if o + 1 < range.end && o == range.start {
            out.push((o, range.end));
        }
    }
    let mut quotes = Vec::new();
    for (o, c) in out {
        let content = (toks[o + 1].start, toks[c - 1].end);
        let sent = doc
            .sentences
            .get(
                doc.sentences
                    .partition_point(|s| s.sentence.tokens.end <= o),
            )
            .map_or(o..c, |s| s.sentence.tokens.clone());
        // Sentence tokens outside the quote, where the attribution lives.
        let before = sent.start..o;
        let after = (c + 1).min(sent.end)..sent.end;
        let starts_sentence =
            o == sent.start || matches!(toks[o - 1].text(text), ":" | "," | "—" | "-");
        let kind = if starts_sentence {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        if kind == QuoteKind::Partial && c - o - 1 < 2 {
            continue; // a scare-quoted word, not a quotation
        }
        let cue_speaker = find_speaker(doc, after.clone(), mentions, true)
            .or_else(|| find_speaker(doc, before.clone(), mentions, false));
        let (speaker, cue) = match cue_speaker {
            Some((sp, cue)) => {
                let sp = match sp {
                    SpeakerRef::Span(sp) => Some(sp),
                    SpeakerRef::Pronoun(a, b) => last_speaker.clone().map(|l| Speaker {
                        start: a,
                        end: b,
                        text: text[a..b].to_string(),
                        entity: l.entity,
                    }),
                };
                (sp, Some(cue))
            }
            None => (None, None),
        };
        if let Some(sp) = &speaker {
            *last_speaker = Some(sp.clone());
        }
        quotes.push(Quote {
            kind,
            start: content.0,
            end: content.1,
            text: text[content.0..content.1].to_string(),
            speaker,
            cue,
        });
    }
    quotes
}

enum SpeakerRef {
    Span(Speaker),
    /// A pronoun at this byte range, to resolve to the last speaker.
    Pronoun(usize, usize),
}

/// A cue in the tokens `range` and the speaker next to it.
fn find_speaker(
    doc: &Doc,
    range: std::ops::Range<usize>,
    mentions: &[Mention],
    after_quote: bool,
) -> Option<(SpeakerRef, Span)> {
    let text = doc.text;
    let toks = &doc.tokens[range.clone()];
    let (ci, clen) = find_cue(text, toks)?;
    let cue_start = toks[ci].start;
    let cue_end = toks[ci + clen - 1].end;
    let cue = Span::of(text, cue_start, cue_end);
    // "..., he said" / "Watson said:" : the subject right before the cue.
    if ci > 0 {
        let prev = toks[ci - 1];
        if PRONOUNS.contains(&prev.text(text)) {
            return Some((SpeakerRef::Pronoun(prev.start, prev.end), cue));
        }
        let window_start = toks[ci.saturating_sub(4)].start;
        if let Some(m) = within(mentions, window_start, cue_start)
            .iter()
            .rev()
            .find(|m| is_speaker_label(m.label))
        {
            return Some((SpeakerRef::Span(speaker_of(m)), cue));
        }
    }
    // "..., said Watson."
    if after_quote {
        let next_end = toks.get(ci + clen + 3).map_or(toks.last()?.end, |t| t.end);
        if let Some(m) = within(mentions, cue_end, next_end)
            .iter()
            .find(|m| is_speaker_label(m.label))
        {
            return Some((SpeakerRef::Span(speaker_of(m)), cue));
        }
    }
    None
}

fn is_speaker_label(l: Label) -> bool {
    matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Norp)
}

fn speaker_of(m: &Mention) -> Speaker {
    Speaker {
        start: m.start,
        end: m.end,
        text: m.text.clone(),
        entity: m.entity,
    }
}

/// The first cue in `toks`: (token index, number of tokens).
fn find_cue(text: &str, toks: &[Token]) -> Option<(usize, usize)> {
    for i in 0..toks.len() {
        let w = toks[i].text(text);
        for cue in CUES {
            let mut parts = cue.split(' ');
            let first = parts.next()?;
            if !w.eq_ignore_ascii_case(first) {
                continue;
            }
            let rest: Vec<&str> = parts.collect();
            let ok = rest.iter().enumerate().all(|(k, p)| {
                toks.get(i + 1 + k)
                    .is_some_and(|t| t.text(text).eq_ignore_ascii_case(p))
            });
            if ok {
                return Some((i, 1 + rest.len()));
            }
        }
    }
    None
}

/// Reported speech in one sentence: "X said (that) ...", "... according to X".
fn reported(doc: &Doc, range: std::ops::Range<usize>, mentions: &[Mention]) -> Option<Quote> {
    let text = doc.text;
    let toks = &doc.tokens[range.clone()];
    let (ci, clen) = find_cue(text, toks)?;
    let cue = Span::of(text, toks[ci].start, toks[ci + clen - 1].end);
    let last = toks.len() - usize::from(toks.last().is_some_and(|t| is_final(t.text(text))));
    if cue.text.eq_ignore_ascii_case("according to") {
        // The source runs to the next comma or the end of the sentence.
        let src_end = (ci + clen..last)
            .find(|&k| toks[k].text(text) == ",")
            .unwrap_or(last);
        if src_end <= ci + clen {
            return None;
        }
        let src = (toks[ci + clen].start, toks[src_end - 1].end);
        let (cs, ce) = if ci > 0 {
            let end = if toks[ci - 1].text(text) == "," {
                ci - 1
            } else {
                ci
            };
            (0, end)
        } else if src_end + 1 < last {
            (src_end + 1, last)
        } else {
            return None;
        };
        if ce <= cs {
            return None;
        }
        let entity = within(mentions, src.0, src.1)
            .first()
            .and_then(|m| m.entity);
        return Some(Quote {
            kind: QuoteKind::Indirect,
            start: toks[cs].start,
            end: toks[ce - 1].end,
            text: text[toks[cs].start..toks[ce - 1].end].to_string(),
            speaker: Some(Speaker {
                start: src.0,
                end: src.1,
                text: text[src.0..src.1].to_string(),
                entity,
            }),
            cue: Some(cue),
        });
    }
    if !REPORTING.iter().any(|r| cue.text.eq_ignore_ascii_case(r)) || ci == 0 {
        return None;
    }
    // Content: after "that" (or right after the cue), to the end of the sentence.
    let mut cs = ci + clen;
    if toks.get(cs).is_some_and(|t| t.text(text) == "that") {
        cs += 1;
    } else if !toks.get(cs).is_some_and(|t| t.kind == TokenKind::Word) {
        return None;
    }
    if cs >= last || last - cs < 3 {
        return None;
    }
    // Subject: from the start of the clause to the cue, if it holds a name.
    let subj_start = (0..ci)
        .rev()
        .find(|&k| toks[k].text(text) == ",")
        .map_or(0, |k| k + 1);
    if subj_start >= ci {
        return None;
    }
    let (ss, se) = (toks[subj_start].start, toks[ci - 1].end);
    let m = within(mentions, ss, se)
        .iter()
        .find(|m| is_speaker_label(m.label))?;
    Some(Quote {
        kind: QuoteKind::Indirect,
        start: toks[cs].start,
        end: toks[last - 1].end,
        text: text[toks[cs].start..toks[last - 1].end].to_string(),
        speaker: Some(Speaker {
            start: ss,
            end: se,
            text: text[ss..se].to_string(),
            entity: m.entity,
        }),
        cue: Some(cue),
    })
}

fn is_final(s: &str) -> bool {
    matches!(s, "." | "!" | "?")
}

/// "Putin begs North Korea for help: US" -> the claim, attributed to "US".
fn headline_attribution(
    text: &str,
    start: usize,
    end: usize,
    mentions: &[Mention],
) -> Option<Quote> {
    let title = &text[start..end];
    let colon = title.rfind(':')?;
    let source = title[colon + 1..].trim();
    let words = source.split_whitespace().count();
    if !(1..=4).contains(&words) || !source.chars().next()?.is_uppercase() || colon == 0 {
        return None;
    }
    let src_start =
        start + colon + 1 + (title[colon + 1..].len() - title[colon + 1..].trim_start().len());
    let src_end = src_start + source.len();
    let claim = title[..colon].trim_end();
    let entity = within(mentions, src_start, src_end)
        .first()
        .and_then(|m| m.entity);
    Some(Quote {
        kind: QuoteKind::Indirect,
        start,
        end: start + claim.len(),
        text: claim.to_string(),
        speaker: Some(Speaker {
            start: src_start,
            end: src_end,
            text: source.to_string(),
            entity,
        }),
        cue: Some(Span::of(text, start + colon, start + colon + 1)),
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::QuoteKind;

    #[test]
    fn direct_quote_with_speaker_after() {
        let text = "Headline words here\n\n\"We will win,\" John Smith said on Monday.";
        let a = crate::extract(text);
        let q = &a.quotes[0];
        assert_eq!(q.text, "We will win,");
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(q.speaker.as_ref().unwrap().text, "John Smith");
        assert_eq!(q.cue.as_ref().unwrap().text, "said");
    }

    #[test]
    fn he_added_goes_to_the_last_speaker() {
        let text = "Talks\n\n\"It is over,\" John Smith said.\n\n\"We are done,\" he added.";
        let a = crate::extract(text);
        assert_eq!(a.quotes.len(), 2);
        let s = a.quotes[1].speaker.as_ref().unwrap();
        assert_eq!(s.text, "he");
        assert_eq!(s.entity, a.quotes[0].speaker.as_ref().unwrap().entity);
        assert!(s.entity.is_some());
    }

    #[test]
    fn according_to_and_headline_colon() {
        let text =
            "Prices will rise: IMF\n\nPrices will rise next year, according to local sources.";
        let a = crate::extract(text);
        let kinds: Vec<(&str, &str)> = a
            .quotes
            .iter()
            .map(|q| {
                (
                    q.speaker.as_ref().unwrap().text.as_str(),
                    q.cue.as_ref().unwrap().text.as_str(),
                )
            })
            .collect();
        assert_eq!(kinds, [("IMF", ":"), ("local sources", "according to")]);
    }

    #[test]
    fn unbalanced_marks_do_not_break_the_rest() {
        let text = "Title here\n\nHe said \"this is odd.\n\n\"Fine,\" Jane Doe said.";
        let a = crate::extract(text);
        assert!(a.quotes.iter().any(|q| q.text == "Fine,"));
    }
}
