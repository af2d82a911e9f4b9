/*
 * test_html.c - HTML pages to articles: chrome removal, scoring, metadata from JSON-LD,
 * OpenGraph, <time> and the URL, glued <article>s, itemprop=articleBody, language from the page
 * and from the text, provenance spans, and pages that must not crash or hang; the libxml2
 * allocator hooks beside a program's own use of libxml2.
 */
#include "check.h"
#include "extract/extract.h"
#include "extract/lang.h"
#include "extract/html_internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlversion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Runs the extractor on a NUL-terminated page; the list lives in `a`. */
static dossier_status run(arena *a, const char *html, const char *url, article_list *out)
{
    extract_hints h = {url, NULL, NULL, NULL, 0};
    memset(out, 0, sizeof *out);
    return extract_from_html(a, html, strlen(html), &h, out);
}

static int has(const article *art, const char *needle)
{
    return art && art->text && strstr(art->text, needle) != NULL;
}

/* Every paragraph span within the text, every source span within the page. */
static int spans_ok(const article *art, size_t page_len)
{
    for (size_t i = 0; i < art->n_paragraphs; i++) {
        if (art->paragraphs[i].start > art->paragraphs[i].end) return 0;
        if (art->paragraphs[i].end > art->text_len) return 0;
        if (art->sources[i].start > art->sources[i].end) return 0;
        if (art->sources[i].end > page_len) return 0;
    }
    return 1;
}

#define BODY1                                                                                      \
    "<p>The city council voted on Tuesday to close the old harbour bridge, citing a report that "  \
    "found cracks in three of its five supporting piers.</p>\n"                                    \
    "<p>\"We cannot ask people to drive over a bridge our own engineers call unsafe,\" said the "  \
    "council leader, Marta Olsen, after the vote.</p>\n"                                           \
    "<p>Traffic will be routed through the northern ring road, which officials expect to add "     \
    "about ten minutes to a typical commute, at least until spring.</p>\n"                         \
    "<p>Repairs are expected to cost 40 million crowns, and the work, if approved, would begin "   \
    "next year.</p>\n"

static const char CHROME_PAGE[] =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Council closes harbour bridge | Harbour "
    "Times</title>\n"
    "<meta property=\"og:site_name\" content=\"Harbour Times\"></head>\n<body>\n"
    "<div id=\"cookie-banner\">We use cookies to improve your experience. Accept all "
    "cookies</div>\n"
    "<header><a href=\"/\">Harbour Times</a><nav><ul><li><a href=\"/news\">News</a></li>"
    "<li><a href=\"/sport\">Sport</a></li></ul></nav></header>\n"
    "<main><article>\n<h1>Council closes harbour bridge</h1>\n"
    "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>\n"
    "<div class=\"article-body\">\n" BODY1
    "<p>Read more: <a href=\"/x\">Bridges across the region</a></p>\n"
    "<div class=\"newsletter-box\"><p>Subscribe to our morning newsletter for the day's "
    "headlines, delivered to your inbox every morning.</p></div>\n"
    "</div>\n"
    "<section class=\"related-articles\"><h2>Related</h2><ul><li><a href=\"/a\">Ferry prices to "
    "rise again this summer, operators warn</a></li><li><a href=\"/b\">Harbour festival draws "
    "record crowds to the waterfront</a></li></ul></section>\n"
    "</article></main>\n"
    "<aside><h3>Most read</h3><p>Sidebar story about something else entirely that is long "
    "enough to look like a paragraph, with commas, and more commas.</p></aside>\n"
    "<footer><p>Copyright 2024 Harbour Times. All rights reserved.</p></footer>\n"
    "</body></html>\n";

static void test_chrome(void)
{
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, CHROME_PAGE, "https://www.harbourtimes.example/news/bridge", &out),
              DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        const article *art = &out.items[0];
        CHECK_INT(art->n_paragraphs, 4);
        CHECK(has(art, "The city council voted on Tuesday"));
        CHECK(has(art, "would begin next year."));
        CHECK(has(art, "\"We cannot ask people"));
        CHECK(!has(art, "cookies"));
        CHECK(!has(art, "Share on"));
        CHECK(!has(art, "Sport"));
        CHECK(!has(art, "Subscribe"));
        CHECK(!has(art, "Read more"));
        CHECK(!has(art, "Ferry prices"));
        CHECK(!has(art, "Sidebar story"));
        CHECK(!has(art, "Copyright"));
        CHECK(!has(art, "Council closes harbour bridge")); /* the repeated title */
        CHECK_STR(art->title, "Council closes harbour bridge");
        CHECK_STR(art->site, "Harbour Times");
        CHECK_STR(art->lang, "en");
        CHECK_STR(art->url, "https://www.harbourtimes.example/news/bridge");
        CHECK(spans_ok(art, sizeof CHROME_PAGE - 1));
        /* The first paragraph's source is its <p> element in the page. */
        const span *s0 = &art->sources[0];
        CHECK(s0->end - s0->start > 10 && strncmp(CHROME_PAGE + s0->start, "<p>The city", 11) == 0);
        CHECK(CHROME_PAGE[s0->end - 1] == '>');
        /* Paragraph spans cut the text exactly. */
        CHECK(strncmp(art->text + art->paragraphs[1].start, "\"We cannot", 10) == 0);
        CHECK(art->text[art->paragraphs[0].end] == '\n');
    }
    arena_free(a);
}

static void test_jsonld(void)
{
    const char *page =
        "<html><head><title>Ignored title - Example</title>\n"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"Northern Ledger\"},"
        "{\"@type\":[\"NewsArticle\"],\"headline\":\"Dam talks resume in Geneva\","
        "\"datePublished\":\"2023-03-14T08:30:00+01:00\",\"dateModified\":\"2023-03-15\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},{\"@type\":\"Person\","
        "\"name\":\"Tom Beck\"}],\"publisher\":{\"@id\":\"#org\"},\"inLanguage\":\"en-GB\"}]}"
        "</script>\n"
        "<meta property=\"og:title\" content=\"OG title loses\">\n"
        "</head><body><div class=\"story\">" BODY1 "</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        const article *art = &out.items[0];
        CHECK_STR(art->title, "Dam talks resume in Geneva");
        CHECK_STR(art->author, "Ana Ruiz, Tom Beck");
        CHECK(art->published && strncmp(art->published, "2023-03-14", 10) == 0);
        CHECK_STR(art->modified, "2023-03-15"); /* kept apart, never in place of published */
        CHECK_STR(art->site, "Northern Ledger");
        CHECK_STR(art->lang, "en");
        CHECK_INT(art->n_paragraphs, 4);
    }
    arena_free(a);
}

static void test_opengraph_and_time(void)
{
    const char *page =
        "<html><head><title>Wheat prices climb :: Farm Wire</title>"
        "<meta property=\"og:title\" content=\"Wheat prices climb after poor harvest\">"
        "<meta property=\"og:site_name\" content=\"Farm Wire\">"
        "<meta property=\"og:url\" content=\"https://farmwire.example/markets/wheat\">"
        "<meta property=\"article:author\" content=\"Lena Fischer\">"
        "</head><body><article><header><time datetime=\"2021-11-02T10:00:00Z\">2 Nov</time>"
        "</header><div class=\"content\">" BODY1 "</div></article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        const article *art = &out.items[0];
        CHECK_STR(art->title, "Wheat prices climb after poor harvest");
        CHECK_STR(art->site, "Farm Wire");
        CHECK_STR(art->url, "https://farmwire.example/markets/wheat");
        CHECK_STR(art->author, "Lena Fischer");
        CHECK(art->published && strncmp(art->published, "2021-11-02", 10) == 0);
    }
    arena_free(a);
}

static void test_url_date_and_title_suffix(void)
{
    const char *page =
        "<html><head><title>Storm closes schools - Coast Herald</title></head>"
        "<body><div id=\"main\"><p class=\"byline\">By Sam Lee and Kim Park</p>" BODY1
        "</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, "https://coastherald.example/2022/01/26/storm-schools/", &out),
              DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        const article *art = &out.items[0];
        CHECK_STR(art->published, "2022-01-26");
        CHECK_STR(art->title, "Storm closes schools");
        CHECK_STR(art->site, "coastherald.example");
        CHECK_STR(art->author, "Sam Lee, Kim Park");
        CHECK(!has(art, "By Sam Lee"));
    }
    arena_free(a);
}

#define BODY2                                                                                      \
    "<p>A second report, published later the same day, described how the fishing fleet had "       \
    "stayed in port for a third week, waiting for the quota talks to end.</p>"                     \
    "<p>Skippers said the delay was costing them, in lost catches, more than the fuel, the crews " \
    "and the repairs put together.</p>"                                                            \
    "<p>The ministry said it hoped to announce a deal by Friday, though it gave no details of "    \
    "what the deal would contain.</p>"

static void test_glued_articles(void)
{
    const char *page = "<html><head><title>Feed</title></head><body><div class=\"feed\">"
                       "<article><h1>Harbour bridge closed</h1>"
                       "<time datetime=\"2024-05-01\">May 1</time>" BODY1 "</article>"
                       "<article><h2>Fleet stays in port</h2>"
                       "<time datetime=\"2024-05-02\">May 2</time>" BODY2 "</article>"
                       "</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 2);
    if (out.n == 2) {
        CHECK_INT(out.items[0].index, 0);
        CHECK_INT(out.items[1].index, 1);
        CHECK(has(&out.items[0], "harbour bridge"));
        CHECK(!has(&out.items[0], "fishing fleet"));
        CHECK(has(&out.items[1], "fishing fleet"));
        CHECK(!has(&out.items[1], "harbour bridge"));
        CHECK_STR(out.items[1].title, "Fleet stays in port");
        CHECK_STR(out.items[1].published, "2024-05-02");
        CHECK_INT(out.items[1].n_paragraphs, 3);
    }
    arena_free(a);
}

static void test_itemprop_body(void)
{
    /* Two containers of similar weight; schema.org's articleBody marks the right one. */
    const char *page =
        "<html><body>"
        "<div class=\"teasers\"><p>Other news: the museum reopens after a two-year renovation, "
        "with new rooms, a cafe, and a garden.</p><p>Elsewhere, the zoo welcomed twin otters, "
        "named, after a public vote, Pip and Pop.</p><p>And the library extends its hours, on "
        "weekdays, until ten in the evening.</p></div>"
        "<div itemprop=\"articleBody\">" BODY1 "</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK(has(&out.items[0], "The city council voted"));
        CHECK(!has(&out.items[0], "museum reopens"));
    }
    arena_free(a);
}

static void test_lang(void)
{
    const char *de = "<html lang=\"de-AT\"><body><div>" BODY1 "</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, de, NULL, &out), DOSSIER_OK);
    CHECK(out.n == 1 && out.items[0].lang && strcmp(out.items[0].lang, "de") == 0);

    const char *ru = "Правительство объявило, что с понедельника цены на электроэнергию "
                     "вырастут. Это решение вызвало критику экспертов, которые считают его "
                     "ошибочным.";
    const char *uk = "Уряд оголосив, що з понеділка ціни на електроенергію зростуть. Це рішення "
                     "викликало критику експертів, які вважають його помилковим і її наслідки.";
    const char *en = "The government said on Monday that electricity prices would rise, and "
                     "experts criticised the decision as a mistake.";
    const char *fr = "Le gouvernement a annoncé que les prix de l'électricité vont augmenter, "
                     "et les experts critiquent cette décision pour des raisons qui sont claires.";
    CHECK_STR(lang_detect(ru, strlen(ru)), "ru");
    CHECK_STR(lang_detect(uk, strlen(uk)), "uk");
    CHECK_STR(lang_detect(en, strlen(en)), "en");
    CHECK_STR(lang_detect(fr, strlen(fr)), "fr");
    CHECK(lang_detect("", 0) == NULL);
    char code[3];
    CHECK(lang_normalize_tag("en_US", 5, code) && strcmp(code, "en") == 0);
    CHECK(!lang_normalize_tag("eng", 3, code));

    /* No declaration: the text decides. */
    char page[2048];
    snprintf(page, sizeof page, "<html><body><article><p>%s</p><p>%s</p></article></body></html>",
             uk, uk);
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK(out.n == 1 && out.items[0].lang && strcmp(out.items[0].lang, "uk") == 0);
    /* A declared Latin-script language does not override Cyrillic text. */
    snprintf(page, sizeof page,
             "<html lang=\"en\"><body><article><p>%s</p><p>%s</p></article>"
             "</body></html>",
             ru, ru);
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK(out.n == 1 && out.items[0].lang && strcmp(out.items[0].lang, "ru") == 0);
    arena_free(a);
}

static void test_hostile_pages(void)
{
    arena *a = arena_new(0);
    article_list out;
    /* Empty and blank pages: nothing, no error. */
    CHECK_INT(run(a, "", NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 0);
    CHECK_INT(run(a, "  \n ", NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 0);
    CHECK_INT(run(a, "<html><body></body></html>", NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 0);

    /* 20,000 nested divs around a paragraph. */
    size_t depth = 20000;
    size_t cap = depth * 11 + 1024;
    char *deep = malloc(cap);
    size_t k = 0;
    for (size_t i = 0; i < depth; i++)
        k += (size_t)sprintf(deep + k, "<div>");
    k += (size_t)sprintf(deep + k, "<p>deep text, deep text, deep text, deep text.</p>");
    for (size_t i = 0; i < depth; i++)
        k += (size_t)sprintf(deep + k, "</div>");
    clock_t t0 = clock();
    CHECK_INT(extract_from_html(a, deep, k, NULL, &out), DOSSIER_OK);
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    free(deep);

    /* 100,000 sibling elements, mostly links. */
    size_t n = 100000;
    char *wide = malloc(n * 40 + 64);
    k = (size_t)sprintf(wide, "<html><body>");
    for (size_t i = 0; i < n; i++)
        k += (size_t)sprintf(wide + k, i % 3 ? "<a href=\"/%zu\">link</a>" : "<p>text %zu.</p>", i);
    t0 = clock();
    memset(&out, 0, sizeof out);
    CHECK_INT(extract_from_html(a, wide, k, NULL, &out), DOSSIER_OK);
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    for (size_t i = 0; i < out.n; i++)
        CHECK(spans_ok(&out.items[i], k));
    free(wide);

    /* Broken markup, stray bytes and unclosed everything. */
    static const char *const broken[] = {
        "<p>unclosed <b>bold <i>italic <a href=x>link",
        "</div></div></p><p>closing first</p>",
        "<script>never closed",
        "<<<>>><p =x>a</p><!-- unterminated comment",
        "\xff\xfe<\x00p>binary\x80\x81 junk</p>",
        "<table><tr><td><td><td>cells</table><li><li><li>",
        ("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[[[[]]]]"
         "</script><p>x</p>"),
        "<script type=\"application/ld+json\">[1, \"a\", null, {\"@graph\": 5}]</script>",
    };
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        size_t len = i == 4 ? 23 : strlen(broken[i]);
        memset(&out, 0, sizeof out);
        CHECK(extract_from_html(a, broken[i], len, NULL, &out) == DOSSIER_OK);
        for (size_t j = 0; j < out.n; j++)
            CHECK(spans_ok(&out.items[j], len));
    }
    arena_free(a);
}

static void test_whitespace_and_blocks(void)
{
    const char *page =
        "<html><body><div class=\"post-body\">"
        "<p>Words   split\n across\tlines &amp; entities&nbsp;kept, with <b>bold</b><i>joined</i> "
        "text and a <a href=\"/l\">link</a> in the middle of a long enough paragraph.</p>"
        "<h2>A subheading</h2>"
        "<p>Second paragraph, with more commas, words, and clauses, so that it scores well.</p>"
        "<ul><li>First point of the list, which is part of the article.</li>"
        "<li>Second point.</li></ul>"
        "<blockquote>A quoted passage from the report, set apart from the text.</blockquote>"
        "Loose text in the container, written without a paragraph tag, as some sites do."
        "<br><br>And a second loose paragraph after a double line break."
        "<pre>line one\n  line two\n\n\nline three</pre>"
        "</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        const article *art = &out.items[0];
        CHECK(has(art, "Words split across lines & entities\xc2\xa0kept, with boldjoined text"));
        CHECK(has(art, "\n\nA subheading\n\n"));
        CHECK(has(art, "\n\nFirst point of the list"));
        CHECK(has(art, "\n\nA quoted passage"));
        CHECK(has(art, "\n\nLoose text in the container"));
        CHECK(has(art, "do.\n\nAnd a second loose"));
        CHECK(has(art, "line one\n  line two\nline three"));
        CHECK_INT(art->n_paragraphs, 9);
    }
    arena_free(a);
}

static void test_ld_body_fallback(void)
{
    /* A script-rendered page: the DOM holds a stub, JSON-LD the text. */
    const char *page =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"ReportageNewsArticle\","
        "\"headline\":\"Quiet night on the border\",\"articleBody\":\"The night passed without "
        "incident at the northern crossing, officials said on Sunday, after a week of tension "
        "that had closed two checkpoints.\\nTraders who had waited for days were allowed "
        "through in the morning, and queues, which had stretched for kilometres, began to "
        "shrink.\\nThe two governments are due to meet again on Thursday to discuss the "
        "reopening of the remaining crossings.\"}</script></head>"
        "<body><div id=\"app\">Loading…</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK_INT(out.items[0].n_paragraphs, 3);
        CHECK(has(&out.items[0], "Traders who had waited"));
        CHECK_STR(out.items[0].title, "Quiet night on the border");
        CHECK(spans_ok(&out.items[0], strlen(page)));
    }
    arena_free(a);
}

/* No site meta: the outlet is read from the <title> tail after the <h1>, and a visible
 * class="by" byline loses its job title. */
static void test_site_from_title_and_plain_byline(void)
{
    static const char page[] =
        "<html><head><title>Quota talks stall \xE2\x80\x93 The Harbour Herald</title></head><body>"
        "<article><h1>Quota talks stall</h1><span class=\"by\">By Lena Holt, Fisheries "
        "Correspondent</span><p>The talks on the northern fishing quotas stalled on Monday after "
        "the two delegations failed to agree on a timetable for the survey of stocks.</p>"
        "<p>Both sides said they would meet again before the end of the month in Skel.</p>"
        "</article></body></html>";
    arena *a = arena_new(0);
    article_list out = {0};
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK_STR(out.items[0].site, "The Harbour Herald");
        CHECK_STR(out.items[0].title, "Quota talks stall");
        CHECK_STR(out.items[0].author, "Lena Holt");
    }
    arena_free(a);
}

/* Page builders cut one text into rows of columns of blocks, each with a paragraph or two: the
 * best block alone is a fraction of the article, so the ancestor the strong blocks share is
 * taken, and the sidebar beside the rows stays out. */
#define BUILDER_ROW(cls, p1, p2)                                                                   \
    "<div class=\"row\"><div class=\"col col-12\"><div class=\"" cls "\"><p>" p1 "</p><p>" p2   \
    "</p></div></div></div>\n"
static void test_split_body(void)
{
    static const char page[] =
        "<html><head><title>Winter sowing</title></head><body><div class=\"site\">"
        "<div class=\"layout\">\n"
        BUILDER_ROW("text-block one", "Sowing in winter sounds odd, but several hardy crops, such "
                    "as broad beans and garlic, do best when they go in before the frost.",
                    "The soil is still warm from autumn, and roots settle before growth stops.")
        BUILDER_ROW("text-block two", "Choose a sheltered bed, clear the weeds, and rake in a "
                    "thin layer of compost, which keeps the surface from crusting in the rain.",
                    "Sow a little deeper than in spring, so that birds and frost miss the seed.")
        BUILDER_ROW("text-block three", "Garlic cloves go in pointed end up, a hand apart, with "
                    "rows about thirty centimetres from each other, and a label at each end.",
                    "Broad beans prefer a double row, which holds them up when the wind blows.")
        BUILDER_ROW("text-block four", "Cover the bed with fleece during the coldest weeks, but "
                    "lift it on mild days, or mould will find the young shoots before you do.",
                    "By March the plants are sturdy, and the first harvest comes weeks early.")
        "</div><div class=\"side-col\"><div class=\"box\"><a href=\"/a\">Seeds</a> <a "
        "href=\"/b\">Tools</a> <a href=\"/c\">Courses</a> <a href=\"/d\">Shop</a></div></div>"
        "</div></body></html>";
    arena *a = arena_new(0);
    article_list out = {0};
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "Sowing in winter sounds odd"));
        CHECK(has(&out.items[0], "Sow a little deeper"));
        CHECK(has(&out.items[0], "Garlic cloves go in"));
        CHECK(has(&out.items[0], "first harvest comes weeks early"));
        CHECK(!has(&out.items[0], "Courses"));
    }
    arena_free(a);
}

/* A <header> left open (its <button> never closed) swallows the page: a chrome tag that holds
 * paragraphs is walked, one that holds a menu is not. And text streamed into a hidden element,
 * to be shown by a script, is found by the last pass when nothing visible reads as text. */
static void test_misnested_and_hidden(void)
{
    static const char open_header[] =
        "<html><body><header class=\"top\"><button class=\"menu-toggle\">Menu<ul><li><a "
        "href=\"/a\">Home</a></li><li><a href=\"/b\">About</a></li></ul>\n"
        "<main><h1>Mending a cracked pot</h1>"
        "<p>A cracked clay pot need not go in the bin: a two-part epoxy closes most cracks, "
        "and the pot will hold soil and water for years afterwards.</p>"
        "<p>Clean the crack with a stiff brush, let it dry for a day, then press the epoxy "
        "in from the inside, where the repair will not show once the pot is filled.</p>"
        "<p>Wrap the pot with string while the epoxy cures, and wait two days before you "
        "plant anything in it, so the joint is as strong as it can be.</p>"
        "<p>A pot mended this way can stand outside through winter, though a frost-proof "
        "glaze on the outside keeps water from working its way back into the old crack.</p>"
        "<p>The same method works for stoneware, but not for pots that hold drinking water.</p>"
        "</main>"
        "</body></html>";
    static const char hidden[] =
        "<html><body><div id=\"shell\"><p>Loading</p></div>"
        "<div hidden id=\"stream-1\"><article><h1>Tuning a bicycle bell</h1>"
        "<p>Most bells ring dull because the striker sits too far from the dome, and a small "
        "turn of the screw underneath brings back the bright note.</p>"
        "<p>Loosen the clamp first, turn the dome a quarter turn, and try it again; repeat "
        "until the striker just touches the rim when pressed.</p></article></div>"
        "<nav hidden><a href=\"/x\">Shop</a></nav></body></html>";
    arena *a = arena_new(0);
    article_list out = {0};
    CHECK_INT(run(a, open_header, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "A cracked clay pot need not go"));
        CHECK(has(&out.items[0], "plant anything in it"));
        CHECK(!has(&out.items[0], "About"));
    }
    /* A <form> of a server framework around the whole page, its text in <div>s. */
    static const char form_page[] =
        "<html><body><form id=\"pageForm\" method=\"post\"><nav><a href=\"/\">Home</a></nav>"
        "<main><div class=\"msg\">The ferry left on time this morning for the first day in "
        "weeks, and the harbour master thanked the crews for their patience.</div>"
        "<div class=\"msg\">Passengers said the crossing was calm, and the cafe on board was "
        "open again after the repairs to its kitchen.</div></main></form></body></html>";
    memset(&out, 0, sizeof out);
    CHECK_INT(run(a, form_page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "The ferry left on time"));
        CHECK(!has(&out.items[0], "Home"));
    }
    memset(&out, 0, sizeof out);
    CHECK_INT(run(a, hidden, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "Most bells ring dull"));
        CHECK(has(&out.items[0], "just touches the rim"));
        CHECK(!has(&out.items[0], "Shop"));
    }
    static const char in_noscript[] =
        "<html><body><div class=\"post-body\"><script>render()</script><noscript>"
        "<p>Most bells ring dull because the striker sits too far from the dome, and a small "
        "turn of the screw underneath brings back the bright note.</p>"
        "<p>Loosen the clamp first, turn the dome a quarter turn, and try it again.</p>"
        "</noscript></div></body></html>";
    memset(&out, 0, sizeof out);
    CHECK_INT(run(a, in_noscript, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) CHECK(has(&out.items[0], "turn the dome a quarter turn"));
    arena_free(a);
}

/* The page yields one article whose published date starts with want (YYYY-MM-DD), or has
 * none when want is NULL; a miss names case i of the `what` table. */
static void check_published(arena *a, const char *page, const char *want, const char *what,
                            size_t i)
{
    article_list out = {0};
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (!out.n) return;
    const char *got = out.items[0].published;
    int ok = want ? got && strncmp(got, want, 10) == 0 : !got;
    CHECK(ok);
    if (!ok) fprintf(stderr, "%s case %zu: got %s\n", what, i, got ? got : "(none)");
}

/* Dates where pages keep them besides the usual places: each page has one signal only. */
static void test_date_signals(void)
{
    static const struct {
        const char *head; /* inside <head> */
        const char *dateline; /* before the body text, inside <article> */
        const char *want;
    } CASES[] = {
        /* a JSON-LD WebPage (no article object) with the date */
        {"<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\","
         "\"datePublished\":\"2022-03-04T05:06:07Z\"}]}</script>",
         "", "2022-03-04"},
        /* a meta name outside the known list that speaks of publishing */
        {"<meta name=\"x-published-stamp\" content=\"2021-07-08\">", "", "2021-07-08"},
        /* a meta name whose last word is date */
        {"<meta name=\"search:date\" content=\"2020-01-02T03:04:05Z\">", "", "2020-01-02"},
        /* a printed date in an element whose class names a date */
        {"", "<div class=\"post-date\">Published on March 5, 2019</div>", "2019-03-05"},
        /* <time> without datetime */
        {"", "<p class=\"info\"><time>12.11.2018</time></p>", "2018-11-12"},
        /* an app's state in an inline script */
        {"<script>window.__STATE__={\"title\":\"x\",\"firstPublishedAt\":"
         "\"2017-06-05T04:03:02.000Z\",\"publisher\":\"2001-01-01\"};</script>",
         "", "2017-06-05"},
        /* a date printed on its own line above the text, in no marked element */
        {"", "<div class=\"x1\"><span class=\"c9\">Nov 21, 2018</span></div>", "2018-11-21"},
        /* ... or after the author's name */
        {"", "<div class=\"x2\"><strong><a href=\"/team/jo\">Jo Lind</a></strong> - "
             "Mar 27, 2024</div>", "2024-03-27"},
        /* a date-named <abbr> whose title holds the machine date */
        {"", "<span class=\"entry-date\"><abbr class=\"published\" title=\"2017-07-23T17:06:45"
             "+0000\">23 July</abbr></span>", "2017-07-23"},
        /* a dateline with the date first and no-break spaces around the separator */
        {"", "<p class=\"x3\"><small>04.02.2022\xC2\xA0| 13:10 | Jo Lind</small></p>",
         "2022-02-04"},
        /* only a modification date: better than nothing */
        {"<meta property=\"article:modified_time\" content=\"2016-02-03T00:00:00Z\">", "",
         "2016-02-03"},
    };
    arena *a = arena_new(0);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char page[4096];
        snprintf(page, sizeof page,
                 "<html><head><title>Notes</title>%s</head><body><article>%s"
                 "<div class=\"content\">" BODY1 "</div></article></body></html>",
                 CASES[i].head, CASES[i].dateline);
        check_published(a, page, CASES[i].want, "date", i);
    }
    arena_free(a);
}

/* Datelines printed outside the <main> that holds the text, with a byline or a label beside
 * them, and JSON-LD dates written for people against the printed date. */
static void test_dates_above_and_template(void)
{
    static const struct {
        const char *head;  /* inside <head> */
        const char *pre;   /* before the page's <h1> */
        const char *above; /* after the <h1>, before <main> */
        const char *line;  /* inside <article>, before the text */
        const char *want;  /* NULL: no date */
    } CASES[] = {
        /* a header above <main>: the date is outside the article's element */
        {"", "", "<div><b>By Ann Berg</b></div><div>Published on July 18, 2025</div>", "",
         "2025-07-18"},
        /* the byline after the date */
        {"", "", "<p>Posted on September 3, 2020 by Ann Berg</p>", "", "2020-09-03"},
        /* a German weekday before the date */
        {"", "", "<p>Erstellt am Dienstag, 6. Mai 2014</p>", "", "2014-05-06"},
        /* a label before its preposition */
        {"", "", "<p>Pressemitteilung vom 25. Januar 2022 | Berlin</p>", "", "2022-01-25"},
        /* a date printed just above the headline */
        {"", "<span>04. November 2021 | Paid content</span>", "", "", "2021-11-04"},
        /* a dateline paragraph kept as the text's first */
        {"", "", "", "<p><em>10.11.2021</em></p>", "2021-11-10"},
        /* a date element with a byline inside ("Erstellt von … am …") */
        {"", "", "", "<p class=\"date\">Erstellt von Jo Lind am Dienstag 6. Mai 2014</p>",
         "2014-05-06"},
        /* a menu's date well above the headline is no dateline */
        {"",
         "<ul><li>March 3, 2001</li><li>Home</li><li>World</li><li>Sport</li><li>Arts</li>"
         "<li>Travel</li></ul>",
         "", "", NULL},
        /* a JSON-LD date written for people yields to the printed one */
        {"<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"datePublished\":"
         "\"Jun 24, 2025\"}</script>",
         "", "", "<p class=\"x9\">January 31, 2024</p>", "2024-01-31"},
        /* a UTC stamp after midnight: the printed date is the outlet's local day */
        {"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
         "\"2022-05-04T02:41:00Z\"}</script>",
         "", "", "<span class=\"date\">May 3, 2022</span>", "2022-05-03"},
        /* ... but a printed date days away is some other date */
        {"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
         "\"2022-05-04T02:41:00Z\"}</script>",
         "", "", "<span class=\"date\">May 1, 2022</span>", "2022-05-04"},
        /* a machine-written one keeps its rank */
        {"<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"datePublished\":"
         "\"2025-06-24T10:00:00Z\"}</script>",
         "", "", "<p class=\"x9\">January 31, 2024</p>", "2025-06-24"},
    };
    arena *a = arena_new(0);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char page[4096];
        snprintf(page, sizeof page,
                 "<html><head><title>Notes</title>%s</head><body>%s<header><h1>Bridge notes</h1>"
                 "%s</header><main><article>%s<div class=\"content\">" BODY1
                 "</div></article></main></body></html>",
                 CASES[i].head, CASES[i].pre, CASES[i].above, CASES[i].line);
        check_published(a, page, CASES[i].want, "date-above", i);
    }
    arena_free(a);
}

/* Dates printed under the text, beside an update, after a dangling separator, kept by a
 * WordPress post object, and slashed dates read by the page's declared English. */
static void test_dates_below_and_order(void)
{
    static const struct {
        const char *lang;  /* <html lang> */
        const char *head;  /* inside <head> */
        const char *line;  /* inside <article>, before the text */
        const char *below; /* inside <article>, after the text */
        const char *want;  /* NULL: no date */
    } CASES[] = {
        /* a byline block under the text */
        {"en", "", "", "<div><p>Written by <a href=\"/a/ann\">Ann Berg</a></p><p>April 8, 2024</p>"
                      "</div>", "2024-04-08"},
        /* a publication label under the text, then the last edit's */
        {"en", "", "", "<div><strong>(Re)Published:</strong><br>May 25, 2025</div><div><strong>"
                      "Last edit:</strong><br>November 18, 2025</div>", "2025-05-25"},
        /* related stories under a heading carry dates of their own */
        {"en", "", "", "<h2>Related posts</h2><p>By Jo Lind</p><p>March 3, 2001</p>", NULL},
        /* a reader's comment keeps its own datePublished */
        {"en", "", "", "<div class=\"comment-meta\"><time itemprop=\"datePublished\" "
                      "datetime=\"2019-01-01T10:00:00Z\">reply</time></div>", NULL},
        /* a separator left dangling before a line break and a byline */
        {"en", "", "<h4>December 11, 2023 -\nWords by&nbsp;\nThe Team - <span>7 min</span> read"
                   "</h4>", "", "2023-12-11"},
        /* the date, then the update's in the same element */
        {"en", "", "<p class=\"date\">December 3, 2025. <i>Updated: December 7, 2025</i></p>", "",
         "2025-12-03"},
        /* a WordPress post object in a script */
        {"en", "<script>var post={\"id\":5,\"date\":\"2024-04-09T06:59:34\",\"date_gmt\":"
               "\"2024-04-09T06:59:34\",\"slug\":\"x\",\"status\":\"publish\"};</script>", "", "",
         "2024-04-09"},
        /* slashed dates: month first in English, day first in British English and elsewhere */
        {"en", "", "<span class=\"time\">3/4/2025</span>", "", "2025-03-04"},
        {"en-US", "", "<span class=\"time\">3/4/2025</span>", "", "2025-03-04"},
        {"en-GB", "", "<span class=\"time\">3/4/2025</span>", "", "2025-04-03"},
        {"en", "<meta property=\"og:locale\" content=\"en_GB\">",
         "<span class=\"time\">3/4/2025</span>", "", "2025-04-03"},
        {"fr", "", "<span class=\"time\">3/4/2025</span>", "", "2025-04-03"},
        {"en", "", "<span class=\"time\">3.4.2025</span>", "", "2025-04-03"},
        {"en", "", "<span class=\"time\">13/4/2025</span>", "", "2025-04-13"},
    };
    arena *a = arena_new(0);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char page[4096];
        snprintf(page, sizeof page,
                 "<html lang=\"%s\"><head><title>Notes</title>%s</head><body><main><article>"
                 "<h1>Bridge notes</h1>%s<div class=\"content\">" BODY1 "</div>%s</article>"
                 "</main></body></html>",
                 CASES[i].lang, CASES[i].head, CASES[i].line, CASES[i].below);
        check_published(a, page, CASES[i].want, "date-below", i);
    }
    arena_free(a);
}

/* "hidden" that qualifies another word hides nothing: a CMS's field whose label is hidden
 * ("field-label-hidden") holds the standfirst, a clipped box ("overflow-hidden") the text. */
static void test_label_hidden_field(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><article class=\"node\">"
        "<h1>The harbour bridge will close</h1>"
        "<div class=\"field field-name-intro field-label-hidden\"><p>Did you know the old "
        "bridge carries twelve thousand cars a day? Here is what its closing means for you.</p>"
        "</div><div class=\"field field-name-body field-label-hidden overflow-hidden\">" BODY1
        "<p>The report says the piers were last inspected in detail more than twenty years ago, "
        "when the bridge carried half the traffic it carries now.</p>"
        "<p>Engineers want divers to look at the foundations before any decision on repairs is "
        "taken, which could add a month to the work.</p></div></article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK(has(&out.items[0], "twelve thousand cars a day?"));
        CHECK(has(&out.items[0], "harbour bridge"));
    }
    arena_free(a);
}

/* An excerpt heading left open puts the whole body inside an <h2>: the body is still read as
 * paragraphs. */
static void test_unclosed_heading(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><main>"
        "<h1>The harbour bridge will close</h1>"
        "<h2 class=\"excerpt\">Cracks were found in three of its piers"
        "<div class=\"meta\">Published: 2 May 2023</div>"
        "<div class=\"body\">" BODY1 "</div></main></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK(has(&out.items[0], "engineers call unsafe"));
        CHECK(has(&out.items[0], "would begin next year"));
        CHECK(out.items[0].n_paragraphs >= 4);
    }
    arena_free(a);
}

/* Prose between the headline and the body is the standfirst even with no name saying so; a
 * kicker heading there is not. */
static void test_unnamed_standfirst(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><article>"
        "<h1>The harbour bridge will close</h1><div class=\"x7\"><h2>City news</h2><p>Cracks "
        "in three piers leave the council no choice, and drivers face a longer way round for "
        "months while the repairs go on.</p>"
        "</div><div class=\"x9\"><span>Posted on</span> <span>Nov 21, 2018</span></div>"
        "<div class=\"x8\">" BODY1
        "<p>The report says the piers were last inspected in detail more than twenty years ago, "
        "when the bridge carried half the traffic it carries "
        "now.</p></div></article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK(strncmp(out.items[0].text, "Cracks in three piers", 21) == 0);
        CHECK_STR(out.items[0].published, "2018-11-21"); /* the dateline under the standfirst */
        CHECK(!has(&out.items[0], "City news"));
        CHECK(has(&out.items[0], "harbour bridge, citing"));
    }
    arena_free(a);
}

/* An <article> around the body alone: the standfirst beside the headline, outside it, in the
 * <main> that holds both, still opens the text. */
static void test_lede_outside_body_article(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><main><div class=\"head\">"
        "<h1>The harbour bridge will close</h1><p class=\"lead\">Cracks in three piers leave "
        "the council no choice, and drivers face a longer way round for months.</p></div>"
        "<article class=\"articleBody\">" BODY1
        "<p>The report says the piers were last inspected in detail more than twenty years ago, "
        "when the bridge carried half the traffic it carries now.</p></article>"
        "</main></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK(strncmp(out.items[0].text, "Cracks in three piers", 21) == 0);
        CHECK(has(&out.items[0], "harbour bridge, citing"));
    }
    arena_free(a);
}

/* A dateline printed as a short paragraph among the body's own is read even when it is kept as
 * the text's first paragraph. */
static void test_dateline_first_paragraph(void)
{
    const char *page = "<html><head><title>Bridge</title></head><body><div id=\"c\">"
                       "<h1>The harbour bridge will close</h1><p><em>10.11.2021</em></p>" BODY1
                       "</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) CHECK_STR(out.items[0].published, "2021-11-10");
    arena_free(a);
}

/* The date printed nearest above the text wins over the first date in <main> (a list of other
 * stories above the headline); in a byline block the publication date wins over the update's,
 * printed after it or before it with a label. */
static void test_date_nearest_text(void)
{
    const char *pages[] = {
        "<html><head><title>Bridge</title></head><body><main><ul class=\"x1\">"
        "<li><a href=\"/a\">Ferry fares rise</a> <span>Mar 13, 2026</span></li>"
        "<li><a href=\"/b\">Port strike ends</a> <span>Mar 12, 2026</span></li></ul>"
        "<h1>The harbour bridge will close</h1><div class=\"x2\"><a href=\"/m\">Marta Olsen"
        "</a> <span>October 24, 2024</span></div><div class=\"x3\">" BODY1 "</div>"
        "</main></body></html>",
        "<html><head><title>Bridge</title></head><body><main>"
        "<h1>The harbour bridge will close</h1><div class=\"x2\"><span>Nov 21, 2018</span> "
        "<span>Dec 10, 2025</span></div><div class=\"x3\">" BODY1 "</div>"
        "</main></body></html>",
        "<html><head><title>Bridge</title></head><body><main>"
        "<h1>The harbour bridge will close</h1><div class=\"x2\"><p><span>Last updated on:"
        "</span> <span>November 29, 2025</span></p><p><span>Posted:</span> <span>October 24, "
        "2024</span></p></div><div class=\"x3\">" BODY1 "</div></main></body></html>"};
    const char *want[] = {"2024-10-24", "2018-11-21", "2024-10-24"};
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        arena *a = arena_new(0);
        article_list out;
        CHECK_INT(run(a, pages[i], NULL, &out), DOSSIER_OK);
        CHECK_INT(out.n, 1);
        if (out.n) CHECK_STR(out.items[0].published, want[i]);
        arena_free(a);
    }
}

/* Subheadings whose anchor id, made from their words, holds a chrome word stay in the text. */
static void test_heading_anchor_ids(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>" BODY1
        "<h2 id=\"nav-share-of-traffic-on-the-ring-road\">Share of traffic on the ring road</h2>"
        "<p>The ring road already carries most of the freight that crosses the city, and the "
        "council expects queues at its two busiest junctions every weekday morning.</p>"
        "<h3 id=\"comments-from-the-harbour-office\">What the harbour office says</h3>"
        "<p>The harbour office asked for a ferry to run every twenty minutes during the works, "
        "and the council said it would consider the request next month.</p>"
        "</article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK(has(&out.items[0], "Share of traffic on the ring road"));
        CHECK(has(&out.items[0], "What the harbour office says"));
    }
    arena_free(a);
}

/* Image credits, a blog engine's share and comment lines and a feedback prompt inside the text
 * are not text. */
static void test_credit_and_share_lines(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>"
        "<p>Credit: Jo Lind / Harbour Agency</p>" BODY1
        "<p>Titelbild: Jo Lind</p><p>War der Artikel hilfreich?</p><p>Artikel bewerten</p>"
        "<p>Teilen Sie dies mit:</p>"
        "<p>Kommentare geschlossen.</p>"
        "</article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK(has(&out.items[0], "harbour bridge, citing"));
        CHECK(!has(&out.items[0], "Credit:"));
        CHECK(!has(&out.items[0], "Titelbild"));
        CHECK(!has(&out.items[0], "War der Artikel"));
        CHECK(!has(&out.items[0], "Artikel bewerten"));
        CHECK(!has(&out.items[0], "Teilen Sie"));
        CHECK(!has(&out.items[0], "Kommentare geschlossen"));
    }
    arena_free(a);
}

/* A short post: section titles left at its very end and a "loading" line are not text. */
static void test_short_post_trailing_markers(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1><div class=\"e\">"
        "<p>The old harbour bridge closed on Tuesday after engineers found cracks in three of its "
        "five piers.</p><p>Ferries will run every twenty minutes until the repairs are done, the "
        "council said.</p><p>Wird geladen \xE2\x80\xA6</p><h3>\xC3\x84hnliche Beitr\xC3\xA4ge"
        "</h3><h3>Kommentar verfassen</h3></div></article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK(has(&out.items[0], "twenty minutes"));
        CHECK(!has(&out.items[0], "Wird geladen"));
        CHECK(!has(&out.items[0], "Beitr\xC3\xA4ge"));
        CHECK(!has(&out.items[0], "Kommentar verfassen"));
    }
    arena_free(a);
}

/* Further-reading boxes after the text end it, in the languages of the markers. */
static void test_further_reading_markers(void)
{
    static const char *const MARKERS[] = {"Zum Weiterlesen",
                                          "Mehr zu Br\xC3\xBC"
                                          "cken",
                                          "Schon gelesen?",
                                          "Temas relacionados",
                                          "NOTAS RELACIONADAS",
                                          "Mehr Themen:",
                                          "Vorschau auf den n\xC3\xA4"
                                          "chsten Artikel",
                                          "Teilnehmende Blogs:"};
    arena *a = arena_new(0);
    for (size_t i = 0; i < sizeof MARKERS / sizeof MARKERS[0]; i++) {
        char page[4096];
        snprintf(page, sizeof page,
                 "<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>"
                 "<div class=\"e\">" BODY1 "<h3>%s</h3><p>Ferry fares rise again as the works "
                 "begin on the old bridge, and the harbour office warns of long queues.</p>"
                 "</div></article></body></html>",
                 MARKERS[i]);
        article_list out = {0};
        CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
        CHECK_INT(out.n, 1);
        if (out.n) {
            CHECK(has(&out.items[0], "harbour bridge, citing"));
            CHECK(!has(&out.items[0], "Ferry fares"));
            if (has(&out.items[0], "Ferry fares")) fprintf(stderr, "marker %zu kept\n", i);
        }
    }
    arena_free(a);
}

/* Invisible marks stay out of the text: soft hyphens inside words and ruby readings over
 * characters. */
static void test_soft_hyphen_and_ruby(void)
{
    const char *page =
        "<html><head><title>Notes</title></head><body><article>"
        "<p>Im Mit&shy;tel&shy;al&shy;ter war der Wein aus den H\xC3\xA4ngen \xC3\xBC""ber der "
        "Stadt das Aus\xC2\xADhänge\xC2\xADschild der ganzen Region und weit dar\xC3\xBC""ber "
        "hinaus bekannt.</p>"
        "<p><ruby>\xE6\xB3\x95<rp>(</rp><rt>\xE3\x81\xBB\xE3\x81\x86</rt><rp>)</rp></ruby>"
        "\xE5\xBE\x8B\xE3\x81\x8C\xE3\x81\xA7\xE3\x81\x8D\xE3\x81\xBE\xE3\x81\x97"
        "\xE3\x81\x9F\xE3\x80\x82 Die Stadt hat das neue Gesetz am Montag beschlossen, und es "
        "gilt ab dem kommenden Jahr f\xC3\xBC""r alle Betriebe.</p>" BODY1
        "</article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        const article *art = &out.items[0];
        CHECK(has(art, "Im Mittelalter war"));
        CHECK(has(art, "das Aush\xC3\xA4ngeschild der"));
        CHECK(has(art, "\xE6\xB3\x95\xE5\xBE\x8B\xE3\x81\x8C")); /* no reading, no brackets */
    }
    arena_free(a);
}

/* Two <article> cards side by side in a column are not glued articles when the page's own,
 * longer article sits elsewhere: the page yields that one. */
static void test_side_cards_not_glued(void)
{
#define CARD(t)                                                                                    \
    "<article class=\"card\"><h3>" t "</h3><p>A short summary of another story that is long "     \
    "enough, with a comma, to read as a paragraph of text.</p><p>Another line of the summary, "    \
    "also long enough to count as prose for the card, and then some more words.</p><p>And a "     \
    "third line of the summary, so that the card holds three paragraphs of text in all.</p>"    \
    "<p>A fourth line of the summary follows, because some cards run long on busy pages.</p>"  \
    "</article>"
    const char *page = "<html><head><title>One story</title></head><body><main>"
                       "<div class=\"left\"><article><h1>Harbour bridge closed</h1>"
                       "<div class=\"story\">" BODY1 BODY2 "</div></article></div>"
                       "<div class=\"right\">" CARD("Other story one") CARD("Other story two")
                       "</div></main></body></html>";
#undef CARD
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "harbour bridge"));
        CHECK(has(&out.items[0], "fishing fleet"));
        CHECK(!has(&out.items[0], "summary of another story"));
    }
    arena_free(a);
}

/* A data table in the article (short cells, no nesting) is content: each row becomes one
 * paragraph with its cells side by side. */
static void test_data_table_rows(void)
{
    const char *page =
        "<html><head><title>Club standings</title></head><body><article><h1>Standings</h1>"
        "<div class=\"text\"><p>The autumn league ended on Sunday, and the table below shows "
        "the final points of the six clubs, with wins and draws, after the last round.</p>"
        "<p>The top two clubs go through to the regional cup, which starts in March.</p>"
        "<table><tr><th>Pos</th><th>Club</th><th>Points</th></tr>"
        "<tr><td>1</td><td>North Harbour</td><td>31</td></tr>"
        "<tr><td>2</td><td><b>Old Quay</b></td><td>27</td></tr>"
        "<tr><td>3</td><td>Millbrook</td><td>22</td></tr></table>"
        "<p>The spring league draw will be made at the clubhouse next month.</p></div>"
        "</article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "Pos Club Points"));
        CHECK(has(&out.items[0], "\n\n1 North Harbour 31\n\n"));
        CHECK(has(&out.items[0], "2 Old Quay 27"));
        CHECK(has(&out.items[0], "spring league draw"));
        CHECK(spans_ok(&out.items[0], strlen(page)));
    }
    arena_free(a);
}

/* A strong chrome word on the element that holds the whole article (a script hook such as
 * "js-advertorial") does not drop it; reader comments, however long, stay out. */
static void test_strong_name_on_article(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><div class=\"page\">"
        "<p class=\"lede\">A standfirst that sums up the story in one long sentence, long enough "
        "on its own to pass for a short article, about bridges, ferries and the harbour, and "
        "then a second clause that makes it longer still, as standfirsts sometimes are.</p>"
        "<div class=\"story js-advertorial-slot\">" BODY1 BODY2
        "<p>Engineers will inspect the two other bridges of the town next month, starting with "
        "the railway crossing, which carries most of the freight to the port.</p>"
        "<p>Their report is due before the summer, and the council has promised to publish it "
        "in full, along with the costs of any repairs it recommends.</p>"
        "<p>Until then, lorries over twelve tonnes must use the ring road, and the police will "
        "check the weight of any that try to take the old route.</p>"
        "<p>Buses keep their usual timetable, though the council warns that the first weeks "
        "will be slower while drivers learn the new route through the northern estates.</p>"
        "<p>Cyclists and walkers may still cross on the narrow footway.</p></div>"
        "<div class=\"comments\"><p>I drove over that bridge every day for twenty years, and "
        "I never once felt unsafe, so I wonder what the engineers actually found.</p>"
        "<p>The council should have spent the money on the ferry instead, which has been "
        "running late all summer and nobody seems to care about it at all.</p>"
        "<p>Another long comment that goes on about the harbour, the bridge and the council, "
        "with many words and commas, as comments do, for quite a while.</p>"
        "<p>And one more comment, because the section is long, about traffic in town, the "
        "ring road, and the ten minutes that will surely be twenty by spring.</p>"
        "<p>The last comment says the repairs will cost twice as much in the end, as they "
        "always do, and that the work will not start until the year after next.</p></div>"
        "</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "harbour bridge"));
        CHECK(has(&out.items[0], "fishing fleet"));
        CHECK(!has(&out.items[0], "every day for twenty years"));
    }
    arena_free(a);
}

/* A section titled like the tail of an article ("Related stories", "Comments") ends the text
 * inside the article's container: to the end of its box when it is boxed in the middle, to the
 * end when the list is flat. */
static void test_end_markers(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><article><div class=\"text\">" BODY1
        "<div class=\"box\"><h3>Related stories</h3><p>Ferry fares rise again, and the "
        "operators say fuel costs are to blame for the increase.</p></div>" BODY2
        "<h2>You might also like</h2><p>Harbour festival draws crowds to the waterfront, with "
        "music, food stalls and boat trips for the families.</p>"
        "<p>New cycle lanes open along the river, linking the old town to the station.</p>"
        "</div></article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "harbour bridge"));
        CHECK(has(&out.items[0], "announce a deal by Friday"));
        CHECK(!has(&out.items[0], "Ferry fares rise"));
        CHECK(!has(&out.items[0], "festival"));
        CHECK(!has(&out.items[0], "cycle lanes"));
    }
    arena_free(a);
}

/* A weak chrome name ("with-sidebar") on the wrapper of the text does not drop it when its
 * paragraphs hold their words inside <span>s. */
static void test_weak_name_span_paragraphs(void)
{
    const char *page =
        "<html><head><title>Bakery</title></head><body>"
        "<div class=\"intro\"><p>A short introduction that stands apart from the story, long "
        "enough to be taken for an article on its own, about bread, ovens and early mornings "
        "in the old market, where the stalls open before dawn and close by noon, and where the "
        "bakers know every customer by name and by the loaf they buy.</p></div>"
        "<div class=\"container-with-sidebar\">"
        "<p><span>The bakery on the corner opened its doors at five every morning for forty "
        "years, and the queue for its rye loaves reached the tram stop on Saturdays.</span></p>"
        "<p><span>The owners, a brother and a sister, never changed the recipe, which came "
        "from their grandmother's notebook, written in pencil and now kept in a drawer.</span>"
        "</p><p><span>When they retired last spring, a former apprentice took over the ovens, "
        "and she promises that the rye will taste exactly as it always has.</span></p>"
        "<p><span>The shop will close for two weeks in August, when the ovens are relined, "
        "and reopen with the same opening hours as before.</span></p>"
        "<p><span>Orders for the holidays can be placed at the counter from November.</span>"
        "</p></div>"
        "</body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "grandmother's notebook"));
        CHECK(has(&out.items[0], "ovens are relined"));
    }
    arena_free(a);
}

/* A guide in many sections, one wrapper each, none scoring near the best: the body widens to
 * the parent while what it adds is prose; cards wrapped whole in links (teasers) are not. */
#define GUIDE_SECTION(h, paras)                                                                    \
    "<section class=\"module\"><div class=\"inner\"><h2>" h "</h2><div class=\"copy\">" paras  \
    "</div></div></section>"
static void test_widen_to_sections(void)
{
    const char *page =
        "<html><head><title>Guide</title></head><body><div class=\"page\">"
        "<div class=\"guide\">"
        GUIDE_SECTION("Why it matters", "<p>Rainwater that runs off a roof can fill a barrel in "
                      "a single storm, and that water is free, soft and good for the garden.</p>"
                      "<p>A barrel also takes pressure off the drains in heavy rain, which towns "
                      "with old sewers will thank you for, and it costs little to set up.</p>"
                      "<p>Plants prefer it to tap water, which is cold and, in many places, hard, "
                      "and a full barrel lasts a small garden through a dry fortnight.</p>"
                      "<p>Children like it too, and a barrel with a lid is safe around them, as "
                      "long as the lid is locked and the tap is out of their reach.</p>")
        GUIDE_SECTION("Choosing a barrel", "<p>Pick a barrel with a tight lid, a tap near the "
                      "bottom and an overflow pipe, and choose a dark colour to stop algae.</p>")
        GUIDE_SECTION("Fitting it", "<p>Set the barrel on blocks so a watering can fits under "
                      "the tap, and cut the downpipe at the height of the diverter kit.</p>")
        GUIDE_SECTION("In winter", "<p>Empty the barrel before the first hard frost, or leave it "
                      "a third empty so that the ice has room to grow without splitting it.</p>")
        "</div><div class=\"more\">"
        "<a href=\"/a\" class=\"card\"><h3>Building a compost bin</h3><p>Four pallets, a few "
        "screws and an afternoon are all you need for a bin that lasts for years.</p></a>"
        "<a href=\"/b\" class=\"card\"><h3>Mulching in spring</h3><p>A layer of mulch keeps the "
        "soil moist, keeps the weeds down and feeds the worms through the summer.</p></a>"
        "<a href=\"/c\" class=\"card\"><h3>Saving seed</h3><p>Tomato seed saved from this year's "
        "best plants will give you next year's crop for nothing but a little patience.</p></a>"
        "</div></div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "fill a barrel in a single storm"));
        CHECK(has(&out.items[0], "Pick a barrel with a tight lid"));
        CHECK(has(&out.items[0], "Set the barrel on blocks"));
        CHECK(has(&out.items[0], "Empty the barrel before"));
        CHECK(!has(&out.items[0], "Four pallets"));
        CHECK(!has(&out.items[0], "keeps the weeds down"));
    }
    arena_free(a);
}

/* The standfirst in the article's header (class "standfirst", "intro", "dek" ...) opens the
 * text, once, even when the page prints it twice; a byline there does not. */
static void test_standfirst(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><article><header><h1>Council closes "
        "harbour bridge</h1><p class=\"article-standfirst\">Engineers found cracks in three of "
        "the five piers, and the council acted within a week of their report.</p>"
        "<p class=\"article-standfirst mobile\">Engineers found cracks in three of "
        "the five piers, and the council acted within a week of their report.</p>"
        "<p class=\"byline\">By Marta Olsen, harbour correspondent, in the town hall</p>"
        "</header><div class=\"article-body\">" BODY1 "</div></article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        const char *t = out.items[0].text;
        CHECK(t && strncmp(t, "Engineers found cracks", 22) == 0);
        CHECK(t && strstr(t + 1, "Engineers found cracks") == NULL);
        CHECK(has(&out.items[0], "harbour bridge, citing a report"));
        CHECK(!has(&out.items[0], "harbour correspondent"));
    }
    /* A <header> named for the text ("entry-header") outside any <article> is no masthead. */
    const char *entry_header =
        "<html><body><header class=\"site-header\"><a href=\"/\">Harbour Times</a></header>"
        "<div class=\"wrap\"><header class=\"entry-header\"><h1>Bridge shut</h1>"
        "<div class=\"entry-excerpt\"><p>Engineers found cracks in three of the five piers, "
        "and the council acted within a week of their report.</p></div></header>"
        "<div class=\"entry-content\">" BODY1 "</div></div></body></html>";
    memset(&out, 0, sizeof out);
    CHECK_INT(run(a, entry_header, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(out.items[0].text && strncmp(out.items[0].text, "Engineers found cracks", 22) == 0);
        CHECK(!has(&out.items[0], "Harbour Times"));
    }
    arena_free(a);
}

/* Post metadata, utility lines and next/previous links under a post are chrome. */
static void test_post_utility_chrome(void)
{
    const char *page =
        "<html><head><title>Bridge</title></head><body><div class=\"post\">"
        "<div class=\"entry\">" BODY1 "</div>"
        "<div class=\"entry-utility\">This entry was filed in the harbour section by the "
        "desk on a Tuesday evening after the vote.</div>"
        "<div class=\"postmetadata\">Written on Tuesday by the harbour desk, with thanks to "
        "the readers who sent photographs.</div>"
        "<div class=\"nav-next\">Next story: the ferry operator answers questions about its "
        "late sailings last summer.</div></div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK(has(&out.items[0], "harbour bridge"));
        CHECK(!has(&out.items[0], "filed in the harbour section"));
        CHECK(!has(&out.items[0], "sent photographs"));
        CHECK(!has(&out.items[0], "late sailings"));
    }
    arena_free(a);
}

/* Titles: a page's only <h1> is the headline as printed (the social title is rewritten for
 * sharing); references escaped twice in meta values are decoded; with two <h1>s (a logo and a
 * headline) the declared title stands. */
static void test_title_choice(void)
{
    const char *one_h1 =
        "<html><head><title>Q&amp;amp;A: bridge | Harbour Times</title>"
        "<meta property=\"og:title\" content=\"Bridge Q&amp;amp;A &amp;#8211; what we know\">"
        "</head><body><article><h1>Questions and answers on the bridge closure</h1>"
        "<div class=\"text\">" BODY1 "</div></article></body></html>";
    const char *two_h1 =
        "<html><head><meta property=\"og:title\" content=\"Caf&amp;eacute; owners &amp;#8211; "
        "the bridge\"></head><body><h1>Harbour Times</h1><article><h1>Owners count losses</h1>"
        "<div class=\"text\">" BODY1 "</div></article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, one_h1, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) CHECK_STR(out.items[0].title, "Questions and answers on the bridge closure");
    memset(&out, 0, sizeof out);
    CHECK_INT(run(a, two_h1, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) CHECK_STR(out.items[0].title, "Caf\xC3\xA9 owners \xE2\x80\x93 the bridge");
    arena_free(a);
}

/* Authors: an outlet named as the author gives way to the printed byline, "Author" and
 * "Posted by" lead words go, and "Last updated" after the name is cut. */
static void test_author_cleanup(void)
{
    const char *page =
        "<html><head><meta property=\"og:site_name\" content=\"Harbour Times\">"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Bridge\","
        "\"author\":{\"@type\":\"Organization\",\"name\":\"Harbour Times\"}}</script></head>"
        "<body><article><h1>Bridge shut</h1><div class=\"byline\">Author Marta Olsen Last "
        "updated May 2</div><div class=\"text\">" BODY1 "</div></article></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) CHECK_STR(out.items[0].author, "Marta Olsen");
    arena_free(a);
}

/* More bylines: a site's own meta name for the writer, labels with a colon and no-break
 * spaces, a "By" label before the linked name, and a meta author that is the outlet. */
static void test_author_labels(void)
{
    static const struct {
        const char *head, *line, *want;
    } CASES[] = {
        {"<meta name=\"site_author\" content=\"Rui Costa\">", "", "Rui Costa"},
        {"", "<div class=\"byline\">Written by: Ines Lund</div>", "Ines Lund"},
        {"", "<p class=\"author\">Author:\xC2\xA0 Ola Berg</p>", "Ola Berg"},
        {"", "<div class=\"meta\">By <a href=\"/team/ken\">Ken Ito</a><br></div>", "Ken Ito"},
        {"<meta property=\"og:site_name\" content=\"Harbour Times\"><meta name=\"author\" "
         "content=\"Harbour Times\">",
         "<span class=\"byline\">Mia Dahl</span>", "Mia Dahl"},
    };
    arena *a = arena_new(0);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char page[4096];
        snprintf(page, sizeof page,
                 "<html><head><title>Bridge</title>%s</head><body><article><h1>Bridge shut</h1>"
                 "%s<div class=\"text\">" BODY1 "</div></article></body></html>",
                 CASES[i].head, CASES[i].line);
        article_list out = {0};
        CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
        CHECK_INT(out.n, 1);
        if (out.n == 1) {
            const char *got = out.items[0].author;
            int ok = got && strcmp(got, CASES[i].want) == 0;
            CHECK(ok);
            if (!ok) fprintf(stderr, "author case %zu: got %s\n", i, got ? got : "(none)");
        }
    }
    arena_free(a);
}

/* An articleBody that holds the body's HTML, escaped: its text is used, tags gone, block tags
 * ending paragraphs, references decoded. */
static void test_ld_body_markup(void)
{
    const char *page =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Quiet night\",\"articleBody\":\"&lt;p&gt;The night passed without "
        "incident at the northern crossing, officials said on Sunday, after a week of tension "
        "that had closed two checkpoints.&lt;/p&gt;&lt;div class=&quot;img&quot;&gt;&lt;img "
        "src=&quot;x.jpg&quot;&gt;&lt;/div&gt;&lt;p&gt;Traders &amp;amp; drivers who had waited "
        "for days were allowed through in the morning, and queues began to shrink.&lt;/p&gt;"
        "&lt;script&gt;track();&lt;/script&gt;&lt;p&gt;The two governments meet again on "
        "Thursday to discuss the reopening of the remaining crossings, and both sides say "
        "they expect an agreement.&lt;/p&gt;\"}</script></head>"
        "<body><div id=\"app\">Loading</div></body></html>";
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n) {
        CHECK_INT(out.items[0].n_paragraphs, 3);
        CHECK(has(&out.items[0], "Traders & drivers who had waited"));
        CHECK(!has(&out.items[0], "<"));
        CHECK(!has(&out.items[0], "&lt;"));
        CHECK(!has(&out.items[0], "track()"));
    }
    arena_free(a);
}

/* ---- the libxml2 allocator hooks ---- */

/* A page whose tree is several MB: chunks beyond the first, long texts grown by realloc. */
static char *big_page(size_t *len)
{
    size_t cap = 8u << 20, n = 0;
    char *s = malloc(cap);
    if (!s) return NULL;
    n += (size_t)sprintf(s + n, "<html><head><title>Big</title><script>var x = [");
    for (int i = 0; i < 40000; i++) n += (size_t)sprintf(s + n, "%d, ", i);
    n += (size_t)sprintf(s + n, "];</script></head><body><article>");
    for (int i = 0; i < 4000; i++)
        n += (size_t)sprintf(s + n,
                             "<div class=\"c%d\"><p>Paragraph %d of the long article, with words "
                             "enough to count as prose in the main content.</p></div>\n",
                             i, i);
    n += (size_t)sprintf(s + n, "</article></body></html>");
    *len = n;
    return s;
}

typedef struct {
    const char *html;
    size_t len;
    size_t text_len; /* out */
    int ok;          /* out */
} page_job;

static void *extract_many(void *p)
{
    page_job *j = p;
    j->ok = 1;
    for (int round = 0; round < 3; round++) {
        arena *a = arena_new(0);
        article_list out;
        memset(&out, 0, sizeof out);
        extract_hints h = {"https://example.org/big", NULL, NULL, NULL, 0};
        if (!a || extract_from_html(a, j->html, j->len, &h, &out) != DOSSIER_OK || out.n != 1)
            j->ok = 0;
        else if (round == 0)
            j->text_len = out.items[0].text_len;
        else if (out.items[0].text_len != j->text_len)
            j->ok = 0;
        arena_free(a);
    }
    return NULL;
}

/* The program's own libxml2 memory, from before the first page and from other threads, frees
 * as always; pages parsed on several threads at once agree with each other. Runs first, before
 * any other test has installed the hooks. */
static void test_xml_allocator_shared(void)
{
    xmlChar *before = xmlStrdup((const xmlChar *)"allocated before dossier's first page");
    const char *own = "<html><body><p>The program's own page.</p></body></html>";
    htmlDocPtr own_doc = htmlReadMemory(own, (int)strlen(own), NULL, "UTF-8",
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    CHECK(own_doc != NULL);

    size_t len = 0;
    char *page = big_page(&len);
    CHECK(page != NULL);
    if (!page) return;
    page_job jobs[3] = {{page, len, 0, 0}, {page, len, 0, 0}, {page, len, 0, 0}};
    pthread_t th[2];
    int started[2];
    for (int i = 0; i < 2; i++) started[i] = pthread_create(&th[i], NULL, extract_many, &jobs[i]) == 0;
    extract_many(&jobs[2]);
    /* Meanwhile this thread's allocations outside a parse stay ordinary heap blocks. */
    xmlChar *during = xmlStrdup((const xmlChar *)"allocated while other threads parse");
    for (int i = 0; i < 2; i++)
        if (started[i]) pthread_join(th[i], NULL);
    for (int i = 0; i < 3; i++) {
        CHECK(jobs[i].ok);
        CHECK(jobs[i].text_len > 100000);
        CHECK_INT(jobs[i].text_len, jobs[2].text_len);
    }

    /* A broken page leaves no error behind that points into dropped memory. */
    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, "<html><body><p>Broken <b><i>nesting</b></i> &bogus; <<<</p>", NULL, &out),
              DOSSIER_OK);
    arena_free(a);
    const xmlError *e = xmlGetLastError();
    CHECK(e == NULL || e->message == NULL || strlen(e->message) < 4096);

    CHECK_STR((const char *)before, "allocated before dossier's first page");
    xmlFree(before);
    xmlFree(during);
    xmlFreeDoc(own_doc);
    htmlDocPtr after = htmlReadMemory(own, (int)strlen(own), NULL, "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    CHECK(after != NULL);
    xmlFreeDoc(after);
    free(page);
}

/* Appends n bytes of script filler over several lines: code with "</div>" and "<p>" in strings,
 * which a raw-text body may hold. */
static size_t filler(char *s, size_t n)
{
    static const char line[] = "  var el = \"</div><p>not markup</p>\"; counter += 1; // x\n";
    size_t k = 0;
    while (k + sizeof line - 1 <= n) {
        memcpy(s + k, line, sizeof line - 1);
        k += sizeof line - 1;
    }
    return k;
}

/* Inline <svg> bodies are skipped in the parse (html_rawtext.c): the paragraphs after them
 * keep their text and their source bytes, whether the skip applied (SVG's own elements,
 * comments, white space before </svg>) or not (an HTML tag inside, an <svg> never closed). */
static void test_inline_svg(void)
{
    /* On the libxml2 the skips were written for, both must pass their probes. */
    int ver = atoi(xmlParserVersion);
    if (ver >= 20900 && ver < 21200) {
        arena *a0 = arena_new(0);
        article_list o0;
        CHECK_INT(run(a0, "<html><body><p>x</p></body></html>", NULL, &o0), DOSSIER_OK);
        arena_free(a0);
        CHECK_INT(html_rawtext_active(), 3);
    }
    static const char *const SVGS[] = {
        "<svg viewBox=\"0 0 24 24\"><!-- icon <b> -->\n<defs><linearGradient id=\"g\"><stop "
        "offset=\"0\"/></linearGradient></defs>\n<g><path d=\"M1 1L2 2\"></path><circle r=\"3\"/>"
        "<svg x=\"1\"><rect width=\"2\"/></svg></g>\n<text>\nThe city council\n</text>"
        "<g/>\n  </svg>\n",
        "<svg><g><div>odd</div></g></svg>\n",
        "<svg><title>Logo</title><path d=\"M0 0\"/>\n",
        "<svg>text at the end</svg>\n",
    };
    for (size_t v = 0; v < sizeof SVGS / sizeof SVGS[0]; v++) {
        static char page[8192];
        size_t n = (size_t)sprintf(page, "<html><head><title>Bridge</title></head><body>\n"
                                         "<header>%s</header>\n<article>\n%s",
                                   SVGS[v], SVGS[0]);
        size_t first_p = n;
        n += (size_t)sprintf(page + n, "%s</article>\n</body></html>\n", BODY1);
        arena *a = arena_new(0);
        article_list out;
        CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
        CHECK(out.n >= 1);
        if (out.n >= 1) {
            const article *art = &out.items[0];
            CHECK(has(art, "The city council voted on Tuesday"));
            CHECK(has(art, "would begin next year"));
            CHECK(!has(art, "icon") && !has(art, "Logo"));
            CHECK(spans_ok(art, n));
            if (art->n_paragraphs > 0 && v != 2) CHECK_INT(art->sources[0].start, first_p);
            if (art->n_paragraphs > 0)
                CHECK(!memcmp(page + art->sources[0].start, "<p>The city council", 19));
        }
        arena_free(a);
    }
}

/* Long <script> and <style> bodies are skipped in the parse (html_rawtext.c): the tree after
 * them keeps its line numbers (so provenance spans still find their tags), and what the
 * extractor reads in scripts is still read: a publish date far into a script, JSON-LD. */
static void test_long_raw_text(void)
{
    static char page[32768];
    size_t n = 0;
    n += (size_t)sprintf(page + n, "<html><head><title>Tide gauge repaired</title>\n<style>\n");
    for (int i = 0; i < 60; i++)
        n += (size_t)sprintf(page + n, ".c%d { margin: %dpx; color: #333; }\n", i, i);
    n += (size_t)sprintf(page + n, "</style>\n<script>\n");
    n += filler(page + n, 3000);
    n += (size_t)sprintf(page + n, "window.state = {\"publishedAt\": \"2021-03-04T10:00:00Z\"};\n");
    n += filler(page + n, 2000);
    n += (size_t)sprintf(page + n, "</SCRIPT>\n</head><body>\n<script>\n");
    n += filler(page + n, 4000);
    n += (size_t)sprintf(page + n, "</script>\n<article>\n");
    size_t first_p = n;
    n += (size_t)sprintf(page + n, "%s", BODY1);
    n += (size_t)sprintf(page + n, "</article>\n</body></html>\n");
    CHECK(n < sizeof page);

    arena *a = arena_new(0);
    article_list out;
    CHECK_INT(run(a, page, "https://example.org/tide", &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        const article *art = &out.items[0];
        CHECK_INT(art->n_paragraphs, 4);
        CHECK(has(art, "The city council voted on Tuesday"));
        CHECK(!has(art, "not markup"));
        CHECK(!has(art, "margin"));
        CHECK(art->published && strncmp(art->published, "2021-03-04", 10) == 0);
        CHECK(spans_ok(art, n));
        if (art->n_paragraphs > 0) CHECK_INT(art->sources[0].start, first_p);
    }
    arena_free(a);

    /* JSON-LD longer than a block is read whole. */
    n = 0;
    n += (size_t)sprintf(page + n, "<html><head><script type=\"application/ld+json\">\n{\"@type\": "
                                   "\"NewsArticle\", \"description\": \"");
    for (int i = 0; i < 1500; i++)
        page[n++] = "abcdefgh "[i % 9];
    n += (size_t)sprintf(page + n, "\", \"headline\": \"The gauge is back\", \"datePublished\": "
                                   "\"2020-07-08\"}\n</script></head><body><article>%s</article>"
                                   "</body></html>",
                         BODY1);
    a = arena_new(0);
    CHECK_INT(run(a, page, NULL, &out), DOSSIER_OK);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK_STR(out.items[0].title, "The gauge is back");
        CHECK(out.items[0].published && strncmp(out.items[0].published, "2020-07-08", 10) == 0);
    }
    arena_free(a);
}

int main(void)
{
    test_date_nearest_text();
    test_xml_allocator_shared();
    test_long_raw_text();
    test_inline_svg();
    test_ld_body_markup();
    test_author_cleanup();
    test_author_labels();
    test_title_choice();
    test_post_utility_chrome();
    test_standfirst();
    test_widen_to_sections();
    test_weak_name_span_paragraphs();
    test_end_markers();
    test_strong_name_on_article();
    test_data_table_rows();
    test_side_cards_not_glued();
    test_date_signals();
    test_dates_above_and_template();
    test_dates_below_and_order();
    test_soft_hyphen_and_ruby();
    test_label_hidden_field();
    test_unclosed_heading();
    test_unnamed_standfirst();
    test_lede_outside_body_article();
    test_dateline_first_paragraph();
    test_heading_anchor_ids();
    test_credit_and_share_lines();
    test_short_post_trailing_markers();
    test_further_reading_markers();
    test_misnested_and_hidden();
    test_split_body();
    test_site_from_title_and_plain_byline();
    test_chrome();
    test_jsonld();
    test_opengraph_and_time();
    test_url_date_and_title_suffix();
    test_glued_articles();
    test_itemprop_body();
    test_lang();
    test_hostile_pages();
    test_whitespace_and_blocks();
    test_ld_body_fallback();
    return check_done();
}
