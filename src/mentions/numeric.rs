//! Dates, times, money, percentages, quantities, ordinals and cardinals, by
//! patterns over a sentence's tokens. One left-to-right pass; each pattern
//! tries to match at the current token and the longest match wins.

use crate::analysis::Label;
use crate::tokens::{Token, TokenKind};

/// `word_set!(is_x: ["a", "b"])` defines `fn is_x(s: &str) -> bool`, true for
/// exactly those words: a `match` the compiler turns into a switch on length
/// and bytes, where a scan of a list compared every entry (the pass asks a
/// dozen such questions of every token).
macro_rules! word_set {
    ($name:ident: [$($word:literal),* $(,)?]) => {
        fn $name(s: &str) -> bool {
            matches!(s, $($word)|*)
        }
    };
}

word_set!(is_month: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
]);
word_set!(is_weekday: [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]);
/// A month's or weekday's name ("Monday", "Oct."): capitalised, but no
/// part of an organisation's name.
pub(super) fn is_calendar_word(w: &str) -> bool {
    is_month(w) || is_weekday(w)
}

word_set!(is_relative_day: [
    "yesterday",
    "today",
    "tomorrow",
    "Yesterday",
    "Today",
    "Tomorrow",
]);
word_set!(is_period_word: [
    "week",
    "weekend",
    "month",
    "year",
    "decade",
    "century",
    "quarter",
    "season",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "weeks",
    "months",
    "years",
    "decades",
    "days",
]);
word_set!(is_scale: [
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "bn",
    "mln",
    "m",
    "k",
]);
word_set!(is_currency_symbol: [
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "₽",
    "US$",
    "C$",
    "A$",
    "HK$",
]);
word_set!(is_currency_word: [
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "sterling",
    "yen",
    "yuan",
    "rubles",
    "roubles",
    "rupees",
    "francs",
    "cents",
    "pence",
    "lira",
    "won",
    "pesos",
    "marks",
    "crowns",
]);
word_set!(is_unit: [
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "feet",
    "foot",
    "inches",
    "kg",
    "kilograms",
    "tonnes",
    "tons",
    "tonne",
    "barrels",
    "litres",
    "liters",
    "acres",
    "hectares",
    "mph",
    "degrees",
]);
const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];
word_set!(is_number_word: [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
]);
word_set!(is_am_pm: ["a.m.", "p.m.", "am", "pm"]);
word_set!(is_time_zone: ["GMT", "UTC", "EST", "EDT", "CET", "BST", "PST", "ET"]);
const DATE_LEADS: &[&str] = &[
    "last", "next", "this", "early", "late", "mid", "earlier", "later",
];

/// [`find_into`] into a new list.
#[cfg(test)]
pub fn find(text: &str, toks: &[Token]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    find_into(text, toks, &mut out);
    out
}

/// `(first token, end token, label)` for each match in `toks`, in order,
/// into `out`, which is cleared first.
#[inline(never)]
pub fn find_into(text: &str, toks: &[Token], out: &mut Vec<(usize, usize, Label)>) {
    out.clear();
    let w = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let is_num = |i: usize| toks.get(i).is_some_and(|t| t.kind == TokenKind::Number);
    let is_year = |i: usize| {
        is_num(i) && {
            let s = w(i);
            s.len() == 4 && (s.starts_with("19") || s.starts_with("20"))
        }
    };
    let is_day = |i: usize| {
        is_num(i) && w(i).len() <= 2 && w(i).parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let mut i = 0;
    while i < toks.len() {
        let s = w(i);
        let m: Option<(usize, Label)> = if is_month(s)
            && (s.len() > 3 || w(i + 1) == "." || is_day(i + 1) || is_year(i + 1))
        {
            // "Sept. 13, 2023", "September 2023", "March"
            let mut j = i + 1;
            if is_day(j) {
                j += 1;
                if w(j) == "," && is_year(j + 1) {
                    j += 2;
                } else if is_year(j) {
                    j += 1;
                }
            } else if is_year(j) {
                j += 1;
            }
            // "May" alone is too often a verb.
            (s != "May" || j > i + 1).then_some((j, Label::Date))
        } else if is_day(i) && is_month(w(i + 1)) {
            // "13 September 2023"
            let j = if is_year(i + 2) { i + 3 } else { i + 2 };
            Some((j, Label::Date))
        } else if is_weekday(s) || is_relative_day(s) {
            Some((i + 1, Label::Date))
        } else if in_ci(DATE_LEADS, s) && (is_period_word(w(i + 1)) || is_weekday(w(i + 1))) {
            Some((i + 2, Label::Date))
        } else if is_currency_symbol(s) && is_num(i + 1) {
            let j = if is_scale(w(i + 2)) { i + 3 } else { i + 2 };
            Some((j, Label::Money))
        } else if is_num(i) {
            let mut j = i + 1;
            if is_scale(w(j)) {
                j += 1;
            }
            let next = w(j);
            if next == "%" || next == "percent" || next == "per" && w(j + 1) == "cent" {
                let end = if next == "per" { j + 2 } else { j + 1 };
                let end =
                    if w(end) == "points" || (w(end) == "percentage" && w(end + 1) == "points") {
                        end + if w(end) == "points" { 1 } else { 2 }
                    } else {
                        end
                    };
                Some((end, Label::Percent))
            } else if is_currency_word(next) {
                Some((j + 1, Label::Money))
            } else if is_unit(next) {
                Some((j + 1, Label::Quantity))
            } else if s.contains(':') && s.len() <= 5 {
                let end = if is_am_pm(next) || is_time_zone(next) {
                    j + 1
                } else {
                    j
                };
                Some((end, Label::Time))
            } else if is_am_pm(next) {
                Some((j + 1, Label::Time))
            } else if is_year(i) && j == i + 1 && !s.contains(',') {
                Some((j, Label::Date))
            } else {
                Some((j, Label::Cardinal))
            }
        } else if in_ci(ORDINAL_WORDS, s) || is_numeric_ordinal(s) {
            Some((i + 1, Label::Ordinal))
        } else if is_number_word(s) {
            let j = if is_scale(w(i + 1)) { i + 2 } else { i + 1 };
            Some((j, Label::Cardinal))
        } else {
            None
        };
        match m {
            Some((end, label)) if end > i => {
                out.push((i, end.min(toks.len()), label));
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// Whether `list` holds `s`, ignoring ASCII case (without allocating).
fn in_ci(list: &[&str], s: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// "1st", "22nd", "3rd", "40th".
fn is_numeric_ordinal(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&s[digits..], "st" | "nd" | "rd" | "th")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn found(text: &str) -> Vec<(String, Label)> {
        let toks = tokenize(text);
        find(text, &toks)
            .into_iter()
            .map(|(a, b, l)| (text[toks[a].start..toks[b - 1].end].to_string(), l))
            .collect()
    }

    fn one(text: &str, want: &str, label: Label) {
        let f = found(text);
        assert!(
            f.iter().any(|(s, l)| s == want && *l == label),
            "{want} as {label} in {f:?}"
        );
    }

    #[test]
    fn dates() {
        one("It started in 2022.", "2022", Label::Date);
        one("On Sept. 13, 2023 they met.", "Sept. 13, 2023", Label::Date);
        one("on 13 September 2023", "13 September 2023", Label::Date);
        one("He spoke on Tuesday.", "Tuesday", Label::Date);
        one("Sales fell last year.", "last year", Label::Date);
    }

    #[test]
    fn money_percent_time_quantity() {
        one("It cost $5 million.", "$5 million", Label::Money);
        one("It cost 300 euros.", "300 euros", Label::Money);
        one("Up 3.5% today", "3.5%", Label::Percent);
        one("Up 12 percent", "12 percent", Label::Percent);
        one("at 14:02 GMT", "14:02 GMT", Label::Time);
        one("at 9 a.m.", "9 a.m.", Label::Time);
        one("a 30 km drive", "30 km", Label::Quantity);
    }

    #[test]
    fn numbers() {
        one("the first visit", "first", Label::Ordinal);
        one("the 21st century", "21st", Label::Ordinal);
        one("1,200 people", "1,200", Label::Cardinal);
        one("two countries", "two", Label::Cardinal);
        assert!(found("They may go.").is_empty());
    }
}
