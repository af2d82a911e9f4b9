/*
 * minhash.c - MinHash signatures over word 5-gram shingles, for near-duplicates (wire copies,
 * syndicated reprints, lightly edited versions). Each shingle is hashed once with XXH3; the
 * MH_HASHES hash functions are that value remixed with per-function odd multipliers and keys
 * (cheap, and independent enough for Jaccard estimates within a few hundredths at 64 hashes).
 * LSH banding (MH_BANDS bands of 8 rows) makes pairs with Jaccard around 0.75 and up meet in
 * some band with high probability: 1 - (1 - J^8)^8 is 0.98 at J = 0.8 and 0.04 at J = 0.4.
 */
#include <string.h>
#include <utf8proc.h>

#include "stories/cluster.h"

/* splitmix64's finaliser: a good 64-bit mixer. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* Hashes of the words of text, one at a time: letters and digits, lower-cased. */
static size_t next_word_hash(const char *s, size_t len, size_t *pos, uint64_t *h)
{
    size_t i = *pos;
    char buf[256];
    size_t n = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        if (!k) k = 1;
        utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
        int wc = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
        if (wc) {
            char enc[4];
            size_t el = utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), enc);
            if (n + el <= sizeof buf) {
                memcpy(buf + n, enc, el);
                n += el;
            }
        } else if (n) {
            break;
        }
        i += k;
    }
    *pos = i;
    if (!n) return 0;
    *h = hash64(buf, n, 0x5eed);
    return n;
}

void mh_signature(const char *text, size_t len, mh_sig *out)
{
    for (int i = 0; i < MH_HASHES; i++) out->h[i] = UINT64_MAX;
    out->n_shingles = 0;
    uint64_t win[MH_SHINGLE];
    size_t have = 0, pos = 0;
    uint64_t h;
    while (next_word_hash(text, len, &pos, &h)) {
        memmove(win, win + 1, (MH_SHINGLE - 1) * sizeof *win);
        win[MH_SHINGLE - 1] = h;
        if (++have < MH_SHINGLE) continue;
        uint64_t sh = 0;
        for (int i = 0; i < MH_SHINGLE; i++) sh = mix64(sh ^ (win[i] + (uint64_t)i));
        out->n_shingles++;
        for (int i = 0; i < MH_HASHES; i++) {
            uint64_t v = mix64(sh ^ (0x9e3779b97f4a7c15ULL * (uint64_t)(2 * i + 1)));
            if (v < out->h[i]) out->h[i] = v;
        }
    }
}

double mh_jaccard(const mh_sig *a, const mh_sig *b)
{
    if (!a->n_shingles || !b->n_shingles) return 0;
    int same = 0;
    for (int i = 0; i < MH_HASHES; i++) same += a->h[i] == b->h[i];
    return (double)same / MH_HASHES;
}

uint64_t mh_band_key(const mh_sig *s, int b)
{
    const int rows = MH_HASHES / MH_BANDS;
    return hash64(s->h + b * rows, rows * sizeof s->h[0], (uint64_t)b + 1);
}
