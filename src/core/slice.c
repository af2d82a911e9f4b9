/*
 * slice.c - small helpers on non-owning (ptr, len) views.
 */
#include "core/core.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* Length of the space character starting at s[i] (0 if none). */
static size_t space_at(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = utf8_decode(s, n, &cp);
    return k && utf8_is_space(cp) ? k : 0;
}

slice slice_trim(slice s)
{
    size_t k;
    while (s.len && (k = space_at(s.ptr, s.len)) > 0) {
        s.ptr += k;
        s.len -= k;
    }
    while (s.len) {
        /* Step back over one UTF-8 sequence (at most 4 bytes). */
        size_t b = s.len - 1;
        while (b > 0 && s.len - b < 4 && ((unsigned char)s.ptr[b] & 0xC0) == 0x80) b--;
        k = space_at(s.ptr + b, s.len - b);
        if (!k || b + k != s.len) break;
        s.len = b;
    }
    return s;
}

int slice_eq_cstr(slice s, const char *z)
{
    size_t n = strlen(z);
    return n == s.len && (n == 0 || memcmp(s.ptr, z, n) == 0);
}

int slice_starts_with_ci(slice s, const char *z)
{
    size_t n = strlen(z);
    return n <= s.len && strncasecmp(s.ptr, z, n) == 0;
}

int slice_starts_with_lower(slice s, const char *z)
{
    size_t i = 0, j = 0, zn = strlen(z);
    while (j < zn) {
        if (i >= s.len) return 0;
        unsigned char a = (unsigned char)s.ptr[i], b = (unsigned char)z[j];
        if (a < 0x80 && b < 0x80) { /* ASCII: the common case, no decoding */
            if (tolower(a) != b) return 0;
            i++, j++;
            continue;
        }
        uint32_t ca, cb;
        size_t ka = utf8_decode(s.ptr + i, s.len - i, &ca), kb = utf8_decode(z + j, zn - j, &cb);
        if (!ka || !kb || (uint32_t)utf8proc_tolower((utf8proc_int32_t)ca) != cb) return 0;
        i += ka, j += kb;
    }
    return 1;
}

int slice_contains_ci(slice s, const char *z)
{
    size_t n = strlen(z);
    if (n == 0) return 1;
    /* compare the first byte inline: most positions fail there, and a call per position was
     * the extractor's hottest path */
    unsigned char lo = (unsigned char)tolower((unsigned char)z[0]);
    unsigned char up = (unsigned char)toupper((unsigned char)z[0]);
    for (size_t i = 0; i + n <= s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if ((c == lo || c == up) && strncasecmp(s.ptr + i + 1, z + 1, n - 1) == 0) return 1;
    }
    return 0;
}
