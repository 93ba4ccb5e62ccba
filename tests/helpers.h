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

/* Runs the factcheck binary with args (a shell-quoted string), capturing stdout
 * and stderr into malloc'd strings; returns the exit status. */
int test_run(const char *args, char **out, char **err);

/* Reads a whole file into a malloc'd string (NULL if it cannot be read). */
char *test_slurp(const char *path);

#endif
