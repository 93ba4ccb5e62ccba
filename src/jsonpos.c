/* jsonpos.c - positions of JSON values by path (see jsonpos.h). A small
 * recursive-descent walk that skips over scalars and records where each member
 * and element starts. Depth is capped, so hostile nesting cannot exhaust the
 * stack. */
#include "jsonpos.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct entry {
    char *path;
    size_t key, value; /* key is (size_t)-1 for array elements and the root */
} entry;

struct fc_jsonpos {
    entry *items; /* sorted by path after the scan, for binary search */
    size_t n, cap;
    bool failed;
};

static int by_path(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

typedef struct walker {
    const char *s;
    size_t len, i;
    fc_jsonpos *m;
} walker;

#define MAX_DEPTH 64

static void record(walker *w, const char *path, size_t key, size_t value)
{
    fc_jsonpos *m = w->m;
    if (m->failed)
        return;
    if (fc_grow((void **)&m->items, &m->cap, m->n + 1, sizeof *m->items) != FC_OK ||
        !(m->items[m->n].path = fc_strdup(path))) {
        m->failed = true;
        return;
    }
    m->items[m->n].key = key;
    m->items[m->n].value = value;
    m->n++;
}

static void skip_ws(walker *w)
{
    while (w->i < w->len &&
           (w->s[w->i] == ' ' || w->s[w->i] == '\t' || w->s[w->i] == '\n' || w->s[w->i] == '\r'))
        w->i++;
}

/* Skips a string at w->i (which is '"'); copies its raw contents (escapes kept
 * as written, which is how error paths name keys) into out when out is not NULL. */
static void skip_string(walker *w, fc_strbuf *out)
{
    w->i++;
    while (w->i < w->len && w->s[w->i] != '"') {
        if (w->s[w->i] == '\\' && w->i + 1 < w->len) {
            if (out)
                fc_sb_add(out, w->s + w->i, 2);
            w->i += 2;
            continue;
        }
        if (out)
            fc_sb_add(out, w->s + w->i, 1);
        w->i++;
    }
    if (w->i < w->len)
        w->i++;
}

static void walk_value(walker *w, const char *path, int depth);

static void walk_object(walker *w, const char *path, int depth)
{
    w->i++; /* '{' */
    for (;;) {
        skip_ws(w);
        if (w->i >= w->len || w->s[w->i] == '}' || w->s[w->i] != '"') {
            if (w->i < w->len && w->s[w->i] == '}')
                w->i++;
            return;
        }
        size_t key = w->i;
        fc_strbuf name = {0};
        fc_sb_printf(&name, "%s.", path);
        skip_string(w, &name);
        skip_ws(w);
        if (w->i >= w->len || w->s[w->i] != ':') {
            fc_sb_free(&name);
            return;
        }
        w->i++;
        skip_ws(w);
        if (!name.failed && name.data) {
            record(w, name.data, key, w->i);
            walk_value(w, name.data, depth + 1);
        }
        fc_sb_free(&name);
        skip_ws(w);
        if (w->i < w->len && w->s[w->i] == ',') {
            w->i++;
            continue;
        }
        if (w->i < w->len && w->s[w->i] == '}')
            w->i++;
        return;
    }
}

static void walk_array(walker *w, const char *path, int depth)
{
    w->i++; /* '[' */
    for (size_t k = 0;; k++) {
        skip_ws(w);
        if (w->i >= w->len || w->s[w->i] == ']') {
            if (w->i < w->len)
                w->i++;
            return;
        }
        char sub[1024];
        snprintf(sub, sizeof sub, "%s[%zu]", path, k);
        record(w, sub, (size_t)-1, w->i);
        size_t before = w->i;
        walk_value(w, sub, depth + 1);
        if (w->i == before)
            return; /* no progress: malformed */
        skip_ws(w);
        if (w->i < w->len && w->s[w->i] == ',') {
            w->i++;
            continue;
        }
        if (w->i < w->len && w->s[w->i] == ']')
            w->i++;
        return;
    }
}

static void walk_value(walker *w, const char *path, int depth)
{
    skip_ws(w);
    if (w->i >= w->len || depth > MAX_DEPTH)
        return;
    char ch = w->s[w->i];
    if (ch == '{')
        walk_object(w, path, depth);
    else if (ch == '[')
        walk_array(w, path, depth);
    else if (ch == '"')
        skip_string(w, NULL);
    else
        while (w->i < w->len && !strchr(",}] \t\r\n", w->s[w->i]))
            w->i++;
}

fc_jsonpos *fc_jsonpos_scan(const char *text, size_t len)
{
    fc_jsonpos *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    walker w = {text, len, 0, m};
    skip_ws(&w);
    record(&w, "$", (size_t)-1, w.i);
    walk_value(&w, "$", 0);
    if (m->failed) {
        fc_jsonpos_free(m);
        return NULL;
    }
    if (m->n)
        qsort(m->items, m->n, sizeof *m->items, by_path);
    return m;
}

bool fc_jsonpos_find(const fc_jsonpos *m, const char *path, bool key, size_t *offset)
{
    if (!m || m->n == 0)
        return false;
    entry probe = {(char *)path, 0, 0};
    const entry *e = bsearch(&probe, m->items, m->n, sizeof *m->items, by_path);
    if (!e)
        return false;
    *offset = key && e->key != (size_t)-1 ? e->key : e->value;
    return true;
}

void fc_jsonpos_linecol(const char *text, size_t offset, unsigned *line, unsigned *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && text[i]; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

void fc_jsonpos_free(fc_jsonpos *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        free(m->items[i].path);
    free(m->items);
    free(m);
}
