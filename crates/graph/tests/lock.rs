//! A store held open for writing elsewhere is reported as `Error::Locked`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use kg_graph::{Error, Graph};

const HOLD: &str = "KG_GRAPH_TEST_HOLD_STORE";
const READY: &str = "kg-graph-lock-holder-ready";

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn second_handle_in_the_same_process_is_locked() -> TestResult {
    let dir = tempfile::tempdir()?;
    let _first = Graph::open(dir.path())?;
    match Graph::open(dir.path()) {
        Err(Error::Locked { path }) => assert_eq!(path, dir.path()),
        other => panic!("expected Error::Locked, got {other:?}"),
    }
    Ok(())
}

/// Not a test on its own: holds a store open when run as a child of the test below.
#[test]
fn lock_holder() -> TestResult {
    let Ok(dir) = std::env::var(HOLD) else {
        return Ok(());
    };
    let _store = Graph::open(&dir)?;
    let mut out = std::io::stdout();
    writeln!(out, "\n{READY}")?;
    out.flush()?;
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(())
}

#[test]
fn store_held_by_another_process_is_locked() -> TestResult {
    let dir = tempfile::tempdir()?;
    drop(Graph::open(dir.path())?);
    let mut child = Command::new(std::env::current_exe()?)
        .args(["lock_holder", "--exact", "--nocapture", "--test-threads=1"])
        .env(HOLD, dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?);
    // The child prints READY once it holds the store, then waits for its stdin to close. If it
    // fails first it exits, so this loop ends at EOF either way.
    let mut holding = false;
    let mut line = String::new();
    while stdout.read_line(&mut line)? > 0 {
        if line.contains(READY) {
            holding = true;
            break;
        }
        line.clear();
    }
    assert!(holding, "the child process never opened the store");
    let result = Graph::open(dir.path());
    drop(child.stdin.take());
    std::io::copy(&mut stdout, &mut std::io::sink())?;
    child.wait()?;
    let err = result.err().ok_or("the store should be locked")?;
    assert!(matches!(err, Error::Locked { .. }), "{err}");
    assert!(err.to_string().contains("locked by another process"));
    // Released when the other process ends.
    Graph::open(dir.path())?;
    Ok(())
}

#[test]
fn read_only_open_of_a_missing_store_says_so() {
    let dir = std::env::temp_dir().join("kg-graph-test-no-such-store");
    assert!(matches!(
        Graph::open_read_only(&dir),
        Err(Error::NoStore { .. })
    ));
}
