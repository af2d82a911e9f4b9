/*
 * store.c - opening and migrating the database, transactions, ingest runs, and writing one
 * article with its versions, provenance, language layer and quotes.
 *
 * Identity: an article is (source, idx); its content hash covers text and metadata. Same hash as
 * the latest version: nothing is added (last_seen moves). Different hash: a new version, the old
 * one kept with latest = 0. So re-running an ingest after a crash completes it without doubles.
 */
#include "store/store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_internal.h"

/* The statements prepared once per connection. */
static const char *const stmt_sql[STMT_COUNT] = {
    [STMT_FIND_LATEST] = "SELECT id, hash, version FROM articles WHERE source = ?1 AND idx = ?2 "
                         "AND latest = 1",
    [STMT_TOUCH] = "UPDATE articles SET last_seen = ?2 WHERE id = ?1",
    [STMT_RETIRE] = "UPDATE articles SET latest = 0 WHERE id = ?1",
    [STMT_INSERT_ARTICLE] =
        "INSERT INTO articles(uid, source, idx, version, latest, url, outlet, title, author, "
        "published, lang, teaser, text, hash, first_seen, last_seen, ingest, modified) VALUES "
        "(?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16)",
    [STMT_OUTLET] = "INSERT INTO outlets(name) VALUES (?1) ON CONFLICT(name) DO UPDATE SET "
                    "name = excluded.name RETURNING id",
    [STMT_PARAGRAPH] = "INSERT INTO paragraphs(article, n, start, end, src_start, src_end) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [STMT_SENTENCE] = "INSERT OR IGNORE INTO sentences(article, n, start, end) "
                      "VALUES (?1, ?2, ?3, ?4)",
    [STMT_ENTITY] =
        "INSERT INTO entities(name, kind, code, title, country) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT(name, kind) DO UPDATE SET code = coalesce(entities.code, excluded.code), "
        "title = coalesce(excluded.title, entities.title), "
        "country = coalesce(entities.country, excluded.country) RETURNING id",
    [STMT_MENTION] = "INSERT OR IGNORE INTO mentions(article, n, entity, sentence, start, "
                     "end, how) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [STMT_QUOTE] = "INSERT OR IGNORE INTO quotes(article, n, kind, text, start, end, cue, "
                   "cue_lemma, cue_start, cue_end, speaker_entity, speaker, speaker_start, "
                   "speaker_end, sentence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                   "?12, ?13, ?14, ?15)",
    [STMT_HAS_SENTENCES] = "SELECT 1 FROM sentences WHERE article = ?1 LIMIT 1",
    [STMT_HAS_QUOTES] = "SELECT 1 FROM quotes WHERE article = ?1 LIMIT 1",
    [STMT_INPUT_DONE] = "INSERT INTO ingest_inputs(ingest, input, completed, n_articles) "
                        "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(ingest, input) DO UPDATE SET "
                        "completed = excluded.completed, n_articles = excluded.n_articles",
};

dossier_status store_fail(store *s, const char *what)
{
    return err_set(s->err, DOSSIER_ERR_DB, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

/* Runs SQL without results. */
static dossier_status exec(store *s, const char *sql, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK) return DOSSIER_OK;
    dossier_status rc = err_set(s->err, DOSSIER_ERR_DB, "%s: %s: %s", s->path, what,
                                msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return rc;
}

/* One integer from a query (a PRAGMA, a count). */
static dossier_status query_int(store *s, const char *sql, int64_t *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return store_fail(s, sql);
    int r = sqlite3_step(st);
    *out = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return r == SQLITE_ROW || r == SQLITE_DONE ? DOSSIER_OK : store_fail(s, sql);
}

/* The current time, UTC, ISO 8601 to the second. */
static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Brings the schema to STORE_SCHEMA_VERSION, one migration per transaction. */
static dossier_status migrate(store *s)
{
    int64_t version, app_id, n_tables;
    dossier_status rc = query_int(s, "PRAGMA user_version", &version);
    if (!rc) rc = query_int(s, "PRAGMA application_id", &app_id);
    if (!rc)
        rc = query_int(s, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'",
                       &n_tables);
    if (rc) return rc;
    if (app_id != 0 && app_id != STORE_APPLICATION_ID)
        return err_set(s->err, DOSSIER_ERR_DB,
                       "%s: not a dossier database (application_id %lld belongs to another "
                       "program)", s->path, (long long)app_id);
    if (version == 0 && n_tables > 0)
        return err_set(s->err, DOSSIER_ERR_DB,
                       "%s: not a dossier database (it already holds %lld tables of another "
                       "program)", s->path, (long long)n_tables);
    if (version > store_n_migrations)
        return err_set(s->err, DOSSIER_ERR_DB,
                       "%s: the database has schema version %lld, newer than this dossier "
                       "(%s) knows (%d): use a newer dossier", s->path, (long long)version,
                       DOSSIER_VERSION, store_n_migrations);
    for (int v = (int)version; v < store_n_migrations; v++) {
        char bump[96];
        snprintf(bump, sizeof bump, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                 STORE_APPLICATION_ID, v + 1);
        char what[160];
        snprintf(what, sizeof what, "migration %d (%s)", v + 1, store_migrations[v].what);
        rc = exec(s, "BEGIN IMMEDIATE", "cannot start the migration");
        for (const char *const *sql = store_migrations[v].sql; !rc && *sql; sql++)
            rc = exec(s, *sql, what);
        if (!rc) rc = exec(s, bump, what);
        if (!rc) rc = exec(s, "COMMIT", what);
        if (rc) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
    }
    s->version = store_n_migrations;
    return DOSSIER_OK;
}

dossier_status store_open(const char *path, errbuf *err, store **out)
{
    *out = NULL;
    store *s = calloc(1, sizeof *s);
    if (!s) return err_set(err, DOSSIER_ERR_NOMEM, "%s: out of memory", path);
    s->err = err;
    s->path = strdup(path);
    if (!s->path) {
        free(s);
        return err_set(err, DOSSIER_ERR_NOMEM, "%s: out of memory", path);
    }
    dossier_status rc = DOSSIER_OK;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        rc = s->db ? store_fail(s, "cannot open the database")
                   : err_set(err, DOSSIER_ERR_NOMEM, "%s: out of memory", path);
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 10000); /* another writer holds the lock: wait up to 10 s */
    /* journal_mode answers with a row, so it goes through query-less exec; a file that is not a
     * database fails here first with "file is not a database". */
    rc = exec(s, "PRAGMA journal_mode = WAL", "cannot open the database");
    if (!rc) rc = exec(s, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                          "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536",
                       "cannot set up the connection");
    if (!rc) rc = migrate(s);
    if (rc) goto fail;
    for (int i = 0; i < STMT_COUNT; i++) {
        if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i],
                               NULL) != SQLITE_OK) {
            rc = store_fail(s, "cannot prepare a statement");
            goto fail;
        }
    }
    *out = s;
    return DOSSIER_OK;
fail:
    store_close(s);
    return rc;
}

void store_close(store *s)
{
    if (!s) return;
    for (int i = 0; i < STMT_COUNT; i++) sqlite3_finalize(s->stmt[i]);
    sqlite3_finalize(s->put_features);
    /* The last connection to close checkpoints the WAL into the database file. */
    sqlite3_close_v2(s->db);
    free(s->entity_ids);
    free(s->path);
    free(s);
}

int store_schema_version(const store *s)
{
    return s->version;
}

dossier_status store_begin(store *s)
{
    now_iso(s->now);
    return exec(s, "BEGIN IMMEDIATE", "cannot start a transaction");
}

dossier_status store_commit(store *s)
{
    return exec(s, "COMMIT", "cannot commit");
}

void store_rollback(store *s)
{
    if (!sqlite3_get_autocommit(s->db)) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- ingest runs ---- */

dossier_status store_run_start(store *s, const char *args, int64_t *run)
{
    sqlite3_stmt *st;
    char now[32];
    now_iso(now);
    if (sqlite3_prepare_v2(s->db, "INSERT INTO ingests(started, tool, args) VALUES (?1, ?2, ?3)",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "cannot record the ingest run");
    sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, "dossier " DOSSIER_VERSION, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, args, -1, SQLITE_TRANSIENT);
    int r = sqlite3_step(st);
    sqlite3_finalize(st);
    if (r != SQLITE_DONE) return store_fail(s, "cannot record the ingest run");
    *run = sqlite3_last_insert_rowid(s->db);
    return DOSSIER_OK;
}

dossier_status store_run_input_done(store *s, int64_t run, const char *input, long articles)
{
    sqlite3_stmt *st = s->stmt[STMT_INPUT_DONE];
    sqlite3_bind_int64(st, 1, run);
    sqlite3_bind_text(st, 2, input, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, s->now, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, articles);
    int r = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return r == SQLITE_DONE ? DOSSIER_OK : store_fail(s, "cannot record a completed input");
}

dossier_status store_run_finish(store *s, int64_t run, const char *status, long n_new,
                                long n_unchanged, long n_versions, long n_errors)
{
    sqlite3_stmt *st;
    char now[32];
    now_iso(now);
    if (sqlite3_prepare_v2(s->db,
                           "UPDATE ingests SET finished = ?2, status = ?3, n_new = ?4, "
                           "n_unchanged = ?5, n_versions = ?6, n_errors = ?7 WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "cannot close the ingest run");
    sqlite3_bind_int64(st, 1, run);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, status, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, n_new);
    sqlite3_bind_int64(st, 5, n_unchanged);
    sqlite3_bind_int64(st, 6, n_versions);
    sqlite3_bind_int64(st, 7, n_errors);
    int r = sqlite3_step(st);
    sqlite3_finalize(st);
    return r == SQLITE_DONE ? DOSSIER_OK : store_fail(s, "cannot close the ingest run");
}

/* ---- articles ---- */

void store_content_hash(const article *art, char out[17])
{
    /* Each field is hashed on its own, chained through the seed, so field boundaries count
     * ("ab"+"c" differs from "a"+"bc") and NULL differs from "". */
    const char *fields[] = {art->url,  art->site, art->title, art->author,
                            art->published, art->lang};
    uint64_t h = 0x646f7373696572ULL; /* "dossier" */
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        h = fields[i] ? hash64(fields[i], strlen(fields[i]), h + i) : h * 31 + i + 1;
    h = hash64(art->text ? art->text : "", art->text ? art->text_len : 0, h + art->teaser);
    hash_hex(h, out);
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *z)
{
    if (z) sqlite3_bind_text(st, i, z, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

/* Runs a bound INSERT/UPDATE and resets it. */
static dossier_status step_done(store *s, sqlite3_stmt *st, const char *what)
{
    int r = sqlite3_step(st);
    dossier_status rc = r == SQLITE_DONE ? DOSSIER_OK : store_fail(s, what);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

/* Runs a bound statement that returns one id (RETURNING or SELECT); 0 when no row. */
static dossier_status step_id(store *s, sqlite3_stmt *st, const char *what, int64_t *id)
{
    int r = sqlite3_step(st);
    *id = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    dossier_status rc = r == SQLITE_ROW || r == SQLITE_DONE ? DOSSIER_OK : store_fail(s, what);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

static dossier_status outlet_id(store *s, const char *name, int64_t *id)
{
    sqlite3_stmt *st = s->stmt[STMT_OUTLET];
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    return step_id(s, st, "cannot store an outlet", id);
}

static dossier_status put_paragraphs(store *s, int64_t id, const article *art)
{
    sqlite3_stmt *st = s->stmt[STMT_PARAGRAPH];
    dossier_status rc = DOSSIER_OK;
    for (size_t i = 0; !rc && i < art->n_paragraphs; i++) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)art->paragraphs[i].start);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)art->paragraphs[i].end);
        if (art->sources) {
            sqlite3_bind_int64(st, 5, (sqlite3_int64)art->sources[i].start);
            sqlite3_bind_int64(st, 6, (sqlite3_int64)art->sources[i].end);
        }
        rc = step_done(s, st, "cannot store a paragraph");
    }
    return rc;
}

/* Does the article have any row in the table the statement probes? */
static dossier_status has_rows(store *s, sqlite3_stmt *st, int64_t id, int *yes)
{
    int64_t one;
    sqlite3_bind_int64(st, 1, id);
    dossier_status rc = step_id(s, st, "cannot read the database", &one);
    *yes = one == 1;
    return rc;
}

/* A span of the text, checked: spans from a stage are trusted only within the text. */
static int span_ok(span sp, size_t len)
{
    return sp.start <= sp.end && sp.end <= len;
}

/* Sentences, corpus entities for the article's entities (ids in s->entity_ids) and mentions. */
static dossier_status put_nlp(store *s, int64_t id, const nlp_doc *nlp)
{
    dossier_status rc = DOSSIER_OK;
    sqlite3_stmt *st = s->stmt[STMT_SENTENCE];
    for (size_t i = 0; !rc && i < nlp->n_sentences; i++) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)nlp->sentences[i].start);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)nlp->sentences[i].end);
        rc = step_done(s, st, "cannot store a sentence");
    }
    if (rc) return rc;
    if (nlp->n_entities > s->cap_entity_ids) {
        int64_t *ids = realloc(s->entity_ids, nlp->n_entities * sizeof *ids);
        if (!ids) return err_set(s->err, DOSSIER_ERR_NOMEM, "%s: out of memory", s->path);
        s->entity_ids = ids;
        s->cap_entity_ids = nlp->n_entities;
    }
    st = s->stmt[STMT_ENTITY];
    for (size_t i = 0; !rc && i < nlp->n_entities; i++) {
        const entity *e = &nlp->entities[i];
        sqlite3_bind_text(st, 1, e->name ? e->name : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, nlp_entity_kind_name(e->kind), -1, SQLITE_STATIC);
        bind_text_or_null(st, 3, e->code);
        bind_text_or_null(st, 4, e->title);
        bind_text_or_null(st, 5, e->country);
        rc = step_id(s, st, "cannot store an entity", &s->entity_ids[i]);
    }
    st = s->stmt[STMT_MENTION];
    for (size_t i = 0; !rc && i < nlp->n_mentions; i++) {
        const mention *m = &nlp->mentions[i];
        if (m->entity >= nlp->n_entities) continue; /* a dangling mention: nothing to link */
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, s->entity_ids[m->entity]);
        sqlite3_bind_int64(st, 4, m->sent);
        sqlite3_bind_int64(st, 5, (sqlite3_int64)m->at.start);
        sqlite3_bind_int64(st, 6, (sqlite3_int64)m->at.end);
        sqlite3_bind_text(st, 7, nlp_mention_how_name(m->how), -1, SQLITE_STATIC);
        rc = step_done(s, st, "cannot store a mention");
    }
    return rc;
}

/* Quotes; speakers link to the entity ids put_nlp just stored (or looks them up again). */
static dossier_status put_quotes(store *s, int64_t id, const article *art, const nlp_doc *nlp,
                                 const quote_list *ql, int have_entity_ids)
{
    dossier_status rc = DOSSIER_OK;
    if (nlp && !have_entity_ids && nlp->n_entities) {
        /* The entities were stored by an earlier run: find their ids again (an upsert). */
        if (nlp->n_entities > s->cap_entity_ids) {
            int64_t *ids = realloc(s->entity_ids, nlp->n_entities * sizeof *ids);
            if (!ids) return err_set(s->err, DOSSIER_ERR_NOMEM, "%s: out of memory", s->path);
            s->entity_ids = ids;
            s->cap_entity_ids = nlp->n_entities;
        }
        sqlite3_stmt *st = s->stmt[STMT_ENTITY];
        for (size_t i = 0; !rc && i < nlp->n_entities; i++) {
            const entity *e = &nlp->entities[i];
            sqlite3_bind_text(st, 1, e->name ? e->name : "", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, nlp_entity_kind_name(e->kind), -1, SQLITE_STATIC);
            bind_text_or_null(st, 3, e->code);
            bind_text_or_null(st, 4, e->title);
            bind_text_or_null(st, 5, e->country);
            rc = step_id(s, st, "cannot store an entity", &s->entity_ids[i]);
        }
        if (rc) return rc;
    }
    sqlite3_stmt *st = s->stmt[STMT_QUOTE];
    size_t len = art->text_len;
    for (size_t i = 0; !rc && i < ql->n; i++) {
        const quote *q = &ql->items[i];
        if (!span_ok(q->at, len)) continue; /* a stage bug must not write garbage */
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_text(st, 3, quotes_kind_name(q->kind), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, art->text + q->at.start, (int)(q->at.end - q->at.start),
                          SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, (sqlite3_int64)q->at.start);
        sqlite3_bind_int64(st, 6, (sqlite3_int64)q->at.end);
        if (q->cue.end > q->cue.start && span_ok(q->cue, len)) {
            sqlite3_bind_text(st, 7, art->text + q->cue.start, (int)(q->cue.end - q->cue.start),
                              SQLITE_STATIC);
            sqlite3_bind_int64(st, 9, (sqlite3_int64)q->cue.start);
            sqlite3_bind_int64(st, 10, (sqlite3_int64)q->cue.end);
        }
        bind_text_or_null(st, 8, q->cue_lemma);
        if (nlp && q->speaker >= 0 && (size_t)q->speaker < nlp->n_entities) {
            sqlite3_bind_int64(st, 11, s->entity_ids[q->speaker]);
            bind_text_or_null(st, 12, nlp->entities[q->speaker].name);
        }
        if (q->speaker_at.end > q->speaker_at.start && span_ok(q->speaker_at, len)) {
            sqlite3_bind_int64(st, 13, (sqlite3_int64)q->speaker_at.start);
            sqlite3_bind_int64(st, 14, (sqlite3_int64)q->speaker_at.end);
        }
        sqlite3_bind_int64(st, 15, q->sent);
        rc = step_done(s, st, "cannot store a quote");
    }
    return rc;
}

/* The language layer and quotes of a stored article row, for what it does not have yet. Rows
 * are inserted OR IGNORE on (article, n): a layer written partly before (an article with
 * mentions but no sentence, say) is completed, never doubled nor a constraint error. */
static dossier_status put_layers(store *s, int64_t id, const store_article *a, int fresh)
{
    dossier_status rc = DOSSIER_OK;
    int stored_entities = 0;
    if (a->nlp) {
        int has = 0;
        if (!fresh) rc = has_rows(s, s->stmt[STMT_HAS_SENTENCES], id, &has);
        if (!rc && !has) {
            rc = put_nlp(s, id, a->nlp);
            stored_entities = 1;
        }
    }
    if (!rc && a->quotes && a->quotes->n) {
        int has = 0;
        if (!fresh) rc = has_rows(s, s->stmt[STMT_HAS_QUOTES], id, &has);
        if (!rc && !has) rc = put_quotes(s, id, a->art, a->nlp, a->quotes, stored_entities);
    }
    return rc;
}

dossier_status store_put_article(store *s, const store_article *a, int64_t run,
                                 store_put_result *result, int64_t *id_out)
{
    const article *art = a->art;
    char hash[17];
    store_content_hash(art, hash);
    if (!s->now[0]) now_iso(s->now);

    /* The latest stored version of this source and index, if any. */
    sqlite3_stmt *st = s->stmt[STMT_FIND_LATEST];
    sqlite3_bind_text(st, 1, a->source, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, art->index);
    int r = sqlite3_step(st);
    int64_t old_id = 0, old_version = 0;
    int same = 0;
    if (r == SQLITE_ROW) {
        old_id = sqlite3_column_int64(st, 0);
        const unsigned char *h = sqlite3_column_text(st, 1);
        same = h && strcmp((const char *)h, hash) == 0;
        old_version = sqlite3_column_int64(st, 2);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (r != SQLITE_ROW && r != SQLITE_DONE) return store_fail(s, "cannot look up an article");

    dossier_status rc;
    if (same) {
        st = s->stmt[STMT_TOUCH];
        sqlite3_bind_int64(st, 1, old_id);
        sqlite3_bind_text(st, 2, s->now, -1, SQLITE_STATIC);
        rc = step_done(s, st, "cannot update an article");
        if (!rc) rc = put_layers(s, old_id, a, 0);
        if (result) *result = STORE_UNCHANGED;
        if (id_out) *id_out = old_id;
        return rc;
    }
    if (old_id) {
        st = s->stmt[STMT_RETIRE];
        sqlite3_bind_int64(st, 1, old_id);
        rc = step_done(s, st, "cannot retire an old version");
        if (rc) return rc;
    }
    int64_t outlet = 0;
    if (art->site && art->site[0]) {
        rc = outlet_id(s, art->site, &outlet);
        if (rc) return rc;
    }
    st = s->stmt[STMT_INSERT_ARTICLE];
    sqlite3_bind_text(st, 1, a->uid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, a->source, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, art->index);
    sqlite3_bind_int64(st, 4, old_version + 1);
    bind_text_or_null(st, 5, art->url);
    if (outlet) sqlite3_bind_int64(st, 6, outlet);
    bind_text_or_null(st, 7, art->title);
    bind_text_or_null(st, 8, art->author);
    bind_text_or_null(st, 9, art->published);
    bind_text_or_null(st, 10, art->lang);
    sqlite3_bind_int(st, 11, art->teaser ? 1 : 0);
    sqlite3_bind_text64(st, 12, art->text ? art->text : "", art->text ? art->text_len : 0,
                        SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_bind_text(st, 13, hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 14, s->now, -1, SQLITE_STATIC);
    if (run) sqlite3_bind_int64(st, 15, run);
    bind_text_or_null(st, 16, art->modified);
    rc = step_done(s, st, "cannot store an article");
    if (rc) return rc;
    int64_t id = sqlite3_last_insert_rowid(s->db);
    rc = put_paragraphs(s, id, art);
    if (!rc) rc = put_layers(s, id, a, 1);
    if (result) *result = old_id ? STORE_VERSION : STORE_NEW;
    if (id_out) *id_out = id;
    return rc;
}
