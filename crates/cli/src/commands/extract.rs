//! `kg extract`: JSON lines of what is found, without a store.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use kg_extract::{Options, Pipeline};
use rayon::prelude::*;
use serde::Serialize;

use crate::Outcome;
use crate::args::{ExtractFormat, ReadArgs};
use crate::input::{ReadOptions, read_and_warn};
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
    read: &ReadArgs,
    pipeline: &Pipeline,
) -> Result<Outcome> {
    let loaded = read_and_warn(
        paths,
        ReadOptions {
            max_bytes: read.max_bytes,
        },
    )?;
    let options = Options { clean: !keep_cruft };
    let extractions: Vec<_> = loaded
        .docs
        .par_iter()
        .map(|d| pipeline.extract(d, options))
        .collect();
    let mut out = writer(None)?;
    for ex in &extractions {
        match format {
            ExtractFormat::Json => {
                serde_json::to_writer(&mut out, ex)?;
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
                    serde_json::to_writer(&mut out, &line)?;
                    writeln!(out)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}
