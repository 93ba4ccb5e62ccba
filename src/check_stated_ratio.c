/* check_stated_ratio.c - "three times", "a third of", "half" between two figures.
 *
 * In the text: a ratio with a figure before it and one right after it in the
 * same sentence ("96 cases, three times as many as the 32 of last year"; "42
 * electric buses, a third of the 88 diesel ones"), or the figure before it at
 * the end of the sentence before: the first figure over the second must be the
 * ratio, within 10% and the rounding of the figures ("N times more than" may
 * also mean N + 1 times as much). "A third of it, $8 million" points back: the
 * figure after is the part of the one before.
 *
 * Across sources: a ratio with no second figure in its sentence ("the new
 * target is three times the earlier goal") applies to the last figure before it
 * (at most five sentences back) and implies the other figure (3,000 / 3 =
 * 1,000), which is compared with what other sources report for that thing
 * (claims of the same group in other documents).
 */
#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#include "check_internal.h"

/* Figures a ratio can relate: counts, amounts, shares, other quantities. */
static bool figure_unit(const fc_claim *c)
{
    return c->unit == FC_UNIT_COUNT || c->unit == FC_UNIT_CURRENCY ||
           c->unit == FC_UNIT_PERCENT || c->unit == FC_UNIT_OTHER;
}

static bool same_unit(const fc_claim *a, const fc_claim *b)
{
    return a->unit == b->unit && strcmp(a->currency, b->currency) == 0 && a->per == b->per;
}

/* Bytes of text between two claims of one document. */
static size_t gap_between(const fc_claim *a, const fc_claim *b)
{
    return b->start > a->end ? b->start - a->end : 0;
}

/* Whether the ratio's sentence opens by pointing back ("That was half the ..."). */
static bool refers_back(const fc_check_ctx *x, const fc_claim *r)
{
    const fc_doc *d = fc_check_doc(x, r);
    if (!d || r->sentence_start + 5 > d->len)
        return false;
    size_t n = d->len - r->sentence_start < 6 ? d->len - r->sentence_start : 6;
    const char *s = fc_doc_bytes(d, r->sentence_start, r->sentence_start + n);
    if (!s)
        return false;
    return strncmp(s, "That ", 5) == 0 || strncmp(s, "This ", 5) == 0 ||
           strncmp(s, "It ", 3) == 0 || strncmp(s, "Those ", 6) == 0;
}

/* Whether the ratio points back with a pronoun ("a third of it, $8 million"):
 * then the figure after it is the part, the figure before the whole. */
static bool of_pronoun(const fc_check_ctx *x, const fc_claim *r)
{
    const fc_doc *d = fc_check_doc(x, r);
    static const char *const words[] = {" of it", " of that", " of this", " of them",
                                        " of those", " of which"};
    if (!d)
        return false;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        const char *s = r->end + n < d->len ? fc_doc_bytes(d, r->end, r->end + n + 1) : NULL;
        if (s && strncmp(s, words[i], n) == 0 && !isalnum((unsigned char)s[n]))
            return true;
    }
    return false;
}

/* Whether the figure o restates the ratio r right after it, set off by a comma,
 * a dash or a bracket ("Of the 1,200 households, nearly half, 410, said"):
 * then o is the part, the figure before the whole. */
static bool restated_after(const fc_check_ctx *x, const fc_claim *r, const fc_claim *o)
{
    const fc_doc *d = fc_check_doc(x, r);
    if (!d || o->start <= r->end || o->start - r->end > 6)
        return false;
    const char *s = fc_doc_bytes(d, r->end, o->start);
    if (!s)
        return false;
    size_t n = o->start - r->end;
    bool mark = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ',' || ch == '(' || ch == '-' || ch == 0xE2 || ch == 0x80 || ch == 0x94 ||
            ch == 0x93)
            mark = true; /* a comma, a bracket, a dash (en or em: E2 80 93/94) */
        else if (ch != ' ')
            return false;
    }
    return mark;
}

/* Whether words of a comparison follow the ratio ("twice as many", "three
 * times the", "twice that", "four times larger"): "scored twice in the second
 * half" is how often, no ratio of a figure. */
static bool compares(const fc_check_ctx *x, const fc_claim *r)
{
    static const char *const words[] = {"as",    "the",    "that",  "this",   "those", "its",
                                        "their", "his",    "her",   "what",   "more",  "higher",
                                        "larger", "bigger", "greater", "over", "than", "last"};
    const fc_doc *d = fc_check_doc(x, r);
    if (!d || r->end >= d->len)
        return true; /* no text to read: taken as written */
    /* "broke down twice over the holidays": a stretch of time after "over" */
    static const char *const times[] = {"holidays", "weekend", "summer", "winter", "spring",
                                        "fall",     "autumn",  "past",   "last",   "next",
                                        "years",    "months",  "weeks",  "days",   "course",
                                        "season",   "period",  "year",   "month",  "week"};
    size_t to = r->end + 32 < d->len ? r->end + 32 : d->len;
    const char *s = fc_doc_bytes(d, r->end, to);
    if (!s)
        return true;
    if (s[0] != ' ')
        return false;
    size_t n = 1;
    while (r->end + n < to && isalpha((unsigned char)s[n]))
        n++;
    if (n == 5 && strncasecmp(s + 1, "over", 4) == 0 && r->end + n + 5 < to &&
        strncasecmp(s + n, " the ", 5) == 0) {
        size_t a = n + 5, e = a;
        while (r->end + e < to && isalpha((unsigned char)s[e]))
            e++;
        for (size_t i = 0; i < sizeof times / sizeof *times; i++)
            if (e - a == strlen(times[i]) && strncasecmp(s + a, times[i], e - a) == 0)
                return false;
    }
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (n - 1 == strlen(words[i]) && strncasecmp(s + 1, words[i], n - 1) == 0)
            return true;
    return false;
}

/* The thing a claim's key counts ("t:orchard"), copied into buf; false when
 * its key names none. */
static bool thing_of(const fc_claim *c, char *buf, size_t n)
{
    const char *p = c->key;
    while (p && *p && !(p[0] == 't' && p[1] == ':'))
        p = (p = strchr(p, ' ')) ? p + 1 : NULL;
    if (!p || !*p)
        return false;
    size_t len = strcspn(p, " ");
    if (len >= n)
        return false;
    memcpy(buf, p, len);
    buf[len] = '\0';
    return true;
}

/* "Of the county's 140 orchards, 38 ... Roughly a quarter of the orchards, 61
 * in all, ...": a fraction of things named without a figure ("of the
 * orchards"), its part restated right after it (", 61" or " (61)"), whose whole is the
 * last count of those things in the two sentences before. FC_NONE when not so. */
static size_t whole_named_before(const fc_check_ctx *x, size_t k, size_t part)
{
    const fc_claim *r = fc_check_claim(x, k), *p = fc_check_claim(x, part);
    const fc_doc *d = fc_check_doc(x, r);
    char thing[64];
    if (!d || r->value >= 1 || r->direction != FC_DIR_NONE || p->unit != FC_UNIT_COUNT ||
        p->start <= r->end || p->start - r->end > 48 || !thing_of(r, thing, sizeof thing))
        return FC_NONE;
    const char *s = fc_doc_bytes(d, r->end, p->start);
    size_t n = p->start - r->end;
    if (!s || n < 6 || strncmp(s, " of ", 4) != 0 || (strncmp(s + n - 2, ", ", 2) != 0 && strncmp(s + n - 2, " (", 2) != 0))
        return FC_NONE;
    for (size_t i = 4; i + 2 < n; i++)
        if (isdigit((unsigned char)s[i]) || s[i] == ',' || s[i] == ';')
            return FC_NONE; /* "of the 240 seats" is read by its figure */
    size_t from, to, whole = FC_NONE;
    fc_check_near(x, k, 2, 0, &from, &to);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *o = fc_check_claim(x, i);
        char t[64];
        if (o->start >= r->start || o->sentence == r->sentence || o->role != FC_ROLE_LEVEL ||
            o->unit != FC_UNIT_COUNT || o->part_of[0] || o->value <= p->value ||
            !thing_of(o, t, sizeof t) || strcmp(t, thing) != 0)
            continue;
        whole = i;
    }
    return whole;
}

/* The whole claim `part` is linked to (claim.part_of), in its document; FC_NONE
 * when none. */
static size_t linked_whole(const fc_check_ctx *x, size_t part)
{
    const fc_claim *p = fc_check_claim(x, part);
    if (!p->part_of[0])
        return FC_NONE;
    size_t from, to;
    fc_check_doc_range(x, p->doc, &from, &to);
    for (size_t j = from; j < to; j++)
        if (strcmp(fc_check_claim(x, x->by_doc[j])->id, p->part_of) == 0)
            return x->by_doc[j];
    return FC_NONE;
}

/* "In-district students will pay $148 a credit hour ... Students from outside
 * the district will pay $312 a credit hour, three times the in-district rate":
 * a ratio to a figure named by a word of its own ("the in-district rate",
 * "the national average"), given in one of the two sentences before. The
 * figure of the first's unit there whose sentence has that word; FC_NONE when
 * none, or more than one. */
static size_t described_before(const fc_check_ctx *x, size_t k, size_t first)
{
    static const char *const vague[] = {"previous", "prior",   "earlier", "last",  "same",
                                        "current",  "first",   "original", "old",  "year",
                                        "usual",    "normal",  "other",   "next", "total"};
    const fc_claim *r = fc_check_claim(x, k), *a = fc_check_claim(x, first);
    const fc_doc *d = fc_check_doc(x, r);
    if (!d || r->end + 6 > d->len)
        return FC_NONE;
    size_t to = r->end + 40 < d->len ? r->end + 40 : d->len;
    const char *t = fc_doc_bytes(d, r->end, to);
    /* ("roughly a third of that citywide total": the one figure of the
     * sentence before, a total) */
    if (t && (strncasecmp(t, " of that ", 9) == 0 || strncasecmp(t, " of the ", 8) == 0)) {
        size_t m = to - r->end;
        bool total = false;
        for (size_t i = 8; i + 5 <= m && i < 30 && !total && t[i] != ','; i++)
            total = strncasecmp(t + i, "total", 5) == 0;
        if (total) {
            size_t from, upto, found = FC_NONE, seen = 0;
            fc_check_near(x, k, 1, 0, &from, &upto);
            for (size_t j = from; j < upto; j++) {
                const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
                if (o->sentence + 1 == r->sentence && same_unit(o, a)) {
                    seen++;
                    if (o->role == FC_ROLE_LEVEL && o->value > a->value)
                        found = x->by_doc[j];
                }
            }
            return seen == 1 ? found : FC_NONE;
        }
    }
    if (!t || strncasecmp(t, " the ", 5) != 0)
        return FC_NONE;
    char word[32];
    size_t n = 0;
    for (size_t i = 5; r->end + i < to && n + 1 < sizeof word &&
                       (isalpha((unsigned char)t[i]) || t[i] == '-');
         i++)
        word[n++] = (char)tolower((unsigned char)t[i]);
    word[n] = '\0';
    if (n < 4 || word[n - 1] == '-')
        return FC_NONE;
    for (size_t q = 0; q < sizeof vague / sizeof *vague; q++)
        if (strncmp(word, vague[q], strlen(vague[q])) == 0)
            return FC_NONE;
    size_t from, upto, found = FC_NONE;
    fc_check_near(x, k, 2, 0, &from, &upto);
    for (size_t j = from; j < upto; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *o = fc_check_claim(x, i);
        if (o->sentence >= r->sentence || o->role != FC_ROLE_LEVEL || !same_unit(o, a) ||
            o->value == a->value || o->sentence_end > d->len || o->sentence_end <= o->sentence_start)
            continue;
        const char *st = fc_doc_bytes(d, o->sentence_start, o->sentence_end);
        if (!st)
            continue;
        size_t len = o->sentence_end - o->sentence_start;
        bool has = false;
        for (size_t p = 0; p + n <= len && !has; p++)
            has = strncasecmp(st + p, word, n) == 0 && (p == 0 || !isalpha((unsigned char)st[p - 1])) &&
                  (p + n == len || !isalpha((unsigned char)st[p + n]) ||
                   /* ("Residents will pay $75": a plural) */
                   ((st[p + n] | 0x20) == 's' && (p + n + 1 == len || !isalpha((unsigned char)st[p + n + 1]))));
        if (!has)
            continue;
        if (found != FC_NONE && fc_check_claim(x, found)->sentence == o->sentence)
            return FC_NONE; /* two figures of that sentence: which is unknown */
        found = i;
    }
    return found;
}

/* A fraction with a direction is a change: "a third fewer than 95" is two
 * thirds of it, "a quarter more than" five quarters. Sets the factor the
 * fraction stands for and its range. */
static double factor(const fc_claim *r, double *lo, double *hi)
{
    *lo = r->low;
    *hi = r->high;
    if (r->value >= 1 || r->direction == FC_DIR_NONE)
        return r->value;
    double sign = r->direction == FC_DIR_DOWN ? -1 : 1;
    double a = 1 + sign * r->low, b = 1 + sign * r->high;
    *lo = a < b ? a : b;
    *hi = a < b ? b : a;
    return 1 + sign * r->value;
}

static fc_status in_text(const fc_check_ctx *x, size_t k, size_t ai, size_t bi)
{
    const fc_claim *r = fc_check_claim(x, k), *a = fc_check_claim(x, ai),
                   *b = fc_check_claim(x, bi);
    if (b->value <= 0 || a->value <= 0)
        return FC_OK;
    double rlo, rhi, rv = factor(r, &rlo, &rhi);
    double actual = a->value / b->value;
    double pa = 0.5 * fc_check_precision(x, a), pb = 0.5 * fc_check_precision(x, b);
    double amin = (a->value - pa) / (b->value + pb);
    double amax = b->value > pb ? (a->value + pa) / (b->value - pb) : INFINITY;
    double lo = rlo * 0.9, hi = isfinite(rhi) ? rhi * 1.1 : INFINITY;
    bool fits = amax >= lo && amin <= hi;
    bool plus_one = false;
    if (!fits && rv >= 2 && r->direction == FC_DIR_UP) { /* "3 times more than" */
        plus_one = amax >= (r->low + 1) * 0.9 && amin <= (r->high + 1) * 1.1;
        fits = plus_one;
    }
    fc_finding f;
    fc_status st = fc_check_start(&f, "stated_ratio", fits ? FC_SEV_INFO : FC_SEV_WARNING, 3);
    if (st != FC_OK)
        return st;
    f.claims[f.nclaims++] = k;
    f.claims[f.nclaims++] = ai;
    f.claims[f.nclaims++] = bi;
    fc_check_add_num(&f, "ratio", rv);
    fc_check_add_num(&f, "first", a->value);
    fc_check_add_num(&f, "second", b->value);
    fc_check_add_num(&f, "actual", actual);
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "\"");
    fc_check_words(&sb, x, r);
    fc_sb_puts(&sb, "\": ");
    fc_sb_number(&sb, a->value);
    fc_sb_puts(&sb, " against ");
    fc_sb_number(&sb, b->value);
    fc_sb_puts(&sb, " is ");
    if (actual < 1)
        fc_sb_printf(&sb, "%.2f (%.1f%%)", actual, 100 * actual);
    else
        fc_sb_printf(&sb, "%.2f times", actual);
    fc_sb_puts(&sb, fits ? (plus_one ? ": consistent if \"times more\" means N + 1 times as much."
                                     : ": consistent.")
                         : ": the stated ratio does not fit the figures.");
    return fc_check_finish(x, &f, &sb);
}

/* The ratio applied to a figure stated earlier, against other sources. */
static fc_status across_sources(const fc_check_ctx *x, size_t k, size_t bi)
{
    const fc_claim *r = fc_check_claim(x, k), *base = fc_check_claim(x, bi);
    if (fc_check_is_copy(x, k))
        return FC_OK; /* its original is set against the other sources */
    double rv = factor(r, &(double){0}, &(double){0});
    double implied = base->value / rv;
    double implied_plus = base->value / (rv + 1); /* "three times higher" = x4 */
    /* The reports of the other figure: related claims of other documents (at
     * most 128 looked at). Up to three, each gets a finding; with more, only the
     * one nearest the implied figure does, so findings do not multiply. */
    enum { SCAN = 128, EACH = 3 };
    size_t from, to, ev[EACH + 1], nev = 0, seen = 0, nearest = FC_NONE;
    double nd = INFINITY;
    fc_check_group_range(x, bi, &from, &to);
    for (size_t j = from; j < to && seen < SCAN; j++) {
        size_t i = x->groups->members[j];
        const fc_claim *e = fc_check_claim(x, i);
        /* A rule measure says what is the same figure; in an inferred group,
         * a target's earlier figure is a target too. */
        if (i == bi || i == x->first[bi] || e->role != FC_ROLE_LEVEL || e->doc == base->doc ||
            (!base->measure &&
             (e->modality == FC_MOD_TARGET) != (base->modality == FC_MOD_TARGET)))
            continue;
        seen++;
        if (!fc_groups_related(x->groups, x->rules, x->claims, bi, i))
            continue;
        double d = implied < e->low ? e->low - implied : implied > e->high ? implied - e->high : 0;
        if (d < nd) {
            nd = d;
            nearest = i;
        }
        if (nev <= EACH)
            ev[nev++] = i;
    }
    if (nev > EACH) {
        ev[0] = nearest;
        nev = 1;
    }
    for (size_t m = 0; m < nev; m++) {
        size_t i = ev[m];
        const fc_claim *e = fc_check_claim(x, i);
        bool fits = implied >= e->low && implied <= e->high;
        bool fits_plus =
            r->direction == FC_DIR_UP && implied_plus >= e->low && implied_plus <= e->high;
        fc_finding f;
        fc_status st = fc_check_start(&f, "stated_ratio",
                                      fits || fits_plus ? FC_SEV_INFO : FC_SEV_WARNING, 3);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = bi;
        f.claims[f.nclaims++] = i;
        fc_check_add_num(&f, "ratio", rv);
        fc_check_add_num(&f, "figure", base->value);
        fc_check_add_num(&f, "implied", implied);
        if (r->direction == FC_DIR_UP)
            fc_check_add_num(&f, "implied_if_n_plus_1", implied_plus);
        fc_check_add_num(&f, "reported_low", e->low);
        fc_check_add_num(&f, "reported_high", e->high);
        if (isfinite(e->high) && e->high > 0)
            fc_check_add_num(&f, "actual_ratio_low", base->value / e->high);
        if (e->low > 0)
            fc_check_add_num(&f, "actual_ratio_high", base->value / e->low);
        fc_strbuf sb = {0};
        fc_sb_puts(&sb, "\"");
        fc_check_words(&sb, x, r);
        fc_sb_puts(&sb, "\" applied to ");
        fc_sb_number(&sb, base->value);
        fc_sb_puts(&sb, " implies ");
        fc_sb_number(&sb, implied);
        if (r->direction == FC_DIR_UP) {
            fc_sb_puts(&sb, " (or ");
            fc_sb_number(&sb, round(implied_plus));
            fc_sb_printf(&sb, " if \"%g times higher\" means %g times as much)", r->value,
                         r->value + 1);
        }
        fc_sb_puts(&sb, "; ");
        fc_check_describe(&sb, fc_check_doc(x, e), e);
        if (fits || fits_plus) {
            fc_sb_printf(&sb, ": the %s reading fits.", fits ? "stated" : "N+1");
        } else {
            fc_sb_puts(&sb, ", which would make the ratio ");
            fc_sb_number(&sb,
                         round(base->value / (isfinite(e->high) ? e->high : e->low) * 10) / 10);
            if (isfinite(e->high) && e->low > 0 && e->low != e->high) {
                fc_sb_puts(&sb, " to ");
                fc_sb_number(&sb, round(base->value / e->low * 10) / 10);
            }
            fc_sb_puts(&sb, ": the stated ratio does not fit.");
        }
        if ((st = fc_check_finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}

/* Whether another clause starts between the ratio and the figure after it
 * ("nearly a quarter of the overall budget, and the fire department gets $71
 * million"; "; ", ", but", ", while"). */
static bool clause_between(const fc_check_ctx *x, const fc_claim *r, const fc_claim *o)
{
    const fc_doc *d = fc_check_doc(x, r);
    if (!d || o->start <= r->end || o->start > d->len)
        return false;
    const char *s = fc_doc_bytes(d, r->end, o->start);
    if (!s)
        return false;
    size_t n = o->start - r->end;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ';')
            return true;
        if (s[i] == ',' && i + 1 < n) {
            const char *w = s + i + 1;
            size_t left = n - i - 1;
            if ((left > 5 && strncmp(w, " and ", 5) == 0) ||
                (left > 5 && strncmp(w, " but ", 5) == 0) ||
                (left > 7 && strncmp(w, " while ", 7) == 0))
                return true;
            /* (", driven by two towers with 186 and 142 units": a participle's
             * clause of its own) */
            size_t e = 1;
            while (e < left && isalpha((unsigned char)w[e]))
                e++;
            if (e > 5 && islower((unsigned char)w[1]) &&
                ((w[e - 2] == 'e' && w[e - 1] == 'd') ||
                 (e > 6 && w[e - 3] == 'i' && w[e - 2] == 'n' && w[e - 1] == 'g') ||
                 (e == 7 && strncmp(w + 1, "driven", 6) == 0) ||
                 (e == 6 && strncmp(w + 1, "taken", 5) == 0)))
                return true;
        }
    }
    return false;
}

/* Whether b over a is within five times either way of the stated ratio. */
static bool plausible(const fc_claim *b, const fc_claim *a, double ratio)
{
    if (!(b->value > 0 && a->value > 0 && ratio > 0))
        return true;
    return fabs(log(b->value / a->value) - log(ratio)) < log(5.0);
}

/* Whether keys a and b share an event term ("e:sell"): both name events and
 * one of b's is among a's (the contrary of fc_check_other_event). */
static bool share_event(const char *a, const char *b)
{
    return a && b && strstr(a, "e:") && strstr(b, "e:") && !fc_check_other_event(a, b);
}

/* Whether the ratio is a verb of change after "to", "will" or "would" ("voted
 * ... to double the daily storage charge to $40 from $20"): a change, no
 * ratio between two figures. */
static bool verb_multiple(const fc_check_ctx *x, const fc_claim *r)
{
    static const char *const verbs[] = {"double", "triple", "quadruple", "halve"};
    static const char *const before[] = {" to ", " will ", " would "};
    const fc_doc *d = fc_check_doc(x, r);
    if (!d || r->end > d->len || r->start < r->sentence_start + 7)
        return false;
    const char *t = fc_doc_bytes(d, r->start - 7, r->end);
    if (!t)
        return false;
    size_t n = r->end - r->start;
    bool verb = false;
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs && !verb; k++)
        verb = n == strlen(verbs[k]) && strncasecmp(t + 7, verbs[k], n) == 0;
    if (!verb)
        return false;
    for (size_t k = 0; k < sizeof before / sizeof *before; k++) {
        size_t m = strlen(before[k]);
        if (strncmp(t + 7 - m, before[k], m) == 0)
            return true;
    }
    return false;
}

fc_status fc_check_stated_ratio(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *r = fc_check_claim(x, k);
        if (r->unit != FC_UNIT_RATIO || r->role != FC_ROLE_LEVEL || r->value <= 0 ||
            r->value == 1 || r->part_of[0] || verb_multiple(x, r))
            continue;
        size_t from, to, before = FC_NONE, after = FC_NONE, earlier = FC_NONE;
        size_t dbefore = FC_NONE, dafter = FC_NONE; /* lengths of time, in this sentence */
        size_t cands[8], ncand = 0; /* the figures before it in its sentence */
        fc_check_near(x, k, 5, 0, &from, &to);
        for (size_t j = from; j < to; j++) {
            size_t i = x->by_doc[j];
            const fc_claim *o = fc_check_claim(x, i);
            if (i != k && o->unit == FC_UNIT_DURATION && o->unit_name[0] &&
                o->role == FC_ROLE_LEVEL && o->sentence == r->sentence) {
                if (o->start < r->start)
                    dbefore = i;
                else if (dafter == FC_NONE && gap_between(r, o) <= 60)
                    dafter = i;
            }
            if (i == k || !figure_unit(o) || o->role != FC_ROLE_LEVEL)
                continue;
            if (o->sentence == r->sentence && o->start > r->start) {
                if (after == FC_NONE && gap_between(r, o) <= 60 && !clause_between(x, r, o))
                    after = i;
            } else if (o->start < r->start) {
                /* The last one before: in this sentence, or for "N times" at the
                 * end of the sentence before ("96 cases. That is three times ..."). */
                if (o->sentence == r->sentence ||
                    (o->sentence + 1 == r->sentence && refers_back(x, r)))
                    before = i;
                if (o->sentence == r->sentence && ncand < sizeof cands / sizeof *cands)
                    cands[ncand++] = i;
                if (o->measure || x->groups->of[i] != FC_NO_GROUP)
                    earlier = i;
            }
        }
        /* "sold about 12,000 head of cattle at the state's six largest sale
         * barns last week, more than twice the 5,400 sold": of the figures
         * before it, the last one of the event of the figure after it */
        /* (only when the last one is far out of the stated ratio's reach and
         * that one is near it) */
        if (after != FC_NONE && before != FC_NONE && ncand > 1 &&
            !plausible(fc_check_claim(x, before), fc_check_claim(x, after), r->value))
            for (size_t q = ncand - 1; q-- > 0;) {
                const fc_claim *o = fc_check_claim(x, cands[q]), *a = fc_check_claim(x, after);
                if (same_unit(o, a) && plausible(o, a, r->value) && share_event(o->key, a->key)) {
                    before = cands[q];
                    break;
                }
            }
        /* "61 nights, about a third of the 180-night season": two lengths of
         * time in one unit around the ratio, the nearest figures either side */
        if (dbefore != FC_NONE && dafter != FC_NONE &&
            strcmp(fc_check_claim(x, dbefore)->unit_name, fc_check_claim(x, dafter)->unit_name) == 0 &&
            (after == FC_NONE || fc_check_claim(x, dafter)->start < fc_check_claim(x, after)->start) &&
            (before == FC_NONE || fc_check_claim(x, dbefore)->start > fc_check_claim(x, before)->start)) {
            before = dbefore;
            after = dafter;
        }
        fc_status st = FC_OK;
        /* "A third of the 240 seats, or 100": the part restated after the whole */
        size_t part = FC_NONE;
        if (after != FC_NONE && before == FC_NONE && r->value < 1 && x->pos[after] + 1 < to) {
            size_t i = x->by_doc[x->pos[after] + 1];
            const fc_claim *w = fc_check_claim(x, after), *o = fc_check_claim(x, i);
            if (o->sentence == r->sentence && o->role == FC_ROLE_LEVEL && same_unit(w, o) &&
                fc_check_restates(x, w, o))
                part = i;
        }
        size_t whole = FC_NONE;
        if (part != FC_NONE) {
            st = in_text(x, k, part, after);
        } else if (after != FC_NONE && before == FC_NONE &&
                   (whole = whole_named_before(x, k, after)) != FC_NONE) {
            st = in_text(x, k, after, whole);
        } else if (after != FC_NONE && before == FC_NONE && r->value < 1 &&
                   r->direction == FC_DIR_NONE &&
                   restated_after(x, r, fc_check_claim(x, after)) &&
                   (whole = linked_whole(x, after)) != FC_NONE) {
            /* "Builders completed 2,460 homes ... Of those, about a third, 1,140,
             * were apartments": the part restated after the fraction, of the
             * whole the extractor linked it to */
            st = in_text(x, k, after, whole);
        } else if (after != FC_NONE) {
            if (before != FC_NONE && same_unit(fc_check_claim(x, before), fc_check_claim(x, after)) &&
                fc_check_claim(x, before)->value != fc_check_claim(x, after)->value)
                st = of_pronoun(x, r) || (r->value < 1 && restated_after(x, r, fc_check_claim(x, after)))
                         ? in_text(x, k, after, before)
                         : in_text(x, k, before, after);
        } else if (before != FC_NONE && fc_check_claim(x, before)->sentence == r->sentence &&
                   r->direction == FC_DIR_NONE &&
                   (whole = described_before(x, k, before)) != FC_NONE) {
            st = in_text(x, k, before, whole);
        } else if (earlier != FC_NONE && r->qualifier == FC_QUAL_EXACT && r->value > 1 &&
                   fc_check_claim(x, earlier)->unit == FC_UNIT_COUNT && compares(x, r)) {
            st = across_sources(x, k, earlier);
        }
        if (st != FC_OK)
            return st;
    }
    return FC_OK;
}
