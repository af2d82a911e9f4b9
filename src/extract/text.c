/*
 * text.c - plain-text captures to articles. The classified lines (text_lines.c) are read in
 * order and cut into segments: an article ends at "keep reading", at a footer ("Newsletter",
 * "Latest news", "Subscribe now ...") and where the next one starts ("Top image credit: ...").
 * Each segment is then read as head (title, dek, date, byline), body (prose and subheads) and
 * tail (bio, byline, place), and becomes an article; a short one closed by "keep reading" is a
 * teaser.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/lang.h"
#include "extract/text_internal.h"

/* A teaser shows a headline and at most this many paragraphs before "keep reading"; articles
 * glued whole after another run much longer (the glued pieces we have seen have eight or more). */
#define TEASER_MAX_PARAGRAPHS 3
/* After a footer, this many long prose lines in a row mean an article resumes. */
#define RESUME_PROSE_LINES 2
#define RESUME_PROSE_WORDS 25

/* How a segment ended. */
typedef enum seg_end { SEG_END_DOC, SEG_END_KEEP, SEG_END_START, SEG_END_FOOTER } seg_end;

/* A run of lines [first, last) that may hold one article. */
typedef struct segment {
    size_t first, last; /* line indices */
    seg_end how;        /* what closed it */
    int prose;          /* number of prose lines in it */
} segment;

/* What one segment yields before it becomes an article. */
typedef struct seg_reading {
    const tline *title;     /* headline line, or NULL */
    const char *published;  /* ISO date (arena), or NULL */
    const char *author;     /* name (arena), or NULL */
    size_t *paras;          /* line indices of the paragraphs */
    size_t n_paras;
} seg_reading;

/* Are two lines the same text, ignoring case and spacing? (a headline printed twice) */
static int same_text(slice a, slice b)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < a.len && (a.ptr[i] == ' ' || a.ptr[i] == '\t' || a.ptr[i] == '\n')) i++;
        while (j < b.len && (b.ptr[j] == ' ' || b.ptr[j] == '\t' || b.ptr[j] == '\n')) j++;
        if (i == a.len || j == b.len) return i == a.len && j == b.len;
        char x = a.ptr[i++], y = b.ptr[j++];
        if (x >= 'A' && x <= 'Z') x = (char)(x | 0x20);
        if (y >= 'A' && y <= 'Z') y = (char)(y | 0x20);
        if (x != y) return 0;
    }
}

/* Appends s to t with runs of ASCII whitespace (line breaks of wrapped text included) made one
 * space. */
static dossier_status put_squeezed(dbuf *t, slice s)
{
    size_t i = 0;
    while (i < s.len) {
        size_t st = i;
        while (i < s.len && s.ptr[i] != ' ' && s.ptr[i] != '\t' && s.ptr[i] != '\n' &&
               s.ptr[i] != '\r')
            i++;
        dossier_status rc = dbuf_append(t, s.ptr + st, i - st);
        if (rc) return rc;
        size_t sp = i;
        while (i < s.len && (s.ptr[i] == ' ' || s.ptr[i] == '\t' || s.ptr[i] == '\n' ||
                             s.ptr[i] == '\r'))
            i++;
        if (i > sp && i < s.len && (rc = dbuf_putc(t, ' '))) return rc;
    }
    return DOSSIER_OK;
}

static char *squeezed_copy(arena *a, slice s)
{
    dbuf t;
    dbuf_init(&t, 0);
    char *r = NULL;
    if (put_squeezed(&t, s) == DOSSIER_OK) r = arena_strndup(a, t.ptr ? t.ptr : "", t.len);
    dbuf_release(&t);
    return r;
}

/* "Jane Doe and John Roe" -> "Jane Doe, John Roe". */
static char *author_copy(arena *a, slice name)
{
    char *z = squeezed_copy(a, name);
    if (!z) return NULL;
    char *p;
    while ((p = strstr(z, " and ")) != NULL) {
        p[0] = ',';
        memmove(p + 2, p + 5, strlen(p + 5) + 1);
        p[1] = ' ';
    }
    return z;
}

/* Cuts the lines into segments (malloc'd array; the caller frees it). */
static dossier_status cut_segments(const tline *l, size_t n, segment **out, size_t *count)
{
    size_t cap = 8, k = 0;
    segment *v = malloc(cap * sizeof *v);
    if (!v) return DOSSIER_ERR_NOMEM;
    segment cur = {0, 0, SEG_END_DOC, 0};
    int seen_prose = 0, footer = 0;
#define CLOSE_AT(end, why)                                                                        \
    do {                                                                                          \
        cur.last = (end);                                                                         \
        cur.how = (why);                                                                          \
        if (cur.prose) {                                                                          \
            if (k == cap) {                                                                       \
                segment *w = realloc(v, (cap *= 2) * sizeof *v);                                  \
                if (!w) {                                                                         \
                    free(v);                                                                      \
                    return DOSSIER_ERR_NOMEM;                                                     \
                }                                                                                 \
                v = w;                                                                            \
            }                                                                                     \
            v[k++] = cur;                                                                         \
        }                                                                                         \
    } while (0)
    for (size_t i = 0; i < n; i++) {
        tline_kind kind = l[i].kind;
        if (footer) {
            int resume = 0;
            if (kind == TL_PROSE && l[i].words >= RESUME_PROSE_WORDS) {
                int run = 0;
                for (size_t j = i; j < n && run < RESUME_PROSE_LINES; j++) {
                    if (l[j].kind == TL_BLANK) continue;
                    if (l[j].kind != TL_PROSE || l[j].words < RESUME_PROSE_WORDS) break;
                    run++;
                }
                resume = run >= RESUME_PROSE_LINES;
            }
            if (kind != TL_START && !resume) continue;
            footer = 0;
            cur.first = i, cur.prose = 0;
        }
        switch (kind) {
        case TL_START:
            if (cur.prose) CLOSE_AT(i, SEG_END_START);
            cur.first = i, cur.prose = 0; /* tags printed before the credit go with it */
            break;
        case TL_KEEP:
            if (cur.prose) {
                CLOSE_AT(i, SEG_END_KEEP);
                cur.first = i + 1, cur.prose = 0;
            }
            break;
        case TL_FOOTER:
            if (seen_prose) {
                CLOSE_AT(i, SEG_END_FOOTER);
                cur.prose = 0;
                footer = 1;
            }
            break;
        case TL_PROSE:
            seen_prose = 1;
            cur.prose++;
            break;
        default:
            break;
        }
    }
    if (!footer) CLOSE_AT(n, SEG_END_DOC);
#undef CLOSE_AT
    *out = v;
    *count = k;
    return DOSSIER_OK;
}

/* Is line i a bare person name printed next to a date line (a byline without "By": "Jane Doe"
 * then "Oct 16, 2025")? Section labels ("Middle East") look like names; the date tells them
 * apart. */
static int is_dated_name(const tline *l, const segment *sg, size_t i)
{
    static const char *const ROLE[] = {"correspondent", "editor", "reporter", "writer",
                                       "columnist", "contributor", "staff", "analyst"};
    if (l[i].kind != TL_SHORT || l[i].words > 4 || !text_is_person_name(l[i].text)) return 0;
    size_t j = i + 1;
    while (j < sg->last && l[j].kind == TL_BLANK) j++;
    if (j < sg->last && l[j].kind == TL_DATE) return 1;
    /* or over a job title: "Lena Holt" / "Northern Seas correspondent" */
    if (j < sg->last && l[j].kind == TL_SHORT && l[j].words <= 6)
        for (size_t k = 0; k < sizeof ROLE / sizeof ROLE[0]; k++)
            if (slice_contains_ci(l[j].text, ROLE[k])) return 1;
    j = i;
    while (j > sg->first && l[j - 1].kind == TL_BLANK) j--;
    return j > sg->first && l[j - 1].kind == TL_DATE;
}

/* Is short line i the text that goes with the line before it: a photo's caption under an
 * agency credit ("Getty Images" / "The minister at the talks"), or the job title under a
 * byline name? */
static int follows_credit_or_name(const tline *l, const segment *sg, size_t i)
{
    size_t j = i;
    while (j > sg->first && l[j - 1].kind == TL_BLANK) j--;
    if (j == sg->first) return 0;
    const tline *p = &l[j - 1];
    if (p->kind == TL_CAPTION && p->words <= 5) return 1;
    return p->kind == TL_SHORT && j - 1 > sg->first && is_dated_name(l, sg, j - 1);
}

/* Takes the date of a date line or the name of a byline, unless the article has one already.
 * Returns 0, or 1 when out of memory. */
static int read_date_or_byline(arena *a, const tline *x, seg_reading *r)
{
    char iso[32];
    if (x->kind == TL_DATE && !r->published && extract_parse_date(x->text.ptr, x->text.len, iso))
        return !(r->published = arena_strdup(a, iso));
    if (x->kind == TL_BYLINE && !r->author)
        return !(r->author = author_copy(a, slice_make(x->text.ptr + x->name_off, x->name_len)));
    return 0;
}

/* Reads head, body and tail of one segment. paras must hold (last - first) indices. */
static dossier_status read_segment(arena *a, const tline *l, const segment *sg, slice hint_title,
                                   seg_reading *r)
{
    size_t first_body = sg->last, last_body = sg->first;
    for (size_t i = sg->first; i < sg->last; i++)
        if (l[i].kind == TL_PROSE) {
            if (first_body == sg->last) first_body = i;
            last_body = i;
        }
    /* On sites that print the image credit first, the line after it is the headline, even
     * when it ends like a sentence ("A truce is holding. Here's why.") */
    if (l[sg->first].kind == TL_START && !hint_title.len) {
        size_t i = sg->first + 1;
        while (i < sg->last && l[i].kind == TL_BLANK) i++;
        if (i < sg->last && i == first_body && l[i].words <= 14 && i < last_body) {
            r->title = &l[i];
            first_body = sg->last;
            for (size_t j = i + 1; j < sg->last && first_body == sg->last; j++)
                if (l[j].kind == TL_PROSE) first_body = j;
        }
    }
    /* head: title, dek, date, byline */
    for (size_t i = sg->first; i < first_body; i++) {
        const tline *x = &l[i];
        switch (x->kind) {
        case TL_DATE:
        case TL_BYLINE:
            if (read_date_or_byline(a, x, r)) return DOSSIER_ERR_NOMEM;
            break;
        case TL_SHORT:
            if (follows_credit_or_name(l, sg, i)) break;
            if (r->title && !r->author && is_dated_name(l, sg, i)) {
                /* a byline without "By" under the headline, next to the date */
                if (!(r->author = author_copy(a, x->text))) return DOSSIER_ERR_NOMEM;
            } else if (hint_title.len && same_text(x->text, hint_title)) {
                if (!r->title) r->title = x;
            } else if (!r->title && !hint_title.len) {
                if (x->words >= 3) r->title = x;
            } else if (r->title && same_text(x->text, r->title->text)) {
                /* the headline printed twice */
            } else if (x->words >= 4 && (r->title || hint_title.len)) {
                r->paras[r->n_paras++] = i; /* the dek: the article's own summary */
            }
            break;
        default:
            break; /* icons, menus, section labels, credits, captions */
        }
    }
    /* body: prose and subheads between the first and last prose line */
    for (size_t i = first_body; i <= last_body && i < sg->last; i++) {
        const tline *x = &l[i];
        switch (x->kind) {
        case TL_PROSE:
        case TL_BIO: /* a bio with more text after it is text */
            r->paras[r->n_paras++] = i;
            break;
        case TL_SHORT:
            if (r->title && same_text(x->text, r->title->text)) break;
            if (follows_credit_or_name(l, sg, i)) break;
            if (is_dated_name(l, sg, i)) { /* a byline under the dek */
                if (!r->author && !(r->author = author_copy(a, x->text))) return DOSSIER_ERR_NOMEM;
                break;
            }
            if (hint_title.len && same_text(x->text, hint_title)) break;
            r->paras[r->n_paras++] = i; /* a subhead */
            break;
        case TL_DATE:
        case TL_BYLINE:
            if (read_date_or_byline(a, x, r)) return DOSSIER_ERR_NOMEM;
            break;
        default:
            break;
        }
    }
    /* tail: the bio or the byline printed after the text; a place line after a name */
    int name_seen = 0;
    for (size_t i = last_body + 1; i < sg->last; i++) {
        const tline *x = &l[i];
        slice name = {NULL, 0};
        if (x->kind == TL_BIO || x->kind == TL_BYLINE) {
            name = slice_make(x->text.ptr + x->name_off, x->name_len);
        } else if (x->kind == TL_SHORT && !name_seen && sg->how != SEG_END_START &&
                   sg->how != SEG_END_KEEP && text_is_person_name(x->text)) {
            /* a wire byline: the reporter's name, then the city; not tags before the next
             * article's credit line, which look the same */
            name = x->text;
        } else if (x->kind == TL_DATE && read_date_or_byline(a, x, r)) {
            return DOSSIER_ERR_NOMEM;
        }
        if (x->kind == TL_SHORT) name_seen = 1;
        if (name.len && !r->author && !(r->author = author_copy(a, name)))
            return DOSSIER_ERR_NOMEM;
    }
    return DOSSIER_OK;
}

/* Makes the article of one read segment. */
static dossier_status build_article(arena *a, const tline *l, const seg_reading *r, int index,
                                    int teaser, article_list *out)
{
    span *paras = arena_calloc(a, r->n_paras, sizeof *paras);
    span *srcs = arena_calloc(a, r->n_paras, sizeof *srcs);
    if (!paras || !srcs) return DOSSIER_ERR_NOMEM;
    dbuf t;
    dbuf_init(&t, 0);
    dossier_status rc = DOSSIER_OK;
    for (size_t k = 0; k < r->n_paras; k++) {
        const tline *x = &l[r->paras[k]];
        if (k && (rc = dbuf_append(&t, "\n\n", 2))) goto done;
        paras[k].start = t.len;
        if ((rc = put_squeezed(&t, x->text))) goto done;
        paras[k].end = t.len;
        srcs[k] = x->src;
    }
    article *art = article_list_push(a, out);
    char *text = arena_strndup(a, t.ptr ? t.ptr : "", t.len);
    if (!art || !text) {
        rc = DOSSIER_ERR_NOMEM;
        goto done;
    }
    art->index = index;
    art->teaser = teaser;
    art->text = text;
    art->text_len = t.len;
    art->paragraphs = paras;
    art->sources = srcs;
    art->n_paragraphs = r->n_paras;
    art->published = r->published;
    art->author = r->author;
    if (r->title && !(art->title = squeezed_copy(a, r->title->text))) rc = DOSSIER_ERR_NOMEM;
    art->lang = lang_detect(art->text, art->text_len);
done:
    dbuf_release(&t);
    return rc;
}

/* Drops z (ASCII case-insensitive) and the spaces after it from the start of *r; 1 if it was
 * there. */
static int skip_lead(slice *r, const char *z)
{
    if (!slice_starts_with_ci(*r, z)) return 0;
    size_t zn = strlen(z);
    *r = slice_trim(slice_make(r->ptr + zn, r->len - zn));
    return 1;
}

/* The owner a copyright line names ("© 2024 Harbour Times. All rights reserved.", "Copyright
 * 2019-2024 Harbour Media Group | Privacy"), the last such line of the capture, in the arena;
 * NULL when none. A capture without a URL or a site hint names its outlet there, if anywhere. */
static const char *copyright_site(arena *a, const tline *lines, size_t n)
{
    for (size_t i = n; i-- > 0;) {
        slice t = lines[i].text;
        /* a photo credit ("© Jo Lind / Agency") names the photo's owner, not the outlet */
        if (t.len > 200 || lines[i].kind == TL_CAPTION || lines[i].kind == TL_START ||
            lines[i].kind == TL_PROSE)
            continue;
        size_t at = t.len;
        for (size_t k = 0; k + 2 <= t.len && at == t.len; k++)
            if ((unsigned char)t.ptr[k] == 0xC2 && (unsigned char)t.ptr[k + 1] == 0xA9) at = k + 2;
        if (at == t.len && slice_starts_with_ci(t, "copyright ")) at = 10;
        if (at == t.len) continue;
        slice r = slice_trim(slice_make(t.ptr + at, t.len - at));
        /* "Copyright ©", years and their dashes and commas, in any order */
        for (;;) {
            if (skip_lead(&r, "copyright") || skip_lead(&r, "\xC2\xA9") ||
                skip_lead(&r, "\xE2\x80\x93")) /* an en dash between years */
                continue;
            size_t d = 0;
            while (d < r.len && (isdigit((unsigned char)r.ptr[d]) || r.ptr[d] == '-' ||
                                 r.ptr[d] == ',' || r.ptr[d] == ' '))
                d++;
            if (d < 4 || d == r.len) break;
            r = slice_trim(slice_make(r.ptr + d, r.len - d));
        }
        /* the name: up to a full stop, a bar, a comma or "All rights" */
        size_t e = 0;
        while (e < r.len && r.ptr[e] != '|' && r.ptr[e] != ',' &&
               !(r.ptr[e] == '.' && (e + 1 == r.len || r.ptr[e + 1] == ' ')) &&
               !(e + 11 <= r.len && strncasecmp(r.ptr + e, " all rights", 11) == 0))
            e++;
        slice name = slice_trim(slice_make(r.ptr, e));
        int words = name.len ? 1 : 0;
        for (size_t k = 0; k < name.len; k++) words += name.ptr[k] == ' ';
        if (name.len < 2 || name.len > 60 || words > 6 || memchr(name.ptr, '/', name.len)) continue;
        if (!isupper((unsigned char)name.ptr[0]) && (unsigned char)name.ptr[0] < 0x80) continue;
        if (slice_starts_with_ci(name, "all rights")) continue;
        return arena_strndup(a, name.ptr, name.len);
    }
    return NULL;
}

dossier_status extract_from_text(arena *a, const char *text, size_t len, const extract_hints *h,
                                 article_list *out)
{
    static const extract_hints no_hints = {NULL, NULL, NULL, NULL, 0};
    if (!a || !out) return DOSSIER_ERR_USAGE;
    if (!h) h = &no_hints;
    if (!text || !len) return DOSSIER_OK;
    tline *lines = NULL;
    segment *segs = NULL;
    size_t n = 0, nseg = 0;
    dossier_status rc = text_lines_read(text, len, &lines, &n);
    if (rc) return rc;
    if ((rc = cut_segments(lines, n, &segs, &nseg))) goto done;

    const char *site = h->site ? arena_strdup(a, h->site) : extract_url_host(a, h->url);
    if (!site) site = copyright_site(a, lines, n);
    int found = 0; /* articles found so far, teasers included */
    for (size_t s = 0; s < nseg; s++) {
        const segment *sg = &segs[s];
        seg_reading r = {NULL, NULL, NULL, NULL, 0};
        r.paras = arena_calloc(a, sg->last - sg->first, sizeof *r.paras);
        if (!r.paras) {
            rc = DOSSIER_ERR_NOMEM;
            goto done;
        }
        slice hint_title = {NULL, 0};
        if (found == 0 && h->title) hint_title = slice_trim(slice_make(h->title, strlen(h->title)));
        if ((rc = read_segment(a, lines, sg, hint_title, &r))) goto done;
        if (!r.n_paras) continue;
        int teaser = sg->how == SEG_END_KEEP && r.n_paras <= TEASER_MAX_PARAGRAPHS;
        /* index counts teasers even when they are dropped, so ids stay the same either way */
        int index = found++;
        if (teaser && h->drop_teasers) continue;
        if ((rc = build_article(a, lines, &r, index, teaser, out))) goto done;
        article *art = &out->items[out->n - 1];
        art->site = site;
        if (index == 0) {
            if (h->url) art->url = arena_strdup(a, h->url);
            if (hint_title.len) art->title = squeezed_copy(a, hint_title);
            char iso[32];
            if (h->published && extract_parse_date(h->published, strlen(h->published), iso))
                art->published = arena_strdup(a, iso);
            else if (!art->published && extract_url_date(h->url, iso))
                art->published = arena_strdup(a, iso);
        }
    }
done:
    free(lines);
    free(segs);
    return rc;
}
