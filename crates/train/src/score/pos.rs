//! UPOS accuracy of a tagger on tagged sentences.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use kg_extract::pos::{TagScratch, Tagger, Upos};

use super::Scores;
use crate::Error;
use crate::corpus::ud::TaggedSentence;

/// Words tagged and words tagged right.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Words scored.
    pub words: usize,
    /// Words whose predicted UPOS equals the gold one.
    pub correct: usize,
    /// Errors by (gold tag, predicted tag).
    pub confusions: BTreeMap<(Upos, Upos), usize>,
}

/// Confusions listed after the accuracy.
const SHOWN_CONFUSIONS: usize = 12;

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
        )?;
        let mut worst: Vec<_> = self.confusions.iter().collect();
        worst.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for ((gold, pred), n) in worst.into_iter().take(SHOWN_CONFUSIONS) {
            write!(f, "\n  gold {gold:?} tagged {pred:?}: {n}")?;
        }
        Ok(())
    }
}

/// Tags `sents` with `tagger` and counts the words tagged right.
pub fn score(tagger: &Tagger, sents: &[TaggedSentence]) -> Report {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let mut report = Report::default();
    for s in sents {
        tagger.tag_into(&s.words, &mut scratch, &mut out);
        for (&pred, &gold) in out.iter().zip(&s.tags) {
            if pred == gold {
                report.correct += 1;
            } else {
                *report.confusions.entry((gold, pred)).or_default() += 1;
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_lists_the_commonest_confusions_first() {
        let mut r = Report {
            words: 100,
            correct: 95,
            ..Report::default()
        };
        r.confusions.insert((Upos::Noun, Upos::Verb), 1);
        r.confusions.insert((Upos::Propn, Upos::Noun), 4);
        let text = r.to_string();
        assert!(text.starts_with("UPOS accuracy 95.00% (95 of 100 words)"));
        let propn = text.find("gold Propn tagged Noun: 4").expect("listed");
        let noun = text.find("gold Noun tagged Verb: 1").expect("listed");
        assert!(propn < noun, "{text}");
    }
}
