/* jsonl.c - JSON Lines records as documents: one article a line.
 *
 * A CMS or archive export: each line one JSON object with the article's "text"
 * (required) and its "id", "outlet", "title", "url", "published", "language"
 * and "author". The file is read a line at a time (never as one JSON value),
 * each line parsed by cJSON on its own, so a bad line costs only itself: it is
 * reported naming file:line and the other records go on. Offsets of claims
 * refer to the record's text.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc_internal.h"
#include "factcheck/doc.h"
#include "util.h"

/* Whether the JSON text holds the escape \u0000 (in a string: the only place a
 * backslash can be), which cJSON would decode as the end of the string. */
static bool has_nul_escape(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '\\')
            continue;
        if (s[i + 1] == 'u' && i + 5 < n && memcmp(s + i + 2, "0000", 4) == 0)
            return true;
        i++; /* the escaped character, a backslash included */
    }
    return false;
}

static bool json_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static const char *const fields[] = {"outlet", "title", "published", "url", "language", "author"};

static char **field_slot(fc_doc *doc, size_t i)
{
    char **slots[] = {&doc->outlet, &doc->title,    &doc->published,
                      &doc->url,    &doc->language, &doc->author};
    return slots[i];
}

/* The record's name into name (size n): its id, else file:line. Returns a
 * message for an id of the wrong type, else NULL. */
static const char *record_name(const cJSON *o, const char *file, size_t line, char *name,
                               size_t n)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
    if (cJSON_IsString(id) && id->valuestring[0]) {
        snprintf(name, n, "%s", id->valuestring);
        return NULL;
    }
    if (cJSON_IsNumber(id)) {
        double v = id->valuedouble;
        if (!(v == floor(v) && fabs(v) < 9007199254740992.0))
            return "\"id\" is a number but not an integer";
        snprintf(name, n, "%.0f", v);
        return NULL;
    }
    if (id && !cJSON_IsNull(id) && !cJSON_IsString(id))
        return "\"id\" is neither a string nor an integer";
    snprintf(name, n, "%s:%zu", file, line);
    return NULL;
}

static fc_status bad(fc_diag *diag, const char *file, size_t line, unsigned col, const char *msg)
{
    fc_diag_set(diag, file, (unsigned)line, col, "%s", msg);
    return FC_EFORMAT;
}

fc_status fc_doc_parse_record(const char *file, size_t line, const char *buf, size_t len,
                              fc_doc **out, fc_diag *diag)
{
    *out = NULL;
    if (len > FC_DOC_MAX_BYTES) {
        fc_diag_set(diag, file, (unsigned)line, 0, "record is larger than %zu MiB; not read",
                    FC_DOC_MAX_BYTES >> 20);
        return FC_EFORMAT;
    }
    const char *nul = memchr(buf, '\0', len);
    if (nul) {
        fc_diag_set(diag, file, (unsigned)line, (unsigned)(nul - buf + 1),
                    "NUL byte in the record; not a text document");
        return FC_EFORMAT;
    }
    if (has_nul_escape(buf, len))
        return bad(diag, file, line, 0, "a string holds \\u0000 (a NUL character); not a text document");
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(buf, len, &end, false);
    if (!o) {
        size_t at = end && end >= buf && end <= buf + len ? (size_t)(end - buf) : 0;
        return bad(diag, file, line, (unsigned)(at + 1), "not JSON (malformed)");
    }
    fc_status st = FC_EFORMAT;
    const char *why = NULL;
    char name[4096];
    while (end && end < buf + len && json_space(*end))
        end++;
    if (end && end < buf + len) {
        fc_diag_set(diag, file, (unsigned)line, (unsigned)(end - buf + 1),
                    "text after the JSON value (one record a line)");
        goto done;
    }
    if (!cJSON_IsObject(o)) {
        why = "not a JSON object (a record is one object a line)";
        goto done;
    }
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
    const cJSON *html = cJSON_GetObjectItemCaseSensitive(o, "html");
    if (cJSON_IsNull(text))
        text = NULL;
    if (text && !cJSON_IsString(text)) {
        why = "\"text\" is not a string";
        goto done;
    }
    if (!text && !cJSON_IsString(html)) {
        why = html && !cJSON_IsNull(html) ? "\"html\" is not a string"
                                          : "no \"text\" (the article's text, a string)";
        goto done;
    }
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, fields[i]);
        if (v && !cJSON_IsString(v) && !cJSON_IsNull(v)) {
            fc_diag_set(diag, file, (unsigned)line, 0, "\"%s\" is not a string", fields[i]);
            goto done;
        }
    }
    if ((why = record_name(o, file, line, name, sizeof name)) != NULL)
        goto done;
    if (text) {
        size_t n = strlen(text->valuestring);
        char *copy = fc_strndup(text->valuestring, n);
        st = copy ? fc_doc_take_plain(name, copy, n, out, diag) : FC_ENOMEM;
    } else {
        st = fc_doc_parse_html(name, html->valuestring, strlen(html->valuestring), out, diag);
    }
    /* The record's own fields, then (for "html") what the page says. */
    for (size_t i = 0; st == FC_OK && i < sizeof fields / sizeof *fields; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, fields[i]);
        if (!cJSON_IsString(v) || !v->valuestring[0])
            continue;
        char **slot = field_slot(*out, i), *copy = fc_strdup(v->valuestring);
        if (!copy)
            st = FC_ENOMEM;
        else {
            free(*slot);
            *slot = copy;
        }
    }
    if (st != FC_OK) {
        fc_doc_free(*out);
        *out = NULL;
        if (st == FC_ENOMEM)
            fc_diag_set(diag, file, (unsigned)line, 0, "out of memory");
        else if (diag)
            diag->line = (unsigned)line;
    }
done:
    if (why)
        bad(diag, file, line, 0, why);
    cJSON_Delete(o);
    return st;
}

/* ---- the file, a line at a time ---------------------------------------------- */

/* After this many bad lines and no record, the file is taken for no JSON Lines
 * at all (a pretty-printed JSON file, a page): the rest is not read. */
#define FC_JSONL_GIVE_UP 20

typedef struct reader {
    const char *path;
    fc_record_fn record;
    void *ctx;
    size_t nrecords, nbad;
    bool gave_up;
} reader;

static fc_status line_error(reader *r, size_t line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Reports line (and col, when not 0) of the file as an error: "file:line:col: ...". */
static fc_status line_error(reader *r, size_t line, unsigned col, const char *fmt, ...)
{
    fc_strbuf sb = {0};
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fc_sb_printf(&sb, "%s:%zu", r->path, line);
    if (col)
        fc_sb_printf(&sb, ":%u", col);
    fc_sb_printf(&sb, ": %s", msg);
    char *s = fc_sb_take(&sb);
    if (!s)
        return FC_ENOMEM;
    r->nrecords++;
    r->nbad++;
    fc_status st = r->record(r->ctx, line, NULL, s);
    free(s);
    return st;
}

/* One line (without its newline): a record, an error, or nothing when blank. */
static fc_status one_line(reader *r, size_t line, const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && json_space(s[k]))
        k++;
    if (k == n)
        return FC_OK;
    if (r->gave_up)
        return FC_OK;
    if (r->nbad >= FC_JSONL_GIVE_UP && r->nbad == r->nrecords) {
        r->gave_up = true;
        return line_error(r, line, 0,
                          "not JSON Lines (the first %d lines are no records); the rest of the "
                          "file not read",
                          FC_JSONL_GIVE_UP);
    }
    fc_doc *doc = NULL;
    fc_diag diag = {0};
    fc_status st = fc_doc_parse_record(r->path, line, s, n, &doc, &diag);
    if (st == FC_ENOMEM)
        return st;
    if (st != FC_OK) {
        return line_error(r, line, diag.col, "%s", diag.message);
    }
    r->nrecords++;
    return r->record(r->ctx, line, doc, NULL);
}

fc_status fc_jsonl_read(const char *path, bool regular_only, fc_record_fn record, void *ctx,
                        size_t *nrecords, fc_diag *diag)
{
    reader r = {path, record, ctx, 0, 0, false};
    *nrecords = 0;
    int fd;
    fc_status st = fc_open_limited(path, "JSON Lines file", regular_only, &fd, diag);
    if (st != FC_OK)
        return st;
    const size_t max_line = FC_DOC_MAX_BYTES;
    char *buf = NULL;
    size_t cap = 0, start = 0, end = 0, line = 0, consumed = 0;
    size_t nul_at = (size_t)-1; /* offset in the file of a NUL byte, once read */
    bool eof = false, skipping = false;
    while (st == FC_OK) {
        char *nl = end > start ? memchr(buf + start, '\n', end - start) : NULL;
        if (!nl && !eof) {
            if (start) { /* keep only the line being read */
                memmove(buf, buf + start, end - start);
                consumed += start;
                end -= start;
                start = 0;
            }
            if (end == cap && cap >= max_line) { /* a line longer than any document */
                if (!skipping)
                    st = line_error(&r, line + 1, 0, "line longer than %zu MiB; not read",
                                    max_line >> 20);
                skipping = true;
                consumed += end;
                end = 0;
                continue;
            }
            if (end == cap) {
                size_t ncap = cap ? cap * 2 : (size_t)1 << 16;
                char *p = realloc(buf, ncap + 1);
                if (!p) {
                    st = FC_ENOMEM;
                    break;
                }
                buf = p;
                cap = ncap;
            }
            ssize_t got = read(fd, buf + end, cap - end);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0) {
                char why[128];
                fc_diag_set(diag, path, 0, 0, "cannot read: %s",
                            fc_strerror(errno, why, sizeof why));
                st = FC_EIO;
                break;
            }
            if (got == 0) {
                eof = true;
                continue;
            }
            char *z = memchr(buf + end, '\0', (size_t)got);
            if (z) { /* the lines before it are read; the file ends there */
                nul_at = consumed + (size_t)(z - buf);
                got = z - (buf + end);
                eof = true;
            }
            end += (size_t)got;
            continue;
        }
        size_t n = nl ? (size_t)(nl - (buf + start)) : end - start;
        if (!nl && n == 0 && nul_at == (size_t)-1)
            break; /* the end */
        line++;
        if (!nl && nul_at != (size_t)-1) {
            st = line_error(&r, line, 0,
                            "binary file (NUL byte at offset %zu); not a text document; the rest "
                            "of the file not read",
                            nul_at);
            break;
        }
        if (skipping)
            skipping = false; /* the end of the long line: reported already */
        else {
            size_t k = n;
            if (k && buf[start + k - 1] == '\r')
                k--;
            st = one_line(&r, line, buf + start, k);
        }
        start += n + (nl ? 1 : 0);
        if (!nl)
            break;
    }
    free(buf);
    if (fd >= 0 && fd != STDIN_FILENO)
        close(fd);
    if (st == FC_ENOMEM)
        fc_diag_set(diag, path, 0, 0, "out of memory");
    *nrecords = r.nrecords;
    return st;
}
