//! Training the recognizer: averaged structured perceptron (Viterbi over whole sentences;
//! greedy left-to-right steps as an option), fixed-seed shuffling.
//!
//! Static features are computed once per sentence and kept; each epoch visits the sentences
//! in a seeded random order, so a run is repeatable bit for bit.

use std::collections::HashMap;

use kg_extract::ner::features::{self, N_IDENTITY, SentenceFeatures, Tok};
use kg_extract::ner::tags::{self, N_CLASSES, O};
use kg_extract::ner::{Recognizer, pos_id, viterbi};
use kg_extract::perceptron::IdBuildHasher;
use kg_extract::pos::Upos;

use crate::corpus::{LabeledDoc, LabeledSentence};
use crate::perceptron::Trainer;

/// Training settings.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffling.
    pub seed: u64,
    /// Condition on the gold previous labels (teacher forcing) instead of the predicted ones.
    pub gold_history: bool,
    /// Probability of hiding a token's word-identity features in a training step, so that the
    /// model learns to tag words it has not seen from their shape and context.
    pub word_dropout: f64,
    /// Structured perceptron: decode whole sentences with Viterbi and update on the path
    /// (instead of greedy per-token steps).
    pub viterbi: bool,
    /// Viterbi beam margin in training (see the `viterbi` module).
    pub margin: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            seed: 0x5EED_4E52,
            gold_history: false,
            word_dropout: 0.0,
            viterbi: true,
            margin: f32::INFINITY,
        }
    }
}

/// Training sentences with their static features computed once.
#[derive(Debug, Default)]
pub struct Examples {
    feats: Vec<u64>,
    /// Per token: range into `feats`.
    offsets: Vec<(usize, usize)>,
    toks: Vec<Tok>,
    gold: Vec<usize>,
    /// Per sentence: range of tokens.
    sentences: Vec<(usize, usize)>,
}

impl Examples {
    /// Tags the sentences of `docs` with `tag(sentence, words)` and computes their features.
    pub fn new(
        docs: &[LabeledDoc],
        mut tag: impl FnMut(&LabeledSentence, &[&str]) -> Vec<Upos>,
    ) -> Examples {
        let mut ex = Examples::default();
        let mut sent = SentenceFeatures::default();
        for d in docs {
            let sentences: Vec<&[String]> = d.sentences.iter().map(|s| &s.words[..]).collect();
            let pos: Vec<Vec<u8>> = d
                .sentences
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    tag(s, &words).into_iter().map(pos_id).collect()
                })
                .collect();
            let context = features::doc_context(&sentences, &pos);
            for (k, s) in d.sentences.iter().enumerate() {
                if s.words.is_empty() {
                    continue;
                }
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let pos = &pos[k];
                let doc = features::InDocument {
                    context: &context,
                    sentence: k,
                };
                sent.compute_in(
                    kg_extract::Pipeline::embedded().lexicon(),
                    kg_extract::Pipeline::embedded().classes(),
                    &words,
                    pos,
                    Some(doc),
                );
                let first = ex.toks.len();
                for i in 0..sent.len() {
                    let start = ex.feats.len();
                    ex.feats.extend_from_slice(sent.features(i));
                    ex.offsets.push((start, ex.feats.len()));
                    ex.toks.push(sent.tok(i));
                }
                ex.gold.extend(tags::encode(&s.spans, words.len()));
                ex.sentences.push((first, ex.toks.len()));
            }
        }
        ex
    }

    /// Drops static features seen fewer than `min_count` times across `sets` (word identity
    /// features are kept: dropping those is [`TrainOptions::word_dropout`]'s job), so that
    /// one-off conjunctions do not soak up the updates that general features should get.
    pub fn prune(sets: &mut [&mut Examples], min_count: u32) {
        if min_count <= 1 {
            return;
        }
        let mut counts: HashMap<u64, u32, IdBuildHasher> = HashMap::default();
        for ex in sets.iter() {
            for &f in &ex.feats {
                *counts.entry(f).or_default() += 1;
            }
        }
        for ex in sets.iter_mut() {
            let mut feats = Vec::with_capacity(ex.feats.len());
            for (a, b) in ex.offsets.iter_mut() {
                let start = feats.len();
                for (k, &f) in ex.feats[*a..*b].iter().enumerate() {
                    if k < N_IDENTITY || counts.get(&f).is_some_and(|&c| c >= min_count) {
                        feats.push(f);
                    }
                }
                (*a, *b) = (start, feats.len());
            }
            ex.feats = feats;
        }
    }

    /// Appends the sentences of `other`.
    pub fn extend(&mut self, other: Examples) {
        let (nf, nt) = (self.feats.len(), self.toks.len());
        self.feats.extend(other.feats);
        self.offsets
            .extend(other.offsets.into_iter().map(|(a, b)| (a + nf, b + nf)));
        self.toks.extend(other.toks);
        self.gold.extend(other.gold);
        self.sentences
            .extend(other.sentences.into_iter().map(|(a, b)| (a + nt, b + nt)));
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether there is no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// Number of tokens.
    pub fn tokens(&self) -> usize {
        self.toks.len()
    }
}

/// SplitMix64: a small, fixed, portable generator for the shuffles.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains for `options.epochs` passes; after each, `on_epoch(epoch, &averaged_model)` is called
/// (1-based epoch), e.g. to score it on dev data. Returns the model after the last epoch.
pub fn train(
    examples: &[&Examples],
    options: &TrainOptions,
    mut on_epoch: impl FnMut(usize, &Recognizer),
) -> Recognizer {
    let mut trainer = Trainer::new(N_CLASSES);
    let mut order: Vec<(usize, usize)> = examples
        .iter()
        .enumerate()
        .flat_map(|(k, ex)| (0..ex.sentences.len()).map(move |s| (k, s)))
        .collect();
    let mut rng = Rng(options.seed);
    let mut feats: Vec<u64> = Vec::with_capacity(64);
    let mut scores = [0f32; N_CLASSES];
    let mut model = Recognizer::empty();
    let mut lattice = viterbi::Lattice::default();
    let mut path: Vec<usize> = Vec::new();
    let mut dfeats: Vec<u64> = Vec::new();
    let mut identity: Vec<bool> = Vec::new();
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &(k, s) in &order {
            let ex = examples[k];
            let (first, end) = ex.sentences[s];
            if options.viterbi {
                identity.clear();
                identity.extend((first..end).map(|_| rng.unit() >= options.word_dropout));
                let statics_of = |i: usize| {
                    let (a, b) = ex.offsets[first + i];
                    let from = if identity[i] {
                        a
                    } else {
                        (a + N_IDENTITY).min(b)
                    };
                    &ex.feats[from..b]
                };
                {
                    let tr = &trainer;
                    viterbi::decode(
                        &mut lattice,
                        end - first,
                        options.margin,
                        |i, out| tr.scores(statics_of(i), out),
                        |i, p1, p2, out| {
                            dfeats.clear();
                            features::dynamic(ex.toks[first + i], p1, p2, identity[i], &mut dfeats);
                            tr.scores(&dfeats, out);
                        },
                        &mut path,
                    );
                }
                trainer.tick();
                let gold = &ex.gold[first..end];
                if path.as_slice() != gold {
                    let (mut gp, mut gp2, mut pp, mut pp2) = (O, O, O, O);
                    for i in 0..end - first {
                        let (g, p) = (gold[i], path[i]);
                        if g != p || gp != pp || gp2 != pp2 {
                            for (class, prev, prev2, delta) in [(g, gp, gp2, 1), (p, pp, pp2, -1)] {
                                feats.clear();
                                feats.extend_from_slice(statics_of(i));
                                features::dynamic(
                                    ex.toks[first + i],
                                    prev,
                                    prev2,
                                    identity[i],
                                    &mut feats,
                                );
                                for &f in &feats {
                                    trainer.add(f, class, delta);
                                }
                            }
                        }
                        (gp2, gp, pp2, pp) = (gp, g, pp, p);
                    }
                }
                continue;
            }
            let (mut prev, mut prev2) = (O, O);
            for i in first..end {
                let (a, b) = ex.offsets[i];
                let identity = rng.unit() >= options.word_dropout;
                let from = if identity { a } else { (a + N_IDENTITY).min(b) };
                feats.clear();
                feats.extend_from_slice(&ex.feats[from..b]);
                features::dynamic(ex.toks[i], prev, prev2, identity, &mut feats);
                trainer.scores(&feats, &mut scores);
                let (guess, _) = tags::best_valid(&scores, prev, i + 1 == end);
                let truth = ex.gold[i];
                // A truth the constraint forbids after the predicted history cannot be learnt
                // there: skip the update rather than push weights that can never win.
                if tags::valid(prev, truth, i + 1 == end) {
                    trainer.update(&feats, truth, guess);
                } else {
                    trainer.tick();
                }
                prev2 = prev;
                prev = if options.gold_history { truth } else { guess };
            }
        }
        model = Recognizer::from_model(trainer.average());
        on_epoch(epoch, &model);
    }
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffles_are_repeatable() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        Rng(7).shuffle(&mut a);
        Rng(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }
}
