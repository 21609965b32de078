//! `kg serve` with real clients: curl for the protocol, its formats and its errors, RDFLib's
//! SPARQLStore as a SPARQL client library. Each test builds a store from the seeds, starts the
//! server on a free loopback port (it prints its URL) and kills it when the test ends.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use tempfile::TempDir;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn kg() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("kg"));
    cmd.current_dir(root());
    cmd
}

/// Builds `inputs` into the store (a new generation each time).
fn build(store: &Path, inputs: &[PathBuf]) {
    let out = kg()
        .arg("build")
        .arg("--store")
        .arg(store)
        .args(inputs)
        .output()
        .expect("kg build runs");
    assert!(
        out.status.success(),
        "kg build: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A store built from the seeds, in a temporary folder.
fn seed_store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let store = dir.path().join("store");
    build(&store, &[root().join("seeds")]);
    (dir, store)
}

/// A running `kg serve`, killed when dropped.
struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT/`.
    url: String,
}

impl Server {
    fn start(store: &Path, extra: &[&str]) -> Server {
        let mut child = kg()
            .args(["serve", "--bind", "127.0.0.1:0", "--store"])
            .arg(store)
            .args(extra)
            .stdout(Stdio::piped())
            // The request log would fill a pipe nobody reads.
            .stderr(Stdio::null())
            .spawn()
            .expect("kg serve starts");
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            let _ = BufReader::new(out).read_line(&mut line);
        }
        let server = Server {
            child,
            url: line.trim().to_owned(),
        };
        assert!(
            server.url.starts_with("http://127.0.0.1:") && server.url.ends_with('/'),
            "kg serve printed {:?} for its URL",
            server.url
        );
        server
    }

    fn endpoint(&self) -> String {
        format!("{}query", self.url)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer as curl saw it.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

/// Runs curl with `args` and the URL last.
fn curl(args: &[&str], url: &str) -> Answer {
    const MARK: &str = "\n@@curl@@";
    let out = Command::new("curl")
        .args(["-s", "--max-time", "60", "-w"])
        .arg(format!("{MARK}%{{http_code}} %{{content_type}}"))
        .args(args)
        .arg(url)
        .output()
        .expect("curl runs (apt-get install curl)");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, tail) = text.rsplit_once(MARK).expect("curl wrote its status");
    let (status, content_type) = tail.split_once(' ').unwrap_or((tail, ""));
    Answer {
        status: status.parse().expect("a status code"),
        content_type: content_type.to_owned(),
        body: body.to_owned(),
    }
}

/// GET /query?query=... with an Accept header.
fn get(server: &Server, query: &str, accept: &str) -> Answer {
    let header = format!("Accept: {accept}");
    let param = format!("query={query}");
    curl(
        &["-G", "-H", &header, "--data-urlencode", &param],
        &server.endpoint(),
    )
}

const LABELS: &str = "SELECT ?entity ?label WHERE { ?entity kg:key ?key ; rdfs:label ?label } \
                      ORDER BY ?label";
const KEYS: &str = "CONSTRUCT { ?entity kg:key ?key } WHERE { ?entity kg:key ?key }";

/// How many entities the store holds, as `kg query` counts them.
fn entity_count(store: &Path) -> usize {
    let out = kg()
        .args(["query", "--format", "tsv", "--store"])
        .arg(store)
        .args(["-e", LABELS])
        .output()
        .expect("kg query runs");
    String::from_utf8_lossy(&out.stdout).lines().count() - 1
}

#[test]
fn every_format_by_content_negotiation_with_get_and_post() {
    let (_dir, store) = seed_store();
    let entities = entity_count(&store);
    assert!(entities > 10, "{entities} entities in the seeds store");
    let server = Server::start(&store, &[]);

    // SELECT: each results format, its Content-Type and a sign of its syntax.
    let select: &[(&str, &str, &str)] = &[
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            "\"bindings\"",
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<sparql",
        ),
        ("text/csv", "text/csv; charset=utf-8", "entity,label\r\n"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values; charset=utf-8",
            "?entity\t?label\n",
        ),
        ("*/*", "application/sparql-results+json", "\"bindings\""),
        (
            "text/html,application/xhtml+xml,*/*;q=0.8",
            "application/sparql-results+json",
            "\"head\"",
        ),
    ];
    for (accept, content_type, sign) in select {
        let answer = get(&server, LABELS, accept);
        assert_eq!(answer.status, 200, "SELECT as {accept}: {}", answer.body);
        assert_eq!(&answer.content_type, content_type, "SELECT as {accept}");
        assert!(
            answer.body.contains(sign),
            "SELECT as {accept}: {}",
            answer.body
        );
    }
    let csv = get(&server, LABELS, "text/csv");
    assert_eq!(
        csv.body.lines().count() - 1,
        entities,
        "one CSV row per entity"
    );

    // No Accept header at all: JSON.
    let param = format!("query={LABELS}");
    let bare = curl(
        &["-G", "-H", "Accept:", "--data-urlencode", &param],
        &server.endpoint(),
    );
    assert_eq!(bare.content_type, "application/sparql-results+json");

    // POST, the query as the body, then as a form: the same rows as GET.
    let body = curl(
        &[
            "-H",
            "Content-Type: application/sparql-query",
            "-H",
            "Accept: text/csv",
            "--data-binary",
            LABELS,
        ],
        &server.endpoint(),
    );
    assert_eq!((body.status, &body.body), (200, &csv.body));
    let form = curl(
        &["-H", "Accept: text/csv", "--data-urlencode", &param],
        &server.endpoint(),
    );
    assert_eq!((form.status, &form.body), (200, &csv.body));

    // ASK.
    let ask = get(
        &server,
        "ASK { ?e kg:key ?k }",
        "application/sparql-results+json",
    );
    assert_eq!(ask.status, 200);
    assert!(ask.body.contains("\"boolean\":true"), "{}", ask.body);

    // CONSTRUCT: each RDF format.
    let construct: &[(&str, &str, &str)] = &[
        ("text/turtle", "text/turtle; charset=utf-8", "@prefix kg:"),
        (
            "application/n-triples",
            "application/n-triples",
            "<https://",
        ),
        ("application/rdf+xml", "application/rdf+xml", "<rdf:RDF"),
        ("application/ld+json", "application/ld+json", "\"@id\""),
        ("application/n-quads", "application/n-quads", "<https://"),
        ("application/trig", "application/trig", "kg:key"),
        ("*/*", "text/turtle; charset=utf-8", "kg:key"),
    ];
    for (accept, content_type, sign) in construct {
        let answer = get(&server, KEYS, accept);
        assert_eq!(answer.status, 200, "CONSTRUCT as {accept}: {}", answer.body);
        assert_eq!(&answer.content_type, content_type, "CONSTRUCT as {accept}");
        assert!(
            answer.body.contains(sign),
            "CONSTRUCT as {accept}: {}",
            answer.body
        );
    }
    let ntriples = get(&server, KEYS, "application/n-triples");
    assert_eq!(
        ntriples.body.lines().count(),
        entities,
        "one triple per entity"
    );

    // The page links the endpoint and offers the canned queries.
    let page = curl(&[], &server.url);
    assert_eq!(
        (page.status, page.content_type.as_str()),
        (200, "text/html; charset=utf-8")
    );
    assert!(page.body.contains("action=\"query\"") && page.body.contains(">aliases</option>"));
}

#[test]
fn errors_have_their_status_and_a_message() {
    let (_dir, store) = seed_store();
    let server = Server::start(&store, &["--timeout", "1"]);

    let bad = get(&server, "SELECT ?x\nWHERE { ?x ?y }", "*/*");
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(bad.content_type.starts_with("text/plain"));
    assert!(
        bad.body
            .starts_with("SPARQL syntax error at line 2, column"),
        "{}",
        bad.body
    );

    let impossible = get(&server, LABELS, "image/png");
    assert_eq!(impossible.status, 406, "{}", impossible.body);
    assert!(impossible.body.contains("text/csv"), "{}", impossible.body);
    // Acceptable for a graph, not for a SELECT.
    assert_eq!(get(&server, LABELS, "text/turtle").status, 406);
    assert_eq!(
        get(&server, KEYS, "application/sparql-results+json").status,
        406
    );

    let missing = curl(&[], &server.endpoint());
    assert_eq!(missing.status, 400, "{}", missing.body);
    let graphs = curl(
        &[
            "-G",
            "--data-urlencode",
            "query=ASK {}",
            "--data-urlencode",
            "default-graph-uri=http://x/",
        ],
        &server.endpoint(),
    );
    assert_eq!(graphs.status, 400, "{}", graphs.body);
    assert!(graphs.body.contains("FROM"), "{}", graphs.body);
    let update = curl(
        &[
            "-H",
            "Content-Type: application/sparql-update",
            "--data-binary",
            "CLEAR ALL",
        ],
        &server.endpoint(),
    );
    assert_eq!(update.status, 400, "{}", update.body);
    assert_eq!(curl(&["-X", "PUT"], &server.endpoint()).status, 405);
    assert_eq!(curl(&["-X", "DELETE"], &server.url).status, 405);
    assert_eq!(curl(&[], &format!("{}sparql", server.url)).status, 404);

    // Every triple with every triple with every triple: far more than the second it is given.
    let runaway = get(
        &server,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "*/*",
    );
    assert_eq!(runaway.status, 503, "{}", runaway.body);
    assert!(
        runaway.body.contains("stopped after 1 s"),
        "{}",
        runaway.body
    );
    // The server still answers.
    assert_eq!(get(&server, "ASK {}", "*/*").status, 200);
}

#[test]
fn a_build_while_serving_is_seen_by_the_next_query() {
    let dir = TempDir::new().expect("temp dir");
    let store = dir.path().join("store");
    let seeds: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    let (first, rest) = seeds.split_first().expect("seed articles");
    build(&store, std::slice::from_ref(first));
    let server = Server::start(&store, &[]);
    let documents = |server: &Server| {
        let query = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?s ?p ?o } \
                     FILTER(STRSTARTS(STR(?d), STR(<doc/>))) }";
        let answer = get(server, query, "text/csv");
        assert_eq!(answer.status, 200, "{}", answer.body);
        answer
            .body
            .lines()
            .nth(1)
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    assert_eq!(documents(&server), "1");
    // Queries keep coming while the build runs and switches generations: none may fail.
    let building = std::sync::atomic::AtomicBool::new(true);
    let answers = std::thread::scope(|scope| {
        let asking = scope.spawn(|| {
            let mut answers = Vec::new();
            while building.load(std::sync::atomic::Ordering::Relaxed) {
                answers.push(documents(&server));
            }
            answers
        });
        build(&store, rest);
        building.store(false, std::sync::atomic::Ordering::Relaxed);
        asking.join().expect("the asking thread ends")
    });
    let total = seeds.len().to_string();
    assert!(
        answers.iter().all(|n| n == "1" || *n == total),
        "answers during the build: {answers:?}"
    );
    assert_eq!(documents(&server), total);
}

/// The RDFLib venv of scripts/check-exports.sh, made the same way when it is missing.
fn rdflib_python() -> PathBuf {
    let home = std::env::var_os("HOME").expect("HOME is set");
    let venv = Path::new(&home).join(".cache/kg-venv");
    let python = venv.join("bin/python");
    let has_rdflib = |python: &Path| {
        Command::new(python)
            .args(["-c", "import rdflib"])
            .status()
            .is_ok_and(|s| s.success())
    };
    if !has_rdflib(&python) {
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .is_ok_and(|s| s.success())
            && Command::new(venv.join("bin/pip"))
                .args(["install", "-q", "rdflib"])
                .status()
                .is_ok_and(|s| s.success());
        assert!(made, "cannot make the RDFLib venv in {}", venv.display());
    }
    python
}

#[test]
fn rdflib_sparql_store_reads_the_endpoint() {
    let python = rdflib_python();
    let (_dir, store) = seed_store();
    let entities = entity_count(&store);
    let server = Server::start(&store, &[]);
    let out = Command::new(python)
        .arg(root().join("crates/cli/tests/sparql_store.py"))
        .arg(server.endpoint())
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "RDFLib: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.trim(), format!("entities {entities}"), "RDFLib read");
}
