/*
 * split.c - tokens and sentences of an article's clean text, with byte offsets.
 *
 * Tokens: words (letters and digits with their inner apostrophes, hyphens and dots: "don't",
 * "NATO's", "long-range", "U.S.", "1,000.5"), abbreviations with their period ("Sen.", "Jan."),
 * single punctuation marks, ellipses, and quotation marks flagged as such. Sentences end at
 * . ! ? … (and 。！？) followed by closing quotes or brackets and then a capital, an opening
 * quote, a digit or the end of the paragraph; an abbreviation that cannot end a sentence never
 * does, and one that can ("U.S.") does only before a word that usually starts one. A paragraph
 * (or, in a plain text, a line that reads like a headline) always ends its sentence.
 */
#include <string.h>
#include <utf8proc.h>

#include "nlp/lexicon.h"
#include "nlp/nlp.h"
#include "nlp/nlp_internal.h"

/* Character classes used by the tokenizer. */
enum { CH_SPACE, CH_LETTER, CH_DIGIT, CH_MARK, CH_PUNCT };

/* The class of code point cp; *upper is set for upper- and title-case letters. */
static int char_class_wide(uint32_t cp, int *upper);

/* The class of a character; the ASCII branch is inline (the tokenizer asks for every one). */
static inline int char_class(uint32_t cp, int *upper)
{
    if (cp >= 0x80) return char_class_wide(cp, upper);
    *upper = 0;
    if (cp >= 'a' && cp <= 'z') return CH_LETTER;
    if (cp >= 'A' && cp <= 'Z') {
        *upper = 1;
        return CH_LETTER;
    }
    if (cp >= '0' && cp <= '9') return CH_DIGIT;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
        return CH_SPACE;
    return CH_PUNCT;
}

static int char_class_wide(uint32_t cp, int *upper)
{
    *upper = 0;
    if (utf8_is_space(cp) || cp == 0x200B || cp == 0xFEFF) return CH_SPACE;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: *upper = 1; return CH_LETTER;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return CH_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return CH_MARK;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return CH_DIGIT;
    default: return CH_PUNCT;
    }
}

int nlp_is_quote_cp(uint32_t cp)
{
    switch (cp) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB:
    case 0x00BB: case 0x201E: case 0x201A: case 0x2039: case 0x203A: case 0x201F: case 0x300C:
    case 0x300D: case 0x300E: case 0x300F: case 0xFF02:
        return 1;
    default: return 0;
    }
}

/* Decodes the code point at text[i] (a bad byte reads as U+FFFD, length 1). */
static size_t cp_at(const char *text, size_t len, size_t i, uint32_t *cp)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t k = utf8_decode(text + i, len - i, cp);
    if (!k) {
        *cp = 0xFFFD;
        return 1;
    }
    return k;
}

/* Sentence-final punctuation. */
static int is_terminal_cp(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 ||
           cp == 0xFF01 || cp == 0xFF1F;
}

/* Closers that may follow the final punctuation inside the sentence: quotes, brackets. */
static int is_closer_cp(uint32_t cp)
{
    return cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 ||
           cp == 0x00BB || cp == 0x203A || cp == 0x300D || cp == 0x300F;
}

/* Capitalised words that, after "U.S." and kin, start a new sentence rather than a name. */
static const char *const sentence_starters[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At",
    "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "There", "When",
    "While", "After", "Before", "As", "If", "So", "Yet", "Still", "However", "Meanwhile", "Some",
    "Many", "No", "Not", "For", "With", "Under", "What", "Who", "Why", "How", NULL};

static int is_sentence_starter(const char *p, size_t n)
{
    for (const char *const *w = sentence_starters; *w; w++)
        if (strlen(*w) == n && !memcmp(*w, p, n)) return 1;
    return 0;
}

int nlp_grow(arena *a, void **arr, size_t *cap, size_t n, size_t sz)
{
    if (n < *cap) return 0;
    size_t ncap = *cap ? *cap * 2 : 32;
    void *na = arena_alloc(a, ncap * sz);
    if (!na) return -1;
    if (n) memcpy(na, *arr, n * sz);
    *arr = na;
    *cap = ncap;
    return 0;
}

/*
 * Scans one word starting at text[i] (a letter or digit) and returns its end. Inner ' ’ - . ,
 * are kept when a letter or digit follows them ("don't", "NATO's", "U.S.", "1,000"). A word of
 * single letters joined by dots ("U.S.", "a.m.") keeps its final dot.
 */
static size_t scan_word(const char *text, size_t len, size_t i, uint32_t *flags)
{
    size_t start = i;
    int letters = 0, upper_letters = 0, first = 1, digits_only = 1;
    int single_letter_dots = 1; /* U.S. pattern: letter . letter . */
    size_t run = 0;             /* letters since the last dot */
    int prev_up = 0;            /* the last word character was a capital */
    while (i < len) {
        uint32_t cp;
        int up;
        size_t k = cp_at(text, len, i, &cp);
        int cls = char_class(cp, &up);
        if (cls == CH_LETTER || cls == CH_DIGIT || cls == CH_MARK) {
            if (cls == CH_LETTER) {
                letters++;
                upper_letters += up;
                digits_only = 0;
                if (first && up) *flags |= TOK_CAP;
            }
            if (first && cls == CH_DIGIT) *flags |= TOK_NUM;
            first = 0;
            prev_up = cls == CH_LETTER && up;
            run++;
            i += k;
            continue;
        }
        /* Inner joiners: kept only between two word characters. */
        int joiner = cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2011 || cp == '.' ||
                     cp == ',' || cp == ':' || cp == '/' || cp == '&';
        if (!joiner || i + k >= len) break;
        uint32_t next;
        int nup;
        cp_at(text, len, i + k, &next);
        int ncls = char_class(next, &nup);
        if (ncls != CH_LETTER && ncls != CH_DIGIT) break;
        /* , : / join digits only ("1,000", "3:30", "24/7"); & joins capitals ("AT&T"). */
        if ((cp == ',' || cp == ':' || cp == '/') && (!digits_only || ncls != CH_DIGIT)) break;
        if (cp == '&' && (!prev_up || !nup)) break;
        if (cp == '.') {
            /* "U.S": a dot after one letter; "1.5": digits around it; else a boundary. */
            if (!(run == 1 && ncls == CH_LETTER) && !(digits_only && ncls == CH_DIGIT)) break;
        } else if (cp != ',' && cp != ':') {
            single_letter_dots = 0;
        }
        if (run != 1) single_letter_dots = 0;
        run = 0;
        i += k;
    }
    /* "U.S." / "a.m.": single letters joined by dots take the final dot too. */
    if (single_letter_dots && run == 1 && i < len && text[i] == '.' && i - start >= 3 &&
        memchr(text + start, '.', i - start))
        i++;
    if (letters >= 2 && upper_letters == letters) *flags |= TOK_UPPER;
    return i;
}

dossier_status nlp_split(arena *a, const char *text, size_t len, const span *paras,
                         size_t n_paras, nlp_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    doc->text = text;
    doc->len = len;
    if (len >= UINT32_MAX) return DOSSIER_ERR_TOO_LARGE;
    const lexicon *lx = lexicon_get();
    span whole = {0, len};
    if (!paras || !n_paras) {
        paras = &whole;
        n_paras = 1;
    }
    token *toks = NULL;
    size_t nt = 0, cap = 0;
    span *sents = NULL;
    size_t ns = 0, scap = 0;
    for (size_t p = 0; p < n_paras; p++) {
        size_t i = paras[p].start, end = paras[p].end < len ? paras[p].end : len;
        size_t para_first = nt;
        while (i < end) {
            uint32_t cp;
            int up;
            size_t k = cp_at(text, end, i, &cp);
            int cls = char_class(cp, &up);
            if (cls == CH_SPACE) {
                /* A line break in a paragraph: remembered on the next token. */
                if (cp == '\n' && nt > para_first) toks[nt - 1].flags |= TOK_EOL;
                i += k;
                continue;
            }
            token t = {(uint32_t)i, 0, 0, 0};
            if (cls == CH_LETTER || cls == CH_DIGIT || cls == CH_MARK) {
                t.flags = TOK_WORD;
                size_t e = scan_word(text, end, i, &t.flags);
                /* An abbreviation takes its period: "Sen.", "Jan.", "Mr."; and so does an
                 * initial: one capital letter and a dot ("J. Smith"). */
                if (e < end && text[e] == '.' && text[e - 1] != '.') {
                    int ab = lx ? lexicon_abbrev(lx, text + i, e - i + 1) : 0;
                    int initial = (t.flags & TOK_CAP) && e - i == 1;
                    if (ab || initial) {
                        e++;
                        t.flags |= ab == LEX_ABBR_ANY ? TOK_ABBR_ANY : TOK_ABBR;
                    }
                } else if (e - i >= 3 && text[e - 1] == '.') {
                    /* "U.S." kept its dot in scan_word: it may end a sentence. */
                    int ab = lx ? lexicon_abbrev(lx, text + i, e - i) : 0;
                    t.flags |= ab == LEX_ABBR_INNER ? TOK_ABBR : TOK_ABBR_ANY;
                }
                t.end = (uint32_t)e;
            } else {
                t.flags = TOK_PUNCT;
                size_t e = i + k;
                if (cp == '.' && e + 1 < end && text[e] == '.' && text[e + 1] == '.') {
                    e += 2; /* "..." is one token */
                    while (e < end && text[e] == '.') e++;
                } else if (nlp_is_quote_cp(cp)) {
                    t.flags |= TOK_QUOTE;
                    /* '' (two apostrophes) is a double quotation mark in some house styles. */
                    if (cp == '\'' && e < end && text[e] == '\'') e++;
                } else if ((cp == '-' || cp == 0x2013 || cp == 0x2014) && e < end &&
                           text[e] == '-') {
                    e++; /* "--" as a dash */
                }
                t.end = (uint32_t)e;
            }
            if (nt == para_first) t.flags |= TOK_PARA;
            if (nlp_grow(a, (void **)&toks, &cap, nt, sizeof *toks)) return DOSSIER_ERR_NOMEM;
            toks[nt++] = t;
            i = t.end;
        }
        if (nt == para_first) continue;
        /* Sentences of this paragraph. */
        size_t s0 = para_first;
        for (size_t j = para_first; j < nt; j++) {
            int boundary = 0;
            size_t last = j; /* last token of the sentence if it ends here */
            token *t = &toks[j];
            if (j + 1 == nt) {
                boundary = 1;
            } else if (t->flags & TOK_PUNCT) {
                uint32_t cp;
                cp_at(text, len, t->start, &cp);
                if (is_terminal_cp(cp)) {
                    /* Closing quotes and brackets glued to the mark belong to this
                     * sentence; a quote mark after a space opens the next one. */
                    while (last + 1 < nt && toks[last + 1].start == toks[last].end &&
                           !(toks[last + 1].flags & TOK_WORD)) {
                        uint32_t c2;
                        cp_at(text, len, toks[last + 1].start, &c2);
                        if (!is_closer_cp(c2)) break;
                        last++;
                    }
                    if (last + 1 == nt) {
                        boundary = 1;
                    } else {
                        const token *n = &toks[last + 1];
                        int cjk = cp >= 0x3000;
                        int opener = (n->flags & TOK_QUOTE) || text[n->start] == '(';
                        if (cjk || (n->flags & (TOK_CAP | TOK_NUM)) || opener) boundary = 1;
                        /* "?" or "!" before a lower-case cue ("…?” he asked") goes on. */
                    }
                }
            } else if ((t->flags & TOK_ABBR_ANY) && j + 1 < nt) {
                const token *n = &toks[j + 1];
                if ((n->flags & TOK_CAP) && is_sentence_starter(text + n->start, n->end - n->start))
                    boundary = 1;
            }
            /* A line that reads like a headline (no final punctuation) before a capital. */
            if (!boundary && (t->flags & TOK_EOL) && j + 1 < nt &&
                (toks[j + 1].flags & (TOK_CAP | TOK_QUOTE | TOK_NUM)) &&
                !(t->flags & TOK_ABBR)) {
                int comma = t->end - t->start == 1 &&
                            (text[t->start] == ',' || text[t->start] == ';');
                if (!comma) boundary = nlp_line_is_headline(text, toks, para_first, j);
            }
            if (!boundary) continue;
            if (nlp_grow(a, (void **)&sents, &scap, ns, sizeof *sents)) return DOSSIER_ERR_NOMEM;
            sents[ns].start = toks[s0].start;
            sents[ns].end = toks[last].end;
            for (size_t q = s0; q <= last; q++) toks[q].sent = (uint32_t)ns;
            toks[s0].flags |= TOK_SENT;
            ns++;
            s0 = last + 1;
            j = last;
        }
    }
    doc->tokens = toks;
    doc->n_tokens = nt;
    doc->sentences = sents;
    doc->n_sentences = ns;
    return DOSSIER_OK;
}

/*
 * Does the line that ends at token j read like a headline or a list item rather than a wrapped
 * line of prose? It does when it ends in a closing punctuation mark, or when it is short.
 */
int nlp_line_is_headline(const char *text, const token *toks, size_t para_first, size_t j)
{
    size_t b = j;
    while (b > para_first && !(toks[b - 1].flags & TOK_EOL)) b--;
    const token *t = &toks[j];
    char c = text[t->end - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"') return 1;
    /* A wrapped prose line runs to the wrap column; a headline stops well short of it. */
    return toks[j].end - toks[b].start < 60;
}
