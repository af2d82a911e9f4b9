/*
 * test_lexicon.c - the dictionaries of data/ as compiled in: every line parses, lookups of each
 * kind (letter case, exact-case aliases, ’ vs ', multiword, Cyrillic), office holders by date,
 * cues, abbreviations, and a malformed line reported with its file and line.
 */
#include "check.h"
#include "nlp/lexicon.h"

#include <string.h>

static const lexicon *lx;

/* The first entry of `kind` for alias z, or NULL. */
static const lex_entry *find(const char *z, lex_kind kind)
{
    const lex_entry *out[32];
    size_t n = lexicon_lookup(lx, z, strlen(z), out, 32);
    for (size_t i = 0; i < n && i < 32; i++)
        if (out[i]->kind == kind) return out[i];
    return NULL;
}

static void test_every_line_parsed(void)
{
    CHECK(lx != NULL);
    CHECK_STR(lexicon_error(), NULL);
    CHECK(lexicon_line_count(lx, "countries.tsv") >= 197);
    CHECK(lexicon_line_count(lx, "orgs.tsv") >= 100);
    CHECK(lexicon_line_count(lx, "people.tsv") >= 200);
    CHECK(lexicon_line_count(lx, "titles.tsv") >= 50);
    CHECK(lexicon_line_count(lx, "roles.tsv") >= 25);
    CHECK(lexicon_line_count(lx, "abbreviations.txt") >= 100);
    /* Every data line of every embedded file was counted: none skipped. */
    for (size_t i = 0; i < lexicon_embedded_count; i++) {
        const lex_source *s = &lexicon_embedded[i];
        size_t lines = 0;
        const char *p = s->text, *end = s->text + s->len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl) nl = end;
            if (nl > p && *p != '#') lines++;
            p = nl + 1;
        }
        if (lines != lexicon_line_count(lx, s->name))
            fprintf(stderr, "%s: %zu lines, %zu parsed\n", s->name, lines,
                    lexicon_line_count(lx, s->name));
        CHECK_INT(lexicon_line_count(lx, s->name), lines);
    }
}

static void test_places(void)
{
    const lex_entry *e = find("Russia", LEX_PLACE);
    CHECK(e && strcmp(e->code, "RUS") == 0);
    CHECK(find("russian federation", LEX_PLACE) != NULL);
    e = find("US", LEX_PLACE);
    CHECK(e && strcmp(e->code, "USA") == 0 && (e->flags & LEX_EXACT));
    CHECK(find("us", LEX_PLACE) == NULL);  /* the pronoun is not the country */
    CHECK(find("Us", LEX_DEMONYM) == NULL);
    CHECK(find("U.S.", LEX_PLACE) != NULL);
    CHECK(find("the United States", LEX_PLACE) != NULL);
    CHECK(find("THE UNITED STATES", LEX_PLACE) != NULL);
    CHECK(find("the  United\xc2\xa0States", LEX_PLACE) != NULL); /* space runs, NBSP */
    e = find("Americans", LEX_DEMONYM);
    CHECK(e && strcmp(e->code, "USA") == 0);
    e = find("Kyiv", LEX_PLACE);
    CHECK(e && strcmp(e->code, "UKRGOV") == 0 && (e->flags & LEX_METONYM));
    e = find("Kiev", LEX_PLACE);
    CHECK(e && strcmp(e->country, "UKR") == 0);
    e = find("Washington", LEX_PLACE);
    CHECK(e && strcmp(e->code, "USAGOV") == 0);
    e = find("Україна", LEX_PLACE);
    CHECK(e && strcmp(e->code, "UKR") == 0);
    e = find("Kosovo", LEX_PLACE);
    CHECK(e && strcmp(e->code, "KSV") == 0 && strcmp(e->country, "XKX") == 0);
    CHECK(find("Côte d’Ivoire", LEX_PLACE) != NULL); /* ’ matches ' */
    CHECK(find("CÔTE D'IVOIRE", LEX_PLACE) != NULL);  /* Unicode case folding */
}

static void test_orgs_titles_roles(void)
{
    const lex_entry *e = find("Nato", LEX_ORG);
    CHECK(e && strcmp(e->code, "IGOWSTNAT") == 0 && strcmp(e->country, "NATO") == 0);
    CHECK(find("NATO", LEX_ORG) != NULL);
    CHECK(find("nato", LEX_ORG) != NULL);
    e = find("the State Department", LEX_ORG);
    CHECK(e && strcmp(e->code, "USAGOV") == 0);
    e = find("the Kremlin", LEX_ORG);
    CHECK(e && strcmp(e->code, "RUSGOV") == 0);
    e = find("Duma", LEX_ORG);
    CHECK(e && strcmp(e->code, "RUSLEG") == 0);
    CHECK(find("WHO", LEX_ORG) != NULL);
    CHECK(find("who", LEX_ORG) == NULL);
    e = find("Brussels", LEX_ORG);
    CHECK(e && strcmp(e->country, "EU") == 0 && (e->flags & LEX_METONYM));
    CHECK(find("Кремль", LEX_ORG) != NULL);

    e = find("Secretary of State", LEX_TITLE);
    CHECK(e && strcmp(e->office, "foreign_minister") == 0 && strcmp(e->code, "USAGOV") == 0);
    CHECK(e && (e->flags & LEX_PRE_NAME));
    e = find("Sen.", LEX_TITLE);
    CHECK(e && strcmp(e->office, "senator") == 0 && (e->flags & LEX_PRE_NAME));
    e = find("foreign minister", LEX_TITLE);
    CHECK(e && strcmp(e->code, "GOV") == 0 && e->country == NULL);
    e = find("spokeswoman", LEX_TITLE);
    CHECK(e && strcmp(e->office, "spokesperson") == 0);
    e = find("Secretary-General", LEX_TITLE);
    CHECK(e && strcmp(e->office, "secretary_general") == 0);
    CHECK(find("Secretary‑General", LEX_TITLE) != NULL); /* U+2011 non-breaking hyphen */

    e = find("top US diplomat", LEX_ROLE);
    CHECK(e && strcmp(e->office, "foreign_minister") == 0 && strcmp(e->country, "USA") == 0);
    e = find("top diplomat", LEX_ROLE);
    CHECK(e && e->country == NULL);
    e = find("NATO chief", LEX_ROLE);
    CHECK(e && strcmp(e->office, "secretary_general") == 0 && strcmp(e->country, "NATO") == 0);
    CHECK(lexicon_max_words(lx) >= 5);
}

static void test_people(void)
{
    const lex_entry *e = find("Anthony Blinken", LEX_PERSON);
    CHECK(e && strcmp(e->name, "Antony Blinken") == 0);
    e = find("Blinken", LEX_PERSON);
    CHECK(e && (e->flags & LEX_SURNAME));
    CHECK(find("Блинкен", LEX_PERSON) != NULL);
    CHECK(find("БЛИНКЕН", LEX_PERSON) != NULL);
    e = find("Zelenskyy", LEX_PERSON);
    CHECK(e && strcmp(e->name, "Volodymyr Zelensky") == 0 && strcmp(e->code, "UKRGOV") == 0);
    e = find("Лавров", LEX_PERSON);
    CHECK(e && strcmp(e->name, "Sergey Lavrov") == 0);
    e = find("MBS", LEX_PERSON);
    CHECK(e != NULL);
    CHECK(find("mbs", LEX_PERSON) == NULL);

    const lex_entry *out[8];
    size_t n = lexicon_office_holders(lx, "foreign_minister", "USA", "2022-01-26", out, 8);
    CHECK_INT(n, 1);
    CHECK(n >= 1 && strcmp(out[0]->name, "Antony Blinken") == 0);
    n = lexicon_office_holders(lx, "foreign_minister", "USA", "2019-06-01", out, 8);
    CHECK_INT(n, 1);
    CHECK(n >= 1 && strcmp(out[0]->name, "Mike Pompeo") == 0);
    n = lexicon_office_holders(lx, "foreign_minister", "USA", "2021-01-23", out, 8);
    CHECK_INT(n, 0); /* between Pompeo and Blinken */
    n = lexicon_office_holders(lx, "secretary_general", "NATO", "2022-06-01", out, 8);
    CHECK(n == 1 && strcmp(out[0]->name, "Jens Stoltenberg") == 0);
    n = lexicon_office_holders(lx, "foreign_minister", "RUS", "2023-03-01", out, 8);
    CHECK(n == 1 && strcmp(out[0]->name, "Sergey Lavrov") == 0 && out[0]->to == NULL);
    n = lexicon_office_holders(lx, "head_of_government", "DEU", "2023-01-01", out, 8);
    CHECK(n == 1 && strcmp(out[0]->name, "Olaf Scholz") == 0);
    /* A partial date covers its month: Chollet was counselor "2021" to "2023". */
    n = lexicon_office_holders(lx, "counselor", "USA", "2022-05-01", out, 8);
    CHECK(n == 1 && strcmp(out[0]->name, "Derek Chollet") == 0);
    n = lexicon_office_holders(lx, "head_of_state", "USA", NULL, out, 8);
    CHECK(n >= 4);
}

static void test_cues_and_abbrevs(void)
{
    CHECK(lexicon_cue_count(lx) >= 300);
    const lex_cue *c = lexicon_cue(lx, "said", 4);
    CHECK(c && strcmp(c->lemma, "say") == 0 && c->kind == LEX_CUE_SPEECH);
    c = lexicon_cue(lx, "Told Reporters", 14);
    CHECK(c && c->kind == LEX_CUE_SPEECH);
    c = lexicon_cue(lx, "according to", 12);
    CHECK(c && c->kind == LEX_CUE_SOURCE);
    c = lexicon_cue(lx, "believed", 8);
    CHECK(c && c->kind == LEX_CUE_THOUGHT);
    c = lexicon_cue(lx, "emphasised", 10);
    CHECK(c && strcmp(c->lemma, "emphasize") == 0);
    CHECK(lexicon_cue(lx, "pointed out", 11) != NULL);
    CHECK(lexicon_cue(lx, "table", 5) == NULL);
    CHECK(lexicon_cue_max_words(lx) >= 2);

    CHECK_INT(lexicon_abbrev(lx, "Mr.", 3), LEX_ABBR_INNER);
    CHECK_INT(lexicon_abbrev(lx, "Sen.", 4), LEX_ABBR_INNER);
    CHECK_INT(lexicon_abbrev(lx, "Sept.", 5), LEX_ABBR_INNER);
    CHECK_INT(lexicon_abbrev(lx, "U.S.", 4), LEX_ABBR_ANY);
    CHECK_INT(lexicon_abbrev(lx, "Inc.", 4), LEX_ABBR_ANY);
    CHECK_INT(lexicon_abbrev(lx, "said.", 5), 0);
    CHECK_INT(lexicon_abbrev(lx, "no.", 3), 0);

    /* Given names with one gender; names borne by both, and unknown ones, have none. */
    CHECK_INT(lexicon_first_name_gender(lx, "Antony", 6), 'm');
    CHECK_INT(lexicon_first_name_gender(lx, "annalena", 8), 'f');
    CHECK_INT(lexicon_first_name_gender(lx, "Kim", 3), 0);
    CHECK_INT(lexicon_first_name_gender(lx, "Blinken", 7), 0);
}

static void test_malformed(void)
{
    errbuf err;
    static const char bad_people[] = "# header\n"
                                     "Ann Example\tExample\tUSA\tsenator\tSenator\tUSALEG\t2020-01-01\t\n"
                                     "Bob Example\tExample\tUSA\tsenator\tSenator\tUSALEG\t2020-13-01\t\n";
    lex_source src = {"people.tsv", bad_people, sizeof bad_people - 1};
    lexicon *l = lexicon_build(&src, 1, &err);
    CHECK(l == NULL);
    CHECK(strstr(err.msg, "people.tsv:3:") != NULL);

    static const char bad_cols[] = "say\tspeech\n";
    lex_source src2 = {"cues.tsv", bad_cols, sizeof bad_cols - 1};
    CHECK(lexicon_build(&src2, 1, &err) == NULL);
    CHECK(strstr(err.msg, "cues.tsv:1:") != NULL);

    static const char dup[] = "say\tspeech\tsay|said\ntell\tspeech\ttold|Said\n";
    lex_source src3 = {"cues.tsv", dup, sizeof dup - 1};
    CHECK(lexicon_build(&src3, 1, &err) == NULL);
    CHECK(strstr(err.msg, "duplicate") != NULL);

    static const char spaces[] = "USA\t\tUnited States\tUS | America\t\t\n";
    lex_source src4 = {"countries.tsv", spaces, sizeof spaces - 1};
    CHECK(lexicon_build(&src4, 1, &err) == NULL);

    static const char good[] = "USA\t\tUnited States\t=US|America\tAmerican\tWashington\n";
    lex_source src5 = {"countries.tsv", good, sizeof good - 1};
    l = lexicon_build(&src5, 1, &err);
    CHECK(l != NULL);
    const lex_entry *out[4];
    CHECK_INT(lexicon_lookup(l, "america", 7, out, 4), 1);
    lexicon_free(l);
}

int main(void)
{
    lx = lexicon_get();
    if (!lx) fprintf(stderr, "lexicon: %s\n", lexicon_error());
    test_every_line_parsed();
    if (lx) {
        test_places();
        test_orgs_titles_roles();
        test_people();
        test_cues_and_abbrevs();
    }
    test_malformed();
    return check_done();
}
