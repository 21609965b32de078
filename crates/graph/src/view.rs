//! An in-memory petgraph view of the store: entities as nodes, relations and roles as edges.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use kg_schema::EntityType;
use oxigraph::model::Term;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::error::Result;
use crate::query::Results;
use crate::store::Graph;
use crate::vocab::{self, KG};

/// An entity in the view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityNode {
    /// `Type/slug`.
    pub key: String,
    /// The entity IRI.
    pub iri: String,
    /// The canonical label.
    pub label: String,
    /// The type, when the entities graph records it.
    pub kind: Option<EntityType>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Titles held without a known organisation ("Foreign Minister").
    pub roles: Vec<String>,
}

/// Whether an edge is a relation or a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EdgeKind {
    /// `subject kg:P object`.
    Relation,
    /// `person org:holds post`, drawn as person -> organisation, labelled by the title.
    Role,
}

/// The statements linking two entities the same way, merged into one edge.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RelationEdge {
    /// Relation or role.
    pub kind: EdgeKind,
    /// The predicate's local name (`meets`, `related`), or `holds` for roles.
    pub predicate: String,
    /// What to show: the predicate label, the verb as written for open relations, the title for roles.
    pub label: String,
    /// How many statements say it.
    pub statements: usize,
    /// In how many documents.
    pub documents: usize,
}

/// Entities and the relations between them, built from the store (negated relations left out).
#[derive(Clone, Debug, Default)]
pub struct EntityGraph {
    pub(crate) graph: DiGraph<EntityNode, RelationEdge>,
    pub(crate) by_key: HashMap<String, NodeIndex>,
}

/// One step of a path: an edge walked forwards (`from` is its source) or backwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathStep {
    /// Where the step starts.
    pub from: NodeIndex,
    /// Where it ends.
    pub to: NodeIndex,
    /// The edge used.
    pub edge: EdgeIndex,
    /// Whether the edge points from `from` to `to`.
    pub forward: bool,
}

const RELATIONS: &str = "SELECT ?st ?s ?p ?o ?label ?doc WHERE {
  ?st a kg:Statement ; kg:subject ?s ; kg:predicate ?p ; kg:object ?o ; kg:inDocument ?doc .
  FILTER(?p != org:holds)
  FILTER NOT EXISTS { ?st kg:negated true }
  OPTIONAL { ?st kg:relationLabel ?label }
}";

const ROLES: &str = "SELECT ?st ?person ?title ?org ?doc WHERE {
  ?st a kg:Statement ; kg:subject ?person ; kg:predicate org:holds ; kg:object ?post ;
      kg:inDocument ?doc ; kg:relationLabel ?title .
  OPTIONAL { ?post org:postIn ?org }
}";

#[derive(Default)]
struct EdgeAcc {
    statements: BTreeSet<String>,
    documents: BTreeSet<String>,
}

fn text(row: &[Option<Term>], i: usize) -> Option<String> {
    match row.get(i)?.as_ref()? {
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        Term::Literal(l) => Some(l.value().to_owned()),
        Term::BlankNode(b) => Some(b.as_str().to_owned()),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

fn rows(graph: &Graph, sparql: &str) -> Result<Vec<Vec<Option<Term>>>> {
    Ok(match graph.query(sparql)?.results {
        Results::Solutions { rows, .. } => rows,
        _ => Vec::new(),
    })
}

impl Graph {
    /// Builds the entity view of the whole store.
    pub fn entity_graph(&self) -> Result<EntityGraph> {
        let mut view = EntityGraph::default();
        for e in self.known_entities()? {
            let iri = self.base.entity(&e.key)?.into_string();
            view.add_node(EntityNode {
                key: e.key,
                iri,
                label: e.label,
                kind: Some(e.kind),
                aliases: e.aliases,
                roles: Vec::new(),
            });
        }
        // (source, kind, predicate, label, target) -> statements and documents
        let mut edges: BTreeMap<(String, EdgeKind, String, String, String), EdgeAcc> =
            BTreeMap::new();
        for row in rows(self, RELATIONS)? {
            let (Some(st), Some(s), Some(p), Some(o), Some(doc)) = (
                text(&row, 0),
                text(&row, 1),
                text(&row, 2),
                text(&row, 3),
                text(&row, 5),
            ) else {
                continue;
            };
            let local = p.strip_prefix(KG).unwrap_or(&p).to_owned();
            let label = match (local.as_str(), text(&row, 4)) {
                ("related", Some(verb)) => verb,
                _ => vocab::PREDICATES
                    .iter()
                    .find(|x| x.name == local)
                    .map(|x| x.label.to_owned())
                    .unwrap_or_else(|| local.clone()),
            };
            let acc = edges
                .entry((s, EdgeKind::Relation, local, label, o))
                .or_default();
            acc.statements.insert(st);
            acc.documents.insert(doc);
        }
        for row in rows(self, ROLES)? {
            let (Some(st), Some(person), Some(title), Some(doc)) =
                (text(&row, 0), text(&row, 1), text(&row, 2), text(&row, 4))
            else {
                continue;
            };
            match text(&row, 3) {
                Some(org) => {
                    let acc = edges
                        .entry((person, EdgeKind::Role, "holds".to_owned(), title, org))
                        .or_default();
                    acc.statements.insert(st);
                    acc.documents.insert(doc);
                }
                None => {
                    let ix = self.node_for(&mut view, &person);
                    let roles = &mut view.graph[ix].roles;
                    if !roles.contains(&title) {
                        roles.push(title);
                    }
                }
            }
        }
        for ((s, kind, predicate, label, o), acc) in edges {
            let a = self.node_for(&mut view, &s);
            let b = self.node_for(&mut view, &o);
            view.graph.add_edge(
                a,
                b,
                RelationEdge {
                    kind,
                    predicate,
                    label,
                    statements: acc.statements.len(),
                    documents: acc.documents.len(),
                },
            );
        }
        for node in view.graph.node_weights_mut() {
            node.roles.sort();
        }
        Ok(view)
    }

    /// The node of an entity IRI, added with a label made from its key if the entities graph
    /// does not describe it.
    fn node_for(&self, view: &mut EntityGraph, iri: &str) -> NodeIndex {
        let key = self.base.key_of(iri).unwrap_or_else(|| iri.to_owned());
        if let Some(&ix) = view.by_key.get(&key) {
            return ix;
        }
        let (kind, label) = match key.split_once('/') {
            Some((t, slug)) => (EntityType::parse(t), slug.replace('-', " ")),
            None => (None, key.clone()),
        };
        view.add_node(EntityNode {
            key,
            iri: iri.to_owned(),
            label,
            kind,
            aliases: Vec::new(),
            roles: Vec::new(),
        })
    }
}

impl EntityGraph {
    pub(crate) fn add_node(&mut self, node: EntityNode) -> NodeIndex {
        let key = node.key.clone();
        let ix = self.graph.add_node(node);
        self.by_key.insert(key, ix);
        ix
    }

    /// The petgraph graph, for algorithms this type does not wrap.
    pub fn graph(&self) -> &DiGraph<EntityNode, RelationEdge> {
        &self.graph
    }

    /// The node with this index.
    pub fn node(&self, ix: NodeIndex) -> Option<&EntityNode> {
        self.graph.node_weight(ix)
    }

    /// The edge with this index.
    pub fn edge(&self, ix: EdgeIndex) -> Option<&RelationEdge> {
        self.graph.edge_weight(ix)
    }

    /// The node of an entity key.
    pub fn index_of(&self, key: &str) -> Option<NodeIndex> {
        self.by_key.get(key).copied()
    }

    /// Number of entities.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of (merged) edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Incoming plus outgoing edges.
    pub fn degree(&self, ix: NodeIndex) -> usize {
        self.graph
            .edges_directed(ix, petgraph::Direction::Outgoing)
            .count()
            + self
                .graph
                .edges_directed(ix, petgraph::Direction::Incoming)
                .count()
    }

    /// The subgraph of the given nodes and the edges between them.
    pub fn induced(&self, nodes: &[NodeIndex]) -> EntityGraph {
        let keep: BTreeSet<NodeIndex> = nodes.iter().copied().collect();
        let graph = self.graph.filter_map(
            |ix, n| keep.contains(&ix).then(|| n.clone()),
            |_, e| Some(e.clone()),
        );
        let by_key = graph
            .node_indices()
            .map(|ix| (graph[ix].key.clone(), ix))
            .collect();
        EntityGraph { graph, by_key }
    }

    /// Nodes within `depth` edges of `focus`, edge direction ignored, focus first.
    pub fn neighbours_within(&self, focus: NodeIndex, depth: usize) -> Vec<NodeIndex> {
        if self.graph.node_weight(focus).is_none() {
            return Vec::new();
        }
        let mut order = vec![focus];
        let mut seen = BTreeSet::from([focus]);
        let mut queue = VecDeque::from([(focus, 0)]);
        while let Some((ix, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for n in self.graph.neighbors_undirected(ix) {
                if seen.insert(n) {
                    order.push(n);
                    queue.push_back((n, d + 1));
                }
            }
        }
        order
    }

    /// The neighbourhood of `focus`: entities within `depth` edges and the edges between them.
    pub fn neighbourhood(&self, focus: NodeIndex, depth: usize) -> EntityGraph {
        self.induced(&self.neighbours_within(focus, depth))
    }

    /// A shortest path between two entities, edge direction ignored; `None` when they are not
    /// connected, an empty path when `from == to`. Between two nodes, the edge with the most
    /// statements is used.
    pub fn shortest_path(&self, from: NodeIndex, to: NodeIndex) -> Option<Vec<PathStep>> {
        self.graph.node_weight(from)?;
        self.graph.node_weight(to)?;
        let mut parent: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        let mut queue = VecDeque::from([from]);
        parent.insert(from, from);
        while let Some(ix) = queue.pop_front() {
            if ix == to {
                break;
            }
            for n in self.graph.neighbors_undirected(ix) {
                if let std::collections::hash_map::Entry::Vacant(v) = parent.entry(n) {
                    v.insert(ix);
                    queue.push_back(n);
                }
            }
        }
        parent.get(&to)?;
        let mut nodes = vec![to];
        let mut cur = to;
        while cur != from {
            cur = *parent.get(&cur)?;
            nodes.push(cur);
        }
        nodes.reverse();
        nodes
            .windows(2)
            .map(|w| self.best_edge(w[0], w[1]))
            .collect()
    }

    fn best_edge(&self, a: NodeIndex, b: NodeIndex) -> Option<PathStep> {
        let forward = self
            .graph
            .edges_connecting(a, b)
            .map(|e| (e.id(), true, e.weight().statements));
        let backward = self
            .graph
            .edges_connecting(b, a)
            .map(|e| (e.id(), false, e.weight().statements));
        forward
            .chain(backward)
            .max_by_key(|(_, _, n)| *n)
            .map(|(edge, forward, _)| PathStep {
                from: a,
                to: b,
                edge,
                forward,
            })
    }
}
