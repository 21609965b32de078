//! Namespaces, IRIs and the relation predicates kg-graph writes.
//!
//! The vocabulary namespace [`KG`] is fixed; the IRIs of the data (documents, entities, posts,
//! roles, named graphs) live under a configurable [`BaseIri`].

use kg_schema::EntityType;
use oxigraph::model::NamedNode;

use crate::error::{Error, Result};

/// The kg vocabulary namespace (classes and properties of `ontology/kg.ttl`).
pub const KG: &str = "https://kg.example.org/ns#";
/// schema.org, in its `http:` form (the one most RDF tools use).
pub const SCHEMA: &str = "http://schema.org/";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// SKOS.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// W3C Organization Ontology.
pub const ORG: &str = "http://www.w3.org/ns/org#";
/// NLP Interchange Format core.
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
/// Internationalization Tag Set RDF.
pub const ITSRDF: &str = "http://www.w3.org/2005/11/its/rdf#";
/// Dublin Core terms.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// Wikidata entities.
pub const WD: &str = "http://www.wikidata.org/entity/";

/// The prefixes every kg query may use without declaring them, and that Turtle/TriG output uses.
pub const PREFIXES: &[(&str, &str)] = &[
    ("kg", KG),
    ("schema", SCHEMA),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("owl", OWL),
    ("skos", SKOS),
    ("org", ORG),
    ("nif", NIF),
    ("itsrdf", ITSRDF),
    ("dcterms", DCTERMS),
    ("wd", WD),
];

/// The default base IRI of the data.
pub const DEFAULT_BASE: &str = "https://kg.example.org/";

/// The ontology, as Turtle.
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/kg.ttl");

/// A relation predicate of the ontology: `kg:{name}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Predicate {
    /// Local name in the kg namespace (`signsAgreementWith`).
    pub name: &'static str,
    /// Human label (`signs agreement with`), as in the ontology.
    pub label: &'static str,
}

macro_rules! predicates {
    ($($name:literal => $label:literal),* $(,)?) => {
        /// Every relation predicate the ontology declares, `related` (the open relation) first.
        pub const PREDICATES: &[Predicate] = &[$(Predicate { name: $name, label: $label }),*];
    };
}

predicates! {
    "related" => "related to",
    "meets" => "meets",
    "visits" => "visits",
    "hosts" => "hosts",
    "talksWith" => "talks with",
    "negotiatesWith" => "negotiates with",
    "signsAgreementWith" => "signs agreement with",
    "agreesWith" => "agrees with",
    "cooperatesWith" => "cooperates with",
    "partnerOf" => "partner of",
    "buysFrom" => "buys from",
    "sellsTo" => "sells to",
    "suppliesTo" => "supplies",
    "tradesWith" => "trades with",
    "investsIn" => "invests in",
    "funds" => "funds",
    "offers" => "offers",
    "acquires" => "acquires",
    "mergesWith" => "merges with",
    "supports" => "supports",
    "opposes" => "opposes",
    "praises" => "praises",
    "criticises" => "criticises",
    "accuses" => "accuses",
    "condemns" => "condemns",
    "warns" => "warns",
    "threatens" => "threatens",
    "urges" => "urges",
    "invites" => "invites",
    "sanctions" => "sanctions",
    "attacks" => "attacks",
    "kills" => "kills",
    "beats" => "beats",
    "arrests" => "arrests",
    "sues" => "sues",
    "appoints" => "appoints",
    "hires" => "hires",
    "dismisses" => "dismissed",
    "resignsFrom" => "resigned from",
    "succeeds" => "succeeds",
    "worksFor" => "works for",
    "leads" => "leads",
    "memberOf" => "member of",
    "represents" => "represents",
    "playsFor" => "plays for",
    "owns" => "owns",
    "founded" => "founded",
    "spouseOf" => "spouse of",
    "childOf" => "child of",
    "siblingOf" => "sibling of",
    "bornIn" => "born in",
    "livesIn" => "lives in",
    "partOf" => "part of",
    "locatedIn" => "located in",
    "basedIn" => "based in",
}

/// Finds the ontology predicate for a predicate name as an extractor may write it.
///
/// Accepts the local name (`signsAgreementWith`), snake, kebab or spaced forms
/// (`signs_agreement_with`), any case, the base form of the verb (`meet`) and American spelling
/// (`criticizes`). Returns `None` for names the ontology does not know.
pub fn predicate(name: &str) -> Option<&'static Predicate> {
    let folded: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if folded.is_empty() {
        return None;
    }
    let british = folded.replace("iciz", "icis");
    let candidates = [
        folded.clone(),
        british.clone(),
        format!("{folded}s"),
        format!("{british}s"),
    ];
    PREDICATES
        .iter()
        .find(|p| candidates.iter().any(|c| p.name.eq_ignore_ascii_case(c)))
}

/// The kg class of an entity type (`kg:Person`).
pub fn class_of(kind: EntityType) -> NamedNode {
    kg(kind.name())
}

/// The schema.org class an entity type refines (`schema:Person`, `schema:Corporation`, ...).
pub fn schema_class_of(kind: EntityType) -> NamedNode {
    schema(match kind {
        EntityType::Person => "Person",
        EntityType::Organization => "Organization",
        EntityType::Company => "Corporation",
        EntityType::Country => "Country",
        EntityType::City => "City",
        EntityType::Event => "Event",
        EntityType::Law => "Legislation",
        // Place, and any type added to kg-schema later.
        _ => "Place",
    })
}

/// The entity type of a kg class IRI, if it is one.
pub fn type_of_class(iri: &str) -> Option<EntityType> {
    let local = iri.strip_prefix(KG)?;
    EntityType::ALL.into_iter().find(|t| t.name() == local)
}

fn term(namespace: &str, local: &str) -> NamedNode {
    // Namespaces are constants and local names are fixed vocabulary terms: always valid IRIs.
    NamedNode::new_unchecked(format!("{namespace}{local}"))
}

/// `kg:{local}`.
pub fn kg(local: &str) -> NamedNode {
    term(KG, local)
}
/// `schema:{local}`.
pub fn schema(local: &str) -> NamedNode {
    term(SCHEMA, local)
}
/// `org:{local}`.
pub fn org(local: &str) -> NamedNode {
    term(ORG, local)
}
/// `nif:{local}`.
pub fn nif(local: &str) -> NamedNode {
    term(NIF, local)
}
/// `itsrdf:{local}`.
pub fn itsrdf(local: &str) -> NamedNode {
    term(ITSRDF, local)
}
/// `dcterms:{local}`.
pub fn dcterms(local: &str) -> NamedNode {
    term(DCTERMS, local)
}
/// `skos:{local}`.
pub fn skos(local: &str) -> NamedNode {
    term(SKOS, local)
}
/// `owl:{local}`.
pub fn owl(local: &str) -> NamedNode {
    term(OWL, local)
}

/// The base IRI every data IRI starts with; always ends with `/` or `#`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BaseIri(String);

impl Default for BaseIri {
    fn default() -> Self {
        BaseIri(DEFAULT_BASE.to_owned())
    }
}

impl std::fmt::Display for BaseIri {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl BaseIri {
    /// Checks an absolute IRI and appends `/` unless it already ends with `/` or `#`.
    pub fn new(base: &str) -> Result<Self> {
        let trimmed = base.trim();
        let mut iri = trimmed.to_owned();
        if !iri.ends_with('/') && !iri.ends_with('#') {
            iri.push('/');
        }
        NamedNode::new(&iri).map_err(|e| Error::InvalidBase {
            base: base.to_owned(),
            reason: e.to_string(),
        })?;
        if !iri.contains(':') {
            return Err(Error::InvalidBase {
                base: base.to_owned(),
                reason: "not an absolute IRI".to_owned(),
            });
        }
        Ok(BaseIri(iri))
    }

    /// The IRI as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn node(&self, path: String) -> Result<NamedNode> {
        let iri = format!("{}{path}", self.0);
        NamedNode::new(&iri).map_err(|e| Error::InvalidIri {
            iri,
            reason: e.to_string(),
        })
    }

    /// `{base}doc/{id}`: the document, and the named graph of its facts.
    pub fn document(&self, id: &str) -> Result<NamedNode> {
        self.node(format!("doc/{}", encode(id, false)))
    }

    /// `{base}entity/{key}` for an entity key `Type/slug`.
    pub fn entity(&self, key: &str) -> Result<NamedNode> {
        self.node(format!("entity/{}", encode(key, true)))
    }

    /// `{base}role/{slug}`: a role concept (President, Prime Minister).
    pub fn role(&self, slug: &str) -> Result<NamedNode> {
        self.node(format!("role/{}", encode(slug, false)))
    }

    /// `{base}post/{holder-or-org key}/{role slug}`: a post.
    pub fn post(&self, scope_key: &str, role_slug: &str) -> Result<NamedNode> {
        self.node(format!(
            "post/{}/{}",
            encode(scope_key, true),
            encode(role_slug, false)
        ))
    }

    /// `{base}graph/entities`: the shared graph of entity descriptions.
    pub fn entities_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}graph/entities", self.0))
    }

    /// `{base}graph/ontology`: the graph holding the ontology.
    pub fn ontology_graph(&self) -> NamedNode {
        NamedNode::new_unchecked(format!("{}graph/ontology", self.0))
    }

    /// The entity key of an entity IRI minted under this base, if it is one.
    pub fn key_of(&self, iri: &str) -> Option<String> {
        let encoded = iri.strip_prefix(&self.0)?.strip_prefix("entity/")?;
        Some(decode(encoded))
    }
}

/// A fragment IRI inside a document: `{doc}#{fragment}`.
pub(crate) fn fragment(doc: &NamedNode, fragment: &str) -> NamedNode {
    // The document IRI is valid and fragments are built from ASCII letters, digits, `=` and `,`.
    NamedNode::new_unchecked(format!("{}#{fragment}", doc.as_str()))
}

/// Percent-encodes everything but unreserved ASCII (and `/` when `keep_slash`).
pub(crate) fn encode(s: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~')
            || (keep_slash && b == b'/')
        {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes [`encode`]; invalid escapes are kept as they are.
pub(crate) fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The SPARQL `PREFIX` lines for [`PREFIXES`], one per line.
pub fn prefix_header() -> String {
    PREFIXES
        .iter()
        .map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicate_names_are_normalised() {
        assert_eq!(predicate("meets").map(|p| p.name), Some("meets"));
        assert_eq!(predicate("meet").map(|p| p.name), Some("meets"));
        assert_eq!(
            predicate("signs_agreement_with").map(|p| p.name),
            Some("signsAgreementWith")
        );
        assert_eq!(
            predicate("Signs Agreement With").map(|p| p.name),
            Some("signsAgreementWith")
        );
        assert_eq!(predicate("criticizes").map(|p| p.name), Some("criticises"));
        assert_eq!(predicate("worksFor").map(|p| p.name), Some("worksFor"));
        assert_eq!(predicate("flies over"), None);
        assert_eq!(predicate(""), None);
    }

    #[test]
    fn base_iri_is_checked_and_slashed() -> Result<()> {
        assert_eq!(
            BaseIri::new("http://x.org/kg")?.as_str(),
            "http://x.org/kg/"
        );
        assert_eq!(
            BaseIri::new("http://x.org/kg#")?.as_str(),
            "http://x.org/kg#"
        );
        assert!(BaseIri::new("not an iri").is_err());
        assert!(BaseIri::new("relative/path").is_err());
        Ok(())
    }

    #[test]
    fn keys_round_trip_through_entity_iris() -> Result<()> {
        let base = BaseIri::default();
        for key in ["Person/joe-biden", "City/東京", "Law/a b%c"] {
            let iri = base.entity(key)?;
            assert_eq!(base.key_of(iri.as_str()).as_deref(), Some(key));
        }
        assert_eq!(
            base.entity("Person/joe-biden")?.as_str(),
            "https://kg.example.org/entity/Person/joe-biden"
        );
        Ok(())
    }

    #[test]
    fn types_map_to_classes_and_back() {
        for t in EntityType::ALL {
            assert_eq!(type_of_class(class_of(t).as_str()), Some(t));
        }
        assert_eq!(
            schema_class_of(EntityType::Company).as_str(),
            "http://schema.org/Corporation"
        );
    }
}
