/*
 * cluster.c - incremental story clustering. Each article is a tf-idf vector over its features
 * (title counted twice; names, numbers and dates weighted above plain words), normalised to unit
 * length. A story is the sum of its members' vectors (its centroid). An article joins the story
 * whose centroid is most similar (cosine), if that is at least the threshold after the time gate;
 * otherwise it starts a story. Across languages only the features that cross scripts count:
 * names, numbers and dates. Candidate stories come from an inverted index over the top features
 * of each story's members, so the cost per article does not grow with the number of stories.
 * Near-duplicates (MinHash, see minhash.c) join their original's story without adding to it.
 * A quotation an article shares with a story's members (five words in a row inside quotation
 * marks) adds a bonus on top of the cosine: outlets that run the same words of one speaker
 * report one happening, even when their own wording and their dates say little.
 * A second pass re-assigns this run's articles once every story exists (order effects).
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "stories/cluster.h"

#define TOP_TERMS 6         /* per kind group (words; names/numbers/dates) indexed per article */
#define MAX_POSTINGS 2000   /* most recent stories scanned per term */
#define MAX_CANDIDATES 64   /* stories scored per article, most shared top terms first */
#define CENTROID_MAX 800    /* centroid terms before pruning */
#define CENTROID_KEEP 500   /* terms kept by pruning (the heaviest) */
#define MIN_SHINGLES 12     /* shorter texts are not checked for near-duplicates (teasers) */
#define ART_TERMS 250       /* terms kept per article after weighting */
#define NO_DAY INT_MIN
#define QUOTE_KEEP 256      /* quotation shingles kept per article (the least hashes) */
#define STORY_QUOTES 2048   /* quotation shingles kept per story (the least hashes) */
#define PACK_MAX (64u << 20) /* a packed payload larger than this is not one of ours */
#define HAPPEN_KEEP 16      /* happenings kept per article */
#define HAPPEN_POSTINGS 256 /* dated reports read per pair of names and kind */
#define QUOTE_FULL 8        /* shared shingles for the full bonus: a twelve-word quotation */

/* One weighted feature of a sparse vector. */
typedef struct fv {
    uint32_t t; /* term id */
    float w;    /* weight */
} fv;

/* One term of the vocabulary. */
typedef struct term {
    const char *key;     /* kind letter + key */
    const char *surface; /* first way it was written */
    uint32_t df;         /* articles it occurs in */
} term;

/* One article. */
typedef struct art {
    int64_t id;        /* caller's id */
    fv *v;             /* features by term id: counts at cl_add, unit tf-idf after weigh() */
    uint32_t n;        /* features */
    float anorm;       /* norm of its names/numbers/dates part */
    int day;           /* publication day (days since 1970-01-01) or NO_DAY */
    char date[11];     /* YYYY-MM-DD or "" */
    char lang[3];      /* language code */
    mh_sig *sig;       /* signature, or NULL for short texts */
    int64_t given;     /* the caller's story id, or 0 */
    int given_dup;     /* given as a duplicate */
    uint32_t orig;     /* a duplicate found in this run: its original's index + 1, else 0 */
    int year;          /* the year its text names most (1900-2099), or 0 */
    uint32_t *q;       /* its quotation shingles (32-bit hashes), ascending, unique */
    uint32_t nq;       /* shingles in q */
    int wday;          /* the weekdays its lead names: bit 1 (Monday) to bit 7, or 0 */
    happen *hp;        /* the happenings it names with their days (happen.c; in c->mem) */
    uint32_t n_hp;     /* happenings in hp */
    int inferred;      /* 1: day was inferred from another article's report of its lead's
                          happening (it has no publication date) */
} art;

/* One quotation shingle of a story, with how many of its members carry it. */
typedef struct qv {
    uint32_t h; /* shingle hash */
    uint32_t n; /* members carrying it */
} qv;

/* One story under construction. */
typedef struct story {
    fv *c;             /* centroid, by term id */
    int borrowed;      /* 1: c is its only member's vector (not owned; most stories of a large
                          corpus have one article, and a copy would double their memory) */
    uint32_t n;        /* terms in c */
    double norm2;      /* squared norm of c */
    double anorm2;     /* squared norm of its names/numbers/dates part */
    int first, last;   /* span of member days, NO_DAY if none is dated */
    char lang[3];      /* language of its first member */
    int year;          /* the year most of its members name most, or 0 */
    int years[4];      /* the years its members name most, with ... */
    float year_n[4];   /* ... how many members name each */
    int64_t id;        /* caller's id, 0 if new */
    qv *q;             /* its members' quotation shingles, ascending by hash (malloc'd) */
    uint32_t nq;       /* shingles in q */
    float wdays[8];    /* members whose lead names each weekday (index 1-7) */
    float n_wdays;     /* members whose lead names one */
} story;

/* A posting list: stories whose members have a term among their top terms. */
typedef struct plist {
    uint32_t *v; /* story indices, in order of addition */
    uint32_t n, cap;
} plist;

struct clusterer {
    cl_params p;        /* tuning */
    feat_ctx *fx;       /* stopwords and stemmers */
    happen_lex *hx;     /* kinds of happening (data/happenings/) */
    arena *mem;         /* vocabulary strings, signatures */
    arena *scratch;     /* feature strings of the article being added */
    feat_list fl;       /* its feature occurrences */
    term *terms;        /* vocabulary */
    size_t n_terms, cap_terms;
    uint32_t *tab;      /* hash table of term ids + 1 (0: empty) */
    size_t tab_cap;
    art *arts;          /* articles in the order added */
    size_t n_arts, cap_arts;
    story *stories;     /* stories */
    size_t n_stories, cap_stories;
    cl_result *res;     /* one per article */
    cl_story *out;      /* one per story, after cl_run */
    plist *post;        /* per term */
    uint32_t *stamp;    /* per story: last article that counted it as a candidate */
    uint32_t *hits;     /* per story: shared top terms with that article */
    size_t *up;         /* during the merge pass: union-find parent per story, else NULL */
    z_stream zdef;      /* cl_pack's compressor, made once (a deflate state is ~270 KB: made per
                           article, its malloc and free cost more than the packing) */
    z_stream zinf;      /* cl_add_packed's decompressor, likewise */
    int zdef_ready, zinf_ready; /* 1 once initialised */
    dbuf packraw;       /* cl_pack's uncompressed payload, reused */
};

void cl_params_default(cl_params *p)
{
    p->threshold = 0.28; /* tuned on ECB+: B3 F1 0.90-0.91 over 0.26-0.30 */
    p->cross_lang = 0.8;
    p->dup_jaccard = 0.8;
    p->gate_days = 2;
    p->decay_days = 2.0;
    p->use_dates = 1;
    p->second_pass = 1;
    p->merge_threshold = 0; /* tried 0.3-0.7 on ECB+: merged look-alike pairs, never helped */
    p->year_near = 1.0;
    p->year_far = 0.75;
    p->weekday_apart = 0.7; /* without dates: BASIL text only B3 F1 .936 at 0.85 -> .942, ECB+
                               .909 -> .902 (follow-ups of one happening on other days); keeps a
                               hearing "on Tuesday" out of a reply delivered "on Wednesday" */
    p->quote_bonus = 0.15; /* lifts a shared quotation's story over a look-alike's (seeds); ECB+
                              B3 F1 unchanged, as its texts rarely share quotations */
}

clusterer *cl_new(const cl_params *p)
{
    clusterer *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    if (p) c->p = *p;
    else cl_params_default(&c->p);
    c->fx = feat_ctx_new();
    c->hx = happen_lex_new();
    c->mem = arena_new(0);
    c->scratch = arena_new(0);
    c->tab_cap = 1024;
    c->tab = calloc(c->tab_cap, sizeof *c->tab);
    dbuf_init(&c->packraw, PACK_MAX);
    if (!c->fx || !c->hx || !c->mem || !c->scratch || !c->tab) {
        cl_free(c);
        return NULL;
    }
    return c;
}

void cl_free(clusterer *c)
{
    if (!c) return;
    feat_ctx_free(c->fx);
    happen_lex_free(c->hx);
    arena_free(c->mem);
    arena_free(c->scratch);
    feat_list_release(&c->fl);
    free(c->terms);
    free(c->tab);
    for (size_t i = 0; i < c->n_arts; i++) {
        free(c->arts[i].v);
        free(c->arts[i].q);
    }
    free(c->arts);
    for (size_t i = 0; i < c->n_stories; i++) {
        if (!c->stories[i].borrowed) free(c->stories[i].c);
        free(c->stories[i].q);
    }
    free(c->stories);
    free(c->res);
    if (c->out)
        for (size_t i = 0; i < c->n_stories; i++) free(c->out[i].label);
    free(c->out);
    if (c->post)
        for (size_t i = 0; i < c->n_terms; i++) free(c->post[i].v);
    free(c->post);
    free(c->stamp);
    free(c->hits);
    if (c->zdef_ready) deflateEnd(&c->zdef);
    if (c->zinf_ready) inflateEnd(&c->zinf);
    dbuf_release(&c->packraw);
    free(c);
}

/* ---- vocabulary ---- */

static int grow(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap * 2 : 64;
    while (n < need) n *= 2;
    void *p = realloc(*v, n * size);
    if (!p) return -1;
    *v = p;
    *cap = n;
    return 0;
}

static int rehash(clusterer *c)
{
    size_t cap = c->tab_cap * 2;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t) return -1;
    for (size_t i = 0; i < c->n_terms; i++) {
        uint64_t h = hash64(c->terms[i].key, strlen(c->terms[i].key), 0);
        size_t j = (size_t)h & (cap - 1);
        while (t[j]) j = (j + 1) & (cap - 1);
        t[j] = (uint32_t)i + 1;
    }
    free(c->tab);
    c->tab = t;
    c->tab_cap = cap;
    return 0;
}

/* The id of key (interned when new); UINT32_MAX when out of memory. */
static uint32_t intern(clusterer *c, const char *key, const char *surface)
{
    size_t kl = strlen(key);
    uint64_t h = hash64(key, kl, 0);
    size_t mask = c->tab_cap - 1, j = (size_t)h & mask;
    for (; c->tab[j]; j = (j + 1) & mask)
        if (!strcmp(c->terms[c->tab[j] - 1].key, key)) return c->tab[j] - 1;
    if (grow((void **)&c->terms, &c->cap_terms, c->n_terms + 1, sizeof *c->terms))
        return UINT32_MAX;
    term *t = &c->terms[c->n_terms];
    t->key = arena_strndup(c->mem, key, kl);
    t->surface = arena_strdup(c->mem, surface);
    t->df = 0;
    if (!t->key || !t->surface) return UINT32_MAX;
    c->tab[j] = (uint32_t)++c->n_terms;
    if (c->n_terms * 2 > c->tab_cap && rehash(c)) return UINT32_MAX;
    return (uint32_t)(c->n_terms - 1);
}

static int by_term(const void *a, const void *b)
{
    uint32_t x = ((const fv *)a)->t, y = ((const fv *)b)->t;
    return x < y ? -1 : x > y;
}

static int by_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int by_weight_desc(const void *a, const void *b)
{
    float x = ((const fv *)a)->w, y = ((const fv *)b)->w;
    return x > y ? -1 : x < y;
}

/* Days since 1970-01-01 of "YYYY-MM-DD..." (Howard Hinnant's days_from_civil), or NO_DAY. */
static int day_number(const char *s)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-') return NO_DAY;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return NO_DAY;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Starts article slot c->n_arts from the caller's metadata (not yet counted in n_arts). */
static art *art_begin(clusterer *c, const cl_article *in)
{
    if (grow((void **)&c->arts, &c->cap_arts, c->n_arts + 1, sizeof *c->arts)) return NULL;
    art *a = &c->arts[c->n_arts];
    memset(a, 0, sizeof *a);
    a->id = in->id;
    a->given = in->story;
    a->given_dup = in->story && in->duplicate;
    a->day = day_number(in->published);
    if (a->day != NO_DAY) memcpy(a->date, in->published, 10);
    return a;
}

/* Frees what art_begin's caller gave the slot when it is given up. */
static dossier_status art_abort(art *a, dossier_status rc)
{
    free(a->v); /* not counted in n_arts yet: cl_free would not see it */
    free(a->q);
    a->v = NULL;
    a->q = NULL;
    return rc;
}

/* Finishes the article of slot c->n_arts: c->fl holds its term occurrences (no quotation or
 * weekday items), q[0..nq) its quotation shingles (any order, repeats allowed), sig its
 * signature (NULL: none). Interns the terms, merges their counts, counts document frequencies
 * and finds the year its text names most. */
static dossier_status art_finish(clusterer *c, art *a, const uint32_t *q, size_t nq,
                                 const mh_sig *sig)
{
    if (nq) {
        a->q = malloc(nq * sizeof *a->q);
        if (!a->q) return DOSSIER_ERR_NOMEM;
        memcpy(a->q, q, nq * sizeof *a->q);
        qsort(a->q, nq, sizeof *a->q, by_u32);
        uint32_t u = 0;
        for (size_t i = 0; i < nq; i++)
            if (!u || a->q[u - 1] != a->q[i]) a->q[u++] = a->q[i];
        a->nq = u < QUOTE_KEEP ? u : QUOTE_KEEP;
    }
    a->v = malloc((c->fl.n ? c->fl.n : 1) * sizeof *a->v);
    if (!a->v) return art_abort(a, DOSSIER_ERR_NOMEM);
    for (size_t i = 0; i < c->fl.n; i++) {
        uint32_t t = intern(c, c->fl.v[i].key, c->fl.v[i].surface);
        if (t == UINT32_MAX) return art_abort(a, DOSSIER_ERR_NOMEM);
        a->v[i].t = t;
        a->v[i].w = c->fl.v[i].count;
    }
    qsort(a->v, c->fl.n, sizeof *a->v, by_term);
    uint32_t n = 0;
    for (size_t i = 0; i < c->fl.n; i++) {
        if (n && a->v[n - 1].t == a->v[i].t) a->v[n - 1].w += a->v[i].w;
        else a->v[n++] = a->v[i];
    }
    a->n = n;
    float year_count = 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *k = c->terms[a->v[i].t].key;
        c->terms[a->v[i].t].df++;
        if (k[0] == FEAT_NUM && strlen(k) == 5 && (!strncmp(k + 1, "19", 2) ||
                                                   !strncmp(k + 1, "20", 2))) {
            if (a->v[i].w > year_count || (a->v[i].w == year_count && atoi(k + 1) > a->year)) {
                year_count = a->v[i].w;
                a->year = atoi(k + 1);
            }
        }
    }
    if (sig && sig->n_shingles >= MIN_SHINGLES) {
        a->sig = arena_alloc(c->mem, sizeof *sig);
        if (!a->sig) return art_abort(a, DOSSIER_ERR_NOMEM);
        *a->sig = *sig;
    }
    c->n_arts++;
    return DOSSIER_OK;
}

/* Keeps an article's happenings (in c->mem: they live as long as the clusterer). */
static dossier_status art_happenings(clusterer *c, art *a, const happen *hp, size_t n)
{
    a->hp = arena_alloc(c->mem, n * sizeof *hp);
    if (!a->hp) return DOSSIER_ERR_NOMEM;
    memcpy(a->hp, hp, n * sizeof *hp);
    a->n_hp = (uint32_t)n;
    return DOSSIER_OK;
}

dossier_status cl_add(clusterer *c, const cl_article *in)
{
    art *a = art_begin(c, in);
    if (!a) return DOSSIER_ERR_NOMEM;
    const char *lang = in->in.lang && strlen(in->in.lang) >= 2 ? in->in.lang : NULL;
    arena_reset(c->scratch);
    c->fl.n = 0;
    feat_input fi = in->in;
    fi.lang = lang;
    dossier_status rc = feat_extract(c->fx, c->scratch, &fi, &c->fl);
    if (rc) return rc;
    if (lang) memcpy(a->lang, lang, 2);
    else memcpy(a->lang, "??", 2);
    /* quotation shingles and weekdays apart, the rest stays in c->fl for the terms */
    size_t nf = 0, nq = 0;
    for (size_t i = 0; i < c->fl.n; i++)
        if (c->fl.v[i].key[0] == FEAT_QUOTE) nq++;
    uint32_t *q = nq ? arena_alloc(c->scratch, nq * sizeof *q) : NULL;
    if (nq && !q) return DOSSIER_ERR_NOMEM;
    nq = 0;
    for (size_t i = 0; i < c->fl.n; i++) {
        const char *k = c->fl.v[i].key;
        if (k[0] == FEAT_QUOTE) q[nq++] = (uint32_t)c->fl.v[i].hash;
        else if (k[0] == FEAT_WEEKDAY) a->wday |= 1 << (k[1] - '0');
        else c->fl.v[nf++] = c->fl.v[i];
    }
    c->fl.n = nf;
    happen hp[HAPPEN_KEEP];
    size_t nh = happen_find(c->hx, in->in.text, in->in.text_len, lang, in->published,
                            in->in.entities, in->in.n_entities, hp, HAPPEN_KEEP);
    if (nh && (rc = art_happenings(c, a, hp, nh))) return rc;
    mh_sig sig;
    mh_signature(in->in.text ? in->in.text : "", in->in.text_len, &sig);
    return art_finish(c, a, q, nq, &sig);
}

/* ---- packed features ---- */

/* The packed form (version 3: version 2 had no happenings; version 1's feature keys were
 * others; older blobs are recomputed from the texts): "DCZ3", the u32 length of the
 * payload, the payload compressed by zlib (level 1: a third of the size for a few
 * microseconds). The payload, little-endian:
 *   lang[2], weekday bits (u8), flags (u8: 1 = a signature follows),
 *   [u32 shingles, 64 x u64 signature], varint quotation shingles, u32 each,
 *   varint terms, each: key NUL, surface NUL (empty: the key's text), varint count x 4,
 *   varint happenings, each: kind (u8), lead (u8), names (u8), varint zigzag day, u32 names.
 * Counts are sums of 1 and 2 (text and title), so four times a count is a whole number. */
#define PACK_MAGIC "DCZ3"

static dossier_status put_varint(dbuf *b, uint64_t v)
{
    unsigned char x[10];
    size_t n = 0;
    do {
        x[n] = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v) x[n] |= 0x80;
        n++;
    } while (v);
    return dbuf_append(b, x, n);
}

static dossier_status put_u32(dbuf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return dbuf_append(b, x, 4);
}

dossier_status cl_pack(clusterer *c, dbuf *out)
{
    if (!c->n_arts || c->res) return DOSSIER_ERR_USAGE; /* after cl_add, before cl_run */
    const art *a = &c->arts[c->n_arts - 1];
    dbuf *b = &c->packraw;
    dbuf_reset(b);
    unsigned char head[4] = {(unsigned char)a->lang[0], (unsigned char)a->lang[1],
                             (unsigned char)a->wday, (unsigned char)(a->sig ? 1 : 0)};
    dossier_status rc = dbuf_append(b, head, 4);
    if (!rc && a->sig) {
        rc = put_u32(b, a->sig->n_shingles);
        for (int i = 0; !rc && i < MH_HASHES; i++) {
            rc = put_u32(b, (uint32_t)a->sig->h[i]);
            if (!rc) rc = put_u32(b, (uint32_t)(a->sig->h[i] >> 32));
        }
    }
    if (!rc) rc = put_varint(b, a->nq);
    for (uint32_t i = 0; !rc && i < a->nq; i++) rc = put_u32(b, a->q[i]);
    if (!rc) rc = put_varint(b, a->n);
    for (uint32_t i = 0; !rc && i < a->n; i++) {
        const term *t = &c->terms[a->v[i].t];
        rc = dbuf_append(b, t->key, strlen(t->key) + 1);
        if (!rc && strcmp(t->surface, t->key + 1) != 0)
            rc = dbuf_append(b, t->surface, strlen(t->surface));
        if (!rc) rc = dbuf_putc(b, 0);
        if (!rc) rc = put_varint(b, (uint64_t)(a->v[i].w * 4.0f + 0.5f));
    }
    if (!rc) rc = put_varint(b, a->n_hp);
    for (uint32_t i = 0; !rc && i < a->n_hp; i++) {
        const happen *h = &a->hp[i];
        unsigned char hd[3] = {h->kind, h->lead, h->n_names};
        int64_t day = h->day;
        rc = dbuf_append(b, hd, 3);
        if (!rc) rc = put_varint(b, (uint64_t)(day < 0 ? ((-day) << 1) - 1 : day << 1));
        for (int k = 0; !rc && k < h->n_names; k++) rc = put_u32(b, h->names[k]);
    }
    if (rc) return rc;
    if (!c->zdef_ready) {
        memset(&c->zdef, 0, sizeof c->zdef);
        if (deflateInit(&c->zdef, 1) != Z_OK) return DOSSIER_ERR_NOMEM;
        c->zdef_ready = 1;
    } else if (deflateReset(&c->zdef) != Z_OK) {
        return DOSSIER_ERR_NOMEM;
    }
    uLong bound = deflateBound(&c->zdef, (uLong)b->len);
    if ((rc = dbuf_reserve(out, 8 + (size_t)bound))) return rc;
    unsigned char *o = (unsigned char *)out->ptr + out->len;
    memcpy(o, PACK_MAGIC, 4);
    o[4] = (unsigned char)b->len;
    o[5] = (unsigned char)(b->len >> 8);
    o[6] = (unsigned char)(b->len >> 16);
    o[7] = (unsigned char)(b->len >> 24);
    c->zdef.next_in = (Bytef *)b->ptr;
    c->zdef.avail_in = (uInt)b->len;
    c->zdef.next_out = o + 8;
    c->zdef.avail_out = (uInt)bound;
    if (deflate(&c->zdef, Z_FINISH) != Z_STREAM_END) return DOSSIER_ERR_NOMEM;
    out->len += 8 + (size_t)c->zdef.total_out;
    return DOSSIER_OK;
}

/* A reader over a packed blob: every read checks the bounds. */
typedef struct unpacker {
    const unsigned char *p, *end;
    int bad; /* 1 once a read ran past the end or met a malformed field */
} unpacker;

static uint64_t get_varint(unpacker *u)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (u->p >= u->end) break;
        unsigned char x = *u->p++;
        v |= (uint64_t)(x & 0x7f) << shift;
        if (!(x & 0x80)) return v;
    }
    u->bad = 1;
    return 0;
}

static uint32_t get_u32(unpacker *u)
{
    if (u->end - u->p < 4) {
        u->bad = 1;
        return 0;
    }
    uint32_t v = (uint32_t)u->p[0] | (uint32_t)u->p[1] << 8 | (uint32_t)u->p[2] << 16 |
                 (uint32_t)u->p[3] << 24;
    u->p += 4;
    return v;
}

/* A NUL-terminated string inside the blob, or NULL. */
static const char *get_str(unpacker *u)
{
    const unsigned char *z = u->p < u->end ? memchr(u->p, 0, (size_t)(u->end - u->p)) : NULL;
    if (!z) {
        u->bad = 1;
        return NULL;
    }
    const char *s = (const char *)u->p;
    u->p = z + 1;
    return s;
}

dossier_status cl_add_packed(clusterer *c, const cl_article *in, const void *blob, size_t len)
{
    const unsigned char *z = blob;
    if (len < 8 || memcmp(blob, PACK_MAGIC, 4)) return DOSSIER_ERR_FORMAT;
    uLongf raw_len = (uLongf)z[4] | (uLongf)z[5] << 8 | (uLongf)z[6] << 16 | (uLongf)z[7] << 24;
    if (raw_len < 4 || raw_len > PACK_MAX) return DOSSIER_ERR_FORMAT;
    arena_reset(c->scratch);
    c->fl.n = 0;
    unsigned char *raw = arena_alloc(c->scratch, raw_len);
    if (!raw) return DOSSIER_ERR_NOMEM;
    if (!c->zinf_ready) {
        memset(&c->zinf, 0, sizeof c->zinf);
        if (inflateInit(&c->zinf) != Z_OK) return DOSSIER_ERR_NOMEM;
        c->zinf_ready = 1;
    } else if (inflateReset(&c->zinf) != Z_OK) {
        return DOSSIER_ERR_NOMEM;
    }
    c->zinf.next_in = (Bytef *)(z + 8);
    c->zinf.avail_in = (uInt)(len - 8);
    c->zinf.next_out = raw;
    c->zinf.avail_out = (uInt)raw_len;
    if (inflate(&c->zinf, Z_FINISH) != Z_STREAM_END || c->zinf.total_out != raw_len)
        return DOSSIER_ERR_FORMAT;
    unpacker u = {raw, raw + raw_len, 0};
    art *a = art_begin(c, in);
    if (!a) return DOSSIER_ERR_NOMEM;
    a->lang[0] = (char)u.p[0];
    a->lang[1] = (char)u.p[1];
    a->wday = u.p[2] & 0xfe;
    int has_sig = u.p[3] & 1;
    u.p += 4;
    mh_sig sig;
    memset(&sig, 0, sizeof sig);
    if (has_sig) {
        sig.n_shingles = get_u32(&u);
        for (int i = 0; i < MH_HASHES; i++) {
            uint64_t lo = get_u32(&u), hi = get_u32(&u);
            sig.h[i] = lo | hi << 32;
        }
    }
    uint64_t nq = get_varint(&u);
    if (u.bad || nq > (uint64_t)(u.end - u.p) / 4) return DOSSIER_ERR_FORMAT;
    uint32_t *q = nq ? arena_alloc(c->scratch, nq * sizeof *q) : NULL;
    if (nq && !q) return DOSSIER_ERR_NOMEM;
    for (uint64_t i = 0; i < nq; i++) q[i] = get_u32(&u);
    uint64_t nt = get_varint(&u);
    if (u.bad || nt > (uint64_t)(u.end - u.p) / 3) return DOSSIER_ERR_FORMAT;
    for (uint64_t i = 0; i < nt && !u.bad; i++) {
        const char *key = get_str(&u), *surface = get_str(&u);
        uint64_t count4 = get_varint(&u);
        if (u.bad || !key[0] || !key[1]) return DOSSIER_ERR_FORMAT;
        if (c->fl.n == c->fl.cap) {
            size_t cap = c->fl.cap ? c->fl.cap * 2 : 256;
            feat_item *v = realloc(c->fl.v, cap * sizeof *v);
            if (!v) return DOSSIER_ERR_NOMEM;
            c->fl.v = v;
            c->fl.cap = cap;
        }
        feat_item *f = &c->fl.v[c->fl.n++];
        f->key = key;
        f->surface = surface[0] ? surface : key + 1;
        f->count = (float)count4 / 4.0f;
    }
    uint64_t nh = get_varint(&u);
    if (u.bad || nh > HAPPEN_KEEP) return DOSSIER_ERR_FORMAT;
    happen hp[HAPPEN_KEEP];
    for (uint64_t i = 0; i < nh && !u.bad; i++) {
        if (u.end - u.p < 3) return DOSSIER_ERR_FORMAT;
        hp[i].kind = u.p[0];
        hp[i].lead = u.p[1] & 1;
        hp[i].n_names = u.p[2];
        u.p += 3;
        if (hp[i].n_names < 2 || hp[i].n_names > HAPPEN_NAMES) return DOSSIER_ERR_FORMAT;
        uint64_t zz = get_varint(&u); /* zigzag */
        if (zz > 0xffffffffu) return DOSSIER_ERR_FORMAT;
        hp[i].day = (int32_t)(zz & 1 ? -(int64_t)((zz + 1) >> 1) : (int64_t)(zz >> 1));
        for (int k = 0; k < hp[i].n_names; k++) hp[i].names[k] = get_u32(&u);
    }
    if (u.bad || u.p != u.end) return DOSSIER_ERR_FORMAT;
    if (nh && art_happenings(c, a, hp, (size_t)nh)) return DOSSIER_ERR_NOMEM;
    return art_finish(c, a, q, (size_t)nq, has_sig ? &sig : NULL);
}

/* ---- weighting ---- */

static int is_anchor(const term *t) { return t->key[0] != FEAT_WORD; }

/* How much a kind of feature counts against a plain word: names, numbers and days of a month
 * tell one happening from another of the same kind (ECB+'s look-alike pairs differ in exactly
 * these), and they are what crosses languages. */
static float kind_weight(const term *t)
{
    switch (t->key[0]) {
    case FEAT_NAME: return 2.0f;
    case FEAT_RUN: return 1.0f; /* its words count already as names */
    case FEAT_NUM: return 1.5f;
    case FEAT_DATE: return 2.0f;
    default: return 1.0f;
    }
}

/* Turns counts into unit-length tf-idf weights, keeping the ART_TERMS heaviest terms: the
 * tail of a long article weighs little in a cosine and would double the memory of a corpus. */
static void weigh(clusterer *c, art *a)
{
    double n2 = 0, an2 = 0, N = (double)c->n_arts;
    for (uint32_t i = 0; i < a->n; i++) {
        const term *t = &c->terms[a->v[i].t];
        double idf = log((N + 1.0) / (t->df + 0.5));
        if (t->df <= 1) idf = 0; /* a term no other article has cannot link anything */
        a->v[i].w = (float)((1.0 + log(a->v[i].w)) * idf * kind_weight(t));
    }
    if (a->n > ART_TERMS) {
        qsort(a->v, a->n, sizeof *a->v, by_weight_desc);
        a->n = ART_TERMS;
        qsort(a->v, a->n, sizeof *a->v, by_term);
        fv *v = realloc(a->v, a->n * sizeof *v);
        if (v) a->v = v;
    }
    for (uint32_t i = 0; i < a->n; i++) {
        double w = a->v[i].w;
        n2 += w * w;
        if (is_anchor(&c->terms[a->v[i].t])) an2 += w * w;
    }
    double norm = sqrt(n2);
    for (uint32_t i = 0; i < a->n; i++) a->v[i].w = norm > 0 ? (float)(a->v[i].w / norm) : 0;
    a->anorm = norm > 0 ? (float)(sqrt(an2) / norm) : 0;
}

/* ---- stories ---- */

static dossier_status new_story(clusterer *c, const art *a, int64_t id, size_t *out)
{
    if (grow((void **)&c->stories, &c->cap_stories, c->n_stories + 1, sizeof *c->stories))
        return DOSSIER_ERR_NOMEM;
    story *s = &c->stories[c->n_stories];
    memset(s, 0, sizeof *s);
    s->first = s->last = NO_DAY;
    s->id = id;
    memcpy(s->lang, a->lang, 3);
    *out = c->n_stories++;
    return DOSSIER_OK;
}

static void story_norms(clusterer *c, story *s)
{
    double n2 = 0, an2 = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        double w = s->c[i].w;
        n2 += w * w;
        if (is_anchor(&c->terms[s->c[i].t])) an2 += w * w;
    }
    s->norm2 = n2;
    s->anorm2 = an2;
}

/* Adds (sign > 0) or removes the article's quotation shingles to or from the story's. Both
 * keep their least hashes only, a consistent sample: two articles that share a quotation keep
 * the same part of it. */
static dossier_status story_quotes(story *s, const art *a, float sign)
{
    if (!a->nq) return DOSSIER_OK;
    qv *m = malloc((s->nq + a->nq) * sizeof *m);
    if (!m) return DOSSIER_ERR_NOMEM;
    uint32_t i = 0, j = 0, k = 0;
    while (i < s->nq || j < a->nq) {
        if (j >= a->nq || (i < s->nq && s->q[i].h < a->q[j])) m[k++] = s->q[i++];
        else if (i >= s->nq || a->q[j] < s->q[i].h) {
            if (sign > 0) m[k++] = (qv){a->q[j], 1};
            j++;
        } else {
            m[k] = s->q[i++];
            if (sign > 0) m[k].n++;
            else m[k].n--;
            if (m[k].n) k++;
            j++;
        }
    }
    free(s->q);
    s->q = m;
    s->nq = k < STORY_QUOTES ? k : STORY_QUOTES;
    return DOSSIER_OK;
}

/* Adds sign * the article's vector to the story's centroid. */
static dossier_status story_add(clusterer *c, story *s, const art *a, float sign)
{
    if (story_quotes(s, a, sign)) return DOSSIER_ERR_NOMEM;
    if (a->wday) {
        for (int d = 1; d <= 7; d++)
            if (a->wday & (1 << d)) s->wdays[d] += sign;
        s->n_wdays += sign;
    }
    if (sign > 0 && s->n == 0 && a->n > 0 && a->n <= CENTROID_MAX) {
        if (!s->borrowed) free(s->c);
        s->c = a->v; /* article vectors do not change once weighed */
        s->n = a->n;
        s->borrowed = 1;
        story_norms(c, s);
        goto dates;
    }
    fv *m = malloc((s->n + a->n + 1) * sizeof *m);
    if (!m) return DOSSIER_ERR_NOMEM;
    uint32_t i = 0, j = 0, k = 0;
    while (i < s->n || j < a->n) {
        if (j >= a->n || (i < s->n && s->c[i].t < a->v[j].t)) m[k++] = s->c[i++];
        else if (i >= s->n || a->v[j].t < s->c[i].t) {
            m[k].t = a->v[j].t;
            m[k++].w = sign * a->v[j++].w;
        } else {
            m[k].t = s->c[i].t;
            m[k++].w = s->c[i++].w + sign * a->v[j++].w;
        }
    }
    if (sign < 0) { /* drop what a removal left at zero */
        uint32_t o = 0;
        for (uint32_t x = 0; x < k; x++)
            if (m[x].w > 1e-6f) m[o++] = m[x];
        k = o;
    }
    if (k > CENTROID_MAX) {
        qsort(m, k, sizeof *m, by_weight_desc);
        k = CENTROID_KEEP;
        qsort(m, k, sizeof *m, by_term);
    }
    if (!s->borrowed) free(s->c);
    s->borrowed = 0;
    s->c = m;
    s->n = k;
    story_norms(c, s);
dates:
    if (a->year) { /* the story's year: the mode over its members (a few kept) */
        int y = 0;
        while (y < 4 && s->years[y] && s->years[y] != a->year) y++;
        if (y == 4) { /* forget the least named */
            y = 0;
            for (int x = 1; x < 4; x++)
                if (s->year_n[x] < s->year_n[y]) y = x;
            s->years[y] = 0;
            s->year_n[y] = 0;
        }
        s->years[y] = a->year;
        s->year_n[y] += sign;
        s->year = 0;
        float best = 0;
        for (int x = 0; x < 4; x++)
            if (s->years[x] && s->year_n[x] > best) {
                best = s->year_n[x];
                s->year = s->years[x];
            }
    }
    if (sign > 0 && a->day != NO_DAY) {
        if (s->first == NO_DAY || a->day < s->first) s->first = a->day;
        if (s->last == NO_DAY || a->day > s->last) s->last = a->day;
    }
    return DOSSIER_OK;
}

/* The article's top terms: its TOP_TERMS heaviest words and TOP_TERMS heaviest names, numbers
 * and dates (apart, so that a foreign-language article's names still lead somewhere). Writes at
 * most 2 * TOP_TERMS into top and returns how many. */
static size_t top_terms(const clusterer *c, const art *a, fv *top)
{
    size_t nt = 0;
    for (int anchor = 0; anchor < 2; anchor++) {
        fv best[TOP_TERMS];
        size_t nb = 0;
        for (uint32_t i = 0; i < a->n; i++) {
            if (is_anchor(&c->terms[a->v[i].t]) != anchor || a->v[i].w <= 0) continue;
            if (nb < TOP_TERMS) best[nb++] = a->v[i];
            else {
                size_t lo = 0;
                for (size_t x = 1; x < nb; x++)
                    if (best[x].w < best[lo].w) lo = x;
                if (a->v[i].w > best[lo].w) best[lo] = a->v[i];
            }
        }
        memcpy(top + nt, best, nb * sizeof *best);
        nt += nb;
    }
    return nt;
}

/* Registers the story under the article's top terms. */
static dossier_status index_article(clusterer *c, const art *a, uint32_t si)
{
    fv top[2 * TOP_TERMS];
    size_t nt = top_terms(c, a, top);
    for (size_t i = 0; i < nt; i++) {
        plist *p = &c->post[top[i].t];
        if (p->n && p->v[p->n - 1] == si) continue;
        size_t cap = p->cap;
        if (grow((void **)&p->v, &cap, (size_t)p->n + 1, sizeof *p->v)) return DOSSIER_ERR_NOMEM;
        p->cap = (uint32_t)cap;
        p->v[p->n++] = si;
    }
    return DOSSIER_OK;
}

/* The time factor between an article's day and a story's span: 1 within gate_days, then an
 * exponential decay, so the same actors a week later make another story. */
static double time_factor(const clusterer *c, const art *a, const story *s)
{
    if (!c->p.use_dates || a->day == NO_DAY || s->first == NO_DAY) {
        /* no publication dates to compare: the years the texts name stand in (a report names
         * the year of its happening more than any other; one year apart may be a year's turn),
         * and the weekday a lead names ("... on Tuesday") against the weekdays its members'
         * leads name: another day is likely another happening of the same people */
        double f = 1.0;
        if (a->wday && s->n_wdays > 0.5f) {
            int shared = 0;
            for (int d = 1; d <= 7; d++) shared |= (a->wday & (1 << d)) && s->wdays[d] > 0.5f;
            if (!shared) f = c->p.weekday_apart;
        }
        if (!a->year || !s->year || a->year == s->year) return f;
        return f * (abs(a->year - s->year) == 1 ? c->p.year_near : c->p.year_far);
    }
    int gap = a->day < s->first ? s->first - a->day : a->day > s->last ? a->day - s->last : 0;
    if (gap <= c->p.gate_days) return 1.0;
    return exp(-(gap - c->p.gate_days) / c->p.decay_days);
}

static double similarity(const clusterer *c, const art *a, const story *s)
{
    if (!s->n || s->norm2 <= 0) return 0;
    double dot = 0, adot = 0;
    uint32_t i = 0, j = 0;
    while (i < a->n && j < s->n) {
        if (a->v[i].t < s->c[j].t) i++;
        else if (a->v[i].t > s->c[j].t) j++;
        else {
            double p = (double)a->v[i].w * s->c[j].w;
            dot += p;
            if (is_anchor(&c->terms[a->v[i].t])) adot += p;
            i++;
            j++;
        }
    }
    double sim, bonus = 0;
    if (a->nq && s->nq && c->p.quote_bonus > 0) {
        uint32_t shared = 0, x = 0, y = 0;
        while (x < a->nq && y < s->nq) {
            if (a->q[x] < s->q[y].h) x++;
            else if (a->q[x] > s->q[y].h) y++;
            else {
                shared++;
                x++;
                y++;
            }
        }
        bonus = c->p.quote_bonus * (shared >= QUOTE_FULL ? 1.0 : (double)shared / QUOTE_FULL);
    }
    if (strcmp(a->lang, s->lang) != 0 && strcmp(a->lang, "??") && strcmp(s->lang, "??")) {
        /* across languages the words cannot meet: names, numbers and dates only */
        if (a->anorm <= 0 || s->anorm2 <= 0) return 0;
        sim = c->p.cross_lang * adot / (a->anorm * sqrt(s->anorm2));
    } else {
        sim = dot / sqrt(s->norm2);
    }
    return (sim + bonus) * time_factor(c, a, s);
}

/* The story a story was merged into (union-find with path halving). */
static size_t root(size_t *up, size_t s)
{
    while (up[s] != s) s = up[s] = up[up[s]];
    return s;
}

/* The most similar story among the candidates the article's terms lead to, other than
 * `exclude` (SIZE_MAX: none). `ai` is a stamp unique to this query. */
static void best_story(clusterer *c, const art *a, uint32_t ai, size_t exclude, size_t *best,
                       double *score)
{
    uint32_t cand[MAX_CANDIDATES * 8];
    size_t nc = 0;
    *best = SIZE_MAX;
    *score = 0;
    /* the candidates: stories indexed under one of the article's own top terms */
    fv top[2 * TOP_TERMS];
    size_t nt = top_terms(c, a, top);
    for (size_t i = 0; i < nt; i++) {
        const plist *p = &c->post[top[i].t];
        uint32_t from = p->n > MAX_POSTINGS ? p->n - MAX_POSTINGS : 0;
        for (uint32_t k = from; k < p->n; k++) {
            uint32_t s = c->up ? (uint32_t)root(c->up, p->v[k]) : p->v[k];
            if (s == exclude) continue;
            if (c->stamp[s] != ai + 1) {
                c->stamp[s] = ai + 1;
                c->hits[s] = 0;
                if (nc < sizeof cand / sizeof cand[0]) cand[nc++] = s;
            }
            c->hits[s]++;
        }
    }
    /* score the stories sharing the most terms first */
    size_t scored = 0;
    while (scored < MAX_CANDIDATES && nc > 0) {
        size_t most = 0;
        for (size_t k = 1; k < nc; k++)
            if (c->hits[cand[k]] > c->hits[cand[most]]) most = k;
        uint32_t s = cand[most];
        cand[most] = cand[--nc];
        double sim = similarity(c, a, &c->stories[s]);
        if (sim > *score) {
            *score = sim;
            *best = s;
        }
        scored++;
    }
}

/* The original of a near-duplicate among the articles already placed, or SIZE_MAX. Band keys
 * live in a hash multimap (keys, heads, next links). */
typedef struct lsh {
    uint64_t *keys;   /* band key per slot */
    uint32_t *head;   /* first entry + 1 per slot (0: empty) */
    size_t cap;       /* slots */
    uint32_t *next;   /* per entry: next entry + 1 with the same key */
    uint32_t *art;    /* per entry: article index */
    size_t n;         /* entries */
} lsh;

static size_t lsh_slot(const lsh *l, uint64_t key)
{
    size_t j = (size_t)key & (l->cap - 1);
    while (l->head[j] && l->keys[j] != key) j = (j + 1) & (l->cap - 1);
    return j;
}

static size_t find_original(clusterer *c, lsh *l, uint32_t ai, double *jac)
{
    const art *a = &c->arts[ai];
    size_t best = SIZE_MAX;
    *jac = 0;
    if (!a->sig) return best;
    for (int b = 0; b < MH_BANDS; b++) {
        size_t j = lsh_slot(l, mh_band_key(a->sig, b) ^ (uint64_t)b);
        for (uint32_t e = l->head[j]; e; e = l->next[e - 1]) {
            uint32_t o = l->art[e - 1];
            double x = mh_jaccard(a->sig, c->arts[o].sig);
            if (x > *jac || (x == *jac && o < best)) {
                *jac = x;
                best = o;
            }
        }
    }
    return *jac >= c->p.dup_jaccard ? best : SIZE_MAX;
}

static void lsh_insert(clusterer *c, lsh *l, uint32_t ai)
{
    const art *a = &c->arts[ai];
    if (!a->sig) return;
    for (int b = 0; b < MH_BANDS; b++) {
        uint64_t key = mh_band_key(a->sig, b) ^ (uint64_t)b;
        size_t j = lsh_slot(l, key);
        l->keys[j] = key;
        l->art[l->n] = ai;
        l->next[l->n] = l->head[j];
        l->head[j] = (uint32_t)++l->n;
    }
}

/* ---- the run ---- */

static const clusterer *g_sort; /* qsort has no user pointer; cl_run is single-threaded */

static int by_day(const void *x, const void *y)
{
    const art *a = &g_sort->arts[*(const uint32_t *)x], *b = &g_sort->arts[*(const uint32_t *)y];
    int da = a->day == NO_DAY ? INT_MAX : a->day, db = b->day == NO_DAY ? INT_MAX : b->day;
    if (da != db) return da < db ? -1 : 1;
    uint32_t i = *(const uint32_t *)x, j = *(const uint32_t *)y;
    return i < j ? -1 : i > j;
}

/* Fills c->out: labels, date spans, counts. */
static dossier_status describe(clusterer *c);

/* ---- dating undated articles by their lead's happening ---- */

/* One dated report of a happening, under one pair of its names. */
typedef struct hp_post {
    uint64_t key; /* hp_key of the kind and the pair */
    int32_t day;  /* the day the report gives */
} hp_post;

static uint64_t hp_key(int kind, uint32_t a, uint32_t b)
{
    uint32_t k[3] = {(uint32_t)kind, a < b ? a : b, a < b ? b : a};
    return hash64(k, sizeof k, 0x6870);
}

static int by_post(const void *x, const void *y)
{
    const hp_post *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->day < b->day ? -1 : a->day > b->day;
}

/* Posts by key only (the keys an undated lead asks for). */
static int by_key(const void *x, const void *y)
{
    uint64_t a = ((const hp_post *)x)->key, b = ((const hp_post *)y)->key;
    return a < b ? -1 : a > b;
}

/* Calls fn(user, key, day) for every pair of names of h. */
static dossier_status each_pair(const happen *h, dossier_status (*fn)(void *, uint64_t, int32_t),
                                void *user)
{
    dossier_status rc = DOSSIER_OK;
    for (int i = 0; i < h->n_names && !rc; i++)
        for (int j = i + 1; j < h->n_names && !rc; j++)
            rc = fn(user, hp_key(h->kind, h->names[i], h->names[j]), h->day);
    return rc;
}

/* A growable array of posts. */
typedef struct hp_vec {
    hp_post *v;
    size_t n, cap;
    const struct hp_vec *want; /* when collecting posts: the keys some undated lead asks for,
                                  sorted by_key (their days are unused) */
} hp_vec;

static dossier_status hp_push(void *user, uint64_t key, int32_t day)
{
    hp_vec *x = user;
    hp_post q = {key, day};
    if (x->want && !bsearch(&q, x->want->v, x->want->n, sizeof q, by_key)) return DOSSIER_OK;
    if (grow((void **)&x->v, &x->cap, x->n + 1, sizeof *x->v)) return DOSSIER_ERR_NOMEM;
    x->v[x->n++] = q;
    return DOSSIER_OK;
}

/* The days dated reports give an undated lead's happenings, with their counts. */
typedef struct hp_votes {
    const hp_vec *posts; /* the dated reports, sorted by_post */
    int32_t day[32];     /* a day (less the lead's offset) ... */
    uint32_t votes[32];  /* ... and how many reports give it */
    size_t nd;
} hp_votes;

/* each_pair's callback: the reports filed under `key` vote for their day less `offset`. */
static dossier_status hp_vote(void *user, uint64_t key, int32_t offset)
{
    hp_votes *v = user;
    const hp_vec *posts = v->posts;
    hp_post q = {key, INT32_MIN};
    size_t lo = 0, hi = posts->n;
    while (lo < hi) { /* the first post of the key */
        size_t mid = lo + (hi - lo) / 2;
        if (by_post(&posts->v[mid], &q) < 0) lo = mid + 1;
        else hi = mid;
    }
    for (size_t p = lo; p < posts->n && posts->v[p].key == key && p - lo < HAPPEN_POSTINGS; p++) {
        int32_t d = posts->v[p].day - offset;
        size_t j = 0;
        while (j < v->nd && v->day[j] != d) j++;
        if (j == v->nd) {
            if (v->nd == sizeof v->day / sizeof v->day[0]) continue;
            v->day[v->nd] = d;
            v->votes[v->nd++] = 0;
        }
        v->votes[j]++;
    }
    return DOSSIER_OK;
}

/*
 * Dates the undated articles whose lead reports a happening ("after today's talks of Vell and
 * Orrin in Kalvik") that a dated article reports too, of the same kind with two of the same names
 * ("Vell met Orrin last week", published 9 April: 2 April). The day most reports give wins (a
 * tie dates nothing); the article's day is that day less its lead's offset. The inferred day
 * places the article in time like a publication date, but is never shown as one.
 */
static dossier_status infer_days(clusterer *c)
{
    hp_vec want = {0}, posts = {0};
    dossier_status rc = DOSSIER_OK;
    for (size_t i = 0; i < c->n_arts && !rc; i++) {
        const art *a = &c->arts[i];
        if (a->day != NO_DAY) continue;
        for (uint32_t k = 0; k < a->n_hp && !rc; k++)
            if (a->hp[k].lead) rc = each_pair(&a->hp[k], hp_push, &want);
    }
    if (rc || !want.n) goto done;
    qsort(want.v, want.n, sizeof *want.v, by_key);
    posts.want = &want;
    for (size_t i = 0; i < c->n_arts && !rc; i++) {
        const art *a = &c->arts[i];
        if (a->day == NO_DAY || a->inferred) continue;
        for (uint32_t k = 0; k < a->n_hp && !rc; k++)
            if (!a->hp[k].lead) rc = each_pair(&a->hp[k], hp_push, &posts);
    }
    if (rc || !posts.n) goto done;
    qsort(posts.v, posts.n, sizeof *posts.v, by_post);
    for (size_t i = 0; i < c->n_arts; i++) {
        art *a = &c->arts[i];
        if (a->day != NO_DAY) continue;
        hp_votes v = {.posts = &posts};
        for (uint32_t k = 0; k < a->n_hp; k++)
            if (a->hp[k].lead) each_pair(&a->hp[k], hp_vote, &v);
        size_t best = SIZE_MAX;
        int tie = 0;
        for (size_t j = 0; j < v.nd; j++) {
            if (best == SIZE_MAX || v.votes[j] > v.votes[best]) {
                best = j;
                tie = 0;
            } else if (v.votes[j] == v.votes[best]) {
                tie = 1;
            }
        }
        if (best != SIZE_MAX && !tie) {
            a->day = v.day[best];
            a->inferred = 1;
        }
    }
done:
    free(want.v);
    free(posts.v);
    return rc;
}

/* Merge pass: a story whose centroid is close enough to another's joins it (the pieces of one
 * happening that the threshold kept apart, often because of the order articles came in). A
 * story the caller gave is never merged away: only this run's stories move, into it. */
static dossier_status merge_stories(clusterer *c, uint32_t stamp_base)
{
    size_t ns = c->n_stories;
    c->up = malloc((ns + 1) * sizeof *c->up);
    if (!c->up) return DOSSIER_ERR_NOMEM;
    for (size_t s = 0; s < ns; s++) c->up[s] = s;
    for (size_t s = 0; s < ns; s++) {
        story *st = &c->stories[s];
        if (c->up[s] != s || !st->n || st->norm2 <= 0) continue;
        art q;
        memset(&q, 0, sizeof q);
        q.v = malloc(st->n * sizeof *q.v);
        if (!q.v) return DOSSIER_ERR_NOMEM;
        double norm = sqrt(st->norm2);
        for (uint32_t i = 0; i < st->n; i++) {
            q.v[i].t = st->c[i].t;
            q.v[i].w = (float)(st->c[i].w / norm);
        }
        q.n = st->n;
        q.anorm = (float)sqrt(st->anorm2 / st->norm2);
        q.day = st->first;
        memcpy(q.lang, st->lang, 3);
        size_t b;
        double score;
        best_story(c, &q, stamp_base + (uint32_t)s, s, &b, &score);
        free(q.v);
        if (b == SIZE_MAX || score < c->p.merge_threshold) continue;
        size_t into = root(c->up, b), from = s;
        if (into == from) continue;
        if (c->stories[from].id && c->stories[into].id) continue; /* both stored already */
        if (c->stories[from].id) {
            size_t t = into;
            into = from;
            from = t;
        }
        story *src = &c->stories[from], *dst = &c->stories[into];
        if (!dst->n) continue; /* (an empty story would borrow src's centroid) */
        art m;
        memset(&m, 0, sizeof m);
        m.v = src->c;
        m.n = src->n;
        m.day = NO_DAY;
        dossier_status rc = story_add(c, dst, &m, 1);
        if (rc) return rc;
        if (src->first != NO_DAY) {
            if (dst->first == NO_DAY || src->first < dst->first) dst->first = src->first;
            if (dst->last == NO_DAY || src->last > dst->last) dst->last = src->last;
        }
        c->up[from] = into;
    }
    for (size_t i = 0; i < c->n_arts; i++)
        if (c->res[i].story != SIZE_MAX) c->res[i].story = root(c->up, c->res[i].story);
    for (size_t s = 0; s < ns; s++)
        if (c->up[s] != s) c->stories[s].n = 0; /* merged away: nothing left to describe */
    free(c->up);
    c->up = NULL;
    return DOSSIER_OK;
}

dossier_status cl_run(clusterer *c)
{
    dossier_status rc = DOSSIER_ERR_NOMEM;
    size_t n = c->n_arts;
    uint32_t *order = malloc((n + 1) * sizeof *order), *map = NULL;
    lsh l = {0};
    l.cap = 64;
    while (l.cap < n * MH_BANDS * 2) l.cap *= 2;
    l.keys = malloc(l.cap * sizeof *l.keys);
    l.head = calloc(l.cap, sizeof *l.head);
    l.next = malloc((n * MH_BANDS + 1) * sizeof *l.next);
    l.art = malloc((n * MH_BANDS + 1) * sizeof *l.art);
    c->res = calloc(n + 1, sizeof *c->res);
    c->post = calloc(c->n_terms + 1, sizeof *c->post);
    if (!order || !l.keys || !l.head || !l.next || !l.art || !c->res || !c->post) goto done;
    if (c->p.use_dates && (rc = infer_days(c))) goto done;
    rc = DOSSIER_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        weigh(c, &c->arts[i]);
        c->res[i].id = c->arts[i].id;
        c->res[i].story = SIZE_MAX;
        c->res[i].role = CL_MEMBER;
    }
    /* 1. the given stories, rebuilt from their members (ids to indices through a hash map) */
    size_t map_cap = 64;
    while (map_cap < n * 2) map_cap *= 2;
    map = calloc(map_cap, sizeof *map);
    if (!map) goto done;
    for (size_t i = 0; i < n; i++) {
        art *a = &c->arts[i];
        if (!a->given) continue;
        size_t j = (size_t)hash64(&a->given, sizeof a->given, 0) & (map_cap - 1);
        while (map[j] && c->stories[map[j] - 1].id != a->given) j = (j + 1) & (map_cap - 1);
        size_t s = map[j] ? map[j] - 1 : SIZE_MAX;
        if (s == SIZE_MAX) {
            if ((rc = new_story(c, a, a->given, &s))) goto done;
            map[j] = (uint32_t)s + 1;
        }
        c->res[i].story = s;
        c->res[i].role = a->given_dup ? CL_DUPLICATE : CL_MEMBER;
        if (!a->given_dup) {
            if ((rc = story_add(c, &c->stories[s], a, 1)) ||
                (rc = index_article(c, a, (uint32_t)s)))
                goto done;
        }
        lsh_insert(c, &l, (uint32_t)i);
    }
    rc = DOSSIER_ERR_NOMEM;
    /* 2. the new articles, earliest first */
    size_t nn = 0;
    for (size_t i = 0; i < n; i++)
        if (!c->arts[i].given) order[nn++] = (uint32_t)i;
    g_sort = c;
    qsort(order, nn, sizeof *order, by_day);
    size_t cap_hits = 0;
    for (size_t k = 0; k < nn; k++) {
        uint32_t i = order[k];
        art *a = &c->arts[i];
        cl_result *r = &c->res[i];
        r->is_new = 1;
        /* stamps and hits grow with the stories (at most one new story per article) */
        if (c->n_stories + 1 > cap_hits) {
            size_t cap = (c->n_stories + 1) * 2;
            uint32_t *st = realloc(c->stamp, cap * sizeof *st);
            if (st) c->stamp = st;
            uint32_t *h = realloc(c->hits, cap * sizeof *h);
            if (h) c->hits = h;
            if (!st || !h) goto done;
            memset(c->stamp + cap_hits, 0, (cap - cap_hits) * sizeof *st);
            cap_hits = cap;
        }
        double jac;
        size_t orig = find_original(c, &l, i, &jac);
        if (orig != SIZE_MAX) {
            const cl_result *o = &c->res[orig];
            r->story = o->story;
            r->role = CL_DUPLICATE;
            r->duplicate_of = o->role == CL_DUPLICATE && o->duplicate_of ? o->duplicate_of
                                                                         : c->arts[orig].id;
            r->score = jac;
            a->orig = c->arts[orig].orig ? c->arts[orig].orig : (uint32_t)orig + 1;
            lsh_insert(c, &l, i);
            continue;
        }
        size_t best;
        double score;
        best_story(c, a, i, SIZE_MAX, &best, &score);
        if (best == SIZE_MAX || score < c->p.threshold) {
            if ((rc = new_story(c, a, 0, &best))) goto done;
            rc = DOSSIER_ERR_NOMEM;
            score = 1;
        }
        r->story = best;
        r->score = score;
        if ((rc = story_add(c, &c->stories[best], a, 1)) ||
            (rc = index_article(c, a, (uint32_t)best)))
            goto done;
        rc = DOSSIER_ERR_NOMEM;
        lsh_insert(c, &l, i);
    }
    /* 3. second pass: with every story in place, an early article may fit a later story
     * better than the one it started (order effects); move it when clearly so */
    if (c->p.second_pass) {
        for (size_t k = 0; k < nn; k++) {
            uint32_t i = order[k];
            art *a = &c->arts[i];
            cl_result *r = &c->res[i];
            if (r->role == CL_DUPLICATE) continue;
            story *own = &c->stories[r->story];
            if ((rc = story_add(c, own, a, -1))) goto done;
            double own_sim = similarity(c, a, own);
            size_t best;
            double score;
            best_story(c, a, (uint32_t)(n + i), SIZE_MAX, &best, &score);
            size_t to = r->story;
            if (best != SIZE_MAX && best != r->story && score >= c->p.threshold &&
                score > own_sim + 0.05)
                to = best;
            if ((rc = story_add(c, &c->stories[to], a, 1))) goto done;
            if (to != r->story) {
                r->story = to;
                r->score = score;
                if ((rc = index_article(c, a, (uint32_t)to))) goto done;
            }
            rc = DOSSIER_ERR_NOMEM;
        }
        /* duplicates follow their originals */
        for (size_t k = 0; k < nn; k++) {
            cl_result *r = &c->res[order[k]];
            uint32_t o = c->arts[order[k]].orig;
            if (r->role == CL_DUPLICATE && o) r->story = c->res[o - 1].story;
        }
    }
    if (c->p.merge_threshold > 0 && nn > 0 && (rc = merge_stories(c, (uint32_t)(2 * n + 1))))
        goto done;
    rc = describe(c);
done:
    free(order);
    free(map);
    free(l.keys);
    free(l.head);
    free(l.next);
    free(l.art);
    return rc;
}

/* ---- results ---- */

/* Labels prefer whole names, then single names, then words; numbers and dates rarely. */
static float label_boost(const term *t)
{
    switch (t->key[0]) {
    case FEAT_RUN: return 2.2f;
    case FEAT_NAME: return 1.3f;
    case FEAT_WORD: return 1.0f;
    default: return 0.3f;
    }
}

/* ASCII-case-insensitive equality of two surfaces ("Defence" the name, "defence" the word). */
static int same_surface(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if ((*a | 0x20) != (*b | 0x20)) return 0;
    return *a == *b;
}

/* Is w a word whose surface begins the name n ("israel" of "Israeli", "russian" of
 * "Russians"), letter case aside? */
static int word_of_name(const term *w, const term *n)
{
    if (w->key[0] != FEAT_WORD || (n->key[0] != FEAT_NAME && n->key[0] != FEAT_RUN)) return 0;
    size_t wl = strlen(w->surface);
    return wl >= 4 && strncasecmp(w->surface, n->surface, wl) == 0;
}

/* Whether an article's vector holds the term. */
static int art_has(const art *a, uint32_t t)
{
    uint32_t lo = 0, hi = a->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (a->v[mid].t < t) lo = mid + 1;
        else hi = mid;
    }
    return lo < a->n && a->v[lo].t == t;
}

#define LABEL_POOL 40 /* heaviest centroid terms re-weighed by how many members hold them */

/* The story's label: its heaviest names and words, a name run before its parts. Among the
 * heaviest, a term most members hold (the story's main actors) goes before one that a single
 * member uses a lot. `members` lists the story's articles (n_members of them). */
static dossier_status label_story(clusterer *c, const story *s, const uint32_t *members,
                                  size_t n_members, char **out)
{
    fv *cand = malloc((s->n + 1) * sizeof *cand);
    if (!cand) return DOSSIER_ERR_NOMEM;
    for (uint32_t i = 0; i < s->n; i++) {
        cand[i].t = s->c[i].t;
        const term *t = &c->terms[s->c[i].t];
        cand[i].w = s->c[i].w / kind_weight(t) * label_boost(t);
    }
    qsort(cand, s->n, sizeof *cand, by_weight_desc);
    if (n_members > 1) {
        size_t pool = s->n < LABEL_POOL ? s->n : LABEL_POOL;
        for (size_t i = 0; i < pool; i++) {
            size_t held = 0;
            for (size_t m = 0; m < n_members; m++) held += art_has(&c->arts[members[m]], cand[i].t);
            cand[i].w *= 0.25f + (float)held / (float)n_members;
        }
        qsort(cand, pool, sizeof *cand, by_weight_desc);
    }
    uint32_t pick[3];
    size_t np = 0;
    for (uint32_t i = 0; i < s->n && np < 3; i++) {
        const term *t = &c->terms[cand[i].t];
        int skip = 0;
        for (size_t k = 0; k < np && !skip; k++) {
            const term *u = &c->terms[pick[k]];
            if (same_surface(t->surface, u->surface) || word_of_name(t, u) || word_of_name(u, t))
                skip = 1;
            else if (t->key[0] == FEAT_NAME && u->key[0] == FEAT_RUN && strstr(u->key, t->key + 1))
                skip = 1;
            else if (t->key[0] == FEAT_RUN && u->key[0] == FEAT_NAME &&
                     strstr(t->key, u->key + 1)) {
                pick[k] = cand[i].t; /* the whole name replaces its part */
                skip = 1;
            }
        }
        if (!skip) pick[np++] = cand[i].t;
    }
    free(cand);
    dbuf b;
    dbuf_init(&b, 4096);
    for (size_t k = 0; k < np; k++) {
        if (k) dbuf_puts(&b, ", ");
        dbuf_puts(&b, c->terms[pick[k]].surface);
    }
    if (!b.ptr && dbuf_puts(&b, "")) return DOSSIER_ERR_NOMEM;
    *out = dbuf_detach(&b, NULL);
    return *out ? DOSSIER_OK : DOSSIER_ERR_NOMEM;
}

static dossier_status describe(clusterer *c)
{
    c->out = calloc(c->n_stories + 1, sizeof *c->out);
    if (!c->out) return DOSSIER_ERR_NOMEM;
    for (size_t i = 0; i < c->n_arts; i++) {
        const cl_result *r = &c->res[i];
        if (r->story == SIZE_MAX) continue;
        cl_story *o = &c->out[r->story];
        o->n_articles++;
        o->changed |= r->is_new;
        const char *d = c->arts[i].date;
        if (!d[0]) continue;
        if (!o->first[0] || strcmp(d, o->first) < 0) memcpy(o->first, d, 11);
        if (!o->last[0] || strcmp(d, o->last) > 0) memcpy(o->last, d, 11);
    }
    /* members of each story, as a counting sort of the articles by story */
    size_t *start = calloc(2 * (c->n_stories + 1), sizeof *start); /* then a fill count each */
    uint32_t *members = malloc((c->n_arts + 1) * sizeof *members);
    if (!start || !members) {
        free(start);
        free(members);
        return DOSSIER_ERR_NOMEM;
    }
    size_t *fill = start + c->n_stories + 1;
    for (size_t i = 0; i < c->n_arts; i++)
        if (c->res[i].story != SIZE_MAX) start[c->res[i].story + 1]++;
    for (size_t s = 0; s < c->n_stories; s++) start[s + 1] += start[s];
    for (size_t i = 0; i < c->n_arts; i++) {
        size_t s = c->res[i].story;
        if (s != SIZE_MAX) members[start[s] + fill[s]++] = (uint32_t)i;
    }
    dossier_status rc = DOSSIER_OK;
    for (size_t s = 0; s < c->n_stories && !rc; s++) {
        c->out[s].id = c->stories[s].id;
        if (!c->out[s].n_articles) continue;
        rc = label_story(c, &c->stories[s], members + start[s], start[s + 1] - start[s],
                         &c->out[s].label);
    }
    free(start);
    free(members);
    return rc;
}

const cl_result *cl_results(const clusterer *c, size_t *n)
{
    *n = c->res ? c->n_arts : 0;
    return c->res;
}

const cl_story *cl_stories(const clusterer *c, size_t *n)
{
    *n = c->out ? c->n_stories : 0;
    return c->out;
}

