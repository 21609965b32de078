//! `kg build`: extract, resolve and load documents into the store.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use kg_extract::{Entity, Extraction, Options, Pipeline};
use rayon::prelude::*;

use crate::Outcome;
use crate::args::{ReadArgs, StoreArgs};
use crate::commands::open_write;
use crate::input::{ReadOptions, read_and_warn};

/// Above this many documents, a progress bar shows on a terminal.
const PROGRESS_FROM: usize = 8;

pub fn run(
    paths: &[PathBuf],
    store: &StoreArgs,
    read: &ReadArgs,
    pipeline: &Pipeline,
) -> Result<Outcome> {
    let started = Instant::now();
    let loaded = read_and_warn(
        paths,
        ReadOptions {
            max_bytes: read.max_bytes,
        },
    )?;
    // Open the store before the work, so a locked store fails fast.
    let graph = open_write(store)?;
    let bar = if loaded.docs.len() >= PROGRESS_FROM {
        ProgressBar::new(loaded.docs.len() as u64).with_style(
            ProgressStyle::with_template(
                "{spinner} extracting {pos}/{len} documents {wide_bar} {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };
    let mut extractions: Vec<Extraction> = loaded
        .docs
        .par_iter()
        .map(|d| {
            let ex = pipeline.extract(d, Options::default());
            bar.inc(1);
            ex
        })
        .collect();
    bar.finish_and_clear();
    let known: Vec<Entity> = graph
        .known_entities()
        .context("reading the store's entities")?
        .into_iter()
        .map(|k| Entity {
            key: k.key,
            kind: k.kind,
            label: k.label,
            aliases: k.aliases,
            wikidata: k.wikidata,
        })
        .collect();
    pipeline.resolve(&mut extractions, &known);
    let report = graph.load(&extractions).context("loading into the store")?;
    graph.flush()?;
    for w in &report.warnings {
        eprintln!("kg: warning: {w}");
    }
    let types: Vec<String> = report
        .entities
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    println!(
        "built {} from {} document{} ({} replaced) in {:.2} s",
        store.store.display(),
        report.documents,
        if report.documents == 1 { "" } else { "s" },
        report.replaced_documents,
        started.elapsed().as_secs_f64()
    );
    println!(
        "  entities   {:>6}  ({}; {} new)",
        report.entity_count(),
        types.join(", "),
        report.new_entities
    );
    println!("  mentions   {:>6}", report.mentions);
    println!(
        "  relations  {:>6}  roles {}, quotes {}, values {}",
        report.relations, report.roles, report.quotes, report.values
    );
    println!(
        "  quads      {:>6}  added, {} in the store",
        report.quads_added, report.total_quads
    );
    Ok(Outcome::Done)
}
