/* test_anybeat.c - the checks with no rule file: the example corpus without its
 * factcheck.rules.json, near misses that must never be compared, and the same
 * wording with a planted difference that must be. Each near miss has a twin that
 * differs only in the figure, so a test that stays silent cannot pass by
 * comparing nothing. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

static char tmpdir[256];

static void make_dir(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/fc-anybeat-XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
}

static void remove_dir(void)
{
    DIR *d = opendir(tmpdir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char p[512];
        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof p, "%s/%s", tmpdir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(tmpdir);
}

static void write_doc(const char *name, const char *outlet, const char *date, const char *body)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f);
    fprintf(f, "---\noutlet: %s\npublished: %s\n---\n%s\n", outlet, date, body);
    fclose(f);
}

static cJSON *run_dir(void)
{
    char args[600], *out, *err;
    snprintf(args, sizeof args, "--format json %s", tmpdir);
    int st = test_run(args, &out, &err);
    cr_assert(st == 0 || st == 1, "exit %d: %s", st, err);
    cJSON *j = cJSON_Parse(out);
    cr_assert_not_null(j, "not JSON: %.200s", out);
    free(out);
    free(err);
    return j;
}

static const cJSON *claim_by_id(const cJSON *j, const char *id)
{
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItem(j, "claims"))
    {
        if (strcmp(cJSON_GetObjectItem(c, "id")->valuestring, id) == 0)
            return c;
    }
    return NULL;
}

/* The number of findings of check at severity (NULL: warning or conflict) whose
 * claims' texts include every one of the texts given (NULL-terminated). */
static int count(const cJSON *j, const char *check, const char *severity, ...)
{
    int n = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(j, "findings"))
    {
        const char *sev = cJSON_GetObjectItem(f, "severity")->valuestring;
        if (strcmp(cJSON_GetObjectItem(f, "check")->valuestring, check) != 0 ||
            (severity ? strcmp(sev, severity) != 0 : strcmp(sev, "info") == 0))
            continue;
        va_list ap;
        va_start(ap, severity);
        bool all = true;
        for (const char *t = va_arg(ap, const char *); t && all; t = va_arg(ap, const char *)) {
            bool found = false;
            const cJSON *id;
            cJSON_ArrayForEach(id, cJSON_GetObjectItem(f, "claims"))
            {
                const cJSON *c = claim_by_id(j, id->valuestring);
                found = found || strstr(cJSON_GetObjectItem(c, "text")->valuestring, t);
            }
            all = found;
        }
        va_end(ap);
        n += all;
    }
    return n;
}

/* Warnings and conflicts of any check. */
static int flags(const cJSON *j)
{
    int n = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(j, "findings"))
    {
        n += strcmp(cJSON_GetObjectItem(f, "severity")->valuestring, "info") != 0;
    }
    return n;
}

/* ---- the example corpus without its rule file ----------------------------------- */

Test(anybeat, the_corpus_without_its_rule_file_still_finds_its_problems, .init = make_dir,
     .fini = remove_dir)
{
    DIR *d = opendir("claims");
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".md") != 0)
            continue;
        char src[512], cmd[1200];
        snprintf(src, sizeof src, "claims/%s", e->d_name);
        snprintf(cmd, sizeof cmd, "cp '%s' '%s/'", src, tmpdir);
        cr_assert_eq(system(cmd), 0);
    }
    closedir(d);
    char probe[400];
    snprintf(probe, sizeof probe, "%s/factcheck.rules.json", tmpdir);
    cr_assert_neq(access(probe, F_OK), 0, "the rule file must not be there");
    cJSON *j = run_dir();
    /* The conflicts: Pew's 110,000 against the CMS's 129,758; "about 250" Korean
     * workers against "more than 300" and against 317. */
    cr_assert_eq(count(j, "cross_source", "conflict", "110,000", "129,758", NULL), 1);
    cr_assert_eq(count(j, "cross_source", "conflict", "About 250", "More than 300", NULL), 1);
    cr_assert_eq(count(j, "cross_source", "conflict", "About 250", "317", NULL), 1);
    /* "a 3% drop" to 46% where another outlet gives 49%: points, not percent. */
    cr_assert_eq(count(j, "percent_points", "warning", "3%", "46%", "49 percent", NULL), 1);
    /* 49% to 46% in a poll: within the noise (assumed sample). */
    cr_assert_geq(count(j, "poll_change", "warning", "46", NULL), 1);
    /* "three times" the earlier goal of 1,200 to 1,500 a day. */
    cr_assert_eq(count(j, "stated_ratio", "warning", "three times", "1,200 to 1,500", NULL), 1);
    /* Northgate's "arresting 3,000 a day" is the target. */
    cr_assert_eq(count(j, "target_as_actual", "warning", "3,000", NULL), 1);
    /* Every inferred comparison says what it rests on. */
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(j, "findings"))
    {
        if (strcmp(cJSON_GetObjectItem(f, "check")->valuestring, "cross_source") == 0 &&
            strcmp(cJSON_GetObjectItem(f, "severity")->valuestring, "conflict") == 0)
            cr_assert(strstr(cJSON_GetObjectItem(f, "message")->valuestring,
                             "Compared because both speak of"),
                      "%s", cJSON_GetObjectItem(f, "message")->valuestring);
    }
    cJSON_Delete(j);
}

/* ---- near misses and their twins ----------------------------------------------------- */

Test(anybeat, different_crops_and_events_are_never_compared, .init = make_dir, .fini = remove_dir)
{
    write_doc("a.md", "Prairie Ledger", "2025-10-02",
              "The country harvested 40 million tons of wheat this year, the farm ministry said.");
    write_doc("b.md", "Coastal Post", "2025-10-03",
              "The country imported 3 million tons of rice this year, customs figures show.");
    cJSON *j = run_dir();
    cr_assert_eq(count(j, "cross_source", NULL, NULL), 0);
    cr_assert_eq(count(j, "cross_source", "info", NULL), 0, "not even grouped");
    cJSON_Delete(j);
}

Test(anybeat, the_same_crop_with_a_planted_difference_is_a_conflict, .init = make_dir,
     .fini = remove_dir)
{
    write_doc("a.md", "Prairie Ledger", "2025-10-02",
              "The country harvested 40 million tons of wheat this year, the farm ministry said.");
    write_doc("b.md", "Coastal Post", "2025-10-03",
              "Farmers harvested 52 million tons of wheat this year, according to the ministry.");
    cJSON *j = run_dir();
    cr_assert_eq(count(j, "cross_source", "conflict", "40 million", "52 million", NULL), 1);
    cJSON_Delete(j);
}

Test(anybeat, city_and_state_totals_are_never_compared, .init = make_dir, .fini = remove_dir)
{
    write_doc("a.md", "Marlow Courier", "2025-02-04",
              "Overdoses killed 42 people in Marlow last year, the city health department said.");
    write_doc("b.md", "Capitol Wire", "2025-02-05",
              "Statewide, 1,240 people died of overdoses last year, the state health office "
              "reported.");
    cJSON *j = run_dir();
    cr_assert_eq(flags(j), 0);
    cJSON_Delete(j);
}

Test(anybeat, one_year_and_the_next_are_never_compared, .init = make_dir, .fini = remove_dir)
{
    write_doc("a.md", "Valley Times", "2025-01-10",
              "The county recorded 212 traffic deaths in 2023, the sheriff said.");
    write_doc("b.md", "Valley Herald", "2025-01-11",
              "The county recorded 187 traffic deaths in 2024, the sheriff said.");
    cJSON *j = run_dir();
    cr_assert_eq(flags(j), 0);
    cJSON_Delete(j);
}

Test(anybeat, the_same_year_with_a_planted_difference_is_a_conflict, .init = make_dir,
     .fini = remove_dir)
{
    write_doc("a.md", "Valley Times", "2025-01-10",
              "The county recorded 212 traffic deaths in 2024, the sheriff said.");
    write_doc("b.md", "Valley Herald", "2025-01-11",
              "Traffic crashes killed 187 people in the county in 2024, according to the sheriff.");
    cJSON *j = run_dir();
    cr_assert_eq(count(j, "cross_source", "conflict", "212", "187", NULL), 1);
    cJSON_Delete(j);
}

Test(anybeat, two_monthly_releases_are_two_periods, .init = make_dir, .fini = remove_dir)
{
    write_doc("a.md", "Harbor Business", "2025-04-04",
              "The jobless rate in Fairhaven was 4.1% in March, the state labor office said.");
    write_doc("b.md", "Harbor Business", "2025-05-02",
              "The jobless rate in Fairhaven rose to 4.4% in April, the state labor office said.");
    cJSON *j = run_dir();
    cr_assert_eq(count(j, "cross_source", NULL, NULL), 0);
    cJSON_Delete(j);
}

Test(anybeat, rates_in_different_units_are_converted, .init = make_dir, .fini = remove_dir)
{
    /* 20 a day is 7,305 a year (20 x 365.2425); "about 7,300 a year" agrees. */
    write_doc("a.md", "Dock Report", "2025-06-02",
              "The port handles 20 container ships a day, the harbor authority said.");
    write_doc("b.md", "Shipping Weekly", "2025-06-03",
              "About 7,300 container ships a year call at the port, the harbor authority says.");
    cJSON *j = run_dir();
    cr_assert_eq(flags(j), 0);
    cr_assert_eq(count(j, "cross_source", "info", "20", "7,300", NULL), 1);
    cJSON_Delete(j);
    remove_dir();
    make_dir();
    /* 20 a day against 3,000 a year: 8.2 a day. */
    write_doc("a.md", "Dock Report", "2025-06-02",
              "The port handles 20 container ships a day, the harbor authority said.");
    write_doc("b.md", "Shipping Weekly", "2025-06-03",
              "About 3,000 container ships a year call at the port, the harbor authority says.");
    j = run_dir();
    cr_assert_eq(count(j, "cross_source", "conflict", "20", "3,000", NULL), 1);
    cJSON_Delete(j);
}

/* ---- relations read in one sentence ---------------------------------------------------- */

Test(anybeat, everyday_change_wording_is_read_as_relations, .init = make_dir, .fini = remove_dir)
{
    write_doc("a.md", "Town Crier", "2025-03-03",
              "Support for the levy climbed 5% to 71% from 66%, the survey found.\n\n"
              "The shelter count dropped 15% to 340 from 410.\n\n"
              "Ridership doubled to 52 from 31 on the new route.\n\n"
              "The reserve grew by $2.4 billion to $18.9 billion from $15.9 billion.\n\n"
              "Of the 40 people arrested, 52 were minors.\n");
    cJSON *j = run_dir();
    /* 66 -> 71 is 5 points (7.6% relative): "%" means points. */
    cr_assert_eq(count(j, "percent_points", "warning", "5%", "71%", NULL), 1);
    /* 410 -> 340 is a drop of 17.1%, not 15%. */
    cr_assert_eq(count(j, "stated_change", "warning", "15%", "340", "410", NULL), 1);
    /* 52 / 31 = 1.68, not 2. */
    cr_assert_eq(count(j, "stated_multiple", "warning", "doubled", "52", "31", NULL), 1);
    /* 15.9 -> 18.9 is 3.0 billion, not 2.4. */
    cr_assert_eq(count(j, "stated_change", "warning", "$2.4 billion", NULL), 1);
    /* 52 of 40: the part is larger than the whole. */
    cr_assert_eq(count(j, "share", "conflict", "52", "40", NULL), 1);
    cJSON_Delete(j);
}

Test(anybeat, consistent_relations_raise_no_warning, .init = make_dir, .fini = remove_dir)
{
    write_doc("a.md", "Town Crier", "2025-03-03",
              "Support for the levy climbed 5 points to 71% from 66%, the survey found.\n\n"
              "The shelter count dropped 17% to 340 from 410.\n\n"
              "Ridership doubled to 62 from 31 on the new route.\n\n"
              "The reserve grew by $3 billion to $18.9 billion from $15.9 billion.\n\n"
              "Of the 40 people arrested, 12 were minors.\n\n"
              "The pantry served 8,400 meals over 14 days, or about 600 a day.\n\n"
              "Its $9 million grant is 50% of the $18 million budget.\n");
    cJSON *j = run_dir();
    cr_assert_eq(flags(j), 0);
    cr_assert_eq(count(j, "rate_total", "info", "8,400", "600", NULL), 1);
    cJSON_Delete(j);
}

Test(anybeat, wrong_totals_rates_and_shares_in_one_text, .init = make_dir, .fini = remove_dir)
{
    write_doc("a.md", "Town Crier", "2025-03-03",
              "The pantry served 8,400 meals over 14 days, about 900 a day.\n\n"
              "The hotline took 1,460 calls last year, or about 9 a day.\n\n"
              "The parks get $9 million, 30% of the city's $18 million budget.\n\n"
              "Of the 500 voters polled, 48% backed the plan, 45% opposed it and 12% were "
              "undecided.\n");
    cJSON *j = run_dir();
    /* 8,400 / 14 = 600 a day; 1,460 / 365 = 4 a day. */
    cr_assert_eq(count(j, "rate_total", "warning", "8,400", "900", NULL), 1);
    cr_assert_eq(count(j, "rate_total", "warning", "1,460", "9", NULL), 1);
    /* 9 / 18 = 50%, not 30%. */
    cr_assert_eq(count(j, "share", "warning", "30%", "$9 million", NULL), 1);
    /* 48 + 45 + 12 = 105 > 100 + 1.5. */
    cr_assert_eq(count(j, "share_sum", "warning", "48%", "45%", "12%", NULL), 1);
    cJSON_Delete(j);
}

Test(anybeat, a_stated_margin_of_error_against_the_sample, .init = make_dir, .fini = remove_dir)
{
    /* 1.96 * sqrt(0.25 / 250) = 6.2 points: a margin of 2 is too small. */
    write_doc("a.md", "Town Crier", "2025-03-03",
              "The institute surveyed 250 hourly workers. The survey has a margin of error of plus "
              "or minus 2 percentage points.");
    cJSON *j = run_dir();
    cr_assert_eq(count(j, "poll_margin", "warning", "2 percentage points", "250", NULL), 1);
    cJSON_Delete(j);
}

Test(anybeat, days_since_a_date_in_the_text, .init = make_dir, .fini = remove_dir)
{
    /* Jan. 6, 2025 to May 20, 2025 is 134 days, not 100. */
    write_doc("a.md", "Town Crier", "2025-05-20",
              "It has been 100 days since the clinic opened on Jan. 6, 2025.");
    cJSON *j = run_dir();
    cr_assert_eq(count(j, "elapsed", "warning", "100 days", NULL), 1);
    cJSON_Delete(j);
}
