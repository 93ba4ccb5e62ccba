/* bench_rules.c - how long loading the rules takes.
 *
 * Usage: fc-bench-rules [RULE_FILE...]
 * Loads the built-in defaults (then each RULE_FILE on top) 200 times and prints
 * the mean and the fastest time per load, in milliseconds.
 */
#include <stdio.h>
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
    enum { RUNS = 200 };
    double total = 0, best = 1e9;
    for (int run = 0; run < RUNS; run++) {
        double t0 = now();
        fc_diag diag = {0};
        fc_rules_builder *b = fc_rules_builder_new();
        fc_status st = fc_rules_builder_add(b, fc_rules_default_path(), &diag);
        for (int i = 1; st == FC_OK && i < argc; i++)
            st = fc_rules_builder_add(b, argv[i], &diag);
        fc_rules *r = NULL;
        if (st == FC_OK)
            st = fc_rules_builder_build(b, &r, &diag);
        fc_rules_builder_free(b);
        fc_rules_free(r);
        if (st != FC_OK) {
            char msg[1100];
            fprintf(stderr, "%s\n", fc_diag_format(&diag, msg, sizeof msg));
            return 1;
        }
        double t = now() - t0;
        total += t;
        best = t < best ? t : best;
    }
    printf("rules         %s", fc_rules_default_path());
    for (int i = 1; i < argc; i++)
        printf(" + %s", argv[i]);
    printf("\nload          mean %.3f ms, fastest %.3f ms over %d loads\n", 1000 * total / RUNS,
           1000 * best, RUNS);
    return 0;
}
