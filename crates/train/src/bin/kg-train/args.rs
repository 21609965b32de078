//! The command line of `kg-train`, apart from what the commands do.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Trains and scores kg's statistical models on the open corpora of `../shared/data`.
///
/// Exit codes: 0 done, 2 error (bad arguments, unreadable data, failed training).
#[derive(Debug, Parser)]
#[command(name = "kg-train", version)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The data directory every command reads.
#[derive(Clone, Debug, Args)]
pub struct Data {
    /// Data directory laid out like ../shared/data (ud-ewt/, uner-ewt/, gum/, lexicons/).
    #[arg(long, value_name = "DIR", default_value = "../shared/data")]
    pub data: PathBuf,
}

/// Candidate models to score instead of the embedded ones.
#[derive(Clone, Debug, Args)]
pub struct Models {
    /// Score the models in DIR (pos.model, ner.model, ner-uncased.model, parse.model; missing ones are the
    /// embedded ones) instead of those built into kg-extract.
    #[arg(long, value_name = "DIR")]
    pub models: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile the gazetteers embedded in kg-extract from DATA/lexicons.
    Lexicons {
        #[command(flatten)]
        data: Data,
        /// Where the compiled gazetteers are written.
        #[arg(
            long,
            value_name = "DIR",
            default_value = "crates/extract/data/lexicons"
        )]
        out: PathBuf,
    },
    /// Compile the word-class table embedded in kg-extract from DATA/vectors (k-means over the
    /// word vectors at 64, 256, 1,024 and 4,096 classes; repeatable: a fixed seed).
    Classes {
        #[command(flatten)]
        data: Data,
        /// Where the table is written.
        #[arg(
            long,
            value_name = "FILE",
            default_value = "crates/extract/data/models/classes.bin"
        )]
        out: PathBuf,
    },
    /// Train the POS tagger on UD English EWT (DATA/ud-ewt).
    Pos(PosArgs),
    /// Train (or prune, or score) the NER model on UNER English-EWT and GUM.
    Ner(Box<NerArgs>),
    /// Train the dependency parser and the lemmatiser on UD English EWT and GUM train.
    Parse(ParseArgs),
    /// Score models or the whole extractor.
    #[command(subcommand)]
    Eval(Eval),
    /// List every relation and role found in GUM documents, for a precision review (TSV).
    Review {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        models: Models,
        /// Documents whose name starts with this prefix.
        #[arg(long, default_value = "GUM_interview_")]
        prefix: String,
    },
}

/// `kg-train pos`.
#[derive(Debug, Args)]
pub struct PosArgs {
    #[command(flatten)]
    pub data: Data,
    /// Recipe file (recipes/pos.toml made the shipped model); flags override it.
    #[arg(long, value_name = "FILE")]
    pub recipe: Option<PathBuf>,
    /// Where the model is written [default: the recipe's, else crates/extract/data/models/pos.model].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Most epochs; the one best on dev is kept [default: the recipe's, else 12].
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Times GUM train counts beside EWT train, 0 for none [default: the recipe's, else 0].
    #[arg(long)]
    pub gum_weight: Option<usize>,
    /// Members trained with distinct shuffles and averaged [default: the recipe's, else 1].
    #[arg(long)]
    pub ensemble: Option<usize>,
    /// Score the kept model on EWT test (read a test split once per shipped model).
    #[arg(long)]
    pub test: bool,
}

/// `kg-train parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub data: Data,
    /// Recipe file (recipes/parse.toml made the shipped model); flags override it.
    #[arg(long, value_name = "FILE")]
    pub recipe: Option<PathBuf>,
    /// Where the model is written [default: the recipe's, else crates/extract/data/models/parse.model].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Most epochs; the one best on EWT dev is kept [default: 12].
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Seed of the shuffling and exploration.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Folds of jackknifed POS tags for EWT train (0: the shipped tagger) [default: 10].
    #[arg(long)]
    pub jackknife: Option<usize>,
    /// Times GUM train counts [default: 1].
    #[arg(long)]
    pub gum_weight: Option<usize>,
    /// Relations seen fewer times fold into their basic relation [default: 20].
    #[arg(long, value_name = "N")]
    pub min_count: Option<u32>,
    /// Drop features whose largest weight is under F of the model's largest weight.
    #[arg(long, value_name = "F")]
    pub prune: Option<f32>,
    /// With --prune: train once to choose the features, then train the written model(s) on the
    /// kept features only.
    #[arg(long)]
    pub retrain: bool,
    /// Do not write the model.
    #[arg(long)]
    pub no_save: bool,
    /// Train N models with consecutive seeds and keep the mean of their weights [default: 1].
    #[arg(long, value_name = "N")]
    pub ensemble: Option<usize>,
    /// Start from this model instead of training: prune it (--prune), learn the lemmatiser again
    /// and score it on EWT dev.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
}

/// `kg-train ner`: every option of the trainer.
#[derive(Debug, Args)]
pub struct NerArgs {
    #[command(flatten)]
    pub data: Data,
    /// Recipe file (recipes/ner.toml and recipes/ner-uncased.toml made the shipped models);
    /// flags override it.
    #[arg(long, value_name = "FILE")]
    pub recipe: Option<PathBuf>,
    /// Where the model is written [default: the recipe's, else crates/extract/data/models/ner.model].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Passes over the data [default: 4].
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Seed of the shuffling (runs of an ensemble use seed, seed + 1, ...).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Folds of jackknifed POS tags for UNER train (0: the embedded tagger) [default: 10].
    #[arg(long)]
    pub jackknife: Option<usize>,
    /// Times GUM train counts [default: 2].
    #[arg(long)]
    pub gum_weight: Option<usize>,
    /// Times the GUM news documents count on top of --gum-weight [default: 0].
    #[arg(long)]
    pub news_weight: Option<usize>,
    /// Condition on the gold previous labels (teacher forcing) in greedy training.
    #[arg(long)]
    pub gold_history: bool,
    /// Probability of hiding a token's word identity in a training step [default: 0].
    #[arg(long, value_name = "P")]
    pub word_dropout: Option<f64>,
    /// Drop static features seen fewer than N times [default: 1].
    #[arg(long, value_name = "N")]
    pub min_count: Option<u32>,
    /// Train greedy per-token steps instead of Viterbi over sentences.
    #[arg(long)]
    pub greedy: bool,
    /// Viterbi beam margin in training [default: none].
    #[arg(long, value_name = "M")]
    pub margin: Option<f32>,
    /// Start from the embedded model instead of training (to prune or score it).
    #[arg(long)]
    pub no_train: bool,
    /// Do not write the model.
    #[arg(long)]
    pub no_save: bool,
    /// Score the test splits at the end (read once per model: only for the final one).
    #[arg(long)]
    pub test: bool,
    /// Write <split>.docs.jsonl and <split>.gold.jsonl of the dev and test splits to DIR.
    #[arg(long, value_name = "DIR")]
    pub write_eval: Option<PathBuf>,
    /// Time the recognizer alone, then segmentation + POS + NER over DATA/../bench/corpus.jsonl.
    #[arg(long)]
    pub bench: bool,
    /// Write the model's dev predictions as JSONL to DIR.
    #[arg(long, value_name = "DIR")]
    pub errors: Option<PathBuf>,
    /// Train N models with consecutive seeds and keep the mean of their weights [default: 1].
    #[arg(long, value_name = "N")]
    pub ensemble: Option<usize>,
    /// Drop features whose largest weight is under F of the model's largest weight.
    #[arg(long, value_name = "F")]
    pub prune: Option<f32>,
    /// Train (or, with --no-train --prune, prune) the uncased model, on lower-cased copies.
    #[arg(long)]
    pub uncased: bool,
    /// Add lower-cased copies of a share F of the sentences to the cased model's data.
    #[arg(long, value_name = "F")]
    pub lower: Option<f64>,
    /// Cross-validate over the GUM train news documents in K folds instead of training.
    #[arg(long, value_name = "K")]
    pub cv_news: Option<usize>,
    /// Add the dev splits to the training data and keep the last epoch.
    #[arg(long)]
    pub with_dev: bool,
    /// Leave every N-th training document out (a learning-curve point).
    #[arg(long, value_name = "N")]
    pub drop_every: Option<usize>,
}

/// A split to score on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SplitArg {
    /// Development data.
    Dev,
    /// Held-out test data: read it once per model.
    Test,
}

/// The text NER is scored on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum FormArg {
    /// The corpus tokens joined by spaces, one sentence per line.
    #[default]
    Tokens,
    /// Each sentence's original text (`# text` of UD EWT or GUM), one sentence per line.
    Lines,
    /// The original sentence texts of a document joined by spaces: running text.
    Running,
}

/// `kg-train eval ...`.
#[derive(Debug, Subcommand)]
pub enum Eval {
    /// Named entities, exact spans: the model alone and the whole extractor, on UNER English-EWT,
    /// GUM and GUM news (or on JSONL files given with --docs and --gold).
    Ner {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        models: Models,
        /// The split of the corpora.
        #[arg(long, value_enum, default_value = "dev")]
        split: SplitArg,
        /// Only the model alone (segmentation, POS, NER), not the whole extractor.
        #[arg(long)]
        alone: bool,
        /// The text the corpora are scored on: tokens joined by spaces, or the original sentence
        /// texts one per line or as running text (gold mentions whose tokens cannot be placed on
        /// the original text are dropped and counted).
        #[arg(long, value_enum, default_value = "tokens", conflicts_with = "docs")]
        form: FormArg,
        /// Documents JSONL ({"id","text"} per line) to score instead of the corpora.
        #[arg(long, value_name = "FILE", requires = "gold")]
        docs: Option<PathBuf>,
        /// Gold mentions JSONL ({"doc","start","end","label"}, char offsets) for --docs.
        #[arg(long, value_name = "FILE", requires = "docs")]
        gold: Option<PathBuf>,
    },
    /// Dependency parsing and lemmas: UAS, LAS, per-relation F1 and lemma accuracy on UD
    /// English EWT and GUM (predicted POS tags).
    Parse {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        models: Models,
        /// The split.
        #[arg(long, value_enum, default_value = "dev")]
        split: SplitArg,
        /// Also time segmentation + POS + parsing over DATA/../bench/corpus.jsonl (one core).
        #[arg(long)]
        bench: bool,
    },
    /// Part of speech: UPOS accuracy on UD English EWT.
    Pos {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        models: Models,
        /// The split.
        #[arg(long, value_enum, default_value = "dev")]
        split: SplitArg,
    },
    /// Coreference: B-cubed inside GUM test documents and across all GUM documents.
    Coref {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        models: Models,
        /// Also list the N largest wrong merges and splits.
        #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "15")]
        errors: Option<usize>,
    },
    /// Relations and roles against the hand-made gold set over GUM news.
    Relations {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        models: Models,
        /// Gold TSV [default: crates/train/gold/gold.tsv].
        #[arg(long, value_name = "FILE")]
        gold: Option<PathBuf>,
        /// List false positives and false negatives.
        #[arg(long)]
        errors: bool,
        /// List every system triple, `+` when it matches.
        #[arg(long)]
        list: bool,
    },
    /// The share of entities in at least one relation and of quotes with a named speaker, over
    /// GUM documents (no gold needed), and a sample of quotes with their speakers to review.
    Coverage {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        models: Models,
        /// GUM document name prefixes, each counted apart and together.
        #[arg(long, value_name = "PREFIX", default_values = ["GUM_news_", "GUM_interview_"])]
        prefix: Vec<String>,
        /// Print this many quotes with a speaker, spread evenly over all of them, as TSV.
        #[arg(long, value_name = "N", default_value_t = 0)]
        quotes: usize,
        /// List the quotes found without a speaker.
        #[arg(long)]
        unspoken: bool,
        /// List the entities in no relation: type, label, mentions and the first sentence.
        #[arg(long)]
        unconnected: bool,
    },
}
