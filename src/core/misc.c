/*
 * misc.c - hashing (XXH3 from libxxhash) and fixed-size error messages.
 */
#include "core/core.h"

#include <stdio.h>
#include <xxhash.h>

uint64_t hash64(const void *p, size_t n, uint64_t seed)
{
    return XXH3_64bits_withSeed(p, n, seed);
}

void hash_hex(uint64_t h, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = hex[h & 15];
        h >>= 4;
    }
    out[16] = '\0';
}

dossier_status err_set(errbuf *e, dossier_status status, const char *fmt, ...)
{
    if (!e) return status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->status = status;
    return status;
}

void err_clear(errbuf *e)
{
    e->status = DOSSIER_OK;
    e->msg[0] = '\0';
}
