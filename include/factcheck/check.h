/* check.h - consistency checks over claims; each result is a finding.
 *
 * A finding names its check, its severity, the claims it is about (indices into
 * the claim list it was computed from), a one-sentence message, and every number
 * it computed, so a report can show the arithmetic.
 */
#ifndef FACTCHECK_CHECK_H
#define FACTCHECK_CHECK_H

#include "claim.h"
#include "doc.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fc_severity { FC_SEV_INFO, FC_SEV_WARNING, FC_SEV_CONFLICT } fc_severity;

#define FC_FINDING_MAX_NUMS 12

/* A named number a check computed ("gap", "relative_gap", "median", ...). */
typedef struct fc_number {
    const char *name; /* static string */
    double value;     /* always finite */
} fc_number;

typedef struct fc_finding {
    /* the fingerprint, stable: "f" and 16 hex digits, a 64-bit hash of the
     * check and its claims' ids (docs/claim-record.md, "Ids") */
    char id[FC_ID_SIZE];
    const char *check; /* static string, e.g. "cross_source" */
    fc_severity severity;
    size_t *claims; /* indices into the claim list; owned */
    size_t nclaims;
    char *message; /* owned */
    char *source;          /* the reference the finding cites (publisher, title, date,
                              URL, dataset row), or NULL; owned */
    fc_number *nums; /* nnums of them, at most FC_FINDING_MAX_NUMS; owned */
    size_t nnums;
    /* In a dispute between two claims that the evidence settles: the position
     * in claims, from 1, of the side a reference figure (else most of the other
     * sources) agrees with, and of the side that disagrees; both 0 when nothing
     * settles it or the finding is no such dispute. */
    unsigned char agrees, disagrees;
    /* What the finding is about, for people: the rule measure's description,
     * else the counted thing as the text words it, with the place ("inmates in
     * Harlan County"); owned, may be NULL. */
    char *topic;
    /* The story it belongs to (docs/reports.md): the lowest index of the
     * documents linked to its claims' documents by the measures their claims
     * share and by findings across documents. */
    size_t story;
    /* What the finding is about, for people: the rule measure's description,
     * else the main words of the inferred key of its first claim that has a
     * measure or a key ("korean worker detain"); set by fc_check_run; owned */
    char *label;
} fc_finding;

typedef struct fc_findings {
    fc_finding *items;
    size_t n, cap;
} fc_findings;

/* Runs every enabled check over claims (whose doc fields index docs; a NULL doc
 * is an input that could not be read) and appends the findings to out, sorted by
 * severity (conflicts first), then check, then id. Errors: FC_ENOMEM. */
FC_API fc_status fc_check_run(const fc_rules *rules, const fc_claims *claims,
                              const fc_doc *const *docs, size_t ndocs, fc_findings *out);

/* Frees every finding and the array; leaves the list empty. */
FC_API void fc_findings_clear(fc_findings *list);

FC_API const char *fc_severity_name(fc_severity s);

#ifdef __cplusplus
}
#endif
#endif
