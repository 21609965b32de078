//! The training half of the averaged perceptron: [`Trainer`] keeps integer weights and
//! averages them lazily (timestamps per weight, so an update costs only the touched weights);
//! [`Trainer::average`] yields the frozen `kg_extract::perceptron::Perceptron` the taggers run
//! with. [`mean`] averages models trained on different shuffles; [`pruned`] drops faint
//! features.
//!
//! ```
//! use kg_extract::perceptron::{FeatureHasher, Perceptron, argmax};
//! use kg_train::perceptron::Trainer;
//! let feat = |t: u32, s: &str| FeatureHasher::new(t).str(s).finish();
//! let mut trainer = Trainer::new(2);
//! let mut scores = [0.0f32; 2];
//! for _ in 0..5 {
//!     for (word, class) in [("yes", 0), ("no", 1)] {
//!         let feats = [feat(0, word)];
//!         trainer.scores(&feats, &mut scores);
//!         trainer.update(&feats, class, argmax(&scores));
//!     }
//! }
//! let model = Perceptron::from_bytes(&trainer.average().to_bytes()).expect("round trip");
//! model.scores(&[feat(0, "no")], &mut scores);
//! assert_eq!(argmax(&scores), 1);
//! ```

use std::collections::HashMap;

use kg_extract::perceptron::{IdBuildHasher, MAX_CLASSES, Perceptron};

/// Training-time perceptron: integer weights with lazy averaging.
///
/// Call [`Trainer::update`] once per training instance (also when the guess was right: the
/// instance clock must advance for the average to be correct).
#[derive(Debug, Clone)]
pub struct Trainer {
    n_classes: usize,
    rows: HashMap<u64, u32, IdBuildHasher>,
    weights: Vec<i32>,
    totals: Vec<i64>,
    stamps: Vec<u32>,
    clock: u32,
}

impl Trainer {
    /// A trainer for `n_classes` classes (1 to [`MAX_CLASSES`]; clamped into that range).
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes: n_classes.clamp(1, MAX_CLASSES),
            rows: HashMap::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            clock: 0,
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features that have a weight row.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no feature has been updated yet.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Current (non-averaged) scores of `feats`: writes `out[c]` for every class
    /// (`out` must hold at least [`Trainer::n_classes`] values; extra ones are left alone).
    pub fn scores(&self, feats: &[u64], out: &mut [f32]) {
        let n = self.n_classes.min(out.len());
        out[..n].fill(0.0);
        for f in feats {
            if let Some(&row) = self.rows.get(f) {
                let w = &self.weights[row as usize * self.n_classes..][..n];
                for (o, &w) in out[..n].iter_mut().zip(w) {
                    *o += w as f32;
                }
            }
        }
    }

    /// Advances the instance clock by one (done by [`Trainer::update`]; call it directly only
    /// when driving [`Trainer::add`] yourself, e.g. for a structured update).
    pub fn tick(&mut self) {
        self.clock = self.clock.saturating_add(1);
    }

    /// Adds `delta` to the weight of `feat` for `class` (ignored if `class` is out of range).
    pub fn add(&mut self, feat: u64, class: usize, delta: i32) {
        if class >= self.n_classes {
            return;
        }
        let n = self.n_classes;
        let next = self.rows.len() as u32;
        let row = *self.rows.entry(feat).or_insert_with(|| next) as usize;
        if row == self.weights.len() / n {
            self.weights.resize(self.weights.len() + n, 0);
            self.totals.resize(self.totals.len() + n, 0);
            self.stamps.resize(self.stamps.len() + n, 0);
        }
        let i = row * n + class;
        let elapsed = i64::from(self.clock - self.stamps[i]);
        self.totals[i] += elapsed * i64::from(self.weights[i]);
        self.stamps[i] = self.clock;
        self.weights[i] += delta;
    }

    /// One perceptron step: advances the clock and, if `guess != truth`, moves every feature's
    /// weight one unit toward `truth` and away from `guess`.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        self.tick();
        if truth != guess {
            for &f in feats {
                self.add(f, truth, 1);
                self.add(f, guess, -1);
            }
        }
    }

    /// The averaged model (the trainer is left unchanged, so training may continue).
    /// Weights that quantise to zero are dropped.
    pub fn average(&self) -> Perceptron {
        let n = self.n_classes;
        let clock = i64::from(self.clock.max(1));
        let mut avg = vec![0f32; self.weights.len()];
        let mut max_abs = 0f32;
        for (i, a) in avg.iter_mut().enumerate() {
            let total = self.totals[i]
                + i64::from(self.clock - self.stamps[i]) * i64::from(self.weights[i]);
            *a = (total as f64 / clock as f64) as f32;
            max_abs = max_abs.max(a.abs());
        }
        let scale = if max_abs > 0.0 {
            max_abs / 32767.0
        } else {
            1.0
        };
        let mut entries: Vec<(u64, Vec<i16>)> = Vec::with_capacity(self.rows.len());
        for (&feat, &row) in &self.rows {
            let src = &avg[row as usize * n..][..n];
            let q: Vec<i16> = src
                .iter()
                .map(|&w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect();
            if q.iter().any(|&w| w != 0) {
                entries.push((feat, q));
            }
        }
        entries.sort_unstable_by_key(|e| e.0);
        Perceptron::from_entries(n, scale, entries)
    }
}

/// The mean of several models (e.g. trained with different shuffles): each feature's
/// weights are averaged over all models (0 where a model lacks the feature), then quantised
/// again. Models with another class count than the first are ignored.
pub fn mean(models: &[&Perceptron]) -> Perceptron {
    let Some(first) = models.first() else {
        return Perceptron::empty(1);
    };
    let n = first.n_classes();
    let models: Vec<&&Perceptron> = models.iter().filter(|m| m.n_classes() == n).collect();
    let k = models.len() as f32;
    let mut sums: std::collections::BTreeMap<u64, Vec<f32>> = std::collections::BTreeMap::new();
    for m in &models {
        for (id, weights) in m.rows() {
            let row = sums.entry(id).or_insert_with(|| vec![0.0; n]);
            for (acc, &w) in row.iter_mut().zip(weights) {
                *acc += f32::from(w) * m.scale() / k;
            }
        }
    }
    let max_abs = sums
        .values()
        .flat_map(|r| r.iter())
        .fold(0f32, |a, w| a.max(w.abs()));
    let scale = if max_abs > 0.0 {
        max_abs / 32767.0
    } else {
        1.0
    };
    let entries: Vec<(u64, Vec<i16>)> = sums
        .into_iter()
        .map(|(id, row)| {
            let q: Vec<i16> = row
                .iter()
                .map(|&w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect();
            (id, q)
        })
        .filter(|(_, q)| q.iter().any(|&w| w != 0))
        .collect();
    Perceptron::from_entries(n, scale, entries)
}

/// The model without the features whose largest weight is below `fraction` of the
/// model's largest weight: after averaging, many features keep only a trace of weight, and
/// dropping them makes the table smaller and lookups faster.
pub fn pruned(model: &Perceptron, fraction: f32) -> Perceptron {
    let n = model.n_classes();
    let max_abs = model
        .rows()
        .flat_map(|(_, w)| w.iter())
        .map(|w| w.unsigned_abs())
        .max()
        .unwrap_or(0);
    let min = (f32::from(max_abs) * fraction).ceil() as u16;
    let entries: Vec<(u64, Vec<i16>)> = model
        .rows()
        .map(|(id, row)| (id, row.to_vec()))
        .filter(|(_, row)| row.iter().any(|w| w.unsigned_abs() >= min.max(1)))
        .collect();
    Perceptron::from_entries(n, model.scale(), entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kg_extract::perceptron::{FeatureHasher, argmax};

    fn f(t: u32, s: &str) -> u64 {
        FeatureHasher::new(t).str(s).finish()
    }

    fn train_toy() -> Perceptron {
        // Class = which of three cue words occurs; noise words are shared.
        let data: Vec<(Vec<&str>, usize)> = vec![
            (vec!["red", "a"], 1),
            (vec!["green", "a"], 2),
            (vec!["blue", "b"], 3),
            (vec!["red", "b"], 1),
            (vec!["green", "b"], 2),
            (vec!["blue", "a"], 3),
        ];
        // Class 0 is never right, so ties (which go to class 0) cannot pass for learning.
        let mut t = Trainer::new(4);
        let mut s = [0f32; 4];
        for _ in 0..10 {
            for (words, y) in &data {
                let feats: Vec<u64> = words.iter().map(|w| f(0, w)).collect();
                t.scores(&feats, &mut s);
                t.update(&feats, *y, argmax(&s));
            }
        }
        t.average()
    }

    #[test]
    fn learns_a_separable_problem() {
        // Round trips of the averaged model are kg-extract's perceptron tests.
        let m = train_toy();
        let mut s = [0f32; 4];
        for (w, y) in [("red", 1), ("green", 2), ("blue", 3)] {
            m.scores(&[f(0, w), f(0, "a")], &mut s);
            assert_eq!(argmax(&s), y);
        }
        assert!(!m.contains(f(0, "unseen")));
        assert!(Perceptron::from_bytes(&m.to_bytes()).is_ok());
    }

    #[test]
    fn mean_of_models_averages_weights() {
        let m = train_toy();
        // The mean of a model with itself scores like it (up to requantisation).
        let same = mean(&[&m, &m]);
        assert_eq!(same.len(), m.len());
        let (mut a, mut b) = ([0f32; 4], [0f32; 4]);
        for w in ["red", "green", "blue", "a", "b"] {
            m.scores(&[f(0, w)], &mut a);
            same.scores(&[f(0, w)], &mut b);
            for (x, y) in a.iter().zip(&b) {
                assert!((x - y).abs() <= m.scale(), "{w}: {a:?} vs {b:?}");
            }
        }
        // With an empty model, every weight halves.
        let half = mean(&[&m, &Trainer::new(4).average()]);
        m.scores(&[f(0, "red")], &mut a);
        half.scores(&[f(0, "red")], &mut b);
        for (x, y) in a.iter().zip(&b) {
            assert!((x / 2.0 - y).abs() <= m.scale(), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn pruning_drops_only_faint_features() {
        let m = train_toy();
        assert_eq!(pruned(&m, 0.0).len(), m.len());
        // A faint feature: a tenth of a percent of a strong one, kept only in the mean.
        let mut t = Trainer::new(4);
        t.tick();
        t.update(&[f(0, "faint")], 2, 3);
        for _ in 0..1000 {
            t.tick();
            t.update(&[f(0, "strong")], 1, 0);
        }
        let model = t.average();
        assert!(model.contains(f(0, "faint")));
        let pruned = pruned(&model, 0.01);
        assert!(!pruned.contains(f(0, "faint")));
        assert!(pruned.contains(f(0, "strong")));
        let (mut a, mut b) = ([0f32; 4], [0f32; 4]);
        model.scores(&[f(0, "strong")], &mut a);
        pruned.scores(&[f(0, "strong")], &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn empty_trainer_averages_to_empty_model() {
        let m = Trainer::new(4).average();
        assert!(m.is_empty());
        let mut s = [1f32; 4];
        m.scores(&[1, 2, 3], &mut s);
        assert_eq!(s, [0.0; 4]);
        let m2 = Perceptron::from_bytes(&m.to_bytes()).expect("round trip");
        assert!(m2.is_empty());
        assert_eq!(m2.n_classes(), 4);
    }
}
