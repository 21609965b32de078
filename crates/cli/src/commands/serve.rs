//! `kg serve`: the SPARQL 1.1 Protocol over the store at `/query`, read-only, and a page to type
//! queries at `/`.
//!
//! Each request checks which generation of the store is active, so a `kg build` that finishes
//! while the server runs is seen by the next query. Queries run with a time limit; a stopped
//! query is answered 503.

mod accept;

use std::io::{Read, Write};
use std::net::{SocketAddr, ToSocketAddrs};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use kg_graph::{Error as GraphError, LiveGraph, QueryOptions, ResultFormat, Results};
use tiny_http::{Header, Method, Request, Response, Server};

use self::accept::Offer;
use crate::Outcome;
use crate::args::{StoreArgs, Timeout};

/// The query page; `<!-- examples -->` is replaced by the canned queries.
const PAGE: &str = include_str!("serve/page.html");
/// Largest request body read (a query or a form).
const MAX_BODY: u64 = 1 << 20;

/// How the server runs, resolved from the flags.
#[derive(Debug)]
pub struct ServeConfig {
    /// Where to listen.
    pub bind: SocketAddr,
    /// Time limit of one query.
    pub timeout: Option<Duration>,
    /// Requests answered at once.
    pub threads: usize,
}

impl ServeConfig {
    /// Checks the flags: a non-loopback address needs `--public`.
    pub fn new(bind: &str, public: bool, timeout: Timeout, threads: u64) -> Result<Self> {
        let bind = bind
            .to_socket_addrs()
            .with_context(|| format!("--bind {bind}: not an address and port"))?
            .next()
            .ok_or_else(|| anyhow!("--bind {bind}: the name has no address"))?;
        if !bind.ip().is_loopback() && !public {
            bail!(
                "--bind {bind} is reachable from other machines, and the endpoint has no \
                 authentication: add --public to serve there anyway, or bind 127.0.0.1"
            );
        }
        Ok(ServeConfig {
            bind,
            timeout: timeout.0,
            threads: usize::try_from(threads).unwrap_or(1).max(1),
        })
    }
}

/// What every request handler shares.
struct State {
    graph: LiveGraph,
    page: String,
    timeout: Option<Duration>,
}

pub fn run(config: &ServeConfig, store: &StoreArgs) -> Result<Outcome> {
    let graph = LiveGraph::open(&store.store, super::base(store)?)
        .with_context(|| format!("opening {} (run `kg build` first?)", store.store.display()))?;
    let state = State {
        graph,
        page: page(Path::new("queries")),
        timeout: config.timeout,
    };
    let server =
        Server::http(config.bind).map_err(|e| anyhow!("cannot listen on {}: {e}", config.bind))?;
    let addr = server.server_addr().to_ip().unwrap_or(config.bind);
    if !addr.ip().is_loopback() {
        eprintln!(
            "kg serve: warning: listening on {addr}, a public address: anyone who can reach it \
             can read the whole store"
        );
    }
    // The URL goes to standard output, alone on its line, for scripts that start the server.
    let mut out = std::io::stdout().lock();
    writeln!(out, "http://{addr}/")?;
    out.flush()?;
    drop(out);
    eprintln!(
        "kg serve: SPARQL endpoint http://{addr}/query over {} ({}), time limit {}; Ctrl-C stops",
        store.store.display(),
        state
            .graph
            .generation()
            .unwrap_or_else(|| "legacy layout".to_owned()),
        config
            .timeout
            .map_or("none".to_owned(), |t| format!("{} s", t.as_secs_f64())),
    );
    thread::scope(|scope| {
        for _ in 0..config.threads {
            scope.spawn(|| serve(&server, &state));
        }
    });
    Ok(Outcome::Done)
}

/// Answers requests until the server stops.
fn serve(server: &Server, state: &State) {
    loop {
        let mut request = match server.recv() {
            Ok(request) => request,
            Err(e) => {
                eprintln!("kg serve: cannot accept a request: {e}");
                return;
            }
        };
        let start = Instant::now();
        let reply = catch_unwind(AssertUnwindSafe(|| handle(state, &mut request)))
            .unwrap_or_else(|_| Reply::text(500, "the server failed on this request (a bug)"));
        eprintln!(
            "kg serve: {} {} {} {} ms",
            request.method(),
            request.url().split('?').next().unwrap_or_default(),
            reply.status,
            start.elapsed().as_millis()
        );
        // The client may be gone; nothing to do about it.
        let _ = request.respond(reply.into_response());
    }
}

/// An answer before it is sent.
#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: String,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn text(status: u16, message: impl std::fmt::Display) -> Self {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8".to_owned(),
            body: format!("{message}\n").into_bytes(),
            headers: Vec::new(),
        }
    }

    fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    fn into_response(self) -> Response<std::io::Cursor<Vec<u8>>> {
        let mut response = Response::from_data(self.body).with_status_code(self.status);
        let headers = std::iter::once(("Content-Type", self.content_type)).chain(self.headers);
        for (name, value) in headers {
            if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(header);
            }
        }
        response
    }
}

fn handle(state: &State, request: &mut Request) -> Reply {
    let url = request.url().to_owned();
    let (path, params) = url.split_once('?').unwrap_or((&url, ""));
    match (path, request.method()) {
        ("/" | "/index.html", Method::Get) => Reply {
            status: 200,
            content_type: "text/html; charset=utf-8".to_owned(),
            body: state.page.clone().into_bytes(),
            headers: Vec::new(),
        },
        ("/" | "/index.html", _) => Reply::text(405, "only GET here").with_header("Allow", "GET"),
        ("/query", Method::Get) => match Protocol::from_params(params) {
            Ok(protocol) => answer(state, request, protocol),
            Err(reply) => reply,
        },
        ("/query", Method::Post) => match Protocol::from_post(request, params) {
            Ok(protocol) => answer(state, request, protocol),
            Err(reply) => reply,
        },
        ("/query", _) => Reply::text(
            405,
            "use GET or POST (queries only; updates are not served)",
        )
        .with_header("Allow", "GET, POST"),
        _ => Reply::text(404, "not found: the endpoint is /query, the query page /"),
    }
}

/// A protocol request: the query and the optional `format` that overrides `Accept`.
#[derive(Debug, Default)]
struct Protocol {
    query: Option<String>,
    format: Option<String>,
}

impl Protocol {
    /// Reads URL-encoded parameters (a query string or a form body) into `self`.
    fn add_params(&mut self, encoded: &[u8]) -> Result<(), Reply> {
        for (name, value) in form_urlencoded::parse(encoded) {
            match name.as_ref() {
                "query" if self.query.is_some() => {
                    return Err(Reply::text(400, "give one query parameter, not several"));
                }
                "query" => self.query = Some(value.into_owned()),
                "format" => self.format = Some(value.into_owned()),
                "default-graph-uri" | "named-graph-uri" => {
                    return Err(Reply::text(
                        400,
                        format!(
                            "{name} is not supported: name graphs with FROM and FROM NAMED in \
                             the query (the default graph is the union of all graphs)"
                        ),
                    ));
                }
                "update" | "using-graph-uri" | "using-named-graph-uri" => {
                    return Err(Reply::text(
                        400,
                        "updates are not served: the store is read-only",
                    ));
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn from_params(params: &str) -> Result<Self, Reply> {
        let mut protocol = Protocol::default();
        protocol.add_params(params.as_bytes())?;
        Ok(protocol)
    }

    fn from_post(request: &mut Request, params: &str) -> Result<Self, Reply> {
        let mut protocol = Self::from_params(params)?;
        let content_type = header(request, "Content-Type").unwrap_or_default();
        let media = content_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let mut body = Vec::new();
        request
            .as_reader()
            .take(MAX_BODY + 1)
            .read_to_end(&mut body)
            .map_err(|e| Reply::text(400, format!("cannot read the request body: {e}")))?;
        if body.len() as u64 > MAX_BODY {
            return Err(Reply::text(
                413,
                format!("the body is over {MAX_BODY} bytes"),
            ));
        }
        match media.as_str() {
            "application/sparql-query" => {
                if protocol.query.is_some() {
                    return Err(Reply::text(
                        400,
                        "give the query in the body or the URL, not both",
                    ));
                }
                let text = String::from_utf8(body)
                    .map_err(|_| Reply::text(400, "the query is not UTF-8"))?;
                protocol.query = Some(text);
            }
            "application/x-www-form-urlencoded" => protocol.add_params(&body)?,
            "application/sparql-update" => {
                return Err(Reply::text(
                    400,
                    "updates are not served: the store is read-only",
                ));
            }
            _ => {
                return Err(Reply::text(
                    415,
                    "POST a query as application/sparql-query, or a form \
                     (application/x-www-form-urlencoded) with query=",
                ));
            }
        }
        Ok(protocol)
    }
}

/// The value of a request header.
fn header(request: &Request, name: &'static str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str().to_owned())
}

/// Runs the query and writes its results in the negotiated format.
fn answer(state: &State, request: &Request, protocol: Protocol) -> Reply {
    let Some(query) = protocol.query else {
        return Reply::text(400, "no query: give query=SPARQL (see the page at /)");
    };
    let requested = match protocol.format.as_deref().map(ResultFormat::from_name) {
        None => None,
        Some(Ok(format)) => Some(format),
        Some(Err(e)) => return Reply::text(400, format!("format: {e}")),
    };
    let accept = header(request, "Accept");
    // Nothing fits either kind of result: say so before running the query.
    if requested.is_none()
        && accept::choose(accept.as_deref(), accept::SOLUTIONS).is_none()
        && accept::choose(accept.as_deref(), accept::GRAPH).is_none()
    {
        return not_acceptable(accept::SOLUTIONS.iter().chain(accept::GRAPH).copied());
    }
    let graph = match state.graph.graph() {
        Ok(graph) => graph,
        Err(e) => return Reply::text(503, format!("the store cannot be read now: {e}")),
    };
    let mut options = QueryOptions::new();
    if let Some(after) = state.timeout {
        options = options.with_timeout(after);
    }
    let outcome = match graph.query_with(&query, &options) {
        Ok(outcome) => outcome,
        Err(e @ GraphError::QuerySyntax { .. }) => return Reply::text(400, e),
        Err(e @ GraphError::Timeout { .. }) => {
            return Reply::text(503, format!("{e} (kg serve --timeout)"));
        }
        Err(e) => return Reply::text(500, e),
    };
    let offers = match outcome.results {
        Results::Graph(_) => accept::GRAPH,
        _ => accept::SOLUTIONS,
    };
    let offer = match requested {
        Some(format) => match accept::by_format(format, offers) {
            Some(offer) => offer,
            None => {
                return Reply::text(
                    400,
                    format!("format {format} does not fit this kind of result"),
                );
            }
        },
        None => match accept::choose(accept.as_deref(), offers) {
            Some(offer) => offer,
            None => return not_acceptable(offers.iter().copied()),
        },
    };
    let mut body = Vec::new();
    if let Err(e) = outcome.write(&mut body, offer.format) {
        return Reply::text(500, e);
    }
    Reply {
        status: 200,
        content_type: offer.content_type(),
        body,
        headers: vec![("Vary", "Accept".to_owned())],
    }
}

fn not_acceptable(offers: impl Iterator<Item = Offer>) -> Reply {
    let mut media: Vec<&str> = Vec::new();
    for offer in offers {
        if !media.contains(&offer.media) {
            media.push(offer.media);
        }
    }
    Reply::text(
        406,
        format!(
            "no format fits the Accept header; this result can be: {}",
            media.join(", ")
        ),
    )
}

/// The query page, with the canned queries of `dir` (`NAME.rq`) as examples.
fn page(dir: &Path) -> String {
    let mut examples: Vec<(String, String)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            if path.extension()? != "rq" {
                return None;
            }
            let name = path.file_stem()?.to_str()?.to_owned();
            Some((name, std::fs::read_to_string(&path).ok()?))
        })
        .collect();
    examples.sort();
    let options: String = examples
        .iter()
        .map(|(name, text)| {
            format!(
                "<option value=\"{}\">{}</option>\n",
                escape(text),
                escape(name)
            )
        })
        .collect();
    PAGE.replace("<!-- examples -->\n", &options)
}

/// Escapes text for HTML content and quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
