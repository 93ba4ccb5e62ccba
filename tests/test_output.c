/* test_output.c - how the program writes its report: --fail-on, --color, -o -,
 * the format names, and the page and table writers' edge cases through the library.
 * The formats' content is read back by independent parsers in report_formats.py
 * and html_browser.py. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

static int run(const char *args, char **out)
{
    char *err;
    int code = test_run(args, out, &err);
    free(err);
    return code;
}

/* claims/ has 4 conflicts and 5 warnings (docs/corpus.md); a single document
 * with one warning and no conflict tells warning from conflict apart. */
Test(output, fail_on_decides_the_exit_status)
{
    char *out;
    cr_assert_eq(run("claims/ -o /dev/null", &out), 1);
    free(out);
    cr_assert_eq(run("--fail-on conflict claims/ -o /dev/null", &out), 1);
    free(out);
    cr_assert_eq(run("--fail-on never claims/ -o /dev/null", &out), 0);
    free(out);
    cr_assert_eq(run("--fail-on warning claims/ -o /dev/null", &out), 1);
    free(out);
    /* 05 alone: "a 3% drop" next to 46% is a percent_points warning (no other
     * outlet to conflict with). */
    const char *doc = "claims/05-100-days-wrong-targets.md";
    char args[200];
    snprintf(args, sizeof args, "-f json %s", doc);
    cr_assert_eq(run(args, &out), 0);
    cr_assert_not_null(strstr(out, "\"conflicts\":0"), "%s", strstr(out, "\"summary\""));
    cr_assert_null(strstr(out, "\"warnings\":0"));
    free(out);
    snprintf(args, sizeof args, "--fail-on warning %s -o /dev/null", doc);
    cr_assert_eq(run(args, &out), 1);
    free(out);
    /* an unreadable input is trouble whatever --fail-on says */
    cr_assert_eq(run("--fail-on never claims/ /nonexistent.md -o /dev/null", &out), 2);
    free(out);
}

Test(output, fail_on_is_refused_with_a_message)
{
    char *out, *err;
    cr_assert_eq(test_run("--fail-on sometimes claims/", &out, &err), 2);
    cr_assert_str_eq(out, "");
    cr_assert_not_null(
        strstr(err, "--fail-on: unknown value 'sometimes' (conflict, warning or never)"), "%s",
        err);
    free(out);
    free(err);
}

/* Colour: escape sequences only when asked, or on a terminal without NO_COLOR.
 * test_run's stdout is a pipe, so "auto" means none here. */
Test(output, color_only_when_asked_or_on_a_terminal)
{
    char *out;
    cr_assert_eq(run("claims/", &out), 1);
    cr_assert_null(strchr(out, '\033'), "auto colour on a pipe");
    free(out);
    cr_assert_eq(run("--color=always claims/", &out), 1);
    cr_assert_not_null(strstr(out, "\033[1;31mCONFLICT\033[0m"));
    cr_assert_not_null(strstr(out, "\033[33mWARNING\033[0m"));
    free(out);
    cr_assert_eq(run("--color claims/", &out), 1);
    cr_assert_not_null(strstr(out, "\033[1;31mCONFLICT"));
    free(out);
    cr_assert_eq(run("--color=never claims/", &out), 1);
    cr_assert_null(strchr(out, '\033'));
    free(out);
    /* NO_COLOR turns off the automatic choice, not an explicit request */
    setenv("NO_COLOR", "1", 1);
    cr_assert_eq(run("--color=always claims/", &out), 1);
    cr_assert_not_null(strchr(out, '\033'));
    free(out);
    unsetenv("NO_COLOR");
    /* the other formats never carry colour */
    cr_assert_eq(run("--color=always -f json claims/", &out), 1);
    cr_assert_null(strchr(out, '\033'));
    free(out);
    cr_assert_eq(run("--color=sometimes claims/", &out), 2);
    free(out);
}

/* Runs a shell command, capturing its standard output; returns its exit status. */
static int shell(const char *cmd, char **out)
{
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    size_t len = 0;
    FILE *mem = open_memstream(out, &len);
    int ch;
    while ((ch = fgetc(p)) != EOF)
        fputc(ch, mem);
    fclose(mem);
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* On a terminal: script(1) (util-linux, in every Debian) gives the program a
 * pseudo-terminal as its standard output. */
Test(output, auto_colour_on_a_terminal_and_no_color_turns_it_off)
{
    char *out;
    cr_assert_eq(shell("TERM=xterm script -qec \"'" FC_BINARY "' claims/\" /dev/null", &out), 1);
    cr_assert_not_null(strstr(out, "\033[1;31mCONFLICT"), "%.200s", out);
    free(out);
    cr_assert_eq(
        shell("TERM=xterm NO_COLOR=1 script -qec \"'" FC_BINARY "' claims/\" /dev/null", &out), 1);
    cr_assert_null(strchr(out, '\033'));
    cr_assert_not_null(strstr(out, "CONFLICT"));
    free(out);
    cr_assert_eq(shell("TERM=dumb script -qec \"'" FC_BINARY "' claims/\" /dev/null", &out), 1);
    cr_assert_null(strchr(out, '\033'));
    free(out);
}

Test(output, dash_means_standard_output)
{
    char *a, *b;
    cr_assert_eq(run("-o - -f jsonl claims/", &a), 1);
    cr_assert_eq(run("-f jsonl claims/", &b), 1);
    cr_assert_str_eq(a, b);
    cr_assert_gt(strlen(a), 1000);
    free(a);
    free(b);
    /* standard input to standard output, in every format */
    static const char *const formats[] = {"text", "json", "jsonl", "csv", "claimreview", "html"};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        char args[200];
        snprintf(args, sizeof args, "-f %s -o - - < claims/08-battery-plant-raid-georgia.md",
                 formats[i]);
        cr_assert_eq(run(args, &a), 0, "%s", formats[i]);
        cr_assert_gt(strlen(a), 0, "%s", formats[i]);
        free(a);
    }
}

Test(output, format_names_are_listed_and_claimreview_needs_the_checks)
{
    char *out, *err;
    cr_assert_eq(test_run("--format yaml claims/", &out, &err), 2);
    cr_assert_not_null(
        strstr(err, "unknown format 'yaml' (text, json, jsonl, csv, claimreview, html, sqlite)"), "%s",
        err);
    free(out);
    free(err);
    fc_format f;
    static const char *const names[] = {"text", "json", "jsonl", "csv", "claimreview", "html"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        cr_assert_eq(fc_format_parse(names[i], &f), FC_OK, "%s", names[i]);
        cr_assert_eq((size_t)f, i);
        cr_assert_not_null(strstr(fc_format_names(), names[i]));
    }
    cr_assert_eq(fc_format_parse("HTML", &f), FC_EINVAL);
    cr_assert_eq(test_run("extract -f claimreview claims/", &out, &err), 2);
    cr_assert_not_null(strstr(err, "claimreview"));
    free(out);
    free(err);
}

/* The writers on an edge the corpus does not have: an input that could not be
 * read, and no claims at all. */
Test(output, every_format_reports_an_unreadable_input_and_an_empty_run)
{
    static const char *const names[] = {"text", "json", "jsonl", "csv", "claimreview", "html"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        fc_corpus *corpus = fc_corpus_new();
        cr_assert_eq(fc_corpus_add_path(corpus, "/nonexistent/x.md"), FC_OK);
        cr_assert_eq(fc_corpus_extract(corpus, test_rules()), FC_OK);
        cr_assert_eq(fc_corpus_check(corpus, test_rules()), FC_OK);
        fc_report_options opt = {FC_FORMAT_TEXT, FC_REPORT_FULL, false, false, true, NULL};
        cr_assert_eq(fc_format_parse(names[i], &opt.format), FC_OK);
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        cr_assert_eq(fc_report_write(mem, corpus, &opt), FC_OK, "%s", names[i]);
        fclose(mem);
        if (opt.format == FC_FORMAT_CLAIMREVIEW)
            cr_assert_str_eq(buf, "[]\n"); /* no finding, no review */
        else
            cr_assert_not_null(strstr(buf, "/nonexistent/x.md"), "%s: %s", names[i], buf);
        free(buf);
        fc_corpus_free(corpus);
    }
}

/* Rule files from standard input too; '-' can be given once only. */
Test(output, rules_from_standard_input)
{
    char *out, *err;
    cr_assert_eq(test_run("rules check - < claims/factcheck.rules.json", &out, &err), 0);
    cr_assert_str_eq(out, "-: ok\n");
    free(out);
    free(err);
    cr_assert_eq(test_run("-f json --rules - claims/ < claims/factcheck.rules.json", &out, &err),
                 1);
    cr_assert_not_null(strstr(out, "\"conflicts\":4"));
    free(out);
    free(err);
    cr_assert_eq(test_run("rules check - < tests/data/rules/bad-type.json", &out, &err), 2);
    cr_assert_eq(strncmp(err, "-:", 2), 0, "%s", err);
    free(out);
    free(err);
    cr_assert_eq(test_run("--rules - - < claims/factcheck.rules.json", &out, &err), 2);
    cr_assert_not_null(strstr(err, "'-' (standard input) given more than once"), "%s", err);
    free(out);
    free(err);
}

/* Whatever a file's name or front matter holds, the JSON stays valid: a byte
 * that is not UTF-8 becomes U+FFFD, a control character is escaped. */
Test(output, json_is_valid_whatever_the_bytes)
{
    char dir[] = "/tmp/fc-json-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/bad\xff name.md", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("---\ntitle: a \x01 \"quoted\" \\ title\xc3\n---\nAbout 250 workers were detained.\n", f);
    fclose(f);
    char args[300], *out, *err;
    snprintf(args, sizeof args, "-f json '%s'", dir);
    cr_assert_eq(test_run(args, &out, &err), 0, "%s", err);
    cJSON *report = cJSON_Parse(out);
    cr_assert_not_null(report, "%s", out);
    cJSON *in = cJSON_GetArrayItem(cJSON_GetObjectItem(report, "inputs"), 0);
    const char *p = cJSON_GetStringValue(cJSON_GetObjectItem(in, "path"));
    cr_assert_not_null(strstr(p, "/bad\xEF\xBF\xBD name.md"), "%s", p);
    cr_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(in, "title")),
                     "a \x01 \"quoted\" \\ title\xEF\xBF\xBD");
    cr_assert_not_null(strstr(out, "a \\u0001 \\\"quoted\\\" \\\\ title\\ufffd"), "%s", out);
    cJSON *claim = cJSON_GetArrayItem(cJSON_GetObjectItem(report, "claims"), 0);
    cr_assert_str_eq(cJSON_GetStringValue(cJSON_GetObjectItem(claim, "text")), "About 250");
    cr_assert_eq(cJSON_GetNumberValue(cJSON_GetObjectItem(claim, "high")), 275);
    cJSON_Delete(report);
    free(out);
    free(err);
    unlink(path);
    rmdir(dir);
}

/* The text report opens with the findings, grouped by story and measure under a
 * label a person reads; the claims are listed only with --list-claims. */
Test(output, text_report_opens_with_findings_by_story_and_measure)
{
    char *out = NULL, *err = NULL;
    cr_assert_eq(test_run("claims/", &out, &err), 1, "%s", err);
    const char *findings = strstr(out, "\nFindings (45)\n");
    const char *inputs = strstr(out, "\nInputs\n");
    cr_assert(findings && inputs && findings < inputs, "%.400s", out);
    /* the story is named by its first document's title; the measure by its
     * rule description, not the key "korean.unauthorized.us" */
    const char *story = strstr(out, "\nStory: Korean community uneasy as deportation push widens "
                                    "(Harbor City Ledger, claims/01-korean-community-uneasy.md)\n");
    const char *topic = strstr(out, "\n  -- Unauthorized immigrants born in Korea living in the U.S.\n");
    cr_assert(story && topic && story < topic && topic < inputs, "%.600s", out);
    /* no claim listing: a claim's line ("  12:12  \"some 110,000\"") */
    cr_assert_null(strstr(out, "\"some 110,000\""), "claims listed without --list-claims");
    cr_assert_not_null(strstr(inputs, "claims/01-korean-community-uneasy.md  (3 claims)"));
    free(out);
    free(err);
    cr_assert_eq(test_run("--list-claims claims/", &out, &err), 1, "%s", err);
    const char *claim = strstr(out, "\"some 110,000\"");
    cr_assert(claim && claim > strstr(out, "\nInputs and their claims\n"), "%.400s", out);
    free(out);
    free(err);
}

/* A dispute the reference settles: the Harbor City Ledger's "approximately
 * 110,000" (99,000 to 121,000) holds Pew's 110,000 (datasets/, row
 * pew_unauth_korea_2022); the Westside Courier's 129,758 does not. Only the
 * Courier's side is marked as disagreeing. */
Test(output, a_settled_dispute_marks_only_the_side_that_disagrees)
{
    char *out = NULL, *err = NULL;
    cr_assert_eq(test_run("claims/", &out, &err), 1, "%s", err);
    const char *f = strstr(out, "Sources disagree on Unauthorized immigrants born in Korea");
    cr_assert_not_null(f);
    const char *agrees = strstr(f, "\n    agrees with the reference figure: ");
    const char *disagrees = strstr(f, "\n    disagrees: ");
    cr_assert(agrees && disagrees && agrees < disagrees, "%.800s", f);
    cr_assert(strncmp(strchr(agrees + 1, '(') + 1, "Harbor City Ledger)", 19) == 0, "%.200s", agrees);
    cr_assert(strncmp(strchr(disagrees + 1, '(') + 1, "Westside Courier)", 17) == 0, "%.200s",
              disagrees);
    free(out);
    free(err);
}

/* factcheck diff: tests/data/diff/ checked under diff-a.json (no tolerance,
 * shares off) and diff-b.json (5% tolerance, shares on). By hand: 412 against
 * 440 is a gap of 28 with no tolerance, a conflict under A; with 5% each way,
 * [391.4, 432.6] and [418, 462] overlap, so B loses it. B's shares check finds
 * "120 of 412" (29.1%), which A does not run: gained. The agreement summary
 * over the same two claims keeps its fingerprint: in both. */
Test(output, diff_lists_the_findings_gained_and_lost)
{
    char *out = NULL, *err = NULL;
    cr_assert_eq(test_run("diff tests/data/rules/diff-a.json tests/data/rules/diff-b.json "
                          "tests/data/diff/",
                          &out, &err),
                 1, "%s", err);
    const char *gained = strstr(out, "\nGained (1): raised under tests/data/rules/diff-b.json");
    const char *lost = strstr(out, "\nLost (1): raised under tests/data/rules/diff-a.json");
    cr_assert(gained && lost && gained < lost, "%s", out);
    const char *share = strstr(gained, "  info  share  [");
    cr_assert(share && share < lost && strstr(share, "120 of 412 dogs is 29.1%"), "%s", out);
    const char *conflict = strstr(lost, "  CONFLICT  cross_source  [");
    cr_assert(conflict && strstr(conflict, "gap 28"), "%s", out);
    cr_assert_not_null(strstr(out, "1 gained, 1 lost, 1 in both"), "%s", out);
    free(out);
    free(err);

    cr_assert_eq(test_run("diff -f json tests/data/rules/diff-a.json tests/data/rules/diff-b.json "
                          "tests/data/diff/",
                          &out, &err),
                 1, "%s", err);
    cJSON *r = cJSON_Parse(out);
    cr_assert_not_null(r, "%s", out);
    const cJSON *g = cJSON_GetObjectItem(r, "gained"), *l = cJSON_GetObjectItem(r, "lost");
    cr_assert_eq(cJSON_GetArraySize(g), 1);
    cr_assert_eq(cJSON_GetArraySize(l), 1);
    cr_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(g, 0), "check")->valuestring, "share");
    const cJSON *c = cJSON_GetArrayItem(l, 0);
    cr_assert_str_eq(cJSON_GetObjectItem(c, "check")->valuestring, "cross_source");
    cr_assert_str_eq(cJSON_GetObjectItem(c, "severity")->valuestring, "conflict");
    cr_assert_float_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(c, "numbers"), "gap")->valuedouble,
                       28, 1e-9);
    const cJSON *s = cJSON_GetObjectItem(r, "summary");
    cr_assert_eq(cJSON_GetObjectItem(s, "in_both")->valueint, 1);
    cJSON_Delete(r);
    free(out);
    free(err);

    /* one rule set against itself: nothing gained or lost, exit 0 */
    cr_assert_eq(test_run("diff tests/data/rules/diff-a.json tests/data/rules/diff-a.json "
                          "tests/data/diff/",
                          &out, &err),
                 0, "%s", err);
    cr_assert_not_null(strstr(out, "0 gained, 0 lost, 2 in both"), "%s", out);
    free(out);
    free(err);
    /* a bad rule file is an error naming it, before any document is read */
    cr_assert_eq(test_run("diff tests/data/rules/malformed.json tests/data/rules/diff-a.json "
                          "tests/data/diff/",
                          &out, &err),
                 2);
    cr_assert_not_null(strstr(err, "malformed.json"), "%s", err);
    free(out);
    free(err);
}
