/* extract_source.c - who says so, resolved across the document.
 *
 * A sentence names its source as it pleases: "the agency said", "MEPA scientists
 * found", "Natarajan said". The record gives the source by the name the document
 * introduced it with, found in the text before the claim:
 *   - an acronym ("MEPA", "FDSA scientists") -> the capitalised name written
 *     just before "(MEPA)" ("Midland Environmental Protection Agency (MEPA)");
 *   - a surname alone ("Natarajan") -> the latest "<Capitalised> Natarajan";
 *   - a common noun ("agency", "the department", "statistics office") -> the
 *     latest capitalised name holding those words ("Harlow Department of
 *     Finance", "Office for Regional Statistics").
 * Anything else is kept as written. The look-back is bounded (64 KiB), so the cost
 * stays linear in the document.
 */
#define _GNU_SOURCE /* memrchr, strchrnul */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_internal.h"

#define LOOKBACK (64 * 1024)

static bool upper(char ch)
{
    return ch >= 'A' && ch <= 'Z';
}

/* ch with a capital A-Z made small, as strncasecmp compares it. */
static char small(char ch)
{
    return upper(ch) ? (char)(ch - 'A' + 'a') : ch;
}

/* Whether any of the eight bytes at s is a capital letter A-Z: one test for all
 * eight (a byte of 0x80 or more is never counted). */
static bool upper8(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    const uint64_t ones = UINT64_C(0x0101010101010101), low7 = ones * 127, high = ones * 128;
    /* bit 7 of each byte set when the byte is within 'A'..'Z' */
    return ((ones * (127 + 'Z' + 1) - (x & low7)) & ~x & ((x & low7) + ones * (127 - ('A' - 1))) &
            high) != 0;
}

/* The bytes of a word: ASCII letters and digits, '-', '\'' and every byte of a
 * UTF-8 sequence (a table: it is asked of most bytes looked at). */
static const unsigned char word_bytes[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static bool word_char(char ch)
{
    return word_bytes[(unsigned char)ch];
}

/* Whether text[p, p + n) is a whole word. */
static bool whole(const char *t, size_t lo, size_t hi, size_t p, size_t n)
{
    return (p == lo || !word_char(t[p - 1])) && (p + n >= hi || !word_char(t[p + n]));
}

static bool joiner(const char *w, size_t n)
{
    return (n == 2 && (memcmp(w, "of", 2) == 0)) || (n == 3 && memcmp(w, "for", 3) == 0) ||
           (n == 3 && memcmp(w, "and", 3) == 0) || (n == 3 && memcmp(w, "the", 3) == 0) ||
           (n == 2 && memcmp(w, "on", 2) == 0);
}

/* Whether the text at w starts with the name of a day or a month ("on Monday"
 * is no part of a name). */
static bool day_or_month(const char *w, size_t n)
{
    static const char *const names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                        "Saturday", "Sunday", "January", "February", "March",
                                        "April", "May", "June", "July", "August", "September",
                                        "October", "November", "December"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        size_t m = strlen(names[k]);
        if (m <= n && memcmp(w, names[k], m) == 0 && (m == n || !word_char(w[m])))
            return true;
    }
    return false;
}

/* The capitalised name around the word at text[p, q): capitalised words and the
 * joiners between them ("Office for Regional Statistics"); [*from, *to). */
static void name_around(const char *t, size_t lo, size_t hi, size_t p, size_t q, size_t *from,
                        size_t *to)
{
    size_t a = p, b = q;
    for (;;) { /* back over " Word" or " of" */
        size_t e = a;
        if (e < lo + 2 || t[e - 1] != ' ')
            break;
        size_t s = e - 1;
        while (s > lo && word_char(t[s - 1]))
            s--;
        if (s == e - 1)
            break;
        if (upper(t[s])) {
            a = s;
        } else if (joiner(t + s, e - 1 - s) && s > lo + 1 && t[s - 1] == ' ') {
            /* a joiner only between capitalised words */
            size_t s2 = s - 1;
            while (s2 > lo && word_char(t[s2 - 1]))
                s2--;
            if (s2 >= s - 1 || !upper(t[s2]))
                break;
            a = s2;
        } else {
            break;
        }
    }
    for (;;) { /* on over "Word" or "of Word" */
        if (b + 1 >= hi || t[b] != ' ')
            break;
        size_t s = b + 1, e = s;
        while (e < hi && word_char(t[e]))
            e++;
        if (e == s)
            break;
        if (upper(t[s])) {
            b = e;
        } else if (joiner(t + s, e - s) && e + 5 < hi && t[e] == ' ' &&
                   memcmp(t + e + 1, "the ", 4) == 0 && upper(t[e + 5])) {
            size_t e2 = e + 5; /* "Court of Appeal for the Eastern Circuit" */
            while (e2 < hi && word_char(t[e2]))
                e2++;
            b = e2;
        } else if (joiner(t + s, e - s) && e + 1 < hi && t[e] == ' ' && upper(t[e + 1]) &&
                   !day_or_month(t + e + 1, hi - e - 1)) {
            size_t e2 = e + 1;
            while (e2 < hi && word_char(t[e2]))
                e2++;
            b = e2;
        } else {
            break;
        }
    }
    /* "The Harbor Water Authority" at the start of a sentence: the article is no
     * part of the name */
    static const char *const articles[] = {"The ", "A ", "An "};
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(articles[k]);
        if (b - a > n && strncmp(t + a, articles[k], n) == 0 && a + n < p + 1) {
            a += n;
            break;
        }
    }
    /* "The Orland County Health Department's clinic": the owner is the name */
    if (b >= a + 4 && t[b - 2] == '\'' && t[b - 1] == 's')
        b -= 2;
    else if (b >= a + 6 && memcmp(t + b - 4, "\xE2\x80\x99s", 4) == 0)
        b -= 4;
    *from = a;
    *to = b;
}

static char *copy(const char *t, size_t from, size_t to)
{
    char *s = malloc(to - from + 1);
    if (s) {
        memcpy(s, t + from, to - from);
        s[to - from] = '\0';
    }
    return s;
}

/* The name defined for acronym a: "Some Long Name (A)". */
static char *acronym_name(const char *t, size_t lo, size_t hi, const char *a, size_t n)
{
    for (size_t p = hi; p > lo + n + 2;) {
        const char *at = memrchr(t + lo + n + 2, ')', p - (lo + n + 2));
        if (!at)
            break;
        p = (size_t)(at - t);
        if (t[p - n - 1] != '(' || memcmp(t + p - n, a, n) != 0)
            continue;
        size_t end = p - n - 1; /* at "(" */
        if (end < lo + 2 || t[end - 1] != ' ')
            continue;
        size_t s = end - 1;
        while (s > lo && word_char(t[s - 1]))
            s--;
        if (!upper(t[s]))
            continue;
        size_t from, to;
        name_around(t, lo, hi, s, end - 1, &from, &to);
        if (to > end - 1)
            to = end - 1;
        if (from < s || to - from > n) /* a name of several words */
            return copy(t, from, to);
    }
    return NULL;
}

/* The latest capitalised name in text[lo, hi) holding word w (capitalised) and,
 * if given, word v too. */
static char *name_with(const char *t, size_t lo, size_t hi, const char *w, size_t n,
                       const char *v, size_t vn)
{
    if (w[0] < 'a' || w[0] > 'z')
        return NULL;
    const char cap = (char)(w[0] - 'a' + 'A'), second = small(w[1]);
    for (size_t p = hi; p > lo + n;) {
        const char *at = memrchr(t + lo + n, cap, p - (lo + n)); /* the fast part */
        if (!at)
            break;
        p = (size_t)(at - t);
        /* the second letter first: one compare rejects most (n is 3 or more) */
        if (small(t[p + 1]) != second || strncasecmp(t + p, w, n) != 0 || !whole(t, lo, hi, p, n))
            continue;
        size_t from, to;
        name_around(t, lo, hi, p, p + n, &from, &to);
        if (to - from <= n) /* the word alone: "Agency" is no name */
            continue;
        if (v) {
            bool has = false;
            for (size_t q = from; q + vn <= to && !has; q++)
                has = strncasecmp(t + q, v, vn) == 0 && whole(t, from, to, q, vn);
            if (!has)
                continue;
        }
        return copy(t, from, to);
    }
    return NULL;
}

/* "Natarajan" -> the latest "Priya Natarajan". */
static char *full_name(const char *t, size_t lo, size_t hi, const char *w, size_t n)
{
    for (size_t p = hi; p > lo + n + 2;) {
        const char *at = memrchr(t + lo + n + 2, w[0], p - (lo + n + 2));
        if (!at)
            break;
        p = (size_t)(at - t);
        if (memcmp(t + p, w, n) != 0 || !whole(t, lo, hi, p, n) ||
            t[p - 1] != ' ' || t[p - 2] == '.') /* not after a title: "Dr. Natarajan" */
            continue;
        size_t s = p - 1;
        while (s > lo && (isalpha((unsigned char)t[s - 1]) || t[s - 1] == '.' || t[s - 1] == '-'))
            s--;
        if (s < p - 1 && upper(t[s]) && (s == lo || !word_char(t[s - 1])))
            return copy(t, s, p + n);
    }
    return NULL;
}

char *fc_resolve_source(const ctx *c, const char *attr, size_t before)
{
    const char *t = c->text;
    size_t lo = c->doc->body, hi = before;
    if (hi > lo + LOOKBACK)
        lo = hi - LOOKBACK;
    if (hi <= lo)
        return NULL;
    if ((attr[0] == 't' || attr[0] == 'T') && strncmp(attr + 1, "he ", 3) == 0)
        attr += 4;
    /* the owner of a possessive: "the trust's figures" -> "trust", "the fire
     * department's figures" -> "fire department" (most attributions have no
     * apostrophe: one search says so) */
    char own[64];
    const char *pos = NULL;
    /* most attributions are one word with no apostrophe: one search says so */
    size_t len = strcspn(attr, " '\xE2");
    bool one_word = !attr[len];
    if (!one_word && strpbrk(attr, "'\xE2")) {
        pos = strstr(attr, "'s ");
        if (!pos)
            pos = strstr(attr, "\xE2\x80\x99s ");
    }
    if (pos && !upper(attr[0]) && (size_t)(pos - attr) < sizeof own) {
        memcpy(own, attr, (size_t)(pos - attr));
        own[pos - attr] = '\0';
        attr = own;
    }
    size_t n = one_word ? len : (size_t)(strchrnul(attr, ' ') - attr); /* its first word */
    /* an acronym, alone or before a noun ("MEPA scientists") */
    bool caps = n >= 2 && n <= 8;
    for (size_t k = 0; k < n && caps; k++)
        caps = upper(attr[k]);
    if (caps)
        return acronym_name(t, lo, hi, attr, n);
    if (!attr[n] && upper(attr[0]) && n >= 3) { /* one capitalised word: a surname, or a
                                                  word of a longer name ("Justice") */
        char *full = full_name(t, lo, hi, attr, n);
        if (!full) {
            char w[64];
            if (n < sizeof w) {
                for (size_t k = 0; k < n; k++)
                    w[k] = (char)tolower((unsigned char)attr[k]);
                w[n] = '\0';
                full = name_with(t, lo, hi, w, n, NULL, 0);
            }
        }
        return full;
    }
    if (upper(attr[0]))
        return NULL; /* a name written in full */
    /* common nouns: the last one is the head ("statistics office") */
    const char *last = one_word ? NULL : strrchr(attr, ' ');
    const char *head = last ? last + 1 : attr;
    size_t hn = one_word ? len : strlen(head);
    if (hn < 4)
        return NULL;
    return name_with(t, lo, hi, head, hn, last ? attr : NULL, last ? n : 0);
}

/* ---- the sources of a document's sentences ------------------------------- */

/* A word of the lists below, and its length. */
typedef struct word {
    const char *s;
    size_t n;
} word;
#define W(x) {x, sizeof x - 1}

/* A list of lowercase words by their first letter: row k holds the words of
 * letter 'a' + k, then empty entries (n 0). A row holds at most
 * WORDS_PER_LETTER words (more: the compiler warns of excess elements). */
#define WORDS_PER_LETTER 8
typedef word word_list[26][WORDS_PER_LETTER];
#define LETTER(ch, ...) [(ch) - 'a'] = {__VA_ARGS__}

/* Whether w[0, n) is a word of list, ASCII letters of any case: the words of
 * its first letter, compared by length first. */
static bool in_words(const word_list *list, const char *w, size_t n)
{
    if (n == 0)
        return false;
    unsigned char first = (unsigned char)(w[0] >= 'A' && w[0] <= 'Z' ? w[0] + 32 : w[0]);
    if (first < 'a' || first > 'z') /* every word of the lists starts with one */
        return false;
    const word *row = (*list)[first - 'a'];
    for (size_t k = 0; k < WORDS_PER_LETTER && row[k].n; k++) {
        if (row[k].n != n)
            continue;
        size_t i = 1;
        while (i < n && (w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]) == row[k].s[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

/* Words of organisations' names: a name holding one is no person's. By first
 * letter and length, as they are asked of most capitalised words of a
 * document: cell [k][n] holds the words of n bytes that start with 'a' + k,
 * then NULLs. */
#define ORG_WORD_MAX 15 /* "pharmaceuticals" */
#define ORG_WORDS_PER_CELL 4
/* The cell of words of the letter ch and of the length of the first of them
 * (the others are as long) */
#define FIRST_(x, ...) x
#define WORDS(ch, ...) [(ch) - 'a'][sizeof FIRST_(__VA_ARGS__, 0) - 1] = {__VA_ARGS__}
static const char *const org_words[26][ORG_WORD_MAX + 1][ORG_WORDS_PER_CELL] = {
    WORDS('a', "agency"), WORDS('a', "academy"), WORDS('a', "airlines", "alliance"),
           WORDS('a', "authority"), WORDS('a', "association"),
    WORDS('b', "bank"), WORDS('b', "board"), WORDS('b', "bureau"),
    WORDS('c', "city", "club"), WORDS('c', "court"), WORDS('c', "center", "centre", "county"),
           WORDS('c', "capital", "college", "company", "council"),
           WORDS('c', "coalition", "committee"), WORDS('c', "commission"),
           WORDS('c', "corporation"),
    WORDS('d', "data"), WORDS('d', "daily"), WORDS('d', "district"), WORDS('d', "department"),
    WORDS('e', "energy"), WORDS('e', "electric"),
    WORDS('f', "fund"), WORDS('f', "forum"), WORDS('f', "federal"),
           WORDS('f', "federation", "foundation"),
    WORDS('g', "group"), WORDS('g', "global"),
    WORDS('h', "health"), WORDS('h', "holdings", "hospital"), WORDS('h', "hospitals"),
    WORDS('i', "inc."), WORDS('i', "institute"), WORDS('i', "industries"),
           WORDS('i', "international"),
    WORDS('j', "journal"),
    WORDS('l', "line"), WORDS('l', "league"), WORDS('l', "laboratory"),
    WORDS('m', "media"), WORDS('m', "motors"), WORDS('m', "metrics"), WORDS('m', "ministry"),
    WORDS('n', "news"), WORDS('n', "network"), WORDS('n', "national"),
    WORDS('o', "office"), WORDS('o', "observatory"),
    WORDS('p', "post"), WORDS('p', "party", "power", "press"), WORDS('p', "police"),
           WORDS('p', "project"), WORDS('p', "partners"), WORDS('p', "provincial"),
           WORDS('p', "pharmaceuticals"),
    WORDS('r', "reserve"), WORDS('r', "regional", "research"),
    WORDS('s', "state"), WORDS('s', "school", "stores", "survey"),
           WORDS('s', "schools", "service", "society", "systems"), WORDS('s', "services"),
           WORDS('s', "securities"), WORDS('s', "semiconductor"),
    WORDS('t', "times", "trust"),
    WORDS('u', "union"), WORDS('u', "university"),
    WORDS('w', "watch", "water"), WORDS('w', "weekly"),
};

static bool org_word(const char *w, size_t n)
{
    /* a word shorter than the shortest of the list ("bank", "inc.": 4 bytes) is
     * none of it */
    if (n < 4 || n > ORG_WORD_MAX)
        return false;
    unsigned char first = (unsigned char)small(w[0]);
    if (first < 'a' || first > 'z')
        return false;
    const char *const *cell = org_words[first - 'a'][n];
    for (size_t k = 0; k < ORG_WORDS_PER_CELL && cell[k]; k++) {
        size_t i = 1;
        while (i < n && small(w[i]) == cell[k][i])
            i++;
        if (i == n && !cell[k][n]) /* all n bytes, and the word ends there */
            return true;
    }
    return false;
}

/* Whether a resolved source reads as a person's name: two to four capitalised
 * words ("Priya Natarajan", "Kim Joo-young"), no acronym, no joiner, no word of
 * an organisation's name. */
static bool person_name(const char *s)
{
    size_t words = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t n = strcspn(p, " ");
        if (!upper(p[0]) || (n >= 2 && upper(p[1])) || org_word(p, n) || joiner(p, n))
            return false;
        words++;
        p += n;
    }
    return words >= 2 && words <= 3;
}

static void named_free(fc_named *e)
{
    /* most entries have no resolved name, and the ring's first turn no entry:
     * a test is cheaper than a call of free(NULL) */
    if (e->written)
        free(e->written);
    if (e->resolved)
        free(e->resolved);
    memset(e, 0, sizeof *e);
}

/* The source entry e stands for, resolved on first use; NULL on no memory. */
static const char *named_get(const ctx *c, fc_named *e)
{
    if (!e->done) {
        e->resolved = fc_resolve_source(c, e->written, e->before);
        e->done = true;
        e->person = -1;
    }
    return e->resolved ? e->resolved : e->written;
}

/* The k-th latest entry (0: the latest), or NULL. */
static fc_named *recent(ctx *c, size_t k)
{
    if (k >= c->sources.n || k >= FC_RECENT_SOURCES)
        return NULL;
    return &c->sources.recent[(c->sources.n - 1 - k) % FC_RECENT_SOURCES];
}

/* The latest person (person) or organisation (!person) named. */
static fc_named *latest(ctx *c, bool person)
{
    for (size_t k = 0;; k++) {
        fc_named *e = recent(c, k);
        if (!e)
            return NULL;
        if (e->common)
            continue;
        const char *name = named_get(c, e);
        if (e->person < 0)
            e->person = (signed char)person_name(name);
        if ((bool)e->person == person)
            return e;
    }
}

static void push(ctx *c, char *written, char *resolved)
{
    fc_named *e = &c->sources.recent[c->sources.n % FC_RECENT_SOURCES];
    named_free(e);
    e->written = written;
    e->before = tok(c, c->sent.from)->start;
    e->paragraph = c->sources.paragraph;
    if (resolved) {
        e->resolved = resolved;
        e->done = true;
        e->person = -1;
    }
    c->sources.n++;
}

/* Whether the sentence opens on a change of topic ("Separately,", "Meanwhile,",
 * "Elsewhere,", "In other news"): the paragraph's source stops there. */
static bool topic_break(const ctx *c)
{
    size_t i = c->sent.from;
    char ch = (char)(c->text[tok(c, i)->start] | 0x20);   /* a capital as its small letter */
    if (ch != 's' && ch != 'm' && ch != 'e' && ch != 'i') /* most sentences: one test */
        return false;
    if ((is_word(c, i, "separately") || is_word(c, i, "meanwhile") ||
         is_word(c, i, "elsewhere")) &&
        is_punct(c, i + 1, ","))
        return true;
    return is_word(c, i, "in") &&
           ((is_word(c, i + 1, "other") &&
             (is_word(c, i + 2, "news") || is_word(c, i + 2, "developments"))) ||
            (is_word(c, i + 1, "a") && is_word(c, i + 2, "separate")));
}

/* Whether the sentence opens on a source noun with no speaker ("The survey
 * sampled 412 sites", "The study, published on Wednesday, says"): the work of
 * the organisation named before. */
static bool opens_on_source_noun(const ctx *c)
{
    size_t i = c->sent.from;
    char ch = c->text[tok(c, i)->start];
    if (ch != 'T' && ch != 't' && ch != 'I' && ch != 'i')
        return false;
    if (!(is_word(c, i, "the") || is_word(c, i, "this") || is_word(c, i, "its")))
        return false;
    return list_at(c, &c->r->attr_nouns, i + 1) == 1 || is_word(c, i + 1, "team");
}

/* People named by their role, who speak for the organisation they are at
 * ("forecasters at the Valley Weather Service", "officials"). */
static const word_list roles = {
    LETTER('a', W("analysts"), W("authorities")),
    LETTER('e', W("economists"), W("experts")),
    LETTER('f', W("forecasters")),
    LETTER('i', W("investigators")),
    LETTER('o', W("officials"), W("organisers"), W("organizers")),
    LETTER('p', W("police"), W("prosecutors")),
    LETTER('r', W("researchers")),
    LETTER('s', W("scientists"), W("spokesman"), W("spokesperson"), W("spokeswoman"), W("staff")),
};

/* Nouns that refer back to an organisation named before ("the company said"),
 * besides the roles that speak for one and the source nouns of the rules. */
static const word_list back_nouns = {
    LETTER('a', W("agency"), W("association"), W("authority")),
    LETTER('b', W("board"), W("bureau")),
    LETTER('c', W("center"), W("centre"), W("charity"), W("club"), W("commission"), W("company"),
           W("council")),
    LETTER('d', W("department")),
    LETTER('f', W("firm"), W("foundation")),
    LETTER('g', W("group")),
    LETTER('i', W("institute")),
    LETTER('m', W("ministry")),
    LETTER('n', W("network")),
    LETTER('o', W("observatory"), W("office"), W("organisation"), W("organization")),
    LETTER('p', W("project")),
    LETTER('r', W("regulator")),
    LETTER('s', W("service")),
    LETTER('t', W("team"), W("trust")),
    LETTER('u', W("union"), W("university")),
    LETTER('w', W("watchdog")),
};

/* Public bodies: "the fisheries board" is a body of its own, met only by a name
 * with its noun (not "the software maker", which any company may be). */
static const word_list bodies = {
    LETTER('a', W("agency"), W("authority")),
    LETTER('b', W("board"), W("bureau")),
    LETTER('c', W("commission"), W("committee"), W("council"), W("court")),
    LETTER('d', W("department")),
    LETTER('m', W("ministry")),
    LETTER('o', W("office")),
    LETTER('r', W("regulator")),
    LETTER('s', W("service")),
    LETTER('w', W("watchdog")),
};

/* Roles of people who speak for others in their own right: found only with the
 * organisation they were introduced with ("analysts at Corbett Securities"). */
static const word_list own_roles = {
    LETTER('a', W("analysts")),
    LETTER('e', W("economists"), W("experts")),
};

static bool role_word(const char *w, size_t n)
{
    /* a word shorter than the shortest role ("staff") or longer than the
     * longest ("investigators") is none: most words, one test */
    return n >= 5 && n <= 13 && in_words(&roles, w, n);
}

/* The organisation named after the role w[0, n) at text[p] ("forecasters at
 * the Valley Weather Service", "organisers of Lakeshore Running Events"), the
 * role written in any case and a whole word of text[lo, hi); NULL when none. */
static char *role_at(const char *t, size_t lo, size_t hi, size_t p, const char *w, size_t n)
{
    /* the first two letters first: one compare rejects most */
    if ((t[p] | 0x20) != w[0] || (t[p + 1] | 0x20) != w[1] || strncasecmp(t + p, w, n) != 0 ||
        !whole(t, lo, hi, p, n))
        return NULL;
    size_t q = p + n;
    static const char *const links[] = {" at ", " of ", " from ", " with ", " for "};
    size_t ln = 0;
    for (size_t k = 0; k < 5 && !ln; k++)
        if (q + strlen(links[k]) < hi && memcmp(t + q, links[k], strlen(links[k])) == 0)
            ln = strlen(links[k]);
    if (!ln)
        return NULL;
    q += ln;
    if (q + 4 < hi && memcmp(t + q, "the ", 4) == 0)
        q += 4;
    if (q >= hi || !upper(t[q]))
        return NULL;
    size_t e = q;
    while (e < hi && word_char(t[e]))
        e++;
    size_t from, to;
    name_around(t, lo, hi, q, e, &from, &to);
    if (from < q)
        from = q;
    return to > from ? copy(t, from, to) : NULL;
}

/* The place in w[0, n) (lowercase letters) of its rarest letter in English. */
static size_t rarest_letter(const char *w, size_t n)
{
    /* each letter's place in "zqxjkvbpygfwmucldrhsnioate", rarest first */
    static const unsigned char rarity[26] = {23, 6,  14, 16, 25, 10, 9,  18, 21, 3, 4, 15, 12,
                                             20, 22, 7,  1,  17, 19, 24, 13, 5,  11, 2, 8, 0};
    size_t best = 0;
    unsigned char best_rank = rarity[w[0] - 'a'];
    for (size_t k = 1; k < n; k++) {
        unsigned char rank = rarity[w[k] - 'a'];
        if (rank < best_rank) {
            best = k;
            best_rank = rank;
        }
    }
    return best;
}

/* The organisation a role was introduced with before offset hi: "organisers at
 * Lakeshore Running Events", "forecasters at the Valley Weather Service";
 * NULL when none. w is a role: lowercase letters. */
static char *role_source(const ctx *c, const char *w, size_t n, size_t hi)
{
    const char *t = c->text;
    size_t lo = c->doc->body;
    if (hi > lo + 4096) /* a role is introduced near where it is used */
        lo = hi - 4096;
    if (hi <= lo + n)
        return NULL;
    /* The places p in [lo + n, hi) where the role may start, latest first, are
     * found by its rarest letter (at p + j, in either case): few places have it.
     * The last j places, whose letter would be at hi or after, are tried one by
     * one. */
    size_t j = rarest_letter(w, n);
    char *name = NULL;
    size_t p = hi, top = hi - (lo + n) > j ? hi - j : lo + n;
    while (p > top && !name)
        if ((t[--p] | 0x20) == w[0]) /* most places: one test */
            name = role_at(t, lo, hi, p, w, n);
    /* The last small and the last capital letter before p + j: two fast
     * searches, not a test per byte; each is searched for again only once p
     * has passed it (the rarer capital is not looked for again over the whole
     * look-back each time). */
    const char low = w[j], cap = (char)(low - 32);
    const size_t from = lo + n + j; /* the letter of the place lo + n */
    const char *a = t + p + j, *b = a;
    while (!name && p > lo + n) {
        if (a && a >= t + p + j)
            a = memrchr(t + from, low, p + j - from);
        if (b && b >= t + p + j)
            b = memrchr(t + from, cap, p + j - from);
        if (!a && !b)
            break;
        p = (size_t)((!a ? b : !b ? a : a > b ? a : b) - t) - j;
        if ((t[p] | 0x20) == w[0]) /* most places: one test */
            name = role_at(t, lo, hi, p, w, n);
    }
    return name;
}

/* The name of two or more capitalised words that opens the sentence, before its
 * attribution: "Teravolt Semiconductor will build a plant, the company said". */
static char *name_in_sentence(const ctx *c)
{
    size_t hi = c->about.attr_to > c->about.attr_from ? c->about.attr_from : c->sent.from;
    size_t s = c->sent.from;
    /* ("At Corliss, 71 cars ..., the railroad said": a place the sentence opens
     * with names no company) */
    /* (by first letter: the word is compared with the few of its letter) */
    static const word_list preps = {
        LETTER('a', W("at"), W("across"), W("after"), W("around")),
        LETTER('b', W("before"), W("by")),
        LETTER('d', W("during")),
        LETTER('f', W("from"), W("for")),
        LETTER('i', W("in"), W("inside")),
        LETTER('n', W("near")),
        LETTER('o', W("on"), W("outside"), W("over")),
        LETTER('t', W("throughout")),
        LETTER('u', W("under")),
        LETTER('w', W("with")),
    };
    const fc_tok *t0 = tok(c, s);
    if (s < c->sent.to && t0->kind == FC_TOK_WORD &&
        in_words(&preps, c->text + t0->start, t0->end - t0->start))
        return NULL;
    if (is_word(c, s, "the"))
        s++;
    size_t e = s;
    while (e < hi && tok(c, e)->kind == FC_TOK_WORD && fc_tok_is_capitalised(c->text, tok(c, e)))
        e++;
    if (e < s + 2)
        return NULL;
    /* ("The Orland County Health Department's clinic": the owner) */
    size_t to = tok(c, e - 1)->end;
    const char *t = c->text;
    if (to >= tok(c, s)->start + 4 && t[to - 2] == '\'' && t[to - 1] == 's')
        to -= 2;
    else if (to >= tok(c, s)->start + 6 && memcmp(t + to - 4, "\xE2\x80\x99s", 4) == 0)
        to -= 4;
    return copy(t, tok(c, s)->start, to);
}

/* Whether the sentence text[from, to) names someone: a capitalised word after
 * its first ("Union leader Craig Banerjee"), or a role ("State officials"). */
static bool names_someone(const char *t, size_t from, size_t to)
{
    for (size_t p = from; p < to;) {
        while (p < to && !isalpha((unsigned char)t[p]))
            p++;
        size_t q = p;
        while (q < to && word_char(t[q]))
            q++;
        if (q > p && ((p > from && upper(t[p])) || role_word(t + p, q - p)))
            return true;
        p = q;
    }
    return false;
}

/* The paragraph's first source covers the figures before it with no source, back
 * to a sentence that names someone (it may be theirs). Called rarely: once a
 * paragraph, when its first source comes after figures. */
static fc_status fill_back(ctx *c, const char *source)
{
    size_t k = c->sent_first;
    size_t sentence = (size_t)-1;
    while (k-- > c->sources.para_claim && k < c->out->n) {
        fc_claim *cl = &c->out->items[k];
        if (cl->sentence != sentence) {
            sentence = cl->sentence;
            if (names_someone(c->text, cl->sentence_start, cl->sentence_end))
                break;
        }
        if (!cl->attribution && !(cl->attribution = fc_strdup(source)))
            return FC_ENOMEM;
    }
    return FC_OK;
}

/* Whether the word of org_words at text[p, q) is in an organisation's name
 * ("Harlow Department of Finance"); notes the name (c->sources.text_org) if
 * so. */
static bool org_name_at(ctx *c, size_t lo, size_t hi, size_t p, size_t q)
{
    const char *t = c->text;
    size_t from, to;
    name_around(t, lo, hi, p, q, &from, &to);
    if (to - from <= q - p)
        return false;
    char *name = copy(t, from, to);
    if (name) {
        free(c->sources.text_org);
        c->sources.text_org = name;
    }
    return true;
}

/* Whether an organisation's name has a word of org_words starting at text[p]
 * (in text[lo, hi)); notes it if so. The word is known to run at least to q
 * (p: not known). Small, to be inlined: it is asked of most capitals. */
static inline bool org_at(ctx *c, size_t lo, size_t hi, size_t p, size_t q)
{
    const char *t = c->text;
    if (!upper(t[p]) || (p > lo && word_char(t[p - 1])))
        return false;
    while (q < hi && word_char(t[q]))
        q++;
    return org_word(t + p, q - p) && org_name_at(c, lo, hi, p, q);
}

/* The latest name of an organisation ("Harlow Department of Finance") in the
 * text before the current sentence, for "officials said" when no source was
 * noted before; NULL when none. Each byte is looked at once a document: the
 * text already looked at is remembered with what was found in it. */
static const char *org_in_text(ctx *c)
{
    const char *t = c->text;
    size_t hi = tok(c, c->sent.from)->start, lo = c->doc->body;
    if (hi > lo + 4096)
        lo = hi - 4096;
    if (c->sources.text_org_to > lo)
        lo = c->sources.text_org_to;
    /* A capital after a space or a punctuation mark starts a token: the block's
     * tokens are looked at, latest first, not its bytes. */
    bool found = false;
    const fc_tok *toks = c->toks.items, *k = toks + c->sent.from;
    /* the first token after lo, found by halves: the loop tests less a token */
    size_t a = 0, b = c->sent.from;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (toks[mid].start > lo)
            b = mid;
        else
            a = mid + 1;
    }
    size_t p = hi;
    while (k > toks + a) {
        p = (--k)->start;
        /* Most tokens: one test. A token that starts with a letter is word
         * bytes only: the word runs to its end at least, and ends there, too
         * short for org_words, when shorter than four bytes and followed by
         * no word byte. */
        if (upper(t[p]) && (k->end - p >= 4 || word_char(t[k->end])) &&
            org_at(c, lo, hi, p, k->end)) {
            found = true;
            break;
        }
    }
    /* Below them: lo itself (the look-back may start inside a word), and when
     * the look-back reaches the text before the block, that text eight bytes
     * at a time (those with no capital are passed in one test). */
    if (!found && k > toks) {
        found = p > lo && org_at(c, lo, hi, lo, lo);
        p = lo;
    }
    while (!found && p > lo) {
        size_t from = p >= lo + 8 ? p - 8 : p - 1;
        if (p - from == 8 && !upper8(t + from)) {
            p = from;
            continue;
        }
        while (p > from && !found) {
            p--;
            found = org_at(c, lo, hi, p, p);
        }
    }
    if (hi > c->sources.text_org_to)
        c->sources.text_org_to = hi;
    return c->sources.text_org;
}

/* Whether w[0, n) is lower[0, n) (letters) in any case: a letter with bit 5
 * set is the small one, and no other byte is made so. */
static bool same_letters(const char *w, const char *lower, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if ((w[k] | 0x20) != lower[k])
            return false;
    return true;
}

/* Whether w (n bytes) is a pronoun; *person: "he" or "she". */
static bool pronoun(const char *w, size_t n, bool *person)
{
    *person = (n == 2 && same_letters(w, "he", 2)) || (n == 3 && same_letters(w, "she", 3));
    return *person || (n == 2 && same_letters(w, "it", 2)) ||
           (n == 4 && same_letters(w, "they", 4));
}

/* w past its article "the " (in any case), if it has one. */
static const char *after_the(const char *w)
{
    return same_letters(w, "the", 3) && w[3] == ' ' ? w + 4 : w;
}

/* Whether name has the word w[0, n) (ASCII case-insensitive), whole. */
static bool has_word(const char *name, const char *w, size_t n)
{
    for (const char *p = name; n && *p; p++)
        if ((p == name || p[-1] == ' ') && fc_ieq(p, w, n) &&
            (p[n] == '\0' || p[n] == ' '))
            return true;
    return false;
}

fc_status fc_source_sentence(ctx *c, char *written, bool resolve)
{
    const fc_tok *first = tok(c, c->sent.from);
    if (first->blank_before || !c->sources.started) {
        c->sources.paragraph++;
        c->sources.para_claim = c->sent_first;
        c->sources.para_named = c->sources.n;
        c->sources.started = true;
    }
    if (topic_break(c)) {
        c->sources.floor = c->sources.n;
        c->sources.para_claim = c->sent_first;
        c->sources.para_named = c->sources.n;
    }
    c->about.source = NULL;
    bool implied = !written && opens_on_source_noun(c);
    if (implied && !(written = fc_strdup("the report")))
        return FC_ENOMEM;
    if (written) {
        /* its length, its last word and its first "'s ", in one pass */
        const char *head = written, *own = NULL, *end = written;
        for (; *end; end++) {
            if (*end == ' ') {
                head = end + 1;
                if (!own && end >= written + 2 && end[-2] == '\'' && end[-1] == 's')
                    own = end - 2;
            }
        }
        bool person;
        if (pronoun(written, (size_t)(end - written), &person)) {
            /* "she said": the person named last; "it said": the paragraph's
             * source, else the organisation named last */
            free(written);
            fc_named *e = person ? latest(c, true) : NULL;
            if (!person) {
                fc_named *p = recent(c, 0);
                e = p && p->paragraph == c->sources.paragraph && c->sources.n > c->sources.floor
                        ? p
                        : latest(c, false);
            }
            if (!e)
                return FC_OK;
            /* noted again, as this paragraph's source */
            char *name = fc_strdup(named_get(c, e));
            signed char is_person = e->person;
            if (!name)
                return FC_ENOMEM;
            push(c, name, NULL);
            e = recent(c, 0);
            e->done = true;
            e->person = is_person;
            c->about.source = named_get(c, e);
            return FC_OK;
        }
        /* a common noun: "officials", "the company", "the report", "Forecasters" */
        size_t hn = (size_t)(end - head);
        if (own) { /* "the company's permit filing" */
            head = own;
            while (head > written && head[-1] != ' ')
                head--;
            hn = (size_t)(own - head);
        }
        bool role = role_word(head, hn);
        bool common = !upper(written[0]) || role;
        char *resolved = NULL;
        if (role) {
            char lw[16]; /* roles are short */
            for (size_t k = 0; k < hn && k < sizeof lw; k++)
                lw[k] = (char)tolower((unsigned char)head[k]);
            resolved = role_source(c, lw, hn, first->start);
        }
        bool looked_up = false; /* fc_resolve_source was asked, and found nothing */
        if (!resolved && (resolve || common)) {
            resolved = fc_resolve_source(c, written, first->start);
            looked_up = !resolved;
        }
        /* "the company said": the name in the sentence; "according to the
         * fisheries board": a public body with words of its own is only a name
         * that has its noun ("Harrow Bay" in "The Harrow Bay cod catch" is no
         * board) */
        if (!resolved && common) {
            const char *w0 = after_the(written);
            resolved = name_in_sentence(c);
            if (resolved && head > w0 && !own && in_words(&bodies, head, hn) &&
                !has_word(resolved, head, hn)) {
                free(resolved);
                resolved = NULL;
            }
        }
        /* the lists asked last, and only for a common noun with no name yet */
        bool refers_back =
            !resolved && common &&
            (implied ||
             (c->about.attr_to > c->about.attr_from &&
              list_at(c, &c->r->attr_nouns, c->about.attr_to - 1)) ||
             (role && !in_words(&own_roles, head, hn)) ||
             in_words(&back_nouns, head, hn));
        if (refers_back) {
            /* "officials said", "the company said", "the report found": the
             * organisation named last */
            fc_named *e = latest(c, false);
            /* "the trade ministry" names a body of its own: it refers back only
             * to a name that has its noun ("the health department", the
             * "Kessler County Health Department"), not to the Commerce
             * Department named before */
            const char *w0 = after_the(written);
            bool own_words = head > w0;
            if (e && own_words && !has_word(named_get(c, e), head, hn))
                e = NULL;
            if (e && !(resolved = fc_strdup(named_get(c, e)))) {
                free(written);
                return FC_ENOMEM;
            }
            const char *org = e ? NULL : org_in_text(c);
            if (org && own_words && !has_word(org, head, hn))
                org = NULL;
            if (org && !(resolved = fc_strdup(org))) {
                free(written);
                return FC_ENOMEM;
            }
        }
        if (!resolved && common &&
            (implied || (c->about.attr_to > c->about.attr_from &&
                                      list_at(c, &c->r->attr_nouns, c->about.attr_to - 1)))) {
            free(written); /* a report with nobody behind it ("drug trial shows"): none */
            return FC_OK;
        }
        bool first_named = c->sources.n == c->sources.para_named;
        push(c, written, resolved);
        fc_named *e = recent(c, 0);
        e->common = common && !resolved;
        if (!resolved && looked_up) { /* named_get would look it up again, in vain */
            e->done = true;
            e->person = -1;
        }
        if (resolve || resolved)
            c->about.source = named_get(c, e);
        /* The first source a paragraph names covers the figures before it in the
         * paragraph too: "Most of the cases are in 12 states. About 92% were
         * unvaccinated, the FDSA said." */
        if (first_named && !implied && c->sources.para_claim < c->sent_first)
            return fill_back(c, named_get(c, e));
        return FC_OK;
    }
    /* A paragraph speaks with one voice until it names another or changes the
     * subject: a sentence that names no source takes the one named before it in
     * its paragraph. */
    fc_named *e = recent(c, 0);
    if (e && e->paragraph == c->sources.paragraph && c->sources.n > c->sources.floor && resolve)
        c->about.source = named_get(c, e);
    return FC_OK;
}

const char *fc_source_clause(ctx *c, char *written)
{
    char *resolved = fc_resolve_source(c, written, tok(c, c->sent.from)->start);
    push(c, written, resolved);
    fc_named *e = recent(c, 0);
    e->done = true; /* looked up, found or not: named_get need not look again */
    e->person = -1;
    return named_get(c, e);
}

void fc_sources_free(ctx *c)
{
    for (size_t k = 0; k < FC_RECENT_SOURCES && k < c->sources.n; k++) /* the others: unused */
        named_free(&c->sources.recent[k]);
    free(c->sources.text_org);
    free(c->attr_words);
}
