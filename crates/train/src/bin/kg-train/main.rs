//! `kg-train`: trains and scores kg's statistical models. See the crate README.

mod args;
mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kg-train: {e}");
            ExitCode::from(2)
        }
    }
}
