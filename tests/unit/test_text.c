/*
 * test_text.c - the plain-text capture extractor: dates, line kinds, splitting glued articles,
 * teasers, metadata, and the invariant that every paragraph's source bytes hold its text.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "extract/extract.h"
#include "extract/text_internal.h"

static void check_date(const char *in, const char *want)
{
    char out[32] = "";
    int ok = extract_parse_date(in, strlen(in), out);
    if (want) {
        CHECK(ok);
        CHECK_STR(out, want);
    } else {
        CHECK(!ok);
    }
}

static void test_dates(void)
{
    check_date("26 Jan, 2022 19:48", "2022-01-26T19:48");
    check_date("09.Jan.2026", "2026-01-09");
    check_date("14 Jan 2026", "2026-01-14");
    check_date("January 26, 2022", "2022-01-26");
    check_date("Wed, 26 Jan 2022 19:48:00 GMT", "2022-01-26T19:48:00Z");
    check_date("2022-01-26T19:48:00Z", "2022-01-26T19:48:00Z");
    check_date("2022-01-26T19:48:00.123+03:00", "2022-01-26T19:48:00+03:00");
    check_date("2022-01-26", "2022-01-26");
    check_date("26/01/2022", "2022-01-26");
    check_date("01/26/2022", "2022-01-26"); /* month first only when the day cannot be */
    check_date("Jan. 26, 2022 at 7:48 p.m. ET", "2022-01-26T19:48");
    check_date("Published: 26th January 2022", "2022-01-26");
    check_date("Updated 26 Jan 2022, 12:05 AM", "2022-01-26T00:05");
    check_date("  3 Mar, 2025 08:15  ", "2025-03-03T08:15");
    check_date("29 Feb 2024", "2024-02-29");
    /* month names and dateline words of other languages */
    check_date("Ver\xC3\xB6" "ffentlicht am 3. M\xC3\xA4rz 2021, 14:05 Uhr", "2021-03-03T14:05");
    check_date("am 25.08.2015 22:30", "2015-08-25T22:30");
    check_date("Le 12 d\xC3\xA9" "cembre 2019 \xC3\xA0 14:30", "2019-12-12T14:30");
    check_date("5 de mayo de 2020", "2020-05-05");
    check_date("15 wrze\xC5\x9Bnia 2021", "2021-09-15");
    check_date("12 \xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F 2020 \xD0\xB3.",
               "2020-01-12");
    check_date("Mai Nguyen 2019", NULL);
    check_date("2022-05-04T03:00:00 UTC", "2022-05-04T03:00:00Z");
    check_date("Wed 26 Jan 2022 19.48 GMT", "2022-01-26T19:48Z");
    check_date("Last modified on Wed 26 Jan 2022 20.05 GMT", "2022-01-26T20:05Z");
    check_date("19.48 26 Jan 2022", NULL); /* a dotted time before any year is not read */
    check_date("29 Feb 2023", NULL); /* not a leap year */
    check_date("31 Apr 2022", NULL);
    check_date("Ukraine 2022", NULL);
    check_date("In 2022, 26 people", NULL);
    check_date("March 2022", NULL); /* no day: not a publication date */
    check_date("26 Jan 2022 25:00", NULL);
    check_date("2022-13-01", NULL);
    check_date("", NULL);
    check_date("Blinken met Lavrov on 21 Jan 2022 in Geneva", NULL);
    /* a year-first date after a label, and a label capitalised in another script */
    check_date("Published 2023-03-14", "2023-03-14");
    check_date("Stand: 2023/03/14 10:05", "2023-03-14T10:05");
    check_date("Updated 2023-03-14T10:05", "2023-03-14T10:05");
    check_date("Published 2023-13-14", NULL);
    check_date("Published 2023-03", NULL);
    check_date("\xD0\x9E\xD0\xBF\xD1\x83\xD0\xB1\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBE"
               "\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE 14.03.2023", "2023-03-14");
    /* Chinese: after a label, and with a time */
    check_date("\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xB6\xE9\x97\xB4\xEF\xBC\x9A"
               "2023\xE5\xB9\xB4" "3\xE6\x9C\x88" "14\xE6\x97\xA5", "2023-03-14");
    check_date("2022\xE5\xB9\xB4" "1\xE6\x9C\x88" "26\xE6\x97\xA5 19:48", "2022-01-26T19:48");
    check_date("2022\xE5\xB9\xB4" "1\xE6\x9C\x88", NULL);
    check_date("\xE5\x9C\xA8" "2022\xE5\xB9\xB4" "1\xE6\x9C\x88" "26\xE6\x97\xA5"
               "\xE4\xBC\x9A\xE8\xB0\x88", NULL); /* inside a sentence */
    /* slashed dates month first when asked (a page in American English) */
    char out[32] = "";
    CHECK(extract_parse_date_order("3/4/2025", 8, out, 1));
    CHECK_STR(out, "2025-03-04");
    CHECK(extract_parse_date_order("3.4.2025", 8, out, 1));
    CHECK_STR(out, "2025-04-03");
    CHECK(extract_parse_date_order("13/4/2025", 9, out, 1));
    CHECK_STR(out, "2025-04-13");
}

static tline_kind kind_of(const char *z)
{
    size_t off, len;
    slice s = slice_make(z, strlen(z));
    return text_line_classify(s, text_count_words(s), &off, &len);
}

static void test_line_kinds(void)
{
    CHECK_INT(kind_of(""), TL_BLANK);
    CHECK_INT(kind_of("icon arrow-lefticon bellicon calendaricon menuicon play"),
              TL_ICONS);
    CHECK_INT(kind_of("keep readingShow less"), TL_KEEP);
    CHECK_INT(kind_of("Continue reading"), TL_KEEP);
    CHECK_INT(kind_of("Top image credit: A trawler leaves port. Lena Voss/Harbour Wire"), TL_START);
    CHECK_INT(kind_of("Top Photo: Nets drying on the quay (Coastline/Ada Berg)"), TL_START);
    CHECK_INT(kind_of("Ministers Marrow and Anvers in Tessa, (Reuters)"), TL_CAPTION);
    CHECK_INT(kind_of("The minister speaks in parliament. [Parliament photo by Jon Aker]"),
              TL_CAPTION);
    CHECK_INT(kind_of("Photo: Ada Berg"), TL_CAPTION);
    CHECK_INT(kind_of("Getty Images"), TL_CAPTION);
    CHECK_INT(kind_of("AFP via Getty Images"), TL_CAPTION);
    CHECK_INT(kind_of("3 hours ago"), TL_CHROME);
    CHECK_INT(kind_of("Newsletter"), TL_FOOTER);
    CHECK_INT(kind_of("LATEST"), TL_FOOTER);
    CHECK_INT(kind_of("Subscribe now for the Friday briefing from our desk."), TL_FOOTER);
    CHECK_INT(kind_of("Latest newsHarbour Strike Enters Its Second Week"), TL_FOOTER);
    CHECK_INT(kind_of("Follow us on social"), TL_CHROME);
    CHECK_INT(kind_of("Facebook Twitter Telegram WhatsApp"), TL_CHROME);
    CHECK_INT(kind_of("marrow-anvers-quotas"), TL_CHROME);
    CHECK_INT(kind_of("QIOSK"), TL_CHROME);
    CHECK_INT(kind_of("5 min read"), TL_CHROME);
    CHECK_INT(kind_of("READ MORE: Harbour strike enters its second week"), TL_CHROME);
    CHECK_INT(kind_of("Analysis | Northern Seas"), TL_SECTION);
    CHECK_INT(kind_of("12.Mar.2025"), TL_DATE);
    CHECK_INT(kind_of("By Jonas Reed and Mina Salo"), TL_BYLINE);
    CHECK_INT(kind_of("Reporting by Kirra Vale in Brisk; Editing by Tom Aker"), TL_BYLINE);
    CHECK_INT(kind_of("Additional reporting by Lena Holt in Tessa"), TL_CHROME);
    CHECK_INT(kind_of("Editing by Tom Aker and Ada Berg"), TL_CHROME);
    {
        size_t off, len;
        const char *z = "Reporting by Kirra Vale in Brisk; Editing by Tom Aker";
        slice s = slice_make(z, strlen(z));
        text_line_classify(s, text_count_words(s), &off, &len);
        CHECK(len == 10 && memcmp(z + off, "Kirra Vale", 10) == 0);
    }
    CHECK_INT(kind_of("Mara Quill is a senior fellow at the Northern Policy Forum."), TL_BIO);
    CHECK_INT(kind_of("The ministry is a large building on the harbour front."), TL_PROSE);
    CHECK_INT(kind_of("Is the quota talk really about fish?"), TL_SHORT);
    CHECK_INT(kind_of("Quota talks resume in a neutral port"), TL_SHORT);
    CHECK_INT(kind_of("Marrow said the reply was serious in tone but thin on numbers."), TL_PROSE);
    /* a sentence that merely mentions a news agency is text, not a caption */
    CHECK_INT(kind_of("The minister told Reuters that the reply was serious in tone."), TL_PROSE);
    /* a sentence beginning "Related to ..." is not a list heading */
    CHECK_INT(kind_of("Related to this, the ministry said it would publish the reply in full."),
              TL_PROSE);

    CHECK(text_is_person_name(slice_make("Kirra Vale", 10)));
    CHECK(text_is_person_name(slice_make("Antony J. Blinken", 17)));
    CHECK(!text_is_person_name(slice_make("NATO Summit", 11)));
    CHECK(!text_is_person_name(slice_make("the minister", 12)));
    CHECK(!text_is_person_name(slice_make("Brisk", 5)));
}

/* Every paragraph's source range holds the paragraph's first and last words. */
static void check_provenance(const char *doc, const article *art)
{
    for (size_t k = 0; k < art->n_paragraphs; k++) {
        span p = art->paragraphs[k], s = art->sources[k];
        CHECK(p.end <= art->text_len && p.start < p.end);
        CHECK(s.end > s.start);
        const char *para = art->text + p.start;
        size_t n = p.end - p.start, first = strcspn(para, " \n");
        if (first > n) first = n;
        CHECK(memcmp(doc + s.start, para, first) == 0);
        size_t last = n;
        while (last > 0 && para[last - 1] != ' ') last--;
        CHECK(memcmp(doc + s.end - (n - last), para + last, n - last) == 0);
    }
}

static const char GLUED[] =
    "A reply that changes little\n"
    "Mara Quill is a senior fellow at the Northern Policy Forum.\n"
    "Top image credit: A quay at dawn. Ada Berg/Coastline Photos\n"
    "The council voted on Thursday to close the old cannery after a century of work.\n"
    "Workers gathered outside the chamber during the vote, holding photographs.\n"
    "keep readingShow less\n";

static void test_glued_and_teasers(void)
{
    static const char doc[] =
        "Follow us on social\n\n"
        "Quota reply is thin, ministers say\n\n"
        "Analysis | Northern Seas\n\n"
        "The written reply that Orsland sent to Velmark runs to eleven pages, and only three of "
        "them mention fish at all.\n\n"
        "Ilse Marrow called the reply \"serious in tone but thin on numbers.\"\n\n"
        "Two ministers in Tessa, (Harbour Wire)\n"
        "Top photo credit: A trawler at dawn. Lena Voss/Harbour Wire\n\n"
        "Grain corridor deal stalls\n\n"
        "Trade\n\n"
        "Shippers say insurers have tripled premiums since January on the southern route.\n\n"
        "keep readingShow less\n\n"
        "Newsletter\n\n"
        "Subscribe now to our weekly digest.\n";
    arena *a = arena_new(0);
    article_list list = {0};
    extract_hints h = {"https://www.northsea-review.example/analysis/quota", NULL, NULL, NULL, 0};
    CHECK_INT(extract_from_text(a, doc, sizeof doc - 1, &h, &list), DOSSIER_OK);
    CHECK_INT(list.n, 2);
    if (list.n == 2) {
        article *m = &list.items[0], *t = &list.items[1];
        CHECK_STR(m->title, "Quota reply is thin, ministers say");
        CHECK_INT(m->teaser, 0);
        CHECK_INT(m->n_paragraphs, 2);
        CHECK_STR(m->site, "northsea-review.example");
        CHECK_STR(m->url, h.url);
        CHECK(strstr(m->text, "Harbour Wire") == NULL); /* the caption is gone */
        CHECK(strstr(m->text, "Analysis") == NULL);
        CHECK_STR(t->title, "Grain corridor deal stalls");
        CHECK_INT(t->teaser, 1);
        CHECK_INT(t->index, 1);
        CHECK(t->url == NULL); /* the page's URL is the main article's */
        CHECK(strstr(t->text, "Trade") == NULL);
        CHECK(strstr(t->text, "Subscribe") == NULL);
        check_provenance(doc, m);
        check_provenance(doc, t);
    }
    /* --drop-teasers keeps the main article's index and drops the teaser */
    article_list kept = {0};
    h.drop_teasers = 1;
    CHECK_INT(extract_from_text(a, doc, sizeof doc - 1, &h, &kept), DOSSIER_OK);
    CHECK_INT(kept.n, 1);

    /* A bio closes the main article and names its author; a credit line starts the next. */
    article_list g = {0};
    CHECK_INT(extract_from_text(a, GLUED, sizeof GLUED - 1, NULL, &g), DOSSIER_OK);
    CHECK_INT(g.n, 1); /* the title-only main part has no text: only the glued piece remains */
    if (g.n == 1) {
        CHECK_INT(g.items[0].n_paragraphs, 2);
        CHECK_INT(g.items[0].teaser, 1); /* two paragraphs, then "keep reading" */
    }
    arena_free(a);
}

static void test_metadata(void)
{
    static const char doc[] = "icon arrow-lefticon bellicon menuicon print\n"
                              "3 Mar, 2025 08:15\n\n"
                              "Velmark welcomes the reply\n\n"
                              "Officials in Tessa welcome the tone but not the numbers\n"
                              "Velmark welcomes the reply\n\n"
                              "Velmark's foreign minister said on Monday that the reply leaves the "
                              "door ajar for a settlement.\n\n"
                              "She said her ministry would study it line by line.\n\n"
                              "Kirra Vale\nBrisk\n"
                              "Latest newsHarbour Strike Enters Its Second Week\n12.Mar.2025\n\n"
                              "15 Mar 2025\n";
    arena *a = arena_new(0);
    article_list list = {0};
    CHECK_INT(extract_from_text(a, doc, sizeof doc - 1, NULL, &list), DOSSIER_OK);
    CHECK_INT(list.n, 1);
    if (list.n == 1) {
        article *m = &list.items[0];
        CHECK_STR(m->title, "Velmark welcomes the reply");
        CHECK_STR(m->published, "2025-03-03T08:15"); /* not the page date after the list */
        CHECK_STR(m->author, "Kirra Vale");
        CHECK_INT(m->n_paragraphs, 3); /* dek + two paragraphs; the repeated title dropped */
        CHECK(strncmp(m->text, "Officials in Tessa", 18) == 0);
        CHECK(strstr(m->text, "Harbour Strike") == NULL);
        CHECK(strstr(m->text, "Brisk") == NULL);
        CHECK_STR(m->lang, "en");
        check_provenance(doc, m);
    }
    /* Record metadata wins for the main article. */
    article_list r = {0};
    extract_hints h = {NULL, "Harbour Wire", "2025-03-02", "A record title", 0};
    CHECK_INT(extract_from_text(a, doc, sizeof doc - 1, &h, &r), DOSSIER_OK);
    if (r.n) {
        CHECK_STR(r.items[0].site, "Harbour Wire");
        CHECK_STR(r.items[0].published, "2025-03-02");
        CHECK_STR(r.items[0].title, "A record title");
    }
    arena_free(a);
}

/* A capture names its outlet in its copyright line, not in a photo credit; a hint wins. */
static void test_copyright_site(void)
{
    static const char doc[] = "Port strike ends\n\n"
                              "The Rotterdam dock strike ended on Monday after workers accepted a "
                              "new offer from the employers, the union said.\n\n"
                              "Ships began unloading within hours of the vote.\n\n"
                              "\xC2\xA9 Jo Lind / Harbour Photo Agency\n\n"
                              "Newsletter\n\n"
                              "\xC2\xA9 2019\xE2\x80\x93" "2024 Harbour Times. All rights reserved.\n";
    arena *a = arena_new(0);
    article_list list = {0};
    CHECK_INT(extract_from_text(a, doc, sizeof doc - 1, NULL, &list), DOSSIER_OK);
    CHECK(list.n >= 1);
    if (list.n) CHECK_STR(list.items[0].site, "Harbour Times");
    static const char credit_only[] = "Port strike ends\n\n"
                                      "The Rotterdam dock strike ended on Monday after workers "
                                      "accepted a new offer from the employers.\n\n"
                                      "\xC2\xA9 Jo Lind / Harbour Photo Agency\n";
    article_list c = {0};
    CHECK_INT(extract_from_text(a, credit_only, sizeof credit_only - 1, NULL, &c), DOSSIER_OK);
    if (c.n) CHECK(c.items[0].site == NULL);
    static const char plain[] = "Port strike ends\n\nThe strike ended on Monday, the union "
                                "said.\n\nCopyright 2024 Harbour Media Group | Privacy\n";
    article_list p = {0};
    CHECK_INT(extract_from_text(a, plain, sizeof plain - 1, NULL, &p), DOSSIER_OK);
    if (p.n) CHECK_STR(p.items[0].site, "Harbour Media Group");
    extract_hints h = {NULL, "Harbour Wire", NULL, NULL, 0};
    article_list w = {0};
    CHECK_INT(extract_from_text(a, plain, sizeof plain - 1, &h, &w), DOSSIER_OK);
    if (w.n) CHECK_STR(w.items[0].site, "Harbour Wire");
    arena_free(a);
}

static void test_wrapped(void)
{
    static const char doc[] = "Talks resume in a neutral port\n\n"
                              "By Jonas Reed and Mina Salo\n\n"
                              "Negotiators from Velmark and Orsland met on Tuesday in the neutral\n"
                              "port of Skel for the first direct talks since the autumn.\n\n"
                              "The next round is expected at the end of the month.\n";
    arena *a = arena_new(0);
    article_list list = {0};
    CHECK_INT(extract_from_text(a, doc, sizeof doc - 1, NULL, &list), DOSSIER_OK);
    CHECK_INT(list.n, 1);
    if (list.n == 1) {
        article *m = &list.items[0];
        CHECK_STR(m->author, "Jonas Reed, Mina Salo");
        CHECK_INT(m->n_paragraphs, 2);
        CHECK(strstr(m->text, "neutral port of Skel") != NULL); /* joined with one space */
        CHECK(strchr(m->text, '\n') == m->text + m->paragraphs[0].end);
        CHECK_INT(m->sources[0].end - m->sources[0].start,
                  strlen("Negotiators from Velmark and Orsland met on Tuesday in the neutral\n"
                         "port of Skel for the first direct talks since the autumn."));
    }
    arena_free(a);
}

/* A Chinese capture (no spaces between words) is prose, not a pile of one-word lines: words
 * are counted as two characters each and 。 ends a sentence. */
static void test_chinese(void)
{
    static const char doc[] = "巴伐利亚洪水导致道路封闭\n\n"
                              "德国巴伐利亚州周二遭遇暴雨，多条道路被洪水淹没。慕尼黑州政府表示，"
                              "多瑙河沿岸有三百人撤离家园。\n\n"
                              "救援人员预计河水将在周四达到峰值，州政府将继续发布警报。\n";
    arena *a = arena_new(0);
    article_list list = {0};
    CHECK_INT(extract_from_text(a, doc, sizeof doc - 1, NULL, &list), DOSSIER_OK);
    CHECK_INT(list.n, 1);
    if (list.n == 1) {
        article *m = &list.items[0];
        CHECK_STR(m->title, "巴伐利亚洪水导致道路封闭");
        CHECK_INT(m->n_paragraphs, 2);
    }
    CHECK_INT(text_count_words((slice){"多瑙河沿岸", 15}), 1 + 2);
    arena_free(a);
}

static void test_degenerate(void)
{
    arena *a = arena_new(0);
    article_list list = {0};
    CHECK_INT(extract_from_text(a, "", 0, NULL, &list), DOSSIER_OK);
    CHECK_INT(list.n, 0);
    CHECK_INT(extract_from_text(a, "\n\n  \n", 5, NULL, &list), DOSSIER_OK);
    CHECK_INT(list.n, 0);
    CHECK_INT(extract_from_text(a, "Newsletter\nLATEST\nkeep reading\n", 32, NULL, &list),
              DOSSIER_OK);
    CHECK_INT(list.n, 0);
    /* a long line with no newline at all */
    size_t n = 1 << 20;
    char *big = malloc(n);
    for (size_t i = 0; i < n; i++) big[i] = (i % 7 == 6) ? ' ' : 'a';
    big[n - 1] = '.';
    CHECK_INT(extract_from_text(a, big, n, NULL, &list), DOSSIER_OK);
    CHECK_INT(list.n, 1);
    free(big);
    CHECK_INT(extract_from_text(NULL, "x", 1, NULL, &list), DOSSIER_ERR_USAGE);
    arena_free(a);
}

int main(void)
{
    test_dates();
    test_line_kinds();
    test_glued_and_teasers();
    test_metadata();
    test_copyright_site();
    test_wrapped();
    test_chinese();
    test_degenerate();
    return check_done();
}
