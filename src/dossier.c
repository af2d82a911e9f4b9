/*
 * dossier.c - the public API (include/dossier.h) over the stages: ingest hands documents to
 * extract, which finds articles; each article is wrapped as a dossier_article for the caller's
 * callback and can be written as one line of the JSONL contract.
 *
 * Each document gets its own arena, reset after its articles have been delivered.
 */
#include "dossier.h"

#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

#define DOC_ARENA_FACTOR 16 /* an article's structures may take up to this many times its input */

struct dossier {
    dossier_options opts; /* as given, with defaults filled in */
    errbuf err;           /* last failure */
};

struct dossier_article {
    const article *art;   /* the extracted article */
    const char *source;   /* the document's origin */
    char id[17];          /* hex of hash(source, index) */
};

/* State of one dossier_extract_* call. */
typedef struct run_state {
    dossier *d;                    /* the handle */
    dossier_article_fn on_article; /* the caller's callback */
    void *user;                    /* its argument */
    arena *mem;                    /* per-document arena, reset between documents */
    dossier_status last;           /* last failure of the run */
    int stopped;                   /* the callback asked to stop */
} run_state;

const char *dossier_strerror(dossier_status status)
{
    switch (status) {
    case DOSSIER_OK: return "ok";
    case DOSSIER_ERR_NOMEM: return "out of memory";
    case DOSSIER_ERR_IO: return "cannot read input";
    case DOSSIER_ERR_TOO_LARGE: return "input over its size limit";
    case DOSSIER_ERR_FORMAT: return "malformed input";
    case DOSSIER_ERR_GZIP: return "corrupt or truncated gzip data";
    case DOSSIER_ERR_CHARSET: return "cannot convert text to UTF-8";
    case DOSSIER_ERR_BINARY: return "not a text document";
    case DOSSIER_ERR_EMPTY: return "no article text found";
    case DOSSIER_ERR_USAGE: return "bad argument";
    case DOSSIER_ERR_STOPPED: return "stopped by the caller";
    }
    return "unknown status";
}

const char *dossier_version(void)
{
    return DOSSIER_VERSION;
}

dossier *dossier_new(const dossier_options *opts)
{
    dossier *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    if (opts) d->opts = *opts;
    if (!d->opts.max_doc_bytes) d->opts.max_doc_bytes = (size_t)64 << 20;
    return d;
}

void dossier_free(dossier *d)
{
    free(d);
}

const char *dossier_errmsg(const dossier *d)
{
    return d ? d->err.msg : "no handle";
}

static void report(run_state *st, const char *input, dossier_status status, const char *msg)
{
    st->last = status;
    err_set(&st->d->err, status, "%s: %s", input, msg);
    if (st->d->opts.on_error) st->d->opts.on_error(st->d->opts.user, input, status, msg);
}

static void on_ingest_error(void *user, const char *input, dossier_status status,
                            const char *message)
{
    report(user, input, status, message);
}

static int on_document(void *user, const ingest_doc *doc)
{
    run_state *st = user;
    arena_reset(st->mem);
    article_list list = {0};
    extract_hints hints = {doc->url, doc->site, doc->published, doc->title,
                           st->d->opts.drop_teasers};
    dossier_status rc = doc->kind == INGEST_HTML
                            ? extract_from_html(st->mem, doc->data, doc->len, &hints, &list)
                            : extract_from_text(st->mem, doc->data, doc->len, &hints, &list);
    if (rc) {
        report(st, doc->origin, rc, dossier_strerror(rc));
        return 0;
    }
    if (list.n == 0) {
        report(st, doc->origin, DOSSIER_ERR_EMPTY, "no article text found in the document");
        return 0;
    }
    for (size_t i = 0; i < list.n; i++) {
        dossier_article pub;
        pub.art = &list.items[i];
        pub.source = doc->origin;
        char key[32];
        size_t n = strlen(doc->origin);
        uint64_t h = hash64(doc->origin, n, 0);
        int k = snprintf(key, sizeof key, "#%d", list.items[i].index);
        hash_hex(hash64(key, (size_t)k, h), pub.id);
        if (st->on_article && st->on_article(st->user, &pub)) {
            st->stopped = 1;
            return 1;
        }
    }
    return 0;
}

static dossier_status run(dossier *d, const char *path, const char *name, const void *data,
                          size_t len, const char *hint, dossier_article_fn fn, void *user)
{
    if (!d || (!path && !name)) return DOSSIER_ERR_USAGE;
    err_clear(&d->err);
    run_state st = {d, fn, user, NULL, DOSSIER_OK, 0};
    st.mem = arena_new(d->opts.max_doc_bytes * DOC_ARENA_FACTOR);
    if (!st.mem) return err_set(&d->err, DOSSIER_ERR_NOMEM, "out of memory");
    ingest_opts io = {d->opts.max_doc_bytes, on_document, on_ingest_error, &st};
    dossier_status rc =
        path ? ingest_path(path, &io) : ingest_memory(name, data, len, hint, &io);
    arena_free(st.mem);
    if (st.stopped) return DOSSIER_ERR_STOPPED;
    if (rc == DOSSIER_OK) rc = st.last;
    return rc;
}

dossier_status dossier_extract_path(dossier *d, const char *path, dossier_article_fn on_article,
                                    void *user)
{
    return run(d, path, NULL, NULL, 0, NULL, on_article, user);
}

dossier_status dossier_extract_memory(dossier *d, const char *name, const void *data, size_t len,
                                      const char *content_type, dossier_article_fn on_article,
                                      void *user)
{
    const char *hint = NULL;
    if (content_type) {
        if (strstr(content_type, "warc")) hint = "warc";
        else if (strstr(content_type, "json")) hint = "jsonl";
        else if (strstr(content_type, "html")) hint = "html";
        else if (strstr(content_type, "text")) hint = "text";
    }
    return run(d, NULL, name ? name : "(memory)", data, len, hint, on_article, user);
}

/* ---- getters ---- */
const char *dossier_article_id(const dossier_article *a) { return a->id; }
const char *dossier_article_source(const dossier_article *a) { return a->source; }
int dossier_article_index(const dossier_article *a) { return a->art->index; }
const char *dossier_article_url(const dossier_article *a) { return a->art->url; }
const char *dossier_article_site(const dossier_article *a) { return a->art->site; }
const char *dossier_article_title(const dossier_article *a) { return a->art->title; }
const char *dossier_article_author(const dossier_article *a) { return a->art->author; }
const char *dossier_article_published(const dossier_article *a) { return a->art->published; }
const char *dossier_article_lang(const dossier_article *a) { return a->art->lang; }
int dossier_article_is_teaser(const dossier_article *a) { return a->art->teaser; }

const char *dossier_article_text(const dossier_article *a, size_t *len)
{
    if (len) *len = a->art->text_len;
    return a->art->text ? a->art->text : "";
}

size_t dossier_article_paragraph_count(const dossier_article *a)
{
    return a->art->n_paragraphs;
}

dossier_status dossier_article_paragraph(const dossier_article *a, size_t i, size_t *start,
                                         size_t *end)
{
    if (i >= a->art->n_paragraphs) return DOSSIER_ERR_USAGE;
    *start = a->art->paragraphs[i].start;
    *end = a->art->paragraphs[i].end;
    return DOSSIER_OK;
}

dossier_status dossier_article_paragraph_source(const dossier_article *a, size_t i,
                                                size_t *start, size_t *end)
{
    if (i >= a->art->n_paragraphs || !a->art->sources) return DOSSIER_ERR_USAGE;
    *start = a->art->sources[i].start;
    *end = a->art->sources[i].end;
    return DOSSIER_OK;
}

static dossier_status put_spans(dbuf *b, const span *s, size_t n)
{
    dossier_status rc = dbuf_putc(b, '[');
    for (size_t i = 0; !rc && s && i < n; i++)
        rc = dbuf_printf(b, "%s[%zu,%zu]", i ? "," : "", s[i].start, s[i].end);
    return rc ? rc : dbuf_putc(b, ']');
}

dossier_status dossier_article_to_json(const dossier_article *a, char **json, size_t *len)
{
    const article *art = a->art;
    dbuf b;
    dbuf_init(&b, 0);
    dossier_status rc = dbuf_reserve(&b, art->text_len + 1024);
    if (!rc) rc = dbuf_printf(&b, "{\"schema\":%d,\"id\":\"%s\",\"source\":", DOSSIER_SCHEMA, a->id);
    if (!rc) rc = json_put_cstr_or_null(&b, a->source);
    if (!rc) rc = dbuf_printf(&b, ",\"index\":%d,\"url\":", art->index);
    if (!rc) rc = json_put_cstr_or_null(&b, art->url);
    if (!rc) rc = dbuf_puts(&b, ",\"site\":");
    if (!rc) rc = json_put_cstr_or_null(&b, art->site);
    if (!rc) rc = dbuf_puts(&b, ",\"title\":");
    if (!rc) rc = json_put_cstr_or_null(&b, art->title);
    if (!rc) rc = dbuf_puts(&b, ",\"author\":");
    if (!rc) rc = json_put_cstr_or_null(&b, art->author);
    if (!rc) rc = dbuf_puts(&b, ",\"published\":");
    if (!rc) rc = json_put_cstr_or_null(&b, art->published);
    if (!rc) rc = dbuf_puts(&b, ",\"lang\":");
    if (!rc) rc = json_put_cstr_or_null(&b, art->lang);
    if (!rc) rc = dbuf_printf(&b, ",\"teaser\":%s,\"text\":", art->teaser ? "true" : "false");
    if (!rc) rc = json_put_str(&b, art->text ? art->text : "", art->text ? art->text_len : 0);
    if (!rc) rc = dbuf_puts(&b, ",\"paragraphs\":");
    if (!rc) rc = put_spans(&b, art->paragraphs, art->n_paragraphs);
    if (!rc) rc = dbuf_puts(&b, ",\"paragraph_sources\":");
    if (!rc) rc = put_spans(&b, art->sources, art->sources ? art->n_paragraphs : 0);
    if (!rc)
        rc = dbuf_puts(&b, ",\"sentences\":[],\"entities\":[],\"quotes\":[],\"events\":[]}");
    if (rc) {
        dbuf_release(&b);
        return rc;
    }
    *json = dbuf_detach(&b, len);
    return *json ? DOSSIER_OK : DOSSIER_ERR_NOMEM;
}
