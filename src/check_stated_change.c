/* check_stated_change.c - a stated change against the two levels it joins.
 *
 * "Dropped 15% to 340 from 410": 410 -> 340 is a drop of 17.1%, not 15%.
 * "Grew by $2.4 billion to $18.9 billion from $15.9 billion": the levels are
 * $3 billion apart. The change is recomputed from the levels the sentence gives
 * (the new one, "to", and the earlier one, "from"), in the change's own unit (a
 * percentage is a relative change of the levels; a count or an amount their
 * difference), and compared with the words: each figure is allowed the rounding
 * of its last digit and the hedge on the change ("about 15%"). Changes of
 * percentages are the percent_points check's.
 */
#include <math.h>

#include "check_internal.h"

fc_status fc_check_stated_change(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = fc_check_claim(x, k);
        fc_relation rel;
        /* A fraction as a change ("rose by a quarter", "halved") is a relative
         * change (+25%, -50%); multiples of 1 and more are stated_multiple's. */
        bool fraction = c->unit == FC_UNIT_RATIO && c->value > 0 && c->value < 1;
        if (c->role != FC_ROLE_CHANGE || !c->direction ||
            (c->unit == FC_UNIT_RATIO && !fraction) ||
            c->unit == FC_UNIT_PERCENTAGE_POINT || !fc_check_relation(x, k, &rel) ||
            rel.level == FC_NONE || rel.previous == FC_NONE)
            continue;
        const fc_claim *now = fc_check_claim(x, rel.level), *then = fc_check_claim(x, rel.previous);
        if (now->unit == FC_UNIT_PERCENT || now->unit != then->unit || then->value == 0)
            continue;
        bool relative = c->unit == FC_UNIT_PERCENT || fraction;
        if (!relative && c->unit != now->unit)
            continue;
        /* "down 20 cents from $4.09": a change in a subunit, in the levels' unit */
        double sub = 1;
        /* ("fell 2.4 cents to 24.5 cents per kilowatt-hour": the change's unit
         * is the compound's first, the same money) */
        size_t ln = strlen(c->unit_name);
        bool same_money = strcmp(c->unit_name, now->unit_name) == 0 ||
                          (ln && strncmp(c->unit_name, now->unit_name, ln) == 0 &&
                           strncmp(now->unit_name + ln, " per ", 5) == 0);
        /* ("down 12 cents to $3.29 a gallon from $3.41": cents are worth a
         * hundredth of the dollar, not of a price per cubic metre) */
        if (!relative && c->unit == FC_UNIT_CURRENCY && !same_money) {
            if (!(c->value != 0 && now->value != 0 && isfinite(c->base_value) &&
                  isfinite(now->base_value) && now->base_value != 0))
                continue;
            /* (a change in the levels' own currency: its worth in it, whatever
             * the levels are priced per) */
            sub = strcmp(c->base_unit, now->currency) == 0
                      ? c->base_value / c->value
                      : (c->base_value / c->value) / (now->base_value / now->value);
        }
        double diff = now->value - then->value;
        double actual = relative ? 100 * diff / then->value : diff;
        double stated =
            (c->direction == FC_DIR_DOWN ? -c->value : c->value) * (fraction ? 100 : sub);
        /* Slack: half a unit of each figure's last digit, carried into the change,
         * and the hedge's own interval on the change. */
        double pn = 0.5 * fc_check_precision(x, now), pt = 0.5 * fc_check_precision(x, then);
        double slack = relative ? 100 * (pn + pt) / fabs(then->value) +
                                      fabs(actual) * pt / fabs(then->value)
                                : pn + pt;
        slack += 0.5 * fc_check_precision(x, c) * sub + 1e-9;
        double scale = fraction ? 100 : sub;
        double lo = (c->direction == FC_DIR_DOWN ? -c->high : c->low) * scale;
        double hi = (c->direction == FC_DIR_DOWN ? -c->low : c->high) * scale;
        if (fraction) /* "a quarter" is said of 23% to 27% too */
            slack += 0.1 * fabs(stated);
        if (!isfinite(lo))
            lo = -INFINITY;
        if (!isfinite(hi))
            hi = INFINITY;
        bool fits = actual >= lo - slack && actual <= hi + slack;
        fc_finding f;
        fc_status st =
            fc_check_start(&f, "stated_change", fits ? FC_SEV_INFO : FC_SEV_WARNING, 3);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = rel.level;
        f.claims[f.nclaims++] = rel.previous;
        fc_check_add_num(&f, "stated", stated);
        fc_check_add_num(&f, "actual", actual);
        fc_check_add_num(&f, "from", then->value);
        fc_check_add_num(&f, "to", now->value);
        fc_check_add_num(&f, "slack", slack);
        fc_strbuf sb = {0};
        fc_sb_puts(&sb, "\"");
        fc_check_words(&sb, x, c);
        fc_sb_puts(&sb, "\": ");
        fc_sb_number(&sb, then->value);
        fc_sb_puts(&sb, " to ");
        fc_sb_number(&sb, now->value);
        fc_sb_puts(&sb, " is ");
        if (relative) {
            fc_sb_printf(&sb, "a change of %+.1f%%", actual);
        } else {
            fc_sb_puts(&sb, actual < 0 ? "a fall of " : "a rise of ");
            fc_sb_number(&sb, fabs(actual));
        }
        fc_sb_puts(&sb, fits ? ": consistent." : ": the stated change does not fit the figures.");
        if ((st = fc_check_finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}
