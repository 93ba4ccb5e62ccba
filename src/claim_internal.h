/* claim_internal.h - claim-list helpers shared by the checks and the reports
 * (not public API). */
#ifndef FC_CLAIM_INTERNAL_H
#define FC_CLAIM_INTERNAL_H

#include <stdint.h>

#include "factcheck/claim.h"

/* 64-bit FNV-1a hash of n bytes, continuing from seed (0: a fresh hash); ids
 * are made with it, so that millions of claims do not share one. */
uint64_t fc_hash64(const void *data, size_t n, uint64_t seed);

/* Writes an id into id (FC_ID_SIZE bytes): kind ('c' claim, 'f' finding) and
 * the 16 hex digits of h. */
void fc_id_format(char *id, char kind, uint64_t h);

/* A claim's id, from fc_hash64 of its document's path (path_hash) and its
 * start offset: fc_hash64 of ":<start>" seeded with path_hash. */
void fc_claim_make_id(char *id, uint64_t path_hash, size_t start);

/* The indices of the claims that have a measure, sorted by measure and then by
 * index (claims are in input and text order, so each measure's claims come out
 * in that order). *idx is malloc'd (the caller frees it), *n its length.
 * Errors: FC_ENOMEM. */
fc_status fc_claims_by_measure(const fc_claims *claims, size_t **idx, size_t *n);

#endif
