/* helpers.c - shared fixtures for the Criterion suites (see helpers.h). */
#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static fc_rules *rules;

const fc_rules *test_rules(void)
{
    if (!rules) {
        fc_diag diag = {0};
        char msg[1100];
        fc_status st = fc_rules_load_default(&rules, &diag);
        cr_assert_eq(st, FC_OK, "cannot load the default rules: %s",
                     fc_diag_format(&diag, msg, sizeof msg));
    }
    return rules;
}

fc_doc *test_extract(const char *text, fc_claims *out)
{
    fc_doc *doc = NULL;
    cr_assert_eq(fc_doc_parse("test.md", text, strlen(text), &doc, NULL), FC_OK);
    cr_assert_eq(fc_extract(test_rules(), doc, 0, out), FC_OK);
    return doc;
}

char *test_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                buf = NULL;
            }
            buf = p;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

int test_run(const char *args, char **out, char **err)
{
    char outpath[] = "/tmp/fc-test-out-XXXXXX", errpath[] = "/tmp/fc-test-err-XXXXXX";
    int fo = mkstemp(outpath), fe = mkstemp(errpath);
    cr_assert(fo >= 0 && fe >= 0);
    close(fo);
    close(fe);
    size_t n = strlen(FC_BINARY) + strlen(args) + 2 * sizeof outpath + 64;
    char *cmd = malloc(n);
    /* Under a wall-clock guard, so a hang fails the test instead of blocking the run. */
    snprintf(cmd, n, "timeout -k 10 %d '%s' %s >%s 2>%s", TEST_RUN_TIMEOUT, FC_BINARY, args,
             outpath, errpath);
    int rc = system(cmd);
    free(cmd);
    *out = test_slurp(outpath);
    *err = test_slurp(errpath);
    unlink(outpath);
    unlink(errpath);
    cr_assert(rc != -1 && WIFEXITED(rc), "factcheck did not exit normally");
    int code = WEXITSTATUS(rc);
    cr_assert(code != 124 && code != 137, "factcheck did not finish within %d s: %s",
              TEST_RUN_TIMEOUT, args);
    cr_assert(code < 128, "factcheck was killed by signal %d: %s", code - 128, args);
    return code;
}
