#!/usr/bin/env python3
"""ecb_eval.py - story clustering on ECB+ (982 English articles, 86 stories built as 43 pairs of
look-alike happenings): B-cubed and pairwise P/R/F1 against gold.tsv, and throughput.

Builds one plain text per document from the XML tokens (tokens joined by spaces, one sentence a
line; the ecbplus documents' sentence 0, their URL, dropped) in a scratch dir, ingests them with
`dossier ingest --plain`, reads `dossier stories --json` and scores. Only the text is given to
dossier: no file names, topics or URLs.

usage: ecb_eval.py [--dossier PATH] [--data DIR] [--threshold X] [--keep]
Data: $DOSSIER_BENCH_DATA/stories/ecbplus or ../shared/bench/stories/ecbplus (skips if absent).
Scratch: $DOSSIER_BENCH_SCRATCH or a temporary dir.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def default_data():
    base = os.environ.get("DOSSIER_BENCH_DATA")
    if base:
        return os.path.join(base, "stories", "ecbplus")
    return os.path.join(os.path.dirname(ROOT), "shared", "bench", "stories", "ecbplus")


def doc_text(path, drop_first):
    sents = collections.OrderedDict()
    for tok in ET.parse(path).getroot().iter("token"):
        s = int(tok.get("sentence", "0"))
        sents.setdefault(s, []).append(tok.text or "")
    lines = [" ".join(w) for s, w in sents.items() if not (drop_first and s == 0)]
    return "\n".join(lines) + "\n"


def bcubed(pred, gold):
    """pred, gold: dict doc -> cluster. Returns (P, R, F1)."""
    pc, gc = collections.defaultdict(set), collections.defaultdict(set)
    for d, c in pred.items():
        pc[c].add(d)
    for d, c in gold.items():
        gc[c].add(d)
    p = r = 0.0
    for d in gold:
        a, b = pc[pred[d]], gc[gold[d]]
        inter = len(a & b)
        p += inter / len(a)
        r += inter / len(b)
    p /= len(gold)
    r /= len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise(pred, gold):
    docs = sorted(gold)
    tp = fp = fn = 0
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            sp = pred[docs[i]] == pred[docs[j]]
            sg = gold[docs[i]] == gold[docs[j]]
            tp += sp and sg
            fp += sp and not sg
            fn += sg and not sp
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--data", default=default_data())
    ap.add_argument("--threshold", type=float, default=0)
    ap.add_argument("--keep", action="store_true", help="keep the scratch dir")
    args = ap.parse_args()
    gold_path = os.path.join(args.data, "gold.tsv")
    if not os.path.exists(gold_path):
        print(f"ecb_eval: no ECB+ data at {args.data}; skipped")
        return 0
    gold = {}
    topic = {}
    with open(gold_path, encoding="utf-8") as f:
        next(f)
        for line in f:
            doc, top, sub, story = line.rstrip("\n").split("\t")[:4]
            gold[doc] = story
            topic[doc] = top
    base = os.environ.get("DOSSIER_BENCH_SCRATCH")
    scratch = tempfile.mkdtemp(prefix="ecb_", dir=base)
    try:
        texts = os.path.join(scratch, "texts")
        os.makedirs(texts)
        nbytes = 0
        for doc in gold:
            src = os.path.join(args.data, "xml", topic[doc], doc)
            t = doc_text(src, doc.endswith("ecbplus.xml"))
            nbytes += len(t.encode())
            # neutral names: the document's position only, nothing of its topic
            with open(os.path.join(texts, doc), "w", encoding="utf-8") as out:
                out.write(t)
        db = os.path.join(scratch, "ecb.db")
        t0 = time.monotonic()
        r = subprocess.run([args.dossier, "ingest", "--plain", "--no-cluster", "-q", "--db", db,
                            texts], capture_output=True, text=True)
        t1 = time.monotonic()
        if r.returncode != 0:
            print(r.stdout, r.stderr, file=sys.stderr)
            return 1
        cmd = [args.dossier, "stories", "--json", "--db", db]
        if args.threshold:
            cmd += ["--threshold", str(args.threshold)]
        r = subprocess.run(cmd, capture_output=True, text=True)
        t2 = time.monotonic()
        if r.returncode != 0:
            print(r.stderr, file=sys.stderr)
            return 1
        stories = json.loads(r.stdout)["stories"]
        pred = {}
        for s in stories:
            for a in s["articles"]:
                pred[os.path.basename(a["source"])] = s["id"]
        missing = [d for d in gold if d not in pred]
        for i, d in enumerate(missing):
            pred[d] = f"missing-{i}"
        bp, br, bf = bcubed(pred, gold)
        pp, pr, pf = pairwise(pred, gold)
        print(f"ECB+: {len(gold)} documents, {len(set(gold.values()))} gold stories, "
              f"{len(stories)} predicted" + (f", {len(missing)} not placed" if missing else ""))
        print(f"B-cubed   P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}")
        print(f"pairwise  P {pp:.3f}  R {pr:.3f}  F1 {pf:.3f}")
        print(f"ingest {t1 - t0:.2f} s ({len(gold) / (t1 - t0):.0f} docs/s, "
              f"{nbytes / 1e6 / (t1 - t0):.2f} MB/s); clustering + listing {t2 - t1:.2f} s "
              f"({len(gold) / (t2 - t1):.0f} docs/s)")
    finally:
        if args.keep:
            print(f"scratch kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
