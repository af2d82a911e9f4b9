/*
 * cmp_text.h - the words of a story's articles as the comparison parts read them: each word
 * token lower-cased and normalised (Unicode case folding and compatibility forms with utf8proc,
 * curly apostrophes as '), hashed for fast equality, with its sentence; and a small hash map
 * from 64-bit keys to counts; and whether two speaker names are one person's. Shared by the
 * comparison parts (quote_groups.c, coverage.c, framing.c, contradictions.c) only.
 *
 * Memory: everything comes from the arena passed in and goes with it.
 */
#ifndef DOSSIER_CMP_TEXT_H
#define DOSSIER_CMP_TEXT_H

#include "stories/compare.h"

/* One word of an article. */
typedef struct cmp_word {
    span at;          /* the word in the article text */
    const char *norm; /* its normalised form, NUL-terminated */
    uint32_t norm_len; /* its length in bytes */
    uint32_t sent;    /* index of its sentence */
    uint32_t tok;     /* index of its token in nlp_doc.tokens */
    uint32_t cap;     /* 1: written with a capital not at the start of its sentence */
    uint64_t h;       /* hash of norm */
} cmp_word;

/* The words of one article, in text order. */
typedef struct cmp_words {
    cmp_word *w;    /* the words */
    size_t n;       /* how many */
    size_t *first;  /* per sentence: index of its first word (n_sentences + 1 entries) */
    size_t n_sent;  /* sentences */
} cmp_words;

/*
 * The words of an article's language layer (tokens flagged TOK_WORD). An article without a
 * layer (doc NULL) has no words. Returns DOSSIER_OK or DOSSIER_ERR_NOMEM.
 */
dossier_status cmp_words_of(arena *a, const nlp_doc *doc, cmp_words *out);

/* Index of the first word starting at or after byte `at` (w->n when none). */
size_t cmp_words_from(const cmp_words *w, size_t at);

/* A map from non-zero 64-bit keys to 32-bit values, open addressing; grows in the arena. */
typedef struct cmp_map {
    uint64_t *keys;  /* 0 = empty slot */
    uint32_t *vals;  /* values */
    size_t cap;      /* slots (a power of two) */
    size_t n;        /* keys in use */
} cmp_map;

/* An empty map with room for about `hint` keys. Returns DOSSIER_OK or DOSSIER_ERR_NOMEM. */
dossier_status cmp_map_init(arena *a, cmp_map *m, size_t hint);
/* The slot value of key k, inserting it with value `fresh` when absent; NULL when out of memory.
 * *added (may be NULL) is set to 1 when the key was new. The pointer is valid until the next
 * insertion. Key 0 is stored as 1. */
uint32_t *cmp_map_put(arena *a, cmp_map *m, uint64_t k, uint32_t fresh, int *added);
/* The value of key k, or NULL when absent. */
uint32_t *cmp_map_get(const cmp_map *m, uint64_t k);

/*
 * Do two speaker names (each article's canonical name for its speaker) name one person as
 * outlets spell them? Equal; or the same surname (last word) up to case, doubled letters and
 * one edit in a surname of five letters or more ("Jansen" / "Janssen"), with given names that
 * agree (one side has none, an initial, or the same name up to one edit: "Niels" / "Nils",
 * "Sergei" / "Sergey"; "Jake" / "John" do not). NULL names no one.
 */
int cmp_same_person(const char *x, const char *y);

#endif
