/*
 * cmd_show.c - `dossier show STORY` (a stored story's dossier for a terminal, or --json) and
 * `dossier report STORY -o FILE` (the same as one self-contained HTML file). Both read the
 * story back from the database and compare its articles across their outlets. With --all they
 * do it for every story (show: one after another, or JSON Lines; report: one file per story in
 * a folder, with an index page); a story that fails is reported and the others go on.
 */
#include <dossier.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"

static const char *usage_show =
    "usage: dossier show [OPTIONS] STORY\n"
    "       dossier show [OPTIONS] --all\n"
    "\n"
    "Prints the dossier of a stored story (an id from `dossier stories`): its outlets, the\n"
    "same quotation in each outlet with the words an outlet changed or cut, which claims every\n"
    "outlet, most or only one carries, each outlet's distinctive words, candidate\n"
    "contradictions and the dated timeline. --all prints every story's, earliest first.\n"
    "\n"
    "options:\n"
    "      --db PATH           the database (default ./dossier.db)\n"
    "      --json              one JSON object instead of the terminal rendering (with --all:\n"
    "                          one line per story, JSON Lines)\n"
    "      --all               every story instead of one\n"
    "      --min-articles N    with --all: only stories of at least N articles (default 1)\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 done, 1 no such story, a story or the database failed, 2 usage error\n";

static const char *usage_report =
    "usage: dossier report [OPTIONS] STORY -o FILE\n"
    "       dossier report [OPTIONS] --all -o DIR\n"
    "\n"
    "Writes the dossier of a stored story as one self-contained HTML file (no external assets,\n"
    "no scripts; works offline): outlets side by side with their full texts, the coverage\n"
    "matrix, quote groups with the changed words marked, framing terms, contradictions and the\n"
    "timeline, each item linked to its place in the source text. --all writes every story's\n"
    "report into DIR (story-ID.html, made if missing) with an index.html that lists them.\n"
    "\n"
    "options:\n"
    "      --db PATH           the database (default ./dossier.db)\n"
    "  -o, --output FILE|DIR   where to write the report (- for standard output); the folder\n"
    "                          with --all\n"
    "      --all               every story instead of one\n"
    "      --min-articles N    with --all: only stories of at least N articles (default 1)\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 done, 1 no such story, a story, the database or a write failed, 2 usage\n"
    "error\n";

/* A story id: a positive decimal integer. Returns 1 when s is one. */
static int parse_story(const char *s, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0) return 0;
    *out = (int64_t)v;
    return 1;
}

/* Reads story `id` of the open database and writes it in `format` to `path` (NULL or "-":
 * stdout). Returns 0 or an exit status, the failure told on stderr. */
static int write_story(const char *cmd, dossier_db *db, int64_t id, int format, const char *path)
{
    dossier_story *s = NULL;
    if (dossier_db_story(db, id, &s) != DOSSIER_OK) {
        fprintf(stderr, "dossier: %s: %s\n", cmd, dossier_db_errmsg(db));
        return CLI_EXIT_INPUT;
    }
    int to_stdout = !path || !strcmp(path, "-");
    FILE *out = to_stdout ? stdout : fopen(path, "wb");
    int status = 0;
    if (!out) {
        fprintf(stderr, "dossier: %s: %s: %s\n", cmd, path, strerror(errno));
        status = CLI_EXIT_INPUT;
    } else {
        if (dossier_story_write(s, format, out) != DOSSIER_OK) {
            fprintf(stderr, "dossier: %s: %s\n", cmd, dossier_story_errmsg(s));
            status = CLI_EXIT_INPUT;
        }
        if ((to_stdout ? fflush(out) : fclose(out)) != 0 && !status) {
            fprintf(stderr, "dossier: %s: %s: %s\n", cmd, to_stdout ? "standard output" : path,
                    strerror(errno));
            status = CLI_EXIT_INPUT;
        }
    }
    dossier_story_free(s);
    return status;
}

/* Shared body of one story: open, read the story, write it. */
static int show_story(const char *cmd, const char *dbpath, const char *arg, int format,
                      const char *path)
{
    int64_t id;
    if (!parse_story(arg, &id)) {
        fprintf(stderr, "dossier: %s: '%s' is not a story id (see `dossier stories`)\n", cmd, arg);
        return CLI_EXIT_USAGE;
    }
    dossier_db *db = NULL;
    if (dossier_db_open(dbpath, &db) != DOSSIER_OK) {
        fprintf(stderr, "dossier: %s: %s\n", cmd, dossier_db_errmsg(db));
        dossier_db_close(db);
        return CLI_EXIT_INPUT;
    }
    int status = write_story(cmd, db, id, format, path);
    dossier_db_close(db);
    return status;
}

/* What --all keeps of each story for the index page. */
typedef struct story_row {
    int64_t id;
    char *label, *first, *last, *outlets; /* malloc'd copies (NULL when absent) */
    size_t n_articles, n_outlets;
} story_row;

typedef struct story_rows {
    story_row *v;
    size_t n, cap;
    size_t min_articles; /* stories with fewer articles are left out */
    int failed;          /* out of memory while listing */
} story_rows;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static int keep_story(void *user, const dossier_story_info *info)
{
    story_rows *r = user;
    if (info->n_articles < r->min_articles) return 0;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        story_row *v = realloc(r->v, cap * sizeof *v);
        if (!v) {
            r->failed = 1;
            return 1;
        }
        r->v = v;
        r->cap = cap;
    }
    story_row *row = &r->v[r->n++];
    row->id = info->id;
    row->label = dup_or_null(info->label);
    row->first = dup_or_null(info->first);
    row->last = dup_or_null(info->last);
    row->outlets = dup_or_null(info->outlets);
    row->n_articles = info->n_articles;
    row->n_outlets = info->n_outlets;
    return 0;
}

static void rows_release(story_rows *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].label);
        free(r->v[i].first);
        free(r->v[i].last);
        free(r->v[i].outlets);
    }
    free(r->v);
}

/* Writes s HTML-escaped (the labels and outlet names come from the inputs). */
static void put_html(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* The index page of `dossier report --all`: one row per story, linking its report. */
static int write_index(const char *dir, const story_rows *r, const unsigned char *ok)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/index.html", dir);
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "dossier: report: %s: %s\n", path, strerror(errno));
        return CLI_EXIT_INPUT;
    }
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'\">\n<title>dossier: stories</title>\n<style>"
          "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em}"
          "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;"
          "padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f4f4f4}"
          "td.n{text-align:right}</style></head><body>\n<h1>Stories</h1>\n", f);
    fprintf(f, "<p>%zu stories.</p>\n<table><thead><tr><th>Story</th><th>Label</th>"
               "<th>First</th><th>Last</th><th>Articles</th><th>Outlets</th></tr></thead>"
               "<tbody>\n", r->n);
    for (size_t i = 0; i < r->n; i++) {
        const story_row *s = &r->v[i];
        fputs("<tr><td>", f);
        if (ok[i]) fprintf(f, "<a href=\"story-%lld.html\">%lld</a>", (long long)s->id,
                           (long long)s->id);
        else fprintf(f, "%lld (failed)", (long long)s->id);
        fputs("</td><td>", f);
        put_html(f, s->label);
        fputs("</td><td>", f);
        put_html(f, s->first ? s->first : "-");
        fputs("</td><td>", f);
        put_html(f, s->last ? s->last : "-");
        fprintf(f, "</td><td class=\"n\">%zu</td><td>%zu: ", s->n_articles, s->n_outlets);
        put_html(f, s->outlets);
        fputs("</td></tr>\n", f);
    }
    fputs("</tbody></table>\n</body></html>\n", f);
    if (fclose(f) != 0) {
        fprintf(stderr, "dossier: report: %s: %s\n", path, strerror(errno));
        return CLI_EXIT_INPUT;
    }
    return 0;
}

/* --all: every story (of at least min_articles articles) in `format`; HTML goes to one file a
 * story in folder `dir`, text and JSON to stdout. A failed story is told and skipped. */
static int all_stories(const char *cmd, const char *dbpath, int format, const char *dir,
                       size_t min_articles)
{
    dossier_db *db = NULL;
    if (dossier_db_open(dbpath, &db) != DOSSIER_OK) {
        fprintf(stderr, "dossier: %s: %s\n", cmd, dossier_db_errmsg(db));
        dossier_db_close(db);
        return CLI_EXIT_INPUT;
    }
    story_rows r = {NULL, 0, 0, min_articles, 0};
    if (dossier_db_stories(db, keep_story, &r) != DOSSIER_OK) {
        fprintf(stderr, "dossier: %s: %s\n", cmd,
                r.failed ? "out of memory listing the stories" : dossier_db_errmsg(db));
        rows_release(&r);
        dossier_db_close(db);
        return CLI_EXIT_INPUT;
    }
    if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "dossier: %s: %s: %s\n", cmd, dir, strerror(errno));
        rows_release(&r);
        dossier_db_close(db);
        return CLI_EXIT_INPUT;
    }
    unsigned char *ok = calloc(r.n + 1, 1);
    int status = ok ? 0 : CLI_EXIT_INPUT;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t done = 0;
    for (size_t i = 0; ok && i < r.n; i++) {
        char path[4096];
        if (dir) snprintf(path, sizeof path, "%s/story-%lld.html", dir, (long long)r.v[i].id);
        if (format == DOSSIER_STORY_TEXT && i) fputs("\n========\n\n", stdout);
        int st = write_story(cmd, db, r.v[i].id, format, dir ? path : NULL);
        if (st) status = st;
        else ok[i] = 1, done++;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (ok && dir) {
        int st = write_index(dir, &r, ok);
        if (st) status = st;
    }
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (dir || format == DOSSIER_STORY_JSON)
        fprintf(stderr, "dossier: %s: %zu of %zu stories written in %.1f s%s%s\n", cmd, done, r.n,
                secs, dir ? " -> " : "", dir ? dir : "");
    free(ok);
    rows_release(&r);
    dossier_db_close(db);
    return status;
}

/* --min-articles N: a positive count; 0 (told on stderr) when s is not one. */
static int parse_min_articles(const char *cmd, const char *s, size_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < 1) {
        fprintf(stderr, "dossier: %s: --min-articles wants a positive count, not '%s'\n", cmd, s);
        return 0;
    }
    *out = (size_t)v;
    return 1;
}

int cmd_show(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_JSON, OPT_ALL, OPT_MIN };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"json", no_argument, NULL, OPT_JSON},
                                             {"all", no_argument, NULL, OPT_ALL},
                                             {"min-articles", required_argument, NULL, OPT_MIN},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *dbpath = "dossier.db";
    int json = 0, all = 0, c;
    size_t min_articles = 1;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: dbpath = optarg; break;
        case OPT_JSON: json = 1; break;
        case OPT_ALL: all = 1; break;
        case OPT_MIN:
            if (!parse_min_articles("show", optarg, &min_articles)) return CLI_EXIT_USAGE;
            break;
        case 'h': fputs(usage_show, stdout); return 0;
        default: fputs(usage_show, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (all) {
        if (argc - optind != 0) {
            fprintf(stderr, "dossier: show: --all takes no story id\n%s", usage_show);
            return CLI_EXIT_USAGE;
        }
        return all_stories("show", dbpath, json ? DOSSIER_STORY_JSON : DOSSIER_STORY_TEXT, NULL,
                           min_articles);
    }
    if (argc - optind != 1) {
        fprintf(stderr, "dossier: show: give one story id\n%s", usage_show);
        return CLI_EXIT_USAGE;
    }
    return show_story("show", dbpath, argv[optind], json ? DOSSIER_STORY_JSON : DOSSIER_STORY_TEXT,
                      NULL);
}

int cmd_report(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_ALL, OPT_MIN };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"output", required_argument, NULL, 'o'},
                                             {"all", no_argument, NULL, OPT_ALL},
                                             {"min-articles", required_argument, NULL, OPT_MIN},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *dbpath = "dossier.db", *path = NULL;
    int c, all = 0;
    size_t min_articles = 1;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: dbpath = optarg; break;
        case 'o': path = optarg; break;
        case OPT_ALL: all = 1; break;
        case OPT_MIN:
            if (!parse_min_articles("report", optarg, &min_articles)) return CLI_EXIT_USAGE;
            break;
        case 'h': fputs(usage_report, stdout); return 0;
        default: fputs(usage_report, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (all) {
        if (argc - optind != 0 || !path || !strcmp(path, "-")) {
            fprintf(stderr, "dossier: report: --all takes no story id and -o DIR\n%s",
                    usage_report);
            return CLI_EXIT_USAGE;
        }
        return all_stories("report", dbpath, DOSSIER_STORY_HTML, path, min_articles);
    }
    if (argc - optind != 1 || !path) {
        fprintf(stderr, "dossier: report: give one story id and -o FILE\n%s", usage_report);
        return CLI_EXIT_USAGE;
    }
    return show_story("report", dbpath, argv[optind], DOSSIER_STORY_HTML, path);
}
