//! Datelines: the place (and the agency) that open a news report, written in capitals before
//! a dash: "TAMPERE, Finland (AP) --", "LONDON (Reuters) -", "KYIV, Ukraine —". The model reads
//! words in capitals poorly; the shape of a dateline says what they are: the place where the
//! report was filed, a city (or a country), and the agency that filed it, an organisation.

use super::*;

/// The parts of a dateline, as token ranges of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dateline {
    pub place: (usize, usize),
    pub region: Option<(usize, usize)>,
    pub agency: Option<(usize, usize)>,
}

/// A word written in capitals, two letters or more ("TAMPERE", "ST.", "AL-").
fn shouted(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
}

fn dash(word: &str) -> bool {
    matches!(word, "--" | "-" | "\u{2014}" | "\u{2013}" | "---")
}

/// The dateline opening `sent`, if it has one: one to three words in capitals, then optionally
/// `, Region` (one to three capitalised words), then optionally `(Agency)`, then a dash. Words
/// in capitals before a dash alone ("PS --", "UPDATE -") are a dateline only when they are a
/// known city or country.
pub(super) fn read(lex: &Lexicon, sent: &Sent<'_>) -> Option<Dateline> {
    let toks = &sent.toks;
    let word = |i: usize| toks.get(i).map_or("", |t| t.text);
    let place_end = (0..3.min(toks.len()))
        .take_while(|&i| shouted(word(i)))
        .last()?
        + 1;
    // ", Nov 12", "April 14": the day the report was filed.
    let dated = |k: usize| {
        let at = usize::from(word(k) == ",");
        let day = word(k + at + 1);
        (crate::values::is_month(word(k + at))
            && !day.is_empty()
            && day.chars().all(|c| c.is_ascii_digit()))
        .then_some(k + at + 2)
    };
    let mut i = place_end;
    let mut framed = false;
    let mut region_span = None;
    if word(i) == "," && dated(i).is_none() {
        let region = (i + 1..i + 4)
            .take_while(|&k| {
                toks.get(k).is_some_and(|t| t.capitalised())
                    && !dash(word(k))
                    && !crate::values::is_month(word(k))
            })
            .count();
        if region == 0 {
            return None;
        }
        region_span = Some((i + 1, i + 1 + region));
        i += 1 + region;
        framed = true;
    }
    if let Some(next) = dated(i) {
        i = next;
        framed = true;
    }
    let mut agency = None;
    if word(i) == "(" {
        let close = (i + 1..i + 5).find(|&k| word(k) == ")")?;
        if close == i + 1 || !toks[i + 1].capitalised() {
            return None;
        }
        agency = Some((i + 1, close));
        i = close + 1;
        framed = true;
    }
    if !framed {
        let name: Vec<&str> = toks[..place_end].iter().map(|t| t.text).collect();
        let titled = crate::names::shape::title_case(&name.join(" ").to_lowercase());
        if lex.city(&titled).is_none() && lex.country(&titled).is_none() {
            return None;
        }
    }
    dash(word(i)).then_some(Dateline {
        place: (0, place_end),
        region: region_span,
        agency,
    })
}

/// The country a report was filed from, read off a dateline in its first sentences (after a
/// headline and a byline): the country after the city ("MAPUTO, Mozambique (AP) -"), the country of a region there
/// ("DAYTON, Ohio"), else the city's own ("MUMBAI -": India) or the place itself when it is a
/// country. A national post the report names without a country ("President X", "Labour
/// Minister X") is this country's.
pub(crate) fn home_country<'l>(analysis: &Analysis<'l>) -> Option<&'l str> {
    let lex: &'l Lexicon = analysis.lex;
    let sent = analysis
        .sents
        .iter()
        .take(6)
        .find_map(|sent| read(lex, sent).map(|d| (sent, d)));
    let (sent, dateline) = sent?;
    if let Some((a, b)) = dateline.region {
        let region = sent.span_text(analysis.text, a, b);
        if let Some(country) = lex.country(&region) {
            return Some(&country.name);
        }
        if let Some(country) = lex.region(&region) {
            return Some(country);
        }
    }
    let (a, b) = dateline.place;
    let place = sent.span_text(analysis.text, a, b);
    let titled = crate::names::shape::title_case(&place.to_lowercase());
    lex.country(&titled)
        .map(|c| c.name.as_str())
        .or_else(|| lex.city(&titled))
}

/// Types a dateline's place and agency, replacing what the model made of them.
pub(super) fn apply(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    dateline: Dateline,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let lex = analysis.lex;
    let spans = [Some(dateline.place), dateline.agency];
    found.retain(|f| {
        !spans
            .iter()
            .flatten()
            .any(|&(a, b)| f.start < b && a < f.end)
    });
    for &(a, b) in spans.iter().flatten() {
        taken[a..b].iter_mut().for_each(|t| *t = false);
    }
    let (a, b) = dateline.place;
    let written = sent.span_text(analysis.text, a, b);
    let titled = crate::names::shape::title_case(&written.to_lowercase());
    let (kind, country) = match lex.country(&titled) {
        Some(c) => (EntityType::Country, Some(c.name.clone())),
        None => (EntityType::City, None),
    };
    take(analysis, sent, taken, found, (a, b), kind, country);
    if let Some((a, b)) = dateline.agency {
        let name = sent.span_text(analysis.text, a, b);
        let kind = if lex.company(&name) {
            EntityType::Company
        } else {
            EntityType::Organization
        };
        take(analysis, sent, taken, found, (a, b), kind, None);
    }
    found.sort_by_key(|f| f.start);
}

/// Whether a sentence credits the reporters and editors of the story ("(Reporting by Ana Berg
/// in Oslo and Tom Reyes in Lima; Editing by Ola Dahl)"): its names are people, the places
/// after them where they filed from, and it states no fact.
pub(crate) fn credit_line(sent: &Sent<'_>) -> bool {
    let bracketed = sent
        .toks
        .first()
        .is_some_and(|t| matches!(t.text, "(" | "["));
    let words: Vec<&str> = sent
        .toks
        .iter()
        .map(|t| t.text)
        .filter(|w| !matches!(*w, "(" | "[" | "-" | "--"))
        .take(3)
        .collect();
    // ("Produced by Vexa Studios, the film ..." is a sentence of the story: those two only in
    // brackets.)
    match words[..] {
        ["Reporting" | "Writing" | "Editing", "by", ..] | ["Additional", "reporting", "by"] => true,
        ["Compiled" | "Produced", "by", ..] => bracketed,
        _ => false,
    }
}
