//! The [`Graph`] store wrapper: opening, and reading entities back.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kg_schema::EntityType;
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{GraphNameRef, NamedNode, Term};
use oxigraph::store::{StorageError, Store};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::folder::{self, Active};
use crate::vocab::{self, BaseIri, kg, owl, skos};

/// An RDF store of kg extractions: oxigraph with RocksDB on disk, or in memory.
///
/// Layout: one named graph per document (`{base}doc/{id}`), a shared entities graph
/// (`{base}graph/entities`) and the ontology graph (`{base}graph/ontology`). Nothing is written
/// to the store's default graph; SPARQL queries through [`Graph::query`] see the union of all
/// named graphs as their default graph.
///
/// On disk, the store folder holds generations of the database and the name of the active one
/// (see the `folder` module): a build writes a new generation and switches to it at the end, so
/// a build that fails or is killed leaves the store as it was.
#[derive(Clone)]
pub struct Graph {
    pub(crate) store: Store,
    pub(crate) base: BaseIri,
    path: Option<PathBuf>,
    read_only: bool,
    /// The active generation (writers and readers of on-disk stores).
    pub(crate) active: Active,
    /// The writer's lock, held as long as any clone of a read-write handle lives.
    lock: Option<Arc<File>>,
}

impl std::fmt::Debug for Graph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Graph")
            .field("base", &self.base.as_str())
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

/// An entity already in the store, as [`Graph::known_entities`] returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KnownEntity {
    /// `Type/slug`.
    pub key: String,
    /// The entity type.
    pub kind: EntityType,
    /// The canonical label.
    pub label: String,
    /// Other names, sorted.
    pub aliases: Vec<String>,
    /// The Wikidata item id (`Q30`), when known.
    pub wikidata: Option<String>,
}

impl Graph {
    /// Opens (or creates) a read-write store in `dir`, RocksDB on disk.
    ///
    /// Only one process may hold a store open for writing: when another does, this returns
    /// [`Error::Locked`]. The base IRI is the default one; see [`Graph::with_base`].
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        let path = dir.as_ref().to_path_buf();
        let lock = folder::lock(&path)?;
        let mut active = folder::active(&path)?;
        if let Active::Generation(name) = &active {
            folder::clean(&path, name, true);
        }
        let store = match active.path(&path) {
            Some(db) => Store::open(&db).map_err(|e| open_error(&path, e))?,
            None => {
                let name = folder::next_generation(&active);
                folder::clean(&path, &name, false);
                let store = Store::open(path.join(&name)).map_err(|e| open_error(&path, e))?;
                folder::switch(&path, &name)?;
                active = Active::Generation(name);
                store
            }
        };
        Ok(Graph {
            store,
            base: BaseIri::default(),
            path: Some(path),
            read_only: false,
            active,
            lock: Some(Arc::new(lock)),
        })
    }

    /// Opens an existing store for reading only (query, export, render).
    ///
    /// Several readers may open the same store. RocksDB does not guard a read-only handle
    /// against a concurrent writer: do not load while another process reads.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Self> {
        let path = dir.as_ref().to_path_buf();
        let active = folder::active(&path)?;
        let Some(db) = active.path(&path) else {
            return Err(Error::NoStore { path });
        };
        let store = Store::open_read_only(&db).map_err(|e| open_error(&path, e))?;
        Ok(Graph {
            store,
            base: BaseIri::default(),
            path: Some(path),
            read_only: true,
            active,
            lock: None,
        })
    }

    /// A fresh store in memory (tests, one-shot pipelines).
    pub fn in_memory() -> Result<Self> {
        let store = Store::new().map_err(Error::storage("creating an in-memory store"))?;
        Ok(Graph {
            store,
            base: BaseIri::default(),
            path: None,
            read_only: false,
            active: Active::None,
            lock: None,
        })
    }

    /// Uses another base IRI for the data this handle writes and resolves.
    pub fn with_base(mut self, base: BaseIri) -> Self {
        self.base = base;
        self
    }

    /// The base IRI of the data.
    pub fn base(&self) -> &BaseIri {
        &self.base
    }

    /// The folder of the database files now in use (the active generation), for on-disk stores.
    pub fn database_path(&self) -> Option<PathBuf> {
        self.path.as_deref().and_then(|p| self.active.path(p))
    }

    /// Whether this handle holds the store's write lock.
    pub(crate) fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// The store directory, for on-disk stores.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether this handle was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The underlying oxigraph store, for anything this crate does not wrap.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The number of quads in the store.
    pub fn len(&self) -> Result<usize> {
        self.store.len().map_err(Error::storage("counting quads"))
    }

    /// Whether the store holds no quads.
    pub fn is_empty(&self) -> Result<bool> {
        self.store
            .is_empty()
            .map_err(Error::storage("counting quads"))
    }

    /// The documents in the store (their graph IRIs), sorted.
    pub fn documents(&self) -> Result<Vec<NamedNode>> {
        let mut docs = Vec::new();
        let prefix = format!("{}doc/", self.base);
        for name in self.store.named_graphs() {
            let name = name.map_err(Error::storage("listing graphs"))?;
            if let oxigraph::model::NamedOrBlankNode::NamedNode(n) = name
                && n.as_str().starts_with(&prefix)
            {
                docs.push(n);
            }
        }
        docs.sort();
        Ok(docs)
    }

    /// Every entity described in the entities graph, sorted by key, so that new documents can
    /// be resolved against what the store already knows.
    pub fn known_entities(&self) -> Result<Vec<KnownEntity>> {
        #[derive(Default)]
        struct Partial {
            key: Option<String>,
            kind: Option<EntityType>,
            label: Option<String>,
            aliases: Vec<String>,
            wikidata: Option<String>,
        }
        let graph = self.base.entities_graph();
        let mut by_iri: BTreeMap<String, Partial> = BTreeMap::new();
        let quads =
            self.store
                .quads_for_pattern(None, None, None, Some(GraphNameRef::from(&graph)));
        for quad in quads {
            let quad = quad.map_err(Error::storage("reading entities"))?;
            let oxigraph::model::NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                continue;
            };
            let p = quad.predicate.as_str();
            let entry = by_iri.entry(subject.as_str().to_owned()).or_default();
            match &quad.object {
                Term::Literal(l) if p == kg("key").as_str() => {
                    entry.key = Some(l.value().to_owned())
                }
                Term::Literal(l) if p == rdfs::LABEL.as_str() => {
                    entry.label = Some(l.value().to_owned())
                }
                Term::Literal(l) if p == skos("altLabel").as_str() => {
                    entry.aliases.push(l.value().to_owned())
                }
                Term::NamedNode(o) if p == rdf::TYPE.as_str() => {
                    if let Some(t) = vocab::type_of_class(o.as_str()) {
                        entry.kind = Some(t);
                    }
                }
                Term::NamedNode(o) if p == owl("sameAs").as_str() => {
                    if let Some(q) = o.as_str().strip_prefix(vocab::WD) {
                        entry.wikidata = Some(q.to_owned());
                    }
                }
                _ => {}
            }
        }
        let mut out: Vec<KnownEntity> = by_iri
            .into_values()
            .filter_map(|mut p| {
                p.aliases.sort();
                let key = p.key?;
                Some(KnownEntity {
                    label: p.label.unwrap_or_else(|| key.clone()),
                    kind: p.kind?,
                    key,
                    aliases: p.aliases,
                    wikidata: p.wikidata,
                })
            })
            .collect();
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }

    /// Flushes RocksDB buffers to disk (a no-op in memory).
    pub fn flush(&self) -> Result<()> {
        if self.path.is_some() && !self.read_only {
            self.store
                .flush()
                .map_err(Error::storage("flushing the store"))?;
        }
        Ok(())
    }
}

/// Maps a failure to open a store; a lock held elsewhere becomes [`Error::Locked`].
fn open_error(path: &Path, source: StorageError) -> Error {
    let message = source.to_string();
    let lower = message.to_ascii_lowercase();
    let locked = lower.contains("lock file")
        || lower.contains("lock hold")
        || (lower.contains("/lock") && lower.contains("resource temporarily unavailable"));
    if locked {
        Error::Locked {
            path: path.to_path_buf(),
        }
    } else {
        Error::Open {
            path: path.to_path_buf(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::QueryOptions;
    use std::time::Duration;

    #[test]
    fn a_query_with_a_timeout_holds_no_handle_on_the_store_once_answered() {
        let dir = tempfile::TempDir::new().expect("temp dir");
        let graph = Graph::open(dir.path().join("store")).expect("opens");
        let options = QueryOptions::new().with_timeout(Duration::from_secs(30));
        // The race lasts from the answer's sending to the end of the thread: without the wait
        // it shows in about one of these many runs.
        for _ in 0..3000 {
            graph
                .query_with("SELECT * WHERE { ?s ?p ?o } LIMIT 1", &options)
                .expect("answers");
            // The query's thread has ended and dropped its clone: only this handle is left, so
            // the store closes with it, never on another thread while the process exits.
            let holders = graph.lock.as_ref().map(Arc::strong_count);
            assert_eq!(holders, Some(1));
        }
    }
}
