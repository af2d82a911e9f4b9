/*
 * when.c - date expressions (see when.h). The sentence is cut into words (letters, digits and
 * inner ' - . /), each folded to lower case; the words are looked up in one sorted table of date
 * vocabulary (month and weekday names, "yesterday", "last", "week", numerals ...) in five
 * languages, and patterns over word kinds are tried at each word, longest first. Resolution uses
 * day counts (days since 1970-01-01) so that weeks and year boundaries need no special case.
 */
#include "nlp/when.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define WHEN_MAX_WORDS 512 /* words of one sentence read; a longer "sentence" is cut there */
#define WHEN_WORD_MAX 40   /* folded bytes kept per word: no date word is longer */

/* What a vocabulary word is. */
enum {
    K_MONTH = 1,   /* val: 1-12 */
    K_WDAY,        /* val: 0 Monday .. 6 Sunday */
    K_RELDAY,      /* val: days from publication ("yesterday" -1) */
    K_UNIT,        /* val: U_DAY, U_WEEK, U_MONTH, U_YEAR */
    K_MOD,         /* val: -1 last, 0 this, +1 next */
    K_NUM,         /* val: a numeral word ("two" 2) */
    K_PREP,        /* a preposition taken into the span: "on", "in", "since", "am", "в" */
    K_PART,        /* early/mid/late before a month (kept in the span, month precision) */
    K_SHIFT,       /* "earlier"/"later" before "this month" */
    K_AGO,         /* val: -1 "ago"/"назад" (after the count), -2 "vor"/"hace" (before it) */
    K_AFTERREF,    /* val: -1 "earlier"/"before", +1 "later": "a week earlier" */
    K_DAYPART,     /* "morning", "evening": after a weekday or day word */
    K_FUTURE,      /* a future marker in the sentence: "will", "wird", "будет" */
    K_CONNECT,     /* words inside a date: "de", "of", "the", "del" */
    K_PAST         /* a past marker: "said", "was" (never decides alone; see tense_of) */
};
enum { U_DAY = 1, U_WEEK = 2, U_MONTH = 3, U_YEAR = 4 };

/* Flags of a vocabulary word. */
enum {
    F_CAP = 1,   /* only when written with a capital ("May", "March", "Wednesday") */
    F_LOWER = 2, /* only when written in lower case (German "morgen", not "Morgen") */
    F_FR = 4,    /* only in French text ("hier" is "here" in German) */
    F_DE = 8     /* only in German text or text of unknown language */
};

/* One vocabulary word. */
typedef struct vword {
    const char *form; /* folded form */
    unsigned char kind; /* K_* */
    signed char val;    /* meaning, by kind */
    unsigned char flags; /* F_* */
} vword;

/* The vocabulary, in any order; sorted into `vocab` once. */
static const vword VOCAB[] = {
    /* English months: capitalised only, so "may" and "march" stay verbs */
    {"january", K_MONTH, 1, F_CAP}, {"february", K_MONTH, 2, F_CAP}, {"march", K_MONTH, 3, F_CAP},
    {"april", K_MONTH, 4, F_CAP}, {"may", K_MONTH, 5, F_CAP}, {"june", K_MONTH, 6, F_CAP},
    {"july", K_MONTH, 7, F_CAP}, {"august", K_MONTH, 8, F_CAP}, {"september", K_MONTH, 9, F_CAP},
    {"october", K_MONTH, 10, F_CAP}, {"november", K_MONTH, 11, F_CAP},
    {"december", K_MONTH, 12, F_CAP}, {"jan", K_MONTH, 1, F_CAP}, {"feb", K_MONTH, 2, F_CAP},
    {"mar", K_MONTH, 3, F_CAP}, {"apr", K_MONTH, 4, F_CAP}, {"jun", K_MONTH, 6, F_CAP},
    {"jul", K_MONTH, 7, F_CAP}, {"aug", K_MONTH, 8, F_CAP}, {"sep", K_MONTH, 9, F_CAP},
    {"sept", K_MONTH, 9, F_CAP}, {"oct", K_MONTH, 10, F_CAP}, {"nov", K_MONTH, 11, F_CAP},
    {"dec", K_MONTH, 12, F_CAP},
    /* German (capitalised nouns; abbreviations shared with English above) */
    {"januar", K_MONTH, 1, 0}, {"jänner", K_MONTH, 1, 0}, {"februar", K_MONTH, 2, 0},
    {"märz", K_MONTH, 3, 0}, {"mai", K_MONTH, 5, 0}, {"juni", K_MONTH, 6, 0},
    {"juli", K_MONTH, 7, 0}, {"oktober", K_MONTH, 10, 0}, {"dezember", K_MONTH, 12, 0},
    {"okt", K_MONTH, 10, F_CAP}, {"dez", K_MONTH, 12, F_CAP}, {"mär", K_MONTH, 3, F_CAP},
    /* French */
    {"janvier", K_MONTH, 1, 0}, {"février", K_MONTH, 2, 0}, {"mars", K_MONTH, 3, 0},
    {"avril", K_MONTH, 4, 0}, {"juin", K_MONTH, 6, 0}, {"juillet", K_MONTH, 7, 0},
    {"août", K_MONTH, 8, 0}, {"septembre", K_MONTH, 9, 0}, {"octobre", K_MONTH, 10, 0},
    {"novembre", K_MONTH, 11, 0}, {"décembre", K_MONTH, 12, 0},
    /* Spanish */
    {"enero", K_MONTH, 1, 0}, {"febrero", K_MONTH, 2, 0}, {"marzo", K_MONTH, 3, 0},
    {"abril", K_MONTH, 4, 0}, {"mayo", K_MONTH, 5, 0}, {"junio", K_MONTH, 6, 0},
    {"julio", K_MONTH, 7, 0}, {"agosto", K_MONTH, 8, 0}, {"septiembre", K_MONTH, 9, 0},
    {"setiembre", K_MONTH, 9, 0}, {"octubre", K_MONTH, 10, 0}, {"noviembre", K_MONTH, 11, 0},
    {"diciembre", K_MONTH, 12, 0},
    /* Russian: nominative, genitive ("26 января") and prepositional ("в январе") */
    {"январь", K_MONTH, 1, 0}, {"января", K_MONTH, 1, 0}, {"январе", K_MONTH, 1, 0},
    {"февраль", K_MONTH, 2, 0}, {"февраля", K_MONTH, 2, 0}, {"феврале", K_MONTH, 2, 0},
    {"март", K_MONTH, 3, 0}, {"марта", K_MONTH, 3, 0}, {"марте", K_MONTH, 3, 0},
    {"апрель", K_MONTH, 4, 0}, {"апреля", K_MONTH, 4, 0}, {"апреле", K_MONTH, 4, 0},
    {"май", K_MONTH, 5, 0}, {"мая", K_MONTH, 5, 0}, {"мае", K_MONTH, 5, 0},
    {"июнь", K_MONTH, 6, 0}, {"июня", K_MONTH, 6, 0}, {"июне", K_MONTH, 6, 0},
    {"июль", K_MONTH, 7, 0}, {"июля", K_MONTH, 7, 0}, {"июле", K_MONTH, 7, 0},
    {"август", K_MONTH, 8, 0}, {"августа", K_MONTH, 8, 0}, {"августе", K_MONTH, 8, 0},
    {"сентябрь", K_MONTH, 9, 0}, {"сентября", K_MONTH, 9, 0}, {"сентябре", K_MONTH, 9, 0},
    {"октябрь", K_MONTH, 10, 0}, {"октября", K_MONTH, 10, 0}, {"октябре", K_MONTH, 10, 0},
    {"ноябрь", K_MONTH, 11, 0}, {"ноября", K_MONTH, 11, 0}, {"ноябре", K_MONTH, 11, 0},
    {"декабрь", K_MONTH, 12, 0}, {"декабря", K_MONTH, 12, 0}, {"декабре", K_MONTH, 12, 0},

    /* weekdays */
    {"monday", K_WDAY, 0, F_CAP}, {"tuesday", K_WDAY, 1, F_CAP}, {"wednesday", K_WDAY, 2, F_CAP},
    {"thursday", K_WDAY, 3, F_CAP}, {"friday", K_WDAY, 4, F_CAP}, {"saturday", K_WDAY, 5, F_CAP},
    {"sunday", K_WDAY, 6, F_CAP},
    {"montag", K_WDAY, 0, 0}, {"dienstag", K_WDAY, 1, 0}, {"mittwoch", K_WDAY, 2, 0},
    {"donnerstag", K_WDAY, 3, 0}, {"freitag", K_WDAY, 4, 0}, {"samstag", K_WDAY, 5, 0},
    {"sonnabend", K_WDAY, 5, 0}, {"sonntag", K_WDAY, 6, 0},
    {"lundi", K_WDAY, 0, 0}, {"mardi", K_WDAY, 1, 0}, {"mercredi", K_WDAY, 2, 0},
    {"jeudi", K_WDAY, 3, 0}, {"vendredi", K_WDAY, 4, 0}, {"samedi", K_WDAY, 5, 0},
    {"dimanche", K_WDAY, 6, 0},
    {"lunes", K_WDAY, 0, 0}, {"martes", K_WDAY, 1, 0}, {"miércoles", K_WDAY, 2, 0},
    {"jueves", K_WDAY, 3, 0}, {"viernes", K_WDAY, 4, 0}, {"sábado", K_WDAY, 5, 0},
    {"domingo", K_WDAY, 6, 0},
    {"понедельник", K_WDAY, 0, 0}, {"вторник", K_WDAY, 1, 0}, {"среду", K_WDAY, 2, 0},
    {"среда", K_WDAY, 2, 0}, {"четверг", K_WDAY, 3, 0}, {"пятницу", K_WDAY, 4, 0},
    {"пятница", K_WDAY, 4, 0}, {"субботу", K_WDAY, 5, 0}, {"суббота", K_WDAY, 5, 0},
    {"воскресенье", K_WDAY, 6, 0},

    /* days named from today */
    {"today", K_RELDAY, 0, 0}, {"tonight", K_RELDAY, 0, 0}, {"yesterday", K_RELDAY, -1, 0},
    {"tomorrow", K_RELDAY, 1, 0}, {"сегодня", K_RELDAY, 0, 0}, {"вчера", K_RELDAY, -1, 0},
    {"завтра", K_RELDAY, 1, 0}, {"позавчера", K_RELDAY, -2, 0}, {"послезавтра", K_RELDAY, 2, 0},
    {"heute", K_RELDAY, 0, 0}, {"gestern", K_RELDAY, -1, 0}, {"morgen", K_RELDAY, 1, F_LOWER},
    {"vorgestern", K_RELDAY, -2, 0}, {"übermorgen", K_RELDAY, 2, 0},
    {"aujourd'hui", K_RELDAY, 0, 0}, {"hier", K_RELDAY, -1, F_FR}, {"demain", K_RELDAY, 1, 0},
    {"avant-hier", K_RELDAY, -2, 0}, {"après-demain", K_RELDAY, 2, 0},
    {"hoy", K_RELDAY, 0, 0}, {"ayer", K_RELDAY, -1, 0}, {"anteayer", K_RELDAY, -2, 0},
    {"mañana", K_RELDAY, 1, 0},

    /* units */
    {"day", K_UNIT, U_DAY, 0}, {"days", K_UNIT, U_DAY, 0}, {"week", K_UNIT, U_WEEK, 0},
    {"weeks", K_UNIT, U_WEEK, 0}, {"weekend", K_UNIT, U_WEEK, 0}, {"month", K_UNIT, U_MONTH, 0},
    {"months", K_UNIT, U_MONTH, 0}, {"year", K_UNIT, U_YEAR, 0}, {"years", K_UNIT, U_YEAR, 0},
    {"tag", K_UNIT, U_DAY, 0}, {"tagen", K_UNIT, U_DAY, 0}, {"woche", K_UNIT, U_WEEK, 0},
    {"wochen", K_UNIT, U_WEEK, 0}, {"monat", K_UNIT, U_MONTH, 0}, {"monaten", K_UNIT, U_MONTH, 0},
    {"jahr", K_UNIT, U_YEAR, 0}, {"jahren", K_UNIT, U_YEAR, 0},
    {"jour", K_UNIT, U_DAY, 0}, {"jours", K_UNIT, U_DAY, 0}, {"semaine", K_UNIT, U_WEEK, 0},
    {"semaines", K_UNIT, U_WEEK, 0}, {"mois", K_UNIT, U_MONTH, 0}, {"année", K_UNIT, U_YEAR, 0},
    {"l'année", K_UNIT, U_YEAR, 0}, {"an", K_UNIT, U_YEAR, F_FR}, {"ans", K_UNIT, U_YEAR, 0},
    {"día", K_UNIT, U_DAY, 0}, {"días", K_UNIT, U_DAY, 0}, {"semana", K_UNIT, U_WEEK, 0},
    {"semanas", K_UNIT, U_WEEK, 0}, {"mes", K_UNIT, U_MONTH, 0}, {"meses", K_UNIT, U_MONTH, 0},
    {"año", K_UNIT, U_YEAR, 0}, {"años", K_UNIT, U_YEAR, 0},
    {"день", K_UNIT, U_DAY, 0}, {"дня", K_UNIT, U_DAY, 0}, {"дней", K_UNIT, U_DAY, 0},
    {"неделе", K_UNIT, U_WEEK, 0}, {"неделю", K_UNIT, U_WEEK, 0}, {"недели", K_UNIT, U_WEEK, 0},
    {"недель", K_UNIT, U_WEEK, 0}, {"месяц", K_UNIT, U_MONTH, 0}, {"месяце", K_UNIT, U_MONTH, 0},
    {"месяца", K_UNIT, U_MONTH, 0}, {"месяцев", K_UNIT, U_MONTH, 0},
    {"год", K_UNIT, U_YEAR, 0}, {"году", K_UNIT, U_YEAR, 0}, {"года", K_UNIT, U_YEAR, 0},
    {"лет", K_UNIT, U_YEAR, 0},

    /* last / this / next */
    {"last", K_MOD, -1, 0}, {"this", K_MOD, 0, 0}, {"next", K_MOD, 1, 0},
    {"letzte", K_MOD, -1, 0}, {"letzten", K_MOD, -1, 0}, {"letztes", K_MOD, -1, 0},
    {"vergangene", K_MOD, -1, 0}, {"vergangenen", K_MOD, -1, 0}, {"vergangenes", K_MOD, -1, 0},
    {"vorige", K_MOD, -1, 0}, {"vorigen", K_MOD, -1, 0}, {"voriges", K_MOD, -1, 0},
    {"diese", K_MOD, 0, 0}, {"diesen", K_MOD, 0, 0}, {"dieses", K_MOD, 0, 0},
    {"diesem", K_MOD, 0, 0}, {"nächste", K_MOD, 1, 0}, {"nächsten", K_MOD, 1, 0},
    {"nächstes", K_MOD, 1, 0}, {"kommende", K_MOD, 1, 0}, {"kommenden", K_MOD, 1, 0},
    {"dernier", K_MOD, -1, 0}, {"dernière", K_MOD, -1, 0}, {"passée", K_MOD, -1, 0},
    {"passé", K_MOD, -1, 0}, {"cette", K_MOD, 0, 0}, {"ce", K_MOD, 0, 0},
    {"prochain", K_MOD, 1, 0}, {"prochaine", K_MOD, 1, 0},
    {"pasado", K_MOD, -1, 0}, {"pasada", K_MOD, -1, 0}, {"este", K_MOD, 0, 0},
    {"esta", K_MOD, 0, 0}, {"próximo", K_MOD, 1, 0}, {"próxima", K_MOD, 1, 0},
    {"прошлой", K_MOD, -1, 0}, {"прошлом", K_MOD, -1, 0}, {"прошлую", K_MOD, -1, 0},
    {"этой", K_MOD, 0, 0}, {"этом", K_MOD, 0, 0}, {"эту", K_MOD, 0, 0},
    {"следующей", K_MOD, 1, 0}, {"следующем", K_MOD, 1, 0}, {"следующую", K_MOD, 1, 0},

    /* numerals for "two days ago" */
    {"a", K_NUM, 1, 0}, {"an", K_NUM, 1, 0}, {"one", K_NUM, 1, 0}, {"two", K_NUM, 2, 0},
    {"three", K_NUM, 3, 0}, {"four", K_NUM, 4, 0}, {"five", K_NUM, 5, 0}, {"six", K_NUM, 6, 0},
    {"seven", K_NUM, 7, 0}, {"eight", K_NUM, 8, 0}, {"nine", K_NUM, 9, 0}, {"ten", K_NUM, 10, 0},
    {"eleven", K_NUM, 11, 0}, {"twelve", K_NUM, 12, 0},
    {"einem", K_NUM, 1, 0}, {"einer", K_NUM, 1, 0}, {"zwei", K_NUM, 2, 0}, {"drei", K_NUM, 3, 0},
    {"vier", K_NUM, 4, 0}, {"fünf", K_NUM, 5, 0}, {"sechs", K_NUM, 6, 0},
    {"sieben", K_NUM, 7, 0}, {"zehn", K_NUM, 10, 0},
    {"un", K_NUM, 1, 0}, {"une", K_NUM, 1, 0}, {"deux", K_NUM, 2, 0}, {"trois", K_NUM, 3, 0},
    {"quatre", K_NUM, 4, 0}, {"cinq", K_NUM, 5, 0}, {"dix", K_NUM, 10, 0},
    {"una", K_NUM, 1, 0}, {"dos", K_NUM, 2, 0}, {"tres", K_NUM, 3, 0},
    {"cuatro", K_NUM, 4, 0}, {"cinco", K_NUM, 5, 0}, {"diez", K_NUM, 10, 0},
    {"два", K_NUM, 2, 0}, {"две", K_NUM, 2, 0}, {"три", K_NUM, 3, 0}, {"четыре", K_NUM, 4, 0},
    {"пять", K_NUM, 5, 0}, {"десять", K_NUM, 10, 0},

    /* prepositions taken into the span */
    {"on", K_PREP, 0, 0}, {"in", K_PREP, 0, 0}, {"since", K_PREP, 0, 0}, {"until", K_PREP, 0, 0},
    {"by", K_PREP, 0, 0}, {"from", K_PREP, 0, 0}, {"during", K_PREP, 0, 0},
    {"before", K_PREP, 0, 0}, {"after", K_PREP, 0, 0}, {"of", K_PREP, 0, 0},
    {"am", K_PREP, 0, 0}, {"im", K_PREP, 0, 0}, {"seit", K_PREP, 0, 0}, {"bis", K_PREP, 0, 0},
    {"en", K_PREP, 0, 0}, {"depuis", K_PREP, 0, 0}, {"le", K_PREP, 0, 0},
    {"el", K_PREP, 0, 0}, {"desde", K_PREP, 0, 0}, {"hasta", K_PREP, 0, 0},
    {"в", K_PREP, 0, 0}, {"во", K_PREP, 0, 0}, {"с", K_PREP, 0, 0}, {"до", K_PREP, 0, 0},
    {"на", K_PREP, 0, 0},

    /* early / mid / late a month */
    {"early", K_PART, 0, 0}, {"mid", K_PART, 0, 0}, {"late", K_PART, 0, 0},
    {"anfang", K_PART, 0, 0}, {"mitte", K_PART, 0, 0}, {"ende", K_PART, 0, 0},
    {"début", K_PART, 0, 0}, {"mi", K_PART, 0, 0}, {"fin", K_PART, 0, 0},
    {"principios", K_PART, 0, 0}, {"mediados", K_PART, 0, 0}, {"finales", K_PART, 0, 0},
    {"начале", K_PART, 0, 0}, {"середине", K_PART, 0, 0}, {"конце", K_PART, 0, 0},
    {"earlier", K_SHIFT, 0, 0}, {"later", K_SHIFT, 0, 0},

    /* ago */
    {"ago", K_AGO, -1, 0}, {"назад", K_AGO, -1, 0}, {"vor", K_AGO, -2, F_DE},
    {"hace", K_AGO, -2, 0},

    /* "a week earlier" */
    {"earlier", K_AFTERREF, -1, 0}, {"later", K_AFTERREF, 1, 0}, {"before", K_AFTERREF, -1, 0},
    {"plus", K_AFTERREF, 1, 0}, {"después", K_AFTERREF, 1, 0}, {"später", K_AFTERREF, 1, 0},
    {"früher", K_AFTERREF, -1, 0}, {"спустя", K_AFTERREF, 1, 0},

    /* parts of the day after a day word */
    {"morning", K_DAYPART, 0, 0}, {"afternoon", K_DAYPART, 0, 0}, {"evening", K_DAYPART, 0, 0},
    {"night", K_DAYPART, 0, 0}, {"abend", K_DAYPART, 0, 0}, {"nachmittag", K_DAYPART, 0, 0},
    {"vormittag", K_DAYPART, 0, 0}, {"matin", K_DAYPART, 0, 0}, {"soir", K_DAYPART, 0, 0},
    {"утром", K_DAYPART, 0, 0}, {"вечером", K_DAYPART, 0, 0},

    /* future markers */
    {"will", K_FUTURE, 0, 0}, {"shall", K_FUTURE, 0, 0}, {"won't", K_FUTURE, 0, 0},
    {"due", K_FUTURE, 0, 0}, {"scheduled", K_FUTURE, 0, 0}, {"planned", K_FUTURE, 0, 0},
    {"wird", K_FUTURE, 0, 0}, {"werden", K_FUTURE, 0, 0}, {"soll", K_FUTURE, 0, 0},
    {"будет", K_FUTURE, 0, 0}, {"будут", K_FUTURE, 0, 0}, {"va", K_FUTURE, 0, 0},
    {"vont", K_FUTURE, 0, 0}, {"sera", K_FUTURE, 0, 0}, {"seront", K_FUTURE, 0, 0},
    {"irá", K_FUTURE, 0, 0}, {"será", K_FUTURE, 0, 0}, {"serán", K_FUTURE, 0, 0},

    /* words inside a date */
    {"de", K_CONNECT, 0, 0}, {"del", K_CONNECT, 0, 0}, {"of", K_CONNECT, 0, 0},
    {"the", K_CONNECT, 0, 0}, {"le", K_CONNECT, 0, 0}, {"el", K_CONNECT, 0, 0},
};
#define NVOCAB (sizeof VOCAB / sizeof VOCAB[0])

static const vword *vocab[NVOCAB]; /* VOCAB sorted by form */
static pthread_once_t vocab_once = PTHREAD_ONCE_INIT;

static int cmp_vword(const void *a, const void *b)
{
    return strcmp((*(const vword *const *)a)->form, (*(const vword *const *)b)->form);
}

static void vocab_build(void)
{
    for (size_t i = 0; i < NVOCAB; i++) vocab[i] = &VOCAB[i];
    qsort(vocab, NVOCAB, sizeof vocab[0], cmp_vword);
}

/* One word of the sentence. */
typedef struct wword {
    size_t s, e;                 /* byte span in the sentence */
    char low[WHEN_WORD_MAX + 1]; /* folded form (empty when too long) */
    int cap;                     /* 1: starts with an upper-case letter */
    int lower;                   /* 1: no upper-case letter at all */
    int num;                     /* value of its leading digits, or -1 */
    int ndig;                    /* how many leading digits */
    const char *rest;            /* `low` after the leading digits */
} wword;

/* The sentence being read. */
typedef struct reader {
    const char *s;     /* the text */
    wword *w;          /* its words */
    size_t n;          /* how many */
    int fr, de;        /* the text is French / German (or unknown, for German) */
    int future;        /* the sentence speaks of the future */
    int has_pub;       /* a publication date is known */
    long pub;          /* its day number */
} reader;

/* ---- calendar ---- */

long when_days(int y, int m, int d)
{
    /* Howard Hinnant's days_from_civil */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in(int y, int m)
{
    static const int D[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return D[m - 1];
}

/* 0 Monday .. 6 Sunday (1970-01-01 was a Thursday). */
static int weekday(long z)
{
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int when_parse_iso(const char *z, int *y, int *m, int *d)
{
    if (!z) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (z[i] != '-') return 0;
        } else if (z[i] < '0' || z[i] > '9') {
            return 0;
        }
    }
    *y = atoi(z);
    *m = (z[5] - '0') * 10 + z[6] - '0';
    *d = (z[8] - '0') * 10 + z[9] - '0';
    return *y >= 1 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in(*y, *m);
}

void when_format(const when_hit *h, char out[11])
{
    int y = h->year < 0 ? 0 : h->year > 9999 ? 9999 : h->year;
    int m = h->month < 0 ? 0 : h->month > 12 ? 12 : h->month;
    int d = h->day < 0 ? 0 : h->day > 31 ? 31 : h->day;
    char buf[48]; /* room for any int, so that no compiler sees a truncation */
    if (h->prec == WHEN_DAY)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else if (h->prec == WHEN_MONTH || h->prec == WHEN_WEEK)
        snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else
        snprintf(buf, sizeof buf, "%04d", y);
    memcpy(out, buf, 11);
    out[10] = '\0';
}

/* ---- words ---- */

static int is_word_cp(uint32_t cp)
{
    if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                         (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
           c == UTF8PROC_CATEGORY_ND;
}

/* Decodes the code point at s[i..n) (an invalid byte reads as U+FFFD, length 1). */
static size_t cp_at(const char *s, size_t n, size_t i, uint32_t *cp)
{
    size_t k = utf8_decode(s + i, n - i, cp);
    if (!k) {
        *cp = 0xFFFD;
        k = 1;
    }
    return k;
}

/* Cuts s[0..n) into words: runs of letters and digits, with an inner ' ’ - between letters and
 * . / - between digits kept ("aujourd'hui", "avant-hier", "2022-01-26", "26.01.2022"). */
static size_t read_words(const char *s, size_t n, wword *w, size_t max)
{
    size_t nw = 0, i = 0;
    while (i < n && nw < max) {
        uint32_t cp;
        size_t k = cp_at(s, n, i, &cp);
        if (!is_word_cp(cp)) {
            i += k;
            continue;
        }
        wword *x = &w[nw];
        memset(x, 0, sizeof *x);
        x->s = i;
        size_t o = 0;
        int toolong = 0, upper = 0, first = 1;
        uint32_t prev = 0;
        size_t apos = 0; /* where the last inner apostrophe was, if any */
        while (i < n) {
            k = cp_at(s, n, i, &cp);
            if (!is_word_cp(cp)) {
                /* an inner joiner continues the word when a word character follows it */
                int digit_join = (cp == '.' || cp == '/' || cp == '-') && prev >= '0' && prev <= '9';
                /* a hyphen joins letters only in "avant-hier", "après-demain": "mid-January"
                 * is two words */
                int letter_join = !(prev >= '0' && prev <= '9') &&
                                  (cp == '\'' || cp == 0x2019 ||
                                   (cp == '-' && (!strcmp(x->low, "avant") ||
                                                  !strcmp(x->low, "après"))));
                if (!(digit_join || letter_join) || i + k >= n) break;
                uint32_t nx;
                cp_at(s, n, i + k, &nx);
                if (!is_word_cp(nx) || (digit_join && !(nx >= '0' && nx <= '9'))) break;
                if (cp == 0x2019) cp = '\'';
                if (cp == '\'') apos = i;
            }
            utf8proc_int32_t lc = utf8proc_tolower((utf8proc_int32_t)cp);
            if ((uint32_t)lc != cp) {
                upper = 1;
                if (first) x->cap = 1;
            }
            char enc[4];
            size_t el = utf8_encode((uint32_t)lc, enc);
            if (o + el <= WHEN_WORD_MAX) {
                memcpy(x->low + o, enc, el);
                o += el;
                x->low[o] = '\0';
            } else {
                toolong = 1;
            }
            first = 0;
            prev = cp;
            i += k;
        }
        x->e = i;
        if (!toolong && o > 3 && !strcmp(x->low + o - 2, "'s")) {
            /* an English possessive: "today's meeting", "Friday's talks" */
            o -= 2;
            x->e = apos;
        }
        x->low[toolong ? 0 : o] = '\0';
        x->lower = !upper;
        x->num = -1;
        size_t d = 0;
        long v = 0;
        while (x->low[d] >= '0' && x->low[d] <= '9' && d < 9) v = v * 10 + (x->low[d++] - '0');
        if (d && !(x->low[d] >= '0' && x->low[d] <= '9')) {
            x->num = (int)v;
            x->ndig = (int)d;
        }
        x->rest = x->low + d;
        nw++;
    }
    return nw;
}

/* The vocabulary entry of word i with this kind (honouring its flags), or NULL. */
static const vword *kind_of(const reader *r, size_t i, int kind)
{
    if (i >= r->n || !r->w[i].low[0]) return NULL;
    const wword *x = &r->w[i];
    size_t lo = 0, hi = NVOCAB;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(vocab[mid]->form, x->low) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < NVOCAB && strcmp(vocab[lo]->form, x->low) == 0; lo++) {
        const vword *v = vocab[lo];
        if (v->kind != kind) continue;
        if ((v->flags & F_CAP) && !x->cap) continue;
        if ((v->flags & F_LOWER) && !x->lower) continue;
        if ((v->flags & F_FR) && !r->fr) continue;
        if ((v->flags & F_DE) && !r->de) continue;
        return v;
    }
    return NULL;
}

/* Is the text between words i and i+1 only spaces and at most one ',' or '.' (a date's inner
 * punctuation: "Jan. 26, 2022", "26. Januar")? */
static int tight(const reader *r, size_t i)
{
    if (i + 1 >= r->n) return 0;
    size_t a = r->w[i].e, b = r->w[i + 1].s;
    if (b - a > 6) return 0;
    int punct = 0;
    for (size_t k = a; k < b;) {
        uint32_t cp;
        size_t l = cp_at(r->s, b, k, &cp);
        if (cp == ',' || cp == '.') {
            if (++punct > 1) return 0;
        } else if (!utf8_is_space(cp)) {
            return 0;
        }
        k += l;
    }
    return 1;
}

/* Is the gap between words i and i+1 only spaces (or a hyphen: "mid-January")? */
static int spaced(const reader *r, size_t i)
{
    if (i + 1 >= r->n) return 0;
    for (size_t k = r->w[i].e; k < r->w[i + 1].s;) {
        uint32_t cp;
        size_t l = cp_at(r->s, r->w[i + 1].s, k, &cp);
        if (!utf8_is_space(cp) && cp != '-') return 0;
        k += l;
    }
    return 1;
}

/* A day of the month: 1-31 with at most an ordinal ending ("26th", "1er") or a range ("22-23"). */
static int day_word(const reader *r, size_t i)
{
    if (i >= r->n) return 0;
    const wword *x = &r->w[i];
    if (x->num < 1 || x->num > 31 || x->ndig > 2) return 0;
    const char *t = x->rest;
    if (!*t || !strcmp(t, "st") || !strcmp(t, "nd") || !strcmp(t, "rd") || !strcmp(t, "th") ||
        !strcmp(t, "er") || !strcmp(t, "e") || !strcmp(t, "-го"))
        return x->num;
    if (t[0] == '-' && t[1] >= '0' && t[1] <= '9') return x->num;
    return 0;
}

/* A year written in full: 1900-2100, four digits and nothing else. */
static int year_word(const reader *r, size_t i)
{
    if (i >= r->n) return 0;
    const wword *x = &r->w[i];
    if (x->ndig != 4 || x->rest[0] || x->num < 1900 || x->num > 2100) return 0;
    return x->num;
}

/* ---- resolving ---- */

static void set_day(when_hit *h, long z)
{
    civil(z, &h->year, &h->month, &h->day);
    h->prec = WHEN_DAY;
}

/* A month and day without a year: the year that puts it nearest to publication (a "December
 * 30" in a January 3 article is last year's), or the first on or after it when the sentence
 * speaks of the future. Returns 0 when there is no publication date or the day cannot exist. */
static int resolve_month_day(const reader *r, int m, int d, when_hit *h)
{
    if (!r->has_pub) return 0;
    int py, pm, pd;
    civil(r->pub, &py, &pm, &pd);
    long best = 0;
    int found = 0;
    for (int y = py - 1; y <= py + 1; y++) {
        if (d > days_in(y, m)) continue; /* 29 February only in leap years */
        long z = when_days(y, m, d);
        int better;
        if (!found) {
            better = 1;
        } else if (r->future) {
            /* the first one on or after publication */
            better = (best < r->pub && z >= r->pub) || (z >= r->pub && z < best);
        } else {
            long db = labs(best - r->pub), dz = labs(z - r->pub);
            better = dz < db;
        }
        if (better) {
            best = z;
            found = 1;
        }
    }
    if (!found) return 0;
    set_day(h, best);
    h->relative = 1;
    return 1;
}

/* A month without a year: the latest on or before publication's month, or the next one after
 * it when the sentence speaks of the future. */
static int resolve_month(const reader *r, int m, when_hit *h)
{
    if (!r->has_pub) return 0;
    int py, pm, pd;
    civil(r->pub, &py, &pm, &pd);
    int y = py;
    if (r->future) {
        if (m < pm) y++;
    } else if (m > pm) {
        y--;
    }
    h->year = y;
    h->month = m;
    h->day = 0;
    h->prec = WHEN_MONTH;
    h->relative = 1;
    return 1;
}

/* A weekday: the latest on or before publication for the past, the first on or after it for the
 * future; `mod` -1 ("last Tuesday") is strictly before, +1 ("next Tuesday") strictly after. */
static int resolve_weekday(const reader *r, int wd, int mod, when_hit *h)
{
    if (!r->has_pub) return 0;
    int pw = weekday(r->pub);
    long z;
    if (mod > 0 || (mod == 0 && r->future)) {
        int ahead = (wd - pw + 7) % 7;
        if (ahead == 0 && mod > 0) ahead = 7;
        z = r->pub + ahead;
    } else {
        int back = (pw - wd + 7) % 7;
        if (back == 0 && mod < 0) back = 7;
        z = r->pub - back;
    }
    set_day(h, z);
    h->relative = 1;
    return 1;
}

/* Moves a date by n units (month arithmetic keeps the day inside the month). */
static void shift(when_hit *h, int unit, int n)
{
    if (unit == U_DAY || unit == U_WEEK) {
        long z = when_days(h->year, h->month ? h->month : 1, h->day ? h->day : 1);
        z += unit == U_DAY ? n : 7L * n;
        int keep = h->prec;
        set_day(h, z);
        h->prec = unit == U_DAY && keep == WHEN_DAY ? WHEN_DAY : WHEN_WEEK;
        if (keep < WHEN_WEEK && unit == U_WEEK) h->prec = WHEN_WEEK;
    } else if (unit == U_MONTH) {
        int mm = (h->year * 12 + (h->month ? h->month : 1) - 1) + n;
        h->year = mm / 12;
        h->month = mm % 12 + 1;
        h->day = 0;
        h->prec = WHEN_MONTH;
    } else {
        h->year += n;
        h->month = 0;
        h->day = 0;
        h->prec = WHEN_YEAR;
    }
}

/* The publication date as a hit of precision `unit`. */
static void from_pub(const reader *r, int unit, when_hit *h)
{
    set_day(h, r->pub);
    if (unit == U_WEEK) h->prec = WHEN_WEEK;
    if (unit == U_MONTH) h->day = 0, h->prec = WHEN_MONTH;
    if (unit == U_YEAR) h->day = 0, h->month = 0, h->prec = WHEN_YEAR;
    h->relative = 1;
}

/* ---- patterns ---- */

/* Extends a match that starts at word i back over a preposition or early/mid/late. */
static size_t take_before(const reader *r, size_t i, size_t floor, int part_ok)
{
    if (part_ok && i > floor && kind_of(r, i - 1, K_PART) && spaced(r, i - 1)) i--;
    if (i > floor && kind_of(r, i - 1, K_PREP) && spaced(r, i - 1)) i--;
    return i;
}

/* Extends a match that ends at word j (inclusive) over "morning", "evening" ... */
static size_t take_daypart(const reader *r, size_t j)
{
    if (j + 1 < r->n && spaced(r, j) && kind_of(r, j + 1, K_DAYPART)) return j + 1;
    return j;
}

/* Is "earlier"/"later"/"before" at word j a bare reference to an earlier date ("six weeks
 * earlier", "two days before.") and not a comparison ("earlier than") or a preposition ("two days
 * before the vote", which counts from something else)? */
static int afterref_ok(const reader *r, size_t j)
{
    if (j + 1 >= r->n) return 1;
    if (!strcmp(r->w[j + 1].low, "than")) return 0;
    int clause_end = 0;
    for (size_t k = r->w[j].e; k < r->w[j + 1].s; k++)
        if (strchr(",.;:!?)", r->s[k])) clause_end = 1;
    if (!strcmp(r->w[j].low, "before") || !strcmp(r->w[j].low, "after")) return clause_end;
    return 1;
}

/* A number of units: digits or a numeral word at word i; 0 when neither. */
static int count_at(const reader *r, size_t i)
{
    if (i >= r->n) return 0;
    if (r->w[i].num > 0 && !r->w[i].rest[0] && r->w[i].num < 1000) return r->w[i].num;
    const vword *v = kind_of(r, i, K_NUM);
    return v ? v->val : 0;
}

/*
 * Tries every pattern at word i. On a match fills *h (span in words [*first, *last]) and
 * returns 1; returns 2 when words [*first, *last] are a date that cannot exist ("31 June"),
 * to be skipped whole; 0 when nothing matches. `prev` is the hit before, for "a week earlier".
 */
static int match_at(const reader *r, size_t i, size_t floor, const when_hit *prev, when_hit *h,
                    size_t *first, size_t *last)
{
    const wword *w = r->w;
    const vword *v;
    memset(h, 0, sizeof *h);

    /* numeric: 2022-01-26, 2022/01/26, 26.01.2022 */
    if (w[i].num >= 0 && w[i].rest[0]) {
        int a = 0, b = 0, c = 0;
        char s1 = 0, s2 = 0;
        int got = 0;
        const char *p = w[i].low;
        char tail;
        if (sscanf(p, "%4d%c%2d%c%2d%c", &a, &s1, &b, &s2, &c, &tail) == 5 && s1 == s2 &&
            (s1 == '-' || s1 == '/') && w[i].ndig == 4 && strlen(p) == 10)
            got = 1; /* y m d */
        else if (sscanf(p, "%2d.%2d.%4d%c", &c, &b, &a, &tail) == 3 && strlen(p) == 10)
            got = 1; /* d.m.y */
        if (got && a >= 1900 && a <= 2100 && b >= 1 && b <= 12 && c >= 1 &&
            c <= days_in(a, b)) {
            h->year = a, h->month = b, h->day = c, h->prec = WHEN_DAY;
            *first = take_before(r, i, floor, 0);
            *last = i;
            return 1;
        }
    }

    /* [weekday,] MONTH DAY[,] [YEAR]  /  MONTH YEAR  /  MONTH alone after a preposition */
    size_t start = i;
    if ((v = kind_of(r, i, K_MONTH)) != NULL) {
        int m = v->val;
        if (day_word(r, i + 1) && tight(r, i)) {
            int d = day_word(r, i + 1);
            size_t j = i + 1;
            if (j + 1 < r->n && tight(r, j) && year_word(r, j + 1)) {
                j++;
                if (d > days_in(year_word(r, j), m)) {
                    *first = i, *last = j;
                    return 2;
                }
                h->year = year_word(r, j), h->month = m, h->day = d, h->prec = WHEN_DAY;
            } else if (!resolve_month_day(r, m, d, h)) {
                return 0;
            }
            *first = take_before(r, start, floor, 0);
            *last = j;
            return 1;
        }
        size_t j = i;
        if (i + 1 < r->n && kind_of(r, i + 1, K_CONNECT) && spaced(r, i) && year_word(r, i + 2) &&
            spaced(r, i + 1))
            j = i + 2; /* "enero de 2022" */
        else if (year_word(r, i + 1) && tight(r, i))
            j = i + 1;
        if (j > i) {
            h->year = year_word(r, j), h->month = m, h->prec = WHEN_MONTH;
            *first = take_before(r, i, floor, 1);
            *last = j;
            return 1;
        }
        /* alone: only after a preposition or early/mid/late ("in March", "late January",
         * "в марте"), so "the September proposal" and "May" the name stay out */
        int lead = i > floor && spaced(r, i - 1) &&
                   (kind_of(r, i - 1, K_PREP) || kind_of(r, i - 1, K_PART));
        if (!lead) return 0;
        if (!resolve_month(r, m, h)) return 0;
        *first = take_before(r, i, floor, 1);
        *last = i;
        return 1;
    }

    /* [the] DAY [of|de] MONTH [[de] YEAR]: "26 January", "26. Januar 2022", "26 de enero de 2022" */
    if (day_word(r, i)) {
        int d = day_word(r, i);
        size_t j = i + 1;
        int gap_ok = tight(r, i);
        if (j < r->n && kind_of(r, j, K_CONNECT) && spaced(r, i)) {
            j++;
            gap_ok = spaced(r, j - 1);
        }
        if (gap_ok && (v = kind_of(r, j, K_MONTH)) != NULL) {
            int m = v->val;
            size_t k = j;
            if (k + 2 < r->n + 0 && kind_of(r, k + 1, K_CONNECT) && year_word(r, k + 2) &&
                spaced(r, k) && spaced(r, k + 1))
                k += 2;
            else if (year_word(r, k + 1) && tight(r, k))
                k++;
            if (k > j) {
                int y = year_word(r, k);
                if (d > days_in(y, m)) {
                    *first = i, *last = k; /* "31 June 2022": no date, and no "June 2022" */
                    return 2;
                }
                h->year = y, h->month = m, h->day = d, h->prec = WHEN_DAY;
            } else if (!resolve_month_day(r, m, d, h)) {
                return 0;
            }
            size_t f = i;
            if (f > floor && kind_of(r, f - 1, K_CONNECT) && spaced(r, f - 1)) f--; /* "the" */
            *first = take_before(r, f, floor, 0);
            *last = k;
            return 1;
        }
    }

    /* a year after a preposition: "in 2021", "since 1998", "в 2021 году" */
    if (year_word(r, i) && i > floor && kind_of(r, i - 1, K_PREP) && spaced(r, i - 1)) {
        h->year = year_word(r, i), h->prec = WHEN_YEAR;
        size_t j = i;
        if (j + 1 < r->n && spaced(r, j) && (v = kind_of(r, j + 1, K_UNIT)) && v->val == U_YEAR)
            j++;
        *first = i - 1;
        *last = j;
        return 1;
    }

    /* a weekday, maybe with last/next/this, maybe followed by a full date */
    if ((v = kind_of(r, i, K_WDAY)) != NULL) {
        int wd = v->val;
        size_t f = i;
        int mod = 0;
        const vword *mv;
        if (f > floor && (mv = kind_of(r, f - 1, K_MOD)) != NULL && spaced(r, f - 1)) {
            mod = mv->val;
            f--;
        }
        /* "Tuesday 28 October", "Tuesday, Oct. 28": the date decides, the weekday rides along */
        if (i + 1 < r->n && tight(r, i)) {
            size_t a, b;
            when_hit inner;
            if ((day_word(r, i + 1) || kind_of(r, i + 1, K_MONTH)) &&
                match_at(r, i + 1, i + 1, prev, &inner, &a, &b) == 1) {
                *h = inner;
                *first = take_before(r, f, floor, 0);
                *last = b;
                return 1;
            }
        }
        if (!resolve_weekday(r, wd, mod, h)) return 0;
        *first = mod ? f : take_before(r, f, floor, 0);
        *last = take_daypart(r, i);
        return 1;
    }

    /* today, yesterday, вчера, gestern, hier, ayer ... */
    if ((v = kind_of(r, i, K_RELDAY)) != NULL) {
        if (!r->has_pub) return 0;
        /* Spanish "mañana" after an article or "esta" is "morning" */
        if (!strcmp(w[i].low, "mañana") && i > 0 &&
            (!strcmp(w[i - 1].low, "la") || !strcmp(w[i - 1].low, "esta")))
            return 0;
        set_day(h, r->pub + v->val);
        h->relative = 1;
        *first = i;
        *last = take_daypart(r, i);
        return 1;
    }
    if (!strcmp(w[i].low, "this") && i + 1 < r->n && spaced(r, i) && kind_of(r, i + 1, K_DAYPART)) {
        if (!r->has_pub) return 0;
        set_day(h, r->pub);
        h->relative = 1;
        *first = i, *last = i + 1;
        return 1;
    }
    if (!strcmp(w[i].low, "last") && i + 1 < r->n && spaced(r, i) && !strcmp(w[i + 1].low, "night")) {
        if (!r->has_pub) return 0;
        set_day(h, r->pub - 1);
        h->relative = 1;
        *first = i, *last = i + 1;
        return 1;
    }

    /* last/this/next week|month|year, in either order ("la semaine dernière") */
    {
        const vword *mv = kind_of(r, i, K_MOD), *uv = NULL;
        size_t j = i + 1;
        if (mv && j < r->n && spaced(r, i)) uv = kind_of(r, j, K_UNIT);
        if (!(mv && uv)) {
            uv = kind_of(r, i, K_UNIT);
            mv = uv && j < r->n && spaced(r, i) ? kind_of(r, j, K_MOD) : NULL;
        }
        if (mv && uv && uv->val != U_DAY) {
            if (!r->has_pub) return 0;
            from_pub(r, uv->val, h);
            if (mv->val) shift(h, uv->val, mv->val);
            size_t f = i;
            /* "earlier this month": the month still */
            if (f > floor && kind_of(r, f - 1, K_SHIFT) && spaced(r, f - 1)) f--;
            else if (f > floor && kind_of(r, f - 1, K_PREP) && spaced(r, f - 1)) f--;
            *first = f;
            *last = j;
            return 1;
        }
    }

    /* N units ago / vor N Tagen / hace N días / il y a N jours / N units earlier */
    {
        size_t k = i;
        int ago_before = 0;
        if ((v = kind_of(r, i, K_AGO)) != NULL && v->val == -2) {
            ago_before = 1;
            k = i + 1;
        } else if (!strcmp(w[i].low, "il") && i + 2 < r->n && !strcmp(w[i + 1].low, "y") &&
                   !strcmp(w[i + 2].low, "a")) {
            ago_before = 1;
            k = i + 3;
        }
        int cnt = count_at(r, k);
        const vword *uv = NULL;
        if (cnt && k + 1 < r->n && spaced(r, k)) uv = kind_of(r, k + 1, K_UNIT);
        if (cnt && uv && (ago_before ? spaced(r, i) || k == i + 3 : 1)) {
            int sign = 0;
            size_t end = k + 1;
            const vword *av;
            if (ago_before) {
                sign = -1;
            } else if (end + 1 < r->n && spaced(r, end) &&
                       (av = kind_of(r, end + 1, K_AGO)) != NULL && av->val == -1) {
                sign = -1;
                end++;
            } else if (end + 1 < r->n && spaced(r, end) &&
                       (av = kind_of(r, end + 1, K_AFTERREF)) != NULL &&
                       afterref_ok(r, end + 1)) {
                sign = av->val;
                end++;
                /* from the hit before it in the sentence, else from publication */
                if (prev) {
                    *h = *prev;
                    if (h->prec < WHEN_DAY && uv->val <= U_WEEK) return 0;
                    shift(h, uv->val, sign * cnt);
                    h->relative = 1;
                    *first = i, *last = end;
                    return 1;
                }
            }
            if (sign && r->has_pub) {
                from_pub(r, U_DAY, h);
                shift(h, uv->val, sign * cnt);
                h->relative = 1;
                *first = i, *last = end;
                return 1;
            }
        }
    }
    return 0;
}

/* Does the sentence speak of the future? ("will", "due", "wird", "будет" ...) Words inside
 * double quotation marks are the speaker's, not the sentence's tense: “Varnia will not trade
 * its river,” she said on Wednesday. */
static int tense_future(const reader *r)
{
    int quoted = 0;
    for (size_t i = 0; i < r->n; i++) {
        size_t from = i ? r->w[i - 1].e : 0;
        for (size_t k = from; k < r->w[i].s;) {
            uint32_t cp;
            size_t l = cp_at(r->s, r->w[i].s, k, &cp);
            if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB ||
                cp == 0x201E)
                quoted = cp == 0x201C || cp == 0x00AB || cp == 0x201E ? 1
                         : cp == 0x201D || cp == 0x00BB              ? 0
                                                                     : !quoted;
            k += l;
        }
        if (quoted) continue;
        if (kind_of(r, i, K_FUTURE)) return 1;
        const char *t = r->w[i].low;
        size_t l = strlen(t);
        if (l > 3 && !strcmp(t + l - 3, "'ll")) return 1;
    }
    return 0;
}

size_t when_find(const char *s, size_t n, const char *lang, const char *published,
                 when_hit *out, size_t max)
{
    pthread_once(&vocab_once, vocab_build);
    if (!s || !n || !out || !max) return 0;
    wword words[WHEN_MAX_WORDS];
    reader r;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.w = words;
    r.n = read_words(s, n, words, WHEN_MAX_WORDS);
    r.fr = lang && !strncmp(lang, "fr", 2);
    r.de = !lang || !*lang || !strncmp(lang, "de", 2);
    int y, m, d;
    if (when_parse_iso(published, &y, &m, &d)) {
        r.has_pub = 1;
        r.pub = when_days(y, m, d);
    }
    r.future = tense_future(&r);

    size_t nh = 0, floor = 0;
    for (size_t i = 0; i < r.n && nh < max; i++) {
        size_t a, b;
        when_hit h;
        int got = match_at(&r, i, floor, nh ? &out[nh - 1] : NULL, &h, &a, &b);
        if (!got) continue;
        if (got == 2) {
            i = b;
            floor = b + 1;
            continue;
        }
        h.at.start = words[a].s;
        h.at.end = words[b].e;
        out[nh++] = h;
        i = b;
        floor = b + 1;
    }
    return nh;
}
