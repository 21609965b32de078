//! `kg push`: send every named graph of the store to a SPARQL 1.1 Graph Store Protocol endpoint.
//!
//! Each graph is replaced whole: its first chunk goes with PUT, the rest (of a graph larger than
//! one chunk) with POST, so pushing twice leaves the server as pushing once. A graph pushed in
//! full is noted in `pushed.tsv` in the store folder (endpoint, graph, SHA-256 of its N-Triples);
//! a rerun skips the graphs whose content is unchanged since, so an interrupted push resumes
//! where it stopped. `--fresh` forgets the endpoint's notes first (after the server's data was
//! dropped) and pushes every graph.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use kg_graph::{Graph, NamedNode};
use sha2::{Digest, Sha256};

use crate::Outcome;
use crate::args::StoreArgs;
use crate::commands::open_read;
use crate::gsp::{Credentials, Endpoint, Write};

/// The environment variable holding the endpoint's password (never a flag: flags show in `ps`).
pub const PASSWORD_VARIABLE: &str = "KG_PUSH_PASSWORD";
/// The file in the store folder that records what was pushed where.
const STATE_FILE: &str = "pushed.tsv";
/// How long one request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(600);

/// What `kg push` was asked to do.
#[derive(Debug, Clone)]
pub struct PushSettings {
    /// The Graph Store Protocol URL.
    pub endpoint: String,
    /// The login name, if the endpoint needs one.
    pub user: Option<String>,
    /// The largest request body, in bytes (about).
    pub chunk_bytes: usize,
    /// Push every graph, whatever was pushed before.
    pub fresh: bool,
    /// Graphs sent at the same time.
    pub jobs: usize,
}

/// Runs `kg push`.
pub fn run(settings: &PushSettings, store: &StoreArgs) -> Result<Outcome> {
    let credentials = credentials(settings.user.as_deref())?;
    let graph = open_read(store)?;
    let names = graph.named_graphs()?;
    let in_default = graph.default_graph_len()?;
    if in_default > 0 {
        eprintln!(
            "kg: {in_default} triples in the default graph are not pushed (named graphs only)"
        );
    }
    let endpoint = Endpoint::new(&settings.endpoint, credentials, REQUEST_TIMEOUT)?;
    let state = Mutex::new(PushState::open(
        &store.store,
        &settings.endpoint,
        settings.fresh,
    ));

    let started = Instant::now();
    let bar = progress_bar(graph.len()? as u64);
    let queue = Mutex::new(names.iter());
    let stop = AtomicBool::new(false);
    let tally = Tally::default();
    let work = Work {
        graph: &graph,
        chunk_bytes: settings.chunk_bytes,
        queue: &queue,
        state: &state,
        stop: &stop,
        bar: &bar,
        tally: &tally,
    };
    let outcome = thread::scope(|scope| {
        let workers: Vec<_> = (0..settings.jobs.max(1))
            .map(|_| {
                let mut endpoint = endpoint.fork();
                scope.spawn(move || work.run(&mut endpoint))
            })
            .collect();
        let mut first_error = None;
        for worker in workers {
            let result = worker
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("a push worker panicked")));
            if let Err(e) = result {
                first_error.get_or_insert(e);
            }
        }
        first_error.map_or(Ok(()), Err)
    });
    bar.finish_and_clear();
    state
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .save();
    outcome?;

    let seconds = started.elapsed().as_secs_f64();
    let quads_sent = tally.quads.load(Ordering::Relaxed);
    println!(
        "pushed {} graphs ({quads_sent} quads) to {} in {seconds:.1} s ({:.0} quads/s); \
         {} unchanged since the last push, skipped",
        tally.pushed.load(Ordering::Relaxed),
        settings.endpoint,
        quads_sent as f64 / seconds.max(1e-3),
        tally.skipped.load(Ordering::Relaxed),
    );
    Ok(Outcome::Done)
}

/// Counts shared by the workers.
#[derive(Debug, Default)]
struct Tally {
    pushed: AtomicUsize,
    skipped: AtomicUsize,
    quads: AtomicUsize,
}

/// What every worker shares: it takes the next graph from the queue until none is left or
/// another worker failed.
#[derive(Clone, Copy)]
struct Work<'a> {
    graph: &'a Graph,
    chunk_bytes: usize,
    queue: &'a Mutex<std::slice::Iter<'a, NamedNode>>,
    state: &'a Mutex<PushState>,
    stop: &'a AtomicBool,
    bar: &'a ProgressBar,
    tally: &'a Tally,
}

impl Work<'_> {
    fn run(self, endpoint: &mut Endpoint) -> Result<()> {
        let result = self.push_all(endpoint);
        if result.is_err() {
            self.stop.store(true, Ordering::Relaxed);
        }
        result
    }

    fn push_all(self, endpoint: &mut Endpoint) -> Result<()> {
        let mut probed = false;
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            let next = self
                .queue
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .next();
            let Some(name) = next else {
                return Ok(());
            };
            let previous = lock(self.state)
                .pushed_hash(name.as_str())
                .map(str::to_owned);
            if let Some(previous) = previous {
                let (hash, triples) = content_hash(self.graph, name, self.chunk_bytes)?;
                if hash == previous {
                    self.tally.skipped.fetch_add(1, Ordering::Relaxed);
                    self.bar.inc(triples as u64);
                    continue;
                }
            }
            if !probed {
                // Each worker learns its own login (a digest nonce with its own count).
                endpoint
                    .probe(name.as_str())
                    .context("asking the endpoint how it wants logins")
                    .with_context(|| format!("graph <{}> was not pushed", name.as_str()))?;
                probed = true;
            }
            let (hash, triples) =
                push_graph(self.graph, name, self.chunk_bytes, endpoint, self.bar)
                    .with_context(|| format!("graph <{}> was not pushed", name.as_str()))?;
            lock(self.state).record(name.as_str(), &hash);
            self.tally.pushed.fetch_add(1, Ordering::Relaxed);
            self.tally.quads.fetch_add(triples, Ordering::Relaxed);
        }
    }
}

fn lock(state: &Mutex<PushState>) -> std::sync::MutexGuard<'_, PushState> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The login from `--user` and the password variable.
fn credentials(user: Option<&str>) -> Result<Option<Credentials>> {
    let password = std::env::var(PASSWORD_VARIABLE).ok();
    match (user, password) {
        (Some(user), Some(password)) => Ok(Some(Credentials {
            user: user.to_owned(),
            password,
        })),
        (Some(user), None) => bail!(
            "--user {user} needs a password: set the environment variable {PASSWORD_VARIABLE}"
        ),
        (None, Some(_)) => bail!("{PASSWORD_VARIABLE} is set: give the login name with --user"),
        (None, None) => Ok(None),
    }
}

/// Sends one graph chunk by chunk; returns the hash of its content and its triple count.
fn push_graph(
    graph: &Graph,
    name: &NamedNode,
    chunk_bytes: usize,
    endpoint: &mut Endpoint,
    bar: &ProgressBar,
) -> Result<(String, usize)> {
    let mut hasher = Sha256::new();
    let mut triples = 0;
    for chunk in graph.graph_chunks(name.as_ref(), chunk_bytes) {
        let chunk = chunk?;
        hasher.update(&chunk.ntriples);
        let how = if chunk.first {
            Write::Replace
        } else {
            Write::Add
        };
        endpoint.send(name.as_str(), how, &chunk.ntriples)?;
        triples += chunk.triples;
        bar.inc(chunk.triples as u64);
    }
    Ok((hex(&hasher.finalize()), triples))
}

/// The hash of a graph's content as it would be sent, and its triple count.
fn content_hash(graph: &Graph, name: &NamedNode, chunk_bytes: usize) -> Result<(String, usize)> {
    let mut hasher = Sha256::new();
    let mut triples = 0;
    for chunk in graph.graph_chunks(name.as_ref(), chunk_bytes) {
        let chunk = chunk?;
        hasher.update(&chunk.ntriples);
        triples += chunk.triples;
    }
    Ok((hex(&hasher.finalize()), triples))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A bar over the store's quads, drawn on standard error when it is a terminal.
fn progress_bar(total: u64) -> ProgressBar {
    let bar = ProgressBar::new(total).with_style(
        ProgressStyle::with_template("{spinner} pushing {wide_bar} {pos}/{len} quads {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// What was pushed where: `endpoint<TAB>graph<TAB>sha256` lines, the last one for a pair wins.
///
/// Lines are appended as graphs finish (so an interrupted push keeps what it did) and the file
/// is rewritten without duplicates at the end. Failing to write it only costs a later resume.
#[derive(Debug)]
struct PushState {
    path: PathBuf,
    endpoint: String,
    /// (endpoint, graph) -> hash, every endpoint's.
    entries: BTreeMap<(String, String), String>,
    log: Option<File>,
    warned: bool,
}

impl PushState {
    fn open(store: &Path, endpoint: &str, fresh: bool) -> Self {
        let path = store.join(STATE_FILE);
        let mut entries = BTreeMap::new();
        if let Ok(file) = File::open(&path) {
            for line in BufReader::new(file).lines().map_while(|l| l.ok()) {
                let mut fields = line.split('\t');
                if let (Some(e), Some(g), Some(h), None) =
                    (fields.next(), fields.next(), fields.next(), fields.next())
                {
                    entries.insert((e.to_owned(), g.to_owned()), h.to_owned());
                }
            }
        }
        let mut state = PushState {
            path,
            endpoint: endpoint.to_owned(),
            entries,
            log: None,
            warned: false,
        };
        if fresh {
            // Forget this endpoint's notes now, so that a fresh push cut short resumes with
            // the graphs it had not sent yet.
            state.entries.retain(|(e, _), _| e != endpoint);
            state.save();
        }
        state
    }

    /// The hash of `graph` as last pushed to this endpoint.
    fn pushed_hash(&self, graph: &str) -> Option<&str> {
        self.entries
            .get(&(self.endpoint.clone(), graph.to_owned()))
            .map(String::as_str)
    }

    fn record(&mut self, graph: &str, hash: &str) {
        self.entries
            .insert((self.endpoint.clone(), graph.to_owned()), hash.to_owned());
        if self.log.is_none() && !self.warned {
            match OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
            {
                Ok(file) => self.log = Some(file),
                Err(e) => self.warn(&e),
            }
        }
        if let Some(log) = &mut self.log
            && let Err(e) = writeln!(log, "{}\t{graph}\t{hash}", self.endpoint)
        {
            self.log = None;
            self.warn(&e);
        }
    }

    fn save(&mut self) {
        self.log = None;
        let mut text = String::new();
        for ((endpoint, graph), hash) in &self.entries {
            text.push_str(&format!("{endpoint}\t{graph}\t{hash}\n"));
        }
        let temporary = self.path.with_extension("tsv.new");
        let result = fs::write(&temporary, text).and_then(|()| fs::rename(&temporary, &self.path));
        if let Err(e) = result {
            self.warn(&e);
        }
    }

    fn warn(&mut self, error: &std::io::Error) {
        if !self.warned {
            self.warned = true;
            eprintln!(
                "kg: cannot note what was pushed in {} ({error}): a rerun will push every graph again",
                self.path.display()
            );
        }
    }
}
