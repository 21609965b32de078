//! Named mentions: the trained recogniser's spans, refined and typed with the gazetteers, plus
//! the names that rules are sure of (countries, a capitalised name after a title).
//!
//! Rules after the model, in order:
//! 1. leading articles, honorifics and titles, and trailing possessives, are cut off a span;
//! 2. a span that is a country name or alias is a Country, whatever the model said;
//! 3. a place in the city table is a City, another place a Place;
//! 4. an organisation whose last word is a company word ("Airlines", "Inc") is a Company;
//! 5. a capitalised name right after a title ("Prime Minister X Y", "interior minister X Y") is
//!    a Person; a span that joins a place and a person after "of" or "to" is cut in two
//!    ("Governor of Washington X Y");
//! 6. a head word of an institution ("Museum", "Planetarium") makes a place an Organization; a
//!    single-word person before ", <region>" that is a city and no given name is a City; an
//!    agency word before a country ("Environment Canada") makes an Organization; an event word
//!    ("Olympics", "Fourth International Congress") makes an Event;
//! 7. country names the model missed are added; spans that are only titles, months or days go.

use crate::analysis::{Analysis, Sent};
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::ner::{NerLabel, Recognizer};
use crate::pos::Upos;

/// Fewer US babies than this got the name: a city before its region that bears it ("Seattle,
/// Washington") is the city.
const RARE_NAME: u32 = 1000;

/// A typed name in a sentence, before coreference.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub sent: usize,
    /// Token range in the sentence.
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// The name as written, white space folded.
    pub name: String,
    /// The country's common name when the name is a country or its alias.
    pub country: Option<String>,
}

fn is_article(word: &str) -> bool {
    word.eq_ignore_ascii_case("the")
        || word.eq_ignore_ascii_case("a")
        || word.eq_ignore_ascii_case("an")
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// Longest country name or alias starting at token `i` (up to five tokens); returns the end and
/// the country's common name.
pub fn country_at(sent: &Sent<'_>, i: usize) -> Option<(usize, String)> {
    let lex = Lexicon::get();
    let first = sent.toks.get(i)?;
    if !first.capitalised() {
        return None;
    }
    let mut best = None;
    let mut name = String::new();
    for j in i..(i + 5).min(sent.toks.len()) {
        let t = &sent.toks[j];
        if j > i {
            if !(t.capitalised() || t.is("of") || t.is("the") || t.is("and")) {
                break;
            }
            name.push(' ');
        }
        name.push_str(t.text);
        if t.capitalised()
            && let Some(country) = lex.country(&name)
        {
            best = Some((j + 1, country.name.clone()));
        }
    }
    best
}

/// Whether token `i` starts a run of title words that ends right before `end`.
fn title_run_start(sent: &Sent<'_>, end: usize) -> usize {
    let lex = Lexicon::get();
    let mut i = end;
    while i > 0 {
        let t = &sent.toks[i - 1];
        let inner = t.is("of") || t.is("the");
        if lex.title_word(t.text) && (t.capitalised() || !inner) {
            i -= 1;
        } else {
            break;
        }
    }
    // A run may not start with a connector.
    while i < end && (sent.toks[i].is("of") || sent.toks[i].is("the")) {
        i += 1;
    }
    i
}

/// Cuts articles, honorifics, titles and demonyms off the front and possessives off the end.
fn trim(sent: &Sent<'_>, mut start: usize, mut end: usize, kind: NerLabel) -> (usize, usize) {
    let lex = Lexicon::get();
    while start < end {
        let t = &sent.toks[start];
        let strip = is_article(t.text)
            || lex.honorific(t.text)
            || (kind == NerLabel::Per && (lex.title_word(t.text) || lex.demonym(t.text).is_some()));
        if strip && end - start > 1 {
            start += 1;
        } else {
            break;
        }
    }
    while end > start
        && (is_possessive(sent.toks[end - 1].text) || sent.toks[end - 1].tag == Upos::Punct)
    {
        end -= 1;
    }
    // "Norway's Labour Party": the possessor is a name of its own, the span is what follows.
    // But "New People's Party", "Children's Hospital": a lone organisation word after the
    // possessive is not a name of its own.
    if let Some(p) = (start..end.saturating_sub(1))
        .rev()
        .find(|&p| is_possessive(sent.toks[p].text))
        && !(end == p + 2 && lex.org_suffix(sent.toks[p + 1].text).is_some())
    {
        start = p + 1;
        // "Platt ' s Music Hall": a possessive split in two.
        if sent.toks[p].text != "'s"
            && sent.toks[p].text != "\u{2019}s"
            && start + 1 < end
            && sent.toks[start].text == "s"
        {
            start += 1;
        }
    }
    (start, end)
}

fn acceptable(sent: &Sent<'_>, start: usize, end: usize) -> bool {
    let lex = Lexicon::get();
    if start >= end {
        return false;
    }
    let toks = &sent.toks[start..end];
    // Web text writes places in lower case ("flights to san francisco"): a known one counts.
    let title_case = || {
        toks.iter()
            .map(|t| {
                let mut c = t.text.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let known_place = || {
        let name = title_case();
        lex.country(&name).is_some() || lex.city(&name).is_some() || lex.region(&name).is_some()
    };
    if !toks
        .iter()
        .any(|t| t.capitalised() || t.text.chars().any(|c| c.is_ascii_digit()))
        && !known_place()
    {
        return false;
    }
    if toks
        .iter()
        .all(|t| lex.title_word(t.text) || lex.honorific(t.text))
    {
        return false;
    }
    if end - start == 1 && crate::values::is_month_or_day(toks[0].text) {
        return false;
    }
    toks.iter()
        .any(|t| t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

fn refine(
    name: &str,
    label: NerLabel,
    sent: &Sent<'_>,
    (start, end): (usize, usize),
) -> (EntityType, Option<String>) {
    let lex = Lexicon::get();
    if let Some(country) = lex.country(name) {
        return (EntityType::Country, Some(country.name.clone()));
    }
    if lex.company(name) {
        return (EntityType::Company, None);
    }
    let last = sent.toks[end - 1].text;
    // The head of "Museum of Flight" is "Museum": the last word before "of".
    let head = sent.toks[start..end]
        .iter()
        .position(|t| t.is("of"))
        .filter(|&p| p > 0)
        .map_or(last, |p| sent.toks[start + p - 1].text);
    // "Springfield, Ohio": a city before its state or country.
    let before_region = sent.toks.get(end).is_some_and(|t| t.text == ",")
        && sent.toks.get(end + 1).is_some_and(|t| {
            t.capitalised() && (lex.region(t.text).is_some() || lex.country(t.text).is_some())
        });
    if lex.institution(head) {
        return (EntityType::Organization, None);
    }
    // The words up to the head: "Fourth International Congress" of "... of Linguists".
    let to_head = sent.toks[start..end]
        .iter()
        .position(|t| t.is("of"))
        .filter(|&p| p > 0)
        .unwrap_or(end - start);
    let words: Vec<&str> = sent.toks[start..start + to_head]
        .iter()
        .map(|t| t.text)
        .collect();
    if label != NerLabel::Per && lex.event(&words) {
        return (EntityType::Event, None);
    }
    match label {
        // A capital read as a person at the start of a sentence ("Oslo said ...") is the city,
        // unless the word is also a given name; so is a city before its region.
        NerLabel::Per
            if end == start + 1
                && ((lex.capital_of(name).is_some() && lex.given_name(name) == 0)
                    || (before_region
                        && lex.city(name).is_some()
                        && lex.given_name(name) < RARE_NAME)) =>
        {
            (EntityType::City, None)
        }
        // "Nordvik Labs": no person's name ends in a company word.
        NerLabel::Per if lex.org_suffix(last) == Some(EntityType::Company) => {
            (EntityType::Company, None)
        }
        NerLabel::Per => (EntityType::Person, None),
        NerLabel::Org => match lex.org_suffix(last) {
            Some(kind) => (kind, None),
            None => (EntityType::Organization, None),
        },
        NerLabel::Loc => {
            // "West Bank": a company word that also ends place names keeps the place.
            if let Some(kind) = lex
                .org_suffix(last)
                .filter(|k| *k == EntityType::Company && !lex.place_word(last))
            {
                (kind, None)
            } else if lex.city(name).is_some() {
                (EntityType::City, None)
            } else {
                (EntityType::Place, None)
            }
        }
    }
}

/// Finds the named mentions of every sentence.
pub fn find(analysis: &Analysis<'_>) -> Vec<Found> {
    let recognizer = Recognizer::embedded();
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let mut tags: Vec<Upos> = Vec::new();
    // The model's spans of every sentence, reconciled over the document (one label per name,
    // names found once labelled where the model missed them) as the recognizer's text path does.
    let sentences: Vec<Vec<&str>> = analysis
        .sents
        .iter()
        .map(|s| s.toks.iter().map(|t| t.text).collect())
        .collect();
    let mut spans: Vec<Vec<crate::ner::Span>> = Vec::with_capacity(sentences.len());
    for (sent, words) in analysis.sents.iter().zip(&sentences) {
        tags.clear();
        tags.extend(sent.toks.iter().map(|t| t.tag));
        spans.push(recognizer.recognize(words, &tags));
    }
    crate::ner::reconcile_document(&sentences, &mut spans);
    for (sent, model_spans) in analysis.sents.iter().zip(spans) {
        let mut taken = vec![false; sent.toks.len()];
        let mut found: Vec<Found> = Vec::new();
        for span in model_spans {
            let (mut start, end) = trim(sent, span.start, span.end, span.label);
            let mut label = span.label;
            // "National Security Adviser Ana Silva" read as one organisation: the title goes,
            // the name is a person.
            if label != NerLabel::Per
                && let Some(name_start) = person_after_title(sent, start, end)
            {
                start = name_start;
                label = NerLabel::Per;
            }
            // "US-China": two countries joined, not a place.
            if end == start + 1
                && sent.toks[start].text.contains('-')
                && sent.toks[start]
                    .text
                    .split('-')
                    .filter(|p| !p.is_empty())
                    .all(|p| lex.country(p).is_some())
            {
                continue;
            }
            // "Lam Cheuk-ting", "Kim Jong-un": the hyphenated given name belongs to the person.
            let mut end = end;
            if label == NerLabel::Per
                && end - start <= 2
                && sent.toks.get(end).is_some_and(|t| hyphenated_name(t.text))
            {
                end += 1;
            }
            if !acceptable(sent, start, end) {
                continue;
            }
            // "Environment Canada": an agency of the country, not the country.
            if start > 0 && !taken[start - 1] && agency_before(sent, start) {
                start -= 1;
                label = NerLabel::Org;
            }
            // "Governor of Washington Ana Silva": the place, then the person.
            let mut parts = Vec::with_capacity(2);
            if let Some(p) = place_then_person(sent, start, end) {
                parts.push((start, p, label));
                start = p;
                label = NerLabel::Per;
            }
            // "Minister of Education Ana Silva": the field is no part of the name.
            if let Some(p) = field_then_person(sent, start, end) {
                start = p;
                label = NerLabel::Per;
            }
            // "the Aviation Museum of Springfield, Illinois": the institution, then its city.
            let mut city = None;
            if let Some(of) = city_after_of(sent, analysis.text, start, end) {
                city = Some((of + 1, end, NerLabel::Loc));
                end = of;
            }
            parts.push((start, end, label));
            parts.extend(city);
            for (a, b, label) in parts {
                let (kind, country) =
                    refine(&sent.span_text(analysis.text, a, b), label, sent, (a, b));
                take(
                    analysis,
                    sent,
                    &mut taken,
                    &mut found,
                    (a, b),
                    kind,
                    country,
                );
            }
        }
        add_rule_mentions(analysis, sent, &mut taken, &mut found);
        found.sort_by_key(|f| f.start);
        join_of_phrases(analysis, sent, &mut found);
        out.extend(found);
    }
    out
}

/// "Ministry of Defence", "Communist Party of Vietnam", "Bank of Japan": an organisation whose
/// last word is an organisation word, then "of [the]" and another name, is one organisation.
fn join_of_phrases(analysis: &Analysis<'_>, sent: &Sent<'_>, found: &mut Vec<Found>) {
    let lex = Lexicon::get();
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        let org = matches!(a.kind, EntityType::Organization | EntityType::Company)
            && lex.org_suffix(sent.toks[a.end - 1].text).is_some();
        let of = sent.toks.get(a.end).is_some_and(|t| t.text == "of");
        let gap = if sent.toks.get(a.end + 1).is_some_and(|t| t.is("the")) {
            2
        } else {
            1
        };
        if org && of && b.start == a.end + gap {
            let (start, end, kind) = (a.start, b.end, a.kind);
            let name = sent.span_text(analysis.text, start, end);
            found[i] = Found {
                sent: sent.index,
                start,
                end,
                kind,
                name,
                country: None,
            };
            found.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

/// Where the name starts in a span that opens with a title ("Deputy Minister Ana Silva"), when
/// the rest is a short capitalised name.
fn person_after_title(sent: &Sent<'_>, start: usize, end: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let mut j = start;
    while j < end && sent.toks[j].capitalised() && lex.title_word(sent.toks[j].text) {
        j += 1;
    }
    let rest = &sent.toks[j..end];
    let titled = j > start && lex.title(sent.toks[j - 1].text);
    let name_like = !rest.is_empty()
        && rest.len() <= 4
        && rest.iter().all(|t| {
            t.capitalised() && lex.org_suffix(t.text).is_none() && lex.country(t.text).is_none()
        });
    (titled && name_like).then_some(j)
}

/// Whether the word before a country's name at `start` makes an agency of it ("Environment
/// Canada"): an agency word, not itself inside a run of capitalised words.
fn agency_before(sent: &Sent<'_>, start: usize) -> bool {
    let lex = Lexicon::get();
    start > 0
        && lex.agency_word(sent.toks[start - 1].text)
        && country_at(sent, start).is_some()
        && (start < 2 || !sent.toks[start - 2].capitalised() || start - 2 == 0)
}

/// A hyphenated given name as romanised from Chinese or Korean: "Cheuk-ting", "Jong-un".
fn hyphenated_name(word: &str) -> bool {
    let Some((a, b)) = word.split_once('-') else {
        return false;
    };
    let mut first = a.chars();
    first.next().is_some_and(|c| c.is_uppercase())
        && first.all(|c| c.is_lowercase())
        && !b.is_empty()
        && b.len() <= 4
        && b.chars().all(|c| c.is_lowercase())
}

/// The "of" in an organisation's span that ends in a known city right before ", <region>"
/// ("the Aviation Museum of Springfield, Illinois"): the city is where it is, not part of its
/// name.
fn city_after_of(sent: &Sent<'_>, text: &str, start: usize, end: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let of = (start + 1..end.saturating_sub(1))
        .rev()
        .find(|&p| sent.toks[p].is("of"))?;
    let city = sent.span_text(text, of + 1, end);
    let before_region = sent.toks.get(end).is_some_and(|t| t.text == ",")
        && sent
            .toks
            .get(end + 1)
            .is_some_and(|t| lex.region(t.text).is_some() || lex.country(t.text).is_some());
    let institution = sent.toks[start..of]
        .iter()
        .any(|t| lex.institution(t.text) || lex.org_suffix(t.text).is_some());
    (before_region && institution && lex.city(&city).is_some() && lex.region(&city).is_none())
        .then_some(of)
}

/// Where the person starts in a span that joins a place and a person after "of" or "to [the]"
/// ("Governor of Washington Ana Silva", "Ambassador to the United States Ola Berg"): the place
/// is a country, city or region, the person two or three capitalised words from a given name.
fn place_then_person(sent: &Sent<'_>, start: usize, end: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let after_of = start > 0
        && (sent.toks[start - 1].is("of")
            || sent.toks[start - 1].is("to")
            || (start > 1 && sent.toks[start - 1].is("the") && sent.toks[start - 2].is("to")));
    if !after_of || end - start < 3 {
        return None;
    }
    (start + 1..end - 1).find(|&p| {
        let place = sent.toks[start..p]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        let is_place = lex.country(&place).is_some()
            || lex.city(&place).is_some()
            || lex.region(&place).is_some();
        let person = &sent.toks[p..end];
        is_place
            && (2..=3).contains(&person.len())
            && lex.given_name(person[0].text) > 0
            && person.iter().all(|t| t.capitalised())
    })
}

/// A known city or region of one to three capitalised words at `i`, right before a comma and
/// a country or region ("Aceh, Indonesia"); returns its end and type.
fn place_before_region(sent: &Sent<'_>, text: &str, i: usize) -> Option<(usize, EntityType)> {
    let lex = Lexicon::get();
    (i + 1..=(i + 3).min(sent.toks.len()))
        .rev()
        .find_map(|end| {
            if !sent.toks[i..end].iter().all(|t| t.capitalised()) {
                return None;
            }
            let next = sent.toks.get(end + 1)?;
            let larger = sent.toks[end].text == ","
                && next.capitalised()
                && (lex.region(next.text).is_some() || country_at(sent, end + 1).is_some());
            let name = sent.span_text(text, i, end);
            let dated = sent.toks[i..end]
                .iter()
                .any(|t| crate::values::is_month_or_day(t.text));
            if !larger || dated || lex.country(&name).is_some() {
                return None;
            }
            // After "in" or "near", any proper name before ", <region>" is a place ("in Cape
            // Canaveral, Florida").
            let located = i > 0
                && matches!(sent.toks[i - 1].lower().as_str(), "in" | "near")
                && sent.toks[i..end].iter().all(|t| t.tag == Upos::Propn);
            if lex.city(&name).is_some() && lex.given_name(&name) < RARE_NAME {
                Some((end, EntityType::City))
            } else if lex.region(&name).is_some() || located {
                Some((end, EntityType::Place))
            } else {
                None
            }
        })
}

/// Where the person starts in a span that follows "Title of|for" and opens with the title's
/// field ("Minister of Education Ana Silva"): the first word that is a given name, with one or
/// two capitalised words after it.
fn field_then_person(sent: &Sent<'_>, start: usize, end: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let titled = start > 1
        && (sent.toks[start - 1].is("of") || sent.toks[start - 1].is("for"))
        && lex.title(sent.toks[start - 2].text);
    if !titled {
        return None;
    }
    (start + 1..end.saturating_sub(1)).find(|&p| {
        lex.given_name(sent.toks[p].text) > 0
            && (2..=3).contains(&(end - p))
            && sent.toks[start..p]
                .iter()
                .all(|t| lex.given_name(t.text) == 0 && lex.country(t.text).is_none())
    })
}

/// The longest well-known company name starting at token `i` (up to three tokens).
fn company_at(sent: &Sent<'_>, text: &str, i: usize) -> Option<usize> {
    let lex = Lexicon::get();
    (i + 1..=(i + 3).min(sent.toks.len()))
        .rev()
        .find(|&end| sent.toks[i].capitalised() && lex.company(&sent.span_text(text, i, end)))
}

/// Records a rule-found name over tokens `start..end` and marks them taken.
fn take(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
    (start, end): (usize, usize),
    kind: EntityType,
    country: Option<String>,
) {
    let name = sent.span_text(analysis.text, start, end);
    taken[start..end].iter_mut().for_each(|t| *t = true);
    found.push(Found {
        sent: sent.index,
        start,
        end,
        kind,
        name,
        country,
    });
}

/// Countries and companies the model missed, and names after titles.
fn add_rule_mentions(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let lex = Lexicon::get();
    let mut i = 0;
    while i < sent.toks.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        // "US 75" is a road, not the country.
        let numbered = |end: usize| sent.toks.get(end).is_some_and(|t| t.tag == Upos::Num);
        let t = &sent.toks[i];
        let rule = None
            // "Environment Canada": an agency named after its country.
            .or_else(|| {
                let (end, _) = country_at(sent, i + 1)?;
                agency_before(sent, i + 1).then_some((end, EntityType::Organization, None))
            })
            .or_else(|| {
                let (end, country) = country_at(sent, i).filter(|(end, _)| !numbered(*end))?;
                Some((end, EntityType::Country, Some(country)))
            })
            // "the coast of Aceh, Indonesia": a known city or region before its country.
            .or_else(|| {
                place_before_region(sent, analysis.text, i).map(|(end, kind)| (end, kind, None))
            })
            // "Mecca's Grand Mosque": a known city as a possessor.
            .or_else(|| {
                let possessor = t.capitalised()
                    && sent.toks.get(i + 1).is_some_and(|n| is_possessive(n.text))
                    && lex.city(t.text).is_some()
                    && lex.given_name(t.text) < RARE_NAME;
                possessor.then_some((i + 1, EntityType::City, None))
            })
            .or_else(|| {
                company_at(sent, analysis.text, i).map(|end| (end, EntityType::Company, None))
            })
            // "the University of Arkansas, Fayetteville, said": a known city after a name.
            .or_else(|| {
                let after_name = i > 1 && sent.toks[i - 1].text == "," && taken[i - 2];
                let closed = sent
                    .toks
                    .get(i + 1)
                    .is_none_or(|n| matches!(n.text, "," | "." | ")" | ";"));
                let city = t.capitalised()
                    && lex.city(t.text).is_some()
                    && lex.given_name(t.text) < RARE_NAME;
                (after_name && closed && city).then_some((i + 1, EntityType::City, None))
            })
            .filter(|(end, _, _)| !taken[i..*end].iter().any(|t| *t));
        if let Some((end, kind, country)) = rule {
            take(analysis, sent, taken, found, (i, end), kind, country);
            i = end;
            continue;
        }
        // "Prime Minister Ana Silva", "Mr Silva": a capitalised title or honorific, then a name.
        let t = &sent.toks[i];
        // A title in lower case ("France's interior minister Ana Silva") cues a name of two
        // or three words.
        let lower_title = !t.capitalised() && lex.title(t.text);
        let cue = (t.capitalised() && lex.title_word(t.text) && !t.is("the") && !t.is("of"))
            || lex.honorific(t.text)
            || lower_title;
        if cue {
            let mut j = i + 1;
            while j < sent.toks.len()
                && (lex.title_word(sent.toks[j].text) && sent.toks[j].capitalised())
            {
                j += 1;
            }
            // "CEO of the Refugee Council Ana Silva": the name after the organisation.
            let mut after_org = false;
            if sent.toks.get(j).is_some_and(|t| t.is("of")) {
                let mut q = j + 1;
                if sent.toks.get(q).is_some_and(|t| t.is("the")) {
                    q += 1;
                }
                let org_end = (q..sent.toks.len()).find(|&k| !taken[k]).unwrap_or(q);
                if org_end > q {
                    j = org_end;
                    after_org = true;
                }
            }
            let name_start = j;
            while j < sent.toks.len()
                && !taken[j]
                && sent.toks[j].capitalised()
                && sent.toks[j].tag == Upos::Propn
                && !lex.title_word(sent.toks[j].text)
                && lex.org_suffix(sent.toks[j].text).is_none()
                && lex.country(sent.toks[j].text).is_none()
                && j - name_start < 4
            {
                j += 1;
            }
            // The run must end in a title ("Associate Team" is no title before a name).
            let titled = (i..name_start).any(|k| {
                let words: Vec<&str> = sent.toks[k..name_start].iter().map(|t| t.text).collect();
                lex.title(&words.join(" "))
            });
            let cued = lex.honorific(t.text)
                || after_org
                || (titled && title_run_start(sent, name_start) <= i);
            let long_enough = !(lower_title || after_org) || j - name_start >= 2;
            if j > name_start && cued && long_enough && acceptable(sent, name_start, j) {
                take(
                    analysis,
                    sent,
                    taken,
                    found,
                    (name_start, j),
                    EntityType::Person,
                    None,
                );
                i = j;
                continue;
            }
        }
        i += 1;
    }
}
