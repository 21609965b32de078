//! The petgraph view, lookups, stats and DOT.

mod common;

use common::*;
use kg_graph::{EdgeKind, EntityGraph, Error, Graph, ImageFormat, Lookup, RenderOptions};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn view() -> Result<EntityGraph, Box<dyn std::error::Error>> {
    let g = Graph::in_memory()?;
    g.load(&[doc_a(), doc_b()])?;
    Ok(g.entity_graph()?)
}

#[test]
fn entities_become_nodes_and_relations_edges() -> TestResult {
    let v = view()?;
    assert_eq!(v.node_count(), 7);
    let marta = v.index_of(MARTA).ok_or("no Marta")?;
    let kaito = v.index_of(KAITO).ok_or("no Kaito")?;
    let edges: Vec<_> = v
        .graph()
        .edges_connecting(marta, kaito)
        .map(|e| e.weight().clone())
        .collect();
    assert!(
        edges
            .iter()
            .any(|e| e.predicate == "meets" && e.statements == 1 && e.documents == 1)
    );
    assert!(
        edges
            .iter()
            .any(|e| e.predicate == "related" && e.label == "lauded")
    );
    // Negated relations are left out.
    let estovia = v.index_of(ESTOVIA).ok_or("no Estovia")?;
    let lumora = v.index_of(LUMORA).ok_or("no Lumora")?;
    assert_eq!(v.graph().edges_connecting(estovia, lumora).count(), 0);
    // Roles: person -> org labelled by the title; org-less titles on the node.
    let role = v
        .graph()
        .edges_connecting(marta, estovia)
        .next()
        .ok_or("no role edge")?;
    assert_eq!(role.weight().kind, EdgeKind::Role);
    assert_eq!(role.weight().label, "Prime Minister");
    assert_eq!((role.weight().statements, role.weight().documents), (2, 2));
    let tomas = v.index_of(TOMAS).ok_or("no Tomas")?;
    assert_eq!(
        v.node(tomas).ok_or("no node")?.roles,
        vec!["Envoy".to_owned()]
    );
    Ok(())
}

#[test]
fn stats_count_rank_and_group() -> TestResult {
    let v = view()?;
    let s = v.stats(3);
    assert_eq!(s.entities, 7);
    assert_eq!(s.by_type.get("Person"), Some(&3));
    assert_eq!(s.by_type.get("Country"), Some(&2));
    assert_eq!(s.by_predicate.get("meets"), Some(&2));
    assert_eq!(s.most_connected.len(), 3);
    assert_eq!(s.most_connected[0].key, MARTA, "{:?}", s.most_connected);
    assert_eq!(s.page_rank.len(), 3);
    let total: f64 = v.page_rank().iter().sum();
    assert!((total - 1.0).abs() < 1e-6);
    // Port Sella is mentioned but in no relation.
    assert_eq!(s.isolated, 1);
    assert_eq!(s.components, 2);
    assert_eq!(s.largest_component, 6);
    Ok(())
}

#[test]
fn find_matches_labels_aliases_and_single_words() -> TestResult {
    let v = view()?;
    let marta = v.index_of(MARTA).ok_or("no Marta")?;
    assert_eq!(v.find("Marta Ilves"), Lookup::Found(vec![marta]));
    assert_eq!(v.find("marta ILVES"), Lookup::Found(vec![marta]));
    assert_eq!(v.find("Ilves"), Lookup::Found(vec![marta]));
    assert_eq!(v.find("Ms Ilves"), Lookup::Found(vec![marta]));
    assert_eq!(v.find(MARTA), Lookup::Found(vec![marta]));
    assert_eq!(v.resolve("Lumora")?, v.index_of(LUMORA).ok_or("no Lumora")?);
    assert_eq!(
        v.resolve("Republic of Estovia")?,
        v.index_of(ESTOVIA).ok_or("no Estovia")?
    );
    Ok(())
}

#[test]
fn unknown_names_get_suggestions() -> TestResult {
    let v = view()?;
    match v.find("Ilvas") {
        Lookup::Suggestions(s) => {
            assert_eq!(s.first().map(String::as_str), Some("Marta Ilves (Person)"))
        }
        other => panic!("expected suggestions, got {other:?}"),
    }
    match v.resolve("Estovai") {
        Err(Error::UnknownEntity { suggestions, .. }) => {
            assert!(suggestions.contains(&"Estovia (Country)".to_owned()))
        }
        other => panic!("expected UnknownEntity, got {other:?}"),
    }
    assert_eq!(v.find("zzzzzzzz"), Lookup::Suggestions(vec![]));
    assert_eq!(v.find(""), Lookup::Suggestions(vec![]));
    Ok(())
}

#[test]
fn ambiguous_names_list_candidates() -> TestResult {
    let v = view()?;
    match v.resolve("a") {
        Err(Error::UnknownEntity { .. }) | Err(Error::AmbiguousEntity { .. }) => {}
        other => panic!("one letter should not resolve: {other:?}"),
    }
    let g = Graph::in_memory()?;
    let mut x = doc_b();
    x.entities[0].aliases.clear(); // no exact "Berg" alias: both people match by one word
    x.entities.push(entity(
        kg_schema::EntityType::Person,
        "Anna Berg",
        &[],
        None,
    ));
    g.load(&[x])?;
    let v = g.entity_graph()?;
    match v.resolve("Berg") {
        Err(Error::AmbiguousEntity { candidates, .. }) => assert_eq!(candidates.len(), 2),
        other => panic!("expected AmbiguousEntity, got {other:?}"),
    }
    Ok(())
}

#[test]
fn neighbourhoods_and_paths() -> TestResult {
    let v = view()?;
    let kaito = v.index_of(KAITO).ok_or("no Kaito")?;
    let near = v.neighbourhood(kaito, 1);
    let keys: Vec<&str> = near
        .graph()
        .node_weights()
        .map(|n| n.key.as_str())
        .collect();
    assert!(
        keys.contains(&MARTA) && keys.contains(&LUMORA) && !keys.contains(&NORLAND),
        "{keys:?}"
    );
    assert_eq!(v.neighbourhood(kaito, 0).node_count(), 1);
    let norland = v.index_of(NORLAND).ok_or("no Norland")?;
    let path = v.shortest_path(kaito, norland).ok_or("no path")?;
    let walked: Vec<&str> = std::iter::once(path[0].from)
        .chain(path.iter().map(|s| s.to))
        .map(|ix| v.node(ix).map_or("?", |n| n.key.as_str()))
        .collect();
    assert_eq!(walked, vec![KAITO, MARTA, TOMAS, NORLAND]);
    assert!(!path[0].forward, "Marta met Kaito: walked backwards");
    let port = v.index_of(PORT_SELLA).ok_or("no Port Sella")?;
    assert_eq!(v.shortest_path(kaito, port), None);
    assert_eq!(v.shortest_path(kaito, kaito), Some(vec![]));
    Ok(())
}

#[test]
fn dot_has_nodes_edges_and_legend() -> TestResult {
    let v = view()?;
    let options = RenderOptions {
        title: Some("Estovia \"visit\"".into()),
        focus: Some(MARTA.into()),
        ..RenderOptions::default()
    };
    let dot = kg_graph::to_dot(&v, &options);
    assert!(dot.starts_with("digraph kg {"), "{dot}");
    assert!(dot.contains("rankdir=\"LR\""));
    assert!(dot.contains("label=\"Marta Ilves\""));
    assert!(dot.contains("label=\"Tomas Berg\\nEnvoy\""), "{dot}");
    assert!(dot.contains("label=\"meets\""));
    assert!(dot.contains("label=\"Prime Minister (2)\""));
    assert!(dot.contains("style=\"dashed\""));
    assert!(dot.contains("subgraph cluster_legend"));
    assert!(dot.contains("label=\"Company\""));
    assert!(
        dot.contains("label=\"Estovia \\\"visit\\\"\""),
        "quotes escaped"
    );
    assert!(dot.contains("peripheries=2"), "focus highlighted");
    assert_eq!(dot.matches(" -> ").count(), v.edge_count());
    // graphviz-rust can read back what it printed.
    graphviz_rust::parse(&dot).map_err(|e| format!("unparseable DOT: {e}\n{dot}"))?;
    let bare = kg_graph::to_dot(
        &EntityGraph::default(),
        &RenderOptions {
            legend: true,
            ..RenderOptions::default()
        },
    );
    assert!(!bare.contains("cluster_legend"));
    Ok(())
}

#[test]
fn missing_graphviz_is_a_clear_error() {
    let err = kg_graph::render_image_with(
        "/nonexistent/kg-test/dot",
        "digraph { a }",
        ImageFormat::Svg,
    );
    match err {
        Err(e @ Error::DotNotFound) => {
            assert!(
                e.to_string()
                    .contains("install the `graphviz` package (apt-get install graphviz)")
            );
        }
        other => panic!("expected DotNotFound, got {other:?}"),
    }
}

#[test]
fn svg_and_png_render_when_graphviz_is_installed() -> TestResult {
    let v = view()?;
    let dot = kg_graph::to_dot(&v, &RenderOptions::default());
    match kg_graph::render_image(&dot, ImageFormat::Svg) {
        Err(Error::DotNotFound) => return Ok(()), // nothing to check on this machine
        Err(e) => return Err(e.into()),
        Ok(svg) => assert!(String::from_utf8(svg)?.contains("<svg")),
    }
    let png = kg_graph::render_image(&dot, ImageFormat::Png)?;
    assert!(png.starts_with(b"\x89PNG"));
    match kg_graph::render_image("digraph {", ImageFormat::Svg) {
        Err(Error::Dot { stderr, .. }) => assert!(!stderr.is_empty()),
        other => panic!("expected a dot failure, got {other:?}"),
    }
    assert_eq!(ImageFormat::from_name(".SVG"), Some(ImageFormat::Svg));
    Ok(())
}
