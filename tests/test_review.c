/* test_review.c - the desk's review decisions end to end: decide a finding,
 * rerun (the decision shown, the exit status counting only open findings),
 * edit the copy so the finding goes (the decision reported stale), and refuse a
 * bad decisions file with its position. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"

/* Two outlets on the same day on one count of flooded homes: a conflict (a
 * later story's larger figure would be a later count of a running total). */
static const char lakeside[] = "---\noutlet: Lakeside Times\npublished: 2025-04-14\n---\n"
                               "The river crested on Sunday.\n\n"
                               "Crews counted 320 flooded homes in Marlow by Monday, the county "
                               "emergency office said.\n";
static const char herald[] = "---\noutlet: Valley Herald\npublished: 2025-04-14\n---\n"
                             "The county emergency office said 410 homes in Marlow were "
                             "flooded.\n";

static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

static void setup(void)
{
    strcpy(dir, "/tmp/fc-review-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    write_file("lakeside.md", lakeside);
    write_file("herald.md", herald);
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}

/* Runs factcheck with args (printf-style, dir substituted by the caller). */
static int run(char **out, char **err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int run(char **out, char **err, const char *fmt, ...)
{
    char args[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    return test_run(args, out, err);
}

/* The id of the one conflict in a JSON report of dir. */
static char *conflict_id(void)
{
    char *out, *err;
    cr_assert_eq(run(&out, &err, "-f json '%s'", dir), 1, "%s", err);
    cJSON *r = cJSON_Parse(out);
    cr_assert_not_null(r);
    char *id = NULL;
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(r, "findings"))
    {
        if (strcmp(cJSON_GetObjectItem(f, "severity")->valuestring, "conflict") == 0) {
            cr_assert_null(id, "more than one conflict");
            id = strdup(cJSON_GetObjectItem(f, "id")->valuestring);
            cr_expect(cJSON_IsNull(cJSON_GetObjectItem(f, "decision")), "open before review");
        }
    }
    cr_assert_not_null(id, "no conflict: %s", out);
    cJSON_Delete(r);
    free(out);
    free(err);
    return id;
}

TestSuite(review, .init = setup, .fini = teardown);

Test(review, decide_rerun_and_a_stale_decision)
{
    char *id = conflict_id(), *out, *err;
    /* decide */
    int code = run(&out, &err,
                   "review --decisions '%s' %s false_alarm --note 'the Herald counts damaged "
                   "homes too' --by 'Rosa Lind'",
                   dir, id);
    cr_assert_eq(code, 0, "review: %s", err);
    free(out);
    free(err);
    char path[128];
    snprintf(path, sizeof path, "%s/factcheck.decisions.json", dir);
    char *file = test_slurp(path);
    cr_assert_not_null(file, "review did not write %s", path);
    cr_expect_not_null(strstr(file, id));
    cr_expect_not_null(strstr(file, "\"decision\": \"false_alarm\""));
    cr_expect_not_null(strstr(file, "\"by\": \"Rosa Lind\""));
    free(file);

    /* rerun: the decision shown, and the conflict no longer fails the run */
    code = run(&out, &err, "'%s'", dir);
    cr_expect_eq(code, 0, "a decided conflict still fails the run: %s", err);
    cr_expect_not_null(strstr(out, "decision: false_alarm by Rosa Lind, "),
                       "no decision in the report: %s", out);
    cr_expect_not_null(strstr(out, "the Herald counts damaged homes too"));
    cr_expect_not_null(strstr(out, "1 decided"));
    cr_expect_eq(strstr(err, "stale"), NULL, "%s", err);
    free(out);
    free(err);
    /* settled findings hidden: the conflict is gone from the report */
    code = run(&out, &err, "--hide-settled '%s'", dir);
    cr_expect_eq(code, 0);
    cr_expect_null(strstr(out, id), "a settled finding shown with --hide-settled");
    cr_expect_not_null(strstr(out, "settled, not shown"));
    free(out);
    free(err);

    /* edit the copy: both outlets now say 410, the conflict is gone */
    char *edited = strdup(lakeside);
    memcpy(strstr(edited, "320"), "410", 3);
    write_file("lakeside.md", edited);
    free(edited);
    code = run(&out, &err, "-f json '%s'", dir);
    cr_expect_eq(code, 0, "%s", err);
    cJSON *r = cJSON_Parse(out);
    cr_assert_not_null(r);
    const cJSON *stale = cJSON_GetObjectItem(r, "stale_decisions");
    cr_assert_eq(cJSON_GetArraySize(stale), 1, "%s", out);
    const cJSON *s0 = cJSON_GetArrayItem(stale, 0);
    cr_expect_str_eq(cJSON_GetObjectItem(s0, "finding")->valuestring, id);
    cr_expect_str_eq(cJSON_GetObjectItem(s0, "decision")->valuestring, "false_alarm");
    cr_expect_eq(cJSON_GetObjectItem(s0, "line")->valueint, 4);
    cr_expect_eq(
        cJSON_GetObjectItem(cJSON_GetObjectItem(r, "summary"), "stale_decisions")->valueint, 1);
    /* ... and on standard error, with where the decision is */
    char want[200];
    snprintf(want, sizeof want,
             "factcheck.decisions.json:4:5: stale decision: %s (false_alarm by "
             "Rosa Lind)",
             id);
    cr_expect_not_null(strstr(err, want), "stderr: %s", err);
    cJSON_Delete(r);
    free(out);
    free(err);
    /* the other formats report it too */
    static const char *const formats[] = {"text", "jsonl", "csv", "html", "claimreview"};
    for (size_t k = 0; k < 5; k++) {
        code = run(&out, &err, "-f %s '%s'", formats[k], dir);
        cr_expect_eq(code, 0);
        cr_expect_not_null(strstr(out, id), "%s: the stale decision is missing", formats[k]);
        cr_expect_not_null(strstr(out, k == 4   ? "stale review decision"
                                       : k == 2 ? "stale_decision,"
                                       : k == 1 ? "\"type\":\"stale_decision\""
                                                : "no finding with this fingerprint"),
                           "%s: %s", formats[k], out);
        free(out);
        free(err);
    }
    free(id);
}

Test(review, every_format_shows_the_decision)
{
    char *id = conflict_id(), *out, *err;
    cr_assert_eq(run(&out, &err, "review --decisions '%s' %s confirmed --by Ana", dir, id), 0);
    free(out);
    free(err);
    /* (claimreview passes no verdict on a dispute between outlets: see below) */
    static const char *const formats[] = {"jsonl", "csv", "html"};
    static const char *const shown[] = {"\"decision\":{\"decision\":\"confirmed\"",
                                        ",confirmed,Ana,", "<b>confirmed</b> by Ana"};
    for (size_t k = 0; k < 3; k++) {
        cr_expect_eq(run(&out, &err, "-f %s '%s'", formats[k], dir), 0);
        cr_expect_not_null(strstr(out, shown[k]), "%s: %s", formats[k], out);
        free(out);
        free(err);
    }
    /* --fail-on warning still counts the open warnings; the conflict is settled */
    cr_expect_eq(run(&out, &err, "--fail-on never '%s'", dir), 0);
    free(out);
    free(err);
    /* withdrawn: the conflict is open again */
    cr_assert_eq(run(&out, &err, "review --decisions '%s' %s open", dir, id), 0);
    free(out);
    free(err);
    cr_expect_eq(run(&out, &err, "'%s'", dir), 1);
    free(out);
    free(err);
    /* listing */
    cr_assert_eq(
        run(&out, &err, "review --decisions '%s' %s corrected --by Ana --note fixed", dir, id), 0);
    free(out);
    free(err);
    cr_assert_eq(run(&out, &err, "review --decisions '%s'", dir), 0);
    char want[120];
    snprintf(want, sizeof want, "%s  corrected", id);
    cr_expect_not_null(strstr(out, want), "%s", out);
    cr_expect_not_null(strstr(out, "Ana: fixed"));
    free(out);
    free(err);
    free(id);
}

/* A ClaimReview carries a confirmed decision as a Comment; a false alarm gets
 * no review at all. */
Test(review, claimreview_carries_decisions_and_drops_false_alarms)
{
    char sub[96], story[128], *out, *err;
    snprintf(sub, sizeof sub, "%s/bus", dir);
    snprintf(story, sizeof story, "%s/bus.md", sub);
    cr_assert_eq(mkdir(sub, 0700), 0);
    FILE *f = fopen(story, "w");
    cr_assert_not_null(f);
    fputs("---\noutlet: Lakeside Times\npublished: 2025-04-14\n---\nBus ridership fell 10% to "
          "450,000 trips in March from 600,000 in February, the transit agency said.\n",
          f);
    fclose(f);
    cr_assert_eq(run(&out, &err, "-f claimreview '%s'", sub), 0, "%s", err);
    const char *at = strstr(out, "\"identifier\":\t\"");
    cr_assert_not_null(at, "no review: %s", out);
    char id[18];
    memcpy(id, at + 15, 17);
    id[17] = '\0';
    free(out);
    free(err);
    cr_assert_eq(
        run(&out, &err, "review --decisions '%s' %s confirmed --by Ana --note checked", sub, id), 0,
        "%s", err);
    free(out);
    free(err);
    cr_assert_eq(run(&out, &err, "-f claimreview '%s'", sub), 0);
    cr_expect_not_null(strstr(out, "\"comment\":\t{"), "%s", out);
    cr_expect_not_null(strstr(out, "\"name\":\t\"confirmed\""), "%s", out);
    cr_expect_not_null(strstr(out, "\"text\":\t\"checked\""), "%s", out);
    free(out);
    free(err);
    cr_assert_eq(run(&out, &err, "review --decisions '%s' %s false_alarm --by Ana", sub, id), 0);
    free(out);
    free(err);
    cr_assert_eq(run(&out, &err, "-f claimreview '%s'", sub), 0);
    cr_expect_str_eq(out, "[]\n");
    free(out);
    free(err);
}

Test(review, the_time_is_iso_8601_utc)
{
    char *id = conflict_id(), *out, *err;
    cr_assert_eq(run(&out, &err, "review --decisions '%s' %s confirmed --by Ana", dir, id), 0);
    free(out);
    free(err);
    char path[128];
    snprintf(path, sizeof path, "%s/factcheck.decisions.json", dir);
    char *file = test_slurp(path);
    const char *at = strstr(file, "\"at\": \"");
    cr_assert_not_null(at);
    at += 7;
    /* YYYY-MM-DDTHH:MM:SSZ */
    cr_expect(strlen(at) > 20 && at[4] == '-' && at[7] == '-' && at[10] == 'T' && at[13] == ':' &&
                  at[16] == ':' && at[19] == 'Z' && at[20] == '"',
              "%.24s", at);
    free(file);
    free(id);
}

Test(review, review_refuses_what_it_cannot_record)
{
    char *out, *err;
    cr_expect_eq(run(&out, &err, "review --decisions '%s' f123 confirmed --by Ana", dir), 2);
    cr_expect_not_null(strstr(err, "not a finding fingerprint"), "%s", err);
    free(out);
    free(err);
    cr_expect_eq(run(&out, &err, "review --decisions '%s' f0a1b2c3d4e5f6a7b maybe --by Ana", dir),
                 2);
    cr_expect_not_null(strstr(err, "unknown decision 'maybe'"), "%s", err);
    free(out);
    free(err);
    cr_expect_eq(run(&out, &err, "review f0a1b2c3d4e5f6a7b confirmed --by Ana"), 2);
    cr_expect_not_null(strstr(err, "--decisions FILE is required"), "%s", err);
    free(out);
    free(err);
    char path[128];
    snprintf(path, sizeof path, "%s/factcheck.decisions.json", dir);
    cr_expect_neq(access(path, F_OK), 0, "a refused review wrote the file");
}

/* Each bad decisions file: exit 2, "file:line:col: message", nothing else read. */
Test(review, a_bad_decisions_file_is_refused_with_its_position)
{
    static const struct {
        const char *file, *where;
    } cases[] = {
        {"bad-decision.json", "bad-decision.json:3:50: $.decisions[0].decision: unknown decision"},
        {"bad-fingerprint.json", "bad-fingerprint.json:3:17: $.decisions[0].finding: not a"},
        {"bad-time.json", "bad-time.json:4:12: $.decisions[0].at: not a time in ISO 8601 UTC"},
        {"not-a-date.json", "not-a-date.json:3:83: $.decisions[0].at: not a time"},
        {"unknown-field.json", "unknown-field.json:4:36: $.decisions[0].reviewer: unknown field"},
        {"missing-by.json", "missing-by.json:3:5: $.decisions[0]: \"by\" is missing"},
        {"malformed.json", "malformed.json:4:3: malformed JSON"},
        {"twice.json", "twice.json:4:17: $.decisions[1].finding: f0a1b2c3d4e5f6a7b is decided "
                       "twice (also at line 3, column 5)"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char *out, *err;
        int code = run(&out, &err, "--decisions tests/data/decisions/%s '%s'", cases[k].file, dir);
        cr_expect_eq(code, 2, "%s: exit %d", cases[k].file, code);
        cr_expect_not_null(strstr(err, cases[k].where), "%s: %s", cases[k].file, err);
        cr_expect_eq(out[0], '\0', "%s: a report was written", cases[k].file);
        free(out);
        free(err);
    }
    char *out, *err;
    cr_expect_eq(run(&out, &err, "--decisions '%s/none.json' '%s'", dir, dir), 2);
    cr_expect_not_null(strstr(err, "none.json"), "%s", err);
    free(out);
    free(err);
    /* A folder's own decisions file is read, and refused the same way. */
    char *bad = test_slurp("tests/data/decisions/bad-decision.json");
    cr_assert_not_null(bad);
    write_file("factcheck.decisions.json", bad);
    free(bad);
    cr_expect_eq(run(&out, &err, "'%s'", dir), 2);
    cr_expect_not_null(strstr(err, "factcheck.decisions.json:3:50:"), "%s", err);
    free(out);
    free(err);
}

/* The run refuses -o onto the decisions file it reads. */
Test(review, the_report_never_replaces_the_decisions_file)
{
    char *id = conflict_id(), *out, *err;
    cr_assert_eq(run(&out, &err, "review --decisions '%s' %s confirmed --by Ana", dir, id), 0);
    free(out);
    free(err);
    cr_expect_eq(run(&out, &err, "-f json -o '%s/factcheck.decisions.json' '%s'", dir, dir), 2);
    cr_expect_not_null(strstr(err, "it is an input"), "%s", err);
    free(out);
    free(err);
    free(id);
}

/* The library: decisions set, replaced, withdrawn, written and read back. */
Test(review, decisions_round_trip_through_a_file)
{
    fc_decisions *d = fc_decisions_new();
    cr_assert_not_null(d);
    fc_diag diag = {0};
    cr_assert_eq(fc_decisions_set(d, "f9999aaaabbbbcccc", FC_VERDICT_CONFIRMED, NULL, "Ana",
                                  "2024-02-29T23:59:59Z", &diag),
                 FC_OK, "%s", diag.message);
    cr_assert_eq(fc_decisions_set(d, "f0000111122223333", FC_VERDICT_FALSE_ALARM,
                                  "quote \" and \\ and a\nline break", "Rosa Lind",
                                  "2026-01-05T08:00:00Z", &diag),
                 FC_OK);
    cr_assert_eq(fc_decisions_set(d, "f9999aaaabbbbcccc", FC_VERDICT_CORRECTED, "fixed", "Ana",
                                  "2026-01-06T08:00:00Z", &diag),
                 FC_OK);
    cr_assert_eq(fc_decisions_count(d), 2, "a replaced decision was added again");
    cr_expect_str_eq(fc_decisions_at(d, 0)->finding, "f0000111122223333", "not sorted");
    cr_expect_eq(fc_decisions_find(d, "f9999aaaabbbbcccc")->verdict, FC_VERDICT_CORRECTED);
    /* refused: not a fingerprint, nobody, a day that does not exist, local time */
    cr_expect_eq(fc_decisions_set(d, "c9999aaaabbbbcccc", FC_VERDICT_CONFIRMED, NULL, "Ana",
                                  "2026-01-06T08:00:00Z", &diag),
                 FC_EINVAL);
    cr_expect_eq(fc_decisions_set(d, "f9999aaaabbbbcccc", FC_VERDICT_CONFIRMED, NULL, "",
                                  "2026-01-06T08:00:00Z", &diag),
                 FC_EINVAL);
    cr_expect_eq(fc_decisions_set(d, "f9999aaaabbbbcccc", FC_VERDICT_CONFIRMED, NULL, "Ana",
                                  "2025-02-29T08:00:00Z", &diag),
                 FC_EINVAL);
    cr_expect_eq(fc_decisions_set(d, "f9999aaaabbbbcccc", FC_VERDICT_CONFIRMED, NULL, "Ana",
                                  "2026-01-06T08:00:00+01:00", &diag),
                 FC_EINVAL);
    cr_expect_eq(fc_decisions_count(d), 2);

    char path[128];
    snprintf(path, sizeof path, "%s/round.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    cr_assert_eq(fc_decisions_write(d, f), FC_OK);
    fclose(f);
    fc_decisions *back = fc_decisions_new();
    cr_assert_eq(fc_decisions_load(back, path, &diag), FC_OK, "%s", diag.message);
    cr_assert_eq(fc_decisions_count(back), 2);
    const fc_decision *x = fc_decisions_find(back, "f0000111122223333");
    cr_assert_not_null(x);
    cr_expect_eq(x->verdict, FC_VERDICT_FALSE_ALARM);
    cr_expect_str_eq(x->note, "quote \" and \\ and a\nline break");
    cr_expect_str_eq(x->by, "Rosa Lind");
    cr_expect_str_eq(x->at, "2026-01-05T08:00:00Z");
    cr_expect_eq(x->line, 4, "read at line %u", x->line);
    cr_expect(fc_decisions_remove(back, "f0000111122223333"));
    cr_expect_not(fc_decisions_remove(back, "f0000111122223333"));
    cr_expect_eq(fc_decisions_count(back), 1);
    fc_decisions_free(back);
    fc_decisions_free(d);
}

/* The library: a corpus matches decisions to its findings; open findings and
 * stale decisions are counted. */
Test(review, a_corpus_matches_decisions_to_findings)
{
    fc_corpus *c = fc_corpus_new();
    cr_assert_eq(fc_corpus_add_path(c, dir), FC_OK);
    cr_assert_eq(fc_corpus_extract(c, test_rules()), FC_OK);
    cr_assert_eq(fc_corpus_check(c, test_rules()), FC_OK);
    const fc_findings *fs = fc_corpus_findings(c);
    size_t k = fs->n;
    for (size_t i = 0; i < fs->n; i++)
        if (fs->items[i].severity == FC_SEV_CONFLICT)
            k = i;
    cr_assert_lt(k, fs->n, "no conflict");
    cr_expect_eq(fc_corpus_nopen(c, FC_SEV_CONFLICT), 1);
    cr_expect_eq(fc_corpus_nstale(c), 0);

    fc_decisions *d = fc_decisions_new();
    cr_assert_eq(fc_decisions_set(d, fs->items[k].id, FC_VERDICT_CONFIRMED, "seen", "Ana",
                                  "2026-01-06T08:00:00Z", NULL),
                 FC_OK);
    cr_assert_eq(fc_decisions_set(d, "f0123456789abcdef", FC_VERDICT_CORRECTED, NULL, "Ana",
                                  "2026-01-06T08:00:00Z", NULL),
                 FC_OK);
    cr_assert_eq(fc_corpus_set_decisions(c, d), FC_OK);
    cr_expect_eq(fc_corpus_nopen(c, FC_SEV_CONFLICT), 0);
    cr_assert_not_null(fc_corpus_decision(c, k));
    cr_expect_str_eq(fc_corpus_decision(c, k)->note, "seen");
    cr_assert_eq(fc_corpus_nstale(c), 1);
    cr_expect_str_eq(fc_corpus_stale(c, 0)->finding, "f0123456789abcdef");
    cr_expect_null(fc_corpus_stale(c, 1));
    /* hidden from a report when settled */
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    fc_report_options ro = {FC_FORMAT_JSONL, FC_REPORT_FULL, false, true, false, NULL};
    cr_assert_eq(fc_report_write(out, c, &ro), FC_OK);
    fclose(out);
    cr_expect_null(strstr(buf, fs->items[k].id), "a settled finding in the report");
    cr_expect_not_null(strstr(buf, "\"type\":\"stale_decision\""));
    free(buf);
    fc_corpus_free(c);
    fc_decisions_free(d);
}

/* A large decisions file in reverse order is read in n log n: 100,000 decisions
 * (about 8 MB) listed well within a minute, even under the sanitizers (read
 * entry by entry from the front, it took minutes). */
Test(review, a_hundred_thousand_decisions_in_any_order, .timeout = 240)
{
    char path[128];
    snprintf(path, sizeof path, "%s/many.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("{\"decisions\": [\n", f);
    for (unsigned i = 100000; i > 0; i--)
        fprintf(f,
                "%s{\"finding\": \"f%016x\", \"decision\": \"confirmed\", \"by\": \"Ana\", "
                "\"at\": \"2026-01-06T08:00:00Z\"}\n",
                i == 100000 ? "" : ",", i);
    fputs("]}\n", f);
    fclose(f);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char *out, *err;
    cr_assert_eq(run(&out, &err, "review --decisions '%s'", path), 0, "%s", err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    size_t lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    cr_expect_eq(lines, 100000);
    cr_expect(strncmp(out, "f0000000000000001  confirmed", 28) == 0, "not sorted: %.40s", out);
    cr_expect_lt(s, 60.0, "%.1f s to read and list 100,000 decisions", s);
    free(out);
    free(err);
}
