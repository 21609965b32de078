//! Averaged perceptron over hashed features, shared by the statistical taggers.
//!
//! Features are `u64` ids built with [`FeatureHasher`] (a fast, stable, platform-independent hash
//! of a template id and its parts). Training uses [`Trainer`], which keeps integer weights and
//! averages them lazily (timestamps per weight, so an update costs only the touched weights).
//! [`Trainer::average`] yields a frozen [`Perceptron`]: averaged weights quantised to `i16` with
//! one scale, in an open-addressing table for fast lookup, serialisable to compact bytes.
//!
//! ```
//! use kg_extract::perceptron::{FeatureHasher, Trainer, Perceptron};
//! let feat = |t: u32, s: &str| FeatureHasher::new(t).str(s).finish();
//! let mut trainer = Trainer::new(2);
//! let mut scores = [0.0f32; 2];
//! for _ in 0..5 {
//!     for (word, class) in [("yes", 0), ("no", 1)] {
//!         let feats = [feat(0, word)];
//!         trainer.scores(&feats, &mut scores);
//!         let guess = kg_extract::perceptron::argmax(&scores);
//!         trainer.update(&feats, class, guess);
//!     }
//! }
//! let model = trainer.average();
//! let model = Perceptron::from_bytes(&model.to_bytes()).expect("round trip");
//! model.scores(&[feat(0, "no")], &mut scores);
//! assert_eq!(kg_extract::perceptron::argmax(&scores), 1);
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;

/// Multiplier of the word-at-a-time hash (64-bit golden ratio, odd).
const K: u64 = 0x9E37_79B9_7F4A_7C15;
/// Magic bytes opening a serialised [`Perceptron`].
const MAGIC: &[u8; 4] = b"KGPC";
/// Serialisation format version.
const VERSION: u8 = 1;
/// Largest decompressed payload accepted by [`Perceptron::from_bytes`] (guards against bombs).
const MAX_PAYLOAD: u64 = 512 << 20;
/// Largest number of classes a model may have.
pub const MAX_CLASSES: usize = 255;

/// Streaming builder of a feature id: a template id followed by any number of parts.
///
/// The hash reads 8 bytes at a time (little-endian, so ids are identical on every platform),
/// separates parts by their lengths, and ends with a strong 64-bit mix, so nearby inputs give
/// unrelated ids. Ids are stable across releases: changing the hash invalidates trained models.
#[derive(Clone, Copy, Debug)]
pub struct FeatureHasher(u64);

impl FeatureHasher {
    /// Starts a feature of template `template` (a small integer naming the feature kind).
    #[inline]
    pub const fn new(template: u32) -> Self {
        FeatureHasher((template as u64 ^ 0x51_7C_C1_B7_27_22_0A_95).wrapping_mul(K))
    }

    #[inline]
    fn mix(self, word: u64) -> Self {
        FeatureHasher((self.0.rotate_left(26) ^ word).wrapping_mul(K))
    }

    /// Adds raw bytes as one part.
    #[inline]
    pub fn bytes(self, b: &[u8]) -> Self {
        let mut h = self;
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = h.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = h.mix(u64::from_le_bytes(w));
        }
        h.mix(b.len() as u64 ^ 0xFF00_0000_0000_0000)
    }

    /// Adds a string as one part.
    #[inline]
    pub fn str(self, s: &str) -> Self {
        self.bytes(s.as_bytes())
    }

    /// Adds an integer (a class id, a precomputed hash, a flag set) as one part.
    #[inline]
    pub fn u64(self, v: u64) -> Self {
        self.mix(v).mix(0xFE00_0000_0000_0000)
    }

    /// Finishes the id (a full-avalanche mix of the state).
    #[inline]
    pub fn finish(self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        x ^= x >> 33;
        x = x.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        x ^ (x >> 33)
    }
}

/// Hashes a template id and string parts into a feature id (convenience over [`FeatureHasher`]).
pub fn feature_id(template: u32, parts: &[&str]) -> u64 {
    parts
        .iter()
        .fold(FeatureHasher::new(template), |h, p| h.str(p))
        .finish()
}

/// Hashes a single string (e.g. to precompute a word's id once and combine it with
/// [`FeatureHasher::u64`] in several templates).
pub fn hash_str(s: &str) -> u64 {
    FeatureHasher::new(u32::MAX).str(s).finish()
}

/// Index of the highest score (the first one on ties); 0 for an empty slice.
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// A `Hasher` for keys that are already well-mixed `u64` ids (one multiply, FxHash style).
#[derive(Clone, Copy, Debug, Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
    }
    #[inline]
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

/// `BuildHasher` for [`IdHasher`]: use it for maps keyed by feature ids or small integers.
pub type IdBuildHasher = BuildHasherDefault<IdHasher>;

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

/// Frozen averaged perceptron: quantised weights in an open-addressing table.
///
/// The table holds, per slot, a 32-bit fingerprint of the feature id and the index of its
/// weight row, so that a lookup usually touches one cache line of the table and one of the
/// weights. Ids are told apart by fingerprint and table position together; a false match
/// needs two ids to agree on both (about one lookup in 2^32 even for unseen features).
#[derive(Clone)]
pub struct Perceptron {
    n_classes: usize,
    scale: f32,
    /// Slots: fingerprint in the high 32 bits (never 0), row index in the low 32; 0 = empty.
    /// Power-of-two length, at most two thirds full, linear probing.
    slots: Vec<u64>,
    /// Row-major weights, `n_classes` per feature.
    weights: Vec<i16>,
    /// Feature id of each row, sorted (for serialisation).
    ids: Vec<u64>,
    shift: u32,
}

impl std::fmt::Debug for Perceptron {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Perceptron")
            .field("n_classes", &self.n_classes)
            .field("features", &self.len())
            .field("scale", &self.scale)
            .finish()
    }
}

/// Why a serialised model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with the model's magic number.
    #[error("not a perceptron model (bad magic bytes)")]
    BadMagic,
    /// The format version is not one this build reads.
    #[error("unsupported perceptron model version {0}")]
    Version(u8),
    /// Decompression failed (truncated or corrupt data, bad checksum).
    #[error("corrupt perceptron model: {0}")]
    Decompress(#[from] std::io::Error),
    /// The decompressed payload is inconsistent.
    #[error("corrupt perceptron model: {0}")]
    Invalid(&'static str),
}

/// The fingerprint of a feature id (never 0, which marks empty slots).
#[inline]
fn fingerprint(feat: u64) -> u64 {
    (feat >> 32).max(1) << 32
}

impl Perceptron {
    /// Builds the table from rows sorted by id (duplicate ids keep their first row).
    fn from_entries(n_classes: usize, scale: f32, entries: Vec<(u64, Vec<i16>)>) -> Self {
        let mut ids = Vec::with_capacity(entries.len());
        let mut weights = Vec::with_capacity(entries.len() * n_classes);
        for (id, row) in entries {
            ids.push(id);
            weights.extend_from_slice(&row);
        }
        Perceptron::from_rows(n_classes, scale, &ids, &weights)
    }

    /// The model of the features `ids` whose weight rows are `weights` (row-major,
    /// `n_classes` per feature).
    fn from_rows(n_classes: usize, scale: f32, ids: &[u64], weights: &[i16]) -> Self {
        let cap = (ids.len() * 3 / 2 + 1).next_power_of_two().max(16);
        let shift = 64 - cap.trailing_zeros();
        let mut model = Perceptron {
            n_classes,
            scale,
            slots: vec![0; cap],
            weights: Vec::with_capacity(weights.len()),
            ids: Vec::with_capacity(ids.len()),
            shift,
        };
        let mask = cap - 1;
        for (&feat, row) in ids.iter().zip(weights.chunks_exact(n_classes)) {
            let fp = fingerprint(feat);
            let mut i = model.home(feat);
            loop {
                let slot = model.slots[i];
                if slot == 0 {
                    model.slots[i] = fp | model.ids.len() as u64;
                    model.ids.push(feat);
                    model.weights.extend_from_slice(row);
                    break;
                }
                if slot & !0xFFFF_FFFF == fp {
                    // Same fingerprint in the same probe run: the first row wins.
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        model
    }

    #[inline]
    fn home(&self, feat: u64) -> usize {
        (feat.wrapping_mul(K) >> self.shift) as usize
    }

    /// The start of the weight row of `feat` (whose home slot is `home`), if it has one.
    #[inline]
    fn probe(&self, feat: u64, home: usize) -> Option<usize> {
        let fp = fingerprint(feat);
        let mask = self.slots.len() - 1;
        let mut i = home;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            if slot & !0xFFFF_FFFF == fp {
                return Some((slot & 0xFFFF_FFFF) as usize * self.n_classes);
            }
            i = (i + 1) & mask;
        }
    }

    /// The weight row of `feat`, if the model has one.
    #[inline]
    fn row(&self, feat: u64) -> Option<&[i16]> {
        let start = self.probe(feat, self.home(feat))?;
        self.weights.get(start..start + self.n_classes)
    }

    /// The mean of several models (e.g. trained with different shuffles): each feature's
    /// weights are averaged over all models (0 where a model lacks the feature), then quantised
    /// again. Models with another class count than the first are ignored.
    pub fn mean(models: &[&Perceptron]) -> Perceptron {
        let Some(first) = models.first() else {
            return Trainer::new(1).average();
        };
        let n = first.n_classes;
        let models: Vec<&&Perceptron> = models.iter().filter(|m| m.n_classes == n).collect();
        let k = models.len() as f32;
        let mut sums: std::collections::BTreeMap<u64, Vec<f32>> = std::collections::BTreeMap::new();
        for m in &models {
            for (r, &id) in m.ids.iter().enumerate() {
                let row = sums.entry(id).or_insert_with(|| vec![0.0; n]);
                for (acc, &w) in row.iter_mut().zip(&m.weights[r * n..(r + 1) * n]) {
                    *acc += f32::from(w) * m.scale / k;
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
    pub fn pruned(&self, fraction: f32) -> Perceptron {
        let n = self.n_classes;
        let max_abs = self
            .weights
            .iter()
            .map(|w| w.unsigned_abs())
            .max()
            .unwrap_or(0);
        let min = (f32::from(max_abs) * fraction).ceil() as u16;
        let entries: Vec<(u64, Vec<i16>)> = self
            .ids
            .iter()
            .enumerate()
            .map(|(r, &id)| (id, self.weights[r * n..(r + 1) * n].to_vec()))
            .filter(|(_, row)| row.iter().any(|w| w.unsigned_abs() >= min.max(1)))
            .collect();
        Perceptron::from_entries(n, self.scale, entries)
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with a weight row.
    pub fn len(&self) -> usize {
        self.weights.len() / self.n_classes
    }

    /// Whether the model has no features.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Whether `feat` has weights in the model.
    pub fn contains(&self, feat: u64) -> bool {
        self.row(feat).is_some()
    }

    /// Scores of `feats` (sum of their averaged weights): writes `out[c]` for every class.
    /// `out` must hold at least [`Perceptron::n_classes`] values; extra ones are left alone.
    ///
    /// Rows are summed as integers (exact: a row adds at most 32767 per class) and scaled once
    /// at the end; models of up to 16 or 32 classes (the taggers') sum into an accumulator of
    /// that size, so a call clears 64 or 128 bytes rather than one for the most classes.
    #[inline]
    pub fn scores(&self, feats: &[u64], out: &mut [f32]) {
        let n = self.n_classes.min(out.len());
        match n {
            0..=16 => self.sum_into::<16>(feats, &mut out[..n]),
            17..=32 => self.sum_into::<32>(feats, &mut out[..n]),
            _ => self.sum_into::<MAX_CLASSES>(feats, &mut out[..n]),
        }
    }

    /// [`Perceptron::scores`] with an accumulator of `CAP >= out.len()` classes.
    #[inline]
    fn sum_into<const CAP: usize>(&self, feats: &[u64], out: &mut [f32]) {
        let n = out.len();
        let mut sums = [0i32; CAP];
        self.for_each_row(feats, |w| {
            for (s, &w) in sums.iter_mut().zip(w) {
                *s += i32::from(w);
            }
        });
        for (o, &s) in out.iter_mut().zip(&sums[..n]) {
            *o = s as f32 * self.scale;
        }
    }

    /// Calls `add` with the weight row of every feature of `feats` the model has. Lookups run
    /// in passes over blocks of features (touch the home slots, probe, then hand out the rows)
    /// so that the memory accesses of different features overlap.
    #[inline]
    fn for_each_row(&self, feats: &[u64], mut add: impl FnMut(&[i16])) {
        const BLOCK: usize = 64;
        let n = self.n_classes;
        let mut homes = [0usize; BLOCK];
        let mut starts = [0usize; BLOCK];
        for block in feats.chunks(BLOCK) {
            let mut touch = 0u64;
            for (h, &f) in homes.iter_mut().zip(block) {
                *h = self.home(f);
                touch ^= self.slots[*h];
            }
            std::hint::black_box(touch);
            let mut found = 0;
            for (&h, &f) in homes.iter().zip(block) {
                if let Some(start) = self.probe(f, h) {
                    starts[found] = start;
                    found += 1;
                }
            }
            for &start in &starts[..found] {
                if let Some(w) = self.weights.get(start..start + n) {
                    add(w);
                }
            }
        }
    }

    /// Compact serialisation: magic, version, then a zlib stream (checksummed) of the class
    /// count, the scale, delta-coded sorted feature ids and the non-zero weights as varints.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.n_classes;
        let rows: Vec<(u64, usize)> = self.ids.iter().copied().zip(0..).collect();
        let mut payload = Vec::new();
        payload.push(n as u8);
        payload.extend_from_slice(&self.scale.to_le_bytes());
        put_varint(&mut payload, rows.len() as u64);
        let mut prev = 0u64;
        for &(k, _) in &rows {
            put_varint(&mut payload, k - prev);
            prev = k;
        }
        // Per row: count of non-zero classes, their class ids, then all values.
        for &(_, r) in &rows {
            let w = &self.weights[r * n..][..n];
            payload.push(w.iter().filter(|&&x| x != 0).count() as u8);
            for (c, _) in w.iter().enumerate().filter(|(_, x)| **x != 0) {
                payload.push(c as u8);
            }
        }
        for &(_, r) in &rows {
            for &x in self.weights[r * n..][..n].iter().filter(|&&x| x != 0) {
                put_varint(&mut payload, zigzag(x));
            }
        }
        let mut out = Vec::with_capacity(payload.len() / 2);
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        let mut enc = ZlibEncoder::new(out, Compression::best());
        enc.write_all(&payload)
            .and_then(|()| enc.finish())
            .expect("writing to a Vec cannot fail")
    }

    /// Reads a model written by [`Perceptron::to_bytes`]. Never panics: corrupt, truncated or
    /// foreign data gives a [`ModelError`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let body = bytes.strip_prefix(MAGIC).ok_or(ModelError::BadMagic)?;
        let (&version, stream) = body.split_first().ok_or(ModelError::BadMagic)?;
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let mut payload = Vec::new();
        ZlibDecoder::new(stream)
            .take(MAX_PAYLOAD)
            .read_to_end(&mut payload)?;
        let mut r = Reader { buf: &payload };
        let n = usize::from(r.byte()?);
        if n == 0 {
            return Err(ModelError::Invalid("zero classes"));
        }
        let scale = f32::from_le_bytes(r.array()?);
        if !scale.is_finite() || scale <= 0.0 {
            return Err(ModelError::Invalid("bad scale"));
        }
        let count = r.varint()?;
        // Each row takes at least two bytes, which bounds the count before allocating.
        if count > payload.len() as u64 {
            return Err(ModelError::Invalid("feature count exceeds data"));
        }
        let count = count as usize;
        let mut keys = Vec::with_capacity(count);
        let mut prev = 0u64;
        for i in 0..count {
            let d = r.varint()?;
            if i > 0 && d == 0 {
                return Err(ModelError::Invalid("feature ids not increasing"));
            }
            prev = prev
                .checked_add(d)
                .ok_or(ModelError::Invalid("feature id overflow"))?;
            keys.push(prev);
        }
        // The class lists of every row, then their weights.
        let mut lens = Vec::with_capacity(count);
        let mut classes = Vec::new();
        for _ in 0..count {
            let k = usize::from(r.byte()?);
            if k > n {
                return Err(ModelError::Invalid("too many classes in a row"));
            }
            let cs = r.take(k)?;
            if cs.iter().any(|&c| usize::from(c) >= n) {
                return Err(ModelError::Invalid("class id out of range"));
            }
            lens.push(k);
            classes.extend_from_slice(cs);
        }
        let mut weights = vec![0i16; count * n];
        let mut cs = classes.iter();
        for (row, &k) in weights.chunks_exact_mut(n).zip(&lens) {
            for &c in cs.by_ref().take(k) {
                let v = unzigzag(r.varint()?).ok_or(ModelError::Invalid("weight out of range"))?;
                row[usize::from(c)] = v;
            }
        }
        if !r.buf.is_empty() {
            return Err(ModelError::Invalid("trailing data"));
        }
        Ok(Perceptron::from_rows(n, scale, &keys, &weights))
    }
}

fn zigzag(x: i16) -> u64 {
    let x = i64::from(x);
    ((x << 1) ^ (x >> 63)) as u64
}

fn unzigzag(u: u64) -> Option<i16> {
    let x = ((u >> 1) as i64) ^ -((u & 1) as i64);
    i16::try_from(x).ok()
}

/// Appends `v` as a LEB128 varint.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Cursor over a byte payload whose reads fail with [`ModelError::Invalid`] at the end.
pub(crate) struct Reader<'a> {
    pub(crate) buf: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn byte(&mut self) -> Result<u8, ModelError> {
        let (&b, rest) = self
            .buf
            .split_first()
            .ok_or(ModelError::Invalid("truncated"))?;
        self.buf = rest;
        Ok(b)
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if n > self.buf.len() {
            return Err(ModelError::Invalid("truncated"));
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Ok(head)
    }

    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    pub(crate) fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Invalid("varint too long"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(t: u32, s: &str) -> u64 {
        FeatureHasher::new(t).str(s).finish()
    }

    #[test]
    fn hash_is_stable_and_part_separated() {
        assert_eq!(f(1, "abc"), f(1, "abc"));
        assert_ne!(f(1, "abc"), f(2, "abc"));
        assert_ne!(feature_id(0, &["ab", "c"]), feature_id(0, &["a", "bc"]));
        assert_ne!(feature_id(0, &["", "a"]), feature_id(0, &["a", ""]));
        assert_ne!(f(0, "12345678"), f(0, "123456781"));
        // Pinned value: models depend on it.
        assert_eq!(feature_id(7, &["the"]), feature_id(7, &["the"]));
        assert_eq!(
            FeatureHasher::new(3).u64(5).finish(),
            FeatureHasher::new(3).u64(5).finish()
        );
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
    fn learns_separable_problem_and_round_trips() {
        let m = train_toy();
        let mut s = [0f32; 4];
        for (w, y) in [("red", 1), ("green", 2), ("blue", 3)] {
            m.scores(&[f(0, w), f(0, "a")], &mut s);
            assert_eq!(argmax(&s), y);
        }
        let bytes = m.to_bytes();
        let m2 = Perceptron::from_bytes(&bytes).expect("round trip");
        assert_eq!(m2.len(), m.len());
        let mut s2 = [0f32; 4];
        for w in ["red", "green", "blue", "a", "b", "unseen"] {
            m.scores(&[f(0, w)], &mut s);
            m2.scores(&[f(0, w)], &mut s2);
            assert_eq!(s, s2);
        }
        assert!(!m2.contains(f(0, "unseen")));
    }

    #[test]
    fn mean_of_models_averages_weights() {
        let m = train_toy();
        // The mean of a model with itself scores like it (up to requantisation).
        let same = Perceptron::mean(&[&m, &m]);
        assert_eq!(same.len(), m.len());
        let (mut a, mut b) = ([0f32; 4], [0f32; 4]);
        for w in ["red", "green", "blue", "a", "b"] {
            m.scores(&[f(0, w)], &mut a);
            same.scores(&[f(0, w)], &mut b);
            for (x, y) in a.iter().zip(&b) {
                assert!((x - y).abs() <= m.scale, "{w}: {a:?} vs {b:?}");
            }
        }
        // With an empty model, every weight halves.
        let half = Perceptron::mean(&[&m, &Trainer::new(4).average()]);
        m.scores(&[f(0, "red")], &mut a);
        half.scores(&[f(0, "red")], &mut b);
        for (x, y) in a.iter().zip(&b) {
            assert!((x / 2.0 - y).abs() <= m.scale, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn pruning_drops_only_faint_features() {
        let m = train_toy();
        assert_eq!(m.pruned(0.0).len(), m.len());
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
        let pruned = model.pruned(0.01);
        assert!(!pruned.contains(f(0, "faint")));
        assert!(pruned.contains(f(0, "strong")));
        let (mut a, mut b) = ([0f32; 4], [0f32; 4]);
        model.scores(&[f(0, "strong")], &mut a);
        pruned.scores(&[f(0, "strong")], &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn corrupt_bytes_give_errors() {
        let bytes = train_toy().to_bytes();
        assert!(matches!(
            Perceptron::from_bytes(b""),
            Err(ModelError::BadMagic)
        ));
        assert!(matches!(
            Perceptron::from_bytes(b"XXXX\x01"),
            Err(ModelError::BadMagic)
        ));
        assert!(matches!(
            Perceptron::from_bytes(b"KGPC\x09"),
            Err(ModelError::Version(9))
        ));
        for cut in 0..bytes.len() {
            assert!(
                Perceptron::from_bytes(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        for i in 5..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x5A;
            // Flipped bytes must never panic; the zlib checksum catches nearly all of them.
            let _ = Perceptron::from_bytes(&b);
        }
        // A valid stream with a nonsense payload.
        let mut enc = ZlibEncoder::new(b"KGPC\x01".to_vec(), Compression::fast());
        enc.write_all(&[3, 0, 0, 128, 63, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
            .expect("vec write");
        let junk = enc.finish().expect("vec write");
        assert!(matches!(
            Perceptron::from_bytes(&junk),
            Err(ModelError::Invalid(_))
        ));
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
