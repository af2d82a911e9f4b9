/*
 * stories.c - the store side of story clustering: reading the latest articles with their story
 * (if any) and entity names for the clusterer, writing stories and their members, and listing
 * them. Writes happen inside the caller's transaction (store_begin / store_commit), so a killed
 * clustering run leaves the previous stories whole and the next run places what is missing.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Prepares sql or records the failure. */
static dossier_status prepare(store *s, const char *sql, sqlite3_stmt **st)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) == SQLITE_OK) return DOSSIER_OK;
    *st = NULL;
    return store_fail(s, "cannot prepare a stories statement");
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

dossier_status store_stories_prune(store *s)
{
    char *msg = NULL;
    /* members that are no longer the latest version of their article leave their story (the new
     * version is placed afresh); stories left without members go */
    static const char sql[] =
        "DELETE FROM story_articles WHERE article IN (SELECT id FROM articles WHERE latest = 0);"
        "UPDATE story_articles SET duplicate_of = NULL WHERE duplicate_of IN "
        "  (SELECT id FROM articles WHERE latest = 0);"
        "DELETE FROM stories WHERE id NOT IN (SELECT story FROM story_articles);";
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK) return DOSSIER_OK;
    dossier_status rc = err_set(s->err, DOSSIER_ERR_DB, "%s: cannot prune stories: %s", s->path,
                                msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return rc;
}

dossier_status store_stories_clear(store *s)
{
    if (sqlite3_exec(s->db, "DELETE FROM story_articles; DELETE FROM stories;", NULL, NULL,
                     NULL) == SQLITE_OK)
        return DOSSIER_OK;
    return store_fail(s, "cannot clear the stories");
}

dossier_status store_count_unclustered(store *s, long *n)
{
    sqlite3_stmt *st;
    *n = 0;
    dossier_status rc = prepare(s,
                                "SELECT count(*) FROM articles a WHERE a.latest = 1 AND NOT EXISTS "
                                "(SELECT 1 FROM story_articles sa WHERE sa.article = a.id)",
                                &st);
    if (rc) return rc;
    if (sqlite3_step(st) == SQLITE_ROW) *n = (long)sqlite3_column_int64(st, 0);
    else rc = store_fail(s, "cannot count unclustered articles");
    sqlite3_finalize(st);
    return rc;
}

#define MAX_ENTITIES 64 /* entity names passed per article (the most mentioned first) */

dossier_status store_cluster_articles(store *s, store_cluster_fn fn, void *user)
{
    sqlite3_stmt *st = NULL, *ent = NULL;
    /* the text only where no features are stored: SQLite then never reads its pages */
    dossier_status rc = prepare(s,
                                "SELECT a.id, a.title, CASE WHEN f.data IS NULL THEN a.text END, "
                                "a.lang, a.published, sa.story, sa.role, f.data "
                                "FROM articles a LEFT JOIN story_articles sa "
                                "ON sa.article = a.id LEFT JOIN article_features f "
                                "ON f.article = a.id WHERE a.latest = 1 ORDER BY a.id",
                                &st);
    if (!rc)
        rc = prepare(s,
                     "SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity "
                     "WHERE m.article = ?1 AND m.how IN ('name', 'short', 'variant') "
                     "GROUP BY e.id ORDER BY count(*) DESC, e.name LIMIT 64",
                     &ent);
    char *names[MAX_ENTITIES];
    int64_t last = 0;
    while (!rc) {
        int r = sqlite3_step(st);
        if (r == SQLITE_DONE) break;
        if (r != SQLITE_ROW) {
            rc = store_fail(s, "cannot read the articles to cluster");
            break;
        }
        store_cluster_row row;
        memset(&row, 0, sizeof row);
        row.id = sqlite3_column_int64(st, 0);
        if (row.id == last) continue; /* in two stories: the first is kept */
        last = row.id;
        row.title = col_text(st, 1);
        row.title_len = (size_t)sqlite3_column_bytes(st, 1);
        row.text = col_text(st, 2);
        row.text_len = (size_t)sqlite3_column_bytes(st, 2);
        row.lang = col_text(st, 3);
        row.published = col_text(st, 4);
        row.story = sqlite3_column_int64(st, 5);
        const char *role = col_text(st, 6);
        row.duplicate = role && !strcmp(role, "duplicate");
        row.features = sqlite3_column_blob(st, 7);
        row.features_len = (size_t)sqlite3_column_bytes(st, 7);
        size_t n = 0;
        if (!row.features) {
            sqlite3_bind_int64(ent, 1, row.id);
            while (sqlite3_step(ent) == SQLITE_ROW && n < MAX_ENTITIES) {
                const char *name = col_text(ent, 0);
                if (name && (names[n] = strdup(name)) != NULL) n++;
            }
            sqlite3_reset(ent);
        }
        row.entities = (const char *const *)names;
        row.n_entities = n;
        int stop = fn(user, &row);
        for (size_t i = 0; i < n; i++) free(names[i]);
        if (stop) rc = DOSSIER_ERR_STOPPED;
    }
    sqlite3_finalize(st);
    sqlite3_finalize(ent);
    return rc;
}

dossier_status store_article_features_put(store *s, int64_t art_id, const void *data,
                                          size_t len)
{
    if (!s->put_features &&
        sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO article_features(article, data) VALUES (?1, ?2)",
                           -1, &s->put_features, NULL) != SQLITE_OK) {
        s->put_features = NULL;
        return store_fail(s, "cannot prepare storing article features");
    }
    sqlite3_bind_int64(s->put_features, 1, art_id);
    sqlite3_bind_blob(s->put_features, 2, data, (int)len, SQLITE_STATIC);
    dossier_status rc = DOSSIER_OK;
    if (sqlite3_step(s->put_features) != SQLITE_DONE)
        rc = store_fail(s, "cannot store article features");
    sqlite3_reset(s->put_features);
    sqlite3_clear_bindings(s->put_features);
    return rc;
}

dossier_status store_article_features_clear(store *s)
{
    if (sqlite3_exec(s->db, "DELETE FROM article_features", NULL, NULL, NULL) == SQLITE_OK)
        return DOSSIER_OK;
    return store_fail(s, "cannot clear the stored article features");
}

dossier_status store_story_create(store *s, const char *label, const char *first,
                                  const char *last, int64_t *id)
{
    sqlite3_stmt *st;
    dossier_status rc = prepare(s,
                                "INSERT INTO stories(label, first, last, created, updated) "
                                "VALUES (?1, ?2, ?3, ?4, ?4)",
                                &st);
    if (rc) return rc;
    sqlite3_bind_text(st, 1, label, -1, SQLITE_STATIC);
    if (first && first[0]) sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
    if (last && last[0]) sqlite3_bind_text(st, 3, last, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, s->now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_DONE) *id = sqlite3_last_insert_rowid(s->db);
    else rc = store_fail(s, "cannot store a story");
    sqlite3_finalize(st);
    return rc;
}

dossier_status store_story_update(store *s, int64_t id, const char *label, const char *first,
                                  const char *last)
{
    sqlite3_stmt *st;
    dossier_status rc = prepare(s,
                                "UPDATE stories SET label = ?2, first = ?3, last = ?4, "
                                "updated = ?5 WHERE id = ?1",
                                &st);
    if (rc) return rc;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
    if (first && first[0]) sqlite3_bind_text(st, 3, first, -1, SQLITE_STATIC);
    if (last && last[0]) sqlite3_bind_text(st, 4, last, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, s->now, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) rc = store_fail(s, "cannot update a story");
    sqlite3_finalize(st);
    return rc;
}

dossier_status store_story_add(store *s, int64_t story, int64_t art_id, const char *role,
                               int64_t duplicate_of, double score)
{
    sqlite3_stmt *st;
    dossier_status rc = prepare(s,
                                "INSERT OR REPLACE INTO story_articles(story, article, role, "
                                "duplicate_of, score) VALUES (?1, ?2, ?3, ?4, ?5)",
                                &st);
    if (rc) return rc;
    sqlite3_bind_int64(st, 1, story);
    sqlite3_bind_int64(st, 2, art_id);
    sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
    if (duplicate_of) sqlite3_bind_int64(st, 4, duplicate_of);
    sqlite3_bind_double(st, 5, score);
    if (sqlite3_step(st) != SQLITE_DONE) rc = store_fail(s, "cannot store a story member");
    sqlite3_finalize(st);
    return rc;
}

dossier_status store_stories_list(store *s, store_story_fn fn, void *user)
{
    sqlite3_stmt *st;
    dossier_status rc = prepare(
        s,
        "SELECT s.id, s.label, s.first, s.last, "
        "  (SELECT count(*) FROM story_articles sa WHERE sa.story = s.id), "
        /* an article without an outlet counts as its URL's, else its file's: the glued
         * articles of one capture are one outlet's (as compare_story's outlets are) */
        "  (SELECT count(DISTINCT coalesce('o' || a.outlet, 'u' || a.url, 's' || a.source)) "
        "     FROM story_articles sa "
        "     JOIN articles a ON a.id = sa.article WHERE sa.story = s.id), "
        "  (SELECT count(*) FROM story_articles sa WHERE sa.story = s.id "
        "     AND sa.role = 'duplicate'), "
        "  (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT coalesce(o.name, "
        "     replace(a.source, rtrim(a.source, replace(a.source, '/', '')), '')) "
        "     AS name FROM story_articles sa JOIN articles a ON a.id = sa.article "
        "     LEFT JOIN outlets o ON o.id = a.outlet WHERE sa.story = s.id ORDER BY name)) "
        "FROM stories s ORDER BY s.first IS NULL, s.first, s.id",
        &st);
    while (!rc) {
        int r = sqlite3_step(st);
        if (r == SQLITE_DONE) break;
        if (r != SQLITE_ROW) {
            rc = store_fail(s, "cannot list the stories");
            break;
        }
        store_story_row row = {sqlite3_column_int64(st, 0), col_text(st, 1), col_text(st, 2),
                               col_text(st, 3), (long)sqlite3_column_int64(st, 4),
                               (long)sqlite3_column_int64(st, 5),
                               (long)sqlite3_column_int64(st, 6), col_text(st, 7)};
        if (fn(user, &row)) rc = DOSSIER_ERR_STOPPED;
    }
    sqlite3_finalize(st);
    return rc;
}

dossier_status store_story_articles(store *s, int64_t story, store_story_article_fn fn,
                                    void *user)
{
    sqlite3_stmt *st;
    dossier_status rc = prepare(
        s,
        "SELECT a.id, a.uid, a.source, a.idx, "
        "  coalesce(o.name, replace(a.source, rtrim(a.source, replace(a.source, '/', '')), '')), "
        "  a.title, "
        "  a.published, sa.role, (SELECT d.uid FROM articles d WHERE d.id = sa.duplicate_of), "
        "  sa.score "
        "FROM story_articles sa JOIN articles a ON a.id = sa.article "
        "LEFT JOIN outlets o ON o.id = a.outlet WHERE sa.story = ?1 "
        "ORDER BY a.published IS NULL, a.published, a.id",
        &st);
    if (rc) return rc;
    sqlite3_bind_int64(st, 1, story);
    while (!rc) {
        int r = sqlite3_step(st);
        if (r == SQLITE_DONE) break;
        if (r != SQLITE_ROW) {
            rc = store_fail(s, "cannot list a story's articles");
            break;
        }
        store_story_article_row row = {sqlite3_column_int64(st, 0), col_text(st, 1),
                                       col_text(st, 2),           sqlite3_column_int(st, 3),
                                       col_text(st, 4),           col_text(st, 5),
                                       col_text(st, 6),           col_text(st, 7),
                                       col_text(st, 8),           sqlite3_column_double(st, 9)};
        if (fn(user, &row)) rc = DOSSIER_ERR_STOPPED;
    }
    sqlite3_finalize(st);
    return rc;
}
