//! Reading documents from paths: files, folders, `-` for standard input.
//!
//! `.txt` and `.md` are plain text, `.html`/`.htm` are converted to text, `.jsonl` holds one
//! `{"id","text",...}` object per line. A bad file among good ones is skipped with a warning that
//! names it (and the line and column for JSON); a path that does not exist, or input with no
//! readable document at all, is an error.

use std::collections::VecDeque;
use std::fs;
use std::io::{BufRead, BufReader, Read};
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
    let mut stream = Docs::open(paths, options)?;
    let mut loaded = Loaded::default();
    for doc in stream.by_ref() {
        loaded.docs.push(doc?);
    }
    loaded.warnings = stream.take_warnings();
    if loaded.docs.is_empty() {
        bail!(
            "no document to read: {}",
            stream.why_empty(&loaded.warnings)
        );
    }
    Ok(loaded)
}

/// One input: standard input or a file (folders are listed up front).
#[derive(Debug)]
enum Source {
    Stdin,
    File(PathBuf),
}

/// A JSON-lines input being read one line at a time.
struct Lines {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
}

/// Documents read lazily, one file or JSON line at a time, so that a corpus of any size streams
/// through in bounded memory. Files that cannot be read are skipped with a warning (see
/// [`Docs::take_warnings`]); an I/O error in the middle of a JSON-lines file ends that file
/// with a warning.
pub struct Docs {
    sources: VecDeque<Source>,
    lines: Option<Lines>,
    options: ReadOptions,
    warnings: Vec<String>,
    /// Bytes of input in the files (not standard input), for progress.
    total_bytes: u64,
    /// Bytes of input read so far.
    read_bytes: u64,
}

impl std::fmt::Debug for Docs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Docs")
            .field("sources", &self.sources)
            .field("read_bytes", &self.read_bytes)
            .finish_non_exhaustive()
    }
}

impl Docs {
    /// Lists the inputs under `paths` (folders are walked now; files are read as iterated).
    pub fn open(paths: &[PathBuf], options: ReadOptions) -> Result<Self> {
        let mut sources = VecDeque::new();
        let mut total_bytes = 0;
        for path in paths {
            if path.as_os_str() == "-" {
                sources.push_back(Source::Stdin);
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
                    total_bytes += fs::metadata(&file).map_or(0, |m| m.len());
                    sources.push_back(Source::File(file));
                }
            } else {
                total_bytes += meta.len();
                sources.push_back(Source::File(path.clone()));
            }
        }
        Ok(Docs {
            sources,
            lines: None,
            options,
            warnings: Vec::new(),
            total_bytes,
            read_bytes: 0,
        })
    }

    /// The warnings gathered since the last call.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Bytes in the input files (standard input not counted).
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.read_bytes
    }

    /// Why no document was read, from the first warning.
    pub fn why_empty(&self, warnings: &[String]) -> String {
        warnings
            .first()
            .or(self.warnings.first())
            .cloned()
            .unwrap_or_else(|| "no input".to_string())
    }

    /// The next JSON line of the file being read, if any.
    fn next_line(&mut self) -> Option<Document> {
        let max = self.options.max_bytes;
        loop {
            let lines = self.lines.as_mut()?;
            let mut buf = Vec::new();
            lines.line += 1;
            let n = lines.line;
            let (read, too_long) = match read_line_limited(&mut lines.reader, &mut buf, max) {
                Ok(r) => r,
                Err(e) => {
                    let name = lines.name.clone();
                    self.warnings
                        .push(format!("{name}:{n}: stopped reading: {e}"));
                    self.lines = None;
                    return None;
                }
            };
            if read == 0 {
                self.lines = None;
                return None;
            }
            self.read_bytes += read as u64;
            let name = lines.name.clone();
            if too_long {
                self.warnings.push(format!(
                    "{name}:{n}: skipped, the line is over the {max} byte limit (raise it with --max-bytes)"
                ));
                continue;
            }
            let text = match std::str::from_utf8(&buf) {
                Ok(t) => t,
                Err(e) => {
                    let (_, col) = line_col(&buf, e.valid_up_to());
                    self.warnings
                        .push(format!("{name}:{n}:{col}: skipped, not UTF-8"));
                    continue;
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            if let Some(doc) = json_doc(&name, n, text, &mut self.warnings) {
                return Some(doc);
            }
        }
    }

    /// Starts reading the next source: a whole document, or a JSON-lines reader.
    fn start(&mut self, source: Source) -> Option<Document> {
        let mut loaded = Loaded::default();
        match source {
            Source::Stdin => {
                let mut reader = BufReader::new(std::io::stdin());
                let jsonl = match reader.fill_buf() {
                    Ok(buf) => buf
                        .iter()
                        .find(|b| !b.is_ascii_whitespace())
                        .is_some_and(|&b| b == b'{'),
                    Err(_) => false,
                };
                if jsonl {
                    self.lines = Some(Lines {
                        name: "<stdin>".to_string(),
                        reader: Box::new(reader),
                        line: 0,
                    });
                    return None;
                }
                let mut bytes = Vec::new();
                if let Err(e) = reader
                    .take(self.options.max_bytes + 1)
                    .read_to_end(&mut bytes)
                {
                    self.warnings
                        .push(format!("<stdin>: skipped, cannot read: {e}"));
                    return None;
                }
                self.read_bytes += bytes.len() as u64;
                read_bytes(Path::new("<stdin>"), bytes, true, self.options, &mut loaded);
            }
            Source::File(path) => {
                let jsonl = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
                if jsonl {
                    match fs::File::open(&path) {
                        Ok(f) => {
                            self.lines = Some(Lines {
                                name: path.display().to_string(),
                                reader: Box::new(BufReader::new(f)),
                                line: 0,
                            });
                        }
                        Err(e) => self
                            .warnings
                            .push(format!("{}: skipped, cannot read: {e}", path.display())),
                    }
                    return None;
                }
                self.read_bytes += fs::metadata(&path).map_or(0, |m| m.len());
                read_file(&path, self.options, &mut loaded);
            }
        }
        self.warnings.append(&mut loaded.warnings);
        loaded.docs.pop()
    }
}

impl Iterator for Docs {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.lines.is_some() {
                if let Some(doc) = self.next_line() {
                    return Some(Ok(doc));
                }
                continue;
            }
            let source = self.sources.pop_front()?;
            if let Some(doc) = self.start(source) {
                return Some(Ok(doc));
            }
        }
    }
}

/// Reads one line (without its end) into `buf`, keeping at most `max` bytes of it. Returns the
/// bytes consumed (0 at the end of the input) and whether the line was longer than `max`.
fn read_line_limited(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: u64,
) -> std::io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut too_long = false;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok((consumed, too_long));
        }
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        if !too_long {
            if (buf.len() + part.len()) as u64 > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = done.unwrap_or(chunk.len());
        reader.consume(used);
        consumed += used;
        if done.is_some() {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok((consumed, too_long));
        }
    }
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
        if let Some(doc) = json_doc(name, n + 1, line, &mut loaded.warnings) {
            loaded.docs.push(doc);
        }
    }
}

/// One JSON line (`n`, 1-based, of `name`) as a document, or a warning.
fn json_doc(name: &str, n: usize, line: &str, warnings: &mut Vec<String>) -> Option<Document> {
    match serde_json::from_str::<JsonDoc>(line) {
        Ok(d) => {
            if d.text.trim().is_empty() {
                warnings.push(format!("{name}:{n}: skipped, empty text"));
                return None;
            }
            let id = match d.id {
                Some(serde_json::Value::String(s)) if !s.is_empty() => s,
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => content_id(&d.text),
            };
            let source = d.source.or(d.url).or_else(|| Some(format!("{name}:{n}")));
            Some(Document {
                id,
                source,
                title: d.title,
                date: d.date,
                text: d.text,
            })
        }
        Err(e) => {
            warnings.push(format!("{name}:{n}:{}: skipped, {}", e.column(), e));
            None
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
