//! The whole extractor (every step) over a JSONL corpus on one thread, timed: words/s.
//!
//! ```text
//! cargo run --release -p kg-train --example extract_corpus ../shared/bench/corpus.jsonl
//! ```

use std::io::BufReader;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: extract_corpus CORPUS.jsonl")?;
    let docs = kg_train::score::ner::read_docs(BufReader::new(std::fs::File::open(&path)?))?;
    let pipeline = kg_extract::Pipeline::embedded();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let mut best = f64::MAX;
    let mut facts = 0usize;
    for _ in 0..3 {
        let t = Instant::now();
        facts = 0;
        for d in &docs {
            let x = pipeline.extract(d, kg_extract::Options { clean: true });
            facts += x.relations.len() + x.quotes.len() + x.roles.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} documents, {words} words, fastest of 3 passes {best:.2}s = {:.0} words/s ({facts} relations, quotes and roles)",
        docs.len(),
        words as f64 / best
    );
    Ok(())
}
