/* test_relations.c - the relation checks (percent or points, polls, stated
 * ratios, targets, shares) on hand-built claims. Expected numbers: by hand in
 * the comments, or from R where the call is given. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "stats.h"
#include "util.h"

static fc_doc docs_store[3];
static const fc_doc *docs[3];

static void setup(void)
{
    static char *paths[] = {"a.md", "b.md", "c.md"};
    static char *outlets[] = {"Alpha Times", "Beta Wire", "Gamma Post"};
    for (int i = 0; i < 3; i++) {
        memset(&docs_store[i], 0, sizeof docs_store[i]);
        docs_store[i].path = paths[i];
        docs_store[i].outlet = outlets[i];
        docs_store[i].published = "2025-04-25";
        docs[i] = &docs_store[i];
    }
}

/* A claim; the caller sets what else it needs. */
static fc_claim *add(fc_claims *cl, size_t doc, size_t sentence, double v, fc_unit unit,
                     fc_role role)
{
    fc_claim c = {0};
    snprintf(c.id, sizeof c.id, "c%zu", cl->n);
    c.doc = doc;
    c.sentence = sentence;
    c.start = 100 * sentence + cl->n;
    c.value = c.low = c.high = v;
    c.from = c.to = NAN;
    c.unit = unit;
    c.role = role;
    cr_assert_eq(fc_claims_push(cl, &c), FC_OK);
    return &cl->items[cl->n - 1];
}

static const fc_finding *only(const fc_findings *fs, const char *check)
{
    const fc_finding *f = NULL;
    for (size_t i = 0; i < fs->n; i++)
        if (strcmp(fs->items[i].check, check) == 0) {
            cr_assert_null(f, "two %s findings", check);
            f = &fs->items[i];
        }
    cr_assert_not_null(f, "no %s finding", check);
    return f;
}

static double num(const fc_finding *f, const char *name)
{
    for (size_t i = 0; i < f->nnums; i++)
        if (strcmp(f->nums[i].name, name) == 0)
            return f->nums[i].value;
    cr_assert_fail("no number %s in %s", name, f->message);
    return NAN;
}

#define NEAR(got, want)                                                                            \
    cr_assert(fabs((double)(got) - (double)(want)) <= 1e-9 * fmax(1, fabs((double)(want))),        \
              "got %.15g, want %.15g", (got), (want))

static void run(const fc_rules *r, fc_claims *cl, fc_findings *fs)
{
    cr_assert_eq(fc_check_run(r, cl, docs, 3, fs), FC_OK);
}

Test(relations, down_3_percent_that_is_really_points, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 0, 46, FC_UNIT_PERCENT, FC_ROLE_LEVEL)->measure = fc_strdup("m");
    add(&cl, 0, 0, 3, FC_UNIT_PERCENT, FC_ROLE_CHANGE)->direction = FC_DIR_DOWN;
    add(&cl, 1, 0, 49, FC_UNIT_PERCENT, FC_ROLE_PREVIOUS)->measure = fc_strdup("m");
    run(test_rules(), &cl, &fs);
    const fc_finding *f = only(&fs, "percent_points");
    cr_assert_eq(f->severity, FC_SEV_WARNING);
    NEAR(num(f, "before_if_points"), 49);                 /* 46 + 3 */
    NEAR(num(f, "before_if_relative"), 47.4226804123711); /* R: 46 / 0.97 */
    NEAR(num(f, "before_reported"), 49);
    cr_assert(strstr(f->message, "percentage points, not percent"), "%s", f->message);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, a_change_with_no_earlier_figure_is_ambiguous, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 0, 46, FC_UNIT_PERCENT, FC_ROLE_LEVEL);
    add(&cl, 0, 0, 3, FC_UNIT_PERCENT, FC_ROLE_CHANGE)->direction = FC_DIR_DOWN;
    run(test_rules(), &cl, &fs);
    /* Nothing says which reading is meant: noted (info), not a warning. */
    const fc_finding *f = only(&fs, "percent_points");
    cr_assert_eq(f->severity, FC_SEV_INFO);
    cr_assert(strstr(f->message, "ambiguous"), "%s", f->message);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, a_relative_change_that_fits_is_information, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 0, 46, FC_UNIT_PERCENT, FC_ROLE_LEVEL);
    fc_claim *c = add(&cl, 0, 0, 3, FC_UNIT_PERCENT, FC_ROLE_CHANGE);
    c->direction = FC_DIR_DOWN;
    c->from = 47.4; /* "down 3% from 47.4%" */
    run(test_rules(), &cl, &fs);
    cr_assert_eq(only(&fs, "percent_points")->severity, FC_SEV_INFO);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, a_poll_change_within_the_noise, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 0, 46, FC_UNIT_PERCENT, FC_ROLE_LEVEL)->modality = FC_MOD_POLL;
    fc_claim *c = add(&cl, 0, 0, 3, FC_UNIT_PERCENTAGE_POINT, FC_ROLE_CHANGE);
    c->direction = FC_DIR_DOWN;
    c->modality = FC_MOD_POLL;
    c->from = 49;
    run(test_rules(), &cl, &fs); /* no sample size: the default rules assume 1,000 */
    const fc_finding *f = only(&fs, "poll_change");
    cr_assert_eq(f->severity, FC_SEV_WARNING);
    NEAR(num(f, "n"), 1000);
    /* p <- prop.test(c(490, 460), c(1000, 1000), correct = FALSE)
     * sqrt(p$statistic) = 1.34332098851893, p$p.value = 0.179168058773798
     * qnorm(0.975) * sqrt(0.49 * 0.51 / 1000 + 0.46 * 0.54 / 1000) = 0.0437515591762383
     * z has the sign of the change, 46 - 49: negative. */
    NEAR(num(f, "z"), -1.34332098851893);
    NEAR(num(f, "difference_points"), -3);
    NEAR(num(f, "p"), 0.179168058773798);
    NEAR(num(f, "moe_difference_points"), 4.37515591762383);
    cr_assert(strstr(f->message, "assumed"), "%s", f->message);
    cr_assert(strstr(f->message, "Cannot tell whether it changed"), "%s", f->message);
    cr_assert(strstr(f->message, "-7.4 to +1.4 points"), "%s", f->message); /* -3 -+ 4.375 */
    cr_assert(strstr(f->message, "p = 0.18"), "%s", f->message);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, a_small_stated_sample_uses_the_exact_test, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    fc_claim *n = add(&cl, 0, 0, 50, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    n->modality = FC_MOD_POLL;
    n->subject = fc_strdup("adults");
    add(&cl, 0, 1, 46, FC_UNIT_PERCENT, FC_ROLE_LEVEL)->modality = FC_MOD_POLL;
    fc_claim *c = add(&cl, 0, 1, 3, FC_UNIT_PERCENTAGE_POINT, FC_ROLE_CHANGE);
    c->direction = FC_DIR_DOWN;
    c->modality = FC_MOD_POLL;
    c->from = 49;
    run(test_rules(), &cl, &fs);
    const fc_finding *f = only(&fs, "poll_change");
    NEAR(num(f, "n"), 50);
    /* Two samples of 50, the earlier one's size assumed equal: 46 % of 50 is 23,
     * 49 % of 50 is 24.5, rounded to 25 (half away from zero).
     * fisher.test(matrix(c(23, 27, 25, 25), 2))$p.value = 0.841491018068527 */
    NEAR(num(f, "p_exact"), 0.841491018068527);
    NEAR(num(f, "n_before"), 50);
    cr_assert(strstr(f->message, "n=50 now (stated)"), "%s", f->message);
    cr_assert(strstr(f->message, "Fisher's exact test p = 0.84"), "%s", f->message);
    cr_assert(strstr(f->message, "assumed equal"), "%s", f->message);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, a_percentage_impossible_for_the_stated_sample, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    fc_claim *n = add(&cl, 0, 0, 13, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    n->modality = FC_MOD_POLL;
    n->subject = fc_strdup("residents");
    add(&cl, 0, 1, 50, FC_UNIT_PERCENT, FC_ROLE_LEVEL)->modality = FC_MOD_POLL;
    add(&cl, 0, 1, 46, FC_UNIT_PERCENT, FC_ROLE_LEVEL)->modality = FC_MOD_POLL; /* 6/13 */
    run(test_rules(), &cl, &fs);
    /* 50 % of 13 would be 6.5 people: 6/13 = 46.15 %, 7/13 = 53.85 % */
    const fc_finding *f = only(&fs, "poll_granularity");
    NEAR(num(f, "percent"), 50);
    NEAR(num(f, "nearest_count"), 7);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, a_stated_ratio_against_the_reported_earlier_goal, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    fc_claim *t = add(&cl, 0, 0, 3000, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    t->measure = fc_strdup("t.arrests.target");
    t->modality = FC_MOD_TARGET;
    add(&cl, 0, 2, 3, FC_UNIT_RATIO, FC_ROLE_LEVEL)->modality = FC_MOD_TARGET;
    fc_claim *g = add(&cl, 1, 0, 1200, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    g->high = 1500;
    g->qualifier = FC_QUAL_RANGE;
    g->measure = fc_strdup("t.arrests.target");
    run(test_rules(), &cl, &fs);
    const fc_finding *f = only(&fs, "stated_ratio");
    cr_assert_eq(f->severity, FC_SEV_WARNING);
    NEAR(num(f, "implied"), 1000);          /* 3,000 / 3 */
    NEAR(num(f, "actual_ratio_low"), 2);    /* 3,000 / 1,500 */
    NEAR(num(f, "actual_ratio_high"), 2.5); /* 3,000 / 1,200 */
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, targets_against_actuals_and_a_target_reported_as_actual, .init = setup)
{
    fc_rules_builder *b = fc_rules_builder_new();
    fc_diag diag = {0};
    cr_assert_eq(fc_rules_builder_add(b, fc_rules_default_path(), &diag), FC_OK);
    cr_assert_eq(fc_rules_builder_add(b, "tests/data/rules/targets.json", &diag), FC_OK);
    fc_rules *r = NULL;
    cr_assert_eq(fc_rules_builder_build(b, &r, &diag), FC_OK);
    fc_rules_builder_free(b);
    fc_claims cl = {0};
    fc_findings fs = {0};
    fc_claim *t = add(&cl, 0, 0, 3000, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    t->measure = fc_strdup("t.arrests.target");
    t->modality = FC_MOD_TARGET;
    fc_claim *a = add(&cl, 1, 0, 1000, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    a->low = 900;
    a->measure = fc_strdup("t.arrests");
    a = add(&cl, 2, 0, 900, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    a->measure = fc_strdup("t.arrests");
    a = add(&cl, 2, 1, 3000, FC_UNIT_COUNT, FC_ROLE_LEVEL); /* an "actual" 3,000 */
    a->measure = fc_strdup("t.arrests");
    run(r, &cl, &fs);
    /* actual points: [900, 1000] -> 950, 900, 3000: median 950; 3000 / 950 = 3.157894... */
    const fc_finding *f = only(&fs, "target_vs_actual");
    NEAR(num(f, "actual_median"), 950);
    NEAR(num(f, "ratio"), 3000.0 / 950.0);
    /* the 3,000 "actual" equals the target; the others average (1000 + 900) / 2 = 950 */
    f = only(&fs, "target_as_actual");
    cr_assert_eq(f->severity, FC_SEV_WARNING);
    NEAR(num(f, "others_mean"), 950);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
    fc_rules_free(r);
}

Test(relations, a_share_of_a_hedged_whole, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    fc_claim *w = add(&cl, 0, 0, 100, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    w->low = 90;
    w->high = 110; /* "about 100" */
    add(&cl, 0, 1, 5, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    memcpy(cl.items[1].part_of, cl.items[0].id, sizeof cl.items[0].id);
    run(test_rules(), &cl, &fs);
    const fc_finding *f = only(&fs, "share");
    cr_assert_eq(f->severity, FC_SEV_INFO);
    NEAR(num(f, "share_percent"), 5);
    NEAR(num(f, "share_low"), 4.54545454545455);  /* R: 5 / 110 * 100 */
    NEAR(num(f, "share_high"), 5.55555555555556); /* R: 5 / 90 * 100 */
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, a_part_larger_than_its_whole_is_a_conflict, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 0, 47, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    add(&cl, 0, 1, 52, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    memcpy(cl.items[1].part_of, cl.items[0].id, sizeof cl.items[0].id);
    run(test_rules(), &cl, &fs);
    cr_assert_eq(only(&fs, "share")->severity, FC_SEV_CONFLICT);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, doubled_against_the_figures_given, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    fc_claim *m = add(&cl, 0, 0, 2, FC_UNIT_RATIO, FC_ROLE_CHANGE); /* "doubled" */
    m->direction = FC_DIR_UP;
    m->to = 84.6; /* the extractor links "to $84.6 million from $35 million" */
    m->from = 35;
    add(&cl, 0, 0, 84.6, FC_UNIT_CURRENCY, FC_ROLE_LEVEL);
    add(&cl, 0, 0, 35, FC_UNIT_CURRENCY, FC_ROLE_PREVIOUS);
    run(test_rules(), &cl, &fs);
    const fc_finding *f = only(&fs, "stated_multiple");
    /* 84.6 / 35 = 2.417142857..., more than 5 % from 2 */
    cr_assert_eq(f->severity, FC_SEV_WARNING);
    NEAR(num(f, "actual"), 84.6 / 35);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

Test(relations, parts_that_add_up_to_more_than_the_whole, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    add(&cl, 0, 0, 5, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    add(&cl, 0, 1, 4, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    add(&cl, 0, 1, 3, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    memcpy(cl.items[1].part_of, cl.items[0].id, sizeof cl.items[0].id);
    memcpy(cl.items[2].part_of, cl.items[0].id, sizeof cl.items[0].id);
    run(test_rules(), &cl, &fs);
    /* 4 + 3 = 7 > 5: one warning for the sum (each part alone fits; parts that
     * overlap could add past their whole, so it is not a conflict) */
    const fc_finding *f = only(&fs, "share_sum");
    cr_assert_eq(f->severity, FC_SEV_WARNING);
    NEAR(num(f, "sum_of_parts"), 7);
    for (size_t i = 0; i < fs.n; i++)
        cr_assert(fs.items[i].severity != FC_SEV_CONFLICT, "%s", fs.items[i].message);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

/* The stated precision decides: "fell to 3.8% from 4.2%, a 4% drop". By hand:
 * 3.8% is 3.75 to 3.85 and "4%" 3.5 to 4.5, so the relative reading puts the
 * earlier level at 3.75 / 0.965 = 3.886 to 3.85 / 0.955 = 4.031, and points at
 * 7.25 to 8.35; the stated 4.2% (4.15 to 4.25) meets neither: a warning. The
 * change is 0.4 points, 9.5% relative (0.4 / 4.2). "fell to 3.8% from 4.2%, a
 * 10% drop" fits the relative reading: 3.75 / 0.905 = 4.144 to 3.85 / 0.895 =
 * 4.302 meets 4.15 to 4.25. */
static const fc_finding *percent_points_of(const char *text, fc_findings *fs, fc_claims *cl,
                                           fc_doc **doc)
{
    *doc = test_extract(text, cl);
    const fc_doc *d[1] = {*doc};
    cr_assert_eq(fc_check_run(test_rules(), cl, d, 1, fs), FC_OK);
    return only(fs, "percent_points");
}

Test(relations, percent_or_points_at_the_stated_precision)
{
    fc_findings fs = {0};
    fc_claims cl = {0};
    fc_doc *doc;
    const fc_finding *f =
        percent_points_of("The jobless rate in Keller fell to 3.8% from 4.2%, a 4% drop.", &fs, &cl,
                          &doc);
    cr_assert_eq(f->severity, FC_SEV_WARNING, "%s", f->message);
    cr_assert(strstr(f->message, "neither reading fits"), "%s", f->message);
    NEAR(num(f, "change_relative_percent"), 100 * 0.4 / 4.2);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
    fc_doc_free(doc);
    f = percent_points_of("The jobless rate in Keller fell to 3.8% from 4.2%, a 10% drop.", &fs,
                          &cl, &doc);
    cr_assert_eq(f->severity, FC_SEV_INFO, "%s", f->message);
    cr_assert(strstr(f->message, "a relative change fits"), "%s", f->message);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
    fc_doc_free(doc);
}

/* Outliers are judged by a figure's range, not its midpoint. Three outlets:
 * "hundreds" (200 to 999, midpoint 599.5), 500 and 510 on one measure. By hand:
 * median of {599.5, 500, 510} = 510; absolute deviations 89.5, 10, 0, so MAD =
 * 10 and the fence is 3 * 1.4826 * 10 = 44.478. The midpoint 599.5 lies beyond
 * it, but the range 200 to 999 holds the median: no outlier. */
Test(relations, a_wide_range_holding_the_median_is_no_outlier, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    fc_claim *h = add(&cl, 0, 0, 200, FC_UNIT_COUNT, FC_ROLE_LEVEL);
    h->low = 200;
    h->high = 999;
    h->qualifier = FC_QUAL_RANGE;
    h->measure = fc_strdup("m");
    add(&cl, 1, 0, 500, FC_UNIT_COUNT, FC_ROLE_LEVEL)->measure = fc_strdup("m");
    add(&cl, 2, 0, 510, FC_UNIT_COUNT, FC_ROLE_LEVEL)->measure = fc_strdup("m");
    run(test_rules(), &cl, &fs);
    const fc_finding *summary = NULL;
    for (size_t i = 0; i < fs.n; i++)
        if (strcmp(fs.items[i].check, "cross_source") == 0 && fs.items[i].nclaims == 3)
            summary = &fs.items[i];
    cr_assert_not_null(summary, "no cross_source summary");
    NEAR(num(summary, "median"), 510);
    NEAR(num(summary, "mad"), 10);
    NEAR(num(summary, "outliers"), 0);
    cr_assert_null(strstr(summary->message, "0 outliers"), "%s", summary->message);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

/* A poll's design, read from the text (claims extracted from a sentence). */
static const fc_finding *poll_change_of(const char *text, fc_findings *fs, fc_claims *cl,
                                        fc_doc **doc)
{
    *doc = test_extract(text, cl);
    const fc_doc *d[1] = {*doc};
    cr_assert_eq(fc_check_run(test_rules(), cl, d, 1, fs), FC_OK);
    return only(fs, "poll_change");
}

static void poll_done(fc_findings *fs, fc_claims *cl, fc_doc *doc)
{
    fc_findings_clear(fs);
    fc_claims_clear(cl);
    fc_doc_free(doc);
}

Test(relations, a_stated_margin_sets_the_effective_sample)
{
    fc_findings fs = {0};
    fc_claims cl = {0};
    fc_doc *doc;
    const fc_finding *f = poll_change_of(
        "The poll of 1,000 registered voters found support for the levy at 46%, down from 49% in "
        "March. The margin of error is plus or minus 4 percentage points.",
        &fs, &cl, &doc);
    /* R: srs <- 100 * qnorm(.975) * sqrt(.25 / 1000)   # 3.099 points
     * deff <- (4 / srs)^2 = 1.66603373841284; n <- 1000 / deff = 600.227940733457
     * z <- (.46 - .49) / sqrt(.475 * .525 * 2 / n) = -1.04072959434311
     * 2 * pnorm(-abs(z)) = 0.298001064098007 */
    NEAR(num(f, "design_effect"), 1.66603373841284);
    NEAR(num(f, "n"), 600.227940733457);
    NEAR(num(f, "z"), -1.04072959434311);
    NEAR(num(f, "p"), 0.298001064098007);
    cr_assert_eq(f->severity, FC_SEV_WARNING);
    cr_assert(strstr(f->message, "design effect of 1.67"), "%s", f->message);
    poll_done(&fs, &cl, doc);
}

Test(relations, those_who_completed_are_the_sample_not_those_contacted)
{
    fc_findings fs = {0};
    fc_claims cl = {0};
    fc_doc *doc;
    const fc_finding *f =
        poll_change_of("The survey contacted 2,400 households, and 1,050 completed it. Support "
                       "for the levy was 46%, down from 52% in March, the poll found.",
                       &fs, &cl, &doc);
    /* p <- prop.test(c(483, 546), c(1050, 1050), correct = FALSE)
     * -sqrt(p$statistic) = -2.75009549108463, p$p.value = 0.00595778998982908 */
    NEAR(num(f, "n"), 1050);
    NEAR(num(f, "z"), -2.75009549108463);
    NEAR(num(f, "p"), 0.00595778998982908);
    cr_assert_eq(f->severity, FC_SEV_INFO);
    cr_assert(strstr(f->message, "Outside the noise"), "%s", f->message);
    cr_assert(strstr(f->message, "p = 0.006"), "%s", f->message);
    poll_done(&fs, &cl, doc);
}

Test(relations, an_opt_in_poll_gets_no_test)
{
    fc_findings fs = {0};
    fc_claims cl = {0};
    fc_doc *doc;
    const fc_finding *f = poll_change_of("The online opt-in poll of 2,000 adults found support for "
                                         "the levy at 46%, down from 52% in March.",
                                         &fs, &cl, &doc);
    cr_assert_eq(f->severity, FC_SEV_INFO);
    cr_assert(strstr(f->message, "opt-in"), "%s", f->message);
    for (size_t i = 0; i < f->nnums; i++)
        cr_assert(strcmp(f->nums[i].name, "p") != 0, "a p value for an opt-in sample");
    poll_done(&fs, &cl, doc);
}

Test(relations, the_same_respondents_asked_twice_need_the_paired_test)
{
    fc_findings fs = {0};
    fc_claims cl = {0};
    fc_doc *doc;
    const fc_finding *f = poll_change_of("The poll asked the same respondents again: of 800 "
                                         "adults, support for the levy was 46%, down from 49% in "
                                         "March.",
                                         &fs, &cl, &doc);
    /* p <- prop.test(c(368, 392), c(800, 800), correct = FALSE)
     * p$p.value = 0.22955621387892: not shown beyond the noise of independent
     * samples, which a paired test might: information, not a warning. */
    NEAR(num(f, "p"), 0.22955621387892);
    cr_assert_eq(f->severity, FC_SEV_INFO);
    cr_assert(strstr(f->message, "McNemar"), "%s", f->message);
    poll_done(&fs, &cl, doc);
}

/* Fisher's exact test against R, and its refusals. */
Test(relations, fisher_exact_test_as_r)
{
    double p;
    /* fisher.test(matrix(c(3, 7, 9, 3), 2))$p.value = 0.0835573095635015 */
    cr_assert(fc_stats_fisher_test(3, 10, 9, 12, &p));
    NEAR(p, 0.0835573095635015);
    /* fisher.test(matrix(c(0, 20, 5, 15), 2))$p.value = 0.0471240471240471 */
    cr_assert(fc_stats_fisher_test(0, 20, 5, 20, &p));
    NEAR(p, 0.0471240471240471);
    cr_assert(!fc_stats_fisher_test(5, 4, 1, 2, &p)); /* more successes than the sample */
    cr_assert(!fc_stats_fisher_test(1, 0, 1, 2, &p));
}

/* Granularity and weighting. 41.6% of 600 is 249.6 people: 250 of 600 is
 * 41.67%, which rounds to 41.7, so no whole count gives 41.6; weighting does,
 * and most polls are weighted: a note. Said to be weighted: nothing. 50% of 13
 * cannot be (6 of 13 is 46.15%, 7 of 13 53.85%): a warning. */
static size_t granularity_findings(const char *text, fc_severity *sev)
{
    fc_findings fs = {0};
    fc_claims cl = {0};
    fc_doc *doc = test_extract(text, &cl);
    const fc_doc *d[1] = {doc};
    cr_assert_eq(fc_check_run(test_rules(), &cl, d, 1, &fs), FC_OK);
    size_t n = 0;
    for (size_t i = 0; i < fs.n; i++)
        if (strcmp(fs.items[i].check, "poll_granularity") == 0) {
            *sev = fs.items[i].severity;
            n++;
        }
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
    fc_doc_free(doc);
    return n;
}

Test(relations, granularity_allows_for_weighting)
{
    fc_severity sev = FC_SEV_INFO;
    cr_assert_eq(granularity_findings("A poll of 13 parents found 50% back the plan.", &sev), 1);
    cr_assert_eq(sev, FC_SEV_WARNING);
    cr_assert_eq(granularity_findings("A poll of 600 likely voters found 41.6% back the mayor.",
                                      &sev),
                 1);
    cr_assert_eq(sev, FC_SEV_INFO);
    cr_assert_eq(granularity_findings("A weighted poll of 600 likely voters found 41.6% back the "
                                      "mayor.",
                                      &sev),
                 0);
}

/* One poll a document: 1,000 voters and its share of support. */
static void add_polls(fc_claims *cl, const double *shares, size_t n)
{
    for (size_t d = 0; d < n; d++) {
        fc_claim *c = add(cl, d, 0, 1000, FC_UNIT_COUNT, FC_ROLE_LEVEL);
        c->modality = FC_MOD_POLL;
        c->subject = fc_strdup("voters");
        fc_claim *s = add(cl, d, 0, shares[d], FC_UNIT_PERCENT, FC_ROLE_LEVEL);
        s->modality = FC_MOD_POLL;
        s->measure = fc_strdup("support");
    }
}

/* Three pollsters, 1,000 likely voters each: 46% and 50% differ by less than
 * the polls' sampling error; 58% differs from both by more. One dispute, one
 * finding: 58% against the other two, with the test of the closest pair (50%
 * and 58%). R:
 * prop.test(c(460, 500), c(1000, 1000), correct = FALSE)$p.value = 0.0734077553235432
 * prop.test(c(460, 580), c(1000, 1000), correct = FALSE)$p.value = 7.83613533137137e-08
 * prop.test(c(500, 580), c(1000, 1000), correct = FALSE)$p.value = 0.000331678167857697
 * (the last by hand too: pooled 0.54, z = 0.08 / sqrt(0.54 * 0.46 * 2 / 1000) = 3.589,
 * p = erfc(z / sqrt 2)) */
Test(relations, polls_across_pollsters_differ_only_beyond_their_sampling_error, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    double shares[3] = {46, 50, 58};
    add_polls(&cl, shares, 3);
    run(test_rules(), &cl, &fs);
    size_t conflicts = 0;
    for (size_t i = 0; i < fs.n; i++) {
        const fc_finding *f = &fs.items[i];
        if (strcmp(f->check, "cross_source") != 0 || f->severity != FC_SEV_CONFLICT)
            continue;
        conflicts++;
        cr_assert_eq(f->nclaims, 3, "%s", f->message);
        cr_assert_eq(cl.items[f->claims[0]].value, 58, "%s", f->message); /* the side alone */
        cr_assert_eq(cl.items[f->claims[1]].value, 46, "%s", f->message);
        cr_assert_eq(cl.items[f->claims[2]].value, 50, "%s", f->message);
        NEAR(num(f, "p"), 0.000331678167857697);
        cr_assert(strstr(f->message, "against 2 figures"), "%s", f->message);
        cr_assert(strstr(f->message, "beyond their sampling error"), "%s", f->message);
    }
    cr_assert_eq(conflicts, 1);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

/* Two pollsters against a third: with only 46% and 58%, the pair alone. */
Test(relations, two_polls_beyond_their_sampling_error_are_one_pair, .init = setup)
{
    fc_claims cl = {0};
    fc_findings fs = {0};
    double shares[2] = {46, 58};
    add_polls(&cl, shares, 2);
    run(test_rules(), &cl, &fs);
    size_t conflicts = 0;
    for (size_t i = 0; i < fs.n; i++) {
        const fc_finding *f = &fs.items[i];
        if (strcmp(f->check, "cross_source") != 0 || f->severity != FC_SEV_CONFLICT)
            continue;
        conflicts++;
        cr_assert_eq(f->nclaims, 2, "%s", f->message);
        NEAR(num(f, "p"), 7.83613533137137e-08);
        cr_assert(strstr(f->message, ", but "), "%s", f->message);
    }
    cr_assert_eq(conflicts, 1);
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
}

/* Whole years and months since a date, on the calendar. "ten years since March
 * 4, 2015": published 2025-03-04 (the anniversary, 3,653 days) fits, so does
 * 2026-03-03 (the day before the eleventh: ten whole years), and 2025-03-03
 * (9.997 years, nearest ten); 2026-09-10 (11.5 years) does not. "six months since
 * March 4, 2025" published 2025-09-04 (six calendar months, 184 days) fits. */
static fc_severity elapsed_of(const char *published, const char *sentence)
{
    char text[400];
    snprintf(text, sizeof text, "---\npublished: %s\n---\n%s\n", published, sentence);
    fc_findings fs = {0};
    fc_claims cl = {0};
    fc_doc *doc = test_extract(text, &cl);
    const fc_doc *d[1] = {doc};
    cr_assert_eq(fc_check_run(test_rules(), &cl, d, 1, &fs), FC_OK);
    fc_severity sev = only(&fs, "elapsed")->severity;
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
    fc_doc_free(doc);
    return sev;
}

Test(relations, years_and_months_since_on_the_calendar)
{
    const char *ten = "It has been ten years since the bridge opened on March 4, 2015.";
    cr_assert_eq(elapsed_of("2025-03-04", ten), FC_SEV_INFO);
    cr_assert_eq(elapsed_of("2026-03-03", ten), FC_SEV_INFO);
    cr_assert_eq(elapsed_of("2025-03-03", ten), FC_SEV_INFO);
    cr_assert_eq(elapsed_of("2026-09-10", ten), FC_SEV_WARNING);
    cr_assert_eq(elapsed_of("2025-09-04",
                            "It has been six months since the plant closed on March 4, 2025."),
                 FC_SEV_INFO);
}

/* Qualifiers and rounding ties raise nothing: "more than doubled" to 2.1 times
 * (2,100 from 1,000) is consistent; one in eight (12.5%) given as 12% or 13% is
 * right either way at a rounding tie. */
static size_t warnings_in(const char *text)
{
    fc_findings fs = {0};
    fc_claims cl = {0};
    fc_doc *doc = test_extract(text, &cl);
    const fc_doc *d[1] = {doc};
    cr_assert_eq(fc_check_run(test_rules(), &cl, d, 1, &fs), FC_OK);
    size_t n = 0;
    for (size_t i = 0; i < fs.n; i++)
        if (fs.items[i].severity >= FC_SEV_WARNING) {
            cr_log_info("%s: %s", fs.items[i].check, fs.items[i].message);
            n++;
        }
    fc_findings_clear(&fs);
    fc_claims_clear(&cl);
    fc_doc_free(doc);
    return n;
}

Test(relations, qualifiers_and_rounding_ties_raise_nothing)
{
    cr_assert_eq(warnings_in("Ridership on the Harbor Line more than doubled to 2,100 riders a "
                             "day from 1,000 a day."),
                 0);
    cr_assert_eq(warnings_in("One in eight of the 400 nurses at Mercy General, or 12%, quit last "
                             "year."),
                 0);
    cr_assert_eq(warnings_in("One in eight of the 400 doctors at Mercy General, or 13%, left last "
                             "year."),
                 0);
    cr_assert_eq(warnings_in("Ridership on the Harbor Line more than doubled to 1,900 riders a "
                             "day from 1,000 a day."),
                 1); /* 1.9 times is no doubling */
}
