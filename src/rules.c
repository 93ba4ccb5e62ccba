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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsonpos.h"
#include "rules_internal.h"
#include "util.h"

struct fc_rules_builder {
    cJSON *tree;    /* the merged rules */
    cJSON *origins; /* "$.section/id" or "$.section.member" -> "file:line:col" */
    char *sources;  /* the files added, comma-separated */
};

/* ---- reading one file ---------------------------------------------------------- */

typedef struct rule_file {
    char *path;
    char *text;
    size_t len;
    cJSON *root;
    fc_jsonpos *pos;
} rule_file;

static void rule_file_free(rule_file *f)
{
    free(f->path);
    free(f->text);
    cJSON_Delete(f->root);
    fc_jsonpos_free(f->pos);
}

static fc_status read_text(const char *path, char **out, size_t *len, fc_diag *diag)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fc_diag_set(diag, path, 0, 0, "cannot open rule file: %s", strerror(errno));
        return FC_EIO;
    }
    fc_strbuf sb = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        fc_sb_add(&sb, chunk, n);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        fc_sb_free(&sb);
        fc_diag_set(diag, path, 0, 0, "cannot read rule file");
        return FC_EIO;
    }
    *len = sb.len;
    return (*out = fc_sb_take(&sb)) ? FC_OK : FC_ENOMEM;
}

/* Reads, parses and validates one file on its own. */
static fc_status rule_file_read(const char *path, rule_file *f, fc_diag *diag)
{
    memset(f, 0, sizeof *f);
    fc_status st = read_text(path, &f->text, &f->len, diag);
    if (st != FC_OK)
        return st;
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
        fc_diag_set(diag, path, line, col, "malformed JSON");
        return FC_ERULES;
    }
    char *dir = fc_strdup(path), *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash)
        *slash = '\0';
    fc_rules_source src = {path, f->text, f->pos, NULL, slash ? dir : "."};
    fc_rules *alone = NULL;
    st = fc_rules_compile(f->root, &src, &alone, diag);
    fc_rules_free(alone);
    free(dir);
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
    cJSON *origins;
    bool failed;
} merger;

/* Records that the entry named key came from the value at path of the file. */
static void note(merger *m, const char *key, const char *path)
{
    size_t off = 0;
    unsigned line = 0, col = 0;
    if (fc_jsonpos_find(m->file->pos, path, false, &off))
        fc_jsonpos_linecol(m->file->text, off, &line, &col);
    char where[1200];
    snprintf(where, sizeof where, "%s:%u:%u", m->file->path, line, col);
    cJSON_DeleteItemFromObjectCaseSensitive(m->origins, key);
    if (!cJSON_AddStringToObject(m->origins, key, where))
        m->failed = true;
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

static void merge_array(merger *m, cJSON *acc, const cJSON *layer, const char *path)
{
    const cJSON *it;
    int i = 0;
    cJSON_ArrayForEach(it, layer)
    {
        char k[1000], p[1000];
        const char *id = entry_id(it);
        fc_path_id(k, sizeof k, path, id ? id : "?");
        fc_path_index(p, sizeof p, path, (size_t)(i++));
        cJSON *copy = cJSON_Duplicate(it, true), *same = NULL, *cur;
        if (!copy) {
            m->failed = true;
            return;
        }
        cJSON_ArrayForEach(cur, acc)
        {
            if (id && entry_id(cur) && strcmp(entry_id(cur), id) == 0) {
                same = cur;
                break;
            }
        }
        if (same)
            cJSON_ReplaceItemViaPointer(acc, same, copy);
        else
            cJSON_AddItemToArray(acc, copy);
        note(m, k, p);
    }
}

/* Merges layer into acc (both objects at path). */
static void merge_object(merger *m, cJSON *acc, const cJSON *layer, const char *path)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, layer)
    {
        char p[1000];
        fc_path_key(p, sizeof p, path, it->string);
        if (strcmp(p, "$.remove") == 0)
            continue;
        cJSON *cur = cJSON_GetObjectItemCaseSensitive(acc, it->string);
        if (cJSON_IsNull(it)) {
            cJSON_DeleteItemFromObjectCaseSensitive(acc, it->string);
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
                return;
            }
            if (cur)
                cJSON_ReplaceItemViaPointer(acc, cur, copy);
            else
                cJSON_AddItemToObject(acc, it->string, copy);
            note_all(m, it, p, p, path[1] == '\0' ? 0 : 1);
        }
    }
}

/* "remove": {"hedges": ["over"], "stop_words": ["may"], "number_words": ["one"]} */
static void apply_removals(cJSON *acc, const cJSON *remove)
{
    const cJSON *sec, *id;
    cJSON_ArrayForEach(sec, remove)
    {
        cJSON *target = cJSON_GetObjectItemCaseSensitive(acc, sec->string);
        cJSON_ArrayForEach(id, sec)
        {
            if (!cJSON_IsString(id) || !target)
                continue;
            if (cJSON_IsObject(target)) {
                cJSON_DeleteItemFromObjectCaseSensitive(target, id->valuestring);
                continue;
            }
            cJSON *cur = target->child;
            while (cur) {
                cJSON *next = cur->next;
                if (entry_id(cur) && strcmp(entry_id(cur), id->valuestring) == 0)
                    cJSON_Delete(cJSON_DetachItemViaPointer(target, cur));
                cur = next;
            }
        }
    }
}

/* ---- the builder -------------------------------------------------------------- */

fc_rules_builder *fc_rules_builder_new(void)
{
    fc_rules_builder *b = calloc(1, sizeof *b);
    if (b && (!(b->tree = cJSON_CreateObject()) || !(b->origins = cJSON_CreateObject()))) {
        fc_rules_builder_free(b);
        return NULL;
    }
    return b;
}

void fc_rules_builder_free(fc_rules_builder *b)
{
    if (!b)
        return;
    cJSON_Delete(b->tree);
    cJSON_Delete(b->origins);
    free(b->sources);
    free(b);
}

static fc_status build(const cJSON *tree, const cJSON *origins, fc_rules **out, fc_diag *diag)
{
    fc_rules_source src = {NULL, NULL, NULL, origins, "."};
    return fc_rules_compile(tree, &src, out, diag);
}

fc_status fc_rules_builder_add(fc_rules_builder *b, const char *path, fc_diag *diag)
{
    rule_file f;
    fc_status st = rule_file_read(path, &f, diag);
    cJSON *tree = NULL, *origins = NULL;
    fc_rules *check = NULL;
    if (st == FC_OK && (!(tree = cJSON_Duplicate(b->tree, true)) ||
                        !(origins = cJSON_Duplicate(b->origins, true))))
        st = FC_ENOMEM;
    if (st == FC_OK) {
        merger m = {&f, origins, false};
        merge_object(&m, tree, f.root, "$");
        apply_removals(tree, cJSON_GetObjectItemCaseSensitive(f.root, "remove"));
        st = m.failed ? FC_ENOMEM : build(tree, origins, &check, diag);
    }
    fc_rules_free(check);
    if (st == FC_OK) {
        fc_strbuf sb = {0};
        fc_sb_printf(&sb, "%s%s%s", b->sources ? b->sources : "", b->sources ? ", " : "", path);
        char *sources = fc_sb_take(&sb);
        if (!sources) {
            st = FC_ENOMEM;
        } else {
            free(b->sources);
            b->sources = sources;
            cJSON_Delete(b->tree);
            cJSON_Delete(b->origins);
            b->tree = tree;
            b->origins = origins;
            tree = origins = NULL;
        }
    }
    if (st == FC_ENOMEM)
        fc_diag_set(diag, path, 0, 0, "out of memory");
    cJSON_Delete(tree);
    cJSON_Delete(origins);
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

/* The listing: every section, every entry, and where it came from. */
static char *make_listing(const cJSON *tree, const cJSON *origins, const char *sources)
{
    fc_strbuf sb = {0};
    fc_sb_printf(&sb, "# rules from: %s\n", sources ? sources : "(none)");
    const cJSON *sec, *it, *sub;
    cJSON_ArrayForEach(sec, tree)
    {
        char key[1000];
        if (!cJSON_IsArray(sec) && !cJSON_IsObject(sec)) {
            char *v = cJSON_PrintUnformatted(sec);
            snprintf(key, sizeof key, "$.%s", sec->string);
            const cJSON *o = cJSON_GetObjectItemCaseSensitive(origins, key);
            fc_sb_printf(&sb, "\n%s: %s  (%s)\n", sec->string, v ? v : "",
                         cJSON_IsString(o) ? o->valuestring : "?");
            cJSON_free(v);
            continue;
        }
        fc_sb_printf(&sb, "\n%s (%d)\n", sec->string, cJSON_GetArraySize(sec));
        cJSON_ArrayForEach(it, sec)
        {
            const cJSON *list =
                cJSON_IsObject(sec) && (cJSON_IsArray(it) || cJSON_IsObject(it)) ? it : NULL;
            if (list && cJSON_IsObject(sec) && cJSON_IsArray(it) && it->string) {
                /* a nested list ("attribution": {"before_source": [...]}) */
                fc_sb_printf(&sb, "  %s:\n", it->string);
                cJSON_ArrayForEach(sub, it)
                {
                    char sec_path[400], list_path[800];
                    snprintf(sec_path, sizeof sec_path, "$.%s", sec->string);
                    fc_path_key(list_path, sizeof list_path, sec_path, it->string);
                    fc_path_id(key, sizeof key, list_path, entry_id(sub) ? entry_id(sub) : "?");
                    const cJSON *o = cJSON_GetObjectItemCaseSensitive(origins, key);
                    char *v = cJSON_PrintUnformatted(sub);
                    fc_sb_printf(&sb, "    %-28s %s\n", v ? v : "",
                                 cJSON_IsString(o) ? o->valuestring : "?");
                    cJSON_free(v);
                }
                continue;
            }
            char base[400];
            snprintf(base, sizeof base, "$.%s", sec->string);
            if (cJSON_IsArray(sec))
                fc_path_id(key, sizeof key, base, entry_id(it) ? entry_id(it) : "?");
            else
                fc_path_key(key, sizeof key, base, it->string);
            const cJSON *o = cJSON_GetObjectItemCaseSensitive(origins, key);
            char *v = cJSON_PrintUnformatted(it);
            if (cJSON_IsObject(sec))
                fc_sb_printf(&sb, "  %-26s %-40s %s\n", it->string, v ? v : "",
                             cJSON_IsString(o) ? o->valuestring : "?");
            else
                fc_sb_printf(&sb, "  %-66s %s\n", v ? v : "",
                             cJSON_IsString(o) ? o->valuestring : "?");
            cJSON_free(v);
        }
    }
    return fc_sb_take(&sb);
}

fc_status fc_rules_builder_build(const fc_rules_builder *b, fc_rules **out, fc_diag *diag)
{
    fc_status st = build(b->tree, b->origins, out, diag);
    if (st != FC_OK)
        return st;
    if (!((*out)->source = fc_strdup(b->sources ? b->sources : "")) ||
        !((*out)->listing = make_listing(b->tree, b->origins, b->sources))) {
        fc_rules_free(*out);
        *out = NULL;
        return FC_ENOMEM;
    }
    return FC_OK;
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

fc_status fc_rules_write_listing(const fc_rules *rules, FILE *out)
{
    return fputs(rules->listing ? rules->listing : "", out) < 0 ? FC_EIO : FC_OK;
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
