/*
 * dossier_db.c - the store half of the public API (include/dossier.h): opening the database,
 * ingesting paths through the extraction workers into batched transactions, search and export.
 *
 * Threads: dossier_extract_path extracts on the handle's workers and delivers articles in input
 * order on the calling thread, which alone talks to SQLite; so the connection needs no locking.
 */
#include "dossier.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "dossier_internal.h"
#include "store/store.h"

#define DEFAULT_BATCH 500
#define PROGRESS_EVERY 256 /* articles between progress calls inside a batch */


dossier_status dossier_db_open(const char *path, dossier_db **out)
{
    if (!out) return DOSSIER_ERR_USAGE;
    dossier_db *db = calloc(1, sizeof *db);
    *out = db;
    if (!db) return DOSSIER_ERR_NOMEM;
    if (!path || !path[0]) return err_set(&db->err, DOSSIER_ERR_USAGE, "no database path");
    return store_open(path, &db->err, &db->st);
}

void dossier_db_close(dossier_db *db)
{
    if (!db) return;
    store_close(db->st);
    free(db);
}

const char *dossier_db_errmsg(const dossier_db *db)
{
    return db ? db->err.msg : "out of memory opening the database";
}

int dossier_db_schema_version(const dossier_db *db)
{
    return db && db->st ? store_schema_version(db->st) : 0;
}

static dossier_status not_open(dossier_db *db)
{
    if (!db) return DOSSIER_ERR_USAGE;
    if (db->st) return DOSSIER_OK;
    if (!db->err.msg[0]) err_set(&db->err, DOSSIER_ERR_USAGE, "the database is not open");
    return db->err.status ? db->err.status : DOSSIER_ERR_USAGE;
}

/* State of one dossier_db_ingest call. */
typedef struct ingest_run {
    dossier_db *db;                  /* the database */
    dossier *d;                      /* the extraction handle */
    const dossier_db_ingest_options *opts; /* batch size, progress */
    int batch;                       /* articles per transaction */
    int64_t run;                     /* the ingests row */
    dossier_db_counts *counts;       /* running totals */
    long in_batch;                   /* articles in the open transaction */
    long in_input;                   /* articles of the current path */
    dossier_status db_rc;            /* a database failure stops the run */
    int stopped;                     /* the progress callback asked to stop */
    dossier_error_fn user_on_error;  /* the handle's own error callback, forwarded to */
    void *user_arg;                  /* and its argument */
} ingest_run;

static void count_error(void *user, const char *input, dossier_status status, const char *msg)
{
    ingest_run *r = user;
    r->counts->errors++;
    if (r->user_on_error) r->user_on_error(r->user_arg, input, status, msg);
}

static int report_progress(ingest_run *r)
{
    if (r->opts && r->opts->progress && r->opts->progress(r->opts->user, r->counts)) {
        r->stopped = 1;
        return 1;
    }
    return 0;
}

/* Commits the open batch and opens the next. */
static dossier_status next_batch(ingest_run *r)
{
    dossier_status rc = store_commit(r->db->st);
    if (rc) return rc;
    r->counts->batches++;
    r->in_batch = 0;
    return store_begin(r->db->st);
}

static int store_one(void *user, const dossier_article *a)
{
    ingest_run *r = user;
    store_article sa = {a->id, a->source, a->art, a->nlp, a->quotes};
    store_put_result res;
    r->db_rc = store_put_article(r->db->st, &sa, r->run, &res, NULL);
    if (r->db_rc) return 1;
    r->counts->articles++;
    r->counts->bytes += a->doc_bytes;
    if (res == STORE_NEW) r->counts->new_articles++;
    else if (res == STORE_UNCHANGED) r->counts->unchanged++;
    else r->counts->new_versions++;
    r->in_input++;
    if (++r->in_batch >= r->batch) {
        r->db_rc = next_batch(r);
        if (r->db_rc) return 1;
        return report_progress(r);
    }
    if (r->counts->articles % PROGRESS_EVERY == 0) return report_progress(r);
    return 0;
}

/* The path as stored: absolute for files and folders, as given for "-". */
static char *stored_path(const char *path)
{
    if (!strcmp(path, "-")) return strdup(path);
    char *abs = realpath(path, NULL);
    return abs ? abs : strdup(path); /* a missing path is reported by extraction */
}

dossier_status dossier_db_ingest(dossier *d, dossier_db *db, const char *const *paths, size_t n,
                                 const dossier_db_ingest_options *opts,
                                 dossier_db_counts *counts)
{
    dossier_status rc = not_open(db);
    if (rc) return rc;
    if (!d || (!paths && n)) return err_set(&db->err, DOSSIER_ERR_USAGE, "bad argument");
    err_clear(&db->err);
    dossier_db_counts local = {0};
    ingest_run r;
    memset(&r, 0, sizeof r);
    r.db = db, r.d = d, r.opts = opts;
    r.counts = counts ? counts : &local;
    r.batch = opts && opts->batch > 0 ? opts->batch : DEFAULT_BATCH;
    long new0 = r.counts->new_articles, unch0 = r.counts->unchanged;
    long vers0 = r.counts->new_versions, err0 = r.counts->errors;

    /* The run's arguments, for the ingests table. */
    dbuf args;
    dbuf_init(&args, 1 << 20);
    for (size_t i = 0; i < n; i++) dbuf_printf(&args, "%s%s", i ? " " : "", paths[i]);
    rc = store_run_start(db->st, args.ptr ? args.ptr : "", &r.run);
    dbuf_release(&args);
    if (rc) return rc;

    /* Count input errors on the way to the handle's own callback. */
    r.user_on_error = d->opts.on_error;
    r.user_arg = d->opts.user;
    d->opts.on_error = count_error;
    d->opts.user = &r;

    dossier_status last = DOSSIER_OK;
    rc = store_begin(db->st);
    for (size_t i = 0; !rc && i < n && !r.stopped; i++) {
        char *path = stored_path(paths[i]);
        if (!path) {
            rc = err_set(&db->err, DOSSIER_ERR_NOMEM, "out of memory");
            break;
        }
        r.in_input = 0;
        d->opts.user = &r;
        dossier_status xr = dossier_extract_path(d, path, store_one, &r);
        if (r.db_rc) rc = r.db_rc;
        else if (xr != DOSSIER_OK && xr != DOSSIER_ERR_STOPPED) last = xr;
        if (!rc && !r.stopped) rc = store_run_input_done(db->st, r.run, path, r.in_input);
        free(path);
    }
    d->opts.on_error = r.user_on_error;
    d->opts.user = r.user_arg;

    if (!rc) {
        rc = store_commit(db->st);
        if (!rc && r.in_batch) r.counts->batches++;
    } else {
        store_rollback(db->st); /* only the open batch: committed ones stay */
    }
    if (!rc && !r.stopped) report_progress(&r);
    const char *status = rc ? "failed" : r.stopped ? "stopped" : "done";
    dossier_status frc = store_run_finish(
        db->st, r.run, status, r.counts->new_articles - new0, r.counts->unchanged - unch0,
        r.counts->new_versions - vers0, r.counts->errors - err0);
    if (rc) return rc;
    if (frc) return frc;
    if (r.stopped) return DOSSIER_ERR_STOPPED;
    return last;
}

/* ---- search ---- */

typedef struct search_ctx {
    dossier_db_hit_fn fn; /* the caller's callback */
    void *user;           /* its argument */
} search_ctx;

static int on_store_hit(void *user, const store_hit *h)
{
    search_ctx *c = user;
    dossier_db_hit pub = {h->kind,    h->uid,     h->source,  h->idx,     h->title,
                          h->site,    h->published, h->snippet, h->speaker, h->score};
    return c->fn ? c->fn(c->user, &pub) : 0;
}

dossier_status dossier_db_search(dossier_db *db, const char *query, int limit,
                                 dossier_db_hit_fn on_hit, void *user)
{
    dossier_status rc = not_open(db);
    if (rc) return rc;
    err_clear(&db->err);
    search_ctx c = {on_hit, user};
    return store_search(db->st, query, limit, on_store_hit, &c);
}

dossier_status dossier_db_export(dossier_db *db, dossier_export_what what,
                                 dossier_export_format format, FILE *out)
{
    dossier_status rc = not_open(db);
    if (rc) return rc;
    if (!out) return err_set(&db->err, DOSSIER_ERR_USAGE, "no output stream");
    err_clear(&db->err);
    return store_export(db->st, (int)what, (int)format, out);
}
