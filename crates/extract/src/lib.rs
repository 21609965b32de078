#![doc = include_str!("../README.md")]

mod analysis;
mod charmap;
pub mod classes;
pub mod clean;
mod conllu;
mod coref;
pub mod coref_eval;
mod doc;
pub mod html;
mod ids;
pub mod lexicon;
mod mentions;
pub mod model;
mod names;
pub mod ner;
pub mod perceptron;
pub mod pipeline;
pub mod pos;
mod quotes;
pub mod relation_eval;
mod relations;
pub mod resolve;
mod roles;
pub mod segment;
pub mod values;

pub use model::{
    Document, Entity, EntityType, Evidence, Extraction, Mention, Quote, Relation, Role,
    SentenceSpan, Value, ValueKind, entity_key, slug,
};
pub use pipeline::{Manifest, ModelKind, Options, Pipeline, PipelineError, extract};
pub use relations::{EVENT_PREDICATES, canonical_predicates};
