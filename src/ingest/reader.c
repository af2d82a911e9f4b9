/*
 * reader.c - the bounded byte reader under every ingest format: a fixed window over a file
 * descriptor or a memory block, inflating gzip data member by member (so both whole-file gzip and
 * one-member-per-record WARC files read as one stream). Damage ends the stream early with a
 * status and a message, after every byte decoded before it.
 */
#include "ingest/ingest_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void reader_fail(ingest_reader *r, dossier_status status, const char *why)
{
    if (r->err) return;
    r->err = status;
    snprintf(r->why, sizeof r->why, "%s", why);
    r->eof = 1;
}

/* Refills the compressed/raw input (zs.next_in/avail_in) once avail_in is 0. Sets raw_eof at
 * the end of the source. */
static void raw_refill(ingest_reader *r)
{
    if (r->raw_eof || r->err) return;
    if (r->fd < 0) {
        size_t left = r->mem_len - r->mem_pos;
        /* avail_in is a uInt: hand memory over in pieces of at most 1 GiB. */
        size_t n = left < ((size_t)1 << 30) ? left : ((size_t)1 << 30);
        if (n == 0) {
            r->raw_eof = 1;
            return;
        }
        r->zs.next_in = (unsigned char *)(uintptr_t)(r->mem + r->mem_pos);
        r->zs.avail_in = (uInt)n;
        r->mem_pos += n;
        return;
    }
    /* Keep any leftover byte at the front so a 2-byte magic can straddle reads. */
    size_t keep = r->zs.avail_in;
    if (keep && r->zs.next_in != r->raw) memmove(r->raw, r->zs.next_in, keep);
    ssize_t n;
    do {
        n = read(r->fd, r->raw + keep, INGEST_WINDOW - keep);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        char why[128];
        snprintf(why, sizeof why, "read error: %s", strerror(errno));
        reader_fail(r, DOSSIER_ERR_IO, why);
        return;
    }
    if (n == 0) r->raw_eof = 1;
    r->zs.next_in = r->raw;
    r->zs.avail_in = (uInt)(keep + (size_t)n);
}

static dossier_status reader_start(ingest_reader *r)
{
    r->buf = malloc(INGEST_WINDOW);
    if (!r->buf) return DOSSIER_ERR_NOMEM;
    if (r->fd >= 0 && !(r->raw = malloc(INGEST_WINDOW))) return DOSSIER_ERR_NOMEM;
    /* The gzip magic decides whether the stream is inflated. */
    while (r->zs.avail_in < 2 && !r->raw_eof && !r->err) raw_refill(r);
    if (r->zs.avail_in >= 2 && r->zs.next_in[0] == 0x1f && r->zs.next_in[1] == 0x8b) {
        r->gzip = 1;
        /* 15+32: a 32 KiB window, gzip or zlib header detected automatically. */
        if (inflateInit2(&r->zs, 15 + 32) != Z_OK) return DOSSIER_ERR_NOMEM;
        r->zs_live = 1;
    }
    return DOSSIER_OK;
}

dossier_status ingest_reader_open_fd(ingest_reader *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
    return reader_start(r);
}

dossier_status ingest_reader_open_mem(ingest_reader *r, const void *data, size_t len)
{
    memset(r, 0, sizeof *r);
    r->fd = -1;
    r->mem = data;
    r->mem_len = data ? len : 0;
    return reader_start(r);
}

void ingest_reader_close(ingest_reader *r)
{
    if (r->zs_live) inflateEnd(&r->zs);
    free(r->raw);
    free(r->buf);
    r->raw = NULL;
    r->buf = NULL;
    r->zs_live = 0;
}

/* Inflates into buf[end..end+space); stops after the first output, at the end, or on damage. */
static void inflate_some(ingest_reader *r, size_t space)
{
    z_stream *zs = &r->zs;
    zs->next_out = (unsigned char *)r->buf + r->end;
    zs->avail_out = (uInt)space;
    while (zs->avail_out == space) {
        if (zs->avail_in == 0) {
            raw_refill(r);
            if (r->err) break;
            if (zs->avail_in == 0) {
                if (r->member_open)
                    reader_fail(r, DOSSIER_ERR_GZIP,
                                "truncated gzip data: the input ends inside a gzip member");
                r->eof = 1;
                break;
            }
        }
        if (r->member_done) {
            /* Between members: another must start with the magic; anything else is trailing
             * padding or junk, which gzip(1) also ignores. */
            if (zs->next_in[0] != 0x1f) {
                r->eof = 1;
                break;
            }
            inflateReset(zs);
            r->member_done = 0;
        }
        r->member_open = 1;
        int ret = inflate(zs, Z_NO_FLUSH);
        if (ret == Z_STREAM_END) {
            r->member_done = 1;
            r->member_open = 0;
        } else if (ret == Z_MEM_ERROR) {
            reader_fail(r, DOSSIER_ERR_NOMEM, "out of memory inflating gzip data");
        } else if (ret != Z_OK && !(ret == Z_BUF_ERROR && zs->avail_in == 0)) {
            char why[128];
            snprintf(why, sizeof why, "corrupt gzip data: %s",
                     zs->msg ? zs->msg : "inflate failed");
            reader_fail(r, DOSSIER_ERR_GZIP, why);
        }
        if (r->err) break;
    }
    r->end += space - zs->avail_out;
}

/* Decodes more bytes into the window. */
static void reader_fill(ingest_reader *r)
{
    if (r->eof) return;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->end - r->pos);
        r->end -= r->pos;
        r->pos = 0;
    }
    size_t space = INGEST_WINDOW - r->end;
    if (space == 0) return;
    if (r->gzip) {
        inflate_some(r, space);
        return;
    }
    if (r->zs.avail_in == 0) raw_refill(r);
    if (r->zs.avail_in == 0) {
        r->eof = 1;
        return;
    }
    size_t n = r->zs.avail_in < space ? r->zs.avail_in : space;
    memcpy(r->buf + r->end, r->zs.next_in, n);
    r->zs.next_in += n;
    r->zs.avail_in -= (uInt)n;
    r->end += n;
}

size_t ingest_reader_peek(ingest_reader *r, size_t want)
{
    if (want > INGEST_WINDOW) want = INGEST_WINDOW;
    while (r->end - r->pos < want && !r->eof) reader_fill(r);
    return r->end - r->pos;
}

void ingest_reader_consume(ingest_reader *r, size_t n)
{
    r->pos += n;
    r->offset += n;
}

int ingest_reader_line(ingest_reader *r, dbuf *line, dossier_status *over, uint64_t *start)
{
    int got = 0;
    dbuf_reset(line);
    *over = DOSSIER_OK;
    *start = r->offset;
    r->line_ended = 0;
    for (;;) {
        if (r->pos == r->end) {
            reader_fill(r);
            if (r->pos == r->end) return got;
        }
        got = 1;
        const char *p = r->buf + r->pos;
        size_t n = r->end - r->pos;
        const char *nl = memchr(p, '\n', n);
        size_t take = nl ? (size_t)(nl - p) : n;
        if (!*over) {
            dossier_status rc = dbuf_append(line, p, take);
            if (rc) *over = rc;
        }
        ingest_reader_consume(r, take + (nl ? 1 : 0));
        if (nl) {
            r->line_ended = 1;
            return 1;
        }
    }
}

uint64_t ingest_reader_copy(ingest_reader *r, dbuf *out, uint64_t n)
{
    uint64_t done = 0;
    while (done < n) {
        if (r->pos == r->end) {
            reader_fill(r);
            if (r->pos == r->end) break;
        }
        size_t avail = r->end - r->pos;
        size_t take = n - done < avail ? (size_t)(n - done) : avail;
        dossier_status rc = out ? dbuf_append(out, r->buf + r->pos, take) : DOSSIER_OK;
        if (rc) {
            reader_fail(r, rc, rc == DOSSIER_ERR_NOMEM ? "out of memory" : "buffer over its cap");
            break;
        }
        ingest_reader_consume(r, take);
        done += take;
    }
    return done;
}

uint64_t ingest_reader_skip(ingest_reader *r, uint64_t n)
{
    return ingest_reader_copy(r, NULL, n);
}
