//! `kg parse`: sentences, words, tags, lemmas and dependency trees, as CoNLL-U or JSON lines.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kg_extract::{ParsedSentence, Pipeline};
use rayon::prelude::*;
use serde::Serialize;

use crate::Outcome;
use crate::args::{ParseFormat, ReadArgs};
use crate::input::{ReadOptions, line_col, read_and_warn};
use crate::output::writer;

/// One sentence of the JSON output.
#[derive(Serialize)]
struct JsonSentence<'a> {
    sent_id: &'a str,
    #[serde(flatten)]
    sentence: &'a ParsedSentence,
}

pub fn run(
    paths: &[PathBuf],
    format: ParseFormat,
    conllu: bool,
    read: &ReadArgs,
    pipeline: &Pipeline,
) -> Result<Outcome> {
    // (document id, its sentences).
    let docs: Vec<(String, Vec<ParsedSentence>, Vec<Option<String>>)> = if conllu {
        let mut docs = Vec::new();
        for path in paths {
            let (name, text) = read_conllu_file(path, read.max_bytes)?;
            let sents = crate::conllu::read(&name, &text)?;
            let parsed: Vec<ParsedSentence> = sents
                .par_iter()
                .map(|s| {
                    let mut p = pipeline.parse_words(&s.words);
                    for (t, &space) in p.tokens.iter_mut().zip(&s.space_after) {
                        t.space_after = space;
                    }
                    p
                })
                .collect();
            let ids = sents.into_iter().map(|s| s.id).collect();
            let stem = Path::new(&name)
                .file_stem()
                .map_or_else(|| "stdin".into(), |s| s.to_string_lossy().into_owned());
            docs.push((stem, parsed, ids));
        }
        if docs.iter().all(|d| d.1.is_empty()) {
            bail!("no sentence to read: the CoNLL-U input has no word line");
        }
        docs
    } else {
        let loaded = read_and_warn(
            paths,
            ReadOptions {
                max_bytes: read.max_bytes,
            },
        )?;
        loaded
            .docs
            .par_iter()
            .map(|d| {
                let sents = pipeline.parse_text(&d.text);
                let ids = vec![None; sents.len()];
                (d.id.clone(), sents, ids)
            })
            .collect()
    };
    let mut out = writer(None)?;
    for (doc, sents, ids) in &docs {
        if format == ParseFormat::Conllu {
            writeln!(out, "# newdoc id = {doc}")?;
        }
        for (k, (s, id)) in sents.iter().zip(ids).enumerate() {
            let sent_id = id.clone().unwrap_or_else(|| format!("{doc}-{}", k + 1));
            match format {
                ParseFormat::Conllu => out.write_all(s.to_conllu(&sent_id).as_bytes())?,
                ParseFormat::Json => {
                    let line = JsonSentence {
                        sent_id: &sent_id,
                        sentence: s,
                    };
                    serde_json::to_writer(&mut out, &line)?;
                    writeln!(out)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}

/// The text of a CoNLL-U file (or standard input for `-`), with the name errors use.
fn read_conllu_file(path: &Path, max_bytes: u64) -> Result<(String, String)> {
    let (name, bytes) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        ("<stdin>".to_string(), bytes)
    } else {
        let name = path.display().to_string();
        if path.is_dir() {
            bail!("{name}: a folder; --conllu reads CoNLL-U files");
        }
        let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
        (name, bytes)
    };
    if bytes.len() as u64 > max_bytes {
        bail!("{name}: over the {max_bytes} byte limit (raise it with --max-bytes)");
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, col) = line_col(&bytes, at);
        bail!("{name}:{line}:{col}: binary file (NUL byte), not CoNLL-U");
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, col) = line_col(e.as_bytes(), at);
        anyhow::anyhow!("{name}:{line}:{col}: not UTF-8 (invalid byte at offset {at})")
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_string();
    Ok((name, text))
}
