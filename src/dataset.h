/* dataset.h - reference figures from CSV files (in datasets/), each row with
 * its source (private). */
#ifndef FC_DATASET_H
#define FC_DATASET_H

#include <stddef.h>

#include "factcheck/status.h"
#include "util.h"

/* A file read, with the SHA-256 of its bytes (for the report's provenance). */
typedef struct fc_data_file {
    char *path;
    char sha256[FC_SHA256_HEX];
} fc_data_file;

typedef struct fc_data_files {
    fc_data_file *items;
    size_t n, cap;
} fc_data_files;

typedef struct fc_ref_row {
    char *key, *measure;
    double value, low, high;         /* NAN when empty; low/high from the bounds */
    char *period_start, *period_end; /* "YYYY", "YYYY-MM" or "YYYY-MM-DD"; may be "" */
    char *publisher, *title, *published, *url;
    const char *file; /* the dataset it came from (owned by the set) */
} fc_ref_row;

typedef struct fc_dataset {
    char **files;
    size_t nfiles, cap_files;
    fc_ref_row *rows;
    size_t n, cap;
    fc_data_files read; /* each file read, with its digest */
} fc_dataset;

/* Reads an RFC 4180 CSV file with a header row naming at least key, measure,
 * value, low, high, period_start, period_end, publisher, title, published, url,
 * and appends its rows to set. Errors: FC_EIO, FC_EFORMAT (diag names the file
 * and line), FC_ENOMEM. */
fc_status fc_dataset_load(fc_dataset *set, const char *path, fc_diag *diag);

void fc_dataset_clear(fc_dataset *set);

/* A dated event a text may count from ("the inauguration", 2025-01-20): the
 * phrases that name it, and its source. From an events CSV with the columns
 * key, date, phrases ("a|b|c"), publisher, title, published, url. */
typedef struct fc_event {
    char *key, *date, *phrases, *publisher, *title, *published, *url;
} fc_event;

typedef struct fc_events {
    fc_event *items;
    size_t n, cap;
    fc_data_files read; /* each file read, with its digest */
} fc_events;

fc_status fc_events_load(fc_events *set, const char *path, fc_diag *diag);
void fc_events_clear(fc_events *set);

#endif
