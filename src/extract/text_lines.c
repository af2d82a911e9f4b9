/*
 * text_lines.c - a plain-text capture as classified lines. Captures are what a browser shows,
 * copied: one paragraph per line (or hard-wrapped), with the page's chrome printed in between.
 * Each line is judged on its own here: its cues (prefixes like "Top image credit:", icon-name
 * runs, a credit in parentheses, final punctuation, word count) decide its kind. Context (where
 * the line sits) is text.c's business.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/text_internal.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int text_count_words(slice s)
{
    int w = 0, in = 0, han = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        int sp = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!sp && !in) w++;
        in = !sp;
        /* Chinese and Japanese have no spaces: a lead byte E3-E9 starts a character of kana or
         * Han (U+3000-U+9FFF), and a word of those scripts is about two characters */
        if (c >= 0xE3 && c <= 0xE9) han++;
    }
    return w + han / 2;
}

/* Case-insensitive equality of a trimmed line with z, ignoring a final ':' in the line. */
static int line_is(slice s, const char *z)
{
    if (!s.len || tolower((unsigned char)s.ptr[0]) != (unsigned char)z[0]) return 0;
    size_t n = strlen(z);
    if (s.len && s.ptr[s.len - 1] == ':') s.len--;
    return s.len == n && strncasecmp(s.ptr, z, n) == 0;
}

static int any_line_is(slice s, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (line_is(s, list[i])) return 1;
    return 0;
}

static int any_prefix(slice s, const char *const *list, size_t count)
{
    if (!s.len) return 0;
    unsigned char c = (unsigned char)tolower((unsigned char)s.ptr[0]);
    for (size_t i = 0; i < count; i++) /* lists are lower case: the first byte rules most out */
        if ((unsigned char)list[i][0] == c && slice_starts_with_ci(s, list[i])) return 1;
    return 0;
}

/* Does the line end like a sentence: . ! ? or … possibly followed by closing quotes/brackets? */
static int ends_sentence(slice s)
{
    size_t i = s.len;
    while (i > 0) {
        unsigned char c = (unsigned char)s.ptr[i - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            i--;
            continue;
        }
        /* ” ’ » (UTF-8 E2 80 9D / E2 80 99, C2 BB) */
        if (i >= 3 && (unsigned char)s.ptr[i - 3] == 0xE2 && (unsigned char)s.ptr[i - 2] == 0x80 &&
            (c == 0x9D || c == 0x99)) {
            i -= 3;
            continue;
        }
        if (i >= 2 && (unsigned char)s.ptr[i - 2] == 0xC2 && c == 0xBB) {
            i -= 2;
            continue;
        }
        break;
    }
    if (!i) return 0;
    char c = s.ptr[i - 1];
    if (c == '.' || c == '!' || c == '?' || c == ';') return 1;
    /* 。！？ (E3 80 82, EF BC 81, EF BC 9F) */
    if (i >= 3 && !memcmp(s.ptr + i - 3, "\xE3\x80\x82", 3)) return 1;
    if (i >= 3 &&
        (!memcmp(s.ptr + i - 3, "\xEF\xBC\x81", 3) || !memcmp(s.ptr + i - 3, "\xEF\xBC\x9F", 3)))
        return 1;
    /* … (E2 80 A6) */
    return i >= 3 && (unsigned char)s.ptr[i - 3] == 0xE2 && (unsigned char)s.ptr[i - 2] == 0x80 &&
           (unsigned char)s.ptr[i - 1] == 0xA6;
}

/* Is word w (n bytes) capitalised: an upper-case ASCII letter or a non-ASCII letter first? */
static int capitalised(const char *w, size_t n)
{
    if (!n) return 0;
    unsigned char c = (unsigned char)w[0];
    return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

int text_is_person_name(slice s)
{
    s = slice_trim(s);
    if (s.len < 4 || s.len > 60) return 0;
    int words = 0, initials = 0;
    size_t i = 0;
    while (i < s.len) {
        while (i < s.len && s.ptr[i] == ' ') i++;
        if (i == s.len) break;
        size_t st = i;
        while (i < s.len && s.ptr[i] != ' ') i++;
        const char *w = s.ptr + st;
        size_t n = i - st;
        if (!capitalised(w, n)) return 0;
        for (size_t k = 1; k < n; k++) {
            unsigned char c = (unsigned char)w[k];
            if (!(isalpha(c) || c >= 0x80 || c == '-' || c == '\'' || c == '.')) return 0;
        }
        if (n <= 2 && w[n - 1] == '.') initials++;
        /* a name has lower-case letters after its capitals ("Ann", not "NATO") */
        else if (n > 1 && !(islower((unsigned char)w[1]) || (unsigned char)w[1] >= 0x80 ||
                            w[1] == '\'' || islower((unsigned char)w[n - 1])))
            return 0;
        words++;
    }
    return words >= 2 && words <= 4 && words - initials >= 2;
}

/* Run of icon names: "icon bookmark-bicon bookmarkicon cameraicon check..." */
static int is_icon_run(slice s)
{
    int hits = 0;
    for (size_t i = 0; i + 4 <= s.len; i++)
        if (strncasecmp(s.ptr + i, "icon", 4) == 0) hits++, i += 3;
    return hits >= 3 && hits * 4 >= text_count_words(s);
}

/* Every word in a small set of share/social names: "Facebook Twitter Telegram". */
static int is_social_line(slice s)
{
    static const char *const SOCIAL[] = {
        "facebook", "twitter", "x",      "telegram", "whatsapp", "linkedin", "email",  "e-mail",
        "reddit",   "vk",      "ok",     "instagram", "youtube", "rss",      "share",  "print",
        "copy",     "link",    "tiktok", "flipboard", "pinterest", "mastodon", "bluesky", "threads",
        "messenger", "viber",  "mail",   "tweet",    "comment",  "comments", "save",   "gab"};
    int words = 0;
    size_t i = 0;
    while (i < s.len) {
        while (i < s.len && (s.ptr[i] == ' ' || s.ptr[i] == '|' || s.ptr[i] == ',')) i++;
        if (i == s.len) break;
        size_t st = i;
        while (i < s.len && s.ptr[i] != ' ' && s.ptr[i] != '|' && s.ptr[i] != ',') i++;
        int hit = 0;
        for (size_t k = 0; k < COUNT(SOCIAL) && !hit; k++)
            hit = strlen(SOCIAL[k]) == i - st && strncasecmp(s.ptr + st, SOCIAL[k], i - st) == 0;
        if (!hit) return 0;
        words++;
    }
    return words >= 2;
}

/* Items separated by " | ", " / ", " • " or " · ", each of at most three words, at least two
 * items: a section label ("Analysis | Europe") or a menu ("World | Politics | Opinion"). */
static int is_separated_labels(slice s)
{
    static const char *const SEPS[] = {" | ", " / ", " \xE2\x80\xA2 ", " \xC2\xB7 ", " > ",
                                       " \xE2\x80\xBA ", " \xC2\xBB "};
    int items = 1, words_in_item = 0, in = 0;
    for (size_t i = 0; i < s.len;) {
        size_t sep = 0;
        for (size_t k = 0; s.ptr[i] == ' ' && k < COUNT(SEPS) && !sep; k++) {
            size_t n = strlen(SEPS[k]);
            if (i + n <= s.len && memcmp(s.ptr + i, SEPS[k], n) == 0) sep = n;
        }
        if (sep) {
            if (!words_in_item) return 0;
            items++, words_in_item = 0, in = 0, i += sep;
            continue;
        }
        int sp = s.ptr[i] == ' ';
        if (!sp && !in && ++words_in_item > 3) return 0;
        in = !sp;
        i++;
    }
    return items >= 2 && words_in_item > 0;
}

/* A slug: one token of letters, digits and dashes, with at least one dash ("blinken-rand-paul"). */
static int is_slug(slice s)
{
    if (s.len < 5) return 0;
    int dashes = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c == '-' || c == '_') dashes++;
        else if (!isalnum(c)) return 0;
    }
    return dashes >= 1;
}

/* Every word capitalised, or a joining word ("of", "and", "the", "for", "/", "&"); at most
 * eight words: "Kesh Ministry of Water Resources". */
static int is_proper_phrase(slice s)
{
    int words = 0;
    size_t i = 0;
    while (i < s.len) {
        while (i < s.len && s.ptr[i] == ' ') i++;
        if (i == s.len) break;
        size_t st = i;
        while (i < s.len && s.ptr[i] != ' ') i++;
        slice w = slice_make(s.ptr + st, i - st);
        if (++words > 8) return 0;
        if (capitalised(w.ptr, w.len) || slice_eq_cstr(w, "of") || slice_eq_cstr(w, "and") ||
            slice_eq_cstr(w, "the") || slice_eq_cstr(w, "for") || slice_eq_cstr(w, "/") ||
            slice_eq_cstr(w, "&"))
            continue;
        return 0;
    }
    return words >= 1;
}

/* A picture agency's name alone on a line, printed over or under a photo: "Getty Images",
 * "AFP via Getty Images", "Reuters". */
static int is_agency_credit(slice s)
{
    static const char *const AGENCY[] = {"getty images", "reuters", "afp", "epa", "ap",
                                         "shutterstock", "pa media", "anadolu", "tass",
                                         "ria novosti", "xinhua", "alamy", "epa-efe", "ap photo"};
    if (any_line_is(s, AGENCY, COUNT(AGENCY))) return 1;
    return slice_starts_with_ci(s, "afp via ") || slice_starts_with_ci(s, "reuters via ") ||
           (s.len > 14 && strncasecmp(s.ptr + s.len - 14, " / getty images", 14) == 0);
}

/* "3 hours ago", "2 days ago", "5 mins ago", "yesterday": a relative time, chrome without the
 * page's own clock. */
static int is_relative_time(slice s)
{
    if (line_is(s, "yesterday") || line_is(s, "just now")) return 1;
    if (!s.len || !isdigit((unsigned char)s.ptr[0])) return 0;
    size_t n = s.len;
    return n > 4 && strncasecmp(s.ptr + n - 4, " ago", 4) == 0;
}

/* A photo caption or credit: a credit prefix, or an agency/photographer credit in the final
 * parentheses or brackets ("..., (Reuters)", "[State Department photo by ...]"). */
static int is_caption(slice s, int words)
{
    static const char *const PREFIX[] = {
        "photo:",      "photo credit",  "photos:",      "image:",      "image credit",
        "credit:",     "photograph:",   "picture:",     "illustration:", "file photo",
        "pictured:",   "caption:",      "source: getty", "video:",     "graphic:",
        "photo by",    "photograph by", "image by",     "(photo",      "[photo",
        "cover photo", "main photo",    "featured image", "header image", "screenshot:"};
    static const char *const CREDIT[] = {
        "reuters",  "ap photo", "afp",       "getty",   "shutterstock", "shuttertock", "epa",
        "tass",     "ria novosti", "sputnik", "anadolu", "public domain", "photo by", "photo:",
        "via ",     "images",   "xinhua",    "ap)",     "ap]",          "credit",       "pool",
        "wikimedia", "flickr",  "alamy",     "photo/",  "photos", "handout", "courtesy",
        "press service", "press office"};
    if (any_prefix(s, PREFIX, COUNT(PREFIX))) return 1;
    if (words > 60 || s.len < 4) return 0;
    char last = s.ptr[s.len - 1];
    if (last == ')' || last == ']') {
        char open = last == ')' ? '(' : '[';
        size_t i = s.len - 1;
        while (i > 0 && s.ptr[i - 1] != open) i--;
        if (i == 0) return 0;
        slice inside = slice_make(s.ptr + i, s.len - 1 - i);
        for (size_t k = 0; k < COUNT(CREDIT); k++)
            if (slice_contains_ci(inside, CREDIT[k])) return 1;
        /* "... in a 2024 image. (Kesh Ministry of Water)": a proper name alone in brackets
         * after a finished sentence is whose picture it is */
        return i >= 3 && (s.ptr[i - 3] == '.' || s.ptr[i - 3] == ',') && s.ptr[i - 2] == ' ' &&
               words <= 40 && is_proper_phrase(inside);
    }
    /* "... Majid Asgaripour/WANA via REUTERS" and similar trailing agency credits */
    if (!ends_sentence(s) || words < 25) {
        static const char *const TAIL[] = {"via REUTERS", "via Reuters", "/AFP", "/ AFP",
                                           "Getty Images", "/Reuters", "/ Reuters", "/AP",
                                           "Shutterstock"};
        for (size_t k = 0; k < COUNT(TAIL); k++) {
            size_t n = strlen(TAIL[k]);
            if (s.len >= n && memcmp(s.ptr + s.len - n, TAIL[k], n) == 0) return 1;
        }
    }
    return 0;
}

/* "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe | 26 Jan 2022", "Author: Jane Doe".
 * Sets the name range (up to a separator or date). */
static int is_byline(slice s, int words, size_t *off, size_t *len)
{
    size_t skip = 0;
    char c0 = (char)tolower((unsigned char)s.ptr[0]);
    if (c0 != 'b' && c0 != 'a' && c0 != 'w' && c0 != 'r') return 0;
    if (slice_starts_with_ci(s, "by ")) skip = 3;
    else if (slice_starts_with_ci(s, "reporting by ")) skip = 13; /* wire trailers */
    else if (slice_starts_with_ci(s, "author:")) skip = 7;
    else if (slice_starts_with_ci(s, "written by ")) skip = 11;
    else if (slice_starts_with_ci(s, "words by ")) skip = 9;
    if (!skip || words > 24 || (skip < 13 && (words > 14 || ends_sentence(s)))) return 0;
    while (skip < s.len && s.ptr[skip] == ' ') skip++;
    if (skip == s.len || !capitalised(s.ptr + skip, s.len - skip)) return 0;
    size_t end = skip;
    while (end < s.len && s.ptr[end] != '|' && s.ptr[end] != ',' && s.ptr[end] != '(' &&
           s.ptr[end] != ';' && !(end + 4 <= s.len && memcmp(s.ptr + end, " in ", 4) == 0) &&
           !(end + 1 < s.len && s.ptr[end] == ' ' && s.ptr[end + 1] == '-') &&
           !((unsigned char)s.ptr[end] == 0xE2 && end + 2 < s.len &&
             (unsigned char)s.ptr[end + 1] == 0x80))
        end++;
    slice name = slice_trim(slice_make(s.ptr + skip, end - skip));
    if (!name.len) return 0;
    *off = (size_t)(name.ptr - s.ptr);
    *len = name.len;
    return 1;
}

/* "Jane Doe is a senior fellow at ...", "Jane Doe is the head of research at ...": a name,
 * then " is " or " was ", then a role word early on. */
static int is_bio(slice s, int words, size_t *off, size_t *len)
{
    static const char *const ROLE[] = {
        "director",  "fellow",  "editor",    "writer",     "professor", "author",   "correspondent",
        "analyst",   "columnist", "contributor", "journalist", "reporter", "founder", "researcher",
        "scholar",   "chair",   "lecturer",  "host of",    "expert",    "associate", "president of",
        "head of",   "former",  "retired",   "veteran",    "student",   "candidate", "commentator",
        "historian", "economist", "producer", "blogger",   "co-founder", "advisor",  "adviser"};
    if (words < 6 || words > 120) return 0;
    /* the verb comes after a name of at most four words, so within the first 64 bytes */
    size_t lim = s.len < 64 ? s.len : 64;
    for (size_t i = 4; i + 4 < lim; i++) {
        if (s.ptr[i] != ' ' || !strchr("iIwWhHsS", s.ptr[i + 1])) continue;
        slice rest = slice_make(s.ptr + i, s.len - i);
        size_t vn = 0;
        if (slice_starts_with_ci(rest, " is ")) vn = 4;
        else if (slice_starts_with_ci(rest, " was ")) vn = 5;
        else if (slice_starts_with_ci(rest, " has been ")) vn = 10;
        else if (slice_starts_with_ci(rest, " serves as ")) vn = 11;
        if (!vn) continue;
        if (!text_is_person_name(slice_make(s.ptr, i))) return 0;
        size_t end = i + vn + 90 < s.len ? i + vn + 90 : s.len;
        slice head = slice_make(s.ptr + i + vn, end - i - vn);
        for (size_t k = 0; k < COUNT(ROLE); k++)
            if (slice_contains_ci(head, ROLE[k])) {
                *off = 0;
                *len = i;
                return 1;
            }
        return 0;
    }
    return 0;
}

tline_kind text_line_classify(slice s, int words, size_t *name_off, size_t *name_len)
{
    static const char *const KEEP[] = {"keep reading", "show less", "read more", "continue reading",
                                       "read the full article", "read full article",
                                       "read the full story", "read full story", "see more",
                                       "show more", "more \xE2\x80\xBA", "read more \xC2\xBB"};
    static const char *const START[] = {"top image credit", "top photo credit", "top photo:",
                                        "top image:",       "lead image:",      "lead photo:",
                                        "top photo -",      "top image -"};
    static const char *const FOOTER_PREFIX[] = {
        "subscribe now", "subscribe to ", "subscribe for ", "sign up for ", "sign up to ",
        "get our newsletter", "join our newsletter", "all rights reserved", "copyright \xC2\xA9",
        "\xC2\xA9 ", "\xC2\xA9\x32", "(c) 20", "terms of use", "terms of service", "privacy policy",
        "this site uses cookies", "we use cookies", "never miss a story", "get the latest news"};
    static const char *const FOOTER_LINE[] = {
        "newsletter", "newsletters", "subscribe", "sign up", "latest", "latest news",
        "latest stories", "latest articles", "related", "related articles", "related stories",
        "related news", "related content", "more from", "more stories", "more news",
        "more on this story", "more on this topic", "most read", "most popular", "most viewed",
        "trending", "trending now", "you may also like", "you might also like", "recommended",
        "recommended for you", "top stories", "editor's picks", "editors' picks", "read next",
        "what to read next", "don't miss", "popular", "in other news", "from the archive",
        "also in the news", "more in world", "news feed", "all news"};
    static const char *const LIST_GLUED[] = {"latest news", "latest stories", "related articles",
                                             "related stories", "most read", "more stories",
                                             "read also", "read more", "top stories"};
    static const char *const CHROME_LINE[] = {
        "follow us on social", "follow us",         "follow",          "share",
        "share this",          "share this article", "share this story", "share article",
        "tweet",               "email",             "print",           "copy link",
        "comments",            "comment",           "advertisement",   "ad",
        "sponsored",           "skip to content",   "skip to main content", "menu",
        "search",              "home",              "log in",          "login",
        "sign in",             "close",             "listen",          "listen to this article",
        "listen to article",   "save",              "bookmark",        "open in app",
        "watch",               "video",             "photo",           "gallery",
        "top",                 "back to top",       "next article",    "previous article",
        "loading...",          "loading",           "more",            "less",
        "story continues below advertisement", "article continues below", "toggle navigation",
        "accept",              "accept cookies",    "reply",           "contact us",
        "about us",            "donate",            "support us",      "rss"};
    static const char *const CHROME_PREFIX[] = {
        "read more:", "read also:", "also read:", "see also:", "related:", "more:", "watch:",
        "listen:", "recommended:", "follow us on", "share on ", "updated ", "last updated",
        "click here", "tap here", "download the app", "get the app", "this article has been updated",
        "this story has been updated", "this story is developing", "this is a developing story",
        "editing by ", "additional reporting by ", "writing by ", "compiled by ",
        "our standards:"};
    *name_off = *name_len = 0;
    if (!s.len) return TL_BLANK;
    if (words <= 6 && any_prefix(s, KEEP, COUNT(KEEP)) &&
        (words <= 3 || slice_contains_ci(s, "show less") || slice_contains_ci(s, "reading")))
        return TL_KEEP;
    if (any_prefix(s, START, COUNT(START))) return TL_START;
    if (is_icon_run(s)) return TL_ICONS;
    /* (every whole-line list entry is at most six words) */
    if (any_prefix(s, FOOTER_PREFIX, COUNT(FOOTER_PREFIX)) ||
        (words <= 6 && any_line_is(s, FOOTER_LINE, COUNT(FOOTER_LINE))))
        return TL_FOOTER;
    /* "Latest newsThe Use of ..." - a list heading glued to its first headline */
    for (size_t k = 0; k < COUNT(LIST_GLUED); k++) {
        if (tolower((unsigned char)s.ptr[0]) != LIST_GLUED[k][0]) continue;
        size_t n = strlen(LIST_GLUED[k]);
        if (s.len > n && slice_starts_with_ci(s, LIST_GLUED[k]) &&
            (isupper((unsigned char)s.ptr[n]) || s.ptr[n] == '"' ||
             (unsigned char)s.ptr[n] == 0xE2))
            return TL_FOOTER;
    }
    if (words <= 12) {
        char iso[32];
        if (extract_parse_date(s.ptr, s.len, iso)) return TL_DATE;
    }
    if (words <= 6 && any_line_is(s, CHROME_LINE, COUNT(CHROME_LINE))) return TL_CHROME;
    if (words <= 16 && any_prefix(s, CHROME_PREFIX, COUNT(CHROME_PREFIX)) && !ends_sentence(s))
        return TL_CHROME;
    if (slice_starts_with_ci(s, "this article has been updated") ||
        slice_starts_with_ci(s, "this story has been updated") ||
        slice_starts_with_ci(s, "this story is developing") ||
        slice_starts_with_ci(s, "this is a developing story"))
        return TL_CHROME;
    if (words <= 6) {
        /* "5 min read", "3 minute read" */
        if (s.len > 8 && isdigit((unsigned char)s.ptr[0]) &&
            (slice_contains_ci(s, "min read") || slice_contains_ci(s, "minute read")))
            return TL_CHROME;
        if (is_social_line(s)) return TL_CHROME;
    }
    if (words == 1 && is_slug(s)) return TL_CHROME;
    if (words <= 5 && is_agency_credit(s)) return TL_CAPTION;
    if (words <= 4 && is_relative_time(s)) return TL_CHROME;
    if (words <= 2) {
        /* An all-capitals word or two with no lower case: a menu entry ("LATEST", "QIOSK"). */
        int lower = 0, alpha = 0;
        for (size_t i = 0; i < s.len; i++) {
            unsigned char c = (unsigned char)s.ptr[i];
            lower |= islower(c) || c >= 0x80;
            alpha += isalpha(c) != 0;
        }
        if (!lower && alpha >= 2) return TL_CHROME;
    }
    if (words <= 14 && !ends_sentence(s) && is_separated_labels(s)) return TL_SECTION;
    if (is_caption(s, words)) return TL_CAPTION;
    if (is_byline(s, words, name_off, name_len)) return TL_BYLINE;
    if (is_bio(s, words, name_off, name_len)) return TL_BIO;
    /* Sentences: final punctuation and a few words, or long enough that no headline is. A
     * question is a headline more often than a paragraph ("Did the US really ...?"). */
    if ((ends_sentence(s) && words >= 5 && !(s.ptr[s.len - 1] == '?' && words < 16)) ||
        words >= 18)
        return TL_PROSE;
    return TL_SHORT;
}

/* Does a physical line run on into the next (hard wrap): long, no final punctuation, and the
 * next line starts in lower case. (Not a digit: list headlines are followed by date lines.) */
static int runs_on(slice cur, slice next)
{
    if (cur.len < 40 || !next.len || ends_sentence(cur)) return 0;
    return islower((unsigned char)next.ptr[0]);
}

dossier_status text_lines_read(const char *text, size_t len, tline **out, size_t *n)
{
    size_t cap = 64, count = 0;
    tline *v = malloc(cap * sizeof *v);
    if (!v) return DOSSIER_ERR_NOMEM;
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        slice s = slice_trim(slice_make(text + pos, end - pos));
        size_t next = nl ? end + 1 : len;
        int joined = 0;
        /* join hard-wrapped lines */
        while (s.len && next < len) {
            const char *nl2 = memchr(text + next, '\n', len - next);
            size_t end2 = nl2 ? (size_t)(nl2 - text) : len;
            slice t = slice_trim(slice_make(text + next, end2 - next));
            if (!runs_on(s, t)) break;
            s.len = (size_t)(t.ptr + t.len - s.ptr);
            next = nl2 ? end2 + 1 : len;
            joined = 1;
        }
        if (count == cap) {
            cap *= 2;
            tline *w = realloc(v, cap * sizeof *v);
            if (!w) {
                free(v);
                return DOSSIER_ERR_NOMEM;
            }
            v = w;
        }
        tline *l = &v[count++];
        memset(l, 0, sizeof *l);
        l->text = s;
        l->src.start = s.len ? (size_t)(s.ptr - text) : pos;
        l->src.end = l->src.start + s.len;
        l->joined = joined;
        l->words = text_count_words(s);
        l->kind = text_line_classify(s, l->words, &l->name_off, &l->name_len);
        pos = next;
    }
    *out = v;
    *n = count;
    return DOSSIER_OK;
}
