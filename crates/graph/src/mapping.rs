//! Turns one [`Extraction`] into the quads of its document graph, plus the entity descriptions
//! and role concepts that go into the shared entities graph.
//!
//! Pure: no store access, so the mapping can also run on a shard that only writes N-Quads.

use std::collections::{BTreeMap, BTreeSet};

use kg_schema::{Entity, EntityType, Evidence, Extraction, Relation, Value, ValueKind, slug};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::error::Result;
use crate::vocab::{self, BaseIri, dcterms, fragment, itsrdf, kg, nif, org, owl, schema, skos};

/// An entity as it is described in the entities graph.
#[derive(Clone, Debug)]
pub(crate) struct EntityDescription {
    pub iri: NamedNode,
    pub key: String,
    pub kind: EntityType,
    pub label: String,
    pub aliases: Vec<String>,
    pub wikidata: Option<NamedNode>,
}

/// Everything one extraction contributes to the store.
#[derive(Debug)]
pub(crate) struct DocumentQuads {
    /// The document IRI, which is also the name of its graph.
    pub graph: NamedNode,
    /// The quads of the document graph.
    pub quads: Vec<Quad>,
    /// Entity descriptions, merged into the entities graph.
    pub entities: Vec<EntityDescription>,
    /// Role concepts (IRI, label), merged into the entities graph.
    pub roles: Vec<(NamedNode, String)>,
    /// Counts of what was written, and the notes.
    pub relations: usize,
    pub role_count: usize,
    pub quotes: usize,
    pub mentions: usize,
    pub values: usize,
    pub unknown_predicates: BTreeSet<String>,
    pub warnings: Vec<String>,
}

struct Builder<'a> {
    base: &'a BaseIri,
    x: &'a Extraction,
    doc: NamedNode,
    out: DocumentQuads,
    /// Known entity keys of this extraction, with their labels.
    labels: BTreeMap<&'a str, &'a str>,
}

/// Maps an extraction to quads. Fails only when an IRI cannot be built.
pub(crate) fn map_extraction(x: &Extraction, base: &BaseIri) -> Result<DocumentQuads> {
    let doc = base.document(&x.doc.id)?;
    let mut b = Builder {
        base,
        x,
        doc: doc.clone(),
        out: DocumentQuads {
            graph: doc,
            quads: Vec::new(),
            entities: Vec::new(),
            roles: Vec::new(),
            relations: 0,
            role_count: 0,
            quotes: 0,
            mentions: 0,
            values: 0,
            unknown_predicates: BTreeSet::new(),
            warnings: Vec::new(),
        },
        labels: x
            .entities
            .iter()
            .map(|e| (e.key.as_str(), e.label.as_str()))
            .collect(),
    };
    b.document();
    b.entities()?;
    b.mentions()?;
    b.values();
    b.relations()?;
    b.roles()?;
    b.quotes()?;
    Ok(b.out)
}

impl Builder<'_> {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNode, o: impl Into<Term>) {
        self.out.quads.push(Quad::new(s, p, o, self.doc.clone()));
    }

    fn warn(&mut self, message: String) {
        self.out
            .warnings
            .push(format!("document {}: {message}", self.x.doc.id));
    }

    fn entity(&mut self, key: &str, what: &str) -> Result<NamedNode> {
        if !self.labels.contains_key(key) {
            self.warn(format!(
                "{what} refers to entity {key:?}, which the extraction does not list"
            ));
        }
        self.base.entity(key)
    }

    fn document(&mut self) {
        let d = &self.x.doc;
        let doc = self.doc.clone();
        self.add(doc.clone(), rdf::TYPE.into_owned(), kg("Document"));
        self.add(doc.clone(), rdf::TYPE.into_owned(), nif("Context"));
        self.add(
            doc.clone(),
            dcterms("identifier"),
            Literal::new_simple_literal(&d.id),
        );
        self.add(
            doc.clone(),
            nif("isString"),
            Literal::new_simple_literal(&d.text),
        );
        if let Some(title) = &d.title {
            self.add(
                doc.clone(),
                dcterms("title"),
                Literal::new_simple_literal(title),
            );
            self.add(
                doc.clone(),
                rdfs::LABEL.into_owned(),
                Literal::new_simple_literal(title),
            );
        }
        if let Some(date) = &d.date {
            self.add(doc.clone(), dcterms("date"), date_literal(date));
        }
        if let Some(source) = &d.source {
            let lower = source.to_ascii_lowercase();
            let iri = (lower.starts_with("http://") || lower.starts_with("https://"))
                .then(|| NamedNode::new(source).ok())
                .flatten();
            match iri {
                Some(iri) => self.add(doc, dcterms("source"), iri),
                None => self.add(doc, dcterms("source"), Literal::new_simple_literal(source)),
            }
        }
    }

    fn entities(&mut self) -> Result<()> {
        for e in &self.x.entities {
            let description = describe(e, self.base)?;
            if e.wikidata.is_some() && description.wikidata.is_none() {
                self.warn(format!(
                    "entity {:?} has an invalid Wikidata id {:?}",
                    e.key, e.wikidata
                ));
            }
            self.out.entities.push(description);
        }
        Ok(())
    }

    fn mentions(&mut self) -> Result<()> {
        for m in &self.x.mentions {
            let node = fragment(&self.doc, &format!("char={},{}", m.start, m.end));
            let entity = self.entity(&m.entity, "a mention")?;
            self.add(node.clone(), rdf::TYPE.into_owned(), nif("Phrase"));
            self.add(
                node.clone(),
                rdf::TYPE.into_owned(),
                nif("OffsetBasedString"),
            );
            self.add(
                node.clone(),
                nif("anchorOf"),
                Literal::new_simple_literal(&m.text),
            );
            self.span(&node, m.start, m.end);
            self.add(node.clone(), itsrdf("taIdentRef"), entity);
            self.add(node, itsrdf("taClassRef"), vocab::class_of(m.kind));
            self.out.mentions += 1;
        }
        Ok(())
    }

    /// NIF offsets, as `xsd:integer` (NIF says `xsd:nonNegativeInteger`, but oxigraph stores
    /// every integer-derived type as `xsd:integer`, so that is what queries and exports see).
    fn span(&mut self, node: &NamedNode, start: usize, end: usize) {
        self.add(
            node.clone(),
            nif("beginIndex"),
            count_literal(start, xsd::INTEGER),
        );
        self.add(
            node.clone(),
            nif("endIndex"),
            count_literal(end, xsd::INTEGER),
        );
        self.add(node.clone(), nif("referenceContext"), self.doc.clone());
    }

    fn values(&mut self) {
        for (i, v) in self.x.values.iter().enumerate() {
            let node = fragment(&self.doc, &format!("value-{i}"));
            self.value(&node, v);
            self.out.values += 1;
        }
    }

    fn value(&mut self, node: &NamedNode, v: &Value) {
        let ty = rdf::TYPE.into_owned();
        self.add(node.clone(), ty.clone(), kg("Value"));
        self.add(
            node.clone(),
            rdfs::LABEL.into_owned(),
            Literal::new_simple_literal(&v.text),
        );
        self.add(
            node.clone(),
            nif("anchorOf"),
            Literal::new_simple_literal(&v.text),
        );
        self.span(node, v.start, v.end);
        let amount = v.amount.and_then(decimal_literal);
        match v.kind {
            ValueKind::Money => {
                self.add(node.clone(), ty, schema("MonetaryAmount"));
                if let Some(unit) = &v.unit {
                    self.add(
                        node.clone(),
                        schema("currency"),
                        Literal::new_simple_literal(unit),
                    );
                }
            }
            ValueKind::Date => {
                self.add(node.clone(), ty, kg("DateValue"));
                if let Some(date) = &v.date {
                    self.add(node.clone(), kg("date"), date_literal(date));
                }
            }
            ValueKind::Percent => {
                self.add(node.clone(), ty, schema("QuantitativeValue"));
                self.add(
                    node.clone(),
                    schema("unitText"),
                    Literal::new_simple_literal("percent"),
                );
            }
            _ => {
                self.add(node.clone(), ty, schema("QuantitativeValue"));
                if let Some(unit) = &v.unit {
                    self.add(
                        node.clone(),
                        schema("unitText"),
                        Literal::new_simple_literal(unit),
                    );
                }
            }
        }
        if let Some(amount) = amount {
            self.add(node.clone(), schema("value"), amount);
        }
    }

    fn evidence(&mut self, node: &NamedNode, e: &Evidence) {
        self.add(
            node.clone(),
            kg("evidenceText"),
            Literal::new_simple_literal(&e.text),
        );
        self.add(
            node.clone(),
            kg("sentenceIndex"),
            count_literal(e.sentence, xsd::INTEGER),
        );
        self.add(
            node.clone(),
            kg("sentenceStart"),
            count_literal(e.start, xsd::INTEGER),
        );
        self.add(
            node.clone(),
            kg("sentenceEnd"),
            count_literal(e.end, xsd::INTEGER),
        );
        self.add(
            node.clone(),
            kg("rule"),
            Literal::new_simple_literal(&e.rule),
        );
        if let Some(confidence) = confidence_literal(e.confidence) {
            self.add(node.clone(), kg("confidence"), confidence);
        }
        self.add(node.clone(), kg("inDocument"), self.doc.clone());
    }

    fn relations(&mut self) -> Result<()> {
        for (i, r) in self.x.relations.iter().enumerate() {
            let node = fragment(&self.doc, &format!("rel-{i}"));
            let subject = self.entity(&r.subject, "a relation")?;
            let object = self.entity(&r.object, "a relation")?;
            let predicate = match vocab::predicate(&r.predicate) {
                Some(p) => kg(p.name),
                None => {
                    self.out.unknown_predicates.insert(r.predicate.clone());
                    kg("related")
                }
            };
            let label = r.label.clone().or_else(|| {
                (predicate.as_str() == kg("related").as_str() && !r.predicate.is_empty())
                    .then(|| r.predicate.clone())
            });
            if !r.negated {
                self.add(subject.clone(), predicate.clone(), object.clone());
            }
            self.add(node.clone(), rdf::TYPE.into_owned(), kg("Statement"));
            self.happening(&node, r, &object)?;
            self.add(node.clone(), kg("subject"), subject);
            self.add(node.clone(), kg("predicate"), predicate);
            self.add(node.clone(), kg("object"), object);
            if let Some(label) = label {
                self.add(
                    node.clone(),
                    kg("relationLabel"),
                    Literal::new_simple_literal(label),
                );
            }
            self.add(node.clone(), kg("negated"), Literal::from(r.negated));
            self.add(node.clone(), kg("hedged"), Literal::from(r.hedged));
            for &v in &r.values {
                if v < self.x.values.len() {
                    self.add(
                        node.clone(),
                        kg("value"),
                        fragment(&self.doc, &format!("value-{v}")),
                    );
                } else {
                    self.warn(format!(
                        "relation {i} refers to value {v}, which does not exist"
                    ));
                }
            }
            self.evidence(&node, &r.evidence);
            self.out.relations += 1;
        }
        Ok(())
    }

    /// A relation that reports an event is also a kg:Happening, with its place and date.
    fn happening(&mut self, node: &NamedNode, r: &Relation, object: &NamedNode) -> Result<()> {
        if !kg_schema::is_event(&r.predicate) {
            return Ok(());
        }
        self.add(node.clone(), rdf::TYPE.into_owned(), kg("Happening"));
        let place = match (&r.place, r.predicate.as_str()) {
            (Some(key), _) => Some(self.entity(key, "an event's place")?),
            (None, "visits") => Some(object.clone()),
            (None, _) => None,
        };
        if let Some(place) = place {
            self.add(node.clone(), kg("place"), place);
        }
        let date = r
            .values
            .iter()
            .filter_map(|&v| self.x.values.get(v))
            .find_map(|v| v.date.clone());
        if let Some(date) = date {
            self.add(node.clone(), kg("when"), date_literal(&date));
        }
        Ok(())
    }

    fn roles(&mut self) -> Result<()> {
        for (i, r) in self.x.roles.iter().enumerate() {
            let role_slug = slug(&r.role);
            if role_slug.is_empty() {
                self.warn(format!("role {i} has an empty title"));
                continue;
            }
            let person = self.entity(&r.person, "a role")?;
            let role = self.base.role(&role_slug)?;
            let org_node = match &r.org {
                Some(key) => Some(self.entity(key, "a role")?),
                None => None,
            };
            let scope = r.org.as_deref().unwrap_or(&r.person);
            let post = self.base.post(scope, &role_slug)?;
            let post_label = match r.org.as_deref().and_then(|k| self.labels.get(k)) {
                Some(org_label) => format!("{} ({org_label})", r.role),
                None => r.role.clone(),
            };
            // A former post is no longer held: not org:holds, which says the person holds it.
            let holds = if r.former {
                kg("formerlyHeld")
            } else {
                org("holds")
            };
            self.add(person.clone(), holds.clone(), post.clone());
            self.add(post.clone(), rdf::TYPE.into_owned(), org("Post"));
            self.add(
                post.clone(),
                rdfs::LABEL.into_owned(),
                Literal::new_simple_literal(post_label),
            );
            self.add(post.clone(), org("role"), role.clone());
            if let Some(o) = org_node {
                self.add(post.clone(), org("postIn"), o);
            }
            let node = fragment(&self.doc, &format!("role-{i}"));
            self.add(node.clone(), rdf::TYPE.into_owned(), kg("Statement"));
            self.add(node.clone(), kg("subject"), person);
            self.add(node.clone(), kg("predicate"), holds);
            if r.former {
                self.add(node.clone(), kg("former"), Literal::from(true));
            }
            self.add(node.clone(), kg("object"), post);
            self.add(
                node.clone(),
                kg("relationLabel"),
                Literal::new_simple_literal(&r.role),
            );
            self.evidence(&node, &r.evidence);
            self.out.roles.push((role, r.role.clone()));
            self.out.role_count += 1;
        }
        Ok(())
    }

    fn quotes(&mut self) -> Result<()> {
        for (i, q) in self.x.quotes.iter().enumerate() {
            let node = fragment(&self.doc, &format!("quote-{i}"));
            self.add(node.clone(), rdf::TYPE.into_owned(), kg("Quote"));
            self.add(
                node.clone(),
                kg("quoteText"),
                Literal::new_simple_literal(&q.text),
            );
            if let Some(speaker) = &q.speaker {
                let speaker = self.entity(speaker, "a quote")?;
                self.add(node.clone(), kg("speaker"), speaker);
            }
            self.span(&node, q.start, q.end);
            self.evidence(&node, &q.evidence);
            self.out.quotes += 1;
        }
        Ok(())
    }
}

/// Describes an entity for the entities graph.
fn describe(e: &Entity, base: &BaseIri) -> Result<EntityDescription> {
    let wikidata = e.wikidata.as_deref().and_then(|q| {
        let q = q.trim();
        let valid = q.len() > 1
            && (q.starts_with('Q') || q.starts_with('P'))
            && q[1..].bytes().all(|b| b.is_ascii_digit());
        valid.then(|| NamedNode::new_unchecked(format!("{}{q}", vocab::WD)))
    });
    let mut aliases: Vec<String> = Vec::new();
    for alias in &e.aliases {
        let alias = alias.trim();
        if !alias.is_empty() && alias != e.label && !aliases.iter().any(|a| a == alias) {
            aliases.push(alias.to_owned());
        }
    }
    Ok(EntityDescription {
        iri: base.entity(&e.key)?,
        key: e.key.clone(),
        kind: e.kind,
        label: e.label.trim().to_owned(),
        aliases,
        wikidata,
    })
}

/// The triples describing an entity, minus labels (merged separately).
pub(crate) fn entity_type_triples(e: &EntityDescription) -> Vec<(NamedNode, Term)> {
    let mut out = vec![
        (rdf::TYPE.into_owned(), vocab::class_of(e.kind).into()),
        (
            rdf::TYPE.into_owned(),
            vocab::schema_class_of(e.kind).into(),
        ),
        (kg("key"), Literal::new_simple_literal(&e.key).into()),
    ];
    if let Some(wd) = &e.wikidata {
        out.push((owl("sameAs"), wd.clone().into()));
    }
    out
}

/// The triples describing a role concept.
pub(crate) fn role_triples(label: &str) -> Vec<(NamedNode, Term)> {
    vec![
        (rdf::TYPE.into_owned(), org("Role").into()),
        (rdf::TYPE.into_owned(), skos("Concept").into()),
        (skos("prefLabel"), Literal::new_simple_literal(label).into()),
        (
            rdfs::LABEL.into_owned(),
            Literal::new_simple_literal(label).into(),
        ),
    ]
}

fn count_literal(n: usize, datatype: oxigraph::model::NamedNodeRef<'_>) -> Literal {
    Literal::new_typed_literal(n.to_string(), datatype)
}

/// A finite number as an `xsd:decimal` (Rust's `Display` for floats never uses exponents).
fn decimal_literal(x: f64) -> Option<Literal> {
    x.is_finite()
        .then(|| Literal::new_typed_literal(trim_decimal(format!("{x}")), xsd::DECIMAL))
}

fn confidence_literal(c: f32) -> Option<Literal> {
    c.is_finite().then(|| {
        let c = c.clamp(0.0, 1.0);
        Literal::new_typed_literal(trim_decimal(format!("{c:.3}")), xsd::DECIMAL)
    })
}

fn trim_decimal(s: String) -> String {
    if s.contains('.') {
        let t = s.trim_end_matches('0').trim_end_matches('.');
        if t.is_empty() || t == "-" {
            "0".to_owned()
        } else {
            t.to_owned()
        }
    } else {
        s
    }
}

/// A date as `xsd:date`, `xsd:gYearMonth` or `xsd:gYear` by its precision; anything else as a
/// plain string (never an ill-typed literal).
pub(crate) fn date_literal(s: &str) -> Literal {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let num = |p: &str| p.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [y] if digits(y, 4) => Literal::new_typed_literal(s, xsd::G_YEAR),
        [y, m] if digits(y, 4) && digits(m, 2) && (1..=12).contains(&num(m)) => {
            Literal::new_typed_literal(s, xsd::G_YEAR_MONTH)
        }
        [y, m, d]
            if digits(y, 4)
                && digits(m, 2)
                && digits(d, 2)
                && (1..=12).contains(&num(m))
                && (1..=days_in_month(num(y), num(m))).contains(&num(d)) =>
        {
            Literal::new_typed_literal(s, xsd::DATE)
        }
        _ => Literal::new_simple_literal(s),
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_get_the_type_of_their_precision() {
        assert_eq!(date_literal("2023-09-10").datatype(), xsd::DATE);
        assert_eq!(date_literal("2024-02-29").datatype(), xsd::DATE);
        assert_eq!(date_literal("2023-02-29").datatype(), xsd::STRING);
        assert_eq!(date_literal("2023-09").datatype(), xsd::G_YEAR_MONTH);
        assert_eq!(date_literal("2023").datatype(), xsd::G_YEAR);
        assert_eq!(date_literal("next week").datatype(), xsd::STRING);
    }

    #[test]
    fn numbers_are_plain_decimals() {
        let lex = |x: f64| decimal_literal(x).map(|l| l.value().to_owned());
        assert_eq!(lex(8e9).as_deref(), Some("8000000000"));
        assert_eq!(lex(2.5).as_deref(), Some("2.5"));
        assert_eq!(lex(f64::NAN), None);
        let conf = |c: f32| confidence_literal(c).map(|l| l.value().to_owned());
        assert_eq!(conf(0.9).as_deref(), Some("0.9"));
        assert_eq!(conf(1.0).as_deref(), Some("1"));
        assert_eq!(conf(0.0).as_deref(), Some("0"));
        assert_eq!(conf(7.0).as_deref(), Some("1"));
    }
}
