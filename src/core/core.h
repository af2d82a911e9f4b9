/*
 * core.h - the ground floor: arena, growable buffer, slices, UTF-8, JSON writing, hashing and
 * error messages. Uses no pipeline stage. Every other module includes this one header.
 *
 * Ownership: memory from an arena belongs to the arena and goes with arena_free/arena_reset.
 * A dbuf owns its bytes until dbuf_release or dbuf_detach (then the caller frees with free()).
 */
#ifndef DOSSIER_CORE_H
#define DOSSIER_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier.h"

#if defined(__GNUC__)
#define CORE_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CORE_PRINTF(a, b)
#endif

/* ---- slices: non-owning (ptr, len) views, never NUL-terminated ---- */
typedef struct slice {
    const char *ptr; /* first byte */
    size_t len;      /* byte count */
} slice;

/* A span of byte offsets [start, end) into some text; also the provenance of a fact. */
typedef struct span {
    size_t start; /* first byte */
    size_t end;   /* one past the last byte */
} span;

static inline slice slice_make(const char *p, size_t n)
{
    slice s = {p, n};
    return s;
}
/* Trims ASCII and Unicode spaces (NBSP, thin space ...) from both ends. */
slice slice_trim(slice s);
int slice_eq_cstr(slice s, const char *z);        /* exact byte equality */
int slice_starts_with_ci(slice s, const char *z); /* ASCII case-insensitive prefix test */
/* Does s start with the lower-case UTF-8 text z, s's letters taken in any case ("Ähnliche",
 * "ÄHNLICHE" and "ähnliche" all start with "ähnliche"; Cyrillic and Greek alike)? */
int slice_starts_with_lower(slice s, const char *z);
int slice_contains_ci(slice s, const char *z);    /* ASCII case-insensitive substring test */

/* ---- arena: many small allocations, one release ---- */
typedef struct arena arena;
/* A new arena that refuses to hand out more than `cap` bytes in all (0: 1 GiB). NULL on OOM. */
arena *arena_new(size_t cap);
void arena_free(arena *a);
/* Releases every allocation but keeps the first block for reuse. */
void arena_reset(arena *a);
/* n bytes aligned for any type, or NULL when out of memory or over the cap. */
void *arena_alloc(arena *a, size_t n);
/* Zeroed array of n items of size sz (overflow-checked). */
void *arena_calloc(arena *a, size_t n, size_t sz);
/* NUL-terminated copy of (p, n); NULL on failure. */
char *arena_strndup(arena *a, const char *p, size_t n);
char *arena_strdup(arena *a, const char *z);
char *arena_printf(arena *a, const char *fmt, ...) CORE_PRINTF(2, 3);
size_t arena_used(const arena *a); /* bytes handed out so far */

/* ---- dbuf: growable byte buffer with a hard size cap ---- */
typedef struct dbuf {
    char *ptr;  /* bytes, always NUL-terminated when ptr != NULL */
    size_t len; /* bytes in use, not counting the NUL */
    size_t cap; /* bytes allocated */
    size_t max; /* hard cap on len; appends past it fail with DOSSIER_ERR_TOO_LARGE */
} dbuf;

void dbuf_init(dbuf *b, size_t max); /* max 0: 1 GiB */
void dbuf_release(dbuf *b);          /* frees the bytes; b can be reused after dbuf_init */
void dbuf_reset(dbuf *b);            /* len = 0, keeps the memory */
dossier_status dbuf_reserve(dbuf *b, size_t extra);
dossier_status dbuf_append(dbuf *b, const void *p, size_t n);
dossier_status dbuf_puts(dbuf *b, const char *z);
dossier_status dbuf_putc(dbuf *b, char c);
dossier_status dbuf_printf(dbuf *b, const char *fmt, ...) CORE_PRINTF(2, 3);
dossier_status dbuf_vprintf(dbuf *b, const char *fmt, va_list ap);
/* Hands the bytes to the caller (free() them); b is left empty. Never NULL on success. */
char *dbuf_detach(dbuf *b, size_t *len);

/* ---- UTF-8 ---- */
/* Decodes one code point at s[0..n). Returns the byte length (1-4) and sets *cp, or 0 if the
 * bytes there are not valid UTF-8 (overlong, surrogate, truncated, > U+10FFFF). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Writes cp as UTF-8 into out; returns the length 1-4 (invalid cp writes U+FFFD). */
size_t utf8_encode(uint32_t cp, char out[4]);
/* Byte offset of the first invalid sequence, or n when all of s is valid UTF-8. */
size_t utf8_validate(const char *s, size_t n);
/* Appends s to out with each invalid byte replaced by U+FFFD and NUL bytes dropped. */
dossier_status utf8_append_sanitized(dbuf *out, const char *s, size_t n);
/* Appends windows-1252 bytes converted to UTF-8. */
dossier_status cp1252_append_utf8(dbuf *out, const char *s, size_t n);
/* Is cp a space (ASCII space/tab/CR/LF/FF/VT, NBSP, U+2000-U+200A, U+202F, U+205F, U+3000)? */
int utf8_is_space(uint32_t cp);

/* ---- JSON writing (RFC 8259); strings are escaped, control bytes as \u00XX ---- */
dossier_status json_put_str(dbuf *b, const char *s, size_t n); /* "..." */
dossier_status json_put_cstr_or_null(dbuf *b, const char *z);  /* "..." or null */

/* ---- hashing ---- */
uint64_t hash64(const void *p, size_t n, uint64_t seed); /* XXH3 */
/* 16 lowercase hex digits of h into out (17 bytes with the NUL). */
void hash_hex(uint64_t h, char out[17]);

/* ---- error messages ---- */
/* A fixed-size message buffer: long messages are cut, never overflow. */
typedef struct errbuf {
    dossier_status status; /* last status set */
    char msg[512];         /* its message */
} errbuf;
/* Records status and a formatted message; returns status, so `return err_set(...)` reads well. */
dossier_status err_set(errbuf *e, dossier_status status, const char *fmt, ...) CORE_PRINTF(3, 4);
void err_clear(errbuf *e);

#endif
