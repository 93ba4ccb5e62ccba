/* report_internal.h - the writers behind fc_report_write (private). */
#ifndef FC_REPORT_INTERNAL_H
#define FC_REPORT_INTERNAL_H

#include "factcheck/report.h"

fc_status fc_report_text(FILE *out, const fc_corpus *corpus, fc_report_kind kind);
fc_status fc_report_json(FILE *out, const fc_corpus *corpus, fc_report_kind kind);
fc_status fc_report_jsonl(FILE *out, const fc_corpus *corpus, fc_report_kind kind);

/* The quoted expression of a claim, copied from its document ("some 110,000"). */
char *fc_claim_text(const fc_corpus *corpus, const fc_claim *claim);

#endif
