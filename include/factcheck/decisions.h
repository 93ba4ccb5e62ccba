/* decisions.h - the desk's review decisions on findings, kept in a JSON file.
 *
 * A decisions file (docs/review.md; schema/decisions.schema.json) holds, per
 * finding fingerprint, what the desk decided (confirmed, false alarm,
 * corrected), a note, who decided and when. A run given the decisions shows each
 * finding's decision, can hide the settled ones, and reports a decision whose
 * finding no longer appears as stale (corpus.h).
 */
#ifndef FACTCHECK_DECISIONS_H
#define FACTCHECK_DECISIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "claim.h"
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The name of the decisions file a claims folder may carry. */
#define FC_FOLDER_DECISIONS "factcheck.decisions.json"

typedef enum fc_verdict {
    FC_VERDICT_CONFIRMED,   /* the finding is right: the copy has the problem */
    FC_VERDICT_FALSE_ALARM, /* the finding is wrong: nothing to fix */
    FC_VERDICT_CORRECTED    /* the finding was right and the copy has been fixed */
} fc_verdict;

typedef struct fc_decision {
    char finding[FC_ID_SIZE]; /* the finding's fingerprint ("f" and 16 hex digits) */
    fc_verdict verdict;
    char *note;         /* "" when none */
    char *by;           /* who decided */
    char *at;           /* when, ISO 8601 UTC: "YYYY-MM-DDTHH:MM:SSZ" */
    char *file;         /* the file it was read from (NULL when set by fc_decisions_set) */
    unsigned line, col; /* where its entry starts in that file */
} fc_decision;

typedef struct fc_decisions fc_decisions;

/* An empty set; NULL when out of memory. Free with fc_decisions_free. */
FC_API fc_decisions *fc_decisions_new(void);
FC_API void fc_decisions_free(fc_decisions *d);

/* Reads the decisions file at path and adds its decisions; one for a finding
 * already held replaces it. Errors: FC_EIO (cannot read; diag names the file),
 * FC_EFORMAT (malformed or invalid: diag gives "file:line:col: message"; nothing
 * is added), FC_ENOMEM. */
FC_API fc_status fc_decisions_load(fc_decisions *d, const char *path, fc_diag *diag);

/* Adds or replaces the decision on finding. note may be NULL. Errors: FC_EINVAL
 * (not a fingerprint, an empty by, at not ISO 8601 UTC; diag says which),
 * FC_ENOMEM. */
FC_API fc_status fc_decisions_set(fc_decisions *d, const char *finding, fc_verdict verdict,
                                  const char *note, const char *by, const char *at, fc_diag *diag);

/* Removes the decision on finding; false when there was none. */
FC_API bool fc_decisions_remove(fc_decisions *d, const char *finding);

/* The decisions, sorted by fingerprint; and the one on finding, or NULL. */
FC_API size_t fc_decisions_count(const fc_decisions *d);
FC_API const fc_decision *fc_decisions_at(const fc_decisions *d, size_t i);
FC_API const fc_decision *fc_decisions_find(const fc_decisions *d, const char *finding);

/* Writes the decisions file (sorted by fingerprint, one decision a line, so a
 * change is one line in a diff). Errors: FC_EIO. */
FC_API fc_status fc_decisions_write(const fc_decisions *d, FILE *out);

/* "confirmed", "false_alarm", "corrected"; and back (FC_EINVAL when unknown). */
FC_API const char *fc_verdict_name(fc_verdict v);
FC_API fc_status fc_verdict_parse(const char *name, fc_verdict *out);

/* Whether s is a finding fingerprint: "f" and 16 lower-case hex digits. */
FC_API bool fc_fingerprint_valid(const char *s);

/* Whether s is a time in ISO 8601 UTC as decisions record it: "YYYY-MM-DDTHH:MM:SSZ". */
FC_API bool fc_utc_time_valid(const char *s);

#ifdef __cplusplus
}
#endif
#endif
