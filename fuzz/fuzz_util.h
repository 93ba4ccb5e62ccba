/* fuzz_util.h - what the libFuzzer targets share: the default rules, loaded once,
 * and scratch files private to the fuzzing process. */
#ifndef FC_FUZZ_UTIL_H
#define FC_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "factcheck/rules.h"

/* The built-in default rules, loaded on the first call. A fuzzer without its
 * rules would test nothing, so a failure to load them aborts with the reason. */
const fc_rules *fuzz_default_rules(void);

/* A path for scratch file number i (0..FUZZ_MAX_FILES-1) ending in suffix (the
 * suffix of the first call for i stays), private to this process: under $TMPDIR, else /dev/shm, else /tmp. The files are
 * removed when the process exits. The string is static storage. */
#define FUZZ_MAX_FILES 4
const char *fuzz_scratch_path(unsigned i, const char *suffix);

/* Writes size bytes to path, replacing it; aborts on failure (a harness that
 * cannot write its input would report nothing useful). */
void fuzz_write_file(const char *path, const uint8_t *data, size_t size);

/* Aborts with a message: a broken invariant the sanitizers cannot see. */
_Noreturn void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
