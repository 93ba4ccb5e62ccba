/* test_check.c - the cross-source check, on hand-built claims.
 * Expected numbers are computed by hand in the comments, or with R where named. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "util.h"

#define MEASURE "raid.hyundai_ga.korean_detained"

static fc_doc docs_store[4];
static const fc_doc *docs[4];

static void setup_docs(void)
{
    static char *paths[] = {"a.md", "b.md", "c.md", "d.md"};
    for (int i = 0; i < 4; i++) {
        memset(&docs_store[i], 0, sizeof docs_store[i]);
        docs_store[i].path = paths[i];
        docs_store[i].published = "2025-09-10";
        docs[i] = &docs_store[i];
    }
}

static void add(fc_claims *cl, size_t doc, double v, double lo, double hi, const char *measure,
                const char *period, fc_role role)
{
    fc_claim c = {0};
    snprintf(c.id, sizeof c.id, "c%zu", cl->n);
    c.doc = doc;
    c.start = cl->n * 10;
    c.value = v;
    c.low = lo;
    c.high = hi;
    c.qualifier = lo == hi ? FC_QUAL_EXACT : FC_QUAL_APPROXIMATELY;
    c.role = role;
    c.measure = fc_strdup(measure);
    c.period = fc_strdup(period);
    cr_assert_eq(fc_claims_push(cl, &c), FC_OK);
}

static double num(const fc_finding *f, const char *name)
{
    for (size_t i = 0; i < f->nnums; i++)
        if (strcmp(f->nums[i].name, name) == 0)
            return f->nums[i].value;
    cr_assert_fail("finding has no number %s", name);
    return NAN;
}

static void run(const fc_claims *cl, fc_findings *out)
{
    cr_assert_eq(fc_check_run(test_rules(), cl, docs, 4, out), FC_OK);
}

Test(check, non_overlapping_intervals_are_a_conflict_with_the_gap, .init = setup_docs)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 250, 225, 275, MEASURE, NULL, FC_ROLE_LEVEL); /* "about 250" */
    add(&cl, 1, 317, 317, 317, MEASURE, NULL, FC_ROLE_LEVEL);
    run(&cl, &fs);
    cr_assert_eq(fs.n, 2); /* the conflict, then the group summary */
    const fc_finding *f = &fs.items[0];
    cr_assert_eq(f->severity, FC_SEV_CONFLICT);
    cr_assert_str_eq(f->check, "cross_source");
    cr_assert_eq(f->nclaims, 2);
    /* gap = 317 - 275 = 42; relative to the larger figure: 42 / 317 = 0.132492... */
    cr_assert_float_eq(num(f, "gap"), 42, 1e-9);
    cr_assert_float_eq(num(f, "relative_gap"), 42.0 / 317.0, 1e-12);
    cr_assert(strstr(f->message, "gap 42, 13.2% of the larger figure"), "%s", f->message);
    cr_assert_eq(fs.items[1].severity, FC_SEV_INFO);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(check, overlapping_intervals_agree_with_the_common_range, .init = setup_docs)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 1000, 900, 1000, MEASURE, NULL, FC_ROLE_LEVEL); /* "nearly 1,000" */
    add(&cl, 1, 1000, 900, 1100, MEASURE, NULL, FC_ROLE_LEVEL); /* "about 1,000" */
    run(&cl, &fs);
    cr_assert_eq(fs.n, 1);
    const fc_finding *f = &fs.items[0];
    cr_assert_eq(f->severity, FC_SEV_INFO);
    cr_assert_float_eq(num(f, "common_low"), 900, 1e-9);
    cr_assert_float_eq(num(f, "common_high"), 1000, 1e-9);
    /* midpoints 950 and 1000: median 975 */
    cr_assert_float_eq(num(f, "median"), 975, 1e-9);
    cr_assert(strstr(f->message, "2 sources agree"));
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(check, three_sources_get_median_and_mad, .init = setup_docs)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 250, 225, 275, MEASURE, NULL, FC_ROLE_LEVEL);      /* point 250 */
    add(&cl, 1, 300, 300, INFINITY, MEASURE, NULL, FC_ROLE_LEVEL); /* "more than 300": 300 */
    add(&cl, 2, 317, 317, 317, MEASURE, NULL, FC_ROLE_LEVEL);
    run(&cl, &fs);
    cr_assert_eq(fs.n, 2); /* 250 conflicts with both others: one dispute; one summary */
    cr_assert_eq(fs.items[0].severity, FC_SEV_CONFLICT);
    cr_assert_eq(fs.items[0].nclaims, 3);
    cr_assert_eq(fs.items[0].claims[0], 0); /* 250 alone, against the other two */
    const fc_finding *s = &fs.items[1];
    cr_assert_eq(s->severity, FC_SEV_INFO);
    /* median(250, 300, 317) = 300; |deviations| = 50, 0, 17 -> MAD 17.
     * R: mad(c(250, 300, 317)) = 25.2042 (scaled by 1.4826). */
    cr_assert_float_eq(num(s, "median"), 300, 1e-9);
    cr_assert_float_eq(num(s, "mad"), 17, 1e-9);
    cr_assert_float_eq(num(s, "scaled_mad"), 25.2042, 1e-4);
    cr_assert_float_eq(num(s, "outliers"), 0, 1e-9);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(check, claims_in_one_document_are_not_compared, .init = setup_docs)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 250, 250, 250, MEASURE, NULL, FC_ROLE_LEVEL);
    add(&cl, 0, 317, 317, 317, MEASURE, NULL, FC_ROLE_LEVEL);
    run(&cl, &fs);
    cr_assert_eq(fs.n, 0);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(check, different_stated_periods_are_not_compared, .init = setup_docs)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 311, 311, 311, MEASURE, "2024", FC_ROLE_LEVEL);
    add(&cl, 1, 665, 665, 665, MEASURE, "2025-04", FC_ROLE_LEVEL);
    /* no stated period: the month of publication (2025-09) or the one before */
    add(&cl, 2, 900, 900, 900, MEASURE, NULL, FC_ROLE_LEVEL);
    run(&cl, &fs);
    cr_assert_eq(fs.n, 0);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(check, earlier_side_of_a_change_is_not_compared_with_the_present, .init = setup_docs)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 46, 46, 46, MEASURE, NULL, FC_ROLE_LEVEL);
    add(&cl, 1, 49, 49, 49, MEASURE, "2025-08", FC_ROLE_PREVIOUS); /* "from 49% in August" */
    run(&cl, &fs);
    cr_assert_eq(fs.n, 0);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(check, claims_without_a_measure_are_never_compared, .init = setup_docs)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    fc_claim c = {.doc = 0, .value = 1, .low = 1, .high = 1};
    cr_assert_eq(fc_claims_push(&cl, &c), FC_OK);
    c.doc = 1;
    c.value = c.low = c.high = 999;
    cr_assert_eq(fc_claims_push(&cl, &c), FC_OK);
    run(&cl, &fs);
    cr_assert_eq(fs.n, 0);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(check, findings_never_carry_non_finite_numbers, .init = setup_docs)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 300, 300, INFINITY, MEASURE, NULL, FC_ROLE_LEVEL);
    add(&cl, 1, 100, 0, 100, MEASURE, NULL, FC_ROLE_LEVEL); /* "fewer than 100" */
    run(&cl, &fs);
    cr_assert_geq(fs.n, 1);
    for (size_t i = 0; i < fs.n; i++)
        for (size_t k = 0; k < fs.items[i].nnums; k++)
            cr_assert(isfinite(fs.items[i].nums[k].value), "%s", fs.items[i].nums[k].name);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

/* ---- figures in messages ------------------------------------------------------ */

static char *number_text(double v)
{
    fc_strbuf sb = {0};
    fc_sb_number(&sb, v);
    return fc_sb_take(&sb);
}

/* What fc_sb_number writes, by printf: "%.2f", the whole part grouped by
 * thousands, the fraction without trailing zeros. */
static void number_by_printf(double v, char *out, size_t size)
{
    char buf[64];
    size_t o = 0;
    if (v < 0) {
        out[o++] = '-';
        v = -v;
    }
    snprintf(buf, sizeof buf, "%.2f", v);
    size_t intlen = (size_t)(strchr(buf, '.') - buf), end = strlen(buf);
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = buf[i];
    }
    while (end > intlen + 1 && buf[end - 1] == '0')
        end--;
    if (end > intlen + 1) {
        memcpy(out + o, buf + intlen, end - intlen);
        o += end - intlen;
    }
    out[o] = '\0';
    cr_assert(o < size);
}

Test(check, figures_round_to_two_decimals_as_printf_does)
{
    /* By hand: 2.675 is stored as 2.67499999999999982..., so 2.67; 0.125 and
     * 0.375 are exact halves of a cent and go to the even cent (12, 38); 1.005
     * is stored as 1.00499999999999989..., so 1; 999.999 is 1,000.00. */
    static const struct {
        double v;
        const char *text;
    } cases[] = {{2.675, "2.67"},        {0.125, "0.12"},     {0.375, "0.38"},
                 {1.005, "1"},           {999.999, "1,000"}, {1234567.891, "1,234,567.89"},
                 {0.1, "0.1"},           {12.5, "12.5"},      {-0.001, "-0"},
                 {-1099.5, "-1,099.5"},  {110000, "110,000"}, {0.07, "0.07"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *s = number_text(cases[i].v);
        cr_expect_str_eq(s, cases[i].text, "%.17g", cases[i].v);
        free(s);
    }
    /* And a million figures of every size against printf, halves of a cent
     * among them. */
    uint64_t state = 88172645463325252ULL;
    for (int i = 0; i < 1000000; i++) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        double u = (double)(state >> 11) / 9007199254740992.0, v;
        switch (i % 4) {
        case 0: v = u * 1000; break;                             /* small figures */
        case 1: v = ldexp(u, (int)(state % 49)) - 0.5; break;   /* up to 2^49 */
        case 2: v = (double)(state % 2000000) / 8; break;        /* eighths: ties */
        default: v = round(u * 1e7) / 1000 * (state & 1 ? -1 : 1); break;
        }
        char want[96];
        number_by_printf(v, want, sizeof want);
        char *s = number_text(v);
        if (strcmp(s, want) != 0)
            cr_assert_str_eq(s, want, "%.17g", v);
        free(s);
    }
}
