/* extract.h - turn a document's text into claim records. */
#ifndef FACTCHECK_EXTRACT_H
#define FACTCHECK_EXTRACT_H

#include "claim.h"
#include "doc.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Appends to out every quantitative claim found in doc's body, in text order.
 * doc_index is stored in each claim's doc field. Errors: FC_ENOMEM (claims
 * appended before the failure stay in out). */
FC_API fc_status fc_extract(const fc_rules *rules, const fc_doc *doc, size_t doc_index,
                            fc_claims *out);

#ifdef __cplusplus
}
#endif
#endif
