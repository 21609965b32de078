//! The entity graph with the attributes graph tools show, gathered once and written as GraphML
//! ([`Graph::export_graphml`]) or as Neo4j import CSV ([`Graph::export_neo4j`]).
//!
//! Nodes and edges are those of [`Graph::entity_graph`]. Its edges carry counts only, so the best
//! confidence and the documents of each edge are read here, grouped the way the view merges
//! statements: canonical relations by subject, predicate and object whatever their wording; open
//! relations and roles by their wording too.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kg_schema::EntityType;
use oxigraph::model::Term;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::error::Result;
use crate::query::Results;
use crate::store::Graph;
use crate::view::EdgeKind;
use crate::vocab::{self, KG};

/// What a GraphML or Neo4j export wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct GraphExportReport {
    /// Entities (nodes).
    pub entities: usize,
    /// Merged relations and roles (edges).
    pub relations: usize,
}

/// An entity with its attributes.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct EntityRecord {
    /// The entity key (`Type/slug`), unique: the node id.
    pub id: String,
    pub iri: String,
    pub label: String,
    pub kind: Option<EntityType>,
    pub aliases: Vec<String>,
    /// Titles held without a known organisation.
    pub roles: Vec<String>,
    pub wikidata: Option<String>,
    /// Mentions in all documents.
    pub mentions: usize,
    /// Edges in and out.
    pub degree: usize,
}

/// A merged relation or role between two entities, with its attributes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RelationRecord {
    /// Subject entity id.
    pub source: String,
    /// Object entity id (the organisation, for roles).
    pub target: String,
    pub kind: EdgeKind,
    /// The predicate's local name (`meets`, `related`, `holds`).
    pub predicate: String,
    /// The predicate label, the verb of an open relation, or the title of a role.
    pub label: String,
    /// Statements saying it.
    pub statements: usize,
    /// The highest confidence among those statements.
    pub confidence: Option<f64>,
    /// Ids of the documents saying it, sorted.
    pub documents: Vec<String>,
}

/// `relation` or `role`, as the exports write an edge's kind.
pub(crate) fn kind_name(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Relation => "relation",
        EdgeKind::Role => "role",
    }
}

/// Entities and relations ready to be written.
#[derive(Clone, Debug, Default)]
pub(crate) struct PropertyGraph {
    pub entities: Vec<EntityRecord>,
    pub relations: Vec<RelationRecord>,
}

impl PropertyGraph {
    pub(crate) fn report(&self) -> GraphExportReport {
        GraphExportReport {
            entities: self.entities.len(),
            relations: self.relations.len(),
        }
    }
}

const MENTIONS: &str = "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m itsrdf:taIdentRef ?e } GROUP BY ?e";

const EVIDENCE: &str = "SELECT ?s ?p ?o ?org ?label ?confidence ?doc WHERE {
  ?st a kg:Statement ; kg:subject ?s ; kg:predicate ?p ; kg:object ?o ; kg:inDocument ?doc .
  FILTER NOT EXISTS { ?st kg:negated true }
  OPTIONAL { ?st kg:relationLabel ?label }
  OPTIONAL { ?st kg:confidence ?confidence }
  OPTIONAL { ?o org:postIn ?org }
}";

/// (subject IRI, predicate local name, object IRI, wording for open relations and roles).
type EdgeKey = (String, String, String, Option<String>);

#[derive(Default)]
struct Evidence {
    confidence: Option<f64>,
    documents: BTreeSet<String>,
}

fn value(row: &[Option<Term>], i: usize) -> Option<&str> {
    match row.get(i)?.as_ref()? {
        Term::NamedNode(n) => Some(n.as_str()),
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

fn solutions(graph: &Graph, sparql: &str) -> Result<Vec<Vec<Option<Term>>>> {
    Ok(match graph.query(sparql)?.results {
        Results::Solutions { rows, .. } => rows,
        _ => Vec::new(),
    })
}

/// Whether the view tells edges with this predicate apart by their wording.
fn worded(predicate: &str) -> bool {
    predicate == "related" || predicate == "holds"
}

impl Graph {
    /// The entity graph with every attribute the GraphML and Neo4j exports write.
    pub(crate) fn property_graph(&self) -> Result<PropertyGraph> {
        let view = self.entity_graph()?;
        let wikidata: HashMap<String, String> = self
            .known_entities()?
            .into_iter()
            .filter_map(|e| Some((e.key, e.wikidata?)))
            .collect();
        let mut mentions: HashMap<String, usize> = HashMap::new();
        for row in solutions(self, MENTIONS)? {
            if let (Some(e), Some(n)) = (value(&row, 0), value(&row, 1)) {
                mentions.insert(e.to_owned(), n.parse().unwrap_or(0));
            }
        }
        let evidence = self.edge_evidence()?;

        let g = view.graph();
        let entities = g
            .node_indices()
            .map(|ix| {
                let n = &g[ix];
                EntityRecord {
                    id: n.key.clone(),
                    iri: n.iri.clone(),
                    label: n.label.clone(),
                    kind: n.kind,
                    aliases: n.aliases.clone(),
                    roles: n.roles.clone(),
                    wikidata: wikidata.get(&n.key).cloned(),
                    mentions: mentions.get(&n.iri).copied().unwrap_or(0),
                    degree: view.degree(ix),
                }
            })
            .collect();
        let relations = g
            .edge_references()
            .map(|e| {
                let (s, o, w) = (&g[e.source()], &g[e.target()], e.weight());
                let key: EdgeKey = (
                    s.iri.clone(),
                    w.predicate.clone(),
                    o.iri.clone(),
                    worded(&w.predicate).then(|| w.label.clone()),
                );
                let found = evidence.get(&key);
                RelationRecord {
                    source: s.key.clone(),
                    target: o.key.clone(),
                    kind: w.kind,
                    predicate: w.predicate.clone(),
                    label: w.label.clone(),
                    statements: w.statements,
                    confidence: found.and_then(|f| f.confidence),
                    documents: found
                        .map(|f| f.documents.iter().cloned().collect())
                        .unwrap_or_default(),
                }
            })
            .collect();
        Ok(PropertyGraph {
            entities,
            relations,
        })
    }

    /// The best confidence and the documents of every statement, grouped as the view's edges.
    fn edge_evidence(&self) -> Result<BTreeMap<EdgeKey, Evidence>> {
        let holds = vocab::org("holds");
        let documents = format!("{}doc/", self.base);
        let mut out: BTreeMap<EdgeKey, Evidence> = BTreeMap::new();
        for row in solutions(self, EVIDENCE)? {
            let (Some(s), Some(p), Some(o), Some(doc)) = (
                value(&row, 0),
                value(&row, 1),
                value(&row, 2),
                value(&row, 6),
            ) else {
                continue;
            };
            let (predicate, object) = if p == holds.as_str() {
                match value(&row, 3) {
                    Some(org) => ("holds", org),
                    None => continue,
                }
            } else {
                (p.strip_prefix(KG).unwrap_or(p), o)
            };
            // As the view labels edges: the wording, else the predicate's label.
            let wording = worded(predicate).then(|| {
                value(&row, 4)
                    .or_else(|| vocab::predicate(predicate).map(|p| p.label))
                    .unwrap_or(predicate)
                    .to_owned()
            });
            let acc = out
                .entry((
                    s.to_owned(),
                    predicate.to_owned(),
                    object.to_owned(),
                    wording,
                ))
                .or_default();
            if let Some(c) = value(&row, 5).and_then(|c| c.parse::<f64>().ok()) {
                acc.confidence = Some(acc.confidence.map_or(c, |best| best.max(c)));
            }
            let id = doc
                .strip_prefix(&documents)
                .map_or_else(|| doc.to_owned(), vocab::decode);
            acc.documents.insert(id);
        }
        Ok(out)
    }
}
