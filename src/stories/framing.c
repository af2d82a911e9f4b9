/*
 * framing.c - each outlet's distinctive words and phrases: the log-odds ratio with an
 * informative Dirichlet prior of Monroe, Colaresi and Quinn (2008, "Fightin' Words"), outlet
 * against the rest of the story, the prior being the story's own term counts. Terms are words
 * and 2-3 word phrases within a sentence, with no stopword at either end; stopwords are found in
 * the story itself (frequent words in most of its articles, mostly written in lower case, or
 * frequent very short ones), together with the language's list of data/stopwords/ where there is
 * one. Near-duplicates (wire copies) are not counted.
 *
 * Log-odds cannot see a phrase an outlet uses once ("illegal and aggressive war"), yet such a
 * phrase is often the clearest sign of a line. So each outlet also gets its loaded language:
 * phrases of up to four words around a word of data/loaded/<lang>.txt (evaluative, loaded and
 * hedging words: "supposedly", "regime", "brutal") that no other outlet of the story uses.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/lexicon.h"
#include "stories/cluster.h"
#include "stories/cmp_text.h"
#include "stories/compare_internal.h"

/* The loaded-word lists compiled in (data/loaded/<lang>.txt). */
extern const lex_source loaded_embedded[];
extern const size_t loaded_embedded_count;

#define FR_MAX_N 3          /* distinctive phrases of up to three words */
#define FR_LOADED_N 4       /* loaded phrases of up to four words ("illegal and aggressive war") */
#define FR_LOADED_TOP 6     /* loaded phrases per outlet */
#define FR_MIN_COUNT 2      /* a term used once is never distinctive */
#define FR_Z 1.645          /* one-sided 95%: "distinctive" asks only about over-use */
#define FR_PRIOR 0.25       /* prior size: a quarter of the story's own counts (alpha_0 of
                               Monroe et al.); the full counts drown a story of three articles,
                               where a phrase used 3 times by one outlet and never by the others
                               scores 1.3 against 1.65 with this prior */
#define FR_TOP 15           /* terms per outlet */
#define FR_MIN_TOKENS 40    /* an outlet with less text has no framing */
#define FR_STOP_SHARE 0.10  /* a lower-case word in this share of sentences is a stopword */
#define FR_SHORT_SHARE 0.02 /* ... or in this share when at most 3 characters long */

/* One term of the story. */
typedef struct fterm {
    const char *text;  /* the term, words joined by single spaces */
    uint32_t total;    /* count in the whole story */
    uint32_t *count;   /* per outlet */
    uint32_t n_words;  /* 1-4 (4: loaded phrases only) */
    uint8_t n_loaded;  /* its loaded words */
    uint8_t lead;      /* 1: its first word is loaded */
} fterm;

/* One word's story-wide statistics, for the stopword test. */
typedef struct fword {
    uint32_t sents;  /* sentences containing it */
    uint32_t seen;   /* occurrences */
    uint32_t capped; /* occurrences written capitalised mid-sentence */
    uint32_t last;   /* last sentence counted (global sentence number + 1) */
    uint32_t chars;  /* code points */
    uint32_t arts;   /* articles containing it */
    uint32_t last_art; /* last article counted (index + 1) */
} fword;

/* A candidate of one outlet. */
typedef struct fcand {
    uint32_t term;    /* index */
    uint32_t n_words; /* its words: on equal z the longer phrase says more */
    double z;         /* score */
    uint32_t total;   /* loaded phrases: its count in the story */
    uint8_t n_loaded; /* ... its loaded words */
    uint8_t lead;     /* ... 1 when its first word is loaded */
} fcand;

static int by_z(const void *pa, const void *pb)
{
    const fcand *a = pa, *b = pb;
    if (a->z != b->z) return a->z > b->z ? -1 : 1;
    if (a->n_words != b->n_words) return a->n_words > b->n_words ? -1 : 1;
    return a->term < b->term ? -1 : a->term > b->term;
}

static uint32_t count_chars(const char *p, size_t n)
{
    uint32_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)p[i] & 0xC0) != 0x80) k++;
    return k;
}

static int has_letter(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if ((c >= 'a' && c <= 'z') || c >= 0x80) return 1;
    }
    return 0;
}

/* Is the term `t` (a phrase) inside `u` at word boundaries? */
static int contains_words(const char *u, const char *t)
{
    size_t nt = strlen(t);
    for (const char *p = strstr(u, t); p; p = strstr(p + 1, t))
        if ((p == u || p[-1] == ' ') && (p[nt] == 0 || p[nt] == ' ')) return 1;
    return 0;
}

typedef struct fstate {
    arena *s;            /* scratch */
    cmp_words *words;    /* per article */
    cmp_map wmap;        /* word hash -> fword index */
    fword *fw;           /* word statistics */
    size_t n_fw, cap_fw;
    cmp_map tmap;        /* term hash -> term index */
    fterm *terms;
    size_t n_terms, cap_terms;
    size_t n_outlets;
    size_t n_arts;             /* articles counted */
    const story_article *arts; /* the story's articles (their quotes) */
    uint8_t **loaded;          /* per article, per word: 1 when it is loaded and the outlet's own */
    const char *lang;    /* language of the article being read ("en"), or NULL */
} fstate;

/* The word lists every framing reads, built once per process and then only read (safe from
 * any thread): the loaded words of data/loaded/ and the stopwords of data/stopwords/. */
static struct {
    arena *mem;     /* the loaded-word map's memory */
    cmp_map loaded; /* hashes of the loaded words */
    int loaded_ok;  /* 1 once the map is complete */
    feat_ctx *fx;   /* stopwords (feat_is_stopword only: its stemmers are never used here) */
} g_lists;
static pthread_once_t g_lists_once = PTHREAD_ONCE_INIT;

static uint64_t loaded_hash(const char *p, size_t n) { return hash64(p, n, 0x10ad); }

static int add_loaded(void *user, const lex_source *src, const char *w, size_t n)
{
    (void)user;
    (void)src;
    return cmp_map_put(g_lists.mem, &g_lists.loaded, loaded_hash(w, n), 1, NULL) ? 0 : 1;
}

static void lists_build(void)
{
    g_lists.fx = feat_ctx_new(); /* without it (out of memory) the story's own stopwords only */
    g_lists.mem = arena_new(0);
    if (!g_lists.mem || cmp_map_init(g_lists.mem, &g_lists.loaded, 1024)) return;
    for (size_t i = 0; i < loaded_embedded_count; i++)
        if (feat_each_word(&loaded_embedded[i], add_loaded, NULL)) return;
    g_lists.loaded_ok = 1;
}

/* Is the word loaded: itself, or one part of it between hyphens ("supposedly-imperiled")? */
static int is_loaded(const cmp_word *w)
{
    const char *p = w->norm, *end = w->norm + w->norm_len;
    if (cmp_map_get(&g_lists.loaded, loaded_hash(p, w->norm_len))) return 1;
    while (p < end) {
        const char *dash = memchr(p, '-', (size_t)(end - p));
        if (!dash) dash = end;
        if (dash - p >= 3 && (p != w->norm || dash != end) &&
            cmp_map_get(&g_lists.loaded, loaded_hash(p, (size_t)(dash - p))))
            return 1;
        p = dash + 1;
    }
    return 0;
}

/* Is word w of article `art` loaded, and the outlet's own word: not inside a quotation (a
 * speaker's "aggression" is the speaker's framing, not the outlet's)? */
static int is_loaded_here(const fstate *st, size_t art, const cmp_word *w)
{
    if (!is_loaded(w)) return 0;
    const quote_list *q = st->arts[art].quotes;
    for (size_t k = 0; q && k < q->n; k++) {
        const quote *x = &q->items[k];
        if (x->kind == QUOTE_INDIRECT) continue;
        if (x->at.start > w->at.start) break;
        if (w->at.end > x->at.end) continue;
        if (!x->n_segments) return 0;
        for (size_t g = 0; g < x->n_segments; g++)
            if (x->segments[g].start <= w->at.start && w->at.end <= x->segments[g].end) return 0;
    }
    return 1;
}

static int is_stop(const fstate *st, const cmp_word *w, size_t n_sent)
{
    uint32_t *v = cmp_map_get(&st->wmap, w->h);
    if (!v) return 0;
    const fword *f = &st->fw[*v];
    /* the language's own list, where there is one ("very", "about", "said", "now"), unless
     * the word is mostly capitalised mid-sentence ("US" the country, not "us"; but "I") */
    if (st->lang && g_lists.fx && feat_is_stopword(g_lists.fx, st->lang, w->norm, w->norm_len) &&
        (f->capped * 2 <= f->seen || f->chars == 1))
        return 1;
    if (f->capped * 2 > f->seen) return 0; /* mostly capitalised mid-sentence: a name */
    /* A function word is everywhere: one that half the articles never use is a topic word, if
     * anything (and maybe the very term an outlet is distinctive for). */
    if (f->arts * 2 < st->n_arts || f->arts < 2) return 0;
    double share = (double)f->sents / (double)(n_sent ? n_sent : 1);
    return share >= FR_STOP_SHARE || (f->chars <= 3 && share >= FR_SHORT_SHARE && f->sents >= 2);
}

/* The term of words [w0, w1), its hash, its text when `text` is set. */
static uint64_t term_hash(const cmp_word *w, size_t w0, size_t w1)
{
    uint64_t h = 0x7e4d;
    for (size_t i = w0; i < w1; i++) h = hash64(&w[i].h, sizeof w[i].h, h);
    return h ? h : 1;
}

static char *term_text(arena *a, const cmp_word *w, size_t w0, size_t w1)
{
    size_t len = 0;
    for (size_t i = w0; i < w1; i++) len += w[i].norm_len + 1;
    char *t = arena_alloc(a, len);
    if (!t) return NULL;
    size_t k = 0;
    for (size_t i = w0; i < w1; i++) {
        if (i > w0) t[k++] = ' ';
        memcpy(t + k, w[i].norm, w[i].norm_len);
        k += w[i].norm_len;
    }
    t[k] = 0;
    return t;
}

/* Calls fn(st, article, w0, w1, user) for every term occurrence of article i. */
typedef dossier_status (*term_fn)(fstate *st, size_t art, size_t w0, size_t w1, void *user);

static dossier_status each_term(fstate *st, size_t i, size_t n_sent, term_fn fn, void *user)
{
    const cmp_words *cw = &st->words[i];
    const char *lang = st->arts[i].art ? st->arts[i].art->lang : NULL;
    st->lang = lang && strlen(lang) >= 2 ? lang : NULL;
    for (size_t t = 0; t < cw->n_sent; t++) {
        for (size_t w0 = cw->first[t]; w0 < cw->first[t + 1]; w0++) {
            if (is_stop(st, &cw->w[w0], n_sent)) continue;
            for (size_t len = 1; len <= FR_LOADED_N && w0 + len <= cw->first[t + 1]; len++) {
                const cmp_word *last = &cw->w[w0 + len - 1];
                if (is_stop(st, last, n_sent)) continue;
                /* Words must follow each other in the text (no dropped token between). */
                if (len > 1 && last->tok - cw->w[w0 + len - 2].tok > 1) break;
                if (len == 1 && !has_letter(last->norm, last->norm_len)) continue;
                dossier_status rc = fn(st, i, w0, w0 + len, user);
                if (rc) return rc;
            }
        }
    }
    return DOSSIER_OK;
}

typedef struct count_ctx {
    const comparison *c;
    uint64_t *outlet_tokens; /* per outlet: term occurrences */
} count_ctx;

static dossier_status count_term(fstate *st, size_t art, size_t w0, size_t w1, void *user)
{
    count_ctx *cx = user;
    const cmp_word *w = st->words[art].w;
    int added;
    uint32_t *v = cmp_map_put(st->s, &st->tmap, term_hash(w, w0, w1), (uint32_t)st->n_terms, &added);
    if (!v) return DOSSIER_ERR_NOMEM;
    if (added) {
        if (st->n_terms == st->cap_terms) {
            size_t nc = st->cap_terms ? st->cap_terms * 2 : 1024;
            fterm *g = arena_alloc(st->s, nc * sizeof *g);
            if (!g) return DOSSIER_ERR_NOMEM;
            if (st->n_terms) memcpy(g, st->terms, st->n_terms * sizeof *g);
            st->terms = g, st->cap_terms = nc;
        }
        fterm *t = &st->terms[st->n_terms++];
        t->text = NULL;
        t->total = 0;
        t->n_words = (uint32_t)(w1 - w0);
        t->n_loaded = 0;
        t->lead = 0;
        t->count = arena_calloc(st->s, st->n_outlets, sizeof *t->count);
        if (!t->count) return DOSSIER_ERR_NOMEM;
    }
    fterm *t = &st->terms[*v];
    /* loaded as used here: the most loaded occurrence counts */
    const uint8_t *ld = st->loaded[art];
    uint8_t nl = 0;
    for (size_t k = w0; k < w1; k++)
        nl += ld[k];
    if (nl > t->n_loaded) t->n_loaded = nl;
    if (ld[w0]) t->lead = 1;
    uint32_t o = cx->c->article_outlet[art];
    t->count[o]++;
    t->total++;
    cx->outlet_tokens[o]++;
    return DOSSIER_OK;
}

typedef struct example_ctx {
    const comparison *c;
    size_t outlet;          /* the outlet being filled */
    cmp_term *terms;        /* its chosen terms so far (distinctive or loaded) */
    size_t n_terms;
    uint32_t *chosen;       /* term index per chosen term */
    uint8_t *has_example;   /* per chosen term */
} example_ctx;

static dossier_status find_example(fstate *st, size_t art, size_t w0, size_t w1, void *user)
{
    example_ctx *ex = user;
    if (ex->c->article_outlet[art] != ex->outlet) return DOSSIER_OK;
    const cmp_word *w = st->words[art].w;
    uint32_t *v = cmp_map_get(&st->tmap, term_hash(w, w0, w1));
    if (!v) return DOSSIER_OK;
    for (size_t k = 0; k < ex->n_terms; k++) {
        if (ex->chosen[k] != *v || ex->has_example[k]) continue;
        ex->has_example[k] = 1;
        ex->terms[k].example.article = (uint32_t)art;
        ex->terms[k].example.at.start = w[w0].at.start;
        ex->terms[k].example.at.end = w[w1 - 1].at.end;
        if (!st->terms[*v].text) {
            st->terms[*v].text = term_text(st->s, w, w0, w1);
            if (!st->terms[*v].text) return DOSSIER_ERR_NOMEM;
        }
    }
    return DOSSIER_OK;
}

/* Loaded phrases first by their loaded words ("illegal and aggressive" before "aggressive"),
 * then shorter (the loaded word itself says it; its example shows the context), then led by
 * one, then used more. */
static int by_loaded(const void *pa, const void *pb)
{
    const fcand *a = pa, *b = pb;
    if (a->n_loaded != b->n_loaded) return a->n_loaded > b->n_loaded ? -1 : 1;
    if (a->n_words != b->n_words) return a->n_words < b->n_words ? -1 : 1;
    if (a->lead != b->lead) return a->lead > b->lead ? -1 : 1;
    if (a->total != b->total) return a->total > b->total ? -1 : 1;
    uint32_t x = ((const fcand *)pa)->term, y = ((const fcand *)pb)->term;
    return x < y ? -1 : x > y;
}

/* Fills fr->loaded: the outlet's phrases around a loaded word that no other outlet uses, at
 * most FR_LOADED_TOP, none overlapping another in the text. `cand` has room for every term. */
static dossier_status loaded_terms(arena *a, fstate *st, const comparison *c,
                                   const story_article *arts, size_t n, size_t n_sent, size_t o,
                                   cmp_framing *fr, fcand *cand)
{
    size_t nc = 0;
    for (size_t t = 0; t < st->n_terms; t++) {
        const fterm *ft = &st->terms[t];
        if (!ft->n_loaded || !ft->count[o] || ft->total != ft->count[o]) continue;
        cand[nc].term = (uint32_t)t;
        cand[nc].n_words = ft->n_words;
        cand[nc].z = 0;
        cand[nc].total = ft->total;
        cand[nc].n_loaded = ft->n_loaded;
        cand[nc].lead = ft->lead;
        nc++;
    }
    if (!nc) return DOSSIER_OK;
    qsort(cand, nc, sizeof *cand, by_loaded);
    fr->loaded = arena_calloc(a, FR_LOADED_TOP, sizeof *fr->loaded);
    if (!fr->loaded) return DOSSIER_ERR_NOMEM;
    uint32_t chosen[FR_LOADED_TOP];
    uint8_t has_example[FR_LOADED_TOP] = {0};
    for (size_t k = 0; k < nc && fr->n_loaded < FR_LOADED_TOP; k++) {
        size_t at = fr->n_loaded;
        chosen[at] = cand[k].term;
        fr->loaded[at].count = st->terms[cand[k].term].count[o];
        fr->n_loaded++;
        example_ctx ex = {c, o, fr->loaded, fr->n_loaded, chosen, has_example};
        for (size_t i = 0; i < n && !has_example[at]; i++) {
            if (arts[i].duplicate_of >= 0 || c->article_outlet[i] != o) continue;
            dossier_status rc = each_term(st, i, n_sent, find_example, &ex);
            if (rc) return rc;
        }
        const cmp_ref *e = &fr->loaded[at].example;
        const char *text = st->terms[cand[k].term].text;
        int drop = !has_example[at] || !text;
        for (size_t q = 0; q < at && !drop; q++) {
            const cmp_ref *f = &fr->loaded[q].example;
            drop = (e->article == f->article && e->at.start < f->at.end &&
                    f->at.start < e->at.end) ||
                   contains_words(fr->loaded[q].term, text) ||
                   contains_words(text, fr->loaded[q].term);
        }
        if (drop) {
            fr->n_loaded--;
            has_example[at] = 0;
            continue;
        }
        fr->loaded[at].term = arena_strdup(a, st->terms[cand[k].term].text);
        if (!fr->loaded[at].term) return DOSSIER_ERR_NOMEM;
    }
    return DOSSIER_OK;
}

dossier_status cmp_outlet_framing(arena *a, const story_article *arts, size_t n, comparison *c)
{
    c->framing = NULL;
    c->n_framing = 0;
    if (c->n_outlets < 2) return DOSSIER_OK;
    fstate st;
    memset(&st, 0, sizeof st);
    st.n_outlets = c->n_outlets;
    st.arts = arts;
    pthread_once(&g_lists_once, lists_build);
    st.s = arena_new(0);
    if (!st.s) return DOSSIER_ERR_NOMEM;
    dossier_status rc = DOSSIER_ERR_NOMEM;
    uint64_t *outlet_tokens = arena_calloc(st.s, c->n_outlets, sizeof *outlet_tokens);
    st.words = arena_calloc(st.s, n, sizeof *st.words);
    st.loaded = arena_calloc(st.s, n, sizeof *st.loaded);
    fcand *cand = NULL;
    if (!outlet_tokens || !st.words || !st.loaded || !g_lists.loaded_ok ||
        cmp_map_init(st.s, &st.wmap, 4096) || cmp_map_init(st.s, &st.tmap, 16384))
        goto done;
    /* Word statistics over the whole story (duplicates left out). */
    size_t n_sent = 0;
    for (size_t i = 0; i < n; i++) {
        if (arts[i].duplicate_of >= 0) continue;
        if ((rc = cmp_words_of(st.s, arts[i].nlp, &st.words[i]))) goto done;
        const cmp_words *cw = &st.words[i];
        rc = DOSSIER_ERR_NOMEM;
        if (!(st.loaded[i] = arena_alloc(st.s, cw->n ? cw->n : 1))) goto done;
        for (size_t k = 0; k < cw->n; k++)
            st.loaded[i][k] = (uint8_t)is_loaded_here(&st, i, &cw->w[k]);
        for (size_t k = 0; k < cw->n; k++) {
            int added;
            uint32_t *v = cmp_map_put(st.s, &st.wmap, cw->w[k].h, (uint32_t)st.n_fw, &added);
            rc = DOSSIER_ERR_NOMEM;
            if (!v) goto done;
            if (added) {
                if (st.n_fw == st.cap_fw) {
                    size_t nc = st.cap_fw ? st.cap_fw * 2 : 1024;
                    fword *g = arena_calloc(st.s, nc, sizeof *g);
                    if (!g) goto done;
                    if (st.n_fw) memcpy(g, st.fw, st.n_fw * sizeof *g);
                    st.fw = g, st.cap_fw = nc;
                }
                st.fw[st.n_fw].chars = count_chars(cw->w[k].norm, cw->w[k].norm_len);
                st.n_fw++;
            }
            fword *f = &st.fw[*v];
            f->seen++;
            f->capped += cw->w[k].cap;
            uint32_t gs = (uint32_t)(n_sent + cw->w[k].sent + 1);
            if (f->last != gs) f->sents++, f->last = gs;
            if (f->last_art != i + 1) f->arts++, f->last_art = (uint32_t)(i + 1);
        }
        n_sent += cw->n_sent;
        st.n_arts++;
    }
    count_ctx cx = {c, outlet_tokens};
    for (size_t i = 0; i < n; i++) {
        if (arts[i].duplicate_of >= 0) continue;
        if ((rc = each_term(&st, i, n_sent, count_term, &cx))) goto done;
    }
    uint64_t all_tokens = 0;
    for (size_t o = 0; o < c->n_outlets; o++) all_tokens += outlet_tokens[o];
    rc = DOSSIER_ERR_NOMEM;
    c->framing = arena_calloc(a, c->n_outlets, sizeof *c->framing);
    cand = malloc((st.n_terms ? st.n_terms : 1) * sizeof *cand);
    if (!c->framing || !cand) goto done;
    rc = DOSSIER_OK;
    for (size_t o = 0; o < c->n_outlets && !rc; o++) {
        double ni = (double)outlet_tokens[o], nj = (double)(all_tokens - outlet_tokens[o]);
        if (ni < FR_MIN_TOKENS || nj < FR_MIN_TOKENS) continue;
        /* Monroe et al. eq. 16-22: alpha_w = FR_PRIOR * the story's count of w. */
        double a0 = FR_PRIOR * (double)all_tokens;
        size_t nc = 0;
        for (size_t t = 0; t < st.n_terms; t++) {
            double yi = st.terms[t].count[o];
            if (yi < FR_MIN_COUNT || st.terms[t].n_words > FR_MAX_N) continue;
            double yj = st.terms[t].total - yi, aw = FR_PRIOR * st.terms[t].total;
            double d = log((yi + aw) / (ni + a0 - yi - aw)) - log((yj + aw) / (nj + a0 - yj - aw));
            double z = d / sqrt(1.0 / (yi + aw) + 1.0 / (yj + aw));
            if (z <= FR_Z) continue;
            cand[nc].term = (uint32_t)t;
            cand[nc].n_words = st.terms[t].n_words;
            cand[nc].z = z;
            nc++;
        }
        qsort(cand, nc, sizeof *cand, by_z);
        cmp_framing *fr = &c->framing[c->n_framing];
        fr->outlet = o;
        fr->terms = arena_calloc(a, FR_TOP, sizeof *fr->terms);
        uint32_t chosen[FR_TOP];
        uint8_t has_example[FR_TOP] = {0};
        if (!fr->terms) {
            rc = DOSSIER_ERR_NOMEM;
            break;
        }
        /* Texts are made on the first example; pick in order of z, dropping a term inside a
         * chosen phrase it never occurs outside of, and a phrase around a chosen word with the
         * same count (the shorter says it). */
        for (size_t k = 0; k < nc && fr->n_terms < FR_TOP; k++) {
            chosen[fr->n_terms] = cand[k].term;
            fr->terms[fr->n_terms].z = cand[k].z;
            fr->terms[fr->n_terms].count = st.terms[cand[k].term].count[o];
            fr->n_terms++;
            example_ctx ex = {c, o, fr->terms, fr->n_terms, chosen, has_example};
            for (size_t i = 0; i < n && !has_example[fr->n_terms - 1]; i++) {
                if (arts[i].duplicate_of >= 0 || c->article_outlet[i] != o) continue;
                if ((rc = each_term(&st, i, n_sent, find_example, &ex))) goto done;
            }
            const char *text = st.terms[cand[k].term].text;
            int drop = !text;
            for (size_t q = 0; q + 1 < fr->n_terms && !drop; q++) {
                const char *u = st.terms[chosen[q]].text;
                uint32_t cu = fr->terms[q].count, ct = fr->terms[fr->n_terms - 1].count;
                if (cu == ct && (contains_words(u, text) || contains_words(text, u))) drop = 1;
            }
            if (drop) {
                fr->n_terms--;
                has_example[fr->n_terms] = 0;
                continue;
            }
            fr->terms[fr->n_terms - 1].term = arena_strdup(a, text);
            if (!fr->terms[fr->n_terms - 1].term) {
                rc = DOSSIER_ERR_NOMEM;
                break;
            }
        }
        if ((rc = loaded_terms(a, &st, c, arts, n, n_sent, o, fr, cand))) break;
        if (fr->n_terms || fr->n_loaded) c->n_framing++;
    }
done:
    free(cand);
    arena_free(st.s);
    if (rc) {
        c->framing = NULL;
        c->n_framing = 0;
    }
    return rc;
}
