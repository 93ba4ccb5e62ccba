/* check_percent_points.c - percent or percentage points?
 *
 * A change of a percentage ("support fell 3% to 46%", "up 5 points to 71%") can
 * mean points (46 + 3 = 49 before) or a relative change (46 / 0.97 = 47.4
 * before). The earlier level decides: stated in the sentence ("to 71% from
 * 66%"), else an earlier level of the same thing that another source states for
 * a period before this one. With "%" the finding says which reading the earlier
 * level supports (a warning when it is points: the text says percent and means
 * points); with "points" it says whether the points fit. Without an earlier
 * level the change is only noted as ambiguous (info). Each figure stands for
 * the values that round to it ("46%" is 45.5 to 46.5, "3.8%" 3.75 to 3.85, a
 * change of "4%" 3.5 to 4.5), and a reading fits when the earlier level it
 * implies over those ranges meets the stated one: "fell to 3.8% from 4.2%, a
 * 4% drop" fits neither (0.4 points; 9.5% relative). When the sentence prints
 * both levels, the change is held to the writer's arithmetic on them instead: their
 * difference (or its relative size) to within less than half a unit of the
 * change's last digit ("rose 2 points to 7.5% from 6%" is 1.5 points).
 */
#include <math.h>
#include <string.h>

#include "check_internal.h"

/* The level of the change: stated with it, else the nearest percentage of its
 * sentence (before it: "46%, down 3 points"; else after: "down 3% to 46%"). */
static size_t level_for(const fc_check_ctx *x, size_t k, const fc_relation *rel)
{
    if (rel->level != FC_NONE)
        return fc_check_claim(x, rel->level)->unit == FC_UNIT_PERCENT ? rel->level : FC_NONE;
    const fc_claim *c = fc_check_claim(x, k);
    size_t best = FC_NONE, from, to;
    fc_check_near(x, k, 0, 0, &from, &to);
    for (size_t j = from; j < to; j++) {
        size_t i = x->by_doc[j];
        const fc_claim *l = fc_check_claim(x, i);
        if (l->sentence != c->sentence || l->role != FC_ROLE_LEVEL || l->unit != FC_UNIT_PERCENT)
            continue;
        const fc_claim *b = best == FC_NONE ? NULL : fc_check_claim(x, best);
        if (!b || (l->start < c->start && l->start > b->start) ||
            (b->start > c->start && l->start > c->start && l->start < b->start))
            best = i;
    }
    return best;
}

fc_status fc_check_percent_points(const fc_check_ctx *x)
{
    for (size_t k = 0; k < x->claims->n; k++) {
        const fc_claim *c = fc_check_claim(x, k);
        fc_relation rel;
        if (c->role != FC_ROLE_CHANGE || !c->direction ||
            (c->unit != FC_UNIT_PERCENT && c->unit != FC_UNIT_PERCENTAGE_POINT))
            continue;
        fc_check_relation(x, k, &rel);
        size_t li = level_for(x, k, &rel);
        if (li == FC_NONE)
            continue;
        const fc_claim *l = fc_check_claim(x, li);
        bool points_unit = c->unit == FC_UNIT_PERCENTAGE_POINT;
        double d = c->value, sign = c->direction == FC_DIR_DOWN ? 1 : -1;
        double if_points = l->value + sign * d;
        double if_relative = l->value / (1 - sign * d / 100);
        size_t ei = rel.previous;
        if (ei == FC_NONE && !isnan(c->from))
            ei = FC_NONE; /* a stated "from" that is no claim: use the value */
        double evidence = ei != FC_NONE ? fc_check_claim(x, ei)->value : c->from;
        bool stated = !isnan(evidence);
        if (!stated && (ei = fc_check_reported_earlier(x, li)) != FC_NONE)
            evidence = fc_check_claim(x, ei)->value;
        if (isnan(evidence) && points_unit)
            continue; /* points with nothing to check them against */
        if (isnan(evidence) && (if_points < 0 || if_points > 100))
            continue; /* only the relative reading is possible: nothing to flag */
        /* Each figure stands for the values that round to it: half a unit of its
         * last digit either way ("3.8%" is 3.75 to 3.85, "4%" 3.5 to 4.5); an
         * earlier level that is no claim gets half a point. The earlier level
         * each reading implies is worked out at both ends of those ranges. */
        double hl = 0.5 * fc_check_precision(x, l), hd = 0.5 * fc_check_precision(x, c);
        double he = ei != FC_NONE ? 0.5 * fc_check_precision(x, fc_check_claim(x, ei)) : 0.5;
        double l_lo = l->value - hl, l_hi = l->value + hl, d_lo = fmax(d - hd, 0), d_hi = d + hd;
        double p_lo = sign > 0 ? l_lo + d_lo : l_lo - d_hi, p_hi = sign > 0 ? l_hi + d_hi : l_hi - d_lo;
        double r_lo = sign > 0 ? l_lo / (1 - d_lo / 100) : l_lo / (1 + d_hi / 100);
        double r_hi = sign > 0 ? (d_hi < 100 ? l_hi / (1 - d_hi / 100) : INFINITY)
                               : l_hi / (1 + d_lo / 100);
        double e_lo = evidence - he - 1e-9, e_hi = evidence + he + 1e-9;
        bool points = !isnan(evidence) && p_lo <= e_hi && e_lo <= p_hi;
        bool relative = !isnan(evidence) && r_lo <= e_hi && e_lo <= r_hi;
        if (stated && evidence > 0) {
            /* Both levels printed with the change: the writer's own arithmetic
             * on them. The change must be the difference of the printed levels
             * (or its relative size) to within less than half a unit of its
             * last digit: "to 7.5% from 6%" is 1.5 points, not "2 points";
             * "from 79% to 84%" is 5 points or 6.3%, not "5%" relative. */
            double diff = fabs(l->value - evidence), tol = hd * (1 - 1e-9);
            points = fabs(d - diff) < tol;
            relative = fabs(d - 100 * diff / evidence) < tol;
        }
        fc_severity sev = FC_SEV_INFO;
        if (points_unit ? !points : (points && !relative) || (!isnan(evidence) && !points &&
                                                                !relative))
            sev = FC_SEV_WARNING;
        fc_finding f;
        fc_status st = fc_check_start(&f, "percent_points", sev, 3);
        if (st != FC_OK)
            return st;
        f.claims[f.nclaims++] = k;
        f.claims[f.nclaims++] = li;
        if (ei != FC_NONE)
            f.claims[f.nclaims++] = ei;
        fc_check_add_num(&f, "level", l->value);
        fc_check_add_num(&f, "change", d);
        fc_check_add_num(&f, "before_if_points", if_points);
        if (!points_unit)
            fc_check_add_num(&f, "before_if_relative", if_relative);
        if (!isnan(evidence)) {
            fc_check_add_num(&f, "before_reported", evidence);
            fc_check_add_num(&f, "change_in_points", fabs(l->value - evidence));
            if (evidence > 0)
                fc_check_add_num(&f, "change_relative_percent",
                                 100 * fabs(l->value - evidence) / evidence);
        }
        fc_strbuf sb = {0};
        fc_sb_puts(&sb, "\"");
        fc_check_words(&sb, x, c);
        fc_sb_printf(&sb, "\" %s next to %g%%: ",
                     c->direction == FC_DIR_DOWN ? "(down)" : "(up)", l->value);
        if (points_unit) {
            fc_sb_puts(&sb, "the earlier figure would be ");
            fc_sb_number(&sb, if_points);
            fc_sb_puts(&sb, "%. ");
        } else {
            fc_sb_puts(&sb, "as percentage points the figure was ");
            fc_sb_number(&sb, if_points);
            fc_sb_puts(&sb, "% before; as a relative change it was ");
            fc_sb_number(&sb, round(if_relative * 10) / 10);
            fc_sb_puts(&sb, "%");
        }
        if (isnan(evidence)) {
            fc_sb_puts(&sb, "; no source gives the earlier figure, so the change is ambiguous.");
        } else {
            if (!points_unit)
                fc_sb_puts(&sb, ". ");
            fc_sb_puts(&sb, !stated ? fc_check_outlet(x, fc_check_claim(x, ei))
                            : ei != FC_NONE && fc_check_claim(x, ei)->sentence != c->sentence
                                ? "The sentence before"
                                : "The same sentence");
            fc_sb_puts(&sb, " gives ");
            fc_sb_number(&sb, evidence);
            fc_sb_puts(&sb, "%, a change of ");
            double diff = round(fabs(l->value - evidence) * 100) / 100;
            fc_sb_number(&sb, diff);
            fc_sb_puts(&sb, diff == 1 ? " point" : " points");
            if (evidence > 0) {
                fc_sb_puts(&sb, " (");
                fc_sb_number(&sb, round(1000 * fabs(l->value - evidence) / evidence) / 10);
                fc_sb_puts(&sb, "% relative)");
            }
            if (points_unit)
                fc_sb_puts(&sb, points ? ": the points fit." : ": the stated points do not fit.");
            else
                fc_sb_printf(&sb, ": %s.",
                             points && !relative   ? "the change is in percentage points, "
                                                     "not percent"
                             : relative && !points ? "a relative change fits"
                             : points              ? "both readings fit"
                                                   : "neither reading fits");
        }
        if ((st = fc_check_finish(x, &f, &sb)) != FC_OK)
            return st;
    }
    return FC_OK;
}
