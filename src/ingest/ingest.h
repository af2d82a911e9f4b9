/*
 * ingest.h - inputs to documents. Reads files, folders (recursive), standard input, JSONL
 * records, WARC 1.0/1.1 files (plain or gzipped, one gzip member per record or whole-file) and
 * hands each document to a callback as UTF-8 text with its origin. Sniffs HTML vs text and
 * converts the charset (BOM, HTTP header, <meta charset>, UTF-8 check, windows-1252 fallback).
 *
 * Memory stays bounded: files are streamed, every document, line and header has a size cap, and
 * over-cap input is reported and skipped, never slurped. One bad document never stops a batch.
 */
#ifndef DOSSIER_INGEST_H
#define DOSSIER_INGEST_H

#include "core/core.h"

/* What kind of content a document holds, after sniffing. */
typedef enum ingest_kind {
    INGEST_TEXT = 0, /* a plain-text capture */
    INGEST_HTML = 1  /* an HTML page */
} ingest_kind;

/* One document, valid only during the callback that receives it. */
typedef struct ingest_doc {
    const char *origin;    /* names it: path, "path:LINE" (JSONL), "path#OFFSET" (WARC: the
                              record's byte offset in the decompressed stream); "<stdin>" for - */
    const char *url;       /* target URL (WARC-Target-URI, JSONL "url"), or NULL */
    const char *site;      /* outlet given by the record (JSONL "site"), or NULL */
    const char *published; /* publication date given by the record (JSONL "published"), or NULL */
    const char *title;     /* title given by the record (JSONL "title"), or NULL */
    ingest_kind kind;      /* HTML or text, after sniffing */
    const char *charset;   /* the charset the bytes were converted from ("utf-8", ...) */
    const char *data;      /* the document as valid UTF-8, NUL-terminated */
    size_t len;            /* its length in bytes */
} ingest_doc;

/* Receives each document. Return 0 to go on, non-zero to stop reading. */
typedef int (*ingest_doc_fn)(void *user, const ingest_doc *doc);
/* Receives each failure: the input it concerns, a status and a message (with a byte offset
 * where known). Strings live only for the call. */
typedef void (*ingest_err_fn)(void *user, const char *input, dossier_status status,
                              const char *message);

typedef struct ingest_opts {
    size_t max_doc_bytes; /* cap per document / JSONL line / WARC record; 0: 64 MiB */
    ingest_doc_fn on_doc; /* required */
    ingest_err_fn on_err; /* may be NULL */
    void *user;           /* passed to both */
} ingest_opts;

/*
 * Reads `path` ("-" is standard input; a folder is walked recursively in name order, skipping
 * dot-files). Returns DOSSIER_OK if everything was read, DOSSIER_ERR_STOPPED if on_doc asked to
 * stop, else the status of the last failure (after reading all the rest).
 */
dossier_status ingest_path(const char *path, const ingest_opts *opts);

/*
 * Reads bytes already in memory as if they were a file called `name`. `hint` forces a format:
 * "warc", "jsonl", "html", "text", or NULL to sniff. Same return values as ingest_path.
 */
dossier_status ingest_memory(const char *name, const void *data, size_t len, const char *hint,
                             const ingest_opts *opts);

/*
 * Converts one document body to UTF-8. `declared` is a charset from a header or record (may be
 * NULL); a BOM wins over it, then `declared`, then <meta charset> when is_html, then UTF-8 if the
 * bytes validate, else windows-1252. Invalid bytes become U+FFFD. Appends to out and sets
 * *charset_out to a static lowercase name.
 */
dossier_status ingest_to_utf8(const char *data, size_t len, const char *declared, int is_html,
                              dbuf *out, const char **charset_out);

/* Guesses HTML vs text from the first bytes (doctype, <html, <head, <body, <p, <div ...). */
ingest_kind ingest_sniff_kind(const char *data, size_t len);

#endif
