#![doc = include_str!("../README.md")]

mod build;
mod chunks;
mod error;
mod export;
mod find;
mod folder;
mod graphml;
mod live;
mod load;
mod mapping;
mod names;
mod neo4j;
mod overview;
mod property_graph;
mod query;
mod render;
mod stats;
mod store;
mod table;
mod view;
pub mod vocab;

pub use build::Loader;
pub use chunks::{Chunk, GraphChunks};
pub use error::{Error, Result};
pub use export::{
    ExportReport, RDF_FORMAT_NAMES, rdf_format_from_name, rdf_format_from_path, rdf_format_name,
};
pub use find::Lookup;
/// Entity types, as views and filters name them.
pub use kg_schema::EntityType;
pub use live::LiveGraph;
pub use load::LoadReport;
pub use neo4j::{NEO4J_ENTITY_LABEL, NEO4J_NODE_HEADER, NEO4J_RELATIONSHIP_HEADER};
pub use overview::{FocusSummary, Selection, ViewLimits};
pub use property_graph::GraphExportReport;
pub use query::{QueryOptions, QueryOutcome, ResultFormat, Results};
pub use render::{ImageFormat, RenderOptions, render_image, render_image_with, to_dot};
pub use stats::{Ranked, Stats};
pub use store::{Graph, KnownEntity};
pub use view::{EdgeKind, EntityGraph, EntityNode, PathStep, RelationEdge};
pub use vocab::{BaseIri, DEFAULT_BASE, ONTOLOGY_TTL, PREFIXES, prefix_header};

/// Re-exported so callers can name formats and terms without depending on oxigraph directly.
pub use oxigraph::io::RdfFormat;
pub use oxigraph::model::{NamedNode, Term, Triple, Variable};
/// Node and edge indices of [`EntityGraph`].
pub use petgraph::graph::{EdgeIndex, NodeIndex};
