//! `kg eval`: the whole extractor scored against the user's gold annotations, with kg-train's
//! scorer (the one the shipped models are measured with).

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use anyhow::{Context, Result};
use kg_extract::Pipeline;
use kg_train::score::ner::{EvalSet, evaluate_extractor, read_docs, read_mentions};
use kg_train::score::relations::{read_gold, score};

use crate::Outcome;

fn open(path: &Path) -> Result<BufReader<File>> {
    Ok(BufReader::new(File::open(path).with_context(|| {
        format!("{}: cannot open", path.display())
    })?))
}

fn docs(path: &Path) -> Result<Vec<kg_extract::Document>> {
    read_docs(open(path)?).map_err(|e| anyhow::Error::new(e.in_file(path)))
}

/// Runs the full extractor (cleaning off: gold files hold every line) over `docs` and scores its
/// named mentions against `gold`, exact span, per label and micro over PER, ORG and LOC.
pub fn eval_ner(docs_path: &Path, gold: &Path, pipeline: &Pipeline) -> Result<Outcome> {
    let set = EvalSet {
        docs: docs(docs_path)?,
        gold: read_mentions(open(gold)?).map_err(|e| anyhow::Error::new(e.in_file(gold)))?,
    };
    println!("{}", evaluate_extractor(&set, pipeline));
    Ok(Outcome::Done)
}

/// Runs the full extractor over `docs` and scores its relations and roles against the gold TSV.
pub fn eval_relations(docs_path: &Path, gold: &Path, pipeline: &Pipeline) -> Result<Outcome> {
    let docs = docs(docs_path)?;
    let gold = read_gold(gold)?;
    let extractions: Vec<(String, kg_extract::Extraction)> = docs
        .iter()
        .map(|d| d.id.clone())
        .zip(kg_train::score::extract_all(&docs, pipeline))
        .collect();
    println!("{}", score(&gold, &extractions));
    Ok(Outcome::Done)
}
