#!/usr/bin/env bash
# bench/extraction/run.sh BUILD_DIR - text-capture and HTML extraction throughput on one core
# (median of 5 runs), peak memory, and the seed quality check when ../shared/seeds is present.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-release}
bin=$build/bench_extract
[ -x "$bin" ] || { echo "bench: build $bin first (./build.sh bench)"; exit 1; }
seeds=$root/../shared/seeds
echo "== text captures: the sample corpus =="
taskset -c 0 "$bin" --label examples-txt --repeat 300 "$root"/examples/*.txt
if [ -d "$seeds" ]; then
    echo "== text captures: the seeds (../shared/seeds) =="
    taskset -c 0 "$bin" --label seeds --repeat 300 "$seeds"/*.txt
    echo "== seed quality (token F1 of the main article vs bench/extraction/seeds_reference.tsv) =="
    [ -f "$root/bench/extraction/seeds_eval.py" ] &&
        python3 "$root/bench/extraction/seeds_eval.py" --dossier "$build/dossier" --seeds "$seeds"
else
    echo "(../shared/seeds absent: seed benchmark skipped)"
fi
echo "== HTML pages: the sample corpus =="
taskset -c 0 "$bin" --label examples-html --repeat 100 "$root"/examples/*.html
