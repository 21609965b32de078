//! Loading: quads land where the vocabulary says, re-loads are idempotent, batches are atomic.

mod common;

use std::collections::BTreeSet;

use common::*;
use kg_graph::{Error, Graph, NamedNode};
use kg_schema::EntityType;
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{GraphNameRef, Literal, Quad, QuadRef};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const KG: &str = "https://kg.example.org/ns#";
const BASE: &str = "https://kg.example.org/";

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn ent(key: &str) -> NamedNode {
    iri(&format!("{BASE}entity/{key}"))
}

fn kg(local: &str) -> NamedNode {
    iri(&format!("{KG}{local}"))
}

fn graph_quads(
    g: &Graph,
    graph: &NamedNode,
) -> Result<BTreeSet<String>, Box<dyn std::error::Error>> {
    let mut out = BTreeSet::new();
    for q in g
        .store()
        .quads_for_pattern(None, None, None, Some(GraphNameRef::from(graph)))
    {
        out.insert(q?.to_string());
    }
    Ok(out)
}

fn check_contents(g: &Graph) -> TestResult {
    let doc = iri(&format!("{BASE}doc/report-a"));
    let entities = iri(&format!("{BASE}graph/entities"));
    let has = |s: &NamedNode, p: &NamedNode, o: oxigraph::model::Term, graph: &NamedNode| {
        g.store().contains(QuadRef::new(s, p, &o, graph))
    };
    // The meeting is a reported event with its place and date.
    let meeting = iri(&format!("{BASE}doc/report-a#rel-0"));
    assert!(has(
        &meeting,
        &rdf::TYPE.into_owned(),
        kg("Happening").into(),
        &doc
    )?);
    assert!(has(&meeting, &kg("place"), ent(PORT_SELLA).into(), &doc)?);
    assert!(has(
        &meeting,
        &kg("when"),
        oxigraph::model::Literal::new_typed_literal(
            "2031-04-02",
            oxigraph::model::vocab::xsd::DATE
        )
        .into(),
        &doc
    )?);
    // Entity description in the shared graph, with both classes.
    assert!(has(
        &ent(MARTA),
        &rdf::TYPE.into_owned(),
        kg("Person").into(),
        &entities
    )?);
    assert!(has(
        &ent(MARTA),
        &rdf::TYPE.into_owned(),
        iri("http://schema.org/Person").into(),
        &entities
    )?);
    assert!(has(
        &ent(LUMORA),
        &rdf::TYPE.into_owned(),
        iri("http://schema.org/Corporation").into(),
        &entities
    )?);
    assert!(has(
        &ent(MARTA),
        &rdfs::LABEL.into_owned(),
        Literal::new_simple_literal("Marta Ilves").into(),
        &entities
    )?);
    assert!(has(
        &ent(ESTOVIA),
        &iri("http://www.w3.org/2002/07/owl#sameAs"),
        iri("http://www.wikidata.org/entity/Q999001").into(),
        &entities
    )?);
    // Direct relation triple in the document graph; none for the negated one.
    assert!(has(&ent(MARTA), &kg("meets"), ent(KAITO).into(), &doc)?);
    assert!(has(
        &ent(LUMORA),
        &kg("sellsTo"),
        ent(ESTOVIA).into(),
        &doc
    )?);
    assert!(!has(
        &ent(ESTOVIA),
        &kg("sanctions"),
        ent(LUMORA).into(),
        &doc
    )?);
    assert!(has(&ent(MARTA), &kg("related"), ent(KAITO).into(), &doc)?);
    // Statement node with evidence.
    let st = iri(&format!("{BASE}doc/report-a#rel-0"));
    assert!(has(
        &st,
        &rdf::TYPE.into_owned(),
        kg("Statement").into(),
        &doc
    )?);
    assert!(has(&st, &kg("inDocument"), doc.clone().into(), &doc)?);
    assert!(has(
        &st,
        &kg("value"),
        iri(&format!("{BASE}doc/report-a#value-0")).into(),
        &doc
    )?);
    // Mention, NIF style.
    let (start, end) = span(&doc_a().doc.text, "Marta Ilves");
    let mention = iri(&format!("{BASE}doc/report-a#char={start},{end}"));
    let nif = |l: &str| {
        iri(&format!(
            "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#{l}"
        ))
    };
    assert!(has(
        &mention,
        &nif("anchorOf"),
        Literal::new_simple_literal("Marta Ilves").into(),
        &doc
    )?);
    assert!(has(
        &mention,
        &iri("http://www.w3.org/2005/11/its/rdf#taIdentRef"),
        ent(MARTA).into(),
        &doc
    )?);
    // Roles, W3C ORG.
    let post = iri(&format!("{BASE}post/{ESTOVIA}/prime-minister"));
    assert!(has(
        &ent(MARTA),
        &iri("http://www.w3.org/ns/org#holds"),
        post.clone().into(),
        &doc
    )?);
    assert!(has(
        &post,
        &iri("http://www.w3.org/ns/org#postIn"),
        ent(ESTOVIA).into(),
        &doc
    )?);
    // The ontology graph.
    let ontology = iri(&format!("{BASE}graph/ontology"));
    assert!(has(
        &kg("meets"),
        &rdfs::LABEL.into_owned(),
        Literal::new_simple_literal("meets").into(),
        &ontology
    )?);
    // Nothing in the default graph.
    assert_eq!(
        g.store()
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .count(),
        0
    );
    Ok(())
}

#[test]
fn quads_land_in_the_right_graphs_in_memory() -> TestResult {
    let g = Graph::in_memory()?;
    let report = g.load(&[doc_a()])?;
    assert_eq!(report.documents, 1);
    assert_eq!(report.relations, 4);
    assert_eq!(report.roles, 2);
    assert_eq!(report.quotes, 1);
    assert_eq!(report.values, 3);
    assert_eq!(report.entities.get(&EntityType::Person), Some(&2));
    assert_eq!(report.new_entities, 5);
    assert!(report.unknown_predicates.contains("lauds"));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(report.total_quads, g.len()?);
    assert_eq!(i64::try_from(report.total_quads)?, report.quads_added);
    check_contents(&g)
}

#[test]
fn quads_land_in_the_right_graphs_on_disk() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("store");
    let total = {
        let g = Graph::open(&path)?;
        g.load(&[doc_a()])?;
        check_contents(&g)?;
        g.flush()?;
        g.len()?
    };
    let g = Graph::open_read_only(&path)?;
    assert!(g.is_read_only());
    assert_eq!(g.len()?, total);
    check_contents(&g)?;
    assert_eq!(g.documents()?.len(), 1);
    Ok(())
}

#[test]
fn reloading_is_idempotent() -> TestResult {
    let g = Graph::in_memory()?;
    let first = g.load(&[doc_a(), doc_b()])?;
    let before = g.len()?;
    let again = g.load(&[doc_a(), doc_b()])?;
    assert_eq!(g.len()?, before);
    assert_eq!(again.quads_added, 0);
    assert_eq!(again.replaced_documents, 2);
    assert_eq!(again.new_entities, 0);
    assert_eq!(first.total_quads, again.total_quads);
    Ok(())
}

#[test]
fn a_second_document_adds_only_its_facts() -> TestResult {
    let g = Graph::in_memory()?;
    g.load(&[doc_a()])?;
    let doc_a_graph = iri(&format!("{BASE}doc/report-a"));
    let a_quads = graph_quads(&g, &doc_a_graph)?;
    let report = g.load(&[doc_b()])?;
    assert_eq!(
        graph_quads(&g, &doc_a_graph)?,
        a_quads,
        "doc A's graph must not change"
    );
    let b_quads = graph_quads(&g, &iri(&format!("{BASE}doc/report-b")))?;
    assert!(!b_quads.is_empty());
    assert_eq!(report.new_entities, 2, "Tomas Berg and Norland are new");
    assert_eq!(report.replaced_documents, 0);
    Ok(())
}

#[test]
fn replacing_a_document_drops_its_old_facts() -> TestResult {
    let g = Graph::in_memory()?;
    g.load(&[doc_a()])?;
    let mut changed = doc_a();
    changed.relations.truncate(1);
    changed.roles.clear();
    g.load(&[changed])?;
    let doc = iri(&format!("{BASE}doc/report-a"));
    let (lumora, sells_to, estovia) = (ent(LUMORA), kg("sellsTo"), ent(ESTOVIA));
    assert!(
        !g.store()
            .contains(QuadRef::new(&lumora, &sells_to, &estovia, &doc))?
    );
    assert!(
        g.store()
            .contains(QuadRef::new(&ent(MARTA), &kg("meets"), &ent(KAITO), &doc))?
    );
    Ok(())
}

#[test]
fn entity_names_merge_across_documents() -> TestResult {
    let g = Graph::in_memory()?;
    g.load(&[doc_a()])?;
    g.load(&[doc_b()])?;
    let known = g.known_entities()?;
    let estovia = known
        .iter()
        .find(|e| e.key == ESTOVIA)
        .ok_or("Estovia missing")?;
    // The longer name wins the label; the others become aliases.
    assert_eq!(estovia.label, "Estovia");
    assert_eq!(
        estovia.aliases,
        vec!["Estovian".to_owned(), "Republic of Estovia".to_owned()]
    );
    assert_eq!(estovia.wikidata.as_deref(), Some("Q999001"));
    assert_eq!(estovia.kind, EntityType::Country);
    let marta = known
        .iter()
        .find(|e| e.key == MARTA)
        .ok_or("Marta missing")?;
    assert_eq!(
        marta.aliases,
        vec!["Ilves".to_owned(), "Ms Ilves".to_owned()]
    );
    assert_eq!(known.len(), 7);

    // A longer canonical label replaces a shorter one, which becomes an alias.
    let mut x = doc_b();
    x.doc.id = "report-c".into();
    x.entities = vec![entity(EntityType::Person, "Tomas Berg-Aalto", &[], None)];
    x.entities[0].key = TOMAS.into();
    g.load(&[x])?;
    let known = g.known_entities()?;
    let tomas = known
        .iter()
        .find(|e| e.key == TOMAS)
        .ok_or("Tomas missing")?;
    assert_eq!(tomas.label, "Tomas Berg-Aalto");
    assert!(tomas.aliases.contains(&"Tomas Berg".to_owned()));
    let labels = g.store().quads_for_pattern(
        Some(ent(TOMAS).as_ref().into()),
        Some(rdfs::LABEL),
        None,
        None,
    );
    assert_eq!(labels.count(), 1, "one rdfs:label per entity");
    Ok(())
}

#[test]
fn dangling_references_are_reported_not_dropped() -> TestResult {
    let g = Graph::in_memory()?;
    let mut x = doc_a();
    x.relations[0].object = "Person/nobody".into();
    x.relations[0].values = vec![42];
    let report = g.load(&[x])?;
    assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
    assert!(report.warnings.iter().any(|w| w.contains("Person/nobody")));
    Ok(())
}

#[test]
fn a_failed_load_changes_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("store");
    let before = {
        let g = Graph::open(&path)?;
        g.load(&[doc_a()])?;
        g.len()?
    };
    {
        let g = Graph::open_read_only(&path)?;
        assert!(
            g.load(&[doc_b()]).is_err(),
            "a read-only store cannot be written"
        );
    }
    let g = Graph::open(&path)?;
    assert_eq!(g.len()?, before);
    Ok(())
}

#[test]
fn an_invalid_base_is_rejected() {
    assert!(matches!(
        kg_graph::BaseIri::new("no scheme"),
        Err(Error::InvalidBase { .. })
    ));
}

#[test]
fn a_custom_base_moves_the_data_not_the_vocabulary() -> TestResult {
    let g = Graph::in_memory()?.with_base(kg_graph::BaseIri::new("http://data.example.net/news")?);
    g.load(&[doc_a()])?;
    let doc = iri("http://data.example.net/news/doc/report-a");
    let marta = iri(&format!("http://data.example.net/news/entity/{MARTA}"));
    let kaito = iri(&format!("http://data.example.net/news/entity/{KAITO}"));
    assert!(
        g.store()
            .contains(&Quad::new(marta, kg("meets"), kaito, doc))?
    );
    assert_eq!(g.known_entities()?.len(), 5);
    Ok(())
}

#[test]
fn the_ontology_declares_every_predicate_the_extractor_produces() {
    for name in kg_schema::predicates().iter().map(|p| p.name) {
        let p = kg_graph::vocab::predicate(name);
        assert!(
            p.is_some_and(|p| p.name == name),
            "{name} is missing from the ontology"
        );
    }
}

#[test]
fn a_former_post_is_not_held() -> TestResult {
    let mut x = doc_a();
    for r in &mut x.roles {
        r.former = true;
    }
    let g = Graph::in_memory()?;
    g.load(&[x])?;
    let doc = iri(&format!("{BASE}doc/report-a"));
    let post = iri(&format!("{BASE}post/{ESTOVIA}/prime-minister"));
    let has = |p: &NamedNode| {
        g.store()
            .contains(QuadRef::new(&ent(MARTA), p, &post, &doc))
    };
    assert!(has(&kg("formerlyHeld"))?);
    assert!(!has(&iri("http://www.w3.org/ns/org#holds"))?);
    Ok(())
}
