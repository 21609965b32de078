//! CSV files of the entity graph in the shape `neo4j-admin database import full` reads.
//!
//! Two files with typed headers: nodes (`id:ID`, properties, `:LABEL`) and relationships
//! (`:START_ID`, `:END_ID`, `:TYPE`, properties). Arrays are joined with `;`, neo4j-admin's default
//! array delimiter, and labels too (`Entity;Person`). neo4j-admin has no escape for the array
//! delimiter and rejects line breaks in fields unless told `--multiline-fields=true`, so a `;`
//! inside an array item becomes `,` and line breaks become spaces; everything else is kept, with
//! the usual CSV quoting (a field with `,` or `"` in double quotes, `"` doubled).

use std::io::{self, Write};

use crate::error::{Error, Result};
use crate::property_graph::{GraphExportReport, PropertyGraph, kind_name};
use crate::store::Graph;

/// The header of the node file.
pub const NEO4J_NODE_HEADER: [&str; 10] = [
    "id:ID",
    "name",
    "type",
    "aliases:string[]",
    "roles:string[]",
    "wikidata",
    "iri",
    "mentions:int",
    "degree:int",
    ":LABEL",
];

/// The header of the relationship file.
pub const NEO4J_RELATIONSHIP_HEADER: [&str; 10] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "label",
    "predicate",
    "kind",
    "weight:int",
    "confidence:double",
    "document_count:int",
    "documents:string[]",
];

/// The label every entity node has, besides the label of its type.
pub const NEO4J_ENTITY_LABEL: &str = "Entity";

impl Graph {
    /// Writes the entity graph as Neo4j import CSV: entities to `nodes`, relations and roles to
    /// `relationships`.
    pub fn export_neo4j(
        &self,
        nodes: &mut dyn Write,
        relationships: &mut dyn Write,
    ) -> Result<GraphExportReport> {
        let graph = self.property_graph()?;
        write_nodes(&graph, nodes).map_err(Error::write("the Neo4j node file"))?;
        write_relationships(&graph, relationships)
            .map_err(Error::write("the Neo4j relationship file"))?;
        Ok(graph.report())
    }
}

pub(crate) fn write_nodes(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(NEO4J_NODE_HEADER)?;
    for n in &graph.entities {
        let kind = n.kind.map(|k| k.name()).unwrap_or_default();
        let labels = match n.kind {
            Some(k) => format!("{NEO4J_ENTITY_LABEL};{}", k.name()),
            None => NEO4J_ENTITY_LABEL.to_owned(),
        };
        csv.write_record([
            field(&n.id),
            field(&n.label),
            kind.to_owned(),
            array(&n.aliases),
            array(&n.roles),
            n.wikidata.as_deref().map(field).unwrap_or_default(),
            field(&n.iri),
            n.mentions.to_string(),
            n.degree.to_string(),
            labels,
        ])?;
    }
    csv.flush()
}

pub(crate) fn write_relationships(graph: &PropertyGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(NEO4J_RELATIONSHIP_HEADER)?;
    for e in &graph.relations {
        let confidence = e.confidence.filter(|c| c.is_finite());
        csv.write_record([
            field(&e.source),
            field(&e.target),
            relationship_type(&e.predicate),
            field(&e.label),
            field(&e.predicate),
            kind_name(e.kind).to_owned(),
            e.statements.to_string(),
            confidence.map(|c| c.to_string()).unwrap_or_default(),
            e.documents.len().to_string(),
            array(&e.documents),
        ])?;
    }
    csv.flush()
}

/// A property value on one line: line breaks become spaces.
fn field(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

/// Array items joined with `;`, a `;` inside an item turned into `,`.
fn array(items: &[String]) -> String {
    items
        .iter()
        .map(|item| field(item).replace(';', ","))
        .collect::<Vec<_>>()
        .join(";")
}

/// A relationship type in Neo4j's UPPER_SNAKE_CASE: `basedIn` -> `BASED_IN`, `holds` -> `HOLDS`.
pub(crate) fn relationship_type(predicate: &str) -> String {
    let mut out = String::with_capacity(predicate.len() + 4);
    let mut previous: Option<char> = None;
    for c in predicate.chars() {
        if c.is_alphanumeric() {
            let word_starts = c.is_uppercase()
                && previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit());
            if word_starts && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_uppercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
        previous = Some(c);
    }
    let trimmed = out.trim_end_matches('_');
    if trimmed.is_empty() {
        "RELATED".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::property_graph::{EntityRecord, RelationRecord};
    use crate::view::EdgeKind;
    use kg_schema::EntityType;

    #[test]
    fn relationship_types_are_upper_snake_case() {
        assert_eq!(relationship_type("meets"), "MEETS");
        assert_eq!(relationship_type("basedIn"), "BASED_IN");
        assert_eq!(
            relationship_type("signsAgreementWith"),
            "SIGNS_AGREEMENT_WITH"
        );
        assert_eq!(relationship_type("sells_to"), "SELLS_TO");
        assert_eq!(relationship_type("plays for"), "PLAYS_FOR");
        assert_eq!(relationship_type("g20Member"), "G20_MEMBER");
        assert_eq!(relationship_type("--"), "RELATED");
    }

    #[test]
    fn array_items_keep_their_text_but_not_the_delimiter() {
        let items = ["A; B".to_owned(), "C\nD".to_owned(), "E".to_owned()];
        assert_eq!(array(&items), "A, B;C D;E");
        assert_eq!(array(&[]), "");
        assert_eq!(field("one\r\ntwo\rthree"), "one two three");
    }

    fn awkward_graph() -> PropertyGraph {
        PropertyGraph {
            entities: vec![
                EntityRecord {
                    id: "Company/smith-&-sons".to_owned(),
                    label: "Smith, \"Sons\" & Co".to_owned(),
                    kind: Some(EntityType::Company),
                    aliases: vec!["S&S; Ltd".to_owned(), "Smith's".to_owned()],
                    ..EntityRecord::default()
                },
                EntityRecord {
                    id: "x".to_owned(),
                    label: "two\nlines".to_owned(),
                    ..EntityRecord::default()
                },
            ],
            relations: vec![RelationRecord {
                source: "x".to_owned(),
                target: "Company/smith-&-sons".to_owned(),
                kind: EdgeKind::Relation,
                predicate: "basedIn".to_owned(),
                label: "based in, \"mostly\"".to_owned(),
                statements: 3,
                confidence: None,
                documents: vec!["d;1".to_owned(), "d2".to_owned()],
            }],
        }
    }

    fn read(bytes: &[u8]) -> Vec<Vec<String>> {
        csv::Reader::from_reader(bytes)
            .records()
            .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn quotes_commas_and_semicolons_survive_csv() {
        let g = awkward_graph();
        let mut nodes = Vec::new();
        write_nodes(&g, &mut nodes).expect("written");
        let text = String::from_utf8(nodes.clone()).expect("UTF-8");
        assert!(text.starts_with(&(NEO4J_NODE_HEADER.join(",") + "\n")));
        assert!(text.contains(r#""Smith, ""Sons"" & Co""#), "{text}");
        assert_eq!(text.lines().count(), 3, "one line per record: {text}");
        let rows = read(&nodes);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][1], "Smith, \"Sons\" & Co");
        assert_eq!(rows[0][3], "S&S, Ltd;Smith's");
        assert_eq!(rows[0][9], "Entity;Company");
        assert_eq!(rows[1][1], "two lines");
        assert_eq!(rows[1][2], "");
        assert_eq!(rows[1][9], "Entity");

        let mut rels = Vec::new();
        write_relationships(&g, &mut rels).expect("written");
        let rows = read(&rels);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0][..4],
            [
                "x",
                "Company/smith-&-sons",
                "BASED_IN",
                "based in, \"mostly\""
            ]
        );
        assert_eq!(rows[0][6..], ["3", "", "2", "d,1;d2"]);
    }
}
