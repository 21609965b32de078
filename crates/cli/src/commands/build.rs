//! `kg build`: extract, resolve and load documents into the store, streaming.
//!
//! Two passes over the input, each in bounded batches:
//! 1. documents are read lazily and extracted in parallel; each extraction is written to a
//!    spool file (unlinked, beside the store, so nothing is left behind if the build dies) and
//!    its names are noted for resolution;
//! 2. once every name is known, resolution is settled against the store's entities, and the
//!    spooled extractions are resolved and bulk-loaded into a new generation of the store,
//!    which becomes the active one at the end.
//!
//! Memory is bounded by a batch and the distinct names, not by the corpus, and the outcome is
//! the same as resolving and loading every document at once.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use kg_extract::resolve::{Resolution, Resolver};
use kg_extract::{Document, Entity, Extraction, Options, Pipeline};
use rayon::prelude::*;

use crate::Outcome;
use crate::args::{ReadArgs, StoreArgs};
use crate::commands::open_write;
use crate::input::{Docs, ReadOptions};
use kg_graph::{Graph, LoadReport};

pub fn run(
    paths: &[PathBuf],
    store: &StoreArgs,
    read: &ReadArgs,
    batch: usize,
    pipeline: &Pipeline,
) -> Result<Outcome> {
    let started = Instant::now();
    let batch = batch.max(1);
    let mut docs = Docs::open(
        paths,
        ReadOptions {
            max_bytes: read.max_bytes,
        },
    )?;
    // Open the store before the work, so a locked store fails fast.
    let mut graph = open_write(store)?;
    let spool = tempfile::tempfile_in(&store.store)
        .with_context(|| format!("{}: cannot make a spool file", store.store.display()))?;

    // Pass 1: extract, spool, note names.
    let bar = progress_bar(docs.total_bytes());
    let mut spool = BufWriter::new(spool);
    let mut resolver = Resolver::new(pipeline.lexicon());
    let mut last_of: HashMap<String, usize> = HashMap::new();
    let mut count = 0usize;
    let mut words = 0usize;
    let mut first_warning = None;
    loop {
        let texts: Vec<Document> = docs.by_ref().take(batch).collect::<Result<_>>()?;
        for w in docs.take_warnings() {
            bar.suspend(|| eprintln!("kg: warning: {w}"));
            first_warning.get_or_insert(w);
        }
        if texts.is_empty() {
            break;
        }
        let extractions: Vec<Extraction> = texts
            .par_iter()
            .map(|d| pipeline.extract(d, Options::default()))
            .collect();
        words += texts
            .iter()
            .map(|d| d.text.split_whitespace().count())
            .sum::<usize>();
        drop(texts);
        for ex in &extractions {
            resolver.observe(ex);
            last_of.insert(ex.doc.id.clone(), count);
            count += 1;
            serde_json::to_writer(&mut spool, ex).context("writing the spool file")?;
            spool.write_all(b"\n").context("writing the spool file")?;
        }
        bar.set_position(docs.bytes_read());
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{count} documents, {:.0} words/s",
            words as f64 / secs
        ));
    }
    bar.finish_and_clear();
    if count == 0 {
        anyhow::bail!(
            "no document to read: {}",
            first_warning.unwrap_or_else(|| "no input".to_string())
        );
    }
    let extracted = started.elapsed();

    // Pass 2: settle the names, then resolve and load the spooled extractions.
    let known = known_entities(&graph)?;
    let resolution = resolver.finish(&known);
    let mut spool = spool
        .into_inner()
        .map_err(|e| e.into_error())
        .context("writing the spool file")?;
    spool.rewind().context("reading the spool file")?;
    let sources = vec![Lines::new(
        "the spool file",
        Box::new(BufReader::new(spool)),
    )];
    let report = load_lines(&mut graph, sources, &resolution, &last_of, count, batch)?;
    print_report(store, &report, started.elapsed(), Some((extracted, words)));
    Ok(Outcome::Done)
}

/// The store's entities, for resolution against them.
pub(crate) fn known_entities(graph: &Graph) -> Result<Vec<Entity>> {
    Ok(graph
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
        .collect())
}

/// JSON lines of extractions, with a name for errors.
pub(crate) struct Lines {
    name: String,
    reader: Box<dyn BufRead>,
}

impl Lines {
    pub(crate) fn new(name: impl Into<String>, reader: Box<dyn BufRead>) -> Self {
        Lines {
            name: name.into(),
            reader,
        }
    }

    /// Each extraction in turn; an error names the line and column.
    pub(crate) fn extractions(self) -> impl Iterator<Item = Result<Extraction>> {
        let name = self.name;
        self.reader
            .lines()
            .enumerate()
            .filter_map(move |(n, line)| {
                let line = match line {
                    Ok(l) => l,
                    Err(e) => {
                        return Some(Err(
                            anyhow::Error::new(e).context(format!("{name}:{}: cannot read", n + 1))
                        ));
                    }
                };
                if line.trim().is_empty() {
                    return None;
                }
                Some(serde_json::from_str::<Extraction>(&line).map_err(|e| {
                    anyhow::anyhow!(
                        "{name}:{}:{}: not an extraction (a line of kg extract): {e}",
                        n + 1,
                        e.column()
                    )
                }))
            })
    }
}

/// Resolves and bulk-loads extractions read from JSON lines into a new generation of the store
/// (pass 2 of `kg build`, and `kg load`). Of two extractions of one document id, the one at
/// `last_of[id]` (its ordinal over all the lines) is kept.
pub(crate) fn load_lines(
    graph: &mut Graph,
    sources: Vec<Lines>,
    resolution: &Resolution<'_>,
    last_of: &HashMap<String, usize>,
    count: usize,
    batch: usize,
) -> Result<LoadReport> {
    let bar = if count >= 8 {
        ProgressBar::new(count as u64).with_style(
            ProgressStyle::with_template(
                "{spinner} loading {pos}/{len} documents {wide_bar} {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };
    let report = graph.build(|loader| -> Result<()> {
        let mut pending: Vec<Extraction> = Vec::with_capacity(batch);
        let mut i = 0;
        for source in sources {
            for ex in source.extractions() {
                let mut ex = ex?;
                let at = i;
                i += 1;
                if last_of.get(&ex.doc.id) != Some(&at) {
                    bar.suspend(|| {
                        eprintln!(
                            "kg: warning: document {} appears twice in the input; the last one wins",
                            ex.doc.id
                        )
                    });
                    continue;
                }
                resolution.apply(&mut ex);
                pending.push(ex);
                if pending.len() >= batch {
                    loader.add(&pending)?;
                    bar.inc(pending.len() as u64);
                    pending.clear();
                }
            }
        }
        loader.add(&pending)?;
        bar.finish_and_clear();
        Ok(())
    })?;
    graph.flush()?;
    Ok(report)
}

/// The summary of a build or load; `extracted` is the time and words of extraction, if any.
pub(crate) fn print_report(
    store: &StoreArgs,
    report: &LoadReport,
    total: Duration,
    extracted: Option<(Duration, usize)>,
) {
    for w in &report.warnings {
        eprintln!("kg: warning: {w}");
    }
    let types: Vec<String> = report
        .entities
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    let extraction = extracted.map_or(String::new(), |(took, words)| {
        format!(
            " ({:.2} s extracting, {:.0} words/s)",
            took.as_secs_f64(),
            words as f64 / total.as_secs_f64().max(1e-3)
        )
    });
    println!(
        "built {} from {} document{} ({} replaced) in {:.2} s{extraction}",
        store.store.display(),
        report.documents,
        if report.documents == 1 { "" } else { "s" },
        report.replaced_documents,
        total.as_secs_f64(),
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
}

/// A bar over the input bytes (a spinner when their size is unknown), hidden off a terminal.
fn progress_bar(total_bytes: u64) -> ProgressBar {
    let bar = if total_bytes > 0 {
        ProgressBar::new(total_bytes).with_style(
            ProgressStyle::with_template(
                "{spinner} extracting {wide_bar} {bytes}/{total_bytes} {msg} {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} extracting {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        )
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
