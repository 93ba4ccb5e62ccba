/* factcheck.h - the public API of libfactcheck, in one include.
 *
 * Pipeline: documents (doc.h) are gathered into a corpus (corpus.h), their claims
 * extracted (extract.h, claim.h) under rules (rules.h), checked (check.h), and
 * written out (report.h).
 */
#ifndef FACTCHECK_H
#define FACTCHECK_H

#include "factcheck/check.h"
#include "factcheck/claim.h"
#include "factcheck/copies.h"
#include "factcheck/corpus.h"
#include "factcheck/decisions.h"
#include "factcheck/doc.h"
#include "factcheck/explain.h"
#include "factcheck/extract.h"
#include "factcheck/report.h"
#include "factcheck/rules.h"
#include "factcheck/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, e.g. "0.1.0". */
FC_API const char *fc_version(void);

#ifdef __cplusplus
}
#endif
#endif
