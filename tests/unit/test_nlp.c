/*
 * test_nlp.c - tokens, sentences, entities and quotes on texts written for these tests.
 */
#include "check.h"
#include "nlp/nlp.h"
#include "quotes/quotes.h"

#include <stdlib.h>

/* The sentences of text as one string, each in [brackets]. */
static char *sentences_of(arena *a, const char *text)
{
    nlp_doc d;
    size_t n = strlen(text);
    if (nlp_split(a, text, n, NULL, 0, &d) != DOSSIER_OK) return NULL;
    dbuf b;
    dbuf_init(&b, 0);
    for (size_t i = 0; i < d.n_sentences; i++) {
        dbuf_putc(&b, '[');
        dbuf_append(&b, text + d.sentences[i].start, d.sentences[i].end - d.sentences[i].start);
        dbuf_putc(&b, ']');
    }
    char *s = arena_strdup(a, b.ptr ? b.ptr : "");
    dbuf_release(&b);
    return s;
}

static void test_sentences(void)
{
    arena *a = arena_new(0);
    CHECK_STR(sentences_of(a, "Sen. Rand Paul spoke. He left."), "[Sen. Rand Paul spoke.][He left.]");
    CHECK_STR(sentences_of(a, "The U.S. The reply came."), "[The U.S.][The reply came.]");
    CHECK_STR(sentences_of(a, "The U.S. Senate met on Jan. 26 in Washington."),
              "[The U.S. Senate met on Jan. 26 in Washington.]");
    CHECK_STR(sentences_of(a, "\u201cThe door is open.\u201d Then he left."),
              "[\u201cThe door is open.\u201d][Then he left.]");
    CHECK_STR(sentences_of(a, "\u201cIs it open?\u201d he asked. Nobody knew."),
              "[\u201cIs it open?\u201d he asked.][Nobody knew.]");
    CHECK_STR(sentences_of(a, "J. R. Smith came... Then nothing."),
              "[J. R. Smith came...][Then nothing.]");
    CHECK_STR(sentences_of(a, "It cost $1,000.50 in 2022. Fine."), "[It cost $1,000.50 in 2022.][Fine.]");
    CHECK_STR(sentences_of(a, "Москва ответила. «Мы готовы», сказал он."),
              "[Москва ответила.][«Мы готовы», сказал он.]");
    CHECK_STR(sentences_of(a, "美国回应了。俄罗斯没有。"), "[美国回应了。][俄罗斯没有。]");
    CHECK_STR(sentences_of(a, "Reply delivered\nThe reply was handed over on Wednesday."),
              "[Reply delivered][The reply was handed over on Wednesday.]");
    CHECK_STR(sentences_of(a, "He said the reply was handed\nover on Wednesday in a long and formal"
                              " meeting of envoys."),
              "[He said the reply was handed\nover on Wednesday in a long and formal meeting of envoys.]");
    CHECK_STR(sentences_of(a, ""), "");
    arena_free(a);
}

static void test_tokens(void)
{
    arena *a = arena_new(0);
    const char *t = "NATO's long-range U.S. \u201cdoor\u201d don\u2019t 3:30 AT&T";
    nlp_doc d;
    CHECK_INT(nlp_split(a, t, strlen(t), NULL, 0, &d), DOSSIER_OK);
    const char *want[] = {"NATO's", "long-range", "U.S.", "\u201c", "door", "\u201d",
                          "don\u2019t", "3:30", "AT&T"};
    CHECK_INT(d.n_tokens, 9);
    for (size_t i = 0; i < d.n_tokens && i < 9; i++) {
        char *got = arena_strndup(a, t + d.tokens[i].start, d.tokens[i].end - d.tokens[i].start);
        CHECK_STR(got, want[i]);
    }
    if (d.n_tokens >= 4) {
        CHECK(d.tokens[0].flags & TOK_CAP);
        CHECK(d.tokens[3].flags & TOK_QUOTE);
        CHECK(d.tokens[0].flags & TOK_SENT);
    }
    arena_free(a);
}

/* Annotated text: the document, its quotes. */
typedef struct annotated {
    arena *a;
    nlp_doc d;
    quote_list q;
    const char *text;
} annotated;

static int annotate(annotated *an, const char *text, const char *date)
{
    an->a = arena_new(0);
    an->text = text;
    size_t n = strlen(text);
    /* Paragraphs at blank lines, as extract_plain makes them. */
    span paras[32];
    size_t np = 0, b = 0;
    for (size_t i = 0; i <= n && np < 32; i++) {
        if (i == n || (text[i] == '\n' && i + 1 < n && text[i + 1] == '\n')) {
            if (i > b) paras[np].start = b, paras[np].end = i, np++;
            b = i + 2;
            i++;
        }
    }
    if (nlp_split(an->a, text, n, paras, np, &an->d)) return -1;
    if (nlp_entities(an->a, &an->d, date)) return -1;
    return quotes_find(an->a, &an->d, &an->q) ? -1 : 0;
}

/* "speaker|kind|words" of quote i, speaker being the entity name or the speaker span. */
static const char *quote_str(annotated *an, size_t i)
{
    if (i >= an->q.n) return "(none)";
    const quote *q = &an->q.items[i];
    static const char *kinds[] = {"", "direct", "partial", "indirect"};
    const char *who = q->speaker >= 0 ? an->d.entities[q->speaker].name
                      : q->speaker_at.end > q->speaker_at.start
                          ? arena_strndup(an->a, an->text + q->speaker_at.start,
                                          q->speaker_at.end - q->speaker_at.start)
                          : "-";
    if (q->n_segments) {
        /* The pieces of a split quotation, joined by " / ". */
        char *words = "";
        for (size_t k = 0; k < q->n_segments; k++)
            words = arena_printf(an->a, "%s%s%.*s", words, k ? " / " : "",
                                 (int)(q->segments[k].end - q->segments[k].start),
                                 an->text + q->segments[k].start);
        return arena_printf(an->a, "%s|%s|%s", who, kinds[q->kind], words);
    }
    return arena_printf(an->a, "%s|%s|%.*s", who, kinds[q->kind], (int)(q->at.end - q->at.start),
                        an->text + q->at.start);
}

/* The canonical entity of the mention at the first occurrence of `surface` in the text. */
static const char *entity_of(annotated *an, const char *surface)
{
    const char *p = strstr(an->text, surface);
    if (!p) return "(absent)";
    size_t at = (size_t)(p - an->text);
    for (size_t i = 0; i < an->d.n_mentions; i++)
        if (an->d.mentions[i].at.start == at)
            return an->d.entities[an->d.mentions[i].entity].name;
    return "(no mention)";
}

/* Annotates text and checks its quotes 0, 1 and 2 ("speaker|kind|words") against want0..2;
 * a NULL want is not checked. */
static void expect_quotes(const char *text, const char *want0, const char *want1,
                          const char *want2)
{
    annotated an;
    CHECK_INT(annotate(&an, text, "2024-05-02"), 0);
    const char *want[3] = {want0, want1, want2};
    for (size_t i = 0; i < 3; i++)
        if (want[i]) CHECK_STR(quote_str(&an, i), want[i]);
    arena_free(an.a);
}

/* A compass word opening an unknown name makes a place, which no "she" can mean. */
static void test_entities_compass(void)
{
    annotated an;
    const char *t = "Mary Lind toured North Kalvik and the port on Monday. She said the roads "
                    "were poor.";
    CHECK_INT(annotate(&an, t, "2022-01-26"), 0);
    int place = 0;
    for (size_t i = 0; i < an.d.n_entities; i++)
        if (!strcmp(an.d.entities[i].name, "North Kalvik")) place = an.d.entities[i].kind == ENT_PLACE;
    CHECK_INT(place, 1);
    CHECK_STR(entity_of(&an, "She said"), "Mary Lind");
    arena_free(an.a);
}

static void test_entities(void)
{
    annotated an;
    const char *t = "Secretary of State Antony Blinken met envoys in Geneva. Blinken said little.\n\n"
                    "Later, Anthony Blinken spoke again. The secretary of state was calm, and the "
                    "top US diplomat left. He flew to Washington.\n\n"
                    "Russian Foreign Minister Sergei Lavrov replied. Moscow rejected it. Lavrov "
                    "called NATO a relic, and Sec. Blinken disagreed.";
    CHECK_INT(annotate(&an, t, "2022-01-26"), 0);
    CHECK_STR(entity_of(&an, "Antony Blinken"), "Antony Blinken");
    CHECK_STR(entity_of(&an, "Blinken said"), "Antony Blinken");
    CHECK_STR(entity_of(&an, "Anthony Blinken"), "Antony Blinken");
    CHECK_STR(entity_of(&an, "secretary of state was"), "Antony Blinken");
    CHECK_STR(entity_of(&an, "top US diplomat"), "Antony Blinken");
    CHECK_STR(entity_of(&an, "He flew"), "Antony Blinken");
    CHECK_STR(entity_of(&an, "Sergei Lavrov"), "Sergey Lavrov");
    CHECK_STR(entity_of(&an, "Lavrov called"), "Sergey Lavrov");
    CHECK_STR(entity_of(&an, "NATO"), "NATO");
    CHECK_STR(entity_of(&an, "Blinken disagreed"), "Antony Blinken");
    /* Every alias of Blinken resolves to one entity. */
    size_t blinkens = 0;
    for (size_t i = 0; i < an.d.n_entities; i++)
        blinkens += strstr(an.d.entities[i].name, "Blinken") != NULL;
    CHECK_INT(blinkens, 1);
    arena_free(an.a);

    /* An unknown person, found from the text, and a variant of the name. */
    t = "Trade envoy Mirela Kostadinova arrived on Monday. Kostadinova said talks were "
        "useful.\n\nMirella Kostadinova later left for the Selka Valley.";
    CHECK_INT(annotate(&an, t, NULL), 0);
    CHECK_STR(entity_of(&an, "Mirela Kostadinova"), "Mirela Kostadinova");
    CHECK_STR(entity_of(&an, "Kostadinova said"), "Mirela Kostadinova");
    CHECK_STR(entity_of(&an, "Mirella Kostadinova"), "Mirela Kostadinova");
    arena_free(an.a);

    /* He and she skip the nearest person of the other gender (a given name from
     * first_names.tsv, or Mr./Ms.); a person of unknown gender fits either. */
    t = "Ada Lind met Jon Aldous at the port. He said little.\n\n"
        "Mr. Kovalenko spoke to Ms. Okafor at noon. She left early, and Mr. Kovalenko stayed. "
        "Later he called Ms. Okafor.\n\n"
        "Kim Varga arrived with Ada Lind at the harbour. She spoke first.";
    CHECK_INT(annotate(&an, t, NULL), 0);
    CHECK_STR(entity_of(&an, "He said"), "Jon Aldous");
    CHECK_STR(entity_of(&an, "She left"), "Okafor");
    CHECK_STR(entity_of(&an, "he called"), "Kovalenko");
    CHECK_STR(entity_of(&an, "She spoke"), "Kim Varga");
    arena_free(an.a);

    /* A known person's bare surname after another given name is someone else ("Sullivan" is
     * an alias of Jake Sullivan in people.tsv); the known full name still resolves. */
    t = "John Sullivan, the ambassador, delivered the letter on Monday. Jake Sullivan stayed "
        "in Washington.";
    CHECK_INT(annotate(&an, t, "2022-01-26"), 0);
    CHECK_STR(entity_of(&an, "John Sullivan"), "John Sullivan");
    CHECK_STR(entity_of(&an, "Jake Sullivan"), "Jake Sullivan");
    arena_free(an.a);
}

static void test_quotes(void)
{
    annotated an;
    const char *t =
        "\u201cThe door is open, and it stays open,\u201d Blinken told reporters on Wednesday. "
        "\u201cWe are ready.\u201d\n\n"
        "\u201cNothing has changed.\u201d\n\n"
        "Sergei Lavrov said the reply ignored \u201cour main concerns\u201d and would be studied.\n\n"
        "\u201cIt is a serious offer,\u201d said Sen. Jeanne Shaheen. \u201cThey should take "
        "it,\u201d she added.\n\n"
        "The talks will continue next week, according to a senior State Department official.\n\n"
        "Lavrov: \u00abWe will answer soon.\u00bb\n\n"
        "The alliance would not move, Blinken insisted.";
    CHECK_INT(annotate(&an, t, "2022-01-26"), 0);
    /* A quotation that goes on in the same paragraph after its frame is one quotation. */
    CHECK_STR(quote_str(&an, 0),
              "Antony Blinken|direct|The door is open, and it stays open / We are ready.");
    /* A whole paragraph after it inherits the speaker. */
    CHECK_STR(quote_str(&an, 1), "Antony Blinken|direct|Nothing has changed.");
    CHECK_STR(quote_str(&an, 2), "Sergey Lavrov|partial|our main concerns");
    CHECK_STR(quote_str(&an, 3), "Jeanne Shaheen|direct|It is a serious offer");
    CHECK_STR(quote_str(&an, 4), "Jeanne Shaheen|direct|They should take it");
    CHECK_STR(quote_str(&an, 5),
              "a senior State Department official|indirect|The talks will continue next week");
    CHECK_STR(quote_str(&an, 6), "Sergey Lavrov|direct|We will answer soon.");
    CHECK_STR(quote_str(&an, 7), "Antony Blinken|indirect|The alliance would not move");
    CHECK_INT(an.q.n, 8);

    /* Split around the frame; quoted titles and slogans nobody said are no quotations. */
    arena_free(an.a);
    t = "\u201cWe will not wait,\u201d said Kaja Kallas, \u201cfor anyone to act first.\u201d\n\n"
        "He reads \u201cThe Daily Ledger\u201d every morning.";
    CHECK_INT(annotate(&an, t, "2025-03-01"), 0);
    CHECK_STR(quote_str(&an, 0), "Kaja Kallas|direct|We will not wait / for anyone to act first.");
    CHECK_INT(an.q.n, 1);
    arena_free(an.a);

    /* A participle or a second verb takes its clause's subject, past an introduction. */
    t = "After meeting Sergei Lavrov, Antony Blinken toured the port and stressed that the "
        "ships would \u201cstay where they are.\u201d\n\n"
        "The ministry met the envoys on Monday, but the State Department kept its line, "
        "announcing that it would make no \u201cconcessions\u201d at all.";
    CHECK_INT(annotate(&an, t, "2022-02-01"), 0);
    CHECK_STR(quote_str(&an, 0), "Antony Blinken|partial|stay where they are.");
    CHECK_STR(quote_str(&an, 1), "State Department|partial|concessions");
    arena_free(an.a);
}

/* Frames after a quotation: the sentence after it, a clause of the writer's, a name inside the
 * frame of a quotation that goes on. */
static void test_quote_frames(void)
{
    annotated an;
    const char *t =
        "\u201cWe are ready to sign the deal before the end of the week.\u201d Tomas Berg replied, "
        "\u201cWe are not ready, and we will wait.\u201d\n\n"
        "\u201cWho would have thought it?\u201d Mirela Kostadinova said, smiling at the crowd.\n\n"
        "Tomas Berg said the ministry would take \u201cfirm steps\u201d in response, and he "
        "urged calm.\n\n"
        "\u201cThe port stays open,\u201d Kostadinova said after meeting Tomas Berg on Monday. "
        "\u201cNothing else has changed for the ships.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    /* A sentence that opens its own quotation does not frame the one before. */
    CHECK_STR(quote_str(&an, 0),
              "-|direct|We are ready to sign the deal before the end of the week.");
    CHECK_STR(quote_str(&an, 1), "Tomas Berg|direct|We are not ready, and we will wait.");
    /* One that is only the frame does. */
    CHECK_STR(quote_str(&an, 2), "Mirela Kostadinova|direct|Who would have thought it?");
    /* ", and he urged" after a partial quotation is the writer's clause, not its frame. */
    CHECK_STR(quote_str(&an, 3), "Tomas Berg|partial|firm steps");
    /* A name inside the frame does not stop the quotation going on. */
    CHECK_STR(quote_str(&an, 4),
              "Mirela Kostadinova|direct|The port stays open / Nothing else has changed for the "
              "ships.");
    arena_free(an.a);

    /* A party tag and an apposition between the name and the cue; a title before a name and a
     * place after it. */
    t = "\u201cThe vote was a mistake,\u201d Rep. Ada Lind (D-Ore.), a member of the panel, said "
        "on Monday.\n\n"
        "\u201cWe will try again in the spring,\u201d said Representative Jon Q. Aldous of "
        "Lakeview City.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|direct|The vote was a mistake");
    CHECK_STR(quote_str(&an, 1), "Jon Q. Aldous|direct|We will try again in the spring");
    arena_free(an.a);

    /* "it" next to the cue of a quotation; a sentence that opens with its subject and ends in
     * a colon; a participle after a title in quotation marks; a relative clause after the
     * speaker; "reads" framing a quotation, but not a title ("He reads “The Ledger”"). */
    t = "The ministry posted a short note online. \u201cThe offer stands until Friday,\u201d it "
        "said.\n\n"
        "Tomas Berg then addressed the workers: \u201cWe will keep every job in this town.\u201d"
        "\n\n"
        "\u201cWe tried,\u201d Ada Lind said on \u201cMorning Show,\u201d adding, \u201cWe "
        "will try again next year.\u201d\n\n"
        "\u201cNobody asked us about the plan,\u201d said a city council member who opposes "
        "it.\n\n"
        "The letter reads: \u201cEvery family will be housed by winter.\u201d\n\n"
        "He reads \u201cThe Harbour Ledger\u201d every morning.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "it|direct|The offer stands until Friday");
    CHECK_STR(quote_str(&an, 1), "Tomas Berg|direct|We will keep every job in this town.");
    CHECK_STR(quote_str(&an, 2), "Ada Lind|direct|We tried");
    CHECK_STR(quote_str(&an, 3), "Ada Lind|direct|We will try again next year.");
    CHECK_STR(quote_str(&an, 4), "a city council member|direct|Nobody asked us about the plan");
    CHECK_STR(quote_str(&an, 5), "The letter|direct|Every family will be housed by winter.");
    CHECK_INT(an.q.n, 6);
    arena_free(an.a);

    /* A long apposition, "however" between subject and cue, and a pronoun reporting inside
     * another report: the outer subject speaks. */
    t = "Jon Aldous, a harbour pilot whose boat was recently sold to the city council, said he "
        "would be \u201cvery surprised\u201d if the plan failed.\n\n"
        "Ada Lind however said she would welcome a \u201cfair deal\u201d soon.\n\n"
        "Tomas Berg said he believes the port is \u201csafe for now.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Jon Aldous|partial|very surprised");
    CHECK_STR(quote_str(&an, 1), "Ada Lind|partial|fair deal");
    CHECK_STR(quote_str(&an, 2), "Tomas Berg|partial|safe for now.");
    arena_free(an.a);

    /* A partial quotation's content runs from its cue to the end of the sentence. */
    t = "Ada Lind called the plan \u201ca gift to the rich\u201d on Monday.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|partial|a gift to the rich");
    CHECK_INT(an.q.n, 1);
    if (an.q.n)
        CHECK_STR(arena_printf(an.a, "%.*s",
                               (int)(an.q.items[0].content.end - an.q.items[0].content.start),
                               t + an.q.items[0].content.start),
                  "the plan \u201ca gift to the rich\u201d on Monday");
    arena_free(an.a);

    /* A quoted title inside the writer's sentence is not framed by the report after it; a
     * partial quotation framed after it reports the writer's words before it too; quoted
     * markup attributes are no quotations. */
    t = "In an interview on \u201cHarbour Morning,\u201d Ada Lind said the port would reopen.\n\n"
        "The plan is \u201ca gift to the rich,\u201d Tomas Berg said.\n\n"
        "<div data-id=\"The harbour office will publish its figures on Monday\"></div>";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|indirect|the port would reopen");
    CHECK_STR(quote_str(&an, 1), "Tomas Berg|partial|a gift to the rich");
    CHECK_INT(an.q.n, 2);
    if (an.q.n == 2)
        CHECK_STR(arena_printf(an.a, "%.*s",
                               (int)(an.q.items[1].content.end - an.q.items[1].content.start),
                               t + an.q.items[1].content.start),
                  "The plan is \u201ca gift to the rich");
    arena_free(an.a);

    /* After a quotation that ended its sentence, "told" may have its object and the frame a
     * long circumstance; a clause after the cue is a report of its own. */
    t = "\u201cWho could have known?\u201d Ada Lind told a local radio station in an interview "
        "on Monday when asked about the storm.\n\n"
        "\u201cIt is over for this season and for the next one.\u201d Tomas Berg said the port "
        "would reopen.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|direct|Who could have known?");
    CHECK_STR(quote_str(&an, 1), "-|direct|It is over for this season and for the next one.");
    arena_free(an.a);

    /* A participle and its complement after an inverted speaker are no part of it. */
    t = "\u201cWe expect more from them,\u201d says a source involved in the talks.\n\n"
        "\u201cStay at home,\u201d opined the Harbour Ledger.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "a source|direct|We expect more from them");
    CHECK_STR(quote_str(&an, 1), "Harbour Ledger|direct|Stay at home");
    arena_free(an.a);

    /* A second verb or a participle has its clause's subject: a name opening the clause
     * (an apposition after it), or a noun phrase opening it, not a person named later. */
    t = "Ada Lind, speaking on the radio, called Tomas Berg a \u201cblowhard\u201d and said his "
        "remarks were \u201cpure propaganda\u201d for the group.\n\n"
        "The prince called for Tomas Berg to resign, calling him \u201ca disgrace to the "
        "harbour.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 1), "Ada Lind|partial|pure propaganda");
    CHECK_STR(quote_str(&an, 2), "The prince|indirect|Tomas Berg to resign");
    CHECK_STR(quote_str(&an, 3), "The prince|partial|a disgrace to the harbour.");
    arena_free(an.a);

    /* Two appositions between the name and the cue; a state tag with its stop. */
    t = "\u201cIt is an invasion of our waters,\u201d Jon Aldous, the mayor of Lakeview, one of "
        "the towns suing the state, said on Monday.\n\n"
        "\u201cWe will win this vote,\u201d Senate leader Ada Lind, D-Ore., said Tuesday.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Jon Aldous|direct|It is an invasion of our waters");
    CHECK_STR(quote_str(&an, 1), "Ada Lind|direct|We will win this vote");
    arena_free(an.a);

    /* Interview transcripts: a paragraph opening with a name in capitals and a colon; page
     * labels and headlines are no speakers. */
    t = "The interview went as follows.\n\n"
        "LIND: We will open the port next week, and the \u201cnew rules\u201d will hold.\n\n"
        "\"BERG: Nobody has asked the workers yet.\n\n"
        "UPDATE: The port reopened on Monday after the storm.\n\n"
        "WATCH: Storm Hits The Harbour Town Hard";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0),
              "LIND|direct|We will open the port next week, and the \u201cnew rules\u201d will "
              "hold.");
    CHECK_STR(quote_str(&an, 1), "BERG|direct|Nobody has asked the workers yet.");
    CHECK_INT(an.q.n, 2);
    arena_free(an.a);

    /* "what she called": the sentence's subject takes the words up and speaks. */
    t = "Secretary General Ada Lind condemned what she called a \u201cbrazen breach\u201d of the "
        "rules.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|partial|brazen breach");
    if (an.q.n)
        CHECK_STR(arena_printf(an.a, "%.*s",
                               (int)(an.q.items[0].speaker_at.end - an.q.items[0].speaker_at.start),
                               t + an.q.items[0].speaker_at.start),
                  "Ada Lind");
    arena_free(an.a);

    /* `said the convention could be a “…”` is no inversion; a time between the subject and
     * the cue is skipped. */
    t = "Jane Roe, who wore a cape with blinking lights, said the convention could be a "
        "\u201cfailure\u201d if the party splits.\n\n"
        "Senate leader Ada Lind last week said the port was not the source of any \u201cserious "
        "leak\u201d at all.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Jane Roe|partial|failure");
    CHECK_STR(quote_str(&an, 1), "Ada Lind|partial|serious leak");
    arena_free(an.a);

    /* Intentions and requests: what follows "to" or "called for"; a bare object is none. */
    t = "Ada Lind wants to close the old harbour by June.\n\n"
        "The mayor urged the council to vote on the plan again.\n\n"
        "Tomas Berg called for a new inquiry into the fire.\n\n"
        "The board wants the report.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|indirect|to close the old harbour by June");
    CHECK_STR(quote_str(&an, 1), "The mayor|indirect|to vote on the plan again");
    CHECK_STR(quote_str(&an, 2), "Tomas Berg|indirect|a new inquiry into the fire");
    CHECK_INT(an.q.n, 3);
    arena_free(an.a);
    /* Wanting never stands after its report: the words before the comma are no report. */
    t = "And yet, across most of the region, voters want to limit new building.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "voters|indirect|to limit new building");
    CHECK_INT(an.q.n, 1);
    arena_free(an.a);

    /* "it" past a filler; verbs of singing and shouting; a participle after a person. */
    t = "The harbour office posted a note. \u201cThe ships will stay in port for now,\u201d it "
        "further wrote.\n\n"
        "\u201cStay with us tonight,\u201d Ada Lind sings to the crowd.\n\n"
        "The film shows Tomas Berg asking, \u201cWhy not now, and why not here?\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "it|direct|The ships will stay in port for now");
    CHECK_STR(quote_str(&an, 1), "Ada Lind|direct|Stay with us tonight");
    CHECK_STR(quote_str(&an, 2), "Tomas Berg|direct|Why not now, and why not here?");
    arena_free(an.a);

    /* A pronoun's cue found before the mark gives way to the report around it. */
    t = "Tomas Berg said he wants \u201ca full and open inquiry\u201d into the fire.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    if (an.q.n)
        CHECK_STR(arena_printf(an.a, "%.*s",
                               (int)(an.q.items[0].speaker_at.end - an.q.items[0].speaker_at.start),
                               t + an.q.items[0].speaker_at.start),
                  "Tomas Berg");
    arena_free(an.a);

    /* A whole quotation nobody frames, after reported speech, is that speaker's. */
    t = "Tomas Berg said he understands the workers.\n\n"
        "\u201cI can see why they are angry, and I would be angry in their place too.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 1),
              "Tomas Berg|direct|I can see why they are angry, and I would be angry in their "
              "place too.");
    arena_free(an.a);

    /* An auxiliary between the subject and the cue: "did say". */
    t = "Ada Lind did say she found the plan \u201cvery charming\u201d at first.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    if (an.q.n)
        CHECK_STR(arena_printf(an.a, "%.*s",
                               (int)(an.q.items[0].speaker_at.end - an.q.items[0].speaker_at.start),
                               t + an.q.items[0].speaker_at.start),
                  "Ada Lind");
    arena_free(an.a);

    /* A participle after a cue and a comma goes on from that cue's subject. */
    t = "\u201cWe need change,\u201d the harbour businessman said, arguing that his yard would "
        "build a \u201ccommon-sense\u201d quay for the port.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 1), "the harbour businessman|partial|common-sense");
    arena_free(an.a);

    /* A frame inside the sentence: the report runs on after it. */
    t = "The new tag on the harbour site, Ada Lind said, went with pictures of the lost boats.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(
        quote_str(&an, 0),
        "Ada Lind|indirect|The new tag on the harbour site, Ada Lind said, went with pictures "
        "of the lost boats");
    arena_free(an.a);

    /* "according to" ending the sentence needs no comma before it. */
    t = "Ada Lind leads Tomas Berg by 271 votes according to a count by the harbour office.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0),
              "a count by the harbour office|indirect|Ada Lind leads Tomas Berg by 271 votes");
    arena_free(an.a);

    /* Shares of those polled and relative pronouns report too. */
    t = "In the survey, 55 percent said they would vote for the plan again.\n\n"
        "Nine in 10 said the port should stay open all winter.\n\n"
        "The driver, who said he had waited for four hours, left.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "55 percent|indirect|they would vote for the plan again");
    CHECK_STR(quote_str(&an, 1), "Nine in 10|indirect|the port should stay open all winter");
    CHECK_STR(quote_str(&an, 2), "who|indirect|he had waited for four hours");
    arena_free(an.a);

    /* A whole quotation after a partial one framed after it goes on the same attribution. */
    t = "The bill \u201clooks out for the big funds first,\u201d Ada Lind wrote. \u201cThat is "
        "not acceptable to us.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0),
              "Ada Lind|partial|looks out for the big funds first / That is not acceptable to "
              "us.");
    CHECK_INT(an.q.n, 1);
    arena_free(an.a);

    /* A prepositional phrase between the subject and the cue is a circumstance. */
    t = "Tomas Berg at the time said the board would \u201clook into it\u201d soon.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Tomas Berg|partial|look into it");
    arena_free(an.a);

    /* Verbs of attack frame quotations; a participle never has its speaker after it. */
    t = "In a speech on Monday, Ada Lind attacked \u201cthe greed of the harbour bosses.\u201d\n\n"
        "\u201cWe are not ready,\u201d Tomas Berg said, suggesting a few changes, including "
        "\u201ca new gate for the ships.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|direct|the greed of the harbour bosses.");
    CHECK_STR(quote_str(&an, 2), "Tomas Berg|partial|a new gate for the ships.");
    arena_free(an.a);

    /* Verbs that label are cues of the partial quotation they frame. */
    t = "Ada Lind branded the plan \u201ca costly mistake.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|partial|a costly mistake.");
    arena_free(an.a);

    /* The name after "told" is who was told, never the speaker. */
    t = "Jane Roe runs the port.\n\n"
        "Roe, meanwhile, told the Harbour Ledger on Monday that the port was \u201cready for "
        "anything.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Jane Roe|partial|ready for anything.");
    arena_free(an.a);

    /* A cue inside a reported clause is part of the report: the outer speaker speaks. */
    t = "Mirela Kostadinova said she welcomed what she calls a \u201cfair and open\u201d "
        "process.\n\n"
        "Tomas Berg said he hopes the port will be \u201copen to every ship.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Mirela Kostadinova|partial|fair and open");
    /* Also when the quotation ends the sentence, its stop inside the marks. */
    CHECK_STR(quote_str(&an, 1), "Tomas Berg|partial|open to every ship.");
    arena_free(an.a);

    /* Reported noun phrases (`questioned the …`) up to a comma or the next report; a clause
     * after ", and X said" is X's report, not a frame of what came before; an inverted frame
     * followed by a verb is the subject of a report; "It said" at a clause start. */
    t = "Mirela Kostadinova questioned the legality of the new harbour tax, calling it rushed."
        "\n\n"
        "Tomas Berg outlined his plan for the docks and vowed to hire local workers.\n\n"
        "The crews rebuilt the pier in 2019, and Ada Lind said it was the best work she had "
        "seen.\n\n"
        "The pilots, who met on Monday, said Jon Aldous had misled the council.\n\n"
        "The board met in May. It said the fees would rise in the autumn.\n\n"
        "The ferry company praised the impact it said the new pier would have on trade.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0),
              "Mirela Kostadinova|indirect|the legality of the new harbour tax");
    CHECK_STR(quote_str(&an, 1), "Tomas Berg|indirect|his plan for the docks");
    CHECK_STR(quote_str(&an, 2), "Tomas Berg|indirect|to hire local workers");
    CHECK_STR(quote_str(&an, 3), "Ada Lind|indirect|it was the best work she had seen");
    CHECK_STR(quote_str(&an, 4), "The pilots|indirect|Jon Aldous had misled the council");
    CHECK_STR(quote_str(&an, 5), "It|indirect|the fees would rise in the autumn");
    CHECK_STR(quote_str(&an, 6), "The ferry company|indirect|the impact it said the new pier would have on trade");
    CHECK_INT(an.q.n, 7);
    arena_free(an.a);

    /* Polls show and find; a newspaper reports; a reporter asks whether; "that" after a cue is
     * not the report's; a quotation framed in a relative clause after a report is not in it;
     * "that" further on belongs to the report's own clause. */
    t = "A new survey shows Ada Lind leading the race by six points.\n\n"
        "The study found that most pilots distrust the new rules.\n\n"
        "The Harbour Ledger reported that the council had spent millions on the pier.\n\n"
        "A reporter asked Tomas Berg whether he would accept the result of the vote.\n\n"
        "Jon Aldous said he has backed a bill that would cut the fees, which he called "
        "\u201ca fair deal for the crews.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "survey|indirect|Ada Lind leading the race by six points");
    CHECK_STR(quote_str(&an, 1), "The study|indirect|most pilots distrust the new rules");
    CHECK_STR(quote_str(&an, 2),
              "Harbour Ledger|indirect|the council had spent millions on the pier");
    CHECK_STR(quote_str(&an, 3),
              "A reporter|indirect|whether he would accept the result of the vote");
    CHECK_STR(quote_str(&an, 4),
              "Jon Aldous|indirect|he has backed a bill that would cut the fees");
    CHECK_STR(quote_str(&an, 5), "Jon Aldous|direct|a fair deal for the crews.");
    CHECK_INT(an.q.n, 6);
    arena_free(an.a);

    /* A participle after a comma reports on its own; "that" before a short phrase is a
     * demonstrative; a report ends at ", a man yelled"; a possessive pronoun is not a
     * subject, a capitalised word opening the clause is; a participle after a dash. */
    t = "The ministries declined to publish the figures, saying they cannot discuss the "
        "case.\n\n"
        "Mirela Kostadinova decried that math, saying the port took no new loans.\n\n"
        "When Tomas Berg thanked the crews and said it was good to be home, a man yelled "
        "\u201cStay there!\u201d\n\n"
        "Ada Lind met the pilots on Monday.\n\n"
        "Vollmar later posted a photo of her damaged car and said she had been pushed "
        "aside.\n\n"
        "Jon Aldous changed his mind on the spot \u2013 saying he would now back the ferry "
        "plan.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "The ministries|indirect|to publish the figures");
    CHECK_STR(quote_str(&an, 1), "The ministries|indirect|they cannot discuss the case");
    CHECK_STR(quote_str(&an, 2), "Mirela Kostadinova|indirect|the port took no new loans");
    CHECK_STR(quote_str(&an, 3), "Tomas Berg|indirect|it was good to be home");
    CHECK_STR(quote_str(&an, 4), "a man|direct|Stay there!");
    CHECK_STR(quote_str(&an, 5), "Vollmar|indirect|she had been pushed aside");
    CHECK_STR(quote_str(&an, 6), "Jon Aldous|indirect|he would now back the ferry plan");
    CHECK_INT(an.q.n, 7);
    arena_free(an.a);
}

/* A quotation followed only by the colon frame of the next speaks with it; a reply's frame does
 * not. A base-form cue after a singular determiner and adjectives is a noun ("a sharp
 * decline", "any renewed attack"), so the report before the quotation keeps it. */
static void test_quote_neighbours(void)
{
    annotated an;
    const char *t =
        "\u201cWe will keep the harbour open to every ship that asks for shelter.\u201d Mirela "
        "Kostadinova said: \u201cThe harbour is open, it stays open.\u201d\n\n"
        "\u201cWe are done with the talks and we will not come back next week.\u201d Tomas Berg "
        "replied: \u201cWe are not done with anything yet.\u201d\n\n"
        "The day before, Tomas Berg met the mayors of three towns and emphasized that \u201cthe "
        "coast guard will stand by every fisherman\u201d in a determined answer to any expanded "
        "Varnian attack.\n\n"
        "An October report from Ada Lind pointed to a crisis. The report highlighted a steep "
        "decline: \u201cFewer boats than ever sail from the northern ports.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0),
              "Mirela Kostadinova|direct|We will keep the harbour open to every ship that asks for "
              "shelter.");
    CHECK_STR(quote_str(&an, 1), "Mirela Kostadinova|direct|The harbour is open, it stays open.");
    CHECK_STR(quote_str(&an, 2),
              "-|direct|We are done with the talks and we will not come back next week.");
    CHECK_STR(quote_str(&an, 3), "Tomas Berg|direct|We are not done with anything yet.");
    const char *s4 = quote_str(&an, 4), *s5 = quote_str(&an, 5);
    CHECK(!strncmp(s4, "Tomas Berg|partial|", 19)); /* not "any expanded Varnian" */
    CHECK(!strncmp(s5, "The report|", 11));         /* not "The report highlighted a steep" */
    arena_free(an.a);
}

/* A quotation nobody frames that ends its paragraph, when the next paragraph opens with a
 * quotation framed after itself, is that speaker's. */
static void test_quote_framed_next(void)
{
    annotated an;
    const char *t = "The council met on Tuesday to hear the harbour master about the storm.\n\n"
                    "\u201cYou sent the night crews home before the worst of it\u201d again.\n\n"
                    "\u201cIt was a reckless call,\u201d Ilse Varga said.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0),
              "Ilse Varga|partial|You sent the night crews home before the worst of it");
    CHECK_STR(quote_str(&an, 1), "Ilse Varga|direct|It was a reckless call");
    arena_free(an.a);
}

/* Curly marks inside a quotation opened with a straight mark nest in it; a straight mark with
 * no straight closer after the curly pair is a stray, and the curly pair is the quotation. */
static void test_quote_mixed_marks(void)
{
    annotated an;
    const char *t = "Ilse Varga continued:\n\n"
                    "\"The port is not about \u201cfree trade for all\u201d any more. It is about "
                    "the few who own the cranes.\"\n\n"
                    "\"The mayor walked in, shouting \u201cNo more cranes in our harbour, not one "
                    "more, not ever!\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0),
              "Ilse Varga|direct|The port is not about \u201cfree trade for all\u201d any more. "
              "It is about the few who own the cranes.");
    CHECK(strstr(quote_str(&an, 1), "|No more cranes in our harbour, not one more, not ever!"));
    arena_free(an.a);
}

/* Reporting verbs of heated or remembered speech frame a quotation like "said" does. */
static void test_quote_heated_cues(void)
{
    annotated an;
    const char *t = "\u201cThey only came here for the free ferry tickets,\u201d Ilse Varga shot "
                    "back.\n\n"
                    "\u201cNobody asked the fishermen before the vote,\u201d Tomas Berg fumed.\n\n"
                    "\u201cWould the tolls go up again next year?\u201d Mirela Kostadinova "
                    "pressed. \u201cWe will see about that,\u201d Tomas Berg answered.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK(!strncmp(quote_str(&an, 0), "Ilse Varga|direct|", 18));
    CHECK(!strncmp(quote_str(&an, 1), "Tomas Berg|direct|", 18));
    CHECK(!strncmp(quote_str(&an, 3), "Tomas Berg|direct|We will see", 29));
    arena_free(an.a);

    /* "as X put it", "X thanked Y for “…”", "X expressed confidence that “…”" frame their
     * quotation. */
    t = "The tolls rose again, but as harbour master Ilse Varga put it, \u201cnobody ever asked "
        "the fishermen what they could pay.\u201d\n\n"
        "Tomas Berg thanked the crews for \u201cstanding on the piers through the worst night "
        "of the year.\u201d\n\n"
        "Mirela Kostadinova expressed confidence that the port would be \u201copen again "
        "before the summer season starts.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK(!strncmp(quote_str(&an, 0), "Ilse Varga|", 11));
    CHECK(!strncmp(quote_str(&an, 1), "Tomas Berg|", 11));
    CHECK(!strncmp(quote_str(&an, 2), "Mirela Kostadinova|", 19));
    arena_free(an.a);
}

/* A contracted pronoun ("He’s claiming") is the subject of the cue after it, not a possessive. */
static void test_quote_contracted_subject(void)
{
    annotated an;
    const char *t = "Tomas Berg spoke at the harbour on Friday.\n\n"
                    "He\u2019s claiming that the new toll is \u201ca real danger to every "
                    "fisherman on the coast.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK(!strncmp(quote_str(&an, 0), "He|partial|a real danger", 24));
    arena_free(an.a);
}

/* Words quoted with no frame a few words after an attributed partial quotation in its sentence
 * are more pieces of it; quoted words further on are left to the scare-quote rule. */
static void test_quote_fragments(void)
{
    annotated an;
    const char *t = "Ilse Varga insisted the port was \u201copen to talks\u201d and would "
                    "\u201cprefer a deal\u201d \u2013 but only \u201cif the council drops the "
                    "tolls\u201d and ends what she called \u201ca war on boats.\u201d\n\n"
                    "Tomas Berg called the plan \u201ca folly\u201d because the cranes that "
                    "were bought last year to make the harbour \u201csafer\u201d keep failing.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ilse Varga|partial|open to talks / prefer a deal / if the "
                                 "council drops the tolls");
    CHECK(an.q.n >= 1 && an.q.items[0].in_content);
    CHECK(!strncmp(quote_str(&an, 1), "Ilse Varga|", 11));
    CHECK(strstr(quote_str(&an, 1), "|a war on boats"));
    CHECK_STR(quote_str(&an, 2), "Tomas Berg|partial|a folly");
    CHECK_INT((int)an.q.n, 3);
    arena_free(an.a);
}

/* `what it calls “…”` framed right before the mark inside the writer's sentence: the sentence's
 * subject takes the words up and speaks, not the pronoun after "what". */
static void test_quote_what_it_calls(void)
{
    annotated an;
    const char *t = "The Harbour Board met on Monday.\n\n"
                    "The Harbour Board is fighting what it calls \u201cthe worst toll in the "
                    "history of the coast.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK(!strncmp(quote_str(&an, 0), "Harbour Board|", 14) ||
          !strncmp(quote_str(&an, 0), "The Harbour Board|", 18));
    arena_free(an.a);
}

/* A quotation inside the writer's sentence that ends it is not framed by the next sentence. */
static void test_quote_no_frame_next_sentence(void)
{
    annotated an;
    const char *t = "Mirela Kostadinova wrote on Friday, saying that the board should open the "
                    "gates \u201cwithout any delay.\u201d Tomas Berg plans to visit the harbour "
                    "on Sunday.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK(!strncmp(quote_str(&an, 0), "Mirela Kostadinova|partial|", 27));
    arena_free(an.a);
}

/* A colon frame after an introduction: the clause after its comma has the speaker. */
static void test_quote_colon_after_introduction(void)
{
    annotated an;
    const char *t = "The storm hit the coast on Monday.\n\n"
                    "When the storm ended, Mayor Ilse Varga released the following statement:\n\n"
                    "\u201cWe will rebuild every pier and every house on the coast, and we will do "
                    "it together.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK(!strncmp(quote_str(&an, 0), "Ilse Varga|direct|We will rebuild", 33));
    arena_free(an.a);
}

/* A participle's clause opening with a subject pronoun has it as the speaker, not a person
 * named later in the clause. */
/* A frame with a long prepositional tail (`…, X announced to the reporters at the ministry.`)
 * is still a frame; a pronoun frame after it speaks for the reporter, not for the person the
 * report is about. */
static void test_quote_reporter_pronoun(void)
{
    annotated an;
    const char *t = "Jon Aldous, the harbour master, took the letter to the council, Mayor Tom "
                    "Berg announced to the reporters at the town hall on the quay.\n\n"
                    "\u201cOur answer was agreed with every town on the coast,\u201d he said.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Tom Berg|indirect|Jon Aldous, the harbour master, took the "
                                 "letter to the council");
    CHECK(!strncmp(quote_str(&an, 1), "Tom Berg|direct|", 16));
    arena_free(an.a);

    /* A share of those polled written with "%"; a name after "on" that opens with no given
     * name is a platform, not the person a later "he" means. */
    t = "Of the pilots polled, 52% agreed that the fees should fall.\n\n"
        "Last night Tom Berg answered the council. This morning on Harbour Wire he suggested "
        "that the fees \u201cwill only rise.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "52%|indirect|the fees should fall");
    CHECK_STR(quote_str(&an, 1), "Tom Berg|partial|will only rise.");
    arena_free(an.a);

    /* "that" opens a clause an aside interrupts: no demonstrative. */
    t = "Ada Lind noted that these ferries, left alone, may rust within a year.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|indirect|these ferries, left alone, may rust within a year");
    arena_free(an.a);

    /* "X was quick to note": the subject before "be" and its adjective. */
    t = "The minister was quick to point out that the port had never closed.\n\n"
        "Tom Hale was right to remind the council that \u201cno storm lasts forever.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "The minister|indirect|the port had never closed");
    CHECK_STR(quote_str(&an, 1), "Tom Hale|partial|no storm lasts forever.");
    arena_free(an.a);

    /* A second verb in a subordinate clause has that clause's subject pronoun. */
    t = "Tom Berg called the plan a \u201cmenace\u201d after she attacked the pilots and "
        "blamed the delays on \u201cbad planning.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Tom Berg|partial|menace");
    CHECK(!strncmp(quote_str(&an, 1), "she|partial|", 12));
    arena_free(an.a);

    /* A listener without "that": the clause opens at its subject pronoun. */
    t = "Ada Lind told The Harbour Times she is not planning an appeal.\n\n"
        "Tomas Berg told me he had never seen the harbour so empty.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|indirect|she is not planning an appeal");
    CHECK_STR(quote_str(&an, 1), "Tomas Berg|indirect|he had never seen the harbour so empty");
    arena_free(an.a);

    /* The listener before "that": `reminded the council that …`. */
    t = "Tom Berg reminded the council that the harbour would stay open all winter.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Tom Berg|indirect|the harbour would stay open all winter");
    arena_free(an.a);
}

/* A participle's subject is the noun phrase opening its clause, adjectives and all, not a
 * person named after it. */
static void test_quote_participle_bare_subject(void)
{
    annotated an;
    const char *t = "Several harbour unions asked the court to give Tomas Berg more time, saying "
                    "the toll was unfair to the fishermen.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 1), "Several harbour unions|indirect|the toll was unfair to the "
                                 "fishermen");
    arena_free(an.a);
}

/* A second report of the same subject: after "and" it ends the first report, after ", then"
 * it has the sentence's subject, and a subject with an apposition is no introduction. */
static void test_quote_second_report(void)
{
    annotated an;
    const char *t =
        "Ada Lind says the toll is fair and says she wrote the bill to pay for the "
        "gate.\n\n"
        "Tomas Berg offered the fisherman a seat on the board, then said he would "
        "listen to anyone.\n\n"
        "Harbour mayor Ada Lind, like Tomas Berg, has praised the new quay but has said "
        "she will not raise the toll.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|indirect|the toll is fair");
    CHECK_STR(quote_str(&an, 1), "Ada Lind|indirect|she wrote the bill to pay for the gate");
    CHECK_STR(quote_str(&an, 2), "Tomas Berg|indirect|he would listen to anyone");
    CHECK_STR(quote_str(&an, 4), "Ada Lind|indirect|she will not raise the toll");
    arena_free(an.a);
}

/* "call" with an object and a noun phrase naming it reports; a phone call does not. */
static void test_quote_calls_it(void)
{
    annotated an;
    const char *t = "Ada Lind called the toll a mistake that would hurt the fishermen.\n\n"
                    "Tomas Berg called her on Monday to ask about the ferry.\n\n"
                    "Tomas Berg called the old harbour town his true home.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Ada Lind|indirect|the toll a mistake that would hurt the "
                                 "fishermen");
    CHECK_STR(quote_str(&an, 1), "Tomas Berg|indirect|the old harbour town his true home");
    CHECK_INT(an.q.n, 2);
    arena_free(an.a);
}

/* An embedded question ("how the port answers, …") and a work written ("is writing a
 * guide") report nothing; "wrote the toll was fair" does. */
/* The kind of an entity by name, or -1 when there is none. */
static int kind_of_entity(annotated *an, const char *name)
{
    for (size_t i = 0; i < an->d.n_entities; i++)
        if (!strcmp(an->d.entities[i].name, name)) return (int)an->d.entities[i].kind;
    return -1;
}

/* Regions and lines are places; a name does not run on over "on" into a day or a place unless
 * it is an organisation's ("Council on Trade"); "Much of" opens no name. */
static void test_entities_regions(void)
{
    annotated an;
    const char *t = "The Middle East and the Global South watched the Blue Line closely.\n\n"
                    "Tomas Berg on Friday met the Council on Fishing Rights in Kalvik.\n\n"
                    "Much of Berg\u2019s plan is old.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_INT(kind_of_entity(&an, "Middle East"), ENT_PLACE);
    CHECK_INT(kind_of_entity(&an, "Global South"), ENT_PLACE);
    CHECK_INT(kind_of_entity(&an, "Blue Line"), ENT_PLACE);
    CHECK_INT(kind_of_entity(&an, "Tomas Berg"), ENT_PERSON);
    CHECK_INT(kind_of_entity(&an, "Tomas Berg on Friday"), -1);
    CHECK_INT(kind_of_entity(&an, "Council on Fishing Rights"), ENT_ORG);
    CHECK_INT(kind_of_entity(&an, "Much of Berg"), -1);
    CHECK_STR(entity_of(&an, "Berg\u2019s plan"), "Tomas Berg");
    arena_free(an.a);
    /* a known person's bare surname that is also a given name opens another name: "Paul
     * Ryan" is not Rand Paul, while "Paul" alone after Rand Paul is */
    const char *t3 = "Rand Paul spoke first. Paul Ryan answered him, and then Paul left.";
    CHECK_INT(annotate(&an, t3, "2024-05-02"), 0);
    CHECK_STR(entity_of(&an, "Paul Ryan"), "Paul Ryan");
    CHECK_STR(entity_of(&an, "Paul left"), "Rand Paul");
    arena_free(an.a);
    /* and a compass word after a given name stays a person's surname */
    const char *t2 = "Marty West spoke. Then Allen West left.";
    CHECK_INT(annotate(&an, t2, "2024-05-02"), 0);
    CHECK(kind_of_entity(&an, "Marty West") != ENT_PLACE);
    arena_free(an.a);
}

/* Golden cases of this stop's quote rules: a text, then every quote it must give, in order
 * ("speaker|kind|words"), and no other. */
typedef struct quote_case {
    const char *why;     /* the rule */
    const char *text;    /* paragraphs separated by blank lines */
    const char *want[5]; /* the quotes, NULL-terminated */
} quote_case;

static const quote_case QUOTE_CASES[] = {
    {"a thought verb with one word and then the clause's end is a state ('might feel good, "
     "but'): the scare quotation after it is nobody's; a thought reported still is",
     "Turning the fishermen away could feel fine, yet that is hardly how \u201cvery "
     "serious\u201d councils work.\n\n"
     "Tomas Berg felt the toll was \u201cfar too high for the small boats\u201d.",
     {"Tomas Berg|partial|far too high for the small boats", NULL}},
    {"'pushed for' reports its object; 'recognized' is a thought whose quotation after a dash is "
     "the subject's; 'as X put it,' frames the clause after its comma, a title allowed between",
     "The harbour council also pushed for \u201ca second quay for the ferries of the north\u201d "
     "in the spring.\n\n"
     "Ada Lind recognized the toll for what it was \u2014 \u201ca tax on every fisherman in "
     "town.\u201d\n\n"
     "More precisely, as the ferry master Tomas Berg put it, the crossing was slow but safe for "
     "every passenger on board.",
     {"The harbour council|partial|a second quay for the ferries of the north",
      "Ada Lind|partial|a tax on every fisherman in town.",
      "Tomas Berg|indirect|the crossing was slow but safe for every passenger on board", NULL}},
    {"a share and whom it counts speaks; not a name before a noun cue ('22% of Ardanian claims "
     "as'); ', including serial attacks on' is no frame; a plural after a possessive and a word, "
     "before a modal, is a noun",
     "In the harbour survey, 61% of those surveyed indicated that a lower toll would suit "
     "them.\n\n"
     "The ferry strike went on and spread to the islands of the bay, including serial attacks on "
     "the ferry offices of Kalvik.\n\n"
     "Ignoring the town\u2019s old demands might feel good, but it is not \u201cserious work for "
     "a council\u201d at all.\n\n"
     "The Herald rated 22% of Ardanian claims as \u201centirely true\u201d last year.",
     {"61% of those surveyed|indirect|a lower toll would suit them", NULL}},
    {"a reduced relative after a comma has its second phrase as subject; 'the head of the "
     "agency' stays whole",
     "The council raised the toll, a step the harbour master says will pay for the new quay.\n\n"
     "The head of the agency said the quay would open in May.",
     {"the harbour master|indirect|will pay for the new quay",
      "The head of the agency|indirect|the quay would open in May", NULL}},
    {"a possessive ends a name, and after a cue the possessor's person speaks",
     "\u201cThe crossing was knowable,\u201d said the Harbour Institute\u2019s Tomas Berg in a "
     "June article.\n\n"
     "The Kalvik Herald\u2019s Ada Lind said the quay would open in May.",
     {"Tomas Berg|direct|The crossing was knowable",
      "Ada Lind|indirect|the quay would open in May", NULL}},
    {"not reports: raising money, adding sums, an adjective after a possessive and an adverb, a "
     "plural after a possessive name before a comma; 'raised concerns' and 'the ad's narrator "
     "says,' are",
     "Tomas Berg raised more than $3 million for the ferry fund last year.\n\n"
     "The new toll would eventually add $84 million over ten years to the fund.\n\n"
     "The board studied his recently revealed tax strategies for the ferry company.\n\n"
     "Because of Berg\u2019s Fifth Amendment claims, prosecutors rarely pursue such cases "
     "against the harbour board.\n\n"
     "Ada Lind raised concerns that the ferry would stop in winter.\n\n"
     "\u201cIf the toll is fair,\u201d the ad\u2019s narrator says, \u201cwho pays for the "
     "quay?\u201d",
     {"Ada Lind|indirect|concerns that the ferry would stop in winter",
      "the ad\u2019s narrator|direct|If the toll is fair / who pays for the quay?",
      NULL}},
    {"'now' between subject and cue; 'called on X to'; a dash before another frame ends a "
     "report, and a reduced relative after a dash and a bare noun has the second phrase",
     "The harbour board now says the toll will stay.\n\n"
     "Ada Lind called on the board to lower the toll for the fishing boats.\n\n"
     "Tomas Berg urged the town to act -- meddling the harbour master said is designed to "
     "\u201csow discord\u201d in Kalvik.",
     {"The harbour board|indirect|the toll will stay",
      "Ada Lind|indirect|to lower the toll for the fishing boats", "Tomas Berg|indirect|to act",
      "the harbour master|partial|sow discord", NULL}},
    {"appositions in dashes and after 'of PLACE' and a comma; a speaker's noun with 'familiar "
     "with'",
     "Voters were asked again.\n\n"
     "Tomas Berg \u2014 a teacher from North Kalvik \u2014 says he made a late decision to vote "
     "for the toll.\n\n"
     "Senator Ada Lind of Kalvik, a toll supporter, said it will help both the ferry and the "
     "port.\n\n"
     "Officials familiar with the talks said the deal was near.",
     {"Tomas Berg|indirect|he made a late decision to vote for the toll",
      "Ada Lind|indirect|it will help both the ferry and the port",
      "Officials familiar with the talks|indirect|the deal was near", NULL}},
    {"a headline 'Name: words' attributes to a name the text never repeats when a given name "
     "opens it",
     "Ada Lind: The Ferry Must Run All Winter Long\n\n"
     "The harbour board met on Monday to discuss the timetable.",
     {"Ada Lind|indirect|The Ferry Must Run All Winter Long", NULL}},
    {"'asked' reports the question after an object of up to seven words",
     "Voters were asked again.\n\n"
     "Ada Lind asked the new harbour master of North Kalvik if he had seen the ferry.",
     {"Ada Lind|indirect|if he had seen the ferry", NULL}},
    {"a negated report is a report, and its cue keeps the negation ('did not say')",
     "Voters were asked again.\n\n"
     "The harbour board did not say whether the toll would stay.\n\n"
     "Ada Lind isn\u2019t saying if the ferry will run in winter.",
     {"The harbour board|indirect|whether the toll would stay",
      "Ada Lind|indirect|if the ferry will run in winter", NULL}},
};

static void test_quote_cases(void)
{
    for (size_t c = 0; c < sizeof QUOTE_CASES / sizeof QUOTE_CASES[0]; c++) {
        const quote_case *k = &QUOTE_CASES[c];
        annotated an;
        CHECK_INT(annotate(&an, k->text, "2024-05-02"), 0);
        size_t n = 0;
        for (; k->want[n]; n++) {
            if (strcmp(quote_str(&an, n), k->want[n]) != 0)
                fprintf(stderr, "case %zu (%s)\n", c, k->why);
            CHECK_STR(quote_str(&an, n), k->want[n]);
        }
        if (an.q.n != n) fprintf(stderr, "case %zu (%s)\n", c, k->why);
        CHECK_INT(an.q.n, n);
        arena_free(an.a);
    }
    /* the negated cues as a reader sees them */
    annotated ng;
    CHECK_INT(annotate(&ng, QUOTE_CASES[10].text, "2024-05-02"), 0);
    for (size_t i = 0; i < ng.q.n && i < 2; i++) {
        const quote *q = &ng.q.items[i];
        char *cue = arena_strndup(ng.a, ng.text + q->cue.start, q->cue.end - q->cue.start);
        CHECK_STR(cue, i == 0 ? "did not say" : "isn\u2019t saying");
    }
    arena_free(ng.a);
    /* the possessor's organisation is one by its last word, read without the 's */
    annotated an;
    CHECK_INT(annotate(&an, QUOTE_CASES[4].text, "2024-05-02"), 0);
    CHECK_INT(kind_of_entity(&an, "Harbour Institute"), ENT_ORG);
    arena_free(an.a);
}

static void test_quote_not_reports(void)
{
    annotated an;
    const char *t = "To see why the quarrel matters for how the harbour town responds, it may "
                    "help to recall the old ferry dispute.\n\n"
                    "Ada Lind is writing a guide to the harbour and its ferries for the summer.\n\n"
                    "Tomas Berg wrote the toll was fair to every fisherman in the town.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0), "Tomas Berg|indirect|the toll was fair to every fisherman in "
                                 "the town");
    CHECK_INT(an.q.n, 1);
    arena_free(an.a);
}

/* Partial quotations nobody frames, in the paragraph after a speaker's quotation, are that
 * speaker's words (a description of a document goes on); not when another person is named. */
static void test_quote_partial_inherits(void)
{
    annotated an;
    const char *t = "Ada Lind described the plan as resting on \u201cthree plain promises\u201d to "
                    "the fishermen of the town.\n\n"
                    "Other points included \u201ca lower toll for the early ferries on weekdays\u201d "
                    "and \u201ca new quay for the fishing boats by the spring.\u201d\n\n"
                    "Tomas Berg runs the ferry. The crossing is \u201cslow but safe for every "
                    "passenger on board\u201d in winter.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 1), "Ada Lind|partial|a lower toll for the early ferries on weekdays");
    CHECK_STR(quote_str(&an, 2), "Ada Lind|partial|a new quay for the fishing boats by the spring.");
    CHECK(strncmp(quote_str(&an, 3), "Ada Lind", 8) != 0);
    arena_free(an.a);
}

/* Evidence shows: records, emails, filings, also at the head of a longer subject. */
static void test_quote_evidence_shows(void)
{
    expect_quotes("Harbour records from the 2019 season show the ferry carried fewer than a "
                  "thousand cars.\n\n"
                  "Leaked emails showed that the board had planned the toll for months.",
                  "Harbour records|indirect|the ferry carried fewer than a thousand cars",
                  "Leaked emails|indirect|the board had planned the toll for months", NULL);
}

static void test_quote_participle_pronoun(void)
{
    annotated an;
    const char *t = "The Harbour Board published its review on Monday.\n\n"
                    "It goes on to fault Tomas Berg for the toll, saying that the decision was "
                    "\u201ctaken without a single hearing in the port towns.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK(!strncmp(quote_str(&an, 0), "It|partial|", 11));
    arena_free(an.a);

    /* The "it" of a cleft sentence is no speaker. */
    t = "The council met on Friday.\n\n"
        "It was in this hall that Tomas Berg challenged the toll, asking the board to keep the "
        "gates \u201copen to every boat that needs the harbour.\u201d";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK(!strncmp(quote_str(&an, 0), "Tomas Berg|partial|", 19));
    arena_free(an.a);
}

/* Reported speech framed by "according to" after a conjunction or set off by commas, by a
 * tell-like cue with its listener, and by an outlet the nlp layer does not know. */
static void test_quote_report_frames(void)
{
    expect_quotes("But according to the harbour auditors, the new gate will stay shut until the "
                  "spring.\n\n"
                  "Fishing, according to the harbour office, has fallen by half since May.",
                  "the harbour auditors|indirect|the new gate will stay shut until the spring",
                  "the harbour office|indirect|Fishing, according to the harbour office, has "
                  "fallen by half since May",
                  NULL);

    /* A long source stands by its first words; a sentence going on after a frame set off by
     * commas is reported whole, unless a relative clause follows the source. */
    expect_quotes("According to early results of the harbour survey conducted for the town "
                  "council by the port office, most fishermen want the new gate.\n\n"
                  "Since last winter, according to the harbour office, the night ferry has lost "
                  "half of its passengers.\n\n"
                  "The toll will pay for the gate, according to the harbour office, which runs "
                  "the port.",
                  "early results of the harbour survey|indirect|most fishermen want the new gate",
                  "the harbour office|indirect|Since last winter, according to the harbour "
                  "office, the night ferry has lost half of its passengers",
                  "the harbour office|indirect|The toll will pay for the gate");

    expect_quotes("The toll talks have stalled over the night fees, Ada Lind told the committee "
                  "on Monday.\n\n"
                  "The ferry will not sail before June, he warned the ferry owners.",
                  "Ada Lind|indirect|The toll talks have stalled over the night fees",
                  "he|indirect|The ferry will not sail before June", NULL);

    /* A frame with its listener inside the sentence: the report goes on after it. */
    expect_quotes("The aim of the new toll, one harbour official told the Courier, is to pay for "
                  "the gate.",
                  "one harbour official|indirect|The aim of the new toll, one harbour official "
                  "told the Courier, is to pay for the gate",
                  NULL, NULL);

    /* "As X reported, …", "As reported by X, …", and a past-tense cue after an unknown
     * outlet whose clause opens plainly (not a byline's "reported from"). */
    annotated an;
    const char *t = "As the Courier reported, the night ferry will not sail again before June.\n\n"
                    "As reported by the Gazette, the harbour gate has been closed for a month.\n\n"
                    "The Courier reported the toll would rise in the spring.\n\n"
                    "The Gazette reported from the harbour island.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_STR(quote_str(&an, 0),
              "the Courier|indirect|the night ferry will not sail again before June");
    CHECK_STR(quote_str(&an, 1),
              "the Gazette|indirect|the harbour gate has been closed for a month");
    CHECK_STR(quote_str(&an, 2), "The Courier|indirect|the toll would rise in the spring");
    CHECK_INT(an.q.n, 3);
    arena_free(an.a);

    /* An inverted frame whose subject is a common noun phrase; not a clause after "said". */
    expect_quotes("The new gate may be more useful to the ferry company than to anyone else, said "
                  "several harbour observers.\n\n"
                  "Ada Lind, the mayor, said the talks will start with Tomas Berg, but not end "
                  "there.",
                  "several harbour observers|indirect|The new gate may be more useful to the "
                  "ferry company than to anyone else",
                  "Ada Lind|indirect|the talks will start with Tomas Berg, but not end there",
                  NULL);

    expect_quotes("The old ferry was sold to a buyer in Malta, the Courier reported.",
                  "the Courier|indirect|The old ferry was sold to a buyer in Malta", NULL, NULL);
}

/* Headlines that attribute: the speaker before the cue, after the words, or before a colon,
 * matched to the article's entities by the last word; a question or a section heading is no
 * report. */
static void test_quote_headlines(void)
{
    expect_quotes("Lind Says New Toll Will Pay For The Harbour Gate.\n\n"
                  "Mayor Ada Lind spoke in the town hall on Monday.",
                  "Ada Lind|indirect|New Toll Will Pay For The Harbour Gate", NULL, NULL);
    expect_quotes("Berg: the night ferry will sail again from the first of June.\n\n"
                  "Tomas Berg runs the ferry company.",
                  "Tomas Berg|indirect|the night ferry will sail again from the first of June",
                  NULL, NULL);
    expect_quotes("Night Ferry Will Sail Again in June, Berg Says.\n\n"
                  "Tomas Berg runs the ferry company.",
                  "Tomas Berg|indirect|Night Ferry Will Sail Again in June", NULL, NULL);

    annotated an;
    const char *t = "Berg: Ferry Boss or Harbour Politician?\n\n"
                    "Berg: Now or never.\n\n"
                    "Tomas Berg runs the ferry company.";
    CHECK_INT(annotate(&an, t, "2024-05-02"), 0);
    CHECK_INT(an.q.n, 0);
    arena_free(an.a);
}

int main(void)
{
    test_tokens();
    test_sentences();
    test_entities();
    test_entities_compass();
    test_quotes();
    test_quote_frames();
    test_quote_neighbours();
    test_quote_framed_next();
    test_quote_mixed_marks();
    test_quote_heated_cues();
    test_quote_contracted_subject();
    test_quote_fragments();
    test_quote_what_it_calls();
    test_quote_no_frame_next_sentence();
    test_quote_colon_after_introduction();
    test_quote_participle_pronoun();
    test_quote_participle_bare_subject();
    test_quote_second_report();
    test_quote_calls_it();
    test_quote_not_reports();
    test_entities_regions();
    test_quote_cases();
    test_quote_partial_inherits();
    test_quote_evidence_shows();
    test_quote_reporter_pronoun();
    test_quote_report_frames();
    test_quote_headlines();
    return check_done();
}
