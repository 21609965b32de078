//! `kg render`: DOT, SVG or PNG of the graph or of one entity's neighbourhood.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use kg_graph::{ImageFormat, RenderOptions, render_image, to_dot};

use crate::Outcome;
use crate::args::{RenderFormat, StoreArgs};
use crate::commands::open_read;
use crate::output::writer;

pub fn run(
    focus: Option<&str>,
    depth: usize,
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
    let graph = open_read(store)?;
    let view = graph.entity_graph()?;
    let mut options = RenderOptions::default();
    let view = match focus {
        Some(name) => {
            let ix = view.resolve(name)?;
            let node = view.node(ix).map(|n| (n.key.clone(), n.label.clone()));
            if let Some((key, label)) = node {
                options.focus = Some(key);
                options.title = Some(format!(
                    "{label}: {depth} hop{}",
                    if depth == 1 { "" } else { "s" }
                ));
            }
            view.neighbourhood(ix, depth)
        }
        None => view,
    };
    let dot = to_dot(&view, &options);
    let bytes = match format {
        RenderFormat::Dot => dot.into_bytes(),
        RenderFormat::Svg => render_image(&dot, ImageFormat::Svg)?,
        RenderFormat::Png => render_image(&dot, ImageFormat::Png)?,
    };
    let mut out = writer(output)?;
    out.write_all(&bytes)?;
    out.flush()?;
    if let Some(p) = output {
        eprintln!(
            "wrote {} ({} entities, {} edges)",
            p.display(),
            view.node_count(),
            view.edge_count()
        );
    }
    Ok(Outcome::Done)
}
