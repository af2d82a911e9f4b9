/*
 * buf.c - dbuf, the growable byte buffer. Every dbuf has a hard cap (max): an append past it
 * fails with DOSSIER_ERR_TOO_LARGE and leaves the buffer as it was, so oversized input becomes an
 * error for one document rather than unbounded growth.
 */
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dbuf_init(dbuf *b, size_t max)
{
    b->ptr = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max ? max : ((size_t)1 << 30);
}

void dbuf_release(dbuf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}

void dbuf_reset(dbuf *b)
{
    b->len = 0;
    if (b->ptr) b->ptr[0] = '\0';
}

dossier_status dbuf_reserve(dbuf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra) return DOSSIER_ERR_TOO_LARGE;
    size_t need = b->len + extra + 1; /* +1 for the NUL */
    if (need <= b->cap) return DOSSIER_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
    if (cap > b->max + 1) cap = b->max + 1;
    char *p = realloc(b->ptr, cap);
    if (!p) return DOSSIER_ERR_NOMEM;
    b->ptr = p;
    b->cap = cap;
    return DOSSIER_OK;
}

dossier_status dbuf_append(dbuf *b, const void *p, size_t n)
{
    dossier_status rc = dbuf_reserve(b, n);
    if (rc) return rc;
    if (n) memcpy(b->ptr + b->len, p, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return DOSSIER_OK;
}

dossier_status dbuf_puts(dbuf *b, const char *z)
{
    return dbuf_append(b, z, strlen(z));
}

dossier_status dbuf_putc(dbuf *b, char c)
{
    return dbuf_append(b, &c, 1);
}

dossier_status dbuf_vprintf(dbuf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) return DOSSIER_ERR_FORMAT;
    dossier_status rc = dbuf_reserve(b, (size_t)n);
    if (rc) return rc;
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return DOSSIER_OK;
}

dossier_status dbuf_printf(dbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dossier_status rc = dbuf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

char *dbuf_detach(dbuf *b, size_t *len)
{
    if (!b->ptr && dbuf_reserve(b, 0) != DOSSIER_OK) return NULL;
    char *p = b->ptr;
    if (len) *len = b->len;
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}
