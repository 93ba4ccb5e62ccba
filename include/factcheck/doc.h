/* doc.h - a news document: its original bytes and its front matter.
 *
 * factcheck keeps the original bytes of every file it reads, so every claim can
 * point back at the exact span (UTF-8 byte offsets into the original file).
 * Optional YAML-style front matter ("---" lines around "key: value" lines) gives
 * the outlet, title, publication date, URL, language and author.
 */
#ifndef FACTCHECK_DOC_H
#define FACTCHECK_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fc_doc {
    char *path;  /* as given by the caller ("-" for standard input) */
    char *text;  /* the original bytes, with a NUL added after the last one */
    size_t len;  /* number of original bytes */
    size_t body; /* offset of the first byte after the front matter */
    /* Front matter values; NULL when absent. */
    char *outlet;
    char *title;
    char *published; /* as written, normally YYYY-MM-DD */
    char *url;
    char *language;
    char *author;
    /* Offsets where lines start (line_starts[0] = 0), for fc_doc_linecol. */
    size_t *line_starts;
    size_t nlines;
} fc_doc;

/* Largest document factcheck reads (bytes); larger files are refused with FC_EFORMAT. */
#define FC_DOC_MAX_BYTES ((size_t)1 << 30)

/* Reads the file at path ("-" reads standard input) and parses it with fc_doc_parse.
 * On success *out owns a new document (free it with fc_doc_free). Any kind of
 * file is read (a pipe, a device), but never more than FC_DOC_MAX_BYTES of it,
 * and the read stops at the first NUL byte: /dev/zero costs one block.
 * Errors: FC_EIO (cannot open or read; a folder), FC_EFORMAT (binary: NUL bytes;
 * too large), FC_ENOMEM. diag (may be NULL) names the file. */
FC_API fc_status fc_doc_load(const char *path, fc_doc **out, fc_diag *diag);

/* Builds a document from len bytes at buf (copied). path is recorded as given. */
FC_API fc_status fc_doc_parse(const char *path, const char *buf, size_t len, fc_doc **out,
                              fc_diag *diag);

/* Frees a document; fc_doc_free(NULL) does nothing. */
FC_API void fc_doc_free(fc_doc *doc);

/* The 1-based line and column (in bytes) of a byte offset in the document. */
FC_API void fc_doc_linecol(const fc_doc *doc, size_t offset, unsigned *line, unsigned *col);

#ifdef __cplusplus
}
#endif
#endif
