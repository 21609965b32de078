//! UPOS accuracy of a tagger on tagged sentences.

use std::fmt;
use std::path::Path;

use kg_extract::pos::{TagScratch, Tagger};

use super::Scores;
use crate::Error;
use crate::corpus::ud::TaggedSentence;

/// Words tagged and words tagged right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Words scored.
    pub words: usize,
    /// Words whose predicted UPOS equals the gold one.
    pub correct: usize,
}

impl Report {
    /// Correct / words (0 when there is no word).
    pub fn accuracy(&self) -> f64 {
        super::ratio(self.correct, self.words)
    }
}

impl Scores for Report {
    fn headline(&self) -> Vec<(&'static str, f64)> {
        vec![("accuracy", self.accuracy())]
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "UPOS accuracy {:.2}% ({} of {} words)",
            self.accuracy() * 100.0,
            self.correct,
            self.words
        )
    }
}

/// Tags `sents` with `tagger` and counts the words tagged right.
pub fn score(tagger: &Tagger, sents: &[TaggedSentence]) -> Report {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let mut report = Report::default();
    for s in sents {
        tagger.tag_into(&s.words, &mut scratch, &mut out);
        report.correct += out.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        report.words += s.tags.len();
    }
    report
}

/// Accuracy (0 to 1) of `tagger` on tagged sentences.
pub fn accuracy(tagger: &Tagger, sents: &[TaggedSentence]) -> f64 {
    score(tagger, sents).accuracy()
}

/// Scores `tagger` on a CoNLL-U file.
pub fn evaluate(tagger: &Tagger, conllu: &Path) -> Result<Report, Error> {
    Ok(score(tagger, &crate::pos::read_conllu(conllu)?))
}
