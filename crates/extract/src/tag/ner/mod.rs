//! Named-entity recognition: PER, ORG and LOC spans over tokenised, POS-tagged sentences.
//!
//! * [`Recognizer`]: a BILOU tagger with an averaged structured perceptron
//!   ([`crate::perceptron`]) over word, shape, affix, context, POS, casing and gazetteer
//!   features, decoded with Viterbi under the BILOU constraint (`viterbi`); the trained
//!   weights ship in `data/models/ner.model`. Sentences typed without capitals (all lower case, or
//!   all capitals) are lower-cased and tagged by a second model trained on lower-cased copies
//!   of the training data, `data/models/ner-uncased.model`.
//! * `document`: document-level label consistency (voting and propagation of names found
//!   elsewhere in the document), applied by [`reconcile_document`] and
//!   [`Recognizer::recognize_text`] (not by the sentence-level [`Recognizer::recognize`]).
//! * [`Recognizer::recognize_text`] runs the whole text path (segmentation, POS, NER) and gives
//!   char-offset spans ([`crate::Pipeline::recognize_text`] with the pipeline's models).
//! * [`features`], [`tags`] and [`viterbi`]: the feature extraction, the BILOU tag set and the
//!   decoder, public for the trainer (the `kg-train` crate), which must compute exactly what
//!   the recognizer reads.
//!
//! ```
//! use kg_extract::Pipeline;
//! use kg_extract::ner::NerLabel;
//! let pipeline = Pipeline::embedded();
//! let words = ["Chancellor", "Olaf", "Scholz", "visited", "Munich", "."];
//! let tags = pipeline.tagger().tag(&words);
//! let spans = pipeline.recognizer().recognize(pipeline.lexicon(), &words, &tags);
//! assert!(spans.iter().any(|s| s.label == NerLabel::Loc && words[s.start] == "Munich"));
//! ```

mod context;
pub(crate) mod document;
pub mod features;
mod gazetteer;
mod recognizer;
pub mod tags;
mod text;
pub mod viterbi;

/// Reconciles the spans found sentence by sentence over one document (`spans[k]` are those of
/// `sentences[k]`): one label per name, and names found somewhere labelled where the model
/// missed them (see the `document` module).
pub fn reconcile_document(sentences: &[Vec<&str>], spans: &mut [Vec<Span>]) {
    document::reconcile(sentences, spans);
}

/// Whether a sentence's capitals carry no information (typed all in lower case, or all in
/// capitals): such sentences are tagged by the uncased model, and names in them need no
/// capital letter.
pub fn is_uncased(words: &[&str]) -> bool {
    features::is_uncased(words)
}

pub use context::DocContext;
pub use features::FEATURE_VERSION;
pub use gazetteer::LEXICON_FILES;
pub use recognizer::{Recognizer, RecognizerError};
pub use tags::TokenSpan;
pub use text::TextSpan;

use serde::{Deserialize, Serialize};

use crate::pos::Upos;

/// The entity types the recognizer finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NerLabel {
    /// A person (also fictional), or a named group of people used as a person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation: company, institution, agency, party, team, outlet.
    #[serde(rename = "ORG")]
    Org,
    /// A location: country, city, region, geographic or built place.
    #[serde(rename = "LOC")]
    Loc,
}

impl NerLabel {
    /// Every label, in class order.
    pub const ALL: [NerLabel; 3] = [NerLabel::Per, NerLabel::Org, NerLabel::Loc];

    /// `PER`, `ORG` or `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Per => "PER",
            NerLabel::Org => "ORG",
            NerLabel::Loc => "LOC",
        }
    }

    /// Reads `PER`, `ORG` or `LOC` (exact, as in the corpora).
    pub fn parse(s: &str) -> Option<NerLabel> {
        match s {
            "PER" => Some(NerLabel::Per),
            "ORG" => Some(NerLabel::Org),
            "LOC" => Some(NerLabel::Loc),
            _ => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for NerLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity found in a sentence: tokens `start..end` (end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type.
    pub label: NerLabel,
    /// Confidence in `(0, 1]`: the lowest, over the span's tokens, tempered softmax share of the
    /// chosen tag among the tags allowed there. On UNER dev it roughly tracks precision (spans
    /// scored 0.4-0.5 are right about 40% of the time, above 0.9 about 90%); a ranking signal
    /// first, not a guaranteed probability.
    pub score: f32,
}

/// The feature id of a UPOS tag (what [`features::SentenceFeatures::compute_in`] reads).
pub fn pos_id(tag: Upos) -> u8 {
    tag.index() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(words: &[&str], spans: &[Span]) -> Vec<(String, NerLabel)> {
        spans
            .iter()
            .map(|s| (words[s.start..s.end].join(" "), s.label))
            .collect()
    }

    fn lex() -> &'static crate::lexicon::Lexicon {
        crate::Pipeline::embedded().lexicon()
    }

    #[test]
    fn embedded_model_loads() {
        let r = Recognizer::from_bytes(crate::pipeline::EMBEDDED_NER).expect("valid model");
        assert!(!r.is_empty());
        assert_eq!(r.len(), crate::Pipeline::embedded().recognizer().len());
        let u = Recognizer::from_bytes(crate::pipeline::EMBEDDED_NER_UNCASED)
            .expect("valid uncased model");
        assert!(!u.is_empty());
        assert_eq!(
            crate::Pipeline::embedded()
                .recognizer()
                .uncased()
                .map(Recognizer::len),
            Some(u.len())
        );
    }

    #[test]
    fn sentences_without_capitals_go_to_the_uncased_model() {
        let r = crate::Pipeline::embedded().recognizer();
        let words = [
            "my",
            "brother",
            "works",
            "for",
            "microsoft",
            "in",
            "seattle",
            "now",
        ];
        let tags = crate::Pipeline::embedded().tagger().tag(&words);
        let got = found(&words, &r.recognize(lex(), &words, &tags));
        assert!(got.contains(&("seattle".into(), NerLabel::Loc)), "{got:?}");
        assert!(
            got.contains(&("microsoft".into(), NerLabel::Org)),
            "{got:?}"
        );
        // The cased model alone misses names without their capitals.
        let cased = found(&words, &r.cased().recognize(lex(), &words, &tags));
        assert!(cased.len() < got.len(), "{cased:?}");
        // A sentence with capitals is left to the cased model.
        let words = ["Anna", "flew", "from", "Mexico", "to", "London", "."];
        let tags = crate::Pipeline::embedded().tagger().tag(&words);
        assert_eq!(
            found(&words, &r.recognize(lex(), &words, &tags)),
            found(&words, &r.cased().recognize(lex(), &words, &tags))
        );
    }

    #[test]
    fn known_places_in_lower_case_are_found_in_sentences_with_capitals() {
        let r = crate::Pipeline::embedded().recognizer();
        let words = [
            "Is", "the", "Hilton", "near", "the", "station", "in", "glasgow", "?",
        ];
        let tags = crate::Pipeline::embedded().tagger().tag(&words);
        let got = found(&words, &r.recognize(lex(), &words, &tags));
        assert!(got.contains(&("glasgow".into(), NerLabel::Loc)), "{got:?}");
        assert!(got.contains(&("Hilton".into(), NerLabel::Org)), "{got:?}");
        // Without the uncased model, the cased one alone misses it.
        let cased = found(&words, &r.cased().recognize(lex(), &words, &tags));
        assert!(
            !cased.contains(&("glasgow".into(), NerLabel::Loc)),
            "{cased:?}"
        );
        // A lower-case word that is no known place is not read this way.
        let words = ["We", "had", "tea", "with", "honey", "in", "Paris", "."];
        let tags = crate::Pipeline::embedded().tagger().tag(&words);
        assert_eq!(
            found(&words, &r.recognize(lex(), &words, &tags)),
            found(&words, &r.cased().recognize(lex(), &words, &tags))
        );
    }

    #[test]
    fn finds_a_person_an_organisation_and_a_place() {
        let words = [
            "Maria",
            "Fernandes",
            ",",
            "a",
            "spokeswoman",
            "for",
            "the",
            "World",
            "Bank",
            ",",
            "spoke",
            "to",
            "reporters",
            "in",
            "Nairobi",
            "after",
            "the",
            "meeting",
            ".",
        ];
        let tags = crate::Pipeline::embedded().tagger().tag(&words);
        let spans = crate::Pipeline::embedded()
            .recognizer()
            .recognize(lex(), &words, &tags);
        let got = found(&words, &spans);
        assert!(
            got.contains(&("Maria Fernandes".into(), NerLabel::Per)),
            "{got:?}"
        );
        assert!(
            got.contains(&("World Bank".into(), NerLabel::Org)),
            "{got:?}"
        );
        assert!(got.contains(&("Nairobi".into(), NerLabel::Loc)), "{got:?}");
        assert!(spans.iter().all(|s| s.score > 0.0 && s.score <= 1.0));
    }

    #[test]
    fn text_path_gives_char_offsets() {
        let text = "Ms. Zoë Lindqvist flew from Malmö to Lisbon.";
        let spans = crate::Pipeline::embedded().recognize_text(text);
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<(String, NerLabel)> = spans
            .iter()
            .map(|s| (chars[s.start..s.end].iter().collect(), s.label))
            .collect();
        assert!(got.contains(&("Lisbon".into(), NerLabel::Loc)), "{got:?}");
        assert!(
            spans
                .iter()
                .all(|s| s.start < s.end && s.end <= chars.len())
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        let r = crate::Pipeline::embedded().recognizer();
        assert!(r.recognize(lex(), &[], &[]).is_empty());
        // Fewer tags than words, empty and strange words.
        let _ = r.recognize(lex(), &["", "ÆØÅ", "\u{0}", "McDonald's", "İstanbul"], &[]);
        let _ = crate::Pipeline::embedded().recognize_text("");
        let _ = crate::Pipeline::embedded().recognize_text("\n\n  \t ... !!! 😀 Ünïcödé");
        assert!(matches!(
            Recognizer::from_bytes(b"nope"),
            Err(RecognizerError::BadMagic)
        ));
        assert!(Recognizer::from_bytes(b"KGNR\x03\0\0\0garbage").is_err());
    }
}
