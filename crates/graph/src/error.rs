//! The errors kg-graph returns.

use std::path::PathBuf;

/// What went wrong, with enough context to act on it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Another process (or another handle in this process) holds the store's write lock.
    #[error(
        "the store at {} is locked by another process (another kg command is using it); \
         wait for it to finish or use a different store directory",
        path.display()
    )]
    Locked {
        /// The store directory.
        path: PathBuf,
    },

    /// A write was asked of a handle opened read-only.
    #[error("the store at {} was opened read-only", path.display())]
    ReadOnly {
        /// The store directory.
        path: PathBuf,
    },

    /// A read-only open was asked for a directory that holds no store.
    #[error("no store at {}: load some documents first", path.display())]
    NoStore {
        /// The directory that was looked at.
        path: PathBuf,
    },

    /// The store could not be opened for another reason.
    #[error("cannot open the store at {}: {source}", path.display())]
    Open {
        /// The store directory.
        path: PathBuf,
        /// What RocksDB or the file system said.
        #[source]
        source: oxigraph::store::StorageError,
    },

    /// A file of the store folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },

    /// The store folder holds something kg did not write.
    #[error("{}: {reason}", path.display())]
    Corrupt {
        /// The file at fault.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },

    /// Reading or writing the store failed.
    #[error("store error while {context}: {source}")]
    Storage {
        /// What kg was doing.
        context: &'static str,
        /// The underlying error.
        #[source]
        source: oxigraph::store::StorageError,
    },

    /// The base IRI is not an absolute IRI.
    #[error("invalid base IRI {base:?}: {reason}")]
    InvalidBase {
        /// The rejected value.
        base: String,
        /// Why it was rejected.
        reason: String,
    },

    /// An IRI built from the input data is not valid (a bug or very unusual input).
    #[error("cannot build an IRI from {iri:?}: {reason}")]
    InvalidIri {
        /// The rejected IRI.
        iri: String,
        /// Why it was rejected.
        reason: String,
    },

    /// The SPARQL query does not parse.
    #[error("SPARQL syntax error{}: {message}", location_suffix(*.line, *.column))]
    QuerySyntax {
        /// Line of the error, from 1, when known.
        line: Option<usize>,
        /// Column of the error (characters), from 1, when known.
        column: Option<usize>,
        /// What the parser expected.
        message: String,
    },

    /// The SPARQL query parsed but could not be evaluated.
    #[error("SPARQL evaluation failed: {0}")]
    QueryEvaluation(#[from] oxigraph::sparql::QueryEvaluationError),

    /// The query ran longer than the time it was given, and was stopped.
    #[error(
        "the query was stopped after {} s, its time limit; make it more selective or raise the limit",
        seconds(*.after)
    )]
    Timeout {
        /// The time limit.
        after: std::time::Duration,
    },

    /// The thread that runs a query with a time limit could not be started.
    #[error("cannot start a thread for the query: {0}")]
    Thread(#[source] std::io::Error),

    /// The requested output format does not fit the kind of result.
    #[error("{format} cannot be used for {kind}; use one of: {allowed}")]
    UnsupportedFormat {
        /// The requested format.
        format: String,
        /// What was being written ("SELECT results", "an ASK result", ...).
        kind: &'static str,
        /// The formats that would work.
        allowed: &'static str,
    },

    /// A format name was not recognised.
    #[error("unknown {kind} format {name:?}; use one of: {allowed}")]
    UnknownFormat {
        /// "result" or "RDF".
        kind: &'static str,
        /// The name given.
        name: String,
        /// The names that are accepted.
        allowed: &'static str,
    },

    /// Writing output failed.
    #[error("cannot write {what}: {source}")]
    Write {
        /// What was being written.
        what: &'static str,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },

    /// The embedded ontology does not parse (a build defect, caught by the tests).
    #[error("the embedded ontology kg.ttl is invalid: {0}")]
    Ontology(String),

    /// No entity matches a name.
    #[error("no entity matches {name:?}{}", suggestion_suffix(.suggestions))]
    UnknownEntity {
        /// The name looked up.
        name: String,
        /// Close names, best first.
        suggestions: Vec<String>,
    },

    /// Several entities match a name equally well.
    #[error("{name:?} is ambiguous: it matches {}", .candidates.join(", "))]
    AmbiguousEntity {
        /// The name looked up.
        name: String,
        /// The matching entities, as `label (key)`.
        candidates: Vec<String>,
    },

    /// Graphviz is not installed.
    #[error("Graphviz `dot` not found: install the `graphviz` package (apt-get install graphviz)")]
    DotNotFound,

    /// Graphviz ran but failed.
    #[error("Graphviz `dot` failed ({status}): {stderr}")]
    Dot {
        /// The exit status, as text.
        status: String,
        /// What `dot` printed on stderr.
        stderr: String,
    },

    /// Running Graphviz failed for a reason other than it being missing.
    #[error("cannot run Graphviz `dot`: {0}")]
    DotIo(#[source] std::io::Error),
}

/// Shorthand for results with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn location_suffix(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(" at line {line}, column {column}"),
        (Some(line), None) => format!(" at line {line}"),
        _ => String::new(),
    }
}

/// A duration in seconds, without trailing zeros ("1", "2.5").
fn seconds(d: std::time::Duration) -> String {
    let text = format!("{:.3}", d.as_secs_f64());
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn suggestion_suffix(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

impl Error {
    pub(crate) fn storage(
        context: &'static str,
    ) -> impl FnOnce(oxigraph::store::StorageError) -> Self {
        move |source| Error::Storage { context, source }
    }

    pub(crate) fn write(what: &'static str) -> impl FnOnce(std::io::Error) -> Self {
        move |source| Error::Write { what, source }
    }
}
