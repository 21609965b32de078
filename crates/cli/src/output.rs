//! Where command output goes: a file or standard output, and quiet exits on a closed pipe.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};

/// Opens `path` for writing, or standard output when it is `None` or `-`.
pub fn writer(path: Option<&Path>) -> Result<Box<dyn Write>> {
    match path {
        Some(p) if p.as_os_str() != "-" => {
            if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("{}: cannot create folder", dir.display()))?;
            }
            let file = File::create(p).with_context(|| format!("{}: cannot write", p.display()))?;
            Ok(Box::new(BufWriter::new(file)))
        }
        _ => Ok(Box::new(BufWriter::new(io::stdout().lock()))),
    }
}

/// Whether standard output is a terminal (tables for people, TSV for pipes).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Whether an error is a closed pipe (`kg query | head`), which is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    }) || e.to_string().contains("Broken pipe")
}
