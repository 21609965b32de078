//! Evaluation of coreference against GUM: does kg make one entity per real thing?
//!
//! Gold data is GUM (CoNLL-U with CorefUD entity brackets in MISC `Entity=`). Every document is
//! turned into text the way [`super::ner::eval_set`] does it (words joined by spaces, sentences
//! by `\n`), and every gold mention that is *named* is kept with its exact char span, its
//! coreference cluster in the document and its Wikipedia identity when annotated. A mention is
//! named when its syntactic head (the first word whose head lies outside the mention) is a
//! `PROPN`, or when it carries a Wikipedia identity.
//!
//! Our mentions (from the extractor given to [`evaluate_within`]) are paired one-to-one with gold named mentions:
//!
//! * **exact**: the char spans are equal;
//! * **head**: otherwise, both spans end in the same GUM word. The gold mention's last word is
//!   its last word without trailing punctuation and possessive markers (`Trump 's` -> `Trump`),
//!   or, when its head is a proper noun, the last word of the proper-noun run that starts at the
//!   head (`Mary Chaworth , whom he met` -> `Chaworth`). On several candidates the gold mention
//!   closest to ours wins (fewest chars apart at both ends), so `University of Copenhagen` pairs
//!   with `the University of Copenhagen`, not with the nested `Copenhagen`.
//!
//! Clustering is scored with B-cubed ([`bcubed`]) over the paired mentions only, so the score
//! measures grouping, not recognition:
//!
//! * [`evaluate_within`]: the test split, each document on its own; gold = the GUM cluster, ours
//!   = the entity key of the mention in its document;
//! * [`evaluate_across`]: every document (train, dev, test) as one corpus, resolved with
//!   [`kg_extract::Pipeline::resolve`]; gold = the Wikipedia title (mentions without one are left out), ours =
//!   the resolved entity key.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use kg_extract::{Document, Extraction, Mention};

use kg_extract::Pipeline;

use super::extract_all;
use crate::Error;
use crate::corpus::conllu::{EntityBracket, EntityFields, Item, items, parse_entity_brackets};
use crate::corpus::{Split, gum_split, read_gum_splits};

/// A named gold mention of a GUM document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldMention {
    /// First char of the mention in [`GumDoc::text`].
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Coreference cluster id, unique within the document.
    pub cluster: String,
    /// GUM entity type (`person`, `place`, `organization`, ...).
    pub kind: String,
    /// Wikipedia title (as GUM writes it, `Fort_Lee%2C_New_Jersey`), when annotated on the
    /// mention or on another mention of its cluster.
    pub identity: Option<String>,
    /// Indices into [`GumDoc::words`] of the words the head match accepts as its last word.
    pub last_words: Vec<usize>,
}

/// A GUM document: its text and its named gold mentions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GumDoc {
    /// Document name (`GUM_news_nasa`).
    pub id: String,
    /// Words joined by spaces, sentences by `\n`.
    pub text: String,
    /// Char span (start, end) of every word of the text.
    pub words: Vec<(usize, usize)>,
    /// Named mentions, in order of their closing bracket.
    pub mentions: Vec<GoldMention>,
}

impl GumDoc {
    /// The document as the extractor's input.
    pub fn document(&self) -> Document {
        Document {
            id: self.id.clone(),
            text: self.text.clone(),
            ..Document::default()
        }
    }

    /// The index of the word that contains char `c`, if any.
    fn word_at(&self, c: usize) -> Option<usize> {
        let i = self.words.partition_point(|&(_, end)| end <= c);
        self.words
            .get(i)
            .filter(|&&(start, _)| start <= c)
            .map(|_| i)
    }
}

/// One word line of the CoNLL-U file: the columns needed here.
#[derive(Debug)]
struct Word {
    upos: String,
    /// Doc-level index of its syntactic head; `None` for the root.
    head: Option<usize>,
}

/// Reads a GUM `.conllu` file; the document id is the file stem.
pub fn read_gum_named(path: &Path) -> Result<GumDoc, Error> {
    let text = crate::read_text(path)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_gum_named(&id, &text).map_err(|e| e.in_file(path))
}

/// Parses one GUM document given as CoNLL-U text (see the module docs).
pub fn parse_gum_named(id: &str, conllu: &str) -> Result<GumDoc, Error> {
    let err = |line: usize, message: String| Error::Parse {
        path: PathBuf::from(id),
        line,
        message,
    };
    let mut doc = GumDoc {
        id: id.to_string(),
        ..GumDoc::default()
    };
    let mut words: Vec<Word> = Vec::new();
    let mut brackets: Vec<EntityBracket> = Vec::new();
    let mut open: Vec<EntityBracket> = Vec::new();
    let mut fields = EntityFields::default();
    let mut sent_start = 0usize;
    let mut chars = 0usize;
    for item in items(conllu) {
        let w = match item.map_err(|(line, message)| err(line, message))? {
            Item::Comment(comment) => {
                if let Some(spec) = comment.strip_prefix("global.Entity =") {
                    fields = EntityFields::from_spec(spec.trim());
                }
                continue;
            }
            Item::Word(w) => w,
        };
        if w.opens_sentence {
            sent_start = words.len();
            if !doc.words.is_empty() {
                doc.text.push('\n');
                chars += 1;
            }
        } else {
            doc.text.push(' ');
            chars += 1;
        }
        let form = w.form;
        let len = form.chars().count();
        doc.words.push((chars, chars + len));
        doc.text.push_str(form);
        chars += len;
        let index = words.len();
        words.push(Word {
            upos: w.upos.to_string(),
            head: (w.head > 0).then(|| sent_start + w.head - 1),
        });
        if let Some(value) = w.misc.split('|').find_map(|f| f.strip_prefix("Entity=")) {
            parse_entity_brackets(value, index, fields, &mut open, &mut brackets)
                .map_err(|m| err(w.line, m))?;
        }
    }
    if let Some(b) = open.first() {
        return Err(err(
            conllu.lines().count(),
            format!("entity {} opened but never closed", b.cluster),
        ));
    }
    // Identity of each cluster, for mentions of it that do not repeat it.
    let mut identities: HashMap<String, String> = HashMap::new();
    for b in &brackets {
        if let Some(identity) = &b.identity {
            identities
                .entry(b.cluster.clone())
                .or_insert_with(|| identity.clone());
        }
    }
    for b in &brackets {
        let head = (b.start..b.end)
            .find(|&i| words[i].head.is_none_or(|h| h < b.start || h >= b.end))
            .unwrap_or(b.start);
        if words[head].upos != "PROPN" && b.identity.is_none() {
            continue;
        }
        let (start, end) = (doc.words[b.start].0, doc.words[b.end - 1].1);
        let mut last = b.end - 1;
        while last > b.start
            && (words[last].upos == "PUNCT" || is_possessive(&words[last].upos, &doc, last))
        {
            last -= 1;
        }
        let mut last_words = vec![last];
        if words[head].upos == "PROPN" {
            let mut run = head;
            while run + 1 < b.end && words[run + 1].upos == "PROPN" {
                run += 1;
            }
            if run != last {
                last_words.push(run);
            }
        }
        doc.mentions.push(GoldMention {
            start,
            end,
            text: doc.text.chars().skip(start).take(end - start).collect(),
            cluster: b.cluster.clone(),
            kind: b.kind.clone(),
            identity: b
                .identity
                .clone()
                .or_else(|| identities.get(&b.cluster).cloned()),
            last_words,
        });
    }
    Ok(doc)
}

fn is_possessive(upos: &str, doc: &GumDoc, word: usize) -> bool {
    let (s, e) = doc.words[word];
    let form: String = doc.text.chars().skip(s).take(e - s).collect();
    upos == "PART" && matches!(form.as_str(), "'s" | "’s" | "'" | "’" | "'S")
}

/// B-cubed precision, recall and F1 of a clustering against gold clusters.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BCubed {
    /// Mean over mentions of |own cluster ∩ gold cluster| / |own cluster|.
    pub precision: f64,
    /// Mean over mentions of |own cluster ∩ gold cluster| / |gold cluster|.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
    /// Number of mentions scored.
    pub mentions: usize,
}

/// Scores `(gold cluster, our cluster)` labels, one pair per mention, with B-cubed. Empty input
/// scores 0.
pub fn bcubed<G: AsRef<str>, O: AsRef<str>>(pairs: &[(G, O)]) -> BCubed {
    let mut gold: HashMap<&str, usize> = HashMap::new();
    let mut ours: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(&str, &str), usize> = HashMap::new();
    for (g, o) in pairs {
        let (g, o) = (g.as_ref(), o.as_ref());
        *gold.entry(g).or_default() += 1;
        *ours.entry(o).or_default() += 1;
        *both.entry((g, o)).or_default() += 1;
    }
    let n = pairs.len();
    if n == 0 {
        return BCubed::default();
    }
    let (mut p, mut r) = (0.0, 0.0);
    // Every mention of a (gold, ours) cell has the same overlap, so sum per cell.
    for (&(g, o), &k) in &both {
        let k = k as f64;
        p += k * k / ours[o] as f64;
        r += k * k / gold[g] as f64;
    }
    let (precision, recall) = (p / n as f64, r / n as f64);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed {
        precision,
        recall,
        f1,
        mentions: n,
    }
}

/// How a mention of ours was paired with a gold mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchKind {
    /// Same char span.
    Exact,
    /// Same last word (see the module docs).
    Head,
}

/// A mention found by both sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// Index into [`GumDoc::mentions`].
    pub gold: usize,
    /// Index into the mentions of our extraction.
    pub ours: usize,
    /// How they were paired.
    pub kind: MatchKind,
}

/// Pairs our mentions with the document's gold mentions, one-to-one: exact spans first, then
/// same last word, the closest gold span first.
pub fn pair_mentions(doc: &GumDoc, ours: &[Mention]) -> Vec<Pair> {
    let mut used = vec![false; doc.mentions.len()];
    let mut paired = vec![false; ours.len()];
    let mut pairs = Vec::new();
    let mut by_span: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, g) in doc.mentions.iter().enumerate() {
        by_span.entry((g.start, g.end)).or_default().push(i);
    }
    for (k, m) in ours.iter().enumerate() {
        if let Some(&i) = by_span
            .get(&(m.start, m.end))
            .and_then(|c| c.iter().find(|&&i| !used[i]))
        {
            used[i] = true;
            paired[k] = true;
            pairs.push(Pair {
                gold: i,
                ours: k,
                kind: MatchKind::Exact,
            });
        }
    }
    let mut by_last: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, g) in doc.mentions.iter().enumerate() {
        for &w in &g.last_words {
            by_last.entry(w).or_default().push(i);
        }
    }
    for (k, m) in ours.iter().enumerate() {
        if paired[k] || m.end <= m.start {
            continue;
        }
        let Some(word) = doc.word_at(m.end - 1) else {
            continue;
        };
        let best = by_last.get(&word).and_then(|c| {
            c.iter().copied().filter(|&i| !used[i]).min_by_key(|&i| {
                let g = &doc.mentions[i];
                (g.start.abs_diff(m.start) + g.end.abs_diff(m.end), i)
            })
        });
        if let Some(i) = best {
            used[i] = true;
            pairs.push(Pair {
                gold: i,
                ours: k,
                kind: MatchKind::Head,
            });
        }
    }
    pairs.sort_by_key(|p| p.ours);
    pairs
}

/// Which clustering a [`Report`] measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Inside each document of the test split.
    Within,
    /// Across every document, after [`kg_extract::Pipeline::resolve`].
    Across,
}

/// Scores over one way of pairing mentions.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Row {
    /// Mentions found by both sides.
    pub matched: usize,
    /// B-cubed over them.
    pub score: BCubed,
}

/// One scored mention, kept for the error listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scored {
    /// Document id.
    pub doc: String,
    /// Gold cluster label (`doc#id:identity` within documents, the Wikipedia title across).
    pub gold: String,
    /// Our cluster label (`doc#key` within documents, the resolved key across).
    pub ours: String,
    /// Our mention's text.
    pub text: String,
    /// How it was paired.
    pub kind: MatchKind,
}

/// A cluster on one side that is spread over several clusters on the other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterError {
    /// The cluster that is mixed (ours for a wrong merge, gold for a wrong split).
    pub cluster: String,
    /// Mentions outside its largest part.
    pub wrong: usize,
    /// Its parts on the other side, largest first: label, mention count, distinct texts.
    pub parts: Vec<(String, usize, Vec<String>)>,
}

/// The result of [`evaluate_within`] or [`evaluate_across`].
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// What was measured.
    pub scope: Scope,
    /// Documents read.
    pub documents: usize,
    /// Gold named mentions in scope (across documents: those with a Wikipedia title).
    pub gold_mentions: usize,
    /// Our mentions.
    pub our_mentions: usize,
    /// Exact span matches only.
    pub exact: Row,
    /// Exact and head matches.
    pub head: Row,
    /// Every mention scored in the `head` row.
    pub scored: Vec<Scored>,
}

impl super::Scores for Report {
    /// B-cubed precision, recall and F1 over exact span matches, then with head matching.
    fn headline(&self) -> Vec<(&'static str, f64)> {
        vec![
            ("exact precision", self.exact.score.precision),
            ("exact recall", self.exact.score.recall),
            ("exact f1", self.exact.score.f1),
            ("head precision", self.head.score.precision),
            ("head recall", self.head.score.recall),
            ("head f1", self.head.score.f1),
        ]
    }
}

impl Report {
    fn new(scope: Scope, documents: usize, gold: usize, ours: usize, scored: Vec<Scored>) -> Self {
        let pairs = |exact_only: bool| -> Vec<(&str, &str)> {
            scored
                .iter()
                .filter(|s| !exact_only || s.kind == MatchKind::Exact)
                .map(|s| (s.gold.as_str(), s.ours.as_str()))
                .collect()
        };
        let row = |exact_only: bool| {
            let p = pairs(exact_only);
            Row {
                matched: p.len(),
                score: bcubed(&p),
            }
        };
        Report {
            scope,
            documents,
            gold_mentions: gold,
            our_mentions: ours,
            exact: row(true),
            head: row(false),
            scored,
        }
    }

    /// Our clusters that join mentions of several gold clusters, worst first (head matching).
    pub fn wrong_merges(&self) -> Vec<ClusterError> {
        mixed(&self.scored, |s| (&s.ours, &s.gold))
    }

    /// Gold clusters that we spread over several clusters, worst first (head matching).
    pub fn wrong_splits(&self) -> Vec<ClusterError> {
        mixed(&self.scored, |s| (&s.gold, &s.ours))
    }

    /// Displays the `n` worst wrong merges and splits.
    pub fn errors(&self, n: usize) -> Errors<'_> {
        Errors { report: self, n }
    }
}

fn mixed(scored: &[Scored], side: impl Fn(&Scored) -> (&String, &String)) -> Vec<ClusterError> {
    let mut groups: BTreeMap<&String, BTreeMap<&String, (usize, Vec<String>)>> = BTreeMap::new();
    for s in scored {
        let (outer, inner) = side(s);
        let part = groups.entry(outer).or_default().entry(inner).or_default();
        part.0 += 1;
        if !part.1.contains(&s.text) {
            part.1.push(s.text.clone());
        }
    }
    let mut out: Vec<ClusterError> = groups
        .into_iter()
        .filter(|(_, parts)| parts.len() > 1)
        .map(|(cluster, parts)| {
            let mut parts: Vec<(String, usize, Vec<String>)> = parts
                .into_iter()
                .map(|(k, (n, texts))| (k.clone(), n, texts))
                .collect();
            parts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let total: usize = parts.iter().map(|p| p.1).sum();
            ClusterError {
                cluster: cluster.clone(),
                wrong: total - parts[0].1,
                parts,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.wrong
            .cmp(&a.wrong)
            .then_with(|| a.cluster.cmp(&b.cluster))
    });
    out
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = match self.scope {
            Scope::Within => "coreference within documents (GUM test)",
            Scope::Across => "coreference across documents (GUM all, gold = Wikipedia title)",
        };
        writeln!(f, "{title}")?;
        writeln!(
            f,
            "documents {}, gold named mentions {}, our mentions {}",
            self.documents, self.gold_mentions, self.our_mentions
        )?;
        writeln!(
            f,
            "{:<14} {:>8} {:>9} {:>7} {:>7}",
            "matching", "matched", "B3 prec", "recall", "F1"
        )?;
        for (name, row) in [("exact", &self.exact), ("exact+head", &self.head)] {
            writeln!(
                f,
                "{:<14} {:>8} {:>9.3} {:>7.3} {:>7.3}",
                name, row.matched, row.score.precision, row.score.recall, row.score.f1
            )?;
        }
        Ok(())
    }
}

/// The worst wrong merges and splits of a [`Report`], for display.
#[derive(Clone, Copy, Debug)]
pub struct Errors<'a> {
    report: &'a Report,
    n: usize,
}

impl fmt::Display for Errors<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lists = [
            (
                "wrong merges (one of ours, several gold)",
                self.report.wrong_merges(),
            ),
            (
                "wrong splits (one gold, several of ours)",
                self.report.wrong_splits(),
            ),
        ];
        for (title, list) in lists {
            writeln!(f, "{title}: {} clusters", list.len())?;
            for e in list.iter().take(self.n) {
                writeln!(f, "  {} ({} misplaced)", e.cluster, e.wrong)?;
                for (label, count, texts) in &e.parts {
                    let shown: Vec<&str> = texts.iter().take(5).map(String::as_str).collect();
                    writeln!(f, "      {count:>3} x {label}: {shown:?}")?;
                }
            }
        }
        Ok(())
    }
}

/// Lists the GUM documents of `data_dir/gum` with their split, sorted by name.
fn gum_files(data_dir: &Path) -> Result<Vec<(PathBuf, Split)>, Error> {
    let dir = data_dir.join("gum");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let splits = dir.join("splits.md");
    let (dev, test) = read_gum_splits(&std::fs::read_to_string(&splits).map_err(io(&splits))?);
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(io(&dir))? {
        let path = entry.map_err(io(&dir))?.path();
        if path.extension().is_some_and(|e| e == "conllu")
            && let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned())
        {
            files.push((path, gum_split(&stem, &dev, &test)));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// The extractor inputs of GUM documents.
fn documents(docs: &[GumDoc]) -> Vec<Document> {
    docs.iter().map(GumDoc::document).collect()
}

fn read_docs(data_dir: &Path, keep: impl Fn(Split) -> bool) -> Result<Vec<GumDoc>, Error> {
    gum_files(data_dir)?
        .into_iter()
        .filter(|(_, split)| keep(*split))
        .map(|(path, _)| read_gum_named(&path))
        .collect()
}

/// Scores our clustering inside each test document of `data_dir/gum` against GUM's clusters.
pub fn evaluate_within(data_dir: &Path, pipeline: &Pipeline) -> Result<Report, Error> {
    let docs = read_docs(data_dir, |s| s == Split::Test)?;
    let extractions = extract_all(&documents(&docs), pipeline);
    Ok(score_within(&docs, &extractions))
}

/// Scores extractions of `docs` (in the same order) against the gold clusters of each document.
pub fn score_within(docs: &[GumDoc], extractions: &[Extraction]) -> Report {
    let mut scored = Vec::new();
    for (doc, ex) in docs.iter().zip(extractions) {
        for p in pair_mentions(doc, &ex.mentions) {
            let g = &doc.mentions[p.gold];
            let m = &ex.mentions[p.ours];
            let what = g.identity.as_deref().unwrap_or(&g.kind);
            scored.push(Scored {
                doc: doc.id.clone(),
                gold: format!("{}#{}:{}", doc.id, g.cluster, what),
                ours: format!("{}#{}", doc.id, m.entity),
                text: m.text.clone(),
                kind: p.kind,
            });
        }
    }
    Report::new(
        Scope::Within,
        docs.len(),
        docs.iter().map(|d| d.mentions.len()).sum(),
        extractions.iter().map(|x| x.mentions.len()).sum(),
        scored,
    )
}

/// Scores our cross-document resolution over every GUM document of `data_dir/gum` against
/// Wikipedia titles.
pub fn evaluate_across(data_dir: &Path, pipeline: &Pipeline) -> Result<Report, Error> {
    let docs = read_docs(data_dir, |_| true)?;
    let mut extractions = extract_all(&documents(&docs), pipeline);
    pipeline.resolve(&mut extractions, &[]);
    Ok(score_across(&docs, &extractions))
}

/// Scores resolved extractions of `docs` (in the same order) against Wikipedia titles; gold
/// mentions without a title are left out.
pub fn score_across(docs: &[GumDoc], extractions: &[Extraction]) -> Report {
    let mut scored = Vec::new();
    for (doc, ex) in docs.iter().zip(extractions) {
        for p in pair_mentions(doc, &ex.mentions) {
            let m = &ex.mentions[p.ours];
            if let Some(title) = &doc.mentions[p.gold].identity {
                scored.push(Scored {
                    doc: doc.id.clone(),
                    gold: title.clone(),
                    ours: m.entity.clone(),
                    text: m.text.clone(),
                    kind: p.kind,
                });
            }
        }
    }
    Report::new(
        Scope::Across,
        docs.len(),
        docs.iter()
            .flat_map(|d| &d.mentions)
            .filter(|m| m.identity.is_some())
            .count(),
        extractions.iter().map(|x| x.mentions.len()).sum(),
        scored,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::ner::eval_set;
    use kg_extract::EntityType;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn bcubed_on_hand_made_clusterings() {
        // Gold {1,2,3} {4,5}; ours {1,2} {3,4,5}.
        let pairs = [("a", "x"), ("a", "x"), ("a", "y"), ("b", "y"), ("b", "y")];
        let s = bcubed(&pairs);
        assert_eq!(s.mentions, 5);
        assert!(close(s.precision, 11.0 / 15.0), "{s:?}");
        assert!(close(s.recall, 11.0 / 15.0), "{s:?}");
        assert!(close(s.f1, 11.0 / 15.0), "{s:?}");

        // Everything merged: precision (2/3 + 2/3 + 1/3) / 3 = 5/9, recall 1, F1 5/7.
        let s = bcubed(&[("a", "x"), ("a", "x"), ("b", "x")]);
        assert!(close(s.precision, 5.0 / 9.0) && close(s.recall, 1.0));
        assert!(close(s.f1, 5.0 / 7.0), "{s:?}");

        // Everything split: precision 1, recall (1/2 + 1/2 + 1) / 3 = 2/3, F1 4/5.
        let s = bcubed(&[("a", "x"), ("a", "y"), ("b", "z")]);
        assert!(close(s.precision, 1.0) && close(s.recall, 2.0 / 3.0));
        assert!(close(s.f1, 0.8), "{s:?}");

        // Labels are names, not values: a renamed perfect clustering scores 1.
        let s = bcubed(&[("a", "b"), ("b", "a")]);
        assert!(close(s.f1, 1.0));

        let empty: [(&str, &str); 0] = [];
        assert_eq!(bcubed(&empty), BCubed::default());
    }

    fn row(i: usize, form: &str, upos: &str, head: usize, misc: &str) -> String {
        format!("{i}\t{form}\t_\t{upos}\t_\t_\t{head}\tdep\t_\t{misc}\n")
    }

    /// "The United States 's Ann Lee met her ." / "Lee , whom they met , smiled ."
    fn snippet() -> String {
        let mut t = String::from(
            "# newdoc id = x\n# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity\n",
        );
        t += &row(
            1,
            "The",
            "DET",
            3,
            "Entity=(1-place-new-s-c-1-coref-United_States",
        );
        t += &row(2, "United", "PROPN", 3, "_");
        t += &row(3, "States", "PROPN", 5, "_");
        t += &row(4, "'s", "PART", 3, "Entity=1)");
        t += "5-6\tAnnLee\t_\t_\t_\t_\t_\t_\t_\t_\n";
        t += &row(
            5,
            "Ann",
            "PROPN",
            7,
            "Entity=(2-person-new-s-c-1-coref-Ann_Lee",
        );
        t += &row(6, "Lee", "PROPN", 5, "Entity=2)");
        t += &row(7, "met", "VERB", 0, "_");
        t += &row(
            8,
            "her",
            "PRON",
            7,
            "Entity=(2-person-giv-s-c-1-coref-Ann_Lee)",
        );
        t += &row(9, ".", "PUNCT", 7, "_");
        t += "\n# sent_id = x-2\n";
        t += &row(1, "Lee", "PROPN", 7, "Entity=(2-person-giv-s-c-1-coref");
        t += &row(2, ",", "PUNCT", 5, "_");
        t += &row(3, "whom", "PRON", 5, "_");
        t += &row(4, "they", "PRON", 5, "Entity=(3-person-new-s-c-1-sgl)");
        t += &row(5, "met", "VERB", 1, "_");
        t += &row(6, ",", "PUNCT", 5, "Entity=2)");
        t += "6.1\tsaw\t_\t_\t_\t_\t_\t_\t_\t_\n";
        t += &row(7, "smiled", "VERB", 0, "_");
        t += &row(8, ".", "PUNCT", 7, "_");
        t
    }

    #[test]
    fn reads_named_mentions_with_clusters_and_identities() {
        let doc = parse_gum_named("x", &snippet()).expect("parses");
        assert_eq!(
            doc.text,
            "The United States 's Ann Lee met her .\nLee , whom they met , smiled ."
        );
        let got: Vec<(&str, &str, Option<&str>)> = doc
            .mentions
            .iter()
            .map(|m| (m.text.as_str(), m.cluster.as_str(), m.identity.as_deref()))
            .collect();
        // "they" is neither a proper noun nor identified; "her" carries the identity.
        assert_eq!(
            got,
            [
                ("The United States 's", "1", Some("United_States")),
                ("Ann Lee", "2", Some("Ann_Lee")),
                ("her", "2", Some("Ann_Lee")),
                ("Lee , whom they met ,", "2", Some("Ann_Lee")),
            ]
        );
        for m in &doc.mentions {
            let slice: String = doc
                .text
                .chars()
                .skip(m.start)
                .take(m.end - m.start)
                .collect();
            assert_eq!(slice, m.text);
        }
        let last = |k: usize| -> Vec<&str> {
            doc.mentions[k]
                .last_words
                .iter()
                .map(|&w| &doc.text[doc.words[w].0..doc.words[w].1])
                .collect()
        };
        assert_eq!(last(0), ["States"]);
        assert_eq!(last(3), ["met", "Lee"]);
    }

    #[test]
    fn text_is_the_one_the_ner_converter_makes() {
        let doc = parse_gum_named("x", &snippet()).expect("parses");
        let from_ner = crate::corpus::gum::read_gum("x", &snippet()).expect("ner reader");
        assert_eq!(eval_set(&[from_ner]).docs[0].text, doc.text);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        for bad in [
            "1\tA\n",
            "1\tA\t_\tX\t_\t_\tzero\tdep\t_\t_\n",
            "1\tA\t_\tX\t_\t_\t0\troot\t_\tEntity=7)\n",
            "1\tA\t_\tX\t_\t_\t0\troot\t_\tEntity=(7-person\n",
            "1\tA\t_\tX\t_\t_\t0\troot\t_\tEntity=(-person)\n",
            "1\tA\t_\tX\t_\t_\t0\troot\t_\tEntity=(7-person-x(\n",
        ] {
            let err = parse_gum_named("bad", bad).expect_err(bad);
            assert!(err.to_string().starts_with("bad:1:"), "{err}");
        }
        // A head pointing outside the sentence is tolerated.
        assert!(parse_gum_named("ok", "1\tA\t_\tPROPN\t_\t_\t9\tdep\t_\tEntity=(1-x)\n").is_ok());
        let missing = read_gum_named(Path::new("/nonexistent-kg/x.conllu")).expect_err("io");
        assert!(matches!(missing, Error::Io { .. }));
        assert!(
            evaluate_within(
                Path::new("/nonexistent-kg"),
                kg_extract::Pipeline::embedded()
            )
            .is_err()
        );
    }

    fn ours(start: usize, end: usize, entity: &str, text: &str) -> Mention {
        Mention {
            start,
            end,
            text: text.into(),
            kind: EntityType::Person,
            entity: entity.into(),
            sentence: 0,
        }
    }

    #[test]
    fn pairs_exact_then_by_last_word_and_scores() {
        let doc = parse_gum_named("x", &snippet()).expect("parses");
        // "United States" (head), "Ann Lee" (exact), "Lee" (head, via the proper-noun run),
        // "met" matches nothing named.
        let found = [
            ours(4, 17, "Country/united-states", "United States"),
            ours(21, 28, "Person/ann-lee", "Ann Lee"),
            ours(29, 32, "Person/x", "met"),
            ours(39, 42, "Person/lee", "Lee"),
        ];
        let pairs = pair_mentions(&doc, &found);
        let got: Vec<(usize, usize, MatchKind)> =
            pairs.iter().map(|p| (p.gold, p.ours, p.kind)).collect();
        assert_eq!(
            got,
            [
                (0, 0, MatchKind::Head),
                (1, 1, MatchKind::Exact),
                (3, 3, MatchKind::Head)
            ]
        );
        let ex = Extraction {
            mentions: found.to_vec(),
            ..Extraction::default()
        };
        let within = score_within(std::slice::from_ref(&doc), std::slice::from_ref(&ex));
        assert_eq!((within.exact.matched, within.head.matched), (1, 3));
        // Gold {US} {Ann Lee, Lee}; ours {US} {Ann Lee} {Lee}: P 1, R (1 + 1/2 + 1/2) / 3.
        assert!(close(within.head.score.precision, 1.0));
        assert!(close(within.head.score.recall, 2.0 / 3.0));
        let splits = within.wrong_splits();
        assert_eq!(splits.len(), 1);
        assert_eq!(splits[0].wrong, 1);
        assert!(within.wrong_merges().is_empty());
        let shown = format!("{within}\n{}", within.errors(5));
        assert!(shown.contains("exact+head"), "{shown}");
        assert!(shown.contains("Person/lee"), "{shown}");

        // A nested place and the organisation around it end in the same word: ours pairs with
        // the closer gold span.
        let mut t = String::new();
        t += &row(
            1,
            "the",
            "DET",
            2,
            "Entity=(1-organization-new-s-c-1-coref-UCPH",
        );
        t += &row(2, "University", "PROPN", 0, "_");
        t += &row(3, "of", "ADP", 4, "_");
        t += &row(
            4,
            "Copenhagen",
            "PROPN",
            2,
            "Entity=(2-place-new-s-c-1-sgl-Copenhagen)1)",
        );
        let nested = parse_gum_named("y", &t).expect("parses");
        let uni = [ours(
            4,
            28,
            "Organization/university-of-copenhagen",
            "University of Copenhagen",
        )];
        let got = pair_mentions(&nested, &uni);
        assert_eq!(got.len(), 1);
        assert_eq!(nested.mentions[got[0].gold].cluster, "1");

        let across = score_across(std::slice::from_ref(&doc), std::slice::from_ref(&ex));
        assert_eq!(across.gold_mentions, 4);
        assert_eq!(across.head.matched, 3);
        assert_eq!(across.scored[0].gold, "United_States");
    }
}
