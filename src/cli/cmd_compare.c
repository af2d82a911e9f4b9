/*
 * cmd_compare.c - `dossier compare`: the inputs' main articles taken as one story and compared
 * across their outlets (quote groups, coverage matrix, framing), printed for a terminal or as
 * JSON. A client of the public API like the rest of the command.
 */
#include <dossier.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *usage_compare =
    "usage: dossier compare [OPTIONS] PATH...\n"
    "\n"
    "Takes the main article of every input (teasers and glued articles left out) as one story\n"
    "and compares how its outlets covered it: the same quotation in each outlet with the words\n"
    "an outlet changed or cut, which claims every outlet, most or only one carries, and each\n"
    "outlet's distinctive words and phrases.\n"
    "\n"
    "options:\n"
    "      --json              one JSON object instead of the terminal rendering\n"
    "      --html              one self-contained HTML report (see `dossier report`)\n"
    "      --plain             take each input as clean text, one article each\n"
    "      --drop-teasers      accepted for symmetry with extract (teasers are always dropped)\n"
    "  -q, --quiet             do not print per-input errors\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 all inputs read, 1 some input failed or no article found, 2 usage error\n";

/* Counts and prints per-input errors. */
typedef struct compare_cli {
    int quiet;    /* --quiet */
    long errors;  /* inputs that failed */
} compare_cli;

static void on_compare_error(void *user, const char *input, dossier_status status,
                             const char *message)
{
    compare_cli *c = user;
    c->errors++;
    if (!c->quiet) fprintf(stderr, "dossier: %s: %s\n", input, message);
    (void)status;
}

int cmd_compare(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_HTML, OPT_PLAIN, OPT_DROP };
    static const struct option longopts[] = {{"json", no_argument, NULL, OPT_JSON},
                                             {"html", no_argument, NULL, OPT_HTML},
                                             {"plain", no_argument, NULL, OPT_PLAIN},
                                             {"drop-teasers", no_argument, NULL, OPT_DROP},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int format = DOSSIER_STORY_TEXT, plain = 0, c;
    compare_cli st = {0, 0};
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSON: format = DOSSIER_STORY_JSON; break;
        case OPT_HTML: format = DOSSIER_STORY_HTML; break;
        case OPT_PLAIN: plain = 1; break;
        case OPT_DROP: break;
        case 'q': st.quiet = 1; break;
        case 'h': fputs(usage_compare, stdout); return 0;
        default: fputs(usage_compare, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "dossier: compare: no input given\n%s", usage_compare);
        return CLI_EXIT_USAGE;
    }
    dossier_options opts = {0};
    opts.on_error = on_compare_error;
    opts.user = &st;
    opts.plain = plain;
    opts.drop_teasers = 1;
    dossier *d = dossier_new(&opts);
    if (!d) {
        fputs("dossier: out of memory\n", stderr);
        return CLI_EXIT_INPUT;
    }
    dossier_story *s = NULL;
    dossier_status rc = dossier_story_from_paths(d, (const char *const *)(argv + optind),
                                                 (size_t)(argc - optind), &s);
    if (rc) {
        fprintf(stderr, "dossier: compare: %s\n", dossier_errmsg(d));
        dossier_free(d);
        return CLI_EXIT_INPUT;
    }
    rc = dossier_story_write(s, format, stdout);
    if (rc) fprintf(stderr, "dossier: compare: %s\n", dossier_story_errmsg(s));
    dossier_story_free(s);
    dossier_free(d);
    if (fflush(stdout) != 0) rc = DOSSIER_ERR_IO;
    return rc || st.errors ? CLI_EXIT_INPUT : 0;
}
