/* fuzz_walk.c - libFuzzer target: the folder walk over trees of files, folders
 * and symlinks.
 *
 * The input is a list of 3-byte instructions that build a small tree in a
 * scratch folder: a folder, a document, a file that is no document, a hidden
 * document, a FIFO named like a document, a hard link, a symlink to any node
 * made so far (folders above, beside and below; files; itself) or a dangling
 * one. fc_corpus_add_path then walks the root (twice, and once more through a
 * node the input picks), and the walk's promises are checked:
 *   - each real file is at most one input (no two readable inputs share a
 *     device and inode), and every real document file in the tree is one;
 *   - the number of inputs is at most the number of entries made (each real
 *     folder is listed once, each entry of it gives at most one input, a file
 *     or an error), so no symlink arrangement multiplies the walk;
 *   - a walk of something walked already adds nothing;
 *   - a hidden entry is never an input. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "factcheck/corpus.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_NODES 48

typedef enum kind { K_FOLDER, K_DOC, K_OTHER, K_HIDDEN, K_FIFO, K_HARDLINK, K_SYMLINK, K_DANGLING } kind;

typedef struct node {
    char path[1024]; /* absolute */
    kind kind;
    bool folder; /* a real folder (not a symlink to one) */
    bool doc;    /* a real document file: regular, named .md or .txt, not hidden */
} node;

static node nodes[MAX_NODES];
static size_t nnodes;
static char root[512];

/* Removes path and, when it is a real folder, everything in it (symlinks are
 * removed, never followed). */
static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char sub[1200];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            remove_tree(sub);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void remove_root(void)
{
    if (root[0])
        remove_tree(root);
}

/* A fresh, empty root folder under $TMPDIR, else /dev/shm, else /tmp. */
static void fresh_root(void)
{
    if (!root[0]) {
        const char *dir = getenv("TMPDIR");
        struct stat st;
        if (!dir || !*dir)
            dir = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
        snprintf(root, sizeof root, "%s/factcheck-fuzz-walk-%ld", dir, (long)getpid());
        atexit(remove_root);
    }
    remove_root();
    if (mkdir(root, 0755) != 0)
        fuzz_fail("cannot create %s: %s", root, strerror(errno));
}

static void add_node(const char *dir, const char *name, kind k, bool folder, bool doc)
{
    node *n = &nodes[nnodes];
    int len = snprintf(n->path, sizeof n->path, "%s/%s", dir, name);
    if (len < 0 || (size_t)len >= sizeof n->path)
        return;
    n->kind = k;
    n->folder = folder;
    n->doc = doc;
    nnodes++;
}

/* The i-th folder made so far (the root is folder 0). */
static const char *folder_at(unsigned i)
{
    size_t nfolders = 1;
    for (size_t k = 0; k < nnodes; k++)
        nfolders += nodes[k].folder;
    i %= (unsigned)nfolders;
    if (i == 0)
        return root;
    for (size_t k = 0; k < nnodes; k++)
        if (nodes[k].folder && --i == 0)
            return nodes[k].path;
    return root;
}

/* Makes the tree; returns the number of entries made (the root included). */
static size_t build(const uint8_t *data, size_t size)
{
    nnodes = 0;
    for (size_t p = 0; p + 3 <= size && nnodes < MAX_NODES; p += 3) {
        kind k = (kind)(data[p] % 8);
        const char *dir = folder_at(data[p + 1]);
        char name[32];
        size_t id = nnodes;
        const node *target = nnodes ? &nodes[data[p + 2] % nnodes] : NULL;
        /* A symlink is a document name or a folder name at the input's choice. */
        const char *ext = data[p + 2] & 0x80 ? ".md" : "";
        char path[1100];
        switch (k) {
        case K_FOLDER:
            snprintf(name, sizeof name, "d%zu", id);
            snprintf(path, sizeof path, "%s/%s", dir, name);
            if (mkdir(path, 0755) == 0)
                add_node(dir, name, k, true, false);
            break;
        case K_DOC:
        case K_OTHER:
        case K_HIDDEN: {
            snprintf(name, sizeof name, k == K_DOC ? "n%zu.md" : k == K_OTHER ? "n%zu.dat" : ".n%zu.md",
                     id);
            snprintf(path, sizeof path, "%s/%s", dir, name);
            FILE *f = fopen(path, "wb");
            if (f && fputs("Police detained 475 people.\n", f) >= 0 && fclose(f) == 0)
                add_node(dir, name, k, false, k == K_DOC);
            else if (f)
                fclose(f);
            break;
        }
        case K_FIFO:
            snprintf(name, sizeof name, "p%zu.md", id);
            snprintf(path, sizeof path, "%s/%s", dir, name);
            if (mkfifo(path, 0644) == 0)
                add_node(dir, name, k, false, false);
            break;
        case K_HARDLINK:
            if (!target || target->folder || target->kind == K_SYMLINK ||
                target->kind == K_DANGLING)
                break;
            snprintf(name, sizeof name, "h%zu%s", id, ext);
            snprintf(path, sizeof path, "%s/%s", dir, name);
            if (link(target->path, path) == 0)
                add_node(dir, name, k, false, false);
            break;
        case K_SYMLINK:
        case K_DANGLING:
            snprintf(name, sizeof name, "s%zu%s", id, ext);
            snprintf(path, sizeof path, "%s/%s", dir, name);
            const char *to = k == K_DANGLING || !target ? "nowhere" : target->path;
            if (k == K_SYMLINK && data[p + 1] & 0x80) /* to a folder, maybe an ancestor */
                to = folder_at(data[p + 2]);
            if (symlink(to, path) == 0)
                add_node(dir, name, k, false, false);
            break;
        }
    }
    return nnodes + 1;
}

static void check(const fc_corpus *c, size_t from, size_t nentries)
{
    size_t n = fc_corpus_ninputs(c);
    if (n - from > nentries)
        fuzz_fail("%zu inputs from %zu entries", n - from, nentries);
    struct stat *seen = calloc(n ? n : 1, sizeof *seen);
    if (!seen)
        fuzz_fail("out of memory");
    for (size_t i = from; i < n; i++) {
        const fc_input *in = fc_corpus_input(c, i);
        const char *base = strrchr(in->path, '/');
        if (base && base[1] == '.')
            fuzz_fail("hidden entry %s is an input", in->path);
        if (in->status != FC_OK) {
            if (!in->error || !strstr(in->error, in->path))
                fuzz_fail("input %s failed without a message naming it", in->path);
            continue;
        }
        if (in->skipped) { /* no document type: listed with a warning, never read */
            if (!in->warning || !strstr(in->warning, in->path) || in->doc)
                fuzz_fail("input %s skipped without a warning naming it", in->path);
            continue;
        }
        if (stat(in->path, &seen[i]) != 0 || !S_ISREG(seen[i].st_mode))
            fuzz_fail("input %s is not a regular file", in->path);
        for (size_t k = from; k < i; k++)
            if (fc_corpus_input(c, k)->status == FC_OK && !fc_corpus_input(c, k)->skipped &&
                seen[k].st_dev == seen[i].st_dev &&
                seen[k].st_ino == seen[i].st_ino)
                fuzz_fail("%s and %s are the same file", fc_corpus_input(c, k)->path, in->path);
    }
    for (size_t j = 0; j < nnodes; j++) {
        if (!nodes[j].doc)
            continue;
        struct stat st;
        if (stat(nodes[j].path, &st) != 0)
            fuzz_fail("cannot stat %s", nodes[j].path);
        bool found = false;
        for (size_t i = from; i < n && !found; i++)
            found = fc_corpus_input(c, i)->status == FC_OK && !fc_corpus_input(c, i)->skipped &&
                    seen[i].st_dev == st.st_dev &&
                    seen[i].st_ino == st.st_ino;
        if (!found)
            fuzz_fail("document %s is no input", nodes[j].path);
    }
    free(seen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fresh_root();
    size_t nentries = build(data, size);
    fc_corpus *c = fc_corpus_new();
    if (!c)
        fuzz_fail("out of memory");
    if (fc_corpus_add_path(c, root) != FC_OK)
        fuzz_fail("fc_corpus_add_path failed");
    check(c, 0, nentries);
    size_t n = fc_corpus_ninputs(c);
    if (fc_corpus_add_path(c, root) != FC_OK || fc_corpus_ninputs(c) != n)
        fuzz_fail("the root walked twice added %zu inputs", fc_corpus_ninputs(c) - n);
    /* Through one of the nodes: a folder or a file seen already adds nothing;
     * only a dangling symlink, a FIFO, an error, may add (one input). */
    if (nnodes && size) {
        const node *via = &nodes[data[size - 1] % nnodes];
        if (fc_corpus_add_path(c, via->path) != FC_OK)
            fuzz_fail("fc_corpus_add_path failed");
        size_t added = fc_corpus_ninputs(c) - n;
        bool may_add = via->kind == K_DANGLING || via->kind == K_FIFO || via->kind == K_OTHER ||
                       via->kind == K_HIDDEN || via->kind == K_SYMLINK || via->kind == K_HARDLINK;
        if (added > 1 || (added == 1 && !may_add))
            fuzz_fail("%s, walked already, added %zu inputs", via->path, added);
    }
    fc_corpus_free(c);
    return 0;
}
