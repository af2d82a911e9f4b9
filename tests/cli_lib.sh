# cli_lib.sh - the harness the command-line test scripts source: a scratch folder removed on
# exit, pass/fail counters, and expect_status. The sourcing script ends with `cli_done`, whose
# last line is "N passed, N failed" and whose status is the verdict.
# Usage, after `set -u`:  bin=$1 root=$2; . "$root/tests/cli_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect_status() { # WANT DESCRIPTION CMD...: runs CMD (output in $tmp/out, $tmp/err)
    local want=$1 what=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" -eq "$want" ] && ok || bad "$what: exit $got, want $want ($(head -c 300 "$tmp/err"))"
}
cli_done() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
