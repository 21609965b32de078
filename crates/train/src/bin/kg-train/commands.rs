//! What each subcommand does: flags and recipe resolved into settings, then the library runs.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use kg_extract::Pipeline;
use kg_train::Error;
use kg_train::corpus::{Corpus, Split, TextForm, load_eval_set_as};
use kg_train::ner::NerConfig;
use kg_train::recipe::Recipe;
use kg_train::score;

use crate::args::{Command, Eval, FormArg, Models, NerArgs, ParseArgs, PosArgs, SplitArg};

/// Runs one subcommand.
pub fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::Lexicons { data, out } => {
            kg_train::lexicons::compile(&data.data.join("lexicons"), &out)?;
            println!("wrote the gazetteers to {}", out.display());
            Ok(())
        }
        Command::Classes { data, out } => {
            let vectors = data.data.join("vectors");
            let (_, report) = kg_train::classes::compile(
                &vectors.join("words.tsv.gz"),
                &vectors.join("vectors.npy"),
                &out,
                &kg_train::classes::Options::default(),
            )?;
            println!(
                "wrote {} ({} bytes): {} of {} word forms kept, clustered in {:.1} s",
                out.display(),
                report.bytes,
                report.forms_kept,
                report.forms_read,
                report.cluster_secs
            );
            Ok(())
        }
        Command::Pos(args) => pos(&args),
        Command::Ner(args) => kg_train::ner::run(&ner_config(&args)?),
        Command::Parse(args) => parse(&args),
        Command::Eval(eval) => match eval {
            Eval::Ner {
                data,
                models,
                split,
                alone,
                form,
                docs,
                gold,
            } => {
                let form = match form {
                    FormArg::Tokens => TextForm::Tokens,
                    FormArg::Lines => TextForm::Lines,
                    FormArg::Running => TextForm::Running,
                };
                eval_ner(&data.data, &models, split, alone, form, docs.zip(gold))
            }
            Eval::Pos {
                data,
                models,
                split,
            } => eval_pos(&data.data, &models, split),
            Eval::Parse {
                data,
                models,
                split,
                bench,
            } => eval_parse(&data.data, &models, split, bench),
            Eval::Coref {
                data,
                models,
                errors,
            } => eval_coref(&data.data, &models, errors),
            Eval::Relations {
                data,
                models,
                gold,
                errors,
                list,
            } => eval_relations(&data.data, &models, gold, errors, list),
            Eval::Coverage {
                data,
                models,
                prefix,
                quotes,
                unspoken,
                unconnected,
            } => eval_coverage(
                &data.data,
                &models,
                &prefix,
                quotes,
                Listings {
                    unspoken,
                    unconnected,
                },
            ),
        },
        Command::Review {
            data,
            models,
            prefix,
        } => review(&data.data, &models, &prefix),
    }
}

fn read_recipe(path: Option<&Path>, model: &[&str]) -> Result<Recipe, Error> {
    let Some(path) = path else {
        return Ok(Recipe::default());
    };
    let recipe = Recipe::read(path)?;
    if !model.contains(&recipe.model.as_str()) {
        return Err(Error::Invalid(format!(
            "{}: a recipe for {:?}, not for this command",
            path.display(),
            recipe.model
        )));
    }
    Ok(recipe)
}

fn pos(args: &PosArgs) -> Result<(), Error> {
    let recipe = read_recipe(args.recipe.as_deref(), &["pos"])?;
    let out = args
        .out
        .clone()
        .or(recipe.out.map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("crates/extract/data/models/pos.model"));
    let c = kg_train::pos::PosConfig {
        data: args.data.data.clone(),
        epochs: args.epochs.or(recipe.train.epochs).unwrap_or(12),
        gum_weight: args.gum_weight.or(recipe.train.gum_weight).unwrap_or(0),
        ensemble: args.ensemble.or(recipe.train.ensemble).unwrap_or(1),
        test: args.test,
    };
    let report = kg_train::pos::train_pos(&c, &out)?;
    println!("{report}");
    println!("wrote {}", out.display());
    Ok(())
}

fn parse(args: &ParseArgs) -> Result<(), Error> {
    let recipe = read_recipe(args.recipe.as_deref(), &["parse"])?;
    let t = &recipe.train;
    let mut c = kg_train::parse::ParseConfig {
        data: args.data.data.clone(),
        ..Default::default()
    };
    if let Some(out) = args.out.clone().or(recipe.out.clone().map(PathBuf::from)) {
        c.out = out;
    }
    c.epochs = args.epochs.or(t.epochs).unwrap_or(c.epochs);
    c.seed = args.seed.or(t.seed).unwrap_or(c.seed);
    c.jackknife = args.jackknife.or(t.jackknife).unwrap_or(c.jackknife);
    c.gum_weight = args.gum_weight.or(t.gum_weight).unwrap_or(c.gum_weight);
    c.min_label = args
        .min_count
        .or(t.min_count)
        .map_or(c.min_label, |n| n as usize);
    c.explore = t.explore.unwrap_or(c.explore);
    c.prune = args.prune.or(recipe.prune.map(|p| p.fraction));
    c.retrain = args.retrain || recipe.prune.is_some_and(|p| p.retrain);
    c.save = !args.no_save;
    c.from = args.from.clone();
    c.ensemble = args.ensemble.or(t.ensemble).unwrap_or(c.ensemble);
    let r = kg_train::parse::run(&c)?;
    for (i, las) in r.dev_by_epoch.iter().enumerate() {
        println!("epoch {:>2}: EWT dev LAS {:.2}", i + 1, las * 100.0);
    }
    println!(
        "kept epoch {} (first run); written model: EWT dev LAS {:.2}; {} training sentences ({} multi-root skipped), {} labels; {} features; model {} bytes; {:.0}s",
        r.best_epoch,
        r.dev_las * 100.0,
        r.train_sentences,
        r.skipped,
        r.labels,
        r.features,
        r.model_bytes,
        r.seconds
    );
    if c.save {
        println!("wrote {}", c.out.display());
    }
    Ok(())
}

fn eval_parse(data: &Path, models: &Models, split: SplitArg, bench: bool) -> Result<(), Error> {
    use kg_train::corpus::treebank;
    let pipeline = pipeline(models)?;
    let s = match split {
        SplitArg::Dev => Split::Dev,
        SplitArg::Test => Split::Test,
    };
    let name = match split {
        SplitArg::Dev => "dev",
        SplitArg::Test => "test",
    };
    for (corpus, sents) in [
        ("UD EWT", treebank::ewt(data, s)?),
        ("GUM", treebank::gum(data, s)?),
    ] {
        let report = score::parse::evaluate(pipeline.tagger(), pipeline.parser(), &sents);
        println!("{corpus} {name} (gold tokens, predicted POS):\n{report}");
    }
    let p = pipeline.parser();
    println!(
        "model: {} features, {} labels, lemmatiser {} exceptions + {} suffix rules",
        p.model().len(),
        p.labels().len(),
        p.lemmatizer().sizes().0,
        p.lemmatizer().sizes().1
    );
    if bench {
        println!("{}", kg_train::ner::bench::bench_parse(data, pipeline)?);
    }
    Ok(())
}

/// The settings of `kg-train ner`: defaults, then the recipe, then the flags.
fn ner_config(args: &NerArgs) -> Result<NerConfig, Error> {
    let recipe = read_recipe(args.recipe.as_deref(), &["ner", "ner-uncased"])?;
    let t = &recipe.train;
    let mut c = NerConfig {
        data: args.data.data.clone(),
        ..NerConfig::default()
    };
    if let Some(out) = args.out.clone().or(recipe.out.clone().map(PathBuf::from)) {
        c.out = out;
    }
    let o = &mut c.options;
    o.epochs = args.epochs.or(t.epochs).unwrap_or(o.epochs);
    o.seed = args.seed.or(t.seed).unwrap_or(o.seed);
    o.word_dropout = args
        .word_dropout
        .or(t.word_dropout)
        .unwrap_or(o.word_dropout);
    o.margin = args.margin.unwrap_or(o.margin);
    o.gold_history |= args.gold_history;
    o.viterbi &= !args.greedy;
    c.jackknife = args.jackknife.or(t.jackknife).unwrap_or(c.jackknife);
    c.gum_weight = args.gum_weight.or(t.gum_weight).unwrap_or(c.gum_weight);
    c.news_weight = args.news_weight.or(t.news_weight).unwrap_or(c.news_weight);
    c.min_count = args.min_count.or(t.min_count).unwrap_or(c.min_count);
    c.ensemble = args.ensemble.or(t.ensemble).unwrap_or(c.ensemble);
    c.uncased = args.uncased || t.uncased.unwrap_or(false);
    c.prune = args.prune.or(recipe.prune.map(|p| p.fraction));
    c.lower = args.lower.unwrap_or(c.lower);
    c.cv_news = args.cv_news.unwrap_or(c.cv_news);
    c.drop_every = args.drop_every.unwrap_or(c.drop_every);
    c.train = !args.no_train;
    c.save = !args.no_save;
    c.test = args.test;
    c.with_dev = args.with_dev;
    c.bench = args.bench;
    c.write_eval = args.write_eval.clone();
    c.errors = args.errors.clone();
    Ok(c)
}

/// The pipeline to score: the shipped one, or the one `--models DIR` makes (models and lexicon
/// files from DIR where it has them, the embedded ones otherwise; each model checked against
/// its manifest).
fn pipeline(models: &Models) -> Result<&'static Pipeline, Error> {
    let Some(dir) = &models.models else {
        return Ok(Pipeline::embedded());
    };
    let pipeline = Pipeline::from_dir(dir)?;
    let p = pipeline.provenance();
    for path in p.models.iter().chain(&p.lexicons) {
        eprintln!("using {}", path.display());
    }
    // One pipeline per run of the command, used until it exits.
    Ok(Box::leak(Box::new(pipeline)))
}

fn eval_ner(
    data: &Path,
    models: &Models,
    split: SplitArg,
    alone: bool,
    form: TextForm,
    files: Option<(PathBuf, PathBuf)>,
) -> Result<(), Error> {
    use kg_train::score::ner::{EvalSet, evaluate, evaluate_extractor, read_docs, read_mentions};
    let sets: Vec<(String, EvalSet)> = match files {
        Some((docs, gold)) => {
            let open = |path: &Path| -> Result<_, Error> {
                let file = std::fs::File::open(path).map_err(|source| Error::Io {
                    path: path.to_path_buf(),
                    source,
                })?;
                Ok(std::io::BufReader::new(file))
            };
            let set = EvalSet {
                docs: read_docs(open(&docs)?).map_err(|e| e.in_file(&docs))?,
                gold: read_mentions(open(&gold)?).map_err(|e| e.in_file(&gold))?,
            };
            vec![(docs.display().to_string(), set)]
        }
        None => {
            let s = match split {
                SplitArg::Dev => Split::Dev,
                SplitArg::Test => Split::Test,
            };
            let mut sets = Vec::new();
            for c in [Corpus::Uner(s), Corpus::Gum(s), Corpus::GumNews(s)] {
                let (set, alignment) = load_eval_set_as(data, c, form)?;
                let name = match form {
                    TextForm::Tokens => c.name(),
                    _ => {
                        println!("{}, {}: {alignment}", c.name(), form.name());
                        format!("{} ({})", c.name(), form.name())
                    }
                };
                sets.push((name, set));
            }
            sets
        }
    };
    let pipeline = pipeline(models)?;
    for (name, set) in &sets {
        println!(
            "{name}, model alone ({} docs):\n{}",
            set.docs.len(),
            evaluate(pipeline, pipeline.recognizer(), set)
        );
        if !alone {
            println!(
                "{name}, whole extractor:\n{}",
                evaluate_extractor(set, pipeline)
            );
        }
    }
    Ok(())
}

fn eval_pos(data: &Path, models: &Models, split: SplitArg) -> Result<(), Error> {
    let tagger = pipeline(models)?.tagger();
    let name = match split {
        SplitArg::Dev => "en_ewt-ud-dev.conllu",
        SplitArg::Test => "en_ewt-ud-test.conllu",
    };
    let report = score::pos::evaluate(tagger, &data.join("ud-ewt").join(name))?;
    println!("{name}: {report}");
    Ok(())
}

fn eval_coref(data: &Path, models: &Models, errors: Option<usize>) -> Result<(), Error> {
    let pipeline = pipeline(models)?;
    for report in [
        score::coref::evaluate_within(data, pipeline)?,
        score::coref::evaluate_across(data, pipeline)?,
    ] {
        println!("{report}");
        if let Some(n) = errors {
            println!("{}", report.errors(n));
        }
    }
    Ok(())
}

fn eval_relations(
    data: &Path,
    models: &Models,
    gold: Option<PathBuf>,
    errors: bool,
    list: bool,
) -> Result<(), Error> {
    let gold = gold.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("gold/gold.tsv"));
    let report = score::relations::evaluate(data, &gold, pipeline(models)?)?;
    println!("{report}");
    if errors {
        println!("{}", report.errors());
    }
    if list {
        println!("{}", report.listing());
    }
    Ok(())
}

/// Every distinct relation and role of the documents, one TSV row each: `doc subject predicate
/// object flags sentence` (`holds [Role]` for a post, `related (verb)` for an open relation;
/// flags: the rule, `negated`, `hedged`). Entities are shown by label as resolved inside the
/// document.
/// What `eval coverage` lists besides its counts.
struct Listings {
    /// Quotes without a speaker.
    unspoken: bool,
    /// Entities in no relation.
    unconnected: bool,
}

fn eval_coverage(
    data: &Path,
    models: &Models,
    prefixes: &[String],
    sample: usize,
    list: Listings,
) -> Result<(), Error> {
    let pipeline = pipeline(models)?;
    let mut all = score::coverage::Coverage::default();
    let mut spoken: Vec<(String, String, String, String)> = Vec::new();
    for prefix in prefixes {
        let docs = score::relations::read_gum(data, prefix)?;
        let extractions = score::extract_all(&docs, pipeline);
        let here = score::coverage::Coverage::of(&extractions);
        println!("== {prefix}*\n{here}");
        for (doc, x) in docs.iter().zip(&extractions) {
            all.add(x);
            let label: BTreeMap<&str, &str> = x
                .entities
                .iter()
                .map(|e| (e.key.as_str(), e.label.as_str()))
                .collect();
            let flat = |t: &str| t.replace(['\t', '\n'], " ");
            if list.unconnected {
                let connected = score::coverage::connected(x);
                for e in x
                    .entities
                    .iter()
                    .filter(|e| !connected.contains(e.key.as_str()))
                {
                    let mentions: Vec<_> =
                        x.mentions.iter().filter(|m| m.entity == e.key).collect();
                    let first = mentions
                        .first()
                        .and_then(|m| x.sentences.get(m.sentence))
                        .and_then(|s| x.doc.text.get(s.start..s.end))
                        .unwrap_or("");
                    println!(
                        "unconnected\t{}\t{:?}\t{}\t{}\t{}",
                        doc.id,
                        e.kind,
                        e.label,
                        mentions.len(),
                        flat(first)
                    );
                }
            }
            for q in &x.quotes {
                if let Some(s) = &q.speaker {
                    let who = label.get(s.as_str()).copied().unwrap_or(s).to_string();
                    spoken.push((doc.id.clone(), who, flat(&q.text), flat(&q.evidence.text)));
                } else if list.unspoken {
                    println!(
                        "unspoken\t{}\t{}\t{}",
                        doc.id,
                        flat(&q.text),
                        flat(&q.evidence.text)
                    );
                }
            }
        }
    }
    if prefixes.len() > 1 {
        println!("== all\n{all}");
    }
    if sample > 0 && !spoken.is_empty() {
        println!("doc\tspeaker\tquote\tsentence");
        let n = sample.min(spoken.len());
        for k in 0..n {
            let (doc, who, quote, sentence) = &spoken[k * spoken.len() / n];
            println!("{doc}\t{who}\t{quote}\t{sentence}");
        }
    }
    Ok(())
}

fn review(data: &Path, models: &Models, prefix: &str) -> Result<(), Error> {
    let pipeline = pipeline(models)?;
    let docs = score::relations::read_gum(data, prefix)?;
    let mut out = std::io::stdout().lock();
    let mut row = |doc: &str, (s, p, o): &(String, String, String), flags: &str, text: &str| {
        let text = text.replace(['\t', '\n'], " ");
        // A closed pipe (`| head`) ends the listing quietly.
        if writeln!(out, "{doc}\t{s}\t{p}\t{o}\t{flags}\t{text}").is_err() {
            std::process::exit(0);
        }
    };
    row(
        "doc",
        &("subject".into(), "predicate".into(), "object".into()),
        "flags",
        "sentence",
    );
    for doc in &docs {
        let x = pipeline.extract(doc, kg_extract::Options { clean: false });
        let label: BTreeMap<&str, &str> = x
            .entities
            .iter()
            .map(|e| (e.key.as_str(), e.label.as_str()))
            .collect();
        let name = |key: &str| label.get(key).copied().unwrap_or(key).to_string();
        let mut seen = BTreeSet::new();
        for r in &x.relations {
            let predicate = match (&r.predicate[..], &r.label) {
                ("related", Some(verb)) => format!("related ({verb})"),
                _ => r.predicate.clone(),
            };
            let fact = (name(&r.subject), predicate, name(&r.object));
            if !seen.insert(fact.clone()) {
                continue;
            }
            let mut flags = vec![r.evidence.rule.clone()];
            if r.negated {
                flags.push("negated".into());
            }
            if r.hedged {
                flags.push("hedged".into());
            }
            row(&doc.id, &fact, &flags.join(","), &r.evidence.text);
        }
        for r in &x.roles {
            let org = r.org.as_deref().map_or_else(|| "-".to_string(), name);
            let fact = (name(&r.person), format!("holds [{}]", r.role), org);
            if !seen.insert(fact.clone()) {
                continue;
            }
            row(&doc.id, &fact, &r.evidence.rule, &r.evidence.text);
        }
    }
    Ok(())
}
