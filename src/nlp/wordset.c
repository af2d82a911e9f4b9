/*
 * wordset.c - fixed sets of short words (function words, pronouns, name connectors) looked up in
 * O(1): an open-addressing table built on first use from a NULL-terminated list. The nlp and quote
 * stages ask "is this token one of these words?" for nearly every token, which a list scan made
 * the largest cost of annotation.
 */
#include <pthread.h>
#include <string.h>

#include "nlp/nlp_internal.h"

static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;

/* FNV-1a over the bytes, ASCII-lowered when the set folds case. */
static uint32_t word_hash(const char *p, size_t n, int fold)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (fold && c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        h = (h ^ c) * 16777619u;
    }
    return h;
}

static int word_eq(const char *a, size_t an, const char *b, size_t bn, int fold)
{
    if (an != bn) return 0;
    if (!fold) return memcmp(a, b, an) == 0;
    for (size_t i = 0; i < an; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
        if (x != y) return 0;
    }
    return 1;
}

/* The first byte of a word as the first-letter mask counts it (ASCII-lowered when folding). */
static uint32_t first_bit(unsigned char c, int fold)
{
    if (fold && c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    return 1u << (c & 31);
}

static void wordset_build(wordset *ws)
{
    memset(ws->slots, 0, sizeof ws->slots);
    ws->len_mask = ws->first_mask = 0;
    for (const char *const *w = ws->words; *w; w++) {
        size_t n = strlen(*w);
        ws->len_mask |= n < 32 ? 1u << n : 1u << 31;
        ws->first_mask |= n ? first_bit((unsigned char)(*w)[0], ws->fold) : 0;
        uint32_t i = word_hash(*w, n, ws->fold) & (WORDSET_SLOTS - 1);
        while (ws->slots[i]) {
            if (word_eq(ws->slots[i], strlen(ws->slots[i]), *w, n, ws->fold)) break;
            i = (i + 1) & (WORDSET_SLOTS - 1);
        }
        ws->slots[i] = *w;
    }
}

int wordset_has(wordset *ws, const char *p, size_t n)
{
    if (!__atomic_load_n(&ws->built, __ATOMIC_ACQUIRE)) {
        pthread_mutex_lock(&build_lock);
        if (!ws->built) {
            wordset_build(ws);
            __atomic_store_n(&ws->built, 1, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&build_lock);
    }
    if (n == 0 || n > 32) return 0;
    /* most words asked about are in no set: a word length or a first letter no word of the set
     * has answers without hashing */
    if (!(ws->len_mask & (n < 32 ? 1u << n : 1u << 31)) ||
        !(ws->first_mask & first_bit((unsigned char)p[0], ws->fold)))
        return 0;
    uint32_t i = word_hash(p, n, ws->fold) & (WORDSET_SLOTS - 1);
    while (ws->slots[i]) {
        const char *w = ws->slots[i];
        if (word_eq(w, strlen(w), p, n, ws->fold)) return 1;
        i = (i + 1) & (WORDSET_SLOTS - 1);
    }
    return 0;
}
