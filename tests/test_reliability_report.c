/* test_reliability_report.c - the reports against hostile and extreme input
 * (the second reliability round): a chart over nearly equal figures of 1e16 that never
 * ended, ClaimReview that a document could break out of, control characters
 * reaching a terminal, the CSV formula guard on rule text, a poll sample of
 * 2^32 that became "0 of 0 is -nan%", and 32-bit ids that collided.
 *
 * Runs go through the real program; the one that used to hang runs in a child
 * under CPU, output-size and (without ASan) memory limits, so a regression is a
 * failed assertion on how the child ended, never a timing. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <ctype.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "claim_internal.h"
#include "helpers.h"
#include "stats.h"

/* ---- fixtures ------------------------------------------------------------------ */

static char *test_dir;

static void remove_test_dir(void)
{
    if (!test_dir)
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_dir);
    cr_expect_eq(system(cmd), 0);
    free(test_dir);
    test_dir = NULL;
}

TestSuite(reliability_report, .fini = remove_test_dir);

static const char *make_tmpdir(void)
{
    test_dir = strdup("/tmp/fc-relrep-XXXXXX");
    cr_assert_not_null(mkdtemp(test_dir));
    return test_dir;
}

/* dir/name into buf (of size n); returns buf. */
static char *path_in(char *buf, size_t n, const char *dir, const char *name)
{
    int k = snprintf(buf, n, "%s/%s", dir, name);
    cr_assert(k > 0 && (size_t)k < n, "path too long");
    return buf;
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[600];
    FILE *f = fopen(path_in(path, sizeof path, dir, name), "wb");
    cr_assert_not_null(f, "cannot create %s", path);
    cr_assert_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    cr_assert_eq(fclose(f), 0);
}

/* Runs factcheck with args (shell-quoted) and asserts its exit code. */
static char *run_ok(const char *args, int want, char **err)
{
    char *out, *e;
    int code = test_run(args, &out, &e);
    cr_assert_not_null(out);
    cr_assert_not_null(e);
    cr_assert_eq(code, want, "factcheck %s: exit %d, expected %d; stderr: %.500s", args, code, want,
                 e);
    if (err)
        *err = e;
    else
        free(e);
    return out;
}

/* Whether s (n bytes) is UTF-8 throughout (RFC 3629: no overlong form, no
 * surrogate, nothing past U+10FFFF). */
static bool valid_utf8(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t len = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
        if (len == 0 || i + len > n)
            return false;
        unsigned cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += len;
    }
    return true;
}

/* Whether s holds "inf", "infinity" or "nan" as a word, in any case. */
static bool has_nonfinite(const char *s)
{
    static const char *const words[] = {"infinity", "inf", "nan"};
    for (const char *p = s; *p; p++) {
        if (p > s && isalnum((unsigned char)p[-1]))
            continue;
        for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
            size_t n = strlen(words[w]);
            if (strncasecmp(p, words[w], n) == 0 && !isalnum((unsigned char)p[n]))
                return true;
        }
    }
    return false;
}

/* ---- chart ticks over nearly equal huge figures ------------------------ */

#define LIMIT_CPU 20               /* seconds: a run takes well under one */
#define LIMIT_OUTPUT (16L << 20)   /* bytes of report: the page is a few KiB */
#define LIMIT_MEMORY (2048L << 20) /* bytes of address space (not under ASan) */

/* Runs factcheck with args (NULL-terminated) in a child with its standard
 * output in out_path, limited in CPU time, size of what it writes and (unless
 * built with ASan, which reserves terabytes of address space) memory; returns
 * the wait status. A run that loops is killed by SIGXCPU, one that writes
 * without end by SIGXFSZ. */
static int run_limited(const char *const *args, const char *out_path)
{
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        struct rlimit cpu = {LIMIT_CPU, LIMIT_CPU}, fsize = {LIMIT_OUTPUT, LIMIT_OUTPUT};
        if (setrlimit(RLIMIT_CPU, &cpu) != 0 || setrlimit(RLIMIT_FSIZE, &fsize) != 0)
            _exit(126);
#ifndef __SANITIZE_ADDRESS__
        struct rlimit as = {LIMIT_MEMORY, LIMIT_MEMORY};
        if (setrlimit(RLIMIT_AS, &as) != 0)
            _exit(126);
#endif
        int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int null = open("/dev/null", O_WRONLY);
        if (out < 0 || null < 0 || dup2(out, 1) < 0 || dup2(null, 2) < 0)
            _exit(126);
        char *argv[16] = {(char *)FC_BINARY};
        for (size_t i = 0; args[i] && i + 2 < sizeof argv / sizeof *argv; i++)
            argv[i + 1] = (char *)args[i];
        execv(FC_BINARY, argv);
        _exit(127);
    }
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    return status;
}

static size_t count_of(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* Two outlets give nearly equal figures (apart by the spacing of doubles there)
 * on one measure: the chart's ticks used to advance by a step below that
 * spacing, so `t += step` never moved and the page grew without end. Now the
 * run ends, exits 0, and the page is small and complete with a handful of
 * ticks. */
Test(reliability_report, html_chart_of_nearly_equal_huge_figures_ends)
{
    static const char *const pairs[][2] = {
        {"10,000,000,000,000,000", "10,000,000,000,000,002"},
        {"123,456,789,012,345,678", "123,456,789,012,345,690"},
        {"9,007,199,254,740,992", "9,007,199,254,740,993"},
    };
    const char *dir = make_tmpdir();
    write_file(dir, "rules.json",
               "{\"factcheck_rules\": 1, \"measures\": [{\"key\": \"big.widgets\", \"subject\": "
               "[\"widgets\"], \"unit\": \"count\"}]}\n");
    char rules[600], a[600], b[600], out[600];
    path_in(rules, sizeof rules, dir, "rules.json");
    path_in(a, sizeof a, dir, "a.md");
    path_in(b, sizeof b, dir, "b.md");
    path_in(out, sizeof out, dir, "report.html");
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        char text[200];
        snprintf(text, sizeof text, "---\noutlet: Wire A\n---\nThe plant made %s widgets.\n",
                 pairs[i][0]);
        write_file(dir, "a.md", text);
        snprintf(text, sizeof text, "---\noutlet: Wire B\n---\nThe plant made %s widgets.\n",
                 pairs[i][1]);
        write_file(dir, "b.md", text);
        const char *args[] = {"--rules", rules, "--fail-on", "never", "-f", "html", a, b, NULL};
        int status = run_limited(args, out);
        cr_assert(WIFEXITED(status), "%s vs %s: factcheck killed by signal %d (%s)", pairs[i][0],
                  pairs[i][1], WIFSIGNALED(status) ? WTERMSIG(status) : 0,
                  WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU   ? "CPU limit: a loop"
                  : WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ ? "output limit"
                                                                       : "other");
        cr_assert_eq(WEXITSTATUS(status), 0, "%s vs %s: exit %d", pairs[i][0], pairs[i][1],
                     WEXITSTATUS(status));
        struct stat st;
        cr_assert_eq(stat(out, &st), 0);
        cr_assert_lt(st.st_size, 1 << 20, "a page of %lld bytes", (long long)st.st_size);
        char *page = test_slurp(out);
        cr_assert_not_null(page);
        cr_assert_not_null(strstr(page, "</html>"), "the page is not complete");
        cr_assert_not_null(strstr(page, "<figure class=\"chart\">"), "no chart drawn");
        size_t ticks = count_of(page, "stroke=\"#e4e4e4\"");
        cr_assert(ticks >= 2 && ticks <= 12, "%zu ticks on the axis", ticks);
        cr_assert(!has_nonfinite(page), "a number that is not finite in the page");
        free(page);
    }
}

/* ---- ClaimReview in a script block, URLs, UTF-8 --------------------------- */

/* A document that tries to close the script block the ClaimReview is pasted
 * into, gives a javascript: URL and has bytes that are not UTF-8; its claim
 * (3,000 arrests a day) conflicts with the reference data of claims/. */
/* Two outlets' own sentences (the same sentence in both would be one claim,
 * syndicated copy, and one review). */
#define HOSTILE(url, tail)                                                                         \
    "---\noutlet: Evil </script><script>alert(1)</script> Ledger\n"                                \
    "title: Arrests </SCRIPT><!-- x & y\npublished: 2025-07-31\nurl: " url "\n"                    \
    "author: Paul \xff\xfe Hendry\n---\n\n"                                                        \
    "ICE agents </script><script>alert(2)</script> are now arresting 3,000 immigrants a day, "     \
    tail "\n"

static const cJSON *item(const cJSON *o, const char *path)
{
    char buf[200];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *k = strtok(buf, "."); o && k; k = strtok(NULL, "."))
        o = cJSON_GetObjectItemCaseSensitive(o, k);
    return o;
}

static void write_hostile(const char *dir)
{
    write_file(dir, "a-hostile.md", HOSTILE("javascript:alert(document.cookie)",
                                             "as the administration pushes to expand deportations."));
    write_file(dir, "b-good-url.md", HOSTILE("https://example.org/2025/07/31/arrests",
                                             "up from a few hundred a day last year."));
}

Test(reliability_report, claimreview_cannot_leave_its_script_block)
{
    const char *dir = make_tmpdir();
    write_hostile(dir);
    char args[700];
    snprintf(args, sizeof args, "--rules claims/factcheck.rules.json -f claimreview %s", dir);
    char *out = run_ok(args, 1, NULL);
    /* nothing a browser's script-data state reacts to, whatever the case */
    cr_assert_null(strchr(out, '<'), "a '<' in the claimreview output");
    cr_assert_null(strchr(out, '>'), "a '>' in the claimreview output");
    cr_assert_null(strchr(out, '&'), "a '&' in the claimreview output");
    char *lower = strdup(out);
    for (char *p = lower; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    cr_assert_null(strstr(lower, "</script"));
    free(lower);
    cr_assert(valid_utf8(out, strlen(out)), "the output is not UTF-8");
    cr_assert_null(strstr(out, "javascript:"), "a javascript: URL was passed on");
    cJSON *reviews = cJSON_Parse(out);
    cr_assert_not_null(reviews, "the output does not parse as JSON: %.300s", out);
    cr_assert_eq(cJSON_GetArraySize(reviews), 2);
    /* a: the review of a-hostile.md, the one without a url; b: the other */
    const cJSON *a = cJSON_GetArrayItem(reviews, 0), *b = cJSON_GetArrayItem(reviews, 1);
    if (item(a, "itemReviewed.appearance.url")) {
        const cJSON *t = a;
        a = b;
        b = t;
    }
    /* The escapes are the same text to a JSON reader: nothing lost. */
    cr_assert_str_eq(item(a, "itemReviewed.appearance.headline")->valuestring,
                     "Arrests </SCRIPT><!-- x & y");
    cr_assert_not_null(strstr(item(a, "claimReviewed")->valuestring,
                              "</script><script>alert(2)</script> are now arresting 3,000"));
    cr_assert_str_eq(item(a, "itemReviewed.author.name")->valuestring,
                     "Paul \xEF\xBF\xBD\xEF\xBF\xBD Hendry");
    /* no url rather than a bad one; a good one is kept */
    cr_assert_null(item(a, "itemReviewed.appearance.url"));
    cr_assert_str_eq(item(b, "itemReviewed.appearance.url")->valuestring,
                     "https://example.org/2025/07/31/arrests");
    cJSON_Delete(reviews);
    free(out);
}

/* The other machine formats: valid UTF-8, JSON that parses, the javascript: URL
 * dropped (null in JSON, an empty cell in CSV). */
Test(reliability_report, machine_formats_are_utf8_and_drop_bad_urls)
{
    const char *dir = make_tmpdir();
    write_hostile(dir);
    static const char *const formats[] = {"json", "jsonl", "csv", "html", "claimreview"};
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        char args[700];
        snprintf(args, sizeof args, "--rules claims/factcheck.rules.json -f %s %s", formats[f],
                 dir);
        char *out = run_ok(args, 1, NULL);
        cr_assert(valid_utf8(out, strlen(out)), "the %s report is not UTF-8", formats[f]);
        cr_assert_null(strstr(out, "javascript:"), "a javascript: URL in the %s report",
                       formats[f]);
        if (strcmp(formats[f], "json") == 0) {
            cJSON *r = cJSON_Parse(out);
            cr_assert_not_null(r);
            const cJSON *inputs = cJSON_GetObjectItem(r, "inputs");
            cr_assert(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(inputs, 0), "url")));
            cr_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(inputs, 1), "url")->valuestring,
                             "https://example.org/2025/07/31/arrests");
            cJSON_Delete(r);
        } else if (strcmp(formats[f], "jsonl") == 0) {
            for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
                cJSON *r = cJSON_Parse(line);
                cr_assert_not_null(r, "a JSON Lines record does not parse: %.200s", line);
                cJSON_Delete(r);
            }
        } else if (strcmp(formats[f], "csv") == 0) {
            /* the input row of a-hostile.md ends in its published date, an empty url,
             * the three empty unit columns of claim rows, the four empty decision
             * columns of finding rows, its count of claims (two: the 2 of "alert(2)" and "3,000"),
             * and the six columns of finding and provenance rows */
            cr_assert_not_null(strstr(out, ",2025-07-31,,,,,,,,,2,,,,,,\r\n"));
            /* b-good-url.md has a third claim: "a few hundred" (a day) */
            cr_assert_not_null(strstr(
                out, ",2025-07-31,https://example.org/2025/07/31/arrests,,,,,,,,3,,,,,,\r\n"));
        }
        free(out);
    }
}

/* ---- nothing a terminal acts on ------------------------------------------- */

static const char terminal_doc[] = "---\noutlet: Evil\x1b]0;pwned\x07 News\n"
                                   "title: Hidden\x1b[8m text\x1b[2J\xc2\x9b"
                                   "31m\x7f end\n---\n\n"
                                   "The plant made 10 widgets, said Ann\x1b[1A Lee.\n";

/* Whether s holds a byte a terminal acts on: C0 but line feed, DEL, a C1
 * control in UTF-8. */
static const char *terminal_control(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && *p != '\n') || *p == 0x7F ||
            (p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0))
            return (const char *)p;
    return NULL;
}

Test(reliability_report, text_report_shows_control_characters_as_escapes)
{
    const char *dir = make_tmpdir();
    write_file(dir, "a.md", terminal_doc);
    char args[700];
    snprintf(args, sizeof args, "--color=never %s/a.md", dir);
    char *out = run_ok(args, 0, NULL);
    const char *bad = terminal_control(out);
    cr_assert_null(bad, "byte 0x%02x reaches the terminal: %.80s", bad ? (unsigned char)*bad : 0,
                   bad ? bad : "");
    cr_assert_not_null(strstr(out, "Evil\\x1b]0;pwned\\x07 News: Hidden\\x1b[8m text\\x1b[2J"
                                   "\\x9b31m\\x7f end\n"),
                       "%s", out);
    free(out);

    /* with colours, the only escape sequences are the report's own */
    snprintf(args, sizeof args, "--color=always %s/a.md", dir);
    out = run_ok(args, 0, NULL);
    static const char *const own[] = {"\x1b[1;31m", "\x1b[33m", "\x1b[36m", "\x1b[1m", "\x1b[0m"};
    size_t seen = 0;
    for (const char *p = strchr(out, '\x1b'); p; p = strchr(p + 1, '\x1b')) {
        bool ours = false;
        for (size_t k = 0; k < sizeof own / sizeof *own; k++)
            ours |= strncmp(p, own[k], strlen(own[k])) == 0;
        cr_assert(ours, "an escape sequence that is not the report's: %.12s", p + 1);
        seen++;
    }
    cr_assert_gt(seen, 0, "--color=always wrote no colour");
    free(out);
}

/* A file name with a line break: every message on standard error is one line
 * of its own, starting "factcheck: ", and none is forged by the name. One file
 * is binary (the message comes from a diagnostic), one does not exist (from the
 * corpus). */
Test(reliability_report, a_line_break_in_a_file_name_forges_no_message)
{
    const char *dir = make_tmpdir();
    char path[600];
    FILE *f = fopen(path_in(path, sizeof path, dir, "bin\nfactcheck: forged one.md"), "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite("\0\1\2", 1, 3, f), 3);
    cr_assert_eq(fclose(f), 0);
    write_file(dir, "ok.md", "Crews fixed 9 bridges.\n");
    char args[1400];
    snprintf(
        args, sizeof args,
        "'%s/bin\nfactcheck: forged one.md' '%s/gone\x1b[2J\nfactcheck: forged two.md' '%s/ok.md'",
        dir, dir, dir);
    char *err, *out = run_ok(args, 2, &err);
    size_t lines = 0;
    for (char *line = strtok(err, "\n"); line; line = strtok(NULL, "\n")) {
        lines++;
        cr_assert(strncmp(line, "factcheck: ", 11) == 0, "a line that is no message: %s", line);
        cr_assert(strncmp(line, "factcheck: forged", 17) != 0, "a forged message: %s", line);
        cr_assert_null(terminal_control(line));
    }
    cr_assert_eq(lines, 2, "%zu lines on standard error for 2 unusable files", lines);
    cr_assert_null(strstr(out, "\nfactcheck: forged"), "a forged line in the report");
    cr_assert_null(terminal_control(out));
    cr_assert_not_null(strstr(out, "bin\\x0afactcheck: forged one.md"));
    free(out);
    free(err);
}

Test(reliability_report, term_safe_and_diagnostics)
{
    char buf[64];
    cr_assert_str_eq(fc_term_safe("a\x1b[31mb\tc\nd\x7f\xc2\x9b\xc2\xa0\xff", buf, sizeof buf),
                     "a\\x1b[31mb\\x09c\\x0ad\\x7f\\x9b\xc2\xa0\\xff");
    /* cut at a whole character: never half an escape or half a UTF-8 sequence */
    cr_assert_str_eq(fc_term_safe("ab\x1b", buf, 6), "ab");
    cr_assert_str_eq(fc_term_safe("ab\xc3\xa9", buf, 4), "ab");
    cr_assert_str_eq(fc_term_safe(NULL, buf, sizeof buf), "");
    fc_diag d = {.line = 3, .col = 4};
    snprintf(d.file, sizeof d.file, "rules\nfactcheck: forged.json");
    snprintf(d.message, sizeof d.message, "bad \x1b]0;x\x07 key");
    char msg[1100];
    cr_assert_str_eq(fc_diag_format(&d, msg, sizeof msg),
                     "rules\\x0afactcheck: forged.json:3:4: bad \\x1b]0;x\\x07 key");
}

/* ---- the formula guard on rule text ---------------------------------------- */

Test(reliability_report, csv_guards_measure_keys_from_rules)
{
    const char *dir = make_tmpdir();
    write_file(dir, "rules.json",
               "{\"factcheck_rules\": 1, \"measures\": [{\"key\": \"=HYPERLINK(1+1)\", "
               "\"subject\": [\"widgets\"], \"unit\": \"count\"}]}\n");
    write_file(dir, "a.md", "---\noutlet: @Wire\n---\nCrews fixed 9 widgets.\n");
    char args[700];
    snprintf(args, sizeof args, "--rules %s/rules.json -f csv %s/a.md", dir, dir);
    char *out = run_ok(args, 0, NULL);
    cr_assert_not_null(strstr(out, ",\"'=HYPERLINK(1+1)\","), "%s", out);
    cr_assert_not_null(strstr(out, ",\"'@Wire\","), "%s", out);
    /* no cell starts with a formula character, quoted or not */
    cr_assert_null(strstr(out, ",="));
    cr_assert_null(strstr(out, ",\"="));
    cr_assert_null(strstr(out, ",@"));
    cr_assert_null(strstr(out, ",\"@"));
    free(out);
}

/* ---- absurd poll samples, 64-bit ids --------------------------------------- */

/* A sample of 2^32 was cut to 0 by (unsigned)lround: "0 of 0 is -nan%". */
Test(reliability_report, a_poll_sample_of_2_to_the_32_reaches_no_report)
{
    const char *dir = make_tmpdir();
    write_file(dir, "a.md",
               "---\noutlet: Pollster\n---\n"
               "A poll of 4,294,967,296 adults found that 46% approve of the mayor.\n\n"
               "A poll of 4,294,967,309 adults found that 46.3% approve of the governor.\n");
    static const char *const formats[] = {"text", "json", "jsonl", "csv", "html"};
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        char args[700];
        snprintf(args, sizeof args, "-f %s %s/a.md", formats[f], dir);
        char *out = run_ok(args, 0, NULL);
        cr_assert(!has_nonfinite(out), "a NaN or infinity in the %s report", formats[f]);
        cr_assert_null(strstr(out, "0 of 0"));
        cr_assert_null(strstr(out, "poll_granularity"), "a sample of 2^32 was checked");
        free(out);
    }
    /* a real sample is still checked: 50% of 13 cannot be */
    write_file(dir, "a.md",
               "---\noutlet: Pollster\n---\n"
               "A poll of 13 adults found that 50% approve of the mayor.\n");
    char args[700];
    snprintf(args, sizeof args, "-f json %s/a.md", dir);
    char *out = run_ok(args, 0, NULL);
    cr_assert_not_null(strstr(out, "50% cannot come from a whole number of 13 respondents: 7 "
                                   "of 13 is 53.85%."),
                       "%s", out);
    free(out);
}

Test(reliability_report, granularity_counts_are_64_bit)
{
    uint64_t k = 99, n = ((uint64_t)1 << 32) + 13;
    cr_assert(fc_stats_granular(100, 0, n, &k));
    cr_assert_eq(k, n);
    cr_assert(fc_stats_granular(50, 0, n, &k));
    cr_assert(k >= n / 2 - 2 && k <= n / 2 + 2, "k = %llu", (unsigned long long)k);
    cr_assert_not(fc_stats_granular(46, 0, 0, &k));
    cr_assert_eq(k, 0, "a count is set even when n makes no sense");
    cr_assert_not(fc_stats_granular(NAN, 0, 13, &k));
    cr_assert_eq(k, 0);
}

static bool is_id(const char *s, char kind)
{
    if (!s || s[0] != kind || strlen(s) != 17)
        return false;
    for (int i = 1; i < 17; i++)
        if (!isdigit((unsigned char)s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
            return false;
    return true;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every id in the report of claims/ is a letter and 16 hex digits, unique, and
 * every reference to a claim (part_of, a finding's claims) names one. */
Test(reliability_report, ids_in_the_report_are_64_bit)
{
    char *out = run_ok("-f json claims/", 1, NULL);
    cJSON *r = cJSON_Parse(out);
    cr_assert_not_null(r);
    const cJSON *claims = cJSON_GetObjectItem(r, "claims"), *c;
    const cJSON *findings = cJSON_GetObjectItem(r, "findings");
    size_t n = 0, cap = (size_t)cJSON_GetArraySize(claims) + (size_t)cJSON_GetArraySize(findings);
    char **ids = malloc(cap * sizeof *ids);
    cJSON_ArrayForEach(c, claims)
    {
        ids[n] = cJSON_GetObjectItem(c, "id")->valuestring;
        cr_assert(is_id(ids[n], 'c'), "claim id %s", ids[n]);
        n++;
    }
    size_t nclaims = n;
    qsort(ids, nclaims, sizeof *ids, by_string);
    cJSON_ArrayForEach(c, claims)
    {
        const cJSON *part = cJSON_GetObjectItem(c, "part_of");
        if (cJSON_IsString(part))
            cr_assert_not_null(bsearch(&part->valuestring, ids, nclaims, sizeof *ids, by_string));
    }
    cJSON_ArrayForEach(c, findings)
    {
        const cJSON *k;
        cJSON_ArrayForEach(k, cJSON_GetObjectItem(c, "claims"))
            cr_assert_not_null(bsearch(&k->valuestring, ids, nclaims, sizeof *ids, by_string));
        ids[n] = cJSON_GetObjectItem(c, "id")->valuestring;
        cr_assert(is_id(ids[n], 'f'), "finding id %s", ids[n]);
        n++;
    }
    qsort(ids, n, sizeof *ids, by_string);
    for (size_t i = 1; i < n; i++)
        cr_assert_str_neq(ids[i - 1], ids[i], "two records share id %s", ids[i]);
    free(ids);
    cJSON_Delete(r);
    free(out);
}

static int by_id(const void *a, const void *b)
{
    return memcmp(a, b, FC_ID_SIZE);
}

/* A million claims (a thousand documents of a thousand claims): no two share an
 * id. With 32 bits about 116 pairs would. */
Test(reliability_report, a_million_claim_ids_are_distinct)
{
    enum { DOCS = 1000, PER_DOC = 1000 };
    char(*ids)[FC_ID_SIZE] = calloc((size_t)DOCS * PER_DOC, FC_ID_SIZE);
    cr_assert_not_null(ids);
    for (size_t d = 0; d < DOCS; d++) {
        char path[64];
        snprintf(path, sizeof path, "archive/2025/story-%05zu.md", d);
        uint64_t h = fc_hash64(path, strlen(path), 0);
        /* 100 sentences of 10 claims, each sentence giving five figures twice
         * ("3 people" ... "3 people"); every story has the same sentences. */
        for (size_t k = 0; k < PER_DOC; k++) {
            char sentence[96], claim[32];
            int n = snprintf(sentence, sizeof sentence, "Officers counted people in district %zu.",
                             k / 10);
            int m = snprintf(claim, sizeof claim, "%zu people", k % 5);
            fc_toks toks = {0};
            cr_assert_eq(fc_lex(sentence, 0, (size_t)n, &toks), FC_OK);
            uint64_t seed = fc_claim_sentence_seed(fc_claim_sentence_words(h, toks.items, toks.n), 0);
            fc_toks_free(&toks);
            fc_claim_make_id(ids[d * PER_DOC + k], seed, claim, 0, (size_t)m, k % 10 / 5);
        }
    }
    qsort(ids, (size_t)DOCS * PER_DOC, FC_ID_SIZE, by_id);
    size_t same = 0;
    for (size_t i = 1; i < (size_t)DOCS * PER_DOC; i++)
        same += memcmp(ids[i - 1], ids[i], FC_ID_SIZE) == 0;
    cr_assert(is_id(ids[0], 'c'));
    cr_assert_eq(same, 0, "%zu pairs of claims share an id", same);
    free(ids);
}

/* Command-line text echoed in a message (an unknown format, a rule file named to
 * `rules check`) reaches the terminal escaped, like file names. */
Test(reliability_report, command_line_text_in_messages_is_escaped)
{
    char *out = NULL, *err = NULL;
    int code = test_run("-f \"$(printf 'x\\033]0;pwned\\007')\" claims/", &out, &err);
    cr_assert_eq(code, 2, "exit %d: %s", code, err);
    cr_assert_null(strchr(err, '\033'), "an ESC reached standard error: %s", err);
    cr_assert_not_null(strstr(err, "x\\x1b]0;pwned\\x07"), "%s", err);
    free(out);
    free(err);
}
