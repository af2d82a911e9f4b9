/*
 * cluster.h - articles into stories across outlets and languages: per-article features (content
 * words stemmed per language, names keyed so that a transliterated name matches across scripts,
 * numbers, dates), MinHash near-duplicate detection over word 5-gram shingles, and incremental
 * clustering against story centroids with a time gate, candidates found through an inverted
 * index over each story's top features.
 *
 * Memory: a feature context and a clusterer own everything they make; results stay valid until
 * the clusterer is freed. Nothing here is thread-safe (the stemmers keep state): one thread each.
 */
#ifndef DOSSIER_CLUSTER_H
#define DOSSIER_CLUSTER_H

#include "core/core.h"
#include "nlp/lexicon.h"

/* ---- features (features.c) ---- */

/* Feature kinds; a feature's key starts with its kind's letter. */
typedef enum feat_kind {
    FEAT_WORD = 'w',    /* a content word, lower-cased, stemmed for the article's language */
    FEAT_NAME = 'n',    /* one word of a name, as a script-independent key (feat_name_key) */
    FEAT_RUN = 'N',     /* a whole name of two or three words, keys joined by '_' */
    FEAT_NUM = '#',     /* a number of two or more digits, separators dropped ("6,000" -> 6000) */
    FEAT_DATE = 'd',    /* a day of a month written in words ("14 October" -> d10-14) */
    FEAT_WEEKDAY = 'W', /* a weekday named in the lead, "1" (Monday) to "7": the day of the
                           happening when nothing else dates it */
    FEAT_QUOTE = 'q'    /* five words in a row inside quotation marks, as their hash (in
                           feat_item.hash): outlets that run the same quotation share these */
} feat_kind;

/* One occurrence of a feature (an article's features may repeat: counts add). */
typedef struct feat_item {
    const char *key;     /* kind letter + key text, NUL-terminated */
    const char *surface; /* the words as written (for labels), NUL-terminated */
    float count;         /* weight of this occurrence (2 in the title, 1 in the text) */
    uint64_t hash;       /* FEAT_QUOTE: the shingle's hash (its key is then "q" alone) */
} feat_item;

/* A growable list of feature occurrences; strings live in the arena given to feat_extract. */
typedef struct feat_list {
    feat_item *v; /* items (malloc'd; feat_list_release frees) */
    size_t n;     /* items in use */
    size_t cap;   /* items allocated */
} feat_list;

void feat_list_release(feat_list *l);

/* What feat_extract reads of one article. */
typedef struct feat_input {
    const char *title;   /* title, or NULL */
    size_t title_len;
    const char *text;    /* clean text */
    size_t text_len;
    const char *lang;    /* ISO 639-1 code ("en", "ru"), or NULL: guessed from the script */
    const char *const *entities; /* canonical names of the nlp layer's entities (may be NULL) */
    size_t n_entities;
} feat_input;

/* Stopword lists (data/stopwords/<lang>.txt, compiled in) and one stemmer per language. */
typedef struct feat_ctx feat_ctx;

/* Makes a context. Returns NULL when out of memory. Free with feat_ctx_free. */
feat_ctx *feat_ctx_new(void);
void feat_ctx_free(feat_ctx *fx);

/* Calls fn for every word of a word-list file (words separated by white space, '#' starts a
 * comment to the end of the line) until fn returns non-zero, which it returns; else 0. */
int feat_each_word(const lex_source *src, int (*fn)(void *user, const lex_source *src,
                                                   const char *w, size_t n),
                   void *user);

/* 1 when the lower-cased word w[0..n) is a stopword of `lang` (two-letter code). */
int feat_is_stopword(const feat_ctx *fx, const char *lang, const char *w, size_t n);

/*
 * Appends the features of one article to out (title words count 2, text words 1; entity names
 * 1 each; quotation shingles 1). Strings are allocated in `a`. Returns DOSSIER_OK or DOSSIER_ERR_NOMEM.
 */
dossier_status feat_extract(feat_ctx *fx, arena *a, const feat_input *in, feat_list *out);

/*
 * The script-independent key of one name word w[0..n) (UTF-8): lower-cased, diacritics dropped,
 * Cyrillic and Greek transliterated to Latin, a Russian/Ukrainian case ending dropped, then
 * spelling variants folded (y/j -> i, w -> v, z -> s, c -> k, kh -> h, doubled letters once,
 * trailing vowels dropped), so Блинкена, Blinken; Зеленский, Zelensky, Zelenskyy; Лавров,
 * Lavrov give one key each. Writes a NUL-terminated ASCII key into out[cap] and returns its
 * length, 0 when nothing is left of the word (or it does not fit).
 */
size_t feat_name_key(const char *w, size_t n, char *out, size_t cap);

/* ---- near-duplicates (minhash.c) ---- */

#define MH_HASHES 64  /* MinHash functions per signature */
#define MH_BANDS 8    /* LSH bands of MH_HASHES / MH_BANDS rows: candidates from Jaccard ~0.75 */
#define MH_SHINGLE 5  /* words per shingle */

/* A MinHash signature over an article's word 5-gram shingles. */
typedef struct mh_sig {
    uint64_t h[MH_HASHES]; /* per hash function, the least value over the shingles */
    uint32_t n_shingles;   /* shingles hashed (0: text shorter than one shingle) */
} mh_sig;

/* The signature of text[0..len): words are runs of letters and digits, lower-cased. */
void mh_signature(const char *text, size_t len, mh_sig *out);

/* The estimated Jaccard similarity of two signatures' shingle sets (0 if either is empty). */
double mh_jaccard(const mh_sig *a, const mh_sig *b);

/* The LSH key of band b (0 <= b < MH_BANDS): equal keys make a candidate pair. */
uint64_t mh_band_key(const mh_sig *s, int b);

/* ---- happenings that date an undated article (happen.c) ---- */

#define HAPPEN_NAMES 6 /* names kept per happening */

/*
 * One happening a sentence names: its kind (a meeting, a call, a visit, a signing, a vote: the
 * words of data/happenings/), the article's entities named in the sentence, and its day. In an
 * article with a publication date it is the day the sentence's date words give ("met Lavrov last
 * week"); in an undated one (found in the lead only) it is the offset of "today" (0) or
 * "yesterday" (-1) from the unknown publication day, and another article's dated report of the
 * same happening dates the article.
 */
typedef struct happen {
    uint32_t names[HAPPEN_NAMES]; /* hashes of the entities' last-word keys, ascending, unique */
    uint8_t n_names;              /* 2..HAPPEN_NAMES */
    uint8_t kind;                 /* 1 + the kind's line order in data/happenings/ */
    uint8_t lead;                 /* 1: an undated lead's happening (day is an offset) */
    int32_t day;                  /* days since 1970-01-01, or the offset when lead */
} happen;

/* The kind words (data/happenings/, compiled in). NULL when out of memory; happen_lex_free. */
typedef struct happen_lex happen_lex;
happen_lex *happen_lex_new(void);
void happen_lex_free(happen_lex *hx);

/*
 * The happenings of one article's text[0..len) whose sentences name a kind and at least two of
 * its entities (canonical names; a name counts by its last word, through feat_name_key): with a
 * publication date, every sentence whose nearest date words give a day or a week; without one,
 * the first two sentences, when "today"/"yesterday" (in any language nlp/when.c reads) dates
 * them. Writes up to max to out and returns how many it wrote.
 */
size_t happen_find(const happen_lex *hx, const char *text, size_t len, const char *lang,
                   const char *published, const char *const *entities, size_t n_entities,
                   happen *out, size_t max);

/* ---- clustering (cluster.c) ---- */

/* Tuning; cl_params_default fills the defaults the benchmarks were tuned with. */
typedef struct cl_params {
    double threshold;       /* least similarity to join a story (cosine of tf-idf vectors) */
    double cross_lang;      /* factor on the names/numbers/dates cosine across languages */
    double dup_jaccard;     /* least estimated Jaccard for a near-duplicate */
    int gate_days;          /* days apart within which time does not count */
    double decay_days;      /* beyond gate_days, similarity falls by e per decay_days */
    int use_dates;          /* 0: ignore publication dates (text only) */
    int second_pass;        /* 1: re-assign this run's articles once all are placed */
    double merge_threshold; /* least centroid similarity to merge two stories (0: no merging) */
    double year_near;       /* without publication dates: factor when the years the texts name
                               most are one apart */
    double year_far;        /* ... two or more apart */
    double weekday_apart;   /* without publication dates: factor when the article's lead names a
                               weekday and none that the story's leads name */
    double quote_bonus;     /* added to the similarity when the article shares a quotation (at
                               least eight five-word shingles) with the story; less for less */
} cl_params;

void cl_params_default(cl_params *p);

/* One article given to the clusterer. Strings are read during cl_add only. */
typedef struct cl_article {
    int64_t id;              /* the caller's id (the articles row) */
    feat_input in;           /* title, text, language, entity names */
    const char *published;   /* ISO 8601 date or date-time, or NULL */
    int64_t story;           /* the caller's id of the story it is already in, or 0 */
    int duplicate;           /* 1 when it is already in that story as a duplicate */
} cl_article;

/* Roles of an article in its story. */
typedef enum cl_role { CL_MEMBER = 1, CL_DUPLICATE = 2 } cl_role;

/* Where an article went (valid after cl_run). */
typedef struct cl_result {
    int64_t id;        /* the article's id */
    size_t story;      /* index into the clusterer's stories */
    cl_role role;      /* member or duplicate */
    int64_t duplicate_of; /* for a duplicate: the id of the article it copies, else 0 */
    double score;      /* its similarity to the story when it joined (1 for a story's first) */
    int is_new;        /* 1: it had no story before this run */
} cl_result;

/* One story after cl_run. */
typedef struct cl_story {
    int64_t id;         /* the caller's id for a story it gave, 0 for a story made by this run */
    char *label;        /* its top three names and terms, ", "-joined */
    char first[11];     /* earliest publication date YYYY-MM-DD of its members, or "" */
    char last[11];      /* latest, or "" */
    size_t n_articles;  /* members and duplicates */
    int changed;        /* 1: it got an article in this run */
} cl_story;

typedef struct clusterer clusterer;

/* Makes a clusterer (p NULL: defaults). Returns NULL when out of memory. */
clusterer *cl_new(const cl_params *p);
void cl_free(clusterer *c);

/* Adds one article: extracts its features and signature and counts its document frequencies.
 * Returns DOSSIER_OK or DOSSIER_ERR_NOMEM. */
dossier_status cl_add(clusterer *c, const cl_article *art);

/*
 * The features cl_add just computed for the last article added, packed for storage (appended
 * to out): with cl_add_packed a later run takes them back without reading the text again.
 * Call it after cl_add and before cl_run. Returns DOSSIER_OK, DOSSIER_ERR_NOMEM (or the dbuf's
 * cap) or DOSSIER_ERR_USAGE when no article was added or cl_run has run.
 */
dossier_status cl_pack(clusterer *c, dbuf *out);

/*
 * Adds one article from features cl_pack made (in->in is not read: no text, no entities).
 * Returns DOSSIER_OK, DOSSIER_ERR_NOMEM, or DOSSIER_ERR_FORMAT when blob[0..len) is not a
 * packed form this version reads (the caller then adds the article with cl_add).
 */
dossier_status cl_add_packed(clusterer *c, const cl_article *in, const void *blob, size_t len);

/*
 * Places every article that has no story: first the given stories are rebuilt from their
 * members, then the others join, earliest publication first (undated ones last, in the order
 * given): a near-duplicate joins its original's story; any other article joins the most
 * similar story above the threshold (the time gate applied) or starts a new one. Returns
 * DOSSIER_OK or DOSSIER_ERR_NOMEM.
 */
dossier_status cl_run(clusterer *c);

/* Results, one per article in the order added, and the stories (valid until cl_free). */
const cl_result *cl_results(const clusterer *c, size_t *n);
const cl_story *cl_stories(const clusterer *c, size_t *n);

#endif
