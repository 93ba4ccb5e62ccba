/* check_target.h - what the target checks share (private). */
#ifndef FC_CHECK_TARGET_H
#define FC_CHECK_TARGET_H

#include "check_internal.h"

/* The actual figures a target (claim t) is set against: levels of the rule
 * measure its measure names in `target_of`, or the claims of its group related
 * to it that are not targets or projections. Writes their indices to out (room
 * for x->claims->n) and returns how many. */
size_t fc_check_actuals(const fc_check_ctx *x, size_t t, size_t *out);

/* The other actual figures a target's echo is set against (the first few). */
#define FC_ECHO_OTHERS 6
typedef struct fc_echo_others {
    size_t k[FC_ECHO_OTHERS];
    size_t n;
} fc_echo_others;

/* Whether claim a, an actual figure, repeats target t: within 5% of it, while
 * the other actual figures (at least one) average at most 60% of it. Writes
 * their mean, and (others not NULL, n set to 0) the first few of them. */
bool fc_check_target_echo(const fc_check_ctx *x, size_t t, size_t a, const size_t *actuals,
                          size_t n, double *others_mean, fc_echo_others *others);

/* Whether figure a repeats target t: within 5% of it, or for a percentage
 * within half a point ("90.1%" is no echo of a 92% goal). */
static inline bool fc_check_echoes(const fc_claim *t, const fc_claim *a)
{
    double d = a->value > t->value ? a->value - t->value : t->value - a->value;
    return t->unit == FC_UNIT_PERCENT ? d <= 0.5 : d <= 0.05 * t->value;
}

/* How many sentences after a target its text may report progress towards it. */
#define FC_PROGRESS_SENTENCES 3

/* Whether claim o, an actual figure, is a progress report on target t: in the
 * target's document, up to FC_PROGRESS_SENTENCES sentences after it, of the same unit and rate
 * ("set out to hire 300 teachers. As of Wednesday, it had filled 174"). */
bool fc_check_progress_of(const fc_check_ctx *x, const fc_claim *t, const fc_claim *o);

/* Whether claim k is a target the target checks take up: a positive level
 * stated as a target, and not a repeat of one said earlier in its document. */
bool fc_check_is_target(const fc_check_ctx *x, size_t k);

#endif
