/*
 * lexicon.c - parses the data files compiled in from data/ (see lexicon.h and each file's header
 * comment for its columns) into three open-addressing hash tables: aliases keyed by their
 * case-folded form, cue forms likewise, abbreviations byte for byte. Built once under
 * pthread_once; afterwards read-only, so lookups need no lock and allocate nothing.
 * A malformed data line fails the whole build with "file:line: reason" (lexicon_error).
 */
#include "nlp/lexicon.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* No alias, cue or abbreviation is longer than this once folded; longer inputs match nothing. */
#define LEX_KEY_MAX 256
/* Columns of the widest file (people.tsv). */
#define LEX_MAX_FIELDS 8

/* One key of a hash table and the run of values filed under it. */
typedef struct lex_slot {
    uint64_t hash;   /* hash64 of the key; 0 with key == NULL marks an empty slot */
    const char *key; /* the folded key (arena) */
    uint32_t klen;   /* its byte length */
    uint32_t first;  /* index of its first value in the table's vals */
    uint32_t count;  /* how many values */
} lex_slot;

/* An open-addressing table (linear probing, power-of-two size, at most half full). */
typedef struct lex_table {
    lex_slot *slots;   /* mask + 1 slots (arena) */
    size_t mask;       /* slot count - 1 */
    const void **vals; /* values grouped by key (arena) */
} lex_table;

/* An abbreviation and whether it may end a sentence. */
typedef struct lex_abbr {
    const char *form; /* as written, final '.' included */
    int kind;         /* LEX_ABBR_INNER or LEX_ABBR_ANY */
} lex_abbr;

/* A (key, value) pair collected while parsing, before the table is built. */
typedef struct lex_pair {
    const char *key; /* folded key (arena) */
    uint32_t klen;   /* its length */
    const void *val; /* lex_entry, lex_cue or lex_abbr */
} lex_pair;

/* A growable array of pairs (malloc; freed when the build ends). */
typedef struct pairvec {
    lex_pair *v; /* the pairs */
    size_t n;    /* in use */
    size_t cap;  /* allocated */
} pairvec;

/* The data files this loader knows, in the order of lexicon.lines. */
static const char *const source_names[] = {"countries.tsv",     "orgs.tsv",       "titles.tsv",
                                           "people.tsv",        "roles.tsv",      "cues.tsv",
                                           "abbreviations.txt", "first_names.tsv"};
#define LEX_NSOURCES (sizeof source_names / sizeof source_names[0])

#define START_BITS 65536 /* bits of the first-word filter: 8 KB, under 1% false hits */

struct lexicon {
    arena *mem;                 /* owns every string, entry, slot and value array */
    lex_table aliases;          /* folded alias -> lex_entry */
    lex_table prefixes; /* word prefixes of multi-word aliases ("secretary of"), folded */
    lex_table cues;             /* folded cue form -> lex_cue */
    lex_table cue_firsts;       /* folded first words of multi-word cue forms */
    uint64_t starts[START_BITS / 64]; /* Bloom filter of the aliases' first words (ASCII) */
    lex_table abbrevs;          /* abbreviation bytes -> lex_abbr */
    lex_table first_names;      /* folded given name -> its gender ('m' or 'f', as an int) */
    const lex_entry **people;   /* one entry per term of office (the canonical-name alias) */
    size_t npeople;             /* how many */
    size_t people_cap;          /* allocated (build time) */
    size_t ncues;               /* cue forms */
    int max_words;              /* longest alias in words */
    int cue_max_words;          /* longest cue form in words */
    size_t lines[LEX_NSOURCES]; /* data lines per source */
};

/* ---- folding ---- */

/*
 * Folds s[0..n) into out: Unicode case folding (utf8proc), ’ ‘ ʼ as ', Unicode hyphens as '-',
 * runs of spaces (NBSP included) as one space, none at either end. Returns the length, or -1
 * for invalid UTF-8 or a result longer than cap.
 */
static long fold_key(const char *s, size_t n, char *out, size_t cap)
{
    /* Fast path: ASCII words joined by single spaces (most lookups), lowered in one pass. */
    if (n <= cap && n && s[0] != ' ' && s[n - 1] != ' ') {
        size_t k = 0;
        for (; k < n; k++) {
            unsigned char c = (unsigned char)s[k];
            if (c >= 0x80 || c < ' ' || (c == ' ' && s[k - 1] == ' ')) break;
            out[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (k == n) return (long)n;
    }
    size_t o = 0, i = 0;
    int space = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        if (c < 0x80) {
            cp = c;
            i++;
        } else {
            size_t k = utf8_decode(s + i, n - i, &cp);
            if (k == 0) return -1;
            i += k;
        }
        if (utf8_is_space(cp)) {
            space = 1;
            continue;
        }
        if (space && o > 0) {
            if (o + 1 > cap) return -1;
            out[o++] = ' ';
        }
        space = 0;
        if (cp < 0x80) {
            if (o + 1 > cap) return -1;
            out[o++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            continue;
        }
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) cp = '\'';
        if (cp == 0x2010 || cp == 0x2011) cp = '-';
        utf8proc_int32_t buf[8];
        utf8proc_ssize_t m = 1;
        buf[0] = (utf8proc_int32_t)cp;
        if (cp >= 0x80) {
            int boundclass = 0;
            m = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 8, UTF8PROC_CASEFOLD,
                                        &boundclass);
            if (m < 1 || m > 8) return -1;
        }
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            char enc[4];
            size_t len = utf8_encode((uint32_t)buf[j], enc);
            if (o + len > cap) return -1;
            memcpy(out + o, enc, len);
            o += len;
        }
    }
    return (long)o;
}

/* ---- hash tables ---- */

static int pair_cmp(const void *a, const void *b)
{
    const lex_pair *x = a, *y = b;
    if (x->klen != y->klen) return x->klen < y->klen ? -1 : 1;
    return memcmp(x->key, y->key, x->klen);
}

static dossier_status pairvec_push(pairvec *pv, const char *key, size_t klen, const void *val)
{
    if (pv->n == pv->cap) {
        size_t cap = pv->cap ? pv->cap * 2 : 1024;
        lex_pair *v = realloc(pv->v, cap * sizeof *v);
        if (!v) return DOSSIER_ERR_NOMEM;
        pv->v = v;
        pv->cap = cap;
    }
    pv->v[pv->n].key = key;
    pv->v[pv->n].klen = (uint32_t)klen;
    pv->v[pv->n].val = val;
    pv->n++;
    return DOSSIER_OK;
}

/* Finds the slot of key, or NULL. */
static const lex_slot *table_find(const lex_table *t, const char *key, size_t klen)
{
    if (!t->slots) return NULL;
    uint64_t h = hash64(key, klen, 0);
    for (size_t i = (size_t)h & t->mask;; i = (i + 1) & t->mask) {
        const lex_slot *sl = &t->slots[i];
        if (!sl->key) return NULL;
        if (sl->hash == h && sl->klen == klen && memcmp(sl->key, key, klen) == 0) return sl;
    }
}

/* Sorts the pairs by key and files each run under one slot. */
static dossier_status table_build(lex_table *t, arena *mem, pairvec *pv)
{
    if (pv->n) qsort(pv->v, pv->n, sizeof *pv->v, pair_cmp);
    size_t groups = 0;
    for (size_t i = 0; i < pv->n; i++)
        if (i == 0 || pair_cmp(&pv->v[i - 1], &pv->v[i]) != 0) groups++;
    size_t nslots = 16;
    while (nslots < groups * 2) nslots *= 2;
    t->slots = arena_calloc(mem, nslots, sizeof *t->slots);
    t->vals = arena_calloc(mem, pv->n ? pv->n : 1, sizeof *t->vals);
    if (!t->slots || !t->vals) return DOSSIER_ERR_NOMEM;
    t->mask = nslots - 1;
    for (size_t i = 0; i < pv->n;) {
        size_t j = i;
        while (j < pv->n && pair_cmp(&pv->v[i], &pv->v[j]) == 0) {
            t->vals[j] = pv->v[j].val;
            j++;
        }
        uint64_t h = hash64(pv->v[i].key, pv->v[i].klen, 0);
        size_t s = (size_t)h & t->mask;
        while (t->slots[s].key) s = (s + 1) & t->mask;
        t->slots[s].hash = h;
        t->slots[s].key = pv->v[i].key;
        t->slots[s].klen = pv->v[i].klen;
        t->slots[s].first = (uint32_t)i;
        t->slots[s].count = (uint32_t)(j - i);
        i = j;
    }
    return DOSSIER_OK;
}

/* ---- parsing ---- */

/* The state of one build. */
typedef struct builder {
    lexicon *lx;        /* what is being built */
    errbuf *err;        /* where the first error goes */
    const char *source; /* current file name */
    size_t line;        /* current line number (1-based) */
    pairvec aliases;    /* alias pairs */
    pairvec prefixes;   /* word-prefix pairs of multi-word aliases */
    pairvec cues;       /* cue pairs */
    pairvec cue_firsts; /* first words of multi-word cue forms */
    pairvec abbrevs;    /* abbreviation pairs */
    pairvec first_names; /* given-name pairs */
} builder;

static dossier_status bad_line(builder *b, const char *why)
{
    return err_set(b->err, DOSSIER_ERR_FORMAT, "%s:%zu: %s", b->source, b->line, why);
}

/* A NUL-terminated copy of a field, or NULL for an empty field. */
static const char *field_str(builder *b, slice f)
{
    if (f.len == 0) return NULL;
    return arena_strndup(b->lx->mem, f.ptr, f.len);
}

/* No space at either end, no tab, no control byte. */
static int clean_text(slice f)
{
    if (f.len == 0) return 0;
    if (f.ptr[0] == ' ' || f.ptr[f.len - 1] == ' ') return 0;
    for (size_t i = 0; i < f.len; i++)
        if ((unsigned char)f.ptr[i] < 0x20) return 0;
    return 1;
}

/* Two spaces in a row. */
static int has_double_space(slice f)
{
    for (size_t i = 1; i < f.len; i++)
        if (f.ptr[i] == ' ' && f.ptr[i - 1] == ' ') return 1;
    return 0;
}

/* An actor code or organisation key: 2 to 15 upper-case ASCII letters or digits ("G20"),
 * starting with a letter. */
static int valid_code(slice f)
{
    if (f.len < 2 || f.len > 15 || f.ptr[0] < 'A' || f.ptr[0] > 'Z') return 0;
    for (size_t i = 0; i < f.len; i++)
        if (!((f.ptr[i] >= 'A' && f.ptr[i] <= 'Z') || (f.ptr[i] >= '0' && f.ptr[i] <= '9')))
            return 0;
    return 1;
}

/* An office key: lower-case ASCII letters and '_'. */
static int valid_key(slice f)
{
    if (f.len == 0) return 0;
    for (size_t i = 0; i < f.len; i++)
        if (!((f.ptr[i] >= 'a' && f.ptr[i] <= 'z') || f.ptr[i] == '_')) return 0;
    return 1;
}

/* YYYY-MM-DD, or YYYY-MM / YYYY where the day is not sure, with a plausible month and day. */
static int valid_date(slice f)
{
    if (f.len != 4 && f.len != 7 && f.len != 10) return 0;
    for (size_t i = 0; i < f.len; i++) {
        int dash = i == 4 || i == 7;
        if (dash ? f.ptr[i] != '-' : (f.ptr[i] < '0' || f.ptr[i] > '9')) return 0;
    }
    int month = f.len >= 7 ? (f.ptr[5] - '0') * 10 + (f.ptr[6] - '0') : 1;
    int day = f.len == 10 ? (f.ptr[8] - '0') * 10 + (f.ptr[9] - '0') : 1;
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* Compares two ISO dates on their common prefix, so a partial date covers its month or year. */
static int date_cmp(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    return strncmp(a, b, n < m ? n : m);
}

static int count_words(const char *s, size_t n)
{
    int w = 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ') w++;
    return w;
}

/* Folds f into an arena copy; *klen gets its length. NULL (with the error set) on failure. */
static const char *folded_copy(builder *b, slice f, size_t *klen)
{
    char buf[LEX_KEY_MAX];
    long n = fold_key(f.ptr, f.len, buf, sizeof buf);
    if (n <= 0) {
        bad_line(b, "alias is empty, too long or not UTF-8");
        return NULL;
    }
    char *key = arena_strndup(b->lx->mem, buf, (size_t)n);
    if (!key) err_set(b->err, DOSSIER_ERR_NOMEM, "out of memory");
    *klen = (size_t)n;
    return key;
}

/*
 * Files one alias of an entry: `tmpl` gives every field but alias and flags. A leading '='
 * makes the alias LEX_EXACT, a leading '~' LEX_METONYM (in either order). Returns the new
 * entry, or NULL with the error set.
 */
/* The filter's hash of word s[0..n) lowered (ASCII), or 0 when a byte is not ASCII (such words
 * always pass the filter). */
static uint64_t start_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) return 0;
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        h = (h ^ c) * 1099511628211ULL;
    }
    return h | 1;
}

static void start_add(lexicon *lx, const char *key, size_t klen)
{
    const char *sp = memchr(key, ' ', klen);
    uint64_t h = start_hash(key, sp ? (size_t)(sp - key) : klen);
    if (!h) return;
    uint32_t a = (uint32_t)h & (START_BITS - 1), z = (uint32_t)(h >> 32) & (START_BITS - 1);
    lx->starts[a / 64] |= 1ULL << (a % 64);
    lx->starts[z / 64] |= 1ULL << (z % 64);
}

int lexicon_may_start(const lexicon *lx, const char *s, size_t n)
{
    if (!lx || !s) return 0;
    uint64_t h = start_hash(s, n);
    if (!h) return 1;
    uint32_t a = (uint32_t)h & (START_BITS - 1), z = (uint32_t)(h >> 32) & (START_BITS - 1);
    return (lx->starts[a / 64] >> (a % 64) & 1) && (lx->starts[z / 64] >> (z % 64) & 1);
}

static const lex_entry *add_alias(builder *b, slice a, const lex_entry *tmpl, int flags)
{
    while (a.len > 0 && (a.ptr[0] == '=' || a.ptr[0] == '~')) {
        flags |= a.ptr[0] == '=' ? LEX_EXACT : LEX_METONYM;
        a.ptr++;
        a.len--;
    }
    if (!clean_text(a) || has_double_space(a)) {
        bad_line(b, "empty alias or stray spaces around '|'");
        return NULL;
    }
    lex_entry *e = arena_alloc(b->lx->mem, sizeof *e);
    if (!e) {
        err_set(b->err, DOSSIER_ERR_NOMEM, "out of memory");
        return NULL;
    }
    *e = *tmpl;
    e->flags = flags;
    e->alias = arena_strndup(b->lx->mem, a.ptr, a.len);
    size_t klen;
    const char *key = folded_copy(b, a, &klen);
    if (!e->alias || !key) return NULL;
    if (pairvec_push(&b->aliases, key, klen, e) != DOSSIER_OK) {
        err_set(b->err, DOSSIER_ERR_NOMEM, "out of memory");
        return NULL;
    }
    start_add(b->lx, key, klen);
    int w = count_words(key, klen);
    if (w > b->lx->max_words) b->lx->max_words = w;
    /* Every proper word prefix, so that phrase matching can stop as soon as no alias goes on
     * with the words read so far. */
    for (size_t i = 1; i < klen; i++)
        if (key[i] == ' ' && pairvec_push(&b->prefixes, key, i, e) != DOSSIER_OK) {
            err_set(b->err, DOSSIER_ERR_NOMEM, "out of memory");
            return NULL;
        }
    return e;
}

/* Files every '|'-separated alias of list f (may be empty when `optional`). */
static dossier_status add_aliases(builder *b, slice f, const lex_entry *tmpl, int flags,
                                  int optional)
{
    if (f.len == 0) return optional ? DOSSIER_OK : bad_line(b, "no alias");
    const char *p = f.ptr, *end = f.ptr + f.len;
    while (p <= end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *stop = bar ? bar : end;
        if (!add_alias(b, slice_make(p, (size_t)(stop - p)), tmpl, flags))
            return b->err->status ? b->err->status : DOSSIER_ERR_FORMAT;
        if (!bar) break;
        p = bar + 1;
    }
    return DOSSIER_OK;
}

/* Does the '|' list hold the name itself (with '=' or '~' marks, any case)? Then that alias,
 * marks and all, files the name, and the name is not filed a second time. */
static int list_has_name(slice list, slice name)
{
    const char *p = list.ptr, *end = list.ptr + list.len;
    while (list.len && p <= end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        slice a = slice_make(p, (size_t)((bar ? bar : end) - p));
        while (a.len && (a.ptr[0] == '=' || a.ptr[0] == '~')) {
            a.ptr++;
            a.len--;
        }
        if (a.len == name.len && strncasecmp(a.ptr, name.ptr, a.len) == 0) return 1;
        if (!bar) break;
        p = bar + 1;
    }
    return 0;
}

/* Splits a line at tabs; returns the field count (LEX_MAX_FIELDS + 1 when there are more). */
static size_t split_fields(slice line, slice *f)
{
    size_t n = 0;
    const char *p = line.ptr, *end = line.ptr + line.len;
    for (;;) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        const char *stop = tab ? tab : end;
        if (n == LEX_MAX_FIELDS) return LEX_MAX_FIELDS + 1;
        f[n++] = slice_make(p, (size_t)(stop - p));
        if (!tab) return n;
        p = tab + 1;
    }
}

/* countries.tsv: iso3, cameo, name, aliases, demonyms, metonyms. */
static dossier_status parse_country(builder *b, slice *f)
{
    if (f[0].len != 3 || !valid_code(f[0])) return bad_line(b, "bad ISO-3 code");
    if (f[1].len && f[1].len < 3) return bad_line(b, "bad CAMEO code");
    if (f[1].len && !valid_code(f[1])) return bad_line(b, "bad CAMEO code");
    if (!clean_text(f[2])) return bad_line(b, "bad name");
    slice cameo = f[1].len ? f[1] : f[0];
    lex_entry t = {0};
    t.kind = LEX_PLACE;
    t.name = field_str(b, f[2]);
    t.code = field_str(b, cameo);
    t.country = field_str(b, f[0]);
    if (!t.name || !t.code || !t.country) return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    dossier_status rc = list_has_name(f[3], f[2]) ? DOSSIER_OK : add_aliases(b, f[2], &t, 0, 0);
    if (!rc) rc = add_aliases(b, f[3], &t, 0, 1);
    if (rc) return rc;
    t.kind = LEX_DEMONYM;
    if ((rc = add_aliases(b, f[4], &t, 0, 1))) return rc;
    /* A capital or seat stands for the government: code + GOV. */
    t.kind = LEX_PLACE;
    t.code = arena_printf(b->lx->mem, "%.*sGOV", (int)cameo.len, cameo.ptr);
    if (!t.code) return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    return add_aliases(b, f[5], &t, LEX_METONYM, 1);
}

/* orgs.tsv: code, country (ISO-3 or the organisation's key), name, aliases. */
static dossier_status parse_org(builder *b, slice *f)
{
    if (!valid_code(f[0])) return bad_line(b, "bad CAMEO code");
    if (f[1].len && !valid_code(f[1])) return bad_line(b, "bad country or organisation key");
    if (!clean_text(f[2])) return bad_line(b, "bad name");
    lex_entry t = {0};
    t.kind = LEX_ORG;
    t.name = field_str(b, f[2]);
    t.code = field_str(b, f[0]);
    t.country = field_str(b, f[1]);
    if (!t.name || !t.code) return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    dossier_status rc = list_has_name(f[3], f[2]) ? DOSSIER_OK : add_aliases(b, f[2], &t, 0, 0);
    return rc ? rc : add_aliases(b, f[3], &t, 0, 1);
}

/* titles.tsv: name, aliases, office, role, country, pre. */
static dossier_status parse_title(builder *b, slice *f)
{
    static const char *const roles[] = {"GOV", "MIL", "LEG", "JUD", "DIP", "SPY", "COP",
                                        "BUS", "REL", "MED", "EDU", "OPP", "IGO"};
    if (!clean_text(f[0])) return bad_line(b, "bad name");
    if (!valid_key(f[2])) return bad_line(b, "bad office key");
    int role_ok = 0;
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        role_ok |= slice_eq_cstr(f[3], roles[i]);
    if (!role_ok) return bad_line(b, "unknown role suffix");
    if (f[4].len && !valid_code(f[4]))
        return bad_line(b, "bad country or organisation key");
    if (f[5].len && !slice_eq_cstr(f[5], "pre")) return bad_line(b, "last column: 'pre' or empty");
    lex_entry t = {0};
    t.kind = LEX_TITLE;
    t.name = field_str(b, f[0]);
    t.office = field_str(b, f[2]);
    t.country = field_str(b, f[4]);
    /* With a country the code is complete (USAGOV); without, it is the suffix to append. */
    t.code = arena_printf(b->lx->mem, "%.*s%.*s", (int)f[4].len, f[4].ptr, (int)f[3].len,
                          f[3].ptr);
    if (!t.name || !t.office || !t.code) return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    int flags = f[5].len ? LEX_PRE_NAME : 0;
    dossier_status rc =
        list_has_name(f[1], f[0]) ? DOSSIER_OK : add_aliases(b, f[0], &t, flags, 0);
    return rc ? rc : add_aliases(b, f[1], &t, flags, 1);
}

/* people.tsv: name, aliases, country, office, title, code, from, to. */
static dossier_status parse_person(builder *b, slice *f)
{
    if (!clean_text(f[0])) return bad_line(b, "bad name");
    if (!valid_code(f[2])) return bad_line(b, "bad country or organisation key");
    if (!valid_key(f[3])) return bad_line(b, "bad office key");
    if (!clean_text(f[4])) return bad_line(b, "bad title");
    if (!valid_code(f[5])) return bad_line(b, "bad actor code");
    if (!valid_date(f[6])) return bad_line(b, "bad start date (YYYY-MM-DD, YYYY-MM or YYYY)");
    if (f[7].len && !valid_date(f[7])) return bad_line(b, "bad end date (YYYY-MM-DD or empty)");
    if (f[7].len && memcmp(f[7].ptr, f[6].ptr, f[7].len < f[6].len ? f[7].len : f[6].len) < 0)
        return bad_line(b, "ends before it starts");
    lex_entry t = {0};
    t.kind = LEX_PERSON;
    t.name = field_str(b, f[0]);
    t.country = field_str(b, f[2]);
    t.office = field_str(b, f[3]);
    t.code = field_str(b, f[5]);
    t.from = field_str(b, f[6]);
    t.to = field_str(b, f[7]);
    if (!t.name || !t.country || !t.office || !t.code || !t.from)
        return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    const lex_entry *main_alias = add_alias(b, f[0], &t, 0);
    if (!main_alias) return b->err->status;
    lexicon *lx = b->lx;
    if (lx->npeople == lx->people_cap) {
        size_t cap = lx->people_cap ? lx->people_cap * 2 : 256;
        const lex_entry **v = realloc((void *)lx->people, cap * sizeof *v);
        if (!v) return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
        lx->people = v;
        lx->people_cap = cap;
    }
    lx->people[lx->npeople++] = main_alias;
    /* Further aliases; a one-word alias is (usually) the bare surname. */
    const char *p = f[1].ptr, *end = f[1].ptr + f[1].len;
    while (f[1].len && p <= end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        slice a = slice_make(p, (size_t)((bar ? bar : end) - p));
        int flags = memchr(a.ptr, ' ', a.len) ? 0 : LEX_SURNAME;
        if (!add_alias(b, a, &t, flags)) return b->err->status;
        if (!bar) break;
        p = bar + 1;
    }
    return DOSSIER_OK;
}

/* roles.tsv: phrases, office, country, code. */
static dossier_status parse_role(builder *b, slice *f)
{
    if (!valid_key(f[1])) return bad_line(b, "bad office key");
    if (f[2].len && !valid_code(f[2])) return bad_line(b, "bad country or organisation key");
    if (f[3].len && !valid_code(f[3])) return bad_line(b, "bad actor code");
    const char *bar = memchr(f[0].ptr, '|', f[0].len);
    slice first = slice_make(f[0].ptr, bar ? (size_t)(bar - f[0].ptr) : f[0].len);
    if (!clean_text(first)) return bad_line(b, "bad phrase");
    lex_entry t = {0};
    t.kind = LEX_ROLE;
    t.name = field_str(b, first);
    t.office = field_str(b, f[1]);
    t.country = field_str(b, f[2]);
    t.code = field_str(b, f[3]);
    if (!t.name || !t.office) return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    return add_aliases(b, f[0], &t, 0, 0);
}

/* cues.tsv: lemma, kind, forms. */
static dossier_status parse_cue(builder *b, slice *f)
{
    int kind = slice_eq_cstr(f[1], "speech")   ? LEX_CUE_SPEECH
               : slice_eq_cstr(f[1], "thought") ? LEX_CUE_THOUGHT
               : slice_eq_cstr(f[1], "source")  ? LEX_CUE_SOURCE
                                                : 0;
    if (!kind) return bad_line(b, "kind must be speech, thought or source");
    if (!clean_text(f[0]) || f[2].len == 0) return bad_line(b, "bad lemma or no forms");
    const char *lemma = field_str(b, f[0]);
    if (!lemma) return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    const char *p = f[2].ptr, *end = f[2].ptr + f[2].len;
    while (p <= end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        slice form = slice_make(p, (size_t)((bar ? bar : end) - p));
        if (!clean_text(form)) return bad_line(b, "empty form or stray spaces");
        lex_cue *c = arena_alloc(b->lx->mem, sizeof *c);
        size_t klen;
        const char *key = folded_copy(b, form, &klen);
        if (!key) return b->err->status;
        if (!c) return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
        c->form = arena_strndup(b->lx->mem, form.ptr, form.len);
        c->lemma = lemma;
        c->kind = kind;
        if (!c->form || pairvec_push(&b->cues, key, klen, c))
            return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
        int w = count_words(key, klen);
        if (w > b->lx->cue_max_words) b->lx->cue_max_words = w;
        const char *sp = w > 1 ? memchr(key, ' ', klen) : NULL;
        if (sp && pairvec_push(&b->cue_firsts, key, (size_t)(sp - key), c))
            return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
        b->lx->ncues++;
        if (!bar) break;
        p = bar + 1;
    }
    return DOSSIER_OK;
}

/* abbreviations.txt: form, inner|any. */
static dossier_status parse_abbrev(builder *b, slice *f)
{
    if (!clean_text(f[0]) || f[0].ptr[f[0].len - 1] != '.' || memchr(f[0].ptr, ' ', f[0].len))
        return bad_line(b, "an abbreviation is one word ending in '.'");
    int kind = slice_eq_cstr(f[1], "inner") ? LEX_ABBR_INNER
               : slice_eq_cstr(f[1], "any") ? LEX_ABBR_ANY
                                            : 0;
    if (!kind) return bad_line(b, "second column: inner or any");
    lex_abbr *a = arena_alloc(b->lx->mem, sizeof *a);
    if (!a) return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    a->form = arena_strndup(b->lx->mem, f[0].ptr, f[0].len);
    a->kind = kind;
    if (!a->form || pairvec_push(&b->abbrevs, a->form, f[0].len, a))
        return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    return DOSSIER_OK;
}

/* The two genders a given name may have; values of the first_names table point at these. */
static const int gender_m = 'm', gender_f = 'f';

/* first_names.tsv: name, m|f. */
static dossier_status parse_first_name(builder *b, slice *f)
{
    if (!clean_text(f[0]) || memchr(f[0].ptr, ' ', f[0].len))
        return bad_line(b, "a given name is one word");
    const int *g = slice_eq_cstr(f[1], "m")   ? &gender_m
                   : slice_eq_cstr(f[1], "f") ? &gender_f
                                              : NULL;
    if (!g) return bad_line(b, "second column: m or f");
    char key[LEX_KEY_MAX];
    long klen = fold_key(f[0].ptr, f[0].len, key, sizeof key);
    if (klen <= 0) return bad_line(b, "name too long or not UTF-8");
    char *k = arena_strndup(b->lx->mem, key, (size_t)klen);
    if (!k || pairvec_push(&b->first_names, k, (size_t)klen, g))
        return err_set(b->err, DOSSIER_ERR_NOMEM, "oom");
    return DOSSIER_OK;
}

typedef dossier_status (*line_parser)(builder *b, slice *f);

/* Parses one source line by line. */
static dossier_status parse_source(builder *b, const lex_source *src)
{
    static const line_parser parsers[LEX_NSOURCES] = {parse_country, parse_org,       parse_title,
                                                      parse_person,  parse_role,      parse_cue,
                                                      parse_abbrev,  parse_first_name};
    static const size_t columns[LEX_NSOURCES] = {6, 4, 6, 8, 4, 3, 2, 2};
    size_t which = LEX_NSOURCES;
    for (size_t i = 0; i < LEX_NSOURCES; i++)
        if (strcmp(src->name, source_names[i]) == 0) which = i;
    b->source = src->name;
    b->line = 0;
    if (which == LEX_NSOURCES) return bad_line(b, "unknown data file");
    if (utf8_validate(src->text, src->len) != src->len) {
        size_t at = utf8_validate(src->text, src->len);
        for (size_t i = 0; i < at; i++) b->line += src->text[i] == '\n';
        b->line++;
        return bad_line(b, "invalid UTF-8");
    }
    const char *p = src->text, *end = src->text + src->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        slice line = slice_make(p, (size_t)((nl ? nl : end) - p));
        p = nl ? nl + 1 : end;
        b->line++;
        if (line.len && line.ptr[line.len - 1] == '\r') line.len--;
        if (line.len == 0 || line.ptr[0] == '#') continue;
        slice f[LEX_MAX_FIELDS];
        size_t n = split_fields(line, f);
        if (n != columns[which]) {
            char why[64];
            snprintf(why, sizeof why, "%s%zu columns, want %zu", n > LEX_MAX_FIELDS ? "over " : "",
                     n > LEX_MAX_FIELDS ? n - 1 : n, columns[which]);
            return bad_line(b, why);
        }
        b->lx->lines[which]++;
        dossier_status rc = parsers[which](b, f);
        if (rc) return rc;
    }
    return DOSSIER_OK;
}

/* Two entries filed under one key that say the same thing are a copy-paste slip. */
static int same_entry(const lex_entry *x, const lex_entry *y)
{
#define SAME(field) ((x->field == NULL) == (y->field == NULL) && \
                     (x->field == NULL || strcmp(x->field, y->field) == 0))
    return x->kind == y->kind && SAME(name) && SAME(code) && SAME(office) && SAME(from) &&
           SAME(country);
#undef SAME
}

/* The duplicate check after sorting: aliases pointing twice at one entry, cue forms or
 * abbreviations listed twice. */
static dossier_status check_duplicates(builder *b, const pairvec *pv, int any_dup)
{
    for (size_t i = 1; i < pv->n; i++) {
        if (pair_cmp(&pv->v[i - 1], &pv->v[i]) != 0) continue;
        for (size_t j = i; j > 0 && pair_cmp(&pv->v[j - 1], &pv->v[i]) == 0; j--) {
            if (any_dup || same_entry(pv->v[j - 1].val, pv->v[i].val)) {
                b->source = "(all files)";
                b->line = 0;
                return err_set(b->err, DOSSIER_ERR_FORMAT, "duplicate key \"%.*s\"",
                               (int)pv->v[i].klen, pv->v[i].key);
            }
        }
    }
    return DOSSIER_OK;
}

lexicon *lexicon_build(const lex_source *src, size_t n, errbuf *err)
{
    builder b = {0};
    b.err = err;
    err_clear(err);
    lexicon *lx = calloc(1, sizeof *lx);
    if (!lx || !(lx->mem = arena_new(0))) {
        free(lx);
        err_set(err, DOSSIER_ERR_NOMEM, "out of memory");
        return NULL;
    }
    b.lx = lx;
    dossier_status rc = DOSSIER_OK;
    for (size_t i = 0; i < n && !rc; i++) rc = parse_source(&b, &src[i]);
    if (!rc) rc = table_build(&lx->aliases, lx->mem, &b.aliases);
    if (!rc) rc = table_build(&lx->prefixes, lx->mem, &b.prefixes);
    if (!rc) rc = table_build(&lx->cues, lx->mem, &b.cues);
    if (!rc) rc = table_build(&lx->cue_firsts, lx->mem, &b.cue_firsts);
    if (!rc) rc = table_build(&lx->abbrevs, lx->mem, &b.abbrevs);
    if (!rc) rc = table_build(&lx->first_names, lx->mem, &b.first_names);
    if (!rc) rc = check_duplicates(&b, &b.aliases, 0);
    if (!rc) rc = check_duplicates(&b, &b.cues, 1);
    if (!rc) rc = check_duplicates(&b, &b.abbrevs, 1);
    if (!rc) rc = check_duplicates(&b, &b.first_names, 1);
    free(b.aliases.v);
    free(b.prefixes.v);
    free(b.cues.v);
    free(b.cue_firsts.v);
    free(b.abbrevs.v);
    free(b.first_names.v);
    if (rc) {
        if (rc == DOSSIER_ERR_NOMEM) err_set(err, rc, "out of memory");
        lexicon_free(lx);
        return NULL;
    }
    return lx;
}

void lexicon_free(lexicon *lx)
{
    if (!lx) return;
    arena_free(lx->mem);
    free((void *)lx->people);
    free(lx);
}

/* ---- the process-wide lexicon ---- */

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static lexicon *g_lexicon;
static errbuf g_error;

static void build_embedded(void)
{
    for (size_t i = 0; i < LEX_NSOURCES; i++) {
        int found = 0;
        for (size_t j = 0; j < lexicon_embedded_count; j++)
            found |= strcmp(lexicon_embedded[j].name, source_names[i]) == 0;
        if (!found) {
            err_set(&g_error, DOSSIER_ERR_FORMAT, "%s: not compiled in", source_names[i]);
            return;
        }
    }
    g_lexicon = lexicon_build(lexicon_embedded, lexicon_embedded_count, &g_error);
}

const lexicon *lexicon_get(void)
{
    pthread_once(&g_once, build_embedded);
    return g_lexicon;
}

const char *lexicon_error(void)
{
    pthread_once(&g_once, build_embedded);
    return g_lexicon ? NULL : g_error.msg;
}

/* ---- lookups ---- */

size_t lexicon_lookup(const lexicon *lx, const char *s, size_t n, const lex_entry **out,
                      size_t max)
{
    char key[LEX_KEY_MAX];
    if (!lx || !s) return 0;
    long klen = fold_key(s, n, key, sizeof key);
    if (klen <= 0) return 0;
    const lex_slot *sl = table_find(&lx->aliases, key, (size_t)klen);
    if (!sl) return 0;
    size_t found = 0;
    for (uint32_t i = 0; i < sl->count; i++) {
        const lex_entry *e = lx->aliases.vals[sl->first + i];
        if ((e->flags & LEX_EXACT) && (strlen(e->alias) != n || memcmp(e->alias, s, n) != 0))
            continue;
        if (found < max && out) out[found] = e;
        found++;
    }
    return found;
}

int lexicon_phrase(const lexicon *lx, const char *s, size_t n)
{
    char key[LEX_KEY_MAX];
    if (!lx || !s) return 0;
    long klen = fold_key(s, n, key, sizeof key);
    if (klen <= 0) return 0;
    int r = 0;
    if (table_find(&lx->aliases, key, (size_t)klen)) r |= LEX_PHRASE_ALIAS;
    if (table_find(&lx->prefixes, key, (size_t)klen)) r |= LEX_PHRASE_PREFIX;
    return r;
}

int lexicon_max_words(const lexicon *lx)
{
    return lx ? lx->max_words : 0;
}

int lexicon_cue_max_words(const lexicon *lx)
{
    return lx ? lx->cue_max_words : 0;
}

const lex_cue *lexicon_cue(const lexicon *lx, const char *s, size_t n)
{
    char key[LEX_KEY_MAX];
    if (!lx || !s) return NULL;
    long klen = fold_key(s, n, key, sizeof key);
    if (klen <= 0) return NULL;
    const lex_slot *sl = table_find(&lx->cues, key, (size_t)klen);
    return sl ? lx->cues.vals[sl->first] : NULL;
}

const lex_cue *lexicon_cue_words(const lexicon *lx, const char *w1, size_t n1, const char *w2,
                                 size_t n2, int *words)
{
    char key[LEX_KEY_MAX];
    *words = 0;
    if (!lx || !w1) return NULL;
    long k1 = fold_key(w1, n1, key, sizeof key);
    if (k1 <= 0) return NULL;
    if (w2 && n2 && table_find(&lx->cue_firsts, key, (size_t)k1) &&
        (size_t)k1 + 1 < sizeof key) {
        key[k1] = ' ';
        long k2 = fold_key(w2, n2, key + k1 + 1, sizeof key - (size_t)k1 - 1);
        const lex_slot *sl = k2 > 0 ? table_find(&lx->cues, key, (size_t)(k1 + 1 + k2)) : NULL;
        if (sl) {
            *words = 2;
            return lx->cues.vals[sl->first];
        }
    }
    const lex_slot *sl = table_find(&lx->cues, key, (size_t)k1);
    if (!sl) return NULL;
    *words = 1;
    return lx->cues.vals[sl->first];
}

size_t lexicon_cue_count(const lexicon *lx)
{
    return lx ? lx->ncues : 0;
}

int lexicon_abbrev(const lexicon *lx, const char *s, size_t n)
{
    if (!lx || !s || n == 0) return 0;
    const lex_slot *sl = table_find(&lx->abbrevs, s, n);
    return sl ? ((const lex_abbr *)lx->abbrevs.vals[sl->first])->kind : 0;
}

int lexicon_first_name_gender(const lexicon *lx, const char *s, size_t n)
{
    char key[LEX_KEY_MAX];
    if (!lx || !s) return 0;
    long klen = fold_key(s, n, key, sizeof key);
    if (klen <= 0) return 0;
    const lex_slot *sl = table_find(&lx->first_names, key, (size_t)klen);
    return sl ? *(const int *)lx->first_names.vals[sl->first] : 0;
}

size_t lexicon_office_holders(const lexicon *lx, const char *office, const char *country,
                              const char *date, const lex_entry **out, size_t max)
{
    if (!lx || !office) return 0;
    size_t found = 0;
    for (size_t i = 0; i < lx->npeople; i++) {
        const lex_entry *e = lx->people[i];
        if (strcmp(e->office, office) != 0) continue;
        if (country && strcmp(e->country, country) != 0) continue;
        /* ISO dates compare as strings; a partial date ("2022") covers its whole year. */
        if (date && (date_cmp(date, e->from) < 0 || (e->to && date_cmp(date, e->to) > 0)))
            continue;
        if (found < max && out) out[found] = e;
        found++;
    }
    return found;
}

size_t lexicon_line_count(const lexicon *lx, const char *source_name)
{
    if (!lx || !source_name) return 0;
    for (size_t i = 0; i < LEX_NSOURCES; i++)
        if (strcmp(source_name, source_names[i]) == 0) return lx->lines[i];
    return 0;
}
