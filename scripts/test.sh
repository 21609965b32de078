#!/usr/bin/env bash
# Every test: unit and integration tests (the real binary, a real on-disk store, real Graphviz),
# then every export format checked by independent parsers (rapper from raptor2-utils, RDFLib,
# networkx, Python's csv module).
#   ./scripts/test.sh            (installs what is missing first: see scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
cargo test --workspace
./scripts/check-exports.sh
