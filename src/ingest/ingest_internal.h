/*
 * ingest_internal.h - what the ingest files share: the bounded byte reader (a file descriptor
 * or memory, gzip members decompressed on the fly), the run context that counts failures and
 * delivers documents, and the format readers (WARC, JSONL). Not installed; ingest.h is the
 * module's interface for the rest of the library.
 */
#ifndef DOSSIER_INGEST_INTERNAL_H
#define DOSSIER_INGEST_INTERNAL_H

#include "ingest/ingest.h"

#include <zlib.h>

/* The reader's window: big enough for a sniff, a WARC header peek and a few lines. */
#define INGEST_WINDOW (128 * 1024)
/* The largest WARC record header or HTTP response header we accept. */
#define INGEST_MAX_HEADER (64 * 1024)
/* How much of a stream the format sniffer looks at. */
#define INGEST_SNIFF_BYTES (64 * 1024)
/* Default cap per document, line and record. */
#define INGEST_DEFAULT_MAX ((size_t)64 << 20)

/*
 * A byte stream read through a fixed window, so memory stays bounded whatever the input.
 * Sources: a file descriptor (not owned) or a memory block (not owned). When the stream starts
 * with the gzip magic it is inflated, member after member (one per WARC record or one for the
 * whole file). A read error or corrupt/truncated gzip data ends the stream early and sets err;
 * every byte before the damage is still handed out.
 */
typedef struct ingest_reader {
    int fd;                   /* source descriptor, or -1 for memory */
    const unsigned char *mem; /* source memory, when fd < 0 */
    size_t mem_len;           /* its length */
    size_t mem_pos;           /* bytes of it consumed */
    unsigned char *raw;       /* compressed bytes read from fd (gzip only) */
    int raw_eof;              /* the source has no more bytes */
    int gzip;                 /* 1: the source is gzip data */
    int member_done;          /* gzip: the last member ended cleanly */
    int member_open;          /* gzip: a member has started and not yet ended */
    z_stream zs;              /* gzip: the inflater */
    int zs_live;              /* the inflater was initialised */
    char *buf;                /* the window of decoded bytes */
    size_t pos;               /* first unread byte in buf */
    size_t end;               /* one past the last decoded byte in buf */
    uint64_t offset;          /* stream offset (decoded) of buf[pos] */
    int eof;                  /* no more decoded bytes will come */
    int line_ended;           /* the last ingest_reader_line ended with '\n' */
    dossier_status err;       /* why the stream ended early, or DOSSIER_OK */
    char why[160];            /* its message */
} ingest_reader;

/* Opens a reader on fd (not closed by the reader) or on memory. NOMEM on failure. */
dossier_status ingest_reader_open_fd(ingest_reader *r, int fd);
dossier_status ingest_reader_open_mem(ingest_reader *r, const void *data, size_t len);
/* Frees the reader's buffers (never the source). */
void ingest_reader_close(ingest_reader *r);
/* Makes at least `want` bytes (want <= INGEST_WINDOW) available if the stream has them; returns
 * how many are available at ingest_reader_ptr. */
size_t ingest_reader_peek(ingest_reader *r, size_t want);
static inline const char *ingest_reader_ptr(const ingest_reader *r)
{
    return r->buf + r->pos;
}
/* Drops n available bytes (n <= what peek returned). */
void ingest_reader_consume(ingest_reader *r, size_t n);
/*
 * Reads one line (through its '\n', which is consumed but not stored) into `line`, replacing
 * its contents; *start gets the line's stream offset. When the line would pass line->max, the
 * rest of it is discarded and *over gets the status (TOO_LARGE, or NOMEM). Returns 0 at the end
 * of the stream when no byte was left, else 1.
 */
int ingest_reader_line(ingest_reader *r, dbuf *line, dossier_status *over, uint64_t *start);
/* Appends up to n bytes to out (which must have room: the caller checks n against out->max),
 * or discards them when out is NULL. Returns the count read; less than n means the stream ended
 * (see r->err). */
uint64_t ingest_reader_copy(ingest_reader *r, dbuf *out, uint64_t n);
/* Discards up to n bytes; returns the count discarded. */
uint64_t ingest_reader_skip(ingest_reader *r, uint64_t n);

/* What a reader knows of a document besides its bytes. */
typedef struct ingest_meta {
    const char *origin;    /* names the document in errors and in ingest_doc */
    const char *url;       /* or NULL */
    const char *site;      /* or NULL */
    const char *published; /* or NULL */
    const char *title;     /* or NULL */
    const char *declared;  /* charset from a header or record, or NULL */
    int kind;              /* INGEST_TEXT, INGEST_HTML, or -1 to sniff */
} ingest_meta;

/* One run of ingest_path / ingest_memory. */
typedef struct ingest_ctx {
    ingest_opts opts;    /* the caller's options, max_doc_bytes defaulted */
    dossier_status last; /* status of the last failure, DOSSIER_OK if none */
    int stopped;         /* on_doc asked to stop */
    dbuf text;           /* reused buffer for the UTF-8 text of each document */
} ingest_ctx;

/* Counts a failure and hands it to on_err; the message is printf-formatted. */
void ingest_report(ingest_ctx *c, const char *input, dossier_status status, const char *fmt, ...)
    CORE_PRINTF(4, 5);
/* Reports the reader's early end (gzip damage, read error) against `input`. */
void ingest_report_reader(ingest_ctx *c, const char *input, const ingest_reader *r);
/* Checks, converts and hands one document to on_doc: binary junk and empty documents are
 * reported instead. Returns 1 when reading must stop (on_doc said so), else 0. */
int ingest_deliver(ingest_ctx *c, const ingest_meta *m, const char *data, size_t len);
/* Does the start of data look like binary junk rather than text in some charset? */
int ingest_looks_binary(const char *data, size_t len, const char *declared);

/* The format readers. Each reads the whole stream, reporting bad parts and going on; they return
 * 1 when reading must stop, else 0. */
int ingest_read_warc(ingest_ctx *c, ingest_reader *r, const char *name);
int ingest_read_jsonl(ingest_ctx *c, ingest_reader *r, const char *name);

/* Does the first line of the sniff window look like a JSONL record with "html" or "text"? */
int ingest_jsonl_sniff(const char *data, size_t len);

#endif
