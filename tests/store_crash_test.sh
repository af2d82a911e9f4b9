#!/usr/bin/env bash
# store_crash_test.sh - kill -9 in the middle of `dossier ingest`, twice, then finish: committed
# batches must stay whole (row count a multiple of --batch, every article with its paragraphs,
# SQLite and FTS5 integrity checks pass) and the re-runs must complete the rest with every
# article stored exactly once (count, distinct content hashes, distinct source+index).
# Usage: store_crash_test.sh DOSSIER_BINARY SOURCE_ROOT
set -u
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in"
python3 "$root/tests/gen_articles.py" 6000 "$tmp/in/part" 6 11 || exit 1
python3 - "$bin" "$tmp" <<'PY'
import os, signal, sqlite3, subprocess, sys, time

binp, tmp = sys.argv[1], sys.argv[2]
db = os.path.join(tmp, "crash.db")
inp = os.path.join(tmp, "in")
BATCH = 40
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, file=sys.stderr)


def q(sql):
    con = sqlite3.connect(db, timeout=10)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def count():
    try:
        return q("SELECT count(*) FROM articles")
    except sqlite3.Error:
        return 0  # the schema is not there yet


expected = subprocess.run([binp, "extract", "--jobs", "2", inp], capture_output=True,
                          check=True).stdout.count(b"\n")
check(expected >= 5900, f"the generator's input gave {expected} articles")


def ingest_and_kill(min_rows):
    """Starts an ingest and SIGKILLs it once the database holds more than min_rows articles."""
    p = subprocess.Popen([binp, "ingest", "--quiet", "--jobs", "2", "--batch", str(BATCH),
                          "--db", db, inp], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = 0
    while p.poll() is None:
        seen = count()
        if seen > min_rows:
            break
        time.sleep(0.002)
    alive = p.poll() is None
    if alive:
        os.kill(p.pid, signal.SIGKILL)
    p.wait()
    return alive, seen


def check_whole(stage):
    n = count()
    check(q("PRAGMA integrity_check") == "ok", f"{stage}: integrity_check")
    con = sqlite3.connect(db)
    try:
        con.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        con.execute("INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check')")
        fts_ok = True
    except sqlite3.Error as e:
        print(e, file=sys.stderr)
        fts_ok = False
    con.close()
    check(fts_ok, f"{stage}: FTS5 integrity-check")
    check(q("SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM paragraphs p WHERE p.article = a.id)") == 0,
          f"{stage}: an article without its paragraphs")
    return n


# First kill: as soon as a batch is committed. Second: after more batches, in another run.
alive, _ = ingest_and_kill(0)
check(alive, "the first ingest finished before it could be killed")
n1 = check_whole("after the first kill")
check(0 < n1 < expected, f"first kill left {n1} of {expected}: not mid-way")
check(n1 % BATCH == 0, f"first kill left {n1} rows, not whole batches of {BATCH}")
check(q("SELECT count(*) FROM ingests WHERE status = 'running'") == 1,
      "the killed run is not left marked running")

alive, _ = ingest_and_kill(max(n1 + 3 * BATCH, expected // 2))
n2 = check_whole("after the second kill")
if alive:
    check(n1 < n2 < expected, f"second kill: {n1} -> {n2} of {expected}")
    check(n2 % BATCH == 0, f"second kill left {n2} rows, not whole batches")

print(f"killed at {n1} and {n2} of {expected} articles", file=sys.stderr)
# Third run completes.
r = subprocess.run([binp, "ingest", "--quiet", "--jobs", "2", "--batch", str(BATCH), "--db", db,
                    inp], capture_output=True, text=True)
check(r.returncode == 0, f"final ingest exit {r.returncode}: {r.stderr}")
n3 = check_whole("after the final run")
check(n3 == expected, f"final count {n3}, want {expected}")
check(q("SELECT count(DISTINCT hash) FROM articles") == expected, "distinct hashes")
check(q("SELECT count(*) FROM (SELECT DISTINCT source, idx FROM articles)") == expected,
      "distinct source+index")
check(q("SELECT count(*) FROM articles WHERE latest = 1 AND version = 1") == expected,
      "every article one latest first version")
check(f"{expected - n2} new, {n2} unchanged, 0 new versions" in r.stdout,
      f"final summary: {r.stdout.strip()}")

# Once more: nothing is added.
r = subprocess.run([binp, "ingest", "--quiet", "--db", db, inp], capture_output=True, text=True)
check(r.returncode == 0 and f"0 new, {expected} unchanged" in r.stdout,
      f"idempotent re-run: {r.stdout.strip()}")
check(count() == expected, "re-run added rows")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
