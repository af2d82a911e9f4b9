#!/usr/bin/env bash
# cli_stories_test.sh - end-to-end checks of story clustering through `dossier ingest` and
# `dossier stories` on invented articles (JSONL records with outlet and date): one meeting
# reported by three outlets and a reprint (marked duplicate of its original) and in Russian
# (joins the English story), the same two people a week later (another story), an unrelated
# article (alone); `stories` twice gives the same answer; a later ingest places only the new
# article, into the existing story; the sample corpus's main articles form one story.
# Usage: cli_stories_test.sh DOSSIER_BINARY SOURCE_ROOT
set -u
bin=$1
root=$2
. "$root/tests/cli_lib.sh"
db=$tmp/stories.db
if ! command -v python3 >/dev/null; then
    echo "python3 missing: skipped"
    cli_done
    exit
fi

python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
A1 = ("Ardanian Foreign Minister Tomas Vell and Premier Lisa Orrin of Belmora signed a fishing "
      "accord in Kalvik on Monday, opening the northern straits to 1,200 trawlers from both "
      "countries. Vell said the accord ended a quarrel of twenty years over the straits. Orrin "
      "called the fishing accord fair to the fleets of both sides and said inspectors would "
      "count the catch in the straits each month.")
recs = [
    ("harbour-post.example", "Harbour Post", "2025-03-03", "Fishing accord signed in Kalvik", A1),
    ("daily-example.example", "Daily Example", "2025-03-03", "Vell and Orrin open the straits",
     "Fleets from Ardania and Belmora may fish the northern straits under an accord signed in "
     "Kalvik on Monday by Tomas Vell, Ardania's foreign minister, and the Belmoran premier, Lisa "
     "Orrin. The deal lets 1,200 trawlers work the straits; inspectors will check catches every "
     "month, Orrin said. Vell spoke of the end of a long quarrel over the straits."),
    ("coastal-times.example", "Coastal Times", "2025-03-04", "Fishing accord signed in Kalvik",
     A1.replace("each month", "every month")),
    ("vesti.example", "Вести Примера", "2025-03-04", "Соглашение о рыболовстве подписано в Кальвике",
     "Министр иностранных дел Ардании Томас Велл и премьер Белморы Лиза Оррин подписали в "
     "Кальвике соглашение о рыболовстве. Соглашение открывает северные проливы для 1200 "
     "траулеров обеих стран. Велл заявил, что спор о проливах закончен. Оррин назвала "
     "соглашение справедливым, а инспекторы будут каждый месяц проверять улов в проливах."),
    ("harbour-post.example", "Harbour Post", "2025-03-11", "Railway opens across the border at Dorsen",
     "Tomas Vell and Lisa Orrin met again in Dorsen on Tuesday, this time to open a railway line "
     "across the border between Ardania and Belmora. The first train carried 300 passengers over "
     "the new bridge at Dorsen, and Orrin said freight would follow in spring."),
    ("daily-example.example", "Daily Example", "2025-03-11", "First train crosses Dorsen bridge",
     "A railway bridge at Dorsen now joins Ardania and Belmora: Vell and Orrin rode the first "
     "train on Tuesday with 300 passengers, and freight trains are due in spring, Orrin said."),
    ("coastal-times.example", "Coastal Times", "2025-03-05", "Snow closes mountain pass",
     "Heavy snow closed the mountain pass above Tallin Gorge for a third day, and the roads "
     "office said ploughs could not reach the stranded lorries before the weekend."),
]
with open(f"{d}/news.jsonl", "w", encoding="utf-8") as f:
    for i, (host, site, date, title, text) in enumerate(recs):
        f.write(json.dumps({"url": f"https://{host}/{i}", "site": site, "published": date,
                            "title": title, "text": text}, ensure_ascii=False) + "\n")
with open(f"{d}/later.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps({"url": "https://vesti.example/9", "site": "Вести Примера",
                        "published": "2025-03-12", "title": "Первый поезд прошёл по мосту в Дорсене",
                        "text": "Томас Велл и Лиза Оррин открыли железную дорогу через мост в "
                                "Дорсене между Арданией и Белморой. Первый поезд перевёз 300 "
                                "пассажиров; грузовые поезда пойдут весной, сказала Оррин."},
                       ensure_ascii=False) + "\n")
PY

expect_status 0 "stories --help" "$bin" stories --help
expect_status 1 "stories without a database" "$bin" stories --db "$tmp/none.db"
expect_status 2 "stories bad --threshold" "$bin" stories --db "$db" --threshold 2
expect_status 0 "ingest" "$bin" ingest --db "$db" "$tmp/news.jsonl"
grep -q "7 articles placed in stories (3 new stories, 1 duplicate)" "$tmp/out" && ok ||
    bad "ingest clustering summary: $(cat "$tmp/out")"
expect_status 0 "stories --json" "$bin" stories --db "$db" --json
cp "$tmp/out" "$tmp/first.json"
check() { # PYTHON-EXPRESSION DESCRIPTION: evaluated with s = the stories, by = title -> story
    python3 - "$tmp/out" "$1" <<'PY' && ok || bad "$2"
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))["stories"]
by = {}
for st in s:
    for a in st["articles"]:
        by.setdefault(a["title"], []).append((st, a))
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}
check 'len(s) == 3' "three stories"
check 'len(by["Fishing accord signed in Kalvik"]) == 2 and by["Fishing accord signed in Kalvik"][0][0]["id"] == by["Fishing accord signed in Kalvik"][1][0]["id"]' "the reprint is in the original's story"
check 'sorted(a["role"] for _, a in by["Fishing accord signed in Kalvik"]) == ["duplicate", "member"]' "the reprint is a duplicate"
check '[a for _, a in by["Fishing accord signed in Kalvik"] if a["role"] == "duplicate"][0]["duplicate_of"] == [a for _, a in by["Fishing accord signed in Kalvik"] if a["role"] == "member"][0]["id"]' "duplicate_of names the original"
check 'by["Соглашение о рыболовстве подписано в Кальвике"][0][0]["id"] == by["Fishing accord signed in Kalvik"][0][0]["id"]' "the Russian report joins the English story"
check 'by["Vell and Orrin open the straits"][0][0]["id"] == by["Fishing accord signed in Kalvik"][0][0]["id"]' "two outlets, one story"
check 'by["Railway opens across the border at Dorsen"][0][0]["id"] == by["First train crosses Dorsen bridge"][0][0]["id"]' "the railway opening is one story"
check 'by["Railway opens across the border at Dorsen"][0][0]["id"] != by["Fishing accord signed in Kalvik"][0][0]["id"]' "same people a week later: another story"
check 'len(by["Snow closes mountain pass"][0][0]["articles"]) == 1' "the unrelated article is alone"
check 'sorted(by["Vell and Orrin open the straits"][0][0]["outlets"]) == sorted(["Harbour Post", "Daily Example", "Coastal Times", "Вести Примера"])' "outlets of the story"
check 'by["Vell and Orrin open the straits"][0][0]["first"] == "2025-03-03" and by["Vell and Orrin open the straits"][0][0]["last"] == "2025-03-04"' "first and last dates"
check 'sorted(a["source"].rsplit(":", 1)[1] for st in s for a in st["articles"]) == [str(i) for i in range(1, 8)] and all(a["index"] == 0 for st in s for a in st["articles"])' "source and index"

# Idempotent: listing again places nothing and gives the same stories.
expect_status 0 "stories again" "$bin" stories --db "$db" --json
cmp -s "$tmp/out" "$tmp/first.json" && ok || bad "a second listing differs"
expect_status 0 "stories table" "$bin" stories --db "$db"
[ "$(wc -l <"$tmp/out")" -eq 3 ] && ok || bad "table is not one line per story: $(cat "$tmp/out")"
grep -q "4 art   4 outl   1 dup  2025-03-03 2025-03-04" "$tmp/out" && ok || bad "table line: $(cat "$tmp/out")"

# A later ingest places only the new article: the Russian report joins the railway story.
expect_status 0 "ingest later" "$bin" ingest --db "$db" "$tmp/later.jsonl"
grep -q "1 article placed in stories (0 new stories, 0 duplicates); 3 stories in all" "$tmp/out" &&
    ok || bad "later ingest summary: $(cat "$tmp/out")"
expect_status 0 "stories after" "$bin" stories --db "$db" --json
check 'by["Первый поезд прошёл по мосту в Дорсене"][0][0]["id"] == by["First train crosses Dorsen bridge"][0][0]["id"]' "the later Russian article joins the railway story"
check 'by["Railway opens across the border at Dorsen"][0][0]["last"] == "2025-03-12"' "the story's last date moves"

# Articles stored without clustering (as after a kill during clustering) are placed by the next
# run that clusters: nothing is lost.
ndb=$tmp/nocluster.db
expect_status 0 "ingest --no-cluster" "$bin" ingest --no-cluster --db "$ndb" "$tmp/news.jsonl"
grep -q "placed in stories" "$tmp/out" && bad "--no-cluster clustered" || ok
expect_status 0 "ingest again clusters" "$bin" ingest --db "$ndb" "$tmp/news.jsonl"
grep -q "7 articles placed in stories (3 new stories, 1 duplicate)" "$tmp/out" && ok ||
    bad "the next run did not place the stored articles: $(cat "$tmp/out")"

# Each clustered article's features are stored, and a later run reads them instead of the text:
# a recluster gives the same stories. Features this version cannot read are recomputed.
sqlq() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchone(); c.commit(); print(r[0] if r else "")' "$@"; }
[ "$(sqlq "$db" "SELECT count(*) FROM article_features")" = "$(sqlq "$db" "SELECT count(*) FROM articles WHERE latest = 1")" ] &&
    ok || bad "one stored feature row per article"
expect_status 0 "stories --json before recluster" "$bin" stories --db "$db" --json
python3 -c 'import json,sys; print(sorted(sorted(a["id"] for a in s["articles"]) for s in json.load(open(sys.argv[1]))["stories"]))' "$tmp/out" >"$tmp/groups.before"
expect_status 0 "recluster from stored features" "$bin" stories --db "$db" --recluster --json
python3 -c 'import json,sys; print(sorted(sorted(a["id"] for a in s["articles"]) for s in json.load(open(sys.argv[1]))["stories"]))' "$tmp/out" >"$tmp/groups.after"
cmp -s "$tmp/groups.before" "$tmp/groups.after" && ok || bad "a recluster from stored features regroups"
sqlq "$db" "UPDATE article_features SET data = x'00112233' WHERE article = (SELECT min(article) FROM article_features)" >/dev/null
expect_status 0 "recluster over a stale feature row" "$bin" stories --db "$db" --recluster --json
python3 -c 'import json,sys; print(sorted(sorted(a["id"] for a in s["articles"]) for s in json.load(open(sys.argv[1]))["stories"]))' "$tmp/out" >"$tmp/groups.stale"
cmp -s "$tmp/groups.before" "$tmp/groups.stale" && ok || bad "a stale feature row changes the stories"
[ "$(sqlq "$db" "SELECT count(*) FROM article_features WHERE length(data) = 4")" = "0" ] && ok ||
    bad "the stale feature row was not recomputed"

# The sample corpus: the main Selka articles are one story, glued articles and teasers apart.
sdb=$tmp/sample.db
expect_status 0 "ingest examples" "$bin" ingest --db "$sdb" "$root/examples"
expect_status 0 "stories examples" "$bin" stories --db "$sdb" --json
check 'len({by[t][0][0]["id"] for t in by if "Selka" in (t or "") and "28" not in (by[t][0][1]["published"] or "")}) == 1' "one story for the 14 October Selka reply"
check 'all(by[t][0][0]["id"] != by["Kesh’s Selka reply is a better opening than Ostrel admits"][0][0]["id"] for t in by if t and ("Sabran" in t or "arms-export" in t or "Oranto" in t))' "teasers are not in the main story"
check 'len(by["Kesh’s Selka reply is a better opening than Ostrel admits"][0][0]["articles"]) >= 6' "the main story has the main articles"
cli_done
