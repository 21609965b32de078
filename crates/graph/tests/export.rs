//! Export in every format round-trips through oxigraph's own parsers.

mod common;

use std::collections::BTreeSet;

use common::*;
use kg_graph::{Graph, rdf_format_from_name, rdf_format_from_path, rdf_format_name};
use oxigraph::io::{RdfFormat, RdfParser};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn every_format_round_trips() -> TestResult {
    let g = Graph::in_memory()?;
    g.load(&[doc_a(), doc_b()])?;
    let quads: BTreeSet<String> = g
        .store()
        .iter()
        .map(|q| q.map(|q| q.to_string()))
        .collect::<Result<_, _>>()?;
    let triples: BTreeSet<String> = g
        .store()
        .iter()
        .map(|q| q.map(|q| oxigraph::model::Triple::from(q).to_string()))
        .collect::<Result<_, _>>()?;
    assert!(
        triples.len() < quads.len(),
        "some triples are in several graphs"
    );
    for name in ["turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld"] {
        let format = rdf_format_from_name(name)?;
        assert_eq!(rdf_format_name(format), name);
        let mut out = Vec::new();
        let report = g.export(&mut out, format)?;
        let parsed = RdfParser::from_format(format)
            .for_slice(&out)
            .collect::<Result<Vec<_>, _>>()?;
        if report.with_graphs {
            let got: BTreeSet<String> = parsed.iter().map(ToString::to_string).collect();
            assert_eq!(got, quads, "{name}");
            assert_eq!(report.statements, quads.len());
        } else {
            let got: BTreeSet<String> = parsed
                .into_iter()
                .map(|q| oxigraph::model::Triple::from(q).to_string())
                .collect();
            assert_eq!(got, triples, "{name}");
            assert_eq!(report.statements, triples.len());
        }
        if matches!(format, RdfFormat::Turtle | RdfFormat::TriG) {
            let text = String::from_utf8(out)?;
            assert!(
                text.contains("@prefix kg: <https://kg.example.org/ns#>"),
                "{name}"
            );
        }
    }
    Ok(())
}

#[test]
fn formats_come_from_file_extensions() {
    assert_eq!(rdf_format_from_path("out/kg.ttl"), Some(RdfFormat::Turtle));
    assert_eq!(rdf_format_from_path("kg.NT"), Some(RdfFormat::NTriples));
    assert_eq!(rdf_format_from_path("kg.nq"), Some(RdfFormat::NQuads));
    assert_eq!(rdf_format_from_path("kg.trig"), Some(RdfFormat::TriG));
    assert_eq!(rdf_format_from_path("kg.rdf"), Some(RdfFormat::RdfXml));
    assert_eq!(rdf_format_from_path("kg.xml"), Some(RdfFormat::RdfXml));
    assert!(matches!(
        rdf_format_from_path("kg.jsonld"),
        Some(RdfFormat::JsonLd { .. })
    ));
    assert_eq!(rdf_format_from_path("kg.txt"), None);
    assert_eq!(rdf_format_from_path("kg"), None);
    assert!(rdf_format_from_name("yaml").is_err());
}

#[test]
fn the_ontology_labels_every_kg_term() -> TestResult {
    let g = Graph::in_memory()?;
    g.load(&[])?;
    let unlabelled = g.query(
        "SELECT DISTINCT ?t WHERE {
           GRAPH <https://kg.example.org/graph/ontology> { ?t ?p ?o }
           FILTER(STRSTARTS(STR(?t), STR(kg:)))
           FILTER NOT EXISTS { ?t rdfs:label ?l ; rdfs:comment ?c }
         }",
    )?;
    assert!(
        unlabelled.is_empty(),
        "{}",
        unlabelled.to_string_as(kg_graph::ResultFormat::Table)?
    );
    // Every predicate the loader may write is declared, and every declared relation is known.
    for p in kg_graph::vocab::PREDICATES {
        let q = format!(
            "ASK {{ kg:{} a owl:ObjectProperty ; rdfs:label \"{}\" }}",
            p.name, p.label
        );
        assert!(
            !g.query(&q)?.is_empty(),
            "kg:{} missing from kg.ttl",
            p.name
        );
    }
    let declared = g.query("SELECT ?p WHERE { ?p rdfs:subPropertyOf kg:related }")?;
    assert_eq!(declared.len() + 1, kg_graph::vocab::PREDICATES.len());
    Ok(())
}
