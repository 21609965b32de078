//! `kg stats` and `kg path`.

use anyhow::Result;

use crate::Outcome;
use crate::args::StoreArgs;
use crate::commands::open_read;

pub fn run(top: usize, store: &StoreArgs) -> Result<Outcome> {
    let graph = open_read(store)?;
    let documents = graph.documents()?.len();
    let quads = graph.len()?;
    let view = graph.entity_graph()?;
    let stats = view.stats(top);
    println!("store       {}", store.store.display());
    println!("documents   {documents}");
    println!("quads       {quads}");
    println!("entities    {}", stats.entities);
    for (kind, n) in &stats.by_type {
        println!("  {kind:<14}{n:>6}");
    }
    println!(
        "edges       {} (from {} statements)",
        stats.edges, stats.statements
    );
    for (predicate, n) in &stats.by_predicate {
        println!("  {predicate:<22}{n:>6}");
    }
    println!(
        "components  {} (largest {} entities, {} isolated)",
        stats.components, stats.largest_component, stats.isolated
    );
    println!("most connected:");
    for r in &stats.most_connected {
        println!("  {:>4}  {}  ({})", r.score, r.label, r.key);
    }
    println!("highest PageRank:");
    for r in &stats.page_rank {
        println!("  {:>6.3}  {}  ({})", r.score, r.label, r.key);
    }
    Ok(if stats.entities == 0 {
        Outcome::NoResult
    } else {
        Outcome::Done
    })
}

pub fn path(from: &str, to: &str, store: &StoreArgs) -> Result<Outcome> {
    let graph = open_read(store)?;
    let view = graph.entity_graph()?;
    let a = view.resolve(from)?;
    let b = view.resolve(to)?;
    let Some(steps) = view.shortest_path(a, b) else {
        println!("no path between {from} and {to}");
        return Ok(Outcome::NoResult);
    };
    let label = |ix| view.node(ix).map_or_else(String::new, |n| n.label.clone());
    println!("{}", label(a));
    for step in steps {
        let edge = view
            .edge(step.edge)
            .map_or_else(String::new, |e| e.label.clone());
        let arrow = if step.forward {
            format!("  --{edge}-->")
        } else {
            format!("  <--{edge}--")
        };
        println!("{arrow} {}", label(step.to));
    }
    Ok(Outcome::Done)
}
