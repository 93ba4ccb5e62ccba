/* check_stated_multiple.c - "doubled", "tripled", "quadrupled", "N times"
 * against the two figures given.
 *
 * "Doubled to 52 from 31": 52 / 31 = 1.68, not 2. "Quadrupled, from 9 to 41":
 * 4.6. The words are rounded: a multiple fits within 5% of its value and the
 * rounding of the two figures; "more than doubled" fits any multiple from 2 up,
 * "nearly tripled" anything from 10% below 3 to 3.
 */
#include <math.h>

#include "check_internal.h"

fc_status fc_check_stated_multiple(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = fc_check_claim(x, k);
        fc_relation rel;
        if (c->unit != FC_UNIT_RATIO || c->role != FC_ROLE_CHANGE || c->value < 1 ||
            !fc_check_relation(x, k, &rel) || rel.level == FC_NONE || rel.previous == FC_NONE)
            continue;
        const fc_claim *now = fc_check_claim(x, rel.level), *before = fc_check_claim(x, rel.previous);
        if (before->value <= 0 || now->unit != before->unit)
            continue;
        double actual = now->value / before->value;
        /* The figures' rounding carried into the ratio. */
        double pn = 0.5 * fc_check_precision(x, now), pb = 0.5 * fc_check_precision(x, before);
        double amin = (now->value - pn) / (before->value + pb);
        double amax = before->value > pb ? (now->value + pn) / (before->value - pb) : INFINITY;
        double lo = c->low * 0.95, hi = isfinite(c->high) ? c->high * 1.05 : INFINITY;
        if (c->qualifier == FC_QUAL_MORE_THAN || c->qualifier == FC_QUAL_AT_LEAST)
            lo = c->value * (c->qualifier == FC_QUAL_MORE_THAN ? 1 : 0.95);
        bool fits = amax >= lo - 1e-9 && amin <= hi + 1e-9;
        fc_finding f;
        fc_status st =
            fc_check_start(&f, "stated_multiple", fits ? FC_SEV_INFO : FC_SEV_WARNING, 3);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = rel.level;
        f.claims[f.nclaims++] = rel.previous;
        fc_check_add_num(&f, "stated", c->value);
        fc_check_add_num(&f, "actual", actual);
        fc_strbuf sb = {0};
        fc_sb_puts(&sb, "\"");
        fc_check_words(&sb, x, c);
        fc_sb_puts(&sb, "\": ");
        fc_sb_number(&sb, now->value);
        fc_sb_puts(&sb, " from ");
        fc_sb_number(&sb, before->value);
        fc_sb_puts(&sb, " is ");
        fc_sb_number(&sb, round(actual * 100) / 100);
        fc_sb_printf(&sb, " times: %s",
                     fits ? "consistent." : "the words overstate or understate it.");
        if ((st = fc_check_finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}
