//! Compiles word vectors into kg-extract's word-class table (`data/models/classes.bin`).
//!
//! Needs the crates `flate2` (to read `words.tsv.gz`), `rayon` (clusters in parallel),
//! `thiserror` and `kg-extract` (the table format, [`kg_extract::classes`]), and the sibling
//! module `kmeans` (declared as `crate::kmeans`).
//!
//! Input: a vector table (`vectors.npy`, `rows` x `dim` little-endian `f32`) and a list of word
//! forms with their rows (`words.tsv.gz`, header `word<TAB>row`). A row is already a small class
//! (the forms that shared one vector); on top of it the compiler builds [`LEVELS`] nested
//! granularities (64, 256, 1,024 and 4,096 classes by default) by spherical k-means over the
//! unit-length row vectors, in one of two ways ([`Strategy`]):
//!
//! * bottom-up (the default): all rows are clustered into the finest classes, then the finest
//!   classes' centroids, weighted by their row counts, into the next coarser level, and so on;
//! * top-down: all rows are clustered into the coarsest classes, then each class is split on
//!   its own into children proportional to its row count (at least one, at most one per row;
//!   largest remainders make the total exact), and so on down.
//!
//! Both nest: every fine class lies inside one class of each coarser level, so a tagger's
//! features back off consistently from fine to coarse, and children get contiguous ids. On the
//! Explosion vectors bottom-up gives the tighter finest level (mean cosine to the centroid 0.893
//! against 0.875) and visibly cleaner fine classes (top-down's early coarse mistakes are
//! inherited by every finer level: `Lockheed` ended up with office chairs and clothing brands),
//! at the price of one flat 4,096-way k-means (about a minute on two cores, against seconds).
//! The finest level matters most as a feature, so bottom-up is the default.
//!
//! Rebuilding the shipped table: `compile(words.tsv.gz, vectors.npy,
//! crates/extract/data/models/classes.bin, &Options::default())`; the output is deterministic
//! (seeded k-means++, fixed iteration cap, thread-count independent).
//!
//! Forms are kept when they are useful tokens ([`keep_form`]: at most [`MAX_FORM_BYTES`] bytes,
//! at least one letter, otherwise only letters, ASCII digits, hyphens, apostrophes and periods)
//! and are not a case variant that `lookup_word` already resolves to the same row
//! ([`kg_extract::classes::fold_case_variants`]). The data has no word frequencies, so nothing
//! is dropped for rarity.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

use flate2::read::GzDecoder;
use kg_extract::classes::{LEVELS, WordClasses, fold_case_variants};
use rayon::prelude::*;

use crate::kmeans::{self, Config};

/// Longest form kept, in bytes.
pub const MAX_FORM_BYTES: usize = 30;

/// Why the table could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The vector file is not a `.npy` array this compiler reads.
    #[error("vectors: {0}")]
    Npy(String),
    /// The word list is malformed.
    #[error("words, line {line}: {message}")]
    Words {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The settings or inputs do not fit together.
    #[error("{0}")]
    Invalid(String),
    /// The table could not be built.
    #[error(transparent)]
    Table(#[from] kg_extract::classes::ClassesError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CompileError + '_ {
    move |source| CompileError::Io {
        path: path.to_owned(),
        source,
    }
}

/// A dense `f32` matrix, row major.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    /// Number of rows.
    pub rows: usize,
    /// Number of columns.
    pub cols: usize,
    /// `rows * cols` values.
    pub data: Vec<f32>,
}

impl Matrix {
    /// Row `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.cols..(i + 1) * self.cols]
    }
}

/// A value of a `.npy` header dictionary.
#[derive(Clone, Debug, PartialEq)]
enum PyValue {
    Str(String),
    Bool(bool),
    Tuple(Vec<u64>),
}

/// A header value as Python writes it (`'<f4'`, `False`, `(2, 3)`), or `missing`.
fn show(v: Option<&PyValue>) -> String {
    match v {
        None => "missing".into(),
        Some(PyValue::Str(s)) => format!("'{s}'"),
        Some(PyValue::Bool(b)) => if *b { "True" } else { "False" }.into(),
        Some(PyValue::Tuple(t)) if t.len() == 1 => format!("({},)", t[0]),
        Some(PyValue::Tuple(t)) => {
            let items: Vec<String> = t.iter().map(u64::to_string).collect();
            format!("({})", items.join(", "))
        }
    }
}

/// Parses the Python dictionary literal of a `.npy` header (string keys; string, boolean and
/// integer-tuple values: all the format uses).
fn parse_py_dict(text: &str) -> Result<HashMap<String, PyValue>, String> {
    let mut p = text.trim().chars().peekable();
    let mut out = HashMap::new();
    let skip_ws = |p: &mut std::iter::Peekable<std::str::Chars<'_>>| {
        while p.peek().is_some_and(|c| c.is_whitespace()) {
            p.next();
        }
    };
    let expect = |p: &mut std::iter::Peekable<std::str::Chars<'_>>, want: char| {
        skip_ws(p);
        match p.next() {
            Some(c) if c == want => Ok(()),
            other => Err(format!("expected {want:?}, found {other:?}")),
        }
    };
    let string = |p: &mut std::iter::Peekable<std::str::Chars<'_>>| {
        skip_ws(p);
        let quote = match p.next() {
            Some(q @ ('\'' | '"')) => q,
            other => return Err(format!("expected a string, found {other:?}")),
        };
        let mut s = String::new();
        loop {
            match p.next() {
                Some(c) if c == quote => return Ok(s),
                Some('\\') | None => return Err("unsupported or unterminated string".into()),
                Some(c) => s.push(c),
            }
        }
    };
    expect(&mut p, '{')?;
    loop {
        skip_ws(&mut p);
        if p.peek() == Some(&'}') {
            p.next();
            break;
        }
        let key = string(&mut p)?;
        expect(&mut p, ':')?;
        skip_ws(&mut p);
        let value = match p.peek() {
            Some('\'' | '"') => PyValue::Str(string(&mut p)?),
            Some('(') => {
                p.next();
                let mut items = Vec::new();
                loop {
                    skip_ws(&mut p);
                    match p.peek() {
                        Some(')') => {
                            p.next();
                            break;
                        }
                        Some(c) if c.is_ascii_digit() => {
                            let mut n = String::new();
                            while let Some(c) = p.peek().filter(|c| c.is_ascii_digit()) {
                                n.push(*c);
                                p.next();
                            }
                            items.push(n.parse().map_err(|_| format!("bad integer {n}"))?);
                            skip_ws(&mut p);
                            match p.next() {
                                Some(',') => {}
                                Some(')') => break,
                                other => return Err(format!("bad tuple at {other:?}")),
                            }
                        }
                        other => return Err(format!("bad tuple at {other:?}")),
                    }
                }
                PyValue::Tuple(items)
            }
            _ => {
                let mut word = String::new();
                while let Some(c) = p.peek().filter(|c| c.is_ascii_alphabetic()) {
                    word.push(*c);
                    p.next();
                }
                match word.as_str() {
                    "True" => PyValue::Bool(true),
                    "False" => PyValue::Bool(false),
                    _ => return Err(format!("unsupported value for key {key:?}")),
                }
            }
        };
        if out.insert(key.clone(), value).is_some() {
            return Err(format!("duplicate key {key:?}"));
        }
        skip_ws(&mut p);
        match p.next() {
            Some(',') => {}
            Some('}') => break,
            other => return Err(format!("expected ',' or '}}', found {other:?}")),
        }
    }
    skip_ws(&mut p);
    if p.next().is_some() {
        return Err("text after the dictionary".into());
    }
    Ok(out)
}

/// Reads a NumPy `.npy` file holding a 2-D little-endian `float32` array in C order (format
/// versions 1.0, 2.0 and 3.0). Anything else (other dtypes, Fortran order, other ranks,
/// truncated or over-long data, non-finite values) is an error that says what was found.
pub fn parse_npy(bytes: &[u8]) -> Result<Matrix, CompileError> {
    let err = |m: String| Err(CompileError::Npy(m));
    let Some(rest) = bytes.strip_prefix(b"\x93NUMPY") else {
        return err("not a .npy file (bad magic bytes)".into());
    };
    let (header_len, rest) = match rest {
        [1, _, a, b, rest @ ..] => (usize::from(u16::from_le_bytes([*a, *b])), rest),
        [2 | 3, _, a, b, c, d, rest @ ..] => (u32::from_le_bytes([*a, *b, *c, *d]) as usize, rest),
        [major, minor, ..] => return err(format!("unsupported .npy version {major}.{minor}")),
        _ => return err("truncated .npy header".into()),
    };
    if rest.len() < header_len {
        return err("truncated .npy header".into());
    }
    let (header, data) = rest.split_at(header_len);
    let Ok(header) = std::str::from_utf8(header) else {
        return err("header is not text".into());
    };
    if !header.ends_with('\n') {
        return err("header does not end with a newline".into());
    }
    let dict = parse_py_dict(header).map_err(|e| CompileError::Npy(format!("header: {e}")))?;
    if let Some(key) = dict
        .keys()
        .find(|k| !["descr", "fortran_order", "shape"].contains(&k.as_str()))
    {
        return err(format!("unexpected header key {key:?}"));
    }
    match dict.get("descr") {
        Some(PyValue::Str(d)) if d == "<f4" => {}
        other => {
            return err(format!(
                "dtype {}: expected '<f4' (little-endian float32)",
                show(other)
            ));
        }
    }
    match dict.get("fortran_order") {
        Some(PyValue::Bool(false)) => {}
        other => {
            return err(format!(
                "fortran_order {}: expected False (C order)",
                show(other)
            ));
        }
    }
    let (rows, cols) = match dict.get("shape") {
        Some(PyValue::Tuple(s)) if s.len() == 2 => (s[0] as usize, s[1] as usize),
        other => return err(format!("shape {}: expected two dimensions", show(other))),
    };
    let Some(want) = rows.checked_mul(cols).and_then(|n| n.checked_mul(4)) else {
        return err(format!("shape ({rows}, {cols}) too large"));
    };
    if data.len() != want {
        return err(format!(
            "shape ({rows}, {cols}) needs {want} data bytes, the file has {}",
            data.len()
        ));
    }
    let data: Vec<f32> = data
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    if let Some(i) = data.iter().position(|x| !x.is_finite()) {
        return err(format!(
            "non-finite value at row {}, column {}",
            i / cols,
            i % cols
        ));
    }
    Ok(Matrix { rows, cols, data })
}

/// Reads a word list: header `word<TAB>row`, then one `form<TAB>row` per line (forms unique,
/// non-empty).
pub fn read_words(reader: impl BufRead) -> Result<Vec<(String, u32)>, CompileError> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, line) in reader.lines().enumerate() {
        let line_no = i + 1;
        let bad = |message: String| CompileError::Words {
            line: line_no,
            message,
        };
        let line = line.map_err(|e| bad(e.to_string()))?;
        if i == 0 {
            if line != "word\trow" {
                return Err(bad(format!("header {line:?}: expected \"word\\trow\"")));
            }
            continue;
        }
        let Some((form, row)) = line.split_once('\t') else {
            return Err(bad("no tab".into()));
        };
        if form.is_empty() || row.contains('\t') {
            return Err(bad(format!("expected form<TAB>row, found {line:?}")));
        }
        let row: u32 = row
            .parse()
            .map_err(|_| bad(format!("row {row:?} is not a number")))?;
        if !seen.insert(form.to_owned()) {
            return Err(bad(format!("form {form:?} listed twice")));
        }
        out.push((form.to_owned(), row));
    }
    if out.is_empty() {
        return Err(CompileError::Words {
            line: 1,
            message: "no words".into(),
        });
    }
    Ok(out)
}

/// Whether a form belongs in the table: at most [`MAX_FORM_BYTES`] bytes, at least one letter,
/// and otherwise only letters, ASCII digits, hyphens, apostrophes (`'` or `’`) and periods.
pub fn keep_form(form: &str) -> bool {
    form.len() <= MAX_FORM_BYTES
        && form.chars().any(char::is_alphabetic)
        && form
            .chars()
            .all(|c| c.is_alphabetic() || c.is_ascii_digit() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// Splits `total` children among parents of the given sizes, proportionally to size: each gets
/// at least one and at most its size, and the counts sum to `total` (largest remainders, ties to
/// the earlier parent). Needs `parents <= total <= sum of sizes`.
pub fn split_counts(sizes: &[usize], total: usize) -> Result<Vec<usize>, CompileError> {
    let n: usize = sizes.iter().sum();
    if sizes.contains(&0) || total < sizes.len() || total > n {
        return Err(CompileError::Invalid(format!(
            "cannot split {} classes of {n} rows into {total}",
            sizes.len()
        )));
    }
    let quota: Vec<f64> = sizes
        .iter()
        .map(|&s| total as f64 * s as f64 / n as f64)
        .collect();
    let mut counts: Vec<usize> = sizes
        .iter()
        .zip(&quota)
        .map(|(&s, &q)| (q.floor() as usize).clamp(1, s))
        .collect();
    let mut sum: usize = counts.iter().sum();
    while sum != total {
        let grow = sum < total;
        let pick = (0..sizes.len())
            .filter(|&p| {
                if grow {
                    counts[p] < sizes[p]
                } else {
                    counts[p] > 1
                }
            })
            .map(|p| (p, quota[p] - counts[p] as f64))
            .reduce(|a, b| {
                let better = if grow { b.1 > a.1 } else { b.1 < a.1 };
                if better { b } else { a }
            })
            .map(|(p, _)| p)
            .expect("total within bounds leaves a parent to adjust");
        if grow {
            counts[pick] += 1;
            sum += 1;
        } else {
            counts[pick] -= 1;
            sum -= 1;
        }
    }
    Ok(counts)
}

/// How the nested levels are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Cluster all rows into the finest classes, then the finest classes' centroids (weighted by
    /// their row counts) into the next coarser level, and so on up.
    BottomUp,
    /// Cluster all rows into the coarsest classes, then split each class on its own into
    /// children (as many as its share of the rows), and so on down.
    TopDown,
}

/// Nested classes of the rows of `vectors` (normalised here to unit length): `out[l][r]` is row
/// `r`'s class at level `l`, in `0..sizes[l]`; `sizes` must not shrink from level to level.
/// Classes are numbered in order of their first row within their parent, so the children of
/// one class have contiguous ids, ordered as their parents. Also returns each level's mean
/// cosine similarity of rows to their class's centroid.
pub fn hierarchy(
    vectors: &Matrix,
    sizes: &[usize],
    strategy: Strategy,
    seed: u64,
    max_iter: usize,
) -> Result<(Vec<Vec<u32>>, Vec<f64>), CompileError> {
    let dim = vectors.cols;
    if sizes.is_empty()
        || sizes.windows(2).any(|w| w[0] > w[1])
        || sizes[0] == 0
        || sizes[sizes.len() - 1] > vectors.rows
    {
        return Err(CompileError::Invalid(format!(
            "level sizes {sizes:?} must grow from 1 up to the {} rows",
            vectors.rows
        )));
    }
    let mut unit = vectors.data.clone();
    unit.par_chunks_mut(dim.max(1)).for_each(kmeans::normalise);
    let levels = match strategy {
        Strategy::TopDown => top_down(&unit, dim, sizes, seed, max_iter)?,
        Strategy::BottomUp => bottom_up(&unit, dim, sizes, seed, max_iter),
    };
    let levels = renumber(levels, sizes);
    let quality = levels
        .iter()
        .zip(sizes)
        .map(|(classes, &k)| mean_similarity(&unit, dim, classes, k))
        .collect();
    Ok((levels, quality))
}

/// Seed of the k-means run for parent `p` of level `l`.
fn run_seed(seed: u64, l: usize, p: usize) -> u64 {
    seed ^ ((l as u64) << 48) ^ (p as u64).wrapping_mul(0x9E37_79B9)
}

fn top_down(
    unit: &[f32],
    dim: usize,
    sizes: &[usize],
    seed: u64,
    max_iter: usize,
) -> Result<Vec<Vec<u32>>, CompileError> {
    let rows = unit.len() / dim;
    let mut levels: Vec<Vec<u32>> = Vec::new();
    for (l, &k) in sizes.iter().enumerate() {
        // Members of each parent class (the coarsest level has one parent: all rows).
        let parents: Vec<Vec<usize>> = match levels.last() {
            None => vec![(0..rows).collect()],
            Some(prev) => {
                let mut groups = vec![Vec::new(); sizes[l - 1]];
                for (r, &c) in prev.iter().enumerate() {
                    groups[c as usize].push(r);
                }
                groups
            }
        };
        let counts = split_counts(&parents.iter().map(Vec::len).collect::<Vec<_>>(), k)?;
        let runs: Vec<Vec<u32>> = parents
            .par_iter()
            .zip(&counts)
            .enumerate()
            .map(|(p, (members, &kp))| {
                let mut points = Vec::with_capacity(members.len() * dim);
                for &r in members {
                    points.extend_from_slice(&unit[r * dim..(r + 1) * dim]);
                }
                let config = Config {
                    k: kp,
                    max_iter,
                    seed: run_seed(seed, l, p),
                };
                kmeans::kmeans(&points, dim, config).assignment
            })
            .collect();
        let mut classes = vec![0u32; rows];
        let mut offset = 0u32;
        for ((members, assignment), &kp) in parents.iter().zip(runs).zip(&counts) {
            for (&r, &c) in members.iter().zip(&assignment) {
                classes[r] = offset + c;
            }
            offset += kp as u32;
        }
        levels.push(classes);
    }
    Ok(levels)
}

fn bottom_up(
    unit: &[f32],
    dim: usize,
    sizes: &[usize],
    seed: u64,
    max_iter: usize,
) -> Vec<Vec<u32>> {
    let rows = unit.len() / dim;
    let last = sizes.len() - 1;
    let config = |l: usize| Config {
        k: sizes[l],
        max_iter,
        seed: run_seed(seed, l, 0),
    };
    let fine = kmeans::kmeans(unit, dim, config(last));
    let mut weights = vec![0.0f64; fine.k];
    for &c in &fine.assignment {
        weights[c as usize] += 1.0;
    }
    let mut centroids = fine.centroids;
    let mut levels = vec![fine.assignment];
    for l in (0..last).rev() {
        let run = kmeans::kmeans_weighted(&centroids, &weights, dim, config(l));
        let finer = levels.last().expect("the finest level is there");
        levels.push(finer.iter().map(|&c| run.assignment[c as usize]).collect());
        let mut merged = vec![0.0f64; run.k];
        for (&c, &w) in run.assignment.iter().zip(&weights) {
            merged[c as usize] += w;
        }
        weights = merged;
        centroids = run.centroids;
    }
    debug_assert!(levels.iter().all(|c| c.len() == rows));
    levels.reverse();
    levels
}

/// Renumbers nested levels: level 0 by first row, each finer level by (parent, first row).
fn renumber(levels: Vec<Vec<u32>>, sizes: &[usize]) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = Vec::with_capacity(levels.len());
    for (l, classes) in levels.into_iter().enumerate() {
        let mut key: Vec<Option<(u32, usize)>> = vec![None; sizes[l]];
        for (r, &c) in classes.iter().enumerate() {
            let parent = out.last().map_or(0, |p| p[r]);
            key[c as usize].get_or_insert((parent, r));
        }
        let mut order: Vec<usize> = (0..sizes[l]).collect();
        order.sort_by_key(|&c| key[c].unwrap_or((u32::MAX, c)));
        let mut new_id = vec![0u32; sizes[l]];
        for (i, &c) in order.iter().enumerate() {
            new_id[c] = i as u32;
        }
        out.push(classes.iter().map(|&c| new_id[c as usize]).collect());
    }
    out
}

/// Mean cosine similarity of unit rows to their class's centroid (the unit-length mean).
fn mean_similarity(unit: &[f32], dim: usize, classes: &[u32], k: usize) -> f64 {
    let mut sums = vec![0.0f64; k * dim];
    for (p, &c) in unit.chunks_exact(dim).zip(classes) {
        for (acc, &x) in sums[c as usize * dim..][..dim].iter_mut().zip(p) {
            *acc += f64::from(x);
        }
    }
    // The similarity of a row to its centroid, summed over a class, is the length of the sum.
    let total: f64 = sums
        .chunks_exact(dim)
        .map(|s| s.iter().map(|x| x * x).sum::<f64>().sqrt())
        .sum();
    total / classes.len() as f64
}

/// Settings of [`compile`].
#[derive(Clone, Debug)]
pub struct Options {
    /// Number of classes at each level, coarse to fine.
    pub sizes: [usize; LEVELS],
    /// Seed of the k-means initialisations.
    pub seed: u64,
    /// Most k-means rounds per run.
    pub max_iter: usize,
    /// How the levels are found.
    pub strategy: Strategy,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            sizes: [64, 256, 1024, 4096],
            seed: 0x6B67_636C_6173_7365,
            max_iter: 100,
            strategy: Strategy::BottomUp,
        }
    }
}

/// What [`compile`] did.
#[derive(Clone, Debug)]
pub struct Report {
    /// Forms in the word list.
    pub forms_read: usize,
    /// Forms passing [`keep_form`].
    pub forms_filtered: usize,
    /// Forms stored after folding case variants.
    pub forms_kept: usize,
    /// Mean cosine similarity of rows to their class centroid, per level.
    pub similarity: Vec<f64>,
    /// Size of the serialised table in bytes.
    pub bytes: usize,
    /// Seconds spent clustering.
    pub cluster_secs: f64,
    /// Seconds in all.
    pub total_secs: f64,
}

/// Builds the table from word forms with their rows and the row vectors (pure: no files).
pub fn build(
    words: Vec<(String, u32)>,
    vectors: &Matrix,
    options: &Options,
) -> Result<(WordClasses, Report), CompileError> {
    let start = Instant::now();
    if vectors.rows == 0 || vectors.rows > 1 << 16 || vectors.cols == 0 {
        return Err(CompileError::Invalid(format!(
            "{} x {} vectors: need 1..=65536 rows and some columns",
            vectors.rows, vectors.cols
        )));
    }
    if let Some((form, row)) = words.iter().find(|(_, r)| *r as usize >= vectors.rows) {
        return Err(CompileError::Invalid(format!(
            "form {form:?} has row {row}, beyond the {} vectors",
            vectors.rows
        )));
    }
    let forms_read = words.len();
    let t = Instant::now();
    let (levels, similarity) = hierarchy(
        vectors,
        &options.sizes,
        options.strategy,
        options.seed,
        options.max_iter,
    )?;
    let cluster_secs = t.elapsed().as_secs_f64();
    let row_levels: Vec<[u16; LEVELS]> = (0..vectors.rows)
        .map(|r| std::array::from_fn(|l| levels[l][r] as u16))
        .collect();
    let filtered: Vec<(String, u16)> = words
        .into_iter()
        .filter(|(f, _)| keep_form(f))
        .map(|(f, r)| (f, r as u16))
        .collect();
    let forms_filtered = filtered.len();
    let kept = fold_case_variants(filtered);
    let level_sizes = options.sizes.map(|s| s as u32);
    let table = WordClasses::new(level_sizes, row_levels, kept)?;
    let report = Report {
        forms_read,
        forms_filtered,
        forms_kept: table.len(),
        similarity,
        bytes: 0,
        cluster_secs,
        total_secs: start.elapsed().as_secs_f64(),
    };
    Ok((table, report))
}

/// Reads `words.tsv.gz` and `vectors.npy`, builds the table and writes it to `out`.
pub fn compile(
    words_path: &Path,
    vectors_path: &Path,
    out: &Path,
    options: &Options,
) -> Result<(WordClasses, Report), CompileError> {
    let start = Instant::now();
    let file = std::fs::File::open(words_path).map_err(io(words_path))?;
    let words = read_words(BufReader::new(GzDecoder::new(file)))?;
    let mut bytes = Vec::new();
    std::fs::File::open(vectors_path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(io(vectors_path))?;
    let vectors = parse_npy(&bytes)?;
    let (table, mut report) = build(words, &vectors, options)?;
    let serialised = table.to_bytes();
    std::fs::write(out, &serialised).map_err(io(out))?;
    report.bytes = serialised.len();
    report.total_secs = start.elapsed().as_secs_f64();
    Ok((table, report))
}

/// Up to `n` forms of class `class` at level `level`, for inspection: one form per row in turn
/// (rows in id order), preferring plain words (letters only, not all capitals, shorter first).
pub fn class_members(table: &WordClasses, level: usize, class: u16, n: usize) -> Vec<String> {
    let mut by_row: std::collections::BTreeMap<u16, Vec<&str>> = Default::default();
    for (form, c) in table.forms() {
        if c.levels[level] == class {
            by_row.entry(c.row).or_default().push(form);
        }
    }
    for forms in by_row.values_mut() {
        forms.sort_by_key(|f| {
            (
                !f.chars().all(char::is_alphabetic),
                f.chars().filter(|c| c.is_uppercase()).count() > 1,
                f.len(),
                *f,
            )
        });
    }
    let mut out = Vec::new();
    for round in 0.. {
        let before = out.len();
        for forms in by_row.values() {
            if let Some(f) = forms.get(round)
                && out.len() < n
            {
                out.push((*f).to_owned());
            }
        }
        if out.len() == before || out.len() >= n {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn npy(header: &str, data: &[f32]) -> Vec<u8> {
        let mut h = header.to_owned();
        while !(10 + h.len() + 1).is_multiple_of(64) {
            h.push(' ');
        }
        h.push('\n');
        let mut out = b"\x93NUMPY\x01\x00".to_vec();
        out.extend_from_slice(&(h.len() as u16).to_le_bytes());
        out.extend_from_slice(h.as_bytes());
        for x in data {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out
    }

    const HEADER: &str = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";

    #[test]
    fn reads_npy() {
        let m = parse_npy(&npy(HEADER, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0])).expect("valid");
        assert_eq!((m.rows, m.cols), (2, 3));
        assert_eq!(m.row(1), [4.0, 5.0, 6.0]);
    }

    #[test]
    fn npy_errors_say_what_is_wrong() {
        let six = [0.0f32; 6];
        let cases: [(Vec<u8>, &str); 8] = [
            (b"PK\x03\x04".to_vec(), "magic"),
            (
                npy(HEADER, &six[..5]),
                "needs 24 data bytes, the file has 20",
            ),
            (npy(HEADER, &[0.0; 7]), "the file has 28"),
            (npy(&HEADER.replace("<f4", ">f4"), &six), "expected '<f4'"),
            (npy(&HEADER.replace("<f4", "<f8"), &six), "'<f8'"),
            (
                npy(&HEADER.replace("False", "True"), &six),
                "expected False",
            ),
            (
                npy(&HEADER.replace("(2, 3)", "(6,)"), &six),
                "shape (6,): expected two",
            ),
            (
                npy(HEADER, &[0.0, f32::NAN, 0.0, 0.0, 0.0, 0.0]),
                "non-finite value at row 0, column 1",
            ),
        ];
        for (bytes, want) in cases {
            let e = parse_npy(&bytes).expect_err(want).to_string();
            assert!(e.contains(want), "{e:?} lacks {want:?}");
        }
        let mut v2 = npy(HEADER, &six);
        v2[6] = 4;
        let e = parse_npy(&v2).expect_err("version").to_string();
        assert!(e.contains("version 4.0"), "{e}");
        let bad_dict = npy(
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3) x}",
            &six,
        );
        assert!(parse_npy(&bad_dict).is_err());
        let extra = npy(
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), 'x': True}",
            &six,
        );
        let e = parse_npy(&extra).expect_err("key").to_string();
        assert!(e.contains("unexpected header key"), "{e}");
    }

    #[test]
    fn parses_header_dict() {
        let d = parse_py_dict("{\"shape\": (20000, 300), 'fortran_order': True}").expect("ok");
        assert_eq!(d["shape"], PyValue::Tuple(vec![20000, 300]));
        assert_eq!(d["fortran_order"], PyValue::Bool(true));
        assert_eq!(
            parse_py_dict("{'shape': (5,)}").expect("ok")["shape"],
            PyValue::Tuple(vec![5])
        );
        assert!(parse_py_dict("{'a': 1}").is_err());
        assert!(parse_py_dict("{'a': True, 'a': False}").is_err());
    }

    #[test]
    fn reads_words() {
        let ok = read_words("word\trow\nTellnet\t3\ntellnet\t3\n".as_bytes()).expect("valid");
        assert_eq!(ok, [("Tellnet".to_owned(), 3), ("tellnet".to_owned(), 3)]);
        for (text, want) in [
            ("form\trow\na\t1\n", "line 1: header"),
            ("word\trow\na 1\n", "line 2: no tab"),
            ("word\trow\na\t1\nb\tx\n", "line 3: row \"x\""),
            ("word\trow\na\t1\na\t2\n", "listed twice"),
            ("word\trow\n\t1\n", "expected form<TAB>row"),
            ("word\trow\n", "no words"),
        ] {
            let e = read_words(text.as_bytes()).expect_err(want).to_string();
            assert!(e.contains(want), "{e:?} lacks {want:?}");
        }
    }

    #[test]
    fn form_filter() {
        for f in [
            "Nordvik", "U.S.", "F-16", "O'Brien", "don’t", "Zürich", "1990s",
        ] {
            assert!(keep_form(f), "{f}");
        }
        for f in [
            "1990",
            "3,266",
            "!",
            "a b",
            "http://x",
            "#tag",
            &"a".repeat(31),
        ] {
            assert!(!keep_form(f), "{f}");
        }
    }

    #[test]
    fn splits_proportionally() {
        assert_eq!(split_counts(&[10, 10], 4).expect("ok"), [2, 2]);
        assert_eq!(split_counts(&[90, 5, 5], 10).expect("ok"), [8, 1, 1]);
        assert_eq!(split_counts(&[1, 1, 8], 9).expect("ok"), [1, 1, 7]);
        assert_eq!(split_counts(&[3, 3, 3], 9).expect("ok"), [3, 3, 3]);
        assert_eq!(split_counts(&[7, 7, 7], 4).expect("ok"), [2, 1, 1]);
        assert!(split_counts(&[2, 2], 1).is_err());
        assert!(split_counts(&[2, 2], 5).is_err());
    }

    /// Eight rows: two groups of four (near x and near z), each of two tight pairs.
    fn toy_vectors() -> Matrix {
        let data = vec![
            1.0, 0.1, 0.0, 0.0, // 0: x
            1.0, 0.0, 0.1, 0.0, // 1: x
            0.8, 0.6, 0.0, 0.0, // 2: x leaning y
            0.8, 0.6, 0.1, 0.0, // 3: x leaning y
            0.0, 0.0, 1.0, 0.1, // 4: z
            0.0, 0.1, 1.0, 0.0, // 5: z
            0.0, 0.0, 0.6, 0.8, // 6: z leaning w
            0.1, 0.0, 0.6, 0.8, // 7: z leaning w
        ];
        Matrix {
            rows: 8,
            cols: 4,
            data,
        }
    }

    #[test]
    fn hierarchy_nests() {
        for strategy in [Strategy::BottomUp, Strategy::TopDown] {
            check_hierarchy(strategy);
        }
        let bad = hierarchy(&toy_vectors(), &[4, 2], Strategy::BottomUp, 1, 20);
        assert!(bad.is_err());
        let bad = hierarchy(&toy_vectors(), &[2, 9], Strategy::TopDown, 1, 20);
        assert!(bad.is_err());
    }

    fn check_hierarchy(strategy: Strategy) {
        let (levels, sims) = hierarchy(&toy_vectors(), &[2, 4, 4, 8], strategy, 1, 20).expect("ok");
        assert_eq!(levels.len(), 4);
        // Coarse: {0..4} vs {4..8}; next: the four pairs; finest: every row alone.
        assert!(levels[0][..4].iter().all(|&c| c == levels[0][0]));
        assert!(levels[0][4..].iter().all(|&c| c == levels[0][4]));
        assert_ne!(levels[0][0], levels[0][4]);
        for pair in levels[1].chunks(2) {
            assert_eq!(pair[0], pair[1]);
        }
        let mut fine = levels[3].clone();
        fine.sort_unstable();
        assert_eq!(fine, (0..8).collect::<Vec<u32>>());
        // Nesting: a class at a finer level determines its class at every coarser level.
        for pair in levels.windows(2) {
            let mut parent = HashMap::new();
            for (&coarse, &fine) in pair[0].iter().zip(&pair[1]) {
                assert_eq!(*parent.entry(fine).or_insert(coarse), coarse);
            }
        }
        assert!(sims.windows(2).all(|w| w[0] <= w[1] + 1e-9), "{sims:?}");
        assert!((sims[3] - 1.0).abs() < 1e-6);
        // Deterministic.
        let again = hierarchy(&toy_vectors(), &[2, 4, 4, 8], strategy, 1, 20).expect("ok");
        assert_eq!(again.0, levels);
        // Numbered by first row: row 0 is in class 0 everywhere, children contiguous.
        assert!(levels.iter().all(|c| c[0] == 0));
        assert_eq!(levels[1], [0, 0, 1, 1, 2, 2, 3, 3]);
    }

    #[test]
    fn builds_a_table() {
        let words = [
            ("Nordvik", 0),
            ("nordvik", 0),
            ("NORDVIK", 0),
            ("Airbus", 1),
            ("Ostby", 4),
            ("Saigon", 5),
            ("1990", 6),
            ("a b", 7),
        ]
        .iter()
        .map(|&(f, r)| (f.to_owned(), r))
        .collect();
        let options = Options {
            sizes: [2, 4, 4, 8],
            seed: 1,
            max_iter: 20,
            strategy: Strategy::BottomUp,
        };
        let (table, report) = build(words, &toy_vectors(), &options).expect("builds");
        assert_eq!(report.forms_read, 8);
        assert_eq!(report.forms_filtered, 6);
        assert_eq!(report.forms_kept, 4);
        let nordvik = table.lookup_word("NORDVIK").expect("folded, found");
        let airbus = table.lookup_word("Airbus").expect("kept");
        let ostby = table.lookup_word("Ostby").expect("kept");
        assert_eq!(nordvik.levels[1], airbus.levels[1]);
        assert_ne!(nordvik.levels[0], ostby.levels[0]);
        assert_eq!(table.lookup_word("1990"), None);
        let members = class_members(&table, 0, nordvik.levels[0], 8);
        assert_eq!(members, ["nordvik", "Airbus"]);
        let bad = vec![("x".to_owned(), 8)];
        assert!(build(bad, &toy_vectors(), &options).is_err());
    }
}
