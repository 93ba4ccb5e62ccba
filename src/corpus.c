/* corpus.c - gathering inputs (files, folders, standard input) and running the
 * pipeline over them: load -> extract -> check.
 *
 * Every path given, every file found in a folder (a file of no document type as
 * a skipped input) and every record of a JSON Lines file becomes an fc_input,
 * whatever happens to it later; a report lists them all.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_internal.h"
#include "claim_internal.h"
#include "corpus_internal.h"
#include "date.h"
#include "doc_internal.h"
#include "factcheck/copies.h"
#include "factcheck/corpus.h"
#include "factcheck/extract.h"
#include "keep.h"
#include "util.h"

/* A real file or folder, whatever the path that reaches it. */
typedef struct file_id {
    dev_t dev;
    ino_t ino;
    bool used; /* the slot of the hash set holds one */
} file_id;

/* The JSON Lines file being read (fc_jsonl_read's callback context). */
typedef struct jsonl_ctx {
    struct fc_corpus *c;
    const char *path;
} jsonl_ctx;

/* What the corpus keeps about an input besides its public fields. */
typedef struct input_state {
    bool listed;    /* found in a folder as a regular file */
    bool preloaded; /* its document was made when it was added (a JSON Lines record) */
    bool done;      /* its claims are extracted */
} input_state;

struct fc_corpus {
    fc_input *inputs;
    size_t ninputs, cap;
    input_state *state; /* one per input */
    size_t state_cap;
    fc_doc_format format; /* fc_corpus_set_input_format */
    unsigned part;        /* fc_corpus_set_part */
    const char **names;   /* the names of JSON Lines records so far: a hash set */
    size_t nnames, names_cap;
    file_id *seen; /* every file and folder taken so far: a hash set (see take_once) */
    size_t nseen, seen_cap;
    fc_claims claims;
    fc_findings findings;
    size_t *first; /* per claim: its first appearance (fc_copies_find); NULL before the check */
    size_t *next;  /* per claim: the next appearance of its first one, or FC_NO_CLAIM */
    unsigned jobs;                 /* threads for fc_corpus_extract; 0: one per online processor */
    bool checked;                  /* fc_corpus_check has run */
    const fc_decisions *decisions; /* borrowed; NULL: none */
    const fc_decision **decision_of; /* per finding, its decision or NULL */
    const fc_decision **stale;       /* decisions with no finding in the run */
    size_t nstale;
    /* Read from claims files (claimfile.c): each claim's input by name and the
     * line it came from, until fc_corpus_extract ties them. */
    bool from_claims;
    struct claim_from {
        char *doc, *where;
    } *claim_from;
    size_t nclaim_from, claim_from_cap;
};

fc_corpus *fc_corpus_new(void)
{
    fc_corpus *c = calloc(1, sizeof(fc_corpus));
    if (c)
        c->jobs = 1;
    return c;
}

void fc_corpus_free(fc_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->ninputs; i++) {
        free(c->inputs[i].path);
        free(c->inputs[i].error);
        free(c->inputs[i].warning);
        free(c->inputs[i].source);
        fc_doc_free(c->inputs[i].doc);
    }
    free(c->inputs);
    free(c->state);
    free(c->names);
    free(c->seen);
    fc_claims_clear(&c->claims);
    fc_findings_clear(&c->findings);
    free(c->first);
    free(c->next);
    free(c->decision_of);
    free(c->stale);
    for (size_t i = 0; i < c->nclaim_from; i++) {
        free(c->claim_from[i].doc);
        free(c->claim_from[i].where);
    }
    free(c->claim_from);
    free(c);
}

/* Adds an input; error (may be NULL) is a message for an input that failed already. */
static fc_status add_input_as(fc_corpus *c, const char *path, fc_status status, const char *error,
                              bool listed, fc_doc_format format)
{
    if (fc_grow((void **)&c->inputs, &c->cap, c->ninputs + 1, sizeof *c->inputs) != FC_OK ||
        fc_grow((void **)&c->state, &c->state_cap, c->ninputs + 1, sizeof *c->state) != FC_OK)
        return FC_ENOMEM;
    c->state[c->ninputs] = (input_state){.listed = listed};
    fc_input *in = &c->inputs[c->ninputs];
    memset(in, 0, sizeof *in);
    in->status = status;
    in->format = format;
    in->part = c->part;
    if (!(in->path = fc_strdup(path)) || (error && !(in->error = fc_strdup(error)))) {
        free(in->path);
        return FC_ENOMEM;
    }
    c->ninputs++;
    return FC_OK;
}

static fc_status add_input(fc_corpus *c, const char *path, fc_status status, const char *error,
                           bool listed)
{
    return add_input_as(c, path, status, error, listed, FC_DOC_TEXT);
}

/* A file listed and not read: "PATH: why; skipped" is its warning. */
static fc_status add_skipped(fc_corpus *c, const char *path, const char *why)
{
    fc_strbuf sb = {0};
    fc_sb_printf(&sb, "%s: %s; skipped", path, why);
    char *msg = fc_sb_take(&sb);
    if (!msg || add_input(c, path, FC_OK, NULL, false) != FC_OK) {
        free(msg);
        return FC_ENOMEM;
    }
    c->inputs[c->ninputs - 1].skipped = true;
    c->inputs[c->ninputs - 1].warning = msg;
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

/* An input that failed with errno value err. */
static fc_status add_errno(fc_corpus *c, const char *path, int err)
{
    char why[128];
    return add_error(c, path, FC_EIO, fc_strerror(err, why, sizeof why));
}

static size_t id_slot(const file_id *set, size_t cap, dev_t dev, ino_t ino)
{
    unsigned long long h = ((unsigned long long)dev * 0x9E3779B97F4A7C15ULL) ^ (unsigned long long)ino;
    h *= 0xBF58476D1CE4E5B9ULL;
    size_t i = (size_t)(h >> 17) & (cap - 1);
    while (set[i].used && !(set[i].dev == dev && set[i].ino == ino))
        i = (i + 1) & (cap - 1);
    return i;
}

/* Whether the file or folder st describes is new to the corpus: it is then
 * recorded, and *fresh is true. Every real file is one input, and every real
 * folder is walked once, however many symlinks, hard links or command-line
 * arguments lead to it (without this, two symlinks a level to the next level
 * make the walk exponential). Errors: FC_ENOMEM. */
static fc_status take_once(fc_corpus *c, const struct stat *st, bool *fresh)
{
    *fresh = false;
    if (2 * (c->nseen + 1) > c->seen_cap) { /* at most half full: rehash into twice the size */
        size_t ncap = c->seen_cap ? 2 * c->seen_cap : 64;
        file_id *set = calloc(ncap, sizeof *set);
        if (!set)
            return FC_ENOMEM;
        for (size_t i = 0; i < c->seen_cap; i++)
            if (c->seen[i].used)
                set[id_slot(set, ncap, c->seen[i].dev, c->seen[i].ino)] = c->seen[i];
        free(c->seen);
        c->seen = set;
        c->seen_cap = ncap;
    }
    size_t i = id_slot(c->seen, c->seen_cap, st->st_dev, st->st_ino);
    if (c->seen[i].used)
        return FC_OK;
    c->seen[i] = (file_id){st->st_dev, st->st_ino, true};
    c->nseen++;
    *fresh = true;
    return FC_OK;
}

static bool is_document_name(const char *name)
{
    return fc_doc_format_of(name) != FC_DOC_AUTO;
}

/* ---- JSON Lines: each record an input ---------------------------------------- */

/* Whether name is new among the records' names (*fresh); when insert, a new
 * name is recorded (the string must live as long as the corpus: an input's
 * path). Errors: FC_ENOMEM. */
static fc_status name_once(fc_corpus *c, const char *name, bool insert, bool *fresh)
{
    *fresh = false;
    if (2 * (c->nnames + 1) > c->names_cap) { /* at most half full */
        size_t ncap = c->names_cap ? 2 * c->names_cap : 64;
        const char **set = calloc(ncap, sizeof *set);
        if (!set)
            return FC_ENOMEM;
        for (size_t i = 0; i < c->names_cap; i++) {
            if (!c->names[i])
                continue;
            size_t k = fc_hash(c->names[i], strlen(c->names[i]), 0) & (ncap - 1);
            while (set[k])
                k = (k + 1) & (ncap - 1);
            set[k] = c->names[i];
        }
        free(c->names);
        c->names = set;
        c->names_cap = ncap;
    }
    size_t k = fc_hash(name, strlen(name), 0) & (c->names_cap - 1);
    while (c->names[k]) {
        if (strcmp(c->names[k], name) == 0)
            return FC_OK;
        k = (k + 1) & (c->names_cap - 1);
    }
    *fresh = true;
    if (insert) {
        c->names[k] = name;
        c->nnames++;
    }
    return FC_OK;
}

/* A publication date that is no date ("2025-13-45", "last Tuesday"): the input
 * is read without one, and its warning says so (the command line prints it). */
static fc_status date_warning(fc_input *in)
{
    int y, m, d;
    const char *p = in->doc ? in->doc->published : NULL;
    if (!p || !*p || fc_date_parse(p, &y, &m, &d))
        return FC_OK;
    fc_strbuf sb = {0};
    fc_sb_printf(&sb,
                 "%s: published \"%s\" is not a date (YYYY-MM-DD); its relative dates "
                 "(\"last week\", \"on Monday\") are not resolved",
                 in->path, p);
    free(in->warning);
    return (in->warning = fc_sb_take(&sb)) ? FC_OK : FC_ENOMEM;
}

static fc_status add_record(void *ctx, size_t line, fc_doc *doc, const char *error)
{
    jsonl_ctx *j = ctx;
    fc_corpus *c = j->c;
    fc_status st;
    if (doc) {
        /* A record is named by its id; an id seen already in the run names
         * another record, so this one is named by its place instead. */
        bool fresh;
        st = name_once(c, doc->path, false, &fresh);
        if (st == FC_OK && !fresh) {
            fc_strbuf sb = {0};
            fc_sb_printf(&sb, "%s:%zu", j->path, line);
            char *name = fc_sb_take(&sb);
            if (name) {
                free(doc->path);
                doc->path = name;
            } else {
                st = FC_ENOMEM;
            }
        }
        if (st != FC_OK) {
            fc_doc_free(doc);
            return st;
        }
    }
    if (!doc) {
        fc_strbuf sb = {0};
        fc_sb_printf(&sb, "%s:%zu", j->path, line);
        char *name = fc_sb_take(&sb);
        st = name ? add_input_as(c, name, FC_EFORMAT, error, false, FC_DOC_JSONL) : FC_ENOMEM;
        free(name);
    } else if ((st = add_input_as(c, doc->path, FC_OK, NULL, false, FC_DOC_JSONL)) == FC_OK) {
        fc_input *in = &c->inputs[c->ninputs - 1];
        in->doc = doc;
        c->state[c->ninputs - 1].preloaded = true;
        bool fresh;
        st = name_once(c, in->path, true, &fresh);
        if (st == FC_OK)
            st = date_warning(in);
    } else {
        fc_doc_free(doc);
    }
    if (st == FC_OK && !(c->inputs[c->ninputs - 1].source = fc_strdup(j->path)))
        st = FC_ENOMEM;
    if (st == FC_OK)
        c->inputs[c->ninputs - 1].line = line;
    return st;
}

/* Reads the JSON Lines file at path now, one input per record. */
static fc_status add_jsonl(fc_corpus *c, const char *path, bool regular_only)
{
    fc_diag diag = {0};
    size_t n = 0;
    jsonl_ctx j = {c, path};
    fc_status st = fc_jsonl_read(path, regular_only, add_record, &j, &n, &diag);
    if (st == FC_ENOMEM)
        return st;
    if (st != FC_OK)
        return add_error(c, path, st, diag.message);
    return n ? FC_OK : add_skipped(c, path, "no records (an empty JSON Lines file)");
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

/* A file in a folder that is no document: the folder's own rule file is no
 * input; anything else is listed as skipped. */
static fc_status skip_entry(fc_corpus *c, const char *path, const char *name, const visited *v,
                            const struct stat *st)
{
    if (!v->up && strcmp(name, FC_FOLDER_RULES) == 0)
        return FC_OK; /* read as the folder's rules */
    if (!st)
        return add_skipped(c, path, "not a document type factcheck reads (.md, .txt, .html, "
                                    ".htm, .jsonl), and cannot be opened");
    char what[160];
    if (!S_ISREG(st->st_mode))
        snprintf(what, sizeof what, "%s, not a document", fc_file_kind(st->st_mode));
    else if (!v->up || strcmp(name, FC_FOLDER_RULES) != 0)
        snprintf(what, sizeof what,
                 "not a document type factcheck reads (.md, .txt, .html, .htm, .jsonl)");
    else
        snprintf(what, sizeof what, "a rule file in a subfolder; only the folder named is "
                                    "searched for %s",
                 FC_FOLDER_RULES);
    return add_skipped(c, path, what);
}

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
        return is_document_name(name) ? add_errno(c, path, errno) : skip_entry(c, path, name, v, NULL);
    if (S_ISDIR(st.st_mode)) {
        for (const visited *p = v; p; p = p->up)
            if (p->dev == st.st_dev && p->ino == st.st_ino)
                return add_error(c, path, FC_EIO, "symbolic link loop; folder not entered");
        return walk(c, path, v);
    }
    if (!is_document_name(name))
        return skip_entry(c, path, name, v, &st);
    bool fresh;
    if (take_once(c, &st, &fresh) != FC_OK)
        return FC_ENOMEM;
    if (!fresh)
        return FC_OK; /* reached already by another path */
    if (!S_ISREG(st.st_mode)) { /* a FIFO named like a document is reported, not read */
        char what[64];
        snprintf(what, sizeof what, "%s, not a document file; not read", fc_file_kind(st.st_mode));
        return add_error(c, path, FC_EIO, what);
    }
    fc_doc_format f = fc_doc_format_of(name);
    if (f == FC_DOC_JSONL)
        return add_jsonl(c, path, true);
    return add_input_as(c, path, FC_OK, NULL, true, f);
}

static fc_status walk(fc_corpus *c, const char *dir, const visited *up)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return add_errno(c, dir, errno);
    bool fresh;
    if (take_once(c, &st, &fresh) != FC_OK)
        return FC_ENOMEM;
    if (!fresh)
        return FC_OK; /* walked already, through another path */
    visited here = {st.st_dev, st.st_ino, up};
    char **names;
    size_t n;
    int err = 0;
    fc_status rc = list_dir(dir, &names, &n, &err);
    if (rc == FC_EIO)
        return add_errno(c, dir, err);
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

void fc_corpus_set_input_format(fc_corpus *c, fc_doc_format format)
{
    c->format = format;
}

static bool is_url(const char *path)
{
    return strncmp(path, "http://", 7) == 0 || strncmp(path, "https://", 8) == 0 ||
           strncmp(path, "HTTP://", 7) == 0 || strncmp(path, "HTTPS://", 8) == 0;
}

/* The message for a URL given as a path: how to fetch it first. */
static fc_status add_url(fc_corpus *c, const char *url)
{
    fc_strbuf sb = {0};
    fc_sb_puts(&sb, "a URL: factcheck reads files and does not fetch pages; download it first, "
                    "e.g. curl -L -o story.html '");
    for (const char *p = url; *p; p++) /* quoted for the shell */
        fc_sb_puts(&sb, *p == '\'' ? "'\\''" : (char[2]){*p, '\0'});
    fc_sb_puts(&sb, "', then run factcheck story.html");
    char *what = fc_sb_take(&sb);
    if (!what)
        return FC_ENOMEM;
    fc_status st = add_error(c, url, FC_EIO, what);
    free(what);
    return st;
}

fc_status fc_corpus_add_path(fc_corpus *c, const char *path)
{
    struct stat st;
    fc_doc_format named = c->format != FC_DOC_AUTO ? c->format : fc_doc_format_of(path);
    if (named == FC_DOC_AUTO)
        named = FC_DOC_TEXT;
    if (strcmp(path, "-") == 0) {
        named = c->format != FC_DOC_AUTO ? c->format : FC_DOC_TEXT;
        return named == FC_DOC_JSONL ? add_jsonl(c, path, false)
                                     : add_input_as(c, path, FC_OK, NULL, false, named);
    }
    if (stat(path, &st) != 0)
        return is_url(path) ? add_url(c, path) : add_errno(c, path, errno);
    if (S_ISDIR(st.st_mode))
        return walk(c, path, NULL);
    bool fresh;
    if (take_once(c, &st, &fresh) != FC_OK)
        return FC_ENOMEM;
    /* A file named explicitly is read whatever its name or kind (a pipe from the
     * shell); named again, or found in a folder already, it is not a new input. */
    if (!fresh)
        return FC_OK;
    return named == FC_DOC_JSONL ? add_jsonl(c, path, false)
                                 : add_input_as(c, path, FC_OK, NULL, false, named);
}

/* Loads input i (not loaded yet). A file that cannot be used gets its status
 * and error set, and FC_OK is returned. A file too large for the memory there
 * is (an endless pipe under a memory limit) is one of those: it gets the status
 * FC_ENOMEM, and the other inputs are still processed. FC_ENOMEM is returned
 * only when not even the message could be kept. */
static fc_status load_input(fc_corpus *c, size_t i)
{
    fc_input *in = &c->inputs[i];
    fc_diag diag = {0};
    fc_status st;
    if (in->format == FC_DOC_HTML) {
        char *buf = NULL;
        size_t len = 0;
        st = fc_read_limited(in->path, "document file", FC_DOC_MAX_BYTES, c->state[i].listed,
                             &buf, &len, &diag);
        if (st == FC_OK)
            st = fc_doc_parse_html(in->path, buf, len, &in->doc, &diag);
        free(buf);
    } else {
        st = fc_doc_load_file(in->path, c->state[i].listed, &in->doc, &diag);
    }
    if (st == FC_OK)
        return date_warning(in);
    /* The path as given, not diag.file: that one is cut at 511 bytes. */
    fc_strbuf sb = {0};
    fc_sb_printf(&sb, "%s: %s", in->path, diag.message);
    in->status = st;
    return (in->error = fc_sb_take(&sb)) ? FC_OK : FC_ENOMEM;
}

static bool pending(const fc_corpus *c, size_t i)
{
    const fc_input *in = &c->inputs[i];
    return in->status == FC_OK && !in->skipped && !c->state[i].done;
}

static fc_status extract_serial(fc_corpus *c, const fc_rules *rules)
{
    for (size_t i = 0; i < c->ninputs; i++) {
        fc_input *in = &c->inputs[i];
        if (!pending(c, i))
            continue;
        fc_status st = in->doc ? FC_OK : load_input(c, i);
        if (st != FC_OK)
            return st;
        if (!in->doc)
            continue;
        size_t before = c->claims.n;
        if ((st = fc_extract(rules, in->doc, i, &c->claims)) != FC_OK)
            return st;
        /* (no claim yet: the list may have no array) */
        const fc_claim *mine = c->claims.n > before ? c->claims.items + before : NULL;
        if ((st = fc_doc_keep(in->doc, mine, c->claims.n - before)) != FC_OK)
            return st;
        in->nclaims = c->claims.n - before;
        c->state[i].done = true;
    }
    return FC_OK;
}

/* ---- loading and extracting on several threads ------------------------------
 *
 * Workers take the next input from a shared index (documents differ wildly in
 * size, so a fixed split would leave threads idle) and extract its claims into a
 * list of its own. Lists are appended to the corpus's list in input order as
 * soon as every input before them is done, so claims, ids and document indices
 * come out exactly as on one thread, and only the claims of the inputs finished
 * out of order wait outside the corpus's list. */

typedef struct slot {
    fc_claims claims; /* the input's claims, until appended to the corpus's list */
    bool work;        /* the input is to be loaded and extracted in this run */
    bool done;        /* its worker has finished with it */
} slot;

typedef struct pool {
    fc_corpus *c;
    const fc_rules *rules;
    slot *slots;        /* one per input */
    pthread_mutex_t mu; /* guards the fields below, the slots' done flags and c->claims */
    size_t next;        /* the next input to take */
    size_t merged;      /* inputs before this one are in c->claims */
    fc_status failed;   /* the first failure (FC_ENOMEM); no input is taken after it */
} pool;

/* Loads and extracts input i; touches only that input and its slot. */
static fc_status run_input(pool *p, size_t i)
{
    fc_input *in = &p->c->inputs[i];
    fc_status st = in->doc ? FC_OK : load_input(p->c, i);
    if (st == FC_OK && in->doc)
        st = fc_extract(p->rules, in->doc, i, &p->slots[i].claims);
    if (st == FC_OK && in->doc)
        st = fc_doc_keep(in->doc, p->slots[i].claims.items, p->slots[i].claims.n);
    return st;
}

/* Appends the lists of the finished inputs at the front, in order. The claims
 * move: their strings now belong to the corpus's list. Called with p->mu held. */
static fc_status merge_ready(pool *p)
{
    fc_claims *all = &p->c->claims;
    for (; p->merged < p->c->ninputs && p->slots[p->merged].done; p->merged++) {
        slot *s = &p->slots[p->merged];
        if (!s->work)
            continue;
        if (s->claims.n) {
            if (fc_grow((void **)&all->items, &all->cap, all->n + s->claims.n,
                        sizeof *all->items) != FC_OK)
                return FC_ENOMEM;
            memcpy(all->items + all->n, s->claims.items, s->claims.n * sizeof *all->items);
            all->n += s->claims.n;
        }
        p->c->inputs[p->merged].nclaims = s->claims.n;
        p->c->state[p->merged].done = true;
        free(s->claims.items);
        s->claims = (fc_claims){0};
    }
    return FC_OK;
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    while (p->failed == FC_OK && p->next < p->c->ninputs) {
        size_t i = p->next++;
        if (!p->slots[i].work)
            continue;
        pthread_mutex_unlock(&p->mu);
        fc_status st = run_input(p, i);
        pthread_mutex_lock(&p->mu);
        p->slots[i].done = true;
        if (st == FC_OK && p->failed == FC_OK)
            st = merge_ready(p);
        if (st != FC_OK && p->failed == FC_OK)
            p->failed = st;
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static fc_status extract_parallel(fc_corpus *c, const fc_rules *rules, size_t nthreads)
{
    pool p = {.c = c, .rules = rules};
    if (!(p.slots = calloc(c->ninputs, sizeof *p.slots)))
        return FC_ENOMEM;
    /* Standard input is read first, on this thread and in input order: "-" given
     * twice must get the same bytes as on one thread (all, then nothing). */
    fc_status st = FC_OK;
    for (size_t i = 0; i < c->ninputs; i++) {
        fc_input *in = &c->inputs[i];
        p.slots[i].work = pending(c, i);
        p.slots[i].done = !p.slots[i].work;
        if (st == FC_OK && p.slots[i].work && !in->doc && strcmp(in->path, "-") == 0)
            st = load_input(c, i);
    }
    fc_html_init(); /* before threads use the HTML parser */
    if (st == FC_OK && pthread_mutex_init(&p.mu, NULL) != 0)
        st = FC_ENOMEM;
    if (st == FC_OK) {
        /* This thread is one of the workers; if a thread cannot be started, the
         * others (at least this one) do its share. */
        pthread_t *threads = malloc((nthreads - 1) * sizeof *threads);
        size_t started = 0;
        while (threads && started < nthreads - 1 &&
               pthread_create(&threads[started], NULL, worker, &p) == 0)
            started++;
        worker(&p);
        for (size_t k = 0; k < started; k++)
            pthread_join(threads[k], NULL);
        free(threads);
        pthread_mutex_destroy(&p.mu);
        st = p.failed;
    }
    /* After a failure, the inputs whose claims were not appended are left as if
     * never loaded, so that no document is kept without its claims. */
    for (size_t i = p.merged; i < c->ninputs; i++) {
        if (!p.slots[i].work)
            continue;
        fc_claims_clear(&p.slots[i].claims);
        if (c->state[i].preloaded)
            continue; /* a record's document stays: it cannot be read again */
        fc_doc_free(c->inputs[i].doc);
        c->inputs[i].doc = NULL;
    }
    free(p.slots);
    return st;
}

void fc_corpus_set_part(fc_corpus *c, unsigned part)
{
    c->part = part;
}

void fc_corpus_set_jobs(fc_corpus *c, unsigned jobs)
{
    c->jobs = jobs;
}

/* ---- claims files --------------------------------------------------------------------- */

void fc_corpus_claims_begin(fc_corpus *c)
{
    c->from_claims = true;
}

fc_status fc_corpus_take_input(fc_corpus *c, fc_input *in, const char *where)
{
    (void)where;
    if (fc_grow((void **)&c->inputs, &c->cap, c->ninputs + 1, sizeof *c->inputs) != FC_OK ||
        fc_grow((void **)&c->state, &c->state_cap, c->ninputs + 1, sizeof *c->state) != FC_OK) {
        free(in->path);
        free(in->error);
        free(in->warning);
        free(in->source);
        fc_doc_free(in->doc);
        return FC_ENOMEM;
    }
    c->state[c->ninputs] = (input_state){.done = true};
    c->inputs[c->ninputs++] = *in;
    return FC_OK;
}

fc_status fc_corpus_take_claim(fc_corpus *c, fc_claim *claim, const char *doc, const char *where)
{
    char *d = fc_strdup(doc), *w = fc_strdup(where);
    fc_status st = d && w ? FC_OK : FC_ENOMEM;
    if (st == FC_OK)
        st = fc_grow((void **)&c->claim_from, &c->claim_from_cap, c->nclaim_from + 1,
                     sizeof *c->claim_from);
    claim->doc = (size_t)-1;
    if (st == FC_OK)
        st = fc_claims_push(&c->claims, claim); /* frees the claim's strings on failure */
    else
        fc_claim_free_strings(claim);
    if (st != FC_OK) {
        free(d);
        free(w);
        return st;
    }
    c->claim_from[c->nclaim_from++] = (struct claim_from){d, w};
    return FC_OK;
}

fc_status fc_corpus_take_error(fc_corpus *c, const char *name, const char *message)
{
    fc_strbuf sb = {0};
    fc_sb_printf(&sb, "%s: %s", name, message);
    char *error = fc_sb_take(&sb);
    fc_status st = error ? add_input_as(c, name, FC_EFORMAT, error, false, FC_DOC_TEXT) : FC_ENOMEM;
    free(error);
    if (st == FC_OK)
        c->state[c->ninputs - 1].done = true;
    return st;
}

/* Paths in the order a folder walk gives them: a folder's entries by name, so
 * '/' comes before every other byte. */
static int walk_cmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = *a == '/' ? 1 : (unsigned char)*a, y = *b == '/' ? 1 : (unsigned char)*b;
        if (x != y || !x)
            return x < y ? -1 : x > y;
    }
}

typedef struct order_key {
    const fc_input *in;
    size_t idx;
} order_key;

static int by_walk(const void *pa, const void *pb)
{
    const fc_input *a = ((const order_key *)pa)->in, *b = ((const order_key *)pb)->in;
    if (a->part != b->part)
        return a->part < b->part ? -1 : 1;
    int k = walk_cmp(a->source ? a->source : a->path, b->source ? b->source : b->path);
    if (k)
        return k;
    if ((a->source != NULL) != (b->source != NULL))
        return a->source ? 1 : -1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    k = strcmp(a->path, b->path);
    return k ? k : (((const order_key *)pa)->idx > ((const order_key *)pb)->idx) -
                       (((const order_key *)pa)->idx < ((const order_key *)pb)->idx);
}

static int by_name_key(const void *pa, const void *pb)
{
    const order_key *a = pa, *b = pb;
    int k = strcmp(a->in->path, b->in->path);
    return k ? k : (a->idx > b->idx) - (a->idx < b->idx);
}

typedef struct claim_key {
    size_t doc, start, end, idx;
} claim_key;

static int by_claim_key(const void *pa, const void *pb)
{
    const claim_key *a = pa, *b = pb;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

/* Ties each claim read from claims files to its input, reports claims of no
 * input and inputs named twice, and puts inputs and claims in the order the
 * run that extracted them had (folder order; text order in each document). */
static fc_status tie_claims(fc_corpus *c)
{
    /* Room for an error input per claim first: keys point into c->inputs. */
    if (fc_grow((void **)&c->inputs, &c->cap, c->ninputs + c->claims.n + 1, sizeof *c->inputs) !=
            FC_OK ||
        fc_grow((void **)&c->state, &c->state_cap, c->ninputs + c->claims.n + 1,
                sizeof *c->state) != FC_OK)
        return FC_ENOMEM;
    fc_status st = FC_OK;
    size_t n = c->ninputs;
    order_key *keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys)
        return FC_ENOMEM;
    for (size_t i = 0; i < n; i++)
        keys[i] = (order_key){&c->inputs[i], i};
    qsort(keys, n, sizeof *keys, by_name_key);
    /* An input named twice: the first record in file order is kept. */
    for (size_t i = 1; st == FC_OK && i < n; i++) {
        if (strcmp(keys[i].in->path, keys[i - 1].in->path) != 0 || keys[i].in->status != FC_OK)
            continue;
        fc_input *in = &c->inputs[keys[i].idx];
        fc_doc_free(in->doc);
        in->doc = NULL;
        in->status = FC_EFORMAT;
        in->skipped = false;
        free(in->error);
        fc_strbuf sb = {0};
        fc_sb_printf(&sb, "%s: an input record named a second time (its claims go to the first)",
                     in->path);
        if (!(in->error = fc_sb_take(&sb)))
            st = FC_ENOMEM;
    }
    size_t *found = calloc(n ? n : 1, sizeof *found);
    if (!found)
        st = FC_ENOMEM;
    size_t kept = 0;
    for (size_t k = 0; st == FC_OK && k < c->claims.n; k++) {
        fc_input probe = {.path = c->claim_from[k].doc};
        order_key key = {&probe, 0};
        size_t lo = 0, hi = n; /* the first input of that name */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (by_name_key(&keys[mid], &key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        fc_claim *cl = &c->claims.items[k];
        if (lo < n && strcmp(keys[lo].in->path, probe.path) == 0 && keys[lo].in->doc) {
            cl->doc = keys[lo].idx;
            found[cl->doc]++;
            c->claims.items[kept++] = *cl;
            continue;
        }
        fc_strbuf sb = {0};
        fc_sb_printf(&sb, "a claim of '%s', which no input record of a read document names",
                     probe.path);
        st = sb.failed ? FC_ENOMEM : fc_corpus_take_error(c, c->claim_from[k].where, sb.data);
        fc_sb_free(&sb);
        fc_claim_free_strings(cl);
    }
    if (st == FC_OK)
        c->claims.n = kept;
    free(keys);
    for (size_t i = 0; i < c->nclaim_from; i++) {
        free(c->claim_from[i].doc);
        free(c->claim_from[i].where);
    }
    c->nclaim_from = 0;
    /* The inputs in folder order (error inputs of this step included). */
    n = c->ninputs;
    keys = st == FC_OK ? malloc((n ? n : 1) * sizeof *keys) : NULL;
    size_t *rank = keys ? malloc((n ? n : 1) * sizeof *rank) : NULL;
    fc_input *inputs = rank ? malloc((n ? n : 1) * sizeof *inputs) : NULL;
    input_state *state = inputs ? malloc((n ? n : 1) * sizeof *state) : NULL;
    if (st == FC_OK && !state)
        st = FC_ENOMEM;
    for (size_t i = 0; st == FC_OK && i < n; i++)
        keys[i] = (order_key){&c->inputs[i], i};
    if (st == FC_OK) {
        qsort(keys, n, sizeof *keys, by_walk);
        for (size_t i = 0; i < n; i++) {
            rank[keys[i].idx] = i;
            inputs[i] = c->inputs[keys[i].idx];
            state[i] = c->state[keys[i].idx];
        }
        if (n) { /* no arithmetic on an empty list */
            memcpy(c->inputs, inputs, n * sizeof *inputs);
            memcpy(c->state, state, n * sizeof *state);
        }
    }
    /* Claims by input, then in text order; an input whose record counts other
     * claims than were found is an error (a claims file left out). */
    claim_key *ck = st == FC_OK ? malloc((c->claims.n ? c->claims.n : 1) * sizeof *ck) : NULL;
    fc_claim *sorted = ck ? malloc((c->claims.n ? c->claims.n : 1) * sizeof *sorted) : NULL;
    if (st == FC_OK && !sorted)
        st = FC_ENOMEM;
    for (size_t k = 0; st == FC_OK && k < c->claims.n; k++) {
        const fc_claim *cl = &c->claims.items[k];
        ck[k] = (claim_key){rank[cl->doc], cl->start, cl->end, k};
    }
    if (st == FC_OK) {
        qsort(ck, c->claims.n, sizeof *ck, by_claim_key);
        for (size_t k = 0; k < c->claims.n; k++) {
            sorted[k] = c->claims.items[ck[k].idx];
            sorted[k].doc = ck[k].doc;
        }
        if (c->claims.n)
            memcpy(c->claims.items, sorted, c->claims.n * sizeof *sorted);
    }
    for (size_t i = 0; st == FC_OK && i < n; i++) {
        fc_input *in = &c->inputs[i];
        if (!in->doc) /* the error inputs of this step come after found's end */
            continue;
        size_t got = found[keys[i].idx];
        if (got == in->nclaims)
            continue;
        fc_strbuf sb = {0};
        fc_sb_printf(&sb,
                     "%s: %zu claims recorded, %zu found (is a claims file of the run missing?)",
                     in->path, in->nclaims, got);
        in->nclaims = got;
        in->status = FC_EFORMAT;
        free(in->error);
        if (!(in->error = fc_sb_take(&sb)))
            st = FC_ENOMEM;
    }
    free(found);
    free(keys);
    free(rank);
    free(inputs);
    free(state);
    free(ck);
    free(sorted);
    c->from_claims = false;
    return st;
}

fc_status fc_corpus_extract(fc_corpus *c, const fc_rules *rules)
{
    if (c->from_claims)
        return tie_claims(c);
    size_t npending = 0;
    for (size_t i = 0; i < c->ninputs; i++)
        npending += pending(c, i);
    size_t jobs = c->jobs;
    if (jobs == 0) {
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = online > 0 ? (size_t)online : 1;
    }
    if (jobs > npending)
        jobs = npending;
    return jobs > 1 ? extract_parallel(c, rules, jobs) : extract_serial(c, rules);
}

fc_status fc_corpus_check(fc_corpus *c, const fc_rules *rules)
{
    const fc_doc **docs = malloc((c->ninputs ? c->ninputs : 1) * sizeof *docs);
    if (!docs)
        return FC_ENOMEM;
    fc_doc **kept = malloc((c->ninputs ? c->ninputs : 1) * sizeof *kept);
    if (!kept) {
        free(docs);
        return FC_ENOMEM;
    }
    for (size_t i = 0; i < c->ninputs; i++)
        docs[i] = kept[i] = c->inputs[i].doc;
    /* The checks ask a document only about the words of the claims' keys. */
    fc_status pruned = fc_docs_keep_asked(kept, c->ninputs, &c->claims);
    free(kept);
    if (pruned != FC_OK) {
        free(docs);
        return pruned;
    }
    size_t n = c->claims.n;
    free(c->first);
    free(c->next);
    c->first = malloc((n ? n : 1) * sizeof *c->first);
    c->next = malloc((n ? n : 1) * sizeof *c->next);
    size_t *tail = malloc((n ? n : 1) * sizeof *tail);
    fc_status st = c->first && c->next && tail ? FC_OK : FC_ENOMEM;
    if (st == FC_OK)
        st = fc_copies_find(&c->claims, docs, c->ninputs, c->first);
    for (size_t k = 0; st == FC_OK && k < n; k++) { /* each original's appearances, in order */
        c->next[k] = FC_NO_CLAIM;
        tail[k] = k;
        size_t f = c->first[k];
        if (f != k) {
            c->next[tail[f]] = k;
            tail[f] = k;
        }
    }
    free(tail);
    if (st == FC_OK)
        st = fc_check_run_first(rules, &c->claims, docs, c->ninputs, c->first, &c->findings);
    else {
        free(c->first);
        free(c->next);
        c->first = c->next = NULL;
    }
    free(docs);
    c->checked = true;
    return st == FC_OK ? fc_corpus_set_decisions(c, c->decisions) : st;
}

fc_status fc_corpus_set_decisions(fc_corpus *c, const fc_decisions *d)
{
    size_t nd = fc_decisions_count(d), nf = c->findings.n;
    const fc_decision **of = calloc(nf ? nf : 1, sizeof *of);
    const fc_decision **stale = malloc((nd ? nd : 1) * sizeof *stale);
    bool *used = calloc(nd ? nd : 1, sizeof *used);
    if (!of || !stale || !used) {
        free(of);
        free(stale);
        free(used);
        return FC_ENOMEM;
    }
    for (size_t i = 0; i < nf; i++) {
        of[i] = fc_decisions_find(d, c->findings.items[i].id);
        if (of[i])
            used[of[i] - fc_decisions_at(d, 0)] = true;
    }
    size_t ns = 0;
    for (size_t k = 0; c->checked && k < nd; k++)
        if (!used[k])
            stale[ns++] = fc_decisions_at(d, k);
    free(used);
    free(c->decision_of);
    free(c->stale);
    c->decisions = d;
    c->decision_of = of;
    c->stale = stale;
    c->nstale = ns;
    return FC_OK;
}

const fc_decision *fc_corpus_decision(const fc_corpus *c, size_t i)
{
    return c->decision_of && i < c->findings.n ? c->decision_of[i] : NULL;
}

size_t fc_corpus_nopen(const fc_corpus *c, fc_severity s)
{
    size_t n = 0;
    for (size_t i = 0; i < c->findings.n; i++)
        n += c->findings.items[i].severity == s && !fc_corpus_decision(c, i);
    return n;
}

size_t fc_corpus_nstale(const fc_corpus *c)
{
    return c->nstale;
}

const fc_decision *fc_corpus_stale(const fc_corpus *c, size_t i)
{
    return i < c->nstale ? c->stale[i] : NULL;
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

size_t fc_corpus_first_appearance(const fc_corpus *c, size_t k)
{
    return c->first && k < c->claims.n ? c->first[k] : k;
}

size_t fc_corpus_next_appearance(const fc_corpus *c, size_t k)
{
    return c->next && k < c->claims.n ? c->next[k] : FC_NO_CLAIM;
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

size_t fc_corpus_nskipped(const fc_corpus *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->ninputs; i++)
        n += c->inputs[i].skipped;
    return n;
}

size_t fc_corpus_nseverity(const fc_corpus *c, fc_severity s)
{
    size_t n = 0;
    for (size_t i = 0; i < c->findings.n; i++)
        n += c->findings.items[i].severity == s;
    return n;
}
