//! A small hand-made corpus with made-up names: two documents about one visit.
#![allow(dead_code)]

use kg_schema::{
    Document, Entity, EntityType, Evidence, Extraction, Mention, Quote, Relation, Role,
    SentenceSpan, Value, ValueKind, entity_key,
};

/// Char offsets of the first `needle` in `text`.
pub fn span(text: &str, needle: &str) -> (usize, usize) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the fixture text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn sentences(text: &str) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '.' && (i + 1 == chars.len() || chars[i + 1] == ' ') {
            out.push(SentenceSpan { start, end: i + 1 });
            start = i + 2;
        }
    }
    out
}

pub fn entity(kind: EntityType, label: &str, aliases: &[&str], wikidata: Option<&str>) -> Entity {
    Entity {
        key: entity_key(kind, label),
        kind,
        label: label.to_owned(),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        wikidata: wikidata.map(str::to_owned),
    }
}

struct Doc {
    x: Extraction,
}

impl Doc {
    fn new(id: &str, title: &str, date: &str, text: &str) -> Self {
        Doc {
            x: Extraction {
                doc: Document {
                    id: id.to_owned(),
                    source: Some(format!("https://news.example.com/{id}")),
                    title: Some(title.to_owned()),
                    date: Some(date.to_owned()),
                    text: text.to_owned(),
                },
                sentences: sentences(text),
                ..Extraction::default()
            },
        }
    }

    fn sentence_of(&self, start: usize) -> usize {
        self.x
            .sentences
            .iter()
            .position(|s| s.start <= start && start < s.end)
            .unwrap_or(0)
    }

    fn evidence(&self, needle: &str, rule: &str) -> Evidence {
        let (start, _) = span(&self.x.doc.text, needle);
        let i = self.sentence_of(start);
        let s = &self.x.sentences[i];
        Evidence {
            sentence: i,
            start: s.start,
            end: s.end,
            text: self
                .x
                .doc
                .text
                .chars()
                .skip(s.start)
                .take(s.end - s.start)
                .collect(),
            rule: rule.to_owned(),
            confidence: 0.8,
        }
    }

    fn mention(&mut self, needle: &str, kind: EntityType, key: &str) {
        let (start, end) = span(&self.x.doc.text, needle);
        let sentence = self.sentence_of(start);
        self.x.mentions.push(Mention {
            start,
            end,
            text: needle.to_owned(),
            kind,
            entity: key.to_owned(),
            sentence,
        });
    }

    fn value(
        &mut self,
        needle: &str,
        kind: ValueKind,
        amount: Option<f64>,
        unit: Option<&str>,
        date: Option<&str>,
    ) {
        let (start, end) = span(&self.x.doc.text, needle);
        let sentence = self.sentence_of(start);
        self.x.values.push(Value {
            start,
            end,
            text: needle.to_owned(),
            kind,
            amount,
            unit: unit.map(str::to_owned),
            date: date.map(str::to_owned),
            sentence,
        });
    }

    fn relation(
        &mut self,
        s: &str,
        p: &str,
        o: &str,
        cue: &str,
        label: Option<&str>,
    ) -> &mut Relation {
        let evidence = self.evidence(cue, "test-svo");
        self.x.relations.push(Relation {
            subject: s.to_owned(),
            predicate: p.to_owned(),
            object: o.to_owned(),
            label: label.map(str::to_owned),
            negated: false,
            hedged: false,
            values: Vec::new(),
            place: None,
            evidence,
        });
        self.x
            .relations
            .last_mut()
            .unwrap_or_else(|| unreachable!())
    }

    fn role(&mut self, person: &str, role: &str, org: Option<&str>, cue: &str) {
        let evidence = self.evidence(cue, "test-apposition");
        self.x.roles.push(Role {
            person: person.to_owned(),
            role: role.to_owned(),
            org: org.map(str::to_owned),
            former: false,
            evidence,
        });
    }
}

pub const MARTA: &str = "Person/marta-ilves";
pub const KAITO: &str = "Person/kaito-renn";
pub const TOMAS: &str = "Person/tomas-berg";
pub const ESTOVIA: &str = "Country/estovia";
pub const NORLAND: &str = "Country/norland";
pub const LUMORA: &str = "Company/lumora-aviation";
pub const PORT_SELLA: &str = "City/port-sella";

/// The first report: a meeting, a sale with values, roles, a quote, a negated and an open relation.
pub fn doc_a() -> Extraction {
    let text = "Estovian Prime Minister Marta Ilves met Kaito Renn, the chief executive of Lumora Aviation, \
in Port Sella on 2 April 2031. Lumora agreed to sell 12 jets to Estovia for $3 billion. \
Estovia did not sanction Lumora. Ilves lauded Renn. \"We value this \"partnership\" \\ deeply,\" Ilves said.";
    let mut d = Doc::new("report-a", "Estovia buys jets", "2031-04-03", text);
    d.x.entities = vec![
        entity(EntityType::Person, "Marta Ilves", &["Ilves"], None),
        entity(EntityType::Person, "Kaito Renn", &["Renn"], None),
        entity(
            EntityType::Country,
            "Estovia",
            &["Estovian"],
            Some("Q999001"),
        ),
        entity(EntityType::Company, "Lumora Aviation", &["Lumora"], None),
        entity(EntityType::City, "Port Sella", &[], None),
    ];
    d.mention("Estovian", EntityType::Country, ESTOVIA);
    d.mention("Marta Ilves", EntityType::Person, MARTA);
    d.mention("Kaito Renn", EntityType::Person, KAITO);
    d.mention("Lumora Aviation", EntityType::Company, LUMORA);
    d.mention("Port Sella", EntityType::City, PORT_SELLA);
    d.value(
        "2 April 2031",
        ValueKind::Date,
        None,
        None,
        Some("2031-04-02"),
    );
    d.value(
        "12 jets",
        ValueKind::Quantity,
        Some(12.0),
        Some("jets"),
        None,
    );
    d.value("$3 billion", ValueKind::Money, Some(3e9), Some("USD"), None);
    let meeting = d.relation(MARTA, "meets", KAITO, "met", Some("met"));
    meeting.values = vec![0];
    meeting.place = Some(PORT_SELLA.to_owned());
    d.relation(
        LUMORA,
        "sells_to",
        ESTOVIA,
        "agreed to sell",
        Some("agreed to sell"),
    )
    .values = vec![1, 2];
    d.relation(
        ESTOVIA,
        "sanctions",
        LUMORA,
        "did not sanction",
        Some("did not sanction"),
    )
    .negated = true;
    d.relation(MARTA, "lauds", KAITO, "lauded", Some("lauded"));
    d.role(MARTA, "Prime Minister", Some(ESTOVIA), "Prime Minister");
    d.role(KAITO, "Chief Executive", Some(LUMORA), "chief executive");
    let quote_text = "We value this \"partnership\" \\ deeply,";
    let (start, end) = span(text, quote_text);
    let evidence = d.evidence(quote_text, "test-quote");
    d.x.quotes.push(Quote {
        speaker: Some(MARTA.to_owned()),
        start,
        end,
        text: quote_text.to_owned(),
        evidence,
    });
    d.x
}

/// The second report: another person, another country, the same Estovia under a longer name.
pub fn doc_b() -> Extraction {
    let text = "Tomas Berg, Estovia's foreign minister, visited Norland. Berg later met Marta Ilves. \
Berg is the envoy.";
    let mut d = Doc::new(
        "report-b",
        "Estovian minister in Norland",
        "2031-04-05",
        text,
    );
    d.x.entities = vec![
        entity(EntityType::Person, "Tomas Berg", &["Berg"], None),
        entity(
            EntityType::Country,
            "Estovia",
            &["Republic of Estovia"],
            Some("Q999001"),
        ),
        entity(EntityType::Country, "Norland", &[], None),
        entity(EntityType::Person, "Marta Ilves", &["Ms Ilves"], None),
    ];
    d.mention("Tomas Berg", EntityType::Person, TOMAS);
    d.mention("Estovia", EntityType::Country, ESTOVIA);
    d.mention("Norland", EntityType::Country, NORLAND);
    d.mention("Marta Ilves", EntityType::Person, MARTA);
    d.relation(TOMAS, "visits", NORLAND, "visited", Some("visited"))
        .hedged = false;
    d.relation(TOMAS, "meets", MARTA, "later met", Some("met"));
    d.role(TOMAS, "Foreign Minister", Some(ESTOVIA), "foreign minister");
    d.role(TOMAS, "Envoy", None, "envoy");
    // Said in report A too: the post's triples are in both document graphs.
    d.role(MARTA, "Prime Minister", Some(ESTOVIA), "Marta Ilves");
    d.x
}
