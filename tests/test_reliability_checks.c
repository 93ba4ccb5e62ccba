/* test_reliability_checks.c - the checks' work grows with the claims, not with
 * their square: documents that repeat one kind of figure thousands of times.
 *
 * Each run is the built program in a child process under RLIMIT_CPU (and
 * RLIMIT_AS outside the sanitizer build, whose shadow memory needs terabytes of
 * address space): a quadratic check is killed by SIGXCPU or fails to allocate,
 * and the test fails on the signal or the exit status, never on a wall-clock
 * time. The number of findings is checked against a bound linear in the
 * number of claims.
 */
#include <cjson/cJSON.h>
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

#include "helpers.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

/* A quadratic run of these inputs needs hours; the sanitizer build runs a few
 * times slower. */
#define CPU_SECONDS (SANITIZED ? 300 : 60)
#define ADDRESS_MIB 2048   /* a quadratic run needs tens of gigabytes */

static char dir[] = "/tmp/fc-relchecks-XXXXXX";

static void setup(void)
{
    cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

/* Appends to a growing string. */
static void append(char **s, size_t *len, size_t *cap, const char *add)
{
    size_t n = strlen(add);
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *s = realloc(*s, *cap);
        cr_assert_not_null(*s);
    }
    memcpy(*s + *len, add, n + 1);
    *len += n;
}

/* Runs `factcheck -f json DIR` under the limits; returns the exit status (the
 * test fails when the child dies of a signal) and the report in *json. */
static int run_limited(cJSON **json)
{
    char out[256];
    snprintf(out, sizeof out, "%s.json", dir);
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        struct rlimit cpu = {CPU_SECONDS, CPU_SECONDS};
        setrlimit(RLIMIT_CPU, &cpu);
        if (!SANITIZED) {
            struct rlimit as = {(rlim_t)ADDRESS_MIB << 20, (rlim_t)ADDRESS_MIB << 20};
            setrlimit(RLIMIT_AS, &as);
        }
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0)
            _exit(126);
        dup2(fd, 1);
        execl(FC_BINARY, FC_BINARY, "-f", "json", dir, (char *)NULL);
        _exit(127);
    }
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(!WIFSIGNALED(status), "factcheck died of signal %d (SIGXCPU %d: over %d s of CPU)",
              WTERMSIG(status), SIGXCPU, CPU_SECONDS);
    char *text = test_slurp(out);
    unlink(out);
    cr_assert_not_null(text);
    *json = cJSON_Parse(text);
    free(text);
    cr_assert_not_null(*json, "the report is not JSON");
    return WEXITSTATUS(status);
}

static int count_check(const cJSON *report, const char *check)
{
    int n = 0;
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItem(report, "findings"))
    {
        const cJSON *c = cJSON_GetObjectItem(f, "check");
        n += cJSON_IsString(c) && strcmp(c->valuestring, check) == 0;
    }
    return n;
}

/* Two outlets each giving one kind of figure n times, all different from the
 * other outlet's: every figure of one conflicts with every figure of the other,
 * n * n pairs, yet the findings must stay linear in n. */
static void two_outlets(int n)
{
    for (int d = 0; d < 2; d++) {
        char *s = NULL;
        size_t len = 0, cap = 0;
        char line[256];
        snprintf(line, sizeof line, "---\noutlet: Outlet %c\npublished: 2025-03-04\n---\n",
                 'A' + d);
        append(&s, &len, &cap, line);
        for (int i = 0; i < n; i++) {
            snprintf(line, sizeof line,
                     "On Monday the flood forced %d residents of Marlow to leave their homes. ",
                     (d ? 7000 : 3000) + (i * 7919) % 1000);
            append(&s, &len, &cap, line);
        }
        write_file(d ? "b.md" : "a.md", s);
        free(s);
    }
}

Test(checks_scale, cross_source_findings_grow_with_the_claims, .init = setup, .fini = teardown)
{
    /* 900 claims a side: past the pairwise limit, each claim against the median. */
    two_outlets(900);
    cJSON *r;
    cr_assert_eq(run_limited(&r), 1, "conflicts found: exit 1");
    int claims = cJSON_GetArraySize(cJSON_GetObjectItem(r, "claims"));
    int cross = count_check(r, "cross_source");
    cr_assert_eq(claims, 1800);
    cr_assert_gt(cross, 0);
    cr_assert_leq(cross, claims + 1, "%d cross_source findings for %d claims", cross, claims);
    cJSON_Delete(r);
}

Test(checks_scale, pairwise_cross_source_pairs_each_claim_once, .init = setup, .fini = teardown)
{
    /* 200 claims a side (40,000 pairs, under the pairwise limit): each claim is
     * compared with its best match only, so at most one conflict per claim. */
    two_outlets(200);
    cJSON *r;
    cr_assert_eq(run_limited(&r), 1);
    int cross = count_check(r, "cross_source");
    cr_assert_gt(cross, 1);
    cr_assert_leq(cross, 200 + 1, "%d cross_source findings for 200 claims a side", cross);
    cJSON_Delete(r);
}

Test(checks_scale, percent_points_is_linear_in_the_changes, .init = setup, .fini = teardown)
{
    /* 2.1 MB of one level and one change, 80,000 of each: a scan of the whole
     * measure for every change would be 6.4e9 steps. */
    const char *sentence = "Approval was 46%, down 3%. ";
    size_t n = 80000, len = strlen(sentence);
    char *s = malloc(n * len + 1);
    cr_assert_not_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * len, sentence, len);
    s[n * len] = '\0';
    write_file("a.md", s);
    free(s);
    cJSON *r;
    int status = run_limited(&r);
    cr_assert(status == 0 || status == 1, "exit %d", status);
    int claims = cJSON_GetArraySize(cJSON_GetObjectItem(r, "claims"));
    int pp = count_check(r, "percent_points");
    cr_assert_eq(claims, (int)(2 * n));
    cr_assert_eq(pp, (int)n, "one percent_points finding per change: %d", pp);
    cJSON_Delete(r);
}

Test(checks_scale, changes_from_an_earlier_level_in_two_outlets, .init = setup, .fini = teardown)
{
    /* "rose to X%, from Y%": a level and its earlier level, 20,000 of each in each
     * of two outlets, all on one measure. */
    for (int d = 0; d < 2; d++) {
        char *s = NULL;
        size_t len = 0, cap = 0;
        char line[160];
        snprintf(line, sizeof line, "---\noutlet: Outlet %c\npublished: 2025-03-04\n---\n",
                 'A' + d);
        append(&s, &len, &cap, line);
        for (int i = 0; i < 20000; i++) {
            snprintf(line, sizeof line, "Approval of the mayor rose to %d%%, from %d%% in March. ",
                     d ? 52 : 46, d ? 49 : 43);
            append(&s, &len, &cap, line);
        }
        write_file(d ? "b.md" : "a.md", s);
        free(s);
    }
    cJSON *r;
    int status = run_limited(&r);
    cr_assert(status == 0 || status == 1, "exit %d", status);
    int claims = cJSON_GetArraySize(cJSON_GetObjectItem(r, "claims"));
    int findings = cJSON_GetArraySize(cJSON_GetObjectItem(r, "findings"));
    cr_assert_eq(claims, 80000);
    cr_assert_leq(findings, 2 * claims, "%d findings for %d claims", findings, claims);
    /* A level and its earlier level are no two shares of one base. */
    cr_assert_eq(count_check(r, "share_sum"), 0);
    cJSON_Delete(r);
}
