/*
 * main.c - the `dossier` command. A client of the public library API (include/dossier.h) like
 * any other: it parses options, calls dossier_extract_path for each input and prints. The
 * database commands live in cmd_store.c.
 * Exit status: 0 all inputs read, 1 some input failed, 2 usage error.
 */
#include <dossier.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define EXIT_INPUT CLI_EXIT_INPUT
#define EXIT_USAGE CLI_EXIT_USAGE

/* Options shared by the article commands. */
typedef struct cli_opts {
    int text_only;    /* --text: print clean text instead of JSON */
    int drop_teasers; /* --drop-teasers */
    int quiet;        /* --quiet: no per-input error lines */
    size_t max_doc;   /* --max-doc-bytes */
    long n_articles;  /* articles printed so far */
    long n_errors;    /* inputs that failed */
    int table;        /* the `articles` command: a table */
    int jobs;         /* --jobs: worker threads */
    int plain;        /* --plain: inputs are clean text, one article each */
    int quotes;       /* the `quotes` command: one row (or JSON line) per quote */
    int json;         /* --json with `quotes` */
    int no_annotate;  /* --no-annotate: extraction only (sentences, entities, quotes empty) */
} cli_opts;

static const char *usage_main =
    "usage: dossier COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "dossier finds the articles in raw news coverage (HTML pages, WARC files, JSONL records,\n"
    "plain-text captures) and describes who said what, how each outlet told it.\n"
    "\n"
    "commands:\n"
    "  extract PATH...|-    one JSON line per article (schema 1), no database\n"
    "  articles PATH...|-   a table of the articles found: source, index, date, site, title\n"
    "  quotes PATH...|-     who said what: speaker, cue and quote of every quotation found\n"
    "  ingest PATH...|-     store the articles in the database (default ./dossier.db)\n"
    "  search QUERY         full-text search over the stored articles and quotes\n"
    "  export --format F    the stored articles, quotes or entities as jsonl, csv or tsv\n"
    "  compare PATH...      the inputs as one story: quote groups, coverage, framing per outlet\n"
    "  stories              the stories: articles of all outlets about one happening\n"
    "  show STORY           a story's dossier: quote groups, coverage, framing, timeline\n"
    "  report STORY -o F    the same as one self-contained HTML file\n"
    "  version              print the version\n"
    "\n"
    "Run `dossier COMMAND --help` for a command's options.\n";

static const char *usage_extract =
    "usage: dossier extract [OPTIONS] PATH...|-\n"
    "\n"
    "Reads each PATH (file, folder read recursively, or - for standard input) and prints one\n"
    "JSON object per article found, one per line (the JSONL contract of docs/data-model.md).\n"
    "Inputs may be HTML pages, plain-text captures, JSONL records ({\"url\",\"html\"|\"text\",\n"
    "\"site\",\"published\"}) or WARC files (.warc, .warc.gz). A failing input is reported on\n"
    "stderr and the others are still read.\n"
    "\n"
    "options:\n"
    "  -t, --text              print the clean text of each article instead of JSON\n"
    "      --plain             take each input as clean text, one article, its bytes kept as\n"
    "                          they are (offsets are offsets into the file)\n"
    "      --drop-teasers      leave out teasers (headline + paragraph + \"keep reading\")\n"
    "      --no-annotate       extraction only: sentences, entities and quotes left empty\n"
    "      --max-doc-bytes N   largest document, record or line to read (default 64 MiB)\n"
    "  -j, --jobs N            worker threads (default: one per CPU); output order is the\n"
    "                          input order whatever N is\n"
    "  -q, --quiet             do not print per-input errors (exit status still tells)\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 all inputs read, 1 some input failed, 2 usage error\n";

static const char *usage_articles =
    "usage: dossier articles [OPTIONS] PATH...|-\n"
    "\n"
    "Like `dossier extract`, but prints a table: source, index, published, site, words, title.\n"
    "Teasers are marked with a * after their index.\n"
    "\n"
    "options:\n"
    "      --json              print JSON lines (same as `dossier extract`)\n"
    "      --drop-teasers      leave out teasers\n"
    "      --max-doc-bytes N   largest document, record or line to read (default 64 MiB)\n"
    "  -j, --jobs N            worker threads (default: one per CPU)\n"
    "  -q, --quiet             do not print per-input errors\n"
    "  -h, --help              this help\n";

static const char *usage_quotes =
    "usage: dossier quotes [OPTIONS] PATH...|-\n"
    "\n"
    "Finds the articles in each PATH like `dossier extract` and prints every quotation and\n"
    "reported statement: speaker, cue, kind (direct, partial, indirect) and the words.\n"
    "\n"
    "options:\n"
    "      --json              one JSON object per quote: source, index, article id, kind,\n"
    "                          text, start, end (bytes in the article text), cue, speaker\n"
    "      --plain             take each input as clean text, one article each\n"
    "      --drop-teasers      leave out teasers\n"
    "  -j, --jobs N            worker threads (default: one per CPU)\n"
    "  -q, --quiet             do not print per-input errors\n"
    "  -h, --help              this help\n";

static void on_error(void *user, const char *input, dossier_status status, const char *message)
{
    cli_opts *o = user;
    o->n_errors++;
    if (!o->quiet) fprintf(stderr, "dossier: %s: %s\n", input, message);
    (void)status;
}

/* Words of s[0..n): runs between spaces, and in Chinese and Japanese (no spaces) one word per
 * two characters (a UTF-8 lead byte E3-E9 starts one of U+3000-U+9FFF). */
static size_t count_words(const char *s, size_t n)
{
    size_t words = 0, han = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        if (!sp && !in) words++;
        in = !sp;
        han += (unsigned char)s[i] >= 0xE3 && (unsigned char)s[i] <= 0xE9;
    }
    return words + han / 2;
}

/* Writes s[0..n) on one line: newlines and tabs become spaces. */
static void put_flat(const char *s, size_t n, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (max && k >= max && (c & 0xC0) != 0x80) {
            fputs("...", stdout);
            return;
        }
        putchar(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
        if ((c & 0xC0) != 0x80) k++;
    }
}

/* Writes s[0..n) flattened into a column `width` characters wide, then a space. */
static void put_cell(const char *s, size_t n, size_t width)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++) chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (chars > width) {
        put_flat(s, n, width - 3);
        chars = width;
    } else {
        put_flat(s, n, 0);
    }
    for (; chars < width; chars++) putchar(' ');
    putchar(' ');
}

/* Writes s[0..n) escaped for the inside of a JSON string. */
static void put_json_inner(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c == '\n') fputs("\\n", stdout);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
}

/* Writes s[0..n) as a JSON string. */
static void put_json_str(const char *s, size_t n)
{
    putchar('"');
    put_json_inner(s, n);
    putchar('"');
}

static void print_quotes(cli_opts *o, const dossier_article *a)
{
    size_t n;
    const char *text = dossier_article_text(a, &n);
    for (size_t i = 0; i < dossier_article_quote_count(a); i++) {
        dossier_quote q;
        if (dossier_article_quote(a, i, &q) != DOSSIER_OK) break;
        const char *who = q.speaker;
        size_t who_len = who ? strlen(who) : 0;
        if (!who && q.speaker_end > q.speaker_start) {
            who = text + q.speaker_start;
            who_len = q.speaker_end - q.speaker_start;
        }
        if (o->json) {
            printf("{\"source\":");
            put_json_str(dossier_article_source(a), strlen(dossier_article_source(a)));
            printf(",\"index\":%d,\"article\":\"%s\",\"kind\":\"%s\",\"text\":",
                   dossier_article_index(a), dossier_article_id(a), q.kind);
            if (q.n_segments) {
                /* The pieces of a split quotation as one string, joined by a space. */
                putchar('"');
                for (size_t k = 0; k < q.n_segments; k++) {
                    size_t ss, se;
                    dossier_article_quote_segment(a, i, k, &ss, &se);
                    if (k) putchar(' ');
                    put_json_inner(text + ss, se - ss);
                }
                putchar('"');
            } else {
                put_json_str(text + q.start, q.end - q.start);
            }
            printf(",\"start\":%zu,\"end\":%zu,\"cue\":", q.start, q.end);
            if (q.cue_end > q.cue_start) put_json_str(text + q.cue_start, q.cue_end - q.cue_start);
            else fputs("null", stdout);
            fputs(",\"speaker\":", stdout);
            if (who) put_json_str(who, who_len);
            else fputs("null", stdout);
            printf(",\"speaker_start\":%zu,\"speaker_end\":%zu}\n", q.speaker_start,
                   q.speaker_end);
            continue;
        }
        put_cell(who ? who : "-", who ? who_len : 1, 24);
        put_cell(q.cue_end > q.cue_start ? text + q.cue_start : "-",
                 q.cue_end > q.cue_start ? q.cue_end - q.cue_start : 1, 16);
        put_cell(q.kind, strlen(q.kind), 8);
        if (q.n_segments) {
            for (size_t k = 0; k < q.n_segments; k++) {
                size_t ss, se;
                dossier_article_quote_segment(a, i, k, &ss, &se);
                if (k) fputs(" / ", stdout);
                put_flat(text + ss, se - ss, 100);
            }
        } else {
            put_flat(text + q.start, q.end - q.start, 160);
        }
        putchar('\n');
    }
}

static int print_article(void *user, const dossier_article *a)
{
    cli_opts *o = user;
    o->n_articles++;
    if (o->quotes) {
        print_quotes(o, a);
    } else if (o->text_only) {
        size_t n;
        const char *text = dossier_article_text(a, &n);
        const char *title = dossier_article_title(a);
        printf("==> %s [%d]%s\n", dossier_article_source(a), dossier_article_index(a),
               dossier_article_is_teaser(a) ? " (teaser)" : "");
        if (title) printf("# %s\n\n", title);
        fwrite(text, 1, n, stdout);
        fputs("\n\n", stdout);
    } else if (o->table) {
        size_t n;
        const char *text = dossier_article_text(a, &n);
        const char *pub = dossier_article_published(a);
        const char *site = dossier_article_site(a);
        const char *title = dossier_article_title(a);
        const char *src = dossier_article_source(a);
        const char *slash = strrchr(src, '/');
        printf("%-28.28s %2d%c %-16.16s %-22.22s %5zu  %s\n", slash ? slash + 1 : src,
               dossier_article_index(a), dossier_article_is_teaser(a) ? '*' : ' ',
               pub ? pub : "-", site ? site : "-", count_words(text, n),
               title ? title : "(no title)");
    } else {
        char *json;
        size_t n;
        if (dossier_article_to_json(a, &json, &n) != DOSSIER_OK) {
            fprintf(stderr, "dossier: out of memory writing %s\n", dossier_article_source(a));
            return 1;
        }
        fwrite(json, 1, n, stdout);
        fputc('\n', stdout);
        free(json);
    }
    return ferror(stdout) ? 1 : 0;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || v == 0) return -1;
    if (*end == 'k' || *end == 'K') v <<= 10, end++;
    else if (*end == 'm' || *end == 'M') v <<= 20, end++;
    else if (*end == 'g' || *end == 'G') v <<= 30, end++;
    if (*end) return -1;
    *out = (size_t)v;
    return 0;
}

/* mode: 0 extract, 1 articles (table), 2 quotes */
static int cmd_articles(int argc, char **argv, int mode)
{
    int table = mode == 1;
    enum { OPT_DROP = 256, OPT_MAX, OPT_JSON, OPT_PLAIN, OPT_NO_ANNOTATE };
    static const struct option longopts[] = {{"text", no_argument, NULL, 't'},
                                             {"drop-teasers", no_argument, NULL, OPT_DROP},
                                             {"max-doc-bytes", required_argument, NULL, OPT_MAX},
                                             {"json", no_argument, NULL, OPT_JSON},
                                             {"plain", no_argument, NULL, OPT_PLAIN},
                                             {"no-annotate", no_argument, NULL, OPT_NO_ANNOTATE},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *usage = mode == 2 ? usage_quotes : table ? usage_articles : usage_extract;
    cli_opts o = {0};
    o.table = table;
    o.quotes = mode == 2;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, table ? "qhj:" : "tqhj:", longopts, NULL)) != -1) {
        switch (c) {
        case 't': o.text_only = 1; break;
        case 'q': o.quiet = 1; break;
        case 'j': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 256) {
                fprintf(stderr, "dossier: --jobs: want a number from 1 to 256: %s\n", optarg);
                return EXIT_USAGE;
            }
            o.jobs = (int)v;
            break;
        }
        case OPT_DROP: o.drop_teasers = 1; break;
        case OPT_JSON: o.table = 0, o.json = 1; break;
        case OPT_PLAIN: o.plain = 1; break;
        case OPT_NO_ANNOTATE: o.no_annotate = 1; break;
        case OPT_MAX:
            if (parse_size(optarg, &o.max_doc)) {
                fprintf(stderr, "dossier: --max-doc-bytes: not a size: %s\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "dossier: no input given (a path, a folder, or - for stdin)\n%s", usage);
        return EXIT_USAGE;
    }
    dossier_options opts = {0};
    opts.max_doc_bytes = o.max_doc;
    opts.on_error = on_error;
    opts.user = &o;
    opts.drop_teasers = o.drop_teasers;
    opts.plain = o.plain;
    /* Only extraction is needed for clean text or a table of articles. */
    opts.no_annotate = o.text_only || o.table || o.no_annotate;
    if (!o.jobs) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        o.jobs = cpus > 1 ? (int)(cpus < 64 ? cpus : 64) : 1;
    }
    opts.threads = o.jobs;
    dossier *d = dossier_new(&opts);
    if (!d) {
        fputs("dossier: out of memory\n", stderr);
        return EXIT_INPUT;
    }
    if (o.quotes && !o.json)
        printf("%-24s %-16s %-8s %s\n", "SPEAKER", "CUE", "KIND", "QUOTE");
    if (o.table)
        printf("%-28s %-3s %-16s %-22s %5s  %s\n", "SOURCE", "#", "PUBLISHED", "SITE", "WORDS",
               "TITLE");
    int failed = 0;
    for (int i = optind; i < argc; i++) {
        dossier_status rc = dossier_extract_path(d, argv[i], print_article, &o);
        if (rc == DOSSIER_ERR_STOPPED) {
            fprintf(stderr, "dossier: cannot write output: %s\n", strerror(errno));
            failed = 1;
            break;
        }
        if (rc != DOSSIER_OK) failed = 1;
    }
    if (o.table) {
        fflush(stdout); /* the summary follows the table, not before it */
        fprintf(stderr, "dossier: %ld article%s, %ld input error%s\n", o.n_articles,
                o.n_articles == 1 ? "" : "s", o.n_errors, o.n_errors == 1 ? "" : "s");
    }
    dossier_free(d);
    if (fflush(stdout) != 0) failed = 1;
    return failed ? EXIT_INPUT : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_main, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage_main, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("dossier %s\n", dossier_version());
        return 0;
    }
    if (!strcmp(cmd, "extract")) return cmd_articles(argc - 1, argv + 1, 0);
    if (!strcmp(cmd, "articles")) return cmd_articles(argc - 1, argv + 1, 1);
    if (!strcmp(cmd, "quotes")) return cmd_articles(argc - 1, argv + 1, 2);
    if (!strcmp(cmd, "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "search")) return cmd_search(argc - 1, argv + 1);
    if (!strcmp(cmd, "export")) return cmd_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "compare")) return cmd_compare(argc - 1, argv + 1);
    if (!strcmp(cmd, "stories")) return cmd_stories(argc - 1, argv + 1);
    if (!strcmp(cmd, "show")) return cmd_show(argc - 1, argv + 1);
    if (!strcmp(cmd, "report")) return cmd_report(argc - 1, argv + 1);
    fprintf(stderr, "dossier: unknown command '%s'\n%s", cmd, usage_main);
    return EXIT_USAGE;
}
