//! Model manifests: what a model was trained against. Each model file `NAME.model` has a
//! `NAME.manifest.json` beside it naming the feature-set version its features were computed
//! with, the content hash of every lexicon file those features read and, for a model whose
//! features read word classes (the POS tagger), the content hash of the word-class table. A
//! model is loaded only with a lexicon and class table that hash the same, so that editing a
//! gazetteer the model reads as a feature, or rebuilding the class table, fails loudly (retrain,
//! or rewrite the manifest on purpose) instead of silently changing the model's inputs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::classes::WordClasses;
use crate::lexicon::Lexicon;

/// The models a pipeline runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelKind {
    /// The part-of-speech tagger (`pos.model`).
    Pos,
    /// The entity tagger for text with capitals (`ner.model`).
    Ner,
    /// The entity tagger for text without capitals (`ner-uncased.model`).
    NerUncased,
    /// The dependency parser and lemmatiser (`parse.model`).
    Parse,
}

impl ModelKind {
    /// Every model, in load order.
    pub const ALL: [ModelKind; 4] = [
        ModelKind::Pos,
        ModelKind::Ner,
        ModelKind::NerUncased,
        ModelKind::Parse,
    ];

    /// The file stem: `pos`, `ner`, `ner-uncased`.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Pos => "pos",
            ModelKind::Ner => "ner",
            ModelKind::NerUncased => "ner-uncased",
            ModelKind::Parse => "parse",
        }
    }

    /// The version of the feature set this build computes for the model.
    pub fn feature_version(self) -> u32 {
        match self {
            ModelKind::Pos => crate::pos::FEATURE_VERSION,
            ModelKind::Ner | ModelKind::NerUncased => crate::ner::FEATURE_VERSION,
            ModelKind::Parse => crate::parse::FEATURE_VERSION,
        }
    }

    /// The lexicon files the model's features read.
    pub fn lexicon_files(self) -> &'static [&'static str] {
        match self {
            ModelKind::Pos | ModelKind::Parse => &[],
            ModelKind::Ner | ModelKind::NerUncased => crate::ner::LEXICON_FILES,
        }
    }

    /// Whether the model's features read the word-class table.
    pub fn reads_classes(self) -> bool {
        matches!(
            self,
            ModelKind::Pos | ModelKind::Ner | ModelKind::NerUncased | ModelKind::Parse
        )
    }
}

/// Why a model and its manifest do not fit this build.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// The manifest is not valid JSON of the expected shape.
    #[error("{model} manifest: {source}")]
    Syntax {
        /// The model.
        model: &'static str,
        /// The parse error, with its line and column.
        source: serde_json::Error,
    },
    /// The manifest is another model's.
    #[error("{model} manifest describes model {found:?}")]
    OtherModel {
        /// The model expected.
        model: &'static str,
        /// The model named.
        found: String,
    },
    /// The features changed since the model was trained.
    #[error(
        "{model} model was trained with feature set {found}, this build computes {expected}: retrain it"
    )]
    FeatureVersion {
        /// The model.
        model: &'static str,
        /// Version in the manifest.
        found: u32,
        /// Version of this build.
        expected: u32,
    },
    /// A lexicon file the features read differs from the one the model was trained with.
    #[error(
        "{model} model was trained with another {file} (hash {found}, the lexicon has {expected}): retrain it, or restore the file"
    )]
    Lexicon {
        /// The model.
        model: &'static str,
        /// The lexicon file.
        file: String,
        /// Hash in the manifest.
        found: String,
        /// Hash of the lexicon in use.
        expected: String,
    },
    /// The word-class table differs from the one the model was trained with.
    #[error(
        "{model} model was trained with another word-class table (hash {found}, this one has {expected}): retrain it"
    )]
    Classes {
        /// The model.
        model: &'static str,
        /// Hash in the manifest (`none` when it records none).
        found: String,
        /// Hash of the table in use.
        expected: String,
    },
}

/// What a model was trained against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The model: `pos`, `ner`, `ner-uncased` or `parse`.
    pub model: String,
    /// Feature-set version.
    pub features: u32,
    /// Content hash (16 hex digits, see [`crate::lexicon::content_hash`]) of each lexicon file
    /// the features read.
    pub lexicons: BTreeMap<String, String>,
    /// Content hash (16 hex digits, see [`WordClasses::content_hash`]) of the word-class table
    /// the features read; absent for models that read none (and in manifests older than it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classes: Option<String>,
}

impl Manifest {
    /// The manifest of a model of `kind` trained now, with `lex` and `classes`.
    pub fn new(kind: ModelKind, lex: &Lexicon, classes: &WordClasses) -> Manifest {
        Manifest {
            model: kind.name().to_string(),
            features: kind.feature_version(),
            lexicons: kind
                .lexicon_files()
                .iter()
                .map(|&f| (f.to_string(), hex(lex.sources().hash(f))))
                .collect(),
            classes: kind.reads_classes().then(|| hex(classes.content_hash())),
        }
    }

    /// Reads a manifest of a `kind` model.
    pub fn parse(kind: ModelKind, json: &str) -> Result<Manifest, ManifestError> {
        serde_json::from_str(json).map_err(|source| ManifestError::Syntax {
            model: kind.name(),
            source,
        })
    }

    /// The manifest as pretty JSON, ending with a line break.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Checks that a `kind` model with this manifest fits this build, `lex` and `classes`.
    pub fn check(
        &self,
        kind: ModelKind,
        lex: &Lexicon,
        classes: &WordClasses,
    ) -> Result<(), ManifestError> {
        let model = kind.name();
        if self.model != model {
            return Err(ManifestError::OtherModel {
                model,
                found: self.model.clone(),
            });
        }
        if self.features != kind.feature_version() {
            return Err(ManifestError::FeatureVersion {
                model,
                found: self.features,
                expected: kind.feature_version(),
            });
        }
        let current = Manifest::new(kind, lex, classes);
        for (file, expected) in &current.lexicons {
            let found = self.lexicons.get(file).cloned().unwrap_or_default();
            if &found != expected {
                return Err(ManifestError::Lexicon {
                    model,
                    file: file.clone(),
                    found: if found.is_empty() {
                        "none".into()
                    } else {
                        found
                    },
                    expected: expected.clone(),
                });
            }
        }
        if let Some(expected) = current.classes
            && self.classes.as_ref() != Some(&expected)
        {
            return Err(ManifestError::Classes {
                model,
                found: self.classes.clone().unwrap_or_else(|| "none".into()),
                expected,
            });
        }
        Ok(())
    }
}

fn hex(hash: u64) -> String {
    format!("{hash:016x}")
}
