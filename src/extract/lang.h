/*
 * lang.h - cheap language identification for extracted text: the writing system decides most
 * languages outright (Cyrillic, Arabic, Han, ...), and stopword counts decide among Latin-script
 * ones. Meant as a fallback when a page does not declare its language, not as a classifier.
 */
#ifndef DOSSIER_EXTRACT_LANG_H
#define DOSSIER_EXTRACT_LANG_H

#include <stddef.h>

/* Writing systems as returned by lang_script_of. */
enum {
    LANG_SCRIPT_UNKNOWN = 0,
    LANG_SCRIPT_LATIN,
    LANG_SCRIPT_CYRILLIC,
    LANG_SCRIPT_GREEK,
    LANG_SCRIPT_ARABIC,
    LANG_SCRIPT_HEBREW,
    LANG_SCRIPT_CJK,
    LANG_SCRIPT_HANGUL,
    LANG_SCRIPT_DEVANAGARI,
    LANG_SCRIPT_THAI
};

/*
 * The ISO 639-1 code of the language of text[0, len) (UTF-8; only the first 8 KiB are read),
 * or NULL when the text is too short or too mixed to tell. The string is static.
 */
const char *lang_detect(const char *text, size_t len);

/* The writing system most letters of text[0, len) are in (LANG_SCRIPT_*; the first 8 KiB are
 * read); cheaper than lang_detect when only the script matters. */
int lang_text_script(const char *text, size_t len);

/*
 * A language tag as pages write it ("en-US", "de_DE", " FR ") to its ISO 639-1 code in out.
 * Returns 1 on success, 0 when the tag does not start with a two-letter primary subtag.
 */
int lang_normalize_tag(const char *tag, size_t n, char out[3]);

/* The usual writing system of an ISO 639-1 code (LANG_SCRIPT_UNKNOWN for codes it does not
 * know). */
int lang_script_of(const char *code);

#endif
