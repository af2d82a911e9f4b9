/*
 * test_cluster.c - story clustering: name keys across scripts, stopwords and stemming in the
 * features, MinHash estimates, and the clusterer on small invented articles (two meetings of
 * the same people a week apart stay apart, a reprint is a duplicate, a Russian report of the
 * same meeting joins the English story, an unrelated article stays alone).
 */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "check.h"
#include "nlp/when.h"
#include "stories/cluster.h"

static void check_key_eq(const char *a, const char *b)
{
    char ka[64], kb[64];
    size_t la = feat_name_key(a, strlen(a), ka, sizeof ka);
    size_t lb = feat_name_key(b, strlen(b), kb, sizeof kb);
    CHECK(la > 0 && lb > 0);
    if (la == 0 || lb == 0 || strcmp(ka, kb) != 0)
        fprintf(stderr, "  keys differ: %s -> %s, %s -> %s\n", a, la ? ka : "-", b, lb ? kb : "-");
    CHECK_STR(ka, kb);
}

static void check_key_ne(const char *a, const char *b)
{
    char ka[64], kb[64];
    feat_name_key(a, strlen(a), ka, sizeof ka);
    feat_name_key(b, strlen(b), kb, sizeof kb);
    CHECK(strcmp(ka, kb) != 0);
}

static void test_name_keys(void)
{
    check_key_eq("Блинкен", "Blinken");
    check_key_eq("Блинкена", "Blinken");
    check_key_eq("Блинкеном", "Blinken");
    check_key_eq("Лавров", "Lavrov");
    check_key_eq("Лаврова", "LAVROV");
    check_key_eq("Зеленский", "Zelensky");
    check_key_eq("Zelenskyy", "Zelensky");
    check_key_eq("Зеленського", "Zelenskyy");
    check_key_eq("Зеленський", "Selenskyj");
    check_key_eq("Τσίπρας", "Tsipras");
    check_key_eq("Erdoğan", "Эрдоган");
    check_key_eq("Путина", "Putin");
    check_key_eq("Путін", "Putin");
    check_key_eq("Путіна", "Putin");
    check_key_eq("Блінкен", "Blinken");
    check_key_eq("Блінкена", "Blinken");
    check_key_eq("Байден", "Biden");
    check_key_eq("Байдена", "Biden");
    check_key_eq("Шольц", "Scholz");
    check_key_eq("Макрон", "Macron");
    check_key_eq("Києві", "Kyiv");
    check_key_eq("Київ", "Kyiv");
    check_key_eq("Вашингтон", "Washington");
    check_key_eq("Kiev", "Kyiv");
    check_key_eq("Штайнмайер", "Steinmeier");
    check_key_ne("Женева", "Geneva"); /* exonyms are not spellings: beyond the key */
    check_key_ne("Lavrov", "Blinken");
    check_key_ne("Лавров", "Путин");
    char k[64];
    CHECK_INT(feat_name_key("-", 1, k, sizeof k), 0);
}

/* Counts features with this key. */
static size_t has_key(const feat_list *l, const char *key)
{
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++) n += strcmp(l->v[i].key, key) == 0;
    return n;
}

static void test_features(void)
{
    feat_ctx *fx = feat_ctx_new();
    CHECK(fx != NULL);
    if (!fx) return;
    CHECK(feat_is_stopword(fx, "en", "the", 3));
    CHECK(feat_is_stopword(fx, "ru", "и", 2));
    CHECK(!feat_is_stopword(fx, "en", "reservoir", 9));
    arena *a = arena_new(4096);
    feat_list l = {0};
    const char *text = "The ministers signed the treaties in Kalvik on 3 March. "
                       "Foreign Minister Tomas Vell said 6,000 troops would leave.";
    feat_input in = {"Treaty signed", 13, text, strlen(text), "en", NULL, 0};
    CHECK_INT(feat_extract(fx, a, &in, &l), DOSSIER_OK);
    CHECK(has_key(&l, "wtreati") >= 2); /* treaty, treaties stemmed alike */
    CHECK(has_key(&l, "wthe") == 0);    /* stopword */
    CHECK(has_key(&l, "nkalvik") == 1);
    CHECK(has_key(&l, "ntomas") == 1);
    CHECK(has_key(&l, "Ntomas_vel") == 1);
    CHECK(has_key(&l, "#6000") == 1);
    CHECK(has_key(&l, "d03-03") == 1);
    CHECK(has_key(&l, "nthe") == 0); /* a capitalised sentence opener is not a name */
    /* title words count twice */
    float title_w = 0;
    for (size_t i = 0; i < l.n; i++)
        if (!strcmp(l.v[i].key, "wsign") && l.v[i].count > title_w) title_w = l.v[i].count;
    CHECK(title_w == 2.0f);
    /* Russian: stemmed words, transliterated names */
    l.n = 0;
    const char *ru = "Министр Томас Велл подписал договоры в Кальвике 3 марта.";
    feat_input rin = {NULL, 0, ru, strlen(ru), "ru", NULL, 0};
    CHECK_INT(feat_extract(fx, a, &rin, &l), DOSSIER_OK);
    CHECK(has_key(&l, "nkalvik") == 1);
    CHECK(has_key(&l, "Ntomas_vel") == 1);
    CHECK(has_key(&l, "d03-03") == 1);
    /* a possessive is its name (with either apostrophe) and ends a name run; other letters
     * after an apostrophe stay in the word */
    l.n = 0;
    const char *poss = "Talks began. Then Vell’s aides and Vell's deputy met Ann O'Dowd, "
                       "and Kalvik’s Harbour Board agreed.";
    feat_input pin = {NULL, 0, poss, strlen(poss), "en", NULL, 0};
    CHECK_INT(feat_extract(fx, a, &pin, &l), DOSSIER_OK);
    CHECK_INT(has_key(&l, "nvel"), 2);
    CHECK_INT(has_key(&l, "nodovd"), 1); /* name keys fold w to v and double letters */
    CHECK_INT(has_key(&l, "Nan_odovd"), 1);
    CHECK_INT(has_key(&l, "Nkalvik_harbour_board"), 0);
    CHECK_INT(has_key(&l, "Nharbour_board"), 1);
    /* exonyms take the English name's key: Россия, Russland and Russia meet, so do Москве,
     * Moskau and Moscow */
    char kr[64], km[64], key[80];
    feat_name_key("Russia", 6, kr, sizeof kr);
    feat_name_key("Moscow", 6, km, sizeof km);
    const char *ex[] = {"Переговоры в Москве, и Россия ответила.", "Gespräche in Moskau, und "
                        "Russland antwortete."};
    const char *exl[] = {"ru", "de"};
    for (int i = 0; i < 2; i++) {
        l.n = 0;
        feat_input xin = {NULL, 0, ex[i], strlen(ex[i]), exl[i], NULL, 0};
        CHECK_INT(feat_extract(fx, a, &xin, &l), DOSSIER_OK);
        snprintf(key, sizeof key, "n%s", kr);
        CHECK_INT(has_key(&l, key), 1);
        snprintf(key, sizeof key, "n%s", km);
        CHECK_INT(has_key(&l, key), 1);
    }
    for (size_t i = 0; i < l.n; i++)
        if (!strcmp(l.v[i].key, "nvel")) CHECK_STR(l.v[i].surface, "Vell");
    feat_list_release(&l);
    arena_free(a);
    feat_ctx_free(fx);
}

static void test_minhash(void)
{
    const char *a = "The river authority said on Friday that the flow through the dam would rise "
                    "to three hundred cubic metres a second by the end of the month, after talks "
                    "between the two governments in the capital ended without a deal on the "
                    "reservoir but with a promise to meet again before winter.";
    const char *b = "The river authority said on Friday that the flow through the dam would rise "
                    "to three hundred cubic metres a second by the end of the month, after talks "
                    "between the two governments in the capital ended without an agreement on the "
                    "reservoir but with a promise to meet again before winter.";
    const char *c = "A late goal gave the visitors a narrow win in the cup final on Saturday, "
                    "their first trophy in eleven years, and the coach said the squad had earned "
                    "every minute of the celebrations that followed in the city centre.";
    mh_sig sa, sb, sc, se;
    mh_signature(a, strlen(a), &sa);
    mh_signature(b, strlen(b), &sb);
    mh_signature(c, strlen(c), &sc);
    mh_signature("too short", 9, &se);
    CHECK(sa.n_shingles > 40);
    CHECK_INT(se.n_shingles, 0);
    CHECK(mh_jaccard(&sa, &sa) == 1.0);
    CHECK(mh_jaccard(&sa, &sb) > 0.6);
    CHECK(mh_jaccard(&sa, &sc) < 0.1);
    CHECK(mh_jaccard(&sa, &se) == 0);
    int shared = 0;
    for (int i = 0; i < MH_BANDS; i++) shared += mh_band_key(&sa, i) == mh_band_key(&sb, i);
    CHECK(shared >= 1);
}

/* The invented articles of the clustering test. */
static const char *const A1 =
    "Ardanian Foreign Minister Tomas Vell and Premier Lisa Orrin of Belmora signed a fishing "
    "accord in Kalvik on Monday, opening the northern straits to 1,200 trawlers from both "
    "countries. Vell said the accord ended a quarrel of twenty years over the straits. Orrin "
    "called the fishing accord fair to the fleets of both sides and said inspectors would "
    "count the catch in the straits each month.";
static const char *const A2 =
    "Fleets from Ardania and Belmora may fish the northern straits under an accord signed in "
    "Kalvik on Monday by Tomas Vell, Ardania's foreign minister, and the Belmoran premier, "
    "Lisa Orrin. The deal lets 1,200 trawlers work the straits; inspectors will check catches "
    "every month, Orrin said. Vell spoke of the end of a long quarrel over the straits.";
static const char *const A_REPRINT =
    "Ardanian Foreign Minister Tomas Vell and Premier Lisa Orrin of Belmora signed a fishing "
    "accord in Kalvik on Monday, opening the northern straits to 1,200 trawlers from both "
    "countries. Vell said the accord ended a quarrel of twenty years over the straits. Orrin "
    "called the fishing accord fair to the fleets of both sides and said inspectors would "
    "count the catch in the straits every month.";
static const char *const A_RU =
    "Министр иностранных дел Ардании Томас Велл и премьер Белморы Лиза Оррин подписали в "
    "Кальвике соглашение о рыболовстве. Соглашение открывает северные проливы для 1200 "
    "траулеров обеих стран. Велл заявил, что спор о проливах закончен. Оррин назвала "
    "соглашение справедливым.";
static const char *const B1 =
    "Tomas Vell and Lisa Orrin met again in Dorsen on Tuesday, this time to open a railway "
    "line across the border between Ardania and Belmora. The first train carried 300 "
    "passengers over the new bridge at Dorsen, and Orrin said freight would follow in spring.";
static const char *const B2 =
    "A railway bridge at Dorsen now joins Ardania and Belmora: Vell and Orrin rode the first "
    "train on Tuesday with 300 passengers, and freight trains are due in spring, Orrin said.";
static const char *const C1 =
    "Heavy snow closed the mountain pass above Tallin Gorge for a third day, and the roads "
    "office said ploughs could not reach the stranded lorries before the weekend.";

/* The seven articles of the clustering tests: the accord (two outlets, a reprint, a Russian
 * report), the railway a week later (two outlets), and the snow. */
struct seven {
    const char *title, *text, *lang, *date;
};
static const struct seven SEVEN[7] = {
    {"Fishing accord signed in Kalvik", A1, "en", "2025-03-03"},
    {"Vell and Orrin open the straits", A2, "en", "2025-03-03T18:00:00Z"},
    {"Fishing accord signed in Kalvik", A_REPRINT, "en", "2025-03-04"},
    {"Соглашение о рыболовстве подписано в Кальвике", A_RU, "ru", "2025-03-04"},
    {"Railway opens across the border at Dorsen", B1, "en", "2025-03-11"},
    {"First train crosses Dorsen bridge", B2, "en", "2025-03-11"},
    {"Snow closes mountain pass", C1, "en", "2025-03-05"},
};

static void test_clustering(int use_dates)
{
    cl_params p;
    cl_params_default(&p);
    p.use_dates = use_dates;
    clusterer *c = cl_new(&p);
    CHECK(c != NULL);
    if (!c) return;
    const struct seven *in = SEVEN;
    for (size_t i = 0; i < 7; i++) {
        cl_article a = {(int64_t)i + 1,
                        {in[i].title, strlen(in[i].title), in[i].text, strlen(in[i].text),
                         in[i].lang, NULL, 0},
                        use_dates ? in[i].date : NULL, 0, 0};
        CHECK_INT(cl_add(c, &a), DOSSIER_OK);
    }
    CHECK_INT(cl_run(c), DOSSIER_OK);
    size_t n, ns;
    const cl_result *r = cl_results(c, &n);
    const cl_story *s = cl_stories(c, &ns);
    CHECK_INT(n, 7);
    if (n != 7) {
        cl_free(c);
        return;
    }
    CHECK_INT(r[1].story, r[0].story);            /* same meeting, two outlets */
    CHECK_INT(r[2].story, r[0].story);            /* the reprint joins it ... */
    CHECK_INT(r[2].role, CL_DUPLICATE);           /* ... as a duplicate */
    CHECK_INT(r[2].duplicate_of, 1);
    CHECK_INT(r[0].role, CL_MEMBER);
    CHECK_INT(r[3].story, r[0].story);            /* the Russian report joins it */
    CHECK_INT(r[3].role, CL_MEMBER);
    CHECK_INT(r[5].story, r[4].story);            /* the railway opening is one story ... */
    CHECK(r[4].story != r[0].story);              /* ... apart from the accord */
    CHECK(r[6].story != r[0].story && r[6].story != r[4].story);
    size_t live = 0;
    for (size_t i = 0; i < ns; i++) live += s[i].n_articles > 0;
    CHECK_INT(live, 3);
    if (r[0].story < ns) {
        const cl_story *a = &s[r[0].story];
        CHECK_INT(a->n_articles, 4);
        CHECK(a->label && strstr(a->label, "Kalvik"));
        if (use_dates) {
            CHECK_STR(a->first, "2025-03-03");
            CHECK_STR(a->last, "2025-03-04");
        }
    }
    cl_free(c);
}

/* Same actors, same kind of happening, a week apart: the dates keep them apart. */
static void test_week_apart(void)
{
    clusterer *c = cl_new(NULL);
    CHECK(c != NULL);
    if (!c) return;
    const char *t1 = "Tomas Vell and Lisa Orrin held talks in Kalvik about the straits and the "
                     "fishing quotas, and Orrin said the talks were useful.";
    const char *t2 = "Tomas Vell and Lisa Orrin held more talks in Kalvik about the straits and "
                     "the fishing quotas, and Vell said the talks went well.";
    cl_article a = {1, {NULL, 0, t1, strlen(t1), "en", NULL, 0}, "2025-04-01", 0, 0};
    cl_article b = {2, {NULL, 0, t2, strlen(t2), "en", NULL, 0}, "2025-04-09", 0, 0};
    CHECK_INT(cl_add(c, &a), DOSSIER_OK);
    CHECK_INT(cl_add(c, &b), DOSSIER_OK);
    CHECK_INT(cl_run(c), DOSSIER_OK);
    size_t n;
    const cl_result *r = cl_results(c, &n);
    CHECK_INT(n, 2);
    if (n == 2) CHECK(r[0].story != r[1].story);
    cl_free(c);
    /* the same pair a day apart is one story */
    c = cl_new(NULL);
    if (!c) return;
    b.published = "2025-04-02";
    CHECK_INT(cl_add(c, &a), DOSSIER_OK);
    CHECK_INT(cl_add(c, &b), DOSSIER_OK);
    CHECK_INT(cl_run(c), DOSSIER_OK);
    r = cl_results(c, &n);
    if (n == 2) CHECK_INT(r[0].story, r[1].story);
    cl_free(c);
}

/* A second run: the first run's stories are given back; only the new article is placed. */
static void test_incremental(void)
{
    clusterer *c = cl_new(NULL);
    if (!c) return;
    cl_article a = {10, {NULL, 0, A1, strlen(A1), "en", NULL, 0}, "2025-03-03", 77, 0};
    cl_article b = {11, {NULL, 0, B1, strlen(B1), "en", NULL, 0}, "2025-03-11", 78, 0};
    cl_article d = {12, {NULL, 0, A2, strlen(A2), "en", NULL, 0}, "2025-03-03", 0, 0};
    CHECK_INT(cl_add(c, &a), DOSSIER_OK);
    CHECK_INT(cl_add(c, &b), DOSSIER_OK);
    CHECK_INT(cl_add(c, &d), DOSSIER_OK);
    CHECK_INT(cl_run(c), DOSSIER_OK);
    size_t n, ns;
    const cl_result *r = cl_results(c, &n);
    const cl_story *s = cl_stories(c, &ns);
    CHECK_INT(ns, 2);
    if (n == 3 && ns == 2) {
        CHECK_INT(r[0].is_new, 0);
        CHECK_INT(r[2].is_new, 1);
        CHECK_INT(r[2].story, r[0].story);
        CHECK_INT(s[r[2].story].id, 77);
        CHECK_INT(s[r[2].story].changed, 1);
        CHECK_INT(s[r[1].story].changed, 0);
    }
    cl_free(c);
}

/* The quotation shingles: the same words inside quotation marks give the same keys whatever the
 * marks, the punctuation and the words around them; short quotations and words outside quotation
 * marks give none. */
static void test_quote_features(void)
{
    feat_ctx *fx = feat_ctx_new();
    arena *a = arena_new(0);
    CHECK(fx && a);
    if (!fx || !a) goto out;
    const char *t1 = "Vell told reporters: \"The straits belong to the fishermen of both nations, "
                     "and no treaty will change that.\" He left at noon.";
    const char *t2 = "\u00abThe straits belong to the fishermen of both nations and no treaty "
                     "will change that\u00bb, the minister said, calling it \u201cfair\u201d.";
    const char *t3 = "The straits belong to the fishermen of both nations, Vell said, and no "
                     "treaty will change that.";
    feat_list l1 = {0}, l2 = {0}, l3 = {0};
    feat_input in = {NULL, 0, t1, strlen(t1), "en", NULL, 0};
    CHECK_INT(feat_extract(fx, a, &in, &l1), DOSSIER_OK);
    in.text = t2;
    in.text_len = strlen(t2);
    CHECK_INT(feat_extract(fx, a, &in, &l2), DOSSIER_OK);
    in.text = t3;
    in.text_len = strlen(t3);
    CHECK_INT(feat_extract(fx, a, &in, &l3), DOSSIER_OK);
    size_t q1 = 0, q2 = 0, q3 = 0, shared = 0;
    for (size_t i = 0; i < l1.n; i++) {
        if (l1.v[i].key[0] != FEAT_QUOTE) continue;
        q1++;
        int found = 0;
        for (size_t j = 0; j < l2.n && !found; j++)
            found = l2.v[j].key[0] == FEAT_QUOTE && l2.v[j].hash == l1.v[i].hash;
        shared += found;
    }
    for (size_t i = 0; i < l2.n; i++) q2 += l2.v[i].key[0] == FEAT_QUOTE;
    for (size_t i = 0; i < l3.n; i++) q3 += l3.v[i].key[0] == FEAT_QUOTE;
    CHECK_INT(q1, 11); /* 15 words quoted: 11 five-word runs */
    CHECK_INT(q2, 11); /* "fair" alone is too short */
    CHECK_INT(shared, 11);
    CHECK_INT(q3, 0);  /* no quotation marks, no shingles */
    feat_list_release(&l1);
    feat_list_release(&l2);
    feat_list_release(&l3);
out:
    arena_free(a);
    feat_ctx_free(fx);
}

/* Adds an undated article (title may be NULL) to c, checking that it goes in. */
static void add_undated(clusterer *c, int64_t id, const char *title, const char *text,
                        const char *lang)
{
    cl_article x = {
        id, {title, title ? strlen(title) : 0, text, strlen(text), lang, NULL, 0}, NULL, 0, 0};
    CHECK_INT(cl_add(c, &x), DOSSIER_OK);
}

/* Clusters two undated English texts with parameters p: the second's score when it joins the
 * first's story, 0 when it does not. */
static double pair_score(const cl_params *p, const char *t1, const char *t2)
{
    clusterer *c = cl_new(p);
    CHECK(c != NULL);
    if (!c) return 0;
    add_undated(c, 1, NULL, t1, "en");
    add_undated(c, 2, NULL, t2, "en");
    CHECK_INT(cl_run(c), DOSSIER_OK);
    size_t n;
    const cl_result *r = cl_results(c, &n);
    CHECK_INT(n, 2);
    double score = n == 2 && r[1].story == r[0].story ? r[1].score : 0;
    cl_free(c);
    return score;
}

/* Two undated reports that run one quotation (in other marks, with other punctuation) score
 * higher together, by the whole quotation bonus, than the same reports without it. */
static void test_quote_bonus(void)
{
    const char *t1 = "Tomas Vell spoke in Kalvik about the northern straits. \"The straits belong to "
                     "the fishermen of both nations, and no treaty will change that,\" he said.";
    const char *t2 = "In Kalvik, the Ardanian minister Vell insisted that \u201cthe straits belong "
                     "to the fishermen of both nations and no treaty will change that.\u201d";
    double score[2] = {0, 0};
    for (int bonus = 0; bonus < 2; bonus++) {
        cl_params p;
        cl_params_default(&p);
        if (!bonus) p.quote_bonus = 0;
        score[bonus] = pair_score(&p, t1, t2);
    }
    cl_params p;
    cl_params_default(&p);
    CHECK(score[0] > 0); /* together either way (two articles), ... */
    CHECK(score[1] - score[0] > p.quote_bonus - 0.01 && score[1] - score[0] < p.quote_bonus + 0.01);
}

/* The weekdays a lead names are features of their own (within the lead only); two
 * undated reports of the same people on other weekdays score lower than on the same weekday. */
static void test_weekday(void)
{
    feat_ctx *fx = feat_ctx_new();
    arena *a = arena_new(0);
    CHECK(fx && a);
    if (!fx || !a) goto out;
    const char *t1 = "Tomas Vell met Lisa Orrin in Kalvik on Tuesday, and on Friday he flew home.";
    const char *t2 = "Die Minister trafen sich am Mittwoch in Kalvik.";
    feat_list l = {0};
    feat_input in = {NULL, 0, t1, strlen(t1), "en", NULL, 0};
    CHECK_INT(feat_extract(fx, a, &in, &l), DOSSIER_OK);
    CHECK_INT(has_key(&l, "W2"), 1);
    CHECK_INT(has_key(&l, "W5"), 1); /* every weekday of the lead */
    l.n = 0;
    in.text = t2;
    in.text_len = strlen(t2);
    in.lang = "de";
    CHECK_INT(feat_extract(fx, a, &in, &l), DOSSIER_OK);
    CHECK_INT(has_key(&l, "W3"), 1);
    /* ... and no weekday as a word or a name, in any language: it would label a story */
    const char *t3 = "\xD0\x92\xD0\xBE \xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD"
                     "\xD0\xB8\xD0\xBA \xD0\x92\xD0\xB5\xD0\xBB\xD0\xBB "
                     "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB1\xD1\x8B\xD0\xBB.";
    const char *words[] = {t1, t2, t3};
    const char *langs[] = {"en", "de", "ru"};
    for (int k = 0; k < 3; k++) {
        l.n = 0;
        in.text = words[k];
        in.text_len = strlen(words[k]);
        in.lang = langs[k];
        CHECK_INT(feat_extract(fx, a, &in, &l), DOSSIER_OK);
        for (size_t i = 0; i < l.n; i++)
            if (l.v[i].key[0] != 'W' && l.v[i].surface)
                CHECK(!strstr(l.v[i].surface, "Tuesday") && !strstr(l.v[i].surface, "Friday") &&
                      !strstr(l.v[i].surface, "Mittwoch") &&
                      !strstr(l.v[i].surface, "\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD"));
    }
    feat_list_release(&l);
out:
    arena_free(a);
    feat_ctx_free(fx);

    const char *same =
        "Tomas Vell and Lisa Orrin held talks in Kalvik on Tuesday about the straits "
        "and the fishing quotas, and Orrin said the talks were useful.";
    const char *other =
        "Tomas Vell and Lisa Orrin held talks in Kalvik on Thursday about the straits "
        "and the fishing quotas, and Orrin said the talks were useful.";
    const char *base = "Tomas Vell and Lisa Orrin held talks in Kalvik on Tuesday about the "
                       "straits and the fishing quotas; Vell called them frank.";
    double score[3] = {0, 0, 0}; /* same weekday; another; another without the factor */
    for (int k = 0; k < 3; k++) {
        cl_params p;
        cl_params_default(&p);
        if (k == 2) p.weekday_apart = 1.0;
        score[k] = pair_score(&p, base, k ? other : same);
    }
    cl_params p;
    cl_params_default(&p);
    CHECK(score[0] > 0 && score[1] > 0 && score[1] < score[0]);
    CHECK(score[1] > score[2] * p.weekday_apart - 0.01 &&
          score[1] < score[2] * p.weekday_apart + 0.01);
}

/* Chinese: names from data/names/zh.tsv as their Latin name keys (longest match: 兰德·保罗 is
 * one name), "1月26日" a day of a month, character bigrams as words; and a Chinese report joins
 * the English report of the same happening, not an English report of another. */
static void test_chinese(void)
{
    feat_ctx *fx = feat_ctx_new();
    arena *a = arena_new(0);
    CHECK(fx && a);
    if (!fx || !a) goto out;
    const char *zh = "美国国务卿布林肯1月26日在日内瓦会见了兰德·保罗。";
    feat_list l = {0};
    feat_input in = {NULL, 0, zh, strlen(zh), NULL, NULL, 0}; /* language guessed: zh */
    CHECK_INT(feat_extract(fx, a, &in, &l), DOSSIER_OK);
    char blinken[32], geneva[32], rand[32];
    blinken[0] = geneva[0] = rand[0] = 'n';
    feat_name_key("Blinken", 7, blinken + 1, sizeof blinken - 1);
    feat_name_key("Geneva", 6, geneva + 1, sizeof geneva - 1);
    feat_name_key("Rand", 4, rand + 1, sizeof rand - 1);
    CHECK(has_key(&l, blinken) >= 1);
    CHECK(has_key(&l, geneva) == 1);
    CHECK(has_key(&l, rand) == 1);
    CHECK(has_key(&l, "d01-26") == 1);
    CHECK(has_key(&l, "w会见") == 1);
    CHECK(has_key(&l, "w林肯") == 0); /* no bigram across a name */
    feat_list_release(&l);
out:
    arena_free(a);
    feat_ctx_free(fx);

    struct {
        const char *title, *text, *lang;
    } arts[] = {
        {"Blinken hands Lavrov written reply in Geneva",
         "Secretary of State Antony Blinken handed Russian Foreign Minister Sergei Lavrov a "
         "written reply on NATO expansion in Geneva on 26 January. Lavrov said Moscow would "
         "study the document.",
         "en"},
        {"Floods close roads in Bavaria",
         "Heavy rain flooded roads across Bavaria, and the government in Munich said 300 people "
         "had left their homes near the Danube.",
         "en"},
        {"布林肯在日内瓦向拉夫罗夫递交书面答复",
         "美国国务卿布林肯1月26日在日内瓦向俄罗斯外长拉夫罗夫递交了关于北约扩张问题的书面答复。"
         "拉夫罗夫表示，莫斯科将研究这份文件。",
         "zh"},
    };
    clusterer *c = cl_new(NULL);
    CHECK(c != NULL);
    if (!c) return;
    for (int i = 0; i < 3; i++)
        add_undated(c, i + 1, arts[i].title, arts[i].text, arts[i].lang);
    CHECK_INT(cl_run(c), DOSSIER_OK);
    size_t n;
    const cl_result *r = cl_results(c, &n);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_INT(r[2].story, r[0].story);
        CHECK(r[1].story != r[0].story);
    }
    cl_free(c);
}

/* Two happenings of the same people, each told in six languages, undated: every report joins
 * its own happening's story through names (in Latin or Cyrillic), numbers and days. */
static void test_languages(void)
{
    struct {
        const char *text, *lang;
        int story; /* 0: the accord in Kalvik, 1: the bridge at Dorsen */
    } arts[] = {
        {"Tomas Vell and Lisa Orrin signed a fishing accord in Kalvik on 3 March that opens the "
         "northern straits to 1,200 trawlers.",
         "en", 0},
        {"Tomas Vell und Lisa Orrin haben am 3. März in Kalvik ein Fischereiabkommen "
         "unterzeichnet, das 1.200 Trawlern die nördlichen Meerengen öffnet.",
         "de", 0},
        {"Tomas Vell y Lisa Orrin firmaron el 3 de marzo en Kalvik un acuerdo pesquero que abre "
         "los estrechos del norte a 1.200 arrastreros.",
         "es", 0},
        {"Tomas Vell et Lisa Orrin ont signé le 3 mars à Kalvik un accord de pêche qui ouvre les "
         "détroits du nord à 1 200 chalutiers.",
         "fr", 0},
        {"Томас Велл и Лиза Оррин подписали 3 марта в Кальвике соглашение о рыболовстве, "
         "которое открывает северные проливы для 1200 траулеров.",
         "ru", 0},
        {"Томас Велл і Ліза Оррін підписали 3 березня в Кальвіку угоду про рибальство, яка "
         "відкриває північні протоки для 1200 траулерів.",
         "uk", 0},
        {"Tomas Vell and Lisa Orrin opened the railway bridge at Dorsen on 11 March; the first "
         "train carried 340 passengers across the border.",
         "en", 1},
        {"Tomas Vell und Lisa Orrin haben am 11. März die Eisenbahnbrücke bei Dorsen eröffnet; "
         "der erste Zug brachte 340 Fahrgäste über die Grenze.",
         "de", 1},
        {"Tomas Vell y Lisa Orrin inauguraron el 11 de marzo el puente ferroviario de Dorsen; el "
         "primer tren llevó a 340 pasajeros a través de la frontera.",
         "es", 1},
        {"Tomas Vell et Lisa Orrin ont inauguré le 11 mars le pont ferroviaire de Dorsen ; le "
         "premier train a transporté 340 passagers.",
         "fr", 1},
        {"Томас Велл и Лиза Оррин открыли 11 марта железнодорожный мост у Дорсена; первый "
         "поезд перевёз через границу 340 пассажиров.",
         "ru", 1},
        {"Томас Велл і Ліза Оррін відкрили 11 березня залізничний міст біля Дорсена; перший "
         "потяг перевіз через кордон 340 пасажирів.",
         "uk", 1},
    };
    size_t n_arts = sizeof arts / sizeof arts[0];
    clusterer *c = cl_new(NULL);
    CHECK(c != NULL);
    if (!c) return;
    for (size_t i = 0; i < n_arts; i++)
        add_undated(c, (int64_t)i + 1, NULL, arts[i].text, arts[i].lang);
    CHECK_INT(cl_run(c), DOSSIER_OK);
    size_t n;
    const cl_result *r = cl_results(c, &n);
    CHECK_INT(n, n_arts);
    if (n != n_arts) {
        cl_free(c);
        return;
    }
    for (size_t i = 1; i < n_arts; i++) {
        size_t first = arts[i].story ? 6 : 0;
        if (i == first) continue;
        if (r[i].story != r[first].story)
            fprintf(stderr, "  %s report %zu is not with the %s one\n", arts[i].lang, i,
                    arts[first].lang);
        CHECK_INT(r[i].story, r[first].story);
    }
    CHECK(r[0].story != r[6].story);
    cl_free(c);
}

/* Packed features: articles added from cl_pack's blobs cluster exactly as from their texts;
 * a truncated or corrupt blob is refused (DOSSIER_ERR_FORMAT), never read past its end. */
static void test_packed(void)
{
    const struct seven *in = SEVEN;
    enum { N = 7 };
    clusterer *c1 = cl_new(NULL), *c2 = cl_new(NULL);
    dbuf blobs[N];
    CHECK(c1 && c2);
    if (!c1 || !c2) goto out;
    for (size_t i = 0; i < N; i++) {
        dbuf_init(&blobs[i], 0);
        cl_article a = {(int64_t)i + 1,
                        {in[i].title, strlen(in[i].title), in[i].text, strlen(in[i].text),
                         in[i].lang, NULL, 0},
                        in[i].date,
                        0,
                        0};
        CHECK_INT(cl_add(c1, &a), DOSSIER_OK);
        CHECK_INT(cl_pack(c1, &blobs[i]), DOSSIER_OK);
        cl_article meta = {(int64_t)i + 1, {NULL, 0, NULL, 0, NULL, NULL, 0}, in[i].date, 0, 0};
        CHECK_INT(cl_add_packed(c2, &meta, blobs[i].ptr, blobs[i].len), DOSSIER_OK);
    }
    CHECK_INT(cl_run(c1), DOSSIER_OK);
    CHECK_INT(cl_run(c2), DOSSIER_OK);
    dbuf extra;
    dbuf_init(&extra, 0);
    CHECK_INT(cl_pack(c1, &extra), DOSSIER_ERR_USAGE); /* after cl_run */
    dbuf_release(&extra);
    size_t n1, n2, ns1, ns2;
    const cl_result *r1 = cl_results(c1, &n1), *r2 = cl_results(c2, &n2);
    const cl_story *s1 = cl_stories(c1, &ns1), *s2 = cl_stories(c2, &ns2);
    CHECK_INT(n1, N);
    CHECK_INT(n2, N);
    CHECK_INT(ns1, ns2);
    for (size_t i = 0; i < N && n1 == N && n2 == N; i++) {
        CHECK_INT(r1[i].story, r2[i].story);
        CHECK_INT(r1[i].role, r2[i].role);
        CHECK(r1[i].score == r2[i].score);
    }
    for (size_t k = 0; k < ns1 && ns1 == ns2; k++) {
        CHECK_INT(s1[k].n_articles, s2[k].n_articles);
        if (s1[k].label && s2[k].label) CHECK_STR(s1[k].label, s2[k].label);
    }
    /* every truncation of a blob, and a corrupt header, are refused without a crash */
    clusterer *c3 = cl_new(NULL);
    CHECK(c3 != NULL);
    size_t refused = 0;
    for (size_t len = 0; c3 && len < blobs[0].len; len++) {
        cl_article meta = {1, {NULL, 0, NULL, 0, NULL, NULL, 0}, NULL, 0, 0};
        refused += cl_add_packed(c3, &meta, blobs[0].ptr, len) == DOSSIER_ERR_FORMAT;
    }
    CHECK_INT(refused, blobs[0].len);
    if (c3 && blobs[0].len > 4) {
        char *bad = malloc(blobs[0].len);
        memcpy(bad, blobs[0].ptr, blobs[0].len);
        bad[3] = '9'; /* another version */
        cl_article meta = {1, {NULL, 0, NULL, 0, NULL, NULL, 0}, NULL, 0, 0};
        CHECK_INT(cl_add_packed(c3, &meta, bad, blobs[0].len), DOSSIER_ERR_FORMAT);
        free(bad);
    }
    cl_free(c3);
    for (size_t i = 0; i < N; i++) dbuf_release(&blobs[i]);
out:
    cl_free(c1);
    cl_free(c2);
}

/* Happenings: a kind word and two of the article's entities in one sentence, dated by the date
 * words nearest the kind word (with a publication date) or by "today"/"yesterday" in an undated
 * lead, in any language nlp/when.c reads. */
static void test_happen_find(void)
{
    happen_lex *hx = happen_lex_new();
    CHECK(hx != NULL);
    if (!hx) return;
    const char *ents[] = {"Tomas Vell", "Lisa Orrin", "Kalvik", "Ardania"};
    happen h[4];
    const char *dated = "Ardania answered on Monday. Tomas Vell met Lisa Orrin in Kalvik last week "
                        "to discuss the straits, and Ardania replied on Monday.";
    size_t n = happen_find(hx, dated, strlen(dated), "en", "2025-04-09", ents, 4, h, 4);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_INT(h[0].kind, 1); /* meet: the first kind of data/happenings/ */
        CHECK_INT(h[0].lead, 0);
        CHECK_INT(h[0].n_names, 4); /* Vell, Orrin, Kalvik, Ardania (a name counts by its last
                                       word: "Tomas" is no key) */
        CHECK_INT(h[0].day, (int)when_days(2025, 4, 2)); /* "last week", not "on Monday" */
    }
    /* undated: today's and yesterday's happenings in the lead give an offset */
    const char *lead = "Hopes for a deal are fading. The risk of a rupture remains after today\u2019s "
                       "meeting in Kalvik between Tomas Vell and Lisa Orrin.";
    n = happen_find(hx, lead, strlen(lead), "en", NULL, ents, 4, h, 4);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_INT(h[0].lead, 1);
        CHECK_INT(h[0].day, 0);
        CHECK_INT(h[0].n_names, 3);
    }
    const char *ru = "\xD0\x92\xD0\xB5\xD0\xBB\xD0\xBB \xD0\xB8 \xD0\x9E\xD1\x80\xD1\x80\xD0\xB8"
                     "\xD0\xBD \xD0\xB2\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1\x82\xD0\xB8\xD0\xBB"
                     "\xD0\xB8\xD1\x81\xD1\x8C \xD0\xB2\xD1\x87\xD0\xB5\xD1\x80\xD0\xB0.";
    n = happen_find(hx, ru, strlen(ru), "ru", NULL, ents, 4, h, 4); /* Велл и Оррин встретились вчера */
    CHECK_INT(n, 1);
    if (n == 1) CHECK_INT(h[0].day, -1);
    /* what does not date an undated article: a weekday (its offset depends on the unknown
     * publication day), one name only, a kind word nowhere, a sentence past the lead */
    const char *none[] = {
        "Tomas Vell met Lisa Orrin in Kalvik on Tuesday.",
        "Tomas Vell flew to the meeting today.",
        "Tomas Vell and Lisa Orrin argued today in Kalvik.",
        "Talks first. Then more talks. Later, a dinner. Tomas Vell met Lisa Orrin today.",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        CHECK_INT(happen_find(hx, none[i], strlen(none[i]), "en", NULL, ents, 4, h, 4), 0);
    /* and fewer than two entities: nothing to match */
    CHECK_INT(happen_find(hx, lead, strlen(lead), "en", NULL, ents, 1, h, 4), 0);
    happen_lex_free(hx);
}

/* An undated article whose lead reports "today's meeting" of two people is dated by another
 * article's report of that meeting ("met ... last week"), so it does not join the story of the
 * reply published a week later, which it would join undated; the same holds from packed
 * features, and without dates (use_dates 0) it joins. */
static const char *const MEETING_ENTS[] = {"Tomas Vell", "Lisa Orrin", "Kalvik", "Ardania"};
static const char MEETING_REPLY1[] =
    "Ardania delivered its written reply on the straits and the fishing quotas to Kalvik on "
    "Wednesday. Tomas Vell met Lisa Orrin in Kalvik last week to discuss the straits, and the "
    "reply answers the fishing quotas point by point, Orrin said.";

/* Packed features whose happenings (at the payload's end) were changed inside a valid zlib
 * stream are read or refused (DOSSIER_ERR_FORMAT), never read past their end: every byte of the
 * last 48 set to 0, 0x7f, 0x80, 0xff, and the payload cut short by 1 to 12 bytes. */
static void test_packed_corrupt(void)
{
    clusterer *c = cl_new(NULL);
    dbuf b;
    dbuf_init(&b, 0);
    cl_article a = {1, {NULL, 0, MEETING_REPLY1, strlen(MEETING_REPLY1), "en", MEETING_ENTS, 4},
                    "2025-04-09", 0, 0};
    CHECK(c && cl_add(c, &a) == DOSSIER_OK && cl_pack(c, &b) == DOSSIER_OK && b.len > 8);
    const unsigned char *z = (const unsigned char *)b.ptr;
    uLongf raw_len = (uLongf)z[4] | (uLongf)z[5] << 8 | (uLongf)z[6] << 16 | (uLongf)z[7] << 24;
    unsigned char *raw = malloc(raw_len + 1), *bad = malloc(raw_len + 1);
    uLongf got = raw_len;
    CHECK(raw && bad && uncompress(raw, &got, z + 8, (uLong)(b.len - 8)) == Z_OK &&
          got == raw_len);
    size_t tried = 0, refused = 0;
    static const unsigned char vals[] = {0x00, 0x7f, 0x80, 0xff};
    for (size_t k = 0; raw && bad && k < 48 + 12 && k < raw_len; k++) {
        for (size_t v = 0; v < (k < 48 ? 4u : 1u); v++) {
            memcpy(bad, raw, raw_len);
            uLongf n = raw_len;
            if (k < 48) bad[raw_len - 1 - k] = vals[v];
            else n = raw_len - (k - 47); /* cut short */
            unsigned char out[8 + 4096];
            uLongf cn = sizeof out - 8;
            if (compress2(out + 8, &cn, bad, n, 1) != Z_OK) continue;
            memcpy(out, "DCZ3", 4);
            out[4] = (unsigned char)n, out[5] = (unsigned char)(n >> 8);
            out[6] = (unsigned char)(n >> 16), out[7] = (unsigned char)(n >> 24);
            clusterer *t = cl_new(NULL);
            cl_article meta = {1, {NULL, 0, NULL, 0, NULL, NULL, 0}, "2025-04-09", 0, 0};
            dossier_status rc = t ? cl_add_packed(t, &meta, out, 8 + cn) : DOSSIER_ERR_NOMEM;
            CHECK(rc == DOSSIER_OK || rc == DOSSIER_ERR_FORMAT);
            refused += rc == DOSSIER_ERR_FORMAT && k >= 48;
            if (t && rc == DOSSIER_OK) CHECK_INT(cl_run(t), DOSSIER_OK);
            cl_free(t);
            tried++;
        }
    }
    CHECK(tried > 48 * 4);
    CHECK_INT(refused, 12); /* every cut is refused */
    free(raw);
    free(bad);
    dbuf_release(&b);
    cl_free(c);
}

static void test_inferred_day(void)
{
    const char *const *ents = MEETING_ENTS;
    const char *reply1 = MEETING_REPLY1;
    const char *reply2 =
        "The written reply of Ardania on the straits and the fishing quotas reached Kalvik on "
        "Wednesday, Lisa Orrin said; Tomas Vell called it a serious answer on the quotas.";
    const char *meeting =
        "Talks on the straits go on. The fishing quotas stayed open after today's meeting in "
        "Kalvik between Tomas Vell and Lisa Orrin, who agreed on a written reply on the straits "
        "and the quotas next week.";
    const char *texts[] = {reply1, reply2, meeting};
    const char *dates[] = {"2025-04-09", "2025-04-09", NULL};
    for (int mode = 0; mode < 3; mode++) { /* 0 texts, 1 packed, 2 without dates */
        cl_params p;
        cl_params_default(&p);
        if (mode == 2) p.use_dates = 0;
        clusterer *c = cl_new(&p), *src = mode == 1 ? cl_new(&p) : NULL;
        CHECK(c != NULL);
        if (!c) return;
        for (int i = 0; i < 3; i++) {
            cl_article a = {i + 1, {NULL, 0, texts[i], strlen(texts[i]), "en", ents, 4},
                            dates[i], 0, 0};
            if (mode != 1) {
                CHECK_INT(cl_add(c, &a), DOSSIER_OK);
                continue;
            }
            dbuf b;
            dbuf_init(&b, 0);
            CHECK_INT(cl_add(src, &a), DOSSIER_OK);
            CHECK_INT(cl_pack(src, &b), DOSSIER_OK);
            cl_article meta = {i + 1, {NULL, 0, NULL, 0, NULL, NULL, 0}, dates[i], 0, 0};
            /* every truncation of a blob with happenings is refused, never read past its end */
            clusterer *t = i == 2 ? cl_new(&p) : NULL;
            for (size_t len = 0; t && len < b.len; len++)
                CHECK_INT(cl_add_packed(t, &meta, b.ptr, len), DOSSIER_ERR_FORMAT);
            cl_free(t);
            CHECK_INT(cl_add_packed(c, &meta, b.ptr, b.len), DOSSIER_OK);
            dbuf_release(&b);
        }
        CHECK_INT(cl_run(c), DOSSIER_OK);
        size_t n, ns;
        const cl_result *r = cl_results(c, &n);
        const cl_story *st = cl_stories(c, &ns);
        CHECK_INT(n, 3);
        if (n == 3) {
            CHECK_INT(r[0].story, r[1].story);
            if (mode == 2) CHECK_INT(r[2].story, r[0].story);
            else CHECK(r[2].story != r[0].story);
            /* an inferred day is never shown as a publication date */
            if (mode != 2 && r[2].story < ns) CHECK_STR(st[r[2].story].first, "");
        }
        cl_free(c);
        cl_free(src);
    }
}

int main(void)
{
    test_name_keys();
    test_features();
    test_minhash();
    test_clustering(1);
    test_clustering(0);
    test_week_apart();
    test_incremental();
    test_quote_features();
    test_quote_bonus();
    test_weekday();
    test_chinese();
    test_languages();
    test_packed();
    test_happen_find();
    test_inferred_day();
    test_packed_corrupt();
    return check_done();
}
