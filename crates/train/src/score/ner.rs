//! Exact-span NER scoring over documents: JSONL readers and writers, the scorer and its
//! report, and the conversion of tokenised corpora into (docs, gold) files.
//!
//! Docs are JSONL lines of [`Document`] (`{"id","text"}`); mentions (gold or predicted) are JSONL
//! lines of [`GoldMention`] (`{"doc","start","end","label"}`), offsets in chars of the doc text,
//! end exclusive.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{BufRead, Write};

use serde::{Deserialize, Serialize};

use kg_extract::Pipeline;
use kg_extract::ner::Recognizer;
use kg_extract::{Document, EntityType, Extraction};
use rayon::prelude::*;

use crate::Error;
use crate::corpus::LabeledDoc;
use crate::corpus::text::{TextForm, align};

/// A labelled stretch of a document: what the scorer compares.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GoldMention {
    /// Id of the [`Document`] it is in.
    pub doc: String,
    /// First char (Unicode code point) of the mention.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// `PER`, `ORG` or `LOC` (type names such as `Person` or `Country` are read as their
    /// coarse label; anything else is scored under its own name, outside the micro average).
    pub label: String,
}

/// Reads one JSON value per non-blank line (parse errors carry the line, not the file: see
/// [`Error::in_file`]).
pub fn read_jsonl<T: for<'de> Deserialize<'de>>(reader: impl BufRead) -> Result<Vec<T>, Error> {
    let mut out = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(crate::io(std::path::Path::new("")))?;
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str(&line).map_err(|e| Error::parse(n + 1, e.to_string()))?;
        out.push(value);
    }
    Ok(out)
}

/// Reads docs JSONL (`{"id","text",...}` per line).
pub fn read_docs(reader: impl BufRead) -> Result<Vec<Document>, Error> {
    read_jsonl(reader)
}

/// Reads mentions JSONL (`{"doc","start","end","label"}` per line).
pub fn read_mentions(reader: impl BufRead) -> Result<Vec<GoldMention>, Error> {
    read_jsonl(reader)
}

/// Writes one JSON object per line.
pub fn write_jsonl<T: Serialize>(mut writer: impl Write, items: &[T]) -> std::io::Result<()> {
    for item in items {
        serde_json::to_writer(&mut writer, item)?;
        writer.write_all(b"\n")?;
    }
    writer.flush()
}

/// The labels averaged in [`Report::micro`].
pub const MAIN_LABELS: [&str; 3] = ["PER", "ORG", "LOC"];

/// Counts and scores for one label (or the micro average).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LabelScore {
    /// The label (`micro` for the average).
    pub label: String,
    /// Gold mentions.
    pub gold: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Predicted mentions that match a gold one exactly (doc, start, end and label).
    pub correct: usize,
}

impl LabelScore {
    /// Correct / predicted (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Correct / gold (0 when there is no gold mention).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        super::f1(self.precision(), self.recall())
    }
}

use super::ratio;

/// Exact-span scores per label and micro-averaged over PER, ORG and LOC.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// PER, ORG, LOC, then any other label seen, alphabetically.
    pub labels: Vec<LabelScore>,
    /// Micro average over [`MAIN_LABELS`].
    pub micro: LabelScore,
}

impl super::Scores for Report {
    /// Micro precision, recall and F1 over PER, ORG and LOC.
    fn headline(&self) -> Vec<(&'static str, f64)> {
        vec![
            ("precision", self.micro.precision()),
            ("recall", self.micro.recall()),
            ("f1", self.micro.f1()),
        ]
    }
}

impl Report {
    /// The row of a label, if it is in the report.
    pub fn label(&self, label: &str) -> Option<&LabelScore> {
        self.labels.iter().find(|l| l.label == label)
    }
}

/// The named mentions of an extraction as scorer records: PER, ORG and LOC (events and laws,
/// `MISC`, are not scored), offsets in chars of the document's text.
pub fn extraction_mentions(x: &Extraction) -> Vec<GoldMention> {
    x.mentions
        .iter()
        .filter(|m| m.kind.coarse() != "MISC")
        .map(|m| GoldMention {
            doc: x.doc.id.clone(),
            start: m.start,
            end: m.end,
            label: m.kind.coarse().to_string(),
        })
        .collect()
}

/// The coarse label a mention is scored under.
pub fn normalize_label(label: &str) -> String {
    match EntityType::parse(label) {
        Some(t) => t.coarse().to_string(),
        None => label.to_ascii_uppercase(),
    }
}

type Key = (String, usize, usize, String);

fn keys(mentions: &[GoldMention]) -> HashSet<Key> {
    mentions
        .iter()
        .map(|m| (m.doc.clone(), m.start, m.end, normalize_label(&m.label)))
        .collect()
}

/// Scores `predicted` against `gold`: a prediction is correct when a gold mention has the same
/// doc, start, end and (coarse) label. Duplicate mentions count once.
pub fn score(gold: &[GoldMention], predicted: &[GoldMention]) -> Report {
    let gold = keys(gold);
    let predicted = keys(predicted);
    let mut rows: BTreeMap<String, LabelScore> = BTreeMap::new();
    fn row<'a>(rows: &'a mut BTreeMap<String, LabelScore>, label: &str) -> &'a mut LabelScore {
        rows.entry(label.to_string()).or_insert_with(|| LabelScore {
            label: label.to_string(),
            ..LabelScore::default()
        })
    }
    for l in MAIN_LABELS {
        row(&mut rows, l);
    }
    for k in &gold {
        row(&mut rows, &k.3).gold += 1;
    }
    for k in &predicted {
        let r = row(&mut rows, &k.3);
        r.predicted += 1;
        if gold.contains(k) {
            r.correct += 1;
        }
    }
    let mut labels: Vec<LabelScore> = MAIN_LABELS.iter().filter_map(|l| rows.remove(*l)).collect();
    let mut micro = LabelScore {
        label: "micro".to_string(),
        ..LabelScore::default()
    };
    for l in &labels {
        micro.gold += l.gold;
        micro.predicted += l.predicted;
        micro.correct += l.correct;
    }
    labels.extend(rows.into_values());
    Report { labels, micro }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>6} {:>6} {:>7} {:>9} {:>7} {:>7}",
            "label", "gold", "pred", "correct", "precision", "recall", "f1"
        )?;
        for l in self.labels.iter().chain(std::iter::once(&self.micro)) {
            writeln!(
                f,
                "{:<8} {:>6} {:>6} {:>7} {:>9.2} {:>7.2} {:>7.2}",
                l.label,
                l.gold,
                l.predicted,
                l.correct,
                100.0 * l.precision(),
                100.0 * l.recall(),
                100.0 * l.f1()
            )?;
        }
        Ok(())
    }
}

/// Documents and their gold mentions, ready to be written as two JSONL files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvalSet {
    /// One document per corpus document.
    pub docs: Vec<Document>,
    /// Gold mentions over the docs' text.
    pub gold: Vec<GoldMention>,
}

/// Turns tokenised, labelled documents into text and char-offset gold mentions: the words of a
/// sentence are joined with single spaces, the sentences of a document with `\n`
/// ([`TextForm::Tokens`] of [`eval_set_as`]).
pub fn eval_set(docs: &[LabeledDoc]) -> EvalSet {
    eval_set_as(docs, TextForm::Tokens, &HashMap::new()).0
}

/// What building an eval set on the original sentence texts could not keep.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TextAlignment {
    /// Sentences read.
    pub sentences: usize,
    /// Sentences without an original text (no id, or none in the texts): written as their
    /// tokens joined by spaces.
    pub missing_text: usize,
    /// Tokens read.
    pub tokens: usize,
    /// Tokens that could not be placed on their sentence's text.
    pub unaligned_tokens: usize,
    /// Gold mentions read.
    pub mentions: usize,
    /// Gold mentions left out because one of their tokens is unaligned.
    pub dropped_mentions: usize,
}

impl fmt::Display for TextAlignment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} of {} sentences without text, {} of {} tokens unaligned, {} of {} gold mentions dropped",
            self.missing_text,
            self.sentences,
            self.unaligned_tokens,
            self.tokens,
            self.dropped_mentions,
            self.mentions
        )
    }
}

/// Turns tokenised, labelled documents into text in the given form, with gold mentions as
/// char offsets of that text. For [`TextForm::Lines`] and [`TextForm::Running`] each sentence
/// is the original text `texts` holds under its id, its tokens aligned to it with
/// [`align`]; a gold mention touching a token that could not be
/// aligned is dropped (and counted). `texts` is not read for [`TextForm::Tokens`].
pub fn eval_set_as(
    docs: &[LabeledDoc],
    form: TextForm,
    texts: &HashMap<String, String>,
) -> (EvalSet, TextAlignment) {
    let mut set = EvalSet::default();
    let mut stats = TextAlignment::default();
    let separator = match form {
        TextForm::Tokens | TextForm::Lines => '\n',
        TextForm::Running => ' ',
    };
    for doc in docs {
        let mut text = String::new();
        let mut chars = 0usize;
        for (k, sent) in doc.sentences.iter().enumerate() {
            if k > 0 {
                text.push(separator);
                chars += 1;
            }
            stats.sentences += 1;
            stats.tokens += sent.words.len();
            let original = match form {
                TextForm::Tokens => None,
                TextForm::Lines | TextForm::Running => {
                    let t = sent.id.as_ref().and_then(|id| texts.get(id));
                    stats.missing_text += usize::from(t.is_none());
                    t
                }
            };
            let (sentence, offsets) = match original {
                Some(t) => (t.clone(), align(&sent.words, t)),
                None => joined(&sent.words),
            };
            stats.unaligned_tokens += offsets.iter().filter(|o| o.is_none()).count();
            for s in &sent.spans {
                if s.start >= s.end || s.end > offsets.len() {
                    continue;
                }
                stats.mentions += 1;
                let (Some(first), Some(last)) = (offsets[s.start], offsets[s.end - 1]) else {
                    stats.dropped_mentions += 1;
                    continue;
                };
                if offsets[s.start..s.end].iter().any(Option::is_none) {
                    stats.dropped_mentions += 1;
                    continue;
                }
                set.gold.push(GoldMention {
                    doc: doc.id.clone(),
                    start: chars + first.0,
                    end: chars + last.1,
                    label: s.label.as_str().to_string(),
                });
            }
            chars += sentence.chars().count();
            text.push_str(&sentence);
        }
        set.docs.push(Document {
            id: doc.id.clone(),
            text,
            ..Document::default()
        });
    }
    (set, stats)
}

/// Words joined by single spaces, with each word's char range.
fn joined(words: &[String]) -> (String, Vec<Option<(usize, usize)>>) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut offsets = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
            chars += 1;
        }
        let n = w.chars().count();
        offsets.push(Some((chars, chars + n)));
        text.push_str(w);
        chars += n;
    }
    (text, offsets)
}

/// Runs `recognizer` over the set's documents through the whole text path (segmentation, POS
/// with the pipeline's tagger, NER with its features reading the pipeline's lexicon, char
/// offsets) and scores the result against the set's gold mentions.
pub fn evaluate(pipeline: &Pipeline, recognizer: &Recognizer, set: &EvalSet) -> Report {
    let predicted: Vec<GoldMention> = set
        .docs
        .iter()
        .flat_map(|d| recognize_document(pipeline, recognizer, d))
        .collect();
    score(&set.gold, &predicted)
}

/// The mentions `recognizer` finds in a document (segmentation, POS, NER), as scorer records.
pub fn recognize_document(
    pipeline: &Pipeline,
    recognizer: &Recognizer,
    doc: &Document,
) -> Vec<GoldMention> {
    recognizer
        .recognize_text(pipeline.lexicon(), pipeline.tagger(), &doc.text)
        .into_iter()
        .map(|s| GoldMention {
            doc: doc.id.clone(),
            start: s.start,
            end: s.end,
            label: s.label.as_str().to_string(),
        })
        .collect()
}

/// The named mentions the whole extractor `extract` finds in `docs` (in parallel, in document
/// order): rules and models together, as users get them.
pub fn extractor_mentions(docs: &[Document], pipeline: &Pipeline) -> Vec<GoldMention> {
    docs.par_iter()
        .flat_map_iter(|d| {
            extraction_mentions(&pipeline.extract(d, kg_extract::Options { clean: false }))
        })
        .collect()
}

/// Scores the whole extractor `extract` on a set's documents against its gold mentions.
pub fn evaluate_extractor(set: &EvalSet, pipeline: &Pipeline) -> Report {
    score(&set.gold, &extractor_mentions(&set.docs, pipeline))
}

/// Writes `<dir>/<name>.docs.jsonl` and `<dir>/<name>.gold.jsonl` (creating `dir`).
pub fn write_eval_set(dir: &std::path::Path, name: &str, set: &EvalSet) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let docs = std::fs::File::create(dir.join(format!("{name}.docs.jsonl")))?;
    write_jsonl(std::io::BufWriter::new(docs), &set.docs)?;
    let gold = std::fs::File::create(dir.join(format!("{name}.gold.jsonl")))?;
    write_jsonl(std::io::BufWriter::new(gold), &set.gold)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::LabeledSentence;
    use kg_extract::ner::{NerLabel, TokenSpan};

    fn m(doc: &str, start: usize, end: usize, label: &str) -> GoldMention {
        GoldMention {
            doc: doc.into(),
            start,
            end,
            label: label.into(),
        }
    }

    #[test]
    fn scores_exact_spans_per_label_and_micro() {
        let gold = vec![
            m("a", 0, 5, "PER"),
            m("a", 10, 16, "ORG"),
            m("a", 20, 25, "LOC"),
            m("b", 0, 5, "LOC"),
        ];
        let predicted = vec![
            m("a", 0, 5, "PER"),     // correct
            m("a", 10, 15, "ORG"),   // boundary error
            m("a", 20, 25, "ORG"),   // type error
            m("b", 0, 5, "Country"), // correct: Country is LOC
            m("b", 0, 5, "LOC"),     // duplicate of the above, counted once
            m("b", 7, 9, "MISC"),    // outside the micro average
        ];
        let r = score(&gold, &predicted);
        let per = r.label("PER").expect("row");
        assert_eq!((per.gold, per.predicted, per.correct), (1, 1, 1));
        let org = r.label("ORG").expect("row");
        assert_eq!((org.gold, org.predicted, org.correct), (1, 2, 0));
        assert_eq!(org.f1(), 0.0);
        let loc = r.label("LOC").expect("row");
        assert_eq!((loc.gold, loc.predicted, loc.correct), (2, 1, 1));
        assert!((loc.precision() - 1.0).abs() < 1e-12);
        assert!((loc.recall() - 0.5).abs() < 1e-12);
        assert!((loc.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(r.label("MISC").map(|l| l.predicted), Some(1));
        // Micro: 4 gold, 4 predicted (MISC excluded), 2 correct.
        assert_eq!(
            (r.micro.gold, r.micro.predicted, r.micro.correct),
            (4, 4, 2)
        );
        assert!((r.micro.f1() - 0.5).abs() < 1e-12);
        let table = r.to_string();
        assert!(table.contains("micro"), "{table}");
        assert!(
            table
                .lines()
                .any(|l| l.starts_with("LOC") && l.ends_with("66.67")),
            "{table}"
        );
    }

    #[test]
    fn empty_inputs_score_zero_without_dividing_by_zero() {
        let r = score(&[], &[]);
        assert_eq!(r.micro.f1(), 0.0);
        assert_eq!(r.labels.len(), 3);
        let r = score(&[m("a", 0, 1, "PER")], &[]);
        assert_eq!(r.micro.recall(), 0.0);
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let text = "{\"doc\":\"a\",\"start\":0,\"end\":3,\"label\":\"PER\"}\n\n{\"doc\":\"a\",\"start\":\"x\"}\n";
        let err = read_mentions(text.as_bytes()).expect_err("bad second record");
        assert!(err.to_string().starts_with("line 3:"), "{err}");
        let ok = read_docs("{\"id\":\"d\",\"text\":\"Hi\"}\n".as_bytes()).expect("reads");
        assert_eq!(ok[0].text, "Hi");
    }

    fn sentence(id: &str, words: &str, spans: &[(usize, usize, NerLabel)]) -> LabeledSentence {
        LabeledSentence {
            id: Some(id.into()),
            words: words.split(' ').map(str::to_string).collect(),
            spans: spans
                .iter()
                .map(|&(start, end, label)| TokenSpan { start, end, label })
                .collect(),
        }
    }

    #[test]
    fn eval_set_on_original_text_lines_and_running() {
        let doc = LabeledDoc {
            id: "d".into(),
            sentences: vec![
                sentence(
                    "d-1",
                    "Mia ca n't see Oslo .",
                    &[(0, 1, NerLabel::Per), (4, 5, NerLabel::Loc)],
                ),
                // The corpus reads `gonna` as `going to`: `going` cannot be placed on the text.
                sentence(
                    "d-2",
                    "Zed Co. going to win",
                    &[(0, 2, NerLabel::Org), (2, 3, NerLabel::Per)],
                ),
                sentence("d-3", "Hi Ana", &[(1, 2, NerLabel::Per)]),
            ],
        };
        let texts: HashMap<String, String> = [
            ("d-1", "Mia can't see Oslo."),
            ("d-2", "Zed Co.  gonna win"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();

        let (tokens, stats) = eval_set_as(std::slice::from_ref(&doc), TextForm::Tokens, &texts);
        assert_eq!(tokens, eval_set(std::slice::from_ref(&doc)));
        assert_eq!(stats.dropped_mentions, 0);
        assert_eq!(stats.mentions, 5);

        let (lines, stats) = eval_set_as(std::slice::from_ref(&doc), TextForm::Lines, &texts);
        assert_eq!(
            lines.docs[0].text,
            "Mia can't see Oslo.\nZed Co.  gonna win\nHi Ana"
        );
        assert_eq!(
            lines.gold,
            vec![
                m("d", 0, 3, "PER"),
                m("d", 14, 18, "LOC"),
                m("d", 20, 27, "ORG"),
                m("d", 42, 45, "PER"),
            ]
        );
        assert_eq!(
            stats,
            TextAlignment {
                sentences: 3,
                missing_text: 1,
                tokens: 13,
                unaligned_tokens: 2,
                mentions: 5,
                dropped_mentions: 1,
            }
        );
        assert!(stats.to_string().contains("1 of 5 gold mentions dropped"));

        let (running, _) = eval_set_as(&[doc], TextForm::Running, &texts);
        let text = &running.docs[0].text;
        assert_eq!(text, "Mia can't see Oslo. Zed Co.  gonna win Hi Ana");
        let surface: Vec<String> = running
            .gold
            .iter()
            .map(|g| text.chars().skip(g.start).take(g.end - g.start).collect())
            .collect();
        assert_eq!(surface, ["Mia", "Oslo", "Zed Co.", "Ana"]);
    }

    #[test]
    fn eval_set_offsets_are_in_chars() {
        let doc = LabeledDoc {
            id: "d".into(),
            sentences: vec![
                LabeledSentence {
                    id: None,
                    words: vec!["José".into(), "Núñez".into(), "left".into()],
                    spans: vec![TokenSpan {
                        start: 0,
                        end: 2,
                        label: NerLabel::Per,
                    }],
                },
                LabeledSentence {
                    id: None,
                    words: vec!["Visit".into(), "Köln".into()],
                    spans: vec![TokenSpan {
                        start: 1,
                        end: 2,
                        label: NerLabel::Loc,
                    }],
                },
            ],
        };
        let set = eval_set(&[doc]);
        assert_eq!(set.docs[0].text, "José Núñez left\nVisit Köln");
        assert_eq!(set.gold, vec![m("d", 0, 10, "PER"), m("d", 22, 26, "LOC")]);
        let mut buf = Vec::new();
        write_jsonl(&mut buf, &set.gold).expect("writes");
        let back = read_mentions(buf.as_slice()).expect("reads back");
        assert_eq!(back, set.gold);
    }
}
