//! `kg export`: the whole store as RDF, or the entity graph as GraphML or Neo4j import CSV.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use kg_graph::{RdfFormat, rdf_format_from_name, rdf_format_from_path};

use crate::Outcome;
use crate::args::{ExportFormat, StoreArgs};
use crate::commands::open_read;
use crate::output::writer;

/// The files a Neo4j export writes into its folder.
const NEO4J_NODES: &str = "nodes.csv";
const NEO4J_RELATIONSHIPS: &str = "relationships.csv";

const FORMATS: &str = "turtle, ntriples, nquads, trig, rdfxml, jsonld, graphml, neo4j";

/// What to write, resolved from `--format` and the output's extension.
enum Target {
    Rdf(RdfFormat),
    GraphMl,
    Neo4j,
}

pub fn run(
    format: Option<ExportFormat>,
    output: Option<&Path>,
    store: &StoreArgs,
) -> Result<Outcome> {
    let target = match (format, output) {
        (Some(ExportFormat::Graphml), _) => Target::GraphMl,
        (Some(ExportFormat::Neo4j), _) => Target::Neo4j,
        (Some(f), _) => {
            let name = f.to_possible_value().map(|v| v.get_name().to_owned());
            Target::Rdf(rdf_format_from_name(&name.unwrap_or_default())?)
        }
        (None, Some(p)) if has_extension(p, "graphml") => Target::GraphMl,
        (None, Some(p)) => Target::Rdf(rdf_format_from_path(p).with_context(|| {
            format!(
                "{}: cannot tell the format from the extension; give --format ({FORMATS})",
                p.display()
            )
        })?),
        (None, None) => Target::Rdf(RdfFormat::Turtle),
    };
    match target {
        Target::Rdf(format) => rdf(format, output, store),
        Target::GraphMl => graphml(output, store),
        Target::Neo4j => neo4j(output, store),
    }
}

fn rdf(format: RdfFormat, output: Option<&Path>, store: &StoreArgs) -> Result<Outcome> {
    let graph = open_read(store)?;
    let mut out = writer(output)?;
    let report = graph.export(&mut out, format)?;
    out.flush()?;
    if let Some(p) = output {
        eprintln!("wrote {} statements to {}", report.statements, p.display());
    }
    Ok(Outcome::Done)
}

fn graphml(output: Option<&Path>, store: &StoreArgs) -> Result<Outcome> {
    let graph = open_read(store)?;
    let mut out = writer(output)?;
    let report = graph.export_graphml(&mut out)?;
    out.flush()?;
    if let Some(p) = output {
        eprintln!(
            "wrote {} entities and {} relations to {}",
            report.entities,
            report.relations,
            p.display()
        );
    }
    Ok(Outcome::Done)
}

fn neo4j(output: Option<&Path>, store: &StoreArgs) -> Result<Outcome> {
    let Some(dir) = output.filter(|p| p.as_os_str() != "-") else {
        bail!("--format neo4j writes two files: give a folder with -o DIR");
    };
    if dir.is_file() {
        bail!(
            "{}: is a file; -o takes a folder for --format neo4j",
            dir.display()
        );
    }
    let graph = open_read(store)?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create folder", dir.display()))?;
    let (nodes_path, relationships_path) = (dir.join(NEO4J_NODES), dir.join(NEO4J_RELATIONSHIPS));
    let mut nodes = writer(Some(nodes_path.as_path()))?;
    let mut relationships = writer(Some(relationships_path.as_path()))?;
    let report = graph.export_neo4j(&mut nodes, &mut relationships)?;
    nodes.flush()?;
    relationships.flush()?;
    eprintln!(
        "wrote {} entities to {} and {} relationships to {}\n\
         load into an empty Neo4j database (stopped) with:\n  \
         neo4j-admin database import full --nodes={} --relationships={} neo4j",
        report.entities,
        nodes_path.display(),
        report.relations,
        relationships_path.display(),
        nodes_path.display(),
        relationships_path.display(),
    );
    Ok(Outcome::Done)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}
