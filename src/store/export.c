/*
 * export.c - the store out as JSONL, CSV or TSV. Articles in JSONL are lines of the extract
 * contract (docs/data-model.md) rebuilt from the tables, with the stored language layer and
 * quotes in place of the empty arrays, plus "version" and "hash". Every other export is a flat
 * query written generically: a header row of column names, then one row per record.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* ---- field writers ---- */

dossier_status store_csv_field(dbuf *b, const char *s, size_t n)
{
    int quoted = 0;
    for (size_t i = 0; i < n && !quoted; i++)
        quoted = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quoted) return dbuf_append(b, s, n);
    dossier_status rc = dbuf_putc(b, '"');
    size_t from = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        if (s[i] != '"') continue;
        rc = dbuf_append(b, s + from, i + 1 - from); /* up to and with the quote ... */
        if (!rc) rc = dbuf_putc(b, '"');             /* ... which is doubled */
        from = i + 1;
    }
    if (!rc) rc = dbuf_append(b, s + from, n - from);
    return rc ? rc : dbuf_putc(b, '"');
}

dossier_status store_tsv_field(dbuf *b, const char *s, size_t n)
{
    dossier_status rc = DOSSIER_OK;
    size_t from = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        const char *esc = s[i] == '\t'   ? "\\t"
                          : s[i] == '\n' ? "\\n"
                          : s[i] == '\r' ? "\\r"
                          : s[i] == '\\' ? "\\\\"
                                         : NULL;
        if (!esc) continue;
        rc = dbuf_append(b, s + from, i - from);
        if (!rc) rc = dbuf_puts(b, esc);
        from = i + 1;
    }
    return rc ? rc : dbuf_append(b, s + from, n - from);
}

/* Writes the buffer out and empties it. */
static dossier_status flush_line(store *s, dbuf *b, FILE *out)
{
    if (b->len && fwrite(b->ptr, 1, b->len, out) != b->len)
        return err_set(s->err, DOSSIER_ERR_IO, "%s: cannot write the export", s->path);
    dbuf_reset(b);
    return DOSSIER_OK;
}

/* ---- flat exports ---- */

static const char sql_articles_flat[] =
    "SELECT a.uid AS id, a.source, a.idx AS \"index\", a.version, a.url, o.name AS site, a.title, "
    "a.author, a.published, a.modified, a.lang, a.teaser, a.hash, a.first_seen, a.last_seen, "
    "a.text FROM articles a LEFT JOIN outlets o ON o.id = a.outlet WHERE a.latest = 1 "
    "ORDER BY a.id";

static const char sql_quotes_flat[] =
    "SELECT a.uid AS article, a.source, a.idx AS \"index\", q.n AS quote, q.kind, "
    "q.speaker, e.kind AS speaker_kind, q.cue, q.cue_lemma, q.start, q.end, "
    "q.text FROM quotes q JOIN articles a ON a.id = q.article "
    "LEFT JOIN entities e ON e.id = q.speaker_entity WHERE a.latest = 1 ORDER BY a.id, q.n";

static const char sql_entities_flat[] =
    "SELECT e.name, e.kind, e.code, e.title, e.country, count(DISTINCT m.article) AS articles, "
    "count(m.article) AS mentions FROM entities e "
    "JOIN mentions m ON m.entity = e.id JOIN articles a ON a.id = m.article AND a.latest = 1 "
    "GROUP BY e.id ORDER BY mentions DESC, e.name";

/* One cell of a row in the given format (JSONL: with its key). */
static dossier_status put_cell(dbuf *b, sqlite3_stmt *st, int i, int format)
{
    int type = sqlite3_column_type(st, i);
    const char *z = (const char *)sqlite3_column_text(st, i);
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    if (format == STORE_JSONL) {
        dossier_status rc = json_put_cstr_or_null(b, sqlite3_column_name(st, i));
        if (!rc) rc = dbuf_putc(b, ':');
        if (rc) return rc;
        if (type == SQLITE_NULL) return dbuf_puts(b, "null");
        if (type == SQLITE_INTEGER || type == SQLITE_FLOAT) return dbuf_append(b, z, n);
        return json_put_str(b, z, n);
    }
    if (type == SQLITE_NULL) return DOSSIER_OK;
    return format == STORE_CSV ? store_csv_field(b, z, n) : store_tsv_field(b, z, n);
}

static dossier_status export_flat(store *s, const char *sql, int format, FILE *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "cannot prepare the export");
    int ncol = sqlite3_column_count(st);
    const char *sep = format == STORE_CSV ? "," : "\t";
    const char *eol = format == STORE_CSV ? "\r\n" : "\n"; /* RFC 4180 lines end in CRLF */
    dbuf b;
    dbuf_init(&b, 0);
    dossier_status rc = DOSSIER_OK;
    if (format != STORE_JSONL) {
        for (int i = 0; !rc && i < ncol; i++) {
            const char *name = sqlite3_column_name(st, i);
            if (i) rc = dbuf_puts(&b, sep);
            if (!rc) rc = format == STORE_CSV ? store_csv_field(&b, name, strlen(name))
                                              : store_tsv_field(&b, name, strlen(name));
        }
        if (!rc) rc = dbuf_puts(&b, eol);
        if (!rc) rc = flush_line(s, &b, out);
    }
    int r;
    while (!rc && (r = sqlite3_step(st)) == SQLITE_ROW) {
        if (format == STORE_JSONL) rc = dbuf_putc(&b, '{');
        for (int i = 0; !rc && i < ncol; i++) {
            if (i) rc = dbuf_puts(&b, format == STORE_JSONL ? "," : sep);
            if (!rc) rc = put_cell(&b, st, i, format);
        }
        if (!rc) rc = dbuf_puts(&b, format == STORE_JSONL ? "}\n" : eol);
        if (!rc) rc = flush_line(s, &b, out);
    }
    if (!rc && r != SQLITE_DONE) rc = store_fail(s, "export failed");
    if (rc == DOSSIER_ERR_NOMEM || rc == DOSSIER_ERR_TOO_LARGE)
        err_set(s->err, rc, "%s: out of memory writing the export", s->path);
    sqlite3_finalize(st);
    dbuf_release(&b);
    return rc;
}

/* ---- articles as the JSONL contract ---- */

/* The statements the article export runs for each article. */
enum { Q_ARTICLES, Q_PARAS, Q_SENTS, Q_MENTIONS, Q_QUOTES, Q_COUNT };
static const char *const sql_contract[Q_COUNT] = {
    [Q_ARTICLES] = "SELECT a.id, a.uid, a.source, a.idx, a.url, o.name, a.title, a.author, "
                   "a.published, a.lang, a.teaser, a.text, a.version, a.hash, a.modified "
                   "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet "
                   "WHERE a.latest = 1 ORDER BY a.id",
    [Q_PARAS] = "SELECT start, end, src_start, src_end FROM paragraphs WHERE article = ?1 "
                "ORDER BY n",
    [Q_SENTS] = "SELECT start, end FROM sentences WHERE article = ?1 ORDER BY n",
    [Q_MENTIONS] = "SELECT m.entity, e.name, e.kind, e.code, m.start, m.end FROM mentions m "
                   "JOIN entities e ON e.id = m.entity WHERE m.article = ?1 ORDER BY m.n",
    [Q_QUOTES] = "SELECT text, start, end, kind, cue, speaker_entity, speaker, speaker_start, "
                 "speaker_end FROM quotes WHERE article = ?1 ORDER BY n",
};

/* An article's entities in order of first mention: corpus ids, to number speakers. */
typedef struct ent_list {
    int64_t *ids; /* corpus entity ids */
    size_t n;     /* how many */
    size_t cap;   /* slots */
} ent_list;

static long ent_index(ent_list *l, int64_t id)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->ids[i] == id) return (long)i;
    return -1;
}

static dossier_status ent_add(ent_list *l, int64_t id)
{
    if (ent_index(l, id) >= 0) return DOSSIER_OK;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        int64_t *p = realloc(l->ids, cap * sizeof *p);
        if (!p) return DOSSIER_ERR_NOMEM;
        l->ids = p, l->cap = cap;
    }
    l->ids[l->n++] = id;
    return DOSSIER_OK;
}

static dossier_status put_col_str(dbuf *b, sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL) return dbuf_puts(b, "null");
    return json_put_str(b, (const char *)sqlite3_column_text(st, i),
                        (size_t)sqlite3_column_bytes(st, i));
}

/* Paragraph spans (cols 0,1) or their sources (cols 2,3). */
static dossier_status put_span_rows(dbuf *b, sqlite3_stmt *st, int col, int *r)
{
    dossier_status rc = dbuf_putc(b, '[');
    int first = 1;
    while (!rc && (*r = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_type(st, col) == SQLITE_NULL) continue;
        rc = dbuf_printf(b, "%s[%lld,%lld]", first ? "" : ",",
                         (long long)sqlite3_column_int64(st, col),
                         (long long)sqlite3_column_int64(st, col + 1));
        first = 0;
    }
    sqlite3_reset(st);
    return rc ? rc : dbuf_putc(b, ']');
}

/* "entities":[...] from the mentions: one object per entity, its mention spans in order. */
static dossier_status put_entities(dbuf *b, sqlite3_stmt *st, ent_list *ents, int *r)
{
    ents->n = 0;
    dossier_status rc = DOSSIER_OK;
    while (!rc && (*r = sqlite3_step(st)) == SQLITE_ROW)
        rc = ent_add(ents, sqlite3_column_int64(st, 0));
    sqlite3_reset(st);
    if (!rc) rc = dbuf_puts(b, ",\"entities\":[");
    /* One pass over the mentions per entity: articles have tens of entities, not thousands. */
    for (size_t e = 0; !rc && e < ents->n; e++) {
        int first = 1;
        while (!rc && (*r = sqlite3_step(st)) == SQLITE_ROW) {
            if (sqlite3_column_int64(st, 0) != ents->ids[e]) continue;
            if (first) {
                rc = dbuf_puts(b, e ? ",{\"name\":" : "{\"name\":");
                if (!rc) rc = put_col_str(b, st, 1);
                if (!rc) rc = dbuf_puts(b, ",\"kind\":");
                if (!rc) rc = put_col_str(b, st, 2);
                if (!rc) rc = dbuf_puts(b, ",\"code\":");
                if (!rc) rc = put_col_str(b, st, 3);
                if (!rc) rc = dbuf_puts(b, ",\"mentions\":[");
            }
            if (!rc)
                rc = dbuf_printf(b, "%s[%lld,%lld]", first ? "" : ",",
                                 (long long)sqlite3_column_int64(st, 4),
                                 (long long)sqlite3_column_int64(st, 5));
            first = 0;
        }
        sqlite3_reset(st);
        if (!rc) rc = dbuf_puts(b, "]}");
    }
    return rc ? rc : dbuf_putc(b, ']');
}

static dossier_status put_quotes(dbuf *b, sqlite3_stmt *st, ent_list *ents, int *r)
{
    dossier_status rc = dbuf_puts(b, ",\"quotes\":[");
    int first = 1;
    while (!rc && (*r = sqlite3_step(st)) == SQLITE_ROW) {
        rc = dbuf_puts(b, first ? "{\"text\":" : ",{\"text\":");
        first = 0;
        if (!rc) rc = put_col_str(b, st, 0);
        if (!rc)
            rc = dbuf_printf(b, ",\"start\":%lld,\"end\":%lld,\"kind\":",
                             (long long)sqlite3_column_int64(st, 1),
                             (long long)sqlite3_column_int64(st, 2));
        if (!rc) rc = put_col_str(b, st, 3);
        if (!rc) rc = dbuf_puts(b, ",\"cue\":");
        if (!rc) rc = put_col_str(b, st, 4);
        if (!rc) rc = dbuf_puts(b, ",\"speaker\":");
        if (!rc && sqlite3_column_type(st, 5) == SQLITE_NULL) {
            rc = dbuf_puts(b, "null");
        } else if (!rc) {
            rc = dbuf_puts(b, "{\"name\":");
            if (!rc) rc = put_col_str(b, st, 6);
            if (!rc)
                rc = dbuf_printf(b, ",\"entity\":%ld,\"start\":%lld,\"end\":%lld}",
                                 ent_index(ents, sqlite3_column_int64(st, 5)),
                                 (long long)sqlite3_column_int64(st, 7),
                                 (long long)sqlite3_column_int64(st, 8));
        }
        if (!rc) rc = dbuf_putc(b, '}');
    }
    sqlite3_reset(st);
    return rc ? rc : dbuf_putc(b, ']');
}

static dossier_status export_contract(store *s, FILE *out)
{
    sqlite3_stmt *q[Q_COUNT] = {0};
    dossier_status rc = DOSSIER_OK;
    for (int i = 0; !rc && i < Q_COUNT; i++)
        if (sqlite3_prepare_v2(s->db, sql_contract[i], -1, &q[i], NULL) != SQLITE_OK)
            rc = store_fail(s, "cannot prepare the export");
    dbuf b;
    dbuf_init(&b, 0);
    ent_list ents = {0};
    int r = SQLITE_DONE, sub = SQLITE_DONE;
    sqlite3_stmt *a = q[Q_ARTICLES];
    while (!rc && (r = sqlite3_step(a)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(a, 0);
        for (int i = 1; i < Q_COUNT; i++) sqlite3_bind_int64(q[i], 1, id);
        rc = dbuf_printf(&b, "{\"schema\":%d,\"id\":", DOSSIER_SCHEMA);
        if (!rc) rc = put_col_str(&b, a, 1);
        if (!rc) rc = dbuf_puts(&b, ",\"source\":");
        if (!rc) rc = put_col_str(&b, a, 2);
        if (!rc) rc = dbuf_printf(&b, ",\"index\":%d,\"url\":", sqlite3_column_int(a, 3));
        if (!rc) rc = put_col_str(&b, a, 4);
        if (!rc) rc = dbuf_puts(&b, ",\"site\":");
        if (!rc) rc = put_col_str(&b, a, 5);
        if (!rc) rc = dbuf_puts(&b, ",\"title\":");
        if (!rc) rc = put_col_str(&b, a, 6);
        if (!rc) rc = dbuf_puts(&b, ",\"author\":");
        if (!rc) rc = put_col_str(&b, a, 7);
        if (!rc) rc = dbuf_puts(&b, ",\"published\":");
        if (!rc) rc = put_col_str(&b, a, 8);
        if (!rc) rc = dbuf_puts(&b, ",\"modified\":");
        if (!rc) rc = put_col_str(&b, a, 14);
        if (!rc) rc = dbuf_puts(&b, ",\"lang\":");
        if (!rc) rc = put_col_str(&b, a, 9);
        if (!rc)
            rc = dbuf_printf(&b, ",\"teaser\":%s,\"text\":",
                             sqlite3_column_int(a, 10) ? "true" : "false");
        if (!rc) rc = put_col_str(&b, a, 11);
        if (!rc) rc = dbuf_puts(&b, ",\"paragraphs\":");
        if (!rc) rc = put_span_rows(&b, q[Q_PARAS], 0, &sub);
        if (!rc) rc = dbuf_puts(&b, ",\"paragraph_sources\":");
        if (!rc) rc = put_span_rows(&b, q[Q_PARAS], 2, &sub);
        if (!rc) rc = dbuf_puts(&b, ",\"sentences\":");
        if (!rc) rc = put_span_rows(&b, q[Q_SENTS], 0, &sub);
        if (!rc) rc = put_entities(&b, q[Q_MENTIONS], &ents, &sub);
        if (!rc) rc = put_quotes(&b, q[Q_QUOTES], &ents, &sub);
        if (!rc)
            rc = dbuf_printf(&b, ",\"events\":[],\"version\":%lld,\"hash\":",
                             (long long)sqlite3_column_int64(a, 12));
        if (!rc) rc = put_col_str(&b, a, 13);
        if (!rc) rc = dbuf_puts(&b, "}\n");
        if (!rc && sub != SQLITE_DONE) rc = store_fail(s, "export failed");
        if (!rc) rc = flush_line(s, &b, out);
    }
    if (!rc && r != SQLITE_DONE) rc = store_fail(s, "export failed");
    if (rc == DOSSIER_ERR_NOMEM || rc == DOSSIER_ERR_TOO_LARGE)
        err_set(s->err, rc, "%s: out of memory writing the export", s->path);
    for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(q[i]);
    free(ents.ids);
    dbuf_release(&b);
    return rc;
}

dossier_status store_export(store *s, int what, int format, FILE *out)
{
    if (format != STORE_JSONL && format != STORE_CSV && format != STORE_TSV)
        return err_set(s->err, DOSSIER_ERR_USAGE, "%s: unknown export format %d", s->path,
                       format);
    /* One read transaction: the export is one consistent snapshot even while an ingest writes. */
    char *msg = NULL;
    if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, &msg) != SQLITE_OK) {
        sqlite3_free(msg);
        return store_fail(s, "cannot start the export");
    }
    dossier_status rc;
    switch (what) {
    case STORE_ARTICLES:
        rc = format == STORE_JSONL ? export_contract(s, out)
                                   : export_flat(s, sql_articles_flat, format, out);
        break;
    case STORE_QUOTES: rc = export_flat(s, sql_quotes_flat, format, out); break;
    case STORE_ENTITIES: rc = export_flat(s, sql_entities_flat, format, out); break;
    default:
        rc = err_set(s->err, DOSSIER_ERR_USAGE, "%s: unknown export kind %d", s->path, what);
    }
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (!rc && fflush(out) != 0)
        rc = err_set(s->err, DOSSIER_ERR_IO, "%s: cannot write the export", s->path);
    return rc;
}
