/* report.h - write a corpus's inputs, claims and findings in a chosen format. */
#ifndef FACTCHECK_REPORT_H
#define FACTCHECK_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum fc_format {
    FC_FORMAT_TEXT,        /* the readable report */
    FC_FORMAT_JSON,        /* one JSON object (schema/report.schema.json) */
    FC_FORMAT_JSONL,       /* one JSON object a line, each with a "type" */
    FC_FORMAT_CSV,         /* RFC 4180 CSV: one row per input, claim and finding */
    FC_FORMAT_CLAIMREVIEW, /* schema.org ClaimReview JSON-LD, one per finding */
    FC_FORMAT_HTML,        /* one self-contained HTML page */
    FC_FORMAT_SQLITE       /* a SQLite database, each run appended (fc_report_write_db) */
} fc_format;

/* What to write: the whole report, or only the claims. */
typedef enum fc_report_kind { FC_REPORT_FULL, FC_REPORT_CLAIMS } fc_report_kind;

typedef struct fc_report_options {
    fc_format format;
    fc_report_kind kind;
    bool color; /* text format: ANSI colours for severities and errors */
    bool hide_settled; /* leave out findings the desk has decided (fc_corpus_set_decisions);
                          stale decisions are still reported */
    bool list_claims;  /* text format: list every claim under its document (the full
                          report otherwise lists the inputs only, after the findings) */
    const fc_rules *rules; /* the rules of the run, for the provenance header: the rule
                              files, datasets and events files with their SHA-256
                              (fc_rules_file_at); NULL: no provenance is written */
} fc_report_options;

/* The version of the JSON report's shape (its "version" field); raised when a
 * field changes meaning or goes away, not when one is added. */
#define FC_REPORT_VERSION "1.0"

/* Parses a format name ("text", "json", "jsonl", "csv", "claimreview", "html", "sqlite");
 * FC_EINVAL when unknown. */
FC_API fc_status fc_format_parse(const char *name, fc_format *out);

/* The names fc_format_parse accepts, separated by ", " (for messages). */
FC_API const char *fc_format_names(void);

/* Writes the report to out. Errors: FC_ENOMEM, FC_EIO (a write failed),
 * FC_EINVAL (FC_FORMAT_SQLITE: a database is a file, see fc_report_write_db). */
FC_API fc_status fc_report_write(FILE *out, const fc_corpus *corpus,
                                 const fc_report_options *options);

/* What one rule set finds that another does not (`factcheck diff`): over the
 * same inputs, checked under rule set A (corpus a) and rule set B (corpus b),
 * the findings of b whose fingerprint a lacks ("gained") and those of a that b
 * lacks ("lost"), each in its corpus's order; name_a and name_b say which rule
 * sets they were (file names). format: FC_FORMAT_TEXT (color as for the text
 * report) or FC_FORMAT_JSON (docs/reports.md, "diff"); others FC_EINVAL. The
 * counts go to *gained and *lost (either may be NULL). Errors: FC_ENOMEM, FC_EIO,
 * FC_EINVAL. */
FC_API fc_status fc_report_diff(FILE *out, const fc_corpus *a, const fc_corpus *b,
                                const char *name_a, const char *name_b, fc_format format,
                                bool color, size_t *gained, size_t *lost);
/* Appends the run to the SQLite database at path (created when missing; the
 * tables of docs/sqlite.md): a new row of runs, and the run's documents, claims,
 * findings and the claims of each finding, all referring to it. Nothing is
 * written unless all of it is (one transaction). options->format is ignored.
 * path ":memory:" is SQLite's database in memory, dropped when the call returns.
 * Errors: FC_EIO (diag names the file and says why: not a database, a table of
 * another shape, a write that failed), FC_ENOMEM. */
FC_API fc_status fc_report_write_db(const char *path, const fc_corpus *corpus,
                                    const fc_report_options *options, fc_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
