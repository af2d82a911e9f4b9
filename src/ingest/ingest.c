/*
 * ingest.c - from a path, standard input or memory to documents: walks folders in byte order
 * (dot-files skipped), sniffs each input's format (WARC, JSONL, or a single HTML/text document,
 * gzipped or not), enforces the per-document size cap without slurping, rejects binary junk and
 * empty documents, and hands the rest to the caller as UTF-8.
 */
#include "ingest/ingest_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Folder nesting past this is taken for a symlink loop. */
#define MAX_FOLDER_DEPTH 64

/* ---- reporting and delivery ---- */

void ingest_report(ingest_ctx *c, const char *input, dossier_status status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->last = status;
    if (c->opts.on_err) c->opts.on_err(c->opts.user, input, status, msg);
}

void ingest_report_reader(ingest_ctx *c, const char *input, const ingest_reader *r)
{
    ingest_report(c, input, r->err, "%s", r->why);
}

int ingest_looks_binary(const char *data, size_t len, const char *declared)
{
    const unsigned char *u = (const unsigned char *)data;
    /* UTF-16 text is full of NUL bytes; its BOM or a declaration vouches for it. */
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) return 0;
    if (declared && strncasecmp(declared, "utf-16", 6) == 0) return 0;
    size_t n = len < 4096 ? len : 4096, ctl = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i] == 0) return 1; /* no text format puts NUL in its first 4 KiB */
        /* Controls other than tab, LF, VT, FF, CR and ESC (ISO-2022 uses ESC). */
        if ((u[i] < 0x20 && !(u[i] >= 9 && u[i] <= 13) && u[i] != 0x1B) || u[i] == 0x7F) ctl++;
    }
    /* Text has next to no controls; compressed or machine data has one byte in ~10 there. */
    return n > 0 && ctl * 20 > n;
}

int ingest_deliver(ingest_ctx *c, const ingest_meta *m, const char *data, size_t len)
{
    if (ingest_looks_binary(data, len, m->declared)) {
        ingest_report(c, m->origin, DOSSIER_ERR_BINARY, "binary data, not text or HTML");
        return 0;
    }
    int html_hint = m->kind == INGEST_HTML || (m->kind < 0 && ingest_sniff_kind(data, len));
    dbuf_reset(&c->text);
    const char *charset = "utf-8";
    dossier_status rc = ingest_to_utf8(data, len, m->declared, html_hint, &c->text, &charset);
    if (rc) {
        ingest_report(c, m->origin, rc, "%s converting %zu bytes to UTF-8",
                      rc == DOSSIER_ERR_NOMEM ? "out of memory" : "text too large", len);
        return 0;
    }
    const char *text = c->text.ptr ? c->text.ptr : "";
    slice body = slice_trim(slice_make(text, c->text.len));
    if (body.len == 0) {
        ingest_report(c, m->origin, DOSSIER_ERR_EMPTY, "empty document");
        return 0;
    }
    /* A file name need not be UTF-8, but everything a document carries is. */
    dbuf name;
    dbuf_init(&name, 0);
    const char *origin = m->origin;
    size_t olen = strlen(origin);
    if (utf8_validate(origin, olen) != olen) {
        if (utf8_append_sanitized(&name, origin, olen) == DOSSIER_OK && name.ptr) origin = name.ptr;
    }
    ingest_doc doc;
    doc.origin = origin;
    doc.url = m->url;
    doc.site = m->site;
    doc.published = m->published;
    doc.title = m->title;
    doc.kind = m->kind >= 0 ? (ingest_kind)m->kind : ingest_sniff_kind(text, c->text.len);
    doc.charset = charset;
    doc.data = text;
    doc.len = c->text.len;
    int stop = c->opts.on_doc(c->opts.user, &doc) != 0;
    dbuf_release(&name);
    if (stop) c->stopped = 1;
    return stop;
}

/* ---- HTML vs text ---- */

static int is_space(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Does s[0..n) start with tag name z (case-insensitive) followed by a name end? */
static int tag_at(const char *s, size_t n, const char *z)
{
    size_t k = strlen(z);
    if (n < k || strncasecmp(s, z, k) != 0) return 0;
    if (n == k) return 1;
    unsigned char ch = (unsigned char)s[k];
    return is_space(ch) || ch == '>' || ch == '/';
}

static int find_ci(const char *s, size_t n, const char *z)
{
    return slice_contains_ci(slice_make(s, n), z);
}

ingest_kind ingest_sniff_kind(const char *data, size_t len)
{
    /* Tags that open an HTML page or fragment; a text capture does not start with them. */
    static const char *const tags[] = {
        "html", "head", "body", "meta", "div", "p", "article", "title", "link", "script",
        "style", "section", "header", "nav", "main", "table", "span", "h1", "h2", "h3", "h4",
        "h5", "h6", "br", "ul", "ol", "iframe", "noscript", "base", "form", "img", "a", "!--"};
    size_t n = len < 4096 ? len : 4096, i = 0;
    if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3;
    for (;;) {
        while (i < n && is_space((unsigned char)data[i])) i++;
        if (i >= n || data[i] != '<') break;
        const char *s = data + i + 1;
        size_t k = n - i - 1;
        if (k >= 3 && memcmp(s, "!--", 3) == 0) {
            /* A leading comment: skip it and look at what follows. */
            const char *e = NULL;
            for (size_t j = 3; j + 2 < k; j++)
                if (s[j] == '-' && s[j + 1] == '-' && s[j + 2] == '>') {
                    e = s + j + 3;
                    break;
                }
            if (!e) return INGEST_HTML; /* an unclosed comment is still markup */
            i = (size_t)(e - data);
            continue;
        }
        if (k >= 1 && s[0] == '?') { /* <?xml ...?> before XHTML */
            const char *e = memchr(s, '>', k);
            if (!e) break;
            i = (size_t)(e - data) + 1;
            continue;
        }
        if (k >= 8 && strncasecmp(s, "!doctype", 8) == 0) return INGEST_HTML;
        for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++)
            if (tag_at(s, k, tags[t])) return INGEST_HTML;
        break;
    }
    /* Text first, but the page's own skeleton shortly after (a stray line before <html>). */
    if (find_ci(data, n, "<html") || find_ci(data, n, "<body") || find_ci(data, n, "<!doctype html"))
        return INGEST_HTML;
    return INGEST_TEXT;
}

/* ---- formats ---- */

enum { FMT_DOC, FMT_WARC, FMT_JSONL };

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* Picks the format from the first decoded bytes, then from the name's extension. */
static int sniff_format(const char *data, size_t len, const char *name)
{
    if (len >= 7 && memcmp(data, "WARC/1.", 7) == 0) return FMT_WARC;
    if (name && (ends_with(name, ".warc") || ends_with(name, ".warc.gz"))) return FMT_WARC;
    if (ingest_jsonl_sniff(data, len)) return FMT_JSONL;
    if (name && (ends_with(name, ".jsonl") || ends_with(name, ".ndjson"))) {
        size_t i = 0;
        while (i < len && is_space((unsigned char)data[i])) i++;
        if (i < len && data[i] == '{') return FMT_JSONL;
    }
    return FMT_DOC;
}

static int hint_format(const char *hint)
{
    if (hint && strcmp(hint, "warc") == 0) return FMT_WARC;
    if (hint && strcmp(hint, "jsonl") == 0) return FMT_JSONL;
    return -1;
}

static int hint_kind(const char *hint)
{
    if (hint && strcmp(hint, "html") == 0) return INGEST_HTML;
    if (hint && strcmp(hint, "text") == 0) return INGEST_TEXT;
    return -1;
}

/* Reads a single document from r: the size cap first (from `known_size` when the file's size is
 * known without reading it), then delivery. */
static int read_single_doc(ingest_ctx *c, ingest_reader *r, const char *name, int kind,
                           long long known_size)
{
    size_t cap = c->opts.max_doc_bytes;
    if (known_size >= 0 && (unsigned long long)known_size > cap) {
        ingest_report(c, name, DOSSIER_ERR_TOO_LARGE, "document is %lld bytes, over the %zu-byte limit",
                      known_size, cap);
        return 0;
    }
    dbuf doc;
    dbuf_init(&doc, cap);
    uint64_t got = ingest_reader_copy(r, &doc, cap);
    int stop = 0;
    if (got == cap && !r->err) {
        /* Maybe more: count the rest without keeping it (a pipe or gzip data). */
        uint64_t more = ingest_reader_skip(r, UINT64_MAX);
        if (more > 0 && !r->err) {
            ingest_report(c, name, DOSSIER_ERR_TOO_LARGE,
                          "document is %llu bytes, over the %zu-byte limit",
                          (unsigned long long)(got + more), cap);
            goto done;
        }
    }
    if (r->err) {
        ingest_report_reader(c, name, r);
        goto done;
    }
    ingest_meta m = {name, NULL, NULL, NULL, NULL, NULL, kind};
    stop = ingest_deliver(c, &m, doc.ptr ? doc.ptr : "", doc.len);
done:
    dbuf_release(&doc);
    return stop;
}

/* Reads one opened stream of any format. */
static int read_stream(ingest_ctx *c, ingest_reader *r, const char *name, const char *hint,
                       long long known_size)
{
    size_t n = ingest_reader_peek(r, INGEST_SNIFF_BYTES);
    int fmt = hint_format(hint);
    if (fmt < 0 && hint_kind(hint) >= 0) fmt = FMT_DOC;
    if (fmt < 0) fmt = sniff_format(ingest_reader_ptr(r), n, name);
    if (fmt == FMT_WARC) return ingest_read_warc(c, r, name);
    if (fmt == FMT_JSONL) return ingest_read_jsonl(c, r, name);
    /* The file's size is the document's size only when nothing is decompressed. */
    return read_single_doc(c, r, name, hint_kind(hint), r->gzip ? -1 : known_size);
}

/* ---- paths ---- */

static int read_path(ingest_ctx *c, const char *path, int depth, int top);

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Is a file met in a folder walk something other than coverage: a project's notes, code, media
 * or archives? Those are skipped silently; a file named on the command line is always read.
 */
static int skip_in_folder(const char *name)
{
    static const char *const NOTES[] = {"README", "LICENSE", "COPYING", "CHANGELOG", "NOTICE"};
    static const char *const EXT[] = {
        "md", "markdown", "rst", "adoc", "py", "c", "h", "sh", "js", "mjs", "css", "map", "png",
        "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "pdf", "zip", "tar",
        "tgz", "xz", "bz2", "zst", "7z", "rar", "mp3", "mp4", "m4a", "wav", "ogg", "webm", "mov",
        "avi", "exe", "dll", "so", "o", "a", "db", "sqlite", "woff", "woff2", "ttf", "otf", "eot"};
    for (size_t i = 0; i < sizeof NOTES / sizeof NOTES[0]; i++)
        if (strncmp(name, NOTES[i], strlen(NOTES[i])) == 0) return 1;
    const char *dot = strrchr(name, '.');
    if (!dot || !dot[1]) return 0;
    for (size_t i = 0; i < sizeof EXT / sizeof EXT[0]; i++)
        if (strcasecmp(dot + 1, EXT[i]) == 0) return 1;
    return 0;
}

static int read_folder(ingest_ctx *c, const char *path, int depth)
{
    if (depth > MAX_FOLDER_DEPTH) {
        ingest_report(c, path, DOSSIER_ERR_IO,
                      "folders nested over %d levels deep (a symlink loop?)", MAX_FOLDER_DEPTH);
        return 0;
    }
    DIR *dir = opendir(path);
    if (!dir) {
        ingest_report(c, path, DOSSIER_ERR_IO, "cannot open folder: %s", strerror(errno));
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int stop = 0, nomem = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.') continue; /* ".", ".." and hidden files */
        if (skip_in_folder(e->d_name)) continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **p = realloc(names, ncap * sizeof *names);
            if (!p) {
                nomem = 1;
                break;
            }
            names = p;
            cap = ncap;
        }
        if (!(names[n] = strdup(e->d_name))) {
            nomem = 1;
            break;
        }
        n++;
    }
    closedir(dir);
    if (nomem) {
        ingest_report(c, path, DOSSIER_ERR_NOMEM, "out of memory listing the folder");
    } else {
        qsort(names, n, sizeof *names, cmp_names);
        size_t plen = strlen(path);
        int slash = plen > 0 && path[plen - 1] == '/';
        for (size_t i = 0; i < n && !stop; i++) {
            size_t len = plen + 1 + strlen(names[i]) + 1;
            char *child = malloc(len);
            if (!child) {
                ingest_report(c, path, DOSSIER_ERR_NOMEM, "out of memory");
                break;
            }
            snprintf(child, len, "%s%s%s", path, slash ? "" : "/", names[i]);
            stop = read_path(c, child, depth + 1, 0);
            free(child);
        }
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return stop;
}

static int read_fd(ingest_ctx *c, int fd, const char *name, long long known_size)
{
    ingest_reader r;
    int stop = 0;
    if (ingest_reader_open_fd(&r, fd) != DOSSIER_OK) {
        ingest_report(c, name, DOSSIER_ERR_NOMEM, "out of memory opening the input");
    } else if (r.err && r.end == r.pos) {
        ingest_report_reader(c, name, &r);
    } else {
        stop = read_stream(c, &r, name, NULL, known_size);
    }
    ingest_reader_close(&r);
    return stop;
}

static int read_path(ingest_ctx *c, const char *path, int depth, int top)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        ingest_report(c, path, DOSSIER_ERR_IO, "cannot open: %s", strerror(errno));
        return 0;
    }
    if (S_ISDIR(st.st_mode)) return read_folder(c, path, depth);
    /* Inside folders only regular files: a FIFO or device there would block or never end. */
    if (!top && !S_ISREG(st.st_mode)) return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        ingest_report(c, path, DOSSIER_ERR_IO, "cannot open: %s", strerror(errno));
        return 0;
    }
    int stop = read_fd(c, fd, path, S_ISREG(st.st_mode) ? (long long)st.st_size : -1);
    close(fd);
    return stop;
}

static int ctx_init(ingest_ctx *c, const ingest_opts *opts)
{
    memset(c, 0, sizeof *c);
    if (!opts || !opts->on_doc) return -1;
    c->opts = *opts;
    if (c->opts.max_doc_bytes == 0) c->opts.max_doc_bytes = INGEST_DEFAULT_MAX;
    /* UTF-8 from a one-byte charset takes up to 3 bytes per byte. */
    size_t tmax = c->opts.max_doc_bytes > SIZE_MAX / 4 ? SIZE_MAX / 4 : c->opts.max_doc_bytes;
    dbuf_init(&c->text, tmax * 3 + 16);
    return 0;
}

static dossier_status ctx_finish(ingest_ctx *c)
{
    dbuf_release(&c->text);
    return c->stopped ? DOSSIER_ERR_STOPPED : c->last;
}

dossier_status ingest_path(const char *path, const ingest_opts *opts)
{
    ingest_ctx c;
    if (!path || ctx_init(&c, opts) != 0) return DOSSIER_ERR_USAGE;
    if (strcmp(path, "-") == 0) {
        struct stat st;
        long long size = fstat(0, &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
        read_fd(&c, 0, "<stdin>", size);
    } else {
        read_path(&c, path, 0, 1);
    }
    return ctx_finish(&c);
}

dossier_status ingest_memory(const char *name, const void *data, size_t len, const char *hint,
                             const ingest_opts *opts)
{
    ingest_ctx c;
    if (!name || (!data && len) || ctx_init(&c, opts) != 0) return DOSSIER_ERR_USAGE;
    const unsigned char *u = data;
    int gz = len >= 2 && u[0] == 0x1f && u[1] == 0x8b;
    int fmt = hint_format(hint);
    if (fmt < 0 && hint_kind(hint) < 0 && !gz)
        fmt = sniff_format(data, len < INGEST_SNIFF_BYTES ? len : INGEST_SNIFF_BYTES, name);
    if (!gz && (fmt == FMT_DOC || (fmt < 0 && hint_kind(hint) >= 0))) {
        /* A plain document in memory is used where it lies. */
        if (len > c.opts.max_doc_bytes) {
            ingest_report(&c, name, DOSSIER_ERR_TOO_LARGE,
                          "document is %zu bytes, over the %zu-byte limit", len,
                          c.opts.max_doc_bytes);
        } else {
            ingest_meta m = {name, NULL, NULL, NULL, NULL, NULL, hint_kind(hint)};
            ingest_deliver(&c, &m, len ? data : "", len);
        }
        return ctx_finish(&c);
    }
    ingest_reader r;
    if (ingest_reader_open_mem(&r, data, len) != DOSSIER_OK)
        ingest_report(&c, name, DOSSIER_ERR_NOMEM, "out of memory opening the input");
    else
        read_stream(&c, &r, name, hint, -1);
    ingest_reader_close(&r);
    return ctx_finish(&c);
}
