/*
 * html_content.c - the main content of an HTML page. One walk over the DOM drops chrome (menus,
 * share bars, related lists, hidden elements ...) without entering it, cuts what remains into
 * text blocks (paragraphs, headings, list items, runs of inline text in containers) and scores
 * the containers that hold them the way Arc90's Readability does: each paragraph adds to its
 * parent, half to its grandparent and less further up; link-heavy containers lose.
 * html_select then takes the best container (and its strong siblings) as the article body.
 */
#include "extract/html_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- element classes ---- */

enum {
    T_CONTAINER = 0, /* div, section, article, ... and anything unknown */
    T_INLINE,        /* a, span, b, em, ...: part of a run of text */
    T_DROP,          /* script, style, input, ...: never content */
    T_CHROME,        /* header, nav, form, ...: chrome, unless broken markup put the text inside */
    T_HEAD,          /* the document head */
    T_P,             /* p, dd, dt, address */
    T_HEADING,       /* h1-h6 */
    T_PRE,           /* pre */
    T_LI,            /* li */
    T_QUOTE,         /* blockquote */
    T_CELL,          /* td, th */
};

typedef struct tag_entry {
    const char *name; /* lowercase, as libxml2's HTML parser gives it */
    unsigned char cls;
} tag_entry;

/* Sorted by name for bsearch. */
static const tag_entry TAGS[] = {
    {"a", T_INLINE},
    {"abbr", T_INLINE},
    {"address", T_P},
    {"applet", T_DROP},
    {"aside", T_CHROME},
    {"audio", T_DROP},
    {"b", T_INLINE},
    {"bdi", T_INLINE},
    {"bdo", T_INLINE},
    {"big", T_INLINE},
    {"blockquote", T_QUOTE},
    {"br", T_INLINE},
    {"button", T_CHROME},
    {"canvas", T_DROP},
    {"caption", T_DROP},
    {"cite", T_INLINE},
    {"code", T_INLINE},
    {"data", T_INLINE},
    {"datalist", T_DROP},
    {"dd", T_P},
    {"del", T_INLINE},
    {"dfn", T_INLINE},
    {"dialog", T_DROP},
    {"dt", T_P},
    {"em", T_INLINE},
    {"embed", T_DROP},
    {"figcaption", T_DROP},
    {"font", T_INLINE},
    {"footer", T_CHROME},
    {"form", T_CHROME},
    {"frame", T_DROP},
    {"frameset", T_DROP},
    {"h1", T_HEADING},
    {"h2", T_HEADING},
    {"h3", T_HEADING},
    {"h4", T_HEADING},
    {"h5", T_HEADING},
    {"h6", T_HEADING},
    {"head", T_HEAD},
    {"header", T_CHROME},
    {"i", T_INLINE},
    {"iframe", T_DROP},
    {"img", T_INLINE},
    {"input", T_DROP},
    {"ins", T_INLINE},
    {"kbd", T_INLINE},
    {"label", T_INLINE},
    {"link", T_DROP},
    {"map", T_DROP},
    {"mark", T_INLINE},
    {"math", T_DROP},
    {"menu", T_DROP},
    {"meta", T_DROP},
    {"meter", T_DROP},
    {"nav", T_CHROME},
    {"nobr", T_INLINE},
    {"noembed", T_DROP},
    {"noframes", T_DROP},
    {"noscript", T_DROP},
    {"object", T_DROP},
    {"option", T_DROP},
    {"output", T_DROP},
    {"p", T_P},
    {"picture", T_DROP},
    {"pre", T_PRE},
    {"progress", T_DROP},
    {"q", T_INLINE},
    {"rp", T_DROP}, /* ruby annotations (a reading above the characters), not the text */
    {"rt", T_DROP},
    {"ruby", T_INLINE},
    {"s", T_INLINE},
    {"samp", T_INLINE},
    {"script", T_DROP},
    {"select", T_DROP},
    {"small", T_INLINE},
    {"source", T_DROP},
    {"span", T_INLINE},
    {"strike", T_INLINE},
    {"strong", T_INLINE},
    {"style", T_DROP},
    {"sub", T_INLINE},
    {"sup", T_INLINE},
    {"svg", T_DROP},
    {"td", T_CELL},
    {"template", T_DROP},
    {"textarea", T_DROP},
    {"th", T_CELL},
    {"time", T_INLINE},
    {"title", T_DROP},
    {"track", T_DROP},
    {"tt", T_INLINE},
    {"u", T_INLINE},
    {"var", T_INLINE},
    {"video", T_DROP},
    {"wbr", T_INLINE},
};

static int tag_cmp(const void *key, const void *ent)
{
    return strcmp(key, ((const tag_entry *)ent)->name);
}

static int tag_class(const xmlNode *n)
{
    if (!n->name) return T_CONTAINER;
    const tag_entry *e =
        bsearch(n->name, TAGS, sizeof TAGS / sizeof TAGS[0], sizeof TAGS[0], tag_cmp);
    return e ? e->cls : T_CONTAINER;
}

static int tag_is(const xmlNode *n, const char *name)
{
    return n->name && strcmp((const char *)n->name, name) == 0;
}

/* ---- attributes ---- */

const char *html_attr(const xmlNode *n, const char *name)
{
    /* libxml2's HTML parser lowercases attribute names, and every caller asks in lowercase */
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && a->name[0] == (xmlChar)name[0] && strcmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->content) return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

int html_has_word(const char *list, const char *w, int prefix)
{
    if (!list) return 0;
    size_t wn = strlen(w);
    const char *p = list;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            p++;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
            p++;
        size_t n = (size_t)(p - s);
        if (n >= wn && strncasecmp(s, w, wn) == 0 && (prefix || n == wn)) return 1;
    }
    return 0;
}

/* ---- chrome patterns on class / id ---- */

/* How a word of a class or id marks an element. */
enum { W_NONE = 0, W_STRONG = 1, W_WEAK = 2, W_GOOD = 4, W_COMMENTS = 8, W_HEADER = 16 };

typedef struct word_rule {
    const char *word;     /* lowercase */
    unsigned char prefix; /* 1: matches words starting with it */
    unsigned char kind;   /* W_COMMENTS: reader comments, always dropped; W_STRONG: chrome
                             unless it holds a whole article; W_WEAK: chrome unless it holds
                             some paragraphs; W_GOOD: a content hint */
} word_rule;

/* Words of class/id names (split at '-', '_' and spaces). Strong ones name things that are
 * never the article; weak ones name places that usually are not, but where some templates put
 * the text ("main-header-wrap" around everything), so they are checked for paragraphs first. */
static const word_rule WORDS[] = {
    {"share", 1, W_STRONG},      {"sharing", 0, W_STRONG},     {"social", 1, W_STRONG},
    {"related", 1, W_STRONG},    {"newsletter", 1, W_STRONG},  {"subscri", 1, W_STRONG},
    {"promo", 1, W_STRONG},      {"ad", 0, W_STRONG},          {"ads", 0, W_STRONG},
    {"adslot", 0, W_STRONG},     {"adunit", 0, W_STRONG},      {"adsense", 0, W_STRONG},
    {"adwrapper", 0, W_STRONG},  {"adcontainer", 0, W_STRONG}, {"advert", 1, W_STRONG},
    {"cookie", 1, W_STRONG},     {"consent", 1, W_STRONG},     {"gdpr", 0, W_STRONG},
    {"comment", 1, W_COMMENTS},  {"comments", 0, W_COMMENTS},  {"disqus", 1, W_COMMENTS},
    {"breadcrumb", 1, W_STRONG}, {"popup", 1, W_STRONG},       {"modal", 1, W_STRONG},
    {"outbrain", 1, W_STRONG},   {"taboola", 1, W_STRONG},     {"sponsor", 1, W_STRONG},
    {"recommend", 1, W_STRONG},  {"trending", 0, W_STRONG},    {"popular", 0, W_STRONG},
    {"most", 0, W_STRONG},       {"nav", 1, W_STRONG},         {"menu", 1, W_STRONG},
    {"skip", 0, W_STRONG},       {"pagination", 0, W_STRONG},  {"pager", 0, W_STRONG},
    {"login", 0, W_STRONG},      {"signin", 0, W_STRONG},      {"signup", 0, W_STRONG},
    {"overlay", 0, W_STRONG},    {"lightbox", 0, W_STRONG},    {"toolbar", 0, W_STRONG},
    {"masthead", 0, W_STRONG},   {"paywall", 0, W_STRONG},     {"banner", 1, W_STRONG},
    {"widget", 1, W_STRONG},     {"print", 0, W_STRONG},       {"tools", 0, W_STRONG},
    {"header", 1, W_WEAK | W_HEADER},       {"footer", 1, W_WEAK},        {"sidebar", 1, W_WEAK},
    {"gallery", 1, W_WEAK},      {"caption", 1, W_WEAK},       {"credit", 1, W_WEAK},
    {"bio", 0, W_WEAK},          {"tags", 0, W_WEAK},          {"latest", 0, W_WEAK},
    {"byline", 1, W_WEAK},       {"author", 1, W_WEAK},        {"date", 0, W_WEAK},
    {"timestamp", 0, W_WEAK},    {"rail", 0, W_WEAK},          {"aside", 0, W_WEAK},
    {"search", 0, W_WEAK},       {"meta", 0, W_WEAK},          {"hidden", 0, W_WEAK},
    {"article", 1, W_GOOD},      {"content", 0, W_GOOD},       {"story", 0, W_GOOD},
    {"body", 0, W_GOOD},         {"entry", 0, W_GOOD},         {"post", 0, W_GOOD},
    {"text", 0, W_GOOD},         {"main", 0, W_GOOD},          {"blog", 0, W_GOOD},
    {"prose", 0, W_GOOD},        {"postmeta", 1, W_WEAK},      {"utility", 0, W_WEAK},
    {"snippet", 0, W_WEAK},      {"disclosure", 0, W_WEAK},    {"affiliate", 1, W_STRONG},
    {"next", 1, W_WEAK},         {"prev", 1, W_WEAK},          {"kommentar", 1, W_COMMENTS},
    {"cta", 0, W_STRONG},
};

/* Whole class tokens that hide an element from sighted readers. */
static const char *const HIDDEN_TOKENS[] = {"hidden",          "is-hidden",          "sr-only",
                                            "visually-hidden", "screen-reader-text", "d-none",
                                            "invisible"};

/* WORDS by first letter: the first rule of each letter and each rule's next of its letter
 * (name_kinds runs on every class and id of a page: a scan of every rule showed in profiles). */
#define NO_WORD 0xFF
static uint8_t words_first[26], words_next[sizeof WORDS / sizeof WORDS[0]];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;
_Static_assert(sizeof WORDS / sizeof WORDS[0] < NO_WORD, "WORDS outgrew its 8-bit index");

static void words_index(void)
{
    memset(words_first, NO_WORD, sizeof words_first);
    for (size_t r = sizeof WORDS / sizeof WORDS[0]; r-- > 0;) {
        int c = WORDS[r].word[0] - 'a';
        words_next[r] = words_first[c];
        words_first[c] = (uint8_t)r;
    }
}

/* The W_* bits of one word (ASCII case-insensitive). */
static int word_kind(const char *w, size_t n)
{
    char low[24];
    if (n == 0 || n >= sizeof low) return W_NONE;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] | 0x20 : w[i]);
    low[n] = 0;
    /* "commentary" and "comment-is-free" columns are articles, not reader comments. */
    if (n >= 9 && memcmp(low, "commentar", 9) == 0) return W_NONE;
    unsigned char c = (unsigned char)low[0];
    if (c < 'a' || c > 'z') return W_NONE;
    pthread_once(&words_once, words_index);
    int kinds = 0;
    for (uint8_t k = words_first[c - 'a']; k != NO_WORD; k = words_next[k]) {
        const word_rule *r = &WORDS[k];
        size_t rn = strlen(r->word);
        if (rn > n || (!r->prefix && rn != n)) continue;
        if (memcmp(low, r->word, rn) == 0) kinds |= r->kind;
    }
    return kinds;
}

/* The W_* bits of a class or id attribute. Words are split at spaces, '-' and '_'; camelCase
 * names ("shareBar") match through the prefix rules. */
static int name_kinds(const char *v)
{
    int kinds = 0;
    if (!v) return 0;
    const char *p = v, *prev = NULL;
    size_t prev_n = 0;
    while (*p) {
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '-' && *p != '_')
            p++;
        size_t n = (size_t)(p - s);
        /* "hidden" after "label" or "overflow" hides a field's label (Drupal's
         * "field-label-hidden") or clips a box ("overflow-hidden"), not the element. */
        int qualified = n == 6 && strncasecmp(s, "hidden", 6) == 0 && prev &&
                        ((prev_n == 5 && strncasecmp(prev, "label", 5) == 0) ||
                         (prev_n == 8 && strncasecmp(prev, "overflow", 8) == 0));
        if (!qualified) kinds |= word_kind(s, n);
        prev = s, prev_n = n;
        if (*p) p++;
    }
    return kinds;
}

int html_names_comments(const xmlNode *n)
{
    return ((name_kinds(html_attr(n, "class")) | name_kinds(html_attr(n, "id"))) & W_COMMENTS) != 0;
}

static int has_hidden_token(const char *cls)
{
    if (!cls) return 0;
    for (size_t i = 0; i < sizeof HIDDEN_TOKENS / sizeof HIDDEN_TOKENS[0]; i++)
        if (html_has_word(cls, HIDDEN_TOKENS[i], 0)) return 1;
    return 0;
}

/* Does an inline style hide the element? Spaces and case are ignored. */
static int style_hides(const char *st)
{
    char buf[64];
    size_t n = 0;
    for (const char *p = st; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') continue;
        buf[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p | 0x20 : *p);
        if (n == sizeof buf - 1 || *p == ';') {
            buf[n] = 0;
            if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden")) return 1;
            n = 0;
        }
    }
    buf[n] = 0;
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* ARIA roles of page chrome. */
static int role_is_chrome(const char *role)
{
    static const char *const ROLES[] = {"navigation", "banner",  "contentinfo", "complementary",
                                        "menu",       "menubar", "dialog",      "alertdialog",
                                        "search",     "toolbar", "tablist"};
    if (!role) return 0;
    for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0]; i++)
        if (html_has_word(role, ROLES[i], 0)) return 1;
    return 0;
}

static size_t subtree_text_bytes(const xmlNode *root, size_t *budget);

/* Does an element hold a <p> or <div> of its own and more than 300 bytes of text (more than
 * any heading)? */
static int holds_blocks(const xmlNode *n, size_t *budget)
{
    int blocks = 0;
    for (const xmlNode *c = n->children; c && !blocks; c = c->next)
        blocks = c->type == XML_ELEMENT_NODE && (tag_is(c, "p") || tag_is(c, "div"));
    return blocks && subtree_text_bytes(n, budget) > 300;
}

/* Does the element hold the article text despite a weak chrome name? At least 3 paragraphs and
 * 600 characters of paragraph text below it. The scan costs one unit of *budget per node and
 * stops when the budget is spent (then the answer is no). */
static int holds_text_min(const xmlNode *root, size_t *budget, size_t min_paras,
                          size_t min_chars);

/* The next node of a depth-first walk that has finished with n's subtree: n's next sibling, or
 * the next sibling of the nearest ancestor that has one; NULL (or depth 0) at the walk's root. */
static const xmlNode *walk_past(const xmlNode *n, int *depth)
{
    while (n && !n->next && *depth > 0) {
        n = n->parent;
        (*depth)--;
    }
    return n && *depth > 0 ? n->next : n;
}

/* Bytes of text below an element (inside <span>s and links too), one unit of *budget per
 * node. */
static size_t subtree_text_bytes(const xmlNode *root, size_t *budget)
{
    size_t bytes = 0;
    const xmlNode *n = root->children;
    int depth = 1;
    while (n && depth > 0 && *budget > 0) {
        (*budget)--;
        if (n->type == XML_TEXT_NODE && n->content) {
            bytes += strlen((const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            depth++;
            continue;
        }
        n = walk_past(n, &depth);
    }
    return bytes;
}

static int holds_text(const xmlNode *root, size_t *budget)
{
    return holds_text_min(root, budget, 3, 600);
}

/* Does the element hold at least min_paras paragraphs and min_chars bytes of their text? */
static int holds_text_min(const xmlNode *root, size_t *budget, size_t min_paras,
                          size_t min_chars)
{
    size_t paras = 0, chars = 0;
    const xmlNode *n = root->children;
    int depth = 1;
    while (n && depth > 0 && *budget > 0) {
        (*budget)--;
        if (n->type == XML_ELEMENT_NODE && tag_is(n, "p")) {
            paras++;
            chars += subtree_text_bytes(n, budget);
            if (paras >= min_paras && chars >= min_chars) return 1;
        } else if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            depth++;
            continue;
        }
        n = walk_past(n, &depth);
    }
    return 0;
}

/* Is the element inside an <article> or <main>? There a <header> holds the headline, the
 * dateline and often the lede, not the site's masthead. */
static int inside_article(const xmlNode *n)
{
    int up = 0;
    for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE && up < 64;
         p = p->parent, up++)
        if (tag_is(p, "article") || tag_is(p, "main")) return 1;
    return 0;
}

static int name_kinds(const char *v);

/* Does the element hold a <main> or an <article> (a <form> around the whole page, as some
 * server frameworks print)? One unit of *budget per node scanned. */
static int holds_main(const xmlNode *root, size_t *budget)
{
    const xmlNode *n = root->children;
    int depth = 1;
    while (n && depth > 0 && *budget > 0) {
        (*budget)--;
        if (n->type == XML_ELEMENT_NODE && (tag_is(n, "main") || tag_is(n, "article"))) return 1;
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            depth++;
            continue;
        }
        while (n && !n->next && depth > 0) {
            n = n->parent;
            depth--;
        }
        if (n && depth > 0) n = n->next;
    }
    return 0;
}

/* Is a <header> the header of the text rather than of the site: named with a content word
 * ("article-header", "entry-header", "post-header")? */
static int article_header(const xmlNode *n)
{
    int kinds = name_kinds(html_attr(n, "class")) | name_kinds(html_attr(n, "id"));
    return (kinds & W_GOOD) && !(kinds & (W_STRONG | W_COMMENTS));
}

/* Nodes the weak-name checks of one walk may scan: each check walks a subtree, so a page of
 * thousands of nested "sidebar" divs must not turn the walk quadratic. Page builders name
 * hundreds of containers "widget", so the bound is on nodes, not on checks. */
#define WEAK_SCAN_BUDGET 400000

/* Is the element chrome or hidden (never entered)? */
static int is_dropped(html_page *pg, const xmlNode *n, int cls, size_t *budget)
{
    /* The last pass reads <noscript> too: some blog engines print the post there and fill
     * the visible place with a script. */
    if (cls == T_DROP) return !(pg->keep_hidden && tag_is(n, "noscript"));
    const char *klass = NULL, *id = NULL, *role = NULL, *itemprop = NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        const char *v =
            a->children && a->children->content ? (const char *)a->children->content : "";
        if (!name) continue;
        switch (name[0]) {
        case 'c':
            if (strcmp(name, "class") == 0) klass = v;
            break;
        case 'i':
            if (strcmp(name, "id") == 0)
                id = v;
            else if (strcmp(name, "itemprop") == 0)
                itemprop = v;
            break;
        case 'r':
            if (strcmp(name, "role") == 0) role = v;
            break;
        case 'h':
            if (strcmp(name, "hidden") == 0 && !pg->keep_hidden) return 1;
            break;
        case 'a':
            if (strcmp(name, "aria-hidden") == 0 && strcasecmp(v, "true") == 0 &&
                !pg->keep_hidden)
                return 1;
            break;
        case 's':
            if (strcmp(name, "style") == 0 && !pg->keep_hidden && style_hides(v)) return 1;
            break;
        default:
            break;
        }
    }
    if (!pg->keep_hidden && has_hidden_token(klass)) return 1;
    /* Chrome tags are dropped whole, unless they hold paragraphs of text: unclosed or
     * misnested markup (a <header> or <button> left open) can put the whole page inside. */
    if (cls == T_CHROME && !(tag_is(n, "header") && (inside_article(n) || article_header(n)))) {
        /* ... or, for the elements markup wraps around a page (a <form> of a server
         * framework, a <header> or <button> left open), the page's <main> or <article>.
         * Asides and footers hold cards that are <article>s. */
        int wraps = tag_is(n, "form") || tag_is(n, "header") || tag_is(n, "button");
        return !holds_text(n, budget) && !(wraps && holds_main(n, budget));
    }
    if (!pg->drop_classes && !pg->relaxed_strong) return 0;
    if (pg->drop_classes && role_is_chrome(role)) return 1;
    if (itemprop && html_has_word(itemprop, "articleBody", 0)) return 0;
    if (tag_is(n, "body") || tag_is(n, "html") || tag_is(n, "article") || tag_is(n, "main"))
        return 0;
    /* A heading's id is an anchor made from its words ("#nav-the-share-of-coal"): it names
     * the subject, not a box. */
    int kinds = name_kinds(klass) | (cls == T_HEADING ? 0 : name_kinds(id));
    /* Reader comments hold long paragraphs too: never the article. */
    if (kinds & W_COMMENTS) return 1;
    /* The relaxed pass keeps what weak names and roles dropped, not the strong boxes. */
    if (!pg->drop_classes) return (kinds & W_STRONG) != 0;
    /* A strong name on an element that holds a whole article's worth of paragraphs is a
     * script hook or a state ("js-advertorial", "paywalled"), not a box beside the text. */
    if (kinds & W_STRONG) return !holds_text_min(n, budget, 5, 1500);
    /* "article-header", "entry-header": the headline, dateline and standfirst of the text. */
    if ((kinds & W_HEADER) && (kinds & W_GOOD)) return 0;
    if (kinds & W_WEAK) return !holds_text(n, budget);
    return 0;
}

/* Class weight of a candidate container, after Readability: +25 for content names, -25 for
 * chrome names that survived dropping, and a strong bonus for schema.org's articleBody. */
static float class_weight(const xmlNode *n)
{
    float w = 0;
    int kinds = name_kinds(html_attr(n, "class")) | name_kinds(html_attr(n, "id"));
    if (kinds & W_GOOD) w += 25;
    if (kinds & (W_WEAK | W_STRONG | W_COMMENTS)) w -= 25;
    const char *ip = html_attr(n, "itemprop");
    if (ip && html_has_word(ip, "articleBody", 0)) w += 100;
    const char *role = html_attr(n, "role");
    if (role && html_has_word(role, "main", 0)) w += 10;
    return w;
}

static float tag_bonus(const xmlNode *n)
{
    static const struct {
        const char *name;
        float bonus;
    } B[] = {{"div", 5}, {"article", 10},   {"main", 5}, {"section", 3}, {"td", 3},
             {"pre", 3}, {"blockquote", 3}, {"ol", -3},  {"ul", -3},     {"dl", -3},
             {"li", -3}, {"form", -3},      {"th", -5}};
    for (size_t i = 0; i < sizeof B / sizeof B[0]; i++)
        if (tag_is(n, B[i].name)) return B[i].bonus;
    return 0;
}

/* ---- text of blocks ---- */

static int is_html_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Elements whose edges separate words even inside a block. */
static int breaks_words(const xmlNode *n, int cls)
{
    return cls != T_INLINE || tag_is(n, "br") || tag_is(n, "img");
}

/* State of collecting one block's text. */
typedef struct gather {
    dbuf *out;         /* where the text goes */
    size_t start;      /* out->len when the block began */
    int pending_space; /* a collapsed space waits for the next visible character */
    int pre;           /* keep whitespace (inside <pre>) */
    int newlines;      /* newlines just written in pre mode (blank lines collapse) */
    uint32_t chars, link_chars, commas;
} gather;

static dossier_status gather_text(gather *g, const char *s, int in_link)
{
    size_t n = strlen(s);
    dossier_status rc = dbuf_reserve(g->out, n + 1);
    if (rc) return rc;
    char *w = g->out->ptr + g->out->len;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (g->pre) {
            if (c == '\r') continue;
            if (c == '\n') {
                if ((size_t)(w - g->out->ptr) == g->start || g->newlines >= 1) continue;
                g->newlines++;
                *w++ = '\n';
                continue;
            }
            g->newlines = 0;
        } else if (is_html_space(c)) {
            g->pending_space = 1;
            continue;
        }
        /* U+00AD soft hyphen: a place a word may break, invisible unless it does; kept, it
         * splits the word for every search ("Mit&shy;tel&shy;al&shy;ter"). */
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
            i++;
            continue;
        }
        if (g->pending_space) {
            if ((size_t)(w - g->out->ptr) > g->start) *w++ = ' ';
            g->pending_space = 0;
        }
        *w++ = (char)c;
        if ((c & 0xC0) != 0x80) {
            g->chars++;
            if (in_link) g->link_chars++;
        }
        if (c == ',') g->commas++;
        /* U+FF0C fullwidth comma, U+3001 ideographic comma, U+060C Arabic comma. */
        else if (i + 2 < n && ((c == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
                                (unsigned char)s[i + 2] == 0x8C) ||
                               (c == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
                                (unsigned char)s[i + 2] == 0x81)))
            g->commas++;
        else if (i + 1 < n && c == 0xD8 && (unsigned char)s[i + 1] == 0x8C)
            g->commas++;
    }
    g->out->len = (size_t)(w - g->out->ptr);
    g->out->ptr[g->out->len] = '\0';
    return DOSSIER_OK;
}

/* Collects the text of nodes [first, stop) and their descendants into g. With pg, chrome and
 * hidden elements are skipped as in the walk; without, only non-text elements (script, style)
 * are. The walk follows parent pointers, so depth costs no stack. */
static dossier_status gather_nodes(html_page *pg, gather *g, const xmlNode *first,
                                   const xmlNode *stop)
{
    const xmlNode *n = first;
    int depth = 0;                     /* levels below the first node's */
    int link_depth = -1;               /* depth of the <a href> we are in, or -1 */
    size_t budget = 0; /* inside a block, weak names are not worth a scan */
    dossier_status rc = DOSSIER_OK;
    while (n && (depth > 0 || n != stop)) {
        int descend = 0;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) rc = gather_text(g, (const char *)n->content, link_depth >= 0);
            if (rc) return rc;
        } else if (n->type == XML_ELEMENT_NODE) {
            int cls = tag_class(n);
            int skip = pg ? is_dropped(pg, n, cls, &budget)
                          : (tag_is(n, "script") || tag_is(n, "style") || tag_is(n, "noscript") ||
                             tag_is(n, "template") || tag_is(n, "svg"));
            if (!skip) {
                if (breaks_words(n, cls)) {
                    if (g->pre && tag_is(n, "br")) {
                        rc = gather_text(g, "\n", 0);
                        if (rc) return rc;
                    }
                    g->pending_space = 1;
                }
                if (n->children && depth < 4 * HTML_MAX_DEPTH) {
                    if (link_depth < 0 && tag_is(n, "a") && html_attr(n, "href"))
                        link_depth = depth + 1;
                    descend = 1;
                }
            }
        }
        if (descend) {
            n = n->children;
            depth++;
            continue;
        }
        /* Up until a next sibling exists; leaving an element may end a link or a word. */
        while (depth > 0 && !n->next) {
            n = n->parent;
            depth--;
            if (link_depth > depth) link_depth = -1;
            if (breaks_words(n, tag_class(n))) g->pending_space = 1;
        }
        n = n->next;
    }
    return rc;
}

dossier_status html_node_text(const xmlNode *node, dbuf *out)
{
    gather g = {out, out->len, 0, tag_is(node, "pre"), 0, 0, 0, 0};
    if (!node->children) return DOSSIER_OK;
    return gather_nodes(NULL, &g, node->children, NULL);
}

/* ---- the walk ---- */

static dossier_status push_info(html_page *pg, xmlNode *n, uint32_t parent, uint32_t *slot)
{
    if (pg->n_infos == pg->cap_infos) {
        uint32_t cap = pg->cap_infos ? pg->cap_infos * 2 : 256;
        if (cap > (1u << 26)) return DOSSIER_ERR_TOO_LARGE;
        html_info *p = realloc(pg->infos, cap * sizeof *p);
        if (!p) return DOSSIER_ERR_NOMEM;
        pg->infos = p;
        pg->cap_infos = cap;
    }
    html_info *in = &pg->infos[pg->n_infos];
    memset(in, 0, sizeof *in);
    in->node = n;
    in->parent = parent;
    in->b_start = pg->n_blocks;
    *slot = pg->n_infos++;
    return DOSSIER_OK;
}

static void close_info(html_page *pg, uint32_t slot)
{
    pg->infos[slot].b_end = pg->n_blocks;
    pg->infos[slot].end_slot = pg->n_infos;
}

/* Is the element (or one of its ancestors) an <a href>? */
static int inside_link(const xmlNode *n)
{
    int up = 0;
    for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE && up < 64; p = p->parent, up++)
        if (tag_is(p, "a") && html_attr(p, "href")) return 1;
    return 0;
}

/* Collects the text of [first, stop) as a new block; blocks with no visible text are not
 * kept. */
static dossier_status add_block(html_page *pg, xmlNode *node, xmlNode *first, xmlNode *stop,
                                uint32_t info, int kind, int level)
{
    if (pg->n_blocks == pg->cap_blocks) {
        uint32_t cap = pg->cap_blocks ? pg->cap_blocks * 2 : 128;
        if (cap > (1u << 24)) return DOSSIER_ERR_TOO_LARGE;
        html_block *p = realloc(pg->blocks, cap * sizeof *p);
        if (!p) return DOSSIER_ERR_NOMEM;
        pg->blocks = p;
        pg->cap_blocks = cap;
    }
    gather g = {&pg->text, pg->text.len, 0, kind == HB_PRE, 0, 0, 0, 0};
    dossier_status rc = gather_nodes(pg, &g, first, stop);
    if (rc) return rc;
    if (pg->text.len > UINT32_MAX - 1) return DOSSIER_ERR_TOO_LARGE;
    /* Trailing newlines of <pre> text. */
    while (pg->text.len > g.start && pg->text.ptr[pg->text.len - 1] == '\n')
        pg->text.len--;
    if (pg->text.len == g.start) return DOSSIER_OK;
    html_block *b = &pg->blocks[pg->n_blocks++];
    b->node = node;
    b->first = first;
    b->stop = stop;
    b->info = info;
    b->text_off = (uint32_t)g.start;
    b->text_len = (uint32_t)(pg->text.len - g.start);
    b->chars = g.chars;
    /* A card wrapped whole in a link: every character of the block is link text. */
    b->link_chars = inside_link(node) ? g.chars : g.link_chars;
    b->commas = g.commas > 0xFFFF ? 0xFFFF : (uint16_t)g.commas;
    b->kind = (uint8_t)kind;
    b->level = (uint8_t)level;
    return DOSSIER_OK;
}

/* Does the element have text of its own (not inside child elements)? Then its inline content
 * forms runs. */
static int has_direct_text(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_TEXT_NODE || !c->content) continue;
        for (const unsigned char *p = c->content; *p; p++)
            if (!is_html_space(*p)) return 1;
    }
    return 0;
}

/* Does an element of class cls sit in a line of text (inline, or dropped without breaking the
 * line, as a <button> does)? */
static int flows_inline(const xmlNode *n, int cls)
{
    return cls == T_INLINE || cls == T_DROP || (cls == T_CHROME && tag_is(n, "button"));
}

/* Are all the element's children text or inline? Then it is one block. */
static int only_inline_children(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        int cls = tag_class(c);
        if (!flows_inline(c, cls)) return 0;
    }
    return 1;
}

static int is_run_node(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE) return 1;
    return flows_inline(n, tag_class(n));
}

/* Next sibling that is not whitespace text or a comment. */
static const xmlNode *next_visible(const xmlNode *n)
{
    for (n = n->next; n; n = n->next) {
        if (n->type == XML_COMMENT_NODE) continue;
        if (n->type == XML_TEXT_NODE && n->content) {
            const unsigned char *p = n->content;
            while (*p && is_html_space(*p))
                p++;
            if (*p) return n;
            continue;
        }
        return n;
    }
    return NULL;
}

/* Where a run starting at first ends: at a block element, or at a double <br> once the run has
 * text (so "a<br><br>b" makes two paragraphs). Always past first. */
static xmlNode *run_end(xmlNode *first)
{
    xmlNode *n = first;
    int has_text = 0;
    while (n && is_run_node(n)) {
        if (n->type == XML_ELEMENT_NODE && tag_is(n, "br") && has_text) {
            const xmlNode *v = next_visible(n);
            if (v && v->type == XML_ELEMENT_NODE && tag_is(v, "br")) return n;
        }
        if (n->type != XML_COMMENT_NODE && !(n->type == XML_ELEMENT_NODE && tag_is(n, "br")))
            has_text = 1;
        n = n->next;
    }
    return n == first ? first->next : n;
}

/* Longest text of one cell, in bytes, for a table to count as data: past it the cells hold
 * prose, and a table of prose cells is a layout. */
#define DATA_CELL_MAX 200

/* Is the table one of data (standings, prices, specifications), not of layout? It nests no
 * table, has at least two rows, and every cell holds inline content of at most DATA_CELL_MAX
 * bytes of text. The scan is bounded. */
static int is_data_table(const xmlNode *table)
{
    size_t seen = 0, rows = 0, cell_text = 0;
    const xmlNode *cell = NULL;
    const xmlNode *n = table->children;
    int depth = 1;
    while (n && depth > 0) {
        if (++seen > 50000) return 0;
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            if (tag_is(n, "table")) return 0;
            if (tag_is(n, "tr")) {
                rows++;
                descend = 1;
            } else if (tag_is(n, "td") || tag_is(n, "th")) {
                if (!only_inline_children(n)) return 0;
                cell = n;
                cell_text = 0;
                descend = 1;
            } else {
                descend = tag_class(n) != T_DROP;
            }
        } else if (n->type == XML_TEXT_NODE && n->content && cell) {
            cell_text += strlen((const char *)n->content);
            if (cell_text > DATA_CELL_MAX) return 0;
        }
        if (descend && n->children) {
            n = n->children;
            depth++;
            continue;
        }
        n = walk_past(n, &depth);
    }
    return rows >= 2;
}

/* Is the <tr> a row of a data table? The table's verdict is kept for its next rows. */
static int is_data_row(html_page *pg, const xmlNode *tr)
{
    const xmlNode *t = tr->parent;
    for (int up = 0; t && up < 3 && !tag_is(t, "table"); up++)
        t = t->parent;
    if (!t || !tag_is(t, "table")) return 0;
    if (t != pg->memo_table) {
        pg->memo_table = t;
        pg->memo_data = is_data_table(t);
    }
    return pg->memo_data;
}

static int run_kind(const xmlNode *container)
{
    if (tag_is(container, "td") || tag_is(container, "th")) return HB_CELL;
    if (tag_is(container, "li")) return HB_LI;
    if (tag_is(container, "blockquote")) return HB_QUOTE;
    return HB_RUN;
}

/* Is the block prose: a paragraph, run or quote of at least PROSE_MIN chars with under a
 * fifth of them in links? Menus, cards and captions rarely are. */
#define PROSE_MIN 80
static int is_prose(const html_block *b)
{
    if (b->kind != HB_P && b->kind != HB_RUN && b->kind != HB_QUOTE && b->kind != HB_PRE)
        return 0;
    return b->chars >= PROSE_MIN && b->link_chars * 5 < b->chars;
}

static void reset_walk(html_page *pg)
{
    pg->memo_table = NULL;
    pg->n_infos = 0;
    pg->n_blocks = 0;
    dbuf_reset(&pg->text);
    free(pg->pre_chars);
    free(pg->pre_links);
    free(pg->pre_prose);
    pg->pre_chars = pg->pre_links = pg->pre_prose = NULL;
}

void html_page_release(html_page *pg)
{
    reset_walk(pg);
    free(pg->infos);
    free(pg->blocks);
    pg->infos = NULL;
    pg->blocks = NULL;
    pg->cap_infos = pg->cap_blocks = 0;
    dbuf_release(&pg->text);
}

/* Adds each paragraph's score to its ancestors: all of it to the parent, half to the
 * grandparent, a third of the level to those above (Readability's decay), five levels up. */
static void score_blocks(html_page *pg)
{
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        const html_block *b = &pg->blocks[i];
        if (b->kind == HB_LI || b->kind == HB_HEADING || b->kind == HB_ROW) continue;
        /* Readability's floor: shorter bits are captions, buttons and datelines. */
        if (b->chars < 25) continue;
        float score = 1.0f + (float)b->commas + (float)(b->chars / 100 > 3 ? 3 : b->chars / 100);
        uint32_t a = b->kind == HB_RUN || b->kind == HB_CELL ? b->info : pg->infos[b->info].parent;
        for (int level = 0; level < 5 && a != HTML_NONE; level++) {
            html_info *in = &pg->infos[a];
            if (!in->scored) {
                in->scored = 1;
                in->score = tag_bonus(in->node) + class_weight(in->node);
            }
            float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
            in->score += score / div;
            a = in->parent;
        }
    }
}

dossier_status html_walk(html_page *pg)
{
    reset_walk(pg);
    xmlNode *root = xmlDocGetRootElement(pg->doc);
    if (!root) return DOSSIER_OK;
    size_t budget = WEAK_SCAN_BUDGET;
    uint32_t cur;
    dossier_status rc = push_info(pg, root, HTML_NONE, &cur);
    if (rc) return rc;
    xmlNode *parent = root, *n = root->children;
    int depth = 0;
    int runs = pg->infos[cur].runs = (uint8_t)has_direct_text(root);
    for (;;) {
        if (!n) {
            close_info(pg, cur);
            if (parent == root) break;
            n = parent->next;
            parent = parent->parent;
            cur = pg->infos[cur].parent;
            depth--;
            runs = pg->infos[cur].runs;
            continue;
        }
        if (runs && is_run_node(n)) {
            xmlNode *stop = run_end(n);
            if ((rc = add_block(pg, parent, n, stop, cur, run_kind(parent), 0))) return rc;
            n = stop;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) {
            n = n->next;
            continue;
        }
        int cls = tag_class(n);
        if (cls == T_HEAD || is_dropped(pg, n, cls, &budget)) {
            n = n->next;
            continue;
        }
        int row = cls == T_CONTAINER && tag_is(n, "tr") && is_data_row(pg, n);
        /* A heading left open holds what follows it ("<h2 class=excerpt>" unclosed before the
         * body): with paragraphs inside and more text than a heading has, it is a container. */
        if (cls == T_HEADING && holds_blocks(n, &budget)) cls = T_CONTAINER;
        int leaf = row || cls == T_P || cls == T_HEADING || cls == T_PRE ||
                   ((cls == T_LI || cls == T_QUOTE) && only_inline_children(n));
        if (leaf) {
            uint32_t slot;
            if ((rc = push_info(pg, n, cur, &slot))) return rc;
            pg->infos[slot].leaf = 1;
            int kind = row                ? HB_ROW
                       : cls == T_P       ? HB_P
                       : cls == T_HEADING ? HB_HEADING
                       : cls == T_PRE     ? HB_PRE
                       : cls == T_LI      ? HB_LI
                                          : HB_QUOTE;
            int level = cls == T_HEADING ? n->name[1] - '0' : 0;
            if (n->children && (rc = add_block(pg, n, n->children, NULL, slot, kind, level)))
                return rc;
            close_info(pg, slot);
            n = n->next;
            continue;
        }
        if (depth + 1 >= HTML_MAX_DEPTH || !n->children) {
            n = n->next;
            continue;
        }
        uint32_t slot;
        if ((rc = push_info(pg, n, cur, &slot))) return rc;
        cur = slot;
        parent = n;
        n = n->children;
        depth++;
        runs = pg->infos[cur].runs = (uint8_t)has_direct_text(parent);
    }

    pg->pre_chars = malloc(((size_t)pg->n_blocks + 1) * sizeof *pg->pre_chars);
    pg->pre_links = malloc(((size_t)pg->n_blocks + 1) * sizeof *pg->pre_links);
    pg->pre_prose = malloc(((size_t)pg->n_blocks + 1) * sizeof *pg->pre_prose);
    if (!pg->pre_chars || !pg->pre_links || !pg->pre_prose) return DOSSIER_ERR_NOMEM;
    pg->pre_chars[0] = pg->pre_links[0] = pg->pre_prose[0] = 0;
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        pg->pre_chars[i + 1] = pg->pre_chars[i] + pg->blocks[i].chars;
        pg->pre_links[i + 1] = pg->pre_links[i] + pg->blocks[i].link_chars;
        pg->pre_prose[i + 1] = pg->pre_prose[i] + (is_prose(&pg->blocks[i]) ? pg->blocks[i].chars : 0);
    }
    score_blocks(pg);
    return DOSSIER_OK;
}

/* ---- selection ---- */

uint64_t html_chars(const html_page *pg, uint32_t b0, uint32_t b1)
{
    return b1 > b0 ? pg->pre_chars[b1] - pg->pre_chars[b0] : 0;
}

double html_link_density(const html_page *pg, uint32_t b0, uint32_t b1)
{
    uint64_t c = html_chars(pg, b0, b1);
    if (!c) return 0;
    return (double)(pg->pre_links[b1] - pg->pre_links[b0]) / (double)c;
}

/* Short lines inside article bodies that are calls to action, not text. Matched as a
 * case-insensitive prefix of a block under 100 bytes. */
static const char *const BOILERPLATE[] = {
    "read more",
    "keep reading",
    "continue reading",
    "subscribe",
    "sign up",
    "advertisement",
    "advertisment",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "share this",
    "share on",
    "follow us",
    "click here",
    "recommended",
    "most read",
    "also read",
    "read also",
    "read next",
    "story continues",
    "scroll to continue",
    "skip to",
    "listen to this article",
    "trending",
    "more from",
    "sponsored",
    "loading",
    "weiterlesen",
    "mehr zum thema",
    "lesen sie auch",
    "anzeige",
    "lire aussi",
    "lire la suite",
    "leer más",
    "te puede interesar",
    "читайте также",
    "подписывайтесь",
    "реклама",
    "читайте також",
    /* image credits standing alone (photo, title and post images) */
    "credit:",
    "photo credit",
    "image credit",
    "titelbild:",
    "beitragsbild",
    "bildquelle",
    "crédits photo",
    "crédit photo",
    /* blog engines' share and comment lines */
    "teilen sie dies mit",
    "gefällt mir:",
    "kommentare geschlossen",
    "comments are closed",
    "wird geladen",
    /* reader feedback and rating prompts */
    "was this article helpful",
    "was this helpful",
    "war der artikel",
    "war dieser artikel",
    "hat ihnen der artikel",
    "noch keine bewertung",
    "no ratings yet",
    "möchten sie den artikel",
    "if you enjoyed",
    "artikel bewerten",
    "rate this article",
};

static int is_boilerplate(const char *s, size_t n)
{
    if (n >= 100) return 0;
    slice sl = slice_make(s, n);
    for (size_t i = 0; i < sizeof BOILERPLATE / sizeof BOILERPLATE[0]; i++)
        if (slice_starts_with_lower(sl, BOILERPLATE[i])) return 1;
    return 0;
}

/* Titles of the sections that follow an article inside its container: related stories,
 * reader comments, the author box, tags. Matched as a prefix of a heading or of a short block
 * standing alone, in any case (the entries are written in lower case). */
static const char *const END_MARKERS[] = {
    "related",
    "you may also like",
    "you might also like",
    "you may like",
    "more stories",
    "more from",
    "more articles",
    "recommended",
    "read next",
    "most popular",
    "most read",
    "popular posts",
    "latest news",
    "latest stories",
    "leave a reply",
    "leave a comment",
    "comments",
    "join the conversation",
    "about the author",
    "share this",
    "tags:",
    "filed under",
    "this entry was posted",
    "similar posts",
    "ähnliche beiträge",
    "ähnliche artikel",
    "auch interessant",
    "das könnte",
    "weitere artikel",
    "verwandte artikel",
    "kommentare",
    "schreibe einen kommentar",
    "hinterlasse einen",
    "meistgelesen",
    "beliebte beiträge",
    "lire aussi",
    "à lire aussi",
    "sur le même sujet",
    "articles similaires",
    "commentaires",
    "laisser un commentaire",
    "noticias relacionadas",
    "artículos relacionados",
    "te puede interesar",
    "comentarios",
    "deja un comentario",
    "lo más leído",
    "articoli correlati",
    "potrebbe interessarti",
    "commenti",
    "lascia un commento",
    "zobacz też",
    "czytaj także",
    "komentarze",
    "читайте также",
    "похожие",
    "комментарии",
    "коментарі",
    "kommentieren",
    "kommentar verfassen",
    "teilen sie",
    "diesen artikel teilen",
    "empfohlene",
    "les plus lus",
    "partager",
    "compartir",
    "condividi",
    "udostępnij",
    "поделиться",
    "поділитися",
    "share on",
    /* further-reading boxes */
    "zum weiterlesen",
    "mehr themen",
    "mehr von",
    "weitere beiträge",
    "empfehlungen aus",
    "schon gelesen",
    "lust auf mehr",
    "das thema könnte",
    "articles les plus lus",
    "temas relacionados",
    "notas relacionadas",
    "mehr zu ",
    "mehr kolumnen",
    "auch auf ",
    "vorschau auf den nächsten",
    "teilnehmende blogs",
};

/* Does block b open a section of END_MARKERS? A heading or a line on its own, under 48 bytes:
 * the title of a section, not a sentence that starts alike. */
static int is_end_marker(const html_page *pg, const html_block *b)
{
    if (b->text_len >= 48) return 0;
    if (b->kind != HB_HEADING && b->kind != HB_P && b->kind != HB_RUN) return 0;
    slice sl = slice_make(pg->text.ptr + b->text_off, b->text_len);
    for (size_t i = 0; i < sizeof END_MARKERS / sizeof END_MARKERS[0]; i++)
        if (slice_starts_with_lower(sl, END_MARKERS[i])) return 1;
    return 0;
}

/* Text an article must already have before an end marker ends its part: a "Related" line at
 * the top is a link list, not the end of the text. */
#define END_MARKER_AFTER 400

/* Where the taking of blocks stands with END_MARKERS: a section that follows the article
 * inside its container is dropped from its marker (a heading or a short line) to the end of
 * the element around the marker, or to the next heading of the same or a higher level that is
 * no marker, whichever comes first. A box of links in the middle of the text ends with its
 * element; a flat "Related" list ends the text. */
typedef struct end_cut {
    uint64_t seen;        /* chars taken so far */
    int skipping;         /* 1 inside a marked section */
    int level;            /* the marker's heading level (6 for a line) */
    uint32_t box0, box1;  /* slots of the element around the marker */
} end_cut;

/* Is block i inside a marked section (and so not taken)? Updates the state. */
static int end_cut_skips(const html_page *pg, end_cut *c, uint32_t i)
{
    const html_block *b = &pg->blocks[i];
    if (c->skipping && ((b->info < c->box0 || b->info >= c->box1) ||
                        (b->kind == HB_HEADING && b->level <= c->level && !is_end_marker(pg, b))))
        c->skipping = 0;
    if (!c->skipping && c->seen >= END_MARKER_AFTER && is_end_marker(pg, b)) {
        uint32_t box = pg->infos[b->info].leaf ? pg->infos[b->info].parent : b->info;
        if (box != HTML_NONE) {
            c->skipping = 1;
            c->level = b->kind == HB_HEADING ? b->level : 6;
            c->box0 = box;
            c->box1 = pg->infos[box].end_slot;
        }
    }
    return c->skipping;
}

/* Compares two texts ignoring ASCII case, whitespace and punctuation; 2 when equal, 1 when b
 * starts with a (a title with a " | Site" tail), else 0. */
static int same_words(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < an && (unsigned char)a[i] < 0x80 &&
               !((a[i] | 0x20) >= 'a' && (a[i] | 0x20) <= 'z') && !(a[i] >= '0' && a[i] <= '9'))
            i++;
        while (j < bn && (unsigned char)b[j] < 0x80 &&
               !((b[j] | 0x20) >= 'a' && (b[j] | 0x20) <= 'z') && !(b[j] >= '0' && b[j] <= '9'))
            j++;
        if (i == an) return j == bn ? 2 : (i > 0 ? 1 : 0);
        if (j == bn) return 0;
        char ca = a[i], cb = b[j];
        if ((unsigned char)ca < 0x80) ca = (char)((ca >= 'A' && ca <= 'Z') ? ca | 0x20 : ca);
        if ((unsigned char)cb < 0x80) cb = (char)((cb >= 'A' && cb <= 'Z') ? cb | 0x20 : cb);
        if (ca != cb) return 0;
        i++, j++;
    }
}

static int ends_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\''))
        n--;
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* Does block i belong in the article text? */
static int keep_block(const html_page *pg, uint32_t i, const char *title, int relaxed)
{
    const html_block *b = &pg->blocks[i];
    const char *s = pg->text.ptr + b->text_off;
    double ld = b->chars ? (double)b->link_chars / b->chars : 0;
    if (is_boilerplate(s, b->text_len)) return 0;
    switch (b->kind) {
    case HB_HEADING:
        if (relaxed) return 0;
        if (title && b->level <= 2) {
            int m = same_words(s, b->text_len, title, strlen(title));
            if (m == 2 || (m == 1 && b->level == 1)) return 0;
        }
        return ld <= 0.5;
    case HB_LI:
        /* Items that are titles of linked pages (sources, further reading) belong to the
         * body they are in; short link items are menus. */
        return !relaxed && (ld <= 0.5 || b->chars >= 30);
    case HB_ROW:
        return ld <= 0.5;
    case HB_CELL:
        /* Layout and data tables: only prose-like cells. */
        return b->chars >= 60 && ld < 0.3;
    case HB_RUN:
        /* Loose short text is labels and datelines ("May 2", "Photo: AP") unless it ends like
         * a sentence. */
        if (b->chars < 25 && !ends_sentence(s, b->text_len)) return 0;
        /* fall through */
    default:
        if (relaxed) return b->chars >= 20 && ld < 0.3;
        if (b->chars < 40 && ld > 0.3) return 0;
        return ld <= 0.6;
    }
}

/* Appends the kept blocks of [b0, b1) to out, skipping a repeat of the block before, and
 * with cut (may be NULL) the sections after end markers. */
static uint32_t take_blocks(const html_page *pg, uint32_t b0, uint32_t b1, const char *title,
                            int relaxed, end_cut *cut, uint32_t *out, uint32_t n)
{
    for (uint32_t i = b0; i < b1; i++) {
        if (cut && end_cut_skips(pg, cut, i)) continue;
        if (!keep_block(pg, i, title, relaxed)) continue;
        if (cut) cut->seen += pg->blocks[i].chars;
        if (n > 0) {
            const html_block *p = &pg->blocks[out[n - 1]], *b = &pg->blocks[i];
            if (p->text_len == b->text_len &&
                memcmp(pg->text.ptr + p->text_off, pg->text.ptr + b->text_off, b->text_len) == 0)
                continue;
        }
        out[n++] = i;
    }
    return n;
}

double html_final_score(const html_page *pg, uint32_t s)
{
    const html_info *in = &pg->infos[s];
    return in->score * (1.0 - html_link_density(pg, in->b_start, in->b_end));
}

#define final_score html_final_score

/* Readability's test for a paragraph next to the best container that belongs with it. */
static int sibling_paragraph(const html_page *pg, uint32_t s)
{
    const html_info *in = &pg->infos[s];
    if (!in->leaf || in->b_end != in->b_start + 1) return 0;
    const html_block *b = &pg->blocks[in->b_start];
    if (b->kind != HB_P) return 0;
    double ld = html_link_density(pg, in->b_start, in->b_end);
    if (b->chars >= 80) return ld < 0.25;
    return ld == 0 && b->text_len && pg->text.ptr[b->text_off + b->text_len - 1] == '.';
}

/* The score a container competes with: its final score once scored, else what its tag and
 * names give it (a wrapper reached by promotion that no paragraph scored). */
static double any_score(const html_page *pg, uint32_t s)
{
    if (pg->infos[s].scored) return final_score(pg, s);
    return tag_bonus(pg->infos[s].node) + class_weight(pg->infos[s].node);
}

static int is_page_top(const html_page *pg, uint32_t s, uint32_t r0)
{
    return s == HTML_NONE || s == r0 || tag_is(pg->infos[s].node, "body") ||
           tag_is(pg->infos[s].node, "html");
}

/* Does slot s hold exactly one walked element and no text beside it? */
static int single_child(const html_page *pg, uint32_t s)
{
    const html_info *in = &pg->infos[s];
    if (in->end_slot <= s + 1) return 0;
    const html_info *c = &pg->infos[s + 1];
    return c->end_slot == in->end_slot && c->b_start == in->b_start && c->b_end == in->b_end;
}

/* Candidates among the top few that promote a common ancestor. */
#define TOP_CANDIDATES 5
#define MIN_ALTERNATIVES 3

/*
 * Readability's second look at the best container, for text cut into several parts (one block
 * per paragraph group, as page builders make): when three of the next four candidates score
 * within 75% of the best and share an ancestor with it, that ancestor is the article; then the
 * best climbs while its parent scores higher (a wrapper that gathers more of the text than any
 * one part); and a sole child gives way to its parent, so siblings are judged at the level
 * where the page splits.
 */
static uint32_t promote_best(const html_page *pg, uint32_t r0, uint32_t best)
{
    uint32_t r1 = pg->infos[r0].end_slot;
    uint32_t top[TOP_CANDIDATES];
    double top_score[TOP_CANDIDATES];
    uint32_t n_top = 0;
    for (uint32_t s = r0; s < r1; s++) {
        if (!pg->infos[s].scored) continue;
        double f = final_score(pg, s);
        uint32_t k = n_top < TOP_CANDIDATES ? n_top++ : TOP_CANDIDATES;
        if (k == TOP_CANDIDATES) {
            if (f <= top_score[TOP_CANDIDATES - 1]) continue;
            k = TOP_CANDIDATES - 1;
        }
        while (k > 0 && top_score[k - 1] < f) {
            top[k] = top[k - 1];
            top_score[k] = top_score[k - 1];
            k--;
        }
        top[k] = s;
        top_score[k] = f;
    }
    if (n_top == 0 || top[0] != best) return best;
    uint32_t alts[TOP_CANDIDATES], n_alts = 0;
    for (uint32_t i = 1; i < n_top; i++)
        if (top_score[i] >= 0.75 * top_score[0]) alts[n_alts++] = top[i];
    if (n_alts >= MIN_ALTERNATIVES) {
        for (uint32_t a = pg->infos[best].parent; !is_page_top(pg, a, r0); a = pg->infos[a].parent) {
            uint32_t inside = 0;
            for (uint32_t i = 0; i < n_alts; i++)
                inside += alts[i] > a && alts[i] < pg->infos[a].end_slot;
            if (inside >= MIN_ALTERNATIVES) {
                best = a;
                break;
            }
        }
    }
    double last = any_score(pg, best), floor = last / 3;
    for (uint32_t a = pg->infos[best].parent; !is_page_top(pg, a, r0); a = pg->infos[a].parent) {
        if (!pg->infos[a].scored) continue;
        double f = final_score(pg, a);
        if (f < floor) break;
        if (f > last) {
            best = a;
            break;
        }
        last = f;
    }
    while (!is_page_top(pg, pg->infos[best].parent, r0) && single_child(pg, pg->infos[best].parent))
        best = pg->infos[best].parent;
    return best;
}

/* Levels the body may widen by, and what the text gained must be: at least half as much
 * prose again as the body has, prose for at least 60% of it, and few links. */
#define WIDEN_LEVELS 6
#define WIDEN_GAIN 0.5
#define WIDEN_PROSE_SHARE 0.6
#define WIDEN_MAX_LINKS 0.2
#define WIDEN_MAX_LINKED 3
#define WIDEN_PASS_CHARS 200

/*
 * The text of pages built from many sections (a guide with one block per heading) scores in
 * parts, none near the best, so neither Readability's promotion nor the sibling test gathers
 * it. Climbs from the best container while the parent adds substantially more prose and what
 * it adds is mostly prose with few links: menus, cards and footers fail that test.
 */
static uint32_t widen_to_prose(const html_page *pg, uint32_t r0, uint32_t best)
{
    uint32_t probe = best;
    for (int level = 0; level < WIDEN_LEVELS; level++) {
        uint32_t p = pg->infos[probe].parent;
        if (is_page_top(pg, p, r0)) break;
        const html_info *in = &pg->infos[best], *pin = &pg->infos[p];
        uint64_t prose = pg->pre_prose[in->b_end] - pg->pre_prose[in->b_start];
        uint64_t pprose = pg->pre_prose[pin->b_end] - pg->pre_prose[pin->b_start];
        uint64_t chars = html_chars(pg, in->b_start, in->b_end);
        uint64_t pchars = html_chars(pg, pin->b_start, pin->b_end);
        uint64_t links = pg->pre_links[in->b_end] - pg->pre_links[in->b_start];
        uint64_t plinks = pg->pre_links[pin->b_end] - pg->pre_links[pin->b_start];
        uint64_t add_prose = pprose - prose, add_chars = pchars - chars,
                 add_links = plinks - links;
        /* A wrapper that adds no prose and little else (a heading, a dateline) is passed
         * through: the judgement falls on the level above. */
        if (add_prose == 0 && add_chars < WIDEN_PASS_CHARS) {
            probe = p;
            continue;
        }
        if ((double)add_prose < WIDEN_GAIN * (double)prose ||
            (double)add_prose < WIDEN_PROSE_SHARE * (double)add_chars ||
            (double)add_links > WIDEN_MAX_LINKS * (double)add_chars)
            break;
        /* Short lines that are links (headlines of other pages) make the gain a list of
         * teasers, whatever their summaries say; so does another <article>. */
        int linked = 0;
        for (uint32_t i = pin->b_start; i < pin->b_end && linked < WIDEN_MAX_LINKED; i++) {
            if (i == in->b_start) i = in->b_end;
            if (i >= pin->b_end) break;
            const html_block *b = &pg->blocks[i];
            linked += b->chars < 150 && b->link_chars * 2 > b->chars;
        }
        if (linked >= WIDEN_MAX_LINKED) break;
        int other_article = 0;
        for (uint32_t s = p + 1; s < pin->end_slot && !other_article; s++) {
            if (s == best) s = in->end_slot;
            if (s >= pin->end_slot) break;
            other_article = tag_is(pg->infos[s].node, "article");
        }
        if (other_article) break;
        best = probe = p;
    }
    return best;
}

/* Does a class or id name a standfirst (lead, intro, summary, subtitle, excerpt ...)? Words
 * are split at '-', '_', spaces and camelCase is not split. */
static int names_lede(const char *v)
{
    static const char *const LEDE[] = {
        "lead",     "lede",      "leader",   "intro",    "standfirst", "summary", "subtitle",
        "subline",  "teaser",    "excerpt",  "dek",      "deck",       "chapo",   "vorspann",
        "abstract", "subheadline", "strapline", "introduction", "description", "synopsis",
        NULL};
    if (!v) return 0;
    for (const char *p = v; *p;) {
        while (*p == ' ' || *p == '-' || *p == '_')
            p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != '-' && *p != '_')
            p++;
        size_t n = (size_t)(p - w);
        for (const char *const *k = LEDE; *k; k++)
            if (strlen(*k) == n && strncasecmp(w, *k, n) == 0) return 1;
    }
    return 0;
}

/* Levels above a block searched for a standfirst name. */
#define LEDE_LEVELS 3

/*
 * The standfirst printed above the body in the article's header ("lead", "intro", "dek"):
 * blocks before the first taken one, inside the nearest <article> or <main> around the body
 * (else two levels above it), that read as prose and carry such a name on themselves or on an
 * element just above, or, in an <article>/<main>, are paragraphs of prose between the
 * headline <h1> and the body. They go first in out. Returns the new count.
 */
static uint32_t add_lede(html_page *pg, uint32_t r0, uint32_t best, uint32_t *out, uint32_t n)
{
    if (n == 0) return 0;
    uint32_t scope = HTML_NONE;
    int marked = 0;
    for (uint32_t a = best; a != HTML_NONE && a >= r0; a = pg->infos[a].parent)
        if (tag_is(pg->infos[a].node, "article") || tag_is(pg->infos[a].node, "main")) {
            scope = a;
            marked = 1;
            break;
        }
    if (scope == HTML_NONE) {
        scope = best;
        for (int up = 0; up < 2 && !is_page_top(pg, pg->infos[scope].parent, r0); up++)
            scope = pg->infos[scope].parent;
    }
    /* An <article> around the body alone ("articleBody") leaves the headline and standfirst
     * outside: then the next <article>/<main> up, when it holds the headline, is the scope. */
    if (marked) {
        int has_h1 = 0;
        for (uint32_t i = pg->infos[scope].b_start; i < out[0] && !has_h1; i++)
            has_h1 = pg->blocks[i].kind == HB_HEADING && pg->blocks[i].level == 1;
        for (uint32_t a = pg->infos[scope].parent; !has_h1 && a != HTML_NONE && a >= r0;
             a = pg->infos[a].parent)
            if (tag_is(pg->infos[a].node, "article") || tag_is(pg->infos[a].node, "main")) {
                for (uint32_t i = pg->infos[a].b_start; i < out[0] && !has_h1; i++)
                    has_h1 = pg->blocks[i].kind == HB_HEADING && pg->blocks[i].level == 1;
                if (has_h1) scope = a;
                break;
            }
    }
    uint32_t ledes[4], n_ledes = 0;
    /* The headline <h1> in scope: prose right under it is the standfirst, named or not. */
    uint32_t h1 = HTML_NONE;
    if (marked)
        for (uint32_t i = pg->infos[scope].b_start; i < out[0]; i++)
            if (pg->blocks[i].kind == HB_HEADING && pg->blocks[i].level == 1) h1 = i;
    for (uint32_t i = pg->infos[scope].b_start; i < out[0] && n_ledes < 4; i++) {
        const html_block *b = &pg->blocks[i];
        if (b->kind != HB_P && b->kind != HB_RUN && b->kind != HB_HEADING) continue;
        if (b->chars < 60 || b->link_chars * 5 > b->chars) continue;
        int named = 0;
        uint32_t a = b->info;
        for (int up = 0; up < LEDE_LEVELS && a != HTML_NONE && a >= scope && !named; up++) {
            const xmlNode *e = pg->infos[a].node;
            named = names_lede(html_attr(e, "class")) || names_lede(html_attr(e, "id"));
            a = pg->infos[a].parent;
        }
        /* A paragraph between the headline and the body is its standfirst without a name
         * too; headings there are kickers and section labels. */
        if (!named && h1 != HTML_NONE && i > h1 && b->kind == HB_P && b->chars >= 80 &&
            b->link_chars * 10 < b->chars)
            named = 1;
        /* Printed twice (mobile, desktop), or again as the first paragraph of the body. */
        for (uint32_t k = 0; k <= n_ledes && named; k++) {
            const html_block *o = &pg->blocks[k < n_ledes ? ledes[k] : out[0]];
            named = !(o->text_len == b->text_len &&
                      memcmp(pg->text.ptr + o->text_off, pg->text.ptr + b->text_off,
                             b->text_len) == 0);
        }
        if (named) ledes[n_ledes++] = i;
    }
    if (n_ledes == 0) return n;
    pg->n_lede = n_ledes;
    memmove(out + n_ledes, out, n * sizeof *out);
    memcpy(out, ledes, n_ledes * sizeof *out);
    return n + n_ledes;
}

/* Do two elements carry the same non-empty class attribute? */
static int same_class(const xmlNode *a, const xmlNode *b)
{
    const char *ca = html_attr(a, "class"), *cb = html_attr(b, "class");
    return ca && cb && *ca && strcmp(ca, cb) == 0;
}

uint32_t html_select(html_page *pg, uint32_t root, const char *title, uint32_t *out)
{
    pg->n_lede = 0;
    if (pg->n_infos == 0) return 0;
    uint32_t r0 = root == HTML_NONE ? 0 : root;
    uint32_t r1 = pg->infos[r0].end_slot;
    uint32_t best = HTML_NONE;
    double best_score = 0;
    for (uint32_t s = r0; s < r1; s++) {
        if (!pg->infos[s].scored) continue;
        double f = final_score(pg, s);
        if (best == HTML_NONE || f > best_score) {
            best = s;
            best_score = f;
        }
    }
    if (best != HTML_NONE) {
        best = promote_best(pg, r0, best);
        best = widen_to_prose(pg, r0, best);
        best_score = any_score(pg, best);
    }
    uint32_t n = 0;
    uint64_t chars = 0;
    end_cut cut = {0, 0, 0, 0, 0};
    if (best != HTML_NONE) {
        uint32_t p = pg->infos[best].parent;
        if (best == r0 || p == HTML_NONE) {
            n = take_blocks(pg, pg->infos[best].b_start, pg->infos[best].b_end, title, 0, &cut, out,
                            0);
        } else {
            /* Siblings as strong as a fifth of the best are the same text cut in parts. */
            double threshold = best_score * 0.2 > 10 ? best_score * 0.2 : 10;
            for (uint32_t s = p + 1; s < pg->infos[p].end_slot; s = pg->infos[s].end_slot) {
                /* Parts made by the same template (same class) get a fifth of the best's
                 * score on top, as in Readability. */
                double bonus = same_class(pg->infos[s].node, pg->infos[best].node)
                                   ? best_score * 0.2
                                   : 0;
                int take =
                    s == best ||
                    (pg->infos[s].scored && final_score(pg, s) + bonus >= threshold &&
                     html_link_density(pg, pg->infos[s].b_start, pg->infos[s].b_end) < 0.3) ||
                    sibling_paragraph(pg, s);
                if (take)
                    n = take_blocks(pg, pg->infos[s].b_start, pg->infos[s].b_end, title, 0, &cut,
                                    out, n);
            }
        }
        /* The body alone must be enough for an article: a standfirst over a few words is a
         * teaser's head, not a text. */
        /* Section titles left at the very end ("Related posts", "Leave a comment") open
         * nothing there: a short text keeps them only because END_MARKER_AFTER was not
         * reached. */
        while (n > 1 && is_end_marker(pg, &pg->blocks[out[n - 1]]))
            n--;
        for (uint32_t i = 0; i < n; i++)
            chars += pg->blocks[out[i]].chars;
        n = add_lede(pg, r0, best, out, n);
    }
    /* Too little for an article: every prose paragraph of the range, wherever it is. */
    if (chars < 150) {
        uint32_t *alt = out + n;
        uint32_t an =
            take_blocks(pg, pg->infos[r0].b_start, pg->infos[r0].b_end, title, 1, NULL, alt, 0);
        uint64_t achars = 0;
        for (uint32_t i = 0; i < an; i++)
            achars += pg->blocks[alt[i]].chars;
        if (achars > chars) {
            memmove(out, alt, an * sizeof *out);
            n = an;
            pg->n_lede = 0;
        }
    }
    return n;
}
