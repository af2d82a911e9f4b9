/*
 * test_when.c - date expressions found in sentences written for these tests and resolved against
 * a publication date: weekdays, relative days, weeks, months and years, absolute dates in five
 * languages, year boundaries and leap years.
 */
#include "check.h"
#include "nlp/when.h"

#include <stdlib.h>

/* Every hit of text as "DATE=words" joined by " | " (into a static buffer). */
static const char *hits(const char *text, const char *lang, const char *pub)
{
    static char buf[1024];
    when_hit h[16];
    size_t n = when_find(text, strlen(text), lang, pub, h, 16);
    buf[0] = '\0';
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char d[11];
        when_format(&h[i], d);
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s=%.*s", i ? " | " : "", d,
                              (int)(h[i].at.end - h[i].at.start), text + h[i].at.start);
        if (o >= sizeof buf) break;
    }
    return buf;
}

static void test_weekdays(void)
{
    /* 2025-10-16 is a Thursday */
    const char *pub = "2025-10-16";
    CHECK_STR(hits("The reply was delivered on Tuesday in Lindhaven.", "en", pub),
              "2025-10-14=on Tuesday");
    CHECK_STR(hits("Korvin spoke on Thursday.", "en", pub), "2025-10-16=on Thursday");
    CHECK_STR(hits("Korvin will speak on Friday.", "en", pub), "2025-10-17=on Friday");
    CHECK_STR(hits("Korvin will speak on Wednesday.", "en", pub), "2025-10-22=on Wednesday");
    CHECK_STR(hits("They met last Thursday.", "en", pub), "2025-10-09=last Thursday");
    CHECK_STR(hits("They meet next Thursday.", "en", pub), "2025-10-23=next Thursday");
    CHECK_STR(hits("By Thursday morning the mood had turned.", "en", pub),
              "2025-10-16=By Thursday morning");
    /* the date decides when a weekday comes with one */
    CHECK_STR(hits("The next round opens on Tuesday 28 October.", "en", "2025-10-19"),
              "2025-10-28=on Tuesday 28 October");
    CHECK_STR(hits("It happened Tuesday, Oct. 14, 2025, at noon.", "en", NULL),
              "2025-10-14=Tuesday, Oct. 14, 2025");
    /* a weekday with no publication date resolves to nothing */
    CHECK_STR(hits("The reply was delivered on Tuesday.", "en", NULL), "");
    /* the time of day is cut from a full timestamp */
    CHECK_STR(hits("Delivered on Tuesday.", "en", "2025-10-15T18:30:00Z"), "2025-10-14=on Tuesday");
    /* the tense of the sentence, not of the quotation in it */
    CHECK_STR(hits("\u201cWe will not trade the river,\u201d she said on Wednesday.", "en", pub),
              "2025-10-15=on Wednesday");
    CHECK_STR(hits("\"We will not trade,\" she said on Wednesday.", "en", pub),
              "2025-10-15=on Wednesday");
    /* a lower-case "may" or "march" is a verb */
    CHECK_STR(hits("They may march on sunday.", "en", pub), "");
}

static void test_relative(void)
{
    const char *pub = "2025-10-16";
    CHECK_STR(hits("Officials said today that talks would go on.", "en", pub), "2025-10-16=today");
    CHECK_STR(hits("The minister arrived yesterday.", "en", pub), "2025-10-15=yesterday");
    CHECK_STR(hits("Talks resume tomorrow.", "en", pub), "2025-10-17=tomorrow");
    CHECK_STR(hits("Shots were heard last night.", "en", pub), "2025-10-15=last night");
    CHECK_STR(hits("He said this morning it was over.", "en", pub), "2025-10-16=this morning");
    CHECK_STR(hits("They met last week.", "en", pub), "2025-10=last week");
    CHECK_STR(hits("They met last month.", "en", pub), "2025-09=last month");
    CHECK_STR(hits("They met last year.", "en", pub), "2024=last year");
    CHECK_STR(hits("They will meet next month.", "en", pub), "2025-11=next month");
    CHECK_STR(hits("They will meet next year.", "en", pub), "2026=next year");
    CHECK_STR(hits("The navy confirmed this week that it was late.", "en", pub),
              "2025-10=this week");
    CHECK_STR(hits("It was signed earlier this month.", "en", pub), "2025-10=earlier this month");
    CHECK_STR(hits("It was signed two days ago.", "en", pub), "2025-10-14=two days ago");
    CHECK_STR(hits("It was signed 3 days ago.", "en", pub), "2025-10-13=3 days ago");
    CHECK_STR(hits("It was signed a year ago.", "en", pub), "2024=a year ago");
    CHECK_STR(hits("It was signed two months ago.", "en", pub), "2025-08=two months ago");
    /* "earlier" counts from the date before it in the sentence */
    CHECK_STR(hits("On Tuesday Kesh answered the proposals Varnia sent six weeks earlier.", "en",
                   "2025-10-17"),
              "2025-10-14=On Tuesday | 2025-09=six weeks earlier");
    CHECK_STR(hits("The vote was on 3 March and the count two days later.", "en", "2025-03-10"),
              "2025-03-03=on 3 March | 2025-03-05=two days later");
    /* comparisons and other references are not dates */
    CHECK_STR(hits("It came two days earlier than planned.", "en", pub), "");
    CHECK_STR(hits("He left two days before the vote.", "en", pub), "");
    /* a week across a year boundary */
    CHECK_STR(hits("Fighting resumed yesterday.", "en", "2025-01-01"), "2024-12-31=yesterday");
    CHECK_STR(hits("They met last month.", "en", "2025-01-10"), "2024-12=last month");
    CHECK_STR(hits("It was signed 10 days ago.", "en", "2024-03-05"), "2024-02-24=10 days ago");
    /* nothing relative without a publication date */
    CHECK_STR(hits("The minister arrived yesterday.", "en", NULL), "");
}

static void test_absolute(void)
{
    CHECK_STR(hits("The deal was signed on Jan. 26, 2022 in Kyiv.", "en", NULL),
              "2022-01-26=on Jan. 26, 2022");
    CHECK_STR(hits("Jan 26, 2022", "en", NULL), "2022-01-26=Jan 26, 2022");
    CHECK_STR(hits("The deal was signed on 2022-01-26.", "en", NULL), "2022-01-26=on 2022-01-26");
    CHECK_STR(hits("It was published 26.01.2022 by the ministry.", "de", NULL),
              "2022-01-26=26.01.2022");
    CHECK_STR(hits("It came on 26 January 2022.", "en", NULL), "2022-01-26=on 26 January 2022");
    CHECK_STR(hits("It came on the 26th of January, 2022.", "en", NULL),
              "2022-01-26=on the 26th of January, 2022");
    CHECK_STR(hits("Varnia sent its proposal on Sept. 2.", "en", "2025-10-14"),
              "2025-09-02=on Sept. 2");
    CHECK_STR(hits("The first round was held on Sept. 22-23.", "en", "2025-10-14"),
              "2025-09-22=on Sept. 22-23");
    CHECK_STR(hits("The proposal of 2 September was long.", "en", "2025-10-15"),
              "2025-09-02=of 2 September");
    CHECK_STR(hits("The dispute flared in June.", "en", "2025-10-14"), "2025-06=in June");
    CHECK_STR(hits("Talks will resume in March.", "en", "2025-10-14"), "2026-03=in March");
    CHECK_STR(hits("Talks resumed in early September.", "en", "2025-10-14"),
              "2025-09=in early September");
    CHECK_STR(hits("The truce held until late January.", "en", "2025-03-01"),
              "2025-01=until late January");
    CHECK_STR(hits("The dam was finished in mid-January.", "en", "2025-03-01"),
              "2025-01=in mid-January");
    CHECK_STR(hits("The treaty was signed in 1998.", "en", NULL), "1998=in 1998");
    CHECK_STR(hits("It began in June 2025.", "en", NULL), "2025-06=in June 2025");
    /* a month name without a preposition is not a date: a proposal, a name */
    CHECK_STR(hits("Varnia's September proposal asked for more.", "en", "2025-10-14"), "");
    CHECK_STR(hits("May Smith said 6,000 troops were there.", "en", "2025-10-14"), "");
    /* an impossible day is no date */
    CHECK_STR(hits("It came on 31 June 2022.", "en", NULL), "");
    /* without a publication date a month and day have no year */
    CHECK_STR(hits("Varnia sent its proposal on Sept. 2.", "en", NULL), "");
}

static void test_year_boundaries(void)
{
    /* a "December 30" in a January 3 article is last year's */
    CHECK_STR(hits("The strike began on December 30.", "en", "2025-01-03"),
              "2024-12-30=on December 30");
    /* and a "January 5" in a December 28 article is next year's */
    CHECK_STR(hits("The summit opens on January 5.", "en", "2024-12-28"),
              "2025-01-05=on January 5");
    /* a past month that is after the publication month is last year's */
    CHECK_STR(hits("The dam began filling in November.", "en", "2025-02-10"), "2024-11=in November");
    /* a Tuesday before a Thursday 1 January */
    CHECK_STR(hits("The reply came on Tuesday.", "en", "2026-01-01"), "2025-12-30=on Tuesday");
    /* leap years: 29 February exists in 2024, not in 2023 */
    CHECK_STR(hits("It came on 29 February 2024.", "en", NULL), "2024-02-29=on 29 February 2024");
    CHECK_STR(hits("It came on 29 February 2023.", "en", NULL), "");
    CHECK_STR(hits("It came on Feb. 29.", "en", "2024-03-10"), "2024-02-29=on Feb. 29");
    /* in 2025 no 29 February: the nearest one is 2024's */
    CHECK_STR(hits("It came on Feb. 29.", "en", "2025-03-10"), "2024-02-29=on Feb. 29");
    CHECK_STR(hits("They met yesterday.", "en", "2024-03-01"), "2024-02-29=yesterday");
    CHECK_STR(hits("They met yesterday.", "en", "2023-03-01"), "2023-02-28=yesterday");
    CHECK_STR(hits("They met yesterday.", "en", "2000-03-01"), "2000-02-29=yesterday");
    CHECK_STR(hits("They met yesterday.", "en", "2100-03-01"), "2100-02-28=yesterday");
}

static void test_languages(void)
{
    const char *pub = "2025-10-16"; /* a Thursday */
    /* Russian */
    CHECK_STR(hits("Вчера министр прибыл в Москву.", "ru", pub), "2025-10-15=Вчера");
    CHECK_STR(hits("Переговоры прошли 14 октября 2025 года.", "ru", NULL), "2025-10-14=14 октября 2025");
    CHECK_STR(hits("Переговоры прошли во вторник.", "ru", pub), "2025-10-14=во вторник");
    CHECK_STR(hits("Это случилось в марте.", "ru", pub), "2025-03=в марте");
    CHECK_STR(hits("Встреча прошла на прошлой неделе.", "ru", pub), "2025-10=на прошлой неделе");
    CHECK_STR(hits("Это было два дня назад.", "ru", pub), "2025-10-14=два дня назад");
    CHECK_STR(hits("Договор подписан в 1998 году.", "ru", NULL), "1998=в 1998 году");
    /* German */
    CHECK_STR(hits("Gestern traf der Minister ein.", "de", pub), "2025-10-15=Gestern");
    CHECK_STR(hits("Am Dienstag wurde die Antwort übergeben.", "de", pub), "2025-10-14=Am Dienstag");
    CHECK_STR(hits("Die Antwort kam am 14. Oktober 2025.", "de", NULL), "2025-10-14=am 14. Oktober 2025");
    CHECK_STR(hits("Das war letzte Woche.", "de", pub), "2025-10=letzte Woche");
    CHECK_STR(hits("Das war vor zwei Tagen.", "de", pub), "2025-10-14=vor zwei Tagen");
    CHECK_STR(hits("Am Morgen kam die Antwort.", "de", pub), "");
    CHECK_STR(hits("Die Antwort kommt morgen.", "de", pub), "2025-10-17=morgen");
    CHECK_STR(hits("Er ist hier geblieben.", "de", pub), "");
    /* French */
    CHECK_STR(hits("Hier, le ministre est arrivé.", "fr", pub), "2025-10-15=Hier");
    CHECK_STR(hits("Aujourd'hui, le ministre parle.", "fr", pub), "2025-10-16=Aujourd'hui");
    CHECK_STR(hits("La réponse a été remise mardi.", "fr", pub), "2025-10-14=mardi");
    CHECK_STR(hits("Signé le 1er mars 2022 à Paris.", "fr", NULL), "2022-03-01=le 1er mars 2022");
    CHECK_STR(hits("Ils se sont vus la semaine dernière.", "fr", pub), "2025-10=semaine dernière");
    CHECK_STR(hits("Il est parti il y a deux jours.", "fr", pub), "2025-10-14=il y a deux jours");
    CHECK_STR(hits("Il est parti avant-hier.", "fr", pub), "2025-10-14=avant-hier");
    /* Spanish */
    CHECK_STR(hits("Ayer llegó el ministro.", "es", pub), "2025-10-15=Ayer");
    CHECK_STR(hits("Hoy habla el ministro.", "es", pub), "2025-10-16=Hoy");
    CHECK_STR(hits("Se firmó el 26 de enero de 2022.", "es", NULL), "2022-01-26=el 26 de enero de 2022");
    CHECK_STR(hits("Se reunieron el año pasado.", "es", pub), "2024=el año pasado");
    CHECK_STR(hits("Llegó hace dos días.", "es", pub), "2025-10-14=hace dos días");
    CHECK_STR(hits("Llegó por la mañana.", "es", pub), "");
    CHECK_STR(hits("Llegará mañana.", "es", pub), "2025-10-17=mañana");
}

static void test_calendar(void)
{
    CHECK_INT(when_days(1970, 1, 1), 0);
    CHECK_INT(when_days(2000, 3, 1) - when_days(2000, 2, 28), 2);
    CHECK_INT(when_days(1900, 3, 1) - when_days(1900, 2, 28), 1);
    int y, m, d;
    CHECK(when_parse_iso("2024-02-29T10:00Z", &y, &m, &d) && y == 2024 && m == 2 && d == 29);
    CHECK(!when_parse_iso("2023-02-29", &y, &m, &d));
    CHECK(!when_parse_iso("2023-1-2", &y, &m, &d));
    CHECK(!when_parse_iso(NULL, &y, &m, &d));
    /* a hit array of one takes only the first */
    when_hit h[1];
    const char *t = "On 2 May 2020 and on 3 May 2020.";
    CHECK_INT(when_find(t, strlen(t), "en", NULL, h, 1), 1);
    /* garbage and invalid UTF-8 are read without harm */
    const char bad[] = "\xff\xfe 12 \xc3 Jan. \xe2\x80";
    CHECK_INT(when_find(bad, sizeof bad - 1, "en", "2025-01-01", h, 1), 0);
}

int main(void)
{
    test_weekdays();
    test_relative();
    test_absolute();
    test_year_boundaries();
    test_languages();
    test_calendar();
    return check_done();
}
