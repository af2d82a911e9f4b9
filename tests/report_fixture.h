/*
 * report_fixture.h - a small invented story for the HTML report's tests: three outlets cover a
 * council's bridge vote, one of them a hostile page (script tags, event-handler attributes, a
 * javascript: URL, invalid UTF-8, a NUL byte), with a comparison filled by hand whose spans are
 * found in the texts by search, so they are right by construction. Shared by
 * tests/unit/test_report.c and tests/report_driver.c.
 */
#ifndef DOSSIER_REPORT_FIXTURE_H
#define DOSSIER_REPORT_FIXTURE_H

#include "report/report_html.h"

#include <string.h>

#define FIX_N 3

static const char FIX_TEXT0[] =
    "The city council approved the new river bridge on Tuesday after a long debate.\n\n"
    "Mayor Ada Lindqvist said: \"This bridge will connect both halves of our city.\"\n\n"
    "Construction is expected to start in May and cost 40 million euros.";
static const char FIX_TEXT1[] =
    "Councillors voted on Tuesday to approve the river bridge.\n\n"
    "\"This bridge will finally connect both halves of the city,\" Mayor Ada Lindqvist said.\n\n"
    "Opponents said the bridge will not reduce traffic.";
/* The hostile page: every line would run or restyle something if it reached the page raw. */
static const char FIX_TEXT2[] =
    "The council approved the river bridge on Tuesday. <script>document.title='pwned'</script>\n\n"
    "Mayor Ada Lindqvist said the bridge will reduce traffic. "
    "<img src=x onerror=\"document.title='pwned'\"> \xff\xfe bad bytes </textarea>"
    "<style>body{display:none}</style>\n\n"
    "\"This bridge will connect both halves\" of the city, the mayor said. A NUL \0 byte "
    "<a href=\"javascript:document.title='pwned'\">click</a> "
    "<svg onload=\"document.body.setAttribute('data-pwned','1')\"></svg>"
    "<iframe srcdoc=\"x\"></iframe>.";

/* A story with everything the report needs; all pointers into its own members. */
typedef struct fixture {
    article arts[FIX_N];        /* the articles */
    story_article sarts[FIX_N]; /* as the comparison reads them */
    span paras[FIX_N][8];       /* paragraph spans (article 2 has none: the report splits) */
    const char *outlets[FIX_N];
    uint32_t article_outlet[FIX_N];
    cmp_claim claims[3];
    cmp_ref claim_refs[3][FIX_N];
    uint8_t carried[3][FIX_N];
    cmp_quote_group group;
    cmp_variant variants[3];
    cmp_ref variant_refs[3];
    cmp_diff diffs[2][8];
    cmp_framing framing[FIX_N];
    cmp_term terms[FIX_N][2];
    cmp_contradiction contra;
    cmp_event events[2];
    comparison c;
} fixture;

/* The first occurrence of needle in article i's text at or after byte `from`, as a span
 * ({0, 0} when absent, which the report shows as a dangling reference). */
static span fix_find(const fixture *f, uint32_t i, size_t from, const char *needle)
{
    const char *t = f->arts[i].text;
    size_t len = f->arts[i].text_len, nl = strlen(needle);
    for (size_t p = from; p + nl <= len; p++)
        if (memcmp(t + p, needle, nl) == 0) return (span){p, p + nl};
    return (span){0, 0};
}

static cmp_ref fix_ref(const fixture *f, uint32_t i, const char *needle)
{
    return (cmp_ref){i, fix_find(f, i, 0, needle)};
}

/* Paragraphs of text as the runs between "\n\n". */
static size_t fix_paragraphs(const char *t, size_t len, span *out, size_t max)
{
    size_t n = 0, s = 0;
    for (size_t p = 0; p + 1 < len && n + 1 < max; p++)
        if (t[p] == '\n' && t[p + 1] == '\n') {
            out[n++] = (span){s, p};
            s = p + 2;
        }
    out[n++] = (span){s, len};
    return n;
}

static void fixture_init(fixture *f)
{
    memset(f, 0, sizeof *f);
    static const char *const titles[FIX_N] = {
        "City council approves river bridge", "Bridge gets the green light",
        "<script>document.title='pwned'</script>Bridge vote \"&\" <b>onerror</b>"};
    static const char *const urls[FIX_N] = {"https://harbor-times.example/2026/03/04/bridge",
                                            "http://valleypost.example/bridge?id=7&x=1",
                                            "javascript:document.title='pwned'"};
    static const char *const published[FIX_N] = {"2026-03-04T09:30:00Z", "2026-03-04",
                                                 "2026-03-05T18:00:00+01:00"};
    const char *texts[FIX_N] = {FIX_TEXT0, FIX_TEXT1, FIX_TEXT2};
    size_t lens[FIX_N] = {sizeof FIX_TEXT0 - 1, sizeof FIX_TEXT1 - 1, sizeof FIX_TEXT2 - 1};
    f->outlets[0] = "Harbor Times";
    f->outlets[1] = "Valley Post";
    f->outlets[2] = "Night <i>Wire</i> \"onerror=alert(1)\"";
    for (uint32_t i = 0; i < FIX_N; i++) {
        article *a = &f->arts[i];
        a->title = titles[i];
        a->url = urls[i];
        a->published = published[i];
        a->lang = "en";
        a->text = texts[i];
        a->text_len = lens[i];
        if (i < 2) {
            a->paragraphs = f->paras[i];
            a->n_paragraphs = fix_paragraphs(texts[i], lens[i], f->paras[i], 8);
        }
        f->sarts[i] =
            (story_article){a, "0000000000000000", urls[i], f->outlets[i], NULL, NULL, -1};
        f->article_outlet[i] = i;
    }

    /* Coverage: the vote (all), the cost (only Harbor Times), the quotation's sentence (omitted
     * by the hostile outlet). */
    f->claim_refs[0][0] = fix_ref(f, 0,
                                  "The city council approved the new river bridge on Tuesday "
                                  "after a long debate.");
    f->claim_refs[0][1] =
        fix_ref(f, 1, "Councillors voted on Tuesday to approve the river bridge.");
    f->claim_refs[0][2] = fix_ref(f, 2, "The council approved the river bridge on Tuesday.");
    f->claim_refs[1][0] = fix_ref(f, 0,
                                  "Construction is expected to start in May and cost 40 "
                                  "million euros.");
    f->claim_refs[2][0] = fix_ref(f, 0,
                                  "Mayor Ada Lindqvist said: \"This bridge will connect both "
                                  "halves of our city.\"");
    f->claim_refs[2][1] = fix_ref(f, 1,
                                  "\"This bridge will finally connect both halves of the "
                                  "city,\" Mayor Ada Lindqvist said.");
    static const uint8_t carried[3][FIX_N] = {{1, 1, 1}, {1, 0, 0}, {1, 1, 0}};
    static const cmp_coverage cov[3] = {CMP_ALL, CMP_ONLY, CMP_MOST};
    static const size_t nrefs[3] = {3, 1, 2};
    for (size_t k = 0; k < 3; k++) {
        memcpy(f->carried[k], carried[k], FIX_N);
        f->claims[k] = (cmp_claim){f->claim_refs[k], nrefs[k], f->carried[k], cov[k], 3.0 - k};
    }

    /* The quotation: the reference (Harbor Times), a changed wording (Valley Post: "finally"
     * inserted, "our" became "the"), a truncated one (the hostile page). */
    f->variant_refs[0] = fix_ref(f, 0, "This bridge will connect both halves of our city.");
    f->variant_refs[1] = fix_ref(f, 1, "This bridge will finally connect both halves of the city");
    f->variant_refs[2] = fix_ref(f, 2, "This bridge will connect both halves");
    size_t r0 = f->variant_refs[0].at.start, r1 = f->variant_refs[1].at.start;
    size_t r2 = f->variant_refs[2].at.start;
    cmp_diff *d1 = f->diffs[0];
    d1[0] = (cmp_diff){CMP_SAME, fix_find(f, 1, r1, "This bridge will")};
    d1[1] = (cmp_diff){CMP_INS, fix_find(f, 1, r1, "finally")};
    d1[2] = (cmp_diff){CMP_SAME, fix_find(f, 1, r1, "connect both halves of")};
    d1[3] = (cmp_diff){CMP_DEL, fix_find(f, 0, r0, "our")};
    d1[4] = (cmp_diff){CMP_INS, fix_find(f, 1, r1, "the city")};
    d1[4].at.end = d1[4].at.start + 3;
    d1[5] = (cmp_diff){CMP_SAME, fix_find(f, 1, d1[4].at.end, "city")};
    cmp_diff *d2 = f->diffs[1];
    d2[0] = (cmp_diff){CMP_SAME, fix_find(f, 2, r2, "This bridge will connect both halves")};
    d2[1] = (cmp_diff){CMP_DEL, fix_find(f, 0, r0, "of our city")};
    f->variants[0] = (cmp_variant){&f->variant_refs[0], 1, 1, 0, 0, NULL, 0, NULL, 0};
    f->variants[1] = (cmp_variant){&f->variant_refs[1], 1, 1, 1, 0, d1, 6, NULL, 0};
    f->variants[2] = (cmp_variant){&f->variant_refs[2], 1, 1, 0, 1, d2, 2, NULL, 0};
    f->group = (cmp_quote_group){"Ada Lindqvist", f->variants, 3, 0, 3, 1};

    /* Framing: one term's example overlaps the quotation's start (nesting is not enough). */
    static const char *const terms[FIX_N][2] = {{"construction", "lindqvist said"},
                                                {"opponents", "finally"},
                                                {"<b>onerror</b>", "council"}};
    static const char *const examples[FIX_N][2] = {
        {"Construction", "Lindqvist said: \"This bridge"},
        {"Opponents", "finally"},
        {"onerror=", "council"}};
    static const double zs[FIX_N][2] = {{3.2, 1.6}, {2.4, 1.1}, {1.9, 0.4}};
    for (uint32_t o = 0; o < FIX_N; o++) {
        for (size_t t = 0; t < 2; t++)
            f->terms[o][t] = (cmp_term){terms[o][t], zs[o][t], 1, fix_ref(f, o, examples[o][t])};
        f->framing[o] = (cmp_framing){o, f->terms[o], 2, NULL, 0};
    }

    f->contra = (cmp_contradiction){fix_ref(f, 2, "the bridge will reduce traffic"),
                                    fix_ref(f, 1, "the bridge will not reduce traffic"),
                                    "Ada Lindqvist",
                                    NULL,
                                    "river bridge",
                                    "negation",
                                    0.82};
    f->events[0] = (cmp_event){"2026-03-03", "on Tuesday", f->claim_refs[0][0],
                               fix_ref(f, 0, "on Tuesday"), 3};
    f->events[1] =
        (cmp_event){"2026-05", "in May", f->claim_refs[1][0], fix_ref(f, 0, "in May"), 1};

    f->c = (comparison){f->outlets, FIX_N, f->article_outlet, FIX_N, &f->group, 1, f->claims, 3,
                        f->framing, FIX_N, &f->contra,        1,     f->events, 2};
}

#endif
