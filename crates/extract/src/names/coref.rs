//! Coreference of names inside one document: which mentions name the same thing.
//!
//! Rules, chosen for precision (a wrong merge is worse than a missed one):
//! - countries are one entity per country, whatever alias is used ("U.S.", "America");
//! - an acronym in brackets after a name is that name ("Communist Party of Vietnam (CPV)"), and
//!   later uses of the acronym alone join it; an acronym never defined joins the one
//!   organisation whose initials it spells exactly;
//! - a shorter person name joins the one longer person name that ends with it ("Mr Silva",
//!   "Silva" -> "Ana Silva"), or starts with it when nothing ends with it ("Xi" -> "Xi Jinping");
//!   when two longer names fit, it joins neither;
//! - a person's name with a middle name left out joins the one longer name with the same first
//!   and last words ("Ana Silva" -> "Ana Maria Silva");
//! - a shorter organisation name joins the one longer organisation name that starts with it
//!   ("Labour Party" -> "Labour Party of Norway"), or else ends with it ("Congress" -> "United
//!   States Congress"); "Oslo" joins "Oslo City";
//! - a name the model typed differently in different places takes its most frequent type (a
//!   city of the city table counting twice unless it is a common given name), and a
//!   capital standing alone is the city, and a lone word that is the surname of a person in the
//!   document is that person (unless the word alone was read as another type more than three
//!   times as often).

use std::collections::HashMap;

use crate::doc::analysis::Analysis;
use crate::doc::ids::ClusterId;
use crate::lexicon::Lexicon;
use crate::model::{EntityType, entity_key};
use crate::names::mentions::Found;
use crate::names::shape::{initials, is_acronym, title_case};

/// An entity of one document, before cross-document resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub kind: EntityType,
    pub label: String,
    pub aliases: Vec<String>,
    pub wikidata: Option<String>,
}

impl Cluster {
    pub fn key(&self) -> String {
        entity_key(self.kind, &self.label)
    }
}

fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

/// Rank of a type when votes tie: the more specific first.
fn rank(kind: EntityType) -> u8 {
    match kind {
        EntityType::Country => 0,
        EntityType::Person => 1,
        EntityType::Company => 2,
        EntityType::Organization => 3,
        EntityType::City => 4,
        _ => 5,
    }
}

/// Groups the mentions of one document; returns the clusters and, for each mention, its cluster.
pub fn cluster(analysis: &Analysis<'_>, found: &mut [Found]) -> (Vec<Cluster>, Vec<ClusterId>) {
    let lex = analysis.lex;
    vote_types(lex, found);
    // Acronyms defined in brackets: "Name (ACR)".
    let mut acronyms: HashMap<String, (String, EntityType)> = HashMap::new();
    for f in found.iter() {
        let sent = &analysis.sents[f.sent];
        if f.end + 2 < sent.toks.len() + 1
            && sent.toks.get(f.end).is_some_and(|t| t.text == "(")
            && sent.toks.get(f.end + 2).is_some_and(|t| t.text == ")")
            && let Some(acr) = sent.toks.get(f.end + 1)
            && is_acronym(acr.text)
            && initials(&f.name).contains(&acr.text.replace('.', ""))
        {
            acronyms.insert(acr.text.to_string(), (f.name.clone(), f.kind));
        }
    }
    // An acronym never defined in brackets is the one organisation of the document whose
    // initials it spells exactly ("NPP" for "New People Party").
    for f in found.iter() {
        if acronyms.contains_key(&f.name) || !is_acronym(&f.name) {
            continue;
        }
        let letters = f.name.replace('.', "");
        let mut long = found.iter().filter(|g| {
            matches!(g.kind, EntityType::Organization | EntityType::Company)
                && g.name.contains(' ')
                && initials(&g.name) == letters
        });
        let bare = |name: &str| name.replace("'s", "").replace("\u{2019}s", "");
        if let Some(g) = long.next()
            && long.all(|h| bare(&h.name) == bare(&g.name))
        {
            acronyms.insert(f.name.clone(), (g.name.clone(), g.kind));
        }
    }

    // Canonical name of each mention, longest first, so short names find their long form.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((words(&found[i].name).len(), found[i].name.len())));
    let mut clusters: Vec<Cluster> = Vec::new();
    // Where each cluster is first named, and where each name is first written.
    let mut firsts: Vec<(usize, usize)> = Vec::new();
    let mut first_written: HashMap<&str, (usize, usize)> = HashMap::new();
    for f in found.iter() {
        let at = first_written
            .entry(f.name.as_str())
            .or_insert((f.sent, f.start));
        *at = (*at).min((f.sent, f.start));
    }
    let first_written: HashMap<String, (usize, usize)> = first_written
        .into_iter()
        .map(|(name, at)| (name.to_string(), at))
        .collect();
    let mut by_name: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut assignment = vec![usize::MAX; found.len()];
    for &i in &order {
        let f = &found[i];
        // An acronym defined in the document is its long form, whatever type the model gave it.
        let (name, kind) = acronyms
            .get(&f.name)
            .cloned()
            .unwrap_or_else(|| (f.name.clone(), f.kind));
        // "TAMPERE" in a dateline is Tampere: a place written in capitals goes by its name in
        // title case (the form found stays an alias).
        let name = if matches!(kind, EntityType::City | EntityType::Place)
            && name.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !name.chars().any(char::is_lowercase)
        {
            title_case(&name.to_lowercase())
        } else if let Some(region) =
            super::mentions::abbreviated_region(lex, &analysis.sents[f.sent], found, f)
        {
            // "La." after a city is Louisiana (the form found stays an alias).
            region.to_string()
        } else {
            name
        };
        let target = if let Some(country) = &f.country {
            Some((EntityType::Country, country.clone()))
        } else {
            Some((kind, name.clone()))
        };
        let Some((kind, canonical)) = target else {
            continue;
        };
        let cluster = by_name
            .get(&(kind, canonical.clone()))
            .copied()
            .or_else(|| {
                if f.country.is_some() {
                    None
                } else {
                    longer_form(&clusters, kind, &canonical).or_else(|| {
                        first_introduced(
                            &clusters,
                            &firsts,
                            kind,
                            &canonical,
                            first_written[&f.name],
                        )
                    })
                }
            });
        let index = match cluster {
            Some(c) => c,
            None => {
                let wikidata = f
                    .country
                    .as_ref()
                    .and_then(|c| lex.country(c))
                    .and_then(|c| c.wikidata.clone());
                clusters.push(Cluster {
                    kind,
                    label: canonical.clone(),
                    aliases: Vec::new(),
                    wikidata,
                });
                firsts.push((f.sent, f.start));
                clusters.len() - 1
            }
        };
        firsts[index] = firsts[index].min((f.sent, f.start));
        by_name.insert((kind, canonical), index);
        let c = &mut clusters[index];
        if f.name != c.label && !c.aliases.contains(&f.name) {
            c.aliases.push(f.name.clone());
        }
        assignment[i] = index;
    }
    for c in &mut clusters {
        // "taco bell", read in a sentence typed without capitals: labelled as a reader writes
        // it, the form found kept as an alias.
        if c.label.chars().any(char::is_alphabetic) && !c.label.chars().any(char::is_uppercase) {
            let titled = title_case(&c.label);
            if !c.aliases.contains(&c.label) {
                c.aliases.push(std::mem::replace(&mut c.label, titled));
            } else {
                c.label = titled;
            }
        }
        c.aliases.sort();
    }
    (clusters, assignment.into_iter().map(ClusterId).collect())
}

/// The one existing cluster of the same type (an organisation and a company count as one)
/// whose label extends `name`: ends with it (people) or starts with it (people and
/// organisations).
fn longer_form(clusters: &[Cluster], kind: EntityType, name: &str) -> Option<usize> {
    let short = words(name);
    let fits = |c: &Cluster, shape: Shape| {
        let long = words(&c.label);
        long.len() > short.len()
            && match shape {
                // ("De la Cruz" opening a sentence ends "Ramón de la Cruz".)
                Shape::Suffix => {
                    long.len() >= short.len()
                        && long[long.len() - short.len()..]
                            .iter()
                            .zip(&short)
                            .all(|(l, s)| l.eq_ignore_ascii_case(s))
                }
                // ("Wellsby Athletic" is not "the Wellsby Athletic Supporters' Trust": a body
                // of the plural's people is another.)
                Shape::Prefix => {
                    long.starts_with(&short)
                        && !long[short.len()..]
                            .iter()
                            .any(|w| w.ends_with('\'') || w.ends_with('\u{2019}'))
                }
                // "Ana Silva" inside "Ana Maria Silva": same first and last word, in order.
                Shape::Inside => {
                    short.len() >= 2
                        && long.first() == short.first()
                        && long.last() == short.last()
                        && is_subsequence(&short, &long)
                }
                // "Oslo" and "Oslo City".
                Shape::City => {
                    long.len() == short.len() + 1
                        && long.starts_with(&short)
                        && long.last() == Some(&"City")
                }
            }
    };
    let pick = |shape: Shape| {
        let mut hits = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| same_family(c.kind, kind) && fits(c, shape));
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) => Some(Some(i)),
            (Some(_), Some(_)) => Some(None),
            _ => None,
        }
    };
    let first = |shapes: &[Shape]| shapes.iter().find_map(|s| pick(*s)).flatten();
    match kind {
        EntityType::Person => first(&[Shape::Suffix, Shape::Inside, Shape::Prefix]),
        EntityType::Organization | EntityType::Company => first(&[Shape::Prefix, Shape::Suffix]),
        EntityType::City | EntityType::Place => first(&[Shape::City]),
        _ => None,
    }
}

/// A surname that ends the names of several people ("Diallo-Faye" after "Ousmane Diallo-Faye"
/// and, later, "his brother Abdoulaye Diallo-Faye") stands, as news writes it, for the one
/// introduced first, when that one was named before the surname first stands alone; the
/// others are told apart by their given names.
fn first_introduced(
    clusters: &[Cluster],
    firsts: &[(usize, usize)],
    kind: EntityType,
    name: &str,
    written: (usize, usize),
) -> Option<usize> {
    let short = words(name);
    if kind != EntityType::Person || short.len() != 1 {
        return None;
    }
    clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let long = words(&c.label);
            c.kind == EntityType::Person && long.len() > 1 && long.ends_with(&short)
        })
        .min_by_key(|&(i, _)| firsts[i])
        .map(|(i, _)| i)
        .filter(|&i| firsts[i] < written)
}

/// Whether two types may name one thing by a short and a long name: the same type, or an
/// organisation and a company ("Norrvik, which is owned by the state" and "Norrvik Energi").
pub(crate) fn same_family(a: EntityType, b: EntityType) -> bool {
    let body = |k| matches!(k, EntityType::Organization | EntityType::Company);
    a == b || (body(a) && body(b))
}

/// How a shorter name sits in a longer one.
#[derive(Clone, Copy, Debug)]
enum Shape {
    Suffix,
    Prefix,
    Inside,
    City,
}

/// Whether `short` is `long` with some words left out.
fn is_subsequence(short: &[&str], long: &[&str]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// Gives every non-country name its most frequent type in the document, and makes a lone word
/// that is the last word of a person's name that person.
fn vote_types(lex: &Lexicon, found: &mut [Found]) {
    let mut votes: HashMap<String, HashMap<EntityType, usize>> = HashMap::new();
    for f in found.iter().filter(|f| f.country.is_none()) {
        // A City comes from the city table; it outweighs one reading of the model as a person
        // unless the word is a common given name ("Seattle", not "Jackson").
        let weight = if f.kind == EntityType::City && lex.given_name(&f.name) < 1000 {
            2
        } else {
            1
        };
        *votes
            .entry(f.name.clone())
            .or_default()
            .entry(f.kind)
            .or_default() += weight;
    }
    // Last words of the events the document names.
    let events: Vec<String> = found
        .iter()
        .filter(|f| f.kind == EntityType::Event && words(&f.name).len() > 1)
        .filter_map(|f| words(&f.name).last().map(|w| w.to_string()))
        .collect();
    // Surnames of several words ("de la Cruz", "van der Linden"), in lower case: a name read
    // as anything else that is one of them, however capitalised, is the person's.
    let mut long_surnames: std::collections::HashSet<String> = std::collections::HashSet::new();
    for f in found
        .iter()
        .filter(|f| f.kind == EntityType::Person && words(&f.name).len() >= 3)
    {
        let w = words(&f.name);
        for k in 1..w.len() - 1 {
            if w[k].chars().next().is_some_and(char::is_lowercase) {
                long_surnames.insert(w[k..].join(" ").to_lowercase());
            }
        }
    }
    // Per surname: how many times a longer person name ends with it.
    let mut surnames: HashMap<String, usize> = HashMap::new();
    for f in found
        .iter()
        .filter(|f| f.kind == EntityType::Person && words(&f.name).len() > 1)
    {
        if let Some(w) = words(&f.name).last() {
            *surnames.entry(w.to_string()).or_default() += 1;
        }
    }
    // First words of the bodies' names, and of the people's.
    let mut bodies: HashMap<String, EntityType> = HashMap::new();
    let mut given: std::collections::HashSet<String> = std::collections::HashSet::new();
    for f in found.iter().filter(|f| words(&f.name).len() > 1) {
        let first = words(&f.name)[0].to_string();
        match f.kind {
            EntityType::Company => {
                bodies.insert(first, EntityType::Company);
            }
            EntityType::Organization => {
                bodies.entry(first).or_insert(EntityType::Organization);
            }
            EntityType::Person => {
                given.insert(first);
            }
            _ => {}
        }
    }
    for f in found.iter_mut().filter(|f| f.country.is_none()) {
        if let Some(v) = votes.get(&f.name) {
            let best = v
                .iter()
                .max_by_key(|(k, n)| (**n, std::cmp::Reverse(rank(**k))));
            if let Some((kind, _)) = best {
                f.kind = *kind;
            }
        }
        // "Phailin" after "Cyclone Phailin": the storm's name alone is the storm.
        if f.kind != EntityType::Event
            && words(&f.name).len() == 1
            && events.iter().any(|e| e == &f.name)
        {
            f.kind = EntityType::Event;
        }
        // A capital on its own ("Ottawa was aware") is the city, standing for its
        // government, not a person; a person's surname in the document still wins below.
        if f.kind == EntityType::Person
            && words(&f.name).len() == 1
            && lex.capital_of(&f.name).is_some()
        {
            f.kind = EntityType::City;
        }
        if f.kind != EntityType::Person && long_surnames.contains(&f.name.to_lowercase()) {
            f.kind = EntityType::Person;
        }
        // "Pacifica spokesman Jerome Ty" after "Pacifica Refining Corp.": a lone word read as
        // a person, no person's given name or surname here, that opens a body's name is that
        // body.
        if f.kind == EntityType::Person
            && words(&f.name).len() == 1
            && !surnames.contains_key(&f.name)
            && !given.contains(&f.name)
            && let Some(&body) = bodies.get(&f.name)
        {
            f.kind = body;
        }
        // The surname wins unless the word, alone, was read as something else more than three
        // times as often as it was a person ("Coron" a place fifteen times, and once the end
        // of "Penon de Coron").
        if f.kind != EntityType::Person
            && words(&f.name).len() == 1
            && let Some(&full) = surnames.get(&f.name)
        {
            let count = |k: EntityType| votes_for(&votes, &f.name, k);
            let other = count(f.kind);
            if 3 * (full + count(EntityType::Person)) >= other {
                f.kind = EntityType::Person;
            }
        }
    }
}

/// The votes for `name` as `kind`.
fn votes_for(
    votes: &HashMap<String, HashMap<EntityType, usize>>,
    name: &str,
    kind: EntityType,
) -> usize {
    votes
        .get(name)
        .and_then(|v| v.get(&kind))
        .copied()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_names_get_capitals() {
        assert_eq!(title_case("taco bell"), "Taco Bell");
        assert_eq!(title_case("san francisco"), "San Francisco");
    }

    #[test]
    fn short_names_find_their_one_long_form() {
        let c = |kind, label: &str| Cluster {
            kind,
            label: label.into(),
            aliases: vec![],
            wikidata: None,
        };
        let clusters = vec![
            c(EntityType::Person, "Ana Maria Silva"),
            c(EntityType::Person, "Li Wei"),
            c(EntityType::Person, "Paul Wei"),
            c(EntityType::Organization, "Labour Party of Norway"),
        ];
        assert_eq!(longer_form(&clusters, EntityType::Person, "Silva"), Some(0));
        assert_eq!(
            longer_form(&clusters, EntityType::Person, "Maria Silva"),
            Some(0)
        );
        assert_eq!(
            longer_form(&clusters, EntityType::Person, "Wei"),
            None,
            "two people end with Wei"
        );
        assert_eq!(longer_form(&clusters, EntityType::Person, "Li"), Some(1));
        assert_eq!(
            longer_form(&clusters, EntityType::Organization, "Labour Party"),
            Some(3)
        );
        // A body's short name read as a company is still the body's.
        assert_eq!(
            longer_form(&clusters, EntityType::Company, "Labour Party"),
            Some(3)
        );
        assert_eq!(
            longer_form(&clusters, EntityType::Place, "Labour Party"),
            None
        );
    }
}
