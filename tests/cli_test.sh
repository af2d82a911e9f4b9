#!/usr/bin/env bash
# cli_test.sh - end-to-end checks of the `dossier` command: exit statuses, --help, errors that
# name their input, a bad input not stopping the batch, stdin, and JSONL with every contract field.
set -u
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect_status() { # WANT DESCRIPTION CMD...
    local want=$1 what=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" -eq "$want" ] && ok || bad "$what: exit $got, want $want"
}

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

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
