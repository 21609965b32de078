//! Reading documents from paths: files, folders, `-` for standard input.
//!
//! `.txt` and `.md` are plain text, `.html`/`.htm` are converted to text, `.jsonl` holds one
//! `{"id","text",...}` object per line. A bad file among good ones is skipped with a warning that
//! names it (and the line and column for JSON); a path that does not exist, or input with no
//! readable document at all, is an error.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kg_extract::Document;
use kg_extract::html::html_to_text;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// File endings read when a folder is given.
const TEXT_EXTENSIONS: [&str; 6] = ["txt", "md", "html", "htm", "jsonl", "text"];

/// Limits and options for reading.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Largest document read, in bytes; larger ones are skipped with a warning.
    pub max_bytes: u64,
}

/// Documents read, and what was skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    pub docs: Vec<Document>,
    pub warnings: Vec<String>,
}

#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    text: String,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// A stable id from the text: the first 16 hex digits of its SHA-256.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Line and column (1-based, in chars) of a byte offset.
pub fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// Reads every document under `paths` and prints a warning for each file skipped.
pub fn read_and_warn(paths: &[PathBuf], options: ReadOptions) -> Result<Loaded> {
    let loaded = read_paths(paths, options)?;
    for w in &loaded.warnings {
        eprintln!("kg: warning: {w}");
    }
    Ok(loaded)
}

/// Reads every document under `paths`.
pub fn read_paths(paths: &[PathBuf], options: ReadOptions) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(options.max_bytes + 1)
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            read_bytes(Path::new("<stdin>"), bytes, true, options, &mut loaded);
            continue;
        }
        let meta = fs::metadata(path)
            .with_context(|| format!("{}: no such file or folder", path.display()))?;
        if meta.is_dir() {
            let files = text_files(path)?;
            if files.is_empty() {
                bail!(
                    "{}: folder holds no text files (.txt, .md, .html, .jsonl)",
                    path.display()
                );
            }
            for file in files {
                read_file(&file, options, &mut loaded);
            }
        } else {
            read_file(path, options, &mut loaded);
        }
    }
    if loaded.docs.is_empty() {
        let why = loaded
            .warnings
            .first()
            .cloned()
            .unwrap_or_else(|| "no input".to_string());
        bail!("no document to read: {why}");
    }
    Ok(loaded)
}

/// Text files below a folder, sorted; hidden files and README, LICENSE, NOTICE and CHANGELOG
/// files skipped.
fn text_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in
            fs::read_dir(&d).with_context(|| format!("{}: cannot list folder", d.display()))?
        {
            let path = entry?.path();
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            let stem = path
                .file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_ascii_uppercase();
            // A folder's own documentation is not a document of the corpus.
            if hidden || matches!(stem.as_str(), "README" | "LICENSE" | "NOTICE" | "CHANGELOG") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn read_file(path: &Path, options: ReadOptions, loaded: &mut Loaded) {
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > options.max_bytes {
        loaded.warnings.push(format!(
            "{}: skipped, {:.1} MB is over the {:.1} MB limit (raise it with --max-bytes)",
            path.display(),
            size as f64 / 1e6,
            options.max_bytes as f64 / 1e6
        ));
        return;
    }
    match fs::read(path) {
        Ok(bytes) => read_bytes(path, bytes, false, options, loaded),
        Err(e) => loaded
            .warnings
            .push(format!("{}: skipped, cannot read: {e}", path.display())),
    }
}

fn read_bytes(path: &Path, bytes: Vec<u8>, stdin: bool, options: ReadOptions, loaded: &mut Loaded) {
    let name = path.display().to_string();
    if bytes.len() as u64 > options.max_bytes {
        loaded.warnings.push(format!(
            "{name}: skipped, over the {} byte limit (raise it with --max-bytes)",
            options.max_bytes
        ));
        return;
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        loaded
            .warnings
            .push(format!("{name}: skipped, binary file (NUL byte), not text"));
        return;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let (line, col) = line_col(e.as_bytes(), at);
            loaded.warnings.push(format!(
                "{name}:{line}:{col}: skipped, not UTF-8 (invalid byte at offset {at})"
            ));
            return;
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_string();
    if text.trim().is_empty() {
        loaded.warnings.push(format!("{name}: skipped, empty"));
        return;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let jsonl = ext == "jsonl" || (stdin && text.trim_start().starts_with('{'));
    if jsonl {
        read_jsonl(&name, &text, loaded);
        return;
    }
    let source = if stdin { None } else { Some(name.clone()) };
    if ext == "html" || ext == "htm" || (stdin && text.trim_start().starts_with('<')) {
        let page = html_to_text(&text);
        if page.text.trim().is_empty() {
            loaded
                .warnings
                .push(format!("{name}: skipped, no text in the page"));
            return;
        }
        loaded.docs.push(Document {
            id: content_id(&page.text),
            source,
            title: page.title,
            date: None,
            text: page.text,
        });
        return;
    }
    loaded.docs.push(Document {
        id: content_id(&text),
        source,
        title: None,
        date: None,
        text,
    });
}

fn read_jsonl(name: &str, text: &str, loaded: &mut Loaded) {
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<JsonDoc>(line) {
            Ok(d) => {
                if d.text.trim().is_empty() {
                    loaded
                        .warnings
                        .push(format!("{name}:{}: skipped, empty text", n + 1));
                    continue;
                }
                let id = match d.id {
                    Some(serde_json::Value::String(s)) if !s.is_empty() => s,
                    Some(serde_json::Value::Number(n)) => n.to_string(),
                    _ => content_id(&d.text),
                };
                let source = d
                    .source
                    .or(d.url)
                    .or_else(|| Some(format!("{name}:{}", n + 1)));
                loaded.docs.push(Document {
                    id,
                    source,
                    title: d.title,
                    date: d.date,
                    text: d.text,
                });
            }
            Err(e) => {
                loaded
                    .warnings
                    .push(format!("{name}:{}:{}: skipped, {}", n + 1, e.column(), e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_chars() {
        let text: &[u8] = b"ab\nc\xc3\xa9\xffx";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 6), (2, 3));
    }

    #[test]
    fn ids_are_stable_hashes() {
        assert_eq!(content_id("hello"), content_id("hello"));
        assert_ne!(content_id("hello"), content_id("hello!"));
        assert_eq!(content_id("x").len(), 16);
    }
}
