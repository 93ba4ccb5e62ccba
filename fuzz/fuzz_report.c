/* fuzz_report.c - libFuzzer target: the report writers, fed from real claims.
 *
 * The bytes are split at form feeds into up to FUZZ_MAX_FILES documents (so the
 * checks that compare documents run too), each written to a scratch file and
 * taken through the corpus pipeline as the program does: fc_corpus_add_path,
 * fc_corpus_extract, fc_corpus_check. The report is then written in every format
 * fc_format_parse accepts, whole and claims only. Names the library does not
 * know are skipped, so formats added later are fuzzed without changing this file. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "factcheck/factcheck.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const format_names[] = {"text", "json", "jsonl", "csv", "claimreview", "html"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull && !(devnull = fopen("/dev/null", "w")))
        fuzz_fail("cannot open /dev/null");
    const fc_rules *rules = fuzz_default_rules();

    fc_corpus *corpus = fc_corpus_new();
    if (!corpus)
        fuzz_fail("fc_corpus_new: out of memory");
    const uint8_t *p = data, *end = data + size;
    for (unsigned i = 0; i < FUZZ_MAX_FILES; i++) {
        const uint8_t *ff = i + 1 < FUZZ_MAX_FILES ? memchr(p, '\f', (size_t)(end - p)) : NULL;
        const uint8_t *e = ff ? ff : end;
        const char *path = fuzz_scratch_path(i, ".md");
        fuzz_write_file(path, p, (size_t)(e - p));
        if (fc_corpus_add_path(corpus, path) != FC_OK)
            fuzz_fail("fc_corpus_add_path: out of memory");
        if (!ff)
            break;
        p = ff + 1;
    }
    fc_status st = fc_corpus_extract(corpus, rules);
    if (st == FC_OK)
        st = fc_corpus_check(corpus, rules);
    if (st != FC_OK)
        fuzz_fail("extract or check: %s", fc_status_str(st));

    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++) {
        fc_format format;
        if (fc_format_parse(format_names[i], &format) != FC_OK)
            continue;
        const fc_report_kind kinds[] = {FC_REPORT_FULL, FC_REPORT_CLAIMS};
        for (size_t k = 0; k < 2; k++) {
            /* colour on for the full text report, so its styled paths run too */
            fc_report_options opt = {format, kinds[k], k == 0};
            if ((st = fc_report_write(devnull, corpus, &opt)) != FC_OK)
                fuzz_fail("fc_report_write(%s, kind %zu): %s", format_names[i], k,
                          fc_status_str(st));
        }
    }
    fc_corpus_free(corpus);
    return 0;
}
