//! Looking entities up by name.

use petgraph::graph::NodeIndex;

use crate::error::{Error, Result};
use crate::names::{distance, match_level, tokens};
use crate::view::EntityGraph;

/// The outcome of [`EntityGraph::find`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The best matches, most connected first.
    Found(Vec<NodeIndex>),
    /// Nothing matched; these names are close (`Label (Type)`), best first. May be empty.
    Suggestions(Vec<String>),
}

impl EntityGraph {
    /// Finds entities by key, label or alias: case and diacritics are ignored, and a single name
    /// ("Lima") matches a longer one ("Ana Lima"). Only the best kind of match is returned
    /// (exact over whole-word over prefix). When nothing matches, close names are suggested
    /// (edit distance, or a prefix of a word).
    pub fn find(&self, name: &str) -> Lookup {
        let name = name.trim();
        if let Some(ix) = self.index_of(name) {
            return Lookup::Found(vec![ix]);
        }
        let query = tokens(name);
        let mut best = 0;
        let mut found: Vec<NodeIndex> = Vec::new();
        for ix in self.graph.node_indices() {
            let node = &self.graph[ix];
            let level = std::iter::once(&node.label)
                .chain(&node.aliases)
                .filter_map(|n| match_level(&query, n))
                .max()
                .unwrap_or(0);
            if level > best {
                best = level;
                found.clear();
            }
            if level == best && level > 0 {
                found.push(ix);
            }
        }
        if !found.is_empty() {
            found.sort_by(|a, b| {
                self.degree(*b)
                    .cmp(&self.degree(*a))
                    .then_with(|| self.graph[*a].label.cmp(&self.graph[*b].label))
            });
            return Lookup::Found(found);
        }
        Lookup::Suggestions(self.suggest(&query))
    }

    fn suggest(&self, query: &[String]) -> Vec<String> {
        let len = query.join(" ").chars().count();
        if len == 0 {
            return Vec::new();
        }
        let allowed = ((len + 2) / 4).clamp(1, 3);
        let mut scored: Vec<(usize, usize, String)> = self
            .graph
            .node_indices()
            .filter_map(|ix| {
                let node = &self.graph[ix];
                let d = std::iter::once(&node.label)
                    .chain(&node.aliases)
                    .map(|n| distance(query, n))
                    .min()?;
                let shown = match node.kind {
                    Some(k) => format!("{} ({k})", node.label),
                    None => node.label.clone(),
                };
                (d <= allowed).then(|| (d, usize::MAX - self.degree(ix), shown))
            })
            .collect();
        scored.sort();
        scored.dedup_by(|a, b| a.2 == b.2);
        scored.into_iter().take(5).map(|(_, _, s)| s).collect()
    }

    /// Finds exactly one entity, or explains why not ([`Error::UnknownEntity`] with
    /// suggestions, [`Error::AmbiguousEntity`] with the candidates).
    pub fn resolve(&self, name: &str) -> Result<NodeIndex> {
        match self.find(name) {
            Lookup::Found(found) if found.len() == 1 => Ok(found[0]),
            Lookup::Found(found) => Err(Error::AmbiguousEntity {
                name: name.to_owned(),
                candidates: found
                    .iter()
                    .map(|ix| format!("{} ({})", self.graph[*ix].label, self.graph[*ix].key))
                    .collect(),
            }),
            Lookup::Suggestions(suggestions) => Err(Error::UnknownEntity {
                name: name.to_owned(),
                suggestions,
            }),
        }
    }
}
