//! Command-line definitions (kept apart so completions and a man page can be generated from them).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "Exit codes: 0 success; 1 no result (a SELECT with no row, an ASK that is false, \
no entity found); 2 usage or input error (bad path, bad SPARQL, store locked by another kg process).";

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
        #[command(flatten)]
        read: ReadArgs,
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
        are declared for you. Exit 1 when a SELECT returns no row or an ASK is false."
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
    /// Draw the graph, or the neighbourhood of one entity, with Graphviz.
    #[command(
        after_help = "Example:\n  kg render --focus Biden --format svg -o out/biden.svg\n  kg render --format dot > out/kg.dot\n\n\
        SVG and PNG need Graphviz's `dot` (Debian: apt-get install graphviz); DOT does not."
    )]
    Render {
        /// An entity's label or alias; draws its neighbourhood.
        #[arg(long)]
        focus: Option<String>,
        /// How many hops from the focus.
        #[arg(long, default_value_t = 1)]
        depth: usize,
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
    /// The pipeline: the shipped one, or one loaded from `--models`.
    pub fn pipeline(&self) -> anyhow::Result<&'static kg_extract::Pipeline> {
        use anyhow::Context;
        let Some(dir) = &self.models else {
            return Ok(kg_extract::Pipeline::embedded());
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
