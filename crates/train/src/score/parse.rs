//! Dependency parsing scores: UAS and LAS over every word (punctuation included, as the
//! CoNLL 2018 shared task counts: the headline) and over the words that are not punctuation,
//! precision, recall and F1 of each relation, and lemma accuracy.

use std::collections::BTreeMap;
use std::fmt;

use kg_extract::parse::Parser;
use kg_extract::pos::{Tagger, Upos};
use rayon::prelude::*;

use super::{Scores, f1, ratio};
use crate::corpus::treebank::TreeSentence;

/// The relations listed in every report.
pub const MAIN_RELATIONS: &[&str] = &[
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "obl",
    "obl:agent",
    "nmod",
    "nmod:poss",
    "compound",
    "compound:prt",
    "appos",
    "conj",
    "ccomp",
    "xcomp",
    "acl",
    "acl:relcl",
    "advcl",
    "amod",
    "flat",
];

/// Counts of one relation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RelCounts {
    /// Words the parser gave this relation.
    pub predicted: usize,
    /// Words the gold tree gives this relation.
    pub gold: usize,
    /// Words given it by both, with the right head.
    pub correct: usize,
}

impl RelCounts {
    /// F1 of the relation (labelled attachment).
    pub fn f1(&self) -> f64 {
        f1(
            ratio(self.correct, self.predicted),
            ratio(self.correct, self.gold),
        )
    }
}

/// What [`evaluate`] counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Sentences.
    pub sentences: usize,
    /// Words, and words that are not punctuation.
    pub words: usize,
    /// Words (not punctuation).
    pub words_np: usize,
    /// Right heads, all words and not punctuation.
    pub heads: usize,
    /// Right heads of words that are not punctuation.
    pub heads_np: usize,
    /// Right heads and relations.
    pub labelled: usize,
    /// Right heads and relations of words that are not punctuation.
    pub labelled_np: usize,
    /// Right UPOS (predicted tags).
    pub tags: usize,
    /// Right lemmas (given predicted tags) and lemmas scored.
    pub lemmas: usize,
    /// Lemmas scored (words whose gold lemma is given).
    pub lemma_words: usize,
    /// Counts by relation.
    pub relations: BTreeMap<String, RelCounts>,
    /// Words parsed per second (tags given), one thread.
    pub words_per_sec: f64,
}

impl Report {
    /// Unlabelled attachment score, every word.
    pub fn uas(&self) -> f64 {
        ratio(self.heads, self.words)
    }
    /// Labelled attachment score, every word (the headline).
    pub fn las(&self) -> f64 {
        ratio(self.labelled, self.words)
    }
    /// UAS without punctuation.
    pub fn uas_np(&self) -> f64 {
        ratio(self.heads_np, self.words_np)
    }
    /// LAS without punctuation.
    pub fn las_np(&self) -> f64 {
        ratio(self.labelled_np, self.words_np)
    }
    /// Lemma accuracy.
    pub fn lemma_accuracy(&self) -> f64 {
        ratio(self.lemmas, self.lemma_words)
    }
}

impl Scores for Report {
    fn headline(&self) -> Vec<(&'static str, f64)> {
        vec![("uas", self.uas()), ("las", self.las())]
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} sentences, {} words: UAS {:.2} LAS {:.2} (punctuation included); without punctuation UAS {:.2} LAS {:.2}",
            self.sentences,
            self.words,
            self.uas() * 100.0,
            self.las() * 100.0,
            self.uas_np() * 100.0,
            self.las_np() * 100.0
        )?;
        writeln!(
            f,
            "predicted UPOS {:.2}%; lemmas {:.2}% of {}; parse step {:.0} words/s (one thread, tags given)",
            ratio(self.tags, self.words) * 100.0,
            self.lemma_accuracy() * 100.0,
            self.lemma_words,
            self.words_per_sec
        )?;
        writeln!(f, "relation        gold   pred   F1")?;
        for rel in MAIN_RELATIONS {
            let c = self.relations.get(*rel).copied().unwrap_or_default();
            writeln!(
                f,
                "{rel:<14} {:>5}  {:>5}  {:.2}",
                c.gold,
                c.predicted,
                c.f1() * 100.0
            )?;
        }
        Ok(())
    }
}

/// A sentence's predicted tags, heads and labels (label strings).
#[derive(Clone, Debug)]
pub struct Predicted {
    /// UPOS tags.
    pub tags: Vec<Upos>,
    /// Heads (0 = root).
    pub heads: Vec<u32>,
    /// Relations.
    pub labels: Vec<String>,
}

/// Tags `sents` with `tagger` (every thread) then parses them with `parser` (timed on one
/// thread) and scores the trees and lemmas.
pub fn evaluate(tagger: &Tagger, parser: &Parser, sents: &[TreeSentence]) -> Report {
    let tags: Vec<Vec<Upos>> = sents
        .par_iter()
        .map(|s| tagger.tag(&s.words.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    evaluate_tagged(parser, sents, &tags)
}

/// [`evaluate`] with the tags given.
pub fn evaluate_tagged(parser: &Parser, sents: &[TreeSentence], tags: &[Vec<Upos>]) -> Report {
    let started = std::time::Instant::now();
    let trees: Vec<_> = sents
        .iter()
        .zip(tags)
        .map(|(s, t)| parser.parse(&s.words, t))
        .collect();
    let secs = started.elapsed().as_secs_f64();
    let predicted: Vec<Predicted> = trees
        .into_iter()
        .zip(tags)
        .map(|(t, tags)| Predicted {
            tags: tags.clone(),
            heads: t.heads,
            labels: t
                .labels
                .iter()
                .map(|&l| parser.label(l).to_string())
                .collect(),
        })
        .collect();
    let mut report = score(sents, &predicted);
    report.words_per_sec = report.words as f64 / secs.max(1e-9);
    let lem = parser.lemmatizer();
    for (s, p) in sents.iter().zip(&predicted) {
        for ((w, l), &t) in s.words.iter().zip(&s.lemmas).zip(&p.tags) {
            if l != "_" {
                report.lemma_words += 1;
                report.lemmas += usize::from(lem.lemmatize(w, t) == *l);
            }
        }
    }
    report
}

/// Scores predicted trees against the gold ones (sentence by sentence, in order).
pub fn score(gold: &[TreeSentence], predicted: &[Predicted]) -> Report {
    let mut r = Report::default();
    for (g, p) in gold.iter().zip(predicted) {
        r.sentences += 1;
        for i in 0..g.words.len() {
            let punct = g.tags[i] == Upos::Punct;
            let (gh, gl) = (g.heads[i], g.labels[i].as_str());
            let ph = p.heads.get(i).copied().unwrap_or(u32::MAX);
            let pl = p.labels.get(i).map_or("", String::as_str);
            let head_ok = gh == ph;
            let lab_ok = head_ok && gl == pl;
            r.words += 1;
            r.heads += usize::from(head_ok);
            r.labelled += usize::from(lab_ok);
            r.tags += usize::from(p.tags.get(i) == Some(&g.tags[i]));
            if !punct {
                r.words_np += 1;
                r.heads_np += usize::from(head_ok);
                r.labelled_np += usize::from(lab_ok);
            }
            r.relations.entry(gl.to_string()).or_default().gold += 1;
            let c = r.relations.entry(pl.to_string()).or_default();
            c.predicted += 1;
            c.correct += usize::from(lab_ok);
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_heads_labels_and_punctuation() {
        let gold = TreeSentence {
            words: vec!["We".into(), "won".into(), ".".into()],
            lemmas: vec!["we".into(), "win".into(), ".".into()],
            tags: vec![Upos::Pron, Upos::Verb, Upos::Punct],
            heads: vec![2, 0, 2],
            labels: vec!["nsubj".into(), "root".into(), "punct".into()],
            id: None,
        };
        let pred = Predicted {
            tags: gold.tags.clone(),
            heads: vec![2, 0, 1],
            labels: vec!["obj".into(), "root".into(), "punct".into()],
        };
        let r = score(std::slice::from_ref(&gold), &[pred]);
        assert_eq!((r.words, r.heads, r.labelled), (3, 2, 1));
        assert_eq!((r.words_np, r.heads_np, r.labelled_np), (2, 2, 1));
        assert_eq!(r.relations["nsubj"].gold, 1);
        assert_eq!(r.relations["obj"].predicted, 1);
        assert_eq!(r.relations["nsubj"].f1(), 0.0);
    }
}
