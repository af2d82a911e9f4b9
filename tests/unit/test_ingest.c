/*
 * test_ingest.c - inputs to documents: HTML/text sniffing, charset conversion, JSONL lines (good,
 * bad, over the cap), WARC records (plain, gzip per record, whole-file gzip), resync after a
 * malformed header, truncated gzip, binary junk, empty and oversized documents, folder walks,
 * standard input and the stop callback. Fixtures live in tests/fixtures/ingest/.
 */
#include "check.h"
#include "ingest/ingest.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define FIXTURES DOSSIER_TEST_DIR "/fixtures/ingest"
#define MAX_SEEN 64

/* One callback event: a document or an error, in the order they came. */
typedef struct seen {
    int is_err;               /* 1: an error */
    char origin[256];         /* doc origin or error input */
    char url[128];            /* doc url ("" if NULL) */
    char site[64], published[32], title[64];
    int kind;                 /* doc kind */
    char charset[32];         /* doc charset */
    char *data;               /* doc text (malloc'd) */
    size_t len;               /* its length */
    dossier_status status;    /* error status */
    char msg[512];            /* error message */
} seen;

typedef struct collector {
    seen ev[MAX_SEEN]; /* events */
    int n;             /* how many */
    int docs, errs;    /* counts by kind */
    int stop_after;    /* stop after this many docs (0: never) */
} collector;

static void copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

static int on_doc(void *user, const ingest_doc *d)
{
    collector *c = user;
    c->docs++;
    if (c->n < MAX_SEEN) {
        seen *s = &c->ev[c->n++];
        memset(s, 0, sizeof *s);
        copy(s->origin, sizeof s->origin, d->origin);
        copy(s->url, sizeof s->url, d->url);
        copy(s->site, sizeof s->site, d->site);
        copy(s->published, sizeof s->published, d->published);
        copy(s->title, sizeof s->title, d->title);
        copy(s->charset, sizeof s->charset, d->charset);
        s->kind = d->kind;
        s->data = malloc(d->len + 1);
        memcpy(s->data, d->data, d->len + 1);
        s->len = d->len;
    }
    return c->stop_after && c->docs >= c->stop_after;
}

static void on_err(void *user, const char *input, dossier_status status, const char *message)
{
    collector *c = user;
    c->errs++;
    if (c->n < MAX_SEEN) {
        seen *s = &c->ev[c->n++];
        memset(s, 0, sizeof *s);
        s->is_err = 1;
        copy(s->origin, sizeof s->origin, input);
        s->status = status;
        copy(s->msg, sizeof s->msg, message);
    }
}

static void reset(collector *c)
{
    for (int i = 0; i < c->n; i++) free(c->ev[i].data);
    memset(c, 0, sizeof *c);
}

static ingest_opts opts_for(collector *c, size_t max)
{
    ingest_opts o = {max, on_doc, on_err, c};
    return o;
}

static dossier_status run_mem(collector *c, const char *name, const void *data, size_t len,
                              const char *hint, size_t max)
{
    reset(c);
    ingest_opts o = opts_for(c, max);
    return ingest_memory(name, data, len, hint, &o);
}

static dossier_status run_path(collector *c, const char *path, size_t max)
{
    reset(c);
    ingest_opts o = opts_for(c, max);
    return ingest_path(path, &o);
}

/* Reads a whole fixture file into malloc'd memory. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *p = malloc(1 << 20);
    *len = fread(p, 1, 1 << 20, f);
    fclose(f);
    return p;
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
}

/* gzip of (p, n) as one member, appended to out (malloc'd, grown). */
static size_t gzip_append(unsigned char **out, size_t outlen, const void *p, size_t n)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    size_t bound = deflateBound(&zs, (uLong)n) + 32;
    *out = realloc(*out, outlen + bound);
    zs.next_in = (unsigned char *)(uintptr_t)p;
    zs.avail_in = (uInt)n;
    zs.next_out = *out + outlen;
    zs.avail_out = (uInt)bound;
    deflate(&zs, Z_FINISH);
    size_t made = bound - zs.avail_out;
    deflateEnd(&zs);
    return outlen + made;
}

/* ---- sniffing ---- */

static void test_sniff_kind(void)
{
    CHECK_INT(ingest_sniff_kind("<!DOCTYPE html><p>x", 19), INGEST_HTML);
    CHECK_INT(ingest_sniff_kind("\xEF\xBB\xBF  <html lang=en>", 21), INGEST_HTML);
    CHECK_INT(ingest_sniff_kind("<!-- saved page --><div>hi</div>", 32), INGEST_HTML);
    CHECK_INT(ingest_sniff_kind("\n<p>One paragraph.</p>", 22), INGEST_HTML);
    CHECK_INT(ingest_sniff_kind("<?xml version=\"1.0\"?><html>", 27), INGEST_HTML);
    CHECK_INT(ingest_sniff_kind("<ARTICLE class=x>", 17), INGEST_HTML);
    CHECK_INT(ingest_sniff_kind("Saved from the web\n<html><body>", 31), INGEST_HTML);
    CHECK_INT(ingest_sniff_kind("Mayor opens new park\n\nThe park has a pond.", 42), INGEST_TEXT);
    CHECK_INT(ingest_sniff_kind("<pre>not a known opener", 23), INGEST_TEXT);
    CHECK_INT(ingest_sniff_kind("a < b and <p is not a tag", 25), INGEST_TEXT);
    CHECK_INT(ingest_sniff_kind("", 0), INGEST_TEXT);
}

/* ---- charsets ---- */

static const char *conv(dbuf *b, const char *data, size_t len, const char *declared, int html,
                        const char **cs)
{
    dbuf_reset(b);
    dossier_status rc = ingest_to_utf8(data, len, declared, html, b, cs);
    CHECK_INT(rc, DOSSIER_OK);
    return b->ptr ? b->ptr : "";
}

static void test_charsets(void)
{
    dbuf b;
    dbuf_init(&b, 0);
    const char *cs = NULL;
    /* The declared charset (an HTTP header) decides: windows-1252 é. */
    CHECK_STR(conv(&b, "caf\xe9", 4, "windows-1252", 0, &cs), "caf\xc3\xa9");
    CHECK_STR(cs, "windows-1252");
    /* Latin-1 and ASCII labels read as windows-1252, as browsers do (0x93/0x94 quotes). */
    CHECK_STR(conv(&b, "\x93hi\x94", 4, "ISO-8859-1", 0, &cs), "\xe2\x80\x9chi\xe2\x80\x9d");
    CHECK_STR(cs, "windows-1252");
    CHECK_STR(conv(&b, "\x93hi\x94", 4, " \"us-ascii\" ", 0, &cs), "\xe2\x80\x9chi\xe2\x80\x9d");
    /* BOMs: UTF-16LE and BE, and a UTF-8 BOM stripped; a BOM beats the declaration. */
    CHECK_STR(conv(&b, "\xFF\xFEh\0\xe9\0", 6, "windows-1252", 0, &cs), "h\xc3\xa9");
    CHECK_STR(cs, "utf-16le");
    CHECK_STR(conv(&b, "\xFE\xFF\0h\0\xe9", 6, NULL, 0, &cs), "h\xc3\xa9");
    CHECK_STR(cs, "utf-16be");
    CHECK_STR(conv(&b, "\xEF\xBB\xBFok", 5, "koi8-r", 0, &cs), "ok");
    CHECK_STR(cs, "utf-8");
    /* A lone surrogate in UTF-16 becomes U+FFFD, not garbage. */
    CHECK_STR(conv(&b, "\xFF\xFE\x00\xD8!\0", 6, NULL, 0, &cs), "\xef\xbf\xbd!");
    /* iconv charsets: KOI8-R and windows-1251 Cyrillic. */
    CHECK_STR(conv(&b, "\xf0\xd2\xc9", 3, "KOI8-R", 0, &cs), "\xd0\x9f\xd1\x80\xd0\xb8");
    CHECK_STR(cs, "koi8-r");
    /* <meta charset> in HTML, both spellings; ignored for text. */
    const char *m1 = "<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8</p>";
    CHECK_STR(conv(&b, m1, strlen(m1), NULL, 1, &cs),
              "<meta charset=\"windows-1251\"><p>\xd0\x9f\xd1\x80\xd0\xb8</p>");
    CHECK_STR(cs, "windows-1251");
    const char *m2 =
        "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-2\">\xb1";
    CHECK_STR(conv(&b, m2, strlen(m2), NULL, 1, &cs) + strlen(m2) - 1, "\xc4\x85");
    CHECK_STR(cs, "iso-8859-2");
    conv(&b, m1, strlen(m1), NULL, 0, &cs);
    CHECK_STR(cs, "windows-1252"); /* text: no meta lookup, not UTF-8: the fallback */
    /* The declaration beats <meta>. */
    conv(&b, m1, strlen(m1), "utf-8", 1, &cs);
    CHECK_STR(cs, "utf-8");
    /* Valid UTF-8 stays; invalid bytes fall back to windows-1252. */
    CHECK_STR(conv(&b, "na\xc3\xafve", 6, NULL, 0, &cs), "na\xc3\xafve");
    CHECK_STR(cs, "utf-8");
    CHECK_STR(conv(&b, "\x96 dash", 6, NULL, 0, &cs), "\xe2\x80\x93 dash");
    CHECK_STR(cs, "windows-1252");
    /* Declared UTF-8 with a bad byte: U+FFFD; NUL bytes dropped. */
    CHECK_STR(conv(&b, "a\xff" "b\0c", 5, "utf-8", 0, &cs), "a\xef\xbf\xbd" "bc");
    /* An unknown label falls back to the UTF-8 check. */
    CHECK_STR(conv(&b, "caf\xc3\xa9", 5, "x-no-such-charset", 0, &cs), "caf\xc3\xa9");
    CHECK_STR(cs, "utf-8");
    /* Output is always valid UTF-8, whatever the bytes and label. */
    char junk[256];
    for (int i = 0; i < 256; i++) junk[i] = (char)(255 - i);
    const char *labels[] = {NULL, "utf-8", "shift_jis", "utf-16", "gbk", "euc-jp", "big5"};
    int all_valid = 1;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        conv(&b, junk, sizeof junk, labels[i], 0, &cs);
        all_valid &= utf8_validate(b.ptr, b.len) == b.len && memchr(b.ptr, 0, b.len) == NULL;
    }
    CHECK(all_valid);
    dbuf_release(&b);
}

/* ---- JSONL ---- */

static void test_jsonl(void)
{
    collector c = {0};
    char path[512];
    snprintf(path, sizeof path, "%s/sample.jsonl", FIXTURES);
    dossier_status rc = run_path(&c, path, 0);
    CHECK_INT(rc, DOSSIER_ERR_FORMAT);
    CHECK_INT(c.docs, 2);
    CHECK_INT(c.errs, 2);
    CHECK_INT(c.n, 4);
    char want[600];
    snprintf(want, sizeof want, "%s:1", path);
    CHECK_STR(c.ev[0].origin, want);
    CHECK_INT(c.ev[0].kind, INGEST_TEXT);
    CHECK_STR(c.ev[0].url, "https://example.org/a");
    CHECK_STR(c.ev[0].site, "Example Gazette");
    CHECK_STR(c.ev[0].published, "2024-05-01");
    CHECK_STR(c.ev[0].title, "Library hours extended");
    CHECK_STR(c.ev[0].data, "The town library will stay open until nine on weekdays.");
    snprintf(want, sizeof want, "%s:3", path); /* line 2 is blank */
    CHECK_STR(c.ev[1].origin, want);
    CHECK_INT(c.ev[1].kind, INGEST_HTML);
    CHECK_STR(c.ev[1].site, "");
    snprintf(want, sizeof want, "%s:4", path);
    CHECK_STR(c.ev[2].origin, want);
    CHECK_INT(c.ev[2].status, DOSSIER_ERR_FORMAT);
    CHECK_STR(c.ev[2].msg, "invalid JSON: unexpected token near '}' at column 42");
    snprintf(want, sizeof want, "%s:5", path);
    CHECK_STR(c.ev[3].origin, want);
    CHECK_STR(c.ev[3].msg, "the record has no \"html\" or \"text\" string");

    /* A line over the cap is skipped to its newline; the next line still reads. */
    dbuf in;
    dbuf_init(&in, 0);
    dbuf_puts(&in, "{\"text\": \"Short one.\"}\n{\"text\": \"");
    for (int i = 0; i < 300; i++) dbuf_puts(&in, "long ");
    dbuf_puts(&in, "\"}\n{\"text\": \"After the long line.\"}\n");
    rc = run_mem(&c, "m.jsonl", in.ptr, in.len, "jsonl", 200);
    CHECK_INT(rc, DOSSIER_ERR_TOO_LARGE);
    CHECK_INT(c.n, 3);
    CHECK_STR(c.ev[0].origin, "m.jsonl:1");
    CHECK_INT(c.ev[1].is_err, 1);
    CHECK_STR(c.ev[1].origin, "m.jsonl:2");
    CHECK_INT(c.ev[1].status, DOSSIER_ERR_TOO_LARGE);
    CHECK_STR(c.ev[1].msg, "line over the 200-byte limit");
    CHECK_STR(c.ev[2].origin, "m.jsonl:3");
    CHECK_STR(c.ev[2].data, "After the long line.");

    /* Sniffed without a hint or an extension; a last line without newline still counts;
     * a non-object line is an error. */
    const char *s = "{\"url\":\"u\",\"html\":\"<p>Ok</p>\"}\n[1,2]\n{\"text\":\"Tail line.\"}";
    rc = run_mem(&c, "feed", s, strlen(s), NULL, 0);
    CHECK_INT(c.docs, 2);
    CHECK_INT(c.errs, 1);
    CHECK_STR(c.ev[1].origin, "feed:2");
    CHECK_STR(c.ev[1].msg, "the record is not a JSON object");
    CHECK_STR(c.ev[2].origin, "feed:3");

    /* The .jsonl extension makes a file JSONL even when its first line is broken. */
    s = "{\"text\": broken\n{\"text\": \"Second line reads.\"}\n";
    rc = run_mem(&c, "feed.jsonl", s, strlen(s), NULL, 0);
    CHECK_INT(rc, DOSSIER_ERR_FORMAT);
    CHECK_INT(c.n, 2);
    CHECK_STR(c.ev[0].origin, "feed.jsonl:1");
    CHECK_STR(c.ev[0].msg, "invalid JSON: invalid token near 'broken' at column 15");
    CHECK_STR(c.ev[1].origin, "feed.jsonl:2");
    CHECK_STR(c.ev[1].data, "Second line reads.");

    /* 8 MB of one line without a newline, cap 4 KiB: reported once, bounded, finishes. */
    dbuf_reset(&in);
    dbuf_puts(&in, "{\"text\": \"");
    while (in.len < (8u << 20)) dbuf_puts(&in, "abcdefghijklmnopqrstuvwxyz0123456789");
    rc = run_mem(&c, "huge.jsonl", in.ptr, in.len, "jsonl", 4096);
    CHECK_INT(rc, DOSSIER_ERR_TOO_LARGE);
    CHECK_INT(c.n, 1);
    CHECK_STR(c.ev[0].origin, "huge.jsonl:1");
    dbuf_release(&in);
    reset(&c);
}

/* ---- WARC ---- */

/* The fixture's document records: offsets in the (decompressed) stream. */
static void check_sample_warc(collector *c, const char *name)
{
    char want[600];
    CHECK_INT(c->docs, 3);
    CHECK_INT(c->errs, 0);
    snprintf(want, sizeof want, "%s#473", name);
    CHECK_STR(c->ev[0].origin, want);
    CHECK_STR(c->ev[0].url, "http://example.org/ferry");
    CHECK_INT(c->ev[0].kind, INGEST_HTML);
    CHECK_STR(c->ev[0].charset, "utf-8");
    CHECK(c->ev[0].data && strncmp(c->ev[0].data, "<!DOCTYPE html>", 15) == 0);
    CHECK(c->ev[0].data && strstr(c->ev[0].data, "HTTP/1.1") == NULL);
    snprintf(want, sizeof want, "%s#1185", name);
    CHECK_STR(c->ev[1].origin, want);
    CHECK_STR(c->ev[1].charset, "windows-1252");
    CHECK(c->ev[1].data && strstr(c->ev[1].data, "Le caf\xc3\xa9 du port") != NULL);
    snprintf(want, sizeof want, "%s#1526", name);
    CHECK_STR(c->ev[2].origin, want);
    CHECK_STR(c->ev[2].url, "file:///notes/bikes.txt");
    CHECK_INT(c->ev[2].kind, INGEST_TEXT);
    CHECK(c->ev[2].data && strncmp(c->ev[2].data, "Council approves", 16) == 0);
}

static void test_warc_files(void)
{
    collector c = {0};
    char path[512];
    snprintf(path, sizeof path, "%s/sample.warc", FIXTURES);
    CHECK_INT(run_path(&c, path, 0), DOSSIER_OK);
    check_sample_warc(&c, path);
    /* One gzip member per record: same documents, same (decompressed) offsets. */
    snprintf(path, sizeof path, "%s/sample.warc.gz", FIXTURES);
    CHECK_INT(run_path(&c, path, 0), DOSSIER_OK);
    check_sample_warc(&c, path);
    /* Whole-file gzip, from memory, sniffed. */
    size_t len;
    snprintf(path, sizeof path, "%s/sample.warc", FIXTURES);
    char *plain = slurp(path, &len);
    CHECK(plain != NULL);
    if (!plain) return;
    unsigned char *gz = NULL;
    size_t gzlen = gzip_append(&gz, 0, plain, len);
    CHECK_INT(run_mem(&c, "whole.gz", gz, gzlen, NULL, 0), DOSSIER_OK);
    check_sample_warc(&c, "whole.gz");
    /* A record over the cap is reported and skipped; the rest still read. */
    CHECK_INT(run_mem(&c, "cap.warc", plain, len, NULL, 200), DOSSIER_ERR_TOO_LARGE);
    CHECK_INT(c.docs, 2);
    CHECK_STR(c.ev[0].origin, "cap.warc#473");
    CHECK_STR(c.ev[0].msg, "record is 222 bytes, over the 200-byte limit");
    CHECK_STR(c.ev[1].origin, "cap.warc#1185");
    /* Every prefix of the gzip bytes: no crash, never a document past the damage, the damage
     * reported once (a cut between records is a clean, shorter stream). */
    int ok = 1;
    for (size_t cut = 0; cut < gzlen; cut += 7) {
        run_mem(&c, "cut.gz", gz, cut, "warc", 0);
        if (c.docs > 3 || c.errs > 1 || (c.errs == 1 && c.ev[c.n - 1].is_err == 0)) ok = 0;
        if (cut > 20 && cut < gzlen - 8 && c.errs != 1) ok = 0;
    }
    CHECK(ok);
    /* Every prefix of the plain bytes too. */
    ok = 1;
    for (size_t cut = 0; cut < len; cut++) {
        run_mem(&c, "cut.warc", plain, cut, "warc", 0);
        if (c.docs > 3 || c.errs > 1) ok = 0;
    }
    CHECK(ok);
    free(gz);
    free(plain);
    reset(&c);
}

/* Builds one WARC record into b; returns its offset. */
static size_t add_record(dbuf *b, const char *type, const char *uri, const char *ctype,
                         const char *block)
{
    size_t off = b->len;
    dbuf_printf(b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\n"
                   "Content-Length: %zu\r\n\r\n%s\r\n\r\n",
                type, uri, ctype, strlen(block), block);
    return off;
}

static void test_warc_resync(void)
{
    collector c = {0};
    dbuf b;
    dbuf_init(&b, 0);
    add_record(&b, "resource", "http://a.example/1", "text/plain", "First note about the dam.");
    size_t bad = b.len;
    dbuf_puts(&b, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\n\r\n"
                  "a body whose length nobody gave\r\nmore of it\r\n\r\n");
    size_t third = add_record(&b, "resource", "http://a.example/3", "text/html",
                              "<p>Third note, after the damage.</p>");
    size_t junk = b.len;
    dbuf_puts(&b, "garbage that is no header\r\nstill garbage\r\n");
    size_t fifth = add_record(&b, "resource", "http://a.example/5", "text/plain",
                              "Fifth note arrives intact.");
    size_t badlen = b.len;
    dbuf_puts(&b, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\nxx\r\n\r\n");
    size_t last = add_record(&b, "resource", "http://a.example/7", "text/plain",
                             "Seventh and last note.");
    dossier_status rc = run_mem(&c, "r.warc", b.ptr, b.len, NULL, 0);
    CHECK_INT(rc, DOSSIER_ERR_FORMAT);
    CHECK_INT(c.docs, 4);
    CHECK_INT(c.errs, 3);
    char want[64];
    CHECK_STR(c.ev[0].origin, "r.warc#0");
    CHECK_STR(c.ev[0].data, "First note about the dam.");
    snprintf(want, sizeof want, "r.warc#%zu", bad);
    CHECK_STR(c.ev[1].origin, want);
    CHECK_STR(c.ev[1].msg, "malformed WARC header: missing Content-Length");
    snprintf(want, sizeof want, "r.warc#%zu", third);
    CHECK_STR(c.ev[2].origin, want);
    CHECK_INT(c.ev[2].kind, INGEST_HTML);
    snprintf(want, sizeof want, "r.warc#%zu", junk);
    CHECK_STR(c.ev[3].origin, want);
    CHECK_STR(c.ev[3].msg, "malformed WARC header: no WARC/ version line");
    snprintf(want, sizeof want, "r.warc#%zu", fifth);
    CHECK_STR(c.ev[4].origin, want);
    snprintf(want, sizeof want, "r.warc#%zu", badlen);
    CHECK_STR(c.ev[5].origin, want);
    CHECK_STR(c.ev[5].msg, "malformed WARC header: invalid Content-Length \"12x\"");
    snprintf(want, sizeof want, "r.warc#%zu", last);
    CHECK_STR(c.ev[6].origin, want);
    CHECK_STR(c.ev[6].data, "Seventh and last note.");

    /* A header over 64 KiB is malformed, and the record after it still reads. */
    dbuf_reset(&b);
    dbuf_puts(&b, "WARC/1.0\r\nWARC-Type: resource\r\n");
    for (int i = 0; i < 3000; i++) dbuf_printf(&b, "X-Filler-%d: %s\r\n", i, "padding padding");
    dbuf_puts(&b, "Content-Length: 2\r\n\r\nok\r\n\r\n");
    size_t after = add_record(&b, "resource", "http://a.example/z", "text/plain", "Still here.");
    rc = run_mem(&c, "big.warc", b.ptr, b.len, "warc", 0);
    CHECK_INT(c.errs, 1);
    CHECK_STR(c.ev[0].origin, "big.warc#0");
    CHECK_STR(c.ev[0].msg, "malformed WARC header: header over 65536 bytes");
    CHECK_INT(c.docs, 1);
    snprintf(want, sizeof want, "big.warc#%zu", after);
    CHECK_STR(c.ev[1].origin, want);

    /* HTTP details: header charset, chunked and gzip bodies, skipped statuses and types. */
    dbuf_reset(&b);
    add_record(&b, "response", "http://h.example/latin\xff", "application/http; msgtype=response",
               "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=\"windows-1252\"\r\n\r\n"
               "caf\xe9");
    add_record(&b, "response", "http://h.example/moved", "application/http; msgtype=response",
               "HTTP/1.1 301 Moved\r\nLocation: /x\r\nContent-Type: text/html\r\n\r\nmoved");
    add_record(&b, "response", "http://h.example/chunked", "application/http; msgtype=response",
               "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n"
               "7\r\n<p>Tide\r\n9;ext=1\r\n tables.<\r\n3\r\n/p>\r\n0\r\n\r\n");
    add_record(&b, "response", "http://h.example/style.css", "application/http; msgtype=response",
               "HTTP/1.1 200 OK\r\nContent-Type: text/css\r\n\r\np { color: red }");
    add_record(&b, "metadata", "http://h.example/chunked", "application/warc-fields",
               "via: nowhere\r\n");
    /* a gzip-encoded body (built below) is appended as its own record */
    const char *page = "<html><body><p>Compressed page about the lighthouse.</p></body></html>";
    unsigned char *gz = NULL;
    size_t gzlen = gzip_append(&gz, 0, page, strlen(page));
    dbuf http;
    dbuf_init(&http, 0);
    dbuf_puts(&http, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n");
    dbuf_append(&http, gz, gzlen);
    dbuf_printf(&b, "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
                    "Content-Length: %zu\r\n\r\n", http.len);
    dbuf_append(&b, http.ptr, http.len);
    dbuf_puts(&b, "\r\n\r\n");
    rc = run_mem(&c, "h.warc", b.ptr, b.len, NULL, 0);
    CHECK_INT(rc, DOSSIER_OK);
    CHECK_INT(c.errs, 0);
    CHECK_INT(c.docs, 3);
    CHECK_STR(c.ev[0].data, "caf\xc3\xa9");
    CHECK_STR(c.ev[0].charset, "windows-1252");
    CHECK_INT(c.ev[0].kind, INGEST_TEXT);
    CHECK_STR(c.ev[0].url, "http://h.example/latin\xef\xbf\xbd"); /* URLs are UTF-8 too */
    CHECK_STR(c.ev[1].data, "<p>Tide tables.</p>");
    CHECK_STR(c.ev[1].url, "http://h.example/chunked");
    CHECK_STR(c.ev[2].data, page);
    CHECK_STR(c.ev[2].url, "");
    free(gz);
    dbuf_release(&http);
    dbuf_release(&b);
    reset(&c);
}

static void test_warc_truncated_gzip(void)
{
    collector c = {0};
    dbuf plain;
    dbuf_init(&plain, 0);
    unsigned char *gz = NULL;
    size_t gzlen = 0, offs[3], members[3];
    const char *notes[3] = {"The river rose two metres overnight.",
                            "Schools stay closed on Friday.",
                            "Volunteers filled sandbags at the square."};
    for (int i = 0; i < 3; i++) {
        size_t from = plain.len;
        offs[i] = add_record(&plain, "resource", "http://t.example/", "text/plain", notes[i]);
        members[i] = gzlen;
        gzlen = gzip_append(&gz, gzlen, plain.ptr + from, plain.len - from);
    }
    /* Cut the third member in half. */
    size_t cut = members[2] + (gzlen - members[2]) / 2;
    dossier_status rc = run_mem(&c, "t.warc.gz", gz, cut, NULL, 0);
    CHECK_INT(rc, DOSSIER_ERR_GZIP);
    CHECK_INT(c.n, 3);
    CHECK_STR(c.ev[0].data, notes[0]);
    CHECK_STR(c.ev[1].data, notes[1]);
    char want[200];
    snprintf(want, sizeof want, "t.warc.gz#%zu", offs[1]);
    CHECK_STR(c.ev[1].origin, want);
    CHECK_INT(c.ev[2].is_err, 1);
    CHECK_INT(c.ev[2].status, DOSSIER_ERR_GZIP);
    snprintf(want, sizeof want, "t.warc.gz#%zu", offs[2]);
    CHECK_STR(c.ev[2].origin, want);
    CHECK(strncmp(c.ev[2].msg, "truncated gzip data", 19) == 0);

    /* Same through a file. */
    char dir[] = "/tmp/dossier-ingest-XXXXXX";
    if (mkdtemp(dir)) {
        char path[128];
        snprintf(path, sizeof path, "%s/t.warc.gz", dir);
        write_file(path, gz, cut);
        rc = run_path(&c, path, 0);
        CHECK_INT(rc, DOSSIER_ERR_GZIP);
        CHECK_INT(c.docs, 2);
        CHECK_INT(c.errs, 1);
        snprintf(want, sizeof want, "%s#%zu", path, offs[2]);
        CHECK_STR(c.ev[2].origin, want);
        /* Corrupt bytes inside the second member: the first still arrives. */
        unsigned char *bad = malloc(gzlen);
        memcpy(bad, gz, gzlen);
        for (size_t i = members[1] + 12; i < members[1] + 20; i++) bad[i] ^= 0x5a;
        write_file(path, bad, gzlen);
        rc = run_path(&c, path, 0);
        CHECK_INT(rc, DOSSIER_ERR_GZIP);
        CHECK(c.docs >= 1);
        CHECK_STR(c.ev[0].data, notes[0]);
        CHECK_INT(c.ev[c.n - 1].status, DOSSIER_ERR_GZIP);
        free(bad);
        unlink(path);
        rmdir(dir);
    }
    free(gz);
    dbuf_release(&plain);
    reset(&c);
}

/* ---- single documents ---- */

static void test_documents(void)
{
    collector c = {0};
    /* Binary junk (NULs), and controls without NULs. */
    const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
    CHECK_INT(run_mem(&c, "a.out", bin, sizeof bin - 1, NULL, 0), DOSSIER_ERR_BINARY);
    CHECK_INT(c.n, 1);
    CHECK_STR(c.ev[0].origin, "a.out");
    CHECK_STR(c.ev[0].msg, "binary data, not text or HTML");
    char ctl[200];
    for (int i = 0; i < 200; i++) ctl[i] = (char)(i % 3 ? 'a' : 0x01);
    CHECK_INT(run_mem(&c, "ctl", ctl, sizeof ctl, NULL, 0), DOSSIER_ERR_BINARY);
    /* UTF-16 with its BOM is not junk. */
    CHECK_INT(run_mem(&c, "u16.txt", "\xFF\xFEH\0i\0!\0", 8, NULL, 0), DOSSIER_OK);
    CHECK_STR(c.ev[0].data, "Hi!");
    /* Empty and whitespace-only (including a no-break space). */
    CHECK_INT(run_mem(&c, "blank.txt", " \n\t\r\n\xc2\xa0 ", 8, NULL, 0), DOSSIER_ERR_EMPTY);
    CHECK_STR(c.ev[0].msg, "empty document");
    CHECK_INT(run_mem(&c, "zero.txt", "", 0, NULL, 0), DOSSIER_ERR_EMPTY);
    /* Hints force the kind; otherwise sniffed. */
    CHECK_INT(run_mem(&c, "x", "<p>Hi</p>", 9, "text", 0), DOSSIER_OK);
    CHECK_INT(c.ev[0].kind, INGEST_TEXT);
    CHECK_INT(run_mem(&c, "x", "Plain words.", 12, "html", 0), DOSSIER_OK);
    CHECK_INT(c.ev[0].kind, INGEST_HTML);
    CHECK_INT(run_mem(&c, "x", "<div>Hi</div>", 13, NULL, 0), DOSSIER_OK);
    CHECK_INT(c.ev[0].kind, INGEST_HTML);
    CHECK_STR(c.ev[0].origin, "x");
    CHECK_STR(c.ev[0].url, "");
    /* Over the cap in memory. */
    CHECK_INT(run_mem(&c, "long.txt", "0123456789abcdef", 16, NULL, 10), DOSSIER_ERR_TOO_LARGE);
    CHECK_STR(c.ev[0].msg, "document is 16 bytes, over the 10-byte limit");
    /* A gzipped page: decompressed, capped on its decompressed size. */
    const char *page = "<html><body><p>Harbour lights were repaired.</p></body></html>";
    unsigned char *gz = NULL;
    size_t gzlen = gzip_append(&gz, 0, page, strlen(page));
    CHECK_INT(run_mem(&c, "p.html.gz", gz, gzlen, NULL, 0), DOSSIER_OK);
    CHECK_STR(c.ev[0].data, page);
    CHECK_INT(c.ev[0].kind, INGEST_HTML);
    CHECK_INT(run_mem(&c, "p.html.gz", gz, gzlen, NULL, 20), DOSSIER_ERR_TOO_LARGE);
    CHECK_INT(c.docs, 0);
    char want[128];
    snprintf(want, sizeof want, "document is %zu bytes, over the 20-byte limit", strlen(page));
    CHECK_STR(c.ev[0].msg, want);
    CHECK_INT(run_mem(&c, "p.html.gz", gz, gzlen - 9, NULL, 0), DOSSIER_ERR_GZIP);
    CHECK_INT(c.docs, 0);
    free(gz);
    /* <meta charset> through the whole path, from the fixture file. */
    char path[512];
    snprintf(path, sizeof path, "%s/meta1251.html", FIXTURES);
    CHECK_INT(run_path(&c, path, 0), DOSSIER_OK);
    CHECK_STR(c.ev[0].charset, "windows-1251");
    CHECK(c.ev[0].data && strstr(c.ev[0].data, "<p>\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82"
                                               "</p>") != NULL);
    /* Arbitrary bytes with every hint: never a crash, always a report or a document. */
    uint32_t x = 12345;
    unsigned char rnd[2048];
    const char *hints[] = {NULL, "warc", "jsonl", "html", "text"};
    int ok = 1;
    for (int round = 0; round < 200; round++) {
        size_t n = (size_t)(round * 10 % 2048);
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            rnd[i] = (unsigned char)(x >> 16);
        }
        if (round % 4 == 1 && n > 2) rnd[0] = 0x1f, rnd[1] = 0x8b;
        if (round % 4 == 2 && n > 8) memcpy(rnd, "WARC/1.0\n", 9);
        run_mem(&c, "rnd", rnd, n, hints[round % 5], 512);
        for (int i = 0; i < c.n; i++)
            if (!c.ev[i].is_err && utf8_validate(c.ev[i].data, c.ev[i].len) != c.ev[i].len)
                ok = 0;
    }
    CHECK(ok);
    reset(&c);
}

static long max_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* ---- paths ---- */

static void test_paths(void)
{
    collector c = {0};
    char dir[] = "/tmp/dossier-ingest-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp failed");
        return;
    }
    char p[256];
    const char *files[] = {"b.txt", "A.txt", "a.html", ".hidden.txt", "sub/c.txt",
                           "sub/.dot/d.txt", "a.jsonl"};
    snprintf(p, sizeof p, "%s/sub", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/sub/.dot", dir);
    mkdir(p, 0700);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        const char *body = strstr(files[i], "jsonl") ? "{\"text\": \"Line one.\"}\n"
                                                     : "Some words in a file.\n";
        write_file(p, body, strlen(body));
    }
    /* Byte order: uppercase before lowercase, "a.html" < "a.jsonl" < "b.txt" < "sub". */
    CHECK_INT(run_path(&c, dir, 0), DOSSIER_OK);
    CHECK_INT(c.docs, 5);
    const char *order[] = {"A.txt", "a.html", "a.jsonl:1", "b.txt", "sub/c.txt"};
    for (int i = 0; i < 5 && i < c.n; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, order[i]);
        CHECK_STR(c.ev[i].origin, p);
    }
    /* A missing path among good ones: reported, the rest still read. */
    snprintf(p, sizeof p, "%s/nope.txt", dir);
    CHECK_INT(run_path(&c, p, 0), DOSSIER_ERR_IO);
    CHECK_INT(c.n, 1);
    CHECK_STR(c.ev[0].origin, p);
    CHECK_STR(c.ev[0].msg, "cannot open: No such file or directory");
    /* An unreadable file (only meaningful when not root). */
    snprintf(p, sizeof p, "%s/b.txt", dir);
    if (geteuid() != 0) {
        chmod(p, 0);
        CHECK_INT(run_path(&c, dir, 0), DOSSIER_ERR_IO);
        CHECK_INT(c.docs, 4);
        CHECK_STR(c.ev[3].msg, "cannot open: Permission denied");
        chmod(p, 0600);
    }
    /* Stop: the walk ends at the first document. */
    reset(&c);
    c.stop_after = 1;
    ingest_opts o = opts_for(&c, 0);
    CHECK_INT(ingest_path(dir, &o), DOSSIER_ERR_STOPPED);
    CHECK_INT(c.docs, 1);
    /* Stop inside a JSONL stream. */
    reset(&c);
    c.stop_after = 2;
    const char *three = "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n{\"text\":\"Three.\"}\n";
    ingest_opts o2 = opts_for(&c, 0);
    CHECK_INT(ingest_memory("s.jsonl", three, strlen(three), NULL, &o2), DOSSIER_ERR_STOPPED);
    CHECK_INT(c.docs, 2);
    /* No on_doc is a usage error. */
    ingest_opts none = {0, NULL, NULL, NULL};
    CHECK_INT(ingest_path(dir, &none), DOSSIER_ERR_USAGE);

    /* Standard input: "-" reads fd 0. */
    snprintf(p, sizeof p, "%s/a.html", dir);
    int saved = dup(0), fd = open(p, O_RDONLY);
    if (saved >= 0 && fd >= 0 && dup2(fd, 0) == 0) {
        CHECK_INT(run_path(&c, "-", 0), DOSSIER_OK);
        CHECK_INT(c.docs, 1);
        CHECK_STR(c.ev[0].origin, "<stdin>");
        CHECK_STR(c.ev[0].data, "Some words in a file.\n");
        dup2(saved, 0);
    }
    if (fd >= 0) close(fd);
    if (saved >= 0) close(saved);

    /* A sparse 200 MB file: TOO_LARGE from its size, without reading it into memory. */
    snprintf(p, sizeof p, "%s/huge.txt", dir);
    fd = open(p, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    CHECK(fd >= 0 && ftruncate(fd, 200L << 20) == 0);
    if (fd >= 0) close(fd);
    long before = max_rss_kb();
    CHECK_INT(run_path(&c, p, 0), DOSSIER_ERR_TOO_LARGE);
    CHECK_INT(c.n, 1);
    CHECK_STR(c.ev[0].msg, "document is 209715200 bytes, over the 67108864-byte limit");
    CHECK(max_rss_kb() - before < 32 * 1024);
    /* The same bytes through a pipe-like path (no size known): read and discarded, bounded. */
    fd = open(p, O_RDONLY);
    saved = dup(0);
    if (fd >= 0 && saved >= 0 && dup2(fd, 0) == 0) {
        /* fd 0 is a regular file here, so fstat gives the size; the memory stays flat. */
        CHECK_INT(run_path(&c, "-", 0), DOSSIER_ERR_TOO_LARGE);
        CHECK(max_rss_kb() - before < 32 * 1024);
        dup2(saved, 0);
    }
    if (fd >= 0) close(fd);
    if (saved >= 0) close(saved);
    unlink(p);

    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        unlink(p);
    }
    snprintf(p, sizeof p, "%s/sub/.dot", dir);
    rmdir(p);
    snprintf(p, sizeof p, "%s/sub", dir);
    rmdir(p);
    rmdir(dir);
    reset(&c);
}

int main(void)
{
    test_sniff_kind();
    test_charsets();
    test_jsonl();
    test_warc_files();
    test_warc_resync();
    test_warc_truncated_gzip();
    test_documents();
    test_paths();
    return check_done();
}
