//! The labelled-corpus types, the Universal NER (UNER) IOB2 reader and GUM's split list.
//!
//! UNER IOB2 files have one token per line (`index word tag ...`), `#` comments (`# newdoc id =
//! ...` starts a document) and blank lines between sentences. GUM is read by
//! [`super::gum::read_gum`]. Both produce [`LabeledDoc`]s: tokenised sentences with token spans.

use kg_extract::ner::{NerLabel, TokenSpan};

use crate::Error;

fn parse_err(line: usize, message: impl Into<String>) -> Error {
    Error::parse(line, message)
}

/// A tokenised sentence with its gold entity spans (sorted, non-overlapping).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabeledSentence {
    /// The corpus's sentence id (`# sent_id = ...`), when given.
    pub id: Option<String>,
    /// The words, as tokenised by the corpus.
    pub words: Vec<String>,
    /// Gold spans.
    pub spans: Vec<TokenSpan>,
}

/// A document of labelled sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabeledDoc {
    /// Document identifier (`newdoc id`, or the GUM document name).
    pub id: String,
    /// Its sentences in order.
    pub sentences: Vec<LabeledSentence>,
}

impl LabeledDoc {
    /// Number of words in the document.
    pub fn word_count(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// Parses a UNER label column value (`O`, `B-PER`, `I-LOC`, ...). Unknown types (`OTH`) read as `O`.
fn uner_tag(tag: &str) -> Option<(bool, Option<NerLabel>)> {
    if tag == "O" {
        return Some((false, None));
    }
    let (prefix, kind) = tag.split_once('-')?;
    let begin = match prefix {
        "B" => true,
        "I" => false,
        _ => return None,
    };
    Some((begin, NerLabel::parse(kind)))
}

/// Reads a UNER IOB2 file. Sentences before the first `# newdoc` go into a document named
/// `doc-1`; an `I-` tag that does not continue a span of its type starts one.
pub fn read_uner(text: &str) -> Result<Vec<LabeledDoc>, Error> {
    let mut docs: Vec<LabeledDoc> = Vec::new();
    let mut sent = LabeledSentence::default();
    let mut open: Option<(usize, NerLabel)> = None;
    let mut sent_id: Option<String> = None;

    fn close(sent: &mut LabeledSentence, open: &mut Option<(usize, NerLabel)>) {
        if let Some((start, label)) = open.take() {
            let end = sent.words.len();
            sent.spans.push(TokenSpan { start, end, label });
        }
    }
    fn flush(
        docs: &mut Vec<LabeledDoc>,
        sent: &mut LabeledSentence,
        open: &mut Option<(usize, NerLabel)>,
    ) {
        close(sent, open);
        if sent.words.is_empty() {
            return;
        }
        if docs.is_empty() {
            docs.push(LabeledDoc {
                id: "doc-1".to_string(),
                sentences: Vec::new(),
            });
        }
        if let Some(doc) = docs.last_mut() {
            doc.sentences.push(std::mem::take(sent));
        }
    }

    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut sent, &mut open);
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(id) = comment.trim().strip_prefix("sent_id =") {
                sent_id = Some(id.trim().to_string());
            }
            if let Some(id) = comment.trim().strip_prefix("newdoc id =") {
                flush(&mut docs, &mut sent, &mut open);
                docs.push(LabeledDoc {
                    id: id.trim().to_string(),
                    sentences: Vec::new(),
                });
            }
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(_index), Some(word), Some(tag)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(parse_err(
                line_no,
                "expected at least 3 tab-separated columns",
            ));
        };
        let (begin, kind) =
            uner_tag(tag.trim()).ok_or_else(|| parse_err(line_no, format!("bad tag {tag:?}")))?;
        let continues = !begin && kind.is_some() && open.is_some_and(|(_, l)| Some(l) == kind);
        if !continues {
            close(&mut sent, &mut open);
            if let Some(label) = kind {
                open = Some((sent.words.len(), label));
            }
        }
        if sent.words.is_empty() {
            sent.id = sent_id.take();
        }
        sent.words.push(word.to_string());
    }
    flush(&mut docs, &mut sent, &mut open);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// The GUM split a document belongs to, from the `splits.md` file of the corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Split {
    /// Training data (any document not listed under dev or test).
    Train,
    /// Development data, for tuning.
    Dev,
    /// Held-out test data.
    Test,
}

/// Parses GUM's `splits.md`: `## dev` / `## test` headings followed by `* GUM_...` items.
/// Returns the names listed under dev and test; every other document is train.
pub fn read_gum_splits(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut dev, mut test) = (Vec::new(), Vec::new());
    let mut section = "";
    for line in text.lines() {
        let line = line.trim();
        if let Some(h) = line.strip_prefix("##") {
            section = match h.trim() {
                "dev" => "dev",
                "test" => "test",
                _ => "",
            };
        } else if let Some(item) = line.strip_prefix('*') {
            let name = item.trim().to_string();
            match section {
                "dev" => dev.push(name),
                "test" => test.push(name),
                _ => {}
            }
        }
    }
    (dev, test)
}

/// The split of a GUM document given the lists from [`read_gum_splits`].
pub fn gum_split(name: &str, dev: &[String], test: &[String]) -> Split {
    if dev.iter().any(|d| d == name) {
        Split::Dev
    } else if test.iter().any(|t| t == name) {
        Split::Test
    } else {
        Split::Train
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IOB2: &str = "# newdoc id = d1\n# sent_id = d1-1\n# text = Ann Lee went to New York .\n\
1\tAnn\tB-PER\t-\t-\n2\tLee\tI-PER\t-\t-\n3\twent\tO\t-\t-\n4\tto\tO\t-\t-\n\
5\tNew\tB-LOC\t-\t-\n6\tYork\tI-LOC\t-\t-\n7\t.\tO\t-\t-\n\n\
# sent_id = d1-2\n1\tAcme\tI-ORG\t-\t-\n2\tpaid\tO\t-\t-\n\n\
# newdoc id = d2\n1\tHi\tO\t-\t-\n";

    #[test]
    fn reads_uner_documents_sentences_and_spans() {
        let docs = read_uner(IOB2).expect("parses");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "d1");
        assert_eq!(docs[0].sentences.len(), 2);
        let s = &docs[0].sentences[0];
        assert_eq!(s.words.join(" "), "Ann Lee went to New York .");
        assert_eq!(s.id.as_deref(), Some("d1-1"));
        assert_eq!(
            s.spans,
            vec![
                TokenSpan {
                    start: 0,
                    end: 2,
                    label: NerLabel::Per
                },
                TokenSpan {
                    start: 4,
                    end: 6,
                    label: NerLabel::Loc
                },
            ]
        );
        // A leading I- tag starts a span.
        assert_eq!(
            docs[0].sentences[1].spans,
            vec![TokenSpan {
                start: 0,
                end: 1,
                label: NerLabel::Org
            }]
        );
        assert_eq!(docs[1].word_count(), 1);
    }

    #[test]
    fn uner_errors_carry_line_numbers() {
        let err = read_uner("1\tA\tO\n2\tB\tX-PER\n").expect_err("bad tag");
        assert!(err.to_string().starts_with("line 2:"), "{err}");
        let err = read_uner("1\tA\n").expect_err("too few columns");
        assert!(err.to_string().starts_with("line 1:"), "{err}");
    }

    #[test]
    fn reads_gum_splits() {
        let md = "# Splits\n## dev\n  * GUM_a\n## test\n  * GUM_b\n## train\n  * GUM_c\n";
        let (dev, test) = read_gum_splits(md);
        assert_eq!(dev, ["GUM_a"]);
        assert_eq!(test, ["GUM_b"]);
        assert_eq!(gum_split("GUM_a", &dev, &test), Split::Dev);
        assert_eq!(gum_split("GUM_b", &dev, &test), Split::Test);
        assert_eq!(gum_split("GUM_c", &dev, &test), Split::Train);
    }
}
