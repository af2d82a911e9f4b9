/*
 * html.c - a story's comparison as one self-contained HTML5 page (see report_html.h): a header,
 * the articles side by side with every referenced span marked as an anchor, then the coverage
 * matrix, quote groups with their diffs, framing terms, contradictions and the timeline.
 *
 * Safety is by construction: input bytes reach the page only through esc_bytes(), which escapes
 * the five HTML specials, replaces invalid UTF-8 with U+FFFD and drops NUL and control bytes; the
 * only attribute values built from input are http(s) URLs, escaped the same way. The page's CSP
 * forbids scripts and fetches in case a future change slips.
 */
#include "report/report_html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a marked span is referenced by: its CSS classes. */
enum {
    MK_CLAIM = 1,  /* a coverage-matrix sentence */
    MK_QUOTE = 2,  /* a quotation variant */
    MK_TERM = 4,   /* a framing term's example */
    MK_CONTRA = 8, /* a statement of a contradiction */
    MK_TIME = 16   /* a timeline sentence or its date words */
};

/* Marks nested deeper than this are not drawn (each extra level repeats on every segment); a
 * span beyond it still gets its anchor as an empty element at its start. */
#define MARK_DEPTH_MAX 12
/* Longest claim or timeline sentence shown in a table cell before it is cut with an ellipsis. */
#define CELL_TEXT_MAX 320
/* A gap between two diff runs longer than this (an attribution between quote pieces) is shown
 * as an ellipsis rather than copied. */
#define DIFF_GAP_MAX 24

/* One span to mark in one article's text. */
typedef struct mark_span {
    uint32_t article; /* article index */
    size_t start;     /* first byte */
    size_t end;       /* one past the last byte */
    unsigned kinds;   /* MK_* of everything that references it */
    int opened;       /* 1 once its anchor id has been written */
} mark_span;

/* The page being written: the output, a sticky status and the story. */
typedef struct writer {
    dbuf *out;                 /* where the page goes */
    dossier_status rc;         /* first failure; every put is a no-op after it */
    const story_article *arts; /* the story's articles */
    size_t n;                  /* how many */
    const comparison *c;       /* the comparison (never NULL here: an empty one stands in) */
    mark_span *marks;          /* every referenced span, by article, start, longest first */
    size_t n_marks;
    size_t cap_marks;
} writer;

/* ---- output primitives ---- */

static void put(writer *w, const char *z)
{
    if (w->rc == DOSSIER_OK) w->rc = dbuf_puts(w->out, z);
}

static void put_n(writer *w, const char *p, size_t n)
{
    if (w->rc == DOSSIER_OK && n) w->rc = dbuf_append(w->out, p, n);
}

/* Formatted output of our own values only (numbers, ids): never an input string. */
static void CORE_PRINTF(2, 3) putf(writer *w, const char *fmt, ...)
{
    if (w->rc != DOSSIER_OK) return;
    va_list ap;
    va_start(ap, fmt);
    w->rc = dbuf_vprintf(w->out, fmt, ap);
    va_end(ap);
}

/*
 * Input bytes as HTML text or attribute value: & < > " ' escaped, invalid UTF-8 as U+FFFD, NUL,
 * C0 controls (but tab and newline), DEL and C1 controls dropped. With `br`, a newline is <br>.
 */
static void esc_bytes(writer *w, const char *p, size_t n, int br)
{
    size_t i = 0, run = 0; /* p[run, i) is safe and not yet written */
    while (i < n && w->rc == DOSSIER_OK) {
        unsigned char ch = (unsigned char)p[i];
        const char *rep = NULL;
        size_t adv = 1;
        if (ch < 0x80) {
            switch (ch) {
            case '&':
                rep = "&amp;";
                break;
            case '<':
                rep = "&lt;";
                break;
            case '>':
                rep = "&gt;";
                break;
            case '"':
                rep = "&quot;";
                break;
            case '\'':
                rep = "&#39;";
                break;
            case '\n':
                rep = br ? "<br>\n" : NULL;
                break;
            case '\t':
                break;
            case '\r':
                rep = "";
                break;
            default:
                if (ch < 0x20 || ch == 0x7f) rep = "";
            }
        } else {
            uint32_t cp;
            size_t k = utf8_decode(p + i, n - i, &cp);
            if (k == 0)
                rep = "\xef\xbf\xbd";
            else if (cp < 0xa0)
                rep = "";
            else
                adv = k;
        }
        if (rep) {
            put_n(w, p + run, i - run);
            put(w, rep);
            i += adv;
            run = i;
        } else {
            i += adv;
        }
    }
    put_n(w, p + run, i - run);
}

static void esc(writer *w, const char *z)
{
    if (z) esc_bytes(w, z, strlen(z), 0);
}

/* ASCII case-insensitive prefix test of a C string. */
static int has_prefix_ci(const char *z, const char *prefix)
{
    for (; *prefix; z++, prefix++) {
        char a = *z, b = *prefix;
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (a != b) return 0;
    }
    return 1;
}

/* 1 if z is an absolute http(s) URL with a host and no space, quote or control byte: the only
 * kind of input that becomes a link (javascript:, data: and relative URLs stay text). */
static int is_http_url(const char *z)
{
    if (!z) return 0;
    size_t skip;
    if (has_prefix_ci(z, "http://"))
        skip = 7;
    else if (has_prefix_ci(z, "https://"))
        skip = 8;
    else
        return 0;
    if (z[skip] == '\0' || z[skip] == '/') return 0;
    for (const unsigned char *p = (const unsigned char *)z; *p; p++)
        if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '\'' || *p == '<' || *p == '>' ||
            *p == '\\' || *p == '`')
            return 0;
    return 1;
}

/* ---- the story ---- */

static const char *outlet_name(const writer *w, size_t o)
{
    if (o < w->c->n_outlets && w->c->outlets && w->c->outlets[o]) return w->c->outlets[o];
    return "?";
}

/* The outlet index of article i, or SIZE_MAX when the comparison does not say. */
static size_t article_outlet(const writer *w, size_t i)
{
    const comparison *c = w->c;
    if (c->article_outlet && i < c->n_articles && i < w->n && c->article_outlet[i] < c->n_outlets)
        return c->article_outlet[i];
    return SIZE_MAX;
}

/* The outlet name of article i (the comparison's, else the article's own). */
static const char *article_outlet_name(const writer *w, size_t i)
{
    size_t o = article_outlet(w, i);
    if (o != SIZE_MAX) return outlet_name(w, o);
    if (i < w->n && w->arts[i].outlet) return w->arts[i].outlet;
    if (i < w->n && w->arts[i].art && w->arts[i].art->site) return w->arts[i].art->site;
    return "?";
}

/* The article a reference may be read in, or NULL when the reference points outside it. */
static const article *ref_article(const story_article *arts, size_t n, uint32_t i, span at)
{
    if (!arts || i >= n || !arts[i].art || !arts[i].art->text) return NULL;
    const article *a = arts[i].art;
    if (at.start >= at.end || at.end > a->text_len) return NULL;
    return a;
}

int report_html_anchor(const story_article *arts, size_t n, uint32_t index, span at, char out[64])
{
    out[0] = '\0';
    if (!ref_article(arts, n, index, at)) return 0;
    snprintf(out, 64, "a%u-%zu-%zu", (unsigned)index, at.start, at.end);
    return 1;
}

/* The text of a reference, cut at `max` bytes (on a character boundary) with an ellipsis;
 * "[not in the text]" when it points nowhere. */
static void ref_text(writer *w, cmp_ref r, size_t max)
{
    const article *a = ref_article(w->arts, w->n, r.article, r.at);
    if (!a) {
        put(w, "<span class=\"na\">[not in the text]</span>");
        return;
    }
    size_t len = r.at.end - r.at.start;
    const char *p = a->text + r.at.start;
    int cut = 0;
    if (max && len > max) {
        len = max;
        while (len > 0 && ((unsigned char)p[len] & 0xc0) == 0x80)
            len--;
        cut = 1;
    }
    esc_bytes(w, p, len, 0);
    if (cut) put(w, "\xe2\x80\xa6");
}

/* A link to a reference's place, labelled `label` (our own text), or the label alone. */
static void ref_link(writer *w, cmp_ref r, const char *label)
{
    char id[64];
    if (report_html_anchor(w->arts, w->n, r.article, r.at, id)) {
        put(w, "<a class=\"go\" href=\"#");
        put(w, id);
        put(w, "\">");
        put(w, label);
        put(w, "</a>");
    } else {
        put(w, "<span class=\"na\">");
        put(w, label);
        put(w, "</span>");
    }
}

/* A link to a reference labelled with its article's outlet name. */
static void ref_outlet_link(writer *w, cmp_ref r)
{
    char id[64];
    int ok = report_html_anchor(w->arts, w->n, r.article, r.at, id);
    put(w, ok ? "<a class=\"go\" href=\"#" : "<span class=\"na\">");
    if (ok) {
        put(w, id);
        put(w, "\">");
    }
    esc(w, article_outlet_name(w, r.article));
    put(w, ok ? "</a>" : "</span>");
}

/* ---- marks ---- */

static void mark_add(writer *w, cmp_ref r, unsigned kind)
{
    if (w->rc != DOSSIER_OK || !ref_article(w->arts, w->n, r.article, r.at)) return;
    if (w->n_marks == w->cap_marks) {
        size_t cap = w->cap_marks ? w->cap_marks * 2 : 64;
        mark_span *m = realloc(w->marks, cap * sizeof *m);
        if (!m) {
            w->rc = DOSSIER_ERR_NOMEM;
            return;
        }
        w->marks = m;
        w->cap_marks = cap;
    }
    mark_span *m = &w->marks[w->n_marks++];
    m->article = r.article;
    m->start = r.at.start;
    m->end = r.at.end;
    m->kinds = kind;
    m->opened = 0;
}

/* By article, then start, then the longest first, so that an enclosing span opens first. */
static int mark_cmp(const void *pa, const void *pb)
{
    const mark_span *a = pa, *b = pb;
    if (a->article != b->article) return a->article < b->article ? -1 : 1;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    if (a->end != b->end) return a->end > b->end ? -1 : 1;
    return 0;
}

/* Every span the sections link to, sorted, one entry per distinct span with its kinds. */
static void marks_collect(writer *w)
{
    const comparison *c = w->c;
    for (size_t i = 0; i < c->n_claims; i++)
        for (size_t k = 0; k < c->claims[i].n_refs; k++)
            mark_add(w, c->claims[i].refs[k], MK_CLAIM);
    for (size_t g = 0; g < c->n_quote_groups; g++) {
        const cmp_quote_group *qg = &c->quote_groups[g];
        for (size_t v = 0; v < qg->n_variants; v++)
            for (size_t k = 0; k < qg->variants[v].n_refs; k++)
                mark_add(w, qg->variants[v].refs[k], MK_QUOTE);
    }
    for (size_t f = 0; f < c->n_framing; f++) {
        for (size_t t = 0; t < c->framing[f].n_terms; t++)
            mark_add(w, c->framing[f].terms[t].example, MK_TERM);
        for (size_t t = 0; t < c->framing[f].n_loaded; t++)
            mark_add(w, c->framing[f].loaded[t].example, MK_TERM);
    }
    for (size_t i = 0; i < c->n_contradictions; i++) {
        mark_add(w, c->contradictions[i].a, MK_CONTRA);
        mark_add(w, c->contradictions[i].b, MK_CONTRA);
    }
    for (size_t i = 0; i < c->n_timeline; i++) {
        mark_add(w, c->timeline[i].ref, MK_TIME);
        mark_add(w, c->timeline[i].when_at, MK_TIME);
    }
    if (w->rc != DOSSIER_OK || w->n_marks == 0) return;
    qsort(w->marks, w->n_marks, sizeof *w->marks, mark_cmp);
    size_t o = 0;
    for (size_t i = 0; i < w->n_marks; i++) {
        if (o > 0 && mark_cmp(&w->marks[o - 1], &w->marks[i]) == 0)
            w->marks[o - 1].kinds |= w->marks[i].kinds;
        else
            w->marks[o++] = w->marks[i];
    }
    w->n_marks = o;
}

static void mark_open(writer *w, mark_span *m)
{
    static const char *const names[] = {"c", "q", "t", "x", "d"};
    put(w, "<mark class=\"");
    for (unsigned k = 0; k < 5; k++)
        if (m->kinds & (1u << k)) {
            put(w, names[k]);
            put(w, " ");
        }
    if (m->opened) {
        put(w, "cont\">");
        return;
    }
    putf(w, "\" id=\"a%u-%zu-%zu\">", (unsigned)m->article, m->start, m->end);
    m->opened = 1;
}

/* The marks of one article's text while it is written: the spans that cover the current
 * position (`active`, in mark order, which is also nesting order) and the marks currently open
 * in the output (`open`, a prefix-compatible stack). */
typedef struct mark_state {
    mark_span *m;   /* this article's marks */
    size_t n;       /* how many */
    size_t next;    /* first mark not yet reached */
    size_t *active; /* indices into m covering the position, ascending */
    size_t n_active;
    size_t *open; /* indices into m open in the output, outermost first */
    size_t n_open;
} mark_state;

static void anchor_only(writer *w, mark_span *m);

/* Makes the open marks equal the active ones (at most MARK_DEPTH_MAX deep): closes the open
 * marks past their common prefix, opens the rest. Spans deeper than the cap that were never
 * opened get an empty anchor so links to them still land. */
static void marks_sync(writer *w, mark_state *s)
{
    size_t want = s->n_active < MARK_DEPTH_MAX ? s->n_active : MARK_DEPTH_MAX;
    size_t common = 0;
    while (common < s->n_open && common < want && s->open[common] == s->active[common])
        common++;
    while (s->n_open > common) {
        put(w, "</mark>");
        s->n_open--;
    }
    for (size_t k = common; k < want; k++) {
        mark_open(w, &s->m[s->active[k]]);
        s->open[s->n_open++] = s->active[k];
    }
    for (size_t k = want; k < s->n_active; k++)
        anchor_only(w, &s->m[s->active[k]]);
}

static void marks_close_all(writer *w, mark_state *s)
{
    while (s->n_open > 0) {
        put(w, "</mark>");
        s->n_open--;
    }
}

/* An empty element carrying a span's id, for a span no mark is drawn for (beyond the depth
 * cap, or wholly between paragraphs), so that links to it still land nearby. */
static void anchor_only(writer *w, mark_span *m)
{
    if (m->opened) return;
    putf(w, "<span class=\"anchor\" id=\"a%u-%zu-%zu\"></span>", (unsigned)m->article, m->start,
         m->end);
    m->opened = 1;
}

/* Drops active spans that end at or before pos, then adds the spans that start at or before it
 * (a span starting in the gap between paragraphs opens with the next one; one wholly inside
 * the gap gets an empty anchor here). */
static void marks_advance(writer *w, mark_state *s, size_t pos)
{
    size_t o = 0;
    for (size_t k = 0; k < s->n_active; k++)
        if (s->m[s->active[k]].end > pos)
            s->active[o++] = s->active[k];
        else
            anchor_only(w, &s->m[s->active[k]]);
    s->n_active = o;
    while (s->next < s->n && s->m[s->next].start <= pos) {
        if (s->m[s->next].end > pos)
            s->active[s->n_active++] = s->next;
        else
            anchor_only(w, &s->m[s->next]);
        s->next++;
    }
}

/* One paragraph text[ps, pe) as <p>, its marks well nested. */
static void write_paragraph(writer *w, const char *text, size_t ps, size_t pe, mark_state *s)
{
    put(w, "<p>");
    size_t pos = ps;
    marks_advance(w, s, pos);
    while (pos < pe && w->rc == DOSSIER_OK) {
        size_t nb = pe;
        if (s->next < s->n && s->m[s->next].start < nb) nb = s->m[s->next].start;
        for (size_t k = 0; k < s->n_active; k++)
            if (s->m[s->active[k]].end < nb) nb = s->m[s->active[k]].end;
        /* a span edge inside a character moves to the character's end: a mark never splits
         * a UTF-8 sequence (which would show as two replacement characters) */
        while (nb < pe && ((unsigned char)text[nb] & 0xc0) == 0x80)
            nb++;
        marks_sync(w, s);
        esc_bytes(w, text + pos, nb - pos, 1);
        pos = nb;
        marks_advance(w, s, pos);
    }
    marks_close_all(w, s);
    put(w, "</p>\n");
}

/* An article's text paragraph by paragraph (its paragraph spans when they are sane, else runs
 * between blank lines), with the marks of marks[first, first + count). */
static void write_article_text(writer *w, const article *a, mark_span *m, size_t count)
{
    mark_state s = {m, count, 0, NULL, 0, NULL, 0};
    if (count) {
        s.active = malloc(count * sizeof *s.active);
        s.open = malloc(count * sizeof *s.open);
        if (!s.active || !s.open) {
            w->rc = DOSSIER_ERR_NOMEM;
            goto done;
        }
    }
    const char *t = a->text;
    size_t len = a->text_len;
    int sane = a->paragraphs && a->n_paragraphs > 0;
    for (size_t i = 0; sane && i < a->n_paragraphs; i++) {
        span p = a->paragraphs[i];
        if (p.start > p.end || p.end > len || (i > 0 && p.start < a->paragraphs[i - 1].end))
            sane = 0;
    }
    if (sane) {
        for (size_t i = 0; i < a->n_paragraphs; i++)
            if (a->paragraphs[i].end > a->paragraphs[i].start)
                write_paragraph(w, t, a->paragraphs[i].start, a->paragraphs[i].end, &s);
    } else {
        size_t ps = 0;
        while (ps < len) {
            size_t pe = ps;
            while (pe < len && !(t[pe] == '\n' && pe + 1 < len && t[pe + 1] == '\n'))
                pe++;
            if (pe > ps) write_paragraph(w, t, ps, pe, &s);
            ps = pe;
            while (ps < len && (t[ps] == '\n' || t[ps] == '\r'))
                ps++;
        }
    }
    /* spans after the last paragraph (in trailing blank lines) */
    for (size_t k = 0; k < s.n_active; k++)
        anchor_only(w, &s.m[s.active[k]]);
    for (size_t k = s.next; k < s.n; k++)
        anchor_only(w, &s.m[k]);
done:
    free(s.active);
    free(s.open);
}

/* ---- sections ---- */

static const char CSS[] =
    ":root{--ink:#1b1b1b;--mute:#666;--line:#d7d7d7;--bg:#fff;--hi:#fff3b0}\n"
    "body{font:15px/1.5 Georgia,'DejaVu Serif',serif;color:var(--ink);background:var(--bg);"
    "margin:0 auto;max-width:110rem;padding:1rem 1.5rem}\n"
    "h1,h2,h3,nav,table,.meta,.badge,.src header{font-family:'DejaVu Sans',Arial,sans-serif}\n"
    "h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid var(--ink);"
    "margin-top:2rem}h3{font-size:1rem;margin:.3rem 0}\n"
    ".meta{color:var(--mute);margin:.2rem 0}nav a{margin-right:1rem}\n"
    ".cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}\n"
    ".src{border:1px solid var(--line);padding:.5rem .8rem;overflow-wrap:anywhere}\n"
    ".src header{border-bottom:1px solid var(--line);margin-bottom:.5rem;font-size:.9rem}\n"
    ".src .ttl{font-weight:bold;font-size:1rem}.url{color:var(--mute);word-break:break-all}\n"
    "mark{background:none;color:inherit}mark.c{border-bottom:1px dotted #999}\n"
    "mark.q{background:var(--hi)}mark.t{background:#dbeafe}mark.x{background:#fde2e2}\n"
    "mark.d{box-shadow:inset 0 -2px #7aa7d8}\n"
    "mark:target,.anchor:target+*{outline:3px solid #e67e22;background:#ffe0b3}\n"
    "table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}\n"
    "th,td{border:1px solid var(--line);padding:.25rem .45rem;vertical-align:top;text-align:left}\n"
    "th{background:#f3f3f3}td.y{text-align:center}td.y a{text-decoration:none}\n"
    "td.only{background:#dff3e0}td.omit{background:#fbe3e3}\n"
    ".badge{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:.6rem;"
    "border:1px solid var(--line);margin-left:.3rem}\n"
    ".b-only{background:#dff3e0}.b-omit{background:#fbe3e3}.b-changed{background:#ffd8a8}\n"
    ".b-trunc{background:#e5dbff}.b-ref{background:#eee}\n"
    "ins{background:#c9f0c9;text-decoration:none;border-bottom:2px solid #2e7d32}\n"
    "del{background:#f7c6c6;text-decoration:line-through}\n"
    ".qg,.cx,.fr{border:1px solid var(--line);padding:.5rem .8rem;margin:.6rem 0;"
    "break-inside:avoid}\n"
    ".qg ol{padding-left:1.4rem}.qg li{margin:.3rem 0}.ran{color:var(--mute);font-size:.85rem}\n"
    ".frs{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}\n"
    "td.z{white-space:nowrap}"
    ".fr table{width:100%}.barbox{width:5rem;background:#eee;height:.7rem;display:inline-block}\n"
    ".bar{display:block;height:100%;background:#4a78b0}\n"
    ".cx blockquote{margin:.3rem 0 .3rem 1rem;border-left:3px solid var(--line);"
    "padding-left:.6rem}\n"
    ".na,.empty{color:var(--mute);font-style:italic}\n"
    "@media print{body{max-width:none;padding:0;font-size:11pt}nav{display:none}"
    "a{color:inherit;text-decoration:none}.cols{display:block}.src{break-inside:avoid-page;"
    "margin-bottom:1rem}mark:target{outline:none}}\n";

static void write_head(writer *w, const char *title)
{
    put(w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
           "<meta name=\"referrer\" content=\"no-referrer\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"dossier\">\n<title>Dossier: ");
    esc(w, title);
    put(w, "</title>\n<style>\n");
    put(w, CSS);
    put(w, "</style>\n</head>\n<body>\n");
}

/* A publication date's YYYY-MM-DD part (into out, 11 bytes), or 0 when it has none. */
static int date_part(const char *z, char out[11])
{
    if (!z) return 0;
    for (int i = 0; i < 10; i++) {
        char ch = z[i];
        int ok = (i == 4 || i == 7) ? ch == '-' : (ch >= '0' && ch <= '9');
        if (!ok) return 0;
    }
    memcpy(out, z, 10);
    out[10] = '\0';
    return 1;
}

static void write_header(writer *w, const char *title)
{
    const comparison *c = w->c;
    put(w, "<header>\n<h1>");
    esc(w, title);
    put(w, "</h1>\n<p class=\"meta\">");
    size_t dups = 0;
    char lo[11] = "", hi[11] = "", d[11];
    for (size_t i = 0; i < w->n; i++) {
        if (w->arts[i].duplicate_of >= 0) dups++;
        if (w->arts[i].art && date_part(w->arts[i].art->published, d)) {
            if (!lo[0] || strcmp(d, lo) < 0) memcpy(lo, d, 11);
            if (!hi[0] || strcmp(d, hi) > 0) memcpy(hi, d, 11);
        }
    }
    putf(w, "%zu article%s", w->n, w->n == 1 ? "" : "s");
    if (dups) putf(w, " (%zu near-duplicate%s)", dups, dups == 1 ? "" : "s");
    putf(w, " from %zu outlet%s", c->n_outlets, c->n_outlets == 1 ? "" : "s");
    if (lo[0]) {
        put(w, " &middot; ");
        put(w, lo);
        if (strcmp(lo, hi) != 0) {
            put(w, " &ndash; ");
            put(w, hi);
        }
    } else {
        put(w, " &middot; no dates");
    }
    put(w, "</p>\n<p class=\"meta\">Outlets: ");
    for (size_t o = 0; o < c->n_outlets; o++) {
        size_t k = 0;
        for (size_t i = 0; i < w->n; i++)
            k += article_outlet(w, i) == o;
        if (o) put(w, ", ");
        esc(w, outlet_name(w, o));
        putf(w, " (%zu)", k);
    }
    if (c->n_outlets == 0) put(w, "none");
    put(w, "</p>\n<nav><a href=\"#articles\">Articles</a><a href=\"#coverage\">Coverage</a>"
           "<a href=\"#quotes\">Quotes</a><a href=\"#framing\">Framing</a>"
           "<a href=\"#contradictions\">Contradictions</a><a href=\"#timeline\">Timeline</a>"
           "</nav>\n</header>\n");
}

/* 1 if z looks like a language tag ("en", "de", "zh-Hans", "pt-BR"): letters, digits and
 * hyphens only, starting with a letter, short. Only then is it written as an attribute. */
static int is_lang_code(const char *z)
{
    if (!z || !((*z >= 'a' && *z <= 'z') || (*z >= 'A' && *z <= 'Z'))) return 0;
    size_t n = 0;
    for (; z[n]; n++) {
        char ch = z[n];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-') ||
            n >= 16)
            return 0;
    }
    return 1;
}

static void write_articles(writer *w)
{
    put(w, "<section id=\"articles\">\n<h2>Articles side by side</h2>\n");
    if (w->n == 0) {
        put(w, "<p class=\"empty\">No articles.</p>\n</section>\n");
        return;
    }
    put(w, "<div class=\"cols\">\n");
    size_t mk = 0;
    for (size_t i = 0; i < w->n && w->rc == DOSSIER_OK; i++) {
        const story_article *sa = &w->arts[i];
        const article *a = sa->art;
        putf(w, "<article class=\"src\" id=\"art%zu\">\n<header><h3>", i);
        esc(w, article_outlet_name(w, i));
        put(w, "</h3>\n<div class=\"ttl\">");
        if (a && a->title)
            esc(w, a->title);
        else
            put(w, "<span class=\"na\">untitled</span>");
        put(w, "</div>\n<div class=\"meta\">");
        if (a && a->published) {
            put(w, "<time>");
            esc(w, a->published);
            put(w, "</time>");
        } else {
            put(w, "undated");
        }
        if (a && a->author) {
            put(w, " &middot; ");
            esc(w, a->author);
        }
        if (a && a->lang) {
            put(w, " &middot; ");
            esc(w, a->lang);
        }
        if (sa->duplicate_of >= 0 && (size_t)sa->duplicate_of < w->n)
            putf(w, " &middot; <a href=\"#art%d\">near-duplicate of article %d</a>",
                 sa->duplicate_of, sa->duplicate_of + 1);
        put(w, "</div>\n");
        const char *url = a && a->url ? a->url : sa->source;
        if (url) {
            if (is_http_url(url)) {
                put(w, "<div><a class=\"url\" rel=\"noreferrer noopener nofollow\" href=\"");
                esc(w, url);
                put(w, "\">");
                esc(w, url);
                put(w, "</a></div>\n");
            } else {
                put(w, "<div class=\"url\">");
                esc(w, url);
                put(w, "</div>\n");
            }
        }
        /* the text's language and direction, so a reader's browser picks fonts, hyphenation
         * and right-to-left layout for it */
        put(w, "</header>\n<div class=\"text\" dir=\"auto\"");
        if (a && is_lang_code(a->lang)) {
            put(w, " lang=\"");
            put(w, a->lang);
            put(w, "\"");
        }
        put(w, ">\n");
        size_t first = mk;
        while (mk < w->n_marks && w->marks[mk].article == i)
            mk++;
        if (a && a->text && a->text_len)
            write_article_text(w, a, w->marks ? w->marks + first : NULL, mk - first);
        else
            put(w, "<p class=\"empty\">No text.</p>\n");
        put(w, "</div>\n</article>\n");
    }
    put(w, "</div>\n</section>\n");
}

/* The first reference of a claim in outlet o, or NULL. */
static const cmp_ref *claim_ref_in(const writer *w, const cmp_claim *cl, size_t o)
{
    for (size_t k = 0; k < cl->n_refs; k++)
        if (article_outlet(w, cl->refs[k].article) == o) return &cl->refs[k];
    return NULL;
}

static int claim_carried(const writer *w, const cmp_claim *cl, size_t o)
{
    if (cl->carried) return cl->carried[o] != 0;
    return claim_ref_in(w, cl, o) != NULL;
}

static void write_coverage(writer *w)
{
    const comparison *c = w->c;
    put(w, "<section id=\"coverage\">\n<h2>Coverage matrix</h2>\n");
    if (c->n_claims == 0 || c->n_outlets == 0) {
        put(w, "<p class=\"empty\">No claims to compare.</p>\n</section>\n");
        return;
    }
    put(w, "<p class=\"meta\">Each row is a claim aligned across outlets; &#10003; links to the "
           "outlet's sentence.</p>\n<table class=\"matrix\">\n<thead><tr><th>Claim</th>");
    for (size_t o = 0; o < c->n_outlets; o++) {
        put(w, "<th>");
        esc(w, outlet_name(w, o));
        put(w, "</th>");
    }
    put(w, "<th>Coverage</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < c->n_claims && w->rc == DOSSIER_OK; i++) {
        const cmp_claim *cl = &c->claims[i];
        size_t carriers = 0, only = SIZE_MAX;
        for (size_t o = 0; o < c->n_outlets; o++)
            if (claim_carried(w, cl, o)) {
                carriers++;
                only = o;
            }
        putf(w, "<tr id=\"claim%zu\"><td>", i);
        if (cl->n_refs)
            ref_text(w, cl->refs[0], CELL_TEXT_MAX);
        else
            put(w, "<span class=\"na\">[no sentence]</span>");
        put(w, "</td>");
        for (size_t o = 0; o < c->n_outlets; o++) {
            if (claim_carried(w, cl, o)) {
                const cmp_ref *r = claim_ref_in(w, cl, o);
                put(w, carriers == 1 ? "<td class=\"y only\">" : "<td class=\"y\">");
                if (r)
                    ref_link(w, *r, "&#10003;");
                else
                    put(w, "&#10003;");
                put(w, "</td>");
            } else {
                put(w, cl->coverage == CMP_MOST ? "<td class=\"omit\"></td>" : "<td></td>");
            }
        }
        put(w, "<td>");
        if (carriers == 1 && only != SIZE_MAX) {
            put(w, "<span class=\"badge b-only\">only ");
            esc(w, outlet_name(w, only));
            put(w, "</span>");
        } else if (carriers == c->n_outlets) {
            put(w, "all");
        } else {
            put(w, "<span class=\"badge b-omit\">omitted by ");
            int first = 1;
            for (size_t o = 0; o < c->n_outlets; o++)
                if (!claim_carried(w, cl, o)) {
                    if (!first) put(w, ", ");
                    esc(w, outlet_name(w, o));
                    first = 0;
                }
            put(w, "</span>");
        }
        put(w, "</td></tr>\n");
    }
    put(w, "</tbody>\n</table>\n</section>\n");
}

/* A variant's wording with its diff against the reference: shared words plain, inserted in
 * <ins>, deleted (from the reference's text) in <del>, the variant's own punctuation between
 * runs kept. */
static void write_variant_words(writer *w, const cmp_variant *v, const cmp_variant *ref)
{
    if (v->n_refs == 0) {
        put(w, "<span class=\"na\">[no text]</span>");
        return;
    }
    if ((!v->diff || v->n_diff == 0) && v->n_pieces) {
        /* a quotation split around its frame: its pieces, the frame left out */
        for (size_t k = 0; k < v->n_pieces; k++) {
            if (k) put(w, " ");
            ref_text(w, (cmp_ref){v->refs[0].article, v->pieces[k]}, 0);
        }
        return;
    }
    if (!v->diff || v->n_diff == 0) {
        ref_text(w, v->refs[0], 0);
        return;
    }
    const article *va = ref_article(w->arts, w->n, v->refs[0].article, v->refs[0].at);
    const article *ra = ref && ref->n_refs
                            ? ref_article(w->arts, w->n, ref->refs[0].article, ref->refs[0].at)
                            : NULL;
    if (!va) {
        put(w, "<span class=\"na\">[not in the text]</span>");
        return;
    }
    int any = 0;
    size_t last = SIZE_MAX; /* end of the previous run in the variant's text */
    for (size_t k = 0; k < v->n_diff; k++) {
        const cmp_diff *d = &v->diff[k];
        const article *a = d->op == CMP_DEL ? ra : va;
        if (!a || d->at.start >= d->at.end || d->at.end > a->text_len) continue;
        if (d->op == CMP_DEL) {
            if (any) put(w, " ");
            put(w, "<del>");
            esc_bytes(w, a->text + d->at.start, d->at.end - d->at.start, 0);
            put(w, "</del>");
            any = 1;
            continue;
        }
        if (last != SIZE_MAX && d->at.start >= last) {
            if (d->at.start - last <= DIFF_GAP_MAX)
                esc_bytes(w, a->text + last, d->at.start - last, 0);
            else
                put(w, " \xe2\x80\xa6 ");
        } else if (any) {
            put(w, " ");
        }
        put(w, d->op == CMP_INS ? "<ins>" : "");
        esc_bytes(w, a->text + d->at.start, d->at.end - d->at.start, 0);
        put(w, d->op == CMP_INS ? "</ins>" : "");
        last = d->at.end;
        any = 1;
    }
}

/* The outlets that ran a variant, each linking to one of its places, duplicates folded. */
static void write_variant_outlets(writer *w, const cmp_variant *v)
{
    put(w, "<div class=\"ran\">ran by: ");
    for (size_t k = 0; k < v->n_refs; k++) {
        size_t ok = article_outlet(w, v->refs[k].article);
        int seen = 0;
        for (size_t j = 0; j < k && ok != SIZE_MAX; j++)
            if (article_outlet(w, v->refs[j].article) == ok) seen = 1;
        if (seen) continue;
        if (k) put(w, ", ");
        ref_outlet_link(w, v->refs[k]);
    }
    if (v->n_refs == 0) put(w, "none");
    put(w, "</div>\n");
}

static void write_quotes(writer *w)
{
    const comparison *c = w->c;
    put(w, "<section id=\"quotes\">\n<h2>Quote groups</h2>\n");
    if (c->n_quote_groups == 0) {
        put(w, "<p class=\"empty\">No quotations.</p>\n</section>\n");
        return;
    }
    for (size_t g = 0; g < c->n_quote_groups && w->rc == DOSSIER_OK; g++) {
        const cmp_quote_group *qg = &c->quote_groups[g];
        putf(w, "<div class=\"qg\" id=\"qg%zu\">\n<h3>", g);
        if (qg->speaker)
            esc(w, qg->speaker);
        else
            put(w, "<span class=\"na\">unattributed</span>");
        putf(w, "<span class=\"badge\">%zu outlet%s</span>", qg->n_outlets,
             qg->n_outlets == 1 ? "" : "s");
        if (qg->changed) put(w, "<span class=\"badge b-changed\">wording changed</span>");
        put(w, "</h3>\n");
        const cmp_variant *ref =
            qg->reference < qg->n_variants ? &qg->variants[qg->reference] : NULL;
        put(w, "<p>Reference wording: &ldquo;");
        if (ref && ref->n_refs)
            ref_text(w, ref->refs[0], 0);
        else
            put(w, "<span class=\"na\">[none]</span>");
        put(w, "&rdquo;</p>\n<ol class=\"variants\">\n");
        for (size_t v = 0; v < qg->n_variants; v++) {
            const cmp_variant *va = &qg->variants[v];
            put(w, "<li>");
            if (v == qg->reference) put(w, "<span class=\"badge b-ref\">reference</span> ");
            if (va->changed) put(w, "<span class=\"badge b-changed\">changed</span> ");
            if (va->truncated) put(w, "<span class=\"badge b-trunc\">truncated</span> ");
            put(w, "<q>");
            write_variant_words(w, va, v == qg->reference ? NULL : ref);
            put(w, "</q> ");
            if (va->n_refs) ref_link(w, va->refs[0], "&#8599;");
            write_variant_outlets(w, va);
            put(w, "</li>\n");
        }
        put(w, "</ol>\n</div>\n");
    }
    put(w, "</section>\n");
}

static void write_framing(writer *w)
{
    const comparison *c = w->c;
    put(w, "<section id=\"framing\">\n<h2>Framing</h2>\n");
    if (c->n_framing == 0) {
        put(w, "<p class=\"empty\">No framing terms (it takes at least two outlets with enough "
               "text).</p>\n</section>\n");
        return;
    }
    double zmax = 0;
    for (size_t f = 0; f < c->n_framing; f++)
        for (size_t t = 0; t < c->framing[f].n_terms; t++) {
            double z = c->framing[f].terms[t].z;
            if (isfinite(z) && z > zmax) zmax = z;
        }
    put(w, "<p class=\"meta\">Each outlet's most distinctive words against the other outlets "
           "(z-score of the log-odds ratio with an informative Dirichlet prior).</p>\n"
           "<div class=\"frs\">\n");
    for (size_t f = 0; f < c->n_framing && w->rc == DOSSIER_OK; f++) {
        const cmp_framing *fr = &c->framing[f];
        put(w, "<div class=\"fr\"><h3>");
        esc(w, outlet_name(w, fr->outlet));
        put(w, "</h3>\n");
        if (fr->n_loaded) {
            put(w, "<p class=\"meta\">Loaded language only this outlet uses: ");
            for (size_t t = 0; t < fr->n_loaded; t++) {
                if (t) put(w, ", ");
                put(w, "<q>");
                esc(w, fr->loaded[t].term);
                put(w, "</q> ");
                ref_link(w, fr->loaded[t].example, "&#8599;");
            }
            put(w, "</p>\n");
        }
        if (fr->n_terms == 0) {
            put(w, "<p class=\"empty\">No distinctive terms.</p></div>\n");
            continue;
        }
        put(w, "<table><thead><tr><th>Term</th><th>z</th><th>n</th><th></th></tr></thead>"
               "<tbody>\n");
        for (size_t t = 0; t < fr->n_terms; t++) {
            const cmp_term *tm = &fr->terms[t];
            double z = tm->z;
            int pct = 0;
            if (isfinite(z) && z > 0 && zmax > 0) pct = (int)lround(100.0 * z / zmax);
            if (pct > 100) pct = 100;
            put(w, "<tr><td>");
            esc(w, tm->term);
            if (isfinite(z))
                putf(w, "</td><td class=\"z\">%.2f ", z);
            else
                put(w, "</td><td class=\"z\">&ndash; ");
            putf(w,
                 "<span class=\"barbox\"><span class=\"bar\" style=\"width:%d%%\"></span></span>"
                 "</td><td>%u</td><td>",
                 pct, (unsigned)tm->count);
            ref_link(w, tm->example, "&#8599;");
            put(w, "</td></tr>\n");
        }
        put(w, "</tbody></table></div>\n");
    }
    put(w, "</div>\n</section>\n");
}

static void write_statement(writer *w, cmp_ref r, const char *speaker)
{
    put(w, "<blockquote><b>");
    if (speaker)
        esc(w, speaker);
    else
        put(w, "<span class=\"na\">unattributed</span>");
    put(w, "</b> (");
    ref_outlet_link(w, r);
    put(w, "): &ldquo;");
    ref_text(w, r, 0);
    put(w, "&rdquo;</blockquote>\n");
}

static void write_contradictions(writer *w)
{
    const comparison *c = w->c;
    put(w, "<section id=\"contradictions\">\n<h2>Contradictions</h2>\n");
    if (c->n_contradictions == 0) {
        put(w, "<p class=\"empty\">No contradicting statements found.</p>\n</section>\n");
        return;
    }
    for (size_t i = 0; i < c->n_contradictions && w->rc == DOSSIER_OK; i++) {
        const cmp_contradiction *x = &c->contradictions[i];
        putf(w, "<div class=\"cx\" id=\"cx%zu\"><h3>", i);
        if (x->subject)
            esc(w, x->subject);
        else
            put(w, "<span class=\"na\">no subject</span>");
        if (x->why) {
            put(w, "<span class=\"badge\">");
            esc(w, x->why);
            put(w, "</span>");
        }
        if (isfinite(x->score)) putf(w, "<span class=\"badge\">score %.2f</span>", x->score);
        put(w, "</h3>\n");
        write_statement(w, x->a, x->speaker_a);
        write_statement(w, x->b, x->speaker_b);
        put(w, "</div>\n");
    }
    put(w, "</section>\n");
}

static void write_timeline(writer *w)
{
    const comparison *c = w->c;
    put(w, "<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    if (c->n_timeline == 0) {
        put(w, "<p class=\"empty\">No dated happenings.</p>\n</section>\n");
        return;
    }
    put(w, "<table class=\"tl\">\n<thead><tr><th>Date</th><th>Date words</th><th>What</th>"
           "<th>Reported by</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < c->n_timeline && w->rc == DOSSIER_OK; i++) {
        const cmp_event *e = &c->timeline[i];
        put(w, "<tr><td>");
        esc_bytes(w, e->date, strnlen(e->date, sizeof e->date), 0);
        put(w, "</td><td>");
        if (e->when)
            esc(w, e->when);
        else
            put(w, "<span class=\"na\">publication date</span>");
        put(w, "</td><td>");
        ref_text(w, e->ref, CELL_TEXT_MAX);
        put(w, " ");
        ref_link(w, e->ref, "&#8599;");
        put(w, "</td><td>");
        ref_outlet_link(w, e->ref);
        if (e->n_sources > 1) putf(w, " and %zu more", e->n_sources - 1);
        put(w, "</td></tr>\n");
    }
    put(w, "</tbody>\n</table>\n</section>\n");
}

dossier_status report_html(const story_article *arts, size_t n, const comparison *c,
                           const char *title, dbuf *out)
{
    if (!out || (!arts && n > 0)) return DOSSIER_ERR_USAGE;
    static const comparison empty;
    writer w = {out, DOSSIER_OK, arts, n, c ? c : &empty, NULL, 0, 0};
    if (!title || !*title) title = "Story";
    marks_collect(&w);
    write_head(&w, title);
    write_header(&w, title);
    write_articles(&w);
    write_coverage(&w);
    write_quotes(&w);
    write_framing(&w);
    write_contradictions(&w);
    write_timeline(&w);
    put(&w, "<footer class=\"meta\"><p>Made by dossier. Every marked passage links back to the "
            "article text it came from.</p></footer>\n</body>\n</html>\n");
    free(w.marks);
    return w.rc;
}
