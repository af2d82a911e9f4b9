#!/usr/bin/env bash
# cli_store_test.sh - end-to-end checks of `dossier ingest`, `search` and `export` on the sample
# corpus: counts in the summary, idempotent re-runs, a changed page as a new version, search
# hits and --json, a bad query, exports that parse (CSV by Python's csv module, JSONL line by
# line with the contract's fields), and errors that name the database: missing, not a
# database, a newer schema.
# Usage: cli_store_test.sh DOSSIER_BINARY SOURCE_ROOT
set -u
bin=$1
root=$2
. "$root/tests/cli_lib.sh"
db=$tmp/news.db
n=$("$bin" extract "$root/examples" 2>/dev/null | wc -l)

expect_status 0 "ingest --help" "$bin" ingest --help
expect_status 2 "ingest without input" "$bin" ingest --db "$db"
expect_status 2 "ingest bad --batch" "$bin" ingest --db "$db" --batch 0 "$root/examples"
expect_status 0 "ingest examples" "$bin" ingest --db "$db" "$root/examples"
grep -q "$n articles: $n new, 0 unchanged, 0 new versions; 0 input errors" "$tmp/out" && ok ||
    bad "first ingest summary: $(cat "$tmp/out")"
[ ! -s "$tmp/err" ] && ok || bad "ingest wrote to stderr when it is not a terminal: $(cat "$tmp/err")"
expect_status 0 "ingest again" "$bin" ingest --db "$db" "$root/examples"
grep -q "$n articles: 0 new, $n unchanged, 0 new versions" "$tmp/out" && ok ||
    bad "re-ingest summary: $(cat "$tmp/out")"
# The same folder by another path is the same source.
(cd "$root" && "$bin" ingest --db "$db" ./examples/ >"$tmp/out" 2>&1)
grep -q "0 new, $n unchanged" "$tmp/out" && ok || bad "relative path re-ingest: $(cat "$tmp/out")"

# A page that changed: a new version, not a duplicate.
cp "$root/examples/ktv-world-selka-reply.txt" "$tmp/page.txt"
expect_status 0 "ingest page" "$bin" ingest --db "$db" "$tmp/page.txt"
sed -i 's/Federation/Commonwealth/' "$tmp/page.txt"
expect_status 0 "ingest changed page" "$bin" ingest --db "$db" "$tmp/page.txt"
grep -q "0 new, 0 unchanged, 1 new version;" "$tmp/out" && ok || bad "changed page: $(cat "$tmp/out")"

# Input errors are counted and named, the rest is stored.
head -c 4096 /dev/urandom >"$tmp/junk.bin"
expect_status 1 "ingest with a bad input" "$bin" ingest --db "$db" "$tmp/junk.bin" "$root/examples"
grep -q "junk.bin" "$tmp/err" && ok || bad "the bad input is not named"
grep -q "1 input error" "$tmp/out" && ok || bad "error not counted: $(cat "$tmp/out")"

# Search.
expect_status 0 "search" "$bin" search --db "$db" Selka
grep -q "\[Selka\]" "$tmp/out" && ok || bad "no highlighted hit for Selka"
expect_status 0 "search --json" "$bin" search --db "$db" --json --limit 3 "Selka OR Aaldering"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["query"]=="Selka OR Aaldering"; assert 1<=len(d["hits"])<=3; assert all(h["source"] and h["snippet"] for h in d["hits"])' "$tmp/out" && ok ||
    bad "search --json output: $(head -c 300 "$tmp/out")"
expect_status 0 "search with no hit" "$bin" search --db "$db" zzyzx
[ ! -s "$tmp/out" ] && ok || bad "no-hit search printed rows"
expect_status 2 "bad FTS query" "$bin" search --db "$db" '"unclosed'
grep -q "news.db: bad search query" "$tmp/err" && ok || bad "bad query message: $(cat "$tmp/err")"
expect_status 1 "search without a database" "$bin" search --db "$tmp/none.db" x
grep -q "none.db: no such database" "$tmp/err" && ok || bad "missing db message: $(cat "$tmp/err")"
[ ! -e "$tmp/none.db" ] && ok || bad "search created a database"

# Export.
expect_status 2 "export without --format" "$bin" export --db "$db"
expect_status 2 "export bad --format" "$bin" export --db "$db" --format xml
expect_status 0 "export csv" "$bin" export --db "$db" --format csv -o "$tmp/a.csv"
python3 - "$tmp/a.csv" "$n" <<'PY' && ok || bad "CSV export does not parse to one row per article"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
want = int(sys.argv[2]) + 1  # the examples and the changed page
assert rows[0][:3] == ["id", "source", "index"], rows[0]
assert len(rows) == want + 1, (len(rows), want)
assert all(len(r) == len(rows[0]) for r in rows)
assert any("\n" in r[-1] for r in rows[1:])  # multi-paragraph texts survived quoting
PY
expect_status 0 "export tsv" "$bin" export --db "$db" --format tsv
awk -F'\t' 'NR==1{n=NF} NF!=n{bad=1} END{exit bad}' "$tmp/out" && ok || bad "TSV rows differ in field count"
expect_status 0 "export jsonl" "$bin" export --db "$db" --format jsonl
python3 - "$tmp/out" <<'PY' && ok || bad "JSONL export is not the contract"
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    for f in ("schema", "id", "source", "index", "url", "site", "title", "author", "published",
              "lang", "teaser", "text", "paragraphs", "paragraph_sources", "sentences",
              "entities", "quotes", "events", "version", "hash"):
        assert f in d, f
    for s, e in d["paragraphs"]:
        assert 0 <= s <= e <= len(d["text"].encode("utf-8"))
PY
expect_status 0 "export quotes" "$bin" export --db "$db" --format csv --what quotes
head -1 "$tmp/out" | grep -q "^article,source,index,quote,kind,speaker" && ok || bad "quotes header"
expect_status 0 "export entities" "$bin" export --db "$db" --format tsv --what entities
expect_status 2 "export bad --what" "$bin" export --db "$db" --format csv --what stories

# Databases dossier must refuse, by name.
echo "not a database at all, just words and more words to fill the header of the file" >"$tmp/text.db"
expect_status 1 "not a database" "$bin" ingest --db "$tmp/text.db" "$root/examples"
grep -q "text.db" "$tmp/err" && ok || bad "not-a-db message: $(cat "$tmp/err")"
cp "$db" "$tmp/future.db"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version=99"); c.commit()' "$tmp/future.db"
expect_status 1 "newer schema" "$bin" search --db "$tmp/future.db" Selka
grep -q "future.db: the database has schema version 99, newer" "$tmp/err" && ok ||
    bad "newer schema message: $(cat "$tmp/err")"

cli_done
