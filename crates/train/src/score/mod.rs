//! The scorer: one place for every measurement of the models and the extractor.
//!
//! * [`ner`]: exact-span named entities (per label and micro over PER, ORG and LOC), from the
//!   recognizer alone or from the whole extractor;
//! * [`pos`]: UPOS accuracy;
//! * [`coref`]: B-cubed over named mentions, inside documents and across them;
//! * [`relations`]: (subject, predicate, object) against a hand-written gold set;
//! * [`coverage`]: the share of entities in a relation and of quotes with a speaker (no gold).
//!
//! Each report implements [`Scores`]: a printable table plus its headline figures. Scorers of
//! the whole extractor take a [`Pipeline`], so candidate models (`Pipeline::from_dir`) are
//! scored through the pipeline that would ship them.

pub mod coref;
pub mod coverage;
pub mod ner;
pub mod parse;
pub mod pos;
pub mod relations;

use std::fmt;

use kg_extract::{Document, Extraction, Options, Pipeline};
use rayon::prelude::*;

/// What every report gives: a table for people ([`fmt::Display`]) and named headline figures,
/// each a share in `0..=1`, for scripts and tests.
pub trait Scores: fmt::Display {
    /// The headline figures, e.g. `[("precision", 0.91), ("recall", 0.5), ("f1", 0.645)]`.
    fn headline(&self) -> Vec<(&'static str, f64)>;
}

/// Runs `pipeline` over `docs` on all cores as users run it on evaluation text (cleaning off:
/// gold files keep every line); the extractions come back in document order.
pub fn extract_all(docs: &[Document], pipeline: &Pipeline) -> Vec<Extraction> {
    docs.par_iter()
        .map(|d| pipeline.extract(d, Options { clean: false }))
        .collect()
}

/// `a / b`, 0 when `b` is 0.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Harmonic mean of precision and recall (0 when both are 0).
pub(crate) fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}
