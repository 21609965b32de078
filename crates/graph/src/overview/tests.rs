//! Cuts of hand-made graphs: stars, pairs and loners with made-up names.

use std::collections::HashSet;

use kg_schema::EntityType;
use petgraph::graph::NodeIndex;

use super::ViewLimits;
use crate::view::{EdgeKind, EntityGraph, EntityNode, RelationEdge};

/// Builds a view: `(label, type)` nodes, `(source, target, statements)` edges by node position.
fn graph(nodes: &[(&str, EntityType)], edges: &[(usize, usize, usize)]) -> EntityGraph {
    let mut view = EntityGraph::default();
    for (label, kind) in nodes {
        view.add_node(EntityNode {
            key: format!("{}/{}", kind.name(), label.to_lowercase().replace(' ', "-")),
            iri: format!("https://example.org/{label}"),
            label: (*label).to_owned(),
            kind: Some(*kind),
            aliases: Vec::new(),
            roles: Vec::new(),
        });
    }
    for &(a, b, statements) in edges {
        view.graph.add_edge(
            NodeIndex::new(a),
            NodeIndex::new(b),
            RelationEdge {
                kind: EdgeKind::Relation,
                predicate: "meets".to_owned(),
                label: "meets".to_owned(),
                statements,
                documents: statements,
            },
        );
    }
    view
}

/// A person linked to `n` others (person `i` by `i + 1` statements), two loners, and a pair
/// of countries.
fn star(n: usize) -> EntityGraph {
    let names: Vec<String> = (0..n).map(|i| format!("Guest {i}")).collect();
    let mut nodes = vec![("Hub Person", EntityType::Person)];
    nodes.extend(names.iter().map(|s| (s.as_str(), EntityType::Person)));
    nodes.push(("Loner One", EntityType::Person));
    nodes.push(("Loner Two", EntityType::City));
    nodes.push(("Northland", EntityType::Country));
    nodes.push(("Southland", EntityType::Country));
    let mut edges: Vec<(usize, usize, usize)> = (1..=n).map(|i| (0, i, i)).collect();
    edges.push((n + 3, n + 4, 1));
    graph(&nodes, &edges)
}

fn labels(view: &EntityGraph) -> HashSet<String> {
    view.graph.node_weights().map(|n| n.label.clone()).collect()
}

fn limits(top: usize) -> ViewLimits {
    ViewLimits {
        top,
        ..ViewLimits::default()
    }
}

#[test]
fn top_caps_the_entities_and_keeps_the_best_ranked() {
    let view = star(30);
    let (sub, sel) = view.overview(&limits(10));
    assert_eq!(sub.node_count(), 10);
    assert_eq!(sel.shown, 10);
    let shown = labels(&sub);
    assert!(shown.contains("Hub Person"), "{shown:?}");
    // The strongest guests rank highest after the hub.
    assert!(
        shown.contains("Guest 29") && !shown.contains("Guest 0"),
        "{shown:?}"
    );
    assert!(
        sel.caption()
            .starts_with("top 10 of 35 entities by PageRank")
    );
    assert_eq!(
        sel.entities,
        sel.shown + sel.other_types + sel.without_links + sel.ranked_lower
    );
}

#[test]
fn entities_without_links_are_left_out_and_counted() {
    let (sub, sel) = star(5).overview(&limits(0));
    let shown = labels(&sub);
    assert!(!shown.contains("Loner One") && !shown.contains("Loner Two"));
    assert_eq!(sel.without_links, 2);
    assert_eq!(sel.shown, 8, "hub, five guests and the two countries");
    assert!(
        sel.caption().contains("left out: 2 without links"),
        "{}",
        sel.caption()
    );
    for ix in sub.graph.node_indices() {
        assert!(sub.degree(ix) > 0, "{} drawn alone", sub.graph[ix].label);
    }
}

#[test]
fn every_drawn_entity_is_linked_to_another_drawn_one() {
    // Three pairs; the best-ranked entity of each pair is ranked above the other members.
    let nodes = [
        ("A1", EntityType::Person),
        ("B1", EntityType::Person),
        ("C1", EntityType::Person),
        ("A2", EntityType::Person),
        ("B2", EntityType::Person),
        ("C2", EntityType::Person),
    ];
    let view = graph(&nodes, &[(0, 3, 1), (1, 4, 1), (2, 5, 1)]);
    let (sub, sel) = view.overview(&limits(3));
    assert!(sel.shown <= 3);
    for ix in sub.graph.node_indices() {
        assert!(sub.degree(ix) > 0, "{} drawn alone", sub.graph[ix].label);
    }
    assert_eq!(sel.shown, 2);
}

#[test]
fn types_keep_only_those_entities() {
    let (sub, sel) = star(5).overview(&ViewLimits {
        types: vec![EntityType::Country],
        ..limits(50)
    });
    assert_eq!(
        labels(&sub),
        HashSet::from(["Northland".into(), "Southland".into()])
    );
    assert_eq!(sel.other_types, 8);
    assert!(sel.caption().contains("only Country"), "{}", sel.caption());
    assert!(
        sel.caption().contains("8 of other types"),
        "{}",
        sel.caption()
    );
}

#[test]
fn min_weight_drops_light_links() {
    // Guest i is linked by i + 1 statements; two edges between the countries add up to 2.
    let mut view = star(4);
    let (north, south) = (NodeIndex::new(7), NodeIndex::new(8));
    let again = view.graph[view.graph.find_edge(north, south).expect("edge")].clone();
    view.graph.add_edge(south, north, again);
    let (sub, sel) = view.overview(&ViewLimits {
        min_weight: 3,
        ..limits(50)
    });
    assert_eq!(
        labels(&sub),
        HashSet::from(["Hub Person".into(), "Guest 2".into(), "Guest 3".into()])
    );
    assert!(sub.graph.edge_weights().all(|e| e.statements >= 3));
    assert_eq!(sel.without_links, 6);
    assert!(sel.caption().contains("links of >= 3 statements"));
    let (sub, _) = view.overview(&ViewLimits {
        min_weight: 2,
        ..limits(50)
    });
    assert!(labels(&sub).contains("Northland"), "both directions count");
}

#[test]
fn focus_keeps_its_strongest_neighbours() {
    let view = star(200);
    let hub = NodeIndex::new(0);
    let (sub, sel) = view.focus_view(hub, 1, &limits(20));
    assert_eq!(sub.node_count(), 21, "the focus and 20 neighbours");
    let shown = labels(&sub);
    assert!(shown.contains("Hub Person") && shown.contains("Guest 199"));
    assert!(
        !shown.contains("Guest 179"),
        "the 21st strongest is left out"
    );
    let focus = sel.focus.as_ref().expect("a focus summary");
    assert_eq!((focus.neighbours, focus.kept), (200, 20));
    let caption = sel.caption();
    assert!(
        caption.starts_with("Hub Person: 1 hop, the 20 strongest of 200 neighbours"),
        "{caption}"
    );
    assert!(caption.contains("180 weaker neighbours"), "{caption}");
    // Without a cap every neighbour stays, and the caption does not speak of strength.
    let (sub, sel) = view.focus_view(hub, 1, &limits(0));
    assert_eq!(sub.node_count(), 201);
    assert!(!sel.caption().contains("strongest"));
}

#[test]
fn focus_at_two_hops_fills_the_cap_nearest_first() {
    // Hub - A (3 statements) - C (4); hub - B (1) - D (1).
    let nodes = [
        ("Hub", EntityType::Person),
        ("A", EntityType::Person),
        ("B", EntityType::Person),
        ("C", EntityType::City),
        ("D", EntityType::City),
    ];
    let view = graph(&nodes, &[(0, 1, 3), (0, 2, 1), (1, 3, 4), (2, 4, 1)]);
    let (sub, sel) = view.focus_view(NodeIndex::new(0), 2, &limits(3));
    assert_eq!(
        labels(&sub),
        HashSet::from(["Hub".into(), "A".into(), "B".into(), "C".into()])
    );
    assert_eq!(sel.focus.map(|f| f.neighbours), Some(4));
}
