/*
 * nlp.h - the language layer over an article's clean text: tokens, sentences, and the entities
 * (people, organisations, places) its mentions resolve to, aliases, titles, role descriptions and
 * pronouns included. Every span is a byte range [start, end) in the article text.
 *
 * Memory: an nlp_doc and everything in it come from the caller's arena and go with it.
 */
#ifndef DOSSIER_NLP_H
#define DOSSIER_NLP_H

#include "core/core.h"

/* Token flags. */
enum {
    TOK_WORD = 1,      /* letters or digits (with inner ' - . as in "don't", "U.S.", "1.5") */
    TOK_PUNCT = 2,     /* one punctuation character (or "..." / "…") */
    TOK_QUOTE = 4,     /* a quotation mark of any style: " “ ” ‘ ’ « » „ ‹ › ' */
    TOK_CAP = 8,       /* a word starting with an upper-case letter */
    TOK_UPPER = 16,    /* a word in upper case only, at least two letters ("NATO") */
    TOK_NUM = 32,      /* a word starting with a digit */
    TOK_PARA = 64,     /* the first token of a paragraph */
    TOK_SENT = 128     /* the first token of a sentence */
};

/* One token of the text. */
typedef struct token {
    uint32_t start;  /* first byte in the text */
    uint32_t end;    /* one past the last byte */
    uint32_t flags;  /* TOK_* */
    uint32_t sent;   /* index of its sentence */
} token;

/* Entity kinds, as written in the JSONL contract. */
typedef enum ent_kind { ENT_PERSON = 1, ENT_ORG = 2, ENT_PLACE = 3 } ent_kind;

/* How a mention names its entity. */
typedef enum mention_how {
    MEN_NAME = 1,    /* the full name or a dictionary alias: "Antony Blinken", "NATO" */
    MEN_SHORT = 2,   /* a surname or a shortened name: "Blinken" */
    MEN_VARIANT = 3, /* a misspelt or transliterated variant: "Anthony Blinken" */
    MEN_TITLE = 4,   /* a title alone: "the secretary" */
    MEN_ROLE = 5,    /* a role description: "the top US diplomat" */
    MEN_PRONOUN = 6, /* he, she, his, her ... */
    MEN_METONYM = 7, /* a capital or seat for its government: "Moscow", "the Kremlin" */
    MEN_DEMONYM = 8  /* "Russian", "American" used for the country */
} mention_how;

/* One mention of an entity in the text. */
typedef struct mention {
    span at;          /* where it is in the text */
    uint32_t entity;  /* index into nlp_doc.entities */
    uint32_t sent;    /* index of its sentence */
    mention_how how;  /* how it names the entity */
} mention;

/* One entity of the article: what its mentions resolve to. */
typedef struct entity {
    const char *name;    /* canonical name: "Antony Blinken" */
    ent_kind kind;       /* person, organisation or place */
    const char *code;    /* CAMEO actor code ("USAGOV", "RUS", "NATO") or NULL */
    const char *title;   /* office title when known ("Secretary of State"), or NULL */
    const char *country; /* ISO-3 country it belongs to, or NULL */
    uint32_t n_mentions; /* how many mentions resolve to it */
    uint32_t first;      /* index of its first mention in nlp_doc.mentions */
} entity;

/* The language layer of one article. Arrays are in text order (mentions by start). */
typedef struct nlp_doc {
    const char *text;   /* the article text the spans point into (not owned) */
    size_t len;         /* its length */
    token *tokens;      /* tokens */
    size_t n_tokens;
    span *sentences;    /* sentences */
    size_t n_sentences;
    entity *entities;   /* entities, in order of first mention */
    size_t n_entities;
    mention *mentions;  /* mentions, by start offset */
    size_t n_mentions;
} nlp_doc;

/* The names the JSONL contract and the store use: "person"/"org"/"place" and "name",
 * "short", "variant", "title", "role", "pronoun", "metonym", "demonym". Static strings. */
const char *nlp_entity_kind_name(ent_kind kind);
const char *nlp_mention_how_name(mention_how how);

/*
 * Tokens and sentences of text[0..len) with paragraphs given as spans (NULL/0: the whole text is
 * one paragraph; sentences never cross a paragraph). Fills doc->tokens and doc->sentences.
 * Returns DOSSIER_OK, DOSSIER_ERR_NOMEM, or DOSSIER_ERR_TOO_LARGE for a text over 4 GiB.
 */
dossier_status nlp_split(arena *a, const char *text, size_t len, const span *paras,
                         size_t n_paras, nlp_doc *doc);

/*
 * Entities and mentions of a split document. `date` (YYYY-MM-DD or NULL) picks the office
 * holders a title or role refers to ("the secretary of state" in 2022 is Antony Blinken).
 * Fills doc->entities and doc->mentions. Returns DOSSIER_OK or DOSSIER_ERR_NOMEM.
 */
dossier_status nlp_entities(arena *a, nlp_doc *doc, const char *date);

#endif
