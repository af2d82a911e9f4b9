/*
 * compare.h - one story's coverage compared across its outlets: quote groups (the same quotation
 * in each outlet, its variants and their word-level differences), the coverage matrix (the
 * story's claims, aligned sentence by sentence, against the outlets that carry them), each
 * outlet's framing (its distinctive words by log-odds with an informative Dirichlet prior),
 * candidate contradictions between attributed statements, and a dated timeline.
 *
 * The input is the story's articles, already annotated (sentences, entities, quotes). Every
 * item of the output points back into an article's text: article index and byte span.
 *
 * Memory: a comparison and everything in it come from the caller's arena and go with it; it
 * points into the input articles' texts, which must outlive it.
 */
#ifndef DOSSIER_COMPARE_H
#define DOSSIER_COMPARE_H

#include "core/core.h"
#include "extract/extract.h"
#include "nlp/nlp.h"
#include "quotes/quotes.h"

/* One article of a story, as the comparison reads it. */
typedef struct story_article {
    const article *art;       /* the article: text, title, published, site, lang */
    const char *uid;          /* its stable 16-hex id */
    const char *source;       /* the document's origin */
    const char *outlet;       /* outlet name (never NULL: the site, else the URL's host, else
                                 the source) */
    const nlp_doc *nlp;       /* its language layer (sentences, tokens, entities, mentions) */
    const quote_list *quotes; /* its quotes */
    int duplicate_of;         /* index of the article it is a near-duplicate of (a wire copy,
                                 a reprint), or -1: duplicates are shown, never counted twice */
} story_article;

/* A place in the story's sources: article index and byte span in that article's text. */
typedef struct cmp_ref {
    uint32_t article; /* index into the story's articles */
    span at;          /* byte range in that article's text */
} cmp_ref;

/* The reading order of two places: by article, then by start offset. -1, 0 or 1. */
static inline int cmp_ref_order(const cmp_ref *a, const cmp_ref *b)
{
    if (a->article != b->article) return a->article < b->article ? -1 : 1;
    return a->at.start < b->at.start ? -1 : a->at.start > b->at.start;
}

/* One step of a word-level diff of a variant against its group's reference wording. */
typedef enum cmp_diff_op {
    CMP_SAME = 0, /* words both have; `at` is in the variant */
    CMP_INS = 1,  /* words only the variant has; `at` is in the variant */
    CMP_DEL = 2   /* words only the reference has; `at` is in the reference */
} cmp_diff_op;

typedef struct cmp_diff {
    cmp_diff_op op; /* same, inserted or deleted */
    span at;        /* the words (a run of whole words), in the variant's or reference's text */
} cmp_diff;

/* One wording of a quotation and every place that carries exactly it (after normalising quote
 * marks, dashes, case and spacing). */
typedef struct cmp_variant {
    cmp_ref *refs;         /* where it appears: first is the text the diff spans point into */
    size_t n_refs;
    size_t n_outlets;      /* distinct outlets among refs */
    int changed;           /* 1: its words differ from the reference variant (not just marks) */
    int truncated;         /* 1: it is a part of the reference (shortened, or with "...") */
    cmp_diff *diff;        /* the variant against the reference; NULL for the reference itself */
    size_t n_diff;
    const span *pieces;    /* a quotation split around its frame: its pieces in refs[0]'s
                              article (the frame between them is no part of the wording) */
    size_t n_pieces;       /* 0 when refs[0] is one piece */
} cmp_variant;

/* The same quotation across the story's articles. */
typedef struct cmp_quote_group {
    const char *speaker;   /* the speaker's canonical name, or NULL when no article names one */
    cmp_variant *variants; /* variants; variants[reference] is the most carried (longest on a tie) */
    size_t n_variants;
    size_t reference;
    size_t n_outlets;      /* distinct outlets that ran the quotation in any variant */
    int changed;           /* 1: some variant's words differ from the reference */
} cmp_quote_group;

/* How a claim is covered across outlets. */
typedef enum cmp_coverage {
    CMP_ALL = 1,     /* every outlet of the story carries it */
    CMP_MOST = 2,    /* more than one but not all: omitted[] says who left it out */
    CMP_ONLY = 3     /* a single outlet carries it */
} cmp_coverage;

/* One row of the coverage matrix: a claim (sentence-level) and who carries it. */
typedef struct cmp_claim {
    cmp_ref *refs;         /* the aligned sentences, at most one per article */
    size_t n_refs;
    uint8_t *carried;      /* per outlet (index into comparison.outlets): 1 if carried */
    cmp_coverage coverage; /* all, most, only */
    double weight;         /* how central the claim is to the story (sum of its sentences'
                              similarity to the story), for ordering */
} cmp_claim;

/* One distinctive term of an outlet. */
typedef struct cmp_term {
    const char *term;  /* the word or phrase (1-3 words, 1-4 when loaded; lower case) */
    double z;          /* z-score of the log-odds ratio against the other outlets */
    uint32_t count;    /* occurrences in the outlet's articles */
    cmp_ref example;   /* one place it occurs */
} cmp_term;

/* One outlet's framing: its terms, most distinctive first. */
typedef struct cmp_framing {
    size_t outlet;     /* index into comparison.outlets */
    cmp_term *terms;
    size_t n_terms;
    cmp_term *loaded;  /* its loaded language: phrases of up to four words around an evaluative,
                          loaded or hedging word (data/loaded/) that no other outlet uses, however
                          rarely; z is 0 (log-odds says nothing of a phrase used once) */
    size_t n_loaded;
} cmp_framing;

/* A candidate contradiction: two attributed statements on the same subject that disagree. */
typedef struct cmp_contradiction {
    cmp_ref a, b;            /* the two statements (quote content spans) */
    const char *speaker_a;   /* their speakers (canonical names), or NULL */
    const char *speaker_b;
    const char *subject;     /* what both are about (an entity name or a shared term) */
    const char *why;         /* "negation", "antonym", "number" ...: the kind of disagreement */
    double score;            /* confidence, 0..1 */
} cmp_contradiction;

/* A dated happening of the timeline. */
typedef struct cmp_event {
    char date[11];         /* YYYY-MM-DD, or YYYY-MM / YYYY when less precise */
    const char *when;      /* the date words as written ("on Wednesday", "last month"), or NULL
                              when the date is the article's publication date */
    cmp_ref ref;           /* the sentence it comes from */
    cmp_ref when_at;       /* the date words' span (empty when `when` is NULL) */
    size_t n_sources;      /* how many articles report the same dated happening */
} cmp_event;

/* The comparison of one story. */
typedef struct comparison {
    const char **outlets;        /* distinct outlets, in order of first article */
    size_t n_outlets;
    uint32_t *article_outlet;    /* per article: its index into outlets */
    size_t n_articles;
    cmp_quote_group *quote_groups; /* groups carried by more than one article first */
    size_t n_quote_groups;
    cmp_claim *claims;           /* coverage matrix rows, by weight */
    size_t n_claims;
    cmp_framing *framing;        /* one per outlet with enough text (n_outlets >= 2) */
    size_t n_framing;
    cmp_contradiction *contradictions; /* by score */
    size_t n_contradictions;
    cmp_event *timeline;         /* by date, then by article order */
    size_t n_timeline;
} comparison;

/*
 * Compares the n articles of one story. Fills every part of *out (parts with nothing to say
 * are empty, e.g. framing with a single outlet). Returns DOSSIER_OK or DOSSIER_ERR_NOMEM.
 */
dossier_status compare_story(arena *a, const story_article *arts, size_t n, comparison *out);

#endif
