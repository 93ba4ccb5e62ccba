/* lex.c - the tokenizer (see lex.h).
 *
 * A byte-level scanner: ASCII is classified by a switch, multi-byte UTF-8
 * sequences by their code point. Bytes that are not valid UTF-8 are treated as
 * letters, so bad input never stops the scan and never yields a number.
 */
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "util.h"

typedef enum cclass { C_SPACE, C_NEWLINE, C_LETTER, C_DIGIT, C_APOS, C_PUNCT } cclass;

/* Decodes one code point at p (before end); sets *len. Invalid: returns -1, *len 1. */
static long decode(const unsigned char *p, const unsigned char *end, size_t *len)
{
    *len = 1;
    if (p[0] < 0x80)
        return p[0];
    int n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
    if (n == 0 || p[0] > 0xF4 || end - p < n)
        return -1;
    long cp = p[0] & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *len = (size_t)n;
    return cp;
}

static cclass classify(long cp)
{
    if (cp < 0)
        return C_LETTER;
    if (cp == '\n')
        return C_NEWLINE;
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v')
        return C_SPACE;
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            return C_LETTER;
        if (cp >= '0' && cp <= '9')
            return C_DIGIT;
        if (cp == '\'')
            return C_APOS;
        return cp < 0x20 || cp == 0x7F ? C_SPACE : C_PUNCT;
    }
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
        return C_NEWLINE;
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
        cp == 0x3000 || cp == 0xFEFF || cp == 0x200B)
        return C_SPACE;
    if (cp == 0x2019)
        return C_APOS;
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return C_DIGIT; /* full-width digits */
    if ((cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x205E) ||
        (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x2BFF) ||
        (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
        (cp >= 0xFF1A && cp <= 0xFF20))
        return C_PUNCT;
    return C_LETTER;
}

/* Classes of ASCII bytes (S space, N newline, L letter, D digit, A apostrophe,
 * P punctuation), so the common case needs no decoding. */
#define S C_SPACE
#define N C_NEWLINE
#define L C_LETTER
#define D C_DIGIT
#define A C_APOS
#define P C_PUNCT
static const unsigned char ascii_class[128] = {
    S, S, S, S, S, S, S, S, S, S, N, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, P, P, P, P, P, P, A, P, P, P, P, P, P, P, P, D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, S,
};
#undef S
#undef N
#undef L
#undef D
#undef A
#undef P

typedef struct scanner {
    const unsigned char *p, *end;
} scanner;

static cclass peek(const scanner *s, size_t *len)
{
    if (s->p >= s->end) {
        *len = 0;
        return C_SPACE;
    }
    if (*s->p < 0x80) {
        *len = 1;
        return (cclass)ascii_class[*s->p];
    }
    return classify(decode(s->p, s->end, len));
}

/* Class of the character after the one at s->p (of length len). */
static cclass peek2(const scanner *s, size_t len)
{
    scanner t = {s->p + len, s->end};
    size_t l2;
    if (t.p >= t.end)
        return C_SPACE;
    return peek(&t, &l2);
}

static void scan_word(scanner *s)
{
    size_t len;
    for (;;) {
        /* Fast path: a run of ASCII letters. */
        while (s->p < s->end && *s->p < 0x80 && ascii_class[*s->p] == C_LETTER)
            s->p++;
        cclass c = peek(s, &len);
        if (c == C_LETTER)
            s->p += len;
        else if (c == C_APOS && peek2(s, len) == C_LETTER)
            s->p += len;
        else
            return;
    }
}

static void scan_number(scanner *s)
{
    size_t len;
    for (;;) {
        cclass c = peek(s, &len);
        if (c == C_DIGIT) {
            s->p += len;
        } else if (len == 1 && (*s->p == ',' || *s->p == '.') && peek2(s, 1) == C_DIGIT) {
            s->p += 1;
        } else {
            return;
        }
    }
}

fc_status fc_lex(const char *text, size_t start, size_t end, fc_toks *out)
{
    scanner s = {(const unsigned char *)text + start, (const unsigned char *)text + end};
    bool space = true, newline = true;
    int newlines = 2;
    while (s.p < s.end) {
        size_t len;
        cclass c = peek(&s, &len);
        if (c == C_SPACE || c == C_NEWLINE) {
            space = true;
            newline |= c == C_NEWLINE;
            newlines += c == C_NEWLINE;
            s.p += len;
            continue;
        }
        fc_tok t = {
            (size_t)((const char *)s.p - text), 0, 0, FC_TOK_PUNCT, space, newline, newlines >= 2};
        if (c == C_LETTER) {
            t.kind = FC_TOK_WORD;
            scan_word(&s);
        } else if (c == C_DIGIT) {
            t.kind = FC_TOK_NUM;
            scan_number(&s);
        } else {
            s.p += len;
        }
        t.end = (size_t)((const char *)s.p - text);
        t.hash = fc_lower_hash(text + t.start, t.end - t.start);
        if (fc_grow((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items) != FC_OK)
            return FC_ENOMEM;
        out->items[out->n++] = t;
        space = newline = false;
        newlines = 0;
    }
    return FC_OK;
}

uint32_t fc_lower_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        h = (h ^ ch) * 16777619u;
    }
    return h;
}

void fc_toks_free(fc_toks *toks)
{
    free(toks->items);
    toks->items = NULL;
    toks->n = toks->cap = 0;
}

char *fc_tok_lower(const char *text, const fc_tok *t, char *buf, size_t n)
{
    size_t len = t->end - t->start;
    if (len >= n)
        len = n - 1;
    for (size_t i = 0; i < len; i++) {
        char ch = text[t->start + i];
        buf[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    buf[len] = '\0';
    return buf;
}

bool fc_tok_is_capitalised(const char *text, const fc_tok *t)
{
    char ch = text[t->start];
    return t->kind == FC_TOK_WORD && ch >= 'A' && ch <= 'Z';
}

double fc_tok_number(const char *text, const fc_tok *t)
{
    return fc_tok_number_in(text, t, false);
}

/* Languages whose copy writes a decimal comma and groups thousands with dots
 * ("1.250 Personen", "6,3 Prozent"): ISO 639-1 codes. */
bool fc_lang_decimal_comma(const char *lang)
{
    static const char *const codes[] = {"bg", "ca", "cs", "da", "de", "el", "es", "et", "eu",
                                        "fi", "fr", "gl", "hr", "hu", "id", "is", "it", "lt",
                                        "lv", "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru",
                                        "sk", "sl", "sr", "sv", "tr", "uk", "vi"};
    if (!lang || strlen(lang) < 2 || (lang[2] && lang[2] != '-' && lang[2] != '_'))
        return false; /* "de", "de-CH", "de_AT" */
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        if (fc_ieq(lang, codes[i], 2))
            return true;
    return false;
}

double fc_tok_number_in(const char *text, const fc_tok *t, bool decimal_comma)
{
    /* Collect ASCII digits and the decimal mark, then convert with a
     * locale-independent loop (no strtod: the "C" locale is not guaranteed). */
    const char point = decimal_comma ? ',' : '.';
    double intpart = 0, frac = 0, scale = 1;
    bool in_frac = false;
    const unsigned char *p = (const unsigned char *)text + t->start;
    const unsigned char *end = (const unsigned char *)text + t->end;
    while (p < end) {
        int d = -1;
        if (*p >= '0' && *p <= '9') {
            d = *p - '0';
            p++;
        } else if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
            d = p[2] - 0x90;
            p += 3;
        } else {
            if (*p == point)
                in_frac = true;
            p++;
            continue;
        }
        if (in_frac) {
            scale /= 10;
            frac += d * scale;
        } else {
            intpart = intpart * 10 + d;
        }
    }
    return intpart + frac;
}
