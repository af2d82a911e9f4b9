/*
 * lang.c - language identification by writing system, then by stopwords. Counting letters per
 * script settles non-Latin text (with a letter test for Ukrainian against Russian and for Persian
 * against Arabic); Latin text is scored by how many of its words are frequent function words of
 * each language, which separates the major European languages after a few dozen words.
 */
#include "extract/lang.h"

#include "core/core.h"

#include <pthread.h>
#include <string.h>

/* Text past this many bytes (some 500 words) adds nothing to the decision and only costs
 * time: the stopword counts have long separated the languages by then. */
#define LANG_SCAN_MAX (3 * 1024)

/* Function words per language: short, frequent and mostly specific to one language. Words
 * shared by several languages ("de", "la", "a") are kept: they add to each, and the specific
 * ones decide. */
typedef struct stoplist {
    const char *code;      /* ISO 639-1 */
    const char *words[40]; /* NULL-terminated */
} stoplist;

static const stoplist STOPLISTS[] = {
    {"en", {"the",  "and",   "of",    "to",  "is",  "in",   "that", "for", "with", "was",  "on",
            "said", "he",    "it",    "as",  "by",  "his",  "have", "are", "be",   "this", "from",
            "at",   "which", "would", "has", "not", "were", "they", "but", NULL}},
    {"de",
     {"der",  "die",  "und",  "das", "ist",   "nicht", "mit",    "von",   "den",   "dem", "sich",
      "auch", "ein",  "eine", "zu",  "im",    "auf",   "für",    "des",   "sie",   "es",  "wie",
      "bei",  "nach", "wird", "hat", "sagte", "aus",   "werden", "einem", "einer", NULL}},
    {"fr", {"le",   "la",   "les", "et",  "des",  "est",   "une",  "du",   "dans", "que",
            "pour", "pas",  "qui", "sur", "au",   "aux",   "il",   "elle", "ce",   "avec",
            "par",  "mais", "ont", "été", "sont", "selon", "leur", NULL}},
    {"es", {"el",  "la",  "los",  "las",  "y",     "de", "que", "en",   "del", "por",
            "una", "con", "para", "se",   "es",    "su", "lo",  "como", "más", "pero",
            "sus", "fue", "este", "esta", "según", "ha", "han", NULL}},
    {"it", {"il",    "di",  "che", "e",      "la",  "per",  "un",    "della", "non",
            "sono",  "gli", "del", "nel",    "una", "alla", "anche", "come",  "dei",
            "delle", "ha",  "è",   "questo", "ma",  "più",  "con",   "nella", NULL}},
    {"pt", {"o",    "a",   "os",   "de",   "que", "não", "uma",  "com",    "para",
            "do",   "da",  "em",   "ao",   "é",   "no",  "na",   "dos",    "das",
            "mais", "foi", "pelo", "pela", "seu", "sua", "como", "também", NULL}},
    {"nl", {"de",    "het",  "een",  "en",   "van",   "is",  "niet", "dat", "op",
            "zijn",  "met",  "voor", "te",   "die",   "ook", "aan",  "er",  "maar",
            "wordt", "werd", "bij",  "naar", "heeft", "hij", "zij",  NULL}},
    {"pl", {"i",    "w",    "z",     "na",    "się",   "nie", "do",    "że",  "to",
            "jest", "od",   "jak",   "po",    "o",     "za",  "przez", "ale", "jego",
            "już",  "oraz", "który", "która", "które", "tak", "dla",   "są",  NULL}},
    {"sv",
     {"och", "att", "det", "som", "är",  "en",   "på",  "för",  "med",   "inte",  "av", "till",
      "har", "den", "om",  "var", "ett", "från", "men", "sade", "säger", "också", NULL}},
    {"tr", {"ve",  "bir",  "bu",    "da",   "de",    "için",  "ile",  "olarak", "çok", "daha",
            "ama", "gibi", "kadar", "olan", "sonra", "değil", "dedi", "ise",    "her", NULL}},
};
#define N_STOPLISTS (sizeof STOPLISTS / sizeof STOPLISTS[0])

/* Is cp a letter for word splitting? Everything from Latin-1 letters up, minus the general
 * punctuation and symbol blocks (curly quotes, dashes, NBSP must split words). */
static int is_word_cp(uint32_t cp)
{
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return 0;
    if (cp >= 0x2000 && cp <= 0x2BFF) return 0;
    if (cp >= 0x3000 && cp <= 0x303F) return 0;
    return 1;
}

static int script_of_cp(uint32_t cp)
{
    if (cp < 0x250) return is_word_cp(cp) ? LANG_SCRIPT_LATIN : LANG_SCRIPT_UNKNOWN;
    if (cp >= 0x370 && cp < 0x400) return LANG_SCRIPT_GREEK;
    if (cp >= 0x400 && cp < 0x530) return LANG_SCRIPT_CYRILLIC;
    if (cp >= 0x590 && cp < 0x600) return LANG_SCRIPT_HEBREW;
    if ((cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780) || (cp >= 0xFB50 && cp < 0xFF00))
        return LANG_SCRIPT_ARABIC;
    if (cp >= 0x900 && cp < 0x980) return LANG_SCRIPT_DEVANAGARI;
    if (cp >= 0xE00 && cp < 0xE80) return LANG_SCRIPT_THAI;
    if (cp >= 0x1E00 && cp < 0x1F00) return LANG_SCRIPT_LATIN;
    if ((cp >= 0x3040 && cp < 0x3100) || (cp >= 0x3400 && cp < 0xA000) ||
        (cp >= 0xF900 && cp < 0xFB00))
        return LANG_SCRIPT_CJK;
    if ((cp >= 0xAC00 && cp < 0xD7B0) || (cp >= 0x1100 && cp < 0x1200)) return LANG_SCRIPT_HANGUL;
    return LANG_SCRIPT_UNKNOWN;
}

/* All stopwords in one open-addressing table: word -> bit set of the stoplists holding it.
 * Built once; a lookup costs one hash instead of a scan of every list. */
#define STOP_SLOTS 1024 /* power of two, about four times the number of stopwords */
typedef struct stop_slot {
    const char *word; /* NULL: empty slot */
    size_t len;       /* its length in bytes */
    uint32_t langs;   /* bit l set when STOPLISTS[l] holds it */
} stop_slot;
static stop_slot stop_table[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static uint32_t word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static void stop_table_build(void)
{
    for (size_t l = 0; l < N_STOPLISTS; l++)
        for (const char *const *s = STOPLISTS[l].words; *s; s++) {
            size_t n = strlen(*s);
            uint32_t i = word_hash(*s, n) & (STOP_SLOTS - 1);
            while (stop_table[i].word &&
                   !(stop_table[i].len == n && memcmp(stop_table[i].word, *s, n) == 0))
                i = (i + 1) & (STOP_SLOTS - 1);
            stop_table[i].word = *s;
            stop_table[i].len = n;
            stop_table[i].langs |= 1u << l;
        }
}

/* Scores one lowercased word against every stoplist. */
static void score_word(const char *w, size_t n, int *scores)
{
    if (n > 9) return; /* longer than any stopword */
    uint32_t i = word_hash(w, n) & (STOP_SLOTS - 1);
    while (stop_table[i].word) {
        if (stop_table[i].len == n && memcmp(stop_table[i].word, w, n) == 0) {
            for (size_t l = 0; l < N_STOPLISTS; l++)
                if (stop_table[i].langs & (1u << l)) scores[l]++;
            return;
        }
        i = (i + 1) & (STOP_SLOTS - 1);
    }
}

const char *lang_detect(const char *text, size_t len)
{
    if (!text) return NULL;
    if (len > LANG_SCAN_MAX) len = LANG_SCAN_MAX;
    pthread_once(&stop_once, stop_table_build);
    int script[LANG_SCRIPT_THAI + 1] = {0};
    int uk = 0, ru = 0, fa = 0, kana = 0;
    int scores[N_STOPLISTS] = {0};
    char word[16];
    size_t wn = 0;
    int wlong = 0; /* the current word is longer than any stopword */

    for (size_t i = 0; i <= len;) {
        uint32_t cp = ' ';
        size_t k = 1;
        if (i < len && (unsigned char)text[i] < 0x80) {
            cp = (unsigned char)text[i];
        } else if (i < len) {
            k = utf8_decode(text + i, len - i, &cp);
            if (!k) { /* an invalid byte (or a sequence cut at the scan limit) splits words */
                cp = ' ';
                k = 1;
            }
        }
        int sc = cp < 0x80 ? (((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? LANG_SCRIPT_LATIN
                                                                        : LANG_SCRIPT_UNKNOWN)
                           : script_of_cp(cp);
        script[sc]++;
        if (sc == LANG_SCRIPT_CYRILLIC) {
            /* і ї є ґ are Ukrainian only; ы э ъ ё Russian only (either case). */
            if (cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491 || cp == 0x406 ||
                cp == 0x407 || cp == 0x404 || cp == 0x490)
                uk++;
            else if (cp == 0x44B || cp == 0x44D || cp == 0x44A || cp == 0x451 || cp == 0x42B ||
                     cp == 0x42D || cp == 0x42A || cp == 0x401)
                ru++;
        } else if (sc == LANG_SCRIPT_ARABIC) {
            /* پ چ ژ گ and Persian yeh/kaf are not used in Arabic. */
            if (cp == 0x67E || cp == 0x686 || cp == 0x698 || cp == 0x6AF || cp == 0x6CC ||
                cp == 0x6A9)
                fa++;
        } else if (sc == LANG_SCRIPT_CJK && cp >= 0x3040 && cp < 0x3100) {
            kana++;
        }
        if (sc == LANG_SCRIPT_LATIN) {
            if (wn + k <= sizeof word && !wlong) {
                if (k == 1)
                    word[wn++] = (char)(cp | 0x20);
                else {
                    memcpy(word + wn, text + i, k);
                    wn += k;
                }
            } else {
                wlong = 1;
            }
        } else {
            if (wn && !wlong) score_word(word, wn, scores);
            wn = 0;
            wlong = 0;
        }
        i += k;
    }

    int best_script = LANG_SCRIPT_UNKNOWN, letters = 0;
    for (int s = 1; s <= LANG_SCRIPT_THAI; s++) {
        letters += script[s];
        if (script[s] > script[best_script]) best_script = s;
    }
    if (letters < 8) return NULL;
    switch (best_script) {
    case LANG_SCRIPT_CYRILLIC:
        return uk > ru ? "uk" : "ru";
    case LANG_SCRIPT_ARABIC:
        return fa > 0 && fa * 50 >= script[LANG_SCRIPT_ARABIC] ? "fa" : "ar";
    case LANG_SCRIPT_CJK:
        /* Japanese text mixes kana into its Han characters; Chinese has none. */
        return kana * 10 >= script[LANG_SCRIPT_CJK] ? "ja" : "zh";
    case LANG_SCRIPT_GREEK:
        return "el";
    case LANG_SCRIPT_HEBREW:
        return "he";
    case LANG_SCRIPT_HANGUL:
        return "ko";
    case LANG_SCRIPT_DEVANAGARI:
        return "hi";
    case LANG_SCRIPT_THAI:
        return "th";
    default:
        break;
    }
    size_t best = 0;
    for (size_t l = 1; l < N_STOPLISTS; l++)
        if (scores[l] > scores[best]) best = l;
    /* Two hits are the least that is not chance on a short text. */
    return scores[best] >= 2 ? STOPLISTS[best].code : NULL;
}

int lang_text_script(const char *text, size_t len)
{
    int script[LANG_SCRIPT_THAI + 1] = {0};
    if (!text) return LANG_SCRIPT_UNKNOWN;
    if (len > LANG_SCAN_MAX) len = LANG_SCAN_MAX;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            script[((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? LANG_SCRIPT_LATIN : 0]++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(text + i, len - i, &cp);
        if (!k) {
            i++;
            continue;
        }
        script[script_of_cp(cp)]++;
        i += k;
    }
    int best = LANG_SCRIPT_UNKNOWN;
    for (int s = 1; s <= LANG_SCRIPT_THAI; s++)
        if (script[s] > script[best]) best = s;
    return best;
}

int lang_normalize_tag(const char *tag, size_t n, char out[3])
{
    slice s = slice_trim(slice_make(tag, n));
    if (s.len < 2) return 0;
    for (int i = 0; i < 2; i++) {
        char c = (char)(s.ptr[i] | 0x20);
        if (c < 'a' || c > 'z') return 0;
        out[i] = c;
    }
    if (s.len > 2 && s.ptr[2] != '-' && s.ptr[2] != '_') return 0;
    out[2] = 0;
    return 1;
}

int lang_script_of(const char *code)
{
    static const struct {
        const char *codes;
        int script;
    } TABLE[] = {
        {"ru uk be bg sr mk kk ky mn tg", LANG_SCRIPT_CYRILLIC},
        {"ar fa ur ps ug", LANG_SCRIPT_ARABIC},
        {"zh ja", LANG_SCRIPT_CJK},
        {"ko", LANG_SCRIPT_HANGUL},
        {"el", LANG_SCRIPT_GREEK},
        {"he yi", LANG_SCRIPT_HEBREW},
        {"hi mr ne", LANG_SCRIPT_DEVANAGARI},
        {"th", LANG_SCRIPT_THAI},
        {"en de fr es it pt nl pl sv tr da no nb nn fi cs sk sl hr bs ro hu et lv lt id ms tl "
         "vi sq is ga cy eu ca gl af sw az uz mt lb",
         LANG_SCRIPT_LATIN},
    };
    if (!code || strlen(code) != 2) return LANG_SCRIPT_UNKNOWN;
    for (size_t t = 0; t < sizeof TABLE / sizeof TABLE[0]; t++)
        for (const char *p = TABLE[t].codes; *p; p += p[2] ? 3 : 2)
            if (p[0] == code[0] && p[1] == code[1]) return TABLE[t].script;
    return LANG_SCRIPT_UNKNOWN;
}
