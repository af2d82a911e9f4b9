/*
 * contradictions.c - candidate contradictions between attributed statements (cmp_contradictions).
 * Each quote's content is read for what can disagree: a negation and the predicate it negates
 * ("will not join"), words of an antonym pair (accept/reject, confirm/deny ...), and numbers with
 * their unit ("6,000 troops"). Two statements by different speakers, or by one speaker in two
 * articles, on the same subject (a shared entity or shared content words) are a candidate when
 * one negates a predicate the other asserts, when they hold the two sides of an antonym pair, or
 * when they give different numbers of the same unit. Every test also asks for a real overlap of
 * content words, so that two statements about different things never pair: few candidates, but
 * good ones.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stories/cmp_text.h"
#include "stories/cmp_wordkeys.h"
#include "stories/compare_internal.h"

#define CT_MAX_ITEMS 64  /* antonym words, numbers and entities read per statement */
#define CT_MIN_SHARED 3  /* content words two statements share to be on the same subject */
#define CT_MIN_RATIO 0.3 /* ... as a share of the shorter statement's content words */
#define CT_MAX_OUT 100   /* candidates kept per story, best first */

/* Antonym pairs, in base form; each side is matched after the same stemming as the text. */
static const char *const ANTONYMS[][2] = {
    {"accept", "reject"},     {"agree", "refuse"},       {"agree", "disagree"},
    {"confirm", "deny"},      {"admit", "deny"},         {"increase", "decrease"},
    {"increase", "reduce"},   {"rise", "fall"},          {"rose", "fell"},
    {"open", "closed"},       {"open", "close"},         {"approve", "reject"},
    {"support", "oppose"},    {"win", "lose"},           {"won", "lost"},
    {"allow", "ban"},         {"allow", "forbid"},       {"succeed", "fail"},
    {"include", "exclude"},   {"strengthen", "weaken"},  {"raise", "lower"},
    {"higher", "lower"},      {"more", "fewer"},         {"legal", "illegal"},
    {"guilty", "innocent"},   {"advance", "retreat"},    {"victory", "defeat"},
    {"true", "false"},        {"possible", "impossible"}, {"welcome", "condemn"},
    {"praise", "criticise"},  {"praise", "criticize"},   {"ready", "unprepared"},
    {"withdraw", "deploy"},   {"withdraw", "reinforce"}, {"lift", "impose"},
    /* engaging with a matter against refusing it: "took the concerns very seriously" /
     * "refused to discuss them" */
    {"seriously", "refuse"},  {"seriously", "ignore"},   {"seriously", "dismiss"},
    {"discuss", "refuse"},    {"negotiate", "refuse"},   {"consider", "dismiss"},
    {"consider", "ignore"},   {"engage", "refuse"},      {"listen", "ignore"},
};
#define NANT (sizeof ANTONYMS / sizeof ANTONYMS[0])

static char ant_stem[NANT][2][CMP_WORD_MAX + 1]; /* ANTONYMS folded and stemmed */
static pthread_once_t ant_once = PTHREAD_ONCE_INIT;

static void ant_build(void)
{
    for (size_t i = 0; i < NANT; i++)
        for (int s = 0; s < 2; s++)
            cmp_fold_word(ANTONYMS[i][s], strlen(ANTONYMS[i][s]), 1, ant_stem[i][s]);
}

/* Negation words (folded). "no" is Spanish and English alike. */
static const char *const NEGATORS[] = {"not", "n't", "no", "never", "nobody", "none", "nothing",
                                       "neither", "nor", "cannot", "не", "нет", "никогда",
                                       "nicht", "kein", "keine", "keinen", "nie", "pas", "jamais",
                                       "nunca", NULL};

static int is_negator(const char *w, size_t n)
{
    if (n > 3 && !strcmp(w + n - 3, "n't")) return 1;
    for (size_t i = 0; NEGATORS[i]; i++)
        if (!strcmp(NEGATORS[i], w)) return 1;
    return 0;
}

/* A number with its unit: "6,000 troops". */
typedef struct ct_num {
    double value;  /* the number */
    uint64_t unit; /* hash of the stemmed unit word */
    span unit_at;  /* the unit word in the text */
    size_t tok;    /* the number's token */
    size_t unit_len; /* tokens of its unit phrase ("cubic metres per second" is 4) */
} ct_num;

/* What one statement says, for comparing. */
typedef struct ct_stmt {
    uint32_t article;      /* its article */
    span at;               /* the quote's content span */
    const char *speaker;   /* canonical speaker name, or NULL */
    uint64_t *words;       /* content words (sorted hashes) */
    size_t n_words;
    int negated;           /* a negation stands before `pred` */
    uint64_t pred;         /* the negated predicate's hash (0 when not negated) */
    span pred_at;          /* where the predicate is */
    size_t pred_tok;       /* its token */
    uint16_t ant[CT_MAX_ITEMS]; /* antonym hits: pair * 2 + side */
    size_t n_ant;
    ct_num nums[CT_MAX_ITEMS]; /* numbers with units */
    size_t n_nums;
    uint64_t ents[CT_MAX_ITEMS]; /* hashes of the entities named inside it */
    const char *ent_names[CT_MAX_ITEMS];
    size_t n_ents;
} ct_stmt;

/* Does quote q assert its content? Not a negated report ("did not say whether …", its cue
 * holds the negation) nor a question reported ("asked whether …", "if …"). */
static int asserts(const nlp_doc *d, const quote *q)
{
    char w[CMP_WORD_MAX + 1];
    for (size_t t = cmp_token_at(d, q->cue.start); t < d->n_tokens && d->tokens[t].end <= q->cue.end;
         t++) {
        const token *k = &d->tokens[t];
        if (is_negator(w, cmp_fold_word(d->text + k->start, k->end - k->start, 0, w))) return 0;
    }
    span at = q->content.end > q->content.start ? q->content : q->at;
    size_t t0 = cmp_token_at(d, at.start);
    if (t0 >= d->n_tokens || d->tokens[t0].start >= at.end) return 1;
    size_t wl = cmp_fold_word(d->text + d->tokens[t0].start,
                              d->tokens[t0].end - d->tokens[t0].start, 0, w);
    return !((wl == 7 && !strcmp(w, "whether")) || (wl == 2 && !strcmp(w, "if")));
}

/* Reads quote q of article k into st. */
static void read_statement(arena *a, const story_article *sa, uint32_t k, const quote *q,
                           ct_stmt *st)
{
    const nlp_doc *d = sa->nlp;
    memset(st, 0, sizeof *st);
    st->article = k;
    st->at = q->content.end > q->content.start ? q->content : q->at;
    st->speaker = q->speaker >= 0 && (size_t)q->speaker < d->n_entities
                      ? d->entities[q->speaker].name
                      : NULL;
    st->n_words = cmp_content_hashes(a, d, st->at, &st->words);
    pthread_once(&ant_once, ant_build);
    int pending_neg = 0;
    size_t t0 = cmp_token_at(d, st->at.start);
    for (size_t t = t0; t < d->n_tokens && d->tokens[t].end <= st->at.end; t++) {
        const token *tk = &d->tokens[t];
        if (!(tk->flags & TOK_WORD)) continue;
        const char *p = d->text + tk->start;
        size_t n = tk->end - tk->start;
        char w[CMP_WORD_MAX + 1], ws[CMP_WORD_MAX + 1];
        size_t wl = cmp_fold_word(p, n, 0, w);
        size_t sl = cmp_fold_word(p, n, 1, ws);
        if (tk->flags & TOK_NUM) {
            /* a number and the content word after it: "6,000 troops", "310 cubic metres" */
            if (st->n_nums < CT_MAX_ITEMS && t + 1 < d->n_tokens &&
                (d->tokens[t + 1].flags & TOK_WORD) && !(d->tokens[t + 1].flags & TOK_NUM) &&
                d->tokens[t + 1].end <= st->at.end) {
                char num[32];
                size_t o = 0;
                for (size_t i = 0; i < n && o + 1 < sizeof num; i++)
                    if (p[i] != ',') num[o++] = p[i];
                num[o] = '\0';
                char *end;
                double v = strtod(num, &end);
                const token *u = &d->tokens[t + 1];
                char uw[CMP_WORD_MAX + 1];
                size_t ul = cmp_fold_word(d->text + u->start, u->end - u->start, 0, uw);
                if (*end == '\0' && ul >= 3 && !cmp_is_stopword(uw, ul)) {
                    ul = cmp_fold_word(d->text + u->start, u->end - u->start, 1, uw);
                    ct_num *x = &st->nums[st->n_nums++];
                    x->value = v;
                    x->unit = hash64(uw, ul, 0x5eed);
                    x->unit_at.start = u->start;
                    x->unit_at.end = u->end;
                    x->tok = t;
                    /* the unit phrase runs over content words and "per", at most 4 */
                    x->unit_len = 1;
                    for (size_t v2 = t + 2; v2 < d->n_tokens && x->unit_len < 4 &&
                                            d->tokens[v2].end <= st->at.end;
                         v2++) {
                        const token *uv = &d->tokens[v2];
                        if (!(uv->flags & TOK_WORD) || (uv->flags & TOK_NUM)) break;
                        char pw[CMP_WORD_MAX + 1];
                        size_t pl = cmp_fold_word(d->text + uv->start, uv->end - uv->start, 0, pw);
                        if (strcmp(pw, "per") && (pl < 3 || cmp_is_stopword(pw, pl))) break;
                        x->unit_len++;
                    }
                }
            }
            continue;
        }
        if (is_negator(w, wl)) {
            pending_neg = 4; /* the predicate comes within three words: "will not join" */
            continue;
        }
        if (pending_neg) pending_neg--;
        if (pending_neg == 3 && (!strcmp(w, "only") || !strcmp(w, "just") || !strcmp(w, "even")))
            pending_neg = 0;
        for (size_t i = 0; i < NANT && st->n_ant < CT_MAX_ITEMS; i++)
            for (int s = 0; s < 2; s++)
                if (!strcmp(ant_stem[i][s], ws)) st->ant[st->n_ant++] = (uint16_t)(i * 2 + s);
        /* the predicate a negation governs: the first content word after it ("will not
         * join", "has no plans to") */
        /* "not only", "not just", "not even" negate nothing */
        if (pending_neg == 4 && (!strcmp(w, "only") || !strcmp(w, "just") || !strcmp(w, "even")))
            pending_neg = 0;
        if (pending_neg && wl >= 3 && !cmp_is_stopword(w, wl) && !st->negated) {
            st->negated = 1;
            st->pred = hash64(ws, sl, 0x5eed);
            st->pred_at.start = tk->start;
            st->pred_at.end = tk->end;
            st->pred_tok = t;
            pending_neg = 0;
        }
        if (pending_neg == 1) pending_neg = 0;
    }
    for (size_t m = 0; m < d->n_mentions && st->n_ents < CT_MAX_ITEMS; m++) {
        const mention *mn = &d->mentions[m];
        if (mn->at.start < st->at.start || mn->at.end > st->at.end) continue;
        if (mn->how == MEN_PRONOUN) continue;
        const char *name = d->entities[mn->entity].name;
        if (!name) continue;
        uint64_t h = hash64(name, strlen(name), 0x5eed);
        int seen = 0;
        for (size_t i = 0; i < st->n_ents; i++) seen |= st->ents[i] == h;
        if (seen) continue;
        st->ent_names[st->n_ents] = name;
        st->ents[st->n_ents++] = h;
    }
}

#define CT_WINDOW 8 /* tokens either side of a predicate or number read as its context */

/* The content words within CT_WINDOW tokens of token `center` inside `at` (leaving out the
 * `skip` tokens after it: a number's unit), as hashes into out; returns how many. */
static size_t context_of(const nlp_doc *d, span at, size_t center, size_t skip,
                         uint64_t out[2 * CT_WINDOW])
{
    size_t n = 0;
    size_t from = center > CT_WINDOW ? center - CT_WINDOW : 0;
    for (size_t t = from; t <= center + skip + CT_WINDOW && t < d->n_tokens; t++) {
        const token *tk = &d->tokens[t];
        if (t >= center && t <= center + skip) continue;
        if (tk->start < at.start || tk->end > at.end || !(tk->flags & TOK_WORD)) continue;
        if (tk->flags & TOK_NUM) continue;
        char w[CMP_WORD_MAX + 1];
        size_t wl = cmp_fold_word(d->text + tk->start, tk->end - tk->start, 0, w);
        if (wl < 3 || cmp_is_stopword(w, wl) || is_negator(w, wl)) continue;
        wl = cmp_fold_word(d->text + tk->start, tk->end - tk->start, 1, w);
        if (n < 2 * CT_WINDOW) out[n++] = hash64(w, wl, 0x5eed);
    }
    return n;
}

/* How many words two contexts share (small arrays, counted once each). */
static size_t context_shared(const uint64_t *x, size_t nx, const uint64_t *y, size_t ny)
{
    size_t s = 0;
    for (size_t i = 0; i < nx; i++) {
        int dup = 0;
        for (size_t k = 0; k < i; k++) dup |= x[k] == x[i];
        if (dup) continue;
        for (size_t j = 0; j < ny; j++)
            if (x[i] == y[j]) {
                s++;
                break;
            }
    }
    return s;
}

/* The token of `st` whose stemmed word hashes to h, or SIZE_MAX. */
static size_t token_with(const nlp_doc *d, span at, uint64_t h)
{
    for (size_t t = cmp_token_at(d, at.start); t < d->n_tokens && d->tokens[t].end <= at.end;
         t++) {
        const token *tk = &d->tokens[t];
        if (!(tk->flags & TOK_WORD)) continue;
        char w[CMP_WORD_MAX + 1];
        size_t wl = cmp_fold_word(d->text + tk->start, tk->end - tk->start, 1, w);
        if (hash64(w, wl, 0x5eed) == h) return t;
    }
    return SIZE_MAX;
}

static int has_hash(const uint64_t *v, size_t n, uint64_t h)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo] == h;
}

/* The first entity both statements name, or NULL. */
static const char *shared_entity(const ct_stmt *x, const ct_stmt *y)
{
    for (size_t i = 0; i < x->n_ents; i++)
        for (size_t j = 0; j < y->n_ents; j++)
            if (x->ents[i] == y->ents[j]) return x->ent_names[i];
    return NULL;
}

/* Does the statement hold this side of an antonym pair? One that holds both sides ("refused
 * to discuss") takes no side. */
static int has_ant(const ct_stmt *st, uint16_t code)
{
    for (size_t i = 0; i < st->n_ant; i++)
        if (st->ant[i] == code) return 1;
    return 0;
}

static int same_speaker(const ct_stmt *x, const ct_stmt *y)
{
    return cmp_same_person(x->speaker, y->speaker);
}

/* Compares two statements; fills *out and returns 1 for a candidate. */
static int judge(arena *a, const story_article *arts, const ct_stmt *x, const ct_stmt *y,
                 cmp_contradiction *out)
{
    /* one speaker contradicting themselves counts only across articles (times) */
    if (same_speaker(x, y) && x->article == y->article) return 0;
    if (x->article == y->article && x->at.start == y->at.start) return 0;
    /* duplicates of one report are not two statements */
    if (arts[x->article].duplicate_of == (int)y->article ||
        arts[y->article].duplicate_of == (int)x->article)
        return 0;
    size_t shared = cmp_shared(x->words, x->n_words, y->words, y->n_words);
    size_t lo = x->n_words < y->n_words ? x->n_words : y->n_words;
    if (!lo || shared < CT_MIN_SHARED) return 0;
    double ratio = (double)shared / (double)lo;
    if (ratio < CT_MIN_RATIO) return 0;
    const char *ent = shared_entity(x, y);
    const char *why = NULL, *subject = ent;
    double score = 0;
    span subj_at = {0, 0};
    uint32_t subj_art = 0;

    /* negation: one denies the predicate the other asserts */
    if (x->negated != y->negated) {
        const ct_stmt *neg = x->negated ? x : y, *pos = x->negated ? y : x;
        size_t pt = has_hash(pos->words, pos->n_words, neg->pred)
                        ? token_with(arts[pos->article].nlp, pos->at, neg->pred)
                        : SIZE_MAX;
        uint64_t cn[2 * CT_WINDOW], cp[2 * CT_WINDOW];
        size_t nn = 0, np = 0;
        if (pt != SIZE_MAX) {
            /* the same clause: the predicate's neighbours shared too, so that "Nobody should
             * expect a river to be settled" does not meet "he expects the delegations" */
            nn = context_of(arts[neg->article].nlp, neg->at, neg->pred_tok, 0, cn);
            np = context_of(arts[pos->article].nlp, pos->at, pt, 0, cp);
        }
        if (pt != SIZE_MAX && context_shared(cn, nn, cp, np) >= 2) {
            why = "negation";
            score = 0.45 + 0.4 * ratio + (ent ? 0.1 : 0);
            subj_at = neg->pred_at;
            subj_art = neg->article;
        }
    }
    /* antonyms: the two sides of one pair, with the same polarity */
    if (!why && x->negated == y->negated) {
        for (size_t i = 0; i < x->n_ant && !why; i++)
            for (size_t j = 0; j < y->n_ant && !why; j++)
                if (x->ant[i] / 2 == y->ant[j] / 2 && x->ant[i] != y->ant[j] &&
                    !has_ant(x, y->ant[j]) && !has_ant(y, x->ant[i])) {
                    why = "antonym";
                    score = 0.4 + 0.4 * ratio + (ent ? 0.1 : 0);
                }
    }
    /* numbers: the same unit, different amounts, neither statement carrying both */
    if (!why) {
        for (size_t i = 0; i < x->n_nums && !why; i++)
            for (size_t j = 0; j < y->n_nums && !why; j++) {
                const ct_num *p = &x->nums[i], *q = &y->nums[j];
                if (p->unit != q->unit || p->value == q->value) continue;
                double big = p->value > q->value ? p->value : q->value;
                double small = p->value > q->value ? q->value : p->value;
                if (small <= 0 || big / small < 1.1) continue;
                int both = 0;
                for (size_t k = 0; k < x->n_nums; k++) both |= x->nums[k].value == q->value;
                for (size_t k = 0; k < y->n_nums; k++) both |= y->nums[k].value == p->value;
                if (both) continue;
                /* the same thing counted: its neighbours (past the unit) shared */
                uint64_t cx[2 * CT_WINDOW], cy[2 * CT_WINDOW];
                size_t nx = context_of(arts[x->article].nlp, x->at, p->tok, p->unit_len, cx);
                size_t ny = context_of(arts[y->article].nlp, y->at, q->tok, q->unit_len, cy);
                if (context_shared(cx, nx, cy, ny) < 2) continue;
                why = "number";
                score = 0.4 + 0.4 * ratio + (ent ? 0.1 : 0);
                subj_at = p->unit_at;
                subj_art = x->article;
            }
    }
    if (!why) return 0;
    if (!subject && subj_at.end > subj_at.start) {
        const char *t = arts[subj_art].nlp->text;
        subject = arena_strndup(a, t + subj_at.start, subj_at.end - subj_at.start);
        if (!subject) return -1;
    }
    if (score > 1) score = 1;
    out->a.article = x->article;
    out->a.at = x->at;
    out->b.article = y->article;
    out->b.at = y->at;
    out->speaker_a = x->speaker;
    out->speaker_b = y->speaker;
    out->subject = subject;
    out->why = why;
    out->score = score;
    return 1;
}

static int by_score(const void *pa, const void *pb)
{
    const cmp_contradiction *a = pa, *b = pb;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    return cmp_ref_order(&a->a, &b->a);
}

dossier_status cmp_contradictions(arena *a, const story_article *arts, size_t n, comparison *c)
{
    c->contradictions = NULL;
    c->n_contradictions = 0;
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        if (arts[k].quotes && arts[k].nlp) total += arts[k].quotes->n;
    if (total < 2) return DOSSIER_OK;
    ct_stmt *st = arena_calloc(a, total, sizeof *st);
    if (!st) return DOSSIER_ERR_NOMEM;
    size_t ns = 0;
    for (size_t k = 0; k < n; k++) {
        if (!arts[k].quotes || !arts[k].nlp) continue;
        for (size_t i = 0; i < arts[k].quotes->n; i++)
            if (asserts(arts[k].nlp, &arts[k].quotes->items[i]))
                read_statement(a, &arts[k], (uint32_t)k, &arts[k].quotes->items[i], &st[ns++]);
    }
    size_t cap = 16, no = 0;
    cmp_contradiction *out = arena_calloc(a, cap, sizeof *out);
    if (!out) return DOSSIER_ERR_NOMEM;
    for (size_t i = 0; i < ns; i++) {
        for (size_t j = i + 1; j < ns; j++) {
            cmp_contradiction cand;
            int r = judge(a, arts, &st[i], &st[j], &cand);
            if (r < 0) return DOSSIER_ERR_NOMEM;
            if (!r) continue;
            if (no == cap) {
                cmp_contradiction *g = arena_calloc(a, cap * 2, sizeof *g);
                if (!g) return DOSSIER_ERR_NOMEM;
                memcpy(g, out, no * sizeof *g);
                out = g;
                cap *= 2;
            }
            out[no++] = cand;
        }
    }
    qsort(out, no, sizeof *out, by_score);
    c->contradictions = out;
    c->n_contradictions = no < CT_MAX_OUT ? no : CT_MAX_OUT;
    return DOSSIER_OK;
}
