//! SPARQL queries and writing their results.
//!
//! Queries see the union of all named graphs as their default graph (unless they name graphs
//! with `FROM`/`FROM NAMED`), may use the prefixes of [`crate::PREFIXES`] without declaring them
//! (a `PREFIX` in the query wins), and resolve relative IRIs against the base IRI, so
//! `<entity/Person/ana-lima>` names an entity.

use std::io::Write;
use std::str::FromStr;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Triple, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator, SparqlSyntaxError};

use crate::error::{Error, Result};
use crate::store::Graph;
use crate::table;
use crate::vocab::{BaseIri, PREFIXES};

/// How to write query results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResultFormat {
    /// An aligned text table for people (Turtle for CONSTRUCT/DESCRIBE).
    Table,
    /// SPARQL TSV (for CONSTRUCT/DESCRIBE: subject, predicate, object columns).
    Tsv,
    /// SPARQL CSV (for CONSTRUCT/DESCRIBE: subject, predicate, object columns).
    Csv,
    /// SPARQL JSON results (JSON-LD for CONSTRUCT/DESCRIBE).
    Json,
    /// SPARQL XML results (RDF/XML for CONSTRUCT/DESCRIBE).
    Xml,
    /// Turtle (CONSTRUCT/DESCRIBE only).
    Turtle,
    /// N-Triples (CONSTRUCT/DESCRIBE only).
    NTriples,
    /// N-Quads (CONSTRUCT/DESCRIBE only).
    NQuads,
    /// TriG (CONSTRUCT/DESCRIBE only).
    TriG,
    /// RDF/XML (CONSTRUCT/DESCRIBE only).
    RdfXml,
    /// JSON-LD (CONSTRUCT/DESCRIBE only).
    JsonLd,
}

impl ResultFormat {
    /// The accepted names, for help texts.
    pub const NAMES: &'static str =
        "table, tsv, csv, json, xml, turtle, ntriples, nquads, trig, rdfxml, jsonld";

    /// Parses a format name (also `ttl`, `nt`, `nq`, `rdf`, `json-ld`), case-insensitively.
    pub fn from_name(name: &str) -> Result<Self> {
        Ok(match name.trim().to_ascii_lowercase().as_str() {
            "table" | "text" => ResultFormat::Table,
            "tsv" => ResultFormat::Tsv,
            "csv" => ResultFormat::Csv,
            "json" => ResultFormat::Json,
            "xml" => ResultFormat::Xml,
            "turtle" | "ttl" => ResultFormat::Turtle,
            "ntriples" | "n-triples" | "nt" => ResultFormat::NTriples,
            "nquads" | "n-quads" | "nq" => ResultFormat::NQuads,
            "trig" => ResultFormat::TriG,
            "rdfxml" | "rdf/xml" | "rdf" => ResultFormat::RdfXml,
            "jsonld" | "json-ld" => ResultFormat::JsonLd,
            _ => {
                return Err(Error::UnknownFormat {
                    kind: "result",
                    name: name.to_owned(),
                    allowed: Self::NAMES,
                });
            }
        })
    }

    /// The canonical name.
    pub fn name(self) -> &'static str {
        match self {
            ResultFormat::Table => "table",
            ResultFormat::Tsv => "tsv",
            ResultFormat::Csv => "csv",
            ResultFormat::Json => "json",
            ResultFormat::Xml => "xml",
            ResultFormat::Turtle => "turtle",
            ResultFormat::NTriples => "ntriples",
            ResultFormat::NQuads => "nquads",
            ResultFormat::TriG => "trig",
            ResultFormat::RdfXml => "rdfxml",
            ResultFormat::JsonLd => "jsonld",
        }
    }

    fn sparql_results(self) -> Option<QueryResultsFormat> {
        match self {
            ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultFormat::Json => Some(QueryResultsFormat::Json),
            ResultFormat::Xml => Some(QueryResultsFormat::Xml),
            _ => None,
        }
    }

    /// The RDF format used for a graph result.
    fn rdf(self) -> Option<RdfFormat> {
        match self {
            ResultFormat::Table | ResultFormat::Turtle => Some(RdfFormat::Turtle),
            ResultFormat::NTriples => Some(RdfFormat::NTriples),
            ResultFormat::NQuads => Some(RdfFormat::NQuads),
            ResultFormat::TriG => Some(RdfFormat::TriG),
            ResultFormat::Xml | ResultFormat::RdfXml => Some(RdfFormat::RdfXml),
            ResultFormat::Json | ResultFormat::JsonLd => Some(RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            }),
            ResultFormat::Tsv | ResultFormat::Csv => None,
        }
    }
}

impl FromStr for ResultFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::from_name(s)
    }
}

impl std::fmt::Display for ResultFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The results of a query, held in memory.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Results {
    /// SELECT: the variables and one row per solution (`None` where a variable is unbound).
    Solutions {
        /// The projected variables, in order.
        variables: Vec<Variable>,
        /// The solutions.
        rows: Vec<Vec<Option<Term>>>,
    },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT / DESCRIBE.
    Graph(Vec<Triple>),
}

/// A query's results, ready to be written in any [`ResultFormat`].
#[derive(Clone, Debug)]
pub struct QueryOutcome {
    /// The results.
    pub results: Results,
    base: BaseIri,
}

impl QueryOutcome {
    /// Rows of a SELECT, triples of a CONSTRUCT/DESCRIBE, and 1 or 0 for a true or false ASK:
    /// 0 means "no result".
    pub fn len(&self) -> usize {
        match &self.results {
            Results::Solutions { rows, .. } => rows.len(),
            Results::Boolean(b) => usize::from(*b),
            Results::Graph(triples) => triples.len(),
        }
    }

    /// Whether there is no result (see [`QueryOutcome::len`]).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the results. SELECT and ASK take table, tsv, csv, json or xml; CONSTRUCT and
    /// DESCRIBE take any RDF format, plus table (Turtle), json (JSON-LD), xml (RDF/XML) and
    /// tsv/csv (subject, predicate, object columns).
    pub fn write(&self, out: &mut dyn Write, format: ResultFormat) -> Result<()> {
        match &self.results {
            Results::Solutions { variables, rows } => {
                self.write_solutions(out, format, variables, rows)
            }
            Results::Boolean(b) => write_boolean(out, format, *b),
            Results::Graph(triples) => self.write_graph(out, format, triples),
        }
    }

    /// The same, into a string (lossy for binary-unsafe output, which none of the formats is).
    pub fn to_string_as(&self, format: ResultFormat) -> Result<String> {
        let mut buf = Vec::new();
        self.write(&mut buf, format)?;
        Ok(String::from_utf8_lossy(&buf).into_owned())
    }

    fn write_solutions(
        &self,
        out: &mut dyn Write,
        format: ResultFormat,
        variables: &[Variable],
        rows: &[Vec<Option<Term>>],
    ) -> Result<()> {
        if format == ResultFormat::Table {
            let headers: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|t| {
                            t.as_ref()
                                .map(|t| table::cell(&display_term(t, &self.base)))
                                .unwrap_or_default()
                        })
                        .collect()
                })
                .collect();
            return table::write_table(out, &headers, &cells)
                .map_err(Error::write("a results table"));
        }
        let Some(results_format) = format.sparql_results() else {
            return Err(Error::UnsupportedFormat {
                format: format.name().to_owned(),
                kind: "SELECT results",
                allowed: "table, tsv, csv, json, xml",
            });
        };
        write_rows(out, results_format, variables, rows)
    }

    fn write_graph(
        &self,
        out: &mut dyn Write,
        format: ResultFormat,
        triples: &[Triple],
    ) -> Result<()> {
        if let Some(results_format) = format.sparql_results().filter(|_| format.rdf().is_none()) {
            let variables: Vec<Variable> = ["subject", "predicate", "object"]
                .into_iter()
                .map(Variable::new_unchecked)
                .collect();
            let rows: Vec<Vec<Option<Term>>> = triples
                .iter()
                .map(|t| {
                    vec![
                        Some(t.subject.clone().into()),
                        Some(t.predicate.clone().into()),
                        Some(t.object.clone()),
                    ]
                })
                .collect();
            return write_rows(out, results_format, &variables, &rows);
        }
        let rdf_format = format.rdf().ok_or(Error::UnsupportedFormat {
            format: format.name().to_owned(),
            kind: "CONSTRUCT results",
            allowed: ResultFormat::NAMES,
        })?;
        let mut serializer = with_prefixes(RdfSerializer::from_format(rdf_format)).for_writer(out);
        for t in triples {
            serializer
                .serialize_triple(t)
                .map_err(Error::write("RDF results"))?;
        }
        serializer.finish().map_err(Error::write("RDF results"))?;
        Ok(())
    }
}

fn write_rows(
    out: &mut dyn Write,
    format: QueryResultsFormat,
    variables: &[Variable],
    rows: &[Vec<Option<Term>>],
) -> Result<()> {
    let mut serializer = QueryResultsSerializer::from_format(format)
        .serialize_solutions_to_writer(out, variables.to_vec())
        .map_err(Error::write("query results"))?;
    for row in rows {
        let bindings = variables
            .iter()
            .zip(row)
            .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref())));
        serializer
            .serialize(bindings)
            .map_err(Error::write("query results"))?;
    }
    serializer.finish().map_err(Error::write("query results"))?;
    Ok(())
}

fn write_boolean(out: &mut dyn Write, format: ResultFormat, value: bool) -> Result<()> {
    if format == ResultFormat::Table {
        return writeln!(out, "{value}").map_err(Error::write("an ASK result"));
    }
    let Some(results_format) = format.sparql_results() else {
        return Err(Error::UnsupportedFormat {
            format: format.name().to_owned(),
            kind: "an ASK result",
            allowed: "table, tsv, csv, json, xml",
        });
    };
    QueryResultsSerializer::from_format(results_format)
        .serialize_boolean_to_writer(out, value)
        .map_err(Error::write("an ASK result"))?;
    Ok(())
}

/// Adds the standard prefixes to a serializer (used by Turtle, TriG and RDF/XML; ignored by the
/// others).
pub(crate) fn with_prefixes(mut serializer: RdfSerializer) -> RdfSerializer {
    for (prefix, iri) in PREFIXES {
        serializer = match serializer.clone().with_prefix(*prefix, *iri) {
            Ok(s) => s,
            Err(_) => serializer,
        };
    }
    serializer
}

/// A term as people read it: prefixed names, base-relative IRIs in `<>`, bare literal values.
pub(crate) fn display_term(term: &Term, base: &BaseIri) -> String {
    match term {
        Term::NamedNode(n) => display_iri(n.as_str(), base),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => match l.language() {
            Some(lang) => format!("{}@{lang}", l.value()),
            None => l.value().to_owned(),
        },
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn display_iri(iri: &str, base: &BaseIri) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns)
            && !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return format!("{prefix}:{local}");
        }
    }
    match iri.strip_prefix(base.as_str()) {
        Some(rest) => format!("<{rest}>"),
        None => format!("<{iri}>"),
    }
}

/// Limits on one query: how many results to keep and how long to let it run.
///
/// The default has neither: every result, however long it takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct QueryOptions {
    /// Keep at most this many rows (SELECT) or triples (CONSTRUCT/DESCRIBE).
    pub limit: Option<usize>,
    /// Stop the query with [`Error::Timeout`] when it runs longer than this.
    pub timeout: Option<Duration>,
}

impl QueryOptions {
    /// No limit and no timeout.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps at most `rows` results. Evaluation stops as soon as they are read, so a query that
    /// streams (no ORDER BY, GROUP BY or DISTINCT over everything) reads no further.
    #[must_use]
    pub fn with_limit(mut self, rows: usize) -> Self {
        self.limit = Some(rows);
        self
    }

    /// Stops the query after `timeout`.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }
}

impl Graph {
    fn evaluator(&self) -> SparqlEvaluator {
        let mut evaluator = SparqlEvaluator::new();
        if let Ok(e) = evaluator.clone().with_base_iri(self.base.as_str()) {
            evaluator = e;
        }
        for (prefix, iri) in PREFIXES {
            if let Ok(e) = evaluator.clone().with_prefix(*prefix, *iri) {
                evaluator = e;
            }
        }
        evaluator
    }

    /// Runs a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) and collects its results.
    ///
    /// Syntax errors become [`Error::QuerySyntax`] with the line and column in the text as given.
    pub fn query(&self, sparql: &str) -> Result<QueryOutcome> {
        self.query_with(sparql, &QueryOptions::new())
    }

    /// Runs a query within the limits of `options`.
    ///
    /// With a timeout the query runs on its own thread while this one waits; when the time is up
    /// the query is cancelled (oxigraph stops at its next read of the store) and this returns
    /// [`Error::Timeout`] once it has stopped (or after two seconds more), with no partial
    /// results.
    pub fn query_with(&self, sparql: &str, options: &QueryOptions) -> Result<QueryOutcome> {
        let results = match options.timeout {
            None => self.evaluate(sparql, options.limit, &CancellationToken::new())?,
            Some(timeout) => self.evaluate_within(sparql, options.limit, timeout)?,
        };
        Ok(QueryOutcome {
            results,
            base: self.base.clone(),
        })
    }

    /// How long a timed-out query is given to stop after it is cancelled.
    const CANCEL_GRACE: Duration = Duration::from_secs(2);

    fn evaluate_within(
        &self,
        sparql: &str,
        limit: Option<usize>,
        timeout: Duration,
    ) -> Result<Results> {
        let token = CancellationToken::new();
        let (sender, receiver) = mpsc::channel();
        let worker = {
            let graph = self.clone();
            let sparql = sparql.to_owned();
            let token = token.clone();
            thread::Builder::new()
                .name("kg-query".to_owned())
                .spawn(move || {
                    // The receiver is gone only when the caller stopped waiting: nothing to tell.
                    let _ = sender.send(graph.evaluate(&sparql, limit, &token));
                })
                .map_err(Error::Thread)?
        };
        // The worker holds a handle on the store until it ends: it is waited for, so that the
        // store is never closed by a thread still running while the process exits (RocksDB
        // then aborts with "pthread lock: Invalid argument": its task scheduler, a static, is
        // gone by the time the store unregisters from it).
        match receiver.recv_timeout(timeout) {
            Ok(results) => {
                let _ = worker.join();
                results
            }
            Err(RecvTimeoutError::Timeout) => {
                token.cancel();
                // Cancelled, the query stops at its next read of the store; one that does not
                // within the grace period is left to end on its own.
                if receiver.recv_timeout(Self::CANCEL_GRACE).is_ok() {
                    let _ = worker.join();
                }
                Err(Error::Timeout { after: timeout })
            }
            // The worker ended without sending: it panicked, so this thread does too.
            Err(RecvTimeoutError::Disconnected) => match worker.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(()) => Err(Error::Thread(std::io::Error::other(
                    "the query thread ended without an answer",
                ))),
            },
        }
    }

    fn evaluate(
        &self,
        sparql: &str,
        limit: Option<usize>,
        token: &CancellationToken,
    ) -> Result<Results> {
        let mut prepared = self
            .evaluator()
            .with_cancellation_token(token.clone())
            .parse_query(sparql)
            .map_err(|e| syntax_error(&e))?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        let limit = limit.unwrap_or(usize::MAX);
        Ok(match prepared.on_store(&self.store).execute()? {
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = Vec::new();
                for solution in solutions.take(limit) {
                    let solution = solution?;
                    rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
                }
                Results::Solutions { variables, rows }
            }
            QueryResults::Boolean(b) => Results::Boolean(b),
            QueryResults::Graph(triples) => {
                Results::Graph(triples.take(limit).collect::<Result<Vec<_>, _>>()?)
            }
        })
    }
}

/// Turns oxigraph's `error at L:C: expected ...` into a located error.
fn syntax_error(e: &SparqlSyntaxError) -> Error {
    let text = e.to_string();
    let located = text.strip_prefix("error at ").and_then(|rest| {
        let (position, message) = rest.split_once(": ")?;
        let (line, column) = position.split_once(':')?;
        Some((line.parse().ok()?, column.parse().ok()?, message.to_owned()))
    });
    match located {
        Some((line, column, message)) => Error::QuerySyntax {
            line: Some(line),
            column: Some(column),
            message,
        },
        None => Error::QuerySyntax {
            line: None,
            column: None,
            message: text,
        },
    }
}
