//! Exporting the whole store to RDF files other tools load.
//!
//! Dataset formats (N-Quads, TriG) keep the named graphs. Triple formats (Turtle, N-Triples,
//! RDF/XML, JSON-LD) get the union of all graphs, each triple once.

use std::io::Write;
use std::path::Path;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::Graph as TripleSet;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::query::with_prefixes;
use crate::store::Graph;

/// The export format names, for help texts.
pub const RDF_FORMAT_NAMES: &str = "turtle, ntriples, nquads, trig, rdfxml, jsonld";

/// Parses an RDF format name (`turtle`/`ttl`, `ntriples`/`nt`, `nquads`/`nq`, `trig`,
/// `rdfxml`/`rdf`/`xml`, `jsonld`/`json-ld`/`json`), case-insensitively.
pub fn rdf_format_from_name(name: &str) -> Result<RdfFormat> {
    Ok(match name.trim().to_ascii_lowercase().as_str() {
        "turtle" | "ttl" => RdfFormat::Turtle,
        "ntriples" | "n-triples" | "nt" => RdfFormat::NTriples,
        "nquads" | "n-quads" | "nq" => RdfFormat::NQuads,
        "trig" => RdfFormat::TriG,
        "rdfxml" | "rdf/xml" | "rdf" | "xml" => RdfFormat::RdfXml,
        "jsonld" | "json-ld" | "json" => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        _ => {
            return Err(Error::UnknownFormat {
                kind: "RDF",
                name: name.to_owned(),
                allowed: RDF_FORMAT_NAMES,
            });
        }
    })
}

/// The RDF format of a file name by its extension: `.ttl`, `.nt`, `.nq`, `.trig`, `.rdf`/`.xml`,
/// `.jsonld`/`.json`.
pub fn rdf_format_from_path(path: impl AsRef<Path>) -> Option<RdfFormat> {
    let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "ttl" | "nt" | "nq" | "trig" | "rdf" | "xml" | "jsonld" | "json" => {
            rdf_format_from_name(&ext).ok()
        }
        _ => None,
    }
}

/// The short name kg uses for an RDF format (`turtle`, `nquads`, ...).
pub fn rdf_format_name(format: RdfFormat) -> &'static str {
    match format {
        RdfFormat::Turtle => "turtle",
        RdfFormat::NTriples => "ntriples",
        RdfFormat::NQuads => "nquads",
        RdfFormat::TriG => "trig",
        RdfFormat::RdfXml => "rdfxml",
        RdfFormat::JsonLd { .. } => "jsonld",
        _ => "n3",
    }
}

/// What an export wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    /// Quads (dataset formats) or distinct triples (triple formats) written.
    pub statements: usize,
    /// Whether graph names were kept.
    pub with_graphs: bool,
}

impl Graph {
    /// Writes the whole store (documents, entities, ontology) in `format`.
    pub fn export(&self, out: &mut dyn Write, format: RdfFormat) -> Result<ExportReport> {
        let serializer = with_prefixes(RdfSerializer::from_format(format));
        let mut writer = serializer.for_writer(out);
        let mut statements = 0;
        let with_graphs = format.supports_datasets() && !matches!(format, RdfFormat::JsonLd { .. });
        if with_graphs {
            for quad in self.store.iter() {
                let quad = quad.map_err(Error::storage("reading the store"))?;
                writer
                    .serialize_quad(&quad)
                    .map_err(Error::write("the export"))?;
                statements += 1;
            }
        } else {
            let mut union = TripleSet::new();
            for quad in self.store.iter() {
                let quad = quad.map_err(Error::storage("reading the store"))?;
                union.insert(quad.as_ref());
            }
            for triple in union.iter() {
                writer
                    .serialize_triple(triple)
                    .map_err(Error::write("the export"))?;
            }
            statements = union.len();
        }
        writer.finish().map_err(Error::write("the export"))?;
        Ok(ExportReport {
            statements,
            with_graphs,
        })
    }
}
