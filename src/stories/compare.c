/*
 * compare.c - compare_story: the outlets of a story's articles, then each part of the comparison
 * (quote groups, coverage matrix, framing, contradictions, timeline), each in a file of its own.
 */
#include "stories/compare_internal.h"

#include <string.h>

dossier_status compare_story(arena *a, const story_article *arts, size_t n, comparison *out)
{
    memset(out, 0, sizeof *out);
    out->n_articles = n;
    if (!n) return DOSSIER_OK;
    out->outlets = arena_calloc(a, n, sizeof *out->outlets);
    out->article_outlet = arena_calloc(a, n, sizeof *out->article_outlet);
    if (!out->outlets || !out->article_outlet) return DOSSIER_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const char *name = arts[i].outlet ? arts[i].outlet : "";
        size_t k = 0;
        while (k < out->n_outlets && strcmp(out->outlets[k], name) != 0) k++;
        if (k == out->n_outlets) out->outlets[out->n_outlets++] = name;
        out->article_outlet[i] = (uint32_t)k;
    }
    dossier_status rc = cmp_quote_groups(a, arts, n, out);
    if (!rc) rc = cmp_coverage_matrix(a, arts, n, out);
    if (!rc) rc = cmp_outlet_framing(a, arts, n, out);
    if (!rc) rc = cmp_contradictions(a, arts, n, out);
    if (!rc) rc = cmp_timeline(a, arts, n, out);
    return rc;
}
