/*
 * html_alloc.c - a per-thread bump arena for the libxml2 tree of one page. Building the tree is
 * hundreds of thousands of small mallocs per page and freeing it as many frees (a sixth of the
 * parse); here they become pointer bumps, and the whole tree goes with one reset.
 *
 * libxml2's allocator is process-global (xmlGcMemSetup), so the hooks must be harmless to every
 * other user of libxml2 in the process, on any thread: a block is the arena's only if its address
 * lies in one of the calling thread's arena chunks; every other pointer, and every allocation made
 * while the calling thread is not inside html_alloc_begin/end, goes to the allocator that was in
 * place before (plain malloc unless the program set its own), so memory from before the hooks, or
 * from other threads, frees as it always did.
 */
#include "extract/html_internal.h"

#include <libxml/globals.h>
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer the room not handed out is poisoned, so a tree used after
 * html_alloc_drop is still caught as the heap's use-after-free would be. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* First chunk of a thread's arena: a typical page's tree fits in it, and it is kept between
 * pages so most pages make no chunk malloc at all. */
#define CHUNK_FIRST ((size_t)1 << 20)
/* Later chunks double up to this, so even a 100 MB page needs few chunks (the free hook looks
 * through them all). */
#define CHUNK_MAX ((size_t)64 << 20)
/* One page's tree may not take more than this; past it the hooks say out of memory and
 * libxml2 gives up on the page, which is then an error for that page only. */
#define ARENA_CAP ((size_t)2 << 30)
/* Blocks are 16-aligned like malloc's; each starts with its size, for realloc. */
#define ALIGN 16
#define HEAD 16

typedef struct chunk {
    struct chunk *next; /* older chunk */
    size_t size;        /* bytes after this header */
    /* data follows, 16-aligned */
} chunk;

typedef struct xml_arena {
    chunk *head;     /* newest chunk, the one being bumped; NULL: no blocks */
    char *cur, *end; /* free room in head */
    char *last;      /* the newest block (realloc grows it in place), NULL if none */
    size_t total;    /* bytes in all chunks */
    int allocating;  /* between html_alloc_begin and html_alloc_end */
} xml_arena;

/* The functions libxml2 used before ours; everything not the arena's goes to them. */
static xmlFreeFunc prev_free;
static xmlMallocFunc prev_malloc, prev_malloc_atomic;
static xmlReallocFunc prev_realloc;
static xmlStrdupFunc prev_strdup;
static int hooks_on;

static _Thread_local xml_arena tls_arena;
/* Frees a thread's chunks when the thread ends (ingest workers). */
static pthread_key_t arena_key;

static char *chunk_data(chunk *c) { return (char *)c + sizeof(chunk); }

static int owns(const xml_arena *t, const void *p)
{
    const char *q = p;
    for (chunk *c = t->head; c; c = c->next)
        if (q >= chunk_data(c) && q < chunk_data(c) + c->size) return 1;
    return 0;
}

static size_t block_size(const void *p) { return *(const size_t *)((const char *)p - HEAD); }

static void *bump(xml_arena *t, size_t n)
{
    if (n > ARENA_CAP) return NULL;
    /* A block of 0 bytes still takes room: its address must lie inside its chunk, or the
     * free hook would not know it for the arena's. */
    size_t need = HEAD + ((n + (n == 0) + ALIGN - 1) & ~(size_t)(ALIGN - 1));
    if ((size_t)(t->end - t->cur) < need) {
        size_t size = t->head ? t->head->size * 2 : CHUNK_FIRST;
        if (size > CHUNK_MAX) size = CHUNK_MAX;
        if (size < need) size = need;
        if (t->total + size > ARENA_CAP) return NULL;
        chunk *c = malloc(sizeof(chunk) + size);
        if (!c) return NULL;
        if (!t->head) pthread_setspecific(arena_key, t);
        c->size = size;
        c->next = t->head;
        t->head = c;
        t->total += size;
        t->cur = chunk_data(c);
        t->end = t->cur + size;
        POISON(t->cur, size);
    }
    UNPOISON(t->cur, need);
    char *p = t->cur + HEAD;
    *(size_t *)t->cur = n;
    t->cur += need;
    t->last = p;
    return p;
}

static void *hook_malloc(size_t n)
{
    xml_arena *t = &tls_arena;
    return t->allocating ? bump(t, n) : prev_malloc(n);
}

static void *hook_malloc_atomic(size_t n)
{
    xml_arena *t = &tls_arena;
    return t->allocating ? bump(t, n) : prev_malloc_atomic(n);
}

static void hook_free(void *p)
{
    xml_arena *t = &tls_arena;
    if (!p) return;
    if (t->head && owns(t, p)) {
        /* The newest block gives its room back: a tree built and torn down in order (the
         * parser's own stacks, error strings) reuses it. */
        if (p == t->last) {
            t->cur = (char *)p - HEAD;
            t->last = NULL;
            POISON(t->cur, (size_t)(t->end - t->cur));
        }
        return;
    }
    prev_free(p);
}

static void *hook_realloc(void *p, size_t n)
{
    xml_arena *t = &tls_arena;
    if (!p) return hook_malloc(n);
    if (!t->head || !owns(t, p)) return prev_realloc(p, n); /* a heap block stays on the heap */
    size_t old = block_size(p);
    if (p == t->last && t->allocating) {
        /* Text nodes grow by appends; growing the newest block in place keeps that linear. */
        size_t need = (n + (n == 0) + ALIGN - 1) & ~(size_t)(ALIGN - 1);
        if (n <= ARENA_CAP && need <= (size_t)(t->end - (char *)p)) {
            UNPOISON(p, need);
            *(size_t *)((char *)p - HEAD) = n;
            t->cur = (char *)p + need;
            return p;
        }
    }
    void *q = hook_malloc(n);
    if (q) memcpy(q, p, old < n ? old : n);
    return q;
}

static char *hook_strdup(const char *s)
{
    xml_arena *t = &tls_arena;
    if (!t->allocating) return prev_strdup(s);
    size_t n = strlen(s) + 1;
    char *d = bump(t, n);
    if (d) memcpy(d, s, n);
    return d;
}

/* Frees every chunk but the oldest (the first, smallest one), which stays for the next page. */
static void arena_trim(xml_arena *t, int keep_first)
{
    chunk *c = t->head;
    while (c && (c->next || !keep_first)) {
        chunk *next = c->next;
        t->total -= c->size;
        free(c);
        c = next;
    }
    t->head = c;
    t->cur = c ? chunk_data(c) : NULL;
    t->end = c ? chunk_data(c) + c->size : NULL;
    t->last = NULL;
    if (c) POISON(t->cur, c->size);
}

static void arena_thread_end(void *p) { arena_trim(p, 0); }

void html_alloc_install(void)
{
    if (pthread_key_create(&arena_key, arena_thread_end) != 0) return;
    if (xmlGcMemGet(&prev_free, &prev_malloc, &prev_malloc_atomic, &prev_realloc, &prev_strdup) !=
            0 ||
        !prev_free || !prev_malloc || !prev_malloc_atomic || !prev_realloc || !prev_strdup)
        return;
    if (xmlGcMemSetup(hook_free, hook_malloc, hook_malloc_atomic, hook_realloc, hook_strdup) == 0)
        hooks_on = 1;
}

int html_alloc_begin(void)
{
    /* A program that set its own allocator after ours would get the arena's blocks to free. */
    xmlFreeFunc f;
    xmlMallocFunc m, ma;
    xmlReallocFunc r;
    xmlStrdupFunc s;
    if (!hooks_on || xmlGcMemGet(&f, &m, &ma, &r, &s) != 0 || f != hook_free || m != hook_malloc ||
        ma != hook_malloc_atomic || r != hook_realloc || s != hook_strdup)
        return 0;
    tls_arena.allocating = 1;
    return 1;
}

void html_alloc_end(void)
{
    tls_arena.allocating = 0;
}

void html_alloc_drop(void)
{
    arena_trim(&tls_arena, 1);
}
