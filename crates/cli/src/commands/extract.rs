//! `kg extract`: JSON lines of what is found, without a store.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use kg_extract::{Document, Extraction, Options, Pipeline};
use rayon::prelude::*;
use serde::Serialize;

use crate::Outcome;
use crate::args::{ExtractFormat, ReadArgs};
use crate::input::{Docs, ReadOptions};

/// Documents extracted at once.
const BATCH: usize = 256;
use crate::output::writer;

/// One name, in the shape NER scorers read.
#[derive(Serialize)]
pub struct MentionLine<'a> {
    pub doc: &'a str,
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
}

pub fn run(
    paths: &[PathBuf],
    format: ExtractFormat,
    keep_cruft: bool,
    out: Option<&std::path::Path>,
    read: &ReadArgs,
    pipeline: &Pipeline,
) -> Result<Outcome> {
    let mut docs = Docs::open(
        paths,
        ReadOptions {
            max_bytes: read.max_bytes,
        },
    )?;
    let options = Options { clean: !keep_cruft };
    let mut out = writer(out)?;
    let mut count = 0usize;
    let mut first_warning = None;
    // In batches, written as they are done: memory is bounded by a batch, not by the input.
    loop {
        let batch: Vec<Document> = docs.by_ref().take(BATCH).collect::<Result<_>>()?;
        for w in docs.take_warnings() {
            eprintln!("kg: warning: {w}");
            first_warning.get_or_insert(w);
        }
        if batch.is_empty() {
            break;
        }
        count += batch.len();
        let extractions: Vec<_> = batch
            .par_iter()
            .map(|d| pipeline.extract(d, options))
            .collect();
        for ex in &extractions {
            write_one(&mut out, ex, format)?;
        }
    }
    if count == 0 {
        anyhow::bail!(
            "no document to read: {}",
            first_warning.unwrap_or_else(|| "no input".to_string())
        );
    }
    out.flush()?;
    Ok(Outcome::Done)
}

fn write_one(out: &mut impl Write, ex: &Extraction, format: ExtractFormat) -> Result<()> {
    match format {
        ExtractFormat::Json => {
            serde_json::to_writer(&mut *out, ex)?;
            writeln!(out)?;
        }
        ExtractFormat::Mentions => {
            for m in &ex.mentions {
                let label = m.kind.coarse();
                if label == "MISC" {
                    continue;
                }
                let line = MentionLine {
                    doc: &ex.doc.id,
                    start: m.start,
                    end: m.end,
                    label,
                };
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
