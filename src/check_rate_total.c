/* check_rate_total.c - a total over a stated period against a stated rate.
 *
 * "8,400 meals over 14 days, about 900 a day": 8,400 / 14 = 600 a day.
 * "1,460 calls last year, or about 9 a day": 1,460 / 365 = 4 a day.
 * "$30 million a year, or $1 million a week": a rate restated in another unit
 * of time is converted (30 / 52.18 = 0.57 a week).
 * Quantities with a unit too: "9,600 feet of pipe over 12 days, or about 1,200
 * feet a day" (the same unit on both sides).
 * The duration is the one after "over", "in", "for" ... ("stealing $340,000
 * over six years", not "sentenced to 12 years"), else the nearest; a period up
 * to the day of publication ("since January") may end with the month before.
 * A rate after a nearer total of its sentence is that total's.
 * The period is a duration in the total's sentence ("in the first 100 days",
 * "over six weeks"), the period the total is stated for ("last year", "in
 * March", "since Jan. 1"), or a stretch its sentence names before the rate with
 * no number ("over the year", "during the month"). The rate is one in the same
 * sentence, or one of the same subject within five sentences; rates in other
 * units are converted ("a week", "a year"; "50,000 gallons an hour" against
 * "1.2 million gallons" is a rate of the total's unit too). The rate as written
 * is rounded: half a unit of its last digit either way, and its hedge.
 * An average per item is read the same way: "drew 312,600 fans over 66 home
 * dates, about 5,900 a game" (312,600 / 66 = 4,736 a game; per_item_averages).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "check_internal.h"
#include "date.h"

static bool word_before_in(const fc_check_ctx *x, const fc_claim *c, const char *const *words,
                           size_t n, bool owner);

/* Days in the duration a claim's words name ("100 days", "six weeks"); 0 if none. */
static double duration_days(const fc_check_ctx *x, const fc_claim *d)
{
    static const struct {
        const char *word;
        double days;
    } units[] = {{"hour", 1.0 / 24},   {"day", 1},         {"week", 7}, {"fortnight", 14},
                 {"month", 30.436875}, {"year", 365.2425}, {"decade", 3652.425},
                 {"night", 1}};
    fc_view v;
    if (!fc_view_of(fc_check_doc(x, d), d->start, d->end, &v))
        return 0;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t n = strlen(units[i].word);
        for (size_t k = d->start; k + n <= d->end; k++)
            if (strncasecmp(fc_ptr(&v, k), units[i].word, n) == 0)
                return d->value * units[i].days;
    }
    return 0;
}

/* Whether a duration follows a word that makes it the span of a total. */
static bool over_word(const fc_check_ctx *x, const fc_claim *d)
{
    static const char *const words[] = {"over", "in", "for", "during", "across", "within"};
    const fc_doc *doc = fc_check_doc(x, d);
    fc_view v;
    if (!doc || d->start > doc->len ||
        !fc_view_of(doc, d->start > doc->body + 120 ? d->start - 120 : doc->body, d->start, &v))
        return false;
    size_t e = d->start;
    while (e > v.from && fc_at(&v, e - 1) == ' ')
        e--;
    /* Past "the first", "the past", "the last", "just": "in the first 100 days";
     * past "a", "an": "over a nine-week season". */
    for (int skip = 0; skip < 3; skip++) {
        size_t b = e;
        while (b > v.from && isalpha((unsigned char)fc_at(&v, b - 1)))
            b--;
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            if (e - b == strlen(words[i]) && strncasecmp(fc_ptr(&v, b), words[i], e - b) == 0)
                return true;
        if (!((e - b == 3 && strncasecmp(fc_ptr(&v, b), "the", 3) == 0) ||
              (e - b == 5 && strncasecmp(fc_ptr(&v, b), "first", 5) == 0) ||
              (e - b == 4 && strncasecmp(fc_ptr(&v, b), "past", 4) == 0) ||
              (e - b == 4 && strncasecmp(fc_ptr(&v, b), "last", 4) == 0) ||
              (e - b == 4 && strncasecmp(fc_ptr(&v, b), "just", 4) == 0) ||
              (e - b == 1 && (fc_at(&v, b) | 0x20) == 'a') ||
              (e - b == 2 && strncasecmp(fc_ptr(&v, b), "an", 2) == 0)))
            return false;
        e = b;
        while (e > v.from && fc_at(&v, e - 1) == ' ')
            e--;
    }
    return false;
}

/* Days in a stretch the sentence names with no number, before its rate r:
 * "over the year", "during the month", "across the week" (the length of the
 * stretch; which year it is does not matter here); 0 when none. */
static double bare_stretch_days(const fc_check_ctx *x, const fc_claim *t, const fc_claim *r,
                                char *words, size_t nwords)
{
    static const char *const preps[] = {"over the ", "during the ", "in the ", "for the ",
                                        "across the ", "throughout the "};
    static const struct {
        const char *word;
        double days;
    } units[] = {{"year", 365.2425}, {"month", 30.436875}, {"week", 7}};
    const fc_doc *d = fc_check_doc(x, t);
    fc_view v;
    if (!d || r->start <= t->sentence_start || !fc_view_of(d, t->sentence_start, r->start, &v))
        return 0;
    for (size_t i = v.from; i < v.to; i++) {
        if (i > v.from && isalpha((unsigned char)fc_at(&v, i - 1)))
            continue;
        for (size_t p = 0; p < sizeof preps / sizeof *preps; p++) {
            size_t n = strlen(preps[p]);
            if (i + n >= v.to || strncasecmp(fc_ptr(&v, i), preps[p], n) != 0)
                continue;
            for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
                size_t m = strlen(units[u].word), e = i + n + m;
                if (e <= v.to && strncasecmp(fc_ptr(&v, i + n), units[u].word, m) == 0 &&
                    (e == v.to || !isalpha((unsigned char)fc_at(&v, e)))) {
                    snprintf(words, nwords, "%s%s", preps[p], units[u].word);
                    return units[u].days;
                }
            }
            /* "over the three-day festival", "during the 10-day fair" */
            double k = 0, per = 0;
            size_t q = i + n, h = q;
            while (h < v.to && h < q + 12 && fc_at(&v, h) != '-' && fc_at(&v, h) != ' ')
                h++;
            if (h == q || h + 1 >= v.to || fc_at(&v, h) != '-')
                continue;
            static const char *const small[] = {"two",   "three", "four", "five", "six",
                                                "seven", "eight", "nine", "ten",  "eleven",
                                                "twelve", "fourteen", "thirty"};
            static const double smallv[] = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 30};
            for (size_t w = 0; w < sizeof small / sizeof *small && !k; w++)
                if (strlen(small[w]) == h - q && strncasecmp(fc_ptr(&v, q), small[w], h - q) == 0)
                    k = smallv[w];
            if (!k && h - q <= 3) {
                bool digits = true;
                for (size_t z = q; z < h; z++)
                    digits = digits && isdigit((unsigned char)fc_at(&v, z));
                for (size_t z = q; digits && z < h; z++)
                    k = k * 10 + (fc_at(&v, z) - '0');
            }
            static const struct {
                const char *word;
                double days;
            } kinds[] = {{"day", 1}, {"week", 7}, {"month", 30.436875}};
            for (size_t u = 0; k > 0 && u < sizeof kinds / sizeof *kinds && !per; u++) {
                size_t m = strlen(kinds[u].word), e = h + 1 + m;
                if (e <= v.to && strncasecmp(fc_ptr(&v, h + 1), kinds[u].word, m) == 0 &&
                    (e == v.to || !isalpha((unsigned char)fc_at(&v, e))))
                    per = kinds[u].days;
            }
            if (k > 0 && per > 0) {
                size_t len = h + 1 - i;
                while (i + len < v.to && isalpha((unsigned char)fc_at(&v, i + len)))
                    len++;
                snprintf(words, nwords, "%.*s", (int)(len < 60 ? len : 60), fc_ptr(&v, i));
                return k * per;
            }
        }
    }
    return 0;
}

/* Whether another total of the same unit stands between total t and rate r
 * (or, before a count's rate, a quantity of a unit of its own: "at 18 water
 * stations handed out 186,000 cups over the five hours, about 37,000 an hour"). */
static bool total_between(const fc_check_ctx *x, size_t from, size_t to, const fc_claim *t,
                          const fc_claim *r)
{
    for (size_t j = from; j < to; j++) {
        const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
        /* (not where the total was counted: "38,400 lunches at 22 sites over
         * 32 serving days, about 1,300 a day") */
        static const char *const at[] = {"at", "across", "from"};
        if (o != t && o->sentence == t->sentence && o->start > t->start && o->start < r->start &&
            (o->unit == t->unit ||
             (o->unit == FC_UNIT_OTHER && o->unit_name[0] && t->unit == FC_UNIT_COUNT)) &&
            !o->per && o->role == FC_ROLE_LEVEL && !word_before_in(x, o, at, 3, false))
            return true;
    }
    return false;
}

/* Whether figure t is the size of something, written as its modifier: "a
 * 22-bed observation unit", "the 3,000-seat arena" count beds and seats the
 * thing has, no tally over a stretch of time. */
static bool size_modifier(const fc_check_ctx *x, const fc_claim *t)
{
    fc_view v;
    return t->end + 2 <= t->sentence_end &&
           fc_view_of(fc_check_doc(x, t), t->end, t->end + 2, &v) && fc_at(&v, t->end) == '-' &&
           ((fc_at(&v, t->end + 1) | 0x20) >= 'a' && (fc_at(&v, t->end + 1) | 0x20) <= 'z');
}

/* Whether a and b each name a counted thing in their keys ("t:container") and
 * the two differ: "moved 1.31 million TEUs ..., crediting two new weekly
 * services" gives no rate of the TEUs; or one is counted in a unit of its own
 * and the other is a thing. */
static bool other_things(const fc_claim *a, const fc_claim *b)
{
    const char *p = a->key ? strstr(a->key, "t:") : NULL, *q = b->key ? strstr(b->key, "t:") : NULL;
    while (p && p != a->key && p[-1] != ' ')
        p = strstr(p + 1, "t:");
    while (q && q != b->key && q[-1] != ' ')
        q = strstr(q + 1, "t:");
    /* (or one is counted in a unit and names no thing, the other a thing in
     * no unit: "about 1.58 million meals ... about 17,000 people a month") */
    bool ua = a->key && (strncmp(a->key, "u:", 2) == 0 || strstr(a->key, " u:")),
         ub = b->key && (strncmp(b->key, "u:", 2) == 0 || strstr(b->key, " u:"));
    if ((ua && !ub && !p && q) || (ub && !ua && !q && p))
        return true;
    if (!p || !q)
        return false;
    size_t n = strcspn(p, " "), m = strcspn(q, " ");
    return n != m || strncmp(p, q, n) != 0;
}

static bool same_subject(const fc_claim *a, const fc_claim *b)
{
    return a->subject && b->subject && strcasecmp(a->subject, b->subject) == 0;
}

/* A computed rate as written in a finding: two decimals under 10, else one. */
/* Whether a relative clause opens between total t and the rate r after it
 * ("612,000 in the year to November, ... a fan zone that drew 2,400 fans a
 * day"): the rate is the relative clause's noun's. */
static bool relative_between(const fc_check_ctx *x, const fc_claim *t, const fc_claim *r)
{
    fc_view v;
    if (r->start <= t->end || r->start - t->end > 400 ||
        !fc_view_of(fc_check_doc(x, t), t->end, r->start, &v))
        return false;
    const char *p = fc_ptr(&v, t->end);
    size_t n = r->start - t->end;
    static const char *const words[] = {" that ", " which ", " who "};
    /* (after a comma, with none before the rate: not "9,600 cases in the 12
     * months that ended June 30, an average of about 1,100 a month") */
    for (size_t w = 0; w < 3; w++) {
        size_t len = strlen(words[w]);
        for (size_t i = 0; i + len <= n; i++)
            if (strncasecmp(p + i, words[w], len) == 0 && memchr(p, ',', i) &&
                !memchr(p + i, ',', n - i))
                return true;
    }
    return false;
}

/* Whether rate r is what a thing of the stretch d is worth, the total t told
 * before both ("signed for £2.4 million on a three-year contract worth about
 * £470,000 a year": the rate is the contract's, the total the fee): d a
 * hyphenated length ("three-year") after t, and "worth" between d and r with
 * no comma. */
static bool worth_of_stretch(const fc_check_ctx *x, const fc_claim *t, const fc_claim *d,
                             const fc_claim *r)
{
    fc_view v;
    if (!(t->end <= d->start && d->end <= r->start) || r->start - d->end > 80 ||
        !fc_view_of(fc_check_doc(x, d), d->start, r->start, &v) ||
        !memchr(fc_ptr(&v, d->start), '-', d->end - d->start))
        return false;
    const char *p = fc_ptr(&v, d->end);
    size_t n = r->start - d->end;
    if (memchr(p, ',', n))
        return false;
    for (size_t i = 0; i + 7 <= n; i++)
        if (strncasecmp(p + i, " worth ", 7) == 0)
            return true;
    return false;
}

static void put_rate(fc_strbuf *sb, double v)
{
    fc_sb_number(sb, v < 10 ? round(v * 100) / 100 : round(v * 10) / 10);
}

static bool same_unit(const fc_claim *a, const fc_claim *b);

/* Days in the period of rate r of total t's unit: its rate ("a day"), or an
 * hour, minute or second named in its unit ("gallon per hour" for "50,000
 * gallons an hour", against "1.2 million gallons"); the period's word in
 * *word. 0 when r is no rate of t's unit. */
static double rate_days(const fc_claim *r, const fc_claim *t, const char **word)
{
    static const struct {
        const char *suffix, *word;
        double days;
    } small[] = {{" per hour", "hour", 1.0 / 24},
                 {" per minute", "minute", 1.0 / 1440},
                 {" per second", "second", 1.0 / 86400}};
    *word = "";
    if (r->per) {
        *word = fc_per_name(r->per);
        return same_unit(r, t) ? fc_check_per_days(r->per) : 0;
    }
    size_t lt = strlen(t->unit_name);
    if (r->unit != FC_UNIT_OTHER || t->unit != FC_UNIT_OTHER || !lt ||
        strncmp(r->unit_name, t->unit_name, lt) != 0)
        return 0;
    for (size_t i = 0; i < sizeof small / sizeof *small; i++)
        if (strcmp(r->unit_name + lt, small[i].suffix) == 0) {
            *word = small[i].word;
            return small[i].days;
        }
    return 0;
}

/* How many periods of `per` days a stretch of `days` holds: whole calendar
 * months and years are counted whole (2024 holds 12 months, not 366 / 30.44 =
 * 12.03; a quarter of 91 days holds 3), since months run 28 to 31 days. */
static double whole_periods(double days, double per)
{
    double n = days / per;
    if (per >= 28 && n >= 0.5 && fabs(n - round(n)) * per <= 1.5 * round(n))
        return round(n);
    return n;
}

/* days_low: the fewest days the period may hold (a "since January" count
 * published mid-month is often through the end of last month); else days.
 * stretch: the words of the period when no duration claim (di) gives it. */
static fc_status compare(const fc_check_ctx *x, size_t k, size_t di, double days,
                         double days_low, size_t ri, const char *stretch)
{
    const fc_claim *t = fc_check_claim(x, k), *r = fc_check_claim(x, ri);
    const char *per_word;
    double per = rate_days(r, t, &per_word);
    double implied = t->value / whole_periods(days, per),
           implied_high = t->value / whole_periods(days_low, per);
    double pr = 0.5 * fc_check_precision(x, r);
    bool fits = implied_high >= r->low - pr - 1e-9 && implied <= r->high + pr + 1e-9;
    fc_finding f;
    fc_status st = fc_check_start(&f, "rate_total", fits ? FC_SEV_INFO : FC_SEV_WARNING, 3);
    if (st != FC_OK)
        return st;
    f.claims[f.nclaims++] = k;
    if (di != FC_NONE)
        f.claims[f.nclaims++] = di;
    f.claims[f.nclaims++] = ri;
    fc_check_add_num(&f, "total", t->value);
    fc_check_add_num(&f, "days", days);
    fc_check_add_num(&f, "implied_rate", implied);
    if (days_low < days)
        fc_check_add_num(&f, "implied_rate_high", implied_high);
    fc_check_add_num(&f, "stated_rate", r->value);
    fc_strbuf sb = {0};
    if (t->unit == FC_UNIT_OTHER) {
        fc_check_words(&sb, x, t); /* "about 1.2 million gallons" */
    } else {
        fc_sb_number(&sb, t->value);
        if (t->subject)
            fc_sb_printf(&sb, " %s", t->subject);
    }
    fc_sb_puts(&sb, " in ");
    fc_sb_number(&sb, days < 1 ? days * 24 : days);
    const char *in = days < 1 ? "hours" : "days";
    if (di != FC_NONE) {
        fc_sb_printf(&sb, " %s (\"", in);
        fc_check_words(&sb, x, fc_check_claim(x, di));
        fc_sb_puts(&sb, "\")");
    } else {
        fc_sb_printf(&sb, " %s (%s)", in, stretch);
    }
    fc_sb_puts(&sb, " is ");
    put_rate(&sb, implied);
    fc_sb_printf(&sb, " a%s %s", per_word[0] == 'h' ? "n" : "", per_word);
    if (days_low < days) {
        fc_sb_puts(&sb, " (");
        put_rate(&sb, implied_high);
        fc_sb_puts(&sb, " if the count runs to the end of the month before)");
    }
    fc_sb_puts(&sb, "; the text says ");
    fc_check_words(&sb, x, r);
    fc_sb_puts(&sb, fits ? ": consistent." : ": they do not match.");
    return fc_check_finish(x, &f, &sb);
}

/* Whether b restates a: ", or" (maybe with a hedge after it) before b, and no
 * other comma since a ("$30 million a year on roads, or $1 million a week"). */
static bool restated(const fc_check_ctx *x, const fc_claim *a, const fc_claim *b)
{
    const fc_doc *d = fc_check_doc(x, a);
    fc_view v; /* from a to just past b's start (the kept stretch around both) */
    if (!d || b->start <= a->end || b->start > d->len || b->start - a->end > 48 ||
        !fc_view_of(d, a->end, b->start + 4 < d->len ? b->start + 4 : d->len, &v))
        return false;
    /* ", or" at most a hedge's length before b, with no other comma before it */
    for (size_t i = b->start; i-- > a->end + 1 && b->start - i <= 16;)
        if (fc_at(&v, i - 1) == ',' && i + 4 <= v.to && strncasecmp(fc_ptr(&v, i), " or ", 4) == 0)
            return memchr(fc_ptr(&v, a->end), ',', i - 1 - a->end) == NULL;
    return false;
}

/* A rate restated in another unit of time in its sentence: "$30 million a
 * year on roads, or $1 million a week" (30 / 52.18 = 0.57 a week). */
static fc_status restated_rate(const fc_check_ctx *x, size_t k, size_t ri)
{
    const fc_claim *t = fc_check_claim(x, k), *r = fc_check_claim(x, ri);
    double ratio = fc_check_per_days(r->per) / fc_check_per_days(t->per);
    double implied = t->value * ratio;
    /* A one-digit figure ("$1 million") is read as rounded to 15% at most, not to
     * half of its only digit. */
    double pt = 0.5 * fc_check_precision(x, t) * ratio, pr = 0.5 * fc_check_precision(x, r);
    if (pr > 0.15 * fabs(r->value))
        pr = 0.15 * fabs(r->value);
    if (pt > 0.15 * implied)
        pt = 0.15 * implied;
    bool fits = implied + pt >= r->low - pr - 1e-9 && implied - pt <= r->high + pr + 1e-9;
    /* (a year of pay is also 52 weeks: "$31,720 a year, or $610 a week") */
    double weeks = t->per == FC_PER_YEAR && r->per == FC_PER_WEEK   ? 1.0 / 52
                   : t->per == FC_PER_WEEK && r->per == FC_PER_YEAR ? 52
                                                                    : 0;
    if (!fits && weeks > 0) {
        double i52 = t->value * weeks, p52 = 0.5 * fc_check_precision(x, t) * weeks;
        if (p52 > 0.15 * i52)
            p52 = 0.15 * i52;
        fits = i52 + p52 >= r->low - pr - 1e-9 && i52 - p52 <= r->high + pr + 1e-9;
    }
    fc_finding f;
    fc_status st = fc_check_start(&f, "rate_total", fits ? FC_SEV_INFO : FC_SEV_WARNING, 2);
    if (st != FC_OK)
        return st;
    f.claims[f.nclaims++] = k;
    f.claims[f.nclaims++] = ri;
    fc_check_add_num(&f, "rate", t->value);
    fc_check_add_num(&f, "implied_rate", implied);
    fc_check_add_num(&f, "stated_rate", r->value);
    fc_strbuf sb = {0};
    fc_check_words(&sb, x, t);
    fc_sb_printf(&sb, " %s %s is ", t->per == FC_PER_HOUR ? "an" : "a", fc_per_name(t->per));
    put_rate(&sb, implied);
    fc_sb_printf(&sb, " %s %s; the text says ", r->per == FC_PER_HOUR ? "an" : "a",
                 fc_per_name(r->per));
    fc_check_words(&sb, x, r);
    fc_sb_puts(&sb, fits ? ": consistent." : ": they do not match.");
    return fc_check_finish(x, &f, &sb);
}

/* Whether a and b are in one unit, a rate's period left out: "1,200 feet a
 * day" (a "foot per day") is in the unit of "9,600 feet"; "cent per kilowatt
 * hour" is not a "cent". */
static bool same_unit(const fc_claim *a, const fc_claim *b)
{
    /* (a rate's name ends with its period, which is left out) */
    size_t la = strlen(a->unit_name), lb = strlen(b->unit_name);
    for (fc_per p = FC_PER_DAY; p <= FC_PER_HOUR; p++) {
        char period[16];
        size_t n = (size_t)snprintf(period, sizeof period, " per %s", fc_per_name(p));
        if (a->per && la > n && strcmp(a->unit_name + la - n, period) == 0)
            la -= n;
        if (b->per && lb > n && strcmp(b->unit_name + lb - n, period) == 0)
            lb -= n;
    }
    return la == lb && strncmp(a->unit_name, b->unit_name, la) == 0;
}

/* Whether duration t is time spent on something, "of" after it ("96,400
 * hours of overtime", "2,100 days of sick leave"): a total, not a wait or a
 * term ("a median of 3 hours and 40 minutes"). */
static bool hours_of(const fc_check_ctx *x, const fc_claim *t)
{
    fc_view v;
    const fc_doc *d = fc_check_doc(x, t);
    return d && t->end + 4 <= d->len && fc_view_of(d, t->end, t->end + 4, &v) &&
           fc_at(&v, t->end) == ' ' && fc_at(&v, t->end + 1) == 'o' &&
           fc_at(&v, t->end + 2) == 'f' && fc_at(&v, t->end + 3) == ' ';
}

/* ---- an average per item ---------------------------------------------------------
 *
 * "drew 312,600 fans over 66 home dates, about 5,900 a game": a total over a
 * number of items (dates, games, clinics, stores) and the average per item the
 * sentence states, "a game", "per clinic", "each", "apiece", or "an average of
 * 4,355 over 66 home dates". 312,600 / 66 = 4,736 a game. */

/* The lowercased word of d's text starting at or after offset i (past spaces,
 * up to n - 1 letters) into buf; the offset after it in *end. */
static const char *text_word(const fc_doc *d, size_t i, char *buf, size_t n, size_t *end)
{
    buf[0] = '\0';
    *end = i;
    fc_view v;
    size_t to = i + 40 < d->len ? i + 40 : d->len;
    if (i >= to || !fc_view_of(d, i, to, &v))
        return buf;
    while (i < to && fc_at(&v, i) == ' ')
        i++;
    size_t k = 0;
    while (i < to && k + 1 < n && isalpha((unsigned char)fc_at(&v, i)))
        buf[k++] = (char)tolower((unsigned char)fc_at(&v, i++));
    buf[k] = '\0';
    *end = i;
    return buf;
}

/* Whether the claim's text starts with the word w ("over 66": the
 * preposition read as a bound). */
static bool text_starts(const fc_check_ctx *x, const fc_claim *c, const char *w)
{
    char buf[16];
    size_t e;
    const fc_doc *d = fc_check_doc(x, c);
    return d && strcmp(text_word(d, c->start, buf, sizeof buf, &e), w) == 0 &&
           e < c->end;
}

/* Whether the word before claim c is one of words (lowercase), or, with
 * `owner`, one of them before "their", "its" or "the" ("over their 27 home
 * dates"). */
static bool word_before_in(const fc_check_ctx *x, const fc_claim *c, const char *const *words,
                           size_t n, bool owner)
{
    const fc_doc *d = fc_check_doc(x, c);
    fc_view v;
    size_t lo = c->start > c->sentence_start + 24 ? c->start - 24 : c->sentence_start;
    if (!d || c->start > d->len || lo >= c->start || !fc_view_of(d, lo, c->start, &v))
        return false;
    size_t e = c->start;
    for (int round = 0; round < (owner ? 2 : 1); round++) {
        while (e > lo && fc_at(&v, e - 1) == ' ')
            e--;
        size_t b = e;
        while (b > lo && isalpha((unsigned char)fc_at(&v, b - 1)))
            b--;
        if (b == e || (b > lo && isalpha((unsigned char)fc_at(&v, b - 1))))
            return false;
        for (size_t i = 0; i < n; i++)
            if (e - b == strlen(words[i]) && strncasecmp(fc_ptr(&v, b), words[i], e - b) == 0)
                return true;
        if (!((e - b == 5 && strncasecmp(fc_ptr(&v, b), "their", 5) == 0) ||
              (e - b == 3 && strncasecmp(fc_ptr(&v, b), "its", 3) == 0) ||
              (e - b == 3 && strncasecmp(fc_ptr(&v, b), "the", 3) == 0)))
            return false;
        e = b;
    }
    return false;
}

/* The item a stated average is per ("a game", "per clinic", "each",
 * "apiece"; "an average of" before it) into buf; false when it states none. */
static bool per_item(const fc_check_ctx *x, const fc_claim *r, char *item, size_t n)
{
    static const char *const average[] = {"of", "averaging", "averaged"};
    const fc_doc *d = fc_check_doc(x, r);
    char w[24];
    size_t e;
    item[0] = '\0';
    if (!d || r->per || r->end >= d->len)
        return false;
    const char *next = fc_doc_bytes(d, r->end, r->end + 1);
    if (next && *next == ' ')
        text_word(d, r->end, w, sizeof w, &e);
    else
        w[0] = '\0', e = r->end;
    if (strcmp(w, "each") == 0 || strcmp(w, "apiece") == 0) {
        snprintf(item, n, "%s", w);
        return true;
    }
    if (strcmp(w, "a") == 0 || strcmp(w, "an") == 0 || strcmp(w, "per") == 0 ||
        strcmp(w, "every") == 0) {
        char noun[24];
        size_t e2;
        text_word(d, e, noun, sizeof noun, &e2);
        size_t ln = strlen(noun);
        if (ln >= 3 && noun[ln - 1] != 's' && e2 > e) {
            snprintf(item, n, "%s", noun);
            return true;
        }
        return false;
    }
    /* "an average of 4,355 over 66 home dates" */
    if (word_before_in(x, r, average, 3, false)) {
        fc_view v;
        size_t lo = r->start > 20 ? r->start - 20 : 0;
        if (lo < r->sentence_start)
            lo = r->sentence_start;
        if (fc_view_of(d, lo, r->start, &v))
            for (size_t i = lo; i + 7 <= r->start; i++)
                if (strncasecmp(fc_ptr(&v, i), "averag", 6) == 0) { /* average(d), averaging */
                    snprintf(item, n, "average");
                    return true;
                }
    }
    return false;
}

static fc_status per_item_averages(const fc_check_ctx *x)
{
    static const char *const over[] = {"over", "across", "in", "at", "from", "for", "on"};
    for (size_t d = 0; d < x->ndocs; d++) {
        size_t from, to;
        fc_check_doc_range(x, d, &from, &to);
        for (size_t j = from; j < to; j++) {
            size_t mi = x->by_doc[j];
            const fc_claim *m = fc_check_claim(x, mi);
            /* the number of items: a whole count with a noun after "over",
             * "across", "at" ... (or "over" read as its bound), maybe past
             * "their", "its" or "the" */
            bool over_bound = text_starts(x, m, "over");
            double items = over_bound ? m->low : m->value;
            if (m->unit != FC_UNIT_COUNT || m->role != FC_ROLE_LEVEL || m->per ||
                !m->subject || items < 2 || items != floor(items) ||
                (!over_bound && (m->low != m->high || !word_before_in(x, m, over, 7, true))))
                continue;
            /* the total: the nearest figure of its sentence before the items */
            size_t ti = FC_NONE;
            for (size_t q = j; q-- > from;) {
                const fc_claim *o = fc_check_claim(x, x->by_doc[q]);
                if (o->sentence != m->sentence)
                    break;
                char avg[24];
                if (o->unit == FC_UNIT_DURATION ||
                    (per_item(x, o, avg, sizeof avg) && strcmp(avg, "average") == 0))
                    continue; /* (the average said before the items) */
                ti = x->by_doc[q];
                break;
            }
            if (ti == FC_NONE)
                continue;
            const fc_claim *t = fc_check_claim(x, ti);
            if ((t->unit != FC_UNIT_COUNT && t->unit != FC_UNIT_CURRENCY) ||
                t->role != FC_ROLE_LEVEL || t->per || t->part_of[0] ||
                t->modality == FC_MOD_TARGET || t->value <= items)
                continue;
            /* the average: a figure of the total's unit in the sentence, just
             * before the items ("an average of 4,355 over 66") or after them */
            for (size_t q = from; q < to; q++) {
                size_t ri = x->by_doc[q];
                const fc_claim *r = fc_check_claim(x, ri);
                char item[24];
                if (ri == ti || ri == mi || r->sentence != m->sentence || r->start < t->end ||
                    r->unit != t->unit || strcmp(r->currency, t->currency) != 0 ||
                    r->role != FC_ROLE_LEVEL || r->modality != t->modality ||
                    r->high >= t->value || !per_item(x, r, item, sizeof item) ||
                    (r->start < m->start && strcmp(item, "average") != 0))
                    continue;
                double implied = t->value / items;
                double pr = 0.5 * fc_check_precision(x, r);
                double tol = 0.5 * fc_check_precision(x, t) / items;
                /* (a hedged total gives a range: "roughly 96,000 over 15") */
                double lo_t = isfinite(t->low) ? t->low : t->value,
                       hi_t = isfinite(t->high) ? t->high : t->value;
                bool fits = hi_t / items >= r->low - pr - tol - 1e-9 &&
                            lo_t / items <= r->high + pr + tol + 1e-9;
                fc_finding f;
                fc_status st =
                    fc_check_start(&f, "rate_total", fits ? FC_SEV_INFO : FC_SEV_WARNING, 3);
                if (st != FC_OK)
                    return st;
                f.claims[f.nclaims++] = ti;
                f.claims[f.nclaims++] = mi;
                f.claims[f.nclaims++] = ri;
                fc_check_add_num(&f, "total", t->value);
                fc_check_add_num(&f, "items", items);
                fc_check_add_num(&f, "implied_rate", implied);
                fc_check_add_num(&f, "stated_rate", r->value);
                fc_strbuf sb = {0};
                fc_check_words(&sb, x, t);
                fc_sb_puts(&sb, " over ");
                fc_sb_number(&sb, items);
                fc_sb_printf(&sb, " %s is ", m->subject);
                put_rate(&sb, implied);
                if (strcmp(item, "average") == 0 || strcmp(item, "each") == 0 ||
                    strcmp(item, "apiece") == 0)
                    fc_sb_puts(&sb, " each");
                else
                    fc_sb_printf(&sb, " a %s", item);
                fc_sb_puts(&sb, "; the text says ");
                fc_check_words(&sb, x, r);
                fc_sb_puts(&sb, fits ? ": consistent." : ": they do not match.");
                st = fc_check_finish(x, &f, &sb);
                if (st != FC_OK)
                    return st;
                break;
            }
        }
    }
    return FC_OK;
}

/* Whether rate r is one member's, not its total's ("$61 million ..., or
 * about $5.80 a month for a typical member"; "per household"). */
static bool per_member(const fc_check_ctx *x, const fc_claim *r)
{
    static const char *const cues[] = {" for a typical ", " for the typical ", " for an average ",
                                       " for the average ", " per customer", " per household",
                                       " per member", " per person", " per resident",
                                       " per student", " per family", " for each "};
    const fc_doc *d = fc_check_doc(x, r);
    if (!d || r->end >= d->len)
        return false;
    size_t to = r->end + 48 < d->len ? r->end + 48 : d->len;
    const char *t = fc_doc_bytes(d, r->end, to);
    if (!t)
        return false;
    size_t n = to - r->end;
    for (size_t i = 0; i < n && t[i] != '.' && t[i] != ';'; i++)
        for (size_t k = 0; k < sizeof cues / sizeof *cues; k++) {
            size_t m = strlen(cues[k]);
            if (i + m <= n && strncasecmp(t + i, cues[k], m) == 0)
                return true;
        }
    return false;
}

/* Whether another total of t's sentence and unit, over the same stretch of
 * `days`, fits rate ri: then the rate is that total's, not t's. */
static bool other_total_fits(const fc_check_ctx *x, size_t k, size_t ri, double days)
{
    const fc_claim *t = fc_check_claim(x, k), *r = fc_check_claim(x, ri);
    const char *w;
    double per = rate_days(r, t, &w);
    if (per <= 0)
        return false;
    size_t from, to;
    fc_check_near(x, k, 0, 0, &from, &to);
    double pr = 0.5 * fc_check_precision(x, r);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *o = fc_check_claim(x, i);
        if (i == k || i == ri || o->unit != t->unit || o->role != FC_ROLE_LEVEL || o->per ||
            o->sentence != t->sentence || strcmp(o->currency, t->currency) != 0)
            continue;
        double implied = o->value / whole_periods(days, per);
        if (implied >= r->low - pr - 1e-9 && implied <= r->high + pr + 1e-9)
            return true;
    }
    return false;
}

/* Whether a count is of the places a total was counted at ("served 38,400
 * lunches at 22 sites"): no total of its own over the stretch. */
static bool site_count(const fc_check_ctx *x, const fc_claim *t)
{
    static const char *const at[] = {"at", "across"};
    return t->unit == FC_UNIT_COUNT && word_before_in(x, t, at, 2, false);
}

fc_status fc_check_rate_total(const fc_check_ctx *x)
{
    fc_status pst = per_item_averages(x);
    if (pst != FC_OK)
        return pst;
    for (size_t d = 0; d < x->ndocs; d++) {
        size_t from, to;
        fc_check_doc_range(x, d, &from, &to);
        for (size_t j = from; j + 1 < to; j++) {
            size_t k = x->by_doc[j], ri = x->by_doc[j + 1];
            const fc_claim *t = fc_check_claim(x, k), *r = fc_check_claim(x, ri);
            if (!t->per || !r->per || t->per == r->per || t->role != FC_ROLE_LEVEL ||
                r->role != FC_ROLE_LEVEL || t->sentence != r->sentence || t->unit != r->unit ||
                strcmp(t->currency, r->currency) != 0 || !same_unit(t, r) ||
                t->value <= 0 || !restated(x, t, r))
                continue;
            fc_status st = restated_rate(x, k, ri);
            if (st != FC_OK)
                return st;
        }
    }
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *t = fc_check_claim(x, k);
        /* (a total of time worked or lost too: "logged 96,400 hours of overtime
         * in 2024, or about 8,000 hours a week") */
        if ((t->unit != FC_UNIT_COUNT && t->unit != FC_UNIT_CURRENCY &&
             !((t->unit == FC_UNIT_OTHER || t->unit == FC_UNIT_DURATION) && t->unit_name[0])) ||
            t->per ||
            /* (an amount of change too: "the bluff has retreated 72 feet over
             * the past 12 years, roughly 9 feet a year") */
            (t->role != FC_ROLE_LEVEL && !(t->role == FC_ROLE_CHANGE && t->unit_name[0])) ||
            t->part_of[0] || size_modifier(x, t) ||
            (t->unit == FC_UNIT_DURATION && !hours_of(x, t)) || site_count(x, t))
            continue;
        size_t from, to, di = FC_NONE;
        fc_check_near(x, k, 0, 0, &from, &to);
        /* The duration the total is over: one after "over", "in", "for",
         * "during", "across" or "within" first ("stealing $340,000 over six
         * years", not "sentenced to 12 years"), then the nearest. */
        int best = -1;
        size_t best_gap = 0;
        for (size_t j = from; j < to; j++) {
            const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
            if (o == t || o->sentence != t->sentence || o->unit != FC_UNIT_DURATION || o->per ||
                o->role != FC_ROLE_LEVEL)
                continue;
            int score = over_word(x, o) ? 1 : 0;
            size_t gap = o->start > t->end ? o->start - t->end : t->start - o->end;
            if (score > best || (score == best && gap < best_gap)) {
                best = score;
                best_gap = gap;
                di = x->by_doc[j];
            }
        }
        /* "The 24-hour gym logged 12,600 check-ins in March": a length of time
         * written as a modifier, with no "over" or "in", says less than the
         * period the total is stated for. */
        if (di != FC_NONE && best == 0 && t->period) {
            const fc_claim *o = fc_check_claim(x, di);
            fc_view v;
            if (fc_view_of(fc_check_doc(x, o), o->start, o->end, &v) &&
                memchr(fc_ptr(&v, o->start), '-', o->end - o->start))
                di = FC_NONE;
        }
        double days = di != FC_NONE ? duration_days(x, fc_check_claim(x, di)) : 0;
        double days_low = days;
        bool from_period = false;
        char stretch[32] = "";
        if (days <= 0 && t->period) { /* "last year", "in March", "since Jan. 1" */
            long lo, hi;
            int grain, y, m, d;
            if (fc_check_period_days(t->period, &lo, &hi, &grain) && hi > lo)
                days = days_low = (double)(hi - lo + 1);
            /* A period running up to the day of publication ("since January",
             * "so far this year"): the count may stop at the end of last month. */
            const fc_doc *doc = fc_check_doc(x, t);
            if (days > 0 && doc && fc_date_parse(doc->published, &y, &m, &d) &&
                hi == fc_days_from_civil(y, m, d)) {
                long month_start = fc_days_from_civil(y, m, 1);
                if (month_start - lo >= 28)
                    days_low = (double)(month_start - lo);
            }
            di = FC_NONE;
            from_period = true;
        }
        /* "answered 96,400 calls over the year, or roughly 340 a day": a stretch
         * named with no number, read with a rate of the sentence only */
        if (days <= 0) {
            fc_check_near(x, k, 0, 0, &from, &to);
            for (size_t j = from; j < to && days <= 0; j++) {
                const fc_claim *r = fc_check_claim(x, x->by_doc[j]);
                const char *w;
                /* (the rate right after the total, as its restatement: not "905,000
                 * in the year to November, ... a new exhibit that drew 3,100
                 * visitors a day over the summer") */
                if (rate_days(r, t, &w) > 0 && r->sentence == t->sentence && r->start > t->end &&
                    r->start - t->end <= 64 && r->role == FC_ROLE_LEVEL && r->unit == t->unit &&
                    (days = days_low = bare_stretch_days(x, t, r, stretch, sizeof stretch)) > 0)
                    from_period = true;
            }
        }
        if (days <= 0)
            continue;
        fc_check_near(x, k, 5, 5, &from, &to);
        /* A rate of the total's own sentence is the one to read it with, before
         * any rate of another sentence with the same subject. */
        bool own_rate = false;
        for (size_t j = from; j < to && !own_rate; j++) {
            const fc_claim *r = fc_check_claim(x, x->by_doc[j]);
            const char *w;
            own_rate = r->role == FC_ROLE_LEVEL && r->unit == t->unit &&
                       strcasecmp(r->currency, t->currency) == 0 && rate_days(r, t, &w) > 0 &&
                       r->sentence == t->sentence && (r->start > t->start || restated(x, r, t));
        }
        for (size_t j = from; j < to; j++) {
            size_t i = x->by_doc[j];
            const fc_claim *r = fc_check_claim(x, i);
            const char *w;
            /* "permits for 312 homes last year, short of its goal of 600 a
             * year": a goal set against what was done is no restatement of it
             * (target_vs_actual reads such pairs) */
            bool goal_t = t->modality == FC_MOD_TARGET, goal_r = r->modality == FC_MOD_TARGET;
            /* (nor a forecast rate against what a stated period saw: "412,000
             * trips in October, short of the 450,000 a month planners had
             * forecast") */
            if (r->modality == FC_MOD_PROJECTION && t->modality == FC_MOD_ACTUAL && t->period)
                continue;
            if (r->role != FC_ROLE_LEVEL || r->unit != t->unit || goal_t != goal_r ||
                strcasecmp(r->currency, t->currency) != 0 ||
                rate_days(r, t, &w) <= 0) /* feet a day for feet; gallons an hour */
                continue;
            /* (or the rate first, the total restating it: "about 4,000 a day
             * over its first 30 days, or 96,000 in all") */
            bool here = r->sentence == t->sentence &&
                        (r->start > t->start || restated(x, r, t));
            if (!here && (from_period || own_rate || !same_subject(r, t)))
                continue; /* a period's total is read with a rate of its own sentence */
            /* (a rate naming a counted thing and events, a total events it shares
             * none of: "46 arrests across three days ..., as the festival sold out
             * its 52,000 daily capacity" gives no rate of the arrests; a rate with
             * no thing, "roughly 1,100 a day, to families displaced by the flood",
             * may take the words after it) */
            bool other_event =
                r->key && strstr(r->key, "t:") && fc_check_other_event(r->key, t->key);
            if (here && (other_things(r, t) || other_event || relative_between(x, t, r) ||
                         per_member(x, r)))
                continue;
            if (here && di != FC_NONE && worth_of_stretch(x, t, fc_check_claim(x, di), r))
                continue;
            if (here && total_between(x, from, to, t, r))
                break; /* "4,300 in August, bringing gains to 31,800, an average of
                          4,000 a month": the rate is the nearer total's */
            /* ("served 210,640 meals at 31 sites over 47 serving days, about
             * 4,480 a day": the rate is another total's of the sentence, one
             * it fits) */
            if (here && other_total_fits(x, k, i, days))
                break;
            fc_status st = compare(x, k, di, days, days_low, i, stretch[0] ? stretch : t->period);
            if (st != FC_OK)
                return st;
            if (here)
                break; /* the rate the sentence gives for its total */
        }
    }
    return FC_OK;
}
