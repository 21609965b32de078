#!/usr/bin/env bash
# Runs every canned query (queries/*.rq) through `kg serve` with curl and prints a Markdown
# table: rows (TSV lines less the header), bytes of SPARQL JSON, and curl's total time.
#   ./scripts/serve-queries.sh [STORE]     (default: a store built from seeds/ in a temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo build -q -p kg-cli --bin kg
work=$(mktemp -d)
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
store=${1:-}
if [ -z "$store" ]; then
  store="$work/store"
  "$KG" build --store "$store" seeds/ >/dev/null 2>&1
fi
"$KG" serve --store "$store" --bind 127.0.0.1:0 >"$work/url" 2>/dev/null &
server=$!
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
endpoint="$(head -1 "$work/url")query"
echo "| query | rows | SPARQL JSON bytes | time |"
echo "|---|---:|---:|---:|"
for file in queries/*.rq; do
  name=$(basename "$file" .rq)
  rows=$(curl -sf -H 'Accept: text/tab-separated-values' -H 'Content-Type: application/sparql-query' \
    --data-binary "@$file" "$endpoint" | tail -n +2 | wc -l)
  read -r bytes seconds < <(curl -sf -o /dev/null -w '%{size_download} %{time_total}\n' \
    -H 'Accept: application/sparql-results+json' -H 'Content-Type: application/sparql-query' \
    --data-binary "@$file" "$endpoint")
  printf '| %s | %s | %s | %s ms |\n' "$name" "$rows" "$bytes" "$(awk "BEGIN { printf \"%.0f\", $seconds * 1000 }")"
done
