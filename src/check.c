/* check.c - the check engine: indices over the claims, the table of checks run in
 * turn, and the helpers every check uses to write a finding.
 *
 * Claims are indexed once by document and position, and grouped once by what
 * they measure (group.c); each check (check_<name>.c, listed in check_table.h)
 * then looks at one document's claims or one group's claims at a time.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "claim_internal.h"
#include "date.h"
#include "factcheck/copies.h"
#include "rules_internal.h"

const char *fc_severity_name(fc_severity s)
{
    static const char *const names[] = {"info", "warning", "conflict"};
    return (size_t)s < 3 ? names[s] : "info";
}

const fc_check_row *fc_check_table(size_t *n)
{
    static const fc_check_row rows[] = {
#define FC_CHECK_ROW(name, fn, sw) {#name, sw},
        FC_CHECKS(FC_CHECK_ROW)
#undef FC_CHECK_ROW
    };
    *n = FC_NCHECKS;
    return rows;
}

/* ---- findings -------------------------------------------------------------- */

static void finding_free(fc_finding *f)
{
    free(f->claims);
    free(f->message);
    free(f->label);
    free(f->source);
    free(f->topic);
    free(f->nums);
}

void fc_findings_clear(fc_findings *list)
{
    for (size_t i = 0; i < list->n; i++)
        finding_free(&list->items[i]);
    free(list->items);
    list->items = NULL;
    list->n = list->cap = 0;
}

/* A finding whose numbers ran out of memory: fc_check_push refuses it. */
#define NUMS_FAILED (FC_FINDING_MAX_NUMS + 1)

void fc_check_add_num(fc_finding *f, const char *name, double v)
{
    if (f->nnums >= FC_FINDING_MAX_NUMS || !isfinite(v))
        return;
    /* Room for four more at a time (0, 4 and 8 numbers full): a finding has
     * a few, and a reallocation for each was most of a check's time. */
    if (f->nnums % 4 == 0) {
        size_t cap = f->nnums + 4 < FC_FINDING_MAX_NUMS ? f->nnums + 4 : FC_FINDING_MAX_NUMS;
        fc_number *nums = realloc(f->nums, cap * sizeof *nums);
        if (!nums) {
            f->nnums = NUMS_FAILED;
            return;
        }
        f->nums = nums;
    }
    f->nums[f->nnums++] = (fc_number){name, v};
}

static int by_id_text(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* A finding's fingerprint: "f" and the 64-bit hash of its check's name, its
 * claims' ids in byte order and, for an info finding, "info" (docs/claim-record.md).
 * It lasts as long as those claims do, whatever order the check lists them in
 * and whether it calls the disagreement a warning or a conflict; a description
 * (an agreement summary) and a flag over the same claims stay apart. */
static fc_status fingerprint(const fc_claims *claims, fc_finding *f)
{
    const char *few[8], **ids = f->nclaims <= 8 ? few : malloc(f->nclaims * sizeof *ids);
    if (!ids)
        return FC_ENOMEM;
    for (size_t i = 0; i < f->nclaims; i++) {
        ids[i] = claims->items[f->claims[i]].id;
        for (size_t j = i; f->nclaims <= 8 && j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
            const char *t = ids[j]; /* a few: insertion sort */
            ids[j] = ids[j - 1];
            ids[j - 1] = t;
        }
    }
    if (f->nclaims > 8)
        qsort(ids, f->nclaims, sizeof *ids, by_id_text);
    uint64_t h = fc_hash64(f->check, strlen(f->check), 0);
    for (size_t i = 0; i < f->nclaims; i++) {
        h = fc_hash64("\n", 1, h);
        h = fc_hash64(ids[i], strlen(ids[i]), h);
    }
    if (f->severity == FC_SEV_INFO)
        h = fc_hash64("\ninfo", 5, h);
    fc_id_format(f->id, 'f', h);
    if (ids != few)
        free(ids);
    return FC_OK;
}

fc_status fc_check_push(fc_findings *out, const fc_claims *claims, fc_finding *f)
{
    if (fingerprint(claims, f) != FC_OK) {
        finding_free(f);
        return FC_ENOMEM;
    }
    if (!f->message || f->nnums > FC_FINDING_MAX_NUMS ||
        fc_grow((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items) != FC_OK) {
        finding_free(f);
        return FC_ENOMEM;
    }
    out->items[out->n++] = *f;
    return FC_OK;
}

fc_status fc_check_start(fc_finding *f, const char *check, fc_severity sev, size_t n)
{
    memset(f, 0, sizeof *f);
    f->check = check;
    f->severity = sev;
    return (f->claims = malloc((n ? n : 1) * sizeof *f->claims)) ? FC_OK : FC_ENOMEM;
}

fc_status fc_check_finish(const fc_check_ctx *x, fc_finding *f, fc_strbuf *sb)
{
    f->message = fc_sb_take(sb);
    return fc_check_push(x->out, x->claims, f);
}

const char *fc_check_outlet(const fc_check_ctx *x, const fc_claim *c)
{
    const fc_doc *d = fc_check_doc(x, c);
    return d && d->outlet ? d->outlet : d ? d->path : "?";
}

void fc_check_words(fc_strbuf *sb, const fc_check_ctx *x, const fc_claim *c)
{
    const char *t = c->start < c->end ? fc_doc_bytes(fc_check_doc(x, c), c->start, c->end) : NULL;
    if (t)
        fc_sb_add(sb, t, c->end - c->start);
    else
        fc_check_figure(sb, c);
}

void fc_check_figure(fc_strbuf *sb, const fc_claim *c)
{
    fc_sb_number(sb, c->qualifier == FC_QUAL_RANGE ? c->low : c->value);
    if (c->qualifier == FC_QUAL_RANGE) {
        fc_sb_puts(sb, " to ");
        fc_sb_number(sb, c->high);
    }
}

/* "Harbor City Ledger (claims/01.md) says nearly 1,000 (900 to 1,000)" */
void fc_check_describe(fc_strbuf *sb, const fc_doc *d, const fc_claim *c)
{
    fc_sb_puts(sb, d && d->outlet ? d->outlet : d ? d->path : "?");
    if (c->attribution) {
        fc_sb_puts(sb, ", citing ");
        fc_sb_puts(sb, c->attribution);
        fc_sb_puts(sb, ",");
    }
    fc_sb_puts(sb, " says ");
    if (c->qualifier != FC_QUAL_EXACT && c->qualifier != FC_QUAL_RANGE) {
        for (const char *q = fc_qualifier_name(c->qualifier); *q; q++)
            fc_sb_add(sb, *q == '_' ? " " : q, 1); /* "more_than" -> "more than" */
        fc_sb_puts(sb, " ");
    }
    /* "52%", "3 points", "$4.2 million" is "$4,200,000": the unit as read. */
    bool sub = c->unit == FC_UNIT_CURRENCY && c->unit_name[0] && strcmp(c->unit_name, c->currency) != 0;
    bool dollar = c->unit == FC_UNIT_CURRENCY && !sub && strcmp(c->currency, "USD") == 0;
    const char *after = c->unit == FC_UNIT_PERCENT                ? "%"
                        : c->unit == FC_UNIT_PERCENTAGE_POINT     ? " points"
                        : c->unit == FC_UNIT_CURRENCY && !dollar ? NULL
                                                                  : "";
    if (dollar)
        fc_sb_puts(sb, "$");
    if (c->qualifier == FC_QUAL_RANGE) {
        fc_sb_number(sb, c->low);
        fc_sb_puts(sb, " to ");
        fc_sb_number(sb, c->high);
    } else {
        fc_sb_number(sb, c->value);
    }
    if (sub)
        fc_sb_printf(sb, " %s", c->unit_name); /* "14.2 cent per kilowatt-hour" */
    else if (after)
        fc_sb_puts(sb, after);
    else
        fc_sb_printf(sb, " %s", c->currency);
    if (c->qualifier != FC_QUAL_RANGE)
        fc_sb_interval(sb, c->low, c->high, "no upper bound");
    if (c->per)
        fc_sb_printf(sb, " %s %s", c->per == FC_PER_HOUR ? "an" : "a", fc_per_name(c->per));
}

const fc_measure *fc_check_measure(const fc_rules *r, const char *key)
{
    for (size_t i = 0; key && i < r->nmeasures; i++)
        if (strcmp(r->measures[i].key, key) == 0)
            return &r->measures[i];
    return NULL;
}

/* ---- periods ------------------------------------------------------------------- */

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD": the days it spans and its grain. */
static bool one_period(const char *p, long *lo, long *hi, int *grain)
{
    int y = 0, m = 0, d = 0, i = 0;
    for (; i < 4 && p[i] >= '0' && p[i] <= '9'; i++)
        y = y * 10 + (p[i] - '0');
    if (i != 4 || y <= 0)
        return false;
    if (p[4] == '-' && p[5] >= '0' && p[5] <= '9' && p[6] >= '0' && p[6] <= '9')
        m = (p[5] - '0') * 10 + (p[6] - '0');
    if (m >= 1 && m <= 12 && p[7] == '-' && p[8] >= '0' && p[8] <= '9' && p[9] >= '0' &&
        p[9] <= '9')
        d = (p[8] - '0') * 10 + (p[9] - '0');
    if (m < 1 || m > 12) {
        *lo = fc_days_from_civil(y, 1, 1);
        *hi = fc_days_from_civil(y, 12, 31);
        *grain = 'y';
    } else if (d < 1 || d > fc_month_days(y, m)) {
        *lo = fc_days_from_civil(y, m, 1);
        *hi = fc_days_from_civil(y, m, fc_month_days(y, m));
        *grain = 'm';
    } else {
        *lo = *hi = fc_days_from_civil(y, m, d);
        *grain = 'd';
    }
    return true;
}

bool fc_check_period_days(const char *p, long *lo, long *hi, int *grain)
{
    /* "../2025-08-17": a running total up to that day ("as of Sunday"), whose
     * start is not said: the day, of its own grain */
    if (p && strncmp(p, "../", 3) == 0) {
        if (!one_period(p + 3, lo, hi, grain) || *grain != 'd')
            return false;
        *grain = 'u';
        return true;
    }
    if (!p || !one_period(p, lo, hi, grain))
        return false;
    const char *slash = strchr(p, '/');
    long lo2, hi2;
    int g2;
    if (!slash)
        return true;
    if (!one_period(slash + 1, &lo2, &hi2, &g2) || hi2 < *lo)
        return false;
    *hi = hi2;
    *grain = 'd'; /* an interval of days: "last week", "since January" */
    return true;
}

/* The first day of the month before day pub: where its recent past starts. */
static long recent_past(long pub)
{
    int y, m, d;
    fc_civil_from_days(pub, &y, &m, &d);
    return fc_days_from_civil(m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1, 1);
}

fc_when fc_check_when(const fc_check_ctx *x, const fc_claim *c)
{
    fc_when w = {false, false, 0, 0, 0, 0, LONG_MIN};
    int y, m, dd;
    long pub = LONG_MIN;
    if (x->pub) {
        pub = c->doc < x->ndocs && x->pub[c->doc].day != INT32_MIN ? x->pub[c->doc].day : LONG_MIN;
    } else {
        const fc_doc *d = fc_check_doc(x, c);
        if (d && fc_date_parse(d->published, &y, &m, &dd))
            pub = fc_days_from_civil(y, m, dd);
    }
    w.doc_pub = pub;
    if (fc_check_period_days(c->period, &w.lo, &w.hi, &w.grain)) {
        w.known = w.stated = true;
        return w;
    }
    w.grain = 0;
    if (pub != LONG_MIN) {
        w.known = true;
        w.pub = w.hi = pub;
        w.lo = x->pub ? x->pub[c->doc].lo : recent_past(pub);
        /* what will happen, with no date given, happens after the story: "will
         * lay off 640 workers" is the layoffs another story dates "in May" */
        if (c->modality == FC_MOD_PROJECTION)
            w.hi = pub + 366;
    }
    return w;
}

/* Of a running total up to a day (a, told as x, or b) and a figure of a later
 * story: whether the later figure is the smaller. A count kept running only
 * grows, so a larger later figure is a later count ("41 calls by Sunday
 * morning" on Sunday, "63 calls" on Monday), a smaller one a disagreement. */
static bool later_count_smaller(const fc_claim *a, fc_when x, const fc_claim *b)
{
    const fc_claim *u = x.grain == 'u' ? a : b, *o = x.grain == 'u' ? b : a;
    return o->value < u->value;
}

bool fc_check_same_period(const fc_claim *a, fc_when x, const fc_claim *b, fc_when y)
{
    if (x.stated && y.stated) {
        /* Running totals up to a day ("as of Sunday", "by Tuesday night"): of
         * the same day; against a span running to about that day ("since it
         * broke out on Aug. 11", to publication) or that day itself, a day
         * either way. */
        if (x.grain == 'u' || y.grain == 'u') {
            if (x.grain == y.grain)
                return x.hi == y.hi;
            fc_when u = x.grain == 'u' ? x : y, o = x.grain == 'u' ? y : x;
            /* (a day after it, told in a later story, is a later count: "58 by
             * Saturday night" on Saturday; "87 at the fair, which closed on
             * Sunday" on Monday) */
            if (o.hi > u.hi && u.doc_pub != LONG_MIN && o.doc_pub > u.doc_pub &&
                !later_count_smaller(a, x, b))
                return false;
            return o.grain == 'd' && labs(o.hi - u.hi) <= 1;
        }
        if (x.grain != y.grain)
            return false;
        /* Spans of days ("last week", "since January") from texts published a
         * few days apart still name the same period. */
        long slack = x.grain == 'd' && x.hi > x.lo && y.hi > y.lo ? 3 : 0;
        return labs(x.lo - y.lo) <= slack && labs(x.hi - y.hi) <= slack;
    }
    if (a->role == FC_ROLE_PREVIOUS || b->role == FC_ROLE_PREVIOUS)
        return false; /* an earlier level is only placed by a stated period */
    if (!x.known || !y.known)
        return true;
    if (!x.stated && !y.stated)
        return labs(x.pub - y.pub) <= 7;
    /* A running total up to a day against a figure with no period: only from
     * a story of that day or the next (a later story may give a later count:
     * "Through Thursday, 112,400 people" and "the fair, which ended Sunday,
     * drew 148,300"), and none later than the running total's own story ("41
     * calls by Sunday morning", told on Sunday; "63 calls", told on Monday) */
    if (x.grain == 'u' || y.grain == 'u') {
        fc_when u = x.grain == 'u' ? x : y, o = x.grain == 'u' ? y : x;
        /* (a smaller figure told within a week after the day is an older
         * count told as current: "held 1,874 as of Friday", and on Wednesday
         * "currently holds 1,560") */
        return o.pub >= u.hi &&
               ((o.pub <= u.hi + 1 &&
                 (u.doc_pub == LONG_MIN || o.pub <= u.doc_pub || later_count_smaller(a, x, b))) ||
                (o.pub <= u.hi + 7 && u.doc_pub != LONG_MIN && o.pub > u.doc_pub &&
                 later_count_smaller(a, x, b)));
    }
    /* A stated span of more than a year ("added 5,400 jobs since 2019") is a
     * running total, not the period of a figure that states none. */
    if ((x.stated && x.hi - x.lo > 366) || (y.stated && y.hi - y.lo > 366))
        return false;
    /* A year of twelve months ("the fiscal year that starts July 1", "last
     * fiscal year") is told of from half a year before it starts (a budget
     * adopted in May) to half a year after it ends (the annual report). */
    fc_when s = x.stated ? x : y, o = x.stated ? y : x;
    int sy, sm, sd;
    fc_civil_from_days(s.lo, &sy, &sm, &sd);
    if (s.grain == 'd' && s.hi - s.lo >= 364 && sd == 1) /* (not "the past year") */
        return o.lo <= s.hi + 183 && s.lo - 183 <= o.hi;
    /* A level set to take effect soon ("fares go up to $2.57 next month"), told
     * beside one with no period ("raised bus fares to $2.75") in a story of the
     * same days: the new level both tell (a price, fee or wage; a count "with
     * classes starting Aug. 27" is no level set to come). */
    if (a->unit == FC_UNIT_CURRENCY && b->unit == FC_UNIT_CURRENCY && s.doc_pub != LONG_MIN && s.lo > s.doc_pub && s.lo <= s.doc_pub + 92 && o.pub <= s.lo &&
        labs(o.pub - s.doc_pub) <= 7 && s.hi - s.lo <= 92)
        return true;
    return x.lo <= y.hi && y.lo <= x.hi;
}

bool fc_check_other_event(const char *a, const char *b)
{
    if (!a || !b || !strstr(a, "e:") || !strstr(b, "e:"))
        return false;
    for (const char *p = strstr(b, "e:"); p; p = strstr(p + 2, "e:")) {
        if (p != b && p[-1] != ' ')
            continue;
        size_t n = strcspn(p, " ");
        for (const char *q = strstr(a, "e:"); q; q = strstr(q + 2, "e:"))
            if ((q == a || q[-1] == ' ') && strncmp(p, q, n) == 0 && (q[n] == ' ' || !q[n]))
                return false;
    }
    return true;
}

double fc_check_per_days(fc_per p)
{
    static const double days[] = {0, 1, 7, 30.436875, 365.2425, 1.0 / 24};
    return (size_t)p < sizeof days / sizeof *days ? days[p] : 0;
}

/* ", or" before b, or b set off by commas ("two-thirds of the 90 nurses
 * surveyed, 48, said") or brackets ("388 of them (42%)"). */
bool fc_check_restates(const fc_check_ctx *x, const fc_claim *a, const fc_claim *b)
{
    const fc_doc *d = fc_check_doc(x, a);
    if (!d || b->start <= a->end || b->start > d->len || b->end < b->start ||
        b->start - a->end > 96)
        return false;
    /* from a to just past b (the kept stretch around both), and the words that
     * may close b ("81 in all,") */
    size_t to = b->start + 4 > b->end + 13 ? b->start + 4 : b->end + 13;
    fc_view v;
    if (!fc_view_of(d, a->end, to < d->len ? to : d->len, &v))
        return false;
    for (size_t i = b->start; i-- > a->end + 1 && b->start - i <= 16;)
        if (fc_at(&v, i - 1) == ',' && i + 4 <= v.to && strncmp(fc_ptr(&v, i), " or ", 4) == 0)
            return memchr(fc_ptr(&v, a->end), ',', i - 1 - a->end) == NULL;
    /* set off by commas: "two-thirds of the 90 nurses surveyed, 48, said" */
    size_t c = b->start;
    while (c > a->end && fc_at(&v, c - 1) == ' ')
        c--;
    if (c > a->end && fc_at(&v, c - 1) == '(' && b->end < v.to && fc_at(&v, b->end) == ')')
        return memchr(fc_ptr(&v, a->end), ',', c - 1 - a->end) == NULL; /* "388 (42%)" */
    /* (b closed by "in all", "in total", "altogether" or "all told": "212
     * classroom teachers, 81 in all, are ...") */
    size_t e = b->end;
    static const char *const closers[] = {" in all", " in total", " altogether", " all told"};
    for (size_t q = 0; q < sizeof closers / sizeof *closers; q++) {
        size_t n = strlen(closers[q]);
        if (e + n < v.to && strncmp(fc_ptr(&v, e), closers[q], n) == 0) {
            e += n;
            break;
        }
    }
    return c > a->end && fc_at(&v, c - 1) == ',' && e < v.to && fc_at(&v, e) == ',' &&
           memchr(fc_ptr(&v, a->end), ',', c - 1 - a->end) == NULL;
}


/* ---- indices ---------------------------------------------------------------------- */

void fc_check_near(const fc_check_ctx *x, size_t k, size_t before, size_t after, size_t *from,
                   size_t *to)
{
    const fc_claim *c = &x->claims->items[k];
    size_t lo, hi, p = x->pos[k];
    fc_check_doc_range(x, c->doc, &lo, &hi);
    if (p < lo || p >= hi) { /* a claim of no document in the run */
        *from = *to = p;
        return;
    }
    size_t a = p, b = p + 1;
    while (a > lo && x->claims->items[x->by_doc[a - 1]].sentence + before >= c->sentence)
        a--;
    while (b < hi && x->claims->items[x->by_doc[b]].sentence <= c->sentence + after)
        b++;
    *from = a;
    *to = b;
}

void fc_check_group_range(const fc_check_ctx *x, size_t k, size_t *from, size_t *to)
{
    size_t g = x->groups->of[k];
    *from = g == FC_NO_GROUP ? 0 : x->groups->from[g];
    *to = g == FC_NO_GROUP ? 0 : x->groups->from[g + 1];
}

void fc_check_group_name(fc_strbuf *sb, const fc_check_ctx *x, size_t k)
{
    fc_groups_name(x->groups, x->claims, k, sb);
}

typedef struct doc_key {
    size_t doc, start, idx;
} doc_key;

static int by_doc_start(const void *pa, const void *pb)
{
    const doc_key *a = pa, *b = pb;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Claim indices ordered by document and position, with each document's range. */
static fc_status index_docs(const fc_claims *claims, size_t ndocs, size_t **by_doc,
                            size_t **doc_from, size_t **pos)
{
    size_t n = claims->n;
    *by_doc = malloc((n ? n : 1) * sizeof **by_doc);
    *doc_from = calloc(ndocs + 2, sizeof **doc_from);
    *pos = malloc((n ? n : 1) * sizeof **pos);
    if (!*by_doc || !*doc_from || !*pos)
        return FC_ENOMEM;
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++) {
        const fc_claim *a = &claims->items[i - 1], *b = &claims->items[i];
        sorted = a->doc < b->doc || (a->doc == b->doc && a->start <= b->start);
    }
    doc_key *keys = NULL;
    if (!sorted) { /* the corpus extracts in order; other callers may not */
        if (!(keys = malloc(n * sizeof *keys)))
            return FC_ENOMEM;
        for (size_t i = 0; i < n; i++)
            keys[i] = (doc_key){claims->items[i].doc, claims->items[i].start, i};
        qsort(keys, n, sizeof *keys, by_doc_start);
    }
    for (size_t i = 0; i < n; i++) {
        size_t k = keys ? keys[i].idx : i;
        (*by_doc)[i] = k;
        (*pos)[k] = i;
        if (claims->items[k].doc < ndocs)
            (*doc_from)[claims->items[k].doc + 1]++;
    }
    for (size_t d = 1; d <= ndocs; d++)
        (*doc_from)[d] += (*doc_from)[d - 1];
    free(keys);
    return FC_OK;
}

/* ---- running ------------------------------------------------------------------------ */

static int by_severity(const void *pa, const void *pb)
{
    const fc_finding *a = pa, *b = pb;
    if (a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    int c = a->check == b->check ? 0 : strcmp(a->check, b->check); /* static names */
    if (c)
        return c;
    size_t ca = a->nclaims ? a->claims[0] : 0, cb = b->nclaims ? b->claims[0] : 0;
    if (ca != cb)
        return ca < cb ? -1 : 1;
    return strcmp(a->id, b->id);
}

static int by_id_then_order(const void *pa, const void *pb)
{
    const fc_finding *const *a = pa, *const *b = pb;
    int c = strcmp((*a)->id, (*b)->id);
    return c ? c : by_severity(*a, *b);
}

/* Two findings of one check over the same claims and of the same kind would
 * share a fingerprint; the second and later, in report order, get "#n" added to
 * theirs. Errors: FC_ENOMEM. */
static fc_status unique_ids(fc_finding *items, size_t n)
{
    /* Only findings whose fingerprint another shares are renamed: they are
     * found with a hash table of the fingerprints (at most two thirds full)
     * and only they are sorted. */
    size_t size = n + n / 2 + 1;
    size_t *slots = malloc(size * sizeof *slots), m = 0;
    bool *shared = calloc(n ? n : 1, sizeof *shared);
    fc_finding **order = malloc((n ? n : 1) * sizeof *order);
    if (!slots || !shared || !order) {
        free(slots);
        free(shared);
        free(order);
        return FC_ENOMEM;
    }
    memset(slots, 0xff, size * sizeof *slots);
    for (size_t i = 0; i < n; i++) {
        size_t b = fc_hash64(items[i].id, strlen(items[i].id), 0) % size;
        while (slots[b] != SIZE_MAX && strcmp(items[slots[b]].id, items[i].id) != 0)
            b = b + 1 < size ? b + 1 : 0;
        if (slots[b] == SIZE_MAX)
            slots[b] = i;
        else
            shared[i] = shared[slots[b]] = true;
    }
    for (size_t i = 0; i < n; i++)
        if (shared[i])
            order[m++] = &items[i];
    free(slots);
    free(shared);
    n = m;
    qsort(order, n, sizeof *order, by_id_then_order);
    for (size_t i = 1, first = 0; i < n; i++) { /* order[first] keeps its id */
        if (strcmp(order[first]->id, order[i]->id) != 0) {
            first = i;
            continue;
        }
        char tag[32];
        int len = snprintf(tag, sizeof tag, "%s#%zu", order[i]->id, i - first);
        fc_id_format(order[i]->id, 'f', fc_hash64(tag, (size_t)len, 0));
    }
    free(order);
    return FC_OK;
}

/* by_severity as two numbers a finding: severity, the check's rank among the
 * run's check names and the first claim in the first; the id ("f" and 16 hex
 * digits, which sort as the number they write) in the second. */
typedef struct report_key {
    uint64_t a, b;
    size_t i;
} report_key;

static bool key_before(const report_key *x, const report_key *y)
{
    return x->a != y->a ? x->a < y->a : x->b != y->b ? x->b < y->b : x->i < y->i;
}

/* A merge sort of the keys (tmp: room for n), with the comparison inline: qsort's
 * calls through a pointer cost more than the comparisons. */
static void sort_keys(report_key *k, report_key *tmp, size_t n)
{
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            report_key t = k[i];
            size_t j = i;
            for (; j > 0 && key_before(&t, &k[j - 1]); j--)
                k[j] = k[j - 1];
            k[j] = t;
        }
        return;
    }
    size_t h = n / 2, i = 0, j = h, m = 0;
    sort_keys(k, tmp, h);
    sort_keys(k + h, tmp, n - h);
    while (i < h && j < n)
        tmp[m++] = key_before(&k[j], &k[i]) ? k[j++] : k[i++];
    while (i < h)
        tmp[m++] = k[i++];
    memcpy(k, tmp, j * sizeof *k); /* k[j, n) is in place */
}

static bool hex_id(const char *id, uint64_t *v)
{
    *v = 0;
    if (id[0] != 'f' || id[17] != '\0')
        return false;
    for (int k = 1; k <= 16; k++) {
        char c = id[k];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
        *v = *v << 4 | (uint64_t)(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return true;
}

/* Sorts findings as by_severity does (and as stably), comparing precomputed
 * keys instead of strings and moving each finding once; qsort with by_severity
 * when a finding does not fit the keys. */
static void sort_findings(fc_finding *items, size_t n)
{
    enum { MAX_CHECKS = 64 };
    const char *names[MAX_CHECKS];
    size_t nnames = 0;
    report_key *key = malloc((n ? n : 1) * sizeof *key), *tmp = malloc((n ? n : 1) * sizeof *tmp);
    bool fits = key && tmp;
    for (size_t i = 0; fits && i < n; i++) {
        size_t j = 0;
        while (j < nnames && names[j] != items[i].check && strcmp(names[j], items[i].check) != 0)
            j++;
        if (j == nnames && (fits = nnames < MAX_CHECKS))
            names[nnames++] = items[i].check;
    }
    for (size_t i = 1; fits && i < nnames; i++) /* insertion sort: a few names */
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            const char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; fits && i < n; i++) {
        const fc_finding *f = &items[i];
        size_t rank = 0, c0 = f->nclaims ? f->claims[0] : 0;
        while (names[rank] != f->check && strcmp(names[rank], f->check) != 0)
            rank++;
        fits = (unsigned)f->severity <= 2 && c0 < ((uint64_t)1 << 54) && hex_id(f->id, &key[i].b);
        key[i].a = (uint64_t)(2 - f->severity) << 62 | (uint64_t)rank << 54 | c0;
        key[i].i = i;
    }
    if (!fits) {
        free(key);
        free(tmp);
        qsort(items, n, sizeof *items, by_severity);
        return;
    }
    sort_keys(key, tmp, n);
    free(tmp);
    /* Finding key[j].i goes to place j: follow each cycle of that permutation. */
    for (size_t start = 0; start < n; start++) {
        if (key[start].i == start)
            continue;
        fc_finding held = items[start];
        size_t j = start;
        while (key[j].i != start) {
            size_t from = key[j].i;
            items[j] = items[from];
            key[j].i = j;
            j = from;
        }
        items[j] = held;
        key[j].i = j;
    }
    free(key);
}

/* Leaves the copies (first[k] != k) out of the groups' member and earlier-level
 * lists; their group stays theirs (of[k]), for the checks within a document. */
static void groups_without_copies(fc_groups *g, const size_t *first)
{
    size_t m = 0, p = 0, mfrom = 0, pfrom = 0;
    if (!g->from || !g->previous_from)
        return;
    for (size_t gi = 0; gi < g->n; gi++) {
        size_t mto = g->from[gi + 1], pto = g->previous_from[gi + 1];
        g->from[gi] = m;
        g->previous_from[gi] = p;
        for (size_t j = mfrom; j < mto; j++)
            if (first[g->members[j]] == g->members[j])
                g->members[m++] = g->members[j];
        for (size_t j = pfrom; j < pto; j++)
            if (first[g->previous[j]] == g->previous[j])
                g->previous[p++] = g->previous[j];
        mfrom = mto;
        pfrom = pto;
    }
    g->from[g->n] = m;
    g->previous_from[g->n] = p;
}

typedef struct canon {
    uint64_t key;
    size_t copies, i;
} canon;

static int by_canon(const void *pa, const void *pb)
{
    const canon *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->copies != b->copies)
        return a->copies < b->copies ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static int by_size(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return a < b ? -1 : a > b;
}

/* One source, once: a finding over copies (a syndicated text's own arithmetic,
 * found again in each copy) says what the finding over their first appearances
 * says. Findings alike once each claim is read as its first appearance (the same
 * check, severity, claims and numbers) are kept once: the one over originals, or
 * the one with the fewest copies. Findings over originals only are never merged
 * with each other. Errors: FC_ENOMEM (nothing is merged). */
static fc_status merge_copies(fc_findings *out, size_t from, const size_t *first, size_t nclaims)
{
    size_t n = out->n - from, nc = 0;
    bool any = false; /* a copy among the claims: else no finding is over one */
    for (size_t k = 0; k < nclaims && !any; k++)
        any = first[k] != k;
    if (!any)
        return FC_OK;
    canon *c = malloc((n ? n : 1) * sizeof *c);
    bool *drop = calloc(n ? n : 1, sizeof *drop);
    size_t *ks = NULL, cap = 0;
    fc_status st = c && drop ? FC_OK : FC_ENOMEM;
    for (size_t i = 0; st == FC_OK && i < n; i++) {
        const fc_finding *f = &out->items[from + i];
        if (fc_grow((void **)&ks, &cap, f->nclaims + 1, sizeof *ks) != FC_OK) {
            st = FC_ENOMEM;
            break;
        }
        size_t copies = 0;
        for (size_t j = 0; j < f->nclaims; j++) {
            ks[j] = first[f->claims[j]];
            copies += ks[j] != f->claims[j];
        }
        qsort(ks, f->nclaims, sizeof *ks, by_size);
        uint64_t h = fc_hash64(f->check, strlen(f->check), 0);
        h = fc_hash64(&f->severity, sizeof f->severity, h);
        h = fc_hash64(ks, f->nclaims * sizeof *ks, h);
        for (size_t j = 0; j < f->nnums; j++) {
            h = fc_hash64(f->nums[j].name, strlen(f->nums[j].name), h);
            h = fc_hash64(&f->nums[j].value, sizeof f->nums[j].value, h);
        }
        c[nc++] = (canon){h, copies, i};
    }
    if (st == FC_OK) {
        qsort(c, nc, sizeof *c, by_canon);
        for (size_t a = 0, b; a < nc; a = b) {
            for (b = a + 1; b < nc && c[b].key == c[a].key; b++)
                drop[c[b].i] = c[b].copies > 0; /* c[a] stays: originals, or the fewest copies */
        }
        size_t m = from;
        for (size_t i = 0; i < n; i++) {
            if (drop[i])
                finding_free(&out->items[from + i]);
            else
                out->items[m++] = out->items[from + i];
        }
        out->n = m;
    }
    free(c);
    free(drop);
    free(ks);
    return st;
}

static size_t find_root(size_t *parent, size_t d)
{
    while (parent[d] != d)
        d = parent[d] = parent[parent[d]];
    return d;
}

static void join(size_t *parent, size_t a, size_t b)
{
    a = find_root(parent, a);
    b = find_root(parent, b);
    if (a != b) /* the lower index is the root: a story is named by its first document */
        parent[a > b ? a : b] = a > b ? b : a;
}

/* What label_finding asks of each claim, one byte a claim. */
enum { HAS_MEASURE = 1, HAS_KEY = 2 };

/* The finding's label (fc_finding.label): the name of what its first claim with
 * a rule measure measures, else of its first claim with a key, else of its first. */
static fc_status label_finding(fc_finding *f, const fc_claims *claims, const fc_groups *groups,
                               const unsigned char *has)
{
    if (f->nclaims == 0)
        return FC_OK;
    size_t k = SIZE_MAX, keyed = SIZE_MAX;
    for (size_t i = 0; i < f->nclaims && k == SIZE_MAX; i++) {
        if (has[f->claims[i]] & HAS_MEASURE)
            k = f->claims[i];
        else if (keyed == SIZE_MAX && has[f->claims[i]] & HAS_KEY)
            keyed = f->claims[i];
    }
    if (k == SIZE_MAX)
        k = keyed != SIZE_MAX ? keyed : f->claims[0];
    fc_strbuf sb = {0};
    fc_groups_name(groups, claims, k, &sb);
    if (sb.failed || !(f->label = fc_sb_take(&sb))) {
        fc_sb_free(&sb);
        return FC_ENOMEM;
    }
    return FC_OK;
}

/* Each new finding's story (documents linked by the groups their claims share
 * and by the findings across them; the lowest document index), topic (the
 * group's name) and label (label_finding; has: its byte for each claim), in one
 * pass over the findings. Errors: FC_ENOMEM. */
static fc_status stories_and_topics(const fc_check_ctx *x, size_t from, const unsigned char *has)
{
    size_t nd = x->ndocs, ng = x->groups->n;
    size_t nc = x->claims->n;
    size_t *parent = malloc((nd ? nd : 1) * sizeof *parent);
    size_t *gdoc = malloc((ng ? ng : 1) * sizeof *gdoc);
    /* The claims' documents in one array: findings name claims all over the
     * claim list, and a claim record is hundreds of bytes. */
    size_t *doc = malloc((nc ? nc : 1) * sizeof *doc);
    if (!parent || !gdoc || !doc) {
        free(parent);
        free(gdoc);
        free(doc);
        return FC_ENOMEM;
    }
    for (size_t d = 0; d < nd; d++)
        parent[d] = d;
    for (size_t g = 0; g < ng; g++)
        gdoc[g] = (size_t)-1;
    for (size_t k = 0; k < nc; k++) {
        size_t g = x->groups->of[k], d = doc[k] = fc_check_claim(x, k)->doc;
        if (g == FC_NO_GROUP || d >= nd)
            continue;
        if (gdoc[g] == (size_t)-1)
            gdoc[g] = d;
        else
            join(parent, gdoc[g], d);
    }
    fc_findings *out = x->out;
    for (size_t i = from; i < out->n; i++) {
        const fc_finding *f = &out->items[i];
        size_t a = f->nclaims ? doc[f->claims[0]] : nd;
        for (size_t j = 1; j < f->nclaims && a < nd; j++) {
            size_t b = doc[f->claims[j]];
            if (b < nd)
                join(parent, a, b);
        }
    }
    fc_status st = FC_OK;
    for (size_t i = from; i < out->n && st == FC_OK; i++) {
        fc_finding *f = &out->items[i];
        size_t k = (size_t)-1, d = f->nclaims ? doc[f->claims[0]] : 0;
        for (size_t j = 0; j < f->nclaims; j++)
            if (x->groups->of[f->claims[j]] != FC_NO_GROUP) {
                k = f->claims[j];
                break;
            }
        f->story = d < nd ? find_root(parent, d) : d;
        st = label_finding(f, x->claims, x->groups, has);
        if (st != FC_OK || k == (size_t)-1)
            continue; /* of no measure: the report names it by its check */
        fc_strbuf sb = {0};
        fc_check_group_name(&sb, x, k);
        if (!(f->topic = fc_sb_take(&sb)))
            st = FC_ENOMEM;
    }
    free(parent);
    free(gdoc);
    free(doc);
    return st;
}

fc_status fc_check_run(const fc_rules *rules, const fc_claims *claims, const fc_doc *const *docs,
                       size_t ndocs, fc_findings *out)
{
    size_t *first = malloc((claims->n ? claims->n : 1) * sizeof *first);
    if (!first)
        return FC_ENOMEM;
    fc_status st = fc_copies_find(claims, docs, ndocs, first);
    if (st == FC_OK)
        st = fc_check_run_first(rules, claims, docs, ndocs, first, out);
    free(first);
    return st;
}

fc_status fc_check_run_first(const fc_rules *rules, const fc_claims *claims,
                             const fc_doc *const *docs, size_t ndocs, const size_t *first,
                             fc_findings *out)
{
    static fc_status (*const run[])(const fc_check_ctx *) = {
#define FC_CHECK_PTR(name, fn, sw) fn,
        FC_CHECKS(FC_CHECK_PTR)
#undef FC_CHECK_PTR
    };
    size_t first_finding = out->n, *by_doc = NULL, *doc_from = NULL, *pos = NULL;
    fc_groups groups = {0};
    fc_status st = index_docs(claims, ndocs, &by_doc, &doc_from, &pos);
    if (st == FC_OK)
        st = fc_groups_build(rules, claims, docs, ndocs, &groups);
    struct fc_pub_days *pub = malloc((ndocs ? ndocs : 1) * sizeof *pub);
    if (!pub)
        st = FC_ENOMEM;
    for (size_t d = 0; pub && d < ndocs; d++) {
        int y, m, dd; /* a year of four digits: the days fit */
        bool dated = docs[d] && fc_date_parse(docs[d]->published, &y, &m, &dd);
        long day = dated ? fc_days_from_civil(y, m, dd) : 0;
        pub[d].day = dated ? (int32_t)day : INT32_MIN;
        pub[d].lo = dated ? (int32_t)recent_past(day) : INT32_MIN;
    }
    if (st == FC_OK)
        groups_without_copies(&groups, first);
    fc_check_ctx x = {rules,  claims,  docs,    ndocs,  out,   by_doc,
                      doc_from, pos, &groups, pub,   first};
    for (size_t i = 0; st == FC_OK && i < FC_NCHECKS; i++)
        if (rules->check_on[i])
            st = run[i](&x);
    if (st == FC_OK)
        st = merge_copies(out, first_finding, first, claims->n);
    unsigned char *has = st == FC_OK ? malloc(claims->n ? claims->n : 1) : NULL;
    if (st == FC_OK && !has)
        st = FC_ENOMEM;
    for (size_t k = 0; has && k < claims->n; k++)
        has[k] = (claims->items[k].measure ? HAS_MEASURE : 0) | (claims->items[k].key ? HAS_KEY : 0);
    if (st == FC_OK)
        st = stories_and_topics(&x, first_finding, has);
    free(has);
    fc_groups_free(&groups);
    free(pub);
    free(by_doc);
    free(doc_from);
    free(pos);
    if (st == FC_OK && out->n > first_finding) /* no arithmetic on a NULL list */
        st = unique_ids(out->items + first_finding, out->n - first_finding);
    if (out->n > first_finding)
        sort_findings(out->items + first_finding, out->n - first_finding);
    return st;
}

/* ---- relations in one sentence ------------------------------------------------------- */

/* The claim of k's sentence with role `role` and value v (the first), or FC_NONE;
 * for a change, else in the sentence before (extraction links "That is an
 * increase of 12%" to the levels of the sentence before it). */
static size_t in_sentence(const fc_check_ctx *x, size_t k, fc_role role, double v)
{
    size_t from, to;
    const fc_claim *c = fc_check_claim(x, k);
    if (isnan(v))
        return FC_NONE;
    fc_check_near(x, k, 1, 0, &from, &to);
    size_t before = FC_NONE;
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *o = fc_check_claim(x, i);
        if (i == k || o->role != role || o->value != v)
            continue;
        if (o->sentence == c->sentence)
            return i;
        if (c->role == FC_ROLE_CHANGE && o->sentence + 1 == c->sentence && before == FC_NONE)
            before = i;
    }
    return before;
}

bool fc_check_relation(const fc_check_ctx *x, size_t k, fc_relation *rel)
{
    const fc_claim *c = fc_check_claim(x, k);
    rel->change = rel->level = rel->previous = FC_NONE;
    if (c->role == FC_ROLE_CHANGE) {
        rel->change = k;
        rel->level = in_sentence(x, k, FC_ROLE_LEVEL, c->to);
        rel->previous = in_sentence(x, k, FC_ROLE_PREVIOUS, c->from);
        /* a tally of a change as the level ("lost 4,820 hives, up from 3,100
         * a year earlier, a rise of 38%") */
        if (rel->level == FC_NONE && rel->previous != FC_NONE)
            rel->level = in_sentence(x, k, FC_ROLE_CHANGE, c->to);
        /* a comparison's second figure is a level of its own ("20% above the
         * state average of $12,100") */
        if (rel->previous == FC_NONE && rel->level != FC_NONE)
            rel->previous = in_sentence(x, k, FC_ROLE_LEVEL, c->from);
        if (rel->previous == rel->level)
            rel->previous = FC_NONE;
    } else if (c->role == FC_ROLE_LEVEL) {
        rel->level = k;
        rel->previous = in_sentence(x, k, FC_ROLE_PREVIOUS, c->from);
    }
    return rel->level != FC_NONE || rel->previous != FC_NONE;
}

double fc_check_precision(const fc_check_ctx *x, const fc_claim *c)
{
    fc_view v;
    if (!fc_view_of(fc_check_doc(x, c), c->start, c->end, &v))
        return 1;
    /* The first number of the claim's text ("1.2" of "1.2 million"): a unit of
     * its last digit, scaled as the claim's value is. */
    size_t i = c->start;
    while (i < c->end && !(fc_at(&v, i) >= '0' && fc_at(&v, i) <= '9'))
        i++;
    double n = 0, p = 1;
    bool frac = false;
    for (; i < c->end; i++) {
        char ch = fc_at(&v, i);
        if (ch >= '0' && ch <= '9') {
            n = n * 10 + (ch - '0');
            if (frac)
                p /= 10;
        } else if (ch == '.' && !frac && i + 1 < c->end && fc_at(&v, i + 1) >= '0' &&
                   fc_at(&v, i + 1) <= '9') {
            frac = true;
        } else if (ch != ',') {
            break;
        }
    }
    n *= p;
    /* points in words: "two-tenths of a point" is 0.2 to a tenth */
    if (n <= 0 && c->unit == FC_UNIT_PERCENTAGE_POINT && fabs(c->value) > 0 && fabs(c->value) < 1)
        return pow(10, floor(log10(fabs(c->value))));
    if (n <= 0 || !isfinite(c->value) || c->value == 0)
        return p;
    return p * fabs(c->value) / n;
}

/* An earlier level from another source: a stated previous level of the same
 * thing (its group), for a period before the level's, within a year. */
size_t fc_check_reported_earlier(const fc_check_ctx *x, size_t li)
{
    const fc_claim *l = fc_check_claim(x, li);
    if (fc_check_is_copy(x, li)) /* what its original finds: the same claim */
        return fc_check_reported_earlier(x, x->first[li]);
    fc_when wl = fc_check_when(x, l);
    size_t best = FC_NONE, gi = x->groups->of[li];
    size_t from = gi == FC_NO_GROUP ? 0 : x->groups->previous_from[gi];
    size_t to = gi == FC_NO_GROUP ? 0 : x->groups->previous_from[gi + 1];
    for (size_t j = from; j < to; j++) {
        size_t i = x->groups->previous[j];
        const fc_claim *e = fc_check_claim(x, i);
        if (e->role != FC_ROLE_PREVIOUS || e->doc == l->doc ||
            !fc_groups_related(x->groups, x->rules, x->claims, li, i))
            continue;
        fc_when we = fc_check_when(x, e);
        if (wl.known && we.stated && (we.lo > wl.hi || we.hi < wl.lo - 366))
            continue; /* an "earlier" level of a later period, or of long ago */
        if (best == FC_NONE)
            best = i;
    }
    return best;
}

