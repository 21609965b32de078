//! One module per command; `run` dispatches.

mod build;
mod export;
mod extract;
mod model;
mod parse;
mod push;
mod query;
mod render;
mod serve;
mod shards;
mod stats;

use std::path::Path;

use anyhow::{Context, Result};
use kg_graph::{BaseIri, Graph, QueryOptions};

use crate::Outcome;
use crate::args::{Command, EvalTask, StoreArgs};

/// Runs one command.
pub fn run(command: Command) -> Result<Outcome> {
    match command {
        Command::Build {
            paths,
            store,
            batch,
            read,
            model,
        } => build::run(
            &paths,
            &store,
            &read,
            usize::try_from(batch).unwrap_or(usize::MAX),
            model.pipeline()?,
        ),
        Command::Extract {
            paths,
            format,
            keep_cruft,
            out,
            read,
            model,
        } => extract::run(
            &paths,
            format,
            keep_cruft,
            out.as_deref(),
            &read,
            model.pipeline()?,
        ),
        Command::Resolve {
            shards,
            out,
            store,
            base,
            model,
        } => {
            let store = store.map(|store| StoreArgs { store, base });
            shards::resolve(
                &shards,
                out.as_deref(),
                store.as_ref(),
                model.pipeline_without_parser()?,
            )
        }
        Command::Load {
            shards,
            entities,
            store,
            batch,
            model,
        } => shards::load(
            &shards,
            &entities,
            &store,
            usize::try_from(batch).unwrap_or(usize::MAX),
            model.pipeline_without_parser()?,
        ),
        Command::Parse {
            paths,
            format,
            conllu,
            read,
            model,
        } => parse::run(&paths, format, conllu, &read, model.pipeline()?),
        Command::Query {
            query,
            expr,
            format,
            limit,
            timeout,
            store,
        } => {
            let mut options = QueryOptions::new();
            if let Some(rows) = limit {
                options = options.with_limit(usize::try_from(rows).unwrap_or(usize::MAX));
            }
            if let Some(after) = timeout.0 {
                options = options.with_timeout(after);
            }
            query::run(
                query.as_deref(),
                expr.as_deref(),
                format.as_deref(),
                &options,
                &store,
            )
        }
        Command::Serve {
            bind,
            public,
            timeout,
            threads,
            store,
        } => serve::run(
            &serve::ServeConfig::new(&bind, public, timeout, threads)?,
            &store,
        ),
        Command::Export {
            format,
            output,
            store,
        } => export::run(format, output.as_deref(), &store),
        Command::Push {
            endpoint,
            user,
            chunk_size,
            fresh,
            jobs,
            store,
        } => push::run(
            &push::PushSettings {
                endpoint,
                user,
                chunk_bytes: chunk_size,
                fresh,
                jobs: usize::try_from(jobs).unwrap_or(1),
            },
            &store,
        ),
        Command::Render {
            focus,
            depth,
            limits,
            format,
            output,
            store,
        } => render::run(
            focus.as_deref(),
            depth,
            &limits,
            format,
            output.as_deref(),
            &store,
        ),
        Command::Stats { top, store } => stats::run(top, &store),
        Command::Path { from, to, store } => stats::path(&from, &to, &store),
        Command::Eval {
            task,
            docs,
            gold,
            model,
        } => match task {
            EvalTask::Ner => model::eval_ner(&docs, &gold, model.pipeline()?),
            EvalTask::Relations => model::eval_relations(&docs, &gold, model.pipeline()?),
        },
    }
}

fn base(args: &StoreArgs) -> Result<BaseIri> {
    BaseIri::new(&args.base).with_context(|| format!("--base {}", args.base))
}

/// Opens the store for writing (creating it).
pub fn open_write(args: &StoreArgs) -> Result<Graph> {
    let graph = Graph::open(&args.store)?;
    Ok(graph.with_base(base(args)?))
}

/// Opens an existing store for reading.
pub fn open_read(args: &StoreArgs) -> Result<Graph> {
    if !Path::new(&args.store).exists() {
        anyhow::bail!(
            "no store at {}: run `kg build` first (or pass --store DIR)",
            args.store.display()
        );
    }
    let graph = Graph::open_read_only(&args.store)?;
    Ok(graph.with_base(base(args)?))
}
