/* parse_floor.c - libxml2 HTML parse alone, the floor under any libxml2-based extractor.
 * usage: parse_floor FILE...   reads each file, htmlReadMemory()s it (recover, no network, no
 * messages), frees the tree. Prints "files N bytes B loop_seconds S" (read + parse + free, loop only).
 * Built by bench/extraction/html_run.sh in a scratch folder: cc -O2 parse_floor.c $(pkg-config --cflags --libs libxml-2.0)
 */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

int main(int argc, char **argv)
{
    struct timespec a, b;
    long long total = 0;
    int n = 0;
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, quiet);
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); continue; }
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc(len > 0 ? (size_t)len : 1);
        if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) { fclose(f); free(buf); continue; }
        fclose(f);
        htmlDocPtr doc = htmlReadMemory(buf, (int)len, argv[i], NULL,
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
        if (doc) xmlFreeDoc(doc);
        free(buf);
        total += len;
        n++;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("files %d bytes %lld loop_seconds %.6f\n", n, total,
           (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9);
    xmlCleanupParser();
    return 0;
}
