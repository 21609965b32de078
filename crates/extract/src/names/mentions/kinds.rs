//! Names typed by the words around them. A common noun for a kind of body right before names
//! says what they are ("cable firms Vexa and Tellnet": companies; "the band Radiohead",
//! "broadcaster ITV": organisations; `data/lexicons/org_nouns.tsv`); a party's short name or
//! its members' name ("the Tories", "Labour MPs", "Democrats"; `party_names.txt`) is the party,
//! and so is its adjective before a post or as a description ("Liberal leader X", "X, a
//! Democrat"; `party_adjectives.txt`).

use super::*;

/// Kinds a noun before a name overrides: what the model guesses for a name it does not know.
fn retypable(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Person
            | EntityType::Place
            | EntityType::City
            | EntityType::Organization
            | EntityType::Company
    )
}

/// The capitalised words from `start` (at most four), as a token range end; an ampersand
/// between two of them joins them ("Saleh & Partners").
fn name_run(sent: &Sent<'_>, start: usize) -> usize {
    let cap = |k: usize| {
        sent.toks
            .get(k)
            .is_some_and(|t| t.capitalised() && t.text.chars().any(char::is_alphabetic))
    };
    let mut k = start;
    while k < (start + 4).min(sent.toks.len()) {
        if cap(k) {
            k += 1;
        } else if k > start && sent.toks[k].text == "&" && cap(k + 1) {
            k += 2;
        } else {
            break;
        }
    }
    k
}

/// Types (or adds) the names after kind nouns, and the party names, of one sentence.
pub(super) fn apply(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let lex = analysis.lex;
    for i in 0..sent.toks.len() {
        let noun = sent.toks[i].text;
        // In lower case, or capitalised as the sentence's first word ("Broadcaster ITV said").
        let lower = noun.chars().next().is_some_and(char::is_lowercase);
        let kind = if lower {
            lex.org_noun(noun)
        } else if i == 0 {
            lex.org_noun(&noun.to_lowercase())
        } else {
            None
        };
        let Some(kind) = kind else {
            continue;
        };
        // The model may have read the capitalised noun as part of the name: it is not.
        if !lower {
            for f in found.iter_mut().filter(|f| f.start == i && f.end > i + 1) {
                f.start = i + 1;
                f.name = sent.span_text(analysis.text, f.start, f.end);
                taken[i] = false;
            }
        }
        let list = noun.ends_with('s');
        // "publishers Ana Berg of ...": a noun for a body that is also a person's job leaves
        // a person's name a person.
        let lower_noun = noun.to_lowercase();
        let one = lower_noun.strip_suffix('s').unwrap_or(&lower_noun);
        let job = lex.title_word(&lower_noun) || lex.title_word(one);
        let person =
            |j: usize| job && lex.given_name(sent.toks[j].text) >= super::rules::COMMON_GIVEN_NAME;
        let mut j = i + 1;
        loop {
            let e = name_run(sent, j);
            if e == j {
                break;
            }
            let inside: Vec<usize> = (0..found.len())
                .filter(|&m| found[m].start < e && j < found[m].end)
                .collect();
            if inside.is_empty() {
                if acceptable(lex, sent, j, e) {
                    let kind = if person(j) { EntityType::Person } else { kind };
                    take(analysis, sent, taken, found, (j, e), kind, None);
                }
            } else if merges(lex, sent, found, &inside, j, e) {
                merge(analysis, sent, taken, found, &inside, (j, e), kind);
            } else {
                for m in inside {
                    let f = &mut found[m];
                    let named = f.kind == EntityType::Person && person(f.start);
                    if f.start >= j
                        && f.end <= e
                        && f.country.is_none()
                        && retypable(f.kind)
                        && !named
                    {
                        f.kind = kind;
                    }
                }
            }
            if !list {
                break;
            }
            // "Vexa, Tellnet and Corvo": the list goes on after a comma or a conjunction.
            let word = |k: usize| sent.toks.get(k).map_or("", |t| t.text);
            j = match (word(e), word(e + 1)) {
                (",", "and" | "or") => e + 2,
                (",", _) | ("and" | "or", _) => e + 1,
                _ => break,
            };
        }
    }
    people_after_person_nouns(analysis, sent, taken, found);
    appositions(analysis, sent, taken, found);
    // Party names the model typed as people or places, or missed.
    for f in found.iter_mut() {
        if f.country.is_none() && retypable(f.kind) && lex.party_name(&f.name) {
            f.kind = EntityType::Organization;
        }
    }
    for i in 0..sent.toks.len() {
        if let Some(end) = listed_name_at(analysis, sent, taken, i, |p| lex.party_name(p)) {
            take(
                analysis,
                sent,
                taken,
                found,
                (i, end),
                EntityType::Organization,
                None,
            );
        }
    }
    party_adjectives(analysis, sent, taken, found);
    places_after_home_words(analysis, sent, found);
    found.sort_by_key(|f| f.start);
}

/// Makes the mentions `inside` the run `j..e` one name of `kind` ("Accra side Tema Youth FC":
/// "Tema" a city and "FC" a place to the model).
fn merge(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
    inside: &[usize],
    (j, e): (usize, usize),
    kind: EntityType,
) {
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !inside.contains(&(k - 1))
    });
    taken[j..e].iter_mut().for_each(|t| *t = false);
    take(analysis, sent, taken, found, (j, e), kind, None);
}

/// "the chemist Birgitte Holm-Larsen", "the photographer Tunde Bello", "his granddaughter
/// Henrike Kessler": two or three capitalised words right after a noun for a person's trade or
/// family tie (in lower case, after an article, a possessive or an adjective) are a person's
/// name: added if the model missed it, retyped if it read a body or a place, unless the last
/// word makes a body's name ("the architect Foster Associates").
fn people_after_person_nouns(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let lex = analysis.lex;
    let toks = &sent.toks;
    for i in 1..toks.len() {
        let noun = &toks[i];
        if noun.capitalised() || !lex.person_noun(noun.text) {
            continue;
        }
        let before = &toks[i - 1];
        let determined = matches!(before.tag, Upos::Det | Upos::Adj | Upos::Noun)
            || is_possessive(before.text)
            || matches!(before.lower().as_str(), "his" | "her" | "their" | "its");
        let j = i + 1;
        let e = (j..(j + 3).min(toks.len()))
            .take_while(|&k| {
                let t = &toks[k];
                // (a name, not words in capitals: "TRIPPED OVER")
                t.capitalised()
                    && t.text.chars().next().is_some_and(char::is_alphabetic)
                    && t.text.chars().any(char::is_lowercase)
                    && !lex.title_word(t.text)
                    && !lex.honorific(t.text)
                    && !is_possessive(t.text)
            })
            .last()
            .map_or(j, |k| k + 1);
        if !determined || e < j + 2 {
            continue;
        }
        let last = toks[e - 1].text;
        if lex.company_word(last) || lex.org_suffix(last).is_some() || lex.team_word(last) {
            continue;
        }
        let inside: Vec<usize> = (0..found.len())
            .filter(|&m| found[m].start < e && j < found[m].end)
            .collect();
        if inside.is_empty() {
            if acceptable(lex, sent, j, e) {
                take(
                    analysis,
                    sent,
                    taken,
                    found,
                    (j, e),
                    EntityType::Person,
                    None,
                );
            }
        } else if inside
            .iter()
            .all(|&m| found[m].start >= j && found[m].end <= e && found[m].country.is_none())
        {
            merge(
                analysis,
                sent,
                taken,
                found,
                &inside,
                (j, e),
                EntityType::Person,
            );
        }
    }
}

/// Whether the mentions `inside` the run of capitalised words `j..e` after (or before, in
/// apposition) a noun for a body are pieces of one name: all within the run, more than one or short of it, none a person,
/// a country or a word of a title ("carmaker Vexa Chief Executive Ana Berg" stays two).
fn merges(
    lex: &Lexicon,
    sent: &Sent<'_>,
    found: &[Found],
    inside: &[usize],
    j: usize,
    e: usize,
) -> bool {
    let covered: usize = inside.iter().map(|&m| found[m].end - found[m].start).sum();
    inside.iter().all(|&m| {
        let f = &found[m];
        f.start >= j && f.end <= e && f.kind != EntityType::Person && f.country.is_none()
    }) && (inside.len() > 1 || covered < e - j)
        && sent.toks[j..e].iter().all(|t| !lex.title_word(t.text))
}

/// The end of a name of one or two capitalised words at `i`, none taken, that `listed` knows
/// ("Labour", "Lib Dems"): two words only when the second is capitalised too.
fn listed_name_at(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &[bool],
    i: usize,
    listed: impl Fn(&str) -> bool,
) -> Option<usize> {
    if taken[i] || !sent.toks[i].capitalised() {
        return None;
    }
    let two = sent
        .toks
        .get(i + 1)
        .is_some_and(|t| t.capitalised() && !taken[i + 1])
        && listed(&sent.span_text(analysis.text, i, i + 2));
    if two {
        Some(i + 2)
    } else {
        listed(sent.toks[i].text).then_some(i + 1)
    }
}

/// Words right before a name that say it is where someone is from, lives or governs, or where
/// one goes.
const HOME_WORDS: &[[&str; 2]] = &[
    ["mayor", "of"],
    ["governor", "of"],
    ["city", "of"],
    ["town", "of"],
    ["arrived", "in"],
    ["visit", "to"],
    ["trip", "to"],
    ["native", "of"],
    ["resident", "of"],
    ["residents", "of"],
    ["born", "in"],
    ["lives", "in"],
    ["lived", "in"],
    ["live", "in"],
    ["up", "in"],
    ["moved", "to"],
];

/// "Ana Berg, a native of Bergen", "born in Lincoln", "the mayor of Bergen": a known city or
/// region the model read as a person, right after words that say where someone is from, lives
/// or governs, or where one goes, is the place.
fn places_after_home_words(analysis: &Analysis<'_>, sent: &Sent<'_>, found: &mut [Found]) {
    let lex = analysis.lex;
    for f in found
        .iter_mut()
        .filter(|f| f.kind == EntityType::Person && f.start >= 2)
    {
        let home = HOME_WORDS
            .iter()
            .any(|[a, b]| sent.toks[f.start - 2].is(a) && sent.toks[f.start - 1].is(b));
        if !home {
            continue;
        }
        if lex.city(&f.name).is_some() {
            f.kind = EntityType::City;
        } else if lex.region(&f.name).is_some() {
            f.kind = EntityType::Place;
        }
    }
}

/// "Liberal leader Ola Dahl", "Republican Senator Ana Berg": a party's adjective right before a
/// post is the party; so is "a Democrat" after a comma ("Ana Berg, a Democrat from Oregon,").
/// Elsewhere the word is no name ("a liberal view", "Green" the surname).
fn party_adjectives(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let lex = analysis.lex;
    for i in 0..sent.toks.len() {
        let Some(e) = listed_name_at(analysis, sent, taken, i, |p| lex.party_adjective(p)) else {
            continue;
        };
        let next = sent.toks.get(e);
        let before_post = next.is_some_and(|t| {
            lex.org_suffix(t.text).is_none()
                && (lex.title(t.text.trim_end_matches('.'))
                    || (t.capitalised() && lex.title_word(t.text)))
        });
        let described = i >= 2
            && (sent.toks[i - 1].is("a") || sent.toks[i - 1].is("an"))
            && sent.toks[i - 2].text == ","
            && next.is_none_or(|t| !t.capitalised());
        if before_post || described {
            take(
                analysis,
                sent,
                taken,
                found,
                (i, e),
                EntityType::Organization,
                None,
            );
        }
    }
}

/// Words of an apposition between its article and its kind noun ("a software company", "an
/// Ohio-based maker"): at most this many.
const APPOSITION_WORDS: usize = 4;

/// "Lumen Labs, a software company based in Lyon": a name, a comma, then "a" or "an" and a kind
/// noun within a few words, is of that kind (added if the model missed it).
fn appositions(
    analysis: &Analysis<'_>,
    sent: &Sent<'_>,
    taken: &mut [bool],
    found: &mut Vec<Found>,
) {
    let lex = analysis.lex;
    let toks = &sent.toks;
    let mut j = 0;
    while j < toks.len() {
        let opens = toks[j].capitalised() && (j == 0 || !toks[j - 1].capitalised());
        let e = if opens { name_run(sent, j) } else { j };
        if e == j {
            j += 1;
            continue;
        }
        let kind = (toks.get(e).is_some_and(|t| t.text == ",")
            && toks.get(e + 1).is_some_and(|t| t.is("a") || t.is("an")))
        .then(|| {
            // The noun must head its phrase: "a former central bank economist" is a person.
            let compound = |k: usize| {
                toks.get(k + 1).is_some_and(|n| {
                    n.tag == Upos::Noun && n.text.chars().next().is_some_and(char::is_lowercase)
                })
            };
            (e + 2..toks.len())
                .take(APPOSITION_WORDS)
                .take_while(|&k| toks[k].text.chars().any(char::is_alphanumeric))
                // ("Vexa, a Jakarta-based startup": a place's "-based" is no verb)
                .take_while(|&k| {
                    !matches!(toks[k].tag, Upos::Verb | Upos::Aux | Upos::Adp)
                        || toks[k].text.ends_with("-based")
                })
                .find_map(|k| {
                    (toks[k].text.chars().next().is_some_and(char::is_lowercase) && !compound(k))
                        .then(|| lex.org_noun(toks[k].text))
                        .flatten()
                })
        })
        .flatten();
        if let Some(kind) = kind {
            let inside: Vec<usize> = (0..found.len())
                .filter(|&m| found[m].start < e && j < found[m].end)
                .collect();
            if inside.is_empty() {
                // Only a name the tagger calls a noun, and a proper noun when it is a lone
                // word opening the sentence: "Yesterday, a firm ..." is none.
                let nouns = toks[j..e].iter().all(|t| match t.tag {
                    Upos::Propn => true,
                    Upos::Noun => j > 0 || e > j + 1,
                    _ => false,
                });
                if nouns && acceptable(lex, sent, j, e) {
                    take(analysis, sent, taken, found, (j, e), kind, None);
                }
            } else if merges(lex, sent, found, &inside, j, e) {
                merge(analysis, sent, taken, found, &inside, (j, e), kind);
            } else {
                for m in inside {
                    let f = &mut found[m];
                    if f.start == j && f.end == e && f.country.is_none() && retypable(f.kind) {
                        f.kind = kind;
                    }
                }
            }
        }
        j = e;
    }
}
