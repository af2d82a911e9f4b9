/*
 * html_meta.c - what a page says about its article besides the text: JSON-LD (schema.org
 * NewsArticle and kin, parsed with jansson), OpenGraph and <meta> tags, the canonical link, the
 * <title>, itemprop microdata, <time datetime> and byline elements. One pass over the DOM
 * collects the candidates; html.c picks among them by priority.
 */
#include "extract/html_internal.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Nodes any one search below an element looks at: bounds the cost of odd pages. */
#define FIND_NODES_MAX 200000

/* Iterates the subtree of root in document order, no stack: the next node after n, or NULL.
 * With skip, n's own children are passed over. */
static const xmlNode *next_node(const xmlNode *root, const xmlNode *n, int skip)
{
    if (!skip && n->children && n->type == XML_ELEMENT_NODE) return n->children;
    while (n && n != root && !n->next)
        n = n->parent;
    return !n || n == root ? NULL : n->next;
}

/* Is n an element whose content nobody sees (script, style, svg, noscript, template)? */
static int invisible(const xmlNode *n)
{
    static const char *const NAMES[] = {"script", "style", "svg", "noscript", "template"};
    if (n->type != XML_ELEMENT_NODE || !n->name) return 0;
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
        if (strcmp((const char *)n->name, NAMES[i]) == 0) return 1;
    return 0;
}

/* Collapsed text of an element into the arena (NULL when empty or out of memory). */
static const char *node_text(arena *a, const xmlNode *n, size_t max)
{
    dbuf b;
    dbuf_init(&b, 1 << 20);
    const char *r = NULL;
    if (html_node_text(n, &b) == DOSSIER_OK && b.len) {
        slice s = slice_trim(slice_make(b.ptr, b.len));
        if (s.len && s.len <= max) r = arena_strndup(a, s.ptr, s.len);
    }
    dbuf_release(&b);
    return r;
}

static const char *dup_trim(arena *a, const char *z)
{
    if (!z) return NULL;
    slice s = slice_trim(slice_make(z, strlen(z)));
    return s.len ? arena_strndup(a, s.ptr, s.len) : NULL;
}

/* ---- JSON-LD ---- */

static int type_is_article(json_t *t)
{
    if (json_is_array(t)) {
        size_t i;
        json_t *v;
        json_array_foreach(t, i, v) if (type_is_article(v)) return 1;
        return 0;
    }
    const char *s = json_string_value(t);
    if (!s) return 0;
    const char *c = strrchr(s, '/'); /* "http://schema.org/NewsArticle" */
    if (c) s = c + 1;
    size_t n = strlen(s);
    return (n >= 7 && strcmp(s + n - 7, "Article") == 0) || strstr(s, "Posting") != NULL ||
           strcmp(s, "Report") == 0;
}

/* The node of the @graph whose @id is id, or NULL. */
static json_t *ld_lookup(json_t *graph, const char *id)
{
    size_t i;
    json_t *v;
    if (!json_is_array(graph) || !id) return NULL;
    json_array_foreach(graph, i, v)
    {
        const char *vid = json_string_value(json_object_get(v, "@id"));
        if (vid && strcmp(vid, id) == 0) return v;
    }
    return NULL;
}

/* A name from a string, an object with "name" (or an @id into the graph), or NULL. */
static const char *ld_name(json_t *v, json_t *graph)
{
    if (json_is_string(v)) return json_string_value(v);
    if (!json_is_object(v)) return NULL;
    const char *name = json_string_value(json_object_get(v, "name"));
    if (name) return name;
    json_t *ref = ld_lookup(graph, json_string_value(json_object_get(v, "@id")));
    return ref && ref != v ? json_string_value(json_object_get(ref, "name")) : NULL;
}

/* The ", "-separated names in b without the parts that are job titles ("Jane Doe, Diplomatic
 * Correspondent" -> "Jane Doe"), in the arena; NULL when nothing is left. */
static const char *drop_job_titles(arena *a, const dbuf *b)
{
    static const char *const ROLES[] = {"correspondent", "editor", "reporter", "writer",
                                        "staff", "contributor", "columnist", "bureau",
                                        "chief", "analyst", "journalist", "producer", NULL};
    dbuf out;
    dbuf_init(&out, 1024);
    for (size_t i = 0; b->ptr && i < b->len;) {
        const char *comma = memchr(b->ptr + i, ',', b->len - i);
        size_t end = comma ? (size_t)(comma - b->ptr) : b->len;
        slice part = slice_trim(slice_make(b->ptr + i, end - i));
        int role = 0;
        for (const char *const *r = ROLES; *r && !role; r++) role = slice_contains_ci(part, *r);
        if (part.len && !role) {
            if (out.len) dbuf_puts(&out, ", ");
            dbuf_append(&out, part.ptr, part.len);
        }
        i = end + 1;
    }
    const char *r = out.len ? arena_strndup(a, out.ptr, out.len) : NULL;
    dbuf_release(&out);
    return r;
}

/* Authors as "A, B, C" (at most 10, no repeats). */
static const char *ld_authors(arena *a, json_t *v, json_t *graph)
{
    dbuf b;
    dbuf_init(&b, 4096);
    json_t *one = v;
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < n && i < 10; i++) {
        if (json_is_array(v)) one = json_array_get(v, i);
        const char *name = ld_name(one, graph);
        if (!name) continue;
        slice s = slice_trim(slice_make(name, strlen(name)));
        if (!s.len || s.len > 100) continue;
        char *dup = arena_strndup(a, s.ptr, s.len);
        if (dup && b.len && strstr(b.ptr, dup)) continue;
        if (b.len) dbuf_puts(&b, ", ");
        dbuf_append(&b, s.ptr, s.len);
    }
    const char *r = drop_job_titles(a, &b);
    dbuf_release(&b);
    return r;
}

static const char *ld_str(arena *a, json_t *v)
{
    return json_is_string(v) ? dup_trim(a, json_string_value(v)) : NULL;
}

/* Elements whose edges end a line when markup is stripped from an articleBody. */
static int is_block_tag(const char *name, size_t n)
{
    static const char *const BLOCKS[] = {"p",  "div", "br", "h1", "h2",         "h3", "h4",
                                         "h5", "h6",  "li", "tr", "blockquote", "ul", "ol",
                                         "table", "section", "figure", "pre", NULL};
    for (const char *const *b = BLOCKS; *b; b++)
        if (strlen(*b) == n && strncasecmp(name, *b, n) == 0) return 1;
    return 0;
}

/*
 * An articleBody as plain text: some CMSes put the body's HTML there, escaped or not ("&lt;p&gt;
 * ..."). References are decoded, tags dropped (block tags end a line, <script>/<style> go with
 * their content), and what is left decoded once more. The input itself when it holds neither
 * '<' nor '&'.
 */
static const char *ld_plain_text(arena *a, const char *body)
{
    if (!body || (!strchr(body, '<') && !strchr(body, '&'))) return body;
    const char *s = html_unescape(a, body);
    if (!strchr(s, '<')) return s;
    size_t n = strlen(s);
    char *out = arena_alloc(a, n + 1);
    if (!out) return s;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '<' && i + 1 < n &&
            (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
            const char *gt = memchr(s + i, '>', n - i);
            if (!gt) break;
            size_t ns = i + 1 + (s[i + 1] == '/');
            size_t ne = ns;
            while (ne < n && isalnum((unsigned char)s[ne]))
                ne++;
            if (is_block_tag(s + ns, ne - ns) && k && out[k - 1] != '\n') out[k++] = '\n';
            size_t next = (size_t)(gt - s) + 1;
            if (s[i + 1] != '/' && ((ne - ns == 6 && strncasecmp(s + ns, "script", 6) == 0) ||
                                    (ne - ns == 5 && strncasecmp(s + ns, "style", 5) == 0))) {
                const char *end = strstr(s + next, ne - ns == 6 ? "</script" : "</style");
                next = end ? (size_t)(end - s) : n;
            }
            i = next;
            continue;
        }
        out[k++] = s[i++];
    }
    out[k] = 0;
    return html_unescape(a, out);
}

/* Reads the fields of one article object. */
static void ld_take(arena *a, json_t *o, json_t *graph, html_meta *m)
{
    m->ld_title = ld_str(a, json_object_get(o, "headline"));
    if (!m->ld_title) m->ld_title = ld_str(a, json_object_get(o, "name"));
    m->ld_published = ld_str(a, json_object_get(o, "datePublished"));
    if (!m->ld_published) m->ld_published = ld_str(a, json_object_get(o, "dateCreated"));
    m->ld_modified = ld_str(a, json_object_get(o, "dateModified"));
    json_t *au = json_object_get(o, "author");
    if (!au) au = json_object_get(o, "creator");
    if (au) m->ld_author = ld_authors(a, au, graph);
    const char *pub = ld_name(json_object_get(o, "publisher"), graph);
    if (pub) m->ld_publisher = dup_trim(a, pub);
    m->ld_body = ld_plain_text(a, ld_str(a, json_object_get(o, "articleBody")));
    json_t *lang = json_object_get(o, "inLanguage");
    if (json_is_object(lang)) {
        json_t *alt = json_object_get(lang, "alternateName");
        lang = alt ? alt : json_object_get(lang, "name");
    }
    m->ld_lang = ld_str(a, lang);
    json_t *url = json_object_get(o, "url");
    if (!json_is_string(url)) {
        url = json_object_get(o, "mainEntityOfPage");
        if (json_is_object(url)) {
            json_t *id = json_object_get(url, "@id");
            url = id ? id : json_object_get(url, "url");
        }
    }
    m->ld_url = ld_str(a, url);
}

/* Finds the first article object in a JSON-LD value (arrays, @graph); depth-bounded. */
static int ld_visit(arena *a, json_t *v, json_t *graph, html_meta *m, int depth)
{
    if (depth > 8) return 0;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) if (ld_visit(a, x, graph, m, depth + 1)) return 1;
        return 0;
    }
    if (!json_is_object(v)) return 0;
    json_t *g = json_object_get(v, "@graph");
    if (g && ld_visit(a, g, json_is_array(g) ? g : graph, m, depth + 1)) return 1;
    if (type_is_article(json_object_get(v, "@type"))) {
        ld_take(a, v, graph, m);
        return 1;
    }
    /* A WebPage (or any other object) may carry the only date of the page. */
    if (!m->ld_any_date) m->ld_any_date = ld_str(a, json_object_get(v, "datePublished"));
    return 0;
}

/* Parses one script's JSON-LD; forgiving of what CMSes emit (raw newlines in strings, HTML
 * comment or CDATA wrappers, trailing junk). Returns 1 when an article object was found. */
static int ld_parse(arena *a, const char *text, size_t n, html_meta *m)
{
    json_error_t err;
    json_t *root = json_loadb(text, n, JSON_DISABLE_EOF_CHECK, &err);
    if (!root) {
        char *copy = arena_strndup(a, text, n);
        if (!copy) return 0;
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)copy[i] < 0x20) copy[i] = ' ';
        char *s = copy + strcspn(copy, "{[");
        if (!*s) return 0;
        root = json_loadb(s, strlen(s), JSON_DISABLE_EOF_CHECK, &err);
        if (!root) return 0;
    }
    int found = ld_visit(a, root, NULL, m, 0);
    json_decref(root);
    return found;
}

/* ---- dates in inline scripts ---- */

/* Bytes of one script scanned for a date: state blobs of single-page apps run to megabytes,
 * and the article's own fields come early. */
#define SCRIPT_SCAN_MAX (512u << 10)

/* The value of the last "date" key in the 600 bytes of t before end, normalised into out. */
static int wp_post_date(const char *t, size_t end, char out[32])
{
    size_t from = end > 600 ? end - 600 : 0;
    for (size_t i = end; i-- > from + 8;) {
        if (memcmp(t + i - 8, "\"date\":\"", 8) != 0) continue;
        size_t j = i;
        while (j < end && j - i < 40 && t[j] != '"')
            j++;
        return j < end && extract_parse_date(t + i, j - i, out);
    }
    return 0;
}

/*
 * The first "key": "date" pair in a script's text whose key speaks of publishing
 * ("datePublished", "publishedAt", "first_publication_date", publishDate: "..."), the date
 * normalised into out[32]: what single-page apps keep in their state before they render it;
 * or the "date" of a WordPress post object whose "status" is "publish".
 * Returns 1 if found. html_rawtext.c keeps only the first 1000 bytes of a long script without
 * "publish" in it: a change to what is read here must be made there too.
 */
static int script_publish_date(const char *t, size_t n, char out[32])
{
    if (n > SCRIPT_SCAN_MAX) n = SCRIPT_SCAN_MAX;
    for (size_t i = 0; i + 7 <= n; i++) {
        if ((t[i] | 0x20) != 'p' || strncasecmp(t + i, "publish", 7) != 0) continue;
        /* The key around the match: letters, digits, '_' back and forth. */
        size_t ks = i, ke = i + 7;
        while (ks > 0 && (isalnum((unsigned char)t[ks - 1]) || t[ks - 1] == '_'))
            ks--;
        while (ke < n && (isalnum((unsigned char)t[ke]) || t[ke] == '_'))
            ke++;
        slice key = slice_make(t + ks, ke - ks);
        i = ke;
        /* A WordPress REST post object: "date":"2024-04-08T06:59:34", … "status":"publish". */
        if (key.len == 7 && ks >= 10 && memcmp(t + ks - 10, "\"status\":\"", 10) == 0 &&
            wp_post_date(t, ks - 10, out))
            return 1;
        if (slice_contains_ci(key, "publisher") || slice_contains_ci(key, "unpublish") ||
            key.len > 40)
            continue;
        /* Then an optional closing quote (escaped too), ':' and an opening quote. */
        size_t j = ke;
        while (j < n && (t[j] == '"' || t[j] == '\\' || t[j] == '\''))
            j++;
        while (j < n && t[j] == ' ')
            j++;
        if (j >= n || t[j] != ':') continue;
        j++;
        while (j < n && t[j] == ' ')
            j++;
        size_t q = j;
        while (j < n && (t[j] == '"' || t[j] == '\\' || t[j] == '\''))
            j++;
        if (j == q) continue; /* a number or an object: not a printed date */
        size_t vs = j;
        while (j < n && j - vs < 64 && t[j] != '"' && t[j] != '\'' && t[j] != '\\')
            j++;
        if (j > vs && extract_parse_date(t + vs, j - vs, out)) return 1;
    }
    return 0;
}

/* ---- meta tags ---- */

static int name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0) return 1;
    return 0;
}

static const char *const META_AUTHOR[] = {
    "author",          "dc.creator",           "byl", "parsely-author", "sailthru.author",
    "dcterms.creator", "twitter:creator:name", NULL};
static const char *const META_DATE[] = {"date",
                                        "pubdate",
                                        "publishdate",
                                        "publish-date",
                                        "publish_date",
                                        "dc.date",
                                        "dc.date.issued",
                                        "dc.date.created",
                                        "dcterms.date",
                                        "dcterms.created",
                                        "dcterms.issued",
                                        "citation_publication_date",
                                        "citation_date",
                                        "parsely-pub-date",
                                        "sailthru.date",
                                        "article.published",
                                        "article_date_original",
                                        "original-publish-date",
                                        "datepublished",
                                        "og:published_time",
                                        "og:pubdate",
                                        "release_date",
                                        "live_date",
                                        NULL};

/* Does a meta name not in META_DATE still name the publication date? It speaks of publishing
 * ("w-published-date", "publication_date", "cms:publishtime") or its last word is "date"
 * ("search:date"), and it does not speak of a later or other date (updated, modified,
 * expires, event, start). */
static int loose_date_name(const char *key)
{
    static const char *const OTHER[] = {"modif", "updat", "expir", "event", "start", "end",
                                        "birth", "valid", "review", "publisher", NULL};
    slice k = slice_make(key, strlen(key));
    for (const char *const *o = OTHER; *o; o++)
        if (slice_contains_ci(k, *o)) return 0;
    if (slice_contains_ci(k, "publish") || slice_contains_ci(k, "pubdate")) return 1;
    size_t n = k.len;
    return n > 4 && strcasecmp(key + n - 4, "date") == 0 &&
           (key[n - 5] == ':' || key[n - 5] == '.' || key[n - 5] == '_' || key[n - 5] == '-');
}

/* A site's own meta name for the writer: a last word "author" after '_', '-', ':' or '.'
 * ("nar_author", "x-author"), not a twitter handle's. */
static int ends_author(const char *key)
{
    size_t n = strlen(key);
    return n > 7 && strcasecmp(key + n - 6, "author") == 0 && strchr("_-:.", key[n - 7]) &&
           strncasecmp(key, "twitter", 7) != 0;
}

static void set_once(const char **field, arena *a, const char *v)
{
    if (!*field && v) *field = dup_trim(a, v);
}

static void take_meta(arena *a, const xmlNode *n, html_meta *m)
{
    const char *content = html_attr(n, "content");
    if (!content) return;
    const char *key = html_attr(n, "property");
    if (!key) key = html_attr(n, "name");
    const char *ip = html_attr(n, "itemprop");
    const char *eq = html_attr(n, "http-equiv");
    if (eq && strcasecmp(eq, "content-language") == 0) set_once(&m->meta_lang, a, content);
    if (ip) {
        if (strcasecmp(ip, "datePublished") == 0)
            set_once(&m->ip_published, a, content);
        else if (strcasecmp(ip, "dateModified") == 0)
            set_once(&m->ip_modified, a, content);
        else if (strcasecmp(ip, "headline") == 0)
            set_once(&m->ip_headline, a, content);
        else if (strcasecmp(ip, "author") == 0)
            set_once(&m->ip_author, a, content);
    }
    if (!key) return;
    if (strcasecmp(key, "og:title") == 0)
        set_once(&m->og_title, a, content);
    else if (strcasecmp(key, "twitter:title") == 0)
        set_once(&m->og_title, a, content);
    else if (strcasecmp(key, "og:site_name") == 0)
        set_once(&m->og_site, a, content);
    else if (strcasecmp(key, "og:url") == 0)
        set_once(&m->og_url, a, content);
    else if (strcasecmp(key, "og:locale") == 0)
        set_once(&m->og_locale, a, content);
    else if (strcasecmp(key, "article:published_time") == 0 ||
             strcasecmp(key, "og:article:published_time") == 0)
        set_once(&m->og_published, a, content);
    else if (strcasecmp(key, "article:modified_time") == 0 ||
             strcasecmp(key, "og:updated_time") == 0 ||
             strcasecmp(key, "article:modified") == 0)
        set_once(&m->og_modified, a, content);
    else if (strcasecmp(key, "article:author") == 0) {
        /* Often a profile URL, which is no name. */
        if (strncasecmp(content, "http", 4) != 0) set_once(&m->og_author, a, content);
    } else if (name_in(key, META_AUTHOR) || ends_author(key)) {
        if (strncasecmp(content, "http", 4) != 0 && content[0] != '@')
            set_once(&m->meta_author, a, content);
    } else if (name_in(key, META_DATE))
        set_once(&m->meta_date, a, content);
    else if (loose_date_name(key))
        set_once(&m->meta_date_loose, a, content);
    else if (strcasecmp(key, "language") == 0 || strcasecmp(key, "dc.language") == 0)
        set_once(&m->meta_lang, a, content);
    else if (strcasecmp(key, "application-name") == 0)
        set_once(&m->app_name, a, content);
}

/* Is n inside a reader's comment (an ancestor whose class or id names comments, by the
 * content scorer's rules)? Comments carry itemprop="datePublished" of their own. */
static int in_comment(const xmlNode *n)
{
    for (int up = 0; n && n->type == XML_ELEMENT_NODE && up < 16; n = n->parent, up++)
        if (html_names_comments(n)) return 1;
    return 0;
}

dossier_status html_meta_collect(html_page *pg, html_meta *m)
{
    memset(m, 0, sizeof *m);
    xmlNode *root = xmlDocGetRootElement(pg->doc);
    if (!root) return DOSSIER_OK;
    m->html_lang = dup_trim(pg->a, html_attr(root, "lang"));
    if (!m->html_lang) m->html_lang = dup_trim(pg->a, html_attr(root, "xml:lang"));
    int found_ld = 0;
    size_t seen = 0;
    for (const xmlNode *n = root; n && seen < 4 * FIND_NODES_MAX; seen++) {
        int skip = 0;
        if (n->type != XML_ELEMENT_NODE || !n->name) {
            n = next_node(root, n, 1);
            continue;
        }
        const char *name = (const char *)n->name;
        if (strcmp(name, "meta") == 0) {
            take_meta(pg->a, n, m);
        } else if (strcmp(name, "link") == 0) {
            const char *rel = html_attr(n, "rel");
            if (rel && html_has_word(rel, "canonical", 0))
                set_once(&m->canonical, pg->a, html_attr(n, "href"));
        } else if (strcmp(name, "title") == 0) {
            if (!m->title_tag) m->title_tag = node_text(pg->a, n, 2000);
            skip = 1;
        } else if (strcmp(name, "script") == 0) {
            const char *type = html_attr(n, "type");
            int is_ld = type && strcasecmp(type, "application/ld+json") == 0;
            if (!found_ld && is_ld && n->children && n->children->content) {
                const char *t = (const char *)n->children->content;
                if (ld_parse(pg->a, t, strlen(t), m)) {
                    found_ld = 1;
                    m->ld_script = (xmlNode *)n;
                }
            } else if (!is_ld && !m->script_date && n->children && n->children->content) {
                char d[32];
                const char *t = (const char *)n->children->content;
                if (script_publish_date(t, strlen(t), d)) m->script_date = dup_trim(pg->a, d);
            }
            skip = 1;
        } else if (strcmp(name, "style") == 0 || strcmp(name, "svg") == 0) {
            skip = 1;
        } else if (strcmp(name, "h1") == 0) {
            if (!m->h1) m->h1 = node_text(pg->a, n, 1000);
            m->n_h1++;
        }
        const char *ip = html_attr(n, "itemprop");
        if (ip && strcmp(name, "meta") != 0) {
            if (html_has_word(ip, "headline", 0) && !m->ip_headline)
                m->ip_headline = node_text(pg->a, n, 1000);
            else if (html_has_word(ip, "datePublished", 0) && !m->ip_published &&
                     !in_comment(n)) {
                const char *d = html_attr(n, "datetime");
                if (!d) d = html_attr(n, "content");
                m->ip_published = d ? dup_trim(pg->a, d) : node_text(pg->a, n, 100);
            } else if (html_has_word(ip, "dateModified", 0) && !m->ip_modified) {
                const char *d = html_attr(n, "datetime");
                if (!d) d = html_attr(n, "content");
                m->ip_modified = d ? dup_trim(pg->a, d) : node_text(pg->a, n, 100);
            }
        }
        n = next_node(root, n, skip);
    }
    return DOSSIER_OK;
}

/* ---- searches below an element ---- */

int html_find_date(const xmlNode *node, char out[32])
{
    size_t seen = 0;
    for (const xmlNode *n = node; n && seen < FIND_NODES_MAX; seen++) {
        if (n->type == XML_ELEMENT_NODE && n->name) {
            const char *d = NULL;
            const char *ip = html_attr(n, "itemprop");
            if (ip && html_has_word(ip, "datePublished", 0)) {
                d = html_attr(n, "datetime");
                if (!d) d = html_attr(n, "content");
                if (!d) d = html_attr(n, "title"); /* <abbr title="2018-06-05T08:00"> */
            } else if (strcmp((const char *)n->name, "time") == 0) {
                d = html_attr(n, "datetime");
            }
            if (d && extract_parse_date(d, strlen(d), out) && !in_comment(n)) return 1;
        }
        n = next_node(node, n, 0);
    }
    return 0;
}

/* Does a class or id name a date: a word (split at '-', '_', spaces) that is date, time,
 * timestamp, published, posted, pubdate or dateline, or starts with "date"? */
static int names_date(const char *v)
{
    static const char *const WORDS[] = {"date",      "time",   "timestamp", "published",
                                        "posted",    "pubdate", "dateline", "publish",
                                        "datetime",  "meta",    NULL};
    if (!v) return 0;
    for (const char *p = v; *p;) {
        while (*p == ' ' || *p == '-' || *p == '_')
            p++;
        const char *s = p;
        while (*p && *p != ' ' && *p != '-' && *p != '_')
            p++;
        size_t n = (size_t)(p - s);
        for (const char *const *w = WORDS; *w; w++)
            if (strlen(*w) == n && strncasecmp(s, *w, n) == 0) return 1;
        if (n > 4 && strncasecmp(s, "date", 4) == 0) return 1;
    }
    return 0;
}

static int date_in_piece(const char *s, size_t n, char out[32], int mdy);

int html_find_text_date(const xmlNode *node, char out[32], int mdy)
{
    size_t seen = 0;
    dbuf b;
    dbuf_init(&b, 4096);
    int found = 0;
    for (const xmlNode *n = node; n && !found && seen < FIND_NODES_MAX; seen++) {
        int skip = 0;
        if (n->type == XML_ELEMENT_NODE && n->name) {
            const char *name = (const char *)n->name;
            if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0 ||
                strcmp(name, "svg") == 0) {
                skip = 1;
            } else if (strcmp(name, "time") == 0 || names_date(html_attr(n, "class")) ||
                       names_date(html_attr(n, "id"))) {
                /* <abbr class="published" title="2017-07-23T17:06:45+0000">23 July</abbr> */
                const char *t = html_attr(n, "title");
                if (t && extract_parse_date(t, strlen(t), out)) {
                    found = 1;
                    break;
                }
                b.len = 0;
                if (html_node_text(n, &b) == DOSSIER_OK && b.len && b.len <= 80 &&
                    date_in_piece(b.ptr, b.len, out, mdy))
                    found = 1;
            }
        }
        n = next_node(node, n, skip);
    }
    dbuf_release(&b);
    return found;
}

/* Offset of the first z in s[0..n) (ASCII case-insensitive), or n. */
static size_t find_ci(const char *s, size_t n, const char *z)
{
    size_t zn = strlen(z);
    for (size_t i = 0; i + zn <= n; i++)
        if (strncasecmp(s + i, z, zn) == 0) return i;
    return n;
}

/* Is s one date, or one with a byline after it ("Posted on May 4, 2021 by Jane Doe") or a
 * label before its preposition ("Press release of 25 May 2022", "Pressemitteilung vom …")? */
static int date_in_piece(const char *s, size_t n, char out[32], int mdy)
{
    if (extract_parse_date_order(s, n, out, mdy)) return 1;
    static const char *const BY[] = {" by ", " von ", " par ", " por ", " door ", " // "};
    for (size_t q = 0; q < sizeof BY / sizeof BY[0]; q++) {
        size_t at = find_ci(s, n, BY[q]);
        if (at < n && extract_parse_date_order(s, at, out, mdy)) return 1;
    }
    /* "December 3, 2025. Updated: December 7, 2025": the date before the update's label */
    static const char *const UPD[] = {" updated", " update", " last updated", " modified"};
    for (size_t q = 0; q < sizeof UPD / sizeof UPD[0]; q++) {
        size_t at = find_ci(s, n, UPD[q]);
        while (at < n && at > 0 && strchr(".,;|-(", s[at - 1]))
            at--;
        if (at < n && at >= 6 && extract_parse_date_order(s, at, out, mdy)) return 1;
    }
    static const char *const OF[] = {" vom ", " am ", " of ", " on ", " du ", " del "};
    for (size_t q = 0; q < sizeof OF / sizeof OF[0]; q++) {
        size_t at = find_ci(s, n, OF[q]) + strlen(OF[q]);
        if (at < 40 && at < n && extract_parse_date_order(s + at, n - at, out, mdy)) return 1;
    }
    return 0;
}

static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') return 1;
    return 0;
}

/* Is text (trimmed) one date, or a date before the first or after the last separator of a
 * short line ("Jane Doe - Mar 27, 2024", "04.02.2022 | 13:10 | Jane Doe")? No-break spaces count
 * as spaces. */
static int loose_date(const char *t, size_t n, char out[32], int mdy)
{
    static const char *const SEPS[] = {" - ", " | ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x80\x93 ",
                                       " \xE2\x80\x94 ", " / ", ", "};
    slice s0 = slice_trim(slice_make(t, n));
    if (s0.len < 6 || s0.len > 80) return 0;
    /* Every date extract_parse_date reads has a year in ASCII digits; most of a page's short
     * texts (menus, buttons) have none and go here, before the pieces are tried. */
    if (!has_digit(s0.ptr, s0.len)) return 0;
    char buf[96];
    size_t k = 0;
    for (size_t i = 0; i < s0.len; i++) {
        if ((unsigned char)s0.ptr[i] == 0xC2 && i + 1 < s0.len &&
            (unsigned char)s0.ptr[i + 1] == 0xA0) {
            buf[k++] = ' ';
            i++;
        } else if (s0.ptr[i] == '\n' || s0.ptr[i] == '\t' || s0.ptr[i] == '\r') {
            if (!k || buf[k - 1] != ' ') buf[k++] = ' '; /* a line break in the markup */
        } else {
            buf[k++] = s0.ptr[i];
        }
    }
    slice s = slice_trim(slice_make(buf, k));
    /* a separator left dangling by markup ("December 11, 2023 -" before a byline element) */
    while (s.len > 2 && s.ptr[s.len - 2] == ' ' && memchr("-|/", s.ptr[s.len - 1], 3))
        s = slice_trim(slice_make(s.ptr, s.len - 2));
    if (date_in_piece(s.ptr, s.len, out, mdy)) return 1;
    for (size_t q = 0; q < sizeof SEPS / sizeof SEPS[0]; q++) {
        size_t sn = strlen(SEPS[q]);
        for (size_t i = s.len >= sn ? s.len - sn : 0; i > 0; i--)
            if (memcmp(s.ptr + i, SEPS[q], sn) == 0) {
                if (date_in_piece(s.ptr + i + sn, s.len - i - sn, out, mdy)) return 1;
                break;
            }
        for (size_t i = 1; i + sn <= s.len; i++)
            if (memcmp(s.ptr + i, SEPS[q], sn) == 0) {
                if (date_in_piece(s.ptr, i, out, mdy)) return 1;
                break;
            }
    }
    return 0;
}

int html_find_loose_date(const xmlNode *scope, const xmlNode *stop, char out[32], int mdy)
{
    size_t seen = 0;
    for (const xmlNode *n = scope; n && n != stop && seen < FIND_NODES_MAX; seen++) {
        if (n->type == XML_TEXT_NODE && n->content) {
            const char *t = (const char *)n->content;
            if (loose_date(t, strlen(t), out, mdy)) return 1;
        }
        n = next_node(scope, n, invisible(n));
    }
    return 0;
}

/* The node before n in document order: the last descendant of the previous sibling (not
 * entering scripts, styles and other invisible subtrees), else the parent. */
static const xmlNode *prev_node(const xmlNode *n)
{
    if (!n->prev) return n->parent;
    n = n->prev;
    while (n->type == XML_ELEMENT_NODE && n->last && n->name && !invisible(n))
        n = n->last;
    return n;
}

/* Does a short text label a date as the latest change ("Updated", "Last modified on:")? */
static int names_update(const char *s, size_t n)
{
    static const char *const words[] = {"updated", "update", "modified", "edited", "last edit",
                                        "aktualisiert", "mis à jour", "actualizado",
                                        "aggiornato", "обновлено", "оновлено", NULL};
    if (n > 80) return 0;
    for (const char *const *w = words; *w; w++)
        if (find_ci(s, n, *w) < n) return 1;
    return 0;
}

int html_find_date_above(const xmlNode *first, char out[32], int mdy)
{
    /* Forty pieces of text reach from a first paragraph past a byline block, a share bar and
     * a standfirst to the headline; four more past it take a date printed above the headline
     * ("04. November 2021 | Paid content" over the <h1>), and no further: higher up are menus
     * and teasers with dates of their own. The node cap bounds pages of empty elements. */
    enum { TEXTS_MAX = 40, PAST_H1 = 4, NODES_MAX = 4000, BLOCK = 2 };
    int texts = 0, past = -1, nodes = 0, found = 0, pend_at = 0, have_pub = 0;
    char pend[32], any[32];
    /* From the end of first itself: a short dateline paragraph may be the text's first. Not
     * from the end of a long one: a container's end may hold cards of other stories. */
    const xmlNode *start = first;
    size_t chars = 0;
    for (const xmlNode *n = first; n && chars <= 300; n = next_node(first, n, 0))
        if (n->type == XML_TEXT_NODE && n->content) chars += strlen((const char *)n->content);
    if (chars <= 300)
        while (start && start->type == XML_ELEMENT_NODE && start->last)
            start = start->last;
    for (const xmlNode *n = start; n && texts < TEXTS_MAX && nodes < NODES_MAX;
         n = prev_node(n), nodes++) {
        if (n->type == XML_ELEMENT_NODE && n->name) {
            const char *name = (const char *)n->name;
            if (strcmp(name, "body") == 0) break;
            if (strcmp(name, "h1") == 0 && past < 0) past = 0;
            continue;
        }
        if (n->type != XML_TEXT_NODE || !n->content) continue;
        const char *t = (const char *)n->content;
        slice s = slice_trim(slice_make(t, strlen(t)));
        if (!s.len) continue;
        texts++;
        if (past >= 0 && past++ >= PAST_H1) break;
        /* the text just before a candidate (read next, going up) may label it an update */
        int upd = -1; /* not read yet */
        if (pend_at && texts == pend_at + 1) {
            upd = names_update(s.ptr, s.len);
            if (!upd) {
                memcpy(out, pend, sizeof pend);
                have_pub = 1;
            }
            pend_at = 0;
        }
        if (found && texts > found + BLOCK) break;
        char d[32];
        if (loose_date(s.ptr, s.len, d, mdy)) {
            /* a byline block prints the publication date before the update's ("Nov 21, 2018
             * … Dec 10, 2025"): the earliest date of the block, read upwards, wins, unless
             * labelled an update ("Last updated on: …") */
            if (!found) {
                memcpy(any, d, sizeof d);
                found = texts;
            }
            if (upd < 0) upd = names_update(s.ptr, s.len);
            if (!upd) {
                memcpy(pend, d, sizeof d);
                pend_at = texts;
            }
        }
    }
    if (pend_at) {
        memcpy(out, pend, sizeof pend);
        have_pub = 1;
    }
    if (!have_pub && found) memcpy(out, any, sizeof any);
    return found != 0;
}

/* Does a short text label a byline or a publication ("Written by", "Interview by",
 * "(Re)Published:", "Posted on")? */
static int names_byline(const char *s, size_t n)
{
    static const char *const words[] = {"by ",   "published", "posted",       "written",
                                        "von ",  "par ",      "veröffentlicht", "publié",
                                        "publicado", NULL};
    if (n > 120) return 0;
    if (n >= 2 && strncasecmp(s + n - 2, "by", 2) == 0 && (n == 2 || s[n - 3] == ' ')) return 1;
    for (const char *const *w = words; *w; w++) {
        size_t at = find_ci(s, n, *w);
        if (at < n && (at == 0 || !isalpha((unsigned char)s[at - 1]))) return 1;
    }
    return 0;
}

int html_find_date_below(const xmlNode *last, char out[32], int mdy)
{
    /* A dozen texts reach past a tag list and a "Written by" line; a heading ends the
     * search: below it come related stories with dates of their own. */
    enum { TEXTS_MAX = 12, NODES_MAX = 2000 };
    int texts = 0, nodes = 0, label_at = -10;
    /* from the node after last's subtree, in document order to the end of the page */
    for (const xmlNode *n = next_node(NULL, last, 1); n && texts < TEXTS_MAX && nodes < NODES_MAX;
         n = next_node(NULL, n, invisible(n)), nodes++) {
        if (n->type == XML_ELEMENT_NODE && n->name) {
            const char *name = (const char *)n->name;
            if ((name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) ||
                strcmp(name, "footer") == 0 || strcmp(name, "aside") == 0 ||
                strcmp(name, "form") == 0 || (strcmp(name, "ul") == 0 && texts > 0))
                break;
        } else if (n->type == XML_TEXT_NODE && n->content) {
            const char *t = (const char *)n->content;
            slice sl = slice_trim(slice_make(t, strlen(t)));
            if (!sl.len) continue;
            texts++;
            if (sl.len > 200) break; /* prose: another text */
            char d[32];
            int label = names_byline(sl.ptr, sl.len);
            if (loose_date(sl.ptr, sl.len, d, mdy) && !names_update(sl.ptr, sl.len) &&
                (texts - label_at <= 2 || label)) {
                memcpy(out, d, sizeof d);
                return 1;
            }
            if (label) label_at = texts;
        }
    }
    return 0;
}

const char *html_unescape(arena *a, const char *s)
{
    if (!s || !strchr(s, '&')) return s;
    size_t n = strlen(s);
    char *out = arena_alloc(a, n + 1);
    if (!out) return s;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '&') {
            const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
            uint32_t cp = 0;
            if (semi && semi > s + i + 1) {
                size_t len = (size_t)(semi - s - i - 1);
                char name[12];
                memcpy(name, s + i + 1, len);
                name[len] = 0;
                if (name[0] == '#') {
                    char *end = NULL;
                    unsigned long v = (name[1] == 'x' || name[1] == 'X')
                                          ? strtoul(name + 2, &end, 16)
                                          : strtoul(name + 1, &end, 10);
                    if (end && *end == 0 && v >= 0x20 && v < 0x110000 &&
                        !(v >= 0xD800 && v < 0xE000))
                        cp = (uint32_t)v;
                } else {
                    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
                    if (e) cp = e->value;
                }
            }
            if (cp) {
                if (cp == 0xA0) cp = ' ';
                k += utf8_encode(cp, out + k); /* never longer than the reference */
                i = (size_t)(semi - s) + 1;
                continue;
            }
        }
        out[k++] = s[i++];
    }
    out[k] = 0;
    return out;
}

const char *html_find_heading(html_page *pg, const xmlNode *node)
{
    size_t seen = 0;
    for (const xmlNode *n = node; n && seen < FIND_NODES_MAX; seen++) {
        if (n->type == XML_ELEMENT_NODE && n->name &&
            (strcmp((const char *)n->name, "h1") == 0 ||
             strcmp((const char *)n->name, "h2") == 0)) {
            const char *t = node_text(pg->a, n, 1000);
            if (t) return t;
        }
        n = next_node(node, n, 0);
    }
    return NULL;
}

/* Is the element a byline: class/id byline or author (not an author bio), rel=author,
 * itemprop=author? */
static int is_byline(const xmlNode *n)
{
    const char *ip = html_attr(n, "itemprop");
    if (ip && html_has_word(ip, "author", 0)) return 1;
    const char *rel = html_attr(n, "rel");
    if (rel && html_has_word(rel, "author", 0)) return 1;
    if (n->name && strcmp((const char *)n->name, "address") == 0) return 1;
    /* A link to the writer's page: /author/jane-doe, /autoren/..., /by/... */
    if (n->name && strcmp((const char *)n->name, "a") == 0) {
        const char *href = html_attr(n, "href");
        static const char *const PATHS[] = {"/author/", "/authors/", "/autor/", "/autoren/",
                                            "/auteur/", "/journalist/", "/by/", NULL};
        for (const char *const *p = PATHS; href && *p; p++)
            if (strstr(href, *p)) return 1;
    }
    const char *names[2] = {html_attr(n, "class"), html_attr(n, "id")};
    for (int i = 0; i < 2; i++) {
        const char *v = names[i];
        if (!v) continue;
        /* short class names some templates use: class="by", class="writer" */
        if (html_has_word(v, "by", 0) || html_has_word(v, "writer", 0)) return 1;
        if (strstr(v, "bio") || strstr(v, "box") || strstr(v, "avatar") || strstr(v, "image"))
            continue;
        slice sv = slice_make(v, strlen(v));
        if (slice_contains_ci(sv, "byline") || slice_contains_ci(sv, "author")) return 1;
    }
    return 0;
}

/* Is a text node only a byline's label ("By", "By:", "Written by")? */
static int is_by_label(const xmlNode *n)
{
    slice t = slice_trim(slice_make((const char *)n->content, strlen((const char *)n->content)));
    while (t.len && (t.ptr[t.len - 1] == ':' || (t.len > 1 && (unsigned char)t.ptr[t.len - 2] ==
                                                                  0xC2 &&
                                                 (unsigned char)t.ptr[t.len - 1] == 0xA0)))
        t = slice_trim(slice_make(t.ptr, t.len - (t.ptr[t.len - 1] == ':' ? 1 : 2)));
    static const char *const LABELS[] = {"by", "written by", "posted by", "von", "par", "por"};
    for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
        if (t.len == strlen(LABELS[i]) && strncasecmp(t.ptr, LABELS[i], t.len) == 0) return 1;
    return 0;
}

const char *html_find_byline(html_page *pg, const xmlNode *node)
{
    size_t seen = 0;
    for (const xmlNode *n = node; n && seen < FIND_NODES_MAX; seen++) {
        int skip = 0;
        if (n->type == XML_ELEMENT_NODE && n->name) {
            const char *name = (const char *)n->name;
            if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0 ||
                strcmp(name, "meta") == 0 || strcmp(name, "link") == 0) {
                skip = 1;
            } else if (is_byline(n)) {
                const char *t = node_text(pg->a, n, 300);
                const char *c = t ? html_clean_byline(pg->a, t, strlen(t)) : NULL;
                if (c) return c;
                skip = 1;
            }
        } else if (n->type == XML_TEXT_NODE && n->content && is_by_label(n)) {
            /* "By <a>Jane Doe</a>": the label alone, the name in the element after it */
            const xmlNode *e = n->next;
            while (e && e->type != XML_ELEMENT_NODE)
                e = e->next;
            const char *t = e ? node_text(pg->a, e, 120) : NULL;
            const char *c = t ? html_clean_byline(pg->a, t, strlen(t)) : NULL;
            if (c) return c;
        }
        n = next_node(node, n, skip);
    }
    return NULL;
}

/* Words that end the name part of a byline ("Jane Doe Updated 3 hours ago"). */
static const char *const BYLINE_STOPS[] = {
    "|",         "•",          "·", "—", " - ", "\n", "Last updated", "Updated", "Published",
    "Posted",    "Aktualisiert", "Publié", "Mis à jour", "Reviewed by", NULL};
/* Leading words of a byline before the names. */
static const char *const BYLINE_LEADS[] = {
    "written by:", "written by ", "posted by:", "posted by ", "by:",     "by ",      "von ",
    "par ",        "por ",        "door ",      "av ",        "di ",     "autor:",   "autorin:",
    "authors:",    "author:",     "author ",    "Автор:",     NULL};
/* Joiners between names, rewritten as ", ". */
static const char *const BYLINE_JOINS[] = {" and ", " & ", " und ", " et ", " y ",
                                           " e ",   " i ", " и ",   NULL};

const char *html_clean_byline(arena *a, const char *s, size_t n)
{
    slice t = slice_trim(slice_make(s, n));
    for (const char *const *lead = BYLINE_LEADS; *lead; lead++)
        if (slice_starts_with_ci(t, *lead)) {
            t.ptr += strlen(*lead);
            t.len -= strlen(*lead);
            /* and the spaces after a label's colon, no-break ones too */
            while (t.len && (*t.ptr == ' ' || (t.len > 1 && (unsigned char)t.ptr[0] == 0xC2 &&
                                               (unsigned char)t.ptr[1] == 0xA0))) {
                size_t k = *t.ptr == ' ' ? 1 : 2;
                t.ptr += k;
                t.len -= k;
            }
            break;
        }
    size_t cut = t.len;
    for (const char *const *stop = BYLINE_STOPS; *stop; stop++) {
        size_t sn = strlen(*stop);
        for (size_t i = 0; i + sn <= cut; i++)
            if (strncasecmp(t.ptr + i, *stop, sn) == 0) {
                cut = i;
                break;
            }
    }
    t = slice_trim(slice_make(t.ptr, cut));
    while (t.len && (t.ptr[t.len - 1] == ',' || t.ptr[t.len - 1] == ':'))
        t.len--;
    t = slice_trim(t);
    if (!t.len || t.len > 120) return NULL;
    /* A lead word left alone ("By" before a linked name that was cut) is no name. */
    for (const char *const *lead = BYLINE_LEADS; *lead; lead++) {
        slice l = slice_trim(slice_make(*lead, strlen(*lead)));
        if (l.len && l.ptr[l.len - 1] == ':') l.len--;
        if (t.len == l.len && strncasecmp(t.ptr, l.ptr, l.len) == 0) return NULL;
    }
    int digits = 0, words = 1;
    for (size_t i = 0; i < t.len; i++) {
        if (t.ptr[i] >= '0' && t.ptr[i] <= '9') digits++;
        if (t.ptr[i] == ' ') words++;
        if (t.ptr[i] == '@' || t.ptr[i] == '/') return NULL;
    }
    /* Dates, times and sentences (a bio, a teaser) are not names. */
    if (digits > 0 || words > 14) return NULL;
    if (t.len > 2 && memchr(t.ptr, '.', t.len - 1) && words > 5) return NULL;
    dbuf b;
    dbuf_init(&b, 1024);
    for (size_t i = 0; i < t.len;) {
        int joined = 0;
        for (const char *const *j = BYLINE_JOINS; *j; j++) {
            size_t jn = strlen(*j);
            if (i + jn <= t.len && strncasecmp(t.ptr + i, *j, jn) == 0) {
                if (b.len && b.ptr[b.len - 1] != ',') dbuf_putc(&b, ',');
                dbuf_putc(&b, ' ');
                i += jn;
                joined = 1;
                break;
            }
        }
        if (!joined) dbuf_putc(&b, t.ptr[i++]);
    }
    const char *r = drop_job_titles(a, &b);
    dbuf_release(&b);
    return r;
}
