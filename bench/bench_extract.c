/*
 * bench_extract.c - extraction throughput on one core: loads the given files into memory, then
 * extracts every one of them REPEAT times per run, RUNS times, and reports the median run as
 * MB/s and articles/s, with peak memory (ru_maxrss) and, for scale, the speed of a bare pass that
 * only splits the same bytes into lines (the floor any line classifier pays).
 *
 * --plain takes each file as clean text (dossier_options.plain). Then the same passes run once
 * more without annotation (no_annotate), and the difference is the cost of sentences + entities
 * + quotes alone, reported as MB/s of clean text (issue 4's throughput target).
 *
 *   bench_extract [--runs R] [--repeat N] [--label NAME] [--plain] FILE...
 */
#include <dossier.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct input {
    const char *path; /* file name */
    char *data;       /* its bytes */
    size_t len;       /* byte count */
    const char *hint; /* content type by extension */
} input;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int count_article(void *user, const dossier_article *a)
{
    (void)a;
    (*(long *)user)++;
    return 0;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static const char *hint_for(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot) return "text/plain";
    if (!strcmp(dot, ".html") || !strcmp(dot, ".htm")) return "text/html";
    if (!strcmp(dot, ".gz") || !strcmp(dot, ".warc")) return "application/warc";
    if (!strcmp(dot, ".jsonl")) return "application/jsonl";
    return "text/plain";
}

int main(int argc, char **argv)
{
    int runs = 5, repeat = 200, plain = 0;
    const char *label = "corpus";
    input *in = calloc((size_t)argc, sizeof *in);
    int n = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--label") && i + 1 < argc) label = argv[++i];
        else if (!strcmp(argv[i], "--plain")) plain = 1;
        else {
            FILE *f = fopen(argv[i], "rb");
            if (!f) {
                fprintf(stderr, "bench_extract: cannot open %s\n", argv[i]);
                return 1;
            }
            fseek(f, 0, SEEK_END);
            long sz = ftell(f);
            fseek(f, 0, SEEK_SET);
            in[n].path = argv[i];
            in[n].data = malloc((size_t)sz + 1);
            in[n].len = fread(in[n].data, 1, (size_t)sz, f);
            in[n].hint = hint_for(argv[i]);
            fclose(f);
            n++;
        }
    }
    if (n == 0 || runs < 1 || repeat < 1) {
        fprintf(stderr,
                "usage: bench_extract [--runs R] [--repeat N] [--label L] [--plain] FILE...\n");
        return 2;
    }
    size_t bytes = 0;
    for (int i = 0; i < n; i++) bytes += in[i].len;

    dossier_options o = {0}, bare = {0};
    o.plain = bare.plain = plain;
    bare.no_annotate = 1;
    dossier *d = dossier_new(&o), *d_bare = plain ? dossier_new(&bare) : NULL;
    double *secs = calloc((size_t)runs, sizeof *secs), *base = calloc((size_t)runs, sizeof *base);
    double *nolayer = calloc((size_t)runs, sizeof *nolayer);
    long articles = 0;
    volatile size_t sink = 0;
    for (int r = 0; r < runs; r++) {
        long count = 0;
        double t0 = now();
        for (int k = 0; k < repeat; k++)
            for (int i = 0; i < n; i++)
                dossier_extract_memory(d, in[i].path, in[i].data, in[i].len, in[i].hint,
                                       count_article, &count);
        secs[r] = now() - t0;
        articles = count / repeat;
        if (d_bare) { /* the same without sentences, entities and quotes */
            long c2 = 0;
            t0 = now();
            for (int k = 0; k < repeat; k++)
                for (int i = 0; i < n; i++)
                    dossier_extract_memory(d_bare, in[i].path, in[i].data, in[i].len,
                                           in[i].hint, count_article, &c2);
            nolayer[r] = now() - t0;
        }
        /* The floor: find every line end in the same bytes. */
        t0 = now();
        for (int k = 0; k < repeat; k++)
            for (int i = 0; i < n; i++) {
                const char *p = in[i].data, *end = p + in[i].len;
                while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) p++, sink++;
            }
        base[r] = now() - t0;
    }
    qsort(secs, (size_t)runs, sizeof *secs, cmp_double);
    qsort(nolayer, (size_t)runs, sizeof *nolayer, cmp_double);
    qsort(base, (size_t)runs, sizeof *base, cmp_double);
    double med = secs[runs / 2], bmed = base[runs / 2];
    double mb = (double)bytes * repeat / 1e6;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%s: %d files, %.1f KB, %ld articles per pass; median of %d runs x %d passes\n", label,
           n, (double)bytes / 1e3, articles, runs, repeat);
    printf("  dossier extract: %8.1f MB/s  %9.0f articles/s  %7.3f ms/file\n", mb / med,
           (double)articles * repeat / med, med * 1e3 / ((double)n * repeat));
    printf("  line-split floor: %7.1f MB/s  (dossier takes %.1fx the floor's time)\n",
           mb / (bmed > 0 ? bmed : 1e-9), med / (bmed > 0 ? bmed : 1e-9));
    if (d_bare) {
        double ann = med - nolayer[runs / 2];
        printf("  without annotation: %6.1f MB/s; sentences + entities + quotes alone: %.1f MB/s"
               " (%.0f%% of the time)\n",
               mb / nolayer[runs / 2], ann > 0 ? mb / ann : 0, 100.0 * ann / med);
    }
    printf("  peak memory (max RSS): %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    dossier_free(d);
    dossier_free(d_bare);
    free(nolayer);
    for (int i = 0; i < n; i++) free(in[i].data);
    free(in), free(secs), free(base);
    return 0;
}
