/* test_rules.c - rule files: loading, layering, and the exact errors for bad ones.
 * Expected line:column positions were computed independently from the fixture
 * files (python: the 1-based line and column of the offending token). */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "lex.h"
#include "rules_internal.h"
#include "util.h"

/* Each bad fixture and the one message it must give, "file:line:col: message". */
static const struct {
    const char *file, *message;
} bad_files[] = {
    {"malformed.json", "tests/data/rules/malformed.json:3:48: malformed JSON"},
    {"unknown-field.json", "tests/data/rules/unknown-field.json:2:3: unknown field \"measurse\" "
                           "(did you mean \"measures\"?)"},
    {"beat.json", "tests/data/rules/beat.json:14:7: unknown field \"tolerence\" "
                  "(did you mean \"tolerance\"?)"},
    {"bad-kind.json", "tests/data/rules/bad-kind.json:3:38: $.hedges[0].kind: expected one of: "
                      "exact approximately nearly at_least more_than at_most less_than range"},
    {"bad-type.json",
     "tests/data/rules/bad-type.json:2:30: $.scale_words.million: expected a positive number"},
    {"dup-id.json", "tests/data/rules/dup-id.json:5:5: $.hedges[2]: duplicate id \"about\" (also "
                    "at $.hedges[0])"},
    /* PCRE2's own message and offset; column 78 is the end of the pattern in the
     * JSON text (the escapes \\d and \\. each take two columns). */
    {"bad-regex.json", "tests/data/rules/bad-regex.json:3:78: $.patterns[0].regex: regular "
                       "expression error at offset 41: missing closing parenthesis"},
    {"alias-cycle.json", "tests/data/rules/alias-cycle.json:3:5: alias cycle: \"migrants\" -> "
                         "\"undocumented immigrants\" -> \"immigrants\" -> \"migrants\""},
    /* column 35: the 13 after "fiscal_year_ends": (a month is 1 to 12) */
    {"bad-fiscal.json", "tests/data/rules/bad-fiscal.json:2:35: $.periods.fiscal_year_ends: "
                        "expected a number from 1 to 12"},
    /* The second context list fails halfway: what it had read must be freed
     * (LeakSanitizer watches this in the sanitizer build). */
    {"bad-context.json", "tests/data/rules/bad-context.json:6:48: $.measures[0].context[1][1]: "
                         "expected a string"},
};

Test(rules, every_bad_file_gives_its_exact_message)
{
    for (size_t i = 0; i < sizeof bad_files / sizeof *bad_files; i++) {
        char path[512], msg[1100];
        snprintf(path, sizeof path, "tests/data/rules/%s", bad_files[i].file);
        fc_rules *r = NULL;
        fc_diag diag = {0};
        cr_assert_eq(fc_rules_load(path, &r, &diag), FC_ERULES, "%s", path);
        cr_assert_null(r);
        cr_assert_str_eq(fc_diag_format(&diag, msg, sizeof msg), bad_files[i].message);
    }
}

Test(rules, a_bad_rule_file_stops_the_run_before_any_document_is_read)
{
    for (size_t i = 0; i < sizeof bad_files / sizeof *bad_files; i++) {
        char args[600], want[1200], *out, *err;
        snprintf(args, sizeof args, "--rules tests/data/rules/%s claims/", bad_files[i].file);
        cr_assert_eq(test_run(args, &out, &err), 2, "%s", bad_files[i].file);
        cr_assert_str_eq(out, "", "a report was written for %s", bad_files[i].file);
        snprintf(want, sizeof want, "%s\n", bad_files[i].message);
        cr_assert_str_eq(err, want);
        free(out);
        free(err);
    }
}

Test(rules, rules_check_reports_each_file)
{
    char *out, *err;
    cr_assert_eq(test_run("rules check tests/data/rules/overlay.json tests/data/rules/beat.json "
                          "claims/factcheck.rules.json",
                          &out, &err),
                 2);
    cr_assert_str_eq(out, "tests/data/rules/overlay.json: ok\nclaims/factcheck.rules.json: ok\n");
    cr_assert_str_eq(err, "tests/data/rules/beat.json:14:7: unknown field \"tolerence\" (did you "
                          "mean \"tolerance\"?)\n");
    free(out);
    free(err);
}

Test(rules, default_rules_load_with_every_list_filled)
{
    const fc_rules *r = test_rules();
    cr_assert_gt(r->hedges.n, 10);
    cr_assert_gt(r->number_words.n, 20);
    cr_assert_gt(r->units.n, 5);
    cr_assert_gt(r->rates.n, 5);
    cr_assert(r->check_on[FC_CHECK_cross_source]);
    cr_assert_eq(r->nmeasures, 0, "measures belong to a beat's rule file, not the defaults");
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

Test(rules, missing_file_is_an_io_error)
{
    fc_rules *r = NULL;
    fc_diag diag = {0};
    cr_assert_eq(fc_rules_load("tests/data/rules/none.json", &r, &diag), FC_EIO);
    cr_assert_str_eq(diag.file, "tests/data/rules/none.json");
}

/* Defaults, then the overlay: returns the claims of text. */
static fc_rules *layered(const char *overlay)
{
    fc_rules_builder *b = fc_rules_builder_new();
    fc_diag diag = {0};
    char msg[1100];
    cr_assert_eq(fc_rules_builder_add(b, fc_rules_default_path(), &diag), FC_OK);
    if (overlay)
        cr_assert_eq(fc_rules_builder_add(b, overlay, &diag), FC_OK, "%s",
                     fc_diag_format(&diag, msg, sizeof msg));
    fc_rules *r = NULL;
    cr_assert_eq(fc_rules_builder_build(b, &r, &diag), FC_OK);
    fc_rules_builder_free(b);
    return r;
}

static void extract_with(const fc_rules *r, const char *text, fc_claims *cl, fc_doc **doc)
{
    cr_assert_eq(fc_doc_parse("t.md", text, strlen(text), doc, NULL), FC_OK);
    cr_assert_eq(fc_extract(r, *doc, 0, cl), FC_OK);
}

Test(rules, a_rule_file_alone_adds_a_hedge_a_measure_with_aliases_and_overrides)
{
    const char *text = "Clinics gave in the region of 4,000 jabs. About 100 shots were wasted. "
                       "Over 50 people queued.";
    fc_rules *base = layered(NULL), *r = layered("tests/data/rules/overlay.json");
    fc_claims a = {0}, b = {0};
    fc_doc *d1, *d2;
    extract_with(base, text, &a, &d1);
    extract_with(r, text, &b, &d2);
    cr_assert_eq(a.n, 3);
    cr_assert_eq(b.n, 3);
    /* The new hedge: approximately, +-15 % -> [3,400, 4,600]; unknown to the defaults. */
    cr_assert_eq(a.items[0].qualifier, FC_QUAL_EXACT);
    cr_assert_eq(b.items[0].qualifier, FC_QUAL_APPROXIMATELY);
    cr_assert_float_eq(b.items[0].low, 3400, 1e-9);
    cr_assert_float_eq(b.items[0].high, 4600, 1e-9);
    /* The measure reached through the aliases "jabs" and "shots". */
    cr_assert_null(a.items[0].measure);
    cr_assert_str_eq(b.items[0].measure, "health.vaccine_doses");
    cr_assert_str_eq(b.items[1].measure, "health.vaccine_doses");
    /* "about" overridden by id: +-20 % -> [80, 120] instead of [90, 110]. */
    cr_assert_float_eq(a.items[1].low, 90, 1e-9);
    cr_assert_float_eq(b.items[1].low, 80, 1e-9);
    cr_assert_float_eq(b.items[1].high, 120, 1e-9);
    /* "over" removed: 50 is no longer a lower bound. */
    cr_assert_eq(a.items[2].qualifier, FC_QUAL_MORE_THAN);
    cr_assert_eq(b.items[2].qualifier, FC_QUAL_EXACT);
    cr_assert_float_eq(r->cross_source.tolerance, 0.2, 1e-12);
    fc_claims_clear(&a);
    fc_claims_clear(&b);
    fc_doc_free(d1);
    fc_doc_free(d2);
    fc_rules_free(base);
    fc_rules_free(r);
}

/* The number of conflict findings between the raid reports of 09 and 10. */
static int raid_conflicts(const char *args)
{
    char *out, *err;
    test_run(args, &out, &err);
    cJSON *j = cJSON_Parse(out);
    cr_assert_not_null(j, "%s", err);
    int n = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(j, "findings"))
    {
        n += strcmp(cJSON_GetObjectItem(f, "severity")->valuestring, "conflict") == 0 &&
             strcmp(cJSON_GetObjectItem(f, "check")->valuestring, "cross_source") == 0 &&
             strstr(cJSON_GetObjectItem(f, "message")->valuestring, "approximately 250") != NULL;
    }
    cJSON_Delete(j);
    free(out);
    free(err);
    return n;
}

Test(rules, a_check_tolerance_in_a_rule_file_changes_the_report)
{
    /* Without it, "about 250" (09) conflicts with 317 (10) and "more than 300" (08):
     * one dispute, one finding. With 20 % tolerance each way, [225, 275] widens to
     * [175, 325] and 317 to [253.6, 380.4]: they overlap, and so do [175, 325] and
     * [240, ...]. */
    cr_assert_eq(raid_conflicts("--format json claims/"), 1);
    cr_assert_eq(raid_conflicts("--format json --rules tests/data/rules/overlay.json claims/"), 0);
}

Test(rules, the_listing_names_where_each_rule_came_from)
{
    char *out, *err;
    cr_assert_eq(test_run("rules --rules tests/data/rules/overlay.json claims/", &out, &err), 0);
    /* "about" now comes from the overlay, line 6 column 5; "some" from the defaults. */
    cr_assert_not_null(
        strstr(out, "\"phrase\":\"about\",\"kind\":\"approximately\",\"tolerance\":0.2}"));
    cr_assert_not_null(strstr(out, "tests/data/rules/overlay.json:6:5"), "%s", out);
    cr_assert_not_null(strstr(out, "rules/default.json:5:5"));
    cr_assert_not_null(strstr(out, "claims/factcheck.rules.json"));
    cr_assert_null(strstr(out, "\"phrase\":\"over\""), "a removed hedge is still listed");
    free(out);
    free(err);
}

Test(rules, free_null_is_harmless)
{
    fc_rules_free(NULL);
    fc_rules_builder_free(NULL);
}

static uint32_t vocab_find(const fc_vocab *v, const char *s)
{
    return fc_vocab_find(v, s, strlen(s), fc_lower_hash(s, strlen(s)));
}

Test(rules, the_vocabulary_numbers_each_token_once_in_any_case)
{
    fc_vocab v = {0};
    char w[16];
    /* 200 words: the table grows several times past its first 64 slots. */
    for (uint32_t i = 0; i < 200; i++) {
        uint32_t id = 999;
        snprintf(w, sizeof w, "w%u", (unsigned)i);
        cr_assert_eq(fc_vocab_add(&v, w, strlen(w), fc_lower_hash(w, strlen(w)), &id), FC_OK);
        cr_assert_eq(id, i);
    }
    uint32_t again = 999;
    cr_assert_eq(fc_vocab_add(&v, "w5", 2, fc_lower_hash("w5", 2), &again), FC_OK);
    cr_assert_eq(again, 5);
    cr_assert_eq(v.n, 200);
    cr_assert_eq(vocab_find(&v, "w0"), 0);
    cr_assert_eq(vocab_find(&v, "W199"), 199);
    /* Not in the vocabulary: the number n, one past the last word. */
    cr_assert_eq(vocab_find(&v, "w200"), 200);
    cr_assert_eq(vocab_find(&v, "w5x"), 200);
    cr_assert_eq(vocab_find(&v, "w"), 200);
    fc_vocab_free(&v);
    cr_assert_eq(vocab_find(&v, "w0"), 0); /* empty again: n is 0 */
}

Test(rules, a_phrase_token_has_the_number_its_text_finds)
{
    fc_rules *r = layered(NULL);
    const fc_phrase *about = NULL;
    for (size_t i = 0; i < r->hedges.n; i++)
        if (strcmp(r->hedges.items[i].phrase.text, "about") == 0)
            about = &r->hedges.items[i].phrase;
    cr_assert_not_null(about);
    cr_assert_eq(about->ntok, 1);
    cr_assert_eq(vocab_find(&r->vocab, "About"), about->word[0]);
    cr_assert_eq(vocab_find(&r->vocab, "ABOUT"), about->word[0]);
    cr_assert(fc_index_has(&r->hedges.first, about->word[0]));
    uint32_t none = vocab_find(&r->vocab, "zzyzx");
    cr_assert_eq(none, r->vocab.n);
    cr_assert_not(fc_index_has(&r->hedges.first, none));
    fc_rules_free(r);
}

/* The position "path:line:col" names in text: the byte offset, or -1. */
static long offset_of(const char *text, unsigned line, unsigned col)
{
    const char *p = text;
    for (unsigned l = 1; l < line; l++)
        if (!(p = strchr(p, '\n')))
            return -1;
        else
            p++;
    return (long)(p - text) + col - 1;
}

Test(rules, every_listed_position_points_at_its_entry)
{
    /* Three layers, so positions come from three files; each of some 850 entries'
     * origins is looked up among all of them, and must point at a JSON value. */
    fc_rules_builder *b = fc_rules_builder_new();
    fc_diag diag = {0};
    cr_assert_eq(fc_rules_builder_add(b, fc_rules_default_path(), &diag), FC_OK);
    cr_assert_eq(fc_rules_builder_add(b, "claims/factcheck.rules.json", &diag), FC_OK);
    cr_assert_eq(fc_rules_builder_add(b, "tests/data/rules/overlay.json", &diag), FC_OK);
    fc_rules *r = NULL;
    cr_assert_eq(fc_rules_builder_build(b, &r, &diag), FC_OK);
    fc_rules_builder_free(b);
    char *listing = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&listing, &size);
    cr_assert_eq(fc_rules_write_listing(r, f), FC_OK);
    fclose(f);
    cr_assert_null(strstr(listing, "  ?\n"), "an entry without its origin");

    const char *paths[] = {fc_rules_default_path(), "claims/factcheck.rules.json",
                           "tests/data/rules/overlay.json"};
    /* as the listing shows them: the data folder's files under "<datadir>" */
    const char *shown[] = {"<datadir>/rules/default.json", paths[1], paths[2]};
    char *texts[3];
    for (int i = 0; i < 3; i++) {
        size_t n;
        cr_assert_eq(fc_read_file(paths[i], "rule file", &texts[i], &n, NULL), FC_OK);
    }
    size_t checked = 0, from_overlay = 0;
    for (char *line = strtok(listing, "\n"); line; line = strtok(NULL, "\n")) {
        for (int i = 0; i < 3; i++) {
            const char *at = strstr(line, shown[i]);
            unsigned l, c;
            if (!at || sscanf(at + strlen(shown[i]), ":%u:%u", &l, &c) != 2)
                continue;
            long off = offset_of(texts[i], l, c);
            cr_assert(off >= 0 && (size_t)off < strlen(texts[i]), "%s", line);
            cr_assert_not_null(strchr("{[\"-0123456789tfn", texts[i][off]), "%s points at '%.10s'",
                               line, texts[i] + off);
            checked++;
            from_overlay += i == 2;
        }
    }
    cr_assert_gt(checked, 800);
    /* From the overlay, the latest layer: factcheck_rules, description, its two
     * hedges ("about" overrides the default's), two aliases, its measure and the
     * tolerance of checks.cross_source (a nested member, listed with its own
     * origin rather than "?"). */
    cr_assert_eq(from_overlay, 8);
    for (int i = 0; i < 3; i++)
        free(texts[i]);
    free(listing);
    fc_rules_free(r);
}
