/*
 * search.c - full-text search over the FTS5 indexes of articles (title, text) and quotes (text,
 * speaker). The two indexes are queried apart, each sorted by bm25, and merged as they
 * stream, so that a column filter only one of them has (title:, speaker:) still works: the
 * side that does not know the column is left out instead of failing the whole search.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

static const char sql_articles[] =
    "SELECT 'article', a.uid, a.source, a.idx, a.title, o.name, a.published, "
    "snippet(articles_fts, -1, '[', ']', '...', 16), NULL, bm25(articles_fts, 4.0, 1.0) AS score "
    "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
    "LEFT JOIN outlets o ON o.id = a.outlet "
    "WHERE articles_fts MATCH ?1 AND a.latest = 1 ORDER BY score LIMIT ?2";

static const char sql_quotes[] =
    "SELECT 'quote', a.uid, a.source, a.idx, a.title, o.name, a.published, "
    "snippet(quotes_fts, 0, '[', ']', '...', 24), q.speaker, bm25(quotes_fts) AS score "
    "FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
    "JOIN articles a ON a.id = q.article LEFT JOIN outlets o ON o.id = a.outlet "
    "WHERE quotes_fts MATCH ?1 AND a.latest = 1 ORDER BY score LIMIT ?2";

/* One side of the search: a statement and its current row. */
typedef struct side {
    sqlite3_stmt *st; /* the query */
    int has_row;      /* st is on a row */
    int failed;       /* the query failed (SQLite result code in code) */
    int code;         /* the failing result code */
    char msg[256];    /* its message */
} side;

static void side_step(sqlite3 *db, side *sd)
{
    int r = sqlite3_step(sd->st);
    sd->has_row = r == SQLITE_ROW;
    if (r != SQLITE_ROW && r != SQLITE_DONE) {
        sd->failed = 1;
        sd->code = r;
        snprintf(sd->msg, sizeof sd->msg, "%s", sqlite3_errmsg(db));
    }
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* FTS5 reports a query that names a column its table lacks this way. */
static int is_unknown_column(const side *sd)
{
    return sd->failed && strstr(sd->msg, "no such column") != NULL;
}

dossier_status store_search(store *s, const char *query, int limit, store_hit_fn fn, void *user)
{
    if (!query) return err_set(s->err, DOSSIER_ERR_USAGE, "%s: no search query", s->path);
    size_t qn = strlen(query);
    while (qn && (query[qn - 1] == ' ' || query[qn - 1] == '\t')) qn--;
    if (qn == 0) return err_set(s->err, DOSSIER_ERR_QUERY, "%s: empty search query", s->path);
    if (limit <= 0) limit = 20;

    side sides[2];
    memset(sides, 0, sizeof sides);
    const char *sql[2] = {sql_articles, sql_quotes};
    dossier_status rc = DOSSIER_OK;
    for (int i = 0; i < 2; i++) {
        if (sqlite3_prepare_v2(s->db, sql[i], -1, &sides[i].st, NULL) != SQLITE_OK) {
            rc = store_fail(s, "cannot prepare the search");
            goto done;
        }
        sqlite3_bind_text(sides[i].st, 1, query, -1, SQLITE_STATIC);
        sqlite3_bind_int(sides[i].st, 2, limit);
        side_step(s->db, &sides[i]);
    }
    /* A malformed query fails on both sides; a column only one side has fails on the other. */
    for (int i = 0; i < 2; i++) {
        side *sd = &sides[i], *other = &sides[1 - i];
        if (!sd->failed) continue;
        if (is_unknown_column(sd) && !other->failed) continue; /* the other side answers */
        int primary = sd->code & 0xff;
        if (primary == SQLITE_ERROR)
            rc = err_set(s->err, DOSSIER_ERR_QUERY, "%s: bad search query '%s': %s", s->path,
                         query, sd->msg);
        else
            rc = err_set(s->err, DOSSIER_ERR_DB, "%s: search failed: %s", s->path, sd->msg);
        goto done;
    }
    for (int n = 0; n < limit; n++) {
        side *best = NULL;
        for (int i = 0; i < 2; i++) {
            side *sd = &sides[i];
            if (sd->failed || !sd->has_row) continue;
            if (!best || sqlite3_column_double(sd->st, 9) < sqlite3_column_double(best->st, 9))
                best = sd;
        }
        if (!best) break;
        sqlite3_stmt *st = best->st;
        store_hit h;
        h.kind = col_text(st, 0);
        h.uid = col_text(st, 1);
        h.source = col_text(st, 2);
        h.idx = sqlite3_column_int(st, 3);
        h.title = col_text(st, 4);
        h.site = col_text(st, 5);
        h.published = col_text(st, 6);
        h.snippet = col_text(st, 7);
        h.speaker = col_text(st, 8);
        h.score = sqlite3_column_double(st, 9);
        if (fn && fn(user, &h)) {
            rc = DOSSIER_ERR_STOPPED;
            goto done;
        }
        side_step(s->db, best);
        if (best->failed) {
            rc = err_set(s->err, DOSSIER_ERR_DB, "%s: search failed: %s", s->path, best->msg);
            goto done;
        }
    }
done:
    for (int i = 0; i < 2; i++) sqlite3_finalize(sides[i].st);
    return rc;
}
