//! Streaming builds: documents fed in batches, written with oxigraph's bulk loader into a new
//! generation of the store, which becomes the active one only when everything is written.
//!
//! Memory is bounded by one batch plus one description per distinct entity and role; the
//! documents themselves are not kept. The result is the same as [`Graph::load`] of all the
//! batches at once (tested): document graphs are replaced whole, entity descriptions merged.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use kg_schema::{EntityType, Extraction};
use oxigraph::model::vocab::rdfs;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, Quad, QuadRef, Term};
use oxigraph::store::{BulkLoader, StorageError, Store};

use crate::error::{Error, Result};
use crate::folder::{self, Active};
use crate::load::{LoadReport, label_rank, ontology_quads};
use crate::mapping::{self, EntityDescription};
use crate::store::Graph;
use crate::vocab::{BaseIri, kg, skos};

/// Memory the bulk loader may use for its sorting, per build (megabytes).
const BULK_MEMORY_MB: usize = 32;
/// Entities merged per transaction at the end of a build.
const ENTITIES_PER_TRANSACTION: usize = 2_000;

/// What a build knows of one entity so far.
#[derive(Debug)]
pub(crate) struct EntitySoFar {
    description: EntityDescription,
    /// Type, key and sameAs triples from every document.
    triples: Vec<(NamedNode, Term)>,
    /// Canonical labels from the documents, in order.
    labels: Vec<String>,
    /// Other names from the documents.
    aliases: BTreeSet<String>,
}

impl From<&EntityDescription> for EntitySoFar {
    /// One document's description of an entity.
    fn from(e: &EntityDescription) -> Self {
        EntitySoFar {
            triples: mapping::entity_type_triples(e),
            labels: if e.label.is_empty() {
                Vec::new()
            } else {
                vec![e.label.clone()]
            },
            aliases: e.aliases.iter().cloned().collect(),
            description: e.clone(),
        }
    }
}

/// Takes batches of extractions during [`Graph::build`].
#[must_use]
pub struct Loader<'a> {
    store: &'a Store,
    bulk: Option<BulkLoader<'a>>,
    base: &'a BaseIri,
    report: LoadReport,
    entities: BTreeMap<String, EntitySoFar>,
    roles: BTreeMap<NamedNode, String>,
    documents: HashSet<NamedNode>,
    quads_written: usize,
}

impl std::fmt::Debug for Loader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loader")
            .field("documents", &self.documents.len())
            .field("entities", &self.entities.len())
            .finish_non_exhaustive()
    }
}

impl Loader<'_> {
    /// Adds resolved extractions: each document's graph replaces the one of the same id. A
    /// document given twice in one build is kept once (the first time) with a warning: callers
    /// that want the last one to win pass only that one.
    pub fn add(&mut self, extractions: &[Extraction]) -> Result<()> {
        let mut quads: Vec<Quad> = Vec::new();
        for x in extractions {
            let doc = mapping::map_extraction(x, self.base)?;
            if !self.documents.insert(doc.graph.clone()) {
                self.report.warnings.push(format!(
                    "document {} appears twice in the build; the first one was kept",
                    x.doc.id
                ));
                continue;
            }
            if self
                .store
                .contains_named_graph(&doc.graph)
                .map_err(Error::storage("looking for a document"))?
            {
                self.report.replaced_documents += 1;
                self.store
                    .remove_named_graph(&doc.graph)
                    .map_err(Error::storage("removing a replaced document"))?;
            }
            let r = &mut self.report;
            r.documents += 1;
            r.relations += doc.relations;
            r.roles += doc.role_count;
            r.quotes += doc.quotes;
            r.mentions += doc.mentions;
            r.values += doc.values;
            r.unknown_predicates.extend(doc.unknown_predicates);
            r.warnings.extend(doc.warnings);
            for e in doc.entities {
                self.entity(e);
            }
            for (role, label) in doc.roles {
                self.roles.entry(role).or_insert(label);
            }
            quads.extend(doc.quads);
        }
        self.quads_written += quads.len();
        if let Some(bulk) = self.bulk.as_mut() {
            bulk.load_quads(quads)
                .map_err(Error::storage("loading documents"))?;
        } else {
            self.store
                .extend(quads)
                .map_err(Error::storage("loading documents"))?;
        }
        Ok(())
    }

    fn entity(&mut self, e: EntityDescription) {
        let triples = mapping::entity_type_triples(&e);
        let entry = self
            .entities
            .entry(e.key.clone())
            .or_insert_with(|| EntitySoFar {
                description: e.clone(),
                triples: Vec::new(),
                labels: Vec::new(),
                aliases: BTreeSet::new(),
            });
        for t in triples {
            if !entry.triples.contains(&t) {
                entry.triples.push(t);
            }
        }
        if !e.label.is_empty() && !entry.labels.contains(&e.label) {
            entry.labels.push(e.label);
        }
        entry.aliases.extend(e.aliases);
    }

    /// Writes the ontology and the merged entity descriptions, and ingests the bulk-loaded
    /// documents.
    fn finish(mut self) -> Result<LoadReport> {
        if let Some(bulk) = self.bulk.take() {
            bulk.commit()
                .map_err(Error::storage("committing the documents"))?;
        }
        let ontology = ontology_quads(self.base)?;
        let graph = self.base.ontology_graph();
        self.store
            .remove_named_graph(&graph)
            .map_err(Error::storage("replacing the ontology"))?;
        self.quads_written += ontology.len();
        self.store
            .extend(ontology)
            .map_err(Error::storage("writing the ontology"))?;

        let mut by_type: BTreeMap<EntityType, usize> = BTreeMap::new();
        for e in self.entities.values() {
            *by_type.entry(e.description.kind).or_default() += 1;
        }
        self.report.entities = by_type;
        let graph = self.base.entities_graph();
        let entities: Vec<EntitySoFar> = std::mem::take(&mut self.entities).into_values().collect();
        for chunk in entities.chunks(ENTITIES_PER_TRANSACTION) {
            let mut tx = self
                .store
                .start_transaction()
                .map_err(Error::storage("merging entity descriptions"))?;
            for e in chunk {
                let (new, written) = merge_entity(&mut tx, &graph, e)
                    .map_err(Error::storage("merging entity descriptions"))?;
                self.report.new_entities += new;
                self.quads_written += written;
            }
            tx.commit()
                .map_err(Error::storage("merging entity descriptions"))?;
        }
        let roles: Vec<(NamedNode, String)> = std::mem::take(&mut self.roles).into_iter().collect();
        for chunk in roles.chunks(ENTITIES_PER_TRANSACTION) {
            let mut tx = self
                .store
                .start_transaction()
                .map_err(Error::storage("merging roles"))?;
            for (role, label) in chunk {
                self.quads_written += merge_role(&mut tx, &graph, role, label)
                    .map_err(Error::storage("merging roles"))?;
            }
            tx.commit().map_err(Error::storage("merging roles"))?;
        }
        self.report.quads_written = self.quads_written;
        Ok(self.report)
    }
}

/// Labels of `subject` in `graph`.
fn labels(
    tx: &oxigraph::store::Transaction<'_>,
    graph: &NamedNode,
    subject: &NamedNode,
    predicate: &NamedNode,
) -> Result<Vec<String>, StorageError> {
    tx.quads_for_pattern(
        Some(subject.as_ref().into()),
        Some(predicate.as_ref()),
        None,
        Some(GraphNameRef::from(graph)),
    )
    .filter_map(|q| match q {
        Ok(q) => match q.object {
            Term::Literal(l) => Some(Ok(l.value().to_owned())),
            _ => None,
        },
        Err(e) => Some(Err(e)),
    })
    .collect()
}

/// Merges one entity into the entities graph: types, key and sameAs are a set; one
/// `rdfs:label` (the best by [`label_rank`] of the old and new ones), every other name a
/// `skos:altLabel`. Returns (1 if the entity is new, quads inserted).
pub(crate) fn merge_entity(
    tx: &mut oxigraph::store::Transaction<'_>,
    graph: &NamedNode,
    e: &EntitySoFar,
) -> Result<(usize, usize), StorageError> {
    let iri = &e.description.iri;
    let label_p = rdfs::LABEL.into_owned();
    let alt_p = skos("altLabel");
    let new = usize::from(labels(tx, graph, iri, &kg("key"))?.is_empty());
    let mut written = 0;
    for (p, o) in &e.triples {
        tx.insert(QuadRef::new(iri, p, o, graph));
        written += 1;
    }
    let existing = labels(tx, graph, iri, &label_p)?;
    let mut names: Vec<&String> = existing.iter().chain(&e.labels).collect();
    names.dedup();
    let Some(best) = names
        .iter()
        .max_by(|a, b| label_rank(a).cmp(&label_rank(b)))
        .map(|b| (*b).clone())
    else {
        return Ok((new, written));
    };
    for old in &existing {
        if *old != best {
            tx.remove(QuadRef::new(
                iri,
                &label_p,
                &Term::from(Literal::new_simple_literal(old)),
                graph,
            ));
        }
    }
    tx.insert(QuadRef::new(
        iri,
        &label_p,
        &Term::from(Literal::new_simple_literal(&best)),
        graph,
    ));
    written += 1;
    tx.remove(QuadRef::new(
        iri,
        &alt_p,
        &Term::from(Literal::new_simple_literal(&best)),
        graph,
    ));
    for alias in names.into_iter().chain(&e.aliases) {
        if *alias != best {
            tx.insert(QuadRef::new(
                iri,
                &alt_p,
                &Term::from(Literal::new_simple_literal(alias)),
                graph,
            ));
            written += 1;
        }
    }
    Ok((new, written))
}

/// Adds a role concept, keeping the label it already has. Returns the quads inserted.
pub(crate) fn merge_role(
    tx: &mut oxigraph::store::Transaction<'_>,
    graph: &NamedNode,
    role: &NamedNode,
    label: &str,
) -> Result<usize, StorageError> {
    let labelled = !labels(tx, graph, role, &skos("prefLabel"))?.is_empty();
    let mut written = 0;
    for (p, o) in mapping::role_triples(label) {
        let is_label = p == skos("prefLabel") || p == rdfs::LABEL.into_owned();
        if !(labelled && is_label) {
            tx.insert(QuadRef::new(role, &p, &o, graph));
            written += 1;
        }
    }
    Ok(written)
}

impl Graph {
    /// Builds batches of extractions into the store: `feed` calls [`Loader::add`] as often as
    /// it likes, then the build is committed.
    ///
    /// On disk, the build writes a new generation of the store (starting from a cheap
    /// checkpoint of the active one) and switches to it only once everything is written: if
    /// `feed` or the writing fails, or the process is killed, the store stays as it was. In
    /// memory, the batches are written as they come.
    pub fn build<E>(
        &mut self,
        feed: impl FnOnce(&mut Loader<'_>) -> Result<(), E>,
    ) -> Result<LoadReport, E>
    where
        E: From<Error>,
    {
        let Some(root) = self.path().map(std::path::Path::to_path_buf) else {
            let before = self.len()?;
            let mut loader = self.loader(&self.store, false);
            feed(&mut loader)?;
            let mut report = loader.finish()?;
            report.total_quads = self.len()?;
            report.quads_added = signed(report.total_quads) - signed(before);
            return Ok(report);
        };
        if self.is_read_only() || !self.holds_lock() {
            return Err(Error::ReadOnly { path: root }.into());
        }
        let before = self.len()?;
        let name = folder::next_generation(&self.active);
        let stage_path = root.join(&name);
        if let Some(active) = self.active_name() {
            folder::clean(&root, active, true);
        }
        self.store
            .backup(&stage_path)
            .map_err(Error::storage("making the new generation"))?;
        let staged = (|| -> Result<(Store, LoadReport), E> {
            let stage =
                Store::open(&stage_path).map_err(Error::storage("opening the new generation"))?;
            let mut loader = self.loader(&stage, true);
            feed(&mut loader)?;
            let report = loader.finish()?;
            stage
                .flush()
                .map_err(Error::storage("flushing the new generation"))?;
            Ok((stage, report))
        })();
        let (stage, mut report) = match staged {
            Ok(done) => done,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&stage_path);
                return Err(e);
            }
        };
        folder::switch(&root, &name)?;
        let legacy = self.active == Active::Legacy;
        self.store = stage;
        self.active = Active::Generation(name.clone());
        if legacy {
            folder::clean(&root, &name, true);
        }
        report.total_quads = self.len()?;
        report.quads_added = signed(report.total_quads) - signed(before);
        Ok(report)
    }

    fn loader<'s>(&'s self, store: &'s Store, bulk: bool) -> Loader<'s> {
        Loader {
            store,
            bulk: bulk.then(|| {
                store
                    .bulk_loader()
                    .with_max_memory_size_in_megabytes(BULK_MEMORY_MB)
            }),
            base: &self.base,
            report: LoadReport::default(),
            entities: BTreeMap::new(),
            roles: BTreeMap::new(),
            documents: HashSet::new(),
            quads_written: 0,
        }
    }

    fn active_name(&self) -> Option<&str> {
        match &self.active {
            Active::Generation(name) => Some(name),
            _ => None,
        }
    }
}

fn signed(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
