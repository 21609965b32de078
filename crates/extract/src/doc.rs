//! What the relation-finding steps share about one document: its analysis, its mentions and the
//! entities they belong to, with look-ups by token position.

use crate::analysis::Analysis;
use crate::coref::Cluster;
use crate::mentions::Found;
use crate::model::EntityType;

/// One document's mentions and entities.
#[derive(Debug)]
pub struct DocContext<'a, 't> {
    pub analysis: &'a Analysis<'t>,
    pub found: Vec<Found>,
    pub clusters: Vec<Cluster>,
    /// For each mention, its cluster.
    pub cluster_of: Vec<usize>,
}

impl DocContext<'_, '_> {
    /// The mention of sentence `sent` that ends right before token `end`.
    pub fn mention_ending_at(&self, sent: usize, end: usize) -> Option<usize> {
        self.found
            .iter()
            .position(|f| f.sent == sent && f.end == end)
    }

    /// The mention of sentence `sent` that starts at token `start`.
    pub fn mention_starting_at(&self, sent: usize, start: usize) -> Option<usize> {
        self.found
            .iter()
            .position(|f| f.sent == sent && f.start == start)
    }

    /// The cluster of a country, added without a mention when the text only implies it (a
    /// demonym such as "Norwegian" names Norway without a mention of it).
    pub fn country_cluster(&mut self, name: &str) -> usize {
        if let Some(i) = self
            .clusters
            .iter()
            .position(|c| c.kind == EntityType::Country && c.label == name)
        {
            return i;
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
        self.clusters.len() - 1
    }

    /// Whether a cluster can own a post: a country or an organisation.
    pub fn is_owner(&self, cluster: usize) -> bool {
        matches!(
            self.clusters[cluster].kind,
            EntityType::Country | EntityType::Organization | EntityType::Company
        )
    }

    /// The owner of a post named right before token `end`: a demonym ("French"), or a country or
    /// organisation mention, possibly with a possessive ("Norway's").
    pub fn owner_before(&mut self, sent: usize, end: usize) -> Option<usize> {
        if end == 0 {
            return None;
        }
        let toks = &self.analysis.sents[sent].toks;
        let last = toks[end - 1].text;
        if let Some(country) = self.analysis.lex.demonym(last) {
            let name = country.name.clone();
            return Some(self.country_cluster(&name));
        }
        let end = if matches!(last, "'s" | "\u{2019}s") {
            end - 1
        } else {
            end
        };
        let m = self.mention_ending_at(sent, end)?;
        let cluster = self.cluster_of[m];
        self.is_owner(cluster).then_some(cluster)
    }

    /// The owner of a post named from token `start` on ("the Norwegian ...", "the US's ...");
    /// returns it and the token after it.
    pub fn owner_after(&mut self, sent: usize, start: usize) -> (Option<usize>, usize) {
        let Some(tok) = self.analysis.sents[sent].toks.get(start) else {
            return (None, start);
        };
        if let Some(country) = self.analysis.lex.demonym(tok.text) {
            let name = country.name.clone();
            return (Some(self.country_cluster(&name)), start + 1);
        }
        let Some(m) = self.mention_starting_at(sent, start) else {
            return (None, start);
        };
        let cluster = self.cluster_of[m];
        if !self.is_owner(cluster) {
            return (None, start);
        }
        let mut next = self.found[m].end;
        if self.analysis.sents[sent]
            .toks
            .get(next)
            .is_some_and(|t| matches!(t.text, "'s" | "\u{2019}s"))
        {
            next += 1;
        }
        (Some(cluster), next)
    }
}
