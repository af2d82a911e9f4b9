/*
 * golden_driver.c - runs one golden case: extracts the articles of INPUT with the library and
 * compares the JSONL with EXPECTED byte for byte. The input is read by its file name from its own
 * folder, so "source" fields stay the same on every machine. With DOSSIER_UPDATE_GOLDEN=1 in the
 * environment it rewrites EXPECTED instead (review the diff before committing it).
 *
 * Extraction cases compare the article JSON without annotation, so that they test extraction
 * alone. Cases named quotes_* are clean text (--plain) and compare, for readability, one line
 * per entity (name, kind, code, every mention's words) and one per quote (speaker, kind, cue,
 * words).
 */
#include <dossier.h>

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct out {
    char *buf;  /* JSONL produced */
    size_t len; /* its length */
    size_t cap; /* allocated */
} out;

/* Appends p[0..n) (add: and a newline). */
static int add_raw(out *o, const char *p, size_t n)
{
    if (o->len + n + 2 > o->cap) {
        size_t cap = (o->cap ? o->cap * 2 : 4096) + n;
        char *b = realloc(o->buf, cap);
        if (!b) return -1;
        o->buf = b, o->cap = cap;
    }
    memcpy(o->buf + o->len, p, n);
    o->len += n;
    return 0;
}

static int add(out *o, const char *p, size_t n)
{
    if (o->len + n + 2 > o->cap) {
        size_t cap = (o->cap ? o->cap * 2 : 4096) + n;
        char *b = realloc(o->buf, cap);
        if (!b) return -1;
        o->buf = b, o->cap = cap;
    }
    memcpy(o->buf + o->len, p, n);
    o->len += n;
    o->buf[o->len++] = '\n';
    return 0;
}

static int on_article(void *user, const dossier_article *a)
{
    char *json;
    size_t n;
    if (dossier_article_to_json(a, &json, &n) != DOSSIER_OK) return 1;
    int rc = add(user, json, n);
    free(json);
    return rc;
}

/* Appends s[0..n) as a JSON string. */
static int add_json_str(out *o, const char *s, size_t n)
{
    char tmp[8];
    if (add_raw(o, "\"", 1)) return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int rc;
        if (c == '"' || c == '\\') {
            tmp[0] = '\\', tmp[1] = (char)c;
            rc = add_raw(o, tmp, 2);
        } else if (c < 0x20) {
            snprintf(tmp, sizeof tmp, "\\u%04x", c);
            rc = add_raw(o, tmp, 6);
        } else {
            rc = add_raw(o, (const char *)&c, 1);
        }
        if (rc) return -1;
    }
    return add_raw(o, "\"", 1);
}

static int on_article_annotated(void *user, const dossier_article *a)
{
    out *o = user;
    size_t len;
    const char *text = dossier_article_text(a, &len);
    int rc = 0;
    for (size_t i = 0; !rc && i < dossier_article_entity_count(a); i++) {
        dossier_entity e;
        dossier_article_entity(a, i, &e);
        rc = add_raw(o, "{\"entity\":", 10);
        if (!rc) rc = add_json_str(o, e.name, strlen(e.name));
        if (!rc) rc = add_raw(o, ",\"kind\":", 8);
        if (!rc) rc = add_json_str(o, e.kind, strlen(e.kind));
        if (!rc) rc = add_raw(o, ",\"code\":", 8);
        if (!rc) rc = e.code ? add_json_str(o, e.code, strlen(e.code)) : add_raw(o, "null", 4);
        if (!rc) rc = add_raw(o, ",\"mentions\":[", 13);
        int first = 1;
        for (size_t m = 0; !rc && m < dossier_article_mention_count(a); m++) {
            size_t ms, me;
            int ent;
            dossier_article_mention(a, m, &ms, &me, &ent);
            if (ent != (int)i) continue;
            if (!first) rc = add_raw(o, ",", 1);
            if (!rc) rc = add_json_str(o, text + ms, me - ms);
            first = 0;
        }
        if (!rc) rc = add(o, "]}", 2);
    }
    for (size_t i = 0; !rc && i < dossier_article_quote_count(a); i++) {
        dossier_quote q;
        dossier_article_quote(a, i, &q);
        rc = add_raw(o, "{\"speaker\":", 11);
        if (!rc && q.speaker) rc = add_json_str(o, q.speaker, strlen(q.speaker));
        else if (!rc && q.speaker_end > q.speaker_start)
            rc = add_json_str(o, text + q.speaker_start, q.speaker_end - q.speaker_start);
        else if (!rc) rc = add_raw(o, "null", 4);
        if (!rc) rc = add_raw(o, ",\"kind\":", 8);
        if (!rc) rc = add_json_str(o, q.kind, strlen(q.kind));
        if (!rc) rc = add_raw(o, ",\"cue\":", 7);
        if (!rc)
            rc = q.cue_end > q.cue_start ? add_json_str(o, text + q.cue_start, q.cue_end - q.cue_start)
                                         : add_raw(o, "null", 4);
        if (!rc) rc = add_raw(o, ",\"quote\":", 9);
        if (!rc && q.n_segments) {
            /* The pieces of a split quotation, joined by " / ". */
            rc = add_raw(o, "[", 1);
            for (size_t k = 0; !rc && k < q.n_segments; k++) {
                size_t ss, se;
                dossier_article_quote_segment(a, i, k, &ss, &se);
                if (k) rc = add_raw(o, ",", 1);
                if (!rc) rc = add_json_str(o, text + ss, se - ss);
            }
            if (!rc) rc = add_raw(o, "]", 1);
        } else if (!rc) {
            rc = add_json_str(o, text + q.start, q.end - q.start);
        }
        if (!rc) rc = add(o, "}", 1);
    }
    return rc;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t k;
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) free(b);
            b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: golden INPUT EXPECTED\n");
        return 2;
    }
    char *in_copy = strdup(argv[1]), *in_copy2 = strdup(argv[1]);
    char *expected_path = realpath(argv[2], NULL);
    if (!in_copy || !in_copy2 || !expected_path || chdir(dirname(in_copy)) != 0) {
        fprintf(stderr, "golden: cannot open %s or %s\n", argv[1], argv[2]);
        return 2;
    }
    const char *name = basename(in_copy2);
    out o = {0};
    int annotated = strncmp(name, "quotes_", 7) == 0;
    dossier_options opts = {0};
    opts.plain = annotated;
    opts.no_annotate = !annotated;
    dossier *d = dossier_new(&opts);
    dossier_status rc =
        dossier_extract_path(d, name, annotated ? on_article_annotated : on_article, &o);
    if (rc != DOSSIER_OK)
        fprintf(stderr, "golden: %s: %s (%s)\n", name, dossier_strerror(rc), dossier_errmsg(d));
    dossier_free(d);
    int result = 0;
    const char *update = getenv("DOSSIER_UPDATE_GOLDEN");
    if (update && *update == '1') {
        FILE *f = fopen(expected_path, "wb");
        if (!f || fwrite(o.buf, 1, o.len, f) != o.len || fclose(f) != 0) result = 2;
        printf("updated %s\n", argv[2]);
    } else {
        size_t elen = 0;
        char *exp = slurp(expected_path, &elen);
        if (!exp) {
            fprintf(stderr, "golden: cannot read %s\n", argv[2]);
            result = 2;
        } else if (elen != o.len || (o.len && memcmp(exp, o.buf, o.len) != 0)) {
            /* Show the first line that differs. */
            size_t i = 0, line = 1, ls = 0;
            while (i < elen && i < o.len && exp[i] == o.buf[i]) {
                if (exp[i] == '\n') line++, ls = i + 1;
                i++;
            }
            fprintf(stderr, "golden: %s differs from %s at line %zu, byte %zu\n", name, argv[2],
                    line, i - ls);
            fprintf(stderr, "  want: %.300s\n  got:  %.300s\n", exp + ls,
                    o.buf ? o.buf + ls : "");
            result = 1;
        }
        free(exp);
        printf("%d passed, %d failed\n", result == 0, result != 0);
    }
    free(o.buf);
    free(in_copy);
    free(in_copy2);
    free(expected_path);
    return result;
}
