/* doc.c - reading documents and their YAML-style front matter.
 *
 * The original bytes are kept unchanged; the front matter is parsed into fields
 * and the body offset records where the text proper starts, so every offset the
 * extractor reports is an offset into the original file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_internal.h"
#include "factcheck/doc.h"
#include "util.h"

static const char *skip_bom(const char *p, const char *end)
{
    if (end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        return p + 3;
    return p;
}

/* The line starting at p: returns its end (before "\r\n" or "\n"), sets *next. */
static const char *line_end(const char *p, const char *end, const char **next)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    *next = nl ? nl + 1 : end;
    if (e > p && e[-1] == '\r')
        e--;
    return e;
}

static bool is_fence(const char *p, const char *e)
{
    while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    return e - p == 3 && memcmp(p, "---", 3) == 0;
}

static char **field_slot(fc_doc *doc, const char *key, size_t n)
{
    static const struct {
        const char *name;
        size_t off;
    } fields[] = {
        {"outlet", offsetof(fc_doc, outlet)},       {"title", offsetof(fc_doc, title)},
        {"published", offsetof(fc_doc, published)}, {"url", offsetof(fc_doc, url)},
        {"language", offsetof(fc_doc, language)},   {"author", offsetof(fc_doc, author)},
    };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (strlen(fields[i].name) == n && fc_ieq(fields[i].name, key, n))
            return (char **)((char *)doc + fields[i].off);
    return NULL;
}

/* Trims spaces and one pair of matching quotes. */
static void trim_value(const char **s, const char **e)
{
    while (*s < *e && (**s == ' ' || **s == '\t'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
        (*e)--;
    if (*e - *s >= 2 && (**s == '"' || **s == '\'') && (*e)[-1] == **s) {
        (*s)++;
        (*e)--;
    }
}

/* Parses "---" ... "---" at the start of the text. Without a closing fence the
 * whole text is body: a stray "---" line must not swallow the document. */
static fc_status parse_front_matter(fc_doc *doc)
{
    const char *end = doc->text + doc->len;
    const char *p = skip_bom(doc->text, end), *next;
    doc->body = (size_t)(p - doc->text);
    const char *e = line_end(p, end, &next);
    if (!is_fence(p, e))
        return FC_OK;
    for (const char *q = next; q < end; q = next) {
        e = line_end(q, end, &next);
        if (is_fence(q, e)) {
            doc->body = (size_t)(next - doc->text);
            break;
        }
    }
    if (doc->body == (size_t)(p - doc->text))
        return FC_OK;        /* no closing fence */
    line_end(p, end, &next); /* past the opening fence */
    for (const char *l = next; l < doc->text + doc->body; l = next) {
        e = line_end(l, end, &next);
        const char *colon = e > l ? memchr(l, ':', (size_t)(e - l)) : NULL;
        if (!colon || is_fence(l, e))
            continue;
        const char *ks = l, *ke = colon;
        trim_value(&ks, &ke);
        char **slot = field_slot(doc, ks, (size_t)(ke - ks));
        if (!slot || *slot)
            continue;
        const char *vs = colon + 1, *ve = e;
        trim_value(&vs, &ve);
        if (ve > vs && !(*slot = fc_strndup(vs, (size_t)(ve - vs))))
            return FC_ENOMEM;
    }
    return FC_OK;
}

static fc_status map_lines(fc_doc *doc);

/* Builds a document around text (len bytes and room for one more), which it
 * takes over: freed here on failure. A large file is thus held once, not read
 * into one buffer and copied into another. A file's text (file: true) must hold
 * no NUL byte and may open with front matter; a page's or record's extracted
 * text has neither. */
static fc_status doc_build(const char *path, char *text, size_t len, bool file, fc_doc **out,
                           fc_diag *diag)
{
    *out = NULL;
    if (len > FC_DOC_MAX_BYTES) {
        free(text);
        fc_diag_set(diag, path, 0, 0, "%s is larger than %zu MiB; not read",
                    file ? "file" : "text", FC_DOC_MAX_BYTES >> 20);
        return FC_EFORMAT;
    }
    const char *nul = file ? memchr(text, '\0', len) : NULL;
    if (nul) {
        fc_diag_set(diag, path, 0, 0, "binary file (NUL byte at offset %zu); not a text document",
                    (size_t)(nul - text));
        free(text);
        return FC_EFORMAT;
    }
    text[len] = '\0';
    fc_doc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        free(text);
        goto nomem;
    }
    doc->text = text;
    doc->len = len;
    if (!(doc->path = fc_strdup(path)) || (file && parse_front_matter(doc) != FC_OK) ||
        map_lines(doc) != FC_OK) {
        fc_doc_free(doc);
        goto nomem;
    }
    *out = doc;
    return FC_OK;
nomem:
    fc_diag_set(diag, path, 0, 0, "out of memory");
    return FC_ENOMEM;
}

static fc_status doc_take(const char *path, char *text, size_t len, fc_doc **out, fc_diag *diag)
{
    return doc_build(path, text, len, true, out, diag);
}

fc_status fc_doc_take_plain(const char *path, char *text, size_t len, fc_doc **out, fc_diag *diag)
{
    return doc_build(path, text, len, false, out, diag);
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n > k && fc_ieq(s + n - k, suffix, k);
}

fc_doc_format fc_doc_format_of(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    if (ends_with(path, n, ".md") || ends_with(path, n, ".txt"))
        return FC_DOC_TEXT;
    if (ends_with(path, n, ".html") || ends_with(path, n, ".htm"))
        return FC_DOC_HTML;
    if (ends_with(path, n, ".jsonl"))
        return FC_DOC_JSONL;
    return FC_DOC_AUTO;
}

static const char *const format_names[] = {"auto", "text", "html", "jsonl"};

fc_status fc_doc_format_parse(const char *name, fc_doc_format *out)
{
    for (size_t i = 0; name && i < sizeof format_names / sizeof *format_names; i++)
        if (strcmp(name, format_names[i]) == 0) {
            *out = (fc_doc_format)i;
            return FC_OK;
        }
    return FC_EINVAL;
}

const char *fc_doc_format_name(fc_doc_format format)
{
    return (unsigned)format < sizeof format_names / sizeof *format_names ? format_names[format]
                                                                         : "?";
}

fc_status fc_doc_parse(const char *path, const char *buf, size_t len, fc_doc **out, fc_diag *diag)
{
    *out = NULL;
    if (len > FC_DOC_MAX_BYTES) { /* before copying it */
        fc_diag_set(diag, path, 0, 0, "file is larger than %zu MiB; not read",
                    FC_DOC_MAX_BYTES >> 20);
        return FC_EFORMAT;
    }
    char *text = fc_strndup(buf, len);
    if (!text) {
        fc_diag_set(diag, path, 0, 0, "out of memory");
        return FC_ENOMEM;
    }
    return doc_take(path, text, len, out, diag);
}

fc_status fc_doc_load_file(const char *path, bool regular_only, fc_doc **out, fc_diag *diag)
{
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    fc_status st =
        fc_read_limited(path, "document file", FC_DOC_MAX_BYTES, regular_only, &buf, &len, diag);
    if (st != FC_OK)
        return st;
    return doc_take(path, buf, len, out, diag);
}

fc_status fc_doc_load(const char *path, fc_doc **out, fc_diag *diag)
{
    return fc_doc_load_file(path, false, out, diag);
}

void fc_doc_free(fc_doc *doc)
{
    if (!doc)
        return;
    free(doc->path);
    free(doc->text);
    free(doc->outlet);
    free(doc->title);
    free(doc->published);
    free(doc->url);
    free(doc->language);
    free(doc->author);
    free(doc->line_starts);
    free(doc->spans);
    free(doc->words);
    free(doc->kept);
    free(doc);
}

/* A kept document: from the stretch that holds offset, by the line breaks in
 * it before offset. */
static void kept_linecol(const fc_doc *doc, size_t offset, unsigned *line, unsigned *col)
{
    size_t lo = 0, hi = doc->nspans; /* the last stretch starting at or before offset */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->spans[mid].start <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    *line = *col = 0;
    if (lo == 0 || offset > doc->spans[lo - 1].start + doc->spans[lo - 1].len)
        return;
    const fc_doc_span *s = &doc->spans[lo - 1];
    size_t n = offset - s->start, breaks = 0, after = 0; /* after: the last break + 1 */
    for (const char *p = s->text, *end = s->text + n;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        breaks++;
        after = (size_t)(p + 1 - s->text);
    }
    *line = s->line + (unsigned)breaks;
    *col = breaks ? (unsigned)(n - after + 1) : s->col + (unsigned)n;
}

void fc_doc_linecol(const fc_doc *doc, size_t offset, unsigned *line, unsigned *col)
{
    if (!doc->text && !doc->line_starts) {
        kept_linecol(doc, offset, line, col);
        return;
    }
    if (offset > doc->len)
        offset = doc->len;
    /* The last line start at or before offset (binary search). */
    size_t lo = 0, hi = doc->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = (unsigned)(lo + 1);
    *col = (unsigned)(offset - (doc->nlines ? doc->line_starts[lo] : 0) + 1);
}

/* Records where every line starts, in one pass over the text: room for a line
 * per 64 bytes first, grown when the text has more. */
static fc_status map_lines(fc_doc *doc)
{
    size_t cap = doc->len / 64 + 16;
    if (!(doc->line_starts = malloc(cap * sizeof *doc->line_starts)))
        return FC_ENOMEM;
    doc->line_starts[0] = 0;
    doc->nlines = 1;
    for (const char *p = doc->text, *end = doc->text + doc->len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        if (doc->nlines == cap && fc_grow((void **)&doc->line_starts, &cap, cap + 1,
                                          sizeof *doc->line_starts) != FC_OK)
            return FC_ENOMEM;
        doc->line_starts[doc->nlines++] = (size_t)(p + 1 - doc->text);
    }
    return FC_OK;
}
