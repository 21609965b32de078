use super::*;
use crate::corpus::treebank::parse_trees;

/// Invented sentences (no treebank text) with their trees.
const FIXTURE: &str = include_str!("../../tests/fixtures/parse.conllu");

fn fixture() -> Vec<TreeSentence> {
    parse_trees(FIXTURE).expect("the fixture is valid CoNLL-U")
}

#[test]
fn trains_on_invented_trees_and_parses_them_back() {
    let sents = fixture();
    assert_eq!(sents.len(), 10);
    let refs: Vec<&TreeSentence> = sents.iter().collect();
    let (labels, map) = label_set(&refs, 1);
    assert!(labels.iter().any(|l| l == "nsubj:pass"));
    assert!(labels.iter().any(|l| l == ROOT_LABEL));
    let examples: Vec<Example> = sents
        .iter()
        .filter_map(|s| example(s, s.tags.clone(), &map))
        .collect();
    assert_eq!(
        examples.len(),
        sents.len(),
        "every fixture tree is projective"
    );
    let lemmatizer = crate::lemma::learn(&refs);
    let classes = WordClasses::embedded_shared();
    let (parser, by_epoch, _) = train_parser(
        &examples,
        &labels,
        &lemmatizer,
        &classes,
        8,
        7,
        0.9,
        None,
        None,
        false,
    );
    assert_eq!(by_epoch.len(), 8);
    let tags: Vec<Vec<Upos>> = sents.iter().map(|s| s.tags.clone()).collect();
    let report = evaluate_tagged(&parser, &sents, &tags);
    assert!(report.uas() >= 0.9, "UAS {}", report.uas());
    assert!(report.las() >= 0.85, "LAS {}", report.las());
    assert!(
        report.lemma_accuracy() >= 0.95,
        "{}",
        report.lemma_accuracy()
    );
    // The model survives its file format.
    let back = Parser::from_bytes(&parser.to_bytes(), Arc::clone(&classes)).expect("round trip");
    let again = evaluate_tagged(&back, &sents, &tags);
    assert_eq!(again.labelled, report.labelled);
}

#[test]
fn non_projective_trees_are_lifted_and_multi_root_trees_skipped() {
    let s = TreeSentence {
        words: ["a", "b", "c", "d"].map(String::from).to_vec(),
        lemmas: ["a", "b", "c", "d"].map(String::from).to_vec(),
        tags: vec![Upos::Noun; 4],
        heads: vec![3, 0, 2, 1],
        labels: ["dep", "root", "dep", "dep"].map(String::from).to_vec(),
        id: None,
    };
    let (_, map) = label_set(&[&s], 1);
    let lifted = example(&s, s.tags.clone(), &map).expect("lifted");
    assert_eq!(lifted.heads, [u32::MAX, 2, 0, 2, 2]);
    let two_roots = TreeSentence {
        heads: vec![0, 0, 2, 3],
        ..s.clone()
    };
    assert!(example(&two_roots, s.tags.clone(), &map).is_none());
}

#[test]
fn conllu_written_by_the_pipeline_reads_back() {
    let p = Pipeline::embedded();
    let text = "Lena Moss sold the boat to Arlo. It sank in the harbour, didn’t it?";
    let parsed = p.parse_text(text);
    let conllu: String = parsed
        .iter()
        .enumerate()
        .map(|(k, s)| s.to_conllu(&format!("t-{}", k + 1)))
        .collect();
    let back = parse_trees(&conllu).expect("our CoNLL-U reads back");
    assert_eq!(back.len(), parsed.len());
    for (b, s) in back.iter().zip(&parsed) {
        let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        assert_eq!(b.words, forms);
        let heads: Vec<u32> = s.tokens.iter().map(|t| t.head).collect();
        assert_eq!(b.heads, heads);
        let lemmas: Vec<&str> = s.tokens.iter().map(|t| t.lemma.as_str()).collect();
        assert_eq!(b.lemmas, lemmas);
    }
    assert_eq!(back[0].id.as_deref(), Some("t-1"));
}

#[test]
fn training_needs_its_data() {
    let c = ParseConfig {
        data: PathBuf::from("/nonexistent/kg-parse-data"),
        save: false,
        ..ParseConfig::default()
    };
    assert!(matches!(run(&c), Err(Error::Io { .. })));
}

#[test]
fn lifting_makes_trees_projective() {
    use kg_extract::parse::state::is_projective;
    // 3 -> 1 crosses 4 -> 2 (4 is the root), and 2 -> 5 spans the root.
    let heads = [u32::MAX, 3, 4, 4, 0, 2];
    assert!(!is_projective(&heads));
    let lifted = super::projectivized(&heads);
    assert!(is_projective(&lifted));
    assert_eq!(lifted, [u32::MAX, 4, 4, 4, 0, 4]);
    let projective = [u32::MAX, 2, 0, 2];
    assert_eq!(super::projectivized(&projective), projective);
}
