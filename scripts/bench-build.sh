#!/usr/bin/env bash
# Corpus-scale benchmark of `kg build`, all figures from one run on this machine:
#   - `kg extract` and `kg build` of the bench corpus repeated N times with distinct ids
#     (time, words/s, peak RSS), and the peak RSS of the 1x build;
#   - the load rate against oxigraph's own bulk loader on the same quads (exported N-Quads);
#   - every canned query and `kg render` (no focus) on the Nx store;
#   - kill -9 at random points of a rebuild: the store must be unchanged each time.
# Usage: scripts/bench-build.sh [--release] [--copies 4] [--kills 10] [--corpus FILE] [--work DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/bench/corpus.jsonl
copies=4
kills=10
profile=debug
work="${TMPDIR:-/tmp}/kg-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --release) profile=release ;;
    --copies) copies="$2"; shift ;;
    --kills) kills="$2"; shift ;;
    --corpus) corpus="$2"; shift ;;
    --work) work="$2"; shift ;;
    *) echo "bench-build: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
. scripts/env.sh
flag=()
[ "$profile" = release ] && flag=(--release)
cargo build -q "${flag[@]}" -p kg-cli
cargo build -q "${flag[@]}" -p kg-graph --example bulk_load
KG="$CARGO_TARGET_DIR/$profile/kg"
BULK="$CARGO_TARGET_DIR/$profile/examples/bulk_load"
rm -rf "$work" && mkdir -p "$work"
big="$work/corpus-x$copies.jsonl"
words=$(python3 - "$corpus" "$copies" "$big" <<'PY'
import json, sys
src, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [l for l in open(src, encoding="utf-8") if l.strip()]
words = 0
with open(out, "w", encoding="utf-8") as f:
    for c in range(copies):
        for l in lines:
            d = json.loads(l)
            d["id"] = f"{d['id']}-copy{c}"
            words += len(d["text"].split())
            f.write(json.dumps(d) + "\n")
print(words)
PY
)
docs=$(wc -l < "$big")

# Runs a command, keeping its stdout; sets SECS and RSS_MB.
measure() {
  local out="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out"
  read -r SECS RSS_KB < "$work/time"
  RSS_MB=$((RSS_KB / 1024))
}

echo "kg bench: $profile profile, $docs documents, $words words ($copies x $(basename "$corpus"))" >&2
measure /dev/null "$KG" extract "$big"
extract_s=$SECS; extract_rss=$RSS_MB
measure "$work/build1.txt" "$KG" build --store "$work/store1" "$corpus"
build1_rss=$RSS_MB
measure "$work/build.txt" "$KG" build --store "$work/store" "$big"
build_s=$SECS; build_rss=$RSS_MB
cat "$work/build.txt" >&2
quads=$(awk '/quads/ {print $2}' "$work/build.txt")
extracting=$(sed -n 's/.*(\([0-9.]*\) s extracting.*/\1/p' "$work/build.txt")
"$KG" export --format nquads --store "$work/store" -o "$work/quads.nq"
bulk=$("$BULK" "$work/quads.nq" "$work/bulk-store")
bulk_s=$(echo "$bulk" | python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds"])')

python3 - "$extract_s" "$build_s" "$extracting" "$quads" "$bulk_s" "$words" "$build_rss" "$build1_rss" "$extract_rss" <<'PY'
import sys
extract_s, build_s, extracting, quads, bulk_s, words = map(float, sys.argv[1:7])
build_rss, build1_rss, extract_rss = map(int, sys.argv[7:10])
load_s = max(build_s - extracting, 1e-9)
print("| measure | value |")
print("|---|---|")
print(f"| kg extract | {extract_s:.2f} s, {words/extract_s:,.0f} words/s, {extract_rss} MB |")
print(f"| kg build | {build_s:.2f} s, {words/build_s:,.0f} words/s, {build_rss} MB peak RSS |")
print(f"| build / extract time | {build_s/extract_s:.2f}x |")
print(f"| peak RSS, 1x build | {build1_rss} MB (Nx build {100*build_rss/build1_rss:.0f}% of it) |")
print(f"| quads | {quads:,.0f}; {quads/build_s:,.0f} quads/s over the whole build |")
print(f"| load phase | {load_s:.2f} s, {quads/load_s:,.0f} quads/s |")
print(f"| oxigraph bulk loader, same quads | {bulk_s:.2f} s, {quads/bulk_s:,.0f} quads/s; kg's load phase at {100*bulk_s/load_s:.0f}% of its rate |")
PY

for q in queries/*.rq; do
  name=$(basename "$q" .rq)
  start=$(date +%s.%N)
  rows=$("$KG" query "$name" --store "$work/store" --format tsv | wc -l)
  end=$(date +%s.%N)
  printf '| query %s | %.2f s, %d rows |\n' "$name" "$(echo "$end - $start" | bc)" "$((rows - 1))"
done
start=$(date +%s.%N)
"$KG" render --store "$work/store" -o "$work/overview.svg" 2> "$work/render.txt" || true
end=$(date +%s.%N)
printf '| render, no focus | %.2f s: %s |\n' "$(echo "$end - $start" | bc)" "$(tail -1 "$work/render.txt")"

# kill -9 at random points of a build that adds documents (the corpus again under new ids):
# the store must be exactly as it was each time. The build's length is measured on a copy.
state() {
  "$KG" query --store "${1:-$work/store}" --format tsv \
    -e 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
  "$KG" query --store "${1:-$work/store}" --format tsv \
    -e 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a kg:Statement } } GROUP BY ?g ORDER BY ?g' | md5sum
}
python3 - "$corpus" "$work/more.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for l in open(sys.argv[1], encoding="utf-8"):
        if l.strip():
            d = json.loads(l); d["id"] = f"{d['id']}-more"; f.write(json.dumps(d) + "\n")
PY
cp -a "$work/store" "$work/store-copy"
cp -a "$work/store" "$work/store-before"
start=$(date +%s.%N)
"$KG" build --store "$work/store-copy" "$work/more.jsonl" > /dev/null 2>&1
more_s=$(echo "$(date +%s.%N) - $start" | bc)
after=$(state "$work/store-copy")
rm -rf "$work/store-copy"
before=$(state)
unchanged=0
complete=0
for i in $(seq 1 "$kills"); do
  delay=$(python3 -c "import random; print(round(random.uniform(0.05, 0.95 * $more_s), 2))")
  "$KG" build --store "$work/store" "$work/more.jsonl" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  now=$(state)
  if [ "$now" = "$before" ]; then
    unchanged=$((unchanged + 1))
  elif [ "$now" = "$after" ]; then
    # Killed after the switch: the new store, whole. Put the old one back for the next kill.
    complete=$((complete + 1))
    rm -rf "$work/store" && cp -a "$work/store-before" "$work/store"
  else
    echo "kill -9 after ${delay}s left a store that is neither the old nor the new one" >&2
  fi
done
printf '| kill -9 at %d random points of a %.1f s build | store exactly as before %d times, exactly the finished build %d times, anything else %d times |\n' \
  "$kills" "$more_s" "$unchanged" "$complete" "$((kills - unchanged - complete))"
