/* lex.c - the tokenizer (see lex.h).
 *
 * A byte-level scanner: ASCII is classified by one table load, multi-byte UTF-8
 * sequences by their code point. Bytes that are not valid UTF-8 are treated as
 * letters, so bad input never stops the scan and never yields a number.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "util.h"

/* C_UTF8: a byte that starts (or continues) a multi-byte sequence, to decode. */
typedef enum cclass { C_SPACE, C_NEWLINE, C_LETTER, C_DIGIT, C_APOS, C_PUNCT, C_UTF8 } cclass;

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
    /* A byte that is no UTF-8 (Latin-1 copy: "\xa3300" for "£300") stands
     * apart, so the figure glued to it is read */
    if (cp < 0)
        return C_PUNCT;
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

/* Classes of bytes (S space, N newline, L letter, D digit, A apostrophe,
 * P punctuation, U part of a multi-byte character), so that ASCII, the common
 * case, needs no decoding and one table load tells an ASCII letter. */
#define S C_SPACE
#define N C_NEWLINE
#define L C_LETTER
#define D C_DIGIT
#define A C_APOS
#define P C_PUNCT
#define U C_UTF8
#define U16 U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U
static const unsigned char byte_class[256] = {
    S,   S,   S,   S,   S,   S,   S,   S,   S, S, N, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S,   S,   S,   S,   S,   S,   S,   S,   S, P, P, P, P, P, P, A, P, P, P, P, P, P, P, P,
    D,   D,   D,   D,   D,   D,   D,   D,   D, D, P, P, P, P, P, P, P, L, L, L, L, L, L, L,
    L,   L,   L,   L,   L,   L,   L,   L,   L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
    P,   L,   L,   L,   L,   L,   L,   L,   L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L,   L,   L,   P,   P,   P,   P,   S,   U16, U16, U16, U16, U16, U16, U16, U16,
};
#undef S
#undef N
#undef L
#undef D
#undef A
#undef P
#undef U
#undef U16

/* Each byte with ASCII letters lowercased: what fc_lower_hash hashes. */
#define F(c) (unsigned char)((c) >= 'A' && (c) <= 'Z' ? (c) - 'A' + 'a' : (c))
#define F4(c) F(c), F(c + 1), F(c + 2), F(c + 3)
#define F16(c) F4(c), F4(c + 4), F4(c + 8), F4(c + 12)
#define F64(c) F16(c), F16(c + 16), F16(c + 32), F16(c + 48)
static const unsigned char fold[256] = {F64(0), F64(64), F64(128), F64(192)};
#undef F64
#undef F16
#undef F4
#undef F

/* ASCII letters lowercased, every other byte 0: one load both tells a letter
 * and gives what the hash takes of it. */
#define F(c) \
    (unsigned char)((c) >= 'A' && (c) <= 'Z' ? (c) - 'A' + 'a' : (c) >= 'a' && (c) <= 'z' ? (c) : 0)
#define F4(c) F(c), F(c + 1), F(c + 2), F(c + 3)
#define F16(c) F4(c), F4(c + 4), F4(c + 8), F4(c + 12)
#define F64(c) F16(c), F16(c + 16), F16(c + 32), F16(c + 48)
static const unsigned char letter_fold[256] = {F64(0), F64(64), F64(128), F64(192)};
#undef F64
#undef F16
#undef F4
#undef F

#define HASH_START 2166136261u /* FNV-1a */
#define HASH_PRIME 16777619u
#define HASH_STEP(h, byte) (((h) ^ fold[(byte)]) * HASH_PRIME)

/* The token being scanned is hashed as it is read (fc_lower_hash). */
typedef struct scanner {
    const unsigned char *p, *end;
    uint32_t hash;
} scanner;

/* Moves past the n bytes of a character of the token. */
static inline void take(scanner *s, size_t n)
{
    for (size_t i = 0; i < n; i++, s->p++)
        s->hash = HASH_STEP(s->hash, *s->p);
}

/* Class of the multi-byte (or invalid) character at p (before end); sets *len. */
static cclass peek_multibyte(const unsigned char *p, const unsigned char *end, size_t *len)
{
    return classify(decode(p, end, len));
}

/* Class of the character at s->p; sets *len (0 at the end). Inline: it runs
 * for nearly every byte, and ASCII needs one table load. */
static inline cclass peek(const scanner *s, size_t *len)
{
    if (s->p >= s->end) {
        *len = 0;
        return C_SPACE;
    }
    cclass c = (cclass)byte_class[*s->p];
    if (c != C_UTF8) {
        *len = 1;
        return c;
    }
    return peek_multibyte(s->p, s->end, len);
}

/* Class of the character after the one at s->p (of length len). */
static cclass peek2(const scanner *s, size_t len)
{
    scanner t = {s->p + len, s->end, 0};
    size_t l2;
    if (t.p >= t.end)
        return C_SPACE;
    return peek(&t, &l2);
}

/* Where four bytes before end are left, for letters: end - 3, or begin (the
 * start of the text, never passed by a scan) when the text is shorter. */
static inline const unsigned char *four_left(const unsigned char *begin, const unsigned char *end)
{
    return end - begin >= 3 ? end - 3 : begin;
}

/* Moves past a run of ASCII letters from p (before end; four_left gave end4),
 * hashing them into *hash; returns where the run ends. Four letters at a time
 * while four bytes are left, so most letters cost one table load and no test
 * of the end. */
static inline const unsigned char *letters(const unsigned char *p, const unsigned char *end,
                                           const unsigned char *end4, uint32_t *hash)
{
    uint32_t h = *hash;
    unsigned char f;
    while (p < end4) {
        if (!(f = letter_fold[p[0]]))
            goto done;
        h = (h ^ f) * HASH_PRIME;
        if (!(f = letter_fold[p[1]])) {
            p += 1;
            goto done;
        }
        h = (h ^ f) * HASH_PRIME;
        if (!(f = letter_fold[p[2]])) {
            p += 2;
            goto done;
        }
        h = (h ^ f) * HASH_PRIME;
        if (!(f = letter_fold[p[3]])) {
            p += 3;
            goto done;
        }
        h = (h ^ f) * HASH_PRIME;
        p += 4;
    }
    while (p < end && (f = letter_fold[*p]) != 0) {
        h = (h ^ f) * HASH_PRIME;
        p++;
    }
done:
    *hash = h;
    return p;
}

static void scan_word(scanner *s)
{
    size_t len;
    for (;;) {
        /* Fast path: a run of ASCII letters. */
        const unsigned char *p = s->p =
            letters(s->p, s->end, four_left(s->p, s->end), &s->hash);
        if (p == s->end || (*p < 0x80 && *p != '\''))
            return; /* ASCII space, digit or punctuation */
        cclass c = peek(s, &len);
        if (c == C_LETTER || (c == C_APOS && peek2(s, len) == C_LETTER))
            take(s, len);
        else
            return;
    }
}

/* The length of the digit (ASCII or full-width) at p, 0 when none. */
static inline size_t digit_len(const unsigned char *p, const unsigned char *end)
{
    if (p < end && *p >= '0' && *p <= '9')
        return 1;
    if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
        return 3;
    return 0;
}

/* The number of digits from p on, without moving. */
static size_t count_digits(const unsigned char *p, const unsigned char *end)
{
    size_t n = 0, len;
    while ((len = digit_len(p, end))) {
        p += len;
        n++;
    }
    return n;
}

/* Moves past n digits of the token. */
static void take_digits(scanner *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        take(s, digit_len(s->p, s->end));
}

/* Moves past the digits at s->p; returns how many. Inline, with a fast path
 * for ASCII digits: it runs for every number. */
static inline size_t take_run(scanner *s)
{
    size_t n = 0;
    for (;;) {
        const unsigned char *p = s->p;
        uint32_t h = s->hash;
        while (p < s->end && *p >= '0' && *p <= '9') {
            h = HASH_STEP(h, *p++);
            n++;
        }
        s->p = p;
        s->hash = h;
        size_t len = p < s->end && *p == 0xEF ? digit_len(p, s->end) : 0;
        if (!len)
            return n;
        take(s, len);
        n++;
    }
}

/* The length of a separator that may stand between digit groups at p: ",",
 * "." or a no-break, narrow no-break or thin space ("12 000"); 0 when none. */
static size_t separator_len(const unsigned char *p, const unsigned char *end)
{
    if (p < end && (*p == ',' || *p == '.'))
        return 1;
    if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        return 2;
    if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xAF || p[2] == 0x89))
        return 3;
    return 0;
}

/* Whether the "." at p (before end) starts a number (".5", "-.5%"): a digit
 * follows, and no digit, letter or mark comes before it (from first on). */
static inline bool starts_decimal(const unsigned char *p, const unsigned char *end,
                           const unsigned char *first)
{
    unsigned char before = p > first ? p[-1] : ' ';
    return digit_len(p + 1, end) &&
           !((before >= '0' && before <= '9') || (before >= 'a' && before <= 'z') ||
             (before >= 'A' && before <= 'Z') || before == '.' || before == ',');
}

/* The rest of a number whose first lead digits (0 after a leading decimal
 * mark: ".5") are taken: groups of exactly three digits after a first group of
 * one to three, each after the thousands separator ("," in English, "." where
 * the decimal mark is a comma, or a no-break space), then at most one decimal
 * mark and its digits. A separator and digits that fit no such shape ("1,2,3",
 * "1.2.3.4", "12,5" in English) make the whole run no number: returns false,
 * and the run up to its end is taken. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static bool scan_number(scanner *s, size_t lead, bool decimal, bool decimal_comma)
{
    const unsigned char mark = decimal_comma ? ',' : '.', group = decimal_comma ? '.' : ',';
    bool grouped = false;
    lead += take_run(s);
    for (;;) {
        if (s->p >= s->end || !(*s->p == ',' || *s->p == '.' || *s->p >= 0xC2))
            return true; /* the common case: a space or a letter follows */
        size_t sep = separator_len(s->p, s->end);
        if (!sep)
            return true;
        size_t run = count_digits(s->p + sep, s->end);
        if (run == 0)
            return true; /* "3,000." and "5, 6": the separator is no part of it */
        unsigned char ch = *s->p;
        if (!decimal && run == 3 && (grouped || (lead >= 1 && lead <= 3)) &&
            (sep > 1 || ch == group)) {
            take(s, sep);
            take_digits(s, 3);
            grouped = true;
        } else if (!decimal && sep == 1 && ch == mark) {
            take(s, sep);
            take_digits(s, run);
            decimal = true;
        } else {
            while ((sep = separator_len(s->p, s->end)) && count_digits(s->p + sep, s->end)) {
                take(s, sep);
                take_digits(s, count_digits(s->p, s->end));
            }
            return false;
        }
    }
}

/* What precedes a token, as bits: whitespace, a line break, an empty line. */
enum { SPACE = 1, NEWLINE = 2, BLANK = 4 };

/* After a line break: a second one (with only whitespace since the first)
 * makes an empty line. */
static inline unsigned after_newline(unsigned before)
{
    return before | SPACE | NEWLINE | (before & NEWLINE ? BLANK : 0);
}

/* The last four fields of a token (kind, space_before, newline_before,
 * blank_before), for each kind and each set of the bits above: one load and
 * one store of four bytes set them all (set_kind). */
#define KIND_FLAGS(kind, b) {kind, (b) & SPACE, (b) >> 1 & 1, (b) >> 2}
#define KIND_ROW(kind)                                                                      \
    {KIND_FLAGS(kind, 0), KIND_FLAGS(kind, 1), KIND_FLAGS(kind, 2), KIND_FLAGS(kind, 3),    \
     KIND_FLAGS(kind, 4), KIND_FLAGS(kind, 5), KIND_FLAGS(kind, 6), KIND_FLAGS(kind, 7)}
static const unsigned char kind_flags[3][8][4] = {KIND_ROW(FC_TOK_WORD), KIND_ROW(FC_TOK_NUM),
                                                  KIND_ROW(FC_TOK_PUNCT)};
#undef KIND_ROW
#undef KIND_FLAGS
_Static_assert(sizeof(bool) == 1 && offsetof(fc_tok, space_before) == offsetof(fc_tok, kind) + 1 &&
                   offsetof(fc_tok, newline_before) == offsetof(fc_tok, kind) + 2 &&
                   offsetof(fc_tok, blank_before) == offsetof(fc_tok, kind) + 3,
               "kind_flags is laid out as the last four fields of fc_tok");

/* Sets t's kind and the flags of what precedes it (before). */
static inline void set_kind(fc_tok *t, unsigned kind, unsigned before)
{
    memcpy((unsigned char *)t + offsetof(fc_tok, kind), kind_flags[kind][before], 4);
}

/* Ends token t at p; returns where the next token goes. */
static inline fc_tok *end_token(fc_tok *t, const char *text, const unsigned char *p)
{
    t->end = (size_t)((const char *)p - text);
    return t + 1;
}

/* Makes room for a token at t, where out's array is full; returns where the
 * token goes (the array may move) and sets *limit, NULL on no memory. */
static fc_tok *grow_tokens(fc_toks *out, fc_tok *t, fc_tok **limit)
{
    size_t n = out->items ? (size_t)(t - out->items) : out->n;
    out->n = n;
    if (fc_grow((void **)&out->items, &out->cap, n + 1, sizeof *out->items) != FC_OK)
        return NULL;
    *limit = out->items + out->cap;
    return out->items + n;
}

/* A token starting with a character of class c (len bytes) other than an
 * ASCII letter, an ASCII digit or one byte of ASCII punctuation: a UTF-8
 * letter, digit or mark, a byte that is not UTF-8, or "." starting a number.
 * Takes it; returns its kind. */
static unsigned scan_other(scanner *s, cclass c, size_t len, const unsigned char *first,
                           bool decimal_comma)
{
    bool mark =
        c == C_PUNCT && *s->p == '.' && !decimal_comma && starts_decimal(s->p, s->end, first);
    take(s, len);
    if (c == C_LETTER) {
        scan_word(s);
        return FC_TOK_WORD;
    }
    if (c == C_DIGIT)
        return scan_number(s, 1, false, decimal_comma) ? FC_TOK_NUM : FC_TOK_WORD;
    if (mark)
        return scan_number(s, 0, true, decimal_comma) ? FC_TOK_NUM : FC_TOK_WORD;
    return FC_TOK_PUNCT;
}

fc_status fc_lex_lang(const char *text, size_t start, size_t end, bool decimal_comma, fc_toks *out)
{
    /* The position, the hash and the token array are kept in locals: a scanner
     * (in memory) is built only for the rarer characters and for numbers with
     * separators. */
    const unsigned char *p = (const unsigned char *)text + start;
    const unsigned char *const first = p, *const stop = (const unsigned char *)text + end;
    const unsigned char *const stop4 = four_left(first, stop);
    /* The next token goes to t; the array is full at limit (both NULL while
     * there is no array). */
    fc_tok *t = NULL, *limit = NULL;
    if (out->items) {
        t = out->items + out->n;
        limit = out->items + out->cap;
    }
    /* What precedes the next token: whitespace, a line break, an empty line
     * (a second line break with only whitespace since the first). */
    unsigned before = SPACE | NEWLINE | BLANK;
    while (p < stop) {
        /* One table load tells an ASCII letter and gives what the hash takes
         * of it. */
        unsigned char f = letter_fold[*p];
        if (f) {
            /* The common case: a word of ASCII letters. */
            if (t == limit && !(t = grow_tokens(out, t, &limit)))
                return FC_ENOMEM;
            t->start = (size_t)((const char *)p - text);
            uint32_t h = (HASH_START ^ f) * HASH_PRIME;
            p = letters(p + 1, stop, stop4, &h);
            if (p < stop && *p == ' ') {
                /* The common end of a word: a space, taken here (see below). */
                t->hash = h;
                set_kind(t, FC_TOK_WORD, before);
                t = end_token(t, text, p);
                before = SPACE;
                p++;
                continue;
            }
            if (p < stop && (*p >= 0x80 || *p == '\'')) {
                scanner s = {p, stop, h};
                scan_word(&s);
                p = s.p;
                h = s.hash;
            }
            t->hash = h;
            set_kind(t, FC_TOK_WORD, before);
        } else {
            /* One table load classes any other ASCII byte; only the bytes of
             * multi-byte characters are decoded. */
            cclass c = (cclass)byte_class[*p];
            size_t len = 1;
            if (c == C_UTF8)
                c = peek_multibyte(p, stop, &len);
            if (c == C_SPACE || c == C_NEWLINE) {
                before = c == C_NEWLINE ? after_newline(before) : before | SPACE;
                p += len;
                continue;
            }
            if (t == limit && !(t = grow_tokens(out, t, &limit)))
                return FC_ENOMEM;
            t->start = (size_t)((const char *)p - text);
            unsigned kind;
            if (c == C_DIGIT && len == 1) {
                /* ASCII digits up to a space or a letter, else the number's
                 * separators and groups. */
                uint32_t h = HASH_START;
                size_t lead = 0;
                while (p < stop && *p >= '0' && *p <= '9') {
                    h = HASH_STEP(h, *p++);
                    lead++;
                }
                kind = FC_TOK_NUM;
                /* A run that is no number ("1.2.3.4") is kept whole, as a word. */
                if (p < stop && (*p == ',' || *p == '.' || *p >= 0xC2)) {
                    scanner s = {p, stop, h};
                    if (!scan_number(&s, lead, false, decimal_comma))
                        kind = FC_TOK_WORD;
                    p = s.p;
                    h = s.hash;
                }
                t->hash = h;
            } else if (len == 1 && (c == C_APOS || c == C_PUNCT) &&
                       !(*p == '.' && !decimal_comma && starts_decimal(p, stop, first))) {
                /* One byte of ASCII punctuation (fold keeps it as it is). */
                t->hash = (HASH_START ^ *p++) * HASH_PRIME;
                kind = FC_TOK_PUNCT;
            } else {
                scanner s = {p, stop, HASH_START};
                kind = scan_other(&s, c, len, first, decimal_comma);
                p = s.p;
                t->hash = s.hash;
            }
            set_kind(t, kind, before);
        }
        t = end_token(t, text, (const unsigned char *)p);
        /* A space after the token, the common case, is taken here rather than
         * by a turn of the loop. */
        before = 0;
        if (p < stop && *p == ' ') {
            before = SPACE;
            p++;
        }
    }
    if (t)
        out->n = (size_t)(t - out->items);
    return FC_OK;
}

fc_status fc_lex(const char *text, size_t start, size_t end, fc_toks *out)
{
    return fc_lex_lang(text, start, end, false, out);
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
    /* The common case: up to 15 ASCII digits, no separator. Their value is below
     * 2^53, so the integer is what the loop below computes, exactly. */
    if (t->end - t->start <= 15) {
        uint64_t n = 0;
        size_t k = t->start;
        for (; k < t->end; k++) {
            unsigned d = (unsigned char)text[k] - (unsigned)'0';
            if (d > 9)
                break;
            n = n * 10 + d;
        }
        if (k == t->end)
            return (double)n;
    }
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
