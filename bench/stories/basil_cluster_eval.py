#!/usr/bin/env python3
"""basil_cluster_eval.py - story clustering on BASIL (300 English articles: 100 happenings, each
covered by Fox News, the New York Times and HuffPost, 2010-2019): B-cubed and pairwise P/R/F1
against gold.tsv, in two runs: text only (publication dates hidden) and with dates.

Each article becomes one JSONL record (title, text from the body paragraphs, outlet; the date
only in the dated run; a made-up URL that says nothing of the story) ingested with
`dossier ingest`; `dossier stories --json` gives the clusters.

usage: basil_cluster_eval.py [--dossier PATH] [--data DIR] [--keep]
Data: $DOSSIER_BENCH_DATA/stories/basil or ../shared/bench/stories/basil (skips if absent).
Scratch: $DOSSIER_BENCH_SCRATCH or a temporary dir.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from ecb_eval import bcubed, pairwise  # noqa: E402


def default_data():
    base = os.environ.get("DOSSIER_BENCH_DATA")
    if base:
        return os.path.join(base, "stories", "basil")
    return os.path.join(os.path.dirname(ROOT), "shared", "bench", "stories", "basil")


def run(args, rows, scratch, with_dates):
    name = "dated" if with_dates else "text"
    path = os.path.join(scratch, f"basil-{name}.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for i, r in enumerate(rows):
            rec = {"url": f"https://{r['outlet'].lower()}.example/a{i}", "site": r["outlet"],
                   "title": r["title"], "text": r["text"]}
            if with_dates:
                rec["published"] = r["date"]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    db = os.path.join(scratch, f"{name}.db")
    t0 = time.monotonic()
    r = subprocess.run([args.dossier, "ingest", "-q", "--no-cluster", "--db", db, path],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stdout, r.stderr, file=sys.stderr)
        return 1
    t1 = time.monotonic()
    cmd = [args.dossier, "stories", "--json", "--db", db]
    if not with_dates:
        cmd.append("--no-dates")
    r = subprocess.run(cmd, capture_output=True, text=True)
    t2 = time.monotonic()
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        return 1
    stories = json.loads(r.stdout)["stories"]
    pred = {}
    for s in stories:
        for a in s["articles"]:
            pred[int(a["source"].rsplit(":", 1)[1]) - 1] = s["id"]
    gold = {i: row["story"] for i, row in enumerate(rows)}
    for i in gold:
        pred.setdefault(i, f"missing-{i}")
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    label = "with dates" if with_dates else "text only (dates hidden)"
    print(f"BASIL {label}: {len(gold)} articles, {len(set(gold.values()))} gold stories, "
          f"{len(stories)} predicted")
    print(f"  B-cubed   P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}")
    print(f"  pairwise  P {pp:.3f}  R {pr:.3f}  F1 {pf:.3f}")
    print(f"  ingest {t1 - t0:.2f} s, clustering + listing {t2 - t1:.2f} s")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--data", default=default_data())
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    gold_path = os.path.join(args.data, "gold.tsv")
    if not os.path.exists(gold_path):
        print(f"basil_cluster_eval: no BASIL data at {args.data}; skipped")
        return 0
    rows = []
    with open(gold_path, encoding="utf-8") as f:
        next(f)
        for line in f:
            file, story, outlet, date = line.rstrip("\n").split("\t")[:4]
            with open(os.path.join(args.data, file), encoding="utf-8") as jf:
                art = json.load(jf)
            paras = [" ".join(p) if isinstance(p, list) else str(p)
                     for p in art.get("body-paragraphs", [])]
            rows.append({"story": story, "outlet": outlet.lower(), "date": date,
                         "title": art.get("title") or "", "text": "\n\n".join(paras)})
    scratch = tempfile.mkdtemp(prefix="basil_", dir=os.environ.get("DOSSIER_BENCH_SCRATCH"))
    try:
        rc = run(args, rows, scratch, False) or run(args, rows, scratch, True)
    finally:
        if args.keep:
            print(f"scratch kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
