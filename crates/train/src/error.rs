//! The one error type of the crate: every reader, trainer and scorer fails with an [`Error`].

use std::path::{Path, PathBuf};

use kg_extract::ner::RecognizerError;
use kg_extract::perceptron::ModelError;

/// Why reading a corpus, training or scoring failed. Messages name the file and, when there is
/// one, the line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// A line of a corpus, gold or JSONL file is malformed.
    #[error("{}", located(path, *line, message))]
    Parse {
        /// The file (empty while a reader of text does not know it yet).
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A data file has no sentences.
    #[error("{}: no sentences", .0.display())]
    Empty(PathBuf),
    /// A file is not a valid POS model.
    #[error("{}: {source}", path.display())]
    Model {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: ModelError,
    },
    /// A file is not a valid NER model.
    #[error("{}: {source}", path.display())]
    Recognizer {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        source: RecognizerError,
    },
    /// A recipe file is not valid TOML or has unknown settings.
    #[error("{}: {source}", path.display())]
    Recipe {
        /// The recipe.
        path: PathBuf,
        /// The parser's complaint.
        source: Box<toml::de::Error>,
    },
    /// A gold row names a document that is not in the data directory.
    #[error("gold line {line}: no document {doc} in the data directory")]
    MissingDoc {
        /// 1-based line number of the first row naming it.
        line: usize,
        /// The document.
        doc: String,
    },
    /// Training one of the jackknife folds' POS taggers failed.
    #[error("jackknife fold {fold}: {source}")]
    Fold {
        /// The fold.
        fold: usize,
        /// What failed.
        source: Box<Error>,
    },
    /// Settings that cannot be used together, or a feature not available yet.
    #[error("{0}")]
    Invalid(String),
    /// Models or lexicon files that do not load together.
    #[error(transparent)]
    Pipeline(#[from] kg_extract::PipelineError),
    /// The word-class table could not be compiled.
    #[error(transparent)]
    Classes(#[from] crate::classes::CompileError),
}

/// `file:line: message`, or `line N: message` when the file is not known.
fn located(path: &Path, line: usize, message: &str) -> String {
    if path.as_os_str().is_empty() {
        format!("line {line}: {message}")
    } else {
        format!("{}:{line}: {message}", path.display())
    }
}

impl Error {
    /// A parse error at `line` of a text whose file is not known here.
    pub(crate) fn parse(line: usize, message: impl Into<String>) -> Error {
        Error::Parse {
            path: PathBuf::new(),
            line,
            message: message.into(),
        }
    }

    /// The error with `path` as its file, if it is a parse error that had none.
    pub fn in_file(self, path: &Path) -> Error {
        match self {
            Error::Parse {
                path: p,
                line,
                message,
            } if p.as_os_str().is_empty() => Error::Parse {
                path: path.to_path_buf(),
                line,
                message,
            },
            other => other,
        }
    }
}

/// A closure turning an I/O error on `path` into an [`Error`].
pub(crate) fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads a whole text file.
pub fn read_text(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(io(path))
}
