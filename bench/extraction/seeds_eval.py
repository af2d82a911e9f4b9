#!/usr/bin/env python3
"""Seed extraction quality: run `dossier extract` on each seed document and score it against
bench/extraction/seeds_reference.tsv (byte ranges into the seeds, no seed text in the repository).

usage: seeds_eval.py --dossier PATH [--seeds DIR] [--reference TSV] [--json] [--timeout S]

Scores (python3 standard library only):
  body      bag-of-tokens F1 of each reference article against the predicted article matched to it
            (tokens: lowercase runs of letters/digits, multiset intersection), micro-averaged over all
            tokens of all seeds; an unmatched reference article counts as all missed, an unmatched
            predicted article as all false positives. Reported for the main articles (index 0), for all
            full articles (main + glued) and for everything (teasers included).
  sources   the same micro P/R/F1 over bytes of the seed, from "paragraph_sources" (if the output has it).
  articles  reference articles matched / reference articles; files whose article count is exact.
  titles    exact match after whitespace normalisation, over reference articles that have a title;
            a title predicted where the reference has none is counted as spurious.
  dates     "published" starts with the reference value (so seconds / a zone may follow), over
            reference articles that show a date; a date where the reference has none is spurious.
  authors   case-insensitive exact match, same counting as dates.
  teaser    flag agreement over matched pairs.
Matching is per file: the first predicted article goes to the main article when it holds at least half
of its tokens; the rest is greedy on token-overlap F1 (ties: closest position).

It is a measurement, not a test: exit 0 whenever it ran (also when the seeds are absent: it skips),
2 on a usage error.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_SEEDS = os.path.normpath(os.path.join(ROOT, "..", "shared", "seeds"))
DEFAULT_REF = os.path.join(HERE, "seeds_reference.tsv")

TOKEN_RE = re.compile(r"[^\W_]+")


def tokens(s):
    return TOKEN_RE.findall(unicodedata.normalize("NFC", s or "").lower())


def norm_ws(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def parse_ranges(s):
    if s == "-" or not s:
        return []
    out = []
    for part in s.split(","):
        a, b = part.split("-")
        out.append((int(a), int(b)))
    return out


def load_reference(path):
    fingerprints = {}
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#seed\t"):
                _, name, size, sha = line.split("\t")
                fingerprints[name] = (int(size), sha)
                continue
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            if len(cols) != len(header):
                raise ValueError("%s:%d: %d columns, expected %d" % (path, ln, len(cols), len(header)))
            r = dict(zip(header, cols))
            rows.append({
                "file": r["file"], "index": int(r["index"]), "kind": r["kind"],
                "teaser": r["teaser"] == "1",
                "title": parse_ranges(r["title"]),
                "published": None if r["published"] == "-" else r["published"],
                "author": None if r["author"] == "-" else r["author"],
                "body": parse_ranges(r["body"]),
            })
    return fingerprints, rows


def prf(tp, npred, nref):
    p = tp / npred if npred else (1.0 if nref == 0 else 0.0)
    r = tp / nref if nref else (1.0 if npred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def overlap(a, b):
    return sum((a & b).values())


def covered_bytes(ranges):
    """set-free union length and a normalised list of intervals"""
    iv = sorted((a, b) for a, b in ranges if b > a)
    merged = []
    for a, b in iv:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def inter_len(x, y):
    i = j = n = 0
    while i < len(x) and j < len(y):
        a = max(x[i][0], y[j][0])
        b = min(x[i][1], y[j][1])
        if b > a:
            n += b - a
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    return n


def ulen(x):
    return sum(b - a for a, b in x)


def run_dossier(binary, path, timeout):
    """-> (list of article dicts, error string or None)"""
    try:
        cp = subprocess.run([binary, "extract", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            timeout=timeout)
    except subprocess.TimeoutExpired:
        return [], "timeout after %gs" % timeout
    except OSError as e:
        return [], "cannot run: %s" % e
    arts, err = [], None
    if cp.returncode != 0:
        err = "exit status %d: %s" % (cp.returncode, cp.stderr.decode("utf-8", "replace").strip()[:200])
    for n, line in enumerate(cp.stdout.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            err = (err + "; " if err else "") + "line %d not JSON: %s" % (n, e)
            continue
        if isinstance(obj, dict):
            arts.append(obj)
    return arts, err


def as_str(v):
    if v is None:
        return None
    if isinstance(v, list):
        v = ", ".join(str(x) for x in v if x)
    v = str(v).strip()
    return v or None


def evaluate_file(data, refs, preds):
    """refs: reference rows of this file in order; preds: predicted dicts. -> per-file result dict"""
    ref_items = []
    for r in refs:
        body = "\n\n".join(data[a:b].decode("utf-8") for a, b in r["body"])
        title = norm_ws(" ".join(data[a:b].decode("utf-8") for a, b in r["title"])) if r["title"] else None
        ref_items.append({"row": r, "tok": collections.Counter(tokens(body)), "title": title,
                          "bytes": covered_bytes(r["body"])})
    pred_items = []
    for k, p in enumerate(preds):
        src = p.get("paragraph_sources")
        has_src = isinstance(src, list)
        rng = []
        if has_src:
            for s in src:
                if isinstance(s, (list, tuple)) and len(s) == 2 and all(isinstance(x, int) for x in s):
                    rng.append((s[0], s[1]))
        pred_items.append({"pos": k, "obj": p, "tok": collections.Counter(tokens(p.get("text") or "")),
                           "has_src": has_src, "bytes": covered_bytes(rng)})

    # greedy matching on token-overlap F1
    cands = []
    for i, r in enumerate(ref_items):
        nr = sum(r["tok"].values())
        for j, p in enumerate(pred_items):
            ov = overlap(r["tok"], p["tok"])
            if ov > 0:
                f = 2 * ov / (nr + sum(p["tok"].values()))
                cands.append((-f, abs(i - j), i, j))
    cands.sort()
    match, used = {}, set()
    # anchor: the first predicted article is the extractor's main article; it is matched to the
    # reference main article when it holds at least half of its tokens (so a main article with the
    # glued ones left attached scores as a bloated main article, not as the largest glued one)
    if ref_items and pred_items and ref_items[0]["row"]["index"] == 0:
        nr0 = sum(ref_items[0]["tok"].values())
        if nr0 and overlap(ref_items[0]["tok"], pred_items[0]["tok"]) * 2 >= nr0:
            match[0] = 0
            used.add(0)
    for _, _, i, j in cands:
        if i in match or j in used:
            continue
        match[i] = j
        used.add(j)

    arts = []
    for i, r in enumerate(ref_items):
        row = r["row"]
        nref = sum(r["tok"].values())
        a = {"index": row["index"], "kind": row["kind"], "ref_tokens": nref, "pred": None,
             "pred_tokens": 0, "tp": 0, "title": None, "published": None, "author": None,
             "teaser": None, "src_ref": ulen(r["bytes"]), "src_pred": 0, "src_tp": 0, "has_src": None}
        j = match.get(i)
        if j is not None:
            p = pred_items[j]
            o = p["obj"]
            a["pred"] = o.get("index", p["pos"])
            a["pred_tokens"] = sum(p["tok"].values())
            a["tp"] = overlap(r["tok"], p["tok"])
            pt = as_str(o.get("title"))
            pt = norm_ws(pt) if pt else None
            a["title"] = "ok" if pt == r["title"] else ("spurious" if r["title"] is None else
                                                       ("missing" if pt is None else "wrong"))
            pd = as_str(o.get("published"))
            rd = row["published"]
            a["published"] = ("ok" if (pd is None and rd is None) or (pd and rd and pd.startswith(rd)) else
                              "spurious" if rd is None else "missing" if pd is None else "wrong")
            pa = as_str(o.get("author"))
            ra = row["author"]
            a["author"] = ("ok" if (pa is None and ra is None) or
                           (pa and ra and norm_ws(pa).casefold() == norm_ws(ra).casefold()) else
                           "spurious" if ra is None else "missing" if pa is None else "wrong")
            a["teaser"] = bool(o.get("teaser")) == row["teaser"]
            a["has_src"] = p["has_src"]
            a["src_pred"] = ulen(p["bytes"])
            a["src_tp"] = inter_len(r["bytes"], p["bytes"])
            a["pred_title"], a["pred_published"], a["pred_author"] = pt, pd, pa
        a["P"], a["R"], a["F1"] = prf(a["tp"], a["pred_tokens"], nref)
        arts.append(a)
    unmatched = [{"index": p["obj"].get("index", p["pos"]), "tokens": sum(p["tok"].values()),
                  "bytes": ulen(p["bytes"]), "teaser": bool(p["obj"].get("teaser"))}
                 for j, p in enumerate(pred_items) if j not in used]
    return arts, unmatched, any(p["has_src"] for p in pred_items)


def group_stats(results, pick, with_unmatched):
    tp = npred = nref = 0
    stp = spred = sref = 0
    for fr in results:
        for a in fr["articles"]:
            if not pick(a):
                continue
            tp += a["tp"]; npred += a["pred_tokens"]; nref += a["ref_tokens"]
            stp += a["src_tp"]; spred += a["src_pred"]; sref += a["src_ref"]
        if with_unmatched:
            for u in fr["unmatched"]:
                npred += u["tokens"]; spred += u["bytes"]
    p, r, f = prf(tp, npred, nref)
    sp, sr, sf = prf(stp, spred, sref)
    return {"P": p, "R": r, "F1": f, "tp": tp, "pred_tokens": npred, "ref_tokens": nref,
            "sources": {"P": sp, "R": sr, "F1": sf, "tp": stp, "pred_bytes": spred, "ref_bytes": sref}}


def meta_counts(results, field, refval):
    """ok among reference articles that have a value; spurious among those that have none"""
    ok = total = spurious = 0
    for fr in results:
        for a in fr["articles"]:
            if refval(a):
                total += 1
                ok += a[field] == "ok"
            else:
                spurious += a[field] == "spurious"
    return {"ok": ok, "of": total, "spurious": spurious}


def main():
    ap = argparse.ArgumentParser(description="Score `dossier extract` on the seed documents.")
    ap.add_argument("--dossier", required=True, help="path to the dossier binary")
    ap.add_argument("--seeds", default=DEFAULT_SEEDS, help="seed directory (default ../shared/seeds "
                    "from the repository root)")
    ap.add_argument("--reference", default=DEFAULT_REF, help="reference TSV (default: next to this script)")
    ap.add_argument("--json", action="store_true", help="print a machine-readable summary")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per seed (default 120)")
    args = ap.parse_args()

    if not os.path.isdir(args.seeds):
        print("seeds not found, skipping (%s)" % args.seeds)
        return 0
    if not (os.path.isfile(args.dossier) and os.access(args.dossier, os.X_OK)):
        print("seeds_eval: --dossier %s is not an executable file" % args.dossier, file=sys.stderr)
        return 2
    try:
        fingerprints, rows = load_reference(args.reference)
    except (OSError, ValueError, KeyError) as e:
        print("seeds_eval: cannot read reference: %s" % e, file=sys.stderr)
        return 2

    files = []
    for r in rows:
        if r["file"] not in files:
            files.append(r["file"])
    results, skipped = [], []
    for name in files:
        path = os.path.join(args.seeds, name)
        try:
            data = open(path, "rb").read()
        except OSError:
            skipped.append({"file": name, "why": "missing"})
            continue
        fp = fingerprints.get(name)
        if fp and (len(data) != fp[0] or hashlib.sha256(data).hexdigest() != fp[1]):
            skipped.append({"file": name, "why": "bytes differ from the reference fingerprint"})
            continue
        refs = [r for r in rows if r["file"] == name]
        preds, err = run_dossier(args.dossier, path, args.timeout)
        arts, unmatched, has_src = evaluate_file(data, refs, preds)
        results.append({"file": name, "ref_articles": len(refs), "pred_articles": len(preds),
                        "error": err, "articles": arts, "unmatched": unmatched, "has_sources": has_src})

    if not results:
        print("seeds not found, skipping (no reference seed readable in %s)" % args.seeds)
        return 0

    allg = group_stats(results, lambda a: True, True)
    full = group_stats(results, lambda a: a["kind"] != "teaser", False)
    mainv = group_stats(results, lambda a: a["kind"] == "main", False)
    nref = sum(fr["ref_articles"] for fr in results)
    npred = sum(fr["pred_articles"] for fr in results)
    matched = sum(1 for fr in results for a in fr["articles"] if a["pred"] is not None)
    counts_ok = sum(1 for fr in results if fr["ref_articles"] == fr["pred_articles"])
    # meta_counts needs the reference values: annotate the articles with them
    for fr in results:
        for a in fr["articles"]:
            ref = next(r for r in rows if r["file"] == fr["file"] and r["index"] == a["index"])
            a["_ref_title"] = bool(ref["title"])
            a["_ref_published"] = ref["published"]
            a["_ref_author"] = ref["author"]
    titles = meta_counts(results, "title", lambda a: a["_ref_title"])
    dates = meta_counts(results, "published", lambda a: a["_ref_published"] is not None)
    authors = meta_counts(results, "author", lambda a: a["_ref_author"] is not None)
    teaser_ok = sum(1 for fr in results for a in fr["articles"] if a["teaser"])
    any_src = any(fr["has_sources"] for fr in results)

    def frac(c):
        s = "%d/%d" % (c["ok"], c["of"])
        return s + (" (+%d spurious)" % c["spurious"] if c["spurious"] else "")

    line = ("seeds: body F1 %.3f (P %.3f R %.3f), main F1 %.3f (P %.3f R %.3f), articles %d/%d "
            "(predicted %d, counts exact %d/%d files), titles %s, dates %s, authors %s, teaser flags %d/%d"
            % (allg["F1"], allg["P"], allg["R"], mainv["F1"], mainv["P"], mainv["R"], matched, nref, npred,
               counts_ok, len(results), frac(titles), frac(dates), frac(authors), teaser_ok, matched))
    if any_src:
        line += ", sources F1 %.3f" % allg["sources"]["F1"]

    if args.json:
        for fr in results:
            for a in fr["articles"]:
                for k in [k for k in a if k.startswith("_")]:
                    del a[k]
        summary = {
            "seeds": args.seeds, "dossier": args.dossier, "files": results, "skipped": skipped,
            "summary": {"body_all": allg, "body_full_articles": full, "body_main": mainv,
                        "articles": {"matched": matched, "reference": nref, "predicted": npred,
                                     "files_count_exact": counts_ok, "files": len(results)},
                        "titles": titles, "published": dates, "authors": authors,
                        "teaser": {"ok": teaser_ok, "of": matched},
                        "has_paragraph_sources": any_src, "line": line},
        }
        print(json.dumps(summary, indent=1, ensure_ascii=False))
        return 0

    def mark(v):
        return {"ok": "ok", None: "-", "spurious": "SPUR", "missing": "MISS", "wrong": "BAD"}.get(v, v)

    for fr in results:
        print("%s  reference %d, predicted %d%s" % (fr["file"], fr["ref_articles"], fr["pred_articles"],
                                                     "  [" + fr["error"] + "]" if fr["error"] else ""))
        print("   ref kind    pred  tokens(ref/pred)     P      R      F1   title date  author teaser"
              + ("  src-F1" if fr["has_sources"] else ""))
        for a in fr["articles"]:
            s = "   %3d %-7s %4s  %6d/%-6d    %6.3f %6.3f %6.3f  %-5s %-5s %-6s %-6s" % (
                a["index"], a["kind"], "-" if a["pred"] is None else a["pred"], a["ref_tokens"],
                a["pred_tokens"], a["P"], a["R"], a["F1"], mark(a["title"]), mark(a["published"]),
                mark(a["author"]), "-" if a["teaser"] is None else ("ok" if a["teaser"] else "BAD"))
            if fr["has_sources"]:
                s += "  %.3f" % prf(a["src_tp"], a["src_pred"], a["src_ref"])[2]
            print(s.rstrip())
            if a["title"] in ("wrong", "spurious"):
                print("         predicted title: %s" % (a.get("pred_title") or "")[:100])
            if a["published"] in ("wrong", "spurious"):
                print("         predicted published: %s (reference %s)" % (a.get("pred_published"),
                                                                          a["_ref_published"] or "-"))
            if a["author"] in ("wrong", "spurious"):
                print("         predicted author: %s (reference %s)" % (a.get("pred_author"),
                                                                       a["_ref_author"] or "-"))
        for u in fr["unmatched"]:
            print("   unmatched prediction #%s: %d tokens%s (all false positives)"
                  % (u["index"], u["tokens"], ", teaser" if u["teaser"] else ""))
    for s in skipped:
        print("%s  skipped: %s" % (s["file"], s["why"]))
    print("body F1 by group: main %.3f (P %.3f R %.3f), full articles %.3f (P %.3f R %.3f), "
          "all %.3f (P %.3f R %.3f)" % (mainv["F1"], mainv["P"], mainv["R"], full["F1"], full["P"],
                                        full["R"], allg["F1"], allg["P"], allg["R"]))
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
