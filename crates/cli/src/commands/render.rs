//! `kg render`: DOT, SVG or PNG of an overview of the graph or of one entity's neighbourhood.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use kg_graph::{ImageFormat, RenderOptions, ViewLimits, render_image, to_dot};

use crate::Outcome;
use crate::args::{RenderFormat, RenderLimits, StoreArgs};
use crate::commands::open_read;
use crate::output::writer;

pub fn run(
    focus: Option<&str>,
    depth: usize,
    limits: &RenderLimits,
    format: Option<RenderFormat>,
    output: Option<&Path>,
    store: &StoreArgs,
) -> Result<Outcome> {
    let format = format
        .or_else(|| {
            let ext = output?.extension()?.to_str()?.to_ascii_lowercase();
            match ext.as_str() {
                "svg" => Some(RenderFormat::Svg),
                "png" => Some(RenderFormat::Png),
                "dot" | "gv" => Some(RenderFormat::Dot),
                _ => None,
            }
        })
        .unwrap_or(RenderFormat::Dot);
    let view_limits = ViewLimits {
        top: limits.top,
        types: limits.types.clone(),
        min_weight: limits.min_weight,
    };
    let graph = open_read(store)?;
    let whole = graph.entity_graph()?;
    let mut options = RenderOptions::default();
    let (view, selection) = match focus {
        Some(name) => {
            let ix = whole.resolve(name)?;
            options.focus = whole.node(ix).map(|n| n.key.clone());
            options.layout = limits.layout.clone();
            whole.focus_view(ix, depth, &view_limits)
        }
        None => {
            options.merge_links = true;
            options.layout = Some(limits.layout.clone().unwrap_or_else(|| "neato".to_owned()));
            whole.overview(&view_limits)
        }
    };
    let caption = selection.caption();
    options.title = Some(caption.clone());
    let dot = to_dot(&view, &options);
    let bytes = match format {
        RenderFormat::Dot => dot.into_bytes(),
        RenderFormat::Svg => render_image(&dot, ImageFormat::Svg)?,
        RenderFormat::Png => render_image(&dot, ImageFormat::Png)?,
    };
    let mut out = writer(output)?;
    out.write_all(&bytes)?;
    out.flush()?;
    eprintln!("{}", caption.replace('\n', "; "));
    if let Some(p) = output {
        // Merged links are drawn as one edge each; otherwise every predicate is its own edge.
        let edges = if options.merge_links {
            selection.links
        } else {
            view.edge_count()
        };
        eprintln!(
            "wrote {} ({} entities, {edges} edges)",
            p.display(),
            view.node_count()
        );
    }
    Ok(Outcome::Done)
}
