/*
 * cmd_stories.c - `dossier stories`: the stories of the database, one line each (id, articles,
 * outlets, duplicates, dates, label, outlets), or with --json one object holding every story and
 * its articles. Articles not yet in a story are clustered first (as `ingest` does at its end).
 */
#include <dossier.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char *usage_stories =
    "usage: dossier stories [OPTIONS]\n"
    "\n"
    "Lists the stories: the articles of all outlets and languages that report one happening,\n"
    "near-duplicates (wire copies, reprints) marked. Articles not yet in a story are placed\n"
    "first.\n"
    "\n"
    "options:\n"
    "      --db PATH           the database (default ./dossier.db)\n"
    "      --json              one JSON object: {\"stories\":[{id, label, first, last, outlets,\n"
    "                          articles:[{id, source, index, outlet, title, published, role,\n"
    "                          duplicate_of}]}]}\n"
    "      --recluster         forget the stories and cluster every article afresh\n"
    "      --threshold X       least similarity (0..1) to join a story (default 0.28)\n"
    "      --no-dates          cluster on the text alone, publication dates ignored\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 done, 1 a database error, 2 usage\n";

/* One article of the story being printed, copied (the callback's strings do not last). */
typedef struct row {
    char *id, *source, *outlet, *title, *published, *role, *dup;
    int index;
} row;

/* State of the command. */
typedef struct stories_cli {
    dossier_db *db; /* the database */
    int json;       /* --json */
    long n;         /* stories printed */
    row *rows;      /* the current story's articles */
    size_t n_rows, cap_rows;
    int failed;     /* out of memory or a database error while listing articles */
} stories_cli;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static int collect(void *user, const dossier_story_article *a)
{
    stories_cli *c = user;
    if (c->n_rows == c->cap_rows) {
        size_t cap = c->cap_rows ? c->cap_rows * 2 : 16;
        row *r = realloc(c->rows, cap * sizeof *r);
        if (!r) return c->failed = 1;
        c->rows = r;
        c->cap_rows = cap;
    }
    row *r = &c->rows[c->n_rows++];
    r->id = dup_or_null(a->id);
    r->source = dup_or_null(a->source);
    r->outlet = dup_or_null(a->outlet);
    r->title = dup_or_null(a->title);
    r->published = dup_or_null(a->published);
    r->role = dup_or_null(a->role);
    r->dup = dup_or_null(a->duplicate_of);
    r->index = a->index;
    return 0;
}

static void free_rows(stories_cli *c)
{
    for (size_t i = 0; i < c->n_rows; i++) {
        row *r = &c->rows[i];
        free(r->id);
        free(r->source);
        free(r->outlet);
        free(r->title);
        free(r->published);
        free(r->role);
        free(r->dup);
    }
    c->n_rows = 0;
}

static int print_story(void *user, const dossier_story_info *s)
{
    stories_cli *c = user;
    if (!c->json) {
        printf("%-6lld %4zu art %3zu outl %3zu dup  %-10s %-10s  %s  [%s]\n", (long long)s->id,
               s->n_articles, s->n_outlets, s->n_duplicates, s->first ? s->first : "-",
               s->last ? s->last : "-", s->label, s->outlets);
        c->n++;
        return 0;
    }
    free_rows(c);
    if (dossier_db_story_articles(c->db, s->id, collect, c) != DOSSIER_OK || c->failed) {
        c->failed = 1;
        return 1;
    }
    printf("%s\n{\"id\":%lld,\"label\":", c->n ? "," : "", (long long)s->id);
    cli_json_string(stdout, s->label);
    fputs(",\"first\":", stdout);
    cli_json_string(stdout, s->first);
    fputs(",\"last\":", stdout);
    cli_json_string(stdout, s->last);
    fputs(",\"outlets\":[", stdout);
    int first = 1;
    for (size_t i = 0; i < c->n_rows; i++) {
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = c->rows[k].outlet && c->rows[i].outlet &&
                   !strcmp(c->rows[k].outlet, c->rows[i].outlet);
        if (seen || !c->rows[i].outlet) continue;
        if (!first) fputc(',', stdout);
        cli_json_string(stdout, c->rows[i].outlet);
        first = 0;
    }
    fputs("],\"articles\":[", stdout);
    for (size_t i = 0; i < c->n_rows; i++) {
        const row *r = &c->rows[i];
        fputs(i ? ",{\"id\":" : "{\"id\":", stdout);
        cli_json_string(stdout, r->id);
        fputs(",\"source\":", stdout);
        cli_json_string(stdout, r->source);
        printf(",\"index\":%d,\"outlet\":", r->index);
        cli_json_string(stdout, r->outlet);
        fputs(",\"title\":", stdout);
        cli_json_string(stdout, r->title);
        fputs(",\"published\":", stdout);
        cli_json_string(stdout, r->published);
        fputs(",\"role\":", stdout);
        cli_json_string(stdout, r->role);
        fputs(",\"duplicate_of\":", stdout);
        cli_json_string(stdout, r->dup);
        fputc('}', stdout);
    }
    fputs("]}", stdout);
    c->n++;
    return 0;
}

int cmd_stories(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_JSON, OPT_RECLUSTER, OPT_THRESHOLD, OPT_NO_DATES };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"json", no_argument, NULL, OPT_JSON},
                                             {"recluster", no_argument, NULL, OPT_RECLUSTER},
                                             {"threshold", required_argument, NULL, OPT_THRESHOLD},
                                             {"no-dates", no_argument, NULL, OPT_NO_DATES},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db_path = "./dossier.db";
    stories_cli st;
    memset(&st, 0, sizeof st);
    dossier_cluster_options co = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: db_path = optarg; break;
        case OPT_JSON: st.json = 1; break;
        case OPT_RECLUSTER: co.recluster = 1; break;
        case OPT_NO_DATES: co.ignore_dates = 1; break;
        case OPT_THRESHOLD: {
            char *end;
            co.threshold = strtod(optarg, &end);
            if (*end || co.threshold <= 0 || co.threshold >= 1) {
                fprintf(stderr, "dossier: --threshold wants a number between 0 and 1\n");
                return CLI_EXIT_USAGE;
            }
            break;
        }
        case 'h': fputs(usage_stories, stdout); return 0;
        default: fputs(usage_stories, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "dossier: stories takes no arguments\n%s", usage_stories);
        return CLI_EXIT_USAGE;
    }
    if (access(db_path, F_OK) != 0) {
        fprintf(stderr, "dossier: %s: no such database (create it with `dossier ingest`)\n",
                db_path);
        return CLI_EXIT_INPUT;
    }
    if (dossier_db_open(db_path, &st.db) != DOSSIER_OK) {
        fprintf(stderr, "dossier: %s\n", st.db ? dossier_db_errmsg(st.db) : "out of memory");
        dossier_db_close(st.db);
        return CLI_EXIT_INPUT;
    }
    int status = 0;
    dossier_status rc = dossier_db_cluster(st.db, &co, NULL);
    if (rc == DOSSIER_OK) {
        if (st.json) fputs("{\"stories\":[", stdout);
        rc = dossier_db_stories(st.db, print_story, &st);
        if (st.json) fputs("\n]}\n", stdout);
    }
    if (rc != DOSSIER_OK || st.failed) {
        fprintf(stderr, "dossier: %s\n",
                dossier_db_errmsg(st.db)[0] ? dossier_db_errmsg(st.db) : "out of memory");
        status = CLI_EXIT_INPUT;
    }
    free_rows(&st);
    free(st.rows);
    dossier_db_close(st.db);
    if (fflush(stdout) != 0) status = CLI_EXIT_INPUT;
    return status;
}
