//! Trains the POS tagger and the NER model one epoch each on the tiny invented corpus of
//! `tests/fixtures` (no ../shared needed), writes them to a temporary directory, loads them back
//! and scores them.

use std::path::{Path, PathBuf};
use std::process::Command;

use kg_extract::classes::WordClasses;
use kg_extract::ner::Recognizer;
use kg_extract::pos::Tagger;
use kg_train::corpus::{read_uner, ud};
use kg_train::ner::{Examples, TrainOptions, train};
use kg_train::score::Scores;
use kg_train::score::ner::{eval_set, evaluate};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn kg_train(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kg-train"))
        .args(args)
        .output()
        .expect("kg-train runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "kg-train {args:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn in_range(scores: &impl Scores) {
    for (name, value) in scores.headline() {
        assert!((0.0..=1.0).contains(&value), "{name} = {value}");
    }
}

#[test]
fn trains_and_scores_pos_and_ner_on_the_fixture() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = fixtures();
    let data_arg = data.to_str().expect("utf-8 path");

    // POS, one epoch, through the binary.
    let pos_path = dir.path().join("pos.model");
    let printed = kg_train(&[
        "pos",
        "--data",
        data_arg,
        "--epochs",
        "1",
        "--out",
        pos_path.to_str().expect("utf-8 path"),
    ]);
    assert!(printed.contains("kept epoch 1"), "{printed}");
    let tagger = Tagger::from_bytes(
        &std::fs::read(&pos_path).expect("model written"),
        WordClasses::embedded_shared(),
    )
    .expect("the POS model loads back");
    assert!(tagger.n_features() > 0);
    let train_text =
        std::fs::read_to_string(data.join("ud-ewt/en_ewt-ud-train.conllu")).expect("fixture");
    let train_sents = ud::parse(&train_text).expect("fixture parses");
    let pos = kg_train::score::pos::score(&tagger, &train_sents);
    in_range(&pos);
    assert_eq!(
        pos.words,
        train_sents.iter().map(|s| s.words.len()).sum::<usize>()
    );
    assert!(pos.accuracy() > 0.8, "training accuracy {pos}");

    // The eval command scores the candidate tagger from --models.
    let printed = kg_train(&[
        "eval",
        "pos",
        "--data",
        data_arg,
        "--models",
        dir.path().to_str().expect("utf-8 path"),
    ]);
    assert!(printed.contains("UPOS accuracy"), "{printed}");

    // NER, one epoch, through the library, tagged by the new tagger.
    let read = |name: &str| {
        let path = data.join("uner-ewt").join(format!("en_ewt-ud-{name}.iob2"));
        read_uner(&std::fs::read_to_string(path).expect("fixture")).expect("fixture parses")
    };
    let (train_docs, dev_docs) = (read("train"), read("dev"));
    let examples = Examples::new(&train_docs, |_, words| tagger.tag(words));
    assert_eq!(examples.len(), 16);
    let options = TrainOptions {
        epochs: 1,
        ..TrainOptions::default()
    };
    let mut epochs = 0;
    let model = train(&[&examples], &options, |_, _| epochs += 1);
    assert_eq!(epochs, 1);
    let ner_path = dir.path().join("ner.model");
    std::fs::write(&ner_path, model.to_bytes()).expect("write model");
    let back = kg_train::ner::load_recognizer(&ner_path).expect("the NER model loads back");
    assert_eq!(back.len(), model.len());
    assert!(!back.is_empty());
    assert!(Recognizer::from_bytes(b"not a model").is_err());

    let train_set = eval_set(&train_docs);
    let report = evaluate(kg_extract::Pipeline::embedded(), &back, &train_set);
    in_range(&report);
    assert_eq!(report.micro.gold, 20, "{report}");
    assert!(report.micro.f1() > 0.5, "training F1:\n{report}");
    let dev = evaluate(
        kg_extract::Pipeline::embedded(),
        &back,
        &eval_set(&dev_docs),
    );
    in_range(&dev);
    assert_eq!(dev.micro.gold, 3, "{dev}");
}
