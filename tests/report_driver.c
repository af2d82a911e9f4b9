/*
 * report_driver.c - writes the HTML report of the test fixture story (tests/report_fixture.h:
 * three outlets, one of them a hostile page) to a file, for tests/report_browser_test.sh to
 * open in headless Chromium. A test helper, not installed.
 *
 *   report_driver OUT.html
 */
#include "report/report_html.h"
#include "report_fixture.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: report_driver OUT.html\n");
        return 2;
    }
    fixture *f = malloc(sizeof *f);
    if (!f) return 1;
    fixture_init(f);
    dbuf b;
    dbuf_init(&b, 0);
    dossier_status rc = report_html(f->sarts, FIX_N, &f->c, "River bridge vote", &b);
    int ret = 0;
    if (rc != DOSSIER_OK) {
        fprintf(stderr, "report_driver: report_html failed (%d)\n", (int)rc);
        ret = 1;
    } else {
        FILE *fp = fopen(argv[1], "wb");
        if (!fp || fwrite(b.ptr, 1, b.len, fp) != b.len || fclose(fp) != 0) {
            fprintf(stderr, "report_driver: cannot write %s\n", argv[1]);
            ret = 1;
        }
    }
    dbuf_release(&b);
    free(f);
    return ret;
}
