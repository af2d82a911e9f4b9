#!/usr/bin/env python3
"""gen_articles.py - writes N small invented news articles as JSONL records for store tests.

Usage: gen_articles.py N OUT_PREFIX [FILES] [SEED]
Writes FILES files OUT_PREFIX-K.jsonl (default 4), records {"url","site","published","title",
"text"}. Every article is different (its serial number is in its text and URL), and the words
come from the small invented world below, so the output is the same for the same seed.
"""
import json
import random
import sys

TOWNS = ["Marrowby", "Quillhaven", "Tessel Point", "Orrin Cross", "Vellmouth", "Dunmere",
         "Calder Bay", "Hollin", "Sarrow", "Pembrake"]
PEOPLE = ["Ida Morrow", "Tomas Klee", "Rena Vasko", "Piet Olander", "Maud Ferris",
          "Arlo Benn", "Sunniva Rask", "Hal Oduya", "Greta Lind", "Ciro Mant"]
ROLES = ["the harbour master", "the council leader", "the union steward", "the school head",
         "the river warden", "the mayor", "the transport chief", "the ferry captain"]
THINGS = ["the new tram line", "the flood barrier", "the fish market", "the night ferry",
          "the library roof", "the water tariff", "the bridge repairs", "the winter fair"]
VERBS = ["approved", "delayed", "criticised", "defended", "postponed", "welcomed", "questioned",
         "funded"]
CLOSERS = ["A vote is expected next week.", "Residents have until Friday to comment.",
           "The plan goes back to committee in the spring.",
           "Officials said the cost would be published later.",
           "Both sides agreed to meet again.", "No date has been set for a decision."]
SITES = ["Marrowby Mercury", "Quill Coast Times", "Dunmere Daily", "Vell Valley Post"]


def article(rng, serial):
    town, person, role = rng.choice(TOWNS), rng.choice(PEOPLE), rng.choice(ROLES)
    thing, verb = rng.choice(THINGS), rng.choice(VERBS)
    title = f"{town} {verb} {thing.replace('the ', '')} after long debate"
    paras = [
        f"Councillors in {town} {verb} {thing} on Tuesday evening after a meeting that ran "
        f"past midnight, in a decision numbered {serial} in the council register.",
        f"{person}, {role}, said the town could not wait any longer. \"We have talked about "
        f"{thing} for {rng.randint(2, 19)} years and people are tired of it,\" {person.split()[1]} "
        f"told the chamber.",
        f"Opponents argued that the {rng.randint(3, 90)} million crown budget was too high and "
        f"that {rng.choice(ROLES)} had not been consulted about {rng.choice(THINGS)}.",
        rng.choice(CLOSERS),
    ]
    rng.shuffle(paras[1:3])
    day = rng.randint(1, 28)
    month = rng.randint(1, 12)
    return {
        "url": f"https://news.example/{town.lower().replace(' ', '-')}/{serial}",
        "site": rng.choice(SITES),
        "published": f"2031-{month:02d}-{day:02d}",
        "title": title,
        "text": title + "\n\n" + "\n\n".join(paras) + "\n",
    }


def main():
    n = int(sys.argv[1])
    prefix = sys.argv[2]
    files = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    outs = [open(f"{prefix}-{k}.jsonl", "w", encoding="utf-8") for k in range(files)]
    for i in range(n):
        outs[i % files].write(json.dumps(article(rng, i), ensure_ascii=False) + "\n")
    for f in outs:
        f.close()


if __name__ == "__main__":
    main()
