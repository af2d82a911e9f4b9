/*
 * dossier.c - the public API (include/dossier.h) over the stages: ingest hands documents to
 * extract, which finds articles; each article is wrapped as a dossier_article for the caller's
 * callback and can be written as one line of the JSONL contract.
 *
 * Each document gets its own arena, reset after its articles have been delivered.
 */
#include "dossier.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "dossier_internal.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "nlp/lexicon.h"
#include "nlp/nlp.h"
#include "quotes/quotes.h"

#define DOC_ARENA_FACTOR 16 /* an article's structures may take up to this many times its input */

/* One document on its way through extraction. Everything it points to lives in `mem`
 * (threaded runs) or in the ingest callback's frame (single-threaded runs). */
typedef struct job {
    struct job *next;          /* next job waiting for a worker */
    struct job *next_in_order; /* next job in input order */
    arena *mem;        /* the document's arena: its copy of the input and its articles */
    ingest_doc doc;    /* the document */
    article_list list; /* the articles found */
    nlp_doc *nlp;      /* per article: sentences and entities (NULL: not annotated) */
    quote_list *quotes; /* per article: quotes */
    dossier_status rc; /* extraction status */
    int done;          /* extraction finished (guarded by the pool lock) */
} job;

/* State of one dossier_extract_* call. */
typedef struct run_state {
    dossier *d;                    /* the handle */
    dossier_article_fn on_article; /* the caller's callback */
    void *user;                    /* its argument */
    arena *mem;                    /* single-threaded: the per-document arena, reused */
    dossier_status last;           /* last failure of the run */
    int stopped;                   /* the callback asked to stop */
    /* Threaded runs: workers extract, the calling thread reads input and delivers in order. */
    int n_threads;                 /* worker count; 0 = extract on the calling thread */
    pthread_t *threads;            /* the workers */
    pthread_mutex_t lock;          /* guards everything below */
    pthread_cond_t work;           /* signalled when a job is queued or the run closes */
    pthread_cond_t finished;       /* signalled when a job is done */
    job *todo, *todo_tail;         /* jobs waiting for a worker (FIFO) */
    job *order, *order_tail;       /* every job in flight, in input order (via next_in_order) */
    size_t in_flight;              /* jobs queued or running or waiting for delivery */
    int closing;                   /* no more jobs will come */
    arena *spare;                  /* one recycled arena */
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
    case DOSSIER_ERR_DB: return "database error";
    case DOSSIER_ERR_QUERY: return "bad search query";
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

dossier_status annotate_article(arena *a, const article *art, nlp_doc *doc, quote_list *quotes)
{
    /* Relative references ("the secretary") resolve against the publication day. */
    const char *day = art->published && strlen(art->published) >= 10
                          ? arena_strndup(a, art->published, 10)
                          : NULL;
    dossier_status rc = nlp_split(a, art->text ? art->text : "", art->text_len, art->paragraphs,
                                  art->n_paragraphs, doc);
    if (!rc) rc = nlp_entities(a, doc, day);
    if (!rc) rc = quotes_find(a, doc, quotes);
    return rc;
}

/* Sentences, entities and quotes of every article of a job (any thread). */
static dossier_status annotate_job(job *j)
{
    size_t n = j->list.n;
    if (!n) return DOSSIER_OK;
    if (!lexicon_get()) return DOSSIER_ERR_FORMAT; /* the compiled-in data failed to build */
    j->nlp = arena_calloc(j->mem, n, sizeof *j->nlp);
    j->quotes = arena_calloc(j->mem, n, sizeof *j->quotes);
    if (!j->nlp || !j->quotes) return DOSSIER_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        dossier_status rc =
            annotate_article(j->mem, &j->list.items[i], &j->nlp[i], &j->quotes[i]);
        if (rc) return rc;
    }
    return DOSSIER_OK;
}

/* Finds the articles of one document and annotates them (any thread). */
static void extract_job(job *j, const dossier_options *o)
{
    const ingest_doc *doc = &j->doc;
    extract_hints hints = {doc->url, doc->site, doc->published, doc->title, o->drop_teasers};
    if (o->plain)
        j->rc = extract_plain(j->mem, doc->data, doc->len, &hints, &j->list);
    else
        j->rc = doc->kind == INGEST_HTML
                    ? extract_from_html(j->mem, doc->data, doc->len, &hints, &j->list)
                    : extract_from_text(j->mem, doc->data, doc->len, &hints, &j->list);
    if (!j->rc && !o->no_annotate) j->rc = annotate_job(j);
}

/* Hands a finished job's articles to the caller (calling thread only). Returns 1 to stop. */
static int deliver_job(run_state *st, job *j)
{
    const char *origin = j->doc.origin;
    if (j->rc) {
        /* a broken dictionary (a duplicate form in data/cues.tsv) names its file and line */
        const char *lex = j->rc == DOSSIER_ERR_FORMAT ? lexicon_error() : NULL;
        report(st, origin, j->rc, lex ? lex : dossier_strerror(j->rc));
        return 0;
    }
    if (j->list.n == 0) {
        report(st, origin, DOSSIER_ERR_EMPTY, "no article text found in the document");
        return 0;
    }
    uint64_t h = hash64(origin, strlen(origin), 0);
    for (size_t i = 0; i < j->list.n; i++) {
        dossier_article pub;
        memset(&pub, 0, sizeof pub);
        pub.art = &j->list.items[i];
        pub.nlp = j->nlp ? &j->nlp[i] : NULL;
        pub.quotes = j->quotes ? &j->quotes[i] : NULL;
        pub.source = origin;
        pub.doc_bytes = i == 0 ? j->doc.len : 0;
        char key[32];
        int k = snprintf(key, sizeof key, "#%d", j->list.items[i].index);
        hash_hex(hash64(key, (size_t)k, h), pub.id);
        if (st->on_article && st->on_article(st->user, &pub)) {
            st->stopped = 1;
            return 1;
        }
    }
    return 0;
}

static void *worker_main(void *arg)
{
    run_state *st = arg;
    pthread_mutex_lock(&st->lock);
    for (;;) {
        while (!st->todo && !st->closing) pthread_cond_wait(&st->work, &st->lock);
        job *j = st->todo;
        if (!j) break;
        st->todo = j->next;
        if (!st->todo) st->todo_tail = NULL;
        pthread_mutex_unlock(&st->lock);
        extract_job(j, &st->d->opts);
        pthread_mutex_lock(&st->lock);
        j->done = 1;
        pthread_cond_broadcast(&st->finished);
    }
    pthread_mutex_unlock(&st->lock);
    return NULL;
}

/* Delivers finished jobs from the head of the order; with `wait_for`, first waits until the
 * in-flight count is below it. Lock held on entry and exit. */
static void drain(run_state *st, size_t wait_for)
{
    for (;;) {
        job *j = st->order;
        if (j && j->done) {
            st->order = j->next_in_order;
            if (!st->order) st->order_tail = NULL;
            st->in_flight--;
            pthread_mutex_unlock(&st->lock);
            if (!st->stopped) deliver_job(st, j);
            pthread_mutex_lock(&st->lock);
            if (!st->spare) {
                arena_reset(j->mem);
                st->spare = j->mem;
            } else {
                arena_free(j->mem);
            }
            continue;
        }
        if (st->in_flight < wait_for || !j) return;
        pthread_cond_wait(&st->finished, &st->lock);
    }
}

/* Copies the document into a job of its own and queues it (calling thread). */
static int queue_document(run_state *st, const ingest_doc *doc)
{
    pthread_mutex_lock(&st->lock);
    arena *mem = st->spare;
    st->spare = NULL;
    pthread_mutex_unlock(&st->lock);
    if (!mem) mem = arena_new(st->d->opts.max_doc_bytes * DOC_ARENA_FACTOR);
    job *j = mem ? arena_calloc(mem, 1, sizeof *j) : NULL;
    if (j) {
        j->mem = mem;
        j->doc = *doc;
        j->doc.origin = arena_strdup(mem, doc->origin);
        j->doc.url = arena_strdup(mem, doc->url);
        j->doc.site = arena_strdup(mem, doc->site);
        j->doc.published = arena_strdup(mem, doc->published);
        j->doc.title = arena_strdup(mem, doc->title);
        j->doc.charset = arena_strdup(mem, doc->charset);
        j->doc.data = arena_strndup(mem, doc->data, doc->len);
    }
    if (!j || !j->doc.origin || !j->doc.data) {
        arena_free(mem);
        report(st, doc->origin, DOSSIER_ERR_NOMEM, "out of memory queueing the document");
        return 0;
    }
    pthread_mutex_lock(&st->lock);
    if (st->todo_tail) st->todo_tail->next = j;
    else st->todo = j;
    st->todo_tail = j;
    if (st->order_tail) st->order_tail->next_in_order = j;
    else st->order = j;
    st->order_tail = j;
    st->in_flight++;
    pthread_cond_signal(&st->work);
    /* Bounded memory: at most two documents per worker in flight. */
    drain(st, (size_t)st->n_threads * 2);
    int stop = st->stopped;
    pthread_mutex_unlock(&st->lock);
    return stop;
}

static int on_document(void *user, const ingest_doc *doc)
{
    run_state *st = user;
    if (st->n_threads > 0) return queue_document(st, doc);
    arena_reset(st->mem);
    job j = {0};
    j.mem = st->mem;
    j.doc = *doc;
    extract_job(&j, &st->d->opts);
    return deliver_job(st, &j);
}

static int start_workers(run_state *st, int n)
{
    st->threads = calloc((size_t)n, sizeof *st->threads);
    if (!st->threads) return -1;
    pthread_mutex_init(&st->lock, NULL);
    pthread_cond_init(&st->work, NULL);
    pthread_cond_init(&st->finished, NULL);
    for (int i = 0; i < n; i++) {
        if (pthread_create(&st->threads[i], NULL, worker_main, st) != 0) break;
        st->n_threads++;
    }
    return st->n_threads > 0 ? 0 : -1;
}

static void stop_workers(run_state *st)
{
    pthread_mutex_lock(&st->lock);
    drain(st, 1); /* everything queued is extracted and delivered (or dropped when stopped) */
    st->closing = 1;
    pthread_cond_broadcast(&st->work);
    pthread_mutex_unlock(&st->lock);
    for (int i = 0; i < st->n_threads; i++) pthread_join(st->threads[i], NULL);
    arena_free(st->spare);
    pthread_cond_destroy(&st->finished);
    pthread_cond_destroy(&st->work);
    pthread_mutex_destroy(&st->lock);
    free(st->threads);
}

static dossier_status run(dossier *d, const char *path, const char *name, const void *data,
                          size_t len, const char *hint, dossier_article_fn fn, void *user)
{
    if (!d || (!path && !name)) return DOSSIER_ERR_USAGE;
    err_clear(&d->err);
    run_state st;
    memset(&st, 0, sizeof st);
    st.d = d, st.on_article = fn, st.user = user;
    int threaded = d->opts.threads > 1 && start_workers(&st, d->opts.threads) == 0;
    if (!threaded) {
        st.n_threads = 0;
        st.mem = arena_new(d->opts.max_doc_bytes * DOC_ARENA_FACTOR);
        if (!st.mem) return err_set(&d->err, DOSSIER_ERR_NOMEM, "out of memory");
    }
    ingest_opts io = {d->opts.max_doc_bytes, on_document, on_ingest_error, &st};
    dossier_status rc =
        path ? ingest_path(path, &io) : ingest_memory(name, data, len, hint, &io);
    if (threaded) stop_workers(&st);
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
const char *dossier_article_modified(const dossier_article *a) { return a->art->modified; }
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

/* "entities":[{"name","kind","code","title","mentions":[[s,e],...]}] */
static dossier_status put_entities(dbuf *b, const nlp_doc *nd)
{
    dossier_status rc = dbuf_putc(b, '[');
    for (size_t i = 0; !rc && nd && i < nd->n_entities; i++) {
        const entity *e = &nd->entities[i];
        rc = dbuf_puts(b, i ? ",{\"name\":" : "{\"name\":");
        if (!rc) rc = json_put_cstr_or_null(b, e->name);
        if (!rc)
            rc = dbuf_printf(b, ",\"kind\":\"%s\",\"code\":", nlp_entity_kind_name(e->kind));
        if (!rc) rc = json_put_cstr_or_null(b, e->code);
        if (!rc) rc = dbuf_puts(b, ",\"title\":");
        if (!rc) rc = json_put_cstr_or_null(b, e->title);
        if (!rc) rc = dbuf_puts(b, ",\"mentions\":[");
        int first = 1;
        for (size_t m = e->first; !rc && m < nd->n_mentions; m++) {
            if (nd->mentions[m].entity != i) continue;
            rc = dbuf_printf(b, "%s[%zu,%zu]", first ? "" : ",", nd->mentions[m].at.start,
                             nd->mentions[m].at.end);
            first = 0;
        }
        if (!rc) rc = dbuf_puts(b, "]}");
    }
    return rc ? rc : dbuf_putc(b, ']');
}

/* "quotes":[{"text","start","end","kind","cue","cue_start","cue_end","speaker":{...}|null}] */
static dossier_status put_quotes(dbuf *b, const dossier_article *a)
{
    dossier_status rc = dbuf_putc(b, '[');
    const char *text = a->art->text;
    for (size_t i = 0; !rc && a->quotes && i < a->quotes->n; i++) {
        const quote *q = &a->quotes->items[i];
        rc = dbuf_puts(b, i ? ",{\"text\":" : "{\"text\":");
        if (!rc && q->n_segments) {
            /* The pieces of a split quotation, joined by a space, as one quotation. */
            dbuf words;
            dbuf_init(&words, 0);
            for (size_t k = 0; !rc && k < q->n_segments; k++) {
                if (k) rc = dbuf_putc(&words, ' ');
                if (!rc)
                    rc = dbuf_append(&words, text + q->segments[k].start,
                                     q->segments[k].end - q->segments[k].start);
            }
            if (!rc) rc = json_put_str(b, words.ptr, words.len);
            dbuf_release(&words);
        } else if (!rc) {
            rc = json_put_str(b, text + q->at.start, q->at.end - q->at.start);
        }
        if (!rc)
            rc = dbuf_printf(b, ",\"start\":%zu,\"end\":%zu,\"kind\":\"%s\",\"cue\":", q->at.start,
                             q->at.end, quotes_kind_name(q->kind));
        if (!rc && q->cue.end > q->cue.start)
            rc = json_put_str(b, text + q->cue.start, q->cue.end - q->cue.start);
        else if (!rc)
            rc = dbuf_puts(b, "null");
        /* "segments" are the pieces of a quotation split around its frame (they replace
         * start/end); "pieces" the quoted words of a partial quotation in several pieces,
         * all inside content_start/content_end, which stays what is attributed. */
        if (!rc && q->n_segments) {
            rc = dbuf_puts(b, q->in_content ? ",\"pieces\":" : ",\"segments\":");
            if (!rc) rc = put_spans(b, q->segments, q->n_segments);
        }
        if (!rc) rc = dbuf_puts(b, ",\"cue_lemma\":");
        if (!rc) rc = json_put_cstr_or_null(b, q->cue_lemma);
        if (!rc)
            rc = dbuf_printf(b,
                             ",\"cue_start\":%zu,\"cue_end\":%zu,\"content_start\":%zu,"
                             "\"content_end\":%zu,\"sentence\":%u,\"speaker\":",
                             q->cue.start, q->cue.end, q->content.start, q->content.end, q->sent);
        if (!rc && q->speaker_at.end > q->speaker_at.start) {
            const char *name = q->speaker >= 0 ? a->nlp->entities[q->speaker].name : NULL;
            rc = dbuf_puts(b, "{\"name\":");
            if (!rc && name) rc = json_put_cstr_or_null(b, name);
            else if (!rc)
                rc = json_put_str(b, text + q->speaker_at.start,
                                  q->speaker_at.end - q->speaker_at.start);
            if (!rc && q->speaker >= 0) rc = dbuf_printf(b, ",\"entity\":%d", q->speaker);
            else if (!rc) rc = dbuf_puts(b, ",\"entity\":null");
            if (!rc)
                rc = dbuf_printf(b, ",\"start\":%zu,\"end\":%zu}", q->speaker_at.start,
                                 q->speaker_at.end);
        } else if (!rc) {
            rc = dbuf_puts(b, "null");
        }
        if (!rc) rc = dbuf_putc(b, '}');
    }
    return rc ? rc : dbuf_putc(b, ']');
}

size_t dossier_article_sentence_count(const dossier_article *a)
{
    return a->nlp ? a->nlp->n_sentences : 0;
}

dossier_status dossier_article_sentence(const dossier_article *a, size_t i, size_t *start,
                                        size_t *end)
{
    if (!a->nlp || i >= a->nlp->n_sentences) return DOSSIER_ERR_USAGE;
    *start = a->nlp->sentences[i].start;
    *end = a->nlp->sentences[i].end;
    return DOSSIER_OK;
}

size_t dossier_article_entity_count(const dossier_article *a)
{
    return a->nlp ? a->nlp->n_entities : 0;
}

dossier_status dossier_article_entity(const dossier_article *a, size_t i, dossier_entity *out)
{
    if (!a->nlp || i >= a->nlp->n_entities) return DOSSIER_ERR_USAGE;
    const entity *e = &a->nlp->entities[i];
    out->name = e->name;
    out->kind = nlp_entity_kind_name(e->kind);
    out->code = e->code;
    out->title = e->title;
    out->n_mentions = e->n_mentions;
    return DOSSIER_OK;
}

size_t dossier_article_mention_count(const dossier_article *a)
{
    return a->nlp ? a->nlp->n_mentions : 0;
}

dossier_status dossier_article_mention(const dossier_article *a, size_t i, size_t *start,
                                       size_t *end, int *ent)
{
    if (!a->nlp || i >= a->nlp->n_mentions) return DOSSIER_ERR_USAGE;
    *start = a->nlp->mentions[i].at.start;
    *end = a->nlp->mentions[i].at.end;
    *ent = (int)a->nlp->mentions[i].entity;
    return DOSSIER_OK;
}

size_t dossier_article_quote_count(const dossier_article *a)
{
    return a->quotes ? a->quotes->n : 0;
}

dossier_status dossier_article_quote(const dossier_article *a, size_t i, dossier_quote *out)
{
    if (!a->quotes || i >= a->quotes->n) return DOSSIER_ERR_USAGE;
    const quote *q = &a->quotes->items[i];
    out->start = q->at.start;
    out->end = q->at.end;
    out->kind = quotes_kind_name(q->kind);
    out->cue_start = q->cue.start;
    out->cue_end = q->cue.end;
    out->cue_lemma = q->cue_lemma;
    out->speaker_entity = q->speaker;
    out->speaker = q->speaker >= 0 ? a->nlp->entities[q->speaker].name : NULL;
    out->speaker_start = q->speaker_at.start;
    out->speaker_end = q->speaker_at.end;
    out->n_segments = q->n_segments;
    return DOSSIER_OK;
}

dossier_status dossier_article_quote_segment(const dossier_article *a, size_t i, size_t k,
                                             size_t *start, size_t *end)
{
    if (!a->quotes || i >= a->quotes->n || k >= a->quotes->items[i].n_segments)
        return DOSSIER_ERR_USAGE;
    *start = a->quotes->items[i].segments[k].start;
    *end = a->quotes->items[i].segments[k].end;
    return DOSSIER_OK;
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
    if (!rc) rc = dbuf_puts(&b, ",\"modified\":");
    if (!rc) rc = json_put_cstr_or_null(&b, art->modified);
    if (!rc) rc = dbuf_puts(&b, ",\"lang\":");
    if (!rc) rc = json_put_cstr_or_null(&b, art->lang);
    if (!rc) rc = dbuf_printf(&b, ",\"teaser\":%s,\"text\":", art->teaser ? "true" : "false");
    if (!rc) rc = json_put_str(&b, art->text ? art->text : "", art->text ? art->text_len : 0);
    if (!rc) rc = dbuf_puts(&b, ",\"paragraphs\":");
    if (!rc) rc = put_spans(&b, art->paragraphs, art->n_paragraphs);
    if (!rc) rc = dbuf_puts(&b, ",\"paragraph_sources\":");
    if (!rc) rc = put_spans(&b, art->sources, art->sources ? art->n_paragraphs : 0);
    if (!rc) rc = dbuf_puts(&b, ",\"sentences\":");
    if (!rc) rc = put_spans(&b, a->nlp ? a->nlp->sentences : NULL, a->nlp ? a->nlp->n_sentences : 0);
    if (!rc) rc = dbuf_puts(&b, ",\"entities\":");
    if (!rc) rc = put_entities(&b, a->nlp);
    if (!rc) rc = dbuf_puts(&b, ",\"quotes\":");
    if (!rc) rc = put_quotes(&b, a);
    if (!rc) rc = dbuf_puts(&b, ",\"events\":[]}");
    if (rc) {
        dbuf_release(&b);
        return rc;
    }
    *json = dbuf_detach(&b, len);
    return *json ? DOSSIER_OK : DOSSIER_ERR_NOMEM;
}
