/*
 * text_internal.h - the pieces of the plain-text capture extractor: the capture cut into logical
 * lines (hard-wrapped lines joined), and each line's kind judged from the line alone. text.c
 * then reads the kinds in order to split articles apart and find their metadata.
 */
#ifndef DOSSIER_EXTRACT_TEXT_INTERNAL_H
#define DOSSIER_EXTRACT_TEXT_INTERNAL_H

#include "extract/extract.h"

/* What one line of a capture is, judged from the line alone. */
typedef enum tline_kind {
    TL_BLANK = 0, /* empty or spaces only */
    TL_PROSE,     /* a sentence or more: article text */
    TL_SHORT,     /* a short line without final punctuation: title, dek, subhead, name ... */
    TL_DATE,      /* the whole line is a date ("26 Jan, 2022 19:48", "09.Jan.2026") */
    TL_ICONS,     /* a run of icon names ("icon bookmark-bicon camera...") */
    TL_CHROME,    /* menu, social or share line, slug, "Advertisement", "5 min read" ... */
    TL_SECTION,   /* a section label with a separator ("Analysis | Europe") */
    TL_START,     /* "Top image credit: ..." - opens an article on sites that print it first */
    TL_CAPTION,   /* a photo caption or credit */
    TL_KEEP,      /* "keep reading", "Show less", "Continue reading" - closes a teaser */
    TL_FOOTER,    /* subscribe/newsletter/copyright footer, or a "Latest news" list heading */
    TL_BYLINE,    /* "By Jane Doe" */
    TL_BIO        /* "Jane Doe is a senior fellow at ..." (a bio, if it follows the text) */
} tline_kind;

/* One logical line. */
typedef struct tline {
    span src;        /* its bytes in the document, trimmed */
    slice text;      /* the same bytes (for wrapped lines: first to last physical line) */
    int words;       /* word count */
    int joined;      /* 1 when hard-wrapped physical lines were joined into this one */
    tline_kind kind; /* its kind */
    size_t name_len; /* TL_BIO / TL_BYLINE: length of the person name at name_off */
    size_t name_off; /* offset of that name in text */
} tline;

/*
 * Cuts text into logical lines (malloc'd array in *out, count in *n; the caller frees it) and
 * classifies each. Hard-wrapped paragraphs (a line that runs on into a next line starting in
 * lower case) become one logical line. Returns DOSSIER_OK or DOSSIER_ERR_NOMEM.
 */
dossier_status text_lines_read(const char *text, size_t len, tline **out, size_t *n);

/* The kind of one trimmed line (exposed for tests). Sets name_off/name_len for bios/bylines. */
tline_kind text_line_classify(slice s, int words, size_t *name_off, size_t *name_len);

/* Does s look like a person's name: 2-4 capitalised words, initials allowed ("Antony J.
 * Blinken"), nothing else? */
int text_is_person_name(slice s);

/* Number of space-separated words in s. */
int text_count_words(slice s);

#endif
