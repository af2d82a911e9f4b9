/*
 * cmd_store.c - the commands over the database: `ingest` (articles into the store, with a
 * progress line on a terminal), `search` (FTS5 over articles and quotes) and `export`
 * (JSONL, CSV, TSV). Uses the public API only, like any client.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <dossier.h>

#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define DEFAULT_DB "./dossier.db"

static const char *usage_ingest =
    "usage: dossier ingest [OPTIONS] PATH...|-\n"
    "\n"
    "Extracts the articles of each PATH (file, folder read recursively, or - for standard\n"
    "input) and stores them in the database, in transactions of --batch articles. Running it\n"
    "again on the same input adds nothing; an article whose text or metadata changed is stored\n"
    "as a new version. Killed at any moment, it loses at most the open batch: run it again to\n"
    "complete. A progress line is shown when stderr is a terminal. At the end the articles\n"
    "not yet in a story are clustered into stories (see `dossier stories`); killed then, the\n"
    "next run completes it.\n"
    "\n"
    "options:\n"
    "      --db PATH           the database (default ./dossier.db; created when missing)\n"
    "  -j, --jobs N            extraction threads (default: one per CPU)\n"
    "      --batch N           articles per transaction (default 500)\n"
    "      --plain             take each input as clean text, one article each\n"
    "      --drop-teasers      leave out teasers\n"
    "      --no-cluster        do not cluster the articles into stories\n"
    "  -q, --quiet             no progress line and no per-input errors (exit status tells)\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 all inputs stored, 1 some input failed or a database error, 2 usage\n";

static const char *usage_search =
    "usage: dossier search [OPTIONS] QUERY...\n"
    "\n"
    "Full-text search over the titles and texts of the stored articles (latest versions) and\n"
    "over their quotes and speakers. QUERY is SQLite FTS5 syntax: words, \"a phrase\",\n"
    "AND, OR, NOT, prefix*, NEAR(a b), column filters title: text: speaker:.\n"
    "Prints kind, source, index and title, and a snippet with the matches in [ ].\n"
    "\n"
    "options:\n"
    "      --db PATH           the database (default ./dossier.db)\n"
    "      --json              print {\"query\":..., \"hits\":[...]} instead of a table\n"
    "  -n, --limit N           at most N hits (default 20)\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 searched (even with no hit), 1 database error, 2 usage or bad query\n";

static const char *usage_export =
    "usage: dossier export [OPTIONS] --format jsonl|csv|tsv\n"
    "\n"
    "Writes the stored articles (latest versions), their quotes, or the entities to standard\n"
    "output or a file. Articles in JSONL are lines of the extract contract (docs/data-model.md)\n"
    "with version and hash added. CSV follows RFC 4180 (CRLF, quoted fields); TSV escapes tab,\n"
    "newline, carriage return and backslash as \\t \\n \\r \\\\.\n"
    "\n"
    "options:\n"
    "      --db PATH           the database (default ./dossier.db)\n"
    "  -f, --format F          jsonl, csv or tsv (required)\n"
    "  -w, --what W            articles (default), quotes or entities\n"
    "  -o, --output FILE       write to FILE instead of standard output\n"
    "  -h, --help              this help\n";

/* ---- ingest ---- */

/* State of the ingest command. */
typedef struct ingest_cli {
    int quiet;            /* --quiet */
    int progress;         /* draw the progress line (stderr is a terminal, not quiet) */
    uint64_t total_bytes; /* size of the inputs on disk, 0 when unknown */
    struct timespec t0;   /* start */
    double last_draw;     /* seconds at the last progress draw */
    int drawn;            /* a progress line is on the screen */
} ingest_cli;

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static uint64_t walk_total; /* nftw has no user pointer: the sum of the current walk */

static int add_size(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    const char *base = path + ftw->base;
    if (type == FTW_F && base[0] != '.') walk_total += (uint64_t)sb->st_size;
    return 0;
}

/* Bytes on disk of the inputs (0 when one is standard input). */
static uint64_t input_bytes(char **paths, int n)
{
    walk_total = 0;
    for (int i = 0; i < n; i++) {
        if (!strcmp(paths[i], "-")) return 0;
        nftw(paths[i], add_size, 16, FTW_PHYS);
    }
    return walk_total;
}

static void on_input_error(void *user, const char *input, dossier_status status,
                           const char *message)
{
    ingest_cli *c = user;
    if (c->quiet) return;
    if (c->drawn) fputs("\r\033[K", stderr); /* the error line replaces the progress line */
    c->drawn = 0;
    fprintf(stderr, "dossier: %s: %s\n", input, message);
    (void)status;
}

static int draw_progress(void *user, const dossier_db_counts *k)
{
    ingest_cli *c = user;
    if (!c->progress) return 0;
    double t = seconds_since(&c->t0);
    if (t - c->last_draw < 0.1 && c->drawn) return 0; /* ten frames a second at most */
    c->last_draw = t;
    double mb = (double)k->bytes / 1e6, rate = t > 0 ? mb / t : 0;
    char eta[32] = "";
    if (c->total_bytes && k->bytes && rate > 0) {
        double left = ((double)c->total_bytes / 1e6 - mb) / rate;
        if (left < 0) left = 0;
        snprintf(eta, sizeof eta, "  ETA %d:%02d", (int)left / 60, (int)left % 60);
    }
    if (c->total_bytes)
        fprintf(stderr, "\r\033[K%ld articles  %.1f/%.1f MB  %.1f MB/s  %.0f articles/s%s",
                k->articles, mb, (double)c->total_bytes / 1e6, rate,
                t > 0 ? (double)k->articles / t : 0, eta);
    else
        fprintf(stderr, "\r\033[K%ld articles  %.1f MB  %.1f MB/s  %.0f articles/s", k->articles,
                mb, rate, t > 0 ? (double)k->articles / t : 0);
    c->drawn = 1;
    return 0;
}

static int parse_count(const char *opt, const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        fprintf(stderr, "dossier: %s: want a number from %ld to %ld: %s\n", opt, lo, hi, s);
        return -1;
    }
    *out = v;
    return 0;
}

/* Opens the database; for reading commands it must exist. Prints the problem on failure. */
static dossier_db *open_db(const char *path, int must_exist)
{
    if (must_exist && access(path, F_OK) != 0) {
        fprintf(stderr, "dossier: %s: no such database (create it with `dossier ingest`)\n",
                path);
        return NULL;
    }
    dossier_db *db;
    if (dossier_db_open(path, &db) != DOSSIER_OK) {
        fprintf(stderr, "dossier: %s\n", db ? dossier_db_errmsg(db) : "out of memory");
        dossier_db_close(db);
        return NULL;
    }
    return db;
}

int cmd_ingest(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_BATCH, OPT_DROP, OPT_PLAIN, OPT_NO_CLUSTER };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"plain", no_argument, NULL, OPT_PLAIN},
                                             {"no-cluster", no_argument, NULL, OPT_NO_CLUSTER},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"batch", required_argument, NULL, OPT_BATCH},
                                             {"drop-teasers", no_argument, NULL, OPT_DROP},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db_path = DEFAULT_DB;
    long jobs = 0, batch = 0;
    int drop = 0, plain = 0, cluster = 1, c;
    ingest_cli st;
    memset(&st, 0, sizeof st);
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: db_path = optarg; break;
        case 'j':
            if (parse_count("--jobs", optarg, 1, 256, &jobs)) return CLI_EXIT_USAGE;
            break;
        case OPT_BATCH:
            if (parse_count("--batch", optarg, 1, 1000000, &batch)) return CLI_EXIT_USAGE;
            break;
        case OPT_DROP: drop = 1; break;
        case OPT_PLAIN: plain = 1; break;
        case OPT_NO_CLUSTER: cluster = 0; break;
        case 'q': st.quiet = 1; break;
        case 'h': fputs(usage_ingest, stdout); return 0;
        default: fputs(usage_ingest, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "dossier: no input given (a path, a folder, or - for stdin)\n%s",
                usage_ingest);
        return CLI_EXIT_USAGE;
    }
    if (!jobs) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus > 1 ? (cpus < 64 ? cpus : 64) : 1;
    }
    st.progress = !st.quiet && isatty(STDERR_FILENO);
    if (st.progress) st.total_bytes = input_bytes(argv + optind, argc - optind);
    clock_gettime(CLOCK_MONOTONIC, &st.t0);

    dossier_db *db = open_db(db_path, 0);
    if (!db) return CLI_EXIT_INPUT;
    dossier_options opts = {0};
    opts.on_error = on_input_error;
    opts.user = &st;
    opts.threads = (int)jobs;
    opts.drop_teasers = drop;
    opts.plain = plain;
    dossier *d = dossier_new(&opts);
    if (!d) {
        fputs("dossier: out of memory\n", stderr);
        dossier_db_close(db);
        return CLI_EXIT_INPUT;
    }
    dossier_db_ingest_options io = {0};
    io.batch = (int)batch;
    io.progress = draw_progress;
    io.user = &st;
    dossier_db_counts k = {0};
    dossier_status rc = dossier_db_ingest(d, db, (const char *const *)argv + optind,
                                          (size_t)(argc - optind), &io, &k);
    if (st.drawn) fputs("\r\033[K", stderr);
    double t = seconds_since(&st.t0);
    printf("dossier: %ld article%s: %ld new, %ld unchanged, %ld new version%s; %ld input "
           "error%s; %.1f s, %.1f MB/s -> %s\n",
           k.articles, k.articles == 1 ? "" : "s", k.new_articles, k.unchanged, k.new_versions,
           k.new_versions == 1 ? "" : "s", k.errors, k.errors == 1 ? "" : "s", t,
           t > 0 ? (double)k.bytes / 1e6 / t : 0.0, db_path);
    int status = 0;
    if (rc == DOSSIER_ERR_DB || rc == DOSSIER_ERR_NOMEM) {
        fprintf(stderr, "dossier: %s\n", dossier_db_errmsg(db));
        status = CLI_EXIT_INPUT;
    } else if (rc != DOSSIER_OK) {
        status = CLI_EXIT_INPUT; /* input errors were reported one by one */
    }
    /* stories, after the last commit: a kill here loses no article, the next run completes it */
    if (cluster && rc != DOSSIER_ERR_DB && rc != DOSSIER_ERR_NOMEM && rc != DOSSIER_ERR_STOPPED) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        dossier_cluster_counts kc = {0};
        dossier_status crc = dossier_db_cluster(db, NULL, &kc);
        if (crc != DOSSIER_OK) {
            fprintf(stderr, "dossier: clustering: %s\n", dossier_db_errmsg(db));
            status = CLI_EXIT_INPUT;
        } else {
            printf("dossier: %ld article%s placed in stories (%ld new stor%s, %ld duplicate%s); "
                   "%ld stor%s in all; %.1f s\n",
                   kc.articles, kc.articles == 1 ? "" : "s", kc.new_stories,
                   kc.new_stories == 1 ? "y" : "ies", kc.duplicates,
                   kc.duplicates == 1 ? "" : "s", kc.stories, kc.stories == 1 ? "y" : "ies",
                   seconds_since(&t1));
        }
    }
    dossier_free(d);
    dossier_db_close(db);
    if (fflush(stdout) != 0) status = CLI_EXIT_INPUT;
    return status;
}

/* ---- search ---- */

void cli_json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20) fprintf(out, "\\u%04x", *p);
            else fputc(*p, out);
        }
    }
    fputc('"', out);
}

/* State of the search command. */
typedef struct search_cli {
    int json; /* --json */
    long n;   /* hits printed */
} search_cli;

static int print_hit(void *user, const dossier_db_hit *h)
{
    search_cli *c = user;
    if (c->json) {
        fputs(c->n ? ",\n{\"kind\":" : "\n{\"kind\":", stdout);
        cli_json_string(stdout, h->kind);
        fputs(",\"id\":", stdout);
        cli_json_string(stdout, h->id);
        fputs(",\"source\":", stdout);
        cli_json_string(stdout, h->source);
        printf(",\"index\":%d,\"title\":", h->index);
        cli_json_string(stdout, h->title);
        fputs(",\"site\":", stdout);
        cli_json_string(stdout, h->site);
        fputs(",\"published\":", stdout);
        cli_json_string(stdout, h->published);
        fputs(",\"speaker\":", stdout);
        cli_json_string(stdout, h->speaker);
        fputs(",\"snippet\":", stdout);
        cli_json_string(stdout, h->snippet);
        printf(",\"score\":%.4f}", h->score);
    } else {
        const char *slash = strrchr(h->source, '/');
        printf("%-7s %-32.32s %3d  %s\n", h->kind, slash ? slash + 1 : h->source, h->index,
               h->title ? h->title : "(no title)");
        /* The snippet on one line: its newlines become spaces. */
        fputs("        ", stdout);
        if (h->speaker) printf("%s: ", h->speaker);
        for (const char *p = h->snippet ? h->snippet : ""; *p; p++)
            fputc(*p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p, stdout);
        fputc('\n', stdout);
    }
    c->n++;
    return ferror(stdout) ? 1 : 0;
}

int cmd_search(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_JSON };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"json", no_argument, NULL, OPT_JSON},
                                             {"limit", required_argument, NULL, 'n'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db_path = DEFAULT_DB;
    long limit = 20;
    search_cli sc = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "n:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: db_path = optarg; break;
        case OPT_JSON: sc.json = 1; break;
        case 'n':
            if (parse_count("--limit", optarg, 1, 1000000, &limit)) return CLI_EXIT_USAGE;
            break;
        case 'h': fputs(usage_search, stdout); return 0;
        default: fputs(usage_search, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "dossier: no search query given\n%s", usage_search);
        return CLI_EXIT_USAGE;
    }
    /* The words of the query may come as several arguments. */
    size_t qlen = 0;
    for (int i = optind; i < argc; i++) qlen += strlen(argv[i]) + 1;
    char *query = malloc(qlen + 1);
    if (!query) return CLI_EXIT_INPUT;
    query[0] = 0;
    for (int i = optind; i < argc; i++) {
        if (i > optind) strcat(query, " ");
        strcat(query, argv[i]);
    }
    dossier_db *db = open_db(db_path, 1);
    if (!db) {
        free(query);
        return CLI_EXIT_INPUT;
    }
    if (sc.json) {
        fputs("{\"query\":", stdout);
        cli_json_string(stdout, query);
        fputs(",\"hits\":[", stdout);
    }
    dossier_status rc = dossier_db_search(db, query, (int)limit, print_hit, &sc);
    int status = 0;
    if (rc == DOSSIER_ERR_QUERY) {
        fprintf(stderr, "dossier: %s\n", dossier_db_errmsg(db));
        status = CLI_EXIT_USAGE;
    } else if (rc == DOSSIER_ERR_STOPPED) {
        fprintf(stderr, "dossier: cannot write output: %s\n", strerror(errno));
        status = CLI_EXIT_INPUT;
    } else if (rc != DOSSIER_OK) {
        fprintf(stderr, "dossier: %s\n", dossier_db_errmsg(db));
        status = CLI_EXIT_INPUT;
    }
    if (sc.json) fputs(sc.n ? "\n]}\n" : "]}\n", stdout);
    else if (!status && sc.n == 0) fprintf(stderr, "dossier: no match for %s\n", query);
    dossier_db_close(db);
    free(query);
    if (fflush(stdout) != 0) status = CLI_EXIT_INPUT;
    return status;
}

/* ---- export ---- */

int cmd_export(int argc, char **argv)
{
    enum { OPT_DB = 256 };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"format", required_argument, NULL, 'f'},
                                             {"what", required_argument, NULL, 'w'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *db_path = DEFAULT_DB, *out_path = NULL;
    dossier_export_format format = 0;
    dossier_export_what what = DOSSIER_EXPORT_ARTICLES;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:w:o:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: db_path = optarg; break;
        case 'f':
            if (!strcmp(optarg, "jsonl")) format = DOSSIER_EXPORT_JSONL;
            else if (!strcmp(optarg, "csv")) format = DOSSIER_EXPORT_CSV;
            else if (!strcmp(optarg, "tsv")) format = DOSSIER_EXPORT_TSV;
            else {
                fprintf(stderr, "dossier: --format: want jsonl, csv or tsv: %s\n", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case 'w':
            if (!strcmp(optarg, "articles")) what = DOSSIER_EXPORT_ARTICLES;
            else if (!strcmp(optarg, "quotes")) what = DOSSIER_EXPORT_QUOTES;
            else if (!strcmp(optarg, "entities")) what = DOSSIER_EXPORT_ENTITIES;
            else {
                fprintf(stderr, "dossier: --what: want articles, quotes or entities: %s\n",
                        optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case 'o': out_path = optarg; break;
        case 'h': fputs(usage_export, stdout); return 0;
        default: fputs(usage_export, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (!format) {
        fprintf(stderr, "dossier: --format is required (jsonl, csv or tsv)\n%s", usage_export);
        return CLI_EXIT_USAGE;
    }
    if (optind < argc) {
        fprintf(stderr, "dossier: export takes no arguments: %s\n", argv[optind]);
        return CLI_EXIT_USAGE;
    }
    dossier_db *db = open_db(db_path, 1);
    if (!db) return CLI_EXIT_INPUT;
    FILE *out = stdout;
    if (out_path && !(out = fopen(out_path, "wb"))) {
        fprintf(stderr, "dossier: %s: cannot write: %s\n", out_path, strerror(errno));
        dossier_db_close(db);
        return CLI_EXIT_INPUT;
    }
    dossier_status rc = dossier_db_export(db, what, format, out);
    int status = 0;
    if (rc != DOSSIER_OK) {
        fprintf(stderr, "dossier: %s\n", dossier_db_errmsg(db));
        status = CLI_EXIT_INPUT;
    }
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "dossier: %s: cannot write: %s\n", out_path, strerror(errno));
        status = CLI_EXIT_INPUT;
    }
    dossier_db_close(db);
    return status;
}
