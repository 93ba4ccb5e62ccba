/* check_poll.h - what the poll checks share (private). */
#ifndef FC_CHECK_POLL_H
#define FC_CHECK_POLL_H

#include "check_internal.h"

/* The largest sample a poll check takes, as for the rules' sample_size: a
 * "survey of 5 billion people" is not a poll's sample (and would not fit the
 * counts the checks work with). */
#define FC_POLL_MAX_SAMPLE 1e9

/* The stated sample of a document's poll: the first exact count of at least 10
 * and at most FC_POLL_MAX_SAMPLE in a poll sentence with a counted noun ("a
 * survey of 1,050 parents"); NULL when the text gives none. */
const fc_claim *fc_check_stated_sample(const fc_check_ctx *x, size_t doc);

#endif
