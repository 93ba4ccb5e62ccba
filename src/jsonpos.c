/* jsonpos.c - positions of JSON values by path (see jsonpos.h). A small
 * recursive-descent walk that skips over scalars and records where each member
 * and element starts, linked to its parent; paths are put together only to be
 * looked up. Depth is capped, so hostile nesting cannot exhaust the stack. */
#include "jsonpos.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* One member or element. Its path is not stored: it is the parent's path plus
 * "." and the key's raw text (object members) or "[index]" (array elements), so
 * a member costs the same whatever the depth and length of the path above it
 * (copying the parent's path into every member made a key with 20,000 members
 * under a long path cost gigabytes). Paths are found by their hash, which is
 * built up from the parent's, and then compared piece by piece. */
typedef struct entry {
    size_t parent;     /* index of the parent entry; NONE for the root */
    size_t name, nlen; /* members: the key's raw text, text[name, name + nlen) */
    size_t index;      /* elements: the index; NONE for members and the root */
    size_t plen;       /* length of the whole path */
    uint64_t hash;     /* FNV-1a (64 bits) of the whole path */
    size_t key, value; /* key is NONE for array elements and the root */
} entry;

#define NONE ((size_t)-1)

typedef struct slot {
    uint64_t hash;
    size_t plen, item; /* item: index into items */
} slot;

struct fc_jsonpos {
    const char *text; /* the text scanned: it must outlive the positions */
    entry *items;     /* in the order of the text */
    size_t n, cap;
    slot *order; /* every entry, by hash, then path length, then text order */
    bool failed;
};

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

#define FNV_START 14695981039346656037u

typedef struct walker {
    const char *s;
    size_t len, i;
    fc_jsonpos *m;
} walker;

#define MAX_DEPTH 64

/* Adds an entry under parent: a member (name, nlen) or an element (index);
 * returns its index, or NONE when out of memory. */
static size_t record(walker *w, size_t parent, size_t name, size_t nlen, size_t index,
                     size_t key, size_t value)
{
    fc_jsonpos *m = w->m;
    if (m->failed)
        return NONE;
    if (fc_grow((void **)&m->items, &m->cap, m->n + 1, sizeof *m->items) != FC_OK) {
        m->failed = true;
        return NONE;
    }
    entry *e = &m->items[m->n];
    *e = (entry){parent, name, nlen, index, 1, fnv(FNV_START, "$", 1), key, value};
    if (parent != NONE) {
        const entry *p = &m->items[parent];
        if (index == NONE) {
            e->hash = fnv(fnv(p->hash, ".", 1), w->s + name, nlen);
            e->plen = p->plen + 1 + nlen;
        } else {
            char sub[32];
            int k = snprintf(sub, sizeof sub, "[%zu]", index);
            e->hash = fnv(p->hash, sub, (size_t)k);
            e->plen = p->plen + (size_t)k;
        }
    }
    return m->n++;
}

static void skip_ws(walker *w)
{
    while (w->i < w->len &&
           (w->s[w->i] == ' ' || w->s[w->i] == '\t' || w->s[w->i] == '\n' || w->s[w->i] == '\r'))
        w->i++;
}

/* Skips a string at w->i (which is '"'); returns where its contents end. */
static size_t skip_string(walker *w)
{
    w->i++;
    while (w->i < w->len && w->s[w->i] != '"')
        w->i += w->s[w->i] == '\\' && w->i + 1 < w->len ? 2 : 1;
    size_t end = w->i < w->len ? w->i : w->len;
    if (w->i < w->len)
        w->i++;
    return end;
}

static void walk_value(walker *w, size_t at, int depth);

static void walk_object(walker *w, size_t at, int depth)
{
    w->i++; /* '{' */
    for (;;) {
        skip_ws(w);
        if (w->i >= w->len || w->s[w->i] == '}' || w->s[w->i] != '"') {
            if (w->i < w->len && w->s[w->i] == '}')
                w->i++;
            return;
        }
        /* The key's raw text (escapes kept as written, which is how error
         * paths name keys), without its quotes. */
        size_t key = w->i, nlen = skip_string(w) - key - 1;
        skip_ws(w);
        if (w->i >= w->len || w->s[w->i] != ':')
            return;
        w->i++;
        skip_ws(w);
        size_t sub = record(w, at, key + 1, nlen, NONE, key, w->i);
        if (sub == NONE)
            return;
        walk_value(w, sub, depth + 1);
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

static void walk_array(walker *w, size_t at, int depth)
{
    w->i++; /* '[' */
    for (size_t k = 0;; k++) {
        skip_ws(w);
        if (w->i >= w->len || w->s[w->i] == ']') {
            if (w->i < w->len)
                w->i++;
            return;
        }
        size_t sub = record(w, at, 0, 0, k, NONE, w->i);
        if (sub == NONE)
            return;
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

static void walk_value(walker *w, size_t at, int depth)
{
    skip_ws(w);
    if (w->i >= w->len || depth > MAX_DEPTH)
        return;
    char ch = w->s[w->i];
    if (ch == '{')
        walk_object(w, at, depth);
    else if (ch == '[')
        walk_array(w, at, depth);
    else if (ch == '"')
        (void)skip_string(w);
    else
        while (w->i < w->len && !strchr(",}] \t\r\n", w->s[w->i]))
            w->i++;
}

/* By hash, then path length, then position in the text. */
static int by_hash(const void *a, const void *b)
{
    const slot *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    if (x->plen != y->plen)
        return x->plen < y->plen ? -1 : 1;
    return (x->item > y->item) - (x->item < y->item);
}

/* Whether entry i's path is path[0, plen): piece by piece, from the end. */
static bool same_path(const fc_jsonpos *m, size_t i, const char *path, size_t plen)
{
    for (;;) {
        const entry *e = &m->items[i];
        if (e->plen != plen)
            return false;
        if (e->parent == NONE)
            return plen == 1 && path[0] == '$';
        size_t piece;
        if (e->index == NONE) {
            piece = e->nlen + 1;
            if (path[plen - piece] != '.' ||
                memcmp(path + plen - e->nlen, m->text + e->name, e->nlen) != 0)
                return false;
        } else {
            char sub[32];
            piece = (size_t)snprintf(sub, sizeof sub, "[%zu]", e->index);
            if (memcmp(path + plen - piece, sub, piece) != 0)
                return false;
        }
        plen -= piece;
        i = e->parent;
    }
}

/* The first slot of the path's hash and length. */
static size_t lower_bound(const fc_jsonpos *m, uint64_t hash, size_t plen)
{
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const slot *o = &m->order[mid];
        if (o->hash < hash || (o->hash == hash && o->plen < plen))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

fc_jsonpos *fc_jsonpos_scan(const char *text, size_t len)
{
    fc_jsonpos *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->text = text;
    walker w = {text, len, 0, m};
    skip_ws(&w);
    size_t root = record(&w, NONE, 0, 0, NONE, NONE, w.i);
    if (root != NONE)
        walk_value(&w, root, 0);
    if (!m->failed && !(m->order = malloc((m->n ? m->n : 1) * sizeof *m->order)))
        m->failed = true;
    if (m->failed) {
        fc_jsonpos_free(m);
        return NULL;
    }
    for (size_t i = 0; i < m->n; i++)
        m->order[i] = (slot){m->items[i].hash, m->items[i].plen, i};
    qsort(m->order, m->n, sizeof *m->order, by_hash);
    return m;
}

/* The first entry in text order whose path is path (plen bytes); NONE if none. */
static size_t find_entry(const fc_jsonpos *m, const char *path, size_t plen)
{
    uint64_t hash = fnv(FNV_START, path, plen);
    for (size_t k = lower_bound(m, hash, plen);
         k < m->n && m->order[k].hash == hash && m->order[k].plen == plen; k++)
        if (same_path(m, m->order[k].item, path, plen))
            return m->order[k].item;
    return NONE;
}

bool fc_jsonpos_find(const fc_jsonpos *m, const char *path, bool key, size_t *offset)
{
    if (!m || m->n == 0)
        return false;
    size_t i = find_entry(m, path, strlen(path));
    if (i == NONE)
        return false;
    const entry *e = &m->items[i];
    *offset = key && e->key != NONE ? e->key : e->value;
    return true;
}

bool fc_jsonpos_duplicate(const fc_jsonpos *m, size_t *first, size_t *second)
{
    bool found = false;
    for (size_t k = 1; m && k < m->n; k++) {
        const slot *b = &m->order[k];
        const entry *y = &m->items[b->item];
        if (y->index != NONE || y->parent == NONE || (found && y->key > *second))
            continue;
        /* An earlier slot of the same path under the same parent: the key is
         * repeated (slots of one path are in text order). A few looks back
         * suffice: only paths whose hashes collide come in between. */
        for (size_t j = k, looks = 0; j-- > 0 && looks < 64; looks++) {
            const slot *a = &m->order[j];
            const entry *x = &m->items[a->item];
            if (a->hash != b->hash || a->plen != b->plen)
                break;
            if (x->parent == y->parent && x->nlen == y->nlen && x->index == NONE &&
                memcmp(m->text + x->name, m->text + y->name, x->nlen) == 0) {
                *first = x->key;
                *second = y->key;
                found = true;
                break;
            }
        }
    }
    return found;
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
    free(m->items);
    free(m->order);
    free(m);
}
