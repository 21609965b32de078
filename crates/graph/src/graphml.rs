//! GraphML of the entity graph, for Gephi, Cytoscape, yEd and networkx.
//!
//! One `<node>` per entity (its id is the entity key), one directed `<edge>` per merged relation
//! or role. Every attribute is declared once with a `<key>` and its `attr.type`; an attribute
//! without a value is left out of its node or edge. GraphML has no list type: aliases, roles and
//! documents are joined with `"; "`.

use std::io::{self, Write};

use crate::error::{Error, Result};
use crate::property_graph::{GraphExportReport, PropertyGraph, kind_name};
use crate::store::Graph;

/// A declared attribute: `<key id=.. for=.. attr.name=.. attr.type=..>`.
struct Key {
    id: &'static str,
    domain: &'static str,
    name: &'static str,
    kind: &'static str,
}

const fn key(
    id: &'static str,
    domain: &'static str,
    name: &'static str,
    kind: &'static str,
) -> Key {
    Key {
        id,
        domain,
        name,
        kind,
    }
}

// Gephi takes `label` as the display label of nodes and edges and `weight` as the edge weight.
const KEYS: &[Key] = &[
    key("n_label", "node", "label", "string"),
    key("n_type", "node", "type", "string"),
    key("n_iri", "node", "iri", "string"),
    key("n_aliases", "node", "aliases", "string"),
    key("n_roles", "node", "roles", "string"),
    key("n_wikidata", "node", "wikidata", "string"),
    key("n_mentions", "node", "mentions", "int"),
    key("n_degree", "node", "degree", "int"),
    key("e_label", "edge", "label", "string"),
    key("e_predicate", "edge", "predicate", "string"),
    key("e_kind", "edge", "kind", "string"),
    key("e_weight", "edge", "weight", "int"),
    key("e_confidence", "edge", "confidence", "double"),
    key("e_document_count", "edge", "document_count", "int"),
    key("e_documents", "edge", "documents", "string"),
];

impl Graph {
    /// Writes the entity graph as GraphML (see the crate README for the attributes).
    pub fn export_graphml(&self, out: &mut dyn Write) -> Result<GraphExportReport> {
        let graph = self.property_graph()?;
        write_graphml(&graph, out).map_err(Error::write("the GraphML export"))?;
        Ok(graph.report())
    }
}

/// Writes `graph` as a GraphML document.
pub(crate) fn write_graphml(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for k in KEYS {
        writeln!(
            out,
            r#"  <key id="{}" for="{}" attr.name="{}" attr.type="{}"/>"#,
            k.id, k.domain, k.name, k.kind
        )?;
    }
    writeln!(out, r#"  <graph id="kg" edgedefault="directed">"#)?;
    for n in &graph.entities {
        writeln!(out, r#"    <node id="{}">"#, escape(&n.id))?;
        data(out, "n_label", Some(n.label.as_str()))?;
        data(out, "n_type", n.kind.map(|k| k.name()))?;
        data(out, "n_iri", Some(n.iri.as_str()))?;
        data(out, "n_aliases", list(&n.aliases).as_deref())?;
        data(out, "n_roles", list(&n.roles).as_deref())?;
        data(out, "n_wikidata", n.wikidata.as_deref())?;
        data(out, "n_mentions", Some(n.mentions.to_string().as_str()))?;
        data(out, "n_degree", Some(n.degree.to_string().as_str()))?;
        writeln!(out, "    </node>")?;
    }
    for (i, e) in graph.relations.iter().enumerate() {
        writeln!(
            out,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            escape(&e.source),
            escape(&e.target)
        )?;
        data(out, "e_label", Some(e.label.as_str()))?;
        data(out, "e_predicate", Some(e.predicate.as_str()))?;
        data(out, "e_kind", Some(kind_name(e.kind)))?;
        data(out, "e_weight", Some(e.statements.to_string().as_str()))?;
        let confidence = e
            .confidence
            .filter(|c| c.is_finite())
            .map(|c| c.to_string());
        data(out, "e_confidence", confidence.as_deref())?;
        data(
            out,
            "e_document_count",
            Some(e.documents.len().to_string().as_str()),
        )?;
        data(out, "e_documents", list(&e.documents).as_deref())?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

fn data(out: &mut dyn Write, key: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(v) => writeln!(out, r#"      <data key="{key}">{}</data>"#, escape(v)),
        None => Ok(()),
    }
}

/// The items joined with `"; "`, or `None` when there are none.
fn list(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join("; "))
}

/// Text as XML character data or as an attribute value.
///
/// The five markup characters become entities; tabs and line breaks become character
/// references, which attribute values would otherwise turn into spaces; characters XML 1.0 does
/// not allow (control characters, U+FFFE, U+FFFF) become U+FFFD.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use quick_xml::events::Event;

    use super::*;
    use crate::property_graph::{EntityRecord, RelationRecord};
    use crate::view::EdgeKind;

    #[test]
    fn markup_characters_become_entities() {
        assert_eq!(
            escape(r#"Smith & Sons <Ltd> "quoted" it's"#),
            "Smith &amp; Sons &lt;Ltd&gt; &quot;quoted&quot; it&apos;s"
        );
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn line_breaks_survive_and_forbidden_characters_are_replaced() {
        assert_eq!(escape("a\nb\tc\r"), "a&#10;b&#9;c&#13;");
        assert_eq!(escape("bell\u{7}nul\u{0}"), "bell\u{fffd}nul\u{fffd}");
        assert_eq!(escape("\u{ffff}"), "\u{fffd}");
    }

    #[test]
    fn non_ascii_is_kept_as_is() {
        assert_eq!(escape("Zoë Ngô Đức 東京"), "Zoë Ngô Đức 東京");
    }

    fn awkward_graph() -> PropertyGraph {
        let a = EntityRecord {
            id: "Company/a-&-b".to_owned(),
            iri: "https://kg.example.org/entity/Company/a-%26-b".to_owned(),
            label: "A & B <\"Holdings\">".to_owned(),
            aliases: vec!["A&B".to_owned(), "line\nbreak".to_owned()],
            mentions: 3,
            degree: 1,
            ..EntityRecord::default()
        };
        let b = EntityRecord {
            id: "Person/zoë-ngô".to_owned(),
            iri: "https://kg.example.org/entity/Person/zo%C3%AB-ng%C3%B4".to_owned(),
            label: "Zoë Ngô's".to_owned(),
            wikidata: Some("Q1".to_owned()),
            degree: 1,
            ..EntityRecord::default()
        };
        PropertyGraph {
            entities: vec![a, b],
            relations: vec![RelationRecord {
                source: "Person/zoë-ngô".to_owned(),
                target: "Company/a-&-b".to_owned(),
                kind: EdgeKind::Role,
                predicate: "holds".to_owned(),
                label: "Chair & CEO".to_owned(),
                statements: 2,
                confidence: Some(0.75),
                documents: vec!["d1".to_owned(), "d2".to_owned()],
            }],
        }
    }

    type Element = (String, Vec<(String, String)>, String);

    fn element(e: &quick_xml::events::BytesStart<'_>) -> Element {
        let attrs = e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                let v = a.unescape_value().expect("escaped value").into_owned();
                (String::from_utf8_lossy(a.key.as_ref()).into_owned(), v)
            })
            .collect();
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        (name, attrs, String::new())
    }

    /// (element name, attributes, text) of every element, read back by an XML parser.
    fn read(xml: &str) -> Vec<Element> {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut out: Vec<Element> = Vec::new();
        // The element whose text is being read: the last one started and not yet ended.
        let mut open = None;
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) => {
                    out.push(element(&e));
                    open = Some(out.len() - 1);
                }
                Event::Empty(e) => {
                    out.push(element(&e));
                    open = None;
                }
                Event::End(_) => open = None,
                Event::Text(t) => {
                    if let Some(el) = open.and_then(|i| out.get_mut(i)) {
                        el.2.push_str(&t.unescape().expect("escaped text"));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    #[test]
    fn awkward_names_round_trip_through_an_xml_parser() {
        let mut bytes = Vec::new();
        write_graphml(&awkward_graph(), &mut bytes).expect("written");
        let xml = String::from_utf8(bytes).expect("UTF-8");
        let elements = read(&xml);
        let attr =
            |el: &Element, name: &str| el.1.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let nodes: Vec<_> = elements.iter().filter(|e| e.0 == "node").collect();
        assert_eq!(nodes.len(), 2);
        assert_eq!(attr(nodes[0], "id").as_deref(), Some("Company/a-&-b"));
        assert_eq!(attr(nodes[1], "id").as_deref(), Some("Person/zoë-ngô"));
        let texts: Vec<&str> = elements
            .iter()
            .filter(|e| e.0 == "data")
            .map(|e| e.2.as_str())
            .collect();
        assert!(texts.contains(&"A & B <\"Holdings\">"), "{texts:?}");
        assert!(texts.contains(&"A&B; line\nbreak"), "{texts:?}");
        assert!(texts.contains(&"Zoë Ngô's"));
        assert!(texts.contains(&"Chair & CEO"));
        assert!(texts.contains(&"0.75"));
        let edge = elements.iter().find(|e| e.0 == "edge").expect("one edge");
        assert_eq!(attr(edge, "source").as_deref(), Some("Person/zoë-ngô"));
        assert_eq!(attr(edge, "target").as_deref(), Some("Company/a-&-b"));
        // Every data element names a declared key.
        let keys: Vec<String> = elements
            .iter()
            .filter(|e| e.0 == "key")
            .filter_map(|e| attr(e, "id"))
            .collect();
        assert_eq!(keys.len(), KEYS.len());
        for d in elements.iter().filter(|e| e.0 == "data") {
            let k = attr(d, "key").expect("data has a key");
            assert!(keys.contains(&k), "{k} is not declared");
        }
    }
}
