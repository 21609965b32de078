//! Command-line definitions (kept apart so completions and a man page can be generated from them).

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "Exit codes: 0 success; 1 no result (a SELECT with no row, an ASK that is false, \
no entity found); 2 usage or input error (bad path, bad SPARQL, store locked by another kg process), \
or a query stopped by its --timeout.";

/// Build a knowledge graph from English news text; query it, draw it and export it.
#[derive(Debug, Parser)]
#[command(name = "kg", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command that touches the store takes.
#[derive(Debug, Args, Clone)]
pub struct StoreArgs {
    /// The store folder (an oxigraph RocksDB database).
    #[arg(long, default_value = "out/kg")]
    pub store: PathBuf,
    /// Base IRI of entities, documents and the vocabulary.
    #[arg(long, default_value = kg_graph::DEFAULT_BASE)]
    pub base: String,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract, resolve and load documents into the store.
    #[command(
        after_help = "Example:\n  kg build seeds/\n  kg build --store /tmp/kg new-article.txt\n\n\
        Rebuilding the same input changes nothing: each document is one named graph, replaced whole."
    )]
    Build {
        /// Files or folders (.txt, .md, .html, .jsonl of {\"id\",\"text\"}), or - for standard input.
        #[arg(default_value = "seeds")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
        /// Documents extracted and loaded per batch (memory grows with it, not with the input).
        #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
        batch: u64,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Print what is found in documents as JSON lines, without a store.
    #[command(
        after_help = "Example:\n  kg extract seeds/004_1c0e10b8cddd13b9.txt | jq .entities\n  \
        echo 'Ana Silva visited Oslo.' | kg extract -\n  kg extract --format mentions docs.jsonl > mentions.jsonl\n\n\
        The JSON schema is documented in the README (offsets are Unicode code points, end exclusive)."
    )]
    Extract {
        /// Files or folders, or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// `json`: one extraction per document; `mentions`: one {"doc","start","end","label"} per name.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Read every line, including what looks like web-page cruft.
        #[arg(long)]
        keep_cruft: bool,
        /// Write to this file instead of standard output (a shard for `kg resolve` and `kg load`).
        #[arg(long, short = 'o')]
        out: Option<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Settle the entities of extraction shards (from `kg extract --out`) into one table.
    #[command(after_help = "Example (shards made on any machines, merged on one):
          kg extract part-1/ --out shard-1.jsonl
  kg extract part-2/ --out shard-2.jsonl
          kg resolve shard-*.jsonl --out entities.json
          kg load shard-*.jsonl --entities entities.json --store out/kg

        The store is the same as one `kg build` of every document in the same order. With \
        --store, names are also resolved against the entities already in that store.")]
    Resolve {
        /// Shards: JSON lines written by `kg extract`.
        #[arg(required = true)]
        shards: Vec<PathBuf>,
        /// Where the table goes (standard output by default).
        #[arg(long, short = 'o')]
        out: Option<PathBuf>,
        /// Resolve against the entities of this store too (when it exists).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Base IRI of the store's data.
        #[arg(long, default_value = kg_graph::DEFAULT_BASE)]
        base: String,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Load extraction shards into the store with the entity table of `kg resolve`.
    #[command(after_help = "Example:
  kg load shard-*.jsonl --entities entities.json --store out/kg")]
    Load {
        /// Shards: JSON lines written by `kg extract`.
        #[arg(required = true)]
        shards: Vec<PathBuf>,
        /// The table written by `kg resolve` for these shards.
        #[arg(long)]
        entities: PathBuf,
        #[command(flatten)]
        store: StoreArgs,
        /// Documents loaded per batch.
        #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
        batch: u64,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Split text into sentences and words, tag, lemmatise and parse them: CoNLL-U out.
    #[command(
        after_help = "Examples:\n  echo 'Lena Moss sold the boat to Harrow Marine.' | kg parse -\n  \
        kg parse article.txt --format json | jq '.tokens[] | [.form, .deprel]'\n  \
        kg parse --conllu en_ewt-ud-dev.conllu > predicted.conllu\n\n\
        CoNLL-U columns: ID FORM LEMMA UPOS XPOS(_) FEATS(_) HEAD DEPREL DEPS(_) MISC, with \
        SpaceAfter=No and TokenRange=START:END (code points of the input text, end exclusive; \
        with --conllu, of the words joined by single spaces). Every sentence has `# sent_id` and \
        `# text` comments. With --conllu the input's words and sentences are kept and everything \
        else is predicted again, so standard scorers can compare the output with the input."
    )]
    Parse {
        /// Files or folders (.txt, .md, .html, .jsonl; with --conllu, CoNLL-U files), or - for
        /// standard input.
        #[arg(default_value = "-")]
        paths: Vec<PathBuf>,
        /// `conllu`: one CoNLL-U block per sentence; `json`: one JSON object per sentence.
        #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
        format: ParseFormat,
        /// Read pre-tokenised CoNLL-U (its words and sentences are kept).
        #[arg(long)]
        conllu: bool,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE).
    #[command(
        after_help = "Examples:\n  kg query people-and-roles\n  kg query queries/facts-with-sources.rq --format csv\n  \
        kg query -e 'SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }'\n\n\
        NAME runs queries/NAME.rq. Common prefixes (kg, schema, rdfs, skos, org, nif, dcterms, owl, xsd) \
        are declared for you. Exit 1 when a SELECT returns no row or an ASK is false; exit 2 when \
        the query is stopped by --timeout (nothing is written to standard output then)."
    )]
    Query {
        /// A .rq file, or the NAME of queries/NAME.rq.
        #[arg(required_unless_present = "expr")]
        query: Option<String>,
        /// The query text itself.
        #[arg(short = 'e', long = "expr", conflicts_with = "query")]
        expr: Option<String>,
        /// table (default on a terminal), tsv, csv, json, xml; for CONSTRUCT/DESCRIBE an RDF format.
        #[arg(long)]
        format: Option<String>,
        /// Keep at most N rows (SELECT) or triples (CONSTRUCT/DESCRIBE); a query without ORDER BY,
        /// GROUP BY or DISTINCT stops reading the store once it has them.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        limit: Option<u64>,
        /// Stop the query when it runs longer than this many seconds (exit 2, no output);
        /// 0 for no time limit.
        #[arg(long, value_name = "SECONDS", default_value = "60", value_parser = parse_timeout)]
        timeout: Timeout,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Answer SPARQL queries over HTTP (the SPARQL 1.1 Protocol), read-only.
    #[command(
        after_help = "Examples:\n  kg serve\n  kg serve --store /tmp/kg --bind 127.0.0.1:0 --timeout 10\n  \
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \
        http://127.0.0.1:7878/query\n\n\
        GET or POST /query (query=... in the URL or a form, or an application/sparql-query body); \
        the Accept header picks the format: SPARQL JSON (the default), XML, CSV or TSV results, \
        Turtle (the default), N-Triples, RDF/XML, JSON-LD, N-Quads or TriG graphs. GET / is a page \
        to type queries with the canned ones of queries/ as examples. The URL is printed on \
        standard output at start; a build that finishes while the server runs is seen by the \
        next query."
    )]
    Serve {
        /// Address and port to listen on; port 0 takes a free one.
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        /// Allow a --bind address that is not loopback (anyone who reaches it can read the store).
        #[arg(long)]
        public: bool,
        /// Stop a query that runs longer than this many seconds (answered 503); 0 for no limit.
        #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_timeout)]
        timeout: Timeout,
        /// Requests answered at once.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=256))]
        threads: u64,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Write every triple, with the ontology; or the entity graph for Gephi, Cytoscape or Neo4j.
    #[command(
        after_help = "Examples:\n  kg export -o out/kg.ttl\n  kg export --format nquads > out/kg.nq\n  \
        kg export -o out/kg.graphml\n  kg export --format neo4j -o out/neo4j\n\n\
        The format comes from the file extension when not given (.ttl .nt .nq .trig .rdf .jsonld \
        .graphml). graphml and neo4j hold the entity graph (entities, relations and roles, with \
        counts), not the provenance. neo4j writes nodes.csv and relationships.csv into the -o \
        folder for `neo4j-admin database import full`, and prints the command."
    )]
    Export {
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Output file (standard output when not given); a folder for neo4j.
        #[arg(short, long, alias = "out")]
        output: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Send every named graph to a SPARQL 1.1 Graph Store Protocol endpoint, replacing each.
    #[command(
        after_help = "Examples:\n  KG_PUSH_PASSWORD=dba kg push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba\n  \
        kg push --endpoint http://localhost:3030/kg/data\n\n\
        Each graph is replaced whole (PUT, then POST for the rest of a graph larger than --chunk-size), \
        so pushing twice changes nothing. The password is read from KG_PUSH_PASSWORD; HTTP basic \
        and digest logins are answered as the server asks. Graphs pushed in full are noted in \
        pushed.tsv in the store folder: a rerun skips those unchanged since (resuming a push that \
        stopped); --fresh pushes every graph again."
    )]
    Push {
        /// The graph store URL (the server's Graph Store Protocol endpoint, without ?graph=).
        #[arg(long)]
        endpoint: String,
        /// Login name; the password comes from the environment variable KG_PUSH_PASSWORD.
        #[arg(long)]
        user: Option<String>,
        /// The largest request body: bytes, or with a K, M or G suffix (a larger graph is sent in
        /// several requests).
        #[arg(long, default_value = "8M", value_parser = parse_size)]
        chunk_size: usize,
        /// Push every graph, even those noted as pushed unchanged to this endpoint before.
        #[arg(long)]
        fresh: bool,
        /// Graphs sent at the same time (each in its own connection).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=64))]
        jobs: u64,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Draw an overview of the graph, or the neighbourhood of one entity, with Graphviz.
    #[command(
        after_help = "Examples:\n  kg render --format png -o out/overview.png\n  \
        kg render --top 30 --type Person,Organization --min-weight 2 -o out/people.svg\n  \
        kg render --focus \"Ana Silva\" --format svg -o out/silva.svg\n  kg render --format dot > out/kg.dot\n\n\
        Without --focus: the --top entities by PageRank (over links between entities, weighted by \
        statements), each linked to another one drawn; one edge per linked pair. With --focus: the \
        entity and its --top strongest neighbours. The caption, repeated on standard error, says \
        what was left out. SVG and PNG need Graphviz (Debian: apt-get install graphviz); DOT does not."
    )]
    Render {
        /// An entity's label or alias; draws its neighbourhood.
        #[arg(long)]
        focus: Option<String>,
        /// How many hops from the focus.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        #[command(flatten)]
        limits: RenderLimits,
        #[arg(long, value_enum)]
        format: Option<RenderFormat>,
        /// Output file (standard output when not given); the format follows its extension.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Counts, and the most connected entities.
    #[command(after_help = "Example:\n  kg stats --top 10")]
    Stats {
        /// How many of the most connected entities to list.
        #[arg(long, default_value_t = 10)]
        top: usize,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// The shortest chain of relations between two entities.
    #[command(after_help = "Example:\n  kg path \"Ana Silva\" \"Acme Motors\"")]
    Path {
        from: String,
        to: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Score the extractor against gold annotations.
    #[command(
        after_help = "Examples:\n  kg eval ner --docs uner-test.docs.jsonl --gold uner-test.gold.jsonl\n  \
        kg eval relations --docs news.docs.jsonl --gold relations.tsv\n\n\
        Gold for `ner`: JSONL, {\"doc\",\"start\",\"end\",\"label\"} per line (label PER, ORG or LOC; \
        offsets in code points of the doc's text, end exclusive).\n\
        Gold for `relations`: TSV with the header `doc split subject predicate object evidence` \
        (tab-separated); one row per relation: the doc id, `dev` or `test`, the subject's and the \
        object's full names as written in the text, a canonical predicate (those of \
        crates/extract/data/rules/predicates.tsv, or `holds` for a person's post with its \
        organisation as the object, `-` when unstated), and a short quote of the sentence.\n\n\
        The models themselves are trained and scored on the open corpora by `kg-train` \
        (crates/train; see its README)."
    )]
    Eval {
        #[arg(value_enum)]
        task: EvalTask,
        /// {"id","text"} per line.
        #[arg(long)]
        docs: PathBuf,
        /// ner: {"doc","start","end","label"} per line, offsets in code points of "text";
        /// relations: the TSV described below.
        #[arg(long)]
        gold: PathBuf,
        #[command(flatten)]
        model: ModelArgs,
    },
}

/// `--timeout`: a time limit, or none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timeout(pub Option<Duration>);

fn parse_timeout(text: &str) -> Result<Timeout, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if !seconds.is_finite() || seconds < 0.0 {
        return Err(format!("{text:?}: give a number of seconds, 0 or more"));
    }
    Ok(Timeout(
        (seconds > 0.0).then(|| Duration::from_secs_f64(seconds)),
    ))
}

/// `--chunk-size`: a number of bytes, with an optional K, M or G suffix (powers of 1024).
fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&text[..i], c.to_ascii_uppercase()),
        _ => (text, 'B'),
    };
    let shift = match unit {
        'B' => 0,
        'K' => 10,
        'M' => 20,
        'G' => 30,
        _ => return Err(format!("{text:?}: the unit is K, M or G")),
    };
    let count: usize = digits
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a size (like 512K or 8M)"))?;
    count
        .checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{text:?}: give a size above 0"))
}

/// Which models and lexicon to extract with.
#[derive(Debug, Args, Clone)]
pub struct ModelArgs {
    /// A folder of candidate models (pos.model, ner.model, ner-uncased.model, parse.model, each with its
    /// NAME.manifest.json, as kg-train writes them) and lexicon files, used instead of the
    /// shipped ones where present.
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
}

impl ModelArgs {
    /// The pipeline for extraction and parsing: the shipped one (its parser decoded with the
    /// other models), or one loaded from `--models`.
    pub fn pipeline(&self) -> anyhow::Result<&'static kg_extract::Pipeline> {
        self.load(true)
    }

    /// The pipeline for commands that never parse (entity resolution, name tagging): the
    /// shipped one's parser is then not decoded at all.
    pub fn pipeline_without_parser(&self) -> anyhow::Result<&'static kg_extract::Pipeline> {
        self.load(false)
    }

    fn load(&self, parse: bool) -> anyhow::Result<&'static kg_extract::Pipeline> {
        use anyhow::Context;
        let Some(dir) = &self.models else {
            return Ok(if parse {
                kg_extract::Pipeline::embedded_with_parser()
            } else {
                kg_extract::Pipeline::embedded()
            });
        };
        let pipeline = kg_extract::Pipeline::from_dir(dir)
            .with_context(|| format!("--models {}", dir.display()))?;
        // One pipeline per process, used until it exits.
        Ok(Box::leak(Box::new(pipeline)))
    }
}

/// Reading limits.
#[derive(Debug, Args, Clone)]
pub struct ReadArgs {
    /// Largest document read, in bytes; larger files are skipped with a warning.
    #[arg(long, default_value_t = 20_000_000)]
    pub max_bytes: u64,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExtractFormat {
    Json,
    Mentions,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ParseFormat {
    Conllu,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Rdfxml,
    Jsonld,
    /// The entity graph as GraphML (Gephi, Cytoscape, yEd, networkx).
    Graphml,
    /// The entity graph as CSV files for `neo4j-admin database import full`.
    Neo4j,
}

/// What `kg render` keeps of a large graph.
#[derive(Debug, Args, Clone)]
pub struct RenderLimits {
    /// Most entities drawn (with --focus: most neighbours); 0 draws all.
    #[arg(long, default_value_t = 50)]
    pub top: usize,
    /// Only entities of these types (repeat it or separate with commas: Person,Country); one of
    /// Person, Organization, Company, Country, City, Place, Event, Law.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',', value_parser = entity_type)]
    pub types: Vec<kg_graph::EntityType>,
    /// Leave out links between two entities made by fewer statements than this (every predicate
    /// and both directions counted together).
    #[arg(long, value_name = "W", default_value_t = 1)]
    pub min_weight: usize,
    /// Graphviz layout: `neato` (default without --focus) spreads an overview, `dot` (default
    /// with --focus) ranks a neighbourhood; `sfdp` is quicker for thousands of entities.
    #[arg(long, value_parser = ["dot", "sfdp", "neato", "fdp"])]
    pub layout: Option<String>,
}

fn entity_type(name: &str) -> Result<kg_graph::EntityType, String> {
    kg_graph::EntityType::parse(name.trim()).ok_or_else(|| {
        let names: Vec<&str> = kg_graph::EntityType::ALL.iter().map(|t| t.name()).collect();
        format!("unknown type {name:?}; use one of {}", names.join(", "))
    })
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RenderFormat {
    Dot,
    Svg,
    Png,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EvalTask {
    /// Named mentions, exact spans.
    Ner,
    /// Relations and roles: (subject, predicate, object) triples.
    Relations,
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_take_a_unit() {
        assert_eq!(parse_size("512"), Ok(512));
        assert_eq!(parse_size("64k"), Ok(64 << 10));
        assert_eq!(parse_size("8M"), Ok(8 << 20));
        assert!(parse_size("0").is_err());
        assert!(parse_size("8T").is_err());
        assert!(parse_size("M").is_err());
    }
}
