//! Averaged perceptron over hashed features, shared by the statistical taggers: the run-time
//! half (feature hashing, scoring, model (de)serialisation).
//!
//! Features are `u64` ids built with [`FeatureHasher`] (a fast, stable, platform-independent hash
//! of a template id and its parts). A [`Perceptron`] holds averaged weights quantised to `i16`
//! with one scale, in an open-addressing table for fast lookup, serialisable to compact bytes.
//! Models are trained by the `kg-train` crate, which builds them with
//! [`Perceptron::from_entries`].
//!
//! ```
//! use kg_extract::perceptron::{FeatureHasher, Perceptron, argmax};
//! let feat = |t: u32, s: &str| FeatureHasher::new(t).str(s).finish();
//! let (yes, no) = (feat(0, "yes"), feat(0, "no"));
//! let mut rows = vec![(yes, vec![5, -5]), (no, vec![-5, 5])];
//! rows.sort_unstable_by_key(|r| r.0);
//! let model = Perceptron::from_entries(2, 0.5, rows);
//! let model = Perceptron::from_bytes(&model.to_bytes()).expect("round trip");
//! let mut scores = [0.0f32; 2];
//! model.scores(&[no], &mut scores);
//! assert_eq!(argmax(&scores), 1);
//! ```

pub(crate) use super::packed::Reader;
use super::packed::Unpacked;
use std::hash::{BuildHasherDefault, Hasher};

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

/// The id of a feature of template `t` over one value.
#[inline]
pub fn f1(t: u32, a: u64) -> u64 {
    FeatureHasher::new(t).u64(a).finish()
}

/// The id of a feature of template `t` over two values.
#[inline]
pub fn f2(t: u32, a: u64, b: u64) -> u64 {
    FeatureHasher::new(t).u64(a).u64(b).finish()
}

/// The id of a feature of template `t` over three values.
#[inline]
pub fn f3(t: u32, a: u64, b: u64, c: u64) -> u64 {
    FeatureHasher::new(t).u64(a).u64(b).u64(c).finish()
}

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
    /// The model of quantised weight rows: each entry is a feature id and its `n_classes`
    /// weights, which score `weight * scale`. Entries must be sorted by id (duplicate ids keep
    /// their first row).
    pub fn from_entries(n_classes: usize, scale: f32, entries: Vec<(u64, Vec<i16>)>) -> Self {
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

    /// A model of `n_classes` classes (clamped to 1 to [`MAX_CLASSES`]) with no features: it
    /// scores everything 0.
    pub fn empty(n_classes: usize) -> Perceptron {
        Perceptron::from_entries(n_classes.clamp(1, MAX_CLASSES), 1.0, Vec::new())
    }

    /// The factor that turns a quantised weight into a score.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Every feature id with its quantised weight row, by increasing id.
    pub fn rows(&self) -> impl Iterator<Item = (u64, &[i16])> + '_ {
        self.ids
            .iter()
            .copied()
            .zip(self.weights.chunks_exact(self.n_classes))
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
        super::packed::pack(MAGIC, VERSION, &payload)
    }

    /// Reads a model written by [`Perceptron::to_bytes`]. Never panics: corrupt, truncated or
    /// foreign data gives a [`ModelError`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let payload =
            super::packed::unpack(bytes, MAGIC, VERSION, MAX_PAYLOAD).map_err(|e| match e {
                Unpacked::BadMagic => ModelError::BadMagic,
                Unpacked::Version(v) => ModelError::Version(v),
                Unpacked::Decompress(e) => ModelError::Decompress(e),
            })?;
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

impl From<super::packed::Corrupt> for ModelError {
    fn from(e: super::packed::Corrupt) -> Self {
        ModelError::Invalid(e.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(t: u32, s: &str) -> u64 {
        FeatureHasher::new(t).str(s).finish()
    }

    fn toy() -> Perceptron {
        let mut rows: Vec<(u64, Vec<i16>)> = ["red", "green", "blue"]
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let mut row = vec![0i16; 4];
                row[k + 1] = 100;
                (f(0, w), row)
            })
            .collect();
        rows.push((f(0, "a"), vec![3, -2, 0, 1]));
        rows.sort_unstable_by_key(|r| r.0);
        Perceptron::from_entries(4, 0.01, rows)
    }

    #[test]
    fn hash_is_stable_and_part_separated() {
        assert_eq!(f(1, "abc"), f(1, "abc"));
        assert_ne!(f(1, "abc"), f(2, "abc"));
        assert_ne!(feature_id(0, &["ab", "c"]), feature_id(0, &["a", "bc"]));
        assert_ne!(feature_id(0, &["", "a"]), feature_id(0, &["a", ""]));
        assert_ne!(f(0, "12345678"), f(0, "123456781"));
        assert_eq!(
            FeatureHasher::new(3).u64(5).finish(),
            FeatureHasher::new(3).u64(5).finish()
        );
    }

    #[test]
    fn scores_and_round_trips() {
        let m = toy();
        let mut s = [0f32; 4];
        for (w, y) in [("red", 1), ("green", 2), ("blue", 3)] {
            m.scores(&[f(0, w), f(0, "a")], &mut s);
            assert_eq!(argmax(&s), y);
        }
        let m2 = Perceptron::from_bytes(&m.to_bytes()).expect("round trip");
        assert_eq!(m2.len(), m.len());
        assert_eq!(m2.rows().collect::<Vec<_>>(), m.rows().collect::<Vec<_>>());
        let mut s2 = [0f32; 4];
        for w in ["red", "green", "blue", "a", "b", "unseen"] {
            m.scores(&[f(0, w)], &mut s);
            m2.scores(&[f(0, w)], &mut s2);
            assert_eq!(s, s2);
        }
        assert!(!m2.contains(f(0, "unseen")));
    }

    #[test]
    fn corrupt_bytes_give_errors() {
        let bytes = toy().to_bytes();
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
        use std::io::Write;
        let mut enc =
            flate2::write::ZlibEncoder::new(b"KGPC\x01".to_vec(), flate2::Compression::fast());
        enc.write_all(&[3, 0, 0, 128, 63, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
            .expect("vec write");
        let junk = enc.finish().expect("vec write");
        assert!(matches!(
            Perceptron::from_bytes(&junk),
            Err(ModelError::Invalid(_))
        ));
    }

    #[test]
    fn empty_model_scores_zero() {
        let m = Perceptron::empty(4);
        assert!(m.is_empty());
        let mut s = [1f32; 4];
        m.scores(&[1, 2, 3], &mut s);
        assert_eq!(s, [0.0; 4]);
        let m2 = Perceptron::from_bytes(&m.to_bytes()).expect("round trip");
        assert!(m2.is_empty());
        assert_eq!(m2.n_classes(), 4);
    }
}
