# Sourced by the scripts: one cargo target folder outside the clone, shared by tests, clippy and
# runs (one profile, so RocksDB is compiled once and reused by later runs and clones).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kg-target}"
KG="$CARGO_TARGET_DIR/debug/kg"
