/* keep.h - kept documents read back from a claims file, and their words pruned
 * to what a run asks (private). */
#ifndef FC_KEEP_H
#define FC_KEEP_H

#include "factcheck/doc.h"

/* A kept document of len bytes (body where its body starts) holding copies of
 * spans (sorted, disjoint) and words; the metadata are left for the caller.
 * Errors: FC_ENOMEM. */
fc_status fc_doc_kept_new(const char *path, size_t len, size_t body, const fc_doc_span *spans,
                          size_t nspans, const char *const *words, size_t nwords, unsigned cues,
                          fc_doc **out);

/* Keeps of each kept document among docs (others are left alone) only the
 * words that the keys of the claims can ask about (fc_doc_mentions, as the
 * checks ask it): a run's checks ask nothing else, so this frees what no check
 * reads. A document's answers to any other question change. Errors: FC_ENOMEM
 * (the documents are then whole or pruned, each as it was or kept right). */
fc_status fc_docs_keep_asked(fc_doc *const *docs, size_t ndocs, const fc_claims *claims);

#endif
