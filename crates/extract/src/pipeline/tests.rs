use std::path::PathBuf;

use super::*;

/// A fresh folder under the system's temp folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("kg-pipeline-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes the embedded model of `kind` and its embedded manifest into `dir`.
fn write_embedded(dir: &Path, kind: ModelKind) {
    let (bytes, manifest) = embedded_model(kind);
    std::fs::write(dir.join(format!("{}.model", kind.name())), bytes).expect("model");
    std::fs::write(dir.join(format!("{}.manifest.json", kind.name())), manifest).expect("json");
}

const TEXT: &str = "Prime Minister Ana Silva met executives of Nordhavn Motors in Bergen on \
    Tuesday. Silva said the company would buy 40 buses from Oslo.";

fn doc() -> Document {
    Document {
        id: "d".into(),
        text: TEXT.into(),
        ..Document::default()
    }
}

#[test]
fn the_shipped_models_match_the_shipped_lexicon() {
    let lex = Lexicon::embedded();
    let classes = WordClasses::embedded();
    for kind in ModelKind::ALL {
        let (_, json) = embedded_model(kind);
        let manifest = Manifest::parse(kind, json).expect("manifest parses");
        manifest
            .check(kind, &lex, classes)
            .expect("manifest fits the lexicon and the word classes");
        assert_eq!(
            manifest,
            Manifest::new(kind, &lex, classes),
            "{}",
            kind.name()
        );
        assert_eq!(manifest.classes.is_some(), kind.reads_classes());
    }
    let p = Pipeline::load(None, true).expect("embedded pipeline");
    assert!(p.recognizer().uncased().is_some());
    assert_eq!(p.provenance(), &Provenance::default());
}

#[test]
fn models_from_a_folder_extract_as_the_embedded_ones() {
    let dir = TempDir::new("models");
    for kind in ModelKind::ALL {
        write_embedded(&dir.0, kind);
    }
    let p = Pipeline::from_dir(&dir.0).expect("loads");
    assert_eq!(p.provenance().models.len(), ModelKind::ALL.len());
    assert!(p.provenance().lexicons.is_empty());
    assert_eq!(
        p.parse_text(TEXT),
        Pipeline::embedded().parse_text(TEXT),
        "the parser from the folder parses as the embedded one"
    );
    let ours = p.extract(&doc(), Options::default());
    let shipped = Pipeline::embedded().extract(&doc(), Options::default());
    assert_eq!(
        serde_json::to_string(&ours).ok(),
        serde_json::to_string(&shipped).ok()
    );
    assert!(ours.mentions.len() >= 3, "{:?}", ours.mentions);
}

#[test]
fn parsed_text_keeps_offsets_and_writes_conllu() {
    let text = "Ana Silva met\nexecutives of Nordhavn Motors in Bergen. They didn’t sign.";
    let sents = Pipeline::embedded().parse_text(text);
    assert_eq!(sents.len(), 2);
    let chars: Vec<char> = text.chars().collect();
    for s in &sents {
        assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1);
        for t in &s.tokens {
            let written: String = chars[t.start..t.end].iter().collect();
            assert_eq!(written, t.form);
            assert!(t.head as usize <= s.tokens.len());
        }
    }
    assert_eq!(
        sents[0].text,
        "Ana Silva met executives of Nordhavn Motors in Bergen."
    );
    let did = &sents[1].tokens[1];
    assert_eq!((did.form.as_str(), did.lemma.as_str()), ("did", "do"));
    assert!(!did.space_after, "did is followed by n’t");
    let block = sents[1].to_conllu("d-2");
    let lines: Vec<&str> = block.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "# sent_id = d-2");
    assert_eq!(lines[1], "# text = They didn’t sign.");
    assert_eq!(lines.len(), 2 + sents[1].tokens.len());
    assert!(block.ends_with("\n\n"));
    for line in &lines[2..] {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 10, "{line}");
        assert_eq!((cols[4], cols[5], cols[8]), ("_", "_", "_"));
        assert!(cols[9].contains("TokenRange="), "{line}");
    }
    assert!(
        lines[3].contains("SpaceAfter=No|TokenRange="),
        "{}",
        lines[3]
    );
    let json = serde_json::to_string(&sents[1]).expect("json");
    assert!(json.contains(r#""upos":"AUX""#), "{json}");
    // Given words: offsets of the words joined by spaces.
    let given = Pipeline::embedded().parse_words(&["Stop", "!"]);
    assert_eq!(given.text, "Stop !");
    assert_eq!((given.tokens[1].start, given.tokens[1].end), (5, 6));
    assert!(Pipeline::embedded().parse_text("").is_empty());
    assert!(Pipeline::embedded().parse_text(" \n\t ").is_empty());
}

#[test]
fn a_model_without_its_manifest_is_refused() {
    let dir = TempDir::new("nomanifest");
    let (bytes, _) = embedded_model(ModelKind::Ner);
    std::fs::write(dir.0.join("ner.model"), bytes).expect("model");
    let err = Pipeline::from_dir(&dir.0).expect_err("no manifest");
    assert!(matches!(err, PipelineError::NoManifest { .. }), "{err}");
    assert!(err.to_string().contains("ner.manifest.json"), "{err}");
}

#[test]
fn an_edited_gazetteer_that_the_model_reads_is_refused() {
    let dir = TempDir::new("edited");
    let cities = Sources::embedded().text("cities.tsv").to_string() + "Zzyzxville\tUnited States\n";
    std::fs::write(dir.0.join("cities.tsv"), cities).expect("write");
    let err = Pipeline::from_dir(&dir.0).expect_err("manifest mismatch");
    let message = err.to_string();
    assert!(message.contains("cities.tsv"), "{message}");
    assert!(message.contains("retrain"), "{message}");
}

#[test]
fn an_edited_list_that_no_model_reads_is_used() {
    let dir = TempDir::new("events");
    std::fs::create_dir_all(dir.0.join("lexicons")).expect("dir");
    let events = Sources::embedded().text("event_words.txt").to_string() + "Jamboree\n";
    std::fs::write(dir.0.join("lexicons/event_words.txt"), events).expect("write");
    let p = Pipeline::from_dir(&dir.0).expect("loads");
    assert_eq!(
        p.provenance().lexicons,
        [dir.0.join("lexicons/event_words.txt")]
    );
    assert!(
        p.lexicon()
            .sources()
            .text("event_words.txt")
            .ends_with("Jamboree\n")
    );
}

#[test]
fn a_manifest_of_another_feature_set_is_refused() {
    let dir = TempDir::new("version");
    write_embedded(&dir.0, ModelKind::Pos);
    let mut manifest = Manifest::new(
        ModelKind::Pos,
        &Lexicon::embedded(),
        WordClasses::embedded(),
    );
    manifest.features += 1;
    std::fs::write(dir.0.join("pos.manifest.json"), manifest.to_json()).expect("write");
    let err = Pipeline::from_dir(&dir.0).expect_err("version");
    assert!(err.to_string().contains("feature set"), "{err}");
    std::fs::write(dir.0.join("pos.manifest.json"), "{ not json").expect("write");
    let err = Pipeline::from_dir(&dir.0).expect_err("syntax");
    assert!(err.to_string().contains("line 1"), "{err}");
}

#[test]
fn an_empty_folder_is_an_error() {
    let dir = TempDir::new("empty");
    let err = Pipeline::from_dir(&dir.0).expect_err("empty");
    assert!(matches!(err, PipelineError::Empty(_)), "{err}");
}

#[test]
fn a_pos_model_of_another_word_class_table_is_refused() {
    let dir = TempDir::new("classes");
    write_embedded(&dir.0, ModelKind::Pos);
    let mut manifest = Manifest::new(
        ModelKind::Pos,
        &Lexicon::embedded(),
        WordClasses::embedded(),
    );
    manifest.classes = Some("0123456789abcdef".into());
    std::fs::write(dir.0.join("pos.manifest.json"), manifest.to_json()).expect("write");
    let err = Pipeline::from_dir(&dir.0).expect_err("other table");
    assert!(err.to_string().contains("word-class table"), "{err}");
    // A manifest from before word classes (no `classes` field) still parses, and is refused.
    let old = r#"{ "model": "pos", "features": 2, "lexicons": {} }"#;
    let parsed = Manifest::parse(ModelKind::Pos, old).expect("old manifests parse");
    assert_eq!(parsed.classes, None);
    std::fs::write(dir.0.join("pos.manifest.json"), old).expect("write");
    let err = Pipeline::from_dir(&dir.0).expect_err("no table recorded");
    assert!(err.to_string().contains("hash none"), "{err}");
}

#[test]
fn the_embedded_parser_is_decoded_on_first_use_and_parses_as_an_eager_one() {
    let lazy = Pipeline::load(None, false).expect("embedded pipeline");
    assert!(
        lazy.parser.get().is_none(),
        "tagging alone must not decode it"
    );
    assert!(!lazy.recognize_text(TEXT).is_empty());
    assert!(lazy.parser.get().is_none());
    let eager = Pipeline::load(None, true).expect("embedded pipeline");
    assert!(eager.parser.get().is_some());
    assert_eq!(lazy.parse_text(TEXT), eager.parse_text(TEXT));
    assert!(lazy.parser.get().is_some());
}

#[test]
fn a_broken_parser_in_a_folder_fails_at_load_not_at_first_use() {
    let dir = TempDir::new("broken-parser");
    write_embedded(&dir.0, ModelKind::Parse);
    let model = dir.0.join("parse.model");
    let bytes = std::fs::read(&model).expect("model");
    std::fs::write(&model, &bytes[..bytes.len() / 2]).expect("truncated");
    let err = Pipeline::from_dir(&dir.0).expect_err("a truncated parser is refused");
    assert!(matches!(err, PipelineError::Parse { .. }), "{err}");
}
