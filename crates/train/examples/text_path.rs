//! One pass of segmentation + POS + NER over the first N documents of a JSONL corpus, for
//! instruction counts under callgrind (a repeatable measure where wall clocks are not):
//!
//! ```text
//! cargo build --release -p kg-train --example text_path
//! valgrind --tool=callgrind target/release/examples/text_path ../shared/bench/corpus.jsonl 150
//! ```

use std::io::BufReader;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: text_path CORPUS.jsonl [DOCS]")?;
    let limit: usize = args.next().map_or(Ok(usize::MAX), |n| n.parse())?;
    let file = std::fs::File::open(&path)?;
    let docs = kg_train::score::ner::read_docs(BufReader::new(file))?;
    let pipeline = kg_extract::Pipeline::embedded();
    let (mut words, mut spans) = (0usize, 0usize);
    for d in docs.iter().take(limit) {
        words += d.text.split_whitespace().count();
        spans += pipeline
            .recognizer()
            .recognize_text(pipeline.lexicon(), pipeline.tagger(), &d.text)
            .len();
    }
    println!("{words} words, {spans} spans");
    Ok(())
}
