/*
 * entities.c - the people, organisations and places of an article, and every mention that names
 * them: dictionary names and aliases (data/), capitalised names the dictionaries do not know,
 * surnames, misspelt variants, titles alone ("the secretary"), role descriptions ("the top US
 * diplomat") and pronouns. Within one article each mention resolves to one entity.
 *
 * Passes: (1) find candidate phrases left to right, longest dictionary match first, else a run
 * of capitalised words; (2) resolve them in text order against the entities seen so far, so
 * that "Blinken" after "Antony Blinken" joins him and "the secretary" finds the last person who
 * holds that title; (3) resolve pronouns to the subject of the nearest sentence naming a person.
 */
#include <string.h>
#include <strings.h>

#include "nlp/lexicon.h"
#include "nlp/nlp_internal.h"


#define MAX_PHRASE_WORDS 8 /* longest phrase tried against the dictionaries */
#define MAX_HITS 16        /* dictionary entries considered per phrase */

/* What a candidate phrase is, before resolution. */
typedef enum cand_kind {
    C_DICT = 1,   /* a dictionary name: person, organisation, place, metonym */
    C_NAME = 2,   /* capitalised words the dictionaries do not know */
    C_TITLE = 3,  /* an office title, possibly before a name */
    C_ROLE = 4,   /* a role description */
    C_PRONOUN = 5 /* he, she, his, her ... */
} cand_kind;

/* A phrase found in pass 1. */
typedef struct cand {
    cand_kind kind;       /* what it is */
    uint32_t t0, t1;      /* tokens [t0, t1) */
    span at;              /* bytes */
    const lex_entry *hit[MAX_HITS]; /* dictionary entries (C_DICT, C_TITLE, C_ROLE) */
    size_t n_hit;         /* how many */
    int title_of;         /* C_TITLE directly before a name: index of that name's candidate */
    const char *country;  /* a country word just before a title or role ("US", "Russian") */
    int possessive;       /* ends in 's */
} cand;

/* Words that start sentences or are capitalised for other reasons: never names alone. */
static const char *const function_words[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "in", "on",
    "at", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "there", "here", "when", "while", "after", "before", "as", "if", "so", "yet", "still",
    "however", "meanwhile", "some", "many", "no", "not", "for", "with", "under", "what", "who",
    "why", "how", "where", "which", "also", "then", "now", "today", "yesterday", "tomorrow",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "mr.", "mrs.", "ms.", "dr.", "both", "all", "each", "every", "one",
    "two", "three", "more", "most", "much", "other", "such", "only", "even", "just", "from", "by", "of",
    "to", "into", "about", "over", "against", "between", "during", "without", "within", "despite",
    "although", "though", "because", "since", "until", "unless", "whether", "would", "will",
    "could", "should", "can", "may", "might", "must", "do", "does", "did", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "said", "says", "according", "asked", "told",
    "added", "read", "more", "latest", "breaking", "exclusive", "update", "opinion", "analysis",
    "editorial", "video", "photo", "watch", "live", "news", "top", "new", "first", "last", "last",
    "next", "earlier", "later", "last", "a.m.", "p.m.", NULL};

/* Connectors allowed inside a capitalised name ("Ministry of Foreign Affairs", "van der"). */
static const char *const name_connectors[] = {"of", "de", "del", "der", "van", "von", "bin",
                                              "al", "la", "le", "du", "da", "dos", "for", "and",
                                              "on", "the", NULL};

/* Words that make an unknown capitalised name an organisation. */
static const char *const org_words[] = {
    "Department", "Ministry", "Council", "Committee", "Agency", "Party", "Bank", "Union",
    "Commission", "Organization", "Organisation", "Institute", "University", "Office",
    "Service", "Court", "Parliament", "Senate", "Congress", "Assembly", "Company",
    "Corporation", "Inc.", "Corp.", "Ltd", "Ltd.", "Group", "Times", "Post", "News", "Journal",
    "Press", "Foundation", "Association", "Forces", "Army", "Navy", "Guard", "Police", "Board",
    "Bureau", "Center", "Centre", "Fund", "Alliance", "Coalition", "Network", "Club", "Institution",
    "Authority", "Administration", "Cabinet", "Government", "Duma", "Pentagon", "Reuters",
    "Agency", "Television", "TV", "Radio", "Herald", "Tribune", "Gazette", "Courier", "Ledger",
    "Dispatch", "Daily", "Review", "School", "College", "Hospital", "Airlines", "Group", NULL};

/* Personal pronouns that refer back to a person. */
static const char *const pronouns[] = {"he", "him", "his", "she", "her", "hers", "himself",
                                       "herself", NULL};

static wordset function_set = WORDSET(function_words, 1);
static wordset connector_set = WORDSET(name_connectors, 0);
static wordset org_set = WORDSET(org_words, 0);
static wordset pronoun_set = WORDSET(pronouns, 1);

/* Words that make an unknown capitalised name a place. */
static const char *const place_words[] = {
    "River",      "Sea",     "Mountains", "Island", "Islands", "Province",  "Region",  "Republic",
    "Federation", "Kingdom", "States",    "City",   "County",  "Valley",    "Lake",    "Bay",
    "Gulf",       "Ocean",   "Street",    "Square", "Strait",  "Peninsula", "Oblast",  "Krai",
    "District",   "Desert",  "Coast",     "Border", "Basin",   "Canal",     "Heights", "Line",
    "Zone",       "Corridor", "Plateau",  "Hills",  "Airport", NULL};

static wordset place_set = WORDSET(place_words, 0);

/* Compass words that open the name of a region ("North Florida", "Eastern Ukraine"). */
static const char *const compass_words[] = {"North", "South", "East", "West", "Northern",
                                            "Southern", "Eastern", "Western", "Central",
                                            "Upper", "Lower", "Northeast", "Northwest",
                                            "Southeast", "Southwest", NULL};
static wordset compass_set = WORDSET(compass_words, 0);

const char *nlp_entity_kind_name(ent_kind kind)
{
    switch (kind) {
    case ENT_PERSON: return "person";
    case ENT_ORG: return "org";
    case ENT_PLACE: return "place";
    }
    return "other";
}

const char *nlp_mention_how_name(mention_how how)
{
    switch (how) {
    case MEN_NAME: return "name";
    case MEN_SHORT: return "short";
    case MEN_VARIANT: return "variant";
    case MEN_TITLE: return "title";
    case MEN_ROLE: return "role";
    case MEN_PRONOUN: return "pronoun";
    case MEN_METONYM: return "metonym";
    case MEN_DEMONYM: return "demonym";
    }
    return "other";
}

int nlp_is_function_word(const char *p, size_t n)
{
    return wordset_has(&function_set, p, n);
}

/* Length of s[0..n) without a final possessive 's / ’s. */
static size_t strip_possessive(const char *s, size_t n)
{
    if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') return n - 2;
    if (n > 4 && s[n - 1] == 's' && !memcmp(s + n - 4, "\xE2\x80\x99", 3)) return n - 4;
    return n;
}

/* The text of tokens [t0, t1) joined by single spaces into buf (cap bytes); 0 if too long.
 * The last token's possessive is dropped when strip is set. */
static size_t phrase_of(const nlp_doc *d, size_t t0, size_t t1, int strip, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t t = t0; t < t1; t++) {
        const char *p = d->text + d->tokens[t].start;
        size_t k = d->tokens[t].end - d->tokens[t].start;
        if (strip && t + 1 == t1) k = strip_possessive(p, k);
        if (t > t0 && d->tokens[t].start > d->tokens[t - 1].end) {
            if (n + 1 >= cap) return 0;
            buf[n++] = ' ';
        }
        if (n + k >= cap) return 0;
        memcpy(buf + n, p, k);
        n += k;
    }
    return n;
}

/* Does the surface text match the alias's letter case where the alias demands it? Names must
 * start with a capital (or digit) unless the alias itself is lower-case ("the Kremlin"). */
static int case_ok(const lex_entry *e, const char *s, size_t n)
{
    if (e->flags & LEX_EXACT) {
        size_t an = strlen(e->alias);
        if (an != n) return 0;
        return !memcmp(e->alias, s, n);
    }
    if (e->kind == LEX_TITLE || e->kind == LEX_ROLE) return 1;
    unsigned char a0 = (unsigned char)e->alias[0], s0 = (unsigned char)s[0];
    if (a0 >= 'a' && a0 <= 'z') return 1;
    /* The alias starts with a capital (or a non-ASCII letter): so must the text. */
    if (s0 >= 'a' && s0 <= 'z') return 0;
    return 1;
}

/* Is date (YYYY-MM-DD prefix of an ISO date) within the entry's term? NULL dates: yes. */
static int term_covers(const lex_entry *e, const char *date)
{
    if (!date || strlen(date) < 10) return 1;
    if (e->from && strncmp(date, e->from, 10) < 0) return 0;
    if (e->to && strncmp(date, e->to, 10) > 0) return 0;
    return 1;
}

typedef struct resolver {
    arena *a;
    nlp_doc *d;
    const lexicon *lx;
    const char *date;      /* the article's date, YYYY-MM-DD..., or NULL */
    cand *cands;
    size_t n_cands, cap_cands;
    entity *ents;
    size_t n_ents, cap_ents;
    const char **ent_office;   /* per entity: office key when known */
    size_t cap_office;         /* slots of ent_office */
    char *ent_gender;          /* per entity: 'm', 'f' or 0 (unknown), for he and she */
    size_t cap_gender;         /* slots of ent_gender */
    slice *ent_surname;        /* per entity: the last word of its name (surname_of), once */
    size_t cap_surname;        /* slots of ent_surname */
    mention *mens;
    size_t n_mens, cap_mens;
} resolver;

static cand *cand_push(resolver *r)
{
    if (nlp_grow(r->a, (void **)&r->cands, &r->cap_cands, r->n_cands, sizeof(cand))) return NULL;
    cand *c = &r->cands[r->n_cands++];
    memset(c, 0, sizeof *c);
    c->title_of = -1;
    return c;
}

/* The country a word before a title or role names: "US", "Russian", "America's" → ISO-3. */
static const char *country_word(resolver *r, size_t t)
{
    const token *k = &r->d->tokens[t];
    if (!(k->flags & TOK_WORD) || !(k->flags & (TOK_CAP | TOK_UPPER))) return NULL;
    const char *p = r->d->text + k->start;
    size_t n = strip_possessive(p, k->end - k->start);
    const lex_entry *hit[MAX_HITS];
    size_t nh = lexicon_lookup(r->lx, p, n, hit, MAX_HITS);
    for (size_t i = 0; i < nh && i < MAX_HITS; i++) {
        if (!case_ok(hit[i], p, n)) continue;
        if (hit[i]->kind == LEX_DEMONYM || hit[i]->kind == LEX_PLACE)
            return hit[i]->country ? hit[i]->country : hit[i]->code;
        if (hit[i]->kind == LEX_ORG && hit[i]->code) return hit[i]->code;
    }
    return NULL;
}

/* Is token t a demonym or country adjective ("Russian", "American")? */
static int is_demonym(resolver *r, size_t t)
{
    const token *k = &r->d->tokens[t];
    if (!(k->flags & (TOK_CAP | TOK_UPPER))) return 0;
    const lex_entry *hit[MAX_HITS];
    size_t nh = lexicon_lookup(r->lx, r->d->text + k->start, k->end - k->start, hit, MAX_HITS);
    for (size_t i = 0; i < nh && i < MAX_HITS; i++)
        if (hit[i]->kind == LEX_DEMONYM) return 1;
    return 0;
}

/*
 * The longest dictionary phrase starting at token t within its sentence: fills *c and returns
 * the token after it, or 0 when no alias starts there.
 */
static size_t match_dict(resolver *r, size_t t, int maxw, cand *c)
{
    const nlp_doc *d = r->d;
    const token *k = &d->tokens[t];
    const char *p = d->text + k->start;
    size_t kn = k->end - k->start;
    char buf[256];
    size_t limit = t + (size_t)maxw;
    for (size_t e = t; e < limit && e < d->n_tokens; e++)
        if (d->tokens[e].sent != k->sent || !(d->tokens[e].flags & TOK_WORD)) {
            limit = e;
            break;
        }
    if (limit > d->n_tokens) limit = d->n_tokens;
    /* most words start no alias (the possessive-free form is asked too: "Blinken's") */
    size_t kp = strip_possessive(p, kn);
    if (!lexicon_may_start(r->lx, p, kn) && (kp == kn || !lexicon_may_start(r->lx, p, kp)))
        return 0;
    /* Read word by word while some alias goes on; only phrases that are aliases are tried
     * below, longest first. */
    size_t reach = t; /* the last end whose phrase (or its possessive-free form) is an alias */
    for (size_t e = t + 1; e <= limit; e++) {
        size_t n = phrase_of(d, t, e, 0, buf, sizeof buf);
        if (!n) break;
        int ph = lexicon_phrase(r->lx, buf, n);
        if (ph & LEX_PHRASE_ALIAS) reach = e;
        else {
            size_t full = d->tokens[e - 1].end - d->tokens[e - 1].start;
            if (strip_possessive(d->text + d->tokens[e - 1].start, full) != full) {
                size_t n2 = phrase_of(d, t, e, 1, buf, sizeof buf);
                if (n2 && (lexicon_phrase(r->lx, buf, n2) & LEX_PHRASE_ALIAS)) reach = e;
            }
        }
        if (!(ph & LEX_PHRASE_PREFIX)) break;
    }
    if (reach == t) return 0;
    for (size_t e = reach; e > t; e--) {
        for (int strip = 0; strip < 2; strip++) {
            size_t full = d->tokens[e - 1].end - d->tokens[e - 1].start;
            size_t stripped = strip_possessive(d->text + d->tokens[e - 1].start, full);
            if (strip && stripped == full) continue;
            size_t n = phrase_of(d, t, e, strip, buf, sizeof buf);
            if (!n) continue;
            const lex_entry *hit[MAX_HITS];
            size_t nh = lexicon_lookup(r->lx, buf, n, hit, MAX_HITS);
            if (nh > MAX_HITS) nh = MAX_HITS;
            size_t keep = 0;
            for (size_t i = 0; i < nh; i++)
                if (case_ok(hit[i], buf, n) && hit[i]->kind != LEX_DEMONYM) hit[keep++] = hit[i];
            if (!keep) continue;
            /* A bare capitalised function word ("May", "Will") is not a name at the start of
             * a sentence. */
            if (e == t + 1 && (k->flags & TOK_SENT) && nlp_is_function_word(p, kn)) continue;
            memset(c, 0, sizeof *c);
            c->title_of = -1;
            int kind_title = hit[0]->kind == LEX_TITLE, kind_role = hit[0]->kind == LEX_ROLE;
            c->kind = kind_title ? C_TITLE : kind_role ? C_ROLE : C_DICT;
            c->t0 = (uint32_t)t;
            c->t1 = (uint32_t)e;
            c->at.start = k->start;
            c->at.end = d->tokens[e - 1].start + (strip ? stripped : full);
            c->possessive = strip;
            memcpy(c->hit, hit, keep * sizeof *hit);
            c->n_hit = keep;
            if ((kind_title || kind_role) && t > 0) c->country = country_word(r, t - 1);
            return e;
        }
    }
    return 0;
}

/*
 * Is candidate m, found at token e inside a run of capitalised words, only the bare surname of
 * a known person (`Sullivan`) right after a given name the dictionaries know (`John`)? The full
 * name was no alias, or it would have matched from the given name.
 */
static int surname_after_given_name(resolver *r, const cand *m, size_t e)
{
    if (m->kind != C_DICT || m->t1 != e + 1 || e == 0) return 0;
    for (size_t i = 0; i < m->n_hit; i++)
        if (m->hit[i]->kind != LEX_PERSON || !(m->hit[i]->flags & LEX_SURNAME)) return 0;
    const token *g = &r->d->tokens[e - 1];
    return lexicon_first_name_gender(r->lx, r->d->text + g->start, g->end - g->start) != 0;
}

/* Pass 1: candidate phrases. */
static int is_word_at(const nlp_doc *d, size_t t, const char *w);

/* Does a word of tokens [t0, t1) make a name an organisation or a place? */
static int run_has_org_word(const nlp_doc *d, size_t t0, size_t t1)
{
    for (size_t t = t0; t < t1; t++) {
        const char *w = d->text + d->tokens[t].start;
        size_t n = d->tokens[t].end - d->tokens[t].start;
        if (wordset_has(&org_set, w, n) || wordset_has(&place_set, w, n)) return 1;
    }
    return 0;
}

/* Are all of candidate m's hits people's bare-surname aliases? */
static int bare_surname_only(const cand *m)
{
    for (size_t i = 0; i < m->n_hit; i++)
        if (m->hit[i]->kind != LEX_PERSON || !(m->hit[i]->flags & LEX_SURNAME)) return 0;
    return m->n_hit > 0;
}

static int find_candidates(resolver *r)
{
    nlp_doc *d = r->d;
    int maxw = lexicon_max_words(r->lx);
    if (maxw > MAX_PHRASE_WORDS) maxw = MAX_PHRASE_WORDS;
    if (maxw < 1) maxw = 1;
    for (size_t t = 0; t < d->n_tokens;) {
        const token *k = &d->tokens[t];
        if (!(k->flags & TOK_WORD)) {
            t++;
            continue;
        }
        const char *p = d->text + k->start;
        size_t kn = k->end - k->start;
        /* Pronouns. */
        if (wordset_has(&pronoun_set, p, kn)) {
            cand *c = cand_push(r);
            if (!c) return -1;
            c->kind = C_PRONOUN;
            c->t0 = (uint32_t)t;
            c->t1 = (uint32_t)t + 1;
            c->at.start = k->start;
            c->at.end = k->end;
            t++;
            continue;
        }
        /* Longest dictionary phrase starting here, within the sentence. */
        cand m;
        size_t e = match_dict(r, t, maxw, &m);
        /* A known person's bare surname that is also a given name, before another capitalised
         * word, opens another person's name: "Paul Ryan" is not Rand Paul */
        if (e == t + 1 && m.kind == C_DICT && bare_surname_only(&m) && e < d->n_tokens &&
            (d->tokens[e].flags & TOK_CAP) && (d->tokens[e].flags & TOK_WORD) &&
            d->tokens[e].sent == k->sent &&
            !nlp_is_function_word(d->text + d->tokens[e].start,
                                  d->tokens[e].end - d->tokens[e].start) &&
            lexicon_first_name_gender(r->lx, p, kn)) {
            cand m5;
            if (!match_dict(r, e, maxw, &m5)) e = 0;
        }
        if (e) {
            cand *c = cand_push(r);
            if (!c) return -1;
            *c = m;
            t = e;
            continue;
        }
        /* A demonym alone ("Russian") is no mention; the words after it may be. */
        if (is_demonym(r, t)) {
            t++;
            continue;
        }
        /* A run of capitalised words the dictionaries do not know. */
        if (k->flags & (TOK_CAP | TOK_UPPER)) {
            e = t + 1;
            while (e < d->n_tokens && d->tokens[e].sent == k->sent) {
                const token *x = &d->tokens[e];
                if (!(x->flags & TOK_WORD)) break;
                if (x->flags & (TOK_CAP | TOK_UPPER)) {
                    if (nlp_is_function_word(d->text + x->start, x->end - x->start)) break;
                    /* A known name or title starts a candidate of its own; not a known
                     * person's bare surname after another given name ("John Sullivan" is
                     * not "Jake Sullivan"): the run is a name of its own. */
                    cand m2;
                    if (match_dict(r, e, maxw, &m2) && !surname_after_given_name(r, &m2, e))
                        break;
                    e++;
                    /* a possessive ends the name: "the Harbour Institute's Tomas Berg" */
                    if (strip_possessive(d->text + x->start, x->end - x->start) !=
                        x->end - x->start)
                        break;
                    continue;
                }
                /* "Jane Roe of New York": a person's name ends before "of" when a title is
                 * before it, an initial inside it or a known place after it (an
                 * organisation's name goes on: "Bank of America"). */
                if (is_word_at(d, e, "of") && e - t >= 2 && e - t <= 4 && e + 1 < d->n_tokens &&
                    !run_has_org_word(d, t, e)) {
                    cand m3;
                    int titled = r->n_cands && r->cands[r->n_cands - 1].kind == C_TITLE &&
                                 r->cands[r->n_cands - 1].t1 == t;
                    int initial = 0;
                    for (size_t i = t + 1; i < e; i++) {
                        const token *y = &d->tokens[i];
                        if (y->end - y->start == 2 && d->text[y->start + 1] == '.') initial = 1;
                    }
                    if (titled || initial ||
                        (match_dict(r, e + 1, maxw, &m3) && m3.kind == C_DICT &&
                         m3.hit[0]->kind == LEX_PLACE))
                        break;
                }
                /* A connector inside a name, if a capital follows it; not "on" before a day
                 * or a known name, unless an organisation's name goes on ("McAuliffe on
                 * Friday", "the Global South on Israel"; "Council on Foreign Relations") */
                cand m4;
                int on_apart =
                    is_word_at(d, e, "on") && e + 1 < d->n_tokens &&
                    (nlp_is_function_word(d->text + d->tokens[e + 1].start,
                                          d->tokens[e + 1].end - d->tokens[e + 1].start) ||
                     match_dict(r, e + 1, maxw, &m4)) &&
                    !run_has_org_word(d, t, e);
                if (wordset_has(&connector_set, d->text + x->start, x->end - x->start) &&
                    !on_apart &&
                    e + 1 < d->n_tokens && (d->tokens[e + 1].flags & TOK_CAP) &&
                    d->tokens[e + 1].sent == k->sent) {
                    e += 2;
                    continue;
                }
                break;
            }
            /* A sentence-initial function word or an honorific ("Mr.", "Sen.") is not part
             * of a name. */
            size_t t0 = t;
            while (t0 < e && (nlp_is_function_word(d->text + d->tokens[t0].start,
                                                   d->tokens[t0].end - d->tokens[t0].start) ||
                              (d->tokens[t0].flags & TOK_ABBR)))
                t0++;
            if (t0 < e) {
                /* Stop a run before a dictionary word that starts a known name later. */
                cand *c = cand_push(r);
                if (!c) return -1;
                c->kind = C_NAME;
                c->t0 = (uint32_t)t0;
                c->t1 = (uint32_t)e;
                c->at.start = d->tokens[t0].start;
                c->at.end = d->tokens[e - 1].end;
                size_t last = d->tokens[e - 1].end - d->tokens[e - 1].start;
                size_t sl = strip_possessive(d->text + d->tokens[e - 1].start, last);
                if (sl != last) {
                    c->at.end -= last - sl;
                    c->possessive = 1;
                }
            }
            t = e;
            continue;
        }
        t++;
    }
    /* Titles directly before a name ("Secretary of State Antony Blinken", "Sen. Paul"). */
    for (size_t i = 0; i + 1 < r->n_cands; i++) {
        cand *c = &r->cands[i], *n = &r->cands[i + 1];
        if (c->kind != C_TITLE || n->t0 != c->t1) continue;
        if (n->kind == C_NAME || (n->kind == C_DICT && n->hit[0]->kind == LEX_PERSON))
            c->title_of = (int)(i + 1);
    }
    return 0;
}

/* ---- pass 2: resolution ---- */

/* The last word of a person's name, ignoring "Jr." and kin: the surname. */
static slice surname_of(const char *name)
{
    size_t n = strlen(name);
    for (;;) {
        size_t e = n;
        while (e > 0 && name[e - 1] == ' ') e--;
        size_t b = e;
        while (b > 0 && name[b - 1] != ' ') b--;
        slice w = slice_make(name + b, e - b);
        if (b > 0 && (slice_eq_cstr(w, "Jr.") || slice_eq_cstr(w, "Sr.") ||
                      slice_eq_cstr(w, "II") || slice_eq_cstr(w, "III") ||
                      slice_eq_cstr(w, "Jr"))) {
            n = b;
            while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == ',')) n--;
            continue;
        }
        return w;
    }
}

/* Levenshtein distance of two short byte strings, or max+1 when over max. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t max)
{
    if (na > 32 || nb > 32) return max + 1;
    if ((na > nb ? na - nb : nb - na) > max) return max + 1;
    size_t row[33];
    for (size_t j = 0; j <= nb; j++) row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0], best = i;
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t cost = (a[i - 1] | 0x20) == (b[j - 1] | 0x20) ? 0 : 1;
            size_t v = diag + cost;
            if (up + 1 < v) v = up + 1;
            if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best) best = v;
        }
        if (best > max) return max + 1;
    }
    return row[nb];
}

static int ent_find(const resolver *r, const char *name)
{
    for (size_t i = 0; i < r->n_ents; i++)
        if (!strcmp(r->ents[i].name, name)) return (int)i;
    return -1;
}

static int ent_add(resolver *r, const char *name, ent_kind kind, const lex_entry *lex)
{
    if (nlp_grow(r->a, (void **)&r->ents, &r->cap_ents, r->n_ents, sizeof(entity))) return -1;
    entity *e = &r->ents[r->n_ents];
    memset(e, 0, sizeof *e);
    e->name = name;
    e->kind = kind;
    if (lex) {
        e->code = lex->code;
        e->country = lex->country;
    }
    if (nlp_grow(r->a, (void **)&r->ent_office, &r->cap_office, r->n_ents, sizeof(const char *)))
        return -1;
    r->ent_office[r->n_ents] = lex && lex->kind == LEX_PERSON ? lex->office : NULL;
    if (nlp_grow(r->a, (void **)&r->ent_surname, &r->cap_surname, r->n_ents, sizeof(slice)))
        return -1;
    r->ent_surname[r->n_ents] = surname_of(name);
    if (nlp_grow(r->a, (void **)&r->ent_gender, &r->cap_gender, r->n_ents, 1)) return -1;
    r->ent_gender[r->n_ents] = 0;
    if (kind == ENT_PERSON) {
        /* The given name, the first word of the canonical name. */
        size_t n = strcspn(name, " ");
        r->ent_gender[r->n_ents] = (char)lexicon_first_name_gender(r->lx, name, n);
    }
    return (int)r->n_ents++;
}

static int mention_add(resolver *r, span at, int ent, uint32_t sent, mention_how how)
{
    if (ent < 0) return 0;
    if (nlp_grow(r->a, (void **)&r->mens, &r->cap_mens, r->n_mens, sizeof(mention))) return -1;
    mention *m = &r->mens[r->n_mens++];
    m->at = at;
    m->entity = (uint32_t)ent;
    m->sent = sent;
    m->how = how;
    return 0;
}

/* Does a person's office answer to a title's office? "foreign_minister" answers to itself and
 * to the bare "minister" ("the secretary", "the minister"). */
static int office_matches(const char *held, const char *asked)
{
    if (!strcmp(held, asked)) return 1;
    size_t h = strlen(held), a = strlen(asked);
    return h > a + 1 && held[h - a - 1] == '_' && !strcmp(held + h - a, asked);
}

/* The most recent person entity holding `office` (of `country` when given), or -1. */
static int ent_by_office(const resolver *r, const char *office, const char *country,
                         slice surface)
{
    if (!office) return -1;
    /* First the person whose title in this article carries the same word: "the secretary"
     * after "Secretary of State Antony Blinken". */
    if (surface.len >= 4 && surface.len < 64) {
        char w[64];
        memcpy(w, surface.ptr, surface.len);
        w[surface.len] = 0;
        for (size_t i = r->n_mens; i-- > 0;) {
            const entity *e = &r->ents[r->mens[i].entity];
            if (e->kind == ENT_PERSON && e->title && slice_contains_ci(slice_make(e->title, strlen(e->title)), w))
                return (int)r->mens[i].entity;
        }
    }
    for (size_t i = r->n_mens; i-- > 0;) {
        uint32_t e = r->mens[i].entity;
        if (r->ents[e].kind != ENT_PERSON || !r->ent_office[e]) continue;
        if (!office_matches(r->ent_office[e], office)) continue;
        if (country && r->ents[e].country && strcmp(country, r->ents[e].country)) continue;
        return (int)e;
    }
    return -1;
}

/* The person a title or role refers to: one named in the article, else the dictionary's holder
 * of that office on the article's date. */
static int ent_for_office(resolver *r, const char *office, const char *country, slice surface)
{
    int e = ent_by_office(r, office, country, surface);
    if (e >= 0 || !office || !country) return e;
    const lex_entry *h[4];
    size_t nh = lexicon_office_holders(r->lx, office, country, r->date, h, 4);
    if (nh != 1) return -1;
    e = ent_find(r, h[0]->name);
    if (e >= 0) return e;
    return ent_add(r, h[0]->name, ENT_PERSON, h[0]);
}

/* Is most of the sentence capitalised, as a headline in title case is? */
static int sentence_title_case(const resolver *r, uint32_t sent)
{
    const nlp_doc *d = r->d;
    size_t words = 0, caps = 0;
    /* The sentence's first token by binary search: a scan from the article's start for every
     * name made this quadratic in the article's length. */
    size_t lo = 0, hi = d->n_tokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->tokens[mid].sent < sent)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t t = lo; t < d->n_tokens; t++) {
        if (d->tokens[t].sent != sent) break;
        if (!(d->tokens[t].flags & TOK_WORD)) continue;
        words++;
        if (d->tokens[t].flags & (TOK_CAP | TOK_UPPER | TOK_NUM)) caps++;
    }
    return words >= 4 && caps * 10 >= words * 7;
}

static int is_word_at(const nlp_doc *d, size_t t, const char *w)
{
    if (t >= d->n_tokens) return 0;
    size_t n = d->tokens[t].end - d->tokens[t].start;
    return strlen(w) == n && !strncasecmp(d->text + d->tokens[t].start, w, n);
}

/* Resolves a dictionary candidate to an entity. */
static int resolve_dict(resolver *r, cand *c, mention_how *how)
{
    const lex_entry *best = NULL;
    int best_score = -1;
    for (size_t i = 0; i < c->n_hit; i++) {
        const lex_entry *e = c->hit[i];
        int score = 0;
        if (ent_find(r, e->name) >= 0) score += 4;
        if (e->kind == LEX_PERSON && term_covers(e, r->date)) score += 2;
        if (e->kind != LEX_PERSON) score += 1;
        if (score > best_score) best = e, best_score = score;
    }
    if (!best) return -1;
    *how = MEN_NAME;
    if (best->kind == LEX_PERSON) {
        /* A bare surname first joins a person of the article with that surname. */
        if (best->flags & LEX_SURNAME) {
            *how = MEN_SHORT;
            slice s = slice_make(r->d->text + c->at.start, c->at.end - c->at.start);
            for (size_t i = r->n_ents; i-- > 0;) {
                if (r->ents[i].kind != ENT_PERSON) continue;
                slice sn = r->ent_surname[i];
                if (sn.len == s.len && !strncasecmp(sn.ptr, s.ptr, s.len)) return (int)i;
            }
        } else if (strcmp(best->alias, best->name)) {
            *how = MEN_VARIANT;
        }
    } else if (best->flags & LEX_METONYM) {
        /* "in Moscow" is the city; "Moscow said" is the government. */
        size_t t = c->t0;
        int locative = t > 0 && (is_word_at(r->d, t - 1, "in") || is_word_at(r->d, t - 1, "to") ||
                                 is_word_at(r->d, t - 1, "from") || is_word_at(r->d, t - 1, "near") ||
                                 is_word_at(r->d, t - 1, "at") || is_word_at(r->d, t - 1, "outside"));
        *how = locative ? MEN_NAME : MEN_METONYM;
    }
    int e = ent_find(r, best->name);
    if (e >= 0) return e;
    ent_kind kind = best->kind == LEX_PERSON ? ENT_PERSON
                    : best->kind == LEX_ORG  ? ENT_ORG
                                             : ENT_PLACE;
    return ent_add(r, best->name, kind, best);
}

/* Resolves an unknown capitalised name to an entity (or -1 to leave it). */
static int resolve_name(resolver *r, cand *c, int titled, mention_how *how)
{
    const nlp_doc *d = r->d;
    size_t nw = c->t1 - c->t0;
    slice s = slice_make(d->text + c->at.start, c->at.end - c->at.start);
    *how = MEN_NAME;
    uint32_t sent = d->tokens[c->t0].sent;
    if (!titled && sentence_title_case(r, sent)) return -1;
    /* A bare surname of someone already named. */
    if (nw == 1) {
        for (size_t i = r->n_ents; i-- > 0;) {
            if (r->ents[i].kind != ENT_PERSON) continue;
            slice sn = r->ent_surname[i];
            if (sn.len == s.len && !memcmp(sn.ptr, s.ptr, s.len)) {
                *how = MEN_SHORT;
                return (int)i;
            }
        }
        /* Alone and unknown, it is a person only when a title or "Mr." is before it. */
        int honorific = c->t0 > 0 && (d->tokens[c->t0 - 1].flags & TOK_ABBR) &&
                        nlp_is_function_word(d->text + d->tokens[c->t0 - 1].start,
                                             d->tokens[c->t0 - 1].end - d->tokens[c->t0 - 1].start);
        if (!titled && !honorific) return -1;
    }
    char *name = arena_strndup(r->a, s.ptr, s.len);
    if (!name) return -2;
    for (size_t t = c->t0; t < c->t1; t++) {
        const char *w = d->text + d->tokens[t].start;
        size_t n = strip_possessive(w, d->tokens[t].end - d->tokens[t].start);
        if (wordset_has(&org_set, w, n)) {
            int e = ent_find(r, name);
            return e >= 0 ? e : ent_add(r, name, ENT_ORG, NULL);
        }
        if (wordset_has(&place_set, w, n)) {
            int e = ent_find(r, name);
            return e >= 0 ? e : ent_add(r, name, ENT_PLACE, NULL);
        }
    }
    if (nw > 4) return -1;
    for (size_t t = c->t0; t < c->t1; t++)
        if (d->tokens[t].flags & (TOK_NUM | TOK_UPPER)) return -1;
    /* a law or a pact ("the Fifth Amendment", "the Minsk Protocol") is no person, place or
     * organisation */
    static const char *const law_words[] = {"Amendment", "Act",        "Treaty",   "Accord",
                                            "Accords",   "Protocol",   "Doctrine", "Charter",
                                            "Declaration", "Constitution", NULL};
    static wordset law_set = WORDSET(law_words, 0);
    const char *w0 = d->text + d->tokens[c->t0].start, *wz = d->text + d->tokens[c->t1 - 1].start;
    size_t n0 = d->tokens[c->t0].end - d->tokens[c->t0].start;
    size_t nz = d->tokens[c->t1 - 1].end - d->tokens[c->t1 - 1].start;
    if (nw >= 2 && wordset_has(&law_set, wz, strip_possessive(wz, nz))) return -1;
    /* "North Florida", "Western Kentucky": a compass word opening a name makes it a place;
     * so does one after a word that makes a region of it ("Middle East", "Global South"; not
     * "Marty West") */
    static const char *const region_words[] = {"Middle", "Far", "Near", "Global", "Deep", "Mid",
                                               NULL};
    static wordset region_set = WORDSET(region_words, 0);
    if (nw >= 2 && (wordset_has(&compass_set, w0, n0) ||
                    (nw == 2 && wordset_has(&region_set, w0, n0) &&
                     wordset_has(&compass_set, wz, nz)))) {
        int e = ent_find(r, name);
        return e >= 0 ? e : ent_add(r, name, ENT_PLACE, NULL);
    }
    int e = ent_find(r, name);
    if (e >= 0) return e;
    /* "on Truth Social", "via Daily Brief": a name after "on" or "via" whose first word is no
     * given name is a platform or a programme, not a person */
    if (!titled && c->t0 > 0 &&
        (is_word_at(d, c->t0 - 1, "on") || is_word_at(d, c->t0 - 1, "via")) &&
        !lexicon_first_name_gender(r->lx, d->text + d->tokens[c->t0].start,
                                   d->tokens[c->t0].end - d->tokens[c->t0].start))
        return ent_add(r, name, ENT_ORG, NULL);
    /* "Anthony Blinken" after "Antony Blinken": same surname, first names one or two edits
     * apart (or an initial). */
    if (nw >= 2) {
        slice sur = surname_of(name);
        for (size_t i = 0; i < r->n_ents; i++) {
            if (r->ents[i].kind != ENT_PERSON) continue;
            slice sn = r->ent_surname[i];
            if (sn.len != sur.len || memcmp(sn.ptr, sur.ptr, sur.len)) continue;
            size_t fa = (size_t)(sur.ptr - name), fb = (size_t)(sn.ptr - r->ents[i].name);
            size_t dist = edit_distance(name, fa, r->ents[i].name, fb, 2);
            int initial = fa >= 2 && name[fa - 2] == '.' && name[0] == r->ents[i].name[0];
            if (dist <= 2 || initial) {
                *how = MEN_VARIANT;
                return (int)i;
            }
        }
    }
    return ent_add(r, name, ENT_PERSON, NULL);
}

/* The gender a pronoun asks for: 'm' (he, him, his, himself), 'f' (she, her, hers, herself). */
static int pronoun_gender(const char *p, size_t n)
{
    if (n >= 1 && (p[0] | 0x20) == 's') return 'f';                         /* she */
    if (n >= 3 && (p[1] | 0x20) == 'e' && (p[2] | 0x20) == 'r') return 'f'; /* her, hers, herself */
    return 'm'; /* he, him, his, himself */
}

/* The antecedent of a pronoun in sentence `sent`: the first person named in that sentence
 * before it, else the first person named in the nearest of the five sentences before (a long
 * quotation can stand between a speaker and "he added"). A person whose gender is known and
 * not the pronoun's (`gender`, 'm' or 'f') is skipped: "Ada Lind met Jon Aldous. He said …". */
static int resolve_pronoun(const resolver *r, uint32_t sent, size_t before, int gender)
{
    int best = -1;
    uint32_t best_sent = 0;
    for (size_t i = r->n_mens; i-- > 0;) {
        const mention *m = &r->mens[i];
        if (m->at.start >= before) continue;
        if (r->ents[m->entity].kind != ENT_PERSON) continue;
        if (r->ent_gender[m->entity] && r->ent_gender[m->entity] != gender) continue;
        if (best >= 0 && m->sent != best_sent) break;
        if (sent - m->sent > 5) break;
        best = (int)m->entity;
        best_sent = m->sent;
    }
    return best;
}

/* The head word of a title candidate ("secretary" of "the secretary of state"). */
static slice title_word(const nlp_doc *d, const cand *c)
{
    const token *k = &d->tokens[c->t0];
    return slice_make(d->text + k->start, k->end - k->start);
}

dossier_status nlp_entities(arena *a, nlp_doc *doc, const char *date)
{
    doc->entities = NULL;
    doc->mentions = NULL;
    doc->n_entities = doc->n_mentions = 0;
    const lexicon *lx = lexicon_get();
    if (!lx) return DOSSIER_ERR_NOMEM;
    resolver r;
    memset(&r, 0, sizeof r);
    r.a = a;
    r.d = doc;
    r.lx = lx;
    r.date = date;
    if (find_candidates(&r)) return DOSSIER_ERR_NOMEM;
    for (size_t i = 0; i < r.n_cands; i++) {
        cand *c = &r.cands[i];
        uint32_t sent = doc->tokens[c->t0].sent;
        mention_how how = MEN_NAME;
        int e = -1;
        switch (c->kind) {
        case C_DICT: e = resolve_dict(&r, c, &how); break;
        case C_NAME: {
            int titled = i > 0 && r.cands[i - 1].title_of == (int)i;
            e = resolve_name(&r, c, titled, &how);
            if (e == -2) return DOSSIER_ERR_NOMEM;
            break;
        }
        case C_TITLE:
            if (c->title_of >= 0) continue; /* the name that follows carries the mention */
            /* A title alone refers back only with a determiner: "the secretary". */
            if (!c->country && !(c->t0 > 0 && is_word_at(doc, c->t0 - 1, "the"))) continue;
            e = ent_for_office(&r, c->hit[0]->office, c->country ? c->country : c->hit[0]->country,
                               title_word(doc, c));
            how = MEN_TITLE;
            break;
        case C_ROLE:
            e = ent_for_office(&r, c->hit[0]->office,
                               c->hit[0]->country ? c->hit[0]->country : c->country,
                               slice_make(NULL, 0));
            how = MEN_ROLE;
            break;
        case C_PRONOUN:
            e = resolve_pronoun(&r, sent, c->at.start,
                                pronoun_gender(doc->text + c->at.start, c->at.end - c->at.start));
            how = MEN_PRONOUN;
            break;
        }
        if (e < 0) continue;
        /* A title just before the name: the person holds it. */
        if (i > 0 && r.cands[i - 1].title_of == (int)i && r.ents[e].kind == ENT_PERSON) {
            const lex_entry *t = r.cands[i - 1].hit[0];
            if (!r.ents[e].title) r.ents[e].title = t->name;
            if (!r.ent_office[e]) r.ent_office[e] = t->office;
            const char *cc = r.cands[i - 1].country;
            if (!r.ents[e].country && cc) r.ents[e].country = cc;
            if (!r.ents[e].code && cc && t->code) {
                char *code = arena_printf(a, "%s%s", cc, t->code);
                if (!code) return DOSSIER_ERR_NOMEM;
                r.ents[e].code = code;
            }
        }
        /* "Mr. Clarke", "Ms. Moore": the honorific gives a gender the name may not. */
        if (r.ents[e].kind == ENT_PERSON && !r.ent_gender[e] && c->t0 > 0) {
            const token *h = &doc->tokens[c->t0 - 1];
            const char *hp = doc->text + h->start;
            size_t hn = h->end - h->start;
            if (hn == 3 && !strncasecmp(hp, "Mr.", 3))
                r.ent_gender[e] = 'm';
            else if ((hn == 4 && !strncasecmp(hp, "Mrs.", 4)) ||
                     (hn == 3 && !strncasecmp(hp, "Ms.", 3)))
                r.ent_gender[e] = 'f';
        }
        if (mention_add(&r, c->at, e, sent, how)) return DOSSIER_ERR_NOMEM;
    }
    /* Mentions are in text order already (candidates were); link each entity to its first. */
    for (size_t i = r.n_mens; i-- > 0;) {
        entity *e = &r.ents[r.mens[i].entity];
        e->first = (uint32_t)i;
        e->n_mentions++;
    }
    doc->entities = r.ents;
    doc->n_entities = r.n_ents;
    doc->mentions = r.mens;
    doc->n_mentions = r.n_mens;
    return DOSSIER_OK;
}
