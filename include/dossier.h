/*
 * dossier.h - the public C API of dossier, a news-coverage analysis engine.
 *
 * This header is the manual. dossier reads raw coverage (HTML pages, WARC files, JSONL records,
 * plain-text captures), finds the articles in it and describes each one as a dossier_article.
 * Everything is reached through opaque handles; every function that can fail returns a
 * dossier_status and leaves a readable message in dossier_errmsg().
 *
 * Ownership rule, kept everywhere: a pointer returned by a dossier_* getter belongs to the object
 * it was read from and lives as long as that object; callers copy what they keep. Functions whose
 * name ends in _new return objects the caller releases with the matching _free.
 *
 * libxml2: HTML is parsed with the process's libxml2. At the first HTML page dossier puts its own
 * functions under libxml2's allocator (xmlGcMemSetup), chained to the ones in place before, so
 * one page's tree lives in a per-thread arena; the program's own libxml2 memory, from any thread
 * and from before, is untouched. A program that sets libxml2's allocator itself should do it
 * before its first dossier call (libxml2 asks that anyway); set after, it turns the arena off.
 * libdossier must then stay loaded while libxml2 is in use (no dlclose).
 */
#ifndef DOSSIER_H
#define DOSSIER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(DOSSIER_BUILDING) && defined(__GNUC__)
#define DOSSIER_API __attribute__((visibility("default")))
#else
#define DOSSIER_API
#endif

#define DOSSIER_VERSION "0.1.0"
/* The version of the JSONL contract written by dossier_article_to_json (the "schema" field). */
#define DOSSIER_SCHEMA 1

/* Result codes. Codes are only ever appended, never renumbered. */
typedef enum dossier_status {
    DOSSIER_OK = 0,
    DOSSIER_ERR_NOMEM = 1,     /* an allocation failed */
    DOSSIER_ERR_IO = 2,        /* a file could not be opened or read */
    DOSSIER_ERR_TOO_LARGE = 3, /* an input, record or line is over its size cap */
    DOSSIER_ERR_FORMAT = 4,    /* malformed input (WARC header, JSON line, ...) */
    DOSSIER_ERR_GZIP = 5,      /* corrupt or truncated gzip data */
    DOSSIER_ERR_CHARSET = 6,   /* text could not be converted to UTF-8 */
    DOSSIER_ERR_BINARY = 7,    /* the input is not text (binary junk) */
    DOSSIER_ERR_EMPTY = 8,     /* the input holds no article text */
    DOSSIER_ERR_USAGE = 9,     /* a bad argument from the caller */
    DOSSIER_ERR_STOPPED = 10,  /* a callback asked to stop */
    DOSSIER_ERR_DB = 11,       /* the database failed: cannot open, not a dossier database, a
                                  newer schema, disk full, locked, corrupt ... */
    DOSSIER_ERR_QUERY = 12     /* a search query is malformed (FTS5 syntax) */
} dossier_status;

/* A short English description of a status code. Never NULL; static storage. */
DOSSIER_API const char *dossier_strerror(dossier_status status);

/* The library version string, DOSSIER_VERSION of the build. */
DOSSIER_API const char *dossier_version(void);

/*
 * Called once for each input (or record of an input) that fails. `input` names it: a path, a
 * path with ":LINE" for a JSONL line, or a path with "#OFFSET" for a WARC record. `message` says
 * what went wrong, including a byte offset where one is known. Both strings live only for the
 * call. The batch continues after the call.
 */
typedef void (*dossier_error_fn)(void *user, const char *input, dossier_status status,
                                 const char *message);

/* Options of a dossier handle. Zero-initialise, then set what you need; zero means default. */
typedef struct dossier_options {
    size_t max_doc_bytes;  /* largest single document (file, record, line); default 64 MiB */
    dossier_error_fn on_error; /* per-input error report; NULL to ignore */
    void *user;                /* passed to on_error and to article callbacks */
    int threads;      /* worker threads extracting documents; 0 or 1: the calling thread.
                         Articles reach the callback in input order, on the calling thread. */
    int drop_teasers; /* teasers (headline + a paragraph + "keep reading") are emitted as
                         articles marked teaser; 1 drops them instead */
    int plain;        /* 1: every document is clean text, one article each, its text the
                         document's bytes (no chrome stripping, no HTML parsing) */
    int no_annotate;  /* 1: stop after extraction: no sentences, entities or quotes */
} dossier_options;

/* A handle holding options and the last error message. One per thread. */
typedef struct dossier dossier;

/* Makes a handle. `opts` may be NULL for defaults. Returns NULL only when out of memory.
 * The caller frees it with dossier_free. */
DOSSIER_API dossier *dossier_new(const dossier_options *opts);
DOSSIER_API void dossier_free(dossier *d);

/* The message of the last failure on this handle ("" if none). Owned by the handle; valid until
 * the next call on it. */
DOSSIER_API const char *dossier_errmsg(const dossier *d);

/* One article found in an input. Valid only during the callback that receives it. */
typedef struct dossier_article dossier_article;

/* Receives each article. Return 0 to go on, non-zero to stop (the call then returns
 * DOSSIER_ERR_STOPPED). */
typedef int (*dossier_article_fn)(void *user, const dossier_article *article);

/*
 * Reads `path` and calls `on_article` for every article found. `path` is a file, a folder (read
 * recursively, in name order) or "-" for standard input. Each file is sniffed: WARC (plain or
 * gzipped), JSONL records, HTML, or a plain-text capture. A document that fails is reported to
 * opts.on_error and skipped; the rest are still read. Returns DOSSIER_OK if every input was
 * read, else the status of the last failure (the batch still ran to the end).
 */
DOSSIER_API dossier_status dossier_extract_path(dossier *d, const char *path,
                                                dossier_article_fn on_article, void *user);

/*
 * Same for bytes already in memory. `name` names them in errors and in the article's source.
 * `content_type` is a hint ("text/html", "text/plain", "application/warc", "application/jsonl")
 * or NULL to sniff.
 */
DOSSIER_API dossier_status dossier_extract_memory(dossier *d, const char *name, const void *data,
                                                  size_t len, const char *content_type,
                                                  dossier_article_fn on_article, void *user);

/* Getters. Strings are UTF-8, NUL-terminated, owned by the article; NULL when unknown. */
DOSSIER_API const char *dossier_article_id(const dossier_article *a);     /* stable 16-hex id */
DOSSIER_API const char *dossier_article_source(const dossier_article *a); /* path/URL/record */
DOSSIER_API int dossier_article_index(const dossier_article *a); /* which article of the source */
DOSSIER_API const char *dossier_article_url(const dossier_article *a);
DOSSIER_API const char *dossier_article_site(const dossier_article *a);
DOSSIER_API const char *dossier_article_title(const dossier_article *a);
DOSSIER_API const char *dossier_article_author(const dossier_article *a);
DOSSIER_API const char *dossier_article_published(const dossier_article *a); /* ISO 8601 */
/* The date of the latest change the page declares (ISO 8601), which may be the only date a page
 * prints ("Updated …"); the publication date stays in dossier_article_published. */
DOSSIER_API const char *dossier_article_modified(const dossier_article *a);
DOSSIER_API const char *dossier_article_lang(const dossier_article *a);
DOSSIER_API int dossier_article_is_teaser(const dossier_article *a);
/* The clean text; paragraphs separated by "\n\n". `len` may be NULL. */
DOSSIER_API const char *dossier_article_text(const dossier_article *a, size_t *len);
DOSSIER_API size_t dossier_article_paragraph_count(const dossier_article *a);
/* Byte offsets [start, end) of paragraph i in the text; DOSSIER_ERR_USAGE if i is out of range. */
DOSSIER_API dossier_status dossier_article_paragraph(const dossier_article *a, size_t i,
                                                     size_t *start, size_t *end);
/* Byte offsets [start, end) in the (UTF-8) input document where paragraph i came from. */
DOSSIER_API dossier_status dossier_article_paragraph_source(const dossier_article *a, size_t i,
                                                            size_t *start, size_t *end);

/* Sentences: how many, and the byte offsets [start, end) of sentence i in the text. */
DOSSIER_API size_t dossier_article_sentence_count(const dossier_article *a);
DOSSIER_API dossier_status dossier_article_sentence(const dossier_article *a, size_t i,
                                                    size_t *start, size_t *end);

/* An entity of the article (a person, organisation or place) as its mentions resolve it. */
typedef struct dossier_entity {
    const char *name;    /* canonical name: "Antony Blinken" */
    const char *kind;    /* "person", "org" or "place" */
    const char *code;    /* CAMEO actor code ("USAGOV", "RUS", "NATO") or NULL */
    const char *title;   /* office title when the article gives one, or NULL */
    size_t n_mentions;   /* how many mentions resolve to it */
} dossier_entity;

DOSSIER_API size_t dossier_article_entity_count(const dossier_article *a);
/* Fills *out with entity i; DOSSIER_ERR_USAGE if i is out of range. Strings belong to the
 * article. */
DOSSIER_API dossier_status dossier_article_entity(const dossier_article *a, size_t i,
                                                  dossier_entity *out);

/* Mentions (in text order): the bytes [start, end) that name entity *entity. */
DOSSIER_API size_t dossier_article_mention_count(const dossier_article *a);
DOSSIER_API dossier_status dossier_article_mention(const dossier_article *a, size_t i,
                                                   size_t *start, size_t *end, int *entity);

/* A quotation or reported statement with its cue and speaker. Offsets are bytes in the text. */
typedef struct dossier_quote {
    size_t start, end;         /* the quoted or reported words (quote marks excluded) */
    const char *kind;          /* "direct", "partial" or "indirect" */
    size_t cue_start, cue_end; /* the cue words ("said", "according to"); equal when none */
    const char *cue_lemma;     /* the cue's base form ("say"), or NULL */
    int speaker_entity;        /* index of the speaker's entity, or -1 */
    const char *speaker;       /* the speaker's canonical name, or NULL when unknown */
    size_t speaker_start, speaker_end; /* the words naming the speaker; equal when none */
    size_t n_segments;         /* a quotation split around its frame (“A,” she said, “B.”) comes
                                  in pieces: how many (0 when whole; start/end then span all) */
} dossier_quote;

DOSSIER_API size_t dossier_article_quote_count(const dossier_article *a);
/* Fills *out with quote i (in text order); DOSSIER_ERR_USAGE if i is out of range. */
DOSSIER_API dossier_status dossier_article_quote(const dossier_article *a, size_t i,
                                                 dossier_quote *out);

/* Piece k of quote i (see dossier_quote.n_segments); DOSSIER_ERR_USAGE when out of range. */
DOSSIER_API dossier_status dossier_article_quote_segment(const dossier_article *a, size_t i,
                                                         size_t k, size_t *start, size_t *end);

/*
 * The article as one line of the JSONL contract (docs/data-model.md), without the trailing
 * newline. The caller frees *json with free(). Returns DOSSIER_ERR_NOMEM on failure.
 */
DOSSIER_API dossier_status dossier_article_to_json(const dossier_article *a, char **json,
                                                   size_t *len);

/* ---- the store: a SQLite database of articles, quotes, entities and stories ---- */

/* An open database. One per thread; close it with dossier_db_close. */
typedef struct dossier_db dossier_db;

/*
 * Opens (creating if missing) the database at `path` and brings its schema up to date, each
 * migration in a transaction of its own. Always sets *db: on failure to a handle that only holds
 * the message (read it with dossier_db_errmsg) or to NULL when out of memory; the caller closes
 * it with dossier_db_close either way. Returns DOSSIER_OK, DOSSIER_ERR_DB (cannot open, not a
 * database, not a dossier database, schema newer than this build) or DOSSIER_ERR_NOMEM.
 */
DOSSIER_API dossier_status dossier_db_open(const char *path, dossier_db **db);

/* Closes the database and frees the handle. NULL is a no-op. */
DOSSIER_API void dossier_db_close(dossier_db *db);

/* The message of the last failure on this handle, naming the database path ("" if none). Owned
 * by the handle; valid until the next call on it. */
DOSSIER_API const char *dossier_db_errmsg(const dossier_db *db);

/* The schema version of the open database (PRAGMA user_version). */
DOSSIER_API int dossier_db_schema_version(const dossier_db *db);

/* What an ingest did; counts add up over the calls that share one struct (zero it first). */
typedef struct dossier_db_counts {
    long articles;     /* articles extracted and written (new + unchanged + new_versions) */
    long new_articles; /* articles not seen before (source and index new) */
    long unchanged;    /* articles already stored with the same content hash: nothing added */
    long new_versions; /* known source and index, different content: stored as a new version */
    long errors;       /* inputs that failed (each reported to the handle's on_error) */
    uint64_t bytes;    /* input bytes of the documents that yielded articles */
    long batches;      /* transactions committed */
} dossier_db_counts;

/* Called on the calling thread after each committed batch and every few hundred articles.
 * Return 0 to go on, non-zero to stop (what is written so far is committed). */
typedef int (*dossier_db_progress_fn)(void *user, const dossier_db_counts *counts);

/* Ingest tuning. Zero-initialise; zero means default. */
typedef struct dossier_db_ingest_options {
    int batch;                       /* articles per transaction; default 500 */
    dossier_db_progress_fn progress; /* may be NULL */
    void *user;                      /* passed to progress */
} dossier_db_ingest_options;

/*
 * Reads each of the n `paths` (as dossier_extract_path does, on the handle's worker threads) and
 * writes every article to the database on the calling thread, `batch` articles per transaction,
 * recorded as one run in the `ingests` table with each path as it completes. Paths on disk are
 * stored absolute, so the same file ingested from another directory is the same source.
 * An article whose source and index are stored with the same content hash (text and metadata)
 * adds nothing; with a different hash it becomes a new version (the old one is kept, the new one
 * marked latest). The sentences, entities, mentions and quotes of an article are stored when its
 * stages have computed them. Killing the process loses at most the uncommitted batch; running
 * the same ingest again completes it.
 * `counts` (may be NULL) is added to. `opts` may be NULL. Returns DOSSIER_OK; the status of the
 * last failed input (the batch still ran to the end, each failure went to on_error); or
 * DOSSIER_ERR_DB (message in dossier_db_errmsg), DOSSIER_ERR_STOPPED, DOSSIER_ERR_USAGE.
 */
DOSSIER_API dossier_status dossier_db_ingest(dossier *d, dossier_db *db, const char *const *paths,
                                             size_t n, const dossier_db_ingest_options *opts,
                                             dossier_db_counts *counts);

/* One search result, valid only during the callback that receives it. */
typedef struct dossier_db_hit {
    const char *kind;    /* "article" or "quote" */
    const char *id;      /* the article's 16-hex id (as dossier_article_id) */
    const char *source;  /* the article's source */
    int index;           /* its index in the source */
    const char *title;   /* its title, or NULL */
    const char *site;    /* its outlet, or NULL */
    const char *published; /* ISO 8601, or NULL */
    const char *snippet; /* the matching text around the hit, matches between [ and ] */
    const char *speaker; /* quote hits: the speaker's name, or NULL */
    double score;        /* bm25 rank: lower is better */
} dossier_db_hit;

/* Receives each hit, best first. Return 0 to go on, non-zero to stop (the search then returns
 * DOSSIER_ERR_STOPPED). */
typedef int (*dossier_db_hit_fn)(void *user, const dossier_db_hit *hit);

/*
 * Full-text search (SQLite FTS5 query syntax: words, "phrases", AND/OR/NOT, prefix*, column
 * filters title: text: speaker:) over the latest version of every article (title, text) and over
 * quotes (text, speaker); at most `limit` hits (<= 0: 20). Returns DOSSIER_OK,
 * DOSSIER_ERR_QUERY for a malformed query, DOSSIER_ERR_DB, DOSSIER_ERR_STOPPED; the message is
 * in dossier_db_errmsg.
 */
DOSSIER_API dossier_status dossier_db_search(dossier_db *db, const char *query, int limit,
                                             dossier_db_hit_fn on_hit, void *user);

/* Export formats. */
typedef enum dossier_export_format {
    DOSSIER_EXPORT_JSONL = 1, /* one JSON object a line; articles follow the extract contract */
    DOSSIER_EXPORT_CSV = 2,   /* RFC 4180: header row, CRLF, fields with , " CR LF quoted */
    DOSSIER_EXPORT_TSV = 3    /* header row; tab, newline, CR, backslash as \t \n \r \\ */
} dossier_export_format;

/* What to export. */
typedef enum dossier_export_what {
    DOSSIER_EXPORT_ARTICLES = 1, /* the latest version of each article */
    DOSSIER_EXPORT_QUOTES = 2,   /* the quotes of those articles, with speaker and article */
    DOSSIER_EXPORT_ENTITIES = 3  /* every entity with its article and mention counts */
} dossier_export_what;

/*
 * Writes `what` in `format` to `out`. Returns DOSSIER_OK, DOSSIER_ERR_USAGE (unknown format or
 * what), DOSSIER_ERR_IO (a write failed), DOSSIER_ERR_DB or DOSSIER_ERR_NOMEM; the message is in
 * dossier_db_errmsg.
 */
DOSSIER_API dossier_status dossier_db_export(dossier_db *db, dossier_export_what what,
                                             dossier_export_format format, FILE *out);

/* ---- Comparison: one story's coverage compared across its outlets ---- */

/* A story: its articles, annotated, and their comparison (quote groups, coverage matrix,
 * framing, contradictions, timeline). */
typedef struct dossier_story dossier_story;

/* Output formats of dossier_story_write. */
enum { DOSSIER_STORY_TEXT = 1, DOSSIER_STORY_JSON = 2, DOSSIER_STORY_HTML = 3 };

/*
 * Reads the n `paths` (as dossier_extract_path does, with d's options), keeps the main article
 * of every document (teasers and the articles glued after the first are dropped), annotates
 * them, takes them all as one story and compares its outlets. Inputs that fail go to
 * opts.on_error and are skipped. On success *out is a story the caller frees with
 * dossier_story_free. Returns DOSSIER_OK, DOSSIER_ERR_EMPTY when no article was found (the
 * message in dossier_errmsg), DOSSIER_ERR_USAGE or DOSSIER_ERR_NOMEM.
 */
DOSSIER_API dossier_status dossier_story_from_paths(dossier *d, const char *const *paths,
                                                    size_t n, dossier_story **out);

/*
 * Writes the story's comparison to `out`: DOSSIER_STORY_TEXT (for a terminal),
 * DOSSIER_STORY_JSON (one JSON object and a newline) or DOSSIER_STORY_HTML (one self-contained
 * HTML page: no external assets, no scripts, every input escaped). Returns DOSSIER_OK,
 * DOSSIER_ERR_IO when a write fails, DOSSIER_ERR_NOMEM, DOSSIER_ERR_TOO_LARGE (an HTML page over
 * its size cap), or DOSSIER_ERR_USAGE for an unknown format (the message in
 * dossier_story_errmsg).
 */
DOSSIER_API dossier_status dossier_story_write(const dossier_story *s, int format, FILE *out);

/* The message of the story's last failure ("" if none). Owned by the story. */
DOSSIER_API const char *dossier_story_errmsg(const dossier_story *s);

/* Frees the story and everything in it. NULL is a no-op. */
DOSSIER_API void dossier_story_free(dossier_story *s);

/* ---- Stories: articles grouped by the happening they report, across outlets and languages ---- */

/* Clustering tuning. Zero-initialise; zero means default. */
typedef struct dossier_cluster_options {
    double threshold;  /* least similarity (0..1) for an article to join a story; 0: 0.28 */
    int ignore_dates;  /* 1: do not use publication dates (text only) */
    int recluster;     /* 1: forget every story first and place all articles afresh */
} dossier_cluster_options;

/* What a clustering run did. */
typedef struct dossier_cluster_counts {
    long articles;     /* articles placed by this run (they were in no story) */
    long new_stories;  /* stories this run started */
    long duplicates;   /* of the articles placed, near-duplicates of an earlier article */
    long stories;      /* stories in the database afterwards */
} dossier_cluster_counts;

/*
 * Places every latest article that is in no story yet: a near-duplicate (MinHash Jaccard >= 0.8
 * over word 5-grams) joins its original's story as a duplicate; any other article joins the most
 * similar story (words, names across scripts, numbers, dates; publication dates at most a few
 * days apart) or starts one. Earlier placements are kept; an article replaced by a newer version
 * leaves its story and the new version is placed. Idempotent: a second call places nothing.
 * Runs in one transaction: a kill loses nothing already stored, and the next call completes it.
 * `opts` and `counts` may be NULL. Returns DOSSIER_OK, DOSSIER_ERR_DB (message in
 * dossier_db_errmsg) or DOSSIER_ERR_NOMEM.
 */
DOSSIER_API dossier_status dossier_db_cluster(dossier_db *db, const dossier_cluster_options *opts,
                                              dossier_cluster_counts *counts);

/* One story, valid only during the callback that receives it. */
typedef struct dossier_story_info {
    int64_t id;            /* the story's id (for dossier_db_story_articles) */
    const char *label;     /* its main names and terms, ", "-joined ("" if none) */
    const char *first;     /* earliest publication date YYYY-MM-DD of its articles, or NULL */
    const char *last;      /* latest, or NULL */
    size_t n_articles;     /* articles, duplicates included */
    size_t n_outlets;      /* distinct outlets */
    size_t n_duplicates;   /* near-duplicates among the articles */
    const char *outlets;   /* outlet names, ", "-joined, sorted */
} dossier_story_info;

/* Receives each story. Return 0 to go on, non-zero to stop (DOSSIER_ERR_STOPPED). */
typedef int (*dossier_story_fn)(void *user, const dossier_story_info *story);

/* Lists every story, earliest first (undated stories last). Returns DOSSIER_OK,
 * DOSSIER_ERR_DB or DOSSIER_ERR_STOPPED. */
DOSSIER_API dossier_status dossier_db_stories(dossier_db *db, dossier_story_fn on_story,
                                              void *user);

/* One article of a story, valid only during the callback that receives it. */
typedef struct dossier_story_article {
    const char *id;        /* the article's 16-hex id (as dossier_article_id) */
    const char *source;    /* its source */
    int index;             /* its index in the source */
    const char *outlet;    /* its outlet (the source's file name when it has none) */
    const char *title;     /* its title, or NULL */
    const char *published; /* ISO 8601, or NULL */
    const char *role;      /* "member", or "duplicate" for a near-duplicate */
    const char *duplicate_of; /* a duplicate's original (16-hex id), else NULL */
    double score;          /* its similarity to the story when it joined (1: it started it) */
} dossier_story_article;

typedef int (*dossier_story_article_fn)(void *user, const dossier_story_article *article);

/* Lists the articles of story `story`, earliest first. Returns DOSSIER_OK, DOSSIER_ERR_DB or
 * DOSSIER_ERR_STOPPED (an unknown story has no articles). */
DOSSIER_API dossier_status dossier_db_story_articles(dossier_db *db, int64_t story,
                                                     dossier_story_article_fn on_article,
                                                     void *user);

/*
 * Story `story` of the database as a dossier_story: its latest articles read back, annotated
 * and compared (write it with dossier_story_write, free it with dossier_story_free); its
 * near-duplicates keep their marks and are never counted twice. Returns DOSSIER_OK,
 * DOSSIER_ERR_USAGE for an unknown story or one without articles, DOSSIER_ERR_DB or
 * DOSSIER_ERR_NOMEM; the message names the story and is in dossier_db_errmsg.
 */
DOSSIER_API dossier_status dossier_db_story(dossier_db *db, int64_t story, dossier_story **out);

#ifdef __cplusplus
}
#endif
#endif
