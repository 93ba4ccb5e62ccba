/* check_cross_source.c - figures for the same thing from different documents.
 *
 * Within a group (group.h), claims are split by modality (targets and
 * projections are not compared with actual figures) and by period (a stated
 * period is compared only with the same period; a figure with none with figures
 * of the same week: fc_check_same_period). Rates are compared per day ("20 a
 * day" is 7,305 a year).
 *
 * Up to PAIRWISE_MAX documents in a cluster, each pair of documents is compared
 * claim by claim: every claim is matched with the most similar claim of the
 * other document (fc_groups_similarity), and only pairs that are each other's
 * best match are compared, so a document that gives several figures of one kind
 * ("1,200 in shelters, 300 in hotels") pairs each with its counterpart and the
 * findings grow with the claims, not with their square. Two claims agree when
 * the intervals their wording implies overlap (widened by the rules' tolerance);
 * a conflict states the gap and says which side a reference figure or the other
 * sources support, when any does. Two poll percentages (different documents)
 * are estimates with sampling error: they conflict only when the two-proportion
 * test on their samples (as stated, else the rules' usual ones) puts the gap
 * beyond it (p < 0.05). Beyond PAIRWISE_MAX documents, each claim is compared
 * with the median of the cluster instead.
 *
 * A summary per cluster gives the sources, the median and, with three or more,
 * the median absolute deviation (GSL) and the outliers. Repeats count once in
 * these statistics: claims with the same source and the same figure. The same
 * sentence in several documents (syndicated copy, near-identical sentences too)
 * is one claim before any check runs (copies.h): only its first appearance is in
 * a cluster.
 */
#include <gsl/gsl_sort.h>
#include <ctype.h>
#include <strings.h>
#include <gsl/gsl_statistics_double.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check_internal.h"
#include "check_poll.h"
#include "check_target.h"
#include "rules_internal.h"
#include "stats.h"

#define PAIRWISE_MAX 16

/* A claim's interval in per-day terms when it is a rate, so that rates in
 * different units compare; widened by tol times its value. */
typedef struct span {
    double lo, hi, point, value;
} span;

static span span_of(const fc_claim *c, double tol)
{
    double f = c->per ? 1 / fc_check_per_days(c->per) : 1;
    span s = {c->low * f, c->high * f, 0, c->value * f};
    s.lo -= tol * fabs(s.value);
    s.hi += tol * fabs(s.value);
    s.point = isfinite(c->low) && isfinite(c->high) ? (c->low + c->high) / 2 * f : s.value;
    return s;
}

static bool overlap(const fc_claim *x, const fc_claim *y, double tol)
{
    span a = span_of(x, tol), b = span_of(y, tol);
    return a.hi >= b.lo && b.hi >= a.lo;
}

/* The unit a whole figure of 1,000 or more may be rounded to, its trailing
 * zeros read as rounding: the largest power of ten from 100 that divides it,
 * not the other figure, and leaves two significant digits; 1 when none. */
static double zeros_unit(double v, double other)
{
    double u = 1;
    if (v < 1000 || v != floor(v))
        return u;
    for (double p = 100; v / p >= 10 && fmod(v, p) == 0; p *= 10)
        if (fmod(other, p) != 0)
            u = p;
    return u;
}

/* Whether two figures written to different precision agree once the coarser
 * one's rounding is allowed for ("44%" and "44.1%"; "1.2 million" and
 * "1,230,000"). Figures written alike ("212", "213") get no such slack. */
static bool rounded_alike(const fc_check_ctx *x, size_t a, size_t b)
{
    const fc_claim *ca = fc_check_claim(x, a), *cb = fc_check_claim(x, b);
    double pa = fc_check_precision(x, ca), pb = fc_check_precision(x, cb);
    /* A whole number of thousands written with zeros ("14,200 acres", "184,000
     * customers") may be rounded at its last non-zero digit, kept to two
     * significant digits or more: against "14,230" and "184,300" it is the same
     * figure ("3,000" against "3,400" is not). */
    if (pa == 1)
        pa = zeros_unit(ca->value, cb->value);
    if (pb == 1)
        pb = zeros_unit(cb->value, ca->value);
    double coarse = pa > pb ? pa : pb, fine = pa > pb ? pb : pa;
    double fa = ca->per ? 1 / fc_check_per_days(ca->per) : 1;
    double fb = cb->per ? 1 / fc_check_per_days(cb->per) : 1;
    if (coarse <= fine || ca->per != cb->per)
        return false;
    return fabs(ca->value * fa - cb->value * fb) <= coarse / 2 + 1e-9;
}

/* Targets and projections are compared among themselves, the rest together. */
static int modality_class(const fc_claim *c)
{
    return c->modality == FC_MOD_TARGET || c->modality == FC_MOD_PROJECTION;
}

/* A hash of the claim's source (its attribution, lowercased); 0: the outlet's own. */
static unsigned long voice_of(const fc_claim *c)
{
    if (!c->attribution)
        return 0;
    unsigned long h = 2166136261u;
    for (const char *p = c->attribution; *p; p++)
        h = (h ^ (unsigned char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p)) * 16777619u;
    return h | 1;
}

/* ---- who is right ---------------------------------------------------------- */

/* Whether a reference row of the claim's rule measure and period agrees with it
 * (its interval meets the row's); sets *row to the agreeing row. */
static bool reference_agrees(const fc_check_ctx *x, const fc_claim *c, const fc_ref_row **row)
{
    const fc_dataset *set = &x->rules->refs;
    if (!c->measure || !set->n)
        return false;
    fc_when w = fc_check_when(x, c);
    for (size_t i = 0; i < set->n; i++) {
        const fc_ref_row *r = &set->rows[i];
        long lo, hi, elo, ehi;
        int g;
        if (strcmp(r->measure, c->measure) != 0 || isnan(r->low) ||
            !fc_check_period_days(r->period_start, &lo, &hi, &g))
            continue;
        if (r->period_end[0] && fc_check_period_days(r->period_end, &elo, &ehi, &g))
            hi = ehi;
        if (w.stated && (hi < w.lo || lo > w.hi))
            continue;
        if (c->low <= r->high && r->low <= c->high) {
            *row = r;
            return true;
        }
    }
    return false;
}

/* Whether claim k, an actual figure, repeats a target of its group while the
 * other actual figures are far lower: target_as_actual reports it. */
/* The run's targets by value, so that a figure's look-up costs the targets near
 * its value only; and room for a target's actual figures. */
typedef struct echoes {
    size_t *targets; /* claim indices of targets, by value */
    size_t n;
    size_t *scratch;
    bool *done;    /* per entry of targets: its echoes are known */
    bool *is_echo; /* per claim: it repeats a target (computed target by target) */
    const fc_claim **samples; /* per document: its poll's stated sample (NULL: none) */
} echoes;

typedef struct valued {
    double value;
    size_t k;
} valued;

static int by_value_then_index(const void *pa, const void *pb)
{
    const valued *a = pa, *b = pb;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return a->k < b->k ? -1 : a->k > b->k;
}

static bool target_echo(const fc_check_ctx *x, size_t k, echoes *e)
{
    const fc_claim *c = fc_check_claim(x, k);
    if (modality_class(c) || !e->n)
        return false;
    /* Targets t with |t - v| <= 5% of t: t from v / 1.05 to v / 0.95. */
    double lo = c->value / 1.05, hi = c->value / 0.95;
    size_t a = 0, b = e->n;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (fc_check_claim(x, e->targets[mid])->value < lo)
            a = mid + 1;
        else
            b = mid;
    }
    for (size_t j = a; j < e->n && fc_check_claim(x, e->targets[j])->value <= hi; j++) {
        if (e->done[j])
            continue;
        /* Each target once: which of its actual figures repeat it. */
        size_t t = e->targets[j];
        double mean;
        size_t n = fc_check_actuals(x, t, e->scratch);
        for (size_t i = 0; i < n; i++)
            if (fc_check_target_echo(x, t, e->scratch[i], e->scratch, n, &mean, NULL))
                e->is_echo[e->scratch[i]] = true;
        e->done[j] = true;
    }
    return e->is_echo[k];
}

/* ---- polls ---------------------------------------------------------------------- */

/* Two poll shares are estimates, each with its sampling error: they differ only
 * beyond it. For two poll percentages of different documents, the two-sided p
 * value of the two-proportion test on their samples (each as stated, else the
 * rules' usual or default sample: fc_check_poll_n); NaN when they are no such
 * pair or a sample is unknown. */
typedef struct poll_pair {
    double p, n_a, n_b;
    const char *how_a, *how_b;
} poll_pair;

static bool poll_pair_of(const fc_check_ctx *x, size_t a, size_t b, const echoes *e, poll_pair *pp)
{
    const fc_claim *p = fc_check_claim(x, a), *q = fc_check_claim(x, b);
    if (p->modality != FC_MOD_POLL || q->modality != FC_MOD_POLL || p->unit != FC_UNIT_PERCENT ||
        q->unit != FC_UNIT_PERCENT || p->doc == q->doc || !(p->value >= 0 && p->value <= 100) ||
        !(q->value >= 0 && q->value <= 100) || p->doc >= x->ndocs || q->doc >= x->ndocs)
        return false;
    const char *who;
    pp->n_a = fc_check_poll_n(x, p, e->samples[p->doc], &pp->how_a, &who);
    pp->n_b = fc_check_poll_n(x, q, e->samples[q->doc], &pp->how_b, &who);
    fc_two_prop t;
    if (isnan(pp->n_a) || isnan(pp->n_b) ||
        !fc_stats_two_prop(p->value / 100, pp->n_a, q->value / 100, pp->n_b, 0.95, &t))
        return false;
    pp->p = t.p_value;
    return true;
}

/* ---- findings ---------------------------------------------------------------- */

/* A disagreement between two claims of different documents, with the test of
 * their samples when both are poll estimates. */
typedef struct disagreement {
    size_t a, b;
    bool poll;
    poll_pair pp;
} disagreement;

static bool in_list(const size_t *list, size_t n, size_t k)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == k)
            return true;
    return false;
}

/* One side of a dispute: "WHRL-TV says more than 260,000", or "3 figures:
 * Harlan Daily Ledger, citing company, says 184,300; Central Wire ...". */
static void describe_side(fc_strbuf *sb, const fc_check_ctx *x, const size_t *side, size_t n)
{
    if (n > 1)
        fc_sb_printf(sb, "%zu figures: ", n);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            fc_sb_puts(sb, "; ");
        const fc_claim *c = fc_check_claim(x, side[i]);
        fc_check_describe(sb, fc_check_doc(x, c), c);
    }
}

/* Whether a position in a finding's claims fits its agrees and disagrees. */
static bool i_fits(size_t n)
{
    return n <= UCHAR_MAX;
}

/* The sides of a dispute of nd disagreements: side[1] the claims set against
 * the claim in the most disagreements (the first such), side[0] that claim and
 * the rest. Whether it has two sides: every disagreement crosses them, and one
 * side's figures all lie below the other's. */
static bool split_sides(const fc_check_ctx *x, const disagreement *d, size_t nd, size_t *side[2],
                        size_t ns[2])
{
    size_t hub = d[0].a, most = 0;
    for (size_t i = 0; i < nd; i++)
        for (int e = 0; e < 2; e++) {
            size_t k = e ? d[i].b : d[i].a, deg = 0;
            for (size_t j = 0; j < nd; j++)
                deg += d[j].a == k || d[j].b == k;
            if (deg > most) {
                most = deg;
                hub = k;
            }
        }
    ns[0] = ns[1] = 0;
    for (size_t i = 0; i < nd; i++)
        for (int e = 0; e < 2; e++) {
            size_t k = e ? d[i].b : d[i].a;
            if (in_list(side[0], ns[0], k) || in_list(side[1], ns[1], k))
                continue;
            bool against = false;
            for (size_t j = 0; j < nd && !against; j++)
                against = (d[j].a == hub && d[j].b == k) || (d[j].b == hub && d[j].a == k);
            side[against][ns[against]++] = k;
        }
    for (size_t i = 0; i < nd; i++)
        if (in_list(side[0], ns[0], d[i].a) == in_list(side[0], ns[0], d[i].b))
            return false;
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < ns[s]; i++) {
            double v = span_of(fc_check_claim(x, side[s][i]), 0).point;
            lo[s] = fmin(lo[s], v);
            hi[s] = fmax(hi[s], v);
        }
    return hi[0] < lo[1] || hi[1] < lo[0];
}

/* One dispute: the disagreements d[0..nd) of a cluster, linked by the claims
 * they share; one finding, not one a pair (when three outlets give 184,000 and
 * a fourth 260,000, the fourth is set against the three at once). With two
 * sides, the finding sets the smaller against the larger; with more, it lists
 * the figures from the lowest. The numbers (gap, ranges, poll test, why
 * compared) are those of the closest pair that disagrees. */
static fc_status conflict(const fc_check_ctx *x, const disagreement *d, size_t nd,
                          const size_t *cluster, size_t n, fc_findings *out)
{
    double tol = x->rules->cross_source.tolerance;
    fc_finding f;
    fc_status st = fc_check_start(&f, "cross_source", x->rules->cross_source.severity, 2 * nd);
    if (st != FC_OK)
        return st;
    size_t *tmp = malloc(4 * nd * sizeof *tmp);
    valued *by_value = malloc(2 * nd * sizeof *by_value);
    if (!tmp || !by_value) {
        free(tmp);
        free(by_value);
        free(f.claims);
        return FC_ENOMEM;
    }
    size_t *side[2] = {tmp, tmp + 2 * nd}, ns[2];
    bool two = split_sides(x, d, nd, side, ns);
    /* The closest pair that disagrees. */
    size_t best = 0;
    double best_gap = INFINITY;
    for (size_t i = 0; i < nd; i++) {
        span s1 = span_of(fc_check_claim(x, d[i].a), 0), s2 = span_of(fc_check_claim(x, d[i].b), 0);
        double g = fmax(s1.lo - s2.hi, s2.lo - s1.hi),
               sc = fmax(fmax(fabs(s1.value), fabs(s2.value)), 1e-300);
        if (g / sc < best_gap) {
            best_gap = g / sc;
            best = i;
        }
    }
    size_t a = d[best].a, b = d[best].b;
    const poll_pair *poll = d[best].poll ? &d[best].pp : NULL;
    const fc_claim *p = fc_check_claim(x, a), *q = fc_check_claim(x, b);
    if (span_of(p, 0).lo > span_of(q, 0).hi) { /* order so that p lies below q */
        const fc_claim *t = p;
        p = q;
        q = t;
        size_t ti = a;
        a = b;
        b = ti;
    }
    /* The claims in the order the message gives them. */
    size_t first = 0, nfirst = 0; /* two sides: the side given first, and its size */
    if (two) {
        size_t low = in_list(side[0], ns[0], a) ? 0 : 1;
        first = ns[1 - low] < ns[low] ? 1 - low : low;
        nfirst = ns[first];
        for (size_t i = 0; i < ns[first]; i++)
            f.claims[f.nclaims++] = side[first][i];
        for (size_t i = 0; i < ns[1 - first]; i++)
            f.claims[f.nclaims++] = side[1 - first][i];
    } else {
        for (int s = 0; s < 2; s++)
            for (size_t i = 0; i < ns[s]; i++) {
                size_t k = side[s][i];
                by_value[f.nclaims++] = (valued){span_of(fc_check_claim(x, k), 0).point, k};
            }
        qsort(by_value, f.nclaims, sizeof *by_value, by_value_then_index);
        for (size_t i = 0; i < f.nclaims; i++)
            f.claims[i] = by_value[i].k;
    }
    size_t pos_p = 0, pos_q = 0;
    for (size_t i = 0; i < f.nclaims; i++) {
        pos_p = f.claims[i] == a ? i + 1 : pos_p;
        pos_q = f.claims[i] == b ? i + 1 : pos_q;
    }
    span sp = span_of(p, 0), sq = span_of(q, 0);
    double gap = sq.lo - sp.hi, scale = fmax(fabs(sp.value), fabs(sq.value));
    bool rate = p->per || q->per;
    fc_per per = p->per ? p->per : q->per;
    if (rate && p->per == q->per) { /* the same unit: state the gap in it */
        gap *= fc_check_per_days(per);
    }
    fc_check_add_num(&f, "gap", gap);
    if (scale > 0)
        fc_check_add_num(&f, "relative_gap", (sq.lo - sp.hi) / scale);
    fc_check_add_num(&f, "low_a", p->low);
    fc_check_add_num(&f, "high_a", p->high);
    fc_check_add_num(&f, "low_b", q->low);
    fc_check_add_num(&f, "high_b", q->high);
    if (tol > 0)
        fc_check_add_num(&f, "tolerance", tol);
    double sim = fc_groups_similarity(x->groups, x->claims, a, b);
    if (!p->measure)
        fc_check_add_num(&f, "similarity", sim);
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "Sources disagree on ");
    fc_check_group_name(&sb, x, a);
    fc_sb_puts(&sb, ": ");
    if (nd == 1) {
        fc_check_describe(&sb, fc_check_doc(x, p), p);
        fc_sb_puts(&sb, ", but ");
        fc_check_describe(&sb, fc_check_doc(x, q), q);
    } else if (two) {
        describe_side(&sb, x, f.claims, nfirst);
        fc_sb_puts(&sb, ", against ");
        describe_side(&sb, x, f.claims + nfirst, f.nclaims - nfirst);
    } else {
        fc_sb_printf(&sb, "%zu figures that do not all agree: ", f.nclaims);
        for (size_t i = 0; i < f.nclaims; i++) {
            const fc_claim *c = fc_check_claim(x, f.claims[i]);
            fc_sb_puts(&sb, i ? "; " : "");
            fc_check_describe(&sb, fc_check_doc(x, c), c);
        }
    }
    if (rate && p->per != q->per) {
        fc_sb_puts(&sb, nd == 1 ? " (per day: " : " (the closest per day: ");
        fc_sb_number(&sb, sp.value);
        fc_sb_puts(&sb, " against ");
        fc_sb_number(&sb, sq.value);
        fc_sb_puts(&sb, ")");
    }
    const char *ranges = nd == 1 ? "the ranges do not overlap (gap "
                                 : "the closest ranges do not overlap (gap ";
    if (tol > 0)
        fc_sb_printf(&sb, "%s %g%% tolerance each way, %s", nd == 1 ? "; even with" : ". Even with",
                     100 * tol, ranges);
    else
        fc_sb_printf(&sb, "%s%s", nd == 1 ? "; " : ". The closest", nd == 1 ? ranges : ranges + 11);
    fc_sb_number(&sb, gap);
    if (rate && p->per != q->per)
        fc_sb_puts(&sb, " a day");
    if (scale > 0)
        fc_sb_printf(&sb, ", %.1f%% of the larger figure", 100 * (sq.lo - sp.hi) / scale);
    fc_sb_puts(&sb, "). ");
    if (poll) {
        fc_check_add_num(&f, "p", poll->p);
        fc_sb_puts(&sb, "Both are poll estimates, and they differ beyond their sampling error "
                        "(two-proportion test ");
        fc_check_sb_p(&sb, poll->p);
        fc_sb_puts(&sb, ", n=");
        fc_sb_number(&sb, poll->n_a);
        fc_sb_printf(&sb, " %s and n=", poll->how_a);
        fc_sb_number(&sb, poll->n_b);
        fc_sb_printf(&sb, " %s, independent random samples). ", poll->how_b);
    }
    /* Who is right: a reference figure, else the other sources. */
    const fc_ref_row *row = NULL;
    size_t backed = 0; /* its position, from 1 */
    for (size_t i = 0; i < f.nclaims && !backed; i++)
        if (reference_agrees(x, fc_check_claim(x, f.claims[i]), &row))
            backed = i + 1;
    if (backed) {
        /* (several disagreements: every figure the reference holds is named) */
        size_t nbacked = 1;
        const fc_ref_row *also;
        for (size_t i = backed; nd > 1 && i < f.nclaims; i++)
            nbacked += reference_agrees(x, fc_check_claim(x, f.claims[i]), &also) && also == row;
        fc_sb_puts(&sb, nbacked > 1 ? "The figures of " : "");
        for (size_t i = backed - 1, named = 0; named < nbacked; i++) {
            const fc_claim *c = fc_check_claim(x, f.claims[i]);
            if (i >= backed && !(reference_agrees(x, c, &also) && also == row))
                continue;
            fc_sb_puts(&sb, named == 0 ? "" : named + 1 == nbacked ? " and " : ", ");
            fc_sb_puts(&sb, fc_check_outlet(x, c));
            named++;
        }
        fc_sb_printf(&sb, "%s the reference figure (%s",
                     nbacked > 1 ? " agree with" : "'s figure agrees with", row->publisher);
        if (row->published[0])
            fc_sb_printf(&sb, ", %s", row->published);
        fc_sb_puts(&sb, f.nclaims - nbacked > 1 ? "); the others do not." : "); the other does not.");
        /* the side that disagrees: the closest claim set against it */
        size_t against = 0;
        for (size_t i = 0; i < nd && !against; i++)
            if (d[i].a == f.claims[backed - 1] || d[i].b == f.claims[backed - 1]) {
                size_t other = d[i].a == f.claims[backed - 1] ? d[i].b : d[i].a;
                for (size_t j = 0; j < f.nclaims; j++)
                    against = f.claims[j] == other ? j + 1 : against;
            }
        if (i_fits(f.nclaims) && against) {
            f.agrees = (unsigned char)backed;
            f.disagrees = (unsigned char)against;
        }
        fc_strbuf src = {0};
        fc_sb_printf(&src, "%s [%s]", row->publisher, row->key);
        f.source = fc_sb_take(&src);
    } else if (nd == 1 || two) {
        /* the claims of the other sources, and (several disagreements) of the
         * sides' own sources, with one side and not the other */
        size_t low_n = nd == 1 ? 1 : pos_p <= nfirst ? nfirst : f.nclaims - nfirst;
        size_t low_from = nd == 1 || pos_p <= nfirst ? 0 : nfirst;
        size_t for_p = 0, for_q = 0;
        for (size_t m = 0; m < n; m++) {
            const fc_claim *o = fc_check_claim(x, cluster[m]);
            bool party = false, with_p = false, with_q = false;
            for (size_t i = 0; i < f.nclaims; i++) {
                const fc_claim *c = fc_check_claim(x, f.claims[i]);
                party = party || o->doc == c->doc;
                if (i >= low_from && i < low_from + low_n)
                    with_p = with_p || overlap(o, c, tol);
                else
                    with_q = with_q || overlap(o, c, tol);
            }
            if (party)
                continue;
            for_p += with_p && !with_q;
            for_q += with_q && !with_p;
        }
        fc_check_add_num(&f, "others_for_a", (double)for_p);
        fc_check_add_num(&f, "others_for_b", (double)for_q);
        for (size_t i = 0; nd > 1 && i < f.nclaims; i++) {
            size_t doc = fc_check_claim(x, f.claims[i])->doc;
            bool seen = false;
            for (size_t j = 0; j < i && !seen; j++)
                seen = fc_check_claim(x, f.claims[j])->doc == doc;
            if (!seen)
                *(i >= low_from && i < low_from + low_n ? &for_p : &for_q) += 1;
        }
        if (for_p != for_q && i_fits(f.nclaims)) {
            f.agrees = (unsigned char)(for_p > for_q ? pos_p : pos_q);
            f.disagrees = (unsigned char)(for_p > for_q ? pos_q : pos_p);
        }
        if (for_p != for_q)
            fc_sb_printf(&sb,
                         nd == 1 ? "Other sources side with %s (%zu to %zu); no reference figure."
                                 : "Most sources side with %s (%zu to %zu); no reference figure.",
                         fc_check_outlet(x, for_p > for_q ? p : q), for_p > for_q ? for_p : for_q,
                         for_p > for_q ? for_q : for_p);
        else
            fc_sb_puts(&sb, "No reference figure or other source settles which is right yet.");
    } else {
        fc_sb_puts(&sb, "No reference figure settles which is right yet.");
    }
    if (!p->measure || !q->measure) {
        fc_sb_puts(&sb, " Compared because both speak of ");
        fc_groups_explain(x->groups, x->claims, a, b, &sb);
        fc_sb_puts(&sb, ".");
    }
    free(tmp);
    free(by_value);
    f.message = fc_sb_take(&sb);
    return fc_check_push(out, x->claims, &f);
}

/* The distinct figures of a cluster: repeats of one originating figure once. */
typedef struct repeat {
    unsigned long key;
    double value;
    size_t i;
} repeat;

static int by_repeat(const void *pa, const void *pb)
{
    const repeat *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static unsigned long attribution_key(const fc_claim *c)
{
    unsigned long h = voice_of(c);
    for (const double *v = &c->low; h && v <= &c->high; v++) /* the interval too */
        h = fc_hash(v, sizeof *v, h);
    return h;
}

/* The points of the distinct figures of a cluster: a claim repeating one before
 * it (the same source and figure) counts once. The same sentence in several
 * documents (syndicated copy) never reaches a cluster twice: its copies are not
 * in the groups (fc_copies_find).
 * By sorting, so that a large cluster costs n log n. */
static size_t distinct_points(const fc_check_ctx *x, const size_t *cl, size_t n, double *pts,
                              size_t *which)
{
    repeat *r = malloc((n + 1) * sizeof *r);
    bool *dup = calloc(n + 1, sizeof *dup);
    size_t m = 0, nr = 0;
    if (!r || !dup) { /* no memory for the bookkeeping: every figure counts */
        for (size_t i = 0; i < n; i++) {
            if (which)
                which[m] = i;
            pts[m++] = span_of(fc_check_claim(x, cl[i]), 0).point;
        }
        free(r);
        free(dup);
        return m;
    }
    for (size_t i = 0; i < n; i++) {
        const fc_claim *c = fc_check_claim(x, cl[i]);
        unsigned long a = attribution_key(c);
        if (a)
            r[nr++] = (repeat){a, c->value, i};
    }
    qsort(r, nr, sizeof *r, by_repeat);
    for (size_t j = 1; j < nr; j++)
        if (r[j].key == r[j - 1].key && r[j].value == r[j - 1].value)
            dup[r[j].i] = true; /* the first of a run (the lowest index) stays */
    for (size_t i = 0; i < n; i++)
        if (!dup[i]) {
            if (which)
                which[m] = i;
            pts[m++] = span_of(fc_check_claim(x, cl[i]), 0).point;
        }
    free(r);
    free(dup);
    return m;
}

/* Whether claim k's range (in per-day terms) lies more than fence from the
 * median of its cluster. */
static bool off_median(const fc_check_ctx *x, size_t k, double median, double fence)
{
    span s = span_of(fc_check_claim(x, k), 0);
    double gap = s.lo > median ? s.lo - median : s.hi < median ? median - s.hi : 0;
    return gap > fence + 1e-9 * fmax(1, fabs(median));
}

static fc_status summary(const fc_check_ctx *x, const size_t *cl, size_t n, size_t ndocs,
                         size_t nconflicts, fc_findings *out)
{
    double tol = x->rules->cross_source.tolerance;
    fc_finding f;
    fc_status st = fc_check_start(&f, "cross_source", FC_SEV_INFO, n);
    double *pts = malloc(n * sizeof *pts), *work = malloc(n * sizeof *work);
    size_t *which = malloc(n * sizeof *which);
    if (st != FC_OK || !pts || !work || !which) {
        free(pts);
        free(work);
        free(which);
        free(f.claims);
        return FC_ENOMEM;
    }
    double lo = -INFINITY, hi = INFINITY;
    for (size_t k = 0; k < n; k++) {
        span s = span_of(fc_check_claim(x, cl[k]), tol);
        f.claims[f.nclaims++] = cl[k];
        lo = fmax(lo, s.lo);
        hi = fmin(hi, s.hi);
    }
    size_t m = distinct_points(x, cl, n, pts, which);
    /* The distances below are of each distinct figure's interval; the median
     * and MAD of their points (sorted in a copy, the points stay by figure). */
    memcpy(work, pts, m * sizeof *work);
    gsl_sort(work, 1, m);
    double median = gsl_stats_median_from_sorted_data(work, 1, m);
    double mad = m >= 3 ? gsl_stats_mad0(pts, 1, m, work) : NAN;
    const fc_claim *first = fc_check_claim(x, cl[0]);
    double f1 = first->per ? fc_check_per_days(first->per) : 1; /* back to the first's unit */
    fc_check_add_num(&f, "sources", (double)ndocs);
    fc_check_add_num(&f, "distinct_figures", (double)m);
    fc_check_add_num(&f, "median", median * f1);
    if (m >= 3) {
        fc_check_add_num(&f, "mad", mad * f1);
        fc_check_add_num(&f, "scaled_mad", 1.4826 * mad * f1);
    }
    fc_strbuf sb = {0};
    if (nconflicts == 0 && lo <= hi) {
        fc_check_add_num(&f, "common_low", lo * f1);
        fc_check_add_num(&f, "common_high", hi * f1);
        fc_sb_printf(&sb, "%zu sources agree on ", ndocs);
        fc_check_group_name(&sb, x, cl[0]);
        fc_sb_puts(&sb, ": their ranges overlap in [");
        fc_sb_number(&sb, lo * f1);
        fc_sb_puts(&sb, ", ");
        if (isinf(hi))
            fc_sb_puts(&sb, "no upper bound");
        else
            fc_sb_number(&sb, hi * f1);
        fc_sb_puts(&sb, "]");
        if (first->per)
            fc_sb_printf(&sb, " %s %s", first->per == FC_PER_HOUR ? "an" : "a",
                         fc_per_name(first->per));
        if (tol > 0)
            fc_sb_printf(&sb, " (each widened by the %g%% tolerance)", 100 * tol);
        fc_sb_puts(&sb, ".");
    } else {
        fc_sb_printf(&sb, "%zu sources on ", ndocs);
        fc_check_group_name(&sb, x, cl[0]);
        fc_sb_puts(&sb, ": median ");
        fc_sb_number(&sb, median * f1);
        if (m < n)
            fc_sb_printf(&sb, " of %zu distinct figures (repeats of one source counted once)", m);
        if (m < 3) {
            fc_sb_puts(&sb, ".");
        } else if (mad == 0) {
            /* Most figures are equal: the ones whose range misses them stand out. */
            size_t off = 0;
            for (size_t k = 0; k < m; k++)
                off += off_median(x, cl[which[k]], median, 0);
            fc_check_add_num(&f, "outliers", (double)off);
            fc_sb_printf(&sb, "; most figures are equal (no spread to measure), %zu differ%s.",
                         off, off == 1 ? "s" : "");
        } else {
            fc_sb_puts(&sb, ", median absolute deviation ");
            fc_sb_number(&sb, mad * f1);
            size_t outliers = 0;
            /* The usual outlier fence, 3 scaled MADs from the median, against each
             * figure's range: "hundreds" (200 to 999) holding the median is none. */
            for (size_t k = 0; k < m; k++)
                outliers += off_median(x, cl[which[k]], median, 3 * 1.4826 * mad);
            fc_check_add_num(&f, "outliers", (double)outliers);
            if (outliers)
                fc_sb_printf(&sb, "; %zu outlier%s beyond 3 scaled MADs.", outliers,
                             outliers == 1 ? "" : "s");
            else
                fc_sb_puts(&sb, "; no single figure lies beyond 3 scaled MADs: the figures "
                                "spread, the disagreement is not one stray figure.");
        }
    }
    free(pts);
    free(work);
    free(which);
    f.message = fc_sb_take(&sb);
    return fc_check_push(out, x->claims, &f);
}

/* A claim away from the consensus of a large cluster: its interval misses the
 * median of the distinct figures. */
static fc_status off_consensus(const fc_check_ctx *x, size_t a, double median, size_t ndocs,
                               fc_findings *out)
{
    double tol = x->rules->cross_source.tolerance;
    const fc_claim *c = fc_check_claim(x, a);
    span s = span_of(c, tol);
    double f1 = c->per ? fc_check_per_days(c->per) : 1;
    double gap = (s.lo > median ? s.lo - median : median - s.hi) * f1;
    fc_finding f;
    fc_status st = fc_check_start(&f, "cross_source", x->rules->cross_source.severity, 1);
    if (st != FC_OK)
        return st;
    f.claims[f.nclaims++] = a;
    fc_check_add_num(&f, "median", median * f1);
    fc_check_add_num(&f, "sources", (double)ndocs);
    fc_check_add_num(&f, "gap", gap);
    if (tol > 0)
        fc_check_add_num(&f, "tolerance", tol);
    fc_strbuf sb = {0};
    fc_check_describe(&sb, fc_check_doc(x, c), c);
    fc_sb_printf(&sb, ", away from the %zu sources on ", ndocs);
    fc_check_group_name(&sb, x, a);
    fc_sb_puts(&sb, " (median ");
    fc_sb_number(&sb, median * f1);
    fc_sb_puts(&sb, "; gap ");
    fc_sb_number(&sb, gap);
    fc_sb_puts(&sb, ").");
    f.message = fc_sb_take(&sb);
    return fc_check_push(out, x->claims, &f);
}

/* ---- one cluster --------------------------------------------------------------------- */

/* What a change is measured against, from the words after it in its sentence:
 * the cue ("from", "since", "than", "compared", "year-on-year") and the
 * word after it, lowercased into out ("" when the sentence names no base). */
static void change_base(const fc_check_ctx *x, const fc_claim *c, char *out, size_t cap)
{
    static const char *const cues[] = {"from ", "since ", "than ", "compared ", "year-on-year", "year over year", "year-over-year",
                                       "month-on-month", "a year earlier", "a year ago"};
    out[0] = '\0';
    const fc_doc *d = fc_check_doc(x, c);
    size_t to = c->sentence_end;
    fc_view v;
    if (!d || to > d->len || c->end > to || !fc_view_of(d, c->end, to, &v))
        return;
    for (size_t i = c->end; i < to; i++) {
        if (i > c->end && fc_at(&v, i - 1) != ' ')
            continue;
        for (size_t q = 0; q < sizeof cues / sizeof *cues; q++) {
            size_t n = strlen(cues[q]);
            if (i + n > to || strncasecmp(fc_ptr(&v, i), cues[q], n) != 0)
                continue;
            /* "lost 4,820 hives, up from 3,100 a year earlier": the rest is of
             * the tally as a level, no base of the change */
            if (q == 0 && i >= c->end + 3 &&
                (strncasecmp(fc_ptr(&v, i - 3), "up ", 3) == 0 ||
                 (i >= c->end + 5 && strncasecmp(fc_ptr(&v, i - 5), "down ", 5) == 0)))
                return;
            size_t e = i + n, o = 0;
            while (e < to && fc_at(&v, e) == ' ')
                e++;
            size_t w = e;
            while (e < to && fc_at(&v, e) != ' ' && fc_at(&v, e) != ',' && fc_at(&v, e) != '.')
                e++; /* the word after the cue */
            /* "from 2020 to 2025" is the period of the change, not its base */
            if (e - w == 4 && isdigit((unsigned char)fc_at(&v, w)) && e + 4 <= to &&
                (strncasecmp(fc_ptr(&v, e), " to ", 4) == 0 ||
                 (e + 9 <= to && strncasecmp(fc_ptr(&v, e), " through ", 9) == 0)))
                continue;
            for (size_t j = i; j < e && o + 1 < cap; j++)
                out[o++] = (char)tolower((unsigned char)fc_at(&v, j));
            out[o] = '\0';
            return;
        }
    }
}

/* Whether two changes of one thing can be compared: the same earlier level
 * when both state one, and the same base named after them ("up 300 from a year
 * earlier" and "up 500 since 2019" are two changes of one count). */
static bool same_base(const fc_check_ctx *x, const fc_claim *a, const fc_claim *b)
{
    if (a->role != FC_ROLE_CHANGE)
        return true;
    if (!isnan(a->from) && !isnan(b->from) && a->from != b->from)
        return false;
    char ba[40], bb[40];
    change_base(x, a, ba, sizeof ba);
    change_base(x, b, bb, sizeof bb);
    return strcmp(ba, bb) == 0;
}

/* The claim of cl[from, to) (one document's) most similar to claim k (ties: the
 * closest figure); SIZE_MAX when none is related. */
static size_t best_match(const fc_check_ctx *x, size_t k, const size_t *cl, size_t from, size_t to)
{
    size_t best = (size_t)-1;
    double bs = -1, bd = INFINITY;
    const fc_claim *c = fc_check_claim(x, k);
    for (size_t m = from; m < to; m++) {
        const fc_claim *o = fc_check_claim(x, cl[m]);
        double s = fc_groups_similarity(x->groups, x->claims, k, cl[m]);
        if (s < 0 || (!c->measure && s < x->rules->grouping.similarity) ||
            !same_base(x, c, o))
            continue;
        /* (two stated periods that differ are no match: "600 on Monday" is not
         * the figure to set against "850 by Wednesday" when the voice also
         * gives an undated 600) */
        if (c->period && o->period &&
            !fc_check_same_period(c, fc_check_when(x, c), o, fc_check_when(x, o)))
            continue;
        double d = fabs(span_of(o, 0).point - span_of(c, 0).point);
        if (s > bs + 1e-12 || (fabs(s - bs) <= 1e-12 && d < bd)) {
            bs = s;
            bd = d;
            best = cl[m];
        }
    }
    return best;
}

/* A voice: one document, and within it one source ("according to Pew" and
 * "the Center for Migration Studies put it at" are two voices of one story). */
typedef struct doc_claim {
    size_t doc;
    unsigned long voice; /* hash of the attribution, lowercased; 0: the outlet's own */
    size_t k;
} doc_claim;


static int by_doc_then_index(const void *pa, const void *pb)
{
    const doc_claim *a = pa, *b = pb;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->voice != b->voice)
        return a->voice < b->voice ? -1 : 1;
    return a->k < b->k ? -1 : a->k > b->k;
}

/* Whether v has three significant digits or more ("214,000", "24,610"; not
 * "200,000" or "1.5 million"): a figure two texts give alike by chance only
 * when one copied it. */
static bool specific(double v)
{
    if (!(v >= 100 && v < 1e15) || v != floor(v))
        return v >= 100;
    while (fmod(v, 10) == 0)
        v /= 10;
    return v >= 100;
}

/* Whether z counts what b does, by b's own words (fc_groups_things_within:
 * "the 1.69 million who passed through its gates", of passengers, and "nearly
 * 1.7 million passengers"), of the same role and period. */
static bool same_things(const fc_check_ctx *x, size_t z, size_t b)
{
    const fc_claim *cz = fc_check_claim(x, z), *cb = fc_check_claim(x, b);
    return cz->role == cb->role &&
           !(cz->period && cb->period &&
             !fc_check_same_period(cz, fc_check_when(x, cz), cb, fc_check_when(x, cb))) &&
           fc_groups_things_within(x->groups, x->claims, b, z);
}

/* Whether z, a figure of a's document, says what b says: b's very figure
 * when it is no round one ("24,610", "214,000") or a large one ("1.2
 * million"), anywhere in the document; or,
 * in a's cluster (grouped), a figure that agrees with b and measures what b
 * does. */
static bool agrees_with(const fc_check_ctx *x, size_t a, size_t b, size_t z, double tol,
                        bool grouped)
{
    const fc_claim *ca = fc_check_claim(x, a), *cb = fc_check_claim(x, b),
                   *cz = fc_check_claim(x, z);
    if (z == a || z == b || cz->doc != ca->doc)
        return false;
    /* (a large round figure too, given in the story's own voice: "the
     * airport's 1.2 million travellers" in a story whose 410,000 is the
     * international share of them; not Pew's "110,000" beside another
     * source's 129,758) */
    bool exact = cz->value == cb->value &&
                 (specific(cb->value) ||
                  (cb->value >= 100000 && cz->role == FC_ROLE_LEVEL &&
                   (!voice_of(cz) || voice_of(cz) == voice_of(ca)))) &&
                 cz->unit == cb->unit && strcmp(cz->currency, cb->currency) == 0;
    /* a bound far from b's figure says nothing of it ("each pledging to raise
     * at least $500" against $3.6 million raised) */
    bool vague = (isinf(cz->high) && cb->value > 2 * cz->low) ||
                 (isinf(cz->low) && cb->value < cz->high / 2);
    /* (or, anywhere in the document and in a's voice, a figure of b's very
     * thing that agrees with b: "842,600 passengers boarded ... roughly half
     * the 1.69 million who passed through its gates" against "nearly 1.7
     * million passengers"; not another source's figure the story sets
     * against a's) */
    bool kin = !grouped && !vague && (!voice_of(cz) || voice_of(cz) == voice_of(ca)) &&
               cz->unit == cb->unit &&
               strcmp(cz->currency, cb->currency) == 0 && overlap(cz, cb, tol) &&
               same_things(x, z, b);
    if (!exact && !kin &&
        (!grouped || vague || !(overlap(cz, cb, tol) || rounded_alike(x, z, b)) ||
         !fc_groups_related(x->groups, x->rules, x->claims, z, b)))
        return false;
    /* ... unless the document sets two sources' figures of one measure
     * against each other ("110,000, Pew estimated ... The Center for
     * Migration Studies put the 2022 figure at 129,758"): a dispute it
     * reports */
    return !(voice_of(cz) && voice_of(ca) && voice_of(cz) != voice_of(ca) &&
             fc_groups_related(x->groups, x->rules, x->claims, z, a) &&
             (ca->measure || fc_groups_same_places(x->groups, x->claims, a, z)));
}

/* Whether the document of claim a states b's figure too (agrees_with): then a
 * is something else that document counts beside it ("The Carver Falls branch
 * campus enrolled 1,140 students" in a story that also gives the university's
 * 24,610), not its reading of b's figure. */
static bool states_other_alike(const fc_check_ctx *x, size_t a, size_t b, const size_t *cl,
                               size_t n, double tol)
{
    for (size_t m = 0; m < n; m++)
        if (agrees_with(x, a, b, cl[m], tol, true))
            return true;
    size_t doc = fc_check_claim(x, a)->doc;
    if (!x->doc_from || doc >= x->ndocs)
        return false;
    for (size_t k = x->doc_from[doc]; k < x->doc_from[doc + 1]; k++)
        if (agrees_with(x, a, b, x->by_doc[k], tol, false))
            return true;
    return false;
}

/* Whether p is a poll's figure and v the count of a vote that is no poll: what
 * people said they would do against what they did ("51% said they would vote for
 * the levy" in April; the levy's 48.2% on election night). */
static bool poll_against_vote(const fc_check_ctx *x, size_t p, size_t v)
{
    const fc_claim *cp = fc_check_claim(x, p), *cv = fc_check_claim(x, v);
    return cp->modality == FC_MOD_POLL && cv->modality != FC_MOD_POLL &&
           (fc_groups_has_term(x->groups, x->claims, v, "t:vote") ||
            fc_groups_has_term(x->groups, x->claims, v, "e:vote"));
}

/* A disagreement raised: the two documents and their figures. */
typedef struct raised_pair {
    size_t da, db;
    double va, vb;
} raised_pair;

/* The findings of a cluster's disagreements: one a dispute, the disagreements
 * that share a claim (through others too) being one. */
static fc_status disputes(const fc_check_ctx *x, const disagreement *d, size_t nd,
                          const size_t *cl, size_t n)
{
    if (nd == 0)
        return FC_OK;
    size_t *root = malloc(nd * sizeof *root);
    disagreement *one = malloc(nd * sizeof *one);
    fc_status st = root && one ? FC_OK : FC_ENOMEM;
    /* root[i]: the first disagreement of i's dispute */
    for (size_t i = 0; st == FC_OK && i < nd; i++) {
        root[i] = i;
        for (size_t j = 0; j < i; j++) {
            if (!(d[j].a == d[i].a || d[j].a == d[i].b || d[j].b == d[i].a || d[j].b == d[i].b))
                continue;
            size_t keep = root[i] < root[j] ? root[i] : root[j],
                   drop = root[i] < root[j] ? root[j] : root[i];
            for (size_t k = 0; k <= i; k++)
                if (root[k] == drop)
                    root[k] = keep;
        }
    }
    for (size_t i = 0; st == FC_OK && i < nd; i++) {
        if (root[i] != i)
            continue;
        size_t m = 0;
        for (size_t j = i; j < nd; j++)
            if (root[j] == i)
                one[m++] = d[j];
        st = conflict(x, one, m, cl, n, x->out);
    }
    free(root);
    free(one);
    return st;
}

/* Claim pairs compared within one cluster beyond which it is compared with its
 * median instead (bounds the work on documents that repeat one kind of figure). */
#define PAIRS_MAX 65536

static fc_status cluster(const fc_check_ctx *x, size_t *cl, size_t n, size_t *docs, double *pts,
                         doc_claim *tmp, echoes *scratch)
{
    double tol = x->rules->cross_source.tolerance;
    /* By voice: docs[v] is where voice v's claims start in cl. */
    for (size_t m = 0; m < n; m++)
        tmp[m] = (doc_claim){fc_check_claim(x, cl[m])->doc, voice_of(fc_check_claim(x, cl[m])),
                             cl[m]};
    qsort(tmp, n, sizeof *tmp, by_doc_then_index);
    for (size_t m = 0; m < n; m++)
        cl[m] = tmp[m].k;
    size_t nvoices = 0, ndocs = 0;
    bool pairwise = true;
    for (size_t m = 0; m < n; m++) {
        if (m == 0 || tmp[m].doc != tmp[m - 1].doc || tmp[m].voice != tmp[m - 1].voice)
            docs[nvoices++] = m;
        ndocs += m == 0 || tmp[m].doc != tmp[m - 1].doc;
    }
    docs[nvoices] = n;
    if (ndocs < 2)
        return FC_OK;
    size_t pairs = 0;
    for (size_t a = 0; a < nvoices && pairwise; a++)
        for (size_t b = a + 1; b < nvoices && pairwise; b++)
            pairwise = (pairs += (docs[a + 1] - docs[a]) * (docs[b + 1] - docs[b])) <= PAIRS_MAX;
    size_t nconflicts = 0;
    fc_status st = FC_OK;
    /* The disagreements raised, by documents and figures: a figure one document
     * states twice ("212 measles cases ... Of the 212 cases, officials said") is
     * one dispute with the other document, not two. */
    raised_pair raised[32];
    size_t nraised = 0;
    disagreement *found = NULL;
    size_t nfound = 0, cap = 0;
    if (ndocs <= PAIRWISE_MAX && pairwise) {
        for (size_t da = 0; st == FC_OK && da < nvoices; da++)
            for (size_t db = da + 1; st == FC_OK && db < nvoices; db++)
                for (size_t m = docs[da]; st == FC_OK && m < docs[da + 1]; m++) {
                    if (tmp[docs[da]].doc == tmp[docs[db]].doc)
                        break; /* two voices of one document: not a dispute between sources */
                    size_t a = cl[m];
                    size_t b = best_match(x, a, cl, docs[db], docs[db + 1]);
                    if (b == (size_t)-1 || best_match(x, b, cl, docs[da], docs[da + 1]) != a)
                        continue;
                    const fc_claim *ca = fc_check_claim(x, a), *cb = fc_check_claim(x, b);
                    if (scratch->samples[ca->doc] == ca && scratch->samples[cb->doc] == cb)
                        continue; /* two polls' samples: each poll chose its own */
                    /* two stated periods in a cluster gathered around a figure
                     * with none must be one period themselves ("as of Monday"
                     * and "by Tuesday night" are two days of a running total) */
                    if (ca->period && cb->period &&
                        !fc_check_same_period(ca, fc_check_when(x, ca), cb, fc_check_when(x, cb)))
                        continue;
                    if (poll_against_vote(x, a, b) || poll_against_vote(x, b, a))
                        continue;
                    /* two polls of samples of different sizes are two polls ("the
                     * survey of 800 likely voters" and the one of 1,012) */
                    if (ca->modality == FC_MOD_POLL && cb->modality == FC_MOD_POLL &&
                        scratch->samples[ca->doc] && scratch->samples[cb->doc] &&
                        scratch->samples[ca->doc]->value != scratch->samples[cb->doc]->value)
                        continue;
                    if (overlap(fc_check_claim(x, a), fc_check_claim(x, b), tol) ||
                        rounded_alike(x, a, b) || target_echo(x, a, scratch) ||
                        target_echo(x, b, scratch) || states_other_alike(x, a, b, cl, n, tol) ||
                        states_other_alike(x, b, a, cl, n, tol))
                        continue;
                    poll_pair pp;
                    bool poll = poll_pair_of(x, a, b, scratch, &pp);
                    if (poll && pp.p >= 0.05)
                        continue; /* two polls within their sampling error */
                    bool again = false;
                    for (size_t q = 0; q < nraised && !again; q++)
                        again = raised[q].da == ca->doc && raised[q].db == cb->doc &&
                                raised[q].va == ca->value && raised[q].vb == cb->value;
                    if (again)
                        continue;
                    if (nraised < sizeof raised / sizeof *raised)
                        raised[nraised++] = (raised_pair){ca->doc, cb->doc, ca->value, cb->value};
                    nconflicts++;
                    st = fc_grow((void **)&found, &cap, nfound + 1, sizeof *found);
                    if (st == FC_OK)
                        found[nfound++] = (disagreement){a, b, poll, pp};
                }
        st = st == FC_OK ? disputes(x, found, nfound, cl, n) : st;
        free(found);
    } else {
        size_t mdist = distinct_points(x, cl, n, pts, NULL);
        gsl_sort(pts, 1, mdist);
        double median = gsl_stats_median_from_sorted_data(pts, 1, mdist);
        for (size_t m = 0; st == FC_OK && m < n; m++) {
            span s = span_of(fc_check_claim(x, cl[m]), tol);
            if ((s.lo <= median && s.hi >= median) || target_echo(x, cl[m], scratch) ||
                fc_check_claim(x, cl[m])->role == FC_ROLE_CHANGE)
                continue; /* a change's base is compared pair by pair only */
            nconflicts++;
            st = off_consensus(x, cl[m], median, ndocs, x->out);
        }
    }
    if (st == FC_OK)
        st = summary(x, cl, n, ndocs, nconflicts, x->out);
    return st;
}

typedef struct member {
    size_t k;
    int cls;
    long lo;
    fc_when when; /* kept with the member: read in order, not by claim index */
} member;

static bool class_lo_before(const member *a, const member *b)
{
    return a->cls != b->cls ? a->cls < b->cls : a->lo != b->lo ? a->lo < b->lo : a->k < b->k;
}

/* Members by modality class, then the start of their period, then claim (tmp:
 * room for n); a merge sort with the comparison inline, cheaper than qsort's
 * calls on the many small groups. */
static void sort_members(member *o, member *tmp, size_t n)
{
    if (n <= 12) {
        for (size_t i = 1; i < n; i++) {
            member t = o[i];
            size_t j = i;
            for (; j > 0 && class_lo_before(&t, &o[j - 1]); j--)
                o[j] = o[j - 1];
            o[j] = t;
        }
        return;
    }
    size_t h = n / 2, i = 0, j = h, m = 0;
    sort_members(o, tmp, h);
    sort_members(o + h, tmp, n - h);
    while (i < h && j < n)
        tmp[m++] = class_lo_before(&o[j], &o[i]) ? o[j++] : o[i++];
    while (i < h)
        tmp[m++] = o[i++];
    memcpy(o, tmp, j * sizeof *o); /* o[j, n) is in place */
}

fc_status fc_check_cross_source(const fc_check_ctx *x)
{
    const fc_groups *g = x->groups;
    size_t n = x->claims->n;
    size_t most = 1; /* members of the largest group */
    for (size_t gi = 0; gi < g->n; gi++)
        most = g->from[gi + 1] - g->from[gi] > most ? g->from[gi + 1] - g->from[gi] : most;
    member *order = malloc((n ? n : 1) * sizeof *order), *sorting = malloc(most * sizeof *sorting);
    size_t *cl = malloc((n ? n : 1) * sizeof *cl);
    size_t *docs = malloc((n + 1) * sizeof *docs);
    double *pts = malloc((n ? n : 1) * sizeof *pts);
    doc_claim *tmp = malloc((n ? n : 1) * sizeof *tmp);
    size_t *scratch = malloc((n + 1) * sizeof *scratch);
    valued *tv = malloc((n ? n : 1) * sizeof *tv);
    echoes ech = {malloc((n ? n : 1) * sizeof *ech.targets), 0, scratch,
                  calloc(n ? n : 1, sizeof *ech.done), calloc(n ? n : 1, sizeof *ech.is_echo),
                  calloc(x->ndocs + 1, sizeof *ech.samples)};
    bool *used = calloc(n ? n : 1, sizeof *used);
    for (size_t d = 0; ech.samples && d < x->ndocs; d++)
        ech.samples[d] = fc_check_stated_sample(x, d);
    fc_status st = order && sorting && cl && docs && pts && used && tmp && scratch && tv && ech.targets && ech.done &&
                         ech.is_echo && ech.samples
                     ? FC_OK
                     : FC_ENOMEM;
    for (size_t k = 0; st == FC_OK && k < n; k++) {
        const fc_claim *c = fc_check_claim(x, k);
        if (c->modality == FC_MOD_TARGET && c->role == FC_ROLE_LEVEL && c->value > 0 &&
            !fc_check_is_copy(x, k))
            tv[ech.n++] = (valued){c->value, k};
    }
    if (st == FC_OK) {
        qsort(tv, ech.n, sizeof *tv, by_value_then_index);
        for (size_t i = 0; i < ech.n; i++)
            ech.targets[i] = tv[i].k;
    }
    for (size_t gi = 0; st == FC_OK && gi < g->n; gi++) {
        size_t from = g->from[gi], to = g->from[gi + 1], m = 0;
        if (to - from < 2)
            continue;
        for (size_t j = from; j < to; j++) {
            size_t k = g->members[j];
            const fc_claim *c = fc_check_claim(x, k);
            if (j + 8 < to) { /* a member ahead, from memory meanwhile: the group is scattered */
                const char *ahead = (const char *)fc_check_claim(x, g->members[j + 8]);
                for (size_t b = 0; b < sizeof *c; b += 64)
                    __builtin_prefetch(ahead + b);
            }
            fc_when w = fc_check_when(x, c);
            if (!w.known && !c->measure)
                continue; /* an inferred key with no time at all: nothing to compare with */
            order[m++] = (member){k, modality_class(c), w.known ? w.lo : LONG_MIN, w};
            used[k] = false;
        }
        sort_members(order, sorting, m);
        /* Clusters: the claims of one modality class about the first one's period
         * (the scan stops at the first claim that starts after that period). */
        /* (first around the figures that state their period, then around the
         * rest: "roughly 600 on Monday", "about 850 by Wednesday" and an
         * undated "the 600" told on Thursday gather around Wednesday's, the
         * undated figure then no longer a bridge to Monday's; the latest
         * first, as an undated figure is told of the recent past) */
        for (size_t q0 = 0, pass = 0; st == FC_OK && pass < 2 && m > 0;
             q0 = q0 + 1 < m ? q0 + 1 : (pass++, 0)) {
            size_t p0 = pass == 0 ? m - 1 - q0 : q0;
            size_t k0 = order[p0].k, ncl = 0;
            if (used[k0] || (pass == 0 && !order[p0].when.stated))
                continue;
            fc_when w0 = order[p0].when;
            size_t s0 = p0; /* (the figures with no period told in the months before it) */
            while (pass == 0 && s0 > 0 && order[s0 - 1].cls == order[p0].cls &&
                   order[s0 - 1].lo != LONG_MIN && order[s0 - 1].lo >= w0.lo - 400)
                s0--;
            for (size_t p = s0; p < m && order[p].cls == order[p0].cls; p++) {
                size_t k = order[p].k;
                /* (a year stated as twelve months is compared with figures that
                 * state no period from half a year before it to half a year
                 * after it: fc_check_same_period) */
                if (w0.known && order[p].lo != LONG_MIN && order[p].lo > w0.hi + 183)
                    break;
                if (used[k] || !fc_check_same_period(fc_check_claim(x, k0), w0,
                                                     fc_check_claim(x, k), order[p].when))
                    continue;
                used[k] = true;
                cl[ncl++] = k;
            }
            if (ncl >= 2)
                st = cluster(x, cl, ncl, docs, pts, tmp, &ech);
        }
    }
    free(order);
    free(sorting);
    free(cl);
    free(docs);
    free(pts);
    free(tmp);
    free(scratch);
    free(tv);
    free(ech.targets);
    free(ech.done);
    free(ech.is_echo);
    free(used);
    free(ech.samples);
    return st;
}
