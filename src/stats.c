/* stats.c - proportions, margins of error and exact tests with GSL (see stats.h). */
#include "stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <math.h>

static bool is_prob(double p)
{
    return p >= 0 && p <= 1;
}

bool fc_stats_z(double confidence, double *z)
{
    if (!(confidence > 0 && confidence < 1))
        return false;
    *z = gsl_cdf_ugaussian_Pinv(1 - (1 - confidence) / 2);
    return isfinite(*z);
}

bool fc_stats_moe(double p, double n, double confidence, double *moe)
{
    double z;
    if (!is_prob(p) || !(n >= 1) || !isfinite(n) || !fc_stats_z(confidence, &z))
        return false;
    *moe = z * sqrt(p * (1 - p) / n);
    return true;
}

bool fc_stats_wilson(double p, double n, double confidence, double *lo, double *hi)
{
    double z;
    if (!is_prob(p) || !(n >= 1) || !isfinite(n) || !fc_stats_z(confidence, &z))
        return false;
    double z2 = z * z, denom = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denom;
    double half = z * sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    *lo = fmax(0, centre - half);
    *hi = fmin(1, centre + half);
    return true;
}

bool fc_stats_two_prop(double p1, double n1, double p2, double n2, double confidence,
                       fc_two_prop *out)
{
    double z;
    if (!is_prob(p1) || !is_prob(p2) || !(n1 >= 1) || !(n2 >= 1) || !isfinite(n1) ||
        !isfinite(n2) || !fc_stats_z(confidence, &z))
        return false;
    double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    double se = sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    out->diff = p1 - p2;
    out->moe_diff = z * sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
    if (se == 0) { /* both 0 % or both 100 %: no evidence of a difference */
        out->z = 0;
        out->p_value = 1;
        return true;
    }
    out->z = out->diff / se;
    out->p_value = 2 * gsl_cdf_ugaussian_Q(fabs(out->z));
    return true;
}

bool fc_stats_binom_test(unsigned k, unsigned n, double p0, double *p_value)
{
    if (n == 0 || k > n || !is_prob(p0))
        return false;
    if (p0 == 0 || p0 == 1) {
        *p_value = (p0 == 0 ? k == 0 : k == n) ? 1 : 0;
        return true;
    }
    /* R's algorithm: add the probabilities of every outcome no more likely than k
     * on the other side of the mean (with R's relative tolerance 1 + 1e-7). */
    const double rel = 1 + 1e-7;
    double d = gsl_ran_binomial_pdf(k, p0, n), m = n * p0, p;
    if (fabs(k - m) < 1e-12) {
        p = 1;
    } else if (k < m) {
        unsigned y = 0;
        for (unsigned i = (unsigned)ceil(m); i <= n; i++)
            y += gsl_ran_binomial_pdf(i, p0, n) <= d * rel;
        p = gsl_cdf_binomial_P(k, p0, n) + (y > 0 ? gsl_cdf_binomial_Q(n - y, p0, n) : 0);
    } else {
        unsigned y = 0;
        for (unsigned i = 0; i <= (unsigned)floor(m); i++)
            y += gsl_ran_binomial_pdf(i, p0, n) <= d * rel;
        p = (y > 0 ? gsl_cdf_binomial_P(y - 1, p0, n) : 0) + gsl_cdf_binomial_Q(k - 1, p0, n);
    }
    *p_value = fmin(1, p);
    return true;
}

bool fc_stats_fisher_test(uint64_t k1, uint64_t n1, uint64_t k2, uint64_t n2, double *p_value)
{
    if (n1 == 0 || n2 == 0 || k1 > n1 || k2 > n2 || n1 + n2 > FC_STATS_FISHER_MAX)
        return false;
    /* The 2x2 table with its margins fixed: k1 of the m = k1 + k2 successes fall
     * in the first sample of n1, hypergeometric. As R's fisher.test: the
     * probabilities of every table no more likely than the one seen (relative
     * tolerance 1 + 1e-7). */
    unsigned m = (unsigned)(k1 + k2), fail = (unsigned)(n1 + n2 - k1 - k2);
    unsigned lo = n1 > fail ? (unsigned)n1 - fail : 0, hi = n1 < m ? (unsigned)n1 : m;
    double d = gsl_ran_hypergeometric_pdf((unsigned)k1, m, fail, (unsigned)n1), p = 0;
    for (unsigned a = lo; a <= hi; a++) {
        double pa = gsl_ran_hypergeometric_pdf(a, m, fail, (unsigned)n1);
        if (pa <= d * (1 + 1e-7))
            p += pa;
    }
    *p_value = fmin(1, p);
    return isfinite(*p_value);
}

bool fc_stats_clopper_pearson(unsigned k, unsigned n, double confidence, double *lo, double *hi)
{
    if (n == 0 || k > n || !(confidence > 0 && confidence < 1))
        return false;
    double a = (1 - confidence) / 2;
    *lo = k == 0 ? 0 : gsl_cdf_beta_Pinv(a, k, n - k + 1);
    *hi = k == n ? 1 : gsl_cdf_beta_Pinv(1 - a, k + 1, n - k);
    return isfinite(*lo) && isfinite(*hi);
}

bool fc_stats_granular(double percent, int decimals, uint64_t n, uint64_t *k)
{
    *k = 0;
    if (n == 0 || n > (uint64_t)1 << 53 || !(percent >= 0 && percent <= 100) || decimals < 0 ||
        decimals > 6)
        return false;
    double scale = pow(10, decimals);
    /* The counts whose share rounds to the stated figure lie around percent*n/100. */
    double centre = percent * (double)n / 100;
    uint64_t best = 0;
    double best_gap = INFINITY;
    long long mid = llround(centre); /* nearest first: on a tie the count nearest the share wins */
    static const int order[] = {0, -1, 1, -2, 2};
    for (size_t o = 0; o < sizeof order / sizeof *order; o++) {
        long long c = mid + order[o];
        if (c < 0 || (uint64_t)c > n)
            continue;
        double shown = round(100.0 * (double)c / (double)n * scale) / scale;
        double gap = fabs(shown - percent);
        if (gap < best_gap) {
            best_gap = gap;
            best = (uint64_t)c;
        }
    }
    *k = best;
    return best_gap < 0.5 / scale;
}
