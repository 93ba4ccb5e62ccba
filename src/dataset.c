/* dataset.c - a small RFC 4180 reader for the reference datasets (quoted fields
 * with commas, doubled quotes and line breaks; CRLF or LF). */
#include "dataset.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct record {
    char **fields;
    size_t n, cap;
} record;

static void record_clear(record *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->fields[i]);
    r->n = 0;
}

/* Reads one record starting at *p; false at the end of the text. */
static bool next_record(const char **p, const char *end, record *r, bool *ok)
{
    record_clear(r);
    *ok = true;
    if (*p >= end)
        return false;
    for (;;) {
        fc_strbuf f = {0};
        const char *s = *p;
        if (s < end && *s == '"') {
            s++;
            for (;;) {
                if (s >= end) {
                    *ok = false; /* unterminated quote */
                    break;
                }
                if (*s == '"' && s + 1 < end && s[1] == '"') {
                    fc_sb_add(&f, "\"", 1);
                    s += 2;
                } else if (*s == '"') {
                    s++;
                    break;
                } else {
                    fc_sb_add(&f, s++, 1);
                }
            }
        } else {
            const char *e = s;
            while (e < end && *e != ',' && *e != '\n' && *e != '\r')
                e++;
            fc_sb_add(&f, s, (size_t)(e - s));
            s = e;
        }
        char *text = fc_sb_take(&f);
        if (!text || fc_grow((void **)&r->fields, &r->cap, r->n + 1, sizeof *r->fields) != FC_OK) {
            free(text);
            *ok = false;
            return true;
        }
        r->fields[r->n++] = text;
        if (s < end && *s == ',') {
            *p = s + 1;
            continue;
        }
        if (s < end && *s == '\r')
            s++;
        if (s < end && *s == '\n')
            s++;
        *p = s;
        return true;
    }
}

static int column(const record *header, const char *name)
{
    for (size_t i = 0; i < header->n; i++)
        if (strcmp(header->fields[i], name) == 0)
            return (int)i;
    return -1;
}

static double number(const char *s)
{
    if (!s || !*s)
        return NAN;
    char *end;
    double v = strtod(s, &end);
    return *end || !isfinite(v) ? NAN : v;
}

/* Reads a CSV table whose header has at least the columns names[0..ncols), and
 * calls row() with each record's fields in that order. */
typedef fc_status (*row_fn)(void *ctx, char *const *fields);

static fc_status read_table(const char *path, const char *what, const char *const *names,
                            size_t ncols, row_fn row, void *ctx, fc_data_files *read,
                            fc_diag *diag)
{
    char *text;
    size_t len;
    fc_status st = fc_read_file(path, what, &text, &len, diag);
    if (st != FC_OK)
        return st;
    char *copy = fc_strdup(path);
    if (!copy ||
        fc_grow((void **)&read->items, &read->cap, read->n + 1, sizeof *read->items) != FC_OK) {
        free(copy);
        free(text);
        return FC_ENOMEM;
    }
    read->items[read->n].path = copy;
    fc_sha256_hex(text, len, read->items[read->n++].sha256);
    const char *p = text, *end = text + len;
    record header = {0}, rec = {0};
    bool ok;
    int col[16];
    char *fields[16];
    unsigned line = 1;
    if (ncols > 16 || !next_record(&p, end, &header, &ok) || !ok) {
        fc_diag_set(diag, path, 1, 1, "no header row");
        st = FC_EFORMAT;
    }
    for (size_t i = 0; st == FC_OK && i < ncols; i++)
        if ((col[i] = column(&header, names[i])) < 0) {
            fc_diag_set(diag, path, 1, 1, "no column \"%s\"", names[i]);
            st = FC_EFORMAT;
        }
    while (st == FC_OK && next_record(&p, end, &rec, &ok)) {
        line++;
        if (!ok || rec.n != header.n) {
            fc_diag_set(diag, path, line, 1, "expected %zu fields, found %zu", header.n, rec.n);
            st = FC_EFORMAT;
            break;
        }
        for (size_t i = 0; i < ncols; i++)
            fields[i] = rec.fields[col[i]];
        st = row(ctx, fields);
    }
    record_clear(&header);
    record_clear(&rec);
    free(header.fields);
    free(rec.fields);
    free(text);
    return st;
}

typedef struct dataset_ctx {
    fc_dataset *set;
    const char *file;
} dataset_ctx;

static fc_status dataset_row(void *ctx, char *const *f)
{
    dataset_ctx *dc = ctx;
    fc_dataset *set = dc->set;
    if (fc_grow((void **)&set->rows, &set->cap, set->n + 1, sizeof *set->rows) != FC_OK)
        return FC_ENOMEM;
    fc_ref_row *row = &set->rows[set->n++];
    memset(row, 0, sizeof *row);
    row->file = dc->file;
    char **slots[] = {&row->key,
                      &row->measure,
                      NULL,
                      NULL,
                      NULL,
                      &row->period_start,
                      &row->period_end,
                      &row->publisher,
                      &row->title,
                      &row->published,
                      &row->url};
    for (size_t i = 0; i < 11; i++)
        if (slots[i] && !(*slots[i] = fc_strdup(f[i])))
            return FC_ENOMEM;
    row->value = number(f[2]);
    row->low = number(f[3]);
    row->high = number(f[4]);
    if (!isnan(row->value)) {
        if (isnan(row->low))
            row->low = row->value;
        if (isnan(row->high))
            row->high = row->value;
    } else if (isnan(row->low) && !isnan(row->high)) {
        row->low = 0; /* "fewer than 600" */
    } else if (!isnan(row->low) && isnan(row->high)) {
        row->high = INFINITY;
    }
    return FC_OK;
}

fc_status fc_dataset_load(fc_dataset *set, const char *path, fc_diag *diag)
{
    static const char *const names[] = {"key",   "measure",      "value",      "low",
                                        "high",  "period_start", "period_end", "publisher",
                                        "title", "published",    "url"};
    char *file = fc_strdup(path);
    if (!file || fc_grow((void **)&set->files, &set->cap_files, set->nfiles + 1,
                         sizeof *set->files) != FC_OK) {
        free(file);
        return FC_ENOMEM;
    }
    set->files[set->nfiles++] = file;
    dataset_ctx ctx = {set, file};
    return read_table(path, "dataset", names, 11, dataset_row, &ctx, &set->read, diag);
}

static void files_clear(fc_data_files *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->items[i].path);
    free(f->items);
}

void fc_dataset_clear(fc_dataset *set)
{
    for (size_t i = 0; i < set->n; i++) {
        fc_ref_row *r = &set->rows[i];
        char *strings[] = {r->key,       r->measure, r->period_start, r->period_end,
                           r->publisher, r->title,   r->published,    r->url};
        for (size_t k = 0; k < sizeof strings / sizeof *strings; k++)
            free(strings[k]);
    }
    free(set->rows);
    files_clear(&set->read);
    for (size_t i = 0; i < set->nfiles; i++)
        free(set->files[i]);
    free(set->files);
    memset(set, 0, sizeof *set);
}

static fc_status event_row(void *ctx, char *const *f)
{
    fc_events *set = ctx;
    if (fc_grow((void **)&set->items, &set->cap, set->n + 1, sizeof *set->items) != FC_OK)
        return FC_ENOMEM;
    fc_event *e = &set->items[set->n++];
    memset(e, 0, sizeof *e);
    char **slots[] = {&e->key,   &e->date,      &e->phrases, &e->publisher,
                      &e->title, &e->published, &e->url};
    for (size_t i = 0; i < 7; i++)
        if (!(*slots[i] = fc_strdup(f[i])))
            return FC_ENOMEM;
    return FC_OK;
}

fc_status fc_events_load(fc_events *set, const char *path, fc_diag *diag)
{
    static const char *const names[] = {"key",   "date",      "phrases", "publisher",
                                        "title", "published", "url"};
    return read_table(path, "events file", names, 7, event_row, set, &set->read, diag);
}

void fc_events_clear(fc_events *set)
{
    for (size_t i = 0; i < set->n; i++) {
        fc_event *e = &set->items[i];
        char *strings[] = {e->key,   e->date,      e->phrases, e->publisher,
                           e->title, e->published, e->url};
        for (size_t k = 0; k < sizeof strings / sizeof *strings; k++)
            free(strings[k]);
    }
    free(set->items);
    files_clear(&set->read);
    memset(set, 0, sizeof *set);
}
