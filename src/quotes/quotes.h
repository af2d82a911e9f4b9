/*
 * quotes.h - who said what: direct quotations in every quote style, partial quotes inside the
 * writer's sentence and reported speech, each with its cue ("said", "told reporters",
 * "according to") and its speaker resolved to an entity of the nlp layer.
 *
 * Memory: quotes come from the caller's arena and go with it.
 */
#ifndef DOSSIER_QUOTES_H
#define DOSSIER_QUOTES_H

#include "nlp/nlp.h"

/* Quote kinds, as written in the JSONL contract. */
typedef enum quote_kind {
    QUOTE_DIRECT = 1,  /* a whole quotation: “NATO's door is open,” Blinken said */
    QUOTE_PARTIAL = 2, /* quoted words inside the writer's sentence: described it as “core ...” */
    QUOTE_INDIRECT = 3 /* reported speech: Blinken said that the door remained open */
} quote_kind;

/* One quotation or reported statement. */
typedef struct quote {
    span at;            /* the quoted or reported words (without the quote marks) */
    span content;       /* everything attributed: `at`, or for a partial quotation inside
                           reported speech the whole reported clause around it */
    quote_kind kind;    /* direct, partial or indirect */
    span cue;           /* the cue words ("said", "according to"); start == end when none */
    const char *cue_lemma; /* the cue's base form ("say"), or NULL */
    int speaker;        /* index into nlp_doc.entities, or -1 when no speaker was found */
    span speaker_at;    /* the words naming the speaker here (may be a pronoun); empty if none */
    uint32_t sent;      /* index of the sentence where the quote starts */
    span *segments;     /* a quotation in pieces (“A,” she said, “B.”): each piece's words,
                           `at` then running from the first to the last; NULL when whole */
    size_t n_segments;  /* how many pieces (0 when whole) */
    int in_content;     /* 1 when the pieces are quoted words inside `content`, a partial
                           quotation in several pieces (`was “open to talks” and would
                           “prefer a deal”`), not a quotation split around its frame */
} quote;

/* The quotes of one article, in text order. */
typedef struct quote_list {
    quote *items; /* the quotes */
    size_t n;     /* how many */
} quote_list;

/* "direct", "partial" or "indirect" (the JSONL contract's names). Static string. */
const char *quotes_kind_name(quote_kind kind);

/*
 * Finds the quotes of an article whose nlp layer is complete (nlp_split and nlp_entities done).
 * Returns DOSSIER_OK or DOSSIER_ERR_NOMEM.
 */
dossier_status quotes_find(arena *a, const nlp_doc *doc, quote_list *out);

#endif
