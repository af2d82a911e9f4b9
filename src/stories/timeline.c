/*
 * timeline.c - the story's dated happenings (cmp_timeline). Every sentence that reads as a
 * statement (enough words, some in lower case, a verb in English text; not a dateline, byline,
 * "Updated ..." line or photo credit) yields one event per distinct date its date words resolve
 * to (nlp/when.c, against the article's publication date); an article's lead sentence without a
 * date word is dated by the publication itself. The same happening reported by several articles
 * (same date, most content words shared) becomes one event counting its sources; events are
 * ordered by date, then by article order.
 */
#include <stdlib.h>
#include <string.h>

#include "nlp/when.h"
#include "stories/cmp_wordkeys.h"
#include "stories/compare_internal.h"

#define TL_MAX_HITS 8      /* date expressions read per sentence */
#define TL_MIN_WORDS 5     /* a statement has at least this many words */
#define TL_MERGE_SHARED 3  /* two reports of one happening share at least 3 content words ... */
#define TL_MERGE_RATIO 0.5 /* ... and at least half of the shorter one's */
#define TL_MERGE_LONG 0.25 /* ... and a quarter of the longer one's: a short sentence ("On
                              Tuesday, Kesh answered") must not swallow every long one */

/* An event while it is built. */
typedef struct tl_item {
    cmp_event ev;    /* the event */
    uint64_t *words; /* its sentence's content words (sorted hashes) */
    size_t n_words;
    size_t group;    /* union-find parent */
    uint32_t root;   /* the article it counts as (a duplicate counts as its original) */
} tl_item;

/* Lines that are page furniture, not statements. */
static const char *const SKIP_PREFIX[] = {"updated", "published", "posted", "photo", "image",
                                          "credit", "top image", "top photo", "read more",
                                          "file photo", "last modified", "copyright", NULL};

/* English words that make a sentence a statement even without an -ed form (sorted: bsearch). */
static const char *const VERBS[] = {
    "accepts", "agree", "agrees", "are", "be", "been", "began", "begins", "bought", "broke",
    "built", "came", "can", "comes", "could", "cut", "did", "do", "does", "fell", "gave", "got",
    "had", "hands", "has", "have", "held", "hit", "insisted", "is", "keeps", "leaves", "led",
    "left", "lost", "made", "may", "meet", "meets", "met", "might", "must", "offers", "open",
    "opens", "paid", "proposes", "put", "puts", "ran", "rejects", "resume", "resumes", "rose",
    "runs", "said", "saw", "say", "says", "sent", "set", "shall", "should", "sold", "speaks",
    "spoke", "struck", "tells", "told", "took", "wants", "was", "went", "were", "will", "won",
    "would", "wrote",
};
#define NVERBS (sizeof VERBS / sizeof VERBS[0])

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_verb(const char *w)
{
    return bsearch(&w, VERBS, NVERBS, sizeof VERBS[0], cmp_cstr) != NULL;
}

static int in_list(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (!strcmp(list[i], w)) return 1;
    return 0;
}

/* Does sentence `at` of d read as a statement of something happening? */
static int is_statement(const nlp_doc *d, span at, const char *lang)
{
    char w[CMP_WORD_MAX + 1];
    /* furniture by its first words */
    size_t t0 = cmp_token_at(d, at.start);
    char head[64];
    size_t hn = 0;
    for (size_t t = t0; t < d->n_tokens && d->tokens[t].end <= at.end && hn < 40; t++) {
        if (!(d->tokens[t].flags & TOK_WORD)) break;
        size_t wl = cmp_fold_word(d->text + d->tokens[t].start,
                                  d->tokens[t].end - d->tokens[t].start, 0, w);
        if (hn + wl + 2 > sizeof head) break;
        if (hn) head[hn++] = ' ';
        memcpy(head + hn, w, wl);
        hn += wl;
        head[hn] = '\0';
        if (in_list(SKIP_PREFIX, head)) return 0;
    }
    /* a byline: "By Jane Doe" */
    if (hn > 3 && !memcmp(head, "by ", 3) && t0 + 1 < d->n_tokens &&
        (d->tokens[t0 + 1].flags & TOK_CAP)) {
        size_t nw = 0;
        for (size_t t = t0; t < d->n_tokens && d->tokens[t].end <= at.end; t++)
            nw += (d->tokens[t].flags & TOK_WORD) != 0;
        if (nw <= 8) return 0;
    }
    size_t words = 0, lower = 0, verb = 0;
    int english = !lang || !*lang || !strncmp(lang, "en", 2);
    for (size_t t = t0; t < d->n_tokens && d->tokens[t].end <= at.end; t++) {
        const token *k = &d->tokens[t];
        if (!(k->flags & TOK_WORD)) continue;
        words++;
        if (k->flags & (TOK_CAP | TOK_NUM)) continue;
        lower++;
        size_t wl = cmp_fold_word(d->text + k->start, k->end - k->start, 0, w);
        if (is_verb(w) || (wl > 4 && !memcmp(w + wl - 2, "ed", 2)) ||
            (wl > 3 && !memcmp(w + wl - 3, "n't", 3)))
            verb++;
    }
    if (words < TL_MIN_WORDS || lower < 3) return 0;
    return english ? verb > 0 : 1;
}

/* Is the hit at `w` of sentence s a dateline's date ("LINDHAVEN, Oct 28 (CPA) -"): an
 * upper-case place and a comma before it at the start, a bracket or dash after it? It dates
 * the report, not a happening. */
static int is_dateline(const char *s, span w)
{
    if (w.start > 40) return 0;
    size_t i = 0, upper = 0;
    while (i < w.start && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == ' ' || s[i] == '-' ||
                           s[i] == '.' || (unsigned char)s[i] >= 0x80))
        upper += s[i] >= 'A' && s[i] <= 'Z', i++;
    if (upper < 3 || i >= w.start || s[i] != ',') return 0;
    size_t j = w.end;
    while (s[j] == ' ') j++;
    return s[j] == '(' || s[j] == '-' || !strncmp(s + j, "\xE2\x80\x93", 3) ||
           !strncmp(s + j, "\xE2\x80\x94", 3) || s[j] == ':';
}

/* The clause of sentence `at` that holds the date words `w` (both in text bytes): from the last
 * break before them (";", a dash, ":", ", but" or a subordinating word: "since", "while",
 * "after" ...) to the next break after them (";", a dash, ", but"). The whole sentence when there is none, or when
 * the clause would be under TL_MIN_WORDS words. So "… the most far-reaching proposal since the
 * two countries signed their treaty in 1998" is dated 1998 by its last clause alone. */
/* Does token t join a clause of its own after a comma ("but", "yet", "while", "whereas")? */
static int conj_at(const nlp_doc *d, size_t t)
{
    static const char *const conj[] = {"but", "yet", "while", "whereas", NULL};
    char lw[CMP_WORD_MAX + 1];
    const token *k = &d->tokens[t];
    if (!(k->flags & TOK_WORD)) return 0;
    cmp_fold_word(d->text + k->start, k->end - k->start, 0, lw);
    return in_list(conj, lw);
}

/* Is token t an en or em dash, or one of the one-byte `marks`? */
static int break_at(const nlp_doc *d, size_t t, const char *marks)
{
    const char *p = d->text + d->tokens[t].start;
    size_t n = d->tokens[t].end - d->tokens[t].start;
    return (n == 3 && (!memcmp(p, "\xE2\x80\x93", 3) || !memcmp(p, "\xE2\x80\x94", 3))) ||
           (n == 1 && strchr(marks, *p));
}

static span clause_of(const nlp_doc *d, span at, span w)
{
    static const char *const subs[] = {"since", "while", "after", "before", "when", "until",
                                       "because", "although", "though", "whereas", NULL};
    size_t t0 = cmp_token_at(d, at.start), tw = cmp_token_at(d, w.start);
    size_t te = cmp_token_at(d, w.end);
    size_t cs = t0, t_end = cmp_token_at(d, at.end), ce = t_end;
    char lw[CMP_WORD_MAX + 1];
    int comma = 0; /* a comma lies between the token read and the date words */
    for (size_t t = tw; t-- > t0;) {
        const token *k = &d->tokens[t];
        const char *p = d->text + k->start;
        size_t n = k->end - k->start;
        if (break_at(d, t, ";:")) {
            cs = t + 1;
            break;
        }
        if (break_at(d, t, ",")) {
            /* ", but …" opens a clause of its own */
            if (t + 1 < tw && conj_at(d, t + 1)) {
                cs = t + 1;
                break;
            }
            comma = 1;
        }
        if ((k->flags & TOK_WORD) && t > t0) {
            cmp_fold_word(p, n, 0, lw);
            /* (a subordinate clause closed by a comma before the date is not its clause:
             * "Five days after Kesh answered, the minister says … on 28 October") */
            if (in_list(subs, lw) && !comma) {
                cs = t;
                break;
            }
        }
    }
    for (size_t t = te; t < t_end; t++)
        if (break_at(d, t, ";") || (break_at(d, t, ",") && t + 1 < t_end && conj_at(d, t + 1))) {
            ce = t;
            break;
        }
    size_t words = 0;
    for (size_t t = cs; t < ce; t++) words += (d->tokens[t].flags & TOK_WORD) != 0;
    if ((cs == t0 && ce == t_end) || words < TL_MIN_WORDS || cs >= ce)
        return at;
    span out = {d->tokens[cs].start, d->tokens[ce - 1].end};
    return out;
}

/* Does the text (publication date) carry a usable YYYY-MM-DD? */
static int pub_date(const char *published, char out[11])
{
    int y, m, d;
    if (!when_parse_iso(published, &y, &m, &d)) return 0;
    memcpy(out, published, 10);
    out[10] = '\0';
    return 1;
}

static size_t find_root(tl_item *it, size_t i)
{
    while (it[i].group != i) {
        it[i].group = it[it[i].group].group;
        i = it[i].group;
    }
    return i;
}

/* Events by date, then article, then place. */
static int cmp_item(const void *pa, const void *pb)
{
    const tl_item *a = pa, *b = pb;
    int c = strcmp(a->ev.date, b->ev.date);
    if (c) return c;
    c = cmp_ref_order(&a->ev.ref, &b->ev.ref);
    if (c) return c;
    return a->ev.when_at.at.start < b->ev.when_at.at.start ? -1 : a->ev.when_at.at.start > b->ev.when_at.at.start;
}

/* Appends an event to the growing array. */
static tl_item *push(arena *a, tl_item **items, size_t *n, size_t *cap)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        tl_item *g = arena_calloc(a, nc, sizeof *g);
        if (!g) return NULL;
        if (*n) memcpy(g, *items, *n * sizeof *g);
        *items = g;
        *cap = nc;
    }
    tl_item *x = &(*items)[(*n)++];
    memset(x, 0, sizeof *x);
    return x;
}

dossier_status cmp_timeline(arena *a, const story_article *arts, size_t n, comparison *c)
{
    c->timeline = NULL;
    c->n_timeline = 0;
    tl_item *items = NULL;
    size_t ni = 0, cap = 0;
    for (size_t k = 0; k < n; k++) {
        const story_article *sa = &arts[k];
        const nlp_doc *d = sa->nlp;
        if (!d || !sa->art) continue;
        const char *pub = sa->art->published;
        const char *lang = sa->art->lang;
        uint32_t root = (uint32_t)k;
        for (int hop = 0; hop < 8 && arts[root].duplicate_of >= 0 &&
                          (size_t)arts[root].duplicate_of < n;
             hop++)
            root = (uint32_t)arts[root].duplicate_of;
        int lead_done = 0;
        for (size_t s = 0; s < d->n_sentences; s++) {
            span at = d->sentences[s];
            if (!is_statement(d, at, lang)) continue;
            when_hit hits[TL_MAX_HITS];
            size_t nh = when_find(d->text + at.start, at.end - at.start, lang, pub, hits,
                                  TL_MAX_HITS);
            int is_lead = !lead_done;
            lead_done = 1;
            uint64_t *words = NULL;
            size_t nw = 0;
            if (nh || is_lead) nw = cmp_content_hashes(a, d, at, &words);
            size_t first_here = ni;
            int day_hit = 0;
            for (size_t h = 0; h < nh; h++) {
                if (is_dateline(d->text + at.start, hits[h].at)) continue;
                char date[11];
                when_format(&hits[h], date);
                int dup = 0;
                for (size_t e = first_here; e < ni; e++) dup |= !strcmp(items[e].ev.date, date);
                if (dup) continue;
                tl_item *x = push(a, &items, &ni, &cap);
                if (!x) return DOSSIER_ERR_NOMEM;
                memcpy(x->ev.date, date, sizeof date);
                span w = {at.start + hits[h].at.start, at.start + hits[h].at.end};
                x->ev.when = arena_strndup(a, d->text + w.start, w.end - w.start);
                if (!x->ev.when) return DOSSIER_ERR_NOMEM;
                x->ev.when_at.article = (uint32_t)k;
                x->ev.when_at.at = w;
                x->ev.ref.article = (uint32_t)k;
                x->ev.ref.at = clause_of(d, at, w);
                x->words = words;
                x->n_words = nw;
                x->root = root;
                if (hits[h].prec >= WHEN_WEEK) day_hit = 1;
            }
            char pd[11];
            /* a lead reports the news of its day: dated by the publication when none of its
             * date words is a day or a week ("… the most far-reaching proposal since 1998") */
            if (is_lead && !day_hit && pub_date(pub, pd)) {
                tl_item *x = push(a, &items, &ni, &cap);
                if (!x) return DOSSIER_ERR_NOMEM;
                memcpy(x->ev.date, pd, sizeof pd);
                x->ev.when = NULL;
                x->ev.when_at.article = (uint32_t)k;
                x->ev.when_at.at.start = x->ev.when_at.at.end = at.start;
                x->ev.ref.article = (uint32_t)k;
                x->ev.ref.at = at;
                x->words = words;
                x->n_words = nw;
                x->root = root;
            }
        }
    }
    if (!ni) return DOSSIER_OK;

    /* the same happening from several articles: same date, most content words shared */
    qsort(items, ni, sizeof *items, cmp_item);
    for (size_t i = 0; i < ni; i++) items[i].group = i;
    for (size_t i = 0; i < ni; i++) {
        for (size_t j = i + 1; j < ni && !strcmp(items[j].ev.date, items[i].ev.date); j++) {
            if (items[j].ev.ref.article == items[i].ev.ref.article) continue;
            size_t sh = cmp_shared(items[i].words, items[i].n_words, items[j].words,
                                   items[j].n_words);
            size_t lo = items[i].n_words < items[j].n_words ? items[i].n_words : items[j].n_words;
            size_t hi = items[i].n_words + items[j].n_words - lo;
            if (sh >= TL_MERGE_SHARED && (double)sh >= TL_MERGE_RATIO * (double)lo &&
                (double)sh >= TL_MERGE_LONG * (double)hi) {
                size_t ri = find_root(items, i), rj = find_root(items, j);
                if (ri != rj) items[rj > ri ? rj : ri].group = ri < rj ? ri : rj;
            }
        }
    }
    /* one event per group: its first item (sorted order puts the earliest article first) */
    cmp_event *out = arena_calloc(a, ni, sizeof *out);
    if (!out) return DOSSIER_ERR_NOMEM;
    size_t no = 0;
    for (size_t i = 0; i < ni; i++) {
        if (find_root(items, i) != i) continue;
        /* distinct original articles among the group's members */
        size_t sources = 0;
        for (size_t j = i; j < ni && !strcmp(items[j].ev.date, items[i].ev.date); j++) {
            if (find_root(items, j) != i) continue;
            int seen = 0;
            for (size_t q = i; q < j && !seen; q++)
                seen = find_root(items, q) == i && items[q].root == items[j].root;
            sources += !seen;
        }
        out[no] = items[i].ev;
        out[no].n_sources = sources;
        no++;
    }
    c->timeline = out;
    c->n_timeline = no;
    return DOSSIER_OK;
}
