/*
 * test_store.c - the SQLite store: create, migrate, reopen; refusing a newer schema, a foreign
 * SQLite file and a non-database; idempotent writes, versions on a changed text or title;
 * rollback of an open batch; the language layer and quotes from a hand-built nlp_doc and
 * quote_list (entities shared across articles, backfill onto an unchanged article); search
 * (articles, quotes, column filters, bad and empty queries); exports and their escaping; the
 * public API on the examples/ corpus.
 */
#include "check.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void db_path(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", dir, name);
}

/* One integer from a SQL query on a separate connection (what a reader sees). */
static long long sql_int(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static void sql_exec(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
}

/* An article over `text` with one paragraph per "\n\n"-separated block. */
typedef struct test_article {
    article art;    /* the article */
    span paras[8];  /* its paragraphs */
} test_article;

static void make_article(test_article *t, const char *text, const char *title, int index)
{
    memset(t, 0, sizeof *t);
    t->art.index = index;
    t->art.title = title;
    t->art.site = "Harbour Gazette";
    t->art.published = "2031-04-02";
    t->art.lang = "en";
    t->art.text = text;
    t->art.text_len = strlen(text);
    size_t start = 0, n = 0;
    for (const char *p = text; n < 8; p++) {
        if (*p == 0 || (p[0] == '\n' && p[1] == '\n')) {
            t->paras[n].start = start;
            t->paras[n].end = (size_t)(p - text);
            n++;
            if (!*p) break;
            start = (size_t)(p - text) + 2;
            p++;
        }
    }
    t->art.paragraphs = t->paras;
    t->art.n_paragraphs = n;
}

static void test_open_migrate(void)
{
    char path[128];
    errbuf err = {0};
    store *s;
    db_path(path, sizeof path, "a.db");
    CHECK_INT(store_open(path, &err, &s), DOSSIER_OK);
    CHECK_INT(store_schema_version(s), STORE_SCHEMA_VERSION);
    store_close(s);
    CHECK_INT(sql_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    CHECK_INT(sql_int(path, "PRAGMA application_id"), STORE_APPLICATION_ID);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts'"), 1);
    /* Reopening migrates nothing and keeps the data. */
    CHECK_INT(store_open(path, &err, &s), DOSSIER_OK);
    store_close(s);

    /* A newer schema is refused by name. */
    sql_exec(path, "PRAGMA user_version = 99");
    CHECK_INT(store_open(path, &err, &s), DOSSIER_ERR_DB);
    CHECK(s == NULL);
    CHECK(strstr(err.msg, "newer") != NULL);
    CHECK(strstr(err.msg, path) != NULL);

    /* Another program's SQLite file is left alone. */
    db_path(path, sizeof path, "foreign.db");
    sql_exec(path, "CREATE TABLE notes(x)");
    CHECK_INT(store_open(path, &err, &s), DOSSIER_ERR_DB);
    CHECK(strstr(err.msg, "not a dossier database") != NULL);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM sqlite_schema"), 1);

    /* A file that is not a database at all. */
    db_path(path, sizeof path, "junk.db");
    FILE *f = fopen(path, "wb");
    fputs("this is not a database, only some words in a file that is long enough to matter "
          "for the header check of sqlite, which reads the first hundred bytes of a file.\n",
          f);
    fclose(f);
    CHECK_INT(store_open(path, &err, &s), DOSSIER_ERR_DB);
    CHECK(strstr(err.msg, "junk.db") != NULL);
}

static void test_versions(void)
{
    char path[128];
    errbuf err = {0};
    store *s;
    db_path(path, sizeof path, "v.db");
    CHECK_INT(store_open(path, &err, &s), DOSSIER_OK);
    test_article t;
    make_article(&t, "The ferry resumed at dawn.\n\nPassengers cheered on the quay.",
                 "Ferry back", 0);
    store_article sa = {"00000000000000aa", "/in/ferry.txt", &t.art, NULL, NULL};
    store_put_result res;
    int64_t id1, id2;
    CHECK_INT(store_begin(s), DOSSIER_OK);
    CHECK_INT(store_put_article(s, &sa, 0, &res, &id1), DOSSIER_OK);
    CHECK_INT(res, STORE_NEW);
    CHECK_INT(store_put_article(s, &sa, 0, &res, &id2), DOSSIER_OK);
    CHECK_INT(res, STORE_UNCHANGED);
    CHECK_INT(id2, id1);
    CHECK_INT(store_commit(s), DOSSIER_OK);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM articles"), 1);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM paragraphs"), 2);
    CHECK_INT(sql_int(path, "SELECT end - start FROM paragraphs WHERE n = 1"),
              strlen("Passengers cheered on the quay."));

    /* Changed text: a new version, the old one kept and no longer latest. */
    test_article t2;
    make_article(&t2, "The ferry resumed at dawn.\n\nPassengers cheered loudly on the quay.",
                 "Ferry back", 0);
    sa.art = &t2.art;
    CHECK_INT(store_begin(s), DOSSIER_OK);
    CHECK_INT(store_put_article(s, &sa, 0, &res, &id2), DOSSIER_OK);
    CHECK_INT(res, STORE_VERSION);
    CHECK(id2 != id1);
    /* A changed title alone is a change too. */
    test_article t3;
    make_article(&t3, t2.art.text, "Ferry back at last", 0);
    sa.art = &t3.art;
    CHECK_INT(store_put_article(s, &sa, 0, &res, NULL), DOSSIER_OK);
    CHECK_INT(res, STORE_VERSION);
    CHECK_INT(store_put_article(s, &sa, 0, &res, NULL), DOSSIER_OK);
    CHECK_INT(res, STORE_UNCHANGED);
    CHECK_INT(store_commit(s), DOSSIER_OK);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM articles"), 3);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM articles WHERE latest = 1"), 1);
    CHECK_INT(sql_int(path, "SELECT version FROM articles WHERE latest = 1"), 3);
    CHECK_INT(sql_int(path, "SELECT count(DISTINCT hash) FROM articles"), 3);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM outlets"), 1);

    /* Another index of the same source is another article. */
    test_article t4;
    make_article(&t4, "A second piece glued below.", "Glued", 1);
    sa.art = &t4.art;
    CHECK_INT(store_begin(s), DOSSIER_OK);
    CHECK_INT(store_put_article(s, &sa, 0, &res, NULL), DOSSIER_OK);
    CHECK_INT(res, STORE_NEW);
    /* A rolled-back batch leaves nothing behind. */
    store_rollback(s);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM articles"), 3);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'glued'"),
              0);
    /* FTS follows the versions: the old wording is still indexed (for its row), the new too. */
    CHECK_INT(sql_int(path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'loudly'"),
              2);
    store_close(s);
}

/* A hand-built language layer: two entities, mentions, sentences and two quotes. */
static const char quote_text[] =
    "Mayor Anna Berg said the harbour would reopen on Friday.\n\n"
    "\"We will not wait for the ministry,\" Berg told reporters, adding that the "
    "Port Authority agreed.";

static void build_nlp(nlp_doc *doc, entity *ents, mention *mens, span *sents, quote_list *ql,
                      quote *qs)
{
    const char *t = quote_text;
    memset(doc, 0, sizeof *doc);
    doc->text = t;
    doc->len = strlen(t);
    size_t p2 = (size_t)(strstr(t, "\"We") - t);
    sents[0] = (span){0, p2 - 2};
    sents[1] = (span){p2, doc->len};
    doc->sentences = sents;
    doc->n_sentences = 2;
    ents[0] = (entity){"Anna Berg", ENT_PERSON, NULL, "Mayor", "HBR", 2, 0};
    ents[1] = (entity){"Port Authority", ENT_ORG, "HBRGOV", NULL, NULL, 1, 2};
    doc->entities = ents;
    doc->n_entities = 2;
    size_t a = (size_t)(strstr(t, "Anna Berg") - t);
    size_t b = (size_t)(strstr(t, "Berg told") - t);
    size_t c = (size_t)(strstr(t, "Port Authority") - t);
    mens[0] = (mention){{a, a + 9}, 0, 0, MEN_NAME};
    mens[1] = (mention){{b, b + 4}, 0, 1, MEN_SHORT};
    mens[2] = (mention){{c, c + 14}, 1, 1, MEN_NAME};
    doc->mentions = mens;
    doc->n_mentions = 3;
    size_t q0 = (size_t)(strstr(t, "We will") - t);
    size_t q0e = (size_t)(strstr(t, ",\" Berg") - t);
    size_t cue = (size_t)(strstr(t, "told") - t);
    size_t ind = (size_t)(strstr(t, "the harbour") - t);
    size_t inde = (size_t)(strstr(t, " on Friday") - t);
    size_t said = (size_t)(strstr(t, "said") - t);
    qs[0] = (quote){.at = {q0, q0e}, .kind = QUOTE_DIRECT, .cue = {cue, cue + 4},
                    .cue_lemma = "tell", .speaker = 0, .speaker_at = {b, b + 4}, .sent = 1,
                    .content = {q0, q0e}};
    qs[1] = (quote){.at = {ind, inde}, .kind = QUOTE_INDIRECT, .cue = {said, said + 4},
                    .cue_lemma = "say", .speaker = 0, .speaker_at = {a, a + 9}, .sent = 0,
                    .content = {ind, inde}};
    ql->items = qs;
    ql->n = 2;
}

typedef struct hits {
    int n;            /* hits seen */
    char kinds[8][8]; /* their kinds */
    char speaker[64]; /* the last quote hit's speaker */
    char snippet[256]; /* the first hit's snippet */
} hits;

static int on_hit(void *user, const store_hit *h)
{
    hits *c = user;
    if (c->n < 8) snprintf(c->kinds[c->n], sizeof c->kinds[0], "%s", h->kind);
    if (h->speaker) snprintf(c->speaker, sizeof c->speaker, "%s", h->speaker);
    if (c->n == 0) snprintf(c->snippet, sizeof c->snippet, "%s", h->snippet ? h->snippet : "");
    c->n++;
    return 0;
}

/* The export of `what` in `format` as a malloc'd string. */
static char *export_string(store *s, int what, int format, dossier_status *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *rc = store_export(s, what, format, f);
    fclose(f);
    return buf;
}

static void test_layers_search_export(void)
{
    char path[128];
    errbuf err = {0};
    store *s;
    db_path(path, sizeof path, "q.db");
    CHECK_INT(store_open(path, &err, &s), DOSSIER_OK);
    nlp_doc doc;
    entity ents[2];
    mention mens[3];
    span sents[2];
    quote_list ql;
    quote qs[2];
    build_nlp(&doc, ents, mens, sents, &ql, qs);
    test_article t;
    make_article(&t, quote_text, "Harbour to reopen, \"no waiting\", mayor says", 0);
    t.art.author = "Jo Tide, Sam Reef";
    store_article sa = {"00000000000000bb", "/in/harbour.txt", &t.art, &doc, &ql};
    store_put_result res;
    CHECK_INT(store_begin(s), DOSSIER_OK);
    CHECK_INT(store_put_article(s, &sa, 0, &res, NULL), DOSSIER_OK);
    /* A second article naming the same mayor shares her entity row; stored without its layer
     * first, then again with it: unchanged, and the layer is filled in. */
    test_article t2;
    make_article(&t2, quote_text, "Second outlet", 0);
    t2.art.site = "Coast Post";
    store_article sb = {"00000000000000cc", "/in/coast.txt", &t2.art, NULL, NULL};
    CHECK_INT(store_put_article(s, &sb, 0, &res, NULL), DOSSIER_OK);
    CHECK_INT(res, STORE_NEW);
    sb.nlp = &doc, sb.quotes = &ql;
    CHECK_INT(store_put_article(s, &sb, 0, &res, NULL), DOSSIER_OK);
    CHECK_INT(res, STORE_UNCHANGED);
    CHECK_INT(store_commit(s), DOSSIER_OK);

    CHECK_INT(sql_int(path, "SELECT count(*) FROM sentences"), 4);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM entities"), 2);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM mentions"), 6);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM quotes"), 4);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM quotes WHERE text = "
                            "'We will not wait for the ministry' AND kind = 'direct' AND "
                            "cue = 'told' AND speaker = 'Anna Berg'"), 2);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM entities WHERE code = 'HBRGOV' AND "
                            "kind = 'org'"), 1);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity "
                            "WHERE e.name = 'Anna Berg' AND m.how = 'short'"), 2);

    /* Search: articles and quotes, column filters that only one side has. */
    hits h;
    memset(&h, 0, sizeof h);
    CHECK_INT(store_search(s, "ministry", 10, on_hit, &h), DOSSIER_OK);
    CHECK_INT(h.n, 4); /* two articles, two quotes */
    CHECK_STR(h.speaker, "Anna Berg");
    CHECK(strstr(h.snippet, "[ministry]") != NULL);
    memset(&h, 0, sizeof h);
    CHECK_INT(store_search(s, "speaker:berg", 10, on_hit, &h), DOSSIER_OK);
    CHECK_INT(h.n, 4);
    CHECK_STR(h.kinds[0], "quote");
    memset(&h, 0, sizeof h);
    CHECK_INT(store_search(s, "title:second", 10, on_hit, &h), DOSSIER_OK);
    CHECK_INT(h.n, 1);
    CHECK_STR(h.kinds[0], "article");
    memset(&h, 0, sizeof h);
    CHECK_INT(store_search(s, "ministry", 1, on_hit, &h), DOSSIER_OK);
    CHECK_INT(h.n, 1);
    memset(&h, 0, sizeof h);
    CHECK_INT(store_search(s, "zeppelin", 10, on_hit, &h), DOSSIER_OK);
    CHECK_INT(h.n, 0);
    CHECK_INT(store_search(s, "\"unbalanced", 10, on_hit, &h), DOSSIER_ERR_QUERY);
    CHECK(strstr(err.msg, "bad search query") != NULL);
    CHECK_INT(store_search(s, "AND OR (", 10, on_hit, &h), DOSSIER_ERR_QUERY);
    CHECK_INT(store_search(s, "nosuchcolumn:x", 10, on_hit, &h), DOSSIER_ERR_QUERY);
    CHECK_INT(store_search(s, "  ", 10, on_hit, &h), DOSSIER_ERR_QUERY);

    /* Exports. */
    dossier_status rc;
    char *out = export_string(s, STORE_ARTICLES, STORE_CSV, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    CHECK(strncmp(out, "id,source,index,version,", 24) == 0);
    CHECK(strstr(out, "\r\n") != NULL);
    /* The title's quotes doubled, the field quoted; the text's newlines kept inside quotes. */
    CHECK(strstr(out, ",\"Harbour to reopen, \"\"no waiting\"\", mayor says\",") != NULL);
    CHECK(strstr(out, "\"\"We will not wait") != NULL);
    CHECK(strstr(out, "\"Jo Tide, Sam Reef\"") != NULL);
    free(out);
    out = export_string(s, STORE_ARTICLES, STORE_TSV, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    CHECK(strstr(out, "Friday.\\n\\n\"We will") != NULL);
    /* Every line has the header's field count: no raw tab or newline leaks from a field. */
    int lines = 0, bad = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        int tabs = 0;
        for (char *p = line; *p; p++) tabs += *p == '\t';
        bad += tabs != 15; /* 16 columns */
        lines++;
    }
    CHECK_INT(lines, 3);
    CHECK_INT(bad, 0);
    free(out);
    out = export_string(s, STORE_ARTICLES, STORE_JSONL, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    CHECK(strstr(out, "\"entities\":[{\"name\":\"Anna Berg\",\"kind\":\"person\",\"code\":null,"
                      "\"mentions\":[[6,15],[") != NULL);
    CHECK(strstr(out, "\"speaker\":{\"name\":\"Anna Berg\",\"entity\":0,") != NULL);
    CHECK(strstr(out, "\"sentences\":[[0,") != NULL);
    CHECK(strstr(out, "\"events\":[],\"version\":1,\"hash\":\"") != NULL);
    free(out);
    out = export_string(s, STORE_QUOTES, STORE_JSONL, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    CHECK(strstr(out, "{\"article\":\"00000000000000bb\",\"source\":\"/in/harbour.txt\","
                      "\"index\":0,\"quote\":0,\"kind\":\"direct\",\"speaker\":\"Anna Berg\"") !=
          NULL);
    free(out);
    out = export_string(s, STORE_ENTITIES, STORE_CSV, &rc);
    CHECK_INT(rc, DOSSIER_OK);
    CHECK(strstr(out, "Anna Berg,person,,Mayor,HBR,2,4\r\n") != NULL);
    free(out);
    out = export_string(s, 9, STORE_CSV, &rc);
    CHECK_INT(rc, DOSSIER_ERR_USAGE);
    free(out);
    store_close(s);
}

/* A layer with mentions but no sentence is written again on every ingest (the sentence probe
 * finds nothing): that must complete it, not fail on the mentions already there. */
static void test_partial_layer(void)
{
    char path[128];
    errbuf err = {0};
    store *s;
    db_path(path, sizeof path, "p.db");
    CHECK_INT(store_open(path, &err, &s), DOSSIER_OK);
    nlp_doc doc;
    entity ents[2];
    mention mens[3];
    span sents[2];
    quote_list ql;
    quote qs[2];
    build_nlp(&doc, ents, mens, sents, &ql, qs);
    doc.n_sentences = 0;
    test_article t;
    make_article(&t, quote_text, "Partial", 0);
    store_article sa = {"00000000000000dd", "/in/partial.txt", &t.art, &doc, NULL};
    store_put_result res;
    CHECK_INT(store_begin(s), DOSSIER_OK);
    CHECK_INT(store_put_article(s, &sa, 0, &res, NULL), DOSSIER_OK);
    CHECK_INT(store_put_article(s, &sa, 0, &res, NULL), DOSSIER_OK);
    CHECK_INT(res, STORE_UNCHANGED);
    CHECK_INT(store_commit(s), DOSSIER_OK);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM mentions"), 3);
    store_close(s);
}

static void test_field_escaping(void)
{
    dbuf b;
    dbuf_init(&b, 0);
    store_csv_field(&b, "plain", 5);
    CHECK_STR(b.ptr, "plain");
    dbuf_reset(&b);
    store_csv_field(&b, "a,b", 3);
    CHECK_STR(b.ptr, "\"a,b\"");
    dbuf_reset(&b);
    store_csv_field(&b, "say \"hi\"", 8);
    CHECK_STR(b.ptr, "\"say \"\"hi\"\"\"");
    dbuf_reset(&b);
    store_csv_field(&b, "two\r\nlines", 10);
    CHECK_STR(b.ptr, "\"two\r\nlines\"");
    dbuf_reset(&b);
    store_tsv_field(&b, "a\tb\nc\\d\re", 9);
    CHECK_STR(b.ptr, "a\\tb\\nc\\\\d\\re");
    dbuf_release(&b);
}

/* The public API end to end on the sample corpus: ingest twice, search, export. */
typedef struct api_hits {
    int n; /* hits */
} api_hits;

static int on_api_hit(void *user, const dossier_db_hit *h)
{
    ((api_hits *)user)->n += h->source != NULL;
    return 0;
}

static void test_public_api(void)
{
    char path[128];
    db_path(path, sizeof path, "api.db");
    dossier_db *db;
    CHECK_INT(dossier_db_open(path, &db), DOSSIER_OK);
    CHECK_INT(dossier_db_schema_version(db), STORE_SCHEMA_VERSION);
    dossier_options o = {0};
    o.threads = 2;
    dossier *d = dossier_new(&o);
    const char *paths[] = {DOSSIER_TEST_DIR "/../examples"};
    dossier_db_counts k = {0};
    dossier_db_ingest_options io = {0};
    io.batch = 3; /* several batches even on a small corpus */
    CHECK_INT(dossier_db_ingest(d, db, paths, 1, &io, &k), DOSSIER_OK);
    CHECK(k.articles >= 8);
    CHECK_INT(k.new_articles, k.articles);
    CHECK(k.batches >= 3);
    long first = k.articles;
    memset(&k, 0, sizeof k);
    CHECK_INT(dossier_db_ingest(d, db, paths, 1, &io, &k), DOSSIER_OK);
    CHECK_INT(k.unchanged, first);
    CHECK_INT(k.new_articles, 0);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM articles"), first);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM ingests WHERE status = 'done'"), 2);
    CHECK_INT(sql_int(path, "SELECT count(*) FROM ingest_inputs"), 2);
    api_hits h = {0};
    CHECK_INT(dossier_db_search(db, "Selka", 50, on_api_hit, &h), DOSSIER_OK);
    CHECK(h.n >= 3);
    CHECK_INT(dossier_db_search(db, "(", 50, on_api_hit, &h), DOSSIER_ERR_QUERY);
    CHECK(strstr(dossier_db_errmsg(db), "api.db") != NULL);
    FILE *devnull = fopen("/dev/null", "w");
    CHECK_INT(dossier_db_export(db, DOSSIER_EXPORT_ARTICLES, DOSSIER_EXPORT_JSONL, devnull),
              DOSSIER_OK);
    fclose(devnull);
    dossier_free(d);
    dossier_db_close(db);

    /* Opening a bad path fails with a message naming it, and the handle still closes. */
    CHECK_INT(dossier_db_open("/nonexistent-dir/x.db", &db), DOSSIER_ERR_DB);
    CHECK(db != NULL && strstr(dossier_db_errmsg(db), "/nonexistent-dir/x.db") != NULL);
    CHECK_INT(dossier_db_search(db, "x", 1, on_api_hit, &h), DOSSIER_ERR_DB);
    dossier_db_close(db);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/dossier-store-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_open_migrate();
    test_versions();
    test_layers_search_export();
    test_partial_layer();
    test_field_escaping();
    test_public_api();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return check_done();
}
