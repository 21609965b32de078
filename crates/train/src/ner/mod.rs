//! Training the named-entity recognizers: examples and the structured perceptron ([`mod@train`]),
//! jackknifed POS tags for the training sentences ([`jackknife`]), and the means and pruning
//! that turn trained models into the shipped ones ([`mean`], [`pruned`]).

pub mod bench;
pub mod jackknife;
pub mod run;
pub mod train;

use std::path::Path;

use kg_extract::ner::Recognizer;

use crate::Error;
use crate::perceptron;

pub use jackknife::Jackknife;
pub use run::{NerConfig, run};
pub use train::{Examples, TrainOptions, train};

/// The mean of several recognizers' weights (see [`perceptron::mean`]): averaging models
/// trained on different shuffles of the data smooths out the order each one saw.
pub fn mean(models: &[&Recognizer]) -> Recognizer {
    let inner: Vec<_> = models.iter().map(|m| m.model()).collect();
    Recognizer::from_model(perceptron::mean(&inner))
}

/// The recognizer without its faintest features (see [`perceptron::pruned`]); the uncased
/// model, if any, is kept as it is.
pub fn pruned(recognizer: &Recognizer, fraction: f32) -> Recognizer {
    let cased = Recognizer::from_model(perceptron::pruned(recognizer.model(), fraction));
    match recognizer.uncased() {
        Some(uncased) => cased.with_uncased(uncased.clone()),
        None => cased,
    }
}

/// Reads an NER model file.
pub fn load_recognizer(path: &Path) -> Result<Recognizer, Error> {
    let bytes = std::fs::read(path).map_err(crate::io(path))?;
    Recognizer::from_bytes(&bytes).map_err(|source| Error::Recognizer {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kg_extract::Pipeline;
    use kg_extract::ner::NerLabel;

    fn found(words: &[&str], r: &Recognizer) -> Vec<(String, NerLabel)> {
        let p = Pipeline::embedded();
        let tags = p.tagger().tag(words);
        r.recognize(p.lexicon(), words, &tags)
            .iter()
            .map(|s| (words[s.start..s.end].join(" "), s.label))
            .collect()
    }

    #[test]
    fn mean_of_recognizers_keeps_their_decisions() {
        let r = Pipeline::embedded().recognizer();
        let words = ["Anna", "Berg", "works", "for", "Google", "in", "Oslo", "."];
        let alone = found(&words, r);
        let twice = mean(&[r, r]);
        assert_eq!(twice.len(), r.len());
        assert_eq!(found(&words, &twice), alone);
        // Averaged with a model that knows nothing, the weights halve: same argmax.
        let half = mean(&[r, &Recognizer::empty()]);
        assert_eq!(found(&words, &half), alone);
        assert!(!alone.is_empty());
    }

    #[test]
    fn pruning_keeps_the_uncased_model() {
        let r = Pipeline::embedded().recognizer();
        let p = pruned(r, 0.0);
        assert_eq!(p.len(), r.len());
        assert_eq!(
            p.uncased().map(Recognizer::len),
            r.uncased().map(Recognizer::len)
        );
    }
}
