/*
 * json.c - a story's comparison as one JSON object: the story, its outlets and articles, quote
 * groups with each variant's words diffed against the reference, the coverage matrix, framing
 * terms, contradictions and the timeline. Places are {"id","source","index","outlet","article",
 * "start","end"}: the article's id, its source and index there, the story's article index and a
 * byte span of its text.
 */
#include "report/report.h"

#include <string.h>

#define TRY(x)                                                                                    \
    do {                                                                                          \
        dossier_status rc_ = (x);                                                                 \
        if (rc_) return rc_;                                                                      \
    } while (0)

static const char *outlet_of(const report_story *s, uint32_t art)
{
    return s->cmp->outlets[s->cmp->article_outlet[art]];
}

static dossier_status put_text(dbuf *b, const report_story *s, uint32_t art, span at)
{
    const article *a = s->arts[art].art;
    if (at.end > a->text_len || at.start > at.end) return json_put_str(b, "", 0);
    return json_put_str(b, a->text + at.start, at.end - at.start);
}

/* A variant's wording as a JSON string: its text, or a split quotation's pieces joined by a
 * space (the frame between them is the writer's). */
static dossier_status put_wording(dbuf *b, const report_story *s, const cmp_variant *v)
{
    if (!v->n_pieces) return put_text(b, s, v->refs[0].article, v->refs[0].at);
    const article *a = s->arts[v->refs[0].article].art;
    dbuf w;
    dbuf_init(&w, 0);
    dossier_status rc = DOSSIER_OK;
    for (size_t k = 0; k < v->n_pieces && !rc; k++) {
        span p = v->pieces[k];
        if (p.end > a->text_len || p.start > p.end) continue;
        if (k) rc = dbuf_putc(&w, ' ');
        if (!rc) rc = dbuf_append(&w, a->text + p.start, p.end - p.start);
    }
    if (!rc) rc = json_put_str(b, w.len ? w.ptr : "", w.len);
    dbuf_release(&w);
    return rc;
}

static dossier_status put_ref(dbuf *b, const report_story *s, const cmp_ref *r)
{
    if (r->article >= s->n) return dbuf_puts(b, "null");
    const story_article *sa = &s->arts[r->article];
    TRY(dbuf_puts(b, "{\"id\":"));
    TRY(json_put_cstr_or_null(b, sa->uid));
    TRY(dbuf_puts(b, ",\"source\":"));
    TRY(json_put_cstr_or_null(b, sa->source));
    TRY(dbuf_printf(b, ",\"index\":%d,\"outlet\":", sa->art->index));
    TRY(json_put_cstr_or_null(b, outlet_of(s, r->article)));
    return dbuf_printf(b, ",\"article\":%u,\"start\":%zu,\"end\":%zu}", r->article, r->at.start,
                       r->at.end);
}

static dossier_status put_articles(dbuf *b, const report_story *s)
{
    TRY(dbuf_puts(b, "\"articles\":["));
    for (size_t i = 0; i < s->n; i++) {
        const story_article *sa = &s->arts[i];
        TRY(dbuf_puts(b, i ? ",{\"id\":" : "{\"id\":"));
        TRY(json_put_cstr_or_null(b, sa->uid));
        TRY(dbuf_puts(b, ",\"source\":"));
        TRY(json_put_cstr_or_null(b, sa->source));
        TRY(dbuf_printf(b, ",\"index\":%d,\"outlet\":", sa->art->index));
        TRY(json_put_cstr_or_null(b, outlet_of(s, (uint32_t)i)));
        TRY(dbuf_puts(b, ",\"title\":"));
        TRY(json_put_cstr_or_null(b, sa->art->title));
        TRY(dbuf_puts(b, ",\"published\":"));
        TRY(json_put_cstr_or_null(b, sa->art->published));
        TRY(dbuf_printf(b, ",\"duplicate_of\":%d}", sa->duplicate_of));
    }
    return dbuf_puts(b, "]");
}

static const char *op_name(cmp_diff_op op)
{
    return op == CMP_SAME ? "same" : op == CMP_INS ? "ins" : "del";
}

static dossier_status put_quote_groups(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    TRY(dbuf_puts(b, "\"quote_groups\":["));
    for (size_t g = 0; g < c->n_quote_groups; g++) {
        const cmp_quote_group *qg = &c->quote_groups[g];
        TRY(dbuf_puts(b, g ? ",{\"speaker\":" : "{\"speaker\":"));
        TRY(json_put_cstr_or_null(b, qg->speaker));
        TRY(dbuf_printf(b, ",\"changed\":%s,\"n_outlets\":%zu,\"reference\":%zu,\"variants\":[",
                        qg->changed ? "true" : "false", qg->n_outlets, qg->reference));
        const cmp_variant *ref = &qg->variants[qg->reference];
        for (size_t v = 0; v < qg->n_variants; v++) {
            const cmp_variant *cv = &qg->variants[v];
            TRY(dbuf_puts(b, v ? ",{\"text\":" : "{\"text\":"));
            TRY(put_wording(b, s, cv));
            TRY(dbuf_printf(b, ",\"changed\":%s,\"truncated\":%s,\"n_outlets\":%zu,\"diff\":[",
                            cv->changed ? "true" : "false", cv->truncated ? "true" : "false",
                            cv->n_outlets));
            for (size_t k = 0; k < cv->n_diff; k++) {
                const cmp_diff *d = &cv->diff[k];
                const cmp_ref *in = d->op == CMP_DEL ? &ref->refs[0] : &cv->refs[0];
                TRY(dbuf_printf(b, "%s{\"op\":\"%s\",\"text\":", k ? "," : "", op_name(d->op)));
                TRY(put_text(b, s, in->article, d->at));
                TRY(dbuf_putc(b, '}'));
            }
            TRY(dbuf_puts(b, "],\"articles\":["));
            for (size_t r = 0; r < cv->n_refs; r++) {
                if (r) TRY(dbuf_putc(b, ','));
                TRY(put_ref(b, s, &cv->refs[r]));
            }
            TRY(dbuf_puts(b, "]}"));
        }
        TRY(dbuf_puts(b, "]}"));
    }
    return dbuf_puts(b, "]");
}

static const char *coverage_name(cmp_coverage cov)
{
    return cov == CMP_ALL ? "all" : cov == CMP_MOST ? "most" : "only";
}

static dossier_status put_coverage(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    TRY(dbuf_puts(b, "\"coverage\":["));
    for (size_t k = 0; k < c->n_claims; k++) {
        const cmp_claim *cl = &c->claims[k];
        TRY(dbuf_puts(b, k ? ",{\"text\":" : "{\"text\":"));
        TRY(put_text(b, s, cl->refs[0].article, cl->refs[0].at));
        TRY(dbuf_printf(b, ",\"coverage\":\"%s\",\"weight\":%.4f,\"outlets\":[",
                        coverage_name(cl->coverage), cl->weight));
        int first = 1;
        for (size_t o = 0; o < c->n_outlets; o++) {
            if (!cl->carried[o]) continue;
            if (!first) TRY(dbuf_putc(b, ','));
            first = 0;
            TRY(json_put_cstr_or_null(b, c->outlets[o]));
        }
        TRY(dbuf_puts(b, "],\"omitted\":["));
        first = 1;
        for (size_t o = 0; o < c->n_outlets; o++) {
            if (cl->carried[o]) continue;
            if (!first) TRY(dbuf_putc(b, ','));
            first = 0;
            TRY(json_put_cstr_or_null(b, c->outlets[o]));
        }
        TRY(dbuf_puts(b, "],\"refs\":["));
        for (size_t r = 0; r < cl->n_refs; r++) {
            if (r) TRY(dbuf_putc(b, ','));
            TRY(put_ref(b, s, &cl->refs[r]));
        }
        TRY(dbuf_puts(b, "]}"));
    }
    return dbuf_puts(b, "]");
}

static dossier_status put_framing(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    TRY(dbuf_puts(b, "\"framing\":["));
    for (size_t f = 0; f < c->n_framing; f++) {
        const cmp_framing *fr = &c->framing[f];
        TRY(dbuf_puts(b, f ? ",{\"outlet\":" : "{\"outlet\":"));
        TRY(json_put_cstr_or_null(b, fr->outlet < c->n_outlets ? c->outlets[fr->outlet] : NULL));
        TRY(dbuf_puts(b, ",\"terms\":["));
        for (size_t t = 0; t < fr->n_terms; t++) {
            TRY(dbuf_puts(b, t ? ",{\"term\":" : "{\"term\":"));
            TRY(json_put_cstr_or_null(b, fr->terms[t].term));
            TRY(dbuf_printf(b, ",\"z\":%.3f,\"count\":%u,\"example\":", fr->terms[t].z,
                            fr->terms[t].count));
            TRY(put_ref(b, s, &fr->terms[t].example));
            TRY(dbuf_putc(b, '}'));
        }
        TRY(dbuf_puts(b, "],\"loaded\":["));
        for (size_t t = 0; t < fr->n_loaded; t++) {
            TRY(dbuf_puts(b, t ? ",{\"term\":" : "{\"term\":"));
            TRY(json_put_cstr_or_null(b, fr->loaded[t].term));
            TRY(dbuf_printf(b, ",\"count\":%u,\"example\":", fr->loaded[t].count));
            TRY(put_ref(b, s, &fr->loaded[t].example));
            TRY(dbuf_putc(b, '}'));
        }
        TRY(dbuf_puts(b, "]}"));
    }
    return dbuf_puts(b, "]");
}

static dossier_status put_contradictions(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    TRY(dbuf_puts(b, "\"contradictions\":["));
    for (size_t k = 0; k < c->n_contradictions; k++) {
        const cmp_contradiction *x = &c->contradictions[k];
        TRY(dbuf_puts(b, k ? ",{\"a\":" : "{\"a\":"));
        TRY(put_ref(b, s, &x->a));
        TRY(dbuf_puts(b, ",\"a_text\":"));
        TRY(put_text(b, s, x->a.article, x->a.at));
        TRY(dbuf_puts(b, ",\"b\":"));
        TRY(put_ref(b, s, &x->b));
        TRY(dbuf_puts(b, ",\"b_text\":"));
        TRY(put_text(b, s, x->b.article, x->b.at));
        TRY(dbuf_puts(b, ",\"speaker_a\":"));
        TRY(json_put_cstr_or_null(b, x->speaker_a));
        TRY(dbuf_puts(b, ",\"speaker_b\":"));
        TRY(json_put_cstr_or_null(b, x->speaker_b));
        TRY(dbuf_puts(b, ",\"subject\":"));
        TRY(json_put_cstr_or_null(b, x->subject));
        TRY(dbuf_puts(b, ",\"why\":"));
        TRY(json_put_cstr_or_null(b, x->why));
        TRY(dbuf_printf(b, ",\"score\":%.3f}", x->score));
    }
    return dbuf_puts(b, "]");
}

static dossier_status put_timeline(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    TRY(dbuf_puts(b, "\"timeline\":["));
    for (size_t k = 0; k < c->n_timeline; k++) {
        const cmp_event *e = &c->timeline[k];
        TRY(dbuf_puts(b, k ? ",{\"date\":" : "{\"date\":"));
        TRY(json_put_str(b, e->date, strnlen(e->date, sizeof e->date)));
        TRY(dbuf_puts(b, ",\"when\":"));
        TRY(json_put_cstr_or_null(b, e->when));
        TRY(dbuf_puts(b, ",\"text\":"));
        TRY(put_text(b, s, e->ref.article, e->ref.at));
        TRY(dbuf_puts(b, ",\"ref\":"));
        TRY(put_ref(b, s, &e->ref));
        if (e->when) {
            TRY(dbuf_puts(b, ",\"when_at\":"));
            TRY(put_ref(b, s, &e->when_at));
        }
        TRY(dbuf_printf(b, ",\"n_sources\":%zu}", e->n_sources));
    }
    return dbuf_puts(b, "]");
}

dossier_status report_json(dbuf *b, const report_story *s)
{
    const comparison *c = s->cmp;
    if (s->id) TRY(dbuf_printf(b, "{\"story\":{\"id\":%lld,\"title\":", (long long)s->id));
    else TRY(dbuf_puts(b, "{\"story\":{\"id\":null,\"title\":"));
    TRY(json_put_cstr_or_null(b, s->title));
    TRY(dbuf_printf(b, ",\"n_articles\":%zu,\"n_outlets\":%zu},\"outlets\":[", s->n,
                    c->n_outlets));
    for (size_t o = 0; o < c->n_outlets; o++) {
        if (o) TRY(dbuf_putc(b, ','));
        TRY(json_put_cstr_or_null(b, c->outlets[o]));
    }
    TRY(dbuf_puts(b, "],"));
    TRY(put_articles(b, s));
    TRY(dbuf_putc(b, ','));
    TRY(put_quote_groups(b, s));
    TRY(dbuf_putc(b, ','));
    TRY(put_coverage(b, s));
    TRY(dbuf_putc(b, ','));
    TRY(put_framing(b, s));
    TRY(dbuf_putc(b, ','));
    TRY(put_contradictions(b, s));
    TRY(dbuf_putc(b, ','));
    TRY(put_timeline(b, s));
    return dbuf_putc(b, '}');
}
