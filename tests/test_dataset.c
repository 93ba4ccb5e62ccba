/* test_dataset.c - the reference datasets (RFC 4180 CSV) and the reference check. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "dataset.h"
#include "helpers.h"
#include "util.h"

Test(dataset, reads_quoted_fields_crlf_and_bounds)
{
    fc_dataset set = {0};
    fc_diag diag = {0};
    cr_assert_eq(fc_dataset_load(&set, "tests/data/datasets/refs.csv", &diag), FC_OK);
    cr_assert_eq(set.n, 3);
    cr_assert_str_eq(set.rows[0].publisher, "Ministry, Foreign");
    cr_assert_str_eq(set.rows[0].title, "A \"quoted\" title");
    cr_assert_eq(set.rows[0].low, 317);
    cr_assert_eq(set.rows[0].high, 317);
    cr_assert_eq(set.rows[1].low, 1200); /* a range with no single value */
    cr_assert_eq(set.rows[1].high, 1500);
    cr_assert(isnan(set.rows[1].value));
    cr_assert_eq(set.rows[2].low, 0); /* "fewer than 600" */
    cr_assert_eq(set.rows[2].high, 600);
    cr_assert_str_eq(set.rows[2].period_end, "2025-02-21");
    fc_dataset_clear(&set);
}

Test(dataset, a_file_without_the_columns_is_refused_with_its_name)
{
    fc_dataset set = {0};
    fc_diag diag = {0};
    char msg[1100];
    cr_assert_eq(fc_dataset_load(&set, "tests/data/datasets/bad.csv", &diag), FC_EFORMAT);
    cr_assert_str_eq(fc_diag_format(&diag, msg, sizeof msg),
                     "tests/data/datasets/bad.csv:1:1: no column \"low\"");
    fc_dataset_clear(&set);
}

Test(dataset, the_corpus_claims_meet_the_reference_figures)
{
    char *out, *err;
    cr_assert_eq(test_run("--format json claims/", &out, &err), 1);
    /* "about 250" [225, 275] against the ministry's 317: differ by 317 - 275 = 42. */
    const char *hit = strstr(out, "the reference figure is 317");
    cr_assert_not_null(hit);
    cr_assert_not_null(strstr(out, "they differ by 42"));
    cr_assert_not_null(strstr(out, "immigration-2025.csv: hyundai_raid_korean_nationals]"));
    /* Pew's 110,000 for 2022 is matched to Pew's row, not to other estimators. */
    cr_assert_not_null(strstr(out, "[immigration-2025.csv: pew_unauth_korea_2022]"));
    free(out);
    free(err);
}
