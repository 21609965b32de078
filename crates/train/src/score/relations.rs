//! Evaluation of relations against a hand-made gold set over GUM documents.
//!
//! The gold sets (`crates/train/gold/gold.tsv` over the news documents and
//! `gold-interview.tsv` over the interviews, described in the README next to them) list
//! `subject predicate object` triples with entity names as written in the document. Every GUM
//! document of the genres a gold set covers is given to the extractor as the text of
//! its CoNLL-U `# text =` lines (the original sentences, untokenised), one sentence per line
//! joined by `\n` as the GUM readers of this crate join sentences. News documents are dev or
//! test ([`TEST_DOCS`]); documents of other genres are test.
//!
//! What is scored, per document:
//!
//! * every relation of [`Extraction::relations`] whose predicate is not the open `related` and
//!   that is not negated, as `(subject, predicate, object)`, except those the extractor derives
//!   from a post (rule `structure:post`: "Wikinews reporter X" gives X worksFor Wikinews): they
//!   restate the role, which is scored once, as `holds`, and matches a gold row of `holds` or
//!   of the predicate the extractor read from it (annotators write "Republican Party nominee
//!   X" as a membership, `memberOf`, where kg has the post and the membership);
//! * every role of [`Extraction::roles`] as `(person, holds, org)`, the org being absent when the
//!   role has none;
//! * when the gold set annotates speech (a `said` row: `speaker said -`), every quote with a
//!   speaker as `(speaker, said, -)`, matched on the speaker alone;
//! * when the gold set annotates open relations (`related:LEMMA` rows, the lemma being the
//!   annotator's gloss), every open `related` relation, matching a `related:` row of the same
//!   pair either way round whatever the lemma.
//!
//! Documents of UD English-EWT (ids such as `weblog-...`) are read from the treebank's CoNLL-U
//! files, their sentences' `# text` lines joined by `\n` and paragraphs by a blank line; the
//! gold file lists every document it annotated, rows or none, on `# documents:` comment lines.
//!
//! Triples are deduplicated on entity keys. A system entity *matches* a gold name when the name
//! equals the entity's label or one of its aliases (case-insensitively, ignoring a leading "the"
//! and a possessive "'s"), or, for persons, when
//! the name's last word equals the label's last word. A system triple matches a gold triple of
//! the same document and predicate (or a predicate of [`ENTAILS`] that states the gold's: a
//! `playsFor` states a `memberOf`) when subject and object match; symmetric predicates
//! ([`SYMMETRIC`]) match either way round; a gold `holds` whose object is `-` matches any role of
//! its person, with or without an org, and a gold `holds` with an object needs a role with that
//! org. Precision is the share of system triples that are right by some gold triple; recall the
//! share of gold triples matched by some system triple. A role without an org is right when the
//! gold set gives its person any post (it says nothing false, only less), but it finds only a gold
//! `holds` whose object is `-`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use kg_extract::{Document, Entity, EntityType, Extraction};

use kg_extract::Pipeline;

use super::extract_all;
use crate::Error;

/// Predicates that read the same both ways round.
pub const SYMMETRIC: [&str; 6] = [
    "meets",
    "mergesWith",
    "negotiatesWith",
    "signsAgreementWith",
    "partnerOf",
    "cooperatesWith",
];

/// Predicates that entail another (the ontology's `rdfs:subPropertyOf` between canonical
/// predicates): a player for a team is a member of it, so a system `playsFor` is right by a gold
/// `memberOf` of the same pair (not the other way round).
pub const ENTAILS: [(&str, &str); 1] = [("playsFor", "memberOf")];

/// Whether a system fact of predicate `ours` states a gold fact of predicate `gold`.
fn states(ours: &str, gold: &str) -> bool {
    ours == gold || ENTAILS.contains(&(ours, gold))
}

/// The GUM news documents held out as the test part; every other news document is development.
pub const TEST_DOCS: [&str; 6] = [
    "GUM_news_asylum",
    "GUM_news_homeopathic",
    "GUM_news_iodine",
    "GUM_news_nasa",
    "GUM_news_questionnaire",
    "GUM_news_sensitive",
];

/// Predicates the gold set may use besides the canonical ones.
const EXTRA_PREDICATES: [&str; 4] = ["holds", "locatedIn", "basedIn", "said"];

/// The prefix of a gold open relation: `related:` and the annotator's lemma.
const RELATED_PREFIX: &str = "related:";

/// The gold file's header line.
const HEADER: &str = "doc\tsplit\tsubject\tpredicate\tobject\tevidence";

/// The part of the gold set a document belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// Development: may be looked at while improving the extractor.
    Dev,
    /// Held out: scored, never studied.
    Test,
}

impl Part {
    /// The part a GUM document belongs to: a news document of [`TEST_DOCS`], or any document
    /// of another genre (never developed on), is test; other news documents are dev.
    pub fn of(doc: &str) -> Part {
        if TEST_DOCS.contains(&doc) || !doc.starts_with("GUM_news_") {
            Part::Test
        } else {
            Part::Dev
        }
    }

    fn name(self) -> &'static str {
        match self {
            Part::Dev => "dev",
            Part::Test => "test",
        }
    }
}

/// One gold triple.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldRelation {
    /// Document name (`GUM_news_nasa`).
    pub doc: String,
    /// Dev or test.
    pub part: Part,
    /// Subject name as written.
    pub subject: String,
    /// Canonical predicate, `holds`, `locatedIn` or `basedIn`.
    pub predicate: String,
    /// Object name as written; `None` for a `holds` without an org (`-`).
    pub object: Option<String>,
    /// A short quote of the sentence.
    pub evidence: String,
    /// 1-based line in the gold file.
    pub line: usize,
}

/// Parses the gold TSV (see the module docs): a header line, then one triple per line. Blank
/// lines and lines starting with `#` are skipped.
pub fn parse_gold(text: &str) -> Result<Vec<GoldRelation>, Error> {
    let mut allowed: BTreeSet<&str> = kg_extract::canonical_predicates()
        .into_iter()
        .filter(|p| *p != "related")
        .collect();
    allowed.extend(EXTRA_PREDICATES);
    let mut out = Vec::new();
    let mut header = false;
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let err = |message: String| Error::parse(line, message);
        if !header {
            if raw != HEADER {
                return Err(err(format!("expected the header {HEADER:?}")));
            }
            header = true;
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if cols.len() != 6 {
            return Err(err(format!("expected 6 columns, found {}", cols.len())));
        }
        if let Some(i) = cols.iter().position(|c| c.is_empty()) {
            return Err(err(format!("column {} is empty", i + 1)));
        }
        let [doc, split, subject, predicate, object, evidence] =
            [cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]];
        // GUM documents of genres kg was never developed on may name GUM's own split (`dev`,
        // `test` or `train`): all are held out from kg's rules, so all are test.
        let other_genre = doc.starts_with("GUM_") && !doc.starts_with("GUM_news_");
        let part = match split {
            "dev" | "test" | "train" if other_genre => Part::Test,
            "dev" => Part::Dev,
            "test" => Part::Test,
            other => return Err(err(format!("split must be dev or test, not {other:?}"))),
        };
        // GUM documents have a fixed part; a user's own documents take the part written.
        if doc.starts_with("GUM_") && part != Part::of(doc) {
            return Err(err(format!(
                "{doc} belongs to {}, not {split}",
                Part::of(doc).name()
            )));
        }
        let open = predicate
            .strip_prefix(RELATED_PREFIX)
            .is_some_and(|lemma| !lemma.trim().is_empty());
        if !allowed.contains(predicate) && !open {
            return Err(err(format!("unknown predicate {predicate:?}")));
        }
        if object == "-" && predicate != "holds" && predicate != "said" {
            return Err(err(format!("only holds may have no object ({predicate})")));
        }
        if evidence.chars().count() > 100 {
            return Err(err("evidence longer than 100 characters".to_string()));
        }
        out.push(GoldRelation {
            doc: doc.to_string(),
            part,
            subject: subject.to_string(),
            predicate: predicate.to_string(),
            object: (object != "-").then(|| object.to_string()),
            evidence: evidence.to_string(),
            line,
        });
    }
    if !header {
        return Err(Error::Parse {
            path: std::path::PathBuf::new(),
            line: 1,
            message: "empty gold file".to_string(),
        });
    }
    Ok(out)
}

/// Reads the gold TSV at `path`.
pub fn read_gold(path: &Path) -> Result<Vec<GoldRelation>, Error> {
    parse_gold(&crate::read_text(path)?).map_err(|e| e.in_file(path))
}

/// The text of a GUM CoNLL-U document: its `# text =` lines joined by `\n`.
pub fn conllu_text(conllu: &str) -> String {
    conllu
        .lines()
        .filter_map(|l| l.trim_end_matches('\r').strip_prefix("# text ="))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The document ids of a gold file's `# documents:` comment lines.
pub fn listed_documents(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# documents:"))
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect()
}

/// The documents `ids` of UD English-EWT (train, dev and test files of `data_dir/ud-ewt`), as
/// extractor inputs: sentences' `# text` lines joined by `\n`, paragraphs by a blank line.
pub fn read_ewt(data_dir: &Path, ids: &BTreeSet<String>) -> Result<Vec<Document>, Error> {
    let mut docs: Vec<Document> = Vec::new();
    for split in ["train", "dev", "test"] {
        let path = data_dir.join(format!("ud-ewt/en_ewt-ud-{split}.conllu"));
        let text = crate::read_text(&path)?;
        let mut current: Option<Document> = None;
        for line in text.lines() {
            if let Some(id) = line.strip_prefix("# newdoc id =") {
                docs.extend(current.take().filter(|d| ids.contains(&d.id)));
                current = Some(Document {
                    id: id.trim().to_string(),
                    source: Some(path.display().to_string()),
                    ..Document::default()
                });
            } else if let Some(doc) = current.as_mut() {
                if line.starts_with("# newpar") && !doc.text.is_empty() {
                    doc.text.push('\n');
                } else if let Some(t) = line.strip_prefix("# text =") {
                    if !doc.text.is_empty() {
                        doc.text.push('\n');
                    }
                    doc.text.push_str(t.trim());
                }
            }
        }
        docs.extend(current.take().filter(|d| ids.contains(&d.id)));
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// Every `<prefix>*.conllu` of `data_dir/gum` ("GUM_news_", "GUM_interview_") as an extractor
/// input, sorted by name.
pub fn read_gum(data_dir: &Path, prefix: &str) -> Result<Vec<Document>, Error> {
    let dir = data_dir.join("gum");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(io(&dir))? {
        let path = entry.map_err(io(&dir))?.path();
        let Some(stem) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        if stem.starts_with(prefix) && path.extension().is_some_and(|e| e == "conllu") {
            let conllu = std::fs::read_to_string(&path).map_err(io(&path))?;
            docs.push(Document {
                id: stem,
                source: Some(path.display().to_string()),
                text: conllu_text(&conllu),
                ..Document::default()
            });
        }
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// An entity of a system triple, as the matcher needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// Entity key.
    pub key: String,
    /// Canonical label.
    pub label: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Whether it is a person (last-word matching).
    pub person: bool,
}

impl Named {
    fn of(e: &Entity) -> Named {
        Named {
            key: e.key.clone(),
            label: e.label.clone(),
            aliases: e.aliases.clone(),
            person: e.kind == EntityType::Person,
        }
    }

    fn unknown(key: &str) -> Named {
        Named {
            key: key.to_string(),
            label: key.rsplit('/').next().unwrap_or(key).to_string(),
            aliases: Vec::new(),
            person: key.starts_with("Person/"),
        }
    }

    /// Whether the gold `name` refers to this entity (see the module docs).
    pub fn matches(&self, name: &str) -> bool {
        let name_folded = fold(name);
        let eq = |s: &str| fold(s) == name_folded;
        if eq(&self.label) || self.aliases.iter().any(|a| eq(a)) {
            return true;
        }
        self.person
            && match (last_word(&self.label), last_word(name)) {
                (Some(a), Some(b)) => a.to_lowercase() == b.to_lowercase(),
                _ => false,
            }
    }
}

/// A name as compared: lower case, without a leading "the" or a possessive "'s", white space
/// folded ("The New People's Party" and "New People Party" compare equal).
fn fold(name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace('\u{2019}', "'")
        .replace("'s", "");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

fn last_word(s: &str) -> Option<&str> {
    s.split_whitespace().next_back()
}

/// One distinct triple the system produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemRelation {
    /// Document name.
    pub doc: String,
    /// Subject entity.
    pub subject: Named,
    /// Predicate (`holds` for roles).
    pub predicate: String,
    /// Object entity; `None` for a role without an org.
    pub object: Option<Named>,
    /// The role title, for roles.
    pub role: Option<String>,
    /// For a role, the predicate of the relation the extractor read from it (rule
    /// `structure:post`: "Republican Party nominee X" is a member of the party, "Wikinews
    /// reporter X" works for it): the one fact may match a gold row of either predicate.
    pub restates: Option<String>,
    /// The sentence it was read from (the first, when several said it).
    pub evidence: String,
}

impl SystemRelation {
    /// Whether this triple is right by `gold`: it [`matches`](Self::matches) it, or it is a role
    /// without an org of a person `gold` gives a post (true, only less specific).
    pub fn agrees_with(&self, gold: &GoldRelation) -> bool {
        self.matches(gold)
            || (self.predicate == "holds"
                && gold.predicate == "holds"
                && self.object.is_none()
                && self.doc == gold.doc
                && self.subject.matches(&gold.subject))
    }

    /// Whether this triple matches `gold` (see the module docs).
    pub fn matches(&self, gold: &GoldRelation) -> bool {
        let open = self.predicate == "related" && gold.predicate.starts_with(RELATED_PREFIX);
        let restated = self
            .restates
            .as_deref()
            .is_some_and(|p| states(p, &gold.predicate));
        if self.doc != gold.doc || (!states(&self.predicate, &gold.predicate) && !open && !restated)
        {
            return false;
        }
        if gold.predicate == "said" {
            return self.subject.matches(&gold.subject);
        }
        let obj = |name: &Option<String>, ours: &Option<Named>| match (name, ours) {
            (Some(n), Some(o)) => o.matches(n),
            _ => false,
        };
        if gold.predicate == "holds" {
            return self.subject.matches(&gold.subject)
                && (gold.object.is_none() || obj(&gold.object, &self.object));
        }
        let forward = self.subject.matches(&gold.subject) && obj(&gold.object, &self.object);
        let backward = (open || SYMMETRIC.contains(&gold.predicate.as_str()))
            && gold
                .object
                .as_deref()
                .is_some_and(|o| self.subject.matches(o))
            && self
                .object
                .as_ref()
                .is_some_and(|o| o.matches(&gold.subject));
        forward || backward
    }
}

/// The distinct scored triples of one extraction (see the module docs).
pub fn system_relations(doc: &str, ex: &Extraction) -> Vec<SystemRelation> {
    system_relations_in(doc, ex, Scope::default())
}

/// What a gold set annotates besides relations and roles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// Quotes with their speaker (`said` rows).
    pub said: bool,
    /// Open relations (`related:` rows).
    pub related: bool,
}

impl Scope {
    /// What `gold` annotates.
    pub fn of(gold: &[GoldRelation]) -> Scope {
        Scope {
            said: gold.iter().any(|g| g.predicate == "said"),
            related: gold.iter().any(|g| g.predicate.starts_with(RELATED_PREFIX)),
        }
    }
}

/// The distinct scored triples of one extraction, with quotes and open relations when `scope`
/// says the gold set annotates them.
pub fn system_relations_in(doc: &str, ex: &Extraction, scope: Scope) -> Vec<SystemRelation> {
    let entities: BTreeMap<&str, &Entity> =
        ex.entities.iter().map(|e| (e.key.as_str(), e)).collect();
    let named = |key: &str| {
        entities
            .get(key)
            .map_or_else(|| Named::unknown(key), |e| Named::of(e))
    };
    let mut seen: BTreeSet<(String, String, Option<String>)> = BTreeSet::new();
    let mut out = Vec::new();
    for r in &ex.relations {
        let restated = r.evidence.rule == "structure:post";
        if (r.predicate == "related" && !scope.related) || r.negated || restated {
            continue;
        }
        if seen.insert((
            r.subject.clone(),
            r.predicate.clone(),
            Some(r.object.clone()),
        )) {
            out.push(SystemRelation {
                doc: doc.to_string(),
                subject: named(&r.subject),
                predicate: r.predicate.clone(),
                object: Some(named(&r.object)),
                role: None,
                restates: None,
                evidence: r.evidence.text.clone(),
            });
        }
    }
    for r in &ex.roles {
        if seen.insert((r.person.clone(), "holds".to_string(), r.org.clone())) {
            let restates = ex.relations.iter().find(|x| {
                x.evidence.rule == "structure:post"
                    && !x.negated
                    && x.subject == r.person
                    && r.org.as_ref() == Some(&x.object)
            });
            out.push(SystemRelation {
                doc: doc.to_string(),
                subject: named(&r.person),
                predicate: "holds".to_string(),
                object: r.org.as_deref().map(named),
                role: Some(r.role.clone()),
                restates: restates.map(|x| x.predicate.clone()),
                evidence: r.evidence.text.clone(),
            });
        }
    }
    if scope.said {
        for q in &ex.quotes {
            let Some(speaker) = &q.speaker else { continue };
            if seen.insert((speaker.clone(), "said".to_string(), None)) {
                out.push(SystemRelation {
                    doc: doc.to_string(),
                    subject: named(speaker),
                    predicate: "said".to_string(),
                    object: None,
                    role: None,
                    restates: None,
                    evidence: q.evidence.text.clone(),
                });
            }
        }
    }
    out
}

/// Counts of one part.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Distinct system triples.
    pub system: usize,
    /// System triples that match a gold triple.
    pub correct: usize,
    /// Gold triples.
    pub gold: usize,
    /// Gold triples matched by a system triple.
    pub found: usize,
}

impl Counts {
    /// Correct / system (0 when nothing was produced).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }

    /// Found / gold (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        super::f1(self.precision(), self.recall())
    }

    fn add(&mut self, other: Counts) {
        self.system += other.system;
        self.correct += other.correct;
        self.gold += other.gold;
        self.found += other.found;
    }
}

use super::ratio;

impl super::Scores for Report {
    /// Precision, recall and F1 of the dev part, then of the test part (when scored).
    fn headline(&self) -> Vec<(&'static str, f64)> {
        let mut out = Vec::new();
        for (part, [p, r, f]) in [
            (Part::Dev, ["dev precision", "dev recall", "dev f1"]),
            (Part::Test, ["test precision", "test recall", "test f1"]),
        ] {
            if let Some(c) = self.parts.get(&part) {
                out.extend([(p, c.precision()), (r, c.recall()), (f, c.f1())]);
            }
        }
        out
    }
}

/// The scores of a run, and what was matched.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Number of documents scored per part.
    pub docs: BTreeMap<Part, usize>,
    /// Counts per part.
    pub parts: BTreeMap<Part, Counts>,
    /// Counts per part and predicate.
    pub predicates: BTreeMap<(Part, String), Counts>,
    /// Every system triple with whether it matched.
    pub system: Vec<(SystemRelation, bool)>,
    /// Every gold triple with whether it was found.
    pub gold: Vec<(GoldRelation, bool)>,
}

/// Scores extractions against the gold set. `extractions` pairs each document name with its
/// extraction; documents without gold triples still count (their triples are false positives).
pub fn score(gold: &[GoldRelation], extractions: &[(String, Extraction)]) -> Report {
    let mut report = Report::default();
    let mut ours = Vec::new();
    let scope = Scope::of(gold);
    // The part of a document: the one its gold rows name, else GUM's split.
    let part_of = |doc: &str| {
        gold.iter()
            .find(|g| g.doc == doc)
            .map_or_else(|| Part::of(doc), |g| g.part)
    };
    for (doc, ex) in extractions {
        *report.docs.entry(part_of(doc)).or_default() += 1;
        ours.extend(system_relations_in(doc, ex, scope));
    }
    for s in ours {
        let ok = gold.iter().any(|g| s.agrees_with(g));
        let c = Counts {
            system: 1,
            correct: usize::from(ok),
            ..Counts::default()
        };
        let part = part_of(&s.doc);
        report.parts.entry(part).or_default().add(c);
        report
            .predicates
            .entry((part, s.predicate.clone()))
            .or_default()
            .add(c);
        report.system.push((s, ok));
    }
    for g in gold {
        let ok = report.system.iter().any(|(s, _)| s.matches(g));
        let c = Counts {
            gold: 1,
            found: usize::from(ok),
            ..Counts::default()
        };
        report.parts.entry(g.part).or_default().add(c);
        report
            .predicates
            .entry((g.part, g.predicate.clone()))
            .or_default()
            .add(c);
        report.gold.push((g.clone(), ok));
    }
    report
}

/// Runs the pipeline over every GUM news document of `data_dir/gum` and scores it against the
/// gold set at `gold_path`.
pub fn evaluate(data_dir: &Path, gold_path: &Path, pipeline: &Pipeline) -> Result<Report, Error> {
    let gold = read_gold(gold_path)?;
    // Every document of each genre the gold set covers ("GUM_news_", "GUM_interview_"): what
    // the system finds in a document without gold relations counts against it.
    // A gold file that lists the documents it annotated (`# documents:` lines) is scored on
    // those and the ones its rows name; otherwise on every document of its genres.
    let listed = listed_documents(&crate::read_text(gold_path)?);
    let named: BTreeSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let gum_listed = listed.iter().any(|d| d.starts_with("GUM_"));
    let genres: BTreeSet<String> = named
        .iter()
        .copied()
        .chain(listed.iter().map(String::as_str))
        .filter_map(|doc| {
            let rest = doc.strip_prefix("GUM_")?;
            let genre = rest.split('_').next()?;
            Some(format!("GUM_{genre}_"))
        })
        .collect();
    let mut docs = Vec::new();
    for genre in &genres {
        docs.extend(
            read_gum(data_dir, genre)?
                .into_iter()
                .filter(|d| !gum_listed || listed.contains(&d.id) || named.contains(d.id.as_str())),
        );
    }
    // EWT documents: those the gold file lists as annotated, and those its rows name.
    let mut ewt: BTreeSet<String> = listed
        .iter()
        .filter(|d| !d.starts_with("GUM_"))
        .cloned()
        .collect();
    ewt.extend(
        gold.iter()
            .filter(|g| !g.doc.starts_with("GUM_"))
            .map(|g| g.doc.clone()),
    );
    if !ewt.is_empty() {
        docs.extend(read_ewt(data_dir, &ewt)?);
    }
    if let Some(g) = gold.iter().find(|g| !docs.iter().any(|d| d.id == g.doc)) {
        return Err(Error::MissingDoc {
            line: g.line,
            doc: g.doc.clone(),
        });
    }
    let extractions = extract_all(&docs, pipeline);
    let named: Vec<(String, Extraction)> =
        docs.iter().map(|d| d.id.clone()).zip(extractions).collect();
    Ok(score(&gold, &named))
}

fn show(n: &Option<Named>) -> &str {
    n.as_ref().map_or("-", |n| n.label.as_str())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Relations against the gold set")?;
        writeln!(
            f,
            "{:<6} {:>4} {:>6} {:>7} {:>5} {:>5} {:>9} {:>7} {:>6}",
            "part", "docs", "system", "correct", "gold", "found", "precision", "recall", "F1"
        )?;
        for (part, c) in &self.parts {
            writeln!(
                f,
                "{:<6} {:>4} {:>6} {:>7} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
                part.name(),
                self.docs.get(part).copied().unwrap_or(0),
                c.system,
                c.correct,
                c.gold,
                c.found,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        writeln!(f, "\nper predicate: correct/system  found/gold")?;
        for ((part, predicate), c) in &self.predicates {
            writeln!(
                f,
                "  {:<5} {:<19} {:>3}/{:<3}  {:>3}/{:<3}",
                part.name(),
                predicate,
                c.correct,
                c.system,
                c.found,
                c.gold
            )?;
        }
        Ok(())
    }
}

/// The false positives and false negatives of a [`Report`], for display.
#[derive(Debug)]
pub struct Errors<'a>(&'a Report);

impl Report {
    /// The errors, listed per part: system triples that match no gold triple (with their
    /// evidence sentence) and gold triples no system triple matches.
    pub fn errors(&self) -> Errors<'_> {
        Errors(self)
    }

    /// Every system triple, marked `+` when it matches a gold triple and `-` otherwise.
    pub fn listing(&self) -> Listing<'_> {
        Listing(self)
    }
}

impl fmt::Display for Errors<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in [Part::Dev, Part::Test] {
            writeln!(f, "== {} false positives", part.name())?;
            for (s, _) in self
                .0
                .system
                .iter()
                .filter(|(s, ok)| !ok && Part::of(&s.doc) == part)
            {
                write_system(f, s)?;
            }
            writeln!(f, "== {} false negatives", part.name())?;
            for (g, _) in self.0.gold.iter().filter(|(g, ok)| !ok && g.part == part) {
                writeln!(
                    f,
                    "{}\t{} {} {}\t| {}",
                    g.doc,
                    g.subject,
                    g.predicate,
                    g.object.as_deref().unwrap_or("-"),
                    g.evidence
                )?;
            }
        }
        Ok(())
    }
}

fn write_system(f: &mut fmt::Formatter<'_>, s: &SystemRelation) -> fmt::Result {
    let role = s
        .role
        .as_deref()
        .map(|r| format!(" [{r}]"))
        .unwrap_or_default();
    writeln!(
        f,
        "{}\t{} {}{} {}\t| {}",
        s.doc,
        s.subject.label,
        s.predicate,
        role,
        show(&s.object),
        s.evidence.replace('\n', " ")
    )
}

/// Every system triple of a [`Report`], for review.
#[derive(Debug)]
pub struct Listing<'a>(&'a Report);

impl fmt::Display for Listing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (s, ok) in &self.0.system {
            write!(f, "{}\t", if *ok { '+' } else { '-' })?;
            write_system(f, s)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kg_extract::{Evidence, Relation, Role};

    #[test]
    fn names_compare_without_article_and_possessive() {
        assert_eq!(fold("The New People's Party"), fold("New People Party"));
        assert_eq!(fold("the Globe and  Mail"), "globe and mail");
        assert_ne!(fold("Labour Party"), fold("Labour"));
    }

    const GOLD: &str = "doc\tsplit\tsubject\tpredicate\tobject\tevidence\n\
GUM_news_x\tdev\tJohn Smith\tmeets\tMary Jones\tSmith met Jones\n\
GUM_news_x\tdev\tJohn Smith\tholds\tAcme Corp\tAcme chief John Smith\n\
GUM_news_x\tdev\tMary Jones\tholds\t-\tMinister Mary Jones\n\
GUM_news_x\tdev\tAcme Corp\tbasedIn\tParis\tAcme Corp in Paris\n\
GUM_news_nasa\ttest\tCharles Bolden\tholds\tNASA\tNASA Administrator Charles Bolden\n";

    fn entity(kind: EntityType, label: &str, aliases: &[&str]) -> Entity {
        Entity {
            key: kg_extract::entity_key(kind, label),
            kind,
            label: label.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            wikidata: None,
        }
    }

    fn evidence() -> Evidence {
        Evidence {
            sentence: 0,
            start: 0,
            end: 1,
            text: "s".to_string(),
            rule: "test".to_string(),
            confidence: 1.0,
        }
    }

    fn relation(s: &Entity, p: &str, o: &Entity, negated: bool) -> Relation {
        Relation {
            subject: s.key.clone(),
            predicate: p.to_string(),
            object: o.key.clone(),
            label: None,
            negated,
            hedged: false,
            values: Vec::new(),
            place: None,
            evidence: evidence(),
        }
    }

    fn role(p: &Entity, org: Option<&Entity>) -> Role {
        Role {
            person: p.key.clone(),
            role: "Chief".to_string(),
            org: org.map(|o| o.key.clone()),
            former: false,
            evidence: evidence(),
        }
    }

    #[test]
    fn gum_documents_of_other_genres_are_test_whatever_gum_split_they_name() {
        let text = "doc\tsplit\tsubject\tpredicate\tobject\tevidence\n\
GUM_court_x\ttrain\tAna Berg\tsues\tVexa Corp\tBerg v. Vexa\n\
GUM_voyage_y\tdev\tBergen\tlocatedIn\tNorway\tBergen, Norway\n";
        let gold = parse_gold(text).expect("parses");
        assert!(gold.iter().all(|g| g.part == Part::Test));
        // A news document still has its fixed part, and `train` is not one.
        let news = "doc\tsplit\tsubject\tpredicate\tobject\tevidence\n\
GUM_news_x\ttrain\tAna Berg\tsues\tVexa Corp\tBerg v. Vexa\n";
        assert!(parse_gold(news).is_err());
    }

    #[test]
    fn gold_parses_and_rejects_bad_lines_with_their_number() {
        let gold = parse_gold(GOLD).expect("parses");
        assert_eq!(gold.len(), 5);
        assert_eq!(gold[2].object, None);
        assert_eq!(gold[4].part, Part::Test);
        assert_eq!(gold[4].line, 6);

        let bad = format!("{HEADER}\nGUM_news_x\tdev\tA\tmeets\tB\n");
        let e = parse_gold(&bad).expect_err("five columns");
        assert!(matches!(e, Error::Parse { line: 2, .. }), "{e}");
        let bad = format!("{HEADER}\n\nGUM_news_x\tdev\tA\tlikes\tB\tq\n");
        let e = parse_gold(&bad).expect_err("unknown predicate");
        assert!(matches!(e, Error::Parse { line: 3, .. }), "{e}");
        let bad = format!("{HEADER}\nGUM_news_nasa\tdev\tA\tmeets\tB\tq\n");
        assert!(parse_gold(&bad).is_err(), "nasa is a test document");
        let bad = format!("{HEADER}\nGUM_news_x\tdev\tA\tmeets\t-\tq\n");
        assert!(parse_gold(&bad).is_err(), "only holds may lack an object");
        assert!(parse_gold("doc\tsplit\n").is_err(), "wrong header");
    }

    #[test]
    fn conllu_text_joins_the_text_lines() {
        let conllu = "# newdoc id = d\n# text = Ann met Bo.\n1\tAnn\t_\t_\t_\t_\t0\t_\t_\t_\n\n\
# sent_id = 2\n# text = Bo left.\n1\tBo\t_\t_\t_\t_\t0\t_\t_\t_\n";
        assert_eq!(conllu_text(conllu), "Ann met Bo.\nBo left.");
    }

    #[test]
    fn scores_count_matches_both_ways_and_roles() {
        let gold = parse_gold(GOLD).expect("parses");
        let smith = entity(EntityType::Person, "Smith", &[]);
        let jones = entity(EntityType::Person, "Mary Jones", &[]);
        let acme = entity(EntityType::Company, "Acme Corporation", &["Acme Corp"]);
        let paris = entity(EntityType::City, "Paris", &[]);
        let bolden = entity(EntityType::Person, "Charles Bolden", &[]);
        let nasa = entity(EntityType::Organization, "NASA", &[]);
        let dev = Extraction {
            entities: vec![smith.clone(), jones.clone(), acme.clone(), paris.clone()],
            relations: vec![
                // Symmetric, reversed, and by last name: correct.
                relation(&jones, "meets", &smith, false),
                // Said twice: counted once.
                relation(&jones, "meets", &smith, false),
                // Wrong predicate: a false positive.
                relation(&smith, "criticises", &jones, false),
                // Negated and open relations are not scored, nor one restating a post.
                relation(&smith, "supports", &acme, true),
                relation(&smith, "related", &acme, false),
                Relation {
                    evidence: Evidence {
                        rule: "structure:post".to_string(),
                        ..evidence()
                    },
                    ..relation(&smith, "worksFor", &acme, false)
                },
            ],
            // Smith's role with Acme (alias) is correct; Jones's role matches `holds -`.
            roles: vec![
                role(&smith, Some(&acme)),
                role(&jones, Some(&paris)),
                role(&smith, None),
            ],
            ..Extraction::default()
        };
        let test = Extraction {
            entities: vec![bolden.clone(), nasa.clone()],
            // No org: right (Bolden has a post), but does not find the gold holds that names
            // NASA; Bolden heading NASA is a wrong predicate.
            relations: vec![relation(&bolden, "leads", &nasa, false)],
            roles: vec![role(&bolden, None)],
            ..Extraction::default()
        };
        let report = score(
            &gold,
            &[
                ("GUM_news_x".to_string(), dev),
                ("GUM_news_nasa".to_string(), test),
            ],
        );
        let d = report.parts[&Part::Dev];
        // System: meets, criticises, holds Acme, holds Paris, holds -  => 5, of which 4 right
        // (meets, holds Acme, Jones holds Paris via `-`, Smith `holds -` as Smith has a post);
        // gold: all but `basedIn` found.
        assert_eq!(
            d,
            Counts {
                system: 5,
                correct: 4,
                gold: 4,
                found: 3
            }
        );
        assert!((d.precision() - 0.8).abs() < 1e-9);
        assert!((d.recall() - 0.75).abs() < 1e-9);
        let t = report.parts[&Part::Test];
        assert_eq!(
            t,
            Counts {
                system: 2,
                correct: 1,
                gold: 1,
                found: 0
            }
        );
        assert_eq!(t.f1(), 0.0);
        assert_eq!(report.docs[&Part::Dev], 1);
        let errors = report.errors().to_string();
        assert!(errors.contains("Smith criticises Mary Jones"), "{errors}");
        assert!(errors.contains("Acme Corp basedIn Paris"), "{errors}");
        assert!(errors.contains("Charles Bolden leads NASA"), "{errors}");
        assert_eq!(report.listing().to_string().lines().count(), 7);
    }

    #[test]
    fn a_post_matches_the_membership_read_from_it_once() {
        let gold = parse_gold(
            "doc\tsplit\tsubject\tpredicate\tobject\tevidence\n\
GUM_news_x\tdev\tAna Berg\tmemberOf\tGreen Party\tGreen Party nominee Ana Berg\n",
        )
        .expect("parses");
        let berg = entity(EntityType::Person, "Ana Berg", &[]);
        let party = entity(EntityType::Organization, "Green Party", &[]);
        let member = |rule: &str| Relation {
            evidence: Evidence {
                rule: rule.to_string(),
                ..evidence()
            },
            ..relation(&berg, "memberOf", &party, false)
        };
        let counts = |relations: Vec<Relation>| {
            let ex = Extraction {
                entities: vec![berg.clone(), party.clone()],
                relations,
                roles: vec![role(&berg, Some(&party))],
                ..Extraction::default()
            };
            score(&gold, &[("GUM_news_x".to_string(), ex)]).parts[&Part::Dev]
        };
        // The post and the membership read from it: one fact, right by the gold membership.
        let one = Counts {
            system: 1,
            correct: 1,
            gold: 1,
            found: 1,
        };
        assert_eq!(counts(vec![member("structure:post")]), one);
        // The post alone says no membership.
        let post = counts(Vec::new());
        assert_eq!((post.system, post.correct, post.found), (1, 0, 0));
        // A membership read otherwise is a fact of its own.
        let both = counts(vec![member("structure:of")]);
        assert_eq!((both.system, both.correct, both.found), (2, 1, 1));
    }

    #[test]
    fn a_player_for_a_team_is_right_by_a_gold_membership_but_not_the_reverse() {
        let gold = parse_gold(
            "doc\tsplit\tsubject\tpredicate\tobject\tevidence\n\
GUM_news_x\tdev\tAna Berg\tmemberOf\tTampere United\tBerg scored for Tampere United\n\
GUM_news_x\tdev\tTom Reyes\tplaysFor\tTampere United\tReyes plays for Tampere United\n",
        )
        .expect("parses");
        let berg = entity(EntityType::Person, "Ana Berg", &[]);
        let reyes = entity(EntityType::Person, "Tom Reyes", &[]);
        let club = entity(EntityType::Organization, "Tampere United", &[]);
        let ex = Extraction {
            entities: vec![berg.clone(), reyes.clone(), club.clone()],
            relations: vec![
                relation(&berg, "playsFor", &club, false),
                relation(&reyes, "memberOf", &club, false),
            ],
            ..Extraction::default()
        };
        let counts = score(&gold, &[("GUM_news_x".to_string(), ex)]).parts[&Part::Dev];
        // Berg's playsFor states the gold membership; Reyes's membership is less than the gold
        // playsFor and finds nothing.
        assert_eq!(
            (counts.system, counts.correct, counts.gold, counts.found),
            (2, 1, 2, 1)
        );
    }

    #[test]
    fn names_match_labels_aliases_and_person_last_words() {
        let org = Named::of(&entity(EntityType::Organization, "Civic Party", &["CP"]));
        assert!(org.matches("civic party"));
        assert!(org.matches("CP"));
        assert!(
            !org.matches("Democratic Party"),
            "last words only for persons"
        );
        let person = Named::of(&entity(EntityType::Person, "Kane", &[]));
        assert!(person.matches("Harry Kane"));
        assert!(!person.matches("Harry Maguire"));
    }
}
