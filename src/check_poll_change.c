/* check_poll_change.c - is a poll's reported change outside the noise?
 *
 * A change in a poll figure ("46%, down 3 points from 49%", "support climbed
 * to 71% from 66%"): the sample size comes from the text (a count of
 * respondents in a poll sentence of the document), else from the rules' usual
 * sample for the pollster, else from the rules' default for any poll; the
 * finding says which, and calls a default an assumption. The two figures are
 * compared with the two-proportion z test; the margin of error of the difference
 * and the figure's Wilson interval are given; with fewer than 100 respondents
 * the exact binomial test is used instead. A change within the noise is a
 * warning: the text reports a movement the poll cannot show.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "check_poll.h"
#include "rules_internal.h"
#include "stats.h"

const fc_claim *fc_check_stated_sample(const fc_check_ctx *x, size_t doc)
{
    size_t from, to;
    fc_check_doc_range(x, doc, &from, &to);
    for (size_t j = from; j < to; j++) {
        const fc_claim *c = fc_check_claim(x, x->by_doc[j]);
        if (c->modality == FC_MOD_POLL && c->unit == FC_UNIT_COUNT &&
            c->qualifier == FC_QUAL_EXACT && c->value >= 10 && c->value <= FC_POLL_MAX_SAMPLE &&
            c->subject && !c->part_of[0])
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

/* Claim k: the change (or the level); li: the level; before: the earlier level,
 * the value of claim ei when a claim states it (else FC_NONE). */
static fc_status poll_change(const fc_check_ctx *x, size_t k, size_t li, double before, size_t ei)
{
    const fc_claim *c = fc_check_claim(x, k), *l = fc_check_claim(x, li);
    if (l->value < 0 || l->value > 100 || before < 0 || before > 100 || before == l->value)
        return FC_OK;
    const fc_claim *sample = fc_check_stated_sample(x, c->doc);
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
    fc_finding f;
    fc_status st = fc_check_start(&f, "poll_change", significant ? FC_SEV_INFO : FC_SEV_WARNING, 4);
    if (st != FC_OK)
        return st;
    f.claims[f.nclaims++] = k;
    if (li != k)
        f.claims[f.nclaims++] = li;
    if (ei != FC_NONE)
        f.claims[f.nclaims++] = ei;
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
    fc_sb_printf(&sb, "%s: ", fc_check_outlet(x, c));
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
    return fc_check_finish(x, &f, &sb);
}

fc_status fc_check_poll_change(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = fc_check_claim(x, k);
        fc_relation rel;
        fc_status st = FC_OK;
        if (c->modality != FC_MOD_POLL)
            continue;
        if (c->role == FC_ROLE_CHANGE && c->direction &&
            (c->unit == FC_UNIT_PERCENTAGE_POINT || c->unit == FC_UNIT_PERCENT)) {
            /* The level the change is about: stated with it, else the nearest
             * percentage of the sentence before it. */
            fc_check_relation(x, k, &rel);
            size_t li = rel.level;
            if (li == FC_NONE) {
                size_t from, to;
                fc_check_near(x, k, 0, 0, &from, &to);
                for (size_t j = from; j < to; j++) {
                    size_t i = x->by_doc[j];
                    const fc_claim *o = fc_check_claim(x, i);
                    if (o->sentence == c->sentence && o->role == FC_ROLE_LEVEL &&
                        o->unit == FC_UNIT_PERCENT &&
                        (li == FC_NONE || o->start < c->start))
                        li = i;
                }
            }
            if (li == FC_NONE || fc_check_claim(x, li)->unit != FC_UNIT_PERCENT)
                continue;
            const fc_claim *l = fc_check_claim(x, li);
            /* The earlier level: stated, else reported by another source, else
             * the change read as points (percent_points says whether that fits). */
            double sign = c->direction == FC_DIR_DOWN ? 1 : -1;
            size_t ei = isnan(c->from) ? fc_check_reported_earlier(x, li) : rel.previous;
            double before = !isnan(c->from)  ? c->from
                            : ei != FC_NONE ? fc_check_claim(x, ei)->value
                                            : l->value + sign * c->value;
            st = poll_change(x, k, li, before, ei);
        } else if (c->role == FC_ROLE_LEVEL && c->unit == FC_UNIT_PERCENT &&
                   fc_check_relation(x, k, &rel) && rel.previous != FC_NONE) {
            /* "climbed to 71% from 66%" with no change stated: unless a change
             * claim of the sentence already covers it. */
            size_t from, to;
            bool covered = false;
            fc_check_near(x, k, 0, 0, &from, &to);
            for (size_t j = from; j < to && !covered; j++) {
                const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
                covered = o->sentence == c->sentence && o->role == FC_ROLE_CHANGE &&
                          (o->unit == FC_UNIT_PERCENT || o->unit == FC_UNIT_PERCENTAGE_POINT);
            }
            if (!covered)
                st = poll_change(x, k, k, fc_check_claim(x, rel.previous)->value, rel.previous);
        }
        if (st != FC_OK)
            return st;
    }
    return FC_OK;
}
