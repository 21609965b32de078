//! Scores kg's coreference on GUM: inside documents (test split) and across all documents.
//!
//! ```text
//! cargo run --release -p kg-extract --example eval_coref -- --data /work/shared/data [--errors [N]]
//! ```
//!
//! `--errors` also lists the N (default 15) largest wrong merges and wrong splits of each report.

use std::path::PathBuf;
use std::process::ExitCode;

use kg_extract::coref_eval::{evaluate_across, evaluate_within};

const USAGE: &str = "usage: eval_coref [--data DIR] [--errors [N]]";

fn main() -> ExitCode {
    let mut data = PathBuf::from("../shared/data");
    let mut errors: Option<usize> = None;
    let mut args = std::env::args().skip(1).peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => match args.next() {
                Some(dir) => data = PathBuf::from(dir),
                None => {
                    eprintln!("--data needs a directory\n{USAGE}");
                    return ExitCode::FAILURE;
                }
            },
            "--errors" => {
                let n = args.next_if(|a| a.parse::<usize>().is_ok());
                errors = Some(n.and_then(|n| n.parse().ok()).unwrap_or(15));
            }
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
    for evaluate in [evaluate_within, evaluate_across] {
        match evaluate(&data) {
            Ok(report) => {
                println!("{report}");
                if let Some(n) = errors {
                    println!("{}", report.errors(n));
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
