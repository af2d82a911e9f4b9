/*
 * cmp_wordkeys.c - folded content words for the comparison parts (see cmp_wordkeys.h): case folding
 * with utf8proc, a crude English suffix cut that only has to map the forms of one word to the
 * same key (not to a dictionary stem), and a small multilingual function-word list.
 */
#include "stories/cmp_wordkeys.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t cmp_fold_word(const char *p, size_t n, int stem, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(p + i, n - i, &cp);
        if (!k) {
            cp = 0xFFFD;
            k = 1;
        }
        i += k;
        if (cp == 0x2019 || cp == 0x2018) cp = '\'';
        char enc[4];
        size_t el = utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), enc);
        if (o + el > CMP_WORD_MAX) break;
        memcpy(out + o, enc, el);
        o += el;
    }
    if (o > 2 && out[o - 2] == '\'' && out[o - 1] == 's') o -= 2;
    if (stem && o > 4) {
        int ascii = 1;
        for (size_t i = 0; i < o; i++) ascii &= (unsigned char)out[i] < 128;
        if (ascii) {
            if (o > 5 && !memcmp(out + o - 3, "ing", 3))
                o -= 3;
            else if (o > 4 && !memcmp(out + o - 2, "ed", 2))
                o -= out[o - 3] == 'e' ? 1 : 2; /* "agreed" -> "agre", "agree" -> "agre" */
            else if (!memcmp(out + o - 3, "ies", 3))
                o -= 2;
            else if (out[o - 1] == 's' && out[o - 2] != 's' && out[o - 2] != 'u')
                o -= 1;
            if (o > 4 && out[o - 1] == 'e') o--; /* "agree"/"agre", "move"/"mov" */
        }
    }
    out[o] = '\0';
    return o;
}

/* Function words; kept sorted for bsearch. */
static const char *const STOP[] = {
    "'s",      "a",       "about",   "after",   "again",   "al",     "all",    "also",   "am",
    "an",      "and",     "any",     "are",     "as",      "at",     "auf",    "aus",    "be",
    "been",    "before",  "being",   "between", "both",    "but",    "by",     "can",    "could",
    "da",      "das",     "de",      "dem",     "den",     "der",    "des",    "did",    "die",
    "do",      "does",    "du",      "ein",     "eine",    "einem",  "einen",  "einer",  "el",
    "en",      "es",      "et",      "for",     "from",    "für",    "had",    "has",    "have",
    "he",      "her",     "here",    "him",     "his",     "how",    "i",      "im",     "in",
    "into",    "is",      "ist",     "it",      "its",     "just",   "la",     "las",    "le",
    "les",     "los",     "may",     "me",      "might",   "mit",    "more",   "most",   "mr",
    "ms",      "much",    "must",    "my",      "of",      "on",     "one",    "only",   "or",
    "other",   "our",     "out",     "over",    "par",    "para",   "por",    "pour",
    "que",     "qui",     "said",    "say",     "says",    "se",     "she",    "should", "since",
    "sind",    "so",      "some",    "such",    "than",    "that",   "the",    "their",  "them",
    "then",    "there",   "these",   "they",    "this",    "those",  "through", "to",    "told",
    "un",      "una",     "und",     "une",     "until",   "up",     "very",   "von",    "was",
    "we",      "were",    "what",    "when",    "where",   "which",  "while",  "who",    "whom",
    "why",     "will",    "with",    "would",   "y",       "you",    "your",   "zu",     "в",
    "и",       "к",       "на",      "по",      "с",       "что",
};
#define NSTOP (sizeof STOP / sizeof STOP[0])

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int cmp_is_stopword(const char *folded, size_t n)
{
    char buf[CMP_WORD_MAX + 1];
    if (n > CMP_WORD_MAX) return 0;
    memcpy(buf, folded, n);
    buf[n] = '\0';
    const char *key = buf;
    return bsearch(&key, STOP, NSTOP, sizeof STOP[0], cmp_cstr) != NULL;
}

size_t cmp_token_at(const nlp_doc *d, size_t at)
{
    size_t lo = 0, hi = d->n_tokens;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tokens[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

size_t cmp_content_hashes(arena *a, const nlp_doc *d, span at, uint64_t **out)
{
    *out = NULL;
    size_t t0 = cmp_token_at(d, at.start), n = 0;
    for (size_t t = t0; t < d->n_tokens && d->tokens[t].end <= at.end; t++) n++;
    if (!n) return 0;
    uint64_t *h = arena_alloc(a, n * sizeof *h);
    if (!h) return 0;
    size_t k = 0;
    for (size_t t = t0; t < t0 + n; t++) {
        const token *tk = &d->tokens[t];
        if (!(tk->flags & TOK_WORD) || (tk->flags & TOK_NUM)) continue;
        char w[CMP_WORD_MAX + 1];
        size_t wl = cmp_fold_word(d->text + tk->start, tk->end - tk->start, 0, w);
        if (wl < 3 || cmp_is_stopword(w, wl)) continue;
        wl = cmp_fold_word(d->text + tk->start, tk->end - tk->start, 1, w);
        h[k++] = hash64(w, wl, 0x5eed);
    }
    if (!k) return 0;
    qsort(h, k, sizeof *h, cmp_u64);
    size_t u = 1;
    for (size_t i = 1; i < k; i++)
        if (h[i] != h[u - 1]) h[u++] = h[i];
    *out = h;
    return u;
}

size_t cmp_shared(const uint64_t *x, size_t nx, const uint64_t *y, size_t ny)
{
    size_t i = 0, j = 0, s = 0;
    while (i < nx && j < ny) {
        if (x[i] < y[j])
            i++;
        else if (x[i] > y[j])
            j++;
        else
            s++, i++, j++;
    }
    return s;
}
