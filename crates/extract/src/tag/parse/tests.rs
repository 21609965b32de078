use super::*;
use crate::Pipeline;

fn parse(sentence: &str) -> Vec<(String, u32, String)> {
    let p = Pipeline::embedded();
    let words: Vec<&str> = sentence.split(' ').collect();
    let tags = p.tagger().tag(&words);
    let tree = p.parser().parse(&words, &tags);
    words
        .iter()
        .zip(tree.heads.iter().zip(&tree.labels))
        .map(|(w, (&h, &l))| (w.to_string(), h, p.parser().label(l).to_string()))
        .collect()
}

/// Whether heads form one tree: every head in range, one root, no cycle.
fn is_tree(heads: &[u32]) -> bool {
    let n = heads.len() as u32;
    if heads.iter().any(|&h| h > n) || heads.iter().filter(|&&h| h == 0).count() != 1 {
        return false;
    }
    (1..=n).all(|mut w| {
        for _ in 0..=n {
            if w == 0 {
                return true;
            }
            w = heads[w as usize - 1];
        }
        false
    })
}

/// The relation of `word` and the word its head is.
fn arc<'a>(tree: &'a [(String, u32, String)], word: &str) -> (&'a str, &'a str) {
    let (_, h, l) = tree
        .iter()
        .find(|t| t.0 == word)
        .unwrap_or_else(|| panic!("{word} not in {tree:?}"));
    let head = if *h == 0 {
        "ROOT"
    } else {
        tree[*h as usize - 1].0.as_str()
    };
    (l.as_str(), head)
}

#[test]
fn odd_input_still_gives_a_tree() {
    let p = Pipeline::embedded();
    let many: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
    let inputs: Vec<Vec<&str>> = vec![
        vec!["."],
        vec![",", ",", ",", "?"],
        vec!["\u{0}", "\u{feff}", "日本", "🙂"],
        vec!["the"; 50],
        many.iter().map(String::as_str).collect(),
        vec!["A", "B", "C", "D", "E", "F", "G"],
    ];
    for words in inputs {
        let tags = p.tagger().tag(&words);
        let tree = p.parser().parse(&words, &tags);
        assert_eq!(tree.heads.len(), words.len());
        assert!(is_tree(&tree.heads), "{words:?}: {:?}", tree.heads);
        assert!(
            tree.labels
                .iter()
                .all(|&l| usize::from(l) < p.parser().labels().len())
        );
        let root = tree.heads.iter().position(|&h| h == 0).unwrap_or(0);
        assert_eq!(p.parser().label(tree.labels[root]), ROOT_LABEL);
    }
    let empty: [&str; 0] = [];
    assert!(p.parser().parse(&empty, &[]).heads.is_empty());
    // Missing tags read as X.
    assert!(is_tree(&p.parser().parse(&["Go", "home"], &[]).heads));
}

#[test]
fn subjects_objects_and_obliques_of_invented_names() {
    let t = parse("Tove Lindqvist sold the ferry in March .");
    assert_eq!(arc(&t, "Tove"), ("nsubj", "sold"));
    assert_eq!(arc(&t, "Lindqvist"), ("flat", "Tove"));
    assert_eq!(arc(&t, "ferry"), ("obj", "sold"));
    assert_eq!(arc(&t, "March"), ("obl", "sold"));
    assert_eq!(arc(&t, "sold"), ("root", "ROOT"));

    let t = parse("Arlo Venn moved to Harrow with his sister .");
    assert_eq!(arc(&t, "Arlo"), ("nsubj", "moved"));
    assert_eq!(arc(&t, "Harrow"), ("obl", "moved"));
    assert_eq!(arc(&t, "sister"), ("obl", "moved"));

    let t = parse("The council of Vellmar approved the new budget on Tuesday .");
    assert_eq!(arc(&t, "council"), ("nsubj", "approved"));
    assert_eq!(arc(&t, "Vellmar"), ("nmod", "council"));
    assert_eq!(arc(&t, "budget"), ("obj", "approved"));
    assert_eq!(arc(&t, "Tuesday"), ("obl", "approved"));

    let t = parse("The plant was sold to Brennor Steel by its founder .");
    assert_eq!(arc(&t, "plant"), ("nsubj:pass", "sold"));
    assert_eq!(arc(&t, "Steel"), ("obl", "sold"));
    assert_eq!(arc(&t, "founder"), ("obl:agent", "sold"));

    let t = parse("Mira Osei said that Calder Bank will open an office in Lusaka .");
    assert_eq!(arc(&t, "Mira"), ("nsubj", "said"));
    assert_eq!(arc(&t, "open"), ("ccomp", "said"));
    assert_eq!(arc(&t, "Calder"), ("nsubj", "open"));
    assert_eq!(arc(&t, "office"), ("obj", "open"));
}

#[test]
fn round_trips_and_refuses_corrupt_bytes() {
    let p = Pipeline::embedded().parser();
    let back = Parser::from_bytes(&p.to_bytes(), WordClasses::embedded_shared()).expect("trip");
    let words = ["Arlo", "Venn", "joined", "the", "board", "."];
    let tags = Pipeline::embedded().tagger().tag(&words);
    assert_eq!(back.parse(&words, &tags), p.parse(&words, &tags));
    assert_eq!(back.labels(), p.labels());
    let read = |b: &[u8]| Parser::from_bytes(b, WordClasses::embedded_shared());
    assert!(read(b"").is_err());
    assert!(read(b"KGDEP\x01").is_err());
    assert!(read(b"KGDEP\x01\x02\x04root").is_err());
    let bytes = crate::pipeline::EMBEDDED_PARSE;
    for cut in [7, 100, bytes.len() / 2, bytes.len() - 1] {
        assert!(read(&bytes[..cut.min(bytes.len())]).is_err());
    }
}
