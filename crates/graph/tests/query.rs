//! SPARQL: union default graph, prefixes, located syntax errors, every result format.

mod common;

use common::*;
use std::time::Duration;

use kg_graph::{Error, Graph, QueryOptions, ResultFormat, Results};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn loaded() -> Result<Graph, Box<dyn std::error::Error>> {
    let g = Graph::in_memory()?;
    g.load(&[doc_a(), doc_b()])?;
    Ok(g)
}

#[test]
fn default_graph_is_the_union_of_named_graphs() -> TestResult {
    let g = loaded()?;
    // Labels (entities graph) joined with relations (document graphs), no GRAPH clause.
    let q = "SELECT DISTINCT ?a ?b WHERE { ?x kg:meets ?y . ?x rdfs:label ?a . ?y rdfs:label ?b } ORDER BY ?a";
    let outcome = g.query(q)?;
    assert_eq!(outcome.len(), 2);
    let text = outcome.to_string_as(ResultFormat::Table)?;
    assert!(
        text.contains("Marta Ilves") && text.contains("Kaito Renn") && text.contains("Tomas Berg"),
        "{text}"
    );
    // GRAPH still tells which document says what.
    let per_doc = g.query("SELECT ?doc WHERE { GRAPH ?doc { ?x kg:visits ?y } }")?;
    assert_eq!(per_doc.len(), 1);
    // An explicit FROM gets exactly that graph.
    let from =
        g.query("SELECT ?x FROM <https://kg.example.org/doc/report-a> WHERE { ?x kg:visits ?y }")?;
    assert!(from.is_empty());
    Ok(())
}

#[test]
fn standard_prefixes_are_predeclared_and_overridable() -> TestResult {
    let g = loaded()?;
    assert_eq!(g.query("ASK { ?p a org:Post ; org:postIn ?o }")?.len(), 1);
    // A query's own PREFIX wins.
    let own = g.query("PREFIX kg: <http://other.example/> ASK { ?x kg:meets ?y }")?;
    assert!(own.is_empty());
    // Relative IRIs resolve against the base.
    let base = g.query("SELECT ?l WHERE { <entity/Person/marta-ilves> rdfs:label ?l }")?;
    assert_eq!(base.len(), 1);
    assert!(
        kg_graph::prefix_header().contains("PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>")
    );
    Ok(())
}

#[test]
fn which_sources_say_this_is_one_query() -> TestResult {
    let g = loaded()?;
    let q = "SELECT ?doc ?text ?conf WHERE {
        ?s kg:subject <entity/Person/tomas-berg> ; kg:predicate kg:meets ; kg:object <entity/Person/marta-ilves> ;
           kg:inDocument ?doc ; kg:evidenceText ?text ; kg:confidence ?conf }";
    let outcome = g.query(q)?;
    assert_eq!(outcome.len(), 1);
    let Results::Solutions { rows, .. } = &outcome.results else {
        panic!("not a SELECT")
    };
    let text = rows[0][1].as_ref().ok_or("unbound")?.to_string();
    assert!(text.contains("Berg later met Marta Ilves"));
    // Values hang off statements, typed.
    let money = g.query(
        "SELECT ?amount ?cur WHERE { ?s kg:predicate kg:sellsTo ; kg:value ?v . ?v a schema:MonetaryAmount ;
         schema:value ?amount ; schema:currency ?cur . FILTER(?amount = 3000000000) }",
    )?;
    assert_eq!(money.len(), 1);
    let date = g.query("ASK { ?v kg:date \"2031-04-02\"^^xsd:date }")?;
    assert_eq!(date.len(), 1);
    Ok(())
}

#[test]
fn syntax_errors_carry_line_and_column() -> TestResult {
    let g = loaded()?;
    let err = g
        .query("SELECT ?x\nWHERE { ?x kg:meets }")
        .err()
        .ok_or("should fail")?;
    match &err {
        Error::QuerySyntax {
            line,
            column,
            message,
        } => {
            assert_eq!(*line, Some(2));
            assert!(column.is_some_and(|c| c > 1));
            assert!(!message.is_empty());
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let shown = err.to_string();
    assert!(
        shown.starts_with("SPARQL syntax error at line 2, column "),
        "{shown}"
    );
    // Undeclared prefixes are syntax errors too, not panics.
    assert!(matches!(
        g.query("SELECT * WHERE { ?x nope:p ?y }"),
        Err(Error::QuerySyntax { .. })
    ));
    assert!(matches!(g.query(""), Err(Error::QuerySyntax { .. })));
    assert!(matches!(
        g.query("\u{0}\u{1}binary"),
        Err(Error::QuerySyntax { .. })
    ));
    Ok(())
}

fn parse_results(
    bytes: &[u8],
    format: QueryResultsFormat,
) -> Result<usize, Box<dyn std::error::Error>> {
    Ok(
        match QueryResultsParser::from_format(format).for_reader(bytes)? {
            ReaderQueryResultsParserOutput::Solutions(s) => s.count(),
            ReaderQueryResultsParserOutput::Boolean(b) => usize::from(b),
        },
    )
}

#[test]
fn select_and_ask_serialise_in_every_format() -> TestResult {
    let g = loaded()?;
    let select = g.query("SELECT ?e ?label ?alias WHERE { ?e kg:key ?k ; rdfs:label ?label OPTIONAL { ?e skos:altLabel ?alias } }")?;
    let rows = select.len();
    assert!(rows >= 7);
    let ask = g.query("ASK { ?x kg:visits ?y }")?;
    for (format, parsed) in [
        (ResultFormat::Tsv, Some(QueryResultsFormat::Tsv)),
        (ResultFormat::Csv, None),
        (ResultFormat::Json, Some(QueryResultsFormat::Json)),
        (ResultFormat::Xml, Some(QueryResultsFormat::Xml)),
        (ResultFormat::Table, None),
    ] {
        let mut out = Vec::new();
        select.write(&mut out, format)?;
        let mut yes = Vec::new();
        ask.write(&mut yes, format)?;
        match parsed {
            Some(p) => {
                assert_eq!(parse_results(&out, p)?, rows, "{format}");
                assert_eq!(parse_results(&yes, p)?, 1, "{format}");
            }
            None if format == ResultFormat::Csv => {
                // sparesults cannot parse CSV back (it is lossy): check its shape.
                let text = String::from_utf8(out)?;
                assert_eq!(text.lines().count(), rows + 1, "{text}");
                assert!(text.starts_with("e,label,alias"));
                assert_eq!(String::from_utf8(yes)?.trim(), "true");
            }
            None => {
                let text = String::from_utf8(out)?;
                assert_eq!(text.lines().count(), rows + 2, "{text}");
                assert!(text.starts_with("e "));
                assert_eq!(String::from_utf8(yes)?.trim(), "true");
            }
        }
    }
    assert!(matches!(
        select.write(&mut Vec::new(), ResultFormat::Turtle),
        Err(Error::UnsupportedFormat { .. })
    ));
    Ok(())
}

#[test]
fn construct_serialises_in_every_rdf_format() -> TestResult {
    let g = loaded()?;
    let construct = g.query("CONSTRUCT { ?a kg:meets ?b } WHERE { ?a kg:meets ?b }")?;
    let n = construct.len();
    assert_eq!(n, 2);
    for (format, rdf) in [
        (ResultFormat::Turtle, RdfFormat::Turtle),
        (ResultFormat::Table, RdfFormat::Turtle),
        (ResultFormat::NTriples, RdfFormat::NTriples),
        (ResultFormat::NQuads, RdfFormat::NQuads),
        (ResultFormat::TriG, RdfFormat::TriG),
        (ResultFormat::RdfXml, RdfFormat::RdfXml),
        (ResultFormat::Xml, RdfFormat::RdfXml),
        (
            ResultFormat::JsonLd,
            kg_graph::rdf_format_from_name("jsonld")?,
        ),
        (
            ResultFormat::Json,
            kg_graph::rdf_format_from_name("jsonld")?,
        ),
    ] {
        let mut out = Vec::new();
        construct.write(&mut out, format)?;
        let parsed = RdfParser::from_format(rdf)
            .for_slice(&out)
            .collect::<Result<Vec<_>, _>>()?;
        assert_eq!(parsed.len(), n, "{format}");
    }
    let tsv = construct.to_string_as(ResultFormat::Tsv)?;
    assert_eq!(tsv.lines().count(), n + 1);
    let describe = g.query("DESCRIBE <entity/Country/norland>")?;
    assert!(!describe.is_empty());
    Ok(())
}

#[test]
fn empty_results_have_zero_length() -> TestResult {
    let g = loaded()?;
    let none = g.query("SELECT ?x WHERE { ?x kg:attacks ?y }")?;
    assert!(none.is_empty());
    let table = none.to_string_as(ResultFormat::Table)?;
    assert_eq!(table.lines().count(), 2, "header and rule only: {table}");
    assert!(g.query("ASK { ?x kg:attacks ?y }")?.is_empty());
    Ok(())
}

#[test]
fn format_names_parse() -> TestResult {
    assert_eq!("ttl".parse::<ResultFormat>()?, ResultFormat::Turtle);
    assert_eq!(ResultFormat::from_name("JSON-LD")?, ResultFormat::JsonLd);
    let err = ResultFormat::from_name("yaml")
        .err()
        .ok_or("yaml is not a format")?;
    assert!(err.to_string().contains("table, tsv"));
    Ok(())
}

#[test]
fn options_cap_the_rows_and_stop_a_runaway_query() -> TestResult {
    let g = loaded()?;
    let all = g.query("SELECT * WHERE { ?s ?p ?o }")?.len();
    assert!(all > 3);
    let capped = g.query_with(
        "SELECT * WHERE { ?s ?p ?o }",
        &QueryOptions::new().with_limit(3),
    )?;
    assert_eq!(capped.len(), 3);
    let triples = g.query_with(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        &QueryOptions::new().with_limit(2),
    )?;
    assert_eq!(triples.len(), 2);
    // Within its time, a query with a timeout answers as without one.
    let timed = g.query_with(
        "SELECT * WHERE { ?s ?p ?o }",
        &QueryOptions::new().with_timeout(Duration::from_secs(60)),
    )?;
    assert_eq!(timed.len(), all);
    let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    let stopped = g.query_with(
        runaway,
        &QueryOptions::new().with_timeout(Duration::from_millis(200)),
    );
    assert!(
        matches!(stopped, Err(Error::Timeout { after }) if after == Duration::from_millis(200)),
        "{stopped:?}"
    );
    Ok(())
}
