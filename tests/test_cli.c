/* test_cli.c - the factcheck program end to end: the corpus, JSON, errors, exit codes. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

static cJSON *run_json(const char *args, int want_status)
{
    char *out, *err;
    int st = test_run(args, &out, &err);
    cr_assert_eq(st, want_status, "exit %d, expected %d; stderr: %s", st, want_status, err);
    cJSON *j = cJSON_Parse(out);
    cr_assert_not_null(j, "output is not JSON: %.200s", out);
    free(out);
    free(err);
    return j;
}

static const cJSON *find_claim(const cJSON *report, const char *id)
{
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(report, "claims"))
    {
        if (strcmp(cJSON_GetObjectItem(c, "id")->valuestring, id) == 0)
            return c;
    }
    return NULL;
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

Test(cli, json_report_lists_every_corpus_file_in_order)
{
    cJSON *j = run_json("--format json claims/", 1); /* the corpus sets up conflicts */
    const cJSON *tool = cJSON_GetObjectItem(j, "tool");
    cr_assert_str_eq(cJSON_GetObjectItem(tool, "name")->valuestring, "factcheck");
    cr_assert_str_eq(cJSON_GetObjectItem(tool, "version")->valuestring, fc_version());

    /* The expected inputs: every .md file in claims/, sorted. */
    char *names[64];
    size_t n = 0;
    DIR *d = opendir("claims");
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".md") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_str);
    cr_assert_geq(n, 10);
    const cJSON *inputs = cJSON_GetObjectItem(j, "inputs");
    cr_assert_eq((size_t)cJSON_GetArraySize(inputs), n);
    for (size_t i = 0; i < n; i++) {
        const cJSON *in = cJSON_GetArrayItem(inputs, (int)i);
        char want[300];
        snprintf(want, sizeof want, "claims/%s", names[i]);
        cr_assert_str_eq(cJSON_GetObjectItem(in, "path")->valuestring, want);
        cr_assert_str_eq(cJSON_GetObjectItem(in, "status")->valuestring, "ok");
        cr_assert_gt(cJSON_GetObjectItem(in, "claims")->valuedouble, 0);
        free(names[i]);
    }
    const cJSON *sum = cJSON_GetObjectItem(j, "summary");
    cr_assert_eq(cJSON_GetObjectItem(sum, "inputs")->valuedouble, (double)n);
    cr_assert_eq(cJSON_GetObjectItem(sum, "inputs_failed")->valuedouble, 0);
    cJSON_Delete(j);
}

Test(cli, json_claims_carry_the_contract_fields_and_unique_ids)
{
    static const char *fields[] = {"id",       "doc",   "start",   "end",         "text",
                                   "value",    "low",   "high",    "qualifier",   "unit",
                                   "currency", "per",   "subject", "attribution", "modality",
                                   "measure",  "period"};
    cJSON *j = run_json("--format json claims/", 1);
    const cJSON *c, *claims = cJSON_GetObjectItem(j, "claims");
    cr_assert_gt(cJSON_GetArraySize(claims), 30);
    cJSON_ArrayForEach(c, claims)
    {
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
            cr_assert_not_null(cJSON_GetObjectItem(c, fields[i]), "claim lacks %s", fields[i]);
        const char *id = cJSON_GetObjectItem(c, "id")->valuestring;
        cr_assert_eq(find_claim(j, id), c, "duplicate claim id %s", id);
        /* The span text is the original bytes at [start, end). */
        char *doc = test_slurp(cJSON_GetObjectItem(c, "doc")->valuestring);
        size_t s = (size_t)cJSON_GetObjectItem(c, "start")->valuedouble;
        size_t e = (size_t)cJSON_GetObjectItem(c, "end")->valuedouble;
        const char *text = cJSON_GetObjectItem(c, "text")->valuestring;
        cr_assert(e > s && strlen(text) == e - s && memcmp(doc + s, text, e - s) == 0);
        free(doc);
    }
    cJSON_Delete(j);
}

/* The finding of this severity on this measure whose claims come from both docs. */
static const cJSON *finding_between(const cJSON *j, const char *severity, const char *measure,
                                    const char *doc_a, const char *doc_b)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(j, "findings"))
    {
        if (strcmp(cJSON_GetObjectItem(f, "severity")->valuestring, severity) != 0)
            continue;
        bool a = false, b = false;
        const cJSON *id;
        cJSON_ArrayForEach(id, cJSON_GetObjectItem(f, "claims"))
        {
            const cJSON *c = find_claim(j, id->valuestring);
            const char *doc = cJSON_GetObjectItem(c, "doc")->valuestring;
            const cJSON *m = cJSON_GetObjectItem(c, "measure");
            if (!cJSON_IsString(m) || strcmp(m->valuestring, measure) != 0)
                break;
            a |= strstr(doc, doc_a) != NULL;
            b |= strstr(doc, doc_b) != NULL;
        }
        if (a && b)
            return f;
    }
    return NULL;
}

Test(cli, corpus_conflict_on_the_raid_count_is_found_with_its_gap)
{
    cJSON *j = run_json("--format json claims/", 1);
    /* 09 says "about 250" Korean workers (225..275), 08 "more than 300" and 10 says
     * 317: one dispute, 09 against the two, whose closest gap is 300 - 275 = 25. 08
     * and 10 agree: they are one side of it. */
    const cJSON *f = finding_between(j, "conflict", "raid.hyundai_ga.korean_detained",
                                     "09-korean-workers", "10-envoy-regret");
    cr_assert_not_null(f);
    cr_assert_str_eq(cJSON_GetObjectItem(f, "check")->valuestring, "cross_source");
    const cJSON *nums = cJSON_GetObjectItem(f, "numbers");
    cr_assert_float_eq(cJSON_GetObjectItem(nums, "gap")->valuedouble, 25, 1e-9);
    const char *msg = cJSON_GetObjectItem(f, "message")->valuestring;
    cr_assert_not_null(strstr(msg, "says approximately 250 [225, 275], against 2 figures: "), "%s",
                       msg);
    cr_assert_not_null(strstr(msg, "317"), "%s", msg);
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(f, "claims")), 3);
    cr_assert_eq(finding_between(j, "conflict", "raid.hyundai_ga.korean_detained",
                                 "08-battery-plant", "10-envoy-regret"),
                 f); /* the same finding: no dispute of their own */
    cJSON_Delete(j);
}

Test(cli, agreeing_sources_get_no_conflict)
{
    cJSON *j = run_json("--format json claims/", 1);
    /* "nearly 1,000" (01) and "about 1,000" (02) arrests a day agree. */
    cr_assert_null(finding_between(j, "conflict", "ice.arrests.per_day", "01-korean-community",
                                   "02-koreatown-shops"));
    cr_assert_not_null(finding_between(j, "info", "ice.arrests.per_day", "01-korean-community",
                                       "02-koreatown-shops"));
    /* "about 100" 7-Eleven stores (11) and ICE's 98 (12) agree too. */
    cr_assert_null(finding_between(j, "conflict", "raid.seven_eleven.stores", "11-koreatown",
                                   "12-ice-audits"));
    cr_assert_not_null(
        finding_between(j, "info", "raid.seven_eleven.stores", "11-koreatown", "12-ice-audits"));
    cJSON_Delete(j);
}

/* The claims file: a bare claim a line, then the input, which counts them. */
Test(cli, extract_jsonl_prints_one_claim_a_line)
{
    char *out, *err;
    cr_assert_eq(
        test_run("extract --format jsonl claims/08-battery-plant-raid-georgia.md", &out, &err), 0);
    size_t lines = 0, inputs = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        cJSON *c = cJSON_Parse(line);
        cr_assert_not_null(c, "not JSON: %s", line);
        const cJSON *type = cJSON_GetObjectItem(c, "type");
        if (type) {
            cr_assert_str_eq(cJSON_GetStringValue(type), "input");
            cr_assert_eq(inputs++, 0, "one input");
            cr_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(c, "path")),
                             "claims/08-battery-plant-raid-georgia.md");
            cr_assert_eq(cJSON_GetObjectItem(c, "claims")->valuedouble, (double)lines);
        } else {
            cr_assert_eq(inputs, 0, "claims come before the inputs");
            cr_assert_not_null(cJSON_GetObjectItem(c, "value"));
            cr_assert_not_null(cJSON_GetObjectItem(c, "sentence_start"));
            lines++;
        }
        cJSON_Delete(c);
    }
    cr_assert_geq(lines, 3);
    cr_assert_eq(inputs, 1);
    free(out);
    free(err);
}

Test(cli, reads_standard_input)
{
    char *out, *err;
    cr_assert_eq(
        test_run("extract --format jsonl - < claims/09-korean-workers-held-early-report.md", &out,
                 &err),
        0);
    cr_assert_not_null(strstr(out, "\"doc\":\"-\""));
    cr_assert_not_null(strstr(out, "\"text\":\"About 250\""));
    free(out);
    free(err);
}

Test(cli, output_option_writes_the_file)
{
    char *out, *err;
    char path[] = "/tmp/fc-cli-out-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    char args[200];
    snprintf(args, sizeof args, "-o %s claims/", path);
    cr_assert_eq(test_run(args, &out, &err), 1);
    cr_assert_str_eq(out, "");
    char *report = test_slurp(path);
    cr_assert_not_null(strstr(report, "Summary: 12 inputs"), "%.300s", report);
    cr_assert_not_null(strstr(report, "CONFLICT"));
    unlink(path);
    free(report);
    free(out);
    free(err);
}

Test(cli, help_version_and_usage_errors)
{
    char *out, *err;
    cr_assert_eq(test_run("--help", &out, &err), 0);
    cr_assert_eq(strncmp(out, "Usage: factcheck", 16), 0);
    cr_assert_not_null(strstr(out, "Exit status:"));
    free(out);
    free(err);
    cr_assert_eq(test_run("--version", &out, &err), 0);
    char want[64];
    snprintf(want, sizeof want, "factcheck %s\n", fc_version());
    cr_assert_str_eq(out, want);
    free(out);
    free(err);
    cr_assert_eq(test_run("--bogus claims/", &out, &err), 2);
    cr_assert_str_eq(out, "");
    cr_assert_not_null(strstr(err, "Try 'factcheck --help' for more information."));
    free(out);
    free(err);
    cr_assert_eq(test_run("--format yaml claims/", &out, &err), 2);
    cr_assert_not_null(strstr(err, "unknown format 'yaml'"));
    free(out);
    free(err);
    cr_assert_eq(test_run("", &out, &err), 2);
    cr_assert_not_null(strstr(err, "no input given"));
    free(out);
    free(err);
}

/* The worked example of docs/rules.md: a public-health desk's rule file adds a
 * hedge, a custom claim shape (PCRE2), aliases and measures, and a tolerance. */
Test(cli, the_public_health_example_works_as_documented)
{
    cJSON *j = run_json("--format json --rules docs/examples/public-health.rules.json "
                        "docs/examples/health/",
                        0);
    const cJSON *c, *claims = cJSON_GetObjectItem(j, "claims");
    int per100k = 0, region = 0, admissions = 0;
    cJSON_ArrayForEach(c, claims)
    {
        const cJSON *m = cJSON_GetObjectItem(c, "measure");
        const char *text = cJSON_GetObjectItem(c, "text")->valuestring;
        if (cJSON_IsString(m) && strcmp(m->valuestring, "health.cases.per_100k") == 0) {
            per100k++;
            cr_assert_str_eq(text, "48.2 cases per 100,000 residents");
            cr_assert_float_eq(cJSON_GetObjectItem(c, "value")->valuedouble, 48.2, 1e-9);
            cr_assert_str_eq(cJSON_GetObjectItem(c, "attribution")->valuestring,
                             "health department");
            /* published Friday 2025-01-17: last week is Monday 6 to Sunday 12 January */
            cr_assert_str_eq(cJSON_GetObjectItem(c, "period")->valuestring,
                             "2025-01-06/2025-01-12");
        }
        if (strncmp(text, "in the region of", 16) == 0) {
            region++; /* the new hedge, across a wrapped line: 1,900 +- 15 % */
            cr_assert_float_eq(cJSON_GetObjectItem(c, "low")->valuedouble, 1615, 1e-9);
            cr_assert_float_eq(cJSON_GetObjectItem(c, "high")->valuedouble, 2185, 1e-9);
        }
        if (cJSON_IsString(m) && strcmp(m->valuestring, "health.hospitalisations.per_week") == 0)
            admissions++; /* "hospitalizations" and "hospital admissions", by alias */
    }
    cr_assert_eq(per100k, 1);
    cr_assert_eq(region, 1);
    cr_assert_eq(admissions, 2);
    /* 212 and about 240 [216, 264] a week agree only with the 5 % tolerance:
     * widened, [201.4, 222.6] and [204, 276] share [204, 222.6]. */
    const cJSON *f;
    int agree = 0;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(j, "findings"))
    {
        const char *msg = cJSON_GetObjectItem(f, "message")->valuestring;
        if (strstr(msg, "Hospital admissions a week")) {
            agree++;
            cr_assert_not_null(strstr(msg, "[204, 222.6]"), "%s", msg);
        }
    }
    cr_assert_eq(agree, 1);
    cJSON_Delete(j);
}

/* The consistency checks on the example corpus (issue #5): each finding the
 * corpus sets up, with its numbers. */
static const cJSON *finding_of(const cJSON *j, const char *check, const char *text)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(j, "findings"))
    {
        if (strcmp(cJSON_GetObjectItem(f, "check")->valuestring, check) == 0 &&
            strstr(cJSON_GetObjectItem(f, "message")->valuestring, text))
            return f;
    }
    return NULL;
}

static double number_of(const cJSON *f, const char *name)
{
    const cJSON *v = cJSON_GetObjectItem(cJSON_GetObjectItem(f, "numbers"), name);
    cr_assert_not_null(v, "no number %s", name);
    return v->valuedouble;
}

Test(cli, the_corpus_findings_show_their_arithmetic)
{
    cJSON *j = run_json("--format json claims/", 1);
    /* 46 % vs 49 %, n = 1,100 each (the AP-NORC default in claims/factcheck.rules.json):
     * prop.test(c(539, 506), c(1100, 1100), correct = FALSE)$p.value = 0.158868602290209 */
    const cJSON *f = finding_of(j, "poll_change", "Pacific Wire Digest");
    cr_assert_not_null(f);
    cr_assert_str_eq(cJSON_GetObjectItem(f, "severity")->valuestring, "warning");
    cr_assert_float_eq(number_of(f, "p"), 0.158868602290209, 1e-9);
    cr_assert_float_eq(number_of(f, "n"), 1100, 1e-9);
    /* "a 3% drop" next to 46 %: 49 % before as points (another source gives 49 %). */
    f = finding_of(j, "percent_points", "percentage points, not percent");
    cr_assert_not_null(f);
    cr_assert_float_eq(number_of(f, "before_reported"), 49, 1e-9);
    /* "three times" the earlier goal: 3,000 / 3 = 1,000, against 1,200 to 1,500 reported. */
    f = finding_of(j, "stated_ratio", "three times");
    cr_assert_not_null(f);
    cr_assert_float_eq(number_of(f, "implied"), 1000, 1e-9);
    /* The target of 3,000 a day against actual figures; and 04's "actual" 3,000. */
    cr_assert_not_null(finding_of(j, "target_vs_actual", "The target of 3,000"));
    cr_assert_not_null(finding_of(j, "target_as_actual", "Northgate Evening Ledger"));
    /* 66,463 arrests over 100 days = 664.63 a day, against "roughly 665 a day". */
    f = finding_of(j, "rate_total", "66,463 arrests in 100 days");
    cr_assert_not_null(f);
    cr_assert_str_eq(cJSON_GetObjectItem(f, "severity")->valuestring, "info");
    cr_assert_float_eq(number_of(f, "implied_rate"), 664.63, 1e-9);
    /* "100 days since" the oath, published 2025-04-29: 99 days after Jan. 20 (Python:
     * (date(2025, 4, 29) - date(2025, 1, 20)).days), day 100 counting Jan. 20 as day 1. */
    f = finding_of(j, "elapsed", "day 100 counting 2025-01-20 as day 1");
    cr_assert_not_null(f);
    cr_assert_float_eq(number_of(f, "elapsed_days"), 99, 1e-9);
    /* "more than seven decades" since the treaty of 1953-10-01, published 2025-09-15:
     * 26282 days, 7.2 decades. */
    f = finding_of(j, "elapsed", "more than seven decades");
    cr_assert_not_null(f);
    cr_assert_float_eq(number_of(f, "elapsed_days"), 26282, 1e-9);
    cr_assert_not_null(cJSON_GetObjectItem(f, "source"));
    /* Five of about 100 stores: 5 %. */
    f = finding_of(j, "share", "5 of 100");
    cr_assert_not_null(f);
    cr_assert_float_eq(number_of(f, "share_percent"), 5, 1e-9);
    /* No finding carries a number that is not finite: JSON has no NaN, and cJSON
     * would print null; every number must be a number. */
    const cJSON *it, *n;
    cJSON_ArrayForEach(it, cJSON_GetObjectItem(j, "findings"))
    {
        cJSON_ArrayForEach(n, cJSON_GetObjectItem(it, "numbers")) cr_assert(cJSON_IsNumber(n));
    }
    cJSON_Delete(j);
}

/* A rule file moves the end of the fiscal year: with years ending in September,
 * "last fiscal year" written on 2025-11-03 is October 2024 to September 2025 (by
 * hand: the year under way ends in September 2026; the one before ends in
 * September 2025); with the default (June) it is July 2024 to June 2025. */
Test(cli, a_rule_file_sets_the_fiscal_year_end)
{
    char *out, *err;
    cr_assert_eq(test_run("extract --format jsonl --rules tests/data/rules/fiscal-september.json "
                          "tests/data/fiscal-year.md",
                          &out, &err),
                 0, "%s", err);
    cr_assert_not_null(strstr(out, "\"period\":\"2024-10-01/2025-09-30\""), "%.400s", out);
    free(out);
    free(err);
    cr_assert_eq(test_run("extract --format jsonl tests/data/fiscal-year.md", &out, &err), 0);
    cr_assert_not_null(strstr(out, "\"period\":\"2024-07-01/2025-06-30\""), "%.400s", out);
    free(out);
    free(err);
}
