/* keep.h - kept documents read back from a claims file (private). */
#ifndef FC_KEEP_H
#define FC_KEEP_H

#include "factcheck/doc.h"

/* A kept document of len bytes (body where its body starts) holding copies of
 * spans (sorted, disjoint) and words; the metadata are left for the caller.
 * Errors: FC_ENOMEM. */
fc_status fc_doc_kept_new(const char *path, size_t len, size_t body, const fc_doc_span *spans,
                          size_t nspans, const char *const *words, size_t nwords, unsigned cues,
                          fc_doc **out);

#endif
