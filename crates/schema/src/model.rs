//! The records of an extraction: what `kg extract` prints and what kg-graph loads.
//!
//! Every offset is counted in Unicode code points (chars) of [`Document::text`], end exclusive,
//! so that any tool can slice the text it was given.

use serde::{Deserialize, Serialize};

/// One input text with its metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: given by the input, or a hash of the text.
    pub id: String,
    /// Where the text came from (a path, a URL), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Headline or title, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The text every offset points into.
    pub text: String,
}

/// The kind of a named thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum EntityType {
    Person,
    Organization,
    Company,
    Country,
    City,
    Place,
    Event,
    Law,
}

impl EntityType {
    /// Every type, in display order.
    pub const ALL: [EntityType; 8] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Company,
        EntityType::Country,
        EntityType::City,
        EntityType::Place,
        EntityType::Event,
        EntityType::Law,
    ];

    /// The name used in keys, IRIs and JSON (`Person`, `Country`, ...).
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Company => "Company",
            EntityType::Country => "Country",
            EntityType::City => "City",
            EntityType::Place => "Place",
            EntityType::Event => "Event",
            EntityType::Law => "Law",
        }
    }

    /// The coarse CoNLL-style label used by NER scorers: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn coarse(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organization | EntityType::Company => "ORG",
            EntityType::Country | EntityType::City | EntityType::Place => "LOC",
            EntityType::Event | EntityType::Law => "MISC",
        }
    }

    /// Parses a type name as written by [`EntityType::name`], case-insensitively, or a coarse label.
    pub fn parse(s: &str) -> Option<EntityType> {
        let lower = s.to_ascii_lowercase();
        Some(match lower.as_str() {
            "person" | "per" => EntityType::Person,
            "organization" | "organisation" | "org" => EntityType::Organization,
            "company" => EntityType::Company,
            "country" => EntityType::Country,
            "city" => EntityType::City,
            "place" | "loc" | "location" => EntityType::Place,
            "event" => EntityType::Event,
            "law" => EntityType::Law,
            _ => return None,
        })
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A sentence of the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
}

/// A stretch of text that names an entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The [`Entity::key`] this mention refers to.
    pub entity: String,
    /// Index into [`Extraction::sentences`].
    pub sentence: usize,
}

/// A real-world thing named in the document, with all its names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `Type/slug-of-canonical-label`: deterministic, the same on every machine.
    pub key: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical (longest, most complete) name.
    pub label: String,
    /// Other names it goes by in the text (not including `label`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Wikidata item (`Q30`) when a lexicon knows it; never guessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

/// The kind of a normalised value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ValueKind {
    Money,
    Date,
    Percent,
    Quantity,
}

/// A number, amount or date found in the text, normalised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Value {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: ValueKind,
    /// Money and quantities: the number with its scale applied (8e9 for "$8 billion").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// ISO 4217 currency for money ("USD"), the counted noun for quantities ("jets").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub sentence: usize,
}

/// Where a fact was read: the sentence, and how sure we are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Index into [`Extraction::sentences`].
    pub sentence: usize,
    /// Char offsets of the sentence in the document text.
    pub start: usize,
    pub end: usize,
    /// The sentence text.
    pub text: String,
    /// Name of the rule or model that produced the fact.
    pub rule: String,
    /// 0..=1.
    pub confidence: f32,
}

/// A fact linking two entities: `subject predicate object`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub subject: String,
    /// A canonical predicate (`meets`, `visits`, ...) or `related` for an open relation.
    pub predicate: String,
    pub object: String,
    /// The verb phrase as written, for open relations and for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hedged: bool,
    /// Indices into [`Extraction::values`] that belong to this fact (amounts, dates).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<usize>,
    /// Where the event the fact reports took place ("met ... in Oslo"), an entity key; only
    /// for events (meetings, visits, signings, talks, purchases, attacks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub evidence: Evidence,
}

/// A post held by a person: `person holds role (in org)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub person: String,
    /// The role as a normalised title ("President", "Prime Minister").
    pub role: String,
    /// The organisation or country the post belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// The person held the post before and no longer does ("former minister", "ex-chief").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub former: bool,
    pub evidence: Evidence,
}

/// Direct speech and who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub evidence: Evidence,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub doc: Document,
    pub sentences: Vec<SentenceSpan>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub values: Vec<Value>,
    pub roles: Vec<Role>,
    pub relations: Vec<Relation>,
    pub quotes: Vec<Quote>,
}

/// Makes the slug used in entity keys: lower-case ASCII letters and digits joined by `-`.
///
/// Letters with diacritics keep their base letter where it is a simple Latin one; other
/// characters are kept as they are so non-Latin names still get distinct slugs.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        let c = fold_latin(c);
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' && c != '.' {
            dash = true;
        }
    }
    out
}

/// The entity key for a type and canonical label.
pub fn entity_key(kind: EntityType, label: &str) -> String {
    format!("{}/{}", kind.name(), slug(label))
}

/// A name with the accents of Latin letters taken off, case kept ("Zürich" is "Zurich",
/// "Montréal" is "Montreal"), as English news mostly writes it.
pub fn unaccented(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_uppercase() {
                let lower: Vec<char> = c.to_lowercase().collect();
                match lower[..] {
                    [l] if fold_latin(l) != l => fold_latin(l).to_ascii_uppercase(),
                    _ => c,
                }
            } else {
                fold_latin(c)
            }
        })
        .collect()
}

fn fold_latin(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ'
        | 'ẳ' | 'ẵ' | 'ặ' | 'ă' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => {
            'e'
        }
        'ì' | 'í' | 'î' | 'ï' | 'ị' | 'ỉ' | 'ĩ' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ớ'
        | 'ờ' | 'ở' | 'ỡ' | 'ợ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ụ' | 'ủ' | 'ũ' | 'ư' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' => {
            'u'
        }
        'ý' | 'ÿ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => 'y',
        'đ' => 'd',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_stable_and_ascii_for_latin_names() {
        assert_eq!(slug("Ana Silva"), "ana-silva");
        assert_eq!(slug("Nguyễn Phú Trọng"), "nguyen-phu-trong");
        assert_eq!(slug("U.S. Department of State"), "us-department-of-state");
        assert_eq!(slug("Xi's  deputy"), "xis-deputy");
        assert_eq!(
            entity_key(EntityType::Country, "United States"),
            "Country/united-states"
        );
    }

    #[test]
    fn types_round_trip_through_their_names() {
        for t in EntityType::ALL {
            assert_eq!(EntityType::parse(t.name()), Some(t));
        }
        assert_eq!(EntityType::parse("LOC"), Some(EntityType::Place));
        assert_eq!(EntityType::parse("nonsense"), None);
    }
}
