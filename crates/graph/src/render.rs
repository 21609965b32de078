//! DOT diagrams of the entity view (graphviz-rust structures and printer), and SVG/PNG through
//! Graphviz's `dot`.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Stdio};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph as Dot, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use kg_schema::EntityType;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::error::{Error, Result};
use crate::view::{EdgeKind, EntityGraph, RelationEdge};

/// How to draw a diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    /// A title above the diagram.
    pub title: Option<String>,
    /// The key of an entity to highlight (the focus of a neighbourhood).
    pub focus: Option<String>,
    /// Whether to draw the legend of entity types.
    pub legend: bool,
    /// Longest node or edge label, in characters; longer ones are cut with an ellipsis.
    pub max_label: usize,
    /// Graphviz `rankdir`: `LR` (default) or `TB`.
    pub rankdir: String,
    /// Draw one edge per linked pair of entities (every predicate, both directions), its pen
    /// as heavy as the statements behind it, instead of one edge per predicate.
    pub merge_links: bool,
    /// The Graphviz layout engine written into the DOT source (`dot` when not set); `neato` and
    /// `sfdp` spread a hub-and-spoke overview better than `dot`'s ranks.
    pub layout: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            title: None,
            focus: None,
            legend: true,
            max_label: 40,
            rankdir: "LR".to_owned(),
            merge_links: false,
            layout: None,
        }
    }
}

/// Image formats Graphviz renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// Scalable vector graphics.
    Svg,
    /// Portable network graphics.
    Png,
}

impl ImageFormat {
    /// `svg` or `png` (case-insensitive), as a name or a file extension.
    pub fn from_name(name: &str) -> Option<Self> {
        match name
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "svg" => Some(ImageFormat::Svg),
            "png" => Some(ImageFormat::Png),
            _ => None,
        }
    }

    fn flag(self) -> &'static str {
        match self {
            ImageFormat::Svg => "-Tsvg",
            ImageFormat::Png => "-Tpng",
        }
    }
}

const FONT: &str = "Helvetica";

/// Fill colour and shape of a type's nodes.
fn style_of(kind: Option<EntityType>) -> (&'static str, &'static str) {
    match kind {
        Some(EntityType::Person) => ("#a6cee3", "ellipse"),
        Some(EntityType::Organization) => ("#b2df8a", "box"),
        Some(EntityType::Company) => ("#ccebc5", "box"),
        Some(EntityType::Country) => ("#fdbf6f", "hexagon"),
        Some(EntityType::City) => ("#ffff99", "octagon"),
        Some(EntityType::Place) => ("#fb9a99", "hexagon"),
        Some(EntityType::Event) => ("#cab2d6", "parallelogram"),
        Some(EntityType::Law) => ("#d9d9d9", "note"),
        _ => ("#ffffff", "ellipse"),
    }
}

fn type_name(kind: Option<EntityType>) -> &'static str {
    kind.map(EntityType::name).unwrap_or("Unknown")
}

/// A DOT string literal, escaped; labels longer than `max` characters are cut.
fn quoted(s: &str, max: usize) -> Id {
    let mut chars: Vec<char> = s
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    if chars.len() > max.max(2) {
        chars.truncate(max.max(2) - 1);
        chars.push('…');
    }
    let mut out = String::with_capacity(chars.len() + 2);
    out.push('"');
    for c in chars {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

/// `s` cut to `max` characters with an ellipsis.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max.max(2) {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.max(2) - 1).collect();
    out.push('…');
    out
}

/// An edge label: the text cut to `max` characters, then the statements when more than one,
/// so the count always shows.
fn edge_label(text: &str, statements: usize, max: usize) -> Id {
    let mut label = cut(text, max);
    if statements > 1 {
        label.push_str(&format!(" ({statements})"));
    }
    quoted(&label, usize::MAX)
}

fn attr(name: &str, value: Id) -> Attribute {
    Attribute(Id::Plain(name.to_owned()), value)
}

fn plain(value: impl Into<String>) -> Id {
    Id::Plain(value.into())
}

fn text(value: &str) -> Id {
    quoted(value, usize::MAX)
}

fn node_id(name: String) -> NodeId {
    NodeId(Id::Plain(name), None)
}

/// The DOT source of a diagram of `view`: nodes coloured and shaped by type, edges labelled by
/// predicate (roles as dashed person -> organisation edges labelled by the title), a legend.
pub fn to_dot(view: &EntityGraph, options: &RenderOptions) -> String {
    let g = view.graph();
    let max = options.max_label.max(8);
    let mut stmts: Vec<Stmt> = Vec::new();
    let mut graph_attrs = vec![
        attr("rankdir", text(&options.rankdir)),
        attr("fontname", text(FONT)),
        attr("fontsize", plain("12")),
        attr("bgcolor", text("white")),
        attr("nodesep", plain("0.3")),
        attr("ranksep", plain("0.6")),
    ];
    let ranked = matches!(options.layout.as_deref(), None | Some("dot"));
    if !ranked {
        // Spring layouts: no overlapping nodes, curved edges around them, components packed.
        graph_attrs.extend([
            attr("layout", text(options.layout.as_deref().unwrap_or("dot"))),
            attr("overlap", text("prism")),
            attr("overlap_scaling", plain("2")),
            attr("sep", text("+8")),
            attr("splines", text("true")),
            attr("pack", text("true")),
            attr("outputorder", text("edgesfirst")),
            // Longer springs than the defaults leave room for edge labels between nodes.
            attr("K", plain("1.0")),
        ]);
    }
    if let Some(title) = &options.title {
        graph_attrs.push(attr("label", quoted(title, 400)));
        graph_attrs.push(attr("labelloc", text("t")));
    }
    stmts.push(Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)));
    stmts.push(Stmt::GAttribute(GraphAttributes::Node(vec![
        attr("fontname", text(FONT)),
        attr("fontsize", plain("11")),
        attr("style", text("filled")),
        attr("color", text("#555555")),
    ])));
    let mut edge_attrs = vec![
        attr("fontname", text(FONT)),
        attr("fontsize", plain("9")),
        attr("color", text("#666666")),
        attr("fontcolor", text("#333333")),
    ];
    if !ranked {
        edge_attrs.push(attr("len", plain("1.6")));
    }
    stmts.push(Stmt::GAttribute(GraphAttributes::Edge(edge_attrs)));

    let mut types: Vec<Option<EntityType>> = Vec::new();
    for ix in g.node_indices() {
        let n = &g[ix];
        if !types.contains(&n.kind) {
            types.push(n.kind);
        }
        let (fill, shape) = style_of(n.kind);
        let mut label = n.label.clone();
        if !n.roles.is_empty() {
            label.push('\n');
            label.push_str(&n.roles.join(", "));
        }
        let mut attrs = vec![
            attr("label", quoted(&label, max * 2)),
            attr("fillcolor", text(fill)),
            attr("shape", text(shape)),
            attr("tooltip", text(&format!("{} ({})", n.label, n.key))),
        ];
        if shape == "box" {
            attrs.push(attr("style", text("filled,rounded")));
        }
        if options.focus.as_deref() == Some(n.key.as_str()) {
            attrs.push(attr("penwidth", plain("3")));
            attrs.push(attr("peripheries", plain("2")));
        }
        stmts.push(Stmt::Node(Node::new(vertex(ix), attrs)));
    }

    if options.merge_links {
        for link in links(view) {
            stmts.push(Stmt::Edge(merged_edge(&link, max)));
        }
    } else {
        for e in g.edge_references() {
            stmts.push(Stmt::Edge(edge(e.source(), e.target(), e.weight(), max)));
        }
    }

    if options.legend && !types.is_empty() {
        types.sort_by_key(|t| {
            t.map_or(usize::MAX, |t| {
                EntityType::ALL
                    .iter()
                    .position(|x| *x == t)
                    .unwrap_or(usize::MAX)
            })
        });
        if ranked {
            stmts.push(Stmt::Subgraph(legend(&types)));
        } else {
            stmts.push(Stmt::Node(legend_node(&types)));
        }
    }

    let dot = Dot::DiGraph {
        id: plain("kg"),
        strict: false,
        stmts,
    };
    dot.print(&mut PrinterContext::default())
}

/// Width of an edge's pen: 1 for one statement, up to 4 for twenty and more.
fn pen(statements: usize) -> String {
    format!("{:.1}", 1.0 + (statements.max(1) as f64).ln().min(3.0))
}

fn edge(from: NodeIndex, to: NodeIndex, w: &RelationEdge, max: usize) -> Edge {
    let mut attrs = vec![
        attr("label", edge_label(&w.label, w.statements, max)),
        attr("penwidth", plain(pen(w.statements))),
        attr(
            "tooltip",
            text(&format!(
                "{}: {} statement(s) in {} document(s)",
                w.label, w.statements, w.documents
            )),
        ),
    ];
    if w.kind == EdgeKind::Role {
        role_style(&mut attrs);
    }
    Edge {
        ty: EdgeTy::Pair(Vertex::N(vertex(from)), Vertex::N(vertex(to))),
        attributes: attrs,
    }
}

/// Roles are drawn dashed and blue, apart from relations.
fn role_style(attrs: &mut Vec<Attribute>) {
    attrs.push(attr("style", text("dashed")));
    attrs.push(attr("color", text("#1f78b4")));
    attrs.push(attr("fontcolor", text("#1f78b4")));
}

fn vertex(ix: NodeIndex) -> NodeId {
    node_id(format!("n{}", ix.index()))
}

/// The edges between one pair of entities, `a` before `b` in node order.
struct Link<'a> {
    a: NodeIndex,
    b: NodeIndex,
    /// Each edge, and whether it points from `a` to `b`.
    parts: Vec<(&'a RelationEdge, bool)>,
}

/// Edges grouped by the unordered pair they link, in node order; self-loops are left out.
fn links(view: &EntityGraph) -> Vec<Link<'_>> {
    let mut by_pair: BTreeMap<(NodeIndex, NodeIndex), Vec<(&RelationEdge, bool)>> = BTreeMap::new();
    for e in view.graph().edge_references() {
        let (s, t) = (e.source(), e.target());
        if s == t {
            continue;
        }
        let key = if s < t { (s, t) } else { (t, s) };
        by_pair.entry(key).or_default().push((e.weight(), s < t));
    }
    by_pair
        .into_iter()
        .map(|((a, b), mut parts)| {
            parts.sort_by(|x, y| {
                y.0.statements
                    .cmp(&x.0.statements)
                    .then_with(|| x.0.label.cmp(&y.0.label))
            });
            Link { a, b, parts }
        })
        .collect()
}

/// One edge for a linked pair: labelled by its two heaviest predicates and the statements in
/// all; arrows as the parts point; dashed only when every part is a role.
fn merged_edge(link: &Link<'_>, max: usize) -> Edge {
    let statements: usize = link.parts.iter().map(|(w, _)| w.statements).sum();
    let mut names: Vec<&str> = Vec::new();
    for (w, _) in &link.parts {
        if !names.contains(&w.label.as_str()) {
            names.push(&w.label);
        }
    }
    let mut label = names.iter().take(2).copied().collect::<Vec<_>>().join(", ");
    if names.len() > 2 {
        label.push_str(&format!(" +{}", names.len() - 2));
    }
    let tooltip: Vec<String> = link
        .parts
        .iter()
        .map(|(w, _)| {
            format!(
                "{}: {} statement(s) in {} document(s)",
                w.label, w.statements, w.documents
            )
        })
        .collect();
    let forward = link.parts.iter().any(|(_, f)| *f);
    let backward = link.parts.iter().any(|(_, f)| !*f);
    let mut attrs = vec![
        attr("label", edge_label(&label, statements, max)),
        attr("penwidth", plain(pen(statements))),
        attr("tooltip", text(&tooltip.join("\n"))),
    ];
    let (from, to) = if forward {
        (link.a, link.b)
    } else {
        (link.b, link.a)
    };
    if forward && backward {
        attrs.push(attr("dir", text("both")));
    }
    if link.parts.iter().all(|(w, _)| w.kind == EdgeKind::Role) {
        role_style(&mut attrs);
    }
    Edge {
        ty: EdgeTy::Pair(Vertex::N(vertex(from)), Vertex::N(vertex(to))),
        attributes: attrs,
    }
}

/// The legend as one node holding a table, for layouts without clusters (`sfdp`, `neato`).
fn legend_node(types: &[Option<EntityType>]) -> Node {
    let mut html = String::from(
        "<<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\">\
         <TR><TD><B>Legend</B></TD></TR>",
    );
    for t in types {
        let (fill, _) = style_of(*t);
        html.push_str(&format!(
            "<TR><TD BGCOLOR=\"{fill}\">{}</TD></TR>",
            type_name(*t)
        ));
    }
    html.push_str(
        "<TR><TD>solid edge: relation</TD></TR><TR><TD>dashed edge: role</TD></TR>\
         <TR><TD>thicker edge: more statements</TD></TR></TABLE>>",
    );
    Node::new(
        node_id("legend".to_owned()),
        vec![
            attr("label", Id::Html(html)),
            attr("shape", text("plaintext")),
            attr("style", text("solid")),
            attr("fontsize", plain("9")),
        ],
    )
}

fn legend(types: &[Option<EntityType>]) -> Subgraph {
    let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("label", text("Legend")),
        attr("style", text("dashed")),
        attr("color", text("#999999")),
        attr("fontname", text(FONT)),
        attr("fontsize", plain("10")),
    ]))];
    for (i, t) in types.iter().enumerate() {
        let (fill, shape) = style_of(*t);
        let mut attrs = vec![
            attr("label", text(type_name(*t))),
            attr("fillcolor", text(fill)),
            attr("shape", text(shape)),
            attr("fontsize", plain("9")),
        ];
        if shape == "box" {
            attrs.push(attr("style", text("filled,rounded")));
        }
        stmts.push(Stmt::Node(Node::new(node_id(format!("legend_{i}")), attrs)));
    }
    stmts.push(Stmt::Node(Node::new(
        node_id("legend_edges".to_owned()),
        vec![
            attr(
                "label",
                text("solid edge: relation\ndashed edge: role (title)"),
            ),
            attr("shape", text("plaintext")),
            attr("style", text("solid")),
            attr("fontsize", plain("9")),
        ],
    )));
    Subgraph {
        id: plain("cluster_legend"),
        stmts,
    }
}

/// Renders DOT source to an image with Graphviz `dot`.
///
/// Returns [`Error::DotNotFound`] when Graphviz is not installed.
pub fn render_image(dot: &str, format: ImageFormat) -> Result<Vec<u8>> {
    render_image_with("dot", dot, format)
}

/// The same, with another Graphviz program (a path to `dot`, or `neato`, `fdp`, ...).
pub fn render_image_with(
    program: impl AsRef<OsStr>,
    dot: &str,
    format: ImageFormat,
) -> Result<Vec<u8>> {
    let mut child = Command::new(program)
        .arg(format.flag())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::DotNotFound,
            _ => Error::DotIo(e),
        })?;
    let stdin = child.stdin.take();
    let output = std::thread::scope(|scope| {
        scope.spawn(move || {
            if let Some(mut stdin) = stdin {
                // A write error means dot exited early; its status and stderr say why.
                let _ = stdin.write_all(dot.as_bytes());
            }
        });
        child.wait_with_output()
    })
    .map_err(Error::DotIo)?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(Error::Dot {
            status: output.status.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        })
    }
}
