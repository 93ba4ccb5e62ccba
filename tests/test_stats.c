/* test_stats.c - statistics against values computed independently in R 4.2
 * (Debian r-base-core); each expected value has its R call beside it. Exact
 * methods are checked to 1e-9 relative, which is stricter than the 1e-6 asked. */
#include <criterion/criterion.h>
#include <math.h>

#include "stats.h"

#define REL(got, want)                                                                             \
    cr_assert(fabs((double)(got) - (double)(want)) <= 1e-9 * fmax(1, fabs((double)(want))),        \
              "got %.15g, want %.15g", (double)(got), (double)(want))

Test(stats, normal_quantiles)
{
    double z;
    cr_assert(fc_stats_z(0.95, &z));
    REL(z, 1.95996398454005); /* qnorm(0.975) */
    cr_assert(fc_stats_z(0.90, &z));
    REL(z, 1.64485362695147); /* qnorm(0.95) */
    cr_assert_not(fc_stats_z(1, &z));
    cr_assert_not(fc_stats_z(0, &z));
}

Test(stats, margin_of_error_of_a_proportion)
{
    double moe;
    cr_assert(fc_stats_moe(0.46, 1100, 0.95, &moe));
    REL(moe, 0.0294528648253199); /* qnorm(0.975) * sqrt(0.46 * 0.54 / 1100) */
    cr_assert(fc_stats_moe(0, 500, 0.95, &moe));
    cr_assert_eq(moe, 0);
    cr_assert_not(fc_stats_moe(0.5, 0, 0.95, &moe), "n = 0");
    cr_assert_not(fc_stats_moe(1.2, 100, 0.95, &moe), "p > 1");
    cr_assert_not(fc_stats_moe(NAN, 100, 0.95, &moe), "NaN");
    cr_assert_not(fc_stats_moe(0.5, INFINITY, 0.95, &moe), "infinite n");
}

Test(stats, wilson_interval)
{
    double lo, hi;
    cr_assert(fc_stats_wilson(506.0 / 1100, 1100, 0.95, &lo, &hi));
    REL(lo, 0.430737302783310); /* prop.test(506, 1100, correct = FALSE)$conf.int */
    REL(hi, 0.489541103778792);
    cr_assert(fc_stats_wilson(0, 50, 0.95, &lo, &hi));
    REL(lo, 0); /* prop.test(0, 50, correct = FALSE)$conf.int */
    REL(hi, 0.0713475991333587);
}

Test(stats, two_proportions)
{
    fc_two_prop t;
    cr_assert(fc_stats_two_prop(0.49, 1100, 0.46, 1100, 0.95, &t));
    REL(t.diff, 0.03);
    /* p <- prop.test(c(539, 506), c(1100, 1100), correct = FALSE):
     * sqrt(p$statistic) = 1.40888693869133, p$p.value = 0.158868602290209 */
    REL(t.z, 1.40888693869133);
    REL(t.p_value, 0.158868602290209);
    /* qnorm(0.975) * sqrt(0.49 * 0.51 / 1100 + 0.46 * 0.54 / 1100) */
    REL(t.moe_diff, 0.0417154748957079);
    cr_assert(fc_stats_two_prop(0, 100, 0, 200, 0.95, &t), "both 0 %");
    cr_assert_eq(t.p_value, 1);
    cr_assert_not(fc_stats_two_prop(0.5, 0, 0.4, 100, 0.95, &t));
}

Test(stats, exact_binomial_test_matches_r)
{
    static const struct {
        unsigned k, n;
        double p0, want;
    } rows[] = {
        {7, 20, 0.5, 0.263175964355469},  /* binom.test(7, 20, 0.5)$p.value */
        {3, 10, 0.1, 0.0701908264000001}, /* binom.test(3, 10, 0.1)$p.value */
        {0, 5, 0.3, 0.33115},             /* binom.test(0, 5, 0.3)$p.value */
        {15, 20, 0.6, 0.253120218870254}, /* binom.test(15, 20, 0.6)$p.value */
        {1, 30, 0.2, 0.0200156125086483}, /* binom.test(1, 30, 0.2)$p.value */
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        double p;
        cr_assert(fc_stats_binom_test(rows[i].k, rows[i].n, rows[i].p0, &p));
        REL(p, rows[i].want);
    }
    double p;
    cr_assert_not(fc_stats_binom_test(3, 0, 0.5, &p), "n = 0");
    cr_assert_not(fc_stats_binom_test(5, 4, 0.5, &p), "k > n");
    cr_assert(fc_stats_binom_test(0, 10, 0, &p));
    cr_assert_eq(p, 1);
}

Test(stats, clopper_pearson_interval_matches_r)
{
    double lo, hi;
    cr_assert(fc_stats_clopper_pearson(3, 10, 0.95, &lo, &hi));
    REL(lo, 0.0667395111777345); /* binom.test(3, 10)$conf.int */
    REL(hi, 0.6524528500599973);
    cr_assert(fc_stats_clopper_pearson(0, 12, 0.95, &lo, &hi));
    REL(lo, 0);
    REL(hi, 0.264648469397051); /* binom.test(0, 12)$conf.int */
    cr_assert(fc_stats_clopper_pearson(12, 12, 0.95, &lo, &hi));
    REL(lo, 0.735351530602949);
    REL(hi, 1);
}

Test(stats, granularity_of_a_reported_percentage)
{
    uint64_t k;
    /* 6/13 = 46.15 % -> "46%"; with 7 respondents 3/7 = 42.9 and 4/7 = 57.1. */
    cr_assert(fc_stats_granular(46, 0, 13, &k));
    cr_assert_eq(k, 6);
    cr_assert_not(fc_stats_granular(46, 0, 7, &k));
    cr_assert_eq(k, 3);
    /* 46.2 % with one decimal from 13: 6/13 = 46.15 -> 46.2 */
    cr_assert(fc_stats_granular(46.2, 1, 13, &k));
    cr_assert_not(fc_stats_granular(46.3, 1, 13, &k));
    cr_assert_not(fc_stats_granular(50, 0, 0, &k), "n = 0");
    /* huge n: every whole percentage is possible */
    cr_assert(fc_stats_granular(46, 0, 100000000u, &k));
    cr_assert_eq(k, 46000000u);
}
