//! `kg-train ner`: training the recognizers as the shipped ones were made, with the options
//! of [`NerConfig`] (see `recipes/ner.toml` and `recipes/ner-uncased.toml`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use kg_extract::Pipeline;
use kg_extract::ner::Recognizer;

use super::{Examples, Jackknife, TrainOptions, mean, pruned, train};
use crate::Error;
use crate::corpus::{Corpus, LabeledDoc, Split, load, load_eval_set};
use crate::score::ner::{
    LabelScore, eval_set, evaluate, recognize_document, write_eval_set, write_jsonl,
};

/// Everything `kg-train ner` does, resolved from the recipe file and the flags.
#[derive(Clone, Debug)]
pub struct NerConfig {
    /// The data directory (`../shared/data`).
    pub data: PathBuf,
    /// Where the model is written.
    pub out: PathBuf,
    /// Training settings (epochs, seed, word dropout, Viterbi or greedy, margin).
    pub options: TrainOptions,
    /// Write the model (off: score only).
    pub save: bool,
    /// Train (off: start from the embedded model, e.g. to prune or score it).
    pub train: bool,
    /// Score the test splits at the end.
    pub test: bool,
    /// Write `<split>.docs.jsonl` and `<split>.gold.jsonl` for the dev and test splits here.
    pub write_eval: Option<PathBuf>,
    /// Time the recognizer and the text path.
    pub bench: bool,
    /// Write the model's dev predictions here.
    pub errors: Option<PathBuf>,
    /// Folds of jackknifed POS tags for UNER train (0 or 1: the embedded tagger).
    pub jackknife: usize,
    /// Where the jackknife folds' taggers are trained and cached.
    pub work_dir: PathBuf,
    /// Static features seen fewer times are dropped before training.
    pub min_count: u32,
    /// Times GUM train counts.
    pub gum_weight: usize,
    /// Models trained with consecutive seeds and averaged.
    pub ensemble: usize,
    /// Drop features whose largest weight is under this share of the largest.
    pub prune: Option<f32>,
    /// Share of sentences added lower-cased to the cased model's data.
    pub lower: f64,
    /// Train (or prune) the uncased model.
    pub uncased: bool,
    /// Folds of the news cross-validation (0: none).
    pub cv_news: usize,
    /// Times the GUM news documents count on top of `gum_weight`.
    pub news_weight: usize,
    /// Train on dev too and keep the last epoch.
    pub with_dev: bool,
    /// Leave every N-th training document out (0: none).
    pub drop_every: usize,
}

impl Default for NerConfig {
    fn default() -> Self {
        NerConfig {
            data: PathBuf::from("../shared/data"),
            out: PathBuf::from("crates/extract/data/models/ner.model"),
            options: TrainOptions {
                epochs: 4,
                ..TrainOptions::default()
            },
            save: true,
            train: true,
            test: false,
            write_eval: None,
            bench: false,
            errors: None,
            jackknife: 10,
            work_dir: std::env::temp_dir().join("kg-ner-jackknife"),
            min_count: 1,
            gum_weight: 2,
            ensemble: 1,
            prune: None,
            lower: 0.0,
            uncased: false,
            cv_news: 0,
            news_weight: 0,
            with_dev: false,
            drop_every: 0,
        }
    }
}

fn from_bytes(bytes: &[u8]) -> Result<Recognizer, Error> {
    Recognizer::from_bytes(bytes).map_err(|source| Error::Recognizer {
        path: PathBuf::from("(trained model)"),
        source,
    })
}

fn write_jsonl_file<T: serde::Serialize>(path: &Path, items: &[T]) -> Result<(), Error> {
    let file = std::fs::File::create(path).map_err(crate::io(path))?;
    write_jsonl(std::io::BufWriter::new(file), items).map_err(crate::io(path))
}

/// Runs `kg-train ner` with the resolved settings: trains (unless `train` is off), prunes,
/// writes eval sets and predictions, scores the test splits and times the recognizer, as
/// configured.
pub fn run(args: &NerConfig) -> Result<(), Error> {
    let data = &args.data;
    let pipeline = Pipeline::embedded();
    let tagger = pipeline.tagger();
    let kind = if args.uncased {
        kg_extract::ModelKind::NerUncased
    } else {
        kg_extract::ModelKind::Ner
    };

    let dev_sets = [
        Corpus::Uner(Split::Dev),
        Corpus::Gum(Split::Dev),
        Corpus::GumNews(Split::Dev),
    ];
    let test_sets = [
        Corpus::Uner(Split::Test),
        Corpus::GumNews(Split::Test),
        Corpus::Gum(Split::Test),
    ];

    if let Some(dir) = &args.write_eval {
        for corpus in dev_sets.iter().chain(&test_sets) {
            let set = load_eval_set(data, *corpus)?;
            write_eval_set(dir, &corpus.name(), &set).map_err(crate::io(dir))?;
            println!(
                "wrote {}/{}.{{docs,gold}}.jsonl: {} docs, {} mentions",
                dir.display(),
                corpus.name(),
                set.docs.len(),
                set.gold.len()
            );
        }
    }

    if args.cv_news > 1 {
        return cross_validate_news(args);
    }
    let mut model: Option<Recognizer> = None;
    if args.train {
        let t0 = Instant::now();
        let mut uner = load(data, Corpus::Uner(Split::Train))?;
        let mut gum = load(data, Corpus::Gum(Split::Train))?;
        // `--drop-every N`: leave out every N-th training document (a learning-curve point).
        if args.drop_every > 1 {
            for docs in [&mut uner, &mut gum] {
                let mut k = 0;
                docs.retain(|_| {
                    k += 1;
                    k % args.drop_every != 0
                });
            }
        }
        // `--with-dev`: the dev splits join the training data (their tags come from the
        // shipped tagger, which never saw them), and the last epoch is kept.
        if args.with_dev {
            uner.extend(load(data, Corpus::Uner(Split::Dev))?);
            gum.extend(load(data, Corpus::Gum(Split::Dev))?);
        }
        // UNER train is UD EWT train, which the POS tagger was trained on: jackknife its tags.
        let jk = if args.jackknife > 1 {
            let jk = Jackknife::train(&data.join("ud-ewt"), &args.work_dir, args.jackknife, 10)?;
            println!(
                "jackknifed POS taggers: {} folds ({:.1}s)",
                args.jackknife,
                t0.elapsed().as_secs_f64()
            );
            Some(jk)
        } else {
            None
        };
        let uner_ex = Examples::new(&uner, |s, w| match &jk {
            Some(jk) => jk.tag(s.id.as_deref(), w, tagger),
            None => tagger.tag(w),
        });
        let mut gum_ex = Examples::new(&gum, |_, w| tagger.tag(w));
        // `--news-weight N`: the GUM news documents count N more times.
        let news: Vec<_> = gum
            .iter()
            .filter(|d| d.id.starts_with("GUM_news_"))
            .cloned()
            .collect();
        let news_ex = Examples::new(&news, |_, w| tagger.tag(w));
        // `--lower F`: a lower-cased copy of a share F of the training sentences, so that
        // names in text typed without capitals are learnt from context and gazetteers.
        // `--uncased`: train the uncased model, on lower-cased copies of every sentence.
        let share = if args.uncased { 1.0 } else { args.lower };
        let lower_ex = (share > 0.0).then(|| {
            let uner_low = lower_copies(&uner, share);
            let gum_low = lower_copies(&gum, share);
            let a = Examples::new(&uner_low, |s, w| match &jk {
                Some(jk) => jk.tag(s.id.as_deref(), w, tagger),
                None => tagger.tag(w),
            });
            (a, Examples::new(&gum_low, |_, w| tagger.tag(w)))
        });
        let mut uner_ex = uner_ex;
        Examples::prune(&mut [&mut uner_ex, &mut gum_ex], args.min_count);
        println!(
            "train: UNER {} sentences / {} tokens, GUM {} docs / {} sentences / {} tokens ({:.1}s)",
            uner_ex.len(),
            uner_ex.tokens(),
            gum.len(),
            gum_ex.len(),
            gum_ex.tokens(),
            t0.elapsed().as_secs_f64()
        );
        let dev: Vec<_> = dev_sets
            .iter()
            .map(|c| Ok((c.name(), eval_set(&load(data, *c)?))))
            .collect::<Result<_, Error>>()?;
        let mut best: Option<(f64, usize, Vec<u8>)> = None;
        // GUM (edited prose, news among it) counts `gum_weight` times.
        let mut sets = Vec::new();
        if !args.uncased {
            sets.push(&uner_ex);
            sets.extend(std::iter::repeat_n(&gum_ex, args.gum_weight));
            sets.extend(std::iter::repeat_n(&news_ex, args.news_weight));
        }
        if let Some((uner_low, gum_low)) = &lower_ex {
            sets.push(uner_low);
            if args.uncased {
                sets.extend(std::iter::repeat_n(gum_low, args.gum_weight));
            } else {
                sets.push(gum_low);
            }
        }
        // `ensemble` runs with consecutive seeds; per epoch, the mean of their models.
        let mut per_epoch: Vec<Vec<Recognizer>> = Vec::new();
        for run in 0..args.ensemble {
            let options = TrainOptions {
                seed: args.options.seed.wrapping_add(run as u64),
                ..args.options.clone()
            };
            train(&sets, &options, |epoch, m| {
                if per_epoch.len() < epoch {
                    per_epoch.push(Vec::new());
                }
                per_epoch[epoch - 1].push(m.clone());
                if args.ensemble > 1 {
                    println!(
                        "run {run} epoch {epoch} ({:.0}s)",
                        t0.elapsed().as_secs_f64()
                    );
                }
            });
        }
        for (k, models) in per_epoch.iter().enumerate() {
            let epoch = k + 1;
            let refs: Vec<&Recognizer> = models.iter().collect();
            let averaged;
            let m = if refs.len() == 1 {
                refs[0]
            } else {
                averaged = mean(&refs);
                &averaged
            };
            let whole = system(m, args.uncased);
            let reports: Vec<_> = dev
                .iter()
                .map(|(name, set)| (name, evaluate(pipeline, &whole, set)))
                .collect();
            // Selection: micro F1 over the pooled mentions of UNER dev and GUM dev (all
            // genres), so that each mention counts the same (GUM dev is small and a few names
            // repeated across a document swing its own F1 by several points).
            let (u, g) = (&reports[0].1.micro, &reports[1].1.micro);
            let key = LabelScore {
                label: "pooled".into(),
                gold: u.gold + g.gold,
                predicted: u.predicted + g.predicted,
                correct: u.correct + g.correct,
            }
            .f1();
            let line: Vec<String> = reports
                .iter()
                .map(|(n, r)| format!("{n} {:.2}", 100.0 * r.micro.f1()))
                .collect();
            println!(
                "epoch {epoch:>2}: {} features, dev {} ({:.0}s)",
                m.len(),
                line.join(", "),
                t0.elapsed().as_secs_f64()
            );
            if args.with_dev || best.as_ref().is_none_or(|b| key > b.0) {
                best = Some((key, epoch, m.to_bytes()));
            }
        }
        let (_, epoch, bytes) = best.ok_or_else(|| Error::Invalid("no epoch trained".into()))?;
        let m = system(&from_bytes(&bytes)?, args.uncased);
        let kept = if args.with_dev {
            "last epoch (dev trained on)"
        } else {
            "best epoch"
        };
        println!(
            "\n{kept} {epoch}: {} features, {} bytes",
            m.len(),
            bytes.len()
        );
        for (name, set) in &dev {
            println!("\n{name}:\n{}", evaluate(pipeline, &m, set));
        }
        if args.save {
            crate::models::write_model(
                &args.out,
                &bytes,
                kind,
                pipeline.lexicon(),
                pipeline.classes(),
            )?;
            println!("saved {}", args.out.display());
        }
        model = Some(m);
    }
    let model = model.as_ref().unwrap_or(pipeline.recognizer());
    // `--prune F`: drop the features whose largest weight is under F of the largest weight.
    let pruned_model;
    let model = match args.prune {
        Some(fraction) => {
            // With `--uncased`, the uncased model is pruned (and saved) instead.
            let (target, before) = if args.uncased {
                let u = model
                    .uncased()
                    .ok_or_else(|| Error::Invalid("no uncased model to prune".into()))?;
                let p = pruned(u, fraction);
                (p.to_bytes(), (p.len(), u.len()))
            } else {
                let p = pruned(model, fraction);
                (p.to_bytes(), (p.len(), model.len()))
            };
            pruned_model = if args.uncased {
                model.cased().with_uncased(from_bytes(&target)?)
            } else {
                system(&from_bytes(&target)?, false)
            };
            println!(
                "\npruned at {fraction}: {} of {} features",
                before.0, before.1
            );
            for corpus in &dev_sets {
                let set = load_eval_set(data, *corpus)?;
                println!(
                    "\n{}:\n{}",
                    corpus.name(),
                    evaluate(pipeline, &pruned_model, &set)
                );
            }
            if args.save {
                crate::models::write_model(
                    &args.out,
                    &target,
                    kind,
                    pipeline.lexicon(),
                    pipeline.classes(),
                )?;
                println!("saved {}", args.out.display());
            }
            &pruned_model
        }
        None => model,
    };

    if let Some(dir) = &args.errors {
        std::fs::create_dir_all(dir).map_err(crate::io(dir))?;
        for corpus in &dev_sets {
            let set = load_eval_set(data, *corpus)?;
            let predicted: Vec<_> = set
                .docs
                .iter()
                .flat_map(|d| recognize_document(pipeline, model, d))
                .collect();
            let path = dir.join(format!("{}.pred.jsonl", corpus.name()));
            write_jsonl_file(&path, &predicted)?;
            println!("wrote {}", path.display());
        }
    }

    if args.test {
        for corpus in &test_sets {
            let set = load_eval_set(data, *corpus)?;
            println!(
                "\n{} ({} docs):\n{}",
                corpus.name(),
                set.docs.len(),
                evaluate(pipeline, model, &set)
            );
        }
    }

    if args.bench {
        super::bench::bench(data, pipeline, model)?;
        super::bench::bench_text(data, pipeline, model)?;
    }
    Ok(())
}

/// Lower-cased copies of a share `fraction` of the sentences of `docs` (picked by a fixed hash
/// of their position, so runs repeat), with the same spans.
fn lower_copies(docs: &[LabeledDoc], fraction: f64) -> Vec<LabeledDoc> {
    let mut k = 0u64;
    docs.iter()
        .map(|d| {
            let mut copy = d.clone();
            copy.sentences.retain(|_| {
                k += 1;
                let h = k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11;
                (h as f64 / (1u64 << 53) as f64) < fraction
            });
            for s in &mut copy.sentences {
                for w in &mut s.words {
                    *w = w.to_lowercase();
                }
            }
            copy
        })
        .collect()
}

/// The recognizer that runs in the extractor when `m` is a newly trained model: `m` as the
/// uncased model of the embedded cased one (`uncased`), or `m` with the embedded uncased model.
fn system(m: &Recognizer, uncased: bool) -> Recognizer {
    let embedded = Pipeline::embedded().recognizer();
    if uncased {
        embedded.cased().with_uncased(m.clone())
    } else {
        match embedded.uncased() {
            Some(u) => m.clone().with_uncased(u.clone()),
            None => m.clone(),
        }
    }
}

/// `--cv-news K`: cross-validation over the GUM *train* news documents, for a news score on
/// far more mentions than GUM news dev holds. The train news documents are cut into K folds;
/// for each, a model is trained (as configured, last epoch kept) without that fold's documents
/// and scored on them. Prints the pooled micro F1 over all folds. Dev and test are not read.
fn cross_validate_news(args: &NerConfig) -> Result<(), Error> {
    let data = &args.data;
    let pipeline = Pipeline::embedded();
    let tagger = pipeline.tagger();
    let uner = load(data, Corpus::Uner(Split::Train))?;
    let gum = load(data, Corpus::Gum(Split::Train))?;
    let jk = Jackknife::train(
        &data.join("ud-ewt"),
        &args.work_dir,
        args.jackknife.max(2),
        10,
    )?;
    let uner_ex = Examples::new(&uner, |s, w| jk.tag(s.id.as_deref(), w, tagger));
    let news: Vec<usize> = (0..gum.len())
        .filter(|&k| gum[k].id.starts_with("GUM_news_"))
        .collect();
    let k = args.cv_news;
    let (mut gold, mut predicted, mut correct) = (0, 0, 0);
    for fold in 0..k {
        let held: Vec<usize> = news.iter().copied().skip(fold).step_by(k).collect();
        let train_docs: Vec<_> = (0..gum.len())
            .filter(|i| !held.contains(i))
            .map(|i| gum[i].clone())
            .collect();
        let news_docs: Vec<_> = train_docs
            .iter()
            .filter(|d| d.id.starts_with("GUM_news_"))
            .cloned()
            .collect();
        let held_docs: Vec<_> = held.iter().map(|&i| gum[i].clone()).collect();
        let gum_ex = Examples::new(&train_docs, |_, w| tagger.tag(w));
        let news_ex = Examples::new(&news_docs, |_, w| tagger.tag(w));
        let mut sets = vec![&uner_ex];
        sets.extend(std::iter::repeat_n(&gum_ex, args.gum_weight));
        sets.extend(std::iter::repeat_n(&news_ex, args.news_weight));
        let models: Vec<Recognizer> = (0..args.ensemble)
            .map(|run| {
                let options = TrainOptions {
                    seed: args.options.seed.wrapping_add(run as u64),
                    ..args.options.clone()
                };
                train(&sets, &options, |_, _| {})
            })
            .collect();
        let refs: Vec<&Recognizer> = models.iter().collect();
        let m = mean(&refs);
        let set = eval_set(&held_docs);
        let report = evaluate(pipeline, &m, &set);
        if let Some(dir) = &args.errors {
            let name = format!("news-cv-{fold}");
            write_eval_set(dir, &name, &set).map_err(crate::io(dir))?;
            let predicted: Vec<_> = set
                .docs
                .iter()
                .flat_map(|d| recognize_document(pipeline, &m, d))
                .collect();
            let path = dir.join(format!("{name}.pred.jsonl"));
            write_jsonl_file(&path, &predicted)?;
        }
        println!(
            "fold {fold}: {} docs, F1 {:.2}",
            held_docs.len(),
            100.0 * report.micro.f1()
        );
        gold += report.micro.gold;
        predicted += report.micro.predicted;
        correct += report.micro.correct;
    }
    let pooled = LabelScore {
        label: "news-cv".into(),
        gold,
        predicted,
        correct,
    };
    println!(
        "news cross-validation ({k} folds, {} docs): gold {gold} predicted {predicted} correct {correct} P {:.2} R {:.2} F1 {:.2}",
        news.len(),
        100.0 * pooled.precision(),
        100.0 * pooled.recall(),
        100.0 * pooled.f1()
    );
    Ok(())
}
