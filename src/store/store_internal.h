/*
 * store_internal.h - what the store's own files share: the connection handle and its prepared
 * statements. Only src/store/ includes it; everything else uses store.h.
 */
#ifndef DOSSIER_STORE_INTERNAL_H
#define DOSSIER_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store/store.h"

/* The statements prepared once per connection (SQL in store.c). */
enum {
    STMT_FIND_LATEST,    /* latest version of (source, idx) */
    STMT_TOUCH,          /* last_seen of an unchanged article */
    STMT_RETIRE,         /* latest = 0 on the old version */
    STMT_INSERT_ARTICLE, /* a new article row */
    STMT_OUTLET,         /* outlet id by name, inserted when new */
    STMT_PARAGRAPH,      /* one paragraph span */
    STMT_SENTENCE,       /* one sentence span */
    STMT_ENTITY,         /* corpus entity id by name and kind, inserted when new */
    STMT_MENTION,        /* one mention */
    STMT_QUOTE,          /* one quote */
    STMT_HAS_SENTENCES,  /* does an article have its sentences stored? */
    STMT_HAS_QUOTES,     /* does an article have its quotes stored? */
    STMT_INPUT_DONE,     /* an input completed by a run */
    STMT_COUNT
};

struct store {
    sqlite3 *db;                  /* the connection */
    char *path;                   /* the database path, for messages */
    errbuf *err;                  /* where failures are described (the caller's) */
    int version;                  /* schema version after migration */
    sqlite3_stmt *stmt[STMT_COUNT]; /* prepared statements */
    char now[32];                 /* time stamp of the current transaction (ISO 8601 UTC) */
    int64_t *entity_ids;          /* corpus ids of the current article's entities */
    size_t cap_entity_ids;        /* slots in entity_ids */
    sqlite3_stmt *put_features;   /* store_article_features_put's statement, made on first use */
};

/* Records a failure of the last SQLite call as DOSSIER_ERR_DB: "PATH: what: sqlite message". */
dossier_status store_fail(store *s, const char *what);

#endif
