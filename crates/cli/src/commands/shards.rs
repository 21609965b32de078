//! Shards for corpora beyond one machine: `kg resolve` settles the names of extractions made
//! anywhere (`kg extract --out shard-N.jsonl`), `kg load` loads them with that settlement. The
//! store is the same as one `kg build` of all the documents, in the same order.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use kg_extract::Pipeline;
use kg_extract::resolve::{Resolution, ResolutionTable, Resolver, TABLE_VERSION};
use serde::Deserialize;

use crate::Outcome;
use crate::args::StoreArgs;
use crate::commands::build::{Lines, known_entities, load_lines, print_report};
use crate::commands::{open_read, open_write};
use crate::output::writer;

fn open_lines(path: &Path) -> Result<Lines> {
    let file = File::open(path).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(Lines::new(
        path.display().to_string(),
        Box::new(BufReader::new(file)),
    ))
}

/// `kg resolve`: the resolution table of shards, against a store's entities when one is given.
pub fn resolve(
    shards: &[PathBuf],
    out: Option<&Path>,
    store: Option<&StoreArgs>,
    pipeline: &Pipeline,
) -> Result<Outcome> {
    let mut resolver = Resolver::new(pipeline.lexicon());
    let mut documents = 0usize;
    for shard in shards {
        for ex in open_lines(shard)?.extractions() {
            resolver.observe(&ex?);
            documents += 1;
        }
    }
    if documents == 0 {
        bail!("no extraction in the shards: give files written by `kg extract --out`");
    }
    let known = match store {
        Some(args) if args.store.exists() => known_entities(&open_read(args)?)?,
        _ => Vec::new(),
    };
    let table = resolver.finish(&known).to_table();
    let mut w = writer(out)?;
    serde_json::to_writer(&mut w, &table).context("writing the resolution table")?;
    writeln!(w)?;
    w.flush()?;
    eprintln!(
        "resolved {} entities from {documents} documents in {} shard{}",
        table.entities.len(),
        shards.len(),
        if shards.len() == 1 { "" } else { "s" }
    );
    Ok(Outcome::Done)
}

/// Only the id of an extraction, for the first pass of `kg load`.
#[derive(Deserialize)]
struct IdOnly {
    doc: IdDoc,
}

#[derive(Deserialize)]
struct IdDoc {
    id: String,
}

/// `kg load`: shards into the store, resolved with the table of `kg resolve`.
pub fn load(
    shards: &[PathBuf],
    entities: &Path,
    store: &StoreArgs,
    batch: usize,
    pipeline: &Pipeline,
) -> Result<Outcome> {
    let started = Instant::now();
    let text = std::fs::read_to_string(entities)
        .with_context(|| format!("{}: cannot read the resolution table", entities.display()))?;
    let table: ResolutionTable = serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}:{}: not a resolution table of `kg resolve`: {e}",
            entities.display(),
            e.line(),
            e.column()
        )
    })?;
    let version = table.version;
    let Some(resolution) = Resolution::from_table(pipeline.lexicon(), table) else {
        bail!(
            "{}: a resolution table of format {version}; this kg reads format {TABLE_VERSION}: run `kg resolve` again",
            entities.display()
        );
    };
    // First pass: which line of each document id wins (the last one, as in a build).
    let mut last_of: HashMap<String, usize> = HashMap::new();
    let mut count = 0usize;
    for shard in shards {
        let file =
            File::open(shard).with_context(|| format!("{}: cannot read", shard.display()))?;
        for (n, line) in std::io::BufRead::lines(BufReader::new(file)).enumerate() {
            let line =
                line.with_context(|| format!("{}:{}: cannot read", shard.display(), n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let id: IdOnly = serde_json::from_str(&line).map_err(|e| {
                anyhow::anyhow!(
                    "{}:{}:{}: not an extraction (a line of kg extract): {e}",
                    shard.display(),
                    n + 1,
                    e.column()
                )
            })?;
            last_of.insert(id.doc.id, count);
            count += 1;
        }
    }
    if count == 0 {
        bail!("no extraction in the shards: give files written by `kg extract --out`");
    }
    let mut graph = open_write(store)?;
    let sources = shards
        .iter()
        .map(|s| open_lines(s))
        .collect::<Result<Vec<_>>>()?;
    let report = load_lines(&mut graph, sources, &resolution, &last_of, count, batch)?;
    print_report(store, &report, started.elapsed(), None);
    Ok(Outcome::Done)
}
