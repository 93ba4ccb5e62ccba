/* check_target_vs_actual.c - a target against the actual pace.
 *
 * "Ordered to arrest 3,000 a day" against the actual daily figures the sources
 * give for the same thing: the actual figures of the target's own period when
 * there are any, else all of them (the finding says which), summed up by their
 * median. The actual figures: a rule measure names them (`target_of`); with no
 * rule, the related claims of the target's group that are not targets.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check_target.h"
#include "date.h"
#include "rules_internal.h"

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

size_t fc_check_actuals(const fc_check_ctx *x, size_t t, size_t *out)
{
    const fc_claim *c = fc_check_claim(x, t);
    const fc_measure *m = fc_check_measure(x->rules, c->measure);
    size_t n = 0;
    if (fc_check_is_copy(x, t)) /* what its original finds: the same claim */
        return fc_check_actuals(x, x->first[t], out);
    if (c->measure && !(m && m->target_of))
        return 0;
    if (m && m->target_of) { /* the claims of the measure the rule names */
        for (size_t i = 0; i < x->claims->n; i++) {
            const fc_claim *a = fc_check_claim(x, i);
            if (a->measure && strcmp(a->measure, m->target_of) == 0 && a->role == FC_ROLE_LEVEL &&
                !fc_check_is_copy(x, i))
                out[n++] = i;
        }
        return n;
    }
    /* The group's other levels, at most ACTUALS_SCAN of them looked at (a group
     * of thousands of figures says no more of a target's pace than its first
     * few hundred, and the cost stays linear). */
    enum { ACTUALS_SCAN = 128 };
    size_t from, to, seen = 0;
    fc_check_group_range(x, t, &from, &to);
    for (size_t j = from; j < to && seen < ACTUALS_SCAN; j++) {
        size_t i = x->groups->members[j];
        const fc_claim *a = fc_check_claim(x, i);
        if (i == t || a->role != FC_ROLE_LEVEL || a->modality == FC_MOD_TARGET ||
            a->modality == FC_MOD_PROJECTION)
            continue;
        seen++;
        if (fc_groups_related(x->groups, x->rules, x->claims, t, i))
            out[n++] = i;
    }
    return n;
}

bool fc_check_progress_of(const fc_check_ctx *x, const fc_claim *t, const fc_claim *o)
{
    /* "Last year crews managed 12 miles": a period over before the target's
     * year (or, with none stated, before its document's recent past) is no
     * progress; "as of February" towards a goal "by the end of March" is. */
    if (o->period) {
        fc_when wo = fc_check_when(x, o), wt = fc_check_when(x, t);
        /* A target of a year still to come is a deadline ("by 2027"): what was
         * done in the year before it, up to publication, is progress towards it. */
        int32_t pub = o->doc < x->ndocs ? x->pub[o->doc].day : INT32_MIN;
        bool deadline = pub != INT32_MIN && wt.known && wt.lo > pub && wo.known && wo.hi <= pub &&
                        wo.hi > pub - 366;
        if (wo.known && wt.known && wo.hi < wt.lo && !deadline) {
            int yo, yt, m, d;
            fc_civil_from_days(wo.hi, &yo, &m, &d);
            fc_civil_from_days(wt.lo, &yt, &m, &d);
            if (wt.grain == 'y' || yo < yt)
                return false;
        }
    }
    /* ("set out to install 48 turbines ... Of the 1,100 workers, 640 were
     * hired locally": a figure past twice the target is of another thing) */
    if (o->value > 2 * t->value)
        return false;
    return o->doc == t->doc && o->sentence > t->sentence &&
           o->sentence <= t->sentence + FC_PROGRESS_SENTENCES && o->unit == t->unit &&
           o->per == t->per && strcmp(o->currency, t->currency) == 0 && o->role == FC_ROLE_LEVEL &&
           o->modality != FC_MOD_TARGET && o->modality != FC_MOD_PROJECTION && o->value > 0;
}

/* Whether claims a and o stand in one clause of one sentence: no semicolon
 * between them ("raised $2 million, including $600,000" is one report; "said
 * the city had housed 600; the department's tally stood at 215" are two). */
static bool one_clause(const fc_check_ctx *x, const fc_claim *a, const fc_claim *o)
{
    if (a->doc != o->doc || a->sentence != o->sentence)
        return false;
    const fc_claim *l = a->start < o->start ? a : o, *r = l == a ? o : a;
    fc_view v;
    if (r->start <= l->end || !fc_view_of(fc_check_doc(x, a), l->end, r->start, &v))
        return true;
    return memchr(fc_ptr(&v, l->end), ';', r->start - l->end) == NULL;
}

/* Whether a figure of time wo lies wholly before the time ref of a target or
 * its echo: before a year's goal ("40 miles in 2025"; 2024's 22 miles), or half
 * a year before a deadline or a dated report ("by Dec. 1", "by the end of
 * June"; last winter's figure is another season's, May's is progress). */
static bool before_ref(fc_when ref, fc_when wo, long pub)
{
    if (!ref.stated || !wo.stated)
        return false;
    /* (a whole year ended within the year before the story is the latest
     * annual figure on a goal of a later year: "the annual report, released in
     * June, put the rate at 26% in 2024", told in October 2025 of a goal for
     * 2027; not on a goal of this year: "by November", and "last year crews
     * managed 21 miles") */
    if (pub != LONG_MIN && ref.lo > pub && wo.hi - wo.lo >= 360 && wo.hi < pub &&
        wo.hi >= pub - 366)
        return false;
    long lo = ref.lo - (ref.hi - ref.lo >= 360 ? 0 : 180);
    /* (a year's goal set ahead, "by 2027": a report of the half year before
     * the story is progress on it) */
    if (pub != LONG_MIN && pub - 180 < lo)
        lo = pub - 180;
    return wo.hi < lo;
}

bool fc_check_target_echo(const fc_check_ctx *x, size_t t, size_t a, const size_t *actuals,
                          size_t n, double *others_mean, fc_echo_others *others)
{
    const fc_claim *tc = fc_check_claim(x, t), *ac = fc_check_claim(x, a);
    if (tc->value <= 0 || !fc_check_echoes(tc, ac))
        return false;
    double sum = 0;
    size_t m = 0;
    /* (a figure stated for a time wholly before the target's, or before the
     * echo's when the target states none, says nothing of progress on it:
     * "a goal of repaving 40 miles in 2025 ... In 2024, crews repaved 22";
     * before a goal "by Dec. 1", half a year before the day) */
    fc_when wt = fc_check_when(x, tc), wa = fc_check_when(x, ac);
    fc_when ref = wt.stated ? wt : wa;
    fc_when undated = fc_check_when(x, &(fc_claim){.doc = tc->doc, .modality = FC_MOD_ACTUAL});
    long pub = undated.known ? undated.pub : LONG_MIN;
    /* (nor is a figure of a time long gone the target met: "had 4,000 members
     * at its peak in 2019", and a goal of "getting back to 4,000") */
    if (wa.stated && pub != LONG_MIN && wa.hi < pub - 180)
        return false;

    for (size_t i = 0; i < n; i++) {
        const fc_claim *o = fc_check_claim(x, actuals[i]);
        if (fc_check_echoes(tc, o) || fc_check_progress_of(x, tc, o))
            continue;
        /* (past twice the target, another thing: "the waiting list still holds
         * about 4,100 families" beside a goal of placing 600) */
        if (o->value > 2 * tc->value)
            continue;
        if (one_clause(x, ac, o))
            continue; /* a part of the same report: "raised $2 million, including $600,000" */
        if (before_ref(ref, fc_check_when(x, o), pub))
            continue;
        sum += o->value;
        m++;
        if (others && others->n < FC_ECHO_OTHERS)
            others->k[others->n++] = actuals[i];
    }
    size_t from, to;
    fc_check_near(x, t, 0, FC_PROGRESS_SENTENCES, &from, &to);
    for (size_t j = from; j < to; j++) {
        const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
        if (!fc_check_progress_of(x, tc, o) || fc_check_echoes(tc, o) || one_clause(x, ac, o) ||
            before_ref(ref, fc_check_when(x, o), pub))
            continue;
        sum += o->value;
        m++;
        if (others && others->n < FC_ECHO_OTHERS)
            others->k[others->n++] = x->by_doc[j];
    }
    if (m == 0)
        return false;
    /* Far lower: a share at least 5 points below, anything else at most 80%. */
    double mean = sum / m;
    if (tc->unit == FC_UNIT_PERCENT ? mean > tc->value - 5 : mean > 0.8 * tc->value)
        return false;
    *others_mean = mean;
    return true;
}

bool fc_check_is_target(const fc_check_ctx *x, size_t k)
{
    const fc_claim *c = fc_check_claim(x, k);
    if (c->modality != FC_MOD_TARGET || c->role != FC_ROLE_LEVEL || c->value <= 0)
        return false;
    /* An earlier claim of the same document that repeats it. */
    size_t from, to;
    fc_check_doc_range(x, c->doc, &from, &to);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *o = fc_check_claim(x, i);
        if (o->start >= c->start)
            break;
        if (o->modality == c->modality && o->value == c->value && o->per == c->per &&
            (fc_check_same_group(x, i, k) ||
             (o->measure && c->measure && strcmp(o->measure, c->measure) == 0)))
            return false;
    }
    return true;
}

fc_status fc_check_target_vs_actual(const fc_check_ctx *x)
{
    size_t *actuals = malloc((x->claims->n + 1) * sizeof *actuals);
    double *v = malloc((x->claims->n + 1) * sizeof *v);
    fc_status st = actuals && v ? FC_OK : FC_ENOMEM;
    for (size_t k = 0; st == FC_OK && k < x->claims->n; k++) {
        const fc_claim *t = fc_check_claim(x, k);
        if (!fc_check_is_target(x, k))
            continue;
        size_t n = fc_check_actuals(x, k, actuals);
        if (n == 0)
            continue;
        /* The actual figures of the target's own period, when there are any. */
        fc_when wt = fc_check_when(x, t);
        size_t own = 0;
        for (size_t i = 0; i < n; i++) {
            const fc_claim *a = fc_check_claim(x, actuals[i]);
            if (fc_check_same_period(t, wt, a, fc_check_when(x, a)))
                actuals[own++] = actuals[i];
        }
        bool own_period = own > 0;
        if (own_period)
            n = own;
        else
            n = fc_check_actuals(x, k, actuals);
        for (size_t i = 0; i < n; i++) {
            const fc_claim *a = fc_check_claim(x, actuals[i]);
            double f1 =
                a->per && t->per ? fc_check_per_days(t->per) / fc_check_per_days(a->per) : 1;
            v[i] = (isfinite(a->high) ? (a->low + a->high) / 2 : a->value) * f1;
        }
        qsort(v, n, sizeof *v, by_value);
        double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        if (median <= 0)
            continue;
        fc_finding f;
        if ((st = fc_check_start(&f, "target_vs_actual", FC_SEV_INFO, 2)) != FC_OK)
            break;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = actuals[0];
        fc_check_add_num(&f, "target", t->value);
        fc_check_add_num(&f, "actual_median", median);
        fc_check_add_num(&f, "actual_sources", (double)n);
        fc_check_add_num(&f, "ratio", t->value / median);
        if (t->qualifier == FC_QUAL_RANGE)
            fc_check_add_num(&f, "ratio_high", t->high / median);
        fc_strbuf sb = {0};
        fc_sb_puts(&sb, "The target of ");
        fc_check_figure(&sb, t);
        fc_sb_printf(&sb, " (%s) is ", fc_check_outlet(x, t));
        fc_sb_number(&sb, round(t->value / median * 10) / 10);
        if (t->qualifier == FC_QUAL_RANGE) {
            fc_sb_puts(&sb, " to ");
            fc_sb_number(&sb, round(t->high / median * 10) / 10);
        }
        fc_sb_puts(&sb, " times the actual figures reported (median ");
        fc_sb_number(&sb, median);
        fc_sb_printf(&sb, " over %zu claim%s%s).", n, n == 1 ? "" : "s",
                     own_period ? " of its period" : ", none of them of its own period");
        st = fc_check_finish(x, &f, &sb);
    }
    free(actuals);
    free(v);
    return st;
}
