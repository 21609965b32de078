//! Jackknifed POS tags for training sentences that the shipped POS tagger was trained on.
//!
//! The POS tagger learns UD EWT train almost by heart, so its tags on those sentences are far
//! better than on new text, and an NER model trained on them trusts tags (PROPN above all) more
//! than it should. Instead, EWT train is cut into folds by sentence; a tagger is trained on all
//! folds but one (with [`crate::pos::train_pos`]) and tags the sentences of that fold.

use std::collections::HashMap;
use std::path::Path;

use kg_extract::classes::WordClasses;
use kg_extract::perceptron::hash_str;
use kg_extract::pos::{Tagger, Upos};

use crate::Error;
use crate::pos::{PosConfig, load_tagger, train_pos};

/// Fold taggers and the fold of every EWT train sentence id.
#[derive(Debug)]
pub struct Jackknife {
    taggers: Vec<Tagger>,
    fold_of: HashMap<String, usize>,
}

/// Splits CoNLL-U text into sentence blocks with their `sent_id`.
fn blocks(text: &str) -> Vec<(Option<&str>, &str)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut id = None;
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(v) = trimmed.strip_prefix("# sent_id =") {
            id = Some(v.trim());
        }
        offset += line.len();
        if trimmed.is_empty() {
            if offset - line.len() > start {
                out.push((id.take(), &text[start..offset]));
            }
            start = offset;
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push((id, &text[start..]));
    }
    out
}

impl Jackknife {
    /// Trains `folds` taggers from the UD EWT files in `ud_dir` (`en_ewt-ud-{train,dev}.conllu`;
    /// dev picks each tagger's epoch), working in `work_dir`.
    pub fn train(
        ud_dir: &Path,
        work_dir: &Path,
        folds: usize,
        epochs: usize,
    ) -> Result<Jackknife, Error> {
        let folds = folds.max(2);
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        let train_path = ud_dir.join("en_ewt-ud-train.conllu");
        let text = std::fs::read_to_string(&train_path).map_err(io(&train_path))?;
        let blocks = blocks(&text);
        let mut fold_of = HashMap::new();
        for (k, (id, _)) in blocks.iter().enumerate() {
            if let Some(id) = id {
                fold_of.insert(id.to_string(), k % folds);
            }
        }
        let mut taggers = Vec::with_capacity(folds);
        for fold in 0..folds {
            let dir = work_dir.join(format!("fold-{fold}"));
            std::fs::create_dir_all(&dir).map_err(io(&dir))?;
            let train: String = blocks
                .iter()
                .enumerate()
                .filter(|(k, _)| k % folds != fold)
                .map(|(_, (_, b))| *b)
                .collect();
            let ud = dir.join("ud-ewt");
            std::fs::create_dir_all(&ud).map_err(io(&ud))?;
            let path = ud.join("en_ewt-ud-train.conllu");
            let model = dir.join("pos.model");
            // A fold trained before on the same sentences and epochs, with the same POS features
            // and word classes, is reused.
            let stamp = dir.join("trained-with");
            let key = format!(
                "{epochs} {} pos-features {} classes {:016x}\n",
                hash_str(&train),
                kg_extract::pos::FEATURE_VERSION,
                WordClasses::embedded().content_hash()
            );
            let cached = model.exists() && std::fs::read_to_string(&stamp).is_ok_and(|s| s == key);
            if !cached {
                std::fs::write(&path, train).map_err(io(&path))?;
                let (from, to) = (
                    ud_dir.join("en_ewt-ud-dev.conllu"),
                    ud.join("en_ewt-ud-dev.conllu"),
                );
                std::fs::copy(&from, &to).map_err(io(&to))?;
                // EWT train only: the folds stand for the tagger on sentences it has not seen.
                let c = PosConfig {
                    data: dir.clone(),
                    epochs,
                    gum_weight: 0,
                    ensemble: 1,
                    test: false,
                };
                train_pos(&c, &model).map_err(|e| Error::Fold {
                    fold,
                    source: Box::new(e),
                })?;
                std::fs::write(&stamp, key).map_err(io(&stamp))?;
            }
            taggers.push(load_tagger(&model).map_err(|e| Error::Fold {
                fold,
                source: Box::new(e),
            })?);
        }
        Ok(Jackknife { taggers, fold_of })
    }

    /// Tags a sentence: with the tagger that did not see it when its id is an EWT train
    /// sentence, else with `fallback`.
    pub fn tag(&self, id: Option<&str>, words: &[&str], fallback: &Tagger) -> Vec<Upos> {
        let tagger = id
            .and_then(|id| self.fold_of.get(id))
            .and_then(|&f| self.taggers.get(f))
            .unwrap_or(fallback);
        tagger.tag(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_conllu_into_blocks_with_ids() {
        let text = "# newdoc id = d\n# sent_id = a\n1\tHi\n\n# sent_id = b\n1\tYo\n\n\n1\tNo\n";
        let b = blocks(text);
        assert_eq!(b.len(), 3);
        assert_eq!(
            b[0],
            (Some("a"), "# newdoc id = d\n# sent_id = a\n1\tHi\n\n")
        );
        assert_eq!(b[1].0, Some("b"));
        assert_eq!(b[2], (None, "1\tNo\n"));
    }
}
