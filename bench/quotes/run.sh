#!/usr/bin/env bash
# bench/quotes/run.sh [--split dev|train] [--repeat K] - quote attribution on PolNeAR: builds dossier
# (Release, build-release), checks the scorer (unit test, gold as predictions, human ceiling), scores
# `dossier extract --plain` on the split (default dev) and measures its throughput on one core:
# text bytes / wall time of one process over all files of the split (median of 3), peak RSS.
# --repeat K names every file K times in that one process, to weigh start-up less (bytes counted K times).
# It then runs bench_extract --plain for the annotation alone (sentences + entities + quotes).
# DOSSIER=PATH uses that binary instead of building. Skips cleanly when ../shared/bench/quotes/polnear is absent. Nothing from the data enters the repo.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/bench/quotes
data=$root/../shared/bench/quotes/polnear
split=dev
repeat=1
while [ $# -gt 0 ]; do
    case $1 in
    --split) split=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    *) echo "usage: $0 [--split dev|train] [--repeat K]" >&2; exit 2 ;;
    esac
done
case $split in dev | train) ;; *) echo "run.sh: --split is dev or train" >&2; exit 2 ;; esac

echo "== scorer unit test (made-up text) =="
python3 "$here/test_polnear_eval.py" 2>&1 | tail -n 1

if [ ! -d "$data/$split/text" ]; then
    echo "($data absent: PolNeAR quote benchmark skipped)"
    exit 0
fi

echo "== scorer self-checks on $split =="
python3 "$here/polnear_eval.py" --data "$data" --split "$split" --gold-as-pred | tail -n 1
python3 "$here/polnear_eval.py" --data "$data" --split "$split" --human-ceiling

if [ -n "${DOSSIER:-}" ]; then
    bin=$DOSSIER # another build, or a stand-in speaking the same contract
else
    build=$root/build-release
    echo "== building dossier (Release, $build) =="
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j2 --target dossier >/dev/null
    bin=$build/dossier
fi

files=("$data/$split/text"/*.txt)
probe_err=$(mktemp)
trap 'rm -f "$probe_err"' EXIT
if ! "$bin" extract --plain --jobs 1 "${files[0]}" >/dev/null 2>"$probe_err"; then
    echo "dossier rejects \`extract --plain\` (its quote output is not built yet):"
    sed 's/^/  /' "$probe_err" | head -n 3
    echo "PolNeAR evaluation and throughput skipped."
    exit 0
fi

out=$root/bench/out
mkdir -p "$out"
suffix=""
[ "$split" = train ] && suffix="-train"
pred=$out/quotes-polnear-pred$suffix.jsonl
echo "== dossier on PolNeAR $split (${#files[@]} docs) =="
taskset -c 0 "$bin" extract --plain --jobs 1 "${files[@]}" >"$pred"
python3 "$here/polnear_eval.py" --data "$data" --split "$split" --pred "$pred" \
    --out "$out/quotes-polnear$suffix.json"

echo "== throughput: taskset -c 0 dossier extract --plain --jobs 1, ${#files[@]} files x $repeat =="
args=()
for _ in $(seq "$repeat"); do args+=("${files[@]}"); done
bytes=$(( $(cat "${files[@]}" | wc -c) * repeat ))
times=()
rss=0
for run in 1 2 3; do
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$probe_err" taskset -c 0 "$bin" extract --plain --jobs 1 "${args[@]}" >/dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$probe_err")
    [ "$r" -gt "$rss" ] && rss=$r
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
awk -v b="$bytes" -v us="$median" -v rss="$rss" -v t="${times[*]}" 'BEGIN {
    printf "text %.2f MB, wall median %.3f s (runs, us: %s): %.2f MB/s per core; peak RSS %.1f MB\n",
        b / 1e6, us / 1e6, t, (b / 1e6) / (us / 1e6), rss / 1024 }'
echo "(figures are noisy while other jobs share the machine; the wall time includes process start-up)"

# The annotation alone (sentences + entities + quotes), in memory: bench_extract runs the files
# with and without the language layer and reports the difference as MB/s of clean text.
bench_bin=$(dirname "$bin")/bench_extract
if [ -x "$bench_bin" ]; then
    echo "== annotation alone: taskset -c 0 bench_extract --plain (in memory, median of 3) =="
    taskset -c 0 "$bench_bin" --plain --runs 3 --repeat 2 --label "polnear-$split" "${files[@]}"
fi
