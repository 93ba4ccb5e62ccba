/* check_internal.h - what the check modules share (private). Each check reads
 * the claims and appends findings; check.c runs them in turn. */
#ifndef FC_CHECK_INTERNAL_H
#define FC_CHECK_INTERNAL_H

#include "factcheck/check.h"
#include "util.h"

typedef struct fc_check_ctx {
    const fc_rules *rules;
    const fc_claims *claims;
    const fc_doc *const *docs;
    size_t ndocs;
    fc_findings *out;
    /* Indices into claims: by document then position, and by measure (claims
     * with a measure only), so checks look at one document or one measure
     * instead of every claim. */
    const size_t *by_doc;
    size_t *doc_from; /* ndocs + 1 entries: the claims of doc d are by_doc[doc_from[d] ..
                         doc_from[d + 1]) */
    const size_t *by_measure;
    size_t nby_measure;
    const size_t *pos; /* pos[k]: where claim k stands in by_doc */
} fc_check_ctx;

/* The range [*from, *to) of x->by_doc holding the claims of claim k's document
 * whose sentence is at most `before` sentences before k's and `after` after it
 * (the scan costs the size of that window, not of the document). */
void fc_check_near(const fc_check_ctx *x, size_t k, size_t before, size_t after, size_t *from,
                   size_t *to);

/* The range [*from, *to) of x->by_doc holding the claims of document doc. */
static inline void fc_check_doc_range(const fc_check_ctx *x, size_t doc, size_t *from, size_t *to)
{
    *from = doc < x->ndocs ? x->doc_from[doc] : 0;
    *to = doc < x->ndocs ? x->doc_from[doc + 1] : 0;
}

/* The range [*from, *to) of x->by_measure holding the claims on measure key. */
void fc_check_measure_range(const fc_check_ctx *x, const char *key, size_t *from, size_t *to);

/* The document of a claim, or NULL. */
static inline const fc_doc *fc_check_doc(const fc_check_ctx *x, const fc_claim *c)
{
    return c->doc < x->ndocs ? x->docs[c->doc] : NULL;
}

/* Adds a named number to a finding (ignored when not finite or when full). */
void fc_check_add_num(fc_finding *f, const char *name, double v);

/* Appends f (taking ownership of its arrays and message), giving it a stable id.
 * Errors: FC_ENOMEM (f is freed). */
fc_status fc_check_push(fc_findings *out, const fc_claims *claims, fc_finding *f);

/* "Harbor City Ledger, citing Pew, says approximately 110,000 [99,000, 121,000]" */
void fc_check_describe(fc_strbuf *sb, const fc_doc *d, const fc_claim *c);

/* The checks besides cross_source (check_relation.c, check_poll.c). */
fc_status fc_check_percent_points(const fc_check_ctx *x);
fc_status fc_check_polls(const fc_check_ctx *x);
fc_status fc_check_targets(const fc_check_ctx *x);
fc_status fc_check_shares(const fc_check_ctx *x);
fc_status fc_check_rates(const fc_check_ctx *x);
fc_status fc_check_dates(const fc_check_ctx *x);
fc_status fc_check_multiples(const fc_check_ctx *x);
fc_status fc_check_part_sums(const fc_check_ctx *x);
fc_status fc_check_reference(const fc_check_ctx *x); /* check_reference.c */

/* The months a claim can be about, [lo, hi] in months since year 0: its stated
 * period, else the month of publication and the one before; false when unknown. */
bool fc_check_months(const fc_claim *c, const fc_doc *d, long *lo, long *hi);

/* The months of a period text ("2022", "2025-01-23", "2025-01/2025-02"). */
bool fc_check_period_months(const char *p, long *lo, long *hi);

#endif
