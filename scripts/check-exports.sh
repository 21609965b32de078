#!/usr/bin/env bash
# Builds a store from the seeds and parses every export format with parsers that are not ours:
# rapper (raptor2) for Turtle, N-Triples, N-Quads, TriG and RDF/XML; RDFLib for all six, JSON-LD
# included; networkx for GraphML and Python's csv module for the Neo4j CSV. Fails when a parser
# rejects a file or reads a different number of triples, entities or relations.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo build -q -p kg-cli --bin kg
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$KG" build --store "$work/store" seeds/ >/dev/null

venv="$HOME/.cache/kg-venv"
if ! "$venv/bin/python" -c "import rdflib, networkx" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q rdflib networkx
fi

pass=0
fail=0
check() { # name command...
  local name=$1; shift
  if out=$("$@" 2>&1); then
    echo "ok   $name: $out"; pass=$((pass+1))
  else
    echo "FAIL $name: $out"; fail=$((fail+1))
  fi
}
declare -A counts
declare -A rapper_name=([ttl]=turtle [nt]=ntriples [nq]=nquads [trig]=trig [rdf]=rdfxml)
declare -A rdflib_name=([ttl]=turtle [nt]=nt [nq]=nquads [trig]=trig [rdf]=xml [jsonld]=json-ld)
for ext in ttl nt nq trig rdf jsonld; do
  "$KG" export --store "$work/store" -o "$work/kg.$ext" 2>/dev/null
  if [ -n "${rapper_name[$ext]:-}" ]; then
    check "rapper $ext" bash -c "rapper -i ${rapper_name[$ext]} -c '$work/kg.$ext' 2>&1 | grep -o 'returned [0-9]* triples'; exit \${PIPESTATUS[0]}"
  fi
  check "rdflib $ext" "$venv/bin/python" - "$work/kg.$ext" "${rdflib_name[$ext]}" <<'PY'
import sys, rdflib
path, fmt = sys.argv[1], sys.argv[2]
g = rdflib.Dataset() if fmt in ("nquads", "trig") else rdflib.Graph()
g.parse(path, format=fmt)
n = sum(len(c) for c in getattr(g, "graphs", g.contexts)()) if fmt in ("nquads", "trig") else len(g)
if n < 100:
    sys.exit(f"only {n} statements parsed")
print(f"{n} statements")
PY
  counts[$ext]=$(echo "$out" | grep -o '[0-9]* statements' | grep -o '[0-9]*' || echo 0)
done
# The triple formats hold the same union; the quad formats the same named graphs.
for pair in "ttl nt" "ttl rdf" "ttl jsonld" "nq trig"; do
  set -- $pair
  if [ "${counts[$1]}" = "${counts[$2]}" ]; then
    echo "ok   $1 and $2 hold the same ${counts[$1]} statements"; pass=$((pass+1))
  else
    echo "FAIL $1 has ${counts[$1]} statements, $2 has ${counts[$2]}"; fail=$((fail+1))
  fi
done
# The entity graph for graph tools: GraphML read by networkx, the Neo4j CSV by Python's csv
# module; counts and a known entity's label compared with what `kg stats` and `kg query` say.
"$KG" export --store "$work/store" -o "$work/kg.graphml" 2>/dev/null
"$KG" export --store "$work/store" --format neo4j -o "$work/neo4j" 2>/dev/null
stats=$("$KG" stats --store "$work/store" --top 0)
entities=$(awk '$1 == "entities" {print $2}' <<<"$stats")
edges=$(awk '$1 == "edges" {print $2}' <<<"$stats")
"$KG" query --store "$work/store" --format csv \
  -e 'SELECT ?key ?label WHERE { ?e kg:key ?key ; rdfs:label ?label } ORDER BY ?key LIMIT 1' \
  >"$work/known.csv"
if graph_out=$("$venv/bin/python" scripts/check-graph-exports.py "$work/kg.graphml" \
  "$work/neo4j" "$entities" "$edges" "$work/known.csv" 2>&1); then status=0; else status=$?; fi
echo "$graph_out" | grep -E '^(ok|FAIL)' || true
pass=$((pass + $(grep -c '^ok' <<<"$graph_out" || true)))
fail=$((fail + $(grep -c '^FAIL' <<<"$graph_out" || true)))
if [ "$status" -ne 0 ] && ! grep -q '^FAIL' <<<"$graph_out"; then
  echo "FAIL graph exports: $graph_out"; fail=$((fail+1))
fi
echo "exports: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
