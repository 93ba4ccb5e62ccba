/* report.h - write a corpus's inputs, claims and findings in a chosen format. */
#ifndef FACTCHECK_REPORT_H
#define FACTCHECK_REPORT_H

#include <stdio.h>

#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fc_format {
    FC_FORMAT_TEXT, /* the readable report */
    FC_FORMAT_JSON, /* one JSON object */
    FC_FORMAT_JSONL /* one JSON object a line, each with a "type" */
} fc_format;

/* What to write: the whole report, or only the claims. */
typedef enum fc_report_kind { FC_REPORT_FULL, FC_REPORT_CLAIMS } fc_report_kind;

/* Parses a format name ("text", "json", "jsonl"); FC_EINVAL when unknown. */
FC_API fc_status fc_format_parse(const char *name, fc_format *out);

/* Writes the report to out. Errors: FC_ENOMEM, FC_EIO (a write failed). */
FC_API fc_status fc_report_write(FILE *out, const fc_corpus *corpus, fc_format format,
                                 fc_report_kind kind);

#ifdef __cplusplus
}
#endif
#endif
