/* fuzz_doc.c - libFuzzer target: the document readers (text and its front
 * matter, HTML pages, JSON Lines records).
 *
 * The bytes are parsed as a document (fc_doc_parse); beyond the sanitizers, the
 * loader's promises are checked: the original bytes are kept unchanged, the body
 * starts inside the text, front matter values are non-empty, and fc_doc_linecol
 * agrees with counting newlines by hand. The same bytes are then read as an
 * HTML page (fc_doc_parse_html) and as one JSON Lines record
 * (fc_doc_parse_record): no NUL in the text made, metadata never empty, the
 * line map right, a refusal always with a message. */
#include <stdint.h>
#include <string.h>

#include "factcheck/doc.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Line and column of offset (clamped to len) by counting from the start. */
static void linecol_by_hand(const char *text, size_t len, size_t offset, unsigned *line,
                            unsigned *col)
{
    if (offset > len)
        offset = len;
    size_t l = 1, start = 0;
    for (size_t i = 0; i < offset; i++)
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = (unsigned)l;
    *col = (unsigned)(offset - start + 1);
}

static void check_linecol(const fc_doc *doc, size_t offset)
{
    unsigned line, col, want_line, want_col;
    fc_doc_linecol(doc, offset, &line, &col);
    linecol_by_hand(doc->text, doc->len, offset, &want_line, &want_col);
    if (line != want_line || col != want_col)
        fuzz_fail("fc_doc_linecol(%zu) = %u:%u, expected %u:%u", offset, line, col, want_line,
                  want_col);
}

/* A document made by a reader (HTML, JSON Lines): its text is NUL-terminated
 * with no NUL inside, its body is 0, its metadata non-empty, its line map right;
 * a refusal has no document and a message. Frees the document. */
static void check_made(const char *what, fc_status st, fc_doc *doc, fc_diag *diag)
{
    if (st != FC_OK) {
        if (doc || !diag->message[0] || st == FC_ENOMEM)
            fuzz_fail("%s: refused without a message: %s", what, fc_status_str(st));
        return;
    }
    if (!doc || !doc->path || strlen(doc->text) != doc->len || doc->body != 0)
        fuzz_fail("%s: the text has a NUL inside or a body offset", what);
    const char *fields[] = {doc->outlet, doc->title, doc->published,
                            doc->url,    doc->language, doc->author};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i] && !fields[i][0])
            fuzz_fail("%s: metadata value %zu is empty", what, i);
    size_t offsets[] = {0, doc->len / 2, doc->len, doc->len + 3};
    for (size_t i = 0; i < sizeof offsets / sizeof *offsets; i++)
        check_linecol(doc, offsets[i]);
    fc_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fc_doc *doc = NULL;
    fc_diag diag = {0};
    fc_status st = fc_doc_parse("fuzz.md", (const char *)data, size, &doc, &diag);
    if (st != FC_OK) {
        /* Only a NUL byte makes small input unusable; the message must say so. */
        if (doc || st != FC_EFORMAT || !memchr(data, '\0', size) || !diag.message[0])
            fuzz_fail("fc_doc_parse failed unexpectedly: %s", fc_status_str(st));
        return 0;
    }
    if (doc->len != size || memcmp(doc->text, data, size) != 0 || doc->text[size] != '\0')
        fuzz_fail("the document's bytes differ from the input");
    if (doc->body > doc->len)
        fuzz_fail("body offset %zu past the end (%zu)", doc->body, doc->len);
    if (doc->nlines < 1 || doc->line_starts[0] != 0)
        fuzz_fail("line map does not start at offset 0");
    const char *fields[] = {doc->outlet, doc->title, doc->published,
                            doc->url,    doc->language, doc->author};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i] && (!fields[i][0] || strlen(fields[i]) > doc->body))
            fuzz_fail("front matter value %zu is empty or longer than the front matter", i);

    size_t offsets[] = {0, doc->body, size / 3, size / 2, size > 0 ? size - 1 : 0, size,
                        size + 7};
    for (size_t i = 0; i < sizeof offsets / sizeof *offsets; i++)
        check_linecol(doc, offsets[i]);
    fc_doc_free(doc);
    check_made("HTML", fc_doc_parse_html("fuzz.html", (const char *)data, size, &doc, &diag),
               doc, &diag);
    check_made("record", fc_doc_parse_record("fuzz.jsonl", 3, (const char *)data, size, &doc, &diag),
               doc, &diag);
    return 0;
}
