/*
 * arena.c - a bump allocator for the many small objects made for one document. Blocks are
 * chained; everything goes in one arena_free/arena_reset. A byte cap turns runaway input into an
 * allocation failure for that document instead of unbounded growth.
 */
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 65536 /* default block: most articles fit in one or two */
#define ARENA_RETAIN (4u << 20) /* default blocks kept by arena_reset for the next document: an
                                   annotated article takes a few hundred KB, and fresh blocks
                                   each time cost page faults (a tenth of extraction's time) */
#define ARENA_ALIGN 16

typedef struct arena_block {
    struct arena_block *next; /* older block */
    size_t size;              /* usable bytes in data */
    size_t used;              /* bytes handed out */
    max_align_t data[];       /* the bytes */
} arena_block;

struct arena {
    arena_block *head; /* current block (newest) */
    arena_block *spare; /* default-size blocks kept by arena_reset, reused before malloc */
    size_t spare_bytes; /* their usable bytes */
    size_t cap;        /* most bytes this arena may hand out */
    size_t total;      /* bytes handed out so far */
};

static arena_block *block_new(size_t size)
{
    arena_block *b = malloc(sizeof *b + size);
    if (!b) return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

arena *arena_new(size_t cap)
{
    arena *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->cap = cap ? cap : ((size_t)1 << 30);
    return a;
}

static void free_chain(arena_block *b)
{
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
}

void arena_free(arena *a)
{
    if (!a) return;
    free_chain(a->head);
    free_chain(a->spare);
    free(a);
}

void arena_reset(arena *a)
{
    if (!a) return;
    /* Keep default-size blocks (up to ARENA_RETAIN in all) for the next document; free the rest
     * (one-off big blocks, and what a huge document grew). */
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        if (b->size == ARENA_BLOCK && a->spare_bytes + b->size <= ARENA_RETAIN) {
            b->used = 0;
            b->next = a->spare;
            a->spare = b;
            a->spare_bytes += b->size;
        } else {
            free(b);
        }
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *arena_alloc(arena *a, size_t n)
{
    if (!a) return NULL;
    if (n == 0) n = 1;
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < n || a->total + need > a->cap || a->total + need < a->total) return NULL;
    arena_block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t size = need > ARENA_BLOCK / 4 ? need : ARENA_BLOCK;
        arena_block *nb;
        if (size == ARENA_BLOCK && a->spare) {
            nb = a->spare;
            a->spare = nb->next;
            a->spare_bytes -= nb->size;
            nb->next = NULL;
            nb->used = 0;
        } else if (!(nb = block_new(size))) {
            return NULL;
        }
        if (b && size == need && b->size - b->used > ARENA_BLOCK / 8) {
            /* A big one-off allocation: slot it behind the current block so the current one's
             * free space stays in use. */
            nb->next = b->next;
            b->next = nb;
            nb->used = need;
            a->total += need;
            return nb->data;
        }
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += need;
    a->total += need;
    return p;
}

void *arena_calloc(arena *a, size_t n, size_t sz)
{
    if (sz && n > ((size_t)-1) / sz) return NULL;
    void *p = arena_alloc(a, n * sz);
    if (p) memset(p, 0, n * sz);
    return p;
}

char *arena_strndup(arena *a, const char *p, size_t n)
{
    char *s = arena_alloc(a, n + 1);
    if (!s) return NULL;
    if (n) memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

char *arena_strdup(arena *a, const char *z)
{
    return z ? arena_strndup(a, z, strlen(z)) : NULL;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *s = arena_alloc(a, (size_t)n + 1);
    if (!s) return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

size_t arena_used(const arena *a)
{
    return a ? a->total : 0;
}
