/*
 * warc.c - WARC 1.0/1.1 files (ISO 28500), plain or gzipped, read record by record through the
 * bounded reader. "response" records give their HTTP payload (chunked and gzip/deflate bodies
 * decoded), "resource" records their block; other record types and non-document payloads are
 * skipped silently. A malformed header is reported and the reader resynchronises on the next
 * "WARC/1." line; damage (truncated gzip) is reported after every complete record before it.
 */
#include "ingest/ingest_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* How much of a response record is looked at to judge its HTTP header before reading it. */
#define HTTP_PEEK (32 * 1024)

/* The fields of a WARC record header that matter here. */
typedef struct warc_header {
    char type[32];     /* WARC-Type, lowercase ("response", ...) */
    dbuf uri;          /* WARC-Target-URI, without <> */
    dbuf ctype;        /* Content-Type of the record */
    int has_length;    /* Content-Length was present */
    int bad_length;    /* ... but not a number */
    uint64_t length;   /* Content-Length */
    char length_text[48]; /* its text, for the error message */
} warc_header;

/* The parts of an HTTP response header that matter here. */
typedef struct http_head {
    int status;     /* status code, 0 when the status line is not HTTP */
    slice ctype;    /* Content-Type value */
    slice tenc;     /* Transfer-Encoding value */
    slice cenc;     /* Content-Encoding value */
    size_t len;     /* bytes up to and including the blank line, 0 when not found */
} http_head;

static slice trim_ascii(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\r')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    return slice_make(s, n);
}

/* Parses an HTTP response header from the start of p[0..n). */
static void parse_http(const char *p, size_t n, http_head *h)
{
    memset(h, 0, sizeof *h);
    if (n < 12 || memcmp(p, "HTTP/", 5) != 0) return;
    const char *sp = memchr(p, ' ', n < 64 ? n : 64);
    if (sp && (size_t)(sp - p) + 4 <= n && isdigit((unsigned char)sp[1]) &&
        isdigit((unsigned char)sp[2]) && isdigit((unsigned char)sp[3]))
        h->status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(p + i, '\n', n - i);
        if (!nl) return; /* header not finished within the bytes given */
        size_t end = (size_t)(nl - p);
        slice line = trim_ascii(p + i, end - i);
        i = end + 1;
        if (line.len == 0) {
            h->len = i;
            return;
        }
        const char *colon = memchr(line.ptr, ':', line.len);
        if (!colon) continue;
        slice name = trim_ascii(line.ptr, (size_t)(colon - line.ptr));
        slice value = trim_ascii(colon + 1, line.len - (size_t)(colon - line.ptr) - 1);
        if (name.len == 12 && strncasecmp(name.ptr, "content-type", 12) == 0) h->ctype = value;
        else if (name.len == 17 && strncasecmp(name.ptr, "transfer-encoding", 17) == 0)
            h->tenc = value;
        else if (name.len == 16 && strncasecmp(name.ptr, "content-encoding", 16) == 0)
            h->cenc = value;
    }
}

/* What a Content-Type means for us: INGEST_HTML, INGEST_TEXT, -1 (absent: sniff) or -2 (not a
 * document: skip). Copies its charset parameter into charset (empty when none). */
static int content_kind(slice ct, char charset[64])
{
    charset[0] = '\0';
    ct = trim_ascii(ct.ptr, ct.len);
    if (ct.len == 0) return -1;
    const char *semi = memchr(ct.ptr, ';', ct.len);
    slice type = trim_ascii(ct.ptr, semi ? (size_t)(semi - ct.ptr) : ct.len);
    if (semi) {
        slice params = slice_make(semi, ct.len - (size_t)(semi - ct.ptr));
        for (size_t i = 0; i + 8 <= params.len; i++) {
            if (strncasecmp(params.ptr + i, "charset=", 8) != 0) continue;
            size_t k = i + 8, o = 0;
            while (k < params.len && (params.ptr[k] == '"' || params.ptr[k] == '\'')) k++;
            while (k < params.len && o < 63 && !strchr("\"'; \t", params.ptr[k]))
                charset[o++] = params.ptr[k++];
            charset[o] = '\0';
            break;
        }
    }
    if (type.len == 0) return -1;
    if (type.len == 9 && strncasecmp(type.ptr, "text/html", 9) == 0) return INGEST_HTML;
    if (type.len == 21 && strncasecmp(type.ptr, "application/xhtml+xml", 21) == 0)
        return INGEST_HTML;
    if (type.len == 10 && strncasecmp(type.ptr, "text/plain", 10) == 0) return INGEST_TEXT;
    return -2;
}

/* Decodes a chunked body in place; returns the decoded length, or n unchanged when the body
 * does not start like chunked data (some crawlers store it decoded but keep the header). */
static size_t dechunk(char *p, size_t n)
{
    size_t i = 0, o = 0;
    for (int first = 1;; first = 0) {
        size_t j = i;
        uint64_t size = 0;
        int digits = 0;
        while (j < n && isxdigit((unsigned char)p[j])) {
            int c = (unsigned char)p[j];
            size = size * 16 + (uint64_t)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
            if (size > n) break;
            j++, digits++;
        }
        while (j < n && p[j] != '\n') j++; /* chunk extensions */
        if (!digits || j >= n || size > n) return first ? n : o;
        j++;
        if (size == 0) return o;
        size_t take = size < n - j ? (size_t)size : n - j; /* a cut-off last chunk: keep it */
        memmove(p + o, p + j, take);
        o += take;
        j += take;
        if (j < n && p[j] == '\r') j++;
        if (j < n && p[j] == '\n') j++;
        if (j >= n) return o;
        i = j;
    }
}

/* Inflates a gzip/zlib (or raw deflate, as some servers send "deflate") body into out. */
static dossier_status inflate_body(const char *p, size_t n, int raw, dbuf *out)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, raw ? -15 : 15 + 32) != Z_OK) return DOSSIER_ERR_NOMEM;
    zs.next_in = (unsigned char *)(uintptr_t)p;
    zs.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
    dossier_status rc = DOSSIER_OK;
    char chunk[16384];
    for (;;) {
        zs.next_out = (unsigned char *)chunk;
        zs.avail_out = sizeof chunk;
        int ret = inflate(&zs, Z_NO_FLUSH);
        size_t got = sizeof chunk - zs.avail_out;
        if (got && (rc = dbuf_append(out, chunk, got))) break;
        if (ret == Z_STREAM_END) break;
        if (ret == Z_BUF_ERROR || (ret == Z_OK && got == 0 && zs.avail_in == 0)) break;
        if (ret != Z_OK) {
            rc = ret == Z_MEM_ERROR ? DOSSIER_ERR_NOMEM : DOSSIER_ERR_GZIP;
            break;
        }
    }
    inflateEnd(&zs);
    return rc;
}

/* Reads the header lines after the version line. Returns 1 when the header ended with its
 * blank line, 0 at the end of the stream, -1 when malformed (why set; when a new "WARC/" line
 * cut the header short, *pending is 1 and `line` holds it). */
static int read_header(ingest_reader *r, dbuf *line, warc_header *h, size_t first_len,
                       const char **why, int *pending, uint64_t *pending_off)
{
    size_t total = first_len;
    dossier_status over;
    uint64_t start;
    h->type[0] = '\0';
    dbuf_reset(&h->uri);
    dbuf_reset(&h->ctype);
    h->has_length = h->bad_length = 0;
    h->length = 0;
    for (;;) {
        if (!ingest_reader_line(r, line, &over, &start)) return 0;
        total += line->len + 1;
        if (over || total > INGEST_MAX_HEADER) {
            *why = "header over 65536 bytes";
            return -1;
        }
        slice l = trim_ascii(line->ptr ? line->ptr : "", line->len);
        if (l.len == 0) {
            if (!r->line_ended) return 0; /* the stream ended mid-header */
            return 1;
        }
        if (slice_starts_with_ci(l, "WARC/")) {
            *why = "header cut short by the next record";
            *pending = 1;
            *pending_off = start;
            return -1;
        }
        const char *colon = memchr(l.ptr, ':', l.len);
        if (!colon) continue; /* a folded continuation or noise: nothing we need */
        slice name = trim_ascii(l.ptr, (size_t)(colon - l.ptr));
        slice value = trim_ascii(colon + 1, l.len - (size_t)(colon - l.ptr) - 1);
        if (name.len == 9 && strncasecmp(name.ptr, "warc-type", 9) == 0) {
            size_t k = value.len < sizeof h->type - 1 ? value.len : sizeof h->type - 1;
            for (size_t i = 0; i < k; i++) h->type[i] = (char)tolower((unsigned char)value.ptr[i]);
            h->type[k] = '\0';
        } else if (name.len == 15 && strncasecmp(name.ptr, "warc-target-uri", 15) == 0) {
            if (value.len >= 2 && value.ptr[0] == '<' && value.ptr[value.len - 1] == '>')
                value = slice_make(value.ptr + 1, value.len - 2);
            /* Documents carry valid UTF-8 only, their URL included. */
            dbuf_reset(&h->uri);
            if (utf8_append_sanitized(&h->uri, value.ptr, value.len)) dbuf_reset(&h->uri);
        } else if (name.len == 12 && strncasecmp(name.ptr, "content-type", 12) == 0) {
            dbuf_reset(&h->ctype);
            if (dbuf_append(&h->ctype, value.ptr, value.len)) dbuf_reset(&h->ctype);
        } else if (name.len == 14 && strncasecmp(name.ptr, "content-length", 14) == 0) {
            h->has_length = 1;
            snprintf(h->length_text, sizeof h->length_text, "%.*s",
                     (int)(value.len < 40 ? value.len : 40), value.ptr);
            uint64_t v = 0;
            int ok = value.len > 0;
            for (size_t i = 0; i < value.len && ok; i++) {
                if (!isdigit((unsigned char)value.ptr[i]) || v > (UINT64_C(1) << 58)) ok = 0;
                else v = v * 10 + (uint64_t)(value.ptr[i] - '0');
            }
            h->bad_length = !ok;
            h->length = v;
        }
    }
}

/* Reads lines until one starts a record ("WARC/1."); it is left in `line`. Returns 0 at the end
 * of the stream. */
static int resync(ingest_reader *r, dbuf *line, uint64_t *start)
{
    dossier_status over;
    while (ingest_reader_line(r, line, &over, start))
        if (!over && line->len >= 7 && memcmp(line->ptr, "WARC/1.", 7) == 0) return 1;
    return 0;
}

/* State of one WARC stream. */
typedef struct warc_run {
    ingest_ctx *c;     /* the run */
    ingest_reader *r;  /* the stream */
    const char *name;  /* the input's name */
    dbuf origin;       /* "name#OFFSET" of the current record */
    dbuf body;         /* the current record's block, capped at max_doc_bytes */
    dbuf decoded;      /* its payload after Content-Encoding, capped likewise */
    int damaged;       /* the stream ended early and that was reported */
} warc_run;

/* Reports a block cut off by the end of the stream (or by damage to it). */
static void report_cut(warc_run *w, uint64_t want, uint64_t got)
{
    if (w->r->err) {
        ingest_report_reader(w->c, w->origin.ptr, w->r);
        w->damaged = 1;
    } else {
        ingest_report(w->c, w->origin.ptr, DOSSIER_ERR_FORMAT,
                      "record cut off: Content-Length is %llu but the input ends after %llu bytes",
                      (unsigned long long)want, (unsigned long long)got);
    }
}

/* Skips a record's block; returns 0, or -1 (reported) when the stream ended first. */
static int skip_block(warc_run *w, uint64_t n)
{
    uint64_t got = ingest_reader_skip(w->r, n);
    if (got == n) return 0;
    report_cut(w, n, got);
    return -1;
}

/* Reads a response or resource record's block and delivers it. Returns 1 to stop, -1 when the
 * stream ended inside the block, else 0. */
static int read_document_record(warc_run *w, const warc_header *h)
{
    ingest_ctx *c = w->c;
    ingest_reader *r = w->r;
    size_t cap = c->opts.max_doc_bytes;
    char charset[64];
    int response = strcmp(h->type, "response") == 0;
    int kind;
    http_head hh;
    if (response) {
        /* Only HTTP responses hold pages (not dns: records and the like). */
        if (h->ctype.len && !slice_contains_ci(slice_make(h->ctype.ptr, h->ctype.len), "http"))
            return skip_block(w, h->length);
        size_t want = h->length < HTTP_PEEK ? (size_t)h->length : HTTP_PEEK;
        size_t n = ingest_reader_peek(r, want);
        parse_http(ingest_reader_ptr(r), n < want ? n : want, &hh);
        if (hh.status == 0) {
            if (n < want) return skip_block(w, h->length); /* cut off: reported there */
            ingest_report(c, w->origin.ptr, DOSSIER_ERR_FORMAT,
                          "response record without an HTTP status line");
            return skip_block(w, h->length);
        }
        /* Redirects, errors and "not modified" are not pages of coverage. */
        if (hh.status < 200 || hh.status > 299) return skip_block(w, h->length);
        kind = content_kind(hh.ctype, charset);
    } else {
        kind = content_kind(slice_make(h->ctype.ptr ? h->ctype.ptr : "", h->ctype.len),
                            charset);
    }
    if (kind == -2) return skip_block(w, h->length);
    if (h->length > cap) {
        ingest_report(c, w->origin.ptr, DOSSIER_ERR_TOO_LARGE,
                      "record is %llu bytes, over the %zu-byte limit",
                      (unsigned long long)h->length, cap);
        return skip_block(w, h->length);
    }
    dbuf_reset(&w->body);
    uint64_t got = ingest_reader_copy(r, &w->body, h->length);
    if (got < h->length) {
        report_cut(w, h->length, got);
        return -1;
    }
    const char *data = w->body.ptr ? w->body.ptr : "";
    size_t len = w->body.len;
    if (response) {
        parse_http(data, len, &hh);
        if (hh.len == 0) {
            ingest_report(c, w->origin.ptr, DOSSIER_ERR_FORMAT,
                          "HTTP header has no end (no blank line)");
            return 0;
        }
        /* The whole header now: judge the type again (the peek may have seen only part). */
        kind = content_kind(hh.ctype, charset);
        if (kind == -2) return 0;
        data += hh.len;
        len -= hh.len;
        if (slice_contains_ci(hh.tenc, "chunked"))
            len = dechunk(w->body.ptr + hh.len, len);
        slice ce = hh.cenc;
        if (ce.len && !slice_eq_cstr(ce, "identity")) {
            int gz = slice_eq_cstr(ce, "gzip") || slice_eq_cstr(ce, "x-gzip") ||
                     slice_starts_with_ci(ce, "gzip") || slice_starts_with_ci(ce, "x-gzip");
            int defl = slice_starts_with_ci(ce, "deflate");
            if (!gz && !defl) {
                ingest_report(c, w->origin.ptr, DOSSIER_ERR_FORMAT,
                              "unsupported Content-Encoding \"%.*s\"",
                              (int)(ce.len < 40 ? ce.len : 40), ce.ptr);
                return 0;
            }
            dbuf_reset(&w->decoded);
            dossier_status rc = inflate_body(data, len, 0, &w->decoded);
            if (rc == DOSSIER_ERR_GZIP && defl) {
                dbuf_reset(&w->decoded);
                rc = inflate_body(data, len, 1, &w->decoded);
            }
            if (rc == DOSSIER_ERR_TOO_LARGE) {
                ingest_report(c, w->origin.ptr, rc,
                              "HTTP body over the %zu-byte limit once decompressed", cap);
                return 0;
            }
            if (rc) {
                ingest_report(c, w->origin.ptr, rc, "HTTP body: %s",
                              rc == DOSSIER_ERR_NOMEM ? "out of memory decompressing it"
                                                      : "corrupt gzip/deflate content");
                return 0;
            }
            data = w->decoded.ptr ? w->decoded.ptr : "";
            len = w->decoded.len;
        }
    }
    ingest_meta m = {w->origin.ptr, h->uri.len ? h->uri.ptr : NULL, NULL, NULL, NULL,
                     charset[0] ? charset : NULL, kind};
    return ingest_deliver(c, &m, data, len);
}

int ingest_read_warc(ingest_ctx *c, ingest_reader *r, const char *name)
{
    warc_run w;
    memset(&w, 0, sizeof w);
    w.c = c, w.r = r, w.name = name;
    dbuf line;
    warc_header h;
    dbuf_init(&line, INGEST_MAX_HEADER);
    dbuf_init(&h.uri, INGEST_MAX_HEADER);
    dbuf_init(&h.ctype, INGEST_MAX_HEADER);
    dbuf_init(&w.origin, 0);
    dbuf_init(&w.body, c->opts.max_doc_bytes);
    dbuf_init(&w.decoded, c->opts.max_doc_bytes);
    int stop = 0, pending = 0;
    uint64_t rec_off = 0, pending_off = 0;
    dossier_status over;
    while (!stop) {
        if (pending) {
            rec_off = pending_off;
            pending = 0;
            over = DOSSIER_OK;
        } else {
            /* The blank lines after the previous block, then the version line. */
            int got;
            while ((got = ingest_reader_line(r, &line, &over, &rec_off)) &&
                   !over && trim_ascii(line.ptr ? line.ptr : "", line.len).len == 0)
                ;
            if (!got) break;
        }
        dbuf_reset(&w.origin);
        if (dbuf_printf(&w.origin, "%s#%llu", name, (unsigned long long)rec_off)) {
            ingest_report(c, name, DOSSIER_ERR_NOMEM, "out of memory");
            break;
        }
        char why[128] = "";
        const char *cause = NULL;
        int hr;
        if (over) {
            cause = "header over 65536 bytes";
            hr = -1;
        } else if (line.len < 5 || memcmp(line.ptr, "WARC/", 5) != 0) {
            cause = "no WARC/ version line";
            hr = -1;
        } else {
            hr = read_header(r, &line, &h, line.len + 1, &cause, &pending, &pending_off);
        }
        if (hr == 0) {
            if (r->err) {
                ingest_report_reader(c, w.origin.ptr, r);
                w.damaged = 1;
            } else {
                ingest_report(c, w.origin.ptr, DOSSIER_ERR_FORMAT,
                              "malformed WARC header: cut off by the end of the input");
            }
            break;
        }
        if (hr == 1 && !h.has_length) cause = "missing Content-Length", hr = -1;
        if (hr == 1 && h.bad_length) {
            snprintf(why, sizeof why, "invalid Content-Length \"%s\"", h.length_text);
            hr = -1;
        }
        if (hr < 0 && r->err && r->pos == r->end) {
            /* The header is cut short by damage to the stream: that is the cause to report. */
            ingest_report_reader(c, w.origin.ptr, r);
            w.damaged = 1;
            break;
        }
        if (hr < 0) {
            ingest_report(c, w.origin.ptr, DOSSIER_ERR_FORMAT, "malformed WARC header: %s",
                          why[0] ? why : cause);
            if (!pending) pending = resync(r, &line, &pending_off);
            if (!pending) break;
            continue;
        }
        int res;
        if (strcmp(h.type, "response") == 0 || strcmp(h.type, "resource") == 0) {
            res = read_document_record(&w, &h);
        } else {
            res = skip_block(&w, h.length); /* warcinfo, request, metadata, revisit ... */
        }
        if (res == 1) stop = 1;
        if (res < 0) {
            if (!w.damaged && r->err) {
                ingest_report_reader(c, w.origin.ptr, r);
                w.damaged = 1;
            }
            break;
        }
    }
    if (r->err && !w.damaged) {
        dbuf_reset(&w.origin);
        if (!dbuf_printf(&w.origin, "%s#%llu", name, (unsigned long long)r->offset))
            ingest_report_reader(c, w.origin.ptr, r);
    }
    dbuf_release(&line);
    dbuf_release(&h.uri);
    dbuf_release(&h.ctype);
    dbuf_release(&w.origin);
    dbuf_release(&w.body);
    dbuf_release(&w.decoded);
    return stop;
}
