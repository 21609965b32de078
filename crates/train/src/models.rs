//! Writing a trained model: the weights and, beside them, the manifest that says what they were
//! trained against (feature-set version, hashes of the lexicon files and of the word-class table
//! the features read), which kg-extract checks before it loads them.

use std::path::{Path, PathBuf};

use kg_extract::classes::WordClasses;
use kg_extract::lexicon::Lexicon;
use kg_extract::{Manifest, ModelKind};

use crate::Error;

/// The manifest path of a model file: `ner.model` -> `ner.manifest.json`.
pub fn manifest_path(model: &Path) -> PathBuf {
    let stem = model
        .file_stem()
        .map_or_else(|| "model".into(), |s| s.to_string_lossy().into_owned());
    model.with_file_name(format!("{stem}.manifest.json"))
}

/// Writes a `kind` model's bytes to `path` and its manifest beside it, for a model trained with
/// the features reading `lex` and `classes`.
pub fn write_model(
    path: &Path,
    bytes: &[u8],
    kind: ModelKind,
    lex: &Lexicon,
    classes: &WordClasses,
) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(crate::io(path))?;
    let manifest = manifest_path(path);
    let json = Manifest::new(kind, lex, classes).to_json();
    std::fs::write(&manifest, json).map_err(crate::io(&manifest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_sits_beside_the_model() {
        assert_eq!(
            manifest_path(Path::new("/tmp/x/ner-uncased.model")),
            Path::new("/tmp/x/ner-uncased.manifest.json")
        );
    }
}
