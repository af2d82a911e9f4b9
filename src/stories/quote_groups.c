/*
 * quote_groups.c - the same quotation across a story's articles. Direct and partial quotes are
 * compared by their normalised words (split quotations as their pieces' words joined), so
 * changed punctuation, quote-mark style, case and the frame around them ("said" / "told
 * reporters") do not matter; a quote that is a part of another (truncation, a cut marked "..."
 * or "…") joins it. Pairs are merged best first with union-find; two quotes whose speakers are
 * both known and are not one person as outlets spell names (cmp_same_person) are never in one
 * group. Each group's wordings (variants) are diffed
 * word by word (LCS) against the most carried one.
 */
#include <stdlib.h>
#include <string.h>

#include "stories/cmp_text.h"
#include "stories/compare_internal.h"

#define QG_MAX_WORDS 400   /* longer quotations are compared on their first 400 words */
#define QG_MIN_RATIO 0.75  /* LCS / shorter quote: a changed word or two in ten still matches */
#define QG_MIN_RUN 3       /* and at least three words in a row in common */
#define QG_SHORT 4         /* quotes under 4 words must be contained whole */

/* One quotation of the story, as compared. */
typedef struct qitem {
    uint32_t art;         /* article index */
    span at;              /* its quoted words (quote.at) */
    const uint64_t *h;    /* word hashes */
    const span *w;        /* word spans in the article text */
    const uint32_t *seg;  /* per word: its piece (0 for a whole quote) */
    size_t nw;            /* word count */
    const char *speaker;  /* canonical speaker name, or NULL */
    int ellipsis;         /* 1: "..." or "…" inside: the writer marked a cut */
    uint64_t key;         /* hash of the word sequence: same key, same variant */
    uint64_t sig;         /* a 64-bit Bloom signature of its words, to skip hopeless pairs */
    size_t root;          /* union-find parent */
    const span *pieces;   /* a split quotation's pieces (quote.segments), else NULL */
    size_t n_pieces;
    const char *cl_speaker; /* the cluster's speaker (valid at roots) */
} qitem;

/* A candidate pair. */
typedef struct qpair {
    uint32_t i, j;  /* items */
    double score;   /* similarity */
} qpair;

static size_t find_root(qitem *it, size_t i)
{
    while (it[i].root != i) {
        it[i].root = it[it[i].root].root;
        i = it[i].root;
    }
    return i;
}

static int is_ellipsis(const char *p, size_t n)
{
    if (n == 3 && !memcmp(p, "\xE2\x80\xA6", 3)) return 1;
    return n >= 2 && p[0] == '.' && p[1] == '.';
}

/* LCS length and longest common run of two word sequences (rows: scratch of 2*(nb+1)). */
static void lcs_of(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint32_t *rows,
                   uint32_t *runs, size_t *lcs, size_t *run)
{
    uint32_t *prev = rows, *cur = rows + nb + 1;
    uint32_t *rprev = runs, *rcur = runs + nb + 1;
    memset(prev, 0, (nb + 1) * sizeof *prev);
    memset(rprev, 0, (nb + 1) * sizeof *rprev);
    size_t best_run = 0;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = 0;
        rcur[0] = 0;
        for (size_t j = 1; j <= nb; j++) {
            if (a[i - 1] == b[j - 1]) {
                cur[j] = prev[j - 1] + 1;
                rcur[j] = rprev[j - 1] + 1;
                if (rcur[j] > best_run) best_run = rcur[j];
            } else {
                cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
                rcur[j] = 0;
            }
        }
        uint32_t *t = prev;
        prev = cur, cur = t;
        t = rprev;
        rprev = rcur, rcur = t;
    }
    *lcs = prev[nb];
    *run = best_run;
}

static int speakers_differ(const char *x, const char *y)
{
    return x && y && !cmp_same_person(x, y);
}

/* Collects the direct and partial quotes of every article into items (scratch arena). */
static dossier_status collect(arena *s, const story_article *arts, size_t n, qitem **out,
                              size_t *n_out)
{
    size_t cap = 0;
    for (size_t i = 0; i < n; i++)
        if (arts[i].quotes) cap += arts[i].quotes->n;
    qitem *it = arena_calloc(s, cap ? cap : 1, sizeof *it);
    if (!it) return DOSSIER_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const quote_list *ql = arts[i].quotes;
        const nlp_doc *doc = arts[i].nlp;
        if (!ql || !ql->n || !doc) continue;
        cmp_words cw;
        dossier_status rc = cmp_words_of(s, doc, &cw);
        if (rc) return rc;
        for (size_t qi = 0; qi < ql->n; qi++) {
            const quote *q = &ql->items[qi];
            if (q->kind != QUOTE_DIRECT && q->kind != QUOTE_PARTIAL) continue;
            size_t nseg = q->n_segments ? q->n_segments : 1;
            uint64_t *h = arena_alloc(s, QG_MAX_WORDS * sizeof *h);
            span *ws = arena_alloc(s, QG_MAX_WORDS * sizeof *ws);
            uint32_t *seg = arena_alloc(s, QG_MAX_WORDS * sizeof *seg);
            if (!h || !ws || !seg) return DOSSIER_ERR_NOMEM;
            size_t nw = 0;
            uint64_t key = 0x9e37;
            for (size_t g = 0; g < nseg; g++) {
                span sp = q->n_segments ? q->segments[g] : q->at;
                for (size_t w = cmp_words_from(&cw, sp.start);
                     w < cw.n && cw.w[w].at.end <= sp.end && nw < QG_MAX_WORDS; w++) {
                    h[nw] = cw.w[w].h;
                    ws[nw] = cw.w[w].at;
                    seg[nw] = (uint32_t)g;
                    key = hash64(&cw.w[w].h, sizeof cw.w[w].h, key);
                    nw++;
                }
            }
            if (nw < 2) continue;
            qitem *x = &it[k];
            x->art = (uint32_t)i;
            x->at = q->at;
            x->pieces = q->n_segments ? q->segments : NULL;
            x->n_pieces = q->n_segments;
            x->h = h, x->w = ws, x->seg = seg, x->nw = nw;
            x->key = key;
            x->speaker = q->speaker >= 0 && (size_t)q->speaker < doc->n_entities
                             ? doc->entities[q->speaker].name
                             : NULL;
            for (size_t w = 0; w < nw; w++) x->sig |= 1ull << (h[w] & 63);
            for (size_t t = 0; t < doc->n_tokens; t++) {
                const token *tk = &doc->tokens[t];
                if (tk->start < q->at.start) continue;
                if (tk->start > q->at.end) break;
                if ((tk->flags & TOK_PUNCT) && is_ellipsis(doc->text + tk->start, tk->end - tk->start))
                    x->ellipsis = 1;
            }
            x->root = k;
            x->cl_speaker = x->speaker;
            k++;
        }
    }
    *out = it;
    *n_out = k;
    return DOSSIER_OK;
}

static int by_score_desc(const void *pa, const void *pb)
{
    const qpair *a = pa, *b = pb;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    if (a->i != b->i) return a->i < b->i ? -1 : 1;
    return a->j < b->j ? -1 : a->j > b->j;
}

/* Finds the matching pairs and merges them, best first. */
static dossier_status cluster(arena *s, qitem *it, size_t n)
{
    uint32_t *rows = arena_alloc(s, 2 * (QG_MAX_WORDS + 1) * sizeof *rows);
    uint32_t *runs = arena_alloc(s, 2 * (QG_MAX_WORDS + 1) * sizeof *runs);
    if (!rows || !runs) return DOSSIER_ERR_NOMEM;
    size_t cap = 256, np = 0;
    qpair *pairs = malloc(cap * sizeof *pairs);
    if (!pairs) return DOSSIER_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            if (speakers_differ(it[i].speaker, it[j].speaker)) continue;
            size_t minlen = it[i].nw < it[j].nw ? it[i].nw : it[j].nw;
            if (__builtin_popcountll(it[i].sig & it[j].sig) < (minlen < 3 ? (int)minlen - 1 : 2))
                continue;
            size_t lcs, run;
            lcs_of(it[i].h, it[i].nw, it[j].h, it[j].nw, rows, runs, &lcs, &run);
            int ok;
            if (minlen < QG_SHORT) {
                /* Two or three words ("core principles") are too common to match loosely: the
                 * shorter must be inside the other, and unequal lengths need one named speaker. */
                ok = run == minlen &&
                     (it[i].nw == it[j].nw || (it[i].speaker && it[j].speaker));
            } else {
                ok = lcs >= QG_MIN_RATIO * (double)minlen && run >= QG_MIN_RUN;
            }
            if (!ok) continue;
            if (np == cap) {
                qpair *g = realloc(pairs, 2 * cap * sizeof *pairs);
                if (!g) {
                    free(pairs);
                    return DOSSIER_ERR_NOMEM;
                }
                pairs = g, cap *= 2;
            }
            pairs[np].i = (uint32_t)i, pairs[np].j = (uint32_t)j;
            pairs[np].score = (double)lcs / (double)minlen + 1e-3 * (double)lcs;
            np++;
        }
    }
    qsort(pairs, np, sizeof *pairs, by_score_desc);
    for (size_t p = 0; p < np; p++) {
        size_t a = find_root(it, pairs[p].i), b = find_root(it, pairs[p].j);
        if (a == b) continue;
        if (speakers_differ(it[a].cl_speaker, it[b].cl_speaker)) continue;
        if (b < a) {
            size_t t = a;
            a = b, b = t;
        }
        it[b].root = a;
        if (!it[a].cl_speaker) it[a].cl_speaker = it[b].cl_speaker;
    }
    free(pairs);
    return DOSSIER_OK;
}

/* A variant while it is built: its items. */
typedef struct vbuild {
    uint64_t key;     /* word sequence hash */
    size_t *items;    /* its items */
    size_t n_items;
    size_t n_outlets; /* distinct outlets */
} vbuild;

static size_t count_outlets(const comparison *c, const qitem *it, const size_t *items, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t o = c->article_outlet[it[items[i]].art];
        size_t j = 0;
        while (j < i && c->article_outlet[it[items[j]].art] != o) j++;
        if (j == i) k++;
    }
    return k;
}

/* Appends one diff run [w0, w1) of words (spans `ws`, pieces `seg`), split at piece changes. */
static dossier_status push_runs(arena *a, cmp_diff **d, size_t *nd, size_t *cap, cmp_diff_op op,
                                const span *ws, const uint32_t *seg, size_t w0, size_t w1)
{
    size_t start = w0;
    for (size_t w = w0 + 1; w <= w1; w++) {
        if (w < w1 && seg[w] == seg[w - 1]) continue;
        if (*nd == *cap) {
            size_t nc = *cap ? *cap * 2 : 8;
            cmp_diff *g = arena_alloc(a, nc * sizeof *g);
            if (!g) return DOSSIER_ERR_NOMEM;
            if (*nd) memcpy(g, *d, *nd * sizeof *g);
            *d = g, *cap = nc;
        }
        (*d)[*nd].op = op;
        (*d)[*nd].at.start = ws[start].start;
        (*d)[*nd].at.end = ws[w - 1].end;
        (*nd)++;
        start = w;
    }
    return DOSSIER_OK;
}

/* The word diff of variant item v against reference item r; sets changed and truncated. */
static dossier_status diff_variant(arena *a, arena *s, const qitem *r, const qitem *v,
                                   cmp_variant *out)
{
    size_t m = r->nw, k = v->nw;
    uint32_t *L = arena_calloc(s, (m + 1) * (k + 1), sizeof *L);
    if (!L) return DOSSIER_ERR_NOMEM;
#define AT(i, j) L[(i) * (k + 1) + (j)]
    for (size_t i = m; i-- > 0;)
        for (size_t j = k; j-- > 0;)
            AT(i, j) = r->h[i] == v->h[j] ? AT(i + 1, j + 1) + 1
                       : AT(i + 1, j) >= AT(i, j + 1) ? AT(i + 1, j) : AT(i, j + 1);
    /* One step per word: 0 same, 1 deleted, 2 inserted; then runs of equal steps. */
    uint8_t *op = arena_alloc(s, m + k + 1);
    uint32_t *idx = arena_alloc(s, (m + k + 1) * sizeof *idx);
    if (!op || !idx) return DOSSIER_ERR_NOMEM;
    size_t n_ops = 0, i = 0, j = 0;
    while (i < m || j < k) {
        if (i < m && j < k && r->h[i] == v->h[j]) {
            op[n_ops] = 0, idx[n_ops++] = (uint32_t)j;
            i++, j++;
        } else if (i < m && (j == k || AT(i + 1, j) >= AT(i, j + 1))) {
            op[n_ops] = 1, idx[n_ops++] = (uint32_t)i;
            i++;
        } else {
            op[n_ops] = 2, idx[n_ops++] = (uint32_t)j;
            j++;
        }
    }
    cmp_diff *d = NULL;
    size_t nd = 0, cap = 0;
    int has_ins = 0, edge_del = 0, inner_del = 0;
    dossier_status rc = DOSSIER_OK;
    for (size_t p = 0; p < n_ops && !rc;) {
        size_t q = p + 1;
        while (q < n_ops && op[q] == op[p]) q++;
        if (op[p] == 0) {
            rc = push_runs(a, &d, &nd, &cap, CMP_SAME, v->w, v->seg, idx[p], idx[q - 1] + 1);
        } else if (op[p] == 1) {
            rc = push_runs(a, &d, &nd, &cap, CMP_DEL, r->w, r->seg, idx[p], idx[q - 1] + 1);
            /* A cut at either end is a truncation; one inside, unmarked, changes the quote. */
            if (p == 0 || q == n_ops) edge_del = 1;
            else inner_del = 1;
        } else {
            rc = push_runs(a, &d, &nd, &cap, CMP_INS, v->w, v->seg, idx[p], idx[q - 1] + 1);
            has_ins = 1;
        }
        p = q;
    }
#undef AT
    if (rc) return rc;
    out->diff = d;
    out->n_diff = nd;
    out->truncated = (edge_del || inner_del) && (edge_del || v->ellipsis) && !has_ins;
    out->changed = has_ins || (inner_del && !v->ellipsis);
    if (has_ins && v->ellipsis && (edge_del || inner_del)) out->truncated = 1;
    return DOSSIER_OK;
}

static int by_variant(const void *pa, const void *pb)
{
    const vbuild *a = pa, *b = pb;
    if (a->n_outlets != b->n_outlets) return a->n_outlets > b->n_outlets ? -1 : 1;
    if (a->n_items != b->n_items) return a->n_items > b->n_items ? -1 : 1;
    return a->items[0] < b->items[0] ? -1 : a->items[0] > b->items[0];
}

/* Builds the group of the items in `members` (sorted by item index). */
static dossier_status build_group(arena *a, arena *s, const comparison *c, const qitem *it,
                                  const size_t *members, size_t nm, cmp_quote_group *g)
{
    vbuild *vb = arena_calloc(s, nm, sizeof *vb);
    if (!vb) return DOSSIER_ERR_NOMEM;
    size_t nv = 0;
    for (size_t m = 0; m < nm; m++) {
        size_t v = 0;
        while (v < nv && vb[v].key != it[members[m]].key) v++;
        if (v == nv) {
            vb[nv].key = it[members[m]].key;
            vb[nv].items = arena_alloc(s, nm * sizeof *vb[nv].items);
            if (!vb[nv].items) return DOSSIER_ERR_NOMEM;
            nv++;
        }
        vb[v].items[vb[v].n_items++] = members[m];
    }
    for (size_t v = 0; v < nv; v++) vb[v].n_outlets = count_outlets(c, it, vb[v].items, vb[v].n_items);
    /* Ties on outlets and places go to the longer wording: the others are parts of it. */
    qsort(vb, nv, sizeof *vb, by_variant);
    /* Among the most carried wordings, the reference is the one closest to all the others (the
     * medoid by word containment), so that a restatement or a long run-on does not become the
     * wording every outlet is measured against; then the longer. */
    uint32_t *rows = arena_alloc(s, 4 * (QG_MAX_WORDS + 1) * sizeof *rows);
    if (!rows) return DOSSIER_ERR_NOMEM;
    size_t ref = 0;
    double ref_fit = -1;
    for (size_t v = 0; v < nv; v++) {
        if (vb[v].n_outlets != vb[0].n_outlets || vb[v].n_items != vb[0].n_items) break;
        const qitem *x = &it[vb[v].items[0]];
        double fit = 0;
        for (size_t u = 0; u < nv; u++) {
            if (u == v) continue;
            const qitem *y = &it[vb[u].items[0]];
            size_t lcs, run;
            lcs_of(x->h, x->nw, y->h, y->nw, rows, rows + 2 * (QG_MAX_WORDS + 1), &lcs, &run);
            fit += (double)vb[u].n_items * (double)lcs / (double)(x->nw > y->nw ? x->nw : y->nw);
        }
        if (fit > ref_fit + 1e-9 || (fit > ref_fit - 1e-9 && x->nw > it[vb[ref].items[0]].nw)) {
            ref = v;
            ref_fit = fit;
        }
    }
    g->variants = arena_calloc(a, nv, sizeof *g->variants);
    if (!g->variants) return DOSSIER_ERR_NOMEM;
    g->n_variants = nv;
    g->reference = ref;
    g->n_outlets = count_outlets(c, it, members, nm);
    /* The group's speaker: the name most of its quotes give. */
    size_t best = 0;
    for (size_t m = 0; m < nm; m++) {
        const char *sp = it[members[m]].speaker;
        if (!sp) continue;
        size_t cnt = 0;
        for (size_t m2 = 0; m2 < nm; m2++)
            if (it[members[m2]].speaker && !strcmp(it[members[m2]].speaker, sp)) cnt++;
        if (cnt > best) best = cnt, g->speaker = sp;
    }
    for (size_t v = 0; v < nv; v++) {
        cmp_variant *cv = &g->variants[v];
        cv->refs = arena_calloc(a, vb[v].n_items, sizeof *cv->refs);
        if (!cv->refs) return DOSSIER_ERR_NOMEM;
        for (size_t r = 0; r < vb[v].n_items; r++) {
            cv->refs[r].article = it[vb[v].items[r]].art;
            cv->refs[r].at = it[vb[v].items[r]].at;
        }
        cv->n_refs = vb[v].n_items;
        cv->n_outlets = vb[v].n_outlets;
        cv->pieces = it[vb[v].items[0]].pieces;
        cv->n_pieces = it[vb[v].items[0]].n_pieces;
        if (v == ref) continue;
        dossier_status rc = diff_variant(a, s, &it[vb[ref].items[0]], &it[vb[v].items[0]], cv);
        if (rc) return rc;
        if (cv->changed) g->changed = 1;
    }
    return DOSSIER_OK;
}

/* Order of groups: more outlets first, then more places, then the earliest. */
static int by_group(const void *pa, const void *pb)
{
    const cmp_quote_group *a = pa, *b = pb;
    if (a->n_outlets != b->n_outlets) return a->n_outlets > b->n_outlets ? -1 : 1;
    size_t na = 0, nb = 0;
    for (size_t v = 0; v < a->n_variants; v++) na += a->variants[v].n_refs;
    for (size_t v = 0; v < b->n_variants; v++) nb += b->variants[v].n_refs;
    if (na != nb) return na > nb ? -1 : 1;
    return cmp_ref_order(&a->variants[a->reference].refs[0], &b->variants[b->reference].refs[0]);
}

dossier_status cmp_quote_groups(arena *a, const story_article *arts, size_t n, comparison *c)
{
    c->quote_groups = NULL;
    c->n_quote_groups = 0;
    arena *s = arena_new(0);
    if (!s) return DOSSIER_ERR_NOMEM;
    qitem *it = NULL;
    size_t ni = 0;
    dossier_status rc = collect(s, arts, n, &it, &ni);
    if (!rc) rc = cluster(s, it, ni);
    if (rc || !ni) goto done;
    size_t *roots = arena_alloc(s, ni * sizeof *roots);
    size_t *members = arena_alloc(s, ni * sizeof *members);
    size_t n_groups = 0;
    if (!roots || !members) {
        rc = DOSSIER_ERR_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < ni; i++) {
        roots[i] = find_root(it, i);
        if (roots[i] == i) n_groups++;
    }
    c->quote_groups = arena_calloc(a, n_groups, sizeof *c->quote_groups);
    if (!c->quote_groups) {
        rc = DOSSIER_ERR_NOMEM;
        goto done;
    }
    for (size_t r = 0; r < ni && !rc; r++) {
        if (roots[r] != r) continue;
        size_t nm = 0;
        for (size_t i = r; i < ni; i++)
            if (roots[i] == r) members[nm++] = i;
        rc = build_group(a, s, c, it, members, nm, &c->quote_groups[c->n_quote_groups++]);
    }
    if (!rc) qsort(c->quote_groups, c->n_quote_groups, sizeof *c->quote_groups, by_group);
done:
    arena_free(s);
    return rc;
}
