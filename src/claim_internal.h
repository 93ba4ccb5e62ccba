/* claim_internal.h - claim-list helpers shared by the checks and the reports
 * (not public API). */
#ifndef FC_CLAIM_INTERNAL_H
#define FC_CLAIM_INTERNAL_H

#include "factcheck/claim.h"

/* The indices of the claims that have a measure, sorted by measure and then by
 * index (claims are in input and text order, so each measure's claims come out
 * in that order). *idx is malloc'd (the caller frees it), *n its length.
 * Errors: FC_ENOMEM. */
fc_status fc_claims_by_measure(const fc_claims *claims, size_t **idx, size_t *n);

#endif
