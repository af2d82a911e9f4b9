/*
 * test_compare.c - one story's comparison on three outlets written for this test: one speaker
 * quoted with a changed word, a truncation with an ellipsis, curly against straight quotes; a fact
 * only one outlet carries; an outlet with a loaded phrase of its own. Checks quote groups, the
 * coverage matrix, framing and the JSON writer.
 */
#include "check.h"
#include "report/report.h"
#include "stories/cmp_text.h"
#include "stories/compare.h"

#include <stdlib.h>

static const char *text_a =
    "Mayor Lena Brandt opened the new bridge over the Ostra river on Monday morning.\n\n"
    "\"The bridge is safe, it was finished on time and it belongs to every citizen of this "
    "town,\" Brandt said at the opening ceremony.\n\n"
    "The bridge cost 42 million euros and took three years to build, the city council said.\n\n"
    "Traffic on the old ferry route is expected to fall by half within a year, according to "
    "the transport office.\n\n"
    "Local shops near the eastern ramp reported a busy first day with many visitors from "
    "nearby villages.\n\n"
    "Cyclists praised the wide lanes on both sides, and a school choir sang before the "
    "speeches.\n\n"
    "The old ferry landing will become a small museum about the history of river crossings "
    "in the region.\n\n"
    "\"It is a disgraceful waste of money,\" one protester shouted from the western bank.\n";

static const char *text_b =
    "Mayor Lena Brandt opened the new bridge over the Ostra river on Monday morning.\n\n"
    "\u201cThe bridge is safe, it was finished on time and it belongs to every resident of this "
    "town,\u201d Brandt told reporters.\n\n"
    "The bridge cost 42 million euros and took three years to build, the city council said.\n\n"
    "Traffic on the old ferry route is expected to fall by half within a year, according to "
    "the transport office.\n\n"
    "The ferry operator said it would keep one boat running on weekends for tourists and "
    "cyclists.\n\n"
    "Several hundred people walked across the deck after the ribbon was cut, many of them "
    "families with children.\n\n"
    "A night market on the western bank is planned for the summer months, organisers said.\n\n"
    "Only the supposedly independent auditors were not invited to the ceremony.\n";

static const char *text_c =
    "Mayor Lena Brandt opened her reckless vanity project over the Ostra river on Monday "
    "morning.\n\n"
    "\"The bridge is safe ... it belongs to every citizen,\" said Brandt.\n\n"
    "The bridge cost 42 million euros and took three years to build, the city council said.\n\n"
    "Engineers found deep cracks in two concrete pillars last spring during routine "
    "inspections, internal documents show.\n\n"
    "Critics call it a reckless vanity project.\n\n"
    "Nobody asked why the reckless vanity project went over budget.\n\n"
    "Fans of the reckless vanity project left early.\n";

typedef struct fixture {
    arena *a;
    article_list arts;
    nlp_doc docs[3];
    quote_list quotes[3];
    story_article sa[3];
    comparison c;
} fixture;

static int setup(fixture *f)
{
    const char *texts[3] = {text_a, text_b, text_c};
    const char *outlets[3] = {"Alpha Times", "Beta Post", "Gamma News"};
    memset(f, 0, sizeof *f);
    f->a = arena_new(0);
    if (!f->a) return -1;
    for (int i = 0; i < 3; i++) {
        extract_hints h = {NULL, outlets[i], "2025-05-12", NULL, 0};
        if (extract_plain(f->a, texts[i], strlen(texts[i]), &h, &f->arts)) return -1;
    }
    if (f->arts.n != 3) return -1;
    for (int i = 0; i < 3; i++) {
        const article *art = &f->arts.items[i];
        if (nlp_split(f->a, art->text, art->text_len, art->paragraphs, art->n_paragraphs,
                      &f->docs[i]) ||
            nlp_entities(f->a, &f->docs[i], "2025-05-12") ||
            quotes_find(f->a, &f->docs[i], &f->quotes[i]))
            return -1;
        f->sa[i].art = art;
        f->sa[i].uid = i == 0 ? "000000000000000a" : i == 1 ? "000000000000000b" : "000000000000000c";
        f->sa[i].source = outlets[i];
        f->sa[i].outlet = outlets[i];
        f->sa[i].nlp = &f->docs[i];
        f->sa[i].quotes = &f->quotes[i];
        f->sa[i].duplicate_of = -1;
    }
    return compare_story(f->a, f->sa, 3, &f->c) == DOSSIER_OK ? 0 : -1;
}

/* The text of span `at` of article i, in the arena. */
static const char *text_at(fixture *f, uint32_t i, span at)
{
    return arena_strndup(f->a, f->sa[i].art->text + at.start, at.end - at.start);
}

static void test_outlets(fixture *f)
{
    CHECK_INT(f->c.n_outlets, 3);
    CHECK_INT(f->c.n_articles, 3);
    CHECK_STR(f->c.outlets[2], "Gamma News");
    CHECK_INT(f->c.article_outlet[1], 1);
}

static void test_quote_groups(fixture *f)
{
    CHECK(f->c.n_quote_groups >= 1);
    if (!f->c.n_quote_groups) return;
    const cmp_quote_group *g = &f->c.quote_groups[0];
    CHECK_INT(g->n_outlets, 3);
    CHECK_INT(g->changed, 1);
    CHECK_INT(g->n_variants, 3);
    CHECK(g->speaker && strstr(g->speaker, "Brandt"));
    /* The reference is one of the two full wordings; the curly-quoted one differs by a word. */
    const cmp_variant *ref = &g->variants[g->reference];
    CHECK_INT(ref->n_refs, 1);
    int saw_changed = 0, saw_truncated = 0;
    for (size_t v = 0; v < g->n_variants; v++) {
        const cmp_variant *cv = &g->variants[v];
        if (v == g->reference) {
            CHECK(cv->diff == NULL);
            continue;
        }
        uint32_t art = cv->refs[0].article;
        if (art == 2) {
            /* "The bridge is safe ... it belongs to every citizen": a cut, no new word. */
            saw_truncated = 1;
            CHECK_INT(cv->truncated, 1);
            CHECK_INT(cv->changed, 0);
            int ins = 0;
            for (size_t k = 0; k < cv->n_diff; k++) ins += cv->diff[k].op == CMP_INS;
            CHECK_INT(ins, 0);
        } else {
            saw_changed = 1;
            CHECK_INT(cv->changed, 1);
            CHECK_INT(cv->truncated, 0);
            uint32_t rart = ref->refs[0].article;
            const char *ins = NULL, *del = NULL;
            for (size_t k = 0; k < cv->n_diff; k++) {
                if (cv->diff[k].op == CMP_INS) ins = text_at(f, art, cv->diff[k].at);
                if (cv->diff[k].op == CMP_DEL) del = text_at(f, rart, cv->diff[k].at);
            }
            CHECK(ins && del);
            if (ins && del) {
                CHECK(!strcmp(ins, "resident") || !strcmp(ins, "citizen"));
                CHECK(!strcmp(del, "resident") || !strcmp(del, "citizen"));
                CHECK(strcmp(ins, del) != 0);
            }
        }
    }
    CHECK(saw_changed);
    CHECK(saw_truncated);
}

/* The claim whose first sentence contains `needle`, or NULL. */
static const cmp_claim *claim_with(fixture *f, const char *needle)
{
    for (size_t i = 0; i < f->c.n_claims; i++) {
        const cmp_claim *cl = &f->c.claims[i];
        for (size_t r = 0; r < cl->n_refs; r++)
            if (strstr(text_at(f, cl->refs[r].article, cl->refs[r].at), needle)) return cl;
    }
    return NULL;
}

static void test_coverage(fixture *f)
{
    const cmp_claim *cost = claim_with(f, "42 million");
    CHECK(cost != NULL);
    if (cost) {
        CHECK_INT(cost->coverage, CMP_ALL);
        CHECK_INT(cost->n_refs, 3);
    }
    const cmp_claim *cracks = claim_with(f, "cracks");
    CHECK(cracks != NULL);
    if (cracks) {
        CHECK_INT(cracks->coverage, CMP_ONLY);
        CHECK_INT(cracks->carried[2], 1);
        CHECK_INT(cracks->carried[0] + cracks->carried[1], 0);
    }
    const cmp_claim *ferry = claim_with(f, "ferry route");
    CHECK(ferry != NULL);
    if (ferry) {
        CHECK_INT(ferry->coverage, CMP_MOST);
        CHECK_INT(ferry->carried[2], 0);
    }
    /* Ordered by weight: a claim all carry comes before one only Gamma carries. */
    CHECK(cost && cracks && cost < cracks);
}

static void test_framing(fixture *f)
{
    const cmp_framing *g = NULL;
    for (size_t i = 0; i < f->c.n_framing; i++)
        if (f->c.framing[i].outlet == 2) g = &f->c.framing[i];
    CHECK(g != NULL);
    if (!g) return;
    int found = 0;
    for (size_t t = 0; t < g->n_terms; t++) {
        if (strstr(g->terms[t].term, "vanity project")) {
            found = 1;
            CHECK_INT(g->terms[t].count, 4);
            CHECK(g->terms[t].z > 1.645);
            CHECK_INT(g->terms[t].example.article, 2);
            CHECK_STR(text_at(f, 2, g->terms[t].example.at), g->terms[t].term);
        }
        CHECK(strcmp(g->terms[t].term, "the") != 0);
    }
    CHECK(found);
}

/* Loaded language: a hedge the outlet writes once is its own (Beta's "supposedly"); a loaded
 * word inside a quotation is the speaker's, not the outlet's (Alpha's protester). */
static void test_loaded(fixture *f)
{
    const cmp_framing *a = NULL, *b = NULL;
    for (size_t i = 0; i < f->c.n_framing; i++) {
        if (f->c.framing[i].outlet == 0) a = &f->c.framing[i];
        if (f->c.framing[i].outlet == 1) b = &f->c.framing[i];
    }
    CHECK(b != NULL);
    int found = 0;
    for (size_t t = 0; b && t < b->n_loaded; t++) {
        if (!strcmp(b->loaded[t].term, "supposedly")) {
            found = 1;
            CHECK_INT(b->loaded[t].count, 1);
            CHECK_INT(b->loaded[t].example.article, 1);
            CHECK_STR(text_at(f, 1, b->loaded[t].example.at), "supposedly");
        }
    }
    CHECK(found);
    for (size_t t = 0; a && t < a->n_loaded; t++)
        CHECK(strstr(a->loaded[t].term, "disgraceful") == NULL);
}

static void test_json(fixture *f)
{
    report_story rs = {"Bridge", 0, f->sa, 3, &f->c};
    dbuf b;
    dbuf_init(&b, 0);
    CHECK_INT(report_json(&b, &rs), DOSSIER_OK);
    CHECK(b.ptr && !strncmp(b.ptr, "{\"story\":{\"id\":null,\"title\":\"Bridge\"", 36));
    CHECK(b.ptr && strstr(b.ptr, "\"op\":\"ins\",\"text\":\"") != NULL);
    CHECK(b.ptr && strstr(b.ptr, "\"coverage\":\"only\",") != NULL);
    CHECK(b.ptr && strstr(b.ptr, "\"contradictions\":[") != NULL);
    CHECK(b.ptr && strstr(b.ptr, "\"timeline\":[{\"date\":\"") != NULL);
    dbuf_reset(&b);
    CHECK_INT(report_text(&b, &rs), DOSSIER_OK);
    CHECK(b.ptr && strstr(b.ptr, "{+") != NULL);
    CHECK(b.ptr && strstr(b.ptr, "\xE2\x9C\x93") != NULL);
    dbuf_release(&b);
}

static void test_empty(void)
{
    arena *a = arena_new(0);
    comparison c;
    CHECK_INT(compare_story(a, NULL, 0, &c), DOSSIER_OK);
    CHECK_INT(c.n_outlets, 0);
    CHECK_INT(c.n_claims, 0);
    arena_free(a);
}

/* Speaker names as outlets spell them. */
static void test_same_person(void)
{
    CHECK(cmp_same_person("Niels Jansen", "Niels Jansen"));
    CHECK(cmp_same_person("Niels Jansen", "Nils Janssen"));
    CHECK(cmp_same_person("Sergei Lavrov", "Sergey Lavrov"));
    CHECK(cmp_same_person("Antony Blinken", "Anthony Blinken"));
    CHECK(cmp_same_person("Jansen", "Niels Jansen"));
    CHECK(cmp_same_person("N. Jansen", "Niels Jansen"));
    CHECK(!cmp_same_person("Jake Sullivan", "John Sullivan"));
    CHECK(!cmp_same_person("Niels Jansen", "Niels Larsen"));
    CHECK(!cmp_same_person("Anna Berg", "Anna Borg")); /* a short surname must be exact */
    CHECK(!cmp_same_person("Niels Jansen", NULL));
    CHECK(!cmp_same_person(NULL, NULL));
}

/* One quotation whose speaker three outlets spell three ways is one group. */
/* Three plain texts from three outlets as one story, compared into *c (all in arena a).
 * Returns the story's articles when every stage went through, else NULL. */
static story_article *compare_three(arena *a, const char *const texts[3], comparison *c)
{
    article_list *arts = arena_calloc(a, 1, sizeof *arts);
    nlp_doc *docs = arena_calloc(a, 3, sizeof *docs);
    quote_list *quotes = arena_calloc(a, 3, sizeof *quotes);
    story_article *sa = arena_calloc(a, 3, sizeof *sa);
    static const char *const outlets[3] = {"Alpha Times", "Beta Post", "Gamma News"};
    int ok = arts && docs && quotes && sa;
    for (int i = 0; ok && i < 3; i++) {
        extract_hints h = {NULL, outlets[i], "2025-05-12", NULL, 0};
        ok = !extract_plain(a, texts[i], strlen(texts[i]), &h, arts);
    }
    ok = ok && arts->n == 3;
    for (int i = 0; ok && i < 3; i++) {
        const article *art = &arts->items[i];
        ok = !nlp_split(a, art->text, art->text_len, art->paragraphs, art->n_paragraphs,
                        &docs[i]) &&
             !nlp_entities(a, &docs[i], "2025-05-12") && !quotes_find(a, &docs[i], &quotes[i]);
        sa[i].art = art;
        sa[i].uid = outlets[i];
        sa[i].source = outlets[i];
        sa[i].outlet = outlets[i];
        sa[i].nlp = &docs[i];
        sa[i].quotes = &quotes[i];
        sa[i].duplicate_of = -1;
    }
    return ok && compare_story(a, sa, 3, c) == DOSSIER_OK ? sa : NULL;
}

static void test_spelled_speakers(void)
{
    static const char *const texts[3] = {
        "Dock talks collapse.\n\n\"We came here in good faith, but the employers walked away "
        "from the table without a counter-offer,\" union leader Nils Janssen told reporters.\n",
        "Talks break down.\n\n\"We came here in good faith, but the employers walked away from "
        "the table without a counter-offer,\" said Niels Jansen of the union.\n",
        "Strike drags on.\n\n\"We came here in good faith, but the employers walked away from "
        "the table without a counter-offer,\" said Hugo Brandt of the employers.\n"};
    arena *a = arena_new(0);
    comparison c;
    if (a && compare_three(a, texts, &c)) {
        /* Jansen's two spellings make one group; Brandt's words stay apart from it */
        size_t two = 0, one = 0;
        for (size_t g = 0; g < c.n_quote_groups; g++) {
            two += c.quote_groups[g].n_outlets == 2;
            one += c.quote_groups[g].n_outlets == 1;
        }
        CHECK_INT(two, 1);
        CHECK_INT(one, 1);
    } else {
        CHECK(!"compare");
    }
    arena_free(a);
}

/* A quotation split around its frame is grouped by its words, and its variant's wording is its
 * pieces: the frame ("Janssen told reporters") is in no variant's text, JSON or terminal. */
static void test_split_wording(void)
{
    static const char *const texts[3] = {
        "Dock talks collapse.\n\n\"We came here in good faith,\" Nils Janssen told reporters. "
        "\"The employers walked away from the table without a counter-offer.\"\n",
        "Talks break down.\n\n\"We came here in good faith. The employers walked away from the "
        "table without a counter-offer,\" said Nils Janssen of the union.\n",
        "Strike drags on.\n\nThe harbour was quiet on Monday and the ships waited.\n"};
    arena *a = arena_new(0);
    comparison c;
    story_article *sa = a ? compare_three(a, texts, &c) : NULL;
    if (sa) {
        CHECK(c.n_quote_groups >= 1);
        const cmp_quote_group *g = c.n_quote_groups ? &c.quote_groups[0] : NULL;
        if (g) CHECK_INT(g->n_outlets, 2);
        int split = 0;
        for (size_t v = 0; g && v < g->n_variants; v++)
            split += g->variants[v].n_pieces == 2;
        CHECK_INT(split, 1);
        report_story rs = {"Dock talks", 0, sa, 3, &c};
        dbuf b;
        dbuf_init(&b, 0);
        CHECK_INT(report_json(&b, &rs), DOSSIER_OK);
        CHECK(b.ptr && strstr(b.ptr, "\"text\":\"We came here in good faith The employers"));
        CHECK(b.ptr && !strstr(b.ptr, "\"text\":\"We came here in good faith,\\\" Nils"));
        dbuf_reset(&b);
        CHECK_INT(report_text(&b, &rs), DOSSIER_OK);
        CHECK(b.ptr && strstr(b.ptr, "\u201cWe came here in good faith The employers"));
        dbuf_release(&b);
    } else {
        CHECK(!"compare");
    }
    arena_free(a);
}

int main(void)
{
    test_same_person();
    test_spelled_speakers();
    test_split_wording();
    fixture f;
    if (setup(&f) != 0) {
        CHECK(!"fixture");
    } else {
        test_outlets(&f);
        test_quote_groups(&f);
        test_coverage(&f);
        test_framing(&f);
        test_loaded(&f);
        test_json(&f);
    }
    arena_free(f.a);
    test_empty();
    return check_done();
}
