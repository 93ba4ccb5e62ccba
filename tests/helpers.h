/* helpers.h - shared fixtures for the Criterion suites. */
#ifndef FC_TEST_HELPERS_H
#define FC_TEST_HELPERS_H

#include <stddef.h>

#include "factcheck/factcheck.h"

/* The default rules, loaded once per test process (FACTCHECK_DATADIR is set by ctest). */
const fc_rules *test_rules(void);

/* Extracts claims from a document body given as a string (no front matter unless
 * the string has one). The caller clears *out and frees the returned document. */
fc_doc *test_extract(const char *text, fc_claims *out);

/* Seconds a factcheck run may take before test_run fails it as hung. */
#define TEST_RUN_TIMEOUT 300

/* Runs the factcheck binary with args (a shell-quoted string) under `timeout`,
 * capturing stdout and stderr into malloc'd strings; returns the exit status.
 * A run that hangs past TEST_RUN_TIMEOUT or dies of a signal fails the test. */
int test_run(const char *args, char **out, char **err);

/* Reads a whole file into a malloc'd string (NULL if it cannot be read). */
char *test_slurp(const char *path);

#endif
