//! Labelled dependency parser: arc-hybrid transitions ([`state`]) chosen greedily by an averaged
//! perceptron over hashed features ([`mod@features`]), predicting for every word its head and its
//! Universal Dependencies relation (basic relations with their subtypes, as in UD English EWT
//! and GUM: `nsubj:pass`, `compound:prt`, `nmod:poss`, `obl:unmarked`, ...).
//!
//! Trained by `kg-train parse` on UD English EWT train and GUM train with the tags of the
//! shipped POS tagger (jackknifed on EWT, which the tagger was trained on); the shipped model is
//! embedded in the crate and loaded by [`crate::Pipeline`], whose [`crate::Pipeline::parse_text`]
//! segments, tags, lemmatises and parses text. The model file also holds the lemmatiser
//! ([`crate::lemma`]).
//!
//! ```
//! use kg_extract::Pipeline;
//! use kg_extract::pos::Upos;
//! let p = Pipeline::embedded();
//! let words = ["Lena", "sold", "the", "boat", "."];
//! let tags = p.tagger().tag(&words);
//! let tree = p.parser().parse(&words, &tags);
//! assert_eq!(tree.heads, [2, 0, 4, 2, 2]);
//! assert_eq!(p.parser().label(tree.labels[0]), "nsubj");
//! ```

pub mod features;
pub mod state;

use std::cell::RefCell;
use std::sync::Arc;

use crate::classes::WordClasses;
use crate::lemma::Lemmatizer;
use crate::perceptron::{ModelError, Perceptron, Reader, put_varint};
use crate::pos::Upos;
use crate::pos::features::Analyzer;
use features::{Word, features, words_into};
use state::{State, Transition};

/// Magic bytes and version opening a parser model file.
const MAGIC: &[u8; 6] = b"KGDEP\x01";

/// Version of the feature set the parser computes; a model's manifest records the one it was
/// trained with. Bump it with every change to `features.rs` that changes a feature.
pub const FEATURE_VERSION: u32 = 1;

/// Most labels a model may have (label sets are 64-bit masks).
pub const MAX_LABELS: usize = 63;

/// The label of the root's dependent.
pub const ROOT_LABEL: &str = "root";

thread_local! {
    static SCRATCH: RefCell<ParseScratch> = RefCell::new(ParseScratch::default());
}

/// A parse: for each word (in order) its head (1-based word index, 0 for the root) and its
/// label (an index into [`Parser::labels`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tree {
    /// Head of each word: 0 for the root, else the 1-based index of the head word.
    pub heads: Vec<u32>,
    /// Label of each word's arc, an index into [`Parser::labels`].
    pub labels: Vec<u8>,
}

/// Reusable buffers for [`Parser::parse_into`].
#[derive(Debug, Default)]
pub struct ParseScratch {
    state: State,
    words: Vec<Word>,
    feats: Vec<u64>,
    scores: Vec<f32>,
    analyzer: Analyzer,
}

/// Why a parser model could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ParserError {
    /// The weights are not valid.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The label list or lemmatiser is not valid.
    #[error("corrupt parser model: {0}")]
    Invalid(&'static str),
}

impl From<crate::tag::packed::Corrupt> for ParserError {
    fn from(e: crate::tag::packed::Corrupt) -> Self {
        ParserError::Invalid(e.0)
    }
}

/// A trained parser: perceptron weights over [`Transition`] classes, its relation labels, the
/// lemmatiser trained with it, and the word-class table its features read.
#[derive(Debug, Clone)]
pub struct Parser {
    model: Perceptron,
    labels: Vec<String>,
    root: u8,
    lemmatizer: Lemmatizer,
    classes: Arc<WordClasses>,
}

impl Parser {
    /// The parser of trained weights (over `Transition::n_classes(labels.len())` classes),
    /// its labels (one of them [`ROOT_LABEL`]), lemmatiser and word-class table.
    pub fn from_parts(
        model: Perceptron,
        labels: Vec<String>,
        lemmatizer: Lemmatizer,
        classes: Arc<WordClasses>,
    ) -> Result<Parser, ParserError> {
        if labels.is_empty() || labels.len() > MAX_LABELS {
            return Err(ParserError::Invalid("bad label count"));
        }
        if model.n_classes() != Transition::n_classes(labels.len()) {
            return Err(ParserError::Invalid(
                "the weights do not fit the label count",
            ));
        }
        let root = labels
            .iter()
            .position(|l| l == ROOT_LABEL)
            .ok_or(ParserError::Invalid("no root label"))? as u8;
        Ok(Parser {
            model,
            labels,
            root,
            lemmatizer,
            classes,
        })
    }

    /// Reads a model written by [`Parser::to_bytes`] (or `kg-train parse`), to run with the
    /// word-class table it was trained with.
    pub fn from_bytes(bytes: &[u8], classes: Arc<WordClasses>) -> Result<Parser, ParserError> {
        let body = bytes.strip_prefix(MAGIC).ok_or(ModelError::BadMagic)?;
        let mut r = Reader { buf: body };
        let n = r.varint()? as usize;
        if n == 0 || n > MAX_LABELS {
            return Err(ParserError::Invalid("bad label count"));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.varint()?;
            let len = usize::try_from(len).map_err(|_| ParserError::Invalid("bad label"))?;
            let s = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ParserError::Invalid("label is not UTF-8"))?;
            labels.push(s.to_string());
        }
        let lem_len = usize::try_from(r.varint()?)
            .map_err(|_| ParserError::Invalid("lemmatiser length out of range"))?;
        let lemmatizer = Lemmatizer::from_bytes(r.take(lem_len)?)
            .map_err(|_| ParserError::Invalid("corrupt lemmatiser"))?;
        let model = Perceptron::from_bytes(r.buf)?;
        Parser::from_parts(model, labels, lemmatizer, classes)
    }

    /// Serialises the parser (labels, lemmatiser, quantised weights).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put_varint(&mut out, self.labels.len() as u64);
        for l in &self.labels {
            put_varint(&mut out, l.len() as u64);
            out.extend_from_slice(l.as_bytes());
        }
        let lem = self.lemmatizer.to_bytes();
        put_varint(&mut out, lem.len() as u64);
        out.extend_from_slice(&lem);
        out.extend_from_slice(&self.model.to_bytes());
        out
    }

    /// The relation labels.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The name of label `i` (`dep` when out of range).
    pub fn label(&self, i: u8) -> &str {
        self.labels
            .get(usize::from(i))
            .map_or("dep", String::as_str)
    }

    /// The lemmatiser trained with the parser.
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// The weights.
    pub fn model(&self) -> &Perceptron {
        &self.model
    }

    /// The word-class table the features read.
    pub fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// Parses one sentence of words with their tags (`tags.len()` must equal `words.len()`;
    /// extra tags are ignored, missing ones read as `X`).
    pub fn parse<S: AsRef<str>>(&self, words: &[S], tags: &[Upos]) -> Tree {
        let mut tree = Tree::default();
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.parse_into(words, tags, &mut s, &mut tree),
            Err(_) => self.parse_into(words, tags, &mut ParseScratch::default(), &mut tree),
        });
        tree
    }

    /// [`Parser::parse`] into `tree`, reusing `scratch`.
    pub fn parse_into<S: AsRef<str>>(
        &self,
        words: &[S],
        tags: &[Upos],
        scratch: &mut ParseScratch,
        tree: &mut Tree,
    ) {
        let n = words.len();
        let mut padded;
        let tags = if tags.len() >= n {
            &tags[..n]
        } else {
            padded = tags.to_vec();
            padded.resize(n, Upos::X);
            &padded[..]
        };
        words_into(
            words,
            tags,
            &self.classes,
            &mut scratch.analyzer,
            &mut scratch.words,
        );
        scratch.state.reset(n);
        scratch.scores.resize(self.model.n_classes(), 0.0);
        while !scratch.state.is_final() {
            features(&scratch.state, &scratch.words, &mut scratch.feats);
            self.model.scores(&scratch.feats, &mut scratch.scores);
            let t = self.best(&scratch.state, &scratch.scores, None);
            scratch.state.apply(t);
        }
        let (heads, labels) = scratch.state.arcs();
        tree.heads.clear();
        tree.heads.extend_from_slice(&heads[1..]);
        tree.labels.clear();
        tree.labels.extend_from_slice(&labels[1..]);
    }

    /// The best-scoring transition allowed in `st` (among those `keep` accepts, if given).
    pub fn best(
        &self,
        st: &State,
        scores: &[f32],
        keep: Option<&dyn Fn(Transition) -> bool>,
    ) -> Transition {
        allowed_best(st, scores, self.labels.len(), self.root, keep)
    }

    /// Index of the root label.
    pub fn root_label(&self) -> u8 {
        self.root
    }
}

/// The best-scoring allowed transition of `st` over `n_labels` labels whose root label is
/// `root` (among those `keep` accepts, if given; `Shift` when nothing is left).
pub fn allowed_best(
    st: &State,
    scores: &[f32],
    n_labels: usize,
    root: u8,
    keep: Option<&dyn Fn(Transition) -> bool>,
) -> Transition {
    let (shift, left, right) = st.allowed();
    let onto_root = st.right_is_root();
    let mut best: Option<(f32, Transition)> = None;
    let mut consider = |t: Transition| {
        if keep.is_some_and(|k| !k(t)) {
            return;
        }
        let s = scores.get(t.class()).copied().unwrap_or(0.0);
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, t));
        }
    };
    if shift {
        consider(Transition::Shift);
    }
    for l in 0..n_labels as u8 {
        if left && l != root {
            consider(Transition::Left(l));
        }
        if right && (l == root) == onto_root {
            consider(Transition::Right(l));
        }
    }
    best.map_or(Transition::Shift, |b| b.1)
}

#[cfg(test)]
mod tests;
