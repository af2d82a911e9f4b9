#!/usr/bin/env bash
# bench/extraction/html_run.sh [--sets scrapinghub,wcxb,trafilatura] [--no-peers] [--data DIR] [--build DIR]
#                              [--date-misses] [--worst N]
# HTML main-content extraction benchmark: dossier vs Mozilla Readability (jsdom) and readability-lxml on
# the ScrapingHub, WCXB (article subset) and trafilatura benchmark pages in ../shared/bench/extraction.
# Quality with each set's own scorer, speed on one core, peak RSS, the libxml2 parse floor; tables on
# stdout, JSON summary in bench/out/html-extraction.json. Skips (exit 0) when the data is absent.
# Peers: node packages go to bench/.peers (gitignored, npm install --no-save, pinned versions);
# readability-lxml is Debian's python3-readability (installed with apt-get when missing and root).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/bench/extraction
data=$root/../shared/bench/extraction
build=$root/build-release
sets=scrapinghub,wcxb,trafilatura
peers=1
extra=()
scratch=${DOSSIER_BENCH_SCRATCH:-/tmp/dossier-bench}
while [ $# -gt 0 ]; do
    case $1 in
        --sets) sets=$2; shift 2 ;;
        --sets=*) sets=${1#*=}; shift ;;
        --no-peers) peers=0; shift ;;
        --data) data=$2; shift 2 ;;
        --data=*) data=${1#*=}; shift ;;
        --build) build=$2; shift 2 ;;
        --date-misses) extra+=(--date-misses); shift ;;
        --worst) extra+=(--worst "$2"); shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "html_run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ ! -d "$data" ]; then
    echo "html extraction bench: $data absent: skipped"
    exit 0
fi
if [ ! -x "$build/dossier" ]; then
    echo "== building dossier (release) =="
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    ninja -C "$build" >/dev/null
fi
mkdir -p "$scratch"
floor=""
if pkg-config --exists libxml-2.0 2>/dev/null &&
   cc -O2 -o "$scratch/parse_floor" "$here/parse_floor.c" $(pkg-config --cflags --libs libxml-2.0); then
    floor=$scratch/parse_floor
else
    echo "(parse floor skipped: libxml2 development files or cc missing)"
fi
args=(--data "$data" --sets "$sets" --dossier "$build/dossier" --scratch "$scratch" ${extra[@]+"${extra[@]}"})
[ -n "$floor" ] && args+=(--parse-floor "$floor")
if [ "$peers" = 1 ]; then
    if ! command -v node >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        apt-get install -y nodejs npm >/dev/null 2>&1 || true
    fi
    if ! /usr/bin/python3 -c 'import readability, lxml.html' 2>/dev/null && [ "$(id -u)" = 0 ]; then
        apt-get install -y python3-readability python3-lxml >/dev/null 2>&1 ||
            { apt-get update >/dev/null 2>&1 && apt-get install -y python3-readability python3-lxml >/dev/null 2>&1; } || true
    fi
    nm=$root/bench/.peers/node_modules
    if command -v npm >/dev/null 2>&1 && { [ ! -d "$nm/jsdom" ] || [ ! -d "$nm/@mozilla/readability" ]; }; then
        echo "== installing peers: @mozilla/readability@0.6.0 jsdom@27.0.0 into bench/.peers =="
        mkdir -p "$root/bench/.peers"
        (cd "$root/bench/.peers" && npm install --no-save --no-audit --no-fund --loglevel=error \
            @mozilla/readability@0.6.0 jsdom@27.0.0 >/dev/null) || echo "(npm install failed: readability.js skipped)"
    fi
    command -v node >/dev/null 2>&1 && echo "node $(node --version)"
else
    args+=(--no-peers)
fi
exec python3 "$here/html_eval.py" "${args[@]}"
