/* bench_extract.c - extraction throughput and memory on a generated corpus.
 *
 * Usage: fc-bench-extract CORPUS   (documents separated by form-feed lines, as
 *                                   written by fc-gen)
 *
 * Reads one document at a time, extracts its claims, counts them and frees them,
 * so memory stays flat however large the corpus. Prints MB/s and claims/s for the
 * extraction alone and for the whole run (reading included), the whole run's CPU
 * time (on a machine busy with other work the wall clock overstates the cost; the
 * CPU time does not), and the peak RSS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "factcheck/factcheck.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: fc-bench-extract CORPUS\n", stderr);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fc_rules *rules = NULL;
    fc_diag diag = {0};
    char msg[1100];
    if (fc_rules_load_default(&rules, &diag) != FC_OK) {
        fprintf(stderr, "%s\n", fc_diag_format(&diag, msg, sizeof msg));
        return 2;
    }
    char *line = NULL;
    size_t cap = 0, docs = 0, claims = 0, bytes = 0;
    ssize_t n;
    double t_extract = 0, t0 = now();
    while ((n = getdelim(&line, &cap, '\f', f)) > 0) {
        size_t len = (size_t)n, skip = 0;
        if (line[len - 1] == '\f')
            len--;
        /* The separator is a form-feed line: its newline opens the next chunk and
         * would hide that document's front matter, which must start the text. */
        if (docs > 0 && len > 0 && line[0] == '\n')
            skip = 1;
        bytes += (size_t)n;
        double t1 = now();
        fc_doc *doc = NULL;
        fc_claims cl = {0};
        if (fc_doc_parse("bench", line + skip, len - skip, &doc, NULL) != FC_OK ||
            fc_extract(rules, doc, docs, &cl) != FC_OK) {
            fputs("fc-bench-extract: extraction failed\n", stderr);
            return 1;
        }
        claims += cl.n;
        fc_claims_clear(&cl);
        fc_doc_free(doc);
        t_extract += now() - t1;
        docs++;
    }
    double total = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double mb = (double)bytes / (1024.0 * 1024.0);
    printf("corpus        %s\n", argv[1]);
    printf("size          %.1f MB, %zu documents, %zu claims\n", mb, docs, claims);
    printf("extraction    %.3f s  %.1f MB/s  %.0f claims/s\n", t_extract, mb / t_extract,
           (double)claims / t_extract);
    printf("whole run     %.3f s  %.1f MB/s (reading included)\n", total, mb / total);
    double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                 (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    printf("CPU time      %.3f s  %.1f MB/s (whole run, user + system)\n", cpu, mb / cpu);
    printf("peak RSS      %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    free(line);
    fclose(f);
    fc_rules_free(rules);
    return 0;
}
