/*
 * cmd_show.c - `dossier show STORY` (a stored story's dossier for a terminal, or --json) and
 * `dossier report STORY -o FILE` (the same as one self-contained HTML file). Both read the
 * story back from the database and compare its articles across their outlets.
 */
#include <dossier.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *usage_show =
    "usage: dossier show [OPTIONS] STORY\n"
    "\n"
    "Prints the dossier of a stored story (an id from `dossier stories`): its outlets, the\n"
    "same quotation in each outlet with the words an outlet changed or cut, which claims every\n"
    "outlet, most or only one carries, each outlet's distinctive words, candidate\n"
    "contradictions and the dated timeline.\n"
    "\n"
    "options:\n"
    "      --db PATH           the database (default ./dossier.db)\n"
    "      --json              one JSON object instead of the terminal rendering\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 done, 1 no such story or the database failed, 2 usage error\n";

static const char *usage_report =
    "usage: dossier report [OPTIONS] STORY -o FILE\n"
    "\n"
    "Writes the dossier of a stored story as one self-contained HTML file (no external assets,\n"
    "no scripts; works offline): outlets side by side with their full texts, the coverage\n"
    "matrix, quote groups with the changed words marked, framing terms, contradictions and the\n"
    "timeline, each item linked to its place in the source text.\n"
    "\n"
    "options:\n"
    "      --db PATH           the database (default ./dossier.db)\n"
    "  -o, --output FILE       where to write the report (- for standard output)\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 done, 1 no such story, the database or the write failed, 2 usage error\n";

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

/* Shared body: open, read the story, write it in `format` to `path` (NULL or "-": stdout). */
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
    dossier_story *s = NULL;
    if (dossier_db_story(db, id, &s) != DOSSIER_OK) {
        fprintf(stderr, "dossier: %s: %s\n", cmd, dossier_db_errmsg(db));
        dossier_db_close(db);
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
    dossier_db_close(db);
    return status;
}

int cmd_show(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_JSON };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"json", no_argument, NULL, OPT_JSON},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *dbpath = "dossier.db";
    int json = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: dbpath = optarg; break;
        case OPT_JSON: json = 1; break;
        case 'h': fputs(usage_show, stdout); return 0;
        default: fputs(usage_show, stderr); return CLI_EXIT_USAGE;
        }
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
    enum { OPT_DB = 256 };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"output", required_argument, NULL, 'o'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *dbpath = "dossier.db", *path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: dbpath = optarg; break;
        case 'o': path = optarg; break;
        case 'h': fputs(usage_report, stdout); return 0;
        default: fputs(usage_report, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (argc - optind != 1 || !path) {
        fprintf(stderr, "dossier: report: give one story id and -o FILE\n%s", usage_report);
        return CLI_EXIT_USAGE;
    }
    return show_story("report", dbpath, argv[optind], DOSSIER_STORY_HTML, path);
}
