/*
 * test_report.c - the story's HTML report: escaping of every input (a hostile page runs nothing),
 * anchors for nested and overlapping spans (well-nested marks, every id once, text intact),
 * empty comparisons, each section present, dangling references, the size cap.
 */
#include "check.h"
#include "quotes/quotes.h"
#include "report/report_html.h"
#include "../report_fixture.h"

#include <stdlib.h>

/* The page for a story, NUL-terminated (freed by the caller), or NULL on failure. */
static char *render(const story_article *arts, size_t n, const comparison *c, const char *title,
                    size_t *len, dossier_status *rc)
{
    dbuf b;
    dbuf_init(&b, 0);
    *rc = report_html(arts, n, c, title, &b);
    if (*rc != DOSSIER_OK) {
        dbuf_release(&b);
        return NULL;
    }
    return dbuf_detach(&b, len);
}

static size_t count(const char *hay, const char *needle)
{
    size_t k = 0, nl = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + nl, needle))
        k++;
    return k;
}

/* 1 if every tag in the page is one the report writes itself: an input that slipped through
 * unescaped would show up as a tag outside this list. */
static int tags_all_ours(const char *html)
{
    static const char *const ok[] = {
        "!DOCTYPE", "html", "head", "meta",  "title", "style",   "body",       "header",  "h1",
        "h2",       "h3",   "p",    "nav",   "a",     "section", "div",        "article", "time",
        "mark",     "span", "br",   "table", "thead", "tbody",   "tr",         "th",      "td",
        "ol",       "li",   "q",    "ins",   "del",   "b",       "blockquote", "footer",  NULL};
    for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
        const char *q = p + 1;
        if (*q == '/') q++;
        size_t n = 0;
        while (q[n] && q[n] != ' ' && q[n] != '>' && q[n] != '\n')
            n++;
        int found = 0;
        for (size_t k = 0; ok[k] && !found; k++)
            found = strlen(ok[k]) == n && !memcmp(ok[k], q, n);
        if (!found) {
            fprintf(stderr, "unexpected tag: %.40s\n", p);
            return 0;
        }
    }
    return 1;
}

/* 1 if every in-page link (href="#x") has an element with id="x". */
static int links_land(const char *html)
{
    for (const char *p = strstr(html, "href=\"#"); p; p = strstr(p + 1, "href=\"#")) {
        const char *s = p + 7, *e = strchr(s, '"');
        if (!e || e - s > 100) return 0;
        char want[128];
        snprintf(want, sizeof want, "id=\"%.*s\"", (int)(e - s), s);
        if (!strstr(html, want)) {
            fprintf(stderr, "link to a missing anchor: %s\n", want);
            return 0;
        }
    }
    return 1;
}

/* 1 if <mark> and </mark> nest properly and none crosses a paragraph. */
static int marks_nest(const char *html)
{
    int depth = 0;
    for (const char *p = html; *p; p++) {
        if (!strncmp(p, "<mark", 5)) depth++;
        if (!strncmp(p, "</mark>", 7) && --depth < 0) return 0;
        if (!strncmp(p, "</p>", 4) && depth != 0) return 0;
    }
    return depth == 0;
}

/* The visible text of article i's column: tags stripped, entities decoded, newlines dropped. */
static char *column_text(const char *html, size_t i)
{
    char key[64];
    snprintf(key, sizeof key, "<article class=\"src\" id=\"art%zu\">", i);
    const char *p = strstr(html, key);
    if (!p || !(p = strstr(p, "<div class=\"text\""))) return NULL;
    p = strchr(p, '>') + 1;
    const char *end = strstr(p, "</div>");
    if (!end) return NULL;
    char *out = malloc((size_t)(end - p) + 1), *o = out;
    static const char *const ents[][2] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
    while (p < end) {
        if (*p == '<') {
            p = strchr(p, '>') + 1;
            continue;
        }
        if (*p == '\n') {
            p++;
            continue;
        }
        int done = 0;
        for (size_t k = 0; k < 5 && !done; k++)
            if (!strncmp(p, ents[k][0], strlen(ents[k][0]))) {
                *o++ = ents[k][1][0];
                p += strlen(ents[k][0]);
                done = 1;
            }
        if (!done) *o++ = *p++;
    }
    *o = '\0';
    return out;
}

static char *strip_newlines(const char *s, size_t n)
{
    char *out = malloc(n + 1), *o = out;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\n') *o++ = s[i];
    *o = '\0';
    return out;
}

static void test_escaping(void)
{
    fixture *f = malloc(sizeof *f);
    fixture_init(f);
    f->arts[1].lang = "en\" onmouseover=\"alert(1)"; /* not a language tag: never an attribute */
    size_t len;
    dossier_status rc;
    char *html = render(f->sarts, FIX_N, &f->c, "<script>alert(1)</script> & \"x\"", &len, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    if (!html) goto done;
    CHECK_INT(strlen(html), len);             /* the NUL byte of article 2 is dropped */
    CHECK_INT(utf8_validate(html, len), len); /* \xff\xfe became U+FFFD */
    CHECK(strstr(html, "\xef\xbf\xbd bad bytes") != NULL);
    CHECK(tags_all_ours(html));
    CHECK(strstr(html, "<script") == NULL);
    CHECK(strstr(html, "<img") == NULL);
    CHECK(strstr(html, "</textarea") == NULL);
    CHECK(strstr(html, "<i>") == NULL);
    CHECK(strstr(html, "href=\"javascript") == NULL);
    CHECK(strstr(html, "onmouseover=\"") == NULL);
    CHECK_INT(count(html, "<div class=\"text\" dir=\"auto\" lang=\"en\">"), 2);
    CHECK_INT(count(html, "<div class=\"text\" dir=\"auto\">"), 1);
    CHECK(strstr(html, "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;") != NULL);
    CHECK(strstr(html, "&lt;img src=x ") != NULL); /* "onerror=" is a framing example's mark */
    CHECK(strstr(html, "document.title=&#39;pwned&#39;&quot;&gt;") != NULL);
    CHECK(strstr(html, "<title>Dossier: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"
                       "</title>") != NULL);
    CHECK(strstr(html, "Night &lt;i&gt;Wire&lt;/i&gt; &quot;onerror=alert(1)&quot;") != NULL);
    /* http(s) URLs are links (escaped), the javascript: URL is text */
    CHECK(strstr(html, "href=\"https://harbor-times.example/2026/03/04/bridge\"") != NULL);
    CHECK(strstr(html, "href=\"http://valleypost.example/bridge?id=7&amp;x=1\"") != NULL);
    CHECK(strstr(html, "<div class=\"url\">javascript:document.title=&#39;pwned&#39;</div>") !=
          NULL);
    CHECK(strstr(html, "Content-Security-Policy\" content=\"default-src 'none'; "
                       "style-src 'unsafe-inline'") != NULL);
    CHECK(count(html, " src=") == 0 || strstr(html, "<img") == NULL);
    /* the only external links are the two http(s) article URLs */
    size_t ext = 0;
    for (const char *p = strstr(html, "href=\""); p; p = strstr(p + 1, "href=\""))
        if (p[6] != '#') ext++;
    CHECK_INT(ext, 2);
    free(html);
done:
    free(f);
}

static void test_sections(void)
{
    fixture *f = malloc(sizeof *f);
    fixture_init(f);
    size_t len;
    dossier_status rc;
    char *html = render(f->sarts, FIX_N, &f->c, "River bridge vote", &len, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    if (!html) goto done;
    static const char *const ids[] = {"articles", "coverage",       "quotes",
                                      "framing",  "contradictions", "timeline"};
    for (size_t k = 0; k < 6; k++) {
        char want[64];
        snprintf(want, sizeof want, "<section id=\"%s\">", ids[k]);
        CHECK_INT(count(html, want), 1);
    }
    CHECK(strstr(html, "<h1>River bridge vote</h1>") != NULL);
    CHECK(strstr(html, "3 articles from 3 outlets &middot; 2026-03-04 &ndash; 2026-03-05") != NULL);
    CHECK(strstr(html, "class=\"empty\"") == NULL);
    /* coverage: three rows, the only/omitted badges */
    CHECK_INT(count(html, "<tr id=\"claim"), 3);
    CHECK(strstr(html, "<span class=\"badge b-only\">only Harbor Times</span>") != NULL);
    CHECK(strstr(html, "<span class=\"badge b-omit\">omitted by Night &lt;i&gt;Wire") != NULL);
    CHECK_INT(count(html, "<td class=\"omit\">"), 1);
    CHECK_INT(count(html, "<td class=\"y only\">"), 1);
    /* quotes: the diff of the changed variant and the truncated one */
    CHECK(strstr(html, "<q>This bridge will <ins>finally</ins> connect both halves of <del>our"
                       "</del> <ins>the</ins> city</q>") != NULL);
    CHECK(strstr(html, "<q>This bridge will connect both halves <del>of our city</del></q>") !=
          NULL);
    CHECK(strstr(html, "b-trunc\">truncated</span>") != NULL);
    CHECK(strstr(html, "b-changed\">changed</span>") != NULL);
    /* framing bars scale to the largest z; contradiction; timeline */
    CHECK(strstr(html, "style=\"width:100%\"") != NULL);
    CHECK(strstr(html, "style=\"width:50%\"") != NULL); /* 1.6 of 3.2 */
    CHECK(strstr(html, "&lt;b&gt;onerror&lt;/b&gt;") != NULL);
    CHECK(strstr(html, "negation") != NULL);
    CHECK(strstr(html, "<td>2026-03-03</td><td>on Tuesday</td>") != NULL);
    CHECK(strstr(html, " and 2 more") != NULL);
    /* anchors: every link lands, marks nest, the texts read as they were */
    CHECK(links_land(html));
    CHECK(marks_nest(html));
    char id[64];
    CHECK(report_html_anchor(f->sarts, FIX_N, 0, f->variant_refs[0].at, id));
    char want[96];
    snprintf(want, sizeof want, "id=\"%s\"", id);
    CHECK_INT(count(html, want), 1);
    for (size_t i = 0; i < 2; i++) {
        char *got = column_text(html, i);
        char *exp = strip_newlines(f->arts[i].text, f->arts[i].text_len);
        CHECK_STR(got, exp);
        free(got);
        free(exp);
    }
    free(html);
done:
    free(f);
}

/* One article with the given spans marked (as claims), rendered; checks the invariants. */
static void check_spans(const char *text, const span *spans, size_t n_spans)
{
    article a = {0};
    a.text = text;
    a.text_len = strlen(text);
    story_article sa = {&a, "0", "x", "Outlet", NULL, NULL, -1};
    const char *outlets[1] = {"Outlet"};
    uint32_t ao[1] = {0};
    cmp_ref *refs = calloc(n_spans ? n_spans : 1, sizeof *refs);
    cmp_claim *claims = calloc(n_spans ? n_spans : 1, sizeof *claims);
    uint8_t carried = 1;
    for (size_t k = 0; k < n_spans; k++) {
        refs[k] = (cmp_ref){0, spans[k]};
        claims[k] = (cmp_claim){&refs[k], 1, &carried, CMP_ALL, 1};
    }
    comparison c = {outlets, 1, ao, 1, NULL, 0, claims, n_spans, NULL, 0, NULL, 0, NULL, 0};
    size_t len;
    dossier_status rc;
    char *html = render(&sa, 1, &c, "t", &len, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    if (html) {
        CHECK(marks_nest(html));
        CHECK(links_land(html));
        for (size_t k = 0; k < n_spans; k++) {
            char id[64], want[96];
            if (!report_html_anchor(&sa, 1, 0, spans[k], id)) continue;
            snprintf(want, sizeof want, " id=\"%s\"", id);
            CHECK_INT(count(html, want), 1);
        }
        char *got = column_text(html, 0);
        char *exp = strip_newlines(text, strlen(text));
        CHECK_STR(got, exp);
        free(got);
        free(exp);
        free(html);
    }
    free(refs);
    free(claims);
}

static void test_anchors(void)
{
    /* nested, overlapping, identical start, identical spans, crossing a paragraph break */
    const char *t = "abcdefghij klmnop\n\nqrstuvwxyz";
    span s1[] = {{0, 6}, {3, 9}, {3, 5}, {0, 6}, {2, 22}, {19, 29}, {8, 8}, {25, 99}};
    check_spans(t, s1, sizeof s1 / sizeof s1[0]);

    /* the overlap is split into well-nested pieces, the id on the first */
    {
        article a = {0};
        a.text = "abcdefghij";
        a.text_len = 10;
        story_article sa = {&a, "0", "x", "O", NULL, NULL, -1};
        const char *outlets[1] = {"O"};
        uint32_t ao[1] = {0};
        uint8_t carried = 1;
        cmp_ref r[2] = {{0, {0, 6}}, {0, {3, 9}}};
        cmp_claim cl[2] = {{&r[0], 1, &carried, CMP_ALL, 1}, {&r[1], 1, &carried, CMP_ALL, 1}};
        comparison c = {outlets, 1, ao, 1, NULL, 0, cl, 2, NULL, 0, NULL, 0, NULL, 0};
        size_t len;
        dossier_status rc;
        char *html = render(&sa, 1, &c, "t", &len, &rc);
        CHECK(html && strstr(html, "<p><mark class=\"c \" id=\"a0-0-6\">abc<mark class=\"c \" "
                                   "id=\"a0-3-9\">def</mark></mark><mark class=\"c cont\">ghi"
                                   "</mark>j</p>") != NULL);
        free(html);
    }

    /* random spans over a text with paragraphs and multi-byte characters */
    const char *u = "Ein Br\xc3\xbc"
                    "ckenbau \xe2\x80\x9c"
                    "endlich\xe2\x80\x9d beschlossen.\n\n"
                    "Zweiter Absatz mit <Zeichen> & mehr.\n\nDritter.";
    size_t ul = strlen(u);
    uint32_t seed = 12345;
    for (int round = 0; round < 200; round++) {
        span s[12];
        size_t n = 1 + round % 12;
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t a0 = (seed >> 8) % ul;
            seed = seed * 1103515245u + 12345u;
            size_t a1 = a0 + (seed >> 8) % (ul - a0 + 1);
            s[k] = (span){a0, a1};
        }
        check_spans(u, s, n);
    }

    /* many nested spans: drawn up to the depth cap, every one still has its anchor */
    {
        static char deep[2001];
        memset(deep, 'x', 2000);
        span *s = malloc(500 * sizeof *s);
        for (size_t k = 0; k < 500; k++)
            s[k] = (span){k, 2000 - k};
        check_spans(deep, s, 500);
        free(s);
    }

    /* the anchor contract */
    article a = {0};
    a.text = "hello";
    a.text_len = 5;
    story_article sa = {&a, "0", "x", "O", NULL, NULL, -1};
    char id[64];
    CHECK(report_html_anchor(&sa, 1, 0, (span){1, 3}, id));
    CHECK_STR(id, "a0-1-3");
    CHECK(!report_html_anchor(&sa, 1, 0, (span){3, 3}, id));
    CHECK_STR(id, "");
    CHECK(!report_html_anchor(&sa, 1, 0, (span){3, 6}, id));
    CHECK(!report_html_anchor(&sa, 1, 1, (span){1, 3}, id));
}

static void test_empty(void)
{
    size_t len;
    dossier_status rc;
    char *html = render(NULL, 0, NULL, NULL, &len, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    if (html) {
        CHECK(strstr(html, "<h1>Story</h1>") != NULL);
        CHECK(strstr(html, "0 articles from 0 outlets &middot; no dates") != NULL);
        CHECK_INT(count(html, "class=\"empty\""), 6);
        CHECK(strstr(html, "No claims to compare.") != NULL);
        CHECK(strstr(html, "No quotations.") != NULL);
        CHECK(strstr(html, "No contradicting statements found.") != NULL);
        CHECK(strstr(html, "No dated happenings.") != NULL);
        CHECK(tags_all_ours(html));
        free(html);
    }
    /* articles but an empty comparison */
    fixture *f = malloc(sizeof *f);
    fixture_init(f);
    comparison c = {0};
    html = render(f->sarts, FIX_N, &c, "Bridge", &len, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    if (html) {
        CHECK_INT(count(html, "class=\"empty\""), 5);
        CHECK_INT(count(html, "<mark"), 0);
        CHECK(tags_all_ours(html));
        free(html);
    }
    free(f);
    dbuf b;
    dbuf_init(&b, 0);
    CHECK_INT(report_html(NULL, 2, NULL, NULL, &b), DOSSIER_ERR_USAGE);
    CHECK_INT(report_html(NULL, 0, NULL, NULL, NULL), DOSSIER_ERR_USAGE);
    dbuf_release(&b);
}

/* References that point nowhere are shown without links; bad indices are never followed. */
static void test_bad_refs(void)
{
    fixture *f = malloc(sizeof *f);
    fixture_init(f);
    f->claim_refs[1][0] = (cmp_ref){7, {0, 5}}; /* no such article */
    f->variant_refs[2].at = (span){10, 100000}; /* past the text */
    f->diffs[0][1].at = (span){5000, 5003};     /* diff past the text */
    f->framing[1].outlet = 99;                  /* no such outlet */
    f->article_outlet[2] = 42;                  /* bad outlet map */
    f->contra.b = (cmp_ref){0, {9, 3}};         /* reversed span */
    f->group.reference = 17;                    /* no such variant */
    size_t len;
    dossier_status rc;
    char *html = render(f->sarts, FIX_N, &f->c, "Bridge", &len, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    if (html) {
        CHECK(count(html, "[not in the text]") >= 3);
        CHECK(links_land(html));
        CHECK(marks_nest(html));
        CHECK(tags_all_ours(html));
        free(html);
    }
    free(f);
}

/* Spans from the real stages: every sentence nlp_split finds is a claim, every quote quotes_find
 * finds is a quote group; the page still nests, links land and the texts read as they were. */
static void test_from_stages(void)
{
    fixture *f = malloc(sizeof *f);
    fixture_init(f);
    arena *a = arena_new(0);
    nlp_doc docs[FIX_N];
    quote_list ql[FIX_N];
    size_t n_sent = 0, n_quotes = 0;
    for (size_t i = 0; i < FIX_N; i++) {
        const article *ar = &f->arts[i];
        CHECK_INT(nlp_split(a, ar->text, ar->text_len, ar->paragraphs, ar->n_paragraphs, &docs[i]),
                  DOSSIER_OK);
        CHECK_INT(nlp_entities(a, &docs[i], "2026-03-04"), DOSSIER_OK);
        CHECK_INT(quotes_find(a, &docs[i], &ql[i]), DOSSIER_OK);
        f->sarts[i].nlp = &docs[i];
        f->sarts[i].quotes = &ql[i];
        n_sent += docs[i].n_sentences;
        n_quotes += ql[i].n;
    }
    CHECK(n_sent >= 8);
    CHECK(n_quotes >= 3);
    cmp_claim *claims = arena_calloc(a, n_sent, sizeof *claims);
    cmp_ref *refs = arena_calloc(a, n_sent, sizeof *refs);
    uint8_t *carried = arena_calloc(a, n_sent * FIX_N, 1);
    cmp_quote_group *groups = arena_calloc(a, n_quotes + 1, sizeof *groups);
    cmp_variant *vars = arena_calloc(a, n_quotes + 1, sizeof *vars);
    cmp_ref *vrefs = arena_calloc(a, n_quotes + 1, sizeof *vrefs);
    size_t k = 0, g = 0;
    for (uint32_t i = 0; i < FIX_N; i++) {
        for (size_t s = 0; s < docs[i].n_sentences; s++, k++) {
            refs[k] = (cmp_ref){i, docs[i].sentences[s]};
            carried[k * FIX_N + i] = 1;
            claims[k] = (cmp_claim){&refs[k], 1, &carried[k * FIX_N], CMP_ONLY, 1};
        }
        for (size_t q = 0; q < ql[i].n; q++, g++) {
            const quote *qu = &ql[i].items[q];
            vrefs[g] = (cmp_ref){i, qu->at};
            vars[g] = (cmp_variant){&vrefs[g], 1, 1, 0, 0, NULL, 0, NULL, 0};
            const char *who = qu->speaker >= 0 ? docs[i].entities[qu->speaker].name : NULL;
            groups[g] = (cmp_quote_group){who, &vars[g], 1, 0, 1, 0};
        }
    }
    f->c.claims = claims;
    f->c.n_claims = n_sent;
    f->c.quote_groups = groups;
    f->c.n_quote_groups = n_quotes;
    size_t len;
    dossier_status rc;
    char *html = render(f->sarts, FIX_N, &f->c, "Bridge", &len, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    if (html) {
        CHECK_INT(count(html, "<tr id=\"claim"), n_sent);
        CHECK_INT(count(html, "<div class=\"qg\""), n_quotes);
        CHECK(strstr(html, "<h3>Ada Lindqvist<") != NULL);
        CHECK(links_land(html));
        CHECK(marks_nest(html));
        CHECK(tags_all_ours(html));
        for (size_t i = 0; i < 2; i++) {
            char *got = column_text(html, i);
            char *exp = strip_newlines(f->arts[i].text, f->arts[i].text_len);
            CHECK_STR(got, exp);
            free(got);
            free(exp);
        }
        free(html);
    }
    arena_free(a);
    free(f);
}

/* A page over the buffer's cap is an error, not a truncated success. */
static void test_cap(void)
{
    fixture *f = malloc(sizeof *f);
    fixture_init(f);
    dbuf b;
    dbuf_init(&b, 4096);
    CHECK_INT(report_html(f->sarts, FIX_N, &f->c, "Bridge", &b), DOSSIER_ERR_TOO_LARGE);
    dbuf_release(&b);
    free(f);
}

int main(void)
{
    test_escaping();
    test_sections();
    test_anchors();
    test_empty();
    test_bad_refs();
    test_from_stages();
    test_cap();
    return check_done();
}
