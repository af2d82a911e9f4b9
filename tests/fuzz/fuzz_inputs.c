/*
 * fuzz_inputs.c - libFuzzer target over every input path: the first byte of the data picks the
 * format hint (WARC, JSONL, HTML, text or sniffed), the rest is the document. Any crash, leak,
 * hang or sanitizer report is a bug; errors reported through on_error are fine.
 */
#include <dossier.h>

#include <stdint.h>
#include <stdlib.h>

static void ignore_error(void *user, const char *input, dossier_status status, const char *msg)
{
    (void)user, (void)input, (void)status, (void)msg;
}

static int consume(void *user, const dossier_article *a)
{
    char *json;
    size_t n;
    if (dossier_article_to_json(a, &json, &n) == DOSSIER_OK) free(json);
    (void)user;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *hints[] = {NULL, "application/warc", "application/jsonl", "text/html",
                                  "text/plain"};
    if (size == 0) return 0;
    dossier_options opts = {0};
    opts.max_doc_bytes = 1 << 20;
    opts.on_error = ignore_error;
    dossier *d = dossier_new(&opts);
    if (!d) return 0;
    dossier_extract_memory(d, "fuzz", data + 1, size - 1, hints[data[0] % 5], consume, NULL);
    dossier_free(d);
    return 0;
}
