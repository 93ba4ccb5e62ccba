/* corpus.c - gathering inputs (files, folders, standard input) and running the
 * pipeline over them: load -> extract -> check.
 *
 * Every path given, and every document file found in a folder, becomes an
 * fc_input, whatever happens to it later; a report lists them all.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc_internal.h"
#include "factcheck/corpus.h"
#include "factcheck/extract.h"
#include "util.h"

struct fc_corpus {
    fc_input *inputs;
    size_t ninputs, cap;
    bool *listed; /* listed[i]: input i was found in a folder as a regular file */
    size_t listed_cap;
    fc_claims claims;
    fc_findings findings;
};

fc_corpus *fc_corpus_new(void)
{
    return calloc(1, sizeof(fc_corpus));
}

void fc_corpus_free(fc_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->ninputs; i++) {
        free(c->inputs[i].path);
        free(c->inputs[i].error);
        fc_doc_free(c->inputs[i].doc);
    }
    free(c->inputs);
    free(c->listed);
    fc_claims_clear(&c->claims);
    fc_findings_clear(&c->findings);
    free(c);
}

/* Adds an input; error (may be NULL) is a message for an input that failed already. */
static fc_status add_input(fc_corpus *c, const char *path, fc_status status, const char *error,
                           bool listed)
{
    if (fc_grow((void **)&c->inputs, &c->cap, c->ninputs + 1, sizeof *c->inputs) != FC_OK ||
        fc_grow((void **)&c->listed, &c->listed_cap, c->ninputs + 1, sizeof *c->listed) != FC_OK)
        return FC_ENOMEM;
    c->listed[c->ninputs] = listed;
    fc_input *in = &c->inputs[c->ninputs];
    memset(in, 0, sizeof *in);
    in->status = status;
    if (!(in->path = fc_strdup(path)) || (error && !(in->error = fc_strdup(error)))) {
        free(in->path);
        return FC_ENOMEM;
    }
    c->ninputs++;
    return FC_OK;
}

static fc_status add_error(fc_corpus *c, const char *path, fc_status st, const char *what)
{
    fc_strbuf sb = {0};
    fc_sb_printf(&sb, "%s: %s", path, what);
    char *msg = fc_sb_take(&sb);
    if (!msg)
        return FC_ENOMEM;
    fc_status r = add_input(c, path, st, msg, false);
    free(msg);
    return r;
}

static bool is_document_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 3 && strcmp(name + n - 3, ".md") == 0) ||
           (n > 4 && strcmp(name + n - 4, ".txt") == 0);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folders on the current walk, to detect symlink loops. */
typedef struct visited {
    dev_t dev;
    ino_t ino;
    const struct visited *up;
} visited;

static fc_status walk(fc_corpus *c, const char *dir, const visited *up);

/* Lists dir's entries (hidden ones skipped) in byte order of their names. */
static fc_status list_dir(const char *dir, char ***names, size_t *n, int *err)
{
    DIR *d = opendir(dir);
    *names = NULL;
    *n = 0;
    if (!d) {
        *err = errno;
        return FC_EIO;
    }
    size_t cap = 0;
    struct dirent *e;
    fc_status st = FC_OK;
    while (st == FC_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (fc_grow((void **)names, &cap, *n + 1, sizeof **names) != FC_OK ||
            !((*names)[*n] = fc_strdup(e->d_name)))
            st = FC_ENOMEM;
        else
            (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(*names, *n, sizeof **names, by_name);
    return st;
}

static fc_status walk_entry(fc_corpus *c, const char *path, const char *name, const visited *v)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return is_document_name(name) ? add_error(c, path, FC_EIO, strerror(errno)) : FC_OK;
    if (S_ISDIR(st.st_mode)) {
        for (const visited *p = v; p; p = p->up)
            if (p->dev == st.st_dev && p->ino == st.st_ino)
                return add_error(c, path, FC_EIO, "symbolic link loop; folder not entered");
        return walk(c, path, v);
    }
    if (!is_document_name(name))
        return FC_OK;
    if (!S_ISREG(st.st_mode)) { /* a FIFO named like a document is reported, not read */
        char what[64];
        snprintf(what, sizeof what, "%s, not a document file; not read", fc_file_kind(st.st_mode));
        return add_error(c, path, FC_EIO, what);
    }
    return add_input(c, path, FC_OK, NULL, true);
}

static fc_status walk(fc_corpus *c, const char *dir, const visited *up)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return add_error(c, dir, FC_EIO, strerror(errno));
    visited here = {st.st_dev, st.st_ino, up};
    char **names;
    size_t n;
    int err = 0;
    fc_status rc = list_dir(dir, &names, &n, &err);
    if (rc == FC_EIO)
        return add_error(c, dir, FC_EIO, strerror(err));
    size_t dlen = strlen(dir);
    bool slash = dlen > 0 && dir[dlen - 1] == '/';
    for (size_t i = 0; i < n; i++) {
        if (rc == FC_OK) {
            fc_strbuf sb = {0};
            fc_sb_printf(&sb, "%s%s%s", dir, slash ? "" : "/", names[i]);
            char *path = fc_sb_take(&sb);
            rc = path ? walk_entry(c, path, names[i], &here) : FC_ENOMEM;
            free(path);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

fc_status fc_corpus_add_path(fc_corpus *c, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return add_input(c, path, FC_OK, NULL, false);
    if (stat(path, &st) != 0)
        return add_error(c, path, FC_EIO, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return walk(c, path, NULL);
    /* A file named explicitly is read whatever its name or kind (a pipe from the shell). */
    return add_input(c, path, FC_OK, NULL, false);
}

fc_status fc_corpus_extract(fc_corpus *c, const fc_rules *rules)
{
    for (size_t i = 0; i < c->ninputs; i++) {
        fc_input *in = &c->inputs[i];
        if (in->status != FC_OK || in->doc)
            continue;
        fc_diag diag = {0};
        fc_status st = fc_doc_load_file(in->path, c->listed[i], &in->doc, &diag);
        if (st == FC_ENOMEM)
            return st;
        if (st != FC_OK) {
            char msg[1100];
            in->status = st;
            if (!(in->error = fc_strdup(fc_diag_format(&diag, msg, sizeof msg))))
                return FC_ENOMEM;
            continue;
        }
        size_t before = c->claims.n;
        st = fc_extract(rules, in->doc, i, &c->claims);
        if (st != FC_OK)
            return st;
        in->nclaims = c->claims.n - before;
    }
    return FC_OK;
}

fc_status fc_corpus_check(fc_corpus *c, const fc_rules *rules)
{
    const fc_doc **docs = malloc((c->ninputs ? c->ninputs : 1) * sizeof *docs);
    if (!docs)
        return FC_ENOMEM;
    for (size_t i = 0; i < c->ninputs; i++)
        docs[i] = c->inputs[i].doc;
    fc_status st = fc_check_run(rules, &c->claims, docs, c->ninputs, &c->findings);
    free(docs);
    return st;
}

size_t fc_corpus_ninputs(const fc_corpus *c)
{
    return c->ninputs;
}

const fc_input *fc_corpus_input(const fc_corpus *c, size_t i)
{
    return i < c->ninputs ? &c->inputs[i] : NULL;
}

const fc_claims *fc_corpus_claims(const fc_corpus *c)
{
    return &c->claims;
}

const fc_findings *fc_corpus_findings(const fc_corpus *c)
{
    return &c->findings;
}

size_t fc_corpus_nfailed(const fc_corpus *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->ninputs; i++)
        n += c->inputs[i].status != FC_OK;
    return n;
}

size_t fc_corpus_nseverity(const fc_corpus *c, fc_severity s)
{
    size_t n = 0;
    for (size_t i = 0; i < c->findings.n; i++)
        n += c->findings.items[i].severity == s;
    return n;
}
