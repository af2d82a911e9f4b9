/*
 * report.h - writers of a story's comparison: JSON (one object, the shape of docs/DESIGN's
 * story dossier) and a readable terminal rendering. Both read the comparison and the story's
 * articles (for the texts its spans point into) and append to a dbuf.
 */
#ifndef DOSSIER_REPORT_H
#define DOSSIER_REPORT_H

#include "stories/compare.h"

/* What a writer reads: the story's label, its articles and their comparison. */
typedef struct report_story {
    const char *title;          /* the story's label, or NULL */
    int64_t id;                 /* its stored id, or 0 when not stored (written as null) */
    const story_article *arts;  /* its articles */
    size_t n;                   /* how many */
    const comparison *cmp;      /* compare_story's result over arts */
} report_story;

/*
 * Appends the comparison as one JSON object (no trailing newline): story, outlets, articles,
 * quote_groups (variants with word diffs and places), coverage, framing, contradictions,
 * timeline. Every string from an input is escaped. Returns DOSSIER_OK or the dbuf's error
 * (DOSSIER_ERR_NOMEM, DOSSIER_ERR_TOO_LARGE).
 */
dossier_status report_json(dbuf *out, const report_story *s);

/*
 * Appends a terminal rendering: outlets, quote groups with changed words marked ([-deleted-]
 * {+inserted+}), the coverage matrix (✓ or · per outlet), framing terms, contradictions and
 * timeline. Returns DOSSIER_OK or the dbuf's error.
 */
dossier_status report_text(dbuf *out, const report_story *s);

#endif
