/* explain.h - why a figure did or did not land on a rule measure. */
#ifndef FACTCHECK_EXPLAIN_H
#define FACTCHECK_EXPLAIN_H

#include <stdio.h>

#include "claim.h"
#include "doc.h"
#include "rules.h"
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes to out, for each claim of claims (extracted from doc with rules) in a
 * sentence that touches line (1-based) of doc: where it is, what was extracted
 * (value, interval, unit, rate, modality, role, subject, key), and the rule
 * measure it landed on with the rule's file:line:col, or, for each measure of
 * the rules, the first condition the figure or its sentence fails. *found is
 * set to the number of claims written. Errors: FC_EINVAL (line is not a line
 * of doc), FC_EIO, FC_ENOMEM. */
FC_API fc_status fc_explain_line(const fc_rules *rules, const fc_doc *doc, const fc_claims *claims,
                                 unsigned line, FILE *out, size_t *found);

#ifdef __cplusplus
}
#endif
#endif
