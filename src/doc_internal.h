/* doc_internal.h - document loading as the corpus needs it (private). */
#ifndef FC_DOC_INTERNAL_H
#define FC_DOC_INTERNAL_H

#include <stdbool.h>

#include "factcheck/doc.h"

/* fc_doc_load, and when regular_only, anything but a regular file (a FIFO, a
 * device, a folder) is refused with FC_EIO without waiting on it: a file found
 * in a folder may have been replaced by one of those since it was listed. */
fc_status fc_doc_load_file(const char *path, bool regular_only, fc_doc **out, fc_diag *diag);

/* Builds a document around text (len bytes and room for one more), which it
 * takes over (freed here on failure): no front matter is looked for, the body
 * starts at 0 and the metadata are left for the caller to set (HTML, JSON
 * Lines). Errors: FC_EFORMAT (longer than FC_DOC_MAX_BYTES), FC_ENOMEM. */
fc_status fc_doc_take_plain(const char *path, char *text, size_t len, fc_doc **out, fc_diag *diag);

/* Readies the HTML parser (libxml2) for use on several threads; call once
 * before loading HTML documents in parallel. */
void fc_html_init(void);

/* Reads the JSON Lines file at path ("-": standard input) a line at a time and
 * calls record(ctx, line, doc, error) for each line that is not blank: with a
 * new document (the callee owns it) and error NULL, or with doc NULL and a
 * message naming file:line. A line is never held beyond FC_DOC_MAX_BYTES; a
 * NUL byte ends the file (one error for the rest). regular_only as for
 * fc_doc_load_file. Returns FC_OK once the file is read, else the error that
 * stopped it (diag naming the file: FC_EIO, FC_ENOMEM), or what record returned
 * when it was not FC_OK. *nrecords counts the calls. */
typedef fc_status (*fc_record_fn)(void *ctx, size_t line, fc_doc *doc, const char *error);
fc_status fc_jsonl_read(const char *path, bool regular_only, fc_record_fn record, void *ctx,
                        size_t *nrecords, fc_diag *diag);

#endif
