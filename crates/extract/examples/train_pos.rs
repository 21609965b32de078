//! Trains the POS tagger on UD English EWT and writes the model shipped with the crate.
//!
//! `cargo run --release -p kg-extract --example train_pos -- [DATA_DIR] [OUT] [EPOCHS]`
//! (defaults: `../shared/data/ud-ewt`, `crates/extract/data/models/pos.model`, 12).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let data = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/data/ud-ewt".into()),
    );
    let out = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "crates/extract/data/models/pos.model".into()),
    );
    let epochs = args.next().and_then(|e| e.parse().ok()).unwrap_or(12);
    match kg_extract::pos::train_pos(&data, &out, epochs) {
        Ok(report) => {
            println!("{report}");
            println!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
