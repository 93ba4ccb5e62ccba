/* test_rules.c - loading rule files, and the exact errors for bad ones. */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "rules_internal.h"

static void expect_error(const char *name, const char *want)
{
    char path[512], msg[1100];
    snprintf(path, sizeof path, "tests/data/rules/%s", name);
    fc_rules *r = NULL;
    fc_diag diag = {0};
    cr_assert_eq(fc_rules_load(path, &r, &diag), FC_ERULES);
    cr_assert_null(r);
    cr_assert_str_eq(fc_diag_format(&diag, msg, sizeof msg), want);
}

Test(rules, default_rules_load_with_every_list_filled)
{
    const fc_rules *r = test_rules();
    cr_assert_gt(r->hedges.n, 10);
    cr_assert_gt(r->number_words.n, 20);
    cr_assert_gt(r->units.n, 5);
    cr_assert_gt(r->rates.n, 5);
    cr_assert_gt(r->nmeasures, 3);
    cr_assert(r->cross_source.enabled);
}

Test(rules, phrases_are_tokenized_like_text)
{
    const fc_rules *r = test_rules();
    bool found = false;
    for (size_t i = 0; i < r->hedges.n; i++)
        if (strcmp(r->hedges.items[i].phrase.text, "more than") == 0) {
            found = true;
            cr_assert_eq(r->hedges.items[i].phrase.ntok, 2);
            cr_assert_str_eq(r->hedges.items[i].phrase.tok[1], "than");
            cr_assert_eq(r->hedges.items[i].kind, FC_QUAL_MORE_THAN);
        }
    cr_assert(found);
}

Test(rules, malformed_json_gives_line_and_column)
{
    /* Line 3 is `    {"phrase": "some", "kind": "approximately",}`: the parser
     * fails at the "}" after the trailing comma, column 48. */
    expect_error("malformed.json", "tests/data/rules/malformed.json:3:48: malformed JSON");
}

Test(rules, unknown_field_suggests_the_closest_name)
{
    expect_error("unknown-field.json",
                 "tests/data/rules/unknown-field.json: $: unknown field \"measurse\" "
                 "(did you mean \"measures\"?)");
}

Test(rules, unknown_hedge_kind_lists_the_valid_ones)
{
    expect_error("bad-kind.json",
                 "tests/data/rules/bad-kind.json: $.hedges[0].kind: expected one of: exact "
                 "approximately nearly at_least more_than at_most less_than range");
}

Test(rules, wrong_type_names_the_path)
{
    expect_error(
        "bad-type.json",
        "tests/data/rules/bad-type.json: $.scale_words.million: expected a positive number");
}

Test(rules, missing_file_is_an_io_error)
{
    fc_rules *r = NULL;
    fc_diag diag = {0};
    cr_assert_eq(fc_rules_load("tests/data/rules/none.json", &r, &diag), FC_EIO);
    cr_assert_str_eq(diag.file, "tests/data/rules/none.json");
}

Test(rules, a_rule_file_alone_teaches_a_new_hedge_and_measure)
{
    fc_rules *r = NULL;
    fc_diag diag = {0};
    cr_assert_eq(fc_rules_load("tests/data/rules/minimal.json", &r, &diag), FC_OK);
    const char *text = "They made 500 widgets, give or take 40 widgets a day.";
    fc_doc *doc = NULL;
    cr_assert_eq(fc_doc_parse("m.md", text, strlen(text), &doc, NULL), FC_OK);
    fc_claims cl = {0};
    cr_assert_eq(fc_extract(r, doc, 0, &cl), FC_OK);
    cr_assert_eq(cl.n, 2);
    cr_assert_str_eq(cl.items[0].measure, "test.widgets");
    cr_assert_eq(cl.items[1].qualifier, FC_QUAL_APPROXIMATELY);
    /* 40 give or take 20 % -> [32, 48] */
    cr_assert_float_eq(cl.items[1].low, 32, 1e-9);
    cr_assert_float_eq(cl.items[1].high, 48, 1e-9);
    fc_claims_clear(&cl);
    fc_doc_free(doc);
    fc_rules_free(r);
}

Test(rules, free_null_is_harmless)
{
    fc_rules_free(NULL);
}
