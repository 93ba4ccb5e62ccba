/* lex.h - split UTF-8 text into word, number and punctuation tokens (private).
 *
 * Tokens are byte spans of the original text. Whitespace (including no-break and
 * other Unicode spaces) separates tokens and is recorded as flags on the token
 * that follows it. Used both on documents and on rule-file phrases, so a phrase
 * matches the text exactly when their tokens match.
 */
#ifndef FC_LEX_H
#define FC_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "factcheck/status.h"

typedef enum fc_tok_kind {
    FC_TOK_WORD, /* letters, with inner apostrophes: "Trump's" */
    FC_TOK_NUM,  /* digits with inner "," or "." groups: "110,000", "1.5"; ASCII or full-width */
    FC_TOK_PUNCT /* one punctuation or symbol character: "%", "$", "-", "–" */
} fc_tok_kind;

typedef struct fc_tok {
    size_t start, end;   /* byte span, end exclusive */
    uint32_t hash;       /* fc_lower_hash of the token's bytes */
    unsigned char kind;  /* fc_tok_kind */
    bool space_before;   /* whitespace (or the start of the text) precedes it */
    bool newline_before; /* a line break precedes it */
    bool blank_before;   /* an empty line precedes it (a paragraph break) */
} fc_tok;

typedef struct fc_toks {
    fc_tok *items;
    size_t n, cap;
} fc_toks;

/* Appends the tokens of text[start, end) to out, numbers written the English
 * way ("1,234.5"). Errors: FC_ENOMEM. */
fc_status fc_lex(const char *text, size_t start, size_t end, fc_toks *out);

/* The same, numbers written with a decimal comma ("1.234,5") when decimal_comma.
 * A number is digit groups of three after thousands separators ("1,234,567";
 * a no-break space: "12 000"), then at most one decimal mark ("1.5", ".5"); a
 * run of digits and separators of no such shape ("1,2,3", "1.2.3.4") is one
 * word token, no number. */
fc_status fc_lex_lang(const char *text, size_t start, size_t end, bool decimal_comma,
                      fc_toks *out);

void fc_toks_free(fc_toks *toks);

/* FNV-1a hash of n bytes with ASCII letters lowercased: tokens and rule phrases
 * are looked up by it. Inline, so that the hash of a literal (sent_has(c,
 * "alone") in extract_key.c) is worked out by the compiler: no call, no strlen. */
static inline uint32_t fc_lower_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a, as the tokenizer hashes (lex.c) */
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        h = (h ^ ch) * 16777619u;
    }
    return h;
}

/* Whether token t of text equals lower (ASCII case-insensitive). Inline so that
 * strlen of a literal folds to a constant. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline bool
fc_tok_eq(const char *text, const fc_tok *t, const char *lower)
{
    /* (the first letters first: a word from a list, not a literal, has its
     * length counted only when they agree) */
    unsigned char first = (unsigned char)text[t->start];
    if (first >= 'A' && first <= 'Z')
        first = (unsigned char)(first - 'A' + 'a');
    if (first != (unsigned char)lower[0] || t->end == t->start)
        return false;
    size_t n = strlen(lower);
    if (t->end - t->start != n)
        return false;
    for (size_t i = 1; i < n; i++) {
        unsigned char ch = (unsigned char)text[t->start + i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        if (ch != (unsigned char)lower[i])
            return false;
    }
    return true;
}

/* Writes the lowercased token into buf (size n); returns buf. */
char *fc_tok_lower(const char *text, const fc_tok *t, char *buf, size_t n);

/* Whether the token starts with an ASCII uppercase letter. */
static inline bool fc_tok_is_capitalised(const char *text, const fc_tok *t)
{
    char ch = text[t->start];
    return t->kind == FC_TOK_WORD && ch >= 'A' && ch <= 'Z';
}

/* fc_tok_eq for a word that is no literal (one of a list looked through in a
 * loop): compared as it is read, with no strlen, so most words of the list are
 * rejected at their first letter. */
static inline bool fc_tok_eq_word(const char *text, const fc_tok *t, const char *lower)
{
    size_t n = t->end - t->start;
    const char *p = text + t->start;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch - 'A' + 'a');
        if (ch != (unsigned char)lower[i] || !lower[i])
            return false;
    }
    return lower[n] == '\0';
}

/* Value of a number token ("110,000" -> 110000, full-width digits too). */
double fc_tok_number(const char *text, const fc_tok *t);

/* The same, where decimal_comma: "1.250" -> 1250, "6,3" -> 6.3. */
double fc_tok_number_in(const char *text, const fc_tok *t, bool decimal_comma);

/* Whether copy in the language lang (front matter "language": "de", "fr-CH";
 * NULL for unknown) writes a decimal comma. */
bool fc_lang_decimal_comma(const char *lang);

#endif
