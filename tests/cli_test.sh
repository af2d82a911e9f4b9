#!/usr/bin/env bash
# cli_test.sh - end-to-end checks of the `dossier` command: exit statuses, --help, errors that
# name their input, a bad input not stopping the batch, stdin, and JSONL with every contract field.
set -u
bin=$1
root=$2
. "$root/tests/cli_lib.sh"

expect_status 0 "--help" "$bin" --help
expect_status 0 "extract --help" "$bin" extract --help
expect_status 2 "no command" "$bin"
expect_status 2 "unknown command" "$bin" frobnicate
expect_status 2 "extract without input" "$bin" extract
expect_status 2 "unknown option" "$bin" extract --no-such-option x
expect_status 2 "bad size" "$bin" extract --max-doc-bytes lots x

# A good capture, written here.
cat >"$tmp/good.txt" <<'TXT'
Harbour talks resume after a week of silence

The two delegations met again on Tuesday in the port city, officials said, after a week in which neither side would speak to the other.
"We came back because the fishermen cannot wait," the envoy told reporters outside the hall.
Both sides agreed to meet again next month to settle the remaining questions about the quotas.
TXT
expect_status 0 "good capture" "$bin" extract "$tmp/good.txt"
lines=$(wc -l <"$tmp/out")
[ "$lines" -ge 1 ] && ok || bad "good capture printed $lines lines"
for field in schema id source index url site title author published lang text paragraphs \
    sentences entities quotes events; do
    grep -q "\"$field\":" "$tmp/out" && ok || bad "field $field missing from JSONL"
done
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/out" && ok ||
    bad "output is not valid JSONL"

# A missing file and binary junk next to the good file: errors name them, good one still read.
head -c 4096 /dev/urandom >"$tmp/junk.bin"
expect_status 1 "batch with bad inputs" "$bin" extract "$tmp/missing.txt" "$tmp/junk.bin" \
    "$tmp/good.txt"
grep -q "missing.txt" "$tmp/err" && ok || bad "error does not name missing.txt"
grep -q "junk.bin" "$tmp/err" && ok || bad "error does not name junk.bin"
grep -q "Harbour talks" "$tmp/out" && ok || bad "good input not processed after bad ones"

# Standard input.
"$bin" extract - <"$tmp/good.txt" >"$tmp/out" 2>"$tmp/err" && ok || bad "stdin exit status"
grep -q "fishermen" "$tmp/out" && ok || bad "stdin text not extracted"

# The sample corpus: every file yields articles, no input errors.
expect_status 0 "examples" "$bin" extract "$root/examples"
n=$(wc -l <"$tmp/out")
[ "$n" -ge 8 ] && ok || bad "examples gave $n articles, want at least 8"
expect_status 0 "articles table" "$bin" articles "$root/examples"
grep -q "TITLE" "$tmp/out" && ok || bad "articles table has no header"

# Threads change nothing but speed: same bytes out with 1 and 4 workers.
"$bin" extract --jobs 1 "$root/examples" >"$tmp/j1" 2>/dev/null
"$bin" extract --jobs 4 "$root/examples" >"$tmp/j4" 2>/dev/null
cmp -s "$tmp/j1" "$tmp/j4" && ok || bad "--jobs 1 and --jobs 4 outputs differ"
expect_status 2 "bad --jobs" "$bin" extract --jobs 0 "$root/examples"

# A file over the size cap with no newline at all: reported by name, skipped, the batch goes on,
# and the process does not grow to the file's size.
head -c 200000000 /dev/zero | tr '\0' 'a' >"$tmp/noline.txt"
python3 - "$bin" "$tmp" <<'PY' && ok || bad "over-cap file: error, batch and memory"
import resource, subprocess, sys
binp, tmp = sys.argv[1], sys.argv[2]
r = subprocess.run([binp, "extract", "--jobs", "1", "--max-doc-bytes", "1M", tmp + "/noline.txt",
                    tmp + "/good.txt"], capture_output=True)
rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
ok = (r.returncode == 1 and b"noline.txt" in r.stderr and b"fishermen" in r.stdout
      and rss_mb < 120)
if not ok:
    print("rc", r.returncode, "rss MB", rss_mb, r.stderr[:300], file=sys.stderr)
sys.exit(0 if ok else 1)
PY
# Under the cap: one 20 MB line of words is read and cleaned in bounded time.
yes 'the delegation said the talks would go on ' | head -c 20000000 | tr -d '\n' >"$tmp/line.txt"
timeout 60 "$bin" extract "$tmp/line.txt" >/dev/null 2>&1
[ $? -ne 124 ] && ok || bad "a 20 MB line took over 60 s"

cli_done
