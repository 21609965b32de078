//! Views small enough to read, cut from a large entity graph: the best-ranked entities with the
//! relations between them, or one entity with its strongest neighbours. Each cut counts what it
//! left out, so a caption can say it.
//!
//! Two entities are linked when the statements between them (every predicate, both directions)
//! reach the minimum weight. Ranking is PageRank over those links, undirected and weighted by
//! statements: news relations are rarely one-way in importance (whoever meets or visits is as
//! notable as who is met or visited), and a directed rank would bury the people who are
//! usually the subjects. Unlike plain degree, it prefers entities linked to other well-linked
//! entities, which is what keeps a top-N cut connected.

use std::collections::{BTreeMap, HashMap, HashSet};

use kg_schema::EntityType;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::view::EntityGraph;

/// What to keep of a large view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewLimits {
    /// Most entities drawn (without a focus) or neighbours kept (with one); 0 keeps all.
    pub top: usize,
    /// Only entities of these types (every type when empty); a focus is always kept.
    pub types: Vec<EntityType>,
    /// Fewest statements between two entities (all predicates, both directions) for them to
    /// count as linked; lighter links are not drawn.
    pub min_weight: usize,
}

impl Default for ViewLimits {
    fn default() -> Self {
        ViewLimits {
            top: 50,
            types: Vec::new(),
            min_weight: 1,
        }
    }
}

impl ViewLimits {
    fn keeps_type(&self, kind: Option<EntityType>) -> bool {
        self.types.is_empty() || kind.is_some_and(|k| self.types.contains(&k))
    }
}

/// The focus of a [`Selection`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusSummary {
    /// The focus's label.
    pub label: String,
    /// Hops from the focus.
    pub depth: usize,
    /// Entities within `depth` hops over links that pass the limits.
    pub neighbours: usize,
    /// How many of them are drawn.
    pub kept: usize,
}

/// How a view was cut: what is shown and what was left out. Without a focus,
/// `entities = shown + other_types + without_links + ranked_lower`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Entities in the whole graph.
    pub entities: usize,
    /// Entities drawn.
    pub shown: usize,
    /// Links (entity pairs) drawn.
    pub links: usize,
    /// Left out for their type.
    pub other_types: usize,
    /// Of the kept types, left out for having no link heavy enough to another kept entity.
    pub without_links: usize,
    /// Linked, but below the top N (or only linked to entities below it).
    pub ranked_lower: usize,
    /// Set when the view is a neighbourhood.
    pub focus: Option<FocusSummary>,
    /// The limits applied.
    pub limits: ViewLimits,
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

impl Selection {
    /// What the view shows, on the first line, and what it leaves out, on the second.
    pub fn caption(&self) -> String {
        let l = &self.limits;
        let mut filters = Vec::new();
        if !l.types.is_empty() {
            let names: Vec<&str> = l.types.iter().map(|t| t.name()).collect();
            filters.push(format!("only {}", names.join(", ")));
        }
        if l.min_weight > 1 {
            filters.push(format!("links of >= {} statements", l.min_weight));
        }
        let mut first = match &self.focus {
            Some(f) => {
                let hops = plural(f.depth, "hop", "hops");
                if f.kept < f.neighbours {
                    format!(
                        "{}: {hops}, the {} strongest of {}",
                        f.label,
                        thousands(f.kept),
                        plural(f.neighbours, "neighbour", "neighbours")
                    )
                } else {
                    format!(
                        "{}: {hops}, {}",
                        f.label,
                        plural(f.kept, "neighbour", "neighbours")
                    )
                }
            }
            None if self.other_types + self.without_links + self.ranked_lower == 0 => {
                format!("all {}", plural(self.shown, "entity", "entities"))
            }
            None if self.ranked_lower == 0 => format!(
                "{} of {}",
                thousands(self.shown),
                plural(self.entities, "entity", "entities")
            ),
            None => format!(
                "top {} of {} by PageRank",
                thousands(self.shown),
                plural(self.entities, "entity", "entities")
            ),
        };
        first.push_str(&format!(", {}", plural(self.links, "link", "links")));
        if !filters.is_empty() {
            first.push_str(&format!(" ({})", filters.join("; ")));
        }
        let mut out_parts = Vec::new();
        if let Some(f) = &self.focus
            && f.kept < f.neighbours
        {
            let n = f.neighbours - f.kept;
            let noun = if n == 1 { "neighbour" } else { "neighbours" };
            out_parts.push(format!("{} weaker {noun}", thousands(n)));
        }
        if self.other_types > 0 {
            out_parts.push(format!("{} of other types", thousands(self.other_types)));
        }
        if self.focus.is_none() && self.without_links > 0 {
            out_parts.push(format!("{} without links", thousands(self.without_links)));
        }
        if self.focus.is_none() && self.ranked_lower > 0 {
            out_parts.push(format!("{} ranked lower", thousands(self.ranked_lower)));
        }
        if out_parts.is_empty() {
            first
        } else {
            format!("{first}\nleft out: {}", out_parts.join(", "))
        }
    }
}

/// Links between entities: unordered pairs with the statements between them, filtered by the
/// limits, stored as adjacency arrays (plain loops over flat arrays stay fast in unoptimised
/// builds too).
struct Links {
    /// Linked pairs `(a, b, statements)` with `a < b`, sorted.
    pairs: Vec<(u32, u32, usize)>,
    /// Where each node's neighbours start in `near` (one more entry than nodes).
    start: Vec<usize>,
    /// Neighbours, grouped by node, with the statements of the link.
    near: Vec<(u32, usize)>,
}

impl Links {
    /// Links between entities that `keep` accepts, with at least `min_weight` statements.
    fn new(view: &EntityGraph, min_weight: usize, keep: impl Fn(NodeIndex) -> bool) -> Links {
        let g = &view.graph;
        let kept: Vec<bool> = g.node_indices().map(keep).collect();
        let mut edges: Vec<(u32, u32, usize)> = Vec::with_capacity(g.edge_count());
        for e in g.edge_references() {
            let (a, b) = (e.source().index(), e.target().index());
            if a != b && kept[a] && kept[b] {
                let (a, b) = if a < b { (a, b) } else { (b, a) };
                edges.push((a as u32, b as u32, e.weight().statements));
            }
        }
        edges.sort_unstable();
        let mut pairs: Vec<(u32, u32, usize)> = Vec::with_capacity(edges.len());
        for (a, b, w) in edges {
            match pairs.last_mut() {
                Some(last) if last.0 == a && last.1 == b => last.2 += w,
                _ => pairs.push((a, b, w)),
            }
        }
        pairs.retain(|p| p.2 >= min_weight.max(1));
        let n = g.node_count();
        let mut start = vec![0; n + 1];
        for &(a, b, _) in &pairs {
            start[a as usize + 1] += 1;
            start[b as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut near = vec![(0, 0); start[n]];
        for &(a, b, w) in &pairs {
            near[fill[a as usize]] = (b, w);
            fill[a as usize] += 1;
            near[fill[b as usize]] = (a, w);
            fill[b as usize] += 1;
        }
        Links { pairs, start, near }
    }

    /// The nodes linked to `ix`, with the statements of each link.
    fn of(&self, ix: NodeIndex) -> impl Iterator<Item = (NodeIndex, usize)> + '_ {
        self.near[self.start[ix.index()]..self.start[ix.index() + 1]]
            .iter()
            .map(|&(n, w)| (NodeIndex::new(n as usize), w))
    }

    fn linked(&self, ix: NodeIndex) -> bool {
        self.start[ix.index()] < self.start[ix.index() + 1]
    }

    /// PageRank over the links, undirected and weighted by statements (damping 0.85, 30
    /// rounds, plenty to order the top entities); entities without links keep only the
    /// random-jump share.
    fn page_rank(&self) -> Vec<f64> {
        let n = self.start.len() - 1;
        if n == 0 {
            return Vec::new();
        }
        let d = 0.85;
        let nf = n as f64;
        // The share of a node's rank each of its links passes on.
        let mut share = vec![0.0; self.near.len()];
        let mut dangling: Vec<usize> = Vec::new();
        for u in 0..n {
            let (from, to) = (self.start[u], self.start[u + 1]);
            let strength: usize = self.near[from..to].iter().map(|p| p.1).sum();
            if strength == 0 {
                dangling.push(u);
            }
            for (s, &(_, w)) in share[from..to].iter_mut().zip(&self.near[from..to]) {
                *s = d * w as f64 / strength as f64;
            }
        }
        let mut rank = vec![1.0 / nf; n];
        let mut next = vec![0.0; n];
        for _ in 0..30 {
            let lost: f64 = dangling.iter().map(|&u| rank[u]).sum();
            next.fill((1.0 - d) / nf + d * lost / nf);
            for (u, &r) in rank.iter().enumerate() {
                let links = self.start[u]..self.start[u + 1];
                for (&(v, _), s) in self.near[links.clone()].iter().zip(&share[links]) {
                    next[v as usize] += r * s;
                }
            }
            std::mem::swap(&mut rank, &mut next);
        }
        rank
    }

    fn has(&self, a: NodeIndex, b: NodeIndex) -> bool {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        let key = (a.index() as u32, b.index() as u32);
        self.pairs
            .binary_search_by(|p| (p.0, p.1).cmp(&key))
            .is_ok()
    }

    /// The view of `nodes` with only the edges of kept links.
    fn view_of(&self, view: &EntityGraph, nodes: &HashSet<NodeIndex>) -> EntityGraph {
        let g = &view.graph;
        let graph = g.filter_map(
            |ix, n| nodes.contains(&ix).then(|| n.clone()),
            |ix, e| {
                let (a, b) = g.edge_endpoints(ix)?;
                (nodes.contains(&a) && nodes.contains(&b) && self.has(a, b)).then(|| e.clone())
            },
        );
        let by_key = graph
            .node_indices()
            .map(|ix| (graph[ix].key.clone(), ix))
            .collect();
        EntityGraph { graph, by_key }
    }

    /// Links between the given nodes.
    fn count_in(&self, nodes: &HashSet<NodeIndex>) -> usize {
        nodes
            .iter()
            .flat_map(|&a| {
                self.of(a)
                    .filter(move |&(b, _)| a < b && nodes.contains(&b))
            })
            .count()
    }
}

/// Best first: higher scores (compared in order), then label, then key, so cuts are the same
/// on every run.
fn by_score(view: &EntityGraph, nodes: &mut [NodeIndex], score: impl Fn(NodeIndex) -> [f64; 2]) {
    let g = &view.graph;
    nodes.sort_by(|&a, &b| {
        let (sa, sb) = (score(a), score(b));
        sb[0]
            .total_cmp(&sa[0])
            .then_with(|| sb[1].total_cmp(&sa[1]))
            .then_with(|| g[a].label.cmp(&g[b].label))
            .then_with(|| g[a].key.cmp(&g[b].key))
    });
}

impl EntityGraph {
    /// The `limits.top` best-ranked entities of the kept types, each linked to at least one
    /// other drawn entity, and the links between them.
    ///
    /// Entities are taken best first; one with no link to those already taken waits until a
    /// later one links to it, so the cut holds no isolated entity and stays near the top ranks.
    pub fn overview(&self, limits: &ViewLimits) -> (EntityGraph, Selection) {
        let g = &self.graph;
        let typed = |ix: NodeIndex| limits.keeps_type(g[ix].kind);
        let links = Links::new(self, limits.min_weight, typed);
        let rank = links.page_rank();
        let mut candidates: Vec<NodeIndex> = g
            .node_indices()
            .filter(|&ix| typed(ix) && links.linked(ix))
            .collect();
        let of_type = g.node_indices().filter(|&ix| typed(ix)).count();
        by_score(self, &mut candidates, |ix| [rank[ix.index()], 0.0]);
        let cap = if limits.top == 0 {
            usize::MAX
        } else {
            limits.top.max(2)
        };

        let mut taken: HashSet<NodeIndex> = HashSet::new();
        let mut waiting: BTreeMap<usize, NodeIndex> = BTreeMap::new(); // by rank position
        let mut position: HashMap<NodeIndex, usize> = HashMap::new();
        for (pos, &c) in candidates.iter().enumerate() {
            if taken.len() >= cap {
                break;
            }
            let joins_taken = links.of(c).any(|(n, _)| taken.contains(&n));
            let mut partners: Vec<usize> = links
                .of(c)
                .filter_map(|(n, _)| position.get(&n).copied())
                .filter(|p| waiting.contains_key(p))
                .collect();
            partners.sort_unstable();
            if !joins_taken && (partners.is_empty() || taken.len() + 2 > cap) {
                waiting.insert(pos, c);
                position.insert(c, pos);
                continue;
            }
            taken.insert(c);
            for p in partners {
                if taken.len() >= cap {
                    break;
                }
                if let Some(n) = waiting.remove(&p) {
                    taken.insert(n);
                }
            }
        }

        let sub = links.view_of(self, &taken);
        let selection = Selection {
            entities: g.node_count(),
            shown: taken.len(),
            links: links.count_in(&taken),
            other_types: g.node_count() - of_type,
            without_links: of_type - candidates.len(),
            ranked_lower: candidates.len() - taken.len(),
            focus: None,
            limits: limits.clone(),
        };
        (sub, selection)
    }

    /// The neighbourhood of `focus` within `depth` hops over links that pass the limits, cut to
    /// the focus and its `limits.top` strongest neighbours: nearer hops first, then the most
    /// statements linking a neighbour to those already kept, then PageRank.
    pub fn focus_view(
        &self,
        focus: NodeIndex,
        depth: usize,
        limits: &ViewLimits,
    ) -> (EntityGraph, Selection) {
        let g = &self.graph;
        let typed = |ix: NodeIndex| ix == focus || limits.keeps_type(g[ix].kind);
        let links = Links::new(self, limits.min_weight, typed);
        let rank = links.page_rank();
        let cap = if limits.top == 0 {
            usize::MAX
        } else {
            limits.top
        };

        let mut kept: HashSet<NodeIndex> = HashSet::from([focus]);
        let mut seen: HashSet<NodeIndex> = HashSet::from([focus]);
        let mut frontier = vec![focus];
        let mut neighbours = 0;
        for _ in 0..depth {
            // Every entity one hop further, with the statements linking it to kept entities.
            let mut strength: HashMap<NodeIndex, usize> = HashMap::new();
            for &ix in &frontier {
                for (n, w) in links.of(ix) {
                    if !seen.contains(&n) {
                        *strength.entry(n).or_default() += if kept.contains(&ix) { w } else { 0 };
                    }
                }
            }
            if strength.is_empty() {
                break;
            }
            neighbours += strength.len();
            let mut layer: Vec<NodeIndex> = strength.keys().copied().collect();
            by_score(self, &mut layer, |ix| {
                [strength[&ix] as f64, rank[ix.index()]]
            });
            for &n in &layer {
                seen.insert(n);
                if kept.len() - 1 < cap && strength[&n] > 0 {
                    kept.insert(n);
                }
            }
            frontier = layer;
        }

        let sub = links.view_of(self, &kept);
        let selection = Selection {
            entities: g.node_count(),
            shown: kept.len(),
            links: links.count_in(&kept),
            other_types: 0,
            without_links: 0,
            ranked_lower: 0,
            focus: Some(FocusSummary {
                label: g[focus].label.clone(),
                depth,
                neighbours,
                kept: kept.len() - 1,
            }),
            limits: limits.clone(),
        };
        (sub, selection)
    }
}

#[cfg(test)]
mod tests;
