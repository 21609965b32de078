//! Bodies the model read as people: a name of the document that stands where only a firm or
//! an organisation can ("chief executive of Norrvik", "Norrvik, which is owned by ...",
//! "Norrvik's shareholders", "shares in Norrvik") is one, in every sentence that names it. News
//! names many firms nobody has heard of, and the model, seeing an unknown capitalised name,
//! most often reads a person.

use super::*;

use std::collections::HashMap;

/// Nouns a firm's name owns and a person's does not ("Norrvik's board", "Havgard's shares").
const FIRM_NOUNS: &[&str] = &[
    "board",
    "stock",
    "shareholders",
    "shareholder",
    "stockholders",
    "subsidiary",
    "subsidiaries",
    "workforce",
    "revenue",
    "revenues",
    "factory",
    "factories",
    "executives",
    "directors",
    "ceo",
    "chairman",
    "chairwoman",
    "founder",
    "co-founder",
];

/// Posts held for a person as well as for a body: "a spokesman for Tom Reyes", "the lawyer
/// of Tom Reyes" say nothing of what Tom Reyes is.
const POSTS_FOR_PEOPLE: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "assistant",
    "secretary",
    "agent",
    "friend",
    "coach",
    "manager",
    "captain",
    "associate",
    "associates",
    "ally",
    "deputy",
    "biographer",
    "doctor",
];

/// What a person-typed name's place in its sentence says it is: `Some(kind)` for a body.
fn body_at(lex: &Lexicon, sent: &Sent<'_>, f: &Found) -> Option<EntityType> {
    let toks = &sent.toks;
    let word = |k: usize| toks.get(k).map_or("", |t| t.text);
    let lower = |k: usize| word(k).to_lowercase();
    // "Norrvik, which is 67 percent owned by the state"; not "the death of X, which" nor
    // "Trump praised Putin, which angered allies": the name must head its clause's subject
    // (first, or after a conjunction or punctuation). A noun for a kind of body before it, or
    // "Oslo-based", leaves it the head too.
    let heads = f.start == 0 || {
        let before = &toks[f.start - 1];
        matches!(before.tag, Upos::Punct | Upos::Cconj | Upos::Sconj)
            || before.is("that")
            || before.lower().ends_with("-based")
            || lex.org_noun(before.text).is_some()
    };
    if heads && word(f.end) == "," && word(f.end + 1) == "which" {
        return Some(EntityType::Organization);
    }
    // "Norrvik's board", "Havgard's closing share price".
    if is_possessive(word(f.end))
        && (FIRM_NOUNS.contains(&lower(f.end + 1).as_str())
            || (toks.get(f.end + 1).is_some_and(|t| t.tag == Upos::Adj)
                && FIRM_NOUNS.contains(&lower(f.end + 2).as_str())))
    {
        return Some(EntityType::Company);
    }
    // "shares in Norrvik", "a stake in Havgard".
    let at = if f.start >= 1 && toks[f.start - 1].is("the") {
        f.start - 1
    } else {
        f.start
    };
    if at >= 2
        && matches!(word(at - 1), "in" | "of")
        && matches!(lower(at - 2).as_str(), "shares" | "stake" | "shareholders")
    {
        return Some(EntityType::Company);
    }
    // "chief executive of Norrvik Energi", "an analyst at Nordhavn", "leader of Civic Renewal".
    if at >= 2 && matches!(word(at - 1), "of" | "at") {
        let post = lower(at - 2);
        let business =
            FIRM_NOUNS.contains(&post.as_str()) || matches!(post.as_str(), "executive" | "analyst");
        if !POSTS_FOR_PEOPLE.contains(&post.as_str()) && (lex.title_word(&post) || lex.title(&post))
        {
            return Some(if business {
                EntityType::Company
            } else {
                EntityType::Organization
            });
        }
    }
    None
}

/// The kind of body an apposition says a name is: ", a|an" and up to four words in lower case
/// (or a place's "-based") ending in a noun for a kind of body ("Tanipintar, a Jakarta-based
/// startup", "Vexa, an Oslo software company").
fn apposed_body(lex: &Lexicon, sent: &Sent<'_>, f: &Found) -> Option<EntityType> {
    let toks = &sent.toks;
    let word = |k: usize| toks.get(k).map_or("", |t| t.text);
    if word(f.end) != "," || !matches!(word(f.end + 1), "a" | "an") {
        return None;
    }
    (f.end + 2..(f.end + 6).min(toks.len()))
        .take_while(|&k| {
            let t = &toks[k];
            !t.capitalised() || t.text.ends_with("-based")
        })
        .find_map(|k| lex.org_noun(toks[k].text))
}

/// Retypes the document's person names that some sentence places as a body, with every
/// mention of the same name and of its first word alone ("Norrvik" for "Norrvik Energi").
/// A name also said to be a person ("Tom Reyes, who", "Mr Reyes") or opening with a common
/// given name keeps its type.
pub(super) fn bodies_by_context(analysis: &Analysis<'_>, found: &mut [Found]) {
    let lex = analysis.lex;
    let mut bodies: Vec<(String, EntityType)> = Vec::new();
    let mut people: HashSet<String> = HashSet::new();
    for f in found.iter() {
        let Some(sent) = analysis.sents.get(f.sent) else {
            continue;
        };
        if f.kind != EntityType::Person {
            // "Tanipintar, a Jakarta-based startup": the body the name is said to be holds
            // for its other mentions, which the model may read as a person.
            if matches!(f.kind, EntityType::Organization | EntityType::Company)
                && let Some(kind) = apposed_body(lex, sent, f)
            {
                bodies.push((f.name.clone(), kind));
            }
            continue;
        }
        let word = |k: usize| sent.toks.get(k).map_or("", |t| t.text);
        let personal = (word(f.end) == "," && matches!(word(f.end + 1), "who" | "whose"))
            // "Prime Minister Rafik Hariri", not "platinum producer Bokamoso".
            || (f.start >= 1
                && (lex.honorific(word(f.start - 1))
                    || (sent.toks[f.start - 1].capitalised() && lex.title_word(word(f.start - 1)))))
            || lex.given_name(word(f.start)) >= rules::COMMON_GIVEN_NAME;
        if personal {
            people.insert(f.name.clone());
        } else if let Some(kind) = body_at(lex, sent, f) {
            bodies.push((f.name.clone(), kind));
        }
    }
    // A surname of a person the document names in full stays that person's ("Buffett").
    people.extend(surnames(found).into_iter().map(str::to_string));
    bodies.retain(|(name, _)| !people.contains(name));
    if bodies.is_empty() {
        return;
    }
    let first_word = |name: &str| name.split(' ').next().unwrap_or("").to_string();
    for f in found.iter_mut().filter(|f| f.kind == EntityType::Person) {
        let kind = bodies.iter().find_map(|(name, kind)| {
            let same = *name == f.name
                || (!f.name.contains(' ') && name.contains(' ') && first_word(name) == f.name)
                || (!name.contains(' ') && f.name.contains(' ') && first_word(&f.name) == *name);
            (same && !people.contains(&f.name)).then_some(*kind)
        });
        if let Some(kind) = kind {
            f.kind = kind;
        }
    }
}

/// The word a multi-word body's name is shortened to in running text: the first ("Norrvik" of
/// "Norrvik Energi"), or the last after an opening word of clubs or foreign firms ("Castellar"
/// of "Real Castellar", "Miravalle" of "Laboratorios Miravalle").
fn short_word<'n>(lex: &Lexicon, name: &'n str) -> Option<&'n str> {
    let words: Vec<&str> = name.split(' ').collect();
    let [first, .., last] = words[..] else {
        return None;
    };
    let word = if lex.team_opener(first) || lex.company_opener(first) || first == "The" {
        last
    } else {
        first
    };
    // A word that says what a name is, or names a place or a person, is no short name.
    let plain = word.chars().count() >= 4
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !lex.title_word(word)
        && !lex.team_opener(word)
        && !lex.company_word(word)
        && lex.org_suffix(word).is_none()
        && lex.demonym(word).is_none()
        && lex.country(word).is_none()
        && lex.city(word).is_none()
        && lex.region(word).is_none()
        && lex.given_name(word) < RARE_NAME;
    plain.then_some(word)
}

/// The last words of the document's person names of two words or more: their surnames.
fn surnames(found: &[Found]) -> HashSet<&str> {
    found
        .iter()
        .filter(|f| f.kind == EntityType::Person)
        .filter_map(|f| f.name.rsplit_once(' ').map(|(_, last)| last))
        .collect()
}

/// Short names of the document's bodies: a one-word name the model read as a person or an
/// unknown place that is the short form of one organisation or company named in full
/// ("Almarena" after "Atletico Almarena") takes its type. A word that ends a person's name in
/// the document is that person's surname, not a short name.
pub(super) fn short_forms(analysis: &Analysis<'_>, found: &mut Vec<Found>) {
    let lex = analysis.lex;
    let mut shorts: Vec<(String, EntityType)> = Vec::new();
    for f in found.iter() {
        if matches!(f.kind, EntityType::Organization | EntityType::Company)
            && let Some(w) = short_word(lex, &f.name)
        {
            shorts.push((w.to_string(), f.kind));
        }
    }
    // A word shared by two bodies' names is ambiguous.
    let mut seen: HashMap<String, Option<EntityType>> = HashMap::new();
    for (w, kind) in shorts {
        seen.entry(w)
            .and_modify(|k| {
                if k.is_some_and(|k| !crate::names::coref::same_family(k, kind)) {
                    *k = None;
                }
            })
            .or_insert(Some(kind));
    }
    let surnames = surnames(found);
    let shorts: HashMap<String, EntityType> = seen
        .into_iter()
        .filter(|(w, _)| !surnames.contains(w.as_str()))
        .filter_map(|(w, k)| Some((w, k?)))
        .collect();
    if shorts.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        // A person or a place no gazetteer knows ("a partner at Tembusu").
        if matches!(f.kind, EntityType::Person | EntityType::Place)
            && f.country.is_none()
            && let Some(&kind) = shorts.get(&f.name)
        {
            f.kind = kind;
        }
    }
    missed_short_forms(analysis, &shorts, found);
}

/// Short names the model did not read at all ("Solvang, which is based in Aarhus", "Kizuna
/// said"): the word alone, no name around it, not written in lower case anywhere in the
/// document, and not before a noun it would qualify ("Global warming").
fn missed_short_forms(
    analysis: &Analysis<'_>,
    shorts: &HashMap<String, EntityType>,
    found: &mut Vec<Found>,
) {
    let lower: HashSet<String> = shorts
        .keys()
        .map(|w| w.to_lowercase())
        .filter(|w| {
            analysis
                .sents
                .iter()
                .any(|s| s.toks.iter().any(|t| t.text == w.as_str()))
        })
        .collect();
    let mut added = Vec::new();
    for sent in &analysis.sents {
        let (s, toks) = (sent.index, &sent.toks);
        for (k, tok) in toks.iter().enumerate() {
            let Some(&kind) = shorts.get(tok.text) else {
                continue;
            };
            let capitalised = |j: usize| toks.get(j).is_some_and(|t| t.capitalised());
            let alone = !capitalised(k + 1) && (k == 0 || !capitalised(k - 1));
            // Not a modifier ("the Swift boat episode"), and opening a sentence, before a
            // verb, a possessive or a description ("Second, our approach" is none).
            let word = |j: usize| toks.get(j).map_or("", |t| t.text);
            // ("Limmattal coach X": a post of the body is no such noun)
            let post = toks
                .get(k + 1)
                .is_some_and(|t| analysis.lex.title_word(t.text) || analysis.lex.title(t.text));
            let qualifies = toks.get(k + 1).is_some_and(|t| {
                matches!(t.tag, Upos::Noun | Upos::Adj | Upos::Propn) && !t.capitalised() && !post
            });
            let opens =
                post || toks.get(1).is_some_and(|t| {
                    matches!(t.tag, Upos::Verb | Upos::Aux) || is_possessive(t.text)
                }) || (word(1) == ","
                    && matches!(
                        word(2),
                        "which" | "whose" | "a" | "an" | "based" | "founded"
                    ));
            let qualifies = qualifies || (k == 0 && !opens);
            let inside = found
                .iter()
                .any(|f| f.sent == s && f.start <= k && k < f.end);
            if alone && !qualifies && !inside && !lower.contains(&tok.text.to_lowercase()) {
                added.push(Found {
                    sent: s,
                    start: k,
                    end: k + 1,
                    kind,
                    name: tok.text.to_string(),
                    country: None,
                });
            }
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| (f.sent, f.start));
    }
}

/// Two names of a sentence joined by "for", "of", "and" or "&" that make the name of a body
/// found whole elsewhere in the document are that body ("the Alliance for Slovakia", read as
/// a town and a country where the next sentence reads the party whole).
pub(super) fn known_joins(analysis: &Analysis<'_>, found: &mut Vec<Found>) {
    let bodies: HashMap<&str, EntityType> = found
        .iter()
        .filter(|f| matches!(f.kind, EntityType::Organization | EntityType::Company))
        .filter(|f| f.name.contains(' '))
        .map(|f| (f.name.as_str(), f.kind))
        .collect();
    if bodies.is_empty() {
        return;
    }
    let mut joins: Vec<(usize, String, EntityType)> = Vec::new();
    for i in 0..found.len().saturating_sub(1) {
        let (a, b) = (&found[i], &found[i + 1]);
        if a.sent != b.sent || b.start != a.end + 1 {
            continue;
        }
        let sent = &analysis.sents[a.sent];
        if !matches!(sent.toks[a.end].text, "for" | "of" | "and" | "&") {
            continue;
        }
        let name = sent.span_text(analysis.text, a.start, b.end);
        // A name joined already is not joined again ("A and B" and "B and C").
        let chained = joins.last().is_some_and(|&(j, _, _)| j + 1 == i);
        if let Some(&kind) = bodies.get(name.as_str())
            && !chained
        {
            joins.push((i, name, kind));
        }
    }
    for (i, name, kind) in joins.into_iter().rev() {
        let end = found[i + 1].end;
        let f = &mut found[i];
        f.end = end;
        f.name = name;
        f.kind = kind;
        f.country = None;
        found.remove(i + 1);
    }
}
