/*
 * utf8.c - strict UTF-8 decoding and encoding (RFC 3629: no overlongs, no surrogates, nothing
 * past U+10FFFF), sanitising to valid UTF-8, windows-1252 conversion, and Unicode spaces.
 */
#include "core/core.h"

#include <string.h>

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) return 0;
    unsigned c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_validate(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* Fast path: skip 8 ASCII bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k) return i;
        i += k;
    }
    return n;
}

dossier_status utf8_append_sanitized(dbuf *out, const char *s, size_t n)
{
    static const char repl[3] = {(char)0xEF, (char)0xBF, (char)0xBD}; /* U+FFFD */
    size_t i = 0, run = 0;                                              /* run: valid bytes */
    dossier_status rc = DOSSIER_OK;
    while (i < n) {
        /* Eight bytes at a time while they are all ASCII and none is NUL: most of a page. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ull) ||
                ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull))
                break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        if (c && c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = c ? utf8_decode(s + i, n - i, &cp) : 0;
        if (k) {
            i += k;
            continue;
        }
        /* Flush the valid run, then replace (or drop, for NUL) the bad byte. */
        if ((rc = dbuf_append(out, s + run, i - run))) return rc;
        if (c && (rc = dbuf_append(out, repl, 3))) return rc;
        i++;
        run = i;
    }
    return dbuf_append(out, s + run, n - run);
}

/* windows-1252 bytes 0x80-0x9F; the rest of the range maps to the same code point (Latin-1).
 * Source: the WHATWG Encoding Standard's index-windows-1252. Undefined slots map to C1. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

dossier_status cp1252_append_utf8(dbuf *out, const char *s, size_t n)
{
    dossier_status rc = dbuf_reserve(out, n);
    if (rc) return rc;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c && c < 0x80) continue;
        if ((rc = dbuf_append(out, s + run, i - run))) return rc;
        run = i + 1;
        if (!c) continue; /* NUL bytes are dropped */
        uint32_t cp = c < 0xA0 ? cp1252_high[c - 0x80] : c;
        char enc[4];
        if ((rc = dbuf_append(out, enc, utf8_encode(cp, enc)))) return rc;
    }
    return dbuf_append(out, s + run, n - run);
}

int utf8_is_space(uint32_t cp)
{
    switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200B;
    }
}
