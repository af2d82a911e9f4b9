/*
 * text.c - a story's comparison for a terminal: the outlets numbered, quote groups carried by
 * more than one outlet with each variant's changed words marked ([-deleted-] {+inserted+}), the
 * coverage matrix as one row per claim with ✓ or · per outlet, each outlet's framing terms,
 * then contradictions and the timeline when there are any. Text from inputs is printed on one
 * line (runs of spaces and line breaks as one space, control bytes dropped).
 */
#include "report/report.h"

#include <string.h>

#define TRY(x)                                                                                    \
    do {                                                                                          \
        dossier_status rc_ = (x);                                                                 \
        if (rc_) return rc_;                                                                      \
    } while (0)

#define LINE_CHARS 110 /* longest claim text shown */

/* Appends text[at] flattened to one line, cut after max code points (0: no cut). */
static dossier_status put_flat(dbuf *b, const report_story *s, uint32_t art, span at, size_t max)
{
    const article *a = s->arts[art].art;
    if (at.end > a->text_len || at.start > at.end) return DOSSIER_OK;
    const char *p = a->text + at.start;
    size_t n = at.end - at.start, chars = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = 1;
            continue;
        }
        if (c < 0x20 || c == 0x7F) continue;
        if ((c & 0xC0) != 0x80) {
            if (max && chars >= max) return dbuf_puts(b, "…");
            if (space && chars) TRY(dbuf_putc(b, ' '));
            space = 0;
            chars++;
        }
        TRY(dbuf_putc(b, (char)c));
    }
    return DOSSIER_OK;
}

static dossier_status put_outlets_of(dbuf *b, const report_story *s, const cmp_variant *v)
{
    const comparison *c = s->cmp;
    for (size_t r = 0; r < v->n_refs; r++) {
        uint32_t o = c->article_outlet[v->refs[r].article];
        size_t q = 0;
        while (q < r && c->article_outlet[v->refs[q].article] != o) q++;
        if (q < r) continue;
        TRY(dbuf_printf(b, "%s%s", r ? ", " : "", c->outlets[o]));
    }
    return DOSSIER_OK;
}

static dossier_status put_quote_groups(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    size_t shown = 0;
    for (size_t g = 0; g < c->n_quote_groups; g++)
        if (c->quote_groups[g].n_outlets > 1) shown++;
    TRY(dbuf_printf(b, "\nQuote groups: %zu carried by more than one outlet, %zu by one\n", shown,
                    c->n_quote_groups - shown));
    for (size_t g = 0; g < c->n_quote_groups; g++) {
        const cmp_quote_group *qg = &c->quote_groups[g];
        if (qg->n_outlets < 2) continue;
        TRY(dbuf_printf(b, "\n  %s — %zu outlets%s\n", qg->speaker ? qg->speaker : "(unattributed)",
                        qg->n_outlets, qg->changed ? ", wording changed" : ""));
        const cmp_variant *ref = &qg->variants[qg->reference];
        for (size_t v = 0; v < qg->n_variants; v++) {
            const cmp_variant *cv = &qg->variants[v];
            const char *tag = v == qg->reference ? "reference"
                              : cv->changed && cv->truncated ? "changed, cut"
                              : cv->changed                  ? "changed"
                              : cv->truncated                ? "truncated"
                                                             : "marks only";
            TRY(dbuf_printf(b, "    [%s] ", tag));
            TRY(put_outlets_of(b, s, cv));
            TRY(dbuf_puts(b, "\n      “"));
            if ((v == qg->reference || !cv->n_diff) && cv->n_pieces) {
                for (size_t k = 0; k < cv->n_pieces; k++) {
                    if (k) TRY(dbuf_putc(b, ' '));
                    TRY(put_flat(b, s, cv->refs[0].article, cv->pieces[k], 0));
                }
            } else if (v == qg->reference || !cv->n_diff) {
                TRY(put_flat(b, s, cv->refs[0].article, cv->refs[0].at, 0));
            } else {
                for (size_t k = 0; k < cv->n_diff; k++) {
                    const cmp_diff *d = &cv->diff[k];
                    const cmp_ref *in = d->op == CMP_DEL ? &ref->refs[0] : &cv->refs[0];
                    if (k) TRY(dbuf_putc(b, ' '));
                    if (d->op == CMP_DEL) TRY(dbuf_puts(b, "[-"));
                    if (d->op == CMP_INS) TRY(dbuf_puts(b, "{+"));
                    TRY(put_flat(b, s, in->article, d->at, 0));
                    if (d->op == CMP_DEL) TRY(dbuf_puts(b, "-]"));
                    if (d->op == CMP_INS) TRY(dbuf_puts(b, "+}"));
                }
            }
            TRY(dbuf_puts(b, "”\n"));
        }
    }
    return DOSSIER_OK;
}

static dossier_status put_coverage(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    size_t k[4] = {0};
    for (size_t i = 0; i < c->n_claims; i++) k[c->claims[i].coverage & 3]++;
    TRY(dbuf_printf(b, "\nCoverage: %zu claims — %zu carried by all, %zu by most, %zu by one\n",
                    c->n_claims, k[CMP_ALL], k[CMP_MOST], k[CMP_ONLY]));
    TRY(dbuf_puts(b, "  "));
    for (size_t o = 0; o < c->n_outlets; o++) TRY(dbuf_printf(b, "%-2zu", (o + 1) % 100));
    TRY(dbuf_putc(b, '\n'));
    for (size_t i = 0; i < c->n_claims; i++) {
        const cmp_claim *cl = &c->claims[i];
        TRY(dbuf_puts(b, "  "));
        for (size_t o = 0; o < c->n_outlets; o++) TRY(dbuf_puts(b, cl->carried[o] ? "✓ " : "· "));
        TRY(dbuf_puts(b, " "));
        TRY(put_flat(b, s, cl->refs[0].article, cl->refs[0].at, LINE_CHARS));
        TRY(dbuf_putc(b, '\n'));
    }
    return DOSSIER_OK;
}

static dossier_status put_framing(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    if (!c->n_framing) return DOSSIER_OK;
    TRY(dbuf_puts(b, "\nFraming: each outlet's distinctive terms (log-odds z-score, count)\n"));
    for (size_t f = 0; f < c->n_framing; f++) {
        const cmp_framing *fr = &c->framing[f];
        TRY(dbuf_printf(b, "  %zu %s:", fr->outlet + 1, c->outlets[fr->outlet]));
        for (size_t t = 0; t < fr->n_terms; t++)
            TRY(dbuf_printf(b, "%s %s (%.1f, %u)", t ? "," : "", fr->terms[t].term, fr->terms[t].z,
                            fr->terms[t].count));
        TRY(dbuf_putc(b, '\n'));
        if (fr->n_loaded) TRY(dbuf_puts(b, "      loaded language, this outlet alone:"));
        for (size_t t = 0; t < fr->n_loaded; t++)
            TRY(dbuf_printf(b, "%s %s (%u)", t ? "," : "", fr->loaded[t].term,
                            fr->loaded[t].count));
        if (fr->n_loaded) TRY(dbuf_putc(b, '\n'));
    }
    return DOSSIER_OK;
}

static dossier_status put_rest(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    if (c->n_contradictions) {
        TRY(dbuf_printf(b, "\nPossible contradictions: %zu\n", c->n_contradictions));
        for (size_t k = 0; k < c->n_contradictions; k++) {
            const cmp_contradiction *x = &c->contradictions[k];
            TRY(dbuf_printf(b, "  %s (%.2f) on %s\n    %s: “", x->why ? x->why : "?", x->score,
                            x->subject ? x->subject : "?", x->speaker_a ? x->speaker_a : "?"));
            TRY(put_flat(b, s, x->a.article, x->a.at, LINE_CHARS));
            TRY(dbuf_printf(b, "”\n    %s: “", x->speaker_b ? x->speaker_b : "?"));
            TRY(put_flat(b, s, x->b.article, x->b.at, LINE_CHARS));
            TRY(dbuf_puts(b, "”\n"));
        }
    }
    if (c->n_timeline) {
        TRY(dbuf_printf(b, "\nTimeline: %zu dated happenings\n", c->n_timeline));
        for (size_t k = 0; k < c->n_timeline; k++) {
            const cmp_event *e = &c->timeline[k];
            TRY(dbuf_printf(b, "  %-10.10s  ", e->date));
            if (e->when) TRY(dbuf_printf(b, "[%s] ", e->when));
            if (e->n_sources > 1) TRY(dbuf_printf(b, "(%zu sources) ", e->n_sources));
            TRY(put_flat(b, s, e->ref.article, e->ref.at, LINE_CHARS));
            TRY(dbuf_putc(b, '\n'));
        }
    }
    return DOSSIER_OK;
}

dossier_status report_text(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    TRY(dbuf_printf(b, "Story: %s\n%zu articles, %zu outlets\n", s->title ? s->title : "(untitled)",
                    s->n, c->n_outlets));
    for (size_t o = 0; o < c->n_outlets; o++) {
        size_t n = 0;
        for (size_t i = 0; i < s->n; i++) n += c->article_outlet[i] == o;
        TRY(dbuf_printf(b, "  %zu %s (%zu article%s)\n", o + 1, c->outlets[o], n, n == 1 ? "" : "s"));
    }
    TRY(put_quote_groups(b, s));
    TRY(put_coverage(b, s));
    TRY(put_framing(b, s));
    return put_rest(b, s);
}
