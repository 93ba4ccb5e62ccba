/* copies.h - one source, once: the same claim in several documents.
 *
 * Wire copy is printed by many outlets with small edits. A claim whose sentence
 * is identical or near-identical to the sentence of the same figure in an earlier
 * document is a copy of that claim, not a new source: the checks see it once,
 * and the reports list where it appeared. Near-identical (docs/checks.md, "One
 * source, once"): the sets of the two sentences' words (letters and digits,
 * lowercased; punctuation ignored) have a Jaccard index of at least
 * FC_COPY_JACCARD and each sentence has at least FC_COPY_MIN_WORDS distinct words
 * (shorter sentences must have the same words in the same order), and the claim
 * itself is the same: the same words, value, interval, unit, currency, rate,
 * modality, role and direction.
 */
#ifndef FACTCHECK_COPIES_H
#define FACTCHECK_COPIES_H

#include "claim.h"
#include "doc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define FC_COPY_JACCARD 0.8
#define FC_COPY_MIN_WORDS 6

/* Fills first[k] (claims->n entries) with the index of the first appearance of
 * claim k: k itself for an original, else the earliest claim of another document
 * it repeats. Each document holds at most one appearance of an original. Claims
 * whose document or sentence text is unavailable are originals.
 * Errors: FC_ENOMEM (first then maps every claim to itself). */
FC_API fc_status fc_copies_find(const fc_claims *claims, const fc_doc *const *docs, size_t ndocs,
                                size_t *first);

#ifdef __cplusplus
}
#endif
#endif
