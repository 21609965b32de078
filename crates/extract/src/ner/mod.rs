//! Named-entity recognition: PER, ORG and LOC spans over tokenised, POS-tagged sentences.
//!
//! * [`Recognizer`]: a greedy BILOU tagger with an averaged perceptron
//!   ([`crate::perceptron`]) over word, shape, affix, context, POS, casing and gazetteer
//!   features; the trained weights ship in `data/ner.model`.
//! * [`eval`]: the exact-span scorer, JSONL readers and writers, and the conversion of
//!   tokenised corpora into (docs, gold) files; [`recognize_document`] runs the whole text path
//!   (segmentation, POS, NER) and gives char-offset mentions.
//! * [`data`] and [`gum`]: readers for the Universal NER IOB2 and GUM CoNLL-U corpora;
//!   [`corpus`]: loading them from a data directory; [`train`]: training.
//!
//! ```
//! use kg_extract::ner::{NerLabel, Recognizer};
//! use kg_extract::pos::Tagger;
//! let words = ["Chancellor", "Olaf", "Scholz", "visited", "Munich", "."];
//! let tags = Tagger::embedded().tag(&words);
//! let spans = Recognizer::embedded().recognize(&words, &tags);
//! assert!(spans.iter().any(|s| s.label == NerLabel::Loc && words[s.start] == "Munich"));
//! ```

pub mod corpus;
pub mod data;
pub mod eval;
mod features;
mod gazetteer;
pub mod gum;
pub mod jackknife;
mod recognizer;
mod tags;
mod text;
pub mod train;

pub use eval::{EvalSet, GoldMention, LabelScore, Report, eval_set, evaluate, score};
pub use recognizer::{Recognizer, RecognizerError};
pub use text::{TextSpan, recognize_document, recognize_text};

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
    /// Confidence in `(0, 1]`: the lowest, over the span's tokens, softmax share of the chosen
    /// tag among the tags allowed there (a ranking signal, not a calibrated probability).
    pub score: f32,
}

/// The feature id of a UPOS tag.
pub(crate) fn pos_id(tag: Upos) -> u8 {
    tag.index() as u8
}
