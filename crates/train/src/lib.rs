//! Training and scoring for kg's statistical models, apart from the run-time crate
//! (`kg-extract`): corpus readers, the perceptron trainer, the trainers of the POS tagger and
//! the NER models, the scorer, and the recipes of the shipped models.
//!
//! * [`corpus`]: one CoNLL-U reader (UD English EWT, GUM), the UNER IOB2 reader, GUM's entity
//!   brackets turned into NER spans, and loading the splits from a data directory.
//! * [`perceptron`]: the training half of the averaged perceptron (lazy averaging, model means,
//!   pruning); the run-time half (scoring, model files) is `kg_extract::perceptron`.
//! * [`pos`] and [`ner`]: training the tagger and the recognizers (jackknifed POS tags,
//!   ensembles, pruning, the uncased model).
//! * [`score`]: every scorer (NER exact spans, POS accuracy, coreference B-cubed, relations)
//!   and their reports.
//! * [`recipe`]: the settings that made a shipped model, read from a TOML file.
//! * [`lexicons`]: compiling the gazetteers embedded in `kg-extract`.
//!
//! The binary `kg-train` runs all of it; see the README for the commands.

#![deny(missing_docs)]

pub mod classes;
pub mod corpus;
mod error;
pub mod kmeans;
pub mod lemma;
pub mod lexicons;
pub mod models;
pub mod ner;
pub mod parse;
pub mod perceptron;
pub mod pos;
pub mod recipe;
pub mod score;

pub(crate) use error::io;
pub use error::{Error, read_text};
