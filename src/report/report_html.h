/*
 * report_html.h - one story's comparison as a self-contained HTML5 page: the outlets' articles
 * side by side, the coverage matrix, quote groups with their word-level differences, framing
 * terms, contradictions and the timeline, every item linking to its exact place in the texts.
 *
 * The page loads nothing (inline CSS, no script, no image, no font) and carries a
 * Content-Security-Policy that forbids scripts and every fetch, so it works offline and a hostile
 * input runs nothing: every byte that came from an input is escaped, invalid UTF-8 becomes U+FFFD,
 * NUL and control bytes are dropped, and only http(s) URLs ever become links.
 */
#ifndef DOSSIER_REPORT_HTML_H
#define DOSSIER_REPORT_HTML_H

#include "stories/compare.h"

/*
 * Appends the HTML page of one story to `out`: the n articles `arts` (their text, title, date,
 * URL and outlet), the comparison `c` of those articles (NULL or all-empty: each section says
 * it has nothing) and the story's `title` (its label; NULL: "Story").
 *
 * Places in the texts are anchors: the byte span [s, e) of article i is wrapped in
 * <mark id="a{i}-{s}-{e}"> (split into well-nested pieces where spans overlap; the id is on the
 * first piece), and report_html_anchor() gives the same id. References that point outside the
 * articles (a bad index, a span past the text) are shown without a link, never followed.
 *
 * Returns DOSSIER_OK, DOSSIER_ERR_USAGE when arts is NULL with n > 0 or out is NULL,
 * DOSSIER_ERR_NOMEM, or DOSSIER_ERR_TOO_LARGE when the page exceeds out's cap (out then holds a
 * partial page the caller should discard).
 */
dossier_status report_html(const story_article *arts, size_t n, const comparison *c,
                           const char *title, dbuf *out);

/*
 * The anchor id of byte span `at` of article `index` ("a3-120-188") into out (at least 64
 * bytes). Returns 1, or 0 (and out = "") when the span is empty or not within that article's
 * text, in which case the report has no anchor for it.
 */
int report_html_anchor(const story_article *arts, size_t n, uint32_t index, span at, char out[64]);

#endif
