//! Named mentions: the trained recogniser's spans, refined and typed with the gazetteers, plus
//! the names that rules are sure of (countries, a capitalised name after a title).
//!
//! Rules after the model, in order:
//! 1. leading articles, honorifics and titles, and trailing possessives, are cut off a span;
//! 2. a span that is a country name or alias is a Country, whatever the model said;
//! 3. a place in the city table is a City, another place a Place;
//! 4. an organisation whose last word is a company word ("Airlines", "Inc") is a Company;
//! 5. a capitalised name right after a title ("Prime Minister X Y") is a Person;
//! 6. country names the model missed are added; spans that are only titles, months or days go.

use crate::analysis::{Analysis, Sent};
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::ner::{NerLabel, Recognizer};
use crate::pos::Upos;

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
    if let Some(p) = (start..end.saturating_sub(1))
        .rev()
        .find(|&p| is_possessive(sent.toks[p].text))
    {
        start = p + 1;
    }
    (start, end)
}

fn acceptable(sent: &Sent<'_>, start: usize, end: usize) -> bool {
    let lex = Lexicon::get();
    if start >= end {
        return false;
    }
    let toks = &sent.toks[start..end];
    if !toks
        .iter()
        .any(|t| t.capitalised() || t.text.chars().any(|c| c.is_ascii_digit()))
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
    end: usize,
) -> (EntityType, Option<String>) {
    let lex = Lexicon::get();
    if let Some(country) = lex.country(name) {
        return (EntityType::Country, Some(country.name.clone()));
    }
    if lex.company(name) {
        return (EntityType::Company, None);
    }
    let last = sent.toks[end - 1].text;
    match label {
        // A capital read as a person at the start of a sentence ("Oslo said ...") is the city,
        // unless the word is also a given name.
        NerLabel::Per if lex.capital_of(name).is_some() && lex.given_name(name) == 0 => {
            (EntityType::City, None)
        }
        NerLabel::Per => (EntityType::Person, None),
        NerLabel::Org => match lex.org_suffix(last) {
            Some(kind) => (kind, None),
            None => (EntityType::Organization, None),
        },
        NerLabel::Loc => {
            if let Some(kind) = lex.org_suffix(last).filter(|k| *k == EntityType::Company) {
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
                && sent.toks[start]
                    .text
                    .split('-')
                    .filter(|p| !p.is_empty())
                    .all(|p| lex.country(p).is_some())
            {
                continue;
            }
            if !acceptable(sent, start, end) {
                continue;
            }
            let (kind, country) =
                refine(&sent.span_text(analysis.text, start, end), label, sent, end);
            take(
                analysis,
                sent,
                &mut taken,
                &mut found,
                (start, end),
                kind,
                country,
            );
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
        if let Some((end, country)) = country_at(sent, i).filter(|(end, _)| !numbered(*end))
            && !taken[i..end].iter().any(|t| *t)
        {
            take(
                analysis,
                sent,
                taken,
                found,
                (i, end),
                EntityType::Country,
                Some(country),
            );
            i = end;
            continue;
        }
        if let Some(end) = company_at(sent, analysis.text, i)
            && !taken[i..end].iter().any(|t| *t)
        {
            take(
                analysis,
                sent,
                taken,
                found,
                (i, end),
                EntityType::Company,
                None,
            );
            i = end;
            continue;
        }
        // "Prime Minister Ana Silva", "Mr Silva": a capitalised title or honorific, then a name.
        let t = &sent.toks[i];
        let cue = (t.capitalised() && lex.title_word(t.text) && !t.is("the") && !t.is("of"))
            || lex.honorific(t.text);
        if cue {
            let mut j = i + 1;
            while j < sent.toks.len()
                && (lex.title_word(sent.toks[j].text) && sent.toks[j].capitalised())
            {
                j += 1;
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
            let cued = lex.honorific(t.text) || title_run_start(sent, name_start) <= i;
            if j > name_start && cued && acceptable(sent, name_start, j) {
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
