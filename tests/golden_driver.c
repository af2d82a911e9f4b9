/*
 * golden_driver.c - runs one golden case: extracts the articles of INPUT with the library and
 * compares the JSONL with EXPECTED byte for byte. The input is read by its file name from its own
 * folder, so "source" fields stay the same on every machine. With DOSSIER_UPDATE_GOLDEN=1 in the
 * environment it rewrites EXPECTED instead (review the diff before committing it).
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
    dossier *d = dossier_new(NULL);
    dossier_status rc = dossier_extract_path(d, name, on_article, &o);
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
