/*
 * html.c - an HTML page to articles: parses with libxml2's forgiving HTML parser, finds the main
 * content (html_content.c) and the metadata (html_meta.c), splits pages that glue several full
 * <article>s together, and assembles each article: clean text, paragraphs, where each paragraph
 * came from in the page, title, author, date, site, URL and language.
 */
#include "extract/html_internal.h"
#include "extract/lang.h"

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/uri.h>
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Cap on the clean text of one page's blocks: 64 MiB is far past any article. */
#define HTML_TEXT_MAX ((size_t)64 << 20)

/* An article must hold this many characters of text to count as one when several share a
 * page; below it, an <article> is a teaser card. */
#define GLUED_MIN_CHARS 300
#define GLUED_MIN_PARAS 3

/* JSON-LD articleBody replaces the page text when it is at least this long and the page text
 * has less than 60% of it (a paywall or a script-rendered page). */
#define LD_BODY_MIN 300

/* Text a fallback pass must find to end the search: the passes go from the strictest to the
 * most forgiving, so the first that finds a short article's worth is the cleanest. */
#define PASS_ENOUGH 300

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

/* libxml2 2.9 wants its globals set up once before threads parse. */
static void xml_init(void)
{
    xmlInitParser();
    html_rawtext_init();
    html_alloc_install();
}

/* ---- provenance ---- */

/* Byte offsets where each line of the page starts. */
typedef struct line_index {
    size_t *starts; /* starts[i]: first byte of line i + 1 */
    size_t n;       /* lines */
    size_t len;     /* page length */
} line_index;

static dossier_status lines_build(line_index *li, const char *s, size_t len)
{
    size_t n = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))) != NULL; p++)
        n++;
    li->starts = malloc(n * sizeof *li->starts);
    if (!li->starts) return DOSSIER_ERR_NOMEM;
    li->n = n;
    li->len = len;
    li->starts[0] = 0;
    size_t k = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))) != NULL; p++)
        li->starts[k++] = (size_t)(p - s) + 1;
    return DOSSIER_OK;
}

/* [start, end) of 1-based line l, clamped into the page; a line past the index is the end. */
static size_t line_start(const line_index *li, long l)
{
    if (l < 1) return 0;
    if ((size_t)l > li->n) return li->len;
    return li->starts[l - 1];
}

static size_t line_end(const line_index *li, long l)
{
    if (l < 1) return 0;
    if ((size_t)l >= li->n) return li->len;
    return li->starts[l];
}

/* libxml2 keeps line numbers up to 65535 on elements; beyond, it says 65535. */
#define LINE_CAPPED 65535

static long node_line(const xmlNode *n)
{
    long l = xmlGetLineNo(n);
    return l >= LINE_CAPPED ? -1 : l;
}

/* The line of the last text of an element: its deepest last descendant's. */
static long last_line(const xmlNode *n)
{
    long best = node_line(n);
    int guard = 0;
    for (const xmlNode *c = n->last; c && guard < 4 * HTML_MAX_DEPTH; c = c->last, guard++) {
        long l = node_line(c);
        if (l > best) best = l;
    }
    return best;
}

/* Finds "<tag" (ASCII case-insensitive, followed by a non-name byte) in s[from, to). */
static size_t find_tag(const char *s, size_t from, size_t to, const char *tag, int closing)
{
    size_t tn = strlen(tag);
    size_t need = tn + (closing ? 2 : 1);
    for (size_t i = from; i + need < to; i++) {
        if (s[i] != '<') continue;
        size_t j = i + 1;
        if (closing) {
            if (s[j] != '/') continue;
            j++;
        }
        if (strncasecmp(s + j, tag, tn) != 0) continue;
        char c = s[j + tn];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') continue;
        if (c >= '0' && c <= '9') continue;
        return i;
    }
    return SIZE_MAX;
}

/*
 * Where block b came from in the page. libxml2 knows lines, not bytes, so this starts from the
 * element's line and looks for its start tag there (after the previous block's, *cursor), then
 * for its end tag around the line of its last text. When a tag is not found the span is whole
 * lines. Always within [0, len].
 */
static span locate_block(const html_page *pg, const line_index *li, const html_block *b,
                         size_t *cursor)
{
    span sp = {0, 0};
    const xmlNode *first = b->first ? b->first : b->node;
    if (!pg->infos[b->info].leaf) { /* a run of text in a container */
        long l0 = node_line(first), l1 = l0;
        const xmlNode *last = b->stop ? b->stop->prev : b->node->last;
        if (last) {
            long l = last_line(last);
            if (l > l1) l1 = l;
        }
        if (l0 < 1) {
            sp.start = *cursor < pg->len ? *cursor : pg->len;
            sp.end = pg->len;
        } else {
            sp.start = line_start(li, l0);
            sp.end = line_end(li, l1 < l0 ? l0 : l1);
        }
    } else {
        const char *tag = (const char *)b->node->name;
        long l = node_line(b->node);
        size_t from = *cursor, to = pg->len;
        if (l >= 1) {
            size_t ls = line_start(li, l);
            if (ls > from) from = ls;
            to = line_end(li, l);
        } else if (to - from > (64u << 10)) {
            to = from + (64u << 10);
        }
        size_t at = from < to ? find_tag(pg->src, from, to, tag, 0) : SIZE_MAX;
        if (at == SIZE_MAX && l > 1) {
            /* A start tag may span lines; libxml2 gives the line where it ended. */
            size_t back = line_start(li, l > 4 ? l - 4 : 1);
            at = find_tag(pg->src, back > *cursor ? back : *cursor, to, tag, 0);
        }
        if (at == SIZE_MAX) at = l >= 1 ? line_start(li, l) : (from < pg->len ? from : pg->len);
        sp.start = at;
        long le = last_line(b->node);
        size_t efrom = le >= 1 ? line_start(li, le) : at;
        if (efrom < at) efrom = at;
        size_t eto = le >= 1 ? line_end(li, le + 1)
                             : (pg->len - at > (64u << 10) ? at + (64u << 10) : pg->len);
        size_t close = find_tag(pg->src, efrom, eto, tag, 1);
        if (close != SIZE_MAX) {
            const char *gt = memchr(pg->src + close, '>', pg->len - close);
            sp.end = gt ? (size_t)(gt - pg->src) + 1 : pg->len;
        } else {
            sp.end = le >= 1 ? line_end(li, le) : eto;
        }
        *cursor = at + 1;
    }
    if (sp.start > pg->len) sp.start = pg->len;
    if (sp.end > pg->len) sp.end = pg->len;
    if (sp.end < sp.start) sp.end = sp.start;
    return sp;
}

/* ---- metadata helpers ---- */

/* An absolute http(s) URL from href resolved against base, in the arena; NULL otherwise. */
static const char *absolute_url(arena *a, const char *href, const char *base)
{
    if (!href || !*href) return NULL;
    slice s = slice_trim(slice_make(href, strlen(href)));
    if (!s.len) return NULL;
    if (slice_starts_with_ci(s, "http://") || slice_starts_with_ci(s, "https://"))
        return arena_strndup(a, s.ptr, s.len);
    if (!base) return NULL;
    char *h = arena_strndup(a, s.ptr, s.len);
    if (!h) return NULL;
    xmlChar *u = xmlBuildURI((const xmlChar *)h, (const xmlChar *)base);
    const char *r = NULL;
    if (u && (strncasecmp((const char *)u, "http://", 7) == 0 ||
              strncasecmp((const char *)u, "https://", 8) == 0))
        r = arena_strdup(a, (const char *)u);
    xmlFree(u);
    return r;
}

/* Letters and digits of s, lowercased (ASCII), into out; for comparing site names. */
static size_t squash(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c | 0x20);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80)
            out[k++] = c;
    }
    out[k] = 0;
    return k;
}

/* Does a title tail name the site ("The Daily Planet" for site "Daily Planet" or host
 * "dailyplanet.com")? */
static int names_site(const char *tail, size_t n, const char *site, const char *host)
{
    char t[128], s[128];
    size_t tn = squash(tail, n, t, sizeof t);
    if (!tn) return 0;
    const char *tp = t;
    if (tn > 3 && strncmp(t, "the", 3) == 0) tp += 3;
    if (site) {
        size_t sn = squash(site, strlen(site), s, sizeof s);
        const char *sp = s;
        if (sn > 3 && strncmp(s, "the", 3) == 0) sp += 3;
        if (sn && strcmp(tp, sp) == 0) return 1;
    }
    if (host) {
        size_t hn = strcspn(host, ".");
        squash(host, hn, s, sizeof s);
        if (*s && (strcmp(tp, s) == 0 || strcmp(t, s) == 0)) return 1;
    }
    return 0;
}

/* The outlet named after the headline in <title> ("Headline – The Daily Planet"), when the
 * <title> is the page's <h1> plus a separator and at most five words; NULL otherwise. */
static const char *title_site(arena *a, const html_meta *m)
{
    static const char *const SEPS[] = {" | ", " - ", " – ", " — ", " :: ", " · "};
    if (!m->title_tag || !m->h1 || !*m->h1) return NULL;
    size_t hn = strlen(m->h1);
    if (strncmp(m->title_tag, m->h1, hn) != 0) return NULL;
    const char *tail = m->title_tag + hn;
    for (size_t k = 0; k < sizeof SEPS / sizeof SEPS[0]; k++) {
        size_t sn = strlen(SEPS[k]);
        if (strncmp(tail, SEPS[k], sn) != 0) continue;
        slice site = slice_trim(slice_make(tail + sn, strlen(tail + sn)));
        int words = 1;
        for (size_t i = 0; i < site.len; i++) words += site.ptr[i] == ' ';
        return site.len && words <= 5 ? arena_strndup(a, site.ptr, site.len) : NULL;
    }
    return NULL;
}

/* The title without a " | Site" / " - Site" tail that names the site. */
static const char *strip_title(arena *a, const char *title, const char *site, const char *host)
{
    static const char *const SEPS[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "};
    if (!title) return NULL;
    size_t n = strlen(title), cut = 0;
    for (size_t k = 0; k < sizeof SEPS / sizeof SEPS[0]; k++) {
        size_t sn = strlen(SEPS[k]);
        for (size_t i = n >= sn ? n - sn : 0; i > 0; i--)
            if (memcmp(title + i, SEPS[k], sn) == 0) {
                if (i > cut && names_site(title + i + sn, n - i - sn, site, host)) cut = i;
                break;
            }
    }
    return cut ? arena_strndup(a, title, cut) : title;
}

/* The first of the candidates that parses as a date, normalised, in the arena. */
static const char *pick_date(arena *a, const char *const *cands, size_t n)
{
    char buf[32];
    for (size_t i = 0; i < n; i++)
        if (cands[i] && extract_parse_date(cands[i], strlen(cands[i]), buf))
            return arena_strdup(a, buf);
    return NULL;
}

static const char *first_of(const char *const *cands, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cands[i] && *cands[i]) return cands[i];
    return NULL;
}

/* The declared language: <html lang>, og:locale, content-language, JSON-LD inLanguage. */
static const char *declared_lang(arena *a, const html_meta *m)
{
    const char *cands[] = {m->html_lang, m->og_locale, m->meta_lang, m->ld_lang};
    char code[3];
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++)
        if (cands[i] && lang_normalize_tag(cands[i], strlen(cands[i]), code))
            return arena_strdup(a, code);
    return NULL;
}

/* Does the page print slashed dates month first? English declared without a region or for
 * the US (or the Philippines), with no tag naming another English region ("en" beside
 * og:locale en_GB is British); any other language, and a page that declares nothing, reads
 * them day first. */
static int month_first(const html_meta *m)
{
    const char *cands[] = {m->html_lang, m->og_locale, m->meta_lang, m->ld_lang};
    int english = 0;
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
        const char *t = cands[i];
        if (!t) continue;
        while (*t == ' ')
            t++;
        if (strncasecmp(t, "en", 2) != 0 || isalpha((unsigned char)t[2])) continue;
        if (t[2] != '-' && t[2] != '_')
            english = 1;
        else if (strncasecmp(t + 3, "us", 2) == 0 || strncasecmp(t + 3, "ph", 2) == 0)
            english = 1;
        else
            return 0; /* en-GB, en_AU, en-IN … */
    }
    return english;
}

/* ---- glued articles ---- */

static int is_prose_block(const html_block *b)
{
    return (b->kind == HB_P || b->kind == HB_RUN || b->kind == HB_QUOTE) && b->chars >= 25;
}

static int substantial(const html_page *pg, uint32_t s)
{
    const html_info *in = &pg->infos[s];
    if (html_chars(pg, in->b_start, in->b_end) < GLUED_MIN_CHARS) return 0;
    if (html_link_density(pg, in->b_start, in->b_end) > 0.3) return 0;
    int paras = 0;
    for (uint32_t i = in->b_start; i < in->b_end && paras < GLUED_MIN_PARAS; i++)
        paras += is_prose_block(&pg->blocks[i]);
    return paras >= GLUED_MIN_PARAS;
}

/*
 * Slots of <article> elements that are each a full article, when a page holds two or more side
 * by side (infinite scroll, glued captures): outermost articles only, grouped by parent (or,
 * when each sits in its own wrapper, by grandparent). Returns how many (0: one-article page).
 */
static uint32_t find_glued(const html_page *pg, uint32_t *roots, uint32_t cap)
{
    uint32_t outer[256], n_outer = 0, outer_end = 0;
    for (uint32_t s = 0; s < pg->n_infos && n_outer < 256; s++) {
        if (s < outer_end) continue;
        const html_info *in = &pg->infos[s];
        if (in->leaf || !in->node->name || strcmp((const char *)in->node->name, "article") != 0)
            continue;
        outer_end = in->end_slot;
        if (substantial(pg, s)) outer[n_outer++] = s;
    }
    if (n_outer < 2) return 0;
    uint32_t best = HTML_NONE;
    double best_score = 0;
    for (uint32_t s = 0; s < pg->n_infos; s++) {
        if (!pg->infos[s].scored) continue;
        double f = html_final_score(pg, s);
        if (best == HTML_NONE || f > best_score) best = s, best_score = f;
    }
    for (int up = 1; up <= 2; up++) {
        uint32_t best_n = 0, best_key = HTML_NONE;
        for (uint32_t i = 0; i < n_outer; i++) {
            uint32_t key = outer[i];
            for (int k = 0; k < up && key != HTML_NONE; k++)
                key = pg->infos[key].parent;
            uint32_t cnt = 0;
            for (uint32_t j = 0; j < n_outer; j++) {
                uint32_t kj = outer[j];
                for (int k = 0; k < up && kj != HTML_NONE; k++)
                    kj = pg->infos[kj].parent;
                cnt += kj == key;
            }
            if (cnt > best_n) best_n = cnt, best_key = key;
        }
        if (best_n >= 2) {
            uint32_t n = 0;
            int holds_best = 0;
            for (uint32_t i = 0; i < n_outer && n < cap; i++) {
                uint32_t key = outer[i];
                for (int k = 0; k < up && key != HTML_NONE; k++)
                    key = pg->infos[key].parent;
                if (key != best_key) continue;
                roots[n++] = outer[i];
                holds_best |= best >= outer[i] && best < pg->infos[outer[i]].end_slot;
            }
            /* Cards in a side column can be substantial too: the group must hold the text
             * that scores best on the page, or the page has one article. */
            return holds_best ? n : 0;
        }
    }
    return 0;
}

/* ---- assembly ---- */

/* Page-level facts every article of the page shares. */
typedef struct page_facts {
    const char *url;  /* final URL */
    const char *site; /* outlet */
    const char *host; /* URL host without www. */
    const char *lang; /* declared language, or NULL */
    int mdy;          /* slashed dates month first (month_first) */
    size_t base;      /* out->n before this page: its articles are numbered from there */
} page_facts;

/* The nearest <article> or <main> around a node, else the body (for dates and bylines). */
static const xmlNode *article_scope(const xmlNode *n, xmlDoc *doc)
{
    for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (p->name && (strcmp((const char *)p->name, "article") == 0 ||
                        strcmp((const char *)p->name, "main") == 0))
            return p;
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *c = root ? root->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c->name && strcmp((const char *)c->name, "body") == 0)
            return c;
    return root;
}

/* Days since 1970-01-01 of an ISO date's calendar day (the proleptic Gregorian calendar). */
static long day_of(const char *iso)
{
    long y = atol(iso), m = atol(iso + 5), d = atol(iso + 8);
    if (m <= 2) y--, m += 12;
    return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 719469;
}

/* A date printed with the article: the text of a date element in scope, a dateline before
 * the first paragraph in scope, or one just above it outside (html_meta.c); 1 if found. */
static int printed_date(const xmlNode *scope, const xmlNode *first, char out[32], int mdy)
{
    return html_find_text_date(scope, out, mdy) ||
           (first && html_find_loose_date(scope, first, out, mdy)) ||
           (first && html_find_date_above(first, out, mdy));
}

/* Appends one paragraph to the text being built. */
static dossier_status put_para(dbuf *t, span *paras, size_t i, const char *s, size_t n)
{
    dossier_status rc = DOSSIER_OK;
    if (i > 0) rc = dbuf_append(t, "\n\n", 2);
    if (rc) return rc;
    paras[i].start = t->len;
    rc = utf8_append_sanitized(t, s, n);
    paras[i].end = t->len;
    return rc;
}

/* Splits a JSON-LD articleBody into paragraphs at line breaks; sources are the script's
 * lines. Returns the paragraph count, or -1 on error. */
static long ld_body_paras(html_page *pg, const line_index *li, const html_meta *m, dbuf *t,
                          span **paras, span **srcs)
{
    const char *b = m->ld_body;
    size_t n = strlen(b), cnt = 1;
    for (size_t i = 0; i < n; i++)
        cnt += b[i] == '\n';
    *paras = arena_calloc(pg->a, cnt, sizeof **paras);
    *srcs = arena_calloc(pg->a, cnt, sizeof **srcs);
    if (!*paras || !*srcs) return -1;
    span where = {0, pg->len};
    if (m->ld_script) {
        long l0 = node_line(m->ld_script), l1 = last_line(m->ld_script);
        if (l0 >= 1) {
            where.start = line_start(li, l0);
            where.end = line_end(li, l1 > l0 ? l1 : l0);
        }
    }
    size_t k = 0;
    for (const char *p = b; p < b + n;) {
        const char *e = memchr(p, '\n', (size_t)(b + n - p));
        if (!e) e = b + n;
        slice s = slice_trim(slice_make(p, (size_t)(e - p)));
        if (s.len) {
            if (put_para(t, *paras, k, s.ptr, s.len)) return -1;
            (*srcs)[k++] = where;
        }
        p = e + 1;
    }
    return (long)k;
}

/* Builds one article from slot root (HTML_NONE: the page) and appends it to out. */
static dossier_status build_article(html_page *pg, const line_index *li, const html_meta *m,
                                    const page_facts *pf, const extract_hints *h, uint32_t root,
                                    int glued, article_list *out)
{
    arena *a = pg->a;
    int page_main = !glued || out->n == pf->base; /* the article the page metadata describes */
    const char *title = NULL;
    if (page_main) {
        /* The headline as printed: a page's only <h1>, when it is more than a word or two
         * (a logo); social titles are often rewritten for sharing. */
        const char *h1 = m->n_h1 == 1 && m->h1 && strlen(m->h1) >= 12 &&
                                 !(pf->site && strcasecmp(m->h1, pf->site) == 0)
                             ? m->h1
                             : NULL;
        const char *cands[] = {h->title, h1, m->ld_title, m->og_title, m->ip_headline};
        title = first_of(cands, sizeof cands / sizeof cands[0]);
        /* <title> is often the headline plus " - Site": the <h1> it starts with is cleaner */
        if (!title && m->title_tag && m->h1 && *m->h1 &&
            strncmp(m->title_tag, m->h1, strlen(m->h1)) == 0)
            title = m->h1;
        if (!title && m->title_tag) title = m->title_tag;
        if (!title) title = m->h1;
        if (glued && !title) title = html_find_heading(pg, pg->infos[root].node);
    } else {
        title = html_find_heading(pg, pg->infos[root].node);
    }
    title = strip_title(a, html_unescape(a, title), pf->site, pf->host);

    uint32_t *sel = malloc(((size_t)pg->n_blocks + 1) * 2 * sizeof *sel);
    if (!sel) return DOSSIER_ERR_NOMEM;
    uint32_t n = html_select(pg, root, title, sel);
    uint64_t chars = 0;
    for (uint32_t i = 0; i < n; i++)
        chars += pg->blocks[sel[i]].chars;
    dossier_status rc = DOSSIER_OK;
    if (!glued && chars < 150) {
        /* Too little text. Maybe weak names or roles dropped the text itself
         * ("main-header-wrapper" around the page): try again without them; then maybe the
         * text is hidden until a script shows it (pages streamed in a hidden element, or
         * printed in <noscript>): try again keeping hidden elements; last, keep every name.
         * The first pass that finds PASS_ENOUGH wins, else the one that found most. */
        static const struct {
            int drop_classes, keep_hidden, relaxed_strong;
        } PASSES[] = {{1, 0, 0}, {0, 0, 1}, {1, 1, 0}, {0, 0, 0}};
        size_t best_pass = 0, walked = 0;
        uint64_t best_chars = chars;
        for (size_t p = 1; p < sizeof PASSES / sizeof PASSES[0]; p++) {
            pg->drop_classes = PASSES[p].drop_classes;
            pg->keep_hidden = PASSES[p].keep_hidden;
            pg->relaxed_strong = PASSES[p].relaxed_strong;
            if ((rc = html_walk(pg))) goto done;
            walked = p;
            free(sel);
            sel = malloc(((size_t)pg->n_blocks + 1) * 2 * sizeof *sel);
            if (!sel) return DOSSIER_ERR_NOMEM;
            uint32_t n2 = html_select(pg, HTML_NONE, title, sel);
            uint64_t c2 = 0;
            for (uint32_t i = 0; i < n2; i++)
                c2 += pg->blocks[sel[i]].chars;
            if (c2 > best_chars) {
                best_pass = p;
                best_chars = c2;
                n = n2;
            }
            if (best_chars >= PASS_ENOUGH) break;
        }
        if (best_pass != walked) {
            /* Back to the walk of the pass that won. */
            pg->drop_classes = PASSES[best_pass].drop_classes;
            pg->keep_hidden = PASSES[best_pass].keep_hidden;
            pg->relaxed_strong = PASSES[best_pass].relaxed_strong;
            if ((rc = html_walk(pg))) goto done;
            free(sel);
            sel = malloc(((size_t)pg->n_blocks + 1) * 2 * sizeof *sel);
            if (!sel) return DOSSIER_ERR_NOMEM;
            n = html_select(pg, HTML_NONE, title, sel);
        }
        chars = best_chars;
    }

    dbuf t;
    dbuf_init(&t, HTML_TEXT_MAX);
    span *paras = NULL, *srcs = NULL;
    long np = 0;
    size_t ld_len = page_main && m->ld_body ? strlen(m->ld_body) : 0;
    if (ld_len >= LD_BODY_MIN && (double)chars < 0.6 * (double)ld_len) {
        np = ld_body_paras(pg, li, m, &t, &paras, &srcs);
        if (np < 0) {
            rc = DOSSIER_ERR_NOMEM;
            goto text_done;
        }
    } else if (n > 0) {
        paras = arena_calloc(a, n, sizeof *paras);
        srcs = arena_calloc(a, n, sizeof *srcs);
        if (!paras || !srcs) {
            rc = DOSSIER_ERR_NOMEM;
            goto text_done;
        }
        size_t cursor = 0;
        for (uint32_t i = 0; i < n; i++) {
            const html_block *b = &pg->blocks[sel[i]];
            if ((rc = put_para(&t, paras, i, pg->text.ptr + b->text_off, b->text_len)))
                goto text_done;
            srcs[i] = locate_block(pg, li, b, &cursor);
        }
        np = n;
    }
    if (np == 0) goto text_done; /* no text, no article */

    article *art = article_list_push(a, out);
    char *text = arena_strndup(a, t.ptr ? t.ptr : "", t.len);
    if (!art || !text) {
        rc = DOSSIER_ERR_NOMEM;
        goto text_done;
    }
    art->index = (int)(out->n - 1 - pf->base);
    art->text = text;
    art->text_len = t.len;
    art->paragraphs = paras;
    art->sources = srcs;
    art->n_paragraphs = (size_t)np;
    art->title = title ? arena_strdup(a, title) : NULL;
    art->url = pf->url;
    art->site = pf->site;

    /* Where to look for the date and byline printed with the article. */
    const xmlNode *scope =
        glued ? pg->infos[root].node : article_scope(n ? pg->blocks[sel[0]].node : NULL, pg->doc);
    /* Datelines sit above the body, and may sit under its standfirst. */
    const xmlNode *first = n ? pg->blocks[sel[pg->n_lede < n ? pg->n_lede : 0]].node : NULL;
    char dbuf_date[32];
    const char *dom_date =
        scope && html_find_date(scope, dbuf_date) ? arena_strdup(a, dbuf_date) : NULL;

    const char *byline = scope ? html_find_byline(pg, scope) : NULL;
    if (page_main) {
        /* Declared publication dates first, then the page's printed one, the URL's, what a
         * script keeps, and last the date of the latest change, which is at least not
         * before the publication. */
        const char *ld_pub = m->ld_published;
        /* A JSON-LD date written for people, without a time ("Jun 24, 2025"), comes from a
         * template's display field, often the item's latest publication; a date printed with
         * the article is the writer's and wins over it. Machine-written timestamps (ISO 8601,
         * RFC 2822) keep their rank. */
        char printed[32];
        if (ld_pub && !isdigit((unsigned char)*ld_pub) && !strchr(ld_pub, ':') && scope) {
            if (dom_date)
                ld_pub = dom_date;
            else if (printed_date(scope, first, printed, pf->mdy))
                ld_pub = arena_strdup(a, printed);
        }
        const char *dates[] = {h->published,    ld_pub,   m->og_published, m->meta_date,
                               m->ip_published, dom_date, m->ld_any_date,  m->meta_date_loose};
        art->published = pick_date(a, dates, sizeof dates / sizeof dates[0]);
        /* A UTC timestamp names the instant; the outlet's own dateline shows the day in its
         * zone, which may be the one before or after (an evening story in the Americas is
         * stamped the next day in UTC). A printed date one day off the UTC one is that local
         * day. */
        if (art->published && strlen(art->published) > 10 &&
            art->published[strlen(art->published) - 1] == 'Z' && scope &&
            printed_date(scope, first, printed, pf->mdy) &&
            labs(day_of(printed) - day_of(art->published)) == 1)
            art->published = arena_strndup(a, printed, 10);
        /* The printed date is searched for only when the markup declares none. The date
         * nearest above the text comes first: the first date element of the <main> or body
         * may be a menu's or a list's of other stories. */
        int above_tried = 0; /* html_find_date_above found nothing: not searched again */
        if (!art->published && !h->published && scope && n > 0) {
            above_tried = 1;
            if (html_find_date_above(first, dbuf_date, pf->mdy)) art->published = arena_strdup(a, dbuf_date);
        }
        if (!art->published && !h->published && scope && html_find_text_date(scope, dbuf_date, pf->mdy))
            art->published = arena_strdup(a, dbuf_date);
        /* Last, a date printed on its own line above the text. */
        if (!art->published && !h->published && scope && n > 0 &&
            html_find_loose_date(scope, first, dbuf_date, pf->mdy))
            art->published = arena_strdup(a, dbuf_date);
        if (!art->published && h->published) art->published = arena_strdup(a, h->published);
        char ud[32];
        if (!art->published && extract_url_date(pf->url, ud)) art->published = arena_strdup(a, ud);
        /* A dateline outside the element that holds the text (a header above <main>). */
        if (!art->published && n > 0 && !above_tried && html_find_date_above(first, dbuf_date, pf->mdy))
            art->published = arena_strdup(a, dbuf_date);
        /* A byline block under the text. */
        if (!art->published && n > 0 && html_find_date_below(pg->blocks[sel[n - 1]].node, dbuf_date,
                                                 pf->mdy))
            art->published = arena_strdup(a, dbuf_date);
        const char *late[] = {m->script_date, m->ld_modified, m->og_modified};
        if (!art->published) art->published = pick_date(a, late, sizeof late / sizeof late[0]);
        /* The latest change apart: pages that show only their "Updated" date still keep the
         * publication date in `published`. */
        const char *mods[] = {m->ld_modified, m->og_modified, m->ip_modified};
        art->modified = pick_date(a, mods, sizeof mods / sizeof mods[0]);
        const char *authors[] = {m->og_author, m->meta_author, m->ip_author};
        art->author = m->ld_author;
        /* An author that is the outlet itself says nothing the site does not: the byline
         * printed with the text may name the writer. */
        if (art->author && byline && pf->site && strcasecmp(art->author, pf->site) == 0)
            art->author = NULL;
        for (size_t i = 0; !art->author && i < sizeof authors / sizeof authors[0]; i++)
            if (authors[i]) art->author = html_clean_byline(a, authors[i], strlen(authors[i]));
        if (!art->author) art->author = byline;
        /* ... and so does one from any other field */
        if (art->author && byline && pf->site && strcasecmp(art->author, pf->site) == 0)
            art->author = byline;
        art->author = html_unescape(a, art->author);
    } else {
        art->published = dom_date;
        if (!art->published && scope && html_find_text_date(scope, dbuf_date, pf->mdy))
            art->published = arena_strdup(a, dbuf_date);
        art->author = byline;
    }
    /* A declared language stands unless the text is in another script (templates that say
     * lang="en" on every edition). */
    art->lang = pf->lang;
    int declared_script = art->lang ? lang_script_of(art->lang) : LANG_SCRIPT_UNKNOWN;
    if (!art->lang) {
        art->lang = lang_detect(art->text, art->text_len);
    } else if (declared_script != LANG_SCRIPT_UNKNOWN) {
        int s = lang_text_script(art->text, art->text_len);
        if (s != LANG_SCRIPT_UNKNOWN && s != declared_script) {
            const char *d = lang_detect(art->text, art->text_len);
            if (d) art->lang = d;
        }
    }

text_done:
    dbuf_release(&t);
done:
    free(sel);
    return rc;
}

static int all_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f') return 0;
    return 1;
}

dossier_status extract_from_html(arena *a, const char *html, size_t len, const extract_hints *h,
                                 article_list *out)
{
    static const extract_hints no_hints = {NULL, NULL, NULL, NULL, 0};
    if (!a || !out) return DOSSIER_ERR_USAGE;
    if (!h) h = &no_hints;
    if (!html || all_space(html, len)) return DOSSIER_OK;
    if (len > INT_MAX) return DOSSIER_ERR_TOO_LARGE;
    pthread_once(&xml_once, xml_init);

    int in_arena = html_alloc_begin();
    xmlDoc *doc = NULL;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt) {
        html_rawtext_sax(ctxt->sax);
        doc = htmlCtxtReadMemory(ctxt, html, (int)len, h->url, "UTF-8",
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                     HTML_PARSE_NONET | HTML_PARSE_COMPACT);
        htmlFreeParserCtxt(ctxt);
    }
    if (in_arena) {
        /* libxml2 keeps a copy of the parse's last error in a global, with strings from the
         * arena: cleared before the arena goes. */
        xmlResetLastError();
        html_alloc_end();
    }
    if (!doc) {
        if (in_arena) html_alloc_drop();
        return DOSSIER_ERR_FORMAT;
    }

    dossier_status rc;
    html_page pg;
    memset(&pg, 0, sizeof pg);
    pg.a = a;
    pg.src = html;
    pg.len = len;
    pg.doc = doc;
    pg.drop_classes = 1;
    dbuf_init(&pg.text, HTML_TEXT_MAX);
    line_index li = {NULL, 0, 0};
    html_meta m;
    uint32_t *roots = NULL;

    if ((rc = lines_build(&li, html, len))) goto cleanup;
    if ((rc = html_meta_collect(&pg, &m))) goto cleanup;
    if ((rc = html_walk(&pg))) goto cleanup;

    page_facts pf;
    const char *canon = absolute_url(a, m.canonical, h->url);
    const char *urls[] = {h->url, canon, absolute_url(a, m.og_url, h->url),
                          absolute_url(a, m.ld_url, h->url)};
    pf.url = first_of(urls, sizeof urls / sizeof urls[0]);
    if (pf.url) pf.url = arena_strdup(a, pf.url);
    pf.host = extract_url_host(a, pf.url);
    const char *sites[] = {h->site, m.og_site, m.ld_publisher, title_site(a, &m), pf.host};
    pf.site = first_of(sites, sizeof sites / sizeof sites[0]);
    if (pf.site) pf.site = arena_strdup(a, html_unescape(a, pf.site));
    pf.lang = declared_lang(a, &m);
    pf.mdy = month_first(&m);
    pf.base = out->n;

    roots = malloc(64 * sizeof *roots);
    if (!roots) {
        rc = DOSSIER_ERR_NOMEM;
        goto cleanup;
    }
    uint32_t n_roots = find_glued(&pg, roots, 64);
    if (n_roots == 0) {
        rc = build_article(&pg, &li, &m, &pf, h, HTML_NONE, 0, out);
    } else {
        for (uint32_t i = 0; i < n_roots && !rc; i++)
            rc = build_article(&pg, &li, &m, &pf, h, roots[i], 1, out);
    }

cleanup:
    free(roots);
    free(li.starts);
    html_page_release(&pg);
    /* The arena takes the tree in one go; a program's node-deregistration callback still
     * sees every node go. */
    if (!in_arena || xmlDeregisterNodeDefaultValue) xmlFreeDoc(doc);
    if (in_arena) html_alloc_drop();
    return rc;
}
