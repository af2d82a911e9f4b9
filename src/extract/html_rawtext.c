/*
 * html_rawtext.c - lets libxml2 skip the bodies of <script> and <style> that nothing reads,
 * and of inline <svg> (svg_start, below).
 * libxml2 2.9-2.11 read raw text one character at a time (decode, copy, append every 1000
 * bytes): a third of the parse on script-heavy pages. Of a style nothing is read, of a script
 * only JSON-LD and a "publish..." date (html_meta.c). So when the first 1000 bytes of such a
 * body arrive, this finds where libxml2 itself would stop (the first "</" + the element's
 * name, any case) and moves the parser there, counting the lines it passes so every later
 * node keeps its line number. The first 1000 bytes stay in the tree; the rest is not.
 *
 * It moves libxml2's input pointer from a SAX callback, which only works where the callback
 * comes after the pointer has passed the last byte handed over: checked once per process on
 * a probe page (html_rawtext_init), and off when the check fails or libxml2 is another
 * version.
 */
#include "extract/html_internal.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlversion.h>
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* libxml2 hands raw text over in blocks of this many bytes (HTML_PARSER_BIG_BUFFER_SIZE); a
 * shorter block is the body's last. */
#define RAW_BLOCK 1000

static int rawtext_on;

/* Is "publish" (any case) in s[0..n)? The one word html_meta.c looks for in a script. */
static int has_publish(const char *s, size_t n)
{
    for (size_t i = 0; i + 7 <= n; i++)
        if ((s[i] | 0x20) == 'p' && strncasecmp(s + i, "publish", 7) == 0) return 1;
    return 0;
}

/* Is "json" (any case) in s? */
static int has_json(const char *s)
{
    for (; *s; s++)
        if ((*s | 0x20) == 'j' && strncasecmp(s, "json", 4) == 0) return 1;
    return 0;
}

/* A script html_meta.c might read: JSON-LD, or a type it cannot tell (several text children). */
static int script_may_be_data(const xmlNode *n)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcasecmp((const char *)a->name, "type") != 0) continue;
        const xmlNode *v = a->children;
        if (!v) return 0;
        if (v->next || v->type != XML_TEXT_NODE || !v->content) return 1;
        if (has_json((const char *)v->content)) return 1;
    }
    return 0;
}

/* The first "</" + name (any case) in [p, end), or NULL: where libxml2's raw-text loop stops in
 * recovery mode. */
static const char *raw_end(const char *p, const char *end, const char *name)
{
    size_t nlen = strlen(name);
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) return NULL;
        if ((size_t)(end - lt) >= nlen + 2 && lt[1] == '/' &&
            strncasecmp(lt + 2, name, nlen) == 0)
            return lt;
        p = lt + 1;
    }
    return NULL;
}

/* Bytes of the last UTF-8 character of s[0..n). */
static size_t last_char_len(const xmlChar *s, size_t n)
{
    size_t l = 1;
    while (l < n && l < 4 && (s[n - l] & 0xC0) == 0x80)
        l++;
    return l;
}

/* Where libxml2's input pointer stands when it hands a block over: on the block's last
 * character, its step past it still to come (2.9), or already past it (later). */
enum { AT_UNKNOWN = 0, AT_LAST, AT_NEXT };
static int layout;
/* The probe's record of the pointer's offset at the first block. */
static long probe_offset = -1;

/* SAX cdataBlock: libxml2's own, then the skip. */
static void raw_block(void *ctx, const xmlChar *value, int len)
{
    htmlParserCtxtPtr ctxt = ctx;
    xmlNode *node = ctxt ? ctxt->node : NULL;
    /* Only the first block of a body that continues. */
    int first = node && !node->children;
    xmlSAX2CDataBlock(ctx, value, len);
    if (!first || len < RAW_BLOCK || !ctxt->input || !ctxt->input->cur || !ctxt->input->base)
        return;
    if (probe_offset == -2) probe_offset = (long)(ctxt->input->cur - ctxt->input->base);
    if (!rawtext_on || !ctxt->name || !node->name ||
        strcmp((const char *)node->name, (const char *)ctxt->name) != 0)
        return;
    int is_script = strcmp((const char *)ctxt->name, "script") == 0;
    if (!is_script && strcmp((const char *)ctxt->name, "style") != 0) return;
    if (is_script && script_may_be_data(node)) return;

    xmlParserInputPtr in = ctxt->input;
    const char *at = (const char *)in->cur, *end = (const char *)in->end;
    const char *base = (const char *)in->base;
    /* l: the last character handed over; cur: the first not yet read. */
    size_t l = last_char_len(value, (size_t)len);
    const char *last = layout == AT_LAST ? at : at - l;
    if (!end || last < base || last + l > end || memcmp(last, value + len - l, l) != 0) return;
    const char *cur = last + l;
    const char *stop = raw_end(cur, end, (const char *)ctxt->name);
    if (!stop || stop == cur) return;
    size_t n = (size_t)(stop - cur);
    /* libxml2 ends raw text at a NUL and re-reads the page as Latin-1 at invalid UTF-8: let it
     * walk such a body itself. */
    if (memchr(cur, 0, n) || utf8_validate(cur, n) != n) return;
    if (is_script) {
        char seam[12];
        size_t a = (size_t)len < 6 ? (size_t)len : 6, b = n < 6 ? n : 6;
        memcpy(seam, value + len - a, a);
        memcpy(seam + a, cur, b);
        if (has_publish((const char *)value, (size_t)len) || has_publish(cur, n) ||
            has_publish(seam, a + b))
            return;
    }
    /* Every line libxml2 would have stepped over from `at` on. */
    int lines = 0;
    for (const char *p = at; (p = memchr(p, '\n', (size_t)(stop - p))) != NULL; p++)
        lines++;
    if (layout == AT_LAST) {
        /* Its pending step (of l bytes, counting a newline there) is to land on stop. */
        in->cur = (const xmlChar *)(stop - l);
        if (stop[-(ptrdiff_t)l] == '\n') lines--;
    } else {
        in->cur = (const xmlChar *)stop;
    }
    in->line += lines;
}

/* ---- inline <svg> ---- */

static int svg_on;

/* Length of the tag name at s (letters, digits, '-', ':', '_'). */
static size_t tag_name_len(const char *s, const char *end)
{
    size_t k = 0;
    while (s + k < end && (isalnum((unsigned char)s[k]) || s[k] == '-' || s[k] == ':' ||
                           s[k] == '_'))
        k++;
    return k;
}

/* Is name[0..n) an element of SVG's own vocabulary (any case)? Any other tag inside an <svg>
 * could make libxml2 close it early in recovery, so such a body is left to libxml2. */
static int svg_vocab(const char *name, size_t n)
{
    static const char *const W[] = {
        "svg",      "g",        "path",      "defs",    "symbol",   "use",     "title",
        "desc",     "circle",   "rect",      "line",    "polyline", "polygon", "ellipse",
        "text",     "tspan",    "textpath",  "clippath", "mask",    "pattern", "marker",
        "image",    "stop",     "lineargradient", "radialgradient", "filter", "metadata",
        "switch",   "foreignobject", "animate", "animatetransform", "set", "view", NULL};
    if (n >= 2 && (name[0] | 0x20) == 'f' && (name[1] | 0x20) == 'e') return 1; /* feBlend … */
    for (const char *const *w = W; *w; w++)
        if (strlen(*w) == n && strncasecmp(name, *w, n) == 0) return 1;
    return 0;
}

/*
 * SAX startElement: libxml2's own, then, for an <svg>, the skip of its body. libxml2 calls this
 * with its pointer on the start tag's '>', and steps past that '>' when it returns. When the
 * body holds only SVG's own elements (and comments) up to the matching </svg>, and ends with a
 * tag (then perhaps white space), the pointer is moved onto that tag's '>': libxml2 then steps
 * past it, reads the white space, meets </svg> and closes the element, its body never built. Nothing
 * reads an SVG's insides (html_content.c drops the element).
 */
static void svg_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    xmlSAX2StartElement(ctx, name, atts);
    htmlParserCtxtPtr ctxt = ctx;
    if (!svg_on || !name || strcmp((const char *)name, "svg") != 0 || !ctxt || !ctxt->input)
        return;
    xmlParserInputPtr in = ctxt->input;
    const char *cur = (const char *)in->cur, *end = (const char *)in->end;
    if (!cur || !end || cur >= end || *cur != '>') return;
    const char *p = cur + 1, *stop = NULL;
    int depth = 1;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt || lt + 1 >= end) return;
        if (lt[1] == '!') { /* a comment, to its end */
            if (end - lt < 4 || memcmp(lt, "<!--", 4) != 0) return;
            const char *e = lt + 4;
            while (e + 3 <= end && memcmp(e, "-->", 3) != 0)
                e++;
            if (e + 3 > end) return;
            p = e + 3;
            continue;
        }
        int closing = lt[1] == '/';
        const char *nm = lt + 1 + closing;
        size_t k = tag_name_len(nm, end);
        if (!k || !svg_vocab(nm, k)) return;
        if (k == 3 && strncasecmp(nm, "svg", 3) == 0 && (depth += closing ? -1 : 1) == 0) {
            stop = lt;
            break;
        }
        p = nm + k;
    }
    if (!stop) return;
    /* the last '>' before the end tag, past any white space (which libxml2 then reads) */
    const char *gt = stop - 1;
    while (gt > cur && (*gt == ' ' || *gt == '\n' || *gt == '\t' || *gt == '\r'))
        gt--;
    if (gt <= cur || *gt != '>') return;
    size_t n = (size_t)(stop - cur);
    if (memchr(cur, 0, n) || utf8_validate(cur, n) != n) return;
    int lines = 0;
    for (const char *q = cur; (q = memchr(q, '\n', (size_t)(gt - q))) != NULL; q++)
        lines++;
    in->cur = (const xmlChar *)gt;
    in->line += lines;
}

void html_rawtext_sax(xmlSAXHandler *sax)
{
    sax->cdataBlock = raw_block;
    sax->startElement = svg_start;
}

/* Has the element nothing but white space below it? */
static int only_space(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type != XML_TEXT_NODE || !c->content) return 0;
        for (const xmlChar *t = c->content; *t; t++)
            if (*t != ' ' && *t != '\n' && *t != '\t' && *t != '\r') return 0;
    }
    return 1;
}

/* A page with an inline SVG over three lines, then a <p> on line 4: with the skip on, the
 * <svg> must come out empty, the <p> after it whole and on its line. */
static int svg_probe(void)
{
    static const char page[] = "<html><body><svg viewBox=\"0 0 2 2\"><!-- a <b> -->\n"
                               "<path d=\"M0 0\"/>\n<g><path d=\"M1 1\"></path></g>\n"
                               "</svg><p>x</p></body></html>";
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) return 0;
    html_rawtext_sax(ctxt->sax);
    xmlDoc *doc = htmlCtxtReadMemory(ctxt, page, (int)sizeof page - 1, NULL, "UTF-8",
                                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                         HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    int ok = 0;
    xmlNode *html = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlNode *body = html ? html->children : NULL;
    xmlNode *svg = body ? body->children : NULL;
    xmlNode *para = svg ? svg->next : NULL;
    if (svg && para && svg->name && para->name && para->children && para->children->content)
        ok = strcmp((const char *)svg->name, "svg") == 0 && only_space(svg) &&
             strcmp((const char *)para->name, "p") == 0 &&
             strcmp((const char *)para->children->content, "x") == 0 && xmlGetLineNo(para) == 4;
    if (doc) xmlFreeDoc(doc);
    htmlFreeParserCtxt(ctxt);
    return ok;
}

/* A page whose script body is RAW_BLOCK + 901 bytes over 20 lines, then a <p> on line 21.
 * Parsed once to see where the pointer stands (skip off), once to check the skip. */
static int probe_parse(int check)
{
    char page[4096];
    size_t n = (size_t)sprintf(page, "<html><head><script>\n");
    for (int i = 0; i < 19; i++) {
        memset(page + n, 'a', 99);
        n += 99;
        page[n++] = '\n';
    }
    n += (size_t)sprintf(page + n, "</script></head><body><p>x</p></body></html>");
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) return 0;
    html_rawtext_sax(ctxt->sax);
    xmlDoc *doc = htmlCtxtReadMemory(ctxt, page, (int)n, NULL, "UTF-8",
                                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                         HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    int ok = !check;
    xmlNode *html = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlNode *head = html ? html->children : NULL;
    xmlNode *body = head ? head->next : NULL;
    xmlNode *script = head ? head->children : NULL;
    xmlNode *p = body ? body->children : NULL;
    if (check && script && p && script->children && !script->children->next &&
        script->children->content && p->children && p->children->content) {
        size_t kept = strlen((const char *)script->children->content);
        ok = kept == RAW_BLOCK && strcmp((const char *)p->name, "p") == 0 &&
             strcmp((const char *)p->children->content, "x") == 0 && xmlGetLineNo(p) == 21;
    }
    if (doc) xmlFreeDoc(doc);
    htmlFreeParserCtxt(ctxt);
    return ok;
}

void html_rawtext_init(void)
{
    /* The raw-text loop this relies on is that of libxml2 2.9 to 2.11. */
    int v = atoi(xmlParserVersion);
    if (v < 20900 || v >= 21200) return;
    /* The body starts at byte 20 of the probe page. */
    probe_offset = -2;
    probe_parse(0);
    if (probe_offset == 20 + RAW_BLOCK - 1) layout = AT_LAST;
    else if (probe_offset == 20 + RAW_BLOCK) layout = AT_NEXT;
    probe_offset = -1;
    if (layout == AT_UNKNOWN) return;
    rawtext_on = 1;
    if (!probe_parse(1)) rawtext_on = 0;
    svg_on = 1;
    if (!svg_probe()) svg_on = 0;
}

int html_rawtext_active(void) { return rawtext_on | svg_on << 1; }
