#![doc = include_str!("../README.md")]

mod doc;
mod facts;
pub mod lexicon;
mod names;
pub mod pipeline;
mod tag;
mod text;

pub use facts::values;
pub use names::resolve;
pub use tag::{classes, lemma, ner, parse, perceptron, pos};
pub use text::{clean, html, segment};

/// The extraction schema, defined in [`kg_schema`] (so that kg-graph can read extractions
/// without linking the extractor) and re-exported here at its old paths.
pub use kg_schema as model;

pub use facts::relations::canonical_predicates;
pub use kg_schema::EVENT_PREDICATES;
pub use model::{
    Document, Entity, EntityType, Evidence, Extraction, Mention, Quote, Relation, Role,
    SentenceSpan, Value, ValueKind, entity_key, slug,
};
pub use pipeline::{
    Manifest, ModelKind, Options, ParsedSentence, ParsedToken, Pipeline, PipelineError, extract,
};
