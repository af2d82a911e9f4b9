/*
 * article.c - what every extractor shares: the article list, and metadata read from a URL
 * (the outlet's host, a date in the path).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"

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
