/*
 * quotes.c - quotations and reported speech with their cues and speakers.
 *
 * 1. Quotation marks are paired per paragraph (every style: " “ ” „ « » ‹ › ‘ ’ 「 」, nested
 *    single quotes inside double ones); a quotation left open at the end of a paragraph goes on
 *    when the next paragraph opens with a quote mark, as newspapers print long quotes.
 * 2. Each quotation looks for its attribution frame: after the closing mark (`,” Blinken said`,
 *    `,” said the secretary`, `,” he told reporters`), before the opening mark (`Blinken said:
 *    “`, `According to Blinken, “`, `Blinken: “`), or anywhere earlier in its sentence for a
 *    partial quotation (`described it as “core principles”`). A quotation with no frame
 *    inherits the speaker of the quotation in its paragraph or the one before, when no other
 *    person is named (pass 3).
 * 3. Sentences without quotation marks are read for reported speech: `X said (that) …`,
 *    `…, X said.`, `according to X, …`, `…, according to X.`
 * Speakers are the mentions of the nlp layer (names, titles, roles, pronouns); a speaker the
 * layer does not know ("a senior official") is kept as a span without an entity.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nlp/lexicon.h"
#include "nlp/nlp_internal.h"
#include "quotes/quotes.h"

#define FRAME_AFTER 24 /* tokens read after a closing mark for `, X, the …, said` */
#define FRAME_BEFORE 14 /* tokens read before an opening mark for `X said: ` */
#define MIN_INDIRECT 3  /* words a reported clause needs */
#define NP_WORDS 6 /* words of a subject's noun phrase before its cue */

/* Families of quotation marks: a closer only closes an opener of its family. */
enum { QF_NONE = 0, QF_DOUBLE = 1, QF_SINGLE = 2, QF_GUILL = 3, QF_CJK = 4 };

/* Role of one quote-mark token. */
enum { QM_OPEN = 1, QM_CLOSE = 2, QM_EITHER = 3 };

typedef struct qfinder {
    arena *a;
    const nlp_doc *d;
    const lexicon *lx;
    quote *items;
    size_t n, cap;
    unsigned char *in_quote; /* per token: 1 inside a quotation's marks (marks included) */
    unsigned char *used_cue; /* per token: already a cue of some quote */
    unsigned char *cue_len;  /* per token: cue length in tokens, 0xFF until looked up */
    const lex_cue **cue_of;  /* per token: the cue found there */
} qfinder;

static uint32_t cp_of(const nlp_doc *d, size_t t)
{
    uint32_t cp;
    if (!utf8_decode(d->text + d->tokens[t].start, d->tokens[t].end - d->tokens[t].start, &cp))
        return 0xFFFD;
    return cp;
}

/* The family and possible roles of the quote mark at token t, from its shape and spacing. */
static int mark_role(const nlp_doc *d, size_t t, int *family)
{
    uint32_t cp = cp_of(d, t);
    const token *k = &d->tokens[t];
    int space_before = t == 0 || (k->flags & TOK_PARA) || d->tokens[t - 1].end < k->start;
    int space_after = t + 1 >= d->n_tokens || d->tokens[t + 1].start > k->end ||
                      (d->tokens[t + 1].flags & TOK_PARA);
    /* Opening brackets and dashes before a mark count as space. */
    if (!space_before && t > 0) {
        char c = d->text[d->tokens[t - 1].start];
        if (c == '(' || c == '[' || c == '-' || (unsigned char)c == 0xE2) space_before = 1;
    }
    switch (cp) {
    case 0x201C: *family = QF_DOUBLE; return space_before || !space_after ? QM_OPEN : QM_CLOSE;
    case 0x201E: *family = QF_DOUBLE; return QM_OPEN;
    case 0x201D: /* ”…” (Swedish, Finnish, and many a typo): after a space, before a word it
                    opens */
        *family = QF_DOUBLE;
        return space_before && !space_after ? QM_OPEN : QM_CLOSE;
    case 0x00AB: *family = QF_GUILL; return QM_OPEN;
    case 0x00BB: *family = QF_GUILL; return QM_CLOSE;
    case 0x2039: *family = QF_SINGLE; return QM_OPEN;
    case 0x203A: *family = QF_SINGLE; return QM_CLOSE;
    case 0x300C: case 0x300E: *family = QF_CJK; return QM_OPEN;
    case 0x300D: case 0x300F: *family = QF_CJK; return QM_CLOSE;
    case 0x2018: case 0x201A: *family = QF_SINGLE; return QM_OPEN;
    case 0x2019: *family = QF_SINGLE; return space_before ? 0 : QM_CLOSE;
    case '"': case 0xFF02:
        *family = QF_DOUBLE;
        if (space_before && !space_after) return QM_OPEN;
        if (!space_before && space_after) return QM_CLOSE;
        return QM_EITHER;
    case '\'':
        /* '' is a double mark, shaped like " */
        if (k->end - k->start == 2) {
            *family = QF_DOUBLE;
            if (space_before && !space_after) return QM_OPEN;
            if (!space_before && space_after) return QM_CLOSE;
            return QM_EITHER;
        }
        *family = QF_SINGLE;
        if (space_before && !space_after) return QM_OPEN;
        if (!space_before && space_after) return QM_CLOSE;
        return 0;
    default: *family = QF_NONE; return 0;
    }
}

/* Does token t's text equal w (wn bytes), ignoring ASCII case? */
static int tok_is_n(const nlp_doc *d, size_t t, const char *w, size_t wn)
{
    if (t >= d->n_tokens) return 0;
    size_t n = d->tokens[t].end - d->tokens[t].start;
    return wn == n && !strncasecmp(d->text + d->tokens[t].start, w, n);
}

/* tok_is(d, t, "literal"): the length is known at compile time, the bytes compared only when
 * the lengths agree. */
#define tok_is(d, t, w) tok_is_n((d), (t), (w), sizeof(w) - 1)

/* Is token t one of the words of the set? */
static int tok_in(const nlp_doc *d, size_t t, wordset *ws)
{
    if (t >= d->n_tokens) return 0;
    return wordset_has(ws, d->text + d->tokens[t].start, d->tokens[t].end - d->tokens[t].start);
}

static int tok_char(const nlp_doc *d, size_t t, char c)
{
    return t < d->n_tokens && d->tokens[t].end - d->tokens[t].start == 1 &&
           d->text[d->tokens[t].start] == c;
}

static int tok_is_n(const nlp_doc *d, size_t t, const char *w, size_t wn);
#define tok_is(d, t, w) tok_is_n((d), (t), (w), sizeof(w) - 1)
static int is_cue_filler(const nlp_doc *d, size_t t);
static int mention_at(const nlp_doc *d, size_t t);
static int dash_before(const nlp_doc *d, size_t t);
static size_t contracted_pronoun(const nlp_doc *d, size_t t);
static int is_pronoun_subject(const nlp_doc *d, size_t t);

/* Is token t a determiner or possessive that makes the next word a noun? */
static int is_determiner(const nlp_doc *d, size_t t)
{
    static const char *const dets[] = {"the", "a", "an", "his", "her", "its", "their", "our",
                                       "my", "your", "this", "these", "those", "whose", "every",
                                       "each", "any", "no", "another", NULL};
    static wordset set = WORDSET(dets, 1);
    return tok_in(d, t, &set);
}

static int cue_at_uncached(const qfinder *f, size_t t, const lex_cue **out);

/* Is token t a determiner that only a singular noun follows (not "the", "these")? */
static int is_singular_determiner(const nlp_doc *d, size_t t)
{
    static const char *const dets[] = {"a",  "an",   "his",   "her",  "its",     "their",
                                       "our", "my",  "your",  "this", "that",    "every",
                                       "each", "any", "another", "such", NULL};
    static wordset set = WORDSET(dets, 1);
    return tok_in(d, t, &set);
}

/* Does token t follow a comma, the writer's or one inside a closing quote mark (`,” adding`)? */
static int after_comma(const nlp_doc *d, size_t t)
{
    if (t > 0 && tok_char(d, t - 1, ',')) return 1;
    return t > 1 && (d->tokens[t - 1].flags & TOK_QUOTE) && tok_char(d, t - 2, ',');
}

/* The cue starting at token t: its length in tokens (1 or 2) and the lexicon entry, or 0.
 * Each token is looked up once per article; the answer is kept. */
static int cue_at(const qfinder *f, size_t t, const lex_cue **out)
{
    if (t >= f->d->n_tokens) return 0;
    if (f->cue_len[t] == 0xFF) {
        const lex_cue *c = NULL;
        int len = cue_at_uncached(f, t, &c);
        f->cue_len[t] = (unsigned char)len;
        f->cue_of[t] = c;
    }
    *out = f->cue_of[t];
    return f->cue_len[t];
}

/* Does token t end in a possessive 's ('s or ’s)? */
static int possessive_at(const nlp_doc *d, size_t t)
{
    const char *p = d->text + d->tokens[t].start;
    size_t n = d->tokens[t].end - d->tokens[t].start;
    return (d->tokens[t].flags & TOK_WORD) &&
           ((n > 2 && p[n - 1] == 's' && p[n - 2] == '\'') ||
            (n > 4 && p[n - 1] == 's' && !memcmp(p + n - 4, "\xE2\x80\x99", 3)));
}

static int cue_at_uncached(const qfinder *f, size_t t, const lex_cue **out)
{
    const nlp_doc *d = f->d;
    if (t >= d->n_tokens || !(d->tokens[t].flags & TOK_WORD)) return 0;
    /* A capital inside a sentence makes a name ("State Department"), and so does a mention;
     * checked first, as they spare both lookups. */
    if ((d->tokens[t].flags & TOK_CAP) && !(d->tokens[t].flags & TOK_SENT)) return 0;
    if (mention_at(d, t) >= 0) return 0;
    int pair = t + 1 < d->n_tokens && (d->tokens[t + 1].flags & TOK_WORD) &&
               d->tokens[t + 1].sent == d->tokens[t].sent;
    int words;
    const lex_cue *c = lexicon_cue_words(
        f->lx, d->text + d->tokens[t].start, d->tokens[t].end - d->tokens[t].start,
        pair ? d->text + d->tokens[t + 1].start : NULL,
        pair ? d->tokens[t + 1].end - d->tokens[t + 1].start : 0, &words);
    if (!c) return 0;
    if (words == 2) {
        *out = c;
        return 2;
    }
    /* A participle in -en ("written", "spoken") reports only after an auxiliary ("has
     * written"); alone it is an adjective ("written answers"). */
    size_t fn = d->tokens[t].end - d->tokens[t].start;
    if (fn > 4 && !memcmp(d->text + d->tokens[t].end - 2, "en", 2) &&
        !(t > 0 && (tok_is(d, t - 1, "has") || tok_is(d, t - 1, "have") || tok_is(d, t - 1, "had") ||
                    tok_is(d, t - 1, "was") || tok_is(d, t - 1, "were") || tok_is(d, t - 1, "been") ||
                    tok_is(d, t - 1, "is") || tok_is(d, t - 1, "be"))))
        return 0;
    /* A gerund or participle in -ing reports after a comma (", adding that"), after a form of
     * "be" ("was saying") or "while"/"after"; elsewhere it is a noun or an adjective. */
    if (fn > 5 && !memcmp(d->text + d->tokens[t].end - 3, "ing", 3) && t > 0 &&
        !after_comma(d, t) && !dash_before(d, t) && !tok_is(d, t - 1, "was") &&
        !tok_is(d, t - 1, "is") && !tok_is(d, t - 1, "were") && !tok_is(d, t - 1, "are") && !tok_is(d, t - 1, "been") &&
        !tok_is(d, t - 1, "while") && !tok_is(d, t - 1, "after") && !tok_is(d, t - 1, "by") &&
        !(d->tokens[t].flags & TOK_SENT) && !is_cue_filler(d, t - 1) &&
        !contracted_pronoun(d, t - 1) && /* "He’s saying" */
        !(mention_at(d, t - 1) >= 0 &&
          d->entities[d->mentions[mention_at(d, t - 1)].entity].kind == ENT_PERSON))
        return 0; /* ("footage of Clinton asking, “…”" reports: a person is its subject) */
    /* After a determiner it is a noun: "the reply", "his statement", "a report". */
    if (t > 0 && d->tokens[t - 1].sent == d->tokens[t].sent && is_determiner(d, t - 1)) return 0;
    /* A base form ("attack", "decline", "pledge") is a noun, not a report, after a singular
     * determiner and its adjectives: "a steep decline", "any expanded Russian attack", "his
     * campaign pledge" ("the" is left out: "the two sides call for" reports). */
    if (fn == strlen(c->lemma) && !memcmp(d->text + d->tokens[t].start, c->lemma, fn)) {
        for (size_t k = 2; k <= 3 && k <= t; k++) {
            size_t u = t - k;
            if (d->tokens[u].sent != d->tokens[t].sent || !(d->tokens[u + 1].flags & TOK_WORD))
                break;
            if (is_singular_determiner(d, u)) return 0;
            if (!(d->tokens[u].flags & TOK_WORD)) break;
        }
    }
    /* After a possessive too: "Trump's tweet"; not after "He’s" (he is, he has). */
    if (t > 0 && (d->tokens[t - 1].flags & TOK_WORD) && !contracted_pronoun(d, t - 1)) {
        if (possessive_at(d, t - 1)) return 0;
        /* ... or after a possessive and one word, as a plural before a modal: "Russia's core
         * demands might feel good" */
        static const char *const modals[] = {"might", "may", "must", "should", "could",
                                             "would", "can", "will", NULL};
        static wordset modal_set = WORDSET(modals, 1);
        if (t >= 2 && fn > 3 && d->text[d->tokens[t].end - 1] == 's' &&
            !(d->tokens[t - 1].flags & TOK_CAP) && possessive_at(d, t - 2) &&
            t + 1 < d->n_tokens && tok_in(d, t + 1, &modal_set))
            return 0;
        /* ... or after a possessive and a name of no person, before a comma or a stop:
         * "because of Pagliano's Fifth Amendment claims, prosecutors …" (not "the ad's
         * narrator says,") */
        int m1 = mention_at(d, t - 1);
        if (fn > 3 && d->text[d->tokens[t].end - 1] == 's' && t + 1 < d->n_tokens &&
            (tok_char(d, t + 1, ',') || tok_char(d, t + 1, '.')) &&
            (d->tokens[t - 1].flags & TOK_CAP) &&
            !(m1 >= 0 && d->entities[d->mentions[m1].entity].kind == ENT_PERSON)) {
            for (size_t k = 2; k <= 3 && k <= t; k++)
                if (possessive_at(d, t - k)) return 0;
        }
    }
    /* "his recently revealed tax strategies": a possessive pronoun and an adverb make it an
     * adjective */
    if (t >= 2 && is_determiner(d, t - 2) && d->tokens[t - 1].end - d->tokens[t - 1].start > 3 &&
        !memcmp(d->text + d->tokens[t - 1].end - 2, "ly", 2) &&
        d->tokens[t - 2].sent == d->tokens[t].sent)
        return 0;
    /* "would eventually add $84 billion": adding sums is no report; nor is raising a tax
     * ("raise" reports concerns, questions, doubts) */
    if (t + 1 < d->n_tokens && !strcmp(c->lemma, "add") &&
        ((d->tokens[t + 1].flags & TOK_NUM) || tok_char(d, t + 1, '$')))
        return 0;
    if (!strcmp(c->lemma, "raise")) {
        static const char *const raised[] = {"concern", "concerns", "question", "questions",
                                             "doubt", "doubts", "issue", "possibility",
                                             "alarm", "objection", "objections", "prospect",
                                             "fears", "fear", "worries", "specter",
                                             "spectre", "example", "point", "matter",
                                             "subject", "topic", "them", "it", "flag",
                                             "flags", "complaint", "complaints", NULL};
        static wordset raised_set = WORDSET(raised, 1);
        int ok = 0;
        for (size_t k = t + 1; k < d->n_tokens && k <= t + 4 && !ok; k++)
            ok = tok_in(d, k, &raised_set);
        if (!ok) return 0;
    }
    *out = c;
    return 1;
}

/* Index of the first token starting at or after byte `pos`. */
static size_t token_at(const nlp_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->n_tokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->tokens[mid].start < pos) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The mention covering token t, or -1. */
/* Index of the first mention that ends after byte pos (n_mentions when none): mentions are in
 * text order and do not overlap. */
static size_t mention_from(const nlp_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->n_mentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->mentions[mid].at.end <= pos) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int mention_at(const nlp_doc *d, size_t t)
{
    size_t pos = d->tokens[t].start;
    size_t lo = mention_from(d, pos);
    if (lo < d->n_mentions && d->mentions[lo].at.start <= pos && d->mentions[lo].at.end > pos)
        return (int)lo;
    return -1;
}

static quote *quote_push(qfinder *f)
{
    if (nlp_grow(f->a, (void **)&f->items, &f->cap, f->n, sizeof *f->items)) return NULL;
    quote *q = &f->items[f->n++];
    memset(q, 0, sizeof *q);
    q->speaker = -1;
    return q;
}

/* Is token t a negation a cue may carry ("did not say", "isn't saying")? */
static int is_negation(const nlp_doc *d, size_t t)
{
    static const char *const neg[] = {"not",     "never",   "isn't",   "wasn't",  "didn't",
                                      "doesn't", "hasn't",  "haven't", "won't",   "isn’t",
                                      "wasn’t",  "didn’t",  "doesn’t", "hasn’t",  "haven’t",
                                      "won’t",   NULL};
    static wordset set = WORDSET(neg, 1);
    return tok_in(d, t, &set);
}

/* Words that may stand between a subject and its cue: "Blinken also said", "has said", and
 * negations ("did not say"). */
static int is_cue_filler(const nlp_doc *d, size_t t)
{
    static const char *const fill[] = {
        "also",       "later",     "has",        "had",        "have",     "then",     "again",
        "previously", "once",      "reportedly", "repeatedly", "further",  "would",    "will",
        "is",         "was",       "earlier",    "recently", "publicly", "privately",
        "separately", "bluntly",   "flatly",     "firmly",     "clearly",  "simply",   "on",
        "Wednesday",  "however",   "meanwhile",  "too",        "though",   "himself",  "herself",
        "themselves", "Monday",    "Tuesday",    "Thursday",   "Friday",   "Saturday", "Sunday",
        "today",      "yesterday", "tonight",    "did",        "does",     "could",    "might",
        "must",       "should",    "can",        "now",        "still",    "already",  "even",
        "often",      "first",     "just",       NULL};
    static wordset set = WORDSET(fill, 1);
    if (tok_in(d, t, &set) || is_negation(d, t)) return 1;
    /* "last week", "this month": a time before the cue ("Roe last week said"). */
    static const char *const spans[] = {"week", "weekend", "month", "year", "night", NULL};
    static wordset span_set = WORDSET(spans, 1);
    if (t > 0 && tok_in(d, t, &span_set) && (tok_is(d, t - 1, "last") || tok_is(d, t - 1, "this")))
        return 1;
    if (tok_is(d, t, "last") || tok_is(d, t, "this")) return tok_in(d, t + 1, &span_set);
    /* Adverbs in -ly: "seemingly", "repeatedly". */
    size_t n = d->tokens[t].end - d->tokens[t].start;
    return n > 4 && (d->tokens[t].flags & TOK_WORD) && !(d->tokens[t].flags & TOK_CAP) &&
           !memcmp(d->text + d->tokens[t].end - 2, "ly", 2);
}

/* Sets the speaker of q from the mention covering token t, or from the noun phrase of tokens
 * [b, e) when no mention is there. */
static void set_speaker_mention(const nlp_doc *d, quote *q, int m)
{
    q->speaker = (int)d->mentions[m].entity;
    q->speaker_at = d->mentions[m].at;
}

/* Ends the noun phrase of a speaker the nlp layer does not know: "a senior official",
 * "officials", "the ministry". Returns 1 and sets q->speaker_at when tokens [b, e) look like
 * one (words only, at most six, not starting with a verb-like function word). */
static int set_speaker_phrase(const nlp_doc *d, quote *q, size_t b, size_t e)
{
    if (b >= e || e - b > 6) return 0;
    for (size_t t = b; t < e; t++)
        if (!(d->tokens[t].flags & TOK_WORD)) return 0;
    if (tok_is(d, b, "it") || tok_is(d, b, "this") || tok_is(d, b, "that") ||
        tok_is(d, b, "which") || tok_is(d, b, "there"))
        return 0;
    /* A phrase opening with a preposition or conjunction ("to reporters", "as a", "after the
     * session") is no speaker; one opening with a determiner or a number may be. */
    static const char *const openers[] = {
        "the",   "a",    "an",   "his",  "her", "their", "its",     "our",   "one",     "two",
        "three", "some", "many", "most", "all", "both",  "several", "other", "another", "he",
        "she",   "they", "we",   "i",    "you", "these", "those",   "each",  "who",     NULL};
    static wordset open_set = WORDSET(openers, 1);
    const token *k = &d->tokens[b];
    if (nlp_is_function_word(d->text + k->start, k->end - k->start) && !tok_in(d, b, &open_set))
        return 0;
    q->speaker_at.start = d->tokens[b].start;
    q->speaker_at.end = d->tokens[e - 1].end;
    return 1;
}

static int is_speaker_noun(const nlp_doc *d, size_t t);

/* Is token t a reporting verb of the lexicon (any form)? */
static int cue_word(const nlp_doc *d, size_t t)
{
    return lexicon_cue(lexicon_get(), d->text + d->tokens[t].start,
                       d->tokens[t].end - d->tokens[t].start) != NULL;
}

/* Words (not punctuation) among tokens [a, z). */
static size_t words_between(const nlp_doc *d, size_t a, size_t z)
{
    size_t w = 0;
    for (size_t x = a; x < z; x++) w += (d->tokens[x].flags & TOK_WORD) != 0;
    return w;
}

/* Does token t end in "-ing", a word of five letters or more ("saying", not "sing")? */
static int ends_ing(const nlp_doc *d, size_t t)
{
    const token *k = &d->tokens[t];
    return k->end - k->start > 4 && !memcmp(d->text + k->end - 3, "ing", 3);
}

/* Is token t preceded by a dash (-, en or em dash)? The tokenizer makes each one a token. */
static int dash_before(const nlp_doc *d, size_t t)
{
    if (t == 0) return 0;
    const token *k = &d->tokens[t - 1];
    size_t n = k->end - k->start;
    const char *p = d->text + k->start;
    return (n == 1 && *p == '-') || (n == 2 && !memcmp(p, "--", 2)) ||
           (n == 3 && !memcmp(p, "\u2013", 3)) ||
           (n == 3 && !memcmp(p, "\u2014", 3));
}

/*
 * The subject before a cue at token c (not before token `floor`): the mention ending right
 * before it (skipping fillers and a ", the X of Y," apposition), else a short noun phrase.
 */
static int subject_before(const nlp_doc *d, quote *q, size_t c, size_t floor)
{
    size_t t = c;
    while (t > floor && is_cue_filler(d, t - 1)) t--;
    /* "X was quick to note", "X was right to remind": the subject stands before the verb "be"
     * and its adjective */
    if (t >= floor + 4 && tok_is(d, t - 1, "to") && (d->tokens[t - 2].flags & TOK_WORD) &&
        islower((unsigned char)d->text[d->tokens[t - 2].start]) &&
        (tok_is(d, t - 3, "was") || tok_is(d, t - 3, "is") || tok_is(d, t - 3, "were") ||
         tok_is(d, t - 3, "are") || tok_is(d, t - 3, "been")))
        for (t -= 3; t > floor && is_cue_filler(d, t - 1);) t--;
    /* "Mike Pence (R-IN) said": a parenthesis after the name. */
    if (t > floor + 2 && tok_char(d, t - 1, ')')) {
        size_t k = t - 1;
        while (k > floor && !tok_char(d, k, '(') && t - k < 8) k--;
        if (tok_char(d, k, '(')) t = k;
    }
    /* "52% agreed": a share of those polled */
    if (t >= floor + 2 && tok_char(d, t - 1, '%') && (d->tokens[t - 2].flags & TOK_NUM)) {
        q->speaker_at.start = d->tokens[t - 2].start;
        q->speaker_at.end = d->tokens[t - 1].end;
        return 1;
    }
    /* "52% of those polled indicated", "two-thirds of the respondents said": the share and
     * whom it counts */
    for (size_t k = t; k-- > floor + 1 && t - k <= 4;) {
        if (!(d->tokens[k].flags & TOK_WORD) && !tok_char(d, k, '%')) break;
        if (!tok_is(d, k, "of")) continue;
        static const char *const shares[] = {"percent", "%",    "half",      "third",
                                             "thirds",  "quarter", "quarters", "majority",
                                             "fifth",   "fifths", NULL};
        static wordset share_set = WORDSET(shares, 1);
        /* (whom it counts ends in a common word: in "22% of Democratic claims as …" the
         * cue is a noun) */
        if (k + 1 >= t || !tok_in(d, k - 1, &share_set) ||
            (d->tokens[t - 1].flags & (TOK_CAP | TOK_UPPER)))
            break;
        size_t a = k - 1;
        if (a > floor && (d->tokens[a - 1].flags & TOK_NUM)) a--;
        if (a > floor && is_determiner(d, a - 1)) a--; /* "a majority of" */
        q->speaker = -1;
        q->speaker_at.start = d->tokens[a].start;
        q->speaker_at.end = d->tokens[t - 1].end;
        return 1;
    }
    /* ", describing it as", "by arguing that", "met them and emphasized that": a participle
     * or a second verb has the clause's subject: the first person named in its clause (from
     * the sentence start or a ", but" / ", and" / ";"), else the first organisation. */
    int participle = t > floor && ends_ing(d, c) &&
                     (tok_char(d, t - 1, ',') || tok_is(d, t - 1, "by") || dash_before(d, c) ||
                      tok_is(d, t - 1, "after") || tok_is(d, t - 1, "while") ||
                      tok_is(d, t - 1, "before") || tok_is(d, t - 1, "when"));
    /* ... and so has a verb after ", then" (`offered him a job, then said …`) */
    int second_verb = t > floor && (tok_is(d, t - 1, "and") || tok_is(d, t - 1, "but") ||
                                    (tok_char(d, t - 1, ',') && tok_is(d, t, "then")));
    /* "the businessman said, arguing that …": the participle goes on from the cue before it. */
    if (participle && t >= floor + 2 && tok_char(d, t - 1, ',') && cue_word(d, t - 2) &&
        subject_before(d, q, t - 2, floor))
        return 1;
    if (participle || second_verb) {
        uint32_t sent = d->tokens[c].sent;
        size_t from = t;
        while (from > 0 && d->tokens[from - 1].sent == sent) {
            if (tok_char(d, from - 1, ';')) break;
            if (from >= 2 && tok_char(d, from - 2, ',') &&
                (tok_is(d, from - 1, "but") || tok_is(d, from - 1, "and") ||
                 tok_is(d, from - 1, "while") || tok_is(d, from - 1, "although")) &&
                from - 1 < t - 1)
                break;
            from--;
        }
        /* `… after she attacked the police and blamed …`: a second verb in a subordinate
         * clause has that clause's subject pronoun, not the sentence's subject */
        if (second_verb) {
            static const char *const subs[] = {"after", "when", "because", "while", "since",
                                               "before", "although", "though", "if", "until",
                                               "once", "as", NULL};
            static wordset sub_set = WORDSET(subs, 1);
            for (size_t k = t - 1; k-- > from && t - k < 25;) {
                if (!is_pronoun_subject(d, k) || tok_is(d, k, "it") || k == 0 ||
                    !tok_in(d, k - 1, &sub_set))
                    continue;
                int m = mention_at(d, k);
                if (m >= 0) set_speaker_mention(d, q, m);
                else if (!set_speaker_phrase(d, q, k, k + 1)) break;
                return 1;
            }
        }
        /* An introduction ("The day before meeting Lavrov, Blinken met …") is read last. */
        size_t comma = from;
        while (comma < t && !tok_char(d, comma, ',')) comma++;
        if (comma + 1 >= t) comma = from;
        /* A clause opening with a name has it as its subject, an apposition after it
         * (`De Blasio, speaking on the radio, called Trump …`); no introduction. */
        int m0 = mention_at(d, from);
        if (m0 < 0 && from + 1 < t && is_determiner(d, from)) m0 = mention_at(d, from + 1);
        if (m0 >= 0 && d->entities[d->mentions[m0].entity].kind != ENT_PLACE) {
            set_speaker_mention(d, q, m0);
            return 1;
        }
        /* "The prince called for Trump to quit, calling him …": a clause opening with a
         * noun phrase has it as its subject, not a person named later. */
        size_t cs = comma > from ? comma + 1 : from;
        /* "It goes on to fault Clinton's server, saying …": so does one opening with a
         * subject pronoun; not the "it" of "it is in this context that Paul …". */
        if (cs + 1 < t && is_pronoun_subject(d, cs) &&
            !(tok_is(d, cs, "it") && (tok_is(d, cs + 1, "is") || tok_is(d, cs + 1, "was")))) {
            q->speaker = -1;
            q->speaker_at.start = d->tokens[cs].start;
            q->speaker_at.end = d->tokens[cs].end;
            return 1;
        }
        /* ... and so does a phrase of adjectives before its noun (`Several environmental
         * groups asked …, saying`, `Small groups of protesters marched …, chanting`) */
        int bare = cs < t && mention_at(d, cs) < 0 && (d->tokens[cs].flags & TOK_WORD) &&
                   !(d->tokens[cs].flags & TOK_NUM) &&
                   !nlp_is_function_word(d->text + d->tokens[cs].start,
                                         d->tokens[cs].end - d->tokens[cs].start);
        if (cs < t && (is_determiner(d, cs) || bare) && mention_at(d, cs + 1) < 0) {
            size_t e = cs + 1;
            while (e < t && e < cs + 5 && (d->tokens[e].flags & TOK_WORD) &&
                   !nlp_is_function_word(d->text + d->tokens[e].start,
                                         d->tokens[e].end - d->tokens[e].start) &&
                   !cue_word(d, e))
                e++;
            /* a bare phrase is common nouns: capitals after its first word make a title
             * before a name (`US Secretary of State Antony Blinken`) */
            int common = 1;
            for (size_t x = cs + 1; bare && x < e; x++)
                if (d->tokens[x].flags & (TOK_CAP | TOK_UPPER)) common = 0;
            if (e > cs + 1 && e < t && common && is_speaker_noun(d, e - 1) &&
                set_speaker_phrase(d, q, cs, e))
                return 1;
            q->speaker_at.start = q->speaker_at.end = 0;
        }
        /* `Democratic candidate Ada Lind, like Berg, has …`: words before the comma with no
         * preposition or conjunction among them, ending in a person, are a subject and its
         * apposition, not an introduction */
        if (comma > from && comma < t) {
            int plain = 1;
            for (size_t x = from; x < comma && plain; x++) {
                const token *k = &d->tokens[x];
                if (!(k->flags & TOK_WORD) ||
                    (nlp_is_function_word(d->text + k->start, k->end - k->start) &&
                     !is_determiner(d, x)))
                    plain = 0;
            }
            int mc = plain ? mention_at(d, comma - 1) : -1;
            if (mc < 0 && plain) {
                size_t x = comma - 1;
                while (x > from && mention_at(d, x) < 0)
                    x--;
                mc = mention_at(d, x);
                if (mc >= 0 && token_at(d, d->mentions[mc].at.end) != comma) mc = -1;
            }
            if (mc >= 0 && d->entities[d->mentions[mc].entity].kind == ENT_PERSON) {
                set_speaker_mention(d, q, mc);
                return 1;
            }
        }
        int org = -1;
        for (int pass = 0; pass < 2; pass++) {
            size_t k0 = pass == 0 ? (comma > from ? comma + 1 : from) : from;
            size_t k1 = pass == 0 ? t : comma;
            for (size_t k = k0; k < k1; k++) {
                int m = mention_at(d, k);
                if (m < 0) continue;
                /* `tweeted a photo of her arm and said`: a possessive or an object is not
                 * the clause's subject */
                static const char *const obj[] = {"her", "his", "him", "its", "their", "them",
                                                  "me", "my", "us", "our", NULL};
                static wordset oset = WORDSET(obj, 1);
                if (tok_in(d, k, &oset)) continue;
                ent_kind kind = d->entities[d->mentions[m].entity].kind;
                if (kind == ENT_PERSON) {
                    set_speaker_mention(d, q, m);
                    return 1;
                }
                if (kind == ENT_ORG && org < 0) org = m;
            }
        }
        if (org >= 0) {
            set_speaker_mention(d, q, org);
            return 1;
        }
        /* A capitalised word opening the clause that no entity holds (`Fields tweeted a
         * photo and said …`): a name the recogniser missed at a sentence start. */
        size_t ce = from;
        while (ce < t && ce < from + 3 && (d->tokens[ce].flags & TOK_WORD) &&
               isupper((unsigned char)d->text[d->tokens[ce].start]) &&
               !nlp_is_function_word(d->text + d->tokens[ce].start,
                                     d->tokens[ce].end - d->tokens[ce].start))
            ce++;
        if (ce > from && ce < t && !(d->tokens[ce].flags & TOK_NUM) &&
            set_speaker_phrase(d, q, from, ce))
            return 1;
        return 0;
    }
    /* ", the secretary of state, said": skip back over the apposition to the name; over two
     * when the first holds no name (", the attorney general of Oklahoma, one of the states
     * suing, said"). */
    if (t > floor && tok_char(d, t - 1, ',')) {
        size_t b = t - 1;
        size_t k = b;
        while (k > floor && k + 30 > b && !tok_char(d, k - 1, ',')) k--;
        for (int more = 0; more < 2 && k > floor + 2 && tok_char(d, k - 1, ','); more++) {
            int mk = mention_at(d, k - 2);
            if (mk >= 0 && d->entities[d->mentions[mk].entity].kind != ENT_PLACE) break;
            size_t k2 = k - 1;
            while (k2 > floor && k - k2 < 30 && !tok_char(d, k2 - 1, ','))
                k2--;
            if (!(k2 > floor && tok_char(d, k2 - 1, ','))) break;
            int m2 = mention_at(d, k2 >= 2 ? k2 - 2 : 0);
            if (m2 < 0 || d->entities[d->mentions[m2].entity].kind != ENT_PERSON) break;
            k = k2;
        }
        if (k > floor && tok_char(d, k - 1, ',')) {
            /* "Jim Jordan (R-Ohio), a panel member, said": the party tag is skipped too. */
            size_t j = k >= 2 ? k - 2 : 0;
            if (j > floor && tok_char(d, j, ')')) {
                size_t o = j;
                while (o > floor && !tok_char(d, o, '(') && j - o < 8)
                    o--;
                if (tok_char(d, o, '(') && o > floor) j = o - 1;
            }
            int m = k >= 2 ? mention_at(d, j) : -1;
            /* "Senator Ada Lind of Kalvik, a toll supporter, said": the person before the
             * place */
            if (m >= 0 && d->entities[d->mentions[m].entity].kind == ENT_PLACE) {
                size_t ps = token_at(d, d->mentions[m].at.start);
                if (ps >= floor + 2 && (tok_is(d, ps - 1, "of") || tok_is(d, ps - 1, "from"))) {
                    int mp = mention_at(d, ps - 2);
                    if (mp >= 0 && d->entities[d->mentions[mp].entity].kind == ENT_PERSON)
                        m = mp;
                }
            }
            if (m >= 0) {
                set_speaker_mention(d, q, m);
                return 1;
            }
            /* "The state's campaign chairman, Phil Lovas, said": the name in the commas. */
            m = mention_at(d, b - 1);
            if (m >= 0 && token_at(d, d->mentions[m].at.start) >= k) {
                set_speaker_mention(d, q, m);
                return 1;
            }
            /* "Jane Roe, a professor at the law school, said": the phrase before, or the
             * person in it ("Ada Lind of Kalvik, a toll supporter, said"). */
            size_t e2 = k - 1, b2 = e2;
            while (b2 > floor && (d->tokens[b2 - 1].flags & TOK_WORD) && e2 - b2 < 6) b2--;
            for (size_t x = b2; x < e2; x++) {
                int mx = mention_at(d, x);
                if (mx >= 0 && d->entities[d->mentions[mx].entity].kind == ENT_PERSON &&
                    (x + 1 == e2 || tok_is(d, token_at(d, d->mentions[mx].at.end), "of") ||
                     tok_is(d, token_at(d, d->mentions[mx].at.end), "from"))) {
                    set_speaker_mention(d, q, mx);
                    return 1;
                }
            }
            if (b2 < e2 && (b2 == floor || !(d->tokens[b2 - 1].flags & TOK_WORD)))
                return set_speaker_phrase(d, q, b2, e2);
        }
        return 0;
    }
    /* "Jason Sims — a teacher from Mount Pleasant — says": the name before the apposition
     * in dashes */
    if (t > floor + 2 && dash_before(d, t)) {
        size_t k = t - 1;
        while (k > floor + 1 && t - k < 16 && !dash_before(d, k)) k--;
        if (k > floor + 1 && dash_before(d, k) && k + 1 < t - 1) {
            int m = mention_at(d, k - 2);
            if (m >= 0 && d->entities[d->mentions[m].entity].kind != ENT_PLACE) {
                set_speaker_mention(d, q, m);
                return 1;
            }
        }
        return 0;
    }
    if (t == floor) return 0;
    /* "sources close to her campaign say", "people familiar with the talks said": a speaker's
     * noun and its postmodifier */
    static const char *const post[] = {"close", "familiar", "involved", "briefed",
                                       "knowledgeable", "speaking", NULL};
    static const char *const post_prep[] = {"to", "with", "in", "on", "about", "of", NULL};
    static wordset post_set = WORDSET(post, 1), post_prep_set = WORDSET(post_prep, 1);
    for (size_t k = t - 1; k > floor && t - k <= 8; k--) {
        if (!(d->tokens[k].flags & TOK_WORD)) break;
        if (!tok_in(d, k, &post_set) || !tok_in(d, k + 1, &post_prep_set) ||
            !is_speaker_noun(d, k - 1))
            continue;
        size_t hb = k - 1;
        while (hb > floor && k - hb < 4 && (d->tokens[hb - 1].flags & TOK_WORD) &&
               (!nlp_is_function_word(d->text + d->tokens[hb - 1].start,
                                      d->tokens[hb - 1].end - d->tokens[hb - 1].start) ||
                is_determiner(d, hb - 1)))
            hb--;
        return set_speaker_phrase(d, q, hb, t);
    }
    int m = mention_at(d, t - 1);
    if (m >= 0) {
        set_speaker_mention(d, q, m);
        return 1;
    }
    /* "He’s claiming that": the pronoun of the contraction is the subject. */
    size_t pn = contracted_pronoun(d, t - 1);
    if (pn) {
        q->speaker_at.start = d->tokens[t - 1].start;
        q->speaker_at.end = d->tokens[t - 1].start + pn;
        return 1;
    }
    /* A noun phrase back to a punctuation mark or a function word: its words are nouns and
     * adjectives with at most a determiner, "of" or a possessive ("a senior official",
     * "the head of the agency"). */
    static const char *const np_words[] = {"the",  "a",     "an",   "of",   "his", "her",  "their",
                                           "its",  "many",  "some", "most", "all", "two",  "three",
                                           "both", "other", "one",  "he",   "she", "they", "we",
                                           "i",    "who",   "in",   NULL};
    /* "who said", a relative pronoun, is a whole subject too (PolNeAR marks it). */
    static const char *const subj_pronouns[] = {"he", "she", "they", "we", "i", "who", NULL};
    static wordset np_set = WORDSET(np_words, 1), pronoun_set = WORDSET(subj_pronouns, 1);
    size_t b = t;
    while (b > floor && (d->tokens[b - 1].flags & TOK_WORD) && t - b < NP_WORDS) {
        const token *k = &d->tokens[b - 1];
        if (nlp_is_function_word(d->text + k->start, k->end - k->start) &&
            !tok_in(d, b - 1, &np_set))
            break;
        b--;
        if (tok_in(d, b, &pronoun_set)) break; /* a pronoun is a whole subject */
    }
    /* A determiner cannot end the phrase, nor can "of". */
    if (b < t && (tok_is(d, t - 1, "the") || tok_is(d, t - 1, "a") || tok_is(d, t - 1, "of")))
        return 0;
    /* "Trump at the time said", "Roe in a statement said": a phrase after a preposition is a
     * circumstance; the subject is before it. */
    static const char *const preps[] = {"at",  "in",   "on",   "during", "after",   "before",
                                        "for", "from", "with", "via",    "through", NULL};
    static wordset prep_set = WORDSET(preps, 1);
    if (b > floor + 1 && b < t && tok_in(d, b - 1, &prep_set) &&
        !(d->tokens[b - 1].flags & TOK_CAP)) {
        int m2 = mention_at(d, b - 2);
        if (m2 >= 0 && d->entities[d->mentions[m2].entity].kind != ENT_PLACE) {
            set_speaker_mention(d, q, m2);
            return 1;
        }
    }
    /* "…, a move the Biden administration hopes will …": a noun, then a second determiner,
     * is a reduced relative clause; its subject is the second phrase */
    static const char *const dets[] = {"the", "a", "an", NULL};
    static wordset det_set = WORDSET(dets, 1);
    for (size_t x = b + 1; b < t && x + 1 < t; x++) {
        const token *k = &d->tokens[x - 1];
        int head = tok_in(d, b, &det_set) || (x == b + 1 && !(d->tokens[b].flags & TOK_CAP));
        if (tok_in(d, x, &det_set) && head && !(k->flags & TOK_CAP) &&
            !nlp_is_function_word(d->text + k->start, k->end - k->start) && b > 0 &&
            (tok_char(d, b - 1, ',') || dash_before(d, b))) {
            b = x;
            break;
        }
    }
    return set_speaker_phrase(d, q, b, t);
}

/* The speaker after a cue ending at token e: `said Blinken`, `said the secretary`,
 * `according to a senior official`. The phrase runs to the end of the clause; a mention that
 * ends it is the speaker ("said Secretary of State Antony Blinken"), else the phrase is. */
static int subject_after(const nlp_doc *d, quote *q, size_t e, size_t limit)
{
    size_t t = e;
    while (t < limit && t < e + 8 && (d->tokens[t].flags & TOK_WORD)) t++;
    if (t == e) return 0;
    /* "said a party member who backs the bill", "says a source involved in the talks": a
     * relative clause or a participle with its complement is no part of the name. */
    static const char *const cuts[] = {
        "who",  "whose", "which", "involved", "familiar", "close",  "speaking", "working",
        "with", "in",    "at",    "from",     "on",       "during", "after",    NULL};
    static wordset cut_set = WORDSET(cuts, 1);
    int relative = 0;
    for (size_t k = e + 1; k < t; k++)
        if (tok_in(d, k, &cut_set)) {
            t = k;
            relative = 1;
            break;
        }
    /* A name first and a clause after it: "said Blinken on Wednesday". */
    int m = mention_at(d, e);
    if (m < 0 && e + 1 < t && (tok_is(d, e, "the") || tok_is(d, e, "a") || tok_is(d, e, "an")))
        m = mention_at(d, e + 1);
    if (m >= 0) {
        size_t after = token_at(d, d->mentions[m].at.end);
        static const char *const heads[] = {"official", "officials", "spokesman", "spokeswoman",
                                            "spokesperson", "source", "sources", "diplomat",
                                            "diplomats", "statement", "report", "aide", NULL};
        int head_noun = 0;
        static wordset set = WORDSET(heads, 1);
        head_noun = tok_in(d, after, &set);
        /* "said the Quincy Institute's Mark Roe": the possessor's person speaks */
        int possessor = 0;
        if (after < t && after > 0 && possessive_at(d, after - 1)) {
            int m3 = mention_at(d, after);
            possessor = m3 >= 0 && d->entities[d->mentions[m3].entity].kind == ENT_PERSON &&
                        d->entities[d->mentions[m].entity].kind != ENT_PERSON;
            if (possessor) m = m3;
        }
        if (!head_noun || possessor) {
            set_speaker_mention(d, q, m);
            return 1;
        }
    }
    /* A mention ending the phrase. */
    m = mention_at(d, t - 1);
    if (m >= 0 && token_at(d, d->mentions[m].at.start) >= e &&
        d->entities[d->mentions[m].entity].kind == ENT_PERSON) {
        set_speaker_mention(d, q, m);
        return 1;
    }
    /* A person with a title before and a place after: "said Representative Jane Roe of New
     * York". */
    for (size_t k = e; k < t; k++) {
        m = mention_at(d, k);
        if (m >= 0 && d->entities[d->mentions[m].entity].kind == ENT_PERSON &&
            token_at(d, d->mentions[m].at.start) >= e) {
            set_speaker_mention(d, q, m);
            return 1;
        }
    }
    if (relative || t == limit || !(d->tokens[t].flags & TOK_WORD))
        return set_speaker_phrase(d, q, e, t);
    return 0;
}

/* `,” it said`, `It added, “`: "it" is a speaker only right next to the cue of a quotation
 * (a statement, a letter, a website), never in reported speech ("it is clear that"). */
static int subject_it(const nlp_doc *d, quote *q, size_t c, size_t floor)
{
    while (c > floor && is_cue_filler(d, c - 1))
        c--; /* `,” it further wrote` */
    if (c == floor || !tok_is(d, c - 1, "it")) return 0;
    q->speaker_at.start = d->tokens[c - 1].start;
    q->speaker_at.end = d->tokens[c - 1].end;
    return 1;
}

static void set_cue(quote *q, const nlp_doc *d, size_t t, int len, const lex_cue *c)
{
    /* a negated cue keeps its negation and auxiliary ("did not say", "isn't saying"): the
     * cue a reader sees must not turn a denial into a statement */
    size_t from = t, k = t;
    while (k > 0 && t - k < 3 && is_cue_filler(d, k - 1)) {
        k--;
        if (is_negation(d, k)) from = k;
    }
    if (from < t && from > 0 && is_cue_filler(d, from - 1) && !is_negation(d, from - 1))
        from--; /* the auxiliary before "not": "did not", "has never" */
    q->cue.start = d->tokens[from].start;
    q->cue.end = d->tokens[t + (size_t)len - 1].end;
    q->cue_lemma = c->lemma;
}

/*
 * “…” ― Sonya Herridge: a dash and a name straight after the quotation (vox pops, captions,
 * epigraphs). The name is a mention, else a run of one to five capitalised words (initials
 * included) that ends the sentence, the paragraph or a clause (", a voter in Ohio"). The dash
 * is the cue; it has no lemma.
 */
static int dash_attribution(const nlp_doc *d, quote *q, size_t s, size_t limit)
{
    if (s >= limit) return 0;
    uint32_t cp = cp_of(d, s);
    if (cp != 0x2015 && cp != 0x2014 && cp != 0x2013) return 0;
    size_t b = s + 1, e = b;
    while (e < limit && e < b + 5 && (d->tokens[e].flags & TOK_WORD) &&
           (d->tokens[e].flags & TOK_CAP))
        e++;
    if (e == b) return 0;
    int ends = e == limit || e >= d->n_tokens || (d->tokens[e].flags & (TOK_PARA | TOK_QUOTE)) ||
               tok_char(d, e, '.') || tok_char(d, e, ',') || tok_char(d, e, '(');
    if (!ends) return 0;
    int m = mention_at(d, b);
    if (m >= 0 && token_at(d, d->mentions[m].at.end - 1) < e) set_speaker_mention(d, q, m);
    else if (!set_speaker_phrase(d, q, b, e)) return 0;
    q->cue.start = d->tokens[s].start;
    q->cue.end = d->tokens[s].end;
    q->cue_lemma = NULL;
    return 1;
}

/* Can the speaker follow this cue (`said Blinken`, `added the minister`)? After "told" or
 * "urged" the next name is who was told or urged (`told Politico that`). */
static int cue_inverts(const lex_cue *c);

/* The same at token t: a participle never inverts either (`suggesting a few questions`). */
static int inverts_at(const nlp_doc *d, size_t t, const lex_cue *c)
{
    size_t n = d->tokens[t].end - d->tokens[t].start;
    if (n > 4 && !memcmp(d->text + d->tokens[t].end - 3, "ing", 3)) return 0;
    return cue_inverts(c);
}

static int cue_inverts(const lex_cue *c)
{
    static const char *const objects[] = {"tell",   "tell reporters", "urge", "remind", "assure",
                                          "inform", "accuse",         "call", NULL};
    if (!c->lemma) return 1;
    for (const char *const *w = objects; *w; w++)
        if (!strcmp(*w, c->lemma)) return 0;
    return 1;
}

/* A cue that reports only when it frames a quotation (`the letter reads, “…”`, `,” it read`);
 * elsewhere it is an ordinary verb ("he reads the paper"). */
static int frames_only(const lex_cue *c)
{
    return c->lemma && !strcmp(c->lemma, "read");
}

/*
 * Does the subject found before a cue open the frame that starts at token `start`? Only a title
 * or description of the name may come first (`,” Trump campaign spokesman Jason Miller said`);
 * a clause of the writer's (`” in response, and he urged`) means the cue is not this
 * quotation's frame.
 */
static int subject_opens_frame(const nlp_doc *d, const quote *q, size_t start)
{
    static const char *const joins[] = {
        "and", "but",  "or",    "while", "because", "as",   "when", "after",  "before",   "since",
        "so",  "then", "where", "which", "who",     "that", "if",   "though", "although", NULL};
    static wordset join_set = WORDSET(joins, 1);
    size_t b = token_at(d, q->speaker_at.start);
    if (b <= start) return 1;
    if (b - start > 8) return 0;
    for (size_t t = start; t < b; t++)
        if (!(d->tokens[t].flags & TOK_WORD) || tok_in(d, t, &join_set)) return 0;
    return 1;
}

/*
 * After a frame that opens a new sentence (`?” Trump said`), does the sentence go on with
 * nothing but a few words and a stop or a comma (`Trump said in an interview.`, `Trump said,
 * looking out`)? `.” He said that …` and `.” Jane Roe added, “…` are reports of their own.
 * e is the token after the cue.
 */
static int frame_ends_report(const nlp_doc *d, const quote *q, size_t e, const lex_cue *cue,
                             int lenient)
{
    size_t x = e;
    size_t sp_end = token_at(d, q->speaker_at.end);
    if (q->speaker_at.end > d->tokens[e > 0 ? e - 1 : 0].end) x = sp_end;
    /* A short tail is an adverbial (`on Monday`, `in an interview with CNN`), a longer one
     * that does not open with a preposition is a clause (`said the port would reopen`). After
     * a quotation that ended its own sentence (`?” Roe said about the plan, …`) an adverbial
     * may run on, and "told" may have its object first (`told a local radio station in …`). */
    static const char *const preps[] = {
        "on",  "in", "at",    "during", "after", "before",  "to",  "from",    "with",   "of",
        "for", "by", "about", "while",  "as",    "through", "via", "outside", "inside", NULL};
    static wordset prep_set = WORDSET(preps, 1);
    size_t words = 0;
    if (lenient && !cue_inverts(cue)) {
        while (x < d->n_tokens && (d->tokens[x].flags & TOK_WORD) && !tok_in(d, x, &prep_set) &&
               !tok_is(d, x, "that") && words < 5)
            x++, words++;
        words = 0;
    }
    if (lenient && tok_in(d, x, &prep_set)) {
        /* The rest of the sentence is circumstance unless it quotes someone again. */
        uint32_t sent = d->tokens[x].sent;
        for (; x < d->n_tokens && d->tokens[x].sent == sent; x++)
            if (d->tokens[x].flags & TOK_QUOTE) return 0;
        return 1;
    }
    size_t max_words = tok_in(d, x, &prep_set) ? 6 : 2;
    while (x < d->n_tokens && (d->tokens[x].flags & TOK_WORD) && !tok_is(d, x, "that") &&
           !(d->tokens[x].flags & TOK_PARA) && words <= max_words)
        x++, words++;
    if (words > max_words) return 0;
    if (x >= d->n_tokens || (d->tokens[x].flags & TOK_PARA)) return 1;
    if (tok_char(d, x, '.') || tok_char(d, x, '!') || tok_char(d, x, '?')) return 1;
    return tok_char(d, x, ',') && !(x + 1 < d->n_tokens && (d->tokens[x + 1].flags & TOK_QUOTE));
}

/*
 * Frame after the closing mark at token t: `, X said`, `, said X`, `X said.` within the
 * sentence. Returns 1 when found.
 */
static int frame_after(qfinder *f, quote *q, size_t t, int mid_sentence)
{
    const nlp_doc *d = f->d;
    size_t s = t + 1;
    size_t limit = s;
    int paren = 0; /* inside "(D-Wis.)" a period ends nothing */
    while (limit < d->n_tokens && limit < s + FRAME_AFTER + 4 * (paren > 0) &&
           !(d->tokens[limit].flags & TOK_QUOTE) && !(d->tokens[limit].flags & TOK_PARA)) {
        char c = d->text[d->tokens[limit].start];
        if (limit > s && (d->tokens[limit].flags & TOK_SENT)) break; /* the next sentence */
        if (c == '(') paren++;
        else if (c == ')' && paren) paren--;
        else if (!paren && limit > s && (c == '.' || c == '!' || c == '?' || c == ';') &&
                 !(c == '.' && tok_char(d, limit + 1, ','))) /* "McConnell, R-Ky., said" */
            break;
        limit++;
    }
    if (dash_attribution(d, q, s, limit)) return 1;
    /* A quotation inside the writer's sentence that ends it (`should release the videos
     * “without delay.” Clinton plans to visit`) is framed in that sentence, not the next. */
    if (mid_sentence && s < d->n_tokens && (d->tokens[s].flags & TOK_SENT)) return 0;
    /* A quotation that ended its sentence (`?” Trump said`) is framed by the next one only
     * when that sentence is about nothing else; see frame_ends_report. */
    int next_sentence = limit > s && (d->tokens[s].flags & TOK_SENT);
    /* So is a quotation inside the writer's sentence: `on “Face the Nation,” Paul Ryan said
     * the …` is a title and a report of its own; `is “a disaster,” Trump said.` is framed. */
    if (mid_sentence) next_sentence = 1;
    for (size_t c = s; c < limit; c++) {
        const lex_cue *cue;
        int len = cue_at(f, c, &cue);
        if (!len) continue;
        if (cue->kind == LEX_CUE_SOURCE && !tok_is(d, c, "according")) continue;
        if (frames_only(cue) && (d->tokens[c].flags & TOK_CAP)) continue; /* "Read said." */
        /* “The Wall Street Journal” wrote: a cue straight after a quotation that ends without
         * its own punctuation makes the quotation the subject, not the words. */
        if (c == s && t > 0 && !(d->tokens[t - 1].flags & TOK_PUNCT)) return 0;
        size_t start = s;
        while (start < c && !(d->tokens[start].flags & TOK_WORD)) start++;
        int found = 0;
        if (start < c) {
            found = (subject_before(d, q, c, start) || subject_it(d, q, c, start)) &&
                    subject_opens_frame(d, q, start);
            if (!found) q->speaker = -1, q->speaker_at.start = q->speaker_at.end = 0;
        }
        /* `,” said X`, `,” then added X`: only fillers between the mark and the cue. */
        size_t w = start;
        while (w < c && is_cue_filler(d, w))
            w++;
        if (!found && w == c && inverts_at(d, c, cue))
            found = subject_after(d, q, c + (size_t)len, limit);
        if (!found && start < c) continue; /* words before the cue that are no subject */
        /* `“Morning Show,” adding, “…”`: a cue with no subject that introduces the next
         * quotation is that one's frame. */
        size_t after = c + (size_t)len;
        if (!found && after + 1 < d->n_tokens &&
            (tok_char(d, after, ',') || tok_char(d, after, ':')) &&
            (d->tokens[after + 1].flags & TOK_QUOTE))
            return 0;
        if (next_sentence && !frame_ends_report(d, q, c + (size_t)len, cue, !mid_sentence)) {
            q->speaker = -1, q->speaker_at.start = q->speaker_at.end = 0;
            return 0;
        }
        set_cue(q, d, c, len, cue);
        f->used_cue[c] = 1;
        return 1;
    }
    return 0;
}

/* `,” Jane Roe said on “Morning Show,” adding, “…”`: a participle with no subject in reach
 * (quotations stand between) goes on from the quotation before it in the same sentence. */
static int participle_goes_on(const qfinder *f, quote *q, size_t c, size_t floor)
{
    const nlp_doc *d = f->d;
    size_t cn = d->tokens[c].end - d->tokens[c].start;
    if (c == 0 || cn < 5 || memcmp(d->text + d->tokens[c].end - 3, "ing", 3) || !after_comma(d, c))
        return 0;
    if (f->n < 2) return 0;
    const quote *prev = &f->items[f->n - 2];
    if (prev->sent != d->tokens[c].sent &&
        d->tokens[token_at(d, prev->at.end)].sent != d->tokens[c].sent)
        return 0;
    if (prev->speaker < 0 && prev->speaker_at.end <= prev->speaker_at.start) return 0;
    (void)floor;
    q->speaker = prev->speaker;
    q->speaker_at = prev->speaker_at;
    return 1;
}

/* `said Blinken: “`: a speaker after the cue must end the frame, else it is the subject of
 * the reported clause (`said he would be “shocked”`). Clears the speaker when not. */
static int inverted_ends_frame(const nlp_doc *d, quote *q, size_t p, size_t t)
{
    /* ... and a comma or colon part it from the mark: `said the convention could be a “` is
     * no inversion. */
    if (token_at(d, q->speaker_at.end) >= p && p < t) return 1;
    q->speaker = -1;
    q->speaker_at.start = q->speaker_at.end = 0;
    return 0;
}

/* Is token t a personal pronoun that can be a subject? */
static int is_pronoun_subject(const nlp_doc *d, size_t t)
{
    static const char *const pron[] = {"he", "she", "they", "we", "i", "it", NULL};
    static wordset set = WORDSET(pron, 1);
    return tok_in(d, t, &set);
}

/*
 * `He’s claiming`, `It’s denouncing`, `She'd said`: the bytes of the subject pronoun that opens
 * a contraction with an auxiliary at token t (2 for "He’s"), or 0 when t is none.
 */
static size_t contracted_pronoun(const nlp_doc *d, size_t t)
{
    static const char *const pron[] = {"he", "she", "they", "we", "i", "it", NULL};
    static const char *const aux[] = {"s", "d", "ve", "re", "ll", "m", NULL};
    const char *w = d->text + d->tokens[t].start;
    size_t n = d->tokens[t].end - d->tokens[t].start;
    for (const char *const *p = pron; *p; p++) {
        size_t pn = strlen(*p);
        if (n <= pn || strncasecmp(w, *p, pn)) continue;
        size_t ap = pn;
        if (w[ap] == '\'') ap += 1;
        else if (n >= pn + 3 && !memcmp(w + ap, "\xE2\x80\x99", 3)) ap += 3;
        else continue;
        for (const char *const *a = aux; *a; a++)
            if (n - ap == strlen(*a) && !strncasecmp(w + ap, *a, n - ap)) return pn;
    }
    return 0;
}

/* `Ban condemned what he called a “brazen breach”`: words someone is said to "call" a thing
 * are the sentence subject's, who takes them up; its first name or pronoun (from token b, the
 * sentence start) speaks. */
static void what_subject(const nlp_doc *d, quote *q, size_t b)
{
    size_t sb = token_at(d, q->speaker_at.start);
    if (sb <= b + 1 || !tok_is(d, sb - 1, "what")) return;
    /* After an introduction ("On Friday, …") the clause starts at its comma. */
    for (size_t k = sb - 1; k > b; k--)
        if (tok_char(d, k - 1, ',')) {
            b = k;
            break;
        }
    for (size_t h = b; h + 1 < sb; h++) {
        int m = mention_at(d, h);
        if (m < 0 || d->entities[d->mentions[m].entity].kind == ENT_PLACE) continue;
        if (token_at(d, d->mentions[m].at.end) < sb - 1) set_speaker_mention(d, q, m);
        return;
    }
    size_t pn = contracted_pronoun(d, b);
    if (is_pronoun_subject(d, b) || pn) {
        q->speaker = -1;
        q->speaker_at.start = d->tokens[b].start;
        q->speaker_at.end = pn ? d->tokens[b].start + pn : d->tokens[b].end;
    }
}

/* "might feel good, but …", "felt sure; …": a thought verb at ce's left with one lower-case
 * word after it and then the clause's end (before `end`: a semicolon, a stop, or a comma and a
 * conjunction) is a state, not a thought reported. The callers ask where a frame is sought:
 * elsewhere (a report's end, an inverted frame) the verb still counts as a cue. */
static int thought_state(const nlp_doc *d, const lex_cue *cue, size_t ce, size_t end)
{
    static const char *const conj[] = {"but", "and", "yet", "though", "although", "while", NULL};
    static wordset conj_set = WORDSET(conj, 1);
    return cue->kind == LEX_CUE_THOUGHT && ce < end && (d->tokens[ce].flags & TOK_WORD) &&
           !(d->tokens[ce].flags & TOK_CAP) &&
           (tok_char(d, ce + 1, ';') || tok_char(d, ce + 1, '.') ||
            (tok_char(d, ce + 1, ',') && ce + 2 < end && tok_in(d, ce + 2, &conj_set)));
}

/* Frame before the opening mark at token t: `X said: “`, `X said, “`, `according to X, “`,
 * `X: “`. Returns 1 when found. */
static int frame_before(qfinder *f, quote *q, size_t t, int *whole, int *split)
{
    const nlp_doc *d = f->d;
    size_t floor = t;
    while (floor > 0 && t - floor < FRAME_BEFORE && !(d->tokens[floor].flags & TOK_PARA) &&
           !(d->tokens[floor - 1].flags & TOK_QUOTE) && !f->in_quote[floor - 1]) {
        char c = d->text[d->tokens[floor - 1].start];
        if (c == '.' || c == '!' || c == '?' || c == ';') break;
        floor--;
    }
    /* "He said:" closing the paragraph before: the quotation is what he said. */
    if ((d->tokens[t].flags & TOK_PARA) && t >= 2 && tok_char(d, t - 1, ':') &&
        !f->in_quote[t - 2]) {
        size_t b = t - 1;
        while (b > 0 && d->tokens[b - 1].sent == d->tokens[t - 1].sent) b--;
        for (size_t c = t - 1; c-- > b;) {
            const lex_cue *cue;
            int len = cue_at(f, c, &cue);
            if (!len || f->used_cue[c]) continue;
            if (!subject_before(d, q, c, b)) continue;
            set_cue(q, d, c, len, cue);
            f->used_cue[c] = 1;
            *whole = 1;
            return 1;
        }
    }
    /* The mark right after ":" or ", " or a cue word makes the quotation whole (direct). */
    size_t p = t;
    if (p > floor && (tok_char(d, p - 1, ':') || tok_char(d, p - 1, ','))) p--;
    if (p > floor && tok_is(d, p - 1, "that")) p--;
    for (size_t c = p; c-- > floor;) {
        const lex_cue *cue;
        int len = cue_at(f, c, &cue);
        if (!len || c + (size_t)len > p + 1) continue;
        if (frames_only(cue) && (c + (size_t)len < p || p == t)) continue;
        if (thought_state(d, cue, c + (size_t)len, p)) continue;
        if (f->used_cue[c]) {
            /* “A,” said X, “B.”: the frame of the part before is this part's frame too. */
            const quote *prev = f->n >= 2 ? &f->items[f->n - 2] : NULL;
            /* `said X, “B”`, `he said, but “B”`; not `said on “Title”`. */
            static const char *const preps[] = {"on",   "in",    "at", "of",  "to", "for", "from",
                                                "with", "about", "by", "the", "a",  "an",  NULL};
            static wordset prep_set = WORDSET(preps, 1);
            if (prev && prev->cue.start == d->tokens[c].start && floor > 0 &&
                f->in_quote[floor - 1] && (p < t || !tok_in(d, t - 1, &prep_set))) {
                q->cue = prev->cue;
                q->cue_lemma = prev->cue_lemma;
                q->speaker = prev->speaker;
                q->speaker_at = prev->speaker_at;
                *whole = 1;
                *split = 1;
                return 1;
            }
            continue;
        }
        if (tok_is(d, c, "according")) {
            if (!subject_after(d, q, c + 2, t)) continue;
        } else if (!subject_before(d, q, c, floor) &&
                   !(inverts_at(d, c, cue) && subject_after(d, q, c + (size_t)len, p) &&
                     inverted_ends_frame(d, q, p, t)) &&
                   !(c + (size_t)len >= p && subject_it(d, q, c, floor)) &&
                   !(c + (size_t)len >= p && participle_goes_on(f, q, c, floor))) {
            continue;
        }
        set_cue(q, d, c, len, cue);
        *whole = c + (size_t)len >= p;
        /* A cue right before the quotation is its frame; one further back may introduce
         * reported speech that the quotation is part of, and stays free for it. */
        if (*whole) f->used_cue[c] = 1;
        return 1;
    }
    /* "Blinken: “…”", "Baerbock sagte: „…“": a colon after a name, or after a verb of any
     * language whose subject is the last person or organisation named before it. */
    if (t >= 2 && tok_char(d, t - 1, ':')) {
        int m = -1;
        size_t verb = t - 2;
        for (size_t k = t - 1; k-- > floor;) {
            m = mention_at(d, k);
            if (m >= 0) break;
            if (t - 1 - k > 3) break; /* the name is at most a verb or two before the colon */
        }
        /* "She then addressed the crowd: “…”", "The bank released this statement: “…”":
         * a sentence that opens with its subject and ends in the colon introduces the
         * quotation; the subject speaks. */
        if (m < 0) {
            size_t b = t - 1;
            while (b > 0 && d->tokens[b - 1].sent == d->tokens[t - 1].sent)
                b--;
            if (t - 1 - b <= 16) {
                int m0 = mention_at(d, b);
                if (m0 < 0 && b + 1 < t - 1 && is_determiner(d, b)) m0 = mention_at(d, b + 1);
                /* `When the storm ended, Mayor Roe released this statement:`: after an
                 * introduction the clause opens at its comma. */
                if (m0 < 0) {
                    size_t k = b;
                    while (k + 2 < t - 1 && !tok_char(d, k, ',')) k++;
                    if (tok_char(d, k, ',')) {
                        m0 = mention_at(d, k + 1);
                        /* one title or determiner before the name */
                        if (m0 < 0 && k + 3 < t - 1) m0 = mention_at(d, k + 2);
                    }
                }
                if (m0 >= 0 && d->entities[d->mentions[m0].entity].kind != ENT_PLACE &&
                    token_at(d, d->mentions[m0].at.end) < t - 1)
                    m = m0;
            }
            if (m >= 0) {
                set_speaker_mention(d, q, m);
                q->cue.start = d->tokens[t - 1].start;
                q->cue.end = d->tokens[t - 1].end;
                q->cue_lemma = ":";
                *whole = 1;
                return 1;
            }
        }
        if (m >= 0 && d->entities[d->mentions[m].entity].kind != ENT_PLACE) {
            set_speaker_mention(d, q, m);
            size_t after_name = token_at(d, d->mentions[m].at.end);
            if (after_name < t - 1 && (d->tokens[verb].flags & TOK_WORD)) {
                q->cue.start = d->tokens[after_name].start;
                q->cue.end = d->tokens[verb].end;
                q->cue_lemma = NULL;
            } else {
                q->cue.start = d->tokens[t - 1].start;
                q->cue.end = d->tokens[t - 1].end;
                q->cue_lemma = ":";
            }
            *whole = 1;
            return 1;
        }
    }
    return 0;
}

/*
 * Does the quotation opening at token `open_t` follow the one that closed at `prev_close`
 * closely enough to share its speaker: in the same paragraph or at the start of the next, with
 * no other person named in between?
 */
static int quote_follows(const qfinder *f, size_t prev_close, size_t open_t, size_t close_t,
                         int speaker)
{
    const nlp_doc *d = f->d;
    size_t paras = 0;
    int other = 0; /* another person named in between */
    for (size_t t = prev_close + 1; t <= open_t && t < d->n_tokens; t++) {
        if (d->tokens[t].flags & TOK_PARA) paras++;
        if (paras > 1) return 0;
        int m = mention_at(d, t);
        if (m >= 0 && t < open_t && (int)d->mentions[m].entity != speaker &&
            d->entities[d->mentions[m].entity].kind == ENT_PERSON)
            other = 1;
        /* In the same paragraph a name in the frame (`,” Obama said after meeting Putin.
         * “…`) changes nothing; another report does (`Putin replied: “…`). */
        const lex_cue *cue;
        if (t > prev_close + 1 && t < open_t && !f->in_quote[t] && !f->used_cue[t] &&
            cue_at(f, t, &cue) && cue->kind != LEX_CUE_SOURCE) {
            int s = mention_at(d, t - 1);
            if (s >= 0 && (int)d->mentions[s].entity != speaker &&
                d->entities[d->mentions[s].entity].kind == ENT_PERSON)
                return 0;
        }
    }
    if (other && paras) return 0;
    /* In the next paragraph, another person named after it (`“…” Tomas Berg said the port
     * …`) has the paragraph. */
    for (size_t t = close_t + 1; paras && t < d->n_tokens && !(d->tokens[t].flags & TOK_PARA);
         t++) {
        int m = mention_at(d, t);
        if (m >= 0 && (int)d->mentions[m].entity != speaker &&
            d->entities[d->mentions[m].entity].kind == ENT_PERSON)
            return 0;
    }
    /* In the next paragraph the quotation must open it. */
    return paras == 0 || (d->tokens[open_t].flags & TOK_PARA);
}

/* Is there a paragraph start in tokens (a, b]? */
static int para_between(const nlp_doc *d, size_t a, size_t b)
{
    for (size_t t = a + 1; t <= b && t < d->n_tokens; t++)
        if (d->tokens[t].flags & TOK_PARA) return 1;
    return 0;
}

/*
 * `"The Justice Department isn't about “Equal Justice” anymore."`: in a quotation opened with a
 * straight mark, does the curly opener at token t nest, i.e. is it closed by a curly mark that a
 * straight closer follows in the paragraph? Sources that mix the two styles nest them so. Not
 * when another curly opener comes first or no straight closer comes: then the straight mark
 * was a stray (`"Trump walked on, chanting “U-S-A!”` opening a paragraph).
 */
static int curly_nests(const nlp_doc *d, size_t t)
{
    int closed = 0;
    for (size_t x = t + 1; x < d->n_tokens && !(d->tokens[x].flags & TOK_PARA); x++) {
        if (!(d->tokens[x].flags & TOK_QUOTE)) continue;
        int family, role = mark_role(d, x, &family);
        uint32_t cp = cp_of(d, x);
        if (!closed) {
            if (cp == 0x201C) return 0;
            if (cp == 0x201D && role == QM_CLOSE) closed = 1;
            else if (cp == '"') return 0;
        } else if (cp == '"') {
            return role == QM_CLOSE || role == QM_EITHER;
        } else if (cp == 0x201D) {
            return 0;
        }
    }
    return 0;
}

/*
 * Is the quotation opening at token `open_t` a further piece of the partial quotation p: p has
 * a speaker, ends a few words earlier in the same sentence, and neither a cue nor another
 * person comes in between?
 */
static int fragment_goes_on(const qfinder *f, const quote *p, size_t open_t)
{
    const nlp_doc *d = f->d;
    if (p->kind != QUOTE_PARTIAL || (p->speaker < 0 && p->speaker_at.end <= p->speaker_at.start))
        return 0;
    size_t pe = token_at(d, p->at.end);
    if (pe >= open_t || d->tokens[pe].sent != d->tokens[open_t].sent) return 0;
    size_t words = 0;
    for (size_t t = pe; t < open_t; t++) {
        if (d->tokens[t].flags & TOK_PARA) return 0;
        /* A few linking words only (`” and would “`, `” – but only “`): further on, or in a
         * parenthesis, quoted words are more often the writer's own (`make them “safer”`). */
        if (tok_char(d, t, '(')) return 0;
        if (!f->in_quote[t] && (d->tokens[t].flags & TOK_WORD) && ++words > 5) return 0;
        /* `, adding that “…”`, `calling them “…”`: a cue of its own opens another report. */
        if (t > pe && !f->in_quote[t] && cue_word(d, t)) return 0;
        int m = mention_at(d, t);
        if (m >= 0 && (int)d->mentions[m].entity != p->speaker &&
            d->entities[d->mentions[m].entity].kind == ENT_PERSON)
            return 0;
    }
    return 1;
}

/* Pass 1: quotations from paired marks. */
/* Appends `piece` to quote p as one more segment (the first being p's own words), and runs p
 * to its end. Returns 0, or -1 when out of memory. */
static int add_segment(qfinder *f, quote *p, span piece)
{
    size_t np = p->n_segments ? p->n_segments : 1;
    span *segs = arena_alloc(f->a, (np + 1) * sizeof *segs);
    if (!segs) return -1;
    if (p->n_segments) memcpy(segs, p->segments, np * sizeof *segs);
    else segs[0] = p->at;
    segs[np] = piece;
    p->segments = segs;
    p->n_segments = np + 1;
    p->at.end = piece.end;
    return 0;
}

static dossier_status find_quotations(qfinder *f)
{
    const nlp_doc *d = f->d;
    size_t open_t = 0;
    int open_family = QF_NONE;
    int depth_single = 0;
    int depth_curly = 0; /* inside “…” nested in a quotation opened with a straight " */
    size_t prev_end_para = (size_t)-1; /* a quotation left open at the end of a paragraph */
    int last_speaker = -1;
    span last_speaker_at = {0, 0};
    size_t last_quote_para_end = (size_t)-1; /* token index ending the paragraph of the last
                                                attributed quotation */
    for (size_t t = 0; t < d->n_tokens; t++) {
        const token *k = &d->tokens[t];
        if (k->flags & TOK_PARA) {
            if (open_family != QF_NONE) {
                /* An open quotation at the paragraph's end: cut it there. */
                prev_end_para = t;
                quote *q = quote_push(f);
                if (!q) return DOSSIER_ERR_NOMEM;
                q->kind = QUOTE_DIRECT;
                q->at.start = d->tokens[open_t].end;
                q->at.end = d->tokens[t - 1].end;
                q->content = q->at;
                q->sent = d->tokens[open_t].sent;
                for (size_t x = open_t; x < t; x++) f->in_quote[x] = 1;
                int whole = 0, split = 0;
                if (!frame_before(f, q, open_t, &whole, &split) && last_speaker >= 0) {
                    q->speaker = last_speaker;
                    q->speaker_at = last_speaker_at;
                }
                if (q->speaker >= 0 || q->speaker_at.end) {
                    last_speaker = q->speaker;
                    last_speaker_at = q->speaker_at;
                }
                open_family = QF_NONE;
                depth_single = 0;
                depth_curly = 0;
            } else {
                prev_end_para = (size_t)-1;
            }
        }
        if (!(k->flags & TOK_QUOTE)) continue;
        int family;
        int role = mark_role(d, t, &family);
        if (!role) continue;
        if (open_family == QF_NONE) {
            if (role == QM_OPEN || role == QM_EITHER) {
                open_family = family;
                open_t = t;
                depth_single = 0;
                depth_curly = 0;
            }
            continue;
        }
        /* Inside a quotation: nested single quotes, or the closer. */
        if (depth_curly) {
            if (family == QF_DOUBLE && role == QM_CLOSE && cp_of(d, t) == 0x201D) depth_curly = 0;
            continue;
        }
        if (family == QF_DOUBLE && role == QM_OPEN && cp_of(d, t) == 0x201C && t > open_t + 1 &&
            cp_of(d, open_t) == '"' && curly_nests(d, t)) {
            depth_curly = 1;
            continue;
        }
        if (family != open_family) {
            if (family == QF_SINGLE && role == QM_OPEN) depth_single++;
            else if (family == QF_SINGLE && role == QM_CLOSE && depth_single) depth_single--;
            continue;
        }
        if (!(role == QM_CLOSE || role == QM_EITHER)) {
            if (family == QF_DOUBLE && role == QM_OPEN && open_t + 1 == t) continue;
            /* A second opener: the first was unbalanced; restart here. */
            open_t = t;
            continue;
        }
        /* A quotation [open_t, t]. */
        size_t inner_b = open_t + 1, inner_e = t;
        open_family = QF_NONE;
        if (inner_b >= inner_e) continue;
        /* `tweet-id="7834…"`: markup left in the text quotes attribute values, not words. */
        if (d->tokens[open_t].start > 0 && d->text[d->tokens[open_t].start - 1] == '=') continue;
        for (size_t x = open_t; x <= t; x++) f->in_quote[x] = 1;
        quote *q = quote_push(f);
        if (!q) return DOSSIER_ERR_NOMEM;
        q->at.start = d->tokens[inner_b].start;
        q->at.end = d->tokens[inner_e - 1].end;
        /* The comma before the closing mark is the writer's, not the speaker's. */
        if (inner_e - 1 > inner_b && tok_char(d, inner_e - 1, ','))
            q->at.end = d->tokens[inner_e - 2].end;
        q->sent = d->tokens[open_t].sent;
        q->content = q->at;
        size_t words = 0;
        for (size_t x = inner_b; x < inner_e; x++) words += (d->tokens[x].flags & TOK_WORD) != 0;
        /* Where the quotation sits in its sentence decides direct or partial. */
        const token *o = &d->tokens[open_t];
        int starts_sentence = (o->flags & (TOK_SENT | TOK_PARA)) != 0;
        int ends_sentence = t + 1 >= d->n_tokens || (d->tokens[t + 1].flags & (TOK_SENT | TOK_PARA));
        if (!ends_sentence && t + 1 < d->n_tokens) {
            char c = d->text[d->tokens[t + 1].start];
            ends_sentence = c == '.' || c == '!' || c == '?';
        }
        /* Did the quotation end with its own comma or stop ("…,” he said)? */
        char last = d->text[d->tokens[inner_e - 1].start];
        int own_stop = last == ',' || last == '.' || last == '?' || last == '!' ||
                       (d->tokens[inner_e - 1].end - d->tokens[inner_e - 1].start == 3 &&
                        !memcmp(d->text + d->tokens[inner_e - 1].start, "\xE2\x80\x94", 3));
        int whole_before = 0, split = 0;
        int mid_sentence = !starts_sentence && open_t > 0 && !tok_char(d, open_t - 1, ':');
        int framed = frame_after(f, q, t, mid_sentence);
        if (!framed) framed = frame_before(f, q, open_t, &whole_before, &split);
        int direct = (starts_sentence || whole_before) && (ends_sentence || own_stop);
        if (!direct && starts_sentence && own_stop && framed) direct = 1;
        if (!framed && !direct) {
            /* A partial quotation: the cue is earlier in the writer's sentence. */
            size_t b = open_t;
            while (b > 0 && d->tokens[b - 1].sent == o->sent && !f->in_quote[b - 1]) b--;
            for (size_t c = open_t; c-- > b;) {
                const lex_cue *cue;
                int len = cue_at(f, c, &cue);
                if (!len || f->used_cue[c] || frames_only(cue)) continue;
                if (thought_state(d, cue, c + (size_t)len, open_t)) continue;
                if (tok_is(d, c, "according")) {
                    if (!subject_after(d, q, c + 2, open_t)) continue;
                } else if (!subject_before(d, q, c, b)) {
                    continue;
                }
                size_t sb = token_at(d, q->speaker_at.start);
                /* `Carter said he would welcome a “…”`: a pronoun just after another cue
                 * (or its "that") is reported; the outer cue's subject is the speaker. */
                if (sb > b && sb < c && is_pronoun_subject(d, sb)) {
                    size_t oc = sb - 1;
                    if (oc > b && tok_is(d, oc, "that")) oc--;
                    const lex_cue *ocue;
                    int olen = cue_at(f, oc, &ocue);
                    quote outer = *q;
                    if (olen == 1 && !f->used_cue[oc] && ocue->kind != LEX_CUE_SOURCE &&
                        subject_before(d, &outer, oc, b)) {
                        *q = outer;
                        c = oc;
                        len = olen;
                        cue = ocue;
                    }
                }
                /* The cue stays free: reported speech around the quotation uses it too. */
                set_cue(q, d, c, len, cue);
                framed = 1;
                break;
            }
        }
        q->kind = direct ? QUOTE_DIRECT : QUOTE_PARTIAL;
        /* What a partial quotation's cue attributes runs from the cue ("that" included) to the
         * end of the sentence: `Clinton called half of them “deplorables.”`. */
        if (!direct && q->cue.end > q->cue.start && q->cue.end <= d->tokens[open_t].start) {
            size_t a = token_at(d, q->cue.end);
            if (tok_char(d, a, ',') || tok_char(d, a, ':')) a++;
            size_t z = t + 1;
            while (z < d->n_tokens && d->tokens[z].sent == d->tokens[t].sent)
                z++;
            while (z > t + 1 && !(d->tokens[z - 1].flags & (TOK_WORD | TOK_QUOTE)))
                z--;
            if (a < open_t && d->tokens[a].sent == o->sent) q->content.start = d->tokens[a].start;
            q->content.end = d->tokens[z - 1].end > q->at.end ? d->tokens[z - 1].end : q->at.end;
        }
        if (!direct && q->speaker_at.end > q->speaker_at.start) {
            size_t b = open_t;
            while (b > 0 && d->tokens[b - 1].sent == o->sent && !f->in_quote[b - 1])
                b--;
            what_subject(d, q, b);
            /* The same for a frame found before the mark (`Trump said he wants “…”`). */
            size_t sb = token_at(d, q->speaker_at.start);
            if (q->cue.start > q->speaker_at.start && q->cue.end <= d->tokens[open_t].start &&
                sb > b && is_pronoun_subject(d, sb)) {
                size_t oc = sb - 1;
                if (oc > b && tok_is(d, oc, "that")) oc--;
                const lex_cue *ocue;
                quote outer = *q;
                if (cue_at(f, oc, &ocue) == 1 && !f->used_cue[oc] && ocue->kind != LEX_CUE_SOURCE &&
                    subject_before(d, &outer, oc, b)) {
                    *q = outer;
                    set_cue(q, d, oc, 1, ocue);
                }
            }
        }
        /* `It is denouncing what it calls “the biggest attack in history.”`: framed right
         * before the mark inside the writer's sentence, the words are the subject's too. */
        if (direct && mid_sentence && q->speaker_at.end > q->speaker_at.start &&
            q->speaker_at.end <= d->tokens[open_t].start) {
            size_t b = open_t;
            while (b > 0 && d->tokens[b - 1].sent == o->sent && !f->in_quote[b - 1])
                b--;
            what_subject(d, q, b);
        }
        /* `The summit achieved “too little,” he added`: the writer's words before the
         * quotation are the report too. */
        if (!direct && mid_sentence && q->cue.start >= q->at.end) {
            size_t a = open_t;
            while (a > 0 && d->tokens[a - 1].sent == o->sent && !f->in_quote[a - 1])
                a--;
            if (a < open_t && !f->in_quote[a]) q->content.start = d->tokens[a].start;
        }
        /* A quotation with no frame that follows an attributed one: the same speaker. */
        int same_para = last_quote_para_end != (size_t)-1 && !para_between(d, last_quote_para_end, open_t);
        if (!framed && direct && (last_speaker >= 0 || last_speaker_at.end) &&
            last_quote_para_end != (size_t)-1 &&
            quote_follows(f, last_quote_para_end, open_t, t, last_speaker)) {
            q->speaker = last_speaker;
            q->speaker_at = last_speaker_at;
            /* In the same paragraph it goes on the same quotation: “A,” he said. “B.” */
            if (same_para) split = 1;
        }
        /* A quotation that goes on from the paragraph before (left open there, opened again
         * here) is the same quotation. */
        if (!framed && open_t == prev_end_para && f->n >= 2 &&
            f->items[f->n - 2].kind == QUOTE_DIRECT) {
            q->speaker = f->items[f->n - 2].speaker;
            q->speaker_at = f->items[f->n - 2].speaker_at;
            split = 1;
        }
        /* A piece of a quotation split around its frame joins the piece before. */
        /* So does a whole quotation after a partial one framed after it: `The bill “looks
         * out for Wall Street,” Sanders wrote. “That is unacceptable.”` is one attribution. */
        if (split && f->n >= 2 && f->items[f->n - 2].kind == QUOTE_PARTIAL &&
            f->items[f->n - 2].cue.start >= f->items[f->n - 2].at.end &&
            !para_between(d, token_at(d, f->items[f->n - 2].at.end), open_t)) {
            quote *p = &f->items[f->n - 2];
            if (add_segment(f, p, q->at)) return DOSSIER_ERR_NOMEM;
            p->content.end = q->at.end;
            f->n--;
            last_quote_para_end = t;
            continue;
        }
        if (split && f->n >= 2 && f->items[f->n - 2].kind == QUOTE_DIRECT) {
            quote *p = &f->items[f->n - 2];
            if (add_segment(f, p, q->at)) return DOSSIER_ERR_NOMEM;
            p->content = p->at;
            f->n--;
            last_quote_para_end = t;
            continue;
        }
        int attributed = q->speaker >= 0 || q->speaker_at.end > q->speaker_at.start;
        /* `Roe insisted the port was “open to talks” and would “prefer a deal” – but only “if
         * the tolls go”`: words quoted with no frame of their own, later in the sentence of an
         * attributed partial quotation, are more of it, one attribution in several pieces. */
        if (!framed && !attributed && q->kind == QUOTE_PARTIAL && f->n >= 2 &&
            fragment_goes_on(f, &f->items[f->n - 2], open_t)) {
            quote *p = &f->items[f->n - 2];
            if (add_segment(f, p, q->at)) return DOSSIER_ERR_NOMEM;
            p->in_content = 1;
            if (p->content.end < q->at.end) p->content.end = q->at.end;
            f->n--;
            continue;
        }
        /* Scare quotes (a word or two, no speaker) are not quotations, nor are short quoted
         * phrases nobody is said to have said (titles of works, slogans). */
        if ((!framed && !attributed && q->kind == QUOTE_PARTIAL && words < 4) ||
            (!framed && !attributed && words < 8)) {
            f->n--;
            continue;
        }
        if (attributed) {
            last_speaker = q->speaker;
            last_speaker_at = q->speaker_at;
            last_quote_para_end = t;
        }
    }
    return DOSSIER_OK;
}

/*
 * Pass 1b: interview transcripts. A paragraph that opens with a speaker's name in capitals and
 * a colon (`PENCE: Well, look …`, `Q: …`, `MS. ROE: …`; a stray quote mark before it aside) is
 * that speaker's words to the paragraph's end; quotations found inside it are part of them.
 */
static dossier_status find_transcript(qfinder *f)
{
    const nlp_doc *d = f->d;
    for (size_t p = 0; p < d->n_tokens; p++) {
        if (!(d->tokens[p].flags & TOK_PARA)) continue;
        size_t b = p;
        if (d->tokens[b].flags & TOK_QUOTE) b++;
        size_t e = b;
        /* One to four words, all in capitals (an abbreviated title like "MS." included). */
        while (e < d->n_tokens && e < b + 4 && (d->tokens[e].flags & TOK_WORD) &&
               (e == b || !(d->tokens[e].flags & TOK_PARA))) {
            const token *k = &d->tokens[e];
            int upper =
                (k->flags & TOK_UPPER) ||
                (k->end - k->start == 1 && d->text[k->start] >= 'A' && d->text[k->start] <= 'Z');
            if (!upper) break;
            e++;
        }
        if (e == b || e + 1 >= d->n_tokens || !tok_char(d, e, ':')) continue;
        if (d->tokens[e + 1].flags & TOK_PARA) continue;
        /* The words run to the paragraph's end, less a closing mark left there. */
        size_t z = e + 1;
        while (z < d->n_tokens && !(d->tokens[z].flags & TOK_PARA))
            z++;
        size_t last = z - 1;
        if (last > e + 1 && (d->tokens[last].flags & TOK_QUOTE)) last--;
        /* Labels of the page are no speakers (`UPDATE:`, `BYLINE:`, `WATCH:`), and words in
         * title case after the colon are a headline (`LOOK: Shocking Photos Of …`). */
        static const char *const labels[] = {
            "update",     "updated", "byline", "email",     "photo",   "photos", "video",
            "watch",      "look",    "boom",   "breaking",  "read",    "note",   "editor",
            "correction", "source",  "credit", "exclusive", "related", "see",    "listen",
            "caption",    "image",   "top",    "stat",      NULL};
        static wordset label_set = WORDSET(labels, 1);
        if (tok_in(d, b, &label_set)) continue;
        size_t words = 0, caps = 0;
        for (size_t x = e + 1; x <= last; x++) {
            if (!(d->tokens[x].flags & TOK_WORD)) continue;
            words++;
            caps += (d->tokens[x].flags & (TOK_CAP | TOK_UPPER)) != 0;
        }
        if (words < 4 || caps * 4 >= words * 3) continue;
        span at = {d->tokens[e + 1].start, d->tokens[last].end};
        /* Quotations found in the paragraph are part of these words (a stray mark before
         * the name may have opened one there). */
        size_t keep = 0;
        for (size_t i = 0; i < f->n; i++)
            if (f->items[i].at.end <= d->tokens[p].start || f->items[i].at.start >= at.end)
                f->items[keep++] = f->items[i];
        f->n = keep;
        quote *q = quote_push(f);
        if (!q) return DOSSIER_ERR_NOMEM;
        q->kind = QUOTE_DIRECT;
        q->at = at;
        q->content = at;
        q->sent = d->tokens[e + 1].sent;
        int m = mention_at(d, b);
        if (m >= 0 && token_at(d, d->mentions[m].at.end) <= e)
            set_speaker_mention(d, q, m);
        else {
            q->speaker_at.start = d->tokens[b].start;
            q->speaker_at.end = d->tokens[e - 1].end;
        }
        q->cue.start = d->tokens[e].start;
        q->cue.end = d->tokens[e].end;
        q->cue_lemma = ":";
        for (size_t x = b; x < z; x++)
            f->in_quote[x] = 1;
        p = z - 1;
    }
    return DOSSIER_OK;
}

/* Cues whose report may follow without "that": "said the talks failed". */
/* Is lemma one of the NULL-ended list? */
static int lemma_in(const char *const *list, const char *lemma)
{
    for (const char *const *v = list; *v; v++)
        if (!strcmp(*v, lemma)) return 1;
    return 0;
}

static int takes_bare_clause(const char *lemma)
{
    static const char *const verbs[] = {
        "say",       "tell",      "add",        "insist",         "explain",
        "warn",      "note",      "stress",     "claim",          "argue",
        "assert",    "state",     "declare",    "announce",       "acknowledge",
        "admit",     "deny",      "reply",      "respond",        "suggest",
        "emphasize", "reiterate", "confirm",    "write",          "tweet",
        "report",    "reveal",    "caution",    "concede",        "contend",
        "maintain",  "observe",   "point out",  "remark",         "vow",
        "pledge",    "promise",   "allege",     "counter",        "retort",
        "assure",    "signal",    "indicate",   "hint",           "testify",
        "believe",   "think",     "predict",    "estimate",       "expect",
        "hope",      "fear",      "feel",       "worry",          "reckon",
        "agree",     "conclude",  "make clear", "tell reporters", "complain",
        "recall",    "affirm",    "underline",  "underscore",     "clarify",
        "show",      "find",      NULL};
    return lemma_in(verbs, lemma);
}

/* Cues whose report is an infinitive or an object: 1 `wants to …` ("to" next), 2 `urged
 * Congress to …` (an object of up to four words first), 3 `called for …` (the object). */
static int takes_infinitive(const char *lemma)
{
    static const char *const next[] = {"want",   "plan",    "decline",  "refuse", "seek", "vow",
                                       "pledge", "promise", "threaten", "intend", NULL};
    static const char *const object[] = {"urge", "ask", "encourage", "implore", "call on",
                                         NULL};
    if (lemma_in(next, lemma)) return 1;
    if (lemma_in(object, lemma)) return 2;
    static const char *const demand[] = {"call for", "push for", "press for", NULL};
    return lemma_in(demand, lemma) ? 3 : 0;
}

/* Cues whose report may be a noun phrase, not a clause: `questioned the integrity of the
 * vote`, `cited remarks he had made`, `accused the campaign of lying`. */
static int takes_object(const char *lemma)
{
    static const char *const verbs[] = {
        "mention", "question", "demand",   "accuse",  "criticize", "praise",    "reject",
        "dismiss", "condemn",  "welcome",  "propose", "recommend", "describe",  "highlight",
        "defend",  "blame",    "outline",  "lay out", "denounce",  "decry",     "tout",
        "deny",    "announce", "reveal",   "dispute", "challenge", "endorse",   "rebuff",
        "mock",    "slam",     "blast",    "allege",  "express",   "voice",     "raise",
        NULL};
    return lemma_in(verbs, lemma);
}

/* `called the toll a mistake`, `calls it a political ploy`: "call" with an object and, after
 * it, a noun phrase opened by "a"/"an" (or a possessive) that names it; not `called her on Monday`,
 * `called the meeting to order`, `called for`. */
static int calls_it(const nlp_doc *d, const char *lemma, size_t t, size_t end)
{
    if (strcmp(lemma, "call") || t >= end) return 0;
    static const char *const particles[] = {"for",  "on", "off", "up", "in", "out", "back",
                                            "upon", "to", "a",   "an", "at", "by",  NULL};
    static wordset pset = WORDSET(particles, 1);
    if (tok_in(d, t, &pset)) return 0;
    for (size_t k = t + 1; k < end && k < t + 10 && (d->tokens[k].flags & TOK_WORD); k++) {
        if (tok_is(d, k, "a") || tok_is(d, k, "an")) return k + 1 < end;
        /* `called her fallen son her hero`: a possessive after the object */
        if ((tok_is(d, k, "her") || tok_is(d, k, "his") || tok_is(d, k, "their") ||
             tok_is(d, k, "its") || tok_is(d, k, "our") || tok_is(d, k, "my")) &&
            k > t + 1 && k + 1 < end && (d->tokens[k + 1].flags & TOK_WORD))
            return 1;
        /* a preposition in the object makes it a place or a time (`called her on Monday`) */
        if (tok_in(d, k, &pset) || tok_is(d, k, "from") || tok_is(d, k, "with")) return 0;
    }
    return 0;
}

/* Nouns that make a phrase a possible speaker: "officials", "a spokesperson", "the ministry". */
static int is_speaker_noun(const nlp_doc *d, size_t t)
{
    static const char *const nouns[] = {"official",      "officials",
                                        "spokesman",     "spokeswoman",
                                        "spokesperson",  "source",
                                        "sources",       "diplomat",
                                        "diplomats",     "analyst",
                                        "analysts",      "expert",
                                        "experts",       "critic",
                                        "critics",       "lawmaker",
                                        "lawmakers",     "leader",
                                        "leaders",       "minister",
                                        "ministry",      "government",
                                        "statement",     "report",
                                        "agency",        "aide",
                                        "aides",         "adviser",
                                        "advisers",      "advisor",
                                        "officer",       "officers",
                                        "commander",     "president",
                                        "secretary",     "senator",
                                        "senators",      "representative",
                                        "envoy",         "envoys",
                                        "ambassador",    "negotiator",
                                        "negotiators",   "people",
                                        "residents",     "witnesses",
                                        "witness",       "observers",
                                        "members",       "administration",
                                        "campaign",      "spokespeople",
                                        "researchers",   "economists",
                                        "scientists",    "poll",
                                        "survey",        "study",
                                        "document",      "letter",
                                        "chief",         "head",
                                        "director",      "chairman",
                                        "chair",         "activists",
                                        "organizers",    "authorities",
                                        "police",        "prosecutors",
                                        "judge",         "court",
                                        "voters",        "supporters",
                                        "opponents",     "allies",
                                        "partners",      "data",
                                        "video",         "footage",
                                        "analysis",      "research",
                                        "records",       "transcript",
                                        "investigation", "investigators",
                                        "review",        "audit",
                                        "figures",       "results",
                                        "polls",         "surveys",
                                        "studies",       "documents",
                                        "inquiry",       "probe",
                                        "assessment",    "prince",
                                        "king",          "queen",
                                        "pope",          "mayor",
                                        "governor",      "candidate",
                                        "nominee",       "host",
                                        "narrator",      "group",
                                        "company",       "party",
                                        "committee",     "council",
                                        "panel",         "board",
                                        "union",         "organization",
                                        "organisation",  "ad",
                                        "newspaper",     "paper",
                                        "magazine",      "network",
                                        "website",       "outlet",
                                        "station",       "broadcaster",
                                        "polling",       "pollster",
                                        "pollsters",     "newspapers",
                                        "reporter",      "reporters",
                                        "journalist",    "journalists",
                                        "moderator",     "interviewer",
                                        "department",    "departments",
                                        "agencies",      "ministries",
                                        "groups",        "companies",
                                        "firm",          "firms",
                                        "bank",          "banks",
                                        "campaigns",     "unions",
                                        NULL};
    static wordset set = WORDSET(nouns, 1);
    return tok_in(d, t, &set);
}

/* Is the speaker found for q a person, an organisation, a pronoun or a phrase whose head could
 * speak ("officials", "the bank", "Connecticut's tax commissioner")? Function words and
 * numbers cannot: "It is clear that", "Most of them said" is kept through "them". */
static int speaker_like(const nlp_doc *d, const quote *q)
{
    if (q->speaker >= 0) return 1;
    if (q->speaker_at.end <= q->speaker_at.start) return 0;
    size_t last = token_at(d, q->speaker_at.end) - 1;
    if (is_speaker_noun(d, last)) return 1;
    const token *h = &d->tokens[last];
    /* "55 percent said", "nine in 10 said": a share of those polled. */
    if (tok_is(d, last, "percent") ||
        (last > 0 && tok_is(d, last - 1, "in") && (h->flags & TOK_NUM) &&
         last - 1 > token_at(d, q->speaker_at.start)))
        return 1;
    /* "52% agreed": a share of those polled */
    if (tok_char(d, last, '%')) return 1;
    if (h->flags & TOK_NUM) return 0;
    static const char *const pron[] = {"they", "we", "i", "he", "she", "you", "it", "them",
                                       "who", NULL};
    static wordset pset = WORDSET(pron, 1);
    if (tok_in(d, last, &pset)) return 1;
    return !nlp_is_function_word(d->text + h->start, h->end - h->start);
}

/* Cues that are as often nouns ("swing states", "his remarks", "health worries"): they count
 * only after a named or pronoun subject. */
static int noun_like_cue(const char *lemma)
{
    static const char *const nouns[] = {"state", "comment", "remark", "question", "call",
                                        "worry", "report", "claim", "reply", "promise", "pledge",
                                        "note", "post", "tweet", "estimate", "fear", "hope",
                                        "doubt", "threaten", "signal", "brief", "charge",
                                        "counter", "concern", "appeal", "demand", "judge",
                                        "show", "find", "voice", "outline", "challenge",
                                        "dispute", "defend", "blame", "answer", "echo",
                                        "thank", NULL};
    return lemma_in(nouns, lemma);
}

static int evidence_noun(const nlp_doc *d, size_t t);

/* A subject that surely speaks: a mention, a personal pronoun, a speaker noun or a piece of
 * evidence. */
static int strict_speaker(const nlp_doc *d, const quote *q)
{
    if (q->speaker >= 0) return 1;
    if (q->speaker_at.end <= q->speaker_at.start) return 0;
    size_t last = token_at(d, q->speaker_at.end) - 1;
    return is_speaker_noun(d, last) || evidence_noun(d, last) || tok_is(d, last, "they") ||
           tok_is(d, last, "we") || tok_is(d, last, "i") || tok_is(d, last, "he") ||
           tok_is(d, last, "she");
}

/* Does the "it" before cue c (past fillers) open its clause: at the sentence start `b`, after
 * punctuation or a conjunction? After a noun it is a relative clause's (`the impact it said
 * the plan would have`). */
static int it_opens_clause(const nlp_doc *d, size_t c, size_t b)
{
    while (c > b && is_cue_filler(d, c - 1)) c--;
    if (c == b || !tok_is(d, c - 1, "it")) return 0;
    size_t i = c - 1;
    return i == b || !(d->tokens[i - 1].flags & TOK_WORD) || tok_is(d, i - 1, "and") ||
           tok_is(d, i - 1, "but");
}

/* Is the subject found for q a piece of evidence (a poll, a study, the data; evidence_noun),
 * or an investigation or a review? */
static int evidence_subject(const nlp_doc *d, const quote *q)
{
    if (q->speaker >= 0 || q->speaker_at.end <= q->speaker_at.start) return 0;
    size_t last = token_at(d, q->speaker_at.end) - 1;
    return evidence_noun(d, last) || tok_is(d, last, "investigation") ||
           tok_is(d, last, "review");
}

/* Evidence that shows: the head nouns of `records show`, `leaked emails showed`. */
static int evidence_noun(const nlp_doc *d, size_t t)
{
    static const char *const nouns[] = {
        "poll",     "polls",     "survey",     "surveys",     "study",    "studies",     "data",
        "research", "report",    "reports",    "analysis",    "analyses", "figures",     "results",
        "records",  "record",    "transcript", "transcripts", "document", "documents",   "video",
        "videos",   "footage",   "numbers",    "statistics",  "count",    "tally",       "census",
        "audit",    "emails",    "email",      "filings",     "filing",   "files",       "memo",
        "memos",    "estimates", "polling",    "returns",     "logs",     "photos",      "images",
        "messages", "letters",   "calendar",   "calendars",   "receipts", "projections", "models",
        NULL};
    static wordset set = WORDSET(nouns, 1);
    return tok_in(d, t, &set);
}

/* Before a cue of showing at c: an evidence noun heading the subject, alone or before the
 * preposition or participle of its complement (`records from the 2008 cycle`, `polls released
 * Sunday`), back to the clause's start `b` or a punctuation mark. Sets q's speaker to the
 * noun phrase it ends and returns 1, or returns 0. */
static int evidence_phrase(const nlp_doc *d, quote *q, size_t c, size_t b)
{
    static const char *const links[] = {
        "from",     "of",       "by",        "in",    "on",    "for",  "released", "conducted",
        "compiled", "obtained", "published", "filed", "taken", "made", "reviewed", NULL};
    static wordset lset = WORDSET(links, 1);
    for (size_t k = c; k-- > b && c - k <= 14;) {
        if (!(d->tokens[k].flags & TOK_WORD)) return 0;
        if (!evidence_noun(d, k) || !(k + 1 == c || tok_in(d, k + 1, &lset))) continue;
        size_t a = k;
        while (a > b && k - a < 4 && (d->tokens[a - 1].flags & TOK_WORD) &&
               !nlp_is_function_word(d->text + d->tokens[a - 1].start,
                                     d->tokens[a - 1].end - d->tokens[a - 1].start))
            a--;
        if (a > b && is_determiner(d, a - 1)) a--;
        q->speaker = -1;
        q->speaker_at.start = d->tokens[a].start;
        q->speaker_at.end = d->tokens[k].end;
        return 1;
    }
    return 0;
}

/* Cues whose listener comes before the report: `told the council that`, `reminded him that`. */
static int tells_someone(const char *lemma)
{
    static const char *const verbs[] = {"tell", "remind", "inform", "assure", "warn", "advise",
                                        "promise", "reassure", "brief", "caution", NULL};
    return lemma_in(verbs, lemma);
}

static int frame_tail(const nlp_doc *d, size_t t);

/* Does a listener open the words at t (`…, she told the committee`, `…, he warned them on
 * Monday`): an object pronoun, or a determiner and a noun phrase up to the sentence end, a
 * comma or a tail word? A tell-like cue's frame may hold one before its tail. */
static int listener_at(const nlp_doc *d, size_t t, size_t end)
{
    static const char *const obj[] = {"him", "her", "them", "us", "me", "you", NULL};
    static wordset oset = WORDSET(obj, 1);
    static const char *const dets[] = {"the", "a",  "an",   "his",   "her",   "their", "its",
                                       "our", "my", "this", "these", "those", "one",   NULL};
    static wordset dset = WORDSET(dets, 1);
    if (t >= end) return 0;
    if (tok_in(d, t, &oset)) return 1;
    if (!tok_in(d, t, &dset)) return 0;
    size_t k = t + 1;
    while (k < end && k < t + 5 && (d->tokens[k].flags & TOK_WORD) && !frame_tail(d, k))
        k++;
    if (k == t + 1 && !(k < end && (d->tokens[k].flags & TOK_WORD))) return 0;
    /* the listener ends the sentence, meets a comma or a tail word: "that" would make it a
     * report of its own (`told the panel that …`), read elsewhere */
    return k >= end || tok_char(d, k, ',') || (frame_tail(d, k) && !tok_is(d, k, "that"));
}

/* The clause after a tell-like cue's listener with no "that" (`told the Courier she would
 * stay`, `told me he had waited`): the listener is an object pronoun, a capitalised name
 * (after "the" or not) or a determiner and up to three words, and the clause opens with a
 * subject pronoun. Returns where the clause starts, or t when no listener is read. */
static size_t past_listener(const nlp_doc *d, size_t t, size_t end)
{
    static const char *const obj[] = {"him", "her", "them", "us", "me", "you", NULL};
    static wordset oset = WORDSET(obj, 1);
    size_t x = t;
    if (tok_in(d, x, &oset)) {
        x++;
    } else {
        if (is_determiner(d, x)) x++;
        size_t w = x;
        while (x < end && x < w + 5 && (d->tokens[x].flags & TOK_WORD) &&
               !is_pronoun_subject(d, x) &&
               ((d->tokens[x].flags & (TOK_CAP | TOK_UPPER)) ||
                !nlp_is_function_word(d->text + d->tokens[x].start,
                                      d->tokens[x].end - d->tokens[x].start)))
            x++;
        if (x == w) return t;
    }
    return x < end && is_pronoun_subject(d, x) && !tok_is(d, x, "it") ? x : t;
}

/* Is the subject found for q a proper name the nlp layer did not know (`the Herald`,
 * `Reuters`): every word capitalised after an optional "the"? */
static int proper_subject(const nlp_doc *d, const quote *q)
{
    if (q->speaker_at.end <= q->speaker_at.start) return 0;
    size_t a = token_at(d, q->speaker_at.start), z = token_at(d, q->speaker_at.end);
    if (a < z && tok_is(d, a, "the")) a++;
    if (a >= z || z - a > 4) return 0;
    for (size_t k = a; k < z; k++) {
        const token *h = &d->tokens[k];
        unsigned char c0 = (unsigned char)d->text[h->start];
        if (!(h->flags & TOK_WORD) || !(c0 >= 'A' && c0 <= 'Z') ||
            nlp_is_function_word(d->text + h->start, h->end - h->start))
            return 0;
    }
    return 1;
}

/* After an inverted cue at the words from t (`…, said several observers.`, `…, said the
 * company's chief executive, Ada Lind.`): a noun phrase opening with a determiner or a
 * quantifier and ending, at a comma or the sentence end, in a speaker's noun or a person. */
static int inverted_phrase(const nlp_doc *d, size_t t, size_t end)
{
    static const char *const quant[] = {"several", "some",  "many", "most", "other", "one",
                                        "two",     "three", "four", "five", "both",  "all",
                                        "few",     "a",     "an",   "the",  NULL};
    static wordset qset = WORDSET(quant, 1);
    if (t >= end || !(tok_in(d, t, &qset) || is_determiner(d, t))) return 0;
    size_t x = t + 1;
    /* nouns and adjectives only ("of" aside): a function word makes it a clause (`…, said
     * the talks will start with Berg`) */
    while (x < end && x < t + 8 && (d->tokens[x].flags & TOK_WORD) &&
           (tok_is(d, x, "of") || !nlp_is_function_word(d->text + d->tokens[x].start,
                                                        d->tokens[x].end - d->tokens[x].start)))
        x++;
    if (x == t + 1 || (x < end && !tok_char(d, x, ','))) return 0;
    int m = mention_at(d, x - 1);
    /* ... or in a title before the person's name (`…, said the firm's chief executive, Ada
     * Lind.`) */
    int m2 = x + 1 < end ? mention_at(d, x + 1) : -1;
    return is_speaker_noun(d, x - 1) ||
           (m >= 0 && d->entities[d->mentions[m].entity].kind == ENT_PERSON) ||
           (m2 >= 0 && d->entities[d->mentions[m2].entity].kind == ENT_PERSON &&
            token_at(d, d->mentions[m2].at.end) >= end);
}

/* Words a frame's tail may open with (`…, he said on Tuesday`, `…, she said in a statement`). */
static int frame_tail(const nlp_doc *d, size_t t)
{
    static const char *const words[] = {
        "on",      "in",     "at",      "during", "after",     "before", "from",     "via",
        "last",    "this",   "earlier", "later",  "yesterday", "today",  "tonight",  "when",
        "while",   "as",     "adding",  "according", "to",     "of",     "through",  "by",
        "with",    "over",   "late",    "early",  "recently",  "again",  "privately", "publicly",
        "told",    "wrote",  "said",    "says",   "added",     "reporters", "journalists",
        NULL};
    static wordset set = WORDSET(words, 1);
    const token *k = &d->tokens[t];
    if (!(k->flags & TOK_WORD)) return 1;
    unsigned char c0 = (unsigned char)d->text[k->start];
    if (c0 >= 'A' && c0 <= 'Z') return 1; /* `…, Pence told CNN`, `…, he said Tuesday` */
    return tok_in(d, t, &set);
}

/* After an inverted frame (`…, said Mr. Coffman`), the sentence ends or a frame's tail
 * follows; a verb there makes the name the subject of a reported clause instead
 * (`…, said Mr. Trump had disrespected the troops`). */
static int inverted_ends(const nlp_doc *d, const quote *q, size_t end)
{
    size_t x = token_at(d, q->speaker_at.end);
    return x >= end || tok_char(d, x, ',') || frame_tail(d, x);
}

/* Pass 2: reported speech in sentences, outside quotation marks. */
static dossier_status find_reported(qfinder *f)
{
    const nlp_doc *d = f->d;
    for (size_t s = 0; s < d->n_sentences; s++) {
        size_t b = token_at(d, d->sentences[s].start);
        size_t e = b;
        while (e < d->n_tokens && d->tokens[e].sent == s) e++;
        if (e - b < 4) continue;
        /* The sentence end without its final punctuation. */
        size_t end = e;
        while (end > b && !(d->tokens[end - 1].flags & TOK_WORD)) end--;
        for (size_t c = b; c < e; c++) {
            if (f->in_quote[c] || f->used_cue[c]) continue;
            const lex_cue *cue;
            int len = cue_at(f, c, &cue);
            if (!len) continue;
            if (cue->kind == LEX_CUE_SOURCE && !tok_is(d, c, "according")) continue;
            if (frames_only(cue)) continue;
            quote q;
            memset(&q, 0, sizeof q);
            q.speaker = -1;
            size_t ce = c + (size_t)len;
            int ok = 0;
            if (tok_is(d, c, "according")) {
                /* "according to X, CLAUSE" or "CLAUSE, according to X." The source runs to
                 * a comma or the sentence's end. */
                size_t src_end = ce;
                while (src_end < end && src_end < ce + 40 && !tok_char(d, src_end, ',') &&
                       !tok_char(d, src_end, ';') && !f->in_quote[src_end] &&
                       !tok_char(d, src_end, '('))
                    src_end++;
                if (!subject_after(d, &q, ce, e)) {
                    /* a long source (`according to the first counts of the harbour
                     * ballot held for …`): its first words stand for it */
                    size_t sz = src_end < ce + 6 ? src_end : ce + 6;
                    while (sz > ce &&
                           nlp_is_function_word(d->text + d->tokens[sz - 1].start,
                                                d->tokens[sz - 1].end - d->tokens[sz - 1].start))
                        sz--;
                    if (src_end == ce || (src_end < end && !tok_char(d, src_end, ',')) ||
                        !set_speaker_phrase(d, &q, ce, sz))
                        continue;
                }
                size_t after = token_at(d, q.speaker_at.end);
                if (src_end > after) after = src_end;
                /* "But according to X, CLAUSE": a conjunction (and its comma) may open the
                 * sentence before the frame. */
                size_t lead = b;
                if (lead < c &&
                    (tok_is(d, lead, "but") || tok_is(d, lead, "and") || tok_is(d, lead, "yet") ||
                     tok_is(d, lead, "still") || tok_is(d, lead, "so")))
                    lead++;
                if (lead < c && lead > b && tok_char(d, lead, ',')) lead++;
                if (c == lead || (c > lead && tok_char(d, c - 1, ',') && c - 1 == lead)) {
                    while (after < end && !tok_char(d, after, ',')) after++;
                    if (after < end) after++;
                    if (end > after + MIN_INDIRECT) {
                        q.at.start = d->tokens[after].start;
                        q.at.end = d->tokens[end - 1].end;
                        ok = 1;
                    }
                } else if (c > b && c <= b + MIN_INDIRECT + 2 && tok_char(d, c - 1, ',') &&
                           after < end && tok_char(d, after, ',') &&
                           words_between(d, after + 1, end) >= MIN_INDIRECT &&
                           !f->in_quote[after + 1]) {
                    /* "Fundraising, according to the campaign, has surged": a frame set off
                     * by commas after a short lead; the report is the whole sentence around
                     * it. */
                    q.at.start = d->tokens[b].start;
                    q.at.end = d->tokens[end - 1].end;
                    ok = 1;
                } else if (c > b + MIN_INDIRECT && tok_char(d, c - 1, ',')) {
                    q.at.start = d->tokens[b].start;
                    q.at.end = d->tokens[c - 2].end;
                    ok = 1;
                    /* `Since May, according to the office, fishing has fallen by half`: the
                     * sentence goes on after the frame (past an apposition of the source),
                     * unless a relative clause, a conjunction or a participle follows it. */
                    static const char *const stops[] = {
                        "who",      "which",  "where",   "and",   "but",      "while",
                        "although", "though", "as",      "with",  "compared", "according",
                        "when",     "whose",  "because", "since", "so",       "or",
                        "up",       "down",   "from",    "than",  NULL};
                    static wordset stop_set = WORDSET(stops, 1);
                    if (after < end && tok_char(d, after, ',') && after + 1 < end &&
                        !f->in_quote[after + 1] && (d->tokens[after + 1].flags & TOK_WORD) &&
                        !tok_in(d, after + 1, &stop_set) && !ends_ing(d, after + 1) &&
                        !(d->tokens[after + 1].flags & TOK_NUM) &&
                        words_between(d, after + 1, end) >= MIN_INDIRECT)
                        q.at.end = d->tokens[end - 1].end;
                } else if (c > b + MIN_INDIRECT && (d->tokens[c - 1].flags & TOK_WORD) &&
                           !f->in_quote[c - 1] && after >= end) {
                    /* "… 271 delegates according to a count by the AP.": no comma, but the
                     * source ends the sentence. */
                    q.at.start = d->tokens[b].start;
                    q.at.end = d->tokens[c - 1].end;
                    ok = 1;
                }
            } else if (c > b + MIN_INDIRECT) {
                /* "CLAUSE, said X" or "CLAUSE, X said": the nearest comma before the cue with
                 * only the subject's words between. */
                size_t comma = c;
                for (size_t k = c; k-- > b && c - k <= 8;) {
                    if (tok_char(d, k, ',')) {
                        comma = k;
                        break;
                    }
                    if (!(d->tokens[k].flags & TOK_WORD) || f->in_quote[k]) break;
                }
                /* Only a short tail may follow the frame ("…, he said on Tuesday."); a
                 * clause after the cue makes the comma an introduction ("At the rally,
                 * Clinton said …"), which the next pattern reads. */
                size_t tail = 0;
                for (size_t x = ce; x < end && !tok_char(d, x, ','); x++) tail++;
                /* ... and a tail that opens with a lower-case word other than a preposition
                 * or a time word is a clause of the cue's own (`…, and Nicklaus said it is one
                 * of his favourites`): not a frame; nor is a frame one that opens with "and". */
                /* (after an inverted cue the words are its subject: `…, said several
                 * observers`, which inverted_ends checks) */
                int inverted = comma < c && comma + 1 == c && takes_bare_clause(cue->lemma) &&
                               !noun_like_cue(cue->lemma) && inverted_phrase(d, ce, end);
                if (tail >= 2 && !frame_tail(d, ce) && !inverted &&
                    !(tells_someone(cue->lemma) && listener_at(d, ce, end)))
                    tail = SIZE_MAX;
                if (comma < c && comma + 1 < c && (tok_is(d, comma + 1, "and") ||
                                                   tok_is(d, comma + 1, "but")))
                    tail = SIZE_MAX;
                /* nor one whose "subject" opens with a participle or a preposition (`…,
                 * including serial attacks on …`, `…, like most reports`) */
                static const char *const not_subject[] = {"including", "like", "unlike", "such",
                                                          "especially", "notably", "with",
                                                          "without", NULL};
                static wordset ns_set = WORDSET(not_subject, 1);
                if (comma < c && comma + 1 < c && tok_in(d, comma + 1, &ns_set)) tail = SIZE_MAX;
                /* Wanting and refusing never stand after their report (`…, voters want to
                 * limit …`). */
                int parenthetical =
                    !(takes_infinitive(cue->lemma) == 3 ||
                      (takes_infinitive(cue->lemma) == 1 && !takes_bare_clause(cue->lemma)));
                /* a tail of prepositional phrases may run longer (`…, X announced to the
                 * reporters at the State Department.`) */
                size_t tail_max = tail != SIZE_MAX && ce < end &&
                                          (tok_is(d, ce, "to") || tok_is(d, ce, "at") ||
                                           tok_is(d, ce, "in") || tok_is(d, ce, "on"))
                                      ? 10
                                      : 6;
                if (comma < c && comma > b + MIN_INDIRECT && tail <= tail_max && parenthetical) {
                    int found = comma + 1 == c
                                    ? inverts_at(d, c, cue) && subject_after(d, &q, ce, e) &&
                                          inverted_ends(d, &q, end)
                                    : subject_before(d, &q, c, comma + 1);
                    if (found && speaker_like(d, &q) &&
                        (!noun_like_cue(cue->lemma) || strict_speaker(d, &q) ||
                         proper_subject(d, &q))) {
                        q.at.start = d->tokens[b].start;
                        q.at.end = d->tokens[comma - 1].end;
                        /* `The tag, Abboud said, went with …`: a frame inside the sentence;
                         * the report goes on after it. */
                        size_t x = ce;
                        if (q.speaker_at.end > d->tokens[ce - 1].end)
                            x = token_at(d, q.speaker_at.end);
                        /* ... also past a listener (`The aim, one official told the Post, is
                         * to …`) */
                        if (x == ce && tells_someone(cue->lemma) && listener_at(d, ce, end))
                            while (x < end && x < ce + 6 && !tok_char(d, x, ','))
                                x++;
                        if (tok_char(d, x, ',') && end > x + 3 && !f->in_quote[x + 1])
                            q.at.end = d->tokens[end - 1].end;
                        ok = 1;
                    } else {
                        memset(&q.speaker_at, 0, sizeof q.speaker_at);
                        q.speaker = -1;
                    }
                }
            }
            if (!ok && c > b && tok_is(d, c - 1, "as") && tok_is(d, ce, "by") &&
                cue->kind == LEX_CUE_SPEECH && (c - 1 == b || tok_char(d, c - 2, ','))) {
                /* "As reported by X, CLAUSE": the clause after the source's comma */
                if (!subject_after(d, &q, ce + 1, e) || !speaker_like(d, &q)) continue;
                size_t x = token_at(d, q.speaker_at.end);
                while (x < end && x < ce + 30 && !tok_char(d, x, ',') && !f->in_quote[x])
                    x++;
                if (!(x < end && tok_char(d, x, ',')) ||
                    words_between(d, x + 1, end) < MIN_INDIRECT)
                    continue;
                q.at.start = d->tokens[x + 1].start;
                q.at.end = d->tokens[end - 1].end;
                ok = 1;
            }
            if (!ok && cue->kind != LEX_CUE_SOURCE && ce < end) {
                /* "X said (that) CLAUSE"; "It said …" when "it" stands right before a cue of
                 * speech (a company, a ministry: "it is clear that" has no cue). */
                if (!(subject_before(d, &q, c, b) ||
                      (cue->kind == LEX_CUE_SPEECH && it_opens_clause(d, c, b) &&
                       subject_it(d, &q, c, b))) ||
                    !speaker_like(d, &q))
                    continue;
                /* `FEC records from the 2008 cycle show …`, `leaked emails showed …`: a piece
                 * of evidence heading a longer subject */
                if (q.speaker < 0 && (!strcmp(cue->lemma, "show") || !strcmp(cue->lemma, "find")))
                    evidence_phrase(d, &q, c, b);
                /* "As X reported, CLAUSE": the clause after the frame's comma (a cue of
                 * speech: "as the war continues" tells when) */
                size_t sb = token_at(d, q.speaker_at.start);
                /* "how the world responds, it may help …": after a question word the cue's
                 * clause is embedded, and what follows its comma is the sentence going on */
                static const char *const wh[] = {"how", "why", "what", "whether", NULL};
                static wordset whset = WORDSET(wh, 1);
                if (sb > b && tok_in(d, sb - 1, &whset) && ce < end && tok_char(d, ce, ','))
                    continue;
                size_t as_comma = 0;
                /* "as" opens the frame, maybe before a title ("as the envoy Li Chen put it") */
                size_t as = sb;
                while (as > b && as + 4 > sb && !tok_is(d, as - 1, "as") &&
                       (d->tokens[as - 1].flags & TOK_WORD))
                    as--;
                if (as > b && tok_is(d, as - 1, "as") &&
                    (takes_bare_clause(cue->lemma) || !strcmp(cue->lemma, "put it")) &&
                    (as - 1 == b || tok_char(d, as - 2, ','))) {
                    for (size_t x = ce; x < end && x < ce + 8 && !f->in_quote[x]; x++)
                        if (tok_char(d, x, ',')) {
                            as_comma = x;
                            break;
                        }
                    /* without its comma "as X said" compares */
                    if (!as_comma) continue;
                }
                /* a noun-like cue in the past tense after a name the nlp layer does not know
                 * is a verb (`the Courier reported …`, not `the Senate report …`) */
                size_t cn = d->tokens[c].end - d->tokens[c].start;
                int past = len == 1 && cn > 3 && !memcmp(d->text + d->tokens[c].end - 2, "ed", 2);
                /* ... whose clause opens plainly (not `reported from the atoll`) */
                int opens = tok_is(d, ce, "that") || is_determiner(d, ce) ||
                            is_pronoun_subject(d, ce) || (d->tokens[ce].flags & TOK_CAP);
                if (noun_like_cue(cue->lemma) && !strict_speaker(d, &q) &&
                    !(past && (opens || as_comma) && proper_subject(d, &q)))
                    continue;
                /* Verbs that take a bare clause ("said the talks failed"); the others need
                 * "that" ("welcomed that ..."), or they are no report at all ("rejected the
                 * offer"). */
                /* Intentions and requests report what follows "to" (`wants to leave`,
                 * `urged Congress to act`) or "for" (`called for a ban`), from a subject that
                 * surely speaks. */
                int infinitive = takes_infinitive(cue->lemma);
                int object = 0;
                size_t a = ce;
                if (as_comma) {
                    a = as_comma + 1;
                } else if (infinitive && strict_speaker(d, &q)) {
                    size_t k = ce;
                    size_t reach = infinitive == 2 ? ce + 8 : ce + 1;
                    while (k < end && k < reach && !tok_is(d, k, "to") &&
                           (d->tokens[k].flags & TOK_WORD))
                        k++;
                    if (infinitive == 3) {
                        k = ce; /* "called for": the object itself */
                    } else if (!(k < end && tok_is(d, k, "to"))) {
                        /* `asked the mayor whether …`: a question reported */
                        if (infinitive != 2) continue;
                        static const char *const qw[] = {"whether", "if", "why", "how", NULL};
                        static wordset qset = WORDSET(qw, 1);
                        k = ce;
                        while (k < end && k < ce + 8 && (d->tokens[k].flags & TOK_WORD) &&
                               !tok_in(d, k, &qset))
                            k++;
                        if (!(k < end && tok_in(d, k, &qset))) continue;
                    }
                    a = k;
                } else if (!takes_bare_clause(cue->lemma) && !tok_is(d, ce, "that") &&
                           !tells_someone(cue->lemma)) {
                    /* A noun phrase reported (`Clinton cited remarks …`), from a subject that
                     * surely speaks, up to the clause's first comma. */
                    if (!(takes_object(cue->lemma) || calls_it(d, cue->lemma, ce, end)) ||
                        !strict_speaker(d, &q) || !(d->tokens[ce].flags & TOK_WORD))
                        continue;
                    object = 1;
                } else {
                    /* "is writing a playbook for …": what one writes is a work, not a clause */
                    if (!strcmp(cue->lemma, "write") && (tok_is(d, ce, "a") || tok_is(d, ce, "an")))
                        continue;
                    if (thought_state(d, cue, ce, end)) continue;
                    /* Polls show and studies find; people and states "show unity" */
                    if ((!strcmp(cue->lemma, "show") || !strcmp(cue->lemma, "find")) &&
                        !tok_is(d, ce, "that") && !evidence_subject(d, &q))
                        continue;
                    /* "told reporters that", "told CNN on Sunday that": the object, then that;
                     * not in a clause of its own (`said he backs the bill that …`). */
                    static const char *const obj[] = {"him", "her", "them", "us", "me",
                                                      "you", NULL};
                    static wordset oset = WORDSET(obj, 1);
                    size_t k = a;
                    if (a < end && !tok_is(d, a, "that") && !frame_tail(d, a) &&
                        !tok_in(d, a, &oset) && !tells_someone(cue->lemma))
                        k = end;
                    while (k < end && k < a + 6 && !tok_is(d, k, "that"))
                        k++;
                    if (k < end && tok_is(d, k, "that") && k < a + 6)
                        a = k + 1;
                    else if (tok_char(d, a, ','))
                        a++;
                    else if (tells_someone(cue->lemma))
                        a = past_listener(d, a, end);
                    /* `decried that math, saying …`: "that" before a short phrase and a
                     * comma is a demonstrative, no clause follows */
                    if (a == ce + 1 && tok_is(d, ce, "that")) {
                        size_t x = a;
                        while (x < end && !tok_char(d, x, ',')) x++;
                        /* ... but not `that these accounts, left alone, may …` */
                        int closes = x >= end || (x + 1 < end && ends_ing(d, x + 1));
                        if (words_between(d, a, x) < MIN_INDIRECT && closes) continue;
                    }
                }
                if (a < end && (d->tokens[a].flags & TOK_QUOTE)) continue; /* a quotation */
                if (words_between(d, a, end) < MIN_INDIRECT) continue;
                /* The clause ends where another report begins: ", and officials said". */
                size_t z = end;
                for (size_t x = a + 1; x + 2 < end && z == end; x++) {
                    /* `says the toll is fair and says he …`: the subject's next report */
                    if (tok_is(d, x, "and") || tok_is(d, x, "but")) {
                        size_t y = x + 1;
                        while (y < end && y < x + 3 && is_cue_filler(d, y))
                            y++;
                        const lex_cue *c3;
                        int l3 = y < end && !f->in_quote[y] ? cue_at(f, y, &c3) : 0;
                        /* ... whose clause opens plainly: "that", a subject pronoun, a name */
                        size_t w = y + (size_t)l3;
                        if (l3 && c3->kind == LEX_CUE_SPEECH && takes_bare_clause(c3->lemma) &&
                            !ends_ing(d, y) && w < end &&
                            (tok_is(d, w, "that") || is_pronoun_subject(d, w) ||
                             mention_at(d, w) >= 0)) {
                            z = x;
                            break;
                        }
                    }
                    /* (a dash breaks like a semicolon: `… to retaliate -- meddling the
                     * congressman said is …`) */
                    int semi = tok_char(d, x, ';') || dash_before(d, x + 1);
                    if (!tok_char(d, x, ',') && !semi) continue;
                    /* `…, saying …`: a participle reports on its own */
                    const lex_cue *c0;
                    if (ends_ing(d, x + 1) && !f->in_quote[x + 1] && cue_at(f, x + 1, &c0) &&
                        c0->kind == LEX_CUE_SPEECH) {
                        z = x;
                        break;
                    }
                    /* `…, a man yelled “…”`: a short subject and a cue after the comma */
                    int subj = 0;
                    while (x + 1 + subj < end && subj < 4 &&
                           (d->tokens[x + 1 + subj].flags & TOK_WORD) &&
                           !f->in_quote[x + 1 + subj] && !cue_word(d, x + 1 + subj))
                        subj++;
                    const lex_cue *c1;
                    if (subj >= 1 && x + 1 + subj < end && !f->in_quote[x + 1 + subj] &&
                        cue_at(f, x + 1 + subj, &c1) && c1->kind == LEX_CUE_SPEECH &&
                        !tok_is(d, x + 1, "which") && !tok_is(d, x + 1, "who")) {
                        z = x;
                        break;
                    }
                    if (!semi && !tok_is(d, x + 1, "and") && !tok_is(d, x + 1, "but") &&
                        !tok_is(d, x + 1, "while"))
                        continue;
                    for (size_t y = x + 2; y < end && y < x + 10; y++) {
                        const lex_cue *c2;
                        if (!f->in_quote[y] && cue_at(f, y, &c2) && c2->kind != LEX_CUE_SOURCE) {
                            z = x;
                            break;
                        }
                    }
                }
                /* A noun phrase ends at a comma, or where the subject's next report begins
                 * (`outlined his plan and vowed to …`). */
                if (object) {
                    for (size_t x = a + 1; x < z; x++) {
                        const lex_cue *c2;
                        if (tok_char(d, x, ',') || tok_char(d, x, ';') ||
                            ((tok_is(d, x, "and") || tok_is(d, x, "but")) && x + 1 < end &&
                             !f->in_quote[x + 1] && cue_at(f, x + 1, &c2))) {
                            z = x;
                            break;
                        }
                    }
                    if (words_between(d, a, z) < MIN_INDIRECT) continue;
                }
                /* `said he backs the bill, which he called “a first step”`: a quotation
                 * framed in a relative clause after the report is not part of it; the report
                 * ends at the clause's comma. */
                for (size_t x = a + MIN_INDIRECT; x + 2 < z; x++) {
                    if (!tok_char(d, x, ',') || f->in_quote[x] ||
                        !(tok_is(d, x + 1, "which") || tok_is(d, x + 1, "who")))
                        continue;
                    int framed = 0;
                    for (size_t y = x + 2; y < z && y < x + 8 && !f->in_quote[y]; y++) {
                        const lex_cue *c2;
                        if (cue_at(f, y, &c2) && y + 1 < z && f->in_quote[y + 1]) framed = 1;
                    }
                    if (framed) {
                        z = x;
                        break;
                    }
                }
                /* "The driver, who said he had waited, left": a relative clause's report ends
                 * at its comma. */
                if (q.speaker < 0 && q.speaker_at.end - q.speaker_at.start == 3 &&
                    !strncasecmp(d->text + q.speaker_at.start, "who", 3))
                    for (size_t x = a + 1; x < z; x++)
                        if (tok_char(d, x, ',')) {
                            z = x;
                            break;
                        }
                q.at.start = d->tokens[a].start;
                q.at.end = d->tokens[z - 1].end;
                ok = 1;
            }
            if (!ok) continue;
            q.kind = QUOTE_INDIRECT;
            q.sent = (uint32_t)s;
            set_cue(&q, d, c, len, cue);
            /* A quotation inside the clause makes it a mixed one: it is reported already. */
            int mixed = 0;
            for (size_t x = token_at(d, q.at.start); x < e && d->tokens[x].start < q.at.end; x++)
                if (f->in_quote[x]) mixed = 1;
            f->used_cue[c] = 1;
            if (mixed) {
                /* The quotations inside take the clause as their content and, if they have
                 * none, this cue and speaker. */
                for (size_t i = 0; i < f->n; i++) {
                    quote *p = &f->items[i];
                    /* Inside the clause: the clause ends before the sentence's last stop,
                     * which a quotation ending the sentence keeps (`… necessary.”`). */
                    if (p->at.start < q.at.start || p->at.start >= q.at.end) continue;
                    /* A framed whole quotation (`Trump boasted, “…”`) is a report of its own. */
                    if (p->kind == QUOTE_DIRECT && p->cue.end > p->cue.start) continue;
                    p->content = q.at;
                    if (p->at.end > p->content.end) p->content.end = p->at.end;
                    /* A cue inside the clause is reported too: in `Clinton says she
                     * appreciated what she calls a “war of words”` Clinton is the speaker. */
                    int nested = p->kind == QUOTE_PARTIAL && p->cue.start >= q.at.start &&
                                 p->cue.end <= q.at.end && p->cue.end > p->cue.start;
                    if (p->cue.end == p->cue.start || nested) {
                        p->cue = q.cue;
                        p->cue_lemma = q.cue_lemma;
                        p->speaker = q.speaker;
                        p->speaker_at = q.speaker_at;
                        p->kind = QUOTE_PARTIAL;
                    }
                }
                c = e;
                continue;
            }
            quote *n = quote_push(f);
            if (!n) return DOSSIER_ERR_NOMEM;
            q.content = q.at;
            *n = q;
            /* Go on after the report: a sentence may hold another. */
            c = token_at(d, q.at.end > d->tokens[c].end ? q.at.end : d->tokens[c].end) - 1;
        }
    }
    return DOSSIER_OK;
}

/* The cue of a headline word at t, whatever its capital ("Says", "Calls For"): 0, 1 or 2
 * words. */
static int headline_cue(const qfinder *f, size_t t, size_t end, const lex_cue **out)
{
    const nlp_doc *d = f->d;
    if (t >= end || !(d->tokens[t].flags & TOK_WORD)) return 0;
    int pair = t + 1 < end && (d->tokens[t + 1].flags & TOK_WORD);
    int words;
    *out = lexicon_cue_words(f->lx, d->text + d->tokens[t].start,
                             d->tokens[t].end - d->tokens[t].start,
                             pair ? d->text + d->tokens[t + 1].start : NULL,
                             pair ? d->tokens[t + 1].end - d->tokens[t + 1].start : 0, &words);
    return words;
}

/* The person or organisation that the capitalised words [a, z) of a headline name: a mention
 * ending them, else an entity of the article whose name ends with their last word ("Pence" for
 * Mike Pence named below the headline, where the nlp layer sees only a run of capitals). -1 if
 * none. */
static int headline_entity(const nlp_doc *d, size_t a, size_t z)
{
    const token *l = &d->tokens[z - 1];
    size_t ln = l->end - l->start;
    if (ln < 3) return -1;
    /* a possessive names what is theirs, not them (`Lind's Plan Fails`) */
    if (d->text[l->end - 1] == 's' &&
        (d->text[l->end - 2] == '\'' ||
         (ln > 4 && !memcmp(d->text + l->end - 4, "\xE2\x80\x99", 3))))
        return -1;
    for (size_t k = a; k < z; k++) {
        int m = mention_at(d, k);
        if (m >= 0 && token_at(d, d->mentions[m].at.end) == z) {
            const entity *en = &d->entities[d->mentions[m].entity];
            if (en->kind == ENT_PERSON || en->kind == ENT_ORG) return (int)d->mentions[m].entity;
        }
    }
    for (size_t i = 0; i < d->n_entities; i++) {
        const entity *en = &d->entities[i];
        if (en->kind != ENT_PERSON && en->kind != ENT_ORG) continue;
        size_t nn = strlen(en->name);
        if (nn >= ln && !strncasecmp(en->name + nn - ln, d->text + l->start, ln) &&
            (nn == ln || en->name[nn - ln - 1] == ' '))
            return (int)i;
    }
    return -1;
}

/*
 * Pass 2b: headlines that attribute. A paragraph of one sentence in title case names its
 * speaker before the cue (`Mayor Says Toll Will Pay for the Gate`), after its words (`Toll
 * Will Pay for the Gate, Mayor Says`), or before a colon (`Lind: No New Tolls This Year`, then
 * in any case); the nlp layer reads such a line as one run of capitals, so the cue is looked up
 * whatever its capital and the speaker matched to the article's entities by its last word.
 */
static dossier_status find_headlines(qfinder *f)
{
    const nlp_doc *d = f->d;
    for (size_t s = 0; s < d->n_sentences; s++) {
        size_t b = token_at(d, d->sentences[s].start);
        if (b >= d->n_tokens || !(d->tokens[b].flags & TOK_PARA)) continue;
        size_t e = b + 1;
        while (e < d->n_tokens && d->tokens[e].sent == s)
            e++;
        /* one sentence, alone in its paragraph */
        if (e < d->n_tokens && !(d->tokens[e].flags & TOK_PARA)) continue;
        size_t end = e;
        while (end > b && !(d->tokens[end - 1].flags & TOK_WORD))
            end--;
        if (end < b + 4 || end - b > 40) continue;
        /* a question asks, it reports nobody (`Cruz: Conservative or Career Politician?`) */
        int question = 0;
        for (size_t x = end; x < e; x++)
            question |= tok_char(d, x, '?');
        if (question) continue;
        /* the opening run of capitalised words (numbers too: "31 Voters") */
        size_t r = b;
        const lex_cue *cue = NULL;
        while (r < end && r < b + 6 && (d->tokens[r].flags & (TOK_CAP | TOK_UPPER | TOK_NUM)) &&
               (d->tokens[r].flags & TOK_WORD) && !(r > b && headline_cue(f, r, end, &cue)))
            r++;
        size_t words = 0, caps = 0;
        for (size_t x = b; x < end; x++) {
            if (!(d->tokens[x].flags & TOK_WORD)) continue;
            words++;
            caps += (d->tokens[x].flags & (TOK_CAP | TOK_UPPER | TOK_NUM)) != 0;
        }
        int title = caps * 4 >= words * 3;
        quote q;
        memset(&q, 0, sizeof q);
        q.speaker = -1;
        size_t sa = b, sz = b; /* the speaker's words */
        size_t c = 0;
        int len = 0;
        cue = NULL;
        if (r > b && r < end && tok_char(d, r, ':') && r + 1 + MIN_INDIRECT <= end) {
            /* `Name: words` */
            static const char *const labels[] = {
                "update",     "updated",    "breaking", "watch",   "look",     "video",
                "photos",     "photo",      "related",  "read",    "listen",   "exclusive",
                "editor",     "note",       "live",     "opinion", "analysis", "review",
                "correction", "transcript", "full",     "first",   "more",     "news",
                "latest",     "wow",        "boom",     "just",    "update",   NULL};
            static wordset label_set = WORDSET(labels, 1);
            int label = 0;
            for (size_t x = b; x < r; x++)
                label |= tok_in(d, x, &label_set);
            /* a section's heading (`Kasich: Now or never`) is shorter than a headline */
            if (label || r - b > 4 || words_between(d, r + 1, end) < 5) continue;
            q.speaker = headline_entity(d, b, r);
            /* ... or a name the text never repeats: two or three capitalised words opened by
             * a given name (`Ann Coulter: And Then There Was the One`) */
            int named = r - b >= 2 && r - b <= 3 &&
                        lexicon_first_name_gender(f->lx, d->text + d->tokens[b].start,
                                                  d->tokens[b].end - d->tokens[b].start);
            for (size_t x = b; named && x < r; x++)
                named = (d->tokens[x].flags & TOK_WORD) && (d->tokens[x].flags & TOK_CAP);
            if (q.speaker < 0 && !is_speaker_noun(d, r - 1) && !named) continue;
            sa = b, sz = r;
            c = r, len = 1;
            q.at.start = d->tokens[r + 1].start;
            q.at.end = d->tokens[end - 1].end;
        } else if (title && r > b && r < end && (len = headline_cue(f, r, end, &cue)) > 0 &&
                   cue->kind != LEX_CUE_SOURCE && r + (size_t)len + MIN_INDIRECT <= end &&
                   (d->tokens[r].flags & TOK_CAP)) {
            /* `Name Says words`: a known name or a speaker's noun (`New Poll Shows`) before
             * the cue, which no participle is (`News Outlets Feeling the Squeeze`) */
            sa = b, sz = r;
            c = r;
            q.speaker = headline_entity(d, b, r);
            if ((q.speaker < 0 && !is_speaker_noun(d, r - 1)) || ends_ing(d, r)) continue;
            q.at.start = d->tokens[r + (size_t)len].start;
            q.at.end = d->tokens[end - 1].end;
        } else if (title) {
            /* `words, Name Says` */
            const lex_cue *c1;
            size_t k = end - 1;
            if (headline_cue(f, k, end, &c1) != 1 || c1->kind != LEX_CUE_SPEECH ||
                !takes_bare_clause(c1->lemma))
                continue;
            size_t a = k;
            while (a > b && k - a < 5 && (d->tokens[a - 1].flags & TOK_WORD) &&
                   (d->tokens[a - 1].flags & (TOK_CAP | TOK_UPPER)))
                a--;
            if (a == k || a < b + MIN_INDIRECT + 1 || !tok_char(d, a - 1, ',')) continue;
            sa = a, sz = k;
            c = k, len = 1, cue = c1;
            q.speaker = headline_entity(d, a, k);
            if (q.speaker < 0 && !is_speaker_noun(d, k - 1)) continue;
            q.at.start = d->tokens[b].start;
            q.at.end = d->tokens[a - 2].end;
        } else {
            continue;
        }
        /* A quotation framed there already has its attribution. */
        int framed = 0;
        for (size_t i = 0; i < f->n && !framed; i++) {
            const quote *p = &f->items[i];
            framed = p->at.start < d->tokens[e - 1].end && p->at.end > d->tokens[b].start &&
                     p->cue.end > p->cue.start;
        }
        if (framed) continue;
        q.speaker_at.start = d->tokens[sa].start;
        q.speaker_at.end = d->tokens[sz - 1].end;
        q.kind = QUOTE_INDIRECT;
        q.sent = (uint32_t)s;
        q.content = q.at;
        if (cue) {
            set_cue(&q, d, c, len, cue);
        } else {
            q.cue.start = d->tokens[c].start;
            q.cue.end = d->tokens[c].end;
            q.cue_lemma = ":";
        }
        /* Quotations inside are partial ones of this report. */
        int mixed = 0;
        for (size_t i = 0; i < f->n; i++) {
            quote *p = &f->items[i];
            if (p->at.start < q.at.start || p->at.start >= q.at.end) continue;
            mixed = 1;
            p->kind = QUOTE_PARTIAL;
            p->content = q.at;
            if (p->at.end > p->content.end) p->content.end = p->at.end;
            p->cue = q.cue;
            p->cue_lemma = q.cue_lemma;
            p->speaker = q.speaker;
            p->speaker_at = q.speaker_at;
        }
        for (size_t x = b; x < e; x++)
            f->used_cue[x] = 1;
        if (mixed) continue;
        quote *n = quote_push(f);
        if (!n) return DOSSIER_ERR_NOMEM;
        *n = q;
    }
    return DOSSIER_OK;
}

/*
 * Pass 3: a whole or partial quotation nobody frames, right after a quotation or reported
 * speech of its own paragraph or the one before (`Sexton said he understands them. “I can see
 * why …”`; `X described the plan as “…”.¶Other points included “…”`), is that speaker's, unless
 * another person is named in between or after it in its paragraph. Items are in text order.
 */
static void inherit_from_reports(qfinder *f)
{
    const nlp_doc *d = f->d;
    for (size_t i = 1; i < f->n; i++) {
        quote *q = &f->items[i];
        if ((q->kind != QUOTE_DIRECT && q->kind != QUOTE_PARTIAL) || q->speaker >= 0 ||
            q->speaker_at.end > q->speaker_at.start || q->cue.end > q->cue.start)
            continue;
        const quote *p = &f->items[i - 1];
        if (p->speaker < 0 && p->speaker_at.end <= p->speaker_at.start) continue;
        size_t a = token_at(d, p->at.end), b = token_at(d, q->at.start);
        size_t paras = 0;
        int other = 0;
        for (size_t t = a; t < b && t < d->n_tokens; t++) {
            paras += (d->tokens[t].flags & TOK_PARA) != 0;
            int m = mention_at(d, t);
            if (m >= 0 && (int)d->mentions[m].entity != p->speaker &&
                d->entities[d->mentions[m].entity].kind == ENT_PERSON)
                other = 1;
        }
        /* Nor after it in its paragraph (`“…” Tomas Berg said the port …`). */
        for (size_t t = token_at(d, q->at.end);
             !other && t < d->n_tokens && !(d->tokens[t].flags & TOK_PARA); t++) {
            int m = mention_at(d, t);
            if (m >= 0 && (int)d->mentions[m].entity != p->speaker &&
                d->entities[d->mentions[m].entity].kind == ENT_PERSON)
                other = 1;
        }
        if (paras > 1 || other) continue;
        q->speaker = p->speaker;
        q->speaker_at = p->speaker_at;
    }
}

/*
 * Pass 5: a pronoun frame (`“…,” he said`) whose person the resolver took from inside the
 * previous sentence's report speaks for that report's speaker when the genders agree: in "A,
 * the ambassador, sent the reply, B announced. “…,” he said." "he" is B, who reports, not A,
 * who is reported on.
 */
static void prefer_reporter(qfinder *f)
{
    const nlp_doc *d = f->d;
    for (size_t i = 1; i < f->n; i++) {
        quote *q = &f->items[i];
        if (q->speaker < 0 || d->entities[q->speaker].kind != ENT_PERSON) continue;
        size_t sn = q->speaker_at.end - q->speaker_at.start;
        const char *sp = d->text + q->speaker_at.start;
        int want = sn == 2 && !strncasecmp(sp, "he", 2)    ? 'm'
                   : sn == 3 && !strncasecmp(sp, "she", 3) ? 'f'
                                                           : 0;
        if (!want) continue;
        for (size_t j = i; j-- > 0;) {
            const quote *p = &f->items[j];
            if (p->sent + 1 < q->sent) break;
            if (p->sent >= q->sent || p->speaker < 0 || p->speaker == q->speaker ||
                d->entities[p->speaker].kind != ENT_PERSON)
                continue;
            const char *name = d->entities[p->speaker].name;
            size_t fl = strcspn(name, " ");
            if (lexicon_first_name_gender(f->lx, name, fl) != want) continue;
            span c = p->content.end > p->content.start ? p->content : p->at;
            int inside = 0;
            for (size_t m = mention_from(d, c.start); m < d->n_mentions && !inside; m++) {
                const mention *mn = &d->mentions[m];
                if (mn->at.start >= c.end) break;
                inside = mn->at.start >= c.start && mn->entity == (uint32_t)q->speaker &&
                         mn->how != MEN_PRONOUN;
            }
            if (inside) {
                q->speaker = p->speaker;
                break;
            }
        }
    }
}

/*
 * Pass 4: a whole quotation nobody frames, followed in its paragraph by nothing but the frame
 * that introduces the next quotation with a colon (`“We will uphold …” Blinken said: “NATO's
 * door is open”`), is that speaker's: such a frame speaks for both. Not a reply's (`“A.” Berg
 * replied: “B.”`), nor a frame with a comma, which in dialogue often answers another voice.
 * So is a whole or partial one right before a quotation framed after itself, with two words of
 * the writer's at most between them and no paragraph but the one the next opens (`“You blamed
 * the workers” again.¶“It is gutless,” Roe said.`): the frame after is read as covering both.
 */
static void inherit_from_next(qfinder *f)
{
    const nlp_doc *d = f->d;
    for (size_t i = 0; i + 1 < f->n; i++) {
        quote *q = &f->items[i];
        const quote *nx = &f->items[i + 1];
        if (q->kind == QUOTE_INDIRECT || q->speaker >= 0 ||
            q->speaker_at.end > q->speaker_at.start || q->cue.end > q->cue.start)
            continue;
        if (nx->kind != QUOTE_DIRECT || nx->speaker < 0 || nx->cue.end <= nx->cue.start ||
            nx->at.start < q->at.end)
            continue;
        /* a reply is another speaker's (`“A.” Berg replied: “B.”`) */
        static const char *const replies[] = {"reply", "respond", "answer", "retort", "counter"};
        int reply = 0;
        for (size_t k = 0; nx->cue_lemma && k < sizeof replies / sizeof replies[0]; k++)
            reply |= !strcmp(nx->cue_lemma, replies[k]);
        if (reply) continue;
        size_t a = token_at(d, q->at.end), b = token_at(d, nx->at.start);
        /* `“You blamed the workers.” “It is gutless,” Roe said.`: a quotation framed after
         * itself, right after one nobody frames in its paragraph, speaks for both. */
        if (nx->cue.start >= nx->at.end && nx->speaker_at.start >= nx->at.end && b > a) {
            int ok = 1;
            size_t words = 0;
            for (size_t t = a + 1; ok && t <= b && t < d->n_tokens; t++) {
                if ((d->tokens[t].flags & TOK_PARA) && t + 1 < b) ok = 0;
                if (t < b && !f->in_quote[t]) words += (d->tokens[t].flags & TOK_WORD) != 0;
            }
            if (words > 2) ok = 0;
            if (ok) {
                q->speaker = nx->speaker;
                q->speaker_at = nx->speaker_at;
                continue;
            }
        }
        if (q->kind != QUOTE_DIRECT) continue;
        /* the next one's frame stands between the two */
        if (nx->speaker_at.start < q->at.end || nx->speaker_at.end > nx->at.start ||
            nx->cue.start < q->at.end || nx->cue.end > nx->at.start)
            continue;
        /* the frame introduces the next quotation with a colon: `Blinken said: “…”` */
        size_t colon = b;
        while (colon > a && (d->tokens[colon - 1].flags & TOK_QUOTE)) colon--;
        int ok = b > a && b - a <= 10 && colon > a && tok_char(d, colon - 1, ':');
        for (size_t t = a; ok && t < b && t < d->n_tokens; t++)
            if (d->tokens[t].flags & TOK_PARA) ok = 0;
        if (!ok) continue;
        q->speaker = nx->speaker;
        q->speaker_at = nx->speaker_at;
    }
}

const char *quotes_kind_name(quote_kind kind)
{
    switch (kind) {
    case QUOTE_DIRECT: return "direct";
    case QUOTE_PARTIAL: return "partial";
    case QUOTE_INDIRECT: return "indirect";
    }
    return "other";
}

static int by_start(const void *x, const void *y)
{
    const quote *a = x, *b = y;
    return a->at.start < b->at.start ? -1 : a->at.start > b->at.start;
}

dossier_status quotes_find(arena *a, const nlp_doc *doc, quote_list *out)
{
    out->items = NULL;
    out->n = 0;
    if (!doc->n_tokens) return DOSSIER_OK;
    qfinder f;
    memset(&f, 0, sizeof f);
    f.a = a;
    f.d = doc;
    f.lx = lexicon_get();
    if (!f.lx) return DOSSIER_ERR_NOMEM;
    f.in_quote = arena_calloc(a, doc->n_tokens, 1);
    f.used_cue = arena_calloc(a, doc->n_tokens, 1);
    f.cue_len = arena_alloc(a, doc->n_tokens);
    f.cue_of = arena_calloc(a, doc->n_tokens, sizeof *f.cue_of);
    if (!f.in_quote || !f.used_cue || !f.cue_len || !f.cue_of) return DOSSIER_ERR_NOMEM;
    memset(f.cue_len, 0xFF, doc->n_tokens);
    dossier_status rc = find_quotations(&f);
    if (rc != DOSSIER_OK) return rc;
    rc = find_transcript(&f);
    if (rc != DOSSIER_OK) return rc;
    rc = find_headlines(&f);
    if (rc != DOSSIER_OK) return rc;
    rc = find_reported(&f);
    if (rc != DOSSIER_OK) return rc;
    if (f.n) qsort(f.items, f.n, sizeof *f.items, by_start);
    inherit_from_reports(&f);
    inherit_from_next(&f);
    prefer_reporter(&f);
    out->items = f.items;
    out->n = f.n;
    return DOSSIER_OK;
}

