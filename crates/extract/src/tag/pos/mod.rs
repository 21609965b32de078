//! Part-of-speech tagger: greedy left-to-right averaged perceptron predicting UD UPOS tags.
//!
//! Trained on UD English EWT (by the `kg-train` crate, which uses the public [`mod@features`] and
//! [`tagdict`] modules and [`Tagger::from_parts`]); the shipped model is embedded in the crate
//! (loaded by [`crate::Pipeline`], which gives the tagger its word-class table: besides the
//! word's spelling and tag lexicon, the features read the classes of [`crate::classes`] of the
//! word and its neighbours, learnt from unlabelled text). Input words should be tokenised like EWT (possessive `'s` and `n't`
//! split, punctuation separate), as [`crate::segment`] does. Typographic quotes and dashes are
//! mapped to their ASCII forms before lookup.
//!
//! ```
//! use kg_extract::Pipeline;
//! use kg_extract::pos::Upos;
//! let tags = Pipeline::embedded().tagger().tag(&["The", "minister", "resigned", "."]);
//! assert_eq!(tags, [Upos::Det, Upos::Noun, Upos::Verb, Upos::Punct]);
//! ```

pub mod features;
pub mod tagdict;
mod upos;
mod verbs;

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub use upos::{UnknownUpos, Upos};

use crate::classes::WordClasses;
use crate::perceptron::{FeatureHasher, ModelError, Perceptron, Reader, argmax, put_varint};
use features::{Analyzer, Attrs, features};
use tagdict::Lexicon;

/// Magic bytes and version opening a POS model file.
const MAGIC: &[u8; 6] = b"KGPOS\x01";

/// Version of the feature set the tagger computes; a model's manifest records the one it was
/// trained with. Bump it with every change to `features.rs` that changes a feature.
/// Version 2 added word-class features.
pub const FEATURE_VERSION: u32 = 2;

thread_local! {
    static SCRATCH: RefCell<TagScratch> = RefCell::new(TagScratch::default());
}

/// Slots of the per-scratch cache of word analyses (a power of two).
const CACHE_SLOTS: usize = 16384;
/// Seed of the cache's word hash.
const CACHE_SEED: u32 = 0xCA_C4E;

/// Source of tagger ids (0 is never used: it marks an unset cache owner).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A trained POS tagger: perceptron weights plus a word lexicon, and the word-class table its
/// features read (shared with its owner, normally the [`crate::Pipeline`]).
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Perceptron,
    lexicon: Lexicon,
    classes: Arc<WordClasses>,
    /// Identifies the lexicon and class table, for the word caches of [`TagScratch`].
    id: u64,
}

/// Reusable buffers for [`Tagger::tag_into`] (one per thread; [`Tagger::tag`] keeps its own),
/// including a small direct-mapped cache of word analyses.
#[derive(Debug, Default)]
pub struct TagScratch {
    analyzer: Analyzer,
    attrs: Vec<Attrs>,
    feats: Vec<u64>,
    /// Word hash (0 = empty) and its analysis.
    cache: Vec<(u64, Attrs)>,
    /// The tagger the cache was filled for.
    owner: u64,
}

impl Tagger {
    /// The tagger of trained weights (over [`Upos::COUNT`] classes and the features of
    /// [`features::features`]), the word lexicon and the word-class table they were trained
    /// with.
    pub fn from_parts(model: Perceptron, lexicon: Lexicon, classes: Arc<WordClasses>) -> Tagger {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        Tagger {
            model,
            lexicon,
            classes,
            id,
        }
    }

    /// Reads a model written by [`Tagger::to_bytes`] (or `kg-train pos`), to run with the
    /// word-class table it was trained with (its manifest records the table's hash).
    pub fn from_bytes(bytes: &[u8], classes: Arc<WordClasses>) -> Result<Tagger, ModelError> {
        let body = bytes.strip_prefix(MAGIC).ok_or(ModelError::BadMagic)?;
        let mut r = Reader { buf: body };
        let lex_len = r.varint()?;
        let lex_len = usize::try_from(lex_len)
            .map_err(|_| ModelError::Invalid("lexicon length out of range"))?;
        let lexicon = Lexicon::from_bytes(r.take(lex_len)?)?;
        let model = Perceptron::from_bytes(r.buf)?;
        if model.n_classes() != Upos::COUNT {
            return Err(ModelError::Invalid(
                "POS model has the wrong number of classes",
            ));
        }
        Ok(Tagger::from_parts(model, lexicon, classes))
    }

    /// Serialises the tagger (lexicon and quantised weights, compressed).
    pub fn to_bytes(&self) -> Vec<u8> {
        let lex = self.lexicon.to_bytes();
        let mut out = MAGIC.to_vec();
        put_varint(&mut out, lex.len() as u64);
        out.extend_from_slice(&lex);
        out.extend_from_slice(&self.model.to_bytes());
        out
    }

    /// The word-class table the features read.
    pub fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// Number of weighted features in the model.
    pub fn n_features(&self) -> usize {
        self.model.len()
    }

    /// Tags one sentence of words.
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        let mut out = Vec::with_capacity(words.len());
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.tag_into(words, &mut s, &mut out),
            // Re-entrant call on this thread: use fresh buffers.
            Err(_) => self.tag_into(words, &mut TagScratch::default(), &mut out),
        });
        out
    }

    /// Tags one sentence of words into `out` (cleared first), reusing `scratch`.
    pub fn tag_into<S: AsRef<str>>(
        &self,
        words: &[S],
        scratch: &mut TagScratch,
        out: &mut Vec<Upos>,
    ) {
        out.clear();
        scratch.attrs.clear();
        if scratch.owner != self.id || scratch.cache.len() != CACHE_SLOTS {
            scratch.cache.clear();
            scratch.cache.resize(CACHE_SLOTS, (0, Attrs::default()));
            scratch.owner = self.id;
        }
        for w in words {
            let w = w.as_ref();
            let h = FeatureHasher::new(CACHE_SEED).str(w).finish() | 1;
            let slot = &mut scratch.cache[h as usize & (CACHE_SLOTS - 1)];
            if slot.0 != h {
                *slot = (h, scratch.analyzer.analyse(w, &self.lexicon, &self.classes));
            }
            scratch.attrs.push(slot.1);
        }
        self.tag_from(0, scratch, out);
        // A second look at nouns that are the clause's verb ("Vexa Corp owns Halvard Labs"):
        // the tags after one are then read again.
        for (i, w) in words.iter().enumerate().skip(1) {
            // The tags the word was seen with.
            let seen = scratch.attrs[i].amb & !features::LOWER_LOOKUP;
            let may_be_verb = seen == 0 || seen & (1 << Upos::Verb.index()) != 0;
            if verbs::verb_in_disguise(w.as_ref(), out, i, may_be_verb) {
                out.truncate(i);
                out.push(Upos::Verb);
                self.tag_from(i + 1, scratch, out);
            }
            if verbs::noun_in_disguise(words, out, i) {
                out.truncate(i);
                out.push(Upos::Noun);
                self.tag_from(i + 1, scratch, out);
            }
        }
    }

    /// Tags the words of `scratch.attrs` from `start` on, after the tags already in `out`.
    fn tag_from(&self, start: usize, scratch: &mut TagScratch, out: &mut Vec<Upos>) {
        let mut scores = [0f32; Upos::COUNT];
        for i in start..scratch.attrs.len() {
            let tag = match scratch.attrs[i].dict {
                Some(t) => t,
                None => {
                    let t1 = i.checked_sub(1).map(|j| out[j]);
                    let t2 = i.checked_sub(2).map(|j| out[j]);
                    features(&scratch.attrs, i, t1, t2, &mut scratch.feats);
                    self.model.scores(&scratch.feats, &mut scores);
                    Upos::from_index(argmax(&scores)).unwrap_or(Upos::X)
                }
            };
            out.push(tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Upos::*;

    fn tag(s: &str) -> Vec<Upos> {
        let words: Vec<&str> = s.split(' ').collect();
        crate::Pipeline::embedded().tagger().tag(&words)
    }

    #[test]
    fn embedded_model_loads_and_tags_news() {
        assert_eq!(
            tag("The minister visited Paris on Monday ."),
            [Det, Noun, Verb, Propn, Adp, Propn, Punct]
        );
        assert_eq!(
            tag("Shares of Acme Corp. fell 3.5 % to $ 12 on Tuesday ."),
            [
                Noun, Adp, Propn, Propn, Verb, Num, Sym, Adp, Sym, Num, Adp, Propn, Punct
            ]
        );
        assert_eq!(
            tag("“ We do n’t expect a deal , ” she said ."),
            [
                Punct, Pron, Aux, Part, Verb, Det, Noun, Punct, Punct, Pron, Verb, Punct
            ]
        );
        assert_eq!(tag("Vietnam ’s navy"), [Propn, Part, Noun]);
        assert!(tag("").len() == 1);
        assert!(crate::Pipeline::embedded().tagger().tag(&[]).is_empty());
    }

    #[test]
    fn corrupt_model_bytes_give_errors() {
        let read = |b: &[u8]| Tagger::from_bytes(b, WordClasses::embedded_shared());
        assert!(read(b"").is_err());
        assert!(read(b"KGPOS\x01").is_err());
        assert!(read(b"KGPOS\x01\x05abc").is_err());
        let bytes = crate::pipeline::EMBEDDED_POS;
        for cut in [7, 100, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&bytes[..cut.min(bytes.len())]).is_err());
        }
        let mut flipped = bytes.to_vec();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0xFF;
        assert!(read(&flipped).is_err());
    }

    #[test]
    fn round_trips_through_bytes() {
        let t = crate::Pipeline::embedded().tagger();
        let back = Tagger::from_bytes(&t.to_bytes(), Arc::clone(&t.classes)).expect("round trip");
        let words = [
            "Officials",
            "said",
            "the",
            "anti-ship",
            "missiles",
            "arrived",
            ".",
        ];
        assert_eq!(back.tag(&words), t.tag(&words));
    }
}
