/*
 * cmp_text.c - normalised words of an article and a small 64-bit key map, for the comparison
 * parts. Words are folded with utf8proc (case folding + compatibility composition), so “Don’t”,
 * "don't" and "DON'T" are one word in every script utf8proc knows.
 */
#include "stories/cmp_text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Folds p[0..n) into the arena: ASCII fast path, else utf8proc; ’ ‘ ʼ become '. */
static const char *fold_word(arena *a, const char *p, size_t n, uint32_t *out_len)
{
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)p[i] >= 0x80) ascii = 0;
    if (ascii) {
        char *s = arena_alloc(a, n + 1);
        if (!s) return NULL;
        for (size_t i = 0; i < n; i++) s[i] = (p[i] >= 'A' && p[i] <= 'Z') ? (char)(p[i] + 32) : p[i];
        s[n] = 0;
        *out_len = (uint32_t)n;
        return s;
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &m,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                          UTF8PROC_CASEFOLD);
    if (k < 0) {
        /* Not valid UTF-8 (ingest makes that impossible): keep the bytes. */
        char *s = arena_strndup(a, p, n);
        *out_len = (uint32_t)n;
        return s;
    }
    char *s = arena_alloc(a, (size_t)k + 1);
    size_t j = 0;
    if (s) {
        for (utf8proc_ssize_t i = 0; i < k; i++) {
            /* U+2018, U+2019 (E2 80 98/99) and U+02BC (CA BC) are apostrophes. */
            if (m[i] == 0xE2 && i + 2 < k && m[i + 1] == 0x80 && (m[i + 2] == 0x98 || m[i + 2] == 0x99)) {
                s[j++] = '\'';
                i += 2;
            } else if (m[i] == 0xCA && i + 1 < k && m[i + 1] == 0xBC) {
                s[j++] = '\'';
                i += 1;
            } else {
                s[j++] = (char)m[i];
            }
        }
        s[j] = 0;
    }
    free(m);
    *out_len = (uint32_t)j;
    return s;
}

dossier_status cmp_words_of(arena *a, const nlp_doc *doc, cmp_words *out)
{
    memset(out, 0, sizeof *out);
    if (!doc || !doc->n_tokens) {
        out->first = arena_calloc(a, 1, sizeof *out->first);
        return out->first ? DOSSIER_OK : DOSSIER_ERR_NOMEM;
    }
    size_t n = 0;
    for (size_t t = 0; t < doc->n_tokens; t++)
        if (doc->tokens[t].flags & TOK_WORD) n++;
    out->w = arena_calloc(a, n ? n : 1, sizeof *out->w);
    out->n_sent = doc->n_sentences;
    out->first = arena_calloc(a, doc->n_sentences + 1, sizeof *out->first);
    if (!out->w || !out->first) return DOSSIER_ERR_NOMEM;
    size_t k = 0;
    for (size_t t = 0; t < doc->n_tokens; t++) {
        const token *tk = &doc->tokens[t];
        if (!(tk->flags & TOK_WORD)) continue;
        cmp_word *w = &out->w[k++];
        w->at.start = tk->start;
        w->at.end = tk->end;
        w->sent = tk->sent;
        w->tok = (uint32_t)t;
        w->cap = (tk->flags & TOK_CAP) && !(tk->flags & TOK_SENT);
        w->norm = fold_word(a, doc->text + tk->start, tk->end - tk->start, &w->norm_len);
        if (!w->norm) return DOSSIER_ERR_NOMEM;
        w->h = hash64(w->norm, w->norm_len, 0x5eed);
        if (!w->h) w->h = 1;
    }
    out->n = k;
    /* first[s]: the first word of sentence s or later. */
    size_t j = 0;
    for (size_t s = 0; s <= out->n_sent; s++) {
        while (j < k && out->w[j].sent < s) j++;
        out->first[s] = j;
    }
    return DOSSIER_OK;
}

size_t cmp_words_from(const cmp_words *w, size_t at)
{
    size_t lo = 0, hi = w->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w->w[mid].at.start < at) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

dossier_status cmp_map_init(arena *a, cmp_map *m, size_t hint)
{
    size_t cap = 64;
    while (cap < hint * 2) cap <<= 1;
    m->keys = arena_calloc(a, cap, sizeof *m->keys);
    m->vals = arena_calloc(a, cap, sizeof *m->vals);
    m->cap = cap;
    m->n = 0;
    return m->keys && m->vals ? DOSSIER_OK : DOSSIER_ERR_NOMEM;
}

static size_t slot_of(const cmp_map *m, uint64_t k)
{
    size_t i = (size_t)(k * 0x9E3779B97F4A7C15ull) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != k) i = (i + 1) & (m->cap - 1);
    return i;
}

uint32_t *cmp_map_put(arena *a, cmp_map *m, uint64_t k, uint32_t fresh, int *added)
{
    if (!k) k = 1;
    if (added) *added = 0;
    if ((m->n + 1) * 2 > m->cap) {
        cmp_map g;
        g.cap = m->cap * 2;
        g.n = m->n;
        g.keys = arena_calloc(a, g.cap, sizeof *g.keys);
        g.vals = arena_calloc(a, g.cap, sizeof *g.vals);
        if (!g.keys || !g.vals) return NULL;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i]) continue;
            size_t j = slot_of(&g, m->keys[i]);
            g.keys[j] = m->keys[i];
            g.vals[j] = m->vals[i];
        }
        *m = g;
    }
    size_t i = slot_of(m, k);
    if (!m->keys[i]) {
        m->keys[i] = k;
        m->vals[i] = fresh;
        m->n++;
        if (added) *added = 1;
    }
    return &m->vals[i];
}

uint32_t *cmp_map_get(const cmp_map *m, uint64_t k)
{
    if (!k) k = 1;
    if (!m->cap) return NULL;
    size_t i = slot_of(m, k);
    return m->keys[i] ? &m->vals[i] : NULL;
}

/* ---- speaker names ---- */

/* One word of a name, lower-cased (ASCII; other bytes kept), doubled letters made single, in
 * out (at most 47 bytes); its length. */
static size_t name_fold(const char *w, size_t n, char out[48])
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < 47; i++) {
        char c = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] | 0x20 : w[i]);
        if (c == '.' || c == ',') continue;
        if (k && out[k - 1] == c && (unsigned char)c < 0x80) continue;
        out[k++] = c;
    }
    out[k] = 0;
    return k;
}

/* Is the edit distance of a and b at most one? */
static int within_one_edit(const char *a, size_t na, const char *b, size_t nb)
{
    if (na > nb) {
        const char *t = a;
        a = b, b = t;
        size_t tn = na;
        na = nb, nb = tn;
    }
    if (nb - na > 1) return 0;
    size_t i = 0;
    while (i < na && a[i] == b[i]) i++;
    if (na == nb) return !memcmp(a + i + 1, b + i + 1, na - i - (i < na ? 1 : 0));
    return !memcmp(a + i, b + i + 1, na - i);
}

/* The first and last words of a name. */
static void name_ends(const char *s, const char **f, size_t *fn, const char **l, size_t *ln)
{
    *f = *l = NULL;
    *fn = *ln = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if (p == w) break;
        if (!*f) *f = w, *fn = (size_t)(p - w);
        *l = w, *ln = (size_t)(p - w);
    }
}

int cmp_same_person(const char *x, const char *y)
{
    if (!x || !y) return 0;
    if (!strcmp(x, y)) return 1;
    const char *xf, *xl, *yf, *yl;
    size_t xfn, xln, yfn, yln;
    name_ends(x, &xf, &xfn, &xl, &xln);
    name_ends(y, &yf, &yfn, &yl, &yln);
    if (!xl || !yl) return 0;
    char a[48], b[48];
    size_t na = name_fold(xl, xln, a), nb = name_fold(yl, yln, b);
    if (!(na == nb && !memcmp(a, b, na)) &&
        !(na >= 5 && nb >= 5 && within_one_edit(a, na, b, nb)))
        return 0;
    if (xf == xl || yf == yl) return 1; /* a surname alone */
    na = name_fold(xf, xfn, a);
    nb = name_fold(yf, yfn, b);
    if (!na || !nb || a[0] != b[0]) return 0;
    if (na == 1 || nb == 1) return 1; /* an initial */
    return within_one_edit(a, na, b, nb);
}

