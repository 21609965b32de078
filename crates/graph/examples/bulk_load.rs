//! oxigraph's own bulk loader on an N-Quads file, into a new store: the yardstick for the load
//! rate of `kg build` (see scripts/bench-build.sh).
//!
//! Usage: cargo run -p kg-graph --example bulk_load -- QUADS.nq NEW-STORE-DIR
//! Prints one JSON line: quads, seconds, quads per second.

use std::fs::File;
use std::io::BufReader;
use std::time::Instant;

use oxigraph::io::RdfFormat;
use oxigraph::store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(target)) = (args.next(), args.next()) else {
        return Err("usage: bulk_load QUADS.nq NEW-STORE-DIR".into());
    };
    let started = Instant::now();
    let store = Store::open(&target)?;
    let mut loader = store.bulk_loader();
    loader.load_from_reader(RdfFormat::NQuads, BufReader::new(File::open(&input)?))?;
    loader.commit()?;
    store.flush()?;
    let seconds = started.elapsed().as_secs_f64();
    let quads = store.len()?;
    println!(
        "{{\"quads\":{quads},\"seconds\":{seconds:.3},\"quads_per_second\":{:.0}}}",
        quads as f64 / seconds.max(1e-9)
    );
    Ok(())
}
