//! Values in text, normalised: money with currency and scale ("US$8 billion" -> 8e9 USD),
//! percentages, counts of things ("about 50 jets" -> 50 jets), and dates, absolute ("Sept 10,
//! 2023") or relative to the document date ("on Sunday", "in May").

use crate::doc::analysis::{Analysis, Sent};
use crate::model::{Value, ValueKind};
use crate::pos::Upos;

const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const NUMBER_WORDS: [(&str, f64); 20] = [
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

/// Whether `word` names a month ("August", "Sept.").
pub(crate) fn is_month(word: &str) -> bool {
    month(word).is_some()
}

/// Whether `word` is a year of the last two centuries or this one ("2008").
pub(crate) fn is_year(word: &str) -> bool {
    year(word).is_some()
}

/// Whether a word names a month or a day of the week ("May", "Sept.", "Sunday").
pub(crate) fn is_month_or_day(word: &str) -> bool {
    month(word).is_some() || WEEKDAYS.contains(&word.to_lowercase().as_str())
}

fn currency(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "$" | "US$" | "USD" | "dollars" | "dollar" => "USD",
        "S$" | "SGD" => "SGD",
        "A$" | "AUD" => "AUD",
        "C$" | "CAD" => "CAD",
        "HK$" | "HKD" => "HKD",
        "NZ$" | "NZD" => "NZD",
        "€" | "EUR" | "euros" | "euro" => "EUR",
        "£" | "GBP" | "pounds" => "GBP",
        "¥" | "JPY" | "yen" => "JPY",
        "yuan" | "CNY" | "RMB" => "CNY",
        "₹" | "INR" | "rupees" => "INR",
        _ => return None,
    })
}

fn scale(word: &str) -> Option<f64> {
    Some(match word.to_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "m" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Parses "8", "1,200", "3.5", "five".
fn number(word: &str) -> Option<f64> {
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let clean: String = word.chars().filter(|c| *c != ',').collect();
        return clean.parse().ok();
    }
    let lower = word.to_lowercase();
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, n)| *n)
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// Parses `YYYY-MM-DD`.
pub fn parse_iso(date: &str) -> Option<(i64, u32, u32)> {
    let mut parts = date.get(..10)?.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Finds values in every sentence; `doc_date` (YYYY-MM-DD) resolves relative dates.
pub fn find(analysis: &Analysis<'_>, doc_date: Option<&str>) -> Vec<Value> {
    let today = doc_date.and_then(parse_iso);
    let mut out = Vec::new();
    for sent in &analysis.sents {
        let mut i = 0;
        while i < sent.toks.len() {
            let found = money(sent, i)
                .or_else(|| percent(sent, i))
                .or_else(|| date(sent, i, today))
                .or_else(|| quantity(sent, i));
            match found {
                Some((end, kind, amount, unit, date)) => {
                    let (start_b, end_b) = (sent.toks[i].start, sent.toks[end - 1].end);
                    out.push(Value {
                        start: analysis.ch(start_b),
                        end: analysis.ch(end_b),
                        text: sent.span_text(analysis.text, i, end),
                        kind,
                        amount,
                        unit,
                        date,
                        sentence: sent.index,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    out
}

type Hit = (
    usize,
    ValueKind,
    Option<f64>,
    Option<String>,
    Option<String>,
);

fn money(sent: &Sent<'_>, i: usize) -> Option<Hit> {
    let toks = &sent.toks;
    let t = toks[i].text;
    // Symbol first: "$10", "US$ 8 billion", "S$11 billion".
    if let Some(code) = currency(t).filter(|_| !t.chars().all(char::is_alphabetic) || t.len() == 3)
    {
        let n = number(toks.get(i + 1)?.text)?;
        let mut end = i + 2;
        let mut amount = n;
        if let Some(s) = toks.get(end).and_then(|t| scale(t.text)) {
            amount *= s;
            end += 1;
        }
        return Some((
            end,
            ValueKind::Money,
            Some(amount),
            Some(code.to_string()),
            None,
        ));
    }
    // Number first: "5 million euros".
    let n = number(t).filter(|_| t.chars().next().is_some_and(|c| c.is_ascii_digit()))?;
    let mut end = i + 1;
    let mut amount = n;
    if let Some(s) = toks.get(end).and_then(|t| scale(t.text)) {
        amount *= s;
        end += 1;
    }
    let code = currency(toks.get(end)?.text).filter(|c| toks[end].text.len() > 3 || *c != "USD")?;
    Some((
        end + 1,
        ValueKind::Money,
        Some(amount),
        Some(code.to_string()),
        None,
    ))
}

fn percent(sent: &Sent<'_>, i: usize) -> Option<Hit> {
    let toks = &sent.toks;
    let n = number(toks[i].text)?;
    let next = toks.get(i + 1)?;
    if next.text == "%" || next.is("percent") {
        return Some((i + 2, ValueKind::Percent, Some(n), Some("%".into()), None));
    }
    if next.is("per") && toks.get(i + 2).is_some_and(|t| t.is("cent")) {
        return Some((i + 3, ValueKind::Percent, Some(n), Some("%".into()), None));
    }
    None
}

fn year(word: &str) -> Option<i64> {
    let y: i64 = word.parse().ok()?;
    (word.len() == 4 && (1800..=2100).contains(&y)).then_some(y)
}

fn date(sent: &Sent<'_>, i: usize, today: Option<(i64, u32, u32)>) -> Option<Hit> {
    let toks = &sent.toks;
    let t = &toks[i];
    if let Some((y, m, d)) = parse_iso(t.text).filter(|_| t.text.len() == 10) {
        return Some((
            i + 1,
            ValueKind::Date,
            None,
            None,
            Some(format!("{y:04}-{m:02}-{d:02}")),
        ));
    }
    let day = |w: &str| {
        w.parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d) && w.len() <= 2)
    };
    // Month [day] [,] [year]
    if let Some(m) = month(t.text).filter(|_| t.capitalised()) {
        // "May" is a month only with a day or year, or after "in".
        let mut end = i + 1;
        let d = toks.get(end).and_then(|t| day(t.text));
        if d.is_some() {
            end += 1;
        }
        if toks.get(end).is_some_and(|t| t.text == ",")
            && toks.get(end + 1).is_some_and(|t| year(t.text).is_some())
        {
            end += 1;
        }
        let y = toks.get(end).and_then(|t| year(t.text));
        if y.is_some() {
            end += 1;
        }
        let after_in = i > 0 && toks[i - 1].is("in");
        if d.is_none() && y.is_none() && !after_in {
            return None;
        }
        let y = y.or_else(|| today.map(|(ty, tm, _)| if m > tm + 1 { ty - 1 } else { ty }));
        let text = match (y, d) {
            (Some(y), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), None) => format!("{y:04}-{m:02}"),
            (None, _) => return Some((end, ValueKind::Date, None, None, None)),
        };
        return Some((end, ValueKind::Date, None, None, Some(text)));
    }
    // day Month [year]
    if let Some(d) = day(t.text)
        && let Some(m) = toks.get(i + 1).and_then(|t| month(t.text))
    {
        let y = toks.get(i + 2).and_then(|t| year(t.text));
        let end = if y.is_some() { i + 3 } else { i + 2 };
        let y = y.or(today.map(|t| t.0));
        return Some((
            end,
            ValueKind::Date,
            None,
            None,
            y.map(|y| format!("{y:04}-{m:02}-{d:02}")),
        ));
    }
    // Weekday, resolved to the latest such day on or before the document date.
    let lower = t.lower();
    if let Some(w) = WEEKDAYS
        .iter()
        .position(|d| *d == lower)
        .filter(|_| t.capitalised())
    {
        let date = today.map(|(y, m, d)| {
            let days = days_from_civil(y, m, d);
            // 1970-01-01 was a Thursday (index 3 with Monday = 0).
            let today_w = (days + 3).rem_euclid(7);
            let back = (today_w - w as i64).rem_euclid(7);
            let (y, m, d) = civil_from_days(days - back);
            format!("{y:04}-{m:02}-{d:02}")
        });
        return Some((i + 1, ValueKind::Date, None, None, date));
    }
    // "in 2023"
    if let Some(y) = year(t.text).filter(|_| {
        i > 0
            && matches!(
                toks[i - 1].lower().as_str(),
                "in" | "since" | "by" | "until"
            )
    }) {
        return Some((i + 1, ValueKind::Date, None, None, Some(format!("{y:04}"))));
    }
    None
}

fn quantity(sent: &Sent<'_>, i: usize) -> Option<Hit> {
    let toks = &sent.toks;
    let t = &toks[i];
    if t.tag != Upos::Num || year(t.text).is_some() {
        return None;
    }
    let mut amount = number(t.text)?;
    let mut j = i + 1;
    if let Some(s) = toks.get(j).and_then(|t| scale(t.text)) {
        amount *= s;
        j += 1;
    }
    // The counted noun: the first common noun after modifiers ("40 Airbus A320 jets").
    let limit = (j + 5).min(toks.len());
    let noun = (j..limit)
        .take_while(|&k| {
            matches!(
                toks[k].tag,
                Upos::Propn | Upos::Num | Upos::Adj | Upos::Noun
            ) && toks[k].text != ","
        })
        .find(|&k| toks[k].tag == Upos::Noun)?;
    let unit = toks[noun].lower();
    Some((
        noun + 1,
        ValueKind::Quantity,
        Some(amount),
        Some(unit),
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(
            civil_from_days(days_from_civil(1999, 12, 31) + 1),
            (2000, 1, 1)
        );
    }

    #[test]
    fn numbers_and_scales() {
        assert_eq!(number("1,200"), Some(1200.0));
        assert_eq!(number("3.5"), Some(3.5));
        assert_eq!(number("five"), Some(5.0));
        assert_eq!(scale("billion"), Some(1e9));
        assert_eq!(currency("S$"), Some("SGD"));
        assert_eq!(month("Sept."), Some(9));
    }
}
