/* claim_internal.h - claim-list helpers shared by the checks and the reports
 * (not public API). */
#ifndef FC_CLAIM_INTERNAL_H
#define FC_CLAIM_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "factcheck/claim.h"
#include "lex.h"

/* 64-bit FNV-1a hash of n bytes, continuing from seed (0: a fresh hash); ids
 * are made with it, so that millions of claims do not share one. */
uint64_t fc_hash64(const void *data, size_t n, uint64_t seed);

/* Frees a claim's strings (not the claim). */
void fc_claim_free_strings(fc_claim *c);

/* Writes an id into id (FC_ID_SIZE bytes): kind ('c' claim, 'f' finding) and
 * 16 hex digits of h, put through MurmurHash3's 64-bit finaliser. */
void fc_id_format(char *id, char kind, uint64_t h);

/* fc_hash64 of text[from, to) with its white space normalised: a run of
 * spaces, tabs and line breaks between words counts as one space, and none
 * counts at either end, so rewrapping a line changes nothing. */
uint64_t fc_hash64_words(const char *text, size_t from, size_t to, uint64_t seed);

/* Whether a[afrom, ato) and b[bfrom, bto) are the same text once white space
 * is normalised as fc_hash64_words does. */
bool fc_words_equal(const char *a, size_t afrom, size_t ato, const char *b, size_t bfrom,
                    size_t bto);

/* Claim ids (docs/claim-record.md) rest on what the claim says, never on where
 * it is, so an edit elsewhere in the document keeps them:
 *   sentence seed = hash(path hash, "\n", the sentence's words, "#", n) where n
 *                   counts the earlier sentences of the document with the same
 *                   words (and at least one claim), from 0;
 *   claim id      = hash(sentence seed, "\n", the claim's words, "#", k) where k
 *                   counts the earlier claims of its sentence with the same words.
 * path_hash is fc_hash64 of the document's path as given. The first step,
 * fc_claim_sentence_words, hashes the sentence's tokens (each by its lowercased
 * hash and length, as the lexer gave them: spacing and case do not count), which
 * is cheaper than its bytes again. */
uint64_t fc_claim_sentence_words(uint64_t path_hash, const fc_tok *toks, size_t n);
uint64_t fc_claim_sentence_seed(uint64_t words, size_t occurrence);
void fc_claim_make_id(char *id, uint64_t sentence_seed, const char *text, size_t from, size_t to,
                      size_t occurrence);

/* The indices of the claims that have a measure, sorted by measure and then by
 * index (claims are in input and text order, so each measure's claims come out
 * in that order). *idx is malloc'd (the caller frees it), *n its length.
 * Errors: FC_ENOMEM. */
fc_status fc_claims_by_measure(const fc_claims *claims, size_t **idx, size_t *n);

#endif
