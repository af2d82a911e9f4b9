#!/usr/bin/env bash
# bench/stories/ingest_bench.sh [N] [BUILD_DIR] - ingest throughput and peak memory of
# `dossier ingest` on N generated articles (default 100000), grown from examples/ by
# gen_corpus.py (deterministic seed; cached in bench/.data/ingest-N). Reports the first ingest
# (everything new), a second ingest of the same input (everything unchanged), articles/s, MB/s
# of input, peak RSS, the database size, one search's time, and the story clustering of all
# N articles (`dossier stories` after an ingest --no-cluster: time and peak RSS, stories made),
# one new article placed incrementally, and the comparison of every story of two or more
# articles (`dossier show --all --json`).
# Timing figures are wall clock on whatever else the machine is doing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-100000}
build=${2:-$root/build-release}
bin=$build/dossier
[ -x "$bin" ] || { echo "bench: build $bin first (cmake -DCMAKE_BUILD_TYPE=Release)"; exit 1; }
data=$root/bench/.data/ingest-$n
if [ ! -f "$data.done" ]; then
    echo "generating $n articles into $data ..."
    rm -rf "$data"
    python3 "$root/bench/stories/gen_corpus.py" "$bin" "$root/examples" "$n" "$data"
    touch "$data.done"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/bench.db
in_bytes=$(cat "$data"/*.jsonl | wc -c)
jobs=${JOBS:-$(nproc)}

run() { # LABEL
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" ingest --quiet --no-cluster --jobs "$jobs" \
        --db "$db" "$data" >"$work/summary"
    read -r secs rss_kb <"$work/time"
    python3 - "$1" "$secs" "$rss_kb" "$in_bytes" "$n" "$(cat "$work/summary")" <<'PY'
import sys
label, secs, rss, size, n, summary = sys.argv[1:7]
secs, rss, size, n = float(secs), int(rss), int(size), int(n)
print(f"{label:10s} {n} articles in {secs:.1f} s: {n / secs:,.0f} articles/s, "
      f"{size / 1e6 / secs:.1f} MB/s of input ({size / 1e6:.0f} MB), peak RSS {rss / 1024:.0f} MB")
print(f"           {summary}")
PY
}
echo "== dossier ingest, $n generated articles, --jobs $jobs, $(nproc) CPUs =="
run "first"
db_mb=$(du -cm "$db"* | tail -1 | cut -f1)
/usr/bin/time -f "%e %M" -o "$work/time" "$bin" stories --db "$db" >"$work/stories"
read -r secs rss_kb <"$work/time"
echo "stories    clustering $n articles (and listing): $secs s, peak RSS $((rss_kb / 1024)) MB," \
    "$(wc -l <"$work/stories") stories"
# incremental: one new article placed among N (stored features read back, not the texts)
python3 - "$data" "$work/one.jsonl" <<'PY'
import json, os, sys
src = sorted(f for f in os.listdir(sys.argv[1]) if f.endswith(".jsonl"))[0]
with open(os.path.join(sys.argv[1], src)) as f:
    d = json.loads(f.readline())
for k in ("url", "source"):
    if k in d: d[k] = d[k] + "-incremental"
for k in ("html", "text"):
    if k in d: d[k] = d[k].replace("</p>", " One more sentence makes this a new article.</p>", 1) \
        if k == "html" else d[k] + " One more sentence makes this a new article."
open(sys.argv[2], "w").write(json.dumps(d) + "\n")
PY
"$bin" ingest --quiet --no-cluster --db "$db" "$work/one.jsonl" >/dev/null
/usr/bin/time -f "%e %U %M" -o "$work/time" "$bin" stories --db "$db" >/dev/null
read -r secs usr rss_kb <"$work/time"
echo "increment  one new article placed among $n: $secs s ($usr s CPU), peak RSS $((rss_kb / 1024)) MB"
/usr/bin/time -f "%e %M" -o "$work/time" "$bin" show --db "$db" --all --json --min-articles 2 \
    >"$work/dossiers.jsonl" 2>/dev/null
read -r secs rss_kb <"$work/time"
echo "dossiers   every story of 2+ articles compared (show --all --json): $secs s, peak RSS" \
    "$((rss_kb / 1024)) MB, $(wc -l <"$work/dossiers.jsonl") stories"
run "again"
echo "database: $db_mb MB after the first ingest ($(du -cm "$db"* | tail -1 | cut -f1) MB now)"
/usr/bin/time -f "%e" -o "$work/t" "$bin" search --db "$db" --limit 10 "ferry OR commission" \
    >/dev/null
echo "search 'ferry OR commission' (10 hits): $(cat "$work/t") s"
