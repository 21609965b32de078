//! The store's named graphs as N-Triples text in chunks of bounded size, for sending to another
//! RDF store one graph at a time (`kg push`).
//!
//! A chunk ends at a triple boundary once it holds `max_bytes` (one triple longer than that makes
//! a chunk of its own). A graph with blank nodes is never split: a blank node label means the
//! same node only inside one request, so its triples all go in one chunk.

use std::io::Write;

use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::QuadIter;

use crate::error::{Error, Result};
use crate::store::Graph;

/// Part of one named graph as N-Triples.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// N-Triples text (UTF-8), one triple a line.
    pub ntriples: Vec<u8>,
    /// The number of triples in it.
    pub triples: usize,
    /// Whether this is the graph's first chunk (the one that replaces the graph).
    pub first: bool,
}

/// The chunks of one named graph, in the store's order (the same for the same content).
pub struct GraphChunks {
    quads: QuadIter<'static>,
    max_bytes: usize,
    has_blank_node: bool,
    started: bool,
    done: bool,
}

impl std::fmt::Debug for GraphChunks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphChunks")
            .field("max_bytes", &self.max_bytes)
            .field("started", &self.started)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl Iterator for GraphChunks {
    type Item = Result<Chunk>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut chunk = Chunk {
            ntriples: Vec::new(),
            triples: 0,
            first: !self.started,
        };
        self.started = true;
        while self.has_blank_node || chunk.ntriples.len() < self.max_bytes {
            let Some(quad) = self.quads.next() else {
                self.done = true;
                break;
            };
            let quad = match quad {
                Ok(quad) => quad,
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::storage("reading a graph")(e)));
                }
            };
            self.has_blank_node |= matches!(quad.subject, NamedOrBlankNode::BlankNode(_))
                || matches!(quad.object, Term::BlankNode(_));
            // Display of oxigraph terms is N-Triples syntax.
            if let Err(e) = writeln!(
                chunk.ntriples,
                "{} {} {} .",
                quad.subject, quad.predicate, quad.object
            ) {
                self.done = true;
                return Some(Err(Error::write("a chunk")(e)));
            }
            chunk.triples += 1;
        }
        // An empty graph still sends one (empty) chunk, so that it is replaced; no more after.
        if chunk.triples == 0 && !chunk.first {
            return None;
        }
        Some(Ok(chunk))
    }
}

impl Graph {
    /// Every named graph of the store: the entities and ontology graphs first, then the others
    /// (documents) sorted.
    pub fn named_graphs(&self) -> Result<Vec<NamedNode>> {
        let shared = [self.base.entities_graph(), self.base.ontology_graph()];
        let mut rest = Vec::new();
        for name in self.store.named_graphs() {
            let name = name.map_err(Error::storage("listing graphs"))?;
            if let NamedOrBlankNode::NamedNode(n) = name
                && !shared.contains(&n)
            {
                rest.push(n);
            }
        }
        rest.sort();
        let mut all = Vec::with_capacity(rest.len() + 2);
        for name in shared {
            let present = self
                .store
                .contains_named_graph(&name)
                .map_err(Error::storage("listing graphs"))?;
            if present {
                all.push(name);
            }
        }
        all.extend(rest);
        Ok(all)
    }

    /// The number of triples in the default graph (which `kg build` leaves empty).
    pub fn default_graph_len(&self) -> Result<usize> {
        let mut count = 0;
        for quad in self
            .store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
        {
            quad.map_err(Error::storage("counting the default graph"))?;
            count += 1;
        }
        Ok(count)
    }

    /// The triples of the named graph `name` as N-Triples chunks of about `max_bytes` each
    /// (at least one chunk, empty when the graph is).
    pub fn graph_chunks(&self, name: NamedNodeRef<'_>, max_bytes: usize) -> GraphChunks {
        GraphChunks {
            quads: self
                .store
                .quads_for_pattern(None, None, None, Some(name.into())),
            max_bytes: max_bytes.max(1),
            has_blank_node: false,
            started: false,
            done: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::model::{BlankNode, Literal, Quad};

    use super::*;

    fn graph_with(name: &NamedNode, blank: bool, count: usize) -> Graph {
        let graph = Graph::in_memory().expect("store");
        for i in 0..count {
            let subject: NamedOrBlankNode = if blank {
                BlankNode::new(format!("b{i}")).expect("bnode").into()
            } else {
                NamedNode::new(format!("http://example.org/s{i}"))
                    .expect("iri")
                    .into()
            };
            let quad = Quad::new(
                subject,
                NamedNode::new("http://example.org/p").expect("iri"),
                Literal::new_simple_literal(format!("line \"{i}\"\nnext")),
                name.clone(),
            );
            graph.store().insert(&quad).expect("insert");
        }
        graph
    }

    fn chunks(graph: &Graph, name: &NamedNode, max_bytes: usize) -> Vec<Chunk> {
        graph
            .graph_chunks(name.as_ref(), max_bytes)
            .collect::<Result<_>>()
            .expect("chunks")
    }

    #[test]
    fn chunks_are_bounded_and_cover_the_graph() {
        let name = NamedNode::new("http://example.org/g").expect("iri");
        let graph = graph_with(&name, false, 100);
        let parts = chunks(&graph, &name, 500);
        assert!(parts.len() > 5, "{} chunks", parts.len());
        assert!(parts[0].first && parts[1..].iter().all(|c| !c.first));
        assert_eq!(parts.iter().map(|c| c.triples).sum::<usize>(), 100);
        let longest = parts.iter().map(|c| c.ntriples.len()).max().unwrap_or(0);
        assert!(longest < 600, "a chunk of {longest} bytes");
        let all: Vec<u8> = parts.iter().flat_map(|c| c.ntriples.clone()).collect();
        let text = String::from_utf8(all).expect("utf-8");
        assert!(text.contains(r#""line \"0\"\nnext" ."#), "{text}");
        assert_eq!(
            chunks(&graph, &name, 500),
            parts,
            "the same order every time"
        );
    }

    #[test]
    fn a_graph_with_blank_nodes_is_one_chunk() {
        let name = NamedNode::new("http://example.org/g").expect("iri");
        let graph = graph_with(&name, true, 100);
        let parts = chunks(&graph, &name, 500);
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].triples, 100);
    }

    #[test]
    fn an_empty_graph_is_one_empty_chunk() {
        let graph = Graph::in_memory().expect("store");
        let name = NamedNode::new("http://example.org/none").expect("iri");
        let parts = chunks(&graph, &name, 500);
        assert_eq!(parts.len(), 1);
        assert!(parts[0].first && parts[0].triples == 0);
    }

    #[test]
    fn shared_graphs_come_first() {
        let graph = Graph::in_memory().expect("store");
        let entities = graph.base().entities_graph();
        let doc = graph.base().document("abc").expect("iri");
        for g in [&doc, &entities] {
            let quad = Quad::new(
                NamedNode::new("http://example.org/s").expect("iri"),
                NamedNode::new("http://example.org/p").expect("iri"),
                Literal::new_simple_literal("o"),
                g.clone(),
            );
            graph.store().insert(&quad).expect("insert");
        }
        assert_eq!(graph.named_graphs().expect("graphs"), vec![entities, doc]);
        assert_eq!(graph.default_graph_len().expect("count"), 0);
    }
}
