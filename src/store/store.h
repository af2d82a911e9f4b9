/*
 * store.h - the SQLite store: a versioned schema with ordered migrations, articles with their
 * versions and provenance, the language layer (sentences, entities, mentions) and quotes,
 * stories (filled by a later stage), ingest runs, FTS5 search and exports.
 *
 * Writes go through one connection on one thread, in transactions the caller opens and closes
 * (store_begin / store_commit), so a killed process leaves whole batches or nothing. The
 * database runs in WAL mode with synchronous=NORMAL: a kill never loses a commit; a power cut
 * may lose the last ones, never corrupt the file.
 *
 * Errors: every function returns a dossier_status and leaves a message naming the database path
 * in the errbuf given to store_open.
 */
#ifndef DOSSIER_STORE_H
#define DOSSIER_STORE_H

#include <stdio.h>

#include "core/core.h"
#include "extract/extract.h"
#include "nlp/nlp.h"
#include "quotes/quotes.h"

/* The schema version this build writes; store_open migrates older databases up to it. */
#define STORE_SCHEMA_VERSION 2
/* PRAGMA application_id of a dossier database ("DOSS"). */
#define STORE_APPLICATION_ID 0x444f5353

typedef struct store store;

/*
 * Opens or creates the database at `path`, sets WAL, synchronous=NORMAL, a busy timeout and
 * foreign keys, and applies the missing migrations, each in one transaction. Fails with
 * DOSSIER_ERR_DB for a file that is not SQLite, a SQLite file that is not a dossier database, or
 * a schema newer than STORE_SCHEMA_VERSION. `err` must outlive the store. The caller frees *out
 * with store_close; *out is NULL on failure.
 */
dossier_status store_open(const char *path, errbuf *err, store **out);
void store_close(store *s);

/* The database's schema version (PRAGMA user_version) after migration. */
int store_schema_version(const store *s);

/* Transactions: BEGIN IMMEDIATE, COMMIT, ROLLBACK. */
dossier_status store_begin(store *s);
dossier_status store_commit(store *s);
void store_rollback(store *s);

/* Starts an ingest run (its own transaction: call outside store_begin/commit); *run is its id. */
dossier_status store_run_start(store *s, const char *args, int64_t *run);
/* Records that `input` has been read completely by `run` (inside the caller's transaction). */
dossier_status store_run_input_done(store *s, int64_t run, const char *input, long articles);
/* Closes a run with its counts and a status word ("done", "failed", "stopped"); own transaction. */
dossier_status store_run_finish(store *s, int64_t run, const char *status, long n_new,
                                long n_unchanged, long n_versions, long n_errors);

/* One article to store: the extracted article and what later stages added (NULL if absent). */
typedef struct store_article {
    const char *uid;          /* stable 16-hex id of source + index */
    const char *source;       /* the document's origin */
    const article *art;       /* the article */
    const nlp_doc *nlp;       /* its language layer, or NULL */
    const quote_list *quotes; /* its quotes (needs nlp for speakers), or NULL */
} store_article;

/* What store_put_article did. */
typedef enum store_put_result {
    STORE_NEW = 1,       /* first time this source and index were seen */
    STORE_UNCHANGED = 2, /* the latest version has the same content hash: only last_seen moved */
    STORE_VERSION = 3    /* a new version of a known source and index */
} store_put_result;

/*
 * Stores one article inside the caller's transaction: outlet, article row, paragraphs, and when
 * present sentences, entities, mentions and quotes. `run` is the ingest run (0: none).
 * *id is the article row (may be NULL). Returns DOSSIER_OK or DOSSIER_ERR_DB / DOSSIER_ERR_NOMEM.
 */
dossier_status store_put_article(store *s, const store_article *a, int64_t run,
                                 store_put_result *result, int64_t *id);

/* The content hash of an article: XXH3 over its text and metadata, length-prefixed fields, as
 * 16 hex digits in out. Source and index are not part of it. */
void store_content_hash(const article *art, char out[17]);

/* One search hit (strings valid during the callback). */
typedef struct store_hit {
    const char *kind;      /* "article" or "quote" */
    const char *uid;       /* article uid */
    const char *source;    /* article source */
    int idx;               /* article index */
    const char *title;     /* may be NULL */
    const char *site;      /* may be NULL */
    const char *published; /* may be NULL */
    const char *snippet;   /* text around the match, matches in [ ] */
    const char *speaker;   /* quote hits: speaker name or NULL */
    double score;          /* bm25: lower is better */
} store_hit;
typedef int (*store_hit_fn)(void *user, const store_hit *hit);

/* FTS5 search over latest articles and their quotes, best first, at most `limit` hits.
 * DOSSIER_ERR_QUERY for a malformed query, DOSSIER_ERR_STOPPED if the callback stopped. */
dossier_status store_search(store *s, const char *query, int limit, store_hit_fn fn, void *user);

/* Export kinds and formats (same values as the public enums). */
enum { STORE_ARTICLES = 1, STORE_QUOTES = 2, STORE_ENTITIES = 3 };
enum { STORE_JSONL = 1, STORE_CSV = 2, STORE_TSV = 3 };

/* Writes articles, quotes or entities as JSONL, CSV or TSV to out. DOSSIER_ERR_IO when a write
 * fails, DOSSIER_ERR_USAGE for an unknown kind or format. */
dossier_status store_export(store *s, int what, int format, FILE *out);

/* ---- field writers for exports (store_export.c; exposed for tests) ---- */
/* Appends s as one CSV field (RFC 4180: quoted when it holds , " CR or LF, " doubled). */
dossier_status store_csv_field(dbuf *b, const char *s, size_t n);
/* Appends s as one TSV field: tab, LF, CR and backslash as \t \n \r \\. */
dossier_status store_tsv_field(dbuf *b, const char *s, size_t n);

/* ---- internals shared by the store's files ---- */
/* The ordered migrations: migration i (0-based) takes user_version i to i + 1. */
typedef struct store_migration {
    const char *what; /* one line on what it does */
    const char *const *sql; /* its SQL in pieces (NULL-terminated list), run in order */
} store_migration;
extern const store_migration store_migrations[];
extern const int store_n_migrations;

/* ---- reading a story back (story_read.c) ---- */
/* One article of a story as stored (all pointers in the caller's arena). */
typedef struct store_story_member {
    int64_t id;           /* articles row */
    const char *uid;      /* stable 16-hex id */
    const char *source;   /* the document's origin */
    const article *art;   /* text, paragraphs (with their source spans), metadata; site is the
                             outlet name */
    const char *role;     /* "member", "duplicate" or "glued" */
    int64_t duplicate_of; /* articles row it duplicates, or 0 */
} store_story_member;
typedef int (*store_member_fn)(void *user, const store_story_member *m);

/*
 * Calls fn for each latest article of story `story`, by publication date then source. Memory
 * comes from `a`. DOSSIER_ERR_USAGE (message names the story) when there is no such story or it
 * has no article; DOSSIER_ERR_STOPPED when fn returned nonzero.
 */
dossier_status store_story_read(store *s, arena *a, int64_t story, store_member_fn fn,
                                void *user);

/* ==== stories (stories.c): what the clusterer reads and writes ==================== */

/* One latest article as the clusterer reads it (strings valid during the callback). */
typedef struct store_cluster_row {
    int64_t id;            /* the articles row */
    const char *title;     /* title, or NULL */
    size_t title_len;
    const char *text;      /* clean text */
    size_t text_len;
    const char *lang;      /* language code, or NULL */
    const char *published; /* ISO 8601, or NULL */
    int64_t story;         /* its story, or 0 when it is in none yet */
    int duplicate;         /* 1: it is in its story as a duplicate */
    const char *const *entities; /* canonical names of the entities it names, most mentioned
                                    first (at most 64); none when `features` is given */
    size_t n_entities;
    const void *features;  /* its stored packed features (article_features), or NULL: then the
                              text and entities are given instead (text NULL otherwise) */
    size_t features_len;
} store_cluster_row;
typedef int (*store_cluster_fn)(void *user, const store_cluster_row *row);

/* Inside the caller's transaction: takes articles that are no longer latest out of their
 * stories and deletes stories left empty. DOSSIER_ERR_DB on failure. */
dossier_status store_stories_prune(store *s);

/* Inside the caller's transaction: deletes every story and membership. */
dossier_status store_stories_clear(store *s);

/* How many latest articles are in no story. */
dossier_status store_count_unclustered(store *s, long *n);

/* Calls fn for every latest article, by id. DOSSIER_ERR_STOPPED when fn returns non-zero. */
dossier_status store_cluster_articles(store *s, store_cluster_fn fn, void *user);

/* Inside the caller's transaction (and during store_cluster_articles): stores the packed
 * clustering features of an article, replacing any. DOSSIER_ERR_DB on failure. */
dossier_status store_article_features_put(store *s, int64_t art_id, const void *data,
                                          size_t len);

/* Inside the caller's transaction: forgets every article's stored features. */
dossier_status store_article_features_clear(store *s);

/* Inside the caller's transaction: a new story (*id its row), a changed one, a member
 * (role "member" or "duplicate"; duplicate_of 0 for none). DOSSIER_ERR_DB on failure. */
dossier_status store_story_create(store *s, const char *label, const char *first,
                                  const char *last, int64_t *id);
dossier_status store_story_update(store *s, int64_t id, const char *label, const char *first,
                                  const char *last);
dossier_status store_story_add(store *s, int64_t story, int64_t art_id, const char *role,
                               int64_t duplicate_of, double score);

/* One story as listed (strings valid during the callback; label/first/last may be NULL). */
typedef struct store_story_row {
    int64_t id;         /* stories row */
    const char *label;  /* top names and terms */
    const char *first;  /* earliest publication date, or NULL */
    const char *last;   /* latest, or NULL */
    long n_articles;    /* members and duplicates */
    long n_outlets;     /* distinct outlets */
    long n_duplicates;  /* duplicates */
    const char *outlets; /* outlet names, ", "-joined, sorted */
} store_story_row;
typedef int (*store_story_fn)(void *user, const store_story_row *row);

/* Every story, earliest first (undated last). DOSSIER_ERR_STOPPED when fn stops. */
dossier_status store_stories_list(store *s, store_story_fn fn, void *user);

/* One article of a story (strings valid during the callback). */
typedef struct store_story_article_row {
    int64_t id;            /* articles row */
    const char *uid;       /* 16-hex id */
    const char *source;    /* origin */
    int idx;               /* index in the source */
    const char *outlet;    /* outlet name, else the source */
    const char *title;     /* or NULL */
    const char *published; /* or NULL */
    const char *role;      /* "member" or "duplicate" */
    const char *duplicate_of; /* uid of a duplicate's original, or NULL */
    double score;          /* similarity when it joined */
} store_story_article_row;
typedef int (*store_story_article_fn)(void *user, const store_story_article_row *row);

/* The articles of one story, earliest first. DOSSIER_ERR_STOPPED when fn stops. */
dossier_status store_story_articles(store *s, int64_t story, store_story_article_fn fn,
                                    void *user);

#endif
