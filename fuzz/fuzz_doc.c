/* fuzz_doc.c - libFuzzer target: the document loader and its front matter.
 *
 * The bytes are parsed as a document (fc_doc_parse); beyond the sanitizers, the
 * loader's promises are checked: the original bytes are kept unchanged, the body
 * starts inside the text, front matter values are non-empty, and fc_doc_linecol
 * agrees with counting newlines by hand. */
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
    return 0;
}
