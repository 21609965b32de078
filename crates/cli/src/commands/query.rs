//! `kg query`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kg_graph::{QueryOptions, ResultFormat};

use crate::Outcome;
use crate::args::StoreArgs;
use crate::commands::open_read;
use crate::output::{stdout_is_terminal, writer};

/// Where a query comes from: a file, `queries/NAME.rq`, or the text itself.
fn query_text(query: Option<&str>, expr: Option<&str>) -> Result<(String, String)> {
    if let Some(e) = expr {
        return Ok(("-e".to_string(), e.to_string()));
    }
    let Some(q) = query else {
        bail!("give a query: a .rq file, a NAME from queries/, or -e 'SPARQL'")
    };
    if q == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .context("reading the query from standard input")?;
        return Ok(("<stdin>".to_string(), text));
    }
    let direct = PathBuf::from(q);
    let path = if direct.is_file() {
        direct
    } else {
        let named = Path::new("queries").join(format!("{q}.rq"));
        if !named.is_file() {
            let known = list_queries();
            bail!(
                "{q}: no such query file, and no queries/{q}.rq (canned queries: {})",
                known.join(", ")
            );
        }
        named
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("{}: cannot read the query", path.display()))?;
    Ok((path.display().to_string(), text))
}

fn list_queries() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir("queries")
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.path()
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

pub fn run(
    query: Option<&str>,
    expr: Option<&str>,
    format: Option<&str>,
    options: &QueryOptions,
    store: &StoreArgs,
) -> Result<Outcome> {
    let (origin, text) = query_text(query, expr)?;
    let graph = open_read(store)?;
    let outcome = graph
        .query_with(&text, options)
        .with_context(|| match options.timeout {
            Some(after) => format!("{origin} (--timeout {})", after.as_secs_f64()),
            None => origin.clone(),
        })?;
    let format = match format {
        Some(f) => ResultFormat::from_name(f)?,
        None if stdout_is_terminal() => ResultFormat::Table,
        None => ResultFormat::Tsv,
    };
    let mut out = writer(None)?;
    outcome.write(&mut out, format)?;
    out.flush()?;
    Ok(if outcome.is_empty() {
        Outcome::NoResult
    } else {
        Outcome::Done
    })
}
