//! `kg eval ner`: the whole extractor scored against gold mentions.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use anyhow::{Context, Result};
use kg_extract::ner::eval::{GoldMention, extraction_mentions, read_docs, read_mentions, score};
use kg_extract::{Options, Pipeline};
use rayon::prelude::*;

use crate::Outcome;

fn open(path: &Path) -> Result<BufReader<File>> {
    Ok(BufReader::new(File::open(path).with_context(|| {
        format!("{}: cannot open", path.display())
    })?))
}

/// Runs the full extractor (cleaning off: gold files hold every line) over `docs` and scores its
/// named mentions against `gold`, exact span, per label and micro over PER, ORG and LOC.
pub fn eval_ner(docs: &Path, gold: &Path, pipeline: &Pipeline) -> Result<Outcome> {
    let docs = read_docs(open(docs)?).with_context(|| docs.display().to_string())?;
    let gold = read_mentions(open(gold)?).with_context(|| gold.display().to_string())?;
    let options = Options { clean: false };
    let predicted: Vec<GoldMention> = docs
        .par_iter()
        .flat_map_iter(|d| extraction_mentions(&pipeline.extract(d, options)))
        .collect();
    let report = score(&gold, &predicted);
    println!("{report}");
    Ok(Outcome::Done)
}
