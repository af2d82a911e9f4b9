/*
 * story_read.c - reading one story back from the store: its articles (latest versions), each
 * with its text, paragraphs, metadata, outlet, role and the article it duplicates, rebuilt as
 * extract's `article` in the caller's arena so the comparison stage can run on them.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

static const char sql_members[] =
    "SELECT a.id, a.uid, a.source, a.idx, a.url, o.name, a.title, a.author, a.published, "
    "a.lang, a.teaser, a.text, sa.role, sa.duplicate_of "
    "FROM story_articles sa JOIN articles a ON a.id = sa.article "
    "LEFT JOIN outlets o ON o.id = a.outlet "
    "WHERE sa.story = ?1 AND a.latest = 1 "
    "ORDER BY coalesce(a.published, ''), a.source, a.idx";

static const char sql_paragraphs[] =
    "SELECT start, end, src_start, src_end FROM paragraphs WHERE article = ?1 ORDER BY n";

/* A copy of column i in the arena, or NULL for SQL NULL. */
static const char *col_dup(arena *a, sqlite3_stmt *st, int i)
{
    const unsigned char *p = sqlite3_column_text(st, i);
    if (!p) return NULL;
    return arena_strndup(a, (const char *)p, (size_t)sqlite3_column_bytes(st, i));
}

/* The paragraphs of article `id`, checked against the text length (a hand-edited database must
 * not make later stages read out of bounds). */
static dossier_status read_paragraphs(store *s, arena *a, sqlite3_stmt *st, int64_t id,
                                      article *art)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)id);
    size_t cap = 0;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 b = sqlite3_column_int64(st, 0), e = sqlite3_column_int64(st, 1);
        if (b < 0 || e < b || (size_t)e > art->text_len) {
            return err_set(s->err, DOSSIER_ERR_DB, "%s: article %lld: paragraph %lld..%lld "
                           "lies outside its text", s->path, (long long)id, (long long)b,
                           (long long)e);
        }
        if (art->n_paragraphs == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            span *np = arena_alloc(a, ncap * sizeof *np);
            span *ns = arena_alloc(a, ncap * sizeof *ns);
            if (!np || !ns) return DOSSIER_ERR_NOMEM;
            if (cap) {
                memcpy(np, art->paragraphs, cap * sizeof *np);
                memcpy(ns, art->sources, cap * sizeof *ns);
            }
            art->paragraphs = np;
            art->sources = ns;
            cap = ncap;
        }
        art->paragraphs[art->n_paragraphs] = (span){(size_t)b, (size_t)e};
        art->sources[art->n_paragraphs] =
            (span){(size_t)sqlite3_column_int64(st, 2), (size_t)sqlite3_column_int64(st, 3)};
        art->n_paragraphs++;
    }
    if (r != SQLITE_DONE) return store_fail(s, "cannot read paragraphs");
    return DOSSIER_OK;
}

dossier_status store_story_read(store *s, arena *a, int64_t story, store_member_fn fn,
                                void *user)
{
    sqlite3_stmt *st = NULL, *pst = NULL;
    dossier_status rc = DOSSIER_OK;
    if (sqlite3_prepare_v2(s->db, sql_members, -1, &st, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, sql_paragraphs, -1, &pst, NULL) != SQLITE_OK) {
        rc = store_fail(s, "cannot prepare the story query");
        goto done;
    }
    sqlite3_bind_int64(st, 1, (sqlite3_int64)story);
    int r;
    long n = 0;
    while (!rc && (r = sqlite3_step(st)) == SQLITE_ROW) {
        store_story_member m;
        memset(&m, 0, sizeof m);
        article *art = arena_alloc(a, sizeof *art);
        if (!art) {
            rc = DOSSIER_ERR_NOMEM;
            break;
        }
        memset(art, 0, sizeof *art);
        m.id = (int64_t)sqlite3_column_int64(st, 0);
        m.uid = col_dup(a, st, 1);
        m.source = col_dup(a, st, 2);
        art->index = sqlite3_column_int(st, 3);
        art->url = col_dup(a, st, 4);
        art->site = col_dup(a, st, 5);
        art->title = col_dup(a, st, 6);
        art->author = col_dup(a, st, 7);
        art->published = col_dup(a, st, 8);
        art->lang = col_dup(a, st, 9);
        art->teaser = sqlite3_column_int(st, 10);
        art->text = col_dup(a, st, 11);
        art->text_len = (size_t)sqlite3_column_bytes(st, 11);
        m.role = col_dup(a, st, 12);
        m.duplicate_of = sqlite3_column_type(st, 13) == SQLITE_NULL
                             ? 0 : (int64_t)sqlite3_column_int64(st, 13);
        if (!m.uid || !m.source || !art->text || !m.role) {
            rc = DOSSIER_ERR_NOMEM;
            break;
        }
        rc = read_paragraphs(s, a, pst, m.id, art);
        if (rc) break;
        if (art->n_paragraphs == 0 && art->text_len) { /* no provenance rows: one paragraph */
            art->paragraphs = arena_alloc(a, sizeof(span));
            art->sources = arena_alloc(a, sizeof(span));
            if (!art->paragraphs || !art->sources) {
                rc = DOSSIER_ERR_NOMEM;
                break;
            }
            art->paragraphs[0] = (span){0, art->text_len};
            art->sources[0] = (span){0, 0};
            art->n_paragraphs = 1;
        }
        m.art = art;
        n++;
        if (fn(user, &m)) rc = DOSSIER_ERR_STOPPED;
    }
    if (!rc && r != SQLITE_DONE) rc = store_fail(s, "cannot read the story");
    if (!rc && n == 0) {
        sqlite3_stmt *ex = NULL;
        int found = 0;
        if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM stories WHERE id = ?1", -1, &ex, NULL) ==
            SQLITE_OK) {
            sqlite3_bind_int64(ex, 1, (sqlite3_int64)story);
            found = sqlite3_step(ex) == SQLITE_ROW;
        }
        sqlite3_finalize(ex);
        rc = err_set(s->err, DOSSIER_ERR_USAGE, found ? "%s: story %lld has no articles"
                                                      : "%s: no story %lld",
                     s->path, (long long)story);
    }
done:
    sqlite3_finalize(st);
    sqlite3_finalize(pst);
    return rc;
}
