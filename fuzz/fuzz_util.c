/* fuzz_util.c - shared helpers of the libFuzzer targets. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_util.h"

_Noreturn void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fuzz: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

static fc_rules *default_rules;

static void free_default_rules(void)
{
    fc_rules_free(default_rules);
    default_rules = NULL;
}

const fc_rules *fuzz_default_rules(void)
{
    if (!default_rules) {
        fc_diag diag = {0};
        if (fc_rules_load_default(&default_rules, &diag) != FC_OK) {
            char msg[1100];
            fuzz_fail("cannot load the default rules (%s); set FACTCHECK_DATADIR",
                      fc_diag_format(&diag, msg, sizeof msg));
        }
        /* Freed at exit so that LeakSanitizer's final check stays quiet. */
        atexit(free_default_rules);
    }
    return default_rules;
}

static char scratch[FUZZ_MAX_FILES][512];

static void remove_scratch(void)
{
    for (unsigned i = 0; i < FUZZ_MAX_FILES; i++)
        if (scratch[i][0])
            remove(scratch[i]);
}

const char *fuzz_scratch_path(unsigned i, const char *suffix)
{
    static int registered;
    if (i >= FUZZ_MAX_FILES)
        fuzz_fail("scratch file %u out of range", i);
    if (!scratch[i][0]) {
        const char *dir = getenv("TMPDIR");
        struct stat st;
        if (!dir || !*dir)
            dir = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
        /* The process id keeps parallel fuzzers (-jobs, -fork) apart. */
        snprintf(scratch[i], sizeof scratch[i], "%s/factcheck-fuzz-%ld-%u%s", dir,
                 (long)getpid(), i, suffix);
        if (!registered) {
            atexit(remove_scratch);
            registered = 1;
        }
    }
    return scratch[i];
}

void fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        fuzz_fail("cannot create %s", path);
    bool short_write = size && fwrite(data, 1, size, f) != size;
    if (fclose(f) != 0 || short_write)
        fuzz_fail("cannot write %s", path);
}
