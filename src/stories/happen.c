/*
 * happen.c - the happenings a sentence names (a meeting, a call, a visit, a signing, a vote of
 * named parties) with their day, so that an undated article can be dated by the story around it:
 * a lead on "today's talks of Vell and Orrin in Kalvik" is dated by another outlet's "Vell met
 * Orrin last week", and the same people a week apart make another story (cluster.c). The kind
 * words are data/happenings/, compiled in; dates are nlp/when.c's.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nlp/when.h"
#include "stories/cluster.h"

/* The kind-word files compiled in (data/happenings/, one kind per line). */
extern const lex_source happenings_embedded[];
extern const size_t happenings_embedded_count;

#define HX_WORD 48       /* bytes of a word looked up */
#define LEAD_SENTENCES 3 /* sentences of an undated text searched (a subtitle may come first) */
#define MAX_ENT_KEYS 128 /* entity keys per article */
#define MAX_HITS 8       /* date expressions read per sentence */
#define SENTENCE_MAX 2000 /* bytes of a sentence read for dates (longer: not a sentence) */

/* Two stand-in publication days for an undated lead, a Wednesday and a Saturday: a date word that
 * resolves to the same offset from both ("today", "yesterday", "heute") does not depend on the
 * weekday, which an undated article cannot tell ("on Tuesday"). */
#define STANDIN_A "2001-01-10"
#define STANDIN_B "2001-01-13"

struct happen_lex {
    uint64_t *h;  /* open-addressing set of hash64(form); 0 = empty */
    uint8_t *k;   /* per slot: the kind (1-based) */
    size_t cap;   /* slots (a power of two) */
    uint64_t first_mask; /* bit (first byte & 63) of every form: most words are rejected by it */
    uint32_t len_mask;   /* bit n of every form's length n (< 32) */
    uint8_t kind; /* while loading: the current kind */
    int full;     /* while loading: the table ran out of room */
};

static uint64_t form_hash(const char *w, size_t n)
{
    uint64_t h = hash64(w, n, 0x4a99);
    return h ? h : 1;
}

static int add_form(void *user, const lex_source *src, const char *w, size_t n)
{
    (void)src;
    happen_lex *hx = user;
    if (n && w[n - 1] == ':') { /* "meet:" starts a kind */
        if (hx->kind < 255) hx->kind++;
        return 0;
    }
    if (!hx->kind || n > HX_WORD) return 0;
    uint64_t h = form_hash(w, n);
    hx->first_mask |= 1ULL << ((unsigned char)w[0] & 63);
    hx->len_mask |= n < 32 ? 1u << n : 1u << 31;
    size_t j = (size_t)h & (hx->cap - 1), probes = 0;
    while (hx->h[j] && hx->h[j] != h) {
        j = (j + 1) & (hx->cap - 1);
        if (++probes == hx->cap) {
            hx->full = 1;
            return 1;
        }
    }
    hx->h[j] = h;
    hx->k[j] = hx->kind;
    return 0;
}

happen_lex *happen_lex_new(void)
{
    happen_lex *hx = calloc(1, sizeof *hx);
    if (!hx) return NULL;
    hx->cap = 1024; /* a few hundred forms at most: the set stays under half full */
    hx->h = calloc(hx->cap, sizeof *hx->h);
    hx->k = calloc(hx->cap, sizeof *hx->k);
    if (!hx->h || !hx->k) {
        happen_lex_free(hx);
        return NULL;
    }
    for (size_t i = 0; i < happenings_embedded_count && !hx->full; i++)
        feat_each_word(&happenings_embedded[i], add_form, hx);
    return hx;
}

void happen_lex_free(happen_lex *hx)
{
    if (!hx) return;
    free(hx->h);
    free(hx->k);
    free(hx);
}

static int kind_of(const happen_lex *hx, const char *low, size_t n)
{
    if (!n || !(hx->first_mask >> ((unsigned char)low[0] & 63) & 1) ||
        !(hx->len_mask & (n < 32 ? 1u << n : 1u << 31)))
        return 0;
    uint64_t h = form_hash(low, n);
    size_t j = (size_t)h & (hx->cap - 1);
    while (hx->h[j]) {
        if (hx->h[j] == h) return hx->k[j];
        j = (j + 1) & (hx->cap - 1);
    }
    return 0;
}

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The key hash of a name word w[0..n) (feat_name_key), or 0. */
static uint32_t name_hash(const char *w, size_t n)
{
    char key[HX_WORD * 2];
    size_t kl = feat_name_key(w, n, key, sizeof key);
    if (kl < 3) return 0;
    uint32_t h = (uint32_t)hash64(key, kl, 0x6e61);
    return h ? h : 1;
}

/* One word of a sentence. */
typedef struct hword {
    size_t at, end;    /* bytes of the text */
    char low[HX_WORD]; /* lower-cased, an English possessive dropped; "" when too long */
    size_t nlow;
    int cap;           /* starts with an upper-case letter */
} hword;

/* Reads the word at or after *pos in s[0..end); returns 0 at the end. */
static int next_hword(const char *s, size_t end, size_t *pos, hword *w)
{
    size_t i = *pos;
    uint32_t cp = 0;
    while (i < end) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* ASCII: letters and digits start a word */
            if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') break;
            if (b >= '0' && b <= '9') break;
            i++;
            continue;
        }
        size_t k = utf8_decode(s + i, end - i, &cp);
        if (!k) k = 1;
        utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
        if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO) break;
        i += k;
    }
    if (i >= end) return 0;
    w->at = i;
    w->nlow = 0;
    w->cap = 0;
    int first = 1, toolong = 0;
    size_t apos = 0;
    while (i < end) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80 && b != '\'') { /* ASCII fast path */
            int letter = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
            if (!letter && !(b >= '0' && b <= '9')) break;
            if (first) w->cap = b >= 'A' && b <= 'Z';
            first = 0;
            if (w->nlow + 1 < sizeof w->low) w->low[w->nlow++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            else toolong = 1;
            i++;
            continue;
        }
        size_t k = utf8_decode(s + i, end - i, &cp);
        if (!k) break;
        utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
        if (!(c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO)) {
            /* an apostrophe inside a word: O'Brien, Blinken's */
            uint32_t nx = 0;
            utf8proc_category_t nc = UTF8PROC_CATEGORY_CN;
            if ((cp == '\'' || cp == 0x2019) && i + k < end &&
                utf8_decode(s + i + k, end - i - k, &nx))
                nc = utf8proc_category((utf8proc_int32_t)nx);
            /* a lower-case letter after it continues the word */
            if (nc >= UTF8PROC_CATEGORY_LL && nc <= UTF8PROC_CATEGORY_LO) {
                apos = w->nlow;
                cp = '\'';
            } else {
                break;
            }
        }
        if (first) w->cap = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
        first = 0;
        char enc[4];
        size_t el = utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), enc);
        if (w->nlow + el < sizeof w->low) {
            memcpy(w->low + w->nlow, enc, el);
            w->nlow += el;
        } else {
            toolong = 1;
        }
        i += k;
    }
    if (toolong) w->nlow = 0;
    if (apos && w->nlow == apos + 2 && w->low[apos + 1] == 's') w->nlow = apos;
    w->low[w->nlow] = 0;
    w->end = i;
    *pos = i;
    return 1;
}

/* The end of the sentence starting at i: a line break, or . ! ? before a space and an upper-case
 * letter, a digit or a quotation mark, unless the word before is an initial or an abbreviation
 * ("U.S.", "Sen."). */
static size_t sentence_end(const char *s, size_t len, size_t i)
{
    size_t word_start = i;
    while (i < len) {
        char ch = s[i];
        if (ch == '\n') return i;
        if (ch == ' ') word_start = i + 1;
        if ((ch == '.' || ch == '!' || ch == '?') && i + 2 < len && s[i + 1] == ' ') {
            unsigned char nx = (unsigned char)s[i + 2];
            int opener = (nx >= 'A' && nx <= 'Z') || (nx >= '0' && nx <= '9') || nx == '"' ||
                         nx >= 0xc0;
            size_t wl = i - word_start;
            int abbrev = ch == '.' && wl <= 3 && s[word_start] >= 'A' && s[word_start] <= 'Z';
            if (ch == '.' && memchr(s + word_start, '.', wl)) abbrev = 1; /* "U.S." */
            if (opener && !abbrev) return i + 1;
        }
        i++;
    }
    return len;
}

/* The entity keys of an article: each canonical name's last word, sorted. */
static size_t entity_keys(const char *const *entities, size_t n, uint32_t *out)
{
    size_t nk = 0;
    for (size_t i = 0; i < n && nk < MAX_ENT_KEYS; i++) {
        const char *e = entities[i];
        if (!e) continue;
        size_t len = strlen(e), b = len;
        while (b > 0 && e[b - 1] != ' ') b--;
        uint32_t h = name_hash(e + b, len - b);
        if (h) out[nk++] = h;
    }
    qsort(out, nk, sizeof *out, by_u32);
    size_t u = 0;
    for (size_t i = 0; i < nk; i++)
        if (!u || out[u - 1] != out[i]) out[u++] = out[i];
    return u;
}

/* The day of the date hit nearest to the kind word [kat, kend) (day or week precision), or 0 with
 * *ok unset. */
static long nearest_day(const when_hit *h, size_t nh, size_t kat, size_t kend, int *ok,
                        size_t *which)
{
    size_t best = SIZE_MAX, dist_best = SIZE_MAX;
    for (size_t i = 0; i < nh; i++) {
        if (h[i].prec < WHEN_WEEK) continue;
        size_t d = h[i].at.end <= kat ? kat - h[i].at.end
                   : h[i].at.start >= kend ? h[i].at.start - kend : 0;
        if (d < dist_best) {
            dist_best = d;
            best = i;
        }
    }
    *ok = best != SIZE_MAX;
    if (!*ok) return 0;
    *which = best;
    return when_days(h[best].year, h[best].month, h[best].day);
}

size_t happen_find(const happen_lex *hx, const char *text, size_t len, const char *lang,
                   const char *published, const char *const *entities, size_t n_entities,
                   happen *out, size_t max)
{
    if (!hx || !text || !len || !max) return 0;
    int y, m, d;
    int dated = published && when_parse_iso(published, &y, &m, &d);
    uint32_t keys[MAX_ENT_KEYS];
    size_t nk = entity_keys(entities, n_entities, keys);
    if (nk < 2) return 0;
    size_t nout = 0, sentences = 0;
    for (size_t i = 0; i < len && nout < max;) {
        while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r'))
            i++;
        if (i >= len) break;
        size_t e = sentence_end(text, len, i);
        if (!dated && ++sentences > LEAD_SENTENCES) break;
        happen hp;
        memset(&hp, 0, sizeof hp);
        size_t kat = 0, kend = 0;
        hword w;
        /* the kind word first: most sentences have none, and their names need no keys */
        for (size_t pos = i; !hp.kind && next_hword(text, e, &pos, &w);) {
            int k = w.nlow ? kind_of(hx, w.low, w.nlow) : 0;
            if (k) {
                hp.kind = (uint8_t)k;
                kat = w.at;
                kend = w.end;
            }
        }
        for (size_t pos = i; hp.kind && next_hword(text, e, &pos, &w);) {
            if (!w.nlow || !w.cap || hp.n_names == HAPPEN_NAMES) continue;
            uint32_t h = name_hash(text + w.at, w.end - w.at);
            if (!h || !bsearch(&h, keys, nk, sizeof *keys, by_u32)) continue;
            int seen = 0;
            for (size_t k = 0; k < hp.n_names; k++) seen |= hp.names[k] == h;
            if (!seen) hp.names[hp.n_names++] = h;
        }
        if (hp.kind && hp.n_names >= 2 && e - i <= SENTENCE_MAX) {
            when_hit ha[MAX_HITS], hb[MAX_HITS];
            const char *s = text + i;
            size_t n = e - i, which = 0;
            int ok = 0;
            if (dated) {
                size_t nh = when_find(s, n, lang, published, ha, MAX_HITS);
                hp.day = (int32_t)nearest_day(ha, nh, kat - i, kend - i, &ok, &which);
            } else {
                size_t na = when_find(s, n, lang, STANDIN_A, ha, MAX_HITS);
                size_t nb = when_find(s, n, lang, STANDIN_B, hb, MAX_HITS);
                long da = nearest_day(ha, na, kat - i, kend - i, &ok, &which);
                if (ok && na == nb && ha[which].prec == WHEN_DAY && hb[which].prec == WHEN_DAY) {
                    long off_a = da - when_days(2001, 1, 10);
                    long off_b = when_days(hb[which].year, hb[which].month, hb[which].day) -
                                 when_days(2001, 1, 13);
                    ok = off_a == off_b && off_a >= -1 && off_a <= 1;
                    hp.day = (int32_t)off_a;
                    hp.lead = 1;
                } else {
                    ok = 0;
                }
            }
            if (ok) {
                qsort(hp.names, hp.n_names, sizeof hp.names[0], by_u32);
                out[nout++] = hp;
            }
        }
        i = e;
    }
    return nout;
}
