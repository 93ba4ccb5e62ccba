/* check_poll.c - is a poll's reported change outside the noise?
 *
 * For a change in a poll figure ("46%, down 3 points from 49%"), the sample size
 * comes from the text (a count of respondents in a poll sentence), else from the
 * rules' default for the pollster, else from the rules' default for any poll;
 * the finding says which, and calls a default an assumption. The two figures are
 * compared with the two-proportion z test; the margin of error of the difference
 * and each figure's Wilson interval are given; with fewer than 100 respondents
 * the exact binomial test is used instead. When the sample size is stated, every
 * poll percentage of the document is checked for granularity (can 46% come from
 * a whole number of n people?).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "rules_internal.h"
#include "stats.h"

static const fc_claim *claim_at(const fc_check_ctx *x, size_t i)
{
    return &x->claims->items[i];
}

/* The stated sample: a count in a poll sentence of the document ("a survey of
 * 1,050 parents"). */
static const fc_claim *stated_sample(const fc_check_ctx *x, size_t doc)
{
    size_t from, to;
    fc_check_doc_range(x, doc, &from, &to);
    for (size_t j = from; j < to; j++) {
        const fc_claim *c = claim_at(x, x->by_doc[j]);
        if (c->modality == FC_MOD_POLL && c->unit == FC_UNIT_COUNT &&
            c->qualifier == FC_QUAL_EXACT && c->value >= 1 && c->subject)
            return c;
    }
    return NULL;
}

/* The rules' sample size for the poll's source ("AP-NORC"), else the default ("*"). */
static const fc_pollster *pollster_for(const fc_rules *r, const char *source)
{
    const fc_pollster *any = NULL;
    for (size_t i = 0; i < r->npollsters; i++) {
        const fc_pollster *p = &r->pollsters[i];
        if (strcmp(p->name, "*") == 0)
            any = p;
        else if (source && strstr(source, p->name))
            return p;
    }
    return any;
}

static fc_status poll_change(const fc_check_ctx *x, size_t k)
{
    const fc_claim *c = claim_at(x, k), *l = NULL;
    size_t li = 0, from, to;
    fc_check_near(x, k, 0, 0, &from, &to);
    for (size_t j = from; j < to; j++) { /* the level the change is about */
        size_t i = x->by_doc[j];
        const fc_claim *o = claim_at(x, i);
        if (o->sentence == c->sentence && o->role == FC_ROLE_LEVEL && o->unit == FC_UNIT_PERCENT &&
            (!l || o->start < c->start)) {
            l = o;
            li = i;
        }
    }
    if (!l || l->value < 0 || l->value > 100)
        return FC_OK;
    double sign = c->direction == FC_DIR_DOWN ? 1 : -1;
    double before = !isnan(c->from) ? c->from : l->value + sign * c->value;
    if (before < 0 || before > 100)
        return FC_OK;
    const fc_claim *sample = stated_sample(x, c->doc);
    const fc_pollster *p = sample ? NULL : pollster_for(x->rules, l->attribution);
    if (!sample && !p)
        return FC_OK;
    double n = sample ? sample->value : p->sample_size;
    double now = l->value / 100, then = before / 100;
    fc_two_prop t;
    double lo, hi, moe;
    if (!fc_stats_two_prop(then, n, now, n, 0.95, &t) || !fc_stats_wilson(now, n, 0.95, &lo, &hi) ||
        !fc_stats_moe(now, n, 0.95, &moe))
        return FC_OK;
    double p_value = t.p_value;
    bool exact = n < 100;
    if (exact) {
        double pe;
        if (fc_stats_binom_test((unsigned)lround(now * n), (unsigned)n, then, &pe))
            p_value = pe;
    }
    bool significant = p_value < 0.05;
    fc_finding f = {.check = "poll_change", .severity = significant ? FC_SEV_INFO : FC_SEV_WARNING};
    if (!(f.claims = malloc(3 * sizeof *f.claims)))
        return FC_ENOMEM;
    f.claims[f.nclaims++] = k;
    f.claims[f.nclaims++] = li;
    if (sample)
        f.claims[f.nclaims++] = (size_t)(sample - x->claims->items);
    fc_check_add_num(&f, "before", before);
    fc_check_add_num(&f, "after", l->value);
    fc_check_add_num(&f, "n", n);
    fc_check_add_num(&f, "difference_points", 100 * (now - then));
    fc_check_add_num(&f, "moe_difference_points", 100 * t.moe_diff);
    fc_check_add_num(&f, "moe_points", 100 * moe);
    fc_check_add_num(&f, exact ? "p_exact" : "z", exact ? p_value : t.z);
    fc_check_add_num(&f, "p", p_value);
    fc_strbuf sb = {0};
    const fc_doc *d = fc_check_doc(x, c);
    fc_sb_printf(&sb, "%s: ", d && d->outlet ? d->outlet : d ? d->path : "?");
    fc_sb_number(&sb, before);
    fc_sb_puts(&sb, "% then ");
    fc_sb_number(&sb, l->value);
    fc_sb_puts(&sb, "% now, n");
    fc_sb_puts(&sb, sample ? "=" : "\xE2\x89\x88"); /* ≈ */
    fc_sb_number(&sb, n);
    if (sample)
        fc_sb_puts(&sb, " (stated)");
    else if (strcmp(p->name, "*") == 0)
        fc_sb_puts(&sb, " each (assumed: a typical poll; the text gives no sample size)");
    else
        fc_sb_printf(&sb, " each (assumed: the rules' usual sample for %s)", p->name);
    fc_sb_printf(&sb,
                 ": difference %.1f pts, 95%% margin of error of the difference \xC2\xB1%.1f pts, ",
                 fabs(100 * (now - then)), 100 * t.moe_diff);
    fc_sb_printf(&sb, "%s p = %.2f: %s", exact ? "exact binomial" : "two-proportion test,", p_value,
                 significant ? "outside the noise." : "not significant, within the noise.");
    fc_sb_printf(&sb, " (%g%% itself: \xC2\xB1%.1f pts, Wilson 95%% interval %.1f%% to %.1f%%.)",
                 l->value, 100 * moe, 100 * lo, 100 * hi);
    f.message = fc_sb_take(&sb);
    return fc_check_push(x->out, x->claims, &f);
}

/* Granularity of a document's poll percentages against its stated sample size. */
static fc_status granularity(const fc_check_ctx *x, size_t doc, const fc_claim *sample)
{
    unsigned n = (unsigned)lround(sample->value);
    size_t from, to;
    fc_check_doc_range(x, doc, &from, &to);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *c = claim_at(x, i);
        unsigned k;
        if (c->modality != FC_MOD_POLL || c->unit != FC_UNIT_PERCENT || c->role != FC_ROLE_LEVEL ||
            c->qualifier != FC_QUAL_EXACT)
            continue;
        int decimals = fabs(c->value - round(c->value)) < 1e-9 ? 0 : 1;
        if (fc_stats_granular(c->value, decimals, n, &k))
            continue;
        fc_finding f = {.check = "poll_granularity", .severity = FC_SEV_WARNING};
        if (!(f.claims = malloc(2 * sizeof *f.claims)))
            return FC_ENOMEM;
        f.claims[f.nclaims++] = i;
        f.claims[f.nclaims++] = (size_t)(sample - x->claims->items);
        fc_check_add_num(&f, "percent", c->value);
        fc_check_add_num(&f, "n", n);
        fc_check_add_num(&f, "nearest_count", k);
        fc_check_add_num(&f, "nearest_percent", 100.0 * k / n);
        fc_strbuf sb = {0};
        fc_sb_printf(&sb,
                     "%g%% cannot come from a whole number of %u respondents: %u of %u is %.2f%%.",
                     c->value, n, k, n, 100.0 * k / n);
        f.message = fc_sb_take(&sb);
        fc_status st = fc_check_push(x->out, x->claims, &f);
        if (st != FC_OK)
            return st;
    }
    return FC_OK;
}

fc_status fc_check_polls(const fc_check_ctx *x)
{
    for (size_t d = 0; d < x->ndocs; d++) {
        const fc_claim *sample = stated_sample(x, d);
        fc_status st = sample ? granularity(x, d, sample) : FC_OK;
        if (st != FC_OK)
            return st;
    }
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = claim_at(x, k);
        fc_status st = FC_OK;
        if (c->role == FC_ROLE_CHANGE && c->modality == FC_MOD_POLL && c->direction &&
            (c->unit == FC_UNIT_PERCENTAGE_POINT || c->unit == FC_UNIT_PERCENT))
            st = poll_change(x, k);
        if (st != FC_OK)
            return st;
    }
    return FC_OK;
}
