//! Scores the whole extractor's named mentions (model + rules, as `kg eval ner` does) on the
//! eval files written by `train_ner --write-eval DIR`, without building the CLI.
//!
//! ```text
//! cargo run --release -p kg-extract --example ner_pipeline_eval -- DIR SPLIT... [--pred OUTDIR]
//! ```
//!
//! Reads `DIR/<split>.docs.jsonl` and `DIR/<split>.gold.jsonl` per split (e.g. `uner-dev`),
//! prints the report and, with `--pred`, writes `OUTDIR/<split>.pred.jsonl`.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use kg_extract::ner::eval::{
    GoldMention, extraction_mentions, read_docs, read_mentions, score, write_jsonl,
};
use kg_extract::{Options, extract_with};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: DIR SPLIT... [--pred OUTDIR]")?);
    let (mut splits, mut pred) = (Vec::new(), None);
    while let Some(a) = args.next() {
        if a == "--pred" {
            pred = Some(PathBuf::from(args.next().ok_or("--pred needs a value")?));
        } else {
            splits.push(a);
        }
    }
    for split in splits {
        let open = |kind: &str| -> std::io::Result<BufReader<File>> {
            Ok(BufReader::new(File::open(
                dir.join(format!("{split}.{kind}.jsonl")),
            )?))
        };
        let docs = read_docs(open("docs")?)?;
        let gold = read_mentions(open("gold")?)?;
        let options = Options { clean: false };
        let predicted: Vec<GoldMention> = docs
            .iter()
            .flat_map(|d| extraction_mentions(&extract_with(d, options)))
            .collect();
        println!("{split}:\n{}", score(&gold, &predicted));
        if let Some(out) = &pred {
            std::fs::create_dir_all(out)?;
            write_jsonl(
                File::create(out.join(format!("{split}.pred.jsonl")))?,
                &predicted,
            )?;
        }
    }
    Ok(())
}
