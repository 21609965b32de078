//! Lists every relation and role kg finds in a set of GUM documents, one row per distinct fact
//! with the sentence it came from, for a by-hand precision review.
//!
//! ```text
//! cargo run --release -p kg-extract --example review_relations -- \
//!     [--data /work/shared/data] [--prefix GUM_interview_] > review.tsv
//! ```
//!
//! Columns: `doc subject predicate object flags sentence`; `predicate` is `holds [Role]` for a
//! post and `related (verb)` for an open relation; `flags` lists `negated`, `hedged` and the
//! rule. Entities are shown by label, as resolved inside the document (before cross-document
//! resolution).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use kg_extract::relation_eval::read_gum;
use kg_extract::{Options, extract_with};

const USAGE: &str = "usage: review_relations [--data DIR] [--prefix GUM_interview_]";

fn main() -> ExitCode {
    let mut data = PathBuf::from("../shared/data");
    let mut prefix = String::from("GUM_interview_");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--data", Some(v)) => data = PathBuf::from(v),
            ("--prefix", Some(v)) => prefix = v,
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::FAILURE;
            }
        }
    }
    let docs = match read_gum(&data, &prefix) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!("review_relations: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("doc\tsubject\tpredicate\tobject\tflags\tsentence");
    for doc in &docs {
        let x = extract_with(doc, Options { clean: false });
        let label: BTreeMap<&str, &str> = x
            .entities
            .iter()
            .map(|e| (e.key.as_str(), e.label.as_str()))
            .collect();
        let name = |key: &str| label.get(key).copied().unwrap_or(key).to_string();
        let mut seen = BTreeSet::new();
        for r in &x.relations {
            let predicate = match (&r.predicate[..], &r.label) {
                ("related", Some(verb)) => format!("related ({verb})"),
                _ => r.predicate.clone(),
            };
            let row = (name(&r.subject), predicate, name(&r.object));
            if !seen.insert(row.clone()) {
                continue;
            }
            let mut flags = vec![r.evidence.rule.clone()];
            if r.negated {
                flags.push("negated".into());
            }
            if r.hedged {
                flags.push("hedged".into());
            }
            print_row(&doc.id, &row, &flags.join(","), &r.evidence.text);
        }
        for r in &x.roles {
            let org = r.org.as_deref().map_or_else(|| "-".to_string(), name);
            let row = (name(&r.person), format!("holds [{}]", r.role), org);
            if !seen.insert(row.clone()) {
                continue;
            }
            print_row(&doc.id, &row, &r.evidence.rule, &r.evidence.text);
        }
    }
    ExitCode::SUCCESS
}

/// One review row: document, subject, predicate, object, flags and the sentence on one line.
fn print_row(
    doc: &str,
    (subject, predicate, object): &(String, String, String),
    flags: &str,
    sentence: &str,
) {
    let sentence = sentence.replace(['\t', '\n'], " ");
    // A closed pipe (`| head`) ends the listing quietly.
    if writeln!(
        std::io::stdout(),
        "{doc}\t{subject}\t{predicate}\t{object}\t{flags}\t{sentence}"
    )
    .is_err()
    {
        std::process::exit(0);
    }
}
