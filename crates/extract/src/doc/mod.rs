//! The analysed document the fact readers share: its analysis, its mentions and the entities
//! they belong to, with look-ups by token position.

pub(crate) mod analysis;
pub(crate) mod ids;

use std::ops::Index;

use crate::doc::analysis::Analysis;
pub use crate::doc::ids::{ClusterId, MentionId};
use crate::model::EntityType;
use crate::names::coref::Cluster;
use crate::names::mentions::Found;

impl Index<MentionId> for Vec<Found> {
    type Output = Found;
    fn index(&self, id: MentionId) -> &Found {
        &self[id.0]
    }
}

impl Index<ClusterId> for Vec<Cluster> {
    type Output = Cluster;
    fn index(&self, id: ClusterId) -> &Cluster {
        &self[id.0]
    }
}

impl Index<MentionId> for Vec<ClusterId> {
    type Output = ClusterId;
    fn index(&self, id: MentionId) -> &ClusterId {
        &self[id.0]
    }
}

/// One analysed document: its text, sentences and tagged tokens ([`Analysis`]), its mentions
/// and the entities they belong to. The fact readers (roles, relations, quotes) read it.
#[derive(Debug)]
pub struct Doc<'a, 't> {
    pub analysis: &'a Analysis<'t>,
    pub found: Vec<Found>,
    pub clusters: Vec<Cluster>,
    /// For each mention, its cluster.
    pub cluster_of: Vec<ClusterId>,
    /// For each sentence, its "he"/"she"/"his" that stand for one named person and its "the
    /// company"/"the ministry" that stand for one named body or country, as one-token slots of
    /// that entity's cluster (`facts::pronouns`, `facts::descriptions`; empty until resolved).
    pub pronouns: Vec<crate::facts::relations::Slots>,
}

impl Doc<'_, '_> {
    /// The mention of sentence `sent` that ends right before token `end`.
    pub fn mention_ending_at(&self, sent: usize, end: usize) -> Option<MentionId> {
        self.found
            .iter()
            .position(|f| f.sent == sent && f.end == end)
            .map(MentionId)
    }

    /// The mention of sentence `sent` that starts at token `start`.
    pub fn mention_starting_at(&self, sent: usize, start: usize) -> Option<MentionId> {
        self.found
            .iter()
            .position(|f| f.sent == sent && f.start == start)
            .map(MentionId)
    }

    /// The cluster of a country, added without a mention when the text only implies it (a
    /// demonym such as "Norwegian" names Norway without a mention of it).
    pub fn country_cluster(&mut self, name: &str) -> ClusterId {
        if let Some(i) = self
            .clusters
            .iter()
            .position(|c| c.kind == EntityType::Country && c.label == name)
        {
            return ClusterId(i);
        }
        let wikidata = self
            .analysis
            .lex
            .country(name)
            .and_then(|c| c.wikidata.clone());
        self.clusters.push(Cluster {
            kind: EntityType::Country,
            label: name.to_string(),
            aliases: Vec::new(),
            wikidata,
        });
        ClusterId(self.clusters.len() - 1)
    }

    /// The cluster of a place of `kind` the text implies without naming it as a mention
    /// ("Oslo-based"): the one with that label, else a new one.
    pub fn implied_cluster(&mut self, kind: EntityType, name: &str) -> ClusterId {
        if let Some(i) = self
            .clusters
            .iter()
            .position(|c| c.kind == kind && c.label == name)
        {
            return ClusterId(i);
        }
        self.clusters.push(Cluster {
            kind,
            label: name.to_string(),
            aliases: Vec::new(),
            wikidata: None,
        });
        ClusterId(self.clusters.len() - 1)
    }

    /// Whether a cluster can own a post: a country or an organisation.
    pub fn is_owner(&self, cluster: ClusterId) -> bool {
        matches!(
            self.clusters[cluster].kind,
            EntityType::Country | EntityType::Organization | EntityType::Company
        )
    }

    /// The owner of a post named right before token `end`: a demonym ("French"), or a country or
    /// organisation mention, possibly with a possessive ("Norway's").
    pub fn owner_before(&mut self, sent: usize, end: usize) -> Option<ClusterId> {
        if end == 0 {
            return None;
        }
        let toks = &self.analysis.sents[sent].toks;
        let last = toks[end - 1].text;
        if let Some(country) = self.analysis.lex.demonym(last) {
            let name = country.name.clone();
            return Some(self.country_cluster(&name));
        }
        // "Vexa Corp said its chief executive ...": "its" is the one body named before it in
        // the sentence; beside countries, the one organisation the sentence opens with
        // ("Solvang, which is based in Aarhus, Denmark, was founded by its chief executive,
        // X"); two organisations, and it is none.
        if last.eq_ignore_ascii_case("its") {
            let mut bodies: Vec<ClusterId> = self
                .found
                .iter()
                .zip(&self.cluster_of)
                .filter(|(f, c)| {
                    f.sent == sent
                        && f.end < end
                        && matches!(
                            self.clusters[**c].kind,
                            EntityType::Organization | EntityType::Company | EntityType::Country
                        )
                })
                .map(|(_, &c)| c)
                .collect();
            bodies.sort_unstable();
            bodies.dedup();
            // "Its chief executive, X, said" opening a sentence: the body the sentence before
            // opens with.
            if bodies.is_empty() && end == 1 && sent > 0 {
                return self.body_of_sentence(sent - 1);
            }
            return match bodies[..] {
                [one] => Some(one),
                [] => None,
                _ => {
                    let firms: Vec<ClusterId> = bodies
                        .iter()
                        .copied()
                        .filter(|&c| self.clusters[c].kind != EntityType::Country)
                        .collect();
                    self.body_of_sentence(sent).filter(|c| firms == [*c])
                }
            };
        }
        let end = if matches!(last, "'s" | "\u{2019}s") {
            end - 1
        } else {
            end
        };
        let Some(m) = self.mention_ending_at(sent, end) else {
            // "the company's general counsel", "its chief executive": a description or a
            // pronoun resolved to a body.
            return self
                .pronouns
                .get(sent)?
                .iter()
                .find(|&&(_, e, _)| e == end)
                .map(|&(_, _, c)| c)
                .filter(|&c| self.is_owner(c));
        };
        let cluster = self.cluster_of[m];
        // "Elysee Palace adviser", "Kremlin spokesman": a named place (not a country or city,
        // which stand for their governments) that holds posts is the institution in it.
        if self.clusters[cluster].kind == EntityType::Place {
            self.clusters[cluster.index()].kind = EntityType::Organization;
        }
        self.is_owner(cluster).then_some(cluster)
    }

    /// The body a sentence opens with ("Vexa Corp will pay ...", "The Halvard Society said
    /// ..."), as the subject of what it says.
    fn body_of_sentence(&self, sent: usize) -> Option<ClusterId> {
        let opens = |start: usize| {
            start == 0 || (start == 1 && self.analysis.sents[sent].toks[0].is("the"))
        };
        let (_, &c) = self
            .found
            .iter()
            .zip(&self.cluster_of)
            .find(|(f, _)| f.sent == sent && opens(f.start))?;
        matches!(
            self.clusters[c].kind,
            EntityType::Organization | EntityType::Company
        )
        .then_some(c)
    }

    /// A city, region or country named right before token `end`, possessive or not ("Dayton
    /// Mayor", "Ohio's governor"): the place a local post is of.
    pub fn place_before(&self, sent: usize, end: usize) -> Option<ClusterId> {
        let toks = &self.analysis.sents[sent].toks;
        let last = toks.get(end.checked_sub(1)?)?.text;
        let end = if matches!(last, "'s" | "\u{2019}s") {
            end - 1
        } else {
            end
        };
        let cluster = self.cluster_of[self.mention_ending_at(sent, end)?];
        matches!(
            self.clusters[cluster].kind,
            EntityType::City | EntityType::Place | EntityType::Country
        )
        .then_some(cluster)
    }

    /// The owner of a post named from token `start` on ("the Norwegian ...", "the US's ...");
    /// returns it and the token after it.
    pub fn owner_after(&mut self, sent: usize, start: usize) -> (Option<ClusterId>, usize) {
        let Some(tok) = self.analysis.sents[sent].toks.get(start) else {
            return (None, start);
        };
        if let Some(country) = self.analysis.lex.demonym(tok.text) {
            let name = country.name.clone();
            return (Some(self.country_cluster(&name)), start + 1);
        }
        let possessive = |k: usize| {
            self.analysis.sents[sent]
                .toks
                .get(k)
                .is_some_and(|t| crate::facts::relations::structure::possessive(t.text))
        };
        let Some(m) = self.mention_starting_at(sent, start) else {
            // "X, the company's general counsel": a description resolved to a body.
            let described = self.pronouns.get(sent).and_then(|slots| {
                slots
                    .iter()
                    .find(|&&(s, _, c)| s == start && self.is_owner(c))
                    .map(|&(_, e, c)| (c, e))
            });
            return match described {
                Some((c, e)) if possessive(e) => (Some(c), e + 1),
                _ => (None, start),
            };
        };
        let cluster = self.cluster_of[m];
        if !self.is_owner(cluster) {
            return (None, start);
        }
        let mut next = self.found[m].end;
        if possessive(next) {
            next += 1;
        }
        (Some(cluster), next)
    }
}
