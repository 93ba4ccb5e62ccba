/* rules.c - rule files in layers: read, validate, merge, and build the rules.
 *
 * The built-in defaults are a rule file; a claims folder may carry one
 * (factcheck.rules.json); every --rules FILE comes after. Each file is validated
 * on its own (rules_load.c), then merged into the layers below it at the JSON
 * level: objects member by member, arrays of objects by id ("id", else the
 * "phrase", "symbol", "word" or "key"), arrays of strings by value; a null member
 * and the "remove" section delete. The merged tree is validated again (for what
 * spans files, like alias cycles) before the file counts as added, so a bad file
 * changes nothing. Every entry remembers the file, line and column it came from.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <gsl/gsl_errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsonpos.h"
#include "rules_internal.h"
#include "util.h"

/* Where an entry came from: the file (index into files) and the byte offset. */
typedef struct origin {
    char *key; /* "$.hedges/about", "$.number_words.two", ... */
    size_t file, offset;
} origin;

typedef struct src_file {
    char *path;
    char *text;
    /* Offsets where lines start, so that the listing finds the line of each of
     * its entries by binary search rather than by counting from the file's start
     * (which made a listing quadratic in the size of the rule files). */
    size_t *lines;
    size_t nlines, len; /* len: bytes up to the first NUL */
    char sha256[FC_SHA256_HEX]; /* of the file's bytes as read */
} src_file;

struct fc_rules_info {
    cJSON *tree;     /* the merged rules */
    origin *origins; /* in the order entries were added; a later one wins */
    size_t norigins, cap;
    src_file *files;
    size_t nfiles, cap_files;
    /* Once the rules are built (the origins no longer change): every origin
     * sorted by key, the latest first among equal keys, so that the listing
     * looks each of its entries up by binary search. */
    const origin **by_key;
};

struct fc_rules_builder {
    fc_rules_info *info;
    fc_rules *compiled; /* the rules as of the last file added */
};

void fc_rules_info_free(fc_rules_info *info)
{
    if (!info)
        return;
    cJSON_Delete(info->tree);
    for (size_t i = 0; i < info->norigins; i++)
        free(info->origins[i].key);
    free(info->origins);
    for (size_t i = 0; i < info->nfiles; i++) {
        free(info->files[i].path);
        free(info->files[i].text);
        free(info->files[i].lines);
    }
    free(info->files);
    free(info->by_key);
    free(info);
}

static const origin *find_origin(const fc_rules_info *info, const char *key)
{
    if (info->by_key) { /* the first entry not below key */
        size_t lo = 0, hi = info->norigins;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(info->by_key[mid]->key, key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < info->norigins && strcmp(info->by_key[lo]->key, key) == 0 ? info->by_key[lo]
                                                                              : NULL;
    }
    for (size_t i = info->norigins; i-- > 0;)
        if (strcmp(info->origins[i].key, key) == 0)
            return &info->origins[i];
    return NULL;
}

/* The line and column of offset off in f, through its line map. */
static void src_file_linecol(const src_file *f, size_t off, size_t *line, size_t *col)
{
    size_t lo = 0, hi = f->nlines; /* the last line start at or before off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo + 1;
    *col = off - f->lines[lo] + 1;
}

bool fc_rules_info_origin(const fc_rules_info *info, const char *key, char *buf, size_t n)
{
    const origin *o = find_origin(info, key);
    if (!o)
        return false;
    const src_file *f = &info->files[o->file];
    size_t line, col;
    src_file_linecol(f, o->offset < f->len ? o->offset : f->len, &line, &col);
    snprintf(buf, n, "%s:%zu:%zu", f->path, line, col);
    return true;
}

bool fc_rules_info_member_origin(const fc_rules_info *info, const char *key, const char *list,
                                 const char *member, char *where, size_t nwhere, char *at,
                                 size_t nat)
{
    const origin *o = find_origin(info, key);
    if (!o)
        return false;
    const src_file *f = &info->files[o->file];
    fc_jsonpos *pos = fc_jsonpos_scan(f->text, f->len);
    bool found = false;
    size_t off = 0;
    for (size_t k = 0; pos && !found; k++) { /* the entry's index in its file */
        char entry[1000];
        fc_path_index(entry, sizeof entry, list, k);
        if (!fc_jsonpos_find(pos, entry, false, &off))
            break;
        if (off != o->offset)
            continue;
        fc_path_key(at, nat, entry, member);
        found = fc_jsonpos_find(pos, at, false, &off);
    }
    fc_jsonpos_free(pos);
    if (!found)
        return false;
    size_t line, col;
    src_file_linecol(f, off < f->len ? off : f->len, &line, &col);
    snprintf(where, nwhere, "%s:%zu:%zu", f->path, line, col);
    return true;
}

/* Fills f's line map; f->text is set. Positions match fc_jsonpos_linecol. */
static fc_status src_file_map_lines(src_file *f)
{
    f->len = strlen(f->text);
    size_t n = 1;
    for (const char *p = f->text; (p = strchr(p, '\n')) != NULL; p++)
        n++;
    if (!(f->lines = malloc(n * sizeof *f->lines)))
        return FC_ENOMEM;
    f->lines[0] = 0;
    f->nlines = 1;
    for (const char *p = f->text; (p = strchr(p, '\n')) != NULL; p++)
        f->lines[f->nlines++] = (size_t)(p + 1 - f->text);
    return FC_OK;
}

/* ---- reading one file ---------------------------------------------------------- */

typedef struct rule_file {
    char *path;
    char *text;
    size_t len;
    cJSON *root;
    fc_jsonpos *pos;
    char sha256[FC_SHA256_HEX];
} rule_file;

static void rule_file_free(rule_file *f)
{
    free(f->path);
    free(f->text);
    cJSON_Delete(f->root);
    fc_jsonpos_free(f->pos);
}

/* Reads and parses a file; when check is true also validates it on its own (the
 * first file of a builder is validated as the merged tree instead). */
/* Points each relative name in the file's "datasets" and "events" at the file
 * of that name in the rule file's own folder (not the working directory), when
 * there is one; other names stay as they are, for <datadir>/datasets/
 * (rules_load.c). A rule file read from standard input has no folder. */
static fc_status resolve_data_files(cJSON *root, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (strcmp(path, "-") == 0 || !cJSON_IsObject(root))
        return FC_OK;
    static const char *const sections[] = {"datasets", "events"};
    for (size_t s = 0; s < 2; s++) {
        cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, sections[s]), *it;
        if (!cJSON_IsArray(arr))
            continue;
        cJSON_ArrayForEach(it, arr)
        {
            if (!cJSON_IsString(it) || !it->valuestring[0] || it->valuestring[0] == '/')
                continue;
            char candidate[8400];
            snprintf(candidate, sizeof candidate, "%.*s%s%s",
                     slash ? (int)(slash - path) : 1, slash ? path : ".", "/", it->valuestring);
            /* Anything of that name there is the file meant (a folder or a FIFO
             * is then refused by name when read), never one of the same name
             * elsewhere. */
            struct stat st;
            if (stat(candidate, &st) != 0)
                continue;
            char *real = realpath(candidate, NULL);
            if (!real)
                continue;
            char *copy = cJSON_SetValuestring(it, real);
            free(real);
            if (!copy)
                return FC_ENOMEM;
        }
    }
    return FC_OK;
}


/* The nesting depth of JSON text just before offset off (brackets outside
 * strings), to tell a file nested past the reader's limit from a malformed one. */
static int json_depth(const char *text, size_t off)
{
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (size_t i = 0; i < off; i++) {
        char ch = text[i];
        if (in_string) {
            if (ch == '\\')
                i++;
            else if (ch == '"')
                in_string = false;
        } else if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > deepest)
                deepest = depth;
        } else if (ch == ']' || ch == '}') {
            depth--;
        }
    }
    return deepest;
}

static fc_status rule_file_read(const char *path, rule_file *f, bool check, fc_diag *diag)
{
    memset(f, 0, sizeof *f);
    fc_status st = fc_read_file(path, "rule file", &f->text, &f->len, diag);
    if (st == FC_EFORMAT) /* binary (a NUL byte) or too large: a malformed rule file (rules.h) */
        return FC_ERULES;
    if (st != FC_OK)
        return st;
    fc_sha256_hex(f->text, f->len, f->sha256);
    if (!(f->path = fc_strdup(path)) || !(f->pos = fc_jsonpos_scan(f->text, f->len)))
        return FC_ENOMEM;
    const char *end = NULL;
    f->root = cJSON_ParseWithLengthOpts(f->text, f->len, &end, false);
    if (!f->root) {
        size_t off = end ? (size_t)(end - f->text) : 0;
        /* cJSON reports a key that fails to start one byte late: point at the
         * unexpected "}" or "]" itself. */
        if (off > 0 && off <= f->len && (f->text[off - 1] == '}' || f->text[off - 1] == ']'))
            off--;
        unsigned line, col;
        fc_jsonpos_linecol(f->text, off, &line, &col);
        if (json_depth(f->text, off) >= CJSON_NESTING_LIMIT)
            fc_diag_set(diag, path, line, col,
                        "nested more than %d levels deep (the JSON reader's limit)",
                        CJSON_NESTING_LIMIT);
        else
            fc_diag_set(diag, path, line, col, "malformed JSON");
        return FC_ERULES;
    }
    /* Only white space may follow the object: anything else would be text
     * cJSON stopped reading at, unseen and unchecked. */
    size_t after = (size_t)(end - f->text);
    while (after < f->len && strchr(" \t\r\n", f->text[after]) && f->text[after])
        after++;
    unsigned line, col;
    if (after < f->len) {
        fc_jsonpos_linecol(f->text, after, &line, &col);
        fc_diag_set(diag, path, line, col, "text after the JSON value");
        return FC_ERULES;
    }
    /* cJSON keeps both members of a repeated key, and the first is the one
     * read: the second would be silently ignored. */
    size_t first, second;
    if (fc_jsonpos_duplicate(f->pos, &first, &second)) {
        unsigned line1, col1;
        fc_jsonpos_linecol(f->text, first, &line1, &col1);
        fc_jsonpos_linecol(f->text, second, &line, &col);
        const char *name = f->text + second + 1, *q = name;
        while (*q && *q != '"')
            q += *q == '\\' && q[1] ? 2 : 1;
        int n = q - name > 200 ? 200 : (int)(q - name);
        fc_diag_set(diag, path, line, col, "duplicate key \"%.*s\" (also at line %u, column %u)", n,
                    name, line1, col1);
        return FC_ERULES;
    }
    if (resolve_data_files(f->root, path) != FC_OK)
        return FC_ENOMEM;
    if (!check)
        return FC_OK;
    fc_rules_source src = {path, f->text, f->pos, NULL, true};
    fc_rules *alone = NULL;
    st = fc_rules_compile(f->root, &src, &alone, diag);
    fc_rules_free(alone);
    return st;
}

/* ---- merging ---------------------------------------------------------------- */

static const char *entry_id(const cJSON *v)
{
    static const char *const fields[] = {"id", "phrase", "symbol", "word", "key"};
    if (cJSON_IsString(v))
        return v->valuestring;
    for (size_t i = 0; cJSON_IsObject(v) && i < sizeof fields / sizeof *fields; i++) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(v, fields[i]);
        if (cJSON_IsString(f))
            return f->valuestring;
    }
    return NULL;
}

typedef struct merger {
    const rule_file *file;
    fc_rules_info *info; /* origins are appended here */
    size_t file_index;   /* the index the file will have in info->files */
    bool failed;
} merger;

/* Records that the entry named key came from the value at path of the file. */
static void note(merger *m, const char *key, const char *path)
{
    size_t off = 0;
    fc_jsonpos_find(m->file->pos, path, false, &off);
    fc_rules_info *info = m->info;
    if (fc_grow((void **)&info->origins, &info->cap, info->norigins + 1, sizeof *info->origins) !=
            FC_OK ||
        !(info->origins[info->norigins].key = fc_strdup(key))) {
        m->failed = true;
        return;
    }
    info->origins[info->norigins].file = m->file_index;
    info->origins[info->norigins].offset = off;
    info->norigins++;
}

/* Notes the origin of every entry of a value just added (one level of sections
 * inside, as in "attribution" or "checks"). */
static void note_all(merger *m, const cJSON *v, const char *key, const char *path, int depth)
{
    char k[1000], p[1000];
    int i = 0;
    const cJSON *it;
    if (cJSON_IsArray(v)) {
        cJSON_ArrayForEach(it, v)
        {
            fc_path_id(k, sizeof k, key, entry_id(it) ? entry_id(it) : "?");
            fc_path_index(p, sizeof p, path, (size_t)(i++));
            note(m, k, p);
        }
    } else if (cJSON_IsObject(v) && depth < 2) {
        cJSON_ArrayForEach(it, v)
        {
            fc_path_key(k, sizeof k, key, it->string);
            fc_path_key(p, sizeof p, path, it->string);
            if (cJSON_IsArray(it) || (cJSON_IsObject(it) && depth == 0))
                note_all(m, it, k, p, depth + 1);
            else
                note(m, k, p);
        }
    } else {
        note(m, key, path);
    }
}

/* The entries of a list or the members of an object by name (entry_id or the
 * member's name), so that merging and removing look each one up at once rather
 * than by a walk over the list (which made a list of 40,000 stop words cost
 * 800 million comparisons). Open addressing; names point into the tree. */
typedef struct by_name {
    const char **names;
    cJSON **items;
    size_t mask, n;
} by_name;

static const char *name_of(const cJSON *v, bool object)
{
    return object ? v->string : entry_id(v);
}

static size_t name_slot(const by_name *t, const char *name)
{
    size_t b = (size_t)fc_hash(name, strlen(name), 0) & t->mask;
    while (t->names[b] && strcmp(t->names[b], name) != 0)
        b = (b + 1) & t->mask;
    return b;
}

/* Sets name's item (the first one of a name stays unless replace). */
static fc_status by_name_put(by_name *t, const char *name, cJSON *item, bool replace)
{
    if (2 * (t->n + 1) > t->mask + 1) {
        size_t cap = t->mask ? 2 * (t->mask + 1) : 64;
        by_name big = {calloc(cap, sizeof *big.names), calloc(cap, sizeof *big.items), cap - 1,
                       t->n};
        if (!big.names || !big.items) {
            free(big.names);
            free(big.items);
            return FC_ENOMEM;
        }
        for (size_t i = 0; t->mask && i <= t->mask; i++)
            if (t->names[i]) {
                size_t b = name_slot(&big, t->names[i]);
                big.names[b] = t->names[i];
                big.items[b] = t->items[i];
            }
        free(t->names);
        free(t->items);
        *t = big;
    }
    size_t b = name_slot(t, name);
    if (!t->names[b]) {
        t->names[b] = name;
        t->items[b] = item;
        t->n++;
    } else if (replace) {
        t->names[b] = name;
        t->items[b] = item;
    }
    return FC_OK;
}

static cJSON *by_name_get(const by_name *t, const char *name)
{
    if (!t->mask)
        return NULL;
    size_t b = name_slot(t, name);
    return t->names[b] ? t->items[b] : NULL;
}

static void by_name_free(by_name *t)
{
    free(t->names);
    free(t->items);
}

/* Every entry (member) of v by name. */
static fc_status by_name_fill(by_name *t, const cJSON *v, bool object)
{
    cJSON *it;
    cJSON_ArrayForEach(it, v)
    {
        const char *name = name_of(it, object);
        if (name && by_name_put(t, name, it, false) != FC_OK)
            return FC_ENOMEM;
    }
    return FC_OK;
}

static void merge_array(merger *m, cJSON *acc, const cJSON *layer, const char *path)
{
    const cJSON *it;
    int i = 0;
    by_name ids = {0};
    if (by_name_fill(&ids, acc, false) != FC_OK) {
        m->failed = true;
        by_name_free(&ids);
        return;
    }
    cJSON_ArrayForEach(it, layer)
    {
        char k[1000], p[1000];
        const char *id = entry_id(it);
        fc_path_id(k, sizeof k, path, id ? id : "?");
        fc_path_index(p, sizeof p, path, (size_t)(i++));
        cJSON *copy = cJSON_Duplicate(it, true), *same = id ? by_name_get(&ids, id) : NULL;
        if (!copy) {
            m->failed = true;
            break;
        }
        /* The table first: its name for the id may be inside the entry replaced. */
        if (id && by_name_put(&ids, entry_id(copy), copy, true) != FC_OK) {
            cJSON_Delete(copy);
            m->failed = true;
            break;
        }
        if (same)
            cJSON_ReplaceItemViaPointer(acc, same, copy);
        else
            cJSON_AddItemToArray(acc, copy);
        note(m, k, p);
    }
    by_name_free(&ids);
}

/* Merges layer into acc (both objects at path). */
static void merge_object(merger *m, cJSON *acc, const cJSON *layer, const char *path)
{
    const cJSON *it;
    by_name members = {0};
    if (by_name_fill(&members, acc, true) != FC_OK) {
        m->failed = true;
        by_name_free(&members);
        return;
    }
    cJSON_ArrayForEach(it, layer)
    {
        char p[1000];
        fc_path_key(p, sizeof p, path, it->string);
        if (strcmp(p, "$.remove") == 0)
            continue;
        cJSON *cur = by_name_get(&members, it->string);
        if (cJSON_IsNull(it)) {
            if (cur) {
                if (by_name_put(&members, it->string, NULL, true) != FC_OK) {
                    m->failed = true;
                    break;
                }
                cJSON_Delete(cJSON_DetachItemViaPointer(acc, cur));
            }
            continue;
        }
        if (cur && cJSON_IsObject(cur) && cJSON_IsObject(it)) {
            merge_object(m, cur, it, p);
        } else if (cur && cJSON_IsArray(cur) && cJSON_IsArray(it)) {
            merge_array(m, cur, it, p);
        } else {
            cJSON *copy = cJSON_Duplicate(it, true);
            if (!copy) {
                m->failed = true;
                break;
            }
            if (by_name_put(&members, it->string, copy, true) != FC_OK) {
                cJSON_Delete(copy);
                m->failed = true;
                break;
            }
            if (cur)
                cJSON_ReplaceItemViaPointer(acc, cur, copy);
            else
                cJSON_AddItemToObject(acc, it->string, copy);
            note_all(m, it, p, p, path[1] == '\0' ? 0 : 1);
        }
        if (m->failed)
            break;
    }
    by_name_free(&members);
}

/* "remove": {"hedges": ["over"], "stop_words": ["may"], "number_words": ["one"]}:
 * deletes the entries of those ids (the members of those names) from the rules
 * below. An id that is not a string, or that names nothing there, is an error
 * at its position in the file: a misspelt id must not pass unnoticed. Errors:
 * FC_ERULES (diag set), FC_ENOMEM. */
static fc_status apply_removals(cJSON *acc, const rule_file *f, fc_diag *diag)
{
    const cJSON *remove = cJSON_GetObjectItemCaseSensitive(f->root, "remove"), *sec, *id;
    cJSON_ArrayForEach(sec, remove)
    {
        char where[1000], at[1100], msg[400] = "";
        fc_path_key(where, sizeof where, "$.remove", sec->string);
        cJSON *target = cJSON_GetObjectItemCaseSensitive(acc, sec->string);
        bool object = cJSON_IsObject(target);
        by_name names = {0}, gone = {0};
        size_t i = 0;
        snprintf(at, sizeof at, "%s", where);
        if (!cJSON_IsArray(sec))
            snprintf(msg, sizeof msg, "expected an array of ids");
        else if (by_name_fill(&names, target, object) != FC_OK)
            goto nomem;
        cJSON_ArrayForEach(id, sec)
        {
            if (msg[0])
                break;
            fc_path_index(at, sizeof at, where, i++);
            if (!cJSON_IsString(id) || !id->valuestring[0])
                snprintf(msg, sizeof msg, "expected an id (a non-empty string)");
            else if (!by_name_get(&names, id->valuestring))
                snprintf(msg, sizeof msg, "no entry \"%.200s\" in the rules below",
                         id->valuestring);
            else if (by_name_put(&gone, id->valuestring, (cJSON *)id, false) != FC_OK)
                goto nomem;
        }
        if (!msg[0]) { /* one pass deletes every entry named */
            cJSON *cur = target ? target->child : NULL;
            while (cur) {
                cJSON *next = cur->next;
                const char *name = name_of(cur, object);
                if (name && by_name_get(&gone, name))
                    cJSON_Delete(cJSON_DetachItemViaPointer(target, cur));
                cur = next;
            }
        }
        by_name_free(&names);
        by_name_free(&gone);
        if (msg[0]) {
            size_t off = 0;
            unsigned line = 0, col = 0;
            if (fc_jsonpos_find(f->pos, at, false, &off))
                fc_jsonpos_linecol(f->text, off, &line, &col);
            fc_diag_set(diag, f->path, line, col, "%s: %s", at, msg);
            return FC_ERULES;
        }
        continue;
    nomem:
        by_name_free(&names);
        by_name_free(&gone);
        return FC_ENOMEM;
    }
    return FC_OK;
}

/* ---- the builder -------------------------------------------------------------- */

/* GSL's default error handler aborts the process (a distribution function
 * that fails to converge, an argument out of its domain); the library promises
 * never to abort, and the statistics test what GSL returns instead. Every use
 * of GSL needs rules, and all rules come from a builder: so the first builder
 * turns the default handler off, once per process, unless the program has set
 * a handler of its own, which stays (rules.h). */
static void gsl_quiet_once(void)
{
    gsl_error_handler_t *before = gsl_set_error_handler_off();
    if (before)
        gsl_set_error_handler(before);
}

fc_rules_builder *fc_rules_builder_new(void)
{
    static pthread_once_t gsl_once = PTHREAD_ONCE_INIT;
    pthread_once(&gsl_once, gsl_quiet_once);
    fc_rules_builder *b = calloc(1, sizeof *b);
    if (b && (!(b->info = calloc(1, sizeof *b->info)) || !(b->info->tree = cJSON_CreateObject()))) {
        fc_rules_builder_free(b);
        return NULL;
    }
    return b;
}

void fc_rules_builder_free(fc_rules_builder *b)
{
    if (!b)
        return;
    fc_rules_info_free(b->info);
    fc_rules_free(b->compiled);
    free(b);
}

fc_status fc_rules_builder_add(fc_rules_builder *b, const char *path, fc_diag *diag)
{
    if (!b->info)
        return FC_EINVAL; /* built already */
    fc_rules_info *info = b->info;
    size_t norigins = info->norigins;
    rule_file f;
    fc_status st = rule_file_read(path, &f, info->nfiles > 0, diag);
    cJSON *tree = NULL;
    src_file sf = {f.path, f.text, NULL, 0, 0, {0}};
    memcpy(sf.sha256, f.sha256, sizeof sf.sha256);
    if (st == FC_OK && (!(tree = cJSON_Duplicate(info->tree, true)) ||
                        fc_grow((void **)&info->files, &info->cap_files, info->nfiles + 1,
                                sizeof *info->files) != FC_OK ||
                        src_file_map_lines(&sf) != FC_OK))
        st = FC_ENOMEM;
    if (st == FC_OK) {
        merger m = {&f, info, info->nfiles, false};
        merge_object(&m, tree, f.root, "$");
        st = m.failed ? FC_ENOMEM : apply_removals(tree, &f, diag);
    }
    if (st == FC_OK) {
        /* Validate the merged tree: with this file's positions when it is the
         * only file, else through the origins of its entries. */
        cJSON *old = info->tree;
        info->tree = tree;
        info->files[info->nfiles++] = sf;
        fc_rules_source alone = {f.path, f.text, f.pos, NULL, false};
        fc_rules_source whole = {NULL, NULL, NULL, info, false};
        fc_rules *compiled = NULL;
        st = fc_rules_compile(tree, info->nfiles == 1 ? &alone : &whole, &compiled, diag);
        if (st == FC_OK) {
            cJSON_Delete(old);
            tree = NULL;
            f.path = f.text = NULL; /* owned by info->files now */
            sf.lines = NULL;
            fc_rules_free(b->compiled);
            b->compiled = compiled;
        } else {
            info->tree = old;
            info->nfiles--;
        }
    }
    if (st != FC_OK) { /* nothing of the file stays */
        cJSON_Delete(tree);
        free(sf.lines);
        while (info->norigins > norigins)
            free(info->origins[--info->norigins].key);
    }
    if (st == FC_ENOMEM)
        fc_diag_set(diag, path, 0, 0, "out of memory");
    rule_file_free(&f);
    return st;
}

fc_status fc_rules_builder_add_folder(fc_rules_builder *b, const char *dir, fc_diag *diag)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return FC_OK;
    char path[4200];
    snprintf(path, sizeof path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
             FC_FOLDER_RULES);
    if (stat(path, &st) != 0)
        return FC_OK;
    return fc_rules_builder_add(b, path, diag);
}

/* By key, then the later origin (higher address in the array) first. */
static int by_key_latest_first(const void *a, const void *b)
{
    const origin *x = *(const origin *const *)a, *y = *(const origin *const *)b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x < y) - (x > y);
}

fc_status fc_rules_builder_build(fc_rules_builder *b, fc_rules **out, fc_diag *diag)
{
    *out = NULL;
    if (!b->info)
        return FC_EINVAL; /* built already */
    fc_status st = FC_OK;
    if (!b->compiled) { /* no file added: empty rules */
        fc_rules_source whole = {NULL, NULL, NULL, b->info, false};
        st = fc_rules_compile(b->info->tree, &whole, &b->compiled, diag);
    }
    if (st != FC_OK)
        return st;
    fc_strbuf sb = {0};
    for (size_t i = 0; i < b->info->nfiles; i++)
        fc_sb_printf(&sb, "%s%s", i ? ", " : "", b->info->files[i].path);
    fc_rules *r = b->compiled;
    fc_rules_info *info = b->info;
    if (!(r->source = sb.len ? fc_sb_take(&sb) : fc_strdup(""))) {
        fc_sb_free(&sb);
        return FC_ENOMEM;
    }
    if (info->norigins) {
        if (!(info->by_key = malloc(info->norigins * sizeof *info->by_key)))
            return FC_ENOMEM;
        for (size_t i = 0; i < info->norigins; i++)
            info->by_key[i] = &info->origins[i];
        qsort(info->by_key, info->norigins, sizeof *info->by_key, by_key_latest_first);
    }
    r->info = b->info; /* the rules take the tree and origins along for the listing */
    b->info = NULL;
    b->compiled = NULL;
    *out = r;
    return FC_OK;
}

size_t fc_rules_nfiles(const fc_rules *rules)
{
    return (rules->info ? rules->info->nfiles : 0) + rules->refs.read.n + rules->event_rows.read.n;
}

fc_rules_file fc_rules_file_at(const fc_rules *rules, size_t i)
{
    size_t nrules = rules->info ? rules->info->nfiles : 0;
    if (i < nrules)
        return (fc_rules_file){"rules", rules->info->files[i].path, rules->info->files[i].sha256};
    i -= nrules;
    if (i < rules->refs.read.n)
        return (fc_rules_file){"dataset", rules->refs.read.items[i].path,
                               rules->refs.read.items[i].sha256};
    i -= rules->refs.read.n;
    if (i < rules->event_rows.read.n)
        return (fc_rules_file){"events", rules->event_rows.read.items[i].path,
                               rules->event_rows.read.items[i].sha256};
    return (fc_rules_file){NULL, NULL, NULL};
}

fc_status fc_rules_load(const char *path, fc_rules **out, fc_diag *diag)
{
    *out = NULL;
    fc_rules_builder *b = fc_rules_builder_new();
    if (!b)
        return FC_ENOMEM;
    fc_status st = fc_rules_builder_add(b, path, diag);
    if (st == FC_OK)
        st = fc_rules_builder_build(b, out, diag);
    fc_rules_builder_free(b);
    return st;
}

/* ---- the listing -------------------------------------------------------------- */

/* Lines of the listing are kept within this many columns where they can be: an
 * entry that does not fit beside its origin goes below it, wrapped. */
#define LISTING_WIDTH 80

typedef struct lister {
    const fc_rules_info *info;
    fc_strbuf sb;
    char cwd[4096];
    const char *datadir;
} lister;

/* A path (or "path:line:col") as the listing shows it: relative to the working
 * folder when inside it (as given on the command line), "<datadir>/..." for
 * the data folder, else as it is. */
static void show_path(const lister *l, const char *path, char *out, size_t n)
{
    size_t nd = strlen(l->datadir), nc = strlen(l->cwd);
    if (nd && strncmp(path, l->datadir, nd) == 0 && path[nd] == '/')
        snprintf(out, n, "<datadir>%s", path + nd);
    else if (nc > 1 && strncmp(path, l->cwd, nc) == 0 && path[nc] == '/')
        snprintf(out, n, "%s", path + nc + 1);
    else
        snprintf(out, n, "%s", path);
}

/* The origin of key as the listing shows it, or NULL when none is recorded
 * (members of a list or object merged member by member: their own entries
 * carry the origins). */
static const char *origin_shown(const lister *l, const char *key, char *out, size_t n)
{
    char where[4400];
    if (!fc_rules_info_origin(l->info, key, where, sizeof where))
        return NULL;
    show_path(l, where, out, n);
    return out;
}

/* v from indent on, in lines of at most LISTING_WIDTH columns where it can:
 * broken after a comma or a space, else at the width (never inside a UTF-8
 * character). */
static void put_wrapped(lister *l, const char *v, size_t indent)
{
    size_t avail = LISTING_WIDTH > indent + 20 ? LISTING_WIDTH - indent : 20;
    while (*v) {
        size_t len = strlen(v), cut = 0;
        fc_sb_printf(&l->sb, "%*s", (int)indent, "");
        if (len <= avail) {
            fc_sb_printf(&l->sb, "%s\n", v);
            return;
        }
        for (size_t i = 1; i <= avail; i++)
            if (v[i - 1] == ',' || v[i - 1] == ' ')
                cut = i;
        if (cut < avail / 3) {
            cut = avail;
            while (cut > 1 && ((unsigned char)v[cut] & 0xC0) == 0x80)
                cut--;
        }
        fc_sb_add(&l->sb, v, cut);
        fc_sb_puts(&l->sb, "\n");
        v += cut;
    }
}

/* A copy of s safe for a terminal (fc_term_safe: a key or a path from a rule
 * file or the command line cannot move the cursor); NULL for NULL or when out
 * of memory. */
static char *term_dup(const char *s)
{
    size_t n = s ? 4 * strlen(s) + 1 : 0;
    char *out = n ? malloc(n) : NULL;
    return out ? fc_term_safe(s, out, n) : NULL;
}

/* One entry: its label (a member's name; NULL for none), its value and its
 * origin. On one line when that fits; else the label (or name, an entry's id)
 * and origin on one line and the value below, wrapped. */
static void put_entry_safe(lister *l, size_t indent, const char *label, const char *name,
                           const char *value, const char *where);

static void put_entry(lister *l, size_t indent, const char *label, const char *name,
                      const char *value, const char *where)
{
    char *sl = term_dup(label), *sn = term_dup(name), *sv = term_dup(value), *sw = term_dup(where);
    if ((label && !sl) || (name && !sn) || !sv || !sw)
        l->sb.failed = true;
    else
        put_entry_safe(l, indent, sl, sn, sv, sw);
    free(sl);
    free(sn);
    free(sv);
    free(sw);
}

static void put_entry_safe(lister *l, size_t indent, const char *label, const char *name,
                           const char *value, const char *where)
{
    size_t before = l->sb.len;
    /* labels in a column when that fits, else just before their value */
    for (int pad = label ? 24 : 0; pad >= 0; pad -= 24) {
        if (label)
            fc_sb_printf(&l->sb, "%*s%-*s %s  %s\n", (int)indent, "", pad, label, value, where);
        else
            fc_sb_printf(&l->sb, "%*s%s  %s\n", (int)indent, "", value, where);
        if (l->sb.failed || l->sb.len - before <= LISTING_WIDTH + 1)
            return;
        l->sb.len = before; /* too long */
        if (l->sb.data)
            l->sb.data[before] = '\0';
    }
    /* the value goes below its label and origin */
    const char *head = label ? label : name;
    fc_sb_printf(&l->sb, "%*s%s%s%s\n", (int)indent, "", head ? head : "", head ? "  " : "",
                 where);
    put_wrapped(l, value, indent + 4);
}

/* The members of a list or object with no origin of its own, each with its own
 * (a list merged entry by entry, an object member by member). */
static void list_members(lister *l, const cJSON *v, const char *key, size_t indent);

/* A value at key: with its origin when one is recorded, else member by member.
 * Data file names (datasets, events: resolved to where they were found) are
 * shown as paths are. */
static void list_value(lister *l, const cJSON *v, const char *key, const char *label,
                       const char *name, size_t indent)
{
    char where[4500];
    const char *o = origin_shown(l, key, where, sizeof where);
    if (!o && (cJSON_IsArray(v) || cJSON_IsObject(v)) && cJSON_GetArraySize(v) > 0) {
        char *safe = term_dup(label);
        if (safe)
            fc_sb_printf(&l->sb, "%*s%s:\n", (int)indent, "", safe);
        free(safe);
        list_members(l, v, key, indent + 2);
        return;
    }
    char *text = NULL, shown[4500];
    bool file = cJSON_IsString(v) && v->valuestring[0] == '/' &&
                (strncmp(key, "$.datasets/", 11) == 0 || strncmp(key, "$.events/", 9) == 0);
    if (file) {
        show_path(l, v->valuestring, shown, sizeof shown);
        cJSON *s = cJSON_CreateString(shown);
        text = s ? cJSON_PrintUnformatted(s) : NULL;
        cJSON_Delete(s);
    } else {
        text = cJSON_PrintUnformatted(v);
    }
    put_entry(l, indent, label, name, text ? text : "", o ? o : "?");
    cJSON_free(text);
}

static void list_members(lister *l, const cJSON *v, const char *key, size_t indent)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, v)
    {
        char k[1000];
        if (cJSON_IsArray(v)) {
            const char *id = entry_id(it);
            fc_path_id(k, sizeof k, key, id ? id : "?");
            /* an entry that is an object goes by its id when it needs two lines */
            list_value(l, it, k, NULL, cJSON_IsObject(it) ? id : NULL, indent);
        } else {
            fc_path_key(k, sizeof k, key, it->string);
            list_value(l, it, k, it->string, NULL, indent);
        }
    }
}

/* Every section, every entry, and where it came from. */
static char *make_listing(const fc_rules_info *info, const char *sources)
{
    lister l = {info, {0}, "", fc_datadir()};
    if (!getcwd(l.cwd, sizeof l.cwd))
        l.cwd[0] = '\0';
    fc_sb_puts(&l.sb, "# rules from: ");
    if (!sources || !*sources)
        fc_sb_puts(&l.sb, "(none)\n");
    for (size_t i = 0; i < info->nfiles; i++) { /* one a line, in order */
        char shown[4400], safe[4 * sizeof shown];
        show_path(&l, info->files[i].path, shown, sizeof shown);
        fc_sb_printf(&l.sb, "%s%s\n", i ? "#             " : "",
                     fc_term_safe(shown, safe, sizeof safe));
    }
    fc_sb_printf(&l.sb, "# <datadir> is %s\n", l.datadir);
    const cJSON *sec;
    cJSON_ArrayForEach(sec, info->tree)
    {
        char sec_path[400];
        snprintf(sec_path, sizeof sec_path, "$.%s", sec->string);
        if (!cJSON_IsArray(sec) && !cJSON_IsObject(sec)) {
            char label[300];
            snprintf(label, sizeof label, "%s:", sec->string);
            fc_sb_puts(&l.sb, "\n");
            list_value(&l, sec, sec_path, label, NULL, 0);
            continue;
        }
        char *safe = term_dup(sec->string);
        fc_sb_printf(&l.sb, "\n%s (%d)\n", safe ? safe : "", cJSON_GetArraySize(sec));
        free(safe);
        list_members(&l, sec, sec_path, 2);
    }
    return fc_sb_take(&l.sb);
}

fc_status fc_rules_write_listing(const fc_rules *rules, FILE *out)
{
    if (!rules->info)
        return fputs("# rules from: (none)\n", out) < 0 ? FC_EIO : FC_OK;
    char *text = make_listing(rules->info, rules->source);
    if (!text)
        return FC_ENOMEM;
    int rc = fputs(text, out);
    free(text);
    return rc < 0 ? FC_EIO : FC_OK;
}

/* ---- where the defaults live --------------------------------------------- */

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *fc_datadir(void)
{
    static char dir[4200];
    const char *env = getenv("FACTCHECK_DATADIR");
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(dir, sizeof dir, "%s/../share/factcheck", exe);
            char *real = is_dir(dir) ? realpath(dir, NULL) : NULL;
            if (real) {
                snprintf(dir, sizeof dir, "%s", real);
                free(real);
                return dir;
            }
        }
    }
    snprintf(dir, sizeof dir, "%s", FC_INSTALL_DATADIR);
    return dir;
}

const char *fc_rules_default_path(void)
{
    static char path[4400];
    snprintf(path, sizeof path, "%s/rules/default.json", fc_datadir());
    return path;
}

fc_status fc_rules_load_default(fc_rules **out, fc_diag *diag)
{
    return fc_rules_load(fc_rules_default_path(), out, diag);
}
