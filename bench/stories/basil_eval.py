#!/usr/bin/env python3
"""basil_eval.py - the coverage matrix and framing of `dossier compare` against BASIL.

For each of BASIL's 100 triplets (one happening covered by Fox, NYT and HuffPost) the three
bodies are written as clean text files (paragraphs joined by blank lines) in a scratch folder and
compared with `dossier compare --plain --json`. Scores:
  inf recall     - of the `bias: inf` spans (what one outlet chose to include), the share whose
                   sentence lies in a claim dossier marks "only" for that outlet;
  only precision - of the claims marked "only", the share that overlap an inf span of their
                   outlet (a weak proxy: BASIL marks biased inclusions, not every unique fact);
  base rate      - the share of all sentences (claims' places) overlapping an inf span, the
                   precision a random pick would get;
  lex hits       - of the `bias: lex` spans (loaded wording), the share containing one of that
                   outlet's framing terms; and the share of framing terms inside some lex span.
Data: ../shared/bench/stories/basil (or $DOSSIER_BASIL). Skips cleanly when absent.
Usage: python3 bench/stories/basil_eval.py [--dossier build/dossier] [--limit N]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def find_data():
    for d in (os.environ.get("DOSSIER_BASIL"),
              os.path.join(ROOT, "..", "shared", "bench", "stories", "basil"),
              "/work/shared/bench/stories/basil"):
        if d and os.path.isdir(os.path.join(d, "articles")):
            return d
    return None


def body_text(art):
    return "\n\n".join(" ".join(s.strip() for s in para if s.strip())
                       for para in art["body-paragraphs"] if any(s.strip() for s in para))


def byte_span(text, txt):
    """The byte span of the first occurrence of txt in text, or None."""
    i = text.find(txt)
    if i < 0:
        i = text.lower().find(txt.lower())
    if i < 0:
        return None
    s = len(text[:i].encode("utf-8"))
    return (s, s + len(txt.encode("utf-8")))


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", default=os.path.join(ROOT, "build", "dossier"))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    data = find_data()
    if not data:
        print("basil_eval: BASIL data not found (../shared/bench/stories/basil); skipped")
        return 0
    if not os.access(args.dossier, os.X_OK):
        print(f"basil_eval: {args.dossier} not built; skipped")
        return 0
    triplets = {}
    for f in sorted(glob.glob(os.path.join(data, "articles", "*", "*.json"))):
        art = json.load(open(f, encoding="utf-8"))
        ann_f = f.replace(os.sep + "articles" + os.sep, os.sep + "annotations" + os.sep)[:-5] + "_ann.json"
        ann = json.load(open(ann_f, encoding="utf-8")) if os.path.exists(ann_f) else {}
        triplets.setdefault(art["triplet-uuid"], []).append((art, ann))
    keys = sorted(triplets)
    if args.limit:
        keys = keys[:args.limit]
    scratch = os.environ.get("DOSSIER_BENCH_SCRATCH") or tempfile.mkdtemp(prefix="basil-")
    n_inf = n_inf_found = n_inf_hit = 0
    n_only = n_only_hit = 0
    n_sent = n_sent_hit = 0
    n_lex = n_lex_found = n_lex_hit = 0
    n_terms = n_terms_hit = 0
    failures = 0
    for k in keys:
        d = os.path.join(scratch, k)
        os.makedirs(d, exist_ok=True)
        paths, texts, spans = [], {}, {}
        for art, ann in triplets[k]:
            outlet = art["source"].lower()
            text = body_text(art)
            p = os.path.join(d, outlet + ".txt")
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(text)
            paths.append(p)
            texts[outlet + ".txt"] = text
            spans[outlet + ".txt"] = ann.get("phrase-level-annotations", [])
        r = subprocess.run([args.dossier, "compare", "--plain", "--json", "-q"] + paths,
                           capture_output=True, text=True)
        if r.returncode != 0 or not r.stdout.strip():
            failures += 1
            continue
        cmp = json.loads(r.stdout)
        outlet_of = {a["article"] if "article" in a else i: a["outlet"]
                     for i, a in enumerate(cmp["articles"])}
        # Places per outlet: (byte span, coverage, outlets carrying).
        places = {o: [] for o in texts}
        for c in cmp["coverage"]:
            for ref in c["refs"]:
                places.setdefault(ref["outlet"], []).append(
                    ((ref["start"], ref["end"]), c["coverage"], c["outlets"]))
        inf_spans = {o: [] for o in texts}
        for o, anns in spans.items():
            for a in anns:
                bias = a.get("bias", "").lower()
                if bias == "inf":
                    n_inf += 1
                    bs = byte_span(texts[o], a["txt"])
                    if not bs:
                        continue
                    n_inf_found += 1
                    inf_spans[o].append(bs)
                    if any(cov == "only" and outs == [o] and overlaps(sp, bs)
                           for sp, cov, outs in places.get(o, [])):
                        n_inf_hit += 1
        for o, pl in places.items():
            for sp, cov, outs in pl:
                hit = any(overlaps(sp, bs) for bs in inf_spans.get(o, []))
                n_sent += 1
                n_sent_hit += hit
                if cov == "only":
                    n_only += 1
                    n_only_hit += hit
        terms = {f["outlet"]: [t["term"] for t in f["terms"]] for f in cmp["framing"]}
        for o, anns in spans.items():
            lex = [a["txt"].lower() for a in anns if a.get("bias", "").lower() == "lex"]
            n_lex += len(lex)
            ts = terms.get(o, [])
            n_terms += len(ts)
            n_terms_hit += sum(1 for t in ts if any(t in x for x in lex))
            n_lex_hit += sum(1 for x in lex if any(t in x for t in ts))
        del outlet_of
    pct = lambda a, b: f"{100.0 * a / b:.1f}%" if b else "n/a"
    print(f"triplets: {len(keys)} (dossier failed on {failures})")
    print(f"inf spans: {n_inf} ({n_inf_found} located in the text)")
    print(f"inf recall (span in a claim 'only' that outlet carries): {n_inf_hit}/{n_inf_found} = "
          f"{pct(n_inf_hit, n_inf_found)}")
    print(f"'only' claims: {n_only} of {n_sent} sentence places ({pct(n_only, n_sent)})")
    print(f"only precision (overlaps an inf span): {n_only_hit}/{n_only} = {pct(n_only_hit, n_only)}"
          f"; base rate over all sentences: {pct(n_sent_hit, n_sent)}")
    print(f"lex spans: {n_lex}; with a framing term of their outlet: {n_lex_hit} ({pct(n_lex_hit, n_lex)})")
    print(f"framing terms: {n_terms}; inside a lex span of their outlet: {n_terms_hit} "
          f"({pct(n_terms_hit, n_terms)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
