/*
 * extract.h - documents to articles. A document (an HTML page or a plain-text capture) yields
 * zero or more articles: the main one and any glued after it, each with its clean text split in
 * paragraphs, its metadata and where each paragraph came from in the document.
 *
 * Memory: every article and string comes from the caller's arena and goes with it.
 */
#ifndef DOSSIER_EXTRACT_H
#define DOSSIER_EXTRACT_H

#include "core/core.h"

/* One article found in a document. */
typedef struct article {
    int index;          /* which article of the document, 0.. in reading order */
    int teaser;         /* 1: a teaser (headline, a paragraph or two, "keep reading") */
    const char *url;    /* canonical or given URL, or NULL */
    const char *site;   /* outlet (site name or host), or NULL */
    const char *title;  /* headline, or NULL */
    const char *author; /* byline or bio name(s), ", "-separated, or NULL */
    const char *published; /* ISO 8601: YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]], or NULL */
    const char *modified;  /* ISO 8601 date of the latest change the page declares, or NULL */
    const char *lang;      /* ISO 639-1 code, or NULL when unknown */
    const char *text;      /* clean text, paragraphs joined by "\n\n", NUL-terminated */
    size_t text_len;       /* its length in bytes */
    span *paragraphs;      /* paragraph i is text[paragraphs[i].start, paragraphs[i].end) */
    span *sources;         /* paragraph i came from doc[sources[i].start, sources[i].end); for
                              HTML this is the byte range of the element in the page */
    size_t n_paragraphs;   /* count of both arrays */
} article;

/* A growable list of articles in an arena. */
typedef struct article_list {
    article *items; /* the articles */
    size_t n;       /* how many */
    size_t cap;     /* allocated slots */
} article_list;

/* Appends a zeroed article to the list and returns it (NULL when out of memory). */
article *article_list_push(arena *a, article_list *list);

/* What the caller knows of the document besides its bytes. All may be NULL. */
typedef struct extract_hints {
    const char *url;       /* the document's URL */
    const char *site;      /* the outlet */
    const char *published; /* a publication date from the record */
    const char *title;     /* a title from the record */
    int drop_teasers;      /* 1: do not return teasers */
} extract_hints;

/*
 * A plain-text capture (the text a browser shows, copied with its chrome) to articles: lines are
 * classified as article text or chrome (icon runs, menus, "keep reading", subscribe footers,
 * "Latest news" lists, photo credits, bios, repeated titles), glued articles are split apart,
 * and title, date and author are read where the text shows them. Appends to `out`.
 * Returns DOSSIER_OK (even when no article is found: out is then unchanged), or
 * DOSSIER_ERR_NOMEM.
 */
dossier_status extract_from_text(arena *a, const char *text, size_t len, const extract_hints *h,
                                 article_list *out);

/*
 * An HTML page to articles: the main content found with libxml2's parser, chrome dropped,
 * metadata from JSON-LD, meta tags and the page. Appends to `out`. Returns DOSSIER_OK (even when
 * nothing is found), DOSSIER_ERR_NOMEM, or DOSSIER_ERR_FORMAT when the page cannot be parsed.
 */
dossier_status extract_from_html(arena *a, const char *html, size_t len, const extract_hints *h,
                                 article_list *out);

/*
 * Text that is already clean (a corpus file, an article body) as one article, byte for byte:
 * the article's text is `text` itself (not copied: it must outlive the article) and paragraphs
 * are the runs of lines between blank lines. Appends nothing when the text is blank.
 * Returns DOSSIER_OK or DOSSIER_ERR_NOMEM.
 */
dossier_status extract_plain(arena *a, const char *text, size_t len, const extract_hints *h,
                             article_list *out);

/*
 * Dates as printed in pages ("26 Jan, 2022 19:48", "January 26, 2022", "2022-01-26T19:48:00Z",
 * "09.Jan.2026", "26/01/2022") to ISO 8601 in `out` (at least 26 bytes). Returns 1 if the whole
 * of s (trimmed) is one date, else 0.
 */
int extract_parse_date(const char *s, size_t n, char out[32]);

/* As extract_parse_date; with month_first, a slashed numeric date that could be either
 * ("3/4/2025") is month/day/year, as American English prints it. Dotted and dashed ones stay
 * day first. */
int extract_parse_date_order(const char *s, size_t n, char out[32], int month_first);

/* The host of a URL, lowercased and without "www.", in the arena; NULL when there is none. */
const char *extract_url_host(arena *a, const char *url);

/* The first date written in a URL's path (/2022/01/26/ or 2022-01-26) as YYYY-MM-DD in out.
 * Returns 1 if found. */
int extract_url_date(const char *url, char out[32]);

#endif
