/* test_doc.c - documents: front matter, offsets, bad input. */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"

static fc_doc *parse(const char *text)
{
    fc_doc *doc = NULL;
    cr_assert_eq(fc_doc_parse("t.md", text, strlen(text), &doc, NULL), FC_OK);
    return doc;
}

Test(doc, reads_front_matter_fields)
{
    fc_doc *d = parse("---\noutlet: Harbor City Ledger\ntitle: \"A title: with colon\"\n"
                      "published: 2025-02-10\nurl: https://example.org/a\nlanguage: en\n"
                      "author: Dana\n---\nBody 12 here.\n");
    cr_assert_str_eq(d->outlet, "Harbor City Ledger");
    cr_assert_str_eq(d->title, "A title: with colon");
    cr_assert_str_eq(d->published, "2025-02-10");
    cr_assert_str_eq(d->url, "https://example.org/a");
    cr_assert_str_eq(d->language, "en");
    cr_assert_str_eq(d->author, "Dana");
    /* The body starts right after the closing fence: offsets are of the original file. */
    cr_assert_eq(strncmp(d->text + d->body, "Body 12", 7), 0);
    fc_doc_free(d);
}

Test(doc, without_front_matter_body_is_whole_text)
{
    fc_doc *d = parse("Just text, 5 words.\n");
    cr_assert_eq(d->body, 0);
    cr_assert_null(d->outlet);
    fc_doc_free(d);
}

Test(doc, unclosed_front_matter_is_body)
{
    fc_doc *d = parse("---\noutlet: X\nno closing fence here\n");
    cr_assert_eq(d->body, 0);
    cr_assert_null(d->outlet);
    fc_doc_free(d);
}

Test(doc, crlf_and_bom_are_handled)
{
    fc_doc *d = parse("\xEF\xBB\xBF---\r\noutlet: Wire\r\n---\r\nText.\r\n");
    cr_assert_str_eq(d->outlet, "Wire");
    cr_assert_eq(strncmp(d->text + d->body, "Text.", 5), 0);
    fc_doc_free(d);
}

Test(doc, nul_bytes_are_refused_with_the_offset)
{
    fc_doc *doc = NULL;
    fc_diag diag = {0};
    const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    cr_assert_eq(fc_doc_parse("img.png", bin, sizeof bin - 1, &doc, &diag), FC_EFORMAT);
    cr_assert_null(doc);
    cr_assert_str_eq(diag.file, "img.png");
    cr_assert_str_eq(diag.message, "binary file (NUL byte at offset 8); not a text document");
}

Test(doc, empty_file_is_a_document_with_no_text)
{
    fc_doc *d = parse("");
    cr_assert_eq(d->len, 0);
    cr_assert_eq(d->body, 0);
    fc_doc_free(d);
}

Test(doc, missing_file_names_the_file)
{
    fc_doc *doc = NULL;
    fc_diag diag = {0};
    cr_assert_eq(fc_doc_load("/nonexistent/x.md", &doc, &diag), FC_EIO);
    char msg[1100];
    cr_assert_str_eq(fc_diag_format(&diag, msg, sizeof msg),
                     "/nonexistent/x.md: cannot open: No such file or directory");
}

Test(doc, line_and_column_count_from_one)
{
    fc_doc *d = parse("ab\ncd\n\nxyz");
    unsigned line, col;
    fc_doc_linecol(d, 0, &line, &col);
    cr_assert(line == 1 && col == 1);
    fc_doc_linecol(d, 4, &line, &col); /* 'd' */
    cr_assert(line == 2 && col == 2);
    fc_doc_linecol(d, 8, &line, &col); /* 'y' */
    cr_assert(line == 4 && col == 2, "got %u:%u", line, col);
    fc_doc_free(d);
}

Test(doc, free_null_is_harmless)
{
    fc_doc_free(NULL);
}
