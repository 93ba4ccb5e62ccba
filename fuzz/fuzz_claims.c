/* fuzz_claims.c - libFuzzer target: claims files read back by `factcheck check`.
 *
 * The bytes are a claims file (what `factcheck extract -f jsonl` writes: a claim a
 * line, then an input record a line), written to a scratch file and read with
 * fc_corpus_add_claims; fc_corpus_extract ties the claims to their inputs and
 * fc_corpus_check runs the checks on the kept documents (offsets, spans and
 * words straight from the file), and the report is written in every format (a
 * SQLite database in memory too). A
 * bad line is an input with an error, never a crash; each claim must point at an
 * input that has a document. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
    const char *path = fuzz_scratch_path(0, ".jsonl");
    fuzz_write_file(path, data, size);
    fc_corpus *corpus = fc_corpus_new();
    if (!corpus)
        return 0;
    fc_status st = fc_corpus_add_claims(corpus, path);
    if (st == FC_OK)
        st = fc_corpus_extract(corpus, rules);
    if (st == FC_OK) {
        const fc_claims *cl = fc_corpus_claims(corpus);
        for (size_t k = 0; k < cl->n; k++) {
            const fc_input *in = fc_corpus_input(corpus, cl->items[k].doc);
            if (!in || !in->doc)
                fuzz_fail("claim %zu of no document", k);
        }
        st = fc_corpus_check(corpus, rules);
    }
    for (size_t i = 0; st == FC_OK && i < sizeof format_names / sizeof *format_names; i++) {
        fc_format f;
        if (fc_format_parse(format_names[i], &f) != FC_OK)
            continue;
        for (int kind = 0; kind < 2 && st == FC_OK; kind++) {
            if (f == FC_FORMAT_CLAIMREVIEW && kind)
                continue;
            /* The full report lists the claims under their documents (each
             * claim's line and column from its stretch) and the provenance. */
            fc_report_options opt = {f, kind ? FC_REPORT_CLAIMS : FC_REPORT_FULL, false, false,
                                     !kind, rules};
            if ((st = fc_report_write(devnull, corpus, &opt)) != FC_OK)
                fuzz_fail("fc_report_write(%s): %s", format_names[i], fc_status_str(st));
        }
    }
    if (st == FC_OK) {
        fc_report_options db = {FC_FORMAT_SQLITE, FC_REPORT_FULL, false, false, false, rules};
        fc_diag diag = {0};
        if ((st = fc_report_write_db(":memory:", corpus, &db, &diag)) != FC_OK && st != FC_ENOMEM)
            fuzz_fail("fc_report_write_db: %s (%s)", fc_status_str(st), diag.message);
    }
    if (st != FC_OK && st != FC_ENOMEM)
        fuzz_fail("claims file: %s", fc_status_str(st));
    fc_corpus_free(corpus);
    return 0;
}
