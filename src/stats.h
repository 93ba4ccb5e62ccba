/* stats.h - the statistics the checks use, on GSL (private).
 *
 * Every function checks its domain first and returns false when the inputs make
 * no sense (n = 0, p outside [0, 1], ...), so no NaN or infinity ever reaches a
 * finding. Proportions are fractions (0.46), not percentages. */
#ifndef FC_STATS_H
#define FC_STATS_H

#include <stdbool.h>
#include <stdint.h>

/* The two-sided normal quantile for a confidence level: 0.95 -> 1.959964. */
bool fc_stats_z(double confidence, double *z);

/* Margin of error of a proportion p from n respondents: z * sqrt(p(1-p)/n). */
bool fc_stats_moe(double p, double n, double confidence, double *moe);

/* Wilson score interval of a proportion (as R's prop.test(x, n, correct = FALSE)). */
bool fc_stats_wilson(double p, double n, double confidence, double *lo, double *hi);

/* Two proportions from independent samples (as R's prop.test(c(x1, x2), c(n1, n2),
 * correct = FALSE)): the difference p1 - p2, the pooled z statistic and its
 * two-sided p value, and the margin of error of the difference (unpooled). */
typedef struct fc_two_prop {
    double diff, z, p_value, moe_diff;
} fc_two_prop;
bool fc_stats_two_prop(double p1, double n1, double p2, double n2, double confidence,
                       fc_two_prop *out);

/* Exact two-sided binomial test of k successes in n against p0 (as R's binom.test). */
bool fc_stats_binom_test(unsigned k, unsigned n, double p0, double *p_value);

/* Fisher's exact two-sided test of k1 of n1 against k2 of n2, two independent
 * samples (as R's fisher.test on the 2x2 table). For small samples: false when
 * n1 + n2 exceeds FC_STATS_FISHER_MAX. */
#define FC_STATS_FISHER_MAX 100000
bool fc_stats_fisher_test(uint64_t k1, uint64_t n1, uint64_t k2, uint64_t n2, double *p_value);

/* Exact (Clopper-Pearson) interval for k of n (as R's binom.test(k, n)$conf.int). */
bool fc_stats_clopper_pearson(unsigned k, unsigned n, double confidence, double *lo, double *hi);

/* Granularity: whether a percentage reported with `decimals` decimals can come
 * from a whole number of n respondents; *k is the count that gives it (the
 * nearest one when none does). False, and *k = 0, when the inputs make no sense
 * (n = 0, a percentage outside [0, 100]). 64-bit counts: a sample of 2^32 or
 * more is not cut down to its low bits. */
bool fc_stats_granular(double percent, int decimals, uint64_t n, uint64_t *k);

#endif
