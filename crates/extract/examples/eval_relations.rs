//! Scores kg's relations and roles against the hand-made GUM news gold set.
//!
//! ```text
//! cargo run --release -p kg-extract --example eval_relations -- --data /work/shared/data [--errors] [--list]
//! ```
//!
//! `--gold FILE` reads another gold file (default: `tests/data/gum-relations/gold.tsv` of this
//! crate); `--errors` lists false positives and false negatives; `--list` lists every system
//! triple, `+` when it matches the gold set.

use std::path::PathBuf;
use std::process::ExitCode;

use kg_extract::relation_eval::evaluate;

const USAGE: &str = "usage: eval_relations [--data DIR] [--gold FILE] [--errors] [--list]";

fn main() -> ExitCode {
    let mut data = PathBuf::from("../shared/data");
    let mut gold = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/gum-relations/gold.tsv"
    ));
    let (mut errors, mut list) = (false, false);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" | "--gold" => match args.next() {
                Some(v) if arg == "--data" => data = PathBuf::from(v),
                Some(v) => gold = PathBuf::from(v),
                None => {
                    eprintln!("{arg} needs a value\n{USAGE}");
                    return ExitCode::FAILURE;
                }
            },
            "--errors" => errors = true,
            "--list" => list = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("unknown argument {other:?}\n{USAGE}");
                return ExitCode::FAILURE;
            }
        }
    }
    match evaluate(&data, &gold) {
        Ok(report) => {
            println!("{report}");
            if errors {
                println!("{}", report.errors());
            }
            if list {
                println!("{}", report.listing());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
