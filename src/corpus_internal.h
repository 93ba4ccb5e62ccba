/* corpus_internal.h - what the claims-file reader hands the corpus (private). */
#ifndef FC_CORPUS_INTERNAL_H
#define FC_CORPUS_INTERNAL_H

#include "factcheck/corpus.h"

/* Marks the corpus as one read from claims files: fc_corpus_extract then puts
 * the inputs in folder order and ties each claim to its input. */
void fc_corpus_claims_begin(fc_corpus *corpus);

/* Appends an input record (taking its strings and document); where names the
 * line (FILE:LINE) for errors. Errors: FC_ENOMEM. */
fc_status fc_corpus_take_input(fc_corpus *corpus, fc_input *in, const char *where);

/* Appends a claim (taking its strings) of the input named doc. Errors: FC_ENOMEM. */
fc_status fc_corpus_take_claim(fc_corpus *corpus, fc_claim *claim, const char *doc,
                               const char *where);

/* Appends an input named name that failed with message (shown as "name: message").
 * Errors: FC_ENOMEM. */
fc_status fc_corpus_take_error(fc_corpus *corpus, const char *name, const char *message);

#endif
