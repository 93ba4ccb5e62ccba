/* test_jobs.c - loading and extracting on several threads (-j/--jobs N,
 * fc_corpus_set_jobs): the report is byte for byte that of one thread. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

/* The test's temporary folder, removed by remove_tmpdir (a .fini) whether the
 * test passed or failed. */
static char *tmpdir;

static const char *make_tmpdir(void)
{
    tmpdir = strdup("/tmp/fc-jobs-XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
    return tmpdir;
}

static void remove_tmpdir(void)
{
    if (!tmpdir)
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
    free(tmpdir);
    tmpdir = NULL;
}

static void write_file(const char *dir, const char *name, const char *data, size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    cr_assert_eq(fwrite(data, 1, n, f), n);
    cr_assert_eq(fclose(f), 0);
}

/* One run of the program: exit status, standard output and standard error. */
typedef struct run {
    int status;
    char *out, *err;
} run;

/* args may start with the subcommand, which must come first. */
static run run_with(const char *jobs, const char *args)
{
    char cmd[1200];
    if (strncmp(args, "extract ", 8) == 0)
        snprintf(cmd, sizeof cmd, "extract %s %s", jobs, args + 8);
    else
        snprintf(cmd, sizeof cmd, "%s %s", jobs, args);
    run r;
    r.status = test_run(cmd, &r.out, &r.err);
    cr_assert_not_null(r.out);
    cr_assert_not_null(r.err);
    return r;
}

static void run_free(run *r)
{
    free(r->out);
    free(r->err);
}

/* Runs args with -j1, then with each of the other job options, and asserts the
 * same exit status, output and messages; returns the -j1 run. */
static run same_for_any_jobs(const char *args, const char *const *others, size_t nothers)
{
    run one = run_with("-j1", args);
    for (size_t k = 0; k < nothers; k++) {
        run r = run_with(others[k], args);
        cr_assert_eq(r.status, one.status, "%s %s: exit %d, with -j1 %d", others[k], args, r.status,
                     one.status);
        cr_assert_eq(strlen(r.out), strlen(one.out), "%s %s: %zu bytes of output, with -j1 %zu",
                     others[k], args, strlen(r.out), strlen(one.out));
        cr_assert(strcmp(r.out, one.out) == 0, "%s %s: output differs from -j1", others[k], args);
        cr_assert_str_eq(r.err, one.err, "%s %s", others[k], args);
        run_free(&r);
    }
    return one;
}

static const char *const two_and_eight[] = {"-j2", "--jobs 8"};

/* Finds needle (m bytes) in s[0, len). With memchr rather than strstr: under
 * AddressSanitizer every strstr call measures the whole rest of the string. */
static const char *find(const char *s, size_t len, const char *needle, size_t m)
{
    for (const char *p = s, *end = s + len; (size_t)(end - p) >= m; p++) {
        if (!(p = memchr(p, needle[0], (size_t)(end - p) - m + 1)))
            return NULL;
        if (memcmp(p, needle, m) == 0)
            return p;
    }
    return NULL;
}

/* Counts the (non-overlapping) occurrences of needle in s. */
static size_t count(const char *s, const char *needle)
{
    size_t n = 0, len = strlen(s), m = strlen(needle);
    for (const char *p = s; (p = find(p, len - (size_t)(p - s), needle, m)) != NULL; p += m)
        n++;
    return n;
}

Test(jobs, claims_corpus_report_is_the_same_on_1_2_and_8_threads)
{
    static const char *const formats[] = {"text", "json", "jsonl"};
    char args[200];
    for (size_t f = 0; f < 3; f++) {
        snprintf(args, sizeof args, "--format %s claims/", formats[f]);
        run one = same_for_any_jobs(args, two_and_eight, 2);
        cr_assert_eq(one.status, 1, "the corpus sets up conflicts");
        cr_assert_gt(strlen(one.out), 10000);
        run_free(&one);
        snprintf(args, sizeof args, "extract --format %s claims/", formats[f]);
        one = same_for_any_jobs(args, two_and_eight, 2);
        cr_assert_eq(one.status, 0);
        run_free(&one);
    }
    /* Without -j: one thread per online processor, the same report again. */
    run one = run_with("-j1", "--format json claims/");
    run dflt = run_with("", "--format json claims/");
    cr_assert_str_eq(dflt.out, one.out);
    run_free(&one);
    run_free(&dflt);
}

/* Splits fc-gen's output (documents separated by a form feed line) into nfiles
 * files in dir, of very different sizes: file k holds 1 + (37 k mod 59)
 * documents, the last one all that remain. Returns the number of documents. */
static size_t split_generated(const char *dir, const char *megabytes, size_t nfiles)
{
    char gen[600], cmd[1400];
    snprintf(gen, sizeof gen, "%s/generated.txt", dir);
    snprintf(cmd, sizeof cmd, "'%s' %s > '%s'", FC_GEN, megabytes, gen);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
    char *text = test_slurp(gen);
    cr_assert_not_null(text);
    cr_assert_eq(unlink(gen), 0);
    size_t ndocs = 0, file = 0, in_file = 0, total = strlen(text);
    const char *start = text;
    char name[32];
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    cr_assert_not_null(buf);
    for (;;) {
        size_t left = total - (size_t)(start - text);
        const char *sep = find(start, left, "\f\n", 2);
        const char *end = sep ? sep : start + left;
        size_t n = (size_t)(end - start);
        if (len + n > cap) {
            while (len + n > cap)
                cap *= 2;
            buf = realloc(buf, cap);
            cr_assert_not_null(buf);
        }
        memcpy(buf + len, start, n);
        len += n;
        ndocs++;
        in_file++;
        if (!sep || (file + 1 < nfiles && in_file == 1 + (37 * file) % 59)) {
            snprintf(name, sizeof name, "doc-%03zu.md", file);
            write_file(dir, name, buf, len);
            file++;
            len = 0;
            in_file = 0;
        }
        if (!sep)
            break;
        start = sep + 2;
    }
    cr_assert_eq(file, nfiles, "fc-gen %s gave too few documents (%zu)", megabytes, ndocs);
    free(buf);
    free(text);
    return ndocs;
}

Test(jobs, generated_corpus_report_is_the_same_on_1_2_and_8_threads, .timeout = 900,
     .fini = remove_tmpdir)
{
    const char *dir = make_tmpdir();
    size_t ndocs = split_generated(dir, "2", 50);
    cr_assert_gt(ndocs, 1000);
    static const char *const formats[] = {"text", "json", "jsonl"};
    char args[700];
    for (size_t f = 0; f < 3; f++) {
        snprintf(args, sizeof args, "--format %s %s", formats[f], dir);
        run one = same_for_any_jobs(args, two_and_eight, 2);
        cr_assert(one.status == 0 || one.status == 1, "exit %d: %s", one.status, one.err);
        if (f == 1) {
            /* All 50 inputs read, in order, and many claims from each. */
            cr_assert_eq(count(one.out, "\"status\":\"ok\""), 50, "%.400s", one.out);
            cr_assert_gt(count(one.out, "\"qualifier\""), 10000);
            char *first = strstr(one.out, "doc-000.md"), *last = strstr(one.out, "doc-049.md");
            cr_assert(first && last && first < last);
        }
        run_free(&one);
    }
    snprintf(args, sizeof args, "extract --format jsonl %s", dir);
    run one = same_for_any_jobs(args, two_and_eight, 2);
    cr_assert_eq(one.status, 0);
    cr_assert_gt(count(one.out, "\n"), 10000);
    run_free(&one);
}

Test(jobs, bad_jobs_values_are_usage_errors)
{
    static const char *const bad[] = {
        "-j0",  "-j -2", "--jobs=abc", "-j 2x", "-j ' 2'", "-j ''", "--jobs 99999999999999",
        "-j +3"};
    char args[200];
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        snprintf(args, sizeof args, "%s claims/", bad[k]);
        char *out, *err;
        cr_assert_eq(test_run(args, &out, &err), 2, "%s: accepted", bad[k]);
        cr_assert_str_eq(out, "", "%s", bad[k]);
        cr_assert_not_null(strstr(err, "factcheck: invalid number of jobs '"), "%s: %s", bad[k],
                           err);
        cr_assert_not_null(strstr(err, "Try 'factcheck --help' for more information."));
        free(out);
        free(err);
    }
    char *out, *err;
    cr_assert_eq(test_run("--help", &out, &err), 0);
    cr_assert_not_null(strstr(out, "  -j, --jobs N "));
    free(out);
    free(err);
}

Test(jobs, unreadable_inputs_give_the_same_report_on_two_threads, .fini = remove_tmpdir)
{
    const char *dir = make_tmpdir();
    const char good[] = "Agents made 12 arrests.\nAbout 250 workers were detained.\n";
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    char name[64], link[600];
    /* Good files between bad ones, so that the inputs after a failure must still
     * be appended in their place. */
    for (int i = 0; i < 12; i++) {
        snprintf(name, sizeof name, "%02d.md", i);
        switch (i % 4) {
        case 1:
            write_file(dir, name, png, sizeof png - 1);
            break;
        case 2:
            snprintf(link, sizeof link, "%s/%s", dir, name);
            cr_assert_eq(symlink("/nonexistent/target.md", link), 0);
            break;
        default:
            write_file(dir, name, good, sizeof good - 1);
        }
    }
    static const char *const formats[] = {"text", "json", "jsonl"};
    char args[1400];
    for (size_t f = 0; f < 3; f++) {
        snprintf(args, sizeof args,
                 "--format %s %s %s/missing.md claims/01-korean-community-uneasy.md", formats[f],
                 dir, dir);
        static const char *const two[] = {"-j2"};
        run one = same_for_any_jobs(args, two, 1);
        cr_assert_eq(one.status, 2);
        cr_assert_eq(count(one.err, "binary file"), 3, "%s", one.err);
        cr_assert_eq(count(one.err, "No such file or directory"), 4, "%s", one.err);
        run_free(&one);
    }
}

Test(jobs, standard_input_is_read_once_in_input_order)
{
    static const char *const two[] = {"-j2"};
    run one = same_for_any_jobs(
        "extract --format jsonl claims/ - < claims/09-korean-workers-held-early-report.md", two, 1);
    cr_assert_eq(one.status, 0);
    /* standard input is the last input, after the folder's documents */
    const char *doc = strstr(one.out, "\"doc\":\"-\"");
    cr_assert_not_null(doc);
    cr_assert_null(strstr(doc, "\"doc\":\"claims/"));
    cr_assert_not_null(strstr(doc, "\"text\":\"About 250\""));
    run_free(&one);
}

/* The library directly: the claim lists match field for field. */
static fc_corpus *extract_dir(const char *dir, unsigned jobs)
{
    fc_corpus *c = fc_corpus_new();
    cr_assert_not_null(c);
    fc_corpus_set_jobs(c, jobs);
    cr_assert_eq(fc_corpus_add_path(c, dir), FC_OK);
    cr_assert_eq(fc_corpus_add_path(c, "claims/"), FC_OK);
    cr_assert_eq(fc_corpus_extract(c, test_rules()), FC_OK);
    return c;
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

Test(jobs, library_claims_do_not_depend_on_the_thread_count, .timeout = 600, .fini = remove_tmpdir)
{
    const char *dir = make_tmpdir();
    split_generated(dir, "1", 20);
    fc_corpus *one = extract_dir(dir, 1);
    const fc_claims *a = fc_corpus_claims(one);
    cr_assert_gt(a->n, 2000);
    static const unsigned jobs[] = {2, 3, 0};
    for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++) {
        fc_corpus *many = extract_dir(dir, jobs[j]);
        const fc_claims *b = fc_corpus_claims(many);
        cr_assert_eq(fc_corpus_ninputs(many), fc_corpus_ninputs(one));
        for (size_t i = 0; i < fc_corpus_ninputs(one); i++)
            cr_assert_eq(fc_corpus_input(many, i)->nclaims, fc_corpus_input(one, i)->nclaims,
                         "jobs %u, input %zu", jobs[j], i);
        cr_assert_eq(b->n, a->n, "jobs %u", jobs[j]);
        for (size_t k = 0; k < a->n; k++) {
            const fc_claim *x = &a->items[k], *y = &b->items[k];
            cr_assert(strcmp(x->id, y->id) == 0 && x->doc == y->doc && x->start == y->start &&
                          x->end == y->end && x->value == y->value &&
                          strcmp(x->part_of, y->part_of) == 0 && same_str(x->subject, y->subject) &&
                          same_str(x->attribution, y->attribution) &&
                          same_str(x->measure, y->measure) && same_str(x->period, y->period),
                      "jobs %u: claim %zu differs (%s / %s)", jobs[j], k, x->id, y->id);
        }
        /* Extracting again does nothing: every input is done. */
        cr_assert_eq(fc_corpus_extract(many, test_rules()), FC_OK);
        cr_assert_eq(fc_corpus_claims(many)->n, a->n);
        fc_corpus_free(many);
    }
    fc_corpus_free(one);
}
