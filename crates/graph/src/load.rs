//! Loading extractions: one transaction per batch, one named graph per document.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kg_schema::{EntityType, Extraction};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Quad};
use oxigraph::store::{StorageError, Transaction};
use serde::Serialize;

use crate::build::{self, EntitySoFar};
use crate::error::{Error, Result};
use crate::mapping::{self, DocumentQuads};
use crate::store::Graph;
use crate::vocab::{BaseIri, ONTOLOGY_TTL};

/// What a [`Graph::load`] did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LoadReport {
    /// Documents loaded (each replaces its earlier version, if any).
    pub documents: usize,
    /// Of those, documents that were already in the store and got replaced.
    pub replaced_documents: usize,
    /// Distinct entities in the batch, by type.
    pub entities: BTreeMap<EntityType, usize>,
    /// Entities that were not in the store before.
    pub new_entities: usize,
    /// Relation statements written.
    pub relations: usize,
    /// Role statements written.
    pub roles: usize,
    /// Quotes written.
    pub quotes: usize,
    /// Mentions written.
    pub mentions: usize,
    /// Values written.
    pub values: usize,
    /// Quads inserted by this batch (including ones that were already there).
    pub quads_written: usize,
    /// Net change of the store size (0 when re-loading the same documents).
    pub quads_added: i64,
    /// Quads in the store after the load.
    pub total_quads: usize,
    /// Relation predicates the ontology does not know; loaded as `kg:related`.
    pub unknown_predicates: BTreeSet<String>,
    /// Dangling references and other oddities in the input (nothing was dropped silently).
    pub warnings: Vec<String>,
}

impl LoadReport {
    /// Total distinct entities in the batch.
    pub fn entity_count(&self) -> usize {
        self.entities.values().sum()
    }
}

impl Graph {
    /// Loads extractions in one atomic transaction.
    ///
    /// Each document's facts go to its own named graph, which is cleared first: re-loading a
    /// document replaces exactly its triples, and re-loading the same batch leaves the store as
    /// it was. Entity descriptions are merged into the entities graph (labels and aliases
    /// accumulate; the longest label wins and the others become `skos:altLabel`s). The ontology
    /// graph is rewritten. If anything fails, nothing is changed.
    pub fn load(&self, extractions: &[Extraction]) -> Result<LoadReport> {
        let mut report = LoadReport::default();
        let mut docs: Vec<DocumentQuads> = Vec::with_capacity(extractions.len());
        let mut seen: HashMap<NamedNode, usize> = HashMap::new();
        for x in extractions {
            let doc = mapping::map_extraction(x, &self.base)?;
            if let Some(&i) = seen.get(&doc.graph) {
                report.warnings.push(format!(
                    "document {} appears twice in the batch; the last one wins",
                    x.doc.id
                ));
                docs[i] = doc;
            } else {
                seen.insert(doc.graph.clone(), docs.len());
                docs.push(doc);
            }
        }
        let ontology = ontology_quads(&self.base)?;

        let mut tx = self
            .store
            .start_transaction()
            .map_err(Error::storage("starting a transaction"))?;
        let before = tx.len().map_err(Error::storage("counting quads"))?;
        write_batch(&mut tx, &self.base, &ontology, &docs, &mut report)
            .map_err(Error::storage("loading documents"))?;
        tx.commit().map_err(Error::storage("committing the load"))?;

        report.total_quads = self.len()?;
        report.quads_added = i64::try_from(report.total_quads).unwrap_or(i64::MAX)
            - i64::try_from(before).unwrap_or(i64::MAX);
        Ok(report)
    }
}

fn write_batch(
    tx: &mut Transaction<'_>,
    base: &BaseIri,
    ontology: &[Quad],
    docs: &[DocumentQuads],
    report: &mut LoadReport,
) -> Result<(), StorageError> {
    let ontology_graph = base.ontology_graph();
    tx.clear_graph(&ontology_graph)?;
    tx.insert_named_graph(&ontology_graph);
    for q in ontology {
        tx.insert(q);
    }
    report.quads_written += ontology.len();

    let mut entities: BTreeMap<&str, EntityType> = BTreeMap::new();
    for doc in docs {
        if tx.contains_named_graph(&doc.graph)? {
            report.replaced_documents += 1;
        }
        tx.clear_graph(&doc.graph)?;
        tx.insert_named_graph(&doc.graph);
        for q in &doc.quads {
            tx.insert(q);
        }
        report.documents += 1;
        report.quads_written += doc.quads.len();
        report.relations += doc.relations;
        report.roles += doc.role_count;
        report.quotes += doc.quotes;
        report.mentions += doc.mentions;
        report.values += doc.values;
        report
            .unknown_predicates
            .extend(doc.unknown_predicates.iter().cloned());
        report.warnings.extend(doc.warnings.iter().cloned());
        for e in &doc.entities {
            entities.insert(&e.key, e.kind);
        }
    }
    for kind in entities.values() {
        *report.entities.entry(*kind).or_default() += 1;
    }

    let graph = base.entities_graph();
    tx.insert_named_graph(&graph);
    for doc in docs {
        for e in &doc.entities {
            let (new, written) = build::merge_entity(tx, &graph, &EntitySoFar::from(e))?;
            report.new_entities += new;
            report.quads_written += written;
        }
        for (role, label) in &doc.roles {
            report.quads_written += build::merge_role(tx, &graph, role, label)?;
        }
    }
    Ok(())
}

/// Longer names win; on a tie, the one with more non-ASCII letters (diacritics kept); then the
/// alphabetically first, so the outcome does not depend on load order.
pub(crate) fn label_rank(s: &str) -> (usize, usize, std::cmp::Reverse<&str>) {
    (
        s.chars().count(),
        s.chars().filter(|c| !c.is_ascii()).count(),
        std::cmp::Reverse(s),
    )
}

/// The ontology, as quads of the ontology graph.
pub(crate) fn ontology_quads(base: &BaseIri) -> Result<Vec<Quad>> {
    RdfParser::from_format(RdfFormat::Turtle)
        .with_default_graph(base.ontology_graph())
        .for_slice(ONTOLOGY_TTL)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::Ontology(e.to_string()))
}
