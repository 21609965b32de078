//! Recipes: the settings that made a shipped model, one TOML file per model
//! (`crates/train/recipes/*.toml`). A recipe fills a command's settings; flags given on the
//! command line override it.

use std::path::Path;

use serde::Deserialize;

use crate::Error;

/// A recipe file: which model it makes, where it is written, and the settings of each step.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    /// `pos`, `ner` or `ner-uncased`.
    pub model: String,
    /// The model file written, relative to the workspace root.
    pub out: Option<String>,
    /// Training settings.
    #[serde(default)]
    pub train: TrainStep,
    /// Pruning applied to the trained model before it is written.
    pub prune: Option<PruneStep>,
}

/// The settings of a training run (unset ones keep the command's defaults).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TrainStep {
    /// Passes over the data (for POS: the most passes; the best on dev is kept).
    pub epochs: Option<usize>,
    /// Seed of the shuffling.
    pub seed: Option<u64>,
    /// Models trained with consecutive seeds and averaged.
    pub ensemble: Option<usize>,
    /// Times GUM train counts.
    pub gum_weight: Option<usize>,
    /// Times the GUM news documents count on top of it.
    pub news_weight: Option<usize>,
    /// Folds of jackknifed POS tags for UNER train.
    pub jackknife: Option<usize>,
    /// Static features seen fewer times are dropped.
    pub min_count: Option<u32>,
    /// Probability of hiding a token's word identity in a training step.
    pub word_dropout: Option<f64>,
    /// Train the uncased model on lower-cased copies of the sentences.
    pub uncased: Option<bool>,
    /// Probability of following a wrong prediction in training (the parser's dynamic oracle).
    pub explore: Option<f64>,
}

/// Pruning of the trained model.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PruneStep {
    /// Features whose largest weight is under this share of the model's largest are dropped.
    pub fraction: f32,
    /// Train again on the kept features only (the parser).
    #[serde(default)]
    pub retrain: bool,
}

impl Recipe {
    /// Reads a recipe file.
    pub fn read(path: &Path) -> Result<Recipe, Error> {
        let text = crate::read_text(path)?;
        toml::from_str(&text).map_err(|source| Error::Recipe {
            path: path.to_path_buf(),
            source: Box::new(source),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_recipes_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("recipes");
        for (file, model) in [
            ("pos.toml", "pos"),
            ("ner.toml", "ner"),
            ("ner-uncased.toml", "ner-uncased"),
            ("parse.toml", "parse"),
        ] {
            let r = Recipe::read(&dir.join(file)).expect(file);
            assert_eq!(r.model, model);
            assert!(r.out.is_some());
        }
        let bad = toml::from_str::<Recipe>("model = \"ner\"\n[train]\nepoch = 3\n");
        assert!(bad.is_err(), "unknown keys are refused");
    }
}
