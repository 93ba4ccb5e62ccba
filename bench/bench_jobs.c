/* bench_jobs.c - loading and extracting a folder of documents on N threads.
 *
 * Usage: fc-bench-jobs JOBS PATH...   (JOBS as for factcheck -j; 0: one per
 *                                      online processor)
 *
 * Runs the corpus pipeline of `factcheck extract -f jsonl` over the paths and
 * prints, for each stage, the wall time and the processor time of the whole
 * process (all threads), then the peak RSS. Only fc_corpus_extract runs on
 * several threads; the other stages show how much of a run it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "factcheck/factcheck.h"

typedef struct stamp {
    double wall, cpu;
} stamp;

static stamp now(void)
{
    struct timespec w, c;
    clock_gettime(CLOCK_MONOTONIC, &w);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
    return (stamp){(double)w.tv_sec + (double)w.tv_nsec / 1e9,
                   (double)c.tv_sec + (double)c.tv_nsec / 1e9};
}

static void row(const char *stage, stamp from, stamp to)
{
    printf("%-22s %7.3f s wall  %7.3f s processor\n", stage, to.wall - from.wall,
           to.cpu - from.cpu);
}

int main(int argc, char **argv)
{
    char *end;
    unsigned long jobs = argc > 2 ? strtoul(argv[1], &end, 10) : 0;
    if (argc < 3 || *end || jobs > 4096) {
        fputs("usage: fc-bench-jobs JOBS PATH...\n", stderr);
        return 2;
    }
    fc_rules *rules = NULL;
    fc_diag diag = {0};
    char msg[1100];
    if (fc_rules_load_default(&rules, &diag) != FC_OK) {
        fprintf(stderr, "%s\n", fc_diag_format(&diag, msg, sizeof msg));
        return 2;
    }
    fc_corpus *corpus = fc_corpus_new();
    FILE *out = fopen("/dev/null", "w");
    if (!corpus || !out) {
        fputs("fc-bench-jobs: cannot start\n", stderr);
        return 2;
    }
    fc_corpus_set_jobs(corpus, (unsigned)jobs);
    stamp t0 = now();
    fc_status st = FC_OK;
    for (int i = 2; st == FC_OK && i < argc; i++)
        st = fc_corpus_add_path(corpus, argv[i]);
    stamp t1 = now();
    if (st == FC_OK)
        st = fc_corpus_extract(corpus, rules);
    stamp t2 = now();
    if (st == FC_OK)
        st = fc_report_write(out, corpus,
                             &(fc_report_options){FC_FORMAT_JSONL, FC_REPORT_CLAIMS, false, false, false, NULL});
    stamp t3 = now();
    if (st != FC_OK) {
        fprintf(stderr, "fc-bench-jobs: %s\n", fc_status_str(st));
        return 1;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < fc_corpus_ninputs(corpus); i++) {
        const fc_input *in = fc_corpus_input(corpus, i);
        bytes += in->doc ? in->doc->len : 0;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("jobs                   %lu%s\n", jobs, jobs ? "" : " (one per online processor)");
    printf("inputs                 %zu (%zu failed), %.1f MB, %zu claims\n",
           fc_corpus_ninputs(corpus), fc_corpus_nfailed(corpus), (double)bytes / (1024.0 * 1024.0),
           fc_corpus_claims(corpus)->n);
    row("finding the inputs", t0, t1);
    row("load and extract", t1, t2);
    row("JSON Lines report", t2, t3);
    row("whole run", t0, t3);
    printf("peak RSS               %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    fclose(out);
    fc_corpus_free(corpus);
    fc_rules_free(rules);
    return 0;
}
