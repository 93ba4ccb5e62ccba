/* doc.h - a news document: its text and its metadata.
 *
 * Three kinds of input make documents (docs/corpus.md):
 *  - text (.md, .txt): the original bytes are kept, so every claim points back
 *    at the exact span (UTF-8 byte offsets into the original file). Optional
 *    YAML-style front matter ("---" lines around "key: value" lines) gives the
 *    outlet, title, publication date, URL, language and author.
 *  - HTML (.html, .htm): the article's text, extracted with libxml2's HTML
 *    parser, is the document's text; offsets refer to that extracted text. The
 *    metadata come from <meta> tags and JSON-LD.
 *  - JSON Lines (.jsonl): each record (line) is one document; its "text" is the
 *    document's text, and offsets refer to it.
 */
#ifndef FACTCHECK_DOC_H
#define FACTCHECK_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "claim.h"
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A kept stretch of a document's text: len bytes from offset start, with a NUL
 * after them; start is at line line, column col (from 1, col in bytes). */
typedef struct fc_doc_span {
    size_t start, len;
    const char *text;
    unsigned line, col;
} fc_doc_span;

/* What the checks ask of a whole document's text (fc_doc_cues). */
enum {
    FC_CUE_OPT_IN = 1,   /* "opt-in", "online panel", "nonprobability" ... */
    FC_CUE_PANEL = 2,    /* "same respondents", "re-interviewed" ... */
    FC_CUE_WEIGHTED = 4  /* "weighted", "weighting" */
};

typedef struct fc_doc {
    char *path;  /* as given by the caller ("-" for standard input) */
    char *text;  /* the original bytes, with a NUL added after the last one; NULL
                    for a kept document (fc_doc_keep) */
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
    /* A kept document (fc_doc_keep, or one read back from a claims file): text
     * and line_starts are NULL, and what the checks and reports read of it is
     * here: the stretches of text around its claims (sorted, disjoint, each
     * from and to white space), the distinct words of its body that start
     * outside them (lower case, from the start of a word to the next white
     * space) with each word followed by a number ("ward\x1f3"), sorted, and
     * the cues of its whole text. */
    fc_doc_span *spans;
    size_t nspans;
    char **words;
    size_t nwords;
    unsigned cues;
    char *kept; /* owns the spans' and words' bytes */
} fc_doc;

/* How an input is read. FC_DOC_AUTO: by its name (fc_doc_format_of). */
typedef enum fc_doc_format { FC_DOC_AUTO, FC_DOC_TEXT, FC_DOC_HTML, FC_DOC_JSONL } fc_doc_format;

/* The reader a file name calls for: FC_DOC_TEXT for *.md and *.txt, FC_DOC_HTML
 * for *.html and *.htm, FC_DOC_JSONL for *.jsonl (in any case: ".HTML" too);
 * FC_DOC_AUTO for any other name (no document type factcheck knows). */
FC_API fc_doc_format fc_doc_format_of(const char *path);

/* "auto", "text", "html", "jsonl" to the format (FC_OK), else FC_EINVAL; and back. */
FC_API fc_status fc_doc_format_parse(const char *name, fc_doc_format *out);
FC_API const char *fc_doc_format_name(fc_doc_format format);

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

/* Builds a document from an HTML page of len bytes at buf: the article's text
 * (the <article> element with the most text, else <main>, else <body>; script,
 * style, nav, header, footer, aside, form and the like left out; block elements
 * as paragraphs separated by blank lines; entities decoded) becomes the text,
 * and the metadata come from JSON-LD (a NewsArticle's headline, datePublished,
 * publisher.name, author, url, inLanguage), then <meta> tags (og:title,
 * og:site_name, article:published_time, author, ...), then <title>, <html
 * lang> and <link rel=canonical>. path is recorded as given.
 * Errors: FC_EFORMAT (NUL bytes; too large; not parsable), FC_ENOMEM. */
FC_API fc_status fc_doc_parse_html(const char *path, const char *buf, size_t len, fc_doc **out,
                                   fc_diag *diag);

/* Builds a document from one JSON Lines record of len bytes at buf: a JSON
 * object with a string "text" (or, without "text", a string "html", read as
 * fc_doc_parse_html does) and optional strings "outlet", "title", "url",
 * "published", "language", "author" (null is absent), and "id" (a string or an
 * integer). The document is named by its id when it has one, else
 * "file:line". Unknown fields are ignored.
 * Errors: FC_EFORMAT (not JSON, not an object, no text, a field of the wrong
 * type, a NUL character), diag naming file:line; FC_ENOMEM. */
FC_API fc_status fc_doc_parse_record(const char *file, size_t line, const char *buf, size_t len,
                                     fc_doc **out, fc_diag *diag);

/* The bytes [from, to) of the document's text, or NULL when the document does
 * not hold them (a kept document holds the stretches around its claims only). */
FC_API const char *fc_doc_bytes(const fc_doc *doc, size_t from, size_t to);

/* Whether the body has a word starting with w[0..n) (ASCII case ignored; a word
 * starts where no letter or digit comes before). With rest (m bytes): whether
 * the word w[0..n) itself is followed by spaces or hyphens and then rest, which
 * no letter or digit follows ("Ward 3", "Ward-3", not "Ward 35"); rest starts
 * with a digit. A kept document answers from its words. */
FC_API bool fc_doc_mentions(const fc_doc *doc, const char *w, size_t n, const char *rest,
                            size_t m);

/* The FC_CUE_ bits of the document's text (its cues field when it is kept). */
FC_API unsigned fc_doc_cues(const fc_doc *doc);

/* Keeps of doc only what the checks and reports read around its n claims (its
 * claims, as fc_extract found them), its words and its cues, and frees its text
 * and line starts. Errors: FC_ENOMEM (doc is then unchanged). */
FC_API fc_status fc_doc_keep(fc_doc *doc, const fc_claim *claims, size_t n);

/* Frees a document; fc_doc_free(NULL) does nothing. */
FC_API void fc_doc_free(fc_doc *doc);

/* The 1-based line and column (in bytes) of a byte offset in the document. A
 * kept document answers for an offset in its stretches (a claim's), else gives
 * 0 and 0. */
FC_API void fc_doc_linecol(const fc_doc *doc, size_t offset, unsigned *line, unsigned *col);

#ifdef __cplusplus
}
#endif
#endif
