#![doc = include_str!("../README.md")]

mod analysis;
mod charmap;
pub mod clean;
mod coref;
mod doc;
pub mod html;
mod ids;
pub mod lexicon;
mod mentions;
mod names;
pub mod ner;
pub mod perceptron;
pub mod pipeline;
pub mod pos;
mod quotes;
mod relations;
pub mod resolve;
mod roles;
pub mod segment;
pub mod values;

/// The extraction schema, defined in [`kg_schema`] (so that kg-graph can read extractions
/// without linking the extractor) and re-exported here at its old paths.
pub use kg_schema as model;

pub use kg_schema::EVENT_PREDICATES;
pub use model::{
    Document, Entity, EntityType, Evidence, Extraction, Mention, Quote, Relation, Role,
    SentenceSpan, Value, ValueKind, entity_key, slug,
};
pub use pipeline::{Manifest, ModelKind, Options, Pipeline, PipelineError, extract};
pub use relations::canonical_predicates;
