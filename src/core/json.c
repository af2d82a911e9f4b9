/*
 * json.c - writing JSON strings. Input is valid UTF-8 (ingest guarantees it); quotes,
 * backslashes and control bytes are escaped, and U+2028/U+2029 too, so a line of output is
 * always one JSONL record and safe to embed in a <script>.
 */
#include "core/core.h"

#include <string.h>

dossier_status json_put_str(dbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    dossier_status rc = dbuf_reserve(b, n + 2);
    if (rc) return rc;
    if ((rc = dbuf_putc(b, '"'))) return rc;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char tmp[8];
        if (c == '"') {
            esc = "\\\"";
        } else if (c == '\\') {
            esc = "\\\\";
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\t') {
            esc = "\\t";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c < 0x20 || c == 0x7F) {
            tmp[0] = '\\', tmp[1] = 'u', tmp[2] = '0', tmp[3] = '0';
            tmp[4] = hex[c >> 4], tmp[5] = hex[c & 15], tmp[6] = 0;
            esc = tmp;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            if ((rc = dbuf_append(b, s + run, i - run))) return rc;
            if ((rc = dbuf_puts(b, esc))) return rc;
            i += 2;
            run = i + 1;
            continue;
        }
        if (!esc) continue;
        if ((rc = dbuf_append(b, s + run, i - run))) return rc;
        if ((rc = dbuf_puts(b, esc))) return rc;
        run = i + 1;
    }
    if ((rc = dbuf_append(b, s + run, n - run))) return rc;
    return dbuf_putc(b, '"');
}

dossier_status json_put_cstr_or_null(dbuf *b, const char *z)
{
    return z ? json_put_str(b, z, strlen(z)) : dbuf_puts(b, "null");
}
