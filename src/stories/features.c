/*
 * features.c - what an article is about, as features that cross outlets and languages: content
 * words (lower-cased, stopwords dropped, Snowball-stemmed per language), names (runs of
 * capitalised words and the nlp layer's entity names) keyed by feat_name_key so that Блинкен and
 * Blinken meet, numbers, days of months written in words, and shingles of the words inside
 * quotation marks (the same quotation run by several outlets is the strongest sign of one
 * happening that plain text gives, and it needs no publication date).
 *
 * The stopword lists are data/stopwords/<lang>.txt, compiled in (tools/embed_data.c) and read
 * into one hash set at feat_ctx_new. Chinese and Japanese text has no spaces: a run of their
 * characters gives its character bigrams as words, the names of data/names/<lang>.tsv found in
 * it (longest first) as the Latin names they stand for, and "1月26日" a day of a month.
 */
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nlp/lexicon.h"
#include "stories/cluster.h"

/* The stopword files compiled in (the embed tool's arrays, renamed by CMakeLists.txt). */
extern const lex_source stopwords_embedded[];
extern const size_t stopwords_embedded_count;
/* The name files compiled in (data/names/<lang>.tsv). */
extern const lex_source names_embedded[];
extern const size_t names_embedded_count;

#define MAX_WORD 64   /* bytes of a word kept; longer tokens are not words */
#define N_STEMMERS 12 /* languages with a Snowball stemmer we map */

/* Two-letter codes to Snowball algorithm names. */
static const char *const stem_langs[N_STEMMERS][2] = {
    {"en", "english"}, {"ru", "russian"}, {"de", "german"},     {"es", "spanish"},
    {"fr", "french"},  {"it", "italian"}, {"pt", "portuguese"}, {"nl", "dutch"},
    {"sv", "swedish"}, {"da", "danish"},  {"no", "norwegian"},  {"fi", "finnish"}};

/* One name of data/names/: its form's hash and its Latin forms (pointers into the embedded
 * file, which lives as long as the program). */
typedef struct xlit {
    uint64_t h;        /* hash64 of the form; 0 = empty slot */
    const char *latin; /* Latin forms, '|'-separated */
    size_t latin_len;
} xlit;

struct feat_ctx {
    uint64_t *stop;      /* open-addressing set of hash64(lang + '\t' + word); 0 = empty */
    size_t stop_cap;     /* slots (a power of two) */
    xlit *names;         /* open-addressing table of data/names/ forms */
    size_t names_cap;    /* slots (a power of two) */
    size_t names_max;    /* bytes of the longest form */
    struct sb_stemmer *stem[N_STEMMERS]; /* made on first use; NULL until then */
    int stem_failed[N_STEMMERS];         /* 1: the library has no such algorithm */
};

void feat_list_release(feat_list *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static uint64_t stop_hash(const char *lang, const char *w, size_t n)
{
    char key[MAX_WORD + 4];
    if (n > MAX_WORD) return 1;
    key[0] = lang[0];
    key[1] = lang[1];
    key[2] = '\t';
    memcpy(key + 3, w, n);
    uint64_t h = hash64(key, n + 3, 0x5707);
    return h ? h : 2;
}

static void stop_insert(feat_ctx *fx, uint64_t h)
{
    size_t mask = fx->stop_cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        if (fx->stop[i] == h) return;
        if (!fx->stop[i]) {
            fx->stop[i] = h;
            return;
        }
    }
}

int feat_is_stopword(const feat_ctx *fx, const char *lang, const char *w, size_t n)
{
    if (!lang || !lang[0] || !lang[1]) return 0;
    uint64_t h = stop_hash(lang, w, n);
    size_t mask = fx->stop_cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        if (fx->stop[i] == h) return 1;
        if (!fx->stop[i]) return 0;
    }
}

static uint64_t name_hash(const char *s, size_t n)
{
    uint64_t h = hash64(s, n, 0x6e616d65);
    return h ? h : 1;
}

/* Reads data/names/ into fx->names: "form<TAB>Latin|Latin" lines, '#' comments. A line without
 * a tab is skipped (the lexicon test checks the files). Returns 0, or -1 when out of memory. */
static int names_load(feat_ctx *fx)
{
    size_t lines = 0;
    for (size_t i = 0; i < names_embedded_count; i++)
        for (size_t k = 0; k < names_embedded[i].len; k++)
            lines += names_embedded[i].text[k] == '\n';
    fx->names_cap = 64;
    while (fx->names_cap < lines * 2) fx->names_cap *= 2;
    fx->names = calloc(fx->names_cap, sizeof *fx->names);
    if (!fx->names) return -1;
    for (size_t i = 0; i < names_embedded_count; i++) {
        const char *p = names_embedded[i].text, *end = p + names_embedded[i].len;
        while (p < end) {
            const char *eol = memchr(p, '\n', (size_t)(end - p));
            if (!eol) eol = end;
            const char *tab = memchr(p, '\t', (size_t)(eol - p));
            if (*p != '#' && tab && tab > p && tab + 1 < eol) {
                size_t n = (size_t)(tab - p), ll = (size_t)(eol - tab - 1);
                while (ll && (tab[ll] == '\r' || tab[ll] == ' ')) ll--;
                uint64_t h = name_hash(p, n);
                size_t j = (size_t)h & (fx->names_cap - 1);
                while (fx->names[j].h && fx->names[j].h != h) j = (j + 1) & (fx->names_cap - 1);
                fx->names[j] = (xlit){h, tab + 1, ll};
                if (n > fx->names_max) fx->names_max = n;
            }
            p = eol + 1;
        }
    }
    return 0;
}

/* The Latin forms of the name s[0..n), or NULL. */
static const xlit *name_find(const feat_ctx *fx, const char *s, size_t n)
{
    uint64_t h = name_hash(s, n);
    for (size_t j = (size_t)h & (fx->names_cap - 1); fx->names[j].h;
         j = (j + 1) & (fx->names_cap - 1))
        if (fx->names[j].h == h) return &fx->names[j];
    return NULL;
}

int feat_each_word(const lex_source *src, int (*fn)(void *user, const lex_source *src,
                                                   const char *w, size_t n),
                   void *user)
{
    const char *p = src->text, *end = src->text + src->len;
    int comment = 0;
    while (p < end) {
        if (*p == '\n') comment = 0;
        if (*p == '#') comment = 1;
        if (comment || *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            p++;
            continue;
        }
        const char *w = p;
        while (p < end && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') p++;
        int rc = fn(user, src, w, (size_t)(p - w));
        if (rc) return rc;
    }
    return 0;
}

static int add_stopword(void *user, const lex_source *src, const char *w, size_t n)
{
    stop_insert(user, stop_hash(src->name /* "en.txt" */, w, n));
    return 0;
}

feat_ctx *feat_ctx_new(void)
{
    feat_ctx *fx = calloc(1, sizeof *fx);
    if (!fx) return NULL;
    size_t words = 0;
    for (size_t i = 0; i < stopwords_embedded_count; i++) words += stopwords_embedded[i].len / 3;
    fx->stop_cap = 64;
    while (fx->stop_cap < words * 2) fx->stop_cap *= 2;
    fx->stop = calloc(fx->stop_cap, sizeof *fx->stop);
    if (!fx->stop) {
        free(fx);
        return NULL;
    }
    for (size_t i = 0; i < stopwords_embedded_count; i++)
        feat_each_word(&stopwords_embedded[i], add_stopword, fx);
    if (names_load(fx)) {
        feat_ctx_free(fx);
        return NULL;
    }
    return fx;
}

void feat_ctx_free(feat_ctx *fx)
{
    if (!fx) return;
    for (int i = 0; i < N_STEMMERS; i++)
        if (fx->stem[i]) sb_stemmer_delete(fx->stem[i]);
    free(fx->stop);
    free(fx->names);
    free(fx);
}

static struct sb_stemmer *stemmer_for(feat_ctx *fx, const char *lang)
{
    for (int i = 0; i < N_STEMMERS; i++) {
        if (strncmp(stem_langs[i][0], lang, 2) != 0) continue;
        if (!fx->stem[i] && !fx->stem_failed[i]) {
            fx->stem[i] = sb_stemmer_new(stem_langs[i][1], "UTF_8");
            fx->stem_failed[i] = fx->stem[i] == NULL;
        }
        return fx->stem[i];
    }
    return NULL;
}

/* ---- name keys ---- */

/* Latin for one lower-case Cyrillic or Greek code point ("" for signs), or NULL. */
static const char *translit(uint32_t cp)
{
    static const char *const cyr[] = {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
    static const char *const greek[] = {
        "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o",
        "p", "r", "s", "s", "t", "i", "f", "ch", "ps", "o"};
    if (cp >= 0x430 && cp <= 0x44f) return cyr[cp - 0x430];
    switch (cp) {
    case 0x451: return "e";  /* ё */
    case 0x454: return "ye"; /* є */
    case 0x456: return "i";  /* і */
    case 0x457: return "yi"; /* ї */
    case 0x491: return "g";  /* ґ */
    case 0x45e: return "u";  /* ў */
    default: break;
    }
    if (cp >= 0x3b1 && cp <= 0x3c9) return greek[cp - 0x3b1];
    return NULL;
}

/* Russian/Ukrainian case endings, longest first: a name inflects (Блинкена, Лавровым). */
static const char *const cyr_endings[] = {"ого", "его", "ому", "ему", "ами", "ями", "ыми", "ими",
                                          "ові", "еві", "ой", "ей", "ом", "ем", "ым", "им", "ую",
                                          "ах", "ях", "а", "я", "у", "ю", "е", "ы", "і", NULL};

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

size_t feat_name_key(const char *w, size_t n, char *out, size_t cap)
{
    if (cap < 2) return 0;
    out[0] = 0;
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, &folded,
                                      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                          UTF8PROC_CASEFOLD);
    if (m < 0 || !folded) return 0;
    /* code points of the folded word */
    uint32_t cps[MAX_WORD];
    size_t ncp = 0, cyrillic = 0;
    for (utf8proc_ssize_t i = 0; i < m && ncp < MAX_WORD;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(folded + i, m - i, &cp);
        if (k <= 0) break;
        i += k;
        cps[ncp++] = (uint32_t)cp;
        cyrillic += cp >= 0x400 && cp <= 0x4ff;
    }
    free(folded);
    /* an inflected Cyrillic name: drop one case ending, keeping at least four letters */
    if (cyrillic && ncp >= 5) {
        for (int e = 0; cyr_endings[e]; e++) {
            uint32_t ecp[3];
            size_t ne = 0;
            const char *p = cyr_endings[e];
            while (*p) {
                utf8proc_int32_t cp;
                p += utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
                ecp[ne++] = (uint32_t)cp;
            }
            if (ncp - ne < 4) continue;
            if (!memcmp(cps + ncp - ne, ecp, ne * sizeof *ecp)) {
                ncp -= ne;
                break;
            }
        }
    }
    /* to ASCII */
    char lat[MAX_WORD * 4 + 1];
    size_t nl = 0;
    for (size_t i = 0; i < ncp; i++) {
        uint32_t cp = cps[i];
        const char *t = NULL;
        char one[2] = {0, 0};
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            one[0] = (char)cp;
            t = one;
        } else if (cp == 0xdf) {
            t = "ss";
        } else {
            t = translit(cp);
        }
        if (!t) continue;
        size_t tl = strlen(t);
        if (nl + tl >= sizeof lat) break;
        memcpy(lat + nl, t, tl);
        nl += tl;
    }
    lat[nl] = 0;
    /* fold spelling variants: letters first, then pairs, so that every spelling of a sound
     * ends the same (Байден/Biden: ai -> i; Шольц/Scholz: sch -> sh, ts -> s; Києві/Kyiv:
     * y -> i, ie -> i; Штайнмайер/Steinmeier: sht -> st) */
    for (size_t i = 0; i < nl; i++) {
        char c = lat[i];
        if (c == 'y' || c == 'j') lat[i] = 'i';
        else if (c == 'w') lat[i] = 'v';
        else if (c == 'z') lat[i] = 's';
        else if (c == 'q') lat[i] = 'k';
    }
    size_t o = 0;
    for (size_t i = 0; i < nl; i++) {
        char c = lat[i], next = lat[i + 1];
        if (c == 's' && next == 'c' && lat[i + 2] == 'h') {
            c = 's'; /* sch -> sh: the 'h' follows */
            i++;
        } else if (c == 's' && next == 'h' && lat[i + 2] == 't') {
            i++; /* sht -> st: German St- as Russian writes it (Штайнмайер) */
        } else if (c == 'k' && next == 'h') {
            c = 'h';
            i++;
        } else if (c == 'p' && next == 'h') {
            c = 'f';
            i++;
        } else if (c == 'c' && next == 'k') {
            c = 'k';
            i++;
        } else if (c == 'c' && next != 'h') {
            c = 'k';
        } else if (c == 't' && next == 's') {
            c = 's';
            i++;
        } else if ((c == 'a' || c == 'e') && next == 'i') {
            c = 'i';
            i++;
        } else if (c == 'i' && next == 'e') {
            i++;
        }
        if (o > 0 && out[o - 1] == c) continue; /* doubled letters once */
        if (o + 2 >= cap) return 0;
        out[o++] = c;
    }
    while (o > 3 && is_vowel(out[o - 1])) o--;
    out[o] = 0;
    return o >= 2 ? o : 0;
}

/* ---- the word scanner ---- */

/* One word of the text. */
typedef struct word {
    const char *p;    /* its bytes */
    size_t n;
    char low[MAX_WORD * 2]; /* lower-cased, NUL-terminated */
    size_t nlow;
    int cap;          /* starts with an upper-case letter */
    int upper;        /* two or more letters, all upper case */
    int num;          /* starts with a digit */
    int sent_start;   /* first word of a sentence (or of the title) */
    int cjk;          /* a run of Han or kana characters (with the name dots between them) */
    int clitic;       /* a clitic followed it ('s, n't): a name ends there */
} word;

/* Han ideographs and kana: scripts written without spaces between words. */
static int is_cjk(uint32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x2FFFF);
}

static int is_word_cp(uint32_t cp)
{
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

/* Reads the next word at or after *pos; returns 0 at the end. Sets *sentence when a sentence
 * end (. ! ? or a line break) lies between the previous word and this one. */
static int next_word(const char *s, size_t len, size_t *pos, word *w, int *sentence)
{
    size_t i = *pos;
    while (i < len) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        if (k == 0) k = 1;
        if (is_word_cp(cp)) break;
        if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == ':' || cp == 0x2026)
            *sentence = 1;
        i += k;
    }
    if (i >= len) return 0;
    size_t start = i;
    int letters = 0, uppers = 0;
    w->nlow = 0;
    w->cap = w->upper = w->num = 0;
    {
        uint32_t cp0;
        utf8_decode(s + i, len - i, &cp0);
        w->cjk = is_cjk(cp0);
    }
    int first = 1;
    size_t stem_end = 0; /* where a clitic ('s, n't) starts, if one ends the word */
    while (i < len) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        if (k == 0) break;
        if (w->cjk && (cp == 0xB7 || cp == 0x30FB) && i + k < len) {
            /* the dot between a transliterated given name and surname (兰德·保罗) */
            uint32_t nx;
            utf8_decode(s + i + k, len - i - k, &nx);
            if (is_cjk(nx)) {
                i += k;
                continue;
            }
        }
        if (is_cjk(cp) != w->cjk) break; /* 2022年: the number and the character apart */
        if (!is_word_cp(cp)) {
            /* 6,000 and 1.5 stay one number; don't, it's stay one word */
            if ((cp == ',' || cp == '.') && w->num && i + 1 < len && s[i + 1] >= '0' &&
                s[i + 1] <= '9') {
                i += k;
                continue;
            }
            if ((cp == '\'' || cp == 0x2019) && i + k < len) {
                uint32_t nx;
                utf8_decode(s + i + k, len - i - k, &nx);
                if (is_word_cp(nx) && !w->num) {
                    /* English possessive 's and contractions: the word is the stem part
                     * (Blinken's is Blinken); any other letters after an apostrophe belong
                     * to the word (O'Brien, d'Estaing) */
                    size_t j = i + k, sl = 0;
                    char suf[4];
                    while (j < len) {
                        size_t k2 = utf8_decode(s + j, len - j, &nx);
                        if (k2 == 0 || !is_word_cp(nx)) break;
                        if (sl < sizeof suf - 1) suf[sl] = (char)(nx < 128 ? nx | 0x20 : 0);
                        sl++;
                        j += k2;
                    }
                    suf[sl < sizeof suf ? sl : sizeof suf - 1] = 0;
                    if (sl <= 2 && (!strcmp(suf, "s") || !strcmp(suf, "t") ||
                                    !strcmp(suf, "re") || !strcmp(suf, "ll") ||
                                    !strcmp(suf, "ve") || !strcmp(suf, "d") ||
                                    !strcmp(suf, "m"))) {
                        stem_end = i;
                        i = j;
                        break;
                    }
                    i += k;
                    continue;
                }
            }
            break;
        }
        utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
        if (first) {
            w->cap = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
            w->num = cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO;
            first = 0;
        }
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) letters++;
        if (cat == UTF8PROC_CATEGORY_LU) uppers++;
        uint32_t lc = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        char enc[4];
        size_t el = utf8_encode(lc, enc);
        if (w->nlow + el < sizeof w->low) {
            memcpy(w->low + w->nlow, enc, el);
            w->nlow += el;
        }
        i += k;
    }
    w->low[w->nlow] = 0;
    w->p = s + start;
    w->n = (stem_end ? stem_end : i) - start;
    w->clitic = stem_end != 0;
    w->upper = letters >= 2 && uppers == letters;
    w->sent_start = *sentence;
    *sentence = 0;
    *pos = i;
    return 1;
}

/* 1 + the index of the entry of names[0..count) ("a|b|c" alternatives) that holds the word
 * `low`, or 0. */
static int alt_index(const char *const *names, int count, const char *low)
{
    size_t n = strlen(low);
    for (int k = 0; k < count; k++) {
        const char *p = names[k];
        while (*p) {
            const char *bar = strchr(p, '|');
            size_t l = bar ? (size_t)(bar - p) : strlen(p);
            if (l == n && !memcmp(p, low, n)) return k + 1;
            p += l + (bar ? 1 : 0);
        }
    }
    return 0;
}

/* Month names (en, de, fr, es, ru genitive, uk genitive) to 1..12, for day-of-month features. */
static int month_of(const char *low)
{
    static const char *const names[] = {
        "january|jan|januar|janvier|enero|января|січня",
        "february|feb|februar|février|fevrier|febrero|февраля|лютого",
        "march|mar|märz|mars|marzo|марта|березня",
        "april|apr|avril|abril|апреля|квітня",
        "may|mai|mayo|мая|травня",
        "june|jun|juni|juin|junio|июня|червня",
        "july|jul|juli|juillet|julio|июля|липня",
        "august|aug|août|agosto|августа|серпня",
        "september|sep|sept|septembre|septiembre|сентября|вересня",
        "october|oct|oktober|octobre|octubre|октября|жовтня",
        "november|nov|novembre|noviembre|ноября|листопада",
        "december|dec|dezember|décembre|diciembre|декабря|грудня"};
    return strlen(low) < 3 ? 0 : alt_index(names, 12, low);
}

/* Weekday names (en, de, fr, es, ru and uk in the nominative and accusative) to 1..7, Monday
 * first, for the lead's weekday. */
static int weekday_of(const char *low)
{
    static const char *const names[] = {
        "monday|montag|lundi|lunes|понедельник|понеділок",
        "tuesday|dienstag|mardi|martes|вторник|вівторок",
        "wednesday|mittwoch|mercredi|miércoles|miercoles|среда|среду|середа|середу",
        "thursday|donnerstag|jeudi|jueves|четверг|четвер",
        "friday|freitag|vendredi|viernes|пятница|пятницу|п'ятниця|п'ятницю",
        "saturday|samstag|samedi|sábado|sabado|суббота|субботу|субота|суботу",
        "sunday|sonntag|dimanche|domingo|воскресенье|неділя|неділю"};
    return strlen(low) < 4 ? 0 : alt_index(names, 7, low);
}

static int day_of(const word *w)
{
    if (!w->num || w->nlow > 2) return 0;
    int d = 0;
    for (size_t i = 0; i < w->nlow; i++) {
        if (w->low[i] < '0' || w->low[i] > '9') return 0;
        d = d * 10 + (w->low[i] - '0');
    }
    return d >= 1 && d <= 31 ? d : 0;
}

/* Room for one more item in out. */
static dossier_status feat_room(feat_list *out)
{
    if (out->n < out->cap) return DOSSIER_OK;
    size_t cap = out->cap ? out->cap * 2 : 256;
    feat_item *v = realloc(out->v, cap * sizeof *v);
    if (!v) return DOSSIER_ERR_NOMEM;
    out->v = v;
    out->cap = cap;
    return DOSSIER_OK;
}

/* Appends one feature occurrence. */
static dossier_status push(arena *a, feat_list *out, int kind, const char *key, size_t n,
                           const char *surface, size_t sn, float count)
{
    if (feat_room(out)) return DOSSIER_ERR_NOMEM;
    char *k = arena_alloc(a, n + 2);
    char *s = arena_strndup(a, surface, sn);
    if (!k || !s) return DOSSIER_ERR_NOMEM;
    k[0] = (char)kind;
    memcpy(k + 1, key, n);
    k[n + 1] = 0;
    out->v[out->n].key = k;
    out->v[out->n].surface = s;
    out->v[out->n].count = count;
    out->v[out->n].hash = 0;
    out->n++;
    return DOSSIER_OK;
}

/* Appends one quotation shingle: no key text of its own, no surface, nothing in the arena. */
static dossier_status push_shingle(feat_list *out, uint64_t hash)
{
    if (feat_room(out)) return DOSSIER_ERR_NOMEM;
    out->v[out->n++] = (feat_item){"q", "", 1.0f, hash};
    return DOSSIER_OK;
}

/* The names gathered from a run of capitalised words. */
typedef struct name_run {
    char keys[8][MAX_WORD * 2]; /* keys of up to eight words */
    const char *at[8];          /* where each word starts */
    const char *end;            /* one past the run's last byte */
    size_t n;                   /* words in the run so far */
} name_run;

/* Emits the key of words [from, run.n) joined by '_'. */
static dossier_status emit_run(arena *a, feat_list *out, const name_run *r, size_t from,
                               float count)
{
    char joined[MAX_WORD * 6 + 4];
    size_t l = 0;
    for (size_t i = from; i < r->n; i++) {
        size_t kl = strlen(r->keys[i]);
        if (l + kl + 2 >= sizeof joined) return DOSSIER_OK;
        if (i > from) joined[l++] = '_';
        memcpy(joined + l, r->keys[i], kl);
        l += kl;
    }
    return push(a, out, FEAT_RUN, joined, l, r->at[from], (size_t)(r->end - r->at[from]), count);
}

/* A run of two or three names is a name ("Lisa Orrin"); the last two words of a longer run
 * are too, since titles come first ("Foreign Minister Tomas Vell"). */
static dossier_status flush_run(arena *a, feat_list *out, name_run *r, float count)
{
    dossier_status rc = DOSSIER_OK;
    if (r->n >= 2 && r->n <= 3) rc = emit_run(a, out, r, 0, count);
    if (!rc && r->n >= 3) rc = emit_run(a, out, r, r->n - 2, count);
    r->n = 0;
    return rc;
}

static dossier_status scan(feat_ctx *fx, arena *a, const char *s, size_t len, const char *lang,
                           float weight, int names_only, int lead, feat_list *out);

/* Guesses a language from the script when none is given: Cyrillic text is Russian, Han text
 * Chinese (a Latin letter counts a fifth of a character of either, being a fifth of a word). */
static const char *guess_lang(const char *s, size_t n)
{
    size_t cyr = 0, lat = 0, han = 0;
    for (size_t i = 0; i < n && i < 4000;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k) k = 1;
        if (cp >= 0x400 && cp <= 0x4ff) cyr++;
        else if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') lat++;
        else if (is_cjk(cp)) han += 5;
        i += k;
    }
    if (han > lat && han > cyr) return "zh";
    return cyr > lat ? "ru" : "en";
}

/* The features of a run of Han or kana characters r[0..n): the names of data/names/ in it
 * (longest first, as the name features of their Latin forms), and the bigrams of the
 * characters between them as words (a Chinese word is most often two characters). */
static dossier_status scan_cjk(feat_ctx *fx, arena *a, const char *r, size_t n, float weight,
                               int names_only, feat_list *out)
{
    dossier_status rc = DOSSIER_OK;
    size_t i = 0, prev = SIZE_MAX; /* prev: the character before i, unless a name ended there */
    while (i < n && !rc) {
        uint32_t cp;
        size_t k = utf8_decode(r + i, n - i, &cp);
        if (!k) k = 1;
        size_t best = 0;
        const xlit *hit = NULL;
        for (size_t j = i + k; j <= n && j - i <= fx->names_max;) { /* j: each char end */
            const xlit *x = j - i > k ? name_find(fx, r + i, j - i) : NULL;
            if (x) {
                hit = x;
                best = j - i;
            }
            if (j == n) break;
            size_t k2 = utf8_decode(r + j, n - j, &cp);
            j += k2 ? k2 : 1;
        }
        if (hit) {
            const char *p = hit->latin, *end = hit->latin + hit->latin_len;
            while (p < end && !rc) {
                const char *bar = memchr(p, '|', (size_t)(end - p));
                if (!bar) bar = end;
                rc = scan(fx, a, p, (size_t)(bar - p), "en", weight, 1, 0, out);
                p = bar + 1;
            }
            i += best;
            prev = SIZE_MAX;
            continue;
        }
        if (!names_only && prev != SIZE_MAX)
            rc = push(a, out, FEAT_WORD, r + prev, i + k - prev, r + prev, i + k - prev, weight);
        prev = i;
        i += k;
    }
    return rc;
}

#define LEAD_WORDS 60 /* words of a text's lead searched for the weekday of its happening */

static dossier_status scan_cjk(feat_ctx *fx, arena *a, const char *r, size_t n, float weight,
                               int names_only, feat_list *out);

/* Features of one piece of text (title, body or an entity name); `lead`: the text is a body,
 * whose lead may name the weekday of its happening (FEAT_WEEKDAY). */
static dossier_status scan(feat_ctx *fx, arena *a, const char *s, size_t len, const char *lang,
                           float weight, int names_only, int lead, feat_list *out)
{
    size_t nwords = 0;
    struct sb_stemmer *st = stemmer_for(fx, lang);
    size_t pos = 0;
    int sentence = 1;
    word w, prev;
    int have_prev = 0;
    name_run run = {.n = 0};
    dossier_status rc = DOSSIER_OK;
    int zh_month = 0;       /* a month just read as "N月" ... */
    size_t zh_month_at = 0; /* ... at this word */
    while (!rc && next_word(s, len, &pos, &w, &sentence)) {
        nwords++;
        if (w.cjk) {
            /* "1月26日": the month and the day are numbers before 月 and 日 (or 号) */
            int d = have_prev && prev.num && prev.nlow <= 2 ? atoi(prev.low) : 0;
            if (d && !strncmp(w.p, "月", 3) && d <= 12) {
                zh_month = d;
                zh_month_at = nwords;
            } else if (d && zh_month && zh_month_at + 2 == nwords && d <= 31 &&
                       (!strncmp(w.p, "日", 3) || !strncmp(w.p, "号", 3))) {
                char key[8];
                int kl = snprintf(key, sizeof key, "%02d-%02d", zh_month, d);
                if (!names_only) rc = push(a, out, FEAT_DATE, key, (size_t)kl, w.p, 3, weight);
            }
            if (!rc) rc = flush_run(a, out, &run, weight);
            if (!rc) rc = scan_cjk(fx, a, w.p, w.n, weight, names_only, out);
            prev = w;
            have_prev = 1;
            continue;
        }
        if (lead && nwords <= LEAD_WORDS) {
            int wd = weekday_of(w.low);
            if (wd) {
                char key[2] = {(char)('0' + wd), 0};
                rc = push(a, out, FEAT_WEEKDAY, key, 1, w.p, w.n, 1.0f);
            }
        }
        /* weekday names are stopwords (data/stopwords): they count as the lead's weekday
         * (above), never as words or names that would label a story "Tuesday" */
        int stop = feat_is_stopword(fx, lang, w.low, w.nlow);
        /* a name word: capitalised, not a stopword; at a sentence start only when names_only
         * (entity names) or when the next word is capitalised too (checked on the next word) */
        int name = (w.cap || w.upper) && !w.num && !stop && w.nlow >= 2 && !month_of(w.low);
        if (name && w.sent_start && !names_only) {
            size_t p2 = pos;
            int s2 = 0;
            word nx;
            name = next_word(s, len, &p2, &nx, &s2) && !s2 && nx.cap && !nx.num &&
                   !feat_is_stopword(fx, lang, nx.low, nx.nlow);
        }
        if (name) {
            char key[MAX_WORD * 2];
            size_t kl = 0;
            /* an exonym (Россия, Moskau, Genève) takes the English name's key */
            const xlit *ex = w.nlow <= fx->names_max ? name_find(fx, w.low, w.nlow) : NULL;
            if (ex) {
                const char *bar = memchr(ex->latin, '|', ex->latin_len);
                kl = feat_name_key(ex->latin, bar ? (size_t)(bar - ex->latin) : ex->latin_len, key,
                                   sizeof key);
            }
            if (!kl) kl = feat_name_key(w.p, w.n, key, sizeof key);
            if (kl) {
                if (w.sent_start || run.n == 8) rc = flush_run(a, out, &run, weight);
                if (!rc) rc = push(a, out, FEAT_NAME, key, kl, w.p, w.n, weight);
                if (!rc) {
                    run.at[run.n] = w.p;
                    memcpy(run.keys[run.n], key, kl + 1);
                    run.n++;
                    run.end = w.p + w.n;
                    if (w.clitic) rc = flush_run(a, out, &run, weight); /* Ukraine's NATO */
                }
            }
        } else if (!rc) {
            rc = flush_run(a, out, &run, weight);
        }
        if (rc || names_only) continue;
        if (w.num) {
            int d = day_of(&w), m = 0;
            if (d && have_prev) m = month_of(prev.low);
            if (!m && d && next_word(s, len, &(size_t){pos}, &prev, &(int){0}))
                m = month_of(prev.low);
            if (d && m) {
                char key[8];
                int kl = snprintf(key, sizeof key, "%02d-%02d", m, d);
                rc = push(a, out, FEAT_DATE, key, (size_t)kl, w.p, w.n, weight);
            } else {
                char digits[MAX_WORD];
                size_t dl = 0;
                for (size_t i = 0; i < w.nlow && dl + 1 < sizeof digits; i++)
                    if (w.low[i] >= '0' && w.low[i] <= '9') digits[dl++] = w.low[i];
                if (dl >= 2) rc = push(a, out, FEAT_NUM, digits, dl, w.p, w.n, weight);
            }
        } else if (!stop && w.nlow >= 2) {
            const char *stem = w.low;
            size_t sl = w.nlow;
            if (st) {
                const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)w.low, (int)w.nlow);
                if (r) {
                    stem = (const char *)r;
                    sl = (size_t)sb_stemmer_length(st);
                }
            } else {
                /* no stemmer for the language: the first six letters stand in for the stem */
                size_t cps = 0, i = 0;
                while (i < w.nlow && cps < 6) {
                    uint32_t cp;
                    size_t k = utf8_decode(w.low + i, w.nlow - i, &cp);
                    if (!k) break;
                    i += k;
                    cps++;
                }
                sl = i;
            }
            if (sl >= 2) rc = push(a, out, FEAT_WORD, stem, sl, w.low, w.nlow, weight);
        }
        prev = w;
        have_prev = 1;
    }
    if (!rc) rc = flush_run(a, out, &run, weight);
    return rc;
}

/* ---- quotation shingles ---- */

#define QUOTE_SHINGLE 5   /* words per shingle: four-word runs ("we are committed to") recur
                             across unrelated stories far more often than five-word ones */
#define QUOTE_MAX 4000    /* bytes of one quotation read; longer spans are unbalanced marks */

/* Whether the code point at s[i] opens (1) or closes (2) a quotation, or neither (0). Straight
 * double quotes toggle; single quotes are left out, since they double as apostrophes. */
static int quote_mark(uint32_t cp, int inside)
{
    switch (cp) {
    case '"': return inside ? 2 : 1;
    case 0x201C: return inside ? 2 : 1; /* “ opens in English, closes after German „ */
    case 0x201E: case 0x00AB: return 1; /* „ « */
    case 0x201D: case 0x00BB: return inside ? 2 : 0; /* ” » */
    default: return 0;
    }
}

/* Appends one shingle feature per QUOTE_SHINGLE consecutive words inside each quotation of
 * text[0..len). Words are lower-cased; the key is a hash, so a shingle costs a few bytes. */
static dossier_status scan_quotes(const char *s, size_t len, feat_list *out)
{
    size_t i = 0, open = 0;
    int inside = 0;
    dossier_status rc = DOSSIER_OK;
    while (i < len && !rc) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        if (k == 0) k = 1;
        int m = quote_mark(cp, inside);
        if (inside && (m == 2 || i - open > QUOTE_MAX || cp == '\n')) {
            /* a paragraph break ends a quotation too: the next paragraph reopens it */
            uint64_t h[QUOTE_SHINGLE];
            size_t nw = 0, pos = open;
            int sent = 0;
            word w;
            while (!rc && next_word(s, i, &pos, &w, &sent)) {
                h[nw % QUOTE_SHINGLE] = hash64(w.low, w.nlow, 0x9e37);
                if (++nw < QUOTE_SHINGLE) continue;
                uint64_t x = 0;
                for (size_t j = 0; j < QUOTE_SHINGLE; j++)
                    x = x * 0x100000001b3ULL ^ h[(nw + j) % QUOTE_SHINGLE];
                rc = push_shingle(out, x);
            }
            inside = 0;
        } else if (!inside && m == 1) {
            inside = 1;
            open = i + k;
        }
        i += k;
    }
    return rc;
}

dossier_status feat_extract(feat_ctx *fx, arena *a, const feat_input *in, feat_list *out)
{
    const char *lang = in->lang && strlen(in->lang) >= 2 ? in->lang
                                                         : guess_lang(in->text, in->text_len);
    dossier_status rc = DOSSIER_OK;
    if (in->title && in->title_len)
        rc = scan(fx, a, in->title, in->title_len, lang, 2.0f, 0, 0, out);
    if (!rc && in->text) rc = scan(fx, a, in->text, in->text_len, lang, 1.0f, 0, 1, out);
    if (!rc && in->text) rc = scan_quotes(in->text, in->text_len, out);
    for (size_t i = 0; !rc && i < in->n_entities; i++)
        if (in->entities[i])
            rc = scan(fx, a, in->entities[i], strlen(in->entities[i]), lang, 1.0f, 1, 0, out);
    return rc;
}
