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
//!    single-word person before `, <region>` that is a city and no given name is a City; an
//!    agency word before a country ("Environment Canada") makes an Organization; an event word
//!    ("Olympics", "Fourth International Congress") makes an Event;
//! 7. country names the model missed are added; spans that are only titles, months or days go;
//! 8. text written in the ways of web pages and mail gets its own readings: a name with a
//!    headless possessive after "at" or "to" is a place ("going to Gino's for dinner"), a job
//!    after a dash is cut off a name ("Ana Lima - Director"), a lone common given name is a
//!    person when greeted, addressed or acting ("Thanks Josh"), a sender written surname
//!    first between quotes is one person, and a known city then its region without a comma
//!    are two places ("Porto Portugal");
//! 9. a person-read name ending in a street, building or landmark word, or made of a compass
//!    word and a known city, is a place; "the" + place + "and" + organisation is one
//!    institution;
//! 10. a dateline opening a report ("TAMPERE, Finland (AP) --") names a city and an agency;
//! 11. a noun for a kind of body before names types them ("cable firms Vexa and Tellnet":
//!     companies; "the band X", "broadcaster Y": organisations), and a party's short name or
//!     its members' ("the Tories", "Labour MPs") is the party;
//! 12. a state's or province's abbreviation after a city and a comma is a place ("Ponchatoula,
//!     La.");
//! 13. a person-read name that some sentence of the document places as a body ("chief
//!     executive of X", "X, which", "X's shareholders", "shares in X") is that body throughout.
//!
//! `span` trims, keeps and types a span, `cuts` splits spans that join two names, `rules` finds
//! the names the model missed, `dateline` reads datelines, `kinds` the nouns and party names
//! that type names, `abbreviations` the abbreviated states and provinces, and `bodies` the
//! bodies read from where their names stand.

mod abbreviations;
mod bodies;
pub(crate) use abbreviations::{abbreviated_region, region_named};
mod cuts;
mod dateline;
pub(crate) use dateline::{credit_line, home_country};
mod kinds;
mod rules;
mod span;

use cuts::*;
use rules::*;
use span::*;

use std::collections::HashSet;

use crate::doc::analysis::{Analysis, Sent};
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::ner::{NerLabel, Recognizer};
use crate::pos::Upos;

/// Fewer US babies than this got the name: a city before its region that bears it ("Seattle,
/// Washington") is the city.
pub(super) const RARE_NAME: u32 = 1000;

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

/// Whether a word (in lower case) is a noun for a settlement before "of" and its name ("the
/// town of Karavik").
pub(crate) fn settlement_noun(word: &str) -> bool {
    SETTLEMENTS.contains(&word)
}

/// Nouns for settlements before "of" and their name ("the town of Karavik").
const SETTLEMENTS: [&str; 6] = ["town", "village", "city", "port", "hamlet", "municipality"];

/// Words that name a part of a city before its name ("West Oakland", "Old Delhi").
const COMPASS: [&str; 12] = [
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Upper",
    "Lower",
    "Old",
    "Central",
];

pub(super) fn is_article(word: &str) -> bool {
    word.eq_ignore_ascii_case("the")
        || word.eq_ignore_ascii_case("a")
        || word.eq_ignore_ascii_case("an")
}

pub(super) fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// Finds the named mentions of every sentence.
pub fn find(analysis: &Analysis<'_>, recognizer: &Recognizer) -> Vec<Found> {
    let lex = analysis.lex;
    let mut out = Vec::new();
    // The model's spans of every sentence, reconciled over the document (one label per name,
    // names found once labelled where the model missed them) as the recognizer's text path does.
    let sentences: Vec<Vec<&str>> = analysis
        .sents
        .iter()
        .map(|s| s.toks.iter().map(|t| t.text).collect())
        .collect();
    let tags: Vec<Vec<Upos>> = analysis
        .sents
        .iter()
        .map(|s| s.toks.iter().map(|t| t.tag).collect())
        .collect();
    let mut spans = recognizer.recognize_sentences(lex, &sentences, &tags);
    for ((words, tags), spans) in sentences.iter().zip(&tags).zip(&mut spans) {
        split_joined_people(words, spans);
        split_letter_lines(lex, words, tags, spans);
        split_name_lists(lex, words, spans);
    }
    crate::ner::reconcile_document(&sentences, &mut spans);
    // The last words of the document's person names of two words or more, and the one-word
    // names the model read as places somewhere in the document.
    let surnames = span_words(&sentences, &spans, |s| {
        (s.label == NerLabel::Per && s.end - s.start >= 2).then(|| s.end - 1)
    });
    let places = span_words(&sentences, &spans, |s| {
        (s.label == NerLabel::Loc && s.end == s.start + 1).then_some(s.start)
    });
    for (sent, model_spans) in analysis.sents.iter().zip(spans) {
        let mut taken = vec![false; sent.toks.len()];
        let mut found: Vec<Found> = Vec::new();
        // Where the model's person names start (an "and" phrase never runs into one).
        let people: Vec<usize> = model_spans
            .iter()
            .filter(|s| s.label == NerLabel::Per)
            .map(|s| s.start)
            .collect();
        // Tokens before this one were taken into an earlier name.
        let mut consumed = 0;
        for span in model_spans {
            if span.start < consumed {
                continue;
            }
            let (mut start, mut end) = trim(lex, sent, span.start, span.end, span.label);
            if end <= start {
                continue;
            }
            let mut label = span.label;
            // "Pan-democrat Lam Cheuk-ting": a hyphenated word in lower case after its hyphen
            // describes the person and is no part of the name.
            if label == NerLabel::Per && end - start >= 2 && described(sent.toks[start].text) {
                start += 1;
            }
            // "Lyon's Grand Theatre" read as a person: a known city as a possessor, not a given
            // name and no surname of a person of the document, is the city.
            if label == NerLabel::Per
                && end == start + 1
                && sent.toks.get(end).is_some_and(|t| is_possessive(t.text))
                && lex.city(sent.toks[start].text).is_some()
                && lex.given_name(sent.toks[start].text) < RARE_NAME
                && !surnames.contains(sent.toks[start].text)
            {
                label = NerLabel::Loc;
            }
            // "the Central Asian republic", "North Korean troops": a word before a demonym is
            // part of an adjective, not a name of its own.
            if label != NerLabel::Per
                && end == start + 1
                && sent.toks.get(end).is_some_and(|t| {
                    t.capitalised() && t.tag == Upos::Adj && demonym_like(lex, t.text)
                })
            {
                continue;
            }
            // "Debra Perlingiere\n4105SF": a name does not run over a line break.
            if let Some(k) = (start + 1..end).find(|&k| {
                analysis
                    .text
                    .get(sent.toks[k - 1].end..sent.toks[k].start)
                    .is_some_and(|gap| gap.contains('\n'))
            }) {
                end = k;
            }
            // "minister Mei-Ling Tran-Whitaker" read as its surname alone: a hyphenated given
            // name the model left out, after a word in lower case, belongs to the person.
            if label == NerLabel::Per
                && end == start + 1
                && start >= 2
                && !taken[start - 1]
                && !sent.toks[start - 2].capitalised()
                && hyphenated_given(lex, sent.toks[start - 1].text)
            {
                start -= 1;
            }
            // "the Wellsby Athletic Supporters' Trust" read up to the apostrophe: the body's
            // word after it closes the name.
            if plural_possessive(sent, end)
                && !taken.get(end + 1).copied().unwrap_or(true)
                && BODY_WORDS.contains(&sent.toks[end + 1].text)
            {
                end += 2;
                consumed = end;
                label = NerLabel::Org;
            }
            // "the Teachers' Pension Fund" read from "Pension": the plural before the
            // apostrophe, and the capitalised words before it, open the name.
            if label == NerLabel::Org
                && start >= 2
                && plural_possessive(sent, start - 1)
                && let Some(s) = words_before_joiner(lex, sent, &taken, start)
            {
                start = s;
            }
            // "Cyclone Phailin": the word that opens a storm's name belongs to it.
            if start > 0
                && sent.toks[start - 1].capitalised()
                && lex.event_opener(sent.toks[start - 1].text)
                && !taken[start - 1]
            {
                start -= 1;
            }
            // "Department of Housing and Urban Development": the name goes on after "and".
            if label == NerLabel::Org
                && let Some(e) = and_phrase_after(lex, sent, start, end, &people)
            {
                end = e;
                consumed = e;
            }
            // "National Security Adviser Ana Silva" read as one organisation: the title goes,
            // the name is a person.
            if label != NerLabel::Per
                && let Some(name_start) = person_after_title(lex, sent, start, end)
            {
                start = name_start;
                label = NerLabel::Per;
            }
            // "Party Secretary Li Wenhua": a name after a title is a person.
            if label != NerLabel::Per && titled_person(lex, sent, start, end) {
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
            if label == NerLabel::Per
                && end - start <= 2
                && sent.toks.get(end).is_some_and(|t| hyphenated_name(t.text))
            {
                end += 1;
            }
            // "Lee Cheuk - yan": the same, in text tokenised before it came here.
            if label == NerLabel::Per
                && end - start <= 2
                && sent.toks.get(end).is_some_and(|t| t.text == "-")
                && sent.toks.get(end + 1).is_some_and(|t| {
                    (1..=4).contains(&t.text.len())
                        && t.text.chars().all(|c| c.is_lowercase())
                        && matches!(t.tag, Upos::Propn | Upos::Noun | Upos::X | Upos::Adj)
                })
                && hyphenated_name(&format!(
                    "{}-{}",
                    sent.toks[end - 1].text,
                    sent.toks[end + 1].text
                ))
            {
                end += 2;
            }
            // "Canyon Road", "Ashtamudi Lake" read as a person: a name that ends in a word for
            // a building, a street or a landmark, and does not open with a common given name,
            // is a place.
            if label == NerLabel::Per
                && end - start >= 2
                && lex.facility(sent.toks[end - 1].text)
                && lex.given_name(sent.toks[start].text) < rules::COMMON_GIVEN_NAME
            {
                label = NerLabel::Loc;
            }
            // "(Reporting by Ana Berg in Oslo and Tom Reyes in Lima ...)": a name before "in"
            // or after "by" or "and" in a credit line is a reporter's.
            if label != NerLabel::Per
                && dateline::credit_line(sent)
                && start > 0
                && (sent.toks[start - 1].is("by") || sent.toks[start - 1].is("and"))
                && sent
                    .toks
                    .get(end)
                    .is_none_or(|t| t.is("in") || t.is("and") || matches!(t.text, ";" | ")" | ","))
            {
                label = NerLabel::Per;
            }
            // "builder Costruzioni Ferrante & Figli SpA" read from "Figli": the capitalised
            // words before "&" open the name.
            let firm_end = lex.company_word(sent.toks[end - 1].text)
                || lex.org_suffix(sent.toks[end - 1].text).is_some();
            if (label == NerLabel::Org || firm_end)
                && start >= 2
                && sent.toks[start - 1].text == "&"
                && let Some(s) = words_before_joiner(lex, sent, &taken, start)
            {
                start = s;
            }
            // "the Sydney firm Lachlan Pryor & Co" read as "Lachlan": the capitalised words
            // after it, "&" and a firm's last word close the name.
            {
                let mut e = end;
                while e < sent.toks.len() && e < end + 3 && !taken[e] && sent.toks[e].capitalised()
                {
                    e += 1;
                }
                let firm_word = |t: &crate::doc::analysis::Tok<'_>| {
                    t.capitalised()
                        && (lex.company_word(t.text) || lex.org_suffix(t.text).is_some())
                };
                if sent.toks.get(e).is_some_and(|t| t.text == "&")
                    && sent.toks.get(e + 1).is_some_and(firm_word)
                    && !taken.get(e + 1).copied().unwrap_or(true)
                {
                    end = e + 2;
                    consumed = end;
                    label = NerLabel::Org;
                }
            }
            // "Rotterdam police": a town's police force is a body.
            if matches!(label, NerLabel::Loc | NerLabel::Per)
                && end == start + 1
                && sent.toks.get(end).is_some_and(|t| t.text == "police")
                && !taken.get(end).copied().unwrap_or(true)
                && (lex.city(sent.toks[start].text).is_some()
                    || lex.region(sent.toks[start].text).is_some())
            {
                end += 1;
                consumed = end;
                label = NerLabel::Org;
            }
            // "Harlowe & Finch" read as a place or a person: names joined by "&" are a firm's
            // ("Trinidad & Tobago" stays the country).
            if label != NerLabel::Org
                && (start + 1..end.saturating_sub(1)).any(|k| sent.toks[k].text == "&")
                && lex
                    .country(&sent.span_text(analysis.text, start, end))
                    .is_none()
            {
                label = NerLabel::Org;
            }
            // "the Caledonian Community Fund" read as a place: a name ending in a word of
            // bodies is one.
            if label == NerLabel::Loc
                && end - start >= 2
                && BODY_WORDS.contains(&sent.toks[end - 1].text)
                // ("the Soviet Union" stays the place it was.)
                && sent.toks[end - 1].text != "Union"
                && {
                    let name = sent.span_text(analysis.text, start, end);
                    lex.country(&name).is_none() && lex.region(&name).is_none()
                }
            {
                label = NerLabel::Org;
            }
            // "Brennholt Mayor Tom Reyes" read as two people: the word before a town's post is
            // the town.
            if label == NerLabel::Per
                && end == start + 1
                && local_post(sent.toks.get(end).map_or("", |t| t.text))
                && sent.toks.get(end + 1).is_some_and(|t| t.capitalised())
                && place_before_post(lex, sent, start)
            {
                label = NerLabel::Loc;
            }
            // "the Spanish coach Ramón de la Cruz" read as a place (or, after a post, as a
            // body: "Spain coach Luis de la Fuente"): a common given name, a surname's
            // particle, then the surname, no place any list knows, is a person; so is a name
            // opening with two given names joined by a hyphen ("Anne-Sophie Claes").
            let after_post = start > 0
                && (lex.title_word(sent.toks[start - 1].text)
                    || lex.title(sent.toks[start - 1].text));
            let first = sent.toks[start].text;
            let given = |w: &str| lex.given_name(w) >= rules::COMMON_GIVEN_NAME;
            let paired = first.split('-').count() == 2 && first.split('-').all(given);
            let particle = sent.toks[start + 1..end]
                .iter()
                .any(|t| SURNAME_PARTICLES.contains(&t.text));
            if (label == NerLabel::Loc || (label == NerLabel::Org && after_post))
                && (2..=5).contains(&(end - start))
                && ((given(first) && particle) || paired)
                && lex.city(sent.toks[start].text).is_none()
                && lex.country(sent.toks[start].text).is_none()
                && sent.toks[start + 1..end].iter().all(|t| {
                    (t.capitalised() && lex.unclaimed(t.text) && t.tag == Upos::Propn)
                        || SURNAME_PARTICLES.contains(&t.text)
                })
                && sent.toks[end - 1].capitalised()
                && {
                    let name = sent.span_text(analysis.text, start, end);
                    lex.city(&name).is_none()
                        && lex.region(&name).is_none()
                        && lex.country(&name).is_none()
                }
            {
                label = NerLabel::Per;
            }
            // "Labour MPs", "Republican senators" read as a person: a party before a plural
            // post is the party.
            if label == NerLabel::Per && end - start >= 2 {
                let last = sent.toks[end - 1].text;
                let one = last.strip_suffix('s').filter(|w| w.chars().count() >= 2);
                let party = || sent.span_text(analysis.text, start, end - 1);
                if one.is_some_and(|w| lex.title(w) || lex.title_word(&w.to_lowercase()))
                    && (lex.party_name(&party()) || lex.party_adjective(&party()))
                {
                    end -= 1;
                    label = NerLabel::Org;
                }
            }
            // "West Oakland" read as a person: a compass word before a known city names a part
            // of it.
            if label == NerLabel::Per
                && end - start == 2
                && COMPASS.iter().any(|w| sent.toks[start].is(w))
                && lex.city(sent.toks[start + 1].text).is_some()
            {
                label = NerLabel::Loc;
            }
            // "the port of Puerto Lindo", read as a person or a place: a settlement, a city.
            let settlement = label != NerLabel::Org
                && start >= 2
                && sent.toks[start - 1].is("of")
                && settlement_noun(&sent.toks[start - 2].lower());
            if settlement {
                label = NerLabel::Loc;
            }
            if let Some(e) = possessive_place(sent, start, end) {
                end = e;
                label = NerLabel::Loc;
            }
            if !acceptable(lex, sent, start, end) {
                continue;
            }
            // "Environment Canada": an agency of the country, not the country.
            if start > 0 && !taken[start - 1] && agency_before(lex, sent, start) {
                start -= 1;
                label = NerLabel::Org;
            }
            // "Governor of Washington Ana Silva": the place, then the person.
            let mut parts = Vec::with_capacity(2);
            // "Lyon Mayor Etienne Bonnafous": the place trimmed off the person's name is a
            // name of its own.
            if label == NerLabel::Per
                && span.start < start
                && !taken[span.start]
                && place_before_post(lex, sent, span.start)
            {
                parts.push((span.start, span.start + 1, NerLabel::Loc));
            }
            if let Some(p) = place_then_person(lex, sent, start, end) {
                let place = if label == NerLabel::Per {
                    NerLabel::Loc
                } else {
                    label
                };
                parts.push((start, p, place));
                start = p;
                label = NerLabel::Per;
            } else if let Some(p) = body_then_person(lex, sent, start, end) {
                // "CEO of the Refugee Board Ana Silva": the body, then the person.
                parts.push((start, p, NerLabel::Org));
                start = p;
                label = NerLabel::Per;
            }
            // "Tanya Chan of the Civic Party": the person, then the organisation.
            if label != NerLabel::Per
                && let Some(of) = person_then_org(lex, sent, start, end)
            {
                parts.push((start, of, NerLabel::Per));
                start = if sent.toks[of + 1].is("the") {
                    of + 2
                } else {
                    of + 1
                };
            }
            // "Minister of Education Ana Silva": the field is no part of the name.
            if let Some(p) = field_then_person(lex, sent, start, end) {
                start = p;
                label = NerLabel::Per;
            }
            // "the Aviation Museum of Springfield, Illinois": the institution, then its city.
            let mut city = None;
            if let Some(of) = city_after_of(lex, sent, analysis.text, start, end) {
                city = Some((of + 1, end, NerLabel::Loc));
                end = of;
            } else if let Some(of) = country_after_of(lex, sent, analysis.text, start, end) {
                // "Colorado State University of the US": the body, then its country.
                let place = if sent.toks[of + 1].is("the") {
                    of + 2
                } else {
                    of + 1
                };
                city = Some((place, end, NerLabel::Loc));
                end = of;
            }
            // "left Kestrel Media for Vexa Corp.": two companies, not one name.
            if let Some(f) = company_after_for(lex, sent, start, end) {
                parts.push((start, f, label));
                start = f + 1;
                label = NerLabel::Org;
            }
            // "Miramar California": the city, then its region.
            if label == NerLabel::Loc
                && let Some(k) = city_then_region(lex, sent, analysis.text, start, end)
            {
                parts.push((start, k, label));
                start = k;
            }
            parts.push((start, end, label));
            parts.extend(city);
            for (a, b, label) in parts {
                let (mut kind, country) = refine(
                    lex,
                    &sent.span_text(analysis.text, a, b),
                    label,
                    sent,
                    (a, b),
                );
                if settlement && a == start && kind == EntityType::Place {
                    kind = EntityType::City;
                }
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
        found.sort_by_key(|f| f.start);
        drop_corporate_forms(analysis, sent, &mut taken, &mut found);
        if let Some(d) = dateline::read(lex, sent) {
            dateline::apply(analysis, sent, d, &mut taken, &mut found);
        }
        kinds::apply(analysis, sent, &mut taken, &mut found);
        abbreviations::apply(analysis, sent, &mut taken, &mut found);
        add_rule_mentions(analysis, sent, &mut taken, &mut found);
        particle_surnames(analysis, sent, &surnames, &mut taken, &mut found);
        place_possessors(analysis, sent, &places, &mut taken, &mut found);
        found.sort_by_key(|f| f.start);
        join_of_phrases(analysis, sent, &mut found);
        surname_first_names(analysis, sent, &mut found);
        out.extend(found);
    }
    acronyms_of_organisations(analysis, &mut out);
    speaking_places_are_organisations(analysis, &mut out);
    bodies::known_joins(analysis, &mut out);
    bodies::bodies_by_context(analysis, &mut out);
    bodies::short_forms(analysis, &mut out);
    out
}

/// The words of the model's spans over the document that `pick` points at (a token index).
fn span_words<'a>(
    sentences: &[Vec<&'a str>],
    spans: &[Vec<crate::ner::Span>],
    pick: impl Fn(&crate::ner::Span) -> Option<usize>,
) -> HashSet<&'a str> {
    sentences
        .iter()
        .zip(spans)
        .flat_map(|(words, spans)| spans.iter().filter_map(&pick).filter_map(|k| words.get(k)))
        .copied()
        .collect()
}

/// Legal forms written after a company's name and a comma ("Google, Inc.").
const CORPORATE: [&str; 14] = [
    "Inc.", "Inc", "Ltd.", "Ltd", "Corp.", "Corp", "LLC", "L.L.C.", "plc", "PLC", "Co.", "S.A.",
    "AG", "GmbH",
];

/// "Google, Inc. of Mountain View": the legal form after the comma is no name of its own (the
/// model may have begun one there): that name goes, and a place after "of" in it is kept as a
/// place. The organisation keeps its plain name, the label a reader expects in the graph.
/// `found` is sorted by start.
fn drop_corporate_forms(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let mut k = 0;
    while k + 1 < found.len() {
        let (f, g) = (&found[k], &found[k + 1]);
        let form = f.end + 1;
        let junk = matches!(f.kind, EntityType::Organization | EntityType::Company)
            && sent.toks.get(f.end).is_some_and(|t| t.text == ",")
            && g.start == form
            && CORPORATE.contains(&sent.toks[form].text);
        if !junk {
            k += 1;
            continue;
        }
        let g = found.remove(k + 1);
        taken[g.start..g.end].iter_mut().for_each(|t| *t = false);
        if sent.toks.get(form + 1).is_some_and(|t| t.is("of")) && form + 2 < g.end {
            let (a, b) = (form + 2, g.end);
            let (kind, country) = refine(
                analysis.lex,
                &sent.span_text(analysis.text, a, b),
                NerLabel::Loc,
                sent,
                (a, b),
            );
            take(analysis, sent, taken, found, (a, b), kind, country);
            found.sort_by_key(|f| f.start);
        }
        k += 1;
    }
}

/// Words of saying that make a named place speak for the institution in it.
const SAYING: [&str; 8] = [
    "said",
    "says",
    "announced",
    "stated",
    "confirmed",
    "denied",
    "warned",
    "added",
];

/// "said the Elysee Palace", "the Kremlin said": a named place (not a country or city, which
/// stand for their governments elsewhere) that speaks is the institution it houses.
fn speaking_places_are_organisations(analysis: &Analysis<'_>, found: &mut [Found]) {
    // "John Pike of Alexandria, Va. said": the state ends the speaker's description.
    let states: Vec<bool> = found
        .iter()
        .map(|f| {
            analysis
                .sents
                .get(f.sent)
                .is_some_and(|sent| abbreviated_region(analysis.lex, sent, found, f).is_some())
        })
        .collect();
    for (f, state) in found.iter_mut().zip(states) {
        let Some(sent) = analysis.sents.get(f.sent) else {
            continue;
        };
        if f.kind != EntityType::Place || state {
            continue;
        }
        let says = |k: usize| sent.toks.get(k).is_some_and(|t| SAYING.contains(&t.text));
        let before_the = f.start >= 2 && sent.toks[f.start - 1].is("the") && says(f.start - 2);
        let before = f.start >= 1 && says(f.start - 1);
        if says(f.end) || before_the || before {
            f.kind = EntityType::Organization;
        }
    }
}

/// "Ministry of Defence", "Communist Party of Vietnam", "Bank of Japan": an organisation whose
/// last word is an organisation word, then "of [the]" and another name, is one organisation.
/// Names joined by "&" whose last word is a company word are one firm ("Halvorsen & Co").
/// So is "the" + a place + "and" + an organisation of two or more words ("the Newfoundland and
/// Labrador Court of Appeal").
pub(super) fn join_of_phrases(analysis: &Analysis<'_>, sent: &Sent<'_>, found: &mut Vec<Found>) {
    let lex = analysis.lex;
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        // "Google, Inc. of Mountain View": "of" after a legal form says where, not what.
        let last = sent.toks[a.end - 1].text;
        let org = matches!(a.kind, EntityType::Organization | EntityType::Company)
            && lex.org_suffix(last).is_some()
            && !CORPORATE.contains(&last);
        let of = sent.toks.get(a.end).is_some_and(|t| t.text == "of");
        let gap = if sent.toks.get(a.end + 1).is_some_and(|t| t.is("the")) {
            2
        } else {
            1
        };
        // "the Newfoundland and Labrador Court of Appeal": an institution of two places.
        let place = matches!(
            a.kind,
            EntityType::Country | EntityType::City | EntityType::Place
        );
        let joint = place
            && matches!(b.kind, EntityType::Organization | EntityType::Company)
            && a.start > 0
            && sent.toks[a.start - 1].is("the")
            && sent.toks.get(a.end).is_some_and(|t| t.text == "and")
            && b.start == a.end + 1
            && b.end - b.start >= 2;
        // "Colorado State University of the US": a whole name, then where it is.
        let located = b.kind == EntityType::Country
            && cuts::whole_before_country(lex, &sent.toks[a.start..a.end]);
        // "Halvorsen & Co", "Arrieta & Sole Abogados": names joined by "&" into a firm's.
        // Two lone surnames so joined after a noun for what they are are a firm too ("the
        // auction house Ashcombe & Rowe", "the investment firm Carrick & Lowe"), not two
        // people (nor are authors cited, "(Dye & Bavelier, 2010)", or players, "beat X & Y").
        let described = a.start > 0
            && sent.toks[a.start - 1].tag == Upos::Noun
            && !sent.toks[a.start - 1].capitalised();
        // "at Harlowe & Finch", "Harlowe & Finch, which ...": so too after a preposition or
        // opening the sentence.
        let placed = a.start == 0 || sent.toks[a.start - 1].tag == Upos::Adp;
        let described = described || placed;
        let surname = |f: &Found| {
            f.end == f.start + 1
                && matches!(
                    f.kind,
                    EntityType::Person | EntityType::Organization | EntityType::Company
                )
                && lex.given_name(sent.toks[f.start].text) < rules::COMMON_GIVEN_NAME
        };
        let firm = sent.toks.get(a.end).is_some_and(|t| t.text == "&")
            && b.start == a.end + 1
            && (lex.company_word(sent.toks[b.end - 1].text)
                || (described && surname(a) && surname(b)));
        if (org && of && b.start == a.end + gap && !located) || joint || firm {
            let (start, end) = (a.start, b.end);
            let kind = if firm {
                EntityType::Company
            } else if joint {
                b.kind
            } else {
                a.kind
            };
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

/// `"Lenhart, Matthew"`: a name written surname first between quotes (as mail programs show
/// senders) is one person: the names found inside the quotes give way to it.
fn surname_first_names(analysis: &Analysis<'_>, sent: &Sent<'_>, found: &mut Vec<Found>) {
    let lex = analysis.lex;
    let quote = |k: usize| {
        sent.toks
            .get(k)
            .is_some_and(|t| matches!(t.text, "\"" | "\u{201c}" | "\u{201d}"))
    };
    for i in 0..sent.toks.len().saturating_sub(4) {
        let (surname, comma, given) = (&sent.toks[i + 1], &sent.toks[i + 2], &sent.toks[i + 3]);
        let name = quote(i)
            && quote(i + 4)
            && comma.text == ","
            && surname.capitalised()
            && given.capitalised()
            && lex.unclaimed(surname.text)
            && lex.given_name(given.text) > 0;
        if !name {
            continue;
        }
        let (start, end) = (i + 1, i + 4);
        found.retain(|f| f.end <= start || f.start >= end);
        found.push(Found {
            sent: sent.index,
            start,
            end,
            kind: EntityType::Person,
            name: sent.span_text(analysis.text, start, end),
            country: None,
        });
        found.sort_by_key(|f| f.start);
    }
}

/// "Mecca's Grand Mosque", the model reading "Mecca" as a place elsewhere in the document but
/// not here: a possessor the document names as a place, before a place or a body found, is
/// that place.
fn place_possessors(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    places: &HashSet<&str>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    for i in 0..sent.toks.len().saturating_sub(2) {
        let t = &sent.toks[i];
        let owned = found.iter().any(|f| {
            f.start == i + 2
                && matches!(
                    f.kind,
                    EntityType::Place | EntityType::Organization | EntityType::Company
                )
        });
        if !taken[i]
            && t.capitalised()
            && places.contains(t.text)
            && is_possessive(sent.toks[i + 1].text)
            && owned
        {
            let kind = if analysis.lex.city(t.text).is_some() {
                EntityType::City
            } else {
                EntityType::Place
            };
            take(analysis, sent, taken, found, (i, i + 1), kind, None);
        }
    }
}

/// Whether a capitalised adjective names people of a place: a known demonym, or a word with
/// a demonym's ending ("Asian", "Balkan", "Congolese").
fn demonym_like(lex: &Lexicon, word: &str) -> bool {
    lex.demonym(word).is_some()
        || ["an", "ese", "ish", "ic", "i"]
            .iter()
            .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}

/// Whether a word is a description joined by a hyphen, in lower case after it
/// ("Pan-democrat", "Anti-war").
fn described(word: &str) -> bool {
    word.split_once('-').is_some_and(|(head, rest)| {
        head.chars().next().is_some_and(char::is_uppercase)
            && rest.chars().next().is_some_and(char::is_lowercase)
            && rest.len() > 4
    })
}

/// Records a name over tokens `start..end` and marks them taken.
pub(super) fn take(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
    (start, mut end): (usize, usize),
    kind: EntityType,
    country: Option<String>,
) {
    // "Suleiman al-Amr": a surname opened by the Arabic article goes on a person's name.
    if kind == EntityType::Person
        && sent.toks.get(end).is_some_and(|t| article_surname(t.text))
        && !taken[end]
    {
        end += 1;
    }
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

/// "van der Linden said": a surname opening with its particles in lower case, whose last word
/// ends a person's full name of the document ("Marieke van der Linden"), is that person.
fn particle_surnames(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    surnames: &HashSet<&str>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let toks = &sent.toks;
    let mut i = 0;
    while i < toks.len() {
        let opens = SURNAME_PARTICLES.contains(&toks[i].text)
            && !taken[i]
            && (i == 0 || !SURNAME_PARTICLES.contains(&toks[i - 1].text));
        if !opens {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && j < i + 3 && SURNAME_PARTICLES.contains(&toks[j].text) {
            j += 1;
        }
        let fits = toks
            .get(j)
            .is_some_and(|t| t.capitalised() && surnames.contains(t.text))
            && toks.get(j + 1).is_none_or(|t| !t.capitalised());
        // The model may have found the surname's last word alone: the particles join it.
        if fits
            && taken[j]
            && let Some(f) = found
                .iter_mut()
                .find(|f| f.start == j && f.end == j + 1 && f.kind == EntityType::Person)
        {
            f.start = i;
            f.name = sent.span_text(analysis.text, i, j + 1);
            for t in taken.iter_mut().take(j).skip(i) {
                *t = true;
            }
            i = j + 1;
            continue;
        }
        if fits && !taken[j] {
            for t in taken.iter_mut().take(j + 1).skip(i) {
                *t = true;
            }
            found.push(Found {
                sent: sent.index,
                start: i,
                end: j + 1,
                kind: EntityType::Person,
                name: sent.span_text(analysis.text, i, j + 1),
                country: None,
            });
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

/// The first of up to three capitalised words, none taken, "the" or a nationality, before the
/// joiner at `start - 1` ("&", a plural's apostrophe) of a name that starts at `start`: where
/// the name really opens ("Costruzioni Ferrante & Figli SpA", "the Teachers' Pension Fund").
fn words_before_joiner(
    lex: &Lexicon,
    sent: &Sent<'_>,
    taken: &[bool],
    start: usize,
) -> Option<usize> {
    let mut s = start - 1;
    while s > 0
        && s + 4 > start
        && !taken[s - 1]
        && sent.toks[s - 1].capitalised()
        && !sent.toks[s - 1].is("the")
        && lex.demonym(sent.toks[s - 1].text).is_none()
    {
        s -= 1;
    }
    (s < start - 1).then_some(s)
}

/// Words between a given name and a surname ("Ramón de la Cruz", "Sander van der Wiel").
const SURNAME_PARTICLES: [&str; 12] = [
    "de", "la", "del", "van", "der", "von", "da", "dos", "das", "di", "le", "du",
];

/// A given name of capitalised parts joined by hyphens ("Mei-Ling", "Jean-Marc"), none of them
/// a place, a nationality or a word of a title or a body.
pub(super) fn hyphenated_given(lex: &Lexicon, word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() == 2
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(char::is_uppercase)
                && p.chars().count() >= 2
                && p.chars().all(char::is_alphabetic)
                && lex.unclaimed(p)
                && lex.demonym(p).is_none()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(analysis: &Analysis<'_>, start: usize, end: usize, kind: EntityType) -> Found {
        Found {
            sent: 0,
            start,
            end,
            kind,
            name: analysis.sents[0].span_text(analysis.text, start, end),
            country: None,
        }
    }

    #[test]
    fn an_institution_of_two_places_is_one_organisation() {
        let text = "It is what the Yukon and Nunavut Court of Appeal did.";
        let cleaned = crate::clean::clean(text);
        let analysis = Analysis::new(
            crate::Pipeline::embedded().lexicon(),
            crate::Pipeline::embedded().tagger(),
            text,
            &cleaned,
        );
        let sent = &analysis.sents[0];
        // "Yukon" (4) read as a place, "Nunavut Court of Appeal" (6..10) as an organisation.
        let mut spans = vec![
            found(&analysis, 4, 5, EntityType::Place),
            found(&analysis, 6, 10, EntityType::Organization),
        ];
        join_of_phrases(&analysis, sent, &mut spans);
        assert_eq!(spans.len(), 1, "{spans:?}");
        assert_eq!(spans[0].name, "Yukon and Nunavut Court of Appeal");
        assert_eq!(spans[0].kind, EntityType::Organization);
        // Without "the" before the place, two names joined by "and" stay two.
        let text = "Both Yukon and Nunavut Court of Appeal judges came.";
        let cleaned = crate::clean::clean(text);
        let analysis = Analysis::new(
            crate::Pipeline::embedded().lexicon(),
            crate::Pipeline::embedded().tagger(),
            text,
            &cleaned,
        );
        let mut spans = vec![
            found(&analysis, 1, 2, EntityType::Place),
            found(&analysis, 3, 7, EntityType::Organization),
        ];
        join_of_phrases(&analysis, &analysis.sents[0], &mut spans);
        assert_eq!(spans.len(), 2, "{spans:?}");
    }
}
