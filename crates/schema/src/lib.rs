#![doc = include_str!("../README.md")]

mod model;
mod predicates;

pub use model::{
    Document, Entity, EntityType, Evidence, Extraction, Mention, Quote, Relation, Role,
    SentenceSpan, Value, ValueKind, entity_key, slug, unaccented,
};
pub use predicates::{EVENT_PREDICATES, Predicate, RELATED, is_event, predicate, predicates};
