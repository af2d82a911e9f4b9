/*
 * test_core.c - the ground floor: arena caps and alignment, dbuf caps, UTF-8 decoding edge cases,
 * sanitising, windows-1252, JSON escaping, slices and hashing.
 */
#include "check.h"
#include "core/core.h"

#include <stdint.h>
#include <stdlib.h>

static void test_arena(void)
{
    arena *a = arena_new(1 << 20);
    CHECK(a != NULL);
    char *p = arena_alloc(a, 3), *q = arena_alloc(a, 5);
    CHECK(p && q && p != q);
    CHECK(((uintptr_t)q % 16) == 0);
    /* Many allocations across blocks stay valid and distinct. */
    int **ptrs = malloc(1000 * sizeof *ptrs);
    for (int i = 0; i < 1000; i++) {
        ptrs[i] = arena_alloc(a, 200);
        if (ptrs[i]) *ptrs[i] = i;
    }
    int ok = 1;
    for (int i = 0; i < 1000; i++) ok &= ptrs[i] && *ptrs[i] == i;
    CHECK(ok);
    free(ptrs);
    /* The cap turns a runaway request into NULL, not growth. */
    CHECK(arena_alloc(a, 2 << 20) == NULL);
    CHECK(arena_calloc(a, SIZE_MAX / 2, 4) == NULL);
    CHECK_STR(arena_strndup(a, "hello world", 5), "hello");
    CHECK_STR(arena_printf(a, "%d-%s", 7, "x"), "7-x");
    arena_reset(a);
    CHECK_INT(arena_used(a), 0);
    CHECK(arena_alloc(a, 100) != NULL);
    arena_free(a);
}

static void test_dbuf(void)
{
    dbuf b;
    dbuf_init(&b, 10);
    CHECK_INT(dbuf_append(&b, "12345", 5), DOSSIER_OK);
    CHECK_INT(dbuf_append(&b, "67890", 5), DOSSIER_OK);
    CHECK_INT(dbuf_append(&b, "x", 1), DOSSIER_ERR_TOO_LARGE);
    CHECK_INT(b.len, 10);
    CHECK_STR(b.ptr, "1234567890");
    dbuf_reset(&b);
    CHECK_INT(dbuf_printf(&b, "%s", "abcdefghijk"), DOSSIER_ERR_TOO_LARGE);
    CHECK_INT(dbuf_printf(&b, "%d", 42), DOSSIER_OK);
    size_t n;
    char *s = dbuf_detach(&b, &n);
    CHECK_STR(s, "42");
    CHECK_INT(n, 2);
    free(s);
    CHECK(b.ptr == NULL);
    dbuf_release(&b);
}

static void test_utf8(void)
{
    uint32_t cp;
    CHECK_INT(utf8_decode("\xE2\x80\x9C", 3, &cp), 3);
    CHECK_INT(cp, 0x201C);
    CHECK_INT(utf8_decode("\xC0\xAF", 2, &cp), 0);         /* overlong */
    CHECK_INT(utf8_decode("\xED\xA0\x80", 3, &cp), 0);     /* surrogate */
    CHECK_INT(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
    CHECK_INT(utf8_decode("\xE2\x80", 2, &cp), 0);         /* truncated */
    CHECK_INT(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
    char enc[4];
    CHECK_INT(utf8_encode(0x1F600, enc), 4);
    CHECK_INT(utf8_encode(0xD800, enc), 3); /* surrogate becomes U+FFFD */
    CHECK_INT(utf8_validate("plain ascii text, long enough for the fast path", 47), 47);
    CHECK_INT(utf8_validate("abc\xFF", 4), 3);

    dbuf b;
    dbuf_init(&b, 0);
    CHECK_INT(utf8_append_sanitized(&b, "a\xFF" "b\0c\xE2\x80\x9D", 8), DOSSIER_OK);
    CHECK_STR(b.ptr, "a\xEF\xBF\xBD" "bc\xE2\x80\x9D");
    CHECK_INT(utf8_validate(b.ptr, b.len), b.len);
    dbuf_reset(&b);
    CHECK_INT(cp1252_append_utf8(&b, "\x93quoted\x94 \x80 caf\xE9", 15), DOSSIER_OK);
    CHECK_STR(b.ptr, "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC caf\xC3\xA9");
    dbuf_release(&b);
    CHECK(utf8_is_space(0xA0));
    CHECK(utf8_is_space(0x2009));
    CHECK(!utf8_is_space('x'));
}

static void test_json(void)
{
    dbuf b;
    dbuf_init(&b, 0);
    CHECK_INT(json_put_str(&b, "a\"b\\c\nd\x01\xE2\x80\xA8", 11), DOSSIER_OK);
    CHECK_STR(b.ptr, "\"a\\\"b\\\\c\\nd\\u0001\\u2028\"");
    dbuf_reset(&b);
    CHECK_INT(json_put_cstr_or_null(&b, NULL), DOSSIER_OK);
    CHECK_STR(b.ptr, "null");
    dbuf_release(&b);
}

static void test_slice(void)
{
    const char *raw = "\xC2\xA0  hello world \t\n\xE2\x80\x89";
    slice s = slice_trim(slice_make(raw, strlen(raw)));
    CHECK_INT(s.len, 11);
    CHECK(slice_eq_cstr(s, "hello world"));
    CHECK(slice_starts_with_ci(s, "HELLO"));
    CHECK(slice_starts_with_lower(slice_make("\xC3\x84hnliche Artikel", 17), "\xC3\xa4hnliche"));
    CHECK(slice_starts_with_lower(slice_make("\xD0\xA7\xD0\x98\xD0\xA2", 6),
                                  "\xD1\x87\xD0\xB8\xD1\x82"));
    CHECK(!slice_starts_with_lower(slice_make("Related", 7), "relatedness"));
    CHECK(!slice_starts_with_lower(slice_make("\xC3", 1), "\xC3\xa4"));
    CHECK(slice_contains_ci(s, "WORLD"));
    CHECK(!slice_contains_ci(s, "planet"));
    s = slice_trim(slice_make("   ", 3));
    CHECK_INT(s.len, 0);
}

static void test_hash(void)
{
    char hex[17];
    CHECK(hash64("abc", 3, 0) == hash64("abc", 3, 0));
    CHECK(hash64("abc", 3, 0) != hash64("abd", 3, 0));
    hash_hex(0x0123456789abcdefULL, hex);
    CHECK_STR(hex, "0123456789abcdef");
    errbuf e;
    CHECK_INT(err_set(&e, DOSSIER_ERR_IO, "%s: %d", "x.txt", 3), DOSSIER_ERR_IO);
    CHECK_STR(e.msg, "x.txt: 3");
}

int main(void)
{
    test_arena();
    test_dbuf();
    test_utf8();
    test_json();
    test_slice();
    test_hash();
    return check_done();
}
