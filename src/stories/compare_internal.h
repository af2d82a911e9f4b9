/*
 * compare_internal.h - the parts of compare_story, one file each, shared by the stories stage
 * only. compare.c fills outlets/article_outlet, then calls each part; a part reads the articles
 * and the outlet map and fills its own fields of the comparison, nothing else.
 */
#ifndef DOSSIER_COMPARE_INTERNAL_H
#define DOSSIER_COMPARE_INTERNAL_H

#include "stories/compare.h"

/* quote_groups.c: quote_groups / n_quote_groups. */
dossier_status cmp_quote_groups(arena *a, const story_article *arts, size_t n, comparison *c);
/* coverage.c: claims / n_claims. (Not cmp_coverage: that names the coverage enum.) */
dossier_status cmp_coverage_matrix(arena *a, const story_article *arts, size_t n, comparison *c);
/* framing.c: framing / n_framing. (Not cmp_framing: that names the framing struct.) */
dossier_status cmp_outlet_framing(arena *a, const story_article *arts, size_t n, comparison *c);
/* contradictions.c: contradictions / n_contradictions. */
dossier_status cmp_contradictions(arena *a, const story_article *arts, size_t n, comparison *c);
/* timeline.c: timeline / n_timeline. */
dossier_status cmp_timeline(arena *a, const story_article *arts, size_t n, comparison *c);

#endif
