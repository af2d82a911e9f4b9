/*
 * test_timeline.c - the story timeline and the candidate contradictions on small stories written
 * for these tests: each article goes through extract_plain, nlp_split, nlp_entities and
 * quotes_find, then cmp_timeline / cmp_contradictions run on the story directly.
 */
#include "check.h"
#include "extract/extract.h"
#include "nlp/nlp.h"
#include "quotes/quotes.h"
#include "stories/compare_internal.h"

#include <stdlib.h>

#define MAXA 8

/* A story under test: its articles and the comparison with its outlet map filled. */
typedef struct story {
    arena *a;
    story_article arts[MAXA];
    size_t n;
    comparison c;
} story;

static void add(story *s, const char *outlet, const char *published, const char *text)
{
    article_list l = {0};
    extract_hints h = {0};
    h.published = published;
    h.site = outlet;
    if (extract_plain(s->a, text, strlen(text), &h, &l) != DOSSIER_OK || l.n != 1) {
        CHECK(!"extract_plain");
        return;
    }
    article *art = &l.items[0];
    art->published = published;
    nlp_doc *d = arena_calloc(s->a, 1, sizeof *d);
    quote_list *q = arena_calloc(s->a, 1, sizeof *q);
    CHECK_INT(nlp_split(s->a, art->text, art->text_len, art->paragraphs, art->n_paragraphs, d),
              DOSSIER_OK);
    CHECK_INT(nlp_entities(s->a, d, published), DOSSIER_OK);
    CHECK_INT(quotes_find(s->a, d, q), DOSSIER_OK);
    story_article *sa = &s->arts[s->n++];
    memset(sa, 0, sizeof *sa);
    sa->art = art;
    sa->outlet = outlet;
    sa->source = outlet;
    sa->uid = "0000000000000000";
    sa->nlp = d;
    sa->quotes = q;
    sa->duplicate_of = -1;
}

static void finish(story *s)
{
    memset(&s->c, 0, sizeof s->c);
    s->c.n_articles = s->n;
    s->c.outlets = arena_calloc(s->a, s->n, sizeof *s->c.outlets);
    s->c.article_outlet = arena_calloc(s->a, s->n, sizeof *s->c.article_outlet);
    for (size_t i = 0; i < s->n; i++) {
        size_t o = 0;
        while (o < s->c.n_outlets && strcmp(s->c.outlets[o], s->arts[i].outlet)) o++;
        if (o == s->c.n_outlets) s->c.outlets[s->c.n_outlets++] = s->arts[i].outlet;
        s->c.article_outlet[i] = (uint32_t)o;
    }
}

/* The text an item points at, copied into the arena. */
static const char *at(story *s, cmp_ref r)
{
    return arena_strndup(s->a, s->arts[r.article].art->text + r.at.start, r.at.end - r.at.start);
}

/* The event whose sentence contains `needle`, or NULL. */
static const cmp_event *event_with(story *s, const char *needle)
{
    for (size_t i = 0; i < s->c.n_timeline; i++)
        if (strstr(at(s, s->c.timeline[i].ref), needle)) return &s->c.timeline[i];
    return NULL;
}

static void test_timeline(void)
{
    story s = {0};
    s.a = arena_new(0);
    /* 2025-10-16 is a Thursday */
    add(&s, "Ledger", "2025-10-16",
        "The reply runs to fourteen pages, officials in both capitals say.\n\n"
        "The Kesh Federation delivered its written reply to Varnia in Lindhaven on Tuesday, "
        "according to two diplomats who have read it.\n\n"
        "Varnia sent its nine-point proposal on Sept. 2 and the first round of talks was held "
        "in late September.\n\n"
        "Updated on Wednesday at 10:00.\n\n"
        "The dam's reservoir began filling in June, cutting the flow downstream.\n\n"
        "Foreign Minister Adela Korvin will speak to reporters in Ostrel on Friday.");
    add(&s, "Herald", "2025-10-15T13:40:00+02:00",
        "Kesh delivered its written reply to Varnia in Lindhaven yesterday, diplomats who have "
        "read it said.\n\n"
        "The December 30 deadline set last year has passed without a deal.");
    add(&s, "Courier", "2026-01-03",
        "The talks collapsed on December 30 after the two delegations failed to agree on the "
        "flow figures.");
    finish(&s);
    CHECK_INT(cmp_timeline(s.a, s.arts, s.n, &s.c), DOSSIER_OK);
    CHECK(s.c.n_timeline >= 6);

    /* the same happening from two outlets ("on Tuesday", "yesterday") is one event */
    const cmp_event *e = event_with(&s, "delivered its written reply");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date, "2025-10-14");
        CHECK_INT(e->n_sources, 2);
        CHECK(e->when != NULL);
    }
    /* two dates in one sentence: two events, the month before the day */
    size_t n_prop = 0;
    for (size_t i = 0; i < s.c.n_timeline; i++) {
        if (!strstr(at(&s, s.c.timeline[i].ref), "nine-point proposal")) continue;
        CHECK_STR(s.c.timeline[i].date, n_prop == 0 ? "2025-09" : "2025-09-02");
        CHECK_STR(s.c.timeline[i].when, n_prop == 0 ? "in late September" : "on Sept. 2");
        n_prop++;
    }
    CHECK_INT(n_prop, 2);
    e = event_with(&s, "began filling");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date, "2025-06");
        CHECK_STR(e->when, "in June");
        CHECK_STR(at(&s, e->when_at), "in June");
    }
    /* future: the Friday after publication */
    e = event_with(&s, "will speak");
    CHECK(e != NULL);
    if (e) CHECK_STR(e->date, "2025-10-17");
    /* a December 30 in a January 3 article is the previous year */
    e = event_with(&s, "talks collapsed");
    CHECK(e != NULL);
    if (e) CHECK_STR(e->date, "2025-12-30");
    /* the lead sentence without a date is dated by publication */
    e = event_with(&s, "fourteen pages");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->date, "2025-10-16");
        CHECK(e->when == NULL);
    }
    /* an "Updated ..." line is no happening */
    CHECK(event_with(&s, "Updated") == NULL);
    /* ordered by date */
    for (size_t i = 1; i < s.c.n_timeline; i++)
        CHECK(strcmp(s.c.timeline[i - 1].date, s.c.timeline[i].date) <= 0);
    /* every span lies in its article */
    for (size_t i = 0; i < s.c.n_timeline; i++) {
        const cmp_event *x = &s.c.timeline[i];
        CHECK(x->ref.article < s.n && x->ref.at.end <= s.arts[x->ref.article].art->text_len);
        if (x->when) CHECK(x->when_at.at.start >= x->ref.at.start && x->when_at.at.end <= x->ref.at.end);
    }
    arena_free(s.a);
}

/* An event's text is the clause that holds its date words: a dash or a subordinating word
 * ("since") opens it; a lead whose only date is background ("since 1961") is also dated by its
 * publication. */
/* Each expected clause event: the words that start its text, its date, its whole text. */
static const char *const CLAUSES[][3] = {
    {"since the old pier", "1961", "since the old pier was built in 1961."},
    {"The council approved", "2025-10-14", "The council approved the toll on Tuesday"},
    {"but the council voted", "2025-10-13",
     "but the council voted on Monday to raise the toll for the boats."},
};

/* ... in this text, published 2025-10-15 (a Wednesday) */
static const char CLAUSE_TEXT[] =
    "The harbour board opened the new quay in Kalvik, the biggest work in the port since the old "
    "pier was built in 1961.\n\n"
    "The council approved the toll on Tuesday \u2013 the fishermen had asked for it since the "
    "summer of last year.\n\n"
    "The board met the fishermen last week, but the council voted on Monday to raise the toll "
    "for the boats.";

static void test_timeline_clauses(void)
{
    story s = {.a = arena_new(0)};
    add(&s, "Wire", "2025-10-15", CLAUSE_TEXT);
    finish(&s);
    CHECK_INT(cmp_timeline(s.a, s.arts, s.n, &s.c), DOSSIER_OK);
    for (size_t k = 0; k < sizeof CLAUSES / sizeof CLAUSES[0]; k++) {
        const cmp_event *x = NULL;
        for (size_t i = 0; i < s.c.n_timeline && !x; i++)
            if (!strncmp(at(&s, s.c.timeline[i].ref), CLAUSES[k][0], strlen(CLAUSES[k][0])))
                x = &s.c.timeline[i];
        CHECK(x != NULL);
        if (!x) continue;
        CHECK_STR(x->date, CLAUSES[k][1]);
        CHECK_STR(at(&s, x->ref), CLAUSES[k][2]);
    }
    /* the lead, whose only date is background, is dated by its publication too */
    int lead = 0;
    for (size_t i = 0; i < s.c.n_timeline; i++)
        lead |= !strcmp(s.c.timeline[i].date, "2025-10-15") && !s.c.timeline[i].when;
    CHECK(lead);
    arena_free(s.a);
}

static void test_timeline_no_date(void)
{
    story s = {0};
    s.a = arena_new(0);
    add(&s, "Wire", NULL,
        "The Kesh Federation delivered its reply on Tuesday, officials said.\n\n"
        "The treaty between the two countries was signed on 12 March 1998 in Lindhaven.");
    finish(&s);
    CHECK_INT(cmp_timeline(s.a, s.arts, s.n, &s.c), DOSSIER_OK);
    /* without a publication date only the absolute date resolves */
    CHECK_INT(s.c.n_timeline, 1);
    if (s.c.n_timeline) CHECK_STR(s.c.timeline[0].date, "1998-03-12");
    arena_free(s.a);
}

/* The contradiction between statements containing a and b, or NULL. */
static const cmp_contradiction *pair_with(story *s, const char *a, const char *b)
{
    for (size_t i = 0; i < s->c.n_contradictions; i++) {
        const cmp_contradiction *x = &s->c.contradictions[i];
        const char *ta = at(s, x->a), *tb = at(s, x->b);
        if ((strstr(ta, a) && strstr(tb, b)) || (strstr(ta, b) && strstr(tb, a))) return x;
    }
    return NULL;
}

static void test_contradictions(void)
{
    story s = {0};
    s.a = arena_new(0);
    add(&s, "Ledger", "2025-10-15",
        "\u201cVarnia will join the monitoring commission on the Selka River,\u201d Adela Korvin "
        "said on Wednesday.\n\n"
        "The defence ministry said that some 6,000 Kesh troops are deployed near the Selka "
        "corridor.\n\n"
        "Oren Sadik said the Federation had accepted the proposal for a joint commission.\n\n"
        "\u201cThe reservoir will be full by spring,\u201d an engineer said.");
    add(&s, "Herald", "2025-10-16",
        "\u201cVarnia will not join the monitoring commission on the Selka River for now,\u201d "
        "Oren Sadik said.\n\n"
        "Officials in Tarvand said that about 8,000 Kesh troops are deployed near the Selka "
        "corridor.\n\n"
        "Adela Korvin said the Federation had rejected the proposal for a joint commission.\n\n"
        "\u201cThe weather will decide the harvest this year,\u201d a farmer said.");
    finish(&s);
    CHECK_INT(cmp_contradictions(s.a, s.arts, s.n, &s.c), DOSSIER_OK);
    const cmp_contradiction *x = pair_with(&s, "will join", "will not join");
    CHECK(x != NULL);
    if (x) {
        CHECK_STR(x->why, "negation");
        CHECK(x->score > 0.5 && x->score <= 1);
        CHECK(x->subject != NULL);
    }
    x = pair_with(&s, "6,000", "8,000");
    CHECK(x != NULL);
    if (x) CHECK_STR(x->why, "number");
    x = pair_with(&s, "had accepted", "had rejected");
    CHECK(x != NULL);
    if (x) {
        CHECK_STR(x->why, "antonym");
        CHECK(x->speaker_a != NULL && x->speaker_b != NULL);
    }
    /* unrelated statements never pair */
    CHECK(pair_with(&s, "reservoir", "harvest") == NULL);
    CHECK_INT(s.c.n_contradictions, 3);
    for (size_t i = 1; i < s.c.n_contradictions; i++)
        CHECK(s.c.contradictions[i - 1].score >= s.c.contradictions[i].score);
    arena_free(s.a);
}

/* A denial of having said something, or a question reported, asserts nothing: no candidate
 * against the statement ("did not say whether Varnia will join" / "will not join"). */
static const char NO_ASSERTION_A[] =
    "Adela Korvin did not say whether Varnia will join the monitoring commission on the Selka "
    "River.\n\n"
    "Tomas Vell asked whether Varnia will join the monitoring commission on the Selka River.";
static const char NO_ASSERTION_B[] =
    "\u201cVarnia will not join the monitoring commission on the Selka River,\u201d Oren Sadik "
    "said.";

static void test_contradictions_no_assertion(void)
{
    story s = {.a = arena_new(0)};
    add(&s, "Ledger", "2025-10-15", NO_ASSERTION_A);
    add(&s, "Herald", "2025-10-16", NO_ASSERTION_B);
    finish(&s);
    CHECK_INT(cmp_contradictions(s.a, s.arts, s.n, &s.c), DOSSIER_OK);
    CHECK_INT(s.c.n_contradictions, 0);
    arena_free(s.a);
}

static void test_contradictions_same_speaker(void)
{
    story s = {0};
    s.a = arena_new(0);
    /* one speaker, one article, a statement and its qualification: not a candidate */
    add(&s, "Ledger", "2025-10-15",
        "Oren Sadik said the Federation will join the monitoring commission on the river.\n\n"
        "Oren Sadik said the Federation will not join the monitoring commission on the river "
        "before spring.");
    finish(&s);
    CHECK_INT(cmp_contradictions(s.a, s.arts, s.n, &s.c), DOSSIER_OK);
    CHECK_INT(s.c.n_contradictions, 0);
    /* the same speaker in another article (another time): a candidate */
    add(&s, "Herald", "2025-10-20",
        "Oren Sadik said the Federation will not join the monitoring commission on the river.");
    finish(&s);
    CHECK_INT(cmp_contradictions(s.a, s.arts, s.n, &s.c), DOSSIER_OK);
    CHECK(s.c.n_contradictions >= 1);
    if (s.c.n_contradictions) CHECK(s.c.contradictions[0].a.article != s.c.contradictions[0].b.article);
    arena_free(s.a);
}

/* Taking a matter seriously against refusing to discuss it; a statement that holds both
 * sides of a pair ("refused to discuss") takes neither. */
static void test_contradictions_engagement(void)
{
    story s = {0};
    s.a = arena_new(0);
    add(&s, "Ledger", "2025-10-15",
        "Adela Korvin said the ministry took the fishermen's concerns about the Selka dam "
        "very seriously during the talks.");
    add(&s, "Herald", "2025-10-16",
        "Oren Sadik said the ministry refused the fishermen's concerns about the Selka dam "
        "during the talks.\n\n"
        "The delegates said the ministry refused to discuss the fishermen's concerns about "
        "the Selka dam during the talks.");
    finish(&s);
    CHECK_INT(cmp_contradictions(s.a, s.arts, s.n, &s.c), DOSSIER_OK);
    const cmp_contradiction *x = pair_with(&s, "very seriously", "refused the fishermen");
    CHECK(x != NULL);
    if (x) CHECK_STR(x->why, "antonym");
    CHECK(pair_with(&s, "refused to discuss", "refused the fishermen") == NULL);
    arena_free(s.a);
}

int main(void)
{
    test_timeline();
    test_timeline_clauses();
    test_timeline_no_date();
    test_contradictions();
    test_contradictions_no_assertion();
    test_contradictions_same_speaker();
    test_contradictions_engagement();
    return check_done();
}
