/* bench_check.c - the consistency checks at scale.
 *
 * Usage: fc-bench-check [CLAIMS] [DOCUMENTS]   (default 1,000,000 and 100,000)
 *
 * Builds synthetic claims (deterministic): each document, published on a day
 * of 2025, carries claims on measures drawn from 10,000 keys; half give the
 * measure's published figure exactly, half a hedged figure within 4 % of it,
 * and about one in fifty is far off (twice the figure);
 * one document in ten has a poll figure with a change in points. Runs every
 * check and prints the time, the findings by severity and the peak RSS.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "factcheck/factcheck.h"

static uint64_t state = 88172645463325252ULL;

static double uniform(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (double)(state >> 11) / 9007199254740992.0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    size_t nclaims = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
    size_t ndocs = argc > 2 ? strtoul(argv[2], NULL, 10) : 100000;
    if (ndocs == 0 || nclaims < ndocs) {
        fputs("usage: fc-bench-check [CLAIMS] [DOCUMENTS]  (CLAIMS >= DOCUMENTS >= 1)\n", stderr);
        return 2;
    }
    enum { MEASURES = 10000 };
    fc_rules *rules = NULL;
    fc_diag diag = {0};
    if (fc_rules_load_default(&rules, &diag) != FC_OK) {
        char msg[1100];
        fprintf(stderr, "%s\n", fc_diag_format(&diag, msg, sizeof msg));
        return 1;
    }
    double t0 = now();
    fc_doc *store = calloc(ndocs, sizeof *store);
    const fc_doc **docs = calloc(ndocs, sizeof *docs);
    char(*dates)[24] = calloc(ndocs, sizeof *dates);
    fc_claims claims = {0};
    if (!store || !docs || !dates)
        return 1;
    size_t per_doc = nclaims / ndocs;
    for (size_t d = 0; d < ndocs; d++) {
        unsigned month = 1 + (unsigned)(uniform() * 12) % 12,
                 day = 1 + (unsigned)(uniform() * 28) % 28;
        snprintf(dates[d], sizeof dates[d], "2025-%02u-%02u", month, day);
        store[d].path = "synthetic";
        store[d].published = dates[d];
        docs[d] = &store[d];
        for (size_t j = 0; j < per_doc; j++) {
            fc_claim c = {0};
            unsigned m = (unsigned)(uniform() * MEASURES);
            double base = 100 + (m % 997) * 10.0;
            bool off = uniform() < 0.02;
            c.doc = d;
            c.sentence = j;
            c.start = 100 * j;
            snprintf(c.id, sizeof c.id, "c%zu", claims.n);
            /* Exact figures repeat the published number; hedged ones round it. */
            bool hedged = uniform() < 0.5;
            c.value = round(base * (off ? 2.0 : hedged ? 1 + (uniform() - 0.5) * 0.08 : 1));
            c.low = c.high = c.value;
            if (hedged) {
                c.qualifier = FC_QUAL_APPROXIMATELY;
                c.low = c.value * 0.9;
                c.high = c.value * 1.1;
            }
            c.from = c.to = NAN;
            char key[16];
            snprintf(key, sizeof key, "m%05u", m);
            c.measure = malloc(strlen(key) + 1);
            strcpy(c.measure, key);
            if (fc_claims_push(&claims, &c) != FC_OK)
                return 1;
        }
        if (d % 10 == 0) { /* "46%, down 3 points from 49%" in a poll */
            fc_claim level = {0}, change = {0};
            level.doc = change.doc = d;
            level.sentence = change.sentence = per_doc;
            level.start = 100 * per_doc;
            change.start = level.start + 10;
            snprintf(level.id, sizeof level.id, "p%zu", d % 10000000000u);
            snprintf(change.id, sizeof change.id, "q%zu", d % 10000000000u);
            level.value = level.low = level.high = 46;
            level.unit = FC_UNIT_PERCENT;
            level.modality = change.modality = FC_MOD_POLL;
            level.from = level.to = change.to = NAN;
            change.value = change.low = change.high = 3;
            change.unit = FC_UNIT_PERCENTAGE_POINT;
            change.role = FC_ROLE_CHANGE;
            change.direction = FC_DIR_DOWN;
            change.from = 49;
            if (fc_claims_push(&claims, &level) != FC_OK ||
                fc_claims_push(&claims, &change) != FC_OK)
                return 1;
        }
    }
    double t1 = now();
    fc_findings out = {0};
    if (fc_check_run(rules, &claims, docs, ndocs, &out) != FC_OK) {
        fputs("fc-bench-check: the checks failed\n", stderr);
        return 1;
    }
    double t2 = now();
    size_t sev[3] = {0};
    for (size_t i = 0; i < out.n; i++)
        sev[out.items[i].severity]++;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("claims        %zu across %zu documents, %d measures\n", claims.n, ndocs, MEASURES);
    printf("building      %.3f s\n", t1 - t0);
    printf("checks        %.3f s  (%.0f claims/s)\n", t2 - t1, (double)claims.n / (t2 - t1));
    printf("findings      %zu: %zu conflict, %zu warning, %zu info\n", out.n, sev[2], sev[1],
           sev[0]);
    /* By check, in the order first seen: where the findings (and their cost) are. */
    const char *names[32];
    size_t counts[32], nnames = 0;
    for (size_t i = 0; i < out.n; i++) {
        size_t k = 0;
        while (k < nnames && strcmp(names[k], out.items[i].check) != 0)
            k++;
        if (k == nnames && nnames < 32) {
            names[nnames] = out.items[i].check;
            counts[nnames++] = 0;
        }
        if (k < nnames)
            counts[k]++;
    }
    printf("by check     ");
    for (size_t k = 0; k < nnames; k++)
        printf(" %s %zu%s", names[k], counts[k], k + 1 < nnames ? "," : "\n");
    if (!nnames)
        printf(" none\n");
    printf("peak RSS      %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    fc_findings_clear(&out);
    fc_claims_clear(&claims);
    free(store);
    free(docs);
    free(dates);
    fc_rules_free(rules);
    return 0;
}
