//! The training loop of the parser: an averaged perceptron over arc-hybrid transitions, with
//! the dynamic oracle (Goldberg and Nivre 2012, 2013): after the first epoch the parser follows
//! its own wrong predictions with probability `explore`, and each step is taught the best-scoring
//! transition that loses no gold arc from where it is.

use std::collections::HashSet;
use std::sync::Arc;

use kg_extract::classes::WordClasses;
use kg_extract::lemma::Lemmatizer;
use kg_extract::parse::features::{Word, features, words_into};
use kg_extract::parse::state::{State, Transition};
use kg_extract::parse::{Parser, allowed_best};
use kg_extract::perceptron::IdBuildHasher;
use kg_extract::pos::Upos;
use kg_extract::pos::features::Analyzer;

use crate::perceptron::Trainer;

/// One training sentence: words, predicted tags, gold heads (index 0 unused) and gold labels
/// (label ids, index 0 unused).
#[derive(Clone, Debug)]
pub struct Example {
    /// The words.
    pub words: Vec<String>,
    /// Their (predicted) tags.
    pub tags: Vec<Upos>,
    /// Gold head of each word, with an unused slot 0 for the root.
    pub heads: Vec<u32>,
    /// Gold label id of each word, with an unused slot 0.
    pub labels: Vec<u8>,
}

/// Settings of the loop.
#[derive(Clone, Copy, Debug)]
pub struct LoopOptions {
    /// Probability of following a wrong prediction, from the second epoch on.
    pub explore: f64,
}

/// Small deterministic generator (xorshift64*).
#[derive(Clone, Debug)]
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..1`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The words of every example, analysed once.
pub fn analyse(examples: &[Example], classes: &WordClasses) -> Vec<Vec<Word>> {
    let mut an = Analyzer::default();
    examples
        .iter()
        .map(|e| {
            let mut w = Vec::new();
            words_into(&e.words, &e.tags, classes, &mut an, &mut w);
            w
        })
        .collect()
}

/// The cost of each transition from `st` toward the gold tree of `ex` (a wrong label on a
/// gold arc costs one).
fn step_cost<'a>(st: &'a State, ex: &'a Example) -> impl Fn(Transition) -> u32 + 'a {
    let c = st.costs(&ex.heads);
    let s0 = st.s(0);
    let gold_label = move |w: Option<u32>| w.map(|w| ex.labels[w as usize]);
    move |t: Transition| -> u32 {
        match t {
            Transition::Shift => c.shift,
            Transition::Left(l) => {
                let arc = s0.is_some_and(|s| Some(ex.heads[s as usize]) == st.b(0));
                c.left
                    .saturating_add(u32::from(arc && gold_label(s0) != Some(l)))
            }
            Transition::Right(l) => {
                let arc = s0.is_some_and(|s| Some(ex.heads[s as usize]) == st.s(1));
                c.right
                    .saturating_add(u32::from(arc && gold_label(s0) != Some(l)))
            }
        }
    }
}

/// One epoch over `examples` in `order`; returns the share of transitions predicted right.
/// Only the features in `keep` (if given) are scored and learnt.
#[allow(clippy::too_many_arguments)]
pub fn epoch(
    trainer: &mut Trainer,
    keep: Option<&HashSet<u64, IdBuildHasher>>,
    examples: &[Example],
    words: &[Vec<Word>],
    order: &[usize],
    n_labels: usize,
    root: u8,
    explore: f64,
    rng: &mut Rng,
) -> f64 {
    let mut st = State::default();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; Transition::n_classes(n_labels)];
    let (mut right, mut total) = (0usize, 0usize);
    for &k in order {
        let ex = &examples[k];
        st.reset(ex.words.len());
        while !st.is_final() {
            features(&st, &words[k], &mut feats);
            if let Some(keep) = keep {
                feats.retain(|f| keep.contains(f));
            }
            trainer.scores(&feats, &mut scores);
            let next = {
                let cost = step_cost(&st, ex);
                let pred = allowed_best(&st, &scores, n_labels, root, None);
                let zero = |t: Transition| cost(t) == 0;
                let gold = allowed_best(&st, &scores, n_labels, root, Some(&zero));
                total += 1;
                if zero(pred) {
                    right += 1;
                    trainer.update(&feats, pred.class(), pred.class());
                    pred
                } else if !zero(gold) {
                    // No zero-cost transition (a tree the oracle cannot build): follow the model.
                    trainer.tick();
                    pred
                } else {
                    trainer.update(&feats, gold.class(), pred.class());
                    if explore > 0.0 && rng.unit() < explore {
                        pred
                    } else {
                        gold
                    }
                }
            };
            st.apply(next);
        }
    }
    right as f64 / total.max(1) as f64
}

/// The parser of the trainer's averaged weights.
pub fn snapshot(
    trainer: &Trainer,
    labels: &[String],
    lemmatizer: &Lemmatizer,
    classes: &Arc<WordClasses>,
) -> Parser {
    Parser::from_parts(
        trainer.average(),
        labels.to_vec(),
        lemmatizer.clone(),
        Arc::clone(classes),
    )
    .expect("the trainer has one class per transition and the labels hold root")
}
