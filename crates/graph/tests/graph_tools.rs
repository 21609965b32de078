//! GraphML and Neo4j CSV of the entity graph, read back by an XML and a CSV parser.

mod common;

use std::collections::BTreeMap;

use common::*;
use kg_graph::{Graph, NEO4J_NODE_HEADER, NEO4J_RELATIONSHIP_HEADER};
use quick_xml::events::Event;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn graph() -> Result<Graph, Box<dyn std::error::Error>> {
    let g = Graph::in_memory()?;
    g.load(&[doc_a(), doc_b()])?;
    Ok(g)
}

/// A node or an edge as GraphML describes it: its XML attributes and its data by attribute name.
#[derive(Debug, Default)]
struct Item {
    attrs: BTreeMap<String, String>,
    data: BTreeMap<String, String>,
}

/// The nodes and edges of a GraphML document, with the `<key>` declarations resolved.
fn read_graphml(xml: &str) -> Result<(Vec<Item>, Vec<Item>), Box<dyn std::error::Error>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    let mut current: Option<(bool, Item)> = None;
    let mut data_key: Option<String> = None;
    loop {
        match reader.read_event()? {
            Event::Start(e) | Event::Empty(e) => {
                let mut attrs = BTreeMap::new();
                for a in e.attributes() {
                    let a = a?;
                    attrs.insert(
                        String::from_utf8(a.key.as_ref().to_vec())?,
                        a.unescape_value()?.into_owned(),
                    );
                }
                match e.name().as_ref() {
                    b"key" => {
                        names.insert(attrs["id"].clone(), attrs["attr.name"].clone());
                    }
                    b"node" => {
                        current = Some((
                            true,
                            Item {
                                attrs,
                                ..Item::default()
                            },
                        ))
                    }
                    b"edge" => {
                        current = Some((
                            false,
                            Item {
                                attrs,
                                ..Item::default()
                            },
                        ))
                    }
                    b"data" => data_key = Some(names[&attrs["key"]].clone()),
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let (Some(key), Some((_, item))) = (&data_key, &mut current) {
                    item.data.insert(key.clone(), t.unescape()?.into_owned());
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"data" => data_key = None,
                b"node" | b"edge" => match current.take() {
                    Some((true, item)) => nodes.push(item),
                    Some((false, item)) => edges.push(item),
                    None => {}
                },
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((nodes, edges))
}

#[test]
fn graphml_holds_the_entity_graph_with_its_attributes() -> TestResult {
    let g = graph()?;
    let view = g.entity_graph()?;
    let mut out = Vec::new();
    let report = g.export_graphml(&mut out)?;
    let xml = String::from_utf8(out)?;
    assert!(xml.contains(r#"edgedefault="directed""#));
    let (nodes, edges) = read_graphml(&xml)?;
    assert_eq!(nodes.len(), view.node_count());
    assert_eq!(edges.len(), view.edge_count());
    assert_eq!(
        (report.entities, report.relations),
        (nodes.len(), edges.len())
    );

    let node = |key: &str| nodes.iter().find(|n| n.attrs["id"] == key);
    let marta = node(MARTA).ok_or("no Marta")?;
    assert_eq!(marta.data["label"], "Marta Ilves");
    assert_eq!(marta.data["type"], "Person");
    assert_eq!(marta.data["aliases"], "Ilves; Ms Ilves");
    assert_eq!(marta.data["mentions"], "2");
    assert!(!marta.data.contains_key("wikidata"));
    let estovia = node(ESTOVIA).ok_or("no Estovia")?;
    assert_eq!(estovia.data["wikidata"], "Q999001");
    assert_eq!(node(TOMAS).ok_or("no Tomas")?.data["roles"], "Envoy");

    // The role said in both reports: one edge, two statements, both documents.
    let role = edges
        .iter()
        .find(|e| e.attrs["source"] == MARTA && e.attrs["target"] == ESTOVIA)
        .ok_or("no role edge")?;
    assert_eq!(role.data["kind"], "role");
    assert_eq!(role.data["label"], "Prime Minister");
    assert_eq!(role.data["weight"], "2");
    assert_eq!(role.data["document_count"], "2");
    assert_eq!(role.data["documents"], "report-a; report-b");
    assert_eq!(role.data["confidence"], "0.8");
    // Every edge found its statements: documents and confidence for all.
    for e in &edges {
        assert!(e.data.contains_key("confidence"), "{e:?}");
        assert_ne!(e.data["document_count"], "0", "{e:?}");
    }
    let lauds = edges
        .iter()
        .find(|e| e.data["label"] == "lauded")
        .ok_or("no open relation")?;
    assert_eq!(lauds.data["predicate"], "related");
    Ok(())
}

fn read_csv(bytes: &[u8]) -> Result<(Vec<String>, Vec<Vec<String>>), csv::Error> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers()?.iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<Result<_, _>>()?;
    Ok((header, rows))
}

#[test]
fn neo4j_csv_holds_the_entity_graph_with_typed_headers() -> TestResult {
    let g = graph()?;
    let view = g.entity_graph()?;
    let (mut nodes, mut relationships) = (Vec::new(), Vec::new());
    let report = g.export_neo4j(&mut nodes, &mut relationships)?;
    let (header, rows) = read_csv(&nodes)?;
    assert_eq!(header, NEO4J_NODE_HEADER);
    assert_eq!(rows.len(), view.node_count());
    assert_eq!(report.entities, rows.len());
    let col = |name: &str| header.iter().position(|h| h == name).ok_or(name.to_owned());
    let marta = rows.iter().find(|r| r[0] == MARTA).ok_or("no Marta")?;
    assert_eq!(marta[col("name")?], "Marta Ilves");
    assert_eq!(marta[col("aliases:string[]")?], "Ilves;Ms Ilves");
    assert_eq!(marta[col(":LABEL")?], "Entity;Person");

    let (header, rows) = read_csv(&relationships)?;
    assert_eq!(header, NEO4J_RELATIONSHIP_HEADER);
    assert_eq!(rows.len(), view.edge_count());
    let meets = rows
        .iter()
        .find(|r| r[0] == TOMAS && r[1] == MARTA)
        .ok_or("no meeting")?;
    assert_eq!(meets[2], "MEETS");
    let role = rows
        .iter()
        .find(|r| r[0] == MARTA && r[1] == ESTOVIA)
        .ok_or("no role")?;
    assert_eq!(role[2], "HOLDS");
    assert_eq!(role[3], "Prime Minister");
    assert_eq!(role[6..], ["2", "0.8", "2", "report-a;report-b"]);
    // Every relationship joins two node ids.
    let (_, node_rows) = read_csv(&nodes)?;
    for r in &rows {
        for id in &r[..2] {
            assert!(node_rows.iter().any(|n| &n[0] == id), "{id} is not a node");
        }
    }
    Ok(())
}
