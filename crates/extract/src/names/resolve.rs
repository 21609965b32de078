//! Entity resolution across documents: one entity per real-world thing over a whole corpus and
//! the store it is added to.
//!
//! Rules (written for precision: two things wrongly merged are worse than one thing twice):
//! 1. the key is the type plus the slug of the canonical label, so identical names of the same
//!    type meet without coordination, on any machine;
//! 2. an Organization and a Company of the same name are one entity, and so are a City and a
//!    Place, and so is a name of several words whatever its type: the type most mentions carry
//!    wins (Person, then Company or City, on a tie). A one-word Person and Organization stay
//!    apart ("Ford"), and a Country never merges with anything: "Norway Air" is not
//!    "Norway";
//! 3. a person known by a shorter name in one document ("Silva") joins the one person whose
//!    longer name ends with it anywhere in the corpus or store ("Ana Silva"); with two
//!    candidates ("Ana Silva", "Rui Silva") it stays apart;
//! 4. an organisation named short in a document about a country ("Labour Party", with Norway
//!    mentioned) joins the one organisation of that name "of" the country ("Labour Party of
//!    Norway");
//! 5. a name that is exactly an alias of one known entity of the same type joins it;
//! 6. a lone generic word ("Court", "Ministry", "President") is never shared across documents:
//!    its key carries the document id, since each document's "Court" is its own court.
//!
//! Rule 3 also joins a name with a middle name left out ("Ana Silva" -> "Ana Maria Silva").

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::lexicon::Lexicon;
use crate::model::{Entity, EntityType, Extraction, entity_key, slug};

/// The family a name's type is voted in (rule 2): a name of several words ("Ana Silva") is one
/// thing whatever the model called it in one place; a one-word name only moves between
/// refinements of one kind (Organization and Company, City and Place), so "Ford" the company and
/// "Ford" the person stay apart. Countries come from the lexicon and are never voted on.
fn family(kind: EntityType, label: &str) -> u8 {
    match kind {
        EntityType::Country => 0,
        _ if label.split_whitespace().nth(1).is_some() => 3,
        EntityType::Organization | EntityType::Company => 1,
        EntityType::City | EntityType::Place => 2,
        _ => 0,
    }
}

fn preference(kind: EntityType) -> u8 {
    match kind {
        EntityType::Person => 2,
        EntityType::Company | EntityType::City => 1,
        _ => 0,
    }
}

/// Resolves the entities of `extractions` against each other and against `known` ones (from the
/// store), rewriting keys in mentions, entities, roles, relations and quotes.
///
/// The same as a [`Resolver`] that observes every extraction in order, then applies the
/// [`Resolution`] to each.
pub fn resolve(lex: &Lexicon, extractions: &mut [Extraction], known: &[Entity]) {
    let mut resolver = Resolver::new(lex);
    for ex in extractions.iter() {
        resolver.observe(ex);
    }
    let resolution = resolver.finish(known);
    for ex in extractions.iter_mut() {
        resolution.apply(ex);
    }
}

/// Votes per family and slug (rule 2).
type Votes = HashMap<(u8, String), BTreeMap<EntityType, usize>>;

/// What resolution needs to know of a corpus, gathered one extraction at a time so that a corpus
/// need not be held in memory: the type votes of every mention and each distinct entity name.
/// Memory grows with the distinct names, not with the documents.
#[derive(Debug)]
pub struct Resolver<'a> {
    lex: &'a Lexicon,
    votes: Votes,
    /// Each distinct (type, label) in the order first seen, with the union of its aliases.
    seen: Vec<Entity>,
    index: HashMap<(EntityType, String), usize>,
}

impl<'a> Resolver<'a> {
    /// An empty resolver.
    pub fn new(lex: &'a Lexicon) -> Self {
        Resolver {
            lex,
            votes: HashMap::new(),
            seen: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// Takes in one extraction's names and type votes. Extractions must be observed in the order
    /// they are loaded, for the outcome to be the same whatever the batching.
    pub fn observe(&mut self, ex: &Extraction) {
        for m in &ex.mentions {
            let entity = ex.entities.iter().find(|e| e.key == m.entity);
            vote(
                &mut self.votes,
                m.kind,
                entity.map_or(m.text.as_str(), |e| e.label.as_str()),
            );
        }
        for e in &ex.entities {
            let id = (e.kind, e.label.clone());
            match self.index.get(&id) {
                Some(&i) => {
                    let entry = &mut self.seen[i];
                    for a in &e.aliases {
                        if !entry.aliases.contains(a) {
                            entry.aliases.push(a.clone());
                        }
                    }
                }
                None => {
                    self.index.insert(id, self.seen.len());
                    self.seen.push(e.clone());
                }
            }
        }
    }

    /// Settles every name's type and canonical entity, against the `known` entities of the
    /// store as well.
    pub fn finish(mut self, known: &[Entity]) -> Resolution<'a> {
        for e in known {
            vote(&mut self.votes, e.kind, &e.label);
        }
        let mut resolution = Resolution {
            lex: self.lex,
            votes: self.votes,
            all: BTreeMap::new(),
            by_last: HashMap::new(),
            by_of: HashMap::new(),
            by_alias: HashMap::new(),
        };
        for e in known.iter().chain(&self.seen) {
            let kind = resolution.winner(e.kind, &e.label);
            let key = entity_key(kind, &e.label);
            let entry = resolution.all.entry(key.clone()).or_insert_with(|| Entity {
                key,
                kind,
                aliases: Vec::new(),
                ..e.clone()
            });
            for a in &e.aliases {
                if !entry.aliases.contains(a) {
                    entry.aliases.push(a.clone());
                }
            }
        }
        resolution.index();
        resolution
    }
}

fn vote(votes: &mut Votes, kind: EntityType, label: &str) {
    let f = family(kind, label);
    if f != 0 {
        *votes
            .entry((f, slug(label)))
            .or_default()
            .entry(kind)
            .or_default() += 1;
    }
}

/// A [`Resolution`] written down, so that one machine can settle the names of shards that
/// others extracted and each loader can apply it (`kg resolve`, `kg load`). Sorted, so the same
/// input always gives the same table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResolutionTable {
    /// Format version of the table.
    pub version: u32,
    /// Type votes: family, slug, and the count of each type.
    pub votes: Vec<VoteRow>,
    /// Every settled entity, by key.
    pub entities: Vec<Entity>,
}

/// One row of type votes: the name's family, its slug, and how often each type was given.
pub type VoteRow = (u8, String, Vec<(EntityType, usize)>);

/// The [`ResolutionTable`] format this build writes and reads.
pub const TABLE_VERSION: u32 = 1;

/// Every entity of a corpus and its store under its settled key, and how to rewrite one
/// extraction's keys to them.
#[derive(Debug)]
pub struct Resolution<'a> {
    lex: &'a Lexicon,
    votes: Votes,
    all: BTreeMap<String, Entity>,
    /// Persons by the last word of their label (rule 3).
    by_last: HashMap<String, Vec<String>>,
    /// Organisations "X of Y" by every "X" (rule 4).
    by_of: HashMap<String, Vec<String>>,
    /// Entities by each alias (rule 5).
    by_alias: HashMap<String, Vec<String>>,
}

impl<'a> Resolution<'a> {
    /// The table that [`Resolution::from_table`] reads back.
    pub fn to_table(&self) -> ResolutionTable {
        let mut votes: Vec<VoteRow> = self
            .votes
            .iter()
            .map(|((f, slug), counts)| {
                (
                    *f,
                    slug.clone(),
                    counts.iter().map(|(k, n)| (*k, *n)).collect(),
                )
            })
            .collect();
        votes.sort();
        ResolutionTable {
            version: TABLE_VERSION,
            votes,
            entities: self.all.values().cloned().collect(),
        }
    }

    /// A resolution from its table (see [`Resolution::to_table`]); `None` for a table of
    /// another format version.
    pub fn from_table(lex: &'a Lexicon, table: ResolutionTable) -> Option<Self> {
        if table.version != TABLE_VERSION {
            return None;
        }
        let mut resolution = Resolution {
            lex,
            votes: table
                .votes
                .into_iter()
                .map(|(f, slug, counts)| ((f, slug), counts.into_iter().collect()))
                .collect(),
            all: table
                .entities
                .into_iter()
                .map(|e| (e.key.clone(), e))
                .collect(),
            by_last: HashMap::new(),
            by_of: HashMap::new(),
            by_alias: HashMap::new(),
        };
        resolution.index();
        Some(resolution)
    }
}

impl Resolution<'_> {
    /// The settled entity of a key, after [`Resolution::apply`] rewrote it.
    pub fn entity(&self, key: &str) -> Option<&Entity> {
        self.all.get(key)
    }

    fn winner(&self, kind: EntityType, label: &str) -> EntityType {
        let f = family(kind, label);
        if f == 0 {
            return kind;
        }
        self.votes
            .get(&(f, slug(label)))
            .and_then(|v| {
                v.iter()
                    .max_by_key(|(k, n)| (**n, preference(**k)))
                    .map(|(k, _)| *k)
            })
            .unwrap_or(kind)
    }

    /// Candidates for rules 3 to 5, so that a name is compared with the few entities that could
    /// be it rather than with every entity of the corpus.
    fn index(&mut self) {
        for c in self.all.values() {
            if c.kind == EntityType::Person
                && let Some(last) = c.label.split_whitespace().last()
            {
                self.by_last
                    .entry(last.to_owned())
                    .or_default()
                    .push(c.key.clone());
            }
            if matches!(c.kind, EntityType::Organization | EntityType::Company) {
                for (at, _) in c.label.match_indices(" of ") {
                    self.by_of
                        .entry(c.label[..at].to_owned())
                        .or_default()
                        .push(c.key.clone());
                }
            }
            for a in &c.aliases {
                self.by_alias
                    .entry(a.clone())
                    .or_default()
                    .push(c.key.clone());
            }
        }
    }

    fn target(&self, e: &Entity, countries: &[&str], doc: &str) -> String {
        let kind = self.winner(e.kind, &e.label);
        let own = entity_key(kind, &e.label);
        let words: Vec<&str> = e.label.split_whitespace().collect();
        // Rule 6: a lone generic word ("Court", "Ministry", "Church", "President") names a
        // different thing in each document: its key is local to the document.
        let generic = words.len() == 1
            && kind != EntityType::Country
            && (self.lex.org_suffix(&e.label).is_some() || self.lex.title_word(&e.label));
        if generic {
            let short: String = doc
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(8)
                .collect();
            return format!("{own}-{}", short.to_lowercase());
        }
        let mut candidates: Vec<&String> = Vec::new();
        let none = Vec::new();
        if kind == EntityType::Person
            && let Some(last) = words.last()
        {
            candidates.extend(self.by_last.get(*last).unwrap_or(&none));
        }
        candidates.extend(self.by_of.get(&e.label).unwrap_or(&none));
        candidates.extend(self.by_alias.get(&e.label).unwrap_or(&none));
        candidates.sort();
        candidates.dedup();
        let mut hits = candidates
            .into_iter()
            .filter_map(|k| self.all.get(k))
            .filter(|c| c.kind == kind && c.key != own)
            .filter(|c| {
                let long: Vec<&str> = c.label.split_whitespace().collect();
                let longer_name = kind == EntityType::Person
                    && long.len() > words.len()
                    && (long.ends_with(&words)
                        || (words.len() >= 2
                            && long.first() == words.first()
                            && long.last() == words.last()));
                // "Labour Party" in a document about Norway is the "Labour Party of Norway".
                let of_country = matches!(kind, EntityType::Organization | EntityType::Company)
                    && c.label
                        .strip_prefix(e.label.as_str())
                        .and_then(|rest| rest.strip_prefix(" of "))
                        .is_some_and(|country| {
                            countries.contains(&country.trim_start_matches("the "))
                        });
                longer_name || of_country || c.aliases.iter().any(|a| a == &e.label)
            });
        match (hits.next(), hits.next()) {
            (Some(one), None) => one.key.clone(),
            _ => own,
        }
    }

    /// Rewrites one extraction's keys to the settled entities and merges the names that now
    /// share one.
    pub fn apply(&self, ex: &mut Extraction) {
        let countries: Vec<&str> = ex
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Country)
            .map(|e| e.label.as_str())
            .collect();
        let map: HashMap<String, String> = ex
            .entities
            .iter()
            .map(|e| (e.key.clone(), self.target(e, &countries, &ex.doc.id)))
            .collect();
        let rekey = |k: &mut String| {
            if let Some(new) = map.get(k) {
                k.clone_from(new);
            }
        };
        for m in &mut ex.mentions {
            rekey(&mut m.entity);
        }
        for r in &mut ex.roles {
            rekey(&mut r.person);
            if let Some(o) = &mut r.org {
                rekey(o);
            }
        }
        for r in &mut ex.relations {
            rekey(&mut r.subject);
            rekey(&mut r.object);
        }
        ex.relations.retain(|r| r.subject != r.object);
        for q in &mut ex.quotes {
            if let Some(s) = &mut q.speaker {
                rekey(s);
            }
        }
        // Merge the document's entities that now share a key, under the canonical label.
        let mut merged: BTreeMap<String, Entity> = BTreeMap::new();
        for e in ex.entities.drain(..) {
            let key = map.get(&e.key).cloned().unwrap_or_else(|| e.key.clone());
            let canonical = self.all.get(&key);
            let entry = merged.entry(key.clone()).or_insert_with(|| Entity {
                key: key.clone(),
                kind: canonical.map_or(e.kind, |c| c.kind),
                label: canonical.map_or_else(|| e.label.clone(), |c| c.label.clone()),
                aliases: Vec::new(),
                wikidata: canonical
                    .and_then(|c| c.wikidata.clone())
                    .or(e.wikidata.clone()),
            });
            for name in e.aliases.iter().chain(std::iter::once(&e.label)) {
                if *name != entry.label && !entry.aliases.contains(name) {
                    entry.aliases.push(name.clone());
                }
            }
        }
        for m in &mut ex.mentions {
            if let Some(e) = merged.get(&m.entity) {
                m.kind = e.kind;
            }
        }
        ex.entities = merged.into_values().collect();
        for e in &mut ex.entities {
            e.aliases.sort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Mention};

    fn doc(id: &str, names: &[(EntityType, &str)]) -> Extraction {
        let entities: Vec<Entity> = names
            .iter()
            .map(|(kind, label)| Entity {
                key: entity_key(*kind, label),
                kind: *kind,
                label: label.to_string(),
                aliases: vec![],
                wikidata: None,
            })
            .collect();
        let mentions = entities
            .iter()
            .map(|e| Mention {
                start: 0,
                end: 1,
                text: e.label.clone(),
                kind: e.kind,
                entity: e.key.clone(),
                sentence: 0,
            })
            .collect();
        Extraction {
            doc: Document {
                id: id.into(),
                ..Document::default()
            },
            entities,
            mentions,
            ..Extraction::default()
        }
    }

    #[test]
    fn surnames_join_the_one_full_name_across_documents() {
        let mut docs = vec![
            doc("a", &[(EntityType::Person, "Silva")]),
            doc(
                "b",
                &[
                    (EntityType::Person, "Ana Silva"),
                    (EntityType::Person, "Berg"),
                ],
            ),
        ];
        let known = vec![Entity {
            key: entity_key(EntityType::Person, "Ola Berg"),
            kind: EntityType::Person,
            label: "Ola Berg".into(),
            aliases: vec![],
            wikidata: None,
        }];
        resolve(crate::Pipeline::embedded().lexicon(), &mut docs, &known);
        assert_eq!(docs[0].mentions[0].entity, "Person/ana-silva");
        assert_eq!(docs[0].entities[0].label, "Ana Silva");
        assert_eq!(docs[0].entities[0].aliases, vec!["Silva".to_string()]);
        assert!(
            docs[1]
                .mentions
                .iter()
                .any(|m| m.entity == "Person/ola-berg"),
            "joined the store's entity"
        );
    }

    #[test]
    fn ambiguous_surnames_and_different_types_stay_apart() {
        let mut docs = vec![
            doc(
                "a",
                &[
                    (EntityType::Person, "Silva"),
                    (EntityType::Country, "Norway"),
                ],
            ),
            doc(
                "b",
                &[
                    (EntityType::Person, "Ana Silva"),
                    (EntityType::Person, "Rui Silva"),
                    (EntityType::Company, "Norway Air"),
                ],
            ),
        ];
        resolve(crate::Pipeline::embedded().lexicon(), &mut docs, &[]);
        assert_eq!(docs[0].mentions[0].entity, "Person/silva");
        assert!(
            docs[1]
                .entities
                .iter()
                .any(|e| e.key == "Company/norway-air")
        );
        assert!(docs[0].entities.iter().any(|e| e.key == "Country/norway"));
    }

    #[test]
    fn a_full_name_typed_differently_in_one_place_is_still_one_entity() {
        let mut docs = vec![
            doc("a", &[(EntityType::Person, "Ana Silva")]),
            doc("b", &[(EntityType::Person, "Ana Silva")]),
            doc(
                "c",
                &[
                    (EntityType::Organization, "Ana Silva"),
                    (EntityType::Organization, "Ford"),
                ],
            ),
            doc("d", &[(EntityType::Person, "Ford")]),
        ];
        resolve(crate::Pipeline::embedded().lexicon(), &mut docs, &[]);
        let silva = docs[2].entities.iter().find(|e| e.label == "Ana Silva");
        assert_eq!(silva.map(|e| e.kind), Some(EntityType::Person));
        assert!(
            docs[2]
                .entities
                .iter()
                .any(|e| e.key == "Organization/ford"),
            "one-word names keep their types"
        );
        assert!(docs[3].entities.iter().any(|e| e.key == "Person/ford"));
    }

    #[test]
    fn generic_words_stay_inside_their_document() {
        let mut docs = vec![
            doc("aaaa1111", &[(EntityType::Organization, "Court")]),
            doc("bbbb2222", &[(EntityType::Organization, "Court")]),
        ];
        resolve(crate::Pipeline::embedded().lexicon(), &mut docs, &[]);
        assert_ne!(docs[0].mentions[0].entity, docs[1].mentions[0].entity);
        assert_eq!(docs[0].entities[0].key, "Organization/court-aaaa1111");
    }

    #[test]
    fn short_party_names_join_the_party_of_the_country_in_the_document() {
        let mut docs = vec![
            doc(
                "a",
                &[
                    (EntityType::Organization, "Labour Party"),
                    (EntityType::Country, "Norway"),
                ],
            ),
            doc("b", &[(EntityType::Organization, "Labour Party of Norway")]),
            doc(
                "c",
                &[
                    (EntityType::Organization, "Labour Party"),
                    (EntityType::Country, "Malta"),
                ],
            ),
        ];
        resolve(crate::Pipeline::embedded().lexicon(), &mut docs, &[]);
        assert_eq!(
            docs[0].mentions[0].entity,
            "Organization/labour-party-of-norway"
        );
        assert_eq!(
            docs[2].mentions[0].entity, "Organization/labour-party",
            "another country's party stays apart"
        );
    }

    #[test]
    fn organisation_and_company_of_one_name_merge_by_vote() {
        let mut docs = vec![
            doc("a", &[(EntityType::Organization, "Acme Motors")]),
            doc("b", &[(EntityType::Company, "Acme Motors")]),
            doc("c", &[(EntityType::Company, "Acme Motors")]),
        ];
        resolve(crate::Pipeline::embedded().lexicon(), &mut docs, &[]);
        for d in &docs {
            assert_eq!(d.entities[0].key, "Company/acme-motors");
            assert_eq!(d.mentions[0].kind, EntityType::Company);
        }
    }
}
