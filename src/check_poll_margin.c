/* check_poll_margin.c - a stated margin of error against the stated sample.
 *
 * "A survey of 1,200 adults ... a margin of error of plus or minus 3 percentage
 * points": a simple random sample of 1,200 gives at most +-2.83 points at 95%
 * confidence (at a 50% share). Weighting makes a real margin larger, seldom by
 * more than half again (a design effect up to about 2, the heaviest panels'
 * near 3); a stated margin below the simple-random-sample one, beyond rounding,
 * or more than 1.75 times it (a design effect above 3), does not fit the
 * sample: a warning. The margin is the figure written right after
 * "margin of error" (or "+/-", "plus or minus") in a sentence of a document
 * whose poll states its sample. A margin stated for a subgroup ("the 310
 * Hispanic voters, for whom the margin is 5.6 points") is held against the
 * subgroup's count in its sentence.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#include "check_internal.h"
#include "check_poll.h"
#include "stats.h"

/* Whether "margin of error" (or "sampling error") comes shortly before the claim
 * in its sentence, with no other figure between. */
bool fc_check_after_margin_words(const fc_check_ctx *x, size_t k)
{
    const fc_claim *c = fc_check_claim(x, k);
    const fc_doc *d = fc_check_doc(x, c);
    if (!d || c->start > d->len || c->sentence_start > c->start)
        return false;
    size_t from = c->start > c->sentence_start + 80 ? c->start - 80 : c->sentence_start;
    fc_view v;
    if (!fc_view_of(d, from, c->start, &v))
        return false;
    static const char *const cues[] = {"margin of error", "sampling error", "margin of sampling"};
    for (size_t q = 0; q < sizeof cues / sizeof *cues; q++) {
        size_t n = strlen(cues[q]);
        for (size_t i = from; i + n <= c->start; i++) {
            if (strncasecmp(fc_ptr(&v, i), cues[q], n) != 0)
                continue;
            bool digit = false; /* no other figure between the words and the claim */
            for (size_t j = i + n; j < c->start && !digit; j++)
                digit = isdigit((unsigned char)fc_at(&v, j));
            if (!digit)
                return true;
        }
    }
    return false;
}

/* The subgroup a margin is stated for: a count of people in the margin's own
 * sentence, before it, other than the poll's sample ("the 250 voters under 30
 * it interviewed; for that group the margin is ..."); NULL when none. */
static const fc_claim *subgroup_of(const fc_check_ctx *x, size_t k, const fc_claim *sample)
{
    const fc_claim *c = fc_check_claim(x, k), *best = NULL;
    size_t from, to;
    fc_check_near(x, k, 0, 0, &from, &to);
    for (size_t j = from; j < to; j++) {
        const fc_claim *o = fc_check_claim(x, x->by_doc[j]);
        if (o != sample && o->sentence == c->sentence && o->start < c->start &&
            o->unit == FC_UNIT_COUNT && o->qualifier == FC_QUAL_EXACT && o->value >= 10 &&
            o->value <= FC_POLL_MAX_SAMPLE && o->subject && (!sample || o->value < sample->value))
            best = o;
    }
    return best;
}

fc_status fc_check_poll_margin(const fc_check_ctx *x)
{
    const fc_claim *doc_sample = NULL;
    size_t sample_doc = (size_t)-1; /* whose sample is doc_sample (found once a document) */
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = fc_check_claim(x, k);
        if ((c->unit != FC_UNIT_PERCENTAGE_POINT && c->unit != FC_UNIT_PERCENT) ||
            c->value <= 0 || c->value > 50 || !fc_check_after_margin_words(x, k))
            continue;
        if (c->doc != sample_doc) {
            doc_sample = fc_check_stated_sample(x, c->doc);
            sample_doc = c->doc;
        }
        const fc_claim *group = subgroup_of(x, k, doc_sample);
        const fc_claim *sample = group ? group : doc_sample;
        double moe;
        if (!sample || !fc_stats_moe(0.5, sample->value, 0.95, &moe))
            continue;
        moe *= 100;
        double slack = 0.5 * fc_check_precision(x, c) + 1e-9;
        bool too_small = c->value < moe - slack, too_large = c->value > 1.75 * moe + slack;
        fc_finding f;
        fc_status st = fc_check_start(&f, "poll_margin",
                                      too_small || too_large ? FC_SEV_WARNING : FC_SEV_INFO, 2);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = (size_t)(sample - x->claims->items);
        fc_check_add_num(&f, "stated_margin", c->value);
        fc_check_add_num(&f, "n", sample->value);
        fc_check_add_num(&f, "srs_margin", moe);
        fc_check_add_num(&f, "design_effect_implied", (c->value / moe) * (c->value / moe));
        fc_strbuf sb = {0};
        fc_sb_puts(&sb, "A margin of error of \xC2\xB1");
        fc_sb_number(&sb, c->value);
        fc_sb_puts(&sb, " points with ");
        fc_sb_number(&sb, sample->value);
        fc_sb_printf(&sb,
                     " respondents%s: a simple random sample of that size gives \xC2\xB1%.1f "
                     "points at 95%% confidence (at 50%%)",
                     group ? " (the subgroup it is stated for)" : "", moe);
        if (too_small)
            fc_sb_puts(&sb, "; the stated margin is smaller than the sample allows.");
        else if (too_large)
            fc_sb_puts(&sb, "; the stated margin is more than 1.75 times that, more than "
                            "weighting explains: check the sample size or the margin.");
        else
            fc_sb_puts(&sb, ": consistent.");
        if ((st = fc_check_finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}
