/* check_share_sum.c - parts of one whole that add up to more than it.
 *
 * Counts: the parts the extractor links to one whole in one sentence ("Of the
 * 1,240 cases filed, 610 were civil, 480 criminal and 230 family matters"; "520
 * homes: 310 destroyed, another 260 damaged"): their sum against the whole's
 * upper bound. Parts in other sentences are other cuts of the whole.
 *
 * Percentages: shares of one base listed together (k shares rounded to whole
 * numbers may add to 100 +- k/2; to one decimal, 100 +- k/20):
 *   - the shares of one sentence after "Of the ...", "Of those", "Among them",
 *     and those of the next sentence that carry the list on ("Another 27%");
 *   - a share of the vote and the shares in its sentence and the next two;
 *   - a list in one sentence whose later shares repeat the first one's verb
 *     ("58% were insects, 37% were plants") or leave it out ("police 41% of the
 *     fund, fire 27%, parks 17%"; "41% came from gas, 37% from wind": the
 *     preposition after the verb kept).
 *   - answers to one question, when the sentence gives the share of those with
 *     no answer ("48% back it, 45% oppose it and 8% are undecided").
 * Shares answering different questions ("58% named taxes, 41% planned a
 * renovation") are no list. Both kinds are warnings: categories that overlap
 * can add past their whole, and the finding says so.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#include "check_internal.h"

/* ---- counts --------------------------------------------------------------------- */

/* Whether o is a part of p's list: the same whole, given in the same sentence
 * ("1,310 taken in the city" and, later, "1,540 recovered" are two cuts of one
 * whole, not a breakdown of it). */
static bool same_list(const fc_claim *o, const fc_claim *p)
{
    return strcmp(o->part_of, p->part_of) == 0 && o->unit != FC_UNIT_PERCENT &&
           o->sentence == p->sentence;
}

static fc_status count_parts(const fc_check_ctx *x, size_t k)
{
    const fc_claim *p = fc_check_claim(x, k);
    size_t from, to, nparts = 0, first = FC_NONE, wi = FC_NONE;
    fc_check_near(x, k, 3, 3, &from, &to);
    double sum = 0;
    for (size_t j = from; j < to; j++) {
        const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
        if (strcmp(o->id, p->part_of) == 0)
            wi = x->by_doc[j];
        if (same_list(o, p)) {
            if (first == FC_NONE)
                first = x->by_doc[j];
            sum += o->value;
            nparts++;
        }
    }
    if (first != k || nparts < 2 || wi == FC_NONE)
        return FC_OK; /* each whole once, at its first part */
    const fc_claim *w = fc_check_claim(x, wi);
    /* (a number of days and the counts of days it breaks into: "122 days of
     * readings: 58 good, 41 moderate ...") */
    if (w->unit != p->unit && !(w->unit == FC_UNIT_DURATION && p->unit == FC_UNIT_COUNT))
        return FC_OK;
    double slack = 0;
    for (size_t j = from; j < to; j++) {
        const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
        if (same_list(o, p))
            slack += 0.5 * fc_check_precision(x, o);
    }
    bool over = sum - slack > w->high + 0.5 * fc_check_precision(x, w);
    fc_finding f;
    fc_status st = fc_check_start(&f, "share_sum", over ? FC_SEV_WARNING : FC_SEV_INFO, nparts + 1);
    if (st != FC_OK)
        return st;
    f.claims[f.nclaims++] = wi;
    for (size_t j = from; j < to; j++) {
        const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
        if (same_list(o, p))
            f.claims[f.nclaims++] = x->by_doc[j];
    }
    fc_check_add_num(&f, "whole", w->value);
    fc_check_add_num(&f, "sum_of_parts", sum);
    fc_check_add_num(&f, "parts", (double)nparts);
    fc_strbuf sb = {0};
    fc_sb_printf(&sb, "%zu parts add up to ", nparts);
    fc_sb_number(&sb, sum);
    if (over) {
        fc_sb_puts(&sb, ", more than the whole of ");
        fc_sb_number(&sb, w->value);
        fc_sb_puts(&sb, " (unless the parts overlap).");
    } else {
        fc_sb_puts(&sb, " of ");
        fc_sb_number(&sb, w->value);
        fc_sb_puts(&sb, ": within the whole.");
    }
    return fc_check_finish(x, &f, &sb);
}

/* ---- percentages ------------------------------------------------------------------ */

/* The word right after a claim's text, lowercased into buf ("" when punctuation
 * or the sentence's end comes first). */
static const char *word_after(const fc_check_ctx *x, const fc_claim *c, char *buf, size_t n)
{
    const fc_doc *d = fc_check_doc(x, c);
    buf[0] = '\0';
    fc_view v;
    if (!d || c->end > d->len ||
        !fc_view_of(d, c->end, c->end + 120 < d->len ? c->end + 120 : d->len, &v))
        return buf;
    size_t i = c->end;
    while (i < v.to && (fc_at(&v, i) == ' ' || fc_at(&v, i) == '\t'))
        i++;
    size_t k = 0;
    while (i < v.to && k + 1 < n && isalpha((unsigned char)fc_at(&v, i)))
        buf[k++] = (char)tolower((unsigned char)fc_at(&v, i++));
    buf[k] = '\0';
    return buf;
}

static bool category_verb(const char *w);

/* The category verb after a share's base ("41% of the 860 patients surveyed
 * said"): the first one within twelve words, before any punctuation, into buf;
 * buf unchanged when none. */
static void verb_after_base(const fc_check_ctx *x, const fc_claim *c, char *buf, size_t n,
                            char *next, size_t nn)
{
    const fc_doc *d = fc_check_doc(x, c);
    fc_view v;
    if (!d || c->end > d->len ||
        !fc_view_of(d, c->end, c->end + 120 < d->len ? c->end + 120 : d->len, &v))
        return;
    size_t i = c->end;
    for (int words = 0; words < 12 && i < v.to; words++) {
        while (i < v.to && fc_at(&v, i) == ' ')
            i++;
        char w[32];
        size_t k = 0;
        while (i < v.to && k + 1 < sizeof w &&
               (isalnum((unsigned char)fc_at(&v, i)) ||
                (fc_at(&v, i) == ',' && i + 1 < v.to && isdigit((unsigned char)fc_at(&v, i + 1))) ||
                (fc_at(&v, i) == '\'' && k && i + 1 < v.to &&
                 isalpha((unsigned char)fc_at(&v, i + 1)))))
            w[k++] = (char)tolower((unsigned char)fc_at(&v, i++)); /* ("district's") */
        w[k] = '\0';
        if (!k)
            return; /* punctuation: the clause ends */
        if (category_verb(w) && k < n) {
            memcpy(buf, w, k + 1);
            /* and the word after the verb ("said on foot") */
            while (i < v.to && fc_at(&v, i) == ' ')
                i++;
            size_t q = 0;
            while (i < v.to && q + 1 < nn && isalpha((unsigned char)fc_at(&v, i)))
                next[q++] = (char)tolower((unsigned char)fc_at(&v, i++));
            next[q] = '\0';
            return;
        }
    }
}

/* Whether the word right before a claim's text is w ("at" in "Eastgate, at 64%"). */
static bool word_before_is(const fc_check_ctx *x, const fc_claim *c, const char *w)
{
    const fc_doc *d = fc_check_doc(x, c);
    size_t n = strlen(w);
    fc_view v;
    if (!d || c->start > d->len || c->start < c->sentence_start + n + 1)
        return false;
    size_t i = c->start - 1, from = i - n; /* the space before the claim, the word's start */
    size_t lo = from > c->sentence_start ? from - 1 : from; /* and the byte before it */
    if (!fc_view_of(d, lo, c->start, &v) || fc_at(&v, i) != ' ')
        return false;
    return strncasecmp(fc_ptr(&v, from), w, n) == 0 &&
           (lo == from || !isalpha((unsigned char)fc_at(&v, lo)));
}

/* The second word after a claim's text, lowercased into buf ("from" in "41% came
 * from gas"; "" when punctuation or the sentence's end comes first). */
static const char *second_word_after(const fc_check_ctx *x, const fc_claim *c, char *buf, size_t n)
{
    const fc_doc *d = fc_check_doc(x, c);
    buf[0] = '\0';
    fc_view v; /* the 120 bytes after the claim, as word_after reads */
    if (!d || c->end > d->len ||
        !fc_view_of(d, c->end, c->end + 120 < d->len ? c->end + 120 : d->len, &v))
        return buf;
    size_t i = c->end;
    for (int w = 0; w < 2; w++) {
        while (i < v.to && (fc_at(&v, i) == ' ' || fc_at(&v, i) == '\t'))
            i++;
        size_t k = 0;
        while (i < v.to && k + 1 < n && isalpha((unsigned char)fc_at(&v, i)))
            buf[k++] = (char)tolower((unsigned char)fc_at(&v, i++));
        buf[k] = '\0';
        if (!k)
            return buf;
    }
    return buf;
}

/* Whether w is a preposition a list can keep after leaving out its verb ("41%
 * came from gas, 37% from wind"; "48% went to schools, 30% to roads"). */
static bool list_preposition(const char *w)
{
    static const char *const preps[] = {"from", "to",   "for", "in",  "on",
                                        "at",   "with", "by",  "into"};
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        if (strcmp(w, preps[k]) == 0)
            return true;
    return false;
}

/* Whether w is a preposition that names an answer's kind rather than a group,
 * a place or a time ("by car", "on foot", "with cash", "via the app"). */
static bool mode_preposition(const char *w)
{
    return strcmp(w, "by") == 0 || strcmp(w, "on") == 0 || strcmp(w, "with") == 0 ||
           strcmp(w, "via") == 0;
}

/* Whether w is a word that opens what a share is of or where or when it holds
 * ("61% in the city, 58% in the county"; "64% among older voters"; "41% in
 * March"): shares followed by such words are rates of other groups, not a list
 * of one base, however alike the words after them. */
static bool group_word(const char *w)
{
    static const char *const words[] = {
        "in",     "among",   "at",     "for",   "of",   "on",      "across", "during", "from",
        "since",  "after",   "before", "under", "over", "between", "per",    "by",     "with",
        "within", "outside", "inside", "last",  "this", "a",       "the",    "than",   "compared"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strcmp(w, words[k]) == 0)
            return true;
    return false;
}

/* Whether w, the word after each share of a list, makes the shares one base's
 * categories: a copula ("58% were insects, 37% were plants") or a verb of one
 * choice ("52% said yes", "30% went to roads"). Other verbs ask other questions,
 * whose shares overlap ("64% passed math and 71% passed reading"). */
static bool category_verb(const char *w)
{
    static const char *const words[] = {"were",   "was",   "are",  "is",   "said",     "chose",
                                        "picked", "voted", "went", "came", "preferred"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strcmp(w, words[k]) == 0)
            return true;
    return false;
}

/* Whether the words just before the claim carry a list on ("Another 27%", "A
 * further 9%", "The remaining 12%", "The other 30%"). */
static bool continues_list(const fc_check_ctx *x, const fc_claim *c)
{
    const fc_doc *d = fc_check_doc(x, c);
    size_t from = c->start > 16 ? c->start - 16 : 0;
    fc_view v;
    if (!d || c->start > d->len || !fc_view_of(d, from, c->start, &v))
        return false;
    static const char *const words[] = {"another ", "a further ", "the remaining ", "the other "};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k]);
        if (c->start - from >= n && strncasecmp(fc_ptr(&v, c->start - n), words[k], n) == 0 &&
            (c->start - from == n || !isalpha((unsigned char)fc_at(&v, c->start - n - 1))))
            return true;
    }
    return false;
}

/* Whether the text of the claim's sentence before it starts with "Of the",
 * "Of those", "Of them", "Among them", "Among those", "Out of". */
static bool of_opening(const fc_check_ctx *x, const fc_claim *c)
{
    const fc_doc *d = fc_check_doc(x, c);
    if (!d || c->sentence_start >= d->len)
        return false;
    size_t n = d->len - c->sentence_start < 8 ? d->len - c->sentence_start : 8;
    const char *s = fc_doc_bytes(d, c->sentence_start, c->sentence_start + n);
    if (!s)
        return false;
    return (n > 3 && strncasecmp(s, "of ", 3) == 0) ||
           (n > 6 && strncasecmp(s, "among ", 6) == 0) ||
           (n > 7 && strncasecmp(s, "out of ", 7) == 0);
}

static bool vote_share(const fc_claim *c)
{
    return c->subject &&
           (strcasecmp(c->subject, "vote") == 0 || strcasecmp(c->subject, "votes") == 0 ||
            strcasecmp(c->subject, "ballots") == 0 || strcasecmp(c->subject, "the vote") == 0);
}


/* Whether the text between two claims of one document has a verb ("was", "were",
 * "had", a word in -ed): then the second share starts a clause of its own. */
static bool verb_between(const fc_check_ctx *x, const fc_claim *a, const fc_claim *b)
{
    const fc_doc *d = fc_check_doc(x, a);
    fc_view v;
    if (!d || b->start <= a->end || b->start > d->len || !fc_view_of(d, a->end, b->start, &v))
        return false;
    static const char *const verbs[] = {"was", "were", "is", "are", "had", "has", "have", "said"};
    bool article = false; /* the word before was "a", "an" or "the" */
    for (size_t i = a->end; i < b->start;) {
        while (i < b->start && !isalpha((unsigned char)fc_at(&v, i)))
            i++;
        size_t s = i;
        while (i < b->start && isalpha((unsigned char)fc_at(&v, i)))
            i++;
        size_t n = i - s;
        /* a word in -ed after an article is an adjective ("a packed lunch") */
        if (n > 3 && strncmp(fc_ptr(&v, i - 2), "ed", 2) == 0 && !article)
            return true;
        article = (n == 1 && (fc_at(&v, s) | 0x20) == 'a') ||
                  (n == 2 && strncasecmp(fc_ptr(&v, s), "an", 2) == 0) ||
                  (n == 3 && strncasecmp(fc_ptr(&v, s), "the", 3) == 0);
        for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
            if (n == strlen(verbs[k]) && strncasecmp(fc_ptr(&v, s), verbs[k], n) == 0)
                return true;
    }
    return false;
}

/* Whether the text between claims a and b of one document has the word "of"
 * ("44% had a primary diagnosis of cancer, 27% of dementia": the later shares
 * repeat the first one's "of", its verb left out). */
static bool of_between(const fc_check_ctx *x, const fc_claim *a, const fc_claim *b)
{
    const fc_doc *d = fc_check_doc(x, a);
    fc_view v;
    if (!d || b->start <= a->end || b->start > d->len || !fc_view_of(d, a->end, b->start, &v))
        return false;
    for (size_t i = a->end; i + 3 < b->start; i++)
        if (fc_at(&v, i) == ' ' && (fc_at(&v, i + 1) | 0x20) == 'o' &&
            (fc_at(&v, i + 2) | 0x20) == 'f' && fc_at(&v, i + 3) == ' ')
            return true;
    return false;
}

/* Whether a share is the level of a place: "at" before it ("Central at 83%",
 * "highest in Crane Hill, at 91%") or "at" and a name after it ("85% at
 * Northgate"). */
static bool place_level(const fc_check_ctx *x, const fc_claim *c)
{
    if (word_before_is(x, c, "at"))
        return true;
    const fc_doc *d = fc_check_doc(x, c);
    if (!d || c->end + 5 > d->len)
        return false;
    const char *t = fc_doc_bytes(d, c->end, c->end + 5);
    return t && strncmp(t, " at ", 4) == 0 && t[4] >= 'A' && t[4] <= 'Z';
}

/* Whether the claim's sentence gives the answer of those with none
 * ("undecided", "unsure", "don't know") or asks for one answer ("the single
 * issue", "only one"): the shares around it answer one question, each
 * respondent once. */
static bool no_answer_in_sentence(const fc_check_ctx *x, const fc_claim *c)
{
    fc_view v;
    if (c->sentence_start > c->sentence_end ||
        !fc_view_of(fc_check_doc(x, c), c->sentence_start, c->sentence_end, &v))
        return false;
    static const char *const words[] = {"undecided",   "unsure",     "not sure",
                                        "no opinion",  "don't know", "don\xE2\x80\x99t know",
                                        "the single ", "only one ",  "choose one ",
                                        "pick one "};
    for (size_t i = c->sentence_start; i < c->sentence_end; i++)
        for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
            size_t n = strlen(words[k]);
            if (i + n <= c->sentence_end && strncasecmp(fc_ptr(&v, i), words[k], n) == 0)
                return true;
        }
    return false;
}

static bool is_share(const fc_claim *c)
{
    return c->unit == FC_UNIT_PERCENT && c->role == FC_ROLE_LEVEL && c->value > 0 &&
           c->value <= 100;
}

/* Whether the claim is a rate named as one ("a graduation rate of 88%", "a
 * statewide rate of 86%", "Occupancy averaged 71%") or a yardstick ("against a national standard of 78
 * per cent", "a target of 95%", "the state average of 61%"): each its own
 * group's, never a share of one base. */
static bool named_rate(const fc_check_ctx *x, const fc_claim *c)
{
    static const char *const before[] = {
        "rate of ",    "rates of ", "rate at ",      "standard of ",  "target of ",
        "average of ", "goal of ",  "benchmark of ", "threshold of ", "rate was ",
        "rates were ", "rate is ",  "rates are ",    "standard is ",  "standard was ",
        "target is ",  "target was ", "goal is ",    "goal was ",  "averaged ",
        "averaging ",  "averages ",   "occupancy of ", "occupancy was "};
    const fc_doc *d = fc_check_doc(x, c);
    size_t from = c->start > c->sentence_start + 13 ? c->start - 13 : c->sentence_start;
    fc_view v;
    if (!d || c->start > d->len || !fc_view_of(d, from, c->start, &v))
        return false;
    for (size_t q = 0; q < sizeof before / sizeof *before; q++) {
        size_t n = strlen(before[q]);
        if (c->start >= from + n && strncasecmp(fc_ptr(&v, c->start - n), before[q], n) == 0)
            return true;
    }
    /* "the 51% rate for comparable defendants", "a 22% rate", "the 4% rates" */
    fc_view a;
    size_t e = c->end + 6 <= c->sentence_end ? c->end + 6 : c->end + 5;
    if (c->end + 5 > c->sentence_end || !fc_view_of(d, c->end, e, &a) ||
        strncasecmp(fc_ptr(&a, c->end), " rate", 5) != 0)
        return false;
    return e == c->end + 5 || !isalpha((unsigned char)fc_at(&a, c->end + 5)) ||
           fc_at(&a, c->end + 5) == 's';
}

/* Whether "among" comes shortly before the share in its sentence ("ran
 * strongest among voters under 45, with 58%, and among renters, with 61%"):
 * a rate of a group, not a category of the list's base. */
static bool among_before(const fc_check_ctx *x, const fc_claim *c)
{
    const fc_doc *d = fc_check_doc(x, c);
    size_t from = c->start > c->sentence_start + 40 ? c->start - 40 : c->sentence_start;
    fc_view v;
    if (!d || c->start > d->len || !fc_view_of(d, from, c->start, &v))
        return false;
    /* (not the sentence's opening "Among the 900 asked, 58% ...": a base) */
    for (size_t i = from + 1; i + 6 <= c->start; i++)
        if (i > c->sentence_start && !isalpha((unsigned char)fc_at(&v, i - 1)) &&
            strncasecmp(fc_ptr(&v, i), "among ", 6) == 0)
            return true;
    return false;
}

/* Whether "no", "none", "zero" or "never" is one of the three words after c
 * ("44% had no cavities", "52% had made no trips"). */
static bool none_after(const fc_check_ctx *x, const fc_claim *c)
{
    const fc_doc *d = fc_check_doc(x, c);
    fc_view v;
    if (!d || c->end > d->len ||
        !fc_view_of(d, c->end, c->end + 40 < d->len ? c->end + 40 : d->len, &v))
        return false;
    size_t i = c->end;
    for (int w = 0; w < 3; w++) {
        while (i < v.to && fc_at(&v, i) == ' ')
            i++;
        size_t s = i;
        while (i < v.to && isalpha((unsigned char)fc_at(&v, i)))
            i++;
        size_t n = i - s;
        if (n == 0)
            return false;
        static const char *const nones[] = {"no", "none", "zero", "never"};
        for (size_t q = 0; q < sizeof nones / sizeof *nones; q++)
            if (n == strlen(nones[q]) && strncasecmp(fc_ptr(&v, s), nones[q], n) == 0)
                return true;
    }
    return false;
}

/* Whether the shares of list answer one question in numbers: each one's verb
 * followed by a count ("39% had one or two, and 24% had three or more") or by
 * "no" ("44% had no cavities"), the counts distinct and only the highest open
 * ("three or more"): bins of one variable, which cannot overlap. ("52% had at
 * least one and 30% had three or more" overlap: no.) */
/* The number of a compound written with a hyphen just after a share ("48% need
 * a one-bedroom unit": 1), or 0: a bin the extractor reads as no count. */
static double hyphen_number_after(const fc_check_ctx *x, const fc_claim *c)
{
    static const char *const words[] = {"one", "two", "three", "four", "five",
                                        "six", "seven", "eight", "nine", "ten"};
    const fc_doc *d = fc_check_doc(x, c);
    if (!d || c->end >= d->len)
        return 0;
    size_t to = c->end + 28 < d->len ? c->end + 28 : d->len;
    const char *t = fc_doc_bytes(d, c->end, to);
    if (!t)
        return 0;
    size_t n = to - c->end;
    for (size_t i = 1; i < n; i++) {
        if (t[i] == ',' || t[i] == '.' || t[i] == ';')
            return 0;
        if (t[i - 1] != ' ')
            continue;
        for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
            size_t m = strlen(words[k]);
            if (i + m < n && strncasecmp(t + i, words[k], m) == 0 && t[i + m] == '-')
                return (double)(k + 1);
        }
        if (i + 1 < n && t[i] >= '1' && t[i] <= '9' && t[i + 1] == '-')
            return t[i] - '0';
    }
    return 0;
}

static bool numeric_categories(const fc_check_ctx *x, const size_t *list, size_t n, size_t from,
                               size_t to)
{
    double lows[64], highs[64];
    size_t counted = 0;
    for (size_t i = 0; i < n; i++) {
        const fc_claim *c = fc_check_claim(x, list[i]);
        const fc_claim *bin = NULL;
        for (size_t j = from; j < to && !bin; j++) {
            const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
            if (o->sentence == c->sentence && o->unit == FC_UNIT_COUNT && o->start > c->end &&
                o->start <= c->end + 24)
                bin = o;
        }
        double glued_bin = bin ? 0 : hyphen_number_after(x, c);
        if (bin || glued_bin > 0) {
            /* "one or two": the bin starts at the first number */
            lows[i] = bin ? (bin->low < bin->value ? bin->low : bin->value) : glued_bin;
            highs[i] = bin ? bin->high : glued_bin;
            for (size_t q = 0; q < i; q++)
                if (lows[q] == lows[i])
                    return false;
            counted++;
        } else {
            if (!none_after(x, c))
                return false;
            lows[i] = highs[i] = 0;
        }
    }
    if (counted < 2)
        return false;
    double top = -INFINITY;
    for (size_t i = 0; i < n; i++)
        top = lows[i] > top ? lows[i] : top;
    for (size_t i = 0; i < n; i++)
        if (isinf(highs[i]) && lows[i] < top)
            return false; /* "at least one" takes in the higher bins */
    return true;
}

/* Whether w opens a bin of a number ("64% were under 35", "12% were over 65"):
 * a category of a count (an age), not of a kind. */
static bool bin_word(const char *w)
{
    static const char *const words[] = {"under", "over",  "older",   "younger", "aged",
                                        "above", "below", "between", "age"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(w, words[i]) == 0)
            return true;
    return false;
}

/* Whether the list's categories are of two kinds, bins of a number and kinds
 * ("78% were men and 64% were under 35"): answers to two questions. */
static bool mixed_categories(const fc_check_ctx *x, const size_t *list, size_t n)
{
    size_t bins = 0, kinds = 0;
    for (size_t i = 0; i < n; i++) {
        char w[32], w2[32];
        word_after(x, fc_check_claim(x, list[i]), w, sizeof w);
        second_word_after(x, fc_check_claim(x, list[i]), w2, sizeof w2);
        if (strcmp(w, "of") == 0) /* "58% of the plant's workers are women" */
            verb_after_base(x, fc_check_claim(x, list[i]), w, sizeof w, w2, sizeof w2);
        if (!w[0] || !category_verb(w) || !w2[0])
            continue;
        if (bin_word(w2))
            bins++;
        else
            kinds++;
    }
    return bins && kinds;
}

static fc_status percent_list(const fc_check_ctx *x, const size_t *list, size_t n)
{
    double sum = 0, slack = 0;
    for (size_t i = 0; i < n; i++) {
        const fc_claim *c = fc_check_claim(x, list[i]);
        sum += c->value;
        slack += 0.5 * fc_check_precision(x, c);
    }
    bool over = sum > 100 + slack + 1e-9;
    /* "Because many people had more than one drug in their system, those
     * categories overlap": the text says the shares may add past the whole */
    const fc_doc *d = fc_check_doc(x, fc_check_claim(x, list[0]));
    bool said = over && d && fc_doc_mentions(d, "overlap", 7, NULL, 0); /* (-s, -ping) */
    fc_finding f;
    fc_status st =
        fc_check_start(&f, "share_sum", over && !said ? FC_SEV_WARNING : FC_SEV_INFO, n);
    if (st != FC_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        f.claims[f.nclaims++] = list[i];
    fc_check_add_num(&f, "sum_percent", sum);
    fc_check_add_num(&f, "rounding_allowance", slack);
    fc_check_add_num(&f, "shares", (double)n);
    fc_strbuf sb = {0};
    fc_sb_printf(&sb, "%zu shares of one base add up to ", n);
    fc_sb_number(&sb, sum);
    fc_sb_puts(&sb, "%");
    if (over) {
        fc_sb_puts(&sb, ", more than 100% even allowing ");
        fc_sb_number(&sb, slack);
        fc_sb_puts(&sb, slack == 1 ? " point for rounding" : " points for rounding");
        fc_sb_puts(&sb, said ? "; the text says the categories overlap."
                             : " (unless the categories overlap).");
    } else {
        fc_sb_puts(&sb, ": within 100% and rounding.");
    }
    return fc_check_finish(x, &f, &sb);
}

/* Whether a figure is a goal or a threshold ("needed 60%"), not one reached
 * (a projection is not: "would receive 41% ..., the fire department 27%" is
 * one proposed split). */
static bool unmet(const fc_claim *c)
{
    return c->modality == FC_MOD_TARGET;
}

fc_status fc_check_share_sum(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *p = fc_check_claim(x, k);
        fc_status st = FC_OK;
        if (p->part_of[0] && p->unit != FC_UNIT_PERCENT)
            st = count_parts(x, k);
        if (st != FC_OK)
            return st;
    }
    size_t list[64];
    for (size_t d = 0; d < x->ndocs; d++) {
        size_t from, to;
        fc_check_doc_range(x, d, &from, &to);
        for (size_t j = from; j < to; j++) {
            size_t k = x->by_doc[j];
            const fc_claim *c = fc_check_claim(x, k);
            if (!is_share(c) || named_rate(x, c) || among_before(x, c))
                continue;
            bool vote = vote_share(c), opening = of_opening(x, c);
            char w0[32], w[32], p0[32];
            word_after(x, c, w0, sizeof w0);
            bool c_of = strcmp(w0, "of") == 0;
            /* "41% of the 860 patients surveyed said ..., 38% said ...": the
             * first share's verb after its base */
            second_word_after(x, c, p0, sizeof p0);
            if (strcmp(w0, "of") == 0)
                verb_after_base(x, c, w0, sizeof w0, p0, sizeof p0);
            size_t n = 0, last = j;
            bool same_verb = true, elliptic = true, poll = c->modality == FC_MOD_POLL;
            /* the verb left out before a preposition: "41% came from gas, 37% from wind" */
            bool verb_left_out = w0[0] && list_preposition(p0);
            /* ... or a choice's answers, each after a preposition of its own
             * ("52% of the parents said on foot, 39% by car and 27% by bus") */
            bool answers_left_out = strcmp(w0, "said") == 0 && mode_preposition(p0);
            bool one_sentence = true, same_word = true, said_again = false;
            list[n++] = k;
            for (size_t i = j + 1; i < to && n < 64; i++) {
                const fc_claim *o = fc_check_claim(x, x->by_doc[i]);
                /* "Public safety would take 41% of the $212 million fund. Public
                 * works would get 18%, administration 23% ...": a share of a stated
                 * whole goes on into the next sentence's shares of no other whole */
                /* (not after a count's share restated, "388, or 31%": the next
                 * sentence's breakdown is of the whole, not of the part) */
                bool next = o->sentence == c->sentence + 1 && !o->subject &&
                            (!o->part_of[0] || strcmp(o->part_of, c->part_of) == 0) &&
                            ((c->part_of[0] && !word_before_is(x, c, "or")) ||
                             (opening && continues_list(x, o)));
                if (o->sentence > c->sentence + (vote ? 2 : 0) && !next)
                    break;
                if (o->role != FC_ROLE_LEVEL && o->unit == FC_UNIT_PERCENT)
                    break; /* a change or earlier level ends the list */
                if (vote && o->sentence != c->sentence &&
                    (vote_share(o) ||
                     !fc_groups_places_within(x->groups, x->claims, x->by_doc[i], k)))
                    break; /* "... 38% for Ostrander. Measure 4 passed with 54.2% of the
                              vote": another count of the vote, another race; "The
                              District 3 winner took 52%": another place's */
                /* "In a survey of 410 shoppers, 62% said ...; in a separate survey
                 * of the 96 vendors, 71% said ...": a sample counted between two
                 * shares opens another base */
                /* (not the base of the first share: "46% of the 1,200 parents
                 * surveyed said by car, 31% by bus") */
                if (o->unit == FC_UNIT_COUNT && o->modality == FC_MOD_POLL &&
                    o->role == FC_ROLE_LEVEL && o->value >= 30 && !c_of &&
                    strcmp(c->part_of, o->id) != 0) /* ("one or two" trips: an answer) */
                    break;
                if (!is_share(o) || named_rate(x, o) || among_before(x, o))
                    continue;
                /* "a bond measure, which needed 60%, fell short with 55%": a
                 * threshold or goal beside what was done is no share of the list */
                if (unmet(c) != unmet(o))
                    continue;
                /* "a candidate who tops 40% avoids a runoff": a bound in a later
                 * sentence is a threshold, not the list's share */
                if (o->sentence != c->sentence && (isinf(o->high) || o->low != o->high))
                    continue;
                /* "households earning less than 60% of the area median income": a
                 * share of a base of its own */
                /* (and "48% said they were cost-burdened, and 23% said rent took
                 * at least 50% of their income": a share "of" something in a list
                 * whose first share is of nothing named) */
                char of[8];
                bool o_of = strcmp(word_after(x, o, of, sizeof of), "of") == 0;
                /* (but "44% had a diagnosis of cancer, 27% of dementia": the
                 * first share's "of" said again, its verb left out) */
                const fc_claim *before = fc_check_claim(x, list[n - 1]);
                bool of_again = !c_of && before->sentence == o->sentence &&
                                of_between(x, c, n > 1 ? fc_check_claim(x, list[1]) : o) &&
                                (n == 1 || !verb_between(x, before, o));
                if (o_of && ((c->part_of[0] && !o->part_of[0]) || (!c_of && !of_again)))
                    continue;
                /* after "Of the 96,000 riders," the shares of the sentence are cuts
                 * of that base whatever their verbs ("58% bought passes and 49% paid
                 * single fares") */
                bool of_base = opening && (o->sentence == c->sentence || next);
                if ((o->subject && c->subject && strcasecmp(o->subject, c->subject) != 0) ||
                    (!of_base && fc_check_other_event(c->key, o->key)))
                    break; /* a share of something else */
                word_after(x, o, w, sizeof w);
                same_verb = same_verb && strcmp(w, w0) == 0 && category_verb(w0);
                same_word = same_word && strcmp(w, w0) == 0;
                const fc_claim *prev = fc_check_claim(x, list[n - 1]);
                /* the first share of the next sentence opens its own clause */
                bool no_verb = prev->sentence != o->sentence || !verb_between(x, prev, o);
                /* "lowest in Eastgate, at 64%, and highest in Crane Hill, at 91%":
                 * each share the level of the place before it, no list */
                elliptic = elliptic && (!w[0] || strcmp(w, "and") == 0 || strcmp(w, "or") == 0) &&
                           no_verb && !(place_level(x, o) && place_level(x, c));
                verb_left_out = verb_left_out && strcmp(w, p0) == 0 && no_verb;
                /* (or with the verb said again: "46% ... said by car, 31% said by
                 * bus, 19% by bike") */
                char p1[32];
                bool again = strcmp(w, w0) == 0 &&
                             mode_preposition(second_word_after(x, o, p1, sizeof p1));
                answers_left_out = answers_left_out && (mode_preposition(w) || again) &&
                                   (n == 1 || no_verb || again || said_again) &&
                                   o->sentence == c->sentence;
                said_again = said_again || again;
                one_sentence = one_sentence && o->sentence == c->sentence;
                poll = poll && o->modality == FC_MOD_POLL && o->sentence == c->sentence;
                list[n++] = x->by_doc[i];
                last = i;
            }
            /* Answers to one question: "48% back it, 45% oppose it and 8% are
             * undecided", in a poll or a vote's count of one sentence. */
            bool answers = (poll || one_sentence) && n >= 3 && no_answer_in_sentence(x, c);
            /* Each share with the same verb of its own, not one of categories:
             * answers to other questions ("Of the 1,200 tested, 64% passed math
             * and 71% passed reading"), which overlap. */
            /* (bins of a number with the verb said again: "48% need a
             * one-bedroom unit, 37% need two bedrooms and 24% need three") */
            bool numeric = one_sentence && n >= 2 && numeric_categories(x, list, n, from, to);
            bool other_questions = same_word && w0[0] && !category_verb(w0) &&
                                   !group_word(w0) && strcmp(w0, "and") != 0 &&
                                   strcmp(w0, "or") != 0 && !numeric;
            other_questions = other_questions || mixed_categories(x, list, n);
            if (n >= 2 && !other_questions &&
                (vote || opening || same_verb || elliptic || verb_left_out || answers ||
                 answers_left_out || (numeric && n >= 3))) {
                fc_status st = percent_list(x, list, n);
                if (st != FC_OK)
                    return st;
                j = last; /* the list's shares are not read again as a list's start */
            }
        }
    }
    return FC_OK;
}
