/*
 * dates.c - dates as pages print them to ISO 8601. The string is cut into tokens (numbers, words,
 * separators); words name months, weekdays, time-zone names or filler ("Published", "Updated",
 * "at"); numbers become year, day, time or a numeric date. Anything else and the string is not a
 * date: a headline that merely contains a date must not pass.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract/extract.h"

/* What was read so far; -1 means not seen. */
typedef struct date_parts {
    int year, month, day;  /* calendar date */
    int hour, min, sec;    /* time of day */
    int pm;                /* -1 none, 0 am, 1 pm */
    int tz_min;            /* offset from UTC in minutes, when have_tz */
    int have_tz;           /* 1 when a zone was given */
    int mdy;               /* 1 when "3/4/2025" is March 4 (American English) */
} date_parts;

static const char *const MONTHS[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const MONTHS_FULL[12] = {"january", "february", "march",     "april",
                                            "may",     "june",     "july",      "august",
                                            "september", "october", "november", "december"};
static const char *const WEEKDAYS[] = {
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
    /* de, fr, es, it, pt, nl: "Dienstag, 6. Mai 2014" */
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles",
    "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì", "giovedì",
    "venerdì", "sabato", "domenica", "segunda-feira", "maandag", "dinsdag", "woensdag", "donderdag",
    "vrijdag", "zaterdag", "zondag"};
/* Words that may surround a date in a dateline or a meta value without changing it, in the
 * languages of the month names below. */
static const char *const FILLER[] = {
    "published", "updated", "posted", "last", "modified", "on", "at", "date", "created", "the",
    "of", "first", "edited", "released", "issued",
    /* de */ "veröffentlicht", "aktualisiert", "erstellt", "zuletzt", "geändert", "am", "um",
    "uhr", "stand", "vom",
    /* fr */ "publié", "publiée", "modifié", "le", "mis", "à", "jour",
    /* es, pt, it */ "publicado", "actualizado", "atualizado", "el", "de", "em", "às", "las",
    "pubblicato", "aggiornato", "il", "alle", "ore",
    /* nl, pl, ru, uk */ "gepubliceerd", "bijgewerkt", "op", "om", "opublikowano",
    "zaktualizowano", "опубликовано", "обновлено", "опубліковано", "оновлено", "в", "о", "г",
    "года", "р", "року"};

/* Month names and abbreviations of other languages (as printed in datelines: genitive forms
 * for Polish, Russian and Ukrainian), lowercase UTF-8. */
static const struct {
    const char *name;
    int month;
} MONTHS_INTL[] = {
    /* de */ {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mär", 3},
    {"mrz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"okt", 10},
    {"dezember", 12}, {"dez", 12},
    /* fr */ {"janvier", 1}, {"janv", 1}, {"février", 2}, {"févr", 2}, {"fév", 2},
    {"mars", 3}, {"avril", 4}, {"avr", 4}, {"juin", 6}, {"juillet", 7}, {"juil", 7},
    {"août", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"déc", 12},
    /* es */ {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4},
    {"abr", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"ago", 8},
    {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"dic", 12},
    /* it */ {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    /* pt */ {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
    /* nl */ {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    /* pl */ {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
    {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10},
    {"listopada", 11}, {"grudnia", 12},
    /* ru */ {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5},
    {"июня", 6}, {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10},
    {"ноября", 11}, {"декабря", 12},
    /* uk */ {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5},
    {"червня", 6}, {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10},
    {"листопада", 11}, {"грудня", 12}};

/* Is w[0..n) the lowercase word z, w's letters in any case ("Опубликовано", "Publié")? */
static int word_is(const char *w, size_t n, const char *z)
{
    return strlen(z) == n && slice_starts_with_lower(slice_make(w, n), z);
}

static int word_in(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (word_is(w, n, list[i])) return 1;
    return 0;
}

/* Month number 1-12 of a month name or its abbreviation ("Sept" too), else 0. */
static int month_of(const char *w, size_t n)
{
    for (int i = 0; i < 12; i++) {
        if (strlen(MONTHS_FULL[i]) == n && strncasecmp(w, MONTHS_FULL[i], n) == 0) return i + 1;
        if (n == 3 && strncasecmp(w, MONTHS[i], 3) == 0) return i + 1;
    }
    if (n == 4 && strncasecmp(w, "sept", 4) == 0) return 9;
    for (size_t i = 0; i < sizeof MONTHS_INTL / sizeof MONTHS_INTL[0]; i++)
        if (word_is(w, n, MONTHS_INTL[i].name)) return MONTHS_INTL[i].month;
    return 0;
}

/* Length of the UTF-8 letter at s (a code point past Latin-1's symbols, no space or dash),
 * or 0: words of other scripts run on through these. */
static size_t letter_len(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) return isalpha(c) ? 1 : 0;
    uint32_t cp;
    size_t k = utf8_decode(s, n, &cp);
    if (!k || cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || utf8_is_space(cp) ||
        (cp >= 0x2000 && cp <= 0x206F))
        return 0;
    return k;
}

static int days_in(int y, int m)
{
    static const int D[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return D[m - 1];
}

/* Reads up to `max` digits at s[*i]; returns the value and the digit count in *nd. */
static int read_num(const char *s, size_t n, size_t *i, int max, int *nd)
{
    int v = 0, k = 0;
    while (*i < n && k < max && s[*i] >= '0' && s[*i] <= '9') v = v * 10 + (s[(*i)++] - '0'), k++;
    *nd = k;
    return v;
}

/* ISO 8601 / RFC 3339: 2022-01-26, 2022-01-26T19:48[:00[.000]][Z|+01:00|+0100], also with a
 * space for the T. Returns 1 and fills p when all of s is one. */
static int parse_iso(const char *s, size_t n, date_parts *p)
{
    size_t i = 0;
    int nd;
    p->year = read_num(s, n, &i, 4, &nd);
    if (nd != 4 || i >= n || (s[i] != '-' && s[i] != '/')) return 0;
    char sep = s[i++];
    p->month = read_num(s, n, &i, 2, &nd);
    if (nd < 1 || i >= n || s[i] != sep) return 0;
    i++;
    p->day = read_num(s, n, &i, 2, &nd);
    if (nd < 1) return 0;
    if (i == n) return 1;
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return 0;
    i++;
    p->hour = read_num(s, n, &i, 2, &nd);
    if (nd != 2 || i >= n || s[i] != ':') return 0;
    i++;
    p->min = read_num(s, n, &i, 2, &nd);
    if (nd != 2) return 0;
    if (i < n && s[i] == ':') {
        i++;
        p->sec = read_num(s, n, &i, 2, &nd);
        if (nd != 2) return 0;
        if (i < n && (s[i] == '.' || s[i] == ',')) {
            i++;
            read_num(s, n, &i, 9, &nd);
            if (!nd) return 0;
        }
    }
    if (i == n) return 1;
    if (s[i] == ' ') i++;
    if (i < n && (s[i] == 'Z' || s[i] == 'z') && i + 1 == n) {
        p->have_tz = 1, p->tz_min = 0;
        return 1;
    }
    if (n - i == 3 && (strncasecmp(s + i, "UTC", 3) == 0 || strncasecmp(s + i, "GMT", 3) == 0)) {
        p->have_tz = 1, p->tz_min = 0;
        return 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        int sign = s[i++] == '-' ? -1 : 1;
        int hh = read_num(s, n, &i, 2, &nd);
        if (nd != 2) return 0;
        int mm = 0;
        if (i < n && s[i] == ':') i++;
        if (i < n) {
            mm = read_num(s, n, &i, 2, &nd);
            if (nd != 2) return 0;
        }
        if (i != n || hh > 14 || mm > 59) return 0;
        p->have_tz = 1, p->tz_min = sign * (hh * 60 + mm);
        return 1;
    }
    return 0;
}

/* A time zone word: UTC, GMT, Z, or a few common abbreviations with fixed offsets. */
static int zone_of(const char *w, size_t n, int *minutes)
{
    static const struct {
        const char *name;
        int min;
    } Z[] = {{"utc", 0},    {"gmt", 0},     {"z", 0},       {"msk", 180},  {"cet", 60},
             {"cest", 120}, {"eet", 120},   {"eest", 180},  {"bst", 60},   {"est", -300},
             {"edt", -240}, {"cst", -360},  {"cdt", -300},  {"pst", -480}, {"pdt", -420}};
    for (size_t i = 0; i < sizeof Z / sizeof Z[0]; i++)
        if (strlen(Z[i].name) == n && strncasecmp(w, Z[i].name, n) == 0) {
            *minutes = Z[i].min;
            return 1;
        }
    return 0;
}

/* Free-form dates: "26 Jan, 2022 19:48", "January 26, 2022", "Wed, 26 Jan 2022 19:48:00 GMT",
 * "09.Jan.2026", "26/01/2022", "Jan. 26, 2022 at 7:48 p.m. ET". */
static int parse_loose(const char *s, size_t n, date_parts *p)
{
    int nums[4], numlen[4], nn = 0; /* bare numbers in order, for day/year */
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (isdigit(c)) {
            size_t st = i;
            int nd;
            int v = read_num(s, n, &i, 9, &nd);
            if (nd > 4) return 0;
            if (i < n && s[i] == ':' && nd <= 2) { /* a time h:mm[:ss] */
                if (p->hour >= 0) return 0;
                i++;
                int m = read_num(s, n, &i, 2, &nd);
                if (nd != 2) return 0;
                int sec = -1;
                if (i < n && s[i] == ':') {
                    i++;
                    sec = read_num(s, n, &i, 2, &nd);
                    if (nd != 2) return 0;
                }
                p->hour = v, p->min = m, p->sec = sec;
                continue;
            }
            /* A numeric date y-m-d after a label ("Published 2023-03-14", "Stand: 2023/03/14") */
            if (nd == 4 && i + 1 < n && (s[i] == '-' || s[i] == '/' || s[i] == '.') &&
                isdigit((unsigned char)s[i + 1])) {
                char sep = s[i++];
                int m = read_num(s, n, &i, 2, &nd);
                if (nd < 1 || i + 1 >= n || s[i] != sep || !isdigit((unsigned char)s[i + 1]))
                    return 0;
                i++;
                int d = read_num(s, n, &i, 2, &nd);
                if (nd < 1 || p->year >= 0 || p->month >= 0) return 0;
                p->year = v, p->month = m, p->day = d;
                if (i + 1 < n && s[i] == 'T' && isdigit((unsigned char)s[i + 1])) i++;
                continue;
            }
            /* A numeric date d/m/y, d.m.y, m/d/y (day first unless that cannot be). */
            if (i < n && (s[i] == '/' || s[i] == '.' || s[i] == '-') && i + 1 < n &&
                isdigit((unsigned char)s[i + 1]) && nd <= 2) {
                char sep = s[i++];
                int b = read_num(s, n, &i, 2, &nd);
                int year_seen = p->year >= 0;
                for (int k = 0; k < nn; k++) year_seen |= numlen[k] == 4 && nums[k] >= 1000;
                if (sep == '.' && nd == 2 && (i >= n || s[i] != sep) && p->hour < 0 &&
                    year_seen) {
                    /* "26 Jan 2022 19.48 GMT": a time written with a dot, after the date */
                    p->hour = v, p->min = b;
                    continue;
                }
                if (nd < 1 || i >= n || s[i] != sep) return 0;
                i++;
                int y = read_num(s, n, &i, 4, &nd);
                if (nd != 4 && nd != 2) return 0;
                if (nd == 2) y += 2000;
                if (p->year >= 0) return 0;
                int d = v, m = b;
                if (sep == '/' && p->mdy && v <= 12) d = b, m = v; /* m/d/y, as printed in the US */
                if (m > 12 && d <= 12) d = b, m = v;
                p->year = y, p->month = m, p->day = d;
                continue;
            }
            /* Ordinal suffixes: 26th, 1st, 2nd, 3rd. */
            if (i + 1 < n && isalpha((unsigned char)s[i]) && isalpha((unsigned char)s[i + 1]) &&
                (i + 2 >= n || !isalpha((unsigned char)s[i + 2])) &&
                (!strncasecmp(s + i, "st", 2) || !strncasecmp(s + i, "nd", 2) ||
                 !strncasecmp(s + i, "rd", 2) || !strncasecmp(s + i, "th", 2)))
                i += 2;
            if (nn == 4) return 0;
            nums[nn] = v, numlen[nn++] = (int)(i - st);
            continue;
        }
        if (letter_len(s + i, n - i)) {
            size_t st = i, k;
            while (i < n && (k = letter_len(s + i, n - i)) != 0) i += k;
            size_t wn = i - st;
            const char *w = s + st;
            int m, tz;
            /* am / pm / a.m. / p.m. after a time ("am" before one is German "on") */
            int meridiem = p->hour >= 0 && (wn == 2 || wn == 1) &&
                           (w[0] == 'a' || w[0] == 'A' || w[0] == 'p' || w[0] == 'P') &&
                           (wn == 1 ? i < n && s[i] == '.' : (w[1] == 'm' || w[1] == 'M'));
            if ((m = month_of(w, wn)) != 0) {
                if (p->month >= 0) return 0;
                p->month = m;
            } else if (!meridiem &&
                       (word_in(w, wn, WEEKDAYS, sizeof WEEKDAYS / sizeof WEEKDAYS[0]) ||
                        word_in(w, wn, FILLER, sizeof FILLER / sizeof FILLER[0]))) {
                /* carries nothing */
            } else if (meridiem) {
                /* am / pm / a.m. / p.m. */
                p->pm = (w[0] == 'p' || w[0] == 'P');
                if (wn == 1) { /* a.m. */
                    i++;
                    if (i < n && (s[i] == 'm' || s[i] == 'M')) i++;
                    else return 0;
                    if (i < n && s[i] == '.') i++;
                }
            } else if (zone_of(w, wn, &tz)) {
                if (p->have_tz) return 0;
                p->have_tz = 1, p->tz_min = tz;
            } else if ((wn == 2 && (!strncasecmp(w, "et", 2) || !strncasecmp(w, "pt", 2)))) {
                /* US zone names without a season: the offset is unknown, keep local time */
            } else {
                return 0;
            }
            continue;
        }
        if ((c == '+' || c == '-') && p->hour >= 0 && i + 4 < n + 1 && i + 1 < n &&
            isdigit((unsigned char)s[i + 1])) { /* +0300 / +03:00 after a time */
            int sign = c == '-' ? -1 : 1, nd;
            i++;
            int hh = read_num(s, n, &i, 2, &nd);
            if (nd != 2) return 0;
            if (i < n && s[i] == ':') i++;
            int mm = read_num(s, n, &i, 2, &nd);
            if (nd != 2 || hh > 14 || mm > 59) return 0;
            p->have_tz = 1, p->tz_min = sign * (hh * 60 + mm);
            continue;
        }
        /* separators and spaces (ASCII or UTF-8 punctuation like the middle dot or dashes) */
        if (c == ' ' || c == ',' || c == '.' || c == '/' || c == '-' || c == '|' || c == ':' ||
            c == '(' || c == ')' || c == '\t' || c == '@') {
            i++;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            size_t k = utf8_decode(s + i, n - i, &cp);
            if (!k) return 0;
            /* NBSP, thin spaces, dashes, bullet, middle dot */
            if (utf8_is_space(cp) || cp == 0x2013 || cp == 0x2014 || cp == 0x2022 || cp == 0xB7) {
                i += k;
                continue;
            }
        }
        return 0;
    }
    /* Bare numbers: a 4-digit year and a day. */
    for (int k = 0; k < nn; k++) {
        if (numlen[k] == 4 && nums[k] >= 1000) {
            if (p->year >= 0) return 0;
            p->year = nums[k];
        } else if (numlen[k] <= 4) { /* 1-2 digits (ordinal suffix counted in the length) */
            if (p->day >= 0) return 0;
            p->day = nums[k];
        }
    }
    if (p->month < 0 && p->day >= 0) return 0;
    return p->year >= 0 && p->month >= 0;
}

int extract_parse_date(const char *s, size_t n, char out[32])
{
    return extract_parse_date_order(s, n, out, 0);
}

/* Chinese and Japanese dates: "2023年3月14日" (or 号), after a label ending in a colon
 * ("发布时间：") and before a time ("10:05", read by parse_loose). */
static int parse_cjk(const char *s, size_t n, date_parts *p)
{
    static const char NIAN[] = "\xE5\xB9\xB4", YUE[] = "\xE6\x9C\x88", RI[] = "\xE6\x97\xA5",
                      HAO[] = "\xE5\x8F\xB7";
    const char *y = NULL;
    for (size_t i = 4; i + 3 <= n && !y; i++)
        if (!memcmp(s + i, NIAN, 3)) y = s + i;
    if (!y) return 0;
    size_t yi = (size_t)(y - s), ys = yi;
    while (ys > 0 && isdigit((unsigned char)s[ys - 1]))
        ys--;
    if (yi - ys != 4) return 0;
    if (ys > 0) { /* a label: it ends in a colon, full-width or not, and holds no digit */
        slice lab = slice_trim(slice_make(s, ys));
        int colon = (lab.len >= 3 && !memcmp(lab.ptr + lab.len - 3, "\xEF\xBC\x9A", 3)) ||
                    (lab.len && lab.ptr[lab.len - 1] == ':');
        if (!colon || lab.len > 40) return 0;
        for (size_t i = 0; i < lab.len; i++)
            if (isdigit((unsigned char)lab.ptr[i])) return 0;
    }
    size_t i = yi + 3;
    int nd;
    int year = 0;
    for (size_t k = ys; k < yi; k++) year = year * 10 + (s[k] - '0');
    int month = read_num(s, n, &i, 2, &nd);
    if (nd < 1 || i + 3 > n || memcmp(s + i, YUE, 3)) return 0;
    i += 3;
    int day = read_num(s, n, &i, 2, &nd);
    if (nd < 1 || i + 3 > n || (memcmp(s + i, RI, 3) && memcmp(s + i, HAO, 3))) return 0;
    i += 3;
    p->year = year, p->month = month, p->day = day;
    /* what follows, a time, is read as parse_loose reads one after its date */
    return i == n || parse_loose(s + i, n - i, p);
}

int extract_parse_date_order(const char *s, size_t n, char out[32], int month_first)
{
    if (!s) return 0;
    slice t = slice_trim(slice_make(s, n));
    if (t.len < 6 || t.len > 80) return 0;
    date_parts p = {-1, -1, -1, -1, -1, -1, -1, 0, 0, month_first};
    if (!parse_iso(t.ptr, t.len, &p)) {
        date_parts q = {-1, -1, -1, -1, -1, -1, -1, 0, 0, month_first};
        p = q;
        if (!parse_loose(t.ptr, t.len, &p)) {
            p = q;
            if (!parse_cjk(t.ptr, t.len, &p)) return 0;
        }
    }
    if (p.year < 1900 || p.year > 2100 || p.month < 1 || p.month > 12) return 0;
    if (p.day >= 0 && (p.day < 1 || p.day > days_in(p.year, p.month))) return 0;
    if (p.pm >= 0) {
        if (p.hour < 1 || p.hour > 12) return 0;
        if (p.pm && p.hour != 12) p.hour += 12;
        if (!p.pm && p.hour == 12) p.hour = 0;
    }
    if (p.hour > 23 || p.min > 59 || p.sec > 59) return 0;
    if (p.day < 0) { /* a month and year only: not a publication date */
        return 0;
    }
    int k = snprintf(out, 32, "%04d-%02d-%02d", p.year, p.month, p.day);
    if (p.hour >= 0) {
        k += snprintf(out + k, (size_t)(32 - k), "T%02d:%02d", p.hour, p.min);
        if (p.sec >= 0) k += snprintf(out + k, (size_t)(32 - k), ":%02d", p.sec);
        if (p.have_tz) {
            if (p.tz_min == 0) {
                snprintf(out + k, (size_t)(32 - k), "Z");
            } else {
                int a = p.tz_min < 0 ? -p.tz_min : p.tz_min;
                snprintf(out + k, (size_t)(32 - k), "%c%02d:%02d", p.tz_min < 0 ? '-' : '+',
                         a / 60, a % 60);
            }
        }
    }
    return 1;
}
