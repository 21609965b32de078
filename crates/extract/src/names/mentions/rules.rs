//! Names the rules are sure of where the model found nothing: countries, agencies named after
//! them, known places before their region, cities as possessors, companies, names after
//! titles and honorifics, and acronyms of organisations the document names.

use super::*;

/// Countries and companies the model missed, and names after titles.
pub(super) fn add_rule_mentions(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let lex = analysis.lex;
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
                let (end, _) = country_at(lex, sent, i + 1)?;
                agency_before(lex, sent, i + 1).then_some((end, EntityType::Organization, None))
            })
            .or_else(|| {
                let (end, country) = country_at(lex, sent, i).filter(|(end, _)| !numbered(*end))?;
                Some((end, EntityType::Country, Some(country)))
            })
            // "the coast of Aceh, Indonesia": a known city or region before its country.
            .or_else(|| {
                place_before_region(lex, sent, analysis.text, i)
                    .map(|(end, kind)| (end, kind, None))
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
                company_at(lex, sent, analysis.text, i).map(|end| (end, EntityType::Company, None))
            })
            // "Greenpeace accused Shell": a well-known organisation the model missed.
            .or_else(|| known_organisation_at(lex, sent, taken, i))
            // "Markov Systems, a software maker": capitalised words ending in a company word;
            // "left Hibernian FC": in a club's word, an organisation.
            .or_else(|| {
                company_by_word_at(lex, sent, taken, i).map(|end| {
                    let kind = if lex.team_word(sent.toks[end - 1].text) {
                        EntityType::Organization
                    } else {
                        EntityType::Company
                    };
                    (end, kind, None)
                })
            })
            // "the World Food Programme", "the Kestrel Fund": capitalised words ending in a
            // word of bodies.
            .or_else(|| {
                body_by_word_at(lex, sent, taken, i)
                    .map(|end| (end, EntityType::Organization, None))
            })
            // "the opposition Civic Renewal party": capitalised words before "party" in lower
            // case name it (not an adjective alone: "the Slovak party").
            .or_else(|| {
                if i == 0 || sent.toks[i - 1].capitalised() {
                    return None;
                }
                let end = capitalised_run_end(sent, taken, i, i + 3)?;
                // "a Christmas party" is an event: not after "a", nor a holiday's name.
                let party = sent.toks.get(end).is_some_and(|t| t.text == "party")
                    && !sent.toks[i - 1].is("a")
                    && !HOLIDAYS.contains(&t.text);
                let adjective =
                    end == i + 1 && (lex.demonym(t.text).is_some() || lex.party_adjective(t.text));
                (party && !adjective).then_some((end, EntityType::Organization, None))
            })
            // "the town of Karaoy", "the Ecuadorian port of Guayaquil": a settlement's name.
            .or_else(|| {
                let settlement = i >= 2
                    && sent.toks[i - 1].is("of")
                    && super::settlement_noun(&sent.toks[i - 2].lower());
                if !settlement || !t.capitalised() || t.tag != Upos::Propn {
                    return None;
                }
                let end = capitalised_run_end(sent, taken, i, i + 3)?;
                Some((end, EntityType::City, None))
            })
            // "beat Real Castellar 3-1": a club's opening word and capitalised words after it.
            .or_else(|| {
                let first = sent.toks.get(i)?;
                // Not opening a sentence or a headline: "Real GDP rose", "Real Estate Slows".
                if !lex.team_opener(first.text) || i == 0 || sent.toks[i - 1].capitalised() {
                    return None;
                }
                let end = capitalised_run_end(sent, taken, i + 1, i + 3)?;
                Some((end, EntityType::Organization, None))
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
            // "the Blue River Planetarium of Dayton": a known city after an organisation and "of".
            .or_else(|| {
                let after_org = i > 1 && sent.toks[i - 1].is("of") && taken[i - 2];
                let alone = sent
                    .toks
                    .get(i + 1)
                    .is_none_or(|n| !n.capitalised() && !is_possessive(n.text));
                // No person stands there: a city that is also a given name counts ("Dayton").
                let city = t.capitalised() && lex.city(t.text).is_some();
                (after_org && alone && city).then_some((i + 1, EntityType::City, None))
            })
            // "Hurricane Rita": a storm's opening word, then its capitalised name.
            .or_else(|| {
                let storm = t.capitalised()
                    && lex.event_opener(t.text)
                    && sent.toks.get(i + 1).is_some_and(|n| {
                        n.capitalised() && n.tag == Upos::Propn && !is_possessive(n.text)
                    });
                storm.then_some((i + 2, EntityType::Event, None))
            })
            // "visited Tampere.": a known city on its own, inside the sentence, that the tagger
            // calls a proper noun and no one bears as a given name.
            .or_else(|| {
                let alone = |k: Option<usize>| {
                    k.and_then(|k| sent.toks.get(k))
                        .is_none_or(|n| !n.capitalised() && !is_possessive(n.text))
                };
                let city = i > 0
                    && t.capitalised()
                    && t.tag == Upos::Propn
                    && lex.city(t.text).is_some()
                    && lex.given_name(t.text) == 0
                    && alone(i.checked_sub(1))
                    && alone(Some(i + 1));
                city.then_some((i + 1, EntityType::City, None))
            })
            // "veteran Cyd Ho from the Labour Party": a common given name, then a surname.
            .or_else(|| person_at(lex, sent, taken, i).map(|end| (end, EntityType::Person, None)))
            // "veteran politician Wong Kwok-hing of FTU": a description in lower case, a name,
            // then the body the person belongs to.
            .or_else(|| {
                member_before_body(lex, sent, taken, found, i)
                    .map(|end| (end, EntityType::Person, None))
            })
            // "team member Rodaba Noori told the press": a post in lower case, then a name, then
            // speech.
            .or_else(|| {
                speaker_after_post(lex, sent, taken, i).map(|end| (end, EntityType::Person, None))
            })
            // "Thanks Josh!", "Jacques is ready": a common given name on its own.
            .or_else(|| {
                lone_given_name(lex, sent, taken, i).then_some((i + 1, EntityType::Person, None))
            })
            // "Lyon's Grand Theatre": capitalised words ending in a building or street word.
            .or_else(|| facility_at(lex, sent, taken, i).map(|end| (end, EntityType::Place, None)))
            // "Dunmore Mayor Tom Reyes": a word before a town's or a province's post, where a
            // name was found after it, is the place (a town for a mayor or a known city).
            .or_else(|| {
                let town = i + 2 < sent.toks.len()
                    && taken[i + 2]
                    && !taken[i]
                    && (i == 0 || !sent.toks[i - 1].capitalised())
                    && super::span::place_before_post(lex, sent, i);
                town.then(|| {
                    let kind = if sent.toks[i + 1].text == "Mayor" || lex.city(t.text).is_some() {
                        EntityType::City
                    } else {
                        EntityType::Place
                    };
                    (i + 1, kind, None)
                })
            })
            .filter(|(end, _, _)| !taken[i..*end].iter().any(|t| *t))
            // "in March": a month or a day is a date, though a town bears its name.
            .filter(|(end, kind, _)| {
                !(*end == i + 1
                    && matches!(kind, EntityType::City | EntityType::Place)
                    && crate::values::is_month_or_day(t.text))
            });
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
                || (titled && title_run_start(lex, sent, name_start) <= i);
            let long_enough = !(lower_title || after_org) || j - name_start >= 2;
            if j > name_start && cued && long_enough && acceptable(lex, sent, name_start, j) {
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

/// A known city or region of one to three capitalised words at `i`, right before a comma and
/// a country or region ("Aceh, Indonesia"); returns its end and type.
pub(super) fn place_before_region(
    lex: &Lexicon,
    sent: &Sent<'_>,
    text: &str,
    i: usize,
) -> Option<(usize, EntityType)> {
    (i + 1..=(i + 3).min(sent.toks.len()))
        .rev()
        .find_map(|end| {
            if !sent.toks[i..end].iter().all(|t| t.capitalised()) {
                return None;
            }
            let next = sent.toks.get(end + 1)?;
            let larger = sent.toks[end].text == ","
                && next.capitalised()
                && (lex.region(next.text).is_some() || country_at(lex, sent, end + 1).is_some());
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

/// The longest well-known company name starting at token `i` (up to three tokens).
pub(super) fn company_at(lex: &Lexicon, sent: &Sent<'_>, text: &str, i: usize) -> Option<usize> {
    (i + 1..=(i + 3).min(sent.toks.len()))
        .rev()
        .find(|&end| sent.toks[i].capitalised() && lex.company(&sent.span_text(text, i, end)))
}

/// "the NHP said", in a document that names the New Harbour Party: a word in capitals that
/// no mention covers and that spells the initials of an organisation named in the document
/// is that organisation's acronym (coreference then joins the two).
pub(super) fn acronyms_of_organisations(analysis: &Analysis<'_>, found: &mut Vec<Found>) {
    use crate::names::shape::{initials, is_acronym};
    let mut spelled: Vec<(String, EntityType)> = found
        .iter()
        .filter(|f| matches!(f.kind, EntityType::Organization | EntityType::Company))
        .filter(|f| f.name.split_whitespace().count() >= 2)
        .map(|f| (initials(&f.name), f.kind))
        .filter(|(i, _)| i.chars().count() >= 2)
        .collect();
    spelled.sort();
    spelled.dedup();
    if spelled.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for sent in &analysis.sents {
        for (i, t) in sent.toks.iter().enumerate() {
            if !is_acronym(t.text) || t.text.chars().any(|c| c == '.') {
                continue;
            }
            let covered = found
                .iter()
                .any(|f| f.sent == sent.index && f.start <= i && i < f.end);
            if covered {
                continue;
            }
            // One organisation only: two that spell the same letters leave the word alone.
            let mut matches = spelled.iter().filter(|(s, _)| s == t.text);
            if let (Some((_, kind)), None) = (matches.next(), matches.next()) {
                added.push(Found {
                    sent: sent.index,
                    start: i,
                    end: i + 1,
                    kind: *kind,
                    name: t.text.to_string(),
                    country: None,
                });
            }
        }
    }
    found.extend(added);
    found.sort_by_key(|f| (f.sent, f.start));
}

/// A well-known organisation (`organizations.txt`, `companies.txt`) the model missed at `i`,
/// written with capitals as names are, none of its words taken; a company when the companies
/// list has it. Returns its end and type.
fn known_organisation_at(
    lex: &Lexicon,
    sent: &Sent<'_>,
    taken: &[bool],
    i: usize,
) -> Option<(usize, EntityType, Option<String>)> {
    // "al-Qaida": a name opened by the Arabic article in lower case counts as capitalised.
    let capitalised = |k: usize| {
        let w = sent.toks[k].text;
        let w = ["al-", "el-"]
            .iter()
            .find_map(|a| w.strip_prefix(a))
            .unwrap_or(w);
        w.chars().next().is_some_and(char::is_uppercase)
    };
    let names = lex.org_names();
    if !capitalised(i) || !names.may_start(lower_hash_of(sent.toks[i].text)) {
        return None;
    }
    let stop = sent.toks.len().min(i + names.longest());
    let lower: Vec<u64> = sent.toks[i..stop]
        .iter()
        .map(|t| lower_hash_of(t.text))
        .collect();
    let len = names.longest_at(&lower, 0);
    let end = i + len;
    if len == 0 || !capitalised(end - 1) || taken[i..end].iter().any(|t| *t) {
        return None;
    }
    // A lone word opening the sentence is a name only if the tagger says so, or if it is the
    // subject of the verb right after it ("Greenpeace accused Shell").
    let subject = sent
        .toks
        .get(end)
        .is_some_and(|t| matches!(t.tag, Upos::Verb | Upos::Aux));
    if len == 1 && i == 0 && sent.toks[i].tag != Upos::Propn && !subject {
        return None;
    }
    // "Who's there?": a lone word the tagger reads as a function word is none.
    if len == 1 && !matches!(sent.toks[i].tag, Upos::Propn | Upos::Noun | Upos::X) {
        return None;
    }
    let words: Vec<&str> = sent.toks[i..end].iter().map(|t| t.text).collect();
    let kind = if lex.company(&words.join(" ")) {
        EntityType::Company
    } else {
        EntityType::Organization
    };
    Some((end, kind, None))
}

/// The hash of a word's lower case, as organisation names are matched (most words are in lower
/// case already: no copy for them).
fn lower_hash_of(word: &str) -> u64 {
    if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        crate::lexicon::lower_hash(&word.to_lowercase())
    } else {
        crate::lexicon::lower_hash(word)
    }
}

/// Holidays whose parties are events, not political parties ("a Christmas party").
const HOLIDAYS: [&str; 6] = [
    "Christmas",
    "Easter",
    "Halloween",
    "Thanksgiving",
    "Birthday",
    "Eid",
];

/// The end of the run of capitalised words from token `from`, none taken nor possessive, before
/// token `limit` at most; `None` when the run is empty.
fn capitalised_run_end(
    sent: &Sent<'_>,
    taken: &[bool],
    from: usize,
    limit: usize,
) -> Option<usize> {
    (from..sent.toks.len().min(limit))
        .take_while(|&j| {
            !taken[j] && sent.toks[j].capitalised() && !is_possessive(sent.toks[j].text)
        })
        .last()
        .map(|j| j + 1)
}

/// A company name the model missed at `i`: two to four capitalised words, none taken, the
/// first a proper noun and no title, honorific, "The" or country, the last a company word or a
/// club's ("Markov Systems", "Eastway Power", "Hibernian FC"), and no capitalised word right
/// after; returns its end.
fn company_by_word_at(lex: &Lexicon, sent: &Sent<'_>, taken: &[bool], i: usize) -> Option<usize> {
    let first = sent.toks.get(i)?;
    if !first.capitalised()
        || first.tag != Upos::Propn
        || first.is("the")
        || lex.title_word(first.text)
        || lex.honorific(first.text)
        || lex.company_word(first.text)
        || lex.country(first.text).is_some()
        || crate::values::is_month_or_day(first.text)
    {
        return None;
    }
    let mut j = i + 1;
    while j < sent.toks.len()
        && j < i + 4
        && !taken[j]
        && sent.toks[j].capitalised()
        && !is_possessive(sent.toks[j].text)
    {
        j += 1;
    }
    let closed = sent
        .toks
        .get(j)
        .is_none_or(|n| !n.capitalised() || is_possessive(n.text));
    let last = sent.toks[j - 1].text;
    (j > i + 1 && closed && (lex.company_word(last) || lex.team_word(last))).then_some(j)
}

/// Last words of the names of bodies that the model misses when the words before them are
/// common ones ("World Food Programme", "Kestrel Fund").
pub(super) const BODY_WORDS: &[&str] = &[
    "Fund",
    "Programme",
    "Foundation",
    "Agency",
    "Commission",
    "Committee",
    "Council",
    "Association",
    "Federation",
    "Authority",
    "Institute",
    "Organization",
    "Organisation",
    "Society",
    "Trust",
    "Alliance",
    "Coalition",
    "Ministry",
    "Bureau",
    "Union",
];

/// A body's name the model missed at `i`: two to four capitalised words, none taken, the first
/// a proper noun after no capitalised word but "The", and no title, honorific, "The" or country, the last
/// one of [`BODY_WORDS`]; returns its end.
fn body_by_word_at(lex: &Lexicon, sent: &Sent<'_>, taken: &[bool], i: usize) -> Option<usize> {
    let first = sent.toks.get(i)?;
    // ("the Coal and Gas Producers' Association": a common noun after "the" may open it.)
    let after_the = i > 0 && sent.toks[i - 1].is("the");
    if !first.capitalised()
        || !(first.tag == Upos::Propn || (after_the && first.tag == Upos::Noun))
        || (i > 0 && sent.toks[i - 1].capitalised() && !sent.toks[i - 1].is("the"))
        || first.is("the")
        || lex.title_word(first.text)
        || lex.honorific(first.text)
        || lex.country(first.text).is_some()
        || crate::values::is_month_or_day(first.text)
    {
        return None;
    }
    let end = body_run_end(sent, taken, i, i + 6)?;
    let closed = sent
        .toks
        .get(end)
        .is_none_or(|n| !n.capitalised() || is_possessive(n.text));
    (end > i + 1 && closed && BODY_WORDS.contains(&sent.toks[end - 1].text)).then_some(end)
}

/// Whether token `k` is an apostrophe closing a plural in a body's name ("Producers'
/// Association", "Supporters' Trust"): right after a capitalised word in `s`, before a
/// capitalised word.
pub(super) fn plural_possessive(sent: &Sent<'_>, k: usize) -> bool {
    let toks = &sent.toks;
    k > 0
        && k < toks.len()
        && matches!(toks[k].text, "'" | "\u{2019}")
        && toks[k - 1].end == toks[k].start
        && toks[k - 1].capitalised()
        && toks[k - 1].text.ends_with('s')
        && toks.get(k + 1).is_some_and(|n| n.capitalised())
}

/// The end of a body's name from `i`, before `limit`: capitalised words, none taken, joined
/// by "and", "of" or "&" between capitalised words (not after a word of [`BODY_WORDS`]: "the
/// Kestrel Fund and Halvard Trust" are two) and by a plural's apostrophe ("Coal and Gas
/// Producers' Association").
fn body_run_end(sent: &Sent<'_>, taken: &[bool], i: usize, limit: usize) -> Option<usize> {
    let toks = &sent.toks;
    let mut end = None;
    let mut j = i;
    while j < toks.len().min(limit) && !taken[j] {
        let t = &toks[j];
        if t.capitalised() && !is_possessive(t.text) {
            j += 1;
            end = Some(j);
            continue;
        }
        let joins = (t.is("and") || t.is("of") || t.text == "&")
            && j > i
            && !BODY_WORDS.contains(&toks[j - 1].text)
            && toks.get(j + 1).is_some_and(|n| n.capitalised());
        if joins || plural_possessive(sent, j) {
            j += 1;
            continue;
        }
        break;
    }
    end
}

/// A name of up to four capitalised words at `i` (not taken, the first not a title, an
/// honorific or "The") whose last word names a building, structure or street ("Grand Theatre",
/// "Kazan Arena"); returns its end.
fn facility_at(lex: &Lexicon, sent: &Sent<'_>, taken: &[bool], i: usize) -> Option<usize> {
    let first = sent.toks.get(i)?;
    if !first.capitalised()
        || first.is("the")
        || lex.title_word(first.text)
        || lex.honorific(first.text)
        || lex.facility(first.text)
    {
        return None;
    }
    let mut j = i;
    while j < sent.toks.len() && j < i + 4 && !taken[j] && sent.toks[j].capitalised() {
        if lex.facility(sent.toks[j].text) {
            // The head must close the name: "Station Road" goes on to "Road".
            let next_is_head = sent
                .toks
                .get(j + 1)
                .is_some_and(|n| n.capitalised() && lex.facility(n.text));
            if !next_is_head {
                return Some(j + 1);
            }
        }
        j += 1;
    }
    None
}

/// Given names this common (US births) open a person's name where the model found none.
pub(super) const COMMON_GIVEN_NAME: u32 = 2000;

/// Whether token `k` is a capitalised proper noun, not taken, that no lexicon knows as
/// anything but a name.
fn plain_name(lex: &Lexicon, sent: &Sent<'_>, taken: &[bool], k: usize) -> bool {
    unclaimed_capitalised(lex, sent, taken, k) && sent.toks[k].tag == Upos::Propn
}

/// Whether token `k` is capitalised, not taken, and known to no lexicon as anything but a
/// name (whatever its tag).
fn unclaimed_capitalised(lex: &Lexicon, sent: &Sent<'_>, taken: &[bool], k: usize) -> bool {
    sent.toks.get(k).is_some_and(|t| {
        !taken[k]
            && t.capitalised()
            && lex.unclaimed(t.text)
            && lex.demonym(t.text).is_none()
            && !crate::values::is_month_or_day(t.text)
    })
}

/// Words after which a lone given name is the person addressed ("Thanks Josh", "Good
/// morning Debra").
const ADDRESS: [&str; 9] = [
    "thanks",
    "thank",
    "again",
    "hi",
    "hello",
    "hey",
    "dear",
    "morning",
    "congratulations",
];

/// A common given name on its own at `i`, where the model found nothing: after a greeting, as
/// the subject of the verb right after it ("Jacques is ready"), or addressed at the start of a
/// sentence ("Constance, I was away").
fn lone_given_name(lex: &Lexicon, sent: &Sent<'_>, taken: &[bool], i: usize) -> bool {
    if !plain_name(lex, sent, taken, i) || lex.given_name(sent.toks[i].text) < COMMON_GIVEN_NAME {
        return false;
    }
    let next = sent.toks.get(i + 1);
    let greeted = i > 0 && ADDRESS.iter().any(|w| sent.toks[i - 1].is(w));
    // Inside a longer capitalised name ("Islamic Jihad") it is no name of its own.
    let inside = i > 0 && sent.toks[i - 1].capitalised() && !greeted;
    if inside || next.is_some_and(|n| n.capitalised()) {
        return false;
    }
    let subject = next.is_some_and(|n| matches!(n.tag, Upos::Verb | Upos::Aux));
    let addressed = i == 0 && next.is_some_and(|n| n.text == ",");
    greeted || subject || addressed
}

/// A person's name the model missed at `i`, of names no list knows: two or three capitalised
/// proper nouns right after a post written in lower case ("member", "researcher",
/// "spokesman": a title of the lexicon) and right before a verb of saying, or before a comma
/// ("team member Rodaba Noori told the press", "senior researcher Mu Li, of ..., said"), or,
/// after a title that is one on its own ("minister", not "member"), before any word in lower
/// case ("elected former trade minister Mei-Ling Tran-Whitaker as its leader"); returns its
/// end.
fn speaker_after_post(lex: &Lexicon, sent: &Sent<'_>, taken: &[bool], i: usize) -> Option<usize> {
    let post = i.checked_sub(1).map(|p| &sent.toks[p])?;
    // ("chief executive": the tagger often reads "executive" as an adjective)
    let lower_post = post.text.chars().all(|c| c.is_lowercase())
        && matches!(post.tag, Upos::Noun | Upos::Adj)
        && !taken[i - 1]
        && (lex.title(post.text) || lex.title_word(post.text));
    if !lower_post {
        return None;
    }
    // The tagger may take a short unknown name for a common noun or a preposition ("Mu Li",
    // "Lu Mei"): capitalised inside the sentence, right after a lower-case post, it is a name
    // all the same.
    let plain = |k: usize| {
        plain_name(lex, sent, taken, k)
            || (unclaimed_capitalised(lex, sent, taken, k) && {
                let t = &sent.toks[k];
                matches!(t.tag, Upos::Noun | Upos::Adp | Upos::Adj | Upos::X)
                    && t.text.chars().all(char::is_alphabetic)
                    && !t.text.chars().skip(1).any(char::is_uppercase)
            })
            // "Mei-Ling Tran-Whitaker": capitalised parts joined by hyphens, whatever the tag.
            || (!taken[k] && super::hyphenated_given(lex, sent.toks[k].text))
    };
    let mut end = i;
    while end < i + 3 && plain(end) {
        end += 1;
    }
    // "director Suleiman al-Amr said".
    if end > i && sent.toks.get(end).is_some_and(|t| article_surname(t.text)) && !taken[end] {
        end += 1;
    }
    let next = sent.toks.get(end)?;
    let speaks =
        (crate::facts::quotes::reporting(next.text) && !next.is("according")) || next.text == ",";
    let titled = lex.title(post.text) && next.text.chars().next().is_some_and(char::is_lowercase);
    (end >= i + 2 && (speaks || titled)).then_some(end)
}

/// A person's name the model missed at `i`, of names no list knows: two or three capitalised
/// proper nouns after a describing word in lower case and before "of" or "from" [the] and an
/// organisation found ("veteran Cyd Ho from the Labour Party", "politician Wong Kwok-hing of
/// FTU"); returns its end.
fn member_before_body(
    lex: &Lexicon,
    sent: &Sent<'_>,
    taken: &[bool],
    found: &[Found],
    i: usize,
) -> Option<usize> {
    let before = &sent.toks[i.checked_sub(1)?];
    let described = matches!(before.tag, Upos::Noun | Upos::Adj)
        && before.text.chars().all(|c| c.is_lowercase() || c == '-');
    if !described {
        return None;
    }
    let mut end = i;
    while end < i + 3 && plain_name(lex, sent, taken, end) {
        end += 1;
    }
    if end < i + 2
        || !sent
            .toks
            .get(end)
            .is_some_and(|t| t.is("of") || t.is("from"))
    {
        return None;
    }
    let body = if sent.toks.get(end + 1).is_some_and(|t| t.is("the")) {
        end + 2
    } else {
        end + 1
    };
    found
        .iter()
        .any(|f| f.start == body && f.kind == EntityType::Organization)
        .then_some(end)
}

/// A person's name the model missed at `i`: a common given name inside the sentence, then one
/// or two capitalised proper nouns that no lexicon knows as anything else, then a word that
/// is not capitalised; returns its end.
fn person_at(lex: &Lexicon, sent: &Sent<'_>, taken: &[bool], i: usize) -> Option<usize> {
    let plain = |k: usize| plain_name(lex, sent, taken, k);
    // A common given name may be a town's too ("Gary", "Austin"): a surname must follow.
    let given = sent.toks[i].capitalised()
        && sent.toks[i].tag == Upos::Propn
        && !taken[i]
        && lex.country(sent.toks[i].text).is_none()
        && lex.region(sent.toks[i].text).is_none()
        && (plain(i) || lex.city(sent.toks[i].text).is_some());
    if i == 0 || !given || lex.given_name(sent.toks[i].text) < COMMON_GIVEN_NAME {
        return None;
    }
    let mut end = i + 1;
    while end < i + 3 && plain(end) {
        end += 1;
    }
    let closed = sent.toks.get(end).is_none_or(|t| !t.capitalised());
    (end > i + 1 && closed).then_some(end)
}
