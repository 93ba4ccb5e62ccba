/* check.c - consistency checks over the claims of a corpus (GSL statistics).
 *
 * Claims are grouped by measure in O(n log n) (a sort on the measure key); each
 * check then looks at one group at a time.
 *
 * cross_source: claims on the same measure and period from different documents.
 * Two claims agree when the intervals their wording implies overlap; when they do
 * not, the finding states the gap. With three or more documents, the finding
 * also gives a robust centre (median) and spread (median absolute deviation).
 */
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "claim_internal.h"
#include "factcheck/check.h"
#include "rules_internal.h"
#include "util.h"

typedef struct group {
    const fc_claims *claims;
    const fc_doc *const *docs;
    size_t ndocs;
    const size_t *idx; /* claim indices, all with the same measure */
    size_t n;
    const fc_measure *measure; /* NULL when the rules no longer define it */
} group;

const char *fc_severity_name(fc_severity s)
{
    static const char *const names[] = {"info", "warning", "conflict"};
    return (size_t)s < 3 ? names[s] : "info";
}

static const fc_claim *claim(const group *g, size_t k)
{
    return &g->claims->items[g->idx[k]];
}

static const fc_doc *doc_of(const group *g, const fc_claim *c)
{
    return c->doc < g->ndocs ? g->docs[c->doc] : NULL;
}

/* The months a claim can be about, as [lo, hi] in months since year 0. */
typedef struct when {
    bool known;
    bool stated; /* the text names the period */
    long lo, hi;
} when;

/* Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", or an interval "A/B" of those, into
 * a span of months. */
static bool parse_period(const char *p, long *lo, long *hi)
{
    /* "YYYY", "YYYY-MM", "YYYY-MM-DD", or "A/B" of those; digits read by hand
     * (this runs for every pair of claims compared). */
    if (!p)
        return false;
    int y = 0, m = 0, i = 0;
    for (; i < 4 && p[i] >= '0' && p[i] <= '9'; i++)
        y = y * 10 + (p[i] - '0');
    if (i != 4 || y <= 0)
        return false;
    if (p[4] == '-' && p[5] >= '0' && p[5] <= '9' && p[6] >= '0' && p[6] <= '9')
        m = (p[5] - '0') * 10 + (p[6] - '0');
    if (m >= 1 && m <= 12) {
        *lo = *hi = y * 12L + m - 1;
    } else {
        *lo = y * 12L;
        *hi = y * 12L + 11;
    }
    const char *slash = strchr(p, '/');
    long lo2;
    return !slash || parse_period(slash + 1, &lo2, hi);
}

/* What the text states; otherwise a claim with no stated period describes the
 * month of publication or the one before it (news reports the recent past). */
static when when_of(const group *g, const fc_claim *c)
{
    when w = {false, false, 0, 0};
    if (parse_period(c->period, &w.lo, &w.hi)) {
        w.known = w.stated = true;
        return w;
    }
    const fc_doc *d = doc_of(g, c);
    long lo, hi;
    if (d && parse_period(d->published, &lo, &hi) && lo == hi) {
        w.known = true;
        w.lo = lo - 1;
        w.hi = hi;
    }
    return w;
}

bool fc_check_period_months(const char *p, long *lo, long *hi)
{
    return parse_period(p, lo, hi);
}

bool fc_check_months(const fc_claim *c, const fc_doc *d, long *lo, long *hi)
{
    group g = {0};
    const fc_doc *const docs[] = {d};
    fc_claim copy = *c;
    copy.doc = 0;
    g.docs = docs;
    g.ndocs = 1;
    when w = when_of(&g, &copy);
    *lo = w.lo;
    *hi = w.hi;
    return w.known;
}

/* Two claims can be compared when their periods overlap. The earlier side of a
 * stated change ("from 49% in March") is compared only with stated periods. */
static bool comparable_when(const fc_claim *a, when x, const fc_claim *b, when y)
{
    if (a->role == FC_ROLE_PREVIOUS || b->role == FC_ROLE_PREVIOUS)
        return x.stated && y.stated && x.lo <= y.hi && y.lo <= x.hi;
    if (!x.known || !y.known)
        return true;
    return x.lo <= y.hi && y.lo <= x.hi;
}

/* ---- findings -------------------------------------------------------------- */

static void finding_free(fc_finding *f)
{
    free(f->claims);
    free(f->message);
    free(f->source);
}

void fc_findings_clear(fc_findings *list)
{
    for (size_t i = 0; i < list->n; i++)
        finding_free(&list->items[i]);
    free(list->items);
    list->items = NULL;
    list->n = list->cap = 0;
}

void fc_check_add_num(fc_finding *f, const char *name, double v)
{
    if (f->nnums < FC_FINDING_MAX_NUMS && isfinite(v))
        f->nums[f->nnums++] = (fc_number){name, v};
}

/* Appends f (taking ownership of its arrays), giving it a stable id. */
fc_status fc_check_push(fc_findings *out, const fc_claims *claims, fc_finding *f)
{
    unsigned long h = fc_hash(f->check, strlen(f->check), 0);
    for (size_t i = 0; i < f->nclaims; i++)
        h = fc_hash(claims->items[f->claims[i]].id, strlen(claims->items[f->claims[i]].id), h);
    h = fc_hash(fc_severity_name(f->severity), strlen(fc_severity_name(f->severity)), h);
    snprintf(f->id, sizeof f->id, "f%08lx", h);
    if (!f->message ||
        fc_grow((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items) != FC_OK) {
        finding_free(f);
        return FC_ENOMEM;
    }
    out->items[out->n++] = *f;
    return FC_OK;
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
    if (c->qualifier == FC_QUAL_RANGE) {
        fc_sb_number(sb, c->low);
        fc_sb_puts(sb, " to ");
        fc_sb_number(sb, c->high);
    } else {
        fc_sb_number(sb, c->value);
    }
    if (c->qualifier != FC_QUAL_RANGE)
        fc_sb_interval(sb, c->low, c->high, "no upper bound");
}

static const char *measure_name(const group *g, const fc_claim *c)
{
    return g->measure && g->measure->description ? g->measure->description : c->measure;
}

static fc_status conflict(const group *g, size_t a, size_t b, fc_severity sev, double tol,
                          fc_findings *out)
{
    const fc_claim *x = claim(g, a), *y = claim(g, b);
    if (x->low > y->high) { /* order so that x lies below y */
        const fc_claim *t = x;
        x = y;
        y = t;
        size_t ti = a;
        a = b;
        b = ti;
    }
    double gap = y->low - x->high;
    double scale = fmax(fabs(x->value), fabs(y->value));
    fc_finding f = {.check = "cross_source", .severity = sev};
    if (!(f.claims = malloc(2 * sizeof *f.claims)))
        return FC_ENOMEM;
    f.claims[0] = g->idx[a];
    f.claims[1] = g->idx[b];
    f.nclaims = 2;
    fc_check_add_num(&f, "gap", gap);
    if (scale > 0)
        fc_check_add_num(&f, "relative_gap", gap / scale);
    fc_check_add_num(&f, "low_a", x->low);
    fc_check_add_num(&f, "high_a", x->high);
    fc_check_add_num(&f, "low_b", y->low);
    fc_check_add_num(&f, "high_b", y->high);
    if (tol > 0)
        fc_check_add_num(&f, "tolerance", tol);
    fc_strbuf sb = {0};
    fc_sb_printf(&sb, "Sources disagree on %s: ", measure_name(g, x));
    fc_check_describe(&sb, doc_of(g, x), x);
    fc_sb_puts(&sb, ", but ");
    fc_check_describe(&sb, doc_of(g, y), y);
    if (tol > 0)
        fc_sb_printf(&sb, "; even with %g%% tolerance each way, the ranges do not overlap (gap ",
                     100 * tol);
    else
        fc_sb_puts(&sb, "; the ranges do not overlap (gap ");
    fc_sb_number(&sb, gap);
    if (scale > 0)
        fc_sb_printf(&sb, ", %.1f%% of the larger figure", 100 * gap / scale);
    fc_sb_puts(&sb, ").");
    f.message = fc_sb_take(&sb);
    return fc_check_push(out, g->claims, &f);
}

/* Whether two intervals overlap once each is widened by tol times its value
 * (the rules' tolerance for this check; 0 compares the intervals as worded). */
static bool overlap(const fc_claim *x, const fc_claim *y, double tol)
{
    double xl = x->low - tol * fabs(x->value), xh = x->high + tol * fabs(x->value);
    double yl = y->low - tol * fabs(y->value), yh = y->high + tol * fabs(y->value);
    return xh >= yl && yh >= xl;
}

/* A representative point of a claim's interval, for the median and MAD. */
static double point_of(const fc_claim *c)
{
    if (isfinite(c->low) && isfinite(c->high))
        return (c->low + c->high) / 2;
    return c->value;
}

/* With agreement (or with three or more documents), one finding sums the group up. */
static fc_status summary(const group *g, const size_t *members, size_t n, size_t nconflicts,
                         double tol, fc_findings *out)
{
    fc_finding f = {.check = "cross_source", .severity = FC_SEV_INFO};
    double *pts = malloc(n * sizeof *pts), *work = malloc(n * sizeof *work);
    if (!pts || !work || !(f.claims = malloc(n * sizeof *f.claims))) {
        free(pts);
        free(work);
        free(f.claims);
        return FC_ENOMEM;
    }
    double lo = -INFINITY, hi = INFINITY;
    for (size_t k = 0; k < n; k++) {
        const fc_claim *c = claim(g, members[k]);
        f.claims[k] = g->idx[members[k]];
        pts[k] = point_of(c);
        /* Each interval widened by the check's tolerance, as the comparison was. */
        lo = fmax(lo, c->low - tol * fabs(c->value));
        hi = fmin(hi, c->high + tol * fabs(c->value));
    }
    f.nclaims = n;
    gsl_sort(pts, 1, n);
    double median = gsl_stats_median_from_sorted_data(pts, 1, n);
    /* gsl_stats_mad0 is the raw median absolute deviation; 1.4826 times it
     * estimates the standard deviation for normal data (gsl_stats_mad). */
    double mad = n >= 3 ? gsl_stats_mad0(pts, 1, n, work) : NAN;
    fc_check_add_num(&f, "sources", (double)n);
    fc_check_add_num(&f, "median", median);
    if (n >= 3) {
        fc_check_add_num(&f, "mad", mad);
        fc_check_add_num(&f, "scaled_mad", 1.4826 * mad);
    }
    fc_strbuf sb = {0};
    const fc_claim *first = claim(g, members[0]);
    if (nconflicts == 0) {
        fc_check_add_num(&f, "common_low", lo);
        fc_check_add_num(&f, "common_high", hi);
        fc_sb_printf(&sb, "%zu sources agree on %s: their ranges overlap in [", n,
                     measure_name(g, first));
        fc_sb_number(&sb, lo);
        fc_sb_puts(&sb, ", ");
        if (isinf(hi))
            fc_sb_puts(&sb, "no upper bound");
        else
            fc_sb_number(&sb, hi);
        fc_sb_puts(&sb, "]");
        if (tol > 0)
            fc_sb_printf(&sb, " (each widened by the %g%% tolerance)", 100 * tol);
        fc_sb_puts(&sb, ".");
    } else {
        fc_sb_printf(&sb, "%zu sources on %s: median ", n, measure_name(g, first));
        fc_sb_number(&sb, median);
        if (n < 3) { /* two points have no MAD to speak of (it was printed as "nan") */
            fc_sb_puts(&sb, ".");
        } else {
            fc_sb_puts(&sb, ", median absolute deviation ");
            fc_sb_number(&sb, mad);
            size_t outliers = 0;
            /* The usual outlier fence: 3 scaled MADs from the median. */
            for (size_t k = 0; k < n && mad > 0; k++)
                outliers += fabs(point_of(claim(g, members[k])) - median) > 3 * 1.4826 * mad;
            fc_check_add_num(&f, "outliers", (double)outliers);
            fc_sb_printf(&sb, "; %zu outlier%s beyond 3 scaled MADs.", outliers,
                         outliers == 1 ? "" : "s");
        }
    }
    free(pts);
    free(work);
    f.message = fc_sb_take(&sb);
    return fc_check_push(out, g->claims, &f);
}

/* A claim away from the consensus of a large cluster (more sources than are
 * worth comparing pair by pair): its interval misses the median of the others. */
static fc_status off_consensus(const group *g, size_t a, double median, size_t n, fc_severity sev,
                               double tol, fc_findings *out)
{
    const fc_claim *x = claim(g, a);
    double gap = x->low > median ? x->low - median : median - x->high;
    fc_finding f = {.check = "cross_source", .severity = sev};
    if (!(f.claims = malloc(sizeof *f.claims)))
        return FC_ENOMEM;
    f.claims[0] = g->idx[a];
    f.nclaims = 1;
    fc_check_add_num(&f, "median", median);
    fc_check_add_num(&f, "sources", (double)n);
    fc_check_add_num(&f, "gap", gap);
    if (tol > 0)
        fc_check_add_num(&f, "tolerance", tol);
    fc_strbuf sb = {0};
    fc_check_describe(&sb, doc_of(g, x), x);
    fc_sb_printf(&sb, ", away from the %zu sources on %s (median ", n, measure_name(g, x));
    fc_sb_number(&sb, median);
    fc_sb_puts(&sb, "; gap ");
    fc_sb_number(&sb, gap);
    fc_sb_puts(&sb, ").");
    f.message = fc_sb_take(&sb);
    return fc_check_push(out, g->claims, &f);
}

typedef struct member {
    size_t k;
    long lo;
} member;

static int by_lo(const void *pa, const void *pb)
{
    const member *a = pa, *b = pb;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    return a->k < b->k ? -1 : a->k > b->k;
}

static int by_size(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return a < b ? -1 : a > b;
}

/* Clusters the group: each cluster holds the claims comparable with its first
 * claim (claims are visited by the first month they can be about, so the scan
 * for a cluster stops at the first claim that starts after it). Up to
 * PAIRWISE_MAX documents, every pair from different documents is compared;
 * beyond, each claim is compared with the median of the cluster. */
#define PAIRWISE_MAX 16

static fc_status cross_source(const fc_rules *r, const group *g, fc_findings *out)
{
    size_t *members = malloc(g->n * sizeof *members), *docs = malloc(g->n * sizeof *docs);
    member *order = malloc(g->n * sizeof *order);
    when *whens = malloc(g->n * sizeof *whens); /* each claim's period, worked out once */
    bool *used = calloc(g->n, sizeof *used);
    double *pts = malloc(g->n * sizeof *pts);
    fc_status st = members && docs && order && used && pts && whens ? FC_OK : FC_ENOMEM;
    for (size_t k = 0; st == FC_OK && k < g->n; k++) {
        whens[k] = when_of(g, claim(g, k));
        order[k] = (member){k, whens[k].known ? whens[k].lo : LONG_MIN};
    }
    if (st == FC_OK)
        qsort(order, g->n, sizeof *order, by_lo);
    double tol = r->cross_source.tolerance;
    for (size_t p0 = 0; st == FC_OK && p0 < g->n; p0++) {
        size_t k0 = order[p0].k;
        if (used[k0])
            continue;
        when w0 = whens[k0];
        size_t n = 0, ndocs = 0, nconflicts = 0;
        for (size_t p = p0; p < g->n; p++) {
            size_t k = order[p].k;
            if (w0.known && order[p].lo != LONG_MIN && order[p].lo > w0.hi)
                break;
            if (used[k] || !comparable_when(claim(g, k0), w0, claim(g, k), whens[k]))
                continue;
            used[k] = true;
            docs[n] = claim(g, k)->doc;
            members[n++] = k;
        }
        qsort(docs, n, sizeof *docs, by_size);
        for (size_t m = 0; m < n; m++)
            ndocs += m == 0 || docs[m] != docs[m - 1];
        if (ndocs < 2)
            continue;
        if (ndocs <= PAIRWISE_MAX) {
            for (size_t a = 0; st == FC_OK && a < n; a++)
                for (size_t b = a + 1; st == FC_OK && b < n; b++) {
                    const fc_claim *x = claim(g, members[a]), *y = claim(g, members[b]);
                    if (x->doc == y->doc ||
                        !comparable_when(x, whens[members[a]], y, whens[members[b]]) ||
                        overlap(x, y, tol))
                        continue;
                    nconflicts++;
                    st = conflict(g, members[a], members[b], r->cross_source.severity, tol, out);
                }
        } else {
            for (size_t m = 0; m < n; m++)
                pts[m] = point_of(claim(g, members[m]));
            gsl_sort(pts, 1, n);
            double median = gsl_stats_median_from_sorted_data(pts, 1, n);
            for (size_t m = 0; st == FC_OK && m < n; m++) {
                const fc_claim *x = claim(g, members[m]);
                if (x->low - tol * fabs(x->value) <= median &&
                    x->high + tol * fabs(x->value) >= median)
                    continue;
                nconflicts++;
                st =
                    off_consensus(g, members[m], median, ndocs, r->cross_source.severity, tol, out);
            }
        }
        if (st == FC_OK)
            st = summary(g, members, n, nconflicts, tol, out);
    }
    free(members);
    free(docs);
    free(order);
    free(used);
    free(pts);
    free(whens);
    return st;
}

/* ---- grouping and running ---------------------------------------------------- */

static int by_severity(const void *pa, const void *pb)
{
    const fc_finding *a = pa, *b = pb;
    if (a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    int c = strcmp(a->check, b->check);
    if (c)
        return c;
    size_t ca = a->nclaims ? a->claims[0] : 0, cb = b->nclaims ? b->claims[0] : 0;
    if (ca != cb)
        return ca < cb ? -1 : 1;
    return strcmp(a->id, b->id);
}

static const fc_measure *measure_named(const fc_rules *r, const char *key)
{
    for (size_t i = 0; i < r->nmeasures; i++)
        if (strcmp(r->measures[i].key, key) == 0)
            return &r->measures[i];
    return NULL;
}

void fc_check_measure_range(const fc_check_ctx *x, const char *key, size_t *from, size_t *to)
{
    size_t lo = 0, hi = x->nby_measure;
    while (lo < hi) { /* first claim with measure >= key */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(x->claims->items[x->by_measure[mid]].measure, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *from = lo;
    while (lo < x->nby_measure && strcmp(x->claims->items[x->by_measure[lo]].measure, key) == 0)
        lo++;
    *to = lo;
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

/* Claim indices ordered by document and position, with each document's range. */
static fc_status index_docs(const fc_claims *claims, size_t ndocs, size_t **by_doc,
                            size_t **doc_from, size_t **pos)
{
    size_t n = claims->n;
    doc_key *keys = malloc((n ? n : 1) * sizeof *keys);
    *by_doc = malloc((n ? n : 1) * sizeof **by_doc);
    *doc_from = calloc(ndocs + 2, sizeof **doc_from);
    *pos = malloc((n ? n : 1) * sizeof **pos);
    if (!keys || !*by_doc || !*doc_from || !*pos) {
        free(keys);
        return FC_ENOMEM;
    }
    bool sorted = true;
    for (size_t i = 0; i < n; i++) {
        keys[i] = (doc_key){claims->items[i].doc, claims->items[i].start, i};
        sorted = sorted && (i == 0 || by_doc_start(&keys[i - 1], &keys[i]) <= 0);
    }
    if (!sorted) /* the corpus extracts in order; other callers may not */
        qsort(keys, n, sizeof *keys, by_doc_start);
    for (size_t i = 0; i < n; i++) {
        (*by_doc)[i] = keys[i].idx;
        (*pos)[keys[i].idx] = i;
        if (keys[i].doc < ndocs)
            (*doc_from)[keys[i].doc + 1]++;
    }
    for (size_t d = 1; d <= ndocs; d++)
        (*doc_from)[d] += (*doc_from)[d - 1];
    free(keys);
    return FC_OK;
}

fc_status fc_check_run(const fc_rules *rules, const fc_claims *claims, const fc_doc *const *docs,
                       size_t ndocs, fc_findings *out)
{
    size_t n, first = out->n, *idx;
    fc_status st = fc_claims_by_measure(claims, &idx, &n);
    if (st != FC_OK)
        return st;
    for (size_t a = 0, b; st == FC_OK && a < n; a = b) {
        const char *key = claims->items[idx[a]].measure;
        for (b = a + 1; b < n && strcmp(claims->items[idx[b]].measure, key) == 0; b++)
            ;
        group g = {claims, docs, ndocs, idx + a, b - a, measure_named(rules, key)};
        if (rules->cross_source.enabled)
            st = cross_source(rules, &g, out);
    }
    size_t *by_doc = NULL, *doc_from = NULL, *pos = NULL;
    if (st == FC_OK)
        st = index_docs(claims, ndocs, &by_doc, &doc_from, &pos);
    fc_check_ctx x = {rules, claims, docs, ndocs, out, by_doc, doc_from, idx, n, pos};
    if (st == FC_OK && rules->percent_points)
        st = fc_check_percent_points(&x);
    if (st == FC_OK && rules->polls)
        st = fc_check_polls(&x);
    if (st == FC_OK && rules->targets)
        st = fc_check_targets(&x);
    if (st == FC_OK && rules->shares)
        st = fc_check_shares(&x);
    if (st == FC_OK && rules->shares)
        st = fc_check_part_sums(&x);
    if (st == FC_OK && rules->targets)
        st = fc_check_multiples(&x);
    if (st == FC_OK && rules->rate_totals)
        st = fc_check_rates(&x);
    if (st == FC_OK && rules->dates && rules->nevents)
        st = fc_check_dates(&x);
    if (st == FC_OK && rules->reference && rules->ndatasets)
        st = fc_check_reference(&x);
    free(idx);
    free(by_doc);
    free(doc_from);
    free(pos);
    if (out->n > first)
        qsort(out->items + first, out->n - first, sizeof *out->items, by_severity);
    return st;
}
