/*
 * html_internal.h - what the three parts of the HTML extractor share: html_content.c walks the
 * DOM once into text blocks and scores the containers that hold them, html_meta.c reads the
 * page's metadata, html.c ties them together into articles. Not an interface for other stages.
 *
 * Memory: the page state owns its vectors (malloc) until html_page_release; strings that end
 * up in articles are copied into the caller's arena.
 */
#ifndef DOSSIER_EXTRACT_HTML_INTERNAL_H
#define DOSSIER_EXTRACT_HTML_INTERNAL_H

#include "extract/extract.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* No slot / no block. */
#define HTML_NONE UINT32_MAX

/* Elements deeper than this are not walked: real pages stay far below it, and it bounds the
 * work a pathological page can ask for. */
#define HTML_MAX_DEPTH 256

/* Kinds of text blocks. */
enum {
    HB_P = 0,   /* <p>, <dd>, <dt>, <address>: a paragraph */
    HB_RUN,     /* text and inline elements directly inside a container (div, td, ...) */
    HB_CELL,    /* a run inside a table cell: kept only when it reads like prose */
    HB_QUOTE,   /* <blockquote> with inline content only */
    HB_PRE,     /* <pre>: whitespace kept */
    HB_LI,      /* <li> with inline content only */
    HB_HEADING, /* <h1>-<h6>; level in html_block.level */
    HB_ROW,     /* a <tr> of a data table, its cells' texts side by side */
};

/* One block of text: a paragraph-like element or a run of inline content in a container. */
typedef struct html_block {
    xmlNode *node;       /* the element (p, li, h2 ...) or the container of a run */
    xmlNode *first;      /* first child node of the block's content */
    xmlNode *stop;       /* the child where its content stops (NULL: to the end) */
    uint32_t info;       /* slot of the element's html_info (the container's for runs) */
    uint32_t text_off;   /* its collapsed text in html_page.text */
    uint32_t text_len;   /* its byte length */
    uint32_t chars;      /* code points of text */
    uint32_t link_chars; /* code points inside <a href> */
    uint16_t commas;     /* commas of any script */
    uint8_t kind;        /* HB_* */
    uint8_t level;       /* heading level 1-6, else 0 */
} html_block;

/* One walked element: its place in the tree order, its blocks and its content score. */
typedef struct html_info {
    xmlNode *node;     /* the element */
    uint32_t parent;   /* slot of the nearest walked ancestor, HTML_NONE for the root */
    uint32_t end_slot; /* slots [this, end_slot) are this element and its descendants */
    uint32_t b_start;  /* blocks [b_start, b_end) lie inside the element */
    uint32_t b_end;
    float score;    /* content score (readability-style), valid when scored */
    uint8_t scored; /* 1 once a block has added to score */
    uint8_t leaf;   /* 1 for a block element (p, li, h2 ...) */
    uint8_t runs;   /* 1: has text of its own, so its inline children form runs */
} html_info;

/* Metadata read from the page. Strings are in the arena, or NULL. */
typedef struct html_meta {
    const char *ld_title, *ld_published, *ld_modified, *ld_author, *ld_publisher, *ld_body,
        *ld_lang, *ld_url;
    const char *og_title, *og_site, *og_url, *og_published, *og_author, *og_locale;
    const char *meta_author, *meta_date, *meta_lang, *app_name;
    const char *og_modified;    /* article:modified_time, og:updated_time */
    const char *ld_any_date;    /* datePublished of a JSON-LD object that is no article */
    const char *meta_date_loose; /* a <meta> whose name speaks of publishing or ends in "date" */
    const char *script_date;    /* a "...publish...": "date" pair in an inline script (ISO) */
    const char *canonical;
    const char *html_lang;
    const char *title_tag;    /* <title>, whitespace collapsed */
    const char *h1;           /* first <h1> of the page */
    unsigned n_h1;            /* how many <h1> the page has */
    const char *ip_headline;  /* itemprop=headline */
    const char *ip_published; /* itemprop=datePublished */
    const char *ip_modified;  /* itemprop=dateModified */
    const char *ip_author;    /* itemprop=author */
    const char *rel_author;   /* first rel=author link text */
    const char *byline;       /* first byline/author element, cleaned */
    xmlNode *ld_script;       /* the JSON-LD script that gave ld_body */
} html_meta;

/* The state of one page's extraction. */
typedef struct html_page {
    arena *a;         /* the caller's arena: output strings */
    const char *src;  /* the HTML bytes */
    size_t len;       /* their count */
    xmlDoc *doc;      /* the parsed page */
    int drop_classes; /* 1: drop elements by class/id/role patterns (0 in the relaxed pass) */
    int keep_hidden;  /* 1: walk hidden elements too (the last fallback pass) */
    int relaxed_strong; /* with drop_classes 0: still drop strong chrome names and comments */
    uint32_t n_lede;    /* how many blocks html_select put first as the standfirst */
    html_info *infos; /* walked elements in tree order */
    uint32_t n_infos, cap_infos;
    html_block *blocks; /* text blocks in document order */
    uint32_t n_blocks, cap_blocks;
    uint64_t *pre_chars; /* prefix sums over blocks: chars, then link chars */
    uint64_t *pre_links;
    uint64_t *pre_prose; /* ... and chars of prose blocks (long, few links) */
    dbuf text; /* the blocks' collapsed texts, back to back */
    const xmlNode *memo_table; /* the table last judged by the walk, and whether it holds data */
    int memo_data;
} html_page;

/* ---- html_content.c ---- */

/* Walks the body once into pg->infos and pg->blocks and scores the containers. Resets any
 * earlier walk. DOSSIER_OK or DOSSIER_ERR_NOMEM / DOSSIER_ERR_TOO_LARGE. */
dossier_status html_walk(html_page *pg);

/* Frees the walk's vectors and text. */
void html_page_release(html_page *pg);

/* The blocks chosen as the main content below slot `root` (HTML_NONE: the whole page), in
 * document order, into out (room for 2 * pg->n_blocks). `title` (may be NULL) drops a heading
 * repeating it. Returns how many. */
uint32_t html_select(html_page *pg, uint32_t root, const char *title, uint32_t *out);

/* Readability's score of a scored slot: its content score times one minus its link
 * density. */
double html_final_score(const html_page *pg, uint32_t s);

/* Link chars / chars over blocks [b0, b1). */
double html_link_density(const html_page *pg, uint32_t b0, uint32_t b1);

/* Characters over blocks [b0, b1). */
uint64_t html_chars(const html_page *pg, uint32_t b0, uint32_t b1);

/* The collapsed text of an element's subtree (all of it, chrome included) appended to out,
 * whitespace collapsed and trimmed. */
dossier_status html_node_text(const xmlNode *node, dbuf *out);

/* The value of attribute `name` (lowercase, as libxml2 stores HTML attribute names) of element
 * n, without copying, or NULL. */
const char *html_attr(const xmlNode *n, const char *name);

/* Does the space-separated list (class/rel) hold a word equal to / starting with w? */
int html_has_word(const char *list, const char *w, int prefix);

/* Does the element's class or id name reader comments ("comment-meta", "comments", "disqus";
 * not "commentary"), by the content scorer's own word rules? */
int html_names_comments(const xmlNode *n);

/* ---- html_meta.c ---- */

/* Reads the metadata of the whole page into m (zeroed first). DOSSIER_OK or NOMEM. */
dossier_status html_meta_collect(html_page *pg, html_meta *m);

/* First <time datetime> (or itemprop=datePublished) below node, normalised into out[32]; 1 if
 * found. */
int html_find_date(const xmlNode *node, char out[32]);

/* First date printed as the whole text of a <time> or of a short element whose class or id
 * names a date ("post-date", "published", "timestamp") below node, normalised into out[32];
 * 1 if found. */
int html_find_text_date(const xmlNode *node, char out[32], int mdy);

/* First text node below scope, before stop (may be NULL: to the end), that is a date by itself
 * or after a separator ("Jane Doe - Mar 27, 2024", "News | 12.12.2025"), normalised into
 * out[32]; 1 if found. The printed dateline of pages that mark it in no way. */
int html_find_loose_date(const xmlNode *scope, const xmlNode *stop, char out[32], int mdy);

/* The nearest text at or above first (walking back in document order, through any enclosing
 * element) that is a date by itself or beside a separator, a byline or a label ("Published on
 * July 18, 2025", "Posted on 4 May 2021 by Jane Doe"), looking no further than a few texts
 * past the headline <h1>; normalised into out[32], 1 if found. For datelines printed outside
 * the <article>/<main> that holds the text. */
int html_find_date_above(const xmlNode *first, char out[32], int mdy);

/* The first date printed in the few texts after last (the text's last block) beside a byline
 * or a publication label ("Written by Jane Doe" then "April 8, 2024", "(Re)Published: May 25,
 * 2025"), not one labelled an update, and not past a heading or a list; normalised into
 * out[32], 1 if found. For pages that print their byline under the text. */
int html_find_date_below(const xmlNode *last, char out[32], int mdy);

/* s with character references left in it (titles escaped twice: "Q&amp;A", "&#8211;")
 * decoded, whitespace collapsed, in the arena; s itself when it holds no '&' or '  '; NULL
 * for NULL. */
const char *html_unescape(arena *a, const char *s);

/* First h1 (else h2) text below node into the arena, or NULL. */
const char *html_find_heading(html_page *pg, const xmlNode *node);

/* First byline / author element text below node, cleaned, into the arena, or NULL. */
const char *html_find_byline(html_page *pg, const xmlNode *node);

/* A byline as printed ("By Jane Doe and John Roe | Reuters") to names ("Jane Doe, John Roe")
 * in the arena, or NULL when it does not look like names. */
const char *html_clean_byline(arena *a, const char *s, size_t n);

/* ---- html_alloc.c: the arena under one page's libxml2 tree ---- */

/* Puts dossier's hooks under libxml2's allocator (once per process, before any parse; they
 * hand everything that is not the arena's to the allocator that was there before). */
void html_alloc_install(void);
/* From here until html_alloc_end, libxml2 allocations made on the calling thread go to the
 * thread's arena. 0 when the arena cannot be used (the hooks are not installed, or the program
 * set another allocator since): then the tree must be freed with xmlFreeDoc as usual. */
int html_alloc_begin(void);
void html_alloc_end(void);
/* Drops every block in the calling thread's arena, the tree among them: nothing from it may be
 * used after, and xmlFreeDoc is not needed (it may still be called before, its frees of arena
 * blocks do nothing). */
void html_alloc_drop(void);

/* ---- html_rawtext.c: script and style bodies nothing reads, skipped in the parse ---- */

/* Checks once per process that this libxml2 allows the skip (before any page is parsed). */
void html_rawtext_init(void);
/* Sets the SAX callback that does the skip into a parser context's handler (libxml2's own
 * callback when the skip is off). */
void html_rawtext_sax(xmlSAXHandler *sax);

/* Which skips passed their start-up probe: 1 script and style bodies, 2 inline <svg> bodies (0
 * on a libxml2 outside 2.9-2.11, or before the first page). For tests. */
int html_rawtext_active(void);

#endif
