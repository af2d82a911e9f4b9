/*
 * nlp_internal.h - what the files of src/nlp share beyond nlp.h: token flags used only while
 * splitting and resolving, and small helpers.
 */
#ifndef DOSSIER_NLP_INTERNAL_H
#define DOSSIER_NLP_INTERNAL_H

#include "nlp/nlp.h"

/* Token flags private to the nlp layer (above the public TOK_* bits). */
enum {
    TOK_EOL = 1u << 10,      /* a line break follows the token inside its paragraph */
    TOK_ABBR = 1u << 11,     /* an abbreviation with its period that never ends a sentence */
    TOK_ABBR_ANY = 1u << 12  /* an abbreviation that may end a sentence ("U.S.") */
};

/* A fixed set of words with O(1) lookups, built on first use (thread-safe). Lists must hold
 * fewer than WORDSET_SLOTS / 2 words. Define with WORDSET(list, fold). */
#define WORDSET_SLOTS 1024
typedef struct wordset {
    const char *const *words;           /* the NULL-terminated list */
    int fold;                           /* 1: ASCII case-insensitive */
    int built;                          /* the table is ready (atomic) */
    uint32_t len_mask;                  /* bit n: some word has n bytes (n < 32) */
    uint32_t first_mask;                /* bit c & 31: some word starts with byte c (folded) */
    const char *slots[WORDSET_SLOTS];   /* open addressing, NULL = empty */
} wordset;
#define WORDSET(list, fold) {(list), (fold), 0, 0, 0, {0}}

/* Is p[0..n) in the set? */
int wordset_has(wordset *ws, const char *p, size_t n);

/*
 * Makes room for one more item in an arena array of *cap items of size sz holding n: when full
 * it doubles (from 32) into a new arena block and copies. Returns 0, or -1 when out of memory.
 */
int nlp_grow(arena *a, void **arr, size_t *cap, size_t n, size_t sz);

/* Is cp a quotation mark of any style (" ' “ ” ‘ ’ « » „ ‚ ‹ › 「 」)? */
int nlp_is_quote_cp(uint32_t cp);

/* Does the line ending at token j (of a paragraph starting at token para_first) read like a
 * headline or list item, so that its line break ends the sentence? */
/* Is p[0..n) a function word or a capitalised word that is never a name alone ("The",
 * "However", "Monday")? ASCII case-insensitive. */
int nlp_is_function_word(const char *p, size_t n);

int nlp_line_is_headline(const char *text, const token *toks, size_t para_first, size_t j);

#endif
