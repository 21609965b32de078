//! The `kg` binary end to end: a real on-disk store, real Graphviz, the seed articles.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn kg() -> Command {
    let mut cmd = Command::cargo_bin("kg").expect("the kg binary is built");
    cmd.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    cmd
}

/// A store built from the seeds, in a temporary folder.
fn seed_store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let store = dir.path().join("store");
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(seeds())
        .assert()
        .success();
    (dir, store)
}

fn query(store: &Path, sparql: &str) -> String {
    let out = kg()
        .args(["query", "--format", "tsv", "--store"])
        .arg(store)
        .args(["-e", sparql])
        .output()
        .expect("kg query runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Labels of every entity of a type.
fn labels(store: &Path, class: &str) -> Vec<String> {
    let text = query(
        store,
        &format!("SELECT ?l WHERE {{ ?e a kg:{class} ; rdfs:label ?l }} ORDER BY ?l"),
    );
    text.lines()
        .skip(1)
        .map(|l| l.trim_matches('"').to_string())
        .collect()
}

#[test]
fn seed_entities_are_found_once_each() {
    let (_dir, store) = seed_store();
    let people = labels(&store, "Person");
    for name in [
        "Joe Biden",
        "Nguyen Phu Trong",
        "Jon Finer",
        "Pham Minh Chinh",
        "Antony Blinken",
        "Xi Jinping",
    ] {
        assert_eq!(
            people.iter().filter(|p| *p == name).count(),
            1,
            "{name} once among people: {people:?}"
        );
    }
    // No second node for a short form of a name.
    for short in ["Biden", "Trong", "Finer", "Xi"] {
        assert!(
            !people.iter().any(|p| p == short),
            "{short} is merged into the full name: {people:?}"
        );
    }
    let countries = labels(&store, "Country");
    for name in ["United States", "Vietnam", "Russia", "China"] {
        assert_eq!(
            countries.iter().filter(|c| *c == name).count(),
            1,
            "{name} once: {countries:?}"
        );
    }
    let orgs = [labels(&store, "Company"), labels(&store, "Organization")].concat();
    for name in ["Boeing", "Vietnam Airlines"] {
        assert_eq!(
            orgs.iter().filter(|o| *o == name).count(),
            1,
            "{name} once: {orgs:?}"
        );
    }
}

#[test]
fn page_cruft_never_becomes_an_entity() {
    let (_dir, store) = seed_store();
    let all = query(&store, "SELECT ?l WHERE { ?e kg:key ?k ; rdfs:label ?l }");
    for cruft in [
        "Qonversations",
        "Featured",
        "shutterstock",
        "John Logie Baird",
        "Cotard",
        "Sign up",
        "Follow",
        "PHOTO",
        "AFP",
        "Front of mind",
    ] {
        assert!(
            !all.contains(cruft),
            "{cruft} is page cruft, not an entity:\n{all}"
        );
    }
}

#[test]
fn biden_mentions_come_from_all_five_documents() {
    let (_dir, store) = seed_store();
    let n = query(
        &store,
        "SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?e rdfs:label \"Joe Biden\" . ?m itsrdf:taIdentRef ?e ; nif:referenceContext ?doc }",
    );
    let count: Option<u32> = n
        .lines()
        .nth(1)
        .and_then(|l| l.trim().trim_matches('"').parse().ok());
    assert_eq!(
        count,
        Some(5),
        "Joe Biden is mentioned in all five seed documents:\n{n}"
    );
}

#[test]
fn roles_for_biden_and_finer() {
    let (_dir, store) = seed_store();
    let roles = query(
        &store,
        "SELECT ?p ?r ?o WHERE { ?x rdfs:label ?p ; org:holds ?post . ?post org:role/skos:prefLabel ?r . OPTIONAL { ?post org:postIn/rdfs:label ?o } }",
    );
    assert!(
        roles.lines().any(|l| l.contains("Joe Biden")
            && l.contains("President")
            && l.contains("United States")),
        "{roles}"
    );
    assert!(
        roles
            .lines()
            .any(|l| l.contains("Jon Finer") && l.contains("Security Adviser")),
        "{roles}"
    );
}

#[test]
fn countries_are_related() {
    let (_dir, store) = seed_store();
    let rel = query(
        &store,
        "SELECT ?a ?b WHERE { ?s kg:subject ?x ; kg:object ?y . ?x a kg:Country ; rdfs:label ?a . ?y a kg:Country ; rdfs:label ?b }",
    );
    assert!(
        rel.lines().count() > 1,
        "some relation between two countries:\n{rel}"
    );
}

#[test]
fn rebuilding_changes_nothing_and_a_new_document_adds_only_its_facts() {
    let dir = TempDir::new().expect("temp dir");
    let store = dir.path().join("store");
    let first = dir.path().join("first");
    std::fs::create_dir(&first).expect("mkdir");
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds())
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let last = files.pop().expect("five seeds");
    for f in &files {
        std::fs::copy(f, first.join(f.file_name().expect("name"))).expect("copy");
    }
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(&first)
        .assert()
        .success();
    let count = |store: &Path| {
        query(
            store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        )
    };
    let before = count(&store);
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(&first)
        .assert()
        .success()
        .stdout(predicate::str::contains("0  added"));
    assert_eq!(
        count(&store),
        before,
        "rebuilding the same input changes nothing"
    );
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(&last)
        .assert()
        .success();
    assert_ne!(count(&store), before);
    let biden = query(
        &store,
        "SELECT ?e WHERE { ?e a kg:Person ; rdfs:label ?l FILTER(CONTAINS(?l, \"Biden\")) }",
    );
    assert_eq!(
        biden.lines().count(),
        2,
        "one Biden after an incremental build:\n{biden}"
    );
}

#[test]
fn query_reports_syntax_errors_with_position_and_exits_1_on_no_rows() {
    let (_dir, store) = seed_store();
    kg().arg("query")
        .arg("--store")
        .arg(&store)
        .args(["-e", "SELECT ?x WHERE {\n  ?x ?y \n}}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line").and(predicate::str::contains("column")));
    kg().arg("query")
        .arg("--store")
        .arg(&store)
        .args(["-e", "SELECT ?x WHERE { ?x rdfs:label \"No Such Name\" }"])
        .assert()
        .code(1);
    for name in [
        "entities-by-type",
        "people-and-roles",
        "country-relations",
        "meetings-and-visits",
        "events",
        "facts-with-sources",
        "money",
        "aliases",
        "quotes",
    ] {
        kg().arg("query")
            .arg("--store")
            .arg(&store)
            .arg(name)
            .assert()
            .success();
    }
}

#[test]
fn every_export_format_round_trips_through_a_parser() {
    let (dir, store) = seed_store();
    for ext in ["ttl", "nt", "nq", "trig", "rdf", "jsonld"] {
        let path = dir.path().join(format!("kg.{ext}"));
        kg().arg("export")
            .arg("--store")
            .arg(&store)
            .arg("-o")
            .arg(&path)
            .assert()
            .success();
        let bytes = std::fs::read(&path).expect("export written");
        assert!(bytes.len() > 1000, "{ext} export has content");
        let format = kg_graph::rdf_format_from_path(&path).expect("known extension");
        let quads = oxigraph::io::RdfParser::from_format(format)
            .for_reader(bytes.as_slice())
            .collect::<Result<Vec<_>, _>>();
        assert!(
            quads.as_ref().is_ok_and(|q| q.len() > 100),
            "{ext}: {:?}",
            quads.err()
        );
    }
}

/// A count from `kg stats` (`entities`, `edges`).
fn stat(store: &Path, name: &str) -> usize {
    let out = kg()
        .args(["stats", "--top", "0", "--store"])
        .arg(store)
        .output()
        .expect("kg stats runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix(name)?
                .split_whitespace()
                .next()?
                .parse()
                .ok()
        })
        .unwrap_or_else(|| panic!("kg stats prints {name}"))
}

#[test]
fn graph_tool_exports_hold_the_entity_graph() {
    let (dir, store) = seed_store();
    let (entities, edges) = (stat(&store, "entities "), stat(&store, "edges "));
    assert!(
        entities > 10 && edges > 10,
        "{entities} entities, {edges} edges"
    );

    let graphml = dir.path().join("kg.graphml");
    kg().arg("export")
        .arg("--store")
        .arg(&store)
        .arg("-o")
        .arg(&graphml)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "wrote {entities} entities and {edges} relations"
        )));
    let xml = std::fs::read_to_string(&graphml).expect("GraphML written");
    assert_eq!(xml.matches("<node ").count(), entities);
    assert_eq!(xml.matches("<edge ").count(), edges);
    assert!(xml.contains(r#"<data key="n_label">Joe Biden</data>"#));

    let folder = dir.path().join("neo4j");
    kg().args(["export", "--format", "neo4j", "--store"])
        .arg(&store)
        .arg("-o")
        .arg(&folder)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "neo4j-admin database import full --nodes=",
        ));
    let nodes = std::fs::read_to_string(folder.join("nodes.csv")).expect("nodes.csv written");
    let rels = std::fs::read_to_string(folder.join("relationships.csv"))
        .expect("relationships.csv written");
    // One line per record: neo4j-admin reads no line breaks inside fields by default.
    assert_eq!(
        nodes.lines().next(),
        Some(kg_graph::NEO4J_NODE_HEADER.join(",").as_str())
    );
    assert_eq!(nodes.lines().count(), entities + 1);
    assert_eq!(
        rels.lines().next(),
        Some(kg_graph::NEO4J_RELATIONSHIP_HEADER.join(",").as_str())
    );
    assert_eq!(rels.lines().count(), edges + 1);
    assert!(nodes.contains(",Joe Biden,Person,"), "{nodes}");

    kg().args(["export", "--format", "neo4j", "--store"])
        .arg(&store)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o DIR"));
}

#[test]
fn render_draws_a_real_svg_and_suggests_names() {
    let (dir, store) = seed_store();
    let svg = dir.path().join("biden.svg");
    kg().args(["render", "--focus", "Biden", "--format", "svg", "--store"])
        .arg(&store)
        .arg("-o")
        .arg(&svg)
        .assert()
        .success();
    let text = std::fs::read_to_string(&svg).expect("svg written");
    assert!(
        text.contains("<svg") && text.contains("Joe Biden"),
        "a picture of Biden's neighbourhood"
    );
    kg().args(["render", "--focus", "Bidne", "--store"])
        .arg(&store)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Biden"));
    // Without Graphviz on the PATH, SVG fails with a clear message, DOT still works.
    let empty = TempDir::new().expect("temp dir");
    kg().env("PATH", empty.path())
        .args(["render", "--format", "svg", "--store"])
        .arg(&store)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("graphviz"));
    kg().env("PATH", empty.path())
        .args(["render", "--format", "dot", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("digraph"));
}

/// `kg render --format dot` with these arguments: the DOT source and standard error.
fn render_dot(store: &Path, args: &[&str]) -> (String, String) {
    let out = kg()
        .args(["render", "--format", "dot", "--store"])
        .arg(store)
        .args(args)
        .output()
        .expect("kg render runs");
    assert!(out.status.success(), "{args:?}: {out:?}");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The entity nodes of a DOT diagram (legend nodes left out): their lines.
fn dot_nodes(dot: &str) -> Vec<&str> {
    dot.lines()
        .map(str::trim)
        .filter(|l| {
            let id: String = l.chars().skip(1).take_while(char::is_ascii_digit).collect();
            l.starts_with('n') && !id.is_empty() && l[1 + id.len()..].starts_with('[')
        })
        .collect()
}

/// The edge lines of a DOT diagram.
fn dot_edges(dot: &str) -> Vec<&str> {
    dot.lines().filter(|l| l.contains(" -> ")).collect()
}

/// The number just before `what` in `text` ("12 without links" -> 12).
fn count_before(text: &str, what: &str) -> Option<usize> {
    let head = &text[..text.find(what)?];
    let digits: String = head
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

/// Statements behind a merged edge: the number its label ends with, 1 when none.
fn edge_weight(line: &str) -> usize {
    let label = line
        .split("label=\"")
        .nth(1)
        .and_then(|l| l.split('"').next())
        .unwrap_or("");
    label
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once('('))
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(1)
}

#[test]
fn render_overview_is_capped_filtered_and_captioned() {
    let (_dir, store) = seed_store();
    // Every entity with a link, uncapped: the reference for the cuts below.
    let (all, caption) = render_dot(&store, &["--top", "0"]);
    let linked = dot_nodes(&all).len();
    assert!(linked > 6, "{caption}\n{all}");
    let isolated = count_before(&caption, " without links")
        .unwrap_or_else(|| panic!("isolated entities counted: {caption}"));
    assert!(isolated > 0, "{caption}");

    // --top caps the drawing; the caption says how many of how many.
    let (dot, caption) = render_dot(&store, &["--top", "5"]);
    let nodes = dot_nodes(&dot);
    assert!((2..=5).contains(&nodes.len()), "{}\n{dot}", nodes.len());
    assert_eq!(
        count_before(&caption, " of "),
        Some(nodes.len()),
        "{caption}"
    );
    assert!(caption.contains("by PageRank"), "{caption}");
    assert_eq!(count_before(&caption, " without links"), Some(isolated));
    assert!(count_before(&caption, " ranked lower").is_some_and(|n| n > 0));
    assert!(
        dot.contains("layout=\"neato\""),
        "an overview is spread out"
    );
    // No entity is drawn without an edge.
    let edges = dot_edges(&dot);
    for node in &nodes {
        let id = &node[..node.find('[').unwrap_or(0)];
        assert!(
            edges.iter().any(|e| e.split_whitespace().any(|w| w == id)),
            "{id} drawn alone:\n{dot}"
        );
    }

    // --type keeps only those entities.
    let (dot, caption) = render_dot(&store, &["--type", "Person,Country"]);
    let nodes = dot_nodes(&dot);
    assert!(!nodes.is_empty(), "{caption}");
    assert!(
        nodes
            .iter()
            .all(|n| n.contains("(Person/") || n.contains("(Country/")),
        "{dot}"
    );
    assert!(caption.contains("only Person, Country"), "{caption}");
    assert!(caption.contains("of other types"), "{caption}");

    // --min-weight drops light links, and the entities left with none.
    assert!(dot_edges(&all).iter().any(|e| edge_weight(e) < 2), "{all}");
    let (heavy, caption) = render_dot(&store, &["--top", "0", "--min-weight", "2"]);
    let edges = dot_edges(&heavy);
    assert!(!edges.is_empty(), "{caption}");
    assert!(edges.iter().all(|e| edge_weight(e) >= 2), "{heavy}");
    assert!(dot_nodes(&heavy).len() < linked, "{caption}");
    assert!(caption.contains("links of >= 2 statements"), "{caption}");

    // A neighbourhood keeps the focus and its strongest neighbours.
    let (dot, caption) = render_dot(&store, &["--focus", "Biden", "--top", "2"]);
    assert_eq!(dot_nodes(&dot).len(), 3, "{caption}\n{dot}");
    assert!(caption.contains("the 2 strongest of"), "{caption}");
    assert!(caption.contains("weaker neighbours"), "{caption}");

    kg().args(["render", "--type", "Planet", "--store"])
        .arg(&store)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown type"));
}

#[test]
fn bad_input_is_a_clear_error_and_the_store_is_unchanged() {
    let (dir, store) = seed_store();
    let count = || {
        query(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        )
    };
    let before = count();
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).expect("mkdir");
    std::fs::write(bad.join("binary.txt"), [0u8, 159, 146, 150, 0, 1]).expect("write");
    std::fs::write(bad.join("empty.txt"), "").expect("write");
    std::fs::write(bad.join("latin1.txt"), b"Caf\xe9 society met on Monday.").expect("write");
    let cases: Vec<(Vec<PathBuf>, &str)> = vec![
        (vec![dir.path().join("missing.txt")], "no such file"),
        (vec![dir.path().join("empty-folder")], "no text files"),
        (vec![bad.join("binary.txt")], "binary"),
        (vec![bad.join("empty.txt")], "empty"),
        (vec![bad.join("latin1.txt")], "latin1.txt:1:4"),
    ];
    std::fs::create_dir(dir.path().join("empty-folder")).expect("mkdir");
    for (paths, message) in cases {
        kg().arg("build")
            .arg("--store")
            .arg(&store)
            .args(&paths)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    // One bad file among good ones: a warning, the good ones are read.
    std::fs::write(
        bad.join("good.txt"),
        "Ana Silva met Ola Berg in Oslo on Monday.",
    )
    .expect("write");
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(&bad)
        .assert()
        .success()
        .stderr(predicate::str::contains("warning"));
    assert_ne!(count(), before);
    let before = count();
    // A 50 MB line is skipped with a clear message, not a crash.
    let huge = dir.path().join("huge.txt");
    std::fs::write(&huge, "word ".repeat(10_000_000)).expect("write");
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(&huge)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("limit"));
    assert_eq!(count(), before, "the store is unchanged");
}

#[test]
fn a_store_in_use_is_reported_not_corrupted() {
    let (_dir, store) = seed_store();
    let holder = kg_graph::Graph::open(&store).expect("first writer");
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(seeds())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("locked"));
    drop(holder);
    kg().arg("stats")
        .arg("--store")
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("Joe Biden"));
}

#[test]
fn extract_prints_offsets_into_the_given_text() {
    let text = "Chancellor Ana Silva met executives of Nordhavn Motors in Bergen on Tuesday.";
    let out = kg()
        .args(["extract", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let line = String::from_utf8_lossy(&out.stdout);
    let value: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON line");
    let mentions = value["mentions"].as_array().expect("mentions");
    assert!(!mentions.is_empty());
    let chars: Vec<char> = text.chars().collect();
    for m in mentions {
        let (s, e) = (
            m["start"].as_u64().expect("start") as usize,
            m["end"].as_u64().expect("end") as usize,
        );
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(slice, m["text"].as_str().expect("text"));
    }
    assert!(
        mentions
            .iter()
            .any(|m| m["text"] == "Ana Silva" && m["type"] == "Person"),
        "{line}"
    );
    let out = kg()
        .args(["extract", "--format", "mentions", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    let first = String::from_utf8_lossy(&out.stdout);
    let first: serde_json::Value =
        serde_json::from_str(first.lines().next().expect("a line")).expect("json");
    assert!(
        first["label"]
            .as_str()
            .is_some_and(|l| ["PER", "ORG", "LOC"].contains(&l))
    );
}

#[test]
fn eval_scores_the_users_gold_files_and_models_come_from_a_folder() {
    let dir = TempDir::new().expect("temp dir");
    let docs = dir.path().join("docs.jsonl");
    std::fs::write(
        &docs,
        "{\"id\":\"d1\",\"text\":\"Prime Minister Ana Silva visited Bergen on Tuesday.\"}\n",
    )
    .expect("docs");
    // NER: one right mention, one the extractor cannot find.
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"doc\":\"d1\",\"start\":15,\"end\":24,\"label\":\"PER\"}\n\
         {\"doc\":\"d1\",\"start\":0,\"end\":5,\"label\":\"ORG\"}\n",
    )
    .expect("gold");
    kg().args(["eval", "ner", "--docs"])
        .arg(&docs)
        .arg("--gold")
        .arg(&gold)
        .assert()
        .success()
        .stdout(predicate::str::contains("micro").and(predicate::str::contains("PER")));
    // Relations: the visit is found; a fact the text does not state is not.
    let tsv = dir.path().join("gold.tsv");
    std::fs::write(
        &tsv,
        "doc\tsplit\tsubject\tpredicate\tobject\tevidence\n\
         d1\tdev\tAna Silva\tvisits\tBergen\tAna Silva visited Bergen\n\
         d1\tdev\tAna Silva\tmeets\tBergen\tnot stated\n",
    )
    .expect("tsv");
    let out = kg()
        .args(["eval", "relations", "--docs"])
        .arg(&docs)
        .arg("--gold")
        .arg(&tsv)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    // The dev row: 1 document, gold 2, found 1 (the visit; "meets" is not stated).
    let dev: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("dev"))
        .map(|l| l.split_whitespace().collect())
        .unwrap_or_default();
    assert_eq!(dev.get(4..6), Some(&["2", "1"][..]), "{out}");
    // A bad gold line is named by file and line.
    std::fs::write(
        &tsv,
        "doc\tsplit\tsubject\tpredicate\tobject\tevidence\nd1\tdev\n",
    )
    .expect("tsv");
    kg().args(["eval", "relations", "--docs"])
        .arg(&docs)
        .arg("--gold")
        .arg(&tsv)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gold.tsv").and(predicate::str::contains("2")));
    // --models: an empty folder is an error; a folder with a model but no manifest names it.
    let models = dir.path().join("models");
    std::fs::create_dir_all(&models).expect("models dir");
    kg().args(["extract", "--models"])
        .arg(&models)
        .arg(&docs)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no model"));
    std::fs::write(models.join("ner.model"), b"KGNR").expect("model");
    kg().args(["extract", "--models"])
        .arg(&models)
        .arg(&docs)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ner.manifest.json"));
}

/// The CoNLL-U word lines of `kg parse` output, split into columns.
fn word_lines(conllu: &str) -> Vec<Vec<String>> {
    conllu
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn parse_prints_conllu_and_reads_its_own_output_back() {
    let text =
        "Tove Lindqvist sold the ferry to Harrow Marine.\nThe plant was closed by its owners.";
    let out = kg()
        .args(["parse", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conllu = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(conllu.starts_with("# newdoc id = "), "{conllu}");
    assert_eq!(conllu.matches("# sent_id = ").count(), 2, "{conllu}");
    assert!(conllu.contains("# text = The plant was closed by its owners."));
    let words = word_lines(&conllu);
    assert!(words.iter().all(|w| w.len() == 10), "{conllu}");
    let find = |form: &str| {
        words
            .iter()
            .find(|w| w[1] == form)
            .unwrap_or_else(|| panic!("{form} in {conllu}"))
    };
    assert_eq!(find("Tove")[7], "nsubj");
    assert_eq!(find("ferry")[7], "obj");
    assert_eq!(find("sold")[2], "sell");
    assert_eq!(find("plant")[7], "nsubj:pass");
    assert!(find("Marine")[9].starts_with("SpaceAfter=No|TokenRange="));
    // Offsets: "ferry" is code points 24..29 of the input.
    assert_eq!(find("ferry")[9], "TokenRange=24:29");

    // --conllu keeps the words and sentences and predicts the rest again.
    let again = kg()
        .args(["parse", "--conllu", "-"])
        .write_stdin(conllu.clone())
        .output()
        .expect("runs");
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let again = String::from_utf8(again.stdout).expect("UTF-8");
    let forms = |w: &[Vec<String>]| w.iter().map(|c| c[1].clone()).collect::<Vec<_>>();
    let heads = |w: &[Vec<String>]| w.iter().map(|c| c[6].clone()).collect::<Vec<_>>();
    assert_eq!(forms(&word_lines(&again)), forms(&words));
    assert_eq!(heads(&word_lines(&again)), heads(&words));
    assert!(again.contains("# sent_id = "), "{again}");

    // JSON: one object per sentence.
    let json = kg()
        .args(["parse", "--format", "json", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    let json = String::from_utf8_lossy(&json.stdout);
    let first: serde_json::Value =
        serde_json::from_str(json.lines().next().expect("a line")).expect("json");
    assert_eq!(first["tokens"][0]["form"], "Tove");
    assert_eq!(first["tokens"][0]["upos"], "PROPN");
}

#[test]
fn parse_rejects_bad_input_with_its_place_and_never_panics() {
    let dir = TempDir::new().expect("temp dir");
    let bad = dir.path().join("bad.conllu");
    std::fs::write(&bad, "# sent_id = 1\n1\tHi\t_\t_\n").expect("write");
    let out = kg()
        .args(["parse", "--conllu"])
        .arg(&bad)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.conllu:2:1"), "{err}");

    let latin1 = dir.path().join("latin1.conllu");
    std::fs::write(&latin1, b"1\tcaf\xe9\t_\t_\t_\t_\t_\t_\t_\t_\n").expect("write");
    let out = kg()
        .args(["parse", "--conllu"])
        .arg(&latin1)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("latin1.conllu:1:"));

    let binary = dir.path().join("blob.conllu");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).expect("write");
    let out = kg()
        .args(["parse", "--conllu"])
        .arg(&binary)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));

    for input in ["", "   \n\n", "# only a comment\n"] {
        let out = kg()
            .args(["parse", "--conllu", "-"])
            .write_stdin(input)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{input:?}");
        let out = kg()
            .args(["parse", "-"])
            .write_stdin(input)
            .output()
            .expect("runs");
        assert!(matches!(out.status.code(), Some(0 | 2)), "{input:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
    let out = kg()
        .args(["parse", "-"])
        .write_stdin("@@@ ??? \u{1F600} ;;; ---")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let conllu = String::from_utf8_lossy(&out.stdout);
    let words = word_lines(&conllu);
    assert_eq!(
        words.iter().filter(|w| w[6] == "0").count(),
        conllu.matches("# sent_id = ").count(),
        "one root per sentence: {conllu}"
    );
}
