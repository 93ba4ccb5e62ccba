/* check_poll_granularity.c - can a poll percentage come from the stated sample?
 *
 * With a stated sample of n respondents, a share reported as a whole percentage
 * must be k/n for a whole number k, rounded (46% of 13 people cannot be: 6 of 13
 * is 46.15%, which rounds to 46; 50% of 13 cannot). Reported to one decimal,
 * likewise to one decimal. Weighted shares are no whole counts over n: a
 * document that says its figures are weighted gets no finding, and a share
 * given to a decimal from a sample of 100 or more, which weighting explains,
 * only a note (the usual weighted poll reports "41.6%" of 600).
 */
#include <inttypes.h>
#include <math.h>

#include "check_internal.h"
#include "check_poll.h"
#include "stats.h"

static fc_status granularity(const fc_check_ctx *x, size_t doc, const fc_claim *sample)
{
    fc_poll_design design;
    fc_check_poll_design(x, doc, &design);
    if (design.weighted)
        return FC_OK;
    /* at least 10 and at most FC_POLL_MAX_SAMPLE (fc_check_stated_sample) */
    uint64_t n = (uint64_t)llround(sample->value);
    if (n == 0)
        return FC_OK;
    size_t from, to;
    fc_check_doc_range(x, doc, &from, &to);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *c = fc_check_claim(x, i);
        uint64_t k;
        if (c->modality != FC_MOD_POLL || c->unit != FC_UNIT_PERCENT || c->role != FC_ROLE_LEVEL ||
            c->qualifier != FC_QUAL_EXACT || !(c->value >= 0 && c->value <= 100))
            continue;
        int decimals = fabs(c->value - round(c->value)) < 1e-9 ? 0 : 1;
        if (fc_stats_granular(c->value, decimals, n, &k))
            continue;
        fc_finding f;
        bool may_be_weighted = decimals > 0 && n >= 100;
        fc_status st = fc_check_start(&f, "poll_granularity",
                                      may_be_weighted ? FC_SEV_INFO : FC_SEV_WARNING, 2);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = i;
        f.claims[f.nclaims++] = (size_t)(sample - x->claims->items);
        fc_check_add_num(&f, "percent", c->value);
        fc_check_add_num(&f, "n", (double)n);
        fc_check_add_num(&f, "nearest_count", (double)k);
        fc_check_add_num(&f, "nearest_percent", 100.0 * (double)k / (double)n);
        fc_strbuf sb = {0};
        fc_sb_printf(&sb,
                     "%g%% cannot come from a whole number of %" PRIu64 " respondents: %" PRIu64
                     " of %" PRIu64 " is %.2f%%.",
                     c->value, n, k, n, 100.0 * (double)k / (double)n);
        if (may_be_weighted)
            fc_sb_puts(&sb, " Weighted figures need not be whole counts over the sample, and most "
                            "polls are weighted: a note, not a warning.");
        if ((st = fc_check_finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}

fc_status fc_check_poll_granularity(const fc_check_ctx *x)
{
    for (size_t d = 0; d < x->ndocs; d++) {
        const fc_claim *sample = fc_check_stated_sample(x, d);
        fc_status st = sample ? granularity(x, d, sample) : FC_OK;
        if (st != FC_OK)
            return st;
    }
    return FC_OK;
}
