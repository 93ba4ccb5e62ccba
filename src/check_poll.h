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

/* Whether "margin of error" (or "sampling error") comes shortly before claim k
 * in its sentence, with no other figure between. */
bool fc_check_after_margin_words(const fc_check_ctx *x, size_t k);

/* What a document says of its poll's design. */
typedef struct fc_poll_design {
    const fc_claim *sample; /* the stated sample: completed interviews (fc_check_stated_sample) */
    const fc_claim *margin; /* the stated margin of error, in points; NULL: none */
    bool opt_in;            /* an opt-in (non-probability) sample: "opt-in", "online panel" */
    bool panel;             /* the same respondents asked again: "the same respondents" */
    bool weighted;          /* "weighted", "weighting": shares are no whole counts' */
    bool change_as_points;  /* (set by poll_change) an ambiguous "up 10%" read as points */
} fc_poll_design;

void fc_check_poll_design(const fc_check_ctx *x, size_t doc, fc_poll_design *out);

/* The sample size of claim c's poll: its document's stated sample (sample,
 * from fc_check_stated_sample; NULL: none), else the
 * rules' usual sample for the poll's source, else the rules' default for any
 * poll; NaN when none. *how says which ("stated", "assumed: ..."), for a
 * message. */
double fc_check_poll_n(const fc_check_ctx *x, const fc_claim *c, const fc_claim *sample,
                       const char **how, const char **pollster);

/* Writes a p value as a reader needs it: "p = 0.046", "p < 0.001". */
void fc_check_sb_p(fc_strbuf *sb, double p);

#endif
