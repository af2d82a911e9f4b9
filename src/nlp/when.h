/*
 * when.h - date expressions in running text ("on Wednesday", "yesterday", "last month",
 * "Jan. 26, 2022", "26 January", "in March", "two days ago", "вчера", "letzte Woche",
 * "le 3 mars", "hace dos días") found in a sentence and resolved against the article's
 * publication date, each with its precision. Month and weekday names are known in English,
 * Russian, German, French and Spanish; relative words resolve only when a publication date is
 * given, absolute dates always.
 *
 * Memory: nothing is allocated; hits are written to the caller's array.
 */
#ifndef DOSSIER_WHEN_H
#define DOSSIER_WHEN_H

#include "core/core.h"

/* How precise a resolved date is. */
typedef enum when_precision {
    WHEN_YEAR = 1,  /* a year: "in 2021", "last year" */
    WHEN_MONTH = 2, /* a month: "in March", "late January", "earlier this month" */
    WHEN_WEEK = 3,  /* about a week: "last week", "two weeks ago" (day is that week's day) */
    WHEN_DAY = 4    /* a day: "on Wednesday", "yesterday", "Jan. 26" */
} when_precision;

/* One date expression and the date it stands for. */
typedef struct when_hit {
    span at;              /* the date words, in bytes of the text given to when_find */
    int year;             /* resolved year */
    int month;            /* 1-12, or 0 when precision is WHEN_YEAR */
    int day;              /* 1-31, or 0 when precision is WHEN_YEAR or WHEN_MONTH */
    when_precision prec;  /* how precise the date is */
    int relative;         /* 1: resolved against the publication date or an earlier hit
                             ("yesterday", "on Tuesday", "Jan. 26" without a year) */
} when_hit;

/*
 * The date expressions of s[0..n) (normally one sentence), in text order, resolved against
 * `published` (ISO 8601, only its YYYY-MM-DD is read; NULL or unparsable: only dates written
 * in full resolve). `lang` (ISO 639-1 or NULL) decides words that are dates in one language
 * only (French "hier"). Past-tense statements resolve a weekday or a month without a year to the
 * latest one on or before publication, future ones ("will", "next") to the first after it;
 * "a week earlier" counts from the hit before it. Writes up to `max` hits to out and returns how
 * many it wrote.
 */
size_t when_find(const char *s, size_t n, const char *lang, const char *published,
                 when_hit *out, size_t max);

/*
 * The hit's date as "YYYY-MM-DD" (day), "YYYY-MM" (week or month) or "YYYY" (year) into out.
 */
void when_format(const when_hit *h, char out[11]);

/* Days since 1970-01-01 of a proleptic Gregorian date (negative before). */
long when_days(int year, int month, int day);

/* Reads "YYYY-MM-DD" at the start of z into y/m/d; returns 1 if it is a valid date. */
int when_parse_iso(const char *z, int *y, int *m, int *d);

#endif
