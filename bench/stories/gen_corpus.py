#!/usr/bin/env python3
"""gen_corpus.py - a large synthetic coverage corpus for the ingest benchmark, grown from the
project's own sample corpus (examples/): each generated article is one of its articles with
the names of people, places and outlets replaced by invented ones, its dates moved, some words
swapped for others, a paragraph dropped or two swapped, and a line of its own, so every article
is different while reading like the samples. Deterministic for a seed.

Usage: gen_corpus.py DOSSIER_BINARY EXAMPLES_DIR N OUT_DIR [--seed S] [--files K] [--html P]
Writes K JSONL files OUT_DIR/corpus-NN.jsonl (default 20), records {"url","site","published",
"title","text"} or, for a share P of them (default 0.2), {"url","site","html"} pages.
"""
import argparse
import html
import json
import os
import random
import re
import subprocess

SYLLABLES = ["ka", "ro", "vel", "dan", "mi", "tor", "sa", "len", "ost", "bri", "ga", "nor",
             "pe", "lis", "ur", "ha", "zem", "ti", "mar", "qu", "el", "dro", "fen", "ya"]
# Word swaps: same meaning, other wording (either way round).
SWAPS = [("said", "stated"), ("told", "informed"), ("talks", "negotiations"),
         ("proposal", "plan"), ("officials", "diplomats"), ("reply", "response"),
         ("agreed", "consented"), ("Tuesday", "Wednesday"), ("week", "fortnight"),
         ("government", "administration"), ("minister", "secretary"), ("border", "frontier"),
         ("water", "river water"), ("troops", "forces"), ("meeting", "session")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
CAPWORD = re.compile(r"\b[A-Z][a-z]{2,}\b")


def invent(rng, parts=2):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def base_articles(binp, examples):
    out = subprocess.run([binp, "extract", "--drop-teasers", examples], capture_output=True,
                         check=True).stdout.decode("utf-8")
    arts = [json.loads(line) for line in out.splitlines()]
    return [a for a in arts if len(a["text"]) > 400]


def proper_nouns(arts):
    """Capitalised words that also occur mid-sentence: names of people, places, outlets."""
    seen = {}
    for a in arts:
        for m in CAPWORD.finditer(a["text"]):
            before = a["text"][max(0, m.start() - 2):m.start()]
            if before and before[-1] == " " and before[0] not in ".!?\n\"“":
                seen[m.group()] = seen.get(m.group(), 0) + 1
    common = {"The", "But", "And", "For", "With", "This", "That", "When", "His", "Her"}
    return sorted(w for w, n in seen.items() if n >= 2 and w not in common and w not in MONTHS)


def vary(rng, a, names, serial):
    mapping = {w: invent(rng, rng.choice((2, 3))) for w in rng.sample(names, min(12, len(names)))}
    swaps = rng.sample(SWAPS, 5)
    shift = rng.randrange(12)  # month names in the text move together, by `shift` months

    def rewrite(s):
        s = CAPWORD.sub(lambda m: mapping.get(m.group(), m.group()), s)
        for x, y in swaps:
            s = re.sub(r"\b%s\b" % re.escape(x), y, s)
        return re.sub(r"\b(%s)\b" % "|".join(MONTHS),
                      lambda m: MONTHS[(MONTHS.index(m.group()) + shift) % 12], s)

    paras = [rewrite(p) for p in a["text"].split("\n\n") if p.strip()]
    if len(paras) > 4 and rng.random() < 0.5:
        del paras[rng.randrange(1, len(paras) - 1)]
    if len(paras) > 3 and rng.random() < 0.5:
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    town = invent(rng, 2)
    paras.insert(rng.randrange(1, len(paras)),
                 f"Reporting from {town} contributed to this story, item {serial} of the day's "
                 f"file, {rng.randint(2, 40)} people took part.")
    year = rng.randint(2019, 2031)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    site = (a.get("site") or "Courier")
    site = mapping.get(site.split()[0], invent(rng)) + " " + rng.choice(
        ["Herald", "Courier", "Ledger", "Dispatch", "Post", "Wire", "Times"])
    title = rewrite(a.get("title") or paras[0][:80])
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    return {
        "url": f"https://{site.lower().replace(' ', '')}.example/{year}/{month:02d}/{slug}-{serial}",
        "site": site,
        "published": f"{year}-{month:02d}-{day:02d}",
        "title": title,
        "paras": paras,
    }


def as_record(rng, v, html_share):
    if rng.random() < html_share:
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in v["paras"])
        page = (f"<!DOCTYPE html><html><head><title>{html.escape(v['title'])} | {v['site']}"
                f"</title><meta property=\"article:published_time\" content=\"{v['published']}\">"
                f"</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                f"<article><h1>{html.escape(v['title'])}</h1>\n{body}</article>"
                f"<footer>Subscribe to our newsletter</footer></body></html>")
        return {"url": v["url"], "site": v["site"], "html": page}
    return {"url": v["url"], "site": v["site"], "published": v["published"],
            "title": v["title"], "text": v["title"] + "\n\n" + "\n\n".join(v["paras"])}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("examples")
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=2031)
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--html", type=float, default=0.2)
    o = ap.parse_args()
    rng = random.Random(o.seed)
    arts = base_articles(o.binary, o.examples)
    names = proper_nouns(arts)
    os.makedirs(o.out, exist_ok=True)
    files = [open(os.path.join(o.out, f"corpus-{k:02d}.jsonl"), "w", encoding="utf-8")
             for k in range(o.files)]
    for i in range(o.n):
        v = vary(rng, rng.choice(arts), names, i)
        files[i * o.files // o.n].write(json.dumps(as_record(rng, v, o.html),
                                                   ensure_ascii=False) + "\n")
    for f in files:
        f.close()


if __name__ == "__main__":
    main()
