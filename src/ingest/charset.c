/*
 * charset.c - one document body to valid UTF-8. The charset is chosen the way browsers do (the
 * WHATWG Encoding Standard's order and aliases, simplified): a BOM, then the declared charset,
 * then <meta charset> in the first 4 KiB of HTML, then UTF-8 if the bytes validate, else
 * windows-1252. Multi-byte and other single-byte charsets go through glibc iconv.
 */
#include "ingest/ingest_internal.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

/* How a charset is decoded. */
enum { DEC_UTF8, DEC_CP1252, DEC_ICONV };

/* A charset label and how to decode it. */
typedef struct charset_alias {
    const char *label; /* lowercase label as found in headers and <meta> */
    const char *name;  /* canonical lowercase name reported in charset_out */
    const char *iconv; /* glibc iconv name, for DEC_ICONV */
    int how;           /* DEC_* */
} charset_alias;

/* Labels seen on the web. As in browsers, latin1 and ascii mean windows-1252, gb2312 means gbk
 * (decoded as its superset gb18030), shift_jis means windows-31j, euc-kr means windows-949 and
 * iso-8859-9 means windows-1254. */
static const charset_alias aliases[] = {
    {"utf-8", "utf-8", NULL, DEC_UTF8},
    {"utf8", "utf-8", NULL, DEC_UTF8},
    {"unicode-1-1-utf-8", "utf-8", NULL, DEC_UTF8},
    {"windows-1252", "windows-1252", NULL, DEC_CP1252},
    {"cp1252", "windows-1252", NULL, DEC_CP1252},
    {"x-cp1252", "windows-1252", NULL, DEC_CP1252},
    {"iso-8859-1", "windows-1252", NULL, DEC_CP1252},
    {"iso8859-1", "windows-1252", NULL, DEC_CP1252},
    {"iso_8859-1", "windows-1252", NULL, DEC_CP1252},
    {"latin1", "windows-1252", NULL, DEC_CP1252},
    {"latin-1", "windows-1252", NULL, DEC_CP1252},
    {"l1", "windows-1252", NULL, DEC_CP1252},
    {"cp819", "windows-1252", NULL, DEC_CP1252},
    {"ibm819", "windows-1252", NULL, DEC_CP1252},
    {"us-ascii", "windows-1252", NULL, DEC_CP1252},
    {"ascii", "windows-1252", NULL, DEC_CP1252},
    {"ansi_x3.4-1968", "windows-1252", NULL, DEC_CP1252},
    {"iso-8859-2", "iso-8859-2", "ISO-8859-2", DEC_ICONV},
    {"latin2", "iso-8859-2", "ISO-8859-2", DEC_ICONV},
    {"iso-8859-3", "iso-8859-3", "ISO-8859-3", DEC_ICONV},
    {"iso-8859-4", "iso-8859-4", "ISO-8859-4", DEC_ICONV},
    {"iso-8859-5", "iso-8859-5", "ISO-8859-5", DEC_ICONV},
    {"iso-8859-6", "iso-8859-6", "ISO-8859-6", DEC_ICONV},
    {"iso-8859-7", "iso-8859-7", "ISO-8859-7", DEC_ICONV},
    {"iso-8859-8", "iso-8859-8", "ISO-8859-8", DEC_ICONV},
    {"iso-8859-9", "windows-1254", "CP1254", DEC_ICONV},
    {"latin5", "windows-1254", "CP1254", DEC_ICONV},
    {"iso-8859-10", "iso-8859-10", "ISO-8859-10", DEC_ICONV},
    {"iso-8859-13", "iso-8859-13", "ISO-8859-13", DEC_ICONV},
    {"iso-8859-14", "iso-8859-14", "ISO-8859-14", DEC_ICONV},
    {"iso-8859-15", "iso-8859-15", "ISO-8859-15", DEC_ICONV},
    {"latin9", "iso-8859-15", "ISO-8859-15", DEC_ICONV},
    {"iso-8859-16", "iso-8859-16", "ISO-8859-16", DEC_ICONV},
    {"windows-1250", "windows-1250", "CP1250", DEC_ICONV},
    {"cp1250", "windows-1250", "CP1250", DEC_ICONV},
    {"windows-1251", "windows-1251", "CP1251", DEC_ICONV},
    {"cp1251", "windows-1251", "CP1251", DEC_ICONV},
    {"windows-1253", "windows-1253", "CP1253", DEC_ICONV},
    {"cp1253", "windows-1253", "CP1253", DEC_ICONV},
    {"windows-1254", "windows-1254", "CP1254", DEC_ICONV},
    {"cp1254", "windows-1254", "CP1254", DEC_ICONV},
    {"windows-1255", "windows-1255", "CP1255", DEC_ICONV},
    {"cp1255", "windows-1255", "CP1255", DEC_ICONV},
    {"windows-1256", "windows-1256", "CP1256", DEC_ICONV},
    {"cp1256", "windows-1256", "CP1256", DEC_ICONV},
    {"windows-1257", "windows-1257", "CP1257", DEC_ICONV},
    {"cp1257", "windows-1257", "CP1257", DEC_ICONV},
    {"windows-1258", "windows-1258", "CP1258", DEC_ICONV},
    {"cp1258", "windows-1258", "CP1258", DEC_ICONV},
    {"windows-874", "windows-874", "CP874", DEC_ICONV},
    {"tis-620", "windows-874", "CP874", DEC_ICONV},
    {"koi8-r", "koi8-r", "KOI8-R", DEC_ICONV},
    {"koi8-u", "koi8-u", "KOI8-U", DEC_ICONV},
    {"ibm866", "ibm866", "CP866", DEC_ICONV},
    {"cp866", "ibm866", "CP866", DEC_ICONV},
    {"macintosh", "macintosh", "MACINTOSH", DEC_ICONV},
    {"x-mac-roman", "macintosh", "MACINTOSH", DEC_ICONV},
    {"shift_jis", "shift_jis", "CP932", DEC_ICONV},
    {"shift-jis", "shift_jis", "CP932", DEC_ICONV},
    {"sjis", "shift_jis", "CP932", DEC_ICONV},
    {"x-sjis", "shift_jis", "CP932", DEC_ICONV},
    {"ms_kanji", "shift_jis", "CP932", DEC_ICONV},
    {"windows-31j", "shift_jis", "CP932", DEC_ICONV},
    {"euc-jp", "euc-jp", "EUC-JP", DEC_ICONV},
    {"iso-2022-jp", "iso-2022-jp", "ISO-2022-JP", DEC_ICONV},
    {"gb2312", "gbk", "GB18030", DEC_ICONV},
    {"gbk", "gbk", "GB18030", DEC_ICONV},
    {"x-gbk", "gbk", "GB18030", DEC_ICONV},
    {"cp936", "gbk", "GB18030", DEC_ICONV},
    {"gb18030", "gb18030", "GB18030", DEC_ICONV},
    {"big5", "big5", "BIG5-HKSCS", DEC_ICONV},
    {"big5-hkscs", "big5", "BIG5-HKSCS", DEC_ICONV},
    {"euc-kr", "euc-kr", "CP949", DEC_ICONV},
    {"ks_c_5601-1987", "euc-kr", "CP949", DEC_ICONV},
    {"windows-949", "euc-kr", "CP949", DEC_ICONV},
    {"utf-16", "utf-16le", "UTF-16LE", DEC_ICONV}, /* no BOM: little-endian, as browsers do */
    {"utf-16le", "utf-16le", "UTF-16LE", DEC_ICONV},
    {"utf-16be", "utf-16be", "UTF-16BE", DEC_ICONV},
};

/* Finds a label (trimmed, quotes dropped, any case) in the table; NULL when unknown. */
static const charset_alias *find_alias(const char *s, size_t n)
{
    while (n && (isspace((unsigned char)*s) || *s == '"' || *s == '\'')) s++, n--;
    while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '"' || s[n - 1] == '\'')) n--;
    if (n == 0 || n > 40) return NULL;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strlen(aliases[i].label) == n && strncasecmp(aliases[i].label, s, n) == 0)
            return &aliases[i];
    return NULL;
}

/* The charset named in the first 4 KiB of an HTML page: <meta charset="x"> or
 * <meta http-equiv="Content-Type" content="text/html; charset=x">. NULL when none is known. */
static const charset_alias *meta_charset(const char *data, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 5 <= n; i++) {
        if (data[i] != '<' || strncasecmp(data + i + 1, "meta", 4) != 0) continue;
        /* The tag runs to the next '>' (inside the window). */
        const char *tag = data + i + 5;
        const char *gt = memchr(tag, '>', n - i - 5);
        size_t tlen = gt ? (size_t)(gt - tag) : n - i - 5;
        for (size_t j = 0; j + 7 <= tlen; j++) {
            if (strncasecmp(tag + j, "charset", 7) != 0) continue;
            size_t k = j + 7;
            while (k < tlen && isspace((unsigned char)tag[k])) k++;
            if (k >= tlen || tag[k] != '=') continue;
            k++;
            while (k < tlen && (isspace((unsigned char)tag[k]) || tag[k] == '"' || tag[k] == '\''))
                k++;
            size_t v = k;
            while (k < tlen && (isalnum((unsigned char)tag[k]) || strchr("-_.:", tag[k]))) k++;
            const charset_alias *a = find_alias(tag + v, k - v);
            /* A page that reached us as bytes and calls itself UTF-16 is really ASCII-based
             * (the meta tag was readable); browsers read it as UTF-8 then. */
            if (a && strncmp(a->name, "utf-16", 6) == 0) a = &aliases[0];
            if (a) return a;
        }
        i += tlen;
    }
    return NULL;
}

/* Converts with iconv, replacing undecodable bytes by U+FFFD. Returns -1 if iconv does not
 * know the charset (the caller falls back), else the status. */
static int convert_iconv(const char *from, const char *data, size_t len, dbuf *out,
                         dossier_status *rc)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return -1;
    static const char repl[3] = {(char)0xEF, (char)0xBF, (char)0xBD};
    /* Multi-byte charsets skip a whole unit on a bad sequence; 2 for UTF-16, else 1. */
    size_t unit = strncmp(from, "UTF-16", 6) == 0 ? 2 : 1;
    char chunk[16384];
    char *in = (char *)(uintptr_t)data;
    size_t left = len;
    *rc = DOSSIER_OK;
    while (left > 0 && *rc == DOSSIER_OK) {
        char *o = chunk;
        size_t room = sizeof chunk;
        size_t r = iconv(cd, &in, &left, &o, &room);
        int e = r == (size_t)-1 ? errno : 0;
        /* iconv writes whole characters only, so each chunk is complete UTF-8; sanitising it
         * still drops NULs and catches anything odd. */
        *rc = utf8_append_sanitized(out, chunk, (size_t)(o - chunk));
        if (*rc || e == 0 || e == E2BIG) continue;
        if (e == EILSEQ || e == EINVAL) {
            size_t skip = left < unit ? left : unit;
            if (e == EINVAL) skip = left; /* cut off at the end */
            in += skip;
            left -= skip;
            *rc = dbuf_append(out, repl, 3);
        } else {
            break;
        }
    }
    iconv_close(cd);
    return 0;
}

static dossier_status decode_as(const charset_alias *a, const char *data, size_t len, dbuf *out,
                                const char **charset_out, int *unknown)
{
    dossier_status rc = DOSSIER_OK;
    *unknown = 0;
    if (a->how == DEC_UTF8) {
        *charset_out = "utf-8";
        return utf8_append_sanitized(out, data, len);
    }
    if (a->how == DEC_CP1252) {
        *charset_out = "windows-1252";
        return cp1252_append_utf8(out, data, len);
    }
    size_t mark = out->len;
    if (convert_iconv(a->iconv, data, len, out, &rc) < 0) {
        *unknown = 1;
        return DOSSIER_OK;
    }
    if (rc) {
        out->len = mark;
        if (out->ptr) out->ptr[mark] = '\0';
        return rc;
    }
    *charset_out = a->name;
    return DOSSIER_OK;
}

dossier_status ingest_to_utf8(const char *data, size_t len, const char *declared, int is_html,
                              dbuf *out, const char **charset_out)
{
    const unsigned char *u = (const unsigned char *)data;
    const charset_alias *a = NULL;
    int unknown = 0;
    dossier_status rc;
    if (!data) len = 0, data = "";
    /* 1. A byte-order mark. */
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        *charset_out = "utf-8";
        return utf8_append_sanitized(out, data + 3, len - 3);
    }
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        a = find_alias(u[0] == 0xFF ? "utf-16le" : "utf-16be", 8);
        rc = decode_as(a, data + 2, len - 2, out, charset_out, &unknown);
        if (!unknown) return rc;
    }
    /* 2. The declared charset; 3. <meta charset> in HTML. */
    a = declared ? find_alias(declared, strlen(declared)) : NULL;
    if (!a && is_html) a = meta_charset(data, len);
    if (a) {
        rc = decode_as(a, data, len, out, charset_out, &unknown);
        if (!unknown) return rc;
    }
    /* 4. UTF-8 when the bytes say so, 5. else windows-1252, the web's old default. */
    if (utf8_validate(data, len) == len) {
        *charset_out = "utf-8";
        return utf8_append_sanitized(out, data, len);
    }
    *charset_out = "windows-1252";
    return cp1252_append_utf8(out, data, len);
}
