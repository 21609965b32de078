//! The extraction pipeline: one object that owns its models and lexicon and runs every step
//! over a document (clean, segment and tag, find names, group them into entities, then read
//! roles, relations, quotes and values, each with its evidence). Steps get what they need from
//! it explicitly; nothing inside them reaches for a global model or lexicon.
//!
//! [`Pipeline::embedded`] is the shipped one (models and lexicon compiled into the crate);
//! [`Pipeline::from_dir`] loads candidate models (and, optionally, edited lexicon files) from a
//! folder, so that they can be scored through the whole extractor without a rebuild.

mod extract;
mod manifest;
mod parse;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, OnceLock};

pub use manifest::{Manifest, ManifestError, ModelKind};
pub use parse::{ParsedSentence, ParsedToken};

use crate::classes::WordClasses;
use crate::lexicon::{Lexicon, SourceError, Sources};
use crate::model::{Document, Entity, Extraction};
use crate::ner::{Recognizer, RecognizerError, TextSpan};
use crate::parse::{Parser, ParserError};
use crate::perceptron::ModelError;
use crate::pos::Tagger;

/// How to extract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Drop web-page cruft (newsletter prompts, credits, related-article lists) before reading.
    pub clean: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { clean: true }
    }
}

/// Why a pipeline could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// A model file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The POS model is not valid.
    #[error("{path}: {source}")]
    Pos {
        /// The file (or `embedded`).
        path: String,
        /// Why.
        source: ModelError,
    },
    /// An NER model is not valid.
    #[error("{path}: {source}")]
    Ner {
        /// The file (or `embedded`).
        path: String,
        /// Why.
        source: RecognizerError,
    },
    /// The parser model is not valid.
    #[error("{path}: {source}")]
    Parse {
        /// The file (or `embedded`).
        path: String,
        /// Why.
        source: ParserError,
    },
    /// A model was found without its manifest.
    #[error("{model}: no manifest {path} beside it (kg-train writes one with every model)")]
    NoManifest {
        /// The model file.
        model: PathBuf,
        /// The manifest expected.
        path: PathBuf,
    },
    /// A model does not fit this build or the lexicon.
    #[error("{path}: {source}")]
    Manifest {
        /// The manifest (or `embedded`).
        path: String,
        /// Why.
        source: ManifestError,
    },
    /// A lexicon file could not be read.
    #[error(transparent)]
    Lexicon(#[from] SourceError),
    /// The folder holds no model and no lexicon file.
    #[error(
        "{0}: no model (pos.model, ner.model, ner-uncased.model, parse.model) and no lexicon file in it"
    )]
    Empty(PathBuf),
}

/// The result of a loading thread (a panic there is one here).
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The shipped pipeline, loaded on first use.
static EMBEDDED: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::load(None, EAGER_PARSER.load(Ordering::Relaxed))
        .expect("the models and lexicon embedded in the crate fit together (checked by a test)")
});

/// Set by [`Pipeline::embedded_with_parser`] before the first load: decode the parser then,
/// beside the other models, rather than on its first use.
static EAGER_PARSER: AtomicBool = AtomicBool::new(false);

pub(crate) const EMBEDDED_POS: &[u8] = include_bytes!("../../data/models/pos.model");
pub(crate) const EMBEDDED_NER: &[u8] = include_bytes!("../../data/models/ner.model");
pub(crate) const EMBEDDED_NER_UNCASED: &[u8] =
    include_bytes!("../../data/models/ner-uncased.model");
pub(crate) const EMBEDDED_PARSE: &[u8] = include_bytes!("../../data/models/parse.model");

fn embedded_model(kind: ModelKind) -> (&'static [u8], &'static str) {
    match kind {
        ModelKind::Pos => (
            EMBEDDED_POS,
            include_str!("../../data/models/pos.manifest.json"),
        ),
        ModelKind::Ner => (
            EMBEDDED_NER,
            include_str!("../../data/models/ner.manifest.json"),
        ),
        ModelKind::NerUncased => (
            EMBEDDED_NER_UNCASED,
            include_str!("../../data/models/ner-uncased.manifest.json"),
        ),
        ModelKind::Parse => (
            EMBEDDED_PARSE,
            include_str!("../../data/models/parse.manifest.json"),
        ),
    }
}

/// Where each part of a pipeline came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The model files read from a folder (the others are the embedded ones).
    pub models: Vec<PathBuf>,
    /// The lexicon files read from a folder (the others are the embedded ones).
    pub lexicons: Vec<PathBuf>,
}

/// Models, lexicon and word classes, and every step that runs them.
#[derive(Debug)]
pub struct Pipeline {
    lexicon: Lexicon,
    /// The word-class table (shared with the tagger, whose features read it).
    classes: Arc<WordClasses>,
    tagger: Tagger,
    recognizer: Recognizer,
    /// Decoded on first use when it is the embedded one (tagging and entity recognition alone
    /// never run it), at load time when it came from a folder (so a bad file fails there).
    parser: OnceLock<Parser>,
    provenance: Provenance,
}

impl Pipeline {
    /// The shipped pipeline: the models and lexicon compiled into the crate, loaded once.
    ///
    /// Its dependency parser is decoded on first use: callers that only tag and recognise
    /// names never pay for it.
    pub fn embedded() -> &'static Pipeline {
        &EMBEDDED
    }

    /// The shipped pipeline, for callers that will parse (extraction does): when this is the
    /// first load, the parser is decoded beside the other models instead of after them, which
    /// shortens a short run. The pipeline is the same as [`Pipeline::embedded`]'s.
    pub fn embedded_with_parser() -> &'static Pipeline {
        EAGER_PARSER.store(true, Ordering::Relaxed);
        let pipeline = &*EMBEDDED;
        pipeline.parser();
        pipeline
    }

    /// The pipeline with models and lexicon files from `dir` where it has them, the embedded
    /// ones otherwise: `pos.model`, `ner.model`, `ner-uncased.model`, `parse.model` (each with its
    /// `NAME.manifest.json`), and any lexicon file (`cities.tsv`, `titles.txt`, ...) directly
    /// in `dir` or in `dir/lexicons/`. Every model's manifest is checked against the lexicon.
    pub fn from_dir(dir: &Path) -> Result<Pipeline, PipelineError> {
        let pipeline = Pipeline::load(Some(dir), true)?;
        if pipeline.provenance == Provenance::default() {
            return Err(PipelineError::Empty(dir.to_path_buf()));
        }
        Ok(pipeline)
    }

    /// Loads the pipeline; with `parser_now`, the parser too (else on first use, and then only
    /// the embedded one).
    fn load(dir: Option<&Path>, parser_now: bool) -> Result<Pipeline, PipelineError> {
        let mut provenance = Provenance::default();
        let sources = match dir {
            None => Sources::embedded(),
            Some(dir) => {
                let nested = dir.join("lexicons");
                let lexicon_dir = if nested.is_dir() {
                    nested
                } else {
                    dir.to_path_buf()
                };
                let (sources, replaced) = Sources::overlaid(&lexicon_dir)?;
                provenance.lexicons = replaced.iter().map(|f| lexicon_dir.join(f)).collect();
                sources
            }
        };
        // The lexicon beside the word classes, then the parser beside the other models, are
        // decoded on two threads: loading is most of the time of a short run (`kg extract` of
        // one sentence). More threads would hold more decoding buffers at once.
        let (lexicon, classes) = std::thread::scope(|scope| {
            let classes = scope.spawn(WordClasses::embedded_shared);
            let lexicon = Lexicon::from_sources(sources);
            (lexicon, join(classes))
        });
        let [pos, cased, uncased, parse] =
            ModelKind::ALL.map(|kind| read_model(dir, kind, &lexicon, &classes));
        let (pos, cased, uncased, parse) = (pos?, cased?, uncased?, parse?);
        provenance.models = [&pos, &cased, &uncased, &parse]
            .iter()
            .filter_map(|m| m.path.clone())
            .collect();
        // A parser from a folder is decoded now, whatever `parser_now` says.
        let parse = (parser_now || parse.path.is_some()).then_some(parse);
        // Each model's bytes are dropped once decoded.
        let ner = |m: ModelBytes| {
            Recognizer::from_bytes(&m.bytes).map_err(|source| PipelineError::Ner {
                path: m.label,
                source,
            })
        };
        let (tagger, cased, uncased, parser) = std::thread::scope(|scope| {
            let parser = parse.map(|parse| {
                let classes = Arc::clone(&classes);
                scope.spawn(move || {
                    Parser::from_bytes(&parse.bytes, classes).map_err(|source| {
                        PipelineError::Parse {
                            path: parse.label,
                            source,
                        }
                    })
                })
            });
            // The other three in turn beside it, each decoding buffer freed before the next.
            let tagger = Tagger::from_bytes(&pos.bytes, Arc::clone(&classes)).map_err(|source| {
                PipelineError::Pos {
                    path: pos.label,
                    source,
                }
            });
            let cased = ner(cased);
            let uncased = ner(uncased);
            (tagger, cased, uncased, parser.map(join).transpose())
        });
        let (tagger, cased, uncased, parser) = (tagger?, cased?, uncased?, parser?);
        let recognizer = if uncased.is_empty() {
            cased
        } else {
            cased.with_uncased(uncased)
        }
        .with_classes(Arc::clone(&classes));
        let parser = match parser {
            Some(parser) => OnceLock::from(parser),
            None => OnceLock::new(),
        };
        Ok(Pipeline {
            lexicon,
            classes,
            tagger,
            recognizer,
            parser,
            provenance,
        })
    }

    /// The lexicon the steps read.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The word-class table (the embedded one).
    pub fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// The part-of-speech tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// The dependency parser (and its lemmatiser); the embedded one is decoded on the first
    /// call.
    pub fn parser(&self) -> &Parser {
        self.parser.get_or_init(|| {
            Parser::from_bytes(EMBEDDED_PARSE, Arc::clone(&self.classes))
                .expect("the embedded parser decodes (checked by a test)")
        })
    }

    /// The entity tagger (with its uncased model, if any).
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// Which files replaced embedded ones.
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }

    /// Extracts everything kg knows how to find from one document.
    ///
    /// The document's title and date are filled in from the text when the input did not give
    /// them (a headline line, a `date YYYY-MM-DD` line).
    pub fn extract(&self, doc: &Document, options: Options) -> Extraction {
        extract::extract(self, doc, options)
    }

    /// Resolves entities across documents and against `known` entities (see [`crate::resolve`]).
    pub fn resolve(&self, extractions: &mut [Extraction], known: &[Entity]) {
        crate::resolve::resolve(&self.lexicon, extractions, known);
    }

    /// The entity tagger alone over `text` (segmentation, POS, NER and the document-level
    /// reconciliation of its names; none of the extractor's rules). Offsets are chars.
    pub fn recognize_text(&self, text: &str) -> Vec<TextSpan> {
        self.recognizer
            .recognize_text(&self.lexicon, &self.tagger, text)
    }
}

/// A model's bytes, read and checked against its manifest.
struct ModelBytes {
    bytes: Vec<u8>,
    /// The file, or `embedded NAME.model`, for errors.
    label: String,
    /// The file, when it was read from a folder.
    path: Option<PathBuf>,
}

/// The `kind` model from `dir` when it has one, the embedded one otherwise; its manifest is
/// checked against `lexicon` and `classes`.
fn read_model(
    dir: Option<&Path>,
    kind: ModelKind,
    lexicon: &Lexicon,
    classes: &WordClasses,
) -> Result<ModelBytes, PipelineError> {
    let file = dir
        .map(|d| d.join(format!("{}.model", kind.name())))
        .filter(|p| p.is_file());
    let Some(path) = file else {
        let (bytes, json) = embedded_model(kind);
        // An embedded model always fits the embedded lexicon (a test checks every manifest):
        // only lexicon files from a folder can break it.
        if dir.is_some() {
            check_manifest(kind, json, lexicon, classes, || {
                format!("embedded {}.manifest.json", kind.name())
            })?;
        }
        return Ok(ModelBytes {
            bytes: bytes.to_vec(),
            label: format!("embedded {}.model", kind.name()),
            path: None,
        });
    };
    let read = |p: &Path| {
        std::fs::read(p).map_err(|source| PipelineError::Io {
            path: p.to_path_buf(),
            source,
        })
    };
    let manifest_path = path.with_file_name(format!("{}.manifest.json", kind.name()));
    if !manifest_path.is_file() {
        return Err(PipelineError::NoManifest {
            model: path,
            path: manifest_path,
        });
    }
    let json = String::from_utf8_lossy(&read(&manifest_path)?).into_owned();
    check_manifest(kind, &json, lexicon, classes, || {
        manifest_path.display().to_string()
    })?;
    Ok(ModelBytes {
        bytes: read(&path)?,
        label: path.display().to_string(),
        path: Some(path),
    })
}

fn check_manifest(
    kind: ModelKind,
    json: &str,
    lexicon: &Lexicon,
    classes: &WordClasses,
    label: impl Fn() -> String,
) -> Result<(), PipelineError> {
    Manifest::parse(kind, json)
        .and_then(|m| m.check(kind, lexicon, classes))
        .map_err(|source| PipelineError::Manifest {
            path: label(),
            source,
        })
}

/// Extracts everything from one document with the shipped pipeline and default options.
pub fn extract(doc: &Document) -> Extraction {
    Pipeline::embedded().extract(doc, Options::default())
}

#[cfg(test)]
mod tests;
