/* extract.c - find quantitative claims in a document's body.
 *
 * Pipeline per document: tokens (lex.c) -> sentences -> for each number, the
 * quantity expression around it (hedge, value, scale, range, unit, currency),
 * then the claim's context: subject, rate, attribution, modality, period and
 * measure. Every word list comes from the rules (rules_internal.h); this file
 * holds only the grammar of how those words combine.
 *
 * Numbers that are not claims (dates, times, ages, temperatures, ordinals,
 * names and codes with digits, URLs, e-mail addresses) are recognised and skipped.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claim_internal.h"
#include "date.h"
#include "extract_internal.h"
#include "pattern.h"

/* is_word for a word of a list looked through in a loop, no literal: read with
 * no strlen, and most words of the list are rejected at their first letter. */
FC_HOT bool is_list_word(const ctx *c, size_t i, const char *lower)
{
    return i < c->sent.to && tok(c, i)->kind == FC_TOK_WORD &&
           fc_tok_eq_word(c->text, tok(c, i), lower);
}

/* A list of lowercase words by their first letter: row k holds the words of
 * letter 'a' + k, then empty entries (n 0), so that a token is compared only
 * with the few words of its own first letter. A row holds at most
 * LETTER_WORDS_MAX words (more: the compiler warns of excess elements). */
typedef struct lword {
    const char *s;
    size_t n; /* strlen(s) */
} lword;
#define LW(x) {x, sizeof x - 1}
#define LETTER_WORDS_MAX 10
typedef lword letter_words[26][LETTER_WORDS_MAX];
#define LETTER_WORDS(ch, ...) [(ch) - 'a'] = {__VA_ARGS__}

/* Whether token i is a word of list: is_word of any of them. */
static bool is_word_in(const ctx *c, size_t i, const letter_words *list)
{
    if (i >= c->sent.to || tok(c, i)->kind != FC_TOK_WORD)
        return false;
    const fc_tok *t = tok(c, i);
    unsigned char first = (unsigned char)c->text[t->start];
    if (first >= 'A' && first <= 'Z')
        first = (unsigned char)(first - 'A' + 'a');
    if (first < 'a' || first > 'z') /* every word of the lists starts with one */
        return false;
    const lword *row = (*list)[first - 'a'];
    size_t n = t->end - t->start;
    for (size_t k = 0; k < LETTER_WORDS_MAX && row[k].n; k++)
        if (row[k].n == n && fc_tok_eq_word(c->text, t, row[k].s))
            return true;
    return false;
}

/* ---- sentences ---------------------------------------------------------- */

/* Whether a full stop at token i ends a sentence: not after an abbreviation or
 * an initial ("U.S.", "Jan."), and followed by a capital, digit or quote. */
static bool ends_sentence(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    if (t->kind != FC_TOK_PUNCT)
        return false;
    char ch = c->text[t->start];
    if (ch == '!' || ch == '?')
        return true;
    if (ch != '.')
        return false;
    if (i + 1 < c->toks.n && !tok(c, i + 1)->space_before)
        return false;
    if (i > 0 && tok(c, i - 1)->kind == FC_TOK_WORD) {
        const fc_tok *w = tok(c, i - 1);
        if (w->end - w->start == 1 && !(i + 1 < c->toks.n && list_at(c, &c->r->stop_words, i + 1)))
            return false; /* an initial: "U.S.", "J. Smith"; but "on X. The ..." ends */
        /* (not an ordinal's suffix: "on December 31st. Hospital leaders ...") */
        bool ordinal = i >= 2 && glued(c, i - 1) && tok(c, i - 2)->kind == FC_TOK_NUM;
        if (!ordinal && list_at(c, &c->r->abbreviations, i - 1) == 1)
            return false;
        /* "on Jan. 28", "Sept. 4, 2025": a day or a year follows; "in March.
         * Turnout ..." ends. */
        if (entry_at(c, &c->r->months, i - 1) && i + 1 < c->toks.n &&
            tok(c, i + 1)->kind == FC_TOK_NUM)
            return false;
    }
    return true;
}

/* Whether the line starting at token i continues the sentence of the line
 * before: hard-wrapped copy ("... in the region of\n1,900 admissions"). Not after
 * an empty line or a line ending in punctuation, and only when the new line
 * starts with a lowercase letter or a digit (a capital may start a headline,
 * a caption or a new paragraph). */
static bool continues_line(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i), *p = tok(c, i - 1);
    if (t->blank_before)
        return false;
    char last = c->text[p->end - 1], first = c->text[t->start];
    if (p->kind == FC_TOK_PUNCT && strchr(".!?:;\"", last))
        return false;
    return (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9');
}

/* The longest sentence, in tokens; longer runs (lists, tables, text with no
 * full stops) are cut, which keeps every per-claim scan of a sentence bounded. */
#define FC_MAX_SENTENCE 256

static span next_sentence(ctx *c, size_t from)
{
    size_t limit = c->toks.n - from > FC_MAX_SENTENCE ? from + FC_MAX_SENTENCE : c->toks.n;
    span s = {from, limit};
    c->sent = (span){from, limit};
    for (size_t i = from; i < limit; i++) {
        const fc_tok *t = tok(c, i);
        if (t->newline_before && i > from && !continues_line(c, i)) {
            s.to = i;
            break;
        }
        /* Both tests below are of punctuation: most tokens stop here. */
        if (t->kind != FC_TOK_PUNCT)
            continue;
        if (ends_sentence(c, i)) {
            s.to = i + 1;
            break;
        }
        /* '... called it "real progress." The university ...': the full stop
         * and the closing quote glued to it end the sentence when a space and
         * a capital follow */
        if (i + 2 < limit && tok(c, i)->kind == FC_TOK_PUNCT && c->text[tok(c, i)->start] == '.' &&
            tok(c, i + 1)->kind == FC_TOK_PUNCT && !tok(c, i + 1)->space_before &&
            (c->text[tok(c, i + 1)->start] == '"' ||
             (tok(c, i + 1)->end - tok(c, i + 1)->start == 3 &&
              memcmp(c->text + tok(c, i + 1)->start, "\xE2\x80\x9D", 3) == 0)) &&
            tok(c, i + 2)->space_before && c->text[tok(c, i + 2)->start] >= 'A' &&
            c->text[tok(c, i + 2)->start] <= 'Z') {
            s.to = i + 2;
            break;
        }
    }
    return s;
}

/* ---- URLs and e-mail addresses --------------------------------------------- */

/* Whether token i is inside a whitespace-delimited run of tokens that looks like
 * a URL or an e-mail address; numbers there are never claims. Only tokens that
 * start a quantity or a pattern match are asked about, so a run is read on
 * demand and remembered for the next token of the same run. */
static bool in_link(ctx *c, size_t i)
{
    if (i >= c->run.from && i < c->run.to)
        return c->run.link;
    size_t from = i, to = i + 1;
    while (from > 0 && !tok(c, from)->space_before)
        from--;
    while (to < c->toks.n && !tok(c, to)->space_before)
        to++;
    const char *t = c->text;
    size_t a = tok(c, from)->start, b = tok(c, to - 1)->end;
    bool link = false;
    for (size_t k = a; k + 1 < b && !link; k++)
        link = (t[k] == ':' && t[k + 1] == '/') || t[k] == '@' ||
               (k + 4 <= b && memcmp(t + k, "www.", 4) == 0);
    c->run.from = from;
    c->run.to = to;
    c->run.link = link;
    return link;
}

/* ---- numbers ------------------------------------------------------------- */

/* The kinds of quantity expression. */
typedef enum qkind {
    Q_NUMBER,     /* digits or number words: "110,000", "twenty-one", "1.1 million" */
    Q_VAGUE,      /* "hundreds", "tens of thousands" */
    Q_FRACTION,   /* "a third of", "two-thirds", "half of", "one in five" */
    Q_MULTIPLIER, /* "doubled", "twice" */
    Q_ARTICLE     /* "a dozen", "a million", hedged "a week" */
} qkind;

typedef struct quantity {
    span sp; /* the number tokens (with scale, range, unit) */
    double value, low, high;
    bool range;
    double scale;
    qkind kind;
    size_t num; /* Q_NUMBER: the first number token (after any sign) */
    int unit;   /* fc_unit the expression itself fixes, or -1 */
    fc_direction direction;
    /* The units' entry (or NULL) at token units_tok, read by number_quantity_at
     * after the number and asked for again by is_claim_here where the quantity
     * ends there; units_tok is 0 when none was read (no quantity ends at 0). */
    size_t units_tok;
    const struct fc_entry *units_entry;
} quantity;

static bool is_number_word(const ctx *c, size_t i, double *v)
{
    if (i >= c->sent.to || tok(c, i)->kind != FC_TOK_WORD)
        return false;
    const fc_entry *e = entry_at(c, &c->r->number_words, i);
    if (!e || e->phrase.ntok != 1)
        return false;
    *v = e->value;
    return true;
}

static const fc_entry *currency_before(const ctx *c, size_t i);
/* Whether the sentence speaks of lengths, heights or depths ("tall", "waves",
 * "thinned"), and of no money: a glued "m" there is metres. */
static bool length_sentence(const ctx *c)
{
    static const char *const cue[] = {"tall", "taller", "high", "higher", "deep", "deeper", "wide", "wider",
                                      "long", "longer", "height", "depth", "length", "width", "waves",
                                      "wave", "swell", "thinned", "thick", "thickness", "jumped", "jump",
                                      "threw", "throw", "vault", "glacier", "sea", "tide", "flood",
                                      "floodwater", "snow", "drifts", "diameter", "elevation", "altitude",
                                      "across", "metres", "meters", "span", "tower", "mast", "cliff"};
    static const char *const money[] = {"paid", "pay", "cost", "costs", "price", "prices", "revenue",
                                        "sales", "budget", "funding", "raised", "profit", "loss",
                                        "people", "residents", "visitors", "users", "viewers"};
    bool len = false;
    for (size_t k = c->sent.from; k < c->sent.to; k++) {
        if (tok(c, k)->kind != FC_TOK_WORD)
            continue;
        for (size_t a = 0; a < sizeof money / sizeof *money; a++)
            if (is_list_word(c, k, money[a]))
                return false;
        for (size_t a = 0; a < sizeof cue / sizeof *cue && !len; a++)
            len = is_list_word(c, k, cue[a]);
    }
    return len;
}

/* A scale word at i ("million", or "bn" glued to the number); multiplies *v. */
FC_HOT size_t scale_at(const ctx *c, size_t i, double *v)
{
    if (i >= c->sent.to || tok(c, i)->kind != FC_TOK_WORD)
        return 0;
    const fc_entry *e = entry_at(c, &c->r->scale_words, i);
    if (!e)
        return 0;
    /* One- and two-letter abbreviations ("m", "bn") only when glued: "1.1m",
     * or after an amount of money: "$3 m" ("6.5 m" alone is metres). */
    if (tok(c, i)->end - tok(c, i)->start <= 2 && !glued(c, i) &&
        !(i > c->sent.from + 1 && tok(c, i - 1)->kind == FC_TOK_NUM && currency_before(c, i - 1)))
        return 0;
    /* A glued "m" with no money before it, in a sentence about sizes and
     * heights, is metres: "thinned by 2.4m", "waves of 6m-8m". */
    if (tok(c, i)->end == tok(c, i)->start + 1 && c->text[tok(c, i)->start] == 'm' &&
        i > c->sent.from && tok(c, i - 1)->kind == FC_TOK_NUM && !currency_before(c, i - 1) &&
        (is_word(c, i + 1, "high") || is_word(c, i + 1, "tall") || is_word(c, i + 1, "long") ||
         is_word(c, i + 1, "deep") || is_word(c, i + 1, "wide") || length_sentence(c)))
        return 0;
    *v *= e->value;
    return e->phrase.ntok;
}

/* "and a half", "and a quarter" after a number: the fraction added; 0 when none.
 * Sets *end past it. */
FC_HOT double and_a_fraction(const ctx *c, size_t i, size_t *end)
{
    if (!is_word_n(c, i, c->w_and, "and") || !is_word_n(c, i + 1, c->w_a, "a") ||
        i + 2 >= c->sent.to)
        return 0;
    const fc_entry *f = entry_at(c, &c->r->fractions, i + 2);
    if (!f || f->value >= 1 || f->phrase.ntok != 1)
        return 0;
    *end = i + 3;
    return f->value;
}

/* A number written in words from token i, composed: "forty-two", "one hundred
 * and forty-two", "two thousand three hundred", "seven hundred twenty-one
 * thousand twelve", "three and a half". A scale word that ends the number
 * ("six million") is left to scale_at, so "six and a half million" is 6.5 then
 * the million. Sets *end; false when token i is no number word. */
static bool words_number_at(const ctx *c, size_t i, double *v, size_t *end)
{
    double w;
    if (!is_number_word(c, i, &w))
        return false;
    if (w >= 100 || is_word(c, i, "dozen")) { /* "hundred", "dozen" alone */
        *v = w;
        *end = i + 1;
        return true;
    }
    double total = 0, group = 0; /* thousands and above done; the group below */
    size_t k = i, last = i;      /* the token after the last word taken */
    bool took_hundred = false, want_unit = false;
    while (k < c->sent.to) {
        double x, scale = 1;
        size_t n = 1;
        bool word = is_number_word(c, k, &x); /* (sets x) */
        if (word && x < 100 && !is_word(c, k, "dozen")) {
            /* "forty-two" */
            double unit;
            if (x >= 20 && x < 100 && is_punct(c, k + 1, "-") && glued(c, k + 1) &&
                glued(c, k + 2) && is_number_word(c, k + 2, &unit) && unit >= 1 && unit < 10) {
                x += unit;
                n = 3;
            }
            double below = fmod(group, 100);
            /* a word fits after a hundred or a scale, or a unit after a ten
             * ("twenty two"); never two words of the same place ("five six") */
            bool fits = k == i || (below == 0 && (took_hundred || want_unit)) ||
                        (below >= 20 && fmod(below, 10) == 0 && x < 10 && k == last);
            if (!fits)
                break;
            group += x;
            took_hundred = want_unit = false;
            last = k + n;
            k += n;
            continue;
        }
        if (word && x == 100 && k == last && group > 0 && group < 100) {
            group *= 100; /* "three hundred" */
            took_hundred = true;
            last = ++k;
            continue;
        }
        /* "and" inside: after "hundred" or a scale, before a smaller number */
        if (is_word(c, k, "and") && k == last && (took_hundred || want_unit) &&
            is_number_word(c, k + 1, &x) && x < 100) {
            k++;
            continue;
        }
        /* a scale word with more of the number after it: "two thousand three" */
        if (k == last && group > 0 && tok(c, k)->kind == FC_TOK_WORD &&
            tok(c, k)->end - tok(c, k)->start > 2 && (n = scale_at(c, k, &scale)) > 0 &&
            scale >= 1000 && is_number_word(c, k + n, &x) && !is_word(c, k + n, "dozen")) {
            total += group * scale;
            group = 0;
            want_unit = true;
            k += n;
            last = k;
            continue;
        }
        break;
    }
    *v = total + group;
    *end = last;
    double f = and_a_fraction(c, last, end); /* "three and a half" */
    *v += f;
    return true;
}

/* A single number at i: digits or a number in words, with "and a half" after
 * it; sets *end. */
FC_HOT bool number_at(const ctx *c, size_t i, double *v, size_t *end)
{
    if (i >= c->sent.to)
        return false;
    if (tok(c, i)->kind == FC_TOK_NUM) {
        *v = fc_tok_number_in(c->text, tok(c, i), c->decimal_comma);
        *end = i + 1;
        *v += and_a_fraction(c, i + 1, end); /* "3 and a half miles" */
        return true;
    }
    /* (a word that starts no number word, as most do, fails on one bit) */
    return fc_index_has(&c->r->number_words.first, c->word[i]) && words_number_at(c, i, v, end);
}

/* The currency written at token i (before: ending just before i), of the
 * entries written before a number (symbol: "$", "A$", "CNY") or after it
 * ("dollars", "yen", "QAR", "€" after the number). The longest such entry whose tokens are
 * written as one wins ("A$3bn" is Australian dollars, "a $3bn" US ones). */
static const fc_entry *currency_match(const ctx *c, size_t i, bool before, bool symbol,
                                      uint32_t w)
{
    const fc_entries *e = &c->r->currencies;
    const fc_index *ix = before ? &e->last : &e->first;
    for (uint32_t k = ix->start[w & ix->mask]; k < ix->start[(w & ix->mask) + 1]; k++) {
        const fc_entry *en = &e->items[ix->item[k]];
        size_t n = en->phrase.ntok, from = before ? i - n : i;
        if (en->symbol != symbol || (before ? i < c->sent.from + n : i + n > c->sent.to) ||
            !match_at(c, &en->phrase, from, c->sent.to))
            continue;
        bool one = true;
        for (size_t q = from + 1; q < from + n && one; q++)
            one = glued(c, q) || (!en->symbol && tok(c, q)->kind == FC_TOK_WORD &&
                                  tok(c, q - 1)->kind == FC_TOK_WORD); /* "Swiss francs" */
        /* "R4.2bn", "R800,000": a lone "R" is the rand glued to a figure with
         * a scale, a thousands group or a decimal ("R2" stays a name). */
        if (one && en->symbol && !before && n == 1 && is_word(c, from, "r") &&
            !(from + 1 < c->sent.to && glued(c, from + 1) && tok(c, from + 1)->kind == FC_TOK_NUM &&
              (memchr(c->text + tok(c, from + 1)->start, ',', tok(c, from + 1)->end - tok(c, from + 1)->start) ||
               memchr(c->text + tok(c, from + 1)->start, '.', tok(c, from + 1)->end - tok(c, from + 1)->start) ||
               (from + 2 < c->sent.to && glued(c, from + 2) && entry_at(c, &c->r->scale_words, from + 2)))))
            one = false;
        if (one && en->symbol && before && n == 1 && is_word(c, from, "r") &&
            !(glued(c, i) && tok(c, i)->kind == FC_TOK_NUM &&
              (memchr(c->text + tok(c, i)->start, ',', tok(c, i)->end - tok(c, i)->start) ||
               memchr(c->text + tok(c, i)->start, '.', tok(c, i)->end - tok(c, i)->start) ||
               (i + 1 < c->sent.to && glued(c, i + 1) && entry_at(c, &c->r->scale_words, i + 1)))))
            one = false;
        /* "HK $12", "C $4.50": a country's letters spaced from the symbol are
         * still its dollar; an article is not ("a $4.2 billion" stays US). */
        if (!one && n == 2 && en->symbol && tok(c, from)->kind == FC_TOK_WORD &&
            tok(c, from + 1)->kind == FC_TOK_PUNCT && from + 2 < c->sent.to && glued(c, from + 2)) {
            size_t len = tok(c, from)->end - tok(c, from)->start;
            one = (len >= 2 && len <= 3 && !is_word(c, from, "an")) ||
                  (len == 1 && (is_word(c, from, "c") || is_word(c, from, "r")));
        }
        if (one)
            return en;
    }
    return NULL;
}

/* currency_match where the token's word (w) is a key of the currencies: most
 * numbers have no currency beside them, and the bit test, inlined, says so. */
FC_HOT const fc_entry *currency_lookup(const ctx *c, size_t i, bool before, bool symbol)
{
    const fc_entries *e = &c->r->currencies;
    if (before ? i <= c->sent.from : i >= c->sent.to)
        return NULL;
    uint32_t w = c->word[before ? i - 1 : i];
    if (!fc_index_has(before ? &e->last : &e->first, w))
        return NULL;
    return currency_match(c, i, before, symbol, w);
}

/* A symbol or code written just before token i ("$", "A$", "CNY"). */
static const fc_entry *currency_before(const ctx *c, size_t i)
{
    return currency_lookup(c, i, true, true);
}

/* A symbol or code starting at token i, before a number ("to $25"). */
static const fc_entry *symbol_at(const ctx *c, size_t i)
{
    return currency_lookup(c, i, false, true);
}

/* A word or code starting at token i, after a number ("dollars", "QAR"). */
static const fc_entry *currency_after(const ctx *c, size_t i)
{
    return currency_lookup(c, i, false, false);
}

/* Whether "to", a figure and "from" a figure follow token i closely, with no
 * punctuation between ("$15 to $20 from $35"). */
static bool from_follows(const ctx *c, size_t i)
{
    size_t k = i + 1;
    while (k < c->sent.to && k < i + 4 && !is_word(c, k, "to"))
        k++;
    if (!is_word(c, k, "to"))
        return false;
    for (size_t q = k + 1; q + 1 < c->sent.to && q < k + 7; q++) {
        if (tok(c, q)->kind == FC_TOK_PUNCT && !is_punct(c, q, "$") && !is_punct(c, q, "%") &&
            !is_punct(c, q, "."))
            return false;
        if (is_word(c, q, "from"))
            return tok(c, q + 1)->kind == FC_TOK_NUM || tok(c, q + 1)->kind == FC_TOK_PUNCT;
    }
    return false;
}

/* Whether the number at token i is the first figure of a change, so that a
 * following "to" starts the new level, not the end of a range: a change word
 * just before it ("slipped 2% to 38%", "grew by $2.4 billion to $18.9
 * billion"), or "from" after a change word or change verb ("rose from 14% to
 * 19%", "went from 9 to 41"). A currency symbol may stand between. */
static bool starts_change(const ctx *c, size_t i)
{
    const fc_rules *r = c->r;
    size_t at = i;
    const fc_entry *sym = currency_before(c, at);
    if (sym)
        at -= sym->phrase.ntok;
    if (list_before(c, &r->up_before, at) || list_before(c, &r->down_before, at))
        return !list_before(c, &r->not_changes, at);
    /* "improved by 6% to 84%", "widened by 3 points to 12": any change verb
     * before "by" */
    /* ("to rise by 5 to 10 percent": a bare number, "to" and a percentage
     * with no earlier level after it are a range of the change) */
    bool bare_range = i + 3 < c->sent.to && is_word(c, i + 1, "to") &&
                      tok(c, i + 2)->kind == FC_TOK_NUM &&
                      (is_word(c, i + 3, "percent") || is_punct(c, i + 3, "%")) &&
                      !from_follows(c, i);
    if (at > c->sent.from + 1 && is_word(c, at - 1, "by") && !bare_range &&
        (list_before(c, &r->up_before, at - 1) || list_before(c, &r->down_before, at - 1) ||
         list_before(c, &r->change_verbs, at - 1) || list_before(c, &r->up_by, at - 1) ||
         list_before(c, &r->down_by, at - 1)))
        return true;
    /* ... or with its object between, and the earlier level after the new
     * one: "cut its monthly fee by $15 to $20 from $35" ("could cut the
     * budget by $2 million to $3 million" is a range) */
    if (at > c->sent.from + 2 && is_word(c, at - 1, "by") && from_follows(c, i)) {
        size_t lo = at - 1;
        while (lo > c->sent.from && lo + 12 > at && tok(c, lo - 1)->kind != FC_TOK_PUNCT &&
               tok(c, lo - 1)->kind != FC_TOK_NUM)
            lo--;
        if (list_in(c, &r->up_by, lo, at - 1) || list_in(c, &r->down_by, lo, at - 1) ||
            list_in(c, &r->up_before, lo, at - 1) || list_in(c, &r->down_before, lo, at - 1))
            return true;
    }
    if (!list_before(c, &r->change_from, at))
        return false;
    size_t from = at > c->sent.from + 12 ? at - 12 : c->sent.from;
    if (list_in(c, &r->up_before, from, at) || list_in(c, &r->down_before, from, at) ||
        list_in(c, &r->change_verbs, from, at) || list_in(c, &r->up_after, from, at) ||
        list_in(c, &r->down_after, from, at))
        return true;
    for (size_t k = from; k < at; k++) /* "quadrupled, from 9 to 41" */
        if (entry_at(c, &r->multipliers, k))
            return true;
    return false;
}

/* entry_at of the units at token k. The units written after a hyphen ("-year",
 * "-square-foot") share one long bucket, read to its end for a hyphen that starts
 * none ("7-Eleven"). A phrase of n tokens at k ends in a last word of some unit
 * (units.last): where no token of k .. k+n-1 is one, for n up to the bucket's
 * longest phrase (listed first), none can match and a long bucket is not read. */
FC_HOT const fc_entry *units_entry_at(const ctx *c, size_t k)
{
    const fc_entries *u = &c->r->units;
    if (k >= c->sent.to || !fc_index_has(&u->first, c->word[k]))
        return NULL;
    uint32_t b = c->word[k] & u->first.mask, from = u->first.start[b];
    if (u->first.start[b + 1] - from > 8) {
        size_t longest = u->items[u->first.item[from]].phrase.ntok;
        bool ends = false;
        for (size_t e = k; e < k + longest && e < c->sent.to && !ends; e++)
            ends = fc_index_has(&u->last, c->word[e]);
        if (!ends)
            return NULL;
    }
    return entry_at(c, u, k);
}

/* Reads number [scale] [(-|–|to|and) number [scale]] starting at i. */
static const fc_entry *unit_at(const ctx *c, size_t end);
static bool is_plural(const ctx *c, size_t i);
/* Whether token t has a comma or a full stop (a number's separators, tested
 * byte by byte: number tokens are a few bytes long). */
static inline bool has_mark(const char *text, const fc_tok *t)
{
    for (size_t k = t->start; k < t->end; k++)
        if (text[k] == ',' || text[k] == '.')
            return true;
    return false;
}

/* Digits in a token, or 0 when it has a comma or a decimal point. */
FC_HOT size_t plain_digits(const ctx *c, size_t k)
{
    const fc_tok *t = tok(c, k);
    if (t->kind != FC_TOK_NUM || has_mark(c->text, t))
        return 0;
    return t->end - t->start;
}

/* The value of the superscript digits (and minus) in text[p, e) ("¹⁸", "⁻⁴"),
 * setting *len to the bytes read; false when p starts none. */
static bool superscript_at(const char *text, size_t p, size_t e, int *exp, size_t *len)
{
    static const char *const digits[] = {"\xE2\x81\xB0", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3",
                                          "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6",
                                          "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9"};
    size_t q = p;
    int sign = 1, n = 0, nd = 0;
    if (q + 3 <= e && memcmp(text + q, "\xE2\x81\xBB", 3) == 0) {
        sign = -1;
        q += 3;
    }
    for (bool more = true; more && nd < 3;) {
        more = false;
        for (int d = 0; d < 10; d++) {
            size_t l = strlen(digits[d]);
            if (q + l <= e && memcmp(text + q, digits[d], l) == 0) {
                n = n * 10 + d;
                nd++;
                q += l;
                more = true;
                break;
            }
        }
    }
    if (!nd)
        return false;
    *exp = sign * n;
    *len = q - p;
    return true;
}

/* A power of ten after the number ending before token j: "1e10", "2.5E-3",
 * "1.3x10^6", "3.1 × 10¹⁸", "× 10−4" (a minus where a superscript was lost).
 * Multiplies *v; returns the tokens it takes. */
static size_t power_of_ten_read(const ctx *c, size_t j, double *v)
{
    const char *t = c->text;
    size_t k = j;
    int exp = 0, sign = 1;
    /* "1e10", "1e-4" */
    if (k < c->sent.to && glued(c, k) && tok(c, k)->kind == FC_TOK_WORD &&
        tok(c, k)->end - tok(c, k)->start == 1 && (t[tok(c, k)->start] | 0x20) == 'e') {
        size_t n = k + 1;
        if (n < c->sent.to && glued(c, n) && (is_punct(c, n, "-") || is_punct(c, n, "+") ||
                                              is_punct(c, n, "\xE2\x88\x92"))) {
            sign = is_punct(c, n, "+") ? 1 : -1;
            n++;
        }
        if (n < c->sent.to && glued(c, n) && tok(c, n)->kind == FC_TOK_NUM &&
            tok(c, n)->end - tok(c, n)->start <= 3) {
            exp = sign * (int)fc_tok_number(t, tok(c, n));
            *v *= pow(10, exp);
            return n + 1 - j;
        }
        return 0;
    }
    /* "x10^6", "× 10¹⁸", "*10^-3" */
    if (!(is_word(c, k, "x") || is_punct(c, k, "\xC3\x97") || is_punct(c, k, "*")) ||
        k + 1 >= c->sent.to || !(tok(c, k + 1)->kind == FC_TOK_NUM) ||
        tok(c, k + 1)->end - tok(c, k + 1)->start != 2 || t[tok(c, k + 1)->start] != '1' ||
        t[tok(c, k + 1)->start + 1] != '0')
        return 0;
    size_t ten = k + 1, n = ten + 1;
    size_t len;
    if (superscript_at(t, tok(c, ten)->end, tok(c, c->sent.to - 1)->end, &exp, &len)) {
        size_t stop = tok(c, ten)->end + len;
        while (n < c->sent.to && tok(c, n)->start < stop)
            n++;
    } else {
        bool caret = n < c->sent.to && glued(c, n) && is_punct(c, n, "^");
        if (caret)
            n++;
        if (n < c->sent.to && glued(c, n) &&
            (is_punct(c, n, "-") || is_punct(c, n, "\xE2\x88\x92") || is_punct(c, n, "+"))) {
            sign = is_punct(c, n, "+") ? 1 : -1;
            n++;
        } else if (!caret) {
            return 0;
        }
        if (n >= c->sent.to || !glued(c, n) || tok(c, n)->kind != FC_TOK_NUM ||
            tok(c, n)->end - tok(c, n)->start > 3)
            return 0;
        exp = sign * (int)fc_tok_number(t, tok(c, n));
        n++;
    }
    *v *= pow(10, exp);
    return n - j;
}

/* power_of_ten_read where token j starts as one may ("e", "x", "×", "*"):
 * inlined, so that the common case, nothing of a power of ten, costs one
 * byte's test. */
FC_HOT size_t power_of_ten_at(const ctx *c, size_t j, double *v)
{
    if (j >= c->sent.to)
        return 0;
    unsigned char first = (unsigned char)c->text[tok(c, j)->start];
    if ((first | 0x20) != 'e' && (first | 0x20) != 'x' && first != '*' && first != 0xC3)
        return 0;
    return power_of_ten_read(c, j, v);
}

/* Whether token j may be a vulgar fraction: a punctuation mark whose first byte
 * starts one (C2 or E2). Inlined: most tokens fail on one byte. */
FC_HOT bool glyph_lead(const ctx *c, size_t j)
{
    return j < c->sent.to && tok(c, j)->kind == FC_TOK_PUNCT &&
           ((unsigned char)c->text[tok(c, j)->start] == 0xC2 ||
            (unsigned char)c->text[tok(c, j)->start] == 0xE2);
}

/* Whether token j is a vulgar fraction ("½", "¾", "⅓"); adds its value to *v. */
static bool glyph_value(const ctx *c, size_t j, double *v)
{
    static const struct {
        const char *glyph;
        double value;
    } glyphs[] = {{"\xC2\xBD", 0.5},         {"\xC2\xBC", 0.25},        {"\xC2\xBE", 0.75},
                  {"\xE2\x85\x93", 1.0 / 3}, {"\xE2\x85\x94", 2.0 / 3}, {"\xE2\x85\x9B", 0.125}};
    if (!glyph_lead(c, j))
        return false;
    for (size_t g = 0; g < sizeof glyphs / sizeof *glyphs; g++)
        if (is_punct(c, j, glyphs[g].glyph)) {
            *v += glyphs[g].value;
            return true;
        }
    return false;
}

/* A vulgar fraction glued after the number ending before token j ("2½"):
 * added to *v; returns the tokens it takes. */
static size_t glyph_fraction_at(const ctx *c, size_t j, double *v)
{
    return glued(c, j) && glyph_lead(c, j) && glyph_value(c, j, v) ? 1 : 0;
}

/* A vulgar fraction standing alone before "of" ("½ of the residents", "about ¾
 * of the budget"): a share, as "half of" is. */
static bool glyph_share_at(const ctx *c, size_t i, quantity *q)
{
    if (i > c->sent.from && glued(c, i) && tok(c, i - 1)->kind == FC_TOK_NUM)
        return false; /* "2½": the number's own fraction */
    double v = 0;
    if (!glyph_value(c, i, &v) || !is_word(c, i + 1, "of"))
        return false;
    q->value = q->low = q->high = v;
    q->sp = (span){i, i + 1};
    return true;
}

/* The single number at a token (number_at), read once for the readings of
 * quantity_at that start with it. */
typedef struct number_read {
    bool ok; /* a number is there: */
    double value;
    size_t end;
} number_read;

static inline bool is_year(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    if (t->kind != FC_TOK_NUM || t->end - t->start != 4)
        return false;
    double v = fc_tok_number(c->text, t);
    return v >= 1800 && v <= 2100;
}

/* Whether "between" comes before the number at i, or before its currency symbol:
 * "between 3 and 5", "between $40 and $45 billion" (asked only when an "and"
 * follows the number). */
static bool between_before(const ctx *c, size_t i)
{
    uint32_t w_between = c->r->fixed[FC_W_between];
    if (i > c->sent.from && is_word_n(c, i - 1, w_between, "between"))
        return true;
    if (i > c->sent.from + 1 && tok(c, i - 1)->kind != FC_TOK_WORD) {
        const fc_entry *sym0 = currency_before(c, i);
        size_t lead = sym0 ? i - sym0->phrase.ntok : i;
        return sym0 && lead > c->sent.from && is_word_n(c, lead - 1, w_between, "between");
    }
    return false;
}

static bool number_quantity_at(const ctx *c, size_t i, const number_read *nr, quantity *q)
{
    if (!nr->ok)
        return false;
    size_t j = nr->end;
    double v = nr->value;
    if (tok(c, i)->kind == FC_TOK_NUM) {
        /* "3/4 of the members", "1/2 mile": a fraction of small whole numbers */
        if (j + 1 < c->sent.to && is_punct(c, j, "/") && glued(c, j) && glued(c, j + 1) &&
            tok(c, j + 1)->kind == FC_TOK_NUM && v >= 1 && v == floor(v)) {
            double d = fc_tok_number(c->text, tok(c, j + 1));
            bool of = is_word(c, j + 2, "of");
            if (d > v && d <= 100 && d == floor(d) && (of || unit_at(c, j + 2))) {
                q->num = i;
                q->scale = 1;
                q->value = q->low = q->high = v / d;
                if (of)
                    q->unit = FC_UNIT_RATIO;
                q->sp = (span){i, j + 2};
                return true;
            }
        }
        /* "10−4 mbar": a power of ten whose superscript was lost, a Unicode
         * minus left (a score or a range is written with a hyphen or a dash) */
        if (v == 10 && j + 1 < c->sent.to && is_punct(c, j, "\xE2\x88\x92") && glued(c, j) &&
            glued(c, j + 1) && tok(c, j + 1)->kind == FC_TOK_NUM &&
            tok(c, j + 1)->end - tok(c, j + 1)->start <= 2 && unit_at(c, j + 2)) {
            v = pow(10, -fc_tok_number(c->text, tok(c, j + 1)));
            j += 2;
        }
        j += power_of_ten_at(c, j, &v);
        j += glyph_fraction_at(c, j, &v);
    }
    q->num = i;
    double mult = 1;
    size_t s = scale_at(c, j, &mult);
    /* "1.2b", "$4B": billions; but "Unit 4B" is a label */
    if (!s && j < c->sent.to && glued(c, j) && tok(c, j)->kind == FC_TOK_WORD &&
        tok(c, j)->end - tok(c, j)->start == 1 && (c->text[tok(c, j)->start] | 0x20) == 'b' &&
        tok(c, i)->kind == FC_TOK_NUM &&
        (memchr(c->text + tok(c, i)->start, '.', tok(c, i)->end - tok(c, i)->start) ||
         currency_before(c, i))) {
        mult = 1e9;
        s = 1;
    }
    q->scale = mult;
    q->value = v * mult;
    j += s;
    /* A range: "1,200 to 1,500", "1.5-2 million", "between 3 and 5", with the unit
     * written once or on both ends: "55% to 60%", "$4.6 billion to $4.8 billion". */
    size_t k = j;
    const fc_entry *u1 = units_entry_at(c, k);
    q->units_tok = k;
    q->units_entry = u1;
    const fc_entry *c1 = u1 ? NULL : currency_after(c, k); /* "5 dollars to 9 dollars" */
    if (u1)
        k += u1->phrase.ntok;
    else if (c1)
        k += c1->phrase.ntok;
    bool change = is_word(c, k, "to") && starts_change(c, i);
    bool through = is_word(c, k, "through") || is_word(c, k, "thru"); /* "30 through 90" */
    if (!change && (is_punct(c, k, "-") || is_punct(c, k, "\xE2\x80\x93") || is_word(c, k, "to") ||
                    through || (is_word(c, k, "and") && between_before(c, i)))) {
        double v2, mult2 = 1;
        size_t k2, n2 = k + 1;
        const fc_entry *sym = symbol_at(c, n2);
        if (sym)
            n2 += sym->phrase.ntok; /* "$10 to $25" */
        /* A hyphen joins like with like: "1,200-1,500", "two-three"; not "7-Eleven". */
        bool hyphen = !is_word(c, k, "to") && !is_word(c, k, "and") && !through;
        bool same_kind = n2 < c->sent.to && tok(c, i)->kind == tok(c, n2)->kind &&
                         !fc_tok_is_capitalised(c->text, tok(c, n2));
        /* "from 2,300 in 2022 to 6,900 this year": a year is no end of a range
         * whose other end is no year */
        bool year_to_figure = !sym && n2 < c->sent.to && is_year(c, i) && !is_year(c, n2);
        if ((!hyphen || same_kind) && !year_to_figure && number_at(c, n2, &v2, &k2)) {
            size_t s2 = scale_at(c, k2, &mult2);
            /* ("lending $4 million to 80 businesses": a scale written on the
             * first end only is that end's) */
            if (s2 == 0 && s == 0)
                mult2 = mult;
            else if (s == 0)
                mult = mult2; /* "1.5-2 million": the scale is shared */
            double lo = v * mult, hi = v2 * mult2;
            const fc_entry *u2 = entry_at(c, &c->r->units, k2 + s2);
            const fc_entry *c2 = c1 ? currency_after(c, k2 + s2) : NULL;
            bool units_agree = (!u1 || (u2 && u2->kind == u1->kind)) &&
                               (!c1 || (c2 && memcmp(c1->code, c2->code, 4) == 0));
            if (lo < hi && units_agree) {
                q->range = true;
                q->low = lo;
                q->high = hi;
                q->value = lo;
                q->scale = mult2;
                j = k2 + s2;
            } else if (!u1 && v2 == 1 && v > 1 && is_word(c, k, "to")) {
                q->unit = FC_UNIT_RATIO; /* "two to one", "3-to-1" odds or margins */
                j = k2;
            }
        }
    }
    /* A sign: "-5%", "\xE2\x88\x92" (U+2212), "minus 5", "minus five", "negative
     * 1,200"; not the hyphen of a range. */
    if (i > c->sent.from && (tok(c, i)->kind == FC_TOK_NUM || is_word(c, i - 1, "minus") ||
                             is_word(c, i - 1, "negative"))) {
        bool sign = (is_punct(c, i - 1, "-") || is_punct(c, i - 1, "\xE2\x88\x92")) &&
                    glued(c, i) && tok(c, i - 1)->space_before;
        bool margin = is_word(c, i - 1, "minus") && i >= c->sent.from + 3 &&
                      is_word(c, i - 2, "or") && is_word(c, i - 3, "plus");
        if ((sign || is_word(c, i - 1, "minus") || is_word(c, i - 1, "negative")) && !margin) {
            q->value = -q->value;
            if (q->range) {
                double lo = q->low;
                q->low = -q->high;
                q->high = -lo;
            }
            i--;
        }
    }
    q->sp = (span){i, j};
    return true;
}

FC_HOT bool is_article(const ctx *c, size_t i)
{
    return is_word_n(c, i, c->w_a, "a") || is_word_n(c, i, c->w_an, "an");
}

/* A fraction word at i ("third", "thirds", "half"); sets *f. */
FC_HOT bool fraction_word(const ctx *c, size_t i, double *f)
{
    const fc_entry *e = i < c->sent.to ? entry_at(c, &c->r->fractions, i) : NULL;
    if (e)
        *f = e->value;
    return e != NULL;
}

/* "a third of", "two-thirds", "one-third", "half of", "nearly half", "one in five",
 * "1 in 4", "one out of three". article: token i is an article; nr: the number at i. */
static bool fraction_read(const ctx *c, size_t i, bool article, const number_read *nr,
                          quantity *q)
{
    double n = 1, d, f;
    size_t j = i;
    if (article) {
        j = i + 1;
    } else if (nr->ok) {
        n = nr->value;
        j = nr->end;
        /* "one in five", "1 out of 4", "one case in ten", "one in every six" */
        size_t k = j;
        if (n == 1 && k + 1 < c->sent.to && tok(c, k)->kind == FC_TOK_WORD &&
            !is_word(c, k, "in") && !is_word(c, k, "out") && is_word(c, k + 1, "in"))
            k++; /* the noun counted: "one case in ten" */
        if (is_word(c, k, "in"))
            k += 1 + is_word(c, k + 1, "every");
        else if (is_word(c, k, "out") && is_word(c, k + 1, "of"))
            k += 2;
        size_t e;
        if (k > j && number_at(c, k, &d, &e) && d > n && d >= 2 && !is_year(c, k)) {
            q->value = q->low = q->high = n / d;
            q->sp = (span){i, e};
            return true;
        }
        if (is_punct(c, j, "-") && glued(c, j) && glued(c, j + 1)) {
            /* "two-thirds"; not the ordinal "twenty-fifth" (20 fifths) */
            if (fraction_word(c, j + 1, &f) && n * f >= 1)
                return false;
            j++;
        }
    } else if (!fraction_word(c, i, &f) || tok(c, i)->end - tok(c, i)->start != 4) {
        return false; /* a bare fraction word must be "half" */
    }
    if (!fraction_word(c, j, &f))
        return false;
    /* "a third of", "half of", "nearly half"; "two-thirds" stands alone. A bare
     * "third" or "quarter" is an ordinal or a period ("the third quarter"). */
    /* "a third of voters", "about a third said", "half of", "nearly half"; not "a
     * third term" or "the third quarter", where a noun follows. */
    bool of = is_word(c, j + 1, "of");
    bool hedged = entry_before(c, &c->r->hedges, i) != NULL;
    bool alone = j + 1 >= c->sent.to || tok(c, j + 1)->kind == FC_TOK_PUNCT ||
                 list_at(c, &c->r->stop_words, j + 1) || list_at(c, &c->r->attr_after, j + 1);
    /* "half the 4,400 openings", "half that of the leaders", "half as many". */
    bool compared = j == i && (is_word(c, j + 1, "the") || is_word(c, j + 1, "that") ||
                               is_word(c, j + 1, "as") || is_word(c, j + 1, "its") ||
                               is_word(c, j + 1, "their"));
    /* "half a point", "half a percentage point" */
    bool point = j == i && is_word(c, j + 1, "a") &&
                 (is_word(c, j + 2, "point") ||
                  (is_word(c, j + 2, "percentage") && is_word(c, j + 3, "point")));
    /* "fell by half", "cut in half": a change (not "in half an hour") */
    bool by = j == i && i > c->sent.from &&
              (is_word(c, i - 1, "by") ||
               (is_word(c, i - 1, "in") && !is_word(c, j + 1, "a") && !is_word(c, j + 1, "an")));
    if (j == i ? !(of || hedged || compared || point || by)
               : (article ? !(of || hedged || alone) : false))
        return false;
    /* "the first half of this year", "the second half of the game": a period */
    if (j == i && i > c->sent.from &&
        (is_word(c, i - 1, "first") || is_word(c, i - 1, "second") ||
         is_word(c, i - 1, "back") || is_word(c, i - 1, "front") ||
         is_word(c, i - 1, "latter") || is_word(c, i - 1, "final") ||
         is_word(c, i - 1, "opening") || is_word(c, i - 1, "closing")))
        return false;
    q->value = q->low = q->high = n * f;
    q->sp = (span){i, j + 1};
    return true;
}

/* fraction_read where a fraction may start: a fraction word after an article, or
 * at i itself ("half"); after a number, "in" or "out" ("one in five", "1 out of
 * 4"), a noun then "in" after a one ("one case in ten"), a hyphen ("two-thirds")
 * or a fraction word. Inlined, so that most numbers ("12%", "40 stores") are
 * turned away at once. */
FC_HOT bool fraction_at(const ctx *c, size_t i, bool article, const number_read *nr, quantity *q)
{
    double f;
    bool may;
    if (article) {
        may = fraction_word(c, i + 1, &f);
    } else if (nr->ok) {
        size_t j = nr->end;
        may = is_word(c, j, "in") || is_word(c, j, "out") ||
              (nr->value == 1 && is_word(c, j + 1, "in")) || is_punct(c, j, "-") ||
              fraction_word(c, j, &f);
    } else {
        may = fraction_word(c, i, &f);
    }
    return may && fraction_read(c, i, article, nr, q);
}

/* "half a million", "a quarter of a million", "a third of a billion", "half a
 * dozen": a fraction of a scale word is one number (500,000), not a share and a
 * second figure. */
static bool fraction_of_scale(const ctx *c, size_t i, bool article, quantity *q)
{
    double f, v = 1;
    size_t k = article ? i + 1 : i;
    if (k >= c->sent.to || !fraction_word(c, k, &f))
        return false;
    size_t m = k + 1;
    if (is_word(c, m, "of"))
        m++;
    if (is_word(c, m, "a") || is_word(c, m, "an"))
        m++;
    if (m == k + 1 || m >= c->sent.to)
        return false; /* "half million" is read elsewhere, if at all */
    size_t ns = scale_at(c, m, &v);
    if (!ns) {
        const fc_entry *w = entry_at(c, &c->r->number_words, m);
        if (!w || (w->value != 12 && w->value != 100))
            return false;
        v = w->value;
        ns = 1;
    }
    q->value = q->low = q->high = f * v;
    q->sp = (span){i, m + ns};
    return true;
}

/* "a dozen", "a hundred", "a million"; "a week" when a hedge precedes it
 * ("nearly a week"): the article (token i, is_article) counts as one. */
static bool article_at(const ctx *c, size_t i, quantity *q)
{
    double v = 1;
    const fc_entry *w = entry_at(c, &c->r->number_words, i + 1);
    if (w && (w->value == 12 || w->value == 100)) {
        v = w->value;
    } else if (scale_at(c, i + 1, &v) == 0) {
        const fc_entry *u = entry_at(c, &c->r->units, i + 1);
        if (!u || u->kind != FC_UNIT_DURATION)
            return false;
        /* (not "for a second time", "will pay for a second house": an ordinal) */
        bool licensed = entry_before(c, &c->r->hedges, i) ||
                        (i > c->sent.from && is_word(c, i - 1, "for") && !is_word(c, i + 1, "second"));
        if (!licensed)
            return false; /* "nearly a week", "for a decade"; not "a week later" */
        q->value = q->low = q->high = 1;
        q->sp = (span){i, i + 1}; /* the unit word is read as a unit */
        return true;
    }
    size_t j = i + 2;
    double mult = 1;
    j += scale_at(c, j, &mult); /* "a hundred thousand" */
    q->value = q->low = q->high = v * mult;
    q->sp = (span){i, j};
    return true;
}

/* Whether token i may start a quantity: most words start none, and one bit
 * test says so. */
FC_HOT bool may_start_quantity(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    uint32_t w = c->word[i];
    if (t->kind == FC_TOK_PUNCT) /* "½ of": a fraction's glyph, two bytes or three */
        return ((unsigned char)c->text[t->start] == 0xC2 ||
                (unsigned char)c->text[t->start] == 0xE2) &&
               t->end - t->start > 1;
    return t->kind != FC_TOK_WORD || (c->quantity_words[w / 64] >> (w % 64) & 1) ||
           (!c->articles_in_bits && is_article(c, i));
}

/* The quantity expression starting at token i, if any. Token i is in the sentence
 * and may start one: the caller asks may_start_quantity first. */
static bool quantity_at(const ctx *c, size_t i, quantity *q)
{
    memset(q, 0, sizeof *q);
    q->unit = -1;
    const fc_entry *e = entry_at(c, &c->r->vague_quantities, i);
    if (e) {
        q->kind = Q_VAGUE;
        q->range = true;
        q->value = q->low = e->low;
        q->high = e->high;
        q->sp = (span){i, i + e->phrase.ntok};
        /* "a few hundred", "a few thousand": the scale multiplies the interval. */
        double mult = 1;
        size_t j = q->sp.to, ns = 0;
        const fc_entry *h = e->high < 10 ? entry_at(c, &c->r->number_words, j) : NULL;
        if (h && h->value == 100) {
            mult = 100;
            ns = 1;
        } else if (e->high < 10) {
            ns = scale_at(c, j, &mult);
        }
        if (ns) {
            q->value = q->low = e->low * mult;
            q->high = e->high * mult;
            q->sp.to = j + ns;
        }
        return true;
    }
    if ((e = entry_at(c, &c->r->multipliers, i))) {
        q->kind = Q_MULTIPLIER;
        q->value = q->low = q->high = e->value;
        q->unit = FC_UNIT_RATIO;
        q->direction = (fc_direction)e->kind;
        q->sp = (span){i, i + e->phrase.ntok};
        return true;
    }
    bool article = is_article(c, i);
    number_read nr;
    nr.ok = number_at(c, i, &nr.value, &nr.end);
    if (fraction_of_scale(c, i, article, q)) {
        q->kind = Q_ARTICLE; /* "half a million pounds": a number, its unit after */
        return true;
    }
    if (fraction_at(c, i, article, &nr, q) ||
        (tok(c, i)->kind == FC_TOK_PUNCT && glyph_share_at(c, i, q))) {
        q->kind = Q_FRACTION;
        q->unit = FC_UNIT_RATIO;
        /* "two-tenths of a point", "half a percentage point": points */
        size_t k = q->sp.to + (is_word(c, q->sp.to, "of") ? 1 : 0);
        if (is_word(c, k, "a") || is_word(c, k, "one")) {
            size_t p = k + 1 + (is_word(c, k + 1, "percentage") ? 1 : 0);
            if (is_word(c, p, "point")) {
                q->kind = Q_NUMBER;
                q->unit = FC_UNIT_PERCENTAGE_POINT;
                q->sp.to = p + 1;
            }
        }
        return true;
    }
    if (article && article_at(c, i, q)) {
        q->kind = Q_ARTICLE;
        return true;
    }
    q->kind = Q_NUMBER;
    return number_quantity_at(c, i, &nr, q);
}

/* ---- things that look like numbers but are not claims --------------------------- */

FC_HOT bool is_month(const ctx *c, size_t i)
{
    /* the capital first: one byte rules out most words */
    return i < c->toks.n && fc_tok_is_capitalised(c->text, tok(c, i)) &&
           entry_at(c, &c->r->months, i);
}


/* Whether the number at token i is part of a date: "Jan. 28", "May 30, 2025",
 * "28 January", "2022", "the 1990s". */
static bool is_date(const ctx *c, size_t i)
{
    size_t p = i;
    if (p > c->sent.from && is_punct(c, p - 1, "."))
        p--;
    if (p > c->sent.from && is_month(c, p - 1))
        return true;
    if (is_year(c, i))
        return !(i + 1 < c->sent.to &&
                 (is_punct(c, i + 1, "%") || entry_at(c, &c->r->units, i + 1)));
    if (i + 1 < c->sent.to && is_month(c, i + 1))
        return true;
    /* "from 12 to 15 August", "12-15 August": the first day of a span of days. */
    if (i + 3 < c->sent.to && tok(c, i + 2)->kind == FC_TOK_NUM && is_month(c, i + 3) &&
        (is_word(c, i + 1, "to") || is_punct(c, i + 1, "-") || is_punct(c, i + 1, "\xE2\x80\x93")) &&
        fc_tok_number(c->text, tok(c, i)) <= 31 && fc_tok_number(c->text, tok(c, i + 2)) <= 31)
        return true;
    /* The last day of a span after a month: "Sept. 6 and 7", "June 10-14",
     * "March 3 to 5" (the "7", "14", "5"), a day-sized number only. */
    if (i >= c->sent.from + 3 && tok(c, i)->kind == FC_TOK_NUM &&
        tok(c, i)->end - tok(c, i)->start <= 2 &&
        (is_word(c, i - 1, "and") || is_word(c, i - 1, "to") || is_word(c, i - 1, "through") ||
         (is_punct(c, i - 1, "-") && glued(c, i) && glued(c, i - 1))) &&
        tok(c, i - 2)->kind == FC_TOK_NUM && tok(c, i - 2)->end - tok(c, i - 2)->start <= 2 &&
        fc_tok_number(c->text, tok(c, i)) <= 31 &&
        fc_tok_number(c->text, tok(c, i - 2)) < fc_tok_number(c->text, tok(c, i)) &&
        (is_month(c, i - 3) || (i >= c->sent.from + 4 && is_punct(c, i - 3, ".") && is_month(c, i - 4))) &&
        !(i + 1 < c->sent.to && tok(c, i + 1)->kind == FC_TOK_WORD && !is_word(c, i + 1, "and") &&
          (is_plural(c, i + 1) || entry_at(c, &c->r->units, i + 1))))
        return true;
    /* A span of years: "the 2024-25 school year" (the "25"). */
    if (i >= c->sent.from + 2 && is_punct(c, i - 1, "-") && glued(c, i) && glued(c, i - 1) &&
        is_year(c, i - 2) && tok(c, i)->end - tok(c, i)->start == 2)
        return true;
    /* "May 30, 2025": the year after a day-of-month (four digits; not the figure
     * of "On May 30, 40 homes were sold" or "In 2025, 40 homes were sold"). */
    if (i >= c->sent.from + 3 && is_punct(c, i - 1, ",") && tok(c, i - 2)->kind == FC_TOK_NUM &&
        tok(c, i)->end - tok(c, i)->start == 4 && !is_year(c, i - 2) && is_date(c, i - 2))
        return true;
    return false;
}

/* Times of day: "9 a.m.", "11:00", "3:23 p.m.", and "until 9" after a time. */
static bool is_time(const ctx *c, size_t i, size_t end)
{
    if (is_punct(c, end, ":") && glued(c, end) && end + 1 < c->sent.to &&
        tok(c, end + 1)->kind == FC_TOK_NUM)
        return true;
    if (i > c->sent.from + 1 && is_punct(c, i - 1, ":") && glued(c, i) &&
        tok(c, i - 2)->kind == FC_TOK_NUM)
        return true;
    if (list_at(c, &c->r->time_suffixes, end) > 0)
        return true;
    /* "from 7 a.m. until 9": a bare small number joined to an earlier time. */
    if (i > c->sent.from &&
        (is_word(c, i - 1, "until") || is_word(c, i - 1, "till") || is_word(c, i - 1, "to") ||
         is_word(c, i - 1, "at") || is_word(c, i - 1, "by"))) {
        double v = fc_tok_number(c->text, tok(c, i));
        for (size_t k = i > 40 ? i - 40 : 0; k + 1 < i && v <= 12; k++)
            if (tok(c, k)->kind == FC_TOK_NUM && list_at(c, &c->r->time_suffixes, k + 1))
                return true;
    }
    return false;
}

/* Whether the token before the number at i is one that the tests of a bare age
 * below start from ("youngest", "oldest", "is", "was", "being", "at", ","):
 * with none of them each fails at once, and most numbers have none. */
static bool age_cue_before(const ctx *c, size_t i)
{
    if (i <= c->sent.from)
        return false;
    return is_punct(c, i - 1, ",") || is_word(c, i - 1, "at") || is_word(c, i - 1, "is") ||
           is_word(c, i - 1, "was") || is_word(c, i - 1, "being") ||
           is_word(c, i - 1, "youngest") || is_word(c, i - 1, "oldest");
}

/* Ages: "Sam Park, 41," ; "a 20-year-old"; "aged 39". */
static bool is_age(const ctx *c, size_t i, size_t end)
{
    if (list_at(c, &c->r->age_words, end) > 0)
        return true;
    if (end < c->sent.to && is_punct(c, end, "-") && list_at(c, &c->r->age_words, end + 1))
        return true;
    if (i > c->sent.from && lookup(c, &c->r->age_before.last, c->r->age_before.items,
                                   sizeof *c->r->age_before.items, i, true)) {
        /* "younger than 18", "aged 39", "ages 5 to 11", "children under 5"; but
         * "patients over 31 days" is a period */
        const fc_entry *u = end < c->sent.to ? entry_at(c, &c->r->units, end) : NULL;
        return !(u && u->kind == FC_UNIT_DURATION);
    }
    if (tok(c, i)->kind != FC_TOK_NUM || end != i + 1 || !age_cue_before(c, i))
        return false;
    double v = fc_tok_number(c->text, tok(c, i));
    if (v > 120)
        return false;
    /* "the youngest is 19 and the oldest 61", "the oldest, 94," */
    for (size_t k = i; k-- > c->sent.from && k + 4 > i;) {
        if (is_word(c, k, "youngest") || is_word(c, k, "oldest"))
            return end >= c->sent.to || tok(c, end)->kind != FC_TOK_WORD || is_word(c, end, "and") ||
                   is_word(c, end, "years");
        if (!(is_word(c, k, "is") || is_word(c, k, "was") || is_word(c, k, "being") ||
              is_punct(c, k, ",")))
            break;
    }
    /* "joined the navy at 18", "retired at 60": a life event, then "at" and the age. */
    if (i > c->sent.from + 1 && is_word(c, i - 1, "at") && v >= 5 && v == floor(v) &&
        (end >= c->sent.to || tok(c, end)->kind != FC_TOK_WORD ||
         (!is_plural(c, end) && !unit_at(c, end) && !entry_at(c, &c->r->scale_words, end))) &&
        !is_punct(c, end, "%")) {
        for (size_t k = i - 1; k-- > c->sent.from && k + 6 > i;) {
            if (tok(c, k)->kind == FC_TOK_NUM)
                break;
            if (list_at(c, &c->r->age_events, k))
                return true;
        }
    }
    bool closes = end >= c->sent.to || is_punct(c, end, ",") || is_punct(c, end, ".") ||
                  is_punct(c, end, ")");
    if (!closes || i < c->sent.from + 2 || !is_punct(c, i - 1, ","))
        return false;
    size_t n = i - 2; /* the name's first word: "Ahn Min-seok, 72" */
    while (n >= c->sent.from + 2 && is_punct(c, n - 1, "-") && glued(c, n) && glued(c, n - 1))
        n -= 2;
    if (fc_tok_is_capitalised(c->text, tok(c, n)) && !is_month(c, n))
        return true;
    /* "The singer, 42, said": a person's noun, then the age between commas and a
     * verb of speech or "who". */
    return tok(c, n)->kind == FC_TOK_WORD && v >= 1 && v == floor(v) && is_punct(c, end, ",") &&
           end + 1 < c->sent.to &&
           (list_at(c, &c->r->attr_after, end + 1) || is_word(c, end + 1, "who")) &&
           n > c->sent.from && is_determiner(c, n - 1);
}


/* Whether unit entry u is a temperature's ("degrees", "°C"). */
static bool is_temperature(const fc_entry *u)
{
    return u->name && strncmp(u->name, "degree", 6) == 0;
}

/* Whether the sentence is prose: six words or more, ending in ".", "!" or "?"
 * (a weather box or a table row is neither). */
static bool is_prose(const ctx *c)
{
    size_t words = 0;
    for (size_t k = c->sent.from; k < c->sent.to && words < 6; k++)
        words += tok(c, k)->kind == FC_TOK_WORD;
    size_t last = c->sent.to - 1;
    return words >= 6 && (is_punct(c, last, ".") || is_punct(c, last, "!") || is_punct(c, last, "?"));
}

/* Whether a temperature at token i (unit u) is a claim: in prose, with its
 * scale named ("stored at -40 °C", "1.2 degrees Celsius") or as a change ("rose
 * 2 degrees", "by 3 degrees"); a bare reading ("91 degrees at noon") is the
 * weather. */
static bool temperature_claim(const ctx *c, size_t i, const fc_entry *u)
{
    if (!is_prose(c))
        return false;
    if (u->base)
        return true;
    size_t p = i;
    if (p > c->sent.from && entry_before(c, &c->r->hedges, p))
        p -= entry_before(c, &c->r->hedges, p)->phrase.ntok;
    if (p > c->sent.from &&
        (is_word(c, p - 1, "by") || list_before(c, &c->r->change_verbs, p) ||
         list_before(c, &c->r->up_before, p) || list_before(c, &c->r->down_before, p)))
        return true;
    /* "hit 41.5 degrees", "reached 112 degrees": a reading in a sentence about
     * the heat or the cold, not an angle, a bearing or a degree course. */
    static const char *const heat[] = {"temperature", "temperatures", "heat", "heatwave", "hot", "hottest",
                                       "warm", "warmest", "cold", "coldest", "hit", "reached", "soared",
                                       "climbed", "peaked", "topped", "record", "thermometer", "thermometers",
                                       "mercury", "high", "low", "sweltered", "shade"};
    static const char *const angle[] = {"angle", "angles", "turn", "turned", "rotate", "rotated", "tilt",
                                        "tilted", "slope", "latitude", "longitude", "north", "south", "east",
                                        "west", "bearing", "arc", "degree", "university", "courses"};
    /* The two ends of a swing ("fell from a muggy 91 degrees at noon to 68
     * degrees by 6 p.m.") are the day's weather, not figures. */
    for (size_t k = p, n = 0; k > c->sent.from && n < 3; k--, n++)
        if (is_word(c, k - 1, "from") || is_word(c, k - 1, "to"))
            return false;
    bool warm = false;
    for (size_t k = c->sent.from; k < c->sent.to; k++) {
        if (tok(c, k)->kind != FC_TOK_WORD)
            continue;
        for (size_t a = 0; a < sizeof angle / sizeof *angle; a++)
            if (is_list_word(c, k, angle[a]))
                return false;
        for (size_t h = 0; h < sizeof heat / sizeof *heat && !warm; h++)
            warm = is_list_word(c, k, heat[h]);
    }
    return warm;
}

/* The scale of a bare "degrees" read as a temperature: Fahrenheit above 55
 * (no weather reaches 56 degrees Celsius), else Celsius; NULL when the rules
 * have neither. */
static const fc_entry *degree_scale(const ctx *c, double v)
{
    const char *want = v > 55 ? "degree Fahrenheit" : "degree Celsius";
    for (size_t k = 0; k < c->r->units.n; k++)
        if (c->r->units.items[k].name && strcmp(c->r->units.items[k].name, want) == 0)
            return &c->r->units.items[k];
    return NULL;
}

/* Whether the number at token i is a figure in the unit written at end: any
 * unit but a temperature, which must be a claim (temperature_claim). */
static bool unit_claim(const ctx *c, size_t i, size_t end)
{
    const fc_entry *u = unit_at(c, end);
    return u && (!is_temperature(u) || temperature_claim(c, i, u));
}

/* Names and codes with digits: "7-Eleven", "H-1B", "I-9", "COVID-19", "1st",
 * "401(k)", "1990s"; and temperatures ("80.1 F") outside prose. */
static bool is_name_or_code(const ctx *c, size_t i, size_t end)
{
    const char *t = c->text;
    /* A citation or formula: "[12]", "[4–9]", "Ca(NO3)2"; a slash between
     * numbers ("24/7", "(1/4, 1/4)", "3/4" as a score) unless read as a
     * fraction ("3/4 of", whose span takes both numbers) */
    if (i > 0 && glued(c, i) &&
        ((is_punct(c, i - 1, "[") && plain_digits(c, i)) || is_punct(c, i - 1, ")") ||
         (is_punct(c, i - 1, "/") && i > 1 && glued(c, i - 1) && tok(c, i - 2)->kind == FC_TOK_NUM)))
        return true;
    if (end + 1 < c->toks.n && glued(c, end) && is_punct(c, end, "/") && glued(c, end + 1) &&
        tok(c, end + 1)->kind == FC_TOK_NUM)
        return true;
    /* A name and its number: "Pioneer 10 probe", "Apollo 11 mission": a
     * capitalised word inside the sentence (not a possessive: "Northgate's 84
     * points"), a small whole number, then a singular lower-case word that is no
     * unit, scale or currency ("Hale 312 cases" is a count). */
    if (i > c->sent.from + 1 && end == i + 1 && tok(c, i)->kind == FC_TOK_NUM &&
        tok(c, i)->end - tok(c, i)->start <= 4 && !glued(c, i) &&
        fc_tok_is_capitalised(t, tok(c, i - 1)) && !is_month(c, i - 1) &&
        /* ("TARROW BAY - Some 41 downtown restaurants": a hedge opening a
         * clause) */
        !entry_at(c, &c->r->hedges, i - 1) &&
        !memchr(t + tok(c, i - 1)->start, '\'', tok(c, i - 1)->end - tok(c, i - 1)->start) &&
        !memchr(t + tok(c, i - 1)->start, 0xE2, tok(c, i - 1)->end - tok(c, i - 1)->start) &&
        !list_at(c, &c->r->day_names, i - 1) && !currency_before(c, i) && end < c->sent.to &&
        tok(c, end)->kind == FC_TOK_WORD && !fc_tok_is_capitalised(t, tok(c, end)) &&
        !is_plural(c, end) && !unit_at(c, end) && !entry_at(c, &c->r->scale_words, end) && !currency_after(c, end) &&
        !list_at(c, &c->r->stop_words, end) && !entry_at(c, &c->r->hedges, end) &&
        !memchr(t + tok(c, i)->start, ',', tok(c, i)->end - tok(c, i)->start) &&
        !memchr(t + tok(c, i)->start, '.', tok(c, i)->end - tok(c, i)->start))
        return true;
    /* A letter glued before: "H-1B", "I-9", "COVID-19", "FY2024". */
    if (glued(c, i) && i > 0) {
        const fc_tok *p = tok(c, i - 1);
        if (p->kind == FC_TOK_WORD)
            return !currency_before(c, i); /* but "RM12", "Rs500" are money */
        if (p->kind == FC_TOK_PUNCT && t[p->start] == '-' && glued(c, i - 1) && i > 1 &&
            tok(c, i - 2)->kind == FC_TOK_WORD)
            return true;
    }
    if (end < c->toks.n && glued(c, end)) {
        const fc_tok *n = tok(c, end);
        /* Letters glued after: "1B", "1st", "1990s" (scale words were consumed);
         * but a unit ("512GB", "2.5mm") is part of the figure. */
        if (n->kind == FC_TOK_WORD)
            return !unit_claim(c, i, end) && !(currency_after(c, end) && is_word(c, end, "p") &&
                                               (end + 1 >= c->toks.n || !glued(c, end + 1) ||
                                                tok(c, end + 1)->kind == FC_TOK_PUNCT)); /* "152.9p" */
        /* "7-Eleven": a hyphen then a capitalised word. */
        if (n->kind == FC_TOK_PUNCT && t[n->start] == '-' && end + 1 < c->toks.n &&
            glued(c, end + 1) && fc_tok_is_capitalised(t, tok(c, end + 1)))
            return true;
        /* "401(k)" */
        if (n->kind == FC_TOK_PUNCT && t[n->start] == '(' && end + 2 < c->toks.n &&
            tok(c, end + 1)->kind == FC_TOK_WORD &&
            tok(c, end + 1)->end - tok(c, end + 1)->start == 1)
            return true;
    }
    /* Temperatures: "80.1 F", "21 °C", outside prose (a weather box). */
    if (end < c->sent.to) {
        size_t k = list_at(c, &c->r->temperature_suffixes, end);
        if (k > 0 &&
            (tok(c, end)->kind != FC_TOK_WORD || tok(c, end)->end - tok(c, end)->start > 1))
            return !unit_claim(c, i, end); /* "21 °C", "91 degrees" */
        if (k > 0 && fc_tok_is_capitalised(t, tok(c, end)) &&
            tok(c, end)->end - tok(c, end)->start == 1)
            return !unit_claim(c, i, end);
    }
    return false;
}

/* A label before the number: "No. 10", "Route 66", "Title 42", "Form 1040". */
static bool is_label(const ctx *c, size_t i)
{
    size_t p = i;
    if (p > c->sent.from && is_punct(c, p - 1, "."))
        p--;
    if (p == c->sent.from)
        return false;
    if (fc_tok_is_capitalised(c->text, tok(c, p - 1)) &&
        list_at(c, &c->r->label_words, p - 1) == 1)
        return true;
    /* (a lowercase one may be a verb of a count, "catalogue 40,000 specimens":
     * a label's number has no thousands separator; "grade 4 pupils" is one) */
    if (list_at(c, &c->r->lowercase_labels, p - 1) == 1)
        return !(p == i && tok(c, i)->kind == FC_TOK_NUM &&
                 memchr(c->text + tok(c, i)->start, ',', tok(c, i)->end - tok(c, i)->start));
    /* The second of a list of labels: "exits 49 and 68", "Rooms 101-103". */
    /* (not a figure with a unit or "other" after it: "on Route 9 and 6 pounds
     * from the unit", "Route 9 and 12 other roads") */
    if (p >= c->sent.from + 2 &&
        (is_word(c, p - 1, "and") || is_word(c, p - 1, "or") || is_punct(c, p - 1, ",") ||
         is_punct(c, p - 1, "-")) &&
        tok(c, p - 2)->kind == FC_TOK_NUM &&
        !(p == i && i + 1 < c->sent.to &&
          (unit_at(c, i + 1) || is_word(c, i + 1, "other") || is_word(c, i + 1, "more"))))
        return is_label(c, p - 2);
    return false;
}

/* A street address: "1600 Pennsylvania Ave.", "123 Main Street". */
static bool is_address(const ctx *c, size_t i, size_t end)
{
    const fc_tok *t = tok(c, i);
    if (end != i + 1 || has_mark(c->text, t))
        return false;
    if (end < c->sent.to && is_word(c, end, "block") && is_word(c, end + 1, "of"))
        return true; /* "the 1400 block of Mercer Road" */
    for (size_t k = end; k < c->sent.to && k < end + 6; k++) {
        const fc_tok *w = tok(c, k);
        bool ordinal = w->kind == FC_TOK_NUM && k + 1 < c->sent.to && glued(c, k + 1) &&
                       list_at(c, &c->r->ordinal_suffixes, k + 1);
        if (ordinal) { /* "2200 W. 4th St." */
            k++;
            continue;
        }
        if (is_punct(c, k, ".") && k > end)
            continue;
        if (!fc_tok_is_capitalised(c->text, w))
            return false;
        if (k > end && list_at(c, &c->r->street_suffixes, k))
            return true;
    }
    return false;
}

/* Scores and tallies glued by a hyphen, larger first: "won 3-2", "a 7-2 vote". */
static bool is_score(const ctx *c, size_t i)
{
    size_t a = i, b = i + 2;
    if (i >= c->sent.from + 2 && is_punct(c, i - 1, "-") && glued(c, i) && glued(c, i - 1) &&
        tok(c, i - 2)->kind == FC_TOK_NUM) {
        a = i - 2;
        b = i;
    }
    if (b >= c->sent.to || !is_punct(c, a + 1, "-") || !glued(c, a + 1) || !glued(c, b) ||
        tok(c, b)->kind != FC_TOK_NUM)
        return false;
    double x = fc_tok_number(c->text, tok(c, a)), y = fc_tok_number(c->text, tok(c, b));
    return x >= y && x <= 200;
}

/* Whether token i is on a line of page furniture ("Advertisement", "Updated 3:45
 * p.m.", "Photo 2 of 12"): a line whose first token, at most 40 before i, starts
 * a furniture line. The quantities of a block are asked about in order, so the
 * line start found last time is kept (ctx.line) and only the tokens since are
 * read again. */
static bool in_furniture(ctx *c, size_t i)
{
    size_t k = i, start;
    if (c->line.known && i >= c->line.at) {
        while (k > c->line.at && !tok(c, k)->newline_before)
            k--;
        start = k > c->line.at || tok(c, k)->newline_before ? k : c->line.start;
    } else {
        while (k > 0 && k + 40 > i && !tok(c, k)->newline_before)
            k--;
        start = tok(c, k)->newline_before ? k : SIZE_MAX;
    }
    c->line.known = true;
    c->line.at = i;
    c->line.start = start;
    return start != SIZE_MAX && i - start <= 40 && list_at(c, &c->r->furniture_lines, start) > 0;
}

/* Phone numbers: "555-0142", "1-800-555-0100", "(213) 555-0142": digit groups
 * glued by hyphens, ending in a group of four after a group of three. */
static bool is_phone(const ctx *c, size_t i)
{
    /* The whole glued run of number groups around token i. */
    size_t a = i, b = i;
    while (a >= c->sent.from + 2 && is_punct(c, a - 1, "-") && glued(c, a) && glued(c, a - 1) &&
           tok(c, a - 2)->kind == FC_TOK_NUM)
        a -= 2;
    while (b + 2 < c->sent.to && is_punct(c, b + 1, "-") && glued(c, b + 1) && glued(c, b + 2) &&
           tok(c, b + 2)->kind == FC_TOK_NUM)
        b += 2;
    if (b >= a + 2 && plain_digits(c, b) == 4 && plain_digits(c, b - 2) == 3)
        return true;
    /* The area code: "(213)" before such a number. */
    return i > c->sent.from && is_punct(c, i - 1, "(") && plain_digits(c, i) == 3 &&
           is_punct(c, i + 1, ")") && i + 4 < c->sent.to && plain_digits(c, i + 2) == 3 &&
           is_punct(c, i + 3, "-") && plain_digits(c, i + 4) == 4;
}

/* Whether token k is a plain whole number ("4471", not "4.5" or "1,200"). */
static bool plain_number(const ctx *c, size_t k)
{
    return k < c->sent.to && plain_digits(c, k) > 0;
}

/* Identifiers and references, not quantities:
 *   - a number written with a leading zero: "0800", "000417";
 *   - digit groups in a row with only spaces between ("0800 555 0199", "+44 20
 *     7946 0958") or three or more glued by hyphens ("978-0-306-40615-7");
 *   - a number after an identifier's noun: "badge number was 4471", "IMO number
 *     is 9321483", "the patent, US 7,654,321" (not "the number was 40", nor
 *     "the number of arrests was 40");
 *   - a number inside a bracketed list of references: "[3, 17]", "[4-9, 12]". */
static bool is_identifier(const ctx *c, size_t i, size_t end)
{
    const fc_tok *t = tok(c, i);
    const char *x = c->text;
    size_t len = t->end - t->start;
    bool whole = plain_digits(c, i) > 0;
    if (len >= 3 && x[t->start] == '0' && whole)
        return true;
    if (end == i + 1 && whole) {
        /* A neighbour group stands free: nothing glued to it ("100 7-Eleven
         * stores" is a count and a name). */
        bool before = i > c->sent.from && tok(c, i - 1)->kind == FC_TOK_NUM && !glued(c, i) &&
                      !glued(c, i - 1) && plain_number(c, i - 1) && !is_year(c, i - 1) &&
                      !is_year(c, i);
        bool after = end < c->sent.to && tok(c, end)->kind == FC_TOK_NUM && !glued(c, end) &&
                     plain_number(c, end) && !is_year(c, end) && !is_year(c, i) &&
                     !(end + 1 < c->sent.to && glued(c, end + 1));
        if (before || after)
            return true;
        if (i > c->sent.from && is_punct(c, i - 1, "+") && glued(c, i) && after)
            return true;
    }
    size_t groups = 1;
    for (size_t k = i; k >= c->sent.from + 2 && is_punct(c, k - 1, "-") && glued(c, k) &&
                       glued(c, k - 1) && tok(c, k - 2)->kind == FC_TOK_NUM;
         k -= 2)
        groups++;
    for (size_t k = i; k + 2 < c->sent.to && is_punct(c, k + 1, "-") && glued(c, k + 1) &&
                       glued(c, k + 2) && tok(c, k + 2)->kind == FC_TOK_NUM;
         k += 2)
        groups++;
    if (groups >= 3)
        return true;
    /* Back over "is", "was", ":", ",", codes ("US", "1Z") to the noun. */
    const uint32_t *fw = c->r->fixed;
    size_t k = i;
    for (size_t steps = 0; k > c->sent.from && steps < 6; steps++) {
        const fc_tok *p = tok(c, k - 1);
        size_t pl = p->end - p->start;
        bool skip = p->kind == FC_TOK_NUM;
        if (!skip && p->kind == FC_TOK_WORD)
            skip = is_word_n(c, k - 1, fw[FC_W_is], "is") ||
                   is_word_n(c, k - 1, fw[FC_W_was], "was") ||
                   (pl <= 3 &&
                    (fc_tok_is_capitalised(x, p) || (x[p->end - 1] >= '0' && x[p->end - 1] <= '9')));
        else if (!skip && pl == 1)
            skip = x[p->start] == ':' || x[p->start] == ',' || x[p->start] == '#';
        if (!skip)
            break;
        k--;
    }
    if (k > c->sent.from && k <= i && tok(c, k - 1)->kind == FC_TOK_WORD) {
        size_t nn = k - 1;
        if (is_word_n(c, nn, fw[FC_W_code], "code") || is_word_n(c, nn, fw[FC_W_isbn], "isbn") ||
            is_word_n(c, nn, fw[FC_W_patent], "patent") || is_word_n(c, nn, fw[FC_W_id], "id"))
            return true;
        /* "build 22631", "version 3": not "build 300 homes", "build 900
         * affordable homes", "build 1.5 million" */
        if ((is_word_n(c, nn, fw[FC_W_build], "build") ||
             is_word_n(c, nn, fw[FC_W_version], "version")) &&
            end == i + 1 && plain_digits(c, i)) {
            bool counted = false;
            for (size_t q = end; !counted && q < c->sent.to && q < end + 3 &&
                                 tok(c, q)->kind == FC_TOK_WORD &&
                                 !fc_tok_is_capitalised(c->text, tok(c, q));
                 q++)
                counted = is_plural(c, q) || (q == end && (unit_at(c, q) ||
                                                          entry_at(c, &c->r->scale_words, q)));
            if (!counted)
                return true;
        }
        /* "badge number 4471", "IMO number is ...": a singular noun before
         * "number"; not the verb ("English learners number 1,015", "stores now
         * number 36"). */
        if (is_word_n(c, nn, fw[FC_W_number], "number") && nn > c->sent.from &&
            tok(c, nn - 1)->kind == FC_TOK_WORD &&
            !is_determiner(c, nn - 1) && !is_plural(c, nn - 1) &&
            !list_at(c, &c->r->stop_words, nn - 1) && !is_word(c, nn - 1, "record") &&
            !is_word(c, nn - 1, "total"))
            return true;
    }
    /* "[3, 17]", "[4–9]": back over whole numbers, commas and dashes to a "[";
     * not an interval of decimals ("[44.9, 51.1]"). */
    for (size_t b = i; whole && b > c->sent.from;) {
        b--;
        if (is_punct(c, b, "["))
            return true;
        if (!(plain_digits(c, b) || is_punct(c, b, ",") || is_punct(c, b, "-") ||
              is_punct(c, b, "\xE2\x80\x93") || is_punct(c, b, ";")))
            break;
    }
    return false;
}

/* A model or mission and its number: "the Boeing 737 on", "a PlayStation 5 for",
 * "the Snapdragon 8 Gen 3"; at the start of a sentence, a capitalised word the
 * rules do not know: "Apollo 11 landed", "Voyager 2 is". The number is a small
 * whole one and no counted noun, unit or percentage follows it. */
static bool is_model_number(const ctx *c, size_t i, size_t end)
{
    /* The variant of a lettered model: the "200" of "A320-200". */
    if (end == i + 1 && i >= c->sent.from + 3 && glued(c, i) && is_punct(c, i - 1, "-") &&
        glued(c, i - 1) && tok(c, i - 2)->kind == FC_TOK_NUM && tok(c, i - 3)->kind == FC_TOK_WORD &&
        (glued(c, i - 2) || fc_tok_is_capitalised(c->text, tok(c, i - 3))) &&
        !list_at(c, &c->r->label_words, i - 3) && !is_month(c, i - 3))
        return true; /* and the "9" of "Boeing 787-9" */
    /* A variant after a hyphen: "Boeing 737-800", "A320-200". */
    if (end == i + 3 && is_punct(c, i + 1, "-") && glued(c, i + 1) && glued(c, i + 2) &&
        plain_number(c, i + 2))
        end = i + 1;
    /* A brand written in camel case: "iPhone 15", "iPad 10". */
    const fc_tok *b = i > c->sent.from ? tok(c, i - 1) : NULL;
    bool camel = b && b->kind == FC_TOK_WORD && b->end - b->start >= 3 && c->text[b->start] >= 'a' &&
                 c->text[b->start] <= 'z' && c->text[b->start + 1] >= 'A' && c->text[b->start + 1] <= 'Z';
    if (end != i + 1 || i == c->sent.from || glued(c, i) ||
        tok(c, i - 1)->kind != FC_TOK_WORD || (!fc_tok_is_capitalised(c->text, tok(c, i - 1)) && !camel) ||
        tok(c, i)->end - tok(c, i)->start > 4 || !plain_number(c, i))
        return false;
    size_t n = i - 1;
    if (is_month(c, n) ||
        list_at(c, &c->r->day_names, n) || currency_before(c, i) || list_at(c, &c->r->label_words, n))
        return false;
    if (end < c->sent.to) {
        const fc_tok *a = tok(c, end);
        if (a->kind == FC_TOK_NUM || is_punct(c, end, "%") ||
            (a->kind == FC_TOK_WORD && !list_at(c, &c->r->stop_words, end) &&
             (is_plural(c, end) || unit_at(c, end) || entry_at(c, &c->r->scale_words, end) ||
              currency_after(c, end) || entry_at(c, &c->r->hedges, end))))
            return false;
    }
    if (n == c->sent.from)
        return c->word[n] == c->r->vocab.n && end < c->sent.to &&
               tok(c, end)->kind == FC_TOK_WORD && !fc_tok_is_capitalised(c->text, tok(c, end));
    return is_determiner(c, n - 1);
}

/* ---- the claim around a quantity ------------------------------------------- */

typedef struct found {
    fc_claim claim;
    bool partitive;            /* "five of those stores", "five of them" */
    size_t subj_from, subj_to; /* subject tokens */
    size_t last;               /* last token of the claim's expression (exclusive) */
} found;

/* A hedged percentage level ("about 95%", "more than 90%"): a share, so the
 * hedge's width in points when the rules give one (a relative one is too wide
 * near 100 and too narrow near 0), and never beyond 0 to 100. */
static void hedge_share(const fc_entry *h, fc_claim *cl)
{
    double v = cl->value;
    if (!(v >= 0 && v <= 100))
        return;
    if (h->points > 0 && cl->qualifier == FC_QUAL_APPROXIMATELY) {
        cl->low = v - h->points;
        cl->high = v + h->points;
    } else if (h->points > 0 && cl->qualifier == FC_QUAL_NEARLY) {
        cl->low = v - h->points;
        cl->high = v;
    }
    cl->low = fmax(cl->low, 0);
    cl->high = fmin(cl->high, 100);
}

/* Sets the claim's interval from its quantity and the hedge before it; returns
 * the hedge, or NULL. */
static void hedge_interval(fc_claim *cl, const fc_entry *h, double v);

static const fc_entry *apply_hedge(ctx *c, const quantity *q, fc_claim *cl, size_t *start_tok)
{
    if (q->range) {
        cl->qualifier = FC_QUAL_RANGE;
        cl->low = q->low;
        cl->high = q->high;
    } else {
        cl->low = cl->high = q->value;
    }
    /* A currency symbol may stand between the hedge and the number. */
    size_t at = *start_tok;
    const fc_entry *h = entry_before(c, &c->r->hedges, at);
    if (!h || q->range) {
        if (h && q->range)
            *start_tok = at - h->phrase.ntok; /* "at least 1,200 to 1,500" keeps its range */
        return NULL;
    }
    if (h->after)
        return NULL; /* "or more" belongs to the number before it */
    /* "fares go up to $2.57", "prices went up to $4": a rise to a level, no
     * bound (the verb of motion before "up") */
    if (h->phrase.ntok == 2 && is_word(c, at - 2, "up") && is_word(c, at - 1, "to") &&
        at >= c->sent.from + 3) {
        static const char *const moves[] = {"go", "goes", "going", "went", "gone", "move",
                                            "moves", "moved", "jump", "jumps", "jumped", "shot",
                                            "tick", "ticks", "ticked", "inch", "inched", "creep",
                                            "crept", "bump", "bumped", "bumps", "push", "pushed",
                                            "climb", "climbed", "climbs", "ratcheted", "crawled"};
        for (size_t k = 0; k < sizeof moves / sizeof *moves; k++)
            if (is_list_word(c, at - 3, moves[k]))
                return NULL;
    }
    /* A comparator that opens its line is markup (a quoted line's ">"), not "more than". */
    size_t hs = at - h->phrase.ntok;
    const fc_tok *first = tok(c, hs);
    if (first->kind == FC_TOK_PUNCT &&
        (first->newline_before || hs == 0 ||
         (glued(c, hs) && tok(c, hs - 1)->kind == FC_TOK_PUNCT))) /* nor an arrow's "->" */
        return NULL;
    *start_tok = at - h->phrase.ntok;
    hedge_interval(cl, h, q->value);
    return h;
}

/* Sets cl's qualifier, modality and interval from hedge h on value v. */
static void hedge_interval(fc_claim *cl, const fc_entry *h, double v)
{
    cl->qualifier = (fc_qualifier)h->kind;
    if (h->modality >= 0)
        cl->modality = (fc_modality)h->modality;
    /* The tolerance is a share of the number's size, so a negative number
     * ("about minus 20") gets the same interval mirrored, never an inverted one. */
    double t = h->tolerance, size = fabs(v);
    /* A hedge on a figure written to many places is narrow: "some 46,280
     * ballots" is within a few of 46,280, not anywhere from 41,700 to 50,900;
     * at most twenty of its last written place, never below 2%. An estimate
     * ("an estimated 597,000 deaths") is as wide as its rule says, however
     * it is written. */
    if (t > 0.02 && size > 0 && h->modality != FC_MOD_ESTIMATE) {
        double u = 1e15;
        while (u > 1e-4 && (size < u || fabs(size / u - nearbyint(size / u)) > 1e-6 * (size / u)))
            u /= 10;
        if (u > 1e-4)
            t = fmin(t, fmax(0.02, 20 * u / size));
    }
    switch (cl->qualifier) {
    case FC_QUAL_APPROXIMATELY:
        cl->low = v - size * t;
        cl->high = v + size * t;
        break;
    case FC_QUAL_NEARLY: /* short of the number's size: towards zero */
        cl->low = v < 0 ? v : v - size * t;
        cl->high = v < 0 ? v + size * t : v;
        break;
    case FC_QUAL_AT_LEAST:
    case FC_QUAL_MORE_THAN:
        cl->low = v;
        cl->high = INFINITY;
        break;
    case FC_QUAL_AT_MOST:
    case FC_QUAL_LESS_THAN: /* a count is not below zero; a negative bound has no floor */
        cl->low = v < 0 ? -INFINITY : 0;
        cl->high = v;
        break;
    default:
        break;
    }
}

/* The unit written at token end, after a number: its entry when the rules list
 * one there whose context holds (a glued-only unit glued to the number, a unit
 * that needs certain words with one of them in the sentence). */
/* Whether the text at token i is the phrase of entry e byte for byte. */
static bool written_as(const ctx *c, size_t i, const fc_entry *e)
{
    size_t n = strlen(e->phrase.text), s = tok(c, i)->start;
    return tok(c, i + e->phrase.ntok - 1)->end == s + n && memcmp(c->text + s, e->phrase.text, n) == 0;
}

/* A cased symbol written otherwise than entry u ("MA" for "mA"): the entry of
 * the same letters written so, or NULL. */
static const fc_entry *cased_other(const ctx *c, size_t i, const fc_entry *u)
{
    const fc_entries *e = &c->r->units;
    for (size_t k = 0; k < e->n; k++) {
        const fc_entry *o = &e->items[k];
        if (o != u && o->cased && o->phrase.ntok == u->phrase.ntok && match_at(c, &o->phrase, i, c->sent.to) &&
            written_as(c, i, o))
            return o;
    }
    return NULL;
}

static const fc_entry *unit_at(const ctx *c, size_t end)
{
    const fc_entry *u = units_entry_at(c, end);
    if (u && u->cased && !written_as(c, end, u))
        u = cased_other(c, end, u);
    if (u && u->glued && !glued(c, end) && !u->cased)
        return NULL; /* "30g", not "30 g"; a cased symbol may be spaced: "200 g" */
    /* "st" is stone only before the pounds: "9st 4lb" (not "21st"). */
    if (u && u->cased && strcmp(u->phrase.text, "st") == 0 &&
        !(end + 2 < c->sent.to && tok(c, end + 1)->kind == FC_TOK_NUM && unit_at(c, end + 2) &&
          unit_at(c, end + 2)->name && strcmp(unit_at(c, end + 2)->name, "pound") == 0))
        return NULL;
    /* A lowercase one-letter symbol written in capitals is something else:
     * "30g" is grams, "5G" a network ("2L" stays litres). */
    if (u && u->glued && u->phrase.text && u->phrase.text[0] >= 'a' && u->phrase.text[0] <= 'z' &&
        u->phrase.text[0] != 'l' && !u->phrase.text[1] &&
        tok(c, end)->end == tok(c, end)->start + 1 && c->text[tok(c, end)->start] >= 'A' &&
        c->text[tok(c, end)->start] <= 'Z')
        return NULL;
    /* "6,480 second-graders", "12 second-year students": an ordinal glued by a
     * hyphen to a word, no length of time */
    if (u && u->phrase.ntok == 1 && is_word(c, end, "second") && end + 2 < c->sent.to &&
        is_punct(c, end + 1, "-") && glued(c, end + 1) && glued(c, end + 2) &&
        tok(c, end + 2)->kind == FC_TOK_WORD)
        return NULL;
    /* Some unit words need context: "points" are percentage points only in a
     * sentence about percentages ("30 points" in a game are not). */
    if (u && u->requires && !list_in(c, u->requires, c->sent.from, c->sent.to))
        return NULL;
    return u;
}

/* Whether the sentence speaks of money and not of weight: "pounds" there are
 * sterling ("fined 500 pounds each", "the price cap falls to 1,738 pounds"). */
static bool money_sentence(const ctx *c)
{
    static const char *const money[] = {"price", "prices", "cost", "costs", "fined", "fine", "fines",
                                        "paid", "pay", "pays", "bill", "bills", "tariff", "salary",
                                        "wage", "wages", "spent", "spend", "charge", "charged", "fee",
                                        "fees", "budget", "sterling", "worth", "earn", "earned", "rent"};
    static const char *const weight[] = {"weigh", "weighed", "weighs", "weight", "weighing", "heavy",
                                         "heavier", "lighter", "lbs", "lb", "kg", "kilograms", "ounces",
                                         "fish", "catch", "lifted", "lift", "load", "cargo", "bale"};
    bool m = false;
    for (size_t k = c->sent.from; k < c->sent.to; k++) {
        if (tok(c, k)->kind != FC_TOK_WORD)
            continue;
        for (size_t a = 0; a < sizeof weight / sizeof *weight; a++)
            if (is_list_word(c, k, weight[a]))
                return false;
        for (size_t a = 0; a < sizeof money / sizeof *money && !m; a++)
            m = is_list_word(c, k, money[a]);
    }
    return m;
}

/* A currency word several countries use ("kroner", "riyals", "pesos",
 * "dinars") is the currency of the country its sentence names: "250 riyals"
 * in Doha is Qatar's. Without one, the rules' code stands (the most common). */
static void country_currency(const ctx *c, size_t end, char *code)
{
    static const struct {
        const char *from, *word, *to, *cues[5];
    } t[] = {
        {"DKK", "kroner", "NOK", {"norway", "norwegian", "oslo", "bergen", "stavanger"}},
        {"DKK", "krone", "NOK", {"norway", "norwegian", "oslo", "bergen", "stavanger"}},
        {"SAR", "riyals", "QAR", {"qatar", "qatari", "doha", NULL}},
        {"SAR", "riyal", "QAR", {"qatar", "qatari", "doha", NULL}},
        {"SAR", "riyals", "OMR", {"oman", "omani", "muscat", NULL}},
        {"MXN", "pesos", "PHP", {"philippines", "philippine", "manila", "filipino"}},
        {"MXN", "pesos", "ARS", {"argentina", "argentine", "argentina's", NULL}},
        {"MXN", "pesos", "CLP", {"chile", "chilean", "santiago", NULL}},
        {"MXN", "pesos", "COP", {"colombia", "colombian", "bogota", NULL}},
        {"INR", "rupees", "PKR", {"pakistan", "pakistani", "karachi", "lahore", "islamabad"}},
        {"INR", "rupees", "LKR", {"lanka", "lankan", "colombo", NULL}},
        {"INR", "rupees", "NPR", {"nepal", "nepalese", "kathmandu", NULL}},
        {"KES", "shillings", "UGX", {"uganda", "ugandan", "kampala", NULL}},
        {"KES", "shillings", "TZS", {"tanzania", "tanzanian", "dodoma", NULL}},
        {"KWD", "dinars", "JOD", {"jordan", "jordanian", "amman", NULL}},
        {"KWD", "dinars", "BHD", {"bahrain", "bahraini", "manama", NULL}},
        {"KWD", "dinars", "IQD", {"iraq", "iraqi", "baghdad", NULL}},
        {"AED", "dirhams", "MAD", {"morocco", "moroccan", "rabat", "casablanca"}},
    };
    for (size_t r = 0; r < sizeof t / sizeof *t; r++) {
        if (strcmp(code, t[r].from) != 0 || !is_list_word(c, end, t[r].word))
            continue;
        for (size_t k = c->sent.from; k < c->sent.to; k++)
            for (size_t q = 0; q < 5 && t[r].cues[q]; q++)
                if (is_list_word(c, k, t[r].cues[q])) {
                    memcpy(code, t[r].to, 4);
                    return;
                }
    }
}

/* Whether "N times" at token end (u its unit entry) counts how often something
 * was done ("the crews launched 148 times", "was arrested 14 times between May
 * and July"), not a multiple ("rose five times", "three times as many", "four
 * times the cost", "five times a day"): a verb that is no change before the
 * number, and no comparison after "times". */
static bool occurrences(const ctx *c, size_t start_tok, size_t end, const fc_entry *u)
{
    static const char *const compare[] = {
        "as",    "more",   "higher", "larger", "bigger", "greater", "less",    "lower",
        "smaller", "faster", "slower", "fewer", "the",   "that",    "what",    "than",
        "its",    "their",  "his",    "her",    "our",     "a",       "an",
        "per",   "each",   "every",  "normal", "usual",  "average", "longer",  "shorter",
        "worse", "better", "likelier", "likely", "cheaper", "costlier", "heavier"};
    if (u->kind != FC_UNIT_RATIO || !is_word(c, end, "times") || start_tok <= c->sent.from)
        return false;
    static const char *const irregular[] = {"won",  "hit",  "struck", "rang",  "ran",
                                            "flew", "met",  "sent",   "spoke", "broke",
                                            "fought", "caught", "stole", "shot", "sang"};
    size_t v = start_tok - 1;
    /* "rangers closed the entrance 31 times": past the verb's short object */
    for (size_t k = start_tok - 1; k > c->sent.from + 1 && k + 4 >= start_tok; k--) {
        if (tok(c, k)->kind != FC_TOK_WORD || fc_tok_is_capitalised(c->text, tok(c, k)))
            break;
        if (k + 1 < start_tok &&
            (is_word(c, k, "the") || is_word(c, k, "its") || is_word(c, k, "their") ||
             is_word(c, k, "his") || is_word(c, k, "her") || is_word(c, k, "a") ||
             is_word(c, k, "an") || is_word(c, k, "our"))) {
            v = k - 1;
            break;
        }
    }
    /* "were called out 121 times", "has been sent back 12 times" */
    if (v > c->sent.from && (is_word(c, v, "out") || is_word(c, v, "off") ||
                             is_word(c, v, "back") || is_word(c, v, "away")))
        v--;
    const fc_tok *vt = tok(c, v);
    size_t vn = vt->end - vt->start;
    bool verb = false;
    for (size_t k = 0; k < sizeof irregular / sizeof *irregular && !verb; k++)
        verb = is_list_word(c, v, irregular[k]);
    if (vt->kind != FC_TOK_WORD ||
        !(verb || (vn >= 4 && (fc_ieq(c->text + vt->end - 2, "ed", 2) ||
                               fc_ieq(c->text + vt->end - 3, "ing", 3)))))
        return false;
    const fc_rules *r = c->r;
    if (list_at(c, &r->up_before, v) || list_at(c, &r->down_before, v) ||
        list_at(c, &r->change_verbs, v) || list_at(c, &r->up_by, v) ||
        list_at(c, &r->down_by, v) || is_word(c, v, "multiplied") ||
        is_word(c, v, "magnified") || is_word(c, v, "valued") || is_word(c, v, "priced") ||
        is_word(c, v, "oversubscribed"))
        return false;
    if (end + 1 >= c->sent.to)
        return true;
    /* "five times over": a multiple; "97 times over the same months" */
    if (is_word(c, end + 1, "over") && (end + 2 >= c->sent.to || tok(c, end + 2)->kind == FC_TOK_PUNCT))
        return false;
    for (size_t k = 0; k < sizeof compare / sizeof *compare; k++)
        if (is_list_word(c, end + 1, compare[k]))
            return false;
    return !entry_at(c, &r->rates, end + 1); /* "five times a day" */
}

/* Sets the unit and currency of cl from the words around the number ending
 * before token end; *unit_out is the unit entry read, if any. Returns the token
 * after the unit. */
static size_t apply_unit(ctx *c, size_t start_tok, size_t end, fc_claim *cl,
                         const fc_entry **unit_out, double *sub)
{
    *unit_out = NULL;
    *sub = 0;
    cl->unit = FC_UNIT_COUNT;
    if (start_tok > c->sent.from) {
        const fc_entry *cur = currency_before(c, start_tok);
        if (cur && cur->symbol) {
            cl->unit = FC_UNIT_CURRENCY;
            memcpy(cl->currency, cur->code, 4);
        }
    }
    if (end < c->sent.to && is_punct(c, end, "+") && glued(c, end)) {
        cl->qualifier = FC_QUAL_AT_LEAST;
        cl->high = INFINITY;
        end++;
    }
    const fc_entry *u = unit_at(c, end);
    size_t skip = 0;
    if (!u && end + 1 < c->sent.to &&
        (list_at(c, &c->r->subject_modifiers, end) == 1 || is_word(c, end, "working") ||
         is_word(c, end, "business") || is_word(c, end, "school") ||
         is_word(c, end, "calendar") || is_word(c, end, "consecutive") ||
         is_word(c, end, "straight") || is_word(c, end, "market") || is_word(c, end, "race") ||
         is_word(c, end, "game") || is_word(c, end, "class") ||
         /* ("over 44 serving days", "12 operating days") */
         (tok(c, end)->kind == FC_TOK_WORD && tok(c, end)->end - tok(c, end)->start > 5 &&
          !fc_tok_is_capitalised(c->text, tok(c, end)) &&
          fc_ieq(c->text + tok(c, end)->end - 3, "ing", 3)))) {
        const fc_entry *after = unit_at(c, end + 1);
        if (after && after->kind == FC_UNIT_DURATION) {
            u = after; /* "three more weeks", "24 working days", "10 business days" */
            skip = 1;
        }
    }
    if (u && u->name && strcmp(u->name, "pound") == 0 && !skip &&
        (is_word(c, end, "pounds") || is_word(c, end, "pound")) && money_sentence(c)) {
        cl->unit = FC_UNIT_CURRENCY; /* "fined 500 pounds", "a cap of 1,738 pounds" */
        memcpy(cl->currency, "GBP", 4);
        return end + 1;
    }
    if (u && !skip && occurrences(c, start_tok, end, u))
        return end + 1; /* "launched 148 times": a count of launches */
    if (u) {
        cl->unit = (fc_unit)u->kind;
        *unit_out = u;
        return end + skip + u->phrase.ntok;
    }
    const fc_entry *cur = currency_after(c, end);
    /* "$61.9 million won by Westbrook": a symbol before the figure names its
     * currency, and another's word after it is a word of the sentence */
    if (cur && cl->unit == FC_UNIT_CURRENCY && !cur->symbol && strcmp(cl->currency, cur->code) != 0)
        cur = NULL;
    if (cur) {
        cl->unit = FC_UNIT_CURRENCY;
        memcpy(cl->currency, cur->code, 4);
        country_currency(c, end, cl->currency);
        if (cur->value > 0) /* "14.2 cents": 14.2 cent, 0.142 USD */
            *sub = cur->value;
        return end + cur->phrase.ntok;
    }
    return end;
}

static bool is_stop(const ctx *c, size_t i)
{
    return list_at(c, &c->r->stop_words, i) > 0 || entry_at(c, &c->r->rates, i) ||
           entry_at(c, &c->r->hedges, i);
}

/* A past participle after the head noun ("migrants arrested") ends the subject. */
static bool is_participle(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    return t->end - t->start > 4 && fc_ieq(c->text + t->end - 2, "ed", 2);
}

/* A plural noun: "-s" but not "-ss", "-us", "-is"; or a listed plural ("people"). */
static bool is_plural(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    size_t n = t->end - t->start;
    const char *w = c->text + t->start;
    if (t->kind != FC_TOK_WORD)
        return false;
    if (list_at(c, &c->r->plural_nouns, i))
        return true;
    if ((n > 2 && w[n - 2] == '\'') || (n > 4 && (unsigned char)w[n - 4] == 0xE2))
        return false; /* a possessive: "Aldermoor's registered voters" */
    return n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S') && !fc_ieq(w + n - 2, "ss", 2) &&
           !fc_ieq(w + n - 2, "us", 2) && !fc_ieq(w + n - 2, "is", 2);
}

/* The end of a subject word at i: a word, a dotted abbreviation ("U.S."), or a
 * hyphenated name ("7-Eleven", "AP-NORC"); 0 when i starts none. */
static size_t subject_word_end(const ctx *c, size_t i)
{
    size_t j = i;
    if (j < c->sent.to && tok(c, j)->kind == FC_TOK_NUM && is_punct(c, j + 1, "-") &&
        glued(c, j + 1) && j + 2 < c->sent.to && tok(c, j + 2)->kind == FC_TOK_WORD &&
        glued(c, j + 2))
        j += 3; /* "7-Eleven" */
    else if (j < c->sent.to && tok(c, j)->kind == FC_TOK_WORD)
        j++;
    else
        return 0;
    for (;;) {
        if (is_punct(c, j, "-") && glued(c, j) && j + 1 < c->sent.to &&
            tok(c, j + 1)->kind != FC_TOK_PUNCT && glued(c, j + 1))
            j += 2; /* "AP-NORC", "H-1B" */
        else if (j < c->sent.to && glued(c, j) && tok(c, j)->kind != FC_TOK_PUNCT)
            j++; /* "1B" in "H-1B" */
        else if (is_punct(c, j, ".") && glued(c, j) &&
                 tok(c, j - 1)->end - tok(c, j - 1)->start == 1 && j + 1 < c->sent.to &&
                 glued(c, j + 1) && tok(c, j + 1)->kind == FC_TOK_WORD)
            j += 2; /* "U.S" */
        else
            break;
    }
    if (is_punct(c, j, ".") && glued(c, j) && tok(c, j - 1)->end - tok(c, j - 1)->start == 1 &&
        j - i >= 3)
        j++; /* the final dot of "U.S." */
    return j;
}

/* The counted noun after the quantity: "110,000 undocumented Koreans",
 * "five of those stores", "46 percent of U.S. adults". */
/* Whether the word in -s before j names the kind of a plural noun after it:
 * one right at j ("sports fans"), or after one more word when the word in -s is
 * a singular one ("measles vaccine doses"; not "parents think schools"). */
static bool plural_ahead(ctx *c, size_t j)
{
    static const letter_words singular_s = {
        LETTER_WORDS('a', LW("arms")),
        LETTER_WORDS('d', LW("diabetes")),
        LETTER_WORDS('e', LW("emissions")),
        LETTER_WORDS('g', LW("goods")),
        LETTER_WORDS('m', LW("measles"), LW("mumps")),
        LETTER_WORDS('n', LW("news")),
        LETTER_WORDS('r', LW("rabies")),
        LETTER_WORDS('s', LW("sports"), LW("savings"), LW("species"), LW("series")),
    };
    bool singular = j > 0 && is_word_in(c, j - 1, &singular_s);
    for (size_t k = j; k < j + (singular ? 2 : 1) && k < c->sent.to; k++) {
        const fc_tok *t = tok(c, k);
        if (t->kind != FC_TOK_WORD || fc_tok_is_capitalised(c->text, t) || is_stop(c, k) ||
            is_participle(c, k) || entry_at(c, &c->r->units, k) ||
            list_at(c, &c->r->day_names, k) || is_month(c, k))
            return false;
        if (is_plural(c, k))
            return true;
    }
    return false;
}

static void find_subject(ctx *c, size_t start, size_t i, found *f)
{
    if (is_word(c, i, "of")) {
        size_t k = i + 1;
        while (k < c->sent.to &&
               (is_word(c, k, "those") || is_word(c, k, "the") || is_word(c, k, "these") ||
                is_word(c, k, "them") || is_word(c, k, "its") || is_word(c, k, "their")))
            k++;
        /* "of those", "of them", "of these": a part of a whole named before. */
        f->partitive = k > i + 1 && !is_word(c, i + 1, "the") && !is_word(c, i + 1, "its") &&
                       !is_word(c, i + 1, "their");
        if (k > i + 1 && is_word(c, k - 1, "them"))
            return; /* "five of them": the whole is named elsewhere */
        i = k;
    }
    while (i < c->sent.to && list_at(c, &c->r->subject_modifiers, i))
        i++; /* "seven more stores" */
    /* "three new daily courier runs", "14 weekly flights": the rate's word
     * (find_rate reads it) before the counted noun */
    const fc_entry *adj;
    if (i + 1 < c->sent.to && tok(c, i + 1)->kind == FC_TOK_WORD &&
        (adj = entry_at(c, &c->r->rates, i)) != NULL && adj->phrase.ntok == 1)
        i++;
    size_t from = i, j = i, words = 0;
    /* "48,200 packed the stadium", "500 signed Ridgefield's petition": a verb
     * straight after the figure, no counted noun. */
    if (i + 1 < c->sent.to && tok(c, i)->kind == FC_TOK_WORD && is_participle(c, i)) {
        if (is_word(c, i + 1, "the") || is_word(c, i + 1, "a") || is_word(c, i + 1, "an"))
            return;

        /* A name after it is its object unless the name or the word after it
         * is the counted plural ("undocumented Koreans", "displaced Korean
         * families"). */
        size_t k = i + 1;
        while (k < c->sent.to && tok(c, k)->kind == FC_TOK_WORD &&
               fc_tok_is_capitalised(c->text, tok(c, k)))
            k++;
        if (k > i + 1 && !is_plural(c, k - 1) && !(k < c->sent.to && is_plural(c, k)))
            return;
        /* "A crowd of 38,400 watched Halvering Rovers beat ...": after "<noun>
         * of", the figure is the noun's count, and a name after its verb the
         * verb's object */
        if (k > i + 1 && start >= c->sent.from + 2 && is_word(c, start - 1, "of") &&
            tok(c, start - 2)->kind == FC_TOK_WORD && !is_stop(c, start - 2) &&
            !is_plural(c, start - 2) && !entry_at(c, &c->r->units, start - 2))
            return;
    }
    /* (a fifth word when it is the plural the four before it name the kind of:
     * "240,000 backlogged income tax refund claims") */
    while (j < c->sent.to && (words < 4 || (words == 4 && is_plural(c, j) && !is_participle(c, j))) &&
           !is_stop(c, j)) {
        /* "migrants arrested" ends the subject; "Aldermoor's registered voters"
         * does not (a participle after a possessive is an adjective). */
        const fc_tok *prev = j > from ? tok(c, j - 1) : NULL;
        bool possessive = prev && prev->end - prev->start > 2 &&
                          (c->text[prev->end - 2] == '\'' ||
                           (prev->end - prev->start > 4 &&
                            (unsigned char)c->text[prev->end - 4] == 0xE2));
        /* ("40 Brayton Unified schools": a capitalised word in -ed after a
         * capitalised one is part of a name, no participle) */
        if (words > 0 && is_participle(c, j) && !possessive &&
            !(fc_tok_is_capitalised(c->text, tok(c, j)) &&
              fc_tok_is_capitalised(c->text, tok(c, j - 1))))
            break;
        if (tok(c, j)->kind == FC_TOK_WORD && entry_at(c, &c->r->units, j))
            break;
        if (words > 0 && (list_at(c, &c->r->day_names, j) || is_month(c, j)))
            break; /* "a spending plan Tuesday": a time, no part of the thing */
        size_t e = subject_word_end(c, j);
        if (e == 0)
            break;
        /* "This $8.6 million award tells every city ...": a word in -s after
         * the noun, then "every", "us" or "them", is the noun's verb ("steel
         * workers the company hired" is a noun) */
        if (words > 0 && e == j + 1 && is_plural(c, j) && e < c->sent.to &&
            (is_word(c, e, "every") || is_word(c, e, "us") || is_word(c, e, "them")))
            break;
        bool head = is_plural(c, e - 1);
        j = e;
        words++;
        /* "measles vaccine doses", "sports fans": a word in -s that names the
         * kind of the plural noun after it (a plural subject takes no verb in -s) */
        if (head && words < 4 && plural_ahead(c, j))
            continue;
        /* "the $412 million Orrin Falls budget", "500 Palm Springs residents": a
         * name in -s before the noun it names the owner of */
        if (head && words < 4 && j < c->sent.to && fc_tok_is_capitalised(c->text, tok(c, e - 1)) &&
            tok(c, j)->kind == FC_TOK_WORD && !fc_tok_is_capitalised(c->text, tok(c, j)) &&
            !is_stop(c, j) && !is_participle(c, j) && !entry_at(c, &c->r->units, j) &&
            !list_at(c, &c->r->day_names, j) && !is_month(c, j) && j > from + 1 &&
            fc_tok_is_capitalised(c->text, tok(c, j - 2)))
            continue;
        /* "52 confirmed Legionnaires' cases", "farmers' complaints": a plural
         * possessive names the owner of the noun after it */
        if (head && words < 4 && j + 1 < c->sent.to && glued(c, j) &&
            (is_punct(c, j, "'") || is_punct(c, j, "\xE2\x80\x99")) && !glued(c, j + 1) &&
            tok(c, j + 1)->kind == FC_TOK_WORD && !is_stop(c, j + 1) && !is_participle(c, j + 1) &&
            !fc_tok_is_capitalised(c->text, tok(c, j + 1))) {
            j++;
            continue;
        }
        if (head)
            break; /* the counted noun ends the subject: "buses ran" -> "buses" */
    }
    if (words > 0) {
        f->subj_from = from;
        f->subj_to = j;
    }
}

/* Whether "before" or "after" at token k is of deductions, not of time ("$2.6
 * million a year before taxes", "$41,000 a year after tax"). */
static bool before_deductions(const ctx *c, size_t k)
{
    static const char *const what[] = {"tax",   "taxes",    "deductions", "inflation",
                                       "costs", "expenses", "fees",       "interest"};
    if (!is_word(c, k, "before") && !is_word(c, k, "after"))
        return false;
    for (size_t q = 0; q < sizeof what / sizeof *what; q++)
        if (is_list_word(c, k + 1, what[q]))
            return true;
    return false;
}

static void find_rate(ctx *c, size_t start, size_t after, found *f)
{
    /* Directly after the quantity ("3,000 a day") or within a few tokens after
     * the subject ("migrants arrested daily", "arrests per day"). */
    size_t from = f->subj_to > after ? f->subj_to : after;
    for (size_t i = after; i < c->sent.to && i < from + 4; i++) {
        if (i > after && (is_punct(c, i, ",") || is_punct(c, i, ";")))
            break;
        const fc_entry *e = entry_at(c, &c->r->rates, i);
        /* "adopted within a month", "in a year", "for a week", "less than a
         * day": a span of time, no rate ("4 children at a day care": a place) */
        if (e && i > c->sent.from &&
            (is_word(c, i - 1, "within") || is_word(c, i - 1, "in") || is_word(c, i - 1, "for") ||
             is_word(c, i - 1, "at") ||
             is_word(c, i - 1, "over") || is_word(c, i - 1, "than") ||
             is_word(c, i - 1, "under") || is_word(c, i - 1, "after")))
            return;
        if (e && !(i > c->sent.from && list_at(c, &c->r->change_from, i - 1)) &&
            (!list_at(c, &c->r->time_references, i + e->phrase.ntok) ||
             before_deductions(c, i + e->phrase.ntok))) { /* not "a year ago" */
            f->claim.per = (fc_per)e->kind;
            return;
        }
    }
    /* "The median monthly rent ... reached $1,850": money named by a rate's
     * word and a payment made each period, before it in its clause */
    static const char *const paid[] = {"rent",   "rents",    "wage",     "wages",  "salary",
                                       "salaries", "bill",   "bills",    "premium", "premiums",
                                       "payment", "payments", "mortgage", "fee",    "fees"};
    /* ("Monthly active users reached 9.6 million", "daily ridership averaged
     * 41,000": a count of an audience named by a rate's word before it) */
    /* (and a flow: "daily water use averaged 118 million gallons", "weekly
     * sales topped 40,000") */
    static const char *const audience[] = {
        "users",     "visitors", "riders",   "ridership",   "passengers", "viewers",
        "listeners", "readers",  "boardings", "trips",      "downloads",  "audience",
        "use",       "usage",    "consumption", "demand",   "output",     "production",
        "flow",      "flows",    "traffic",  "deliveries",  "sales",      "arrivals",
        "crossings", "calls"};
    if (f->claim.unit == FC_UNIT_COUNT || f->claim.unit == FC_UNIT_OTHER)
        for (size_t i = start; i-- > c->sent.from && i + 8 > start;) {
            if (is_punct(c, i, ";") || is_punct(c, i, ",") || list_at(c, &c->r->clause_breaks, i))
                return;
            const fc_entry *e = entry_at(c, &c->r->rates, i);
            if (!e || e->phrase.ntok != 1 || is_word(c, i, "a") || is_word(c, i, "per"))
                continue;
            /* (one plain word may come between: "daily water use") */
            size_t n = i + 2 < start && tok(c, i + 1)->kind == FC_TOK_WORD &&
                               !fc_tok_is_capitalised(c->text, tok(c, i + 1))
                           ? i + 2
                           : i + 1;
            for (size_t k = 0; k < sizeof audience / sizeof *audience; k++)
                if (is_list_word(c, i + 1, audience[k]) || (n > i + 1 && is_list_word(c, n, audience[k])) ||
                    (is_word(c, i + 1, "active") && is_list_word(c, i + 2, audience[k]))) {
                    f->claim.per = (fc_per)e->kind;
                    return;
                }
        }
    if (f->claim.unit != FC_UNIT_CURRENCY)
        return;
    for (size_t i = start; i-- > c->sent.from;) {
        if (is_punct(c, i, ";") || list_at(c, &c->r->clause_breaks, i))
            return;
        const fc_entry *e = entry_at(c, &c->r->rates, i);
        if (!e || e->phrase.ntok != 1 || is_word(c, i, "a"))
            continue;
        for (size_t k = 0; k < sizeof paid / sizeof *paid; k++)
            if (is_list_word(c, i + 1, paid[k])) {
                f->claim.per = (fc_per)e->kind;
                return;
            }
    }
}

static char *span_text(const ctx *c, size_t from, size_t to)
{
    if (from >= to)
        return NULL;
    /* Allocated once, as long as the text the tokens span: the one space
     * written for the space before a token is at least a byte of the text. */
    char *s = malloc(tok(c, to - 1)->end - tok(c, from)->start + 1), *p = s;
    if (!s)
        return NULL;
    for (size_t i = from; i < to; i++) {
        if (i > from && tok(c, i)->space_before)
            *p++ = ' ';
        memcpy(p, c->text + tok(c, i)->start, tok(c, i)->end - tok(c, i)->start);
        p += tok(c, i)->end - tok(c, i)->start;
    }
    *p = '\0';
    return s;
}

/* Drops a leading article from an attribution span ("An AP-NORC" -> "AP-NORC"). */
static size_t skip_article(const ctx *c, size_t s, size_t e)
{
    while (s + 1 < e && (is_word(c, s, "the") || is_word(c, s, "a") || is_word(c, s, "an")))
        s++;
    return s;
}

/* Where an attribution phrase after "according to" ends: punctuation, a clause
 * word ("that", "who"), a participle ("data obtained through ..."), 8 tokens. */
static size_t attribution_end(const ctx *c, size_t k, size_t hi)
{
    size_t e = k;
    while (e < hi && e < k + 8 && !is_punct(c, e, ",") && !is_punct(c, e, ";") &&
           !is_punct(c, e, "(") && !(is_punct(c, e, ".") && e + 1 == hi) &&
           !(is_punct(c, e, ".") && !glued(c, e)) && !list_at(c, &c->r->attr_clause_ends, e) &&
           !(e > k && tok(c, e)->kind == FC_TOK_WORD && is_participle(c, e)) &&
           !(e > k && (list_at(c, &c->r->attr_after, e) || /* "a report by X found" */
                       is_word(c, e, "last") || is_word(c, e, "this") || /* "X last year" */
                       is_word(c, e, "on") || is_word(c, e, "in") || is_month(c, e) ||
                       list_at(c, &c->r->day_names, e))))
        e++;
    return e;
}

/* Who says so: "according to X", "as estimated by X", "X said", "an X poll". */
/* Whether token k can be part of a name: a capitalised word that is not a month
 * or a day ("said Thursday", "the July poll"). */
static bool name_word(const ctx *c, size_t k)
{
    return fc_tok_is_capitalised(c->text, tok(c, k)) && !is_month(c, k) &&
           !list_at(c, &c->r->day_names, k);
}

/* Whether token k (a full stop) ends an abbreviation inside a name ("Dr.", "Inc."). */
static bool name_dot(const ctx *c, size_t k, size_t lo)
{
    return is_punct(c, k, ".") && k > lo && glued(c, k) &&
           (list_at(c, &c->r->abbreviations, k - 1) == 1 ||
            tok(c, k - 1)->end - tok(c, k - 1)->start == 1);
}

/* The end of a name starting at k: name words, glued hyphen parts ("Joo-young"),
 * abbreviation dots, and "of", "for", "and", "&" between name words. */
static size_t name_forward(const ctx *c, size_t k, size_t hi)
{
    size_t e = k;
    while (e < hi) {
        if (name_word(c, e))
            e++;
        else if (e > k && is_punct(c, e, "-") && glued(c, e) && e + 1 < hi && glued(c, e + 1) &&
                 tok(c, e + 1)->kind == FC_TOK_WORD)
            e += 2;
        else if (e > k && name_dot(c, e, k) && e + 1 < hi && name_word(c, e + 1))
            e++;
        else if (e > k && is_punct(c, e, "'") && glued(c, e) && e + 1 < hi &&
                 name_word(c, e + 1) && c->text[tok(c, e - 1)->end - 1] == 's')
            e++; /* "the Commuters' Alliance" */
        else if (e > k && e + 1 < hi &&
                 (is_word(c, e, "of") || is_word(c, e, "for") || is_word(c, e, "and") ||
                  is_punct(c, e, "&")) &&
                 name_word(c, e + 1))
            e++;
        else
            break;
    }
    return e;
}

/* The start of a name ending just before e (the same parts, read backwards). */
static size_t name_backward(const ctx *c, size_t e, size_t lo)
{
    size_t s = e;
    if (s > lo + 1 && name_dot(c, s - 1, lo))
        s--; /* "Harbor Foods Inc." */
    while (s > lo) {
        if (name_word(c, s - 1))
            s--;
        else if (s < e && s - 1 > lo &&
                 (is_word(c, s - 1, "of") || is_word(c, s - 1, "for") || is_word(c, s - 1, "and") ||
                  is_punct(c, s - 1, "&")) &&
                 name_word(c, s - 2))
            s--;
        else if (s < e && s - 1 > lo && is_punct(c, s - 1, "-") && glued(c, s - 1) && glued(c, s))
            s--;
        else if (s < e && s - 1 > lo && name_dot(c, s - 1, lo))
            s--;
        else if (s < e && s - 1 > lo && is_punct(c, s - 1, "'") && glued(c, s - 1) &&
                 name_word(c, s - 2) && c->text[tok(c, s - 2)->end - 1] == 's')
            s--; /* "Provincial Teachers' Federation" */
        else
            break;
    }
    return s;
}

/* Drops the titles before a person's name ("Public Works Director Tom Becker",
 * "Analyst Megan Cho of Lindqvist Partners" -> "Tom Becker", "Megan Cho"). */
static void strip_titles(const ctx *c, size_t *s, size_t *e)
{
    size_t cut = *s;
    for (size_t k = *s; k < *e; k++) {
        size_t n = list_at(c, &c->r->attr_titles, k);
        if (n && k + n < *e)
            cut = k + n;
    }
    if (cut == *s)
        return;
    while (cut < *e && is_punct(c, cut, "."))
        cut++;
    if (cut >= *e || !name_word(c, cut))
        return;
    *s = cut;
    for (size_t k = cut; k < *e; k++) /* a person's affiliation: "of Lindqvist Partners" */
        if (is_word(c, k, "of")) {
            *e = k;
            break;
        }
}

/* Whether token k is a pronoun that can speak ("she said", "it found"). */
static bool speaking_pronoun(const ctx *c, size_t k)
{
    return is_word(c, k, "he") || is_word(c, k, "she") || is_word(c, k, "it") ||
           is_word(c, k, "they");
}

/* Where the speaker before the verb at token i ends: before an acronym in
 * brackets ("the Office for Regional Statistics (ORS) said"), and around an
 * aside between commas: the name before it ("Dr. Renata Oyelaran, who runs the
 * emergency department, said") or else a name that is the whole aside ("its
 * maker, Orvane Pharmaceuticals, said"). */
static size_t speaker_end(const ctx *c, size_t i, size_t lo)
{
    /* an auxiliary or adverb: "Corbett Securities had forecast", "The office also said" */
    /* (and "The company had initially put", "Officials first put", "Police
     * later said": a lowercase adverb is no speaker) */
    while (i > lo + 1 && (is_word(c, i - 1, "had") || is_word(c, i - 1, "has") ||
                          is_word(c, i - 1, "have") || is_word(c, i - 1, "also") ||
                          is_word(c, i - 1, "first") || is_word(c, i - 1, "later") ||
                          is_word(c, i - 1, "earlier") || is_word(c, i - 1, "again") ||
                          is_word(c, i - 1, "now") || is_word(c, i - 1, "already") ||
                          (tok(c, i - 1)->kind == FC_TOK_WORD &&
                           tok(c, i - 1)->end - tok(c, i - 1)->start > 4 &&
                           !fc_tok_is_capitalised(c->text, tok(c, i - 1)) &&
                           c->text[tok(c, i - 1)->end - 2] == 'l' &&
                           c->text[tok(c, i - 1)->end - 1] == 'y')))
        i--;
    if (i >= lo + 3 && is_punct(c, i - 1, ")") && is_punct(c, i - 3, "("))
        return i - 3;
    if (i < lo + 3 || !is_punct(c, i - 1, ","))
        return i;
    size_t p = i - 1; /* the comma that opens the aside */
    while (p > lo && p + 24 > i) {
        p--;
        if (tok(c, p)->kind == FC_TOK_PUNCT && !is_punct(c, p, ".") && !is_punct(c, p, "-") &&
            !is_punct(c, p, "'"))
            break;
    }
    if (!is_punct(c, p, ",") || p + 2 >= i)
        return i;
    if (p >= lo + 3 && is_punct(c, p - 1, ")") && is_punct(c, p - 3, "("))
        return p - 3; /* "The Parliamentary Budget Office (PBO), a watchdog, said" */
    if (p > lo && name_word(c, p - 1))
        return p;
    size_t s = name_backward(c, i - 1, p + 1);
    return s == p + 1 || (s > p + 1 && s == skip_article(c, p + 1, i - 1)) ? i - 1 : i;
}

/* The speaker [s, e) before a word of attribution, cut to its name: else up to
 * four plain words back to a stop word ("the foreign ministry said"), with no
 * article or title; false when nothing is left. */
static bool speaker_span(const ctx *c, size_t s, size_t e, bool noun, size_t lo, size_t *from,
                         size_t *to)
{
    const fc_rules *r = c->r;
    if (s == e && !noun)
        while (s > lo && e - s < 4 && tok(c, s - 1)->kind == FC_TOK_WORD &&
               !list_at(c, &r->stop_words, s - 1) && !entry_at(c, &r->number_words, s - 1) &&
               !entry_at(c, &r->fractions, s - 1))
            s--;
    s = skip_article(c, s, e);
    strip_titles(c, &s, &e);
    if (s < e && !(e - s == 1 && list_at(c, &r->stop_words, s))) {
        *from = s;
        *to = e;
        return true;
    }
    return false;
}

static void attribution_span(ctx *c, size_t *from, size_t *to)
{
    const fc_rules *r = c->r;
    *from = *to = 0;
    size_t lo = c->sent.from, hi = c->sent.to;
    /* Every attribution hangs on a word of attr_before, attr_after or
     * attr_nouns (c->attr_words, one bit test); the loops below look only at
     * those tokens, found first, then the length of the phrase of each list
     * there (a sentence has at most FC_MAX_SENTENCE tokens). */
    size_t cand[FC_MAX_SENTENCE], ncand = 0;
    uint16_t before[FC_MAX_SENTENCE], after[FC_MAX_SENTENCE], nouns[FC_MAX_SENTENCE];
    const uint64_t *bits = c->attr_words;
    const uint32_t *word = c->word;
    for (size_t i = lo; i < hi; i++) /* (apart from the look-ups: a tighter loop) */
        if (bits[word[i] / 64] >> (word[i] % 64) & 1)
            cand[ncand++] = i;
    for (size_t ci = 0; ci < ncand; ci++) {
        before[ci] = (uint16_t)list_at(c, &r->attr_before, cand[ci]);
        after[ci] = (uint16_t)list_at(c, &r->attr_after, cand[ci]);
        nouns[ci] = (uint16_t)list_at(c, &r->attr_nouns, cand[ci]);
    }
    for (size_t ci = 0; ci < ncand; ci++) {
        size_t i = cand[ci];
        size_t n = before[ci];
        if (n == 0)
            continue;
        size_t k = i + n, e = attribution_end(c, k, hi);
        k = skip_article(c, k, e);
        /* A source noun and the body that put it out: "according to figures the
         * harbour board released", "data from the realtors' association",
         * "figures released by the county": the body is the source. */
        size_t nn = list_at(c, &r->attr_nouns, k), b = k + nn; /* after the noun */
        size_t body = !nn || b + 1 >= hi ? 0
                      : is_word(c, b, "from") || is_word(c, b, "by") ? b + 1
                      : is_participle(c, b) && is_word(c, b + 1, "by") ? b + 2
                                                                        : 0;
        if (body) {
            k = skip_article(c, body, hi);
            e = attribution_end(c, k, hi);
        } else if (!nn && k + 2 < e && is_plural(c, k) &&
                   (is_word(c, k + 1, "the") || name_word(c, k + 1))) {
            k = skip_article(c, k + 1, e); /* "documents the district released" */
        } else if (nn && b < e && (is_determiner(c, b) || name_word(c, b))) {
            k = skip_article(c, b, e);
        }
        /* "a new Prairie Institute poll" -> "Prairie Institute"; "UC Berkeley data"
         * -> "UC Berkeley"; "the state hospital association" stays. */
        for (size_t j = k; j < e; j++)
            if (name_word(c, j)) {
                k = j;
                /* the name and no more: "a report by the Urban Institute came out" */
                size_t ne = name_forward(c, k, e);
                if (ne < e && tok(c, ne)->kind == FC_TOK_WORD && !list_at(c, &r->attr_nouns, ne))
                    e = ne;
                break;
            }
        if (e > k + 1 && list_at(c, &r->attr_nouns, e - 1) == 1)
            e--;
        while (e > k + 1 && tok(c, e - 1)->kind == FC_TOK_WORD && list_at(c, &r->stop_words, e - 1))
            e--; /* cut off at its length: "the count the district takes on the" */
        if (e > k) {
            *from = k;
            *to = e;
            return;
        }
    }
    /* "a poll of 1,000 commuters by the Commuters' Alliance" */
    for (size_t ci = 0; ci < ncand; ci++) {
        size_t i = cand[ci];
        if (!is_word(c, i + 1, "of") || !nouns[ci])
            continue;
        for (size_t j = i + 2; j < hi && j < i + 9; j++) {
            if (tok(c, j)->kind == FC_TOK_PUNCT && !is_punct(c, j, ","))
                break;
            if (!is_word(c, j, "by"))
                continue;
            size_t k = skip_article(c, j + 1, hi);
            size_t e = name_forward(c, k, hi);
            if (e > k) {
                *from = k;
                *to = e;
                return;
            }
            break;
        }
    }
    /* Inverted speech after a quote or comma: '..." said Kim Joo-young, 52',
     * ', said coach Marisol Reyes'. */
    for (size_t ci = 0; ci < ncand; ci++) {
        size_t i = cand[ci];
        if (i < lo + 1 || i + 1 >= hi)
            continue;
        if (!(is_punct(c, i - 1, ",") || is_punct(c, i - 1, "\"") ||
              is_punct(c, i - 1, "\xE2\x80\x9D") || is_punct(c, i - 1, "'")) ||
            after[ci] != 1)
            continue;
        size_t k = skip_article(c, i + 1, hi);
        while (k < hi && k < i + 4 && !name_word(c, k) && list_at(c, &r->attr_titles, k))
            k++; /* a lowercase title: "said coach Marisol Reyes" */
        /* a role before the name: "said lead author Tomas Lindgren", "said the
         * winner, Lena Okafor" */
        size_t k2 = k;
        while (k2 < hi && k2 < k + 3 && tok(c, k2)->kind == FC_TOK_WORD && !name_word(c, k2) &&
               !list_at(c, &r->stop_words, k2))
            k2++;
        if (k2 > k && is_punct(c, k2, ","))
            k2++;
        if (k2 > k && k2 < hi && name_word(c, k2))
            k = k2;
        size_t e = name_forward(c, k, hi);
        /* an affiliation and a role before it: "said Corbett analyst Hana Sato" */
        if (e > k && e + 1 < hi && tok(c, e)->kind == FC_TOK_WORD && !name_word(c, e) &&
            !list_at(c, &r->stop_words, e) && name_word(c, e + 1)) {
            k = e + 1;
            e = name_forward(c, k, hi);
        }
        strip_titles(c, &k, &e);
        if (e > k) {
            *from = k;
            *to = e;
            return;
        }
    }
    /* A named speaker ("ICE said") beats a common noun ("the agency reported")
     * in the same sentence: the words with no name before them are tried after
     * all the others, each with where its speaker ends (found once); a noun
     * with none before it ("officials") has no speaker of its own. */
    size_t later_end[FC_MAX_SENTENCE], nlater = 0;
    for (size_t ci = 0; ci < ncand; ci++) {
        size_t i = cand[ci];
        if (i < lo + 1)
            continue;
        bool noun = nouns[ci] > 0;
        if (noun && name_word(c, i) && i + 1 < hi &&
            (list_at(c, &r->attr_after, i + 1) || name_word(c, i + 1)))
            continue; /* a word of a name: "Keystone Mortgage Data said", "the
                         Justice Data Collaborative" */
        if (!noun && after[ci] == 0)
            continue;
        /* The speaker, skipping an age: "Police Chief Darnell Hughes, 58, said". */
        size_t e = i;
        if (!noun && e >= lo + 3 && is_punct(c, e - 1, ",") && tok(c, e - 2)->kind == FC_TOK_NUM &&
            is_punct(c, e - 3, ","))
            e -= 3;
        else if (!noun)
            e = speaker_end(c, e, lo);
        if (!noun && e > lo && speaking_pronoun(c, e - 1)) { /* "she said" */
            *from = e - 1;
            *to = e;
            return;
        }
        size_t s = name_backward(c, e, lo);
        /* a person and the organisation they are of: "Dr. Wanjiru Mbeki of
         * the Kisumu Malaria Project said" -> "Wanjiru Mbeki" */
        if (!noun && s < e) {
            size_t o = s > lo && is_word(c, s - 1, "the") ? s - 1 : s;
            if (o > lo + 2 && is_word(c, o - 1, "of") && name_word(c, o - 2)) {
                size_t ps = name_backward(c, o - 1, lo);
                size_t words = 0;
                for (size_t k = ps; k < o - 1; k++)
                    words += tok(c, k)->kind == FC_TOK_WORD;
                if (words >= 2 && words <= 4 && !list_at(c, &r->attr_nouns, o - 2)) {
                    s = ps;
                    e = o - 1;
                }
            }
        }
        /* "Shoplifting reports rose": "reports" is a noun when a change word
         * follows it, and the word before it no speaker. */
        if (!noun && i + 1 < hi &&
            (list_at(c, &r->up_before, i + 1) || list_at(c, &r->down_before, i + 1)))
            continue;
        /* "the museum's busiest summer show in years", "the most for any show
         * at the museum": "show" is a noun before a preposition or a stop,
         * a verb before what it shows ("Figures show 412", "records show that") */
        if (!noun && (is_word(c, i, "show") || is_word(c, i, "shows")) &&
            (i + 1 >= hi || tok(c, i + 1)->kind == FC_TOK_PUNCT || is_word(c, i + 1, "in") ||
             is_word(c, i + 1, "at") || is_word(c, i + 1, "of") || is_word(c, i + 1, "on") ||
             is_word(c, i + 1, "for") || is_word(c, i + 1, "since") || is_word(c, i + 1, "this") ||
             is_word(c, i + 1, "last")))
            continue;
        if (s == e) {
            if (!noun) /* (speaker_span finds nothing for a noun: s == e) */
                later_end[nlater++] = e;
        } else if (speaker_span(c, s, e, noun, lo, from, to)) {
            return;
        }
    }
    for (size_t li = 0; li < nlater; li++)
        if (speaker_span(c, later_end[li], later_end[li], false, lo, from, to))
            return;
}

/* The words of a source span [from, to): "according to its annual report" is
 * the report of the body named last before it ("Keel Shipping carried 1.9
 * million tonnes, according to its annual report"), when the sentence (from
 * lo) names one; else the span's own words. */
static char *source_words(ctx *c, size_t from, size_t to, size_t lo)
{
    if (is_word(c, from, "its") || is_word(c, from, "their")) {
        size_t q = from;
        while (q > lo && !name_word(c, q - 1))
            q--;
        size_t s0 = q > lo ? name_backward(c, q, lo) : q;
        if (s0 + 1 < q && is_word(c, s0, "the"))
            s0++;
        if (s0 < q)
            return span_text(c, s0, q);
    }
    return span_text(c, from, to);
}

/* Where the sentence's second clause starts: at ";", or after ", while": looked
 * for from the punctuation (from its kind first), the cut at it or at the word
 * after it; 0 when there is none. */
static size_t clause_cut(const ctx *c)
{
    const fc_tok *toks = c->toks.items;
    for (size_t k = c->sent.from, last = c->sent.to - 1; k < last; k++) {
        if (toks[k].kind != FC_TOK_PUNCT)
            continue;
        if (k > c->sent.from && is_punct(c, k, ";"))
            return k;
        if (k + 1 < last && is_punct(c, k, ",") &&
            (is_word(c, k + 1, "while") || is_word(c, k + 1, "whereas") || is_word(c, k + 1, "but")))
            return k + 1;
    }
    return 0;
}

/* Two sources in one sentence, a clause each ("Corbett Securities had forecast
 * $295 million, while Dunmore Capital had expected $301 million"): the second
 * clause's own source, for the figures in it. cut: clause_cut of the sentence. */
static fc_status clause_source(ctx *c, size_t cut)
{
    c->about.clause_at = 0;
    if (c->about.attr_to <= c->about.attr_from)
        return FC_OK;
    span whole = c->sent;
    if (!cut || c->about.attr_from >= cut)
        return FC_OK;
    size_t from, to;
    c->sent.from = cut + 1;
    attribution_span(c, &from, &to);
    if (to <= from) {
        c->sent = whole;
        return FC_OK;
    }
    char *written = source_words(c, from, to, c->sent.from);
    c->sent = whole;
    if (!written || !(c->about.clause_source = fc_source_clause(c, written)))
        return FC_ENOMEM;
    c->about.clause_at = cut;
    return FC_OK;
}

static fc_status find_attribution(ctx *c, fc_claim *cl);

/* Whether a claim of the current paragraph has no source yet (one named later in
 * the paragraph may cover it). */
static bool paragraph_unsourced(const ctx *c)
{
    if (!c->sources.started) /* no sentence with a claim yet in the document */
        return false;
    for (size_t k = c->sources.para_claim; k < c->out->n; k++)
        if (!c->out->items[k].attribution)
            return true;
    return false;
}

/* Reads the sources of the pending sentences with no claim (read false: drops
 * them), then comes back to the current sentence. */
static fc_status read_pending(ctx *c, bool read)
{
    span keep = c->sent;
    size_t af = c->about.attr_from, at = c->about.attr_to;
    fc_status st = FC_OK;
    for (size_t k = 0; read && st == FC_OK && k < c->npending; k++) {
        c->sent = c->pending[k];
        c->about.done = false;
        st = find_attribution(c, NULL);
    }
    c->npending = 0;
    c->sent = keep;
    c->about.attr_from = af;
    c->about.attr_to = at;
    c->about.done = false;
    return st;
}

/* Before the current sentence is read: the pending sentences of an earlier
 * paragraph matter only when its figures lack a source. */
static fc_status paragraph_turn(ctx *c)
{
    if (c->npending && tok(c, c->sent.from)->blank_before)
        return read_pending(c, paragraph_unsourced(c));
    return FC_OK;
}

/* A sentence with no claim: its source is read when a later sentence of its
 * paragraph needs it. */
static fc_status defer_sentence(ctx *c)
{
    fc_status st = paragraph_turn(c);
    if (st == FC_OK && c->npending == sizeof c->pending / sizeof *c->pending)
        st = read_pending(c, true);
    if (st == FC_OK)
        c->pending[c->npending++] = c->sent;
    c->about.done = true;
    return st;
}

static int weekday_at(const ctx *c, size_t i);

/* The sentence's attribution, found once per sentence (cl NULL: a sentence with
 * no claim, whose source is only noted for the sentences after it). */
static fc_status find_attribution(ctx *c, fc_claim *cl)
{
    if (!c->attr_words) { /* on the document's first sentence */
        const fc_rules *r = c->r;
        size_t nbits = r->vocab.n / 64 + 1; /* the bit sets of fc_index keys */
        if (!(c->attr_words = malloc(nbits * sizeof *c->attr_words)))
            return FC_ENOMEM;
        for (size_t k = 0; k < nbits; k++)
            c->attr_words[k] = r->attr_before.first.keys[k] | r->attr_after.first.keys[k] |
                               r->attr_nouns.first.keys[k];
    }
    if (!c->about.done && cl && c->npending) {
        fc_status st = paragraph_turn(c);
        if (st == FC_OK && c->npending)
            st = read_pending(c, true);
        if (st != FC_OK)
            return st;
    }
    if (!c->about.done) {
        /* ("Pellston State received 31,900 applications, the university said,
         * while nearby Corliss University reported 19,750": a first clause's own
         * source is the sentence's, the second's is its clause's) */
        size_t cut = clause_cut(c);
        c->about.attr_from = c->about.attr_to = 0;
        if (cut) {
            span whole = c->sent;
            c->sent.to = cut;
            attribution_span(c, &c->about.attr_from, &c->about.attr_to);
            c->sent = whole;
        }
        if (c->about.attr_to <= c->about.attr_from)
            attribution_span(c, &c->about.attr_from, &c->about.attr_to);
        /* ("in the year to 31 March put it fourth": a month is nobody, nor is
         * a day: "pushed the prize past Friday's estimate") */
        /* (nor a stretch of time: "the aerial survey this winter counted") */
        static const letter_words stretches = {
            LETTER_WORDS('a', LW("autumn"), LW("afternoon")),
            LETTER_WORDS('f', LW("fall")),
            LETTER_WORDS('m', LW("month"), LW("morning")),
            LETTER_WORDS('n', LW("night")),
            LETTER_WORDS('q', LW("quarter")),
            LETTER_WORDS('s', LW("summer"), LW("spring"), LW("season")),
            LETTER_WORDS('w', LW("winter"), LW("week"), LW("weekend")),
            LETTER_WORDS('y', LW("year")),
        };
        bool stretch = c->about.attr_to == c->about.attr_from + 1 &&
                       is_word_in(c, c->about.attr_from, &stretches);
        if (c->about.attr_to == c->about.attr_from + 1 &&
            (entry_at(c, &c->r->months, c->about.attr_from) ||
             list_at(c, &c->r->day_names, c->about.attr_from) ||
             weekday_at(c, c->about.attr_from) >= 0 || stretch))
            c->about.attr_to = c->about.attr_from;
        c->about.done = true;
        char *written = NULL;
        if (c->about.attr_to > c->about.attr_from &&
            !(written = source_words(c, c->about.attr_from, c->about.attr_to, c->sent.from)))
            return FC_ENOMEM;
        /* "according to the Commerce Department's": the named owner is the source
         * (a common noun's possessive is read as one in fc_source_sentence) */
        size_t wn = written && written[0] >= 'A' && written[0] <= 'Z' ? strlen(written) : 0;
        if (wn > 3 && strcmp(written + wn - 2, "'s") == 0)
            written[wn - 2] = '\0';
        else if (wn > 5 && strcmp(written + wn - 4, "\xE2\x80\x99s") == 0)
            written[wn - 4] = '\0';
        /* "according to the county coroner's final annual report": the owner
         * of what is cited, not the words about the report */
        /* (a name's own possessive stays: "St Aldhelm's Hospital") */
        char *own = written ? strstr(written, "'s ") : NULL;
        size_t ol = 3;
        if (!own && written && (own = strstr(written, "\xE2\x80\x99s ")))
            ol = 5;
        if (own && own > written + 2 && own[ol] >= 'a' && own[ol] <= 'z')
            *own = '\0';
        fc_status st = fc_source_sentence(c, written, cl != NULL);
        if (st != FC_OK)
            return st;
        st = clause_source(c, cut);
        if (st != FC_OK)
            return st;
    }
    const char *src = c->about.clause_at && cl && cl->start >= tok(c, c->about.clause_at)->start
                          ? c->about.clause_source
                          : c->about.source;
    if (cl && src && !(cl->attribution = fc_strdup(src)))
        return FC_ENOMEM;
    return FC_OK;
}

/* Modality from cue words: the nearest cue before the number in its clause
 * (with no other number between), else a poll or estimate cue anywhere in the
 * sentence, else a cue right after the expression. */
static bool other_number_test(const ctx *c, size_t k);

/* Whether token k is a number other than a year or a date: most tokens are no
 * number, and a number's answer is kept (ctx.memo), both known inline. */
static inline bool other_number(const ctx *c, size_t k)
{
    if (tok(c, k)->kind != FC_TOK_NUM)
        return false;
    if (c->memo[k] & FC_MEMO_OTHER_NUMBER_KNOWN) /* asked again by every claim near it */
        return c->memo[k] & FC_MEMO_OTHER_NUMBER;
    return other_number_test(c, k);
}

/* Units a poll reports: shares, changes in points, and counts of respondents. */
static bool poll_unit(fc_unit u)
{
    return u == FC_UNIT_PERCENT || u == FC_UNIT_PERCENTAGE_POINT || u == FC_UNIT_COUNT ||
           u == FC_UNIT_RATIO; /* "two-thirds said" in a survey */
}

/* A two-word cue split by a time at token k: "committed last year to",
 * "pledged this year to", "committed in March (2024) to" ("committed to" with the
 * time between); NULL when none. */
static const fc_entry *cue_across_period(const ctx *c, size_t k)
{
    const fc_entry *rel = entry_at(c, &c->r->relative_periods, k + 1);
    size_t two = rel ? k + 1 + rel->phrase.ntok : 0;
    /* "committed in March to", "pledged in 2024 to" */
    if (!rel && k + 3 < c->sent.to && (is_word(c, k + 1, "in") || is_word(c, k + 1, "on")) &&
        (is_month(c, k + 2) || is_year(c, k + 2)))
        two = k + 3 + (is_month(c, k + 2) && k + 4 < c->sent.to && is_year(c, k + 3));
    if (!two)
        return NULL;
    const fc_entries *e = &c->r->modality_cues;
    const fc_index *ix = &e->first;
    if (two >= c->sent.to || !fc_index_has(ix, c->word[k]))
        return NULL;
    uint32_t b = c->word[k] & ix->mask;
    for (uint32_t q = ix->start[b]; q < ix->start[b + 1]; q++) {
        const fc_entry *en = &e->items[ix->item[q]];
        if (en->phrase.ntok == 2 && en->phrase.word[0] == c->word[k] &&
            en->phrase.word[1] == c->word[two])
            return en;
    }
    return NULL;
}

/* Whether the sentence has people answering: a person noun ("voters",
 * "residents", "respondents"), a verb of an answer ("said", "support",
 * "approve") or a poll by name. A survey of things ("Rental vacancy fell to 4.1%, according to
 * a survey") is no poll. */
static bool people_answer(const ctx *c)
{
    /* (by first letter: a word is compared with the few verbs of its letter) */
    static const letter_words verbs = {
        LETTER_WORDS('a', LW("approve"), LW("approved"), LW("approves"), LW("agree"), LW("agreed"),
            LW("answered"), LW("approval"), LW("asked"), LW("ahead")),
        LETTER_WORDS('b', LW("back"), LW("backed"), LW("believe"), LW("ballot")),
        LETTER_WORDS('c', LW("candidate"), LW("candidates")),
        LETTER_WORDS('d', LW("disagree"), LW("disapprove")),
        LETTER_WORDS('e', LW("expect")),
        LETTER_WORDS('f', LW("favor"), LW("favour"), LW("favored"), LW("feel"), LW("felt")),
        LETTER_WORDS('i', LW("interviewed")),
        LETTER_WORDS('l', LW("likely"), LW("lead"), LW("leads")),
        LETTER_WORDS('m', LW("margin")),
        LETTER_WORDS('o', LW("oppose"), LW("opposed")),
        LETTER_WORDS('p', LW("prefer"), LW("people"), LW("plan"), LW("polled"), LW("poll"),
            LW("polls"), LW("pollster")),
        LETTER_WORDS('q', LW("questioned")),
        LETTER_WORDS('r', LW("rate"), LW("rated"), LW("respondents"), LW("reported"), LW("race")),
        LETTER_WORDS('s', LW("said"), LW("say"), LW("says"), LW("support"), LW("supports"),
            LW("supported"), LW("surveyed"), LW("sample")),
        LETTER_WORDS('t', LW("think"), LW("thought"), LW("trust"), LW("trails")),
        LETTER_WORDS('v', LW("vote")),
        LETTER_WORDS('w', LW("want"), LW("wanted"), LW("worry"), LW("worried"), LW("would")),
    };
    for (size_t k = c->sent.from; k < c->sent.to; k++) {
        if (tok(c, k)->kind != FC_TOK_WORD)
            continue;
        if (list_at(c, &c->r->grouping.person_nouns, k) > 0)
            return true;
        if (is_word_in(c, k, &verbs))
            return true;
    }
    return false;
}

/* Whether the figure at token `start` is named a rate in its own clause ("the
 * average 30-year mortgage rate stood at 6.8%", "the jobless rate fell to
 * 4.1%"): a measure's level, which a survey in the sentence reports, not a
 * share of those asked ("the approval rate" still is one). */
static bool rate_named(const ctx *c, size_t start)
{
    for (size_t k = start, n = 0; k > c->sent.from && n < 10; k--, n++) {
        bool modifier = is_punct(c, k, "-") && glued(c, k); /* "a 30-year mortgage" */
        /* (a level of the same rate between: "the vacancy rate fell to 3.1% from
         * 4.4%") */
        bool level = other_number(c, k - 1) && is_punct(c, k, "%") && glued(c, k);
        if ((other_number(c, k - 1) && !modifier && !level) ||
            list_at(c, &c->r->clause_breaks, k - 1) ||
            is_punct(c, k - 1, ","))
            return false;
        if ((is_word(c, k - 1, "rate") || is_word(c, k - 1, "rates")) &&
            !(k - 1 > c->sent.from &&
              (is_word(c, k - 2, "approval") || is_word(c, k - 2, "support") ||
               is_word(c, k - 2, "favorability"))))
            return true;
    }
    return false;
}

/* Whether a count is of things a survey tallies, not of people it asked: a
 * count verb before it and a lowercase noun after it that names no people
 * ("the aerial survey counted 3,420 elk", "tallied 412 nests"; a poll's counts
 * are "1,000 adults", "600 likely voters", "412 respondents"). */
static bool tally_of_things(const ctx *c, size_t start, size_t end, const fc_claim *cl)
{
    if (cl->unit != FC_UNIT_COUNT || end >= c->sent.to)
        return false;
    /* (counted: "counted 3,420 elk", "tallied about 188 nests") */
    bool counted = false;
    for (size_t k = start; k-- > c->sent.from && k + 3 > start && !counted;)
        counted = is_word(c, k, "counted") || is_word(c, k, "tallied") ||
                  is_word(c, k, "spotted") || is_word(c, k, "recorded") ||
                  is_word(c, k, "observed") || is_word(c, k, "sighted") ||
                  is_word(c, k, "logged") || is_word(c, k, "found");
    if (!counted)
        return false;
    size_t k = end;
    while (k + 1 < c->sent.to && k < end + 2 && tok(c, k)->kind == FC_TOK_WORD &&
           !fc_tok_is_capitalised(c->text, tok(c, k)) && !list_at(c, &c->r->grouping.person_nouns, k) &&
           tok(c, k + 1)->kind == FC_TOK_WORD && !fc_tok_is_capitalised(c->text, tok(c, k + 1)) &&
           !is_word(c, k + 1, "of") && !is_word(c, k + 1, "said") && !is_word(c, k + 1, "were") &&
           !is_word(c, k + 1, "are") && !is_word(c, k + 1, "in"))
        k++; /* "3,420 cow elk", "600 likely voters" */
    const fc_tok *t = tok(c, k);
    return t->kind == FC_TOK_WORD && !fc_tok_is_capitalised(c->text, t) && t->end - t->start >= 3 &&
           !list_at(c, &c->r->grouping.person_nouns, k) && !is_word(c, k, "of") &&
           !is_word(c, k, "out") && !is_word(c, k, "said") && !is_word(c, k, "percent") &&
           !is_word(c, k, "people") && !is_word(c, k, "respondents") && !is_word(c, k, "who") &&
           !is_word(c, k, "were") && !is_word(c, k, "are") && !is_word(c, k, "have") &&
           !is_word(c, k, "had") && !is_word(c, k, "and") && !is_word(c, k, "say") &&
           !is_word(c, k, "says") && !is_word(c, k, "per");
}

static void find_modality(ctx *c, size_t start, size_t end, size_t tail, fc_claim *cl)
{
    if (cl->modality != FC_MOD_ACTUAL)
        return;
    const fc_entry *best = NULL;
    /* Anywhere in the sentence: a poll makes a percentage a poll result; an
     * estimate verb ("as estimated by Pew") makes a figure an estimate. Looked up
     * once per sentence, with where words that may start a cue are: the searches
     * below stop where none is left. */
    if (!c->about.cues_done) {
        const fc_entry *poll = NULL, *estimate = NULL;
        const uint64_t *cues = c->r->modality_cues.first.keys;
        const uint64_t *cues_after = c->r->modality_cues_after.first.keys;
        const uint32_t *word = c->word;
        size_t cue_first = c->sent.to, after_end = 0;
        for (size_t i = c->sent.from, to = c->sent.to; i < to; i++) {
            uint32_t w = word[i];
            if (cues_after[w / 64] >> (w % 64) & 1)
                after_end = i + 1;
            if (!(cues[w / 64] >> (w % 64) & 1) || (poll && estimate))
                continue; /* most words start no cue: one bit test */
            if (cue_first > i)
                cue_first = i;
            const fc_entry *e = entry_at(c, &c->r->modality_cues, i);
            if (e && e->kind == FC_MOD_POLL && !poll) {
                poll = e;
                c->about.poll_at = i;
            }
            if (e && e->kind == FC_MOD_ESTIMATE && !estimate) {
                estimate = e;
                c->about.estimate_at = i;
            }
        }
        c->about.poll = poll;
        c->about.estimate = estimate;
        c->about.cue_first = cue_first;
        c->about.cue_after_end = after_end;
        c->about.cues_done = true;
    }
    /* A word that starts no clause break and no cue (most words) is passed over
     * in one test of the two indexes' bits. */
    const uint64_t *break_keys = c->r->clause_breaks.first.keys;
    const uint64_t *cue_keys = c->r->modality_cues.first.keys;
    /* "..., 23 have taken the oath": the figure starts a clause */
    size_t k = start > c->sent.from && is_punct(c, start - 1, ",") ? c->sent.from : start;
    /* (before the sentence's first word that may start a cue, none is found
     * whatever stops the search) */
    while (k-- > c->about.cue_first) {
        /* The cue must be in the claim's own clause ("ordered to evacuate as the
         * storm dropped up to 9 inches" orders no rain), with no other figure
         * between (a year does not count). */
        if (other_number(c, k))
            break;
        uint32_t w = c->word[k];
        if (!((break_keys[w / 64] | cue_keys[w / 64]) >> (w % 64) & 1))
            continue;
        if (list_at(c, &c->r->clause_breaks, k))
            break;
        const fc_entry *e = entry_at(c, &c->r->modality_cues, k);
        if (!e)
            e = cue_across_period(c, k);
        /* "told about 80 residents": the figure is who was told, not a target;
         * nor in "told residents the city had delivered 1,200": "told" sets a
         * target only with a "to" ("told drivers to complete 40 deliveries") */
        if (e && e->phrase.ntok == 1 && is_word(c, k, "told")) {
            bool to = false; /* ("told Immigration and Customs Enforcement to reach") */
            for (size_t q = k + 1; q < start && q < k + 8 && !to && tok(c, q)->kind != FC_TOK_PUNCT;
                 q++)
                to = is_word(c, q, "to");
            if (!to)
                e = NULL;
        }
        /* "residents set out 18,400 tons of recycling at the curb": put out,
         * done; "set out 500 new homes by 2030" names a goal (a deadline
         * after the figure) */
        if (e && e->phrase.ntok == 2 && k + 2 == start && is_word(c, k, "set") &&
            is_word(c, k + 1, "out")) {
            bool deadline = false;
            for (size_t q = end; q + 1 < c->sent.to && q < end + 12 && !deadline; q++)
                deadline = is_word(c, q, "by") &&
                           (is_year(c, q + 1) || is_month(c, q + 1) || is_word(c, q + 1, "the") ||
                            is_word(c, q + 1, "next") || is_word(c, q + 1, "year's"));
            if (!deadline)
                e = NULL;
        }
        /* "ordered 146 trucks out of service", "ordered 40 buses": what was
         * ordered, done; "ordered 3,000 arrests a day" is a quota. */
        if (e && e->phrase.ntok + k == start && e->phrase.ntok == 1 && cl->per == FC_PER_NONE &&
            (is_word(c, k, "ordered") || is_word(c, k, "ordering")))
            e = NULL;
        /* "ordered him to repay the $3.1 million", "ordered to pay $40,000": a
         * court's order, the judgment given (as "must pay" and "awarded" tell
         * it), no target to meet */
        if (e && (is_word(c, k, "ordered") || is_word(c, k, "ordering")))
            for (size_t q = k + 1; e && q < start && q < k + 8; q++)
                if (is_word(c, q, "pay") || is_word(c, q, "repay") || is_word(c, q, "forfeit") ||
                    is_word(c, q, "serve"))
                    e = NULL;
        /* "64% passed, 29% needed repairs and 13% failed": a cue straight after
         * another figure is that figure's verb, not the later one's */
        if (e && k > c->sent.from + 1 && k < start &&
            (other_number(c, k - 1) || (is_punct(c, k - 1, "%") && other_number(c, k - 2))))
            break;
        if (e && e->phrase.ntok + k <= start) {
            best = e;
            break;
        }
    }
    if (!best) {
        const fc_entry *p =
            poll_unit(cl->unit) && c->about.poll && !rate_named(c, start) ? c->about.poll : NULL,
                       *e = c->about.estimate;
        /* the earlier of the two in the sentence wins */
        best = p && (!e || c->about.poll_at < c->about.estimate_at) ? p : e;
    }
    /* "3,000 arrests a day as a minimum": a cue right after the expression. */
    for (size_t i = end; !best && i < c->about.cue_after_end && i < end + 4; i++) {
        if (tok(c, i)->kind != FC_TOK_WORD || is_word_n(c, i, c->w_and, "and"))
            break;
        best = entry_at(c, &c->r->modality_cues_after, i);
    }
    /* "the 450,000 a month that planners had forecast", "the 600 homes the
     * council had promised": a relative clause whose verb foresees or sets
     * the figure */
    /* (with no "that" too, when no verb of the sentence makes the figure its
     * own: "well short of the 12 miles it had planned"; not "had now built the
     * 2,000 units it promised", the promise told as kept) */
    bool measured_against = start >= c->sent.from + 2 && is_word(c, start - 1, "the") &&
                            (is_word(c, start - 2, "of") || is_word(c, start - 2, "than"));
    for (size_t i = end; !best && i < c->sent.to && i < end + 3; i++) {
        if (!is_word(c, i, "that") && !is_word(c, i, "which") &&
            !(measured_against && (is_word(c, i, "it") || is_word(c, i, "they"))))
            continue;
        for (size_t q = i + 1; q < c->sent.to && q < i + 5; q++) {
            const fc_tok *t = tok(c, q);
            if (t->kind != FC_TOK_WORD)
                break;
            static const char *const foreseen[] = {"forecast", "projected", "predicted",
                                                   "expected", "anticipated"};
            static const char *const set[] = {"promised", "pledged", "targeted", "budgeted",
                                              "planned"};
            for (size_t v = 0; v < sizeof foreseen / sizeof *foreseen; v++)
                if (is_list_word(c, q, foreseen[v]))
                    cl->modality = FC_MOD_PROJECTION;
            for (size_t v = 0; v < sizeof set / sizeof *set; v++)
                if (is_list_word(c, q, set[v]))
                    cl->modality = FC_MOD_TARGET;
            if (cl->modality != FC_MOD_ACTUAL)
                return;
        }
        break;
    }
    /* "About 850 workers at St. Anselm Medical Center will be laid off": the
     * cue after the counted noun and a phrase of where it is (tail: the end
     * of the counted noun). */
    if (!best && tail + 2 < c->about.cue_after_end && tail > start &&
        (is_word(c, tail, "at") || is_word(c, tail, "in") || is_word(c, tail, "of") ||
         is_word(c, tail, "from") || is_word(c, tail, "on") || is_word(c, tail, "with")))
        for (size_t i = tail + 1; !best && i < c->sent.to && i < tail + 8; i++) {
            const fc_tok *t = tok(c, i);
            if (t->kind == FC_TOK_PUNCT &&
                !((is_punct(c, i, ".") || is_punct(c, i, "-")) && glued(c, i)))
                break;
            if (t->kind == FC_TOK_WORD && i > tail + 1 &&
                (list_at(c, &c->r->attr_after, i) || is_word_n(c, i, c->w_and, "and") ||
                 list_at(c, &c->r->clause_breaks, i)))
                break;
            if (i > tail + 1)
                best = entry_at(c, &c->r->modality_cues_after, i);
        }
    /* "the year's 38,000-tonne quota", "a 500-home goal": a figure that names
     * a target's size */
    if (!best && end < c->sent.to && cl->modality == FC_MOD_ACTUAL && end > start &&
        is_punct(c, end - 2 >= start ? end - 2 : start, "-") &&
        (is_word(c, end, "quota") || is_word(c, end, "goal") || is_word(c, end, "target") ||
         is_word(c, end, "cap") || is_word(c, end, "ceiling")))
        cl->modality = FC_MOD_TARGET;
    /* "clearing the 55% threshold", "the 60% supermajority it needed": a bar
     * to clear, no share of anything */
    if (!best && end < c->sent.to && cl->modality == FC_MOD_ACTUAL &&
        cl->unit == FC_UNIT_PERCENT &&
        (is_word(c, end, "threshold") || is_word(c, end, "supermajority") ||
         is_word(c, end, "bar") || is_word(c, end, "hurdle") || is_word(c, end, "minimum")))
        cl->modality = FC_MOD_TARGET;
    /* "with 8% undecided", "12% were unsure": only a poll asks */
    if (!best && cl->unit == FC_UNIT_PERCENT) {
        size_t u = end < c->sent.to && (is_word(c, end, "were") || is_word(c, end, "are") ||
                                        is_word(c, end, "remain") || is_word(c, end, "remained") ||
                                        is_word(c, end, "said"))
                       ? end + 1
                       : end;
        if (u < c->sent.to && (is_word(c, u, "undecided") || is_word(c, u, "unsure")))
            cl->modality = FC_MOD_POLL;
    }
    if (best) {
        fc_modality m = (fc_modality)best->kind;
        if (m != FC_MOD_POLL || (poll_unit(cl->unit) && people_answer(c) && !tally_of_things(c, start, end, cl)))
            cl->modality = m;
    }
}

/* The period: "in March" (resolved against the publication year), "in 2022",
 * "the 2022 figure", "fiscal year 2024", "on Sept. 4, 2025". */
/* Writes v at p as "%0*d" with this width would; returns the end. */
static char *put_int(char *p, int v, int width)
{
    char digits[12];
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    int k = 0;
    do
        digits[k++] = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (v < 0) {
        *p++ = '-';
        width--;
    }
    for (; width > k; width--)
        *p++ = '0';
    while (k)
        *p++ = digits[--k];
    return p;
}

/* Writes the first `parts` of y, m, d at p as "%04d-%02d-%02d" would ("2024",
 * "2024-03", "2024-03-05"); returns the end. */
static char *put_date(char *p, int parts, int y, int m, int d)
{
    p = put_int(p, y, 4);
    if (parts > 1) {
        *p++ = '-';
        p = put_int(p, m, 2);
    }
    if (parts > 2) {
        *p++ = '-';
        p = put_int(p, d, 2);
    }
    return p;
}

/* Copies the text [from, to) to buf of size n, cut as snprintf would cut it. */
static void put_period(char *buf, size_t n, const char *from, const char *to)
{
    size_t len = (size_t)(to - from);
    if (!n)
        return;
    if (len > n - 1)
        len = n - 1;
    memcpy(buf, from, len);
    buf[len] = '\0';
}

/* A period of one date in buf (date_text), or of two joined by "/"
 * (range_text): written by hand, as snprintf of their formats would write them
 * (a period is read for most claims, and snprintf was most of its cost). */
static void date_text(char *buf, size_t n, int parts, int y, int m, int d)
{
    char t[40];
    put_period(buf, n, t, put_date(t, parts, y, m, d));
}

static void range_text(char *buf, size_t n, int y, int m, int d, int y2, int m2, int d2)
{
    char t[80], *p = put_date(t, 3, y, m, d);
    *p++ = '/';
    put_period(buf, n, t, put_date(p, 3, y2, m2, d2));
}

/* Writes the twelve months that end in month m of year y: a fiscal year. */
static void year_to_text(char *buf, size_t n, int y, int m)
{
    range_text(buf, n, m == 12 ? y : y - 1, m % 12 + 1, 1, y, m, fc_month_days(y, m));
}

/* The month the rules' fiscal years end in (June when they name none). */
static int fiscal_end(const fc_rules *r)
{
    return r->fiscal_end >= 1 && r->fiscal_end <= 12 ? r->fiscal_end : 6;
}

/* Writes the period a relative phrase names, resolved against the publication
 * day pub (days since 1970); false when it cannot be resolved. fe: the month
 * fiscal years end in. */
/* A northern season of three months starting in month sm, said on y-m-d.
 * "This winter" is the one under way (to publication), or one over within the
 * last three months ("this winter", said in March), else the next; "last
 * winter" the one before that one, or, when "this" is the next, the latest over
 * ("last winter", said in March, is the one a year before the one just over). */
static bool season_text(char *buf, size_t n, int sm, bool last, int y, int m, int d)
{
    long now = (long)y * 12 + (m - 1), s = (long)y * 12 + (sm - 1);
    if (s > now)
        s -= 12; /* the latest that began by publication */
    bool recent = now - s <= 5;
    long pick = last ? (recent ? s - 12 : s) : (recent ? s : s + 12), e = pick + 2;
    int y0 = (int)(pick / 12), m0 = (int)(pick % 12) + 1, y1 = (int)(e / 12), m1 = (int)(e % 12) + 1;
    if (!last && pick == s && now - s <= 2) { /* under way: to date */
        /* (but a spring or a fall under way is a term or a season's count as
         * much as a stretch: "enrollment stands at 14,260 this fall") */
        if (sm == 3 || sm == 9)
            return false;
        range_text(buf, n, y0, m0, 1, y, m, d);
    } else {
        range_text(buf, n, y0, m0, 1, y1, m1, fc_month_days(y1, m1));
    }
    return true;
}

static bool relative_period(fc_period_kind kind, long pub, int fe, char *buf, size_t n)
{
    int y, m, d, y2, m2, d2;
    fc_civil_from_days(pub, &y, &m, &d);
    long from = pub, to = pub;
    switch (kind) {
    case FC_PERIOD_LAST_FISCAL_YEAR:
    case FC_PERIOD_THIS_FISCAL_YEAR:
    case FC_PERIOD_NEXT_FISCAL_YEAR: {
        /* the fiscal year under way at publication ends in month fe of this
         * year or the next */
        int ye = m > fe ? y + 1 : y;
        ye += kind == FC_PERIOD_LAST_FISCAL_YEAR ? -1 : kind == FC_PERIOD_NEXT_FISCAL_YEAR ? 1 : 0;
        year_to_text(buf, n, ye, fe);
        return true;
    }
    case FC_PERIOD_LAST_WEEK: /* Monday to Sunday of the week before */
        from = pub - fc_weekday(pub) - 7;
        to = from + 6;
        break;
    case FC_PERIOD_THIS_WEEK:
        from = pub - fc_weekday(pub);
        break;
    case FC_PERIOD_NEXT_WEEK: /* Monday to Sunday of the week after */
        from = pub - fc_weekday(pub) + 7;
        to = from + 6;
        break;
    case FC_PERIOD_NEXT_MONTH:
        y = m == 12 ? y + 1 : y;
        m = m == 12 ? 1 : m + 1;
        date_text(buf, n, 2, y, m, 0);
        return true;
    case FC_PERIOD_NEXT_YEAR:
        date_text(buf, n, 1, y + 1, 0, 0);
        return true;
    case FC_PERIOD_LAST_WINTER:
    case FC_PERIOD_THIS_WINTER:
        return season_text(buf, n, 12, kind == FC_PERIOD_LAST_WINTER, y, m, d);
    case FC_PERIOD_LAST_SPRING:
    case FC_PERIOD_THIS_SPRING:
        return season_text(buf, n, 3, kind == FC_PERIOD_LAST_SPRING, y, m, d);
    case FC_PERIOD_LAST_SUMMER:
    case FC_PERIOD_THIS_SUMMER:
        return season_text(buf, n, 6, kind == FC_PERIOD_LAST_SUMMER, y, m, d);
    case FC_PERIOD_LAST_FALL:
    case FC_PERIOD_THIS_FALL:
        return season_text(buf, n, 9, kind == FC_PERIOD_LAST_FALL, y, m, d);
    /* (the days up to publication, that day counted: seven for "the past
     * week", so "412 million litres over the past week" is 1/7 of it a day) */
    case FC_PERIOD_PAST_WEEK:
        from = pub - 6;
        break;
    case FC_PERIOD_PAST_MONTH:
        from = pub - 29;
        break;
    case FC_PERIOD_PAST_YEAR:
        from = pub - 364;
        break;
    case FC_PERIOD_YESTERDAY:
        from = to = pub - 1;
        break;
    case FC_PERIOD_TODAY:
        break;
    case FC_PERIOD_LAST_MONTH:
        m = m == 1 ? 12 : m - 1;
        y = m == 12 ? y - 1 : y;
        date_text(buf, n, 2, y, m, 0);
        return true;
    case FC_PERIOD_THIS_MONTH:
        date_text(buf, n, 2, y, m, 0);
        return true;
    case FC_PERIOD_LAST_YEAR:
        date_text(buf, n, 1, y - 1, 0, 0);
        return true;
    case FC_PERIOD_THIS_YEAR:
        date_text(buf, n, 1, y, 0, 0);
        return true;
    case FC_PERIOD_FIRST_QUARTER:
    case FC_PERIOD_SECOND_QUARTER:
    case FC_PERIOD_THIRD_QUARTER:
    case FC_PERIOD_FOURTH_QUARTER: {
        int q = (int)(kind - FC_PERIOD_FIRST_QUARTER), m1 = 3 * q + 1, m3 = 3 * q + 3;
        if (fc_days_from_civil(y, m1, 1) > pub)
            y--; /* "the fourth quarter", written in May: last year's */
        range_text(buf, n, y, m1, 1, y, m3, fc_month_days(y, m3));
        return true;
    }
    case FC_PERIOD_FIRST_HALF:
    case FC_PERIOD_SECOND_HALF: {
        int m1 = kind == FC_PERIOD_FIRST_HALF ? 1 : 7;
        if (fc_days_from_civil(y, m1, 1) > pub)
            y--; /* "the second half", written in May: last year's */
        range_text(buf, n, y, m1, 1, y, m1 + 5, m1 == 1 ? 30 : 31);
        return true;
    }
    default:
        return false;
    }
    fc_civil_from_days(from, &y, &m, &d);
    fc_civil_from_days(to, &y2, &m2, &d2);
    if (from == to)
        date_text(buf, n, 3, y, m, d);
    else
        range_text(buf, n, y, m, d, y2, m2, d2);
    return true;
}

static const char *const weekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};

static size_t day_name_len(int wd)
{
    return strlen(weekdays[wd]);
}

/* The day of the week token i names, 0 = Monday, capitalised, possibly with a
 * possessive ("Thursday's"); -1 when none. */
static int weekday_at(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    if (t->kind != FC_TOK_WORD || t->end - t->start < 6 || !strchr("MTWFS", c->text[t->start]))
        return -1;
    for (int d = 0; d < 7; d++) {
        if ((c->text[t->start] | 0x20) != weekdays[d][0])
            continue; /* the first letter (one of "MTWFS") rules out most days */
        size_t n = strlen(weekdays[d]);
        if (t->end - t->start >= n && fc_ieq(c->text + t->start, weekdays[d], n) &&
            (t->end - t->start == n || c->text[t->start + n] == '\'' ||
             (unsigned char)c->text[t->start + n] == 0xE2))
            return d;
    }
    return -1;
}

/* The period named at token i, if any: "in March" (the year from the text or the
 * publication date), "since January" (to publication), "in 2022", "the 2022
 * figure", "last week". Writes it to buf. */
/* Whether a word of the rules' future cues ("starts", "will", "until") comes
 * shortly before token i in its sentence: a date without a year is then the next
 * one, not the last. */
/* Whether a deadline's words come just before token i: "by April", "by the end
 * of April" (a month later in the year than the story is this year's). */
static bool deadline_before(const ctx *c, size_t i)
{
    return (i > c->sent.from && is_word(c, i - 1, "by")) ||
           (i >= c->sent.from + 4 && is_word(c, i - 1, "of") && is_word(c, i - 2, "end") &&
            is_word(c, i - 3, "the") && is_word(c, i - 4, "by"));
}

static bool future_cue(const ctx *c, size_t i)
{
    /* in the clause, up to sixteen words back ("will lay off 112 teachers in
     * June", "will eliminate 180 jobs when it shuts its Tamsin Valley depot in
     * September") */
    for (size_t k = i; k-- > c->sent.from && k + 16 > i;) {
        if (is_punct(c, k, ";") || is_punct(c, k, "."))
            break;
        if (list_at(c, &c->r->future_cues, k))
            return true;
    }
    /* the verb right after the time ("The closure of the mill in December
     * will see 460 jobs cut") */
    for (size_t k = i + 1; k < c->sent.to && k < i + 3 && tok(c, k)->kind == FC_TOK_WORD; k++)
        if (list_at(c, &c->r->future_cues, k))
            return true;
    /* a time that opens the sentence, up to ten words on ("Starting in July,
     * fares will rise 10%") */
    if (i > c->sent.from + 3)
        return false;
    for (size_t k = i + 1; k < c->sent.to && k < i + 10; k++) {
        if (is_punct(c, k, ";") || is_punct(c, k, "."))
            break;
        if (list_at(c, &c->r->future_cues, k))
            return true;
    }
    return false;
}

/* The other month of a range that month token i is in ("January through
 * September", "between July and September", "July-to-September",
 * "January-September"); i when none. *first: i is the range's first month. */
static size_t month_pair(const ctx *c, size_t i, bool *first)
{
    size_t k = i + 1;
    bool dash = false, between = i > c->sent.from && is_word(c, i - 1, "between");
    if (is_punct(c, k, "-"))
        k++, dash = true;
    if (is_word(c, k, "to") || is_word(c, k, "through") || (between && is_word(c, k, "and"))) {
        k++;
        if (is_punct(c, k, "-"))
            k++;
    } else if (!dash) {
        k = i;
    }
    if (k > i + 1 && k < c->sent.to && is_month(c, k)) {
        *first = true;
        return k;
    }
    k = i;
    dash = k > c->sent.from && is_punct(c, k - 1, "-");
    if (dash)
        k--;
    if (k > c->sent.from &&
        (is_word(c, k - 1, "to") || is_word(c, k - 1, "through") || is_word(c, k - 1, "and"))) {
        k--;
        if (k > c->sent.from && is_punct(c, k - 1, "-"))
            k--;
    } else if (!dash) {
        return i;
    }
    if (k > c->sent.from && k < i && is_month(c, k - 1) &&
        (!is_word(c, k, "and") || (k - 1 > c->sent.from && is_word(c, k - 2, "between")))) {
        *first = false;
        return k - 1;
    }
    return i;
}

/* Whether "as of", "by" or "through" comes just before token i: the day it
 * names ends a running total ("as of Monday evening", "by Aug. 17", "Through
 * Thursday, 112,400 people had"). */
static bool running_marker(const ctx *c, size_t i)
{
    return i > c->sent.from && (is_word(c, i - 1, "by") || is_word(c, i - 1, "through") ||
                                (i > c->sent.from + 1 && is_word(c, i - 1, "of") &&
                                 is_word(c, i - 2, "as")));
}

/* Day y-m-d, the period of the day token i names: "../y-m-d" (a running total
 * up to that day, start unsaid) after a running marker, else the day. */
static void running_text(const ctx *c, size_t i, char *buf, size_t n, int y, int m, int d)
{
    if (running_marker(c, i) && n > 3) {
        memcpy(buf, "../", 3);
        date_text(buf + 3, n - 3, 3, y, m, d);
    } else {
        date_text(buf, n, 3, y, m, d);
    }
}

/* Whether the year at token i names a fiscal year: "fiscal year 2024", "fiscal
 * 2024", "FY 2024", "the 2024 fiscal year", "financial year 2024". */
static bool fiscal_year_number(const ctx *c, size_t i)
{
    size_t b = i > c->sent.from && is_word(c, i - 1, "year") ? i - 1 : i;
    if (b > c->sent.from &&
        (is_word(c, b - 1, "fiscal") || is_word(c, b - 1, "financial") ||
         (b == i && is_word(c, b - 1, "fy"))))
        return true;
    return i + 1 < c->sent.to && is_word(c, i + 1, "fiscal");
}

/* "the fiscal year that ended in June", "the year ending June 30, 2025", "the
 * fiscal year that starts July 1": writes the twelve months that end (or
 * start) in the month at token i. The year: the one written after the month;
 * else, by the verb's tense, the last such month up to publication ("ended"),
 * the next one ("ends", "starts") or the nearer of the two ("ending"). False
 * when no "year" and such a verb come before the month. */
static bool year_bound_at(const ctx *c, size_t i, bool have_pub, long pub, char *buf, size_t n)
{
    size_t k = i;
    /* "the year to 31 March": the day before its month */
    if (k > c->sent.from && tok(c, k - 1)->kind == FC_TOK_NUM) {
        double d = fc_tok_number(c->text, tok(c, k - 1));
        if (d >= 1 && d <= 31 && d == (int)d)
            k--;
    }
    if (k > c->sent.from && (is_word(c, k - 1, "in") || is_word(c, k - 1, "on")))
        k--;
    if (k < c->sent.from + 2)
        return false;
    size_t v = k - 1, w = v - 1;
    /* ("the fiscal year that wrapped up June 30", "closed out") */
    bool phrasal = k >= c->sent.from + 3 && (is_word(c, v, "up") || is_word(c, v, "out")) &&
                   (is_word(c, v - 1, "wrapped") || is_word(c, v - 1, "closed"));
    if (phrasal) {
        v--;
        w--;
    }
    /* "in the year to March 31": the year ending then, the latest up to now */
    int past = is_word(c, v, "ended") || is_word(c, v, "started") || is_word(c, v, "began") ||
               is_word(c, v, "to") || phrasal;
    int now = is_word(c, v, "ends") || is_word(c, v, "starts") || is_word(c, v, "begins");
    int near = is_word(c, v, "ending") || is_word(c, v, "starting") || is_word(c, v, "beginning");
    bool start = is_word(c, v, "started") || is_word(c, v, "began") || is_word(c, v, "starts") ||
                 is_word(c, v, "begins") || is_word(c, v, "starting") ||
                 is_word(c, v, "beginning");
    if (!past && !now && !near)
        return false;
    if (w > c->sent.from && (is_word(c, w, "that") || is_word(c, w, "which")))
        w--;
    if (!is_word(c, w, "year"))
        return false;
    int m = (int)entry_at(c, &c->r->months, i)->value;
    size_t e = i + 1;
    if (e < c->sent.to && is_punct(c, e, "."))
        e++;
    int y = 0;
    if (e < c->sent.to && is_year(c, e))
        y = (int)fc_tok_number(c->text, tok(c, e));
    else if (e + 2 < c->sent.to && tok(c, e)->kind == FC_TOK_NUM && is_punct(c, e + 1, ",") &&
             is_year(c, e + 2))
        y = (int)fc_tok_number(c->text, tok(c, e + 2));
    if (!y) {
        if (!have_pub)
            return false;
        int py, pm, pd;
        fc_civil_from_days(pub, &py, &pm, &pd);
        /* the day the bound falls on: the month's end, or its first day */
        long before = start ? fc_days_from_civil(py, m, 1)
                            : fc_days_from_civil(py, m, fc_month_days(py, m));
        y = before <= pub ? py : py - 1; /* the last such bound up to publication */
        long last = start ? fc_days_from_civil(y, m, 1)
                          : fc_days_from_civil(y, m, fc_month_days(y, m));
        long next = start ? fc_days_from_civil(y + 1, m, 1)
                          : fc_days_from_civil(y + 1, m, fc_month_days(y + 1, m));
        if (now || (near && next - pub < pub - last))
            y++;
    }
    if (start) /* twelve months from month m of year y */
        year_to_text(buf, n, m == 1 ? y : y + 1, m == 1 ? 12 : m - 1);
    else
        year_to_text(buf, n, y, m);
    return true;
}

/* Whether a superlative or "record" comes in the clause before token k, within
 * eight words ("the biggest layoff in the county since", "its lowest level
 * since", "the first time since", "a record since"). */
static bool record_before(const ctx *c, size_t k)
{
    for (size_t q = k; q-- > c->sent.from && q + 9 > k;) {
        const fc_tok *t = tok(c, q);
        if (t->kind == FC_TOK_PUNCT)
            return false;
        size_t n = t->end - t->start;
        const char *w = c->text + t->start;
        if (t->kind == FC_TOK_WORD &&
            ((n > 5 && fc_ieq(w + n - 3, "est", 3) && !is_word(c, q, "interest") &&
              !is_word(c, q, "harvest") && !is_word(c, q, "protest") && !is_word(c, q, "request") &&
              !is_word(c, q, "forest") && !is_word(c, q, "contest") && !is_word(c, q, "arrest")) ||
             is_word(c, q, "most") || is_word(c, q, "least") || is_word(c, q, "best") ||
             is_word(c, q, "worst") || is_word(c, q, "first") || is_word(c, q, "record")))
            return true;
    }
    return false;
}

static bool period_at_day(const ctx *c, size_t i, bool have_pub, long pub, char *buf, size_t n);

/* Whether the day at token i ends a week: "the week ending Sunday", "the week
 * ended July 20", "the week that ended Jan. 11", "the week to Friday". */
static bool week_ending(const ctx *c, size_t i)
{
    if (i < c->sent.from + 2 || !(is_word(c, i - 1, "ending") || is_word(c, i - 1, "ended") ||
                                  is_word(c, i - 1, "to") || is_word(c, i - 1, "through")))
        return false;
    return is_word(c, i - 2, "week") ||
           (i >= c->sent.from + 3 && is_word(c, i - 2, "that") && is_word(c, i - 3, "week"));
}

/* The period named at token i; "the week ending Sunday", "the week ended July
 * 20", "the week to Friday": the seven days up to that day. */
static bool period_at(const ctx *c, size_t i, bool have_pub, long pub, char *buf, size_t n)
{
    if (!period_at_day(c, i, have_pub, pub, buf, n))
        return false;
    int y, m, d;
    if (strlen(buf) == 10 && week_ending(c, i) && fc_date_parse(buf, &y, &m, &d)) {
        int y0, m0, d0;
        fc_civil_from_days(fc_days_from_civil(y, m, d) - 6, &y0, &m0, &d0);
        range_text(buf, n, y0, m0, d0, y, m, d);
    }
    return true;
}

/* The day a month at token i names with its number after it ("Aug. 29",
 * "June 2"): its month, its day and the token after the day; false when none. */
static bool month_day(const ctx *c, size_t i, int *m, int *d, size_t *after)
{
    if (i >= c->sent.to || !is_month(c, i))
        return false;
    size_t k = i + 1;
    if (k < c->sent.to && is_punct(c, k, "."))
        k++;
    if (k >= c->sent.to || tok(c, k)->kind != FC_TOK_NUM || is_year(c, k) ||
        tok(c, k)->end - tok(c, k)->start > 2)
        return false;
    double v = fc_tok_number(c->text, tok(c, k));
    if (v < 1 || v > 31 || v != (int)v)
        return false;
    *m = (int)entry_at(c, &c->r->months, i)->value;
    *d = (int)v;
    *after = k + 1;
    return true;
}

/* "from June 2 through Aug. 29", "June 2 to Aug. 29", "between June 2 and
 * Aug. 29": the days between, read the same at either day (a, b: the two
 * months' tokens); the year from one given after the later day, else the
 * latest such stretch up to publication. */
static bool day_range(const ctx *c, size_t a, bool have_pub, long pub, char *buf, size_t n)
{
    int m1, d1, m2, d2;
    size_t e, e2;
    if (!month_day(c, a, &m1, &d1, &e) || e + 1 >= c->sent.to)
        return false;
    if (!(is_word(c, e, "to") || is_word(c, e, "through") || is_word(c, e, "until") ||
          is_word(c, e, "thru") || (is_punct(c, e, "-") && !glued(c, e)) ||
          (is_word(c, e, "and") && a > c->sent.from && is_word(c, a - 1, "between"))) ||
        !month_day(c, e + 1, &m2, &d2, &e2))
        return false;
    int py = 0, pm = 0, pd = 0;
    if (have_pub)
        fc_civil_from_days(pub, &py, &pm, &pd);
    int y2 = py;
    if (e2 + 1 < c->sent.to && is_punct(c, e2, ",") && is_year(c, e2 + 1))
        y2 = (int)fc_tok_number(c->text, tok(c, e2 + 1));
    else if (have_pub && fc_days_from_civil(py, m2, d2) > pub + 7 && !future_cue(c, a))
        y2 = py - 1;
    if (!y2 || d2 > fc_month_days(y2, m2))
        return false;
    int y1 = m1 > m2 || (m1 == m2 && d1 > d2) ? y2 - 1 : y2;
    if (d1 > fc_month_days(y1, m1))
        return false;
    range_text(buf, n, y1, m1, d1, y2, m2, d2);
    return true;
}

static bool period_at_day(const ctx *c, size_t i, bool have_pub, long pub, char *buf, size_t n)
{
    bool year = is_year(c, i), month = !year && is_month(c, i); /* a number; a word */
    int py = 0, pm = 0, pd = 0;
    const fc_entry *prep = NULL;
    if (year || month) { /* the publication date and a preposition matter to these only */
        if (have_pub)
            fc_civil_from_days(pub, &py, &pm, &pd);
        prep = i > c->sent.from ? entry_before(c, &c->r->period_preps, i) : NULL;
    }
    bool since = prep && prep->kind == FC_PERIOD_SINCE;
    size_t since_at = since ? i - prep->phrase.ntok : 0;
    /* "since the outbreak began in January": since January ("since the heat
     * wave set in on July 6") */
    for (size_t k = i; !since && (year || month) && k-- > c->sent.from && k + 9 > i;) {
        if (tok(c, k)->kind == FC_TOK_PUNCT)
            break;
        if ((since = is_word(c, k, "since")))
            since_at = k;
    }
    /* "the biggest layoff in the county since the 2009 recession", "the most
     * since 2019", "the first time since March": a record set against a time,
     * no period of the figure */
    /* (the time of a "when" clause after it is that year's: "the largest since
     * 1996, when 70 cases were reported") */
    if (since && record_before(c, since_at)) {
        if (!(is_punct(c, i + 1, ",") && is_word(c, i + 2, "when")))
            return false;
        since = false;
    }
    /* "in a 2021 forklift accident": the year of another thing */
    if (year && i > c->sent.from && (is_word(c, i - 1, "a") || is_word(c, i - 1, "an")))
        return false;
    if (year && !(i > c->sent.from && is_punct(c, i - 1, ",")) &&
        !(i > c->sent.from && is_month(c, i - 1))) {
        int y = (int)fc_tok_number(c->text, tok(c, i));
        if (fiscal_year_number(c, i)) {
            year_to_text(buf, n, y, fiscal_end(c->r)); /* "fiscal 2024": its twelve months */
            return true;
        }
        /* "the 2024-25 season", "the 2023/24 financial year": a year split
         * across two, read as the twelve months ending with the fiscal year's
         * last month in the second */
        if (i + 2 < c->sent.to && (is_punct(c, i + 1, "-") || is_punct(c, i + 1, "/")) &&
            glued(c, i + 1) && glued(c, i + 2) && tok(c, i + 2)->kind == FC_TOK_NUM && !since) {
            const fc_tok *t2 = tok(c, i + 2);
            double v = fc_tok_number(c->text, t2);
            size_t len = t2->end - t2->start;
            if ((len == 2 && (int)v == (y + 1) % 100) || (len == 4 && (int)v == y + 1)) {
                year_to_text(buf, n, y + 1, fiscal_end(c->r));
                return true;
            }
        }
        /* "from 2020 to 2025", "between 2019 and 2024": the years between,
         * read the same at either year */
        size_t y1 = i, y2 = i;
        if (i + 2 < c->sent.to && is_year(c, i + 2) &&
            (is_word(c, i + 1, "to") || is_word(c, i + 1, "through") || is_word(c, i + 1, "and")))
            y2 = i + 2;
        else if (i >= c->sent.from + 2 && is_year(c, i - 2) &&
                 (is_word(c, i - 1, "to") || is_word(c, i - 1, "through") ||
                  is_word(c, i - 1, "and")))
            y1 = i - 2;
        if (y1 != y2 && y1 > c->sent.from &&
            (is_word(c, y1 - 1, "from") || is_word(c, y1 - 1, "between"))) {
            int a = (int)fc_tok_number(c->text, tok(c, y1)), b = (int)fc_tok_number(c->text, tok(c, y2));
            if (a < b) {
                range_text(buf, n, a, 1, 1, b, 12, 31);
                return true;
            }
        }
        /* "the fourth quarter of 2025", "the first half of 2024": that part */
        int part = i >= c->sent.from + 3 && is_word(c, i - 1, "of")
                       ? (is_word(c, i - 2, "quarter") ? 4 : is_word(c, i - 2, "half") ? 2 : 0)
                       : 0;
        int ord = !part                         ? 0
                  : is_word(c, i - 3, "first")  ? 1
                  : is_word(c, i - 3, "second") ? 2
                  : is_word(c, i - 3, "third")  ? 3
                  : is_word(c, i - 3, "fourth") || is_word(c, i - 3, "final") ||
                          is_word(c, i - 3, "last")
                      ? part
                      : 0;
        if (ord && ord <= part && !since) {
            int months = 12 / part, m1 = (ord - 1) * months + 1, m2 = ord * months;
            range_text(buf, n, y, m1, 1, y, m2, fc_month_days(y, m2));
            return true;
        }
        if (since && have_pub)
            range_text(buf, n, y, 1, 1, py, pm, pd);
        else
            date_text(buf, n, 1, y, 0, 0);
        return true;
    }
    if (month && year_bound_at(c, i, have_pub, pub, buf, n))
        return true;
    bool first;
    size_t pair = month ? month_pair(c, i, &first) : i;
    if (pair != i) {
        /* "from January through September": the months between, read the
         * same at either month; the year after the later month, else the
         * latest such stretch up to publication */
        size_t a = first ? i : pair, b = first ? pair : i;
        int m1 = (int)entry_at(c, &c->r->months, a)->value;
        int m2 = (int)entry_at(c, &c->r->months, b)->value;
        int y = py;
        if (b + 1 < c->sent.to && is_year(c, b + 1))
            y = (int)fc_tok_number(c->text, tok(c, b + 1));
        else if (b + 2 < c->sent.to && is_punct(c, b + 1, ",") && is_year(c, b + 2))
            y = (int)fc_tok_number(c->text, tok(c, b + 2));
        else if (have_pub && m2 > pm && !future_cue(c, i))
            y = py - 1;
        if (!y)
            return false;
        range_text(buf, n, m1 > m2 ? y - 1 : y, m1, 1, y, m2, fc_month_days(y, m2));
        return true;
    }
    if (month && !since) {
        /* a day range, at its first day or at its last */
        if (day_range(c, i, have_pub, pub, buf, n))
            return true;
        size_t b = i;
        if (b > c->sent.from + 2 &&
            (is_word(c, b - 1, "to") || is_word(c, b - 1, "through") || is_word(c, b - 1, "until") ||
             is_word(c, b - 1, "thru") || is_word(c, b - 1, "and") || is_punct(c, b - 1, "-"))) {
            size_t a = b - 3; /* "June 2 through", "Aug. 2 through" */
            if (!is_month(c, a) && a > c->sent.from)
                a--;
            if (is_month(c, a) && day_range(c, a, have_pub, pub, buf, n))
                return true;
        }
    }
    if (month) {
        int m = (int)entry_at(c, &c->r->months, i)->value;
        size_t k = i + 1;
        if (is_punct(c, k, "."))
            k++;
        if (k < c->sent.to && tok(c, k)->kind == FC_TOK_NUM && !is_year(c, k)) {
            /* "on Jan. 28", "the Sept. 4 raid", "March 3, 2025": that day. */
            double d = fc_tok_number(c->text, tok(c, k));
            if (d < 1 || d > 31 || d != (int)d || tok(c, k)->end - tok(c, k)->start > 2)
                return false;
            int y = py;
            if (k + 2 < c->sent.to && is_punct(c, k + 1, ",") && is_year(c, k + 2))
                y = (int)fc_tok_number(c->text, tok(c, k + 2));
            else if (have_pub && fc_days_from_civil(py, m, (int)d) > pub + 7 && !future_cue(c, i))
                y = py - 1; /* "on Dec. 30", written in January */
            else if (have_pub && fc_days_from_civil(py, m, (int)d) < pub && future_cue(c, i))
                y = py + 1; /* "the year that starts Jan. 1", written in May */
            if (!y || d > fc_month_days(y, m))
                return false;
            /* "Sept. 6 and 7", "March 3-5", "June 10 to 14": those days */
            size_t e = k + 1;
            if (e + 1 < c->sent.to &&
                (is_word(c, e, "and") || is_word(c, e, "to") || is_word(c, e, "through") ||
                 (is_punct(c, e, "-") && glued(c, e) && glued(c, e + 1))) &&
                tok(c, e + 1)->kind == FC_TOK_NUM && !is_year(c, e + 1) &&
                !(e + 2 < c->sent.to && tok(c, e + 2)->kind == FC_TOK_WORD &&
                  (is_plural(c, e + 2) || entry_at(c, &c->r->units, e + 2)))) {
                double d2 = fc_tok_number(c->text, tok(c, e + 1));
                if (d2 > d && d2 <= fc_month_days(y, m) && d2 == (int)d2 && !since) {
                    range_text(buf, n, y, m, (int)d, y, m, (int)d2);
                    return true;
                }
            }
            if (since && have_pub)
                range_text(buf, n, y, m, (int)d, py, pm, pd);
            else
                running_text(c, i, buf, n, y, m, (int)d);
            return true;
        }
        /* "the first week of July", "the last two weeks of March", "the first
         * half of May", "the first 10 days of June": that part of the month */
        int d1 = 0, d2 = 0;
        if (i >= c->sent.from + 3 && is_word(c, i - 1, "of")) {
            size_t q = i - 2; /* the part's noun */
            size_t o = q - 1; /* its ordinal, past a count ("first 10 days") */
            int len = is_word(c, q, "week") ? 7
                      : is_word(c, q, "fortnight") ? 14
                      : is_word(c, q, "half") ? 15 : 0;
            if (!len && (is_word(c, q, "days") || is_word(c, q, "weeks")) &&
                tok(c, o)->kind == FC_TOK_NUM && o > c->sent.from) {
                double v = fc_tok_number(c->text, tok(c, o));
                len = v >= 1 && v <= 31 ? (int)v * (is_word(c, q, "weeks") ? 7 : 1) : 0;
                o--;
            } else if (!len && (is_word(c, q, "days") || is_word(c, q, "weeks")) &&
                       o > c->sent.from) {
                double v = 0;
                if (is_number_word(c, o, &v) && v >= 1 && v <= 31)
                    len = (int)v * (is_word(c, q, "weeks") ? 7 : 1);
                o--;
            }
            if (len && o >= c->sent.from && o < i) {
                if (is_word(c, o, "first"))
                    d1 = 1, d2 = len;
                else if (is_word(c, o, "second") && len <= 15)
                    d1 = len + 1, d2 = 2 * len;
                else if (is_word(c, o, "third") && len == 7)
                    d1 = 15, d2 = 21;
                else if (is_word(c, o, "last") || is_word(c, o, "final"))
                    d1 = -len, d2 = 0; /* counted back from the month's end */
            }
        }
        /* "Last August the gap was 21": the latest such month before this one */
        bool last = i > c->sent.from && (is_word(c, i - 1, "last") || is_word(c, i - 1, "past")) &&
                    !is_word(c, i + 1, "of");
        /* "December was its quietest month, at 21,900 visitors", "August
         * brought 104,000": a month that opens the sentence as its subject */
        bool subject = (i == c->sent.from || is_word(c, i - 1, "while") ||
                        is_word(c, i - 1, "and") || is_word(c, i - 1, "but") ||
                        is_word(c, i - 1, "whereas")) &&
                       (is_word(c, i + 1, "was") || is_word(c, i + 1, "saw") ||
                        is_word(c, i + 1, "brought") || is_word(c, i + 1, "drew") ||
                        is_word(c, i + 1, "had") || is_word(c, i + 1, "recorded"));
        if (!prep && !d2 && !d1 && !last && !subject)
            return false;
        int y = py;
        if (k < c->sent.to && is_year(c, k))
            y = (int)fc_tok_number(c->text, tok(c, k));
        else if (last && have_pub)
            y = m >= pm ? py - 1 : py;
        else if (have_pub && m > pm && !future_cue(c, i) && !deadline_before(c, i))
            y = py - 1; /* "in December", written in February */
        else if (have_pub && m < pm && future_cue(c, i))
            y = py + 1; /* "will open in March", written in October */
        if (!y)
            return false;
        if (d1 || d2) {
            int md = fc_month_days(y, m);
            int a = d1 > 0 ? d1 : md + d1 + 1, b = d1 > 0 ? d2 : md;
            if (a < 1)
                a = 1;
            if (b > md)
                b = md;
            range_text(buf, n, y, m, a, y, m, b);
            return true;
        }
        if (since && have_pub)
            range_text(buf, n, y, m, 1, py, pm, pd);
        else
            date_text(buf, n, 2, y, m, 0);
        return true;
    }
    /* "on Thursday", "Thursday's raid": the last such day up to publication;
     * after "will", "would", "scheduled" or "next" ("will strike on Monday"),
     * the first such day from publication on. */
    int wd = weekday_at(c, i);
    /* "since the heat wave began (on) Saturday": from that day to publication */
    bool since_day = false;
    for (size_t k = i; wd >= 0 && !since_day && k-- > c->sent.from && k + 8 > i;) {
        if (tok(c, k)->kind == FC_TOK_PUNCT)
            break;
        since_day = is_word(c, k, "since");
    }
    /* "since Friday, when 1,338 flights were late": the "when" clause is that
     * day's */
    bool when_day = since_day && is_punct(c, i + 1, ",") && is_word(c, i + 2, "when");
    if (when_day)
        since_day = false;
    /* "from Friday through Sunday", "Friday to Sunday": the days between, the
     * last one the latest such day up to publication */
    int wd0 = -1, wd1 = -1;
    if (wd >= 0 && i >= c->sent.from + 2 &&
        (is_word(c, i - 1, "through") || is_word(c, i - 1, "to") || is_word(c, i - 1, "and")) &&
        (wd0 = weekday_at(c, i - 2)) >= 0 &&
        (is_word(c, i - 1, "and") ? i >= c->sent.from + 3 && is_word(c, i - 3, "between") : true))
        wd1 = wd;
    else if (wd >= 0 && i + 2 < c->sent.to &&
             (is_word(c, i + 1, "through") || is_word(c, i + 1, "to")) &&
             (wd1 = weekday_at(c, i + 2)) >= 0)
        wd0 = wd;
    /* "the week ending Sunday": that day (period_at makes it the week) */
    if (wd >= 0 && have_pub && week_ending(c, i)) {
        int y, m, d;
        fc_civil_from_days(pub - (fc_weekday(pub) - wd + 7) % 7, &y, &m, &d);
        date_text(buf, n, 3, y, m, d);
        return true;
    }
    if (wd0 >= 0 && wd1 >= 0 && wd0 != wd1 && have_pub) {
        long last = pub - (fc_weekday(pub) - wd1 + 7) % 7, from = last - (wd1 - wd0 + 7) % 7;
        int y, m, d, y2, m2, d2;
        fc_civil_from_days(from, &y, &m, &d);
        fc_civil_from_days(last, &y2, &m2, &d2);
        range_text(buf, n, y, m, d, y2, m2, d2);
        return true;
    }
    /* (and after a time of day: "at 9 a.m. Monday"; after "as of", "by" or
     * "through", a running total up to that day: running_text; a day that
     * opens its sentence as its subject: "Sunday was the worst day") */
    if (wd >= 0 && have_pub &&
        (running_marker(c, i) || since_day || when_day ||
         (i == c->sent.from && (is_word(c, i + 1, "was") || is_word(c, i + 1, "saw") ||
                                is_word(c, i + 1, "brought"))) ||
         (i > c->sent.from &&
          (is_word(c, i - 1, "on") || is_word(c, i - 1, "last") || is_word(c, i - 1, "next") ||
           (i > c->sent.from + 2 && is_punct(c, i - 1, ".") && is_word(c, i - 2, "m") &&
            is_punct(c, i - 3, ".")))) ||
         /* "Sunday night's storm" (not "told the board Tuesday night": when
          * the source spoke) */
         (i + 1 < c->sent.to && (fc_tok_eq(c->text, tok(c, i + 1), "night's") ||
                                 fc_tok_eq(c->text, tok(c, i + 1), "morning's") ||
                                 fc_tok_eq(c->text, tok(c, i + 1), "evening's") ||
                                 fc_tok_eq(c->text, tok(c, i + 1), "afternoon's"))) ||
         tok(c, i)->end - tok(c, i)->start > day_name_len(wd))) {
        bool ahead = i > c->sent.from && is_word(c, i - 1, "next");
        for (size_t k = i; !ahead && k > c->sent.from && k + 12 > i; k--)
            ahead = is_word(c, k - 1, "will") || is_word(c, k - 1, "would") ||
                    is_word(c, k - 1, "scheduled");
        if (i > c->sent.from && is_word(c, i - 1, "last"))
            ahead = false;
        long day = ahead ? pub + (wd - fc_weekday(pub) + 7) % 7
                         : pub - (fc_weekday(pub) - wd + 7) % 7;
        int y, m, d;
        fc_civil_from_days(day, &y, &m, &d);
        if (since_day && !ahead) {
            int qy, qm, qd;
            fc_civil_from_days(pub, &qy, &qm, &qd);
            range_text(buf, n, y, m, d, qy, qm, qd);
            return true;
        }
        running_text(c, i, buf, n, y, m, d);
        return true;
    }
    const fc_entry *rel = entry_at(c, &c->r->relative_periods, i);
    /* "the last week of January" is January's, not last week; "the first half
     * of the year" is this year's, "the third quarter of 2024" 2024's. */
    if (rel && is_word(c, i + rel->phrase.ntok, "of")) {
        size_t o = i + rel->phrase.ntok + 1;
        bool part = rel->kind >= FC_PERIOD_FIRST_QUARTER && rel->kind <= FC_PERIOD_SECOND_HALF;
        if (part && is_year(c, o))
            return relative_period((fc_period_kind)rel->kind,
                                   fc_days_from_civil((int)fc_tok_number(c->text, tok(c, o)), 12, 31),
                                   fiscal_end(c->r), buf, n);
        if (!part || !(is_word(c, o, "the") || is_word(c, o, "this")) || !is_word(c, o + 1, "year"))
            return false;
    }
    if (!rel || !have_pub)
        return false;
    fc_period_kind kind = (fc_period_kind)rel->kind;
    /* "11,900 tons of salt ... this season, in a winter that has brought 61
     * inches of snow": a season its sentence names as the winter is this
     * winter, which spans two years, not this year */
    /* (said in winter: "winter wheat this season", said in August, is the
     * summer's harvest) */
    int sy, sm, sd;
    fc_civil_from_days(pub, &sy, &sm, &sd);
    if (kind == FC_PERIOD_THIS_YEAR && (sm <= 3 || sm == 12) && i + rel->phrase.ntok <= c->sent.to &&
        is_word(c, i + rel->phrase.ntok - 1, "season"))
        for (size_t k = c->sent.from; k < c->sent.to; k++)
            if (is_word(c, k, "winter") || is_word(c, k, "snow") || is_word(c, k, "snowfall")) {
                kind = FC_PERIOD_THIS_WINTER;
                break;
            }
    return relative_period(kind, pub, fiscal_end(c->r), buf, n);
}

/* Whether token i may start a period: a number, a month, a day of the week or
 * a relative period word. Inline: find_period asks it of every token around a
 * claim, and most tokens are none of these, so period_at is called for the few
 * that are. */
static inline bool may_start_period(const ctx *c, size_t i)
{
    return i < c->sent.to && (tok(c, i)->kind == FC_TOK_NUM ||
                              fc_index_has(&c->r->months.first, c->word[i]) ||
                              fc_index_has(&c->r->relative_periods.first, c->word[i]) ||
                              (tok(c, i)->kind == FC_TOK_WORD &&
                               fc_tok_is_capitalised(c->text, tok(c, i)) &&
                               tok(c, i)->end - tok(c, i)->start >= 6 && weekday_at(c, i) >= 0));
}

/* Whether token i is a three-digit service number N11 before the words of a
 * service ("the 311 line", "the 511 app"; not "211 calls", which may be a count). */
static bool service_number(const ctx *c, size_t i)
{
    const fc_tok *t = tok(c, i);
    const char *p = c->text + t->start;
    if (t->end - t->start != 3 || p[1] != '1' || p[2] != '1' || p[0] < '2' || p[0] > '8' ||
        i + 1 >= c->sent.to)
        return false;
    static const char *const words[] = {"line",   "lines",    "center",    "centre", "hotline",
                                        "system", "service",  "operator",  "operators", "app",
                                        "dispatch", "dispatchers"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (is_list_word(c, i + 1, words[k]))
            return true;
    return false;
}

/* other_number for a number whose answer is not kept yet: keeps it. */
static bool other_number_test(const ctx *c, size_t k)
{
    bool yes = !is_year(c, k) && !is_date(c, k) && !list_at(c, &c->r->special_numbers, k) &&
               !is_age(c, k, k + 1) && !is_time(c, k, k + 1) && /* "as of 9 a.m. Monday" */
               /* ("on that part of Highway 14 in 2024": a name's number) */
               !(k > c->sent.from && tok(c, k - 1)->kind == FC_TOK_WORD &&
                 fc_tok_is_capitalised(c->text, tok(c, k - 1)) &&
                 list_at(c, &c->r->label_words, k - 1));
    c->memo[k] |= (unsigned char)(FC_MEMO_OTHER_NUMBER_KNOWN | (yes ? FC_MEMO_OTHER_NUMBER : 0));
    return yes;
}

/* Whether the period phrase at token p is nearer to another number than to the
 * claim at [start, end): "400 patients in March, and 900 more" gives March to
 * the 400 only. On a tie the number before the phrase owns it ("44% in May"). */
static bool stretch_number(const ctx *c, size_t i);

static bool owned_by_other(const ctx *c, size_t p, size_t start, size_t end)
{
    if (p < start) {
        /* (not the count of a stretch the time ends: "In the 43 days since
         * June 9, the show has drawn 61,500" is since June 9 too) */
        for (size_t k = p; k-- > c->sent.from && p - k <= start - p;)
            if (other_number(c, k) && !stretch_number(c, k))
                return true;
        return false;
    }
    for (size_t k = p + 1; k < c->sent.to && k - p < p - (end - 1); k++) {
        /* "laid off in March and the remaining 230 in December": a new clause
         * starts before the other number */
        if (is_word_n(c, k, c->w_and, "and") || is_word_n(c, k, c->w_but, "but") ||
            is_word_n(c, k, c->w_while, "while") || is_punct(c, k, ",") || is_punct(c, k, ";") ||
            /* "... as of 9 a.m. Monday after a 900-millimetre main burst" */
            is_word(c, k, "after") || is_word(c, k, "before") || is_word(c, k, "when") ||
            is_word(c, k, "because"))
            return false;
        if (other_number(c, k))
            return true;
    }
    return false;
}

/* The period of the claim at [start, end): the nearest period phrase in the
 * sentence with no other number between them, looking both ways. */
/* Whether the time at token i is when a source spoke ("the board said on
 * Wednesday that ...", "officials said Tuesday"): no period of the figure. */
static bool speech_time(const ctx *c, size_t i)
{
    size_t k = i > c->sent.from && (is_word(c, i - 1, "on") || is_word(c, i - 1, "in")) ? i - 1 : i;
    /* (a day, or the week: "the university said this week") */
    bool day = weekday_at(c, i) >= 0 ||
               ((is_word(c, i, "this") || is_word(c, i, "last") || is_word(c, i, "earlier")) &&
                is_word(c, i + 1, "week"));
    if (!day || k <= c->sent.from)
        return false;
    if (list_at(c, &c->r->attr_after, k - 1) == 1)
        return true;
    /* ("told county commissioners on Tuesday that the jail averaged 534":
     * the day a clause of speech opens with "that") */
    if (weekday_at(c, i) >= 0 && is_word(c, i + 1, "that"))
        return true;
    /* ("said at Monday's board meeting": a meeting's day) */
    const fc_tok *wt = tok(c, i);
    if (weekday_at(c, i) >= 0 && wt->end - wt->start > 3 &&
        (fc_ieq(c->text + wt->end - 2, "'s", 2) ||
         (wt->end - wt->start > 5 && memcmp(c->text + wt->end - 4, "\xE2\x80\x99s", 4) == 0)))
        for (size_t q = i + 1; q < c->sent.to && q < i + 3; q++)
            if (is_word(c, q, "meeting") || is_word(c, q, "hearing") ||
                is_word(c, q, "session") || is_word(c, q, "briefing"))
                return true;
    /* ("according to figures the university gave the regents on Tuesday":
     * the day of a report the clause names) */
    for (size_t q = k; q-- > c->sent.from + 1 && q + 14 > k && !is_punct(c, q, ",") && !is_punct(c, q, ";");)
        if (is_word(c, q - 1, "according") && is_word(c, q, "to"))
            return true;
    return false;
}

/* Whether the time at token i is no period of the figure near it: when a source
 * spoke; when a target was set ("pledged in January to move 600 people ...
 * during 2026"); where something else begins ("the fiscal year that starts July
 * 1", "a season which begins in May"). */
static bool other_time(const ctx *c, size_t i)
{
    if (speech_time(c, i))
        return true;
    size_t k = i > c->sent.from && (is_word(c, i - 1, "on") || is_word(c, i - 1, "in")) ? i - 1 : i;
    if (k <= c->sent.from)
        return false;
    const fc_entry *cue = entry_before(c, &c->r->modality_cues, k);
    if (cue && cue->kind == FC_MOD_TARGET && cue->phrase.ntok == 1)
        return true;
    /* "meeting the goal she set in 2023": when a goal was set */
    if (k >= c->sent.from + 3 &&
        (is_word(c, k - 1, "set") || is_word(c, k - 1, "announced") ||
         is_word(c, k - 1, "adopted") || is_word(c, k - 1, "made") || is_word(c, k - 1, "launched")))
        for (size_t q = k - 1; q-- > c->sent.from && q + 5 > k;)
            if (is_word(c, q, "goal") || is_word(c, q, "target") || is_word(c, q, "pledge") ||
                is_word(c, q, "promise") || is_word(c, q, "plan"))
                return true;
    /* (but "the fiscal year that starts July 1" is that year: year_bound_at) */
    /* ("with classes set to begin Aug. 19": when something else is to begin) */
    if (k >= c->sent.from + 2 && is_word(c, k - 2, "to") &&
        (is_word(c, k - 1, "begin") || is_word(c, k - 1, "start") || is_word(c, k - 1, "open") ||
         is_word(c, k - 1, "reopen") || is_word(c, k - 1, "resume")))
        return true;
    return k >= c->sent.from + 2 &&
           (is_word(c, k - 1, "starts") || is_word(c, k - 1, "begins") ||
            is_word(c, k - 1, "ends")) &&
           (is_word(c, k - 2, "that") || is_word(c, k - 2, "which")) &&
           !(k >= c->sent.from + 3 && is_word(c, k - 3, "year") && is_month(c, i));
}

/* Builds the table of the sentence's tokens that may start a period
 * (ctx.periods) unless it is the table's sentence already; false when they are
 * too many to keep. Every claim of a sentence looks at the same few tokens. */
static bool period_toks(ctx *c)
{
    size_t at = tok(c, c->sent.from)->start + 1, ntoks = c->sent.to - c->sent.from;
    if (c->periods.at != at || c->periods.ntoks != ntoks) {
        c->periods.at = at;
        c->periods.ntoks = ntoks;
        /* may_start_period with what it reads held here: the table's byte
         * stores would otherwise have it all read again for every token. A
         * word starts a month or a relative period when its bit is set in
         * either index. */
        const fc_tok *toks = c->toks.items;
        const uint32_t *word = c->word;
        const uint64_t *months = c->r->months.first.keys;
        const uint64_t *relative = c->r->relative_periods.first.keys;
        size_t n = 0, maybe_lo = FC_PERIOD_TOKS, maybe_hi = 0;
        for (size_t i = c->sent.from, to = c->sent.to; i < to && n <= FC_PERIOD_TOKS; i++) {
            const fc_tok *t = &toks[i];
            uint32_t w = word[i];
            if (t->kind != FC_TOK_NUM && !((months[w / 64] | relative[w / 64]) >> (w % 64) & 1) &&
                !(t->end - t->start >= 6 && fc_tok_is_capitalised(c->text, t) &&
                  weekday_at(c, i) >= 0))
                continue;
            if (n < FC_PERIOD_TOKS) {
                c->periods.tok[n] = i;
                c->periods.known[n] = 0;
                if (t->kind != FC_TOK_NUM || t->end - t->start == 4 ||
                    (relative[w / 64] >> (w % 64) & 1)) {
                    if (maybe_lo > n) /* (period_read's first test, passed) */
                        maybe_lo = n;
                    maybe_hi = n + 1;
                }
            }
            n++;
        }
        c->periods.n = n;
        c->periods.maybe_lo = maybe_lo;
        c->periods.maybe_hi = maybe_hi;
    }
    return c->periods.n <= FC_PERIOD_TOKS;
}

/* Steps *i back to the sentence's previous token that may start a period (*k:
 * its place in the table when kept, the table's size to start); false when
 * there is none. */
static bool period_before(const ctx *c, bool kept, size_t *i, size_t *k)
{
    if (kept) {
        while (*k && c->periods.tok[*k - 1] >= *i)
            --*k;
        if (!*k)
            return false;
        *i = c->periods.tok[--*k];
        return true;
    }
    while (*i > c->sent.from)
        if (may_start_period(c, --*i))
            return true;
    return false;
}

/* Steps *i on to the sentence's first token from *i on that may start a period
 * (*k: its place in the table when kept, 0 to start); false when there is none. */
static bool period_after(const ctx *c, bool kept, size_t *i, size_t *k)
{
    if (kept) {
        while (*k < c->periods.n && c->periods.tok[*k] < *i)
            ++*k;
        if (*k == c->periods.n)
            return false;
        *i = c->periods.tok[*k];
        return true;
    }
    for (; *i < c->sent.to; ++*i)
        if (may_start_period(c, *i))
            return true;
    return false;
}

/* The period at token i (period_at), the k-th of the table when kept, read
 * once per sentence; else read into buf (40 bytes). NULL when there is none. */
static const char *period_read(ctx *c, bool kept, size_t i, size_t k, char *buf)
{
    const fc_tok *t = tok(c, i);
    if (t->kind == FC_TOK_NUM && t->end - t->start != 4 &&
        !fc_index_has(&c->r->relative_periods.first, c->word[i]))
        return NULL; /* a number is a period only as a year or a relative period's word */
    if (!kept)
        return period_at(c, i, c->have_pub, c->pub, buf, 40) ? buf : NULL;
    if (!c->periods.known[k])
        c->periods.known[k] = period_at(c, i, c->have_pub, c->pub, c->periods.text[k],
                                        sizeof c->periods.text[k])
                                  ? 1
                                  : -1;
    return c->periods.known[k] > 0 ? c->periods.text[k] : NULL;
}

/* Whether a comma or a semicolon is in tokens [from, to). */
static bool comma_in(const ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (is_punct(c, k, ",") || is_punct(c, k, ";"))
            return true;
    return false;
}

/* Whether the figure at start opens a clause on "when" right after the time at
 * i ("up from 33% in the 2022 race, when 38,900 votes were cast": 2022 is the
 * 38,900's time too). */
static bool when_clause(const ctx *c, size_t i, size_t start)
{
    for (size_t k = i + 4 > start ? i + 1 : start - 3; k < start; k++)
        if (is_word(c, k, "when") && is_punct(c, k - 1, ","))
            return true;
    /* ("since 1997, when a magnitude 6.0 tremor killed 23 people": the
     * clause right after the time, with no break before the figure) */
    if (i + 2 < start && is_punct(c, i + 1, ",") && is_word(c, i + 2, "when")) {
        for (size_t k = i + 3; k < start; k++)
            if (tok(c, k)->kind == FC_TOK_PUNCT && !is_punct(c, k, "."))
                return false;
        return start < i + 14;
    }
    return false;
}

/* Whether the number at token i stands in a clause on "when" (after a comma)
 * that runs on to the figure at start with no break. */
static bool in_when_clause(const ctx *c, size_t i, size_t start)
{
    for (size_t k = i; k-- > c->sent.from + 1 && k + 10 > i;) {
        if (tok(c, k)->kind == FC_TOK_PUNCT)
            return false;
        if (is_word(c, k, "when") && is_punct(c, k - 1, ",")) {
            for (size_t q = i + 1; q < start; q++)
                if (tok(c, q)->kind == FC_TOK_PUNCT && !is_punct(c, q, "."))
                    return false;
            return true;
        }
    }
    return false;
}

/* Whether the sentence tells of a sum being adopted ("approved a $48 million
 * budget on Tuesday"): the day is when the vote was held, no period of the sum. */
static bool adopted_sum(const ctx *c, const fc_claim *cl)
{
    static const char *const verbs[] = {"approved", "adopted", "passed", "voted",
                                        "signed",   "unveiled", "proposed", "awarded"};
    if (cl->unit != FC_UNIT_CURRENCY)
        return false;
    for (size_t k = c->sent.from; k < c->sent.to; k++)
        if (tok(c, k)->kind == FC_TOK_WORD)
            for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++)
                if (is_list_word(c, k, verbs[v]))
                    return true;
    return false;
}

/* Whether the number at token i stands in a phrase set off by commas that
 * closes before token start ("In 2023 a leak at its Ashfield site, 40 miles to
 * the north, released 2,300 litres": the year reaches past the aside). */
static bool set_off(const ctx *c, size_t i, size_t start)
{
    bool opened = false;
    for (size_t k = i; k-- > c->sent.from && k + 5 > i && !opened;)
        opened = is_punct(c, k, ",");
    if (!opened)
        return false;
    for (size_t k = i + 1; k < start && k < i + 8; k++)
        if (is_punct(c, k, ","))
            return true;
    return false;
}

/* Whether the number at token i counts the days of a stretch the sentence goes
 * on to date: "logged 48,200 books in the 43 days since June 9", "over the 14
 * days to Friday". */
static bool stretch_number(const ctx *c, size_t i)
{
    if (i <= c->sent.from || i + 2 >= c->sent.to || !is_word(c, i - 1, "the") ||
        !(is_word(c, i + 1, "days") || is_word(c, i + 1, "weeks") || is_word(c, i + 1, "months")))
        return false;
    return is_word(c, i + 2, "since") || is_word(c, i + 2, "to") || is_word(c, i + 2, "through") ||
           is_word(c, i + 2, "ending") || is_word(c, i + 2, "ended");
}

/* A period the clause refers back to: "over the same quarter", "in the same
 * period" (the document's last period), "for the year", "over the full year"
 * (the whole year the document last named); NULL when none, or when the words
 * go on to another time ("the same quarter a year earlier", "the year
 * before"). Looked for after the figure, then before it, in its clause. */
static const char *period_referred(const ctx *c, size_t start, size_t end)
{
    static const char *const stretches[] = {"quarter", "period", "month", "months", "week",
                                            "weeks", "year", "season", "stretch", "span",
                                            "days", "day"};
    if (!c->last_period[0])
        return NULL; /* (no period yet in the document: nothing to refer to) */
    for (int side = 0; side < 2; side++) {
        size_t from = side == 0 ? end : (start > c->sent.from + 8 ? start - 8 : c->sent.from);
        size_t to = side == 0 ? (end + 10 < c->sent.to ? end + 10 : c->sent.to) : start;
        for (size_t i = from; i + 1 < to || (side == 1 && i < to); i++) {
            if (side == 0 && (other_number(c, i) || is_punct(c, i, ";")))
                break;
            if (!is_word(c, i, "the") || i == c->sent.from)
                continue;
            if (!is_word(c, i - 1, "over") && !is_word(c, i - 1, "for") &&
                !is_word(c, i - 1, "in") && !is_word(c, i - 1, "during") &&
                !is_word(c, i - 1, "across") && !is_word(c, i - 1, "through"))
                continue;
            size_t k = i + 1;
            bool same = is_word(c, k, "same");
            if (same || is_word(c, k, "full") || is_word(c, k, "whole") || is_word(c, k, "entire"))
                k++;
            const char *ref = NULL;
            if (same) {
                for (size_t q = 0; q < sizeof stretches / sizeof *stretches && !ref; q++)
                    if (is_list_word(c, k, stretches[q]) && c->last_period[0])
                        ref = c->last_period;
            } else if (is_word(c, k, "year") && c->year_period[0]) {
                ref = c->year_period;
            }
            if (!ref)
                continue;
            /* "the same quarter a year earlier", "the year before", "the same
             * period last year", "the same month of 2023" */
            for (size_t q = k + 1; q < c->sent.to && q < k + 4; q++)
                if (is_word(c, q, "before") || is_word(c, q, "earlier") || is_word(c, q, "ago") ||
                    is_word(c, q, "last") || is_word(c, q, "previous") || is_word(c, q, "prior") ||
                    is_year(c, q) || is_month(c, q) || is_word(c, q, "to") ||
                    is_word(c, q, "ending") || is_word(c, q, "ended"))
                    return NULL;
            if (k + 1 < c->sent.to && tok(c, k + 1)->kind == FC_TOK_PUNCT &&
                fc_tok_eq(c->text, tok(c, k + 1), "'"))
                return NULL; /* "the year's" */
            return ref;
        }
    }
    return NULL;
}

/* Whether a comma and "who", "whom", "whose" or "which" stand between tokens
 * from and to, or a comma and "and that", a second reported clause ("said the
 * median wait was 16 days, and that the city plans a fourth pool by 2028"). */
static bool relative_between(const ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k + 1 < to; k++)
        if (is_punct(c, k, ",") && (is_word(c, k + 1, "who") || is_word(c, k + 1, "whom") ||
                                    is_word(c, k + 1, "whose") || is_word(c, k + 1, "which") ||
                                    (k + 2 < to && is_word(c, k + 1, "and") &&
                                     is_word(c, k + 2, "that"))))
            return true;
    return false;
}

/* Whether "since then" or "since that day" follows the figure ending at
 * token end, within a few words of its clause. */
static bool since_then(const ctx *c, size_t end)
{
    for (size_t k = end; k + 1 < c->sent.to && k < end + 4; k++) {
        if (tok(c, k)->kind == FC_TOK_PUNCT)
            return false;
        if (is_word(c, k, "since") &&
            (is_word(c, k + 1, "then") ||
             (is_word(c, k + 1, "that") && k + 2 < c->sent.to && is_word(c, k + 2, "day"))))
            return true;
    }
    return false;
}

static fc_status find_period(ctx *c, size_t start, size_t end, fc_claim *cl)
{
    bool kept = period_toks(c);
    int act = -1; /* adopted_sum, asked when a day of the week is found */
    char lbuf[40], rbuf[40];
    const char *left = NULL, *right = NULL;
    size_t dl = (size_t)-1, dr = (size_t)-1;
    /* "to 3.4% in June from 3.9% in May": a time before "from" is the level's,
     * not the earlier level's */
    bool from = start > c->sent.from && is_word(c, start - 1, "from");
    for (size_t i = start, k = c->periods.n; !from && period_before(c, kept, &i, &k);) {
        const char *p = period_read(c, kept, i, k, lbuf);
        if (p) {
            if (weekday_at(c, i) >= 0 && (act < 0 ? (act = adopted_sum(c, cl)) : act))
                break; /* the day of the vote: no period this side */
            if (other_time(c, i))
                continue;
            if (!owned_by_other(c, i, start, end) || when_clause(c, i, start)) {
                left = p;
                dl = start - i;
            }
            break;
        }
        /* No earlier token of the table may be a period: none is found, whether
         * or not a number stops the search here. */
        if (kept && k <= c->periods.maybe_lo)
            break;
        if (other_number(c, i) && !set_off(c, i, start) && !in_when_clause(c, i, start))
            break;
    }
    /* What parts the time before from the claim: "and" ("1,010 on Sunday and
     * 740 on Saturday"), a colon or a semicolon ("kept growing over the
     * summer: the company reported 412 million users for the third quarter");
     * past the latter the search after it goes on whatever the distance. */
    bool and_between = false, stop_between = false;
    for (size_t k = start - (dl <= start ? dl : 0); left && k < start; k++) {
        and_between |= is_word_n(c, k, c->w_and, "and");
        stop_between |= is_punct(c, k, ":") || is_punct(c, k, ";");
    }
    /* (and "and" lets the time after reach a little further: "1,270 lines in
     * 2024 and 690 in the first six months of this year") */
    size_t reach = stop_between ? start + 24 : and_between ? dl + 6 : dl;
    for (size_t i = end, k = 0; period_after(c, kept, &i, &k) && i - start <= reach; i++) {
        const char *p = period_read(c, kept, i, k, rbuf);
        /* (a time in a relative clause after the figure is of its subject:
         * "according to Chief Judge Rosalind Achebe, who took over the court
         * in January") */
        if (p && relative_between(c, end, i))
            break;
        if (p) {
            const fc_entry *prep = entry_before(c, &c->r->period_preps, i);
            if (prep && prep->kind == FC_PERIOD_SINCE && comma_in(c, end, i))
                break; /* "31% of voters, the lowest since 2009" */
            if (weekday_at(c, i) >= 0 && (act < 0 ? (act = adopted_sum(c, cl)) : act))
                break;
            /* (past when the source spoke, another clause: "the company said
             * this week, as it clears a backlog left by last winter's freeze") */
            if (speech_time(c, i))
                break;
            if (other_time(c, i))
                continue;
            if (!owned_by_other(c, i, start, end)) {
                right = p;
                dr = i - start;
            }
            break;
        }
        if (kept && k + 1 >= c->periods.maybe_hi) /* (the same, after it) */
            break;
        if (other_number(c, i) && !stretch_number(c, i))
            break;
    }
    /* On a tie the time before wins ("44% in May") unless "and" parts them; a
     * colon or a semicolon gives the time after it whatever the distance. */
    const char *best = (stop_between || and_between) && right  ? right
                       : dl < dr || (dl == dr && !and_between) ? left
                                                               : right;
    if (!best)
        best = period_referred(c, start, end);
    /* "The bloom, first reported July 9, has sickened 27 people since then":
     * the days from that day to publication */
    char since_buf[40];
    int sy, sm, sd;
    if (best && c->have_pub && strlen(best) == 10 &&
        sscanf(best, "%4d-%2d-%2d", &sy, &sm, &sd) == 3 && since_then(c, end)) {
        int py, pm, pd;
        fc_civil_from_days(c->pub, &py, &pm, &pd);
        if (fc_days_from_civil(sy, sm, sd) < c->pub) {
            range_text(since_buf, sizeof since_buf, sy, sm, sd, py, pm, pd);
            best = since_buf;
        }
    }
    if (best && !(cl->period = fc_strdup(best)))
        return FC_ENOMEM;
    if (best && best != c->last_period && cl->role == FC_ROLE_LEVEL) {
        put_period(c->last_period, sizeof c->last_period, best, best + strlen(best));
        /* (a year, or a stretch inside one: "the fourth quarter of 2024") */
        const char *to = strchr(best, '/');
        if (strspn(best, "0123456789") == 4 && (best[4] == '\0' || best[4] == '-') &&
            (!to || strncmp(to + 1, best, 4) == 0)) {
            memcpy(c->year_period, best, 4);
            c->year_period[4] = '\0';
        }
    }
    return FC_OK;
}

/* Whether a multiplier ("doubled", "tripled") is in tokens [from, to). */
static bool multiplier_in(const ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (fc_index_has(&c->r->multipliers.first, c->word[k]) && entry_at(c, &c->r->multipliers, k))
            return true;
    return false;
}

/* Whether an earlier time is named within 12 tokens after token i, in the
 * sentence: a month, a year, or "last", "earlier", "ago", "previous", "prior". */
static bool earlier_time(const ctx *c, size_t i)
{
    for (size_t k = i; k < c->sent.to && k < i + 12; k++) {
        if (is_punct(c, k, ";") || (tok(c, k)->kind == FC_TOK_NUM && !is_year(c, k)))
            return false; /* another clause, another figure */
        if (is_month(c, k) || is_year(c, k) || is_word(c, k, "last") || is_word(c, k, "earlier") ||
            is_word(c, k, "ago") || is_word(c, k, "previous") || is_word(c, k, "prior"))
            return true;
    }
    return false;
}

/* A change ("down 3 points", "a 3% drop") or the earlier level of one ("from
 * 49%"); sets the direction of a change or comparison ("three times higher"). */
/* Where the words from token k name a figure of an earlier time: "last
 * year's $44 million", "the previous year's 1,210" (a time word among at most
 * four words, then the figure, a currency symbol before it): the token the
 * figure starts at (its symbol's); 0 when they do not. */
/* ("the 4,900 of 2023", "the $3.9 million recorded in 2023": after "the", a
 * time named right after the figure does as well.) */
static bool time_after_figure(const ctx *c, size_t q)
{
    size_t k = q + 1;
    while (k < c->sent.to && k < q + 3 && tok(c, k)->kind == FC_TOK_NUM)
        k++; /* "4.9 million" */
    while (k < c->sent.to && k < q + 3 && tok(c, k)->kind == FC_TOK_WORD &&
           (entry_at(c, &c->r->scale_words, k) || is_word(c, k, "percent")))
        k++;
    /* (past a short clause of the figure's: "the 3,380 households signed up a
     * year earlier") */
    for (size_t e = k; e < c->sent.to && e < k + 7; e++) {
        if (tok(c, e)->kind == FC_TOK_NUM && !is_year(c, e))
            return false;
        if (tok(c, e)->kind == FC_TOK_PUNCT)
            return false;
        /* (and "cast in the 2023 off-year election") */
        size_t p = e > k && is_word(c, e - 1, "the") ? e - 1 : e;
        if (p > k && (is_month(c, e) || is_year(c, e)) &&
            (is_word(c, p - 1, "in") || is_word(c, p - 1, "of") || is_word(c, p - 1, "for")))
            return true;
        if (is_word(c, e, "last") || is_word(c, e, "earlier") || is_word(c, e, "previously") ||
            is_word(c, e, "ago"))
            return true;
    }
    return false;
}

static size_t than_earlier(const ctx *c, size_t k)
{
    bool time = false, the = k < c->sent.to && is_word(c, k, "the");
    for (size_t q = k; q < c->sent.to && q < k + 5; q++) {
        const fc_tok *t = tok(c, q);
        if (t->kind == FC_TOK_NUM)
            return (time || (the && q <= k + 2 && time_after_figure(c, q))) && !is_year(c, q)
                       ? q
                       : 0;
        if (t->kind == FC_TOK_PUNCT && symbol_at(c, q))
            return time || (the && q <= k + 2 && time_after_figure(c, q + 1)) ? q : 0;
        if (t->kind == FC_TOK_PUNCT)
            return 0;
        time = time || is_word(c, q, "last") || is_word(c, q, "previous") ||
               is_word(c, q, "prior") || is_word(c, q, "earlier") || is_word(c, q, "year's");
    }
    return 0;
}

/* Whether the count ending at token `after` names people money or things came
 * from ("raised $1.36 million from some 9,400 donors", "drew gifts from more
 * than 14,000 individual donors"): people after it, and no figure of its unit
 * before it in the sentence (as in "rose to 1,240 students from 1,100
 * students"). */
static bool people_given_from(const ctx *c, size_t after, const fc_claim *cl)
{
    if (cl->unit != FC_UNIT_COUNT)
        return false;
    bool people = false;
    for (size_t k = after; k < c->sent.to && k < after + 3 && !people; k++)
        people = list_at(c, &c->r->grouping.person_nouns, k) > 0;
    if (!people)
        return false;
    for (size_t k = c->sent_first; k < c->out->n; k++)
        if (c->out->items[k].unit == FC_UNIT_COUNT && c->out->items[k].sentence == c->sentence)
            return false;
    return true;
}

/* Whether "from" at token k follows "to" and a figure of cl's unit, the
 * sentence's last claim so far, with only its unit's words between: "to
 * $31.50 from", "to 4,420 subscribers from". */
static bool to_level_before(const ctx *c, size_t k, const fc_claim *cl)
{
    if (c->out->n <= c->sent_first)
        return false;
    const fc_claim *lv = &c->out->items[c->out->n - 1];
    if (lv->sentence != c->sentence || lv->unit != cl->unit || lv->role != FC_ROLE_LEVEL)
        return false;
    size_t q = k;
    while (q > c->sent.from && q + 4 > k && tok(c, q - 1)->kind != FC_TOK_NUM &&
           !is_punct(c, q - 1, ",") && !list_at(c, &c->r->stop_words, q - 1))
        q--;
    if (q <= c->sent.from + 1 || tok(c, q - 1)->kind != FC_TOK_NUM)
        return false;
    q--;
    if (tok(c, q)->start < lv->start || tok(c, q)->end > lv->end)
        return false; /* (the number is the last claim's) */
    while (q > c->sent.from && tok(c, q - 1)->kind == FC_TOK_PUNCT && !is_punct(c, q - 1, ",") &&
           tok(c, q - 1)->start >= lv->start)
        q--; /* "$" */
    return q > c->sent.from && is_word(c, q - 1, "to");
}

static fc_role find_role(const ctx *c, size_t start, size_t after, fc_claim *cl)
{
    const fc_rules *r = c->r;
    /* "from the current year's $25.1 million": "from" a few words back. */
    size_t fr = start;
    while (fr > c->sent.from && fr + 4 > start && tok(c, fr - 1)->kind == FC_TOK_WORD &&
           !list_at(c, &r->change_from, fr - 1) &&
           (list_at(c, &r->stop_words, fr - 1) ||
            (tok(c, fr - 1)->end - tok(c, fr - 1)->start > 2 &&
             fc_ieq(c->text + tok(c, fr - 1)->end - 2, "'s", 2)) ||
            is_word(c, fr - 1, "current") || is_word(c, fr - 1, "previous") ||
            is_word(c, fr - 1, "prior") || is_word(c, fr - 1, "last") ||
            is_word(c, fr - 1, "earlier")))
        fr--;
    /* "a $48 million budget, 6 percent more than last year's $44 million": the
     * earlier level of a change stated as a comparison with an earlier time */
    size_t th = start;
    while (th > c->sent.from && th + 4 > start && !is_word(c, th - 1, "than"))
        th--;
    /* (and "5,400 in 2024, 800 more than the 4,900 of 2023": a difference) */
    if (th >= c->sent.from + 3 && th < start && is_word(c, th - 1, "than") &&
        (list_at(c, &r->up_after, th - 2) || list_at(c, &r->down_after, th - 2)) &&
        (is_word(c, th - 3, "percent") || is_punct(c, th - 3, "%") ||
         tok(c, th - 3)->kind == FC_TOK_NUM || entry_at(c, &r->scale_words, th - 3)) &&
        than_earlier(c, th) == start)
        return FC_ROLE_PREVIOUS;
    if (fr > c->sent.from && list_at(c, &r->change_from, fr - 1))
        start = fr;
    /* "goes to $31.50 from $27.00", "set at 14 to 9 from 12": a figure after
     * "to" then "from" a figure of its unit is the level and its earlier level,
     * whatever the verb */
    if (start > c->sent.from + 3 && is_word(c, start - 1, "from") && to_level_before(c, start - 1, cl))
        return FC_ROLE_PREVIOUS;
    /* "were cut in half", "slashed in half" */
    if (start > c->sent.from + 1 && is_word(c, start - 1, "in") && cl->unit == FC_UNIT_RATIO &&
        (list_at(c, &r->down_by, start - 2) || list_before(c, &r->down_before, start - 1))) {
        cl->direction = FC_DIR_DOWN;
        return FC_ROLE_CHANGE;
    }
    /* "cut its workforce by 9%", "raised fares by 15%". */
    if (start > c->sent.from && is_word(c, start - 1, "by")) {
        size_t lo = start > c->sent.from + 7 ? start - 7 : c->sent.from;
        /* ("to raise tuition and mandatory fees for in-state undergraduates by
         * 3.9%": the verb, its object between, back to a comma) */
        size_t far = start > c->sent.from + 14 ? start - 14 : c->sent.from;
        for (size_t k = start - 1; k > far && !is_punct(c, k - 1, ",") &&
                                   tok(c, k - 1)->kind != FC_TOK_NUM;
             k--)
            if (k - 1 < lo && (list_at(c, &r->up_by, k - 1) || list_at(c, &r->down_by, k - 1)))
                lo = k - 1;
        bool up = list_in(c, &r->up_by, lo, start - 1), down = list_in(c, &r->down_by, lo, start - 1);
        if (up == down) { /* "climbed by 25%", "slipped by 3%" */
            up = list_before(c, &r->up_before, start - 1);
            down = list_before(c, &r->down_before, start - 1);
        }
        if (up != down) {
            cl->direction = up ? FC_DIR_UP : FC_DIR_DOWN;
            return FC_ROLE_CHANGE;
        }
        /* "led by 12 points": a margin, the difference between two figures,
         * not a level of its own; "won by 1,674 votes" is a count of votes,
         * the margin another story gives as "a margin of 1,674 votes" (a level
         * whose key says s:margin) */
        static const char *const margins[] = {"won",      "lost",     "led",   "leads",
                                              "leading",  "trailed",  "trails", "trailing",
                                              "beat",     "defeated", "edged", "margin"};
        for (size_t k = lo; k + 1 < start; k++)
            for (size_t q = 0; q < sizeof margins / sizeof *margins; q++)
                if (is_list_word(c, k, margins[q]))
                    return cl->unit == FC_UNIT_COUNT ? FC_ROLE_LEVEL : FC_ROLE_CHANGE;
    }
    /* (a length of time after "over" is the stretch of the figure: "bringing
     * in 2.4 million pounds over a six-week season", the harvest "wrapped up") */
    if (start > c->sent.from && list_at(c, &r->change_from, start - 1) &&
        !(cl->unit == FC_UNIT_DURATION && is_word(c, start - 1, "over")) &&
        (list_in(c, &r->up_before, c->sent.from, start) ||
         list_in(c, &r->down_before, c->sent.from, start) ||
         list_in(c, &r->up_after, c->sent.from, start) ||
         list_in(c, &r->down_after, c->sent.from, start) ||
         list_in(c, &r->change_verbs, c->sent.from, start) || multiplier_in(c, c->sent.from, start) ||
         list_in(c, &r->up_by, c->sent.from, start) || list_in(c, &r->down_by, c->sent.from, start)) &&
        !people_given_from(c, after, cl))
        return FC_ROLE_PREVIOUS;
    /* "42% rated them good, compared with 48% in April": an earlier level when a
     * time follows; "45% of women compared with 38% of men" is no change. */
    if (start >= c->sent.from + 2 && is_word(c, start - 2, "compared") &&
        (is_word(c, start - 1, "with") || is_word(c, start - 1, "to")) && earlier_time(c, after))
        return FC_ROLE_PREVIOUS;
    /* "made up 6.1%", "down to 46%": the word is not a change here. */
    if (list_before(c, &r->not_changes, start))
        return FC_ROLE_LEVEL;
    /* "The storm dropped 3.6 inches of rain": what fell, no fall */
    static const char *const falls[] = {"rain", "rainfall", "snow", "snowfall", "hail", "sleet",
                                        "precipitation"};
    if (cl->unit == FC_UNIT_OTHER && is_word(c, after, "of"))
        for (size_t k = 0; k < sizeof falls / sizeof *falls; k++)
            if (is_list_word(c, after + 1, falls[k]))
                return FC_ROLE_LEVEL;
    /* "the hospital lost $14.6 million on operations": an amount lost is a
     * loss, a level another story gives as "its loss came to $9.8 million";
     * "the shares lost $3.20 to close at $41.10" arrives at a level */
    if (cl->unit == FC_UNIT_CURRENCY && start > c->sent.from &&
        (is_word(c, start - 1, "lost") || is_word(c, start - 1, "lose") ||
         is_word(c, start - 1, "loses") || is_word(c, start - 1, "losing"))) {
        bool arrives = false;
        for (size_t k = after; k < after + 6 && k + 1 < c->sent.to && !arrives; k++)
            arrives = (is_word(c, k, "to") || is_word(c, k, "from") || is_word(c, k, "at")) &&
                      tok(c, k + 1)->kind != FC_TOK_WORD;
        if (!arrives)
            return FC_ROLE_LEVEL;
    }
    if (list_before(c, &r->up_before, start) || list_before(c, &r->down_before, start)) {
        cl->direction = list_before(c, &r->up_before, start) ? FC_DIR_UP : FC_DIR_DOWN;
        return FC_ROLE_CHANGE;
    }
    bool up = list_at(c, &r->up_after, after), down = list_at(c, &r->down_after, after);
    /* "a 3.9% tuition increase", "a 5% fare rise", "a 12% price cut": the
     * change after a noun or two of what changed */
    if (!up && !down && cl->unit == FC_UNIT_PERCENT && start > c->sent.from &&
        (is_word(c, start - 1, "a") || is_word(c, start - 1, "an") ||
         is_word(c, start - 1, "the")))
        for (size_t k = after; k < after + 2 && k + 1 < c->sent.to; k++) {
            if (tok(c, k)->kind != FC_TOK_WORD || is_stop(c, k) ||
                fc_tok_is_capitalised(c->text, tok(c, k)) || entry_at(c, &r->units, k))
                break;
            up = list_at(c, &r->up_after, k + 1);
            down = list_at(c, &r->down_after, k + 1);
            if (up || down) {
                after = k + 1;
                break;
            }
        }
    if (!up && !down)
        return FC_ROLE_LEVEL;
    cl->direction = up ? FC_DIR_UP : FC_DIR_DOWN;
    /* "a 3% drop" is a change; "three times higher than" a comparison; "$23
     * million larger than this year's", "1,200 more than" a difference. */
    bool article =
        start > c->sent.from && (is_word(c, start - 1, "a") || is_word(c, start - 1, "an") ||
                                 is_word(c, start - 1, "the") || is_word(c, start - 1, "its") ||
                                 is_word(c, start - 1, "this") || is_word(c, start - 1, "their"));
    bool difference = (cl->unit == FC_UNIT_COUNT || cl->unit == FC_UNIT_CURRENCY ||
                       cl->unit == FC_UNIT_OTHER) && /* "1,400 tonnes less than" */
                      cl->qualifier == FC_QUAL_EXACT && after + 1 < c->sent.to &&
                      is_word(c, after + 1, "than");
    /* "6 percent more than last year's $44 million": a change from then */
    bool earlier = cl->unit == FC_UNIT_PERCENT && after + 1 < c->sent.to &&
                   is_word(c, after + 1, "than") && than_earlier(c, after + 2) > 0;
    return article || difference || earlier ? FC_ROLE_CHANGE : FC_ROLE_LEVEL;
}

static bool phrase_in(const ctx *c, const fc_phrase_list *l, size_t from, size_t to)
{
    return l->n == 0 || list_in(c, l, from, to);
}

/* Whether phrase `part` occurs, token for token, inside phrase `whole`. */
static bool phrase_contains(const fc_phrase *whole, const fc_phrase *part)
{
    for (size_t i = 0; i + part->ntok <= whole->ntok; i++) {
        size_t k = 0;
        while (k < part->ntok && strcmp(whole->tok[i + k], part->tok[k]) == 0)
            k++;
        if (k == part->ntok)
            return true;
    }
    return false;
}

/* The canonical phrase an alias leads to, following chains (the rules refuse
 * cycles, and the walk is bounded anyway). */
static const fc_phrase *canonical(const fc_rules *r, const fc_alias *a)
{
    const fc_phrase *p = &a->canonical;
    for (size_t steps = 0; steps < r->naliases; steps++) {
        const fc_alias *next = NULL;
        for (size_t k = 0; k < r->naliases && !next; k++)
            if (r->aliases[k].phrase.ntok == p->ntok && phrase_contains(&r->aliases[k].phrase, p))
                next = &r->aliases[k];
        if (!next)
            break;
        p = &next->canonical;
    }
    return p;
}

/* Whether the subject tokens [from, to) name one of the measure's subjects,
 * directly or through an alias ("migrants" -> "undocumented immigrants"). */
static bool subject_matches(const ctx *c, const fc_measure *m, size_t from, size_t to)
{
    if (list_in(c, &m->subject, from, to))
        return true;
    const fc_rules *r = c->r;
    for (size_t k = 0; k < r->naliases; k++) {
        const fc_phrase *a = &r->aliases[k].phrase;
        bool present = false;
        for (size_t i = from; i < to && !present; i++)
            present = match_at(c, a, i, to);
        if (!present)
            continue;
        const fc_phrase *canon = canonical(r, &r->aliases[k]);
        for (size_t j = 0; j < m->subject.n; j++)
            if (phrase_contains(canon, &m->subject.items[j]))
                return true;
    }
    return false;
}

static fc_status find_measure(ctx *c, const found *f, fc_claim *cl)
{
    for (size_t k = 0; k < c->r->nmeasures; k++) {
        const fc_measure *m = &c->r->measures[k];
        if ((m->unit >= 0 && m->unit != (int)cl->unit) || (m->per >= 0 && m->per != (int)cl->per) ||
            (m->modalities && !(m->modalities & (1u << cl->modality))))
            continue;
        if (m->subject.n &&
            (f->subj_to <= f->subj_from || !subject_matches(c, m, f->subj_from, f->subj_to)))
            continue;
        /* The context is a property of the sentence: computed once. */
        if (c->about.context[k] == 0) {
            bool ok = true;
            for (size_t g = 0; g < m->ncontext && ok; g++)
                ok = phrase_in(c, &m->context[g], c->sent.from, c->sent.to);
            c->about.context[k] = ok ? 2 : 1;
        }
        if (c->about.context[k] == 2)
            return (cl->measure = fc_strdup(m->key)) ? FC_OK : FC_ENOMEM;
    }
    return FC_OK;
}

/* Puts key with its count in the table keys/counts of cap slots (a power of
 * two with a free slot). */
static void seen_put(uint64_t *keys, size_t *counts, size_t cap, uint64_t key, size_t count)
{
    size_t j = key & (cap - 1);
    while (keys[j])
        j = (j + 1) & (cap - 1);
    keys[j] = key;
    counts[j] = count;
}

/* How many sentences with the words hash w came before in the document;
 * counts this one. Errors: FC_ENOMEM. */
static fc_status seen_before(ctx *c, uint64_t w, size_t *n)
{
    w = w ? w : 1; /* 0 marks a free slot */
    if (!c->seen.cap) {
        for (size_t i = 0; i < c->seen.n; i++)
            if (c->seen.few_keys[i] == w) {
                *n = c->seen.few_counts[i]++;
                return FC_OK;
            }
        if (c->seen.n < FC_SEEN_FEW) {
            c->seen.few_keys[c->seen.n] = w;
            c->seen.few_counts[c->seen.n++] = 1;
            *n = 0;
            return FC_OK;
        }
    }
    if (2 * (c->seen.n + 1) > c->seen.cap) {
        size_t cap = c->seen.cap ? 2 * c->seen.cap : 64;
        uint64_t *keys = calloc(cap, sizeof *keys);
        size_t *counts = calloc(cap, sizeof *counts);
        if (!keys || !counts) {
            free(keys);
            free(counts);
            return FC_ENOMEM;
        }
        for (size_t i = 0; i < c->seen.cap; i++)
            if (c->seen.keys[i])
                seen_put(keys, counts, cap, c->seen.keys[i], c->seen.counts[i]);
        for (size_t i = 0; !c->seen.cap && i < c->seen.n; i++) /* out of few_keys */
            seen_put(keys, counts, cap, c->seen.few_keys[i], c->seen.few_counts[i]);
        free(c->seen.keys);
        free(c->seen.counts);
        c->seen.keys = keys;
        c->seen.counts = counts;
        c->seen.cap = cap;
    }
    size_t j = w & (c->seen.cap - 1);
    while (c->seen.keys[j] && c->seen.keys[j] != w)
        j = (j + 1) & (c->seen.cap - 1);
    if (!c->seen.keys[j]) {
        c->seen.keys[j] = w;
        c->seen.n++;
    }
    *n = c->seen.counts[j]++;
    return FC_OK;
}

/* The claim's id (fc_claim_make_id): from the document's path, its sentence's
 * words and how many identical sentences came before it, its own words and how
 * many identical claims came before it in the sentence; never its offsets, so
 * an edit elsewhere in the document keeps it. Errors: FC_ENOMEM. */
static fc_status make_id(ctx *c, fc_claim *cl)
{
    if (!c->sent_seeded) {
        size_t n;
        uint64_t w = fc_claim_sentence_words(c->path_hash, tok(c, c->sent.from),
                                             c->sent.to - c->sent.from);
        if (seen_before(c, w, &n) != FC_OK)
            return FC_ENOMEM;
        c->sent_seed = fc_claim_sentence_seed(w, n);
        c->sent_seeded = true;
    }
    size_t k = 0;
    unsigned char first = (unsigned char)c->text[cl->start];
    bool spaced = first <= ' '; /* white space is all at or below ' ' */
    for (size_t i = c->sent_first; i < c->out->n; i++) {
        const fc_claim *o = &c->out->items[i];
        unsigned char ofirst = (unsigned char)c->text[o->start];
        if (!spaced && ofirst > ' ' && ofirst != first)
            continue; /* their words start differently: the common case, told at once */
        k += fc_words_equal(c->text, o->start, o->end, c->text, cl->start, cl->end);
    }
    fc_claim_make_id(cl->id, c->sent_seed, c->text, cl->start, cl->end, k);
    return FC_OK;
}


/* Records the token spans of the claim about to be pushed (for its sentence's
 * relations and keys). Errors: FC_ENOMEM. */
static fc_status push_spans(ctx *c, size_t start, size_t end, size_t subj_from, size_t subj_to)
{
    if (fc_grow((void **)&c->spans, &c->cap_spans, c->nspans + 1, sizeof *c->spans) != FC_OK)
        return FC_ENOMEM;
    c->spans[c->nspans++] = (fc_claim_toks){start, end, subj_from, subj_to};
    return FC_OK;
}

static void drop_subject(found *f)
{
    f->subj_from = f->subj_to = 0;
}

/* Fills cl's unit name and base value from the unit entry it was read with (if
 * the claim kept that unit), or from its currency. A change of temperature
 * converts without the offset: 9 degrees Fahrenheit warmer is 5 degrees Celsius
 * warmer. */
/* dst = a " per " b when it fits in n bytes; false (dst untouched) when not. */
static bool per_name(char *dst, size_t n, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la + lb + 6 > n)
        return false;
    memcpy(dst, a, la);
    memcpy(dst + la, " per ", 5);
    memcpy(dst + la + 5, b, lb + 1);
    return true;
}

/* Names the unit of cl from its entry u; sub: the share of the currency's
 * main unit a subunit is ("45 cents", 0.01), else 0; per: the unit after
 * "per" or "/" of a compound, or NULL. */
static void name_unit(fc_claim *cl, const fc_entry *u, double sub, const fc_entry *per)
{
    cl->base_value = NAN;
    if (cl->unit == FC_UNIT_CURRENCY && cl->currency[0]) {
        const char *n = !sub ? cl->currency : strcmp(cl->currency, "GBP") == 0 ? "penny" : "cent";
        put_period(cl->unit_name, sizeof cl->unit_name, n, n + strlen(n)); /* (a copy) */
        memcpy(cl->base_unit, cl->currency, 4);
        cl->base_value = sub ? cl->value * sub : cl->value;
        if (per && per->name && per_name(cl->unit_name, sizeof cl->unit_name, n, per->name)) {
            if (per->base && !per->offset &&
                per_name(cl->base_unit, sizeof cl->base_unit, cl->currency, per->base)) {
                cl->base_value /= per->factor;
            } else {
                cl->base_value = NAN;
                cl->base_unit[0] = 0;
            }
        }
        return;
    }
    if (!u || !u->name)
        return;
    /* The loader holds names to these sizes (rules_load.c unit_entry). */
    memcpy(cl->unit_name, u->name, strlen(u->name) + 1);
    bool both = per && per->name && per_name(cl->unit_name, sizeof cl->unit_name, u->name, per->name);
    if (!u->base)
        return;
    if (both) {
        if (!per->base || per->offset ||
            !per_name(cl->base_unit, sizeof cl->base_unit, u->base, per->base))
            return;
        cl->base_value = cl->value * u->factor / per->factor;
        return;
    }
    memcpy(cl->base_unit, u->base, strlen(u->base) + 1);
    cl->base_value = cl->value * u->factor + (cl->role == FC_ROLE_CHANGE ? 0 : u->offset);
}

/* The unit after "per" or "/" at token i: any unit of a dimension ("hectare",
 * "L", "kilowatt hour"), or "second", which the units table does not list
 * alone (an ordinal); NULL when none. */
static const fc_entry *per_unit_at(const ctx *c, size_t i)
{
    if (i >= c->sent.to || tok(c, i)->kind != FC_TOK_WORD)
        return NULL;
    if (is_word(c, i, "second")) {
        for (size_t k = 0; k < c->r->units.n; k++)
            if (c->r->units.items[k].name && strcmp(c->r->units.items[k].name, "second") == 0)
                return &c->r->units.items[k];
        return NULL;
    }
    const fc_entry *u = entry_at(c, &c->r->units, i);
    if (u && u->cased && !written_as(c, i, u))
        u = cased_other(c, i, u);
    if (!u || !u->name || (u->kind != FC_UNIT_OTHER && u->kind != FC_UNIT_DURATION) ||
        u->phrase.text[0] == '-' || is_temperature(u))
        return NULL;
    return u;
}

static const fc_entry *per_unit_at(const ctx *c, size_t i);

/* The units table's entry of a unit of time by its name ("day"), or NULL. */
static const fc_entry *time_unit(const ctx *c, const char *name)
{
    for (size_t k = 0; name && k < c->r->units.n; k++) {
        const fc_entry *u = &c->r->units.items[k];
        if (u->kind == FC_UNIT_DURATION && u->name && strcmp(u->name, name) == 0)
            return u;
    }
    return NULL;
}

/* Builds the claim for the quantity q; returns the token after it. */
static fc_status claim_for(ctx *c, const quantity *q, size_t *next)
{
    found f = {0};
    fc_claim *cl = &f.claim;
    cl->doc = c->doc_index;
    cl->sentence = c->sentence;
    cl->sentence_start = tok(c, c->sent.from)->start;
    cl->sentence_end = tok(c, c->sent.to - 1)->end;
    cl->value = q->value;
    cl->from = cl->to = NAN;
    cl->direction = q->direction;
    size_t start_tok = q->sp.from;
    cl->modality = FC_MOD_ACTUAL;
    const fc_entry *hedge = apply_hedge(c, q, cl, &start_tok);
    const fc_entry *unit = NULL;
    /* A stated margin: "1.6 ± 0.2 km", "5.2 +/- 0.3 mm" is 1.6 in [1.4, 1.8]. */
    size_t unit_from = q->sp.to;
    double margin = NAN;
    if (!q->range && cl->qualifier == FC_QUAL_EXACT && unit_from + 1 < c->sent.to) {
        size_t m = unit_from;
        if (is_punct(c, m, "\xC2\xB1"))
            m++;
        else if (m + 3 < c->sent.to && is_punct(c, m, "+") && is_punct(c, m + 1, "/") &&
                 is_punct(c, m + 2, "-"))
            m += 3;
        if (m > unit_from && tok(c, m)->kind == FC_TOK_NUM) {
            margin = fc_tok_number_in(c->text, tok(c, m), c->decimal_comma);
            unit_from = m + 1;
        }
    }
    double subunit = 0;
    size_t after = apply_unit(c, start_tok, unit_from, cl, &unit, &subunit);
    if (unit && is_temperature(unit) && !unit->base && cl->unit == FC_UNIT_OTHER &&
        temperature_claim(c, q->sp.from, unit) && degree_scale(c, cl->value))
        unit = degree_scale(c, cl->value); /* "41.5 degrees": Celsius; "112 degrees": Fahrenheit */
    /* A temperature has no floor at zero: "below 5 °C", "under 20 kelvin". */
    if (unit && unit->base && strcmp(unit->base, "degree Celsius") == 0 && cl->low == 0 &&
        (cl->qualifier == FC_QUAL_AT_MOST || cl->qualifier == FC_QUAL_LESS_THAN))
        cl->low = -INFINITY;
    if (!isnan(margin)) {
        cl->low = cl->value - margin;
        cl->high = cl->value + margin;
        cl->qualifier = FC_QUAL_APPROXIMATELY;
    }
    /* A list sharing the unit of its last member: "62 and 58 mm", "8.21, 8.14
     * and 8.09 m", "between 120 and 85 megawatts": each member gets it. */
    if (!unit && cl->unit == FC_UNIT_COUNT && q->unit < 0 && !q->range && isnan(margin) &&
        after == q->sp.to) { /* (not a multiplier: "tripled to 43,500 tonnes") */
        size_t k = after;
        for (int members = 0; members < 8 && k + 1 < c->sent.to; members++) {
            if (is_punct(c, k, ",") && is_word(c, k + 1, "and"))
                k++;
            if (!(is_punct(c, k, ",") || is_word(c, k, "and") || is_word(c, k, "or") ||
                  is_word(c, k, "to")) ||
                tok(c, k + 1)->kind != FC_TOK_NUM || (k + 2 < c->sent.to && glued(c, k + 2) && !unit_at(c, k + 2)))
                break;
            k += 2;
            const fc_entry *lu = unit_at(c, k);
            if (lu && lu->kind == FC_UNIT_OTHER && lu->name && !is_temperature(lu)) {
                unit = lu;
                cl->unit = FC_UNIT_OTHER;
                break;
            }
        }
    }
    if (q->unit >= 0 && cl->unit == FC_UNIT_COUNT)
        cl->unit = (fc_unit)q->unit;
    const fc_entry *sym = cl->unit == FC_UNIT_CURRENCY ? currency_before(c, start_tok) : NULL;
    if (sym)
        start_tok -= sym->phrase.ntok;
    /* The hedge may come before the currency symbol: "about $2.3bn". */
    if (cl->unit == FC_UNIT_CURRENCY && cl->qualifier == FC_QUAL_EXACT) {
        const fc_entry *h = entry_before(c, &c->r->hedges, start_tok);
        if (h) {
            quantity q2 = *q;
            size_t st = start_tok;
            apply_hedge(c, &q2, cl, &st);
            start_tok = st;
        }
    }
    /* A compound of two units of one dimension: "6 feet 2 inches", "1 hour 20
     * minutes", "9st 4lb": one figure in the smaller unit (74 inches, 80
     * minutes, 130 pounds). */
    if (unit && unit->base && !q->range && after + 1 < c->sent.to &&
        tok(c, after)->kind == FC_TOK_NUM) {
        const fc_entry *u2 = unit_at(c, after + 1);
        if (u2 && u2->base && strcmp(u2->base, unit->base) == 0 && u2->factor < unit->factor &&
            !u2->offset && !unit->offset) {
            double add = fc_tok_number_in(c->text, tok(c, after), c->decimal_comma);
            double k = unit->factor / u2->factor;
            cl->value = cl->value * k + add;
            cl->low = cl->low * k + add;
            cl->high = cl->high * k + add;
            after += 1 + u2->phrase.ntok;
            unit = u2;
            cl->unit = (fc_unit)u2->kind;
        }
    }
    /* A currency and its hundredths: "15 dollars 20 cents", "3 pounds 50 pence". */
    if (cl->unit == FC_UNIT_CURRENCY && !q->range && after + 1 < c->sent.to &&
        tok(c, after)->kind == FC_TOK_NUM && !glued(c, after)) {
        const fc_entry *sub = currency_after(c, after + 1);
        double cents = fc_tok_number_in(c->text, tok(c, after), c->decimal_comma);
        if (sub && !sub->symbol && sub->value > 0 && sub->value < 1 && cents < 1 / sub->value &&
            cents == floor(cents) && cl->value == floor(cl->value) &&
            (memcmp(sub->code, cl->currency, 4) == 0 || is_word(c, after + 1, "cents") ||
             is_word(c, after + 1, "cent"))) {
            double add = cents * sub->value;
            cl->value += add;
            cl->low += add;
            cl->high += add;
            after += 1 + sub->phrase.ntok;
        }
    }
    /* A compound unit "X per Y", "X/Y": "4.1 tonnes per hectare", "0.12 mg/L",
     * "14 cents per kilowatt hour"; a rate of time after money or a count ("$50
     * a day") stays a rate (per), and after a unit is named as the compound but
     * left to the rate too ("250,000 barrels per day"). */
    const fc_entry *per_u = NULL;
    if (((cl->unit == FC_UNIT_OTHER && unit && unit->name && !unit->offset) ||
         cl->unit == FC_UNIT_CURRENCY)) {
        bool slash = is_punct(c, after, "/") && glued(c, after);
        /* "1.2 terabytes a second" after a unit; "$50 a day" stays a rate;
         * "$3.62 a gallon", "$2.10 a square foot" are prices of a unit. */
        bool article = is_word(c, after, "a") || is_word(c, after, "an");
        bool a = cl->unit == FC_UNIT_OTHER && article;
        bool a_price = cl->unit == FC_UNIT_CURRENCY && article;
        if (slash || a || a_price || is_word(c, after, "per")) {
            const fc_entry *u2 = per_unit_at(c, after + 1);
            if ((a && u2 && u2->kind != FC_UNIT_DURATION) ||
                (a_price && u2 && u2->kind != FC_UNIT_OTHER))
                u2 = NULL;
            if (u2 && (cl->unit == FC_UNIT_OTHER || u2->kind == FC_UNIT_OTHER)) {
                per_u = u2;
                if (!entry_at(c, &c->r->rates, after))
                    after += 1 + (is_word(c, after + 1, "second") ? 1 : u2->phrase.ntok);
            }
        }
    }
    /* Accounting brackets: "a loss of ($42.7 million)" is negative; not a
     * conversion after another amount ("€40 million ($42.7 million)"). */
    if (cl->unit == FC_UNIT_CURRENCY && start_tok > c->sent.from + 1 && is_punct(c, start_tok - 1, "(") &&
        is_punct(c, after, ")") && cl->value > 0 && tok(c, start_tok - 2)->kind == FC_TOK_WORD &&
        !entry_at(c, &c->r->scale_words, start_tok - 2) && !currency_after(c, start_tok - 2) &&
        !unit_at(c, start_tok - 2)) {
        double lo = cl->low;
        cl->value = -cl->value;
        cl->low = -cl->high;
        cl->high = -lo;
    }
    /* A bound written after the figure: "40,000 or more", "5 km or less". */
    const fc_entry *post = cl->qualifier == FC_QUAL_EXACT && !q->range
                               ? entry_at(c, &c->r->hedges, after)
                               : NULL;
    if (post && post->after) {
        hedge_interval(cl, post, cl->value);
        after += post->phrase.ntok;
    }
    *next = after;
    if (q->kind == Q_MULTIPLIER && q->direction)
        cl->role = FC_ROLE_CHANGE; /* "doubled" */
    else
        cl->role = find_role(c, start_tok, after, cl);
    if (hedge && cl->unit == FC_UNIT_PERCENT && cl->role != FC_ROLE_CHANGE && !cl->direction)
        hedge_share(hedge, cl); /* not "about 3% more than": a comparison is relative */
    if (cl->unit == FC_UNIT_COUNT || cl->unit == FC_UNIT_CURRENCY ||
        ((q->kind == Q_FRACTION || cl->unit == FC_UNIT_PERCENT) && is_word(c, after, "of")))
        find_subject(c, start_tok, after, &f); /* "30% of seats", "a third of voters" */
    /* "buildings of 50 apartments or more": a bound after the counted noun */
    if (!post && cl->qualifier == FC_QUAL_EXACT && !q->range && f.subj_to > f.subj_from &&
        f.subj_to - f.subj_from <= 2) {
        const fc_entry *bound = entry_at(c, &c->r->hedges, f.subj_to);
        if (bound && bound->after)
            hedge_interval(cl, bound, cl->value);
    }
    /* A count per unit: "1.3x10^6 cells per millilitre" is 1.3e6 "cell per
     * millilitre", base per cubic metre; per a unit of time ("operations per
     * second") it has no base. */
    const fc_entry *count_per = NULL;
    if (cl->unit == FC_UNIT_COUNT && f.subj_to == f.subj_from + 1 && f.subj_to > after &&
        is_word(c, f.subj_to, "per") && is_plural(c, f.subj_from) &&
        !entry_at(c, &c->r->rates, f.subj_to) && /* "300 arrests per day" stays a rate */
        (count_per = per_unit_at(c, f.subj_to + 1)) != NULL) {
        cl->unit = FC_UNIT_OTHER;
        size_t e = f.subj_to + 1 + (is_word(c, f.subj_to + 1, "second") ? 1 : count_per->phrase.ntok);
        cl->end = tok(c, e - 1)->end;
        after = e;
        *next = after;
    }
    /* A rate per head of population: "61.2 cases per 100,000 residents". */
    size_t tail = f.subj_to > after ? f.subj_to : after;
    if (cl->unit == FC_UNIT_COUNT && is_word(c, tail, "per") && tail + 1 < c->sent.to &&
        tok(c, tail + 1)->kind == FC_TOK_NUM)
        cl->unit = FC_UNIT_OTHER;
    /* "tens of millions of dollars" */
    const fc_entry *cur = q->kind == Q_VAGUE && is_word(c, after, "of")
                              ? currency_after(c, after + 1)
                              : NULL;
    if (cur) {
        cl->unit = FC_UNIT_CURRENCY;
        memcpy(cl->currency, cur->code, 4);
        drop_subject(&f);
        after += 1 + cur->phrase.ntok;
        *next = after;
    }
    if (cl->role == FC_ROLE_LEVEL && cl->unit != FC_UNIT_DURATION &&
        (cl->unit != FC_UNIT_RATIO || q->kind == Q_MULTIPLIER))
        find_rate(c, start_tok, after, &f);
    else if (cl->unit == FC_UNIT_DURATION && entry_at(c, &c->r->rates, after))
        cl->per = (fc_per)entry_at(c, &c->r->rates, after)->kind; /* "40 hours a week" */
    cl->start = tok(c, start_tok)->start;
    cl->end = tok(c, after - 1)->end;
    fc_status st = make_id(c, cl);
    /* "260 of the deaths": a part of the count named just before. */
    bool of_the = cl->unit == FC_UNIT_COUNT && is_word(c, after, "of") &&
                  is_word(c, after + 1, "the") && after + 2 < c->sent.to &&
                  tok(c, after + 2)->kind == FC_TOK_WORD && !entry_at(c, &c->r->units, after + 2);
    if (f.partitive || of_the)
        link_whole(c, cl);
    else if (cl->unit == FC_UNIT_CURRENCY && cl->role == FC_ROLE_LEVEL && !cl->per &&
             is_word(c, after, "of") &&
             (is_word(c, after + 1, "it") || is_word(c, after + 1, "that")) &&
             (after + 2 >= c->sent.to || tok(c, after + 2)->kind == FC_TOK_PUNCT))
        link_money_whole(c, cl);
    if (st == FC_OK && f.subj_to > f.subj_from && !(cl->subject = span_text(c, f.subj_from, f.subj_to)))
        st = FC_ENOMEM;
    find_modality(c, start_tok, after, f.subj_to > after ? f.subj_to : after, cl);
    /* ("the 2,100 she needs to fully staff all 88 polling places": "all" and a
     * count are what there is, no goal) */
    if (cl->modality == FC_MOD_TARGET && cl->unit == FC_UNIT_COUNT && start_tok > c->sent.from &&
        is_word(c, start_tok - 1, "all"))
        cl->modality = FC_MOD_ACTUAL;
    if (st == FC_OK)
        st = find_attribution(c, cl);
    if (st == FC_OK)
        st = find_period(c, start_tok, f.subj_to > after ? f.subj_to : after, cl);
    /* "told regulators on Tuesday that it will lay off 310 workers": a day
     * gone by is when a figure still to come was told, not its period */
    if (st == FC_OK && cl->period && cl->modality == FC_MOD_PROJECTION && c->have_pub &&
        strlen(cl->period) == 10) {
        int y, m, d;
        if (fc_date_parse(cl->period, &y, &m, &d) && fc_days_from_civil(y, m, d) < c->pub) {
            free(cl->period);
            cl->period = NULL;
        }
    }
    if (st == FC_OK && cl->role != FC_ROLE_CHANGE)
        st = find_measure(c, &f, cl);
    if (st == FC_OK)
        st = push_spans(c, start_tok, after, f.subj_from, f.subj_to);
    if (st != FC_OK) {
        free(cl->subject);
        free(cl->attribution);
        free(cl->period);
        free(cl->measure);
        return st;
    }
    /* "daily water use averaged 118 million gallons" is in gallons per day, as
     * "118 million gallons a day" is: the rate read before the figure names the
     * compound too */
    if (!per_u && cl->per != FC_PER_NONE && cl->unit == FC_UNIT_OTHER && unit && unit->name &&
        !unit->offset)
        per_u = time_unit(c, fc_per_name(cl->per));
    name_unit(cl, cl->unit == (fc_unit)(unit ? unit->kind : -1) ? unit : NULL, subunit, per_u);
    if (count_per) {
        const fc_tok *w = tok(c, f.subj_from);
        size_t n = w->end - w->start;
        char noun[24];
        if (n >= 3 && n < sizeof noun) {
            for (size_t k = 0; k < n; k++)
                noun[k] = (char)tolower((unsigned char)c->text[w->start + k]);
            if (n > 3 && memcmp(noun + n - 3, "ies", 3) == 0) { /* "batteries" */
                n -= 3;
                noun[n++] = 'y';
            } else if (noun[n - 1] == 's') { /* "cells" */
                n--;
            }
            noun[n] = 0;
            if (per_name(cl->unit_name, sizeof cl->unit_name, noun, count_per->name) &&
                count_per->kind == FC_UNIT_OTHER && count_per->base &&
                per_name(cl->base_unit, sizeof cl->base_unit, "", count_per->base)) {
                memmove(cl->base_unit, cl->base_unit + 1, strlen(cl->base_unit)); /* "per cubic metre" */
                cl->base_value = cl->value / count_per->factor;
            }
        }
    }
    return fc_claims_push(c->out, cl);
}

/* "four years ago", "two years earlier": a time reference, not a duration claim.
 * The units' entry at end is looked up once with the number (quantity.units_entry)
 * when the number ends there, as most do. */
static bool is_time_reference(const ctx *c, const quantity *q, size_t end)
{
    const fc_entry *u = q->units_tok == end ? q->units_entry : units_entry_at(c, end);
    return u && u->kind == FC_UNIT_DURATION &&
           list_at(c, &c->r->time_references, end + u->phrase.ntok);
}

/* Whether a figure read from digits is one news copy can state: 0, or a
 * magnitude within [1e-100, 1e100]. Beyond, the digits are no quantity (a
 * 400-digit string reads as infinity), and gaps, sums and ratios between two
 * claims could overflow into infinities in a report. */
static bool magnitude_ok(double v)
{
    return v == 0 || (fabs(v) >= 1e-100 && fabs(v) <= 1e100);
}

/* Whether the quantity at q, outside links and page furniture, is a claim. */
/* "a two-bedroom apartment", "the 20-book goal", "a three-story building": a
 * number glued to a noun that each of the next noun's things has, after an
 * article: no count of anything (but "the 96-car train" and "a 1,150-position
 * restructuring" count cars and positions). */
static bool compound_modifier(const ctx *c, size_t i, size_t end)
{
    static const char *const each[] = {"bedroom", "bathroom", "story", "storey", "lane",
                                       "door",    "book",     "page",  "star",  "hole"};
    if (!(i > c->sent.from &&
          (is_word(c, i - 1, "a") || is_word(c, i - 1, "an") || is_word(c, i - 1, "the")) &&
          end + 2 < c->sent.to && is_punct(c, end, "-") && glued(c, end) && glued(c, end + 1) &&
          tok(c, end + 1)->kind == FC_TOK_WORD && !glued(c, end + 2) &&
          tok(c, end + 2)->kind == FC_TOK_WORD))
        return false;
    for (size_t k = 0; k < sizeof each / sizeof *each; k++)
        if (is_list_word(c, end + 1, each[k]))
            return true;
    return false;
}

/* Whether the quantity starting at token i follows (or starts with) a word
 * that makes it a stretch of time: "over", "during", "in", "for", "across",
 * "within". */
static bool stretch_before(const ctx *c, size_t i)
{
    static const char *const words[] = {"over", "during", "in", "for", "across", "within"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (is_list_word(c, i, words[k]) || (i > c->sent.from && is_list_word(c, i - 1, words[k])))
            return true;
    return false;
}

static bool is_claim_here(const ctx *c, const quantity *q)
{
    size_t i = q->sp.from, end = q->sp.to;
    /* "five days after the storm" is a time; "over the five days after the
     * storm" a stretch of time */
    /* (nor "pumped 96 million gallons over 40 days before the holidays": a
     * stretch after "over", "during", "in" or "for" that ends before a time) */
    if (is_time_reference(c, q, end) && !(i > c->sent.from && is_word(c, i - 1, "the")) &&
        !(stretch_before(c, i) && q->units_tok == end && q->units_entry &&
          (is_word(c, end + q->units_entry->phrase.ntok, "before") ||
           is_word(c, end + q->units_entry->phrase.ntok, "after"))))
        return false;
    /* "in the first six months of the year": the words of a period */
    const fc_entry *rel = i > c->sent.from ? entry_at(c, &c->r->relative_periods, i - 1) : NULL;
    if (rel && rel->phrase.ntok >= 2 && end <= i - 1 + rel->phrase.ntok)
        return false;
    if (!magnitude_ok(q->value) || (q->range && !(magnitude_ok(q->low) && magnitude_ok(q->high))))
        return false;
    /* A denominator: "61.2 cases per 100,000" (read with the claim before it);
     * with its currency: "$1.42 per $100 of assessed value" */
    size_t b = i;
    while (b > c->sent.from + 1 && b + 2 > i && tok(c, b - 1)->kind == FC_TOK_PUNCT && glued(c, b))
        b--;
    if (b > c->sent.from && is_word(c, b - 1, "per"))
        return false;
    if (q->kind == Q_NUMBER && tok(c, q->num)->kind == FC_TOK_NUM) {
        i = q->num;
        if (end == i + 1 && list_at(c, &c->r->special_numbers, i) == 1)
            return false; /* "calls to 911" */
        if (end == i + 1 && service_number(c, i))
            return false; /* "the city's 311 line" */
        /* The traps, the cheaper and the more often sprung first (the order
         * changes no answer: each only reads). */
        return !(is_name_or_code(c, i, end) || compound_modifier(c, i, end) ||
                 is_time(c, i, end) || is_date(c, i) ||
                 is_age(c, i, end) || is_score(c, i) || is_phone(c, i) || is_label(c, i) ||
                 is_address(c, i, end) || is_model_number(c, i, end) ||
                 is_identifier(c, i, end));
    }
    /* "three times a week", "a few times a month", "twice a year": how often,
     * no ratio between two figures */
    size_t at = end < c->sent.to && is_word(c, end, "times") ? end + 1 : end;
    const fc_entry *often =
        (q->unit == FC_UNIT_RATIO || is_word(c, at - 1, "times")) && at < c->sent.to
            ? entry_at(c, &c->r->rates, at)
            : NULL;
    if (often && !list_at(c, &c->r->time_references, at + often->phrase.ntok))
        return false;
    if (q->kind != Q_NUMBER)
        return !glued(c, i) || tok(c, i - 1)->kind == FC_TOK_PUNCT;
    /* Number words: "the two nations" is not a count claim; "five stores" is;
     * "Eleven" glued into "7-Eleven" is a name. */
    if (glued(c, i))
        return false;
    if (i > c->sent.from && is_word(c, i - 1, "the")) {
        /* but "over the nine days": a stretch of time; not "the four-year
         * graduation rate", "the three-day festival" */
        const fc_entry *u = end < c->sent.to && !glued(c, end) ? entry_at(c, &c->r->units, end)
                                                               : NULL;
        if (!(u && u->kind == FC_UNIT_DURATION))
            return false;
    }
    if (compound_modifier(c, i, end))
        return false;
    /* An ordinal: "twenty-fifth", "thirty-first" */
    if (end + 1 < c->sent.to && is_punct(c, end, "-") && glued(c, end) && glued(c, end + 1) &&
        tok(c, end + 1)->kind == FC_TOK_WORD) {
        const fc_tok *o = tok(c, end + 1);
        if ((o->end - o->start > 2 && fc_ieq(c->text + o->end - 2, "th", 2)) ||
            is_word(c, end + 1, "first") || is_word(c, end + 1, "second") ||
            is_word(c, end + 1, "third"))
            return false;
    }
    /* A lone "one" is an article-like word ("one of them", "one user"), not a count;
     * "at one point", "at one time" say when. */
    if (q->value == 1 && end == i + 1 &&
        (!entry_at(c, &c->r->units, end) ||
         (i > c->sent.from && is_word(c, i - 1, "at") &&
          (is_word(c, end, "point") || is_word(c, end, "time")))))
        return false;
    /* "zero" counts only before a plural noun or a unit ("zero deaths", "zero
     * percent"), not in "zero tolerance", "zero-emission" or "Ground Zero". */
    if (q->value == 0 && tok(c, i)->kind == FC_TOK_WORD && end == i + 1 &&
        !entry_at(c, &c->r->units, end)) {
        const fc_tok *n = end < c->sent.to ? tok(c, end) : NULL;
        if (!n || n->kind != FC_TOK_WORD || glued(c, end) || fc_tok_is_capitalised(c->text, n) ||
            n->end - n->start < 3 || (c->text[n->end - 1] | 0x20) != 's' ||
            fc_ieq(c->text + n->end - 2, "ss", 2))
            return false;
    }
    return !is_age(c, i, end);
}

/* Whether the quantity at q is a claim at all. The furniture test walks back to
 * the start of the line, so it comes last, for the quantities that pass the rest. */
static bool is_claim(ctx *c, const quantity *q)
{
    return !in_link(c, q->sp.from) && is_claim_here(c, q) && !in_furniture(c, q->sp.from);
}

/* ---- custom claim shapes from the rules (PCRE2) ------------------------------ */

typedef struct pmatch {
    fc_regex_match m;
    const fc_pattern *p;
} pmatch;

static int by_match_start(const void *a, const void *b)
{
    const pmatch *x = a, *y = b;
    if (x->m.start != y->m.start)
        return x->m.start < y->m.start ? -1 : 1;
    return x->m.end > y->m.end ? -1 : x->m.end < y->m.end; /* longer first */
}

/* Whether text[from, to) holds a digit, ASCII or fullwidth (fc_tok_number_in). */
static bool value_has_digit(const char *text, size_t from, size_t to)
{
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = from; i < to; i++)
        if ((u[i] >= '0' && u[i] <= '9') ||
            (i + 2 < to && u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] >= 0x90 && u[i + 2] <= 0x99))
            return true;
    return false;
}

/* Collects every match of every pattern in text[from, to), by start; a match
 * whose value holds no digit is not a figure, and a match that overlaps an
 * earlier one is dropped. */
static fc_status find_pattern_matches(ctx *c, size_t from, size_t to)
{
    c->nmatches = c->next_match = 0;
    for (size_t k = 0; k < c->r->npatterns; k++) {
        const fc_pattern *p = &c->r->patterns[k];
        fc_regex_match m;
        for (size_t pos = from; pos < to && fc_regex_next(p->code, c->text, pos, to, &m);
             pos = m.end) {
            if (!value_has_digit(c->text, m.num_start, m.num_end))
                continue; /* "twelve": the number is read from digits, and there are none */
            if (fc_grow((void **)&c->matches, &c->cap_matches, c->nmatches + 1,
                        sizeof *c->matches) != FC_OK)
                return FC_ENOMEM;
            c->matches[c->nmatches++] = (pmatch){m, p};
        }
    }
    if (c->nmatches == 0)
        return FC_OK;
    qsort(c->matches, c->nmatches, sizeof *c->matches, by_match_start);
    size_t kept = 1;
    for (size_t i = 1; i < c->nmatches; i++)
        if (c->matches[i].m.start >= c->matches[kept - 1].m.end)
            c->matches[kept++] = c->matches[i];
    c->nmatches = kept;
    return FC_OK;
}

/* The claim for a pattern match starting at token k: its fields from the rule,
 * its context (attribution, modality, period) from the sentence, as for any claim. */
static fc_status pattern_claim(ctx *c, const pmatch *pm, size_t k, size_t *next)
{
    const fc_pattern *p = pm->p;
    size_t end = k;
    while (end < c->sent.to && tok(c, end)->start < pm->m.end)
        end++;
    fc_tok num = {pm->m.num_start, pm->m.num_end, 0, FC_TOK_NUM, false, false, false};
    fc_claim cl = {0};
    cl.doc = c->doc_index;
    cl.sentence = c->sentence;
    cl.sentence_start = tok(c, c->sent.from)->start;
    cl.sentence_end = tok(c, c->sent.to - 1)->end;
    cl.start = pm->m.start;
    cl.end = pm->m.end;
    cl.value = cl.low = cl.high = fc_tok_number_in(c->text, &num, c->decimal_comma);
    if (!magnitude_ok(cl.value)) {
        *next = end > k ? end : k + 1;
        return FC_OK;
    }
    cl.from = cl.to = cl.base_value = NAN;
    cl.unit = (fc_unit)p->unit;
    cl.per = (fc_per)p->per;
    cl.modality = (fc_modality)p->modality;
    *next = end > k ? end : k + 1;
    fc_status st = make_id(c, &cl);
    if (st != FC_OK)
        return st;
    find_modality(c, k, end, end, &cl);
    if ((p->subject && !(cl.subject = fc_strdup(p->subject))) ||
        (p->measure && !(cl.measure = fc_strdup(p->measure))))
        st = FC_ENOMEM;
    if (st == FC_OK)
        st = find_attribution(c, &cl);
    if (st == FC_OK)
        st = find_period(c, k, end, &cl);
    if (st == FC_OK)
        st = push_spans(c, k, end, 0, 0);
    if (st != FC_OK) {
        free(cl.subject);
        free(cl.measure);
        free(cl.attribution);
        free(cl.period);
        return st;
    }
    return fc_claims_push(c->out, &cl);
}

/* The pattern match starting at or before token k (and not before it ended), if any. */
static const pmatch *match_at_token(ctx *c, size_t k)
{
    const fc_tok *t = tok(c, k);
    while (c->next_match < c->nmatches && c->matches[c->next_match].m.end <= t->start)
        c->next_match++; /* a match inside a skipped span, or across a sentence cut */
    if (c->next_match < c->nmatches && c->matches[c->next_match].m.start <= t->start)
        return &c->matches[c->next_match++];
    return NULL;
}

/* Where sentence s starts past a dateline ("VERRIN CITY — Early voting ...",
 * "BRANTLEY, Ore. (AP) — ..."): words in capitals (a state's abbreviation, a
 * wire's name in brackets) and commas up to a dash; s.from when there is none. */
static size_t after_dateline(const ctx *c, span s)
{
    size_t caps = 0;
    for (size_t i = s.from; i < s.to && i < s.from + 8; i++) {
        const fc_tok *t = tok(c, i);
        size_t n = t->end - t->start;
        const char *p = c->text + t->start;
        if (t->kind == FC_TOK_PUNCT &&
            ((n == 3 && (memcmp(p, "\xE2\x80\x94", 3) == 0 || memcmp(p, "\xE2\x80\x93", 3) == 0)) ||
             (n == 1 && *p == '-' && i + 1 < s.to && is_punct(c, i + 1, "-"))))
            return caps && i + 1 + (*p == '-') < s.to ? i + 1 + (*p == '-') : s.from;
        if (t->kind == FC_TOK_WORD) {
            bool upper = n >= 2;
            for (size_t k = 0; k < n && upper; k++)
                upper = !(p[k] >= 'a' && p[k] <= 'z');
            /* (and "Ore." or "Calif." after a comma) */
            if (upper)
                caps++;
            else if (!(i > s.from && is_punct(c, i - 1, ",") && p[0] >= 'A' && p[0] <= 'Z' && n <= 5))
                return s.from;
            continue;
        }
        if (!(n == 1 && strchr(",.()", *p)))
            return s.from;
    }
    return s.from;
}

static fc_status extract_sentences(ctx *c)
{
    size_t i = 0;
    c->prev_sent = (span){0, 0};
    while (i < c->toks.n) {
        span prev = c->sent; /* (next_sentence sets c->sent while it reads) */
        span s = next_sentence(c, i);
        s.from = after_dateline(c, s);
        if (i > 0)
            c->prev_sent = prev;
        c->sent = s;
        if (c->any_sentence)
            c->sentence++;
        c->any_sentence = true;
        c->about.done = false;
        c->about.cues_done = false;
        if (c->r->nmeasures)
            memset(c->about.context, 0, c->r->nmeasures);
        size_t k = s.from, first = c->out->n;
        c->sent_first = first;
        c->sent_seeded = false;
        c->nspans = 0;
        while (k < s.to) {
            quantity q;
            const pmatch *pm = c->nmatches ? match_at_token(c, k) : NULL;
            if (pm && !in_link(c, k)) {
                size_t next;
                fc_status st = pattern_claim(c, pm, k, &next);
                if (st != FC_OK)
                    return st;
                k = next;
                continue;
            }
            if (!may_start_quantity(c, k) || !quantity_at(c, k, &q)) {
                k++;
                continue;
            }
            if (!is_claim(c, &q)) {
                k = q.sp.to > k ? q.sp.to : k + 1;
                continue;
            }
            size_t next;
            fc_status st = claim_for(c, &q, &next);
            if (st != FC_OK)
                return st;
            k = next > k ? next : k + 1;
        }
        if (!c->about.done) {
            fc_status ast = defer_sentence(c);
            if (ast != FC_OK)
                return ast;
        }
        link_sentence(c, first);
        fc_status kst = fc_key_sentence(c, first, c->spans);
        if (kst != FC_OK)
            return kst;
        i = s.to > i ? s.to : i + 1;
    }
    /* the block's tokens go: its pending sentences are read now or never */
    return c->npending ? read_pending(c, paragraph_unsourced(c)) : FC_OK;
}

/* Documents are read in blocks of about this many bytes, cut at a line break
 * where there is one (sentences never cross lines), so memory for tokens stays
 * small however large the document. */
#define FC_BLOCK_BYTES (64 * 1024)

/* The end of the block starting at pos: after the last line break in its second
 * half, else after the last space, else at a UTF-8 character boundary. */
static size_t block_end(const char *text, size_t pos, size_t len)
{
    if (len - pos <= FC_BLOCK_BYTES)
        return len;
    size_t lim = pos + FC_BLOCK_BYTES, half = pos + FC_BLOCK_BYTES / 2;
    for (size_t k = lim; k > half; k--)
        if (text[k - 1] == '\n')
            return k;
    for (size_t k = lim; k > half; k--)
        if (text[k - 1] == ' ' || text[k - 1] == '\t')
            return k;
    while (lim > pos + 1 && ((unsigned char)text[lim] & 0xC0) == 0x80)
        lim--;
    return lim;
}

fc_status fc_extract(const fc_rules *rules, const fc_doc *doc, size_t doc_index, fc_claims *out)
{
    ctx c = {.r = rules, .doc = doc, .text = doc->text, .doc_index = doc_index, .out = out};
    c.decimal_comma = fc_lang_decimal_comma(doc->language);
    c.path_hash = fc_hash64(doc->path, strlen(doc->path), 0);
    size_t word_cap = 0;
    fc_status st = FC_OK;
    int y, m, d;
    if ((c.have_pub = fc_date_parse(doc->published, &y, &m, &d)))
        c.pub = fc_days_from_civil(y, m, d);
    size_t nbits = rules->vocab.n / 64 + 1; /* the bit sets of fc_index keys */
    c.about.context = calloc(rules->nmeasures + 1, 1);
    c.quantity_words = malloc(nbits * sizeof *c.quantity_words);
    if (!c.about.context || !c.quantity_words)
        st = FC_ENOMEM;
    fc_key_words(&c);
    for (size_t k = 0; st == FC_OK && k < nbits; k++)
        c.quantity_words[k] = rules->number_words.first.keys[k] |
                              rules->vague_quantities.first.keys[k] |
                              rules->multipliers.first.keys[k] | rules->fractions.first.keys[k];
    /* "a dozen", "a third": the articles start quantities too. */
    c.articles_in_bits = c.w_a < rules->vocab.n && c.w_an < rules->vocab.n;
    if (st == FC_OK && c.articles_in_bits) {
        c.quantity_words[c.w_a / 64] |= (uint64_t)1 << (c.w_a % 64);
        c.quantity_words[c.w_an / 64] |= (uint64_t)1 << (c.w_an % 64);
    }
    for (size_t pos = doc->body; st == FC_OK && pos < doc->len;) {
        size_t end = block_end(doc->text, pos, doc->len);
        c.toks.n = 0;
        /* News copy has about one token per five bytes: reserving that up
         * front spares the token array most of its growing. */
        st =
            fc_grow((void **)&c.toks.items, &c.toks.cap, (end - pos) / 5 + 1, sizeof *c.toks.items);
        if (st == FC_OK)
            st = fc_lex_lang(doc->text, pos, end, c.decimal_comma, &c.toks);
        if (st == FC_OK && c.toks.n > word_cap) {
            uint32_t *w = realloc(c.word, c.toks.n * sizeof *c.word);
            if (w)
                c.word = w;
            unsigned char *mm = w ? realloc(c.memo, c.toks.n) : NULL;
            if (mm) {
                c.memo = mm;
                word_cap = c.toks.n;
            } else {
                st = FC_ENOMEM;
            }
        }
        if (st == FC_OK && c.toks.n)
            memset(c.memo, 0, c.toks.n);
        if (st == FC_OK && c.toks.n) {
            /* A copy of the vocabulary's table header, so that the stores of
             * the numbers are not taken to change it: held in registers. */
            const fc_vocab vocab = rules->vocab;
            const fc_tok *items = c.toks.items;
            uint32_t *word = c.word;
            /* (a token read at least 8 bytes before the text's end, as almost all
             * are, has 8 bytes readable: the look-up compares short words in one load) */
            size_t n = c.toks.n, safe = n;
            while (safe > 0 && doc->len - items[safe - 1].start < 8)
                safe--;
            /* (the table is larger than the cache, and most look-ups miss it:
             * the slot of the token some way ahead is fetched while this one
             * is looked up) */
            enum { AHEAD = 8 };
            for (size_t i = 0; i < safe; i++) {
#if defined(__GNUC__)
                if (i + AHEAD < n && vocab.slots)
                    __builtin_prefetch(
                        &vocab.slots[fc_vocab_home(items[i + AHEAD].hash, vocab.mask)]);
#endif
                word[i] = fc_vocab_find_in(&vocab, doc->text + items[i].start,
                                           items[i].end - items[i].start, items[i].hash, 8);
            }
            for (size_t i = safe; i < n; i++)
                word[i] = fc_vocab_find_in(&vocab, doc->text + items[i].start,
                                           items[i].end - items[i].start, items[i].hash,
                                           doc->len - items[i].start);
            c.run.from = c.run.to = 0;
            c.line.known = false;
            st = find_pattern_matches(&c, pos, end);
            if (st == FC_OK)
                st = extract_sentences(&c);
        }
        pos = end;
    }
    free(c.word);
    free(c.memo);
    free(c.quantity_words);
    fc_sources_free(&c);
    free(c.about.context);
    free(c.matches);
    free(c.spans);
    free(c.seen.keys);
    free(c.seen.counts);
    fc_toks_free(&c.toks);
    return st;
}
