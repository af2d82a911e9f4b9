/*
 * cmp_wordkeys.h - the words the comparison parts of the stories stage compare by: a token folded
 * to lower case with its possessive and a plain English inflection cut ("talks" and "talk",
 * "agreed" and "agree" meet), function words left out, and sets of such words as sorted hashes
 * for overlap measures. Shared by timeline.c and contradictions.c.
 *
 * Memory: arrays come from the caller's arena.
 */
#ifndef DOSSIER_CMP_WORDKEYS_H
#define DOSSIER_CMP_WORDKEYS_H

#include "nlp/nlp.h"

/* Longest folded word kept; longer words are compared by their first CMP_WORD_MAX bytes. */
#define CMP_WORD_MAX 48

/*
 * Folds the word p[0..n) into out (CMP_WORD_MAX + 1 bytes, NUL-terminated): Unicode lower case,
 * ’ as ', a final 's dropped. With `stem` set, also a final -s/-es/-ed/-ing of a longer English
 * word. Returns the folded length.
 */
size_t cmp_fold_word(const char *p, size_t n, int stem, char *out);

/* Is the folded word a function word (articles, pronouns, auxiliaries, prepositions,
 * conjunctions in English and the commonest ones of ru/de/fr/es)? Negations are not. */
int cmp_is_stopword(const char *folded, size_t n);

/* The index of the first token of d that starts at or after byte `at`. */
size_t cmp_token_at(const nlp_doc *d, size_t at);

/*
 * The content words of d's text in `at` (word tokens, folded and stemmed, no function words,
 * no numbers, at least 3 bytes) as sorted unique 64-bit hashes in an arena array *out.
 * Returns their count; *out is NULL when 0 or out of memory.
 */
size_t cmp_content_hashes(arena *a, const nlp_doc *d, span at, uint64_t **out);

/* How many hashes two sorted unique arrays share. */
size_t cmp_shared(const uint64_t *x, size_t nx, const uint64_t *y, size_t ny);

#endif
