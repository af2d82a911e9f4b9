/*
 * jsonl.c - JSON Lines records, one document per line: {"url": ..., "html": ...} or
 * {"url": ..., "text": ...}, with optional "site", "published" and "title". Lines are streamed
 * through a buffer capped at max_doc_bytes; a longer line is reported and skipped to its newline,
 * a bad line is reported with jansson's message and column, and reading goes on.
 */
#include "ingest/ingest_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A string member of obj, or NULL when absent or not a string. */
static const char *member_str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int ingest_jsonl_sniff(const char *data, size_t len)
{
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i >= len || data[i] != '{') return 0;
    const char *line = data + i;
    const char *nl = memchr(line, '\n', len - i);
    if (nl) {
        json_error_t err;
        json_t *obj = json_loadb(line, (size_t)(nl - line), 0, &err);
        int yes = json_is_object(obj) &&
                  (json_object_get(obj, "html") || json_object_get(obj, "text"));
        json_decref(obj);
        return yes;
    }
    /* The first record is longer than the sniff window: look for its key instead. */
    slice s = slice_make(line, len - i);
    return slice_contains_ci(s, "\"html\":") || slice_contains_ci(s, "\"text\":") ||
           slice_contains_ci(s, "\"html\" :") || slice_contains_ci(s, "\"text\" :");
}

/* Hands one parsed line on. Returns 1 to stop. */
static int read_record(ingest_ctx *c, const char *origin, const char *line, size_t len)
{
    json_error_t err;
    json_t *obj = json_loadb(line, len, 0, &err);
    if (!obj) {
        ingest_report(c, origin, DOSSIER_ERR_FORMAT, "invalid JSON: %s at column %d", err.text,
                      err.column);
        return 0;
    }
    int stop = 0;
    if (!json_is_object(obj)) {
        ingest_report(c, origin, DOSSIER_ERR_FORMAT, "the record is not a JSON object");
        goto done;
    }
    const char *html = member_str(obj, "html"), *text = member_str(obj, "text");
    if (!html && !text) {
        ingest_report(c, origin, DOSSIER_ERR_FORMAT,
                      "the record has no \"html\" or \"text\" string");
        goto done;
    }
    /* A record with both is read as HTML: the page carries more than its text. */
    json_t *body = json_object_get(obj, html ? "html" : "text");
    ingest_meta m = {origin,
                     member_str(obj, "url"),
                     member_str(obj, "site"),
                     member_str(obj, "published"),
                     member_str(obj, "title"),
                     "utf-8",
                     html ? INGEST_HTML : INGEST_TEXT};
    stop = ingest_deliver(c, &m, json_string_value(body), json_string_length(body));
done:
    json_decref(obj);
    return stop;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

int ingest_read_jsonl(ingest_ctx *c, ingest_reader *r, const char *name)
{
    dbuf line, origin;
    dbuf_init(&line, c->opts.max_doc_bytes);
    dbuf_init(&origin, 0);
    unsigned long long lineno = 0;
    int stop = 0;
    dossier_status over;
    uint64_t start;
    while (!stop && ingest_reader_line(r, &line, &over, &start)) {
        lineno++;
        dbuf_reset(&origin);
        if (dbuf_printf(&origin, "%s:%llu", name, lineno) != DOSSIER_OK) {
            ingest_report(c, name, DOSSIER_ERR_NOMEM, "out of memory");
            break;
        }
        if (over == DOSSIER_ERR_TOO_LARGE) {
            ingest_report(c, origin.ptr, over, "line over the %zu-byte limit",
                          c->opts.max_doc_bytes);
            continue;
        }
        if (over) {
            ingest_report(c, origin.ptr, over, "out of memory reading the line");
            continue;
        }
        /* A line cut short by damage is not a record; the damage is reported below. */
        if (r->err && !r->line_ended) break;
        if (blank(line.ptr ? line.ptr : "", line.len)) continue;
        stop = read_record(c, origin.ptr, line.ptr, line.len);
    }
    if (r->err) {
        dbuf_reset(&origin);
        if (dbuf_printf(&origin, "%s:%llu", name, lineno ? lineno : 1) == DOSSIER_OK)
            ingest_report_reader(c, origin.ptr, r);
    }
    dbuf_release(&line);
    dbuf_release(&origin);
    return stop;
}
