/*
 * lexicon.h - the dictionaries of data/ (countries, organisations, office titles, office holders,
 * role descriptions, reporting verbs, abbreviations), compiled into the library at build time and
 * turned into hash tables once, on first use, shared read-only by every thread.
 *
 * Ownership: everything returned points into the process-wide lexicon and lives until exit.
 */
#ifndef DOSSIER_NLP_LEXICON_H
#define DOSSIER_NLP_LEXICON_H

#include "core/core.h"

/* What an alias names. */
typedef enum lex_kind {
    LEX_PLACE = 1,   /* a country or place: "Russia", "Ukraine" */
    LEX_ORG = 2,     /* an organisation: "NATO", "the State Department", "the Kremlin" */
    LEX_PERSON = 3,  /* a known person: "Antony Blinken", "Blinken", "Tony Blinken" */
    LEX_DEMONYM = 4, /* an adjective or people of a country: "Russian", "Americans", "US" */
    LEX_TITLE = 5,   /* an office title: "Secretary of State", "Sen.", "foreign minister" */
    LEX_ROLE = 6     /* a role description: "top diplomat", "Russian leader" */
} lex_kind;

/* Flags of an alias. */
enum {
    LEX_METONYM = 1,  /* a place standing for a government: "Washington", "Moscow", "Kyiv" */
    LEX_SURNAME = 2,  /* a person's alias that is the bare surname ("Blinken") */
    LEX_EXACT = 4,    /* must match with the same letter case ("US", "NATO", "AU") */
    LEX_PRE_NAME = 8  /* a title written before a name ("Sen.", "Secretary of State") */
};

/* One dictionary entry reached through one of its aliases. */
typedef struct lex_entry {
    lex_kind kind;       /* what it names */
    int flags;           /* LEX_* flags of the alias that matched */
    const char *alias;   /* the alias as written in data/ */
    const char *name;    /* canonical name: "Antony Blinken", "Russia", "NATO", "Secretary of State" */
    const char *code;    /* CAMEO actor code: "USA", "USAGOV", "RUSMIL", "NATO", "IGOUNO"; or NULL */
    const char *country; /* ISO 3166-1 alpha-3 of the country it belongs to, or NULL */
    const char *office;  /* normalised office key ("foreign_minister", "head_of_state",
                            "senator", "spokesperson" ...) for people, titles and roles; or NULL */
    const char *from;    /* people: first day in that office, YYYY-MM-DD, or NULL */
    const char *to;      /* people: last day in that office, YYYY-MM-DD; NULL while in office */
} lex_entry;

/* A reporting verb or cue phrase: "said", "told reporters", "according to". */
typedef struct lex_cue {
    const char *form;  /* the inflected form as written in data/cues.tsv */
    const char *lemma; /* its base form: "say", "tell", "according to" */
    int kind;          /* LEX_CUE_SPEECH, LEX_CUE_THOUGHT or LEX_CUE_SOURCE */
} lex_cue;

enum { LEX_CUE_SPEECH = 1, LEX_CUE_THOUGHT = 2, LEX_CUE_SOURCE = 3 };

/* The lexicon; opaque. */
typedef struct lexicon lexicon;

/*
 * The process-wide lexicon, built on the first call (thread-safe, pthread_once). Returns NULL
 * only when out of memory or when the embedded data are malformed (a bug caught by the tests).
 */
const lexicon *lexicon_get(void);

/*
 * Every entry with an alias equal to s[0..n). Matching ignores ASCII and Unicode letter case
 * (utf8proc case folding) and treats ’ as ' and the dotted and undotted forms of "U.S."-style
 * abbreviations as different strings; entries flagged LEX_EXACT match only with the same case.
 * Writes up to `max` pointers to out and returns how many entries there are in all.
 */
size_t lexicon_lookup(const lexicon *lx, const char *s, size_t n, const lex_entry **out,
                      size_t max);

/*
 * What the phrase s[0..n) (words joined by single spaces) is to the alias table, ignoring case
 * as lexicon_lookup does: LEX_PHRASE_ALIAS when it is an alias, LEX_PHRASE_PREFIX when some
 * longer alias starts with it and a space ("secretary of"); both, or 0. Lets a caller read a
 * phrase word by word and stop as soon as nothing can match.
 */
int lexicon_phrase(const lexicon *lx, const char *s, size_t n);

enum { LEX_PHRASE_ALIAS = 1, LEX_PHRASE_PREFIX = 2 };

/* 0 when no alias starts with the word s[0..n) (case-insensitively); 1 when one may (a Bloom
 * filter: a rare 1 is false; words with non-ASCII bytes always give 1). Spares the folding and
 * the lookups for most words of a text. */
int lexicon_may_start(const lexicon *lx, const char *s, size_t n);

/* The longest alias in words (space-separated), so callers know how far to try phrases. */
int lexicon_max_words(const lexicon *lx);

/* The cue whose form equals s[0..n), case-insensitively; NULL when none. Multi-word forms
 * ("told reporters", "according to") are looked up the same way, words joined by one space. */
const lex_cue *lexicon_cue(const lexicon *lx, const char *s, size_t n);

/* The cue that two words w1 w2 make together (*words = 2), else the cue w1 is alone (*words =
 * 1); NULL and 0 when neither (w2 may be NULL). Folds w1 once: the pair is tried only when
 * some multi-word form starts with w1. */
const lex_cue *lexicon_cue_words(const lexicon *lx, const char *w1, size_t n1, const char *w2,
                                 size_t n2, int *words);

/* How many cue forms the lexicon holds (for tests: the issue asks for at least 200). */
size_t lexicon_cue_count(const lexicon *lx);

/*
 * Is s[0..n) (with its final '.') an abbreviation? Returns 0 if not, LEX_ABBR_INNER when it
 * never ends a sentence ("Mr.", "Sen.", "Jan."), LEX_ABBR_ANY when it may ("U.S.", "Inc.").
 */
int lexicon_abbrev(const lexicon *lx, const char *s, size_t n);

/* The gender of the given name s[0..n) from first_names.tsv, letter case aside: 'm', 'f', or 0
 * when the name is not listed (unknown, or borne by men and women alike). */
int lexicon_first_name_gender(const lexicon *lx, const char *s, size_t n);

enum { LEX_ABBR_INNER = 1, LEX_ABBR_ANY = 2 };

/*
 * Holders of an office: the people entries with this office key in this country (ISO-3, or an
 * organisation code such as "NATO") whose term covers `date` (YYYY-MM-DD; NULL: any term).
 * Writes up to `max` pointers and returns how many there are.
 */
size_t lexicon_office_holders(const lexicon *lx, const char *office, const char *country,
                              const char *date, const lex_entry **out, size_t max);

/* ---- additions: the data sources, building from them, and the test hooks ---- */

/* One data file: its base name in data/ ("people.tsv") and its bytes. */
typedef struct lex_source {
    const char *name; /* base name; decides how the text is parsed */
    const char *text; /* the file's bytes (NUL-terminated when embedded) */
    size_t len;       /* byte count, without the NUL */
} lex_source;

/* The data files compiled into the library (generated from data/ by tools/embed_data.c). */
extern const lex_source lexicon_embedded[];
extern const size_t lexicon_embedded_count;

/*
 * Builds a lexicon from `n` sources (unknown names are an error). Returns NULL when out of
 * memory or on the first malformed line, with "people.tsv:12: reason" in err. The caller frees
 * the result with lexicon_free. lexicon_get builds the embedded sources this way.
 */
lexicon *lexicon_build(const lex_source *src, size_t n, errbuf *err);
void lexicon_free(lexicon *lx);

/* Why lexicon_get returned NULL ("file:line: reason"), or NULL when it did not. */
const char *lexicon_error(void);

/* How many data lines (not comments, not blank) each kind of source contributed: for tests. */
size_t lexicon_line_count(const lexicon *lx, const char *source_name);

/* The longest cue form in words ("told reporters" is 2), so callers know how far to try. */
int lexicon_cue_max_words(const lexicon *lx);

#endif
