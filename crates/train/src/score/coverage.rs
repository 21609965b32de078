//! How much of what the extractor finds it connects: the share of entities that take part in
//! at least one relation, and the share of quotes that have a named speaker. No gold is needed;
//! these say how silent the graph is, not whether it is right (the relation scorer says that).
//!
//! Per document, an entity is *connected* when it is the subject or object of a relation that
//! is not negated (open `related` ones included) or the person or organisation of a post with
//! an organisation. It *has a fact* when, besides, it holds a post without an organisation or
//! speaks a quote.

use std::collections::BTreeSet;
use std::fmt;

use kg_extract::Extraction;

use super::{Scores, ratio};

/// Counts over a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Documents read.
    pub docs: usize,
    /// Entities, counted per document.
    pub entities: usize,
    /// Entities in at least one relation or post with an organisation.
    pub connected: usize,
    /// Entities with any fact: connected, a post, or a quote they speak.
    pub with_fact: usize,
    /// Quotes found.
    pub quotes: usize,
    /// Quotes with a speaker.
    pub spoken: usize,
}

/// The keys of the entities of `x` that are connected: in a relation that is not negated, or
/// the person or organisation of a post with an organisation.
pub fn connected(x: &Extraction) -> BTreeSet<&str> {
    let mut connected: BTreeSet<&str> = BTreeSet::new();
    for r in x.relations.iter().filter(|r| !r.negated) {
        connected.insert(&r.subject);
        connected.insert(&r.object);
    }
    for r in &x.roles {
        if let Some(org) = &r.org {
            connected.insert(&r.person);
            connected.insert(org);
        }
    }
    connected
}

impl Coverage {
    /// Adds one document's extraction.
    pub fn add(&mut self, x: &Extraction) {
        let connected = connected(x);
        let mut with_fact = BTreeSet::new();
        for r in &x.roles {
            with_fact.insert(r.person.as_str());
        }
        for q in &x.quotes {
            self.quotes += 1;
            if let Some(s) = &q.speaker {
                self.spoken += 1;
                with_fact.insert(s.as_str());
            }
        }
        with_fact.extend(connected.iter().copied());
        self.docs += 1;
        for e in &x.entities {
            self.entities += 1;
            self.connected += usize::from(connected.contains(e.key.as_str()));
            self.with_fact += usize::from(with_fact.contains(e.key.as_str()));
        }
    }

    /// The counts over `extractions`.
    pub fn of<'a>(extractions: impl IntoIterator<Item = &'a Extraction>) -> Coverage {
        let mut c = Coverage::default();
        for x in extractions {
            c.add(x);
        }
        c
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents                              {}", self.docs)?;
        writeln!(
            f,
            "entities in a relation or post with org {} of {} ({:.1}%)",
            self.connected,
            self.entities,
            100.0 * ratio(self.connected, self.entities)
        )?;
        writeln!(
            f,
            "entities with any fact (posts, quotes)  {} of {} ({:.1}%)",
            self.with_fact,
            self.entities,
            100.0 * ratio(self.with_fact, self.entities)
        )?;
        writeln!(
            f,
            "quotes with a named speaker            {} of {} ({:.1}%)",
            self.spoken,
            self.quotes,
            100.0 * ratio(self.spoken, self.quotes)
        )
    }
}

impl Scores for Coverage {
    fn headline(&self) -> Vec<(&'static str, f64)> {
        vec![
            ("connected", ratio(self.connected, self.entities)),
            ("with fact", ratio(self.with_fact, self.entities)),
            ("quotes with speaker", ratio(self.spoken, self.quotes)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use kg_extract::{Document, Options, Pipeline};

    use super::*;

    #[test]
    fn counts_connected_entities_and_spoken_quotes() {
        let x = Pipeline::embedded().extract(
            &Document {
                id: "t".into(),
                text: "Kestrel Media hired Mara Quint in Bergen. Tom Reyes stayed home. \
                       \"We will grow,\" Mara Quint said. \"Nobody knows.\""
                    .into(),
                ..Document::default()
            },
            Options::default(),
        );
        let c = Coverage::of([&x]);
        assert_eq!(c.docs, 1);
        assert_eq!(c.entities, x.entities.len());
        // Kestrel Media and Mara Quint are connected; Tom Reyes is not.
        assert!(c.connected >= 2 && c.connected < c.entities, "{c:?}");
        assert!(c.with_fact >= c.connected);
        assert!(c.quotes >= 1 && c.spoken >= 1, "{c:?}");
        let twice = Coverage::of([&x, &x]);
        assert_eq!(twice.entities, 2 * c.entities);
    }
}
