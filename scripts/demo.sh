#!/usr/bin/env bash
# The main job on the seed articles: build the store, print a summary, write diagrams.
#   ./scripts/demo.sh            (installs what is missing first: see scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
cargo build -p kg-cli --bin kg
"$KG" build seeds/
echo
"$KG" stats --top 8
"$KG" render --format svg -o out/graph.svg
"$KG" render --format dot -o out/graph.dot
echo
echo "Next: $KG query people-and-roles    (canned queries are in queries/)"
