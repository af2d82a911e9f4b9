/*
 * dossier_internal.h - the insides of the public handles, shared by the files that implement
 * include/dossier.h (dossier.c: extraction; dossier_db.c: the store; dossier_stories.c:
 * stories; dossier_story.c and dossier_db_story.c: comparison). Not installed; the stages never
 * include it.
 */
#ifndef DOSSIER_INTERNAL_H
#define DOSSIER_INTERNAL_H

#include "core/core.h"
#include "extract/extract.h"
#include "nlp/nlp.h"
#include "quotes/quotes.h"
#include "stories/compare.h"
#include "store/store.h"

struct dossier {
    dossier_options opts; /* as given, with defaults filled in */
    errbuf err;           /* last failure */
};

struct dossier_article {
    const article *art;        /* the extracted article */
    const char *source;        /* the document's origin */
    char id[17];               /* hex of hash(source, index) */
    const nlp_doc *nlp;        /* its language layer, or NULL when not computed */
    const quote_list *quotes;  /* its quotes, or NULL when not computed */
    size_t doc_bytes;          /* bytes of the input document for its first article, else 0:
                                  summed over a run this is the input read (progress, MB/s) */
};

/* A story and its comparison (dossier_story.c; the store may fill one from the database). */
struct dossier_story {
    arena *mem;             /* everything below lives here */
    story_article *arts;    /* the story's articles, annotated */
    size_t n;               /* how many */
    size_t cap;             /* allocated slots of arts */
    comparison cmp;         /* their comparison */
    const char *title;      /* the story's label (its first headline), or NULL */
    int64_t id;             /* its id in the database, or 0 (a story of files) */
    errbuf *err;            /* last failure message (in mem, so that dossier_story_write, which
                               takes a const story, can still leave one) */
};

/*
 * Sentences, entities (titles and roles resolved on the article's publication day) and quotes
 * of one article, in arena a. dossier.c; shared by extraction and stories. Returns DOSSIER_OK or
 * DOSSIER_ERR_NOMEM / DOSSIER_ERR_TOO_LARGE.
 */
dossier_status annotate_article(arena *a, const article *art, nlp_doc *doc, quote_list *quotes);

/*
 * Annotates every article of s (sentences, entities, quotes), names its outlet, marks verbatim
 * copies as duplicates when find_duplicates (the store has already marked its own), picks the
 * title and compares. dossier_story.c; also used by the database's stories.
 */
dossier_status story_complete(dossier_story *s, int find_duplicates);

/* An open database (dossier_db.c opens it; dossier_stories.c clusters and lists stories). */
struct dossier_db {
    store *st;  /* the open store, or NULL when opening failed */
    errbuf err; /* last failure */
};

#endif
