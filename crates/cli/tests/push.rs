//! `kg push` against a real Virtuoso (Debian's virtuoso-opensource, installed by
//! scripts/setup.sh), started on loopback with a throwaway database and stopped after.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

/// The configuration the package installs, copied and pointed at a throwaway folder.
const PACKAGED_INI: &str = "/etc/virtuoso-opensource-7/virtuoso.ini";
/// The account of a new Virtuoso database.
const USER: &str = "dba";
const PASSWORD: &str = "dba";
/// Graphs under this base are kg's (Virtuoso keeps its own graphs too).
const BASE: &str = "https://kg.example.org/";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn kg() -> Command {
    let mut cmd = Command::cargo_bin("kg").expect("the kg binary is built");
    cmd.current_dir(root()).env_remove("KG_PUSH_PASSWORD");
    cmd
}

/// A Virtuoso server of its own, killed when dropped.
struct Virtuoso {
    child: Child,
    http_port: u16,
    dir: TempDir,
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Virtuoso {
    fn start() -> Virtuoso {
        assert!(
            on_path("virtuoso-t") && Path::new(PACKAGED_INI).exists(),
            "Virtuoso is not installed (no virtuoso-t or no {PACKAGED_INI}): run scripts/setup.sh, \
             which installs Debian's virtuoso-opensource package"
        );
        let dir = TempDir::new().expect("temp dir");
        let (sql_port, http_port) = (free_port(), free_port());
        let ini = dir.path().join("virtuoso.ini");
        let packaged = fs::read_to_string(PACKAGED_INI).expect("the packaged virtuoso.ini");
        fs::write(
            &ini,
            throwaway_ini(&packaged, dir.path(), sql_port, http_port),
        )
        .expect("write virtuoso.ini");
        let log = File::create(dir.path().join("console.log")).expect("console log");
        let child = Process::new("virtuoso-t")
            .arg("-c")
            .arg(&ini)
            .arg("+foreground")
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("start virtuoso-t");
        let mut server = Virtuoso {
            child,
            http_port,
            dir,
        };
        server.wait_until_ready();
        server
    }

    fn wait_until_ready(&mut self) {
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("virtuoso-t exited ({status}):\n{}", self.console());
            }
            let answered = ureq::get(format!("http://127.0.0.1:{}/sparql", self.http_port))
                .call()
                .is_ok_and(|r| r.status().is_success());
            if answered {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(180),
                "Virtuoso did not answer on HTTP within 3 minutes:\n{}",
                self.console()
            );
            thread::sleep(Duration::from_millis(500));
        }
    }

    fn console(&self) -> String {
        fs::read_to_string(self.dir.path().join("console.log")).unwrap_or_default()
    }

    fn graph_store(&self) -> String {
        format!("http://127.0.0.1:{}/sparql-graph-crud-auth", self.http_port)
    }

    /// Triples per kg graph, as Virtuoso's SPARQL endpoint counts them.
    fn counts(&self) -> BTreeMap<String, u64> {
        let query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
        let text = ureq::get(format!("http://127.0.0.1:{}/sparql", self.http_port))
            .query("query", query)
            .header("Accept", "text/csv")
            .call()
            .expect("SPARQL query")
            .body_mut()
            .read_to_string()
            .expect("SPARQL results");
        text.lines()
            .skip(1)
            .filter_map(|line| {
                let (graph, count) = line.rsplit_once(',')?;
                Some((
                    graph.trim_matches('"').to_owned(),
                    count.trim().parse().ok()?,
                ))
            })
            .filter(|(graph, _): &(String, u64)| graph.starts_with(BASE))
            .collect()
    }
}

/// The packaged configuration with every file in `dir` (the temporary database getting files of
/// its own, which some packaged versions share with the main one) and both ports on loopback.
fn throwaway_ini(packaged: &str, dir: &Path, sql_port: u16, http_port: u16) -> String {
    let mut section = String::new();
    let mut out = String::new();
    for line in packaged.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            section = trimmed.to_ascii_lowercase();
        }
        let key = trimmed
            .split_once('=')
            .map(|(k, _)| k.trim().to_ascii_lowercase())
            .filter(|_| !trimmed.starts_with(';'));
        let file = |name: &str| format!("{}", dir.join(name).display());
        let value = match (section.as_str(), key.as_deref()) {
            ("[database]", Some("databasefile")) => Some(file("virtuoso.db")),
            ("[database]", Some("errorlogfile")) => Some(file("virtuoso.log")),
            ("[database]", Some("lockfile")) => Some(file("virtuoso.lck")),
            ("[database]", Some("transactionfile")) => Some(file("virtuoso.trx")),
            ("[database]", Some("xa_persistent_file")) => Some(file("virtuoso.pxa")),
            ("[tempdatabase]", Some("databasefile")) => Some(file("virtuoso-temp.db")),
            ("[tempdatabase]", Some("transactionfile")) => Some(file("virtuoso-temp.trx")),
            ("[parameters]", Some("serverport")) => Some(format!("127.0.0.1:{sql_port}")),
            ("[httpserver]", Some("serverport")) => Some(format!("127.0.0.1:{http_port}")),
            _ => None,
        };
        match (key, value) {
            (Some(key), Some(value)) => out.push_str(&format!("{key} = {value}\n")),
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

fn free_port() -> u16 {
    // The port is free once the listener is dropped; another process could take it in between,
    // which on a test machine's loopback is unlikely enough.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// Triples per graph of the store, as `kg query` counts them.
fn store_counts(store: &Path) -> BTreeMap<String, u64> {
    let out = kg()
        .args(["query", "--format", "tsv", "--store"])
        .arg(store)
        .args([
            "-e",
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        ])
        .output()
        .expect("kg query runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .filter_map(|line| {
            let (graph, count) = line.split_once('\t')?;
            let digits: String = count.chars().filter(char::is_ascii_digit).collect();
            Some((
                graph.trim_matches(['<', '>']).to_owned(),
                digits.parse().ok()?,
            ))
        })
        .collect()
}

fn push(
    store: &Path,
    server: &Virtuoso,
    password: &str,
    extra: &[&str],
) -> assert_cmd::assert::Assert {
    kg().arg("push")
        .arg("--store")
        .arg(store)
        .args(["--endpoint", &server.graph_store(), "--user", USER])
        .args(extra)
        .env("KG_PUSH_PASSWORD", password)
        .assert()
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

#[test]
fn push_to_virtuoso() {
    let dir = TempDir::new().expect("temp dir");
    let store = dir.path().join("store");
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(root().join("seeds"))
        .assert()
        .success();
    let expected = store_counts(&store);
    assert!(expected.len() >= 3, "graphs in the store: {expected:?}");
    let server = Virtuoso::start();

    // Small chunks, so that document graphs go as one PUT and several POSTs.
    let first = push(&store, &server, PASSWORD, &["--chunk-size", "16K"]).success();
    assert!(
        stdout(&first).contains(&format!("pushed {} graphs", expected.len())),
        "{}",
        stdout(&first)
    );
    assert_eq!(server.counts(), expected, "every graph, every triple");

    // Pushed again in full: graphs are replaced, nothing doubles.
    push(&store, &server, PASSWORD, &["--fresh"]).success();
    assert_eq!(server.counts(), expected, "nothing doubled");

    // Pushed again: nothing to do.
    let again = push(&store, &server, PASSWORD, &[]).success();
    assert!(
        stdout(&again).contains(&format!(
            "pushed 0 graphs (0 quads) to {}",
            server.graph_store()
        )) && stdout(&again).contains(&format!("{} unchanged", expected.len())),
        "{}",
        stdout(&again)
    );

    // An interrupted push (two graphs not noted as pushed) resumes with those two only.
    let state = store.join("pushed.tsv");
    let noted = fs::read_to_string(&state).expect("pushed.tsv");
    let kept: Vec<&str> = noted.lines().skip(2).collect();
    fs::write(&state, kept.join("\n") + "\n").expect("rewrite pushed.tsv");
    let resumed = push(&store, &server, PASSWORD, &[]).success();
    assert!(
        stdout(&resumed).contains("pushed 2 graphs"),
        "{}",
        stdout(&resumed)
    );
    assert_eq!(server.counts(), expected);

    // A wrong password: a clear error naming the graph and what the server said.
    push(&store, &server, "not the password", &["--fresh"])
        .code(2)
        .stderr(
            predicate::str::contains("graph <https://kg.example.org/")
                .and(predicate::str::contains("401"))
                .and(predicate::str::contains("KG_PUSH_PASSWORD")),
        );

    // No login at all on an endpoint that wants one.
    kg().arg("push")
        .arg("--store")
        .arg(&store)
        .args(["--endpoint", &server.graph_store(), "--fresh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("asks for a login"));
}

#[test]
fn a_user_without_a_password_is_refused_before_connecting() {
    kg().args([
        "push",
        "--endpoint",
        "http://127.0.0.1:9/store",
        "--user",
        "someone",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("KG_PUSH_PASSWORD"));
}

/// One request as the stand-in server saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    target: String,
    authorization: Option<String>,
    lines: usize,
}

/// A stand-in Graph Store Protocol server on loopback that wants HTTP basic logins and answers
/// the first PUT with 503 (to be retried); it records what it was sent.
fn basic_server() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<Seen>>>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Seen>::new()));
    let log = seen.clone();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let log = log.clone();
            thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut writer = stream;
                loop {
                    let mut head = String::new();
                    if reader.read_line(&mut head).unwrap_or(0) == 0 {
                        return;
                    }
                    let mut parts = head.split_whitespace();
                    let method = parts.next().unwrap_or_default().to_owned();
                    let target = parts.next().unwrap_or_default().to_owned();
                    let (mut length, mut authorization) = (0usize, None);
                    loop {
                        let mut line = String::new();
                        reader.read_line(&mut line).expect("header");
                        let line = line.trim_end();
                        if line.is_empty() {
                            break;
                        }
                        let (name, value) = line.split_once(':').expect("header line");
                        match name.to_ascii_lowercase().as_str() {
                            "content-length" => length = value.trim().parse().expect("length"),
                            "authorization" => authorization = Some(value.trim().to_owned()),
                            _ => {}
                        }
                    }
                    let mut body = vec![0; length];
                    reader.read_exact(&mut body).expect("body");
                    let request = Seen {
                        method: method.clone(),
                        target,
                        authorization: authorization.clone(),
                        lines: body.iter().filter(|&&b| b == b'\n').count(),
                    };
                    let mut log = log.lock().expect("log");
                    let first_put = method == "PUT" && !log.iter().any(|s| s.method == "PUT");
                    log.push(request);
                    drop(log);
                    let status = if authorization.as_deref() != Some("Basic dTpw") {
                        "401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"test\""
                    } else if first_put {
                        "503 Service Unavailable"
                    } else if method == "HEAD" {
                        "404 Not Found"
                    } else {
                        "201 Created"
                    };
                    let answer = format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\n\r\n");
                    if writer.write_all(answer.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, seen)
}

#[test]
fn basic_logins_retries_and_chunks_against_a_stand_in_server() {
    let dir = TempDir::new().expect("temp dir");
    let store = dir.path().join("store");
    kg().arg("build")
        .arg("--store")
        .arg(&store)
        .arg(root().join("seeds"))
        .assert()
        .success();
    let expected = store_counts(&store);
    let (port, seen) = basic_server();
    kg().arg("push")
        .arg("--store")
        .arg(&store)
        .args(["--endpoint", &format!("http://127.0.0.1:{port}/store")])
        .args(["--user", "u", "--jobs", "1", "--chunk-size", "16K"])
        .env("KG_PUSH_PASSWORD", "p")
        .assert()
        .success();
    let seen = seen.lock().expect("log").clone();
    assert_eq!(
        seen[0].method, "HEAD",
        "the login is asked first: {:?}",
        seen[0]
    );
    assert!(seen[0].authorization.is_none());
    assert!(
        seen[1..]
            .iter()
            .all(|s| s.authorization.as_deref() == Some("Basic dTpw")),
        "every request after the challenge carries the login"
    );
    // The 503 was retried: one PUT more than graphs.
    let puts = seen.iter().filter(|s| s.method == "PUT").count();
    assert_eq!(puts, expected.len() + 1, "{seen:?}");
    assert!(
        seen.iter().any(|s| s.method == "POST"),
        "16K chunks: some POSTs"
    );
    // Every triple sent once, the retried PUT aside.
    let mut received: BTreeMap<String, u64> = BTreeMap::new();
    let mut retried = false;
    for s in seen.iter().filter(|s| s.method != "HEAD") {
        if s.method == "PUT" && !retried {
            retried = true;
            continue;
        }
        let graph = s.target.split("graph=").nth(1).expect("graph parameter");
        let graph = graph.replace("%3A", ":").replace("%2F", "/");
        *received.entry(graph).or_default() += s.lines as u64;
    }
    assert_eq!(received, expected);
}
