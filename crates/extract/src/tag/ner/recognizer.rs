//! The entity tagger: Viterbi BILOU decoding with an averaged structured perceptron.

use std::cell::RefCell;
use std::sync::Arc;

use crate::classes::WordClasses;
use crate::lexicon::Lexicon;
use crate::perceptron::{ModelError, Perceptron};

use super::Span;
use super::features::{self, FEATURE_VERSION, SentenceFeatures};
use super::tags::{self, N_CLASSES, O};

/// Divides score differences before the softmax of [`Span::score`]: chosen on UNER dev so that
/// a span's score roughly tracks the precision of spans with that score (about 0.4 at 0.45,
/// 0.6 at 0.65, 0.9 above 0.9) for the shipped model.
const CONFIDENCE_TEMPERATURE: f32 = 10.0;

/// Magic bytes opening a serialised [`Recognizer`].
const MAGIC: &[u8; 4] = b"KGNR";

/// Viterbi states trailing the best by more than this (in score units) are not extended: on
/// UNER and GUM dev this changes no more than one span in a thousand and halves decoding time.
const BEAM_MARGIN: f32 = 100.0;

thread_local! {
    static SCRATCH: RefCell<Decoder> = RefCell::new(Decoder::default());
    /// Buffers for a second reading of a sentence while `SCRATCH` holds the first.
    static SPARE: RefCell<Decoder> = RefCell::new(Decoder::default());
}

/// Why a serialised recognizer could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RecognizerError {
    /// Not a recognizer model.
    #[error("not an NER model (bad magic bytes)")]
    BadMagic,
    /// Trained with other features than this build computes.
    #[error("NER model has feature version {found}, this build needs {FEATURE_VERSION}")]
    FeatureVersion {
        /// The version in the file.
        found: u32,
    },
    /// The weights do not fit the tag set.
    #[error("NER model has {0} classes, expected {N_CLASSES}")]
    Classes(usize),
    /// The weights could not be read.
    #[error(transparent)]
    Weights(#[from] ModelError),
}

/// Named-entity recognizer for PER, ORG and LOC over tokenised, POS-tagged sentences.
///
/// It may carry a second, *uncased* model, trained on lower-cased copies of the training
/// sentences: a sentence whose capitals say nothing (typed all in lower case, or all in
/// capitals) is lower-cased and tagged by it, so that `i live in san rafael` is read from
/// its words and gazetteers rather than from capitals it does not have. In a sentence with
/// capitals, a known place typed in lower case that the cased model left out makes the
/// uncased model read the sentence too, for its places only ("a man from lyon france").
#[derive(Debug, Clone)]
pub struct Recognizer {
    model: Perceptron,
    /// Scores of the dynamic features that do not depend on the word, precomputed.
    tables: Box<Tables>,
    uncased: Option<Box<Recognizer>>,
    /// The word classes the features read.
    classes: Arc<WordClasses>,
}

/// Per-class scores of the word-independent dynamic features.
#[derive(Debug, Clone)]
struct Tables {
    /// `[p1]`: previous label.
    prev: [[f32; N_CLASSES]; N_CLASSES],
    /// `[p2][p1]`: two previous labels.
    prev2: [[[f32; N_CLASSES]; N_CLASSES]; N_CLASSES],
    /// `[pos][p1]`: previous label and the token's POS.
    prev_pos: Vec<[[f32; N_CLASSES]; N_CLASSES]>,
}

/// UPOS ids (and the missing-tag id) covered by [`Tables::prev_pos`].
const N_POS: usize = 32;

impl Tables {
    fn new(model: &Perceptron) -> Box<Tables> {
        let score = |f: u64| {
            let mut s = [0f32; N_CLASSES];
            model.scores(&[f], &mut s);
            s
        };
        let mut t = Box::new(Tables {
            prev: [[0.0; N_CLASSES]; N_CLASSES],
            prev2: [[[0.0; N_CLASSES]; N_CLASSES]; N_CLASSES],
            prev_pos: vec![[[0.0; N_CLASSES]; N_CLASSES]; N_POS],
        });
        for p1 in 0..N_CLASSES {
            t.prev[p1] = score(features::prev_feature(p1));
            for p2 in 0..N_CLASSES {
                t.prev2[p2][p1] = score(features::prev2_feature(p2, p1));
            }
            for pos in 0..N_POS {
                t.prev_pos[pos][p1] = score(features::prev_pos_feature(p1, pos as u8));
            }
        }
        t
    }
}

/// Reusable per-thread buffers for decoding.
#[derive(Debug, Default)]
pub(crate) struct Decoder {
    pub(crate) sent: SentenceFeatures,
    pub(crate) dynamic: Vec<u64>,
    pub(crate) classes: Vec<usize>,
    pub(crate) confidence: Vec<f32>,
    pub(crate) pos: Vec<u8>,
    /// Whether the last sentence was tagged by the cased model (its features are in `sent`).
    cased: bool,
    statics: Vec<[f32; N_CLASSES]>,
    lattice: super::viterbi::Lattice,
}

impl Recognizer {
    /// A recognizer that finds nothing.
    pub fn empty() -> Recognizer {
        Recognizer::from_model(Perceptron::empty(N_CLASSES))
    }

    /// The recognizer of trained weights over [`N_CLASSES`] BILOU classes and the features of
    /// [`super::features`] (without an uncased model).
    pub fn from_model(model: Perceptron) -> Recognizer {
        let tables = Tables::new(&model);
        Recognizer {
            model,
            tables,
            uncased: None,
            classes: WordClasses::embedded_shared(),
        }
    }

    /// This recognizer (and its uncased model) reading `classes` instead of the embedded table.
    pub fn with_classes(mut self, classes: Arc<WordClasses>) -> Recognizer {
        if let Some(uncased) = self.uncased.take() {
            self.uncased = Some(Box::new(uncased.with_classes(Arc::clone(&classes))));
        }
        self.classes = classes;
        self
    }

    /// This recognizer with `uncased` as the model for sentences without case information
    /// (replacing any it had; `uncased`'s own uncased model is dropped).
    pub fn with_uncased(mut self, mut uncased: Recognizer) -> Recognizer {
        uncased.uncased = None;
        self.uncased = Some(Box::new(uncased));
        self
    }

    /// The model for sentences without case information, if any.
    pub fn uncased(&self) -> Option<&Recognizer> {
        self.uncased.as_deref()
    }

    /// This recognizer without its uncased model.
    pub fn cased(&self) -> Recognizer {
        Recognizer::from_model(self.model.clone()).with_classes(Arc::clone(&self.classes))
    }

    /// The weights of the (cased) model.
    pub fn model(&self) -> &Perceptron {
        &self.model
    }

    /// Number of weighted features.
    pub fn len(&self) -> usize {
        self.model.len()
    }

    /// Whether the model has no weights (finds nothing).
    pub fn is_empty(&self) -> bool {
        self.model.is_empty()
    }

    /// Serialises the (cased) model: magic, feature version, then the compressed perceptron.
    /// The uncased model, if any, is serialised on its own ([`Recognizer::uncased`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&self.model.to_bytes());
        out
    }

    /// Reads a model written by [`Recognizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, RecognizerError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(RecognizerError::BadMagic)?;
        let (version, weights) = rest.split_at_checked(4).ok_or(RecognizerError::BadMagic)?;
        let mut v = [0u8; 4];
        v.copy_from_slice(version);
        let found = u32::from_le_bytes(v);
        if found != FEATURE_VERSION {
            return Err(RecognizerError::FeatureVersion { found });
        }
        let model = Perceptron::from_bytes(weights)?;
        if model.n_classes() != N_CLASSES {
            return Err(RecognizerError::Classes(model.n_classes()));
        }
        Ok(Recognizer::from_model(model))
    }

    /// Finds the entity spans of one sentence: `words` with their UPOS `tags` (a missing or
    /// extra tag is tolerated). Spans are sorted, non-overlapping token ranges.
    pub fn recognize(&self, lex: &Lexicon, words: &[&str], tags: &[crate::pos::Upos]) -> Vec<Span> {
        SCRATCH.with(|cell| {
            // A re-entrant call (impossible today) would find the buffers taken: use fresh ones.
            match cell.try_borrow_mut() {
                Ok(mut dec) => self.recognize_with_places(lex, &mut dec, words, tags, None),
                Err(_) => {
                    self.recognize_with_places(lex, &mut Decoder::default(), words, tags, None)
                }
            }
        })
    }

    /// [`Recognizer::recognize_with`], then the lower-case places it left out (see
    /// [`Recognizer::lower_case_places`]).
    fn recognize_with_places(
        &self,
        lex: &Lexicon,
        dec: &mut Decoder,
        words: &[&str],
        tags: &[crate::pos::Upos],
        doc: Option<features::InDocument<'_>>,
    ) -> Vec<Span> {
        let mut spans = self.recognize_with(lex, dec, words, tags, doc);
        if let Some(found) = self.lower_case_places(lex, dec, words, tags, &spans) {
            merge(&mut spans, found);
        }
        spans
    }

    /// In a sentence with capitals, the cased model rarely tags a known place typed in lower
    /// case ("a man from lyon france"). When the sentence just tagged in `dec` has such a
    /// word outside every span, the uncased model reads the sentence too, and the places it
    /// finds made only of lower-case words, one of them read as a proper noun, are returned.
    fn lower_case_places(
        &self,
        lex: &Lexicon,
        dec: &Decoder,
        words: &[&str],
        tags: &[crate::pos::Upos],
        spans: &[Span],
    ) -> Option<Vec<Span>> {
        let uncased = self.uncased.as_deref()?;
        let toks = dec.sent.toks();
        let outside = |i: usize| !spans.iter().any(|s| (s.start..s.end).contains(&i));
        // A known place the tagger reads as a proper noun ("a new city" is no place).
        let cue =
            |i: usize| toks[i].is_lower_place() && tags.get(i) == Some(&crate::pos::Upos::Propn);
        if !dec.cased || toks.len() != words.len() || !(0..toks.len()).any(|i| cue(i) && outside(i))
        {
            return None;
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let spans_found = SPARE.with(|cell| match cell.try_borrow_mut() {
            Ok(mut spare) => uncased.recognize_with(lex, &mut spare, &lower, tags, None),
            Err(_) => uncased.recognize_with(lex, &mut Decoder::default(), &lower, tags, None),
        });
        let found: Vec<Span> = spans_found
            .into_iter()
            .filter(|s| {
                s.label == super::NerLabel::Loc
                    && (s.start..s.end).all(|i| lower[i] == words[i] && outside(i))
                    && (s.start..s.end).any(cue)
            })
            .collect();
        (!found.is_empty()).then_some(found)
    }

    /// Finds the entity spans of every sentence of one document (`tags[k]` are the UPOS tags
    /// of `sentences[k]`), each sentence seeing how the document uses its words elsewhere
    /// (see the `context` module). Spans are per sentence, as [`Recognizer::recognize`] gives
    /// them; no document-level reconciliation is applied.
    pub fn recognize_sentences<S: AsRef<[W]>, W: AsRef<str>>(
        &self,
        lex: &Lexicon,
        sentences: &[S],
        tags: &[Vec<crate::pos::Upos>],
    ) -> Vec<Vec<Span>> {
        let pos: Vec<Vec<u8>> = tags
            .iter()
            .map(|t| t.iter().map(|&u| super::pos_id(u)).collect())
            .collect();
        let context = features::doc_context(sentences, &pos);
        SCRATCH.with(|cell| {
            let mut fresh = None;
            let mut borrowed = cell.try_borrow_mut().ok();
            let dec: &mut Decoder = match borrowed.as_deref_mut() {
                Some(d) => d,
                None => fresh.insert(Decoder::default()),
            };
            let mut words: Vec<&str> = Vec::new();
            sentences
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    words.clear();
                    words.extend(s.as_ref().iter().map(AsRef::as_ref));
                    let doc = features::InDocument {
                        context: &context,
                        sentence: k,
                    };
                    let t = tags.get(k).map_or(&[][..], Vec::as_slice);
                    self.recognize_with_places(lex, dec, &words, t, Some(doc))
                })
                .collect()
        })
    }

    fn recognize_with(
        &self,
        lex: &Lexicon,
        dec: &mut Decoder,
        words: &[&str],
        tags: &[crate::pos::Upos],
        doc: Option<features::InDocument<'_>>,
    ) -> Vec<Span> {
        dec.cased = false;
        if words.is_empty() {
            return Vec::new();
        }
        if let Some(uncased) = &self.uncased
            && features::is_uncased(words)
        {
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
            let spans = uncased.recognize_with(lex, dec, &lower, tags, doc);
            dec.cased = false;
            return spans;
        }
        dec.cased = true;
        dec.pos.clear();
        dec.pos
            .extend((0..words.len()).map(|i| tags.get(i).map_or(0, |t| super::pos_id(*t))));
        dec.sent
            .compute_in(lex, &self.classes, words, &dec.pos, doc);
        self.decode(dec);
        tags::decode(&dec.classes)
            .into_iter()
            .map(|s| Span {
                start: s.start,
                end: s.end,
                label: s.label,
                score: dec.confidence[s.start..s.end]
                    .iter()
                    .copied()
                    .fold(1.0, f32::min),
            })
            .collect()
    }

    /// Viterbi decoding of the sentence in `dec.sent` into `dec.classes` and `dec.confidence`.
    pub(crate) fn decode(&self, dec: &mut Decoder) {
        let n = dec.sent.len();
        dec.classes.clear();
        dec.confidence.clear();
        dec.statics.clear();
        for i in 0..n {
            let mut scores = [0f32; N_CLASSES];
            self.model.scores(dec.sent.features(i), &mut scores);
            dec.statics.push(scores);
        }
        let margin = BEAM_MARGIN;
        let (statics, sent, model, tables) = (&dec.statics, &dec.sent, &self.model, &self.tables);
        let lexical = &mut dec.dynamic;
        super::viterbi::decode(
            &mut dec.lattice,
            n,
            margin,
            |i, out| *out = statics[i],
            |i, p1, p2, out| {
                let t = sent.tok(i);
                lexical.clear();
                features::dynamic_lexical(t, p1, true, lexical);
                model.scores(lexical, out);
                let pos = usize::from(t.pos()).min(N_POS - 1);
                let (a, b, c) = (
                    &tables.prev[p1],
                    &tables.prev2[p2][p1],
                    &tables.prev_pos[pos][p1],
                );
                for k in 0..N_CLASSES {
                    out[k] += a[k] + b[k] + c[k];
                }
            },
            &mut dec.classes,
        );
        let mut dynamic_scores = [0f32; N_CLASSES];
        let (mut prev, mut prev2) = (O, O);
        for i in 0..n {
            let mut scores = dec.statics[i];
            dec.dynamic.clear();
            features::dynamic(dec.sent.tok(i), prev, prev2, true, &mut dec.dynamic);
            self.model.scores(&dec.dynamic, &mut dynamic_scores);
            let last = i + 1 == n;
            for (s, d) in scores.iter_mut().zip(&dynamic_scores) {
                *s += d;
            }
            let best = dec.classes[i];
            let best_score = scores[best];
            let confidence = if best == O {
                1.0
            } else {
                let z: f32 = (0..N_CLASSES)
                    .filter(|&c| tags::valid(prev, c, last))
                    .map(|c| ((scores[c] - best_score) / CONFIDENCE_TEMPERATURE).exp())
                    .sum();
                (1.0 / z).min(1.0)
            };
            dec.confidence.push(confidence);
            prev2 = prev;
            prev = best;
        }
    }
}

/// Adds the `extra` spans that overlap none of `spans` to them, keeping them in order.
fn merge(spans: &mut Vec<Span>, extra: Vec<Span>) {
    for e in extra {
        if !spans.iter().any(|s| s.start < e.end && e.start < s.end) {
            spans.push(e);
        }
    }
    spans.sort_by_key(|s| s.start);
}

impl Default for Recognizer {
    fn default() -> Self {
        Recognizer::empty()
    }
}
