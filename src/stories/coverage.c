/*
 * coverage.c - the coverage matrix: the story's sentences aligned across articles into claims,
 * and which outlets carry each. Sentences are bags of words weighted by their inverse sentence
 * frequency within the story (words every sentence has weigh next to nothing, which keeps this
 * free of language-specific stopword lists); two sentences of different articles align when
 * their weighted cosine reaches COV_MIN_SIM. Pairs are merged best first, and a claim never
 * takes two sentences of one article. Fragments under COV_MIN_WORDS words (datelines, captions,
 * bylines) are left out. A sentence with the very words of an earlier one in another article
 * (a wire copy's) joins that one's claim at once and takes no part in the pairing, which would
 * otherwise grow with the square of a story's copies.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stories/cmp_text.h"
#include "stories/compare_internal.h"

#define COV_MIN_WORDS 6   /* shorter sentences are fragments: "Reply delivered", bylines */
#define COV_MIN_SIM 0.30  /* weighted cosine for "the same claim": a reworded sentence of a
                             wire story keeps its names, numbers and key nouns, ~0.45-0.8 */

/* One sentence of the story. */
typedef struct csent {
    uint32_t art;      /* article */
    span at;           /* its bytes */
    uint64_t *h;       /* distinct word hashes */
    uint32_t *ids;     /* their vocabulary ids */
    size_t n;          /* how many */
    double norm;       /* length of its weighted vector */
    size_t root;       /* union-find parent */
    size_t next;       /* next member of its claim (SIZE_MAX ends) */
    size_t size;       /* members (at roots) */
    uint64_t sig;      /* hash of its distinct words: equal for a copied sentence */
    int twin;          /* 1: joined the claim of an earlier sentence with the same words */
} csent;

typedef struct cpair {
    uint32_t i, j; /* sentences */
    double sim;    /* cosine */
} cpair;

static int by_sim(const void *pa, const void *pb)
{
    const cpair *a = pa, *b = pb;
    if (a->sim != b->sim) return a->sim > b->sim ? -1 : 1;
    if (a->i != b->i) return a->i < b->i ? -1 : 1;
    return a->j < b->j ? -1 : a->j > b->j;
}

static size_t root_of(csent *s, size_t i)
{
    while (s[i].root != i) {
        s[i].root = s[s[i].root].root;
        i = s[i].root;
    }
    return i;
}

static int by_u64(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a < b ? -1 : a > b;
}

/* Collects the sentences long enough to be claims, with their distinct words. */
static dossier_status collect(arena *s, const story_article *arts, size_t n, csent **out,
                              size_t *n_out)
{
    size_t cap = 0;
    for (size_t i = 0; i < n; i++)
        if (arts[i].nlp) cap += arts[i].nlp->n_sentences;
    csent *ss = arena_calloc(s, cap ? cap : 1, sizeof *ss);
    if (!ss) return DOSSIER_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const nlp_doc *doc = arts[i].nlp;
        if (!doc) continue;
        cmp_words cw;
        dossier_status rc = cmp_words_of(s, doc, &cw);
        if (rc) return rc;
        for (size_t t = 0; t < cw.n_sent; t++) {
            size_t w0 = cw.first[t], w1 = cw.first[t + 1];
            if (w1 - w0 < COV_MIN_WORDS) continue;
            csent *x = &ss[k];
            x->art = (uint32_t)i;
            x->at = doc->sentences[t];
            x->h = arena_alloc(s, (w1 - w0) * sizeof *x->h);
            x->ids = arena_alloc(s, (w1 - w0) * sizeof *x->ids);
            if (!x->h || !x->ids) return DOSSIER_ERR_NOMEM;
            for (size_t w = w0; w < w1; w++) x->h[w - w0] = cw.w[w].h;
            qsort(x->h, w1 - w0, sizeof *x->h, by_u64);
            size_t m = 0;
            for (size_t w = 0; w < w1 - w0; w++)
                if (!m || x->h[m - 1] != x->h[w]) x->h[m++] = x->h[w];
            x->n = m;
            x->sig = m ? hash64(x->h, m * sizeof *x->h, 0xc0fe) : 0;
            x->root = k;
            x->next = SIZE_MAX;
            x->size = 1;
            k++;
        }
    }
    *out = ss;
    *n_out = k;
    return DOSSIER_OK;
}

/* Does claim a (root) have a sentence of an article that claim b (root) has too? */
static int share_article(const csent *s, size_t a, size_t b)
{
    for (size_t i = a; i != SIZE_MAX; i = s[i].next)
        for (size_t j = b; j != SIZE_MAX; j = s[j].next)
            if (s[i].art == s[j].art) return 1;
    return 0;
}

static int by_weight(const void *pa, const void *pb)
{
    const cmp_claim *a = pa, *b = pb;
    if (a->weight != b->weight) return a->weight > b->weight ? -1 : 1;
    return cmp_ref_order(&a->refs[0], &b->refs[0]);
}

static int by_ref(const void *pa, const void *pb)
{
    return cmp_ref_order(pa, pb);
}

dossier_status cmp_coverage_matrix(arena *a, const story_article *arts, size_t n, comparison *c)
{
    c->claims = NULL;
    c->n_claims = 0;
    arena *s = arena_new(0);
    if (!s) return DOSSIER_ERR_NOMEM;
    csent *ss = NULL;
    size_t ns = 0;
    cpair *pairs = NULL;
    dossier_status rc = collect(s, arts, n, &ss, &ns);
    if (rc || !ns) goto done;

    /* Copied sentences straight into their first copy's claim. */
    cmp_map sigs;
    if ((rc = cmp_map_init(s, &sigs, ns))) goto done;
    for (size_t i = 0; i < ns; i++) {
        if (!ss[i].sig) continue;
        int added;
        uint32_t *v = cmp_map_put(s, &sigs, ss[i].sig, (uint32_t)i, &added);
        if (!v) goto nomem;
        if (added) continue;
        size_t x = root_of(ss, *v);
        size_t y = i; /* a single sentence still: its own root */
        if (share_article(ss, x, y)) continue;
        ss[y].root = x;
        ss[y].next = ss[x].next;
        ss[x].next = y;
        ss[x].size++;
        ss[y].twin = 1;
    }

    /* Vocabulary, sentence frequencies and postings. */
    cmp_map vocab;
    if ((rc = cmp_map_init(s, &vocab, ns * 8))) goto done;
    uint32_t n_words = 0;
    size_t total = 0;
    for (size_t i = 0; i < ns; i++) {
        for (size_t w = 0; w < ss[i].n; w++) {
            int added;
            uint32_t *v = cmp_map_put(s, &vocab, ss[i].h[w], n_words, &added);
            if (!v) goto nomem;
            if (added) n_words++;
            ss[i].ids[w] = *v;
        }
        total += ss[i].n;
    }
    uint32_t *df = arena_calloc(s, n_words, sizeof *df);
    uint32_t *post_at = arena_calloc(s, (size_t)n_words + 1, sizeof *post_at);
    uint32_t *post = arena_alloc(s, (total ? total : 1) * sizeof *post);
    double *idf = arena_alloc(s, (n_words ? n_words : 1) * sizeof *idf);
    double *acc = arena_calloc(s, ns, sizeof *acc);
    uint32_t *touched = arena_alloc(s, ns * sizeof *touched);
    double *centroid = arena_calloc(s, n_words ? n_words : 1, sizeof *centroid);
    if (!df || !post_at || !post || !idf || !acc || !touched || !centroid) goto nomem;
    /* (copies count once: they neither weigh words down nor sit in the postings) */
    size_t n_live = 0;
    for (size_t i = 0; i < ns; i++) {
        if (ss[i].twin) continue;
        n_live++;
        for (size_t w = 0; w < ss[i].n; w++) df[ss[i].ids[w]]++;
    }
    for (uint32_t w = 0; w < n_words; w++) {
        post_at[w + 1] = post_at[w] + df[w];
        idf[w] = df[w] ? log((double)(n_live + 1) / (double)df[w]) : 0;
    }
    {
        uint32_t *fill = arena_alloc(s, (n_words ? n_words : 1) * sizeof *fill);
        if (!fill) goto nomem;
        memcpy(fill, post_at, n_words * sizeof *fill);
        for (size_t i = 0; i < ns; i++)
            for (size_t w = 0; w < ss[i].n; w++)
                if (!ss[i].twin) post[fill[ss[i].ids[w]]++] = (uint32_t)i;
    }
    for (size_t i = 0; i < ns; i++) {
        double q = 0;
        for (size_t w = 0; w < ss[i].n; w++) {
            q += idf[ss[i].ids[w]] * idf[ss[i].ids[w]];
            if (!ss[i].twin) centroid[ss[i].ids[w]] += idf[ss[i].ids[w]];
        }
        ss[i].norm = sqrt(q);
    }

    /* Candidate pairs through the postings: every pair of sentences of different articles
     * sharing a word, scored by weighted cosine. */
    size_t cap = 256, np = 0;
    pairs = malloc(cap * sizeof *pairs);
    if (!pairs) goto nomem;
    for (size_t i = 0; i < ns; i++) {
        size_t nt = 0;
        if (ss[i].twin) continue;
        for (size_t w = 0; w < ss[i].n; w++) {
            uint32_t id = ss[i].ids[w];
            /* A word in over half the sentences adds little and costs the most. */
            if (df[id] * 2 > n_live && n_live > 20) continue;
            for (uint32_t p = post_at[id]; p < post_at[id + 1]; p++) {
                uint32_t j = post[p];
                if (j <= i || ss[j].art == ss[i].art) continue;
                if (acc[j] == 0) touched[nt++] = j;
                acc[j] += idf[id] * idf[id];
            }
        }
        for (size_t t = 0; t < nt; t++) {
            uint32_t j = touched[t];
            double sim = ss[i].norm > 0 && ss[j].norm > 0 ? acc[j] / (ss[i].norm * ss[j].norm) : 0;
            acc[j] = 0;
            if (sim < COV_MIN_SIM) continue;
            if (np == cap) {
                cpair *g = realloc(pairs, 2 * cap * sizeof *pairs);
                if (!g) goto nomem;
                pairs = g, cap *= 2;
            }
            pairs[np].i = (uint32_t)i, pairs[np].j = j, pairs[np].sim = sim;
            np++;
        }
    }
    qsort(pairs, np, sizeof *pairs, by_sim);
    for (size_t p = 0; p < np; p++) {
        size_t x = root_of(ss, pairs[p].i), y = root_of(ss, pairs[p].j);
        if (x == y || share_article(ss, x, y)) continue;
        if (y < x) {
            size_t t = x;
            x = y, y = t;
        }
        ss[y].root = x;
        /* Splice y's member list after x's head. */
        size_t tail = y;
        while (ss[tail].next != SIZE_MAX) tail = ss[tail].next;
        ss[tail].next = ss[x].next;
        ss[x].next = y;
        ss[x].size += ss[y].size;
    }

    /* The claims: one per aligned set. */
    double cnorm = 0;
    for (uint32_t w = 0; w < n_words; w++) cnorm += centroid[w] * centroid[w];
    cnorm = sqrt(cnorm);
    size_t n_claims = 0;
    for (size_t i = 0; i < ns; i++)
        if (root_of(ss, i) == i) n_claims++;
    c->claims = arena_calloc(a, n_claims, sizeof *c->claims);
    if (!c->claims) goto nomem;
    for (size_t i = 0; i < ns; i++) {
        if (ss[i].root != i) continue;
        cmp_claim *cl = &c->claims[c->n_claims++];
        cl->refs = arena_calloc(a, ss[i].size, sizeof *cl->refs);
        cl->carried = arena_calloc(a, c->n_outlets ? c->n_outlets : 1, sizeof *cl->carried);
        if (!cl->refs || !cl->carried) goto nomem;
        for (size_t m = i; m != SIZE_MAX; m = ss[m].next) {
            cl->refs[cl->n_refs].article = ss[m].art;
            cl->refs[cl->n_refs].at = ss[m].at;
            cl->n_refs++;
            cl->carried[c->article_outlet[ss[m].art]] = 1;
            /* A wire copy or reprint is shown as carried by its outlet, but adds no weight. */
            if (arts[ss[m].art].duplicate_of >= 0) continue;
            double dot = 0;
            for (size_t w = 0; w < ss[m].n; w++)
                dot += idf[ss[m].ids[w]] * centroid[ss[m].ids[w]];
            if (ss[m].norm > 0 && cnorm > 0) cl->weight += dot / (ss[m].norm * cnorm);
        }
        qsort(cl->refs, cl->n_refs, sizeof *cl->refs, by_ref);
        size_t k = 0;
        for (size_t o = 0; o < c->n_outlets; o++) k += cl->carried[o];
        cl->coverage = k == c->n_outlets ? CMP_ALL : k == 1 ? CMP_ONLY : CMP_MOST;
    }
    qsort(c->claims, c->n_claims, sizeof *c->claims, by_weight);
    goto done;
nomem:
    rc = DOSSIER_ERR_NOMEM;
    c->claims = NULL;
    c->n_claims = 0;
done:
    free(pairs);
    arena_free(s);
    return rc;
}
