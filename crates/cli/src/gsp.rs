//! A client for the SPARQL 1.1 Graph Store Protocol: replace a named graph (PUT) or add to it
//! (POST), with HTTP basic or digest authentication and retries.
//!
//! The login scheme is learnt from the server's first `401` challenge (a HEAD request before
//! any data is sent, so a large body is not sent twice); a digest nonce is reused with a
//! growing count until the server asks for a new one.

use std::thread;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use base64::Engine;
use digest_auth::{AuthContext, HttpMethod, WwwAuthenticateHeader};
use ureq::Agent;
use ureq::http::Response;

/// The media type of the bodies sent: N-Triples, which every Graph Store Protocol server reads.
const NTRIPLES: &str = "application/n-triples; charset=utf-8";
/// Attempts of one request before giving up (connection errors, 408, 429, 500, 502-504).
const ATTEMPTS: u32 = 5;
/// The wait before the first retry; doubled after each.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
/// The longest the server's message in an error may be.
const MESSAGE_CHARS: usize = 300;

/// A user name and password for the endpoint.
#[derive(Clone)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

/// How requests are authenticated, once known.
enum Scheme {
    /// No challenge seen yet (or no login needed).
    None,
    Basic(String),
    Digest(Box<WwwAuthenticateHeader>),
}

/// How a graph's chunk is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    /// PUT: the body replaces the graph.
    Replace,
    /// POST: the body is added to the graph.
    Add,
}

/// One Graph Store Protocol endpoint.
pub struct Endpoint {
    url: String,
    agent: Agent,
    credentials: Option<Credentials>,
    scheme: Scheme,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("url", &self.url)
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

impl Endpoint {
    /// An endpoint at `url` (the graph store URL, without `?graph=`).
    pub fn new(url: &str, credentials: Option<Credentials>, timeout: Duration) -> Result<Self> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            bail!("--endpoint {url}: give an http:// or https:// URL");
        }
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .build()
            .into();
        Ok(Endpoint {
            url: url.to_owned(),
            agent,
            credentials,
            scheme: Scheme::None,
        })
    }

    /// Another client of the same endpoint and login, sharing the connection pool; it learns
    /// its own login challenge.
    pub fn fork(&self) -> Endpoint {
        Endpoint {
            url: self.url.clone(),
            agent: self.agent.clone(),
            credentials: self.credentials.clone(),
            scheme: Scheme::None,
        }
    }

    /// Asks the server, without a body, how it wants logins (HEAD on `graph`).
    pub fn probe(&mut self, graph: &str) -> Result<()> {
        let url = self.graph_url(graph);
        // Only connection errors are retried here: a server may well not implement HEAD.
        let response = self.with_retries(false, |agent| agent.head(&url).call())?;
        if response.status().as_u16() == 401 {
            if self.credentials.is_none() {
                bail!(
                    "{} asks for a login: pass --user and set KG_PUSH_PASSWORD",
                    self.url
                );
            }
            self.learn(&response)?;
        }
        Ok(())
    }

    /// Sends one chunk of N-Triples to `graph`; an error says what the server answered.
    pub fn send(&mut self, graph: &str, how: Write, body: &[u8]) -> Result<()> {
        let url = self.graph_url(graph);
        let method = match how {
            Write::Replace => "PUT",
            Write::Add => "POST",
        };
        let mut challenged = false;
        loop {
            let authorization = self.authorization(method, &url)?;
            let mut response = self.with_retries(true, |agent| {
                let request = match how {
                    Write::Replace => agent.put(&url),
                    Write::Add => agent.post(&url),
                };
                let request = request.header("Content-Type", NTRIPLES);
                match &authorization {
                    Some(value) => request.header("Authorization", value).send(body),
                    None => request.send(body),
                }
            })?;
            let status = response.status();
            if status.is_success() {
                return Ok(());
            }
            // A first 401 may only mean a new nonce (or a scheme not learnt yet): answer it once.
            if status.as_u16() == 401 && !challenged && self.credentials.is_some() {
                challenged = true;
                self.learn(&response)?;
                continue;
            }
            let message = server_message(response.body_mut().read_to_string().ok());
            let hint = if status.as_u16() == 401 {
                match &self.credentials {
                    Some(c) => format!(
                        " (the server refused user {:?}: check --user and KG_PUSH_PASSWORD)",
                        c.user
                    ),
                    None => " (the server asks for a login: pass --user and set \
                             KG_PUSH_PASSWORD)"
                        .to_owned(),
                }
            } else {
                String::new()
            };
            bail!("{method} {url}: HTTP {status}{hint}{message}");
        }
    }

    /// `{endpoint}?graph={iri}`, the IRI percent-encoded.
    fn graph_url(&self, graph: &str) -> String {
        let separator = if self.url.contains('?') { '&' } else { '?' };
        format!("{}{separator}graph={}", self.url, percent_encode(graph))
    }

    /// Reads the server's challenge and picks the scheme it asks for.
    fn learn(&mut self, response: &Response<ureq::Body>) -> Result<()> {
        let Some(credentials) = &self.credentials else {
            return Ok(());
        };
        let challenges: Vec<&str> = response
            .headers()
            .get_all("www-authenticate")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        if let Some(digest) = challenges
            .iter()
            .find(|c| c.trim_start().to_ascii_lowercase().starts_with("digest"))
        {
            let header = digest_auth::parse(digest)
                .map_err(|e| anyhow!("{e}"))
                .with_context(|| format!("reading the server's digest challenge {digest:?}"))?;
            self.scheme = Scheme::Digest(Box::new(header));
        } else if challenges
            .iter()
            .any(|c| c.trim_start().to_ascii_lowercase().starts_with("basic"))
        {
            let pair = format!("{}:{}", credentials.user, credentials.password);
            let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
            self.scheme = Scheme::Basic(format!("Basic {encoded}"));
        } else {
            bail!(
                "the server asks for a login this client does not speak ({}); \
                 basic and digest are supported",
                challenges.join(", ")
            );
        }
        Ok(())
    }

    /// The `Authorization` header of the next request, if any.
    fn authorization(&mut self, method: &str, url: &str) -> Result<Option<String>> {
        let Some(credentials) = &self.credentials else {
            return Ok(None);
        };
        Ok(match &mut self.scheme {
            Scheme::None => None,
            Scheme::Basic(value) => Some(value.clone()),
            Scheme::Digest(challenge) => {
                let method = if method == "PUT" {
                    HttpMethod::PUT
                } else {
                    HttpMethod::POST
                };
                let context = AuthContext::new_with_method(
                    credentials.user.as_str(),
                    credentials.password.as_str(),
                    request_target(url),
                    None::<&[u8]>,
                    method,
                );
                let answer = challenge
                    .respond(&context)
                    .map_err(|e| anyhow!("{e}"))
                    .context("answering the server's digest challenge")?;
                Some(answer.to_header_string())
            }
        })
    }

    /// Runs `request`, again after a growing pause on connection errors and (with
    /// `retry_statuses`) on 408, 429, 500, 502, 503 and 504 answers.
    fn with_retries(
        &self,
        retry_statuses: bool,
        request: impl Fn(&Agent) -> Result<Response<ureq::Body>, ureq::Error>,
    ) -> Result<Response<ureq::Body>> {
        let mut pause = FIRST_BACKOFF;
        for attempt in 1..=ATTEMPTS {
            let last = attempt == ATTEMPTS;
            match request(&self.agent) {
                Ok(response) => {
                    let code = response.status().as_u16();
                    let transient =
                        retry_statuses && matches!(code, 408 | 429 | 500 | 502 | 503 | 504);
                    if !transient || last {
                        return Ok(response);
                    }
                }
                Err(e) if last || !is_transient(&e) => {
                    return Err(anyhow!(e)).with_context(|| {
                        format!("cannot reach {} (after {attempt} attempts)", self.url)
                    });
                }
                Err(_) => {}
            }
            thread::sleep(pause);
            pause *= 2;
        }
        unreachable!("the last attempt returns")
    }
}

/// Whether a failed request may succeed when tried again.
fn is_transient(error: &ureq::Error) -> bool {
    matches!(
        error,
        ureq::Error::Io(_) | ureq::Error::Timeout(_) | ureq::Error::ConnectionFailed
    )
}

/// The path and query of a URL, as a digest answer names it.
fn request_target(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..]
        .find('/')
        .map_or("/", |i| &url[after_scheme + i..])
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The server's error page as one short line (tags dropped), prefixed by `: `; empty if none.
fn server_message(body: Option<String>) -> String {
    let Some(body) = body else {
        return String::new();
    };
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut line = words.join(" ");
    if line.is_empty() {
        return line;
    }
    if line.chars().count() > MESSAGE_CHARS {
        line = line.chars().take(MESSAGE_CHARS).collect::<String>() + "...";
    }
    format!(": {line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_iris_are_percent_encoded() {
        assert_eq!(
            percent_encode("https://kg.example.org/doc/a b"),
            "https%3A%2F%2Fkg.example.org%2Fdoc%2Fa%20b"
        );
    }

    #[test]
    fn the_request_target_is_path_and_query() {
        assert_eq!(
            request_target("http://h:8890/crud?graph=x"),
            "/crud?graph=x"
        );
        assert_eq!(request_target("http://h:8890"), "/");
    }

    #[test]
    fn error_pages_become_one_line() {
        let page = "<html><body><h1>500</h1>\n<xmp>The PUT request is rejected</xmp></body></html>";
        assert_eq!(
            server_message(Some(page.to_owned())),
            ": 500 The PUT request is rejected"
        );
        assert_eq!(server_message(Some(String::new())), "");
    }
}
