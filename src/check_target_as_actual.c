/* check_target_as_actual.c - a target reported as an actual figure.
 *
 * An actual figure equal (within 5%) to a target another claim states for the
 * same thing, while the other actual figures are far lower (their mean at most
 * 60% of the target): "arresting 3,000 a day" where 3,000 was the order and
 * the reported pace is about 700. The cross_source check leaves such a figure
 * to this one (fc_check_target_echo).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check_target.h"

/* Whether actual a follows target t in its sentence past ", and" and a verb
 * of speech ("set out to land 24,000 tonnes by the end of October, and in a
 * statement Tuesday it said its boats had landed 24,000 tonnes"): a report of
 * its own, not the target restated. */
static bool clause_after(const fc_check_ctx *x, const fc_claim *t, const fc_claim *a)
{
    fc_view v;
    if (a->start <= t->end || !fc_view_of(fc_check_doc(x, t), t->end, a->start, &v))
        return false;
    const char *p = fc_ptr(&v, t->end);
    size_t n = a->start - t->end;
    static const char *const speech[] = {" said ", " says ", " reported ", " announced "};
    bool and = false, said = false;
    for (size_t i = 0; i + 6 <= n && !and; i++)
        and = memcmp(p + i, ", and ", 6) == 0;
    for (size_t k = 0; k < sizeof speech / sizeof *speech && !said; k++)
        for (size_t i = 0, m = strlen(speech[k]); i + m <= n && !said; i++)
            said = memcmp(p + i, speech[k], m) == 0;
    return and && said;
}

fc_status fc_check_target_as_actual(const fc_check_ctx *x)
{
    size_t *actuals = malloc((x->claims->n + 1) * sizeof *actuals);
    if (!actuals)
        return FC_ENOMEM;
    fc_status st = FC_OK;
    for (size_t k = 0; st == FC_OK && k < x->claims->n; k++) {
        const fc_claim *t = fc_check_claim(x, k);
        if (!fc_check_is_target(x, k))
            continue;
        size_t n = fc_check_actuals(x, k, actuals), ngroup = n;
        /* A progress report in the target's own text that gives the target
         * itself ("set out to dredge 2.5 million cubic metres. On Tuesday it
         * said 2.5 million had been dredged"), with lower ones beside it. */
        size_t from, to;
        fc_check_near(x, k, 0, FC_PROGRESS_SENTENCES, &from, &to);
        for (size_t j = from; j < to; j++) {
            size_t i = x->by_doc[j];
            const fc_claim *o = fc_check_claim(x, i);
            bool listed = false;
            for (size_t m = 0; m < ngroup && !listed; m++)
                listed = actuals[m] == i;
            if (!listed && fc_check_progress_of(x, t, o) && fc_check_echoes(t, o))
                actuals[n++] = i;
        }
        for (size_t i = 0; st == FC_OK && i < n; i++) {
            double mean;
            const fc_claim *a = fc_check_claim(x, actuals[i]);
            /* (in the target's own sentence, only the target itself: "had
             * beaten it, reporting $512,000 raised" against $500,000 is no echo) */
            if (a->doc == t->doc && a->sentence == t->sentence &&
                (a->value != t->value || !clause_after(x, t, a)))
                continue;
            /* (a budget named again is the plan itself, no report of what was
             * done: "plans to spend its $7.2 million snow budget ... a third of
             * the $7.2 million budget") */
            if (fc_groups_has_term(x->groups, x->claims, actuals[i], "t:budget"))
                continue;
            fc_echo_others others = {.n = 0};
            if (!fc_check_target_echo(x, k, actuals[i], actuals, n, &mean, &others))
                continue;
            fc_finding f;
            if ((st = fc_check_start(&f, "target_as_actual", FC_SEV_WARNING, 2 + others.n)) !=
                FC_OK)
                break;
            f.claims[f.nclaims++] = actuals[i];
            f.claims[f.nclaims++] = k;
            /* and the actual figures it is set against, so the report shows them */
            for (size_t o = 0; o < others.n; o++)
                f.claims[f.nclaims++] = others.k[o];
            fc_check_add_num(&f, "actual_claimed", a->value);
            fc_check_add_num(&f, "target", t->value);
            fc_check_add_num(&f, "others_mean", mean);
            fc_strbuf sb = {0};
            fc_sb_puts(&sb, fc_check_outlet(x, a));
            fc_sb_puts(&sb, " gives ");
            fc_sb_number(&sb, a->value);
            fc_sb_puts(&sb, " as an actual figure, but that is the target ");
            fc_sb_puts(&sb, fc_check_outlet(x, t));
            fc_sb_puts(&sb, " reports; the other actual figures average ");
            fc_sb_number(&sb, round(mean));
            fc_sb_puts(&sb, ": a target reported as an actual?");
            st = fc_check_finish(x, &f, &sb);
        }
    }
    free(actuals);
    return st;
}
