//! Trains the NER model on UNER English-EWT train + GUM train, picks the epoch on UNER dev +
//! GUM dev (micro F1 over their pooled mentions), saves it, and optionally scores the test
//! splits, writes eval JSONL files and measures throughput.
//!
//! ```text
//! cargo run --release -p kg-extract --example train_ner -- [--data ../shared/data]
//!     [--epochs 4] [--seed N] [--jackknife 10] [--gum-weight 2] [--gold-history]
//!     [--word-dropout P] [--min-count N] [--out crates/extract/data/models/ner.model]
//!     [--greedy] [--margin M] [--no-train] [--no-save] [--test] [--write-eval /tmp/eval]
//!     [--bench] [--errors DIR] [--ensemble N] [--prune F] [--uncased] [--lower F]
//!     [--cv-news K] [--news-weight N] [--with-dev] [--drop-every N]
//! ```
//!
//! UNER train sentences get POS tags from taggers trained without them (`--jackknife FOLDS`,
//! 0 to use the shipped tagger); GUM train counts `--gum-weight` times. `--test` scores the
//! model on the test splits (read once per model: run it only for the final model; with
//! `--no-train` it is the embedded one). `--write-eval DIR` writes `<split>.docs.jsonl` and
//! `<split>.gold.jsonl` for the dev and test splits, for `kg eval ner`. `--bench` times the
//! recognizer alone on pre-tagged sentences, then segmentation + POS + NER over
//! `<data>/../bench/corpus.jsonl`. `--errors DIR` writes the model's dev predictions as JSONL.
//! `--greedy` trains greedy per-token steps instead of Viterbi; `--margin` is the training beam.
//! `--ensemble N` trains N models with seeds `seed`, `seed + 1`, ... and, per epoch, scores and
//! keeps the mean of their weights (`Recognizer::mean`): one model of the usual size whose
//! weights no longer hang on one shuffle of the data.
//!
//! `--with-dev` adds the UNER and GUM dev splits to the training data once the settings are
//! chosen, and keeps the last of `--epochs` epochs (the dev scores it prints are then on data
//! it was trained on). `--drop-every N` leaves every N-th training document out, for a
//! learning-curve point: how much dev F1 a share of training data is worth.
//!
//! `--prune F` drops the features whose largest weight is under F of the model's largest
//! weight (the trained model's, or with `--no-train` the embedded one's), prints the dev scores
//! and saves the result: averaging leaves many features with a trace of weight, and dropping
//! them speeds up lookups.
//!
//! `--uncased` trains the uncased model instead (`data/models/ner-uncased.model`, run on sentences
//! typed without capitals), on lower-cased copies of every training sentence, and scores it
//! with the embedded cased model; with `--no-train --prune F` it prunes the embedded uncased
//! model. `--lower F` adds lower-cased copies of a share F of the sentences to the cased
//! model's training data (tried: it costs cased recall; the separate model does not).
//!
//! The shipped `data/models/ner.model` was made (byte for byte repeatable; default seed) with:
//!
//! ```text
//! cargo run --release -p kg-extract --example train_ner -- --data /work/shared/data \
//!     --ensemble 8 --epochs 6 --gum-weight 3
//! cargo run --release -p kg-extract --example train_ner -- --data /work/shared/data \
//!     --no-train --prune 0.005
//! ```
//!
//! (the second command after rebuilding, so that it prunes the model the first one wrote),
//! and `data/models/ner-uncased.model`, after those, with:
//!
//! ```text
//! cargo run --release -p kg-extract --example train_ner -- --data /work/shared/data \
//!     --ensemble 8 --epochs 8 --gum-weight 3 --uncased --out crates/extract/data/models/ner-uncased.model
//! cargo run --release -p kg-extract --example train_ner -- --data /work/shared/data \
//!     --no-train --uncased --prune 0.02 --out crates/extract/data/models/ner-uncased.model
//! ```

use std::path::PathBuf;
use std::time::Instant;

use kg_extract::ner::corpus::{Corpus, load, load_eval_set};
use kg_extract::ner::data::Split;
use kg_extract::ner::eval::{evaluate, write_eval_set};
use kg_extract::ner::jackknife::Jackknife;
use kg_extract::ner::train::{Examples, TrainOptions, train};
use kg_extract::ner::{Recognizer, eval_set};
use kg_extract::pos::Tagger;

struct Args {
    data: PathBuf,
    out: PathBuf,
    options: TrainOptions,
    save: bool,
    train: bool,
    test: bool,
    write_eval: Option<PathBuf>,
    bench: bool,
    errors: Option<PathBuf>,
    jackknife: usize,
    min_count: u32,
    gum_weight: usize,
    ensemble: usize,
    prune: Option<f32>,
    lower: f64,
    uncased: bool,
    cv_news: usize,
    news_weight: usize,
    with_dev: bool,
    drop_every: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
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
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" => args.data = value()?.into(),
            "--out" => args.out = value()?.into(),
            "--epochs" => {
                args.options.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?
            }
            "--seed" => args.options.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--gold-history" => args.options.gold_history = true,
            "--greedy" => args.options.viterbi = false,
            "--margin" => {
                args.options.margin = value()?.parse().map_err(|e| format!("--margin: {e}"))?
            }
            "--word-dropout" => {
                args.options.word_dropout = value()?
                    .parse()
                    .map_err(|e| format!("--word-dropout: {e}"))?
            }
            "--no-save" => args.save = false,
            "--no-train" => args.train = false,
            "--test" => args.test = true,
            "--write-eval" => args.write_eval = Some(value()?.into()),
            "--bench" => args.bench = true,
            "--errors" => args.errors = Some(value()?.into()),
            "--gum-weight" => {
                args.gum_weight = value()?.parse().map_err(|e| format!("--gum-weight: {e}"))?
            }
            "--uncased" => args.uncased = true,
            "--cv-news" => {
                args.cv_news = value()?.parse().map_err(|e| format!("--cv-news: {e}"))?
            }
            "--news-weight" => {
                args.news_weight = value()?
                    .parse()
                    .map_err(|e| format!("--news-weight: {e}"))?
            }
            "--with-dev" => args.with_dev = true,
            "--drop-every" => {
                args.drop_every = value()?.parse().map_err(|e| format!("--drop-every: {e}"))?
            }
            "--lower" => args.lower = value()?.parse().map_err(|e| format!("--lower: {e}"))?,
            "--prune" => args.prune = Some(value()?.parse().map_err(|e| format!("--prune: {e}"))?),
            "--ensemble" => {
                args.ensemble = value()?
                    .parse::<usize>()
                    .map_err(|e| format!("--ensemble: {e}"))?
                    .max(1)
            }
            "--min-count" => {
                args.min_count = value()?.parse().map_err(|e| format!("--min-count: {e}"))?
            }
            "--jackknife" => {
                args.jackknife = value()?.parse().map_err(|e| format!("--jackknife: {e}"))?
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let data = &args.data;
    let tagger = Tagger::embedded();

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
            write_eval_set(dir, &corpus.name(), &set)?;
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
        return cross_validate_news(&args);
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
            let work = std::env::temp_dir().join("kg-ner-jackknife");
            let jk = Jackknife::train(&data.join("ud-ewt"), &work, args.jackknife, 10)?;
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
            .collect::<Result<_, kg_extract::ner::corpus::LoadError>>()?;
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
            let mean;
            let m = if refs.len() == 1 {
                refs[0]
            } else {
                mean = Recognizer::mean(&refs);
                &mean
            };
            let whole = system(m, args.uncased);
            let reports: Vec<_> = dev
                .iter()
                .map(|(name, set)| (name, evaluate(&whole, set)))
                .collect();
            // Selection: micro F1 over the pooled mentions of UNER dev and GUM dev (all
            // genres), so that each mention counts the same (GUM dev is small and a few names
            // repeated across a document swing its own F1 by several points).
            let (u, g) = (&reports[0].1.micro, &reports[1].1.micro);
            let key = kg_extract::ner::LabelScore {
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
        let (_, epoch, bytes) = best.ok_or("no epoch trained")?;
        let m = system(&Recognizer::from_bytes(&bytes)?, args.uncased);
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
            println!("\n{name}:\n{}", evaluate(&m, set));
        }
        if args.save {
            std::fs::write(&args.out, &bytes)?;
            println!("saved {}", args.out.display());
        }
        model = Some(m);
    }
    let model = model.as_ref().unwrap_or(Recognizer::embedded());
    // `--prune F`: drop the features whose largest weight is under F of the largest weight.
    let pruned;
    let model = match args.prune {
        Some(fraction) => {
            // With `--uncased`, the uncased model is pruned (and saved) instead.
            let (target, before) = if args.uncased {
                let u = model.uncased().ok_or("no uncased model to prune")?;
                let p = u.pruned(fraction);
                (p.to_bytes(), (p.len(), u.len()))
            } else {
                let p = model.pruned(fraction);
                (p.to_bytes(), (p.len(), model.len()))
            };
            pruned = if args.uncased {
                model.cased().with_uncased(Recognizer::from_bytes(&target)?)
            } else {
                system(&Recognizer::from_bytes(&target)?, false)
            };
            println!(
                "\npruned at {fraction}: {} of {} features",
                before.0, before.1
            );
            for corpus in &dev_sets {
                let set = load_eval_set(data, *corpus)?;
                println!("\n{}:\n{}", corpus.name(), evaluate(&pruned, &set));
            }
            if args.save {
                std::fs::write(&args.out, &target)?;
                println!("saved {}", args.out.display());
            }
            &pruned
        }
        None => model,
    };

    if let Some(dir) = &args.errors {
        std::fs::create_dir_all(dir)?;
        for corpus in &dev_sets {
            let set = load_eval_set(data, *corpus)?;
            let predicted: Vec<_> = set
                .docs
                .iter()
                .flat_map(|d| model.recognize_document(d))
                .collect();
            let path = dir.join(format!("{}.pred.jsonl", corpus.name()));
            kg_extract::ner::eval::write_jsonl(std::fs::File::create(&path)?, &predicted)?;
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
                evaluate(model, &set)
            );
        }
    }

    if args.bench {
        bench(data, model, tagger)?;
        bench_text(data, model)?;
    }
    Ok(())
}

/// Times the recognizer alone over pre-tokenised, pre-tagged sentences (UNER train + GUM).
fn bench(
    data: &std::path::Path,
    model: &Recognizer,
    tagger: &Tagger,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut docs = load(data, Corpus::Uner(Split::Train))?;
    for split in [Split::Train, Split::Dev, Split::Test] {
        docs.extend(load(data, Corpus::Gum(split))?);
    }
    let sentences: Vec<(Vec<&str>, Vec<kg_extract::pos::Upos>)> = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = tagger.tag(&words);
            (words, tags)
        })
        .collect();
    let words: usize = sentences.iter().map(|s| s.0.len()).sum();
    let mut spans = 0usize;
    for (w, t) in sentences.iter().take(1000) {
        spans += model.recognize(w, t).len();
    }
    let secs = best_of(PASSES, || {
        for (w, t) in &sentences {
            spans += model.recognize(w, t).len();
        }
    });
    println!(
        "\nNER alone: {words} words, fastest of {PASSES} passes {secs:.2}s = {:.0} words/s ({spans} spans)",
        words as f64 / secs
    );
    Ok(())
}

/// Times the whole text path (segmentation + POS + NER) over the benchmark corpus
/// (`<data>/../bench/corpus.jsonl`), one core, and segmentation + POS alone for comparison.
fn bench_text(
    data: &std::path::Path,
    model: &Recognizer,
) -> Result<(), Box<dyn std::error::Error>> {
    let path = data.join("../bench/corpus.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let docs = kg_extract::ner::eval::read_docs(file)?;
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let tagger = Tagger::embedded();
    let mut spans = 0usize;
    for t in texts.iter().take(20) {
        spans += model.recognize_text(t).len();
    }
    let seg_pos = best_of(PASSES, || {
        for t in &texts {
            let seg = kg_extract::segment::segment(t);
            for s in &seg.sentences {
                let w: Vec<&str> = seg.tokens[s.tokens.clone()]
                    .iter()
                    .map(|k| &t[k.start..k.end])
                    .collect();
                spans += tagger.tag(&w).len();
            }
        }
    });
    let all = best_of(PASSES, || {
        for t in &texts {
            spans += model.recognize_text(t).len();
        }
    });
    println!(
        "segmentation + POS: {words} words, fastest of {PASSES} passes {seg_pos:.2}s = {:.0} words/s\n\
         segmentation + POS + NER: {words} words, fastest of {PASSES} passes {all:.2}s = {:.0} words/s ({spans})",
        words as f64 / seg_pos,
        words as f64 / all
    );
    Ok(())
}

/// Lower-cased copies of a share `fraction` of the sentences of `docs` (picked by a fixed hash
/// of their position, so runs repeat), with the same spans.
fn lower_copies(
    docs: &[kg_extract::ner::data::LabeledDoc],
    fraction: f64,
) -> Vec<kg_extract::ner::data::LabeledDoc> {
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
    let embedded = Recognizer::embedded();
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
fn cross_validate_news(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let data = &args.data;
    let tagger = Tagger::embedded();
    let uner = load(data, Corpus::Uner(Split::Train))?;
    let gum = load(data, Corpus::Gum(Split::Train))?;
    let jk = Jackknife::train(
        &data.join("ud-ewt"),
        &std::env::temp_dir().join("kg-ner-jackknife"),
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
        let m = Recognizer::mean(&refs);
        let set = eval_set(&held_docs);
        let report = evaluate(&m, &set);
        if let Some(dir) = &args.errors {
            let name = format!("news-cv-{fold}");
            kg_extract::ner::eval::write_eval_set(dir, &name, &set)?;
            let predicted: Vec<_> = set
                .docs
                .iter()
                .flat_map(|d| m.recognize_document(d))
                .collect();
            let path = dir.join(format!("{name}.pred.jsonl"));
            kg_extract::ner::eval::write_jsonl(std::fs::File::create(&path)?, &predicted)?;
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
    let pooled = kg_extract::ner::LabelScore {
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

/// Timed passes per benchmark: the fastest is reported, since a shared machine only ever
/// slows a pass down.
const PASSES: usize = 5;

/// Seconds of the fastest of `passes` runs of `f`.
fn best_of(passes: usize, mut f: impl FnMut()) -> f64 {
    (0..passes)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}
