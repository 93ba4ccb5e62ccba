/* test_reliability_rules.c - rule files and embedding that once hung, blew up
 * or passed what they should refuse (the reliability round).
 *
 * Every former hang or blow-up runs in a child process under RLIMIT_CPU (and,
 * outside the sanitizer build, RLIMIT_AS): past the limit the child dies of a
 * signal and the test fails; the tests assert what came out, never a time.
 * The big inputs are made here: a pattern that backtracks over a 256 KB
 * document, a chain of 5,000 aliases, 40,000 stop words, one key of 20,000
 * members under a 100 KB path. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "factcheck/factcheck.h"
#include "helpers.h"
#include "pattern.h"
#include "rules_internal.h"
#include "stats.h"
#include "util.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* Limits of every child: CPU seconds (the old code took 16 s to 413 s on these
 * inputs in a Release build; the new one at most about 2 s under ASan) and
 * address space (the old code took 1.96 GB). */
#define CPU_SECONDS 8
#define AS_MIB 512

typedef struct result {
    int code; /* exit status */
    char *out, *err;
} result;

static void limit_child(void)
{
    struct rlimit cpu = {CPU_SECONDS, CPU_SECONDS};
    setrlimit(RLIMIT_CPU, &cpu);
    if (!UNDER_ASAN) {
        struct rlimit as = {(rlim_t)AS_MIB << 20, (rlim_t)AS_MIB << 20};
        setrlimit(RLIMIT_AS, &as);
    }
}

/* Waits for pid; fails the test unless it exited normally. */
static int wait_exit(pid_t pid)
{
    int status = 0;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status), "child killed by signal %d (over its limits, or aborted)",
              WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    return WEXITSTATUS(status);
}

/* Runs FC_BINARY with args (NULL-terminated) in cwd (NULL: the test's), limited. */
static result run_in(const char *cwd, const char *const *args)
{
    char outpath[] = "/tmp/fc-relrules-out-XXXXXX", errpath[] = "/tmp/fc-relrules-err-XXXXXX";
    int fo = mkstemp(outpath), fe = mkstemp(errpath);
    cr_assert(fo >= 0 && fe >= 0);
    const char *argv[16] = {FC_BINARY};
    size_t n = 1;
    for (; args[n - 1]; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        int in = open("/dev/null", O_RDONLY);
        if (in < 0 || dup2(in, 0) < 0 || dup2(fo, 1) < 0 || dup2(fe, 2) < 0)
            _exit(126);
        if (cwd && chdir(cwd) != 0)
            _exit(126);
        limit_child();
        execv(FC_BINARY, (char *const *)argv);
        _exit(127);
    }
    result r = {wait_exit(pid), NULL, NULL};
    close(fo);
    close(fe);
    r.out = test_slurp(outpath);
    r.err = test_slurp(errpath);
    unlink(outpath);
    unlink(errpath);
    cr_assert(r.out && r.err);
    return r;
}

static result run(const char *const *args)
{
    return run_in(NULL, args);
}

static void result_free(result *r)
{
    free(r->out);
    free(r->err);
}

/* A scratch folder for the test's files. */
static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/fc-relrules-XXXXXX");
    cr_assert(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(reliability_rules, .init = make_dir, .fini = remove_dir);

/* Writes len bytes to dir/name; returns the path (static storage, 4 slots). */
static const char *put(const char *name, const char *data, size_t len)
{
    static char paths[4][256];
    static int next;
    char *path = paths[next++ % 4];
    snprintf(path, 256, "%s/%s", dir, name);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    mkdir(path, 0755); /* a subfolder, when name has one */
    *slash = '/';
    FILE *f = fopen(path, "wb");
    cr_assert(f, "cannot write %s", path);
    cr_assert_eq(fwrite(data, 1, len, f), len);
    cr_assert_eq(fclose(f), 0);
    return path;
}

static const char *put_str(const char *name, const char *text)
{
    return put(name, text, strlen(text));
}

static const char *put_sb(const char *name, fc_strbuf *sb)
{
    cr_assert(!sb->failed);
    const char *path = put(name, sb->data, sb->len);
    fc_sb_free(sb);
    return path;
}

/* The error line of `factcheck rules check` on path: stderr with the path cut. */
static void assert_check_error(const char *path, const char *expected)
{
    result r = run((const char *const[]){"rules", "check", path, NULL});
    cr_assert_eq(r.code, 2, "exit %d; stdout: %s; stderr: %s", r.code, r.out, r.err);
    size_t n = strlen(path);
    cr_assert(strncmp(r.err, path, n) == 0, "stderr: %s", r.err);
    cr_assert_str_eq(r.err + n, expected);
    result_free(&r);
}

static void assert_check_ok(const char *path)
{
    result r = run((const char *const[]){"rules", "check", path, NULL});
    char expected[300];
    snprintf(expected, sizeof expected, "%s: ok\n", path);
    cr_assert_eq(r.code, 0, "exit %d; stderr: %s", r.code, r.err);
    cr_assert_str_eq(r.out, expected);
    result_free(&r);
}

/* ---- work bounded per document and per rule file -------------------- */

/* "(?<value>\d)(?:.*z|)" matches at every digit, after backtracking over the
 * rest of the line: per 64 KB block with a per-call limit it took 97 s on a
 * 256 KB document. Now the document's step budget runs out, the pattern stops,
 * and the grammar still reads the document. */
Test(reliability_rules, a_backtracking_pattern_on_a_192_kb_line_is_bounded)
{
    const char *rules =
        put_str("slow.json", "{\"patterns\": [{\"id\": \"slow\", \"regex\": \"(?<value>\\\\d)(?:.*z|)\"}]}");
    fc_strbuf doc = {0};
    for (int i = 0; i < 65536; i++)
        fc_sb_add(&doc, "1, ", 3); /* 192 KB on one line (digits in a row with only
                                      spaces between would be read as one code) */
    fc_sb_add(&doc, "\n", 1);
    const char *path = put_sb("long.txt", &doc);
    result r = run((const char *const[]){"--rules", rules, path, NULL});
    cr_assert_eq(r.code, 0, "exit %d; stderr: %s", r.code, r.err);
    cr_assert(strstr(r.out, "Summary: 1 input (1 ok, 0 failed), 65536 claims"), "%s",
              strstr(r.out, "Summary") ? strstr(r.out, "Summary") : r.out);
    result_free(&r);
}

/* The budget itself, on the matcher: a bad pattern spends it and stops (the
 * matches end early and fc_regex_spent says so); a good one over a document
 * ten times as long finds every match. In a child with a CPU limit. */
Test(reliability_rules, the_pattern_budget_stops_a_bad_pattern_not_a_good_one)
{
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        limit_child();
        char msg[256];
        size_t off;
        fc_regex *bad = fc_regex_compile("(?<value>\\d)(?:.*z|)", NULL, 0, msg, sizeof msg, &off);
        fc_regex *good = fc_regex_compile("(?<value>\\d+) cases", NULL, 0, msg, sizeof msg, &off);
        size_t len = 256 * 1024, big = 10 * len;
        char *text = malloc(big + 1);
        if (!bad || !good || !text)
            _exit(3);
        memset(text, '1', len);
        text[len] = '\0';
        size_t found = 0, block = 65530; /* as the extractor reads: by blocks */
        fc_regex_match m;
        for (size_t from = 0; from < len; from += block)
            for (size_t pos = from, to = from + block < len ? from + block : len;
                 pos < to && fc_regex_next(bad, text, pos, to, &m); pos = m.end)
                found++;
        if (!fc_regex_spent(text) || found == 0 || found >= len)
            _exit(4); /* not stopped, or stopped before starting */
        for (size_t i = 0; i < big; i += 10)
            memcpy(text + i, "12 cases. ", 10);
        text[big] = '\0';
        found = 0;
        for (size_t from = 0; from < big; from += block)
            for (size_t pos = from, to = from + block < big ? from + block : big;
                 pos < to && fc_regex_next(good, text, pos, to, &m); pos = m.end)
                found++;
        if (fc_regex_spent(text) || found != big / 10)
            _exit(5);
        fc_regex_free(bad);
        fc_regex_free(good);
        free(text);
        _exit(0);
    }
    cr_assert_eq(wait_exit(pid), 0);
}

/* A chain of 5,000 aliases (88 KB) took 413 s: every alias walked its chain,
 * looking each step up by a scan. */
Test(reliability_rules, a_chain_of_5000_aliases_is_checked_at_once)
{
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "{\"aliases\": {");
    for (int i = 0; i < 5000; i++)
        fc_sb_printf(&sb, "%s\"a%d\": \"a%d\"", i ? ", " : "", i, i + 1);
    fc_sb_puts(&sb, "}}\n");
    assert_check_ok(put_sb("chain.json", &sb));

    /* Closed into a cycle: the error names the first alias and the cycle. */
    fc_sb_puts(&sb, "{\"aliases\": {");
    for (int i = 0; i < 5000; i++)
        fc_sb_printf(&sb, "%s\"a%d\": \"a%d\"", i ? ", " : "", i, (i + 1) % 5000);
    fc_sb_puts(&sb, "}}\n");
    const char *path = put_sb("cycle.json", &sb);
    result r = run((const char *const[]){"rules", "check", path, NULL});
    cr_assert_eq(r.code, 2);
    cr_assert(strstr(r.err, "cycle.json:1:14: alias cycle: \"a0\" -> \"a1\" -> \"a2\" -> "), "%s",
              r.err);
    cr_assert(strstr(r.err, " -> ... -> \"a0\"\n"), "%s", r.err);
    result_free(&r);
}

/* 40,000 stop words took 16 s: each was compared with every one before it, in
 * the check and again in the merge. A repeat is still found, at the repeat. */
Test(reliability_rules, forty_thousand_stop_words_are_merged_at_once)
{
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "{\"stop_words\": [");
    for (int i = 0; i < 40000; i++)
        fc_sb_printf(&sb, "%s\"s%d\"", i ? ", " : "", i);
    fc_sb_puts(&sb, "]}\n");
    assert_check_ok(put_sb("stop.json", &sb));

    fc_sb_puts(&sb, "{\"stop_words\": [");
    for (int i = 0; i < 40000; i++)
        fc_sb_printf(&sb, "\"s%d\",\n", i);
    fc_sb_puts(&sb, "\"s17\"]}\n");
    assert_check_error(put_sb("stop-dup.json", &sb),
                       ":40001:1: $.stop_words[40000]: duplicate \"s17\" (also at "
                       "$.stop_words[17])\n");
}

/* One key of 20,000 members under a 100 KB key took 1.96 GB: the positions
 * copied the parent's path into every member. Under RLIMIT_AS (512 MiB) the old
 * code ran out of memory; now the file is read and refused for what it is. */
Test(reliability_rules, a_key_of_20000_members_under_a_long_path_is_small)
{
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "{\"");
    for (int i = 0; i < 100000; i++)
        fc_sb_add(&sb, "k", 1);
    fc_sb_puts(&sb, "\": {");
    for (int i = 0; i < 20000; i++)
        fc_sb_printf(&sb, "%s\"m%d\": 1", i ? ", " : "", i);
    fc_sb_puts(&sb, "}}\n");
    const char *path = put_sb("wide.json", &sb);
    result r = run((const char *const[]){"rules", "check", path, NULL});
    cr_assert_eq(r.code, 2);
    char expected[300];
    /* (No line and column: the path is too long for the lookup's buffers.) */
    snprintf(expected, sizeof expected, "%s: unknown field \"kkkk", path);
    cr_assert(strncmp(r.err, expected, strlen(expected)) == 0, "%.300s", r.err);
    result_free(&r);

    /* The same width inside a known section: every member checked, and the
     * positions of errors still right (the last member is the bad one). */
    fc_sb_puts(&sb, "{\"number_words\": {");
    for (int i = 0; i < 20000; i++)
        fc_sb_printf(&sb, "\"w%dx\": %d,\n", i, i + 1);
    fc_sb_puts(&sb, "\"last\": -1}}\n");
    assert_check_error(put_sb("wide-ok.json", &sb),
                       ":20001:9: $.number_words.last: expected a number, 0 or more\n");
}

/* ---- what `rules check` used to pass -------------------------------- */

Test(reliability_rules, text_after_the_object_is_an_error)
{
    assert_check_error(put_str("trail.json", "{\"stop_words\": [\"zz\"]}\n  garbage\n"),
                       ":2:3: text after the JSON value\n");
    assert_check_error(put_str("trail2.json", "{} {}"), ":1:4: text after the JSON value\n");
    assert_check_ok(put_str("space.json", "{\"stop_words\": [\"zz\"]}\n \t\r\n"));
}

Test(reliability_rules, a_nul_byte_is_an_error)
{
    const char *path = put("nul.json", "{}\0{\"x\": 1}", 11);
    result r = run((const char *const[]){"rules", "check", path, NULL});
    cr_assert_eq(r.code, 2);
    cr_assert(strstr(r.err, "nul.json: binary file (NUL byte at offset 2)"), "%s", r.err);
    result_free(&r);
}

Test(reliability_rules, a_repeated_key_is_an_error_at_the_repeat)
{
    assert_check_error(put_str("dup.json", "{\"hedges\": [{\"phrase\": \"zz\", \"kind\": \"exact\"}],\n"
                                           " \"checks\": {\"polls\": {\"enabled\": true,\n"
                                           "   \"enabled\": false}}}\n"),
                       ":3:4: duplicate key \"enabled\" (also at line 2, column 23)\n");
    assert_check_error(put_str("dup-top.json", "{\"stop_words\": [\"a\"],\n\"stop_words\": [\"b\"]}"),
                       ":2:1: duplicate key \"stop_words\" (also at line 1, column 2)\n");
    /* The same key in two objects is no repeat. */
    assert_check_ok(put_str("two.json", "{\"hedges\": [{\"phrase\": \"zz\", \"kind\": \"exact\"},\n"
                                        "  {\"phrase\": \"zy\", \"kind\": \"exact\"}]}"));
}

Test(reliability_rules, remove_names_entries_that_exist)
{
    assert_check_error(put_str("rm-num.json", "{\"remove\": {\"hedges\": [\"over\", 7]}}"),
                       ":1:32: $.remove.hedges[1]: expected an id (a non-empty string)\n");
    assert_check_error(put_str("rm-typo.json", "{\"remove\": {\"hedges\": [\"ovr\"]}}"),
                       ":1:24: $.remove.hedges[0]: no entry \"ovr\" in the rules below\n");
    assert_check_error(put_str("rm-sec.json", "{\"remove\": {\"hedgez\": [\"over\"]}}"),
                       ":1:23: $.remove.hedgez: expected a section name with an array of ids\n");
    assert_check_ok(put_str("rm-ok.json", "{\"remove\": {\"hedges\": [\"over\"], \"stop_words\": "
                                          "[\"may\"], \"number_words\": [\"one\"]}}"));

    /* And the entries are gone from the rules in force. */
    fc_rules_builder *b = fc_rules_builder_new();
    fc_diag diag = {0};
    fc_rules *r = NULL;
    cr_assert_eq(fc_rules_builder_add(b, fc_rules_default_path(), &diag), FC_OK, "%s",
                 diag.message);
    cr_assert_eq(fc_rules_builder_add(b, put_str("rm.json", "{\"remove\": {\"hedges\": [\"over\"]}}"),
                                      &diag),
                 FC_OK, "%s", diag.message);
    cr_assert_eq(fc_rules_builder_build(b, &r, &diag), FC_OK);
    fc_rules_builder_free(b);
    cr_assert(r->hedges.n > 0);
    for (size_t i = 0; i < r->hedges.n; i++)
        cr_assert_str_neq(r->hedges.items[i].phrase.text, "over");
    fc_rules_free(r);
}

static const char events_csv[] =
    "key,date,phrases,publisher,title,published,url\n"
    "launch,2025-01-20,the launch,Test,,,https://example.org/\n";

/* A relative name is the file next to the rule file, whatever the working
 * directory; one only in the working directory is not found. */
Test(reliability_rules, relative_data_files_are_next_to_the_rule_file)
{
    put_str("desk/events.csv", events_csv);
    const char *rules = put_str("desk/beat.json", "{\"events\": [\"events.csv\"]}");
    result r = run_in("/", (const char *const[]){"rules", "check", rules, NULL});
    cr_assert_eq(r.code, 0, "%s", r.err);
    result_free(&r);

    put_str("cwd/events2.csv", events_csv);
    char cwd[128];
    snprintf(cwd, sizeof cwd, "%s/cwd", dir);
    rules = put_str("desk/beat2.json", "{\"events\": [\"events2.csv\"]}");
    r = run_in(cwd, (const char *const[]){"rules", "check", rules, NULL});
    cr_assert_eq(r.code, 2);
    char expected[600];
    snprintf(expected, sizeof expected,
             "%s:1:13: $.events[0]: no file \"events2.csv\" next to the rule file (in %s/desk/) "
             "or in %s/datasets/\n",
             rules, dir, fc_datadir());
    cr_assert(strncmp(r.err, expected, strlen(expected)) == 0, "%s\nexpected %s", r.err, expected);
    result_free(&r);
}

/* An events file that cannot be read (here a folder of that name next to the
 * rule file) is an error naming it, not a file silently looked for elsewhere. */
Test(reliability_rules, an_unreadable_events_file_is_an_error)
{
    char sub[128];
    snprintf(sub, sizeof sub, "%s/desk/events.csv", dir);
    put_str("desk/x", "");
    cr_assert_eq(mkdir(sub, 0755), 0);
    const char *rules = put_str("desk/beat.json", "{\"events\": [\"events.csv\"]}");
    result r = run((const char *const[]){"rules", "check", rules, NULL});
    cr_assert_eq(r.code, 2);
    char expected[600];
    snprintf(expected, sizeof expected, "%s:1:13: $.events[0]: %s: a folder", rules, sub);
    cr_assert(strncmp(r.err, expected, strlen(expected)) == 0, "%s\nexpected %s", r.err, expected);
    result_free(&r);
}

/* ---- GSL never aborts a program using the library ------------------- */

/* GSL's beta quantile fails to converge for 50 successes of 100,000; GSL's
 * default handler would abort. After a rules builder (every way to rules), the
 * library's statistics get a failure back instead. In a child: an abort kills
 * it with SIGABRT and wait_exit fails the test. */
Test(reliability_rules, a_gsl_error_does_not_abort)
{
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        limit_child();
        fc_rules_builder_free(fc_rules_builder_new());
        double lo = 0, hi = 0;
        _exit(fc_stats_clopper_pearson(50, 100000, 0.95, &lo, &hi) ? 3 : 0);
    }
    cr_assert_eq(wait_exit(pid), 0);
}

/* A rule file's error names its whole path, however long (the diagnostic held
 * 511 bytes of it): a folder 700 bytes deep with a malformed rule file. */
Test(reliability_rules, a_long_rule_file_path_is_named_whole)
{
    char path[1024];
    int n = snprintf(path, sizeof path, "%s", dir);
    while (n < 700) {
        n += snprintf(path + n, sizeof path - (size_t)n, "/%s", "a-rather-long-folder-name");
        cr_assert_eq(mkdir(path, 0755), 0, "mkdir %s", path);
    }
    char file[1100];
    snprintf(file, sizeof file, "%s/factcheck.rules.json", path);
    FILE *f = fopen(file, "w");
    cr_assert_not_null(f);
    fputs("{\"hedges\": [}\n", f);
    fclose(f);
    result r = run((const char *const[]){"rules", "check", file, NULL});
    cr_assert_eq(r.code, 2, "exit %d; stderr: %s", r.code, r.err);
    cr_assert(strncmp(r.err, file, strlen(file)) == 0, "the path is cut: %s", r.err);
    cr_assert(strstr(r.err, "factcheck.rules.json:1:"), "no line and column: %s", r.err);
    result_free(&r);
}

/* JSON nested past the reader's limit (1,000 levels) is said to be so, not
 * "malformed"; a malformed file not so deep is still malformed. */
Test(reliability_rules, json_nested_too_deep_is_named)
{
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "{\"hedges\":");
    for (int i = 0; i < 1200; i++)
        fc_sb_puts(&sb, "[");
    for (int i = 0; i < 1200; i++)
        fc_sb_puts(&sb, "]");
    fc_sb_puts(&sb, "}\n");
    const char *deep = put_sb("deep.json", &sb);
    assert_check_error(deep, ":1:1010: nested more than 1000 levels deep (the JSON reader's "
                             "limit)\n");
    const char *bad = put_str("bad.json", "{\"hedges\": [[[1]]], }\n");
    assert_check_error(bad, ":1:21: malformed JSON\n");
}
