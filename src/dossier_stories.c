/*
 * dossier_stories.c - the stories half of the public API (include/dossier.h, "Stories"):
 * clustering the stored articles into stories (src/stories/cluster.h) and listing them.
 *
 * A clustering run reads every latest article (document frequencies and centroids always
 * reflect the whole corpus), gives the clusterer the stories already made, and writes only what
 * the run placed, in one transaction. An article's features are computed from its text once and
 * stored packed (table article_features); later runs read them back instead of the text, so an
 * incremental run costs little more than its new articles. Stored features this version cannot
 * read (another format) are dropped and the run starts over from the texts.
 */
#include "dossier.h"

#include <stdlib.h>
#include <string.h>

#include "dossier_internal.h"
#include "stories/cluster.h"

static dossier_status not_open(dossier_db *db)
{
    if (!db) return DOSSIER_ERR_USAGE;
    if (db->st) return DOSSIER_OK;
    if (!db->err.msg[0]) err_set(&db->err, DOSSIER_ERR_USAGE, "the database is not open");
    return db->err.status ? db->err.status : DOSSIER_ERR_USAGE;
}

/* What add_article works with. */
typedef struct add_ctx {
    clusterer *c;       /* the run's clusterer */
    store *st;          /* where new features are stored */
    dbuf pack;          /* scratch for one article's packed features */
    int stale;          /* 1: a stored blob could not be read (the run starts over) */
    dossier_status rc;  /* the first failure */
} add_ctx;

/* Hands one stored article to the clusterer: its stored features, or its text (and then stores
 * the features computed from it). */
static int add_article(void *user, const store_cluster_row *row)
{
    add_ctx *x = user;
    cl_article a;
    memset(&a, 0, sizeof a);
    a.id = row->id;
    a.in.title = row->title;
    a.in.title_len = row->title ? row->title_len : 0;
    a.in.text = row->text ? row->text : "";
    a.in.text_len = row->text ? row->text_len : 0;
    a.in.lang = row->lang;
    a.in.entities = row->entities;
    a.in.n_entities = row->n_entities;
    a.published = row->published;
    a.story = row->story;
    a.duplicate = row->duplicate;
    if (row->features) {
        x->rc = cl_add_packed(x->c, &a, row->features, row->features_len);
        if (x->rc == DOSSIER_ERR_FORMAT) {
            x->stale = 1;
            x->rc = DOSSIER_OK;
        }
        return x->rc != DOSSIER_OK;
    }
    if ((x->rc = cl_add(x->c, &a))) return 1;
    dbuf_reset(&x->pack);
    if ((x->rc = cl_pack(x->c, &x->pack))) return 1;
    x->rc = store_article_features_put(x->st, row->id, x->pack.ptr, x->pack.len);
    return x->rc != DOSSIER_OK;
}

/* Writes what the run placed: new stories, changed ones, and the new members. */
static dossier_status write_results(store *st, clusterer *c, dossier_cluster_counts *k)
{
    size_t nr, ns;
    const cl_result *res = cl_results(c, &nr);
    const cl_story *stories = cl_stories(c, &ns);
    int64_t *ids = calloc(ns + 1, sizeof *ids);
    if (!ids) return DOSSIER_ERR_NOMEM;
    dossier_status rc = DOSSIER_OK;
    for (size_t i = 0; i < ns && !rc; i++) {
        const cl_story *s = &stories[i];
        ids[i] = s->id;
        if (!s->changed || !s->n_articles) continue;
        const char *label = s->label ? s->label : "";
        if (s->id) {
            rc = store_story_update(st, s->id, label, s->first, s->last);
        } else {
            rc = store_story_create(st, label, s->first, s->last, &ids[i]);
            k->new_stories++;
        }
    }
    for (size_t i = 0; i < nr && !rc; i++) {
        const cl_result *r = &res[i];
        if (!r->is_new) continue;
        int dup = r->role == CL_DUPLICATE;
        rc = store_story_add(st, ids[r->story], r->id, dup ? "duplicate" : "member",
                             dup ? r->duplicate_of : 0, r->score);
        k->articles++;
        k->duplicates += dup;
    }
    free(ids);
    return rc;
}

static int count_story(void *user, const store_story_row *row)
{
    (void)row;
    ((dossier_cluster_counts *)user)->stories++;
    return 0;
}

dossier_status dossier_db_cluster(dossier_db *db, const dossier_cluster_options *opts,
                                  dossier_cluster_counts *counts)
{
    dossier_status rc = not_open(db);
    if (rc) return rc;
    dossier_cluster_counts k = {0};
    cl_params p;
    cl_params_default(&p);
    if (opts && opts->threshold > 0) p.threshold = opts->threshold;
    if (opts && opts->ignore_dates) p.use_dates = 0;
    clusterer *c = NULL;
    long todo = 0;
    if ((rc = store_begin(db->st))) return rc;
    if (opts && opts->recluster && (rc = store_stories_clear(db->st))) goto fail;
    if ((rc = store_stories_prune(db->st)) || (rc = store_count_unclustered(db->st, &todo)))
        goto fail;
    if (todo > 0) {
        c = cl_new(&p);
        if (!c) {
            rc = err_set(&db->err, DOSSIER_ERR_NOMEM, "out of memory clustering");
            goto fail;
        }
        add_ctx x = {c, db->st, {0}, 0, DOSSIER_OK};
        dbuf_init(&x.pack, 0);
        rc = store_cluster_articles(db->st, add_article, &x);
        if (!rc && x.stale) { /* features of another format: from the texts, once more */
            cl_free(c);
            c = x.c = cl_new(&p);
            rc = c ? store_article_features_clear(db->st) : DOSSIER_ERR_NOMEM;
            if (!rc) rc = store_cluster_articles(db->st, add_article, &x);
        }
        dbuf_release(&x.pack);
        if (rc == DOSSIER_ERR_STOPPED) rc = x.rc;
        if (rc == DOSSIER_ERR_NOMEM && !db->err.msg[0])
            err_set(&db->err, rc, "out of memory reading the articles to cluster");
        if (rc) goto fail;
        if ((rc = cl_run(c))) {
            err_set(&db->err, rc, "out of memory clustering");
            goto fail;
        }
        if ((rc = write_results(db->st, c, &k))) goto fail;
        cl_free(c);
        c = NULL;
    }
    if ((rc = store_stories_list(db->st, count_story, &k))) goto fail;
    if ((rc = store_commit(db->st))) goto fail;
    if (counts) *counts = k;
    return DOSSIER_OK;
fail:
    cl_free(c);
    store_rollback(db->st);
    if (rc == DOSSIER_ERR_NOMEM && !db->err.msg[0])
        err_set(&db->err, rc, "out of memory clustering");
    return rc;
}

/* Forwards store rows as public structs. */
typedef struct list_ctx {
    dossier_story_fn on_story;           /* stories */
    dossier_story_article_fn on_article; /* or articles */
    void *user;
} list_ctx;

static int story_row(void *user, const store_story_row *row)
{
    list_ctx *l = user;
    dossier_story_info info = {row->id,
                               row->label ? row->label : "",
                               row->first,
                               row->last,
                               (size_t)row->n_articles,
                               (size_t)row->n_outlets,
                               (size_t)row->n_duplicates,
                               row->outlets ? row->outlets : ""};
    return l->on_story(l->user, &info);
}

dossier_status dossier_db_stories(dossier_db *db, dossier_story_fn on_story, void *user)
{
    dossier_status rc = not_open(db);
    if (rc) return rc;
    if (!on_story) return DOSSIER_ERR_USAGE;
    list_ctx l = {on_story, NULL, user};
    return store_stories_list(db->st, story_row, &l);
}

static int article_row(void *user, const store_story_article_row *row)
{
    list_ctx *l = user;
    dossier_story_article a = {row->uid,   row->source,    row->idx,  row->outlet,
                               row->title, row->published, row->role, row->duplicate_of,
                               row->score};
    return l->on_article(l->user, &a);
}

dossier_status dossier_db_story_articles(dossier_db *db, int64_t story,
                                         dossier_story_article_fn on_article, void *user)
{
    dossier_status rc = not_open(db);
    if (rc) return rc;
    if (!on_article) return DOSSIER_ERR_USAGE;
    list_ctx l = {NULL, on_article, user};
    return store_story_articles(db->st, story, article_row, &l);
}
