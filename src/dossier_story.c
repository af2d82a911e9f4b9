/*
 * dossier_story.c - the public comparison API (include/dossier.h, "Comparison"): the main
 * articles of some inputs taken as one story, annotated and compared, and written as text or
 * JSON. Extraction runs on the handle's threads without annotation; each kept article is
 * copied into the story's arena and annotated there, so the story owns everything it points to.
 */
#include "dossier.h"

#include <stdlib.h>
#include <string.h>

#include "dossier_internal.h"
#include "report/report.h"
#include "report/report_html.h"
#include "stories/compare.h"

/* Collection state of dossier_story_from_paths. */
typedef struct collect_state {
    dossier_story *s;    /* the story being filled */
    dossier_status rc;   /* first allocation failure */
} collect_state;

static char *dup_or_null(arena *a, const char *z, int *fail)
{
    if (!z) return NULL;
    char *c = arena_strdup(a, z);
    if (!c) *fail = 1;
    return c;
}

/* Copies a delivered article (valid only during the callback) into the story's arena. */
static int keep_article(void *user, const dossier_article *pub)
{
    collect_state *st = user;
    dossier_story *s = st->s;
    const article *src = pub->art;
    if (src->teaser || src->index != 0) return 0; /* the main article of each document only */
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 16;
        story_article *g = arena_calloc(s->mem, nc, sizeof *g);
        if (!g) goto nomem;
        if (s->n) memcpy(g, s->arts, s->n * sizeof *g);
        s->arts = g, s->cap = nc;
    }
    article *a = arena_calloc(s->mem, 1, sizeof *a);
    if (!a) goto nomem;
    int fail = 0;
    *a = *src;
    a->url = dup_or_null(s->mem, src->url, &fail);
    a->site = dup_or_null(s->mem, src->site, &fail);
    a->title = dup_or_null(s->mem, src->title, &fail);
    a->author = dup_or_null(s->mem, src->author, &fail);
    a->published = dup_or_null(s->mem, src->published, &fail);
    a->lang = dup_or_null(s->mem, src->lang, &fail);
    a->text = arena_strndup(s->mem, src->text ? src->text : "", src->text_len);
    a->paragraphs = arena_calloc(s->mem, src->n_paragraphs + 1, sizeof *a->paragraphs);
    a->sources = arena_calloc(s->mem, src->n_paragraphs + 1, sizeof *a->sources);
    if (fail || !a->text || !a->paragraphs || !a->sources) goto nomem;
    if (src->n_paragraphs) {
        memcpy(a->paragraphs, src->paragraphs, src->n_paragraphs * sizeof *a->paragraphs);
        if (src->sources) memcpy(a->sources, src->sources, src->n_paragraphs * sizeof *a->sources);
    }
    story_article *sa = &s->arts[s->n];
    memset(sa, 0, sizeof *sa);
    sa->art = a;
    sa->uid = arena_strdup(s->mem, pub->id);
    sa->source = arena_strdup(s->mem, pub->source ? pub->source : "");
    sa->duplicate_of = -1;
    if (!sa->uid || !sa->source) goto nomem;
    s->n++;
    return 0;
nomem:
    st->rc = DOSSIER_ERR_NOMEM;
    return 1;
}

/* Sentences, entities and quotes of one article, in the story's arena. */
static dossier_status annotate(arena *mem, story_article *sa)
{
    nlp_doc *doc = arena_calloc(mem, 1, sizeof *doc);
    quote_list *ql = arena_calloc(mem, 1, sizeof *ql);
    if (!doc || !ql) return DOSSIER_ERR_NOMEM;
    sa->nlp = doc;
    sa->quotes = ql;
    return annotate_article(mem, sa->art, doc, ql);
}

/* The outlet of an article: its site, else its URL's host, else its source's file name (a
 * capture saved as "ktv-world-selka-reply.txt" names its outlet better than its folder does). */
static const char *outlet_of(arena *mem, const story_article *sa)
{
    if (sa->art->site && *sa->art->site) return sa->art->site;
    const char *host = sa->art->url ? extract_url_host(mem, sa->art->url) : NULL;
    if (host) return host;
    const char *base = strrchr(sa->source, '/');
    return base && base[1] ? base + 1 : sa->source;
}

/*
 * The story's title: the headline of its most central article, the one whose sentences the
 * other outlets carry most (the weights of its claims that more than one outlet carries), so
 * that an analysis piece or a follow-up that happens to come first does not name the story.
 * Ties, and a story without shared claims, go to the first article with a headline.
 */
static const char *central_title(const dossier_story *s)
{
    const comparison *c = &s->cmp;
    double *score = calloc(s->n + 1, sizeof *score);
    const char *title = NULL;
    if (score) {
        for (size_t k = 0; k < c->n_claims; k++) {
            const cmp_claim *cl = &c->claims[k];
            if (cl->coverage == CMP_ONLY) continue;
            for (size_t r = 0; r < cl->n_refs; r++)
                if (cl->refs[r].article < s->n) score[cl->refs[r].article] += cl->weight;
        }
    }
    double best = -1;
    for (size_t i = 0; i < s->n; i++) {
        if (s->arts[i].duplicate_of >= 0 || !s->arts[i].art->title) continue;
        double v = score ? score[i] : 0;
        if (v > best) {
            best = v;
            title = s->arts[i].art->title;
        }
    }
    free(score);
    return title;
}

dossier_status story_complete(dossier_story *s, int find_duplicates)
{
    dossier_status rc = DOSSIER_OK;
    for (size_t i = 0; i < s->n && !rc; i++) {
        story_article *sa = &s->arts[i];
        rc = annotate(s->mem, sa);
        if (!rc && !(sa->outlet = outlet_of(s->mem, sa))) rc = DOSSIER_ERR_NOMEM;
        /* The same text twice (one file given twice, a verbatim reprint) is a duplicate. */
        for (size_t j = 0; find_duplicates && j < i && !rc; j++)
            if (s->arts[j].duplicate_of < 0 && s->arts[j].art->text_len == sa->art->text_len &&
                !memcmp(s->arts[j].art->text, sa->art->text, sa->art->text_len)) {
                sa->duplicate_of = (int)j;
                break;
            }
    }
    if (rc) return rc;
    if ((rc = compare_story(s->mem, s->arts, s->n, &s->cmp))) return rc;
    s->title = central_title(s);
    return DOSSIER_OK;
}

dossier_status dossier_story_from_paths(dossier *d, const char *const *paths, size_t n,
                                        dossier_story **out)
{
    if (out) *out = NULL;
    if (!d || !out || (!paths && n)) return DOSSIER_ERR_USAGE;
    dossier_story *s = calloc(1, sizeof *s);
    if (!s || !(s->mem = arena_new(0)) || !(s->err = arena_calloc(s->mem, 1, sizeof *s->err))) {
        if (s) arena_free(s->mem);
        free(s);
        return err_set(&d->err, DOSSIER_ERR_NOMEM, "out of memory");
    }
    /* Extraction only: the kept articles are annotated in the story's own arena. */
    dossier_options saved = d->opts;
    d->opts.no_annotate = 1;
    d->opts.drop_teasers = 1;
    collect_state st = {s, DOSSIER_OK};
    dossier_status last = DOSSIER_OK;
    for (size_t i = 0; i < n && !st.rc; i++) {
        dossier_status rc = dossier_extract_path(d, paths[i], keep_article, &st);
        if (rc && rc != DOSSIER_ERR_STOPPED) last = rc;
    }
    d->opts = saved;
    dossier_status rc = st.rc;
    if (!rc && !s->n) {
        rc = err_set(&d->err, DOSSIER_ERR_EMPTY, "no article found in the inputs%s",
                     last ? " (some inputs failed)" : "");
    }
    if (!rc) rc = story_complete(s, 1);
    if (rc) {
        if (rc == DOSSIER_ERR_NOMEM) err_set(&d->err, rc, "out of memory comparing the story");
        dossier_story_free(s);
        return rc;
    }
    *out = s;
    return DOSSIER_OK;
}

dossier_status dossier_story_write(const dossier_story *s, int format, FILE *out)
{
    if (!s || !out) return DOSSIER_ERR_USAGE;
    err_clear(s->err);
    if (format != DOSSIER_STORY_TEXT && format != DOSSIER_STORY_JSON &&
        format != DOSSIER_STORY_HTML)
        return err_set(s->err, DOSSIER_ERR_USAGE, "unknown story format %d", format);
    report_story rs = {s->title, s->id, s->arts, s->n, &s->cmp};
    dbuf b;
    dbuf_init(&b, 0);
    dossier_status rc = format == DOSSIER_STORY_JSON ? report_json(&b, &rs)
                        : format == DOSSIER_STORY_HTML
                            ? report_html(s->arts, s->n, &s->cmp, s->title, &b)
                            : report_text(&b, &rs);
    if (!rc && format == DOSSIER_STORY_JSON) rc = dbuf_putc(&b, '\n');
    if (rc) {
        dbuf_release(&b);
        return err_set(s->err, rc, "cannot render the story: %s", dossier_strerror(rc));
    }
    if (b.len && fwrite(b.ptr, 1, b.len, out) != b.len) rc = DOSSIER_ERR_IO;
    dbuf_release(&b);
    if (rc) return err_set(s->err, rc, "cannot write the story");
    return DOSSIER_OK;
}

const char *dossier_story_errmsg(const dossier_story *s)
{
    return s && s->err ? s->err->msg : "no story";
}

void dossier_story_free(dossier_story *s)
{
    if (!s) return;
    arena_free(s->mem);
    free(s);
}
