//! `kg query` end to end on a store built from the seeds: the canned queries' answers, `--limit`
//! and `--timeout`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn kg() -> Command {
    let mut cmd = Command::cargo_bin("kg").expect("the kg binary is built");
    cmd.current_dir(root());
    cmd
}

/// A store built from the seeds, in a temporary folder.
fn seed_store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let store = dir.path().join("store");
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(root().join("seeds"))
        .assert()
        .success();
    (dir, store)
}

/// Header and rows of a query, as a table whose cells can be found by column name.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn run(store: &Path, args: &[&str]) -> Table {
        let out = kg()
            .args(["query", "--format", "tsv", "--store"])
            .arg(store)
            .args(args)
            .output()
            .expect("kg query runs");
        assert!(
            out.status.success(),
            "kg query {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut lines = text.lines();
        let header = lines
            .next()
            .unwrap_or_default()
            .split('\t')
            .map(|v| v.trim_start_matches('?').to_owned())
            .collect();
        let rows = lines
            .map(|line| line.split('\t').map(unquote).collect())
            .collect();
        Table { header, rows }
    }

    /// Whether a row has these values in these columns (a value ending in `…` is a prefix).
    fn has(&self, wanted: &[(&str, &str)]) -> bool {
        let columns: Vec<(usize, &str)> = wanted
            .iter()
            .map(|(name, value)| {
                let i = self.header.iter().position(|h| h == name);
                (
                    i.unwrap_or_else(|| panic!("no column {name} in {:?}", self.header)),
                    *value,
                )
            })
            .collect();
        self.rows.iter().any(|row| {
            columns
                .iter()
                .all(|&(i, value)| match value.strip_suffix('…') {
                    Some(prefix) => row[i].starts_with(prefix),
                    None => row[i] == value,
                })
        })
    }
}

/// A TSV cell without its quotes, or the lexical form of a typed literal.
fn unquote(cell: &str) -> String {
    let Some(inner) = cell.strip_prefix('"') else {
        return cell.to_owned();
    };
    match inner.rfind("\"^^") {
        Some(end) => inner[..end].to_owned(),
        None => inner.strip_suffix('"').unwrap_or(inner).to_owned(),
    }
}

#[test]
fn every_canned_query_gives_its_known_answers_on_the_seeds() {
    let (_dir, store) = seed_store();
    let expected: &[(&str, &[(&str, &str)])] = &[
        (
            "aliases",
            &[
                ("entity", "Joe Biden"),
                ("type", "Person"),
                ("aliases", "Biden"),
                ("documents", "5"),
            ],
        ),
        (
            "country-relations",
            &[
                ("from", "United States"),
                ("relation", "cooperatesWith"),
                ("to", "Vietnam"),
                ("statements", "4"),
            ],
        ),
        (
            "entities-by-type",
            &[
                ("type", "City"),
                ("entity", "Hanoi"),
                ("mentions", "16"),
                ("documents", "4"),
            ],
        ),
        (
            "events",
            &[
                ("event", "meets"),
                ("who", "Joe Biden"),
                ("whom", "Nguyen Phu Trong"),
                ("place", "Hanoi"),
                ("when", "2023-09-10"),
            ],
        ),
        (
            "facts-with-sources",
            &[
                ("subject", "Antony Blinken"),
                ("predicate", "holds"),
                ("object", "Secretary of State"),
                ("sentence", "Highlighting Vietnam’s increasing importance…"),
            ],
        ),
        (
            "meetings-and-visits",
            &[
                ("who", "Joe Biden"),
                ("relation", "meets"),
                ("whom", "Nguyen Phu Trong"),
                ("place", "Hanoi"),
                ("hedged", "false"),
            ],
        ),
        (
            "money",
            &[
                ("amount", "10000000000"),
                ("currency", "USD"),
                ("text", "$10 billion"),
                ("subject", "Vietnam Airlines"),
                ("predicate", "buysFrom"),
                ("object", "Boeing"),
            ],
        ),
        (
            "people-and-roles",
            &[
                ("person", "Jon Finer"),
                ("role", "Principal Deputy National Security Adviser"),
                ("of", "United States"),
                ("sources", "3"),
            ],
        ),
        (
            "quotes",
            &[
                ("speaker", "Joe Biden"),
                ("quote", "the United States is a Pacific nation…"),
            ],
        ),
    ];
    for (name, row) in expected {
        let table = Table::run(&store, &[name]);
        assert!(
            table.has(row),
            "{name}: no row with {row:?} among {:?}",
            table.rows
        );
    }
}

#[test]
fn people_and_roles_counts_each_post_once_with_its_documents() {
    let (_dir, store) = seed_store();
    let table = Table::run(&store, &["people-and-roles"]);
    assert!(table.has(&[
        ("person", "Joe Biden"),
        ("role", "President"),
        ("of", "United States"),
        ("sources", "5"),
    ]));
    // A post without an organisation has no `of`, rather than every label in the store.
    assert!(table.has(&[("person", "Antony Blinken"), ("of", ""), ("sources", "2")]));
    assert!(
        !table.rows.iter().any(|r| r[2].starts_with('$')),
        "{:?}",
        table.rows
    );
}

#[test]
fn facts_with_sources_has_one_row_per_statement() {
    let (_dir, store) = seed_store();
    // Each document naming a post writes the post's label: still one row per statement.
    let facts = Table::run(&store, &["facts-with-sources"]);
    let statements = Table::run(
        &store,
        &["-e", "SELECT (COUNT(*) AS ?n) WHERE { ?st a kg:Statement }"],
    );
    assert_eq!(facts.rows.len().to_string(), statements.rows[0][0]);
}

#[test]
fn limit_caps_rows_and_triples() {
    let (_dir, store) = seed_store();
    let rows = Table::run(
        &store,
        &["--limit", "5", "-e", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"],
    );
    assert_eq!(rows.rows.len(), 5);
    let facts = Table::run(&store, &["facts-with-sources", "--limit", "2"]);
    assert_eq!(facts.rows.len(), 2);
    let out = kg()
        .args(["query", "--format", "ntriples", "--limit", "3", "--store"])
        .arg(&store)
        .args(["-e", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"])
        .output()
        .expect("kg query runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    kg().args(["query", "--limit", "0", "--store"])
        .arg(&store)
        .args(["-e", "SELECT * WHERE { ?s ?p ?o }"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--limit"));
}

#[test]
fn timeout_stops_a_runaway_query_with_exit_2_and_no_output() {
    let (_dir, store) = seed_store();
    // Every triple with every triple with every triple: far more than a second's work.
    let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    kg().args(["query", "--format", "tsv", "--timeout", "1", "--store"])
        .arg(&store)
        .args(["-e", runaway])
        // A guard against a hang, not a measurement: the command ends right after its second.
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(
            predicate::str::contains("-e (--timeout 1)")
                .and(predicate::str::contains("stopped after 1 s")),
        );
    kg().args(["query", "--timeout", "soon", "--store"])
        .arg(&store)
        .args(["-e", runaway])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--timeout"));
}
