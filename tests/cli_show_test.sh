#!/usr/bin/env bash
# cli_show_test.sh - `dossier show`, `dossier report` and `dossier compare` end to end on the
# sample corpus (examples/, written by the team): the main story's quote groups, coverage,
# framing and timeline as JSON, the terminal rendering, the HTML report (self-contained, no
# script), and the errors for a bad or unknown story id.
# Usage: cli_show_test.sh DOSSIER_BINARY SOURCE_ROOT
set -u
bin=$1 root=$2
. "$root/tests/cli_lib.sh"

db=$tmp/s.db
expect_status 0 "ingest examples" "$bin" ingest --quiet --db "$db" "$root/examples"
expect_status 0 "stories --json" "$bin" stories --db "$db" --json
cp "$tmp/out" "$tmp/stories.json"
# The story with the most articles is the main Selka story.
main=$(python3 - "$tmp/stories.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
best = max(d["stories"], key=lambda s: (len(s["articles"]), -s["id"]))
print(best["id"])
PY
)
[ -n "$main" ] && ok || bad "no main story id"

expect_status 0 "show --json" "$bin" show --db "$db" --json "$main"
cp "$tmp/out" "$tmp/show.json"
python3 - "$tmp/show.json" >"$tmp/py.out" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
fails = []
def check(cond, what):
    if not cond: fails.append(what)
check(d["story"]["n_articles"] >= 6, "main story has at least 6 articles")
check(len(d["outlets"]) >= 6, "at least 6 outlets")
# Aaldering's "serious ... detailed" quotation: one group over several outlets, KTV's cut shown.
g = [q for q in d["quote_groups"] if q["speaker"] == "Henrik Aaldering" and q["n_outlets"] >= 3]
check(g, "an Aaldering quote group carried by 3+ outlets")
if g:
    vs = g[0]["variants"]
    check(any(v["truncated"] for v in vs), "a truncated variant")
    check(any(op["op"] == "del" for v in vs for op in v.get("diff") or []), "a word diff with deletions")
    ktv = [v for v in vs if any("ktv" in a["source"] for a in v["articles"])]
    check(ktv and ktv[0]["truncated"], "KTV's variant is truncated")
# The guaranteed flow (310 offered, 380 asked): carried by several outlets, never by KTV, which
# gives no figure.
rows = [c for c in d["coverage"] if "cubic metres" in c["text"]]
check(any(len(c["outlets"]) >= 3 for c in rows), "a flow figure carried by 3+ outlets")
check(all(not any("ktv" in o for o in c["outlets"]) for c in rows), "KTV carries no flow figure")
check(any(c["coverage"] == "only" for c in d["coverage"]), "some claim carried by one outlet only")
check(d["framing"] and all("terms" in f for f in d["framing"]), "framing per outlet")
check(any(e["date"] == "2025-10-14" for e in d["timeline"]), "the handover on 14 Oct in the timeline")
for f in fails: print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
[ $? -eq 0 ] && ok || bad "show --json content: $(cat "$tmp/py.out")"

expect_status 0 "show (terminal)" "$bin" show --db "$db" "$main"
grep -q "Quote groups" "$tmp/out" && grep -q "Coverage" "$tmp/out" && ok ||
    bad "show prints quote groups and coverage"

expect_status 0 "report -o" "$bin" report --db "$db" "$main" -o "$tmp/r.html"
if [ -s "$tmp/r.html" ]; then
    ok
    grep -qi "<script" "$tmp/r.html" && bad "the report carries a <script>" || ok
    grep -Eqi '(src|href)="(https?:)?//[^"]*"[^>]*(rel="stylesheet"|>)' "$tmp/r.html" &&
        grep -Eqi '<(link|img|script|iframe)[^>]+(src|href)=' "$tmp/r.html" &&
        bad "the report loads an external asset" || ok
    grep -q "Henrik Aaldering" "$tmp/r.html" && ok || bad "the report names Aaldering"
else
    bad "report wrote nothing"
fi
# What a reader of the sample corpus's report sees in a browser (skipped without chromium).
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -n "$browser" ] && [ -s "$tmp/r.html" ]; then
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" \
        --dump-dom "file://$tmp/r.html" >"$tmp/dom.html" 2>/dev/null || bad "chromium --dump-dom"
    for h in "Articles side by side" "Coverage matrix" "Quote groups" "Framing" "Timeline"; do
        grep -q "<h2>$h</h2>" "$tmp/dom.html" && ok || bad "the report shows the heading $h"
    done
    grep -q "<ins>\|<del>" "$tmp/dom.html" && ok || bad "the report marks changed quote words"
    grep -q "The Northgate Ledger" "$tmp/dom.html" && ok || bad "the report shows the outlets"
fi
expect_status 0 "report to stdout" "$bin" report --db "$db" "$main" -o -
grep -q "<!DOCTYPE html>" "$tmp/out" && ok || bad "report -o - writes HTML"

expect_status 2 "show: not an id" "$bin" show --db "$db" abc
expect_status 1 "show: unknown story" "$bin" show --db "$db" 999999
grep -q "no story 999999" "$tmp/err" && ok || bad "unknown story is named: $(cat "$tmp/err")"
expect_status 2 "report without -o" "$bin" report --db "$db" "$main"
expect_status 1 "report to an unwritable path" "$bin" report --db "$db" "$main" -o "$tmp/no/such/dir/r.html"

# --all: every story's dossier as JSON Lines, and every story's report in a folder with an index
# page whose labels and outlet names (from the inputs) are escaped.
n_multi=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for s in d["stories"] if len(s["articles"]) >= 2))' "$tmp/stories.json")
expect_status 0 "show --all --json --min-articles 2" "$bin" show --db "$db" --all --json --min-articles 2
[ "$(wc -l <"$tmp/out")" -eq "$n_multi" ] && ok || bad "one JSON line per story of 2+ articles"
python3 -c '
import json, sys
ids = [json.loads(l)["story"]["id"] for l in open(sys.argv[1])]
sys.exit(0 if len(set(ids)) == len(ids) and int(sys.argv[2]) in ids else 1)' "$tmp/out" "$main" &&
    ok || bad "show --all: distinct stories, the main one among them"
expect_status 2 "show --all with an id" "$bin" show --db "$db" --all "$main"
expect_status 2 "show --min-articles 0" "$bin" show --db "$db" --all --min-articles 0
printf '%s\n' '{"site":"<b onmouseover=alert(1)>Evil Wire</b>","title":"Kesh reply delivered","text":"The Kesh Federation delivered its written reply on the Selka River to Varnia in Lindhaven on Tuesday, Deputy Foreign Minister Nadia Orsk said."}' >"$tmp/evil.jsonl"
expect_status 0 "ingest a hostile outlet name" "$bin" ingest --quiet --db "$db" "$tmp/evil.jsonl"
expect_status 0 "report --all" "$bin" report --db "$db" --all -o "$tmp/all"
n_all=$("$bin" stories --db "$db" | wc -l)
[ "$(ls "$tmp/all"/story-*.html | wc -l)" -eq "$n_all" ] && ok || bad "one report per story"
grep -q "href=\"story-$main.html\"" "$tmp/all/index.html" && ok || bad "the index links the main story"
grep -q "&lt;b onmouseover=alert(1)&gt;Evil Wire" "$tmp/all/index.html" && ok ||
    bad "the index escapes an outlet name"
grep -q "<b onmouseover" "$tmp/all/index.html" && bad "raw markup in the index" || ok
expect_status 2 "report --all without -o" "$bin" report --db "$db" --all
expect_status 1 "report --all into a file's place" "$bin" report --db "$db" --all -o "$tmp/evil.jsonl/x"

# compare: the same comparison straight from files, no database.
expect_status 0 "compare --json" "$bin" compare --json "$root/examples/ktv-world-selka-reply.txt" \
    "$root/examples/cpa-kesh-reply-delivered.txt"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if len(d["outlets"])==2 else 1)' \
    "$tmp/out" && ok || bad "compare --json on two files: two outlets"
expect_status 0 "compare --html" "$bin" compare --html "$root/examples/ktv-world-selka-reply.txt" \
    "$root/examples/cpa-kesh-reply-delivered.txt"
grep -q "<!DOCTYPE html>" "$tmp/out" && ok || bad "compare --html writes HTML"
expect_status 1 "compare: no article" "$bin" compare "$tmp/nothing-here.txt"
cli_done
