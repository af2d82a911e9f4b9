#!/usr/bin/env bash
# build.sh - one entry point for newcomers and CI on Debian 12.
#   ./build.sh demo     install missing packages, build, run dossier on the sample corpus
#                       (articles, quotes, stories, and the main story's dossier)
#   ./build.sh test     install missing packages, build, run every test (CTest)
#   ./build.sh asan     build with AddressSanitizer + UndefinedBehaviorSanitizer, run every test
#   ./build.sh fuzz [S] build the libFuzzer target with clang and run it S seconds (default 60)
#   ./build.sh bench    build optimised and run the benchmarks in bench/
#   ./build.sh deps     only install the Debian packages
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(build-essential cmake ninja-build pkg-config libxml2-dev zlib1g-dev libjansson-dev
          libxxhash-dev libutf8proc-dev libsqlite3-dev libstemmer-dev python3)
FUZZ_PACKAGES=(clang libclang-rt-14-dev)
# Only the tests need these (the HTML report is opened in headless Chromium); Chromium is big,
# so `demo` and `deps` do not install it. Without it that test is skipped, not failed.
TEST_PACKAGES=(chromium)
JOBS=$(nproc 2>/dev/null || echo 2)
WERROR=OFF
[ "${CI:-}" = "true" ] && WERROR=ON

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "build.sh: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

configure_and_build() { # DIR [cmake args...]
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DDOSSIER_WERROR=$WERROR "$@" >/dev/null
    cmake --build "$dir" -j "$JOBS"
}

cmd=${1:-demo}
case "$cmd" in
deps)
    install_missing "${PACKAGES[@]}"
    ;;
demo)
    install_missing "${PACKAGES[@]}"
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    echo
    echo "== articles found in examples/ =="
    ./build/dossier articles examples
    echo
    echo "== who said what in examples/ (main articles) =="
    ./build/dossier quotes --drop-teasers examples
    echo
    echo "== stories in examples/ (ingested into build/demo.db) =="
    rm -f build/demo.db build/demo.db-wal build/demo.db-shm
    ./build/dossier ingest --quiet --db build/demo.db examples
    ./build/dossier stories --db build/demo.db
    story=$(./build/dossier stories --db build/demo.db | sort -k2,2nr -k1,1n | head -n 1 |
        cut -d' ' -f1)
    echo
    echo "== the dossier of story $story (its HTML report: build/demo-story.html) =="
    ./build/dossier show --db build/demo.db "$story"
    ./build/dossier report --db build/demo.db "$story" -o build/demo-story.html
    ;;
test)
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    ctest --test-dir build --output-on-failure -j "$JOBS"
    ;;
asan)
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    configure_and_build build-asan -DCMAKE_BUILD_TYPE=Debug -DDOSSIER_SANITIZE=ON
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir build-asan --output-on-failure -j "$JOBS"
    ;;
fuzz)
    secs=${2:-60}
    install_missing "${PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
    CC=clang configure_and_build build-fuzz -DCMAKE_BUILD_TYPE=Debug -DDOSSIER_SANITIZE=ON \
        -DDOSSIER_FUZZ=ON
    mkdir -p build-fuzz/corpus
    cp -f tests/golden/* tests/fuzz/corpus/* build-fuzz/corpus/ 2>/dev/null || true
    ./build-fuzz/fuzz_inputs -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
        -timeout=10 -print_final_stats=1 build-fuzz/corpus >build-fuzz/fuzz.log 2>&1 || {
        tail -n 60 build-fuzz/fuzz.log
        echo "build.sh: the fuzzer found a failure (input saved as crash-*/leak-*/timeout-*)"
        exit 1
    }
    grep -E '^stat::number_of_executed_units|^Done' build-fuzz/fuzz.log || true
    echo "build.sh: fuzzed ${secs}s without a failure"
    ;;
bench)
    install_missing "${PACKAGES[@]}"
    configure_and_build build-release -DCMAKE_BUILD_TYPE=Release
    for b in bench/*/run.sh; do [ -x "$b" ] && "$b" build-release; done
    ;;
*)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
