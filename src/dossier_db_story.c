/*
 * dossier_db_story.c - a stored story as a dossier_story (include/dossier.h, "Comparison"): its
 * latest articles read back from the database, annotated again (the text and the publication
 * date are stored, so the annotation is the one ingest stored) and compared. Duplicates keep
 * the marks the clustering stage gave them.
 */
#include "dossier.h"

#include <stdlib.h>
#include <string.h>

#include "dossier_internal.h"
#include "store/store.h"

/* Reading state: the story being filled and the article rows in it, for duplicate_of. */
typedef struct db_story_state {
    dossier_story *s;  /* the story */
    int64_t *rows;     /* articles row of each story article */
    int64_t *dup_rows; /* the row each duplicates, or 0 */
    size_t cap;        /* slots of rows / dup_rows (and s->arts) */
} db_story_state;

static int add_member(void *user, const store_story_member *m)
{
    db_story_state *st = user;
    dossier_story *s = st->s;
    if (s->n == st->cap) {
        size_t nc = st->cap ? st->cap * 2 : 16;
        story_article *g = arena_calloc(s->mem, nc, sizeof *g);
        int64_t *r = arena_calloc(s->mem, nc, sizeof *r);
        int64_t *dr = arena_calloc(s->mem, nc, sizeof *dr);
        if (!g || !r || !dr) return 1;
        if (s->n) {
            memcpy(g, s->arts, s->n * sizeof *g);
            memcpy(r, st->rows, s->n * sizeof *r);
            memcpy(dr, st->dup_rows, s->n * sizeof *dr);
        }
        s->arts = g, st->rows = r, st->dup_rows = dr, st->cap = s->cap = nc;
    }
    story_article *sa = &s->arts[s->n];
    memset(sa, 0, sizeof *sa);
    sa->art = m->art;
    sa->uid = m->uid;
    sa->source = m->source;
    sa->duplicate_of = -1;
    st->rows[s->n] = m->id;
    st->dup_rows[s->n] = strcmp(m->role, "duplicate") == 0 ? m->duplicate_of : 0;
    s->n++;
    return 0;
}

dossier_status dossier_db_story(dossier_db *db, int64_t id, dossier_story **out)
{
    if (out) *out = NULL;
    if (!db || !out) return DOSSIER_ERR_USAGE;
    if (!db->st) return err_set(&db->err, DOSSIER_ERR_USAGE, "the database is not open");
    dossier_story *s = calloc(1, sizeof *s);
    if (!s || !(s->mem = arena_new(0)) || !(s->err = arena_calloc(s->mem, 1, sizeof *s->err))) {
        if (s) arena_free(s->mem);
        free(s);
        return err_set(&db->err, DOSSIER_ERR_NOMEM, "out of memory reading story %lld",
                       (long long)id);
    }
    s->id = id;
    db_story_state st = {s, NULL, NULL, 0};
    dossier_status rc = store_story_read(db->st, s->mem, id, add_member, &st);
    if (rc == DOSSIER_ERR_STOPPED) rc = err_set(&db->err, DOSSIER_ERR_NOMEM, "out of memory");
    for (size_t i = 0; !rc && i < s->n; i++) {
        if (!st.dup_rows[i]) continue;
        for (size_t j = 0; j < s->n; j++)
            if (j != i && st.rows[j] == st.dup_rows[i]) {
                s->arts[i].duplicate_of = (int)j;
                break;
            }
    }
    if (!rc) {
        rc = story_complete(s, 0);
        if (rc) err_set(&db->err, rc, "story %lld: cannot compare: %s", (long long)id,
                        dossier_strerror(rc));
    }
    if (rc) {
        dossier_story_free(s);
        return rc;
    }
    *out = s;
    return DOSSIER_OK;
}
