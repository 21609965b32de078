//! Word classes learnt from unlabelled text: a word form's vector row and its cluster at several
//! granularities, for use as tagger features that generalise past the training vocabulary.
//!
//! The table maps case-sensitive word forms to a *row* (forms that shared one word vector when
//! the vectors were pruned, so a row is already a small class of similar words) and each row to a
//! class at each of [`LEVELS`] granularities (coarse to fine). The shipped table
//! ([`WordClasses::embedded`]) is compiled by kg-train from the Explosion vectors of spaCy's
//! `en_core_web_md` (see NOTICE); its classes nest (every fine class lies inside one class of each
//! coarser level).
//!
//! ```
//! use kg_extract::classes::WordClasses;
//! let table = WordClasses::embedded();
//! let lockheed = table.lookup_word("Lockheed").expect("a known word");
//! let raytheon = table.lookup_word("Raytheon").expect("a known word");
//! assert_eq!(lockheed.levels[0], raytheon.levels[0]);
//! assert!(table.lookup_word("Qzxqzxv").is_none());
//! ```
//!
//! Case variants are folded: a form is not stored when [`WordClasses::lookup_word`] finds the
//! same row through its lower-case or title-case form (`NORDVIK` and `nordvik` resolve to `Nordvik`'s
//! row through `nordvik`), so [`WordClasses::lookup`] (exact forms only) misses them; use
//! `lookup_word` for tokens.
//!
//! Serialised format (version 1): magic `KGWC`, a version byte, then a zlib stream of: the
//! number of levels (one byte, [`LEVELS`]); each level's class count (varint); the row count
//! (varint); each level's class of every row (`u16` little-endian, level by level); the form
//! count (varint); the forms in strictly increasing byte order, front-coded (shared prefix length
//! and suffix length as varints, then the suffix bytes); and each form's row (`u16`
//! little-endian, in form order).

use super::packed::Unpacked;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::{Arc, LazyLock};

use crate::perceptron::{FeatureHasher, put_varint};

/// Number of granularities of every table, coarse to fine.
pub const LEVELS: usize = 4;
/// Magic bytes opening a serialised [`WordClasses`].
const MAGIC: &[u8; 4] = b"KGWC";
/// Serialisation format version.
const VERSION: u8 = 1;
/// Largest decompressed payload accepted by [`WordClasses::from_bytes`] (guards against bombs).
const MAX_PAYLOAD: u64 = 256 << 20;
/// Largest number of rows or of classes at one level (ids are `u16`).
const MAX_IDS: usize = 1 << 16;
/// Forms up to this many bytes are case-mapped on the stack in [`WordClasses::lookup_word`].
const STACK_FORM: usize = 64;

/// The embedded table, compiled by kg-train (`classes` in the kg-train crate).
pub const EMBEDDED_CLASSES: &[u8] = include_bytes!("../../data/models/classes.bin");

static EMBEDDED: LazyLock<Arc<WordClasses>> = LazyLock::new(|| {
    Arc::new(
        WordClasses::from_bytes(EMBEDDED_CLASSES)
            .expect("the word-class table embedded in the crate is valid (checked by a test)"),
    )
});

/// A word form's classes: its vector row and its class at each level, coarse to fine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Classes {
    /// The form's row (the finest grouping: forms that shared one vector).
    pub row: u16,
    /// The row's class at each level, coarse to fine; ids count from 0 at each level.
    pub levels: [u16; LEVELS],
}

/// Why a word-class table could not be read or built.
#[derive(Debug, thiserror::Error)]
pub enum ClassesError {
    /// The bytes do not start with the table's magic number.
    #[error("not a word-class table (bad magic bytes)")]
    BadMagic,
    /// The format version is not one this build reads.
    #[error("unsupported word-class table version {0}")]
    Version(u8),
    /// Decompression failed (truncated or corrupt data, bad checksum).
    #[error("corrupt word-class table: {0}")]
    Decompress(#[from] std::io::Error),
    /// The decompressed payload is inconsistent.
    #[error("corrupt word-class table: {0}")]
    Invalid(&'static str),
    /// The parts given to [`WordClasses::new`] do not fit together.
    #[error("cannot build a word-class table: {0}")]
    Build(String),
}

/// A word-form -> classes table with a hash index built at load.
///
/// Forms are kept in one string in byte order (`text`, with end offsets), and an
/// open-addressing table of form indices (at most two thirds full) finds them by hash.
pub struct WordClasses {
    level_sizes: [u32; LEVELS],
    row_levels: Vec<[u16; LEVELS]>,
    text: String,
    ends: Vec<u32>,
    rows: Vec<u16>,
    slots: Vec<u32>,
    /// [`crate::lexicon::content_hash`] of the serialised payload (before compression), taken
    /// when first asked for: only manifest checks read it.
    hash: OnceLock<u64>,
}

impl std::fmt::Debug for WordClasses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordClasses")
            .field("level_sizes", &self.level_sizes)
            .field("rows", &self.row_levels.len())
            .field("forms", &self.rows.len())
            .field("forms_bytes", &self.text.len())
            .finish_non_exhaustive()
    }
}

/// Marks an empty slot of the hash index.
const EMPTY: u32 = u32::MAX;

fn hash(form: &[u8]) -> u64 {
    FeatureHasher::new(0x00C1_A55E).bytes(form).finish()
}

impl WordClasses {
    /// The table embedded in the crate, loaded on first use.
    pub fn embedded() -> &'static WordClasses {
        &EMBEDDED
    }

    /// The embedded table as a shared handle (the same table as [`WordClasses::embedded`]), for
    /// owners such as [`crate::Pipeline`] and the POS tagger.
    pub fn embedded_shared() -> Arc<WordClasses> {
        Arc::clone(&EMBEDDED)
    }

    /// Builds a table from each level's class count, each row's class at every level, and the
    /// forms with their rows (any order). Every form is stored: fold case variants first with
    /// [`fold_case_variants`] to keep the table small.
    pub fn new(
        level_sizes: [u32; LEVELS],
        row_levels: Vec<[u16; LEVELS]>,
        mut forms: Vec<(String, u16)>,
    ) -> Result<Self, ClassesError> {
        let bad = |m: String| Err(ClassesError::Build(m));
        if let Some(l) = level_sizes
            .iter()
            .position(|&s| s == 0 || s as usize > MAX_IDS)
        {
            return bad(format!("level {l} has {} classes", level_sizes[l]));
        }
        if row_levels.is_empty() || row_levels.len() > MAX_IDS {
            return bad(format!("{} rows", row_levels.len()));
        }
        for (r, levels) in row_levels.iter().enumerate() {
            for (l, &c) in levels.iter().enumerate() {
                if u32::from(c) >= level_sizes[l] {
                    return bad(format!("row {r} has class {c} at level {l}"));
                }
            }
        }
        forms.sort_unstable();
        forms.dedup();
        for pair in forms.windows(2) {
            if pair[0].0 == pair[1].0 {
                return bad(format!("form {:?} has two rows", pair[0].0));
            }
        }
        if let Some((f, r)) = forms
            .iter()
            .find(|(f, r)| f.is_empty() || usize::from(*r) >= row_levels.len())
        {
            return bad(format!(
                "form {f:?} (row {r}) is empty or its row is out of range"
            ));
        }
        let total: usize = forms.iter().map(|(f, _)| f.len()).sum();
        if total >= EMPTY as usize || forms.len() >= (EMPTY / 2) as usize {
            return bad("too many forms".into());
        }
        let mut text = String::with_capacity(total);
        let mut ends = Vec::with_capacity(forms.len());
        let mut rows = Vec::with_capacity(forms.len());
        for (f, r) in &forms {
            text.push_str(f);
            ends.push(text.len() as u32);
            rows.push(*r);
        }
        Ok(Self::indexed(level_sizes, row_levels, text, ends, rows))
    }

    /// Adds the hash index to checked parts.
    fn indexed(
        level_sizes: [u32; LEVELS],
        row_levels: Vec<[u16; LEVELS]>,
        text: String,
        ends: Vec<u32>,
        rows: Vec<u16>,
    ) -> Self {
        // At most 2/3 full, so probes stay short.
        let cap = (ends.len() * 3 / 2 + 1).next_power_of_two().max(16);
        let mut table = WordClasses {
            level_sizes,
            row_levels,
            text,
            ends,
            rows,
            slots: vec![EMPTY; cap],
            hash: OnceLock::new(),
        };
        let mask = cap - 1;
        for i in 0..table.ends.len() {
            let mut s = hash(table.form(i).as_bytes()) as usize & mask;
            while table.slots[s] != EMPTY {
                s = (s + 1) & mask;
            }
            table.slots[s] = i as u32;
        }
        table
    }

    /// The `i`-th stored form (byte order).
    fn form(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// Number of stored forms.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no form is stored.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.row_levels.len()
    }

    /// Number of classes at each level, coarse to fine.
    pub fn level_sizes(&self) -> [u32; LEVELS] {
        self.level_sizes
    }

    /// Heap bytes held by the table (forms, offsets, rows, classes and hash index).
    pub fn memory_bytes(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * 4
            + self.rows.capacity() * 2
            + self.slots.capacity() * 4
            + self.row_levels.capacity() * std::mem::size_of::<[u16; LEVELS]>()
    }

    /// The classes of row `row`, if it exists.
    pub fn row_classes(&self, row: u16) -> Option<Classes> {
        let levels = *self.row_levels.get(usize::from(row))?;
        Some(Classes { row, levels })
    }

    /// Every stored form with its classes, in byte order.
    pub fn forms(&self) -> impl Iterator<Item = (&str, Classes)> + '_ {
        (0..self.len()).map(|i| {
            let row = self.rows[i];
            let levels = self.row_levels[usize::from(row)];
            (self.form(i), Classes { row, levels })
        })
    }

    /// The classes of exactly `form` (case-sensitive), if stored. Folded case variants are not
    /// stored: see [`WordClasses::lookup_word`].
    #[inline]
    pub fn lookup(&self, form: &str) -> Option<Classes> {
        let mask = self.slots.len() - 1;
        let mut s = hash(form.as_bytes()) as usize & mask;
        loop {
            let i = self.slots[s];
            if i == EMPTY {
                return None;
            }
            if self.form(i as usize) == form {
                return self.row_classes(self.rows[i as usize]);
            }
            s = (s + 1) & mask;
        }
    }

    /// The classes of a token: its exact form, else its lower-case form, else its title-case
    /// form (first character upper case, the rest lower case).
    #[inline]
    pub fn lookup_word(&self, form: &str) -> Option<Classes> {
        resolve(form, |f| self.lookup(f))
    }

    /// Content hash of the table ([`crate::lexicon::content_hash`] of its uncompressed payload),
    /// which model manifests record: equal tables hash the same however they were compressed.
    pub fn content_hash(&self) -> u64 {
        *self
            .hash
            .get_or_init(|| crate::lexicon::content_hash(&self.payload()))
    }

    /// Serialises the table (see the module docs for the format).
    pub fn to_bytes(&self) -> Vec<u8> {
        super::packed::pack(MAGIC, VERSION, &self.payload())
    }

    /// The uncompressed payload of [`WordClasses::to_bytes`].
    fn payload(&self) -> Vec<u8> {
        let mut payload = Vec::with_capacity(self.text.len() + 4 * self.len());
        payload.push(LEVELS as u8);
        for &s in &self.level_sizes {
            put_varint(&mut payload, u64::from(s));
        }
        put_varint(&mut payload, self.n_rows() as u64);
        for l in 0..LEVELS {
            for levels in &self.row_levels {
                payload.extend_from_slice(&levels[l].to_le_bytes());
            }
        }
        put_varint(&mut payload, self.len() as u64);
        let mut prev = "";
        for i in 0..self.len() {
            let form = self.form(i);
            let shared = common_prefix(prev, form);
            put_varint(&mut payload, shared as u64);
            put_varint(&mut payload, (form.len() - shared) as u64);
            payload.extend_from_slice(&form.as_bytes()[shared..]);
            prev = form;
        }
        for &r in &self.rows {
            payload.extend_from_slice(&r.to_le_bytes());
        }
        payload
    }

    /// Reads a table written by [`WordClasses::to_bytes`]. Never panics: corrupt, truncated or
    /// foreign data gives a [`ClassesError`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ClassesError> {
        let payload =
            super::packed::unpack(bytes, MAGIC, VERSION, MAX_PAYLOAD).map_err(|e| match e {
                Unpacked::BadMagic => ClassesError::BadMagic,
                Unpacked::Version(v) => ClassesError::Version(v),
                Unpacked::Decompress(e) => ClassesError::Decompress(e),
            })?;
        let invalid = |m| Err(ClassesError::Invalid(m));
        let mut r = super::packed::Reader { buf: &payload };
        if usize::from(r.byte()?) != LEVELS {
            return invalid("wrong number of levels");
        }
        let mut level_sizes = [0u32; LEVELS];
        for s in &mut level_sizes {
            *s = match r.varint()? {
                n @ 1..=0x1_0000 => n as u32,
                _ => return invalid("level size out of range"),
            };
        }
        let n_rows = match r.varint()? {
            n @ 1..=0x1_0000 => n as usize,
            _ => return invalid("row count out of range"),
        };
        let mut row_levels = vec![[0u16; LEVELS]; n_rows];
        for (l, &size) in level_sizes.iter().enumerate() {
            let column = r.take(2 * n_rows)?;
            for (levels, c) in row_levels.iter_mut().zip(column.chunks_exact(2)) {
                let c = u16::from_le_bytes([c[0], c[1]]);
                if u32::from(c) >= size {
                    return invalid("class id out of range");
                }
                levels[l] = c;
            }
        }
        let n_forms = r.varint()?;
        // Each form takes at least three bytes (two varints and a row), which bounds the count.
        if n_forms > r.buf.len() as u64 / 3 {
            return invalid("form count exceeds data");
        }
        let n_forms = n_forms as usize;
        let mut text: Vec<u8> = Vec::with_capacity(r.buf.len());
        let mut ends = Vec::with_capacity(n_forms);
        let mut start = 0usize;
        for _ in 0..n_forms {
            let shared = r.varint()?;
            let suffix = r.varint()?;
            let prev_len = text.len() - start;
            if shared > prev_len as u64 || suffix == 0 || suffix > r.buf.len() as u64 {
                return invalid("bad front coding");
            }
            let (shared, suffix) = (shared as usize, suffix as usize);
            let new_start = text.len();
            text.extend_from_within(start..start + shared);
            text.extend_from_slice(r.take(suffix)?);
            if start < new_start && text[start..new_start] >= text[new_start..] {
                return invalid("forms not in increasing order");
            }
            if text.len() >= EMPTY as usize {
                return invalid("forms too long");
            }
            start = new_start;
            ends.push(text.len() as u32);
        }
        text.shrink_to_fit();
        let text = String::from_utf8(text).map_err(|_| ClassesError::Invalid("bad UTF-8"))?;
        // Every form must start and end on a character boundary.
        if ends.iter().any(|&e| !text.is_char_boundary(e as usize)) {
            return invalid("form split inside a character");
        }
        let column = r.take(2 * n_forms)?;
        let rows: Vec<u16> = column
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        if rows.iter().any(|&row| usize::from(row) >= n_rows) {
            return invalid("row out of range");
        }
        if !r.buf.is_empty() {
            return invalid("trailing data");
        }
        Ok(Self::indexed(level_sizes, row_levels, text, ends, rows))
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// Looks `form` up with `get`, then its lower-case form, then its title-case form (each tried
/// only when it differs from the forms already tried). ASCII forms are case-mapped on the stack.
fn resolve<T>(form: &str, get: impl Fn(&str) -> Option<T>) -> Option<T> {
    if let Some(t) = get(form) {
        return Some(t);
    }
    if form.is_ascii() && form.len() <= STACK_FORM {
        let mut buf = [0u8; STACK_FORM];
        let buf = &mut buf[..form.len()];
        buf.copy_from_slice(form.as_bytes());
        buf.make_ascii_lowercase();
        let lower = std::str::from_utf8(buf).ok()?;
        if lower != form
            && let Some(t) = get(lower)
        {
            return Some(t);
        }
        if let Some(first) = buf.first_mut() {
            first.make_ascii_uppercase();
        }
        let title = std::str::from_utf8(buf).ok()?;
        return if title != form { get(title) } else { None };
    }
    let lower = form.to_lowercase();
    if lower != form
        && let Some(t) = get(&lower)
    {
        return Some(t);
    }
    let title = title_case(form);
    if title != form && title != lower {
        get(&title)
    } else {
        None
    }
}

/// `form` with its first character in upper case and the rest in lower case.
pub fn title_case(form: &str) -> Cow<'_, str> {
    let mut chars = form.chars();
    let Some(first) = chars.next() else {
        return Cow::Borrowed(form);
    };
    let rest = chars.as_str();
    let title: String = first
        .to_uppercase()
        .chain(rest.chars().flat_map(char::to_lowercase))
        .collect();
    if title == form {
        Cow::Borrowed(form)
    } else {
        Cow::Owned(title)
    }
}

/// Drops the forms that [`WordClasses::lookup_word`] would resolve to their own row without
/// them (through the lower-case or title-case form), so the table stores each row once per
/// case-folded spelling. Returns the kept forms in byte order; for every dropped form,
/// `lookup_word` on the table of the kept forms gives the row it had.
pub fn fold_case_variants(forms: Vec<(String, u16)>) -> Vec<(String, u16)> {
    let all: HashMap<String, u16> = forms.into_iter().collect();
    // Decide lower-case forms first (always kept), then title-case forms (which fall back to
    // lower-case ones), then the rest; a final check re-adds any form whose fallback changed.
    let rank = |f: &str| {
        if f.to_lowercase() == f {
            0
        } else if title_case(f) == f {
            1
        } else {
            2
        }
    };
    let mut order: Vec<(&str, u16)> = all.iter().map(|(f, &r)| (f.as_str(), r)).collect();
    order.sort_unstable_by_key(|&(f, _)| (rank(f), f));
    let mut kept: HashMap<&str, u16> = HashMap::with_capacity(order.len());
    let mut dropped = Vec::new();
    for (f, r) in order {
        if rank(f) > 0 && resolve(f, |g| kept.get(g).copied()) == Some(r) {
            dropped.push((f, r));
        } else {
            kept.insert(f, r);
        }
    }
    loop {
        let (fine, wrong): (Vec<_>, Vec<_>) = dropped
            .into_iter()
            .partition(|&(f, r)| resolve(f, |g| kept.get(g).copied()) == Some(r));
        if wrong.is_empty() {
            break;
        }
        kept.extend(wrong);
        dropped = fine;
    }
    let mut out: Vec<(String, u16)> = kept.into_iter().map(|(f, r)| (f.to_owned(), r)).collect();
    out.sort_unstable();
    out
}

impl From<super::packed::Corrupt> for ClassesError {
    fn from(e: super::packed::Corrupt) -> Self {
        ClassesError::Invalid(e.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> WordClasses {
        let row_levels = vec![[0, 0, 0, 0], [0, 1, 1, 1], [1, 2, 3, 2]];
        let forms = [
            ("Nordvik", 0),
            ("nordvik", 0),
            ("Lockheed", 0),
            ("Ostby", 2),
            ("Saigon", 2),
            ("run", 1),
            ("RUN", 2),
            ("Zürich", 2),
            ("ÉCOLE", 1),
        ]
        .iter()
        .map(|&(f, r)| (f.to_owned(), r))
        .collect();
        WordClasses::new([2, 3, 4, 5], row_levels, forms).expect("valid parts")
    }

    #[test]
    fn exact_and_word_lookups() {
        let t = small();
        assert_eq!(t.len(), 9);
        let nordvik = t.lookup("Nordvik").expect("stored");
        assert_eq!(nordvik.row, 0);
        assert_eq!(nordvik.levels, [0, 0, 0, 0]);
        assert_eq!(t.lookup("NORDVIK"), None);
        assert_eq!(t.lookup_word("NORDVIK"), Some(nordvik));
        assert_eq!(t.lookup("Run"), None);
        assert_eq!(t.lookup_word("Run").map(|c| c.row), Some(1));
        assert_eq!(t.lookup_word("RUN").map(|c| c.row), Some(2));
        assert_eq!(t.lookup_word("OSTBY").map(|c| c.row), Some(2));
        assert_eq!(
            t.lookup_word("ZÜRICH").map(|c| c.levels),
            Some([1, 2, 3, 2])
        );
        assert_eq!(t.lookup_word("école"), None);
        assert_eq!(t.lookup_word("École"), None);
        assert_eq!(t.lookup_word("ÉCOLE").map(|c| c.row), Some(1));
        assert_eq!(t.lookup_word(""), None);
        assert_eq!(t.lookup_word("Unknown"), None);
    }

    #[test]
    fn round_trip() {
        let t = small();
        let bytes = t.to_bytes();
        let back = WordClasses::from_bytes(&bytes).expect("round trip");
        assert_eq!(back.level_sizes(), [2, 3, 4, 5]);
        assert_eq!(back.n_rows(), 3);
        assert!(t.forms().eq(back.forms()));
        assert_eq!(back.content_hash(), t.content_hash());
        assert_ne!(t.content_hash(), 0);
        assert_eq!(back.lookup("Saigon").map(|c| c.levels), Some([1, 2, 3, 2]));
    }

    #[test]
    fn rejects_bad_bytes() {
        let bytes = small().to_bytes();
        assert!(matches!(
            WordClasses::from_bytes(b"nope"),
            Err(ClassesError::BadMagic)
        ));
        let mut v = bytes.clone();
        v[4] = 9;
        assert!(matches!(
            WordClasses::from_bytes(&v),
            Err(ClassesError::Version(9))
        ));
        // Every truncation fails cleanly (no panic).
        for n in 0..bytes.len() {
            assert!(WordClasses::from_bytes(&bytes[..n]).is_err(), "prefix {n}");
        }
        // Flipped payload bytes give errors, never panics.
        for i in 5..bytes.len() {
            let mut v = bytes.clone();
            v[i] ^= 0x5A;
            let _ = WordClasses::from_bytes(&v);
        }
    }

    #[test]
    fn build_errors() {
        let ok_rows = vec![[0u16; LEVELS]];
        let dup = vec![("a".to_owned(), 0), ("a".to_owned(), 1)];
        assert!(WordClasses::new([1; LEVELS], vec![[0; LEVELS]; 2], dup).is_err());
        let bad_row = vec![("a".to_owned(), 1)];
        assert!(WordClasses::new([1; LEVELS], ok_rows.clone(), bad_row).is_err());
        assert!(WordClasses::new([1; LEVELS], vec![[0, 0, 0, 1]], vec![]).is_err());
        assert!(WordClasses::new([0, 1, 1, 1], ok_rows, vec![]).is_err());
    }

    #[test]
    fn folding_keeps_lookups() {
        let forms: Vec<(String, u16)> = [
            ("tellnet", 3),
            ("Tellnet", 3),
            ("TELLNET", 3),
            ("Apple", 1),
            ("apple", 2),
            ("APPLE", 1),
            ("APPLES", 2),
            ("McDonald", 4),
            ("MCDONALD", 4),
            ("Mcdonald", 5),
            ("ÉTÉ", 6),
            ("été", 6),
            ("Straße", 7),
        ]
        .iter()
        .map(|&(f, r)| (f.to_owned(), r))
        .collect();
        let kept = fold_case_variants(forms.clone());
        let names: Vec<&str> = kept.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            names,
            [
                "APPLE", "APPLES", "Apple", "MCDONALD", "McDonald", "Mcdonald", "Straße", "apple",
                "tellnet", "été"
            ]
        );
        let t = WordClasses::new([8; LEVELS], vec![[0; LEVELS]; 8], kept).expect("valid");
        for (f, r) in forms {
            assert_eq!(t.lookup_word(&f).map(|c| c.row), Some(r), "{f}");
        }
    }

    #[test]
    fn embedded_table() {
        let t = WordClasses::embedded();
        assert_eq!(t.level_sizes(), [64, 256, 1024, 4096]);
        assert_eq!(t.n_rows(), 20_000);
        assert!(t.len() > 250_000, "{}", t.len());
        let get = |w: &str| {
            t.lookup_word(w)
                .unwrap_or_else(|| panic!("{w} is in the table"))
        };
        let (lockheed, raytheon, saigon) = (get("Lockheed"), get("Raytheon"), get("Saigon"));
        assert_eq!(lockheed.levels, raytheon.levels);
        assert_ne!(lockheed.levels[LEVELS - 1], saigon.levels[LEVELS - 1]);
        assert_eq!(get("LOCKHEED"), lockheed);
        assert_eq!(get("Mekong").levels[LEVELS - 1], saigon.levels[LEVELS - 1]);
        // Nested: equal fine classes imply equal coarse ones, over every row.
        let mut parent = HashMap::new();
        for row in 0..t.n_rows() as u16 {
            let c = t.row_classes(row).expect("a row");
            let p = parent.entry(c.levels[LEVELS - 1]).or_insert(c.levels);
            assert_eq!(*p, c.levels, "row {row}");
        }
        for unknown in ["Qzxqzxv", "nordvikqzx", "", "1990", "Lockheed Raytheon"] {
            assert_eq!(t.lookup_word(unknown), None, "{unknown}");
            assert_eq!(t.lookup(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn title_case_maps() {
        assert_eq!(title_case("tELLNET"), "Tellnet");
        assert_eq!(title_case("Tellnet"), Cow::Borrowed("Tellnet"));
        assert_eq!(title_case("éTÉ"), "Été");
        assert_eq!(title_case(""), "");
    }
}
