/* check_elapsed.c - "100 days since", "more than seven decades", counted.
 *
 * A duration counted from a date to the publication date. The date comes from
 * the text ("100 days since the clinic opened on Jan. 6, 2025", "since March
 * 3"; a date without a year is the last such day before publication), else
 * from the rules' dated events whose phrases the line names ("since the
 * inauguration"). Days allow one day either way (whether the first day counts:
 * the finding says which reading fits); weeks half a week; months and years
 * are counted as calendar months and years, and fit when the stated number is
 * the number of whole units elapsed or the nearest one.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check_internal.h"
#include "date.h"
#include "lex.h"
#include "rules_internal.h"

typedef enum unit { U_NONE, U_DAY, U_WEEK, U_MONTH, U_YEAR, U_DECADE } unit;

/* The unit of time the claim's words name. */
static unit unit_of(const fc_check_ctx *x, const fc_claim *c)
{
    static const struct {
        const char *word;
        unit u;
    } units[] = {{"decade", U_DECADE}, {"year", U_YEAR}, {"month", U_MONTH},
                 {"week", U_WEEK},     {"day", U_DAY}};
    fc_view v;
    if (!fc_view_of(fc_check_doc(x, c), c->start, c->end, &v))
        return U_NONE;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t n = strlen(units[i].word);
        for (size_t k = c->start; k + n <= c->end; k++)
            if (strncasecmp(fc_ptr(&v, k), units[i].word, n) == 0)
                return units[i].u;
    }
    return U_NONE;
}

/* The month a token names (1..12), from the rules' month words; 0 if none. */
static int month_of(const fc_rules *r, const char *text, const fc_tok *t)
{
    char w[32];
    if (t->kind != FC_TOK_WORD || t->end - t->start >= sizeof w)
        return 0;
    fc_tok_lower(text, t, w, sizeof w);
    for (size_t i = 0; i < r->months.n; i++)
        if (r->months.items[i].phrase.ntok >= 1 && strcmp(r->months.items[i].phrase.tok[0], w) == 0)
            return (int)r->months.items[i].value;
    return 0;
}

/* Whether the words between a duration and its "since" say time has passed:
 * none ("50 days since"), or only "have passed", "has gone by", "now" ...; not
 * "the four weeks ended June 28" nor "the lowest four-week total since 2019" (a
 * record since a year, no time since it). */
static bool elapsed_words(const fc_view *v, size_t from, size_t to)
{
    static const char *const ok[] = {"have", "has",  "had", "passed", "gone", "by",
                                     "elapsed", "now", "just", "or", "so", "it", "'s"};
    size_t i = from;
    while (i < to) {
        while (i < to && (fc_at(v, i) == ' ' || fc_at(v, i) == ','))
            i++;
        size_t w = i;
        while (i < to && fc_at(v, i) != ' ' && fc_at(v, i) != ',')
            i++;
        if (i == w)
            break;
        bool known = false;
        for (size_t k = 0; k < sizeof ok / sizeof *ok && !known; k++)
            known = strlen(ok[k]) == i - w && strncasecmp(fc_ptr(v, w), ok[k], i - w) == 0;
        if (!known)
            return false;
    }
    return true;
}

/* A date after "since" in the claim's sentence: "since Jan. 6, 2025", "since
 * the clinic opened on March 3", "since 2019". Writes its day number. */
static bool date_in_text(const fc_check_ctx *x, const fc_claim *c, long pub, long *day,
                         char *what, size_t nwhat)
{
    fc_view v;
    *day = 0;
    if (c->end >= c->sentence_end || c->start >= c->end ||
        !fc_view_of(fc_check_doc(x, c), c->start, c->sentence_end, &v))
        return false;
    /* "since" after the duration, within the sentence. */
    size_t s = c->end, e = c->sentence_end;
    size_t since = (size_t)-1;
    for (size_t i = s; i + 5 <= e && since == (size_t)-1; i++)
        if (strncasecmp(fc_ptr(&v, i), "since", 5) == 0 &&
            !isalpha((unsigned char)fc_at(&v, i - 1)) &&
            (i + 5 == e || !isalpha((unsigned char)fc_at(&v, i + 5))))
            since = i + 5;
    if (since == (size_t)-1 || since - c->end > 80 || !elapsed_words(&v, c->end, since - 5))
        return false;
    /* The sentence from "since" on, lexed as a text of its own (offsets from 0). */
    const char *text = fc_ptr(&v, since);
    fc_toks toks = {0};
    if (fc_lex(text, 0, e - since, &toks) != FC_OK)
        return false;
    int py, pm, pd;
    fc_civil_from_days(pub, &py, &pm, &pd);
    /* (a full date wins over a year met before it: "since organizers called
     * off the 2024 festival on May 3, 2024") */
    bool found = false, year_only = false;
    for (size_t i = 0; i < toks.n && i < 24 && !found; i++) {
        const fc_tok *t = &toks.items[i];
        int m = month_of(x->rules, text, t);
        if (m) {
            size_t j = i + 1;
            if (j < toks.n && text[toks.items[j].start] == '.')
                j++;
            if (j >= toks.n || toks.items[j].kind != FC_TOK_NUM)
                continue;
            /* "since ... in March 2022": a month of a year, counted from its
             * first day */
            if (toks.items[j].end - toks.items[j].start == 4 && j == i + 1 && !year_only) {
                double yy = fc_tok_number(text, &toks.items[j]);
                if (yy >= 1800 && yy <= py && fc_days_from_civil((int)yy, m, 1) <= pub) {
                    *day = fc_days_from_civil((int)yy, m, 1);
                    snprintf(what, nwhat, "%04d-%02d", (int)yy, m);
                    found = true;
                }
                continue;
            }
            double dd = fc_tok_number(text, &toks.items[j]);
            if (dd < 1 || dd > 31 || dd != floor(dd))
                continue;
            int y = py;
            size_t k = j + 1;
            if (k + 1 < toks.n && text[toks.items[k].start] == ',' &&
                toks.items[k + 1].kind == FC_TOK_NUM &&
                toks.items[k + 1].end - toks.items[k + 1].start == 4)
                y = (int)fc_tok_number(text, &toks.items[k + 1]);
            else if (year_only)
                continue; /* ("since 2019, when it opened on March 3": that year's) */
            else if (fc_days_from_civil(py, m, (int)dd) > pub)
                y = py - 1; /* "since March 3" written in February */
            if (dd > fc_month_days(y, m))
                continue;
            *day = fc_days_from_civil(y, m, (int)dd);
            snprintf(what, nwhat, "%04d-%02d-%02d", y, m, (int)dd);
            found = true;
        } else if (!year_only && t->kind == FC_TOK_NUM && t->end - t->start == 4 && i + 1 < toks.n &&
                   month_of(x->rules, text, &toks.items[i + 1]) == 0 &&
                   !(i > 0 && month_of(x->rules, text, &toks.items[i - 1]))) {
            double y = fc_tok_number(text, t);
            if (y < 1800 || y > py)
                continue;
            /* "since 2019": the year only; counted from its start. */
            *day = fc_days_from_civil((int)y, 1, 1);
            snprintf(what, nwhat, "%04d", (int)y);
            year_only = true;
        }
    }
    fc_toks_free(&toks);
    return (found || year_only) && *day <= pub;
}

/* Whether the line around [start, end) of the document names one of phrases
 * ("a|b|c"), case-insensitive. */
static bool line_names(const fc_doc *d, size_t start, size_t end, const char *phrases)
{
    size_t a = start, b = end;
    /* The line, but no more than 600 bytes either way (a document may be one line). */
    fc_view v;
    if (!fc_view_of(d, start > d->body + 600 ? start - 600 : d->body,
                    end + 600 < d->len ? end + 600 : d->len, &v))
        return false;
    while (a > d->body && fc_at(&v, a - 1) != '\n' && start - a < 600)
        a--;
    while (b < d->len && fc_at(&v, b) != '\n' && b - end < 600)
        b++;
    for (const char *p = phrases; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        for (size_t k = a; n && k + n <= b; k++)
            if (strncasecmp(fc_ptr(&v, k), p, n) == 0)
                return true;
        p += n + (bar ? 1 : 0);
    }
    return false;
}

/* Elapsed time in the claim's unit, from day `from` to day `to`. */
static double elapsed_units(long from, long to, unit u)
{
    if (u == U_DAY)
        return (double)(to - from);
    if (u == U_WEEK)
        return (double)(to - from) / 7;
    int y1, m1, d1, y2, m2, d2;
    fc_civil_from_days(from, &y1, &m1, &d1);
    fc_civil_from_days(to, &y2, &m2, &d2);
    long months = (y2 - y1) * 12L + (m2 - m1) - (d2 < d1);
    /* The part month: days since the last monthly anniversary over that month's length. */
    int ay = y1 + (int)((m1 - 1 + months) / 12), am = (int)((m1 - 1 + months) % 12) + 1;
    int ad = d1 > fc_month_days(ay, am) ? fc_month_days(ay, am) : d1;
    double part = (double)(to - fc_days_from_civil(ay, am, ad)) / fc_month_days(ay, am);
    double m = (double)months + part;
    return u == U_MONTH ? m : u == U_YEAR ? m / 12 : m / 120;
}

static fc_status finding(const fc_check_ctx *x, size_t k, long from, long pub, unit u,
                         const char *from_text, const char *label, const fc_event *ev)
{
    const fc_claim *c = fc_check_claim(x, k);
    const fc_doc *d = fc_check_doc(x, c);
    if (from > pub)
        return FC_OK; /* a date after publication: no time has passed since it yet */
    double el = elapsed_units(from, pub, u);
    double lo = c->low, hi = c->high;
    bool fits, inclusive = false;
    if (u == U_DAY) {
        fits = el >= lo - 0.5 && el <= hi + 0.5;
        inclusive = !fits && el + 1 >= lo - 0.5 && el + 1 <= hi + 0.5;
    } else if (u == U_WEEK) {
        fits = el >= lo - 0.5 && el <= hi + 0.5;
    } else { /* whole units elapsed, or the nearest */
        fits = (floor(el + 1e-9) >= lo && floor(el + 1e-9) <= hi) ||
               (round(el) >= lo && round(el) <= hi) || (el >= lo && el <= hi);
    }
    fc_finding f;
    fc_status st = fc_check_start(&f, "elapsed", fits || inclusive ? FC_SEV_INFO : FC_SEV_WARNING, 1);
    if (st != FC_OK)
        return st;
    f.claims[f.nclaims++] = k;
    fc_check_add_num(&f, "elapsed_days", (double)(pub - from));
    fc_check_add_num(&f, "elapsed_units", el);
    fc_check_add_num(&f, "stated", c->value);
    if (ev) {
        fc_strbuf src = {0};
        fc_sb_printf(&src, "%s%s%s%s, %s [%s]", ev->publisher, ev->title[0] ? ", \"" : "",
                     ev->title, ev->title[0] ? "\"" : "", ev->url, ev->key);
        f.source = fc_sb_take(&src);
    }
    static const char *const names[] = {"", "days", "weeks", "months", "years", "decades"};
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "\"");
    fc_check_words(&sb, x, c);
    fc_sb_printf(&sb, "\" counted from %s (%s) to publication on %s: %ld days", label, from_text,
                 d->published, pub - from);
    if (u != U_DAY)
        fc_sb_printf(&sb, ", %.1f %s", el, names[u]);
    if (fits)
        fc_sb_puts(&sb, ": consistent.");
    else if (inclusive)
        fc_sb_printf(&sb, "; the publication day is day %ld counting %s as day 1: consistent.",
                     pub - from + 1, from_text);
    else
        fc_sb_puts(&sb, ": they do not match.");
    return fc_check_finish(x, &f, &sb);
}

/* Whether the duration is written as the modifier of any one thing ("each
 * two-year cycle", "a 24-hour gym", "every 10-day period"): a length of
 * something, never the time since a date ("its 100-day mark" is). */
static bool hyphenated(const fc_doc *d, const fc_claim *c)
{
    size_t from = c->start > 7 ? c->start - 7 : 0;
    const char *t = c->end > c->start ? fc_doc_bytes(d, from, c->end) : NULL;
    if (!t || !memchr(t + (c->start - from), '-', c->end - c->start))
        return false;
    static const char *const any[] = {"each ", "every ", " a ", " an ", "per "};
    for (size_t k = 0; k < sizeof any / sizeof *any; k++) {
        size_t n = strlen(any[k]);
        if (c->start - from >= n && strncasecmp(t + (c->start - from) - n, any[k], n) == 0)
            return true;
    }
    return false;
}

fc_status fc_check_elapsed(const fc_check_ctx *x)
{
    const fc_events *events = &x->rules->event_rows;
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = fc_check_claim(x, k);
        const fc_doc *d = fc_check_doc(x, c);
        int y, m, dd;
        if (c->unit != FC_UNIT_DURATION || c->role != FC_ROLE_LEVEL || c->per || !d ||
            !fc_date_parse(d->published, &y, &m, &dd))
            continue;
        unit u = unit_of(x, c);
        if (u == U_NONE || hyphenated(d, c))
            continue;
        long pub = fc_days_from_civil(y, m, dd), day;
        char when[16];
        fc_status st = FC_OK;
        if (date_in_text(x, c, pub, &day, when, sizeof when)) {
            st = finding(x, k, day, pub, u, when, "the date in the text", NULL);
        } else {
            for (size_t e = 0; st == FC_OK && e < events->n; e++) {
                const fc_event *ev = &events->items[e];
                int ey, em, ed;
                if (!fc_date_parse(ev->date, &ey, &em, &ed) ||
                    !line_names(d, c->start, c->end, ev->phrases))
                    continue;
                st = finding(x, k, fc_days_from_civil(ey, em, ed), pub, u, ev->date, ev->key, ev);
            }
        }
        if (st != FC_OK)
            return st;
    }
    return FC_OK;
}
