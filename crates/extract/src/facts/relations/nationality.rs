//! "Danish wind developer Havgard Vind", "Japanese supplier Hokuto Optics", "Kazakhstan's
//! state-owned KazSteppe Power": a country's adjective, or its name as a possessor, before
//! words in lower case that describe a firm or a body says where the body is based; before a
//! settlement's noun and "of", where the place is ("the Ecuadorian port of Guayaquil"). A city
//! before such words places a body too ("the Madrid law firm X"). A person so described
//! ("Danish striker Ola Dahl") is only of that nationality: no relation.

use super::FoundRelation;
use crate::doc::{ClusterId, Doc};
use crate::model::EntityType;
use crate::pos::Upos;

/// Where a description places a body: a country by its adjective or name, or a named city.
enum Where {
    Country(String),
    City(ClusterId),
}

/// Words in lower case between the country and the body, at most ("offshore wind developer").
const REACH: usize = 4;

/// Words saying a state owns a body.
fn state_owned(word: &str) -> bool {
    matches!(
        word,
        "state-owned" | "state-run" | "state-controlled" | "government-owned"
    )
}

/// Bodies placed by an apposition: ", a|an" and a country's adjective or a named city, then
/// words in lower case ending in a noun for a kind of body ("Vexa AI, a San Francisco
/// startup", "Vexa Corp, a Danish shipping company"); each with where and the token after the
/// article.
fn apposed(ctx: &Doc<'_, '_>) -> Vec<(usize, ClusterId, Where, usize, bool)> {
    let lex = ctx.analysis.lex;
    let mut out = Vec::new();
    for (m, f) in ctx.found.iter().enumerate() {
        let c = ctx.cluster_of[m];
        if !matches!(
            ctx.clusters[c].kind,
            EntityType::Organization | EntityType::Company
        ) {
            continue;
        }
        let toks = &ctx.analysis.sents[f.sent].toks;
        let word = |k: usize| toks.get(k).map_or("", |t| t.text);
        if word(f.end) != "," || !matches!(word(f.end + 1), "a" | "an") {
            continue;
        }
        let at = f.end + 2;
        let (place, from) = if let Some(country) = lex.demonym(word(at)) {
            (Where::Country(country.name.clone()), at + 1)
        } else if let Some((p, g)) = ctx
            .found
            .iter()
            .enumerate()
            .find(|(_, g)| g.sent == f.sent && g.start == at)
            .filter(|&(p, _)| ctx.clusters[ctx.cluster_of[p]].kind == EntityType::City)
        {
            (Where::City(ctx.cluster_of[p]), g.end)
        } else {
            continue;
        };
        let body = (from..(from + REACH).min(toks.len()))
            // (a noun for a body whatever the tagger read it as: "startup" as a verb)
            .take_while(|&k| {
                !toks[k].capitalised()
                    && (matches!(toks[k].tag, Upos::Noun | Upos::Adj)
                        || lex.org_noun(toks[k].text).is_some())
            })
            .any(|k| lex.org_noun(toks[k].text).is_some());
        if body {
            out.push((f.sent, c, place, at, false));
        }
    }
    out
}

/// Appends `basedIn` for organisations and companies described by a country before them.
pub(crate) fn find(ctx: &mut Doc<'_, '_>, out: &mut Vec<FoundRelation>) {
    let lex = ctx.analysis.lex;
    let mut found = Vec::new();
    let mut owned = Vec::new();
    for (m, f) in ctx.found.iter().enumerate() {
        let c = ctx.cluster_of[m];
        let toks = &ctx.analysis.sents[f.sent].toks;
        // "the Ecuadorian port of Guayaquil": a settlement of the country.
        let settled = matches!(ctx.clusters[c].kind, EntityType::City | EntityType::Place)
            && f.start >= 3
            && toks[f.start - 1].is("of")
            && {
                let noun = toks[f.start - 2].lower();
                crate::names::mentions::settlement_noun(&noun) || noun == "province"
            };
        if !settled
            && !matches!(
                ctx.clusters[c].kind,
                EntityType::Organization | EntityType::Company
            )
        {
            continue;
        }
        // The words in lower case right before the name: nouns and adjectives, and participles
        // that describe ("state-owned", "shipping"), not a clause's verb ("Chinese hackers
        // attacked X").
        let describing = |t: &crate::doc::analysis::Tok<'_>| match t.tag {
            Upos::Noun | Upos::Adj => true,
            Upos::Verb => t.text.contains('-') || t.text.ends_with("ing"),
            _ => false,
        };
        let mut k = if settled { f.start - 1 } else { f.start };
        while k > 0
            && f.start - k < REACH
            && toks[k - 1]
                .text
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && describing(&toks[k - 1])
            && !toks[k - 1].lower().ends_with("-based")
        {
            k -= 1;
        }
        // At least one noun says what kind of body it is ("developer", "side", "party"); a
        // plural right before the name is a verb misread in a headline ("Australian woman
        // claims Church of X"), unless it names bodies; a word for people describes no body.
        let head = if settled { f.start - 1 } else { f.start };
        if k == head {
            continue;
        }
        let described = &toks[k..head];
        let last = toks[head - 1].text;
        let people = |w: &str| {
            lex.title_word(w) || matches!(w, "woman" | "man" | "women" | "men" | "girl" | "boy")
        };
        // "Kazakhstan's state-owned KazSteppe Power": owned by the state, a body without a noun.
        let state = described.iter().any(|t| state_owned(&t.lower()));
        if (!described.iter().any(|t| t.tag == Upos::Noun) && !state)
            || (last.ends_with('s') && lex.org_noun(last).is_none())
            || described.iter().any(|t| people(t.text))
        {
            continue;
        }
        let Some(before) = k.checked_sub(1) else {
            continue;
        };
        let country = if let Some(country) = lex.demonym(toks[before].text) {
            Some(country.name.clone())
        } else if super::structure::possessive(toks[before].text) {
            // "Kazakhstan's state-owned KazSteppe Power": a country mention as the possessor.
            ctx.found
                .iter()
                .enumerate()
                .find(|(_, p)| p.sent == f.sent && p.end == before)
                .map(|(p, _)| ctx.cluster_of[p])
                .filter(|&p| ctx.clusters[p].kind == EntityType::Country)
                .map(|p| ctx.clusters[p].label.clone())
        } else {
            None
        };
        // "the Madrid law firm X", "a Rotterdam shipping agency X": a city named right before
        // the words that describe a body.
        let city = ctx
            .found
            .iter()
            .enumerate()
            .find(|(_, p)| p.sent == f.sent && p.end == k)
            .map(|(p, _)| ctx.cluster_of[p])
            .filter(|&p| !settled && ctx.clusters[p].kind == EntityType::City);
        if let Some(country) = country {
            if state {
                owned.push((f.sent, c, country.clone(), before));
            }
            found.push((f.sent, c, Where::Country(country), before, settled));
        } else if let Some(city) = city {
            found.push((f.sent, c, Where::City(city), before, settled));
        }
    }
    found.extend(apposed(ctx));
    // "Kazakhstan's state-owned KazSteppe Power", "the Norwegian state-controlled utility X":
    // the country owns the body.
    for (sent, object, country, at) in owned {
        let subject = ctx.country_cluster(&country);
        out.push(FoundRelation {
            sent,
            subject,
            object,
            predicate: "owns".into(),
            label: "state-owned".into(),
            negated: false,
            hedged: false,
            trigger: at,
            rule: "structure:state-owned".into(),
            confidence: 0.7,
            place: None,
        });
    }
    for (sent, subject, place, at, settled) in found {
        let object: ClusterId = match place {
            Where::Country(country) => ctx.country_cluster(&country),
            Where::City(city) => city,
        };
        out.push(FoundRelation {
            sent,
            subject,
            object,
            predicate: if settled { "locatedIn" } else { "basedIn" }.into(),
            label: ctx.analysis.sents[sent].toks[at].lower(),
            negated: false,
            hedged: false,
            trigger: at,
            rule: "structure:nationality".into(),
            confidence: 0.7,
            place: None,
        });
    }
}
