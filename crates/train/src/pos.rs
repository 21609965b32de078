//! Training the POS tagger on UD English EWT (and, if asked, GUM train).
//!
//! Trains on `en_ewt-ud-train.conllu` and the GUM train documents `gum_weight` times (plus
//! copies of the sentences with hyphenated compounds joined, as the segmenter keeps them), keeps
//! the epoch with the best accuracy on `en_ewt-ud-dev.conllu`, and scores that model on
//! `en_ewt-ud-test.conllu` only when asked (a test split is read once per shipped model).
//! Sentence order is shuffled each epoch by a seeded xorshift generator, so runs repeat.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use kg_extract::classes::WordClasses;
use kg_extract::perceptron::{IdBuildHasher, Perceptron, argmax};
use kg_extract::pos::features::{Analyzer, Attrs, features};
use kg_extract::pos::tagdict::{Lexicon, LexiconCounts};
use kg_extract::pos::{Tagger, Upos};

use crate::Error;
use crate::corpus::Split;
use crate::corpus::ud::{self, TaggedSentence};
use crate::perceptron::{Trainer, mean};
use crate::score::pos::accuracy;

/// Seed of the shuffling generator.
const SEED: u64 = 42;
/// Folds for the lexicon of training sentences: the tag sets a training word gets come from the
/// other folds, so the model learns how far to trust them on words it has rarely seen.
const FOLDS: usize = 10;

/// Outcome of [`train_pos`].
#[derive(Debug, Clone, PartialEq)]
pub struct PosReport {
    /// Dev accuracy after each epoch (index 0 = epoch 1).
    pub dev_by_epoch: Vec<f64>,
    /// The epoch whose model was kept (1-based).
    pub best_epoch: usize,
    /// UPOS accuracy of the kept model on the dev set.
    pub dev_accuracy: f64,
    /// UPOS accuracy of the kept model on the test set, when it was read.
    pub test_accuracy: Option<f64>,
    /// Training sentences (including hyphen-joined copies) and words.
    pub train_sentences: usize,
    /// Training words.
    pub train_words: usize,
    /// Weighted features in the kept model.
    pub features: usize,
    /// Size of the written model file in bytes.
    pub model_bytes: usize,
    /// Wall-clock training time in seconds.
    pub seconds: f64,
}

impl fmt::Display for PosReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.dev_by_epoch.iter().enumerate() {
            writeln!(f, "epoch {:>2}: dev UPOS accuracy {:.2}%", i + 1, a * 100.0)?;
        }
        write!(
            f,
            "kept epoch {}: dev {:.2}%",
            self.best_epoch,
            self.dev_accuracy * 100.0
        )?;
        match self.test_accuracy {
            Some(t) => writeln!(f, ", test {:.2}%", t * 100.0)?,
            None => writeln!(f, " (test not read)")?,
        }
        write!(
            f,
            "{} training sentences, {} words; {} features; model {} bytes; {:.1}s",
            self.train_sentences, self.train_words, self.features, self.model_bytes, self.seconds
        )
    }
}

/// Reads the tagged sentences of a CoNLL-U file (at least one).
pub fn read_conllu(path: &Path) -> Result<Vec<TaggedSentence>, Error> {
    let text = crate::read_text(path)?;
    let sents = ud::parse(&text).map_err(|e| e.in_file(path))?;
    if sents.is_empty() {
        return Err(Error::Empty(path.to_path_buf()));
    }
    Ok(sents)
}

/// Small deterministic generator (xorshift64*).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Fisher-Yates shuffle.
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Builds the lexicon from the training sentences (all but those with `index % FOLDS == fold`).
fn build_lexicon(train: &[TaggedSentence], fold: Option<usize>) -> Lexicon {
    let mut counts = LexiconCounts::default();
    let mut exact_keys: HashSet<u64, IdBuildHasher> = HashSet::default();
    let mut an = Analyzer::default();
    for (k, s) in train.iter().enumerate() {
        if fold == Some(k % FOLDS) {
            continue;
        }
        for (w, &t) in s.words.iter().zip(&s.tags) {
            let (exact, lower) = an.keys(w);
            counts.add(exact, t);
            if lower != exact {
                counts.add(lower, t);
            }
            exact_keys.insert(exact);
        }
    }
    counts.build(|k| exact_keys.contains(&k))
}

/// Settings of [`train_pos`].
#[derive(Clone, Debug)]
pub struct PosConfig {
    /// The shared data folder (holding `ud-ewt/` and `gum/`).
    pub data: PathBuf,
    /// Most epochs; the one best on EWT dev is kept.
    pub epochs: usize,
    /// Times GUM train counts (0: EWT train only).
    pub gum_weight: usize,
    /// Members trained with distinct shuffles whose weights are averaged (1: one model).
    pub ensemble: usize,
    /// Score the kept model on EWT test.
    pub test: bool,
}

/// Trains the POS tagger as `c` says, keeps the epoch best on EWT dev and writes it to `out`.
pub fn train_pos(c: &PosConfig, out: &Path) -> Result<PosReport, Error> {
    let started = Instant::now();
    let ewt = c.data.join("ud-ewt");
    let mut train = read_conllu(&ewt.join("en_ewt-ud-train.conllu"))?;
    if c.gum_weight > 0 {
        let mut gum = Vec::new();
        for (_, path) in crate::corpus::gum_files(&c.data, Split::Train, false)? {
            gum.extend(read_conllu(&path)?);
        }
        for _ in 0..c.gum_weight {
            train.extend(gum.iter().cloned());
        }
    }
    let dev = read_conllu(&ewt.join("en_ewt-ud-dev.conllu"))?;
    let merged: Vec<TaggedSentence> = train.iter().filter_map(ud::merge_hyphens).collect();
    train.extend(merged);
    let lexicon = build_lexicon(&train, None);
    // The embedded word classes (not from the embedded pipeline, whose own POS model may have
    // been trained with another feature set).
    let classes = WordClasses::embedded_shared();

    // Word attributes never change during training: analyse every sentence once, with the
    // lexicon of the other folds (but the shortcut tags of the full lexicon, as at run time).
    let mut an = Analyzer::default();
    let mut data: Vec<(Vec<Attrs>, &[Upos])> = Vec::with_capacity(train.len());
    let folds: Vec<Lexicon> = (0..FOLDS).map(|f| build_lexicon(&train, Some(f))).collect();
    for (k, s) in train.iter().enumerate() {
        let attrs = s
            .words
            .iter()
            .map(|w| {
                let dict = an.analyse(w, &lexicon, &classes).dict;
                Attrs {
                    dict,
                    ..an.analyse(w, &folds[k % FOLDS], &classes)
                }
            })
            .collect();
        data.push((attrs, s.tags.as_slice()));
    }
    let train_words = data.iter().map(|d| d.1.len()).sum();

    // Each member learns from its own shuffles; its averaged weights after every epoch are kept,
    // and the members' models of one epoch are averaged into that epoch's tagger.
    let members: Vec<Vec<Perceptron>> = (0..c.ensemble.max(1))
        .map(|m| train_member(&data, member_seed(m), c.epochs.max(1)))
        .collect();
    let mut dev_by_epoch = Vec::new();
    let mut best: Option<(usize, f64, Tagger)> = None;
    for epoch in 0..c.epochs.max(1) {
        let models: Vec<&Perceptron> = members.iter().map(|m| &m[epoch]).collect();
        let model = match models.as_slice() {
            [one] => (*one).clone(),
            many => mean(many),
        };
        let tagger = Tagger::from_parts(model, lexicon.clone(), Arc::clone(&classes));
        let acc = accuracy(&tagger, &dev);
        dev_by_epoch.push(acc);
        if best.as_ref().is_none_or(|b| acc > b.1) {
            best = Some((epoch + 1, acc, tagger));
        }
    }
    let (best_epoch, dev_accuracy, tagger) = best.expect("at least one epoch ran");
    let bytes = tagger.to_bytes();
    crate::models::write_model(
        out,
        &bytes,
        kg_extract::ModelKind::Pos,
        &kg_extract::lexicon::Lexicon::embedded(),
        &classes,
    )?;
    let test_accuracy = if c.test {
        Some(accuracy(
            &tagger,
            &read_conllu(&ewt.join("en_ewt-ud-test.conllu"))?,
        ))
    } else {
        None
    };
    Ok(PosReport {
        dev_by_epoch,
        best_epoch,
        dev_accuracy,
        test_accuracy,
        train_sentences: data.len(),
        train_words,
        features: tagger.n_features(),
        model_bytes: bytes.len(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The shuffling seed of ensemble member `m` (member 0 has the historical seed).
fn member_seed(m: usize) -> u64 {
    SEED ^ (m as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Trains one perceptron for `epochs` epochs over `data` (shuffled with `seed`) and returns its
/// averaged weights after each epoch.
fn train_member(data: &[(Vec<Attrs>, &[Upos])], seed: u64, epochs: usize) -> Vec<Perceptron> {
    let mut trainer = Trainer::new(Upos::COUNT);
    let mut rng = XorShift(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut feats = Vec::new();
    let mut scores = [0f32; Upos::COUNT];
    let mut pred: Vec<Upos> = Vec::new();
    let mut by_epoch = Vec::with_capacity(epochs);
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (attrs, gold) = &data[k];
            pred.clear();
            for i in 0..attrs.len() {
                let t1 = i.checked_sub(1).map(|j| pred[j]);
                let t2 = i.checked_sub(2).map(|j| pred[j]);
                let guess = match attrs[i].dict {
                    Some(t) => t,
                    None => {
                        features(attrs, i, t1, t2, &mut feats);
                        trainer.scores(&feats, &mut scores);
                        let guess = Upos::from_index(argmax(&scores)).unwrap_or(Upos::X);
                        trainer.update(&feats, gold[i].index(), guess.index());
                        guess
                    }
                };
                pred.push(guess);
            }
        }
        by_epoch.push(trainer.average());
    }
    by_epoch
}

/// Loads a model file written by [`train_pos`] (with the embedded word classes it was trained
/// with).
pub fn load_tagger(path: &Path) -> Result<Tagger, Error> {
    let bytes = std::fs::read(path).map_err(crate::io(path))?;
    Tagger::from_bytes(&bytes, WordClasses::embedded_shared()).map_err(|source| Error::Model {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_repeatable() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        XorShift(SEED).shuffle(&mut a);
        XorShift(SEED).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn missing_data_is_an_error() {
        let dir = Path::new("/nonexistent/kg-pos-data");
        let c = PosConfig {
            data: dir.to_path_buf(),
            epochs: 1,
            gum_weight: 1,
            ensemble: 1,
            test: false,
        };
        let err = train_pos(&c, &dir.join("out.model"));
        assert!(matches!(err, Err(Error::Io { .. })));
    }
}
