//! `kg build` at scale, on the real binary: batching does not change the store, a build killed
//! at any point leaves the store as it was, duplicate ids keep the last document.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

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

fn build(store: &Path, input: &Path, extra: &[&str]) {
    kg().arg("build")
        .arg("--store")
        .arg(store)
        .args(extra)
        .arg(input)
        .assert()
        .success();
}

/// Every quad of the store, sorted.
fn dump(store: &Path) -> Vec<String> {
    let out = kg()
        .args(["export", "--format", "nquads", "--store"])
        .arg(store)
        .output()
        .expect("kg export runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

fn query(store: &Path, sparql: &str) -> String {
    let out = kg()
        .args(["query", "--format", "tsv", "--store"])
        .arg(store)
        .args(["-e", sparql])
        .output()
        .expect("kg query runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The seed articles as JSON lines, `copies` times over with distinct ids.
fn seeds_jsonl(dir: &Path, copies: usize) -> PathBuf {
    let mut texts: Vec<(String, String)> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).expect("a seed"))
        })
        .collect();
    texts.sort();
    let mut out = String::new();
    for copy in 0..copies {
        for (name, text) in &texts {
            let line = serde_json::json!({"id": format!("{name}-{copy}"), "text": text});
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    let path = dir.join(format!("seeds-x{copies}.jsonl"));
    std::fs::write(&path, out).expect("write the corpus");
    path
}

#[test]
fn batch_size_does_not_change_the_store() {
    let dir = TempDir::new().expect("temp dir");
    let input = seeds_jsonl(dir.path(), 2);
    let one = dir.path().join("one");
    let all = dir.path().join("all");
    build(&one, &input, &["--batch", "1"]);
    build(&all, &input, &["--batch", "1000"]);
    let a = dump(&one);
    assert!(a.len() > 1000, "a real store: {} quads", a.len());
    assert_eq!(a, dump(&all));
}

#[test]
fn a_document_given_twice_keeps_the_last_version() {
    let dir = TempDir::new().expect("temp dir");
    let input = dir.path().join("twice.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"Ana Silva met Ola Berg in Oslo on Monday.\"}\n\
         {\"id\":\"a\",\"text\":\"Rui Costa visited Lisbon on Friday.\"}\n",
    )
    .expect("write");
    let store = dir.path().join("store");
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(&input)
        .assert()
        .success()
        .stderr(predicate::str::contains("appears twice"));
    let people = query(
        &store,
        "SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l",
    );
    assert!(people.contains("Rui Costa"), "{people}");
    assert!(!people.contains("Ana Silva"), "{people}");
}

fn state(store: &Path) -> (String, String) {
    (
        query(
            store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        ),
        query(
            store,
            "SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l } ORDER BY ?l",
        ),
    )
}

fn spawn_build(store: &Path, input: &Path) -> Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("kg"))
        .current_dir(root())
        .arg("build")
        .arg("--store")
        .arg(store)
        .args(["--batch", "16"])
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("kg build starts")
}

#[test]
fn a_build_killed_at_any_point_leaves_the_store_as_it_was() {
    let dir = TempDir::new().expect("temp dir");
    let store = dir.path().join("store");
    let fresh = || {
        let _ = std::fs::remove_dir_all(&store);
        build(&store, &root().join("seeds"), &[]);
    };
    fresh();
    let before = state(&store);
    let input = seeds_jsonl(dir.path(), 30);

    // The store after a whole build, and how long one takes here, to spread the kills over it.
    // The shorter of two timed builds: a build slowed by other work on the machine would
    // spread the kills past the end of the faster builds that follow.
    let probe = dir.path().join("probe");
    let mut whole = Duration::MAX;
    for _ in 0..2 {
        let _ = std::fs::remove_dir_all(&probe);
        build(&probe, &root().join("seeds"), &[]);
        let started = Instant::now();
        build(&probe, &input, &["--batch", "16"]);
        whole = whole.min(started.elapsed());
    }
    let after = state(&probe);
    assert_ne!(after, before);

    let mut unchanged = 0;
    for step in 1..=6u32 {
        let at = whole.mul_f64(0.05 + 0.7 * f64::from(step) / 6.0);
        let mut child = spawn_build(&store, &input);
        std::thread::sleep(at);
        child.kill().expect("kill -9");
        let _ = child.wait();
        // Killed before the switch: the old store, whole; after it: the new one, whole.
        let now = state(&store);
        if now == before {
            unchanged += 1;
        } else {
            assert_eq!(
                now, after,
                "killed after {at:?}: neither the old store nor the new"
            );
            fresh();
        }
    }
    assert!(
        unchanged >= 3,
        "the kills must land mid-build ({unchanged} did)"
    );

    // The next build works and leaves one generation behind at most.
    build(&store, &input, &["--batch", "16"]);
    assert_eq!(state(&store), after);
    let generations = std::fs::read_dir(&store)
        .expect("store folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .count();
    assert!(generations <= 2, "{generations} generations left behind");
}

#[test]
fn a_second_writer_is_refused_while_a_build_runs() {
    let dir = TempDir::new().expect("temp dir");
    let store = dir.path().join("store");
    build(&store, &root().join("seeds"), &[]);
    let input = seeds_jsonl(dir.path(), 30);
    let mut child = spawn_build(&store, &input);
    // Let it take the lock (it does so before reading any document), then try a second build.
    std::thread::sleep(Duration::from_millis(300));
    let second = kg()
        .arg("build")
        .arg("--store")
        .arg(&store)
        .arg(root().join("seeds"))
        .output()
        .expect("runs");
    let running = child.try_wait().expect("wait").is_none();
    child.kill().expect("kill");
    let _ = child.wait();
    assert!(
        running,
        "the first build must still run for the check to mean anything"
    );
    assert_eq!(second.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&second.stderr).contains("locked"));
}

#[test]
fn shards_resolved_and_loaded_give_the_store_of_one_build() {
    let dir = TempDir::new().expect("temp dir");
    let whole = dir.path().join("whole");
    build(&whole, &root().join("seeds"), &[]);

    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 3);
    let (first, rest) = files.split_at(2);
    let mut shards = Vec::new();
    for (i, part) in [first, rest].iter().enumerate() {
        let shard = dir.path().join(format!("shard-{i}.jsonl"));
        kg().arg("extract")
            .args(part.iter())
            .arg("--out")
            .arg(&shard)
            .assert()
            .success();
        shards.push(shard);
    }
    let table = dir.path().join("entities.json");
    kg().arg("resolve")
        .args(&shards)
        .arg("--out")
        .arg(&table)
        .assert()
        .success();
    let loaded = dir.path().join("loaded");
    kg().arg("load")
        .args(&shards)
        .arg("--entities")
        .arg(&table)
        .arg("--store")
        .arg(&loaded)
        .assert()
        .success()
        .stdout(predicate::str::contains("from 5 documents"));
    assert_eq!(dump(&loaded), dump(&whole));

    // The table is the same whatever machine or run made it.
    let again = dir.path().join("again.json");
    kg().arg("resolve")
        .args(&shards)
        .arg("--out")
        .arg(&again)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&table).expect("table"),
        std::fs::read(&again).expect("table again")
    );
    // A table that is not one is a clear error.
    kg().arg("load")
        .args(&shards)
        .arg("--entities")
        .arg(&shards[0])
        .arg("--store")
        .arg(&loaded)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a resolution table"));
}
