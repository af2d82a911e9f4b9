/*
 * article.c - what every extractor shares: the article list, and metadata read from a URL
 * (the outlet's host, a date in the path).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"
#include "extract/lang.h"

article *article_list_push(arena *a, article_list *list)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 4;
        article *items = arena_calloc(a, cap, sizeof *items);
        if (!items) return NULL;
        if (list->n) memcpy(items, list->items, list->n * sizeof *items);
        list->items = items; /* the old array stays in the arena until it is reset */
        list->cap = cap;
    }
    article *art = &list->items[list->n++];
    memset(art, 0, sizeof *art);
    return art;
}

const char *extract_url_host(arena *a, const char *url)
{
    if (!url) return NULL;
    const char *p = strstr(url, "://");
    if (!p) return NULL;
    p += 3;
    size_t n = strcspn(p, "/:?#");
    const char *at = memchr(p, '@', n);
    if (at) {
        n -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    if (n > 4 && strncasecmp(p, "www.", 4) == 0) p += 4, n -= 4;
    if (!n) return NULL;
    char *h = arena_strndup(a, p, n);
    if (h)
        for (char *c = h; *c; c++)
            if (*c >= 'A' && *c <= 'Z') *c = (char)(*c | 0x20);
    return h;
}

int extract_url_date(const char *url, char out[32])
{
    if (!url) return 0;
    for (const char *p = url; *p; p++) {
        int y, m, d;
        char sep;
        if (p[0] < '1' || p[0] > '2' || p == url || (p[-1] != '/' && p[-1] != '-' && p[-1] != '_'))
            continue;
        if (sscanf(p, "%4d%c%2d", &y, &sep, &m) != 3 || (sep != '/' && sep != '-')) continue;
        if (strlen(p) < 10 || p[4] != sep || p[7] != sep) continue;
        if (sscanf(p + 8, "%2d", &d) != 1 || !(p[9] >= '0' && p[9] <= '9')) continue;
        if (p[10] && p[10] != '/' && p[10] != '-' && p[10] != '_' && p[10] != '.') continue;
        if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31) continue;
        snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
        return 1;
    }
    return 0;
}

dossier_status extract_plain(arena *a, const char *text, size_t len, const extract_hints *h,
                             article_list *out)
{
    /* Paragraphs are runs of lines between blank lines; the text itself is kept byte for byte
     * so that offsets into it are offsets into the input. */
    size_t n = 0, cap = 16;
    span *paras = arena_alloc(a, cap * sizeof *paras);
    if (!paras) return DOSSIER_ERR_NOMEM;
    size_t i = 0;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            i++;
        if (i >= len) break;
        size_t b = i, e = i;
        for (;;) {
            const char *nl = memchr(text + i, '\n', len - i);
            size_t line_end = nl ? (size_t)(nl - text) : len;
            size_t k = i;
            while (k < line_end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) k++;
            if (k == line_end) break; /* a blank line ends the paragraph */
            e = line_end;
            while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
                e--;
            i = nl ? line_end + 1 : len;
            if (!nl) break;
        }
        if (n == cap) {
            span *np = arena_alloc(a, cap * 2 * sizeof *np);
            if (!np) return DOSSIER_ERR_NOMEM;
            memcpy(np, paras, n * sizeof *np);
            paras = np;
            cap *= 2;
        }
        paras[n].start = b;
        paras[n].end = e;
        n++;
    }
    if (!n) return DOSSIER_OK;
    article *art = article_list_push(a, out);
    if (!art) return DOSSIER_ERR_NOMEM;
    art->text = text;
    art->text_len = len;
    art->paragraphs = paras;
    art->sources = paras;
    art->n_paragraphs = n;
    art->url = h ? h->url : NULL;
    art->site = h && h->site ? h->site : extract_url_host(a, art->url);
    art->title = h ? h->title : NULL;
    art->published = h ? h->published : NULL;
    art->lang = lang_detect(text, len);
    return DOSSIER_OK;
}
